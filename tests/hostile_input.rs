//! Hostile input that is not a control character: invisible separators and
//! marks, counts at the edge of `u64`, thousands of problems, files that are not
//! files, fields of megabytes. Each test runs the library or the real binary on
//! it and checks what the user gets: an escape, an error naming the limit, a
//! prompt answer.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use pap_tui::app::App;
use pap_tui::data::{self, DataError, Dataset, Origin};
use pap_tui::i18n::Lang;
use pap_tui::ui::{self, UiState};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Characters a terminal draws as nothing, or as a line break, or that reorder
/// a line: none may reach the screen or stdout as it is.
const INVISIBLE: [char; 7] = [
    '\u{2028}', '\u{2029}', '\u{200F}', '\u{200E}', '\u{061C}', '\u{FEFF}', '\u{200B}',
];

fn embedded() -> Dataset {
    data::load(None).expect("embedded").dataset
}

fn write(dir: &Path, name: &str, data: &Dataset) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, serde_json::to_vec(data).expect("json")).expect("write");
    path
}

/// The index cache of this test run: a test never writes to the user's cache.
fn cache_dir() -> &'static Path {
    static DIR: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    DIR.get_or_init(|| tempfile::tempdir().expect("a temporary directory"))
        .path()
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pap-tui"))
        .args(args)
        .env("PAP_TUI_CACHE_DIR", cache_dir())
        .env("LANG", "en_CA.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("the binary runs")
}

/// The embedded dataset with invisible characters in a region's code and name,
/// an organisation's name, a city's name and the article numbers a withheld
/// city cites; references follow the renamed code and article, so it validates.
fn invisible_dataset() -> Dataset {
    let mut d = embedded();
    let old_code = d.regions[0].code.clone();
    let new_code = format!("0\u{2028}{old_code}");
    d.regions[0].code = new_code.clone();
    d.regions[0].name = format!("Nord\u{2029}{}", d.regions[0].name);
    for o in &mut d.organisations {
        for r in &mut o.regions {
            if *r == old_code {
                *r = new_code.clone();
            }
        }
    }
    for c in &mut d.cities {
        if c.region == old_code {
            c.region = new_code.clone();
        }
    }
    d.organisations[0].name =
        "Rlm\u{200F} Alm\u{061C} Bom\u{FEFF} Zwsp\u{200B} Lrm\u{200E}".to_string();
    d.organisations[0].regions = vec![new_code.clone()];
    let withheld = d
        .cities
        .iter()
        .position(|c| c.withheld.is_some())
        .expect("a withheld city");
    let cited = d.cities[withheld]
        .withheld
        .as_ref()
        .expect("withheld")
        .articles[0]
        .clone();
    let renamed = format!("{cited}\u{200F}");
    for a in &mut d.articles {
        if a.number == cited {
            a.number = renamed.clone();
        }
    }
    for c in &mut d.cities {
        if let Some(w) = &mut c.withheld {
            for a in &mut w.articles {
                if *a == cited {
                    *a = renamed.clone();
                }
            }
        }
    }
    for q in &mut d.document.questions {
        for answer in &mut q.answers {
            for a in &mut answer.articles {
                if *a == cited {
                    *a = renamed.clone();
                }
            }
        }
    }
    d.cities[withheld].region = new_code.clone();
    d.cities[0].name = format!("Ville\u{2028}{}", d.cities[0].name);
    d.cities[0].region = new_code;
    d
}

