//! The terminal side of the explorer: the synchronous loop
//! `event -> Action -> update -> effects -> redraw`, on top of the terminal
//! guard (`terminal`), the start-up wiring (`startup`) and the search thread
//! (`worker`).

mod frame;
pub mod input;
mod startup;
pub mod terminal;
mod worker;

use std::io::{self, Stdout};
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crossterm::event::{self, Event};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use crate::app::{Action, App, Effect, Mode, Msg, Overlay};
use crate::base::clipboard;
use crate::i18n::{Lang, Message, Text};
use crate::ui::{self, UiState};

use frame::FrameWriter;
pub use terminal::{TuiError, check_terminal, restore};
use worker::SearchWorker;

/// How the explorer ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// The user quit.
    Quit,
    /// A signal (SIGINT, SIGTERM, SIGHUP) asked it to stop; the number.
    Signal(i32),
}

/// Options of the loop that come from the environment or the config.
#[derive(Debug, Clone)]
pub(crate) struct Options {
    pub mouse: bool,
    pub theme: ui::theme::ThemeName,
    pub clipboard: clipboard::Plan,
    /// OSC 52 copies may be dropped here (inside tmux): a copy says so.
    pub osc52_may_be_dropped: bool,
    /// Where `state.json` is written; `None` when there is no such directory.
    pub state_file: Option<std::path::PathBuf>,
}

/// Opens the explorer on loaded data, with the config, the state and the
/// environment, and runs it until the user quits.
pub fn open(
    loaded: crate::data::Loaded,
    lang_flag: Option<crate::i18n::Lang>,
) -> Result<Exit, TuiError> {
    if loaded.origin.is_stdin() {
        terminal::keys_from_controlling_terminal();
    }
    // The terminal is checked before the state is read.
    check_terminal()?;
    let (app, options) = startup::prepare(loaded, lang_flag);
    let screen = Screen::enter(options.mouse)?;
    run_on(app, options, screen)
}

/// Writes the state; after one failure it warns once and stops trying. Shared
/// with the signal thread, which saves the latest snapshot if the loop is stuck.
struct StateStore {
    path: Option<std::path::PathBuf>,
    failed: bool,
    /// The app's state when it was last saved (or started): a save applies
    /// only what changed since to the file, which other sessions write too.
    base: crate::store::state::State,
    /// The app's latest snapshot, for the signal thread.
    latest: Option<crate::store::state::State>,
    /// Saved for the last time: nothing more is written.
    done: bool,
}

impl StateStore {
    fn save(&mut self, state: &crate::store::state::State, lang: Lang) -> Option<Msg> {
        let path = self.path.as_ref().filter(|_| !self.failed && !self.done)?;
        match crate::store::state::save_merged(path, &self.base, state) {
            Ok(_) => {
                self.base = state.clone();
                None
            }
            Err(e) => {
                self.failed = true;
                let warning = crate::store::state::cannot_save(path, &e).describe(lang);
                Some(Msg::Notify(warning, true))
            }
        }
    }

    /// The last save of the session.
    fn finish(&mut self, state: &crate::store::state::State, lang: Lang) {
        self.save(state, lang);
        self.done = true;
    }

    /// The last save from the signal thread, if the loop has not made it.
    fn finish_latest(&mut self) {
        if let Some(latest) = self.latest.take() {
            self.finish(&latest, Lang::En);
        }
        self.done = true;
    }
}

/// The store, even if a thread panicked while holding it: it holds no
/// invariant a panic can break.
fn lock(store: &Mutex<StateStore>) -> std::sync::MutexGuard<'_, StateStore> {
    store
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// How long the signal thread waits for a save the loop is making: one stuck
/// longer (a disk that does not answer, another session holding the state's
/// lock) is given up, so that the process still ends; its temporary file is
/// removed and `state.json` stays as it was.
const SAVE_GRACE: Duration = Duration::from_secs(2);

/// `mutex` locked (a poisoned one too), unless another thread holds it for
/// longer than `grace`.
fn lock_within<T>(mutex: &Mutex<T>, grace: Duration) -> Option<std::sync::MutexGuard<'_, T>> {
    let deadline = std::time::Instant::now() + grace;
    loop {
        match mutex.try_lock() {
            Ok(guard) => return Some(guard),
            Err(std::sync::TryLockError::Poisoned(poisoned)) => return Some(poisoned.into_inner()),
            Err(std::sync::TryLockError::WouldBlock) if std::time::Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(10));
            }
            Err(std::sync::TryLockError::WouldBlock) => return None,
        }
    }
}

