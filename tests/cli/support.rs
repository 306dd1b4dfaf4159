//! Running the binary with a controlled locale, datasets written to temporary
//! files, and the checks every output shares: no control character reaches
//! stdout, text columns line up by display width.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use pap_tui::data::{Dataset, Headcount};
use unicode_width::UnicodeWidthStr;

pub const BIN: &str = env!("CARGO_BIN_EXE_pap-tui");

/// Every variable the binary could take a language from; all are removed
/// before a run and only the ones a test names are set.
const LOCALE_VARS: [&str; 4] = ["LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"];

/// The outcome of one run of the binary.
#[derive(Debug)]
pub struct Run {
    pub args: Vec<String>,
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Asserts exit status `code`; returns the run for further checks.
    #[track_caller]
    pub fn code(self, code: i32) -> Run {
        assert_eq!(
            self.code, code,
            "pap-tui {:?}: exit status\nstdout: {}\nstderr: {}",
            self.args, self.stdout, self.stderr
        );
        self
    }

    /// Asserts success with nothing on stderr; returns stdout.
    #[track_caller]
    pub fn ok(self) -> String {
        let run = self.code(0);
        assert_eq!(run.stderr, "", "pap-tui {:?}: stderr", run.args);
        run.stdout
    }

    /// Asserts an error (status 2) with nothing on stdout; returns stderr.
    #[track_caller]
    pub fn error(self) -> String {
        let run = self.code(2);
        assert_eq!(run.stdout, "", "pap-tui {:?}: stdout", run.args);
        run.stderr
    }
}

/// Runs `pap-tui args` in the neutral `C` locale (English).
pub fn pap(args: &[&str]) -> Run {
    pap_env(args, &[("LANG", "C")])
}

/// `pap-tui args` with exactly these locale variables and no stdin. The index
/// cache goes to a directory of the test run's own unless `env` names one: a
/// test never writes to the user's cache.
pub fn command(args: &[&str], env: &[(&str, &str)]) -> Command {
    let mut command = Command::new(BIN);
    command.args(args).stdin(Stdio::null());
    for var in LOCALE_VARS {
        command.env_remove(var);
    }
    command.env("PAP_TUI_CACHE_DIR", test_cache_dir());
    command.envs(env.iter().copied());
    command
}

/// The index cache of this test run, removed with the temporary directory.
fn test_cache_dir() -> &'static Path {
    static DIR: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    DIR.get_or_init(|| tempfile::tempdir().expect("a temporary directory"))
        .path()
}

/// Runs `pap-tui args` with exactly these locale variables.
pub fn pap_env(args: &[&str], env: &[(&str, &str)]) -> Run {
    run(args, command(args, env).output().expect("the binary runs"))
}

/// Runs `pap-tui args` (in the `C` locale) with `input` on its standard input.
pub fn pap_stdin(args: &[&str], input: &[u8]) -> Run {
    use std::io::Write;
    let mut child = command(args, &[("LANG", "C")])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut stdin = child.stdin.take().expect("stdin");
    let input = input.to_vec();
    // Written on a thread of its own: a program that stops reading early must
    // not leave the test blocked on a full pipe.
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().expect("the binary ends");
    let _ = writer.join();
    run(args, out)
}

