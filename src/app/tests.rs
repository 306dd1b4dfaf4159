//! `update` on the embedded dataset: navigation, region filtering, search, jumps.

use super::*;
use crate::data;

fn app() -> App {
    let loaded = data::load(None).expect("embedded");
    App::new(loaded.dataset, loaded.origin, Lang::En)
}

/// Applies an action and answers its searches as the search thread would,
/// once it has the index.
fn act(app: &mut App, action: Action) -> Vec<Effect> {
    let effects = app.update(action);
    for effect in &effects {
        if let Effect::Search { generation, query } = effect
            && let Some(index) = app.index.clone()
        {
            let hits = crate::search::Searcher::default().search(&index, query);
            app.update(Msg::SearchResults {
                generation: *generation,
                hits,
            });
        }
    }
    effects
}

fn run(app: &mut App, actions: &[Action]) {
    for a in actions {
        act(app, a.clone());
    }
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        act(app, Action::Input(c));
    }
}

/// Id of the organisation selected in the organisations pane.
fn selected_org(app: &App) -> Option<String> {
    match app.target(Pane::Organisations) {
        Some(Target::Organisation(id)) => Some(id),
        _ => None,
    }
}

/// Id of the city selected in the headcounts pane.
fn selected_city(app: &App) -> Option<String> {
    match app.target(Pane::Headcounts) {
        Some(Target::City(id)) => Some(id),
        _ => None,
    }
}

/// Moves down the regions pane from its top until the region `code` is selected,
/// as a user would, without counting rows.
fn go_to_region(app: &mut App, code: &str) {
    run(app, &[Action::Focus(Pane::Regions), Action::First]);
    for _ in 0..app.rows(Pane::Regions) {
        if app.region_code() == Some(code) {
            return;
        }
        app.update(Action::Down);
    }
    panic!("region {code} not in the regions pane");
}

#[test]
fn starts_on_all_regions_with_every_organisation() {
    let app = app();
    assert_eq!(app.focus, Pane::Regions);
    assert_eq!(app.region_code(), None);
    assert!(!app.starred_view(), "all regions, not the starred entries");
    assert_eq!(app.organisations.len(), 58);
    assert_eq!(app.mode(), Mode::Normal);
}

#[test]
fn selecting_a_region_filters_organisations() {
    let mut app = app();
    go_to_region(&mut app, "14");
    let ids: Vec<String> = app
        .organisations
        .iter()
        .map(|&i| app.data.organisations[i].id.clone())
        .collect();
    assert_eq!(
        ids,
        [
            "perspectives-carrieres",
            "cred-lanaudiere",
            "safima",
            "accueil-multiethnique-terrebonne-mascouche"
        ]
    );
    run(&mut app, &[Action::Right, Action::Down, Action::Down]);
    assert_eq!(app.focus, Pane::Organisations);
    assert_eq!(selected_org(&app).as_deref(), Some("safima"));
}

#[test]
fn a_region_without_organisations_is_selectable_and_empty() {
    let mut app = app();
    go_to_region(&mut app, "07");
    assert!(app.organisations.is_empty());
    assert_eq!(app.target(Pane::Organisations), None);
    run(&mut app, &[Action::Right, Action::Down, Action::Open]);
    assert!(matches!(
        app.overlay,
        Overlay::Letter { .. } | Overlay::None
    ));
}

#[test]
fn selection_stays_in_range() {
    let mut app = app();
    run(&mut app, &[Action::Up, Action::PageUp, Action::First]);
    assert!(app.starred_view(), "the first row is the starred entries");
    assert_eq!(app.region_code(), None);
    // The last region of the letter is Centre-du-Québec, 17.
    run(&mut app, &[Action::Last]);
    assert_eq!(app.region_code(), Some("17"));
    run(&mut app, &[Action::PageDown, Action::Down]);
    assert_eq!(app.region_code(), Some("17"), "stays on the last region");
    // The last city of the headcounts is Montréal.
    run(&mut app, &[Action::Focus(Pane::Headcounts), Action::Last]);
    assert_eq!(selected_city(&app).as_deref(), Some("montreal"));
    run(&mut app, &[Action::Select(Pane::Headcounts, 999)]);
    assert_eq!(
        selected_city(&app).as_deref(),
        Some("montreal"),
        "a row past the end selects the last city"
    );
}

