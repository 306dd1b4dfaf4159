//! What a packager installs beside the binary, made from the same clap
//! definitions as `--help`: shell completion scripts and the man page.

use std::io::Write;

use clap::builder::PossibleValue;
use clap_complete::Shell;
use clap_mangen::Man;
use roff::{Roff, bold, roman};

use crate::i18n::{Label, Lang, MapWord, help_text};
use crate::keys::Action;
use crate::keys::table::{Binding, Mode, bindings, keys_by_action};
use crate::search::fold_accents;

/// The completion script for `shell`, its descriptions in `lang`.
pub(crate) fn completions(shell: Shell, lang: Lang) -> Vec<u8> {
    let mut cmd = with_regions(super::clap_help::command(lang));
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

/// `--region` completed with the embedded dataset's regions: each code (its
/// name as the description zsh and fish show) and each name as `--region`
/// reads it without accents (`lanaudiere`), instead of file names. Only the
/// scripts list them: `--help` and the parsing stay as they are, since
/// `--data` may bring other regions.
fn with_regions(mut cmd: clap::Command) -> clap::Command {
    let values = region_values();
    let listing: Vec<String> = cmd
        .get_subcommands()
        .filter(|sub| sub.get_arguments().any(|a| a.get_id() == "region"))
        .map(|sub| sub.get_name().to_string())
        .collect();
    for name in listing {
        let values = values.clone();
        cmd = cmd.mut_subcommand(name, |sub| {
            sub.mut_arg("region", |arg| {
                arg.value_parser(clap::builder::PossibleValuesParser::new(values))
            })
        });
    }
    cmd
}

/// The values `--region` completes to, codes first.
fn region_values() -> Vec<PossibleValue> {
    let regions = crate::data::load(None)
        .map(|loaded| loaded.dataset.regions)
        .unwrap_or_default();
    let codes = regions
        .iter()
        .map(|r| PossibleValue::new(r.code.clone()).help(r.name.clone()));
    // As `listing::resolve_region` folds a name; a name with a space would
    // be two words to a shell.
    let names = regions
        .iter()
        .map(|r| (r, fold_accents(&r.name).replace(['–', '—'], "-")))
        .filter(|(_, folded)| !folded.contains(char::is_whitespace))
        .map(|(r, folded)| PossibleValue::new(folded).help(format!("{} {}", r.code, r.name)));
    codes.chain(names).collect()
}

/// The variables the environment section lists, as the page names them, and
/// the row of the help table that says what each does.
const ENVIRONMENT: [(&str, &str); 9] = [
    ("PAP_TUI_CONFIG_DIR", "env:PAP_TUI_CONFIG_DIR"),
    ("PAP_TUI_STATE_DIR", "env:PAP_TUI_STATE_DIR"),
    ("PAP_TUI_CACHE_DIR", "env:PAP_TUI_CACHE_DIR"),
    ("PAP_TUI_CLIPBOARD", "env:PAP_TUI_CLIPBOARD"),
    ("PAP_TUI_TEST_PANIC", "env:PAP_TUI_TEST_PANIC"),
    ("LC_ALL, LC_MESSAGES, LANG", "env:LANG"),
    ("NO_COLOR", "env:NO_COLOR"),
    (
        "TMUX, SSH_CONNECTION, SSH_TTY, SSH_CLIENT, WAYLAND_DISPLAY, DISPLAY",
        "env:TMUX",
    ),
    ("TERM", "env:TERM"),
];

/// The man page, section 1, as roff: one page with every subcommand, so that
/// `man pap-tui` is the whole manual. Its text is in `lang`; the headings
/// clap_mangen writes (NAME, SYNOPSIS, …) stay in English.
pub(crate) fn man(lang: Lang) -> std::io::Result<Vec<u8>> {
    let words = |key: &str| help_text(key, lang).unwrap_or_default();
    let cmd = super::clap_help::command(lang);
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
    keys(lang).to_writer(&mut out)?;
    let mut tail = Roff::new();
    tail.control("SH", [words("#man-exit")])
        .text([roman(words("man/exit"))])
        .control("SH", [words("#man-environment")]);
    for (names, key) in ENVIRONMENT {
        tail.control("TP", [])
            .text([bold(names)])
            .text([roman(words(key))]);
    }
    tail.control("SH", [words("#man-files")])
        .text([roman(words("man/files"))]);
    for (path, key) in FILES {
        tail.control("TP", [])
            .text([bold(path)])
            .text([roman(words(key))]);
    }
    tail.control("SH", [words("#man-examples")]);
    for (line, key) in EXAMPLES {
        // The command as it is typed: indented, neither filled nor hyphenated.
        tail.control("PP", [])
            .text([roman(words(key))])
            .control("PP", [])
            .control("RS", ["4"])
            .control("nf", [])
            .text([bold(line)])
            .control("fi", [])
            .control("RE", []);
    }
    tail.to_writer(&mut out)?;
    page.render_version_section(&mut out)?;
    Ok(ascii(&String::from_utf8_lossy(&out)).into_bytes())
}

/// The page in ASCII, every other character written `\[uXXXX]` as groff's
/// preconv writes it: `groff -man` then reads it without `-k` or a UTF-8
/// locale, and warns of no invalid input character. The roff crate escapes
/// the backslashes of the text, so none of these escapes comes from the data.
fn ascii(page: &str) -> String {
    let mut out = String::with_capacity(page.len());
    for c in page.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            out.push_str(&format!("\\[u{:04X}]", u32::from(c)));
        }
    }
    out
}

