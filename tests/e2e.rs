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
fn tiny_terminal_shows_a_message() {
    let t = Tmux::start("tiny", 40, 10, ENV, &["remain-on-exit on"], &[]);
    t.wait_text("Enlarge the terminal");
    t.resize(100, 30);
    t.wait_text("All regions");
    t.keys(&["q"]);
    t.wait_for("the program to exit", |_| t.pane_dead());
}
