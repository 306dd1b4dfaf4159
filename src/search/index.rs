//! One index over every entry of a dataset: each field of an entry folded and
//! matched on its own, scored with fuzzy-matcher's skim algorithm, using every
//! core for large datasets.

use std::cmp::{Ordering, Reverse};
use std::sync::OnceLock;

use foldhash::HashMap;

use super::entry::{Entry, Field, entries};
use super::field_match::FieldMatch;
use super::fold::{fold, fold_accents, fold_into, original_ranges};
use super::matching;
use super::order::TieBreak;
use super::parallel::in_parts_mut;
use super::query::{Query, Term};
use crate::data::Dataset;

mod stored;
pub use stored::ByteSink;

/// A matched entry and its score; highlights are computed on demand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub entry: u32,
    pub score: i64,
}

pub struct Index {
    entries: Vec<Entry>,
    /// The folded fields of the entries, one [`Part`] per core that built them,
    /// so that scoring reads memory in order.
    parts: Vec<Part>,
    spans: Vec<Span>,
    /// The folded texts of fields that recur over many entries (region names),
    /// each kept and scored once per search rather than once per entry.
    shared: Vec<String>,
    /// The tie-break order, sorted on first need: a one-off search whose few
    /// hits can be compared directly never pays for sorting every entry.
    tie_break: OnceLock<TieBreak>,
}

/// The folded fields of a run of entries back to back, and where each lies.
#[derive(Debug, Default)]
struct Part {
    text: String,
    fields: Vec<Place>,
}

/// Where a field's folded text lies, in one word: the end of its text in its
/// part (it starts where the entry's previous field of its own ends), or, with
/// [`SHARED`] set, its number among the shared texts.
#[derive(Debug, Clone, Copy)]
struct Place(usize);

/// The bit of a [`Place`] that marks a shared text: no part holds 2⁶³ bytes.
const SHARED: usize = 1 << (usize::BITS - 1);

/// One folded field of an entry: its text, and its number among the shared
/// texts when it is one.
#[derive(Debug, Clone, Copy)]
struct Folded<'a> {
    text: &'a str,
    shared: Option<usize>,
}

/// The scores of each term of a query in each shared text, by term then text.
type SharedScores = Vec<Vec<Option<i64>>>;

