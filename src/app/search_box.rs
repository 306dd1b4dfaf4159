//! The search box: what was typed, the hits the search thread sent back, the
//! highlighted hit, and recalling past queries with ↑. The box owns that state
//! and changes it itself; [`App`] routes its actions here and keeps what
//! several parts share (the count of searches, the history, the index).

use super::{App, Effect, Overlay, Target, step};
use crate::data::Dataset;
use crate::i18n::Lang;
use crate::present::detail::Detail;
use crate::search::{FIRST_ORDERED, Hit, Kind};

/// The search box: what was typed, its hits, and the highlighted hit.
#[derive(Debug, Default)]
pub struct SearchBox {
    input: String,
    hits: Vec<Hit>,
    selected: usize,
    /// Position in the history while recalling past queries with ↑.
    recalled: Option<usize>,
    /// Number of the latest query sent to the search thread, and whether its
    /// hits are still to come.
    generation: u64,
    pending: bool,
    /// Whether every hit is in order: a first answer with more than
    /// [`FIRST_ORDERED`] hits has only those first in order, until the same
    /// query's hits come again.
    in_order: bool,
    /// `Enter` came while hits were awaited: the first of them opens when they
    /// come, never a hit of an older query still on screen.
    open_when_ready: bool,
    /// The highlighted hit's detail for the preview, built when hits come or
    /// the highlight moves rather than at every frame: a region of a large
    /// dataset has thousands of organisations.
    preview: Option<Preview>,
    /// The hit to highlight when the hits come, for a search gone back to.
    reselect: Option<usize>,
}

/// The detail of the entry a preview was built for, in the language it was built in.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Preview {
    target: Target,
    lang: Lang,
    detail: Detail,
}

/// Deletes the word before the cursor, and the spaces after it.
pub(super) fn delete_word(s: &mut String) {
    let trimmed = s.trim_end().len();
    s.truncate(trimmed);
    let cut = s.rfind(' ').map_or(0, |i| i + 1);
    s.truncate(cut);
}

impl SearchBox {
    /// A search gone back to: its query, searched again, and the hit that
    /// was highlighted, highlighted again when the hits come.
    pub(super) fn returned_to(query: String, selected: usize) -> SearchBox {
        SearchBox {
            input: query,
            reselect: Some(selected),
            ..SearchBox::default()
        }
    }

    /// What is typed.
    pub fn input(&self) -> &str {
        &self.input
    }

    /// The hits of the latest query answered.
    pub fn hits(&self) -> &[Hit] {
        &self.hits
    }

    /// Whether every hit is in order, not only the first [`FIRST_ORDERED`].
    pub(crate) fn in_order(&self) -> bool {
        self.in_order
    }

    /// The row of the highlighted hit.
    pub fn selected(&self) -> usize {
        self.selected
    }

    /// The highlighted hit, if there are hits.
    pub(crate) fn highlighted(&self) -> Option<Hit> {
        self.hits.get(self.selected).copied()
    }

    /// Whether the hits of the latest query are still to come.
    pub fn pending(&self) -> bool {
        self.pending
    }

    /// Number of the latest query sent to the search thread.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Whether the first hit opens when the hits come.
    #[cfg(test)]
    pub(crate) fn opens_when_ready(&self) -> bool {
        self.open_when_ready
    }

    /// The entry the preview was last built for.
    #[cfg(test)]
    pub(crate) fn preview_target(&self) -> Option<&Target> {
        self.preview.as_ref().map(|p| &p.target)
    }

    /// The preview's detail, if it was built for `target` in `lang`.
    pub(crate) fn preview_of(&self, target: &Target, lang: Lang) -> Option<&Detail> {
        self.preview
            .as_ref()
            .filter(|p| p.target == *target && p.lang == lang)
            .map(|p| &p.detail)
    }

    /// Asks for the hits of what is typed, as search number `generation`.
    fn ask(&mut self, generation: u64) -> Effect {
        self.generation = generation;
        self.pending = true;
        self.open_when_ready = false;
        Effect::Search {
            generation,
            query: self.input.clone(),
        }
    }

    /// Changes what is typed, within a query's length.
    fn edit(&mut self, edit: impl FnOnce(&mut String)) {
        edit(&mut self.input);
        self.reselect = None;
        crate::store::state::cap_query(&mut self.input);
    }

    /// Clears what is typed.
    fn clear(&mut self) {
        self.input.clear();
    }

    /// ↑ on the first hit recalls an older query of `history`, as in a
    /// shell; otherwise the highlighted hit moves. True when a query was
    /// recalled, to be searched.
    fn move_by(&mut self, delta: isize, history: &[String]) -> bool {
        if delta == -1 && self.selected == 0 && !history.is_empty() {
            let position = match self.recalled {
                Some(p) => p.saturating_sub(1),
                None => history.len() - 1,
            };
            self.recalled = Some(position);
            self.reselect = None;
            self.input = history[position].clone();
            true
        } else {
            self.selected = step(self.selected, delta, self.hits.len());
            false
        }
    }

    /// Keeps the detail of `target`, the highlighted hit's entry, for the preview.
    fn build_preview(&mut self, target: Option<Target>, data: &Dataset, lang: Lang) {
        self.preview = target.and_then(|target| {
            let detail = crate::present::detail::preview(data, &target, lang)?;
            Some(Preview {
                target,
                lang,
                detail,
            })
        });
    }

