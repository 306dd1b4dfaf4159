//! What the explorer remembers between sessions: a snapshot of the selection,
//! the history and the stars for `state.json`, and taking it back; starring.

use super::{ALL_ROW, App, Effect, Pane, STARRED_ROW, Selection, Starred, Target};
use crate::base::enum_names;
use crate::i18n::Label;
use crate::present::detail;
use crate::present::sheet;
use crate::store::state::{Star, State};

/// How `state.json` names the regions pane's two rows that are not regions.
const STARRED: &str = "starred";
const ALL: &str = "all";

/// A starred target as `state.json` stores it.
fn to_star(target: &Target) -> Option<Star> {
    serde_json::from_value(serde_json::to_value(target).ok()?).ok()
}

/// The target a stored star names, if this build knows its kind.
fn from_star(star: &Star) -> Option<Target> {
    serde_json::from_value(serde_json::to_value(star).ok()?).ok()
}

impl App {
    /// `T`: the next theme, said in the status bar and remembered.
    pub(super) fn cycle_theme(&mut self, effects: &mut Vec<Effect>) {
        self.theme = self.theme.next();
        self.theme_chosen = true;
        let name = crate::base::enum_names::name_of(&self.theme).unwrap_or_default();
        let lang = self.lang;
        self.notify(lang.labelled(lang.word(Label::ThemeWord), name), false);
        effects.push(Effect::Save(self.snapshot()));
    }

    pub(super) fn toggle_star(&mut self, effects: &mut Vec<Effect>) {
        let Some(target) = self.current_target() else {
            self.nothing_selected();
            return;
        };
        let lang = self.lang;
        match self.starred.iter().position(|s| s.target == target) {
            Some(i) => {
                let star = self.starred.remove(i);
                let said = lang.labelled(lang.word(Label::StarRemoved), star.title);
                self.notify(said, false);
            }
            None => {
                if let Some(star) = self.starred_entry(target) {
                    let said = lang.labelled(lang.word(Label::StarAdded), &star.title);
                    self.starred.push(star);
                    self.notify(said, false);
                }
            }
        }
        self.order_stars();
        let rows = self.rows(Pane::Organisations);
        self.panes.clamp_organisation(rows);
        effects.push(Effect::Save(self.snapshot()));
    }

    /// Puts the starred entries in the letter's order, wherever they are
    /// listed, whatever the order they were starred in.
    fn order_stars(&mut self) {
        let order = sheet::letter_order(&self.data, self.starred.iter().map(|s| &s.target));
        self.starred
            .sort_by_key(|s| order.iter().position(|t| *t == s.target));
    }

    /// True when `target` is starred.
    pub(crate) fn is_starred(&self, target: &Target) -> bool {
        self.starred.iter().any(|s| &s.target == target)
    }

    /// `target` with its title, if this dataset has it.
    pub(super) fn starred_entry(&self, target: Target) -> Option<Starred> {
        let title = detail::detail(&self.data, &target, self.lang)?.title;
        Some(Starred { target, title })
    }

    /// What the app remembers between sessions.
    pub(crate) fn snapshot(&self) -> State {
        let region = match self.selected(Pane::Regions) {
            STARRED_ROW => Some(STARRED.to_string()),
            ALL_ROW => Some(ALL.to_string()),
            _ => self.region_code().map(str::to_string),
        };
        State {
            focus: enum_names::name_of(&self.focus()),
            region,
            organisation: match self.target(Pane::Organisations) {
                Some(Target::Organisation(id)) => Some(id),
                _ => None,
            },
            city: match self.target(Pane::Headcounts) {
                Some(Target::City(id)) => Some(id),
                _ => None,
            },
            history: self.history.clone(),
            starred: self
                .starred
                .iter()
                .filter_map(|s| to_star(&s.target))
                .collect(),
            theme: self
                .theme_chosen
                .then(|| enum_names::name_of(&self.theme))
                .flatten(),
            ..State::default()
        }
    }

    /// Takes back what a previous session remembered; ids that this dataset does
    /// not have are ignored.
    pub fn restore(&mut self, state: &State) {
        self.history = state.history.clone();
        if let Some(theme) = state.theme.as_deref().and_then(enum_names::from_name) {
            self.theme = theme;
            self.theme_chosen = true;
        }
        self.starred = state
            .starred
            .iter()
            .filter_map(from_star)
            .filter_map(|t| self.starred_entry(t))
            .collect();
        self.order_stars();
        let row = match state.region.as_deref() {
            Some(STARRED) => Some(STARRED_ROW),
            Some(ALL) | None => Some(ALL_ROW),
            Some(code) => Selection::region_row(&self.data, code),
        };
        self.select_region(row.unwrap_or(ALL_ROW));
        if let Some(id) = &state.organisation {
            self.panes.reselect_organisation(&self.data, id);
        }
        if let Some(id) = &state.city
            && let Some(i) = self.data.cities.iter().position(|c| c.id == *id)
        {
            self.set_selected(Pane::Headcounts, i);
        }
        if let Some(pane) = state
            .focus
            .as_deref()
            .and_then(enum_names::from_name::<Pane>)
        {
            self.panes.focus_on(pane);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stars_keep_their_stored_form() {
        let star = to_star(&Target::Organisation("safima".into())).expect("star");
        assert_eq!(
            (star.kind.as_str(), star.id.as_str()),
            ("organisation", "safima")
        );
        assert_eq!(
            from_star(&star),
            Some(Target::Organisation("safima".into()))
        );
        let unknown = Star {
            kind: "planet".into(),
            id: "mars".into(),
        };
        assert_eq!(from_star(&unknown), None);
    }
}
