//! One index over every entry of a dataset, scored with fuzzy-matcher's
//! `SkimMatcherV2` on folded text, using both cores for large datasets.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::fold::{Folded, fold, fold_accents, original_ranges};
use super::query::{Query, Term, TermKind};
use crate::data::{Dataset, Headcount};

/// What an entry is; the order is the tie-break order of hits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Region,
    City,
    Organisation,
    Funding,
    Article,
    Document,
}

impl Kind {
    pub const ALL: [Kind; 6] = [
        Kind::Region,
        Kind::City,
        Kind::Organisation,
        Kind::Funding,
        Kind::Article,
        Kind::Document,
    ];

    /// The name used in JSON output and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Region => "region",
            Kind::City => "city",
            Kind::Organisation => "organisation",
            Kind::Funding => "funding",
            Kind::Article => "article",
            Kind::Document => "document",
        }
    }
}

/// One searchable entry: what is shown (`label`) and what else finds it (`detail`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub kind: Kind,
    pub id: String,
    pub label: String,
    pub detail: String,
}

/// A matched entry and its score; highlights are computed on demand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub entry: u32,
    pub score: i64,
}

#[derive(Debug)]
struct Prepared {
    label: Folded,
    /// Folded label, a space, and the folded detail.
    full: String,
}

/// Entries at or above this count are scored on several threads.
const PARALLEL_THRESHOLD: usize = 8_192;
/// Text longer than this (in bytes) counts as long: a paragraph, an article, a
/// label followed by its details. In long text a fuzzy term must fall within one
/// word (a typo such as `famile` or `conset` still does), because letters
/// scattered across a paragraph are noise. The rule keeps matching monotone (a
/// word holding `mon` holds `mo`), which narrowing while typing relies on.
const LONG_TEXT: usize = 64;

/// True when `needle` may match fuzzily in `haystack`: anywhere in short text,
/// within one word (between spaces and punctuation) in long text.
fn fuzzy_candidate(needle: &[u8], haystack: &[u8]) -> bool {
    if haystack.len() <= LONG_TEXT {
        is_subsequence(needle, haystack)
    } else {
        haystack
            .split(|&b| matches!(b, b' ' | b'/' | b'.' | b',' | b';' | b':' | b'(' | b')'))
            .any(|word| word.len() >= needle.len() && is_subsequence(needle, word))
    }
}

/// Bonus for a fuzzy term equal to the whole label, so `quebec` puts Québec first.
const WHOLE_LABEL_BONUS: i64 = 1_000;

pub struct Index {
    entries: Vec<Entry>,
    prepared: Vec<Prepared>,
    /// Position of each entry in (kind, folded label, id) order, the tie-break.
    rank: Vec<u32>,
    matcher: SkimMatcherV2,
}

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Index")
            .field("entries", &self.entries.len())
            .finish()
    }
}

/// Every entry of the dataset, in kind order.
pub fn entries(data: &Dataset) -> Vec<Entry> {
    fn region_name<'a>(data: &'a Dataset, code: &'a str) -> &'a str {
        data.region(code).map_or(code, |r| r.name.as_str())
    }
    let mut out = Vec::new();
    for r in &data.regions {
        out.push(Entry {
            kind: Kind::Region,
            id: r.code.clone(),
            label: r.name.clone(),
            detail: format!("région {}", r.code),
        });
    }
    for c in &data.cities {
        let count = match c.headcount() {
            Headcount::Known(n) => n.to_string(),
            Headcount::Withheld(w) => format!("caviardé withheld art. {}", w.articles.join(" ")),
            Headcount::Missing => String::new(),
        };
        out.push(Entry {
            kind: Kind::City,
            id: c.id.clone(),
            label: c.name.clone(),
            detail: format!("{} {count}", region_name(data, &c.region)),
        });
    }
    for o in &data.organisations {
        let regions: Vec<&str> = o.regions.iter().map(|r| region_name(data, r)).collect();
        out.push(Entry {
            kind: Kind::Organisation,
            id: o.id.clone(),
            label: o.display_name(),
            detail: regions.join(", "),
        });
    }
    for f in &data.funding {
        out.push(Entry {
            kind: Kind::Funding,
            id: f.id.clone(),
            label: f.organisation.clone(),
            detail: format!("financement funding {} $", f.amount_cad),
        });
    }
    for a in &data.articles {
        let body = [&a.text, &a.paraphrase, &a.history]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join(" ");
        out.push(Entry {
            kind: Kind::Article,
            id: a.number.clone(),
            label: format!("Article {}", a.number),
            detail: format!("{body} {}", a.cited_for),
        });
    }
    let doc = &data.document;
    for q in &doc.questions {
        let answers: Vec<&str> = q.answers.iter().map(|a| a.text.as_str()).collect();
        out.push(Entry {
            kind: Kind::Document,
            id: format!("question-{}", q.number),
            label: format!("{}- {}", q.number, q.text),
            detail: answers.join(" "),
        });
    }
    let sections = [
        ("law", format!("{} ({})", doc.law.title, doc.law.citation)),
        ("caveat", doc.caveat.text.clone()),
        ("deployment_note", doc.deployment_note.text.clone()),
        ("review", doc.review.text.clone()),
        (
            "signatory",
            format!("{}, {}", doc.signatory.name, doc.signatory.title),
        ),
    ];
    for (id, label) in sections {
        out.push(Entry {
            kind: Kind::Document,
            id: id.to_string(),
            label,
            detail: String::new(),
        });
    }
    out
}

