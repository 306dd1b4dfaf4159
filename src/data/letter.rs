//! The letter as the explorer shows it, line by line, each line with the OCR
//! lines it shows. For the embedded data that is the corrected transcription,
//! aligned word by word with the raw OCR (`align`); for a `--data` dataset, the
//! letter's parts as the dataset gives them, each with its own `source` lines.

mod align;

use std::sync::{Arc, OnceLock};

use super::{Dataset, Document, EMBEDDED_LETTER, Headcount, Organisation, Origin, SourceLine};
use crate::i18n::Lang;

/// The raw OCR that the embedded dataset's `source` lines are numbered in.
pub const EMBEDDED_OCR: &str = include_str!("../../assets/ocr.txt");

/// OCR lines `first..=last`, numbered from 1 as `source` numbers them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OcrLines {
    pub first: u32,
    pub last: u32,
}

/// Letter lines `first..=last`, numbered from 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LetterSpan {
    pub first: usize,
    pub last: usize,
}

impl LetterSpan {
    fn line(line: usize) -> LetterSpan {
        LetterSpan {
            first: line,
            last: line,
        }
    }

    fn union(self, other: LetterSpan) -> LetterSpan {
        LetterSpan {
            first: self.first.min(other.first),
            last: self.last.max(other.last),
        }
    }

    pub(crate) fn contains(&self, line: usize) -> bool {
        (self.first..=self.last).contains(&line)
    }
}

/// One line of the letter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LetterLine {
    /// The text, made safe for a terminal.
    pub text: String,
    /// The OCR lines whose text this line shows; none for blank lines and the
    /// transcriber's remarks.
    pub ocr: Option<OcrLines>,
}

/// The letter and the way back from a cited OCR line to the lines that show it.
#[derive(Debug, Clone)]
pub struct Letter {
    lines: Vec<LetterLine>,
    finder: Finder,
}

#[derive(Debug, Clone)]
enum Finder {
    /// The transcription aligned with the OCR: each OCR line's words, where
    /// they are in the line and the letter line each landed on.
    Aligned(Vec<Vec<align::PlacedWord>>),
    /// A letter built from the dataset: each part's source lines.
    Parts(Parts),
}

/// The parts of a built letter (a question, a city's row, an organisation),
/// each with its source lines and the first letter line that shows it. One
/// list of numbers for all of them: a large dataset has a part for each
/// organisation.
#[derive(Debug, Clone, Default)]
struct Parts {
    /// Every part's source lines, one part after another.
    numbers: Vec<u32>,
    /// For each part: where its numbers end in `numbers`, and its first line.
    parts: Vec<(usize, usize)>,
}

impl Parts {
    /// Each part's source lines and first letter line.
    fn iter(&self) -> impl Iterator<Item = (&[u32], usize)> {
        let starts = std::iter::once(0).chain(self.parts.iter().map(|&(end, _)| end));
        starts
            .zip(&self.parts)
            .map(|(start, &(end, first))| (&self.numbers[start..end], first))
    }
}

impl Letter {
    pub fn lines(&self) -> &[LetterLine] {
        &self.lines
    }

    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// The letter lines that show a cited text: the part of OCR line
    /// `source.line` that `source.text` quotes, or the whole OCR line when the
    /// quote is not in it.
    pub fn passage(&self, source: &SourceLine) -> Option<LetterSpan> {
        match &self.finder {
            Finder::Aligned(words) => {
                let index = usize::try_from(source.line).ok()?.checked_sub(1)?;
                let placed = words.get(index)?;
                let raw = EMBEDDED_OCR.lines().nth(index).unwrap_or_default();
                let quote = source.text.trim();
                let quoted = (!quote.is_empty())
                    .then(|| raw.find(quote).map(|at| at..at + quote.len()))
                    .flatten();
                let landed = |within: Option<&std::ops::Range<usize>>| {
                    placed
                        .iter()
                        .filter(|w| within.is_none_or(|r| w.start < r.end && w.end > r.start))
                        .filter_map(|w| w.letter_line)
                        .map(LetterSpan::line)
                        .reduce(LetterSpan::union)
                };
                landed(quoted.as_ref()).or_else(|| landed(None))
            }
            Finder::Parts(parts) => {
                // The most precise part citing the line: a funding row rather
                // than the answer that holds the whole table.
                parts
                    .iter()
                    .filter(|(lines, _)| lines.contains(&source.line))
                    .min_by_key(|(lines, _)| lines.len())
                    .map(|(_, first)| LetterSpan::line(first))
            }
        }
    }

