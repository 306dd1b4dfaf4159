//! `pap-tui export --format sqlite`: the database read back with the `sqlite3`
//! shell, as a Datasette user or a script would, and the rules for the files
//! it writes.

use std::path::Path;
use std::process::{Command, Stdio};

use crate::support::{BIN, arg, pap};

/// The `sqlite3` shell's output for `sql` on `db` (list mode, `|` between columns).
fn sqlite3(db: &Path, sql: &str) -> String {
    let out = Command::new("sqlite3")
        .arg(db)
        .arg(sql)
        .output()
        .expect("the sqlite3 shell is installed (apt-get install sqlite3; .ci/run does it)");
    assert!(
        out.status.success(),
        "sqlite3 {sql}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn the_database_reads_back_with_its_keys_intact() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("pap.db");
    assert_eq!(
        pap(&["export", "--format", "sqlite", "--output", arg(&db)]).ok(),
        ""
    );
    let counts = sqlite3(
        &db,
        "SELECT (SELECT count(*) FROM organisations), (SELECT count(*) FROM regions), \
         (SELECT count(*) FROM cities), (SELECT count(*) FROM funding), \
         (SELECT count(*) FROM organisation_regions), (SELECT count(*) FROM articles), \
         (SELECT count(*) FROM questions), (SELECT count(*) FROM answers), \
         (SELECT count(*) FROM document);",
    );
    assert_eq!(counts, "58|17|17|3|60|3|3|5|1\n");
    assert_eq!(sqlite3(&db, "PRAGMA foreign_key_check;"), "");
    assert_eq!(sqlite3(&db, "PRAGMA integrity_check;"), "ok\n");
    // The keys are declared, not only respected.
    assert_eq!(
        sqlite3(
            &db,
            "SELECT \"table\", \"from\", \"to\" FROM pragma_foreign_key_list('cities');"
        ),
        "regions|region_code|code\n"
    );
    assert_eq!(
        sqlite3(
            &db,
            "SELECT organisation FROM organisations_by_region WHERE region = 'Lanaudière';"
        ),
        "Perspectives Carrières\n\
         Comité régional d'éducation pour le développement international de Lanaudière\n\
         Service d'aide à la famille immigrante de la MRC de L'Assomption\n\
         Accueil multiethnique et intégration des nouveaux arrivants à Terrebonne et Mascouche\n"
    );
    assert_eq!(
        sqlite3(
            &db,
            "SELECT city, count IS NULL, withheld, withheld_articles FROM headcounts \
             WHERE region = 'Lanaudière';"
        ),
        "Terrebonne|1|1|53;54\n"
    );
    assert_eq!(
        sqlite3(
            &db,
            "SELECT count(*), sum(count) FROM headcounts WHERE withheld = 0;"
        ),
        "5|217\n"
    );
    assert_eq!(
        sqlite3(&db, "SELECT * FROM region_summary WHERE code = '07';"),
        "07|Outaouais|0|1|63|0|\n"
    );
    // No known count is NULL, never 0: Montréal's one city is withheld, and
    // the letter lists no city in Côte-Nord.
    assert_eq!(
        sqlite3(
            &db,
            "SELECT code, known_count IS NULL, listed_cities, withheld_cities, withheld_articles \
             FROM region_summary WHERE code IN ('06', '09') ORDER BY code;"
        ),
        "06|1|1|1|53;54\n09|1|0|0|\n"
    );
    // Full-text search finds Montréal without its accent, in the letter's
    // lines and in the organisations the funding table names.
    for (index, at_least) in [("sources_fts", 4), ("funding_fts", 1)] {
        let found = sqlite3(
            &db,
            &format!("SELECT count(*) FROM {index} WHERE {index} MATCH 'montreal';"),
        );
        let found: u32 = found.trim().parse().unwrap_or(0);
        assert!(found >= at_least, "{index}: {found}");
    }
    // Every value keeps its OCR lines: the funding row for CSAI, from line 47.
    assert_eq!(
        sqlite3(
            &db,
            "SELECT s.line FROM sources s JOIN funding f ON f.id = s.funding_id \
             WHERE f.organisation_id = 'csai';"
        ),
        "47\n"
    );
    assert_eq!(
        sqlite3(
            &db,
            "SELECT count(*) FROM organisations o WHERE NOT EXISTS \
                      (SELECT 1 FROM sources s WHERE s.organisation_id = o.id);"
        ),
        "0\n"
    );
}

#[test]
fn a_dataset_given_with_data_is_the_one_exported() {
    let dir = tempfile::tempdir().unwrap();
    let mut data = crate::support::embedded();
    data.organisations.truncate(10);
    data.funding.retain(|f| f.organisation_id.is_none());
    let path = crate::support::write_dataset(dir.path(), "small.json", &data);
    let db = dir.path().join("small.db");
    pap(&[
        "export",
        "--data",
        arg(&path),
        "--format",
        "sqlite",
        "-o",
        arg(&db),
    ])
    .ok();
    assert_eq!(sqlite3(&db, "SELECT count(*) FROM organisations;"), "10\n");
    assert_eq!(sqlite3(&db, "PRAGMA foreign_key_check;"), "");
}

#[test]
fn metadata_describes_every_table_for_datasette() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("decision.db");
    let meta = dir.path().join("metadata.json");
    pap(&[
        "export",
        "--format",
        "sqlite",
        "-o",
        arg(&db),
        "--metadata",
        arg(&meta),
    ])
    .ok();
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&meta).unwrap()).unwrap();
    assert!(json["source"].as_str().unwrap().contains("18159"), "{json}");
    assert!(
        json["license"]
            .as_str()
            .unwrap()
            .contains("MIT OR Apache-2.0")
    );
    // Datasette names the database after the file.
    let tables = json["databases"]["decision"]["tables"].as_object().unwrap();
    let names = sqlite3(
        &db,
        "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY name;",
    );
    // Datasette hides the full-text indexes and their shadow tables.
    for name in names.lines().filter(|n| !n.contains("_fts")) {
        let described = &tables[name];
        assert!(described["description"].is_string(), "{name} undescribed");
        let columns = sqlite3(
            &db,
            &format!("SELECT name FROM pragma_table_info('{name}');"),
        );
        for column in columns.lines() {
            assert!(
                described["columns"][column].is_string(),
                "{name}.{column} undescribed"
            );
        }
    }
    let shown = names.lines().filter(|n| !n.contains("_fts")).count();
    assert_eq!(tables.len(), shown);
}

