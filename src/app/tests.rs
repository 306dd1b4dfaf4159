//! `update` on the embedded dataset: navigation, region filtering, search, jumps.

use super::*;
use crate::data;

mod back;
mod help;
mod letter;
mod panes;
mod search;
mod stars;

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

/// Where the entry `id` stands among the open search box's hits.
fn hit_position(app: &App, id: &str) -> usize {
    let Overlay::Search(sb) = &app.overlay else {
        panic!("search closed");
    };
    let index = app.index.clone().expect("index");
    sb.hits()
        .iter()
        .position(|h| index.entry(h.entry).id == id)
        .unwrap_or_else(|| panic!("{id} is not a hit"))
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
    assert_eq!(app.focus(), Pane::Regions);
    assert_eq!(app.region_code(), None);
    assert!(!app.starred_view(), "all regions, not the starred entries");
    assert_eq!(app.panes().organisations().len(), 58);
    assert_eq!(app.mode(), Mode::Normal);
}

#[test]
fn selecting_a_region_filters_organisations() {
    let mut app = app();
    go_to_region(&mut app, "14");
    let ids: Vec<String> = app
        .panes()
        .organisations()
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
    assert_eq!(app.focus(), Pane::Organisations);
    assert_eq!(selected_org(&app).as_deref(), Some("safima"));
}

#[test]
fn a_region_without_organisations_is_selectable_and_empty() {
    let mut app = app();
    go_to_region(&mut app, "07");
    assert!(app.panes().organisations().is_empty());
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
    run(&mut app, &[Action::Select(Pane::Headcounts, 999, 0)]);
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
    assert_eq!(app.focus(), Pane::Headcounts);
    run(&mut app, &[Action::NextPane, Action::NextPane]);
    assert_eq!(app.focus(), Pane::Funding);
    run(&mut app, &[Action::NextPane]);
    assert_eq!(app.focus(), Pane::Regions);
    run(&mut app, &[Action::PreviousPane]);
    assert_eq!(app.focus(), Pane::Funding);
    run(
        &mut app,
        &[Action::Focus(Pane::Organisations), Action::Left],
    );
    assert_eq!(app.focus(), Pane::Regions);
}

#[test]
fn detail_follows_links_and_goes_back() {
    let mut app = app();
    run(
        &mut app,
        &[Action::Focus(Pane::Headcounts), Action::Last, Action::Open],
    );
    let detail = &app.open_detail().expect("detail").detail();
    assert_eq!(detail.title, "Montréal");
    let article = detail
        .links
        .iter()
        .position(|(_, t)| *t == Target::Article("53".into()))
        .expect("link to article 53");
    run(&mut app, &vec![Action::Down; article]);
    run(&mut app, &[Action::Open]);
    assert_eq!(
        app.open_detail().expect("detail").detail().title,
        "Article 53"
    );
    run(&mut app, &[Action::Back]);
    assert_eq!(
        app.open_detail().expect("detail").detail().title,
        "Montréal"
    );
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
fn stars_are_listed_across_kinds_and_saved() {
    let mut app = app();
    run(&mut app, &[Action::Focus(Pane::Headcounts), Action::Last]);
    let effects = app.update(Action::ToggleStar);
    let [Effect::Save(state)] = effects.as_slice() else {
        panic!("starring saves: {effects:?}");
    };
    assert_eq!(
        state.starred,
        [crate::store::state::Star {
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
    state.starred.push(crate::store::state::Star {
        kind: "city".into(),
        id: "toronto".into(),
    });
    state.starred.push(crate::store::state::Star {
        kind: "planet".into(),
        id: "mars".into(),
    });
    let mut other = self::app();
    other.restore(&state);
    let starred: Vec<&Target> = other.starred.iter().map(|s| &s.target).collect();
    assert_eq!(starred, [&Target::Organisation("safima".into())]);
    assert_eq!(other.history, ["gatineau"]);
    assert_eq!(other.focus(), Pane::Headcounts);
    assert_eq!(other.region_code(), Some("07"));
    assert_eq!(selected_city(&other).as_deref(), Some("gatineau"));

    let bad = crate::store::state::State {
        region: Some("99".into()),
        organisation: Some("nobody".into()),
        focus: Some("sideways".into()),
        ..crate::store::state::State::default()
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
    assert_eq!(third.focus(), Pane::Regions);
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
