//! The way back: the places the user came through to where they are, newest
//! last, each with what it takes to show it again as it was left.

use super::{HelpView, LetterView, MapView, Pane, Target};

/// The most places kept; past it, the oldest is forgotten.
pub(crate) const DEPTH: usize = 50;

/// The main panes as they were left: the focus and each pane's selection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Panes {
    pub focus: Pane,
    pub region: usize,
    pub organisation: usize,
    pub city: usize,
    pub article: usize,
    pub funding: usize,
}

/// A place to come back to.
#[derive(Debug, Clone)]
pub(crate) enum Place {
    Panes(Panes),
    /// An entry's detail with its highlighted link or source line.
    Detail {
        target: Target,
        link: usize,
        source: Option<usize>,
    },
    /// The letter, scrolled and searched as it was.
    Letter(LetterView),
    Map(MapView),
    /// The search box: its query and the highlighted hit, found again.
    Search {
        query: String,
        selected: usize,
    },
    Help(HelpView),
}

/// The places behind the current one, the most recent last.
#[derive(Debug, Default)]
pub(crate) struct History {
    places: Vec<Place>,
}

impl History {
    /// Remembers `place` as the one to come back to next.
    pub(crate) fn push(&mut self, place: Place) {
        if self.places.len() == DEPTH {
            self.places.remove(0);
        }
        self.places.push(place);
    }

    /// The place to go back to, forgotten as it is taken.
    pub(crate) fn pop(&mut self) -> Option<Place> {
        self.places.pop()
    }

    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.places.len()
    }

    #[cfg(test)]
    pub(crate) fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    /// The path to the current place: the places since the main panes were
    /// last left, oldest first. Going back along it ends on the panes.
    pub(crate) fn path(&self) -> &[Place] {
        let start = self
            .places
            .iter()
            .rposition(|p| matches!(p, Place::Panes(_)))
            .map_or(0, |i| i + 1);
        &self.places[start..]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn panes(region: usize) -> Place {
        Place::Panes(Panes {
            focus: Pane::Regions,
            region,
            organisation: 0,
            city: 0,
            article: 0,
            funding: 0,
        })
    }

    fn detail(id: &str) -> Place {
        Place::Detail {
            target: Target::Organisation(id.into()),
            link: 0,
            source: None,
        }
    }

    fn id(place: Option<Place>) -> Option<String> {
        match place {
            Some(Place::Detail { target, .. }) => Some(target.id().to_string()),
            Some(Place::Panes(p)) => Some(format!("panes {}", p.region)),
            Some(other) => Some(format!("{other:?}")),
            None => None,
        }
    }

    #[test]
    fn goes_back_in_the_reverse_order_of_coming() {
        let mut history = History::default();
        history.push(panes(3));
        history.push(detail("a"));
        history.push(detail("b"));
        assert_eq!(history.len(), 3);
        assert_eq!(id(history.pop()).as_deref(), Some("b"));
        assert_eq!(id(history.pop()).as_deref(), Some("a"));
        assert_eq!(id(history.pop()).as_deref(), Some("panes 3"));
        assert_eq!(id(history.pop()), None);
        assert!(history.is_empty());
    }

    #[test]
    fn forgets_the_oldest_place_past_its_depth() {
        let mut history = History::default();
        for n in 0..DEPTH + 5 {
            history.push(detail(&n.to_string()));
        }
        assert_eq!(history.len(), DEPTH);
        assert_eq!(id(history.pop()), Some((DEPTH + 4).to_string()));
        let mut last = None;
        while let Some(place) = history.pop() {
            last = Some(place);
        }
        assert_eq!(id(last), Some("5".to_string()), "the first five are gone");
    }

    #[test]
    fn the_path_starts_after_the_panes_last_left() {
        let mut history = History::default();
        assert!(history.path().is_empty());
        history.push(detail("before"));
        assert_eq!(history.path().len(), 1, "no panes: the whole history");
        history.push(panes(1));
        assert!(history.path().is_empty());
        history.push(detail("a"));
        history.push(detail("b"));
        let path: Vec<_> = history.path().iter().cloned().map(Some).map(id).collect();
        assert_eq!(path, [Some("a".to_string()), Some("b".to_string())]);
    }
}