/// What the loop holds besides the app: the terminal, the search thread, where
/// the state goes, and the options.
struct Loop {
    terminal: Terminal<CrosstermBackend<FrameWriter<Stdout>>>,
    ui: UiState,
    worker: SearchWorker,
    store: Arc<Mutex<StateStore>>,
    options: Options,
    mouse_captured: bool,
    /// The newest search the app asked for and the thread has not been sent:
    /// keys that come in a burst (typed fast, pasted) are all applied before
    /// the thread is asked, so that it starts on the last query, not the first.
    search: Option<(u64, String)>,
}

/// The terminal taken for the explorer: the signals watched, the screen
/// entered (restored when this is dropped), and ratatui's terminal on it.
struct Screen {
    terminal: Terminal<CrosstermBackend<FrameWriter<Stdout>>>,
    store: Arc<Mutex<StateStore>>,
    caught: Arc<std::sync::atomic::AtomicUsize>,
    jobs: terminal::JobControl,
    _guard: terminal::Guard,
}

impl Screen {
    /// Takes the terminal. The state store it makes saves nothing until the
    /// app is handed to [`run_on`].
    fn enter(mouse: bool) -> Result<Screen, TuiError> {
        check_terminal()?;
        let store = Arc::new(Mutex::new(StateStore {
            path: None,
            failed: false,
            base: crate::store::state::State::default(),
            latest: None,
            done: false,
        }));
        let caught = terminal::watch_signals({
            let store = Arc::clone(&store);
            move || {
                if let Some(mut store) = lock_within(&store, SAVE_GRACE) {
                    store.finish_latest();
                }
            }
        })?;
        let jobs = terminal::watch_job_control()?;
        let guard = terminal::enter(mouse)?;
        Ok(Screen {
            terminal: Terminal::new(CrosstermBackend::new(FrameWriter::new(io::stdout())))?,
            store,
            caught,
            jobs,
            _guard: guard,
        })
    }
}

/// Draws a frame as one synchronized update (mode 2026): a terminal that
/// knows the mode shows the frame whole, never half of it over the last
/// one; others ignore it. The frame leaves in one write ([`FrameWriter`]).
fn draw_synchronized(
    terminal: &mut Terminal<CrosstermBackend<FrameWriter<Stdout>>>,
    render: impl FnOnce(&mut ratatui::Frame),
) -> io::Result<()> {
    crossterm::queue!(
        terminal.backend_mut(),
        crossterm::terminal::BeginSynchronizedUpdate
    )?;
    terminal.draw(render)?;
    crossterm::execute!(
        terminal.backend_mut(),
        crossterm::terminal::EndSynchronizedUpdate
    )
}

/// Runs the explorer on a terminal taken until the user quits, a signal stops
/// it or the terminal closes.
fn run_on(mut app: App, options: Options, screen: Screen) -> Result<Exit, TuiError> {
    let Screen {
        terminal,
        store,
        caught,
        jobs,
        _guard,
    } = screen;
    {
        let mut store = lock(&store);
        store.path = options.state_file.clone();
        store.base = app.snapshot();
        store.latest = Some(app.snapshot());
    }
    let size = terminal.size()?;
    app.update(Action::Resize(size.width, size.height));
    app.update(Msg::Theme(options.theme));
    let mut lp = Loop {
        terminal,
        ui: UiState::default(),
        worker: SearchWorker::spawn(
            Arc::clone(app.data()),
            app.index().cloned(),
            (app.origin().clone(), app.letter_slot()),
        ),
        store,
        mouse_captured: options.mouse,
        search: None,
        options,
    };
    let ended = hung_up(lp.events(&mut app, &caught, &jobs), &caught);
    // Saved whichever way the loop ended, an error writing to or reading from
    // a terminal that has just closed included.
    lock(&lp.store).finish(&app.snapshot(), app.lang());
    // ratatui's terminal shows the cursor when dropped and reports a failure
    // on standard error, which panics once the terminal has hung up (EIO on
    // both). The guard shows the cursor, and ignores what a closed terminal
    // answers.
    let Loop { terminal, .. } = lp;
    std::mem::forget(terminal);
    drop(_guard);
    // The process ends next: a temporary file still being written
    // would be left behind.
    crate::base::files::remove_temporaries();
    // The process ends next: the system takes the app's memory back at once,
    // where freeing a large dataset string by string takes a while after the
    // user has quit (190 ms at 1 000 000 organisations).
    std::mem::forget(app);
    ended
}