fn screen(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    let mut ui = UiState::default();
    terminal
        .draw(|frame| ui::render(frame, app, &mut ui))
        .expect("draw");
    let buf = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..height {
        for x in 0..width {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

#[test]
fn invisible_characters_are_escaped_on_the_screen() {
    let data = invisible_dataset();
    data::validate(&data)
        .is_empty()
        .then_some(())
        .expect("the dataset is valid");
    let mut app = App::new(data, Origin::Embedded, Lang::En);
    // From "All regions" to the first region, whose organisations and cities
    // (one of them withheld) hold the invisible characters.
    app.update(pap_tui::app::Action::Down);
    let shown = screen(&app, 160, 50);
    let found: Vec<char> = shown.chars().filter(|c| INVISIBLE.contains(c)).collect();
    assert!(found.is_empty(), "{found:?} on screen:\n{shown}");
    for escape in ["0\\u{2028}", "Nord\\u{2029}", "Rlm\\u{200F}", "\\u{FEFF}"] {
        assert!(shown.contains(escape), "{escape} not on screen:\n{shown}");
    }
}

#[test]
fn invisible_characters_are_escaped_on_stdout() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = write(dir.path(), "invisible.json", &invisible_dataset());
    let file = file.to_str().expect("a UTF-8 path");
    for args in [
        vec!["regions"],
        vec!["organisations"],
        vec!["cities"],
        vec!["organisations", "--format", "csv"],
        vec!["organisations", "--format", "json"],
        vec!["export", "--format", "markdown"],
        vec!["export", "--format", "csv"],
        vec!["export"],
        vec!["search", "rlm"],
    ] {
        let mut full = args.clone();
        full.extend(["--data", file]);
        let out = run(&full);
        assert!(out.status.success(), "{args:?}: {out:?}");
        let stdout = String::from_utf8(out.stdout).expect("UTF-8");
        let found: Vec<char> = stdout.chars().filter(|c| INVISIBLE.contains(c)).collect();
        assert!(found.is_empty(), "{args:?} printed {found:?}");
    }
}

/// The embedded dataset as JSON, with the first counted city's count and the
/// first funding row's amount set to `count` and `amount`.
fn with_numbers(count: u64, amount: u64) -> Dataset {
    let mut d = embedded();
    let city = d
        .cities
        .iter_mut()
        .find(|c| c.count.is_some())
        .expect("a counted city");
    city.count = Some(count);
    d.funding[0].amount_cad = amount;
    d
}

#[test]
fn counts_and_amounts_above_their_limits_are_problems() {
    let d = with_numbers(u64::MAX, u64::MAX);
    let text = serde_json::to_string_pretty(&d).expect("json");
    let err = match data::parse(&text, Origin::File(PathBuf::from("big.json"))) {
        Ok(_) => panic!("a count of 2^64-1 passed validation"),
        Err(e) => e.to_string(),
    };
    assert!(
        err.contains("has a count of 18446744073709551615, above the limit of 100000000"),
        "{err}"
    );
    assert!(
        err.contains("has an amount of 18446744073709551615 $, above the limit of 1000000000000 $"),
        "{err}"
    );
    // Each at its limit is fine.
    let d = with_numbers(data::MAX_COUNT, data::MAX_AMOUNT_CAD);
    assert_eq!(data::validate(&d), vec![]);
}

#[test]
fn totals_that_would_wrap_are_problems_and_never_wrap() {
    let mut d = embedded();
    let half = u64::MAX / 2 + 1;
    for c in d.cities.iter_mut().filter(|c| c.count.is_some()).take(2) {
        c.count = Some(half);
    }
    d.funding[0].amount_cad = half;
    d.funding[1].amount_cad = half;
    let messages: Vec<String> = data::validate(&d)
        .into_iter()
        .map(|p| p.message.describe(Lang::En))
        .collect();
    for total in ["counts add up", "amounts add up"] {
        assert!(
            messages.iter().any(|m| m.contains(total)),
            "{total}: {messages:?}"
        );
    }
    // Shown anyway (a test or a fuzz target may render an unvalidated
    // dataset): the totals saturate, in debug builds as in release.
    assert_eq!(d.headcount_totals().known, u64::MAX);
    assert_eq!(data::amount_total(d.funding.iter()), u64::MAX);
}

#[test]
fn validate_reports_a_huge_count_by_file_line_and_limit() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = write(dir.path(), "big.json", &with_numbers(u64::MAX, 5));
    let out = run(&["validate", file.to_str().expect("a UTF-8 path")]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("big.json:1:") && stderr.contains("above the limit"),
        "{stderr}"
    );
    let out = run(&["cities", "--data", file.to_str().expect("a UTF-8 path")]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(!stdout.contains("18446744073709551"), "{stdout}");
}

/// The embedded dataset with `n` more organisations, each in the unknown
/// region "99": `n` problems.
fn with_problems(n: usize) -> Dataset {
    let mut d = embedded();
    let template = d.organisations[0].clone();
    for i in 0..n {
        let mut o = template.clone();
        o.id = format!("bad-{i}");
        o.name = format!("Organisme é {i}");
        o.regions = vec!["99".to_string()];
        d.organisations.push(o);
    }
    d
}

#[test]
fn thousands_of_problems_are_counted_and_the_first_placed() {
    for (text, layout) in [
        (
            serde_json::to_string(&with_problems(2_000)).expect("json"),
            "one line",
        ),
        (
            serde_json::to_string_pretty(&with_problems(2_000)).expect("json"),
            "pretty",
        ),
    ] {
        let err = match data::parse(&text, Origin::File(PathBuf::from("many.json"))) {
            Ok(_) => panic!("{layout}: 2 000 problems passed"),
            Err(e) => e,
        };
        let shown = err.to_string();
        let DataError::Invalid { problems, more, .. } = &err else {
            panic!("{layout}: {shown}");
        };
        assert_eq!(
            (problems.len(), *more),
            (data::MAX_LISTED, 1_900),
            "{layout}"
        );
        assert!(shown.contains("\n… and 1900 more\n"), "{layout}: {shown}");
        assert!(shown.ends_with("2000 problem(s) in the dataset; fix them and try again"));
        assert_eq!(shown.lines().count(), data::MAX_LISTED + 2, "{layout}");
        // Each listed problem is placed on the unknown code of its organisation.
        let lines: Vec<&str> = text.split('\n').collect();
        for p in problems {
            let at: String = lines[p.line - 1]
                .chars()
                .skip(p.column - 1)
                .take(4)
                .collect();
            assert_eq!(at, "\"99\"", "{layout}: {p:?}");
        }
    }
}

/// Runs the binary with `args` under a 2 GiB address-space limit, killing it
/// after `seconds`: a run that waits on a FIFO or reads /dev/zero fails the
/// test instead of hanging it or exhausting the machine.
fn run_bounded(args: &[&str], env: &[(&str, &Path)], seconds: u64) -> Output {
    let mut command = Command::new("sh");
    command
        .arg("-c")
        .arg("ulimit -v 2097152; exec \"$@\"")
        .arg("sh")
        .arg(env!("CARGO_BIN_EXE_pap-tui"))
        .args(args)
        .env("PAP_TUI_CACHE_DIR", cache_dir())
        .env("LANG", "en_CA.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    for (k, v) in env {
        command.env(k, v);
    }
    let child = command.spawn().expect("the binary runs");
    let pid = child.id().to_string();
    // Read while it runs: output larger than a pipe's buffer would block it.
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || sender.send(child.wait_with_output()));
    match receiver.recv_timeout(std::time::Duration::from_secs(seconds)) {
        Ok(out) => out.expect("output"),
        Err(_) => {
            let _ = Command::new("kill").args(["-KILL", &pid]).status();
            panic!("{args:?} still running after {seconds} s");
        }
    }
}

#[cfg(unix)]
#[test]
fn a_fifo_or_a_device_is_refused_as_a_dataset() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fifo = dir.path().join("fifo.json");
    let made = Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    let urandom = dir.path().join("urandom.json");
    std::os::unix::fs::symlink("/dev/urandom", &urandom).expect("symlink");
    for (file, kind) in [
        (fifo.as_path(), "FIFO (named pipe)"),
        (Path::new("/dev/zero"), "character device"),
        (urandom.as_path(), "character device"),
    ] {
        let file = file.to_str().expect("a UTF-8 path");
        for args in [
            vec!["organisations", "--data", file],
            vec!["validate", file],
        ] {
            let out = run_bounded(&args, &[], 10);
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
            assert!(
                stderr.contains(&format!("{file}: not a regular file but a {kind}")),
                "{args:?}: {stderr}"
            );
        }
    }
}

