//! Breaking it on purpose: random input sequences through `App::update` and
//! `ui::render` at random terminal sizes, mutated datasets through the loader, and
//! arbitrary queries through the parser and the matcher. Each must never panic and
//! must keep its invariants; failures proptest finds are kept in proptest-regressions/.

use std::path::PathBuf;
use std::sync::OnceLock;

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use pap_tui::app::{Action, App, COPY_FORMATS, Effect, Msg, Overlay, Pane};
use pap_tui::base::escape::is_unsafe;
use pap_tui::data::{self, DataError, Dataset, EMBEDDED_JSON, Origin};
use pap_tui::i18n::Lang;
use pap_tui::keys::table::{self, Mode};
use pap_tui::search::{Index, Query, Searcher};
use pap_tui::ui::{self, UiState};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::{FileFailurePersistence, TestRunner};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

// ---------------------------------------------------------------- fixtures

fn embedded() -> &'static Dataset {
    static DATA: OnceLock<Dataset> = OnceLock::new();
    DATA.get_or_init(|| data::load(None).expect("embedded dataset").dataset)
}

/// Text a dataset may hold and a terminal must never receive as it is.
const HOSTILE: [&str; 8] = [
    "osc\u{1b}]52;c;SGVsbG8=\u{7}",
    "clear\u{1b}[2J",
    "csi\u{9b}31m",
    "bidi\u{202e}txet",
    "zwj 👨\u{200d}👩\u{200d}👧",
    "漢字テスト 🎉",
    "c0\u{0}\t\r\n\u{7f}",
    "e\u{301}\u{301}\u{301}",
];

/// The embedded dataset with control characters, bidi overrides, combining marks,
/// double-width text and a 2 000-character name in what the panes show.
fn hostile() -> &'static Dataset {
    static DATA: OnceLock<Dataset> = OnceLock::new();
    DATA.get_or_init(|| {
        let mut d = embedded().clone();
        let pick = |i: usize| HOSTILE[i % HOSTILE.len()];
        d.document.programme = pick(0).to_string();
        for (i, r) in d.regions.iter_mut().enumerate() {
            r.name = format!("{} {}", pick(i), r.name);
        }
        for (i, o) in d.organisations.iter_mut().enumerate() {
            o.name = match i {
                3 => format!("long {}", "漢é".repeat(1_000)),
                _ => format!("{} {}", o.name, pick(i)),
            };
            o.acronym = Some(pick(i + 1).to_string());
        }
        for (i, c) in d.cities.iter_mut().enumerate() {
            c.name = format!("{} {}", pick(i + 2), c.name);
        }
        for a in &mut d.articles {
            a.text = a.text.as_ref().map(|t| format!("{}\n{t}", pick(6)));
            a.history = Some(pick(1).to_string());
        }
        d.document.caveat.text = format!("{} {}", pick(0), d.document.caveat.text);
        d
    })
}

fn index_of(hostile_data: bool) -> &'static Index {
    static PLAIN: OnceLock<Index> = OnceLock::new();
    static HOSTILE: OnceLock<Index> = OnceLock::new();
    if hostile_data {
        HOSTILE.get_or_init(|| Index::build(hostile()))
    } else {
        PLAIN.get_or_init(|| Index::build(embedded()))
    }
}

// ---------------------------------------------------------------- strategies

/// Characters people and terminals send: ASCII, French accents, CJK, emoji,
/// combining marks, fzf operators, C0 and C1 controls, bidi controls, anything.
fn any_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => proptest::char::range(' ', '~'),
        2 => select("éèêëàâçîïôûùüÿœæÉÀÇ'^!$ ./(),;:-".chars().collect::<Vec<_>>()),
        1 => proptest::char::range('\u{4e00}', '\u{9fff}'),
        1 => select("🎉👍👨👩👧\u{200d}\u{fe0f}\u{301}\u{a0}\u{202f}ßẞİK".chars().collect::<Vec<_>>()),
        1 => proptest::char::range('\u{0}', '\u{1f}'),
        1 => proptest::char::range('\u{7f}', '\u{9f}'),
        1 => select(vec!['\u{202a}', '\u{202e}', '\u{2066}', '\u{2069}', '\u{200b}']),
        1 => any::<char>(),
    ]
}

fn text(max: usize) -> impl Strategy<Value = String> {
    vec(any_char(), 0..max).prop_map(|c| c.into_iter().collect())
}