fn run(args: &[&str], out: std::process::Output) -> Run {
    let code = out
        .status
        .code()
        .unwrap_or_else(|| panic!("pap-tui {args:?} ended by a signal: {:?}", out.status));
    Run {
        args: args.iter().map(|a| a.to_string()).collect(),
        code,
        stdout: String::from_utf8(out.stdout)
            .unwrap_or_else(|e| panic!("pap-tui {args:?}: stdout is not UTF-8: {e}")),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// A path as a command-line argument (temporary paths are UTF-8).
pub fn arg(path: &Path) -> &str {
    path.to_str().expect("UTF-8 path")
}

pub fn embedded() -> Dataset {
    pap_tui::data::load(None).expect("embedded dataset").dataset
}

/// Writes `data` as a dataset file named `name` in `dir`.
pub fn write_dataset(dir: &Path, name: &str, data: &Dataset) -> PathBuf {
    let path = dir.join(name);
    let json = serde_json::to_string_pretty(data).expect("serialise dataset");
    std::fs::write(&path, json).expect("write dataset");
    path
}

/// How an output is laid out, which decides the only control characters allowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Text, Markdown and JSON: line feeds only.
    Lines,
    /// CSV: line feeds (inside quoted fields) and CRLF record ends.
    Csv,
}

/// True for the characters that must never reach stdout raw: C0 controls, DEL,
/// C1 controls, bidi embeddings/overrides and isolates.
pub fn is_forbidden(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Asserts that `out` holds no forbidden character beyond its layout's line breaks.
#[track_caller]
pub fn assert_no_control(out: &str, layout: Layout, what: &str) {
    let chars: Vec<char> = out.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let allowed =
            c == '\n' || (layout == Layout::Csv && c == '\r' && chars.get(i + 1) == Some(&'\n'));
        if is_forbidden(c) && !allowed {
            let around: String = chars[i.saturating_sub(20)..(i + 20).min(chars.len())]
                .iter()
                .collect();
            panic!("{what}: {c:?} (char {i}) reaches stdout, in {around:?}");
        }
    }
}

/// Asserts that `text` is the table `rows` (header first, raw cells as in the
/// dataset) laid out in columns: each cell, made safe, starts at the same display
/// column in every line (ends, for the `right`-aligned columns), cells are two or
/// more spaces apart, and no line has trailing spaces.
#[track_caller]
/// A cell wider than the text tables' cap is printed whole and pushes the
/// rest of its own row aside: the cells after it are not held to the columns.
pub fn assert_columns_aligned(text: &str, rows: &[Vec<String>], right: &[usize]) {
    // The legend of the Σ mark under a table is a line of its own.
    let text = text
        .strip_suffix(&format!("\n\n{COMPUTED}\n"))
        .map_or_else(|| text.to_string(), |t| format!("{t}\n"));
    let text = text.as_str();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), rows.len(), "line count of\n{text}");
    let mut edges: Vec<Option<(usize, usize)>> = vec![None; rows[0].len()];
    for (n, (line, row)) in lines.iter().zip(rows).enumerate() {
        let mut cursor = 0;
        let mut pushed_aside = false;
        for (i, raw) in row.iter().enumerate() {
            let cell = pap_tui::base::escape::line(raw);
            if cell.is_empty() {
                continue;
            }
            let at = line[cursor..]
                .find(&*cell)
                .map(|p| cursor + p)
                .unwrap_or_else(|| panic!("line {n}: cell {i} {cell:?} not found in {line:?}"));
            let gap = &line[cursor..at];
            assert!(
                gap.bytes().all(|b| b == b' ') && (i == 0 || gap.len() >= 2),
                "line {n}: {gap:?} before cell {i} in {line:?}"
            );
            let start = line[..at].width();
            let edge = if right.contains(&i) {
                start + cell.width()
            } else {
                start
            };
            match edges[i] {
                _ if pushed_aside => {}
                None => edges[i] = Some((edge, n)),
                Some((first, first_line)) => assert_eq!(
                    edge, first,
                    "column {i} at display column {edge} in line {n} but {first} in line {first_line}:\n{}\n{line}",
                    lines[first_line]
                ),
            }
            cursor = at + cell.len();
            pushed_aside |= cell.width() > pap_tui::cli::text_table::MAX_COLUMN_WIDTH;
        }
        assert_eq!(&line[cursor..], "", "line {n}: trailing text in {line:?}");
    }
}

fn strings(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|c| c.to_string()).collect()
}

fn region_name(data: &Dataset, code: &str) -> String {
    data.region(code)
        .map_or(code.to_string(), |r| r.name.clone())
}

