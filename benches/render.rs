//! One full frame of the explorer rendered into a TestBackend: the main screen
//! and the search overlay, at 120×40 and 200×60, with the embedded data and with
//! 100 000 organisations. Lists draw only their visible rows, so the size of the
//! dataset should barely show.

/// The binary's allocator, so that the figures are those a user gets.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use pap_tui::app::{Action, App, Pane};
use pap_tui::data::Origin;
use pap_tui::i18n::Lang;
use pap_tui::ui::{self, UiState};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn apps() -> Vec<(&'static str, App)> {
    let embedded = pap_tui::data::load(None).expect("embedded dataset");
    let big = pap_tui::synthetic::dataset(100_000).expect("synthetic dataset");
    let mut out = Vec::new();
    for (name, data, origin) in [
        ("embedded", embedded.dataset, embedded.origin),
        ("100k", big, Origin::File("synthetic-100000.json".into())),
    ] {
        let mut main = App::new(data.clone(), origin.clone(), Lang::En);
        // Deep in the organisations list, so that scrolling is part of the frame.
        main.update(Action::Focus(Pane::Organisations));
        main.update(Action::Last);
        out.push((name, main));
    }
    out
}

fn render(c: &mut Criterion) {
    let mut group = c.benchmark_group("render");
    for (name, mut app) in apps() {
        for (width, height) in [(120u16, 40u16), (200, 60)] {
            let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
            let mut state = UiState::default();
            group.bench_function(format!("main/{name}/{width}x{height}"), |b| {
                b.iter(|| {
                    terminal
                        .draw(|frame| ui::render(frame, black_box(&app), &mut state))
                        .expect("draw");
                })
            });
        }
        // Answer the searches here, as the search thread would, so that the
        // frame has its hits to draw.
        let mut searcher = pap_tui::search::Searcher::default();
        let index = app.index().cloned().expect("index");
        let actions =
            std::iter::once(Action::OpenSearch).chain("centre".chars().map(Action::Input));
        for action in actions {
            for effect in app.update(action) {
                if let pap_tui::app::Effect::Search { generation, query } = effect {
                    let hits = searcher.search(&index, &query);
                    app.update(pap_tui::app::Msg::SearchResults { generation, hits });
                }
            }
        }
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
        let mut state = UiState::default();
        group.bench_function(format!("search/{name}/120x40"), |b| {
            b.iter(|| {
                terminal
                    .draw(|frame| ui::render(frame, black_box(&app), &mut state))
                    .expect("draw");
            })
        });
    }
    // The map: its regions are rasterised on the first frame and kept in
    // `UiState`, so the frames measured here reuse them.
    let embedded = pap_tui::data::load(None).expect("embedded dataset");
    let mut map = App::new(embedded.dataset, embedded.origin, Lang::En);
    map.update(Action::ToggleMap);
    for (width, height) in [(120u16, 40u16), (200, 60)] {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
        let mut state = UiState::default();
        group.bench_function(format!("map/embedded/{width}x{height}"), |b| {
            b.iter(|| {
                terminal
                    .draw(|frame| ui::render(frame, black_box(&map), &mut state))
                    .expect("draw");
            })
        });
    }
    group.finish();
}

criterion_group!(benches, render);
criterion_main!(benches);
