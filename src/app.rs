//! The explorer's state and `App::update`, the only code that changes it. No
//! terminal and no I/O here: side effects are returned as `Effect` values.

mod back;
mod copy_menu;
mod detail_view;
pub(crate) mod help_rows;
pub(crate) mod hints;
pub(crate) mod history;
pub(crate) mod letter_view;
pub(crate) mod map_view;
mod msg;
mod navigation;
mod search_box;
mod selection;
mod session;

use std::sync::{Arc, OnceLock};

use crate::data::{Dataset, Letter, Origin};
use crate::i18n::{Label, Lang};
use crate::search::Index;

pub use crate::keys::{Action, Binding, Mode, Pane};
use crate::present::{CopyFormat, RegionFigures, Target, copy};
pub use detail_view::DetailView;
pub use help_rows::{HelpRow, HelpRows, HelpView};
pub use hints::{Hint, HintContext};
pub use letter_view::LetterView;
pub use map_view::{MapView, Measure};
pub use msg::{Msg, SharedIndex};
pub use search_box::SearchBox;
pub use selection::{Lists, Selection};

/// What covers the panes, if anything.
#[derive(Debug)]
pub enum Overlay {
    None,
    Help(HelpView),
    Letter(LetterView),
    Search(SearchBox),
    Detail(DetailView),
    /// Choosing how to copy an entry or the starred entries.
    CopyMenu {
        of: Copied,
        selected: usize,
    },
    /// Text that could not be copied, shown to be selected by hand.
    CopyText {
        text: String,
        scroll: usize,
    },
    /// The map of Québec's regions.
    Map(MapView),
}

/// What the copy menu copies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Copied {
    /// The entry it was opened on.
    Entry(Target),
    /// The quote sheet: every starred entry, in the letter's order.
    Starred,
}

/// The formats of the copy menu, in order.
pub const COPY_FORMATS: [CopyFormat; 3] =
    [CopyFormat::Plain, CopyFormat::Markdown, CopyFormat::Json];

/// Work for the event loop that `update` cannot do itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Put this text on the clipboard; answer with `Msg::CopyOutcome`.
    Copy(String),
    /// Write what the app remembers to `state.json`.
    Save(crate::store::state::State),
    /// Search for this query on the search thread; answer with `Msg::SearchResults`.
    Search { generation: u64, query: String },
    /// Give the terminal back and stop the process until it is continued.
    Suspend,
}

/// What `update` takes: something the user asked for, or a message from the loop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Update {
    Action(Action),
    Msg(Msg),
}

impl From<Action> for Update {
    fn from(action: Action) -> Update {
        Update::Action(action)
    }
}

impl From<Msg> for Update {
    fn from(msg: Msg) -> Update {
        Update::Msg(msg)
    }
}

/// Rows of the regions pane before the regions themselves.
pub(crate) const STARRED_ROW: usize = 0;
pub const ALL_ROW: usize = 1;
pub const FIRST_REGION_ROW: usize = 2;

/// A message in the status bar until the next action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Status {
    pub text: String,
    pub error: bool,
}

/// A starred entry and its title, found once when it is starred.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Starred {
    pub target: Target,
    pub title: String,
}

/// Where the letter goes once made, shared with the thread that makes it
/// ahead of its first showing.
pub(crate) type LetterSlot = Arc<OnceLock<Arc<Letter>>>;

