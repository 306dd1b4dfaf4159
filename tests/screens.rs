//! Screen tests: the explorer rendered into ratatui's TestBackend at fixed sizes,
//! compared with insta snapshots, plus checks of the styles that carry meaning.

use pap_tui::app::{Action, App, Effect, Msg, Pane};
use pap_tui::data;
use pap_tui::i18n::Lang;
use pap_tui::search::Searcher;
use pap_tui::ui::theme::ThemeName;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

mod support;
use support::screen::{draw, draw_in, text};

fn app(lang: Lang) -> App {
    let loaded = data::load(None).expect("embedded");
    App::new(loaded.dataset, loaded.origin, lang)
}

/// The app after `actions`, its searches answered as the search thread would.
fn with(lang: Lang, actions: &[Action]) -> App {
    let mut app = app(lang);
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

fn snapshot(name: &str, app: &App, width: u16, height: u16) {
    let buf = draw(app, width, height);
    insta::assert_snapshot!(format!("{name}_{width}x{height}"), text(&buf));
}

fn type_text(lang: Lang, query: &str) -> App {
    let mut actions = vec![Action::OpenSearch];
    actions.extend(query.chars().map(Action::Input));
    with(lang, &actions)
}

#[test]
fn main_screen() {
    for (w, h) in [(60, 16), (80, 24), (120, 40), (200, 60)] {
        snapshot("main_en", &app(Lang::En), w, h);
        snapshot("main_fr", &app(Lang::Fr), w, h);
    }
}

#[test]
fn each_pane_focused() {
    let lanaudiere = vec![Action::Down; 14];
    for pane in Pane::ALL {
        let mut actions = lanaudiere.clone();
        actions.push(Action::Focus(pane));
        actions.push(Action::Down);
        let name = format!("focus_{pane:?}").to_lowercase();
        snapshot(&name, &with(Lang::En, &actions), 120, 40);
        snapshot(&name, &with(Lang::Fr, &actions), 80, 24);
    }
}

#[test]
fn overlays() {
    snapshot("help", &with(Lang::En, &[Action::ToggleHelp]), 120, 40);
    snapshot("help_fr", &with(Lang::Fr, &[Action::ToggleHelp]), 80, 24);
    snapshot("letter", &with(Lang::En, &[Action::ToggleLetter]), 80, 24);
    snapshot("search_safima", &type_text(Lang::En, "safima"), 120, 40);
    snapshot("search_montreal", &type_text(Lang::Fr, "montreal"), 80, 24);
    let montreal = [Action::Focus(Pane::Headcounts), Action::Last, Action::Open];
    snapshot("detail_withheld_city", &with(Lang::Fr, &montreal), 120, 40);
    snapshot("detail_withheld_city", &with(Lang::En, &montreal), 80, 24);
}

#[test]
fn outaouais_is_visibly_empty_with_its_city() {
    let app = with(Lang::En, &vec![Action::Down; 7]);
    let screen = text(&draw(&app, 120, 40));
    assert!(screen.contains("No organisation of this"), "{screen}");
    assert!(screen.contains("Gatineau — 63"), "{screen}");
    snapshot("outaouais", &app, 120, 40);
}

#[test]
fn too_small_shows_a_message_and_never_panics() {
    snapshot("too_small", &app(Lang::En), 50, 12);
    let app = app(Lang::Fr);
    for (w, h) in [
        (0, 0),
        (1, 1),
        (0, 10),
        (10, 0),
        (59, 16),
        (60, 15),
        (60, 16),
        (300, 100),
    ] {
        let buf = draw(&app, w, h);
        if w >= 12 && h >= 3 && (w < 60 || h < 16) {
            assert!(text(&buf).contains("Agrandissez"), "{w}x{h}");
        }
    }
}

/// Cells of row `y` whose symbol is `█`, with their styles.
fn redaction_cells(buf: &Buffer, y: u16) -> Vec<(u16, ratatui::style::Style)> {
    (0..buf.area.width)
        .filter(|&x| buf[(x, y)].symbol() == "█")
        .map(|x| (x, buf[(x, y)].style()))
        .collect()
}

fn row_of(buf: &Buffer, needle: &str) -> u16 {
    let screen = text(buf);
    screen
        .lines()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("{needle:?} not on screen:\n{screen}")) as u16
}

