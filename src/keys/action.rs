//! What a user can ask of the explorer: `Action`, the rows of the key table and
//! of `[keys]` in the config, and the panes it names.

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

/// A pane of the main screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Pane {
    Regions,
    Organisations,
    Headcounts,
    Articles,
    /// The letter's table of additional funding.
    Funding,
}

impl Pane {
    pub const ALL: [Pane; 5] = [
        Pane::Regions,
        Pane::Organisations,
        Pane::Headcounts,
        Pane::Articles,
        Pane::Funding,
    ];

    pub(crate) fn next(self) -> Pane {
        Pane::ALL[(self.position() + 1) % Pane::ALL.len()]
    }

    pub(crate) fn previous(self) -> Pane {
        Pane::ALL[(self.position() + Pane::ALL.len() - 1) % Pane::ALL.len()]
    }

    /// Position in `Pane::ALL`, also the number shown in the pane's title minus one.
    pub(crate) fn position(self) -> usize {
        Pane::ALL.iter().position(|&p| p == self).unwrap_or(0)
    }
}

/// One thing a user asks for, by key, mouse or paste. `App::update` is the only
/// place it takes effect. The unit variants are the actions a config can bind:
/// their `[keys]` names are their serde names. Variants that carry what the
/// user typed or where they clicked are skipped: no config names them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Leave the explorer.
    Quit,
    /// Give the terminal back to the shell and stop, as Ctrl-Z does elsewhere;
    /// `fg` comes back.
    Suspend,
    /// Clear what is typed or filtered, else go back to the previous place.
    Back,
    /// Focus the next pane.
    NextPane,
    /// Focus the previous pane.
    PreviousPane,
    /// Focus the regions pane.
    FocusRegions,
    /// Focus the organisations pane.
    FocusOrganisations,
    /// Focus the headcounts pane.
    FocusHeadcounts,
    /// Focus the articles pane.
    FocusArticles,
    /// Focus the funding pane.
    FocusFunding,
    /// Move the selection up one row.
    Up,
    /// Move the selection down one row.
    Down,
    /// Move the selection up one page.
    PageUp,
    /// Move the selection down one page.
    PageDown,
    /// Go to the first row.
    First,
    /// Go to the last row.
    Last,
    /// Move focus left, between organisations and regions.
    Left,
    /// Move focus right, between regions and organisations.
    Right,
    /// Open the detail of the selection, or follow the highlighted link.
    Open,
    /// Open the fuzzy search over every entry.
    #[serde(rename = "search")]
    OpenSearch,
    /// Search the letter, accents and case ignored.
    #[serde(rename = "find")]
    FindInLetter,
    /// In the help, filter its rows by key or description.
    FilterHelp,
    /// Go to the next place the letter's search is found.
    NextMatch,
    /// Go to the previous place the letter's search is found.
    PreviousMatch,
    /// Copy the selected entry to the clipboard.
    Copy,
    /// Copy every hit of the search box, as a list with the citation.
    CopyHits,
    /// Open the menu of copy formats.
    #[serde(rename = "copy_menu")]
    OpenCopyMenu,
    /// Copy the quote sheet: every starred entry, in the letter's order, each
    /// with its citation, in the format chosen from the copy menu.
    CopyStarred,
    /// Star or unstar the selected entry.
    #[serde(rename = "star")]
    ToggleStar,
    /// Switch the interface between French and English.
    #[serde(rename = "language")]
    ToggleLanguage,
    /// Switch to the next theme: dark, light, mono; remembered.
    #[serde(rename = "theme")]
    CycleTheme,
    /// Show or hide the keys.
    #[serde(rename = "help")]
    ToggleHelp,
    /// Show or hide the letter.
    #[serde(rename = "letter")]
    ToggleLetter,
    /// Show or hide the map of Québec's regions.
    #[serde(rename = "map")]
    ToggleMap,
    /// On the map, colour the regions by the next measure.
    #[serde(rename = "map_measure")]
    CycleMeasure,
    /// On the map, show or hide the names of the cities.
    #[serde(rename = "city_labels")]
    ToggleCityLabels,
    /// On the map, show a smaller area, larger.
    ZoomIn,
    /// On the map, show a larger area, smaller.
    ZoomOut,
    /// On the map, show the Montréal–Québec corridor, or the whole province again.
    #[serde(rename = "zoom_corridor")]
    ZoomCorridor,
    /// On the map, hide the side panel (legend and figures) to give the map
    /// the room, or show it again.
    #[serde(rename = "map_panel")]
    ToggleMapPanel,
    /// Delete the character before the cursor in the search box.
    DeleteBack,
    /// Delete the word before the cursor in the search box.
    DeleteWord,
    /// Clear the search box.
    ClearInput,
    /// In the copy menu, copy in the format with this position.
    #[serde(skip)]
    CopyChoice(usize),
    /// Type a character into the search box.
    #[serde(skip)]
    Input(char),
    /// Paste text into the search box.
    #[serde(skip)]
    Paste(String),
    /// Focus a pane (a mouse click on it).
    #[serde(skip)]
    Focus(Pane),
    /// Select a row of a pane (a mouse click), at a time in milliseconds on
    /// the event loop's clock: a second click on the same row soon after
    /// opens its detail.
    #[serde(skip)]
    Select(Pane, usize, u64),
    /// Scroll a pane or overlay by a number of rows (the mouse wheel).
    #[serde(skip)]
    Scroll(Option<Pane>, i32),
    /// Select a region of the map (a click), by its index in the dataset's regions.
    #[serde(skip)]
    SelectMapRegion(usize),
    /// Set the interface language.
    #[serde(skip)]
    SetLanguage(Lang),
    /// The terminal now has this many columns and rows.
    #[serde(skip)]
    Resize(u16, u16),
}

