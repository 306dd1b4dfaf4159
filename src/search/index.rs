//! One index over every entry of a dataset, scored with fuzzy-matcher's skim
//! algorithm on folded text, using every core for large datasets.

use std::cmp::{Ordering, Reverse};
use std::sync::OnceLock;

use fuzzy_matcher::FuzzyMatcher;

use super::entry::{Entry, entries};
use super::fold::{fold, fold_into, original_ranges};
use super::order::TieBreak;
use super::parallel::in_parts_mut;
use super::query::{Query, Term, TermKind};
use super::skim;
use crate::data::Dataset;

/// A matched entry and its score; highlights are computed on demand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub entry: u32,
    pub score: i64,
}

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
    /// The folded text of the entries back to back, each its folded label, a
    /// space and its folded detail: one buffer per core that built it rather
    /// than strings per entry, so scoring reads memory in order.
    folded: Vec<String>,
    spans: Vec<Span>,
    /// The tie-break order, sorted on first need: a one-off search whose few
    /// hits can be compared directly never pays for sorting every entry.
    tie_break: OnceLock<TieBreak>,
}

/// Where an entry's folded text lies in [`Index::folded`].
#[derive(Debug, Clone, Copy, Default)]
struct Span {
    part: usize,
    start: usize,
    label_end: usize,
    end: usize,
}

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Index")
            .field("entries", &self.entries.len())
            .finish()
    }
}

/// A matched entry as scoring produces it: its score, then its entry number or,
/// while sorting, its tie-break rank.
type Scored = (Reverse<i64>, u32);

/// Hits numbering up to the entries divided by this are sorted by comparing
/// their labels; more are sorted by tie-break rank, sorting every entry once
/// (which later searches reuse).
const DIRECT_SORT_FRACTION: usize = 4;

/// Which entries a search looks at.
#[derive(Debug, Clone, Copy)]
pub(super) enum Candidates<'a> {
    All,
    /// Entry numbers, ascending when they come from a [`Searcher`].
    Among(&'a [u32]),
}

/// True when the bytes of `needle` appear in order in `haystack`.
fn is_subsequence(needle: &[u8], haystack: &[u8]) -> bool {
    let mut rest = haystack;
    for &b in needle {
        match memchr::memchr(b, rest) {
            Some(i) => rest = &rest[i + 1..],
            None => return false,
        }
    }
    true
}

