//! The data dictionary: every figure's field name, type, when it is absent,
//! what it means and which lines of the letter it comes from, written once.
//! JSON, CSV, Markdown, SQLite and GeoJSON use these names; `docs/data.md`,
//! the SQLite views' column descriptions and Datasette's metadata are made
//! from these rows.

/// One field of the exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    pub name: &'static str,
    /// What the field describes: `region` or `city`.
    pub of: &'static str,
    /// Its type in JSON; CSV, Markdown and SQLite notes follow.
    pub kind: &'static str,
    /// When it is absent (null in JSON, SQLite and GeoJSON, empty in CSV).
    pub absent: &'static str,
    pub meaning: &'static str,
    /// Where the value comes from in the letter (OCR lines of `assets/ocr.txt`).
    pub source: &'static str,
    /// Whether pap-tui computes it (a sum or a count the letter does not print).
    pub computed: bool,
}

pub(crate) const REGION_CODE: Field = Field {
    name: "code",
    of: "region",
    kind: "text",
    absent: "never",
    meaning: "official code of the administrative region, 01 to 17",
    source: "not in the letter: Québec's official list",
    computed: false,
};

pub(crate) const REGION_NAME: Field = Field {
    name: "name",
    of: "region",
    kind: "text",
    absent: "never",
    meaning: "official name of the region",
    source: "the annex's heading (OCR l. 159 on), or Québec's official list when the letter does not name it",
    computed: false,
};

pub(crate) const ORGANISATIONS: Field = Field {
    name: "organisations",
    of: "region",
    kind: "integer",
    absent: "never (0 when the annex lists none)",
    meaning: "organisations the annex lists under the region; counted by pap-tui",
    source: "the annex \"Organismes par régions\" (OCR l. 159 on), one line per organisation",
    computed: true,
};

pub(crate) const LISTED_CITIES: Field = Field {
    name: "listed_cities",
    of: "region",
    kind: "integer",
    absent: "never (0 when the letter lists no city in the region)",
    meaning: "cities of the headcount table in the region; counted by pap-tui",
    source: "the headcount table's rows (OCR l. 62–94); each city's region added by the transcriber",
    computed: true,
};

pub(crate) const KNOWN_COUNT: Field = Field {
    name: "known_count",
    of: "region",
    kind: "integer or null",
    absent: "when the letter gives no count in the region: no city listed, or every city's count withheld; never 0 for these",
    meaning: "sum of the people accompanied in the region's cities whose count the letter gives; summed by pap-tui, not a total: withheld cities are left out",
    source: "the counts of the headcount table (OCR l. 62–94), period of OCR l. 59–60",
    computed: true,
};

pub(crate) const WITHHELD_CITIES: Field = Field {
    name: "withheld_cities",
    of: "region",
    kind: "integer",
    absent: "never (0 when no count is withheld)",
    meaning: "cities of the region whose count the ministry withheld; counted by pap-tui",
    source: "the blank cells of the headcount table (OCR l. 62–94)",
    computed: true,
};

pub(crate) const CITY_ID: Field = Field {
    name: "id",
    of: "city",
    kind: "text",
    absent: "never",
    meaning: "stable identifier of the city (kebab-case)",
    source: "made by the transcriber",
    computed: false,
};

pub(crate) const CITY_NAME: Field = Field {
    name: "name",
    of: "city",
    kind: "text",
    absent: "never",
    meaning: "the city as printed, corrected",
    source: "its row of the headcount table (OCR l. 62–94)",
    computed: false,
};

pub(crate) const CITY_REGION: Field = Field {
    name: "region",
    of: "city",
    kind: "text",
    absent: "never",
    meaning: "code of the city's region",
    source: "not in the letter: added by the transcriber",
    computed: false,
};

pub(crate) const COUNT: Field = Field {
    name: "count",
    of: "city",
    kind: "integer or null",
    absent: "when the count is withheld (then `withheld` is true); never 0 for it",
    meaning: "people accompanied in the city, 12 August to 31 December 2019",
    source: "its row of the headcount table (OCR l. 62–94), period of OCR l. 59–60",
    computed: false,
};

