//! `pap-tui paths` and `pap-tui config`: where the settings are, and whether
//! the config file holds anything the explorer would complain about.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::i18n::{Label, Lang, Message, Text};

/// The config and state files and the cache directory, one per line.
pub(crate) fn paths(lang: Lang) -> String {
    let paths = crate::store::config::Paths::from_env(|k| std::env::var(k).ok());
    let show = |p: Option<PathBuf>| {
        p.map_or(Message::new(Text::PathsNoDirectory).describe(lang), |p| {
            crate::base::escape::line(&p.display().to_string()).into_owned()
        })
    };
    format!(
        "config  {}\nstate   {}\ncache   {}\n",
        show(paths.config_file()),
        show(paths.state_file()),
        show(paths.cache_dir)
    )
}

/// Checks the config file and reports every problem the explorer would.
pub(crate) fn check_config(lang: Lang) -> ExitCode {
    let paths = crate::store::config::Paths::from_env(|k| std::env::var(k).ok());
    let file = paths.config_file();
    let (config, mut warnings) = crate::store::config::load(file.as_deref());
    // The key overrides as the explorer applies them, so that every
    // problem it would report is listed here.
    let name = file.map_or_else(String::new, |p| p.display().to_string());
    let mut keymap = crate::keys::table::bindings();
    warnings.extend(
        crate::keys::table::apply_overrides(&mut keymap, &config.keys)
            .into_iter()
            .map(|problem| problem.message().in_file(&name)),
    );
    if warnings.is_empty() {
        let exists = std::path::Path::new(&name).is_file();
        let state = Message::new(if exists {
            Text::ConfigValid
        } else {
            Text::ConfigAbsent
        });
        super::emit(&format!(
            "{}\n",
            state
                .in_file(crate::base::escape::line(&name))
                .describe(lang)
        ))
    } else {
        let colon = lang.word(Label::Colon);
        for w in &warnings {
            eprintln!(
                "pap-tui{colon}{}",
                crate::base::escape::line(&w.describe(lang))
            );
        }
        ExitCode::from(2)
    }
}