#[test]
fn existing_files_are_kept_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("pap.db");
    let meta = dir.path().join("metadata.json");
    std::fs::write(&db, "mine").unwrap();
    let err = pap(&["export", "--format", "sqlite", "-o", arg(&db)]).error();
    assert!(err.contains("pap.db: already exists"), "{err}");
    assert!(err.contains("--force"), "{err}");
    assert_eq!(std::fs::read_to_string(&db).unwrap(), "mine");
    // Nothing is written when the metadata's file is the one that exists.
    std::fs::remove_file(&db).unwrap();
    std::fs::write(&meta, "{}").unwrap();
    let err = pap(&[
        "export",
        "--format",
        "sqlite",
        "-o",
        arg(&db),
        "--metadata",
        arg(&meta),
    ])
    .error();
    assert!(err.contains("metadata.json: already exists"), "{err}");
    assert!(!db.exists());
    // --force replaces both.
    std::fs::write(&db, "mine").unwrap();
    let forced = [
        "export",
        "--format",
        "sqlite",
        "-o",
        arg(&db),
        "--metadata",
        arg(&meta),
        "--force",
    ];
    pap(&forced).ok();
    assert_eq!(sqlite3(&db, "SELECT count(*) FROM regions;"), "17\n");
    assert!(std::fs::read_to_string(&meta).unwrap().contains("18159"));
    // Text formats follow the same rule.
    let err = pap(&["export", "--format", "csv", "-o", arg(&meta)]).error();
    assert!(err.contains("already exists"), "{err}");
    let md = dir.path().join("pap.md");
    pap(&["export", "--format", "markdown", "-o", arg(&md)]).ok();
    assert_eq!(
        std::fs::read_to_string(&md).unwrap(),
        pap(&["export", "--format", "markdown"]).ok()
    );
    // No temporary file is left behind.
    let mut left: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(left, ["metadata.json", "pap.db", "pap.md"]);
}

