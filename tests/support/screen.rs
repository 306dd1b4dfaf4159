//! The explorer drawn into ratatui's `TestBackend`, and the screen as text.

use pap_tui::app::App;
use pap_tui::ui::theme::ThemeName;
use pap_tui::ui::{self, UiState};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

/// One frame of `app` at `width`×`height` in `theme`.
pub fn draw(app: &App, width: u16, height: u16, theme: ThemeName) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    let mut ui = UiState::new(theme);
    terminal
        .draw(|frame| ui::render(frame, app, &mut ui))
        .expect("draw");
    terminal.backend().buffer().clone()
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
