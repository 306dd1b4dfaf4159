//! The search box through `update`: jumps to hits, editing, history, effects and late answers.

use super::*;

#[test]
fn search_jumps_to_the_organisation_in_its_region() {
    let mut app = app();
    run(&mut app, &[Action::OpenSearch]);
    assert_eq!(app.mode(), Mode::Search);
    type_text(&mut app, "safima");
    match &app.overlay {
        Overlay::Search(sb) => assert!(!sb.hits().is_empty()),
        _ => panic!("search closed"),
    }
    run(&mut app, &[Action::Open]);
    assert_eq!(app.mode(), Mode::Normal);
    assert_eq!(app.focus(), Pane::Organisations);
    assert_eq!(app.region_code(), Some("14"));
    assert_eq!(selected_org(&app).as_deref(), Some("safima"));
}

#[test]
fn search_jumps_to_a_city_and_its_region() {
    let mut app = app();
    run(&mut app, &[Action::OpenSearch]);
    type_text(&mut app, "^gatineau");
    run(&mut app, &[Action::Open]);
    assert_eq!(app.focus(), Pane::Headcounts);
    assert_eq!(selected_city(&app).as_deref(), Some("gatineau"));
    assert_eq!(app.region_code(), Some("07"));
}

#[test]
fn search_editing_and_escape() {
    let mut app = app();
    run(&mut app, &[Action::OpenSearch]);
    type_text(&mut app, "montreal laval");
    run(&mut app, &[Action::DeleteWord]);
    let input = |app: &App| match &app.overlay {
        Overlay::Search(sb) => sb.input().to_string(),
        _ => "<closed>".to_string(),
    };
    assert_eq!(input(&app), "montreal ");
    run(&mut app, &[Action::DeleteBack, Action::DeleteBack]);
    assert_eq!(input(&app), "montrea");
    run(&mut app, &[Action::Paste("l\n\u{1b}[2J".into())]);
    assert_eq!(input(&app), "montreal [2J");
    run(&mut app, &[Action::Back]);
    assert_eq!(input(&app), "");
    run(&mut app, &[Action::Back]);
    assert_eq!(app.mode(), Mode::Normal);
}

#[test]
fn up_on_the_first_hit_recalls_older_queries() {
    let mut app = app();
    app.history = vec!["safima".into(), "laval".into()];
    run(&mut app, &[Action::OpenSearch, Action::Up]);
    let input = |app: &App| match &app.overlay {
        Overlay::Search(sb) => sb.input().to_string(),
        _ => "<closed>".to_string(),
    };
    assert_eq!(input(&app), "laval");
    run(&mut app, &[Action::Up]);
    assert_eq!(input(&app), "safima");
    run(&mut app, &[Action::Up]);
    assert_eq!(input(&app), "safima", "stays on the oldest");
    run(&mut app, &[Action::Down]);
    match &app.overlay {
        Overlay::Search(sb) => assert_eq!(sb.selected(), 1, "↓ moves in the hits"),
        _ => panic!("closed"),
    }
}

#[test]
fn searches_are_effects_and_stale_answers_are_dropped() {
    let mut app = app();
    let effects = app.update(Action::OpenSearch);
    assert_eq!(
        effects,
        [Effect::Search {
            generation: 1,
            query: String::new()
        }]
    );
    assert_eq!(
        app.update(Action::Input('q')),
        [Effect::Search {
            generation: 2,
            query: "q".into()
        }]
    );
    app.update(Action::Input('u'));
    let pending = |app: &App| match &app.overlay {
        Overlay::Search(sb) => (sb.pending(), sb.hits().len(), sb.input().to_string()),
        _ => panic!("closed"),
    };
    assert_eq!(
        pending(&app),
        (true, 0, "qu".into()),
        "typing shows at once"
    );
    let fresh = app
        .index
        .as_ref()
        .expect("the index is built")
        .search(&crate::search::Query::parse("qu"));
    let stale = app
        .index
        .as_ref()
        .expect("the index is built")
        .search(&crate::search::Query::parse("q"));
    app.update(Msg::SearchResults {
        generation: 2,
        hits: stale,
    });
    assert_eq!(
        pending(&app),
        (true, 0, "qu".into()),
        "an older answer is dropped"
    );
    app.update(Msg::SearchResults {
        generation: 3,
        hits: fresh.clone(),
    });
    assert_eq!(pending(&app), (false, fresh.len(), "qu".into()));
}

