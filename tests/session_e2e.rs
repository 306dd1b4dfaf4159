//! The explorer's sessions against what ends or shares them: a terminal that
//! closes, two sessions saving one state file, a suspend and a resume, and
//! bytes that leave crossterm's parser waiting. The real binary in tmux.

mod support;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use support::tmux::Tmux;

fn env(dir: &str) -> Vec<(&'static str, &str)> {
    vec![
        ("LANG", "en_CA.UTF-8"),
        ("TERM", "xterm-256color"),
        ("PAP_TUI_CONFIG_DIR", dir),
        ("PAP_TUI_STATE_DIR", dir),
        ("PAP_TUI_CACHE_DIR", dir),
        ("PAP_TUI_CLIPBOARD", "off"),
    ]
}

/// Waits until the state file holds `text`, or panics with what it holds.
fn wait_state(dir: &Path, text: &str) -> String {
    let path = dir.join("state.json");
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let state = std::fs::read_to_string(&path).unwrap_or_default();
        if state.contains(text) {
            return state;
        }
        assert!(
            Instant::now() < deadline,
            "timed out waiting for {text} in {}: {state:?}",
            path.display()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Searches for `query` and opens the hit that shows `hit`, which remembers the query.
fn search(t: &Tmux, query: &str, hit: &str, then: &str) {
    t.keys(&["/"]);
    t.wait_text("Search");
    t.type_text(query);
    t.wait_for("the hit", |s| s.contains(hit));
    t.keys(&["Enter"]);
    t.wait_text(then);
}

#[test]
fn a_terminal_that_closes_still_gets_the_state_saved() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().to_string_lossy().into_owned();
    let t = Tmux::start("closed", 120, 40, &env(&path), &[], &[]);
    t.wait_text("All regions");
    // A query is remembered only in memory until the session ends.
    search(&t, "safima", "(SAFIMA)", "Organisations — Lanaudière (4)");
    let _ = Command::new("tmux")
        .args(["-L", t.socket(), "kill-pane", "-t", "main"])
        .output();
    let state = wait_state(dir.path(), "\"safima\"");
    assert!(state.contains("\"history\""), "{state}");
}

#[test]
fn osc52_inside_tmux_without_tmux_says_it_may_not_have_landed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().to_string_lossy().into_owned();
    let mut env = env(&path);
    // Auto, as by default; no tmux to load a buffer with, so OSC 52 it is,
    // which tmux's default `set-clipboard external` drops.
    env.retain(|(k, _)| *k != "PAP_TUI_CLIPBOARD");
    env.push(("PATH", "/nonexistent"));
    let t = Tmux::start("osc52-tmux", 120, 40, &env, &[], &[]);
    t.wait_text("All regions");
    // The first region: an entry to copy.
    t.keys(&["j"]);
    t.wait_text("Organisations — Bas-Saint-Laurent");
    t.keys(&["y"]);
    t.wait_text("Sent by OSC 52, may not have landed");
}

/// The ids of the starred entries in the state file.
fn stars(dir: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(dir.join("state.json")).unwrap_or_default();
    let state: pap_tui::store::state::State = serde_json::from_str(&text).unwrap_or_default();
    state.starred.into_iter().map(|s| s.id).collect()
}

/// The count on the regions pane's "★ Starred" row, as drawn.
fn starred_count(screen: &str) -> String {
    let line = screen
        .lines()
        .find(|l| l.contains("★ Starred"))
        .unwrap_or_default();
    let cell = line[line.find('★').unwrap_or(0)..]
        .split(['│', '┃'])
        .next()
        .unwrap_or_default();
    cell.split_whitespace()
        .last()
        .unwrap_or_default()
        .to_string()
}

fn quit(t: &Tmux) {
    t.keys(&["q"]);
    t.wait_for("the program to exit", |_| t.pane_dead());
}

#[test]
fn two_sessions_keep_each_others_stars() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().to_string_lossy().into_owned();
    let options = ["remain-on-exit on"];
    let a = Tmux::start("stars-a", 120, 40, &env(&path), &options, &[]);
    let b = Tmux::start("stars-b", 120, 40, &env(&path), &options, &[]);
    a.wait_text("All regions");
    b.wait_text("All regions");
    // A stars the first region, B the second; each saves when it stars.
    a.keys(&["j"]);
    a.wait_text("Organisations — Bas-Saint-Laurent");
    a.keys(&["s"]);
    a.wait_for("A's star", |s| starred_count(s) == "1");
    b.keys(&["j"]);
    b.wait_text("Organisations — Bas-Saint-Laurent");
    b.keys(&["j"]);
    b.wait_text("Organisations — Saguenay");
    b.keys(&["s"]);
    b.wait_for("B's star", |s| starred_count(s) == "1");
    quit(&a);
    quit(&b);
    let mut ids = stars(dir.path());
    ids.sort();
    assert_eq!(ids, ["01", "02"]);
}

