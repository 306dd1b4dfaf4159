//! The real explorer on a hostile dataset, in tmux: names that carry an OSC 52
//! clipboard write, a screen clear, C1 controls, bidi overrides, zero-width
//! joiners, double-width CJK and emoji, and a 10 000-character name. The raw bytes
//! the program writes are captured with `pipe-pane`: no control character from the
//! data may reach the terminal, the clipboard or tmux's buffer, the panes must stay
//! aligned, and the program must exit with status 0 when asked.

mod support;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use pap_tui::data::{Dataset, Organisation};
use support::tmux::{Tmux, panes_aligned, panes_drawn};

/// Writes "Hello" to the clipboard of a terminal that honours OSC 52.
const OSC52: &str = "\u{1b}]52;c;SGVsbG8=\u{7}";
/// Clears the screen.
const CLEAR: &str = "\u{1b}[2J";
/// A C1 control sequence introducer, then "red".
const C1: &str = "\u{9b}31m";
/// Right-to-left override.
const BIDI: &str = "\u{202e}";
const ZWJ: &str = "👨\u{200d}👩\u{200d}👧";
const WIDE: &str = "漢字テスト🎉";

/// The hostile organisations, first in the list so that they are on screen.
fn hostile_names() -> Vec<String> {
    vec![
        format!("Osc {OSC52} clipboard"),
        format!("Clear {CLEAR} screen"),
        format!("Csi {C1} red"),
        format!("Bidi {BIDI}txet"),
        format!("Accueil {WIDE} large"),
        format!("Long{}", "é".repeat(9_996)),
    ]
}

/// Below the first screenful: tmux draws the family as three emoji, six columns,
/// where ratatui counts one of two (see `zwj_names_keep_the_panes_aligned`).
const ZWJ_ROW: usize = 45;

fn embedded() -> Dataset {
    pap_tui::data::load(None).expect("embedded").dataset
}

/// The embedded dataset with hostile names in front, hostile text in the
/// letter, CJK in region and city names, and `extra` generated organisations.
fn hostile_dataset(extra: usize) -> Dataset {
    let mut d = embedded();
    let names = hostile_names();
    for (o, name) in d.organisations.iter_mut().zip(&names) {
        o.name = name.clone();
        o.acronym = None;
    }
    d.organisations[ZWJ_ROW].name = format!("Famille {ZWJ} zwj");
    d.organisations[ZWJ_ROW].acronym = None;
    d.document.programme = format!("Programme {OSC52} {CLEAR}");
    d.document.subject = format!("Objet {C1}{BIDI}");
    for r in d.regions.iter_mut().step_by(3) {
        r.name = format!("{WIDE} {}", r.name);
    }
    for c in d.cities.iter_mut().step_by(4) {
        c.name = format!("{} 漢字", c.name);
    }
    let template: Organisation = d.organisations[10].clone();
    for i in 0..extra {
        let mut o = template.clone();
        o.id = format!("genere-{i:06}");
        o.name = format!("Organisme {i} {}", names[i % 6]);
        o.regions = vec![d.regions[i % d.regions.len()].code.clone()];
        d.organisations.push(o);
    }
    d
}

fn write(dir: &Path, name: &str, data: &Dataset) -> PathBuf {
    let path = dir.join(name);
    let file = std::fs::File::create(&path).expect("create the dataset file");
    serde_json::to_writer(std::io::BufWriter::new(file), data).expect("write the dataset");
    path
}

fn env(clipboard: &'static str) -> Vec<(&'static str, &'static str)> {
    vec![
        ("LANG", "en_CA.UTF-8"),
        ("TERM", "xterm-256color"),
        ("PAP_TUI_CLIPBOARD", clipboard),
    ]
}

/// Everything the program wrote to the terminal since `pipe-pane` started.
struct RawLog {
    path: PathBuf,
    _dir: tempfile::TempDir,
}

impl RawLog {
    /// Starts capturing, then makes the program redraw the whole screen (a
    /// resize clears and redraws it), so the first frame is in the log too.
    fn start(t: &Tmux, width: u16, height: u16) -> RawLog {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("output.bin");
        t.run(&[
            "pipe-pane",
            "-o",
            "-t",
            "main",
            &format!("cat >> '{}'", path.display()),
        ]);
        // Each resize is waited for until the panes are drawn at its width, so
        // that the second one is not taken for done by the first one's frame.
        t.resize(width - 1, height);
        t.resize(width, height);
        RawLog { path, _dir: dir }
    }

