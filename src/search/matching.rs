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
    fn a_term_holding_a_separator_matches_no_word_of_long_text() {
        let paragraph =
            "services d'aide offerts en formation/emploi aux personnes immigrantes de la region";
        assert!(paragraph.len() > LONG_TEXT);
        // Each word is scored with the separator before it, for skim's word
        // start; that separator is not part of the word.
        assert!(score(&term("/empl"), paragraph, false).is_none());
        assert!(score(&term("empl"), paragraph, false).is_some());
        assert!(
            score(&term("/empl"), "formation/emploi", false).is_some(),
            "short text"
        );
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
    fn a_word_start_earns_a_bonus_from_two_letters_on_and_a_whole_word_more() {
        let text = "la tuque";
        // One letter starts some word almost everywhere: it earns nothing.
        assert_eq!(word_bonus("l", text), 0);
        assert_eq!(word_bonus("t", text), 0);
        assert_eq!(word_bonus("tu", text), WORD_START_BONUS);
        assert_eq!(word_bonus("la", text), WORD_START_BONUS + WHOLE_WORD_BONUS);
        assert_eq!(
            word_bonus("tuque", text),
            WORD_START_BONUS + WHOLE_WORD_BONUS
        );
        assert_eq!(word_bonus("uq", text), 0, "inside a word");
        assert_eq!(word_bonus("tuques", text), 0, "not there");
    }

    #[test]
    fn anchored_and_exact_terms_weigh_by_their_length_and_double_in_the_name() {
        let weight = |q: &str, text: &str, name: bool| match score(&term(q), text, name) {
            Some(score) => score,
            None => panic!("{q:?} does not match {text:?}"),
        };
        // Inside a word, where no word bonus comes in.
        let text = "abcdef";
        for name in [false, true] {
            assert_eq!(weight("'cdef", text, name), 2 * weight("'cd", text, name));
        }
        assert_eq!(weight("'cd", text, true), 2 * weight("'cd", text, false));
        assert_eq!(weight("^abcd", text, true), 2 * weight("^ab", text, true));
        assert_eq!(weight("cdef$", text, true), 2 * weight("ef$", text, true));
    }

    #[test]
    fn a_fuzzy_term_scores_skims_score_plus_its_bonuses() {
        let fuzzy = |q: &str, text: &str, name: bool| score(&term(q), text, name);
        let skim = |q: &str, text: &str| skim::score(text, q);
        // Inside a word and outside the name: skim's score, no bonus.
        assert_eq!(fuzzy("ntr", "montreal", false), skim("ntr", "montreal"));
        // Each bonus is added to it, whatever skim gives.
        let start = skim("mont", "montreal").map(|s| s + WORD_START_BONUS);
        assert_eq!(fuzzy("mont", "montreal", false), start);
        assert_eq!(
            fuzzy("mont", "montreal", true),
            start.map(|s| s + NAME_BONUS)
        );
        let whole = skim("laval", "laval").map(|s| s + WORD_START_BONUS + WHOLE_WORD_BONUS);
        assert_eq!(fuzzy("laval", "laval", false), whole);
        assert_eq!(
            fuzzy("laval", "laval", true),
            whole.map(|s| s + NAME_BONUS + WHOLE_NAME_BONUS),
            "the whole name"
        );
    }

    #[test]
    fn an_exact_term_at_a_word_start_earns_the_word_bonus() {
        let exact = |q: &str| score(&term(q), "montreal", false);
        let gained = exact("'mont")
            .zip(exact("'ontr"))
            .map(|(s, inside)| s - inside);
        assert_eq!(gained, Some(WORD_START_BONUS));
    }

    #[test]
    fn one_separator_alone_matches_no_word_of_long_text() {
        let paragraph =
            "services d'aide offerts en formation/emploi aux personnes immigrantes de la region";
        assert!(paragraph.len() > LONG_TEXT);
        assert!(score(&term("/"), paragraph, false).is_none());
        assert!(
            score(&term("/"), "formation/emploi", false).is_some(),
            "short text"
        );
    }

    #[test]
    fn in_long_text_the_first_of_the_best_words_is_highlighted() {
        let long = "la personne qui a fait la demande et toute autre personne peuvent en appeler";
        assert!(long.len() > LONG_TEXT);
        let found = positions(&term("prsn"), long);
        let first = long.find("personne").unwrap_or(usize::MAX);
        let second = long.rfind("personne").unwrap_or(0);
        assert_eq!(found.len(), 4);
        assert!(
            found.iter().all(|&i| i >= first && i < first + 8),
            "{found:?}, not the second at {second}"
        );
        // The best word, not merely the first that holds the letters.
        let long = "le dromadaire-nord du texte, puis la demande de revision du dossier";
        assert!(long.len() > LONG_TEXT);
        let found = positions(&term("dmnd"), long);
        let best = long.find("demande").unwrap_or(usize::MAX);
        assert_eq!(found.len(), 4);
        assert!(found.iter().all(|&i| i >= best), "{found:?}");
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
        // A whole word before the start of the text, which skim would take.
        assert_eq!(
            at("montreal", "montrealais de montreal"),
            (15..23).collect::<Vec<_>>()
        );
        // Short text: letters across words, as score found them.
        assert_eq!(at("sfm", "sa fima"), [0, 3, 5]);
        assert_eq!(at("^mo", "montreal"), [0, 1]);
    }
}
