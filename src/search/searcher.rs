//! Searching as a user types: each keystroke that only narrows the query scores
//! the previous hits again rather than every entry.

use super::index::{Candidates, Hit, Index};
use super::query::Query;

/// How many hits the explorer's first answer to a query gives in order: more
/// than a screen shows. The others follow in order in a second answer for the
/// same query; ordering tens of thousands of hits first would keep the count
/// and the first rows waiting for rows no one sees yet.
pub const FIRST_ORDERED: usize = 1_000;

/// Searches as a user types: when the new query extends the previous one, only
/// the previous hits are scored again.
#[derive(Debug, Clone, Default)]
pub struct Searcher {
    last_input: String,
    /// Entry numbers of the last hits, ascending, so that the next narrowing
    /// reads the index in order.
    last_hits: Vec<u32>,
    /// The buffer the next hits' entry numbers are written to, then swapped in.
    spare: Vec<u32>,
}

impl Searcher {
    pub fn search(&mut self, index: &Index, input: &str) -> Vec<Hit> {
        self.search_first(index, input, usize::MAX).0
    }

    /// The hits of `input` with only the best `first` in order, and how many
    /// are in order ([`Index::ranked_first`]): what a list showing its first
    /// rows needs at once; [`Index::order_rest`] orders the others.
    pub fn search_first(&mut self, index: &Index, input: &str, first: usize) -> (Vec<Hit>, usize) {
        let query = Query::parse(input);
        let candidates = if Query::narrows(&self.last_input, input) {
            Candidates::Among(&self.last_hits)
        } else {
            Candidates::All
        };
        // Matches come out in candidate order, ascending already.
        let hits = index.ranked_first(&query, candidates, Some(&mut self.spare), first);
        std::mem::swap(&mut self.last_hits, &mut self.spare);
        self.last_input.clear();
        self.last_input.push_str(input);
        hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::parallel::PARALLEL_THRESHOLD;

    #[test]
    fn typing_over_threads_gives_the_same_hits_as_a_fresh_search() {
        let index = match crate::synthetic::dataset(2 * PARALLEL_THRESHOLD) {
            Ok(data) => Index::build(&data),
            Err(e) => panic!("{e}"),
        };
        for typed in ["montreal", "int lev", "e !inc"] {
            let mut searcher = Searcher::default();
            for end in 1..=typed.len() {
                let input = &typed[..end];
                let fresh = index.search(&Query::parse(input));
                assert_eq!(searcher.search(&index, input), fresh, "{input:?}");
            }
        }
    }
}
