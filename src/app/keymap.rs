//! The one table of keys: `(mode, key) -> Action`. Key handling, the help overlay
//! and the status-bar hints all read it; no other code names a key.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::{Action, Pane};

/// What has the keyboard: the main panes or one of the overlays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    Normal,
    Search,
    Detail,
    Letter,
    Help,
    /// Choosing a copy format.
    CopyMenu,
    /// Showing text that could not be copied, to select by hand.
    CopyText,
}

/// A key as the table names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

const fn key(code: KeyCode) -> Key {
    Key { code, ctrl: false }
}

const fn ch(c: char) -> Key {
    key(KeyCode::Char(c))
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: true,
    }
}

/// One row of the keymap. `hint` rows also appear in the status bar.
#[derive(Debug, Clone)]
pub struct Binding {
    pub modes: &'static [Mode],
    pub key: Key,
    pub action: Action,
    pub hint: bool,
}

use Mode::{CopyMenu, CopyText, Detail, Help, Letter, Normal, Search};

const ALL: &[Mode] = &[Normal, Search, Detail, Letter, Help, CopyMenu, CopyText];
const BROWSE: &[Mode] = &[Normal, Detail, Letter, Help, CopyMenu, CopyText];
const LISTS: &[Mode] = &[Normal, Search, Detail, Letter, Help, CopyMenu, CopyText];
const OPEN: &[Mode] = &[Normal, Search, Detail, CopyMenu];
const NORMAL: &[Mode] = &[Normal];
const SEARCH: &[Mode] = &[Search];
const NOT_SEARCH: &[Mode] = &[Normal, Detail, Letter, Help];
const COPY_FROM: &[Mode] = &[Normal, Detail];
const OPEN_BROWSE: &[Mode] = &[Normal, Detail, CopyMenu];

