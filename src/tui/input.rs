//! Terminal events to actions: one pure function, `(mode, event) -> Action`, that
//! the event loop and the property tests share. Keys are read from the keymap;
//! clicks and the wheel from where the last frame drew each pane.

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

use crate::app::{Action, App};
use crate::keys::table::{self, Binding, Key, Mode};
use crate::ui::UiState;

/// Rows the mouse wheel scrolls at a time.
const WHEEL_ROWS: i32 = 3;

/// The action for a terminal event, if it asks for one. `now` is the time of
/// the event in milliseconds on the loop's clock, given to clicks so that
/// `update` tells a double-click from two clicks and stays a pure function.
pub fn action(event: &Event, app: &App, ui: &UiState, now: u64) -> Option<Action> {
    match event {
        Event::Key(key) => key_action(app.keymap(), app.mode(), key),
        Event::Paste(text) => Some(Action::Paste(text.clone())),
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::Down(MouseButton::Left) if app.mode() == crate::app::Mode::Map => {
                map_click(app, ui, mouse.column, mouse.row)
            }
            MouseEventKind::Down(MouseButton::Left) => match ui.hit(mouse.column, mouse.row) {
                Some((pane, Some(row))) if row < app.rows(pane) => {
                    Some(Action::Select(pane, row, now))
                }
                Some((pane, _)) => Some(Action::Focus(pane)),
                None => None,
            },
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
                let rows = if mouse.kind == MouseEventKind::ScrollDown {
                    WHEEL_ROWS
                } else {
                    -WHEEL_ROWS
                };
                Some(Action::Scroll(
                    ui.hit(mouse.column, mouse.row).map(|h| h.0),
                    rows,
                ))
            }
            _ => None,
        },
        Event::FocusGained | Event::FocusLost => None,
    }
}

/// A click on the map: the dataset's region under it, if any.
fn map_click(app: &App, ui: &UiState, x: u16, y: u16) -> Option<Action> {
    let geo = crate::data::geo::quebec()?;
    let code = &geo.regions.get(ui.map_hit(x, y)?)?.code;
    let region = app.data().regions.iter().position(|r| &r.code == code)?;
    Some(Action::SelectMapRegion(region))
}

/// The action for a key press in a mode. Every modifier but Shift is compared:
/// Alt-j is not j. In the search box, the letter's search and the help's
/// filter, a printable
/// character with no modifier that the table does not bind is typed.
pub(crate) fn key_action(bindings: &[Binding], mode: Mode, event: &KeyEvent) -> Option<Action> {
    if event.kind != KeyEventKind::Press {
        return None;
    }
    let key = as_key(event);
    if let Some(action) = table::lookup(bindings, mode, key) {
        return Some(action);
    }
    match (mode, key.code) {
        (Mode::Search | Mode::LetterSearch | Mode::HelpFilter, KeyCode::Char(c))
            if key.modifiers.is_empty() && !c.is_control() =>
        {
            Some(Action::Input(c))
        }
        _ => None,
    }
}

