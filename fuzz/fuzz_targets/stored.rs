//! The index cache's reader on arbitrary bytes: `Index::from_bytes` never
//! panics, and an index it accepts can be searched, its hits explained and its
//! entries shown, without a panic either; written again, it reads back the
//! same.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pap_tui::search::{Index, Query};

fuzz_target!(|bytes: &[u8]| {
    let Some(index) = Index::from_bytes(bytes) else {
        return;
    };
    let again = index.to_bytes().and_then(|b| Index::from_bytes(&b));
    assert_eq!(again.as_ref().map(Index::entries), Some(index.entries()));
    for input in ["e", "montreal", "famile immig", "'centre !laval", "^a"] {
        let query = Query::parse(input);
        for hit in index.search_top(&query, 50, |_| true) {
            let _ = index.matched(hit.entry, &query);
            let _ = index.highlights(hit.entry, &query);
        }
        let _ = index.search(&query);
    }
});
