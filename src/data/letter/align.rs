//! Aligns the corrected letter with the raw OCR, word by word, so that each
//! letter line knows the OCR lines it shows and each OCR line the letter lines
//! it landed on. The corrected letter keeps the OCR's words in the OCR's
//! order, reflowed, with misreadings fixed and the transcriber's remarks (in
//! square brackets) added; only the annex's column headings come in another
//! order. So: one weighted longest common subsequence of the two word lists,
//! where a word matches its correction (one or two letters apart), then each
//! OCR line left with no word placed (a heading read before its column) is
//! looked for among the letter's words still free, nearest to where the OCR
//! was so far.

use std::collections::HashMap;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use super::OcrLines;

/// A word of an OCR line: its byte range in the line and the letter line it
/// landed on, if it landed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PlacedWord {
    pub start: usize,
    pub end: usize,
    pub letter_line: Option<usize>,
}

/// The alignment of the letter with the OCR.
pub(crate) struct Alignment {
    /// For each letter line, the OCR lines shown on it.
    pub gutter: Vec<Option<OcrLines>>,
    /// For each OCR line, its words.
    pub words: Vec<Vec<PlacedWord>>,
}

/// A word, folded (lower case, no accent, letters and digits only), with the
/// line it is on and its byte range there.
#[derive(Debug)]
struct Word {
    key: String,
    line: usize,
    start: usize,
    end: usize,
}

/// How far from the previous OCR line's place, in letter lines, a word left
/// over may be found: the annex's headings are at most a few columns away.
const MAX_DRIFT: usize = 60;

pub(crate) fn align(ocr: &[&str], letter: &[&str]) -> Alignment {
    let ocr_words = words(ocr.iter().copied());
    let letter_words = words(without_remarks(letter).iter().map(String::as_str));
    let similar = Similarity::new(&ocr_words, &letter_words);
    let mut matched = common_subsequence(&similar, ocr_words.len(), letter_words.len());
    place_leftover_lines(&ocr_words, &letter_words, &similar, &mut matched);

    let mut gutter: Vec<Option<OcrLines>> = vec![None; letter.len()];
    let mut placed: Vec<Vec<PlacedWord>> = vec![Vec::new(); ocr.len()];
    for (i, w) in ocr_words.iter().enumerate() {
        let letter_line = matched[i].map(|j| letter_words[j].line);
        placed[w.line].push(PlacedWord {
            start: w.start,
            end: w.end,
            letter_line,
        });
        if let Some(slot) = letter_line.and_then(|l| gutter.get_mut(l)) {
            let number = w.line as u32 + 1;
            *slot = Some(match *slot {
                None => OcrLines {
                    first: number,
                    last: number,
                },
                Some(o) => OcrLines {
                    first: o.first.min(number),
                    last: o.last.max(number),
                },
            });
        }
    }
    Alignment {
        gutter,
        words: placed,
    }
}

/// Appends the folded form of `c`, if it is a letter or a digit.
fn fold_word_char(c: char, out: &mut String) {
    match c {
        'œ' | 'Œ' => out.push_str("oe"),
        'æ' | 'Æ' => out.push_str("ae"),
        c => {
            for d in std::iter::once(c).nfd() {
                if d.is_alphanumeric() && !is_combining_mark(d) {
                    out.extend(d.to_lowercase());
                }
            }
        }
    }
}

/// Every word of `lines`, in order.
fn words<'a>(lines: impl Iterator<Item = &'a str>) -> Vec<Word> {
    let mut out = Vec::new();
    for (line, text) in lines.enumerate() {
        let mut key = String::new();
        let mut start = 0;
        for (at, c) in text.char_indices() {
            let before = key.len();
            fold_word_char(c, &mut key);
            if key.len() == before {
                if !key.is_empty() {
                    out.push(Word {
                        key: std::mem::take(&mut key),
                        line,
                        start,
                        end: at,
                    });
                }
            } else if before == 0 {
                start = at;
            }
        }
        if !key.is_empty() {
            out.push(Word {
                key,
                line,
                start,
                end: text.len(),
            });
        }
    }
    out
}

