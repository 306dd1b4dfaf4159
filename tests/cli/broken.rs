//! `pap-tui validate` on broken files, in both languages: every message of a
//! dataset that does not load (the file, the JSON, the validation) is in the
//! language asked for, and in French no English word is left outside the
//! values it quotes.

use std::path::{Path, PathBuf};

use pap_tui::data::EMBEDDED_JSON;

use crate::support::{arg, pap};

/// Words of the English messages about a dataset. None is a French word.
const ENGLISH: [&str; 40] = [
    "the",
    "dataset",
    "expected",
    "missing",
    "field",
    "problem",
    "problems",
    "file",
    "line",
    "fix",
    "try",
    "again",
    "cannot",
    "duplicate",
    "empty",
    "id",
    "invalid",
    "integer",
    "string",
    "unknown",
    "refers",
    "region",
    "not",
    "regular",
    "directory",
    "larger",
    "limit",
    "bytes",
    "text",
    "save",
    "check",
    "give",
    "path",
    "of",
    "and",
    "more",
    "while",
    "parsing",
    "value",
    "such",
];

/// The English words of `said`, once the file's path and every quoted value
/// (« », "", ``) are taken out.
fn english_words(said: &str, path: &Path) -> Vec<String> {
    let said = said.replace(&path.display().to_string(), "");
    let mut outside = String::new();
    let mut closing: Option<char> = None;
    for c in said.chars() {
        match (closing, c) {
            (Some(close), c) if c == close => closing = None,
            (Some(_), _) => {}
            (None, '«') => closing = Some('»'),
            (None, '"' | '`') => closing = Some(c),
            (None, c) => outside.push(c),
        }
    }
    outside
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| ENGLISH.contains(&w.to_lowercase().as_str()))
        .map(str::to_string)
        .collect()
}

/// The embedded JSON with one replacement, which must apply.
fn edited(from: &str, to: &str) -> String {
    assert!(EMBEDDED_JSON.contains(from), "{from:?} not in the dataset");
    EMBEDDED_JSON.replacen(from, to, 1)
}

/// A broken file, and words its English report must hold.
struct Broken {
    path: PathBuf,
    english: &'static str,
}

fn broken_files(dir: &Path) -> Vec<Broken> {
    let file = |name: &str, bytes: &[u8], english| {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        Broken { path, english }
    };
    let long = format!("\"name\": \"{}\"", "é".repeat(40_000));
    let mut files = vec![
        file(
            "syntax.json",
            b"{\n  \"document\": ,\n}\n",
            "expected value",
        ),
        file("eof.json", b"{\n  \"document\": {", "EOF while parsing"),
        file("missing.json", b"{}", "missing field `document`"),
        file(
            "type.json",
            edited("\"region\": \"13\"", "\"region\": 13").as_bytes(),
            "invalid type: integer `13`, expected a string",
        ),
        file(
            "unknown.json",
            edited(
                "\"id\": \"acces-travail\",",
                "\"id\": \"acces-travail\", \"colour\": 1,",
            )
            .as_bytes(),
            "unknown field `colour`, expected one of",
        ),
        file(
            "duplicate.json",
            edited(
                "\"id\": \"accueil-international-bois-francs\"",
                "\"id\": \"acces-travail\"",
            )
            .as_bytes(),
            "duplicate id \"acces-travail\"",
        ),
        file(
            "empty.json",
            edited("\"id\": \"acces-travail\"", "\"id\": \" \"").as_bytes(),
            "empty id",
        ),
        file(
            "region.json",
            edited("\"region\": \"13\"", "\"region\": \"99\"").as_bytes(),
            "refers to unknown region \"99\"",
        ),
        file(
            "long.json",
            edited("\"name\": \"Laval\"", &long).as_bytes(),
            "above the limit of 65536 bytes for one field",
        ),
        file(
            "latin1.json",
            b"{\n  \"document\": \"Montr\xe9al\"\n}",
            "is not UTF-8 text",
        ),
    ];
    files.push(Broken {
        path: dir.to_path_buf(),
        english: "not a regular file but a directory",
    });
    files.push(Broken {
        path: dir.join("absent.json"),
        english: "cannot read the dataset: no such file or directory",
    });
    // Sparse: its size is read, never its bytes.
    let large = dir.join("large.json");
    let made = std::fs::File::create(&large)
        .and_then(|f| f.set_len(pap_tui::data::limits::MAX_FILE_BYTES + 1));
    if made.is_ok() {
        files.push(Broken {
            path: large,
            english: "the file is larger than the limit of",
        });
    }
    files
}

#[test]
fn validate_speaks_french_on_every_broken_file() {
    let dir = tempfile::tempdir().unwrap();
    for broken in broken_files(dir.path()) {
        let path = arg(&broken.path);
        let fr = pap(&["--lang", "fr", "validate", path]).error();
        assert!(fr.starts_with("pap-tui : "), "{fr}");
        let words = english_words(&fr, &broken.path);
        assert!(words.is_empty(), "English {words:?} in {fr}");
        let en = pap(&["--lang", "en", "validate", path]).error();
        assert!(en.starts_with("pap-tui: "), "{en}");
        assert!(
            en.contains(broken.english),
            "{:?} not in {en}",
            broken.english
        );
        assert!(
            !english_words(&en, &broken.path).is_empty(),
            "the test's words miss the English of {en}"
        );
    }
}

#[test]
fn the_problems_report_ends_with_their_count_in_each_language() {
    let dir = tempfile::tempdir().unwrap();
    let text = edited("\"region\": \"13\"", "\"region\": \"99\"").replacen(
        "\"id\": \"accueil-international-bois-francs\"",
        "\"id\": \"acces-travail\"",
        1,
    );
    let path = dir.path().join("both.json");
    std::fs::write(&path, text).unwrap();
    let fr = pap(&["--lang", "fr", "validate", arg(&path)]).error();
    assert!(
        fr.ends_with("\nle jeu de données compte 2 problèmes ; corrigez puis réessayez\n"),
        "{fr}"
    );
    assert!(
        fr.contains(" : identifiant « acces-travail » en double\n"),
        "{fr}"
    );
    let en = pap(&["--lang", "en", "validate", arg(&path)]).error();
    assert!(
        en.ends_with("\n2 problem(s) in the dataset; fix them and try again\n"),
        "{en}"
    );
}
