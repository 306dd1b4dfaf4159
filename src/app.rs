//! The explorer's state and `App::update`, the only code that changes it. No
//! terminal and no I/O here: side effects are returned as `Effect` values.

pub mod action;
pub mod copy;
pub mod detail;
pub mod keymap;

use std::sync::Arc;

use crate::data::{Dataset, Origin};
use crate::i18n::Lang;
use crate::search::{Hit, Index, Searcher};

pub use action::{Action, Pane, SharedIndex};
pub use copy::CopyFormat;
pub use detail::{Detail, Target};
pub use keymap::{Binding, Mode};

/// The search box: what was typed, its hits, and the highlighted hit.
#[derive(Debug, Default)]
pub struct SearchBox {
    pub input: String,
    pub hits: Vec<Hit>,
    pub selected: usize,
    /// Position in the history while recalling past queries with ↑.
    pub recalled: Option<usize>,
    /// Number of the latest query sent to the background search, and whether its
    /// hits are still to come.
    pub generation: u64,
    pub pending: bool,
    searcher: Searcher,
}

/// Where searches run: in `update` for small datasets, or on a background
/// thread for large ones, so that typing never waits for matching.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SearchMode {
    #[default]
    Inline,
    Background,
}

/// Datasets with at least this many entries search in the background.
pub const BACKGROUND_SEARCH_ENTRIES: usize = 20_000;

/// The detail overlay: the entries opened so far (the last is shown) and the
/// highlighted cross-link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DetailView {
    pub stack: Vec<Target>,
    pub link: usize,
}

/// What covers the panes, if anything.
#[derive(Debug)]
pub enum Overlay {
    None,
    Help {
        scroll: usize,
    },
    Letter {
        scroll: usize,
    },
    Search(SearchBox),
    Detail(DetailView),
    /// Choosing how to copy `target`.
    CopyMenu {
        target: Target,
        selected: usize,
    },
    /// Text that could not be copied, shown to be selected by hand.
    CopyText {
        text: String,
        scroll: usize,
    },
}

/// The formats of the copy menu, in order.
pub const COPY_FORMATS: [CopyFormat; 3] =
    [CopyFormat::Plain, CopyFormat::Markdown, CopyFormat::Json];

/// Work for the event loop that `update` cannot do itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Put this text on the clipboard.
    Copy(String),
    /// Write what the app remembers to `state.json`.
    Save(crate::state::State),
    /// Search for this query in the background; answer with `Action::SearchResults`.
    Search { generation: u64, query: String },
}

/// Rows of the regions pane before the regions themselves.
pub const STARRED_ROW: usize = 0;
pub const ALL_ROW: usize = 1;
pub const FIRST_REGION_ROW: usize = 2;

/// A message in the status bar until the next action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

pub struct App {
    /// Shared with the thread that builds the index of a large dataset.
    pub data: Arc<Dataset>,
    pub origin: Origin,
    /// None while a large dataset's index is being built in the background: the
    /// panes need no index, and searches wait for it on the search thread.
    pub index: Option<Arc<Index>>,
    pub search_mode: SearchMode,
    /// A background search `update` asked for, returned as an effect.
    search_request: Option<(u64, String)>,
    /// Number of the latest background search. It keeps counting across search
    /// boxes, so a closed box's late answer never passes for the next box's.
    search_generation: u64,
    pub lang: Lang,
    pub focus: Pane,
    /// Row of the regions pane: `STARRED_ROW`, `ALL_ROW`, or
    /// `FIRST_REGION_ROW + i` for `data.regions[i]`.
    pub region: usize,
    /// Index into `organisations`.
    pub organisation: usize,
    pub city: usize,
    pub article: usize,
    /// Indices into `data.organisations` of the selected region's organisations.
    pub organisations: Vec<usize>,
    pub overlay: Overlay,
    pub status: Option<Status>,
    pub keymap: Vec<Binding>,
    /// Rows that one page moves, from the terminal height.
    pub page: usize,
    pub running: bool,
    /// Starred entries, in the order they were starred.
    pub starred: Vec<Target>,
    /// Number of organisations of each region, in `data.regions` order: counted
    /// once, since the data never changes and every frame shows them.
    pub region_sizes: Vec<usize>,
    /// Past search queries, most recent last.
    pub history: Vec<String>,
}