/// The same modes without the search box, whose keys type text and stay as they are.
fn without_search(modes: &'static [Mode]) -> &'static [Mode] {
    if !modes.contains(&Search) {
        modes
    } else if modes == OPEN {
        OPEN_BROWSE
    } else if modes == SEARCH {
        &[]
    } else {
        BROWSE
    }
}

fn b(modes: &'static [Mode], key: Key, action: Action, hint: bool) -> Binding {
    Binding {
        modes,
        key,
        action,
        hint,
    }
}

/// The keymap, in the order the help overlay lists it.
pub fn bindings() -> Vec<Binding> {
    use KeyCode::*;
    vec![
        b(NOT_SEARCH, ch('?'), Action::ToggleHelp, true),
        b(BROWSE, ch('q'), Action::Quit, true),
        b(ALL, ctrl('c'), Action::Quit, false),
        b(ALL, key(Esc), Action::Back, true),
        b(NORMAL, key(Tab), Action::NextPane, true),
        b(NORMAL, key(BackTab), Action::PreviousPane, false),
        b(NORMAL, ch('1'), Action::Focus(Pane::Regions), false),
        b(NORMAL, ch('2'), Action::Focus(Pane::Organisations), false),
        b(NORMAL, ch('3'), Action::Focus(Pane::Headcounts), false),
        b(NORMAL, ch('4'), Action::Focus(Pane::Articles), false),
        b(LISTS, key(Up), Action::Up, false),
        b(BROWSE, ch('k'), Action::Up, false),
        b(LISTS, key(Down), Action::Down, false),
        b(BROWSE, ch('j'), Action::Down, true),
        b(LISTS, key(PageUp), Action::PageUp, false),
        b(LISTS, key(PageDown), Action::PageDown, false),
        b(LISTS, key(Home), Action::First, false),
        b(BROWSE, ch('g'), Action::First, false),
        b(LISTS, key(End), Action::Last, false),
        b(BROWSE, ch('G'), Action::Last, false),
        b(NORMAL, key(KeyCode::Left), Action::Left, false),
        b(NORMAL, ch('h'), Action::Left, false),
        b(NORMAL, key(KeyCode::Right), Action::Right, false),
        b(NORMAL, ch('l'), Action::Right, false),
        b(OPEN, key(Enter), Action::Open, true),
        b(NOT_SEARCH, ch('/'), Action::OpenSearch, true),
        b(COPY_FROM, ch('y'), Action::Copy, true),
        b(COPY_FROM, ch('Y'), Action::OpenCopyMenu, false),
        b(COPY_FROM, ch('s'), Action::ToggleStar, false),
        b(SEARCH, ctrl('y'), Action::Copy, true),
        b(NOT_SEARCH, ch('d'), Action::ToggleLetter, true),
        b(NOT_SEARCH, ch('L'), Action::ToggleLanguage, true),
        b(SEARCH, key(Backspace), Action::DeleteBack, false),
        b(SEARCH, ctrl('w'), Action::DeleteWord, false),
        b(SEARCH, ctrl('u'), Action::ClearInput, true),
        b(&[CopyMenu], ch('1'), Action::CopyChoice(0), false),
        b(&[CopyMenu], ch('2'), Action::CopyChoice(1), false),
        b(&[CopyMenu], ch('3'), Action::CopyChoice(2), false),
        b(SEARCH, ctrl('p'), Action::Up, false),
        b(SEARCH, ctrl('n'), Action::Down, false),
    ]
}

/// Names of the actions a config may rebind, as `[keys]` writes them.
pub const ACTION_NAMES: &[(&str, Action)] = &[
    ("quit", Action::Quit),
    ("back", Action::Back),
    ("next_pane", Action::NextPane),
    ("previous_pane", Action::PreviousPane),
    ("focus_regions", Action::Focus(Pane::Regions)),
    ("focus_organisations", Action::Focus(Pane::Organisations)),
    ("focus_headcounts", Action::Focus(Pane::Headcounts)),
    ("focus_articles", Action::Focus(Pane::Articles)),
    ("up", Action::Up),
    ("down", Action::Down),
    ("page_up", Action::PageUp),
    ("page_down", Action::PageDown),
    ("first", Action::First),
    ("last", Action::Last),
    ("left", Action::Left),
    ("right", Action::Right),
    ("open", Action::Open),
    ("search", Action::OpenSearch),
    ("copy", Action::Copy),
    ("copy_menu", Action::OpenCopyMenu),
    ("star", Action::ToggleStar),
    ("language", Action::ToggleLanguage),
    ("help", Action::ToggleHelp),
    ("letter", Action::ToggleLetter),
];

/// Reads a key as a config writes it: `x`, `X`, `ctrl-x` (or `c-x`), or a name
/// such as `esc`, `enter`, `pagedown`, `f5`.
pub fn parse_key(text: &str) -> Option<Key> {
    let lower = text.trim().to_ascii_lowercase();
    if let Some(rest) = lower
        .strip_prefix("ctrl-")
        .or_else(|| lower.strip_prefix("c-"))
    {
        let mut chars = rest.chars();
        return match (chars.next(), chars.next()) {
            (Some(c), None) => Some(ctrl(c)),
            _ => None,
        };
    }
    let mut chars = text.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return Some(ch(c));
    }
    let code = match lower.as_str() {
        "esc" | "escape" => KeyCode::Esc,
        "enter" | "return" => KeyCode::Enter,
        "tab" => KeyCode::Tab,
        "backtab" | "shift-tab" => KeyCode::BackTab,
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "pageup" | "pgup" => KeyCode::PageUp,
        "pagedown" | "pgdn" => KeyCode::PageDown,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "backspace" => KeyCode::Backspace,
        "space" => KeyCode::Char(' '),
        f if f.starts_with('f') => {
            KeyCode::F(f[1..].parse().ok().filter(|n| (1..=12).contains(n))?)
        }
        _ => return None,
    };
    Some(key(code))
}

fn action_name(action: &Action) -> &'static str {
    ACTION_NAMES
        .iter()
        .find(|(_, a)| a == action)
        .map_or("?", |(n, _)| n)
}

