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

use std::path::{Path, PathBuf};
use std::sync::Arc;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::app::App;
use crate::cache::{Identity, Key, Slot};
use crate::data::{DataError, Origin};
use crate::i18n::Lang;
use crate::ui::{self, UiState};

use super::startup::Setup;
use super::{Exit, Options, Screen, TuiError, check_terminal, terminal};

/// Files this large or larger get a kept first frame (8 MiB, about 38 000
/// organisations; 37 000, just under, `pap-tui regions` loads in 10–20 ms): a start
/// below has little to gain, and every quit would still draw and write a frame.
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

/// Opens the explorer on the data file at `path`, its index and first frame
/// kept in the cache directory `cache`: the kept first frame first if there
/// is one, then the data. A file that does not load is an error, the
/// terminal given back first.
pub fn open_file(
    path: &Path,
    cache: PathBuf,
    lang_flag: Option<Lang>,
) -> Result<Result<Exit, TuiError>, DataError> {
    let identity = Identity::of(path);
    // Without a terminal nothing is drawn ahead: the file is not hashed, the
    // state not read, and the terminal's absence is reported after the data
    // loads, as without a cache.
    let kept = identity
        .filter(|file| file.hinted(&cache) && check_terminal().is_ok())
        .and_then(|_| kept_frame(path, &cache, lang_flag));
    let mut screen = None;
    if let Some((mouse, frame)) = kept {
        match Screen::enter(mouse) {
            Ok(mut entered) => {
                // A terminal that cannot draw it loses only the head start.
                let _ = entered.show(&frame);
                terminal::keys_signal(true);
                screen = Some(entered);
            }
            Err(e) => return Ok(Err(e)),
        }
    }
    let (loaded, slot) = crate::cache::load_keyed(path, cache)?;
    if screen.is_some() {
        terminal::keys_signal(false);
    }
    let index_cache = Some(slot.clone());
    let keep = |app: &App| keep_next(&slot, app, lang_flag, identity);
    Ok(super::open_on(loaded, lang_flag, index_cache, screen, keep))
}

/// The frame kept for the file at `path` and the setup the session reads,
/// if there is one for the terminal's size, and the mouse setting to enter
/// the screen with. The file is hashed through a small buffer: a repeat start
/// finds its frame without taking memory of the file's size.
fn kept_frame(path: &Path, cache: &Path, lang_flag: Option<Lang>) -> Option<(bool, Buffer)> {
    let key = Key::of_file(path, crate::data::limits::MAX_FILE_BYTES).ok()?;
    let slot = Slot {
        dir: cache.to_path_buf(),
        key,
    };
    // Read without touching the state file: a file that does not load
    // leaves it as it was.
    let setup = Setup::peek(lang_flag)?;
    let (width, height) = crossterm::terminal::size().ok()?;
    let origin = Origin::File(path.to_path_buf());
    let frame = slot.frame(setup.fingerprint(&origin), Rect::new(0, 0, width, height))?;
    Some((setup.options.mouse, frame))
}

/// Keeps the first frame the next session on this data will draw, if nothing
/// changes meanwhile: the setup it will read and the terminal's size now.
/// Nothing is kept when that setup cannot be read quietly; any failure only
/// costs the next start its head start.
fn keep_next(slot: &Slot, app: &App, lang_flag: Option<Lang>, file: Option<Identity>) {
    // Without the file's identity no start would look for the frame.
    if file.is_none() {
        return;
    }
    let Some(setup) = Setup::peek(lang_flag) else {
        return;
    };
    let Ok((width, height)) = crossterm::terminal::size() else {
        return;
    };
    // A terminal too small for the panes shows only a sentence that says so,
    // which has no room to say the data is loading.
    if width < ui::MIN_WIDTH || height < ui::MIN_HEIGHT {
        return;
    }
    let frame = next_frame(&setup, app, (width, height));
    if let Some(frame) = frame {
        let _ = slot.keep_frame(setup.fingerprint(&app.origin), &frame, file);
    }
}

