//! `pap-tui validate FILE`: a one-line summary for a good file; for a broken one,
//! status 2 and every problem as `FILE:LINE:COLUMN: message` on stderr.

use std::path::{Path, PathBuf};

use pap_tui::data::EMBEDDED_JSON;

use crate::support::{arg, pap, pap_env};

/// 1-based line and column (in characters) of the `nth` occurrence of `needle`.
fn position_of(text: &str, needle: &str, nth: usize) -> (usize, usize) {
    let offset = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle:?} #{nth} not in the fixture"))
        .0;
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before[before.rfind('\n').map_or(0, |i| i + 1)..]
        .chars()
        .count()
        + 1;
    (line, column)
}

/// The embedded JSON with one replacement, which must apply.
fn edited(from: &str, to: &str) -> String {
    assert!(EMBEDDED_JSON.contains(from), "{from:?} not in the dataset");
    EMBEDDED_JSON.replacen(from, to, 1)
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn embedded_export_validates_with_a_one_line_summary() {
    let dir = tempfile::tempdir().unwrap();
    let export = pap(&["export"]).ok();
    let path = write(dir.path(), "pap.json", export);
    let out = pap(&["validate", arg(&path)]).ok();
    assert_eq!(
        out,
        format!(
            "{}: dataset is valid: 17 regions, 58 organisations, 17 cities (12 withheld), \
3 funding rows, 3 articles\n",
            path.display()
        )
    );
    let fr = pap_env(&["validate", arg(&path)], &[("LANG", "fr_CA.UTF-8")]).ok();
    assert_eq!(
        fr,
        format!(
            "{} : jeu de données valide : 17 régions, 58 organismes, 17 villes (12 caviardées), \
3 lignes de financement, 3 articles\n",
            path.display()
        )
    );
    assert_eq!(fr.lines().count(), 1);
    // FILE is what is validated; --data is refused rather than ignored.
    let err = pap(&["--data", "/nonexistent/x.json", "validate", arg(&path)]).error();
    assert!(
        err.starts_with("error: --data does not apply to `validate`"),
        "{err}"
    );
}

/// Asserts that validating `path` fails with exactly `problems` (line, column,
/// message) reported against the file.
#[track_caller]
fn assert_problems(path: &Path, problems: &[((usize, usize), &str)]) {
    let err = pap(&["validate", arg(path)]).error();
    // The first line carries the program name, the others continue the report.
    let want: Vec<String> = problems
        .iter()
        .enumerate()
        .map(|(i, ((line, column), message))| {
            let program = if i == 0 { "pap-tui: " } else { "" };
            format!("{program}{}:{line}:{column}: {message}", path.display())
        })
        .collect();
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines[..want.len()], want, "{err}");
}

#[test]
fn missing_file_names_it() {
    let err = pap(&["validate", "/nonexistent/pap.json"]).error();
    assert!(
        err.starts_with("pap-tui: /nonexistent/pap.json: cannot read the dataset: "),
        "{err}"
    );
    let dir = tempfile::tempdir().unwrap();
    let err = pap(&["validate", arg(dir.path())]).error();
    assert!(
        err.contains(&format!(
            "{}: not a regular file but a directory",
            dir.path().display()
        )),
        "{err}"
    );
}

#[test]
fn not_utf8_names_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "latin1.json",
        b"{\n  \"document\": \"Montr\xe9al\"\n}",
    );
    let err = pap(&["validate", arg(&path)]).error();
    assert_eq!(
        err,
        format!(
            "pap-tui: {}:2:21: the dataset is not UTF-8 text; save it as UTF-8 and try again\n",
            path.display()
        )
    );
}

#[test]
fn not_json_names_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "broken.json", "{\n  \"document\": ,\n}\n");
    assert_problems(&path, &[((2, 15), "expected value")]);
    let path = write(dir.path(), "empty.json", "");
    let err = pap(&["validate", arg(&path)]).error();
    assert!(
        err.starts_with(&format!("pap-tui: {}:1:1: ", path.display())),
        "{err}"
    );
    let truncated = &EMBEDDED_JSON[..EMBEDDED_JSON.len() / 2];
    let path = write(dir.path(), "truncated.json", truncated);
    let err = pap(&["validate", arg(&path)]).error();
    let end = truncated.matches('\n').count() + 1;
    assert!(
        err.starts_with(&format!("pap-tui: {}:{end}:", path.display())),
        "{err}"
    );
}

#[test]
fn unknown_field_names_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let text = edited(
        "\"ministry_acronym\": \"MIFI\",",
        "\"ministry_acronym\": \"MIFI\",\n    \"colour\": \"blue\",",
    );
    let path = write(dir.path(), "unknown.json", &text);
    let err = pap(&["validate", arg(&path)]).error();
    let (line, column) = position_of(&text, "\"colour\"", 0);
    // serde_json places the error on the key; accept any column inside it.
    let prefix = format!("pap-tui: {}:{line}:", path.display());
    let rest = err.strip_prefix(&prefix).unwrap_or_else(|| panic!("{err}"));
    let (at, message) = rest.split_once(": ").unwrap();
    let at: usize = at.parse().unwrap();
    assert!((column..column + 8).contains(&at), "{err}");
    assert!(
        message.starts_with("unknown field `colour`, expected one of"),
        "{err}"
    );
}

#[test]
fn dangling_reference_and_duplicate_id_name_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let text = edited("\"region\": \"13\"", "\"region\": \"99\"");
    let path = write(dir.path(), "dangling.json", &text);
    let (line, column) = position_of(&text, "\"region\": \"99\"", 0);
    assert_problems(
        &path,
        &[(
            (line, column + 10),
            "city \"laval\" refers to unknown region \"99\"",
        )],
    );

    let text = edited(
        "\"id\": \"accueil-international-bois-francs\"",
        "\"id\": \"acces-travail\"",
    );
    let path = write(dir.path(), "duplicate.json", &text);
    let (line, column) = position_of(&text, "\"id\": \"acces-travail\"", 1);
    assert_problems(
        &path,
        &[((line, column + 6), "duplicate id \"acces-travail\"")],
    );

    // Both at once: every problem is reported, then how many.
    let both = text.replacen("\"region\": \"13\"", "\"region\": \"99\"", 1);
    let path = write(dir.path(), "both.json", &both);
    let err = pap(&["validate", arg(&path)]).error();
    assert_eq!(err.lines().count(), 3, "{err}");
    assert!(
        err.ends_with("2 problem(s) in the dataset; fix them and try again\n"),
        "{err}"
    );
}
