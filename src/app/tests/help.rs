//! The help overlay's filter, through `update` and the keymap.

use super::*;
use crate::app::help_rows::{HelpRow, help_rows};
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
    help(app)
        .rows(&app.keymap, app.lang)
        .rows
        .into_iter()
        .filter_map(|row| match row {
            HelpRow::Keys { what, .. } => Some(what),
            _ => None,
        })
        .collect()
}

#[test]
fn slash_in_the_help_filters_its_rows_by_description() {
    let mut app = app();
    run(&mut app, &[Action::ToggleHelp]);
    let all = help_rows(&app.keymap, app.lang, "", Mode::Normal);
    assert_eq!(all.kept, all.total, "no filter keeps every row");
    assert_eq!(
        crate::keys::table::lookup(&app.keymap, Mode::Help, plain('/')),
        Some(Action::FilterHelp)
    );
    run(&mut app, &[Action::FilterHelp]);
    assert_eq!(app.mode(), Mode::HelpFilter);
    type_text(&mut app, "cop");
    let rows = help_rows(&app.keymap, app.lang, "cop", Mode::Normal);
    assert!(rows.kept > 0 && rows.kept < rows.total, "{rows:?}");
    assert!(kept(&app).iter().all(|what| what.contains("cop")));
    assert!(kept(&app).contains(&"copy every hit"));
    // Backspace edits the filter.
    run(&mut app, &[Action::DeleteBack, Action::DeleteBack]);
    assert_eq!(help(&app).filter(), "c");
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
    let rows = help_rows(&app.keymap, app.lang, "c-a", Mode::Normal);
    assert_eq!(rows.kept, 1, "{rows:?}");
    assert!(matches!(
        &rows.rows[1],
        HelpRow::Keys { keys, .. } if keys == "C-a"
    ));
    // Nothing kept: no heading either.
    let none = help_rows(&app.keymap, app.lang, "zzzz", Mode::Normal);
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
    assert_eq!(help(&app).filter(), "quit");
    assert!(app.running);
    // Enter keeps the filter; keys move the rows again.
    run(&mut app, &[Action::Open]);
    assert_eq!(app.mode(), Mode::Help);
    assert_eq!(help(&app).filter(), "quit");
    // `/` again goes on typing the same filter.
    run(&mut app, &[Action::FilterHelp]);
    type_text(&mut app, "x");
    assert_eq!(help(&app).filter(), "quitx");
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
    assert_eq!(help(&app).scroll(), 2);
    assert_eq!(app.mode(), Mode::HelpFilter, "still typing");
}

#[test]
fn typing_a_filter_starts_the_rows_from_the_top() {
    let mut app = app();
    run(&mut app, &[Action::ToggleHelp, Action::PageDown]);
    assert!(help(&app).scroll() > 0);
    run(&mut app, &[Action::FilterHelp]);
    type_text(&mut app, "m");
    assert_eq!(help(&app).scroll(), 0);
    // A paste is made one safe line.
    run(&mut app, &[Action::Paste("ap\n\u{202E}".into())]);
    assert_eq!(help(&app).filter(), "map ");
}

/// The descriptions a filter keeps in `lang`, the help opened from the panes.
fn found(lang: Lang, filter: &str) -> Vec<String> {
    help_rows(&app().keymap, lang, filter, Mode::Normal)
        .rows
        .into_iter()
        .filter_map(|row| match row {
            HelpRow::Keys { keys, what } => Some(format!("{keys} {what}")),
            HelpRow::Note(text) => Some(text),
            HelpRow::Heading(_) => None,
        })
        .collect()
}