/// Applies `[keys]` from the config: each named action gets exactly the keys
/// given, in the modes where it was bound. Returns a warning for each unknown
/// action or key, and for each key then bound to two actions in one mode (the
/// config's binding wins).
pub fn apply_overrides(
    table: &mut Vec<Binding>,
    overrides: &[(String, Vec<String>)],
) -> Vec<String> {
    let mut warnings = Vec::new();
    let mut added: Vec<Binding> = Vec::new();
    for (name, keys) in overrides {
        let Some((_, action)) = ACTION_NAMES.iter().find(|(n, _)| n == name) else {
            warnings.push(format!("[keys] unknown action \"{name}\""));
            continue;
        };
        let modes = table
            .iter()
            .find(|b| b.action == *action && !without_search(b.modes).is_empty())
            .map_or(NORMAL, |b| without_search(b.modes));
        let hint = table.iter().any(|b| b.action == *action && b.hint);
        // The action keeps its keys in the search box only; Ctrl-C always quits.
        for b in table
            .iter_mut()
            .filter(|b| b.action == *action && b.key != ctrl('c'))
        {
            b.modes = if b.modes.contains(&Search) {
                SEARCH
            } else {
                &[]
            };
        }
        table.retain(|b| !b.modes.is_empty());
        for text in keys {
            match parse_key(text) {
                Some(k) => added.push(Binding {
                    modes,
                    key: k,
                    action: action.clone(),
                    hint,
                }),
                None => warnings.push(format!("[keys] {name}: unknown key \"{text}\"")),
            }
        }
    }
    // Earlier rows win in `action_for`, so the config's keys go first. A key
    // bound to two actions in a mode is reported once, naming the one that
    // wins, and the losing row is dropped so that the help shows only keys
    // that work.
    let from_config = added.len();
    let mut kept: Vec<Binding> = Vec::with_capacity(added.len() + table.len());
    // How many of `kept` came from the config.
    let mut kept_from_config = 0;
    for (row, binding) in added.into_iter().chain(table.drain(..)).enumerate() {
        if row == from_config {
            kept_from_config = kept.len();
        }
        let winner = kept.iter().position(|k| {
            k.key == binding.key && binding.modes.iter().any(|m| k.modes.contains(m))
        });
        let config_involved = |w: usize| row < from_config || w < kept_from_config;
        match winner {
            None => kept.push(binding),
            Some(w) => {
                let winner = &kept[w];
                if winner.action != binding.action && config_involved(w) {
                    let message = format!(
                        "[keys] {} is bound to both {} and {}; {} wins",
                        key_label(binding.key),
                        action_name(&winner.action),
                        action_name(&binding.action),
                        action_name(&winner.action),
                    );
                    if !warnings.contains(&message) {
                        warnings.push(message);
                    }
                }
                // Kept only for the modes where the key is still free.
                let free = binding.modes.iter().any(|m| {
                    !kept
                        .iter()
                        .any(|k| k.key == binding.key && k.modes.contains(m))
                });
                if free {
                    kept.push(binding);
                }
            }
        }
    }
    *table = kept;
    warnings
}

/// The action for a key press in a mode. In the search box, a printable
/// character the table does not bind is typed.
pub fn action_for(bindings: &[Binding], mode: Mode, event: KeyEvent) -> Option<Action> {
    let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
    // Terminals report Shift-letters as the upper-case letter, some with SHIFT set:
    // the table names the letter, so SHIFT is not compared.
    let code = event.code;
    let found = bindings
        .iter()
        .find(|b| b.modes.contains(&mode) && b.key.code == code && b.key.ctrl == ctrl)
        .map(|b| b.action.clone());
    if found.is_some() {
        return found;
    }
    match (mode, code) {
        (Mode::Search, KeyCode::Char(c)) if !ctrl && !c.is_control() => Some(Action::Input(c)),
        _ => None,
    }
}

