//! The one JSON scanner: walks JSON text by bytes without building values,
//! for what serde does not say: where a value sits (`locate`), where the
//! organisations' array opens and where an element ends (`split`), and how long
//! a string is as written (`limits`). It trusts nothing: on text that is not
//! JSON it stops with `None` rather than guess, and it never recurses, so no
//! nesting is too deep for it.

/// The offset of the first byte at or after `pos` that is not JSON whitespace.
pub(crate) fn skip_space(bytes: &[u8], mut pos: usize) -> usize {
    while matches!(bytes.get(pos), Some(b' ' | b'\n' | b'\t' | b'\r')) {
        pos += 1;
    }
    pos
}

/// The offset of the quote that closes the string whose content starts at `pos`.
pub(crate) fn string_end(bytes: &[u8], mut pos: usize) -> Option<usize> {
    loop {
        pos += memchr::memchr2(b'"', b'\\', bytes.get(pos..)?)?;
        if bytes[pos] == b'"' {
            return Some(pos);
        }
        pos += 2;
    }
}

/// A position in JSON text, moved value by value.
pub(crate) struct Scanner<'a> {
    bytes: &'a [u8],
    pub pos: usize,
}

impl<'a> Scanner<'a> {
    pub(crate) fn new(bytes: &'a [u8], pos: usize) -> Scanner<'a> {
        Scanner { bytes, pos }
    }

    pub(crate) fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    pub(crate) fn skip_ws(&mut self) {
        self.pos = skip_space(self.bytes, self.pos);
    }

    /// Moves past `byte`, after whitespace; `None` if something else is there.
    pub(crate) fn expect(&mut self, byte: u8) -> Option<()> {
        self.skip_ws();
        (self.peek()? == byte).then(|| self.pos += 1)
    }

    /// Reads a string and returns its content as written (escapes kept).
    pub(crate) fn string(&mut self) -> Option<&'a [u8]> {
        self.expect(b'"')?;
        let start = self.pos;
        let end = string_end(self.bytes, start)?;
        self.pos = end + 1;
        Some(&self.bytes[start..end])
    }

    /// Moves just past the value here, its strings skipped whole. Inside an
    /// object or an array only the brackets are counted: the scanner serves
    /// text that parsed, or text whose parsing decides afterwards.
    pub(crate) fn skip_value(&mut self) -> Option<()> {
        self.skip_ws();
        match self.peek()? {
            b'"' => self.string().map(|_| ()),
            b'{' | b'[' => {
                let mut depth = 0usize;
                loop {
                    match self.peek()? {
                        b'"' => self.pos = string_end(self.bytes, self.pos + 1)?,
                        b'{' | b'[' => depth += 1,
                        b'}' | b']' => {
                            depth = depth.checked_sub(1)?;
                            if depth == 0 {
                                self.pos += 1;
                                return Some(());
                            }
                        }
                        _ => {}
                    }
                    self.pos += 1;
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

    /// Enters the object here and stops at the value of its member `key`.
    pub(crate) fn enter_key(&mut self, key: &str) -> Option<()> {
        self.expect(b'{')?;
        loop {
            self.skip_ws();
            if self.peek()? == b'}' {
                return None;
            }
            let found = self.string()? == key.as_bytes();
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

    /// The start of each element of the array here.
    pub(crate) fn elements(&mut self) -> Option<Vec<usize>> {
        self.expect(b'[')?;
        let mut starts = Vec::new();
        self.skip_ws();
        if self.peek()? == b']' {
            return Some(starts);
        }
        loop {
            self.skip_ws();
            starts.push(self.pos);
            self.skip_value()?;
            self.skip_ws();
            match self.peek()? {
                b',' => self.pos += 1,
                b']' => return Some(starts),
                _ => return None,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_is_skipped_whole_strings_and_nesting_included() {
        let text = br#"{"a": [1, {"b": "x\"]}"}], "c": 2}"#;
        let mut s = Scanner::new(text, 0);
        assert!(s.enter_key("a").is_some());
        let start = s.pos;
        assert!(s.skip_value().is_some());
        assert_eq!(&text[start..s.pos], br#"[1, {"b": "x\"]}"}]"#);
        let mut s = Scanner::new(text, 0);
        assert!(s.enter_key("c").is_some());
        assert_eq!(s.peek(), Some(b'2'));
        assert!(Scanner::new(text, 0).enter_key("d").is_none());
    }

    #[test]
    fn deep_nesting_is_walked_without_recursion() {
        let deep = format!("{}{}", "[".repeat(1_000_000), "]".repeat(1_000_000));
        let mut s = Scanner::new(deep.as_bytes(), 0);
        assert!(s.skip_value().is_some());
        assert_eq!(s.pos, deep.len());
        let open = "[".repeat(1_000);
        assert!(Scanner::new(open.as_bytes(), 0).skip_value().is_none());
    }

    #[test]
    fn elements_start_where_each_value_does() {
        let text = br#"[ 1 , "two" ,{"three":[3]} ]"#;
        let starts = Scanner::new(text, 0).elements();
        assert_eq!(starts, Some(vec![2, 6, 13]));
        assert_eq!(Scanner::new(b"[]", 0).elements(), Some(vec![]));
        assert_eq!(Scanner::new(b"[1 2]", 0).elements(), None);
    }

    #[test]
    fn a_string_ends_at_its_unescaped_quote() {
        let text = br#""a\\" rest"#;
        assert_eq!(string_end(text, 1), Some(4));
        assert_eq!(string_end(br#""a\""#, 1), None);
        assert_eq!(skip_space(b" \n\t\rx", 0), 4);
    }
}
