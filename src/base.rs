//! The leaves every layer may use: text made safe for a terminal (`escape`),
//! files read within a limit and written whole (`files`), enum names through
//! serde (`enum_names`), and the clipboard's providers (`clipboard`).

pub mod clipboard;
pub mod enum_names;
pub mod escape;
pub mod files;
