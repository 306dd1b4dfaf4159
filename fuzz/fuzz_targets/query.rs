//! The query parser and the matcher on arbitrary strings, over the embedded
//! dataset: no panic, highlights within the label, and the searcher used while
//! typing agrees with a fresh search for every prefix typed and erased.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use pap_tui::search::{Index, Query, Searcher};

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let loaded = pap_tui::data::load(None).expect("the embedded dataset loads");
        Index::build(&loaded.dataset)
    })
}

fuzz_target!(|input: &str| {
    let index = index();
    let bounds: Vec<usize> = input
        .char_indices()
        .map(|(i, _)| i)
        .chain([input.len()])
        .collect();
    // Each prefix searched afresh once: typing and erasing meet it twice, and
    // the whole input is the last of them.
    let fresh: Vec<_> = bounds
        .iter()
        .map(|&end| index.search(&Query::parse(&input[..end])))
        .collect();
    let query = Query::parse(input);
    for hit in fresh.last().into_iter().flatten() {
        let chars = index.entry(hit.entry).label.chars().count();
        let mut last = 0;
        for (start, end) in index.highlights(hit.entry, &query) {
            assert!(start >= last && start < end && end <= chars, "{input:?}");
            last = end;
        }
    }
    let mut searcher = Searcher::default();
    let typed = bounds.iter().zip(&fresh);
    for (&end, fresh) in typed.clone().chain(typed.rev()) {
        let prefix = &input[..end];
        assert_eq!(&searcher.search(index, prefix), fresh, "prefix {prefix:?}");
    }
});