impl Index {
    pub fn new(entries: Vec<Entry>) -> Index {
        let (folded, spans) = fold_all(&entries);
        Index {
            entries,
            folded,
            spans,
            tie_break: OnceLock::new(),
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

    /// The folded label of an entry.
    fn label(&self, entry: u32) -> &str {
        let s = self.spans[entry as usize];
        &self.folded[s.part][s.start..s.label_end]
    }

    fn tie_break(&self) -> &TieBreak {
        self.tie_break.get_or_init(|| {
            TieBreak::new(&self.entries, |e| {
                let s = self.spans[e as usize];
                &self.folded[s.part].as_bytes()[s.start..s.label_end]
            })
        })
    }

    /// The tie-break order of two entries, without [`TieBreak`].
    fn tie_break_cmp(&self, a: u32, b: u32) -> Ordering {
        let (ea, eb) = (&self.entries[a as usize], &self.entries[b as usize]);
        (ea.kind, self.label(a), &ea.id, a).cmp(&(eb.kind, self.label(b), &eb.id, b))
    }

    /// The folded label, a space, and the folded detail of an entry.
    fn full(&self, entry: u32) -> &str {
        let s = self.spans[entry as usize];
        &self.folded[s.part][s.start..s.end]
    }

    /// Score of one term against one entry, `None` when it does not match.
    fn term_score(&self, entry: u32, term: &Term) -> Option<i64> {
        let needle = term.text.as_bytes();
        let label = self.label(entry);
        match term.kind {
            TermKind::Fuzzy => {
                if fuzzy_candidate(needle, label.as_bytes()) {
                    let score = skim::score(label, &term.text)?;
                    let bonus = if label == term.text {
                        WHOLE_LABEL_BONUS
                    } else {
                        0
                    };
                    Some(score * 2 + bonus)
                } else {
                    let full = self.full(entry);
                    if fuzzy_candidate(needle, full.as_bytes()) {
                        skim::score(full, &term.text)
                    } else {
                        None
                    }
                }
            }
            TermKind::Exact => {
                let weight = 16 * term.text.chars().count() as i64;
                if label.contains(&term.text) {
                    Some(weight * 2)
                } else {
                    self.full(entry).contains(&term.text).then_some(weight)
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
        let mut total = 0;
        for term in &query.terms {
            let score = self.term_score(entry, term);
            match (term.negated, score) {
                (false, Some(s)) => total += s,
                (false, None) | (true, Some(_)) => return None,
                (true, None) => {}
            }
        }
        Some(total)
    }

    /// The candidates that match `query`, in candidate order, not yet sorted.
    fn matches(&self, query: &Query, candidates: Candidates<'_>) -> Vec<Scored> {
        let entry_at = |i: usize| match candidates {
            Candidates::All => i as u32,
            Candidates::Among(among) => among[i],
        };
        let len = match candidates {
            Candidates::All => self.entries.len(),
            Candidates::Among(among) => among.len(),
        };
        // One vector with room for every candidate, allocated by the calling
        // thread: each core writes the matches of its range at the start of its
        // own part. The threads started for one search then allocate nothing; with
        // a per-thread allocator, what they allocated would stay resident after
        // they end, search after search.
        let mut out = vec![(Reverse(0), 0); len];
        let parts = in_parts_mut(&mut out, |_, range, part| {
            let mut found = 0;
            for i in range.clone() {
                let entry = entry_at(i);
                if let Some(score) = self.score(entry, query) {
                    part[found] = (Reverse(score), entry);
                    found += 1;
                }
            }
            (range.start, found)
        });
        let mut kept = 0;
        for (start, found) in parts {
            out.copy_within(start..start + found, kept);
            kept += found;
        }
        out.truncate(kept);
        out
    }

    /// Matches of `query` among `candidates`, best first; `matched`, when given,
    /// receives the matched entry numbers in candidate order.
    pub(super) fn ranked(
        &self,
        query: &Query,
        candidates: Candidates<'_>,
        matched: Option<&mut Vec<u32>>,
    ) -> Vec<Hit> {
        let mut scored = if query.is_empty() {
            // Everything matches with the same score.
            match candidates {
                Candidates::All => {
                    if let Some(matched) = matched {
                        matched.clear();
                        matched.extend(0..self.entries.len() as u32);
                    }
                    return self
                        .tie_break()
                        .order
                        .iter()
                        .map(|&entry| Hit { entry, score: 0 })
                        .collect();
                }
                Candidates::Among(among) => among.iter().map(|&e| (Reverse(0), e)).collect(),
            }
        } else {
            self.matches(query, candidates)
        };
        if let Some(matched) = matched {
            matched.clear();
            matched.extend(scored.iter().map(|&(_, e)| e));
        }
        match self.tie_break.get() {
            None if scored.len() <= self.entries.len() / DIRECT_SORT_FRACTION => {
                scored.sort_unstable_by(|a, b| {
                    a.0.cmp(&b.0).then_with(|| self.tie_break_cmp(a.1, b.1))
                });
            }
            _ => {
                let TieBreak { rank, order } = self.tie_break();
                for hit in &mut scored {
                    hit.1 = rank[hit.1 as usize];
                }
                // Ranks are unique, so the order is total and an unstable sort
                // is deterministic.
                scored.sort_unstable();
                for hit in &mut scored {
                    hit.1 = order[hit.1 as usize];
                }
            }
        }
        // Same size and alignment: collected in place, without a new allocation.
        scored
            .into_iter()
            .map(|(Reverse(score), entry)| Hit { entry, score })
            .collect()
    }

    /// Hits for `query` among `candidates` (every entry when `None`), best first:
    /// score, then kind, then folded label, then id.
    pub fn search_among(&self, query: &Query, candidates: Option<&[u32]>) -> Vec<Hit> {
        let candidates = candidates.map_or(Candidates::All, Candidates::Among);
        self.ranked(query, candidates, None)
    }

    pub fn search(&self, query: &Query) -> Vec<Hit> {
        self.search_among(query, None)
    }

    /// The first `limit` hits of [`Index::search`] whose entry `keep` accepts,
    /// without ranking the others: what a one-off search showing a few lines
    /// needs, such as `pap-tui search --limit 20`.
    pub fn search_top(
        &self,
        query: &Query,
        limit: usize,
        keep: impl Fn(&Entry) -> bool,
    ) -> Vec<Hit> {
        if limit == 0 {
            return Vec::new();
        }
        let mut scored = if query.is_empty() {
            (0..self.entries.len() as u32)
                .map(|e| (Reverse(0), e))
                .collect()
        } else {
            self.matches(query, Candidates::All)
        };
        scored.retain(|&(_, e)| keep(&self.entries[e as usize]));
        if scored.len() > limit {
            // Scores first, as plain numbers: only the hits tied with the last
            // one kept need the tie-break.
            let (_, &mut (last, _), _) = scored.select_nth_unstable_by_key(limit - 1, |h| h.0);
            scored.retain(|h| h.0 <= last);
        }
        let cmp = |a: &Scored, b: &Scored| match self.tie_break.get() {
            Some(t) => (a.0, t.rank[a.1 as usize]).cmp(&(b.0, t.rank[b.1 as usize])),
            None => a.0.cmp(&b.0).then_with(|| self.tie_break_cmp(a.1, b.1)),
        };
        if scored.len() > limit {
            scored.select_nth_unstable_by(limit - 1, cmp);
            scored.truncate(limit);
        }
        scored.sort_unstable_by(cmp);
        scored
            .into_iter()
            .map(|(Reverse(score), entry)| Hit { entry, score })
            .collect()
    }

    /// Character ranges `[start, end)` of the entry's label that the query's
    /// positive terms match, for highlighting.
    pub fn highlights(&self, entry: u32, query: &Query) -> Vec<(usize, usize)> {
        // Folded again here, for the few entries on screen, rather than keeping
        // the map back to the original characters for every entry.
        let folded = fold(&self.entries[entry as usize].label);
        let matcher = skim::fresh_matcher();
        let label = folded.text.as_str();
        let mut indices: Vec<usize> = Vec::new();
        for term in query.terms.iter().filter(|t| !t.negated) {
            let char_at = |byte: usize| label[..byte].chars().count();
            let len = term.text.chars().count();
            match term.kind {
                TermKind::Fuzzy => {
                    if let Some((_, found)) = matcher.fuzzy_indices(label, &term.text) {
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
        original_ranges(&folded, &indices)
    }
}

/// Folds every entry, on every core for large datasets: each core writes its
/// entries' text and spans in place, so nothing is copied afterwards.
fn fold_all(entries: &[Entry]) -> (Vec<String>, Vec<Span>) {
    let mut spans = vec![Span::default(); entries.len()];
    let folded = in_parts_mut(&mut spans, |part, range, spans| {
        let entries = &entries[range];
        let bytes = entries
            .iter()
            .map(|e| e.label.len() + 1 + e.detail.len())
            .sum();
        let mut folded = String::with_capacity(bytes);
        for (e, span) in entries.iter().zip(spans) {
            let start = folded.len();
            fold_into(&e.label, &mut folded);
            let label_end = folded.len();
            folded.push(' ');
            fold_into(&e.detail, &mut folded);
            *span = Span {
                part,
                start,
                label_end,
                end: folded.len(),
            };
        }
        folded
    });
    (folded, spans)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::Kind;

    #[test]
    fn long_text_needs_the_term_within_a_word() {
        let paragraph = "les renseignements personnels sont confidentiels sauf dans les cas suivants: la personne";
        assert!(paragraph.len() > LONG_TEXT);
        assert!(fuzzy_candidate(b"confidentiel", paragraph.as_bytes()));
        assert!(fuzzy_candidate(b"confidentels", paragraph.as_bytes()));
        assert!(!fuzzy_candidate(b"toronto", paragraph.as_bytes()));
        assert!(fuzzy_candidate(b"stt", b"short text"));
    }

    fn synthetic_index(organisations: usize) -> Index {
        match crate::synthetic::dataset(organisations) {
            Ok(data) => Index::build(&data),
            Err(e) => panic!("{e}"),
        }
    }

    /// Hits ranked the slow, obvious way: every entry scored on its own, then
    /// sorted by score, kind, folded label, id and entry number.
    fn reference(index: &Index, input: &str) -> Vec<Hit> {
        let query = Query::parse(input);
        let mut hits: Vec<Hit> = (0..index.len() as u32)
            .filter_map(|entry| index.score(entry, &query).map(|score| Hit { entry, score }))
            .collect();
        hits.sort_by(|a, b| {
            let (ea, eb) = (index.entry(a.entry), index.entry(b.entry));
            b.score.cmp(&a.score).then_with(|| {
                (ea.kind, fold(&ea.label).text, &ea.id).cmp(&(
                    eb.kind,
                    fold(&eb.label).text,
                    &eb.id,
                ))
            })
        });
        hits
    }

    #[test]
    fn top_hits_are_the_first_hits() {
        let index = synthetic_index(3_000);
        let check = |input: &str| {
            let query = Query::parse(input);
            let all = index.search(&query);
            for limit in [0, 1, 5, 20, 100_000] {
                let want: Vec<Hit> = all.iter().copied().take(limit).collect();
                assert_eq!(
                    index.search_top(&query, limit, |_| true),
                    want,
                    "{input:?} {limit}"
                );
                let cities: Vec<Hit> = all
                    .iter()
                    .copied()
                    .filter(|h| index.entry(h.entry).kind == Kind::City)
                    .take(limit)
                    .collect();
                let got = index.search_top(&query, limit, |e| e.kind == Kind::City);
                assert_eq!(got, cities, "{input:?} {limit} cities");
            }
        };
        let inputs = ["e", "montreal", "int lev", "", "zzzz", "^centre"];
        let fresh = synthetic_index(3_000);
        for input in inputs {
            let query = Query::parse(input);
            assert_eq!(
                fresh.search_top(&query, 20, |_| true),
                index
                    .search(&query)
                    .into_iter()
                    .take(20)
                    .collect::<Vec<_>>(),
                "{input:?} without the tie-break order"
            );
        }
        assert!(fresh.tie_break.get().is_none());
        for input in inputs {
            check(input);
        }
    }

    #[test]
    fn hits_are_ranked_as_defined_before_and_after_the_tie_break_order_exists() {
        let index = synthetic_index(3_000);
        let selective = [
            "montreal",
            "cjm",
            "'levis",
            "hebergement !secteur",
            "^centre d'",
        ];
        for input in selective {
            assert_eq!(
                index.search(&Query::parse(input)),
                reference(&index, input),
                "{input:?}"
            );
        }
        assert!(
            index.tie_break.get().is_none(),
            "few hits are compared directly"
        );
        assert_eq!(index.search(&Query::parse("e")), reference(&index, "e"));
        assert!(
            index.tie_break.get().is_some(),
            "many hits sort every entry once"
        );
        for input in selective.into_iter().chain(["", "e", "int lev"]) {
            assert_eq!(
                index.search(&Query::parse(input)),
                reference(&index, input),
                "{input:?}"
            );
        }
    }
}
