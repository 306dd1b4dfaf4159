//! pap-tui: explore MIFI's access-to-information decision 18159 on the
//! Parcours d'accompagnement personnalisé, in a terminal or from scripts.

pub mod app;
pub mod base;
pub mod cli;
pub mod data;
pub mod i18n;
pub mod keys;
pub mod present;
pub mod search;
pub mod store;
#[cfg(any(test, feature = "synthetic"))]
pub mod synthetic;
pub mod tui;
pub mod ui;
