//! `pap-tui starred`: the quote sheet of the entries starred in the explorer,
//! read from `state.json`, as the explorer's `S` copies it.

use std::process::ExitCode;

use crate::data::Dataset;
use crate::i18n::{Label, Lang, Message, Text};
use crate::present::sheet;

use super::args::CiteFormat;
use super::cite::copy_format;

/// Prints the sheet of the stars in the state file (`pap-tui paths` shows
/// where it is). No star of this dataset: said on stderr, status 1, as a
/// search without hits; a state file that cannot be read: status 2.
pub fn run(data: &Dataset, format: CiteFormat, lang: Lang) -> ExitCode {
    let paths = crate::store::config::Paths::from_env(|k| std::env::var(k).ok());
    let state = match paths.state_file() {
        Some(path) => match crate::store::state::peek(&path) {
            Ok(state) => state,
            Err(message) => return super::fail(lang, message.describe(lang)),
        },
        None => crate::store::state::State::default(),
    };
    let targets: Vec<_> = state
        .starred
        .iter()
        .filter_map(|s| sheet::target_of(&s.kind, &s.id))
        .collect();
    match sheet::sheet(data, &targets, lang, copy_format(format)) {
        Some(text) => super::emit(&format!("{text}\n")),
        None => {
            let colon = lang.word(Label::Colon);
            let said = Message::new(Text::StarredNone).describe(lang);
            eprintln!("pap-tui{colon}{said}");
            ExitCode::from(1)
        }
    }
}
