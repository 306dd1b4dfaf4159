//! The command line in the interface language: clap's definitions with the
//! help of `i18n::help_text` put in, and the arguments parsed against them.
//! The man page and the shell completions are made from the same definitions.
//!
//! Clap lets a program word the summaries, the options' help, the placeholders,
//! the `Commands` heading and the `Usage:` line; its errors (`error: unexpected
//! argument …`) and the `[aliases: …]` note stay in English.

use std::ffi::OsString;

use clap::builder::PossibleValue;
use clap::error::ErrorKind;
use clap::{Arg, CommandFactory, FromArgMatches, ValueEnum};

use super::args::Cli;
use crate::i18n::{Lang, help_text};

/// The language of the help, known before the arguments are parsed: `--lang`
/// if it is there with a valid value, else the locale.
pub fn help_language(args: &[OsString], env: impl Fn(&str) -> Option<String>) -> Lang {
    let mut words = args.iter().skip(1).filter_map(|a| a.to_str());
    let mut named = None;
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        }
        let value = match word.strip_prefix("--lang") {
            Some("") => words.next(),
            Some(rest) => rest.strip_prefix('='),
            None => None,
        };
        if let Some(lang) = value.and_then(|v| Lang::from_str(v, true).ok()) {
            named = Some(lang);
        }
    }
    named.unwrap_or_else(|| Lang::from_env(env))
}

/// The full command line, worded in `lang`.
pub fn command(lang: Lang) -> clap::Command {
    command_styled(lang, clap::builder::Styles::default())
}

/// [`command`] with `styles` (set before it is built, so that every
/// subcommand takes them).
fn command_styled(lang: Lang, styles: clap::builder::Styles) -> clap::Command {
    let mut cmd = Cli::command().styles(styles);
    // Built first, so that `--help`, `--version`, the `help` subcommand and the
    // global `--lang` exist in every subcommand and get their words too.
    cmd.build();
    localize(cmd, lang, true)
}

/// Parses `args` (the program's name first) into a `Cli`, with the help and
/// the errors of the command line in the language `env` or `--lang` give.
pub fn parse(
    args: impl IntoIterator<Item = OsString>,
    env: impl Fn(&str) -> Option<String>,
) -> Result<Cli, clap::Error> {
    let args: Vec<OsString> = args.into_iter().collect();
    let lang = help_language(&args, env);
    parse_on(command(lang), args, lang)
}

/// [`parse`] against `cmd`.
fn parse_on(mut cmd: clap::Command, args: Vec<OsString>, lang: Lang) -> Result<Cli, clap::Error> {
    let matches = cmd.try_get_matches_from_mut(args)?;
    let cli = Cli::from_arg_matches(&matches).map_err(|e| e.format(&mut cmd))?;
    if let Err(message) = cli.dataset() {
        return Err(cmd.error(ErrorKind::ArgumentConflict, message.describe(lang)));
    }
    Ok(cli)
}

/// Reports a parse error of `args` and gives the status to exit with. Help and
/// version go to standard output with status 0, as clap prints them (they hold
/// no argument). An error goes to standard error with status 2, with every
/// control character escaped ([`error_text`]): clap prints the arguments it
/// quotes as they came to a terminal (and strips only escape sequences in a
/// pipe), and a file name given where a subcommand is expected can hold
/// `ESC ] 52` (which sets the clipboard), `ESC [ 2 J` or U+202E.
pub fn refuse(
    error: clap::Error,
    args: &[OsString],
    env: impl Fn(&str) -> Option<String>,
) -> std::process::ExitCode {
    if !error.use_stderr() {
        error.exit();
    }
    let text = error_text(&error, args, env);
    let _ = std::io::Write::write_all(&mut std::io::stderr(), text.as_bytes());
    std::process::ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2))
}

/// A parse error of `args` as text safe for a terminal: each argument that
/// holds a control or invisible character (a line feed included) on one line
/// with it escaped, and any other such character escaped but the error's own
/// line feeds. The error is made again by a command without colours, the one
/// way to have clap's text with the arguments as they came and nothing else
/// in escapes: clap's plain text strips the escape sequences of an argument,
/// which would hide an attack rather than show it.
pub fn error_text(
    error: &clap::Error,
    args: &[OsString],
    env: impl Fn(&str) -> Option<String>,
) -> String {
    let lang = help_language(args, env);
    let plain = command_styled(lang, clap::builder::Styles::plain());
    let again = parse_on(plain, args.to_vec(), lang).err();
    let error = again
        .as_ref()
        .filter(|e| e.kind() == error.kind())
        .unwrap_or(error);
    let mut out = error.render().ansi().to_string();
    for arg in args {
        let arg = arg.to_string_lossy();
        let shown = crate::base::escape::line(&arg);
        if shown == arg {
            continue;
        }
        // An argument of white space alone is replaced only where it is
        // quoted, not in every line break of the message.
        out = if arg.trim().is_empty() {
            out.replace(&format!("'{arg}'"), &format!("'{shown}'"))
        } else {
            out.replace(arg.as_ref(), &shown)
        };
    }
    crate::base::escape::block(&out).into_owned()
}

/// The help of `key`; empty where the table lacks it (a test checks that no
/// key is missing).
fn words(key: &str, lang: Lang) -> &'static str {
    help_text(key, lang).unwrap_or_default()
}

