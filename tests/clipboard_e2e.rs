//! Copying for real: the binary in tmux, `y` pressed, and the clipboard read back
//! from tmux's buffer or from the raw bytes the program wrote.

mod support;

use std::time::{Duration, Instant};

use support::tmux::Tmux;

/// The first organisation, as `y` copies it: the entry, then where the letter
/// says it.
const ENTRY: &str = "Accès Travail — Centre-du-Québec";
const CITATION: &str = "Source : MIFI, décision d'accès à l'information 18159, 6 février 2020 — \
                        annexe « Organismes par régions », Centre-du-Québec (OCR l. 173).";

fn expected() -> String {
    format!("{ENTRY}\n\n{CITATION}")
}

fn env(clipboard: &'static str) -> Vec<(&'static str, &'static str)> {
    vec![
        ("LANG", "fr_CA.UTF-8"),
        ("TERM", "xterm-256color"),
        ("PAP_TUI_CLIPBOARD", clipboard),
    ]
}

fn copy_first_organisation(t: &Tmux) {
    t.wait_text("Toutes les régions");
    t.keys(&["2"]);
    t.keys(&["y"]);
}

fn buffer(t: &Tmux) -> String {
    String::from_utf8_lossy(&t.run(&["show-buffer"]).stdout).into_owned()
}

#[test]
fn tmux_buffer_with_default_set_clipboard() {
    let t = Tmux::start("clip-default", 120, 40, &env("auto"), &[], &[]);
    copy_first_organisation(&t);
    t.wait_text("Copié (tmux)");
    assert_eq!(buffer(&t), expected());
}

#[test]
fn tmux_buffer_with_set_clipboard_on() {
    let t = Tmux::start("clip-on", 120, 40, &env("auto"), &["set-clipboard on"], &[]);
    copy_first_organisation(&t);
    t.wait_text("Copié (tmux)");
    assert_eq!(buffer(&t), expected());
}

#[test]
fn osc52_sequence_carries_exactly_the_text() {
    let dir = tempfile::tempdir().expect("tempdir");
    let log = dir.path().join("output.bin");
    let t = Tmux::start("clip-osc52", 120, 40, &env("osc52"), &[], &[]);
    t.run(&[
        "pipe-pane",
        "-o",
        "-t",
        "main",
        &format!("cat >> '{}'", log.display()),
    ]);
    copy_first_organisation(&t);
    t.wait_text("Copié (OSC 52)");
    let encoded = pap_tui::base::clipboard::base64(expected().as_bytes());
    let want = format!("\x1b]52;c;{encoded}\x07");
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let bytes = std::fs::read(&log).unwrap_or_default();
        let raw = String::from_utf8_lossy(&bytes);
        if raw.contains(&want) {
            assert_eq!(raw.matches("\x1b]52;").count(), 1, "one sequence only");
            break;
        }
        assert!(
            Instant::now() < deadline,
            "no OSC 52 for {:?} in {} bytes",
            expected(),
            bytes.len()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn clipboard_off_shows_the_text_to_select() {
    let t = Tmux::start("clip-off", 120, 40, &env("off"), &[], &[]);
    copy_first_organisation(&t);
    t.wait_for("the text to select", |s| {
        s.contains("Copie impossible") && s.contains(ENTRY) && s.contains("Source : MIFI")
    });
    t.keys(&["Escape"]);
    t.wait_main_screen();
}

#[test]
fn copy_menu_markdown_carries_the_citation() {
    let t = Tmux::start("clip-md", 120, 40, &env("auto"), &[], &[]);
    t.wait_text("Toutes les régions");
    t.keys(&["2", "Y"]);
    t.wait_text("Markdown avec la citation");
    t.keys(&["Down", "Enter"]);
    t.wait_text("Copié (tmux)");
    assert_eq!(buffer(&t), format!("> {ENTRY}\n>\n> {CITATION}"));
}

#[test]
fn y_on_a_region_copies_its_organisations_one_per_line() {
    let t = Tmux::start("clip-region", 120, 40, &env("auto"), &[], &[]);
    t.wait_text("Toutes les régions");
    // Lanaudière, 14, is the 15th row of the regions pane.
    for _ in 0..14 {
        t.keys(&["j"]);
    }
    t.wait_text("Organismes — Lanaudière (4)");
    t.keys(&["y"]);
    t.wait_text("Copié (tmux)");
    let copied = buffer(&t);
    let names: Vec<&str> = copied
        .lines()
        .skip(1)
        .take_while(|l| l.starts_with("- "))
        .collect();
    assert_eq!(
        names,
        [
            "- Perspectives Carrières",
            "- Comité régional d'éducation pour le développement international de Lanaudière",
            "- Service d'aide à la famille immigrante de la MRC de L'Assomption (SAFIMA)",
            "- Accueil multiethnique et intégration des nouveaux arrivants à Terrebonne et Mascouche",
        ],
        "{copied}"
    );
    assert!(
        copied.contains("- Terrebonne — █ caviardé — art. 53, 54"),
        "{copied}"
    );
    assert!(
        copied.ends_with(
            "Lanaudière (OCR l. 167, 195–197, 199) ; tableau des personnes immigrantes accompagnées \
             (OCR l. 76) ; question 3 de la demande et sa réponse (OCR l. 50–53, 55)."
        ),
        "{copied}"
    );
}

#[test]
fn every_hit_of_the_search_box_is_copied_and_counted() {
    let t = Tmux::start("clip-hits", 120, 40, &env("auto"), &[], &[]);
    t.wait_text("Toutes les régions");
    t.keys(&["/"]);
    t.wait_text("Rechercher");
    t.type_text("'perspective");
    // The box's own count, for the whole query: the panes behind show the name too.
    t.wait_text("Rechercher — 1/1 résultat");
    t.keys(&["C-a"]);
    t.wait_text("Copié : 1 résultat (tmux)");
    let copied = buffer(&t);
    assert!(
        copied.starts_with("Recherche « 'perspective » : 1 résultat\n- Perspectives Carrières (organisme, OCR l. 191, 195, 201)"),
        "{copied}"
    );
    assert!(
        copied.ends_with(
            "\n\nSource : MIFI, décision d'accès à l'information 18159, 6 février 2020."
        ),
        "{copied}"
    );
}