/// Number of organisations of each region, in `data.regions` order, in one pass
/// over the organisations (an organisation that lists a region twice counts once).
fn region_sizes(data: &Dataset) -> Vec<usize> {
    let position: std::collections::HashMap<&str, usize> = data
        .regions
        .iter()
        .enumerate()
        .map(|(i, r)| (r.code.as_str(), i))
        .collect();
    let mut sizes = vec![0; data.regions.len()];
    for o in &data.organisations {
        for (j, code) in o.regions.iter().enumerate() {
            if o.regions[..j].contains(code) {
                continue;
            }
            if let Some(&i) = position.get(code.as_str()) {
                sizes[i] += 1;
            }
        }
    }
    sizes
}

impl App {
    /// The explorer on `data`, its index built now.
    pub fn new(data: Dataset, origin: Origin, lang: Lang) -> App {
        let mut app = App::without_index(data, origin, lang);
        app.index = Some(Arc::new(Index::build(&app.data)));
        app
    }

    /// The explorer as it starts: a small dataset's index is built now; a large
    /// one's is left to the search thread, so the first frame does not wait for
    /// it. The loop hands it over with [`Action::IndexReady`].
    pub fn starting(data: Dataset, origin: Origin, lang: Lang) -> App {
        let mut app = App::without_index(data, origin, lang);
        if app.search_mode == SearchMode::Inline {
            app.index = Some(Arc::new(Index::build(&app.data)));
        }
        app
    }

    fn without_index(data: Dataset, origin: Origin, lang: Lang) -> App {
        let search_mode = if crate::search::entry_count(&data) >= BACKGROUND_SEARCH_ENTRIES {
            SearchMode::Background
        } else {
            SearchMode::Inline
        };
        let region_sizes = region_sizes(&data);
        let mut app = App {
            search_mode,
            search_request: None,
            search_generation: 0,
            organisations: (0..data.organisations.len()).collect(),
            data: Arc::new(data),
            origin,
            index: None,
            lang,
            focus: Pane::Regions,
            region: ALL_ROW,
            organisation: 0,
            city: 0,
            article: 0,
            overlay: Overlay::None,
            status: None,
            keymap: keymap::bindings(),
            page: 10,
            running: true,
            starred: Vec::new(),
            history: Vec::new(),
            region_sizes,
        };
        app.select_region(ALL_ROW);
        app
    }

    /// True when the regions pane has its "starred" row selected.
    pub fn starred_view(&self) -> bool {
        self.region == STARRED_ROW
    }

    /// The regions-pane row of a region code.
    fn region_row(&self, code: &str) -> Option<usize> {
        self.data
            .regions
            .iter()
            .position(|r| r.code == code)
            .map(|i| i + FIRST_REGION_ROW)
    }

    pub fn mode(&self) -> Mode {
        match self.overlay {
            Overlay::None => Mode::Normal,
            Overlay::Help { .. } => Mode::Help,
            Overlay::Letter { .. } => Mode::Letter,
            Overlay::Search(_) => Mode::Search,
            Overlay::Detail(_) => Mode::Detail,
            Overlay::CopyMenu { .. } => Mode::CopyMenu,
            Overlay::CopyText { .. } => Mode::CopyText,
        }
    }

    /// Code of the selected region, `None` for "all regions" and "starred".
    pub fn region_code(&self) -> Option<&str> {
        self.region
            .checked_sub(FIRST_REGION_ROW)
            .and_then(|i| self.data.regions.get(i))
            .map(|r| r.code.as_str())
    }

    fn select_region(&mut self, row: usize) {
        self.region = row.min(self.data.regions.len() + FIRST_REGION_ROW - 1);
        let code = self.region_code().map(str::to_string);
        self.organisations = match code {
            None if self.starred_view() => Vec::new(),
            None => (0..self.data.organisations.len()).collect(),
            Some(code) => self
                .data
                .organisations
                .iter()
                .enumerate()
                .filter(|(_, o)| o.regions.contains(&code))
                .map(|(i, _)| i)
                .collect(),
        };
        self.organisation = 0;
    }

    /// Number of rows of a pane.
    pub fn rows(&self, pane: Pane) -> usize {
        match pane {
            Pane::Regions => self.data.regions.len() + FIRST_REGION_ROW,
            Pane::Organisations if self.starred_view() => self.starred.len(),
            Pane::Organisations => self.organisations.len(),
            Pane::Headcounts => self.data.cities.len(),
            Pane::Articles => self.data.articles.len(),
        }
    }

    /// The selected row of a pane.
    pub fn selected(&self, pane: Pane) -> usize {
        match pane {
            Pane::Regions => self.region,
            Pane::Organisations => self.organisation,
            Pane::Headcounts => self.city,
            Pane::Articles => self.article,
        }
    }

