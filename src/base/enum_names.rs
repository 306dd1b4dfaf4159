//! Enum values by the names users and files write (`[keys]` actions, panes in
//! `state.json`, kinds of entry), read and written through serde, so that each
//! enum declares its names once, with `#[serde(rename_all = "snake_case")]`.

use serde::de::IntoDeserializer;
use serde::de::value::{Error, StrDeserializer};
use serde::{Deserialize, Serialize};

/// The unit variant that `name` names, if any.
pub(crate) fn from_name<'a, T: Deserialize<'a>>(name: &'a str) -> Option<T> {
    let deserializer: StrDeserializer<'a, Error> = name.into_deserializer();
    T::deserialize(deserializer).ok()
}

/// The name of a unit variant; `None` for a value that is not one.
pub(crate) fn name_of<T: Serialize>(value: &T) -> Option<String> {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(name)) => Some(name),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    enum Colour {
        DeepBlue,
        Red(u8),
    }

    #[test]
    fn names_round_trip_and_others_are_refused() {
        assert_eq!(from_name::<Colour>("deep_blue"), Some(Colour::DeepBlue));
        assert_eq!(name_of(&Colour::DeepBlue).as_deref(), Some("deep_blue"));
        assert_eq!(from_name::<Colour>("DeepBlue"), None);
        assert_eq!(from_name::<Colour>("red"), None);
        assert_eq!(name_of(&Colour::Red(1)), None);
    }
}
