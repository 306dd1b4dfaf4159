//! End to end: the real binary in tmux, driven by keys, read from the screen.

mod support;

use support::tmux::Tmux;

const ENV: &[(&str, &str)] = &[("LANG", "en_CA.UTF-8"), ("TERM", "xterm-256color")];

#[test]
fn lanaudiere_then_safima_detail() {
    let t = Tmux::start("safima", 120, 40, ENV, &["remain-on-exit on"], &[]);
    t.wait_text("All regions");
    // Region 14 is the 15th row of the regions pane.
    for _ in 0..14 {
        t.keys(&["j"]);
    }
    t.wait_text("Organisations — Lanaudière (4)");
    t.keys(&["/"]);
    t.wait_text("Search");
    t.type_text("safima");
    t.wait_for("the SAFIMA hit", |s| {
        s.lines()
            .any(|l| l.contains("organisation Service ") && l.contains("(SAFIMA)"))
    });
    t.keys(&["Enter"]);
    t.wait_main_screen();
    t.keys(&["Enter"]);
    // Waiting for everything at once: a capture may catch a frame half drawn.
    t.wait_for("the SAFIMA detail", |s| {
        s.contains("Organisation — Service d'aide à la famille immigrante de la MRC de L'Assomption (SAFIMA)")
            && s.contains("Regions  Lanaudière")
            && s.contains("l. 197  Service d’aide a la famille immigrante")
    });
    t.keys(&["Escape"]);
    t.wait_main_screen();
    t.keys(&["q"]);
    t.wait_for("the program to exit", |_| t.pane_dead());
}

#[test]
fn accents_typed_and_language_switch() {
    let t = Tmux::start("accents", 100, 30, ENV, &["remain-on-exit on"], &[]);
    t.wait_text("All regions");
    t.keys(&["L"]);
    t.wait_text("Toutes les régions");
    t.keys(&["/"]);
    t.type_text("Québec");
    t.wait_for("the city hit", |s| {
        s.contains("ville") && s.contains("Québec")
    });
    t.keys(&["C-c"]);
    t.wait_for("the program to exit", |_| t.pane_dead());
}

#[test]
fn a_dataset_on_standard_input_opens_the_explorer_with_keys_from_the_terminal() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = pap_tui::synthetic::dataset(300).expect("synthetic dataset");
    let path = dir.path().join("piped.json");
    let json = serde_json::to_string(&data).expect("serialise dataset");
    std::fs::write(&path, json).expect("write dataset");
    let t = Tmux::start_reading(
        "stdin",
        120,
        40,
        ENV,
        &["remain-on-exit on"],
        &["--data", "-"],
        Some(&path),
    );
    t.wait_for("the explorer on the data read", |s| {
        s.contains("data: <stdin>") && s.contains("All regions") && s.contains("300")
    });
    // Keys come from the terminal, not from the data's end.
    t.keys(&["/"]);
    t.type_text("montreal");
    t.wait_text("> montreal▏");
    t.keys(&["Escape"]);
    t.wait_text("> ▏");
    t.keys(&["Escape"]);
    t.wait_main_screen();
    t.keys(&["q"]);
    t.wait_for("the program to exit", |_| t.pane_dead());
    assert_eq!(t.exit_status(), "0");
}

#[test]
fn tiny_terminal_shows_a_message() {
    let t = Tmux::start("tiny", 40, 10, ENV, &["remain-on-exit on"], &[]);
    t.wait_text("Enlarge the terminal");
    t.resize(100, 30);
    t.wait_text("All regions");
    t.keys(&["q"]);
    t.wait_for("the program to exit", |_| t.pane_dead());
}

/// The names of the files in `dir`.
fn names_in(dir: &std::path::Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect()
}

/// Opens the explorer on `data`, searches `montreal`, and returns the screen
/// with its hits, after quitting.
fn montreal_hits(name: &str, data: &str, cache: &str, extra: &[&str], hits: usize) -> String {
    let env = [
        ("LANG", "en_CA.UTF-8"),
        ("TERM", "xterm-256color"),
        ("PAP_TUI_CACHE_DIR", cache),
    ];
    let mut args = vec!["--data", data];
    args.extend_from_slice(extra);
    let t = Tmux::start(name, 120, 40, &env, &["remain-on-exit on"], &args);
    t.wait_text("All regions");
    t.keys(&["/"]);
    t.wait_text("Search");
    t.type_text("montreal");
    let title = format!("Search — 1/{hits} hits");
    let screen = t.wait_settled("the hits", |s| {
        s.contains("> montreal▏") && s.contains(&title)
    });
    t.keys(&["C-c"]);
    t.wait_for("the program to exit", |_| t.pane_dead());
    screen
}

#[test]
fn the_explorer_builds_its_index_and_leaves_the_cache_to_search() {
    // The explorer answers sooner from an index it builds than from one it
    // reads (docs/performance.md): it neither reads nor writes the cache,
    // which stays `pap-tui search`'s.
    let dir = tempfile::tempdir().expect("tempdir");
    let data = pap_tui::synthetic::dataset(2_000).expect("synthetic dataset");
    let path = dir.path().join("big.json");
    let json = serde_json::to_string(&data).expect("serialise dataset");
    std::fs::write(&path, json).expect("write dataset");
    let (path, cache) = (path.to_str().expect("utf-8"), dir.path().join("cache"));
    let cache_arg = cache.to_str().expect("utf-8");
    let query = pap_tui::search::Query::parse("montreal");
    let hits = pap_tui::search::Index::build(&data).search(&query).len();
    let without = montreal_hits("cache-off", path, cache_arg, &["--no-cache"], hits);
    let first = montreal_hits("cache-first", path, cache_arg, &[], hits);
    let second = montreal_hits("cache-second", path, cache_arg, &[], hits);
    assert!(names_in(&cache).is_empty(), "{:?}", names_in(&cache));
    for screen in [first, second] {
        assert_eq!(screen, without);
    }
}
