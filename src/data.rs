//! The dataset: its model, loading from the embedded asset or a file, and validation.

pub mod geo;
mod letter;
pub mod limits;
mod load;
pub mod locate;
mod model;
pub mod provenance;
mod scan;
mod serde_words;
mod split;
mod validate;

pub use letter::{EMBEDDED_OCR, Letter, LetterLine, LetterSpan, OcrLines, letter};
pub use load::{
    DataError, EMBEDDED_JSON, EMBEDDED_LETTER, Loaded, LocatedProblem, MAX_LISTED, Origin, load,
    parse, parse_bytes, read,
};
pub use model::*;
pub use validate::{Problem, validate};
