//! Search over every entry of the dataset: accent folding, fzf-style queries,
//! and one index shared by the command line and the explorer.

pub mod fold;
mod index;
mod query;

pub use fold::{fold, fold_accents};
pub use index::{Entry, Hit, Index, Kind, Searcher, entries};
pub use query::{Query, Term, TermKind};
