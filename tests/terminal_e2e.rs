//! The terminal is always given back: on signals, on a panic; and the explorer
//! refuses to start where there is no terminal.

mod support;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use support::tmux::Tmux;

const LEAVE_ALTERNATE_SCREEN: &str = "\x1b[?1049l";
const SHOW_CURSOR: &str = "\x1b[?25h";
const MOUSE_OFF: &str = "\x1b[?1000l";
const PASTE_OFF: &str = "\x1b[?2004l";

fn captured(path: &std::path::Path, until: impl Fn(&str) -> bool) -> String {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let raw = String::from_utf8_lossy(&std::fs::read(path).unwrap_or_default()).into_owned();
        if until(&raw) {
            return raw;
        }
        assert!(
            Instant::now() < deadline,
            "timed out; {} bytes captured",
            raw.len()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The exit status of the pane's program, or `signal N` when a signal killed it.
/// Starts the explorer with its raw output logged; returns the log path.
fn start(
    name: &str,
    extra_env: &[(&'static str, &'static str)],
) -> (Tmux, tempfile::TempDir, std::path::PathBuf) {
    let mut env = vec![("LANG", "en_CA.UTF-8"), ("TERM", "xterm-256color")];
    env.extend_from_slice(extra_env);
    let t = Tmux::start(name, 100, 30, &env, &["remain-on-exit on"], &[]);
    let dir = tempfile::tempdir().expect("tempdir");
    let log = dir.path().join("output.bin");
    t.run(&[
        "pipe-pane",
        "-o",
        "-t",
        "main",
        &format!("cat >> '{}'", log.display()),
    ]);
    (t, dir, log)
}

fn assert_restored(raw: &str) {
    let leave = raw
        .rfind(LEAVE_ALTERNATE_SCREEN)
        .expect("left the alternate screen");
    let tail = &raw[raw.rfind("\x1b[?1049h").unwrap_or(0)..];
    for (what, seq) in [
        ("mouse capture off", MOUSE_OFF),
        ("bracketed paste off", PASTE_OFF),
    ] {
        assert!(tail.contains(seq), "{what} missing");
    }
    assert!(
        raw[leave..].contains(SHOW_CURSOR),
        "cursor shown after leaving"
    );
}

fn signal_restores(signal: &str, status: &str) {
    let (t, _dir, log) = start(&format!("sig-{signal}"), &[]);
    t.wait_text("All regions");
    // Select a region, so that the saved state shows the signal did not lose it.
    t.keys(&["j"]);
    t.wait_text("No organisation of"); // the sentence wraps in a narrow pane
    let pid = t.program_pid().to_string();
    let killed = Command::new("kill")
        .args([&format!("-{signal}"), &pid])
        .status()
        .expect("kill");
    assert!(killed.success());
    t.wait_for("the program to exit", |_| t.pane_dead());
    let raw = captured(&log, |raw| raw.contains(LEAVE_ALTERNATE_SCREEN));
    assert_restored(&raw);
    assert_eq!(t.exit_status(), status, "exit status for SIG{signal}");
    let state = std::fs::read_to_string(t.home.path().join("state.json"))
        .unwrap_or_else(|e| panic!("state saved on SIG{signal}: {e}"));
    assert!(state.contains("\"region\": \"01\""), "{state}");
}

#[test]
fn sigterm_restores_the_terminal() {
    signal_restores("TERM", "143");
}

#[test]
fn sigint_restores_the_terminal() {
    signal_restores("INT", "130");
}

#[test]
fn sighup_restores_the_terminal() {
    signal_restores("HUP", "129");
}

#[test]
fn each_frame_is_one_synchronized_update() {
    const BEGIN: &str = "\x1b[?2026h";
    const END: &str = "\x1b[?2026l";
    let (t, _dir, log) = start("sync", &[]);
    t.wait_text("All regions");
    t.keys(&["j"]);
    t.wait_text("No organisation of");
    t.keys(&["q"]);
    t.wait_for("the program to exit", |_| t.pane_dead());
    let raw = captured(&log, |raw| raw.contains(LEAVE_ALTERNATE_SCREEN));
    let frames: Vec<&str> = raw.split(BEGIN).skip(1).collect();
    assert!(frames.len() >= 2, "{} frames", frames.len());
    for frame in &frames {
        let end = frame.find(END).expect("each frame ends its update");
        assert!(!frame[..end].contains(LEAVE_ALTERNATE_SCREEN));
    }
    // The first frame's text is drawn inside its update.
    let first = &frames[0][..frames[0].find(END).unwrap_or(0)];
    assert!(first.contains("All regions"), "{first:?}");
    // Leaving the screen ends any update, then restores the rest.
    assert!(raw[raw.rfind(END).unwrap_or(0)..].contains(LEAVE_ALTERNATE_SCREEN));
}

#[test]
fn quitting_restores_the_terminal() {
    let (t, _dir, log) = start("quit", &[]);
    t.wait_text("All regions");
    t.keys(&["q"]);
    t.wait_for("the program to exit", |_| t.pane_dead());
    assert_restored(&captured(&log, |raw| raw.contains(LEAVE_ALTERNATE_SCREEN)));
    assert_eq!(t.exit_status(), "0");
}

#[test]
fn a_panic_restores_the_terminal_and_says_so_briefly() {
    let (t, _dir, log) = start("panic", &[("PAP_TUI_TEST_PANIC", "1")]);
    t.wait_text("All regions");
    t.keys(&["j"]);
    t.wait_for("the program to exit", |_| t.pane_dead());
    let raw = captured(&log, |raw| raw.contains("internal error"));
    assert_restored(&raw);
    let screen = t.output();
    assert!(
        screen.contains("pap-tui: internal error at src/tui.rs"),
        "{screen}"
    );
    assert!(screen.contains("The terminal was restored."), "{screen}");
    assert!(!screen.contains("stack backtrace"), "{screen}");
    assert_eq!(t.exit_status(), "101");
}

#[test]
fn no_terminal_means_a_message_and_status_2() {
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_pap-tui"))
            .args(args)
            .stdin(Stdio::null())
            .env("PAP_TUI_STATE_DIR", "/nonexistent/pap-tui-test")
            .output()
            .expect("run")
    };
    let out = run(&[]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("standard input is not a terminal"), "{err}");
    assert!(
        err.contains("search, cite, starred, regions, organisations"),
        "{err}"
    );
    assert!(
        err.contains("completions, man (see"),
        "every subcommand: {err}"
    );
    assert!(out.stdout.is_empty());

    // In the interface language.
    let out = run(&["--lang", "fr"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("terminal interactif (l'entrée standard n'est pas un terminal)"),
        "{err}"
    );
}

#[test]
fn term_dumb_means_a_message_and_status_2() {
    let t = Tmux::start(
        "dumb",
        100,
        30,
        &[("TERM", "dumb")],
        &["remain-on-exit on"],
        &[],
    );
    t.wait_for("the program to exit", |_| t.pane_dead());
    let screen = t.output();
    assert!(screen.contains("TERM is dumb"), "{screen}");
    assert_eq!(t.exit_status(), "2");
}

#[test]
fn a_terminal_that_goes_away_ends_the_program() {
    let t = Tmux::start("hangup", 100, 30, &[("TERM", "xterm-256color")], &[], &[]);
    t.wait_text("All regions");
    let pid = t.program_pid();
    let _ = Command::new("tmux")
        .args(["-L", t.socket(), "kill-server"])
        .output();
    let deadline = Instant::now() + Duration::from_secs(5);
    while std::path::Path::new(&format!("/proc/{pid}")).exists() {
        let state = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
        // A zombie has ended; only its parent has not collected it yet.
        if state.split_whitespace().nth(2) == Some("Z") {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "pap-tui {pid} still runs without its terminal"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// `tmux kill-pane` closes the explorer's terminal for real: every write
/// fails (EIO) and, with `forward`, SIGHUP comes too, as an interactive shell
/// passes it to its jobs. The explorer saves its state and ends with the status
/// of SIGHUP, 129, where it aborted (134, and a core file) when ratatui's
/// report of the cursor it could not show panicked on the closed terminal.
fn killing_the_pane_ends_with_129(name: &str, forward: bool) {
    let env = [("LANG", "en_CA.UTF-8"), ("TERM", "xterm-256color")];
    let t = Tmux::start_past_hang_up(name, 100, 30, &env, forward);
    t.wait_text("All regions");
    t.keys(&["j"]);
    t.wait_text("No organisation of");
    t.run(&["kill-pane", "-t", "main"]);
    assert_eq!(t.exit_status(), "129", "exit status after kill-pane");
    let state = std::fs::read_to_string(t.home.path().join("state.json"))
        .unwrap_or_else(|e| panic!("state saved after kill-pane: {e}"));
    assert!(state.contains("\"region\": \"01\""), "{state}");
}

#[test]
fn a_killed_pane_ends_the_explorer_with_129() {
    killing_the_pane_ends_with_129("killed", false);
}

#[test]
fn a_killed_pane_and_its_sighup_end_the_explorer_with_129() {
    killing_the_pane_ends_with_129("killed-hup", true);
}

/// Whether every thread of process `pid` has a tracer (strace attached).
fn traced(pid: u32) -> bool {
    let Ok(tasks) = std::fs::read_dir(format!("/proc/{pid}/task")) else {
        return false;
    };
    let mut any = false;
    for task in tasks.filter_map(Result::ok) {
        let status = std::fs::read_to_string(task.path().join("status")).unwrap_or_default();
        let tracer = status
            .lines()
            .find_map(|l| l.strip_prefix("TracerPid:"))
            .map(str::trim);
        if tracer.is_none_or(|t| t == "0") {
            return false;
        }
        any = true;
    }
    any
}

/// The names of pap-tui's temporary files in `dir`.
fn temporaries(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".pap-tui-") && n.ends_with(".tmp"))
        .collect()
}

/// Waits, with a deadline, for `what` to hold.
fn wait_until(what: &str, holds: impl Fn() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !holds() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// A child process, ended with the test whichever way it ends.
struct Ended(std::process::Child);

impl Drop for Ended {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A signal while the explorer saves its state and the save cannot finish
/// (strace holds back every rename for a minute, as a disk that does not
/// answer would): the explorer gives the save up after its grace, removes the
/// temporary file it was writing, leaves `state.json` as it was (none here)
/// and ends with 128 + the signal, well before the rename would have come.
fn a_signal_during_a_stuck_save(signal: &str, status: &str) {
    let (t, _dir, _log) = start(&format!("stuck-save-{signal}"), &[]);
    t.wait_text("All regions");
    let pid = t.program_pid();
    let renames = "rename,renameat,renameat2";
    let spawned = Command::new("strace")
        .args(["-f", "-qq", "-o", "/dev/null", "-p", &pid.to_string()])
        .args(["-e", &format!("trace={renames}")])
        .args(["-e", &format!("inject={renames}:delay_enter=60000000")])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn();
    // Where strace is missing, or the system lets no process trace another,
    // the test says it skipped, as the Datasette test does.
    let mut strace = match spawned {
        Ok(child) => Ended(child),
        Err(e) => {
            eprintln!("SKIPPED: strace cannot run ({e}): apt-get install strace, as .ci/run does");
            return;
        }
    };
    let deadline = Instant::now() + Duration::from_secs(10);
    while !traced(pid) {
        if let Ok(Some(ended)) = strace.0.try_wait() {
            eprintln!("SKIPPED: strace could not attach ({ended}): tracing is not permitted here");
            return;
        }
        assert!(
            Instant::now() < deadline,
            "timed out waiting for strace to attach"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    // A star is saved at once: the save stops at its rename.
    t.keys(&["j", "s"]);
    let state_dir = t.home.path();
    wait_until("the save's temporary file", || {
        !temporaries(state_dir).is_empty()
    });
    let killed = Command::new("kill")
        .args([&format!("-{signal}"), &pid.to_string()])
        .status()
        .expect("kill");
    assert!(killed.success());
    wait_until("the temporary file to be removed", || {
        temporaries(state_dir).is_empty()
    });
    // The thread held at its rename ends once strace lets it go (strace
    // keeps a thread it delays until the delay is over, even past an exit).
    drop(strace);
    assert_eq!(t.exit_status(), status, "exit status for SIG{signal}");
    assert!(
        !state_dir.join("state.json").exists(),
        "a state saved though its rename never came"
    );
}

#[test]
fn sigterm_during_a_stuck_save_removes_its_temporary_file() {
    a_signal_during_a_stuck_save("TERM", "143");
}

#[test]
fn sighup_during_a_stuck_save_removes_its_temporary_file() {
    a_signal_during_a_stuck_save("HUP", "129");
}