#[test]
fn panes_cycle_and_jump() {
    let mut app = app();
    run(&mut app, &[Action::NextPane, Action::NextPane]);
    assert_eq!(app.focus, Pane::Headcounts);
    run(&mut app, &[Action::NextPane, Action::NextPane]);
    assert_eq!(app.focus, Pane::Funding);
    run(&mut app, &[Action::NextPane]);
    assert_eq!(app.focus, Pane::Regions);
    run(&mut app, &[Action::PreviousPane]);
    assert_eq!(app.focus, Pane::Funding);
    run(
        &mut app,
        &[Action::Focus(Pane::Organisations), Action::Left],
    );
    assert_eq!(app.focus, Pane::Regions);
}

#[test]
fn search_jumps_to_the_organisation_in_its_region() {
    let mut app = app();
    run(&mut app, &[Action::OpenSearch]);
    assert_eq!(app.mode(), Mode::Search);
    type_text(&mut app, "safima");
    match &app.overlay {
        Overlay::Search(sb) => assert!(!sb.hits.is_empty()),
        _ => panic!("search closed"),
    }
    run(&mut app, &[Action::Open]);
    assert_eq!(app.mode(), Mode::Normal);
    assert_eq!(app.focus, Pane::Organisations);
    assert_eq!(app.region_code(), Some("14"));
    assert_eq!(selected_org(&app).as_deref(), Some("safima"));
}

