//! Settings and memory across restarts of the real binary: stars, search history,
//! the selection, a config file, and broken files that must not stop the app.

mod support;

use support::tmux::Tmux;

fn env(dir: &str) -> Vec<(&'static str, &str)> {
    vec![
        ("LANG", "en_CA.UTF-8"),
        ("TERM", "xterm-256color"),
        ("PAP_TUI_CONFIG_DIR", dir),
        ("PAP_TUI_STATE_DIR", dir),
        ("PAP_TUI_CLIPBOARD", "off"),
    ]
}

fn quit(t: &Tmux) {
    t.keys(&["q"]);
    t.wait_for("the program to exit", |_| t.pane_dead());
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

#[test]
fn stars_history_and_selection_survive_a_restart() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().to_string_lossy().into_owned();
    {
        let t = Tmux::start(
            "persist-1",
            120,
            40,
            &env(&path),
            &["remain-on-exit on"],
            &[],
        );
        t.wait_text("All regions");
        t.keys(&["/"]);
        t.type_text("safima");
        t.wait_for("the hit", |s| s.contains("(SAFIMA)"));
        t.keys(&["Enter"]);
        t.wait_text("Organisations — Lanaudière (4)");
        t.keys(&["s"]);
        quit(&t);
    }
    let state = std::fs::read_to_string(dir.path().join("state.json")).expect("state written");
    assert!(state.contains("\"safima\""), "{state}");
    let t = Tmux::start(
        "persist-2",
        120,
        40,
        &env(&path),
        &["remain-on-exit on"],
        &[],
    );
    // Waiting for everything at once: a capture may catch a frame half drawn.
    t.wait_for("the restored selection and star", |screen| {
        screen.contains("Organisations — Lanaudière (4)") && starred_count(screen) == "1"
    });
    t.keys(&["/", "Up"]);
    t.wait_for("the recalled query", |s| s.contains("> safima"));
    // One key at a time: an Escape followed at once by a key reads as Alt+key.
    // Each Escape is followed by a wait for what it shows: the empty query's
    // prompt, then the main screen.
    t.keys(&["Escape"]);
    t.wait_for("the query to clear", |s| {
        s.contains("> ▏") && s.contains("Type to search every entry")
    });
    t.keys(&["Escape"]);
    t.wait_main_screen();
    t.keys(&["1", "g"]);
    t.wait_for("the starred list", |s| {
        // The starred list shows the title alone, without its kind.
        s.contains("★ Starred (1)") && s.contains("│Service d'aide à la famill")
    });
    quit(&t);
}

#[test]
fn config_file_changes_language_and_keys() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("config.toml"),
        "language = \"fr\"\ntheme = \"mono\"\n[keys]\nquit = \"x\"\n",
    )
    .expect("config");
    let path = dir.path().to_string_lossy().into_owned();
    let t = Tmux::start("config", 120, 40, &env(&path), &["remain-on-exit on"], &[]);
    t.wait_text("Toutes les régions");
    t.keys(&["?"]);
    // The help shows the key in force.
    t.wait_for("x in the help", |s| {
        s.contains("Touches") && s.contains("  x ")
    });
    t.keys(&["Escape"]);
    t.wait_main_screen();
    // q no longer quits; x does.
    t.keys(&["q"]);
    t.keys(&["x"]);
    t.wait_for("the program to exit", |_| t.pane_dead());
}

#[test]
fn broken_config_and_state_do_not_stop_the_app() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("config.toml"), "theme = \"dark\nmouse =").expect("config");
    std::fs::write(dir.path().join("state.json"), "{\"version\": 1, \"histo").expect("state");
    let path = dir.path().to_string_lossy().into_owned();
    let t = Tmux::start("broken", 200, 40, &env(&path), &["remain-on-exit on"], &[]);
    // Waiting for everything at once: a capture may catch a frame half drawn.
    t.wait_for("the warning", |s| {
        s.contains("All regions")
            && s.contains("config.toml: not valid TOML")
            && s.contains("+1 more")
    });
    quit(&t);
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.iter().any(|n| n.starts_with("state.json.bad-")),
        "{names:?}"
    );
    assert!(
        names.contains(&"state.json".to_string()),
        "a fresh state is written: {names:?}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("config.toml")).expect("config kept"),
        "theme = \"dark\nmouse =",
        "the user's config is never rewritten"
    );
}

#[test]
fn unwritable_state_directory_warns_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let blocker = dir.path().join("state");
    std::fs::write(&blocker, "a file, not a directory").expect("write");
    let env = vec![
        ("LANG", "en_CA.UTF-8"),
        ("TERM", "xterm-256color"),
        ("PAP_TUI_STATE_DIR", blocker.to_str().expect("utf-8")),
    ];
    let t = Tmux::start("readonly", 200, 40, &env, &["remain-on-exit on"], &[]);
    // Said at start-up, before anything is lost.
    t.wait_text("cannot save");
    t.wait_text("All regions");
    // Two regions starred, one after the other: each star is a save that
    // cannot be written, and neither says so again.
    for starred in ["1", "2"] {
        t.keys(&["j", "s"]);
        // The star's own message on the status line: the line has been drawn
        // since the star (tmux may show a frame half written).
        let screen = t.wait_for(&format!("{starred} starred"), |s| {
            starred_count(s) == starred && s.lines().any(|l| l.starts_with("Starred: "))
        });
        assert!(
            !screen.contains("cannot save"),
            "warned only once:\n{screen}"
        );
    }
    quit(&t);
}
