//! The help overlay: its rows, made from the keymap, and the filter that `/`
//! types into, as lazygit's help has. Rendering only draws what is kept here;
//! the view changes itself, and [`App`] routes the help's keys to it.

use super::{Action, App, Effect, Overlay};
use crate::i18n::{Label, Lang, MapWord};
use crate::keys::table::{Binding, Mode, keys_by_action};

/// Upper bound for the help overlay's scroll; rendering clamps to what it drew.
const HELP_LINES: usize = 256;

/// The help overlay's state: how far it is scrolled, what filters its rows,
/// and where it was opened, whose keys it lists first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpView {
    scroll: usize,
    /// The text typed after `/`; empty shows every row.
    filter: String,
    /// Whether keys type into the filter (after `/`, until Enter or Esc).
    typing: bool,
    /// The mode the help was opened from.
    from: Mode,
}

impl Default for HelpView {
    fn default() -> HelpView {
        HelpView::from(Mode::Normal)
    }
}

impl HelpView {
    /// The help opened from `mode`.
    pub(crate) fn from(mode: Mode) -> HelpView {
        HelpView {
            scroll: 0,
            filter: String::new(),
            typing: false,
            from: mode,
        }
    }

    /// The first line on screen, before rendering clamps it.
    pub fn scroll(&self) -> usize {
        self.scroll
    }

    /// The text typed after `/`.
    pub(crate) fn filter(&self) -> &str {
        &self.filter
    }

    /// Whether keys type into the filter.
    pub(crate) fn typing(&self) -> bool {
        self.typing
    }

    /// The mode the help was opened from.
    #[cfg(test)]
    pub(crate) fn opened_from(&self) -> Mode {
        self.from
    }

    /// Whether a filter is shown on the border: one is typed or being typed.
    pub(crate) fn filtering(&self) -> bool {
        self.typing || !self.filter.is_empty()
    }

    /// The rows the help shows for `keymap`, kept by its filter.
    pub(crate) fn rows(&self, keymap: &[Binding], lang: Lang) -> HelpRows {
        help_rows(keymap, lang, &self.filter, self.from)
    }

    /// Scrolls by `delta` lines.
    pub(super) fn scroll_by(&mut self, delta: isize) {
        self.scroll = super::step(self.scroll, delta, HELP_LINES);
    }

    /// `/`: type into the filter, keeping what is typed already.
    fn start_filter(&mut self) {
        self.typing = true;
    }

    /// Changes the filter being typed; the rows start from the top again.
    fn edit_filter(&mut self, edit: impl FnOnce(&mut String)) {
        edit(&mut self.filter);
        self.scroll = 0;
    }

    /// Enter while filtering: the filter stays, the keys move the rows again.
    fn confirm_filter(&mut self) {
        self.typing = false;
    }

    /// Esc while filtering: every row again, from the top.
    pub(super) fn clear_filter(&mut self) {
        *self = HelpView::from(self.from);
    }
}

/// One row of the help: a heading, the keys of an action (or a gesture, a
/// query's syntax), or a note (the map's credits).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpRow {
    Heading(&'static str),
    Keys { keys: String, what: &'static str },
    Note(String),
}

/// The rows a filter keeps, and how many key rows there are in all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpRows {
    pub rows: Vec<HelpRow>,
    /// Key rows and notes kept, headings not counted.
    pub kept: usize,
    pub total: usize,
}

/// The modes the help lists, in order, with their headings and the names
/// `i18n` gives them.
fn sections(lang: Lang) -> [(Mode, &'static str, &'static str); 10] {
    [
        (Mode::Normal, lang.word(Label::ModeNormal), "normal"),
        (Mode::Search, lang.word(Label::ModeSearch), "search"),
        (Mode::Detail, lang.word(Label::ModeDetail), "detail"),
        (Mode::Letter, lang.word(Label::ModeLetter), "letter"),
        (
            Mode::LetterSearch,
            lang.word(Label::ModeLetterSearch),
            "letter_search",
        ),
        (Mode::Map, lang.word(MapWord::Title), "map"),
        (Mode::CopyMenu, lang.word(Label::ModeCopyMenu), "copy_menu"),
        (Mode::CopyText, lang.word(Label::ModeCopyText), "copy_text"),
        (Mode::Help, lang.word(Label::ModeHelp), "help"),
        (
            Mode::HelpFilter,
            lang.word(Label::ModeHelpFilter),
            "help_filter",
        ),
    ]
}

/// What an action does in a mode, as the help says it: Enter's meaning
/// depends on where it is pressed.
fn describe(action: &Action, mode: &str, lang: Lang) -> &'static str {
    match action {
        Action::Open => crate::i18n::enter_text(mode, lang).unwrap_or(action.describe(lang)),
        _ => action.describe(lang),
    }
}