pub struct App {
    /// Shared with the thread that builds the index and searches.
    data: Arc<Dataset>,
    origin: Origin,
    /// None until the search thread has built it: the panes need no index.
    index: Option<Arc<Index>>,
    /// Number of the latest search. It keeps counting across search boxes, so
    /// a closed box's late answer never passes for the next box's.
    search_generation: u64,
    lang: Lang,
    /// The main screen's panes: the focus and each pane's row. The regions
    /// pane's row is `STARRED_ROW`, `ALL_ROW`, or `FIRST_REGION_ROW + i` for
    /// `data.regions[i]`.
    panes: Selection,
    overlay: Overlay,
    status: Option<Status>,
    keymap: Vec<Binding>,
    /// Rows that one page moves, from the terminal height.
    page: usize,
    running: bool,
    /// The theme drawn, the one place it is kept: the config's (given with
    /// [`Msg::Theme`]) until the user chooses one with `T`, which is then
    /// remembered (`theme_chosen`) and wins over the config's.
    theme: crate::store::config::ThemeName,
    theme_chosen: bool,
    /// Starred entries, in the letter's order (not the order of starring).
    starred: Vec<Starred>,
    /// What each region's row shows, in `data.regions` order, computed once
    /// by the presentation layer: the data never changes.
    regions: Vec<RegionFigures>,
    /// The figures of every region together.
    all_regions: RegionFigures,
    /// The letter with its OCR line numbers, made when it is first shown or
    /// by the thread the loop starts after the first frame ([`App::letter_slot`]),
    /// whichever comes first; the other waits for it rather than make another.
    letter: LetterSlot,
    /// Past search queries, most recent last.
    history: Vec<String>,
    /// The places behind the current one, for `Esc` and `Backspace`.
    places: history::History,
    /// The list of hits last sent to the clipboard and how many it holds, to
    /// say so once the copy is done.
    copied_hits: Option<(String, usize)>,
    /// The last click on a row: its pane, row and time, for double-clicks.
    last_click: Option<(Pane, usize, u64)>,
}

impl App {
    /// The explorer on `data`, its index built now (tests and benchmarks).
    pub fn new(data: Dataset, origin: Origin, lang: Lang) -> App {
        let mut app = App::starting(data, origin, lang);
        app.index = Some(Arc::new(Index::build(&app.data)));
        app
    }

    /// The explorer as it starts: the index is left to the search thread, so
    /// the first frame does not wait for it. The loop hands it over with
    /// [`Msg::IndexReady`].
    pub(crate) fn starting(data: Dataset, origin: Origin, lang: Lang) -> App {
        App::starting_shared(Arc::new(data), origin, lang)
    }

    /// [`App::starting`] on data shared with others.
    pub(crate) fn starting_shared(data: Arc<Dataset>, origin: Origin, lang: Lang) -> App {
        let regions = crate::present::figures::regions(&data);
        let all_regions = crate::present::figures::all(&data);
        App {
            search_generation: 0,
            panes: Selection::new(&data),
            data,
            origin,
            index: None,
            lang,
            overlay: Overlay::None,
            status: None,
            keymap: crate::keys::table::bindings(),
            page: 10,
            running: true,
            starred: Vec::new(),
            theme: crate::store::config::ThemeName::default(),
            theme_chosen: false,
            history: Vec::new(),
            places: history::History::default(),
            regions,
            all_regions,
            letter: Arc::new(OnceLock::new()),
            copied_hits: None,
            last_click: None,
        }
    }

    /// The data the explorer shows, shared with the search thread.
    pub fn data(&self) -> &Arc<Dataset> {
        &self.data
    }

    /// Where the data came from.
    pub(crate) fn origin(&self) -> &Origin {
        &self.origin
    }

    /// The search index, once the search thread has built it.
    pub fn index(&self) -> Option<&Arc<Index>> {
        self.index.as_ref()
    }

    /// The interface language.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// What covers the panes.
    pub fn overlay(&self) -> &Overlay {
        &self.overlay
    }

    /// The status bar's message, until the next action.
    pub(crate) fn status(&self) -> Option<&Status> {
        self.status.as_ref()
    }

    /// The key bindings in force.
    pub(crate) fn keymap(&self) -> &[Binding] {
        &self.keymap
    }

    /// The key bindings, the config's `[keys]` applied.
    pub fn set_keymap(&mut self, keymap: Vec<Binding>) {
        self.keymap = keymap;
    }

    /// Rows that one page moves, from the terminal's height.
    pub fn page(&self) -> usize {
        self.page
    }

    /// False once the user has quit.
    pub(crate) fn running(&self) -> bool {
        self.running
    }