#[test]
fn withheld_counts_are_drawn_as_redaction_blocks_never_zero() {
    let buf = draw(&app(Lang::Fr), 120, 40);
    let screen = text(&buf);
    for city in ["Longueuil", "Montréal", "Terrebonne"] {
        let y = row_of(&buf, &format!("  {city} "));
        let full = screen.lines().nth(y as usize).unwrap_or_default();
        // The headcount pane's part of the row, from the city's name on.
        let line = &full[full.find(&format!("  {city} ")).unwrap_or(0)..];
        // The legal basis is on the row itself, not only on the total line.
        // Long or short, as `withheld_marker` writes it.
        assert!(
            line.contains("█ caviardé — art. 53, 54") || line.contains("█ art. 53, 54"),
            "{line}"
        );
        assert!(!line.contains(" 0"), "{line}");
        let cells: Vec<_> = redaction_cells(&buf, y)
            .into_iter()
            .filter(|(x, _)| *x > 60)
            .collect();
        assert_eq!(cells.len(), 1, "{line}");
        assert!(
            cells.iter().all(|(_, s)| s.fg == Some(Color::Gray)),
            "{cells:?}"
        );
    }
    // The total keeps the legal basis whole, in its long form or its short.
    assert!(
        screen.contains("217 connues · █ 12 caviardées — art. 53, 54")
            || screen.contains("217 · █ 12 — art. 53, 54"),
        "{screen}"
    );
}

#[test]
fn the_selected_row_is_reversed_with_and_without_colour() {
    let mut app = with(Lang::En, &vec![Action::Down; 14]);
    for theme in [ThemeName::Dark, ThemeName::Mono] {
        let buf = draw_in(&mut app, 120, 40, theme);
        let y = row_of(&buf, "14 Lanaudière");
        let cell = &buf[(2, y)];
        assert!(
            cell.modifier.contains(Modifier::REVERSED),
            "{theme:?}: {cell:?}"
        );
        assert!(cell.modifier.contains(Modifier::BOLD), "{theme:?}");
        let other = &buf[(2, y + 1)];
        assert!(!other.modifier.contains(Modifier::REVERSED), "{theme:?}");
    }
}

#[test]
fn mono_theme_draws_no_colour() {
    let mut app = type_text(Lang::En, "montreal");
    let buf = draw_in(&mut app, 120, 40, ThemeName::Mono);
    for cell in buf.content() {
        assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset), "{cell:?}");
    }
}

#[test]
fn search_highlights_the_matched_letters() {
    let app = type_text(Lang::En, "montreal");
    let buf = draw(&app, 120, 40);
    let y = row_of(&buf, "city");
    let line: Vec<(String, bool)> = (0..buf.area.width)
        .map(|x| {
            let c = &buf[(x, y)];
            (
                c.symbol().to_string(),
                c.modifier.contains(Modifier::UNDERLINED),
            )
        })
        .collect();
    let marked: String = line
        .iter()
        .filter(|(_, u)| *u)
        .map(|(s, _)| s.as_str())
        .collect();
    assert_eq!(marked, "Montréal");
}

/// The letter opened from SAFIMA's source line: the gutter shows l. 197 on
/// the line that shows it, marked as the passage asked for.
fn letter_at_safima(lang: Lang) -> App {
    let mut actions = vec![Action::OpenSearch];
    actions.extend("safima".chars().map(Action::Input));
    actions.extend([Action::Open, Action::Open, Action::Up, Action::Open]);
    with(lang, &actions)
}

