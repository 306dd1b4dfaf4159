//! The map end to end: the real binary in tmux, `m` opens the map, `j` moves
//! to Outaouais and shows its 63 people accompanied, `Enter` selects it in the
//! regions pane, and `q` closes the map without quitting.

mod support;

use support::tmux::Tmux;

const ENV: &[(&str, &str)] = &[("LANG", "en_CA.UTF-8"), ("TERM", "xterm-256color")];

#[test]
fn m_then_outaouais_then_enter_selects_it_in_the_regions_pane() {
    let t = Tmux::start("map-outaouais", 120, 40, ENV, &["remain-on-exit on"], &[]);
    t.wait_text("All regions");
    t.keys(&["m"]);
    t.wait_for("the map on Bas-Saint-Laurent", |s| {
        s.contains("Map of the regions · organisations") && s.contains("01 Bas-Saint-Laurent")
    });
    for _ in 0..6 {
        t.keys(&["j"]);
    }
    t.wait_for("Outaouais selected with Gatineau's 63", |s| {
        s.contains("07 Outaouais") && s.contains("Gatineau 63") && s.contains("●63")
    });
    t.keys(&["Enter"]);
    t.wait_text("Organisations — Outaouais (0)");
    t.keys(&["m"]);
    t.wait_text("07 Outaouais");
    t.keys(&["q"]);
    t.wait_main_screen();
    t.keys(&["q"]);
    t.wait_for("the program to exit", |_| t.pane_dead());
    assert_eq!(t.exit_status(), "0");
}
