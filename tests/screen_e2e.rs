//! The main screen end to end: the real binary in tmux, keys sent, the screen
//! read. Starring says so and marks the row, `q` in an overlay closes it, the
//! funding pane has its key and its detail, and the headcounts scroll to the
//! last city at 80×24 with the total still in view.

mod support;

use support::tmux::Tmux;

#[test]
fn starring_says_so_and_marks_the_row() {
    let t = Tmux::explorer("star", 120, 40);
    t.keys(&["3", "G"]);
    t.wait_text("17/17");
    t.keys(&["s"]);
    t.wait_for("the message and the star", |s| {
        s.contains("Starred: Montréal") && s.contains("★ Montréal")
    });
    t.keys(&["s"]);
    t.wait_text("Unstarred: Montréal");
    t.quit();
}

#[test]
fn q_in_an_overlay_closes_it_and_quits_from_the_main_screen() {
    let t = Tmux::explorer("q-overlay", 120, 40);
    t.keys(&["?"]);
    t.wait_text("Keys");
    t.keys(&["q"]);
    t.wait_main_screen();
    t.keys(&["3", "Enter"]);
    t.wait_text("City — Laval");
    t.keys(&["q"]);
    t.wait_main_screen();
    assert!(!t.pane_dead(), "q closed the detail, it did not quit");
    t.quit();
}

#[test]
fn the_funding_pane_has_its_key_and_detail() {
    let t = Tmux::explorer("funding", 120, 40);
    t.wait_text("5 Additional funding");
    t.wait_text("$13,400");
    t.keys(&["5", "j", "Enter"]);
    t.wait_for("the funding detail", |s| {
        s.contains("Funding — Centre social d'aide aux immigrants (CSAI)") && s.contains("$4,200")
    });
    t.keys(&["Escape"]);
    t.wait_main_screen();
    t.quit();
}

#[test]
fn the_last_city_scrolls_into_view_at_80x24() {
    let t = Tmux::explorer("last-city", 80, 24);
    t.keys(&["3", "G"]);
    t.wait_for("Montréal, its legal basis and the total", |s| {
        s.lines()
            .any(|l| l.contains("Montréal ") && l.contains("█ s. 53, 54"))
            && s.contains("217 ")
            && s.contains("▲ 17/17")
    });
    t.quit();
}

#[test]
fn slash_filters_the_help_and_esc_clears_then_closes() {
    let t = Tmux::explorer("help-filter", 120, 40);
    t.keys(&["?"]);
    t.wait_text("next pane");
    t.keys(&["/"]);
    t.type_text("cop");
    t.wait_for("the filter on the border and its rows", |s| {
        s.contains("? Keys /cop▏ ") && s.contains("copy every hit")
    });
    // q is a letter of the filter, not a way out.
    t.keys(&["q"]);
    t.wait_text("/copq▏ 0/");
    t.keys(&["BSpace"]);
    t.wait_text("/cop▏ ");
    // The first Esc clears the filter: every row is back.
    t.keys(&["Escape"]);
    t.wait_for("the whole help", |s| {
        s.contains("next pane") && s.contains("? Keys ━")
    });
    t.keys(&["Escape"]);
    t.wait_main_screen();
    t.quit();
}

#[test]
fn hints_follow_the_pane_and_a_long_name_is_whole_in_it() {
    let t = Tmux::explorer("hints", 80, 24);
    // On "All regions", Enter goes into the list.
    t.wait_text("Enter organisations");
    t.keys(&["Enter"]);
    t.wait_text("Enter detail");
    // Lanaudière's fourth organisation, the longest name, wraps whole in its
    // focused pane (at 60×16, where it is cut, the status line shows it whole:
    // tests/screens.rs).
    t.keys(&["1", "G", "k", "k", "k", "2", "j", "j", "j"]);
    t.wait_for("the whole name in its pane", |s| {
        s.contains("┃Accueil multiethnique et") && s.contains("┃Mascouche") && s.contains("4/4")
    });
    t.keys(&["Y"]);
    t.wait_text("Enter copy in this format");
    t.keys(&["q"]);
    t.wait_main_screen();
    t.quit();
}
