//! The terminal guard: checks that there is a terminal, sets it up, and restores
//! it on every way out (quit, Ctrl-C, a signal, a panic).

use std::io::{self, IsTerminal, Write};
use std::sync::Arc;
#[cfg(unix)]
use std::sync::atomic::Ordering;
use std::sync::atomic::{AtomicBool, AtomicUsize};
use std::time::Duration;

use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::terminal::{self, EnterAlternateScreen, LeaveAlternateScreen};
use crossterm::{cursor, execute};

use crate::i18n::{Lang, Message, Text};

/// Why the explorer cannot open here.
#[derive(Debug, thiserror::Error)]
pub enum TuiError {
    /// No interactive terminal; the command line says which subcommands
    /// serve instead ([`TuiError::describe`]).
    #[error("the explorer needs an interactive terminal ({})", .0.describe(Lang::En))]
    NotATerminal(NoTerminal),
    #[error("terminal error: {0}")]
    Io(#[from] io::Error),
}

/// What is missing for the explorer to open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoTerminal {
    Stdin,
    Stdout,
    Dumb,
}

impl NoTerminal {
    /// Why, in the interface language.
    pub fn describe(self, lang: Lang) -> String {
        let text = match self {
            NoTerminal::Stdin => Text::StdinNotTerminal,
            NoTerminal::Stdout => Text::StdoutNotTerminal,
            NoTerminal::Dumb => Text::DumbTerminal,
        };
        Message::new(text).describe(lang)
    }
}

impl TuiError {
    /// The error in the interface language; without a terminal, it names the
    /// `commands` that work without one.
    pub fn describe(&self, lang: Lang, commands: &str) -> String {
        match self {
            TuiError::NotATerminal(why) => Message::new(Text::NotATerminal)
                .with("why", why.describe(lang))
                .with("commands", commands)
                .describe(lang),
            TuiError::Io(_) => self.to_string(),
        }
    }
}

/// Once a dataset has been read from standard input (`--data -`), the keys
/// come from the controlling terminal, as fzf takes them: `/dev/tty` is put on
/// standard input. Without one, standard input stays as it is, and
/// [`check_terminal`] says the explorer needs a terminal.
#[cfg(unix)]
pub(crate) fn keys_from_controlling_terminal() {
    use std::os::fd::AsRawFd;
    if io::stdin().is_terminal() {
        return;
    }
    if let Ok(tty) = std::fs::OpenOptions::new().read(true).open("/dev/tty") {
        // SAFETY: both descriptors are open; dup2 replaces standard input, and
        // `tty` is closed when dropped, its copy staying on descriptor 0.
        unsafe {
            libc::dup2(tty.as_raw_fd(), libc::STDIN_FILENO);
        }
    }
}

#[cfg(not(unix))]
pub(crate) fn keys_from_controlling_terminal() {}

/// Checks that stdin and stdout are terminals and `TERM` is not `dumb`.
pub fn check_terminal() -> Result<(), TuiError> {
    if !io::stdin().is_terminal() {
        return Err(TuiError::NotATerminal(NoTerminal::Stdin));
    }
    if !io::stdout().is_terminal() {
        return Err(TuiError::NotATerminal(NoTerminal::Stdout));
    }
    if std::env::var("TERM").is_ok_and(|t| t == "dumb") {
        return Err(TuiError::NotATerminal(NoTerminal::Dumb));
    }
    Ok(())
}

/// Undoes everything `enter` did. Safe to call more than once.
pub fn restore() {
    let mut out = io::stdout();
    let _ = execute!(
        out,
        // In case a frame's synchronized update was begun and never ended.
        terminal::EndSynchronizedUpdate,
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen,
        cursor::Show
    );
    let _ = terminal::disable_raw_mode();
    let _ = out.flush();
}

/// Restores the terminal when dropped, whichever way the loop ends.
pub(crate) struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

/// Raw mode, the alternate screen, bracketed paste, a hidden cursor and, if
/// asked, mouse reporting; a panic restores the terminal before it reports.
pub(crate) fn enter(mouse: bool) -> io::Result<Guard> {
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
        // Written, not printed: `eprintln!` panics when standard error fails,
        // as it does on a terminal that has hung up, and a panic in the panic
        // hook aborts the process.
        let _ = writeln!(
            io::stderr(),
            "pap-tui: internal error{place}: {}\nThe terminal was restored. Please report this with the steps that led to it.",
            crate::base::escape::line(&message)
        );
    }));
    terminal::enable_raw_mode()?;
    let guard = Guard;
    #[cfg(unix)]
    reopen_input_nonblocking();
    own_screen(mouse)?;
    Ok(guard)
}

/// The alternate screen, bracketed paste, no cursor, and the mouse if asked:
/// what the explorer draws in, on start and after a suspend.
fn own_screen(mouse: bool) -> io::Result<()> {
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableBracketedPaste,
        cursor::Hide
    )?;
    if mouse {
        execute!(io::stdout(), EnableMouseCapture)?;
    }
    Ok(())
}

