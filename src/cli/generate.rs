//! What a packager installs beside the binary, made from the same clap
//! definitions as `--help`: shell completion scripts and the man page.

use std::io::Write;

use clap_complete::Shell;
use clap_mangen::Man;
use roff::{Roff, bold, roman};

use crate::i18n::{Lang, help_text};

/// The completion script for `shell`, its descriptions in `lang`.
pub fn completions(shell: Shell, lang: Lang) -> Vec<u8> {
    let mut cmd = super::help::command(lang);
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut cmd, "pap-tui", &mut out);
    if shell == Shell::Bash {
        // clap_complete 4.6 spells the state of a subcommand of a hyphenated
        // program two ways (`pap__tui__subcmd__export` when it sets it,
        // `pap__subcmd__tui__subcmd__export` where it matches it), so nothing
        // after a subcommand completed (clap-rs/clap#6421). One spelling here.
        let script = String::from_utf8_lossy(&out).replace("pap__subcmd__tui", "pap__tui");
        return script.into_bytes();
    }
    out
}

/// The variables the environment section lists, by their row in the help table.
const ENVIRONMENT: [&str; 4] = [
    "env:LANG",
    "env:PAP_TUI_CONFIG_DIR",
    "env:PAP_TUI_CLIPBOARD",
    "env:NO_COLOR",
];

/// The man page, section 1, as roff: one page with every subcommand, so that
/// `man pap-tui` is the whole manual. Its text is in `lang`; the headings
/// clap_mangen writes (NAME, SYNOPSIS, …) stay in English.
pub fn man(lang: Lang) -> std::io::Result<Vec<u8>> {
    let words = |key: &str| help_text(key, lang).unwrap_or_default();
    let cmd = super::help::command(lang);
    let page = Man::new(cmd.clone());
    let mut out = Vec::new();
    page.render_title(&mut out)?;
    page.render_name_section(&mut out)?;
    page.render_synopsis_section(&mut out)?;
    page.render_description_section(&mut out)?;
    page.render_options_section(&mut out)?;
    Roff::new()
        .control("SH", [words("#man-commands")])
        .to_writer(&mut out)?;
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        // The options every subcommand repeats are the program's, listed once above.
        let own = sub.clone().mut_args(|a| {
            let shared = ["help", "version", "lang"].contains(&a.get_id().as_str());
            a.hide(shared)
        });
        let about = sub.get_about().map(|a| a.to_string()).unwrap_or_default();
        Roff::new()
            .control("SS", [sub.get_name()])
            .text([roman(about)])
            .control("PP", [])
            .to_writer(&mut out)?;
        let sub_page = Man::new(own);
        out.extend(without_heading(|w| sub_page.render_synopsis_section(w))?);
        out.extend(without_heading(|w| sub_page.render_options_section(w))?);
    }
    let mut tail = Roff::new();
    tail.control("SH", [words("#man-exit")])
        .text([roman(words("man/exit"))])
        .control("SH", [words("#man-environment")]);
    for key in ENVIRONMENT {
        let (name, text) = words(key).split_once(':').unwrap_or(("", words(key)));
        // French puts a space before the colon.
        tail.control("TP", [])
            .text([bold(name.trim_end())])
            .text([roman(text.trim_start())]);
    }
    tail.to_writer(&mut out)?;
    page.render_version_section(&mut out)?;
    Ok(out)
}

/// A section clap_mangen rendered, without its `.SH` line: its body goes
/// under a subcommand's `.SS` heading instead.
fn without_heading(
    render: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<Vec<u8>> {
    let mut section = Vec::new();
    render(&mut section)?;
    let text = String::from_utf8_lossy(&section);
    Ok(text
        .lines()
        .filter(|l| !l.starts_with(".SH "))
        .flat_map(|l| [l, "\n"])
        .collect::<String>()
        .into_bytes())
}