/// One thing that happens to the explorer, as the event loop would see it.
#[derive(Debug, Clone)]
enum Input {
    /// A key press, mapped through the keymap in the current mode.
    Key(KeyCode, KeyModifiers),
    /// An action given directly, whatever key would produce it.
    Direct(Action),
    /// A message from the event loop, whatever led to it.
    Loop(Msg),
    /// Bracketed paste.
    Paste(String),
    /// A left click at a screen position, mapped through the last frame's areas.
    Click(u16, u16),
    /// The wheel at a screen position, down when true.
    Wheel(u16, u16, bool),
    /// The terminal's new size.
    Resize(u16, u16),
    /// The search thread answers its newest request (dropping older ones, as
    /// the worker in src/tui/worker.rs does) when true, its oldest when false.
    Deliver(bool),
}

fn key_code() -> impl Strategy<Value = (KeyCode, KeyModifiers)> {
    let bound: Vec<(KeyCode, KeyModifiers)> = table::bindings()
        .iter()
        .map(|b| (b.key.code, b.key.modifiers))
        .collect();
    let modifiers = select(vec![
        KeyModifiers::NONE,
        KeyModifiers::SHIFT,
        KeyModifiers::CONTROL,
        KeyModifiers::ALT,
        KeyModifiers::CONTROL | KeyModifiers::SHIFT,
    ]);
    let special = select(vec![
        KeyCode::Insert,
        KeyCode::Delete,
        KeyCode::Null,
        KeyCode::CapsLock,
        KeyCode::F(1),
        KeyCode::F(12),
        KeyCode::Enter,
        KeyCode::Tab,
        KeyCode::Backspace,
    ]);
    prop_oneof![
        6 => select(bound),
        3 => (any_char(), modifiers.clone()).prop_map(|(c, m)| (KeyCode::Char(c), m)),
        1 => (special, modifiers),
    ]
}

fn pane() -> impl Strategy<Value = Pane> {
    select(Pane::ALL.to_vec())
}

/// Every variant of `Action` except `Resize`, which `Input::Resize` sends with a
/// new terminal size.
fn action() -> impl Strategy<Value = Action> {
    let simple = select(vec![
        Action::Quit,
        Action::Back,
        Action::NextPane,
        Action::PreviousPane,
        Action::Up,
        Action::Down,
        Action::PageUp,
        Action::PageDown,
        Action::First,
        Action::Last,
        Action::Left,
        Action::Right,
        Action::Open,
        Action::OpenSearch,
        Action::Copy,
        Action::ToggleLanguage,
        Action::ToggleHelp,
        Action::ToggleLetter,
        Action::DeleteBack,
        Action::DeleteWord,
        Action::ClearInput,
        Action::OpenCopyMenu,
        Action::ToggleStar,
        Action::FocusRegions,
        Action::FocusOrganisations,
        Action::FocusHeadcounts,
        Action::FocusArticles,
        Action::FindInLetter,
        Action::NextMatch,
        Action::PreviousMatch,
        Action::CopyHits,
    ]);
    let row = prop_oneof![0..120usize, any::<usize>()];
    let delta = prop_oneof![-20..20i32, any::<i32>()];
    prop_oneof![
        8 => simple,
        2 => pane().prop_map(Action::Focus),
        2 => any_char().prop_map(Action::Input),
        1 => text(40).prop_map(Action::Paste),
        2 => (pane(), row, 0..2_000u64).prop_map(|(p, r, at)| Action::Select(p, r, at)),
        2 => (proptest::option::of(pane()), delta).prop_map(|(p, d)| Action::Scroll(p, d)),
        1 => select(vec![Lang::Fr, Lang::En]).prop_map(Action::SetLanguage),
        1 => (0..4usize).prop_map(Action::CopyChoice),
    ]
}

/// The loop's own messages (search answers come from `Input::Deliver`).
fn msg() -> impl Strategy<Value = Msg> {
    let outcome = prop_oneof![
        select(vec!["tmux", "OSC 52", "xclip"]).prop_map(Ok),
        text(30).prop_map(Err),
    ];
    prop_oneof![
        (text(60), any::<bool>()).prop_map(|(t, e)| Msg::Notify(t, e)),
        (outcome, text(200)).prop_map(|(o, t)| Msg::CopyOutcome(o, t)),
    ]
}

/// Terminal sizes from 0×0 to 300×100, most of them near the usual ones so that
/// the panes, not only the "too small" message, are drawn.
fn size() -> impl Strategy<Value = (u16, u16)> {
    prop_oneof![
        1 => (0..=300u16, 0..=100u16),
        2 => (0..=70u16, 0..=20u16),
        5 => (58..=120u16, 14..=40u16),
    ]
}

