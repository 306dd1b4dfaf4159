//! The SQLite export's full-text indexes: FTS5 tables that Datasette detects
//! and searches from its table pages, over organisation names and the
//! letter's OCR lines.

/// A full-text index Datasette detects (a `_fts` table whose `content` is
/// its table), built once the rows are in: the export is never changed after.
pub(crate) struct FullText {
    pub table: &'static str,
    pub columns: &'static [&'static str],
}

pub(crate) const FULL_TEXT: &[FullText] = &[
    FullText {
        table: "organisations",
        columns: &["name", "acronym"],
    },
    FullText {
        table: "funding",
        columns: &["organisation"],
    },
    FullText {
        table: "sources",
        columns: &["text"],
    },
];

impl FullText {
    pub(crate) fn name(&self) -> String {
        format!("{}_fts", self.table)
    }

    /// The FTS5 table over the table's columns, and its rows from the table.
    /// `remove_diacritics 2` lets `montreal` find `Montréal`.
    pub(crate) fn create(&self) -> String {
        let name = self.name();
        format!(
            "CREATE VIRTUAL TABLE {name} USING fts5({}, content=\"{}\", \
             tokenize='unicode61 remove_diacritics 2');\n\
             INSERT INTO {name} ({name}) VALUES ('rebuild');\n",
            self.columns.join(", "),
            self.table
        )
    }
}
