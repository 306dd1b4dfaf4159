//! A valid dataset whose names carry terminal escapes (OSC 52 clipboard writes,
//! screen clears), C0 and C1 controls, DEL, bidi overrides, zero-width joiners,
//! double-width CJK and emoji, and a 10 000-character name. No subcommand, in no
//! format, may let a control character reach stdout, and text columns must stay
//! aligned by display width.

use std::path::PathBuf;

use pap_tui::data::Dataset;
use serde_json::Value;
use tempfile::TempDir;

use crate::rfc4180;
use crate::search::{json_hits, text_rows};
use crate::support::{
    Layout, arg, assert_columns_aligned, assert_no_control, cities_rows, embedded, funding_rows,
    organisations_rows, pap, regions_rows, write_dataset,
};

const OSC52: &str = "OSC\u{1b}]52;c;SGVsbG8=\u{7}52";
const CLEAR: &str = "clear\u{1b}[2Jscreen";
const C1: &str = "csi\u{9b}31mred";
const DEL: &str = "del\u{7f}ete";
const BIDI: &str = "bidi\u{202e}txet\u{202c} \u{2066}iso\u{2069}";
const ZWJ: &str = "zwj 👨\u{200d}👩\u{200d}👧 family";
const WIDE: &str = "漢字テスト 🎉 emoji";
const C0: &str = "nul\u{0}tab\tline\nreturn\rcrlf\r\nbell\u{7}";
const HOSTILE: [&str; 8] = [OSC52, CLEAR, C1, DEL, BIDI, ZWJ, WIDE, C0];

/// Exactly 10 000 characters, 19 996 bytes.
fn long_name() -> String {
    format!("long{}", "é".repeat(9_996))
}

/// The embedded dataset with hostile text in every field an output shows.
fn hostile_dataset() -> Dataset {
    let mut d = embedded();
    let pick = |i: usize| HOSTILE[i % HOSTILE.len()];
    d.document.programme = OSC52.to_string();
    d.document.ministry_acronym = CLEAR.to_string();
    d.document.reference = C1.to_string();
    d.document.ministry = BIDI.to_string();
    d.document.office = WIDE.to_string();
    d.document.place = C0.to_string();
    d.document.date = DEL.to_string();
    for (i, r) in d.regions.iter_mut().enumerate() {
        r.name = match r.code.as_str() {
            "06" => format!("Montréal{CLEAR}"),
            "16" => "Montérégie\u{202e}".to_string(),
            "14" => format!("Lanaudière {WIDE}"),
            _ if i % 2 == 0 => format!("{} {}", r.name, pick(i)),
            _ => r.name.clone(),
        };
    }
    for (i, o) in d.organisations.iter_mut().enumerate() {
        o.name = if i == 5 {
            long_name()
        } else {
            format!("{} {}", pick(i), o.name)
        };
        o.acronym = Some(pick(i + 3).to_string());
        o.note = Some(format!("{} {}", pick(i + 1), pick(i + 7)));
    }
    // An id is text a user sees too; rename one no funding row refers to.
    let renamed = d
        .organisations
        .iter()
        .position(|o| {
            !d.funding
                .iter()
                .any(|f| f.organisation_id.as_ref() == Some(&o.id))
        })
        .expect("an organisation without funding");
    d.organisations[renamed].id = format!("id{CLEAR}{BIDI}");
    d.organisations[renamed].source[0].text = OSC52.to_string();
    for (i, c) in d.cities.iter_mut().enumerate() {
        c.name = format!("{} {}", c.name, pick(i));
        if let Some(w) = &mut c.withheld {
            w.note = C0.to_string();
        }
    }
    for (i, f) in d.funding.iter_mut().enumerate() {
        f.organisation = format!("{} {}", pick(i + 2), f.organisation);
    }
    for a in &mut d.articles {
        a.text = a.text.as_ref().map(|t| format!("{C0}\n{BIDI}\n{t}"));
        a.paraphrase = a.paraphrase.as_ref().map(|p| format!("{OSC52} {p}"));
        a.history = Some(CLEAR.to_string());
        a.cited_for = format!("{C1} {DEL} {ZWJ}");
    }
    d
}