/// Sequences of up to 500 inputs, most of them short so that a thousand cases,
/// each drawn after every step, stay within half a minute in a debug build.
fn inputs() -> impl Strategy<Value = Vec<Input>> {
    prop_oneof![
        20 => vec(input(), 0..12),
        4 => vec(input(), 12..48),
        1 => vec(input(), 48..=500),
    ]
}

fn input() -> impl Strategy<Value = Input> {
    prop_oneof![
        10 => key_code().prop_map(|(c, m)| Input::Key(c, m)),
        6 => action().prop_map(Input::Direct),
        1 => msg().prop_map(Input::Loop),
        1 => text(80).prop_map(Input::Paste),
        2 => (0..320u16, 0..110u16).prop_map(|(x, y)| Input::Click(x, y)),
        1 => (0..320u16, 0..110u16, any::<bool>()).prop_map(|(x, y, d)| Input::Wheel(x, y, d)),
        1 => size().prop_map(|(w, h)| Input::Resize(w, h)),
        3 => any::<bool>().prop_map(Input::Deliver),
    ]
}

/// How deep each property goes, from one number: `PROPTEST_CASES` as proptest
/// reads it (`ProptestConfig::default().cases`, 256 when the variable is unset).
/// The explorer runs that many sequences (`weight` 1); the loader and the query
/// parser, whose cases cost a hundredth of a sequence, run ten times as many
/// (`weight` 10). A plain `cargo test` stays light; `.ci/run` sets 1000, for
/// 1 000 sequences and 10 000 datasets and queries. Failures are kept in
/// proptest-regressions/props.txt and replayed first on every run.
fn config(weight: u32) -> ProptestConfig {
    let default = ProptestConfig::default();
    ProptestConfig {
        cases: default.cases.saturating_mul(weight),
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(
            "proptest-regressions/props.txt",
        ))),
        ..default
    }
}

/// Runs `test` on values of `strategy` for the cases of `config(weight)`, and
/// fails with the smallest failing value, as `proptest!` does. The macro sets
/// the count from `PROPTEST_CASES` again over any count it is given, so the
/// properties that run a multiple of it come through here.
fn check_property<S: Strategy>(
    weight: u32,
    strategy: S,
    test: impl Fn(S::Value) -> Result<(), TestCaseError>,
) {
    let mut config = config(weight);
    config.source_file = Some(file!());
    let mut runner = TestRunner::new(config);
    if let Err(e) = runner.run(&strategy, test) {
        panic!("{e}\n{runner}");
    }
}

// ---------------------------------------------------------------- the explorer

/// The terminal event an input stands for, if it is one.
fn to_event(input: &Input) -> Option<Event> {
    let mouse = |kind, column, row| {
        Event::Mouse(MouseEvent {
            kind,
            column,
            row,
            modifiers: KeyModifiers::NONE,
        })
    };
    Some(match input {
        Input::Key(code, modifiers) => Event::Key(KeyEvent::new(*code, *modifiers)),
        Input::Paste(text) => Event::Paste(text.clone()),
        Input::Click(x, y) => mouse(MouseEventKind::Down(MouseButton::Left), *x, *y),
        Input::Wheel(x, y, down) => {
            let kind = if *down {
                MouseEventKind::ScrollDown
            } else {
                MouseEventKind::ScrollUp
            };
            mouse(kind, *x, *y)
        }
        Input::Resize(w, h) => Event::Resize(*w, *h),
        Input::Direct(_) | Input::Loop(_) | Input::Deliver(_) => return None,
    })
}

/// The search thread of src/tui/worker.rs: requests in the order sent, answered
/// by one `Searcher` that lives as long as the loop.
#[derive(Default)]
struct Worker {
    requests: std::collections::VecDeque<(u64, String)>,
    searcher: Searcher,
}

impl Worker {
    fn answer(&mut self, index: &Index, newest: bool) -> Option<Msg> {
        let (generation, query) = if newest {
            let last = self.requests.pop_back();
            self.requests.clear();
            last?
        } else {
            self.requests.pop_front()?
        };
        let hits = self.searcher.search(index, &query);
        Some(Msg::SearchResults { generation, hits })
    }
}