#[test]
fn a_dataset_above_the_size_limit_is_refused_unread() {
    let dir = tempfile::tempdir().expect("tempdir");
    let big = dir.path().join("big.json");
    let file = std::fs::File::create(&big).expect("create");
    // Sparse: no disk space, and never read.
    file.set_len(data::limits::MAX_FILE_BYTES + 1)
        .expect("set_len");
    let out = run_bounded(&["validate", big.to_str().expect("a UTF-8 path")], &[], 10);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    let limit = data::limits::MAX_FILE_BYTES;
    assert!(
        stderr.contains(&format!(
            "larger than the limit of {limit} bytes ({} MiB)",
            limit >> 20
        )),
        "{stderr}"
    );
}

#[cfg(unix)]
#[test]
fn a_config_linked_to_a_device_is_refused_with_a_warning() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("config.toml")).expect("symlink");
    let out = run_bounded(&["config"], &[("PAP_TUI_CONFIG_DIR", dir.path())], 10);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("config.toml: not a regular file (a pipe, a device or a directory)"),
        "{stderr}"
    );
}

#[cfg(unix)]
#[test]
fn a_state_file_linked_to_a_device_is_left_alone() {
    let dir = tempfile::tempdir().expect("tempdir");
    let state = dir.path().join("state.json");
    std::os::unix::fs::symlink("/dev/zero", &state).expect("symlink");
    let session = pap_tui::store::state::open(&state);
    let said: Vec<String> = session
        .warnings
        .iter()
        .map(|w| w.describe(Lang::En))
        .collect();
    assert!(!session.writable, "{said:?}");
    assert!(said[0].contains("not a regular file"), "{said:?}");
    assert!(
        std::fs::symlink_metadata(&state).is_ok_and(|m| m.file_type().is_symlink()),
        "the link is left as it was"
    );
}

