//! The letter end to end: the real binary in tmux, opened from a search hit
//! and from a detail's source line, searched with `/`, `n` and `N`, closed
//! with `q` without quitting.

mod support;

use support::tmux::Tmux;

fn start(name: &str) -> Tmux {
    Tmux::explorer(name, 120, 40)
}

#[test]
fn a_letter_hit_opens_the_letter_at_its_passage() {
    let t = start("letter-hit");
    t.keys(&["/"]);
    t.wait_text("Search");
    // Only the review passage says "trente (30) jours".
    t.type_text("'trente");
    // Its row shows the part of the passage that matched, not its start.
    t.wait_for("the letter hit, shown from its match", |s| {
        s.contains("— 1/1 hit")
            && s.lines()
                .any(|l| l.contains("letter       ") && l.contains("trente (30) jours"))
    });
    t.keys(&["Enter"]);
    t.wait_for("the letter at the review, the term highlighted", |s| {
        s.contains("The letter (corrected transcription)")
            && s.contains("114–115▌ Nous vous avisons que vous pouvez demander")
            && s.contains("\"trente\" 1/1 · l. ")
    });
    // Back to the search, its query kept; Esc clears it, Esc again closes it.
    quit_from_the_letter(
        &t,
        "> 'trente",
        &[("Escape", "Type to search"), ("Escape", "┏ 1 Regions")],
    );
}

/// `q` goes back from the letter to `opened_from` (text of that place) and
/// leaves the program running; then each of `then`, a key and the text it
/// leads to, back to the panes (two Escapes sent at once would read as
/// Alt-Escape); there a letter opened with `d` closes onto them and `q` quits.
fn quit_from_the_letter(t: &Tmux, opened_from: &str, then: &[(&str, &str)]) {
    t.keys(&["q"]);
    t.wait_text(opened_from);
    for (key, leads_to) in then {
        t.keys(&[key]);
        t.wait_text(leads_to);
    }
    t.wait_main_screen();
    t.keys(&["d"]);
    t.wait_text("The letter (corrected transcription)");
    t.keys(&["q"]);
    t.wait_main_screen();
    t.quit();
}

#[test]
fn slash_n_and_shift_n_search_the_letter() {
    let t = start("letter-find");
    t.keys(&["d"]);
    t.wait_for("the letter and its gutter", |s| {
        s.contains("The letter (corrected transcription)") && s.contains("  1  Ministère")
    });
    t.keys(&["/"]);
    t.wait_text("search (accents and case ignored)");
    t.type_text("MONTREAL");
    t.wait_text("\"MONTREAL\" 1/5");
    t.keys(&["Enter"]);
    t.wait_for("the search kept, its hint gone", |s| {
        s.contains("\"MONTREAL\" 1/5") && s.contains("n/N match")
    });
    t.keys(&["n"]);
    t.wait_for("the second match", |s| {
        s.contains("\"MONTREAL\" 2/5") && s.contains("de Montréal")
    });
    t.keys(&["N"]);
    t.wait_text("\"MONTREAL\" 1/5");
    t.keys(&["N"]);
    t.wait_for("the last match, round the top", |s| {
        s.contains("\"MONTREAL\" 5/5") && s.contains("Montréal [06 Montréal]")
    });
    t.keys(&["g"]);
    t.wait_text("  1  Ministère");
    t.keys(&["G"]);
    t.wait_text("· 100%");
    quit_from_the_letter(&t, "┏ 1 Regions", &[]);
}

#[test]
fn a_source_line_of_a_detail_opens_the_letter_at_that_line() {
    let t = start("letter-source");
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
    t.wait_for("the SAFIMA detail", |s| {
        s.contains("Organisation — Service d'aide à la famille immigrante")
            && s.contains("l. 197  Service d’aide a la famille immigrante")
            && s.contains("→ Region Lanaudière")
    });
    // From the first cross-link up to the source line, which opens the letter.
    t.keys(&["k"]);
    t.keys(&["Enter"]);
    t.wait_for("the letter at l. 197", |s| {
        s.contains("The letter (corrected transcription)")
            && s.contains("197▌   - Service d'aide à la famille immigrante de la MRC de L'Assomption (SAFIMA)")
    });
    // Back to the detail it was opened from, then to the panes.
    quit_from_the_letter(
        &t,
        "┏ Organisation — Service d'aide",
        &[("Escape", "Lanaudière")],
    );
}