/// Every selection within its list, every overlay's cursor within what it shows.
fn check_app(app: &App, index: &Index, worker: &Worker) -> Result<(), TestCaseError> {
    for pane in Pane::ALL {
        let (selected, rows) = (app.selected(pane), app.rows(pane));
        prop_assert!(selected < rows.max(1), "{pane:?}: row {selected} of {rows}");
    }
    prop_assert!(
        app.panes()
            .organisations()
            .iter()
            .all(|&i| i < app.data().organisations.len())
    );
    prop_assert!(app.page() >= 1);
    match app.overlay() {
        Overlay::Search(sb) => {
            prop_assert!(
                sb.selected() < sb.hits().len().max(1),
                "hit {} of {}",
                sb.selected(),
                sb.hits().len()
            );
            // Hits that are not awaited are those of the input.
            if !sb.pending() {
                let fresh = index.search(&Query::parse(sb.input()));
                prop_assert_eq!(sb.hits(), &fresh[..], "input {:?}", sb.input());
            }
            // Awaited hits have been asked for.
            prop_assert!(
                !sb.pending()
                    || worker
                        .requests
                        .iter()
                        .any(|(g, q)| *g == sb.generation() && *q == sb.input()),
                "generation {} of {:?} never sent",
                sb.generation(),
                sb.input()
            );
        }
        Overlay::Detail(view) => {
            let fresh = pap_tui::present::detail::detail(app.data(), view.target(), app.lang());
            prop_assert_eq!(
                fresh.as_ref(),
                Some(view.detail()),
                "the detail shown is that of {:?}",
                view.target()
            );
            let links = view.detail().links.len();
            prop_assert!(
                view.link() < links.max(1),
                "link {} of {links}",
                view.link()
            );
            let sources = view.detail().source.len();
            prop_assert!(
                view.source().is_none_or(|s| s < sources),
                "source line {:?} of {sources}",
                view.source()
            );
        }
        Overlay::CopyMenu { selected, .. } => prop_assert!(*selected < COPY_FORMATS.len()),
        Overlay::Letter(view) => {
            let lines = app.letter().len();
            prop_assert!(view.scroll() < lines.max(1));
            prop_assert!(
                view.matches()
                    .iter()
                    .all(|m| m.line < lines && m.start < m.end)
            );
            prop_assert!(view.current().is_none_or(|c| c < view.matches().len()));
        }
        Overlay::CopyText { text, scroll } => {
            prop_assert!(*scroll < text.lines().count().max(1));
        }
        Overlay::Help(view) => prop_assert!(view.scroll() < 1_000),
        Overlay::Map(view) => prop_assert!(view.region() < app.data().regions.len().max(1)),
        Overlay::None => {}
    }
    Ok(())
}

/// Draws a frame and checks that everything stayed within the screen and that no
/// control character reached a cell.
fn draw(
    terminal: &mut Terminal<TestBackend>,
    app: &App,
    ui: &mut UiState,
    (width, height): (u16, u16),
) -> Result<(), TestCaseError> {
    let frame = terminal
        .draw(|frame| ui::render(frame, app, ui))
        .map_err(|e| TestCaseError::fail(e.to_string()))?;
    let screen = Rect::new(0, 0, width, height);
    prop_assert_eq!(frame.area, screen);
    prop_assert_eq!(frame.buffer.area, screen);
    prop_assert_eq!(
        frame.buffer.content.len(),
        usize::from(width) * usize::from(height)
    );
    for area in &ui.areas {
        prop_assert!(
            area.is_empty()
                || screen.contains(area.as_position())
                    && area.right() <= width
                    && area.bottom() <= height,
            "pane area {area:?} outside {screen:?}"
        );
    }
    for (i, cell) in frame.buffer.content.iter().enumerate() {
        prop_assert!(
            !cell.symbol().chars().any(|c| is_unsafe(c) || c == '\n'),
            "cell {i} holds {:?}",
            cell.symbol()
        );
    }
    Ok(())
}

