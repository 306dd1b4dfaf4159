//! `pap-tui search`: hits as text and JSON, filters, and the three exit statuses.

use pap_tui::search::{Field, FieldMatch};
use serde_json::Value;

use crate::support::{assert_columns_aligned, pap, pap_env};

const KINDS: [&str; 6] = [
    "region",
    "city",
    "organisation",
    "funding",
    "article",
    "document",
];

/// Checks one reason a hit gives: a field name and its text, with ranges
/// inside that text, ordered and never empty.
#[track_caller]
fn check_match(hit: &Value, reason: &Value) {
    assert!(reason["field"].is_string(), "{hit}");
    let chars = reason["matched"].as_str().expect("matched").chars().count() as u64;
    let ranges = reason["ranges"].as_array().expect("ranges");
    assert!(!ranges.is_empty(), "no range in {hit}");
    let mut last = 0;
    for range in ranges {
        let pair: Vec<u64> = range
            .as_array()
            .expect("a range is [start, end]")
            .iter()
            .map(|n| n.as_u64().expect("offsets are integers"))
            .collect();
        assert!(
            pair.len() == 2 && last <= pair[0] && pair[0] < pair[1] && pair[1] <= chars,
            "range {range} in {hit}"
        );
        last = pair[1];
    }
}

/// The hits of a JSON search, checked for shape: the keys kind, id, label,
/// score, field, matched and ranges, and `also` when other fields matched;
/// ranges inside the matched text and never empty (`field` is null only for a
/// query of exclusions).
#[track_caller]
pub fn json_hits(out: &str) -> Vec<Value> {
    let value: Value = serde_json::from_str(out).unwrap_or_else(|e| panic!("{e}\n{out}"));
    let hits = value.as_array().expect("an array of hits").clone();
    for hit in &hits {
        let object = hit.as_object().expect("each hit is an object");
        let mut keys: Vec<&str> = object.keys().map(String::as_str).collect();
        keys.retain(|&k| k != "also");
        keys.sort_unstable();
        assert_eq!(
            keys,
            ["field", "id", "kind", "label", "matched", "ranges", "score"],
            "{hit}"
        );
        assert!(
            KINDS.contains(&hit["kind"].as_str().unwrap_or_default()),
            "{hit}"
        );
        assert!(hit["id"].is_string() && hit["score"].is_i64(), "{hit}");
        if hit["field"].is_null() {
            assert!(hit["matched"].is_null(), "{hit}");
            assert_eq!(hit["ranges"], serde_json::json!([]), "{hit}");
            assert!(object.get("also").is_none(), "{hit}");
            continue;
        }
        check_match(hit, hit);
        if hit["field"] == "name" {
            assert_eq!(hit["matched"], hit["label"], "{hit}");
        }
        if let Some(also) = object.get("also") {
            let also = also.as_array().expect("also is an array");
            assert!(!also.is_empty(), "{hit}");
            for reason in also {
                assert_ne!(reason["field"], "name", "the name comes first: {hit}");
                check_match(hit, reason);
            }
        }
    }
    hits
}

/// How much of a field other than the name the text output shows (`MATCHED_WIDTH`
/// in src/cli.rs).
const MATCHED_WIDTH: usize = 48;

/// The rows the text output of these hits must show (English kind names): the
/// name, then each other field that matched, cut around its match.
pub fn text_rows(hits: &[Value]) -> Vec<Vec<String>> {
    let mut rows = vec![vec!["KIND".into(), "ID".into(), "ENTRY".into()]];
    for hit in hits {
        let kind = match hit["kind"].as_str() {
            Some("document") => "letter",
            Some(kind) => kind,
            None => panic!("{hit}"),
        };
        let mut entry = hit["label"].as_str().unwrap_or_default().to_string();
        let also = hit["also"].as_array().cloned().unwrap_or_default();
        for reason in std::iter::once(hit).chain(&also) {
            if reason["field"].is_null() || reason["field"] == "name" {
                continue;
            }
            let ranges = reason["ranges"]
                .as_array()
                .expect("ranges")
                .iter()
                .map(|r| {
                    let n = |i: usize| r[i].as_u64().expect("an offset") as usize;
                    (n(0), n(1))
                })
                .collect();
            let reason = FieldMatch {
                field: Field::Name,
                text: reason["matched"].as_str().expect("matched"),
                ranges,
            };
            entry.push_str(" · ");
            entry.push_str(&reason.window(MATCHED_WIDTH).0);
        }
        rows.push(vec![
            kind.to_string(),
            hit["id"].as_str().unwrap_or_default().to_string(),
            entry,
        ]);
    }
    rows
}