    /// The letter lines that show every one of `sources`.
    pub(crate) fn passage_of(&self, sources: &[SourceLine]) -> Option<LetterSpan> {
        sources
            .iter()
            .filter_map(|s| self.passage(s))
            .reduce(LetterSpan::union)
    }

    #[cfg(test)]
    /// The letter lines that show OCR line `line`, whatever part of it.
    pub(crate) fn passage_at(&self, line: u32) -> Option<LetterSpan> {
        self.passage(&SourceLine {
            line,
            text: String::new(),
        })
    }
}

/// The letter for a dataset of this origin. The embedded one is aligned once
/// per process and shared.
pub fn letter(data: &Dataset, origin: &Origin) -> Arc<Letter> {
    static EMBEDDED: OnceLock<Arc<Letter>> = OnceLock::new();
    if *origin == Origin::Embedded {
        return Arc::clone(EMBEDDED.get_or_init(|| Arc::new(embedded())));
    }
    Arc::new(built(data))
}

/// The corrected transcription, aligned with the OCR.
fn embedded() -> Letter {
    let texts: Vec<&str> = EMBEDDED_LETTER.lines().collect();
    let ocr: Vec<&str> = EMBEDDED_OCR.lines().collect();
    let alignment = align::align(&ocr, &texts);
    let lines = texts
        .iter()
        .zip(alignment.gutter)
        .map(|(text, ocr)| LetterLine {
            text: crate::base::escape::screen_line(text).into_owned(),
            ocr,
        })
        .collect();
    Letter {
        lines,
        finder: Finder::Aligned(alignment.words),
    }
}

/// Lines of a letter built from a dataset, and its parts.
#[derive(Default)]
struct Builder {
    lines: Vec<LetterLine>,
    parts: Parts,
}

impl Builder {
    /// Adds `text` (one letter line per line of it) showing `source`.
    fn push(&mut self, text: &str, source: &[SourceLine]) {
        let ocr = self.part(source);
        for line in text.split('\n') {
            self.lines.push(LetterLine {
                text: crate::base::escape::screen_line(line).into_owned(),
                ocr,
            });
        }
    }

    /// [`Builder::push`] for a text made for the letter, kept rather than
    /// copied when it has nothing to escape.
    fn push_owned(&mut self, text: String, source: &[SourceLine]) {
        let plain = !text.contains('\n')
            && matches!(
                crate::base::escape::screen_line(&text),
                std::borrow::Cow::Borrowed(_)
            );
        if !plain {
            return self.push(&text, source);
        }
        let ocr = self.part(source);
        self.lines.push(LetterLine { text, ocr });
    }

    /// Starts a part at the next line, showing `source`; its gutter.
    fn part(&mut self, source: &[SourceLine]) -> Option<OcrLines> {
        let numbers = &mut self.parts.numbers;
        let start = numbers.len();
        numbers.extend(source.iter().map(|s| s.line));
        let ocr = gutter(&numbers[start..]);
        self.parts.parts.push((numbers.len(), self.lines.len()));
        ocr
    }

    fn blank(&mut self) {
        self.push("", &[]);
    }
}

/// What the gutter shows for a part: its first source line and those that
/// follow it in the OCR, a blank line apart at most (the law's title, not the
/// answer that also names it).
fn gutter(numbers: &[u32]) -> Option<OcrLines> {
    let (&first, rest) = numbers.split_first()?;
    let mut last = first;
    for &n in rest {
        if n > last && n <= last + 2 {
            last = n;
        } else if n > last {
            break;
        }
    }
    Some(OcrLines { first, last })
}

