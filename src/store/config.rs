//! Settings written by the user in `config.toml`, and where pap-tui keeps its
//! files. A bad config never stops the app: defaults are used and a warning says
//! which file and why. The app never writes this file.

use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

use crate::base::clipboard::Choice;
use crate::base::files::ReadError;
use crate::i18n::{Lang, Message, Text};

/// The theme names a user can choose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ThemeName {
    #[default]
    Dark,
    Light,
    Mono,
}

impl ThemeName {
    /// The theme after this one: dark, light, mono, dark again.
    pub(crate) fn next(self) -> ThemeName {
        match self {
            ThemeName::Dark => ThemeName::Light,
            ThemeName::Light => ThemeName::Mono,
            ThemeName::Mono => ThemeName::Dark,
        }
    }
}

/// Where the config and the state live.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Paths {
    pub config_dir: Option<PathBuf>,
    pub state_dir: Option<PathBuf>,
    /// Where search indexes of `--data` files are kept (`crate::cache`).
    pub cache_dir: Option<PathBuf>,
}

impl Paths {
    /// The platform's directories (XDG on Linux, Application Support on macOS,
    /// AppData on Windows), unless `PAP_TUI_CONFIG_DIR` / `PAP_TUI_STATE_DIR` say
    /// otherwise.
    pub(crate) fn from_env(get: impl Fn(&str) -> Option<String>) -> Paths {
        let dirs = directories::ProjectDirs::from("ca.qc", "pap-tui", "pap-tui");
        let pick = |var: &str, default: Option<PathBuf>| {
            get(var)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
                .or(default)
        };
        Paths {
            config_dir: pick(
                "PAP_TUI_CONFIG_DIR",
                dirs.as_ref().map(|d| d.config_dir().to_path_buf()),
            ),
            state_dir: pick(
                "PAP_TUI_STATE_DIR",
                dirs.as_ref()
                    .map(|d| d.state_dir().unwrap_or_else(|| d.data_dir()).to_path_buf()),
            ),
            cache_dir: pick(
                "PAP_TUI_CACHE_DIR",
                dirs.as_ref().map(|d| d.cache_dir().to_path_buf()),
            ),
        }
    }

    pub(crate) fn config_file(&self) -> Option<PathBuf> {
        self.config_dir.as_ref().map(|d| d.join("config.toml"))
    }

    pub(crate) fn state_file(&self) -> Option<PathBuf> {
        self.state_dir.as_ref().map(|d| d.join("state.json"))
    }
}

/// The largest config file read, in bytes (1 MiB): a config is a few lines.
pub(crate) const MAX_CONFIG_BYTES: u64 = 1024 * 1024;

/// The user's settings, every one with a default.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    pub language: Option<Lang>,
    pub theme: ThemeName,
    pub clipboard: Choice,
    pub mouse: bool,
    /// `[keys]`: action name and the keys bound to it, as written.
    pub keys: Vec<(String, Vec<String>)>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            language: None,
            theme: ThemeName::Dark,
            clipboard: Choice::Auto,
            mouse: true,
            keys: Vec::new(),
        }
    }
}

/// The commented example printed by `pap-tui config --print-default`.
pub(crate) const DEFAULT_TOML: &str = r#"# pap-tui configuration: config.toml in the directory `pap-tui paths` shows.
# Every setting is optional; a missing one keeps its default.

# Interface language: "fr" or "en". Default: from LC_ALL, LC_MESSAGES or LANG.
# language = "fr"

# Colours: "dark", "light" or "mono". NO_COLOR in the environment forces mono.
theme = "dark"

# How `y` copies: "auto", "osc52", "tmux", "native" or "off".
# PAP_TUI_CLIPBOARD in the environment overrides it.
clipboard = "auto"

# Clicks select rows and the wheel scrolls; false leaves the mouse to the terminal.
mouse = true

# Keys of the main panes, by action name. A key is a character ("x", "X"), a name
# (esc, enter, tab, backtab, up, down, left, right, pageup, pagedown, home, end,
# backspace, space, f1 … f12), ctrl-<character> or alt-<character>. A list binds
# several keys. An entry with a key that cannot be read changes nothing.
# Actions: quit, back, next_pane, previous_pane, focus_regions, focus_organisations,
# focus_headcounts, focus_articles, focus_funding, up, down, page_up, page_down,
# first, last, left, right, open, search, copy, copy_menu, star, copy_starred,
# language, theme, help, filter_help, letter, suspend, find, next_match,
# previous_match, map, map_measure, city_labels, zoom_in, zoom_out, zoom_corridor,
# map_panel.
[keys]
# quit = "q"
# down = ["j", "down"]
# search = "/"
"#;