/// Runs one sequence of inputs, checking after every step.
fn explore(
    inputs: &[Input],
    hostile_data: bool,
    lang: Lang,
    start: (u16, u16),
) -> Result<(), TestCaseError> {
    let data = if hostile_data { hostile() } else { embedded() };
    let origin = if hostile_data {
        Origin::File(PathBuf::from("/tmp/hostile.json"))
    } else {
        Origin::Embedded
    };
    let mut app = App::new(data.clone(), origin, lang);
    let mut worker = Worker::default();
    let index = index_of(hostile_data);
    let mut size = start;
    let mut terminal = Terminal::new(TestBackend::new(size.0, size.1))
        .map_err(|e| TestCaseError::fail(e.to_string()))?;
    let mut ui = UiState::default();
    app.update(Action::Resize(size.0, size.1));
    check_app(&app, index, &worker)?;
    draw(&mut terminal, &app, &mut ui, size)?;
    for (step, input) in inputs.iter().enumerate() {
        if let Input::Resize(w, h) = input {
            size = (*w, *h);
            terminal.backend_mut().resize(*w, *h);
        }
        let effects = match input {
            Input::Deliver(newest) => worker
                .answer(app.index().expect("the index is built"), *newest)
                .map_or_else(Vec::new, |msg| app.update(msg)),
            Input::Direct(action) => app.update(action.clone()),
            Input::Loop(msg) => app.update(msg.clone()),
            _ => to_event(input)
                .and_then(|event| pap_tui::tui::input::action(&event, &app, &ui, step as u64 * 150))
                .map_or_else(Vec::new, |action| app.update(action)),
        };
        if app.mode() != Mode::Search {
            worker.requests.clear();
        }
        for effect in effects {
            match effect {
                Effect::Copy(text) => {
                    // As the loop does after a copy: half the time it fails and the
                    // text is shown to select by hand.
                    let outcome = if step % 2 == 0 {
                        Ok("tmux")
                    } else {
                        Err("no clipboard \u{1b}[2J".to_string())
                    };
                    app.update(Msg::CopyOutcome(outcome, text));
                }
                Effect::Search { generation, query } => {
                    worker.requests.push_back((generation, query));
                }
                // The loop stops the process; the app is as it was when continued.
                Effect::Save(_) | Effect::Suspend => {}
            }
        }
        check_app(&app, index, &worker)?;
        draw(&mut terminal, &app, &mut ui, size)?;
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(1))]

    /// Up to 500 inputs of every kind, at every size, on the embedded and a
    /// hostile dataset, in both languages.
    #[test]
    fn random_inputs_never_break_the_explorer(
        inputs in inputs(),
        hostile_data in any::<bool>(),
        lang in select(vec![Lang::Fr, Lang::En]),
        start in size(),
    ) {
        explore(&inputs, hostile_data, lang, start)?;
    }
}

// ---------------------------------------------------------------- the loader

/// The embedded JSON mutated as a fuzzer would: bytes flipped, spans cut,
/// inserted or duplicated, JSON tokens dropped in, the end truncated.
#[derive(Debug, Clone)]
enum Mutation {
    Flip { at: usize, byte: u8 },
    Insert { at: usize, bytes: Vec<u8> },
    Token { at: usize, token: &'static str },
    Delete { at: usize, len: usize },
    Duplicate { at: usize, len: usize },
    Truncate { at: usize },
}

const TOKENS: &[&str] = &[
    "\"",
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "null",
    "-1",
    "1e999",
    "0.5",
    "true",
    "\"\\u0000\"",
    "\"\\ud800\"",
    "\\",
    "\"\\u001b]52;c;SGVsbG8=\\u0007\"",
    "\u{feff}",
    "é",
    "\n",
];

fn mutation() -> impl Strategy<Value = Mutation> {
    // Positions are fractions of the text's length, taken at application.
    let at = any::<usize>();
    prop_oneof![
        4 => (at, any::<u8>()).prop_map(|(at, byte)| Mutation::Flip { at, byte }),
        2 => (at, vec(any::<u8>(), 1..8)).prop_map(|(at, bytes)| Mutation::Insert { at, bytes }),
        3 => (at, select(TOKENS.to_vec())).prop_map(|(at, token)| Mutation::Token { at, token }),
        2 => (at, 1..64usize).prop_map(|(at, len)| Mutation::Delete { at, len }),
        1 => (at, 1..256usize).prop_map(|(at, len)| Mutation::Duplicate { at, len }),
        1 => at.prop_map(|at| Mutation::Truncate { at }),
    ]
}

fn mutate(text: &mut Vec<u8>, mutation: &Mutation) {
    let place = |at: usize, len: usize| if len == 0 { 0 } else { at % (len + 1) };
    match mutation {
        Mutation::Flip { at, byte } if !text.is_empty() => {
            let i = at % text.len();
            text[i] = *byte;
        }
        Mutation::Flip { .. } => {}
        Mutation::Insert { at, bytes } => {
            let i = place(*at, text.len());
            text.splice(i..i, bytes.iter().copied());
        }
        Mutation::Token { at, token } => {
            let i = place(*at, text.len());
            text.splice(i..i, token.bytes());
        }
        Mutation::Delete { at, len } => {
            let i = place(*at, text.len());
            let end = (i + len).min(text.len());
            text.drain(i..end);
        }
        Mutation::Duplicate { at, len } => {
            let i = place(*at, text.len());
            let end = (i + len).min(text.len());
            let span = text[i..end].to_vec();
            text.splice(end..end, span);
        }
        Mutation::Truncate { at } => text.truncate(place(*at, text.len())),
    }
}

/// Checks that a load failure says `file:line:column:` with a line and a column
/// that exist in the text (the column may be one past the end of its line).
fn check_position(error: &DataError, text: &str, file: &str) -> Result<(), TestCaseError> {
    let shown = error.to_string();
    let located: Vec<(usize, usize)> = match error {
        DataError::Read { .. } | DataError::NotRegular { .. } | DataError::TooLarge { .. } => {
            return Err(TestCaseError::fail(format!("read error: {shown}")));
        }
        DataError::NotUtf8 { line, column, .. } | DataError::Json { line, column, .. } => {
            vec![(*line, *column)]
        }
        DataError::Invalid { problems, .. } => {
            prop_assert!(!problems.is_empty());
            problems.iter().map(|p| (p.line, p.column)).collect()
        }
    };
    let lines: Vec<&str> = text.split('\n').collect();
    for (line, column) in located {
        let prefix = format!("{file}:{line}:{column}: ");
        prop_assert!(shown.contains(&prefix), "{prefix:?} not in {shown:?}");
        prop_assert!(
            (1..=lines.len()).contains(&line),
            "line {line} of {}",
            lines.len()
        );
        let chars = lines[line - 1].chars().count();
        prop_assert!(
            (1..=chars + 1).contains(&column),
            "column {column} of {chars} at line {line}"
        );
    }
    Ok(())
}

/// A reused file for the byte loader, one per test thread.
fn scratch() -> &'static (tempfile::TempDir, PathBuf) {
    static DIR: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    DIR.get_or_init(|| {
        // In memory where there is such a place: thousands of files are written.
        let dir = tempfile::tempdir_in("/dev/shm")
            .or_else(|_| tempfile::tempdir())
            .expect("tempdir");
        let path = dir.path().join("mutated.json");
        (dir, path)
    })
}

