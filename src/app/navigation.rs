//! Moving around: the cursor of whatever has the keyboard (an overlay's, or
//! the panes', which [`Selection`] keeps), clicks, typing and pasting into
//! whatever has the keyboard, what entry is selected, and jumps to an entry
//! from a search hit or a link.

use super::selection::{Lists, Selection};
use super::{App, COPY_FORMATS, Effect, Overlay, Pane, Target, step};

/// The longest time between the two clicks of a double-click, in milliseconds
/// (the usual default of desktops).
pub(super) const DOUBLE_CLICK_MS: u64 = 400;

impl App {
    /// What the panes list.
    pub(super) fn lists(&self) -> Lists<'_> {
        Lists {
            data: &self.data,
            starred: &self.starred,
        }
    }

    /// The panes' state to change, with what they list (borrowed apart).
    pub(super) fn panes_mut(&mut self) -> (&mut Selection, Lists<'_>) {
        let lists = Lists {
            data: &self.data,
            starred: &self.starred,
        };
        (&mut self.panes, lists)
    }

    /// The panes' state: focus, rows, the selected region's organisations.
    pub fn panes(&self) -> &Selection {
        &self.panes
    }

    /// The pane with the keyboard.
    pub(crate) fn focus(&self) -> Pane {
        self.panes.focus()
    }

    /// True when the regions pane has its "starred" row selected.
    pub fn starred_view(&self) -> bool {
        self.panes.starred_view()
    }

    /// Code of the selected region, `None` for "all regions" and "starred".
    pub fn region_code(&self) -> Option<&str> {
        self.panes.region_code(&self.data)
    }

    /// Number of rows of a pane.
    pub fn rows(&self, pane: Pane) -> usize {
        self.panes.rows(self.lists(), pane)
    }

    /// The selected row of a pane.
    pub fn selected(&self, pane: Pane) -> usize {
        self.panes.selected(pane)
    }

    /// Selects a row of the regions pane and lists its organisations.
    pub(super) fn select_region(&mut self, row: usize) {
        self.panes.select_region(&self.data, row);
    }

    pub(super) fn set_selected(&mut self, pane: Pane, row: usize) {
        let (panes, lists) = self.panes_mut();
        panes.set_selected(lists, pane, row);
    }

    /// The entry selected in a pane, if it is one ("all regions" is not).
    pub(crate) fn target(&self, pane: Pane) -> Option<Target> {
        self.panes.target(self.lists(), pane)
    }

    /// The entry an action such as copy applies to: the shown detail, the
    /// highlighted search hit, or the focused pane's selection.
    pub(crate) fn current_target(&self) -> Option<Target> {
        match &self.overlay {
            Overlay::Detail(view) => Some(view.target().clone()),
            Overlay::Search(sb) => sb.highlighted().and_then(|h| self.hit_target(h)),
            Overlay::CopyMenu {
                of: super::Copied::Entry(target),
                ..
            } => Some(target.clone()),
            Overlay::CopyMenu { .. } => None,
            _ => self.target(self.focus()),
        }
    }

    /// Selects `target` in its pane (and its region), focusing that pane.
    pub(super) fn jump_to(&mut self, target: &Target) {
        self.panes.jump_to(&self.data, target);
    }

    /// Moves the cursor of what has the keyboard: the overlay's, or the
    /// focused pane's selection.
    pub(super) fn move_by(&mut self, delta: isize, effects: &mut Vec<Effect>) {
        let regions = self.data.regions.len();
        let letter_lines = match self.overlay {
            Overlay::Letter(_) => self.letter().len(),
            _ => 0,
        };
        match &mut self.overlay {
            Overlay::Search(_) => self.move_in_search(delta, effects),
            Overlay::Detail(view) => view.move_by(delta),
            Overlay::Help(view) => view.scroll_by(delta),
            Overlay::Letter(view) => view.scroll_by(delta, letter_lines),
            Overlay::CopyMenu { selected, .. } => {
                *selected = step(*selected, delta, COPY_FORMATS.len());
            }
            Overlay::CopyText { text, scroll } => {
                *scroll = step(*scroll, delta, text.lines().count());
            }
            Overlay::Map(view) => view.move_by(delta, regions),
            Overlay::None => {
                let (panes, lists) = self.panes_mut();
                let focus = panes.focus();
                panes.move_by(lists, focus, delta);
            }
        }
    }

    /// A click on a row of a pane.
    pub(super) fn select(&mut self, pane: Pane, row: usize) {
        if matches!(self.overlay, Overlay::None) {
            self.panes.focus_on(pane);
            self.set_selected(pane, row);
        }
    }

    /// The mouse wheel: the pane under the pointer on the main screen, the
    /// overlay otherwise.
    pub(super) fn scroll(&mut self, pane: Option<Pane>, delta: isize, effects: &mut Vec<Effect>) {
        match (&self.overlay, pane) {
            (Overlay::None, Some(p)) => {
                let (panes, lists) = self.panes_mut();
                panes.move_by(lists, p, delta);
            }
            _ => self.move_by(delta, effects),
        }
    }

    /// A click on a row, `at` milliseconds on the loop's clock. The second
    /// click of a double-click (the same row, within `DOUBLE_CLICK_MS` of the
    /// first) opens its detail; a slower second click only selects.
    pub(super) fn click(&mut self, pane: Pane, row: usize, at: u64, effects: &mut Vec<Effect>) {
        let double = self.last_click.is_some_and(|(p, r, then)| {
            p == pane && r == row && at >= then && at - then <= DOUBLE_CLICK_MS
        });
        let again = double
            && matches!(self.overlay, Overlay::None)
            && self.focus() == pane
            && self.selected(pane) == row
            && row < self.rows(pane);
        self.select(pane, row);
        if again {
            // A third click starts a new double-click.
            self.last_click = None;
            self.open(effects);
        } else {
            self.last_click = Some((pane, row, at));
        }
    }

    /// Typing into the help's filter, the letter's search or the search box,
    /// whichever has the keyboard.
    pub(super) fn edit_input(&mut self, edit: impl FnOnce(&mut String), effects: &mut Vec<Effect>) {
        if self.help_filter_open() {
            self.edit_help_filter(edit);
        } else if self.letter_prompt_open() {
            self.edit_letter_search(edit);
        } else {
            self.edit_search(edit, effects);
        }
    }

    /// Pasted text, into the help's filter, the letter's search or the
    /// search box, whichever has the keyboard.
    pub(super) fn paste_input(&mut self, text: &str, effects: &mut Vec<Effect>) {
        if self.help_filter_open() {
            let line = crate::base::escape::pasted_line(text, crate::store::state::MAX_QUERY_CHARS);
            self.edit_help_filter(|s| s.push_str(&line));
        } else if self.letter_prompt_open() {
            self.paste_into_letter_search(text);
        } else {
            self.paste(text, effects);
        }
    }
}
