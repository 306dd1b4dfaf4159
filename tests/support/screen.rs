//! The explorer drawn into ratatui's `TestBackend`, and the screen as text.

use pap_tui::app::{App, Msg};
use pap_tui::ui::theme::ThemeName;
use pap_tui::ui::{self, UiState};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

/// One frame of `app` at `width`×`height`, in the theme it has (dark unless
/// it was given another).
pub fn draw(app: &App, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    let mut ui = UiState::default();
    terminal
        .draw(|frame| ui::render(frame, app, &mut ui))
        .expect("draw");
    terminal.backend().buffer().clone()
}

/// One frame of `app` in `theme`, given to it as the config gives it.
pub fn draw_in(app: &mut App, width: u16, height: u16, theme: ThemeName) -> Buffer {
    app.update(Msg::Theme(theme));
    draw(app, width, height)
}

/// The screen as text, one line per row, trailing spaces kept out.
pub fn text(buf: &Buffer) -> String {
    let area = buf.area;
    let mut out = String::new();
    for y in 0..area.height {
        let line: String = (0..area.width).map(|x| buf[(x, y)].symbol()).collect();
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// A colour as the styled dump writes it: the palette index, `#rrggbb`, or
/// `·` for the terminal's own.
fn colour(c: ratatui::style::Color) -> String {
    use ratatui::style::Color;
    let ansi = [
        Color::Black,
        Color::Red,
        Color::Green,
        Color::Yellow,
        Color::Blue,
        Color::Magenta,
        Color::Cyan,
        Color::Gray,
        Color::DarkGray,
        Color::LightRed,
        Color::LightGreen,
        Color::LightYellow,
        Color::LightBlue,
        Color::LightMagenta,
        Color::LightCyan,
        Color::White,
    ];
    match c {
        Color::Reset => "·".to_string(),
        Color::Indexed(n) => n.to_string(),
        Color::Rgb(r, g, b) => format!("#{r:02x}{g:02x}{b:02x}"),
        named => ansi
            .iter()
            .position(|a| *a == named)
            .map_or_else(|| format!("{named:?}"), |i| i.to_string()),
    }
}

/// The part `area` of the screen with its colours: each row's text, a
/// `{fg/bg}` mark (and `b`old, `r`eversed, `u`nderlined, `d`im) before each
/// run of cells drawn alike. Colour is content: this puts it in a snapshot.
pub fn styled(buf: &Buffer, area: ratatui::layout::Rect) -> String {
    use ratatui::style::Modifier;
    let mut out = String::new();
    for y in area.top()..area.bottom() {
        let mut last = None;
        for x in area.left()..area.right() {
            let cell = &buf[(x, y)];
            let mut mods = String::new();
            for (m, c) in [
                (Modifier::BOLD, 'b'),
                (Modifier::REVERSED, 'r'),
                (Modifier::UNDERLINED, 'u'),
                (Modifier::DIM, 'd'),
            ] {
                if cell.modifier.contains(m) {
                    mods.push(c);
                }
            }
            let style = format!("{}/{}{}", colour(cell.fg), colour(cell.bg), mods);
            if last.as_ref() != Some(&style) {
                out.push('{');
                out.push_str(&style);
                out.push('}');
                last = Some(style);
            }
            out.push_str(cell.symbol());
        }
        out.push('\n');
    }
    out
}
