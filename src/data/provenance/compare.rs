//! The comparison of a text value with the OCR text it cites, letter by
//! letter, forgiving only OCR's known confusions and naming each one it forgave.

use serde::Serialize;

/// An OCR confusion a comparison forgave.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Forgiven {
    /// Upper and lower case (`MIFI`/`mifi`, a heading in capitals).
    Case,
    /// An accent the OCR lost (`Carriére` has one, `Orientheque` none).
    AccentDropped,
    /// An accent the OCR changed or added (`é` for `è`, `Ministére`).
    AccentChanged,
    /// The typographic apostrophe `’` for `'`.
    Apostrophe,
    /// A hyphen for a dash, or one dash for another.
    Dash,
    /// Letters of the same shape: `I` or `|` for `l`, `l` for `i`, `ce` for
    /// `œ`, `g` for `q` or `ç`, `™` for a superscript `m`, `"` for `'`.
    Glyph,
    /// A space the OCR added or doubled.
    Spacing,
    /// The value runs over the end of an OCR line.
    LineBreak,
    /// Thousands set apart by a space (`4 200`).
    SpacedThousands,
    /// `%` read for `$`.
    PercentForDollar,
}

impl Forgiven {
    pub(crate) const ALL: [Forgiven; 10] = [
        Forgiven::Case,
        Forgiven::AccentDropped,
        Forgiven::AccentChanged,
        Forgiven::Apostrophe,
        Forgiven::Dash,
        Forgiven::Glyph,
        Forgiven::Spacing,
        Forgiven::LineBreak,
        Forgiven::SpacedThousands,
        Forgiven::PercentForDollar,
    ];

    pub(super) fn bit(self) -> u16 {
        1 << self as u16
    }

    fn of(mask: u16) -> Vec<Forgiven> {
        Forgiven::ALL
            .into_iter()
            .filter(|f| mask & f.bit() != 0)
            .collect()
    }
}

/// Letters the OCR confuses by their shape, lower case: what the letter
/// prints, then what the OCR reads. Never a digit.
const GLYPHS: &[(&str, &str)] = &[
    ("l", "i"),
    ("i", "l"),
    ("l", "|"),
    ("i", "|"),
    ("î", "l"),
    ("œ", "ce"),
    ("ti", "’u"),
    ("ti", "'u"),
    ("ç", "g"),
    ("q", "g"),
    ("û", "i"),
    ("è", "eé"),
    ("m", "™"),
    ("'", "\""),
    ("’", "\""),
];

/// Where a value was found in a text, and what was forgiven to find it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    /// Character range of the text that matched.
    pub start: usize,
    pub end: usize,
    pub forgiven: Vec<Forgiven>,
    /// The words that differ: as the OCR reads them, then as the value has them.
    pub differences: Vec<(String, String)>,
}