#[test]
fn metadata_goes_with_sqlite_only() {
    let dir = tempfile::tempdir().unwrap();
    let meta = dir.path().join("metadata.json");
    let err = pap(&["export", "--format", "json", "--metadata", arg(&meta)]).error();
    assert!(
        err.contains("--metadata goes with --format sqlite"),
        "{err}"
    );
    assert!(!meta.exists());
}

#[test]
fn the_database_goes_to_a_pipe_but_never_to_a_terminal() {
    let piped = Command::new(BIN)
        .args(["export", "--format", "sqlite"])
        .env("LANG", "C")
        .output()
        .unwrap();
    assert!(piped.status.success());
    assert!(piped.stdout.starts_with(b"SQLite format 3\0"));

    let pty = nix::pty::openpty(None, None).expect("a pseudo-terminal");
    let out = Command::new(BIN)
        .args(["export", "--format", "sqlite"])
        .env("LANG", "C")
        .stdin(Stdio::null())
        .stdout(Stdio::from(pty.slave))
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("standard output is a terminal: give --output FILE"),
        "{err}"
    );
    drop(pty.master);
}

/// Runs `datasette` on `db` with `metadata`, asking for `path` without a
/// server (`--get`); `None` when Datasette is not installed.
fn datasette(db: &Path, metadata: &Path, path: &str) -> Option<String> {
    let out = Command::new("datasette")
        .arg(db)
        .arg("--metadata")
        .arg(metadata)
        .args(["--get", path])
        .output()
        .ok()?;
    assert!(
        out.status.success(),
        "datasette {path}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn datasette_serves_the_export_with_full_text_search_and_its_licence() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("z.db");
    let meta = dir.path().join("metadata.json");
    pap(&[
        "export",
        "--format",
        "sqlite",
        "-o",
        arg(&db),
        "--metadata",
        arg(&meta),
    ])
    .ok();
    let Some(found) = datasette(&db, &meta, "/z/sources.json?_search=montreal&_shape=array") else {
        println!(
            "SKIPPED: datasette is not installed (pip install datasette); the export was not served"
        );
        return;
    };
    // Full-text search answers `montreal` without its accent, in the letter's
    // lines and in the funding table's organisations.
    let rows: serde_json::Value = serde_json::from_str(&found).unwrap();
    assert!(rows.as_array().is_some_and(|r| !r.is_empty()), "{found}");
    let funding =
        datasette(&db, &meta, "/z/funding.json?_search=montreal&_shape=array").unwrap_or_default();
    assert!(funding.contains("socio-communautaire"), "{funding}");
    // The licence link, the source link and the database's own metadata,
    // whatever the file is named.
    let served = datasette(&db, &meta, "/-/metadata.json").unwrap_or_default();
    let served: serde_json::Value = serde_json::from_str(&served).unwrap();
    assert_eq!(served["license_url"], "https://opensource.org/license/mit");
    assert!(served["source_url"].is_string(), "{served}");
    let page = datasette(&db, &meta, "/z").unwrap_or_default();
    assert!(
        page.contains("https://opensource.org/license/mit"),
        "{page}"
    );
    // Cities in the letter's order, with a facet on their region.
    let cities = datasette(&db, &meta, "/z/cities.json?_shape=array").unwrap_or_default();
    let cities: serde_json::Value = serde_json::from_str(&cities).unwrap();
    assert_eq!(cities[0]["name"], "Laval");
    assert_eq!(cities[1]["name"], "Québec");
    let facets = datasette(&db, &meta, "/z/cities.json").unwrap_or_default();
    let facets: serde_json::Value = serde_json::from_str(&facets).unwrap();
    assert!(
        facets["facet_results"]["region_code"].is_object(),
        "{}",
        facets["facet_results"]
    );
}
