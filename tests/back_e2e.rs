//! The way back end to end: the real binary in tmux, a letter opened from a
//! detail's source line, and `Esc` (then `Backspace`) back to that detail.

mod support;

use support::tmux::Tmux;

/// The headcounts pane's row of the city `name`: the cities in the
/// dataset's order.
fn city_row(name: &str) -> usize {
    let loaded = pap_tui::data::load(None).expect("embedded");
    loaded
        .dataset
        .cities
        .iter()
        .position(|c| c.name == name)
        .expect("the city is in the data")
}

#[test]
fn esc_from_the_letter_returns_to_the_detail_it_was_opened_from() {
    let t = Tmux::explorer("back-detail", 120, 40);
    // `3`, Terrebonne, Enter, ↑ (from the first link to the last source
    // line, the table's row), Enter: the letter at l. 76.
    t.keys(&["3"]);
    t.wait_text("┏ 3 People accompanied");
    for _ in 0..city_row("Terrebonne") {
        t.keys(&["Down"]);
    }
    t.keys(&["Enter"]);
    t.wait_text("City — Terrebonne");
    t.keys(&["Up", "Enter"]);
    let letter = "Terrebonne › d The letter (corrected transcription) · l. 76";
    t.wait_text(letter);
    t.keys(&["Escape"]);
    t.wait_for("Terrebonne's detail again", |s| {
        s.contains("┏ City — Terrebonne") && s.contains("Source (OCR)")
    });
    // The same source line is still chosen: Enter opens the same place.
    t.keys(&["Enter"]);
    t.wait_text(letter);
    t.keys(&["BSpace"]);
    t.wait_text("┏ City — Terrebonne");
    // Back from the detail: the panes, Terrebonne still selected.
    t.keys(&["Escape"]);
    let screen = t.wait_main_screen();
    assert!(screen.contains("┏ 3 People accompanied"), "{screen}");
    t.quit();
}