    fn set_selected(&mut self, pane: Pane, row: usize) {
        let last = self.rows(pane).saturating_sub(1);
        let row = row.min(last);
        match pane {
            Pane::Regions => {
                if row != self.region {
                    self.select_region(row);
                }
            }
            Pane::Organisations => self.organisation = row,
            Pane::Headcounts => self.city = row,
            Pane::Articles => self.article = row,
        }
    }

    /// The entry selected in a pane, if it is one ("all regions" is not).
    pub fn target(&self, pane: Pane) -> Option<Target> {
        match pane {
            Pane::Regions => self.region_code().map(|c| Target::Region(c.to_string())),
            Pane::Organisations if self.starred_view() => {
                self.starred.get(self.organisation).cloned()
            }
            Pane::Organisations => self
                .organisations
                .get(self.organisation)
                .map(|&i| Target::Organisation(self.data.organisations[i].id.clone())),
            Pane::Headcounts => self
                .data
                .cities
                .get(self.city)
                .map(|c| Target::City(c.id.clone())),
            Pane::Articles => self
                .data
                .articles
                .get(self.article)
                .map(|a| Target::Article(a.number.clone())),
        }
    }

    /// The entry an action such as copy applies to: the shown detail, the
    /// highlighted search hit, or the focused pane's selection.
    pub fn current_target(&self) -> Option<Target> {
        match &self.overlay {
            Overlay::Detail(view) => view.stack.last().cloned(),
            Overlay::Search(sb) => sb.hits.get(sb.selected).and_then(|h| self.hit_target(*h)),
            Overlay::CopyMenu { target, .. } => Some(target.clone()),
            _ => self.target(self.focus),
        }
    }

    fn hit_target(&self, hit: Hit) -> Option<Target> {
        use crate::search::Kind;
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

    /// The detail currently open, if any.
    pub fn open_detail(&self) -> Option<(Detail, &DetailView)> {
        match &self.overlay {
            Overlay::Detail(view) => {
                let target = view.stack.last()?;
                detail::detail(&self.data, target, self.lang).map(|d| (d, view))
            }
            _ => None,
        }
    }

    fn notify(&mut self, text: impl Into<String>, error: bool) {
        self.status = Some(Status {
            text: text.into(),
            error,
        });
    }

    /// Selects `target` in its pane (and its region), focusing that pane.
    fn jump_to(&mut self, target: &Target) {
        match target {
            Target::Region(code) => {
                if let Some(row) = self.region_row(code) {
                    self.select_region(row);
                    self.focus = Pane::Regions;
                }
            }
            Target::Organisation(id) => {
                let Some(index) = self.data.organisations.iter().position(|o| &o.id == id) else {
                    return;
                };
                let first_region = self.data.organisations[index].regions.first().cloned();
                let region_row = first_region
                    .and_then(|code| self.region_row(&code))
                    .unwrap_or(ALL_ROW);
                self.select_region(region_row);
                self.organisation = self
                    .organisations
                    .iter()
                    .position(|&i| i == index)
                    .unwrap_or(0);
                self.focus = Pane::Organisations;
            }
            Target::City(id) => {
                if let Some(i) = self.data.cities.iter().position(|c| &c.id == id) {
                    let code = self.data.cities[i].region.clone();
                    if let Some(row) = self.region_row(&code) {
                        self.select_region(row);
                    }
                    self.city = i;
                    self.focus = Pane::Headcounts;
                }
            }
            Target::Article(number) => {
                if let Some(i) = self.data.articles.iter().position(|a| &a.number == number) {
                    self.article = i;
                    self.focus = Pane::Articles;
                }
            }
            Target::Funding(_) => {}
        }
    }

    fn move_by(&mut self, delta: isize) {
        let links = self.open_detail().map_or(0, |(d, _)| d.links.len());
        let letter_lines = self.letter().lines().count();
        match &mut self.overlay {
            // ↑ on the first hit recalls older queries, as in a shell.
            Overlay::Search(sb) if delta == -1 && sb.selected == 0 && !self.history.is_empty() => {
                let position = match sb.recalled {
                    Some(p) => p.saturating_sub(1),
                    None => self.history.len() - 1,
                };
                sb.recalled = Some(position);
                sb.input = self.history[position].clone();
                self.refresh_search();
            }
            Overlay::Search(sb) => {
                sb.selected = step(sb.selected, delta, sb.hits.len());
            }
            Overlay::Detail(view) => view.link = step(view.link, delta, links),
            Overlay::Help { scroll } => *scroll = step(*scroll, delta, HELP_LINES),
            Overlay::Letter { scroll } => *scroll = step(*scroll, delta, letter_lines),
            Overlay::CopyMenu { selected, .. } => {
                *selected = step(*selected, delta, COPY_FORMATS.len());
            }
            Overlay::CopyText { text, scroll } => {
                *scroll = step(*scroll, delta, text.lines().count());
            }
            Overlay::None => {
                let pane = self.focus;
                let row = step(self.selected(pane), delta, self.rows(pane));
                self.set_selected(pane, row);
            }
        }
    }

    /// The letter: the corrected transcription for the embedded data, otherwise
    /// the letter's parts as the dataset gives them.
    pub fn letter(&self) -> std::borrow::Cow<'static, str> {
        if self.origin == Origin::Embedded {
            return std::borrow::Cow::Borrowed(crate::data::EMBEDDED_LETTER);
        }
        let d = &self.data.document;
        let mut out = format!(
            "{}\n{}\n{}, {}\n{} {}\n\n{}\n\n",
            d.ministry, d.office, d.place, d.date, d.subject, d.reference, d.programme
        );
        for q in &d.questions {
            out.push_str(&format!("{}- {}\n", q.number, q.text));
            for a in &q.answers {
                out.push_str(&format!("   {}\n", a.text));
            }
            out.push('\n');
        }
        for part in [&d.caveat.text, &d.deployment_note.text, &d.review.text] {
            out.push_str(part);
            out.push_str("\n\n");
        }
        out.push_str(&format!(
            "{} {}\n{}\n",
            d.signatory.signed, d.signatory.name, d.signatory.title
        ));
        std::borrow::Cow::Owned(out)
    }