fn localize(cmd: clap::Command, lang: Lang, top: bool) -> clap::Command {
    let name = cmd.get_name().to_string();
    let mut cmd = cmd
        .about(words(&name, lang))
        .mut_args(|arg| localize_arg(arg, &name, lang))
        .subcommand_help_heading(words("#commands", lang))
        .subcommand_value_name(words("<COMMAND>", lang))
        .mut_subcommands(|sub| localize(sub, lang, false));
    if ["regions", "cities", "export"].contains(&name.as_str()) {
        // The data dictionary, from its one table.
        let fields = crate::present::dictionary::help();
        cmd = cmd.after_help(format!("{}\n{fields}", words("#fields", lang)));
    }
    if top {
        cmd = cmd.long_about(words(&format!("{name}/long"), lang));
    } else {
        // `pap-tui search --version` says `pap-tui 0.1.0`, not `pap-tui-search`.
        cmd = cmd.display_name("pap-tui");
    }
    if lang != Lang::En {
        // The default template with its `Usage:` worded.
        cmd = cmd.help_template(format!(
            "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
            words("#usage", lang)
        ));
    }
    cmd
}

fn localize_arg(arg: Arg, command: &str, lang: Lang) -> Arg {
    let id = arg.get_id().as_str().to_string();
    let own = format!("{command}.{id}");
    let key = if help_text(&own, lang).is_some() {
        own
    } else {
        format!("*.{id}")
    };
    let mut help = words(&key, lang).to_string();
    let takes_value = arg.get_action().takes_values();
    if takes_value {
        let values: Vec<PossibleValue> = arg.get_possible_values();
        if !values.is_empty() {
            let listed: Vec<String> = values
                .iter()
                .filter(|v| !v.is_hide_set())
                .map(|v| listed_value(v, lang))
                .collect();
            help.push_str(&format!(
                " [{}]",
                lang.labelled(words("#possible", lang), listed.join(", "))
            ));
        }
        let defaults: Vec<String> = arg
            .get_default_values()
            .iter()
            .map(|v| v.to_string_lossy().into_owned())
            .collect();
        if !defaults.is_empty() {
            help.push_str(&format!(
                " [{}]",
                lang.labelled(words("#default", lang), defaults.join(", "))
            ));
        }
    }
    let names: Vec<&'static str> = arg
        .get_value_names()
        .map(|names| {
            names
                .iter()
                .map(|n| words(&format!("<{n}>"), lang))
                .collect()
        })
        .unwrap_or_default();
    let mut arg = arg
        .help(help)
        .long_help(None::<&str>)
        .hide_possible_values(true)
        .hide_default_value(true);
    if takes_value && !names.is_empty() {
        arg = arg.value_names(names);
    }
    arg
}

/// `letter (also document, lettre)`: a value with the other names it is taken by.
fn listed_value(value: &PossibleValue, lang: Lang) -> String {
    let mut names = value.get_name_and_aliases();
    let first = names.next().unwrap_or_default();
    let others: Vec<&str> = names.collect();
    if others.is_empty() {
        first.to_string()
    } else {
        format!("{first} ({} {})", words("#also", lang), others.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn os(args: &[&str]) -> Vec<OsString> {
        args.iter().map(OsString::from).collect()
    }

    #[test]
    fn the_help_language_comes_from_lang_then_the_locale() {
        let french = |k: &str| (k == "LANG").then(|| "fr_CA.UTF-8".to_string());
        let none = |_: &str| None;
        assert_eq!(help_language(&os(&["pap-tui", "--help"]), french), Lang::Fr);
        assert_eq!(help_language(&os(&["pap-tui", "--help"]), none), Lang::En);
        for args in [
            &["pap-tui", "--lang", "en", "--help"][..],
            &["pap-tui", "search", "--lang=en", "-h"],
        ] {
            assert_eq!(help_language(&os(args), french), Lang::En, "{args:?}");
        }
        assert_eq!(
            help_language(&os(&["pap-tui", "--lang", "fr", "-h"]), none),
            Lang::Fr
        );
        // A bad value is clap's to report; the help stays in the locale's language.
        assert_eq!(
            help_language(&os(&["pap-tui", "--lang", "de"]), french),
            Lang::Fr
        );
        // After `--`, words are query terms.
        assert_eq!(
            help_language(&os(&["pap-tui", "search", "--", "--lang", "fr"]), none),
            Lang::En
        );
    }

    /// Every subcommand and option of the tree, as `(command, arg id or "")`.
    fn every_item(cmd: &clap::Command, out: &mut Vec<(String, String)>) {
        out.push((cmd.get_name().to_string(), String::new()));
        for arg in cmd.get_arguments() {
            out.push((cmd.get_name().to_string(), arg.get_id().to_string()));
        }
        for sub in cmd.get_subcommands() {
            every_item(sub, out);
        }
    }

    #[test]
    fn every_subcommand_and_option_has_help_in_both_languages() {
        for lang in [Lang::Fr, Lang::En] {
            let cmd = command(lang);
            let mut items = Vec::new();
            every_item(&cmd, &mut items);
            assert!(items.len() > 40, "{}", items.len());
            for (command, arg) in items {
                let key = if arg.is_empty() {
                    command.clone()
                } else {
                    format!("{command}.{arg}")
                };
                let found = help_text(&key, lang).is_some()
                    || (!arg.is_empty() && help_text(&format!("*.{arg}"), lang).is_some());
                assert!(found, "{lang:?}: no help for {key}");
            }
            let mut placeholders = Vec::new();
            let raw = {
                let mut c = Cli::command();
                c.build();
                c
            };
            collect_value_names(&raw, &mut placeholders);
            for name in placeholders {
                assert!(
                    help_text(&format!("<{name}>"), lang).is_some(),
                    "no placeholder <{name}>"
                );
            }
        }
    }

    fn collect_value_names(cmd: &clap::Command, out: &mut Vec<String>) {
        for arg in cmd
            .get_arguments()
            .filter(|a| a.get_action().takes_values())
        {
            for n in arg.get_value_names().unwrap_or_default() {
                out.push(n.to_string());
            }
        }
        for sub in cmd.get_subcommands() {
            collect_value_names(sub, out);
        }
    }
}
