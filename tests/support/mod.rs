//! Helpers shared by the end-to-end tests.
#![allow(dead_code)]

pub mod screen;
pub mod tmux;
