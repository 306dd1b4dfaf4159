//! The letter's lines against the OCR: every cited text lands on the letter
//! lines that show it, checked character by character, independently of the
//! word alignment that placed it.

use super::*;
use unicode_normalization::UnicodeNormalization;

fn embedded_letter() -> Arc<Letter> {
    let data = crate::data::load(None).expect("embedded").dataset;
    letter(&data, &Origin::Embedded)
}

/// Letters and digits only, lower case, without accents: what is left of a
/// text once the OCR's misreadings of punctuation and spacing are set aside.
fn letters(text: &str) -> Vec<char> {
    text.replace(['œ', 'Œ'], "oe")
        .nfd()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The fewest edits that turn `needle` into some part of `hay` (Sellers).
fn edits_to_a_part(needle: &[char], hay: &[char]) -> usize {
    let mut previous = vec![0; hay.len() + 1];
    let mut current = vec![0; hay.len() + 1];
    for (i, &c) in needle.iter().enumerate() {
        current[0] = i + 1;
        for (j, &h) in hay.iter().enumerate() {
            current[j + 1] = (previous[j + 1] + 1)
                .min(current[j] + 1)
                .min(previous[j] + usize::from(c != h));
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous.into_iter().min().unwrap_or(0)
}

/// Every `source` entry of the embedded dataset, wherever it is.
fn every_source() -> Vec<(String, SourceLine)> {
    fn walk(path: &str, value: &serde_json::Value, out: &mut Vec<(String, SourceLine)>) {
        match value {
            serde_json::Value::Object(map) => {
                for (key, v) in map {
                    if key == "source" {
                        let lines: Vec<SourceLine> =
                            serde_json::from_value(v.clone()).expect("a source array");
                        out.extend(lines.into_iter().map(|s| (path.to_string(), s)));
                    } else {
                        walk(&format!("{path}.{key}"), v, out);
                    }
                }
            }
            serde_json::Value::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    walk(&format!("{path}[{i}]"), v, out);
                }
            }
            _ => {}
        }
    }
    let value: serde_json::Value =
        serde_json::from_str(crate::data::EMBEDDED_JSON).expect("the embedded JSON");
    let mut out = Vec::new();
    walk("", &value, &mut out);
    out
}

#[test]
fn every_cited_text_lands_on_the_letter_lines_that_show_it() {
    let letter = embedded_letter();
    let sources = every_source();
    assert!(sources.len() > 150, "{}", sources.len());
    let mut worst = (0.0f64, String::new());
    for (path, source) in &sources {
        let passage = letter
            .passage(source)
            .unwrap_or_else(|| panic!("{path}: l. {} is nowhere in the letter", source.line));
        // A quote is one OCR line: reflowed, it spans three letter lines at most.
        assert!(
            passage.last - passage.first <= 2,
            "{path}: l. {} spreads over {passage:?}",
            source.line
        );
        let shown: String = letter.lines()[passage.first..=passage.last]
            .iter()
            .map(|l| l.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let quote = letters(&source.text);
        let edits = edits_to_a_part(&quote, &letters(&shown));
        let share = edits as f64 / quote.len().max(1) as f64;
        if share > worst.0 {
            worst = (
                share,
                format!("{path} l. {}: {:?}", source.line, source.text),
            );
        }
        // The OCR's misreadings of a line, not another text: at most a quarter
        // of its letters edited (the worst, a Perspective Carrière whose
        // remark the OCR could not read, is about a fifth).
        assert!(
            edits <= 2 || share <= 0.25,
            "{path}: l. {} {:?} is not on letter lines {passage:?}:\n{shown}",
            source.line,
            source.text
        );
    }
    eprintln!("worst share of edits: {:.2} ({})", worst.0, worst.1);
}

/// The letter line (0-based) whose text contains `needle`.
fn line_with(letter: &Letter, needle: &str) -> usize {
    letter
        .lines()
        .iter()
        .position(|l| l.text.contains(needle))
        .unwrap_or_else(|| panic!("{needle:?} not in the letter"))
}

#[test]
fn the_gutter_shows_the_lines_a_detail_cites() {
    let letter = embedded_letter();
    let gutter = |needle: &str| letter.lines()[line_with(&letter, needle)].ocr;
    let one = |n| Some(OcrLines { first: n, last: n });
    assert_eq!(gutter("(SAFIMA)"), one(197));
    assert_eq!(gutter("international de Lanaudière (CRED"), one(196));
    assert_eq!(gutter("Lanaudière [14 Lanaudière]"), one(167));
    assert_eq!(gutter("Montréal [06 Montréal]"), one(264));
    assert_eq!(gutter("Estrie [05 Estrie]"), one(236));
    assert_eq!(gutter("    Laval                      61"), one(62));
    // Reflowed lines show the OCR lines they straddle.
    assert_eq!(
        gutter("s'applique aux documents détenus"),
        Some(OcrLines {
            first: 102,
            last: 104
        })
    );
    // The transcriber's remarks show no OCR line.
    assert_eq!(gutter("[Transcription corrigée"), None);
    assert_eq!(gutter("[Annexe]"), None);
}

#[test]
fn article_1_and_its_quote_open_where_the_letter_cites_it() {
    let letter = embedded_letter();
    let or_la_loi = line_with(&letter, "organisme. Or, la Loi");
    let passage = letter
        .passage(&SourceLine {
            line: 102,
            text: "Or, la Loi s’applique aux documents détenus par un organisme public dans".into(),
        })
        .expect("l. 102");
    assert_eq!(
        passage,
        LetterSpan {
            first: or_la_loi,
            last: or_la_loi + 1
        }
    );
    // A quote of part of a line lands on that part: the law's title in the
    // answer to question 3.
    let title = letter
        .passage(&SourceLine {
            line: 51,
            text: "la Loi sur I'accés".into(),
        })
        .expect("l. 51");
    assert_eq!(
        title,
        LetterSpan::line(line_with(&letter, "la Loi sur l'accès aux"))
    );
}

#[test]
fn noise_of_the_ocr_lands_nowhere() {
    let letter = embedded_letter();
    // The logo, a redaction box, page marks.
    for line in [7, 8, 96, 130, 168, 169, 170] {
        assert_eq!(letter.passage_at(line), None, "l. {line}");
    }
}

#[test]
fn the_embedded_letter_is_aligned_once() {
    let data = crate::data::load(None).expect("embedded").dataset;
    let a = letter(&data, &Origin::Embedded);
    let b = letter(&data, &Origin::Embedded);
    assert!(Arc::ptr_eq(&a, &b));
}

#[test]
fn a_dataset_letter_is_numbered_by_its_parts() {
    let data = crate::data::load(None).expect("embedded").dataset;
    let letter = letter(&data, &Origin::File("pap.json".into()));
    let safima = line_with(&letter, "(SAFIMA)");
    assert_eq!(
        letter.lines()[safima].ocr,
        Some(OcrLines {
            first: 197,
            last: 197
        })
    );
    let source = &data.organisation("safima").expect("safima").source[0];
    assert_eq!(letter.passage(source), Some(LetterSpan::line(safima)));
    // A funding row opens on its row, not on the answer that holds the table.
    let row = line_with(&letter, "(CSAI) — 4 200 $");
    assert_eq!(letter.passage_at(47), Some(LetterSpan::line(row)));
    // The law's title shows its own lines, not the answer that names it.
    let law = line_with(&letter, "(RLRQ, c. A-2.1)");
    assert_eq!(
        letter.lines()[law].ocr,
        Some(OcrLines {
            first: 134,
            last: 135
        })
    );
    // Every cited line is somewhere.
    for (path, source) in every_source() {
        assert!(
            letter.passage(&source).is_some(),
            "{path}: l. {}",
            source.line
        );
    }
}

#[test]
fn a_dataset_letter_is_made_safe_for_the_screen() {
    let mut data = crate::data::load(None).expect("embedded").dataset;
    data.document.subject = "Objet \u{1b}[2J\nsecond".into();
    let letter = letter(&data, &Origin::File("x.json".into()));
    assert!(
        letter
            .lines()
            .iter()
            .all(|l| !l.text.chars().any(crate::base::escape::is_unsafe_on_screen))
    );
    assert!(letter.lines().iter().any(|l| l.text == "second 18159"));
}

#[test]
fn a_dataset_letter_lists_each_organisation_under_each_of_its_regions() {
    let mut data = crate::data::load(None).expect("embedded").dataset;
    // A code repeated in one organisation's list still lists it once there.
    let perspectives = data
        .organisations
        .iter_mut()
        .find(|o| o.id == "perspectives-carrieres")
        .expect("perspectives-carrieres");
    let first = perspectives.regions[0].clone();
    perspectives.regions.push(first);
    let safima = data.organisations.iter_mut().find(|o| o.id == "safima");
    safima.expect("safima").name = "SAFIMA \u{1b}[2J".into();
    let letter = letter(&data, &Origin::File("x.json".into()));
    let lines: Vec<&str> = letter.lines().iter().map(|l| l.text.as_str()).collect();
    for r in &data.regions {
        let heading = format!("{} [{}]", r.name, r.code);
        let Some(at) = lines.iter().position(|l| *l == heading) else {
            assert_eq!(data.organisations_in(&r.code).count(), 0, "{heading}");
            continue;
        };
        let listed: Vec<&str> = lines[at + 1..]
            .iter()
            .take_while(|l| l.starts_with("  - "))
            .copied()
            .collect();
        let expected: Vec<String> = data
            .organisations_in(&r.code)
            .map(|o| {
                crate::base::escape::screen_line(&format!("  - {}", o.display_name())).into_owned()
            })
            .collect();
        assert_eq!(listed, expected, "{heading}");
    }
    let count = |text: &str| lines.iter().filter(|l| **l == text).count();
    assert_eq!(count("  - Perspectives Carrières"), 3);
    assert_eq!(count("  - SAFIMA \\x1B[2J (SAFIMA)"), 1);
}

#[test]
fn a_dataset_letter_opens_a_part_of_several_lines_on_its_first() {
    let data = crate::data::load(None).expect("embedded").dataset;
    let letter = letter(&data, &Origin::File("pap.json".into()));
    // The signature is one part of two lines: its first line opens.
    let signatory = &data.document.signatory;
    let signed = line_with(&letter, &signatory.name);
    assert!(letter.lines()[signed + 1].text.contains(&signatory.title));
    let source = signatory.source.first().expect("a source line");
    assert_eq!(letter.passage(source), Some(LetterSpan::line(signed)));
    // An article's text and its history cite the same lines: the text opens.
    let article = data.article("53").expect("article 53");
    let text = line_with(&letter, "53. Les renseignements personnels");
    assert_eq!(
        letter.passage(&article.source[0]),
        Some(LetterSpan::line(text))
    );
}