#[test]
fn the_explorer_starts_without_its_index_and_searches_once_it_comes() {
    let data = crate::synthetic::dataset(20_000).expect("synthetic data");
    let mut app = App::starting(data, Origin::Embedded, Lang::En);
    assert!(app.index.is_none(), "the first frame does not wait for it");

    // The panes work without the index.
    run(
        &mut app,
        &[Action::Focus(Pane::Organisations), Action::Down],
    );
    assert_eq!(selected_org(&app).as_deref(), Some("org-0000002"));
    // A search typed before the index comes waits for it; Enter waits too.
    app.update(Action::OpenSearch);
    type_text(&mut app, "montreal");
    run(&mut app, &[Action::Open]);
    let Overlay::Search(sb) = &app.overlay else {
        panic!("the search box stays open");
    };
    assert!(sb.pending() && sb.hits().is_empty() && sb.opens_when_ready());
    let generation = sb.generation();

    let index = Arc::new(Index::build(&app.data));
    let hits = index.search(&crate::search::Query::parse("montreal"));
    assert!(!hits.is_empty());
    app.update(Msg::IndexReady(SharedIndex(Arc::clone(&index))));
    app.update(Msg::SearchResults {
        generation,
        hits: hits.clone(),
    });
    assert_eq!(app.mode(), Mode::Normal, "the awaited Enter opened the hit");
    assert_eq!(
        app.region_code(),
        Some("06"),
        "Enter opened the first hit, Montréal's region"
    );
}

#[test]
fn enter_before_the_hits_come_opens_the_new_query_s_first_hit_not_an_old_one() {
    let mut app = app();
    let index = app.index.clone().expect("index");
    let mut searcher = crate::search::Searcher::default();
    let mut last = 0;
    let typed = std::iter::once(Action::OpenSearch)
        .chain("laval".chars().map(Action::Input))
        .chain([Action::ClearInput])
        .chain("safima".chars().map(Action::Input));
    for action in typed {
        for effect in app.update(action) {
            if let Effect::Search { generation, query } = effect {
                last = generation;
                // Only "laval"'s answers come before Enter.
                if query.starts_with('l') {
                    let hits = searcher.search(&index, &query);
                    app.update(Msg::SearchResults { generation, hits });
                }
            }
        }
    }
    assert_eq!(
        app.current_target(),
        Some(Target::Region("13".into())),
        "Laval's hits are still on screen"
    );
    // Enter waits for "safima"'s hits.
    app.update(Action::Open);
    assert_eq!(app.mode(), Mode::Search);
    let hits = searcher.search(&index, "safima");
    app.update(Msg::SearchResults {
        generation: last,
        hits,
    });
    assert_eq!(
        app.target(Pane::Organisations),
        Some(Target::Organisation("safima".into()))
    );
    // Typing after Enter asks again: the Enter is not carried over.
    run(&mut app, &[Action::OpenSearch]);
    app.update(Action::Input('l'));
    app.update(Action::Open);
    app.update(Action::Input('a'));
    let Overlay::Search(sb) = &app.overlay else {
        panic!("open");
    };
    assert!(!sb.opens_when_ready());
}

#[test]
fn the_preview_is_built_when_hits_come_and_the_highlight_moves() {
    let mut app = app();
    run(&mut app, &[Action::OpenSearch]);
    type_text(&mut app, "lanaud");
    let preview = |app: &App| match &app.overlay {
        Overlay::Search(sb) => sb.preview_target().cloned(),
        _ => panic!("search closed"),
    };
    assert_eq!(preview(&app), app.current_target());
    assert_eq!(preview(&app), Some(Target::Region("14".into())));
    run(&mut app, &[Action::Down]);
    assert_eq!(preview(&app), app.current_target());
    assert_ne!(preview(&app), Some(Target::Region("14".into())));
}

