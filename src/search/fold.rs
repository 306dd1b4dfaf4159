//! Folds French text for matching: accents and case dropped, ligatures spelt out,
//! typographic apostrophes made plain, with a map back to the original characters
//! so that highlights land on the letters the user sees.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Folded text and, for each of its characters, the index of the original
/// character it came from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Folded {
    pub text: String,
    pub origin: Vec<u32>,
}

/// The base letter, lowercase, of an accented Latin-1 letter.
fn latin1_base(c: char) -> Option<char> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => 'a',
        'ç' | 'Ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => 'i',
        'ñ' | 'Ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => 'u',
        'ý' | 'ÿ' | 'Ý' => 'y',
        _ => return None,
    })
}

/// Appends the folded form of one character to `out`.
fn fold_char(c: char, mut push: impl FnMut(char)) {
    match c {
        'œ' | 'Œ' => {
            push('o');
            push('e');
        }
        'æ' | 'Æ' => {
            push('a');
            push('e');
        }
        'ß' => {
            push('s');
            push('s');
        }
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{2032}' | '`' | '´' => push('\''),
        '\u{2010}'..='\u{2015}' | '\u{2212}' => push('-'),
        '\u{00A0}' | '\u{202F}' | '\u{2009}' => push(' '),
        c if c.is_ascii() => push(c.to_ascii_lowercase()),
        // The accented letters of French (and their Latin-1 neighbours) without
        // the cost of a decomposition; a test checks they agree with it.
        c => match latin1_base(c) {
            Some(base) => push(base),
            None => {
                for d in std::iter::once(c).nfd() {
                    if !is_combining_mark(d) {
                        for l in d.to_lowercase() {
                            push(l);
                        }
                    }
                }
            }
        },
    }
}

/// Folds `text`, keeping the map from folded characters to original ones.
pub fn fold(text: &str) -> Folded {
    let mut folded = Folded {
        text: String::with_capacity(text.len()),
        origin: Vec::with_capacity(text.len()),
    };
    for (i, c) in text.chars().enumerate() {
        fold_char(c, |f| {
            folded.text.push(f);
            folded.origin.push(i as u32);
        });
    }
    folded
}

/// Folds `text` without keeping the map.
pub fn fold_accents(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// Appends the folded form of `text` to `out`. Runs of plain ASCII (most of
/// a French name) are copied and lowercased at once; every other character
/// goes through [`fold_char`].
pub(crate) fn fold_into(text: &str, out: &mut String) {
    let mut rest = text;
    while !rest.is_empty() {
        let (plain, tail) = rest.split_at(plain_prefix(rest.as_bytes()));
        let start = out.len();
        out.push_str(plain);
        out[start..].make_ascii_lowercase();
        let mut chars = tail.chars();
        if let Some(c) = chars.next() {
            fold_char(c, |f| out.push(f));
        }
        rest = chars.as_str();
    }
}

/// The length of the longest prefix of `bytes` made of ASCII other than the
/// backquote (which folds to an apostrophe): eight bytes at a time, then one
/// by one.
fn plain_prefix(bytes: &[u8]) -> usize {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const HIGH: u64 = ONES * 0x80;
    const TICKS: u64 = ONES * b'`' as u64;
    let mut n = 0;
    while let Some(Ok(chunk)) = bytes.get(n..n + 8).map(<[u8; 8]>::try_from) {
        let word = u64::from_le_bytes(chunk);
        let ticks = word ^ TICKS;
        // Some byte has its high bit set, or some byte equals the backquote
        // (a zero byte in `ticks`).
        if (word | (ticks.wrapping_sub(ONES) & !ticks)) & HIGH != 0 {
            break;
        }
        n += 8;
    }
    n + bytes[n..]
        .iter()
        .position(|&b| !b.is_ascii() || b == b'`')
        .unwrap_or(bytes.len() - n)
}

/// Turns folded character indices into sorted, merged ranges `[start, end)` of
/// original character indices.
pub(crate) fn original_ranges(folded: &Folded, indices: &[usize]) -> Vec<(usize, usize)> {
    let mut chars: Vec<usize> = indices
        .iter()
        .filter_map(|&i| folded.origin.get(i).map(|&o| o as usize))
        .collect();
    chars.sort_unstable();
    chars.dedup();
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    for c in chars {
        match ranges.last_mut() {
            Some((_, end)) if *end == c => *end = c + 1,
            _ => ranges.push((c, c + 1)),
        }
    }
    ranges
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_french() {
        let cases = [
            ("Montréal", "montreal"),
            ("QUÉBEC", "quebec"),
            ("main-d'œuvre", "main-d'oeuvre"),
            ("Lanaudière", "lanaudiere"),
            ("d’Abitibi", "d'abitibi"),
            ("Île", "ile"),
            ("Ç à ê ï ô ù ÿ", "c a e i o u y"),
            ("Cæsar", "caesar"),
            ("Saint‑Jérôme", "saint-jerome"),
            ("漢字", "漢字"),
            ("", ""),
        ];
        for (raw, want) in cases {
            assert_eq!(fold_accents(raw), want, "{raw}");
            assert_eq!(fold(raw).text, want, "{raw}");
        }
    }

    proptest::proptest! {
        /// The ASCII runs of `fold_into` fold as each character on its own.
        #[test]
        fn fold_into_agrees_with_folding_each_character(
            text in "[ -~àéÉœŒ’`\u{301}\u{2010}ß漢]{0,40}|[a-zA-Z`]{0,30}"
        ) {
            let mut slow = String::new();
            for c in text.chars() {
                fold_char(c, |f| slow.push(f));
            }
            proptest::prop_assert_eq!(fold_accents(&text), slow);
        }
    }

    #[test]
    fn map_points_at_original_characters() {
        let f = fold("Œuvre é");
        assert_eq!(f.text, "oeuvre e");
        assert_eq!(f.origin, vec![0, 0, 1, 2, 3, 4, 5, 6]);
        // "oe" (both from Œ) and the final e: original chars 0 and 6.
        assert_eq!(original_ranges(&f, &[0, 1, 7]), vec![(0, 1), (6, 7)]);
        assert_eq!(original_ranges(&f, &[2, 3, 4]), vec![(1, 4)]);
    }

    #[test]
    fn latin1_shortcut_agrees_with_decomposition() {
        for c in '\u{80}'..='\u{24F}' {
            if let Some(base) = latin1_base(c) {
                let decomposed: String = std::iter::once(c)
                    .nfd()
                    .filter(|&d| !is_combining_mark(d))
                    .flat_map(char::to_lowercase)
                    .collect();
                assert_eq!(decomposed, base.to_string(), "{c}");
            }
        }
    }

    #[test]
    fn decomposed_input_folds_like_composed() {
        assert_eq!(fold_accents("Montre\u{301}al"), "montreal");
        let f = fold("e\u{301}t");
        assert_eq!(f.text, "et");
        assert_eq!(original_ranges(&f, &[1]), vec![(2, 3)]);
    }
}
