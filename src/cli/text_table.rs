//! Output formats for rows of cells: aligned text (by display width), RFC 4180
//! CSV, Markdown tables, and JSON with every unsafe character escaped; and the
//! columns a listing describes once, from which its text or CSV table is made.

use unicode_width::UnicodeWidthStr;

use crate::base::escape;

/// The widest a text column is padded to, in display columns: wider than any
/// name of the letter (85).
pub const MAX_COLUMN_WIDTH: usize = 100;

/// A table: a header row and data rows of the same length.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Columns aligned to the right (numbers).
    pub right: Vec<usize>,
    /// A line under the rows in text and Markdown: the legend of a mark.
    pub note: Option<String>,
}

impl Table {
    pub(crate) fn new(header: &[&str]) -> Table {
        Table {
            header: header.iter().map(|h| h.to_string()).collect(),
            rows: Vec::new(),
            right: Vec::new(),
            note: None,
        }
    }

    #[cfg(test)]
    pub(crate) fn right_align(mut self, columns: &[usize]) -> Table {
        self.right = columns.to_vec();
        self
    }

    pub(crate) fn push(&mut self, row: Vec<String>) {
        self.rows.push(row);
    }

    /// Columns padded to their widest cell, or to [`MAX_COLUMN_WIDTH`] when a
    /// cell is wider (that cell is printed whole and pushes the rest of its row
    /// aside), two spaces apart, no trailing spaces. The cap keeps the output
    /// within a few times the input: one very long name would otherwise pad
    /// every row to its width.
    pub(crate) fn to_text(&self) -> String {
        let clean = |row: &[String]| -> Vec<String> {
            row.iter().map(|c| escape::line(c).into_owned()).collect()
        };
        let header = clean(&self.header);
        let rows: Vec<Vec<String>> = self.rows.iter().map(|r| clean(r)).collect();
        let mut widths: Vec<usize> = header.iter().map(|h| h.width()).collect();
        for row in &rows {
            for (i, cell) in row.iter().enumerate() {
                if let Some(w) = widths.get_mut(i) {
                    *w = (*w).max(cell.width());
                }
            }
        }
        for w in &mut widths {
            *w = (*w).min(MAX_COLUMN_WIDTH);
        }
        let mut out = String::new();
        for row in std::iter::once(&header).chain(&rows) {
            let mut line = String::new();
            for (i, cell) in row.iter().enumerate() {
                let pad = widths
                    .get(i)
                    .copied()
                    .unwrap_or(0)
                    .saturating_sub(cell.width());
                let last = i + 1 == row.len();
                if i > 0 {
                    line.push_str("  ");
                }
                if self.right.contains(&i) {
                    line.push_str(&" ".repeat(pad));
                    line.push_str(cell);
                } else {
                    line.push_str(cell);
                    if !last {
                        line.push_str(&" ".repeat(pad));
                    }
                }
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        if let Some(note) = &self.note {
            out.push('\n');
            out.push_str(&escape::line(note));
            out.push('\n');
        }
        out
    }

    /// RFC 4180: CRLF between records, fields quoted when they hold a comma, a
    /// quote or a line break, quotes doubled.
    pub(crate) fn to_csv(&self) -> String {
        let mut out = String::new();
        for row in std::iter::once(&self.header).chain(&self.rows) {
            let fields: Vec<String> = row.iter().map(|c| csv_field(c)).collect();
            out.push_str(&fields.join(","));
            out.push_str("\r\n");
        }
        out
    }

    /// A GitHub-flavoured Markdown table; line breaks and the characters Markdown
    /// would read as markup (`|`, `*`, `_`, `` ` ``, brackets, `<`, `>`, `\\`)
    /// escaped, so that a name from a `--data` file renders as the text it is.
    pub(crate) fn to_markdown(&self) -> String {
        let cell = escape::markdown_line;
        let mut out = String::new();
        let line = |row: &[String]| {
            format!(
                "| {} |\n",
                row.iter().map(|c| cell(c)).collect::<Vec<_>>().join(" | ")
            )
        };
        out.push_str(&line(&self.header));
        let rule: Vec<&str> = (0..self.header.len())
            .map(|i| {
                if self.right.contains(&i) {
                    "---:"
                } else {
                    "---"
                }
            })
            .collect();
        out.push_str(&format!("| {} |\n", rule.join(" | ")));
        for row in &self.rows {
            out.push_str(&line(row));
        }
        if let Some(note) = &self.note {
            out.push('\n');
            out.push_str(&escape::markdown_line(note));
            out.push('\n');
        }
        out
    }
}

/// Who a listing is written for: CSV keeps raw values under stable keys, for
/// scripts; text shows them in the interface language, for people.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    Text,
    Csv,
    /// Text's words and CSV's raw values side by side, under the CSV keys
    /// (the data dictionary's names) where a column has one.
    Markdown,
}

/// One column of a listing, described once for both formats.
pub(crate) struct Column<'a, R> {
    /// The CSV header, a stable key; `None` when CSV leaves the column out.
    key: Option<&'static str>,
    /// The text header, in the interface language; `None` when text leaves it out.
    title: Option<&'static str>,
    /// Aligned to the right in text (numbers).
    right: bool,
    cell: Box<dyn Fn(R) -> String + 'a>,
}