/// A setting's string as one of an enum's names, spelled as its serde derive
/// spells them; any other value, a string or not, is `None`.
fn named<T: DeserializeOwned>(value: &toml::Value) -> Option<T> {
    crate::base::enum_names::from_name(value.as_str()?)
}

/// The keys of one `[keys]` entry: a key or a list of keys.
fn keys_of(value: &toml::Value) -> Option<Vec<String>> {
    match value {
        toml::Value::String(s) => Some(vec![s.clone()]),
        toml::Value::Array(items) => items
            .iter()
            .map(|i| i.as_str().map(str::to_string))
            .collect(),
        _ => None,
    }
}

/// Reads `text` as a config. Unknown keys, wrong values and keys of `[keys]`
/// that are not strings are warnings, each naming what is wrong; whatever is
/// valid is kept. A file that is not TOML at all is an error.
pub fn parse(text: &str) -> Result<(Config, Vec<Message>), String> {
    let table: toml::Table = text.parse().map_err(|e: toml::de::Error| e.to_string())?;
    let mut config = Config::default();
    let mut warnings = Vec::new();
    let wrong = |text: Text, value: &toml::Value| Message::new(text).with("value", value);
    for (key, value) in &table {
        match key.as_str() {
            "language" => match named::<Lang>(value) {
                Some(lang) => config.language = Some(lang),
                None => warnings.push(wrong(Text::ConfigLanguage, value)),
            },
            "theme" => match named(value) {
                Some(theme) => config.theme = theme,
                None => warnings.push(wrong(Text::ConfigTheme, value)),
            },
            // As lenient as PAP_TUI_CLIPBOARD: any case, spaces around, empty for auto.
            "clipboard" => match value.as_str().and_then(|text| text.parse::<Choice>().ok()) {
                Some(choice) => config.clipboard = choice,
                None => warnings.push(wrong(Text::ConfigClipboard, value)),
            },
            "mouse" => match value.as_bool() {
                Some(b) => config.mouse = b,
                None => warnings.push(wrong(Text::ConfigMouse, value)),
            },
            "keys" => match value.as_table() {
                Some(keys) => {
                    for (action, keys_value) in keys {
                        match keys_of(keys_value) {
                            Some(keys) => config.keys.push((action.clone(), keys)),
                            None => warnings.push(
                                wrong(Text::ConfigKeysValue, keys_value).with("action", action),
                            ),
                        }
                    }
                }
                None => warnings.push(Message::new(Text::ConfigKeysTable)),
            },
            other => warnings.push(Message::new(Text::ConfigUnknownSetting).with("setting", other)),
        }
    }
    Ok((config, warnings))
}

