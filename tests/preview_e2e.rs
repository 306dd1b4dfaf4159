//! A repeat start on a large `--data` file draws the first frame kept by the
//! last session before it reads the file, says the data is loading, then
//! answers the keys typed meanwhile.

mod support;

use std::path::Path;
use std::time::{Duration, Instant};

use support::tmux::Tmux;

const BEGIN_FRAME: &str = "\x1b[?2026h";

/// A synthetic dataset written to `dir`, large enough to get a kept frame.
fn large_file(dir: &Path) -> String {
    let data = pap_tui::synthetic::dataset(45_000).expect("synthetic dataset");
    let json = serde_json::to_string(&data).expect("serialise dataset");
    assert!(
        json.len() as u64 >= pap_tui::tui::preview::MIN_BYTES,
        "{} bytes",
        json.len()
    );
    let path = dir.join("large.json");
    std::fs::write(&path, json).expect("write dataset");
    path.to_str().expect("utf-8").to_string()
}

/// Starts the explorer on `data` with `home` for its config, state and cache,
/// its raw output logged to `log`.
fn start(name: &str, data: &str, home: &Path, log: &Path) -> Tmux {
    let home = home.to_str().expect("utf-8");
    let env = [
        ("LANG", "en_CA.UTF-8"),
        ("TERM", "xterm-256color"),
        ("PAP_TUI_CACHE_DIR", home),
        ("PAP_TUI_STATE_DIR", home),
        ("PAP_TUI_CONFIG_DIR", home),
    ];
    Tmux::start_logged(name, 120, 40, &env, &["--data", data], log)
}

/// Every frame in `log` says where its data comes from, none that it is loading.
fn assert_never_loading(log: &Path) {
    let frames = frames_in(log);
    assert!(!frames.is_empty(), "no frame logged");
    assert!(frames[0].contains("data: "), "{:?}", frames[0]);
    assert!(frames.iter().all(|f| !f.contains("loading")));
}

fn frames_in(log: &Path) -> Vec<String> {
    let raw = String::from_utf8_lossy(&std::fs::read(log).unwrap_or_default()).into_owned();
    raw.split(BEGIN_FRAME).skip(1).map(str::to_string).collect()
}

fn files_ending(dir: &Path, suffix: &str) -> usize {
    std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(suffix))
        .count()
}

/// A large data file, a home for the explorer, and a first session on them
/// that drew from the data alone and kept the next start's frame.
struct Kept {
    dir: tempfile::TempDir,
    data: String,
    home: std::path::PathBuf,
}

fn first_session(name: &str) -> Kept {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = large_file(dir.path());
    let home = dir.path().join("home");
    std::fs::create_dir_all(&home).expect("home");
    // A first start has no frame to show: it draws from the data, then keeps
    // the next start's frame when it quits.
    let log = dir.path().join(format!("{name}.bin"));
    let t = start(name, &data, &home, &log);
    let first = t.wait_text("data: ");
    assert!(first.contains("All regions"), "{first}");
    t.quit();
    assert_never_loading(&log);
    assert_eq!(files_ending(&home, ".frame"), 1);
    assert_eq!(files_ending(&home, ".hint"), 1);
    Kept { dir, data, home }
}

/// Waits until the first frame in `log` holds `text`.
fn wait_first_frame(log: &Path, text: &str) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while !frames_in(log).first().is_some_and(|f| f.contains(text)) {
        assert!(Instant::now() < deadline, "no first frame with {text:?}");
        std::thread::sleep(Duration::from_millis(2));
    }
}

#[test]
fn a_repeat_start_shows_the_kept_frame_then_the_data_and_answers_a_key_typed_at_once() {
    let Kept { dir, data, home } = first_session("preview-first");

    // The second start draws that frame first, saying the data is loading; a
    // key typed as soon as it shows (most often before the data is in, which
    // takes this debug build a good part of a second) is answered.
    let log = dir.path().join("second.bin");
    let t = start("preview-second", &data, &home, &log);
    wait_first_frame(&log, "All regions");
    t.keys(&["j"]);
    let screen = t.wait_text("Organisations — Bas-Saint-Laurent");
    assert!(
        screen.lines().next().is_some_and(|l| l.contains("data: ")),
        "{screen}"
    );
    let frames = frames_in(&log);
    assert!(frames[0].contains("loading"), "{:?}", frames[0]);
    assert!(frames[0].contains("All regions"), "{:?}", frames[0]);
    t.quit();
}

#[test]
fn a_changed_file_or_terminal_size_gets_no_kept_frame() {
    let Kept { dir, data, home } = first_session("preview-keep");

    // One byte changed: another key, so the kept frame is not this file's.
    let mut bytes = std::fs::read(&data).expect("read dataset");
    let at = bytes.len() - 2;
    assert_eq!(bytes[at], b']');
    bytes.insert(at, b' ');
    std::fs::write(&data, bytes).expect("write dataset");
    let log = dir.path().join("changed.bin");
    let t = start("preview-changed", &data, &home, &log);
    t.wait_text("data: ");
    t.quit();
    assert_never_loading(&log);

    // The changed file's own frame, kept as that session quit, is found;
    // then the same file on a terminal of another size has none.
    let log = dir.path().join("resized.bin");
    let t = start("preview-resized", &data, &home, &log);
    t.wait_text("All regions");
    t.resize(100, 30);
    t.quit();
    let frames = frames_in(&log);
    assert!(frames[0].contains("loading"), "{:?}", frames[0]);
    let log = dir.path().join("other-size.bin");
    let t = start("preview-other-size", &data, &home, &log);
    t.wait_text("data: ");
    t.quit();
    assert_never_loading(&log);
}

#[test]
fn ctrl_c_stops_the_load_behind_a_kept_frame() {
    let Kept { dir, data, home } = first_session("preview-interrupted-first");
    let log = dir.path().join("second.bin");
    let t = start("preview-interrupted", &data, &home, &log);
    wait_first_frame(&log, "loading");
    // This debug build takes well over the moment this key takes to arrive
    // to read the file: Ctrl-C is a signal, not a key the explorer reads.
    // The terminal sends SIGINT to the whole foreground group, the pane's
    // shell included, which then ends without writing the exit status: the
    // pane's end and the bytes written tell what happened.
    t.keys(&["C-c"]);
    t.wait_for("the program to exit", |_| t.pane_dead());
    let raw = String::from_utf8_lossy(&std::fs::read(&log).unwrap_or_default()).into_owned();
    let leave = raw.rfind("\x1b[?1049l").expect("left the alternate screen");
    assert!(
        raw[leave..].contains("\x1b[?25h"),
        "cursor shown after leaving"
    );
    // Stopped by the signal before the loop drew anything: the kept frame is
    // the only one. Read as a key, Ctrl-C would have been answered after the
    // loop's first frame, and the program would have ended with status 0,
    // which the pane's shell writes down.
    assert_eq!(frames_in(&log).len(), 1);
    assert!(!t.home.path().join("exit-status").exists());
}
