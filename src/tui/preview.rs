//! A repeat start on a large `--data` file: the first frame is drawn before
//! the file is read.
//!
//! The explorer's first frame is a function of the data, the setup (config,
//! state, environment: [`Setup`]) and the terminal's size. When a session on
//! a file of [`MIN_BYTES`] or more ends, the first frame of the next session
//! on it (the setup it will read, the size the terminal has) is drawn off
//! screen and kept in the cache beside the file's index, keyed by the file's
//! content and the setup's fingerprint. The next start hashes the file through
//! a small buffer, finds that frame, draws it with the title bar saying the
//! data is loading, and only then reads and parses the file; the loop's first
//! frame replaces it, identical but for the title bar. Keys typed meanwhile
//! wait in the terminal and are answered once the data is in.

use std::path::Path;
use std::sync::Arc;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::app::App;
use crate::cache::Slot;
use crate::data::{self, DataError, Origin};
use crate::i18n::Lang;
use crate::ui::{self, UiState};

use super::startup::Setup;
use super::{Exit, Options, Screen, TuiError};

/// Files this large or larger get a kept first frame (8 MiB, about 37 000
/// organisations, which load in about 30 ms): below, the hash that finds the
/// frame would take a good part of the time it saves.
pub const MIN_BYTES: u64 = 8 << 20;

/// The app made ready for its first frame on a terminal of `size`: what the
/// loop does before it draws, and what the kept frame is drawn from.
pub fn ready_for_first_frame(app: &mut App, options: &Options, size: (u16, u16)) {
    app.update(crate::app::Action::Resize(size.0, size.1));
    app.update(crate::app::Msg::Theme(options.theme));
}

/// The first frame of `app` on `area`, drawn off screen.
fn draw_off_screen(app: &App, options: &Options, area: Rect, loading: bool) -> Option<Buffer> {
    let mut terminal = Terminal::new(TestBackend::new(area.width, area.height)).ok()?;
    let mut ui = UiState::new(options.theme);
    ui.loading = loading;
    terminal
        .draw(|frame| ui::render(frame, app, &mut ui))
        .ok()?;
    Some(terminal.backend().buffer().clone())
}

/// Opens the explorer on the data file at `path`, whose key is in `slot`:
/// the kept first frame first if there is one, then the data. A file that
/// does not load is an error before anything stays on the screen.
pub fn open_file(
    path: &Path,
    slot: Slot,
    lang_flag: Option<Lang>,
) -> Result<Result<Exit, TuiError>, DataError> {
    let origin = Origin::File(path.to_path_buf());
    // Read without touching the state file: a file that does not load leaves
    // it as it was, as before any preview.
    let kept = Setup::peek(lang_flag).and_then(|setup| {
        let (width, height) = crossterm::terminal::size().ok()?;
        let area = Rect::new(0, 0, width, height);
        let frame = slot.frame(setup.fingerprint(&origin), area)?;
        Some((setup, frame))
    });
    let mut screen = None;
    if let Some((setup, frame)) = kept {
        match Screen::enter(setup.options.mouse) {
            Ok(mut entered) => {
                // A terminal that cannot draw it loses only the head start.
                let _ = entered.show(&frame);
                screen = Some(entered);
            }
            Err(e) => return Ok(Err(e)),
        }
    }
    let bytes = data::read(path)?;
    let loaded = data::parse_bytes(&bytes, origin)?;
    drop(bytes);
    let setup = Setup::read(lang_flag);
    let app = setup.app(Arc::new(loaded.dataset), loaded.origin);
    let mut options = setup.options;
    options.index_cache = Some(slot.clone());
    let screen = match screen {
        Some(screen) => screen,
        None => match Screen::enter(options.mouse) {
            Ok(screen) => screen,
            Err(e) => return Ok(Err(e)),
        },
    };
    let (ended, app) = super::run_on(app, options, screen);
    if ended.as_ref().is_ok_and(|exit| *exit == Exit::Quit) {
        keep_next(&slot, &app, lang_flag);
    }
    Ok(ended)
}

/// Keeps the first frame the next session on this data will draw, if nothing
/// changes meanwhile: the setup it will read and the terminal's size now.
/// Nothing is kept when that setup cannot be read quietly; any failure only
/// costs the next start its head start.
fn keep_next(slot: &Slot, app: &App, lang_flag: Option<Lang>) {
    let Some(setup) = Setup::peek(lang_flag) else {
        return;
    };
    let Ok((width, height)) = crossterm::terminal::size() else {
        return;
    };
    let mut next = setup.app(Arc::clone(&app.data), app.origin.clone());
    ready_for_first_frame(&mut next, &setup.options, (width, height));
    let area = Rect::new(0, 0, width, height);
    if let Some(frame) = draw_off_screen(&next, &setup.options, area, true) {
        let _ = slot.keep_frame(setup.fingerprint(&app.origin), &frame);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options() -> Options {
        Options {
            mouse: true,
            theme: crate::config::ThemeName::Dark,
            clipboard: crate::clipboard::Plan {
                method: crate::clipboard::Method::Osc52,
                also_osc52: false,
            },
            osc52_may_be_dropped: false,
            state_file: None,
            index_cache: None,
        }
    }

    /// The frame kept for the next start and the one the loop draws differ
    /// only in the title bar's word for the data, when it has room for it.
    #[test]
    fn the_kept_frame_is_the_first_frame_but_for_the_loading_mark() {
        let data = crate::synthetic::dataset(3_000).unwrap_or_else(|e| panic!("{e}"));
        let data = Arc::new(data);
        for (width, height) in [(120, 40), (80, 24), (200, 60)] {
            let area = Rect::new(0, 0, width, height);
            let origin = Origin::File("/tmp/big.json".into());
            let mut app = App::starting_shared(Arc::clone(&data), origin, Lang::En);
            ready_for_first_frame(&mut app, &options(), (width, height));
            let kept = draw_off_screen(&app, &options(), area, true);
            let drawn = draw_off_screen(&app, &options(), area, false);
            let (Some(kept), Some(drawn)) = (kept, drawn) else {
                panic!("not drawn at {width}×{height}");
            };
            let differ: Vec<u16> = (0..height)
                .filter(|&y| (0..width).any(|x| kept[(x, y)] != drawn[(x, y)]))
                .collect();
            // At 80 columns the title bar has no room for the data's path.
            let expected: &[u16] = if width >= 120 { &[0] } else { &[] };
            assert_eq!(differ, expected, "rows that differ at {width}×{height}");
        }
    }
}
