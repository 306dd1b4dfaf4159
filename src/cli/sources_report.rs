//! `validate --sources`: the provenance report of `data::provenance` printed as
//! a table (one row per value: field, value, lines, verdict) or as JSON, with
//! exit status 1 on any mismatch or missing line.

use std::path::Path;
use std::process::ExitCode;

use super::text_table::{Table, to_json};
use super::{ValidateFormat, emit, fail};
use crate::data::provenance::{self, Call, Check, Forgiven, Ocr, Report, Verdict};
use crate::data::{Dataset, EMBEDDED_OCR};
use crate::i18n::{Lang, Message, ProvenanceWords, Text};

/// The widest a value is shown in the text report, in characters.
const VALUE_WIDTH: usize = 48;

pub fn run(data: &Dataset, ocr: Option<&Path>, format: ValidateFormat, lang: Lang) -> ExitCode {
    let words = lang.provenance();
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
                    format!(
                        "{}{}{}{}{e}",
                        path.display(),
                        lang.strings().colon,
                        words.ocr_unreadable,
                        lang.strings().colon
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
    let words = lang.provenance();
    let colon = lang.strings().colon;
    let mut table = Table::new(&[
        words.col_field,
        words.col_value,
        words.col_lines,
        words.col_verdict,
    ]);
    for check in &report.checks {
        table.push(vec![
            check.path.clone(),
            value(check, words),
            lines(check, words),
            verdict(&check.verdict, words, colon),
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
            words.regions_not_printed,
            report.regions_not_printed.join(", ")
        ));
    }
    out.push_str(words.not_compared);
    out.push('\n');
    out
}

fn value(check: &Check, words: &ProvenanceWords) -> String {
    match &check.value {
        None => words.blank.to_string(),
        Some(v) if v.chars().count() > VALUE_WIDTH => {
            let cut: String = v.chars().take(VALUE_WIDTH - 1).collect();
            format!("{cut}…")
        }
        Some(v) => v.clone(),
    }
}

/// `62`, `134–135`, `1, 3–5`; for a value that cites no line, where it was
/// found, said so.
fn lines(check: &Check, words: &ProvenanceWords) -> String {
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
        format!("{lines} ({})", words.not_cited)
    }
}

fn verdict(verdict: &Verdict, words: &ProvenanceWords, colon: &str) -> String {
    match verdict {
        Verdict::Exact => words.exact.to_string(),
        Verdict::OcrVariant {
            forgiven,
            differences,
        } => {
            let named: Vec<&str> = forgiven.iter().map(|f| forgiven_word(*f, words)).collect();
            let mut out = format!("{} ({})", words.ocr_variant, named.join(", "));
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
                Call::PluralForSingular => words.plural_for_singular,
                Call::OfficialName => words.official_name,
                Call::BlankAsWithheld => words.blank_as_withheld,
            };
            format!("{}{colon}{why} «{printed}»", words.judgment_call)
        }
        Verdict::Mismatch { printed } if printed.is_empty() => {
            format!("{}{colon}{}", words.mismatch, words.nothing_found)
        }
        Verdict::Mismatch { printed } => {
            format!("{}{colon}{} «{printed}»", words.mismatch, words.prints)
        }
        Verdict::MissingLine { missing } => {
            let lines: Vec<String> = missing.iter().map(u32::to_string).collect();
            format!(
                "{}{colon}{} {}",
                words.missing_line,
                words.no_such_line,
                lines.join(", ")
            )
        }
    }
}

fn forgiven_word(f: Forgiven, words: &ProvenanceWords) -> &'static str {
    let i = Forgiven::ALL.iter().position(|&g| g == f).unwrap_or(0);
    words.forgiven[i]
}
