//! Datasette's `metadata.json` for the SQLite export: the title, the source
//! (the loaded letter's decision), the licences, and a description of every table, view and
//! column, taken from the schema's own rows.

use serde_json::{Map, Value, json};

use super::sqlite::schema::{TABLES, VIEWS};
use crate::data::Dataset;

/// The metadata for a database Datasette serves as `database` (the file's
/// name without `.db`).
pub fn metadata(data: &Dataset, database: &str) -> Value {
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
    for v in VIEWS {
        let columns: Map<String, Value> = v
            .columns
            .iter()
            .map(|(name, about)| (name.to_string(), json!(about)))
            .collect();
        tables.insert(
            v.name.to_string(),
            json!({ "description": v.about, "columns": columns }),
        );
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
        "databases": {
            database: {
                "description": "Normalised tables with primary and foreign keys, and views for the common questions.",
                "tables": tables,
            }
        }
    })
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
    }
}