impl Action {
    /// The action a config names, if it names one a config may bind.
    pub(crate) fn from_name(name: &str) -> Option<Action> {
        crate::base::enum_names::from_name(name)
    }

    /// The name a config gives this action (`quit`, `copy_menu`), or the
    /// variant's own name, in snake case, for those a config cannot bind.
    pub(crate) fn name(&self) -> String {
        match crate::base::enum_names::name_of(self) {
            Some(name) => name,
            None => match self {
                Action::CopyChoice(_) => "copy_choice",
                Action::Input(_) => "input",
                Action::Paste(_) => "paste",
                Action::Focus(_) => "focus",
                Action::Select(..) => "select",
                Action::Scroll(..) => "scroll",
                Action::SetLanguage(_) => "set_language",
                Action::SelectMapRegion(_) => "select_map_region",
                _ => "resize",
            }
            .to_string(),
        }
    }

    /// The line shown in the help overlay and the status bar, in the interface
    /// language.
    pub fn describe(&self, lang: Lang) -> &'static str {
        crate::i18n::action_text(&self.name(), lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_names_come_from_serde_and_round_trip() {
        for (name, action) in [
            ("quit", Action::Quit),
            ("suspend", Action::Suspend),
            ("next_pane", Action::NextPane),
            ("focus_headcounts", Action::FocusHeadcounts),
            ("page_down", Action::PageDown),
            ("search", Action::OpenSearch),
            ("copy_menu", Action::OpenCopyMenu),
            ("star", Action::ToggleStar),
            ("language", Action::ToggleLanguage),
            ("help", Action::ToggleHelp),
            ("letter", Action::ToggleLetter),
            ("find", Action::FindInLetter),
            ("next_match", Action::NextMatch),
            ("previous_match", Action::PreviousMatch),
            ("copy_hits", Action::CopyHits),
        ] {
            assert_eq!(Action::from_name(name), Some(action.clone()), "{name}");
            assert_eq!(action.name(), name);
        }
        for name in ["input", "paste", "resize", "select", "fly", "Quit", ""] {
            assert_eq!(Action::from_name(name), None, "{name}");
        }
        assert_eq!(Action::Input('x').name(), "input");
    }
}
