//! Vectors read from JSON at their exact size. serde gives no length for a JSON
//! array, so a plain `Vec` starts with room for four and a one-element list (an
//! organisation's region, its one OCR line) keeps three empty slots; over
//! 100 000 organisations that is megabytes of memory touched for nothing.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{Deserialize, Deserializer, SeqAccess, Visitor};

/// A `Vec<T>` whose capacity is its length when it holds one element or none,
/// the common cases; longer lists grow as usual.
pub(crate) fn vec<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    struct Exact<T>(PhantomData<T>);

    impl<'de, T: Deserialize<'de>> Visitor<'de> for Exact<T> {
        type Value = Vec<T>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a sequence")
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
            let Some(first) = seq.next_element()? else {
                return Ok(Vec::new());
            };
            let Some(second) = seq.next_element()? else {
                return Ok(vec![first]);
            };
            let mut out = Vec::with_capacity(4);
            out.push(first);
            out.push(second);
            while let Some(next) = seq.next_element()? {
                out.push(next);
            }
            Ok(out)
        }
    }

    deserializer.deserialize_seq(Exact(PhantomData))
}

thread_local! {
    /// Room to reserve for the organisations of the dataset being read: set by
    /// [`with_room`] around one parse, zero otherwise.
    static ROOM: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Runs `parse` with room reserved up front for `organisations`, an upper
/// bound on their number: growing the list by doubling would copy every
/// organisation read so far at each step and leave the old lists' memory behind.
/// Room never used costs address space only, not memory.
pub(crate) fn with_room<T>(organisations: usize, parse: impl FnOnce() -> T) -> T {
    let before = ROOM.replace(organisations);
    let out = parse();
    ROOM.set(before);
    out
}

/// A `Vec<T>` that starts with the room [`with_room`] set.
pub(crate) fn reserved<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    struct Reserved<T>(PhantomData<T>);

    impl<'de, T: Deserialize<'de>> Visitor<'de> for Reserved<T> {
        type Value = Vec<T>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a sequence")
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
            let mut out = Vec::with_capacity(ROOM.take());
            while let Some(next) = seq.next_element()? {
                out.push(next);
            }
            Ok(out)
        }
    }

    deserializer.deserialize_seq(Reserved(PhantomData))
}

/// The bytes an organisation takes at least in a real dataset's JSON, its
/// OCR line included (250 on average in the letter's, 215 in the synthetic ones).
/// A file whose organisations take fewer has its list grow as it is read:
/// reserving for the fewest possible (44 bytes, `{"id":"","name":"",
/// "regions":[],"source":[]}`) would set aside five times the room needed.
const ORGANISATION_BYTES: usize = 100;

/// The most organisations room is reserved for (about 300 MB of address
/// space); a larger dataset's list grows as it is read.
const MAX_ROOM: usize = 1 << 21;

/// The room to reserve for the organisations of a dataset of `bytes` bytes,
/// within [`MAX_ROOM`].
pub(crate) fn room_for(bytes: usize) -> usize {
    (bytes / ORGANISATION_BYTES).min(MAX_ROOM)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize)]
    struct Lists {
        #[serde(deserialize_with = "vec")]
        exact: Vec<String>,
        #[serde(deserialize_with = "reserved")]
        reserved: Vec<u8>,
    }

    fn lists(json: &str, room: usize) -> Lists {
        match with_room(room, || serde_json::from_str::<Lists>(json)) {
            Ok(lists) => lists,
            Err(e) => panic!("{e}"),
        }
    }

    #[test]
    fn short_lists_take_no_more_room_than_they_need() {
        for (json, len) in [("[]", 0), (r#"["a"]"#, 1), (r#"["a", "b", "c"]"#, 3)] {
            let l = lists(&format!(r#"{{"exact": {json}, "reserved": []}}"#), 0);
            assert_eq!(l.exact.len(), len);
            if len < 2 {
                assert_eq!(l.exact.capacity(), len, "{json}");
            }
        }
    }

    #[test]
    fn the_reserved_list_starts_with_the_room_given_once() {
        let l = lists(r#"{"exact": [], "reserved": [1, 2]}"#, 1000);
        assert_eq!(l.reserved, [1, 2]);
        assert!(l.reserved.capacity() >= 1000);
        let l = lists(r#"{"exact": [], "reserved": [1, 2]}"#, 0);
        assert!(l.reserved.capacity() < 1000);
        assert_eq!(room_for(ORGANISATION_BYTES * 10), 10);
        assert_eq!(room_for(usize::MAX), MAX_ROOM);
    }
}
