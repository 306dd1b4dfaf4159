use super::*;
use crate::data::provenance::{find_date, find_number};

/// What finding `value` in `text` forgave; panics when it is not found.
#[track_caller]
fn forgiven(value: &str, text: &str) -> Vec<Forgiven> {
    find_text(value, text)
        .unwrap_or_else(|| panic!("{value:?} not found in {text:?}"))
        .forgiven
}

#[test]
fn the_same_text_is_exact() {
    let found = find_text("Laval", "\tLaval 61").unwrap();
    assert!(found.is_exact());
    assert_eq!((found.start, found.end), (1, 6));
    assert!(found.differences.is_empty());
}

#[test]
fn a_dropped_accent_is_forgiven_and_named() {
    let found = find_text("Orienthèque", "Orientheque").unwrap();
    assert_eq!(found.forgiven, [Forgiven::AccentDropped]);
    assert_eq!(
        found.differences,
        [("Orientheque".to_string(), "Orienthèque".to_string())]
    );
    assert_eq!(
        forgiven("à l'emploi", "a l'emploi"),
        [Forgiven::AccentDropped]
    );
}

#[test]
fn an_accent_changed_e_acute_for_e_grave_is_forgiven() {
    assert_eq!(
        forgiven("Alliance Carrière Travail", "Alliance Carriére Travail"),
        [Forgiven::AccentChanged]
    );
}

#[test]
fn case_is_forgiven() {
    assert_eq!(
        forgiven("Loi sur la protection", "LOI SUR LA PROTECTION"),
        [Forgiven::Case]
    );
}

#[test]
fn hyphens_and_dashes_are_forgiven() {
    assert_eq!(
        forgiven("Saguenay–Lac-Saint-Jean", "Saguenay-Lac-Saint-Jean"),
        [Forgiven::Dash]
    );
    assert_eq!(forgiven("a — b", "a - b"), [Forgiven::Dash]);
}

#[test]
fn a_line_break_is_forgiven_with_or_without_its_hyphen() {
    assert_eq!(
        forgiven(
            "des renseignements personnels",
            "des renseignements\npersonnels"
        ),
        [Forgiven::LineBreak]
    );
    assert_eq!(
        forgiven("cinquante-huit (58)", "a  cinquante-\nhuit (58) organismes"),
        [Forgiven::LineBreak]
    );
    // A line broken inside a word without a hyphen is not a line break.
    assert_eq!(find_text("cinquantehuit", "cinquante\nhuit"), None);
}

#[test]
fn the_ocr_apostrophe_and_glyphs_are_forgiven() {
    assert_eq!(forgiven("d'aide", "d’aide"), [Forgiven::Apostrophe]);
    assert_eq!(forgiven("l'emploi", "I'emploi"), [Forgiven::Glyph]);
    assert_eq!(
        forgiven("SANA La Haute", "SANA |a Haute"),
        [Forgiven::Glyph]
    );
    assert_eq!(forgiven("main-d'œuvre", "main-d'ceuvre"), [Forgiven::Glyph]);
    assert_eq!(forgiven("Mme", "M™e"), [Forgiven::Glyph]);
    assert_eq!(
        forgiven("d'Intercultures", "d’ Intercultures"),
        [Forgiven::Apostrophe, Forgiven::Spacing]
    );
}

#[test]
fn another_letter_is_not_forgiven() {
    assert_eq!(find_text("Lavel", "Laval 61"), None);
    assert_eq!(find_text("Perspectives", "Perspective Carriére"), None);
    // A digit is never a glyph of a letter.
    assert_eq!(find_text("Centre RIRE 2001", "Centre RIRE 2000"), None);
}

#[test]
fn a_value_is_found_as_whole_words_only() {
    assert_eq!(find_text("SANA", "SANAX Bonaventure"), None);
    assert_eq!(find_text("Laval", "Lavaltrie"), None);
    assert!(find_text("CSAI", "immigrants (CSAl)").is_some());
}

#[test]
fn spaced_thousands_and_percent_for_dollar_are_forgiven() {
    let found = find_number(4200, "Montréal 4 200%", true).unwrap();
    assert_eq!(
        found.forgiven,
        [Forgiven::SpacedThousands, Forgiven::PercentForDollar]
    );
    assert_eq!(
        found.differences,
        [("4 200%".to_string(), "4200".to_string())]
    );
    assert!(find_number(4200, "4200 $", true).unwrap().is_exact());
    // The % is the dollar sign only for an amount.
    assert_eq!(
        find_number(4200, "4 200%", false).unwrap().forgiven,
        [Forgiven::SpacedThousands]
    );
}

#[test]
fn a_different_digit_is_never_forgiven() {
    assert_eq!(find_number(62, "\tLaval 61", false), None);
    assert_eq!(find_number(4300, "Montréal 4 200%", true), None);
    // A part of a spaced number is not a number of its own.
    assert_eq!(find_number(4, "Montréal 4 200%", true), None);
    assert_eq!(find_number(200, "Montréal 4 200%", true), None);
    assert_eq!(find_number(6, "Laval 61", false), None);
}

#[test]
fn french_dates_are_read_with_their_month_forgiven_but_not_their_digits() {
    let text = "(Période du 12 aoit au 31 décembre\n2019)";
    let start = find_date("2019-08-12", text).unwrap();
    assert_eq!(start.forgiven, [Forgiven::Glyph]);
    assert_eq!(
        start.differences,
        [("aoit".to_string(), "août".to_string())]
    );
    assert_eq!(
        find_date("2019-12-31", text).unwrap().forgiven,
        [Forgiven::LineBreak]
    );
    assert!(
        find_date("2020-02-06", "Montréal, le 6 février 2020")
            .unwrap()
            .is_exact()
    );
    assert!(
        find_date("2020-03-01", "le 1er mars 2020")
            .unwrap()
            .is_exact()
    );
    assert_eq!(find_date("2019-08-13", text), None);
    assert_eq!(find_date("2018-12-31", text), None);
    assert_eq!(find_date("2019-09-12", text), None);
    assert_eq!(find_date("not a date", text), None);
}