/// The letter's lines with the transcriber's remarks blanked out: text in
/// square brackets, which may span lines and quote the OCR between « and »
/// (brackets included, as in « a_m O [ 00 »).
fn without_remarks(letter: &[&str]) -> Vec<String> {
    let mut depth = 0usize;
    let mut quoted = false;
    letter
        .iter()
        .map(|line| {
            line.chars()
                .map(|c| {
                    let inside = depth > 0;
                    match c {
                        '«' if inside => quoted = true,
                        '»' if inside => quoted = false,
                        '[' if !quoted => depth += 1,
                        ']' if inside && !quoted => depth -= 1,
                        _ => {}
                    }
                    if inside || depth > 0 { ' ' } else { c }
                })
                .collect()
        })
        .collect()
}

/// How alike two words are: 2 the same, 1 a misreading of each other (one
/// letter apart, two in a long word), 0 different. Computed once per pair of
/// distinct words.
struct Similarity {
    ocr: Vec<u32>,
    letter: Vec<u32>,
    columns: usize,
    table: Vec<u8>,
}

impl Similarity {
    fn new(ocr: &[Word], letter: &[Word]) -> Similarity {
        fn intern(words: &[Word]) -> (Vec<u32>, Vec<&str>) {
            let mut ids: HashMap<&str, u32> = HashMap::new();
            let mut distinct = Vec::new();
            let numbered = words
                .iter()
                .map(|w| {
                    *ids.entry(w.key.as_str()).or_insert_with(|| {
                        distinct.push(w.key.as_str());
                        distinct.len() as u32 - 1
                    })
                })
                .collect();
            (numbered, distinct)
        }
        let (ocr_ids, ocr_keys) = intern(ocr);
        let (letter_ids, letter_keys) = intern(letter);
        let columns = letter_keys.len();
        let mut table = vec![0u8; ocr_keys.len() * columns];
        for (i, a) in ocr_keys.iter().enumerate() {
            for (j, b) in letter_keys.iter().enumerate() {
                table[i * columns + j] = alike(a, b);
            }
        }
        Similarity {
            ocr: ocr_ids,
            letter: letter_ids,
            columns,
            table,
        }
    }

    /// How alike OCR word `i` and letter word `j` are.
    fn of(&self, i: usize, j: usize) -> u8 {
        self.table[self.ocr[i] as usize * self.columns + self.letter[j] as usize]
    }
}

fn alike(a: &str, b: &str) -> u8 {
    if a == b {
        return 2;
    }
    let (la, lb) = (a.chars().count(), b.chars().count());
    let shorter = la.min(lb);
    // Short words are too alike to tell a misreading from another word.
    let allowed = match shorter {
        0..4 => return 0,
        4..8 => 1,
        _ => 2,
    };
    if la.abs_diff(lb) > allowed {
        return 0;
    }
    u8::from(edits_within(a, b, allowed))
}

/// Whether `a` becomes `b` in at most `limit` insertions, deletions or
/// substitutions.
fn edits_within(a: &str, b: &str, limit: usize) -> bool {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        current[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            current[j + 1] = (previous[j + 1] + 1)
                .min(current[j] + 1)
                .min(previous[j] + usize::from(ca != cb));
        }
        if current.iter().all(|&d| d > limit) {
            return false;
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()] <= limit
}