    /// The theme drawn.
    pub fn theme(&self) -> crate::store::config::ThemeName {
        self.theme
    }

    /// The starred entries, in the letter's order.
    pub(crate) fn starred(&self) -> &[Starred] {
        &self.starred
    }

    /// Each region's figures, in `data.regions` order.
    pub(crate) fn figures(&self) -> &[RegionFigures] {
        &self.regions
    }

    /// The figures of every region together.
    pub(crate) fn all_regions(&self) -> &RegionFigures {
        &self.all_regions
    }

    /// Where the letter goes once made, for a thread that makes it ahead of
    /// its first showing.
    pub(crate) fn letter_slot(&self) -> LetterSlot {
        Arc::clone(&self.letter)
    }

    /// The letter, as the letter overlay shows it.
    pub fn letter(&self) -> &Letter {
        self.letter
            .get_or_init(|| crate::data::letter(&self.data, &self.origin))
    }

    /// The letter, shared, for code that changes the overlay while it reads it.
    fn letter_arc(&self) -> Arc<Letter> {
        Arc::clone(
            self.letter
                .get_or_init(|| crate::data::letter(&self.data, &self.origin)),
        )
    }

    pub fn mode(&self) -> Mode {
        match &self.overlay {
            Overlay::None => Mode::Normal,
            Overlay::Help(view) if view.typing() => Mode::HelpFilter,
            Overlay::Help(_) => Mode::Help,
            Overlay::Letter(view) if view.typing() => Mode::LetterSearch,
            Overlay::Letter(_) => Mode::Letter,
            Overlay::Search(_) => Mode::Search,
            Overlay::Detail(_) => Mode::Detail,
            Overlay::CopyMenu { .. } => Mode::CopyMenu,
            Overlay::CopyText { .. } => Mode::CopyText,
            Overlay::Map(_) => Mode::Map,
        }
    }

    fn notify(&mut self, text: impl Into<String>, error: bool) {
        self.status = Some(Status {
            text: text.into(),
            error,
        });
    }

    /// Applies one action or message. Returns every side effect the loop must
    /// carry out, in order.
    pub fn update(&mut self, input: impl Into<Update>) -> Vec<Effect> {
        let mut effects = Vec::new();
        match input.into() {
            Update::Action(action) => {
                // A message stays until the user does something.
                if !matches!(action, Action::Scroll(..) | Action::Resize(..)) {
                    self.status = None;
                }
                self.act(action, &mut effects);
            }
            Update::Msg(msg) => self.receive(msg),
        }
        effects
    }

