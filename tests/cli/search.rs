//! `pap-tui search`: hits as text and JSON, filters, and the three exit statuses.

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

/// The hits of a JSON search, checked for shape: exactly the keys kind, id,
/// label, score and ranges, with ranges inside the label.
#[track_caller]
pub fn json_hits(out: &str) -> Vec<Value> {
    let value: Value = serde_json::from_str(out).unwrap_or_else(|e| panic!("{e}\n{out}"));
    let hits = value.as_array().expect("an array of hits").clone();
    for hit in &hits {
        let object = hit.as_object().expect("each hit is an object");
        let mut keys: Vec<&str> = object.keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(keys, ["id", "kind", "label", "ranges", "score"], "{hit}");
        assert!(
            KINDS.contains(&hit["kind"].as_str().unwrap_or_default()),
            "{hit}"
        );
        assert!(hit["id"].is_string() && hit["score"].is_i64(), "{hit}");
        let chars = hit["label"].as_str().expect("label").chars().count() as u64;
        for range in hit["ranges"].as_array().expect("ranges") {
            let pair: Vec<u64> = range
                .as_array()
                .expect("a range is [start, end]")
                .iter()
                .map(|n| n.as_u64().expect("offsets are integers"))
                .collect();
            assert!(
                pair.len() == 2 && pair[0] < pair[1] && pair[1] <= chars,
                "range {range} in {hit}"
            );
        }
    }
    hits
}

/// The rows the text output of these hits must show (English kind names).
pub fn text_rows(hits: &[Value]) -> Vec<Vec<String>> {
    let mut rows = vec![vec!["KIND".into(), "ID".into(), "ENTRY".into()]];
    for hit in hits {
        let kind = match hit["kind"].as_str() {
            Some("document") => "letter",
            Some(kind) => kind,
            None => panic!("{hit}"),
        };
        rows.push(vec![
            kind.to_string(),
            hit["id"].as_str().unwrap_or_default().to_string(),
            hit["label"].as_str().unwrap_or_default().to_string(),
        ]);
    }
    rows
}

#[test]
fn json_hits_have_exactly_five_keys_and_are_stable() {
    let out = pap(&["search", "lanaudiere", "--format", "json"]).ok();
    let hits = json_hits(&out);
    assert_eq!(
        hits[0],
        serde_json::json!({
            "kind": "region",
            "id": "14",
            "label": "Lanaudière",
            "score": hits[0]["score"],
            "ranges": [[0, 10]],
        })
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
    assert_eq!(run.stderr, "pap-tui: aucun résultat\n");
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
