//! Copying text out of the terminal app, where users really are: inside tmux,
//! over SSH, on a local desktop. The method is chosen once from the environment
//! (a pure function, tested as a table); helpers get a short timeout.

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::i18n::{Lang, Message, Text};

/// What the user asked for (config `clipboard` or `PAP_TUI_CLIPBOARD`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Choice {
    /// Also an empty value: a variable set to nothing asks for nothing special.
    #[default]
    #[serde(alias = "")]
    Auto,
    Osc52,
    Tmux,
    Native,
    Off,
}

/// One of the serde names above, in any case, with spaces around or not.
impl std::str::FromStr for Choice {
    type Err = serde::de::value::Error;

    fn from_str(text: &str) -> Result<Choice, Self::Err> {
        let name = text.trim().to_ascii_lowercase();
        serde::Deserialize::deserialize(serde::de::value::StrDeserializer::new(&name))
    }
}

/// A program that puts its standard input on the system clipboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tool {
    WlCopy,
    Xclip,
    Xsel,
    Pbcopy,
    ClipExe,
}

impl Tool {
    fn command(self) -> (&'static str, &'static [&'static str]) {
        match self {
            Tool::WlCopy => ("wl-copy", &[]),
            Tool::Xclip => ("xclip", &["-selection", "clipboard"]),
            Tool::Xsel => ("xsel", &["--clipboard", "--input"]),
            Tool::Pbcopy => ("pbcopy", &[]),
            Tool::ClipExe => ("clip.exe", &[]),
        }
    }

    pub(crate) fn name(self) -> &'static str {
        self.command().0
    }
}

/// How text is copied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// `tmux load-buffer -w -`: a tmux buffer, and the outer terminal's clipboard
    /// through tmux when its `set-clipboard` allows.
    Tmux,
    /// The OSC 52 escape sequence, written to the terminal.
    Osc52,
    /// A clipboard program of the desktop.
    Native(Tool),
    /// Copying is off, or nothing can copy here; the text is shown instead.
    Off(Unavailable),
}

/// Why nothing copies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unavailable {
    /// The config or the environment says `off`.
    Disabled,
    /// `tmux` was asked for and is not on PATH.
    NoTmux,
    /// `native` was asked for and no helper program is on PATH.
    NoHelper,
}

impl Unavailable {
    /// The reason, to be worded in the interface language.
    pub(crate) fn message(self) -> Message {
        Message::new(match self {
            Unavailable::Disabled => Text::ClipboardDisabled,
            Unavailable::NoTmux => Text::ClipboardNoTmux,
            Unavailable::NoHelper => Text::ClipboardNoHelper,
        })
    }
}

/// The chosen method, and whether OSC 52 is sent as well (for the outer terminal).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Plan {
    pub method: Method,
    pub also_osc52: bool,
}

/// The environment facts the choice depends on.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Environment {
    pub tmux: bool,
    pub ssh: bool,
    pub wayland: bool,
    pub x11: bool,
    pub macos: bool,
    pub windows: bool,
}

impl Environment {
    /// Reads the variables that matter.
    pub(crate) fn from_env(get: impl Fn(&str) -> Option<String>) -> Environment {
        let set = |k: &str| get(k).is_some_and(|v| !v.is_empty());
        Environment {
            tmux: set("TMUX"),
            ssh: set("SSH_CONNECTION") || set("SSH_TTY") || set("SSH_CLIENT"),
            wayland: set("WAYLAND_DISPLAY"),
            x11: set("DISPLAY"),
            macos: cfg!(target_os = "macos"),
            windows: cfg!(windows),
        }
    }
}

/// Whether a program is on `PATH`.
pub(crate) fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(program).is_file()))
}

fn native_tool(env: &Environment, has: &dyn Fn(&str) -> bool) -> Option<Tool> {
    if env.macos && has("pbcopy") {
        return Some(Tool::Pbcopy);
    }
    if env.wayland && has("wl-copy") {
        return Some(Tool::WlCopy);
    }
    if env.x11 && has("xclip") {
        return Some(Tool::Xclip);
    }
    if env.x11 && has("xsel") {
        return Some(Tool::Xsel);
    }
    if (env.windows || has("clip.exe")) && has("clip.exe") {
        return Some(Tool::ClipExe);
    }
    None
}