#[test]
fn the_letter_numbers_its_lines_and_marks_the_passage() {
    let app = letter_at_safima(Lang::En);
    snapshot("letter_safima", &app, 120, 40);
    let buf = draw(&app, 120, 40);
    let screen = text(&buf);
    let y = row_of(&buf, "(SAFIMA)");
    let line = screen.lines().nth(y as usize).unwrap_or_default();
    assert!(line.contains("197▌ "), "{line}");
    assert!(
        screen.contains(" l. 196 · 86% "),
        "the position in the title:\n{screen}"
    );
}

#[test]
fn the_letter_search_highlights_its_matches_and_the_current_one() {
    let mut actions = vec![Action::ToggleLetter, Action::FindInLetter];
    actions.extend("montreal".chars().map(Action::Input));
    let typing = with(Lang::Fr, &actions);
    snapshot("letter_search_fr", &typing, 80, 24);
    actions.extend([Action::Open, Action::NextMatch]);
    let mut app = with(Lang::En, &actions);
    let buf = draw(&app, 120, 40);
    let screen = text(&buf);
    assert!(screen.contains("\"montreal\" 2/"), "{screen}");
    // The current match reversed, the others underlined; both without colour too.
    for theme in [ThemeName::Dark, ThemeName::Mono] {
        let buf = draw_in(&mut app, 120, 40, theme);
        let styled = |needle: &str| {
            let y = row_of(&buf, needle);
            let x = (0..buf.area.width)
                .find(|&x| buf[(x, y)].symbol() == "M" && buf[(x + 1, y)].symbol() == "o")
                .expect("Montréal on its row");
            buf[(x, y)].modifier
        };
        assert!(
            styled("de Montréal").contains(Modifier::REVERSED),
            "{theme:?}: the second match is the current one"
        );
        assert!(
            styled("    Montréal   ").contains(Modifier::UNDERLINED),
            "{theme:?}: the table's Montréal is another match"
        );
    }
}

#[test]
fn a_detail_highlights_the_source_line_under_the_cursor() {
    let mut actions = vec![Action::OpenSearch];
    actions.extend("safima".chars().map(Action::Input));
    actions.extend([Action::Open, Action::Open, Action::Up]);
    let app = with(Lang::En, &actions);
    let buf = draw(&app, 120, 40);
    let y = row_of(&buf, "l. 197");
    let x = (0..buf.area.width)
        .find(|&x| buf[(x, y)].symbol() == "l")
        .expect("l. 197");
    assert!(buf[(x, y)].modifier.contains(Modifier::REVERSED));
    snapshot("detail_source_line", &app, 120, 40);
}

/// The text of row `y` and which of its characters are underlined, as
/// highlighted letters are.
fn underlined(buf: &Buffer, y: u16) -> String {
    (0..buf.area.width)
        .map(|x| &buf[(x, y)])
        .filter(|c| c.modifier.contains(Modifier::UNDERLINED))
        .map(|c| c.symbol())
        .collect()
}

#[test]
fn search_shows_the_field_that_matched() {
    let app = type_text(Lang::En, "lanaud");
    snapshot("search_lanaud", &app, 120, 40);
    let buf = draw(&app, 120, 40);
    // SAFIMA is in Lanaudière: its row says so, with the letters highlighted.
    let y = row_of(&buf, "Service d'aide à la famille");
    let row = text(&buf)
        .lines()
        .nth(y as usize)
        .unwrap_or_default()
        .to_string();
    assert!(row.contains("… · Lanaudière"), "{row}");
    assert_eq!(underlined(&buf, y), "Lanaud");
    // CITIM's letters are all in its name, and come after the region's hits.
    let citim = row_of(&buf, "Clef pour l'intégration");
    assert!(citim > y, "CITIM at row {citim}, SAFIMA at {y}");
    assert_eq!(underlined(&buf, citim).chars().count(), 6);
}

