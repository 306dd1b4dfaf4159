//! Which values of a dataset are checked, and against which lines: the
//! letter's heading against the whole OCR, every other value against its own
//! `source`, and the readings of the transcription that are judgment calls.

use super::{Call, Checker, Kind, Report, Verdict, find_text, kind_of, numbers, same_word};
use crate::data::model::{Dataset, SourceLine};

/// Checks every value of `data` against `ocr`.
pub(crate) fn check(data: &Dataset, ocr: &super::Ocr) -> Report {
    let mut c = Checker {
        ocr,
        checks: Vec::new(),
    };
    document(&mut c, data);
    let mut regions_not_printed = Vec::new();
    for (i, r) in data.regions.iter().enumerate() {
        if r.source.is_empty() {
            regions_not_printed.push(r.code.clone());
        } else {
            region(&mut c, i, &r.name, &r.source);
        }
    }
    for (i, o) in data.organisations.iter().enumerate() {
        each_listing(
            &mut c,
            format!("organisations[{i}].name"),
            &o.name,
            &o.source,
        );
        if let Some(a) = &o.acronym {
            each_listing(&mut c, format!("organisations[{i}].acronym"), a, &o.source);
        }
    }
    for (i, city) in data.cities.iter().enumerate() {
        c.cited(
            format!("cities[{i}].name"),
            Kind::Text(&city.name),
            &city.source,
        );
        let path = format!("cities[{i}].count");
        match (city.count, &city.withheld) {
            (Some(n), _) => c.cited(path, Kind::Number(n), &city.source),
            (None, withheld) => blank(&mut c, path, withheld.is_some(), &city.source),
        }
        if let Some(w) = &city.withheld {
            for (k, article) in w.articles.iter().enumerate() {
                // The city's line prints no article: the passage of the
                // letter that invokes it does.
                let invoking: Vec<SourceLine> = data
                    .document
                    .questions
                    .iter()
                    .flat_map(|q| &q.answers)
                    .filter(|a| a.articles.contains(article))
                    .flat_map(|a| a.source.iter().cloned())
                    .collect();
                c.cited(
                    format!("cities[{i}].withheld.articles[{k}]"),
                    kind_of(article),
                    &invoking,
                );
            }
        }
    }
    for (i, f) in data.funding.iter().enumerate() {
        c.cited(
            format!("funding[{i}].organisation"),
            Kind::Text(&f.organisation),
            &f.source,
        );
        c.cited(
            format!("funding[{i}].amount_cad"),
            Kind::Amount(f.amount_cad),
            &f.source,
        );
    }
    for (i, a) in data.articles.iter().enumerate() {
        c.cited(
            format!("articles[{i}].number"),
            kind_of(&a.number),
            &a.source,
        );
    }
    Report {
        checks: c.checks,
        regions_not_printed,
    }
}

/// The letter's own values: its heading (which cites no line), the Act, the
/// questions and answers, the period of the counts, the review and the
/// signature.
fn document(c: &mut Checker, data: &Dataset) {
    let d = &data.document;
    for (name, value) in [
        ("ministry", &d.ministry),
        ("office", &d.office),
        ("place", &d.place),
        ("reference", &d.reference),
        ("subject", &d.subject),
        ("programme", &d.programme),
    ] {
        c.uncited(format!("document.{name}"), kind_of(value));
    }
    c.uncited("document.date".to_string(), Kind::Date(&d.date));
    c.uncited(
        "document.request_received".to_string(),
        Kind::Date(&d.request_received),
    );
    c.cited(
        "document.law.title".to_string(),
        Kind::Text(&d.law.title),
        &d.law.source,
    );
    for (i, q) in d.questions.iter().enumerate() {
        c.cited(
            format!("document.questions[{i}].number"),
            Kind::Number(u64::from(q.number)),
            &q.source,
        );
        for (j, a) in q.answers.iter().enumerate() {
            let at = format!("document.questions[{i}].answers[{j}]");
            for (k, article) in a.articles.iter().enumerate() {
                c.cited(format!("{at}.articles[{k}]"), kind_of(article), &a.source);
            }
            if let Some(r) = &a.reference_request {
                c.cited(format!("{at}.reference_request"), kind_of(r), &a.source);
            }
        }
    }
    let p = &d.headcount_period;
    c.cited(
        "document.headcount_period.start".to_string(),
        Kind::Date(&p.start),
        &p.source,
    );
    c.cited(
        "document.headcount_period.end".to_string(),
        Kind::Date(&p.end),
        &p.source,
    );
    let r = &d.review;
    for (name, kind) in [
        ("body", Kind::Text(&r.body)),
        ("acronym", Kind::Text(&r.acronym)),
        ("days", Kind::Number(u64::from(r.days))),
        ("url", Kind::Text(&r.url)),
    ] {
        c.cited(format!("document.review.{name}"), kind, &r.source);
    }
    let s = &d.signatory;
    for (name, value) in [
        ("name", &s.name),
        ("title", &s.title),
        ("signed", &s.signed),
    ] {
        c.cited(
            format!("document.signatory.{name}"),
            Kind::Text(value),
            &s.source,
        );
    }
}