/// A mutated dataset loads, or fails with a position that exists; bytes that
/// are not UTF-8 go through the file loader.
#[test]
fn mutated_datasets_load_or_name_a_position() {
    check_property(10, vec(mutation(), 1..6), |mutations| {
        let mut bytes = EMBEDDED_JSON.as_bytes().to_vec();
        for m in &mutations {
            mutate(&mut bytes, m);
        }
        match String::from_utf8(bytes) {
            Ok(text) => {
                let origin = Origin::File(PathBuf::from("mutated.json"));
                let parsed = data::parse(&text, origin.clone());
                if let Err(e) = &parsed {
                    check_position(e, &text, "mutated.json")?;
                }
                // The byte loader's quicker path ends the same way.
                match (parsed, data::parse_bytes(text.as_bytes(), origin)) {
                    (Ok(a), Ok(b)) => prop_assert!(a.dataset == b.dataset),
                    (Err(a), Err(b)) => prop_assert_eq!(a.to_string(), b.to_string()),
                    (a, b) => prop_assert!(false, "{:?} but {:?}", a.is_ok(), b.is_ok()),
                }
            }
            Err(e) => {
                let (_, path) = scratch();
                std::fs::write(path, e.as_bytes())
                    .map_err(|e| TestCaseError::fail(e.to_string()))?;
                let error = data::load(Some(path));
                prop_assert!(matches!(error, Err(DataError::NotUtf8 { .. })), "{error:?}");
                let valid = e.utf8_error().valid_up_to();
                let text = String::from_utf8_lossy(&e.as_bytes()[..valid]);
                if let Err(error) = error {
                    check_position(&error, &text, &path.display().to_string())?;
                }
            }
        }
        Ok(())
    });
}

// ---------------------------------------------------------------- the search

/// Queries: arbitrary characters, fzf syntax, and pieces of real labels
/// decorated with fzf operators (the kind of text that narrows and widens).
fn query() -> impl Strategy<Value = String> {
    let labels: Vec<String> = index_of(false)
        .entries()
        .iter()
        .chain(index_of(true).entries())
        .map(|e| e.label.clone())
        .collect();
    let piece = (select(labels), any::<usize>(), 1..8usize).prop_map(|(label, at, len)| {
        let chars: Vec<char> = label.chars().collect();
        let start = at % chars.len().max(1);
        // Prefer the end of the label now and then, for `suffix$`.
        let start = if at % 3 == 0 {
            chars.len().saturating_sub(len)
        } else {
            start
        };
        chars[start..(start + len).min(chars.len())]
            .iter()
            .collect::<String>()
    });
    let decorated = (
        select(vec!["", "'", "^", "!", "!^", "!'"]),
        piece,
        select(vec!["", "$", " ", "$ "]),
    )
        .prop_map(|(a, p, z)| format!("{a}{p}{z}"));
    prop_oneof![
        2 => text(16),
        3 => vec(decorated, 1..3).prop_map(|terms| terms.concat()),
        1 => "\\PC{0,16}",
    ]
}