/// The letter of a `--data` dataset, from its parts, in the letter's order.
fn built(data: &Dataset) -> Letter {
    let d = &data.document;
    let mut b = Builder::default();
    b.heading(d);
    b.questions(d);
    b.funding(data);
    b.headcount(data);
    b.notes(d);
    b.signature(d);
    b.law(data);
    b.regions(data);
    Letter {
        lines: b.lines,
        finder: Finder::Parts(b.parts),
    }
}

impl Builder {
    /// The letterhead: ministry, office, place and date, subject and the
    /// programme, then a blank line.
    fn heading(&mut self, d: &Document) {
        for line in [
            d.ministry.clone(),
            d.office.clone(),
            format!("{}, {}", d.place, d.date),
            format!("{} {}", d.subject, d.reference),
            String::new(),
            d.programme.clone(),
        ] {
            self.push(&line, &[]);
        }
        self.blank();
    }

    /// Each question with its answers, a blank line after each.
    fn questions(&mut self, d: &Document) {
        for q in &d.questions {
            self.push(&format!("{}- {}", q.number, q.text), &q.source);
            for a in &q.answers {
                self.push(&format!("   {}", a.text), &a.source);
            }
            self.blank();
        }
    }

    /// The funding table: each organisation with its amount, in French as the
    /// letter's own words are, then a blank line.
    fn funding(&mut self, data: &Dataset) {
        let fr = Lang::Fr;
        for f in &data.funding {
            self.push(
                &format!("   {} — {}", f.organisation, fr.amount(f.amount_cad)),
                &f.source,
            );
        }
        self.blank();
    }

    /// The headcount period and each city's headcount, then a blank line.
    fn headcount(&mut self, data: &Dataset) {
        let fr = Lang::Fr;
        let period = &data.document.headcount_period;
        self.push(
            &format!("({} – {})", period.start, period.end),
            &period.source,
        );
        for c in &data.cities {
            let count = match c.headcount() {
                Headcount::Known(n) => n.to_string(),
                Headcount::Withheld(w) => fr.withheld_marker(&w.articles),
                Headcount::Missing => "?".to_string(),
            };
            self.push(&format!("   {} — {count}", c.name), &c.source);
        }
        self.blank();
    }

    /// The caveat, the deployment note and the review, a blank line after each.
    fn notes(&mut self, d: &Document) {
        for part in [&d.caveat, &d.deployment_note] {
            self.push(&part.text, &part.source);
            self.blank();
        }
        self.push(&d.review.text, &d.review.source);
        self.blank();
    }

    /// The signatory's name and title, then a blank line.
    fn signature(&mut self, d: &Document) {
        self.push(
            &format!(
                "{} {}\n{}",
                d.signatory.signed, d.signatory.name, d.signatory.title
            ),
            &d.signatory.source,
        );
        self.blank();
    }

    /// The law's title and citation, then each article with its history.
    fn law(&mut self, data: &Dataset) {
        let d = &data.document;
        self.push(
            &format!("{} ({})", d.law.title, d.law.citation),
            &d.law.source,
        );
        for a in &data.articles {
            let body = a.text.as_deref().or(a.paraphrase.as_deref()).unwrap_or("");
            self.push(&format!("{}. {body}", a.number), &a.source);
            if let Some(h) = &a.history {
                self.push(h, &a.source);
            }
        }
    }

    /// Each region that is cited or has organisations, with its organisations.
    fn regions(&mut self, data: &Dataset) {
        // Each region's organisations, in the dataset's order, from one pass
        // over them rather than one per region.
        let mut by_region: Vec<Vec<&Organisation>> = vec![Vec::new(); data.regions.len()];
        data.each_organisation_region(|i, o| by_region[i].push(o));
        for (r, organisations) in data.regions.iter().zip(by_region) {
            if r.source.is_empty() && organisations.is_empty() {
                continue;
            }
            self.blank();
            self.push(&format!("{} [{}]", r.name, r.code), &r.source);
            for o in organisations {
                let mut line = String::with_capacity(o.name.len() + 16);
                line.push_str("  - ");
                o.push_display_name(&mut line);
                self.push_owned(line, &o.source);
            }
        }
    }
}

#[cfg(test)]
mod tests;