#[test]
fn a_text_above_the_field_limit_is_refused_naming_the_field_and_the_limit() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut d = embedded();
    d.organisations[3].name = "x".repeat(data::limits::MAX_TEXT_BYTES + 1);
    let file = write(dir.path(), "long.json", &d);
    let file = file.to_str().expect("a UTF-8 path");
    for args in [
        vec!["organisations", "--data", file],
        vec!["search", "x", "--data", file],
        vec!["validate", file],
    ] {
        let out = run_bounded(&args, &[], 20);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains("long.json:1:"), "{stderr}");
        assert!(
            stderr.contains(
                "organisations[3].name is a text of 65537 bytes, above the limit of 65536 bytes for one field"
            ),
            "{args:?}: {stderr}"
        );
        assert!(out.stdout.is_empty(), "{args:?}");
    }
    // At the limit, it loads, and the listing pads no other row to its width.
    d.organisations[3].name = "x".repeat(data::limits::MAX_TEXT_BYTES);
    let file = write(dir.path(), "at-limit.json", &d);
    let out = run_bounded(
        &[
            "organisations",
            "--data",
            file.to_str().expect("a UTF-8 path"),
        ],
        &[],
        20,
    );
    assert!(out.status.success(), "{out:?}");
    let longest_other = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| !l.contains("xxxx"))
        .map(str::len)
        .max()
        .unwrap_or(0);
    assert!(longest_other < 300, "{longest_other} bytes");
}

#[test]
fn a_pasted_megabyte_is_cut_to_the_query_limit() {
    use pap_tui::app::{Action, Effect, Overlay};
    let mut app = App::new(embedded(), Origin::Embedded, Lang::En);
    app.update(Action::OpenSearch);
    let effects = app.update(Action::Paste(format!("laval {}", "é".repeat(1_000_000))));
    let queries: Vec<usize> = effects
        .iter()
        .filter_map(|e| match e {
            Effect::Search { query, .. } => Some(query.chars().count()),
            _ => None,
        })
        .collect();
    assert_eq!(queries, [pap_tui::store::state::MAX_QUERY_CHARS]);
    app.update(Action::Input('x'));
    let Overlay::Search(sb) = app.overlay() else {
        panic!("the search box is open");
    };
    assert_eq!(
        sb.input().chars().count(),
        pap_tui::store::state::MAX_QUERY_CHARS
    );
    assert!(sb.input().starts_with("laval é"));
}