/// The keys of one mode, one by one with what each does: its keymap's, then
/// the mouse, the history and the query syntax.
fn mode_keys(
    keymap: &[Binding],
    mode: Mode,
    name: &str,
    lang: Lang,
) -> Vec<(String, &'static str)> {
    let mut keys: Vec<(String, &'static str)> = keys_by_action(keymap, mode)
        .into_iter()
        .flat_map(|(action, keys)| {
            let what = describe(&action, name, lang);
            keys.into_iter().map(move |key| (key, what))
        })
        .collect();
    keys.extend(
        crate::i18n::help_extras(name, lang)
            .into_iter()
            .map(|(key, what)| (key.to_string(), what)),
    );
    keys
}

/// Keys that do the same thing on one row, in the order they come.
fn grouped(keys: Vec<(String, &'static str)>) -> Vec<(String, &'static str)> {
    let mut rows: Vec<(String, &'static str)> = Vec::new();
    for (key, what) in keys {
        match rows.iter_mut().find(|(_, w)| *w == what) {
            Some((keys, _)) => {
                keys.push(' ');
                keys.push_str(&key);
            }
            None => rows.push((key, what)),
        }
    }
    rows
}

/// The map's whole credits: that the geography is not the letter's, and
/// each source's attribution.
fn credits(lang: Lang) -> Option<String> {
    let geo = crate::data::geo::quebec()?;
    Some(format!(
        "{} {} {}",
        lang.word(MapWord::Background),
        crate::base::escape::line(&geo.regions_source.attribution),
        crate::base::escape::line(&geo.cities_source.attribution)
    ))
}

/// The help's rows for a keymap, opened from `from`, kept by `filter`. The
/// section of the mode it was opened from comes first; a row that several
/// sections share is listed once, under the common keys, next; then the
/// other sections and the map's credits. A row stays when its keys or its
/// description hold the filter, accents and case ignored; a heading stays
/// when one of its rows does.
pub(crate) fn help_rows(keymap: &[Binding], lang: Lang, filter: &str, from: Mode) -> HelpRows {
    let wanted = crate::search::fold_accents(filter.trim());
    let holds =
        |text: &str| wanted.is_empty() || crate::search::fold_accents(text).contains(&wanted);
    let mut sections: Vec<(&'static str, Vec<(String, &'static str)>)> = {
        let mut all = sections(lang).to_vec();
        // Where the help was opened, first.
        all.sort_by_key(|(mode, _, _)| *mode != from);
        all.into_iter()
            .map(|(mode, heading, name)| (heading, mode_keys(keymap, mode, name, lang)))
            .collect()
    };
    // A key that does the same in two sections or more is listed once.
    let mut common: Vec<(String, &'static str)> = Vec::new();
    for (i, (_, keys)) in sections.iter().enumerate() {
        for key in keys {
            let shared = sections[i + 1..]
                .iter()
                .any(|(_, other)| other.contains(key));
            if shared && !common.contains(key) {
                common.push(key.clone());
            }
        }
    }
    for (_, keys) in &mut sections {
        keys.retain(|key| !common.contains(key));
    }
    let common_at = usize::from(!sections.is_empty());
    sections.insert(common_at, (lang.word(Label::ModeCommon), common));
    let mut out = Vec::new();
    let (mut kept, mut total) = (0, 0);
    let push = |heading: &'static str, rows: Vec<HelpRow>, out: &mut Vec<HelpRow>| {
        if rows.is_empty() {
            return;
        }
        if !out.is_empty() {
            out.push(HelpRow::Heading(""));
        }
        out.push(HelpRow::Heading(heading));
        out.extend(rows);
    };
    for (heading, keys) in sections {
        let rows = grouped(keys);
        total += rows.len();
        let rows: Vec<HelpRow> = rows
            .into_iter()
            .filter(|(keys, what)| holds(keys) || holds(what))
            .map(|(keys, what)| HelpRow::Keys { keys, what })
            .collect();
        kept += rows.len();
        push(heading, rows, &mut out);
    }
    if let Some(text) = credits(lang) {
        total += 1;
        let heading = lang.word(MapWord::CreditsHeading);
        if holds(&text) || holds(heading) {
            kept += 1;
            push(heading, vec![HelpRow::Note(text)], &mut out);
        }
    }
    HelpRows {
        rows: out,
        kept,
        total,
    }
}

impl App {
    /// `?`: the help, or back from it to where it was opened.
    pub(super) fn toggle_help(&mut self, effects: &mut Vec<Effect>) {
        match self.overlay {
            Overlay::Help(_) => self.go_back(effects),
            _ => self.go_to(Overlay::Help(HelpView::from(self.mode()))),
        }
    }

    /// The help overlay, if it is open.
    pub(crate) fn open_help(&self) -> Option<&HelpView> {
        match &self.overlay {
            Overlay::Help(view) => Some(view),
            _ => None,
        }
    }

    /// Whether keys type into the help's filter.
    pub(super) fn help_filter_open(&self) -> bool {
        self.open_help().is_some_and(HelpView::typing)
    }

    /// `/` in the help: type into its filter.
    pub(super) fn start_help_filter(&mut self) {
        if let Overlay::Help(view) = &mut self.overlay {
            view.start_filter();
        }
    }

    /// Changes the help's filter, if it is open.
    pub(super) fn edit_help_filter(&mut self, edit: impl FnOnce(&mut String)) {
        if let Overlay::Help(view) = &mut self.overlay {
            view.edit_filter(edit);
        }
    }

    /// Enter in the help: the filter stays, the keys move the rows again.
    pub(super) fn confirm_help_filter(&mut self) {
        if let Overlay::Help(view) = &mut self.overlay {
            view.confirm_filter();
        }
    }
}
