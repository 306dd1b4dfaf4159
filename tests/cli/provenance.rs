//! `pap-tui validate --sources`: every value checked against the OCR lines it
//! cites; the embedded dataset passes, a changed value or a cited line the OCR
//! lacks fails with status 1, naming the value and its line.

use std::path::{Path, PathBuf};

use pap_tui::data::{EMBEDDED_JSON, EMBEDDED_OCR};

use crate::support::{arg, pap, pap_env};

/// The embedded JSON with each replacement applied once, written to `dir`.
fn edited(dir: &Path, edits: &[(&str, &str)]) -> PathBuf {
    let mut json = EMBEDDED_JSON.to_string();
    for (from, to) in edits {
        assert!(json.contains(from), "{from:?} not in the dataset");
        json = json.replacen(from, to, 1);
    }
    let path = dir.join("pap.json");
    std::fs::write(&path, json).unwrap();
    path
}

/// The rows of a text report whose field is `path`.
fn rows<'a>(report: &'a str, path: &str) -> Vec<&'a str> {
    report
        .lines()
        .filter(|l| l.split_whitespace().next() == Some(path))
        .collect()
}

#[test]
fn the_embedded_dataset_passes_with_every_value_reported() {
    let out = pap(&["validate", "--sources"]).ok();
    let summary = out
        .lines()
        .find(|l| l.contains(" values: "))
        .expect("a summary line");
    assert!(summary.ends_with(", 0 mismatches"), "{summary}");
    let values: usize = summary.split(' ').next().unwrap().parse().unwrap();
    // One row per value, between the header and the blank line.
    let table: Vec<&str> = out.lines().skip(1).take_while(|l| !l.is_empty()).collect();
    assert_eq!(table.len(), values);
    assert!(!out.contains("MISMATCH") && !out.contains("MISSING LINE"));
    let laval = rows(&out, "cities[0].count");
    assert_eq!(laval.len(), 1);
    assert!(
        laval[0].contains(" 61 ") && laval[0].ends_with("exact"),
        "{}",
        laval[0]
    );
    let amount = rows(&out, "funding[0].amount_cad")[0];
    assert!(
        amount.contains("OCR variant (spaced thousands, % for $): «4 200%» → «4200»"),
        "{amount}"
    );
    let singular = rows(&out, "organisations[11].name");
    assert_eq!(singular.len(), 3);
    assert!(singular[2].contains("judgment call"), "{}", singular[2]);

    // In JSON, the same checks.
    let json: serde_json::Value =
        serde_json::from_str(&pap(&["validate", "--sources", "--format", "json"]).ok()).unwrap();
    let checks = json["checks"].as_array().unwrap();
    assert_eq!(checks.len(), values);
    assert!(checks.iter().all(|c| c["verdict"] != "mismatch"));
    // The same with the OCR named, and in French.
    let ocr = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(ocr.path(), EMBEDDED_OCR).unwrap();
    let named = pap(&["validate", "--sources", "--ocr", arg(ocr.path())]).ok();
    assert_eq!(named, out);
    let fr = pap_env(&["validate", "--sources"], &[("LANG", "fr_CA.UTF-8")]).ok();
    assert!(
        fr.contains(" valeurs : ") && fr.contains(", 0 divergences"),
        "{fr}"
    );
}

#[test]
fn a_changed_count_and_a_changed_name_exit_1_naming_the_value_and_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = edited(
        dir.path(),
        &[
            ("\"count\": 61,", "\"count\": 62,"),
            (
                "\"name\": \"Entraide Pont-Viau\"",
                "\"name\": \"Entraide Pont-Rouge\"",
            ),
        ],
    );
    let run = pap(&["validate", arg(&path), "--sources"]).code(1);
    assert_eq!(run.stderr, "");
    let laval = rows(&run.stdout, "cities[0].count");
    assert_eq!(laval.len(), 1);
    let cells: Vec<&str> = laval[0].split_whitespace().collect();
    assert_eq!(&cells[..3], ["cities[0].count", "62", "62"]);
    assert!(
        laval[0].ends_with("MISMATCH: prints «Laval 61»"),
        "{}",
        laval[0]
    );
    let name = rows(&run.stdout, "organisations[18].name")[0];
    assert!(
        name.contains("Entraide Pont-Rouge") && name.contains(" 203 "),
        "{name}"
    );
    assert!(
        name.ends_with("MISMATCH: prints «Entraide Pont-Viau»"),
        "{name}"
    );
    assert!(run.stdout.contains(", 2 mismatches\n"), "{}", run.stdout);
}

#[test]
fn a_cited_line_the_ocr_does_not_have_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let path = edited(dir.path(), &[("\"line\": 62,", "\"line\": 9062,")]);
    let run = pap(&["validate", arg(&path), "--sources"]).code(1);
    let laval = rows(&run.stdout, "cities[0].name")[0];
    assert!(
        laval.ends_with("MISSING LINE: the OCR has no line 9062"),
        "{laval}"
    );
    // Against a shorter OCR, lines past its end are missing too.
    let ocr = dir.path().join("short.txt");
    std::fs::write(&ocr, "one line\n").unwrap();
    let run = pap(&["validate", "--sources", "--ocr", arg(&ocr)]).code(1);
    assert!(run.stdout.contains("MISSING LINE"));
}

#[test]
fn ocr_and_format_need_sources_and_an_unreadable_ocr_is_an_error() {
    let err = pap(&["validate", "x.json", "--ocr", "o.txt"]).error();
    assert!(err.starts_with("error: "), "{err}");
    let err = pap(&["validate", "--sources", "--ocr", "/nonexistent/ocr.txt"]).error();
    assert!(
        err.starts_with("pap-tui: /nonexistent/ocr.txt: cannot read the OCR file: "),
        "{err}"
    );
}
