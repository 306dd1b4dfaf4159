//! fuzzy-matcher's `SkimMatcherV2` score (case respected) computed on ASCII
//! bytes, without allocating and the same on every call. The crate keeps its
//! score matrix between calls and reads bonuses left in it by the previous call,
//! so its score for a pattern of three or more letters can depend on which
//! entries a thread scored before (and its `use_cache(false)` panics). This one
//! always equals the crate's score from a new matcher, which property tests check.

use std::cell::RefCell;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

/// The crate's default `SkimScoreConfig`.
const SCORE_MATCH: i32 = 16;
const GAP_START: i32 = -3;
const GAP_EXTENSION: i32 = -1;
const BONUS_FIRST_CHAR_MULTIPLIER: i32 = 2;
const BONUS_HEAD: i32 = SCORE_MATCH / 2;
const BONUS_BREAK: i32 = SCORE_MATCH / 2 + GAP_EXTENSION;
const BONUS_CAMEL: i32 = SCORE_MATCH / 2 + 2 * GAP_EXTENSION;
const BONUS_CONSECUTIVE: i32 = -(GAP_START + GAP_EXTENSION);
const NEG_INFINITY: i32 = i16::MIN as i32;

/// A new matcher, for where this module does not apply (non-ASCII text, match
/// positions for highlighting): new, so that no earlier call sways it.
pub(crate) fn fresh_matcher() -> SkimMatcherV2 {
    SkimMatcherV2::default().respect_case()
}

/// One cell of the two score rows: best score with the pattern character
/// matched here (`m`), or skipped here (`p`), and the consecutive-match bonus.
#[derive(Debug, Clone, Copy)]
struct Cell {
    m: i32,
    p: i32,
    bonus: i32,
}

