//! The search engine on the embedded dataset: the examples users rely on, and
//! queries that must not match; on a synthetic dataset large enough to search
//! over several threads, an order that does not depend on them.

use pap_tui::data;
use pap_tui::search::{Field, FieldMatch, Hit, Index, Kind, Query, Searcher};

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

/// Organisations of the synthetic dataset for the order tests: the index then
/// holds more than `PARALLEL_THRESHOLD` (8 192 entries, src/search/parallel.rs),
/// so every search over it splits its matching over the cores (on a machine
/// with more than one).
const PARALLEL_ORGANISATIONS: usize = 10_000;

/// Below `PARALLEL_THRESHOLD`: a search among this many candidates stays on
/// the calling thread.
const ONE_THREAD_CANDIDATES: usize = 4_096;

/// Queries from broad (most entries match) to narrow: fuzzy, excluded, exact,
/// prefix and suffix terms.
const ORDER_QUERIES: [&str; 8] = [
    "a",
    "e",
    "centre !intégration",
    "'œuvre",
    "sana",
    "^maison",
    "montreal",
    "laval$",
];

/// The hits of `query` as a single thread finds them, with no part of the work
/// split: the hits among each slice of fewer than `PARALLEL_THRESHOLD`
/// candidates, in each slice's order.
fn one_thread_slices(index: &Index, query: &Query) -> Vec<Vec<Hit>> {
    let entries: Vec<u32> = (0..index.len() as u32).collect();
    entries
        .chunks(ONE_THREAD_CANDIDATES)
        .map(|slice| index.search_among(query, Some(slice)))
        .collect()
}

/// The order over many threads is the order of one thread: the same hits with
/// the same scores, each slice's hits in the order that slice's search gave,
/// and any two neighbours in the order a search among those two alone gives.
fn assert_one_thread_order(index: &Index, text: &str, parallel: &[Hit]) {
    let query = Query::parse(text);
    let slices = one_thread_slices(index, &query);
    let mut expected: Vec<Hit> = slices.iter().flatten().copied().collect();
    let mut got = parallel.to_vec();
    expected.sort_by_key(|h| h.entry);
    got.sort_by_key(|h| h.entry);
    assert_eq!(got, expected, "{text:?}: not the hits of one thread");
    let slice_of = |hit: &Hit| hit.entry as usize / ONE_THREAD_CANDIDATES;
    for (n, slice) in slices.iter().enumerate() {
        let within: Vec<Hit> = parallel
            .iter()
            .filter(|h| slice_of(h) == n)
            .copied()
            .collect();
        assert_eq!(&within, slice, "{text:?}: order within slice {n}");
    }
    for pair in parallel.windows(2) {
        if slice_of(&pair[0]) == slice_of(&pair[1]) {
            continue;
        }
        let alone = index.search_among(&query, Some(&[pair[1].entry, pair[0].entry]));
        assert_eq!(alone, pair, "{text:?}: neighbours from two slices");
    }
}