struct Fixture {
    _dir: TempDir,
    path: PathBuf,
    data: Dataset,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let data = hostile_dataset();
    let path = write_dataset(dir.path(), "hostile.json", &data);
    Fixture {
        _dir: dir,
        path,
        data,
    }
}

impl Fixture {
    fn run(&self, args: &[&str]) -> String {
        // `validate` reads the file it is given, and refuses --data.
        let mut all = if args.first() == Some(&"validate") {
            vec![]
        } else {
            vec!["--data", arg(&self.path)]
        };
        all.extend(args);
        // Only `funding --region` writes a note, naming hostile rows: escaped too.
        let run = pap(&all).code(0);
        assert_no_control(&run.stderr, Layout::Lines, &format!("{args:?} stderr"));
        if !(args.contains(&"funding") && args.contains(&"--region")) {
            assert_eq!(run.stderr, "", "{args:?}");
        }
        run.stdout
    }
}

/// Queries that each find at least one hostile entry.
const QUERIES: [&str; 8] = [
    "'osc", "'clear", "'csi", "'bidi", "family", "emoji", "'long", "'nul",
];

#[test]
fn no_control_character_reaches_stdout() {
    let f = fixture();
    let mut runs: Vec<(Vec<&str>, Layout)> = Vec::new();
    for list in ["regions", "organisations", "cities", "funding", "articles"] {
        for lang in ["en", "fr"] {
            runs.push((vec![list, "--lang", lang], Layout::Lines));
        }
        runs.push((vec![list, "--format", "json"], Layout::Lines));
        runs.push((vec![list, "--format", "csv"], Layout::Csv));
        runs.push((vec![list, "--format", "markdown"], Layout::Lines));
        if list != "articles" {
            runs.push((vec![list, "--region", "14"], Layout::Lines));
        }
    }
    runs.push((vec!["export", "--format", "json"], Layout::Lines));
    runs.push((vec!["export", "--format", "csv"], Layout::Csv));
    for lang in ["en", "fr"] {
        runs.push((
            vec!["export", "--format", "markdown", "--lang", lang],
            Layout::Lines,
        ));
    }
    for query in QUERIES {
        runs.push((vec!["search", query], Layout::Lines));
        runs.push((vec!["search", query, "--format", "json"], Layout::Lines));
        runs.push((vec!["search", query, "--format", "markdown"], Layout::Lines));
    }
    runs.push((vec!["validate", arg(&f.path)], Layout::Lines));
    for (args, layout) in runs {
        let out = f.run(&args);
        assert!(!out.is_empty(), "{args:?}");
        assert_no_control(&out, layout, &format!("{args:?}"));
    }
}

#[test]
fn escapes_are_visible_in_text_and_csv() {
    let f = fixture();
    let text = f.run(&["organisations"]);
    assert!(text.contains("OSC\\x1B]52;c;SGVsbG8=\\x0752 "), "{text}");
    assert!(text.contains("idclear\\x1B[2Jscreenbidi\\u{202E}txet\\u{202C} \\u{2066}iso\\u{2069}"));
    assert!(text.contains("csi\\x9B31mred"));
    assert!(text.contains("del\\x7Fete"));
    assert!(text.contains("nul\\x00tab line\\x0Areturn\\x0Dcrlf\\x0D\\x0Abell\\x07"));
    assert!(text.contains(ZWJ) && text.contains(WIDE) && text.contains(&long_name()));

    let (header, rows) = rfc4180::table(&f.run(&["organisations", "--format", "csv"]));
    assert_eq!(header[1], "name");
    assert_eq!(rows.len(), f.data.organisations.len());
    let names: Vec<&str> = rows.iter().map(|r| r[1].as_str()).collect();
    assert_eq!(names[5], long_name());
    assert_eq!(names[5].chars().count(), 10_000);
    // In CSV a cell may span lines: CRLF becomes LF, other controls are escaped.
    let c0 = rows.iter().find(|r| r[1].starts_with("nul")).unwrap();
    assert!(
        c0[1].starts_with("nul\\x00tab line\nreturn\\x0Dcrlf\nbell\\x07 "),
        "{:?}",
        c0[1]
    );
    assert!(names.iter().any(|n| n.starts_with(ZWJ)), "{names:?}");

    let (_, cities) = rfc4180::table(&f.run(&["cities", "--format", "csv"]));
    assert_eq!(cities.len(), 17);
    assert_eq!(
        cities
            .iter()
            .filter(|r| r[4].is_empty() && r[5] == "true" && r[6] == "53;54")
            .count(),
        12
    );
}

