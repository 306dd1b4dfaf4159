//! Numbers and dates read from the OCR text a value cites: thousands set
//! apart by spaces, `%` for `$` and a month's letters are forgiven, a digit
//! never is.

use super::compare::{Forgiven, Found, same_word};
use crate::i18n::Lang;

/// A number as the text prints it: its digits, where they are, and whether
/// thousands are set apart by spaces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Number {
    pub value: u64,
    pub start: usize,
    pub end: usize,
    pub spaced: bool,
}

fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// Every number of `text`, in order: runs of digits, with groups of three
/// after a single space read as thousands (`4 200`).
pub(crate) fn numbers(text: &str) -> Vec<Number> {
    let c: Vec<char> = text.chars().collect();
    let digits_at = |at: usize| {
        let mut end = at;
        while end < c.len() && c[end].is_ascii_digit() {
            end += 1;
        }
        end
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < c.len() {
        if !c[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = digits_at(i);
        let mut spaced = false;
        while end + 1 < c.len() && is_group_space(c[end]) && digits_at(end + 1) == end + 4 {
            end += 4;
            spaced = true;
        }
        let digits: String = c[start..end]
            .iter()
            .filter(|d| d.is_ascii_digit())
            .collect();
        if let Ok(value) = digits.parse::<u64>() {
            out.push(Number {
                value,
                start,
                end,
                spaced,
            });
        }
        i = end;
    }
    out
}

/// Finds the number `value` in `text`; with `dollars`, a `%` after it is
/// forgiven as the OCR's `$`.
pub(crate) fn find_number(value: u64, text: &str, dollars: bool) -> Option<Found> {
    let chars: Vec<char> = text.chars().collect();
    let n = numbers(text)
        .into_iter()
        .filter(|n| n.value == value)
        .min_by_key(|n| n.spaced)?;
    let mut forgiven = Vec::new();
    let mut differences = Vec::new();
    let mut end = n.end;
    if n.spaced {
        forgiven.push(Forgiven::SpacedThousands);
    }
    if dollars {
        let mut at = n.end;
        while at < chars.len() && is_group_space(chars[at]) {
            at += 1;
        }
        if chars.get(at) == Some(&'%') {
            forgiven.push(Forgiven::PercentForDollar);
            end = at + 1;
        }
    }
    if !forgiven.is_empty() {
        let printed: String = chars[n.start..end].iter().collect();
        differences.push((printed, value.to_string()));
    }
    Some(Found {
        start: n.start,
        end,
        forgiven,
        differences,
    })
}

/// Year, month and day of an ISO 8601 date (`2019-08-12`).
pub(crate) fn iso_date(text: &str) -> Option<(u64, usize, u64)> {
    let mut parts = text.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let (y, m, d) = (y.parse().ok()?, m.parse::<usize>().ok()?, d.parse().ok()?);
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((y, m, d))
}

/// Finds the ISO date `iso` written in French in `text` (`12 août 2019`,
/// `1er mars 2020`); a date of a range without its year (`du 12 août au 31
/// décembre 2019`) takes the next year the text prints.
pub(crate) fn find_date(iso: &str, text: &str) -> Option<Found> {
    let (year, month, day) = iso_date(iso)?;
    // The month as the letter writes it: French, as the interface names it.
    let month = Lang::Fr.month(month)?;
    let chars: Vec<char> = text.chars().collect();
    let numbers = numbers(text);
    for (k, n) in numbers.iter().enumerate() {
        if n.value != day || n.spaced {
            continue;
        }
        let mut at = n.end;
        if chars.get(at) == Some(&'e') && chars.get(at + 1) == Some(&'r') {
            at += 2;
        }
        let word_start = at + chars[at..].iter().take_while(|c| c.is_whitespace()).count();
        if word_start == at {
            continue;
        }
        let word_end = word_start
            + chars[word_start..]
                .iter()
                .take_while(|c| !c.is_whitespace() && !c.is_ascii_digit())
                .count();
        let word: String = chars[word_start..word_end].iter().collect();
        let Some(month_found) = same_word(month, &word) else {
            continue;
        };
        let Some(y) = numbers[k + 1..]
            .iter()
            .find(|y| y.start >= word_end && (1000..=9999).contains(&y.value))
        else {
            continue;
        };
        if y.value != year {
            continue;
        }
        let adjacent = chars[word_end..y.start].iter().all(|c| c.is_whitespace());
        let mut forgiven = month_found.forgiven;
        if adjacent && chars[word_end..y.start].contains(&'\n') {
            forgiven.push(Forgiven::LineBreak);
        }
        forgiven.sort();
        let differences = month_found
            .differences
            .into_iter()
            .map(|(ocr, _)| (ocr, month.to_string()))
            .collect();
        return Some(Found {
            start: n.start,
            end: if adjacent { y.end } else { word_end },
            forgiven,
            differences,
        });
    }
    None
}
