//! The main screen's layout: room goes to what is read. Organisation names
//! whole at 120×40 for every region, focused or not; the focused pane whole
//! at 80×24; a resize that keeps the list's top rows and its selection; a
//! position that counts what its title counts.

use pap_tui::app::{Action, App, Effect, FIRST_REGION_ROW, Msg, Pane};
use pap_tui::data;
use pap_tui::i18n::Lang;
use pap_tui::search::Searcher;
use pap_tui::ui::{self, UiState};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

mod support;
use support::screen::text;

/// The app after `actions`, its searches answered as the search thread would.
fn with(lang: Lang, actions: &[Action]) -> App {
    let loaded = data::load(None).expect("embedded");
    let mut app = App::new(loaded.dataset, loaded.origin, lang);
    let mut searcher = Searcher::default();
    for a in actions {
        for effect in app.update(a.clone()) {
            if let Effect::Search { generation, query } = effect {
                let index = app.index().cloned().expect("index");
                let hits = searcher.search(&index, &query);
                app.update(Msg::SearchResults { generation, hits });
            }
        }
    }
    app
}

/// `/lanaudiere` `Enter`: Lanaudière selected, the regions focused.
fn lanaudiere(lang: Lang) -> App {
    let mut actions = vec![Action::OpenSearch];
    actions.extend("lanaudiere".chars().map(Action::Input));
    actions.push(Action::Open);
    with(lang, &actions)
}

/// One frame of `app` at `width`×`height`, drawn with `ui` (kept between
/// frames, as the event loop keeps it).
fn draw(app: &App, ui: &mut UiState, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal
        .draw(|frame| ui::render(frame, app, ui))
        .expect("draw");
    terminal.backend().buffer().clone()
}

fn index(pane: Pane) -> usize {
    Pane::ALL.iter().position(|&p| p == pane).expect("a pane")
}

/// The lines of `area` of the screen, trailing spaces left out.
fn lines(buf: &Buffer, area: Rect) -> Vec<String> {
    (area.top()..area.bottom())
        .map(|y| {
            let line: String = (area.left()..area.right())
                .map(|x| buf[(x, y)].symbol())
                .collect();
            line.trim_end().to_string()
        })
        .collect()
}

/// The text of `pane` on the last frame: its inner area, without borders.
fn pane_lines(buf: &Buffer, ui: &UiState, pane: Pane) -> Vec<String> {
    lines(buf, ui.areas[index(pane)])
}

#[test]
fn a_selected_region_at_every_size_in_both_languages() {
    for (lang, name) in [(Lang::En, "en"), (Lang::Fr, "fr")] {
        let app = lanaudiere(lang);
        for (w, h) in [(60, 16), (80, 24), (120, 40), (200, 60)] {
            let buf = draw(&app, &mut UiState::default(), w, h);
            insta::assert_snapshot!(format!("lanaudiere_{name}_{w}x{h}"), text(&buf));
        }
    }
}

/// Every region, its organisations pane focused or not, in both languages:
/// at 120×40 no organisation row ends in `…`, and every name of the region
/// is in the pane whole (its lines joined where they wrapped).
#[test]
fn organisation_names_are_whole_at_120x40_for_every_region() {
    for lang in [Lang::En, Lang::Fr] {
        let regions = with(lang, &[]).data().regions.len();
        for region in 0..regions {
            for focus in [Pane::Regions, Pane::Organisations] {
                let row = FIRST_REGION_ROW + region;
                let mut actions = vec![Action::Focus(Pane::Regions)];
                actions.extend(vec![Action::Down; row - 1]);
                actions.push(Action::Focus(focus));
                let app = with(lang, &actions);
                assert_eq!(app.selected(Pane::Regions), row);
                let mut ui = UiState::default();
                let buf = draw(&app, &mut ui, 120, 40);
                let pane = pane_lines(&buf, &ui, Pane::Organisations);
                let case = format!("{lang:?}, region {region}, {focus:?}\n{}", text(&buf));
                assert!(pane.iter().all(|l| !l.contains('…')), "a cut name: {case}");
                let joined = pane.join(" ");
                for &i in app.panes().organisations() {
                    let name = app.data().organisations[i].display_name();
                    assert!(joined.contains(&name), "{name} not whole: {case}");
                }
            }
        }
    }
}

/// From 120×40, the articles' rows (each article's first line) are whole: the
/// room a wide screen has goes to the pane that cut them, not to empty rows.
#[test]
fn the_articles_rows_are_whole_from_120x40() {
    for lang in [Lang::En, Lang::Fr] {
        for (width, height) in [(120, 40), (200, 60)] {
            let app = lanaudiere(lang);
            let mut ui = UiState::default();
            let buf = draw(&app, &mut ui, width, height);
            let pane = pane_lines(&buf, &ui, Pane::Articles);
            let rows: Vec<&String> = pane.iter().take_while(|l| !l.starts_with('─')).collect();
            let case = format!("{lang:?} {width}×{height}\n{}", text(&buf));
            assert!(rows.iter().all(|l| !l.contains('…')), "a cut row: {case}");
            let joined = rows.iter().map(|l| l.trim()).collect::<Vec<_>>().join(" ");
            assert!(
                joined.contains("Les renseignements personnels sont confidentiels")
                    || joined.contains("Personal information is confidential"),
                "article 53's first line not whole: {case}"
            );
        }
    }
}

