//! The letter view and copies with their citations, through `update`.

use super::*;

/// The letter overlay, which must be open.
fn letter_view(app: &App) -> &LetterView {
    match &app.overlay {
        Overlay::Letter(view) => view,
        other => panic!("the letter is not open: {other:?}"),
    }
}

/// The letter line (0-based) whose text contains `needle`.
fn letter_line(app: &App, needle: &str) -> usize {
    app.letter()
        .lines()
        .iter()
        .position(|l| l.text.contains(needle))
        .unwrap_or_else(|| panic!("{needle:?} not in the letter"))
}

#[test]
fn a_letter_hit_opens_the_letter_at_its_passage_with_the_match_highlighted() {
    let mut app = app();
    run(&mut app, &[Action::OpenSearch]);
    type_text(&mut app, "trente");
    let review = hit_position(&app, "review");
    run(&mut app, &vec![Action::Down; review]);
    run(&mut app, &[Action::Open]);
    assert_eq!(app.mode(), Mode::Letter);
    let view = letter_view(&app);
    let first = letter_line(&app, "Nous vous avisons que vous pouvez demander");
    let passage = view.passage().expect("the passage is marked");
    assert_eq!(passage.first, first);
    assert!(
        view.scroll() <= first && first < view.scroll() + 5,
        "{view:?}"
    );
    // The term found is highlighted, on the line that has it.
    assert_eq!(view.query(), "trente");
    let current = view.matches()[view.current().expect("a current match")];
    assert_eq!(
        current.line,
        letter_line(&app, "(CAI) de réviser cette décision")
    );
    let text: String = app.letter().lines()[current.line]
        .text
        .chars()
        .skip(current.start)
        .take(current.end - current.start)
        .collect();
    assert_eq!(text, "trente");
    assert_eq!(app.history, ["trente"]);
}

#[test]
fn the_letter_is_searched_with_slash_and_n_accents_and_case_ignored() {
    let mut app = app();
    run(&mut app, &[Action::ToggleLetter, Action::FindInLetter]);
    assert_eq!(app.mode(), Mode::LetterSearch);
    type_text(&mut app, "MONTREAL");
    let view = letter_view(&app);
    let lines: Vec<usize> = view.matches().iter().map(|m| m.line).collect();
    assert!(lines.len() >= 4, "{lines:?}");
    assert_eq!(lines[0], letter_line(&app, "Montréal, le 6 février 2020"));
    assert_eq!(view.current(), Some(0), "the first match from the top");
    run(&mut app, &[Action::Open]);
    assert_eq!(app.mode(), Mode::Letter, "Enter keeps the search");
    run(&mut app, &[Action::NextMatch]);
    assert_eq!(letter_view(&app).current(), Some(1));
    let second = lines[1];
    assert!(letter_view(&app).scroll() <= second);
    run(&mut app, &[Action::PreviousMatch, Action::PreviousMatch]);
    assert_eq!(
        letter_view(&app).current(),
        Some(lines.len() - 1),
        "N on the first match goes round to the last"
    );
    run(&mut app, &[Action::NextMatch]);
    assert_eq!(
        letter_view(&app).current(),
        Some(0),
        "and n back to the first"
    );

    // g and G: top and bottom.
    run(&mut app, &[Action::Last]);
    assert_eq!(letter_view(&app).scroll(), app.letter().len() - 1);
    run(&mut app, &[Action::First]);
    assert_eq!(letter_view(&app).scroll(), 0);

    // A search given up with Esc leaves the previous one.
    run(&mut app, &[Action::FindInLetter]);
    type_text(&mut app, "zzz");
    assert!(letter_view(&app).matches().is_empty());
    run(&mut app, &[Action::Back]);
    assert_eq!(app.mode(), Mode::Letter);
    assert_eq!(letter_view(&app).query(), "MONTREAL");
    assert_eq!(letter_view(&app).matches().len(), lines.len());

    // A search that is nowhere says so.
    run(&mut app, &[Action::FindInLetter]);
    type_text(&mut app, "zzz");
    run(&mut app, &[Action::Open]);
    let status = app.status.clone().expect("a message");
    assert!(status.error && status.text.contains("zzz"), "{status:?}");
}

