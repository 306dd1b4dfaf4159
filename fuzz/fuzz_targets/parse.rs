//! The dataset parser on arbitrary text: it returns a dataset or an error that
//! names `file:line:column`, and never panics.
#![no_main]

use std::path::PathBuf;

use libfuzzer_sys::fuzz_target;
use pap_tui::data::{self, DataError, Origin};

fuzz_target!(|bytes: &[u8]| {
    let text = String::from_utf8_lossy(bytes);
    if let Err(error) = data::parse(&text, Origin::File(PathBuf::from("fuzz.json"))) {
        let shown = error.to_string();
        let lines = text.split('\n').count();
        let positions: Vec<(usize, usize)> = match &error {
            DataError::Json { line, column, .. } | DataError::NotUtf8 { line, column, .. } => {
                vec![(*line, *column)]
            }
            DataError::Invalid { problems, .. } => {
                problems.iter().map(|p| (p.line, p.column)).collect()
            }
            DataError::Read { .. } | DataError::NotRegular { .. } | DataError::TooLarge { .. } => {
                panic!("parse cannot fail to read: {shown}")
            }
        };
        assert!(!positions.is_empty(), "{shown}");
        for (line, column) in positions {
            assert!(
                shown.contains(&format!("fuzz.json:{line}:{column}: ")),
                "{shown}"
            );
            assert!(
                (1..=lines).contains(&line) && column >= 1,
                "{line}:{column}"
            );
        }
    }
});