/// The rows `pap-tui organisations` prints in English.
pub fn organisations_rows(data: &Dataset) -> Vec<Vec<String>> {
    let mut rows = vec![strings(&["ID", "NAME", "REGIONS"])];
    for o in &data.organisations {
        let names: Vec<String> = o.regions.iter().map(|c| region_name(data, c)).collect();
        rows.push(vec![o.id.clone(), o.display_name(), names.join(", ")]);
    }
    rows
}

/// The rows `pap-tui cities` prints in English, its total line included.
pub fn cities_rows(data: &Dataset) -> Vec<Vec<String>> {
    let mut rows = vec![strings(&["CITY", "REGION", "ACCOMPANIED"])];
    for c in &data.cities {
        let shown = match c.headcount() {
            Headcount::Known(n) => n.to_string(),
            Headcount::Withheld(w) => format!("█ withheld — s. {}", w.articles.join(", ")),
            Headcount::Missing => panic!("a valid dataset has no missing count"),
        };
        rows.push(vec![c.name.clone(), region_name(data, &c.region), shown]);
    }
    rows.push(vec![
        "Σ Total".to_string(),
        String::new(),
        headcount_summary(&data.cities.iter().collect::<Vec<_>>()),
    ]);
    rows
}

/// The legend line of the Σ mark, in English.
pub const COMPUTED: &str = "Σ computed by pap-tui: the letter prints no such figure";

/// The headcounts of `cities` as `regions` prints them in English, worked
/// out here on their own: `Σ 41 + 1 withheld — s. 53, 54`, `2 withheld — s.
/// 53, 54`, `Σ 63`, `— (no city listed)`.
pub fn headcount_summary(cities: &[&pap_tui::data::City]) -> String {
    let counts: Vec<u64> = cities.iter().filter_map(|c| c.count).collect();
    let mut articles: Vec<&str> = Vec::new();
    for w in cities.iter().filter_map(|c| c.withheld.as_ref()) {
        for a in &w.articles {
            if !articles.contains(&a.as_str()) {
                articles.push(a);
            }
        }
    }
    let withheld = cities.len() - counts.len();
    let words = format!("{withheld} withheld — s. {}", articles.join(", "));
    match (counts.is_empty(), withheld) {
        (true, 0) => "— (no city listed)".to_string(),
        (true, _) => words,
        (false, 0) => format!("Σ {}", counts.iter().sum::<u64>()),
        (false, _) => format!("Σ {} + {words}", counts.iter().sum::<u64>()),
    }
}

/// The rows `pap-tui regions` prints in English.
pub fn regions_rows(data: &Dataset) -> Vec<Vec<String>> {
    let mut rows = vec![strings(&["CODE", "REGION", "ORGANISATIONS", "ACCOMPANIED"])];
    for r in &data.regions {
        let cities: Vec<_> = data.cities.iter().filter(|c| c.region == r.code).collect();
        let summary = headcount_summary(&cities);
        let orgs = data
            .organisations
            .iter()
            .filter(|o| o.regions.contains(&r.code))
            .count();
        rows.push(vec![
            r.code.clone(),
            r.name.clone(),
            orgs.to_string(),
            summary,
        ]);
    }
    rows
}

/// The rows `pap-tui funding` prints in English (amounts below $1 000 000).
pub fn funding_rows(data: &Dataset) -> Vec<Vec<String>> {
    let dollars = |n: u64| {
        if n >= 1000 {
            format!("${},{:03}", n / 1000, n % 1000)
        } else {
            format!("${n}")
        }
    };
    let mut rows = vec![strings(&["ORGANISATION", "AMOUNT"])];
    for f in &data.funding {
        rows.push(vec![f.organisation.clone(), dollars(f.amount_cad)]);
    }
    let total = data.funding.iter().map(|f| f.amount_cad).sum();
    rows.push(vec!["Σ Total".to_string(), dollars(total)]);
    rows
}

/// The names of the files in `dir`, sorted.
pub fn files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}