/// A tmux format of the pane, such as `#{alternate_on}`.
fn pane_format(t: &Tmux, format: &str) -> String {
    let out = t.run(&["display", "-p", "-t", "main", format]);
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// The state letter of a process in /proc (`T` when stopped).
fn process_state(pid: u32) -> String {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .unwrap_or_default()
        .rsplit(')')
        .next()
        .and_then(|rest| rest.split_whitespace().next())
        .unwrap_or_default()
        .to_string()
}

/// Waits until `check` holds, or panics naming `what`.
fn wait_until(what: &str, check: impl Fn() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !check() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// What the shell finds while the program is stopped: its own screen, a
/// cursor, no mouse reporting.
fn terminal_given_back(t: &Tmux) -> String {
    pane_format(
        t,
        "#{alternate_on} #{cursor_flag} #{mouse_any_flag}#{mouse_button_flag}#{mouse_standard_flag}",
    )
}

/// Runs the explorer as a job of an interactive bash, as a user does, so that
/// a stop is job control's (a process of an orphaned group ignores SIGTSTP),
/// stops it with `suspend`, then brings it back with `fg`.
fn suspended_then_continued(name: &str, suspend: impl Fn(&Tmux, u32)) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().to_string_lossy().into_owned();
    // A program that ends at once, in a pane that stays, replaced by the shell.
    let t = Tmux::start(
        name,
        120,
        40,
        &env(&path),
        &["remain-on-exit on"],
        &["--version"],
    );
    t.run(&[
        "respawn-pane",
        "-k",
        "-t",
        "main",
        "env PS1='$ ' bash --norc --noprofile -i",
    ]);
    t.wait_text("$");
    let mut command: String = env(&path)
        .iter()
        .map(|(k, v)| format!("{k}='{v}' "))
        .collect();
    command.push_str(env!("CARGO_BIN_EXE_pap-tui"));
    t.type_text(&command);
    t.keys(&["Enter"]);
    t.wait_text("All regions");
    let pid = t.program_pid();
    suspend(&t, pid);
    wait_until("the program to stop", || process_state(pid) == "T");
    wait_until("the terminal given back", || {
        terminal_given_back(&t) == "0 1 000"
    });
    t.wait_text("Stopped");
    t.type_text("fg");
    t.keys(&["Enter"]);
    wait_until("the alternate screen again", || {
        pane_format(&t, "#{alternate_on}") == "1"
    });
    t.wait_text("All regions");
    // Keys arrive one by one again: the terminal is back in raw mode.
    t.keys(&["j"]);
    t.wait_text("Organisations — Bas-Saint-Laurent");
    t.keys(&["q"]);
    wait_until("the program to exit", || {
        process_state(pid).is_empty() || process_state(pid) == "Z"
    });
}

#[test]
fn sigtstp_gives_the_terminal_back_and_fg_takes_it_again() {
    suspended_then_continued("tstp", |_, pid| {
        let _ = Command::new("kill")
            .args(["-TSTP", &pid.to_string()])
            .status();
    });
}

#[test]
fn ctrl_z_suspends() {
    suspended_then_continued("ctrl-z", |t, _| t.keys(&["C-z"]));
}

/// Found by a tester: crossterm 0.29 reads `ESC [ ?` as the start of a
/// keyboard-flags or device-attributes answer and waits for its `u` or `c`,
/// swallowing every key meanwhile, Ctrl-C included. The explorer asks the
/// terminal for its attributes when keys come and nothing happens, and the
/// answer ends the sequence.
#[test]
fn keys_work_again_after_an_unfinished_escape_sequence() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().to_string_lossy().into_owned();
    let t = Tmux::start("esc-question", 120, 40, &env(&path), &[], &[]);
    t.wait_text("All regions");
    t.type_text("\u{1b}[?");
    // `G` selects the last region; pressed again it changes nothing, so it can
    // be pressed until it is read, each time waiting for what it shows.
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        t.keys(&["G"]);
        let pressed = Instant::now();
        while Instant::now() < pressed + Duration::from_millis(700) {
            if t.screen().contains("Organisations — Centre-du-Québec") {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        assert!(
            Instant::now() < deadline,
            "keys are still swallowed:\n{}",
            t.screen()
        );
    }
}