/// The mouse, the search history and the query syntax are in the help, and
/// its filter finds them in both languages.
#[test]
fn the_help_filter_finds_the_mouse_the_history_and_the_query_syntax() {
    for (lang, filter, expected) in [
        (
            Lang::En,
            "mouse",
            "mouse wheel scroll the pane under the pointer",
        ),
        (
            Lang::En,
            "mouse",
            "mouse click select the region under the pointer",
        ),
        (
            Lang::En,
            "history",
            "↑ on the first hit history: recall earlier searches",
        ),
        (Lang::En, "exact", "'word exact text"),
        (Lang::En, "prefix", "^word starts with (prefix)"),
        (Lang::En, "suffix", "word$ ends with (suffix)"),
        (
            Lang::En,
            "exclude",
            "!word exclude: without this exact text",
        ),
        (Lang::En, "AND", "a b space: every term (AND)"),
        (Lang::En, "geonames", "Coordinates © GeoNames"),
        (Lang::Fr, "souris", "clic de souris choisir une ligne"),
        (Lang::Fr, "souris", "molette de souris faire défiler"),
        (
            Lang::Fr,
            "historique",
            "↑ sur le 1er résultat historique : rappeler",
        ),
        (Lang::Fr, "exact", "'mot texte exact"),
        (Lang::Fr, "prefixe", "^mot commence par (préfixe)"),
        (Lang::Fr, "geonames", "géographie de fond, pas la lettre"),
    ] {
        let rows = found(lang, filter);
        assert!(
            rows.iter().any(|r| r.contains(expected)),
            "{lang:?} /{filter}: no {expected:?} in {rows:#?}"
        );
    }
}

/// The section of the place the help is opened from comes first, and a key
/// that several places share is listed once.
#[test]
fn the_help_starts_where_it_was_opened_and_lists_shared_keys_once() {
    let first_heading = |actions: &[Action]| {
        let mut app = app();
        run(&mut app, actions);
        run(&mut app, &[Action::ToggleHelp]);
        let view = help(&app);
        match help_rows(&app.keymap, app.lang, "", view.opened_from())
            .rows
            .first()
        {
            Some(HelpRow::Heading(h)) => h.to_string(),
            other => panic!("{other:?}"),
        }
    };
    assert_eq!(first_heading(&[]), "Panes");
    assert_eq!(first_heading(&[Action::ToggleLetter]), "Letter");
    assert_eq!(first_heading(&[Action::ToggleMap]), "Map of the regions");
    // Esc clearing a filter keeps where the help was opened.
    let mut app = app();
    run(
        &mut app,
        &[Action::ToggleMap, Action::ToggleHelp, Action::FilterHelp],
    );
    type_text(&mut app, "zoom");
    run(&mut app, &[Action::Back]);
    assert_eq!(help(&app).opened_from(), Mode::Map);
    for lang in [Lang::En, Lang::Fr] {
        let rows = help_rows(&app.keymap, lang, "", Mode::Normal).rows;
        let keys: Vec<&HelpRow> = rows
            .iter()
            .filter(|r| matches!(r, HelpRow::Keys { .. }))
            .collect();
        for (i, row) in keys.iter().enumerate() {
            assert!(!keys[i + 1..].contains(row), "{lang:?}: {row:?} twice");
        }
        // `?`, Esc, C-c: once, under the common keys.
        let help_key = keys
            .iter()
            .filter(|r| matches!(r, HelpRow::Keys { keys, .. } if keys == "?"))
            .count();
        assert_eq!(help_key, 1, "{lang:?}");
        assert!(
            rows.len() < 90,
            "{lang:?}: {} rows, the global keys repeated?",
            rows.len()
        );
    }
}

/// Every key of the keymap, in every mode it is bound in, is in the help.
#[test]
fn every_key_of_the_keymap_is_in_the_help() {
    let app = app();
    for lang in [Lang::En, Lang::Fr] {
        let rows: Vec<(String, &str)> = help_rows(&app.keymap, lang, "", Mode::Normal)
            .rows
            .into_iter()
            .filter_map(|row| match row {
                HelpRow::Keys { keys, what } => Some((keys, what)),
                _ => None,
            })
            .collect();
        for binding in &app.keymap {
            let label = crate::keys::table::key_label(binding.key);
            // The key, beside what its action does (Enter's words depend on
            // the place).
            let what = binding.action.describe(lang);
            let shown = rows.iter().any(|(keys, w)| {
                keys.split(' ').any(|k| k == label)
                    && (*w == what || binding.action == Action::Open)
            });
            assert!(
                shown,
                "{lang:?}: {label} ({:?}) is not in the help",
                binding.action
            );
        }
    }
}