/// How a key is written in the help overlay and the status bar.
pub fn key_label(key: Key) -> String {
    let name = match key.code {
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "S-Tab".into(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        KeyCode::Backspace => "Bksp".into(),
        KeyCode::F(n) => format!("F{n}"),
        other => format!("{other:?}"),
    };
    if key.ctrl { format!("C-{name}") } else { name }
}

/// Keys bound to each action in a mode, in table order, for the help overlay.
pub fn keys_by_action(bindings: &[Binding], mode: Mode) -> Vec<(Action, Vec<String>)> {
    let mut out: Vec<(Action, Vec<String>)> = Vec::new();
    for binding in bindings.iter().filter(|b| b.modes.contains(&mode)) {
        let label = key_label(binding.key);
        match out.iter_mut().find(|(a, _)| *a == binding.action) {
            Some((_, keys)) => keys.push(label),
            None => out.push((binding.action.clone(), vec![label])),
        }
    }
    out
}

/// The status-bar hints of a mode: `(keys, action)` for the rows marked `hint`.
pub fn hints(bindings: &[Binding], mode: Mode) -> Vec<(String, Action)> {
    bindings
        .iter()
        .filter(|b| b.hint && b.modes.contains(&mode))
        .map(|b| (key_label(b.key), b.action.clone()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn keys_map_to_actions_by_mode() {
        let table = bindings();
        let none = KeyModifiers::NONE;
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
                press(KeyCode::Char('c'), KeyModifiers::CONTROL),
                Some(Action::Quit),
            ),
            (
                Mode::Search,
                press(KeyCode::Char('c'), KeyModifiers::CONTROL),
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
                press(KeyCode::Char('3'), none),
                Some(Action::Focus(Pane::Headcounts)),
            ),
            (Mode::Normal, press(KeyCode::Char('z'), none), None),
            (
                Mode::Search,
                press(KeyCode::Char('x'), KeyModifiers::CONTROL),
                None,
            ),
            (
                Mode::Help,
                press(KeyCode::Char('?'), none),
                Some(Action::ToggleHelp),
            ),
        ];
        for (mode, event, want) in cases {
            assert_eq!(action_for(&table, mode, event), want, "{mode:?} {event:?}");
        }
    }

    #[test]
    fn no_key_is_bound_twice_in_a_mode() {
        let table = bindings();
        for mode in [
            Mode::Normal,
            Mode::Search,
            Mode::Detail,
            Mode::Letter,
            Mode::Help,
        ] {
            let keys: Vec<Key> = table
                .iter()
                .filter(|b| b.modes.contains(&mode))
                .map(|b| b.key)
                .collect();
            for (i, k) in keys.iter().enumerate() {
                assert!(!keys[i + 1..].contains(k), "{mode:?}: {k:?} bound twice");
            }
        }
    }

    #[test]
    fn config_overrides_rebind_and_report() {
        let mut table = bindings();
        let overrides = vec![
            ("quit".to_string(), vec!["x".to_string()]),
            (
                "down".to_string(),
                vec!["n".to_string(), "ctrl-j".to_string(), "f5".to_string()],
            ),
            ("search".to_string(), vec!["j".to_string()]),
            ("fly".to_string(), vec!["z".to_string()]),
            ("help".to_string(), vec!["nope-key".to_string()]),
        ];
        let warnings = apply_overrides(&mut table, &overrides);
        let press = |c: KeyCode, m: KeyModifiers| KeyEvent::new(c, m);
        let none = KeyModifiers::NONE;
        let at = |t: &[Binding], e| action_for(t, Mode::Normal, e);
        assert_eq!(
            at(&table, press(KeyCode::Char('x'), none)),
            Some(Action::Quit)
        );
        assert_eq!(
            at(&table, press(KeyCode::Char('q'), none)),
            None,
            "q no longer quits"
        );
        assert_eq!(
            at(&table, press(KeyCode::Char('j'), KeyModifiers::CONTROL)),
            Some(Action::Down)
        );
        assert_eq!(at(&table, press(KeyCode::F(5), none)), Some(Action::Down));
        assert_eq!(
            at(&table, press(KeyCode::Char('j'), none)),
            Some(Action::OpenSearch)
        );
        assert_eq!(
            action_for(&table, Mode::Search, press(KeyCode::Down, none)),
            Some(Action::Down),
            "search keeps ↓"
        );
        assert_eq!(
            action_for(
                &table,
                Mode::Normal,
                press(KeyCode::Char('c'), KeyModifiers::CONTROL)
            ),
            Some(Action::Quit),
            "C-c still quits"
        );
        assert!(
            warnings
                .iter()
                .any(|w| w.contains("unknown action \"fly\"")),
            "{warnings:?}"
        );
        assert!(
            warnings
                .iter()
                .any(|w| w.contains("unknown key \"nope-key\"")),
            "{warnings:?}"
        );
        assert!(
            !warnings.iter().any(|w| w.contains("j is bound")),
            "down lost j: {warnings:?}"
        );
        let help = keys_by_action(&table, Mode::Normal);
        let down = help.iter().find(|(a, _)| *a == Action::Down).expect("down");
        assert_eq!(down.1, ["n", "C-j", "F5"]);
    }

    #[test]
    fn a_key_bound_twice_is_reported() {
        let mut table = bindings();
        let overrides = vec![("quit".to_string(), vec!["j".to_string()])];
        let warnings = apply_overrides(&mut table, &overrides);
        assert_eq!(
            warnings,
            ["[keys] j is bound to both quit and down; quit wins"]
        );
        assert_eq!(
            action_for(
                &table,
                Mode::Normal,
                KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE)
            ),
            Some(Action::Quit)
        );
    }

    #[test]
    fn two_actions_on_one_key_are_reported_once_and_the_help_shows_the_winner() {
        let mut table = bindings();
        let overrides = vec![
            ("down".to_string(), vec!["x".to_string()]),
            ("quit".to_string(), vec!["x".to_string()]),
        ];
        let warnings = apply_overrides(&mut table, &overrides);
        assert_eq!(
            warnings,
            ["[keys] x is bound to both down and quit; down wins"]
        );
        let x = KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE);
        assert_eq!(action_for(&table, Mode::Normal, x), Some(Action::Down));
        let help = keys_by_action(&table, Mode::Normal);
        let keys = |action: Action| {
            help.iter()
                .find(|(a, _)| *a == action)
                .map(|(_, k)| k.clone())
                .unwrap_or_default()
        };
        assert_eq!(keys(Action::Quit), ["C-c"], "x does not quit");
        assert!(keys(Action::Down).contains(&"x".to_string()));
    }

    #[test]
    fn help_and_hints_come_from_the_table() {
        let table = bindings();
        let help = keys_by_action(&table, Mode::Normal);
        let down = help.iter().find(|(a, _)| *a == Action::Down).expect("down");
        assert_eq!(down.1, ["↓", "j"]);
        let hints = hints(&table, Mode::Search);
        assert!(
            hints
                .iter()
                .any(|(k, a)| k == "C-u" && *a == Action::ClearInput)
        );
    }
}
