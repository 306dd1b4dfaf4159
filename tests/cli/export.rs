//! `pap-tui export`: JSON that loads back byte for byte, one flat CSV, Markdown.

use serde_json::Value;

use crate::rfc4180;
use crate::support::{arg, embedded, pap, write_dataset};

#[test]
fn json_export_round_trips_and_is_the_embedded_data() {
    let dir = tempfile::tempdir().unwrap();
    let first = pap(&["export", "--format", "json"]).ok();
    assert_eq!(pap(&["export"]).ok(), first, "json is the default format");
    let path = dir.path().join("pap.json");
    std::fs::write(&path, &first).unwrap();

    let again = pap(&["--data", arg(&path), "export", "--format", "json"]).ok();
    assert_eq!(again, first, "export of the export differs");

    let data = embedded();
    let loaded = pap_tui::data::load(Some(&path)).expect("the export loads");
    assert_eq!(loaded.dataset, data);
    let value: Value = serde_json::from_str(&first).unwrap();
    assert_eq!(value, serde_json::to_value(&data).unwrap());

    for list in ["regions", "organisations", "cities", "funding", "articles"] {
        assert_eq!(
            pap(&["--data", arg(&path), list]).ok(),
            pap(&[list]).ok(),
            "{list} from the export"
        );
    }
}

#[test]
fn csv_export_has_one_record_per_entry() {
    let out = pap(&["export", "--format", "csv"]).ok();
    assert_eq!(pap(&["export", "--format", "csv"]).ok(), out, "stable");
    let (header, rows) = rfc4180::table(&out);
    assert_eq!(
        header,
        [
            "kind",
            "id",
            "name",
            "acronym",
            "regions",
            "count",
            "withheld",
            "withheld_articles",
            "amount_cad",
            "organisation_id",
            "text"
        ]
    );
    assert_eq!(rows.len(), 17 + 58 + 17 + 3 + 3);
    let count = |kind: &str| rows.iter().filter(|r| r[0] == kind).count();
    assert_eq!(
        ["region", "organisation", "city", "funding", "article"].map(count),
        [17, 58, 17, 3, 3]
    );
    let row = |id: &str| rows.iter().find(|r| r[1] == id).cloned().unwrap();
    assert_eq!(
        row("laval")[..9],
        ["city", "laval", "Laval", "", "13", "61", "false", "", ""]
    );
    assert_eq!(
        row("longueuil")[..9],
        [
            "city",
            "longueuil",
            "Longueuil",
            "",
            "16",
            "",
            "true",
            "53;54",
            ""
        ]
    );
    assert_eq!(
        row("funding-2")[..11],
        [
            "funding",
            "funding-2",
            "Centre social d'aide aux immigrants (CSAI)",
            "",
            "",
            "",
            "",
            "",
            "4200",
            "csai",
            ""
        ]
    );
    assert_eq!(row("safima")[3..5], ["SAFIMA", "14"]);
    let data = embedded();
    assert_eq!(
        row("53")[10],
        data.article("53").unwrap().text.clone().unwrap()
    );
    let withheld = rows.iter().filter(|r| r[0] == "city" && r[5].is_empty());
    assert_eq!(
        withheld
            .filter(|r| r[6] == "true" && r[7] == "53;54")
            .count(),
        12
    );
}

#[test]
fn markdown_export_has_each_table_and_the_citation() {
    let out = pap(&["export", "--format", "markdown"]).ok();
    assert!(
        out.starts_with(
            "# Parcours d'accompagnement personnalisé — MIFI 18159\n\n\
Ministère de l'Immigration, de la Francisation et de l'Intégration, Bureau du sous-ministre · Montréal · 2020-02-06\n\n\
## Region\n\n\
| code | name | organisations | listed\\_cities | known\\_count | withheld\\_cities | withheld\\_articles | ACCOMPANIED |\n\
| --- | --- | ---: | --- | --- | --- | --- | ---: |\n\
| 01 | Bas-Saint-Laurent | 0 | 0 |  | 0 |  | — (no city listed) |\n"
        ),
        "{out}"
    );
    let headings: Vec<&str> = out.lines().filter(|l| l.starts_with('#')).collect();
    assert_eq!(
        headings[1..],
        [
            "## Region",
            "## Organisation",
            "## City",
            "## Funding",
            "## Article",
            "### Article 1",
            "### Article 53",
            "### Article 54"
        ]
    );
    // Header and rule, then 17 regions, 58 organisations, 17 cities + total,
    // 3 funding rows + total.
    let table_lines = out.lines().filter(|l| l.starts_with("| ")).count();
    assert_eq!(table_lines, 4 * 2 + 17 + 58 + 18 + 4);
    // Brackets are escaped like every character Markdown reads as markup.
    assert!(out.contains(
        "| longueuil | Longueuil | 16 | Montérégie |  | true | 53;54 | █ withheld — s. 53, 54 |\n"
    ));
    assert!(out.contains("\n### Article 54\n\n"));
    assert!(out.ends_with(
        "---\n\nSource: MIFI, access-to-information decision 18159, 6 February 2020.\n"
    ));

    let fr = pap(&["export", "--format", "markdown", "--lang", "fr"]).ok();
    assert!(fr.contains("\n## Financement\n"), "{fr}");
    assert!(fr.contains(
        "| longueuil | Longueuil | 16 | Montérégie |  | true | 53;54 | █ caviardé — art. 53, 54 |\n"
    ));
    assert!(fr.ends_with(
        "---\n\nSource : MIFI, décision d'accès à l'information 18159, 6 février 2020.\n"
    ));
}

#[test]
fn markdown_export_cites_the_loaded_letter_and_escapes_its_articles() {
    let dir = tempfile::tempdir().unwrap();
    let mut data = embedded();
    data.document.ministry_acronym = "MTESS".into();
    data.document.reference = "20001".into();
    data.document.date = "2021-03-15".into();
    let article = data.articles.iter_mut().find(|a| a.number == "53").unwrap();
    article.text = Some("<script>alert(1)</script> [click](javascript:x) *bold*".into());
    let path = write_dataset(dir.path(), "other.json", &data);
    let en = pap(&["--data", arg(&path), "export", "--format", "markdown"]).ok();
    assert!(
        en.ends_with(
            "---\n\nSource: MTESS, access-to-information decision 20001, 15 March 2021.\n"
        ),
        "{en}"
    );
    assert!(!en.contains("18159"), "{en}");
    assert!(
        en.contains("\\<script\\>alert(1)\\</script\\> \\[click\\](javascript:x) \\*bold\\*"),
        "{en}"
    );
    assert!(!en.contains("<script>"), "{en}");
    let fr = pap(&[
        "--data",
        arg(&path),
        "export",
        "--format",
        "markdown",
        "--lang",
        "fr",
    ])
    .ok();
    assert!(
        fr.ends_with("Source : MTESS, décision d'accès à l'information 20001, 15 mars 2021.\n"),
        "{fr}"
    );
}

#[test]
fn export_of_unreadable_data_exits_2() {
    for format in ["json", "csv", "markdown"] {
        let err = pap(&[
            "--data",
            "/nonexistent/x.json",
            "export",
            "--format",
            format,
        ])
        .error();
        assert!(err.contains("/nonexistent/x.json"), "{err}");
    }
}
