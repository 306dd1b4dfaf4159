//! Finds where a value sits in JSON text, so that a problem found after parsing
//! (a duplicate id, a dangling reference) can still be reported at a line and column.
//! Many problems are placed in one pass: each array is scanned once, and the
//! positions are turned into lines and columns in one sweep of the text.

use foldhash::{HashMap, HashMapExt};

use super::scan::Scanner;

/// One step of a path into a JSON document.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Step {
    Key(&'static str),
    Index(usize),
}

/// 1-based line and column (in characters) of a byte offset.
pub(crate) fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

/// The 1-based line and column (in characters) of each byte offset, in one
/// sweep of the text however many offsets there are: a minified file is one
/// line, and counting its characters from the start for each of 100 000
/// problems took minutes.
pub(crate) fn line_columns(text: &str, offsets: &[usize]) -> Vec<(usize, usize)> {
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_by_key(|&i| offsets[i]);
    let mut placed = vec![(1, 1); offsets.len()];
    let (mut pos, mut line, mut column) = (0, 1, 1);
    for i in order {
        let mut offset = offsets[i].min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let between = &text.as_bytes()[pos..offset];
        match memchr::memrchr(b'\n', between) {
            Some(last) => {
                line += memchr::memchr_iter(b'\n', between).count();
                column = 1 + characters(&between[last + 1..]);
            }
            None => column += characters(between),
        }
        pos = offset;
        placed[i] = (line, column);
    }
    placed
}

/// Characters in UTF-8 bytes that start and end on character boundaries.
fn characters(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count()
}

/// Byte offset of a 1-based line and a 1-based byte column, as serde_json reports them.
pub(crate) fn offset_of(text: &str, line: usize, byte_column: usize) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    (line_start + byte_column.saturating_sub(1)).min(text.len())
}

#[cfg(test)]
/// Byte offset of the value at `path`, or `None` if the text does not have it.
pub(crate) fn locate(text: &str, path: &[Step]) -> Option<usize> {
    Locator::new(text).locate(path)
}

/// Finds many values in one text, remembering what it has found: the start of
/// every path it went through, and of every element of each array it entered,
/// so that the 100 000th element of an array is not reached by skipping the
/// 99 999 before it again.
pub(crate) struct Locator<'a> {
    text: &'a str,
    /// Where each path already followed starts; `None` when the text lacks it.
    found: HashMap<Vec<Step>, Option<usize>>,
    /// The start of each element of the arrays already scanned, by the
    /// array's offset; `None` when the array does not close.
    arrays: HashMap<usize, Option<Vec<usize>>>,
}

impl<'a> Locator<'a> {
    pub(crate) fn new(text: &'a str) -> Locator<'a> {
        Locator {
            text,
            found: HashMap::new(),
            arrays: HashMap::new(),
        }
    }

    /// Byte offset of the value at `path`, or `None` if the text does not have it.
    pub(crate) fn locate(&mut self, path: &[Step]) -> Option<usize> {
        let known = (1..=path.len())
            .rev()
            .find_map(|n| self.found.get(&path[..n]).map(|&at| (n, at)));
        let (done, mut pos) = match known {
            Some((n, at)) => (n, at?),
            None => {
                let mut scanner = self.scanner(0);
                scanner.skip_ws();
                (0, scanner.pos)
            }
        };
        for n in done..path.len() {
            let next = match &path[n] {
                Step::Key(key) => {
                    let mut scanner = self.scanner(pos);
                    scanner.enter_key(key).map(|()| {
                        scanner.skip_ws();
                        scanner.pos
                    })
                }
                Step::Index(index) => self.elements(pos).and_then(|e| e.get(*index).copied()),
            };
            self.found.insert(path[..=n].to_vec(), next);
            pos = next?;
        }
        Some(pos)
    }

    fn scanner(&self, pos: usize) -> Scanner<'a> {
        Scanner::new(self.text.as_bytes(), pos)
    }

    /// The start of each element of the array at `pos`, scanned once.
    fn elements(&mut self, pos: usize) -> Option<&Vec<usize>> {
        if !self.arrays.contains_key(&pos) {
            let elements = self.scanner(pos).elements();
            self.arrays.insert(pos, elements);
        }
        self.arrays.get(&pos)?.as_ref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str =
        "{\n  \"a\": [1, {\"b\": \"x\\\"y\"}],\n  \"c\": {\"d\": [true, \"é\", 3]}\n}";

    #[test]
    fn finds_nested_values() {
        let at = |path: &[Step]| locate(TEXT, path).map(|o| line_column(TEXT, o));
        assert_eq!(at(&[Step::Key("a")]), Some((2, 8)));
        assert_eq!(
            at(&[Step::Key("a"), Step::Index(1), Step::Key("b")]),
            Some((2, 18))
        );
        assert_eq!(
            at(&[Step::Key("c"), Step::Key("d"), Step::Index(2)]),
            Some((3, 26))
        );
    }

    #[test]
    fn missing_paths_are_none() {
        assert_eq!(locate(TEXT, &[Step::Key("z")]), None);
        assert_eq!(locate(TEXT, &[Step::Key("a"), Step::Index(2)]), None);
        assert_eq!(locate("[1,", &[Step::Index(3)]), None);
        // Unterminated keys, two ending in an escape.
        assert_eq!(locate("{\"a", &[Step::Key("b")]), None);
        assert_eq!(locate("{\"a\\", &[Step::Key("b")]), None);
        assert_eq!(locate("{\"a\\\"", &[Step::Key("b")]), None);
    }

    #[test]
    fn one_sweep_places_offsets_given_in_any_order() {
        let text = "é\nab\n\nxé\"y";
        let offsets: Vec<usize> = (0..=text.len() + 2).rev().collect();
        let swept = line_columns(text, &offsets);
        for (&offset, &placed) in offsets.iter().zip(&swept) {
            assert_eq!(placed, line_column(text, offset), "{offset}");
        }
    }

    #[test]
    fn a_locator_finds_again_what_it_found() {
        let mut locator = Locator::new(TEXT);
        for _ in 0..2 {
            let at = locator.locate(&[Step::Key("c"), Step::Key("d"), Step::Index(2)]);
            assert_eq!(at.map(|o| line_column(TEXT, o)), Some((3, 26)));
            let at = locator.locate(&[Step::Key("a"), Step::Index(1), Step::Key("b")]);
            assert_eq!(at.map(|o| line_column(TEXT, o)), Some((2, 18)));
            assert_eq!(locator.locate(&[Step::Key("a"), Step::Index(2)]), None);
            assert_eq!(locator.locate(&[Step::Key("z"), Step::Index(0)]), None);
        }
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        assert_eq!(line_column("é\"x", 3), (1, 3));
        assert_eq!(line_column("é\"x", 2), (1, 2));
        assert_eq!(line_column("é\"x", 1), (1, 1));
    }
}
