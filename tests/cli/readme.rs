//! The README as a user reads it: short, its two commands for a fresh clone,
//! its links to pages that exist, its quick-start commands printing what it
//! shows; and docs/explorer.md's picture of the main screen is what the
//! explorer draws. After a change to either, `PAP_TUI_BLESS_README=1 cargo
//! test --test cli readme` rewrites the copies; review the diff before
//! committing it.

use std::path::Path;
use std::process::Command;

use pap_tui::app::{Action, App, Effect, Msg};
use pap_tui::i18n::Lang;
use pap_tui::search::Searcher;
use pap_tui::ui::{self, UiState};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use crate::support::BIN;

const README: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
/// The page that pictures the explorer's screens, the quick start's among them.
const EXPLORER: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/explorer.md");
const SCREEN_MARK: &str = "<!-- screen 120x40: / lanaudiere Enter -->\n```text\n";

/// Held while a test reads and rewrites README.md or docs/explorer.md, so
/// that two blessings do not write over each other.
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
                let index = app.index().cloned().expect("index");
                let hits = searcher.search(&index, &query);
                app.update(Msg::SearchResults { generation, hits });
            }
        }
    }
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    let mut state = UiState::default();
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
fn the_explorer_page_pictures_the_screen_the_explorer_draws() {
    let _lock = README_LOCK.lock().unwrap_or_else(|e| e.into_inner());
    let page = std::fs::read_to_string(EXPLORER).expect("docs/explorer.md");
    let at = page
        .find(SCREEN_MARK)
        .expect("the screen's marker in docs/explorer.md")
        + SCREEN_MARK.len();
    let (start, end) = block_after(&page, at);
    let screen = quick_start_screen();
    assert!(
        screen.contains("Organisations — Lanaudière (4)"),
        "{screen}"
    );
    assert!(screen.contains("● Terrebonne"), "{screen}");
    if bless() {
        let updated = format!("{}{screen}{}", &page[..start], &page[end..]);
        std::fs::write(EXPLORER, updated).expect("write docs/explorer.md");
        return;
    }
    assert!(
        page[start..end] == screen,
        "docs/explorer.md's screen differs from what the explorer draws; run \
         PAP_TUI_BLESS_README=1 cargo test --test cli readme and review the diff.\n{screen}"
    );
}

#[test]
fn the_readme_is_short_and_starts_a_new_user_with_two_commands() {
    let readme = std::fs::read_to_string(README).expect("README.md");
    let words = readme.split_whitespace().count();
    assert!(
        words < 1500,
        "README.md has {words} words: move detail to docs/"
    );
    // On a fresh machine with Rust: the explorer, then the tests, and nothing else.
    let section = &readme[readme.find("## Two commands").expect("Two commands")..];
    let at = section.find("```sh\n").expect("a block") + "```sh\n".len();
    let (start, end) = block_after(section, at);
    let commands: Vec<&str> = section[start..end]
        .lines()
        .map(|l| l.split('#').next().unwrap_or_default().trim())
        .collect();
    assert_eq!(commands, ["cargo run --release", "cargo test"]);
    assert!(
        readme.contains("\ncargo install --locked --path .\n"),
        "the install line"
    );
}

/// A Markdown page without its code: fenced blocks and `inline` spans,
/// where `](` is text, not a link.
fn prose(page: &str) -> String {
    let mut out = String::new();
    let mut fenced = false;
    for line in page.lines() {
        if line.starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if !fenced {
            // Odd pieces between backquotes are code.
            for (i, piece) in line.split('`').enumerate() {
                if i % 2 == 0 {
                    out.push_str(piece);
                }
            }
            out.push('\n');
        }
    }
    out
}

#[test]
fn the_readme_and_the_docs_link_to_pages_that_exist() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut pages = vec![root.join("README.md")];
    for entry in std::fs::read_dir(root.join("docs")).expect("docs/") {
        let path = entry.expect("an entry").path();
        if path.extension().is_some_and(|e| e == "md") {
            pages.push(path);
        }
    }
    let mut links = 0;
    for page in pages {
        let text = prose(&std::fs::read_to_string(&page).expect("a page"));
        let dir = page.parent().expect("a directory");
        for (at, _) in text.match_indices("](") {
            let target = &text[at + 2..];
            let target = &target[..target.find(')').expect("a closing parenthesis")];
            if target.contains("://") || target.starts_with('#') {
                continue;
            }
            let file = target.split('#').next().unwrap_or(target);
            assert!(
                dir.join(file).exists(),
                "{}: a link to {target}, which does not exist",
                page.display()
            );
            links += 1;
        }
    }
    assert!(links >= 10, "{links} links");
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
