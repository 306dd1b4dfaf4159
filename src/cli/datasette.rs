//! Datasette's `metadata.json` for the SQLite export: the title, the source
//! (the loaded letter's decision), the licences, and a description of every
//! table, view and column, taken from the schema's own rows (the figures'
//! from the data dictionary), with the tables' default order, their facets and
//! their full-text indexes. The title, source and licence are top-level, so
//! they apply whatever name the database file is given; the tables' are under
//! the database's name.

use serde_json::{Map, Value, json};

use super::sqlite::full_text::FULL_TEXT;
use super::sqlite::schema::{TABLES, VIEWS};
use crate::data::Dataset;
use crate::present::dictionary::{FIELDS, description};

/// The metadata for a database Datasette serves as `database` (the file's
/// name without `.db`).
pub(crate) fn metadata(data: &Dataset, database: &str) -> Value {
    let d = &data.document;
    let mut tables = Map::new();
    for t in TABLES {
        let columns: Map<String, Value> = t
            .columns
            .iter()
            .map(|(name, _, about)| (name.to_string(), json!(about)))
            .collect();
        tables.insert(
            t.name.to_string(),
            json!({ "description": t.about, "columns": columns }),
        );
    }
    // The letter's order by default, and a facet on region where a table has one.
    let settings: [(&str, &str, &[&str]); 4] = [
        ("cities", "position", &["region_code"]),
        ("organisations", "position", &[]),
        ("organisation_regions", "position", &["region_code"]),
        ("funding", "position", &["organisation_id"]),
    ];
    for (name, sort, facets) in settings {
        if let Some(Value::Object(table)) = tables.get_mut(name) {
            table.insert("sort".into(), json!(sort));
            if !facets.is_empty() {
                table.insert("facets".into(), json!(facets));
            }
        }
    }
    for index in FULL_TEXT {
        if let Some(Value::Object(table)) = tables.get_mut(index.table) {
            table.insert("fts_table".into(), json!(index.name()));
        }
    }
    for v in VIEWS {
        // A figure of the data dictionary is described with when it is
        // absent and where it comes from, as docs/data.md says it.
        let columns: Map<String, Value> = v
            .columns
            .iter()
            .map(|(name, about)| {
                let described = FIELDS
                    .iter()
                    .find(|f| f.name == *name && f.meaning == *about)
                    .map_or_else(|| about.to_string(), description);
                (name.to_string(), json!(described))
            })
            .collect();
        tables.insert(
            v.name.to_string(),
            json!({ "description": v.about, "columns": columns }),
        );
    }
    for view in ["headcounts", "organisations_by_region"] {
        if let Some(Value::Object(table)) = tables.get_mut(view) {
            table.insert("facets".into(), json!(["region"]));
        }
    }
    json!({
        "title": format!(
            "{} — {} {} ({})",
            d.programme, d.ministry_acronym, d.reference, d.date
        ),
        "description": format!(
            "A corrected transcription of the answer of {} to an access-to-information \
             request about the {}: decision {}, {}, {}. The letter is a public document \
             released under Québec's access act; every value keeps the lines of the raw \
             OCR it was read from (table sources). Withheld headcounts are empty, never 0, \
             with the articles invoked. Region codes and names are Québec's official list \
             and each city's region was added by the transcriber: the letter prints neither.",
            d.ministry, d.programme, d.reference, d.place, d.date
        ),
        "source": format!(
            "{}, access-to-information decision {} ({})",
            d.ministry_acronym, d.reference, d.date
        ),
        "license": "Transcription and software: MIT OR Apache-2.0; the letter: a public document",
        "license_url": LICENSE_URL,
        "source_url": source_url(data),
        "databases": {
            database: {
                "description": "Normalised tables with primary and foreign keys, and views for the common questions.",
                "tables": tables,
            }
        }
    })
}

/// The licence of the transcription (MIT, the first of its two).
pub(crate) const LICENSE_URL: &str = "https://opensource.org/license/mit";

/// Where the ministry publishes its access-to-information answers, as the
/// letter prints it (`www.…`), with its scheme; `None` when the letter prints no address.
fn source_url(data: &Dataset) -> Option<String> {
    data.document
        .questions
        .iter()
        .flat_map(|q| &q.answers)
        .flat_map(|a| a.text.split_whitespace())
        .find(|w| w.starts_with("www."))
        .map(|w| format!("https://{}", w.trim_end_matches(['.', ',', ';', ')'])))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_and_view_is_described_with_every_column() {
        let data = crate::data::load(None).expect("embedded").dataset;
        let meta = metadata(&data, "pap");
        assert_eq!(
            meta["title"],
            "Parcours d'accompagnement personnalisé — MIFI 18159 (2020-02-06)"
        );
        let tables = meta["databases"]["pap"]["tables"]
            .as_object()
            .expect("tables");
        assert_eq!(tables.len(), TABLES.len() + VIEWS.len());
        for t in TABLES {
            let columns = tables[t.name]["columns"].as_object().expect("columns");
            assert_eq!(columns.len(), t.columns.len(), "{}", t.name);
            assert!(
                columns
                    .values()
                    .all(|c| !c.as_str().unwrap_or("").is_empty())
            );
        }
        assert_eq!(meta["license_url"], LICENSE_URL);
        assert!(
            meta["source_url"]
                .as_str()
                .is_some_and(|u| u.starts_with("https://www.mifi.gouv.qc.ca/")),
            "{}",
            meta["source_url"]
        );
        assert_eq!(tables["cities"]["sort"], "position");
        assert_eq!(tables["cities"]["facets"], json!(["region_code"]));
        assert_eq!(tables["organisations"]["fts_table"], "organisations_fts");
    }
}
