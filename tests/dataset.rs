//! The embedded dataset against the letter's own figures, and every `source`
//! quotation against the OCR text it claims to come from.

use std::collections::HashSet;

use pap_tui::data::{self, Dataset, Headcount, Source};

fn dataset() -> Dataset {
    match data::load(None) {
        Ok(loaded) => loaded.dataset,
        Err(e) => panic!("embedded dataset does not load: {e}"),
    }
}

const OCR: &str = include_str!("../assets/ocr.txt");

#[test]
fn letter_names_58_distinct_organisations() {
    let d = dataset();
    let ids: HashSet<&str> = d.organisations.iter().map(|o| o.id.as_str()).collect();
    let names: HashSet<&str> = d.organisations.iter().map(|o| o.name.as_str()).collect();
    assert_eq!(ids.len(), 58);
    assert_eq!(names.len(), 58);
    assert_eq!(d.organisations.len(), 58);
}

#[test]
fn thirteen_of_seventeen_regions_have_organisations() {
    let d = dataset();
    assert_eq!(d.regions.len(), 17);
    let codes: Vec<&str> = d.regions.iter().map(|r| r.code.as_str()).collect();
    let expected: Vec<String> = (1..=17).map(|n| format!("{n:02}")).collect();
    assert_eq!(codes, expected);
    let empty: Vec<&str> = d
        .regions
        .iter()
        .filter(|r| d.organisations_in(&r.code).next().is_none())
        .map(|r| r.name.as_str())
        .collect();
    assert_eq!(
        empty,
        [
            "Bas-Saint-Laurent",
            "Outaouais",
            "Côte-Nord",
            "Nord-du-Québec"
        ]
    );
}

#[test]
fn seventeen_cities_five_counted_summing_to_217_twelve_withheld() {
    let d = dataset();
    assert_eq!(d.cities.len(), 17);
    let known: Vec<(&str, u64)> = d
        .cities
        .iter()
        .filter_map(|c| c.count.map(|n| (c.name.as_str(), n)))
        .collect();
    assert_eq!(
        known,
        [
            ("Laval", 61),
            ("Québec", 41),
            ("Gatineau", 63),
            ("Brossard", 40),
            ("Sherbrooke", 12)
        ]
    );
    let totals = d.headcount_totals();
    assert_eq!((totals.known, totals.withheld), (217, 12));
    for c in &d.cities {
        if let Headcount::Withheld(w) = c.headcount() {
            assert_eq!(w.articles, ["53", "54"], "{}", c.name);
        }
    }
    assert_eq!(d.cities.first().map(|c| c.name.as_str()), Some("Laval"));
    assert_eq!(d.cities.last().map(|c| c.name.as_str()), Some("Montréal"));
}

#[test]
fn funding_sums_to_13_400_dollars() {
    let d = dataset();
    let amounts: Vec<u64> = d.funding.iter().map(|f| f.amount_cad).collect();
    assert_eq!(amounts, [4200, 4200, 5000]);
    assert_eq!(amounts.iter().sum::<u64>(), 13_400);
    let linked: Vec<Option<&str>> = d
        .funding
        .iter()
        .map(|f| f.organisation_id.as_deref())
        .collect();
    assert_eq!(linked, [None, Some("csai"), Some("sanc")]);
}

#[test]
fn articles_53_and_54_quoted_article_1_only_cited() {
    let d = dataset();
    let a53 = d.article("53").expect("article 53");
    assert!(
        a53.text
            .as_deref()
            .is_some_and(|t| t.contains("1°") && t.contains("2°"))
    );
    assert_eq!(
        a53.history.as_deref(),
        Some(
            "1982, c. 30, a. 53; 1985, c. 30, a. 3; 1989, c. 54, a. 150; 1990, c. 57, a. 11; 2006, c. 22, a. 29."
        )
    );
    let a54 = d.article("54").expect("article 54");
    assert_eq!(
        a54.history.as_deref(),
        Some("1982, c. 30, a. 54; 2006, c. 22, a. 110.")
    );
    let a1 = d.article("1").expect("article 1");
    assert_eq!(a1.text, None, "the letter does not print article 1");
    assert!(a1.paraphrase.is_some());
}

#[test]
fn document_facts() {
    let d = dataset().document;
    assert_eq!(d.reference, "18159");
    assert_eq!(d.date, "2020-02-06");
    assert_eq!(d.request_received, "2019-12-16");
    assert_eq!(
        (
            d.headcount_period.start.as_str(),
            d.headcount_period.end.as_str()
        ),
        ("2019-08-12", "2019-12-31")
    );
    assert_eq!(d.review.days, 30);
    assert_eq!(d.questions.len(), 3);
    let q2 = &d.questions[1];
    assert!(
        q2.answers
            .iter()
            .any(|a| a.reference_request.as_deref() == Some("17340"))
    );
}