/// How the loop ended, once the terminal may have hung up: an error reading
/// from or writing to it (EIO) after a signal, or on a terminal whose input is
/// closed, is the hang-up itself, and the explorer ends as on SIGHUP.
fn hung_up(
    ended: Result<Exit, TuiError>,
    caught: &std::sync::atomic::AtomicUsize,
) -> Result<Exit, TuiError> {
    let signal = caught.load(Ordering::SeqCst);
    match ended {
        Err(_) if signal != 0 => Ok(Exit::Signal(signal as i32)),
        Err(_) if terminal::wait_input(Duration::ZERO) == terminal::Input::HungUp => {
            Ok(Exit::Signal(terminal::HANG_UP))
        }
        ended => ended,
    }
}

/// What the terminal gave the loop.
enum Incoming {
    HungUp,
    Nothing,
    Event(Event),
}

/// How long to wait for input: a short time so that a signal is seen promptly,
/// shorter still while hits are awaited, and not at all when crossterm holds
/// events already read.
fn wait_for(held: bool, app: &App) -> Duration {
    let searching = matches!(app.overlay(), Overlay::Search(sb) if sb.pending());
    match (held, searching) {
        (true, _) => Duration::ZERO,
        (false, true) => Duration::from_millis(5),
        (false, false) => Duration::from_millis(100),
    }
}

/// The next event, if one comes within `timeout`. The terminal is looked at
/// before crossterm reads it, which would read a closed terminal forever; then
/// crossterm is asked, which also reports what its signal handling saw (a
/// resize). Keys that make no event for a while mean crossterm waits on an
/// unfinished sequence: the terminal's answer to a query ends it.
fn next_event(
    timeout: Duration,
    held: &mut bool,
    stuck: &mut terminal::StuckInput,
) -> io::Result<Incoming> {
    let input = terminal::wait_input(timeout);
    if input == terminal::Input::HungUp {
        return Ok(Incoming::HungUp);
    }
    *held = event::poll(Duration::ZERO)?;
    if !*held {
        if input == terminal::Input::Data && stuck.no_event(std::time::Instant::now()) {
            terminal::ask_device_attributes()?;
        }
        return Ok(Incoming::Nothing);
    }
    stuck.event();
    Ok(Incoming::Event(event::read()?))
}

impl Loop {
    /// Reads events and draws until the user quits, a signal stops the
    /// explorer or its terminal closes; how it ended.
    fn events(
        &mut self,
        app: &mut App,
        caught: &std::sync::atomic::AtomicUsize,
        jobs: &terminal::JobControl,
    ) -> Result<Exit, TuiError> {
        let mut dirty = true;
        let mut exit = Exit::Quit;
        // Whether crossterm may hold events it has read and not yet returned (a
        // paste, keys typed fast): then the loop asks it again without waiting.
        // Asked once now, before the first frame: crossterm starts watching for
        // SIGWINCH at its first poll, and a resize before that would be lost.
        let mut held = event::poll(Duration::ZERO)?;
        let mut stuck = terminal::StuckInput::default();
        // The loop's clock, which stamps clicks for double-clicks.
        let started = std::time::Instant::now();
        while app.running() {
            dirty |= self.drain_results(app);
            let signal = caught.load(Ordering::Relaxed);
            if signal != 0 {
                exit = Exit::Signal(signal as i32);
                break;
            }
            dirty |= self.job_control(jobs)?;
            self.sync_mouse(app)?;
            // With events still waiting (a burst of keys), they are applied
            // first: one frame and one search for the burst, not one a key.
            if !held {
                if let Some((generation, query)) = self.search.take() {
                    self.worker.search(generation, query);
                }
                if dirty {
                    self.draw(app)?;
                    dirty = false;
                }
            }
            let event = match next_event(wait_for(held, app), &mut held, &mut stuck)? {
                Incoming::HungUp => {
                    exit = Exit::Signal(terminal::HANG_UP);
                    break;
                }
                Incoming::Nothing => continue,
                Incoming::Event(event) => event,
            };
            // Lets the tests check that a panic restores the terminal; debug builds only.
            #[cfg(debug_assertions)]
            if matches!(event, Event::Key(_)) && std::env::var_os("PAP_TUI_TEST_PANIC").is_some() {
                panic!("panic requested by PAP_TUI_TEST_PANIC");
            }
            // A resize asks for a redraw even when it changes nothing else.
            dirty |= matches!(event, Event::Resize(..));
            let now = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
            let Some(action) = crate::tui::input::action(&event, app, &self.ui, now) else {
                continue;
            };
            let effects = app.update(action);
            self.carry_out(app, effects);
            lock(&self.store).latest = Some(app.snapshot());
            dirty = true;
            held = event::poll(Duration::ZERO)?;
        }
        Ok(exit)
    }

