//! Parses a large dataset's organisations on two cores: the calling thread
//! reads them from the start of their array, a second thread from an element
//! boundary found near the middle of the file. Each checks that its half is
//! UTF-8 and that none of its texts is above the limit. The split is trusted
//! only when the first thread arrives exactly where the second started,
//! element by element, so that both read what one parser would; anything else
//! (no such array, a split inside a string, a syntax error anywhere, a long
//! text) gives `None`, and the caller parses the whole text as usual, errors
//! and all.

use super::limits::{MAX_TEXT_BYTES, any_long_value};
use super::model::exact::room_for;
use super::model::{Dataset, Organisation};
use super::scan::{Scanner, skip_space};

/// Files smaller than this are parsed on one core: a second thread would cost
/// more than it saves.
pub(crate) const SPLIT_BYTES: usize = 8 * 1024 * 1024;

/// The dataset in `bytes`, its organisations read on two cores, when it is
/// UTF-8 and no text in it is above the limit; `None` on any doubt.
pub fn parse(bytes: &[u8]) -> Option<Dataset> {
    let open = organisations_array(bytes)?;
    let split = boundary_after(bytes, open + (bytes.len() - open) / 2)?;
    // The split is at an ASCII `{`, so it cuts no character: the file is
    // UTF-8 when both halves are.
    let (first, second) = std::thread::scope(|scope| {
        let second = scope.spawn(|| {
            let text = utf8(bytes.get(split..)?)?;
            checked(elements(text, 0, None, room_for(text.len()))?)
        });
        let first = bytes
            .get(..split)
            .and_then(utf8)
            // Room for the second half's too, which joins this list.
            .and_then(|text| elements(text, open + 1, Some(split), room_for(bytes.len() - open)))
            .and_then(checked);
        (first, second.join().ok().flatten())
    });
    let (organisations, close) = match (first?, second) {
        (Run::AtSplit(first), Some(Run::Closed(second, close))) => {
            let mut all = first;
            all.reserve_exact(second.len());
            all.extend(second);
            (all, split + close)
        }
        // The array closed before the split: the first thread read it all.
        (Run::Closed(all, close), _) => (all, close),
        _ => return None,
    };
    // The rest of the file, with the organisations' array left empty.
    let before = std::str::from_utf8(bytes.get(..open)?).ok()?;
    let after = std::str::from_utf8(bytes.get(close + 1..)?).ok()?;
    let mut rest = String::with_capacity(before.len() + 2 + after.len());
    rest.push_str(before);
    rest.push_str("[]");
    rest.push_str(after);
    let mut dataset: Dataset = serde_json::from_str(&rest).ok()?;
    if !dataset.organisations.is_empty() || any_long_value(&dataset, MAX_TEXT_BYTES) {
        return None;
    }
    dataset.organisations = organisations;
    Some(dataset)
}

/// `bytes` as text if they are UTF-8, checked with the processor's vector
/// instructions: 16 ms for a 217 MB dataset where `std::str::from_utf8`
/// takes 55.
pub(super) fn utf8(bytes: &[u8]) -> Option<&str> {
    simdutf8::basic::from_utf8(bytes).ok()
}

/// The run, if none of its organisations holds a text above the limit.
fn checked(run: Run) -> Option<Run> {
    let organisations = match &run {
        Run::AtSplit(organisations) | Run::Closed(organisations, _) => organisations,
    };
    (!any_long_value(organisations, MAX_TEXT_BYTES)).then_some(run)
}

/// How a run of elements ended.
enum Run {
    /// At the split, where the second thread started.
    AtSplit(Vec<Organisation>),
    /// At the array's `]`, whose offset is given.
    Closed(Vec<Organisation>, usize),
}