#[test]
fn q_and_esc_close_the_letter_and_never_quit() {
    let mut app = app();
    let q = crate::keys::table::Key {
        code: crossterm::event::KeyCode::Char('q'),
        modifiers: crossterm::event::KeyModifiers::NONE,
    };
    for mode in [Mode::Letter, Mode::Detail, Mode::Help, Mode::CopyMenu] {
        assert_eq!(
            crate::keys::table::lookup(&app.keymap, mode, q),
            Some(Action::Back),
            "{mode:?}"
        );
    }
    run(&mut app, &[Action::ToggleLetter, Action::FindInLetter]);
    type_text(&mut app, "laval");
    run(&mut app, &[Action::Open, Action::Back]);
    assert_eq!(app.mode(), Mode::Normal, "Esc closes even with a search");
    assert!(app.running);
}

#[test]
fn a_source_line_of_a_detail_opens_the_letter_at_that_line() {
    let mut app = app();
    run(&mut app, &[Action::OpenSearch]);
    type_text(&mut app, "safima");
    run(&mut app, &[Action::Open, Action::Open]);
    let view = app.open_detail().expect("the SAFIMA detail");
    assert_eq!(view.source(), None, "the cursor starts on the cross-links");
    assert_eq!(view.detail().source[0].line, 197);
    // Up from the first cross-link: the source line.
    run(&mut app, &[Action::Up]);
    assert_eq!(app.open_detail().expect("detail").source(), Some(0));
    run(&mut app, &[Action::Open]);
    let safima = letter_line(&app, "(SAFIMA)");
    let view = letter_view(&app);
    assert_eq!(
        view.passage(),
        Some(crate::data::LetterSpan {
            first: safima,
            last: safima
        })
    );
    assert_eq!(
        app.letter().lines()[safima].ocr.map(|o| o.first),
        Some(197),
        "the gutter shows the line the detail cites"
    );
}

#[test]
fn article_1_opens_the_letter_where_it_is_cited() {
    let mut app = app();
    run(
        &mut app,
        &[Action::Focus(Pane::Articles), Action::First, Action::Open],
    );
    let view = app.open_detail().expect("the article 1 detail");
    assert_eq!(view.detail().title, "Article 1");
    assert_eq!(
        view.source(),
        Some(0),
        "no cross-link: the cursor is on l. 102"
    );
    run(&mut app, &[Action::Open]);
    let passage = letter_view(&app).passage().expect("a passage");
    assert_eq!(passage.first, letter_line(&app, "organisme. Or, la Loi"));
}

#[test]
fn y_on_a_region_copies_its_answer() {
    let mut app = app();
    go_to_region(&mut app, "14");
    let effects = app.update(Action::Copy);
    let [Effect::Copy(text)] = effects.as_slice() else {
        panic!("a copy: {effects:?}");
    };
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "Lanaudière (14) — 4 organisations");
    assert_eq!(
        lines[1..5],
        [
            "- Perspectives Carrières",
            "- Comité régional d'éducation pour le développement international de Lanaudière",
            "- Service d'aide à la famille immigrante de la MRC de L'Assomption (SAFIMA)",
            "- Accueil multiethnique et intégration des nouveaux arrivants à Terrebonne et Mascouche",
        ]
    );
    assert!(
        text.contains("- Terrebonne — █ withheld — s. 53, 54"),
        "{text}"
    );
    assert!(
        text.ends_with(
            "Source: MIFI, access-to-information decision 18159, 6 February 2020 — \
             annex \"Organismes par régions\", Lanaudière (OCR l. 167, 195–197, 199); \
             table of immigrants accompanied (OCR l. 76); \
             question 3 of the request and its answer (OCR l. 50–53, 55)."
        ),
        "{text}"
    );
}

#[test]
fn every_hit_is_copied_as_a_list_and_the_status_counts_them() {
    let mut app = app();
    run(&mut app, &[Action::OpenSearch]);
    type_text(&mut app, "'lanaudiere");
    let hits = match &app.overlay {
        Overlay::Search(sb) => sb.hits().len(),
        _ => panic!("search closed"),
    };
    assert!(hits >= 4, "{hits}");
    let effects = app.update(Action::CopyHits);
    let [Effect::Copy(text)] = effects.as_slice() else {
        panic!("a copy: {effects:?}");
    };
    assert!(
        text.starts_with(&format!("Search \"'lanaudiere\": {hits} hits\n")),
        "{text}"
    );
    assert!(
        text.contains("\n- Lanaudière (region, OCR l. 50–53, 55, 76, 167, 195–197, 199)"),
        "{text}"
    );
    assert!(
        text.contains("(SAFIMA) (organisation, OCR l. 197)"),
        "{text}"
    );
    assert!(
        text.ends_with("\n\nSource: MIFI, access-to-information decision 18159, 6 February 2020."),
        "{text}"
    );
    app.update(Msg::CopyOutcome(Ok("tmux"), text.clone()));
    assert_eq!(
        app.status.as_ref().map(|s| s.text.as_str()),
        Some(format!("Copied {hits} hits (tmux)").as_str())
    );
    // The next copy of one entry says only that it copied.
    app.update(Msg::CopyOutcome(Ok("tmux"), "other".into()));
    assert_eq!(
        app.status.as_ref().map(|s| s.text.as_str()),
        Some("Copied (tmux)")
    );
}

