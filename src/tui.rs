//! The terminal side of the explorer: set-up and restoration on every way out,
//! and the synchronous loop `event -> Action -> update -> redraw`.

use std::io::{self, IsTerminal, Stdout, Write};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, mpsc};
use std::time::Duration;

use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, KeyEventKind, MouseButton, MouseEventKind,
};
use crossterm::terminal::{self, EnterAlternateScreen, LeaveAlternateScreen};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use crate::app::{Action, App, Effect, Mode, SharedIndex, keymap};
use crate::clipboard;
use crate::search::Index;
use crate::ui::{self, UiState};

/// Why the explorer cannot open here.
#[derive(Debug, thiserror::Error)]
pub enum TuiError {
    #[error(
        "the explorer needs an interactive terminal ({0}); use a subcommand instead: search, regions, organisations, cities, funding, articles, export, validate, paths, config (see `pap-tui --help`)"
    )]
    NotATerminal(&'static str),
    #[error("terminal error: {0}")]
    Io(#[from] io::Error),
}

/// Checks that stdin and stdout are terminals and `TERM` is not `dumb`.
pub fn check_terminal() -> Result<(), TuiError> {
    if !io::stdin().is_terminal() {
        return Err(TuiError::NotATerminal("standard input is not a terminal"));
    }
    if !io::stdout().is_terminal() {
        return Err(TuiError::NotATerminal("standard output is not a terminal"));
    }
    if std::env::var("TERM").is_ok_and(|t| t == "dumb") {
        return Err(TuiError::NotATerminal("TERM is dumb"));
    }
    Ok(())
}

/// Undoes everything `enter` did. Safe to call more than once.
pub fn restore() {
    let mut out = io::stdout();
    let _ = execute!(
        out,
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen,
        cursor::Show
    );
    let _ = terminal::disable_raw_mode();
    let _ = out.flush();
}

/// How the explorer ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// The user quit.
    Quit,
    /// A signal (SIGINT, SIGTERM, SIGHUP) asked it to stop; the number.
    Signal(i32),
}

/// The background search: the newest query wins, older ones not yet started are
/// dropped, and each answer carries the generation of its query.
struct SearchWorker {
    requests: mpsc::Sender<(u64, String)>,
    results: mpsc::Receiver<Action>,
}

impl SearchWorker {
    /// Builds the index of `data`, hands it over, then answers the newest
    /// request each time; requests sent while the index is built wait for it.
    fn spawn(data: Arc<crate::data::Dataset>, index: Option<Arc<Index>>) -> SearchWorker {
        let (requests, inbox) = mpsc::channel::<(u64, String)>();
        let (outbox, results) = mpsc::channel();
        std::thread::spawn(move || {
            let index = match index {
                Some(index) => index,
                None => {
                    let index = Arc::new(Index::build(&data));
                    if outbox
                        .send(Action::IndexReady(SharedIndex(Arc::clone(&index))))
                        .is_err()
                    {
                        return;
                    }
                    index
                }
            };
            drop(data);
            let mut searcher = crate::search::Searcher::default();
            while let Ok(mut request) = inbox.recv() {
                while let Ok(newer) = inbox.try_recv() {
                    request = newer;
                }
                let hits = searcher.search(&index, &request.1);
                if outbox.send(Action::SearchResults(request.0, hits)).is_err() {
                    break;
                }
            }
        });
        SearchWorker { requests, results }
    }
}

/// How long the loop has to stop by itself after a signal before the process
/// ends anyway: a terminal that hung up can keep crossterm reading forever.
const SIGNAL_GRACE: Duration = Duration::from_millis(500);

/// Records the first of SIGINT, SIGTERM or SIGHUP, so the loop can stop, save
/// and restore the terminal. If the loop is stuck, the terminal is restored and
/// the process ends after a grace period, with status 128 + the signal.
#[cfg(unix)]
fn watch_signals() -> io::Result<Arc<AtomicUsize>> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let caught = Arc::new(AtomicUsize::new(0));
    let mut signals = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP])?;
    let flag = Arc::clone(&caught);
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            flag.store(signal as usize, Ordering::SeqCst);
            std::thread::sleep(SIGNAL_GRACE);
            restore();
            std::process::exit(128 + signal);
        }
    });
    Ok(caught)
}