/// At 80×24, each pane that lists names, focused: no row of it cut. (The
/// articles' rows are the first lines of long texts, shown whole under them.)
#[test]
fn the_focused_pane_is_whole_at_80x24() {
    for lang in [Lang::En, Lang::Fr] {
        for pane in [
            Pane::Regions,
            Pane::Organisations,
            Pane::Headcounts,
            Pane::Funding,
        ] {
            let mut actions = vec![Action::Focus(Pane::Regions)];
            actions.extend(vec![Action::Down; 15]);
            actions.push(Action::Focus(pane));
            let app = with(lang, &actions);
            let mut ui = UiState::default();
            let buf = draw(&app, &mut ui, 80, 24);
            let rows = pane_lines(&buf, &ui, pane);
            let case = format!("{lang:?} {pane:?}\n{}", text(&buf));
            assert!(rows.iter().all(|l| !l.contains('…')), "{case}");
            if pane == Pane::Regions {
                // The headcounts of the regions are part of their text.
                let laurentides = |l: &&String| l.starts_with("15 Laurentides");
                let row = rows.iter().find(laurentides).expect("selected");
                assert!(row.ends_with(" 3      1█"), "{case}");
            }
        }
    }
    let mut actions = vec![Action::OpenSearch];
    actions.extend("lanaudiere".chars().map(Action::Input));
    actions.extend([Action::Open, Action::Focus(Pane::Organisations)]);
    let app = with(Lang::Fr, &actions);
    let buf = draw(&app, &mut UiState::default(), 80, 24);
    insta::assert_snapshot!("lanaudiere_organisations_fr_80x24", text(&buf));
}

/// 80×24 then larger then back, with the same `UiState` as a resized
/// terminal has: the top row stays while the rows below fill the pane, the
/// list fills a pane that can hold it all from its first row, and the
/// selection stays in view.
#[test]
fn a_resize_keeps_the_top_rows_and_the_selection() {
    // Montérégie, near the end of the regions.
    let mut actions = vec![Action::Focus(Pane::Regions)];
    actions.extend(vec![Action::Down; FIRST_REGION_ROW + 15 - 1]);
    let app = with(Lang::En, &actions);
    let regions = |buf: &Buffer, ui: &UiState| pane_lines(buf, ui, Pane::Regions);
    let mut ui = UiState::default();

    let small = regions(&draw(&app, &mut ui, 80, 24), &ui);
    assert!(small.iter().any(|l| l.starts_with("16 Montérégie")));
    assert!(!small[0].starts_with("★"), "scrolled: {small:?}");

    // One line more: the same first row, one more below it.
    let taller = regions(&draw(&app, &mut ui, 80, 25), &ui);
    assert_eq!(taller[0], small[0]);
    assert!(taller.iter().all(|l| !l.is_empty()), "{taller:?}");

    // Room for every row: from the first, no blank row under the last.
    let large = regions(&draw(&app, &mut ui, 120, 40), &ui);
    assert!(large[0].starts_with("★ Starred"), "{large:?}");
    assert!(large[1].starts_with("All regions"), "{large:?}");
    assert!(large[18].starts_with("17 Centre-du-Québec"), "{large:?}");

    // Back to small: the selection still in view.
    let again = regions(&draw(&app, &mut ui, 80, 24), &ui);
    assert!(
        again.iter().any(|l| l.starts_with("16 Montérégie")),
        "{again:?}"
    );
}

/// The regions' title counts 17 regions; their position counts the same
/// (Lanaudière is the 14th), and names no number on the rows above them.
#[test]
fn the_position_counts_what_the_title_counts() {
    let app = lanaudiere(Lang::En);
    let screen = text(&draw(&app, &mut UiState::default(), 120, 40));
    assert!(screen.contains("1 Regions (17)"), "{screen}");
    assert!(screen.contains(" 14/17 ┛"), "{screen}");
    assert!(!screen.contains("/19"), "{screen}");
    let app = with(Lang::En, &[]);
    let screen = text(&draw(&app, &mut UiState::default(), 120, 40));
    assert!(
        !screen.contains("/19") && !screen.contains("/17 ┛"),
        "{screen}"
    );
}

/// A click on the third line of a wrapped name selects that name's row.
#[test]
fn a_click_on_a_wrapped_name_finds_its_row() {
    let app = lanaudiere(Lang::En);
    let mut ui = UiState::default();
    let buf = draw(&app, &mut ui, 120, 40);
    let area = ui.areas[index(Pane::Organisations)];
    let rows = pane_lines(&buf, &ui, Pane::Organisations);
    let name = "Accueil multiethnique";
    let first = rows.iter().position(|l| l.starts_with(name)).expect(name);
    let row = app
        .panes()
        .organisations()
        .iter()
        .position(|&i| app.data().organisations[i].name.starts_with(name))
        .expect("its row");
    for line in first..first + 3 {
        let y = area.y + u16::try_from(line).expect("a line");
        assert_eq!(
            ui.hit(area.x + 1, y),
            Some((Pane::Organisations, Some(row))),
            "{rows:?}"
        );
    }
}

/// The organisations' title keeps its count when the region's name is cut.
#[test]
fn the_organisations_title_keeps_its_count() {
    let app = with(Lang::En, &[]);
    for width in [80, 100, 120] {
        let screen = text(&draw(&app, &mut UiState::default(), width, 30));
        assert!(screen.contains("(58)"), "{screen}");
    }
}