/// Every highlight range is a non-empty, ordered range of the label's characters.
fn check_highlights(index: &Index, query: &Query) -> Result<(), TestCaseError> {
    for hit in index.search(query) {
        let chars = index.entry(hit.entry).label.chars().count();
        let ranges = index.highlights(hit.entry, query);
        let mut last = 0;
        for &(start, end) in &ranges {
            prop_assert!(
                start < end && end <= chars,
                "{ranges:?} in {chars} characters"
            );
            prop_assert!(start >= last, "{ranges:?} out of order");
            last = end;
        }
    }
    Ok(())
}

/// Parsing and matching never panic; highlights stay within labels; the
/// searcher used while typing gives what a fresh search gives, for every
/// prefix typed and every one erased.
#[test]
fn queries_match_and_narrow_consistently() {
    check_property(10, (query(), any::<bool>()), |(input, hostile_data)| {
        let index = index_of(hostile_data);
        check_highlights(index, &Query::parse(&input))?;
        let bounds: Vec<usize> = input
            .char_indices()
            .map(|(i, _)| i)
            .chain([input.len()])
            .collect();
        let mut searcher = Searcher::default();
        // Typed one character at a time, then erased back to half of it.
        let half = bounds[bounds.len() / 2];
        for &end in bounds.iter().chain([&half]) {
            let prefix = &input[..end];
            let fresh = index.search(&Query::parse(prefix));
            prop_assert_eq!(searcher.search(index, prefix), fresh, "prefix {:?}", prefix);
        }
        Ok(())
    });
}

/// Markdown escaping hides nothing and leaves nothing active: read back (each
/// backslash pair as its character), the output is the text with each line's
/// leading blanks dropped; every inline markup character is escaped, and no
/// line starts a heading, a list (bulleted or numbered), a rule or a fence.
#[test]
fn markdown_escaping_reads_back_and_leaves_no_markup() {
    let markup = || {
        select(
            "#-+=~.)0123456789 \t\n\r*_`[]<>&|\\ab"
                .chars()
                .collect::<Vec<_>>(),
        )
    };
    let strategy = vec(prop_oneof![3 => markup(), 1 => any_char()], 0..40)
        .prop_map(|c| c.into_iter().collect::<String>());
    check_property(2, strategy, |input| {
        let out = pap_tui::base::escape::markdown(&input);
        let mut back = String::new();
        let mut chars = out.chars().peekable();
        let mut line_start = true;
        while let Some(c) = chars.next() {
            if c == '\\' {
                let escaped = chars.next();
                prop_assert!(
                    escaped.is_some_and(|e| e.is_ascii_punctuation()),
                    "{:?} -> {:?}",
                    input,
                    out
                );
                back.extend(escaped);
                line_start = false;
                continue;
            }
            prop_assert!(
                !"|*_`~[]<>&".contains(c),
                "{:?} unescaped in {:?} (from {:?})",
                c,
                out,
                input
            );
            prop_assert!(
                !(line_start && "#-+=~ \t".contains(c)),
                "line starts with {:?} in {:?}",
                c,
                out
            );
            line_start = c == '\n' || c == '\r';
            back.push(c);
        }
        for line in out.split(['\n', '\r']) {
            let number = line.trim_start_matches(|c: char| c.is_ascii_digit());
            prop_assert!(
                number.len() == line.len() || !number.starts_with(['.', ')']),
                "a numbered item in {:?}",
                out
            );
        }
        let want: String = input
            .split_inclusive(['\n', '\r'])
            .map(|l| l.trim_start_matches([' ', '\t']))
            .collect();
        prop_assert_eq!(back, want);
        Ok(())
    });
}

// ---------------------------------------------------------------- kept cases

/// Found by `queries_match_and_narrow_consistently` (`)` then `)$`): a fuzzy
/// term in long text must fall within one word while a suffix need not, so
/// `(safima)` finds nothing, and `(safima)$` typed after it must not search only
/// among those hits (`Query::narrows` once treated `x` → `x$` as narrowing).
#[test]
fn typing_a_suffix_after_a_separator_finds_what_a_fresh_search_finds() {
    let index = index_of(false);
    let mut searcher = Searcher::default();
    assert_eq!(searcher.search(index, "(safima)"), []);
    let fresh = index.search(&Query::parse("(safima)$"));
    assert_eq!(fresh.len(), 1, "SAFIMA's label ends with (SAFIMA)");
    assert_eq!(searcher.search(index, "(safima)$"), fresh);
}