#[test]
fn json_hits_say_why_and_are_stable() {
    let out = pap(&["search", "lanaudiere", "--format", "json"]).ok();
    let hits = json_hits(&out);
    assert_eq!(
        hits[0],
        serde_json::json!({
            "kind": "region",
            "id": "14",
            "label": "Lanaudière",
            "score": hits[0]["score"],
            "field": "name",
            "matched": "Lanaudière",
            "ranges": [[0, 10]],
        })
    );
    // A city found through its region says so.
    let city = hits
        .iter()
        .find(|h| h["id"] == "terrebonne")
        .expect("Terrebonne");
    assert_eq!(
        (&city["field"], &city["matched"], &city["ranges"]),
        (
            &serde_json::json!("region"),
            &serde_json::json!("Lanaudière"),
            &serde_json::json!([[0, 10]])
        )
    );
    let ids: Vec<&str> = hits.iter().filter_map(|h| h["id"].as_str()).collect();
    assert!(
        ids.contains(&"cred-lanaudiere") && ids.contains(&"terrebonne"),
        "{ids:?}"
    );
    assert_eq!(pap(&["search", "lanaudiere", "--format", "json"]).ok(), out);
}

#[test]
fn text_hits_are_the_json_hits_in_columns() {
    for query in [&["lanaudiere"][..], &["famile", "immig"], &["montreal"]] {
        let mut args = vec!["search"];
        args.extend(query);
        let text = pap(&args).ok();
        args.extend(["--format", "json"]);
        let hits = json_hits(&pap(&args).ok());
        assert!(!hits.is_empty());
        assert_columns_aligned(&text, &text_rows(&hits), &[]);
    }
    let out = pap(&["search", "famile", "immig", "--format", "json"]).ok();
    assert_eq!(json_hits(&out)[0]["id"], "safima");
    let fr = pap(&["search", "lanaudiere", "--lang", "fr"]).ok();
    assert!(fr.starts_with("TYPE  "), "{fr}");
    let first: Vec<&str> = fr
        .lines()
        .nth(1)
        .unwrap_or_default()
        .split_whitespace()
        .collect();
    assert_eq!(first, ["région", "14", "Lanaudière"], "{fr}");
}

#[test]
fn limit_and_kind_filter_the_hits() {
    let out = pap(&["search", "montreal", "--limit", "2", "--format", "json"]).ok();
    let hits: Vec<(String, String)> = json_hits(&out)
        .iter()
        .map(|h| (h["kind"].to_string(), h["id"].to_string()))
        .collect();
    assert_eq!(
        hits,
        [
            ("\"region\"".to_string(), "\"06\"".to_string()),
            ("\"city\"".to_string(), "\"montreal\"".to_string())
        ]
    );
    let out = pap(&["search", "lanaudiere", "--kind", "city", "--format", "json"]).ok();
    let ids: Vec<Value> = json_hits(&out).iter().map(|h| h["id"].clone()).collect();
    assert_eq!(ids, ["terrebonne"]);
    for kind in KINDS {
        let out = pap(&[
            "search", "a", "--kind", kind, "--limit", "100", "--format", "json",
        ])
        .ok();
        let hits = json_hits(&out);
        assert!(!hits.is_empty(), "{kind}");
        assert!(hits.iter().all(|h| h["kind"] == kind), "{kind}: {out}");
    }
    let out = pap(&["search", "a", "--limit", "7", "--format", "json"]).ok();
    assert_eq!(json_hits(&out).len(), 7);
}

