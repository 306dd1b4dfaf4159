//! Entry point: parse the arguments, load and validate the data before any
//! terminal work, then run a subcommand or the explorer.

use std::process::ExitCode;

use pap_tui::cli;

/// mimalloc instead of the system allocator: a 100 000-organisation dataset is a
/// few million small strings, and glibc's allocator spent more time faulting in
/// pages and freeing them than the search took. Chosen here, not in the library,
/// so that tests, the fuzz targets and other programs built on it keep their own.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `mi_option_purge_delay` (`include/mimalloc.h` of the mimalloc 3
/// that `libmimalloc-sys` 0.1.49 builds, which names no constant for it).
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

fn main() -> ExitCode {
    // Memory freed goes back to the system at once rather than after a
    // second: a search is over in about 60 ms, and the dataset file's bytes,
    // freed once parsed, stayed resident while the index was built (peak RSS of
    // a first search at 100 000 organisations: 108 MB, and 86 MB without
    // the delay, in the same time).
    // SAFETY: sets one of mimalloc's integer options, which it reads
    // atomically; no memory is touched.
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, 0) };
    pap_tui::base::files::fail_oversized_writes();
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let cli = match cli::parse(args.iter().cloned(), |k| std::env::var(k).ok()) {
        Ok(cli) => cli,
        // Help and version on stdout with status 0, usage errors escaped with 2.
        Err(e) => return cli::refuse(e, &args, |k| std::env::var(k).ok()),
    };
    let lang = cli::language(&cli);
    if let Some(code) = cli.command.as_ref().and_then(|c| cli::settings(c, lang)) {
        return code;
    }
    if let Some(code) = cli::search_cached(&cli, lang) {
        return code;
    }
    let loaded = match cli::load(&cli) {
        Ok(loaded) => loaded,
        Err(e) => return cli::fail_to_load(&e, lang),
    };
    match &cli.command {
        Some(command) => {
            let code = cli::run(command, &loaded.dataset, lang);
            // The process ends next: the system takes the memory back at once,
            // where freeing a large dataset string by string takes tens of ms.
            std::mem::forget(loaded);
            code
        }
        None => explorer_ended(pap_tui::tui::open(loaded, cli.lang), lang),
    }
}

/// The exit status of the explorer.
fn explorer_ended(
    ended: Result<pap_tui::tui::Exit, pap_tui::tui::TuiError>,
    lang: pap_tui::i18n::Lang,
) -> ExitCode {
    match ended {
        Ok(pap_tui::tui::Exit::Quit) => ExitCode::SUCCESS,
        // The shell's convention for a process ended by a signal.
        Ok(pap_tui::tui::Exit::Signal(n)) => ExitCode::from((128 + n).clamp(0, 255) as u8),
        Err(e) => tui_failed(&e, lang),
    }
}

/// Why the explorer did not open, in the interface language, with the
/// subcommands that serve without a terminal (read from the command line's
/// own definitions, so that the list never lags behind them).
fn tui_failed(error: &pap_tui::tui::TuiError, lang: pap_tui::i18n::Lang) -> ExitCode {
    let commands: Vec<String> = cli::command(lang)
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .filter(|name| name != "help")
        .collect();
    cli::fail(lang, error.describe(lang, &commands.join(", ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_purge_delay_option_is_the_one_set() {
        // mimalloc 3's default purge delay is 1000 ms; another option at this
        // number (after an update that renumbers them) would show another value.
        if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
            // SAFETY: reads one of mimalloc's integer options.
            assert_eq!(unsafe { libmimalloc_sys::mi_option_get(PURGE_DELAY) }, 1000);
        }
    }
}