    fn bytes(&self) -> Vec<u8> {
        std::fs::read(&self.path).unwrap_or_default()
    }

    /// Waits until the log holds `needle` (the pipe lags behind the screen).
    fn wait_for(&self, needle: &[u8]) -> Vec<u8> {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let bytes = self.bytes();
            if contains(&bytes, needle) {
                return bytes;
            }
            assert!(
                Instant::now() < deadline,
                "{:?} never written; {} bytes",
                String::from_utf8_lossy(needle),
                bytes.len()
            );
            std::thread::sleep(Duration::from_millis(25));
        }
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// The raw output holds none of the data's control sequences, only their escaped
/// forms: no OSC 52 of the data, no C1 control, no bidi control, no screen clear
/// but the program's own (each followed by its next sequence), and every OSC
/// sequence is the program's own clipboard write of clean text.
fn assert_no_payload(raw: &[u8]) {
    let text = match std::str::from_utf8(raw) {
        Ok(text) => text,
        // The pipe may have stopped inside a character.
        Err(e) if e.error_len().is_none() => {
            std::str::from_utf8(&raw[..e.valid_up_to()]).unwrap_or_default()
        }
        Err(e) => panic!("the output is not UTF-8: {e}"),
    };
    assert!(
        !text.contains("\x1b]52;c;SGVsbG8="),
        "the data's OSC 52 reached the terminal"
    );
    for c in text.chars() {
        assert!(
            !matches!(c, '\u{80}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'),
            "{c:?} reached the terminal"
        );
    }
    for (at, _) in text.match_indices("\x1b[2J") {
        let after = &text[at + 4..];
        assert!(
            after.is_empty() || after.starts_with('\x1b'),
            "a screen clear amid text: {:?}",
            after.chars().take(20).collect::<String>()
        );
    }
    for osc in osc_sequences(raw) {
        let payload = osc
            .strip_prefix("52;c;")
            .unwrap_or_else(|| panic!("an OSC sequence that is not a copy: {osc:?}"));
        let copied = base64_decode(payload);
        assert!(
            !copied.chars().any(|c| c.is_control() && c != '\n'),
            "the copied text carries a control character: {copied:?}"
        );
    }
}

/// The bodies of the OSC sequences (`ESC ] body BEL`) in the output; a BEL
/// anywhere else fails.
fn osc_sequences(raw: &[u8]) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = raw;
    while let Some(start) = rest.windows(2).position(|w| w == b"\x1b]") {
        assert!(
            !rest[..start].contains(&0x07),
            "a BEL outside any OSC sequence"
        );
        let body = &rest[start + 2..];
        let end = body
            .iter()
            .position(|&b| b == 0x07 || b == 0x1b)
            .expect("an OSC sequence is terminated");
        out.push(String::from_utf8_lossy(&body[..end]).into_owned());
        rest = &body[end + 1..];
    }
    assert!(!rest.contains(&0x07), "a BEL outside any OSC sequence");
    out
}

fn base64_decode(text: &str) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut bits = 0u32;
    let mut count = 0;
    let mut out = Vec::new();
    for b in text.bytes().take_while(|&b| b != b'=') {
        let v = ALPHABET.iter().position(|&a| a == b).expect("base64") as u32;
        bits = (bits << 6) | v;
        count += 6;
        if count >= 8 {
            count -= 8;
            out.push((bits >> count) as u8);
        }
    }
    String::from_utf8(out).expect("the copied text is UTF-8")
}

/// Ends the program if a test fails before it quits, rather than leave it to
/// the SIGHUP of the tmux server's end.
struct Reaper(u32);

impl Reaper {
    fn of(t: &Tmux) -> Reaper {
        Reaper(t.program_pid())
    }

    fn alive(&self) -> bool {
        std::fs::read_to_string(format!("/proc/{}/stat", self.0)).is_ok_and(|stat| {
            stat.rsplit(')')
                .next()
                .is_some_and(|s| !s.trim_start().starts_with('Z'))
        })
    }
}