#[test]
fn a_limited_search_keeps_the_order_of_the_full_one() {
    let all = pap(&["search", "e", "--limit", "100000", "--format", "json"]).ok();
    let all = json_hits(&all);
    for (kind, limit) in [(None, 5), (Some("organisation"), 7), (Some("city"), 3)] {
        let mut args = vec!["search", "e", "--format", "json"];
        let limit_text = limit.to_string();
        args.extend(["--limit", &limit_text]);
        if let Some(kind) = kind {
            args.extend(["--kind", kind]);
        }
        let out = pap(&args).ok();
        let expected: Vec<&Value> = all
            .iter()
            .filter(|h| kind.is_none_or(|k| h["kind"] == k))
            .take(limit)
            .collect();
        let got = json_hits(&out);
        assert_eq!(got.iter().collect::<Vec<_>>(), expected, "{kind:?}");
    }
}

#[test]
fn no_hit_exits_1() {
    let run = pap(&["search", "zzqqxxj"]).code(1);
    assert_eq!(
        (run.stdout.as_str(), run.stderr.as_str()),
        ("", "pap-tui: no match\n")
    );
    let run = pap_env(&["search", "zzqqxxj"], &[("LANG", "fr_CA.UTF-8")]).code(1);
    assert_eq!(run.stderr, "pap-tui : aucun résultat\n");
    let run = pap(&["search", "zzqqxxj", "--format", "json"]).code(1);
    assert_eq!((run.stdout.as_str(), run.stderr.as_str()), ("[]\n", ""));
    // A filter that removes every hit is no hit either.
    let run = pap(&["search", "terrebonne", "--kind", "article"]).code(1);
    assert_eq!(run.stdout, "");
}

#[test]
fn errors_exit_2() {
    let err = pap(&["search", ""]).error();
    assert!(
        err.starts_with("pap-tui: the query has no search term"),
        "{err}"
    );
    pap(&["search", "   "]).error();
    let err = pap(&["--data", "/nonexistent/pap.json", "search", "laval"]).error();
    assert!(err.contains("/nonexistent/pap.json"), "{err}");
}

#[test]
fn the_letter_is_found_by_its_reference_date_and_period() {
    for query in ["18159", "'2020-02-06", "'2019-08-12"] {
        let out = pap(&["search", query, "--kind", "letter", "--format", "json"]).ok();
        let ids: Vec<Value> = json_hits(&out).iter().map(|h| h["id"].clone()).collect();
        assert_eq!(ids, ["letter"], "{query}");
    }
}

