//! The search box: what was typed, the hits the search thread sent back, the
//! highlighted hit, and recalling past queries with ↑.

use super::{App, Effect, Overlay, Target, step};
use crate::i18n::Lang;
use crate::present::detail::Detail;
use crate::search::{Hit, Kind};

/// The search box: what was typed, its hits, and the highlighted hit.
#[derive(Debug, Default)]
pub struct SearchBox {
    pub input: String,
    pub hits: Vec<Hit>,
    pub selected: usize,
    /// Position in the history while recalling past queries with ↑.
    pub recalled: Option<usize>,
    /// Number of the latest query sent to the search thread, and whether its
    /// hits are still to come.
    pub generation: u64,
    pub pending: bool,
    /// `Enter` came while hits were awaited: the first of them opens when they
    /// come, never a hit of an older query still on screen.
    pub open_when_ready: bool,
    /// The highlighted hit's detail for the preview, built when hits come or
    /// the highlight moves rather than at every frame: a region of a large
    /// dataset has thousands of organisations.
    pub preview: Option<Preview>,
    /// The hit to highlight when the hits come, for a search gone back to.
    pub reselect: Option<usize>,
}

/// The detail of the entry a preview was built for, in the language it was built in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preview {
    pub target: Target,
    pub lang: Lang,
    pub detail: Detail,
}

/// Deletes the word before the cursor, and the spaces after it.
pub(super) fn delete_word(s: &mut String) {
    let trimmed = s.trim_end().len();
    s.truncate(trimmed);
    let cut = s.rfind(' ').map_or(0, |i| i + 1);
    s.truncate(cut);
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
            sb.generation = self.search_generation;
            sb.pending = true;
            sb.open_when_ready = false;
            effects.push(Effect::Search {
                generation: sb.generation,
                query: sb.input.clone(),
            });
        }
    }

    pub(super) fn edit_search(
        &mut self,
        edit: impl FnOnce(&mut String),
        effects: &mut Vec<Effect>,
    ) {
        if let Overlay::Search(sb) = &mut self.overlay {
            edit(&mut sb.input);
            sb.reselect = None;
            crate::store::state::cap_query(&mut sb.input);
            self.refresh_search(effects);
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
        if delta == -1 && sb.selected == 0 && !self.history.is_empty() {
            let position = match sb.recalled {
                Some(p) => p.saturating_sub(1),
                None => self.history.len() - 1,
            };
            sb.recalled = Some(position);
            sb.reselect = None;
            sb.input = self.history[position].clone();
            self.refresh_search(effects);
        } else {
            sb.selected = step(sb.selected, delta, sb.hits.len());
            self.refresh_preview();
        }
    }

    /// Builds the highlighted hit's detail for the preview.
    fn refresh_preview(&mut self) {
        let preview = self.current_target().and_then(|target| {
            let detail = crate::present::detail::preview(&self.data, &target, self.lang)?;
            Some(Preview {
                target,
                lang: self.lang,
                detail,
            })
        });
        if let Overlay::Search(sb) = &mut self.overlay {
            sb.preview = preview;
        }
    }

    /// Hits from the search thread, taken only if they answer the open box's
    /// latest query.
    pub(super) fn take_results(&mut self, generation: u64, hits: Vec<Hit>) {
        if let Overlay::Search(sb) = &mut self.overlay
            && sb.generation == generation
        {
            sb.selected = sb
                .reselect
                .take()
                .map_or(0, |i| i.min(hits.len().saturating_sub(1)));
            sb.hits = hits;
            sb.pending = false;
            if std::mem::take(&mut sb.open_when_ready) {
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
        if sb.pending {
            sb.open_when_ready = true;
            return;
        }
        let Some(hit) = sb.hits.get(sb.selected).copied() else {
            return;
        };
        let query = sb.input.clone();
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
