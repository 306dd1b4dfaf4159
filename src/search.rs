//! Search over every entry of the dataset: accent folding, fzf-style queries,
//! and one index shared by the command line and the explorer.

mod entry;
mod field_match;
pub mod fold;
mod index;
mod matching;
mod order;
mod parallel;
mod query;
mod searcher;
mod skim;

pub use entry::{Entry, Field, Kind, entries, entry_count, passage};
pub use field_match::FieldMatch;
pub use fold::{fold, fold_accents};
pub use index::{ByteSink, Hit, Index};
pub use query::{Query, Term, TermKind};
pub use searcher::{FIRST_ORDERED, Searcher};

/// The index of the embedded dataset, for tests.
#[cfg(test)]
pub(crate) fn embedded_index() -> Index {
    let data = crate::data::load(None)
        .map(|l| l.dataset)
        .unwrap_or_else(|e| panic!("{e}"));
    Index::build(&data)
}
