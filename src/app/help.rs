//! The help overlay: its rows, made from the keymap, and the filter that `/`
//! types into, as lazygit's help has. Rendering only draws what is kept here.

use super::{Action, App, Overlay};
use crate::i18n::Lang;
use crate::keys::table::{Binding, Mode, keys_by_action};

/// The help overlay's state: how far it is scrolled and what filters its rows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HelpView {
    pub scroll: usize,
    /// The text typed after `/`; empty shows every row.
    pub filter: String,
    /// Whether keys type into the filter (after `/`, until Enter or Esc).
    pub typing: bool,
}

impl HelpView {
    /// Whether a filter is shown on the border: one is typed or being typed.
    pub fn filtering(&self) -> bool {
        self.typing || !self.filter.is_empty()
    }
}

/// One row of the help: a heading naming a mode, or the keys of an action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpRow {
    Heading(&'static str),
    Keys { keys: String, what: &'static str },
}

/// The rows a filter keeps, and how many key rows there are in all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpRows {
    pub rows: Vec<HelpRow>,
    /// Key rows kept, headings not counted.
    pub kept: usize,
    pub total: usize,
}

/// The modes the help lists, in order, with their headings.
fn sections(lang: Lang) -> [(Mode, &'static str); 5] {
    let s = lang.strings();
    [
        (Mode::Normal, s.mode_normal),
        (Mode::Search, s.mode_search),
        (Mode::Detail, s.mode_detail),
        (Mode::Letter, s.mode_letter),
        (Mode::Map, lang.map_strings().title),
    ]
}

/// What an action does in a mode, as the help says it: Enter's meaning
/// depends on where it is pressed.
fn describe(action: &Action, mode: Mode, lang: Lang) -> &'static str {
    let name = match mode {
        Mode::Normal => "normal",
        Mode::Search => "search",
        Mode::Detail => "detail",
        Mode::Map => "map",
        Mode::CopyMenu => "copy_menu",
        _ => "",
    };
    match action {
        Action::Open => crate::i18n::enter_text(name, lang).unwrap_or(action.describe(lang)),
        _ => action.describe(lang),
    }
}

/// The help's rows for a keymap, kept by `filter`: a key row stays when its
/// keys or its description hold the filter, accents and case ignored; a
/// heading stays when one of its rows does.
pub fn help_rows(keymap: &[Binding], lang: Lang, filter: &str) -> HelpRows {
    let wanted = crate::search::fold_accents(filter.trim());
    let mut rows = Vec::new();
    let (mut kept, mut total) = (0, 0);
    for (mode, heading) in sections(lang) {
        let mut section = Vec::new();
        for (action, keys) in keys_by_action(keymap, mode) {
            total += 1;
            let keys = keys.join(" ");
            let what = describe(&action, mode, lang);
            let matches = wanted.is_empty()
                || crate::search::fold_accents(&keys).contains(&wanted)
                || crate::search::fold_accents(what).contains(&wanted);
            if matches {
                section.push(HelpRow::Keys { keys, what });
            }
        }
        if section.is_empty() {
            continue;
        }
        kept += section.len();
        if !rows.is_empty() {
            rows.push(HelpRow::Heading(""));
        }
        rows.push(HelpRow::Heading(heading));
        rows.extend(section);
    }
    HelpRows { rows, kept, total }
}

impl App {
    /// The help overlay, if it is open.
    pub fn open_help(&self) -> Option<&HelpView> {
        match &self.overlay {
            Overlay::Help(view) => Some(view),
            _ => None,
        }
    }

    /// Whether keys type into the help's filter.
    pub(super) fn help_filter_open(&self) -> bool {
        self.open_help().is_some_and(|v| v.typing)
    }

    /// `/` in the help: type into its filter, keeping what is typed already.
    pub(super) fn start_help_filter(&mut self) {
        if let Overlay::Help(view) = &mut self.overlay {
            view.typing = true;
        }
    }

    /// Changes the filter being typed; the rows start from the top again.
    pub(super) fn edit_help_filter(&mut self, edit: impl FnOnce(&mut String)) {
        if let Overlay::Help(view) = &mut self.overlay {
            edit(&mut view.filter);
            view.scroll = 0;
        }
    }

    /// Enter while filtering: the filter stays, the keys move the rows again.
    pub(super) fn confirm_help_filter(&mut self) {
        if let Overlay::Help(view) = &mut self.overlay {
            view.typing = false;
        }
    }

    /// Esc in the help: a filter is cleared first; without one, the help closes.
    pub(super) fn back_from_help(&mut self) {
        match &mut self.overlay {
            Overlay::Help(view) if view.filtering() => *view = HelpView::default(),
            _ => self.overlay = Overlay::None,
        }
    }
}
