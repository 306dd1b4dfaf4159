//! Screen tests of the map overlay: the map at fixed sizes in both languages
//! and without colour, compared with insta snapshots, and the styles that say
//! which region is selected and which have no organisation.

use pap_tui::app::{Action, App, Msg};
use pap_tui::data;
use pap_tui::i18n::Lang;
use pap_tui::ui::theme::ThemeName;
use pap_tui::ui::{self, UiState};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};

mod support;
use support::screen::{draw, draw_in, styled, text};

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

/// The map drawn, with the area of its regions (left of the side panel).
fn draw_map(app: &mut App, width: u16, height: u16, theme: ThemeName) -> (Buffer, Rect) {
    app.update(Msg::Theme(theme));
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    let mut ui = UiState::default();
    terminal
        .draw(|frame| ui::render(frame, app, &mut ui))
        .expect("draw");
    (terminal.backend().buffer().clone(), ui.map_area)
}

/// The cells of the map area that a city's label drew: every cell that is
/// neither blank, a fill (`▀`, a shade, the `╳` pattern) nor a border (Braille).
fn label_cells(buf: &Buffer, area: Rect) -> Vec<(u16, u16)> {
    let drawn = |s: &str| {
        let Some(c) = s.chars().next() else {
            return false;
        };
        !(c == ' ' || "▀░▒▓╳".contains(c) || ('\u{2800}'..='\u{28ff}').contains(&c))
    };
    (area.top()..area.bottom())
        .flat_map(|y| (area.left()..area.right()).map(move |x| (x, y)))
        .filter(|&(x, y)| drawn(buf[(x, y)].symbol()))
        .collect()
}

/// Every city label on the map reads on the colours under it: in colour, its
/// foreground and background differ and meet WCAG AA (4.5:1) under xterm's
/// palette, whatever region's fill is under it; without colour, a label has
/// none and is not reversed by the selected region under it.
#[test]
fn every_map_label_cell_reads_on_its_own_background() {
    use pap_tui::ui::contrast::contrast;
    let views: [(&str, Vec<Action>); 3] = [
        ("province", to_outaouais()),
        ("corridor", vec![Action::ZoomCorridor]),
        ("montreal", vec![Action::ZoomCorridor, Action::ZoomIn]),
    ];
    for (w, h) in [(80, 24), (120, 40), (200, 60)] {
        for (view, actions) in &views {
            let mut app = map(Lang::En, actions);
            for theme in [ThemeName::Dark, ThemeName::Light] {
                let (buf, area) = draw_map(&mut app, w, h, theme);
                let cells = label_cells(&buf, area);
                assert!(cells.len() > 10, "{view} {w}x{h}: {} labels", cells.len());
                for (x, y) in cells {
                    let cell = &buf[(x, y)];
                    let ratio = contrast(cell.fg, cell.bg);
                    assert!(
                        cell.fg != cell.bg && ratio.is_some_and(|r| r >= 4.5),
                        "{theme:?} {view} {w}x{h}: {:?} at ({x}, {y}) is {:?} on {:?} ({ratio:?})\n{}",
                        cell.symbol(),
                        cell.fg,
                        cell.bg,
                        styled(&buf, Rect::new(area.x, y, area.width, 1)),
                    );
                }
            }
            let (buf, area) = draw_map(&mut app, w, h, ThemeName::Mono);
            for (x, y) in label_cells(&buf, area) {
                let cell = &buf[(x, y)];
                assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset));
                assert!(!cell.modifier.contains(Modifier::REVERSED), "({x}, {y})");
            }
        }
    }
}

/// With the withheld cities as measure (`c c`), at most two a region, the
/// legend has one level a value, never the same range twice.
#[test]
fn the_legend_of_a_small_measure_has_one_level_a_value() {
    let mut app = map(Lang::En, &[Action::CycleMeasure, Action::CycleMeasure]);
    let (buf, area) = draw_map(&mut app, 120, 40, ThemeName::Dark);
    let screen = text(&buf);
    let legend: Vec<String> = screen
        .lines()
        .map(|l| {
            let side: String = l.chars().skip(usize::from(area.right())).collect();
            side.trim_matches(|c: char| c == '│' || c.is_whitespace())
                .to_string()
        })
        .skip_while(|l| l != "Legend")
        .skip(1)
        .take_while(|l| !l.is_empty() && !l.starts_with('Σ'))
        .collect();
    assert_eq!(legend, ["╳ none", "1", "2"], "{screen}");
    // Counts of withheld cities are pap-tui's, and the legend says so.
    assert!(screen.contains("Σ computed by pap-tui"), "{screen}");
}

