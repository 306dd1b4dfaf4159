//! Finds where a value sits in JSON text, so that a problem found after parsing
//! (a duplicate id, a dangling reference) can still be reported at a line and column.

/// One step of a path into a JSON document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Key(&'static str),
    Index(usize),
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
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

/// Byte offset of a 1-based line and a 1-based byte column, as serde_json reports them.
pub fn offset_of(text: &str, line: usize, byte_column: usize) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    (line_start + byte_column.saturating_sub(1)).min(text.len())
}

/// Byte offset of the value at `path`, or `None` if the text does not have it.
pub fn locate(text: &str, path: &[Step]) -> Option<usize> {
    let mut scanner = Scanner {
        bytes: text.as_bytes(),
        pos: 0,
    };
    scanner.skip_ws();
    for step in path {
        match step {
            Step::Key(key) => scanner.enter_key(key)?,
            Step::Index(index) => scanner.enter_index(*index)?,
        }
        scanner.skip_ws();
    }
    Some(scanner.pos)
}

struct Scanner<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.pos += 1;
        }
    }

    fn expect(&mut self, byte: u8) -> Option<()> {
        self.skip_ws();
        (self.peek()? == byte).then(|| self.pos += 1)
    }

    /// Reads a string and returns its raw (unescaped-enough) content.
    fn string(&mut self) -> Option<&str> {
        self.expect(b'"')?;
        let start = self.pos;
        loop {
            // The next quote or backslash; a backslash skips the byte after it.
            let rest = self.bytes.get(self.pos..)?;
            self.pos += memchr::memchr2(b'"', b'\\', rest)?;
            if self.bytes[self.pos] == b'"' {
                break;
            }
            self.pos += 2;
        }
        let raw = std::str::from_utf8(&self.bytes[start..self.pos]).ok()?;
        self.pos += 1;
        Some(raw)
    }

    fn skip_value(&mut self) -> Option<()> {
        self.skip_ws();
        match self.peek()? {
            b'"' => self.string().map(|_| ()),
            open @ (b'{' | b'[') => {
                let close = if open == b'{' { b'}' } else { b']' };
                self.pos += 1;
                self.skip_ws();
                if self.peek()? == close {
                    self.pos += 1;
                    return Some(());
                }
                loop {
                    if open == b'{' {
                        self.string()?;
                        self.expect(b':')?;
                    }
                    self.skip_value()?;
                    self.skip_ws();
                    match self.peek()? {
                        b',' => self.pos += 1,
                        c if c == close => {
                            self.pos += 1;
                            return Some(());
                        }
                        _ => return None,
                    }
                }
            }
            _ => {
                while !matches!(
                    self.peek(),
                    None | Some(b',' | b'}' | b']' | b' ' | b'\n' | b'\r' | b'\t')
                ) {
                    self.pos += 1;
                }
                Some(())
            }
        }
    }

    fn enter_key(&mut self, key: &str) -> Option<()> {
        self.expect(b'{')?;
        loop {
            self.skip_ws();
            if self.peek()? == b'}' {
                return None;
            }
            let name = self.string()?;
            let found = name == key;
            self.expect(b':')?;
            if found {
                self.skip_ws();
                return Some(());
            }
            self.skip_value()?;
            self.skip_ws();
            match self.peek()? {
                b',' => self.pos += 1,
                _ => return None,
            }
        }
    }

    fn enter_index(&mut self, index: usize) -> Option<()> {
        self.expect(b'[')?;
        for _ in 0..index {
            self.skip_value()?;
            self.expect(b',')?;
        }
        self.skip_ws();
        (self.peek()? != b']').then_some(())
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
    fn columns_count_characters_not_bytes() {
        assert_eq!(line_column("é\"x", 3), (1, 3));
        assert_eq!(line_column("é\"x", 2), (1, 2));
        assert_eq!(line_column("é\"x", 1), (1, 1));
    }
}
