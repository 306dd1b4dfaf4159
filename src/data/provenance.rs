//! Provenance you can run: every value of a dataset the letter prints (names,
//! acronyms, counts, amounts, dates, article numbers) checked against the OCR
//! text of the lines it cites, each with a verdict: exact, an OCR variant with
//! what was forgiven, a judgment call of the transcription, or a mismatch.

mod compare;
mod printed_figures;
mod values;

use serde::Serialize;

pub(crate) use compare::{Forgiven, Found, find_text, same_word};
pub(crate) use printed_figures::{find_date, find_number, numbers};
pub(crate) use values::check;

use super::model::SourceLine;

/// The OCR text a dataset's `source` lines are numbered in.
#[derive(Debug, Clone)]
pub(crate) struct Ocr<'a> {
    lines: Vec<&'a str>,
}

impl<'a> Ocr<'a> {
    pub(crate) fn new(text: &'a str) -> Ocr<'a> {
        Ocr {
            lines: text.lines().collect(),
        }
    }

    /// OCR line `number`, counted from 1; None past the end.
    pub fn line(&self, number: u32) -> Option<&'a str> {
        let index = usize::try_from(number).ok()?.checked_sub(1)?;
        self.lines.get(index).copied()
    }

    pub fn len(&self) -> usize {
        self.lines.len()
    }

    fn is_blank(&self, number: u32) -> bool {
        self.line(number).is_none_or(|l| l.trim().is_empty())
    }
}

/// The words that differ between the OCR and the value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Difference {
    pub ocr: String,
    pub value: String,
}

/// A reading of the transcription that is not an OCR confusion, listed in
/// docs/data.md under "Judgment calls".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Call {
    /// One organisation printed in the plural elsewhere is printed here in
    /// the singular; the dataset keeps one name.
    PluralForSingular,
    /// A region's official name where the annex prints its own heading.
    OfficialName,
    /// A city's line with no number, read as a count withheld under the
    /// articles the letter invokes rather than as a count missing.
    BlankAsWithheld,
}

/// What the cited OCR lines say of a value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "verdict", rename_all = "snake_case")]
pub(crate) enum Verdict {
    /// Printed as the value has it.
    Exact,
    /// Printed with OCR confusions only, each named.
    OcrVariant {
        forgiven: Vec<Forgiven>,
        differences: Vec<Difference>,
    },
    /// The transcription's reading of what is printed.
    JudgmentCall { call: Call, printed: String },
    /// The lines do not print the value.
    Mismatch { printed: String },
    /// Cited lines the OCR does not have.
    MissingLine { missing: Vec<u32> },
}

impl Verdict {
    /// True for the verdicts that make `validate --sources` fail.
    pub(crate) fn fails(&self) -> bool {
        matches!(self, Verdict::Mismatch { .. } | Verdict::MissingLine { .. })
    }

    fn from_found(found: &Found) -> Verdict {
        if found.is_exact() {
            Verdict::Exact
        } else {
            Verdict::OcrVariant {
                forgiven: found.forgiven.clone(),
                differences: found
                    .differences
                    .iter()
                    .map(|(ocr, value)| Difference {
                        ocr: ocr.clone(),
                        value: value.clone(),
                    })
                    .collect(),
            }
        }
    }
}

/// One value and its verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Check {
    /// Where the value is in the dataset, e.g. `cities[0].count`.
    pub path: String,
    /// The value, as text; None for a count the dataset does not give.
    pub value: Option<String>,
    /// The OCR lines the verdict rests on: where the value was found, else
    /// the lines it cites.
    pub lines: Vec<u32>,
    /// False when the dataset cites no line for the value (the letter's
    /// heading fields): it was looked for in the whole OCR.
    pub cited: bool,
    #[serde(flatten)]
    pub verdict: Verdict,
}

/// Every check of a dataset, in the dataset's order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Report {
    pub checks: Vec<Check>,
    /// Regions the annex prints no heading for (their `source` is empty): the
    /// name is the official one, with nothing in the letter to check it against.
    pub regions_not_printed: Vec<String>,
}

impl Report {
    pub(crate) fn failures(&self) -> usize {
        self.checks.iter().filter(|c| c.verdict.fails()).count()
    }
}

/// What kind of value a check compares.
#[derive(Debug, Clone, Copy)]
pub(super) enum Kind<'a> {
    Text(&'a str),
    Number(u64),
    Amount(u64),
    Date(&'a str),
}

impl Kind<'_> {
    fn find(&self, text: &str) -> Option<Found> {
        match *self {
            Kind::Text(value) => find_text(value, text),
            Kind::Number(n) => find_number(n, text, false),
            Kind::Amount(n) => find_number(n, text, true),
            Kind::Date(iso) => find_date(iso, text),
        }
    }

    fn shown(&self) -> String {
        match *self {
            Kind::Text(value) | Kind::Date(value) => value.to_string(),
            Kind::Number(n) | Kind::Amount(n) => n.to_string(),
        }
    }
}

/// A string of digits is checked as a number (`18159`, `"53"`), anything else
/// as text.
pub(super) fn kind_of(value: &str) -> Kind<'_> {
    match value.parse::<u64>() {
        Ok(n) if value.bytes().all(|b| b.is_ascii_digit()) => Kind::Number(n),
        _ => Kind::Text(value),
    }
}