#[test]
fn a_search_with_no_hit_says_what_to_try() {
    snapshot("search_no_hits_fr", &type_text(Lang::Fr, "zzqqxxj"), 80, 24);
    let screen = text(&draw(&type_text(Lang::En, "zzqqxxj"), 120, 40));
    assert!(screen.contains("No match for \"zzqqxxj\"."), "{screen}");
    assert!(
        screen.contains("'word for exact text, or Esc to clear"),
        "{screen}"
    );
    assert!(screen.contains("Search — 0 hits"), "{screen}");
}

#[test]
fn the_preview_shows_from_100_columns_and_follows_the_cursor() {
    let app = type_text(Lang::En, "montreal");
    // The first hit is the region Montréal; its detail has its headcounts.
    let wide = text(&draw(&app, 100, 30));
    assert!(wide.contains("│ Montréal"), "{wide}");
    assert!(wide.contains("Source (OCR)"), "{wide}");
    let narrow = text(&draw(&app, 99, 30));
    assert!(!narrow.contains("Source (OCR)"), "{narrow}");
    assert!(!narrow.contains("│ Montréal"), "{narrow}");
    // One step down, the city: its withheld count and the articles, at once.
    let mut actions = vec![Action::OpenSearch];
    actions.extend("montreal".chars().map(Action::Input));
    actions.push(Action::Down);
    let city = with(Lang::En, &actions);
    snapshot("search_preview_city", &city, 120, 40);
    let screen = text(&draw(&city, 120, 40));
    assert!(screen.contains("█ withheld — s. 53, 54"), "{screen}");
    assert!(screen.contains("Source (OCR)"), "{screen}");
}

#[test]
fn a_passage_preview_shows_its_text_and_ocr_lines() {
    let app = type_text(Lang::Fr, "commission d'acces");
    snapshot("search_preview_passage", &app, 120, 40);
}

#[test]
fn starred_entries_carry_a_star_in_their_pane_the_detail_and_the_list() {
    let mut app = with(
        Lang::En,
        &[
            Action::Focus(Pane::Headcounts),
            Action::Last,
            Action::ToggleStar,
            Action::Focus(Pane::Articles),
            Action::ToggleStar,
        ],
    );
    let screen = text(&draw(&app, 120, 40));
    assert!(screen.contains("★ Montréal"), "{screen}");
    assert!(screen.contains("★ Article 1 "), "{screen}");
    assert!(screen.contains("Starred: Article 1"), "{screen}");
    app.update(Action::Open);
    let screen = text(&draw(&app, 120, 40));
    assert!(screen.contains("★ Article — Article 1"), "{screen}");
    app.update(Action::Back);
    for a in [Action::Focus(Pane::Regions), Action::First, Action::Open] {
        app.update(a);
    }
    snapshot("starred_list", &app, 80, 24);
}

#[test]
fn every_list_says_where_it_is_and_keeps_the_total_and_legal_basis_in_view() {
    for (w, h) in [(60, 16), (80, 24)] {
        for lang in [Lang::En, Lang::Fr] {
            let app = with(lang, &[Action::Focus(Pane::Headcounts), Action::Last]);
            let screen = text(&draw(&app, w, h));
            let case = format!("{w}×{h} {lang:?}\n{screen}");
            // The last city, its legal basis, the total under it, and the
            // position with the mark of rows above.
            // One wording per language: `s.` in English, `art.` in French.
            let basis = match lang {
                Lang::En => "s. 53, 54",
                Lang::Fr => "art. 53, 54",
            };
            let montreal = screen
                .lines()
                .find(|l| l.contains("Montréal ") && l.contains(basis))
                .unwrap_or_else(|| panic!("Montréal's row with its basis: {case}"));
            assert!(montreal.contains('█'), "{case}");
            assert!(screen.contains("217 "), "the total: {case}");
            assert!(screen.contains(" ▲ 17/17 "), "{case}");
            assert!(screen.contains("1/58 ▼"), "{case}");
            assert!(screen.contains("1/3"), "{case}");
        }
    }
    snapshot(
        "last_city",
        &with(Lang::Fr, &[Action::Focus(Pane::Headcounts), Action::Last]),
        60,
        16,
    );
}

