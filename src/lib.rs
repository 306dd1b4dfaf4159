//! pap-tui: explore MIFI's access-to-information decision 18159 on the
//! Parcours d'accompagnement personnalisé, in a terminal or from scripts.

pub mod app;
pub mod cache;
pub mod cli;
pub mod clipboard;
pub mod config;
pub mod data;
pub mod file;
pub mod geo;
pub mod i18n;
pub mod input;
pub mod keys;
pub mod names;
pub mod present;
pub mod search;
pub mod state;
#[cfg(any(test, feature = "synthetic"))]
pub mod synthetic;
pub mod text;
pub mod tui;
pub mod ui;