#[test]
fn text_columns_stay_aligned_by_display_width() {
    let f = fixture();
    let d = &f.data;
    assert_columns_aligned(&f.run(&["regions"]), &regions_rows(d), &[2, 3]);
    assert_columns_aligned(&f.run(&["organisations"]), &organisations_rows(d), &[]);
    assert_columns_aligned(&f.run(&["cities"]), &cities_rows(d), &[2]);
    assert_columns_aligned(&f.run(&["funding"]), &funding_rows(d), &[1]);
    for query in QUERIES {
        let hits = json_hits(&f.run(&["search", query, "--format", "json"]));
        assert!(!hits.is_empty(), "{query}");
        assert_columns_aligned(&f.run(&["search", query]), &text_rows(&hits), &[]);
    }
}

#[test]
fn json_escapes_controls_and_parses_back_to_the_same_strings() {
    let f = fixture();
    let d = &f.data;
    let lists = [
        ("organisations", serde_json::to_value(&d.organisations)),
        ("funding", serde_json::to_value(&d.funding)),
        ("articles", serde_json::to_value(&d.articles)),
    ];
    for (list, want) in lists {
        let out = f.run(&[list, "--format", "json"]);
        let value: Value = serde_json::from_str(&out).unwrap();
        assert_eq!(value, want.unwrap(), "{list}");
    }
    // Regions and cities carry the dictionary's fields; their names come back whole.
    for (list, names) in [
        (
            "regions",
            d.regions.iter().map(|r| &r.name).collect::<Vec<_>>(),
        ),
        ("cities", d.cities.iter().map(|c| &c.name).collect()),
    ] {
        let value: Value = serde_json::from_str(&f.run(&[list, "--format", "json"])).unwrap();
        let back: Vec<&str> = value
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v["name"].as_str().unwrap())
            .collect();
        assert_eq!(back, names, "{list}");
    }
    let export = f.run(&["export", "--format", "json"]);
    assert!(
        export.contains(r#""OSC\u001b]52;c;SGVsbG8=\u000752""#),
        "C0 as \\u escapes"
    );
    assert!(export.contains(r#""csi\u009b31mred""#), "C1 as \\u escapes");
    assert!(export.contains(r#"del\u007fete"#), "DEL as \\u escape");
    assert!(export.contains(r#"bidi\u202etxet\u202c \u2066iso\u2069"#));
    assert!(
        export.contains(ZWJ) && export.contains(WIDE),
        "printable text unescaped"
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("export.json");
    std::fs::write(&path, &export).unwrap();
    assert_eq!(&pap_tui::data::load(Some(&path)).unwrap().dataset, d);

    let entries = pap_tui::search::entries(d);
    for query in QUERIES {
        for hit in json_hits(&f.run(&["search", query, "--format", "json"])) {
            let entry = entries
                .iter()
                .find(|e| e.kind.as_str() == hit["kind"] && e.id == hit["id"])
                .unwrap_or_else(|| panic!("{hit}"));
            assert_eq!(hit["label"], entry.label.as_str(), "{query}");
        }
    }
}

#[test]
fn region_errors_escape_region_names() {
    let f = fixture();
    let err = pap(&["--data", arg(&f.path), "cities", "--region", "mont"]).error();
    assert_eq!(
        err,
        "pap-tui: \"mont\" matches several regions: Montréalclear\\x1B[2Jscreen (06), \
Montérégie\\u{202E} (16); give a code or a longer name\n"
    );
    let err = pap(&["--data", arg(&f.path), "cities", "--region", "x\u{1b}[2J"]).error();
    assert!(
        err.starts_with("pap-tui: no region matches \"x\\x1B[2J\""),
        "{err}"
    );
    let by_name = f.run(&["cities", "--region", "lanaudiere"]);
    assert_eq!(by_name, f.run(&["cities", "--region", "14"]));
    assert!(by_name.contains("Terrebonne"), "{by_name}");
}

#[test]
fn data_errors_on_stderr_are_escaped() {
    let json = pap_tui::data::EMBEDDED_JSON;
    let dir = tempfile::tempdir().unwrap();
    let key = json.replacen(
        "\"ministry_acronym\": \"MIFI\",",
        "\"ministry_acronym\": \"MIFI\",\n    \"\\u001b]52;c;SGVsbG8=\\u0007\": 1,",
        1,
    );
    let duplicate = json
        .replacen("\"id\": \"acces-travail\"", "\"id\": \"x\\u001b[2J\"", 1)
        .replacen(
            "\"id\": \"accueil-international-bois-francs\"",
            "\"id\": \"x\\u001b[2J\"",
            1,
        );
    for (name, text, shown) in [
        ("key.json", key, "`\\x1B]52;c;SGVsbG8=\\x07`"),
        ("duplicate.json", duplicate, "duplicate id \"x\\x1B[2J\""),
    ] {
        assert_ne!(text, json, "{name}: the edit applies");
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        for args in [
            vec!["validate", arg(&path)],
            vec!["--data", arg(&path), "cities"],
        ] {
            let err = pap(&args).error();
            assert!(err.contains(shown), "{args:?}: {err:?}");
            assert_no_control(&err, Layout::Lines, &format!("stderr of {args:?}"));
        }
    }
}

/// OWASP counts a leading tab and a carriage return as formula triggers too:
/// a spreadsheet skips them and runs the formula that follows.
#[test]
fn csv_guards_a_formula_behind_a_tab_or_a_carriage_return() {
    let mut d = embedded();
    d.organisations[0].name = "\t=1+1".into();
    d.organisations[1].name = "\r=HYPERLINK(\"http://x\")".into();
    let dir = tempfile::tempdir().unwrap();
    let path = write_dataset(dir.path(), "formulas.json", &d);
    for (args, column) in [
        (vec!["organisations", "--format", "csv"], 1),
        (vec!["export", "--format", "csv"], 2),
    ] {
        let mut all = vec!["--data", arg(&path)];
        all.extend(&args);
        let (_, rows) = rfc4180::table(&pap(&all).code(0).stdout);
        let names: Vec<&str> = rows
            .iter()
            .map(|r| r[column].as_str())
            .filter(|n| n.contains("=1+1") || n.contains("HYPERLINK"))
            .collect();
        assert_eq!(
            names,
            ["' =1+1", "'\\x0D=HYPERLINK(\"http://x\")"],
            "{args:?}"
        );
    }
}

/// A file name given where a subcommand is expected, or as an option's value,
/// is quoted by clap's error: escaped there as everywhere, on a terminal and in
/// a pipe, its line feed included, so that it cannot forge a line of its own.
#[test]
fn arguments_are_escaped_in_usage_errors() {
    let name = "x\u{1b}]52;c;SGVsbG8=\u{7}\u{1b}[2J\u{202e}y\nerror: forged";
    for args in [
        vec![name],
        vec!["search", "--format", name, "laval"],
        vec!["--lang", name],
    ] {
        let err = pap(&args).error();
        assert_no_control(&err, Layout::Lines, &format!("stderr of {args:?}"));
        assert!(
            err.contains("x\\x1B]52;c;SGVsbG8=\\x07\\x1B[2J\\u{202E}y\\x0Aerror: forged"),
            "{args:?}: {err}"
        );
        assert!(err.starts_with("error: "), "{args:?}: {err}");
        assert!(
            !err.lines().any(|l| l.starts_with("error: forged")),
            "{err}"
        );
    }
    // Help and version stay on stdout with status 0.
    for flag in ["--help", "--version"] {
        let run = pap(&[flag]).code(0);
        assert!(run.stdout.contains("pap-tui"), "{flag}: {}", run.stdout);
        assert_eq!(run.stderr, "", "{flag}");
    }
}