/// Makes standard input, where crossterm reads the terminal, a file
/// description of its own that never blocks. crossterm 0.29 reads until a
/// read would block; on a blocking descriptor, bytes that make no event yet
/// (`ESC [ ?`) leave it waiting in `read` for the next key, where neither the
/// loop nor a timeout can reach it. The terminal is opened again by its name
/// rather than made non-blocking in place, because standard output and the
/// shell share the original description, and a non-blocking write to a slow
/// terminal fails. If the terminal has no name to open, input stays as it was.
#[cfg(unix)]
fn reopen_input_nonblocking() {
    use std::os::fd::AsRawFd;
    let mut name = [0 as libc::c_char; 256];
    // SAFETY: the buffer and its length are valid for the call.
    if unsafe { libc::ttyname_r(libc::STDIN_FILENO, name.as_mut_ptr(), name.len()) } != 0 {
        return;
    }
    // SAFETY: ttyname_r wrote a NUL-terminated name into the buffer.
    let name = unsafe { std::ffi::CStr::from_ptr(name.as_ptr()) };
    let Ok(name) = name.to_str() else {
        return;
    };
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
    if let Ok(input) = options.open(name) {
        // SAFETY: both descriptors are open; dup2 replaces standard input, and
        // `input` is closed when dropped, its copy staying on descriptor 0.
        unsafe {
            libc::dup2(input.as_raw_fd(), libc::STDIN_FILENO);
        }
    }
}

/// Turns mouse reporting on or off.
pub(crate) fn capture_mouse(on: bool) -> io::Result<()> {
    if on {
        execute!(io::stdout(), EnableMouseCapture)
    } else {
        execute!(io::stdout(), DisableMouseCapture)
    }
}

/// What job control asked of the loop: a suspend (SIGTSTP, as `kill -TSTP`
/// sends, or Ctrl-Z where the terminal sends it as a signal) and a resume
/// (SIGCONT, as `fg` sends).
#[derive(Debug, Clone, Default)]
pub(crate) struct JobControl {
    pub suspend: Arc<AtomicBool>,
    pub resumed: Arc<AtomicBool>,
}

/// Takes SIGTSTP and SIGCONT from their default actions to flags the loop
/// reads: stopped by default, the process would leave the shell in the
/// alternate screen with a hidden cursor and mouse reporting on.
#[cfg(unix)]
pub(crate) fn watch_job_control() -> io::Result<JobControl> {
    use signal_hook::consts::{SIGCONT, SIGTSTP};
    let jobs = JobControl::default();
    signal_hook::flag::register(SIGTSTP, Arc::clone(&jobs.suspend))?;
    signal_hook::flag::register(SIGCONT, Arc::clone(&jobs.resumed))?;
    Ok(jobs)
}

#[cfg(not(unix))]
pub(crate) fn watch_job_control() -> io::Result<JobControl> {
    Ok(JobControl::default())
}

/// Gives the terminal back as it was and stops the process, as SIGTSTP does
/// by default; returns once the process is continued.
pub(crate) fn suspend() {
    restore();
    #[cfg(unix)]
    let _ = signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGTSTP);
}

/// Takes the terminal again after a stop: the shell put it back in line mode
/// and on its own screen. Raw mode is left first, because crossterm enters it
/// again only if it believes it has left it.
pub(crate) fn resume(mouse: bool) -> io::Result<()> {
    let _ = terminal::disable_raw_mode();
    terminal::enable_raw_mode()?;
    own_screen(false)?;
    capture_mouse(mouse)
}

/// How long the loop has to stop by itself after a signal before the process
/// ends anyway: a terminal that hung up can keep crossterm reading forever.
#[cfg(unix)]
const SIGNAL_GRACE: Duration = Duration::from_millis(500);

/// Records the first of SIGINT, SIGTERM or SIGHUP, so the loop can stop, save
/// and restore the terminal. If the loop is stuck (crossterm reading a closed
/// terminal), `last_words` runs (it saves the state), the terminal is restored
/// and the process ends after a grace period, with status 128 + the signal.
#[cfg(unix)]
pub(crate) fn watch_signals(
    last_words: impl FnOnce() + Send + 'static,
) -> io::Result<Arc<AtomicUsize>> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let caught = Arc::new(AtomicUsize::new(0));
    let mut signals = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP])?;
    // The explorer ends the process itself, its temporary files removed last.
    crate::base::files::ending_signals_handled_elsewhere();
    let flag = Arc::clone(&caught);
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            flag.store(signal as usize, Ordering::SeqCst);
            std::thread::sleep(SIGNAL_GRACE);
            last_words();
            crate::base::files::remove_temporaries();
            restore();
            std::process::exit(128 + signal);
        }
    });
    Ok(caught)
}