    fn refresh_search(&mut self) {
        if let Overlay::Search(sb) = &mut self.overlay {
            match self.search_mode {
                SearchMode::Inline => {
                    if let Some(index) = &self.index {
                        sb.hits = sb.searcher.search(index, &sb.input);
                        sb.selected = 0;
                    }
                }
                SearchMode::Background => {
                    self.search_generation += 1;
                    sb.generation = self.search_generation;
                    sb.pending = true;
                    self.search_request = Some((sb.generation, sb.input.clone()));
                }
            }
        }
    }

    fn edit_search(&mut self, edit: impl FnOnce(&mut String)) {
        if let Overlay::Search(sb) = &mut self.overlay {
            edit(&mut sb.input);
        }
        self.refresh_search();
    }

    /// Applies one action. Returns the side effect the loop must carry out, if any.
    pub fn update(&mut self, action: Action) -> Option<Effect> {
        let effect = self.apply(action);
        let search = self.search_request.take();
        effect.or_else(|| search.map(|(generation, query)| Effect::Search { generation, query }))
    }

    fn apply(&mut self, action: Action) -> Option<Effect> {
        // A message stays until the user does something.
        if !matches!(action, Action::Scroll(..) | Action::Resize(..)) {
            self.status = None;
        }
        let page = self.page.max(1) as isize;
        match action {
            Action::Quit => self.running = false,
            Action::Back => match &mut self.overlay {
                Overlay::Search(sb) if !sb.input.is_empty() => {
                    sb.input.clear();
                    self.refresh_search();
                }
                Overlay::Detail(view) if view.stack.len() > 1 => {
                    view.stack.pop();
                    view.link = 0;
                }
                Overlay::None => {}
                _ => self.overlay = Overlay::None,
            },
            Action::NextPane => self.focus = self.focus.next(),
            Action::PreviousPane => self.focus = self.focus.previous(),
            Action::Focus(pane) => self.focus = pane,
            Action::Up => self.move_by(-1),
            Action::Down => self.move_by(1),
            Action::PageUp => self.move_by(-page),
            Action::PageDown => self.move_by(page),
            Action::First => self.move_by(isize::MIN / 2),
            Action::Last => self.move_by(isize::MAX / 2),
            Action::Left => {
                self.focus = match self.focus {
                    Pane::Organisations => Pane::Regions,
                    Pane::Headcounts | Pane::Articles => Pane::Organisations,
                    Pane::Regions => Pane::Regions,
                }
            }
            Action::Right => {
                self.focus = match self.focus {
                    Pane::Regions => Pane::Organisations,
                    Pane::Organisations => Pane::Headcounts,
                    other => other,
                }
            }
            Action::Open => return self.open(),
            Action::OpenSearch => {
                self.overlay = Overlay::Search(SearchBox::default());
                self.refresh_search();
            }
            Action::IndexReady(SharedIndex(index)) => self.index = Some(index),
            Action::SearchResults(generation, hits) => {
                if let Overlay::Search(sb) = &mut self.overlay
                    && sb.generation == generation
                {
                    sb.hits = hits;
                    sb.selected = 0;
                    sb.pending = false;
                }
            }
            Action::Copy => return self.copy(CopyFormat::Plain),
            Action::CopyChoice(n) => {
                if let Overlay::CopyMenu { selected, .. } = &mut self.overlay
                    && n < COPY_FORMATS.len()
                {
                    *selected = n;
                    return self.open();
                }
            }
            Action::ToggleStar => return self.toggle_star(),
            Action::Notify(text, error) => self.notify(text, error),
            Action::OpenCopyMenu => match self.current_target() {
                Some(target) => {
                    self.overlay = Overlay::CopyMenu {
                        target,
                        selected: 0,
                    }
                }
                None => self.nothing_selected(),
            },
            Action::CopyOutcome(outcome, text) => {
                let s = self.lang.strings();
                match outcome {
                    Ok(via) => self.notify(format!("{} ({via})", s.copied), false),
                    Err(why) => {
                        self.notify(format!("{}{}{why}", s.copy_failed, s.colon), true);
                        self.overlay = Overlay::CopyText { text, scroll: 0 };
                    }
                }
            }
            Action::ToggleLanguage => self.lang = self.lang.toggled(),
            Action::SetLanguage(lang) => self.lang = lang,
            Action::ToggleHelp => {
                self.overlay = match self.overlay {
                    Overlay::Help { .. } => Overlay::None,
                    _ => Overlay::Help { scroll: 0 },
                }
            }
            Action::ToggleLetter => {
                self.overlay = match self.overlay {
                    Overlay::Letter { .. } => Overlay::None,
                    _ => Overlay::Letter { scroll: 0 },
                }
            }
            Action::Input(c) => self.edit_search(|s| s.push(c)),
            Action::Paste(text) => {
                let clean: String = text
                    .chars()
                    .map(|c| if c.is_whitespace() { ' ' } else { c })
                    .filter(|c| !crate::text::is_unsafe(*c))
                    .collect();
                if matches!(self.overlay, Overlay::Search(_)) {
                    self.edit_search(|s| s.push_str(&clean));
                }
            }
            Action::DeleteBack => self.edit_search(|s| {
                s.pop();
            }),
            Action::DeleteWord => self.edit_search(|s| {
                let trimmed = s.trim_end().len();
                s.truncate(trimmed);
                let cut = s.rfind(' ').map_or(0, |i| i + 1);
                s.truncate(cut);
            }),
            Action::ClearInput => self.edit_search(String::clear),
            Action::Select(pane, row) => {
                if matches!(self.overlay, Overlay::None) {
                    self.focus = pane;
                    self.set_selected(pane, row);
                }
            }
            Action::Resize(_, height) => self.page = usize::from(height.saturating_sub(8)).max(1),
            Action::Scroll(pane, delta) => match (&self.overlay, pane) {
                (Overlay::None, Some(p)) => {
                    let row = step(self.selected(p), delta as isize, self.rows(p));
                    self.set_selected(p, row);
                }
                _ => self.move_by(delta as isize),
            },
        }
        None
    }