    /// Draws a frame of the app ([`draw_synchronized`]).
    fn draw(&mut self, app: &App) -> io::Result<()> {
        let ui = &mut self.ui;
        draw_synchronized(&mut self.terminal, |frame| ui::render(frame, app, ui))
    }

    /// Suspends on Ctrl-Z or SIGTSTP, and takes the terminal back after a
    /// stop the loop did not make (SIGSTOP), when the shell may have taken it
    /// meanwhile; true when the screen must be drawn again.
    fn job_control(&mut self, jobs: &terminal::JobControl) -> io::Result<bool> {
        let mut redraw = false;
        if jobs.suspend.swap(false, Ordering::SeqCst) {
            self.suspend()?;
            jobs.resumed.store(false, Ordering::SeqCst);
            redraw = true;
        }
        if jobs.resumed.swap(false, Ordering::SeqCst) {
            self.resume()?;
            redraw = true;
        }
        Ok(redraw)
    }

    /// Gives the terminal back and stops; once continued, takes the terminal
    /// again and draws the whole frame.
    fn suspend(&mut self) -> io::Result<()> {
        terminal::suspend();
        self.resume()
    }

    /// Takes the terminal again and has the next draw write every cell.
    fn resume(&mut self) -> io::Result<()> {
        terminal::resume(self.mouse_captured)?;
        self.terminal.clear()
    }

    /// Hands the search thread's answers to the app; true if there were any.
    fn drain_results(&mut self, app: &mut App) -> bool {
        let mut any = false;
        while let Ok(msg) = self.worker.results.try_recv() {
            app.update(msg);
            any = true;
        }
        any
    }

    /// Text shown after a failed copy must be selectable with the mouse, so
    /// mouse reporting is off while it is shown.
    fn sync_mouse(&mut self, app: &App) -> io::Result<()> {
        let want = self.options.mouse && app.mode() != Mode::CopyText;
        if want != self.mouse_captured {
            terminal::capture_mouse(want)?;
            self.mouse_captured = want;
        }
        Ok(())
    }

    /// Carries out the effects of an update, in order, feeding each outcome
    /// back to the app (and the effects of that, in turn).
    fn carry_out(&mut self, app: &mut App, effects: Vec<Effect>) {
        let mut queue = std::collections::VecDeque::from(effects);
        while let Some(effect) = queue.pop_front() {
            let outcome = match effect {
                Effect::Search { generation, query } => {
                    self.search = Some((generation, query));
                    None
                }
                Effect::Copy(text) => {
                    let result =
                        clipboard::copy(self.options.clipboard, &text, self.terminal.backend_mut())
                            .map_err(|e| e.in_language(app.lang()));
                    let uncertain = result.is_ok() && self.options.osc52_may_be_dropped;
                    queue.extend(app.update(Msg::CopyOutcome(result, text)));
                    // Said after the outcome, in its place.
                    uncertain.then(|| {
                        let said = Message::new(Text::ClipboardMayNotLand).describe(app.lang());
                        Msg::Notify(said, true)
                    })
                }
                Effect::Save(state) => lock(&self.store).save(&state, app.lang()),
                Effect::Suspend => self.suspend().err().map(|e| {
                    Msg::Notify(crate::base::escape::line(&e.to_string()).into_owned(), true)
                }),
            };
            if let Some(msg) = outcome {
                queue.extend(app.update(msg));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lock_held_past_the_grace_is_given_up_and_a_free_one_taken() {
        let mutex = Mutex::new(0u8);
        let (held, release) = (std::sync::Barrier::new(2), std::sync::Barrier::new(2));
        std::thread::scope(|s| {
            s.spawn(|| {
                let _guard = mutex.lock();
                held.wait();
                release.wait();
            });
            held.wait();
            assert!(lock_within(&mutex, Duration::from_millis(50)).is_none());
            release.wait();
        });
        assert!(lock_within(&mutex, Duration::ZERO).is_some(), "free");
        // A thread that panicked holding it leaves it usable.
        let _ = std::thread::scope(|s| {
            s.spawn(|| {
                let _guard = mutex.lock();
                panic!("poisons the lock");
            })
            .join()
        });
        assert!(mutex.is_poisoned());
        assert!(lock_within(&mutex, Duration::ZERO).is_some(), "poisoned");
    }
}
