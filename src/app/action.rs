//! Everything a user can ask of the explorer, as plain values.

use crate::i18n::Lang;

/// A pane of the main screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Pane {
    Regions,
    Organisations,
    Headcounts,
    Articles,
}

impl Pane {
    pub const ALL: [Pane; 4] = [
        Pane::Regions,
        Pane::Organisations,
        Pane::Headcounts,
        Pane::Articles,
    ];

    pub fn next(self) -> Pane {
        let i = Pane::ALL.iter().position(|&p| p == self).unwrap_or(0);
        Pane::ALL[(i + 1) % Pane::ALL.len()]
    }

    pub fn previous(self) -> Pane {
        let i = Pane::ALL.iter().position(|&p| p == self).unwrap_or(0);
        Pane::ALL[(i + Pane::ALL.len() - 1) % Pane::ALL.len()]
    }
}

/// One change a user asks for. `App::update` is the only place they take effect.
/// The search index as an action carries it: two are equal when they are the
/// same index, since comparing every entry would mean nothing to a test.
#[derive(Debug, Clone)]
pub struct SharedIndex(pub std::sync::Arc<crate::search::Index>);

impl PartialEq for SharedIndex {
    fn eq(&self, other: &SharedIndex) -> bool {
        std::sync::Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Eq for SharedIndex {}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Leave the explorer.
    Quit,
    /// Close the overlay, clear the search, or go back.
    Back,
    /// Focus the next pane.
    NextPane,
    /// Focus the previous pane.
    PreviousPane,
    /// Focus one pane.
    Focus(Pane),
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
    OpenSearch,
    /// Copy the selected entry to the clipboard.
    Copy,
    /// Switch the interface between French and English.
    ToggleLanguage,
    /// Show or hide the keys.
    ToggleHelp,
    /// Show or hide the letter.
    ToggleLetter,
    /// Type a character into the search box.
    Input(char),
    /// Paste text into the search box.
    Paste(String),
    /// Delete the character before the cursor in the search box.
    DeleteBack,
    /// Delete the word before the cursor in the search box.
    DeleteWord,
    /// Clear the search box.
    ClearInput,
    /// Select a row of a pane (a mouse click).
    Select(Pane, usize),
    /// Scroll a pane or overlay by a number of rows (the mouse wheel).
    Scroll(Option<Pane>, i32),
    /// Set the interface language.
    SetLanguage(Lang),
    /// The terminal now has this many columns and rows.
    Resize(u16, u16),
    /// Open the menu of copy formats.
    OpenCopyMenu,
    /// Star or unstar the selected entry.
    ToggleStar,
    /// In the copy menu, copy in the format with this position.
    CopyChoice(usize),
    /// Show a message in the status bar (a warning when the flag is set).
    Notify(String, bool),
    /// Hits of the background search with this generation number.
    SearchResults(u64, Vec<crate::search::Hit>),
    /// The search index, built in the background for a large dataset.
    IndexReady(SharedIndex),
    /// The clipboard took the text (by this method), or could not (why); the text.
    CopyOutcome(Result<&'static str, String>, String),
}

impl Action {
    /// The line shown in the help overlay, in the interface language.
    pub fn describe(&self, lang: Lang) -> &'static str {
        let fr = lang == Lang::Fr;
        match self {
            Action::Quit => {
                if fr {
                    "quitter"
                } else {
                    "quit"
                }
            }
            Action::Back => {
                if fr {
                    "fermer, effacer, revenir"
                } else {
                    "close, clear, go back"
                }
            }
            Action::NextPane => {
                if fr {
                    "volet suivant"
                } else {
                    "next pane"
                }
            }
            Action::PreviousPane => {
                if fr {
                    "volet précédent"
                } else {
                    "previous pane"
                }
            }
            Action::Focus(Pane::Regions) => {
                if fr {
                    "régions"
                } else {
                    "regions"
                }
            }
            Action::Focus(Pane::Organisations) => {
                if fr {
                    "organismes"
                } else {
                    "organisations"
                }
            }
            Action::Focus(Pane::Headcounts) => {
                if fr {
                    "personnes accompagnées"
                } else {
                    "headcounts"
                }
            }
            Action::Focus(Pane::Articles) => {
                if fr {
                    "articles de loi"
                } else {
                    "articles"
                }
            }
            Action::Up => {
                if fr {
                    "monter"
                } else {
                    "up"
                }
            }
            Action::Down => {
                if fr {
                    "descendre"
                } else {
                    "down"
                }
            }
            Action::PageUp => {
                if fr {
                    "page précédente"
                } else {
                    "page up"
                }
            }
            Action::PageDown => {
                if fr {
                    "page suivante"
                } else {
                    "page down"
                }
            }
            Action::First => {
                if fr {
                    "début"
                } else {
                    "first"
                }
            }
            Action::Last => {
                if fr {
                    "fin"
                } else {
                    "last"
                }
            }
            Action::Left => {
                if fr {
                    "vers les régions"
                } else {
                    "to regions"
                }
            }
            Action::Right => {
                if fr {
                    "vers les organismes"
                } else {
                    "to organisations"
                }
            }
            Action::Open => {
                if fr {
                    "détail, suivre le lien"
                } else {
                    "detail, follow link"
                }
            }
            Action::OpenSearch => {
                if fr {
                    "rechercher"
                } else {
                    "search"
                }
            }
            Action::Copy => {
                if fr {
                    "copier"
                } else {
                    "copy"
                }
            }
            Action::ToggleLanguage => {
                if fr {
                    "English"
                } else {
                    "français"
                }
            }
            Action::ToggleHelp => {
                if fr {
                    "aide"
                } else {
                    "help"
                }
            }
            Action::ToggleLetter => {
                if fr {
                    "la lettre"
                } else {
                    "the letter"
                }
            }
            Action::Input(_) => {
                if fr {
                    "taper"
                } else {
                    "type"
                }
            }
            Action::Paste(_) => {
                if fr {
                    "coller"
                } else {
                    "paste"
                }
            }
            Action::DeleteBack => {
                if fr {
                    "effacer un caractère"
                } else {
                    "delete a character"
                }
            }
            Action::DeleteWord => {
                if fr {
                    "effacer un mot"
                } else {
                    "delete a word"
                }
            }
            Action::ClearInput => {
                if fr {
                    "tout effacer"
                } else {
                    "clear the query"
                }
            }
            Action::Select(..) => {
                if fr {
                    "choisir"
                } else {
                    "select"
                }
            }
            Action::Scroll(..) => {
                if fr {
                    "défiler"
                } else {
                    "scroll"
                }
            }
            Action::SetLanguage(_) => {
                if fr {
                    "langue"
                } else {
                    "language"
                }
            }
            Action::Notify(..) => "message",
            Action::IndexReady(..) => "index",
            Action::SearchResults(..) => {
                if fr {
                    "résultats"
                } else {
                    "results"
                }
            }
            Action::CopyChoice(_) => {
                if fr {
                    "copier dans ce format"
                } else {
                    "copy in this format"
                }
            }
            Action::ToggleStar => {
                if fr {
                    "étoile : garder l'entrée"
                } else {
                    "star: keep the entry"
                }
            }
            Action::OpenCopyMenu => {
                if fr {
                    "copier en texte, Markdown ou JSON"
                } else {
                    "copy as text, Markdown or JSON"
                }
            }
            Action::CopyOutcome(..) => {
                if fr {
                    "résultat de la copie"
                } else {
                    "copy result"
                }
            }
            Action::Resize(..) => {
                if fr {
                    "taille du terminal"
                } else {
                    "terminal size"
                }
            }
        }
    }
}
