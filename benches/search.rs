//! Search speed on synthetic datasets of 10 000, 100 000 and 1 000 000
//! organisations: building the index, each keystroke of a query typed one
//! character at a time (narrowing within the previous hits), a fresh search,
//! and every hit of a search listed with its OCR lines (`Ctrl-a`).
//!
//! `cargo bench --bench search`; `PAP_BENCH_SIZES=10000,100000` limits the sizes.
//! `scripts/speed-table.sh` turns the results into the README's table.

/// The binary's allocator, so that the figures are those a user gets.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::hint::black_box;
use std::time::Duration;

use criterion::{BatchSize, BenchmarkId, Criterion, SamplingMode, criterion_group, criterion_main};
use pap_tui::i18n::Lang;
use pap_tui::present::copy::hits_list;
use pap_tui::search::{Index, Query, Searcher};
use pap_tui::synthetic;

const SIZES: [usize; 3] = [10_000, 100_000, 1_000_000];

/// Queries of 1, 3 and 8 characters: one letter found almost everywhere, a
/// common syllable, a place name.
const QUERIES: [&str; 3] = ["e", "int", "montreal"];

fn sizes() -> Vec<usize> {
    match std::env::var("PAP_BENCH_SIZES") {
        Ok(list) => list
            .split(',')
            .filter_map(|n| n.trim().replace('_', "").parse().ok())
            .collect(),
        Err(_) => SIZES.to_vec(),
    }
}

/// Keeps the large sizes to a few seconds per benchmark: one search of a million
/// entries takes a tenth of a second or more.
fn configure(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    size: usize,
) {
    group.warm_up_time(Duration::from_millis(500));
    if size >= 1_000_000 {
        group
            .sample_size(10)
            .measurement_time(Duration::from_secs(3))
            .sampling_mode(SamplingMode::Flat);
    } else if size >= 100_000 {
        group
            .sample_size(20)
            .measurement_time(Duration::from_secs(2))
            .sampling_mode(SamplingMode::Flat);
    } else {
        group
            .sample_size(30)
            .measurement_time(Duration::from_secs(1));
    }
}

fn search(c: &mut Criterion) {
    for size in sizes() {
        let data = match synthetic::dataset(size) {
            Ok(data) => data,
            Err(e) => panic!("synthetic dataset: {e}"),
        };

        let mut group = c.benchmark_group("index_build");
        configure(&mut group, size);
        group.bench_function(BenchmarkId::from_parameter(size), |b| {
            // Dropping the index is left out: the explorer keeps it until it quits.
            b.iter_with_large_drop(|| Index::build(black_box(&data)))
        });
        group.finish();

        let index = Index::build(&data);

        // One benchmark per keystroke, each starting from a searcher that has
        // already seen the characters before it, as in the explorer.
        let mut group = c.benchmark_group(format!("keystroke_{size}"));
        configure(&mut group, size);
        for query in QUERIES {
            let mut searcher = Searcher::default();
            for typed in 1..=query.len() {
                let input = &query[..typed];
                let before = searcher.clone();
                group.bench_function(BenchmarkId::new(query, typed), |b| {
                    b.iter_batched(
                        || before.clone(),
                        |mut s| {
                            let hits = s.search(&index, black_box(input));
                            (s, hits)
                        },
                        BatchSize::PerIteration,
                    )
                });
                searcher.search(&index, input);
            }
        }
        group.finish();

        let mut group = c.benchmark_group(format!("fresh_{size}"));
        configure(&mut group, size);
        for query in QUERIES {
            group.bench_function(BenchmarkId::from_parameter(query), |b| {
                b.iter(|| index.search(&Query::parse(black_box(query))))
            });
        }
        group.finish();

        // Ctrl-a in the search box and `search --format markdown`: every hit
        // listed with its OCR lines (a tenth of the organisations match).
        let mut group = c.benchmark_group(format!("copy_all_hits_{size}"));
        configure(&mut group, size);
        let hits = index.search(&Query::parse("montreal"));
        let entries: Vec<_> = hits.iter().map(|h| index.entry(h.entry)).collect();
        group.bench_function(BenchmarkId::from_parameter("montreal"), |b| {
            b.iter(|| hits_list(&data, "montreal", black_box(&entries), Lang::En))
        });
        group.finish();
    }
}

criterion_group!(benches, search);
criterion_main!(benches);