/// Where an entry's fields lie: `parts[part].fields[first..end]`, its name
/// first, their own texts from byte `start` of the part's text.
#[derive(Debug, Clone, Copy, Default)]
struct Span {
    part: usize,
    first: usize,
    end: usize,
    start: usize,
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

impl Index {
    pub(crate) fn new(entries: Vec<Entry>) -> Index {
        let (parts, spans, shared) = fold_all(&entries);
        Index {
            entries,
            parts,
            spans,
            shared,
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

    /// The folded fields of an entry, its name first.
    fn fields(&self, entry: u32) -> impl Iterator<Item = Folded<'_>> {
        let s = self.spans[entry as usize];
        let part = &self.parts[s.part];
        let mut start = s.start;
        part.fields[s.first..s.end]
            .iter()
            .map(move |&Place(place)| {
                if place & SHARED != 0 {
                    let n = place & !SHARED;
                    Folded {
                        text: &self.shared[n],
                        shared: Some(n),
                    }
                } else {
                    let text = &part.text[start..place];
                    start = place;
                    Folded { text, shared: None }
                }
            })
    }

    /// The folded name of an entry.
    fn label(&self, entry: u32) -> &str {
        self.fields(entry).next().map_or("", |f| f.text)
    }

    /// The score of each term of `query` in each shared text.
    fn shared_scores(&self, query: &Query) -> SharedScores {
        query
            .terms
            .iter()
            .map(|term| {
                self.shared
                    .iter()
                    .map(|text| matching::score(term, text, false))
                    .collect()
            })
            .collect()
    }

    fn tie_break(&self) -> &TieBreak {
        self.tie_break
            .get_or_init(|| TieBreak::new(&self.entries, |e| self.label(e).as_bytes()))
    }

    /// The tie-break order of two entries, without [`TieBreak`].
    fn tie_break_cmp(&self, a: u32, b: u32) -> Ordering {
        let (ea, eb) = (&self.entries[a as usize], &self.entries[b as usize]);
        (ea.kind, self.label(a), &ea.id, a).cmp(&(eb.kind, self.label(b), &eb.id, b))
    }

    /// The field where `term` scores best in an entry (the first of equals)
    /// and that score; `None` when it matches no field. `shared` holds the
    /// term's scores in the shared texts, when a search has them.
    fn best_field(
        &self,
        entry: u32,
        term: &Term,
        shared: Option<&[Option<i64>]>,
    ) -> Option<(usize, i64)> {
        let mut best: Option<(usize, i64)> = None;
        for (n, field) in self.fields(entry).enumerate() {
            let score = match (field.shared, shared) {
                (Some(k), Some(scores)) => scores[k],
                _ => matching::score(term, field.text, n == 0),
            };
            if let Some(score) = score
                && best.is_none_or(|(_, b)| score > b)
            {
                best = Some((n, score));
            }
        }
        best
    }

    /// Score of a whole query against one entry: every positive term matches and
    /// no excluded one does.
    fn score(&self, entry: u32, query: &Query, shared: &SharedScores) -> Option<i64> {
        let mut total = 0;
        for (term, scores) in query.terms.iter().zip(shared) {
            let score = self
                .best_field(entry, term, Some(scores))
                .map(|(_, score)| score);
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
        let shared = self.shared_scores(query);
        let mut out = vec![(Reverse(0), 0); len];
        let parts = in_parts_mut(&mut out, |_, range, part| {
            let mut found = 0;
            for i in range.clone() {
                let entry = entry_at(i);
                if let Some(score) = self.score(entry, query, &shared) {
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
        self.ranked_first(query, candidates, matched, usize::MAX).0
    }

    /// Matches of `query` among `candidates` with the best `first` of them in
    /// order, best first, and the others after them in no order; and how many
    /// are in order: all of them when there are no more than `first`.
    /// [`Index::order_rest`] puts the others in order. Ordering a few costs a
    /// pass over the matches; ordering many thousands sorts them all, and,
    /// past a quarter of the entries, every entry once.
    pub(super) fn ranked_first(
        &self,
        query: &Query,
        candidates: Candidates<'_>,
        matched: Option<&mut Vec<u32>>,
        first: usize,
    ) -> (Vec<Hit>, usize) {
        let mut scored = if query.is_empty() {
            // Everything matches with the same score.
            match candidates {
                Candidates::All => {
                    if let Some(matched) = matched {
                        matched.clear();
                        matched.extend(0..self.entries.len() as u32);
                    }
                    let hits: Vec<Hit> = self
                        .tie_break()
                        .order
                        .iter()
                        .map(|&entry| Hit { entry, score: 0 })
                        .collect();
                    let ordered = hits.len();
                    return (hits, ordered);
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
        let ordered = if scored.len() > first && first > 0 {
            self.best_first(&mut scored, first);
            first
        } else {
            self.order(&mut scored);
            scored.len()
        };
        // Same size and alignment: collected in place, without a new allocation.
        let hits = scored
            .into_iter()
            .map(|(Reverse(score), entry)| Hit { entry, score })
            .collect();
        (hits, ordered)
    }

    /// Puts in order the hits that [`Index::ranked_first`] left after the first
    /// `ordered`, so that all are in the order of [`Index::search`]: each of
    /// them ranks after every one of the first.
    pub fn order_rest(&self, hits: &mut [Hit], ordered: usize) {
        let Some(rest) = hits.get_mut(ordered..) else {
            return;
        };
        let mut scored: Vec<Scored> = rest.iter().map(|h| (Reverse(h.score), h.entry)).collect();
        self.order(&mut scored);
        for (hit, (Reverse(score), entry)) in rest.iter_mut().zip(scored) {
            *hit = Hit { entry, score };
        }
    }

    /// Puts the best `first` matches (`0 < first < scored.len()`) at the front,
    /// in order, the others after them in no order. They are chosen by score
    /// alone, as plain numbers: only the matches tied with the last of them
    /// need the tie-break.
    fn best_first(&self, scored: &mut [Scored], first: usize) {
        let (_, &mut (last, _), _) = scored.select_nth_unstable_by_key(first - 1, |h| h.0);
        let better = partition(scored, |h| h.0 < last);
        let tied = better + partition(&mut scored[better..], |h| h.0 == last);
        let cmp = |a: &Scored, b: &Scored| self.scored_cmp(a, b);
        if tied > first {
            scored[better..tied].select_nth_unstable_by(first - 1 - better, cmp);
        }
        scored[..first].sort_unstable_by(cmp);
    }

    /// The order of two matches: score, then the tie-break order.
    fn scored_cmp(&self, a: &Scored, b: &Scored) -> Ordering {
        match self.tie_break.get() {
            Some(t) => (a.0, t.rank[a.1 as usize]).cmp(&(b.0, t.rank[b.1 as usize])),
            None => a.0.cmp(&b.0).then_with(|| self.tie_break_cmp(a.1, b.1)),
        }
    }

    /// Sorts matches best first: a few by comparing their labels, many by
    /// tie-break rank, sorting every entry once (which later searches reuse).
    fn order(&self, scored: &mut [Scored]) {
        match self.tie_break.get() {
            None if scored.len() <= self.entries.len() / DIRECT_SORT_FRACTION => {
                scored.sort_unstable_by(|a, b| {
                    a.0.cmp(&b.0).then_with(|| self.tie_break_cmp(a.1, b.1))
                });
            }
            _ => {
                let TieBreak { rank, order } = self.tie_break();
                for hit in scored.iter_mut() {
                    hit.1 = rank[hit.1 as usize];
                }
                // Ranks are unique, so the order is total and an unstable sort
                // is deterministic.
                scored.sort_unstable();
                for hit in scored.iter_mut() {
                    hit.1 = order[hit.1 as usize];
                }
            }
        }
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
            self.best_first(&mut scored, limit);
            scored.truncate(limit);
        } else {
            scored.sort_unstable_by(|a, b| self.scored_cmp(a, b));
        }
        scored
            .into_iter()
            .map(|(Reverse(score), entry)| Hit { entry, score })
            .collect()
    }

    /// Why an entry matches `query`: each field that a positive term matched,
    /// in field order (the name first), with the characters to highlight. Each
    /// term is shown in the field where it scores best, as it was ranked.
    pub fn matched(&self, entry: u32, query: &Query) -> Vec<FieldMatch<'_>> {
        let mut found: Vec<(usize, Vec<usize>)> = Vec::new();
        for term in query.terms.iter().filter(|t| !t.negated) {
            let Some((n, _)) = self.best_field(entry, term, None) else {
                continue;
            };
            let Some(field) = self.fields(entry).nth(n) else {
                continue;
            };
            let positions = matching::positions(term, field.text);
            match found.iter_mut().find(|(m, _)| *m == n) {
                Some((_, all)) => all.extend(positions),
                None => found.push((n, positions)),
            }
        }
        found.sort_by_key(|(n, _)| *n);
        let e = &self.entries[entry as usize];
        found
            .into_iter()
            .filter_map(|(n, positions)| {
                let (field, text) = e.field(n)?;
                // Folded again here, for the few entries on screen, rather than
                // keeping the map back to the original characters for every field.
                let ranges = original_ranges(&fold(text), &positions);
                (!ranges.is_empty()).then_some(FieldMatch {
                    field,
                    text,
                    ranges,
                })
            })
            .collect()
    }

    /// Character ranges `[start, end)` of the entry's name (its label) that the
    /// query's positive terms matched, for highlighting.
    pub fn highlights(&self, entry: u32, query: &Query) -> Vec<(usize, usize)> {
        self.matched(entry, query)
            .into_iter()
            .find(|m| m.field == Field::Name)
            .map_or_else(Vec::new, |m| m.ranges)
    }
}

/// Moves the items that `front` holds for before the others, in no order;
/// returns how many there are.
fn partition<T>(items: &mut [T], front: impl Fn(&T) -> bool) -> usize {
    let mut n = 0;
    for i in 0..items.len() {
        if front(&items[i]) {
            items.swap(n, i);
            n += 1;
        }
    }
    n
}

/// Folds every entry, on every core for large datasets: each core folds its
/// entries' fields into one [`Part`] and writes their spans in place, so
/// nothing is copied afterwards. Fields that recur ([`Field::recurs`]) are
/// folded once, into the shared texts returned last.
fn fold_all(entries: &[Entry]) -> (Vec<Part>, Vec<Span>, Vec<String>) {
    let mut spans = vec![Span::default(); entries.len()];
    let folded = in_parts_mut(&mut spans, |part, range, spans| {
        let entries = &entries[range];
        // Sized by the names, most of the text folded here, and the number of
        // fields, which the entries hold without reading their texts.
        let (mut bytes, mut fields) = (0, 0);
        for e in entries {
            bytes += e.label.len();
            fields += 1 + e.fields.len();
        }
        let mut out = Part {
            text: String::with_capacity(bytes),
            fields: Vec::with_capacity(fields),
        };
        // The recurring texts this core met, numbered in the order met.
        let mut numbers: HashMap<&str, usize> = HashMap::default();
        let mut recurring: Vec<&str> = Vec::new();
        for (e, span) in entries.iter().zip(spans) {
            let (first, start) = (out.fields.len(), out.text.len());
            for (field, text) in e.all_fields() {
                let place = if field.recurs() {
                    SHARED
                        | *numbers.entry(text).or_insert_with(|| {
                            recurring.push(text);
                            recurring.len() - 1
                        })
                } else {
                    fold_into(text, &mut out.text);
                    out.text.len()
                };
                out.fields.push(Place(place));
            }
            *span = Span {
                part,
                first,
                end: out.fields.len(),
                start,
            };
        }
        (out, recurring)
    });
    // One number per recurring text over all the cores.
    let mut numbers: HashMap<&str, usize> = HashMap::default();
    let mut shared = Vec::new();
    let mut parts = Vec::with_capacity(folded.len());
    for (mut part, recurring) in folded {
        let renumber: Vec<usize> = recurring
            .into_iter()
            .map(|text| {
                *numbers.entry(text).or_insert_with(|| {
                    shared.push(fold_accents(text));
                    shared.len() - 1
                })
            })
            .collect();
        for Place(place) in &mut part.fields {
            if *place & SHARED != 0 {
                *place = SHARED | renumber[*place & !SHARED];
            }
        }
        parts.push(part);
    }
    (parts, spans, shared)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::Kind;

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
            .filter_map(|entry| {
                let shared = index.shared_scores(&query);
                index
                    .score(entry, &query, &shared)
                    .map(|score| Hit { entry, score })
            })
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
    fn the_first_hits_in_order_then_the_rest_put_in_order_are_the_search() {
        let inputs = ["e", "montreal", "int lev", "", "zzzz", "^centre", "e !inc"];
        for built in ["fresh", "with the tie-break order"] {
            let index = synthetic_index(3_000);
            if built != "fresh" {
                let _ = index.search(&Query::parse("e"));
                assert!(index.tie_break.get().is_some());
            }
            for input in inputs {
                let query = Query::parse(input);
                let all = reference(&index, input);
                for first in [0, 1, 5, 20, 999, 100_000] {
                    let (mut hits, ordered) =
                        index.ranked_first(&query, Candidates::All, None, first);
                    assert_eq!(
                        hits.len(),
                        all.len(),
                        "{input:?} {first}: every hit counted"
                    );
                    assert!(ordered >= first.min(all.len()), "{input:?} {first}");
                    assert_eq!(
                        hits[..ordered],
                        all[..ordered],
                        "{input:?} {first} [{built}]"
                    );
                    let mut rest: Vec<u32> = hits[ordered..].iter().map(|h| h.entry).collect();
                    let mut want: Vec<u32> = all[ordered..].iter().map(|h| h.entry).collect();
                    rest.sort_unstable();
                    want.sort_unstable();
                    assert_eq!(rest, want, "{input:?} {first}: the others, in any order");
                    index.order_rest(&mut hits, ordered);
                    assert_eq!(hits, all, "{input:?} {first} put in order [{built}]");
                }
            }
        }
    }

    #[test]
    fn the_first_hits_are_chosen_right_when_no_score_is_tied() {
        // Each name spreads the letters further apart: every score differs, so
        // the boundary between the first hits and the others falls between
        // two scores, not inside a run of equal ones.
        let names = ["abc", "abxc", "abxxc", "axbxxc", "axxbxxxc", "axxxbxxxxc"];
        let entries = names
            .iter()
            .enumerate()
            .map(|(n, name)| {
                Entry::new(
                    Kind::Organisation,
                    format!("o{n}"),
                    name.to_string(),
                    vec![],
                )
            })
            .collect();
        let index = Index::new(entries);
        let query = Query::parse("abc");
        let all = index.search(&query);
        assert_eq!(all.len(), names.len());
        let scores: std::collections::BTreeSet<i64> = all.iter().map(|h| h.score).collect();
        assert_eq!(scores.len(), all.len(), "every score differs: {all:?}");
        for first in 1..=all.len() {
            let (mut hits, ordered) = index.ranked_first(&query, Candidates::All, None, first);
            assert_eq!(hits[..ordered], all[..ordered], "first {first}");
            index.order_rest(&mut hits, ordered);
            assert_eq!(hits, all, "first {first}");
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