/// A region's name against its annex heading: the dataset has the official
/// name, so a heading that prints another form of it (its first word the
/// same, or cut short) is a judgment call, not a mismatch.
fn region(c: &mut Checker, i: usize, name: &str, source: &[SourceLine]) {
    c.cited(format!("regions[{i}].name"), Kind::Text(name), source);
    let Some(check) = c.checks.last_mut() else {
        return;
    };
    let Verdict::Mismatch { printed } = &check.verdict else {
        return;
    };
    let first = |text: &str| -> String {
        text.split(|ch: char| !ch.is_alphanumeric() && ch != '|')
            .find(|w| !w.is_empty())
            .unwrap_or_default()
            .to_string()
    };
    let (official, heading) = (first(name), first(printed));
    let length = heading.chars().count();
    let cut: String = official.chars().take(length).collect();
    if length >= 4 && same_word(&cut, &heading).is_some() {
        check.verdict = Verdict::JudgmentCall {
            call: Call::OfficialName,
            printed: printed.clone(),
        };
    }
}

/// A name printed on several lines, each listing on its own: one check per
/// passage. A listing that prints it in the singular where another prints it
/// as the value has it is a judgment call.
fn each_listing(c: &mut Checker, path: String, value: &str, source: &[SourceLine]) {
    let missing = c.missing(source);
    if !missing.is_empty() {
        let lines = source.iter().map(|s| s.line).collect();
        c.push(
            path,
            Some(value.to_string()),
            lines,
            Verdict::MissingLine { missing },
        );
        return;
    }
    let runs = c.runs(source);
    let first = c.checks.len();
    for run in &runs {
        let (verdict, lines) = c.best(&Kind::Text(value), std::slice::from_ref(run));
        c.push(path.clone(), Some(value.to_string()), lines, verdict);
    }
    let any_found = c.checks[first..].iter().any(|k| !k.verdict.fails());
    let singular = singular(value);
    let texts: Vec<String> = runs.iter().map(|r| c.text(r).0).collect();
    for (check, text) in c.checks[first..].iter_mut().zip(&texts) {
        let Verdict::Mismatch { printed } = &check.verdict else {
            continue;
        };
        if any_found && singular != value && find_text(&singular, text).is_some() {
            check.verdict = Verdict::JudgmentCall {
                call: Call::PluralForSingular,
                printed: printed.clone(),
            };
        }
    }
}

/// `value` with the plural `s` of each word dropped.
fn singular(value: &str) -> String {
    value
        .split(' ')
        .map(|w| match w.strip_suffix('s') {
            Some(stem) if stem.chars().count() > 2 => stem,
            _ => w,
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A count the dataset does not give: the city's line must print no number.
/// Withheld, it is the transcription's reading of the blank; neither given nor
/// withheld, a mismatch.
fn blank(c: &mut Checker, path: String, withheld: bool, source: &[SourceLine]) {
    let missing = c.missing(source);
    let lines: Vec<u32> = source.iter().map(|s| s.line).collect();
    if !missing.is_empty() {
        c.push(path, None, lines, Verdict::MissingLine { missing });
        return;
    }
    let runs = c.runs(source);
    let printed = runs
        .iter()
        .map(|r| c.printed(r))
        .collect::<Vec<_>>()
        .join(" ");
    let verdict = if withheld && numbers(&printed).is_empty() {
        Verdict::JudgmentCall {
            call: Call::BlankAsWithheld,
            printed,
        }
    } else {
        Verdict::Mismatch { printed }
    };
    c.push(path, None, lines, verdict);
}
