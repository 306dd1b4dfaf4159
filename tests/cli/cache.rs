//! The index cache of `search --data`: a hit prints exactly what a miss does,
//! a damaged or unwritable cache is a silent miss, `--no-cache` touches nothing,
//! and `paths` shows where it is.

use std::path::{Path, PathBuf};

use crate::support::{arg, files, pap, pap_env, write_dataset};

/// A synthetic dataset of a few thousand organisations in `dir`.
fn dataset(dir: &Path) -> PathBuf {
    let data = pap_tui::synthetic::dataset(3_000).expect("synthetic dataset");
    write_dataset(dir, "big.json", &data)
}

fn search(data: &Path, cache: &Path, extra: &[&str]) -> crate::support::Run {
    let mut args = vec!["search", "--data", arg(data)];
    args.extend_from_slice(extra);
    pap_env(&args, &[("LANG", "C"), ("PAP_TUI_CACHE_DIR", arg(cache))])
}

/// Each query in JSON and in text: the text output shows what else matched,
/// from the stored fields, and JSON their ranges.
const QUERIES: [&[&str]; 18] = [
    &["montreal", "--limit", "1000", "--format", "json"],
    &["montreal", "--limit", "1000"],
    &["e", "--limit", "50"],
    &["e", "--limit", "1000", "--format", "json"],
    &["famile", "immig", "--limit", "1000"],
    &["famile", "immig", "--format", "json"],
    &["e", "!a", "--limit", "1000"],
    &["e", "!a", "--limit", "200", "--format", "json"],
    &["accueil", "levis", "--format", "json"],
    &["accueil", "levis", "--lang", "fr"],
    &["'centre", "!laval", "--kind", "organisation"],
    &["'centre", "!laval", "--format", "json"],
    &["sana", "--kind", "city", "--format", "json"],
    &["withheld", "--limit", "100"],
    &["^carrefour", "levis", "--format", "json"],
    &["zzzzqqq"],
    // Markdown cites OCR lines, which the index does not hold: the file is
    // read, and the output is still the same.
    &["montreal", "--format", "markdown"],
    &["accueil", "levis", "--format", "markdown", "--lang", "fr"],
];

#[test]
fn a_hit_prints_exactly_what_a_miss_prints() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dataset(dir.path());
    let cache = dir.path().join("cache");
    let expected: Vec<_> = QUERIES
        .iter()
        .map(|q| {
            let run = search(&data, &cache, &[&["--no-cache"], *q].concat());
            (run.code, run.stdout, run.stderr)
        })
        .collect();
    assert!(!cache.exists(), "--no-cache writes nothing");
    // First sight marks the file, the second stores its index, the rest read it.
    for round in 0..3 {
        for (q, want) in QUERIES.iter().zip(&expected) {
            let run = search(&data, &cache, q);
            assert_eq!(
                &(run.code, run.stdout, run.stderr),
                want,
                "{q:?} round {round}"
            );
        }
        let listed = files(&cache);
        assert_eq!(listed.len(), 1, "{listed:?}");
        assert!(listed[0].ends_with(".idx"), "{listed:?}");
    }
}

#[test]
fn the_first_search_of_a_file_only_marks_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dataset(dir.path());
    let cache = dir.path().join("cache");
    search(&data, &cache, &["montreal"]).ok();
    let listed = files(&cache);
    assert_eq!(listed.len(), 1);
    assert!(listed[0].ends_with(".seen"), "{listed:?}");
    search(&data, &cache, &["montreal"]).ok();
    assert!(files(&cache)[0].ends_with(".idx"));
}

#[test]
fn a_damaged_cache_file_is_a_miss() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dataset(dir.path());
    let cache = dir.path().join("cache");
    let expected = search(&data, &cache, &["montreal", "--format", "json"]).ok();
    search(&data, &cache, &["montreal", "--format", "json"]).ok();
    let idx = cache.join(&files(&cache)[0]);
    let bytes = std::fs::read(&idx).expect("the cache file");
    let mut flipped = bytes.clone();
    let middle = flipped.len() / 2;
    flipped[middle] ^= 1;
    let damaged: [&[u8]; 4] = [&bytes[..bytes.len() / 2], &bytes[..10], b"", &flipped];
    for bad in damaged {
        std::fs::write(&idx, bad).expect("write");
        let out = search(&data, &cache, &["montreal", "--format", "json"]).ok();
        assert_eq!(out, expected, "a damaged file of {} bytes", bad.len());
    }
}

#[test]
fn a_changed_file_is_searched_anew() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cache = dir.path().join("cache");
    let mut data = pap_tui::synthetic::dataset(100).expect("synthetic dataset");
    let path = write_dataset(dir.path(), "d.json", &data);
    for _ in 0..3 {
        search(&path, &cache, &["zebulon"]).code(1);
    }
    data.organisations[0].name = "Zébulon et compagnie".into();
    let path = write_dataset(dir.path(), "d.json", &data);
    let out = search(&path, &cache, &["zebulon"]).ok();
    assert!(out.contains("Zébulon et compagnie"), "{out}");
}

#[test]
fn an_invalid_file_fails_as_without_the_cache() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cache = dir.path().join("cache");
    let path = dir.path().join("bad.json");
    std::fs::write(&path, "{\"regions\": [}").expect("write");
    let with = search(&path, &cache, &["x"]).error();
    let without = search(&path, &cache, &["x", "--no-cache"]).error();
    assert_eq!(with, without);
    assert!(!cache.exists());
}

#[test]
fn an_unwritable_cache_directory_is_a_silent_miss() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dataset(dir.path());
    // A directory that cannot be made: its parent is a regular file.
    let blocker = dir.path().join("blocker");
    std::fs::write(&blocker, "").expect("write");
    let cache = blocker.join("cache");
    let expected = search(&data, &cache, &["montreal", "--no-cache"]).ok();
    for _ in 0..2 {
        assert_eq!(search(&data, &cache, &["montreal"]).ok(), expected);
    }
    let run = search(&data, &cache, &["montreal", "-v"]).code(0);
    assert_eq!(run.stdout, expected);
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    assert!(run.stderr.contains("not cached"), "{}", run.stderr);
    let run = search(&data, &cache, &["montreal", "-v", "--lang", "fr"]).code(0);
    assert!(
        run.stderr.contains("n'est pas mis en cache"),
        "{}",
        run.stderr
    );
}

#[test]
fn paths_shows_the_cache_directory() {
    let out = pap_env(
        &["paths"],
        &[("LANG", "C"), ("PAP_TUI_CACHE_DIR", "/tmp/pap-cache")],
    )
    .ok();
    assert!(out.lines().any(|l| l == "cache   /tmp/pap-cache"), "{out}");
    assert_eq!(pap(&["paths"]).ok().lines().count(), 3);
}
