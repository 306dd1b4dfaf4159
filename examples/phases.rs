//! Where the time of `pap-tui search --data FILE QUERY` goes: reading the file,
//! parsing the JSON, validating, building the index, the first search on it (all
//! hits ranked, or only the top 20 with `Index::search_top`) and dropping it, each
//! timed on its own (median of several runs), and dropping the dataset.
//!
//! ```sh
//! cargo run --release --example phases -- big.json montreal
//! ```

use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use pap_tui::data::{self, Dataset};
use pap_tui::search::{Index, Query};

/// The binary's allocator, so that the phases take the time they take there.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const RUNS: usize = 7;

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort_unstable();
    times[times.len() / 2]
}

/// The median time of `RUNS` runs of `f`, and its last result.
fn time<T>(mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut times = Vec::with_capacity(RUNS);
    let mut last = None;
    for _ in 0..RUNS {
        let start = Instant::now();
        let value = f();
        times.push(start.elapsed());
        last = Some(value);
    }
    match last {
        Some(value) => (median(times), value),
        None => unreachable!("RUNS is not zero"),
    }
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [path, query @ ..] = args.as_slice() else {
        bail!("usage: phases FILE QUERY...");
    };
    let query = Query::parse(&query.join(" "));

    let (read, text) = time(|| std::fs::read_to_string(path));
    let text = text.with_context(|| format!("cannot read {path}"))?;
    let (parse, dataset) = time(|| serde_json::from_str::<Dataset>(&text));
    let dataset = dataset.with_context(|| format!("{path} is not a dataset"))?;
    let (validate, problems) = time(|| data::validate(&dataset));
    if !problems.is_empty() {
        bail!(
            "{path} has {} problem(s); run pap-tui validate",
            problems.len()
        );
    }
    // Each run builds its own index, so that the search timed is the first one
    // on that index, as in the command line.
    let (mut build, mut search, mut drop_index) = (Vec::new(), Vec::new(), Vec::new());
    let mut search_top = Vec::new();
    let (mut entries, mut hits) = (0, 0);
    for _ in 0..RUNS {
        let start = Instant::now();
        let index = Index::build(&dataset);
        build.push(start.elapsed());
        let start = Instant::now();
        hits = index.search(&query).len();
        search.push(start.elapsed());
        entries = index.len();
        let start = Instant::now();
        drop(index);
        drop_index.push(start.elapsed());

        let index = Index::build(&dataset);
        let start = Instant::now();
        index.search_top(&query, 20, |_| true);
        search_top.push(start.elapsed());
    }
    let search_top = median(search_top);
    let (build, search, drop_index) = (median(build), median(search), median(drop_index));
    let start = Instant::now();
    drop(dataset);
    let drop_dataset = start.elapsed();

    println!("{entries} entries, {hits} hits");
    for (phase, took) in [
        ("read", read),
        ("parse JSON", parse),
        ("validate", validate),
        ("build index", build),
        ("first search", search),
        ("or its top 20 only", search_top),
        ("drop index", drop_index),
        ("drop dataset (once)", drop_dataset),
    ] {
        println!("{phase:<20} {:>8.1} ms", took.as_secs_f64() * 1e3);
    }
    Ok(())
}