/// The attribution is on one line, the map's bottom border, at every size.
#[test]
fn the_attribution_fits_one_line_at_every_size() {
    for (w, h) in [(60, 16), (80, 24), (120, 40), (200, 60)] {
        for lang in [Lang::En, Lang::Fr] {
            let buf = draw(&map(lang, &[]), w, h);
            let screen = text(&buf);
            let border = screen.lines().nth(usize::from(h) - 2).unwrap_or_default();
            assert!(
                border.contains("GeoNames") && border.contains("CC-BY 4.0"),
                "{w}x{h}: {border}"
            );
            assert!(!border.contains('…'), "{w}x{h}: {border}");
        }
    }
}

/// `p` hides the side panel: the map takes the whole width.
#[test]
fn p_gives_the_side_panel_to_the_map() {
    let with = draw_map(&mut map(Lang::En, &[]), 80, 24, ThemeName::Dark).1;
    let without = draw_map(
        &mut map(Lang::En, &[Action::ToggleMapPanel]),
        80,
        24,
        ThemeName::Dark,
    )
    .1;
    assert_eq!(without.width, 78);
    assert!(with.width < without.width && with.height == without.height);
}

/// The map at every size in both languages, its text and its colours.
#[test]
fn the_map_with_its_colours_at_every_size() {
    for (w, h) in [(60, 16), (80, 24), (120, 40), (200, 60)] {
        for (lang, name) in [(Lang::En, "en"), (Lang::Fr, "fr")] {
            let mut app = map(lang, &[Action::ZoomCorridor]);
            let (buf, area) = draw_map(&mut app, w, h, ThemeName::Dark);
            insta::assert_snapshot!(format!("map_corridor_{name}_{w}x{h}"), text(&buf));
            insta::assert_snapshot!(
                format!("map_corridor_styled_{name}_{w}x{h}"),
                styled(&buf, area)
            );
        }
    }
}

#[test]
fn the_map_in_both_languages_and_in_mono() {
    for (w, h) in [(80, 24), (120, 40)] {
        for (lang, name) in [(Lang::En, "en"), (Lang::Fr, "fr")] {
            let app = map(lang, &to_outaouais());
            let buf = draw(&app, w, h);
            insta::assert_snapshot!(format!("map_{name}_{w}x{h}"), text(&buf));
        }
        let mut app = map(Lang::En, &to_outaouais());
        let buf = draw_in(&mut app, w, h, ThemeName::Mono);
        insta::assert_snapshot!(format!("map_mono_{w}x{h}"), text(&buf));
    }
}

/// The cells of the map that draw a region whose count is zero, and those of
/// the selected region, by their styles.
#[test]
fn empty_regions_are_a_pattern_and_the_selection_shows_without_colour() {
    let mut app = map(Lang::En, &to_outaouais());
    let colour = draw(&app, 120, 40);
    let mono = draw_in(&mut app, 120, 40, ThemeName::Mono);
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
    let mut ui = UiState::default();
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
    let action = pap_tui::tui::input::action(&click, &app, &ui, 0).expect("a click on the map");
    app.update(action);
    app.update(Action::Open);
    assert_eq!(app.region_code(), Some("07"));
}

/// The help opened on the map starts with the map's keys, and ends with the
/// geography's whole credits.
#[test]
fn the_help_opened_on_the_map_starts_with_its_keys_and_ends_with_the_credits() {
    let app = map(Lang::En, &[Action::ToggleHelp]);
    let screen = text(&draw(&app, 80, 24));
    for keys in [
        "city names",
        "zoom out",
        "legend and figures",
        "mouse click",
    ] {
        assert!(screen.contains(keys), "{keys}: {screen}");
    }
    let app = map(Lang::En, &[Action::ToggleHelp, Action::Last]);
    let screen = text(&draw(&app, 80, 24));
    assert!(screen.contains("Map: credits"), "{screen}");
    assert!(screen.contains("GeoNames"), "{screen}");
}
