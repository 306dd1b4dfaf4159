//! The way back: `Esc` (or `Backspace`) returns to the place the user came
//! from, as it was, and the overlays' titles show the path.

use super::*;

/// Selects the city named `name` in the headcounts pane, as `3` and the
/// arrows would.
fn go_to_city(app: &mut App, name: &str) {
    run(app, &[Action::FocusHeadcounts, Action::First]);
    for _ in 0..app.rows(Pane::Headcounts) {
        if app.data.cities[app.selected(Pane::Headcounts)].name == name {
            return;
        }
        app.update(Action::Down);
    }
    panic!("{name} not in the headcounts pane");
}

fn detail(app: &App) -> DetailView {
    app.open_detail().cloned().expect("a detail is open")
}

#[test]
fn esc_from_the_letter_returns_to_the_detail_it_was_opened_from() {
    // `3`, Terrebonne, Enter, ↑↑↑, Enter: the letter at l. 76.
    let mut app = app();
    go_to_city(&mut app, "Terrebonne");
    run(
        &mut app,
        &[Action::Open, Action::Up, Action::Up, Action::Up],
    );
    let before = detail(&app);
    assert!(before.source().is_some(), "on a source line: {before:?}");
    run(&mut app, &[Action::Open]);
    assert_eq!(app.mode(), Mode::Letter);
    assert_eq!(app.breadcrumbs(), ["Terrebonne"]);
    let back = app.hints().into_iter().find(|h| h.keys == "q");
    assert_eq!(
        back.map(|h| h.what),
        Some("back"),
        "the hint says where q goes"
    );
    run(&mut app, &[Action::Back]);
    assert_eq!(
        detail(&app),
        before,
        "the same detail, the same line chosen"
    );
    run(&mut app, &[Action::Back]);
    assert_eq!(app.mode(), Mode::Normal);
    assert_eq!(
        (
            app.focus(),
            app.data.cities[app.selected(Pane::Headcounts)]
                .name
                .as_str()
        ),
        (Pane::Headcounts, "Terrebonne")
    );
}

#[test]
fn links_followed_are_gone_back_along_with_the_link_still_chosen() {
    let mut app = app();
    go_to_region(&mut app, "14");
    run(&mut app, &[Action::Open]);
    let lanaudiere = detail(&app);
    let safima = lanaudiere
        .detail()
        .links
        .iter()
        .position(|(_, t)| *t == Target::Organisation("safima".into()))
        .expect("Lanaudière links to SAFIMA");
    run(&mut app, &vec![Action::Down; safima]);
    let on_safima = detail(&app);
    assert_eq!(on_safima.link(), safima);
    run(&mut app, &[Action::Open]);
    assert_eq!(
        *detail(&app).target(),
        Target::Organisation("safima".into())
    );
    assert_eq!(app.breadcrumbs(), ["Lanaudière"]);
    assert!(app.hint_context().nested, "Esc goes back, not out");
    // SAFIMA's source line opens the letter at l. 197.
    run(&mut app, &[Action::First, Action::Open]);
    assert_eq!(app.mode(), Mode::Letter);
    assert_eq!(app.breadcrumbs(), ["Lanaudière", "SAFIMA"]);
    run(&mut app, &[Action::Back]);
    assert_eq!(
        *detail(&app).target(),
        Target::Organisation("safima".into())
    );
    assert_eq!(detail(&app).source(), Some(0));
    run(&mut app, &[Action::Back]);
    assert_eq!(detail(&app), on_safima);
    assert!(
        !app.hint_context().nested,
        "Lanaudière was opened from the panes"
    );
    run(&mut app, &[Action::Back]);
    assert_eq!(app.mode(), Mode::Normal);
    assert_eq!(app.region_code(), Some("14"));
}

#[test]
fn esc_from_a_letter_hit_returns_to_the_search_with_its_query_and_highlight() {
    let mut app = app();
    run(&mut app, &[Action::OpenSearch]);
    type_text(&mut app, "demande");
    let review = hit_position(&app, "review");
    assert!(review > 0, "a highlight other than the first hit");
    run(&mut app, &vec![Action::Down; review]);
    run(&mut app, &[Action::Open]);
    assert_eq!(app.mode(), Mode::Letter);
    assert_eq!(app.breadcrumbs(), ["/demande"]);
    let effects = act(&mut app, Action::Back);
    assert!(
        matches!(effects.as_slice(), [Effect::Search { query, .. }] if query == "demande"),
        "the query is searched again: {effects:?}"
    );
    let Overlay::Search(sb) = &app.overlay else {
        panic!("back on the search: {:?}", app.mode());
    };
    assert_eq!(sb.input(), "demande");
    assert_eq!(sb.selected(), review);
    assert_eq!(hit_position(&app, "review"), review);
    // Typing again starts from the first hit.
    type_text(&mut app, "r");
    let Overlay::Search(sb) = &app.overlay else {
        panic!("search closed");
    };
    assert_eq!(sb.selected(), 0);
}