pub(crate) const WITHHELD: Field = Field {
    name: "withheld",
    of: "city",
    kind: "boolean (SQLite: 0 or 1; CSV: true or false)",
    absent: "never",
    meaning: "whether the ministry withheld the city's count",
    source: "the blank cell of its row (OCR l. 62–94) and the refusal of OCR l. 50–55",
    computed: false,
};

pub(crate) const WITHHELD_ARTICLES: Field = Field {
    name: "withheld_articles",
    of: "region, city",
    kind: "list of text (CSV and SQLite: joined with `;`)",
    absent: "never (an empty list when no count is withheld)",
    meaning: "the articles of the access act invoked to withhold the count(s), e.g. 53 and 54",
    source: "the refusal \"en vertu des articles 53 et 54\" (OCR l. 50–55)",
    computed: false,
};

/// The dictionary, region fields then city fields.
pub(crate) const FIELDS: &[Field] = &[
    REGION_CODE,
    REGION_NAME,
    ORGANISATIONS,
    LISTED_CITIES,
    KNOWN_COUNT,
    WITHHELD_CITIES,
    WITHHELD_ARTICLES,
    CITY_ID,
    CITY_NAME,
    CITY_REGION,
    COUNT,
    WITHHELD,
];

/// The field's description as an export's column description says it:
/// its meaning, when it is absent, and its source.
pub(crate) fn description(f: &Field) -> String {
    format!("{}. Absent: {}. Source: {}.", f.meaning, f.absent, f.source)
}

/// The dictionary as a command's help lists it: one field a line, with its
/// type and when it is absent (the meanings are in docs/data.md).
pub(crate) fn help() -> String {
    FIELDS
        .iter()
        .map(|f| {
            let mark = if f.computed { " Σ" } else { "" };
            format!(
                "  {} ({}){mark}: {}; absent: {}",
                f.name, f.of, f.kind, f.absent
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The dictionary as the Markdown table of `docs/data.md`.
pub fn markdown() -> String {
    let mut out = String::from(
        "| field | of | type | absent | meaning | source |\n|---|---|---|---|---|---|\n",
    );
    for f in FIELDS {
        let mark = if f.computed { " Σ" } else { "" };
        out.push_str(&format!(
            "| `{}`{mark} | {} | {} | {} | {} | {} |\n",
            f.name, f.of, f.kind, f.absent, f.meaning, f.source
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const BEGIN: &str = "<!-- dictionary: generated from src/present/dictionary.rs -->\n";
    const END: &str = "<!-- end of dictionary -->";

    /// `docs/data.md` holds the table made from [`FIELDS`]; with
    /// `PAP_TUI_BLESS_DOCS=1` the test rewrites it after a deliberate change.
    #[test]
    fn docs_data_md_holds_the_dictionary() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/data.md");
        let doc = std::fs::read_to_string(&path).expect("docs/data.md");
        let (Some(start), Some(end)) = (doc.find(BEGIN), doc.find(END)) else {
            panic!("docs/data.md lacks the dictionary's markers");
        };
        let table = &doc[start + BEGIN.len()..end];
        if std::env::var_os("PAP_TUI_BLESS_DOCS").is_some() {
            let fresh = format!("{}{BEGIN}{}{}", &doc[..start], markdown(), &doc[end..]);
            std::fs::write(&path, fresh).expect("write docs/data.md");
            return;
        }
        assert_eq!(
            table,
            markdown(),
            "docs/data.md is not the dictionary: run with PAP_TUI_BLESS_DOCS=1"
        );
    }

    #[test]
    fn every_name_is_one_field_per_kind() {
        for (i, f) in FIELDS.iter().enumerate() {
            for g in &FIELDS[i + 1..] {
                let shared = f.of.split(", ").any(|o| g.of.split(", ").any(|p| p == o));
                assert!(!(shared && f.name == g.name), "{} twice", f.name);
            }
        }
    }
}
