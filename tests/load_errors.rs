//! A broken dataset is reported with its file, line, column and the offending id,
//! whatever is wrong with it.

use std::path::PathBuf;

use pap_tui::data::{self, DataError, EMBEDDED_JSON, Origin};
use pap_tui::i18n::Lang;

fn origin() -> Origin {
    Origin::File(PathBuf::from("bad.json"))
}

fn parse_err(text: &str) -> DataError {
    match data::parse(text, origin()) {
        Ok(_) => panic!("expected an error"),
        Err(e) => e,
    }
}

/// The embedded JSON with one textual replacement, which must apply.
fn edited(from: &str, to: &str) -> String {
    assert!(
        EMBEDDED_JSON.contains(from),
        "fixture text {from:?} not found"
    );
    EMBEDDED_JSON.replacen(from, to, 1)
}

/// 1-based line and column of the first occurrence of `needle` in `text`.
fn position_of(text: &str, needle: &str) -> (usize, usize) {
    let offset = text.find(needle).expect("needle");
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before[before.rfind('\n').map_or(0, |i| i + 1)..]
        .chars()
        .count()
        + 1;
    (line, column)
}

#[test]
fn missing_file_names_it() {
    let err = data::load(Some(std::path::Path::new("/nonexistent/pap.json"))).unwrap_err();
    let msg = err.to_string();
    assert!(matches!(err, DataError::Read { .. }));
    assert!(
        msg.contains("/nonexistent/pap.json") && msg.contains("cannot read"),
        "{msg}"
    );
    // The system's error stays reachable, for a caller that walks the chain.
    let source = std::error::Error::source(&err)
        .and_then(|s| s.downcast_ref::<std::io::Error>())
        .map(std::io::Error::kind);
    assert_eq!(source, Some(std::io::ErrorKind::NotFound));
    let parse = parse_err("{");
    assert!(std::error::Error::source(&parse).is_none(), "{parse:?}");
}

#[test]
fn not_utf8_gives_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("latin1.json");
    std::fs::write(&path, b"{\n  \"document\": \"Montr\xe9al\"\n}").unwrap();
    let err = data::load(Some(&path)).unwrap_err();
    match &err {
        DataError::NotUtf8 { line, column, .. } => assert_eq!((*line, *column), (2, 21)),
        other => panic!("{other:?}"),
    }
    assert!(err.to_string().contains("latin1.json:2:21"), "{err}");
}

#[test]
fn not_json_gives_line_and_column() {
    let err = parse_err("{\n  \"document\": {,\n}");
    assert!(
        matches!(
            err,
            DataError::Json {
                line: 2,
                column: 16,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.to_string().starts_with("bad.json:2:16: "), "{err}");
}

#[test]
fn wrong_type_is_located() {
    let text = edited("\"count\": 61", "\"count\": \"61\"");
    let (line, _) = position_of(&text, "\"count\": \"61\"");
    let err = parse_err(&text);
    match &err {
        DataError::Json {
            line: l, message, ..
        } => {
            assert_eq!(*l, line);
            assert!(message.contains("invalid type"), "{message}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn negative_count_is_rejected() {
    let err = parse_err(&edited("\"count\": 61", "\"count\": -61"));
    assert!(matches!(err, DataError::Json { .. }), "{err:?}");
}

#[test]
fn missing_field_is_named() {
    let err = parse_err(&edited(
        "\"name\": \"Service d'aide à la famille",
        "\"nom\": \"x",
    ));
    assert!(err.to_string().contains("unknown field `nom`"), "{err}");
    let text = EMBEDDED_JSON.replacen("\"amount_cad\": 5000,", "", 1);
    assert_ne!(text, EMBEDDED_JSON);
    let err = parse_err(&text);
    assert!(
        err.to_string().contains("missing field `amount_cad`"),
        "{err}"
    );
}

#[test]
fn unknown_field_is_named_and_located() {
    let text = edited(
        "\"id\": \"safima\",",
        "\"id\": \"safima\", \"website\": \"x\",",
    );
    let (line, _) = position_of(&text, "\"website\"");
    let err = parse_err(&text);
    match &err {
        DataError::Json {
            line: l, message, ..
        } => {
            assert_eq!(*l, line);
            assert!(message.contains("unknown field `website`"), "{message}");
        }
        other => panic!("{other:?}"),
    }
}

fn invalid_problems(err: &DataError) -> Vec<(usize, usize, String)> {
    match err {
        DataError::Invalid { problems, .. } => problems
            .iter()
            .map(|p| (p.line, p.column, p.message.describe(Lang::En)))
            .collect(),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

#[test]
fn duplicate_id_names_the_id_at_its_position() {
    let text = edited("\"id\": \"safima\"", "\"id\": \"csai\"");
    // Reported at the second "csai" (the real CSAI), pointing at the value.
    let offset = text.rfind("\"id\": \"csai\"").expect("csai");
    let (line, column) = position_of(&text[offset..], "\"id\"");
    let line = line + text[..offset].matches('\n').count();
    let column = column
        + text[..offset]
            .rsplit('\n')
            .next()
            .map_or(0, |l| l.chars().count());
    let problems = invalid_problems(&parse_err(&text));
    let dup = problems
        .iter()
        .find(|p| p.2.contains("duplicate id \"csai\""))
        .expect("duplicate reported");
    assert_eq!((dup.0, dup.1), (line, column + 6));
}

#[test]
fn dangling_references_are_all_reported() {
    let text = edited("\"region\": \"07\"", "\"region\": \"99\"");
    let text = text.replacen(
        "\"organisation_id\": \"sanc\"",
        "\"organisation_id\": \"nope\"",
        1,
    );
    let text = text.replacen(
        "\"regions\": [\n        \"14\"",
        "\"regions\": [\n        \"77\"",
        1,
    );
    let problems = invalid_problems(&parse_err(&text));
    let messages: Vec<&str> = problems.iter().map(|p| p.2.as_str()).collect();
    assert!(
        messages
            .iter()
            .any(|m| m.contains("city \"gatineau\" refers to unknown region \"99\"")),
        "{messages:?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.contains("unknown organisation \"nope\"")),
        "{messages:?}"
    );
    assert!(
        messages.iter().any(|m| m.contains("unknown region \"77\"")),
        "{messages:?}"
    );
    let (line, _) = position_of(&text, "\"region\": \"99\"");
    assert!(problems.iter().any(|p| p.0 == line), "{problems:?}");
}

#[test]
fn city_with_both_or_neither_count_is_invalid() {
    let both = edited("\"count\": null", "\"count\": 3");
    assert!(
        invalid_problems(&parse_err(&both))
            .iter()
            .any(|p| p.2.contains("both a count"))
    );
    let neither = edited(
        "\"count\": 61,\n      \"withheld\": null",
        "\"count\": null,\n      \"withheld\": null",
    );
    assert!(
        invalid_problems(&parse_err(&neither))
            .iter()
            .any(|p| p.2.contains("neither a count"))
    );
}

#[test]
fn cited_article_must_exist() {
    let text = edited(
        "\"articles\": [\n          \"53\"",
        "\"articles\": [\n          \"99\"",
    );
    let problems = invalid_problems(&parse_err(&text));
    assert!(
        problems
            .iter()
            .any(|p| p.2.contains("unknown article \"99\"")),
        "{problems:?}"
    );
}

#[test]
fn embedded_dataset_is_valid() {
    assert!(data::parse(EMBEDDED_JSON, Origin::Embedded).is_ok());
}