#[cfg(not(unix))]
fn watch_signals() -> io::Result<Arc<AtomicUsize>> {
    let caught = Arc::new(AtomicUsize::new(0));
    for signal in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM] {
        signal_hook::flag::register_usize(signal, Arc::clone(&caught), signal as usize)?;
    }
    Ok(caught)
}

/// Restores the terminal when dropped, whichever way the loop ends.
struct Session;

impl Drop for Session {
    fn drop(&mut self) {
        restore();
    }
}

fn enter(mouse: bool) -> io::Result<Session> {
    std::panic::set_hook(Box::new(|info| {
        restore();
        let place = info
            .location()
            .map_or_else(String::new, |l| format!(" at {}:{}", l.file(), l.line()));
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        eprintln!(
            "pap-tui: internal error{place}: {}\nThe terminal was restored. Please report this with the steps that led to it.",
            crate::text::line(&message)
        );
    }));
    terminal::enable_raw_mode()?;
    let session = Session;
    let mut out = io::stdout();
    execute!(
        out,
        EnterAlternateScreen,
        EnableBracketedPaste,
        cursor::Hide
    )?;
    if mouse {
        execute!(out, EnableMouseCapture)?;
    }
    Ok(session)
}

/// Options of the loop that come from the environment or the config.
#[derive(Debug, Clone)]
pub struct Options {
    pub mouse: bool,
    pub theme: ui::theme::ThemeName,
    pub clipboard: clipboard::Plan,
    /// Where `state.json` is written; `None` when there is no such directory.
    pub state_file: Option<std::path::PathBuf>,
}

/// Writes the state; after one failure it warns once and stops trying.
struct StateStore {
    path: Option<std::path::PathBuf>,
    failed: bool,
}

impl StateStore {
    fn save(&mut self, state: &crate::state::State) -> Option<Action> {
        let path = self.path.as_ref().filter(|_| !self.failed)?;
        match crate::state::save(path, state) {
            Ok(()) => None,
            Err(e) => {
                self.failed = true;
                Some(Action::Notify(
                    format!(
                        "{}: cannot save ({e}); stars and history stay for this session only",
                        path.display()
                    ),
                    true,
                ))
            }
        }
    }
}

/// Opens the explorer on loaded data: reads the config and the state, chooses
/// the clipboard method and the theme from them and the environment, then runs.
/// Problems with those files are shown in the status bar, never fatal.
pub fn open(
    loaded: crate::data::Loaded,
    lang_flag: Option<crate::i18n::Lang>,
) -> Result<Exit, TuiError> {
    check_terminal()?;
    let env = |k: &str| std::env::var(k).ok();
    let paths = crate::config::Paths::from_env(env);
    let (config, mut warnings) = crate::config::load(paths.config_file().as_deref());
    let lang = lang_flag
        .or(config.language)
        .unwrap_or_else(|| crate::i18n::Lang::from_env(env));
    let forced = env("PAP_TUI_CLIPBOARD");
    let choice = match forced.as_deref().map(clipboard::Choice::parse) {
        Some(Some(choice)) => choice,
        Some(None) => {
            warnings.push(format!(
                "PAP_TUI_CLIPBOARD={}: not one of auto, osc52, tmux, native, off; using the config",
                crate::text::line(forced.as_deref().unwrap_or_default())
            ));
            config.clipboard
        }
        None => config.clipboard,
    };
    let environment = clipboard::Environment::from_env(env);
    let mut options = Options {
        mouse: config.mouse,
        theme: ui::theme::effective(config.theme, env("NO_COLOR").as_deref()),
        clipboard: clipboard::choose(choice, &environment, &clipboard::on_path),
        state_file: paths.state_file(),
    };
    let mut app = App::starting(loaded.dataset, loaded.origin, lang);
    let config_file = paths
        .config_file()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    for warning in keymap::apply_overrides(&mut app.keymap, &config.keys) {
        warnings.push(format!("{config_file}: {warning}"));
    }
    if let Some(path) = options.state_file.clone() {
        let session = crate::state::open(&path);
        warnings.extend(session.warnings);
        app.restore(&session.state);
        if !session.writable {
            options.state_file = None;
        }
    }
    if let Some(first) = warnings.first() {
        let more = match warnings.len() {
            1 => String::new(),
            n => format!(" (+{} more)", n - 1),
        };
        app.update(Action::Notify(format!("{first}{more}"), true));
    }
    run(app, options)
}

