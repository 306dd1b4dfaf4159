//! Stars in the letter's order, and the quote sheet copied from ★ Starred.

use super::*;
use crate::present::sheet;

/// Stars SAFIMA (the annex, l. 197), Montréal (the headcounts, l. 94, its
/// count withheld) and a funding row (l. 48), in that order.
fn starred_app() -> App {
    let mut app = app();
    for target in [
        Target::Organisation("safima".into()),
        Target::City("montreal".into()),
        Target::Funding("funding-3".into()),
    ] {
        app.jump_to(&target);
        run(&mut app, &[Action::ToggleStar]);
    }
    app
}

fn on_starred(app: &mut App) {
    run(app, &[Action::Focus(Pane::Regions), Action::First]);
    assert!(app.starred_view());
}

fn letter_order() -> [Target; 3] {
    [
        Target::Funding("funding-3".into()),
        Target::City("montreal".into()),
        Target::Organisation("safima".into()),
    ]
}

#[test]
fn stars_are_listed_in_the_letter_s_order() {
    let mut app = starred_app();
    let listed: Vec<Target> = app.starred.iter().map(|s| s.target.clone()).collect();
    assert_eq!(listed, letter_order());
    // The ★ Starred list in the panes, and state.json, in the same order.
    on_starred(&mut app);
    run(&mut app, &[Action::Right]);
    let mut shown = Vec::new();
    for _ in 0..3 {
        shown.extend(app.target(Pane::Organisations));
        run(&mut app, &[Action::Down]);
    }
    assert_eq!(shown, letter_order());
    let ids: Vec<String> = app.snapshot().starred.into_iter().map(|s| s.id).collect();
    assert_eq!(ids, ["funding-3", "montreal", "safima"]);
    // Restored from a file in the order of starring: the letter's again.
    let mut state = app.snapshot();
    state.starred.reverse();
    let mut other = self::app();
    other.restore(&state);
    let restored: Vec<Target> = other.starred.iter().map(|s| s.target.clone()).collect();
    assert_eq!(restored, letter_order());
}

#[test]
fn s_copies_the_quote_sheet_in_the_format_chosen() {
    let mut app = starred_app();
    on_starred(&mut app);
    run(&mut app, &[Action::CopyStarred]);
    assert_eq!(app.mode(), Mode::CopyMenu);
    let want = sheet::sheet(&app.data, &letter_order(), Lang::En, CopyFormat::Markdown);
    match app.update(Action::CopyChoice(1)).as_slice() {
        [Effect::Copy(text)] => {
            assert_eq!(Some(text), want.as_ref());
            assert!(text.contains("Montréal — █ withheld — s. 53, 54"), "{text}");
        }
        other => panic!("the sheet in Markdown expected, got {other:?}"),
    }
    // Back where the menu was opened.
    assert_eq!(app.mode(), Mode::Normal);
    assert!(app.starred_view());
    // On ★ Starred, y copies the sheet as plain text, Y opens its menu.
    let plain = sheet::sheet(&app.data, &letter_order(), Lang::En, CopyFormat::Plain);
    assert_eq!(
        app.update(Action::Copy),
        [Effect::Copy(plain.expect("sheet"))]
    );
    run(
        &mut app,
        &[Action::OpenCopyMenu, Action::Down, Action::Down],
    );
    let json = sheet::sheet(&app.data, &letter_order(), Lang::En, CopyFormat::Json);
    assert_eq!(
        app.update(Action::Open),
        [Effect::Copy(json.expect("sheet"))]
    );
}

#[test]
fn s_from_an_entry_copies_the_sheet_too_and_without_stars_says_so() {
    let mut app = starred_app();
    run(
        &mut app,
        &[Action::Focus(Pane::Headcounts), Action::CopyStarred],
    );
    let effects = app.update(Action::Open);
    let want = sheet::sheet(&app.data, &letter_order(), Lang::En, CopyFormat::Plain);
    assert_eq!(effects, [Effect::Copy(want.expect("sheet"))]);

    let mut empty = self::app();
    on_starred(&mut empty);
    assert!(empty.update(Action::CopyStarred).is_empty());
    assert_eq!(empty.mode(), Mode::Normal);
    let status = empty.status.clone().expect("a status");
    assert!(status.error);
    assert_eq!(status.text, "No starred entry to copy");
    assert!(empty.update(Action::Copy).is_empty());
    assert!(empty.update(Action::OpenCopyMenu).is_empty());
    assert_eq!(empty.mode(), Mode::Normal);
}
