//! The one table of keys: `(mode, key) -> Action`. Key handling (`crate::input`),
//! the help overlay and the status-bar hints all read it; no other code names a key.

use crossterm::event::{KeyCode, KeyModifiers};

use super::action::Action;
use crate::i18n::{Message, Text};

/// What has the keyboard: the main panes or one of the overlays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    Normal,
    Search,
    Detail,
    Letter,
    /// Typing a search at the bottom of the letter.
    LetterSearch,
    Help,
    /// Typing the help's filter.
    HelpFilter,
    /// Choosing a copy format.
    CopyMenu,
    /// Showing text that could not be copied, to select by hand.
    CopyText,
    /// The map of the regions.
    Map,
}

impl Mode {
    /// Every mode, the main screen first.
    pub(crate) const ALL: [Mode; 10] = [
        Mode::Normal,
        Mode::Search,
        Mode::Detail,
        Mode::Letter,
        Mode::LetterSearch,
        Mode::Help,
        Mode::HelpFilter,
        Mode::CopyMenu,
        Mode::CopyText,
        Mode::Map,
    ];
}

/// A key as the table names it: a code and the modifiers held with it. Shift is
/// never part of it: a shifted letter is its upper-case letter, Shift-Tab is
/// `BackTab`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

const fn key(code: KeyCode) -> Key {
    Key {
        code,
        modifiers: KeyModifiers::NONE,
    }
}

const fn ch(c: char) -> Key {
    key(KeyCode::Char(c))
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        modifiers: KeyModifiers::CONTROL,
    }
}

const fn alt(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        modifiers: KeyModifiers::ALT,
    }
}

/// One row of the keymap. The status bar's hints (`super::hints`) pick their
/// keys from these rows.
#[derive(Debug, Clone)]
pub struct Binding {
    pub modes: &'static [Mode],
    pub key: Key,
    pub action: Action,
}

use Mode::{
    CopyMenu, CopyText, Detail, Help, HelpFilter, Letter, LetterSearch, Map, Normal, Search,
};

const ALL: &[Mode] = &Mode::ALL;
const BROWSE: &[Mode] = &[Normal, Detail, Letter, Help, CopyMenu, CopyText, Map];
const LISTS: &[Mode] = &[
    Normal, Search, Detail, Letter, Help, HelpFilter, CopyMenu, CopyText, Map,
];
const OPEN: &[Mode] = &[Normal, Search, Detail, CopyMenu];
const NORMAL: &[Mode] = &[Normal];
const SEARCH: &[Mode] = &[Search];
/// The modes where keys type text: the search box, the letter's search and
/// the help's filter.
const TYPING: &[Mode] = &[Search, LetterSearch, HelpFilter];
const LETTER_SEARCH: &[Mode] = &[LetterSearch];
const HELP_FILTER: &[Mode] = &[HelpFilter];
/// The filters typed over a view, which Enter ends.
const FILTERS: &[Mode] = &[LetterSearch, HelpFilter];
const SEARCH_AND_LETTER: &[Mode] = &[Search, LetterSearch];
const SEARCH_AND_HELP: &[Mode] = &[Search, HelpFilter];
const HELP: &[Mode] = &[Help];
const NOT_SEARCH: &[Mode] = &[Normal, Detail, Letter, Help, Map];
const SEARCH_FROM: &[Mode] = &[Normal, Detail];
const LETTER: &[Mode] = &[Letter];
/// The overlays a plain `q` closes: it never quits from one.
const OVERLAYS: &[Mode] = &[Detail, Letter, Help, CopyMenu, CopyText, Map];
const MAP: &[Mode] = &[Map];
const MAP_FROM: &[Mode] = &[Normal, Map];
const COPY_FROM: &[Mode] = &[Normal, Detail];
const OPEN_BROWSE: &[Mode] = &[Normal, Detail, CopyMenu];

impl Mode {
    /// Whether keys type text in this mode.
    fn types(self) -> bool {
        TYPING.contains(&self)
    }
}