#[test]
fn the_funding_table_is_on_the_main_screen() {
    for (w, h) in [(80, 24), (120, 40)] {
        for lang in [Lang::En, Lang::Fr] {
            let screen = text(&draw(&app(lang), w, h));
            let total = if lang == Lang::En {
                "$13,400"
            } else {
                "13 400 $"
            };
            assert!(screen.contains(total), "{w}×{h}\n{screen}");
            assert!(screen.contains("5 "), "{screen}");
        }
    }
    let app = with(Lang::Fr, &[Action::FocusFunding]);
    snapshot("funding", &app, 120, 40);
}

#[test]
fn counts_are_right_aligned_and_the_legal_basis_is_never_dimmed() {
    for theme in [ThemeName::Dark, ThemeName::Light, ThemeName::Mono] {
        let buf = draw_in(&mut app(Lang::En), 120, 40, theme);
        let screen = text(&buf);
        // Every known count ends in the same column.
        let ends: Vec<usize> = ["Laval ", "Québec ", "Sherbrooke "]
            .iter()
            .map(|city| {
                // The last digit of the row, in cells: each is one character.
                let y = row_of(&buf, city);
                (0..buf.area.width)
                    .filter(|&x| buf[(x, y)].symbol().chars().all(|c| c.is_ascii_digit()))
                    .filter(|&x| !buf[(x, y)].symbol().is_empty())
                    .max()
                    .unwrap_or(0) as usize
            })
            .collect();
        assert!(
            ends.windows(2).all(|w| w[0] == w[1]),
            "{theme:?} {ends:?}\n{screen}"
        );
        // The legal basis is drawn in the text's own colour, never dim.
        let y = row_of(&buf, "Longueuil ");
        let basis = (0..buf.area.width)
            .find(|&x| buf[(x, y)].symbol() == "a" && buf[(x + 1, y)].symbol() == "r")
            .expect("art. on Longueuil's row");
        let style = buf[(basis, y)].style();
        assert_eq!(style.fg, Some(ratatui::style::Color::Reset), "{theme:?}");
        assert!(!style.add_modifier.contains(Modifier::DIM), "{theme:?}");
    }
}

#[test]
fn the_help_says_how_many_lines_are_out_of_sight() {
    let app = with(Lang::En, &[Action::ToggleHelp]);
    let screen = text(&draw(&app, 80, 24));
    assert!(screen.contains("━ ↓ "), "{screen}");
    // At its end, the lines above are said and the last one is in view.
    let app = with(Lang::En, &[Action::ToggleHelp, Action::Last]);
    let screen = text(&draw(&app, 80, 24));
    assert!(screen.contains("━ ↑ "), "{screen}");
    assert!(!screen.contains("━ ↓ "), "{screen}");
}

/// `/` in the help keeps the rows that hold the filter, and the border says
/// the filter and how many rows it kept, in both languages.
#[test]
fn the_help_filters_its_rows() {
    let mut actions = vec![Action::ToggleHelp, Action::FilterHelp];
    actions.extend("cop".chars().map(Action::Input));
    let app = with(Lang::En, &actions);
    snapshot("help_filter_cop", &app, 80, 24);
    let screen = text(&draw(&app, 80, 24));
    assert!(screen.contains("/cop▏ "), "{screen}");
    assert!(screen.contains("copy every hit"), "{screen}");
    assert!(!screen.contains("next pane"), "{screen}");
    let mut actions = vec![Action::ToggleHelp, Action::FilterHelp];
    actions.extend("precedent".chars().map(Action::Input));
    actions.push(Action::Open);
    let app = with(Lang::Fr, &actions);
    snapshot("help_filter_fr", &app, 80, 24);
    let screen = text(&draw(&app, 80, 24));
    assert!(screen.contains("/precedent "), "{screen}");
    assert!(screen.contains("volet précédent"), "{screen}");
}