    fn open(&mut self) -> Option<Effect> {
        match &self.overlay {
            Overlay::Search(sb) => {
                let hit = sb.hits.get(sb.selected).copied()?;
                let query = sb.input.clone();
                crate::state::remember(&mut self.history, &query);
                let kind = self.index.as_ref()?.entry(hit.entry).kind;
                match self.hit_target(hit) {
                    Some(Target::Funding(id)) => {
                        self.overlay = Overlay::Detail(DetailView {
                            stack: vec![Target::Funding(id)],
                            link: 0,
                        });
                    }
                    Some(target) => {
                        self.overlay = Overlay::None;
                        self.jump_to(&target);
                    }
                    None if kind == crate::search::Kind::Document => {
                        self.overlay = Overlay::Letter { scroll: 0 };
                    }
                    None => {}
                }
            }
            Overlay::Detail(view) => {
                let link = view.link;
                let (detail, _) = self.open_detail()?;
                if let Some((_, target)) = detail.links.get(link).cloned()
                    && let Overlay::Detail(view) = &mut self.overlay
                {
                    view.stack.push(target);
                    view.link = 0;
                }
            }
            Overlay::None => match self.target(self.focus) {
                Some(target) => {
                    self.overlay = Overlay::Detail(DetailView {
                        stack: vec![target],
                        link: 0,
                    })
                }
                // "All regions" stands for the whole letter.
                None if self.focus == Pane::Regions => self.overlay = Overlay::Letter { scroll: 0 },
                None => {}
            },
            Overlay::CopyMenu { selected, .. } => {
                let format = COPY_FORMATS[(*selected).min(COPY_FORMATS.len() - 1)];
                let effect = self.copy(format);
                self.overlay = Overlay::None;
                return effect;
            }
            Overlay::Help { .. } | Overlay::Letter { .. } | Overlay::CopyText { .. } => {}
        }
        None
    }