/// Reads organisations from `pos`, the start of an element (or of the array's
/// content), up to the array's end or, when given, up to `split`.
fn elements(text: &str, mut pos: usize, split: Option<usize>, room: usize) -> Option<Run> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(room);
    pos = skip_space(bytes, pos);
    if bytes.get(pos) == Some(&b']') {
        return Some(Run::Closed(out, pos));
    }
    loop {
        if split == Some(pos) {
            return Some(Run::AtSplit(out));
        }
        let mut stream =
            serde_json::Deserializer::from_str(text.get(pos..)?).into_iter::<Organisation>();
        out.push(stream.next()?.ok()?);
        pos = skip_space(bytes, pos + stream.byte_offset());
        match bytes.get(pos)? {
            b',' => pos = skip_space(bytes, pos + 1),
            b']' => return Some(Run::Closed(out, pos)),
            _ => return None,
        }
    }
}

/// The offset of the `[` that opens the top-level `"organisations"` array,
/// the values before it skipped without being parsed.
fn organisations_array(bytes: &[u8]) -> Option<usize> {
    let mut scanner = Scanner::new(bytes, 0);
    scanner.enter_key("organisations")?;
    (scanner.peek()? == b'[').then_some(scanner.pos)
}

/// A likely element boundary at or after `from`: the `{` after `}`, a comma
/// and whitespace. Only a guess; [`parse`] checks it.
fn boundary_after(bytes: &[u8], mut from: usize) -> Option<usize> {
    loop {
        let close = from + memchr::memchr(b'}', bytes.get(from..)?)?;
        let comma = skip_space(bytes, close + 1);
        if bytes.get(comma) == Some(&b',') {
            let open = skip_space(bytes, comma + 1);
            if bytes.get(open) == Some(&b'{') {
                return Some(open);
            }
        }
        from = close + 1;
    }
}