/// A name its pane cuts with "…" is shown whole on the status line, above the
/// hints, wrapped when it is longer than the screen is wide, and only for the
/// focused pane's selection.
#[test]
fn the_selected_name_cut_in_its_pane_is_shown_whole() {
    let full =
        "Accueil multiethnique et intégration des nouveaux arrivants à Terrebonne et Mascouche";
    // Lanaudière (14), whose fourth organisation has the longest name.
    let actions = [
        Action::Select(Pane::Regions, 15, 0),
        Action::FocusOrganisations,
        Action::Down,
        Action::Down,
        Action::Down,
    ];
    // At 60×16 its three lines of the pane cut it; from 80×24 they wrap it whole.
    let (w, h) = (60, 16);
    let app = with(Lang::En, &actions);
    snapshot("cut_name", &app, w, h);
    let screen = text(&draw(&app, w, h));
    let rows: Vec<&str> = screen.lines().collect();
    assert!(rows.iter().any(|r| r.contains("┃Accueil ")));
    assert!(rows.iter().any(|r| r.contains("intégration des nou…┃")));
    // The lines between the panes' bottom border and the hints.
    let bottom = rows
        .iter()
        .rposition(|r| r.contains('┘') || r.contains('┛'))
        .expect("the panes' bottom border");
    let said: Vec<&str> = rows[bottom + 1..rows.len() - 1]
        .iter()
        .map(|r| r.trim())
        .collect();
    assert_eq!(said.join(" "), full, "{screen}");
    assert!(rows[rows.len() - 1].contains("/ search"), "{screen}");
    // A name that fits says nothing more: the hints are the last line, right
    // under the panes.
    for (actions, w, h) in [
        (&[Action::FocusOrganisations][..], 120, 40),
        (&actions[..], 80, 24),
    ] {
        let app = with(Lang::En, actions);
        let screen = text(&draw(&app, w, h));
        let rows: Vec<&str> = screen.lines().collect();
        assert!(
            rows[rows.len() - 2].contains('┘') || rows[rows.len() - 2].contains('┛'),
            "{screen}"
        );
    }
}

/// The status line under the copy menu and the map says what Enter does
/// there, never "detail, follow link", in both languages.
#[test]
fn enter_says_what_it_does_in_the_copy_menu_and_on_the_map() {
    let menu = [Action::Focus(Pane::Headcounts), Action::OpenCopyMenu];
    let map = [Action::ToggleMap];
    for (lang, copy, organisations) in [
        (
            Lang::En,
            "Enter copy in this format",
            "Enter its organisations",
        ),
        (
            Lang::Fr,
            "Enter copier dans ce format",
            "Enter ses organismes",
        ),
    ] {
        for (actions, said) in [(&menu[..], copy), (&map[..], organisations)] {
            let screen = text(&draw(&with(lang, actions), 80, 24));
            let status = screen.lines().last().unwrap_or_default();
            assert!(status.contains(said), "{lang:?}: {status}");
            assert!(
                !status.contains("follow") && !status.contains("suivre"),
                "{status}"
            );
        }
    }
}

/// The search box says which hit is highlighted among how many, as fzf does.
#[test]
fn the_search_box_shows_the_highlighted_hits_place() {
    let mut actions = vec![Action::OpenSearch];
    actions.extend("montreal".chars().map(Action::Input));
    actions.extend([Action::Down, Action::Down]);
    for (lang, word) in [(Lang::En, "hits"), (Lang::Fr, "résultats")] {
        let app = with(lang, &actions);
        let total = match app.overlay() {
            pap_tui::app::Overlay::Search(sb) => sb.hits().len(),
            _ => panic!("the search box is open"),
        };
        assert!(total > 3, "{total}");
        let screen = text(&draw(&app, 80, 24));
        assert!(
            screen.contains(&format!("— 3/{total} {word} ")),
            "{lang:?}: {screen}"
        );
    }
}

