//! The search engine on the embedded dataset: the examples users rely on, and
//! queries that must not match.

use pap_tui::data;
use pap_tui::search::{Index, Kind, Query, Searcher};

fn index() -> Index {
    Index::build(&data::load(None).expect("embedded").dataset)
}

/// (kind, id) of the hits of `query`, best first.
fn hits(index: &Index, query: &str) -> Vec<(Kind, String)> {
    index
        .search(&Query::parse(query))
        .iter()
        .map(|h| {
            let e = index.entry(h.entry);
            (e.kind, e.id.clone())
        })
        .collect()
}

fn ids(index: &Index, query: &str) -> Vec<String> {
    hits(index, query).into_iter().map(|(_, id)| id).collect()
}

#[test]
fn montreal_finds_the_city_and_the_region_first() {
    let index = index();
    let top: Vec<(Kind, String)> = hits(&index, "montreal").into_iter().take(2).collect();
    assert_eq!(
        top,
        [
            (Kind::Region, "06".to_string()),
            (Kind::City, "montreal".to_string())
        ]
    );
}

#[test]
fn examples_that_must_hold() {
    let index = index();
    let cases: &[(&str, &str)] = &[
        ("neo canadiens", "sanc"),
        ("QUEBEC", "quebec"),
        ("oeuvre", "services-de-main-d-oeuvre-l-appui"),
        ("œuvre", "services-de-main-d-oeuvre-l-appui"),
        ("famile immig", "safima"),
        ("safima", "safima"),
        ("citim", "citim"),
        ("sanc", "sanc"),
        ("lanaudière", "14"),
        ("gatineau", "gatineau"),
        ("^laval$", "13"),
        ("'pont-viau", "entraide-pont-viau"),
        ("Jonquiere", "jonquiere"),
        ("saint jerome", "saint-jerome"),
    ];
    for (query, want) in cases {
        let got = ids(&index, query);
        assert_eq!(
            got.first().map(String::as_str),
            Some(*want),
            "{query:?} → {got:?}"
        );
    }
}

#[test]
fn exclusion_removes_haute_gaspesie_from_the_sanas() {
    let index = index();
    let got = ids(&index, "sana !haute");
    assert!(
        !got.contains(&"sana-la-haute-gaspesie".to_string()),
        "{got:?}"
    );
    let top: Vec<&str> = got.iter().take(4).map(String::as_str).collect();
    for sana in [
        "sana-avignon",
        "sana-bonaventure",
        "sana-rocher-perce",
        "sana",
    ] {
        assert!(top.contains(&sana), "{sana} not in top 4: {top:?}");
    }
    assert!(ids(&index, "sana").contains(&"sana-la-haute-gaspesie".to_string()));
}

#[test]
fn queries_that_must_not_match() {
    let index = index();
    for query in [
        "zzzz",
        "'montrealx",
        "^region",
        "laval$ !laval",
        "vancouver",
        "'gatineau !gatineau",
        "safima$x",
    ] {
        assert_eq!(ids(&index, query), Vec::<String>::new(), "{query:?}");
    }
}

#[test]
fn prefix_and_suffix_anchor_to_the_label() {
    let index = index();
    let prefix = ids(&index, "^sana");
    assert_eq!(prefix.len(), 4, "{prefix:?}");
    let suffix = hits(&index, "beauce$");
    let cities: Vec<&str> = suffix.iter().map(|(_, id)| id.as_str()).collect();
    assert_eq!(
        cities,
        ["saint-georges-de-beauce", "sainte-marie-de-beauce"]
    );
}

#[test]
fn highlights_fall_on_the_original_letters() {
    let index = index();
    let query = Query::parse("montreal");
    let city = index
        .search(&query)
        .into_iter()
        .find(|h| index.entry(h.entry).kind == Kind::City)
        .expect("city");
    assert_eq!(index.entry(city.entry).label, "Montréal");
    assert_eq!(index.highlights(city.entry, &query), vec![(0, 8)]);

    let query = Query::parse("oeuvre");
    let org = index.search(&query)[0];
    let label = &index.entry(org.entry).label;
    let ranges = index.highlights(org.entry, &query);
    let marked: String = ranges
        .iter()
        .map(|&(a, b)| label.chars().skip(a).take(b - a).collect::<String>())
        .collect();
    assert_eq!(marked, "œuvre");
}

#[test]
fn order_is_deterministic() {
    let index = index();
    for query in ["a", "sana", "montreal", "e"] {
        assert_eq!(hits(&index, query), hits(&index, query));
    }
}

#[test]
fn typing_one_character_at_a_time_gives_the_same_hits_as_a_fresh_search() {
    let index = index();
    for typed in [
        "montreal",
        "sana !haute",
        "'pont viau",
        "^centre s",
        "gaspe$ x",
    ] {
        let mut searcher = Searcher::default();
        for end in 1..=typed.len() {
            if !typed.is_char_boundary(end) {
                continue;
            }
            let prefix = &typed[..end];
            let incremental: Vec<_> = searcher.search(&index, prefix);
            let fresh = index.search(&Query::parse(prefix));
            assert_eq!(incremental, fresh, "{prefix:?}");
        }
    }
}

#[test]
fn every_kind_is_searchable() {
    let index = index();
    let kinds = |q: &str| -> Vec<Kind> { hits(&index, q).into_iter().map(|(k, _)| k).collect() };
    assert_eq!(kinds("^article 53").first(), Some(&Kind::Article));
    assert!(kinds("renseignements personnels").contains(&Kind::Article));
    assert_eq!(kinds("'centre d'action").first(), Some(&Kind::Funding));
    assert!(kinds("statistiques officielles").contains(&Kind::Document));
    assert!(kinds("caviarde").contains(&Kind::City));
}