#[test]
fn the_letter_hit_for_its_identity_opens_on_the_letter_not_on_a_remark() {
    let mut app = app();
    run(&mut app, &[Action::OpenSearch]);
    type_text(&mut app, "'18159");
    let Overlay::Search(sb) = &app.overlay else {
        panic!("search closed");
    };
    let index = app.index.clone().expect("index");
    let identity = sb
        .hits()
        .iter()
        .position(|h| index.entry(h.entry).id == "letter")
        .expect("the letter's identity is a hit");
    run(&mut app, &vec![Action::Down; identity]);
    run(&mut app, &[Action::Open]);
    let view = letter_view(&app);
    let current = view.matches()[view.current().expect("a match")];
    assert_eq!(current.line, letter_line(&app, "N/Réf. : 18159"));
}

#[test]
fn letter_scroll_is_bounded() {
    let mut app = app();
    run(&mut app, &[Action::ToggleLetter, Action::Last]);
    let lines = app.letter().len();
    assert_eq!(letter_view(&app).scroll(), lines - 1);
    run(&mut app, &[Action::Up]);
    assert_eq!(letter_view(&app).scroll(), lines - 2);
}

#[test]
fn a_letter_made_into_the_slot_is_the_one_opened() {
    let data = crate::data::load(None).expect("embedded").dataset;
    let mut app = App::new(data, Origin::File("pap.json".into()), Lang::En);
    let made = crate::data::letter(&app.data, &app.origin);
    assert!(app.letter_slot().set(std::sync::Arc::clone(&made)).is_ok());
    run(&mut app, &[Action::ToggleLetter]);
    assert!(matches!(app.overlay, Overlay::Letter(_)));
    assert!(std::ptr::eq(app.letter(), &*made));
    // Shown first, the app made it: the slot holds that one.
    let app = App::new(app.data.as_ref().clone(), app.origin.clone(), Lang::En);
    let slot = app.letter_slot();
    assert!(slot.get().is_none());
    let shown: *const Letter = app.letter();
    assert!(slot.get().is_some_and(|l| std::ptr::eq(&**l, shown)));
    assert!(slot.set(made).is_err());
}

/// `n` past the last match goes to the first and says so; `N` before the
/// first goes to the last and says so; a step inside the matches says nothing.
#[test]
fn n_and_shift_n_say_when_the_search_wraps() {
    let mut app = app();
    run(&mut app, &[Action::ToggleLetter, Action::FindInLetter]);
    type_text(&mut app, "montreal");
    run(&mut app, &[Action::Open]);
    let count = letter_view(&app).matches().len();
    assert_eq!(letter_view(&app).current(), Some(0));
    run(&mut app, &[Action::NextMatch]);
    assert_eq!(app.status, None, "no wrap, no word");
    run(&mut app, &vec![Action::NextMatch; count - 2]);
    assert_eq!(letter_view(&app).current(), Some(count - 1));
    assert_eq!(app.status, None);
    run(&mut app, &[Action::NextMatch]);
    assert_eq!(letter_view(&app).current(), Some(0));
    let status = app.status.clone().expect("a word on the wrap");
    assert_eq!(
        (status.text.as_str(), status.error),
        ("Search wrapped to the top", false)
    );
    run(
        &mut app,
        &[Action::SetLanguage(Lang::Fr), Action::PreviousMatch],
    );
    assert_eq!(letter_view(&app).current(), Some(count - 1));
    let status = app.status.clone().expect("a word on the wrap");
    assert_eq!(status.text, "Recherche reprise à la fin de la lettre");
    // From the screen's top with no current match: past the last line, round.
    let end = app.letter().len();
    if let Overlay::Letter(view) = &mut app.overlay {
        view.set_place(end, None);
    }
    run(&mut app, &[Action::NextMatch]);
    assert_eq!(letter_view(&app).current(), Some(0));
    assert!(app.status.is_some());
}
