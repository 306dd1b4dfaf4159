//! How one term matches one folded field of an entry: whether it does, its
//! score, and the characters to highlight. A term never matches across fields,
//! so whatever finds an entry can be shown.

use fuzzy_matcher::FuzzyMatcher;
use memchr::memmem;

use super::query::{Term, TermKind};
use super::skim;

/// Text longer than this (in bytes) counts as long: a paragraph, an article, a
/// long name. In long text a fuzzy term must fall within one word (a typo such
/// as `famile` or `conset` still does), because letters scattered across a
/// paragraph are noise. The rule keeps matching monotone (a word holding `mon`
/// holds `mo`), which narrowing while typing relies on.
pub(super) const LONG_TEXT: usize = 64;

/// Bonus for a fuzzy term equal to the whole name, so `quebec` puts Québec first.
pub(super) const WHOLE_NAME_BONUS: i64 = 1_000;

/// Bonus for a term found as it is typed at the start of a word (`lanaud` in
/// Lanaudière), and more when it is the whole word (`montreal` in « de
/// Montréal »): such a match ranks above letters scattered over a long name.
const WORD_START_BONUS: i64 = 48;
const WHOLE_WORD_BONUS: i64 = 32;

/// Bonus for a match in the name over the same match in another field: an
/// entry called so comes before one that merely lies there.
const NAME_BONUS: i64 = 16;

/// What ends a word, for the long-text rule.
fn is_separator(b: u8) -> bool {
    matches!(b, b' ' | b'/' | b'.' | b',' | b';' | b':' | b'(' | b')')
}

/// What may stand inside a word, for word starts and whole words: letters and
/// digits, any non-ASCII character included.
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

/// True when the bytes of `needle` appear in order in `haystack`.
fn is_subsequence(needle: &[u8], haystack: &[u8]) -> bool {
    let mut rest = haystack;
    for &b in needle {
        match memchr::memchr(b, rest) {
            Some(i) => rest = &rest[i + 1..],
            None => return false,
        }
    }
    true
}

/// The words of long text, each with its byte offset, split at separators
/// (ASCII, so each word is a whole `str`).
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = text.as_bytes();
    let mut start = 0;
    std::iter::from_fn(move || {
        while start < bytes.len() {
            let from = start;
            let end = bytes[from..]
                .iter()
                .position(|&b| is_separator(b))
                .map_or(bytes.len(), |i| from + i);
            start = end + 1;
            if end > from {
                return Some((from, &text[from..end]));
            }
        }
        None
    })
}

/// The skim score of a fuzzy `needle` in folded `text`: anywhere in short
/// text, the best word's in long text. `None` when it does not match.
fn fuzzy_score(needle: &str, text: &str) -> Option<i64> {
    let n = needle.as_bytes();
    if let &[b] = n
        && b.is_ascii()
        && !is_separator(b)
    {
        // One letter: its best place in the whole text is its best place in
        // the best word with the separator before it, in one pass.
        return skim::score(text, needle);
    }
    if text.len() <= LONG_TEXT {
        if is_subsequence(n, text.as_bytes()) {
            skim::score(text, needle)
        } else {
            None
        }
    } else {
        words(text)
            .filter(|(_, w)| w.len() >= n.len() && is_subsequence(n, w.as_bytes()))
            .filter_map(|(at, w)| {
                let (_, scored) = in_context(text, at, w);
                skim::score(scored, needle)
            })
            .max()
    }
}

/// A word of `text` at byte `at`, with the separator before it when there is
/// one: skim then scores its first letter as a word start, not as the start
/// of the whole text, whose bonus is double. Returns the slice's offset.
fn in_context<'a>(text: &'a str, at: usize, word: &str) -> (usize, &'a str) {
    let from = at.saturating_sub(1);
    (from, &text[from..at + word.len()])
}

/// Where `needle` occurs in `text` starting a word, a whole word first: its
/// byte offset and whether it is the whole word.
fn word_occurrence(needle: &str, text: &str) -> Option<(usize, bool)> {
    let bytes = text.as_bytes();
    let mut first = None;
    for at in memmem::find_iter(bytes, needle.as_bytes()) {
        if at > 0 && is_word_byte(bytes[at - 1]) {
            continue;
        }
        let end = at + needle.len();
        if end == bytes.len() || !is_word_byte(bytes[end]) {
            return Some((at, true));
        }
        first = first.or(Some((at, false)));
    }
    first
}

/// The bonus for a term at a word start or as a whole word; none for one
/// letter, which some word starts with almost everywhere.
fn word_bonus(needle: &str, text: &str) -> i64 {
    if needle.len() < 2 {
        return 0;
    }
    match word_occurrence(needle, text) {
        Some((_, true)) => WORD_START_BONUS + WHOLE_WORD_BONUS,
        Some((_, false)) => WORD_START_BONUS,
        None => 0,
    }
}

/// The score of `term` in one folded field, `None` when it does not match
/// there. `name` says the field is the entry's name; prefix, suffix and
/// whole-name terms match nothing else.
pub(super) fn score(term: &Term, text: &str, name: bool) -> Option<i64> {
    let chars = || term.text.chars().count() as i64;
    match term.kind {
        TermKind::Fuzzy => {
            let base = fuzzy_score(&term.text, text)?;
            let bonus = match name {
                true if text == term.text => NAME_BONUS + WHOLE_NAME_BONUS,
                true => NAME_BONUS,
                false => 0,
            };
            Some(base + word_bonus(&term.text, text) + bonus)
        }
        TermKind::Exact => {
            memmem::find(text.as_bytes(), term.text.as_bytes())?;
            let weight = 16 * chars() * if name { 2 } else { 1 };
            Some(weight + word_bonus(&term.text, text))
        }
        TermKind::Prefix => (name && text.starts_with(&term.text)).then(|| 32 * chars()),
        TermKind::Suffix => (name && text.ends_with(&term.text)).then(|| 32 * chars()),
        TermKind::Whole => (name && text == term.text).then_some(WHOLE_NAME_BONUS),
    }
}

