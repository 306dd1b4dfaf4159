//! Start-up wiring: reads the config and the state, chooses the language, the
//! clipboard method and the theme from them and the environment. Problems with
//! those files are shown in the status bar, never fatal.

use crate::app::{App, Msg};
use crate::clipboard;
use crate::i18n::{Lang, Message, Noun, Text};
use crate::ui;

use super::Options;

/// The app and the loop's options for this environment, and what to warn about.
pub fn prepare(loaded: crate::data::Loaded, lang_flag: Option<Lang>) -> (App, Options) {
    let env = |k: &str| std::env::var(k).ok();
    let paths = crate::config::Paths::from_env(env);
    let (config, mut warnings) = crate::config::load(paths.config_file().as_deref());
    let lang = lang_flag
        .or(config.language)
        .unwrap_or_else(|| Lang::from_env(env));
    let forced = env("PAP_TUI_CLIPBOARD");
    let choice = match forced.as_deref().map(str::parse::<clipboard::Choice>) {
        Some(Ok(choice)) => choice,
        Some(Err(_)) => {
            let value = crate::text::line(forced.as_deref().unwrap_or_default()).into_owned();
            warnings.push(Message::new(Text::ClipboardVariable).with("value", value));
            config.clipboard
        }
        None => config.clipboard,
    };
    let environment = clipboard::Environment::from_env(env);
    let plan = clipboard::choose(choice, &environment, &clipboard::on_path);
    let mut options = Options {
        mouse: config.mouse,
        theme: ui::theme::effective(config.theme, env("NO_COLOR").as_deref()),
        clipboard: plan,
        osc52_may_be_dropped: clipboard::osc52_may_be_dropped(choice, plan, &environment),
        state_file: paths.state_file(),
        index_cache: None,
    };
    let mut app = App::starting(loaded.dataset, loaded.origin, lang);
    let config_file = paths
        .config_file()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    for problem in crate::app::keymap::apply_overrides(&mut app.keymap, &config.keys) {
        warnings.push(problem.message().in_file(&config_file));
    }
    if let Some(path) = options.state_file.clone() {
        let session = crate::state::open(&path);
        warnings.extend(session.warnings);
        app.restore(&session.state);
        if !session.writable {
            options.state_file = None;
        }
    }
    if let Some(first) = warnings.first() {
        let more = match warnings.len() as u64 {
            1 => String::new(),
            n => format!(" (+{})", lang.count(n - 1, Noun::OtherWarning)),
        };
        app.update(Msg::Notify(format!("{}{more}", first.describe(lang)), true));
    }
    (app, options)
}