/// Chooses how to copy, once, from the choice, the environment and the programs
/// on `PATH`.
pub(crate) fn choose(choice: Choice, env: &Environment, has: &dyn Fn(&str) -> bool) -> Plan {
    let plan = |method, also_osc52| Plan { method, also_osc52 };
    match choice {
        Choice::Off => plan(Method::Off(Unavailable::Disabled), false),
        Choice::Osc52 => plan(Method::Osc52, false),
        Choice::Tmux if has("tmux") => plan(Method::Tmux, true),
        Choice::Tmux => plan(Method::Off(Unavailable::NoTmux), false),
        Choice::Native => match native_tool(env, has) {
            Some(tool) => plan(Method::Native(tool), false),
            None => plan(Method::Off(Unavailable::NoHelper), false),
        },
        Choice::Auto => {
            if env.tmux && has("tmux") {
                plan(Method::Tmux, true)
            } else if env.ssh && !env.wayland && !env.x11 {
                plan(Method::Osc52, false)
            } else if let Some(tool) = native_tool(env, has) {
                plan(Method::Native(tool), true)
            } else {
                plan(Method::Osc52, false)
            }
        }
    }
}

/// Whether text sent by OSC 52 may never reach the clipboard: inside tmux,
/// whose default `set-clipboard external` drops the sequence from programs,
/// when `auto` fell back on it for want of `tmux` on PATH. (Asked for by name,
/// OSC 52 is the user's informed choice.)
pub(crate) fn osc52_may_be_dropped(choice: Choice, plan: Plan, env: &Environment) -> bool {
    choice == Choice::Auto && env.tmux && plan.method == Method::Osc52
}

/// OSC 52 payloads above this many bytes (encoded) are refused: many terminals
/// and tmux drop longer ones silently.
pub(crate) const OSC52_MAX_ENCODED: usize = 74_994;

// Written here rather than with crossterm's `CopyToClipboard` (its `osc52`
// feature, left off so that no second base64 encoder is built): that command
// ends the sequence with ST (`ESC \`), this one with BEL, the bytes terminals
// have been getting and the tests check; and the encoded length is checked
// against the limit before anything is written.