/// Every string value of the dataset outside `source` quotations.
fn corrected_values(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(items) => items.iter().for_each(|v| corrected_values(v, out)),
        serde_json::Value::Object(map) => {
            for (key, v) in map {
                if key != "source" {
                    corrected_values(v, out);
                }
            }
        }
        _ => {}
    }
}

#[test]
fn no_ocr_artefact_left_in_corrected_values() {
    let value: serde_json::Value = serde_json::from_str(data::EMBEDDED_JSON).expect("json");
    let mut values = Vec::new();
    corrected_values(&value, &mut values);
    let artefacts = [
        "Ministére",
        "regu",
        "aoit",
        "%",
        "I'",
        "Carriére",
        "accés",
        "’",
        "CSAl",
        "|",
        "gc.ca",
        "ceuvre",
        "Travall",
    ];
    for v in &values {
        for a in artefacts {
            assert!(!v.contains(a), "OCR artefact {a:?} left in {v:?}");
        }
        assert!(
            !v.contains(" a l'") && !v.contains(" a des "),
            "unaccented preposition in {v:?}"
        );
    }
    let letter = include_str!("../assets/letter.txt");
    for a in ["Ministére", "regu ", "aoit", "I'", "’", "CSAl", "gc.ca"] {
        assert!(!letter.contains(a), "OCR artefact {a:?} left in letter.txt");
    }
}

fn all_sources(d: &Dataset) -> Vec<(String, &Source)> {
    let doc = &d.document;
    let mut out: Vec<(String, &Source)> = vec![
        ("law".into(), &doc.law.source),
        ("headcount_period".into(), &doc.headcount_period.source),
        ("caveat".into(), &doc.caveat.source),
        ("deployment_note".into(), &doc.deployment_note.source),
        ("review".into(), &doc.review.source),
        ("signatory".into(), &doc.signatory.source),
    ];
    for q in &doc.questions {
        out.push((format!("question {}", q.number), &q.source));
        for a in &q.answers {
            out.push((format!("question {} answer", q.number), &a.source));
        }
    }
    out.extend(
        d.regions
            .iter()
            .map(|r| (format!("region {}", r.code), &r.source)),
    );
    out.extend(d.organisations.iter().map(|o| (o.id.clone(), &o.source)));
    out.extend(d.cities.iter().map(|c| (c.id.clone(), &c.source)));
    out.extend(d.funding.iter().map(|f| (f.id.clone(), &f.source)));
    out.extend(
        d.articles
            .iter()
            .map(|a| (format!("article {}", a.number), &a.source)),
    );
    out
}

#[test]
fn every_source_quotation_is_on_its_ocr_line() {
    let d = dataset();
    let lines: Vec<&str> = OCR.lines().collect();
    let sources = all_sources(&d);
    assert!(sources.len() > 100);
    for (what, source) in sources {
        for s in source {
            let line = lines.get(s.line as usize - 1).copied().unwrap_or_default();
            assert!(
                !s.text.trim().is_empty() && line.contains(&s.text),
                "{what}: {:?} is not on OCR line {} ({line:?})",
                s.text,
                s.line
            );
        }
    }
}

#[test]
fn every_entry_but_the_four_unnamed_regions_has_a_source() {
    let d = dataset();
    for (what, source) in all_sources(&d) {
        let unnamed = ["region 01", "region 07", "region 09", "region 10"].contains(&what.as_str());
        assert_eq!(source.is_empty(), unnamed, "{what}");
    }
}

#[test]
fn headcounts_are_read_from_their_ocr_lines() {
    // The number of a counted city must be on the very line cited for it.
    let d = dataset();
    let lines: Vec<&str> = OCR.lines().collect();
    for c in &d.cities {
        let line = lines[c.source[0].line as usize - 1];
        match c.count {
            Some(n) => assert!(line.ends_with(&format!(" {n}")), "{}: {line:?}", c.name),
            None => assert!(
                !line.chars().any(|ch| ch.is_ascii_digit()),
                "{}: {line:?}",
                c.name
            ),
        }
    }
}

#[test]
fn the_embedded_asset_is_the_ocr_given() {
    // assets/ocr.txt must stay the untouched OCR: 289 lines, known first and last lines.
    let lines: Vec<&str> = OCR.lines().collect();
    assert_eq!(lines.len(), 289);
    assert_eq!(lines[0], "Ministére");
    assert_eq!(lines[15], "N/Réf. : 18159");
}
