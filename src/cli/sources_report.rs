//! `validate --sources`: the provenance report of `data::provenance` printed as
//! a table (one row per value: field, value, lines, verdict) or as JSON, with
//! exit status 1 on any mismatch or missing line.

use std::path::Path;
use std::process::ExitCode;

use super::text_table::{Table, to_json};
use super::{ValidateFormat, emit, fail};
use crate::data::provenance::{self, Call, Check, Forgiven, Ocr, Report, Verdict};
use crate::data::{Dataset, EMBEDDED_OCR};
use crate::i18n::{Label, Lang, Message, ProvenanceWord, Text};

/// The widest a value is shown in the text report, in characters.
const VALUE_WIDTH: usize = 48;

pub fn run(data: &Dataset, ocr: Option<&Path>, format: ValidateFormat, lang: Lang) -> ExitCode {
    let read;
    let text = match ocr {
        None => EMBEDDED_OCR,
        Some(path) => match std::fs::read_to_string(path) {
            Ok(text) => {
                read = text;
                read.as_str()
            }
            Err(e) => {
                return fail(
                    lang,
                    lang.labelled(
                        path.display(),
                        lang.labelled(lang.word(ProvenanceWord::OcrUnreadable), e),
                    ),
                );
            }
        },
    };
    let report = provenance::check(data, &Ocr::new(text));
    let out = match format {
        ValidateFormat::Json => match to_json(&report) {
            Ok(json) => json,
            Err(e) => return fail(lang, e),
        },
        ValidateFormat::Text => text_report(&report, lang),
    };
    let code = emit(&out);
    if report.failures() > 0 {
        return ExitCode::from(1);
    }
    code
}

/// The report as a table, then its summary and what it leaves out.
pub(crate) fn text_report(report: &Report, lang: Lang) -> String {
    let colon = lang.word(Label::Colon);
    let mut table = Table::new(&[
        lang.word(ProvenanceWord::ColField),
        lang.word(ProvenanceWord::ColValue),
        lang.word(ProvenanceWord::ColLines),
        lang.word(ProvenanceWord::ColVerdict),
    ]);
    for check in &report.checks {
        table.push(vec![
            check.path.clone(),
            value(check, lang),
            lines(check, lang),
            verdict(&check.verdict, lang, colon),
        ]);
    }
    let count = |f: fn(&Verdict) -> bool| report.checks.iter().filter(|c| f(&c.verdict)).count();
    let summary = Message::new(Text::SourcesSummary)
        .with("values", report.checks.len())
        .with("exact", count(|v| matches!(v, Verdict::Exact)))
        .with(
            "variants",
            count(|v| matches!(v, Verdict::OcrVariant { .. })),
        )
        .with(
            "calls",
            count(|v| matches!(v, Verdict::JudgmentCall { .. })),
        )
        .with("mismatches", report.failures())
        .describe(lang);
    let mut out = table.to_text();
    out.push('\n');
    out.push_str(&summary);
    out.push('\n');
    if !report.regions_not_printed.is_empty() {
        out.push_str(&format!(
            "{}{colon}{}\n",
            lang.word(ProvenanceWord::RegionsNotPrinted),
            report.regions_not_printed.join(", ")
        ));
    }
    out.push_str(lang.word(ProvenanceWord::NotCompared));
    out.push('\n');
    out
}

fn value(check: &Check, lang: Lang) -> String {
    match &check.value {
        None => lang.word(ProvenanceWord::Blank).to_string(),
        Some(v) if v.chars().count() > VALUE_WIDTH => {
            let cut: String = v.chars().take(VALUE_WIDTH - 1).collect();
            format!("{cut}…")
        }
        Some(v) => v.clone(),
    }
}

/// `62`, `134–135`, `1, 3–5`; for a value that cites no line, where it was
/// found, said so.
fn lines(check: &Check, lang: Lang) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < check.lines.len() {
        let first = check.lines[i];
        let mut last = first;
        while i + 1 < check.lines.len() && check.lines[i + 1] == last + 1 {
            i += 1;
            last = check.lines[i];
        }
        parts.push(if first == last {
            first.to_string()
        } else {
            format!("{first}–{last}")
        });
        i += 1;
    }
    let lines = parts.join(", ");
    if check.cited {
        lines
    } else if lines.is_empty() {
        "—".to_string()
    } else {
        format!("{lines} ({})", lang.word(ProvenanceWord::NotCited))
    }
}

fn verdict(verdict: &Verdict, lang: Lang, colon: &str) -> String {
    match verdict {
        Verdict::Exact => lang.word(ProvenanceWord::Exact).to_string(),
        Verdict::OcrVariant {
            forgiven,
            differences,
        } => {
            let named: Vec<&str> = forgiven.iter().map(|f| forgiven_word(*f, lang)).collect();
            let mut out = format!(
                "{} ({})",
                lang.word(ProvenanceWord::OcrVariant),
                named.join(", ")
            );
            let shown: Vec<String> = differences
                .iter()
                .map(|d| format!("«{}» → «{}»", d.ocr, d.value))
                .collect();
            if !shown.is_empty() {
                out.push_str(colon);
                out.push_str(&shown.join("; "));
            }
            out
        }
        Verdict::JudgmentCall { call, printed } => {
            let why = match call {
                Call::PluralForSingular => lang.word(ProvenanceWord::PluralForSingular),
                Call::OfficialName => lang.word(ProvenanceWord::OfficialName),
                Call::BlankAsWithheld => lang.word(ProvenanceWord::BlankAsWithheld),
            };
            format!(
                "{}{colon}{why} «{printed}»",
                lang.word(ProvenanceWord::JudgmentCall)
            )
        }
        Verdict::Mismatch { printed } if printed.is_empty() => {
            format!(
                "{}{colon}{}",
                lang.word(ProvenanceWord::Mismatch),
                lang.word(ProvenanceWord::NothingFound)
            )
        }
        Verdict::Mismatch { printed } => {
            format!(
                "{}{colon}{} «{printed}»",
                lang.word(ProvenanceWord::Mismatch),
                lang.word(ProvenanceWord::Prints)
            )
        }
        Verdict::MissingLine { missing } => {
            let lines: Vec<String> = missing.iter().map(u32::to_string).collect();
            format!(
                "{}{colon}{} {}",
                lang.word(ProvenanceWord::MissingLine),
                lang.word(ProvenanceWord::NoSuchLine),
                lines.join(", ")
            )
        }
    }
}

fn forgiven_word(f: Forgiven, lang: Lang) -> &'static str {
    lang.word(match f {
        Forgiven::Case => ProvenanceWord::ForgivenCase,
        Forgiven::AccentDropped => ProvenanceWord::ForgivenAccentDropped,
        Forgiven::AccentChanged => ProvenanceWord::ForgivenAccentChanged,
        Forgiven::Apostrophe => ProvenanceWord::ForgivenApostrophe,
        Forgiven::Dash => ProvenanceWord::ForgivenDash,
        Forgiven::Glyph => ProvenanceWord::ForgivenGlyph,
        Forgiven::Spacing => ProvenanceWord::ForgivenSpacing,
        Forgiven::LineBreak => ProvenanceWord::ForgivenLineBreak,
        Forgiven::SpacedThousands => ProvenanceWord::ForgivenSpacedThousands,
        Forgiven::PercentForDollar => ProvenanceWord::ForgivenPercentForDollar,
    })
}
