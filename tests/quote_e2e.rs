//! The quote sheet for real: two entries starred in tmux, out of the letter's
//! order, `S` on ★ Starred, Markdown chosen, and the sheet read back from
//! tmux's buffer, in the letter's order with each citation.

mod support;

use pap_tui::i18n::Lang;
use pap_tui::present::CopyFormat;
use pap_tui::present::sheet;
use support::tmux::Tmux;

fn buffer(t: &Tmux) -> String {
    String::from_utf8_lossy(&t.run(&["show-buffer"]).stdout).into_owned()
}

#[test]
fn s_on_starred_copies_the_sheet_to_tmux_s_buffer() {
    let env = [
        ("LANG", "C"),
        ("TERM", "xterm-256color"),
        ("PAP_TUI_CLIPBOARD", "auto"),
    ];
    let t = Tmux::start("quote-sheet", 120, 40, &env, &["set-clipboard on"], &[]);
    t.wait_text("All regions");
    // The first organisation (the annex, l. 173), then the first funding row
    // (the funding table, l. 46): starred against the letter's order.
    t.keys(&["2", "s"]);
    t.wait_text("Starred: Accès Travail");
    t.keys(&["5", "s"]);
    t.wait_text("Starred: Centre d'action socio-communautaire de Montréal");
    t.keys(&["1", "g"]);
    t.wait_text("2 ★ Starred (2)");
    t.keys(&["S"]);
    t.wait_text("Copy the starred (2)");
    t.keys(&["Down", "Enter"]);
    t.wait_text("Copied (tmux)");

    let data = pap_tui::data::load(None).expect("embedded").dataset;
    let (stars, _) = pap_tui::store::state::load(&t.home.path().join("state.json"));
    let targets: Vec<_> = stars
        .starred
        .iter()
        .filter_map(|s| sheet::target_of(&s.kind, &s.id))
        .collect();
    assert_eq!(targets.len(), 2, "{stars:?}");
    let want = sheet::sheet(&data, &targets, Lang::En, CopyFormat::Markdown).expect("sheet");
    let copied = buffer(&t);
    assert_eq!(copied, want);
    assert!(
        copied.starts_with(
            "## Starred entries, in the letter's order: 2 entries\n\n\
             > Centre d'action socio-communautaire de Montréal — "
        ),
        "{copied}"
    );
    assert!(
        copied.ends_with("annex \"Organismes par régions\", Centre-du-Québec (OCR l. 173)."),
        "{copied}"
    );
}
