//! Stars, the funding pane, the theme and clicks, through `update`.

use super::*;
use crate::app::navigation::DOUBLE_CLICK_MS;

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
    assert_eq!(app.focus(), Pane::Organisations);
    run(
        &mut app,
        &[Action::Focus(Pane::Regions), Action::First, Action::Open],
    );
    assert!(app.starred_view());
    assert_eq!(app.mode(), Mode::Normal);
    assert_eq!(app.focus(), Pane::Organisations);
}

#[test]
fn the_funding_pane_lists_the_table_with_a_detail_and_links() {
    let mut app = app();
    run(&mut app, &[Action::FocusFunding]);
    assert_eq!(app.focus(), Pane::Funding);
    assert_eq!(app.rows(Pane::Funding), 3);
    assert_eq!(
        app.target(Pane::Funding),
        Some(Target::Funding("funding-1".into()))
    );
    run(&mut app, &[Action::Down, Action::Open]);
    let view = app.open_detail().expect("the funding detail");
    assert_eq!(*view.target(), Target::Funding("funding-2".into()));
    // Its link leads to the annex's organisation.
    run(&mut app, &[Action::Open]);
    let view = app.open_detail().expect("the organisation");
    assert_eq!(*view.target(), Target::Organisation("csai".into()));
    // A search hit or a link to a funding row selects it in its pane.
    run(&mut app, &[Action::Back, Action::Back]);
    app.jump_to(&Target::Funding("funding-3".into()));
    assert_eq!(
        (app.focus(), app.selected(Pane::Funding)),
        (Pane::Funding, 2)
    );
}

#[test]
fn t_cycles_the_theme_says_so_and_remembers_it_unless_mono_is_forced() {
    use crate::store::config::ThemeName;
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
    run(&mut app, &[Action::Select(Pane::Headcounts, 2, 1_000)]);
    assert_eq!(app.mode(), Mode::Normal, "the first click selects");
    assert_eq!(app.focus(), Pane::Headcounts);
    run(&mut app, &[Action::Select(Pane::Headcounts, 2, 1_250)]);
    let view = app.open_detail().expect("the second click opens");
    assert_eq!(*view.target(), Target::City(app.data.cities[2].id.clone()));
    // A click elsewhere only selects.
    run(
        &mut app,
        &[Action::Back, Action::Select(Pane::Headcounts, 5, 1_300)],
    );
    assert_eq!(app.mode(), Mode::Normal);
}

#[test]
fn a_slow_second_click_only_selects() {
    let mut app = app();
    let first = 5_000;
    run(&mut app, &[Action::Select(Pane::Headcounts, 2, first)]);
    run(
        &mut app,
        &[Action::Select(
            Pane::Headcounts,
            2,
            first + DOUBLE_CLICK_MS + 1,
        )],
    );
    assert_eq!(app.mode(), Mode::Normal, "too slow for a double-click");
    assert_eq!(app.selected(Pane::Headcounts), 2);
    // The slow click starts a new double-click: a quick one now opens.
    run(
        &mut app,
        &[Action::Select(
            Pane::Headcounts,
            2,
            first + DOUBLE_CLICK_MS + 1 + DOUBLE_CLICK_MS,
        )],
    );
    assert!(app.open_detail().is_some(), "within the interval it opens");
}

#[test]
fn a_single_click_on_a_row_selected_by_key_only_selects() {
    let mut app = app();
    run(&mut app, &[Action::FocusHeadcounts, Action::Down]);
    let row = app.selected(Pane::Headcounts);
    run(&mut app, &[Action::Select(Pane::Headcounts, row, 10)]);
    assert_eq!(app.mode(), Mode::Normal, "one click never opens");
    // Two quick clicks on two rows are not a double-click either.
    run(
        &mut app,
        &[
            Action::Select(Pane::Headcounts, row + 1, 100),
            Action::Select(Pane::Headcounts, row + 2, 200),
        ],
    );
    assert_eq!(app.mode(), Mode::Normal);
}