/// The characters of folded `text` to highlight for `term`, which [`score`]
/// found there: a contiguous match at a word start when there is one, else
/// the skim match (within its best word, in long text).
pub(super) fn positions(term: &Term, text: &str) -> Vec<usize> {
    let needle = term.text.as_str();
    let len = needle.chars().count();
    let char_at = |byte: usize| text[..byte].chars().count();
    let run = |byte: usize| {
        let start = char_at(byte);
        (start..start + len).collect()
    };
    match term.kind {
        TermKind::Fuzzy => {
            if needle.len() >= 2
                && let Some((at, _)) = word_occurrence(needle, text)
            {
                return run(at);
            }
            let matcher = skim::fresh_matcher();
            if text.len() <= LONG_TEXT {
                return matcher
                    .fuzzy_indices(text, needle)
                    .map_or_else(Vec::new, |(_, found)| found);
            }
            let mut best: Option<(i64, usize, Vec<usize>)> = None;
            for (at, word) in words(text) {
                let (from, scored) = in_context(text, at, word);
                if let Some((score, found)) = matcher.fuzzy_indices(scored, needle)
                    && best.as_ref().is_none_or(|b| score > b.0)
                {
                    best = Some((score, from, found));
                }
            }
            best.map_or_else(Vec::new, |(_, at, found)| {
                let offset = char_at(at);
                found.into_iter().map(|i| i + offset).collect()
            })
        }
        TermKind::Exact => word_occurrence(needle, text)
            .map(|(at, _)| at)
            .or_else(|| memmem::find(text.as_bytes(), needle.as_bytes()))
            .map_or_else(Vec::new, run),
        TermKind::Prefix | TermKind::Whole => (0..len).collect(),
        TermKind::Suffix => run(text.len() - needle.len()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::Query;

    fn term(input: &str) -> Term {
        match Query::parse(input).terms.pop() {
            Some(term) => term,
            None => panic!("{input:?} has no term"),
        }
    }

    #[test]
    fn long_text_needs_the_term_within_a_word() {
        let paragraph = "les renseignements personnels sont confidentiels sauf dans les cas suivants: la personne";
        assert!(paragraph.len() > LONG_TEXT);
        let found = |q: &str| score(&term(q), paragraph, false).is_some();
        assert!(found("confidentiel"));
        assert!(found("confidentels"));
        assert!(!found("toronto"));
        assert!(!found("lesrens"), "across two words");
        assert!(score(&term("stt"), "short text", false).is_some());
    }

    #[test]
    fn words_of_long_text() {
        let found: Vec<(usize, &str)> = words("a (bc) d,,e").collect();
        assert_eq!(found, [(0, "a"), (3, "bc"), (7, "d"), (10, "e")]);
        assert_eq!(words("").count(), 0);
    }

    #[test]
    fn word_starts_and_whole_words_score_above_scattered_letters() {
        let lanaud = term("lanaud");
        let region = score(&lanaud, "lanaudiere", false);
        let scattered = score(
            &lanaud,
            "clef pour l'integration au travail des immigrants (citim)",
            true,
        );
        assert!(region > scattered, "{region:?} {scattered:?}");
        let montreal = term("montreal");
        let word = score(&montreal, "centre d'action de montreal", false);
        let start = score(&montreal, "montrealais", false);
        assert!(word > start, "{word:?} {start:?}");
        assert_eq!(word_occurrence("ab", "xab ab"), Some((4, true)));
        assert_eq!(word_occurrence("ab", "xab abc"), Some((4, false)));
        assert_eq!(word_occurrence("ab", "xab"), None);
        assert_eq!(word_occurrence("oeuvre", "main-d'oeuvre"), Some((7, true)));
    }

    #[test]
    fn the_name_wins_a_tie() {
        let t = term("laval");
        assert!(score(&t, "laval", true) > score(&t, "laval", false));
        for anchored in ["^laval", "laval$", "^laval$"] {
            assert!(score(&term(anchored), "laval", false).is_none());
            assert!(score(&term(anchored), "laval", true).is_some());
        }
    }

    #[test]
    fn positions_are_what_matched() {
        let at = |q: &str, text: &str| positions(&term(q), text);
        assert_eq!(at("lanaud", "lanaudiere"), [0, 1, 2, 3, 4, 5]);
        assert_eq!(at("val", "laval, val-d'or"), [7, 8, 9], "the word start");
        assert_eq!(at("'val", "laval"), [2, 3, 4]);
        assert_eq!(at("sfm", "safima"), [0, 2, 4]);
        let long = "la personne qui a fait la demande peut en appeler a la commission";
        assert!(long.len() > LONG_TEXT);
        let found = at("comisn", long);
        assert_eq!(found.len(), 6);
        let word = long.len() - "commission".len();
        assert!(
            found.iter().all(|&i| i >= word),
            "within one word: {found:?}"
        );
        assert_eq!(at("tre$", "montreal centre"), [12, 13, 14]);
        assert_eq!(at("^mo", "montreal"), [0, 1]);
    }
}
