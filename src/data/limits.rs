//! The limits a dataset file must keep, so that memory and time stay within a
//! small multiple of what the letter needs: the file's size, and the length of
//! each text in it (a name of 10 MB is not an organisation's, and every
//! listing, search and frame would have to carry it).

/// The largest dataset file read, in bytes (512 MiB): thousands of times the
/// letter's, and room for 100 000 organisations with names of 20 000
/// characters (the hostile test's 340 MB), which take about three times their
/// file's size in memory.
pub const MAX_FILE_BYTES: u64 = 512 * 1024 * 1024;

/// The longest text one field may hold, in bytes as written in the file
/// (64 KiB): longer than any article of the act the letter quotes.
pub const MAX_TEXT_BYTES: usize = 64 * 1024;

/// A text longer than [`MAX_TEXT_BYTES`]: where its value starts, the path of
/// its field (`organisations[3].name`) and its length in bytes as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LongText {
    pub offset: usize,
    pub field: String,
    pub bytes: usize,
}

/// One open object or array while walking the text.
struct Frame {
    object: bool,
    /// The current key of an object, as a range of the text.
    key: (usize, usize),
    /// The next string of an object is a key.
    expect_key: bool,
    /// The index of the current element of an array.
    index: usize,
}

/// Every string value of JSON `text` longer than `limit` bytes, in one pass.
/// Meant for text that parsed; on anything else it stops and returns what it
/// found so far.
pub fn long_texts(text: &str, limit: usize) -> Vec<LongText> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut stack: Vec<Frame> = Vec::new();
    let mut pos = 0;
    while let Some(&byte) = bytes.get(pos) {
        match byte {
            b'{' | b'[' => {
                stack.push(Frame {
                    object: byte == b'{',
                    key: (0, 0),
                    expect_key: byte == b'{',
                    index: 0,
                });
                pos += 1;
            }
            b'}' | b']' => {
                stack.pop();
                pos += 1;
            }
            b',' => {
                if let Some(frame) = stack.last_mut() {
                    frame.expect_key = frame.object;
                    frame.index += 1;
                }
                pos += 1;
            }
            b':' => {
                if let Some(frame) = stack.last_mut() {
                    frame.expect_key = false;
                }
                pos += 1;
            }
            b'"' => {
                let Some(end) = string_end(bytes, pos + 1) else {
                    break;
                };
                match stack.last_mut() {
                    Some(frame) if frame.object && frame.expect_key => {
                        frame.key = (pos + 1, end);
                    }
                    _ if end - (pos + 1) > limit => found.push(LongText {
                        offset: pos,
                        field: field(text, &stack),
                        bytes: end - (pos + 1),
                    }),
                    _ => {}
                }
                pos = end + 1;
            }
            _ => pos += 1,
        }
    }
    found
}

/// True when some string of JSON `bytes`, key or value, is longer than
/// `limit` bytes: a quick pass that jumps from quote to quote, so that
/// [`long_texts`] walks the structure only for a file that has one.
pub fn any_long_text(bytes: &[u8], limit: usize) -> bool {
    let mut pos = 0;
    while let Some(start) = memchr::memchr(b'"', bytes.get(pos..).unwrap_or_default()) {
        let start = pos + start + 1;
        let Some(end) = string_end(bytes, start) else {
            return false;
        };
        if end - start > limit {
            return true;
        }
        pos = end + 1;
    }
    false
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

/// The path of the current value: `organisations[3].name`.
fn field(text: &str, stack: &[Frame]) -> String {
    let mut out = String::new();
    for frame in stack {
        if frame.object {
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(text.get(frame.key.0..frame.key.1).unwrap_or("?"));
        } else {
            out.push_str(&format!("[{}]", frame.index));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_strings_are_found_with_their_field() {
        let text =
            r#"{"a": "xxxx", "b": [{"c": "yy"}, {"c": "zzzzz", "d": ["w\"www"]}], "eeeee": 1}"#;
        let found = long_texts(text, 4);
        let fields: Vec<(&str, usize)> =
            found.iter().map(|l| (l.field.as_str(), l.bytes)).collect();
        assert_eq!(fields, [("b[1].c", 5), ("b[1].d[0]", 6)]);
        assert_eq!(&text[found[0].offset..found[0].offset + 3], "\"zz");
        assert!(long_texts(text, 6).is_empty(), "keys are not values");
        assert!(any_long_text(text.as_bytes(), 4));
        assert!(
            any_long_text(br#"{"kkkkkk": 1}"#, 5),
            "keys count in the quick pass"
        );
        assert!(!any_long_text(text.as_bytes(), 6));
        assert!(!any_long_text(br#"{"a": "\"\"\"\"\"", "b": 1}"#, 10));
        assert!(any_long_text(br#"{"a": "\"\"\"\"\"", "b": 1}"#, 9));
    }

    #[test]
    fn broken_text_ends_the_walk() {
        assert_eq!(long_texts("{\"a\": \"xxxxxx", 2), vec![]);
        assert_eq!(long_texts("]]]}}\"\\", 2), vec![]);
        assert!(!any_long_text(b"{\"a\": \"xxxxxx", 2));
    }
}