/// Found by `random_inputs_never_break_the_explorer` (a resize to 0×0 after a
/// frame): `ui::render` once returned early on an empty area keeping the last
/// frame's pane areas, so `UiState::hit` mapped positions to panes not drawn.
#[test]
fn zero_size_frame_forgets_the_panes() {
    let app = App::new(embedded().clone(), Origin::Embedded, Lang::En);
    let mut ui = UiState::default();
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    terminal
        .draw(|f| ui::render(f, &app, &mut ui))
        .expect("draw");
    assert!(ui.hit(5, 5).is_some(), "the regions pane is under (5, 5)");
    terminal.backend_mut().resize(0, 0);
    terminal
        .draw(|f| ui::render(f, &app, &mut ui))
        .expect("draw");
    assert_eq!(ui.hit(5, 5), None, "nothing is drawn, nothing can be hit");
}

/// A search box closed with a request still out, then a new one: if the new box
/// counted generations from 1 again, the old box's late answer would be taken as
/// the new box's, showing the hits of `x` while the box says `y`. Generations
/// keep counting on `App` across search boxes.
#[test]
fn a_closed_search_boxs_answer_is_not_taken_by_the_next() {
    let mut app = App::new(embedded().clone(), Origin::Embedded, Lang::En);
    let mut sent = Vec::new();
    let mut send = |app: &mut App, action| {
        for effect in app.update(action) {
            if let Effect::Search { generation, query } = effect {
                sent.push((generation, query));
            }
        }
    };
    send(&mut app, Action::OpenSearch);
    send(&mut app, Action::Input('x'));
    send(&mut app, Action::ClearInput);
    send(&mut app, Action::Back);
    send(&mut app, Action::OpenSearch);
    send(&mut app, Action::Input('y'));
    let (generation, query) = sent[1].clone();
    assert_eq!(query, "x");
    let stale = app
        .index()
        .expect("the index is built")
        .search(&Query::parse("x"));
    app.update(Msg::SearchResults {
        generation,
        hits: stale,
    });
    let Overlay::Search(sb) = app.overlay() else {
        panic!("the search box is open");
    };
    assert_eq!(sb.input(), "y");
    assert!(
        sb.pending()
            || sb.hits()
                == app
                    .index()
                    .expect("the index is built")
                    .search(&Query::parse("y")),
        "hits of \"x\" shown as the answer to \"y\""
    );
}

/// The same bug as the explorer shows it: the search box stays empty.
#[test]
fn search_box_finds_safima_by_its_acronym_suffix() {
    let mut app = App::new(embedded().clone(), Origin::Embedded, Lang::En);
    let mut worker = Worker::default();
    let actions = std::iter::once(Action::OpenSearch).chain("(safima)$".chars().map(Action::Input));
    for action in actions {
        for effect in app.update(action) {
            if let Effect::Search { generation, query } = effect {
                worker.requests.push_back((generation, query));
            }
        }
        let index = app.index().cloned().expect("the index is built");
        if let Some(msg) = worker.answer(&index, false) {
            app.update(msg);
        }
    }
    let Overlay::Search(sb) = app.overlay() else {
        panic!("the search box is open");
    };
    assert_eq!(sb.hits().len(), 1, "{:?}", sb.hits());
}

/// Every overlay that `check_app` checks is reached by actions the sequences hold.
#[test]
fn every_mode_is_reachable() {
    let mut app = App::new(embedded().clone(), Origin::Embedded, Lang::En);
    let mut seen = vec![app.mode()];
    for input in [
        Action::ToggleHelp,
        Action::ToggleLetter,
        Action::OpenSearch,
        // Back from the search to the letter, the help, then the panes.
        Action::Back,
        Action::Back,
        Action::Back,
        Action::Focus(Pane::Organisations),
        Action::Open,
        Action::OpenCopyMenu,
        Action::Back,
    ]
    .map(pap_tui::app::Update::from)
    .into_iter()
    .chain([Msg::CopyOutcome(Err("off".into()), "text".into()).into()])
    {
        app.update(input);
        seen.push(app.mode());
    }
    for mode in [
        Mode::Normal,
        Mode::Help,
        Mode::Letter,
        Mode::Search,
        Mode::Detail,
        Mode::CopyMenu,
        Mode::CopyText,
    ] {
        assert!(seen.contains(&mode), "{mode:?} not reached: {seen:?}");
    }
}
