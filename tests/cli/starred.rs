//! `pap-tui starred`: the quote sheet of the stars in `state.json`, in the
//! letter's order, as text, Markdown and JSON; no star is status 1.

use std::path::Path;

use serde_json::Value;

use crate::support::pap_env;

/// A state directory whose `state.json` holds `stars` (kind, id), in that
/// order, as the explorer writes them.
fn state_with(stars: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let starred: Vec<Value> = stars
        .iter()
        .map(|(kind, id)| serde_json::json!({ "kind": kind, "id": id }))
        .collect();
    let state = serde_json::json!({ "version": 1, "starred": starred });
    std::fs::write(dir.path().join("state.json"), state.to_string()).expect("write");
    dir
}

fn starred(dir: &Path, args: &[&str], lang: &str) -> crate::support::Run {
    let mut all = vec!["starred"];
    all.extend_from_slice(args);
    let state = dir.to_str().expect("utf-8");
    pap_env(&all, &[("LANG", lang), ("PAP_TUI_STATE_DIR", state)])
}

/// Starred in an order that is not the letter's.
const STARS: [(&str, &str); 3] = [
    ("organisation", "safima"),
    ("city", "montreal"),
    ("funding", "funding-3"),
];

#[test]
fn the_sheet_lists_the_stars_in_the_letter_s_order_with_their_citations() {
    let dir = state_with(&STARS);
    let text = starred(dir.path(), &[], "C").ok();
    assert!(
        text.starts_with(
            "Starred entries, in the letter's order: 3 entries\n\n\
             Service d'aide aux Néo-Canadiens (Sherbrooke) inc. — $5,000\n\n\
             Source: MIFI, access-to-information decision 18159, 6 February 2020 — \
             additional-funding table (OCR l. 48).\n\n\
             Montréal — █ withheld — s. 53, 54, Loi sur l'accès"
        ),
        "{text}"
    );
    assert!(
        text.ends_with("annex \"Organismes par régions\", Lanaudière (OCR l. 197).\n"),
        "{text}"
    );
    // Each entry as `cite` prints it.
    for (_, id) in STARS {
        let cited = pap_env(&["cite", id], &[("LANG", "C")]).ok();
        assert!(text.contains(&cited), "{id}: {cited}\n{text}");
    }

    let markdown = starred(dir.path(), &["--format", "markdown"], "fr_CA.UTF-8").ok();
    assert!(
        markdown.starts_with("## Entrées étoilées, dans l'ordre de la lettre : 3 entrées\n\n> "),
        "{markdown}"
    );
    assert!(
        markdown.contains("> Montréal — █ caviardé — art. 53, 54"),
        "{markdown}"
    );
    assert_eq!(
        markdown.matches("\n> Source : MIFI").count(),
        3,
        "{markdown}"
    );

    let json: Value =
        serde_json::from_str(&starred(dir.path(), &["--format", "json"], "C").ok()).expect("JSON");
    let ids: Vec<&str> = json
        .as_array()
        .expect("an array")
        .iter()
        .filter_map(|e| e["id"].as_str())
        .collect();
    assert_eq!(ids, ["funding-3", "montreal", "safima"]);
    assert_eq!(
        json[1]["withheld"]["articles"],
        serde_json::json!(["53", "54"])
    );
    assert_eq!(
        json[1]["citation"]["parts"][0]["ocr_lines"],
        serde_json::json!([94])
    );
}

#[test]
fn no_star_is_said_with_status_1_in_both_languages() {
    // No state file, no star, and stars this dataset does not have.
    let empty = tempfile::tempdir().expect("a temporary directory");
    let unknown = state_with(&[("city", "toronto"), ("planet", "mars")]);
    for dir in [empty.path(), unknown.path()] {
        let run = starred(dir, &[], "C").code(1);
        assert_eq!(run.stdout, "");
        assert_eq!(
            run.stderr,
            "pap-tui: no starred entry; star some in the explorer (s on an entry)\n"
        );
        let run = starred(dir, &["--format", "json"], "fr_CA.UTF-8").code(1);
        assert!(
            run.stderr.contains("aucune entrée étoilée"),
            "{}",
            run.stderr
        );
    }
    assert!(
        !empty.path().join("state.json").exists(),
        "reading the stars writes nothing"
    );
}

#[test]
fn a_state_file_that_cannot_be_read_is_an_error_and_left_as_it_is() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let file = dir.path().join("state.json");
    std::fs::write(&file, "{ not json").expect("write");
    let said = starred(dir.path(), &[], "C").error();
    assert!(
        said.contains("state.json") && said.contains("stars"),
        "{said}"
    );
    assert_eq!(
        std::fs::read_to_string(&file).expect("still there"),
        "{ not json"
    );
}