#[test]
fn search_jumps_to_a_city_and_its_region() {
    let mut app = app();
    run(&mut app, &[Action::OpenSearch]);
    type_text(&mut app, "^gatineau");
    run(&mut app, &[Action::Open]);
    assert_eq!(app.focus, Pane::Headcounts);
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
        Overlay::Search(sb) => sb.input.clone(),
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
fn detail_follows_links_and_goes_back() {
    let mut app = app();
    run(
        &mut app,
        &[Action::Focus(Pane::Headcounts), Action::Last, Action::Open],
    );
    let detail = &app.open_detail().expect("detail").detail;
    assert_eq!(detail.title, "Montréal");
    let article = detail
        .links
        .iter()
        .position(|(_, t)| *t == Target::Article("53".into()))
        .expect("link to article 53");
    run(&mut app, &vec![Action::Down; article]);
    run(&mut app, &[Action::Open]);
    assert_eq!(
        app.open_detail().expect("detail").detail.title,
        "Article 53"
    );
    run(&mut app, &[Action::Back]);
    assert_eq!(app.open_detail().expect("detail").detail.title, "Montréal");
    run(&mut app, &[Action::Back]);
    assert_eq!(app.mode(), Mode::Normal);
}

#[test]
fn copy_returns_the_text_as_an_effect() {
    let mut app = app();
    run(&mut app, &[Action::Focus(Pane::Headcounts)]);
    assert_eq!(
        app.update(Action::Copy),
        [Effect::Copy(
            "Laval — 61 people accompanied (12 Aug – 31 Dec 2019)\n\n\
             Source: MIFI, access-to-information decision 18159, 6 February 2020 — \
             table of immigrants accompanied (OCR l. 62)."
                .into()
        )]
    );
    run(&mut app, &[Action::Focus(Pane::Regions)]);
    assert_eq!(
        app.update(Action::Copy),
        [],
        "'all regions' is not an entry"
    );
    assert!(app.status.as_ref().is_some_and(|s| s.error));
}

#[test]
fn language_toggles() {
    let mut app = app();
    run(&mut app, &[Action::ToggleLanguage]);
    assert_eq!(app.lang, Lang::Fr);
    run(&mut app, &[Action::ToggleLanguage]);
    assert_eq!(app.lang, Lang::En);
}

#[test]
fn quit_stops_the_loop() {
    let mut app = app();
    run(&mut app, &[Action::Quit]);
    assert!(!app.running);
}

#[test]
fn letter_scroll_is_bounded() {
    let mut app = app();
    run(&mut app, &[Action::ToggleLetter, Action::Last]);
    let lines = app.letter().len();
    assert_eq!(letter_view(&app).scroll, lines - 1);
    run(&mut app, &[Action::Up]);
    assert_eq!(letter_view(&app).scroll, lines - 2);
}

#[test]
fn stars_are_listed_across_kinds_and_saved() {
    let mut app = app();
    run(&mut app, &[Action::Focus(Pane::Headcounts), Action::Last]);
    let effects = app.update(Action::ToggleStar);
    let [Effect::Save(state)] = effects.as_slice() else {
        panic!("starring saves: {effects:?}");
    };
    assert_eq!(
        state.starred,
        [crate::state::Star {
            kind: "city".into(),
            id: "montreal".into()
        }]
    );
    run(
        &mut app,
        &[
            Action::Focus(Pane::Articles),
            Action::Down,
            Action::ToggleStar,
        ],
    );
    run(&mut app, &[Action::Focus(Pane::Regions), Action::First]);
    assert!(app.starred_view());
    assert_eq!(app.rows(Pane::Organisations), 2);
    run(&mut app, &[Action::Right]);
    assert_eq!(
        app.target(Pane::Organisations),
        Some(Target::City("montreal".into()))
    );
    // Unstarring from the starred list keeps the selection in range: on the
    // entry that is left.
    run(&mut app, &[Action::Down, Action::ToggleStar]);
    assert_eq!(app.rows(Pane::Organisations), 1);
    assert_eq!(
        app.target(Pane::Organisations),
        Some(Target::City("montreal".into()))
    );
}

#[test]
fn snapshot_and_restore_round_trip_and_ignore_unknown_ids() {
    let mut app = app();
    go_to_region(&mut app, "14");
    run(
        &mut app,
        &[
            Action::Right,
            Action::Down,
            Action::Down,
            Action::ToggleStar,
        ],
    );
    run(&mut app, &[Action::OpenSearch]);
    type_text(&mut app, "gatineau");
    run(&mut app, &[Action::Open]);
    let mut state = app.snapshot();
    assert_eq!(state.history, ["gatineau"]);
    state.starred.push(crate::state::Star {
        kind: "city".into(),
        id: "toronto".into(),
    });
    state.starred.push(crate::state::Star {
        kind: "planet".into(),
        id: "mars".into(),
    });
    let mut other = self::app();
    other.restore(&state);
    let starred: Vec<&Target> = other.starred.iter().map(|s| &s.target).collect();
    assert_eq!(starred, [&Target::Organisation("safima".into())]);
    assert_eq!(other.history, ["gatineau"]);
    assert_eq!(other.focus, Pane::Headcounts);
    assert_eq!(other.region_code(), Some("07"));
    assert_eq!(selected_city(&other).as_deref(), Some("gatineau"));

    let bad = crate::state::State {
        region: Some("99".into()),
        organisation: Some("nobody".into()),
        focus: Some("sideways".into()),
        ..crate::state::State::default()
    };
    let mut third = self::app();
    third.restore(&bad);
    // Unknown ids leave the start: all regions, its first organisation, the
    // regions pane.
    assert_eq!(third.region_code(), None);
    assert!(!third.starred_view());
    assert_eq!(
        selected_org(&third),
        third.data.organisations.first().map(|o| o.id.clone())
    );
    assert_eq!(third.focus, Pane::Regions);
}

#[test]
fn up_on_the_first_hit_recalls_older_queries() {
    let mut app = app();
    app.history = vec!["safima".into(), "laval".into()];
    run(&mut app, &[Action::OpenSearch, Action::Up]);
    let input = |app: &App| match &app.overlay {
        Overlay::Search(sb) => sb.input.clone(),
        _ => "<closed>".to_string(),
    };
    assert_eq!(input(&app), "laval");
    run(&mut app, &[Action::Up]);
    assert_eq!(input(&app), "safima");
    run(&mut app, &[Action::Up]);
    assert_eq!(input(&app), "safima", "stays on the oldest");
    run(&mut app, &[Action::Down]);
    match &app.overlay {
        Overlay::Search(sb) => assert_eq!(sb.selected, 1, "↓ moves in the hits"),
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
        Overlay::Search(sb) => (sb.pending, sb.hits.len(), sb.input.clone()),
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
    assert!(sb.pending && sb.hits.is_empty() && sb.open_when_ready);
    let generation = sb.generation;

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
    assert!(!sb.open_when_ready);
}

#[test]
fn region_sizes_count_each_organisation_once_per_region() {
    let app = app();
    for (i, region) in app.data.regions.iter().enumerate() {
        assert_eq!(
            app.regions[i].organisations,
            app.data.organisations_in(&region.code).count(),
            "{}",
            region.name
        );
    }
    assert_eq!(
        app.regions.iter().filter(|r| r.organisations > 0).count(),
        13
    );
}

#[test]
fn the_copy_menu_takes_its_numbers() {
    let mut app = app();
    run(&mut app, &[Action::Focus(Pane::Organisations)]);
    app.update(Action::OpenCopyMenu);
    assert_eq!(app.mode(), Mode::CopyMenu);
    match app.update(Action::CopyChoice(1)).as_slice() {
        [Effect::Copy(text)] => {
            assert!(text.contains("> ") && text.contains("18159"), "{text}")
        }
        other => panic!("Markdown copy expected, got {other:?}"),
    }
    assert_eq!(app.mode(), Mode::Normal);
}

/// The letter overlay, which must be open.
fn letter_view(app: &App) -> &LetterView {
    match &app.overlay {
        Overlay::Letter(view) => view,
        other => panic!("the letter is not open: {other:?}"),
    }
}

/// The letter line (0-based) whose text contains `needle`.
fn letter_line(app: &App, needle: &str) -> usize {
    app.letter()
        .lines()
        .iter()
        .position(|l| l.text.contains(needle))
        .unwrap_or_else(|| panic!("{needle:?} not in the letter"))
}

#[test]
fn a_letter_hit_opens_the_letter_at_its_passage_with_the_match_highlighted() {
    let mut app = app();
    run(&mut app, &[Action::OpenSearch]);
    type_text(&mut app, "trente");
    let Overlay::Search(sb) = &app.overlay else {
        panic!("search closed");
    };
    let index = app.index.clone().expect("index");
    let review = sb
        .hits
        .iter()
        .position(|h| index.entry(h.entry).id == "review")
        .expect("the review passage is a hit");
    run(&mut app, &vec![Action::Down; review]);
    run(&mut app, &[Action::Open]);
    assert_eq!(app.mode(), Mode::Letter);
    let view = letter_view(&app);
    let first = letter_line(&app, "Nous vous avisons que vous pouvez demander");
    let passage = view.passage.expect("the passage is marked");
    assert_eq!(passage.first, first);
    assert!(view.scroll <= first && first < view.scroll + 5, "{view:?}");
    // The term found is highlighted, on the line that has it.
    assert_eq!(view.query, "trente");
    let current = view.matches[view.current.expect("a current match")];
    assert_eq!(
        current.line,
        letter_line(&app, "(CAI) de réviser cette décision")
    );
    let text: String = app.letter().lines()[current.line]
        .text
        .chars()
        .skip(current.start)
        .take(current.end - current.start)
        .collect();
    assert_eq!(text, "trente");
    assert_eq!(app.history, ["trente"]);
}

#[test]
fn the_letter_is_searched_with_slash_and_n_accents_and_case_ignored() {
    let mut app = app();
    run(&mut app, &[Action::ToggleLetter, Action::FindInLetter]);
    assert_eq!(app.mode(), Mode::LetterSearch);
    type_text(&mut app, "MONTREAL");
    let view = letter_view(&app);
    let lines: Vec<usize> = view.matches.iter().map(|m| m.line).collect();
    assert!(lines.len() >= 4, "{lines:?}");
    assert_eq!(lines[0], letter_line(&app, "Montréal, le 6 février 2020"));
    assert_eq!(view.current, Some(0), "the first match from the top");
    run(&mut app, &[Action::Open]);
    assert_eq!(app.mode(), Mode::Letter, "Enter keeps the search");
    run(&mut app, &[Action::NextMatch]);
    assert_eq!(letter_view(&app).current, Some(1));
    let second = lines[1];
    assert!(letter_view(&app).scroll <= second);
    run(&mut app, &[Action::PreviousMatch, Action::PreviousMatch]);
    assert_eq!(
        letter_view(&app).current,
        Some(lines.len() - 1),
        "N on the first match goes round to the last"
    );
    run(&mut app, &[Action::NextMatch]);
    assert_eq!(
        letter_view(&app).current,
        Some(0),
        "and n back to the first"
    );

    // g and G: top and bottom.
    run(&mut app, &[Action::Last]);
    assert_eq!(letter_view(&app).scroll, app.letter().len() - 1);
    run(&mut app, &[Action::First]);
    assert_eq!(letter_view(&app).scroll, 0);

    // A search given up with Esc leaves the previous one.
    run(&mut app, &[Action::FindInLetter]);
    type_text(&mut app, "zzz");
    assert!(letter_view(&app).matches.is_empty());
    run(&mut app, &[Action::Back]);
    assert_eq!(app.mode(), Mode::Letter);
    assert_eq!(letter_view(&app).query, "MONTREAL");
    assert_eq!(letter_view(&app).matches.len(), lines.len());

    // A search that is nowhere says so.
    run(&mut app, &[Action::FindInLetter]);
    type_text(&mut app, "zzz");
    run(&mut app, &[Action::Open]);
    let status = app.status.clone().expect("a message");
    assert!(status.error && status.text.contains("zzz"), "{status:?}");
}

#[test]
fn q_and_esc_close_the_letter_and_never_quit() {
    let mut app = app();
    let q = keymap::Key {
        code: crossterm::event::KeyCode::Char('q'),
        modifiers: crossterm::event::KeyModifiers::NONE,
    };
    for mode in [Mode::Letter, Mode::Detail, Mode::Help, Mode::CopyMenu] {
        assert_eq!(
            keymap::lookup(&app.keymap, mode, q),
            Some(Action::Back),
            "{mode:?}"
        );
    }
    run(&mut app, &[Action::ToggleLetter, Action::FindInLetter]);
    type_text(&mut app, "laval");
    run(&mut app, &[Action::Open, Action::Back]);
    assert_eq!(app.mode(), Mode::Normal, "Esc closes even with a search");
    assert!(app.running);
}

#[test]
fn a_source_line_of_a_detail_opens_the_letter_at_that_line() {
    let mut app = app();
    run(&mut app, &[Action::OpenSearch]);
    type_text(&mut app, "safima");
    run(&mut app, &[Action::Open, Action::Open]);
    let view = app.open_detail().expect("the SAFIMA detail");
    assert_eq!(view.source, None, "the cursor starts on the cross-links");
    assert_eq!(view.detail.source[0].line, 197);
    // Up from the first cross-link: the source line.
    run(&mut app, &[Action::Up]);
    assert_eq!(app.open_detail().expect("detail").source, Some(0));
    run(&mut app, &[Action::Open]);
    let safima = letter_line(&app, "(SAFIMA)");
    let view = letter_view(&app);
    assert_eq!(
        view.passage,
        Some(crate::data::LetterSpan {
            first: safima,
            last: safima
        })
    );
    assert_eq!(
        app.letter().lines()[safima].ocr.map(|o| o.first),
        Some(197),
        "the gutter shows the line the detail cites"
    );
}

#[test]
fn article_1_opens_the_letter_where_it_is_cited() {
    let mut app = app();
    run(
        &mut app,
        &[Action::Focus(Pane::Articles), Action::First, Action::Open],
    );
    let view = app.open_detail().expect("the article 1 detail");
    assert_eq!(view.detail.title, "Article 1");
    assert_eq!(
        view.source,
        Some(0),
        "no cross-link: the cursor is on l. 102"
    );
    run(&mut app, &[Action::Open]);
    let passage = letter_view(&app).passage.expect("a passage");
    assert_eq!(passage.first, letter_line(&app, "organisme. Or, la Loi"));
}

#[test]
fn y_on_a_region_copies_its_answer() {
    let mut app = app();
    go_to_region(&mut app, "14");
    let effects = app.update(Action::Copy);
    let [Effect::Copy(text)] = effects.as_slice() else {
        panic!("a copy: {effects:?}");
    };
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "Lanaudière (14) — 4 organisations");
    assert_eq!(
        lines[1..5],
        [
            "- Perspectives Carrières",
            "- Comité régional d'éducation pour le développement international de Lanaudière",
            "- Service d'aide à la famille immigrante de la MRC de L'Assomption (SAFIMA)",
            "- Accueil multiethnique et intégration des nouveaux arrivants à Terrebonne et Mascouche",
        ]
    );
    assert!(
        text.contains("- Terrebonne — █ withheld — art. 53, 54"),
        "{text}"
    );
    assert!(
        text.ends_with(
            "Source: MIFI, access-to-information decision 18159, 6 February 2020 — \
             annex \"Organismes par régions\", Lanaudière (OCR l. 167, 195–197, 199); \
             table of immigrants accompanied (OCR l. 76)."
        ),
        "{text}"
    );
}

#[test]
fn every_hit_is_copied_as_a_list_and_the_status_counts_them() {
    let mut app = app();
    run(&mut app, &[Action::OpenSearch]);
    type_text(&mut app, "'lanaudiere");
    let hits = match &app.overlay {
        Overlay::Search(sb) => sb.hits.len(),
        _ => panic!("search closed"),
    };
    assert!(hits >= 4, "{hits}");
    let effects = app.update(Action::CopyHits);
    let [Effect::Copy(text)] = effects.as_slice() else {
        panic!("a copy: {effects:?}");
    };
    assert!(
        text.starts_with(&format!("Search \"'lanaudiere\": {hits} hits\n")),
        "{text}"
    );
    assert!(
        text.contains("\n- Lanaudière (region, OCR l. 167, 195–197, 199, 76)")
            || text.contains("\n- Lanaudière (region, OCR l. 76, 167, 195–197, 199)"),
        "{text}"
    );
    assert!(
        text.contains("(SAFIMA) (organisation, OCR l. 197)"),
        "{text}"
    );
    assert!(
        text.ends_with("\n\nSource: MIFI, access-to-information decision 18159, 6 February 2020."),
        "{text}"
    );
    app.update(Msg::CopyOutcome(Ok("tmux"), text.clone()));
    assert_eq!(
        app.status.as_ref().map(|s| s.text.as_str()),
        Some(format!("Copied {hits} hits (tmux)").as_str())
    );
    // The next copy of one entry says only that it copied.
    app.update(Msg::CopyOutcome(Ok("tmux"), "other".into()));
    assert_eq!(
        app.status.as_ref().map(|s| s.text.as_str()),
        Some("Copied (tmux)")
    );
}

#[test]
fn the_letter_hit_for_its_identity_opens_on_the_letter_not_on_a_remark() {
    let mut app = app();
    run(&mut app, &[Action::OpenSearch]);
    type_text(&mut app, "'18159");
    let Overlay::Search(sb) = &app.overlay else {
        panic!("search closed");
    };
    let index = app.index.clone().expect("index");
    let identity = sb
        .hits
        .iter()
        .position(|h| index.entry(h.entry).id == "letter")
        .expect("the letter's identity is a hit");
    run(&mut app, &vec![Action::Down; identity]);
    run(&mut app, &[Action::Open]);
    let view = letter_view(&app);
    let current = view.matches[view.current.expect("a match")];
    assert_eq!(current.line, letter_line(&app, "N/Réf. : 18159"));
}

#[test]
fn starring_says_so_in_the_interface_language() {
    let mut app = app();
    run(&mut app, &[Action::Focus(Pane::Headcounts), Action::Last]);
    app.update(Action::ToggleStar);
    let status = app.status.clone().expect("a message");
    assert_eq!(status.text, "Starred: Montréal");
    assert!(!status.error);
    assert!(app.is_starred(&Target::City("montreal".into())));
    run(&mut app, &[Action::ToggleLanguage, Action::ToggleStar]);
    assert_eq!(
        app.status.clone().map(|s| s.text).as_deref(),
        Some("Étoile retirée : Montréal")
    );
    assert!(!app.is_starred(&Target::City("montreal".into())));
}

#[test]
fn enter_on_all_regions_or_starred_goes_into_the_list() {
    let mut app = app();
    run(&mut app, &[Action::Focus(Pane::Regions), Action::Open]);
    assert_eq!(app.mode(), Mode::Normal, "no overlay opens");
    assert_eq!(app.focus, Pane::Organisations);
    run(
        &mut app,
        &[Action::Focus(Pane::Regions), Action::First, Action::Open],
    );
    assert!(app.starred_view());
    assert_eq!(app.mode(), Mode::Normal);
    assert_eq!(app.focus, Pane::Organisations);
}

#[test]
fn the_funding_pane_lists_the_table_with_a_detail_and_links() {
    let mut app = app();
    run(&mut app, &[Action::FocusFunding]);
    assert_eq!(app.focus, Pane::Funding);
    assert_eq!(app.rows(Pane::Funding), 3);
    assert_eq!(
        app.target(Pane::Funding),
        Some(Target::Funding("funding-1".into()))
    );
    run(&mut app, &[Action::Down, Action::Open]);
    let view = app.open_detail().expect("the funding detail");
    assert_eq!(view.stack, [Target::Funding("funding-2".into())]);
    // Its link leads to the annex's organisation.
    run(&mut app, &[Action::Open]);
    let view = app.open_detail().expect("the organisation");
    assert_eq!(
        view.stack.last(),
        Some(&Target::Organisation("csai".into()))
    );
    // A search hit or a link to a funding row selects it in its pane.
    run(&mut app, &[Action::Back, Action::Back]);
    app.jump_to(&Target::Funding("funding-3".into()));
    assert_eq!((app.focus, app.funding), (Pane::Funding, 2));
}

#[test]
fn t_cycles_the_theme_says_so_and_remembers_it_unless_mono_is_forced() {
    use crate::config::ThemeName;
    let mut app = app();
    app.update(Msg::Theme(ThemeName::Light));
    assert_eq!((app.theme, app.theme_chosen), (ThemeName::Light, false));
    let effects = app.update(Action::CycleTheme);
    assert_eq!(app.theme, ThemeName::Mono);
    assert_eq!(
        app.status.clone().map(|s| s.text).as_deref(),
        Some("Theme: mono")
    );
    let [Effect::Save(state)] = effects.as_slice() else {
        panic!("the theme is saved: {effects:?}");
    };
    assert_eq!(state.theme.as_deref(), Some("mono"));
    run(&mut app, &[Action::CycleTheme]);
    assert_eq!(app.theme, ThemeName::Dark);
    // A new session takes the remembered theme over the config's...
    let state = app.snapshot();
    let mut next = self::app();
    next.restore(&state);
    next.update(Msg::Theme(ThemeName::Light));
    assert_eq!((next.theme, next.theme_chosen), (ThemeName::Dark, true));
    // ...but NO_COLOR's mono wins.
    next.update(Msg::Theme(ThemeName::Mono));
    assert_eq!((next.theme, next.theme_chosen), (ThemeName::Mono, false));
}

#[test]
fn a_second_click_on_the_selected_row_opens_its_detail() {
    let mut app = app();
    run(&mut app, &[Action::Select(Pane::Headcounts, 2)]);
    assert_eq!(app.mode(), Mode::Normal, "the first click selects");
    assert_eq!(app.focus, Pane::Headcounts);
    run(&mut app, &[Action::Select(Pane::Headcounts, 2)]);
    let view = app.open_detail().expect("the second click opens");
    assert_eq!(view.stack.len(), 1);
    // A click elsewhere only selects.
    run(
        &mut app,
        &[Action::Back, Action::Select(Pane::Headcounts, 5)],
    );
    assert_eq!(app.mode(), Mode::Normal);
}