/// Parses `text` as one parser would, for comparison in tests.
#[cfg(test)]
fn serial(text: &str) -> Option<Dataset> {
    let mut de = serde_json::Deserializer::from_str(text);
    let dataset = <Dataset as serde::Deserialize>::deserialize(&mut de).ok()?;
    de.end().ok()?;
    Some(dataset)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn synthetic_json(organisations: usize, pretty: bool) -> String {
        let data = crate::synthetic::dataset(organisations).expect("synthetic");
        let json = if pretty {
            serde_json::to_string_pretty(&data)
        } else {
            serde_json::to_string(&data)
        };
        json.expect("json")
    }

    #[test]
    fn the_split_parse_is_the_serial_parse() {
        for pretty in [false, true] {
            let text = synthetic_json(3_000, pretty);
            let split = parse(text.as_bytes()).expect("read in two halves");
            assert!(Some(split) == serial(&text), "pretty {pretty}");
        }
        // Too few organisations to split between them: the guess falls
        // elsewhere, and the caller parses the file serially.
        for n in [0, 1, 2] {
            let text = synthetic_json(n, false);
            let split = parse(text.as_bytes());
            assert!(
                split.is_none() || split == serial(&text),
                "{n} organisations"
            );
        }
        let embedded = crate::data::EMBEDDED_JSON;
        let split = parse(embedded.as_bytes());
        assert!(split.is_none() || split == serial(embedded));
    }

    #[test]
    fn an_array_that_closes_before_the_middle_is_read_by_the_first_thread() {
        // Few organisations, long texts after them: the guess falls in the articles.
        let mut data = crate::synthetic::dataset(20).expect("synthetic");
        for article in &mut data.articles {
            article.paraphrase = Some("texte de l'article ".repeat(3_000));
        }
        let text = serde_json::to_string(&data).expect("json");
        let open = organisations_array(text.as_bytes()).expect("the array");
        assert!(text[open..].find(']').expect("its end") < text.len() / 2);
        let split = parse(text.as_bytes()).expect("read by the first thread");
        assert!(Some(split) == serial(&text));
    }

    #[test]
    fn a_split_inside_a_string_is_caught() {
        // A name that looks like an element boundary, at the middle of the file.
        let mut data = crate::synthetic::dataset(200).expect("synthetic");
        for o in &mut data.organisations {
            o.name = format!("{} }} , {{ \"id\": \"x\" }}, {{ ", o.name);
        }
        let text = serde_json::to_string(&data).expect("json");
        assert!(serial(&text).is_some());
        assert!(
            parse(text.as_bytes()).is_none(),
            "the second thread started inside a string: the caller parses serially"
        );
    }

    #[test]
    fn a_long_text_or_a_byte_that_is_not_utf8_in_either_half_gives_none() {
        let data = crate::synthetic::dataset(3_000).expect("synthetic");
        for at in [10, 1_500, 2_990] {
            let mut long = data.clone();
            long.organisations[at].name = "x".repeat(MAX_TEXT_BYTES + 1);
            let text = serde_json::to_string(&long).expect("json");
            assert!(serial(&text).is_some());
            assert!(parse(text.as_bytes()).is_none(), "a long name at {at}");
            long.organisations[at].name = "x".repeat(MAX_TEXT_BYTES);
            let text = serde_json::to_string(&long).expect("json");
            assert!(
                parse(text.as_bytes()).is_some(),
                "a name at the limit at {at}"
            );
        }
        let text = synthetic_json(3_000, false);
        for at in [text.len() / 4, text.len() * 3 / 4] {
            let mut bytes = text.clone().into_bytes();
            let quote = at + memchr::memchr(b'"', &bytes[at..]).expect("a string") + 1;
            bytes[quote] = 0xff;
            assert!(parse(&bytes).is_none(), "not UTF-8 at {quote}");
        }
    }

    #[test]
    fn broken_files_give_none_or_the_serial_result() {
        let text = synthetic_json(500, true);
        let bytes = text.as_bytes();
        // Cut or spoil the file at places across it: the split parse never
        // succeeds where the serial one fails, and agrees where both do.
        for at in (0..bytes.len()).step_by(bytes.len() / 97 + 1) {
            for spoil in [&b""[..], b"}", b",", b"\"", b"]", b"x"] {
                let mut changed = bytes[..at].to_vec();
                changed.extend_from_slice(spoil);
                changed.extend_from_slice(&bytes[(at + 1).min(bytes.len())..]);
                let Ok(changed) = String::from_utf8(changed) else {
                    continue;
                };
                let (split, serial) = (parse(changed.as_bytes()), serial(&changed));
                if split.is_some() {
                    assert!(split == serial, "at {at} with {spoil:?}");
                }
            }
        }
    }

    /// A synthetic dataset's JSON, made once, with a split near its middle.
    fn mutable_text() -> &'static str {
        static TEXT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
        TEXT.get_or_init(|| synthetic_json(300, false))
    }

    proptest::proptest! {
        /// Bytes changed, removed or put in anywhere: the split parse gives
        /// the serial parse's dataset, or `None` (and the caller parses it
        /// serially), never a different dataset.
        #[test]
        fn a_changed_file_splits_to_the_serial_result_or_none(
            edits in proptest::collection::vec(
                (proptest::num::usize::ANY, 0..3u8, proptest::sample::select(
                    b"{}[],:\"\\ x0".to_vec()
                )),
                1..4,
            )
        ) {
            let mut bytes = mutable_text().as_bytes().to_vec();
            for (at, how, byte) in edits {
                // Most edits near the middle, where the split is looked for.
                let at = if at % 2 == 0 {
                    bytes.len() / 2 + at % 4096
                } else {
                    at % bytes.len().max(1)
                }
                .min(bytes.len().saturating_sub(1));
                match how {
                    0 => bytes[at] = byte,
                    1 => {
                        bytes.remove(at);
                    }
                    _ => bytes.insert(at, byte),
                }
            }
            if let Ok(text) = String::from_utf8(bytes)
                && let Some(split) = parse(text.as_bytes())
            {
                proptest::prop_assert!(Some(split) == serial(&text));
            }
        }
    }

    #[test]
    fn keys_before_the_organisations_are_skipped_whole() {
        let text = r#"{"a": {"organisations": [1]}, "b": "x\"],", "organisations" : [ ]}"#;
        let bytes = text.as_bytes();
        let open = organisations_array(bytes).expect("found");
        assert_eq!(&text[open..open + 3], "[ ]");
        assert_eq!(organisations_array(b"[]"), None);
        assert_eq!(organisations_array(br#"{"a": 1}"#), None);
    }
}
