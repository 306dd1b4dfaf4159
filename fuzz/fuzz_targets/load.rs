//! The file loader on arbitrary bytes, through a file as `--data` reads it:
//! bytes that are not UTF-8 are reported at a line and a column, never a panic,
//! and its quicker path ends as the text parser does.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use pap_tui::data::{self, DataError};

/// One file per fuzzing process, rewritten for every input.
fn scratch() -> &'static PathBuf {
    static PATH: OnceLock<PathBuf> = OnceLock::new();
    PATH.get_or_init(|| {
        std::env::temp_dir().join(format!("pap-tui-fuzz-load-{}.json", std::process::id()))
    })
}

fuzz_target!(|bytes: &[u8]| {
    let path = scratch();
    std::fs::write(path, bytes).expect("the scratch file can be written");
    let loaded = data::load(Some(path));
    // The loader's quicker path for files ends as the text parser does.
    if let Ok(text) = std::str::from_utf8(bytes) {
        let origin = data::Origin::File(path.clone());
        match (&loaded, data::parse(text, origin)) {
            (Ok(a), Ok(b)) => assert!(a.dataset == b.dataset),
            (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string()),
            (a, b) => panic!("the loader gave {:?}, the parser {:?}", a.is_ok(), b.is_ok()),
        }
    }
    match loaded {
        Ok(_) => assert!(std::str::from_utf8(bytes).is_ok()),
        Err(DataError::NotUtf8 { line, column, .. }) => {
            assert!(std::str::from_utf8(bytes).is_err());
            assert!(line >= 1 && column >= 1);
        }
        Err(DataError::Read { source, .. }) => panic!("the scratch file is readable: {source}"),
        Err(e @ (DataError::NotRegular { .. } | DataError::TooLarge { .. })) => {
            panic!("the scratch file is a regular file below the limit: {e}")
        }
        Err(DataError::Json { .. } | DataError::Invalid { .. }) => {}
    }
});
