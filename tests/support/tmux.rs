//! Drives the real binary inside a private tmux server: send keys, read the
//! screen, wait for text with a deadline (never a bare sleep).
//!
//! Wait for what a key or a resize makes *present*, never for something to be
//! absent: a blank or half-drawn frame during a redraw satisfies any "absent"
//! wait, and the next key then reaches the program before the state it was
//! meant for. After Escape, wait for what Escape produces before the next key:
//! Escape and a key in one read are decoded as Alt and that key.

use std::path::PathBuf;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use unicode_width::UnicodeWidthChar;

pub struct Tmux {
    socket: String,
    /// Config and state directories of this run, unless the test gave its own.
    pub home: tempfile::TempDir,
}

fn tmux_available() -> bool {
    Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

impl Tmux {
    /// Starts `command` in a new tmux server of its own, `width`×`height`.
    /// `options` are tmux options set before the program starts.
    pub fn start(
        name: &str,
        width: u16,
        height: u16,
        env: &[(&str, &str)],
        options: &[&str],
        args: &[&str],
    ) -> Tmux {
        Tmux::start_reading(name, width, height, env, options, args, None)
    }

    /// [`Tmux::start`] with standard input read from `input` when given, so
    /// that standard input is not the terminal.
    pub fn start_reading(
        name: &str,
        width: u16,
        height: u16,
        env: &[(&str, &str)],
        options: &[&str],
        args: &[&str],
        input: Option<&std::path::Path>,
    ) -> Tmux {
        Tmux::launch(
            name,
            (width, height),
            env,
            options,
            args,
            input,
            Shell::Plain,
        )
    }

    /// [`Tmux::start`] with every byte the program writes to the terminal,
    /// from its first, appended to `log`: the program waits to start until
    /// tmux pipes the pane there.
    pub fn start_logged(
        name: &str,
        width: u16,
        height: u16,
        env: &[(&str, &str)],
        args: &[&str],
        log: &std::path::Path,
    ) -> Tmux {
        let options = ["remain-on-exit on"];
        let shell = Shell::Logged(log);
        Tmux::launch(name, (width, height), env, &options, args, None, shell)
    }

    /// [`Tmux::start`] under a shell that outlives a hang-up, so that it still
    /// records the program's exit status once tmux has closed the terminal
    /// (`kill-pane`). With `forward`, the shell passes its SIGHUP on to the
    /// program, as an interactive shell does to its jobs; without, the program
    /// only finds its terminal closed.
    pub fn start_past_hang_up(
        name: &str,
        width: u16,
        height: u16,
        env: &[(&str, &str)],
        forward: bool,
    ) -> Tmux {
        let shell = if forward {
            Shell::ForwardsHangUp
        } else {
            Shell::OutlivesHangUp
        };
        Tmux::launch(name, (width, height), env, &[], &[], None, shell)
    }

    fn launch(
        name: &str,
        (width, height): (u16, u16),
        env: &[(&str, &str)],
        options: &[&str],
        args: &[&str],
        input: Option<&std::path::Path>,
        shell: Shell,
    ) -> Tmux {
        assert!(
            tmux_available(),
            "tmux is required for end-to-end tests: install it (apt-get install tmux, brew install tmux); .ci/run does"
        );
        let socket = format!("pap-tui-{name}-{}", std::process::id());
        let home = tempfile::tempdir().expect("tempdir");
        let tmux = Tmux { socket, home };
        let binary = PathBuf::from(env!("CARGO_BIN_EXE_pap-tui"));
        // Start a shell-less placeholder session, set options, then run the app in it.
        tmux.run(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
            "-s",
            "main",
            "cat",
        ]);
        for option in options {
            let parts: Vec<&str> = option.split_whitespace().collect();
            let mut cmd = vec!["set-option", "-g"];
            cmd.extend(parts);
            tmux.run(&cmd);
        }
        let mut command = String::from("env");
        // Never read or write the user's own config, state and cache.
        for var in [
            "PAP_TUI_CONFIG_DIR",
            "PAP_TUI_STATE_DIR",
            "PAP_TUI_CACHE_DIR",
        ] {
            if !env.iter().any(|(k, _)| *k == var) {
                command.push_str(&format!(" {var}='{}'", tmux.home.path().display()));
            }
        }
        for (k, v) in env {
            command.push_str(&format!(" {k}='{v}'"));
        }
        command.push_str(&format!(" '{}'", binary.display()));
        for a in args {
            command.push_str(&format!(" '{a}'"));
        }
        if let Some(input) = input {
            command.push_str(&format!(" < '{}'", input.display()));
        }
        // tmux does not always learn a quickly-exiting program's status, so a
        // shell records it in a file.
        let status = tmux.home.path().join("exit-status");
        let go = tmux.home.path().join("go");
        if matches!(shell, Shell::Logged(_)) {
            command = format!(
                "while [ ! -e '{}' ]; do sleep 0.01; done; {command}",
                go.display()
            );
        }
        let status = status.display();
        let wrapped = match shell {
            Shell::Plain | Shell::Logged(_) => {
                format!("sh -c \"{command}; echo \\$? > '{status}'\"")
            }
            // A trapped signal is reset to its default in the program.
            Shell::OutlivesHangUp => {
                format!("sh -c \"trap : HUP; {command}; echo \\$? > '{status}'\"")
            }
            // In the background, with the terminal as its input (fd 3); the
            // first `wait` ends when the trap runs, the next ones when the
            // program does.
            Shell::ForwardsHangUp => format!(
                "sh -c \"exec 3<&0; trap 'kill -HUP \\$pid' HUP; {command} <&3 & pid=\\$!; \
                 wait \\$pid; s=\\$?; while kill -0 \\$pid 2>/dev/null; do wait \\$pid; s=\\$?; done; \
                 echo \\$s > '{status}'\""
            ),
        };
        tmux.run(&["respawn-pane", "-k", "-t", "main", &wrapped]);
        if let Shell::Logged(log) = shell {
            let pipe = format!("cat >> '{}'", log.display());
            tmux.run(&["pipe-pane", "-o", "-t", "main", &pipe]);
            std::fs::write(&go, "").expect("start the program");
        }
        tmux
    }

    /// The program's exit status (128 + N for signal N), once it has exited.
    pub fn exit_status(&self) -> String {
        let path = self.home.path().join("exit-status");
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Ok(text) = std::fs::read_to_string(&path)
                && text.ends_with('\n')
            {
                return text.trim().to_string();
            }
            assert!(Instant::now() < deadline, "the program did not exit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// The process id of the program (the child of the pane's shell).
    pub fn program_pid(&self) -> u32 {
        let out = self.run(&["display", "-p", "-t", "main", "#{pane_pid}"]);
        let shell = String::from_utf8_lossy(&out.stdout).trim().to_string();
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let children = std::fs::read_to_string(format!("/proc/{shell}/task/{shell}/children"))
                .unwrap_or_default();
            if let Some(pid) = children
                .split_whitespace()
                .next()
                .and_then(|p| p.parse().ok())
            {
                return pid;
            }
            assert!(
                Instant::now() < deadline,
                "no program under the pane's shell {shell}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// The name of this test's tmux server socket (`tmux -L NAME`).
    pub fn socket(&self) -> &str {
        &self.socket
    }

    pub fn run(&self, args: &[&str]) -> Output {
        let out = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux runs");
        assert!(
            out.status.success(),
            "tmux {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        out
    }

    pub fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "main"]).stdout)
            .into_owned()
    }

    /// The screen and the scrollback, wrapped lines joined: for what a program
    /// printed after leaving the alternate screen.
    pub fn output(&self) -> String {
        String::from_utf8_lossy(
            &self
                .run(&["capture-pane", "-p", "-J", "-S", "-200", "-t", "main"])
                .stdout,
        )
        .into_owned()
    }

    /// Sends keys as tmux names them (`Enter`, `Escape`, `j`, `C-c`).
    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "main"];
        args.extend(keys);
        self.run(&args);
    }

    /// Types literal text.
    pub fn type_text(&self, text: &str) {
        self.run(&["send-keys", "-t", "main", "-l", text]);
    }

    /// Waits until `check` holds for the screen, or panics with the screen.
    /// `check` looks for something present (see the module's comment).
    pub fn wait_for(&self, what: &str, check: impl Fn(&str) -> bool) -> String {
        self.wait_within(10, what, check)
    }

    /// [`Tmux::wait_for`] with a deadline of `seconds`.
    pub fn wait_within(&self, seconds: u64, what: &str, check: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(seconds);
        loop {
            let screen = self.screen();
            if check(&screen) {
                return screen;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {what}; screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// [`Tmux::wait_for`], and then the same screen twice in a row 50 ms
    /// apart: tmux may show a frame half written over the last one, and a
    /// check on a few words can pass on it. For comparing whole screens.
    pub fn wait_settled(&self, what: &str, check: impl Fn(&str) -> bool) -> String {
        let mut screen = self.wait_for(what, &check);
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            std::thread::sleep(Duration::from_millis(50));
            let again = self.screen();
            if again == screen && check(&again) {
                return again;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {what} to settle; screen:\n{again}"
            );
            screen = again;
        }
    }

    pub fn wait_text(&self, text: &str) -> String {
        self.wait_for(text, |s| s.contains(text))
    }

    /// Waits for the main screen, fully drawn with no overlay over it: what
    /// closing an overlay produces (see [`panes_aligned`]).
    pub fn wait_main_screen(&self) -> String {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let screen = self.screen();
            match panes_aligned(&screen) {
                Ok(()) => return screen,
                Err(why) => assert!(
                    Instant::now() < deadline,
                    "timed out waiting for the main screen: {why}; screen:\n{screen}"
                ),
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Resizes the window to `width`×`height` (at least 60×16, where the panes
    /// are drawn) and waits until the program has drawn its panes at that
    /// size: the row above the status bar is the panes' bottom borders, exactly
    /// `width` columns from corner to corner. tmux cuts the old frame's rows
    /// when it narrows the window and leaves them short when it widens it, so
    /// only a frame drawn at the new size has that row; once it is there, the
    /// program has taken the resize and the next key finds it done.
    pub fn resize(&self, width: u16, height: u16) -> String {
        self.run(&[
            "resize-window",
            "-t",
            "main",
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
        ]);
        self.wait_for(&format!("the panes drawn at {width}×{height}"), |s| {
            panes_drawn(s, width, height)
        })
    }

    /// The explorer in a `width`×`height` pane, in English, the pane kept
    /// when it ends, once its regions are drawn.
    pub fn explorer(name: &str, width: u16, height: u16) -> Tmux {
        let env = [("LANG", "en_CA.UTF-8"), ("TERM", "xterm-256color")];
        let t = Tmux::start(name, width, height, &env, &["remain-on-exit on"], &[]);
        t.wait_text("All regions");
        t
    }

    /// Quits with `q` and checks that the program ended with status 0.
    pub fn quit(&self) {
        self.keys(&["q"]);
        self.wait_for("the program to exit", |_| self.pane_dead());
        assert_eq!(self.exit_status(), "0");
    }

    /// Whether the pane's program has exited.
    pub fn pane_dead(&self) -> bool {
        let out = self.run(&["list-panes", "-t", "main", "-F", "#{pane_dead}"]);
        String::from_utf8_lossy(&out.stdout).trim() == "1"
    }
}

/// The shell the program runs under, which records its exit status.
#[derive(Clone, Copy)]
enum Shell<'a> {
    Plain,
    /// Every byte the program writes to the terminal appended to this file.
    Logged(&'a std::path::Path),
    /// A shell that ignores a hang-up.
    OutlivesHangUp,
    /// A shell that passes a hang-up on to the program.
    ForwardsHangUp,
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .arg("kill-server")
            .output();
    }
}

/// Whether the screen shows a frame drawn at `width`×`height` down to the
/// panes' bottom borders: a row above the status bar (the one just above, or a
/// few higher when the status line shows a cut name whole) is box-drawing
/// characters only, `width` of them from a bottom-left corner to a bottom-right
/// one, but for each list's position (`▲ 3/17 ▼`) written on its border. A
/// frame is written row after row, so the rows above are drawn too.
pub fn panes_drawn(screen: &str, width: u16, height: u16) -> bool {
    let lines: Vec<&str> = screen.lines().collect();
    let last = usize::from(height).saturating_sub(2);
    (last.saturating_sub(3)..=last)
        .filter_map(|row| lines.get(row))
        .any(|line| {
            line.chars().count() == usize::from(width)
                && line.starts_with(['└', '┗'])
                && line.ends_with(['┘', '┛'])
                && line
                    .chars()
                    .all(|c| "─━└┘┗┛ /▲▼".contains(c) || c.is_ascii_digit())
        })
}

/// Display columns of the pane borders on each row between the header and the
/// panes' bottom borders (the status bar may take more than one row, when it
/// shows a cut name whole), as tmux lays out characters (each one its own width).
pub fn border_columns(screen: &str) -> Vec<Vec<usize>> {
    let lines: Vec<&str> = screen.lines().collect();
    let status = lines.len().saturating_sub(1);
    let end = lines
        .iter()
        .rposition(|l| l.starts_with(['└', '┗']))
        .map_or(status, |bottom| bottom + 1)
        .max(1.min(status));
    lines[1.min(status)..end]
        .iter()
        .map(|line| {
            let mut column = 0;
            let mut borders = Vec::new();
            for c in line.chars() {
                if "│┃┌┐└┘┏┓┗┛".contains(c) {
                    borders.push(column);
                }
                column += c.width().unwrap_or(0);
            }
            borders
        })
        .collect()
}

/// Ok when every row of the main screen has its borders at the columns of the
/// first row's corners, three columns of panes: the main screen is drawn whole,
/// no overlay covers it, and no wide or zero-width character pushed a border
/// aside. A blank or half-drawn frame is not Ok.
pub fn panes_aligned(screen: &str) -> Result<(), String> {
    let rows = border_columns(screen);
    let expected = rows.first().cloned().unwrap_or_default();
    if expected.len() != 6 {
        return Err(format!("not three columns of panes: {expected:?}"));
    }
    match rows.iter().position(|row| *row != expected) {
        Some(y) => Err(format!(
            "row {} has borders at {:?}, not {expected:?}",
            y + 2,
            rows[y]
        )),
        None => Ok(()),
    }
}
