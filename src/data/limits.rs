//! The limits a dataset file must keep, so that memory and time stay within a
//! small multiple of what the letter needs: the file's size, and the length of
//! each text in it (a name of 10 MB is not an organisation's, and every
//! listing, search and frame would have to carry it).

/// The largest dataset file read, in bytes (512 MiB): thousands of times the
/// letter's, and room for 100 000 organisations with names of 20 000
/// characters (the hostile test's 340 MB), which take about three times their
/// file's size in memory.
pub const MAX_FILE_BYTES: u64 = 512 * 1024 * 1024;

/// The longest text one field may hold, in bytes of UTF-8 once its escapes
/// (`\u00e9`, `\"`) are read (64 KiB): longer than any article of the act
/// the letter quotes.
pub const MAX_TEXT_BYTES: usize = 64 * 1024;

mod walk;

use super::scan::string_end;

pub(crate) use walk::any_long_value;

/// A text longer than [`MAX_TEXT_BYTES`]: where its value starts, the path of
/// its field (`organisations[3].name`) and its length in bytes, escapes read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LongText {
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
pub(crate) fn long_texts(text: &str, limit: usize) -> Vec<LongText> {
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
                    // As written, a text is at least as long as once read.
                    _ if end - (pos + 1) > limit => {
                        let read = read_length(text.get(pos..=end).unwrap_or_default());
                        if read > limit {
                            found.push(LongText {
                                offset: pos,
                                field: field(text, &stack),
                                bytes: read,
                            });
                        }
                    }
                    _ => {}
                }
                pos = end + 1;
            }
            _ => pos += 1,
        }
    }
    found
}

/// The length in bytes of the JSON string `quoted` once its escapes are read;
/// its length as written when it is not a valid JSON string.
fn read_length(quoted: &str) -> usize {
    serde_json::from_str::<String>(quoted).map_or(quoted.len().saturating_sub(2), |s| s.len())
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
            r#"{"a": "xxxx", "b": [{"c": "yy"}, {"c": "zzzzz", "d": ["w\"www"]}], "eeeeeeee": 1}"#;
        let found = long_texts(text, 4);
        let fields: Vec<(&str, usize)> =
            found.iter().map(|l| (l.field.as_str(), l.bytes)).collect();
        assert_eq!(
            fields,
            [("b[1].c", 5), ("b[1].d[0]", 5)],
            "w\\\"www is 5 once read"
        );
        assert_eq!(&text[found[0].offset..found[0].offset + 3], "\"zz");
        assert!(long_texts(text, 5).is_empty(), "keys are not values");
        let escaped = r#"{"a": "\u00e9\u00e9\u00e9"}"#;
        let found = long_texts(escaped, 5);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].bytes, 6, "three é, read");
        assert!(long_texts(escaped, 6).is_empty(), "18 bytes as written");
    }

    #[test]
    fn broken_text_ends_the_walk() {
        assert_eq!(long_texts("{\"a\": \"xxxxxx", 2), vec![]);
        assert_eq!(long_texts("]]]}}\"\\", 2), vec![]);
    }
}