const BASE64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 with padding.
pub fn base64(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(BASE64[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The OSC 52 sequence that sets the clipboard to `text`.
pub(crate) fn osc52(text: &str) -> Result<String, ClipboardError> {
    let encoded = base64(text.as_bytes());
    if encoded.len() > OSC52_MAX_ENCODED {
        return Err(ClipboardError::TooLong(encoded.len()));
    }
    Ok(format!("\x1b]52;c;{encoded}\x07"))
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.in_language(Lang::En))]
pub enum ClipboardError {
    /// The encoded text is longer than terminals take in one OSC 52 sequence.
    TooLong(usize),
    /// The helper program could not be started.
    Spawn(&'static str, String),
    /// The helper program failed.
    Failed(&'static str, String),
    /// The helper program did not finish in time.
    Timeout(&'static str),
    /// Nothing copies here.
    Off(Unavailable),
    /// The escape sequence could not be written.
    Terminal(String),
}

impl ClipboardError {
    /// The reason in the interface language.
    pub(crate) fn in_language(&self, lang: Lang) -> String {
        use ClipboardError::*;
        let message = match self {
            TooLong(n) => Message::new(Text::ClipboardTooLong)
                .with("size", n)
                .with("limit", OSC52_MAX_ENCODED),
            Spawn(program, e) => Message::new(Text::ClipboardSpawn)
                .with("program", program)
                .with("error", e),
            Failed(program, e) => Message::new(Text::ClipboardFailed)
                .with("program", program)
                .with("error", e),
            Timeout(program) => Message::new(Text::ClipboardTimeout)
                .with("program", program)
                .with("ms", HELPER_TIMEOUT.as_millis()),
            Off(reason) => reason.message(),
            Terminal(e) => Message::new(Text::ClipboardTerminal).with("error", e),
        };
        message.describe(lang)
    }
}

const HELPER_TIMEOUT: Duration = Duration::from_millis(500);

/// Runs a helper with `text` on its standard input; its output is discarded so
/// it never reaches the screen.
fn pipe_to(
    name: &'static str,
    program: &str,
    args: &[&str],
    text: &str,
) -> Result<(), ClipboardError> {
    let mut command = Command::new(program);
    command
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    // A process group of its own, so that a helper that times out goes with
    // every process it started.
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut command, 0);
    let mut child = command
        .spawn()
        .map_err(|e| ClipboardError::Spawn(name, e.to_string()))?;
    // Written from another thread: a helper that never reads would block a
    // write larger than the pipe's buffer forever, and the deadline must hold.
    // Closing the pipe when the writer ends is the helper's end of input.
    let writer = child.stdin.take().map(|mut stdin| {
        let bytes = text.as_bytes().to_vec();
        std::thread::spawn(move || stdin.write_all(&bytes))
    });
    let deadline = Instant::now() + HELPER_TIMEOUT;
    loop {
        let writing = writer.as_ref().is_some_and(|w| !w.is_finished());
        match child.try_wait() {
            // Done once the helper has exited and every byte was handed over.
            Ok(Some(status)) if status.success() && !writing => {
                return match writer.map(|w| w.join()) {
                    None | Some(Ok(Ok(()))) => Ok(()),
                    Some(Ok(Err(e))) => Err(ClipboardError::Failed(name, e.to_string())),
                    Some(Err(_)) => Err(ClipboardError::Failed(name, "the writer stopped".into())),
                };
            }
            Ok(Some(status)) if !status.success() => {
                return Err(ClipboardError::Failed(name, status.to_string()));
            }
            _ if Instant::now() >= deadline => {
                kill_group(&mut child);
                let _ = child.wait();
                // Not joined: a process the helper started may still hold the
                // pipe open, and the UI must not wait for it. The writer ends
                // when the pipe closes.
                drop(writer);
                return Err(ClipboardError::Timeout(name));
            }
            Err(e) => return Err(ClipboardError::Failed(name, e.to_string())),
            // Still running, or exited while its input is still being written.
            Ok(_) => std::thread::sleep(Duration::from_millis(5)),
        }
    }
}

/// Ends a helper that did not finish, and what it started: its process group
/// (the helper leads it), or the helper alone where there are no groups.
fn kill_group(child: &mut std::process::Child) {
    #[cfg(unix)]
    if let Ok(group) = libc::pid_t::try_from(child.id()) {
        // SAFETY: kill takes plain integers; a negative pid names the group.
        unsafe {
            libc::kill(-group, libc::SIGKILL);
        }
        return;
    }
    let _ = child.kill();
}

/// Copies `text` with `plan`. `terminal` receives OSC 52 sequences (the same
/// output as the frames). Returns the name of the method that copied.
pub fn copy(
    plan: Plan,
    text: &str,
    terminal: &mut dyn Write,
) -> Result<&'static str, ClipboardError> {
    let send_osc52 = |terminal: &mut dyn Write| -> Result<(), ClipboardError> {
        let sequence = osc52(text)?;
        terminal
            .write_all(sequence.as_bytes())
            .and_then(|_| terminal.flush())
            .map_err(|e| ClipboardError::Terminal(e.to_string()))
    };
    let via = match plan.method {
        Method::Off(reason) => return Err(ClipboardError::Off(reason)),
        Method::Osc52 => {
            send_osc52(terminal)?;
            return Ok("OSC 52");
        }
        Method::Tmux => {
            pipe_to("tmux", "tmux", &["load-buffer", "-w", "-"], text)?;
            "tmux"
        }
        Method::Native(tool) => {
            let (program, args) = tool.command();
            pipe_to(tool.name(), program, args, text)?;
            tool.name()
        }
    };
    if plan.also_osc52 {
        // Best effort for an outer terminal; the copy already succeeded.
        let _ = send_osc52(terminal);
    }
    Ok(via)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choices_are_read_in_any_case_and_empty_is_auto() {
        let cases = [
            ("auto", Some(Choice::Auto)),
            ("osc52", Some(Choice::Osc52)),
            ("tmux", Some(Choice::Tmux)),
            ("native", Some(Choice::Native)),
            ("off", Some(Choice::Off)),
            (" OSC52\n", Some(Choice::Osc52)),
            ("Off", Some(Choice::Off)),
            ("", Some(Choice::Auto)),
            ("  ", Some(Choice::Auto)),
            ("osc 52", None),
            ("xclip", None),
        ];
        for (text, want) in cases {
            assert_eq!(text.parse::<Choice>().ok(), want, "{text:?}");
            assert_eq!(text.parse::<Choice>().ok(), want, "{text:?}");
        }
    }

    #[test]
    fn reasons_speak_the_interface_language() {
        use crate::i18n::Lang;
        let off = ClipboardError::Off(Unavailable::NoHelper);
        assert_eq!(off.in_language(Lang::En), off.to_string());
        assert!(off.in_language(Lang::Fr).starts_with("aucun programme"));
        assert_eq!(
            ClipboardError::Timeout("xclip").in_language(Lang::Fr),
            "xclip n'a pas terminé en 500 ms"
        );
    }

    #[test]
    fn a_helper_that_never_reads_times_out_instead_of_hanging() {
        // More than a pipe's buffer, to a program that does not read it.
        let text = "é".repeat(200_000);
        assert_eq!(
            pipe_to("sleeper", "sh", &["-c", "sleep 5"], &text),
            Err(ClipboardError::Timeout("sleeper"))
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_helper_that_times_out_goes_with_what_it_started() {
        let dir = tempfile::tempdir().expect("tempdir");
        let pid_file = dir.path().join("pid");
        let script = format!("sleep 30 & echo $! > '{}'; wait", pid_file.display());
        assert_eq!(
            pipe_to("starter", "sh", &["-c", &script], "x"),
            Err(ClipboardError::Timeout("starter"))
        );
        let pid = std::fs::read_to_string(&pid_file).expect("the child's pid");
        let stat = format!("/proc/{}/stat", pid.trim());
        // Killed: gone, or a zombie until whoever adopted it collects it.
        let deadline = Instant::now() + Duration::from_secs(5);
        loop {
            let state = std::fs::read_to_string(&stat).unwrap_or_default();
            if state.is_empty() || state.split_whitespace().nth(2) == Some("Z") {
                break;
            }
            assert!(
                Instant::now() < deadline,
                "the helper's child runs on: {state}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    #[test]
    fn osc52_inside_tmux_may_be_dropped() {
        let osc52 = Plan {
            method: Method::Osc52,
            also_osc52: false,
        };
        let tmux = Plan {
            method: Method::Tmux,
            also_osc52: true,
        };
        let inside = env(true, false, false, false);
        let outside = env(false, true, false, false);
        assert!(osc52_may_be_dropped(Choice::Auto, osc52, &inside));
        assert!(!osc52_may_be_dropped(Choice::Auto, osc52, &outside));
        assert!(!osc52_may_be_dropped(Choice::Auto, tmux, &inside));
        assert!(!osc52_may_be_dropped(Choice::Osc52, osc52, &inside));
    }

    #[test]
    fn a_helper_that_reads_gets_every_byte() {
        let dir = tempfile::tempdir().expect("tempdir");
        let out = dir.path().join("copied");
        let script = format!("cat > '{}'", out.display());
        let text = "Montréal ".repeat(20_000);
        assert_eq!(pipe_to("cat", "sh", &["-c", &script], &text), Ok(()));
        assert_eq!(std::fs::read_to_string(&out).expect("copied"), text);
    }

    fn env(tmux: bool, ssh: bool, wayland: bool, x11: bool) -> Environment {
        Environment {
            tmux,
            ssh,
            wayland,
            x11,
            macos: false,
            windows: false,
        }
    }

    #[test]
    fn the_method_follows_the_environment() {
        let all = |_: &str| true;
        let none = |_: &str| false;
        let xsel = |q: &str| q == "xsel";
        type Case<'a> = (&'a str, Choice, Environment, &'a dyn Fn(&str) -> bool, Plan);
        let cases: Vec<Case> = vec![
            (
                "tmux",
                Choice::Auto,
                env(true, false, false, false),
                &all,
                Plan {
                    method: Method::Tmux,
                    also_osc52: true,
                },
            ),
            (
                "tmux over ssh",
                Choice::Auto,
                env(true, true, false, false),
                &all,
                Plan {
                    method: Method::Tmux,
                    also_osc52: true,
                },
            ),
            (
                "ssh without display",
                Choice::Auto,
                env(false, true, false, false),
                &all,
                Plan {
                    method: Method::Osc52,
                    also_osc52: false,
                },
            ),
            (
                "ssh with X forwarding",
                Choice::Auto,
                env(false, true, false, true),
                &all,
                Plan {
                    method: Method::Native(Tool::Xclip),
                    also_osc52: true,
                },
            ),
            (
                "wayland",
                Choice::Auto,
                env(false, false, true, true),
                &all,
                Plan {
                    method: Method::Native(Tool::WlCopy),
                    also_osc52: true,
                },
            ),
            (
                "x11 with xsel only",
                Choice::Auto,
                env(false, false, false, true),
                &xsel,
                Plan {
                    method: Method::Native(Tool::Xsel),
                    also_osc52: true,
                },
            ),
            (
                "nothing at all",
                Choice::Auto,
                env(false, false, false, false),
                &none,
                Plan {
                    method: Method::Osc52,
                    also_osc52: false,
                },
            ),
            (
                "tmux set but not installed",
                Choice::Auto,
                env(true, false, false, false),
                &none,
                Plan {
                    method: Method::Osc52,
                    also_osc52: false,
                },
            ),
            (
                "forced off",
                Choice::Off,
                env(true, true, true, true),
                &all,
                Plan {
                    method: Method::Off(Unavailable::Disabled),
                    also_osc52: false,
                },
            ),
            (
                "forced osc52 in tmux",
                Choice::Osc52,
                env(true, false, false, false),
                &all,
                Plan {
                    method: Method::Osc52,
                    also_osc52: false,
                },
            ),
            (
                "forced native without tools",
                Choice::Native,
                env(false, false, false, true),
                &none,
                Plan {
                    method: Method::Off(Unavailable::NoHelper),
                    also_osc52: false,
                },
            ),
        ];
        for (name, choice, environment, has, want) in cases {
            assert_eq!(choose(choice, &environment, has), want, "{name}");
        }
    }

    #[test]
    fn environment_from_variables() {
        let e = Environment::from_env(|k| match k {
            "TMUX" => Some("/tmp/tmux-0/default,1,0".into()),
            "SSH_CONNECTION" => Some("1 2 3 4".into()),
            "DISPLAY" => Some(String::new()),
            _ => None,
        });
        assert!(e.tmux && e.ssh && !e.x11 && !e.wayland);
    }

    fn decode(text: &str) -> Vec<u8> {
        let value = |c: u8| BASE64.iter().position(|&b| b == c).expect("base64") as u32;
        let mut out = Vec::new();
        for chunk in text.as_bytes().chunks(4) {
            let pads = chunk.iter().filter(|&&c| c == b'=').count();
            let n = chunk
                .iter()
                .filter(|&&c| c != b'=')
                .fold(0u32, |n, &c| (n << 6) | value(c))
                << (6 * pads);
            let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
            out.extend_from_slice(&bytes[..3 - pads]);
        }
        out
    }

    #[test]
    fn osc52_bytes_for_montreal() {
        let seq = osc52("Montréal").expect("short");
        assert_eq!(seq.as_bytes(), b"\x1b]52;c;TW9udHLDqWFs\x07");
        let payload = seq
            .trim_start_matches("\x1b]52;c;")
            .trim_end_matches('\x07');
        assert_eq!(decode(payload), "Montréal".as_bytes());
    }

    #[test]
    fn base64_round_trips_every_length() {
        for n in 0..40 {
            let bytes: Vec<u8> = (0..n).map(|i| (i * 37 + 11) as u8).collect();
            assert_eq!(decode(&base64(&bytes)), bytes, "{n}");
        }
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
    }

    #[test]
    fn long_payloads_are_refused_not_truncated() {
        let long = "é".repeat(30_000);
        assert!(matches!(osc52(&long), Err(ClipboardError::TooLong(_))));
        let mut out = Vec::new();
        let plan = Plan {
            method: Method::Osc52,
            also_osc52: false,
        };
        assert!(copy(plan, &long, &mut out).is_err());
        assert!(out.is_empty(), "nothing written");
    }

    #[test]
    fn osc52_copy_writes_the_sequence() {
        let mut out = Vec::new();
        let plan = Plan {
            method: Method::Osc52,
            also_osc52: false,
        };
        assert_eq!(copy(plan, "Laval", &mut out), Ok("OSC 52"));
        assert_eq!(out, b"\x1b]52;c;TGF2YWw=\x07");
    }

    #[test]
    fn off_and_missing_helpers_fail_honestly() {
        let mut out = Vec::new();
        let off = Plan {
            method: Method::Off(Unavailable::Disabled),
            also_osc52: true,
        };
        assert!(copy(off, "x", &mut out).is_err());
        assert!(out.is_empty());
        assert!(matches!(
            pipe_to("none", "/nonexistent/pap-tui-helper", &[], "x"),
            Err(ClipboardError::Spawn(..))
        ));
        assert!(matches!(
            pipe_to("false", "false", &[], "x"),
            Err(ClipboardError::Failed(..))
        ));
        assert_eq!(pipe_to("cat", "cat", &[], "x"), Ok(()));
    }
}
