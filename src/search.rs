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
pub use searcher::Searcher;