/// The same modes without those that type text, whose keys stay as they are.
fn without_typing(modes: &'static [Mode]) -> &'static [Mode] {
    if !modes.iter().any(|m| m.types()) {
        modes
    } else if modes == OPEN {
        OPEN_BROWSE
    } else if modes.iter().all(|m| m.types()) {
        &[]
    } else {
        BROWSE
    }
}

/// The modes of `modes` that type text.
fn typing_part(modes: &'static [Mode]) -> &'static [Mode] {
    let has = |mode| modes.contains(&mode);
    match (has(Search), has(LetterSearch), has(HelpFilter)) {
        (true, true, true) => TYPING,
        (true, true, false) => SEARCH_AND_LETTER,
        (true, false, true) => SEARCH_AND_HELP,
        (true, false, false) => SEARCH,
        (false, true, true) => FILTERS,
        (false, true, false) => LETTER_SEARCH,
        (false, false, true) => HELP_FILTER,
        (false, false, false) => &[],
    }
}

fn b(modes: &'static [Mode], key: Key, action: Action) -> Binding {
    Binding { modes, key, action }
}

/// The keymap, in the order the help overlay lists it.
pub fn bindings() -> Vec<Binding> {
    use KeyCode::*;
    vec![
        b(NOT_SEARCH, ch('?'), Action::ToggleHelp),
        b(NORMAL, ch('q'), Action::Quit),
        b(OVERLAYS, ch('q'), Action::Back),
        b(ALL, ctrl('c'), Action::Quit),
        b(ALL, ctrl('z'), Action::Suspend),
        b(ALL, key(Esc), Action::Back),
        // Where keys type text, Backspace deletes instead.
        b(BROWSE, key(Backspace), Action::Back),
        b(NORMAL, key(Tab), Action::NextPane),
        b(NORMAL, key(BackTab), Action::PreviousPane),
        b(NORMAL, ch('1'), Action::FocusRegions),
        b(NORMAL, ch('2'), Action::FocusOrganisations),
        b(NORMAL, ch('3'), Action::FocusHeadcounts),
        b(NORMAL, ch('4'), Action::FocusArticles),
        b(NORMAL, ch('5'), Action::FocusFunding),
        b(LISTS, key(Up), Action::Up),
        b(BROWSE, ch('k'), Action::Up),
        b(LISTS, key(Down), Action::Down),
        b(BROWSE, ch('j'), Action::Down),
        b(LISTS, key(PageUp), Action::PageUp),
        b(LISTS, key(PageDown), Action::PageDown),
        b(LISTS, key(Home), Action::First),
        b(BROWSE, ch('g'), Action::First),
        b(LISTS, key(End), Action::Last),
        b(BROWSE, ch('G'), Action::Last),
        b(NORMAL, key(KeyCode::Left), Action::Left),
        b(NORMAL, ch('h'), Action::Left),
        b(NORMAL, key(KeyCode::Right), Action::Right),
        b(NORMAL, ch('l'), Action::Right),
        b(OPEN, key(Enter), Action::Open),
        // Enter ends the letter's search and keeps the help's filter.
        b(FILTERS, key(Enter), Action::Open),
        b(SEARCH_FROM, ch('/'), Action::OpenSearch),
        b(LETTER, ch('/'), Action::FindInLetter),
        b(HELP, ch('/'), Action::FilterHelp),
        b(LETTER, ch('n'), Action::NextMatch),
        b(LETTER, ch('N'), Action::PreviousMatch),
        b(COPY_FROM, ch('y'), Action::Copy),
        b(COPY_FROM, ch('Y'), Action::OpenCopyMenu),
        b(COPY_FROM, ch('s'), Action::ToggleStar),
        b(NORMAL, ch('S'), Action::CopyStarred),
        b(SEARCH, ctrl('y'), Action::Copy),
        b(SEARCH, ctrl('a'), Action::CopyHits),
        b(NOT_SEARCH, ch('d'), Action::ToggleLetter),
        b(NOT_SEARCH, ch('L'), Action::ToggleLanguage),
        b(NORMAL, ch('T'), Action::CycleTheme),
        b(TYPING, key(Backspace), Action::DeleteBack),
        b(TYPING, ctrl('w'), Action::DeleteWord),
        b(TYPING, ctrl('u'), Action::ClearInput),
        b(&[CopyMenu], ch('1'), Action::CopyChoice(0)),
        b(&[CopyMenu], ch('2'), Action::CopyChoice(1)),
        b(&[CopyMenu], ch('3'), Action::CopyChoice(2)),
        b(MAP_FROM, ch('m'), Action::ToggleMap),
        b(MAP, key(Enter), Action::Open),
        b(MAP, ch('c'), Action::CycleMeasure),
        b(MAP, ch('t'), Action::ToggleCityLabels),
        b(MAP, ch('z'), Action::ZoomCorridor),
        b(MAP, ch('+'), Action::ZoomIn),
        b(MAP, ch('='), Action::ZoomIn),
        b(MAP, ch('-'), Action::ZoomOut),
        b(MAP, ch('p'), Action::ToggleMapPanel),
        b(SEARCH, ctrl('p'), Action::Up),
        b(SEARCH, ctrl('n'), Action::Down),
    ]
}

/// Reads a key as a config writes it: `x`, `X`, `ctrl-x` (or `c-x`), `alt-x`
/// (or `a-x`), or a name such as `esc`, `enter`, `pagedown`, `f5`.
pub(crate) fn parse_key(text: &str) -> Option<Key> {
    let lower = text.trim().to_ascii_lowercase();
    let prefixed = |prefixes: [&str; 2]| {
        prefixes
            .iter()
            .find_map(|p| lower.strip_prefix(p))
            .map(|rest| {
                let mut chars = rest.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) => Some(c),
                    _ => None,
                }
            })
    };
    if let Some(c) = prefixed(["ctrl-", "c-"]) {
        return c.map(ctrl);
    }
    if let Some(c) = prefixed(["alt-", "a-"]) {
        return c.map(alt);
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

/// A `[keys]` entry that could not be applied as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyProblem {
    /// No action a config can bind has this name.
    UnknownAction(String),
    /// A key of this action's entry cannot be read: the action keeps its keys.
    UnknownKey { action: String, key: String },
    /// One key is bound to two actions in a mode; the first one wins.
    Clash {
        key: String,
        winner: String,
        loser: String,
    },
}

impl KeyProblem {
    /// The warning, to be worded in the interface language.
    pub(crate) fn message(&self) -> Message {
        match self {
            KeyProblem::UnknownAction(name) => {
                Message::new(Text::KeysUnknownAction).with("action", name)
            }
            KeyProblem::UnknownKey { action, key } => Message::new(Text::KeysUnknownKey)
                .with("action", action)
                .with("key", key),
            KeyProblem::Clash { key, winner, loser } => Message::new(Text::KeysClash)
                .with("key", key)
                .with("winner", winner)
                .with("loser", loser),
        }
    }
}

/// Applies `[keys]` from the config: each named action gets exactly the keys
/// given, in the modes where it was bound. An entry with an unknown action or
/// key changes nothing and is reported; so is each key then bound to two
/// actions in one mode (the config's binding wins).
pub(crate) fn apply_overrides(
    table: &mut Vec<Binding>,
    overrides: &[(String, Vec<String>)],
) -> Vec<KeyProblem> {
    let mut problems = Vec::new();
    let mut added: Vec<Binding> = Vec::new();
    for (name, keys) in overrides {
        match configured(table, name, keys) {
            Ok((action, bindings)) => {
                unbind(table, &action);
                added.extend(bindings);
            }
            Err(problem) => problems.push(problem),
        }
    }
    for problem in merge(table, added) {
        if !problems.contains(&problem) {
            problems.push(problem);
        }
    }
    problems
}

/// The bindings a `[keys]` entry asks for, in the modes where its action is
/// bound outside the search boxes, or why the entry cannot be applied.
fn configured(
    table: &[Binding],
    name: &str,
    keys: &[String],
) -> Result<(Action, Vec<Binding>), KeyProblem> {
    let unknown = || KeyProblem::UnknownAction(name.to_string());
    let action = Action::from_name(name).ok_or_else(unknown)?;
    let modes = table
        .iter()
        .find(|b| b.action == action && !without_typing(b.modes).is_empty())
        .map(|b| without_typing(b.modes))
        .ok_or_else(unknown)?;
    let bindings = keys
        .iter()
        .map(|text| match parse_key(text) {
            Some(key) => Ok(Binding {
                modes,
                key,
                action: action.clone(),
            }),
            None => Err(KeyProblem::UnknownKey {
                action: name.to_string(),
                key: text.clone(),
            }),
        })
        .collect::<Result<_, _>>()?;
    Ok((action, bindings))
}

/// Removes the action's keys outside the search boxes, whose keys type text
/// and stay as they are; Ctrl-C always quits.
fn unbind(table: &mut Vec<Binding>, action: &Action) {
    for b in table
        .iter_mut()
        .filter(|b| b.action == *action && b.key != ctrl('c'))
    {
        b.modes = typing_part(b.modes);
    }
    table.retain(|b| !b.modes.is_empty());
}

/// Puts the config's bindings before the table's. Earlier rows win in
/// `crate::input`, so a key bound to two actions in a mode is reported once,
/// naming the one that wins, and the losing row is dropped so that the help
/// shows only keys that work.
fn merge(table: &mut Vec<Binding>, added: Vec<Binding>) -> Vec<KeyProblem> {
    let mut problems = Vec::new();
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
        let Some(w) = winner else {
            kept.push(binding);
            continue;
        };
        let config_involved = row < from_config || w < kept_from_config;
        if kept[w].action != binding.action && config_involved {
            let problem = KeyProblem::Clash {
                key: key_label(binding.key),
                winner: kept[w].action.name(),
                loser: binding.action.name(),
            };
            if !problems.contains(&problem) {
                problems.push(problem);
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
    *table = kept;
    problems
}

/// The action bound to `key` in `mode`; the first row wins.
pub(crate) fn lookup(bindings: &[Binding], mode: Mode, key: Key) -> Option<Action> {
    bindings
        .iter()
        .find(|b| b.modes.contains(&mode) && b.key == key)
        .map(|b| b.action.clone())
}

/// How a key is written in the help overlay and the status bar.
pub(crate) fn key_label(key: Key) -> String {
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
    let mut label = String::new();
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        label.push_str("C-");
    }
    if key.modifiers.contains(KeyModifiers::ALT) {
        label.push_str("M-");
    }
    label + &name
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

#[cfg(test)]
mod tests {
    use super::*;

    fn at(table: &[Binding], mode: Mode, key: Key) -> Option<Action> {
        lookup(table, mode, key)
    }

    fn overrides(entries: &[(&str, &[&str])]) -> Vec<(String, Vec<String>)> {
        entries
            .iter()
            .map(|(a, keys)| (a.to_string(), keys.iter().map(|k| k.to_string()).collect()))
            .collect()
    }

    #[test]
    fn no_key_is_bound_twice_in_a_mode() {
        let table = bindings();
        for mode in Mode::ALL {
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
    fn every_bound_action_is_described_in_both_languages() {
        for binding in bindings() {
            for lang in [crate::i18n::Lang::Fr, crate::i18n::Lang::En] {
                assert_ne!(binding.action.describe(lang), "?", "{:?}", binding.action);
            }
        }
    }

    #[test]
    fn config_overrides_rebind_and_report() {
        let mut table = bindings();
        let problems = apply_overrides(
            &mut table,
            &overrides(&[
                ("quit", &["x"]),
                ("down", &["n", "ctrl-j", "f5"]),
                ("search", &["j"]),
                ("fly", &["z"]),
                ("help", &["nope-key"]),
            ]),
        );
        assert_eq!(at(&table, Mode::Normal, ch('x')), Some(Action::Quit));
        assert_eq!(at(&table, Mode::Normal, ch('q')), None, "q no longer quits");
        assert_eq!(at(&table, Mode::Normal, ctrl('j')), Some(Action::Down));
        assert_eq!(
            at(&table, Mode::Normal, key(KeyCode::F(5))),
            Some(Action::Down)
        );
        assert_eq!(at(&table, Mode::Normal, ch('j')), Some(Action::OpenSearch));
        assert_eq!(
            at(&table, Mode::Search, key(KeyCode::Down)),
            Some(Action::Down),
            "search keeps ↓"
        );
        assert_eq!(
            at(&table, Mode::Normal, ctrl('c')),
            Some(Action::Quit),
            "C-c still quits"
        );
        assert!(
            problems.contains(&KeyProblem::UnknownAction("fly".into())),
            "{problems:?}"
        );
        assert!(
            problems.contains(&KeyProblem::UnknownKey {
                action: "help".into(),
                key: "nope-key".into()
            }),
            "{problems:?}"
        );
        // n, given to down everywhere, is the letter's next match there.
        assert!(
            problems.contains(&KeyProblem::Clash {
                key: "n".into(),
                winner: "down".into(),
                loser: "next_match".into()
            }),
            "{problems:?}"
        );
        assert_eq!(problems.len(), 3, "down lost j silently: {problems:?}");
        let help = keys_by_action(&table, Mode::Normal);
        let down = help.iter().find(|(a, _)| *a == Action::Down).expect("down");
        assert_eq!(down.1, ["n", "C-j", "F5"]);
    }

    #[test]
    fn an_entry_that_cannot_be_read_keeps_the_default_keys() {
        let mut table = bindings();
        let problems = apply_overrides(&mut table, &overrides(&[("quit", &["qq"])]));
        assert_eq!(
            at(&table, Mode::Normal, ch('q')),
            Some(Action::Quit),
            "q still quits"
        );
        assert_eq!(
            problems,
            [KeyProblem::UnknownKey {
                action: "quit".into(),
                key: "qq".into()
            }]
        );
        let said = problems[0].message().describe(crate::i18n::Lang::En);
        assert!(
            said.contains("\"qq\"") && said.contains("default"),
            "{said}"
        );
        // One bad key among good ones: the entry is refused whole.
        let mut table = bindings();
        apply_overrides(&mut table, &overrides(&[("help", &["x", "nope"])]));
        assert_eq!(at(&table, Mode::Normal, ch('x')), None);
        assert_eq!(at(&table, Mode::Normal, ch('?')), Some(Action::ToggleHelp));
    }

    #[test]
    fn search_box_actions_are_not_configurable() {
        let mut table = bindings();
        let problems = apply_overrides(&mut table, &overrides(&[("clear_input", &["x"])]));
        assert_eq!(problems, [KeyProblem::UnknownAction("clear_input".into())]);
        assert_eq!(
            at(&table, Mode::Search, ctrl('u')),
            Some(Action::ClearInput)
        );
    }

    #[test]
    fn a_key_bound_twice_is_reported() {
        let mut table = bindings();
        let problems = apply_overrides(&mut table, &overrides(&[("quit", &["j"])]));
        assert_eq!(
            problems
                .iter()
                .map(|p| p.message().describe(crate::i18n::Lang::En))
                .collect::<Vec<_>>(),
            ["[keys] j is bound to both quit and down; quit wins"]
        );
        assert_eq!(at(&table, Mode::Normal, ch('j')), Some(Action::Quit));
    }

    #[test]
    fn two_actions_on_one_key_are_reported_once_and_the_help_shows_the_winner() {
        let mut table = bindings();
        let problems = apply_overrides(
            &mut table,
            &overrides(&[("down", &["x"]), ("quit", &["x"])]),
        );
        assert_eq!(
            problems,
            [KeyProblem::Clash {
                key: "x".into(),
                winner: "down".into(),
                loser: "quit".into()
            }]
        );
        assert_eq!(at(&table, Mode::Normal, ch('x')), Some(Action::Down));
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
    fn the_help_comes_from_the_table() {
        let table = bindings();
        let help = keys_by_action(&table, Mode::Normal);
        let down = help.iter().find(|(a, _)| *a == Action::Down).expect("down");
        assert_eq!(down.1, ["↓", "j"]);
    }

    #[test]
    fn the_letter_searches_like_a_pager_and_q_never_quits_an_overlay() {
        let table = bindings();
        assert_eq!(
            at(&table, Mode::Letter, ch('/')),
            Some(Action::FindInLetter)
        );
        assert_eq!(at(&table, Mode::Letter, ch('n')), Some(Action::NextMatch));
        assert_eq!(
            at(&table, Mode::Letter, ch('N')),
            Some(Action::PreviousMatch)
        );
        assert_eq!(at(&table, Mode::Letter, ch('g')), Some(Action::First));
        assert_eq!(at(&table, Mode::Letter, ch('G')), Some(Action::Last));
        assert_eq!(at(&table, Mode::Normal, ch('/')), Some(Action::OpenSearch));
        assert_eq!(at(&table, Mode::Normal, ch('q')), Some(Action::Quit));
        for mode in [
            Mode::Detail,
            Mode::Letter,
            Mode::Help,
            Mode::CopyMenu,
            Mode::CopyText,
        ] {
            assert_eq!(at(&table, mode, ch('q')), Some(Action::Back), "{mode:?}");
        }
        // Typing the letter's search: letters are text, Enter and Esc end it.
        for c in ['q', 'n', '/', 'd'] {
            assert_eq!(at(&table, Mode::LetterSearch, ch(c)), None, "{c}");
        }
        assert_eq!(
            at(&table, Mode::LetterSearch, key(KeyCode::Enter)),
            Some(Action::Open)
        );
        assert_eq!(
            at(&table, Mode::LetterSearch, key(KeyCode::Esc)),
            Some(Action::Back)
        );
        assert_eq!(at(&table, Mode::Search, ctrl('a')), Some(Action::CopyHits));
        // Backspace goes back wherever it does not delete what is typed.
        for mode in Mode::ALL {
            let wanted = if mode.types() {
                Action::DeleteBack
            } else {
                Action::Back
            };
            let bksp = key(KeyCode::Backspace);
            assert_eq!(at(&table, mode, bksp), Some(wanted), "{mode:?}");
        }
    }

    #[test]
    fn rebinding_keeps_the_keys_that_type_in_the_letter_search() {
        let mut table = bindings();
        let problems = apply_overrides(
            &mut table,
            &overrides(&[("back", &["x"]), ("open", &["o"]), ("find", &["f"])]),
        );
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(
            at(&table, Mode::LetterSearch, key(KeyCode::Esc)),
            Some(Action::Back)
        );
        assert_eq!(
            at(&table, Mode::LetterSearch, key(KeyCode::Enter)),
            Some(Action::Open)
        );
        assert_eq!(at(&table, Mode::LetterSearch, ch('x')), None);
        assert_eq!(at(&table, Mode::Letter, ch('x')), Some(Action::Back));
        assert_eq!(at(&table, Mode::Letter, ch('q')), None, "q was back's");
        assert_eq!(
            at(&table, Mode::Letter, ch('f')),
            Some(Action::FindInLetter)
        );
        assert_eq!(at(&table, Mode::Letter, ch('/')), None);
    }

    #[test]
    fn the_default_config_lists_exactly_the_actions_a_config_can_bind() {
        let text = crate::store::config::DEFAULT_TOML;
        let start = text.find("# Actions:").expect("an Actions line");
        let listed: Vec<String> = text[start + "# Actions:".len()..]
            .split("[keys]")
            .next()
            .unwrap_or_default()
            .replace('#', " ")
            .split([',', '.', ' ', '\n'])
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect();
        let table = bindings();
        let configurable: Vec<String> = table
            .iter()
            .filter(|b| !without_typing(b.modes).is_empty())
            .filter_map(|b| crate::base::enum_names::name_of(&b.action))
            .fold(Vec::new(), |mut all, name| {
                if !all.contains(&name) {
                    all.push(name);
                }
                all
            });
        for name in &listed {
            let entry = [(name.clone(), vec!["f12".to_string()])];
            let problems = apply_overrides(&mut bindings(), &entry);
            assert!(
                problems.is_empty(),
                "{name} listed but refused: {problems:?}"
            );
        }
        for name in &configurable {
            assert!(
                listed.contains(name),
                "{name} can be bound but is not listed"
            );
        }
    }

    #[test]
    fn keys_are_read_as_a_config_writes_them() {
        assert_eq!(parse_key("ctrl-x"), Some(ctrl('x')));
        assert_eq!(parse_key("c-x"), Some(ctrl('x')));
        assert_eq!(parse_key("alt-x"), Some(alt('x')));
        assert_eq!(parse_key("X"), Some(ch('X')));
        assert_eq!(parse_key("pagedown"), Some(key(KeyCode::PageDown)));
        assert_eq!(parse_key("f13"), None);
        assert_eq!(parse_key("qq"), None);
        assert_eq!(key_label(alt('x')), "M-x");
    }
}
