//! Whether a parsed value holds a text above a length limit, found by walking
//! its `Serialize` implementation: every string field of the model is seen,
//! including the ones added later, without a list to keep up to date.

use std::fmt;

use serde::Serialize;
use serde::ser::{self, Impossible};

/// True when some string of `value` is longer than `limit` bytes, or when
/// `value` holds something the walk cannot go through (the model has none):
/// the caller then looks at the text itself.
pub(crate) fn any_long_value<T: Serialize + ?Sized>(value: &T, limit: usize) -> bool {
    value.serialize(Walk { limit }).is_err()
}

#[derive(Clone, Copy)]
struct Walk {
    limit: usize,
}

impl Walk {
    fn check(self, len: usize) -> Result<(), Stop> {
        if len > self.limit { Err(Stop) } else { Ok(()) }
    }
}

/// The walk stopped: at a long text, or at a value it cannot walk.
#[derive(Debug)]
struct Stop;

impl fmt::Display for Stop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("stopped")
    }
}

impl std::error::Error for Stop {}

impl ser::Error for Stop {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Stop
    }
}

macro_rules! nothing_to_see {
    ($($method:ident: $ty:ty),* $(,)?) => {
        $(fn $method(self, _: $ty) -> Result<(), Stop> { Ok(()) })*
    };
}

impl ser::Serializer for Walk {
    type Ok = ();
    type Error = Stop;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Self;
    type SerializeTupleVariant = Self;
    type SerializeMap = Self;
    type SerializeStruct = Self;
    type SerializeStructVariant = Impossible<(), Stop>;

    nothing_to_see!(
        serialize_bool: bool, serialize_i8: i8, serialize_i16: i16, serialize_i32: i32,
        serialize_i64: i64, serialize_u8: u8, serialize_u16: u16, serialize_u32: u32,
        serialize_u64: u64, serialize_f32: f32, serialize_f64: f64, serialize_char: char,
        serialize_unit_struct: &'static str,
    );

    fn serialize_str(self, v: &str) -> Result<(), Stop> {
        self.check(v.len())
    }

    fn serialize_bytes(self, v: &[u8]) -> Result<(), Stop> {
        self.check(v.len())
    }

    fn serialize_none(self) -> Result<(), Stop> {
        Ok(())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Stop> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), Stop> {
        Ok(())
    }

    fn serialize_unit_variant(self, _: &'static str, _: u32, _: &'static str) -> Result<(), Stop> {
        Ok(())
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Stop> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        value: &T,
    ) -> Result<(), Stop> {
        value.serialize(self)
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Self, Stop> {
        Ok(self)
    }

    fn serialize_tuple(self, _: usize) -> Result<Self, Stop> {
        Ok(self)
    }

    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self, Stop> {
        Ok(self)
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self, Stop> {
        Ok(self)
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Self, Stop> {
        Ok(self)
    }

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, Stop> {
        Ok(self)
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Stop> {
        Err(Stop)
    }
}

/// The compound values walk each element, key, value or field in turn.
macro_rules! walk_each {
    ($($compound:ident :: $method:ident),* $(,)?) => {
        $(impl ser::$compound for Walk {
            type Ok = ();
            type Error = Stop;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Stop> {
                value.serialize(*self)
            }
            fn end(self) -> Result<(), Stop> {
                Ok(())
            }
        })*
    };
}

walk_each!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field,
);

impl ser::SerializeMap for Walk {
    type Ok = ();
    type Error = Stop;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Stop> {
        key.serialize(*self)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Stop> {
        value.serialize(*self)
    }
    fn end(self) -> Result<(), Stop> {
        Ok(())
    }
}

impl ser::SerializeStruct for Walk {
    type Ok = ();
    type Error = Stop;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Stop> {
        value.serialize(*self)
    }
    fn end(self) -> Result<(), Stop> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_string_of_the_model_is_seen() {
        let mut data: crate::data::Dataset =
            serde_json::from_str(crate::data::EMBEDDED_JSON).expect("embedded");
        let longest = 30_000;
        assert!(!any_long_value(&data, longest), "the letter's own texts");
        // One field of each kind of place: a top-level list, an option, a
        // nested list, the document.
        let places: [fn(&mut crate::data::Dataset) -> &mut String; 5] = [
            |d| &mut d.organisations[7].name,
            |d| d.organisations[2].acronym.get_or_insert_with(String::new),
            |d| &mut d.organisations[1].source[0].text,
            |d| {
                let withheld = d.cities.iter_mut().find_map(|c| c.withheld.as_mut());
                &mut withheld.expect("a withheld city").note
            },
            |d| &mut d.document.signatory.title,
        ];
        for (i, place) in places.into_iter().enumerate() {
            let mut changed = data.clone();
            *place(&mut changed) = "é".repeat(longest / 2 + 1);
            assert!(any_long_value(&changed, longest), "place {i}");
        }
        data.organisations[0].regions[0] = "x".repeat(longest);
        assert!(!any_long_value(&data, longest), "at the limit is not above");
    }
}
