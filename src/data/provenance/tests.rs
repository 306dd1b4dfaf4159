use super::*;
use crate::data::{Dataset, EMBEDDED_JSON, EMBEDDED_OCR, Origin, parse};

fn embedded() -> Dataset {
    parse(EMBEDDED_JSON, Origin::Embedded)
        .expect("the embedded dataset parses")
        .dataset
}

fn report(data: &Dataset) -> Report {
    check(data, &Ocr::new(EMBEDDED_OCR))
}

fn at<'a>(report: &'a Report, path: &str) -> Vec<&'a Check> {
    report.checks.iter().filter(|c| c.path == path).collect()
}

/// The rows a dataset must get: one per value the letter prints, an
/// organisation's name and acronym once per line that lists it.
fn expected_rows(data: &Dataset) -> usize {
    let d = &data.document;
    let heading = 8; // ministry, office, place, reference, subject, programme, two dates
    let answers: usize = d
        .questions
        .iter()
        .flat_map(|q| &q.answers)
        .map(|a| a.articles.len() + usize::from(a.reference_request.is_some()))
        .sum();
    let document = heading + 1 + d.questions.len() + answers + 2 + 4 + 3;
    let regions = data.regions.iter().filter(|r| !r.source.is_empty()).count();
    let organisations: usize = data
        .organisations
        .iter()
        .map(|o| o.source.len() * (1 + usize::from(o.acronym.is_some())))
        .sum();
    let cities: usize = data
        .cities
        .iter()
        .map(|c| 2 + c.withheld.as_ref().map_or(0, |w| w.articles.len()))
        .sum();
    document + regions + organisations + cities + 2 * data.funding.len() + data.articles.len()
}

#[test]
fn every_value_of_the_embedded_dataset_is_reported_and_none_is_a_mismatch() {
    let data = embedded();
    let report = report(&data);
    assert_eq!(report.checks.len(), expected_rows(&data));
    assert_eq!(report.checks.len(), 177);
    let failing: Vec<&Check> = report.checks.iter().filter(|c| c.verdict.fails()).collect();
    assert!(failing.is_empty(), "{failing:#?}");
    assert_eq!(report.failures(), 0);
    assert_eq!(report.regions_not_printed, ["01", "07", "09", "10"]);
    // Every row names the lines it rests on.
    assert!(report.checks.iter().all(|c| !c.lines.is_empty()));
    // Only the letter's heading cites no line.
    assert!(
        report
            .checks
            .iter()
            .filter(|c| !c.cited)
            .all(|c| c.path.starts_with("document.") && !c.path.contains('['))
    );
}

#[test]
fn the_transcriptions_judgment_calls_are_reported_as_such() {
    let report = report(&embedded());
    let perspectives = at(&report, "organisations[11].name");
    let lines: Vec<&[u32]> = perspectives.iter().map(|c| c.lines.as_slice()).collect();
    assert_eq!(lines, [&[191][..], &[195], &[201]]);
    assert!(matches!(
        perspectives[0].verdict,
        Verdict::OcrVariant { .. }
    ));
    assert_eq!(
        perspectives[2].verdict,
        Verdict::JudgmentCall {
            call: Call::PluralForSingular,
            printed: "Perspective Carriére (Mg /al e".to_string()
        }
    );
    let montreal = at(&report, "cities[16].count");
    assert_eq!(montreal[0].value, None);
    assert!(matches!(
        montreal[0].verdict,
        Verdict::JudgmentCall {
            call: Call::BlankAsWithheld,
            ..
        }
    ));
    assert!(matches!(
        at(&report, "regions[2].name")[0].verdict,
        Verdict::JudgmentCall {
            call: Call::OfficialName,
            ..
        }
    ));
    let gaspesie = at(&report, "organisations[28].name");
    assert_eq!(
        gaspesie[0].verdict,
        Verdict::OcrVariant {
            forgiven: vec![Forgiven::Glyph],
            differences: vec![Difference {
                ocr: "|a".to_string(),
                value: "La".to_string()
            }]
        }
    );
}

#[test]
fn a_changed_count_is_a_mismatch_at_its_line() {
    let mut data = embedded();
    data.cities[0].count = Some(62);
    let report = report(&data);
    assert_eq!(report.failures(), 1);
    let laval = at(&report, "cities[0].count")[0];
    assert_eq!(laval.value.as_deref(), Some("62"));
    assert_eq!(laval.lines, [62]);
    assert_eq!(
        laval.verdict,
        Verdict::Mismatch {
            printed: "Laval 61".to_string()
        }
    );
}

#[test]
fn a_changed_name_or_amount_is_a_mismatch() {
    let mut data = embedded();
    data.organisations[0].name = "Accès Emploi".to_string();
    data.funding[2].amount_cad = 6000;
    let report = report(&data);
    let failing: Vec<&str> = report
        .checks
        .iter()
        .filter(|c| c.verdict.fails())
        .map(|c| c.path.as_str())
        .collect();
    assert_eq!(failing, ["organisations[0].name", "funding[2].amount_cad"]);
}

#[test]
fn a_count_printed_where_the_dataset_says_withheld_is_a_mismatch() {
    let mut data = embedded();
    data.cities[0].count = None;
    data.cities[0].withheld = data.cities[5].withheld.clone();
    let report = report(&data);
    assert!(matches!(
        at(&report, "cities[0].count")[0].verdict,
        Verdict::Mismatch { .. }
    ));
}

#[test]
fn a_cited_line_the_ocr_does_not_have_is_reported() {
    let mut data = embedded();
    data.cities[1].source[0].line = 9999;
    let report = report(&data);
    let quebec = at(&report, "cities[1].name")[0];
    assert_eq!(
        quebec.verdict,
        Verdict::MissingLine {
            missing: vec![9999]
        }
    );
    assert!(quebec.verdict.fails());
    // A line 0 does not exist either: lines are counted from 1.
    data.cities[1].source[0].line = 0;
    assert!(report_fails_at(&data, "cities[1].count"));
}

fn report_fails_at(data: &Dataset, path: &str) -> bool {
    at(&report(data), path).iter().any(|c| c.verdict.fails())
}

#[test]
fn a_singular_is_a_judgment_call_only_where_another_line_prints_the_value() {
    let mut data = embedded();
    // Only the singular line left: nothing prints the name as the value has it.
    data.organisations[11].source.drain(..2);
    let report = report(&data);
    assert!(matches!(
        at(&report, "organisations[11].name")[0].verdict,
        Verdict::Mismatch { .. }
    ));
}

#[test]
fn an_ocr_text_counts_its_lines_from_1() {
    let ocr = Ocr::new("first\n\nthird\n");
    assert_eq!(ocr.len(), 3);
    assert_eq!(ocr.line(1), Some("first"));
    assert_eq!(ocr.line(3), Some("third"));
    assert_eq!(ocr.line(0), None);
    assert_eq!(ocr.line(4), None);
    assert_eq!(Ocr::new("").len(), 0);
}
