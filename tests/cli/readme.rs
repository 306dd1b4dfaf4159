//! The README as a user reads it: its picture of the main screen is what the
//! explorer draws, and its quick-start commands print what it shows. After a
//! change to either, `PAP_TUI_BLESS_README=1 cargo test --test cli readme`
//! rewrites the README's copies; review the diff before committing it.

use std::path::Path;
use std::process::Command;

use pap_tui::app::{Action, App, Effect, Msg};
use pap_tui::i18n::Lang;
use pap_tui::search::Searcher;
use pap_tui::ui::theme::ThemeName;
use pap_tui::ui::{self, UiState};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use crate::support::BIN;

const README: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
const SCREEN_MARK: &str = "<!-- screen 120x40: / lanaudiere Enter -->\n```text\n";

/// Held while a test reads and rewrites README.md, so that two blessings do
/// not write over each other.
static README_LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn bless() -> bool {
    std::env::var_os("PAP_TUI_BLESS_README").is_some()
}

/// The explorer at 120×40 after `/`, `lanaudiere`, `Enter`, its searches
/// answered as the search thread answers them; one line per row, without
/// trailing spaces.
fn quick_start_screen() -> String {
    let loaded = pap_tui::data::load(None).expect("embedded");
    let mut app = App::new(loaded.dataset, loaded.origin, Lang::En);
    let mut searcher = Searcher::default();
    let mut actions = vec![Action::OpenSearch];
    actions.extend("lanaudiere".chars().map(Action::Input));
    actions.push(Action::Open);
    for action in actions {
        for effect in app.update(action) {
            if let Effect::Search { generation, query } = effect {
                let index = app.index.clone().expect("index");
                let hits = searcher.search(&index, &query);
                app.update(Msg::SearchResults { generation, hits });
            }
        }
    }
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    let mut state = UiState::new(ThemeName::Dark);
    terminal
        .draw(|frame| ui::render(frame, &app, &mut state))
        .expect("draw");
    let buf = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..buf.area.height {
        let line: String = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Where the block that starts at `start` ends: at its closing fence.
fn block_after(readme: &str, start: usize) -> (usize, usize) {
    let end = readme[start..]
        .find("```\n")
        .map(|i| start + i)
        .expect("a closing fence");
    (start, end)
}

#[test]
fn the_readme_pictures_the_screen_the_explorer_draws() {
    let _lock = README_LOCK.lock().unwrap_or_else(|e| e.into_inner());
    let readme = std::fs::read_to_string(README).expect("README.md");
    let at = readme
        .find(SCREEN_MARK)
        .expect("the screen's marker in README.md")
        + SCREEN_MARK.len();
    let (start, end) = block_after(&readme, at);
    let screen = quick_start_screen();
    assert!(
        screen.contains("Organisations — Lanaudière (4)"),
        "{screen}"
    );
    assert!(screen.contains("● Terrebonne"), "{screen}");
    if bless() {
        let updated = format!("{}{screen}{}", &readme[..start], &readme[end..]);
        std::fs::write(README, updated).expect("write README.md");
        return;
    }
    assert!(
        readme[start..end] == screen,
        "README.md's screen differs from what the explorer draws; run \
         PAP_TUI_BLESS_README=1 cargo test --test cli readme and review the diff.\n{screen}"
    );
}

/// A command line split as the shell would for these simple commands: words
/// apart by spaces, double quotes keeping a phrase together.
fn words(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    let mut any = false;
    for c in line.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                any = true;
            }
            ' ' if !quoted => {
                if any {
                    out.push(std::mem::take(&mut word));
                    any = false;
                }
            }
            c => {
                word.push(c);
                any = true;
            }
        }
    }
    if any {
        out.push(word);
    }
    out
}

/// Runs one README command in `dir`: `pap-tui` is the binary under test in
/// the neutral locale, `sqlite3` the shell.
fn run(line: &str, dir: &Path) -> String {
    let words = words(line);
    let (program, args) = words.split_first().expect("a command");
    let mut command = match program.as_str() {
        "pap-tui" => {
            let mut c = Command::new(BIN);
            c.env_remove("LC_ALL")
                .env_remove("LC_MESSAGES")
                .env("LANG", "C");
            c
        }
        "sqlite3" => Command::new("sqlite3"),
        other => panic!("README runs {other}: only pap-tui and sqlite3 are checked"),
    };
    let out = command.args(args).current_dir(dir).output().expect(line);
    assert!(
        out.status.success(),
        "{line}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn the_quick_start_commands_print_what_the_readme_shows() {
    let _lock = README_LOCK.lock().unwrap_or_else(|e| e.into_inner());
    let readme = std::fs::read_to_string(README).expect("README.md");
    let dir = tempfile::tempdir().unwrap();
    let mut updated = String::new();
    let mut rest = readme.as_str();
    let mut commands = 0;
    while let Some(open) = rest.find("```console\n") {
        let body_start = open + "```console\n".len();
        let body_end = body_start + rest[body_start..].find("```\n").expect("a closing fence");
        let body = &rest[body_start..body_end];
        let mut actual = String::new();
        for line in body.lines().filter(|l| l.starts_with("$ ")) {
            actual.push_str(line);
            actual.push('\n');
            actual.push_str(&run(&line[2..], dir.path()));
            commands += 1;
        }
        if !bless() {
            assert_eq!(body, actual, "a console block of README.md");
        }
        updated.push_str(&rest[..body_start]);
        updated.push_str(&actual);
        rest = &rest[body_end..];
    }
    updated.push_str(rest);
    assert!(commands >= 5, "{commands} commands");
    if bless() {
        std::fs::write(README, updated).expect("write README.md");
    }
}