/// The ids of a JSON search's hits, best first.
fn ids(args: &[&str]) -> Vec<String> {
    let mut all = vec!["search"];
    all.extend(args);
    all.extend(["--limit", "100", "--format", "json"]);
    json_hits(&pap(&all).ok())
        .iter()
        .map(|h| h["id"].as_str().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn no_hit_without_a_reason_on_screen() {
    let safima = ids(&["safima"]);
    assert_eq!(safima.first().map(String::as_str), Some("safima"));
    assert!(
        !safima.contains(&"service-d-entraide-familiale-de-val-d-or".to_string()),
        "{safima:?}"
    );
    let lanaudiere = ids(&["lanaudiere"]);
    assert!(
        !lanaudiere.contains(&"cje-beauce-nord".to_string()),
        "{lanaudiere:?}"
    );
    assert_eq!(ids(&["--kind", "city", "montreal"]), ["montreal"]);
}

#[test]
fn a_region_finds_its_organisations_before_scattered_letters() {
    let got = ids(&["lanaud"]);
    let at = |id: &str| {
        got.iter()
            .position(|g| g == id)
            .unwrap_or_else(|| panic!("{id} not in {got:?}"))
    };
    for id in [
        "cred-lanaudiere",
        "accueil-multiethnique-terrebonne-mascouche",
        "perspectives-carrieres",
        "safima",
    ] {
        assert!(at(id) < at("citim"), "{id} after CITIM: {got:?}");
    }
    assert_eq!(got[0], "14");
    let text = pap(&["search", "lanaud"]).ok();
    let safima = text
        .lines()
        .find(|l| l.contains(" safima "))
        .unwrap_or_default();
    assert!(
        safima.ends_with("(SAFIMA) · Lanaudière"),
        "the region shows why: {text}"
    );
}

#[test]
fn typos_still_find_what_was_meant() {
    for (query, want) in [
        (&["sitim"][..], "citim"),
        (&["clef", "integration"], "citim"),
        (&["maindoeuvre"], "services-de-main-d-oeuvre-l-appui"),
        (&["famile", "immig"], "safima"),
    ] {
        let got = ids(query);
        assert_eq!(got.first().map(String::as_str), Some(want), "{query:?}");
    }
}

#[test]
fn passages_show_the_matched_words() {
    let out = pap(&[
        "search",
        "confidentiels",
        "--kind",
        "article",
        "--format",
        "json",
    ])
    .ok();
    let hits = json_hits(&out);
    assert_eq!(hits[0]["id"], "53");
    assert_eq!(hits[0]["field"], "text");
    let matched = hits[0]["matched"].as_str().unwrap_or_default();
    let [start, end] = [0, 1].map(|i| hits[0]["ranges"][0][i].as_u64().unwrap_or(0) as usize);
    let marked: String = matched.chars().skip(start).take(end - start).collect();
    assert_eq!(marked, "confidentiels");
    let text = pap(&["search", "confidentiels", "--kind", "article"]).ok();
    assert_columns_aligned(&text, &text_rows(&hits), &[]);
    assert!(text.contains("Article 53 · "), "{text}");
}

#[test]
fn exclusions_alone_match_nothing_to_show() {
    let out = pap(&["search", "!a", "--limit", "3", "--format", "json"]).ok();
    let hits = json_hits(&out);
    assert_eq!(hits.len(), 3);
    assert!(hits.iter().all(|h| h["field"].is_null()), "{out}");
}

#[test]
fn markdown_hits_cite_their_ocr_lines() {
    let out = pap(&["search", "lanaudiere", "--format", "markdown"]).ok();
    // Lanaudière's region cites Terrebonne's withheld row (76), the passage
    // invoking the articles (50–55) and the annex's section (167 and
    // 195–199); each organisation its own annex lines. Terrebonne stays
    // withheld in the list.
    assert_eq!(
        out,
        "Search \"lanaudiere\": 6 hits\n\n\
- Lanaudière (region, OCR l. 50–53, 55, 76, 167, 195–197, 199)\n\
- Comité régional d'éducation pour le développement international de Lanaudière (organisation, OCR l. 196)\n\
- Terrebonne (city, █ withheld — s. 53, 54, OCR l. 50–53, 55, 76)\n\
- Accueil multiethnique et intégration des nouveaux arrivants à Terrebonne et Mascouche (organisation, OCR l. 199)\n\
- Perspectives Carrières (organisation, OCR l. 191, 195, 201)\n\
- Service d'aide à la famille immigrante de la MRC de L'Assomption (SAFIMA) (organisation, OCR l. 197)\n\
\nSource: MIFI, access-to-information decision 18159, 6 February 2020.\n"
    );
    let none = pap(&["search", "zzqqxxj", "--format", "markdown"]).code(1);
    assert_eq!(none.stdout, "");
    assert!(none.stderr.contains("no match"), "{}", none.stderr);
}

#[test]
fn markdown_hits_escape_the_loaded_letters_decision() {
    let dir = tempfile::tempdir().unwrap();
    let mut data = crate::support::embedded();
    data.document.ministry_acronym = "*M*".into();
    data.document.reference = "[x](javascript:y) <b>".into();
    let path = crate::support::write_dataset(dir.path(), "other.json", &data);
    let md = pap(&[
        "--data",
        crate::support::arg(&path),
        "search",
        "laval",
        "--format",
        "markdown",
    ])
    .ok();
    assert!(
        md.ends_with(
            "\n\nSource: \\*M\\*, access-to-information decision \\[x\\](javascript:y) \\<b\\>, 6 February 2020.\n"
        ),
        "{md}"
    );
}
