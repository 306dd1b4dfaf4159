//! pap-tui: explore MIFI's access-to-information decision 18159 on the
//! Parcours d'accompagnement personnalisé, in a terminal or from scripts.

pub mod app;
pub mod cli;
pub mod clipboard;
pub mod config;
pub mod data;
pub mod i18n;
pub mod input;
pub mod names;
pub mod search;
pub mod state;
pub mod synthetic;
pub mod text;
pub mod tui;
pub mod ui;

/// mimalloc instead of the system allocator, for every program built on this
/// library (the binary, tests, benches): a 100 000-organisation dataset is a few
/// million small strings, and glibc's allocator spent more time faulting in pages
/// and freeing them than the search took.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
