//! Going somewhere and back: what is remembered of the place left when the
//! user opens something, how it is shown again on `Esc` or `Backspace`, and
//! the path of places the overlays' titles show.

use super::history::Place;
use super::{App, Effect, Overlay, SearchBox, Target};
use crate::i18n::{Label, Message, Text};

impl App {
    /// Clears what is typed or filtered, else goes back one place.
    pub(super) fn back(&mut self, effects: &mut Vec<Effect>) {
        if self.clear_search(effects) {
            return;
        }
        match &mut self.overlay {
            Overlay::Letter(view) if view.typing() => self.cancel_letter_search(),
            Overlay::Help(view) if view.filtering() => view.clear_filter(),
            _ => self.go_back(effects),
        }
    }

    /// Where the user is, as a place to come back to. The copy menu and the
    /// text that could not be copied are passed through, never returned to.
    pub(super) fn place(&self) -> Option<Place> {
        Some(match &self.overlay {
            Overlay::None => Place::Panes(self.panes.place()),
            Overlay::Detail(view) => Place::Detail {
                target: view.target().clone(),
                link: view.link(),
                source: view.source(),
            },
            Overlay::Letter(view) => Place::Letter(view.without_prompt()),
            Overlay::Map(view) => Place::Map(view.clone()),
            Overlay::Search(sb) => Place::Search {
                query: sb.input().to_string(),
                selected: sb.selected(),
            },
            Overlay::Help(view) => Place::Help(view.clone()),
            Overlay::CopyMenu { .. } | Overlay::CopyText { .. } => return None,
        })
    }

    /// Remembers the current place, to come back to from where the user goes.
    pub(super) fn leave(&mut self) {
        if let Some(place) = self.place() {
            self.places.push(place);
        }
    }

    /// Opens `overlay`, remembering the place it covers.
    pub(super) fn go_to(&mut self, overlay: Overlay) {
        self.leave();
        self.overlay = overlay;
    }

    /// Back one place. From the first place an overlay closes, as `Esc`
    /// always did, and the panes stay as they are.
    pub(super) fn go_back(&mut self, effects: &mut Vec<Effect>) {
        while let Some(place) = self.places.pop() {
            if self.return_to(place, effects) {
                return;
            }
        }
        self.overlay = Overlay::None;
    }

    /// Shows `place` again; false if it cannot be (an entry no longer found).
    fn return_to(&mut self, place: Place, effects: &mut Vec<Effect>) -> bool {
        match place {
            Place::Panes(p) => {
                self.overlay = Overlay::None;
                let (panes, lists) = self.panes_mut();
                panes.return_to(lists, p);
            }
            Place::Detail {
                target,
                link,
                source,
            } => {
                let Some(view) = self.detail_returned_to(target, link, source) else {
                    return false;
                };
                self.overlay = Overlay::Detail(view);
            }
            Place::Letter(view) => self.overlay = Overlay::Letter(view),
            Place::Map(view) => self.overlay = Overlay::Map(view),
            Place::Search { query, selected } => {
                self.overlay = Overlay::Search(SearchBox::returned_to(query, selected));
                self.refresh_search(effects);
            }
            Place::Help(view) => self.overlay = Overlay::Help(view),
        }
        true
    }

    /// The path to the current place, for the overlay's title: a short name
    /// for each place since the main panes, oldest first, the current one
    /// left out (its overlay titles itself).
    pub(crate) fn breadcrumbs(&self) -> Vec<String> {
        self.places
            .path()
            .iter()
            .filter_map(|place| self.crumb(place))
            .collect()
    }

    fn crumb(&self, place: &Place) -> Option<String> {
        let text = match place {
            Place::Panes(_) => return None,
            Place::Detail { target, .. } => self.short_title(target),
            Place::Letter(view) => match view.ocr_line(self.letter(), true) {
                Some(line) => Message::new(Text::CrumbLetterAt)
                    .with("line", line)
                    .describe(self.lang),
                None => Message::new(Text::CrumbLetter).describe(self.lang),
            },
            Place::Map(_) => Message::new(Text::CrumbMap).describe(self.lang),
            Place::Search { query, .. } => format!("/{query}"),
            Place::Help(_) => format!("? {}", self.lang.word(Label::HelpTitle)),
        };
        Some(crate::base::escape::line(&text).into_owned())
    }

    /// An entry's name as a breadcrumb says it: an organisation by its
    /// acronym when it has one.
    fn short_title(&self, target: &Target) -> String {
        let data = &self.data;
        let found = match target {
            Target::Region(code) => data.region(code).map(|r| r.name.clone()),
            Target::Organisation(id) => data
                .organisation(id)
                .map(|o| o.acronym.clone().unwrap_or_else(|| o.name.clone())),
            Target::City(id) => data
                .cities
                .iter()
                .find(|c| &c.id == id)
                .map(|c| c.name.clone()),
            Target::Funding(id) => data
                .funding
                .iter()
                .find(|f| &f.id == id)
                .map(|f| f.organisation.clone()),
            Target::Article(number) => Some(
                Message::new(Text::CrumbArticle)
                    .with("number", number)
                    .describe(self.lang),
            ),
        };
        found.unwrap_or_else(|| target.id().to_string())
    }
}
