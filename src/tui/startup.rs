//! Start-up wiring: reads the config and the state, chooses the language, the
//! clipboard method and the theme from them and the environment. Problems with
//! those files are shown in the status bar, never fatal.
//!
//! [`Setup`] is everything the explorer starts from except the data, so the
//! first frame is a function of the setup, the data and the terminal's size:
//! what lets a repeat start show that frame before the data is read
//! ([`super::preview`]).

use std::sync::Arc;

use crate::app::{App, Msg};
use crate::base::clipboard;
use crate::data::{Dataset, Origin};
use crate::i18n::{Lang, Message, Noun, Text};
use crate::keys::table::Binding;
use crate::store::state::State;
use crate::ui;

use super::Options;

/// What the explorer starts from besides the data.
#[derive(Debug, Clone)]
pub(crate) struct Setup {
    pub lang: Lang,
    pub options: Options,
    keymap: Vec<Binding>,
    /// The state to restore, when there is a state file to restore from.
    state: Option<State>,
    warnings: Vec<Message>,
}

impl Setup {
    /// Reads the config, the state and the environment, as a session starts:
    /// a state file that cannot be read is set aside, and its directory is
    /// checked for writing.
    pub fn read(lang_flag: Option<Lang>) -> Setup {
        Setup::read_with(lang_flag, &|k| std::env::var(k).ok())
    }

    /// [`Setup::read`] with the environment `env`.
    pub(crate) fn read_with(
        lang_flag: Option<Lang>,
        env: &dyn Fn(&str) -> Option<String>,
    ) -> Setup {
        let mut setup = Setup::without_state(lang_flag, env);
        if let Some(path) = setup.options.state_file.clone() {
            let session = crate::store::state::open(&path);
            setup.warnings.extend(session.warnings);
            setup.state = Some(session.state);
            if !session.writable {
                setup.options.state_file = None;
            }
        }
        setup
    }

    fn without_state(lang_flag: Option<Lang>, env: &dyn Fn(&str) -> Option<String>) -> Setup {
        let paths = crate::store::config::Paths::from_env(env);
        let (config, mut warnings) = crate::store::config::load(paths.config_file().as_deref());
        let lang = lang_flag
            .or(config.language)
            .unwrap_or_else(|| Lang::from_env(env));
        let forced = env("PAP_TUI_CLIPBOARD");
        let choice = match forced.as_deref().map(str::parse::<clipboard::Choice>) {
            Some(Ok(choice)) => choice,
            Some(Err(_)) => {
                let value =
                    crate::base::escape::line(forced.as_deref().unwrap_or_default()).into_owned();
                warnings.push(Message::new(Text::ClipboardVariable).with("value", value));
                config.clipboard
            }
            None => config.clipboard,
        };
        let environment = clipboard::Environment::from_env(env);
        let plan = clipboard::choose(choice, &environment, &clipboard::on_path);
        let options = Options {
            mouse: config.mouse,
            theme: ui::theme::effective(config.theme, env("NO_COLOR").as_deref()),
            clipboard: plan,
            osc52_may_be_dropped: clipboard::osc52_may_be_dropped(choice, plan, &environment),
            state_file: paths.state_file(),
        };
        let mut keymap = crate::keys::table::bindings();
        let config_file = paths
            .config_file()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        for problem in crate::keys::table::apply_overrides(&mut keymap, &config.keys) {
            warnings.push(problem.message().in_file(&config_file));
        }
        Setup {
            lang,
            options,
            keymap,
            state: None,
            warnings,
        }
    }

    /// The app on `data`, with the state restored and the first warning shown.
    pub(crate) fn app(&self, data: Arc<Dataset>, origin: Origin) -> App {
        let lang = self.lang;
        let mut app = App::starting_shared(data, origin, lang);
        app.set_keymap(self.keymap.clone());
        if let Some(state) = &self.state {
            app.restore(state);
        }
        if let Some(first) = self.warnings.first() {
            let more = match self.warnings.len() as u64 {
                1 => String::new(),
                n => format!(" (+{})", lang.count(n - 1, Noun::OtherWarning)),
            };
            app.update(Msg::Notify(format!("{}{more}", first.describe(lang)), true));
        }
        app
    }
}

/// The app and the loop's options for this environment, and what to warn about.
pub(crate) fn prepare(loaded: crate::data::Loaded, lang_flag: Option<Lang>) -> (App, Options) {
    let setup = Setup::read(lang_flag);
    let app = setup.app(Arc::new(loaded.dataset), loaded.origin);
    (app, setup.options)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn setup() -> Setup {
        Setup {
            lang: Lang::En,
            options: Options {
                mouse: true,
                theme: crate::store::config::ThemeName::Dark,
                clipboard: clipboard::Plan {
                    method: clipboard::Method::Osc52,
                    also_osc52: false,
                },
                osc52_may_be_dropped: false,
                state_file: None,
            },
            keymap: crate::keys::table::bindings(),
            state: Some(State::default()),
            warnings: Vec::new(),
        }
    }

    #[test]
    fn the_app_restores_the_setups_state_and_shows_its_first_warning() {
        let loaded = crate::data::load(None).unwrap_or_else(|e| panic!("{e}"));
        let data = Arc::new(loaded.dataset);
        let mut setup = setup();
        setup.state = Some(State {
            region: Some("14".into()),
            ..State::default()
        });
        setup
            .warnings
            .push(Message::new(Text::StateTooLarge).with("limit", 9));
        setup.warnings.push(Message::new(Text::StateNotRegular));
        let app = setup.app(data, Origin::Embedded);
        assert_eq!(app.region_code(), Some("14"));
        let status = app.status().map(|s| s.text.clone()).unwrap_or_default();
        assert!(status.contains("(+1"), "{status}");
    }
}