#[test]
fn order_is_deterministic() {
    let data = pap_tui::synthetic::dataset(PARALLEL_ORGANISATIONS).expect("synthetic dataset");
    let index = Index::build(&data);
    assert!(index.len() > 8_192, "{} entries", index.len());
    // A second index, searched narrowest query first: its first searches rank
    // their few hits before the index has built its tie-break ranks, which the
    // broad queries of the first index build at once.
    let other = Index::build(&data);
    let narrow_first: Vec<Vec<Hit>> = ORDER_QUERIES
        .iter()
        .rev()
        .map(|q| other.search(&Query::parse(q)))
        .collect();
    for (query, from_other) in ORDER_QUERIES.iter().zip(narrow_first.iter().rev()) {
        let first = index.search(&Query::parse(query));
        assert!(!first.is_empty(), "{query:?} finds something");
        for _ in 0..3 {
            assert_eq!(index.search(&Query::parse(query)), first, "{query:?} again");
        }
        assert_eq!(from_other, &first, "{query:?} on another index");
        let mut typed = Searcher::default();
        let mut last = Vec::new();
        for (end, _) in query.char_indices().skip(1).chain([(query.len(), ' ')]) {
            last = typed.search(&index, &query[..end]);
        }
        assert_eq!(last, first, "{query:?} typed one character at a time");
        assert_one_thread_order(&index, query, &first);
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

// ------------------------------------------------ every hit shows its reason

#[test]
fn no_hit_without_a_reason_on_screen() {
    let index = index();
    let safima = ids(&index, "safima");
    assert_eq!(safima.first().map(String::as_str), Some("safima"));
    assert!(
        !safima.contains(&"service-d-entraide-familiale-de-val-d-or".to_string()),
        "letters of the name and of Abitibi-Témiscamingue together: {safima:?}"
    );
    let lanaudiere = ids(&index, "lanaudiere");
    assert!(
        !lanaudiere.contains(&"cje-beauce-nord".to_string()),
        "letters of the name and of Chaudière-Appalaches together: {lanaudiere:?}"
    );
    let cities: Vec<String> = hits(&index, "montreal")
        .into_iter()
        .filter(|(kind, _)| *kind == Kind::City)
        .map(|(_, id)| id)
        .collect();
    assert_eq!(
        cities,
        ["montreal"],
        "Longueuil and Saint-Constant are in Montérégie"
    );
}

#[test]
fn a_region_finds_its_organisations_before_scattered_letters() {
    let index = index();
    let got = ids(&index, "lanaud");
    let at = |id: &str| {
        got.iter()
            .position(|g| g == id)
            .unwrap_or_else(|| panic!("{id} not in {got:?}"))
    };
    assert_eq!(at("14"), 0);
    for id in [
        "cred-lanaudiere",
        "accueil-multiethnique-terrebonne-mascouche",
        "perspectives-carrieres",
        "safima",
    ] {
        assert!(at(id) < at("citim"), "{id} after CITIM: {got:?}");
    }
    // SAFIMA is there through its region, which is what its row shows.
    let query = Query::parse("lanaud");
    let safima = index
        .search(&query)
        .into_iter()
        .find(|h| index.entry(h.entry).id == "safima")
        .expect("SAFIMA");
    assert_eq!(
        index.matched(safima.entry, &query),
        [FieldMatch {
            field: Field::Region,
            text: "Lanaudière",
            ranges: vec![(0, 6)],
        }]
    );
}

#[test]
fn typos_still_find_what_was_meant() {
    let index = index();
    for (query, want) in [
        ("sitim", "citim"),
        ("clef integration", "citim"),
        ("maindoeuvre", "services-de-main-d-oeuvre-l-appui"),
        ("famile immig", "safima"),
    ] {
        let got = ids(&index, query);
        assert_eq!(got.first().map(String::as_str), Some(want), "{query:?}");
    }
}

#[test]
fn each_term_is_shown_where_it_matched() {
    let index = index();
    let query = Query::parse("sana gaspesie");
    let avignon = index
        .search(&query)
        .into_iter()
        .find(|h| index.entry(h.entry).id == "sana-avignon")
        .expect("SANA Avignon");
    assert_eq!(
        index.matched(avignon.entry, &query),
        [
            FieldMatch {
                field: Field::Name,
                text: "SANA Avignon",
                ranges: vec![(0, 4)],
            },
            FieldMatch {
                field: Field::Region,
                text: "Gaspésie–Îles-de-la-Madeleine",
                ranges: vec![(0, 8)],
            },
        ]
    );
    // A withheld city is found by its withholding, and shows it.
    let query = Query::parse("caviarde");
    let city = index
        .search(&query)
        .into_iter()
        .find(|h| index.entry(h.entry).id == "montreal")
        .expect("Montréal");
    let matched = index.matched(city.entry, &query);
    assert_eq!(matched.len(), 1);
    assert_eq!(matched[0].field, Field::Headcount);
    assert!(matched[0].text.contains("art. 53, 54"), "{matched:?}");
}

/// Every hit of a query with a term to look for shows at least one matched
/// character, in fields it has, within their text.
fn assert_every_hit_shows_why(index: &Index, input: &str) {
    let query = Query::parse(input);
    if query.terms.iter().all(|t| t.negated) {
        return;
    }
    for hit in index.search(&query) {
        let entry = index.entry(hit.entry);
        let matched = index.matched(hit.entry, &query);
        assert!(!matched.is_empty(), "{input:?}: {} has no reason", entry.id);
        for m in &matched {
            assert!(
                entry.all_fields().any(|(f, t)| f == m.field && t == m.text),
                "{input:?}: {m:?} is not a field of {}",
                entry.id
            );
            let chars = m.text.chars().count();
            assert!(!m.ranges.is_empty(), "{input:?}: {m:?}");
            let mut last = 0;
            for &(start, end) in &m.ranges {
                assert!(
                    last <= start && start < end && end <= chars,
                    "{input:?}: {m:?}"
                );
                last = end;
            }
        }
    }
}

#[test]
fn every_hit_shows_why_it_matched() {
    let index = index();
    for input in [
        "safima",
        "lanaud",
        "montreal",
        "e",
        "sitim",
        "caviarde",
        "renseignements personnels",
        "'œuvre",
        "^sana",
        "beauce$",
        "^laval$",
        "sana !haute",
        "2019",
        "40000",
        "quebec cmq",
    ] {
        assert_every_hit_shows_why(&index, input);
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    /// Pieces of real field texts, with fzf operators, as queries.
    #[test]
    fn any_query_shows_why_each_hit_matched(
        picks in proptest::collection::vec((0usize..10_000, 0usize..200, 1usize..8, 0usize..6), 1..3)
    ) {
        let index = embedded_index();
        let mut terms = Vec::new();
        for (entry, at, len, operator) in picks {
            let e = &index.entries()[entry % index.len()];
            let fields: Vec<&str> = e.all_fields().map(|(_, t)| t).collect();
            let chars: Vec<char> = fields[at % fields.len()].chars().collect();
            let start = at % chars.len().max(1);
            let piece: String = chars[start..(start + len).min(chars.len())].iter().collect();
            let piece: String = piece.split_whitespace().collect();
            terms.push(match operator {
                0 => format!("'{piece}"),
                1 => format!("^{piece}"),
                2 => format!("{piece}$"),
                3 => format!("!{piece}"),
                _ => piece,
            });
        }
        assert_every_hit_shows_why(index, &terms.join(" "));
    }
}

fn embedded_index() -> &'static Index {
    static INDEX: std::sync::OnceLock<Index> = std::sync::OnceLock::new();
    INDEX.get_or_init(index)
}

#[test]
fn every_hit_shows_why_on_a_large_dataset() {
    let data = pap_tui::synthetic::dataset(3_000).expect("synthetic dataset");
    let index = Index::build(&data);
    for input in [
        "montreal",
        "int lev",
        "lanaud",
        "centre !integration",
        "'œuvre",
    ] {
        assert_every_hit_shows_why(&index, input);
    }
}