#[test]
fn a_hit_that_selects_a_row_is_gone_back_from_to_the_search() {
    let mut app = app();
    let before = (app.focus(), app.selected(Pane::Regions));
    run(&mut app, &[Action::OpenSearch]);
    type_text(&mut app, "safima");
    run(&mut app, &[Action::Open]);
    assert_eq!(app.mode(), Mode::Normal);
    assert_eq!(selected_org(&app).as_deref(), Some("safima"));
    run(&mut app, &[Action::Back]);
    assert!(matches!(&app.overlay, Overlay::Search(sb) if sb.input() == "safima"));
    // Esc clears the query, then closes the box on the panes as they were.
    run(&mut app, &[Action::Back, Action::Back]);
    assert_eq!(app.mode(), Mode::Normal);
    assert_eq!((app.focus(), app.selected(Pane::Regions)), before);
}

#[test]
fn a_copy_from_the_y_menu_returns_to_the_detail() {
    let mut app = app();
    go_to_region(&mut app, "14");
    run(&mut app, &[Action::Open, Action::Down, Action::Open]);
    let shown = detail(&app);
    run(&mut app, &[Action::OpenCopyMenu]);
    assert_eq!(app.mode(), Mode::CopyMenu);
    let effects = app.update(Action::CopyChoice(1));
    assert!(
        matches!(effects.as_slice(), [Effect::Copy(text)] if text.contains("Lanaudière")),
        "{effects:?}"
    );
    assert_eq!(detail(&app), shown, "back on the detail, as it was");
    // Esc in the menu too, and the detail below is still the second one.
    run(&mut app, &[Action::OpenCopyMenu, Action::Back]);
    assert_eq!(detail(&app), shown);
    run(&mut app, &[Action::Back]);
    assert_eq!(*detail(&app).target(), Target::Region("14".into()));
}

#[test]
fn text_that_could_not_be_copied_closes_onto_the_detail() {
    let mut app = app();
    go_to_region(&mut app, "14");
    run(
        &mut app,
        &[Action::Open, Action::OpenCopyMenu, Action::Open],
    );
    app.update(Msg::CopyOutcome(Err("no clipboard".into()), "text".into()));
    assert_eq!(app.mode(), Mode::CopyText);
    run(&mut app, &[Action::Back]);
    assert_eq!(*detail(&app).target(), Target::Region("14".into()));
}

#[test]
fn back_from_the_first_place_does_what_esc_did() {
    let mut app = app();
    go_to_region(&mut app, "14");
    run(&mut app, &[Action::Down]);
    let panes = (
        app.focus(),
        app.selected(Pane::Regions),
        app.selected(Pane::Organisations),
    );
    // On the panes with nowhere to go back to: nothing changes.
    assert!(app.update(Action::Back).is_empty());
    assert_eq!(app.mode(), Mode::Normal);
    assert_eq!(
        (
            app.focus(),
            app.selected(Pane::Regions),
            app.selected(Pane::Organisations)
        ),
        panes
    );
    // An overlay with no place behind it closes.
    app.overlay = Overlay::Letter(LetterView::top());
    run(&mut app, &[Action::Back]);
    assert_eq!(app.mode(), Mode::Normal);
    // The help and the map, opened from the panes, close onto them.
    for open in [Action::ToggleHelp, Action::ToggleMap, Action::ToggleLetter] {
        run(&mut app, &[open.clone(), Action::Back]);
        assert_eq!(app.mode(), Mode::Normal, "{open:?}");
        assert_eq!(
            (
                app.focus(),
                app.selected(Pane::Regions),
                app.selected(Pane::Organisations)
            ),
            panes
        );
    }
    assert!(app.places.is_empty(), "nothing left behind");
}

#[test]
fn the_help_opened_over_the_letter_closes_onto_it() {
    let mut app = app();
    run(&mut app, &[Action::ToggleLetter, Action::PageDown]);
    let Overlay::Letter(scrolled) = &app.overlay else {
        panic!("the letter");
    };
    let scrolled = scrolled.clone();
    run(&mut app, &[Action::ToggleHelp]);
    let top = app.letter().lines()[scrolled.scroll()..]
        .iter()
        .find_map(|l| l.ocr)
        .expect("OCR lines below the top");
    assert_eq!(app.breadcrumbs(), [format!("letter l. {}", top.first)]);
    run(&mut app, &[Action::ToggleHelp]);
    assert!(matches!(&app.overlay, Overlay::Letter(v) if *v == scrolled));
}

#[test]
fn the_history_stays_within_its_depth() {
    let mut app = app();
    go_to_region(&mut app, "14");
    run(&mut app, &[Action::Open]);
    for _ in 0..history::DEPTH * 2 {
        run(&mut app, &[Action::Open]);
    }
    assert_eq!(app.places.len(), history::DEPTH);
}