/// Consecutive OCR lines, blank lines between them allowed: one passage.
pub(super) type Run = Vec<u32>;

pub(super) struct Checker<'a> {
    pub(super) ocr: &'a Ocr<'a>,
    pub(super) checks: Vec<Check>,
}

impl<'a> Checker<'a> {
    /// The cited lines in passages: a line follows the one before when only
    /// blank lines lie between them.
    pub(super) fn runs(&self, source: &[SourceLine]) -> Vec<Run> {
        let mut runs: Vec<Run> = Vec::new();
        for s in source {
            match runs.last_mut() {
                Some(run)
                    if run.last().is_some_and(|&last| {
                        last < s.line && (last + 1..s.line).all(|l| self.ocr.is_blank(l))
                    }) =>
                {
                    run.push(s.line)
                }
                _ => runs.push(vec![s.line]),
            }
        }
        runs
    }

    /// The whole OCR as one passage, its blank lines left out.
    fn everything(&self) -> Vec<Run> {
        vec![
            (1..=self.ocr.len() as u32)
                .filter(|&l| !self.ocr.is_blank(l))
                .collect(),
        ]
    }

    /// The text of a run, lines joined by `\n`, and where each line starts.
    pub(super) fn text(&self, run: &Run) -> (String, Vec<usize>) {
        let mut text = String::new();
        let mut starts = Vec::with_capacity(run.len());
        for (k, &l) in run.iter().enumerate() {
            if k > 0 {
                text.push('\n');
            }
            starts.push(text.chars().count());
            text.push_str(self.ocr.line(l).unwrap_or_default());
        }
        (text, starts)
    }

    /// The lines of `run` that characters `start..end` of its text span.
    fn spanned(run: &Run, starts: &[usize], start: usize, end: usize) -> Vec<u32> {
        let last = end.saturating_sub(1).max(start);
        run.iter()
            .zip(starts)
            .enumerate()
            .filter(|&(k, (_, &from))| {
                let to = starts.get(k + 1).copied().unwrap_or(usize::MAX);
                from <= last && start < to
            })
            .map(|(_, (&l, _))| l)
            .collect()
    }

    /// Cited lines the OCR lacks.
    pub(super) fn missing(&self, source: &[SourceLine]) -> Vec<u32> {
        let mut missing: Vec<u32> = source
            .iter()
            .map(|s| s.line)
            .filter(|&l| self.ocr.line(l).is_none())
            .collect();
        missing.dedup();
        missing
    }

    /// The best place `kind` is found in `runs`: its verdict and lines; a
    /// mismatch with what the first run prints when none has it.
    pub(super) fn best(&self, kind: &Kind, runs: &[Run]) -> (Verdict, Vec<u32>) {
        let mut best: Option<(Found, Vec<u32>)> = None;
        for run in runs {
            let (text, starts) = self.text(run);
            if let Some(found) = kind.find(&text) {
                let better = best
                    .as_ref()
                    .is_none_or(|(b, _)| found.forgiven.len() < b.forgiven.len());
                if better {
                    let lines = Self::spanned(run, &starts, found.start, found.end);
                    best = Some((found, lines));
                }
            }
        }
        match best {
            Some((found, lines)) => (Verdict::from_found(&found), lines),
            None => (
                Verdict::Mismatch {
                    printed: runs.first().map(|r| self.printed(r)).unwrap_or_default(),
                },
                runs.iter().flatten().copied().collect(),
            ),
        }
    }

    /// What a run prints, on one line.
    pub(super) fn printed(&self, run: &Run) -> String {
        let (text, _) = self.text(run);
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    pub(super) fn push(
        &mut self,
        path: String,
        value: Option<String>,
        lines: Vec<u32>,
        verdict: Verdict,
    ) {
        self.checks.push(Check {
            path,
            value,
            lines,
            cited: true,
            verdict,
        });
    }

    /// Checks a value against the lines it cites, found in any one passage.
    pub(super) fn cited(&mut self, path: String, kind: Kind, source: &[SourceLine]) {
        let missing = self.missing(source);
        if !missing.is_empty() {
            let lines = source.iter().map(|s| s.line).collect();
            self.push(
                path,
                Some(kind.shown()),
                lines,
                Verdict::MissingLine { missing },
            );
            return;
        }
        let (verdict, lines) = self.best(&kind, &self.runs(source));
        self.push(path, Some(kind.shown()), lines, verdict);
    }

    /// Checks a value that cites no line against the whole OCR.
    pub(super) fn uncited(&mut self, path: String, kind: Kind) {
        let (verdict, lines) = self.best(&kind, &self.everything());
        let (verdict, lines) = match verdict {
            Verdict::Mismatch { .. } => (
                Verdict::Mismatch {
                    printed: String::new(),
                },
                Vec::new(),
            ),
            found => (found, lines),
        };
        self.checks.push(Check {
            path,
            value: Some(kind.shown()),
            lines,
            cited: false,
            verdict,
        });
    }
}

#[cfg(test)]
mod tests;