    fn act(&mut self, action: Action, effects: &mut Vec<Effect>) {
        let page = self.page.max(1) as isize;
        match action {
            Action::Quit => self.running = false,
            Action::Suspend => effects.push(Effect::Suspend),
            Action::Back => self.back(effects),
            Action::NextPane => self.panes.focus_on(self.focus().next()),
            Action::PreviousPane => self.panes.focus_on(self.focus().previous()),
            Action::FocusRegions => self.panes.focus_on(Pane::Regions),
            Action::FocusOrganisations => self.panes.focus_on(Pane::Organisations),
            Action::FocusHeadcounts => self.panes.focus_on(Pane::Headcounts),
            Action::FocusArticles => self.panes.focus_on(Pane::Articles),
            Action::FocusFunding => self.panes.focus_on(Pane::Funding),
            Action::Focus(pane) => self.panes.focus_on(pane),
            Action::Up => self.move_by(-1, effects),
            Action::Down => self.move_by(1, effects),
            Action::PageUp => self.move_by(-page, effects),
            Action::PageDown => self.move_by(page, effects),
            Action::First => self.move_by(isize::MIN / 2, effects),
            Action::Last => self.move_by(isize::MAX / 2, effects),
            Action::Left => self.panes.focus_left(),
            Action::Right => self.panes.focus_right(),
            Action::Open => self.open(effects),
            Action::OpenSearch => self.open_search(effects),
            Action::FindInLetter => self.start_letter_search(),
            Action::FilterHelp => self.start_help_filter(),
            Action::NextMatch => self.next_match(1),
            Action::PreviousMatch => self.next_match(-1),
            Action::Copy => self.copy(CopyFormat::Plain, effects),
            Action::CopyHits => self.copy_hits(effects),
            Action::CopyChoice(n) => self.copy_choice(n, effects),
            Action::ToggleStar => self.toggle_star(effects),
            Action::OpenCopyMenu => self.open_copy_menu(),
            Action::CopyStarred => self.open_sheet_menu(),
            Action::ToggleLanguage => self.set_language(self.lang.toggled()),
            Action::SetLanguage(lang) => self.set_language(lang),
            Action::CycleTheme => self.cycle_theme(effects),
            Action::ToggleHelp => self.toggle_help(effects),
            Action::ToggleLetter => self.toggle_letter(effects),
            Action::ToggleMap
            | Action::CycleMeasure
            | Action::ToggleCityLabels
            | Action::ZoomIn
            | Action::ZoomOut
            | Action::ZoomCorridor
            | Action::ToggleMapPanel
            | Action::SelectMapRegion(_) => self.act_on_map(action, effects),
            Action::Input(c) => self.edit_input(|s| s.push(c), effects),
            Action::Paste(text) => self.paste_input(&text, effects),
            Action::DeleteBack => self.edit_input(
                |s| {
                    s.pop();
                },
                effects,
            ),
            Action::DeleteWord => self.edit_input(search_box::delete_word, effects),
            Action::ClearInput => self.edit_input(String::clear, effects),
            Action::Select(pane, row, at) => self.click(pane, row, at, effects),
            Action::Resize(_, height) => self.page = usize::from(height.saturating_sub(8)).max(1),
            Action::Scroll(pane, delta) => self.scroll(pane, delta as isize, effects),
        }
    }

    fn receive(&mut self, msg: Msg) {
        match msg {
            Msg::IndexReady(SharedIndex(index)) => self.index = Some(index),
            Msg::SearchResults { generation, hits } => self.take_results(generation, hits),
            Msg::Notify(text, error) => self.notify(text, error),
            Msg::Theme(theme) => {
                if theme == crate::store::config::ThemeName::Mono {
                    self.theme_chosen = false;
                }
                if !self.theme_chosen {
                    self.theme = theme;
                }
            }
            Msg::CopyOutcome(outcome, text) => self.copied(outcome, text),
        }
    }

    fn set_language(&mut self, lang: Lang) {
        self.lang = lang;
        // The detail's labels are in the interface language.
        self.relabel_detail();
    }

    fn open(&mut self, effects: &mut Vec<Effect>) {
        match &self.overlay {
            Overlay::Search(_) => self.open_hit(),
            Overlay::Detail(_) => self.follow_detail(),
            Overlay::None => match self.target(self.focus()) {
                Some(target) => {
                    if let Some(view) = self.detail_view(target) {
                        self.go_to(Overlay::Detail(view));
                    }
                }
                // "All regions" and "Starred" are lists, not entries: Enter
                // goes into them.
                None if self.focus() == Pane::Regions => self.panes.focus_on(Pane::Organisations),
                None => {}
            },
            Overlay::CopyMenu { .. } => self.copy_chosen(effects),
            Overlay::Letter(_) => self.confirm_letter_search(),
            Overlay::Map(_) => self.leave_map_on_region(effects),
            Overlay::Help(_) => self.confirm_help_filter(),
            Overlay::CopyText { .. } => {}
        }
    }

    pub(crate) fn nothing_selected(&mut self) {
        let msg = self.lang.word(Label::NothingSelected);
        self.notify(msg, true);
    }
}

/// `row + delta`, kept within `0..len`.
fn step(row: usize, delta: isize, len: usize) -> usize {
    if len == 0 {
        return 0;
    }
    row.saturating_add_signed(delta).min(len - 1)
}

#[cfg(test)]
mod tests;