const EMPTY: Cell = Cell {
    m: NEG_INFINITY,
    p: NEG_INFINITY,
    bonus: 0,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CharType {
    Empty,
    Upper,
    Lower,
    Number,
    HardSep,
    SoftSep,
}

/// The type of every byte, looked up rather than matched: it is asked for
/// every byte of every candidate.
static CHAR_TYPES: [CharType; 256] = {
    let mut types = [CharType::Lower; 256];
    let mut b = 0;
    while b < 256 {
        types[b] = char_type(b as u8);
        b += 1;
    }
    types
};

const fn char_type(b: u8) -> CharType {
    match b {
        0 => CharType::Empty,
        b' ' | b'/' | b'\\' | b'|' | b'(' | b')' | b'[' | b']' | b'{' | b'}' => CharType::HardSep,
        b'!'..=b'\'' | b'*'..=b'.' | b':'..=b'@' | b'^'..=b'`' | b'~' => CharType::SoftSep,
        b'0'..=b'9' => CharType::Number,
        b'A'..=b'Z' => CharType::Upper,
        _ => CharType::Lower,
    }
}

/// Bonus for matching a character that starts a word, follows punctuation, or
/// is a capital after a small letter.
#[inline]
fn in_place_bonus(prev: CharType, cur: CharType) -> i32 {
    match (prev, cur) {
        (CharType::Empty | CharType::HardSep, _) => BONUS_HEAD,
        (CharType::SoftSep, _) => BONUS_BREAK,
        (CharType::Lower | CharType::Number, CharType::Upper) => BONUS_CAMEL,
        _ => 0,
    }
}

/// Buffers reused from call to call on one thread; every call sets them afresh.
#[derive(Default)]
struct Scratch {
    first_matches: Vec<usize>,
    bonuses: Vec<i32>,
    rows: Vec<Cell>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::default();
}

/// The skim score of `pattern` in `choice`, `None` when it is not a subsequence.
pub(crate) fn score(choice: &str, pattern: &str) -> Option<i64> {
    if choice.is_ascii() && pattern.is_ascii() {
        SCRATCH.with(|scratch| {
            ascii_score(
                &mut scratch.borrow_mut(),
                choice.as_bytes(),
                pattern.as_bytes(),
            )
        })
    } else {
        fresh_matcher().fuzzy_match(choice, pattern)
    }
}

/// The crate's `SkimMatcherV2::fuzzy` without positions, step by step, on bytes.
fn ascii_score(scratch: &mut Scratch, choice: &[u8], pattern: &[u8]) -> Option<i64> {
    match pattern {
        [] => return Some(0),
        &[p] => return single_score(choice, p),
        _ => {}
    }
    // The leftmost match of each pattern character; none means no match.
    let first = &mut scratch.first_matches;
    first.clear();
    let mut rest = pattern.iter().peekable();
    for (i, &c) in choice.iter().enumerate() {
        match rest.peek() {
            Some(&&p) if p == c => {
                first.push(i);
                rest.next();
            }
            Some(_) => {}
            None => break,
        }
    }
    if rest.peek().is_some() {
        return None;
    }

    let cols = choice.len() + 1;
    let bonuses = &mut scratch.bonuses;
    bonuses.clear();
    bonuses.push(0);
    let mut prev = CharType::Empty;
    for &c in choice {
        let cur = CHAR_TYPES[c as usize];
        bonuses.push(in_place_bonus(prev, cur));
        prev = cur;
    }
    if cols > 1 {
        bonuses[1] *= BONUS_FIRST_CHAR_MULTIPLIER;
    }

    // Two rows, used in turn: row `(i + 1) % 2` for pattern character `i`,
    // row 0 first holding the empty pattern.
    let rows = &mut scratch.rows;
    rows.clear();
    rows.resize(2 * cols, EMPTY);
    for cell in &mut rows[..cols] {
        cell.p = GAP_EXTENSION;
    }
    for (i, &p) in pattern.iter().enumerate() {
        let (even, odd) = rows.split_at_mut(cols);
        let (row, row_prev) = if i % 2 == 0 {
            (odd, &*even)
        } else {
            (even, &*odd)
        };
        // Column `col` is choice byte `col - 1`; a match at `col` reads the cell
        // before it on this row (`last`) and on the previous row (`before`).
        let to_skip = first[i];
        let (done, ahead) = row.split_at_mut(to_skip + 1);
        let mut last = &mut done[to_skip];
        let columns = ahead
            .iter_mut()
            .zip(&choice[to_skip..])
            .zip(&bonuses[to_skip + 1..])
            .zip(&row_prev[to_skip..]);
        for (((cell, &c), &in_place), before) in columns {
            if c == p {
                // Like the crate, this leaves the cell's own bonus as it was.
                let consecutive = last.bonus.max(in_place.max(BONUS_CONSECUTIVE));
                last.bonus = consecutive;
                let score_match = before.m + consecutive;
                let score_skip = before.p + in_place;
                cell.m = score_match.max(score_skip) + SCORE_MATCH;
            } else {
                cell.m = NEG_INFINITY;
                cell.bonus = 0;
            }
            let after_match = GAP_START + GAP_EXTENSION + last.m;
            let after_skip = GAP_EXTENSION + last.p;
            cell.p = after_match.max(after_skip);
            last = cell;
        }
    }
    let last_row = (pattern.len() & 1) * cols;
    let from = first[pattern.len() - 1];
    rows[last_row + from..last_row + cols]
        .iter()
        .map(|cell| cell.m)
        .max()
        .map(i64::from)
}

/// The same for a one-character pattern: on the first row every match scores
/// `SCORE_MATCH + GAP_EXTENSION` plus its in-place bonus (a consecutive match
/// has no earlier match to follow), and the best one wins. Only the matches
/// are looked at, and none after a word's head: no later one scores more.
fn single_score(choice: &[u8], p: u8) -> Option<i64> {
    let cur = CHAR_TYPES[p as usize];
    let mut best = None;
    for j in memchr::memchr_iter(p, choice) {
        let bonus = match j {
            0 => in_place_bonus(CharType::Empty, cur) * BONUS_FIRST_CHAR_MULTIPLIER,
            _ => in_place_bonus(CHAR_TYPES[choice[j - 1] as usize], cur),
        };
        best = best.max(Some(bonus));
        if j == 0 || bonus >= BONUS_HEAD {
            break;
        }
    }
    best.map(|bonus| i64::from(SCORE_MATCH + GAP_EXTENSION + bonus))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn fresh(choice: &str, pattern: &str) -> Option<i64> {
        fresh_matcher().fuzzy_match(choice, pattern)
    }

    fn ours(choice: &str, pattern: &str) -> Option<i64> {
        score(choice, pattern)
    }

    #[test]
    fn agrees_with_the_crate_on_french_labels() {
        let data = match crate::data::load(None) {
            Ok(loaded) => loaded.dataset,
            Err(e) => panic!("{e}"),
        };
        let patterns = [
            "e", "m", "mtl", "montreal", "int", "sana", "oeuvre", "aaa", "ee", "lle", "cje",
            "quebec", "s-j", "d'a", "(c", "immigr", "se", "tt",
        ];
        for entry in crate::search::entries(&data) {
            let all: Vec<&str> = entry.all_fields().map(|(_, text)| text).collect();
            let text = crate::search::fold_accents(&all.join(" "));
            for pattern in patterns {
                assert_eq!(
                    ours(&text, pattern),
                    fresh(&text, pattern),
                    "{text:?} {pattern:?}"
                );
            }
        }
    }

    #[test]
    fn falls_back_to_the_crate_beyond_ascii() {
        for (choice, pattern) in [("漢字 kanji", "kj"), ("ø ost", "os"), ("øst", "ø")] {
            assert_eq!(ours(choice, pattern), fresh(choice, pattern));
        }
    }

    #[test]
    fn edge_cases() {
        assert_eq!(ours("abc", ""), Some(0));
        assert_eq!(ours("", "a"), None);
        assert_eq!(ours("abc", "abcd"), None);
        assert_eq!(ours("abc", "ca"), None);
        for (choice, pattern) in [("a", "a"), ("\0a", "a"), ("aaa", "aaa"), ("A_b", "Ab")] {
            assert_eq!(ours(choice, pattern), fresh(choice, pattern), "{choice:?}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2_000))]

        /// Letters, repeats, capitals, digits and every kind of separator.
        #[test]
        fn agrees_with_the_crate_on_a_fresh_matrix(
            choice in "[aabeE0 /_.'(-]{0,40}",
            pattern in "[aabe0 -]{1,6}",
        ) {
            prop_assert_eq!(ours(&choice, &pattern), fresh(&choice, &pattern));
        }

        #[test]
        fn agrees_on_any_ascii(choice in "[ -~]{0,30}", pattern in "[ -~]{1,4}") {
            prop_assert_eq!(ours(&choice, &pattern), fresh(&choice, &pattern));
        }
    }
}