impl Drop for Reaper {
    fn drop(&mut self) {
        if self.alive() {
            let _ = std::process::Command::new("kill")
                .args(["-KILL", &self.0.to_string()])
                .status();
        }
    }
}

/// Quits with `q` and checks the exit status.
fn quit(t: &Tmux) {
    t.keys(&["q"]);
    assert_eq!(t.exit_status(), "0", "exit status; screen:\n{}", t.screen());
}

#[test]
fn hostile_names_are_shown_escaped_and_never_reach_the_terminal() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = write(dir.path(), "hostile.json", &hostile_dataset(0));
    let data = data.to_str().expect("a UTF-8 path");
    let t = Tmux::start("hostile", 120, 40, &env("tmux"), &[], &["--data", data]);
    let _program = Reaper::of(&t);
    t.wait_text("All regions");
    let log = RawLog::start(&t, 120, 40);

    // The main screen: names escaped, panes aligned around CJK and emoji.
    t.wait_for("the escaped names", |s| {
        // The name may be cut with `…` by the organisations pane's width.
        s.contains("Osc \\x1B]52;c;SGVsbG8=\\x07 clip")
            && s.contains("Clear \\x1B[2J screen")
            && s.contains("Csi \\x9B31m red")
            && s.contains("Bidi \\u{202E}txet")
            && s.contains(WIDE)
            && s.contains("Long")
    });
    t.wait_main_screen();
    log.wait_for("\\x1B]52;c;SGVsbG8=\\x07".as_bytes());
    log.wait_for("\\x1B[2J".as_bytes());
    assert_no_payload(&log.bytes());

    // Each hostile organisation's detail, its title naming it: the detail of
    // the organisation `j` moved to, not of the one before. After Escape, the
    // main screen is waited for before `j`: sent together, they would be read
    // as Alt+j, which does nothing.
    t.keys(&["2"]);
    let accueil = format!("Accueil {WIDE} large");
    for (n, name) in [
        "Osc \\x1B]52;c;SGVsbG8=\\x07 clipboard",
        "Clear \\x1B[2J screen",
        "Csi \\x9B31m red",
        "Bidi \\u{202E}txet",
        &accueil,
        "Longéééé",
    ]
    .iter()
    .enumerate()
    {
        if n > 0 {
            t.keys(&["j"]);
        }
        t.keys(&["Enter"]);
        let title = format!("Organisation — {name}");
        t.wait_text(&title);
        t.keys(&["Escape"]);
        t.wait_main_screen();
    }

    // Search, with highlights inside the escaped names; the family is reached
    // through it and shown in its detail.
    t.keys(&["/"]);
    t.type_text("osc");
    t.wait_for("the hit", |s| {
        s.contains("organisation Osc \\x1B]52;c;SGVsbG8=\\x07")
    });
    t.keys(&["C-u"]);
    t.type_text("bidi");
    t.wait_for("the hit", |s| s.contains("Bidi \\u{202E}txet"));
    t.keys(&["C-u"]);
    t.type_text("'zwj");
    t.wait_for("the hit", |s| s.contains("organisation Famille"));
    t.keys(&["Enter"]);
    t.wait_for("the jump", |s| {
        panes_aligned(s).is_ok() && s.contains("Famille")
    });
    t.keys(&["Enter"]);
    t.wait_for("the detail", |s| {
        s.contains("Organisation — Famille") && s.contains("zwj")
    });
    t.keys(&["Escape"]);
    t.wait_main_screen();
    // Back to all regions, where the family is below the first screenful.
    t.keys(&["1", "g", "j", "2"]);
    t.wait_text("Organisations — All regions");

    // The letter, built from the dataset's hostile document.
    t.keys(&["d"]);
    t.wait_for("the letter", |s| {
        s.contains("Programme \\x1B]52;c;SGVsbG8=\\x07 \\x1B[2J")
            && s.contains("Objet \\x9B31m\\u{202E}")
    });
    t.keys(&["Escape"]);
    t.wait_main_screen();
    t.keys(&["?"]);
    t.wait_for("the help", |s| s.contains("Keys"));
    t.keys(&["Escape"]);
    t.wait_main_screen();
    log.wait_for("\\x9B31m\\u{202E}".as_bytes());
    assert_no_payload(&log.bytes());

    // Copying the OSC 52 organisation puts only its escaped name in tmux's
    // buffer, and the program's own OSC 52 carries the same text.
    t.keys(&["g", "y"]);
    t.wait_text("Copied (tmux)");
    let buffer = String::from_utf8_lossy(&t.run(&["show-buffer"]).stdout).into_owned();
    assert!(
        buffer.starts_with("Osc \\x1B]52;c;SGVsbG8=\\x07 clipboard — "),
        "{buffer:?}"
    );
    assert!(
        !buffer.chars().any(|c| c.is_control() && c != '\n'),
        "{buffer:?}"
    );
    let raw = log.wait_for(b"\x1b]52;c;");
    assert_no_payload(&raw);
    assert_eq!(
        osc_sequences(&raw)
            .iter()
            .map(|body| base64_decode(&body[5..]))
            .collect::<Vec<_>>(),
        [buffer]
    );
    quit(&t);
}

