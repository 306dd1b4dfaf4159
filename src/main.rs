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

fn main() -> ExitCode {
    let cli = match cli::parse(std::env::args_os(), |k| std::env::var(k).ok()) {
        Ok(cli) => cli,
        // Help and version on stdout with status 0, usage errors with 2.
        Err(e) => e.exit(),
    };
    let lang = cli::language(&cli);
    if let Some(code) = cli.command.as_ref().and_then(|c| cli::settings(c, lang)) {
        return code;
    }
    if let Some(code) = cli::search_cached(&cli, lang) {
        return code;
    }
    let (loaded, index_cache) = match cli::load_keyed(&cli) {
        Ok(loaded) => loaded,
        Err(e) => return cli::fail(e),
    };
    match &cli.command {
        Some(command) => {
            let code = cli::run(command, &loaded.dataset, lang);
            // The process ends next: the system takes the memory back at once,
            // where freeing a large dataset string by string takes tens of ms.
            std::mem::forget(loaded);
            code
        }
        None => match pap_tui::tui::open(loaded, cli.lang, index_cache) {
            Ok(pap_tui::tui::Exit::Quit) => ExitCode::SUCCESS,
            // The shell's convention for a process ended by a signal.
            Ok(pap_tui::tui::Exit::Signal(n)) => ExitCode::from((128 + n).clamp(0, 255) as u8),
            Err(e) => cli::tui_failed(&e, lang),
        },
    }
}
