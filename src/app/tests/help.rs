//! The help overlay's filter, through `update` and the keymap.

use super::*;
use crate::app::help::{HelpRow, help_rows};
use crossterm::event::{KeyCode, KeyModifiers};

fn help(app: &App) -> HelpView {
    app.open_help().cloned().expect("the help is open")
}

fn plain(c: char) -> crate::keys::table::Key {
    crate::keys::table::Key {
        code: KeyCode::Char(c),
        modifiers: KeyModifiers::NONE,
    }
}

/// The descriptions of the rows the help keeps.
fn kept(app: &App) -> Vec<&'static str> {
    help_rows(&app.keymap, app.lang, &help(app).filter)
        .rows
        .into_iter()
        .filter_map(|row| match row {
            HelpRow::Keys { what, .. } => Some(what),
            HelpRow::Heading(_) => None,
        })
        .collect()
}

#[test]
fn slash_in_the_help_filters_its_rows_by_description() {
    let mut app = app();
    run(&mut app, &[Action::ToggleHelp]);
    let all = help_rows(&app.keymap, app.lang, "");
    assert_eq!(all.kept, all.total, "no filter keeps every row");
    assert_eq!(
        crate::keys::table::lookup(&app.keymap, Mode::Help, plain('/')),
        Some(Action::FilterHelp)
    );
    run(&mut app, &[Action::FilterHelp]);
    assert_eq!(app.mode(), Mode::HelpFilter);
    type_text(&mut app, "cop");
    let rows = help_rows(&app.keymap, app.lang, "cop");
    assert!(rows.kept > 0 && rows.kept < rows.total, "{rows:?}");
    assert!(kept(&app).iter().all(|what| what.contains("cop")));
    assert!(kept(&app).contains(&"copy every hit"));
    // Backspace edits the filter.
    run(&mut app, &[Action::DeleteBack, Action::DeleteBack]);
    assert_eq!(help(&app).filter, "c");
}

#[test]
fn the_help_filter_ignores_accents_and_case_and_matches_keys() {
    let mut app = app();
    run(
        &mut app,
        &[Action::SetLanguage(Lang::Fr), Action::ToggleHelp],
    );
    run(&mut app, &[Action::FilterHelp]);
    type_text(&mut app, "PRECEDENTE");
    let kept = kept(&app);
    assert!(kept.contains(&"page précédente"), "{kept:?}");
    assert!(kept.contains(&"occurrence précédente"), "{kept:?}");
    // By key: C-a is the only key holding "c-a".
    let rows = help_rows(&app.keymap, app.lang, "c-a");
    assert_eq!(rows.kept, 1, "{rows:?}");
    assert!(matches!(
        &rows.rows[1],
        HelpRow::Keys { keys, .. } if keys == "C-a"
    ));
    // Nothing kept: no heading either.
    let none = help_rows(&app.keymap, app.lang, "zzzz");
    assert_eq!((none.kept, none.rows.len()), (0, 0));
}

#[test]
fn q_types_into_the_filter_and_esc_clears_it_before_closing() {
    let mut app = app();
    run(&mut app, &[Action::ToggleHelp, Action::FilterHelp]);
    // While filtering, q and ? are letters of the filter, not commands.
    for c in ['q', '?', 'j'] {
        assert_eq!(
            crate::keys::table::lookup(&app.keymap, Mode::HelpFilter, plain(c)),
            None,
            "{c}"
        );
    }
    type_text(&mut app, "quit");
    assert_eq!(help(&app).filter, "quit");
    assert!(app.running);
    // Enter keeps the filter; keys move the rows again.
    run(&mut app, &[Action::Open]);
    assert_eq!(app.mode(), Mode::Help);
    assert_eq!(help(&app).filter, "quit");
    // `/` again goes on typing the same filter.
    run(&mut app, &[Action::FilterHelp]);
    type_text(&mut app, "x");
    assert_eq!(help(&app).filter, "quitx");
    // The first Esc clears the filter, the second closes the help.
    run(&mut app, &[Action::Back]);
    assert_eq!(app.mode(), Mode::Help);
    assert_eq!(help(&app), HelpView::default());
    run(&mut app, &[Action::Back]);
    assert_eq!(app.mode(), Mode::Normal);
    assert!(app.running);
}

#[test]
fn arrows_scroll_the_help_while_its_filter_is_typed() {
    let mut app = app();
    run(&mut app, &[Action::ToggleHelp, Action::FilterHelp]);
    let down = crate::keys::table::Key {
        code: KeyCode::Down,
        modifiers: KeyModifiers::NONE,
    };
    assert_eq!(
        crate::keys::table::lookup(&app.keymap, Mode::HelpFilter, down),
        Some(Action::Down)
    );
    run(&mut app, &[Action::Down, Action::Down]);
    assert_eq!(help(&app).scroll, 2);
    assert_eq!(app.mode(), Mode::HelpFilter, "still typing");
}

#[test]
fn typing_a_filter_starts_the_rows_from_the_top() {
    let mut app = app();
    run(&mut app, &[Action::ToggleHelp, Action::PageDown]);
    assert!(help(&app).scroll > 0);
    run(&mut app, &[Action::FilterHelp]);
    type_text(&mut app, "m");
    assert_eq!(help(&app).scroll, 0);
    // A paste is made one safe line.
    run(&mut app, &[Action::Paste("ap\n\u{202E}".into())]);
    assert_eq!(help(&app).filter, "map ");
}