/// Runs the explorer until the user quits.
pub fn run(mut app: App, options: Options) -> Result<Exit, TuiError> {
    check_terminal()?;
    let caught = watch_signals()?;
    let _session = enter(options.mouse)?;
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    let mut ui = UiState::new(options.theme);
    let size = terminal.size()?;
    app.update(Action::Resize(size.width, size.height));
    let mut dirty = true;
    let mut mouse_captured = options.mouse;
    let mut store = StateStore {
        path: options.state_file.clone(),
        failed: false,
    };
    let worker = (app.search_mode == crate::app::SearchMode::Background)
        .then(|| SearchWorker::spawn(Arc::clone(&app.data), app.index.clone()));
    let mut exit = Exit::Quit;
    while app.running {
        if let Some(worker) = &worker {
            while let Ok(action) = worker.results.try_recv() {
                app.update(action);
                dirty = true;
            }
        }
        let signal = caught.load(Ordering::Relaxed);
        if signal != 0 {
            exit = Exit::Signal(signal as i32);
            break;
        }
        // Text shown after a failed copy must be selectable with the mouse.
        let want_mouse = options.mouse && app.mode() != Mode::CopyText;
        if want_mouse != mouse_captured {
            if want_mouse {
                execute!(io::stdout(), EnableMouseCapture)?;
            } else {
                execute!(io::stdout(), DisableMouseCapture)?;
            }
            mouse_captured = want_mouse;
        }
        if dirty {
            terminal.draw(|frame| ui::render(frame, &app, &mut ui))?;
            dirty = false;
        }
        // A short timeout so that a signal is seen promptly, shorter still while
        // background hits are awaited.
        let searching = matches!(&app.overlay, crate::app::Overlay::Search(sb) if sb.pending);
        let timeout = Duration::from_millis(if searching { 5 } else { 100 });
        if !event::poll(timeout)? {
            continue;
        }
        let event = event::read()?;
        // Lets the tests check that a panic restores the terminal; debug builds only.
        #[cfg(debug_assertions)]
        if matches!(event, Event::Key(_)) && std::env::var_os("PAP_TUI_TEST_PANIC").is_some() {
            panic!("panic requested by PAP_TUI_TEST_PANIC");
        }
        let Some(action) = to_action(event, &app, &ui, &mut dirty) else {
            continue;
        };
        match app.update(action) {
            Some(Effect::Search { generation, query }) => {
                if let Some(worker) = &worker {
                    // The worker lives as long as the loop; a send cannot fail.
                    let _ = worker.requests.send((generation, query));
                }
            }
            Some(effect) => {
                let lang = app.lang;
                if let Some(outcome) = carry_out(effect, &options, &mut store, &mut terminal, lang)
                {
                    app.update(outcome);
                }
            }
            None => {}
        }
        dirty = true;
    }
    store.save(&app.snapshot());
    Ok(exit)
}

/// Maps a terminal event to an action; a resize only asks for a redraw.
fn to_action(event: Event, app: &App, ui: &UiState, dirty: &mut bool) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind == KeyEventKind::Press => {
            keymap::action_for(&app.keymap, app.mode(), key)
        }
        Event::Paste(text) => Some(Action::Paste(text)),
        Event::Resize(w, h) => {
            *dirty = true;
            Some(Action::Resize(w, h))
        }
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::Down(MouseButton::Left) => match ui.hit(mouse.column, mouse.row) {
                Some((pane, Some(row))) if row < app.rows(pane) => Some(Action::Select(pane, row)),
                Some((pane, _)) => Some(Action::Focus(pane)),
                None => None,
            },
            MouseEventKind::ScrollDown => Some(Action::Scroll(
                ui.hit(mouse.column, mouse.row).map(|h| h.0),
                3,
            )),
            MouseEventKind::ScrollUp => Some(Action::Scroll(
                ui.hit(mouse.column, mouse.row).map(|h| h.0),
                -3,
            )),
            _ => None,
        },
        _ => None,
    }
}

/// Carries out a side effect between frames; its outcome, if any, is an action.
fn carry_out(
    effect: Effect,
    options: &Options,
    store: &mut StateStore,
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    lang: crate::i18n::Lang,
) -> Option<Action> {
    match effect {
        Effect::Copy(text) => {
            let result = clipboard::copy(options.clipboard, &text, terminal.backend_mut())
                .map_err(|e| e.in_language(lang));
            Some(Action::CopyOutcome(result, text))
        }
        Effect::Save(state) => store.save(&state),
        // Sent to the search worker by the loop.
        Effect::Search { .. } => None,
    }
}