impl<'a, R> Column<'a, R> {
    /// A column both formats show, under `key` in CSV and `title` in text.
    pub(crate) fn both(
        key: &'static str,
        title: &'static str,
        cell: impl Fn(R) -> String + 'a,
    ) -> Self {
        Column {
            key: Some(key),
            title: Some(title),
            right: false,
            cell: Box::new(cell),
        }
    }

    /// A raw value only CSV shows: a code, a count apart from its withholding.
    pub(crate) fn csv(key: &'static str, cell: impl Fn(R) -> String + 'a) -> Self {
        Column {
            key: Some(key),
            title: None,
            right: false,
            cell: Box::new(cell),
        }
    }

    /// Words only text shows: a name with its acronym, an amount as the language
    /// writes it.
    pub(crate) fn text(title: &'static str, cell: impl Fn(R) -> String + 'a) -> Self {
        Column {
            key: None,
            title: Some(title),
            right: false,
            cell: Box::new(cell),
        }
    }

    pub(crate) fn right(mut self) -> Self {
        self.right = true;
        self
    }
}

/// The columns of a listing and the total line text ends it with.
pub(crate) struct Layout<'a, R> {
    columns: Vec<Column<'a, R>>,
    total: Option<Box<dyn FnOnce() -> Vec<String> + 'a>>,
    note: Option<String>,
}

impl<'a, R: Copy> Layout<'a, R> {
    pub(crate) fn new(columns: Vec<Column<'a, R>>) -> Self {
        Layout {
            columns,
            total: None,
            note: None,
        }
    }

    /// A line under the rows that text and Markdown show: the legend of a mark.
    pub(crate) fn note(mut self, note: String) -> Self {
        self.note = Some(note);
        self
    }

    /// A last line, one cell per text column, that text and Markdown show: a
    /// script reading the CSV sums for itself.
    pub(crate) fn total(mut self, line: impl FnOnce() -> Vec<String> + 'a) -> Self {
        self.total = Some(Box::new(line));
        self
    }

    /// The table of `records` in `format`: only the cells that format shows are made.
    pub fn table(self, records: impl IntoIterator<Item = R>, format: Format) -> Table {
        let shown: Vec<(&'static str, &Column<R>)> = self
            .columns
            .iter()
            .filter_map(|c| {
                match format {
                    Format::Text => c.title,
                    Format::Csv => c.key,
                    Format::Markdown => c.key.or(c.title),
                }
                .map(|header| (header, c))
            })
            .collect();
        let header: Vec<&str> = shown.iter().map(|(header, _)| *header).collect();
        let mut t = Table::new(&header);
        for record in records {
            t.push(shown.iter().map(|(_, c)| (c.cell)(record)).collect());
        }
        if format != Format::Csv {
            t.right = (shown.iter().enumerate())
                .filter(|(_, (_, c))| c.right)
                .map(|(i, _)| i)
                .collect();
            t.note = self.note;
        }
        if format != Format::Csv
            && let Some(total) = self.total
        {
            // One cell per text column; the raw columns Markdown adds stay empty.
            let mut cells = total().into_iter();
            let row = shown
                .iter()
                .map(|(_, c)| match c.title {
                    Some(_) => cells.next().unwrap_or_default(),
                    None => String::new(),
                })
                .collect();
            t.push(row);
        }
        t
    }
}

/// What starts a cell a spreadsheet runs as a formula, as OWASP lists it:
/// `=`, `+`, `-`, `@`, a tab and a carriage return (which a spreadsheet skips
/// before the formula that follows).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// One CSV field. A field that a spreadsheet would run as a formula gets a
/// leading `'`, as OWASP advises for CSV exports: a hostile name must not
/// become a formula when the file is opened. The field is looked at as the data
/// holds it, before a tab becomes a space and a carriage return an escape.
/// Counts and amounts are never negative, so no number is changed.
fn csv_field(raw: &str) -> String {
    let clean = escape::block(raw);
    let clean = if raw.starts_with(FORMULA_STARTS) {
        std::borrow::Cow::Owned(format!("'{clean}"))
    } else {
        clean
    };
    if clean.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", clean.replace('"', "\"\""))
    } else {
        clean.into_owned()
    }
}

