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

fn map(lang: Lang, actions: &[Action]) -> App {
    let loaded = data::load(None).expect("embedded");
    let mut app = App::new(loaded.dataset, loaded.origin, lang);
    app.update(Action::ToggleMap);
    for a in actions {
        app.update(a.clone());
    }
    app
}

fn draw(app: &App, width: u16, height: u16, theme: ThemeName) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    let mut ui = UiState::new(theme);
    terminal
        .draw(|frame| ui::render(frame, app, &mut ui))
        .expect("draw");
    terminal.backend().buffer().clone()
}

fn text(buf: &Buffer) -> String {
    let area = buf.area;
    let mut out = String::new();
    for y in 0..area.height {
        let mut line = String::new();
        for x in 0..area.width {
            line.push_str(buf[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
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