/// The signal number a closed terminal sends, and the loop reports when it
/// finds the terminal's input closed first.
#[cfg(unix)]
pub(crate) const HANG_UP: i32 = signal_hook::consts::SIGHUP;
#[cfg(not(unix))]
pub(crate) const HANG_UP: i32 = 1;

/// What the terminal's input holds after a wait.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Input {
    /// Bytes to read.
    Data,
    /// Nothing came in the time (crossterm may still hold events it has read).
    Quiet,
    /// The terminal closed: its input is at its end.
    HungUp,
}

/// Waits up to `timeout` for input on standard input, where crossterm reads
/// the terminal (`check_terminal` made sure it is one). A closed terminal reads
/// as an endless empty input that crossterm 0.29 reads again forever without
/// returning; this sees the hang-up first, so the loop can save and end.
#[cfg(unix)]
pub(crate) fn wait_input(timeout: Duration) -> Input {
    let mut watched = libc::pollfd {
        fd: libc::STDIN_FILENO,
        events: libc::POLLIN,
        revents: 0,
    };
    let ms = i32::try_from(timeout.as_millis()).unwrap_or(i32::MAX);
    // SAFETY: one valid pollfd, and its count, for the duration of the call.
    let ready = unsafe { libc::poll(&mut watched, 1, ms) };
    let closed = libc::POLLHUP | libc::POLLERR | libc::POLLNVAL;
    if ready > 0 && watched.revents & closed != 0 {
        Input::HungUp
    } else if ready > 0 && watched.revents & libc::POLLIN != 0 {
        Input::Data
    } else {
        Input::Quiet
    }
}

#[cfg(not(unix))]
pub(crate) fn wait_input(timeout: Duration) -> Input {
    match crossterm::event::poll(timeout) {
        Ok(true) => Input::Data,
        _ => Input::Quiet,
    }
}

/// How long keys may come in without an event before the parser is taken
/// for stuck: longer than any escape sequence takes to arrive whole.
const STUCK_AFTER: Duration = Duration::from_secs(1);

/// Watches for crossterm 0.29's parser stuck on an open sequence. After the
/// bytes `ESC [ ?` it waits for a `u` or a `c` and swallows every other key,
/// Ctrl-C included. When bytes keep coming with no event for [`STUCK_AFTER`],
/// the loop asks the terminal for its primary device attributes: the answer,
/// `ESC [ ? … c`, ends with the `c` the parser waits for, and it starts afresh.
#[derive(Debug, Default)]
pub(crate) struct StuckInput {
    /// When bytes first came without an event since the last event.
    since: Option<std::time::Instant>,
    /// When the terminal was last asked.
    asked: Option<std::time::Instant>,
}

impl StuckInput {
    /// An event came: the parser works.
    pub(crate) fn event(&mut self) {
        *self = StuckInput::default();
    }

    /// Bytes came at `now` and no event: true when the terminal should be
    /// asked for its attributes (at most once every [`STUCK_AFTER`]).
    pub(crate) fn no_event(&mut self, now: std::time::Instant) -> bool {
        let since = *self.since.get_or_insert(now);
        let waited = now.duration_since(since) >= STUCK_AFTER;
        let not_just_asked = self
            .asked
            .is_none_or(|asked| now.duration_since(asked) >= STUCK_AFTER);
        if waited && not_just_asked {
            self.asked = Some(now);
            true
        } else {
            false
        }
    }
}

/// Asks the terminal for its primary device attributes (DA1, `ESC [ c`),
/// which every VT100-compatible terminal answers.
pub(crate) fn ask_device_attributes() -> io::Result<()> {
    let mut out = io::stdout();
    out.write_all(b"\x1b[c")?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Instant;

    #[test]
    fn the_terminal_is_asked_once_keys_come_a_second_without_events() {
        let start = Instant::now();
        let at = |ms| start + Duration::from_millis(ms);
        let mut stuck = StuckInput::default();
        assert!(
            !stuck.no_event(at(0)),
            "an escape sequence split in two reads"
        );
        assert!(!stuck.no_event(at(400)));
        assert!(stuck.no_event(at(1_000)), "keys swallowed for a second");
        assert!(!stuck.no_event(at(1_100)), "the answer itself");
        assert!(stuck.no_event(at(2_100)), "asked again a second later");
        stuck.event();
        assert!(!stuck.no_event(at(2_200)));
        assert!(!stuck.no_event(at(2_300)));
    }
}

#[cfg(not(unix))]
pub(crate) fn watch_signals(
    _last_words: impl FnOnce() + Send + 'static,
) -> io::Result<Arc<AtomicUsize>> {
    let caught = Arc::new(AtomicUsize::new(0));
    for signal in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM] {
        signal_hook::flag::register_usize(signal, Arc::clone(&caught), signal as usize)?;
    }
    Ok(caught)
}
