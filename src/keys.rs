//! The one table of keys: what a user can ask (`Action`), in which mode, by
//! which key, with the config's overrides. The explorer reads it to act, the
//! help and hints to show it, the command line to check a config and write
//! the man page; it knows nothing of the explorer's state.

mod action;
pub mod table;

pub use action::{Action, Pane};
pub use table::{Binding, Key, KeyProblem, Mode};