/// The key as the table names it. Terminals report a shifted letter as the
/// upper-case letter, some with SHIFT set, and Shift-Tab as `BackTab`: Shift is
/// already in the code there, so it is dropped.
fn as_key(event: &KeyEvent) -> Key {
    let mut modifiers = event.modifiers;
    if matches!(event.code, KeyCode::Char(_) | KeyCode::BackTab) {
        modifiers.remove(KeyModifiers::SHIFT);
    }
    Key {
        code: event.code,
        modifiers,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keys::table::bindings;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn keys_map_to_actions_by_mode() {
        let table = bindings();
        let none = KeyModifiers::NONE;
        let ctrl = KeyModifiers::CONTROL;
        let cases = [
            (
                Mode::Normal,
                press(KeyCode::Char('q'), none),
                Some(Action::Quit),
            ),
            (
                Mode::Search,
                press(KeyCode::Char('q'), none),
                Some(Action::Input('q')),
            ),
            (
                Mode::Search,
                press(KeyCode::Char('é'), none),
                Some(Action::Input('é')),
            ),
            (
                Mode::Normal,
                press(KeyCode::Char('c'), ctrl),
                Some(Action::Quit),
            ),
            (
                Mode::Search,
                press(KeyCode::Char('c'), ctrl),
                Some(Action::Quit),
            ),
            (
                Mode::Normal,
                press(KeyCode::Char('j'), none),
                Some(Action::Down),
            ),
            (
                Mode::Search,
                press(KeyCode::Char('j'), none),
                Some(Action::Input('j')),
            ),
            (Mode::Search, press(KeyCode::Down, none), Some(Action::Down)),
            (
                Mode::Normal,
                press(KeyCode::Char('G'), KeyModifiers::SHIFT),
                Some(Action::Last),
            ),
            (
                Mode::Normal,
                press(KeyCode::Char('L'), KeyModifiers::SHIFT),
                Some(Action::ToggleLanguage),
            ),
            (
                Mode::Normal,
                press(KeyCode::BackTab, KeyModifiers::SHIFT),
                Some(Action::PreviousPane),
            ),
            (
                Mode::Normal,
                press(KeyCode::Char('3'), none),
                Some(Action::FocusHeadcounts),
            ),
            (Mode::Normal, press(KeyCode::Char('z'), none), None),
            (Mode::Search, press(KeyCode::Char('x'), ctrl), None),
            (
                Mode::Help,
                press(KeyCode::Char('?'), none),
                Some(Action::ToggleHelp),
            ),
        ];
        for (mode, event, want) in cases {
            assert_eq!(key_action(&table, mode, &event), want, "{mode:?} {event:?}");
        }
    }

    #[test]
    fn every_modifier_but_shift_is_compared() {
        let table = bindings();
        let alt = KeyModifiers::ALT;
        // `ESC j` read at once is decoded as Alt-j: it must not move the selection.
        for mode in [Mode::Normal, Mode::Detail, Mode::Letter] {
            assert_eq!(
                key_action(&table, mode, &press(KeyCode::Char('j'), alt)),
                None
            );
        }
        assert_eq!(
            key_action(&table, Mode::Search, &press(KeyCode::Char('j'), alt)),
            None,
            "Alt-j types nothing"
        );
        assert_eq!(
            key_action(
                &table,
                Mode::Normal,
                &press(KeyCode::Char('c'), KeyModifiers::CONTROL | alt)
            ),
            None,
            "Ctrl-Alt-c is not Ctrl-c"
        );
        assert_eq!(
            key_action(&table, Mode::Normal, &press(KeyCode::Down, alt)),
            None
        );
        assert_eq!(
            key_action(
                &table,
                Mode::Normal,
                &press(KeyCode::Down, KeyModifiers::SHIFT)
            ),
            None,
            "Shift-↓ is not ↓"
        );
    }

    #[test]
    fn only_presses_count() {
        let table = bindings();
        let mut release = press(KeyCode::Char('q'), KeyModifiers::NONE);
        release.kind = KeyEventKind::Release;
        assert_eq!(key_action(&table, Mode::Normal, &release), None);
    }

    #[test]
    fn a_config_binding_with_alt_is_honoured() {
        let mut table = bindings();
        let problems = table::apply_overrides(&mut table, &[("down".into(), vec!["alt-n".into()])]);
        assert!(problems.is_empty(), "{problems:?}");
        let alt_n = press(KeyCode::Char('n'), KeyModifiers::ALT);
        assert_eq!(key_action(&table, Mode::Normal, &alt_n), Some(Action::Down));
        let n = press(KeyCode::Char('n'), KeyModifiers::NONE);
        assert_eq!(key_action(&table, Mode::Normal, &n), None);
    }

    #[test]
    fn the_help_s_filter_types_q_and_slash_starts_it() {
        let table = bindings();
        let none = KeyModifiers::NONE;
        assert_eq!(
            key_action(&table, Mode::HelpFilter, &press(KeyCode::Char('q'), none)),
            Some(Action::Input('q'))
        );
        assert_eq!(
            key_action(&table, Mode::Help, &press(KeyCode::Char('/'), none)),
            Some(Action::FilterHelp)
        );
    }

    #[test]
    fn typing_in_search_does_not_trigger_commands() {
        let loaded = crate::data::load(None).expect("embedded");
        let mut app = App::new(loaded.dataset, loaded.origin, crate::i18n::Lang::En);
        app.update(Action::OpenSearch);
        for c in "qjkdLy?/".chars() {
            let event = Event::Key(press(KeyCode::Char(c), KeyModifiers::NONE));
            let action = action(&event, &app, &UiState::default(), 0).expect("typed");
            app.update(action);
        }
        assert!(app.running());
        match app.overlay() {
            crate::app::Overlay::Search(sb) => assert_eq!(sb.input(), "qjkdLy?/"),
            _ => panic!("search closed"),
        }
    }

    #[test]
    fn numbers_choose_a_format_in_the_copy_menu_and_focus_panes_elsewhere() {
        let table = bindings();
        let three = press(KeyCode::Char('3'), KeyModifiers::NONE);
        assert_eq!(
            key_action(&table, Mode::CopyMenu, &three),
            Some(Action::CopyChoice(2))
        );
        assert_eq!(
            key_action(&table, Mode::Normal, &three),
            Some(Action::FocusHeadcounts)
        );
    }
}
