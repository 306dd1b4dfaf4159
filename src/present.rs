//! What pap-tui says about an entry, on every surface: a detail's rows, the
//! citation of a value (decision, part of the letter, OCR lines), the text of
//! a copy, the figures of a region and a city, the data dictionary and the
//! quote sheet of the starred entries. It reads the data, the search entries
//! and the words of `i18n`, and nothing of the explorer, so the command line
//! and the explorer say the same.

pub(crate) mod citation;
pub mod copy;
pub mod detail;
pub mod dictionary;
pub mod figures;
pub mod sheet;

pub use citation::{Citation, document_sources};
pub use copy::CopyFormat;
pub use detail::{Detail, Target};
pub use figures::{CityValue, RegionFigures, RegionState};