/// The common subsequence of the two word lists with the highest similarity:
/// for each OCR word, the letter word it matches.
fn common_subsequence(similar: &Similarity, n: usize, m: usize) -> Vec<Option<usize>> {
    let width = m + 1;
    // A score is at most 2 per word: u16 holds any letter of 30 000 words.
    let mut score = vec![0u16; (n + 1) * width];
    for i in 1..=n {
        for j in 1..=m {
            let up = score[(i - 1) * width + j];
            let left = score[i * width + j - 1];
            let mut best = up.max(left);
            let s = similar.of(i - 1, j - 1);
            if s > 0 {
                best = best.max(score[(i - 1) * width + j - 1] + u16::from(s));
            }
            score[i * width + j] = best;
        }
    }
    let mut matched = vec![None; n];
    let (mut i, mut j) = (n, m);
    while i > 0 && j > 0 {
        let here = score[i * width + j];
        let s = similar.of(i - 1, j - 1);
        if s > 0 && here == score[(i - 1) * width + j - 1] + u16::from(s) {
            matched[i - 1] = Some(j - 1);
            i -= 1;
            j -= 1;
        } else if here == score[(i - 1) * width + j] {
            i -= 1;
        } else {
            j -= 1;
        }
    }
    matched
}

/// Places the OCR lines that the subsequence left out entirely: their words of
/// three letters or more, found in a row among the letter's free words, at the
/// place nearest to where the previous OCR line landed.
fn place_leftover_lines(
    ocr: &[Word],
    letter: &[Word],
    similar: &Similarity,
    matched: &mut [Option<usize>],
) {
    let mut claimed = vec![false; letter.len()];
    for j in matched.iter().flatten() {
        claimed[*j] = true;
    }
    let mut anchor = 0;
    let mut start = 0;
    while start < ocr.len() {
        let line = ocr[start].line;
        let end = start + ocr[start..].iter().take_while(|w| w.line == line).count();
        let range = start..end;
        start = end;
        if let Some(j) = range.clone().rev().find_map(|i| matched[i]) {
            anchor = letter[j].line;
            continue;
        }
        let long: Vec<usize> = range.filter(|&i| ocr[i].key.chars().count() >= 3).collect();
        if long.is_empty() {
            continue;
        }
        let fits = |at: usize| {
            long.iter().enumerate().all(|(k, &i)| {
                letter
                    .get(at + k)
                    .is_some_and(|_| !claimed[at + k] && similar.of(i, at + k) > 0)
            })
        };
        let best = (0..letter.len())
            .filter(|&at| letter[at].line.abs_diff(anchor) <= MAX_DRIFT && fits(at))
            .min_by_key(|&at| letter[at].line.abs_diff(anchor));
        if let Some(at) = best {
            for (k, &i) in long.iter().enumerate() {
                matched[i] = Some(at + k);
                claimed[at + k] = true;
            }
            anchor = letter[at].line;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_is_alike_its_misreading_not_another_word() {
        assert_eq!(alike("personne", "personne"), 2);
        assert_eq!(alike("personne", "persomne"), 1, "one letter misread");
        assert_eq!(alike("chat", "chats"), 1, "one letter more");
        assert_eq!(alike("personnes", "parsomnes"), 1, "two in a long word");
        assert_eq!(alike("maison", "raisin"), 0, "two in a short word");
        assert_eq!(alike("personnes", "parsommes"), 0, "three");
        assert_eq!(alike("les", "lex"), 0, "too short to tell");
    }

    #[test]
    fn each_ocr_word_lands_on_the_letter_line_that_holds_it() {
        let ocr = ["la personne qui fait", "la demande peut"];
        let letter = ["la personne", "qui fait la demande", "peut"];
        let aligned = align(&ocr, &letter);
        let landed: Vec<Vec<Option<usize>>> = aligned
            .words
            .iter()
            .map(|line| line.iter().map(|w| w.letter_line).collect())
            .collect();
        assert_eq!(
            landed,
            [
                vec![Some(0), Some(0), Some(1), Some(1)],
                vec![Some(1), Some(1), Some(2)]
            ]
        );
        let lines = |first, last| Some(OcrLines { first, last });
        assert_eq!(aligned.gutter, [lines(1, 1), lines(1, 2), lines(2, 2)]);
    }
}