    /// The copy effect for the current entry, or a status message saying why not.
    pub fn copy(&mut self, format: CopyFormat) -> Option<Effect> {
        let text = self
            .current_target()
            .and_then(|t| copy::render(&self.data, &t, self.lang, format));
        if text.is_none() {
            self.nothing_selected();
        }
        text.map(Effect::Copy)
    }

    fn toggle_star(&mut self) -> Option<Effect> {
        let Some(target) = self.current_target() else {
            self.nothing_selected();
            return None;
        };
        match self.starred.iter().position(|t| *t == target) {
            Some(i) => {
                self.starred.remove(i);
            }
            None => self.starred.push(target),
        }
        let last = self.rows(Pane::Organisations).saturating_sub(1);
        self.organisation = self.organisation.min(last);
        Some(Effect::Save(self.snapshot()))
    }

    /// What the app remembers between sessions.
    pub fn snapshot(&self) -> crate::state::State {
        let region = match self.region {
            STARRED_ROW => Some("starred".to_string()),
            ALL_ROW => Some("all".to_string()),
            _ => self.region_code().map(str::to_string),
        };
        crate::state::State {
            focus: Some(pane_name(self.focus).to_string()),
            region,
            organisation: match self.target(Pane::Organisations) {
                Some(Target::Organisation(id)) => Some(id),
                _ => None,
            },
            city: self.data.cities.get(self.city).map(|c| c.id.clone()),
            history: self.history.clone(),
            starred: self
                .starred
                .iter()
                .map(|t| crate::state::Star {
                    kind: t.kind().to_string(),
                    id: t.id().to_string(),
                })
                .collect(),
            ..crate::state::State::default()
        }
    }

    /// Takes back what a previous session remembered; ids that this dataset does
    /// not have are ignored.
    pub fn restore(&mut self, state: &crate::state::State) {
        self.history = state.history.clone();
        self.starred = state
            .starred
            .iter()
            .filter_map(|s| Target::from_parts(&s.kind, &s.id))
            .filter(|t| detail::detail(&self.data, t, self.lang).is_some())
            .collect();
        let row = match state.region.as_deref() {
            Some("starred") => Some(STARRED_ROW),
            Some("all") | None => Some(ALL_ROW),
            Some(code) => self.region_row(code),
        };
        self.select_region(row.unwrap_or(ALL_ROW));
        if let Some(id) = &state.organisation
            && let Some(i) = self
                .organisations
                .iter()
                .position(|&o| self.data.organisations[o].id == *id)
        {
            self.organisation = i;
        }
        if let Some(id) = &state.city
            && let Some(i) = self.data.cities.iter().position(|c| c.id == *id)
        {
            self.city = i;
        }
        if let Some(pane) = Pane::ALL
            .into_iter()
            .find(|&p| Some(pane_name(p)) == state.focus.as_deref())
        {
            self.focus = pane;
        }
    }

    fn nothing_selected(&mut self) {
        let msg = self.lang.strings().nothing_selected;
        self.notify(msg, true);
    }
}

fn pane_name(pane: Pane) -> &'static str {
    match pane {
        Pane::Regions => "regions",
        Pane::Organisations => "organisations",
        Pane::Headcounts => "headcounts",
        Pane::Articles => "articles",
    }
}

/// Upper bound for the help overlay's scroll; rendering clamps to what it drew.
const HELP_LINES: usize = 64;

/// `row + delta`, kept within `0..len`.
fn step(row: usize, delta: isize, len: usize) -> usize {
    if len == 0 {
        return 0;
    }
    row.saturating_add_signed(delta).min(len - 1)
}

#[cfg(test)]
mod tests;
