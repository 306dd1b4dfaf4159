//! The detail overlay: the entry shown, its detail, and the cursor on its
//! source lines and cross-links. The view moves its cursor itself and says
//! what `Enter` follows; [`App`] routes to it and opens what it follows.

use super::{App, Overlay, Target, step};
use crate::data::{Dataset, SourceLine};
use crate::i18n::Lang;
use crate::present::{Detail, detail};

/// The detail overlay: the entry shown, its detail, built when it is opened,
/// and the highlighted cross-link, or the highlighted source line when the
/// cursor is on one (each opens the letter there). The entries it was reached
/// from are places of the history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DetailView {
    target: Target,
    link: usize,
    source: Option<usize>,
    detail: Detail,
}

/// What `Enter` on a detail follows.
enum Followed {
    /// The letter, at the lines that show this OCR line.
    Letter(SourceLine),
    /// Another entry's detail.
    Detail(Target),
}

impl DetailView {
    /// The detail of `target` in `lang`, built now, its cursor on the first
    /// row; none if the entry is not found.
    fn new(data: &Dataset, target: Target, lang: Lang) -> Option<DetailView> {
        let detail = detail::detail(data, &target, lang)?;
        // The cross-links first, as Enter has always followed them; with
        // none, the first source line, which opens the letter.
        let source = (detail.links.is_empty() && !detail.source.is_empty()).then_some(0);
        Some(DetailView {
            target,
            link: 0,
            source,
            detail,
        })
    }

    /// The entry shown.
    pub fn target(&self) -> &Target {
        &self.target
    }

    /// The highlighted cross-link, when the cursor is on no source line.
    pub fn link(&self) -> usize {
        self.link
    }

    /// The highlighted source line, if the cursor is on one.
    pub fn source(&self) -> Option<usize> {
        self.source
    }

    /// What the detail shows.
    pub fn detail(&self) -> &Detail {
        &self.detail
    }

    /// Puts the cursor on cross-link `link` or source line `source`, as far
    /// as this detail has them.
    fn place_cursor(&mut self, link: usize, source: Option<usize>) {
        self.link = link.min(self.detail.links.len().saturating_sub(1));
        self.source = source.filter(|&s| s < self.detail.source.len());
    }

    /// Moves the cursor through the source lines, then the cross-links, in
    /// the order they are drawn.
    pub(super) fn move_by(&mut self, delta: isize) {
        let sources = self.detail.source.len();
        let rows = sources + self.detail.links.len();
        let at = self.source.unwrap_or(sources + self.link);
        let to = step(at, delta, rows);
        if to < sources {
            self.source = Some(to);
            self.link = 0;
        } else {
            self.source = None;
            self.link = to - sources;
        }
    }

    /// What `Enter` follows: the highlighted source line, else the
    /// highlighted cross-link.
    fn followed(&self) -> Option<Followed> {
        match self.source {
            Some(i) => self.detail.source.get(i).cloned().map(Followed::Letter),
            None => self
                .detail
                .links
                .get(self.link)
                .map(|(_, target)| Followed::Detail(target.clone())),
        }
    }
}

impl App {
    /// A detail overlay on `target`, its detail built now.
    pub(super) fn detail_view(&self, target: Target) -> Option<DetailView> {
        DetailView::new(&self.data, target, self.lang)
    }

    /// A detail gone back to, its cursor where it was left; none if the
    /// entry is no longer found.
    pub(super) fn detail_returned_to(
        &self,
        target: Target,
        link: usize,
        source: Option<usize>,
    ) -> Option<DetailView> {
        let mut view = self.detail_view(target)?;
        view.place_cursor(link, source);
        Some(view)
    }

    /// The detail currently open, if any.
    pub fn open_detail(&self) -> Option<&DetailView> {
        match &self.overlay {
            Overlay::Detail(view) => Some(view),
            _ => None,
        }
    }

    /// The open detail made again in the interface language, whose words
    /// its labels are, its cursor kept.
    pub(super) fn relabel_detail(&mut self) {
        if let Some(view) = self.open_detail()
            && let Some(mut fresh) = self.detail_view(view.target.clone())
        {
            fresh.link = view.link;
            fresh.source = view.source;
            self.overlay = Overlay::Detail(fresh);
        }
    }

    /// `Enter` on a detail: the letter at the highlighted source line, or
    /// the highlighted cross-link's detail.
    pub(super) fn follow_detail(&mut self) {
        match self.open_detail().and_then(DetailView::followed) {
            Some(Followed::Letter(line)) => self.open_letter_at(&line),
            Some(Followed::Detail(target)) => {
                if let Some(view) = self.detail_view(target) {
                    self.go_to(Overlay::Detail(view));
                }
            }
            None => {}
        }
    }
}
