//! `pap-tui cite`: one entry with the citation that locates it in the letter,
//! as text, Markdown and JSON, in both languages, and the errors a script sees.

use serde_json::Value;

use crate::support::{pap, pap_env};

#[test]
fn cite_safima_prints_the_entry_and_its_citation() {
    assert_eq!(
        pap(&["cite", "safima"]).ok(),
        "Service d'aide à la famille immigrante de la MRC de L'Assomption (SAFIMA) — Lanaudière\n\
         \n\
         Source: MIFI, access-to-information decision 18159, 6 February 2020 — \
         annex \"Organismes par régions\", Lanaudière (OCR l. 197).\n"
    );
    let markdown = pap_env(
        &["cite", "safima", "--format", "markdown"],
        &[("LANG", "fr_CA.UTF-8")],
    )
    .ok();
    assert_eq!(
        markdown,
        "> Service d'aide à la famille immigrante de la MRC de L'Assomption (SAFIMA) — Lanaudière\n\
         >\n\
         > Source : MIFI, décision d'accès à l'information 18159, 6 février 2020 — \
         annexe « Organismes par régions », Lanaudière (OCR l. 197).\n"
    );
}

#[test]
fn a_region_is_cited_with_its_answer() {
    let out = pap(&["cite", "lanaudiere"]).ok();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "Lanaudière (14) — 4 organisations");
    assert_eq!(
        lines.iter().filter(|l| l.starts_with("- ")).count(),
        5,
        "{out}"
    );
    assert!(out.contains("(OCR l. 167, 195–197, 199)"), "{out}");
    assert_eq!(pap(&["cite", "14"]).ok(), out, "by code or by name");
}

#[test]
fn json_carries_the_citation_as_fields() {
    let out = pap(&["cite", "53", "--format", "json"]).ok();
    let v: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}\n{out}"));
    assert_eq!(v["number"], "53");
    assert_eq!(v["citation"]["decision"], "18159");
    assert_eq!(v["citation"]["date"], "2020-02-06");
    let part = v["citation"]["parts"][0]["part"]
        .as_str()
        .unwrap_or_default();
    assert!(
        part.starts_with("article 53 of the Loi sur l'accès aux documents"),
        "{part}"
    );
    assert_eq!(v["citation"]["parts"][0]["ocr_lines"][0], 139);
}

#[test]
fn the_kind_chooses_between_entries_of_one_name() {
    assert!(
        pap(&["cite", "laval"])
            .ok()
            .starts_with("Laval — 61 people")
    );
    assert!(
        pap(&["cite", "laval", "--kind", "region"])
            .ok()
            .starts_with("Laval (13) — 3 organisations")
    );
}

#[test]
fn an_unknown_id_is_an_error_that_says_what_to_do() {
    let err = pap(&["cite", "toronto"]).error();
    assert_eq!(
        err,
        "pap-tui: no entry has the id \"toronto\"; look for it with `pap-tui search toronto`\n"
    );
    let err = pap_env(&["cite", "toronto"], &[("LANG", "fr_CA.UTF-8")]).error();
    assert!(err.contains("« toronto »"), "{err}");
}
