//! Screen tests of the map overlay: the map at fixed sizes in both languages
//! and without colour, compared with insta snapshots, and the styles that say
//! which region is selected and which have no organisation.

use pap_tui::app::{Action, App};
use pap_tui::data;
use pap_tui::i18n::Lang;
use pap_tui::ui::theme::ThemeName;
use pap_tui::ui::{self, UiState};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;

mod support;
use support::screen::{draw, text};

fn map(lang: Lang, actions: &[Action]) -> App {
    let loaded = data::load(None).expect("embedded");
    let mut app = App::new(loaded.dataset, loaded.origin, lang);
    app.update(Action::ToggleMap);
    for a in actions {
        app.update(a.clone());
    }
    app
}

/// Down six times from Bas-Saint-Laurent: Outaouais.
fn to_outaouais() -> Vec<Action> {
    vec![Action::Down; 6]
}

#[test]
fn the_map_in_both_languages_and_in_mono() {
    for (w, h) in [(80, 24), (120, 40)] {
        for (lang, name) in [(Lang::En, "en"), (Lang::Fr, "fr")] {
            let app = map(lang, &to_outaouais());
            let buf = draw(&app, w, h, ThemeName::Dark);
            insta::assert_snapshot!(format!("map_{name}_{w}x{h}"), text(&buf));
        }
        let app = map(Lang::En, &to_outaouais());
        let buf = draw(&app, w, h, ThemeName::Mono);
        insta::assert_snapshot!(format!("map_mono_{w}x{h}"), text(&buf));
    }
}

/// The cells of the map that draw a region whose count is zero, and those of
/// the selected region, by their styles.
#[test]
fn empty_regions_are_a_pattern_and_the_selection_shows_without_colour() {
    let app = map(Lang::En, &to_outaouais());
    let colour = draw(&app, 120, 40, ThemeName::Dark);
    let mono = draw(&app, 120, 40, ThemeName::Mono);
    // Outaouais has no organisation: its cells carry the pattern, not a shade.
    let pattern = |buf: &Buffer| buf.content().iter().filter(|c| c.symbol() == "╳").count();
    assert!(pattern(&colour) > 50 && pattern(&mono) > 50);
    let reversed = mono
        .content()
        .iter()
        .filter(|c| c.modifier.contains(Modifier::REVERSED))
        .count();
    assert!(
        reversed > 20,
        "the selected region is reversed in mono: {reversed}"
    );
    assert!(
        mono.content()
            .iter()
            .all(|c| c.fg == ratatui::style::Color::Reset && c.bg == ratatui::style::Color::Reset),
        "mono draws no colour"
    );
    // The other regions' measure, as shades.
    assert!(
        ["░", "▒", "▓"]
            .iter()
            .any(|s| mono.content().iter().any(|c| c.symbol() == *s))
    );
}

#[test]
fn a_click_on_gatineaus_cell_selects_outaouais() {
    use crossterm::event::{Event, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
    let mut app = map(Lang::En, &[]);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    let mut ui = UiState::new(ThemeName::Dark);
    terminal
        .draw(|frame| ui::render(frame, &app, &mut ui))
        .expect("draw");
    let buf = terminal.backend().buffer().clone();
    let (x, y) = (0..40u16)
        .flat_map(|y| (0..120u16).map(move |x| (x, y)))
        .find(|&(x, y)| {
            buf[(x, y)].symbol() == "●"
                && buf[(x + 1, y)].symbol() == "6"
                && buf[(x + 2, y)].symbol() == "3"
        })
        .expect("Gatineau's mark");
    let click = Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: x,
        row: y,
        modifiers: KeyModifiers::NONE,
    });
    let action = pap_tui::input::action(&click, &app, &ui, 0).expect("a click on the map");
    app.update(action);
    app.update(Action::Open);
    assert_eq!(app.region_code(), Some("07"));
}

#[test]
fn the_help_lists_the_map_keys_down_to_the_last() {
    let app = map(Lang::En, &[Action::ToggleHelp, Action::Last]);
    let screen = text(&draw(&app, 80, 24, ThemeName::Dark));
    assert!(screen.contains("city names"), "{screen}");
    assert!(screen.contains("zoom out"), "{screen}");
}