/// Serialises `value` as pretty JSON in which C1 controls, DEL and bidi controls
/// are written as `\uXXXX` escapes (serde_json already escapes C0 controls), so the
/// output holds no raw control character and still parses to the same value.
pub(crate) fn to_json<T: serde::Serialize>(value: &T) -> serde_json::Result<String> {
    let mut out = escape::json(value)?;
    out.push('\n');
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> Table {
        let mut t = Table::new(&["NAME", "N"]).right_align(&[1]);
        t.push(vec!["Montréal".into(), "5".into()]);
        t.push(vec!["漢字".into(), "61".into()]);
        t.push(vec!["a,\"b\"\nc".into(), "".into()]);
        t
    }

    #[test]
    fn text_aligns_by_display_width() {
        let t = table().to_text();
        let lines: Vec<&str> = t.lines().collect();
        assert_eq!(lines[0], "NAME         N");
        assert_eq!(lines[1], "Montréal     5");
        assert_eq!(lines[2], "漢字        61");
        assert_eq!(lines[3], "a,\"b\"\\x0Ac");
    }

    #[test]
    fn a_very_long_cell_pads_no_other_row() {
        let mut t = Table::new(&["NAME", "N"]).right_align(&[1]);
        t.push(vec!["é".repeat(60_000), "1".into()]);
        for i in 0..1_000 {
            t.push(vec![format!("Laval {i}"), "2".into()]);
        }
        let text = t.to_text();
        let lines: Vec<&str> = text.lines().collect();
        // Printed whole, the number after it.
        assert_eq!(lines[1].chars().count(), 60_000 + 2 + 1);
        assert_eq!(
            lines[2],
            format!("Laval 0{}2", " ".repeat(MAX_COLUMN_WIDTH - 7 + 2))
        );
        // The long name (2 bytes a character) once, and short rows.
        assert!(
            text.len() < 3 * 60_000 + 1_001 * (MAX_COLUMN_WIDTH + 4),
            "{} bytes",
            text.len()
        );
    }

    #[test]
    fn csv_quotes_per_rfc_4180() {
        assert_eq!(
            table().to_csv(),
            "NAME,N\r\nMontréal,5\r\n漢字,61\r\n\"a,\"\"b\"\"\nc\",\r\n"
        );
    }

    #[test]
    fn markdown_escapes_pipes_and_markup() {
        let mut t = Table::new(&["A"]);
        t.push(vec!["x|y".into()]);
        t.push(vec!["*a* [b](c) <i> _d_ `e` \\".into()]);
        assert_eq!(
            t.to_markdown(),
            "| A |\n| --- |\n| x\\|y |\n| \\*a\\* \\[b\\](c) \\<i\\> \\_d\\_ \\`e\\` \\\\ |\n"
        );
    }

    #[test]
    fn csv_never_starts_a_field_with_a_formula() {
        let mut t = Table::new(&["NAME", "N"]);
        for name in ["=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)", "a=b"] {
            t.push(vec![name.into(), "3".into()]);
        }
        assert_eq!(
            t.to_csv(),
            "NAME,N\r\n\"'=HYPERLINK(\"\"http://x\"\")\",3\r\n'+1,3\r\n'-2,3\r\n'@SUM(A1),3\r\na=b,3\r\n"
        );
    }

    #[test]
    fn csv_guards_a_formula_behind_a_leading_tab_or_carriage_return() {
        let mut t = Table::new(&["NAME"]);
        for name in ["\t=1+1", "\r=1+1", "\t\t@SUM(A1)", "a\t=b", " x"] {
            t.push(vec![name.into()]);
        }
        let csv = t.to_csv();
        let rows: Vec<&str> = csv.split("\r\n").skip(1).collect();
        assert_eq!(
            rows,
            ["' =1+1", "'\\x0D=1+1", "'  @SUM(A1)", "a =b", " x", ""],
            "{csv:?}"
        );
    }

    #[test]
    fn json_escapes_unsafe_characters_and_round_trips() {
        let value = vec!["\u{1b}[2J", "\u{202e}abc", "\u{9b}x", "é"];
        let json = to_json(&value).unwrap();
        assert!(
            !json.chars().any(|c| c != '\n' && escape::is_unsafe(c)),
            "{json}"
        );
        let back: Vec<String> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, value);
    }
}