#[test]
fn a_hundred_thousand_hostile_organisations() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = write(dir.path(), "big.json", &hostile_dataset(100_000));
    let data = data.to_str().expect("a UTF-8 path");
    let t = Tmux::start("hostile-big", 100, 30, &env("off"), &[], &["--data", data]);
    let _program = Reaper::of(&t);
    t.wait_within(60, "the explorer", |s| {
        s.contains("All regions") && s.contains("100058")
    });
    let log = RawLog::start(&t, 100, 30);
    t.keys(&["2", "End"]);
    t.wait_within(30, "the last organisation", |s| {
        s.contains("Organisme 99999 Bidi \\u{202E}")
    });
    t.wait_main_screen();
    t.keys(&["/"]);
    t.type_text("'99998");
    t.wait_within(30, "the generated hit", |s| {
        s.contains("organisation Organisme 99998 Csi \\x9B31m red")
    });
    t.keys(&["Enter"]);
    t.wait_within(30, "the jump", |s| {
        panes_aligned(s).is_ok() && s.contains("Organisme 99998 Csi")
    });
    assert_no_payload(&log.bytes());
    quit(&t);
}

/// Found by this file: ratatui counts an emoji ZWJ sequence as one character of
/// two columns, tmux 3.3 (like xterm and VTE) draws each emoji of it, six columns
/// here, so every border right of the name would move four columns on that row.
/// The screen escapes U+200D (`text::screen_line`), so both count the same width.
#[test]
fn zwj_names_keep_the_panes_aligned() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut data = embedded();
    data.organisations[0].name = format!("Famille {ZWJ} zwj");
    let data = write(dir.path(), "zwj.json", &data);
    let t = Tmux::start(
        "hostile-zwj",
        120,
        40,
        &env("off"),
        &[],
        &["--data", data.to_str().expect("a UTF-8 path")],
    );
    let _program = Reaper::of(&t);
    // The whole frame, not only its first rows; not `wait_main_screen`, which
    // would wait out its deadline on every run where the bug is back.
    let screen = t.wait_for("the family", |s| {
        panes_drawn(s, 120, 40) && s.contains("Famille") && s.contains("zwj")
    });
    let result = panes_aligned(&screen);
    quit(&t);
    if let Err(why) = result {
        panic!("{why}:\n{screen}");
    }
}

/// Found by this file: the header (`render_header` in src/ui.rs) drew the
/// dataset's acronym, reference, date and programme, and the `--data` path, as
/// they were, and ratatui dropped their control characters silently: the user
/// read `Programme ]52;c;SGVsbG8=` where every other place shows
/// `\x1B]52;c;SGVsbG8=\x07`. The header escapes them like the panes.
#[test]
fn the_header_shows_escapes_like_the_panes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = write(dir.path(), "hostile.json", &hostile_dataset(0));
    let t = Tmux::start(
        "hostile-header",
        200,
        40,
        &env("off"),
        &[],
        &["--data", data.to_str().expect("a UTF-8 path")],
    );
    let _program = Reaper::of(&t);
    let screen = t.wait_text("All regions");
    quit(&t);
    let header = screen.lines().next().unwrap_or_default();
    assert!(
        header.contains("Programme \\x1B]52;c;SGVsbG8=\\x07 \\x1B[2J"),
        "{header}"
    );
}