/// The files the FILES section lists, where Linux puts them by default, and
/// the row of the help table that says what each holds.
const FILES: [(&str, &str); 3] = [
    ("$XDG_CONFIG_HOME/pap-tui/config.toml", "file:config"),
    ("$XDG_STATE_HOME/pap-tui/state.json", "file:state"),
    ("$XDG_CACHE_HOME/pap-tui/", "file:cache"),
];

/// The command lines the EXAMPLES section shows, and the row of the help
/// table that says what each does. A test parses every one.
const EXAMPLES: [(&str, &str); 10] = [
    ("pap-tui", "example:explorer"),
    ("pap-tui search lanaudiere", "example:search"),
    (
        "pap-tui cities --region lanaudiere --format markdown",
        "example:cities",
    ),
    (
        "pap-tui organisations --region 14 --format csv",
        "example:csv",
    ),
    ("pap-tui cite safima", "example:cite"),
    ("pap-tui starred --format markdown", "example:starred"),
    (
        "pap-tui export --format sqlite --output pap.db --metadata metadata.json",
        "example:sqlite",
    ),
    ("pap-tui validate other.json", "example:validate"),
    ("curl -s URL | pap-tui --data -", "example:stdin"),
    (
        "pap-tui completions bash > ~/.local/share/bash-completion/completions/pap-tui",
        "example:completions",
    ),
];

/// The KEYS section, made from the key table: the keys bound in every mode
/// once, then each mode's own, each action with its keys and what it does.
fn keys(lang: Lang) -> Roff {
    let words = |key: &str| help_text(key, lang).unwrap_or_default();
    let table = bindings();
    let (everywhere, own): (Vec<Binding>, Vec<Binding>) =
        table.into_iter().partition(|b| b.modes == Mode::ALL);
    let mut roff = Roff::new();
    roff.control("SH", [words("#man-keys")])
        .text([roman(words("man/keys"))])
        .control("SS", [words("#keys-everywhere")]);
    for (keys, what) in rows(&everywhere, Mode::Normal, lang) {
        key_row(&mut roff, &keys, what);
    }
    for mode in Mode::ALL {
        let rows = rows(&own, mode, lang);
        if rows.is_empty() {
            continue;
        }
        roff.control("SS", [mode_heading(mode, lang)]);
        for (keys, what) in rows {
            key_row(&mut roff, &keys, what);
        }
    }
    roff
}