#[test]
fn a_region_preview_keeps_its_count_whole_and_few_links() {
    let data = crate::synthetic::dataset(20_000).expect("synthetic data");
    let montreal = Target::Region("06".into());
    let full = crate::present::detail::detail(&data, &montreal, Lang::En).expect("detail");
    let preview = crate::present::detail::preview(&data, &montreal, Lang::En).expect("preview");
    let cities = data.cities_in("06").count();
    let orgs = data.organisations_in("06").count();
    assert!(orgs > crate::present::detail::PREVIEW_LINKS);
    assert_eq!(full.links.len(), orgs + cities);
    assert_eq!(
        preview.links.len(),
        crate::present::detail::PREVIEW_LINKS + cities
    );
    assert_eq!(
        preview.fields, full.fields,
        "the count of organisations is whole"
    );
    let first = crate::present::detail::PREVIEW_LINKS;
    assert!(
        preview.links[..first] == full.links[..first],
        "the first organisations, in order"
    );
}

#[test]
fn the_hits_again_in_order_keep_the_selection_and_the_count() {
    let mut app = app();
    app.update(Action::OpenSearch);
    let effects = app.update(Action::Input('e'));
    let [Effect::Search { generation, query }] = effects.as_slice() else {
        panic!("one search expected: {effects:?}");
    };
    let index = app.index.clone().expect("the index is built");
    let all = index.search(&crate::search::Query::parse(query));
    assert!(all.len() > 3, "{} hits", all.len());
    // The first answer: the first two rows in order, the others in no order.
    let (first, ordered) = crate::search::Searcher::default().search_first(&index, query, 2);
    assert_eq!(ordered, 2);
    app.update(Msg::SearchResults {
        generation: *generation,
        hits: first,
    });
    run(&mut app, &[Action::Down]);
    let shown = |app: &App| match &app.overlay {
        Overlay::Search(sb) => (
            sb.pending(),
            sb.hits().len(),
            sb.selected(),
            sb.highlighted(),
        ),
        _ => panic!("closed"),
    };
    assert_eq!(shown(&app), (false, all.len(), 1, Some(all[1])));
    app.update(Msg::SearchResults {
        generation: *generation,
        hits: all.clone(),
    });
    assert_eq!(
        shown(&app),
        (false, all.len(), 1, Some(all[1])),
        "the hits in order: the selection stays on the second row"
    );
}

#[test]
fn copying_the_hits_before_they_are_all_in_order_copies_them_in_order() {
    let data = crate::synthetic::dataset(3_000).expect("synthetic data");
    let mut app = App::new(data, Origin::Embedded, Lang::En);
    app.update(Action::OpenSearch);
    let effects = app.update(Action::Input('e'));
    let [Effect::Search { generation, query }] = effects.as_slice() else {
        panic!("one search expected: {effects:?}");
    };
    let (generation, query) = (*generation, query.clone());
    let index = app.index.clone().expect("the index is built");
    let all = index.search(&crate::search::Query::parse(&query));
    let (first, ordered) = crate::search::Searcher::default().search_first(
        &index,
        &query,
        crate::search::FIRST_ORDERED,
    );
    assert_eq!(ordered, crate::search::FIRST_ORDERED);
    assert_ne!(first, all, "the others are not in order yet");
    let copied = |app: &mut App| match app.update(Action::CopyHits).as_slice() {
        [Effect::Copy(text)] => text.clone(),
        other => panic!("a copy expected: {other:?}"),
    };
    app.update(Msg::SearchResults {
        generation,
        hits: first,
    });
    let early = copied(&mut app);
    app.update(Msg::SearchResults {
        generation,
        hits: all,
    });
    assert_eq!(early, copied(&mut app), "the same list, in order");
}