/// True when the bytes of `needle` appear in order in `haystack`.
fn is_subsequence(needle: &[u8], haystack: &[u8]) -> bool {
    let mut rest = haystack;
    for &b in needle {
        match memchr(b, rest) {
            Some(i) => rest = &rest[i + 1..],
            None => return false,
        }
    }
    true
}

fn memchr(b: u8, s: &[u8]) -> Option<usize> {
    s.iter().position(|&x| x == b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_text_needs_the_term_within_a_word() {
        let paragraph = "les renseignements personnels sont confidentiels sauf dans les cas suivants: la personne";
        assert!(paragraph.len() > LONG_TEXT);
        assert!(fuzzy_candidate(b"confidentiel", paragraph.as_bytes()));
        assert!(fuzzy_candidate(b"confidentels", paragraph.as_bytes()));
        assert!(!fuzzy_candidate(b"toronto", paragraph.as_bytes()));
        assert!(fuzzy_candidate(b"stt", b"short text"));
    }
}

impl Index {
    pub fn new(entries: Vec<Entry>) -> Index {
        let prepared: Vec<Prepared> = entries
            .iter()
            .map(|e| {
                let label = fold(&e.label);
                let full = format!("{} {}", label.text, fold_accents(&e.detail));
                Prepared { label, full }
            })
            .collect();
        let mut order: Vec<u32> = (0..entries.len() as u32).collect();
        order.sort_by(|&a, &b| {
            let (ea, eb) = (&entries[a as usize], &entries[b as usize]);
            (ea.kind, &prepared[a as usize].label.text, &ea.id).cmp(&(
                eb.kind,
                &prepared[b as usize].label.text,
                &eb.id,
            ))
        });
        let mut rank = vec![0u32; entries.len()];
        for (position, &entry) in order.iter().enumerate() {
            rank[entry as usize] = position as u32;
        }
        Index {
            entries,
            prepared,
            rank,
            matcher: SkimMatcherV2::default().respect_case(),
        }
    }

    pub fn build(data: &Dataset) -> Index {
        Index::new(entries(data))
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn entry(&self, hit: u32) -> &Entry {
        &self.entries[hit as usize]
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Score of one term against one entry, `None` when it does not match.
    fn term_score(&self, p: &Prepared, term: &Term) -> Option<i64> {
        let needle = term.text.as_bytes();
        let label = p.label.text.as_str();
        match term.kind {
            TermKind::Fuzzy => {
                if fuzzy_candidate(needle, label.as_bytes()) {
                    let score = self.matcher.fuzzy_match(label, &term.text)?;
                    let bonus = if label == term.text {
                        WHOLE_LABEL_BONUS
                    } else {
                        0
                    };
                    Some(score * 2 + bonus)
                } else if fuzzy_candidate(needle, p.full.as_bytes()) {
                    self.matcher.fuzzy_match(&p.full, &term.text)
                } else {
                    None
                }
            }
            TermKind::Exact => {
                let weight = 16 * term.text.chars().count() as i64;
                if label.contains(&term.text) {
                    Some(weight * 2)
                } else {
                    p.full.contains(&term.text).then_some(weight)
                }
            }
            TermKind::Prefix => label
                .starts_with(&term.text)
                .then(|| 32 * term.text.chars().count() as i64),
            TermKind::Suffix => label
                .ends_with(&term.text)
                .then(|| 32 * term.text.chars().count() as i64),
            TermKind::Whole => (label == term.text).then_some(WHOLE_LABEL_BONUS),
        }
    }

    /// Score of a whole query against one entry: every positive term matches and
    /// no excluded one does.
    fn score(&self, entry: u32, query: &Query) -> Option<i64> {
        let p = &self.prepared[entry as usize];
        let mut total = 0;
        for term in &query.terms {
            let score = self.term_score(p, term);
            match (term.negated, score) {
                (false, Some(s)) => total += s,
                (false, None) | (true, Some(_)) => return None,
                (true, None) => {}
            }
        }
        Some(total)
    }

    fn score_all(&self, candidates: &[u32], query: &Query) -> Vec<Hit> {
        let score_chunk = |chunk: &[u32]| -> Vec<Hit> {
            chunk
                .iter()
                .filter_map(|&entry| self.score(entry, query).map(|score| Hit { entry, score }))
                .collect()
        };
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
        if threads < 2 || candidates.len() < PARALLEL_THRESHOLD {
            return score_chunk(candidates);
        }
        let size = candidates.len().div_ceil(threads);
        std::thread::scope(|scope| {
            let handles: Vec<_> = candidates
                .chunks(size)
                .map(|chunk| scope.spawn(move || score_chunk(chunk)))
                .collect();
            let mut hits = Vec::new();
            for handle in handles {
                // A scoring thread cannot panic on any input; if it ever did, the
                // panic is re-raised here rather than hits silently going missing.
                match handle.join() {
                    Ok(part) => hits.extend(part),
                    Err(panic) => std::panic::resume_unwind(panic),
                }
            }
            hits
        })
    }

    /// Hits for `query` among `candidates` (every entry when `None`), best first:
    /// score, then kind, then folded label, then id.
    pub fn search_among(&self, query: &Query, candidates: Option<&[u32]>) -> Vec<Hit> {
        let all: Vec<u32>;
        let candidates = match candidates {
            Some(c) => c,
            None => {
                all = (0..self.entries.len() as u32).collect();
                &all
            }
        };
        let mut hits = if query.is_empty() {
            candidates
                .iter()
                .map(|&entry| Hit { entry, score: 0 })
                .collect()
        } else {
            self.score_all(candidates, query)
        };
        hits.sort_unstable_by_key(|h| (std::cmp::Reverse(h.score), self.rank[h.entry as usize]));
        hits
    }

    pub fn search(&self, query: &Query) -> Vec<Hit> {
        self.search_among(query, None)
    }

    /// Character ranges `[start, end)` of the entry's label that the query's
    /// positive terms match, for highlighting.
    pub fn highlights(&self, entry: u32, query: &Query) -> Vec<(usize, usize)> {
        let p = &self.prepared[entry as usize];
        let label = p.label.text.as_str();
        let mut indices: Vec<usize> = Vec::new();
        for term in query.terms.iter().filter(|t| !t.negated) {
            let char_at = |byte: usize| label[..byte].chars().count();
            let len = term.text.chars().count();
            match term.kind {
                TermKind::Fuzzy => {
                    if let Some((_, found)) = self.matcher.fuzzy_indices(label, &term.text) {
                        indices.extend(found);
                    }
                }
                TermKind::Exact => {
                    if let Some(at) = label.find(&term.text) {
                        let start = char_at(at);
                        indices.extend(start..start + len);
                    }
                }
                TermKind::Prefix | TermKind::Whole => {
                    if label.starts_with(&term.text) {
                        indices.extend(0..len);
                    }
                }
                TermKind::Suffix => {
                    if label.ends_with(&term.text) {
                        let start = char_at(label.len() - term.text.len());
                        indices.extend(start..start + len);
                    }
                }
            }
        }
        original_ranges(&p.label, &indices)
    }
}

/// Searches as a user types: when the new query extends the previous one, only
/// the previous hits are scored again.
#[derive(Debug, Default)]
pub struct Searcher {
    last_input: String,
    last_hits: Vec<u32>,
}

impl Searcher {
    pub fn search(&mut self, index: &Index, input: &str) -> Vec<Hit> {
        let query = Query::parse(input);
        let narrowed = Query::narrows(&self.last_input, input);
        let hits = if narrowed {
            index.search_among(&query, Some(&self.last_hits))
        } else {
            index.search(&query)
        };
        self.last_input = input.to_string();
        self.last_hits = hits.iter().map(|h| h.entry).collect();
        // Entry order keeps memory access sequential on the next narrowing.
        self.last_hits.sort_unstable();
        hits
    }
}