/// The first frame a session with `setup` draws on `app`'s data at `size`,
/// said to be loading.
fn next_frame(setup: &Setup, app: &App, size: (u16, u16)) -> Option<Buffer> {
    let mut next = setup.app(Arc::clone(&app.data), app.origin.clone());
    ready_for_first_frame(&mut next, &setup.options, size);
    draw_off_screen(&next, &setup.options, Rect::new(0, 0, size.0, size.1), true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::State;

    /// A config, state and cache directory of their own, and the environment
    /// that names them.
    struct Home {
        dir: tempfile::TempDir,
    }

    impl Home {
        fn new() -> Home {
            Home {
                dir: tempfile::tempdir().unwrap_or_else(|e| panic!("{e}")),
            }
        }

        fn env(&self) -> impl Fn(&str) -> Option<String> + '_ {
            move |k: &str| match k {
                "PAP_TUI_CONFIG_DIR" | "PAP_TUI_STATE_DIR" | "PAP_TUI_CACHE_DIR" => {
                    Some(self.dir.path().display().to_string())
                }
                "LANG" => Some("en_CA.UTF-8".into()),
                _ => None,
            }
        }
    }

    fn data() -> Arc<crate::data::Dataset> {
        Arc::new(crate::synthetic::dataset(3_000).unwrap_or_else(|e| panic!("{e}")))
    }

    /// The rows where two frames differ.
    fn rows_differing(a: &Buffer, b: &Buffer) -> Vec<u16> {
        (0..a.area.height)
            .filter(|&y| (0..a.area.width).any(|x| a[(x, y)] != b[(x, y)]))
            .collect()
    }

    /// The frame kept at the end of a session (from the setup read without
    /// touching anything) and the next session's first frame (from the setup
    /// as a session reads it) differ only in the title bar, which says the
    /// data is loading at every width.
    #[test]
    fn the_kept_frame_is_the_next_sessions_first_frame_but_for_the_loading_mark() {
        let home = Home::new();
        let state = State {
            region: Some("14".into()),
            focus: Some("organisations".into()),
            history: vec!["montreal".into()],
            ..State::default()
        };
        let state_file = home.dir.path().join("state.json");
        assert!(crate::state::save(&state_file, &state).is_ok());
        let config = "theme = \"light\"\n[keys]\nquit = [\"x\"]\n";
        assert!(std::fs::write(home.dir.path().join("config.toml"), config).is_ok());
        let env = home.env();
        let data = data();
        let origin = Origin::File("/data/a rather long directory name/large.json".into());
        for (width, height) in [(120, 40), (80, 24), (200, 60)] {
            let Some(peeked) = Setup::peek_with(None, &env) else {
                panic!("the setup reads quietly");
            };
            let read = Setup::read_with(None, &env);
            assert_eq!(peeked.fingerprint(&origin), read.fingerprint(&origin));
            let ended = App::starting_shared(Arc::clone(&data), origin.clone(), Lang::En);
            let kept = next_frame(&peeked, &ended, (width, height));
            let mut app = read.app(Arc::clone(&data), origin.clone());
            ready_for_first_frame(&mut app, &read.options, (width, height));
            assert_eq!(app.region_code(), Some("14"));
            let area = Rect::new(0, 0, width, height);
            let drawn = draw_off_screen(&app, &read.options, area, false);
            let (Some(kept), Some(drawn)) = (kept, drawn) else {
                panic!("not drawn at {width}×{height}");
            };
            assert_eq!(
                rows_differing(&kept, &drawn),
                vec![0],
                "at {width}×{height}"
            );
            let title: String = (0..width)
                .map(|x| kept[(x, 0)].symbol().to_string())
                .collect();
            assert!(title.contains("loading:"), "{title}");
            let title: String = (0..width)
                .map(|x| drawn[(x, 0)].symbol().to_string())
                .collect();
            assert!(!title.contains("loading"), "{title}");
        }
    }

    #[test]
    fn a_setup_that_would_warn_is_not_peeked() {
        let home = Home::new();
        // The state's place is taken by a directory: the session warns.
        assert!(std::fs::create_dir(home.dir.path().join("state.json")).is_ok());
        let env = home.env();
        assert!(Setup::peek_with(None, &env).is_none());
        let read = Setup::read_with(None, &env);
        let data = data();
        let origin = Origin::File("/data/large.json".into());
        let app = read.app(data, origin);
        assert!(app.status.is_some_and(|s| s.error));
    }
}