/// The keys of a mode with what they do, in table order; keys that do the
/// same (the copy menu's `1`, `2`, `3`) on one row.
fn rows(table: &[Binding], mode: Mode, lang: Lang) -> Vec<(Vec<String>, &'static str)> {
    let mut rows: Vec<(Vec<String>, &'static str)> = Vec::new();
    for (action, keys) in keys_by_action(table, mode) {
        let what = describe(&action, mode, lang);
        match rows.iter_mut().find(|(_, w)| *w == what) {
            Some((known, _)) => known.extend(keys),
            None => rows.push((keys, what)),
        }
    }
    rows
}

fn key_row(roff: &mut Roff, keys: &[String], what: &str) {
    roff.control("TP", [])
        .text([bold(keys.join(", "))])
        .text([roman(what)]);
}

/// The heading of a mode's keys: the help overlay's where it has one.
fn mode_heading(mode: Mode, lang: Lang) -> &'static str {
    let own = |key: &str| help_text(key, lang).unwrap_or_default();
    match mode {
        Mode::Normal => lang.word(Label::ModeNormal),
        Mode::Search => lang.word(Label::ModeSearch),
        Mode::Detail => lang.word(Label::ModeDetail),
        Mode::Letter => lang.word(Label::ModeLetter),
        Mode::Map => lang.word(MapWord::Title),
        Mode::LetterSearch => own("#keys-letter_search"),
        Mode::Help => own("#keys-help"),
        Mode::HelpFilter => own("#keys-help_filter"),
        Mode::CopyMenu => own("#keys-copy_menu"),
        Mode::CopyText => own("#keys-copy_text"),
    }
}

/// What an action does in a mode, as the help overlay says it: Enter's
/// meaning depends on where it is pressed.
fn describe(action: &Action, mode: Mode, lang: Lang) -> &'static str {
    let name = match mode {
        Mode::Normal => "normal",
        Mode::Search => "search",
        Mode::Detail => "detail",
        Mode::Map => "map",
        Mode::CopyMenu => "copy_menu",
        Mode::LetterSearch => return enter_or(action, "enter:letter_search", lang),
        Mode::HelpFilter => return enter_or(action, "enter:help_filter", lang),
        _ => "",
    };
    match action {
        Action::Open => crate::i18n::enter_text(name, lang).unwrap_or(action.describe(lang)),
        _ => action.describe(lang),
    }
}

/// Enter's meaning while typing a filter, which the help overlay never shows.
fn enter_or(action: &Action, key: &str, lang: Lang) -> &'static str {
    match (action, help_text(key, lang)) {
        (Action::Open, Some(what)) => what,
        _ => action.describe(lang),
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_example_is_a_command_line_pap_tui_takes() {
        for (line, key) in EXAMPLES {
            // The words pap-tui gets: after a pipe, before a redirection.
            let words = line.rsplit('|').next().unwrap_or(line);
            let words = words.split('>').next().unwrap_or(words);
            let args = words.split_whitespace().map(std::ffi::OsString::from);
            let parsed = super::super::clap_help::parse(args, |_| None);
            assert!(parsed.is_ok(), "{line}: {parsed:?}");
            for lang in [Lang::Fr, Lang::En] {
                assert!(help_text(key, lang).is_some(), "{key}");
            }
        }
    }

    #[test]
    fn every_region_offered_to_the_shell_names_its_region() {
        let data = crate::data::load(None).expect("embedded").dataset;
        let values = region_values();
        assert_eq!(values.len(), 2 * data.regions.len());
        for value in values {
            let region = super::super::listing::resolve_region(&data, value.get_name());
            let region = region.expect("a region");
            let help = value.get_help().map(|h| h.to_string()).unwrap_or_default();
            assert!(help.ends_with(&region.name), "{}: {help}", value.get_name());
        }
    }

    #[test]
    fn the_page_is_ascii_with_unicode_escapes() {
        assert_eq!(ascii("é → x"), "\\[u00E9] \\[u2192] x");
        let page = String::from_utf8(man(Lang::Fr).expect("page")).expect("UTF-8");
        assert!(page.is_ascii());
        assert!(page.contains("r\\[u00E9]gions"), "accents kept as escapes");
    }
}