/// Loads the config file. A missing file is the defaults, silently; any other
/// problem is the defaults (or what could be read) plus warnings naming the file.
pub fn load(path: Option<&Path>) -> (Config, Vec<Message>) {
    let Some(path) = path else {
        return (Config::default(), Vec::new());
    };
    let file = path.display();
    let text = match crate::base::files::read_limited(path, MAX_CONFIG_BYTES) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(_) => {
                let warning = Message::new(Text::ConfigNotUtf8).in_file(file);
                return (Config::default(), vec![warning]);
            }
        },
        Err(ReadError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => {
            return (Config::default(), Vec::new());
        }
        Err(e) => {
            let warning = match e {
                ReadError::Io(e) => Message::new(Text::ConfigUnreadable).with("error", e),
                ReadError::NotRegular(_) => Message::new(Text::ConfigNotRegular),
                ReadError::TooLarge { limit } => {
                    Message::new(Text::ConfigTooLarge).with("limit", limit)
                }
            };
            return (Config::default(), vec![warning.in_file(file)]);
        }
    };
    match parse(&text) {
        Ok((config, warnings)) => {
            let named = warnings.into_iter().map(|w| w.in_file(&file)).collect();
            (config, named)
        }
        Err(e) => {
            let first = e.lines().next().unwrap_or_default().to_string();
            let warning = Message::new(Text::ConfigNotToml)
                .with("error", first)
                .in_file(file);
            (Config::default(), vec![warning])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Warnings as an English-speaking user reads them.
    fn english(warnings: Vec<Message>) -> Vec<String> {
        warnings.iter().map(|w| w.describe(Lang::En)).collect()
    }

    #[test]
    fn the_default_example_parses_to_the_defaults() {
        assert_eq!(parse(DEFAULT_TOML), Ok((Config::default(), Vec::new())));
    }

    #[test]
    fn settings_are_read() {
        let (config, warnings) = parse(
            "language = \"fr\"\ntheme = \"mono\"\nclipboard = \"osc52\"\nmouse = false\n[keys]\nquit = \"x\"\ndown = [\"j\", \"ctrl-n\"]\n",
        )
        .expect("toml");
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(config.language, Some(Lang::Fr));
        assert_eq!(config.theme, ThemeName::Mono);
        assert_eq!(config.clipboard, Choice::Osc52);
        assert!(!config.mouse);
        assert_eq!(
            config.keys,
            vec![
                (
                    "down".to_string(),
                    vec!["j".to_string(), "ctrl-n".to_string()]
                ),
                ("quit".to_string(), vec!["x".to_string()]),
            ]
        );
    }

    #[test]
    fn bad_values_and_unknown_keys_are_named() {
        let (config, warnings) =
            parse("colour = \"red\"\ntheme = \"neon\"\nmouse = \"yes\"\n[keys]\nquit = 3\n")
                .expect("toml");
        let warnings = english(warnings);
        assert_eq!(config, Config::default());
        assert_eq!(warnings.len(), 4, "{warnings:?}");
        assert!(
            warnings
                .iter()
                .any(|w| w.contains("unknown setting \"colour\""))
        );
        assert!(warnings.iter().any(|w| w.contains("theme = \"neon\"")));
        assert!(warnings.iter().any(|w| w.contains("keys.quit")));
    }

    #[test]
    fn language_and_theme_are_exact_the_clipboard_any_case() {
        let read = |text: &str| {
            let (config, warnings) = parse(text).expect("toml");
            (config, english(warnings))
        };
        for text in [
            "language = \"EN\"",
            "language = 1",
            "theme = \"Dark\"",
            "theme = \" dark\"",
            "theme = true",
            "theme = { dark = {} }",
            "theme = [\"dark\"]",
            "clipboard = \"osc 52\"",
            "clipboard = 52",
        ] {
            let (config, warnings) = read(text);
            let key = text.split(' ').next().unwrap_or_default();
            assert_eq!(config, Config::default(), "{text}");
            assert_eq!(warnings.len(), 1, "{text}: {warnings:?}");
            assert!(
                warnings[0].starts_with(&format!("{key} = ")) && warnings[0].contains("expected"),
                "{text}: {warnings:?}"
            );
        }
        assert_eq!(read("language = \"en\"").0.language, Some(Lang::En));
        assert_eq!(read("theme = \"light\"").0.theme, ThemeName::Light);
        for (text, choice) in [
            ("clipboard = \" Native \"", Choice::Native),
            ("clipboard = \"TMUX\"", Choice::Tmux),
            ("clipboard = \"\"", Choice::Auto),
        ] {
            assert_eq!(
                read(text),
                (
                    Config {
                        clipboard: choice,
                        ..Config::default()
                    },
                    Vec::new()
                )
            );
        }
    }

    #[test]
    fn broken_files_fall_back_to_defaults_and_say_so() {
        let dir = tempfile::tempdir().expect("tempdir");
        let cases: &[(&str, &[u8], &str)] = &[
            (
                "corrupt.toml",
                b"theme = \"dark\nmouse = ",
                "not valid TOML",
            ),
            ("truncated.toml", b"[keys", "not valid TOML"),
            ("latin1.toml", b"theme = \"d\xe9\"", "not UTF-8"),
        ];
        for (name, bytes, reason) in cases {
            let path = dir.path().join(name);
            std::fs::write(&path, bytes).expect("write");
            let (config, warnings) = load(Some(&path));
            let warnings = english(warnings);
            assert_eq!(config, Config::default(), "{name}");
            assert_eq!(warnings.len(), 1, "{name}: {warnings:?}");
            assert!(
                warnings[0].contains(name) && warnings[0].contains(reason),
                "{warnings:?}"
            );
            assert_eq!(
                std::fs::read(&path).expect("kept"),
                *bytes,
                "the file is left as it was"
            );
        }
        let empty = dir.path().join("empty.toml");
        std::fs::write(&empty, "").expect("write");
        assert_eq!(load(Some(&empty)), (Config::default(), Vec::new()));
        assert_eq!(
            load(Some(&dir.path().join("missing.toml"))),
            (Config::default(), Vec::new())
        );
        let warnings = english(load(Some(dir.path())).1);
        assert!(
            warnings[0].contains("not a regular file"),
            "a directory: {warnings:?}"
        );
    }

    #[test]
    fn environment_overrides_the_directories() {
        let paths = Paths::from_env(|k| match k {
            "PAP_TUI_CONFIG_DIR" => Some("/tmp/c".into()),
            "PAP_TUI_STATE_DIR" => Some("/tmp/s".into()),
            "PAP_TUI_CACHE_DIR" => Some("/tmp/k".into()),
            _ => None,
        });
        assert_eq!(
            paths.config_file(),
            Some(PathBuf::from("/tmp/c/config.toml"))
        );
        assert_eq!(paths.state_file(), Some(PathBuf::from("/tmp/s/state.json")));
        assert_eq!(paths.cache_dir, Some(PathBuf::from("/tmp/k")));
    }
}