    /// Takes hits from the search thread if they answer the latest query;
    /// false if they are an older query's. The latest query's hits may come
    /// twice, the second time with all of them in order (the first time only
    /// the first rows are): the selection then stays where it is.
    fn take(&mut self, generation: u64, hits: Vec<Hit>) -> bool {
        if self.generation != generation {
            return false;
        }
        let last = hits.len().saturating_sub(1);
        self.selected = match self.reselect.take() {
            Some(i) => i.min(last),
            None if !self.pending => self.selected.min(last),
            None => 0,
        };
        self.in_order = !self.pending || hits.len() <= FIRST_ORDERED;
        self.hits = hits;
        self.pending = false;
        true
    }

    /// Whether `Enter` came while the hits just taken were awaited; asked once.
    fn take_open_request(&mut self) -> bool {
        std::mem::take(&mut self.open_when_ready)
    }

    /// `Enter`: the highlighted hit and the query it answers. While hits are
    /// awaited, none: the first of them opens when they come.
    fn confirm(&mut self) -> Option<(Hit, String)> {
        if self.pending {
            self.open_when_ready = true;
            return None;
        }
        Some((self.highlighted()?, self.input.clone()))
    }
}

impl App {
    pub(super) fn open_search(&mut self, effects: &mut Vec<Effect>) {
        self.go_to(Overlay::Search(SearchBox::default()));
        self.refresh_search(effects);
    }

    /// Asks the search thread for the box's hits; every dataset, large or small,
    /// is searched there.
    pub(super) fn refresh_search(&mut self, effects: &mut Vec<Effect>) {
        if let Overlay::Search(sb) = &mut self.overlay {
            self.search_generation += 1;
            effects.push(sb.ask(self.search_generation));
        }
    }

    pub(super) fn edit_search(
        &mut self,
        edit: impl FnOnce(&mut String),
        effects: &mut Vec<Effect>,
    ) {
        if let Overlay::Search(sb) = &mut self.overlay {
            sb.edit(edit);
            self.refresh_search(effects);
        }
    }

    /// Clears what is typed in the box; false if nothing is.
    pub(super) fn clear_search(&mut self, effects: &mut Vec<Effect>) -> bool {
        match &mut self.overlay {
            Overlay::Search(sb) if !sb.input.is_empty() => {
                sb.clear();
                self.refresh_search(effects);
                true
            }
            _ => false,
        }
    }

    /// Pasted text goes into the box on one line, without control characters,
    /// and no longer than a query may be.
    pub(super) fn paste(&mut self, text: &str, effects: &mut Vec<Effect>) {
        // Only what the box can hold is looked at.
        let clean = crate::base::escape::pasted_line(text, crate::store::state::MAX_QUERY_CHARS);
        self.edit_search(|s| s.push_str(&clean), effects);
    }

    /// ↑ on the first hit recalls older queries, as in a shell; otherwise the
    /// highlighted hit moves.
    pub(super) fn move_in_search(&mut self, delta: isize, effects: &mut Vec<Effect>) {
        let Overlay::Search(sb) = &mut self.overlay else {
            return;
        };
        if sb.move_by(delta, &self.history) {
            self.refresh_search(effects);
        } else {
            self.refresh_preview();
        }
    }

    /// Builds the highlighted hit's detail for the preview.
    fn refresh_preview(&mut self) {
        let target = self.current_target();
        if let Overlay::Search(sb) = &mut self.overlay {
            sb.build_preview(target, &self.data, self.lang);
        }
    }

    /// Hits from the search thread, taken only if they answer the open box's
    /// latest query.
    pub(super) fn take_results(&mut self, generation: u64, hits: Vec<Hit>) {
        if let Overlay::Search(sb) = &mut self.overlay
            && sb.take(generation, hits)
        {
            if sb.take_open_request() {
                self.open_hit();
            } else {
                self.refresh_preview();
            }
        }
    }

    /// The entry a hit stands for; the letter's identity is none.
    pub(super) fn hit_target(&self, hit: Hit) -> Option<Target> {
        let e = self.index.as_ref()?.entry(hit.entry);
        Some(match e.kind {
            Kind::Region => Target::Region(e.id.clone()),
            Kind::City => Target::City(e.id.clone()),
            Kind::Organisation => Target::Organisation(e.id.clone()),
            Kind::Funding => Target::Funding(e.id.clone()),
            Kind::Article => Target::Article(e.id.clone()),
            Kind::Document => return None,
        })
    }

    /// Enter on a hit: remembers the query, then selects the entry in its pane,
    /// or opens the funding row's detail or the letter.
    pub(super) fn open_hit(&mut self) {
        let Overlay::Search(sb) = &mut self.overlay else {
            return;
        };
        let Some((hit, query)) = sb.confirm() else {
            return;
        };
        crate::store::state::remember(&mut self.history, &query);
        let Some(index) = &self.index else {
            return;
        };
        let (kind, id) = (
            index.entry(hit.entry).kind,
            index.entry(hit.entry).id.clone(),
        );
        match self.hit_target(hit) {
            Some(Target::Funding(id)) => {
                if let Some(view) = self.detail_view(Target::Funding(id)) {
                    self.go_to(Overlay::Detail(view));
                }
            }
            Some(target) => {
                self.go_to(Overlay::None);
                self.jump_to(&target);
            }
            None if kind == Kind::Document => self.open_letter_for_hit(&id, &query),
            None => {}
        }
    }
}