/// The letter's footer names the OCR lines of the current match, not the
/// first line on screen, and `n` past the last match says it wrapped.
#[test]
fn the_letter_footer_names_the_current_matchs_line() {
    let mut actions = vec![Action::ToggleLetter, Action::FindInLetter];
    actions.extend("montreal".chars().map(Action::Input));
    actions.extend([Action::Open, Action::NextMatch]);
    let app = with(Lang::En, &actions);
    let (line, matches) = match app.overlay() {
        pap_tui::app::Overlay::Letter(view) => (
            view.matches()[view.current().expect("a current match")].line,
            view.matches().len(),
        ),
        _ => panic!("the letter is open"),
    };
    let ocr = app.letter().lines()[line].ocr.expect("an OCR line");
    let label = if ocr.first == ocr.last {
        ocr.first.to_string()
    } else {
        format!("{}–{}", ocr.first, ocr.last)
    };
    let screen = text(&draw(&app, 120, 40));
    assert!(
        screen.contains(&format!("\"montreal\" 2/{matches} · l. {label} · ")),
        "l. {label}: {screen}"
    );
    // Round the end: the status bar says so, in both languages.
    for (lang, said) in [
        (Lang::En, "Search wrapped to the top"),
        (Lang::Fr, "Recherche reprise au début de la lettre"),
    ] {
        let mut round = actions.clone();
        round.push(Action::SetLanguage(lang));
        round.extend(vec![Action::NextMatch; matches - 1]);
        let screen = text(&draw(&with(lang, &round), 120, 40));
        assert!(screen.contains(said), "{lang:?}: {screen}");
        assert!(
            screen.contains(&format!("\"montreal\" 1/{matches}"))
                || screen.contains(&format!("« montreal » 1/{matches}")),
            "{screen}"
        );
    }
}

/// Lanaudière's detail, then SAFIMA's through its link, then the letter at
/// SAFIMA's source line: the path the overlays' titles show.
fn letter_through_lanaudiere(lang: Lang) -> App {
    let mut app = with(lang, &[Action::Focus(Pane::Regions)]);
    while app.region_code() != Some("14") {
        app.update(Action::Down);
    }
    app.update(Action::Open);
    let links = &app.open_detail().expect("Lanaudière").detail().links;
    let safima = links
        .iter()
        .position(|(_, t)| t.id() == "safima")
        .expect("a link to SAFIMA");
    for _ in 0..safima {
        app.update(Action::Down);
    }
    app.update(Action::Open);
    app
}

#[test]
fn the_overlays_title_shows_the_path_that_led_to_it() {
    for (lang, name) in [(Lang::En, "path_detail_en"), (Lang::Fr, "path_detail_fr")] {
        let app = letter_through_lanaudiere(lang);
        let buf = draw(&app, 120, 40);
        assert!(text(&buf).contains("Lanaudière › "), "{}", text(&buf));
        for (w, h) in [(80, 24), (120, 40)] {
            snapshot(name, &app, w, h);
        }
    }
    let mut app = letter_through_lanaudiere(Lang::En);
    app.update(Action::First);
    app.update(Action::Open);
    let buf = draw(&app, 120, 40);
    let title = "Lanaudière › SAFIMA › d The letter (corrected transcription) · l. 197";
    assert!(text(&buf).contains(title), "{}", text(&buf));
    // At 80 columns the path is cut from its left, the title kept.
    let buf = draw(&app, 80, 24);
    let top = text(&buf)
        .lines()
        .find(|l| l.contains("d The letter"))
        .map(str::to_string);
    let top = top.expect("the letter's title");
    assert!(
        top.contains("…") && top.contains("SAFIMA › d The letter"),
        "{top}"
    );
    for (w, h) in [(80, 24), (120, 40)] {
        snapshot("path_letter", &app, w, h);
    }
}
