//! Entry point: parse the arguments, load and validate the data before any
//! terminal work, then run a subcommand or the explorer.

use std::process::ExitCode;

use clap::Parser;
use pap_tui::cli::{self, Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = cli::language(&cli);
    let loaded = match &cli.command {
        Some(Command::Validate { file }) => pap_tui::data::load(Some(file)),
        _ => cli::load(&cli),
    };
    let loaded = match loaded {
        Ok(loaded) => loaded,
        Err(e) => {
            eprintln!("pap-tui: {e}");
            return ExitCode::from(2);
        }
    };
    match &cli.command {
        Some(command) => cli::run(command, &loaded.dataset, lang),
        None => {
            let no_color = std::env::var("NO_COLOR").ok();
            let env = |k: &str| std::env::var(k).ok();
            let forced = env("PAP_TUI_CLIPBOARD");
            let parsed = forced.as_deref().map(pap_tui::clipboard::Choice::parse);
            let choice = parsed.flatten().unwrap_or_default();
            let environment = pap_tui::clipboard::Environment::from_env(env);
            let options = pap_tui::tui::Options {
                clipboard: pap_tui::clipboard::choose(
                    choice,
                    &environment,
                    &pap_tui::clipboard::on_path,
                ),
                mouse: true,
                theme: pap_tui::ui::theme::effective(Default::default(), no_color.as_deref()),
            };
            let mut app = pap_tui::app::App::new(loaded.dataset, loaded.origin, lang);
            if let (Some(value), Some(None)) = (&forced, parsed) {
                app.report(
                    format!(
                        "PAP_TUI_CLIPBOARD={}: not one of auto, osc52, tmux, native, off; using auto",
                        pap_tui::text::line(value)
                    ),
                    true,
                );
            }
            match pap_tui::tui::run(app, options) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("pap-tui: {e}");
                    ExitCode::from(2)
                }
            }
        }
    }
}
