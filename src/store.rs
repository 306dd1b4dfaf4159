//! What pap-tui keeps on disk between runs: the user's `config.toml`
//! (`config`), the explorer's `state.json` (`state`) and the index cache of
//! `--data` files (`cache`).

pub(crate) mod cache;
pub mod config;
pub mod state;