impl Found {
    pub(crate) fn is_exact(&self) -> bool {
        self.forgiven.is_empty()
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ')
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑' | '–' | '—' | '−')
}

fn lower(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// A letter without its accents (`é` → `e`); other characters unchanged.
fn base(c: char) -> char {
    let mut out = c;
    unicode_normalization::char::decompose_canonical(c, |d| {
        if out == c && d.is_alphabetic() {
            out = d;
        }
    });
    out
}

/// What pairing value character `v` with OCR character `o` forgives: 0 for
/// the same character, None when they cannot be paired.
fn pair(v: char, o: char) -> Option<u16> {
    if v == o {
        return Some(if o == '\n' {
            Forgiven::LineBreak.bit()
        } else {
            0
        });
    }
    if v.is_whitespace() && o.is_whitespace() {
        return Some(if o == '\n' {
            Forgiven::LineBreak.bit()
        } else {
            0
        });
    }
    if is_apostrophe(v) && is_apostrophe(o) {
        return Some(Forgiven::Apostrophe.bit());
    }
    if is_dash(v) && is_dash(o) {
        return Some(Forgiven::Dash.bit());
    }
    let (lv, lo) = (lower(v), lower(o));
    let case = if v.is_uppercase() != o.is_uppercase() {
        Forgiven::Case.bit()
    } else {
        0
    };
    if lv == lo {
        return Some(Forgiven::Case.bit());
    }
    let (bv, bo) = (base(lv), base(lo));
    if bv == bo && bv.is_alphabetic() {
        let accent = if bo == lo {
            Forgiven::AccentDropped
        } else {
            Forgiven::AccentChanged
        };
        return Some(case | accent.bit());
    }
    None
}

/// True when `text[at..]` starts with `pattern`, letters compared in lower
/// case (`text` is in lower case already).
fn starts_with(text: &[char], at: usize, pattern: &str) -> bool {
    let mut i = at;
    for p in pattern.chars() {
        match text.get(i) {
            Some(&c) if c == p => i += 1,
            _ => return false,
        }
    }
    true
}

const NONE: u32 = u32::MAX;

/// One cell of the alignment: its cost, the cell it came from and what the
/// step forgave.
#[derive(Clone, Copy)]
struct Cell {
    cost: u32,
    from: (u32, u32),
    mask: u16,
}

/// Finds `value` in `text`, whole words at both ends, at the least cost in
/// forgiven characters. `text` holds OCR lines joined by `\n`. None when no
/// place matches even with every confusion forgiven.
pub(crate) fn find_text(value: &str, text: &str) -> Option<Found> {
    let v: Vec<char> = value.trim().chars().collect();
    let o: Vec<char> = text.chars().collect();
    if v.is_empty() {
        return None;
    }
    let (n, m) = (v.len(), o.len());
    let (vl, ol): (Vec<char>, Vec<char>) = (
        v.iter().map(|&c| lower(c)).collect(),
        o.iter().map(|&c| lower(c)).collect(),
    );
    let width = m + 1;
    let empty = Cell {
        cost: NONE,
        from: (NONE, NONE),
        mask: 0,
    };
    let mut cells = vec![empty; (n + 1) * width];
    let boundary_before = |j: usize| j == 0 || !o[j - 1].is_alphanumeric();
    for (j, cell) in cells.iter_mut().take(width).enumerate() {
        if boundary_before(j) {
            cell.cost = 0;
        }
    }
    for i in 0..=n {
        for j in 0..=m {
            let here = cells[i * width + j];
            if here.cost == NONE {
                continue;
            }
            let mut relax = |ni: usize, nj: usize, mask: u16| {
                let cost = here.cost + u32::from(mask != 0);
                let cell = &mut cells[ni * width + nj];
                if cost < cell.cost {
                    *cell = Cell {
                        cost,
                        from: (i as u32, j as u32),
                        mask,
                    };
                }
            };
            if i < n && j < m {
                if let Some(mask) = pair(v[i], o[j]) {
                    relax(i + 1, j + 1, mask);
                }
                // The same character costs nothing: no glyph can do better.
                let glyphs = if v[i] == o[j] { &[][..] } else { GLYPHS };
                for (printed, read) in glyphs {
                    if starts_with(&vl, i, printed) && starts_with(&ol, j, read) {
                        relax(
                            i + printed.chars().count(),
                            j + read.chars().count(),
                            Forgiven::Glyph.bit(),
                        );
                    }
                }
            }
            if j < m && o[j].is_whitespace() && i > 0 {
                let before = v[i - 1];
                let mask = if o[j] == '\n' || (j > 0 && o[j - 1] == '\n') {
                    (before.is_whitespace() || is_dash(before)).then_some(Forgiven::LineBreak)
                } else if before.is_whitespace() || is_apostrophe(before) {
                    Some(Forgiven::Spacing)
                } else {
                    None
                };
                if let Some(f) = mask {
                    relax(i, j + 1, f.bit());
                }
            }
        }
    }
    let end = (0..=m)
        .filter(|&j| j == m || !o[j].is_alphanumeric())
        .filter(|&j| cells[n * width + j].cost != NONE)
        .min_by_key(|&j| cells[n * width + j].cost)?;
    // Back along the alignment: what was forgiven, and where.
    let mut mask = 0u16;
    let mut steps = Vec::new();
    let (mut i, mut j) = (n, end);
    while i > 0 {
        let cell = cells[i * width + j];
        let (pi, pj) = (cell.from.0 as usize, cell.from.1 as usize);
        mask |= cell.mask;
        steps.push((pi..i, pj..j, cell.mask));
        (i, j) = (pi, pj);
    }
    steps.reverse();
    let start = j;
    let differences = differences(&v, &o, &steps);
    Some(Found {
        start,
        end,
        forgiven: Forgiven::of(mask),
        differences,
    })
}

/// The words that hold a forgiven step, as the OCR reads them and as the
/// value has them; neighbouring words run together (a line break or a
/// space alone names no word).
fn differences(
    v: &[char],
    o: &[char],
    steps: &[(std::ops::Range<usize>, std::ops::Range<usize>, u16)],
) -> Vec<(String, String)> {
    // Where in the OCR each value character was read.
    let mut read = vec![(0usize, 0usize); v.len()];
    for (vr, or, _) in steps {
        for i in vr.clone() {
            read[i] = (or.start, or.end);
        }
    }
    let quiet = Forgiven::LineBreak.bit() | Forgiven::Spacing.bit();
    let mut words: Vec<(usize, usize)> = Vec::new();
    for (vr, _, mask) in steps {
        if mask & !quiet == 0 || vr.is_empty() {
            continue;
        }
        let mut a = vr.start;
        while a > 0 && !v[a - 1].is_whitespace() {
            a -= 1;
        }
        let mut b = vr.end;
        while b < v.len() && !v[b].is_whitespace() {
            b += 1;
        }
        match words.last_mut() {
            // The next word, or the same one: one difference.
            Some(last) if a <= last.1 + 1 => last.1 = last.1.max(b),
            _ => words.push((a, b)),
        }
    }
    words
        .into_iter()
        .map(|(a, b)| {
            let (from, to) = (read[a].0, read[b - 1].1.min(o.len()));
            let ocr: String = o[from..to.max(from)].iter().collect();
            let value: String = v[a..b].iter().collect();
            (ocr.split_whitespace().collect::<Vec<_>>().join(" "), value)
        })
        .collect()
}

/// Whether `value` is the whole of `word`, with the confusions forgiven.
pub(crate) fn same_word(value: &str, word: &str) -> Option<Found> {
    find_text(value, word).filter(|f| f.start == 0 && f.end == word.chars().count())
}

#[cfg(test)]
mod tests;
