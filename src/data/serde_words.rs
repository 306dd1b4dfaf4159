//! serde_json's messages in the interface language. serde_json words its
//! errors in English; each shape they take (a fixed syntax error, "missing
//! field `x`", "invalid type: …, expected …") is recognised here and worded
//! again through the i18n rows, keeping the values it names (fields, types,
//! the text found). A message of no known shape keeps serde_json's words,
//! quoted inside a sentence of the interface language.

use crate::i18n::{DataText, Lang, Message};

/// serde_json's fixed messages (the `Display` of its `ErrorCode`), each with
/// its row, whose English is the same words.
const FIXED: [DataText; 23] = [
    DataText::JsonEofList,
    DataText::JsonEofObject,
    DataText::JsonEofString,
    DataText::JsonEofValue,
    DataText::JsonExpectedColon,
    DataText::JsonExpectedCommaOrBracket,
    DataText::JsonExpectedCommaOrBrace,
    DataText::JsonExpectedIdent,
    DataText::JsonExpectedValue,
    DataText::JsonExpectedQuote,
    DataText::JsonInvalidEscape,
    DataText::JsonInvalidNumber,
    DataText::JsonNumberOutOfRange,
    DataText::JsonInvalidCodePoint,
    DataText::JsonControlCharacter,
    DataText::JsonKeyNotString,
    DataText::JsonKeyNotNumber,
    DataText::JsonKeyNotFinite,
    DataText::JsonLoneSurrogate,
    DataText::JsonTrailingComma,
    DataText::JsonTrailingCharacters,
    DataText::JsonHexEscapeEnd,
    DataText::JsonTooDeep,
];

/// serde_json's message `said` (without its " at line L column C") in `lang`.
pub fn describe(said: &str, lang: Lang) -> String {
    message(said, lang).describe(lang)
}

/// The message `said` as a row and its values. The phrases put inside it (the
/// type found, the type wanted) are worded in `lang` already.
fn message(said: &str, lang: Lang) -> Message {
    if let Some(&text) = FIXED.iter().find(|t| Lang::En.fill(**t, &[]) == said) {
        return Message::new(text);
    }
    let enclosed = |prefix: &str, suffix: &str| said.strip_prefix(prefix)?.strip_suffix(suffix);
    if let Some(field) = enclosed("missing field `", "`") {
        return Message::new(DataText::JsonMissingField).with("field", field);
    }
    if let Some(field) = enclosed("duplicate field `", "`") {
        return Message::new(DataText::JsonDuplicateField).with("field", field);
    }
    if let Some(field) = enclosed("unknown field `", "`, there are no fields") {
        return Message::new(DataText::JsonUnknownFieldNone).with("field", field);
    }
    if let Some(variant) = enclosed("unknown variant `", "`, there are no variants") {
        return Message::new(DataText::JsonUnknownVariantNone).with("variant", variant);
    }
    // The last ", expected ": what comes after it is serde's or the model's
    // words, what comes before may quote the file.
    let split = |prefix: &str, between: &str| said.strip_prefix(prefix)?.rsplit_once(between);
    if let Some((field, expected)) = split("unknown field `", "`, expected ") {
        return Message::new(DataText::JsonUnknownField)
            .with("field", field)
            .with("expected", expected)
            .with("names", names(expected, lang));
    }
    if let Some((variant, expected)) = split("unknown variant `", "`, expected ") {
        return Message::new(DataText::JsonUnknownVariant)
            .with("variant", variant)
            .with("expected", expected)
            .with("names", names(expected, lang));
    }
    for (prefix, text) in [
        ("invalid type: ", DataText::JsonInvalidType),
        ("invalid value: ", DataText::JsonInvalidValue),
    ] {
        if let Some((unexpected, expected)) = split(prefix, ", expected ") {
            return Message::new(text)
                .with("unexpected", found(unexpected, lang))
                .with("expected", wanted(expected, lang));
        }
    }
    if let Some((length, expected)) = split("invalid length ", ", expected ") {
        return Message::new(DataText::JsonInvalidLength)
            .with("length", length)
            .with("expected", wanted(expected, lang));
    }
    Message::new(DataText::JsonOther).with("message", said)
}

/// What serde found instead of what it wanted (its `Unexpected`), in `lang`.
fn found(unexpected: &str, lang: Lang) -> String {
    let words = |text: DataText| Message::new(text);
    let quoted = |prefix: &str| unexpected.strip_prefix(prefix)?.strip_suffix('`');
    let message = if let Some(value) = quoted("boolean `") {
        words(DataText::FoundBoolean).with("value", value)
    } else if let Some(value) = quoted("integer `") {
        words(DataText::FoundInteger).with("value", value)
    } else if let Some(value) = quoted("floating point `") {
        words(DataText::FoundFloat).with("value", value)
    } else if let Some(value) = quoted("character `") {
        words(DataText::FoundCharacter).with("value", value)
    } else if let Some(string) = unexpected.strip_prefix("string ") {
        let inner = string.strip_prefix('"').and_then(|s| s.strip_suffix('"'));
        words(DataText::FoundString)
            .with("quoted", string)
            .with("inner", inner.unwrap_or(string))
    } else {
        match unexpected {
            "null" => words(DataText::FoundNull),
            "sequence" => words(DataText::FoundList),
            "map" => words(DataText::FoundObject),
            "number" => words(DataText::FoundNumber),
            other => words(DataText::SerdeWords).with("name", other),
        }
    };
    message.describe(lang)
}

/// What serde wanted (a visitor's `expecting`), in `lang`.
fn wanted(expected: &str, lang: Lang) -> String {
    let words = |text: DataText| Message::new(text);
    let message = if let Some(name) = expected.strip_prefix("struct ") {
        words(DataText::WantStruct).with("name", name)
    } else if let Some(name) = expected.strip_prefix("enum ") {
        words(DataText::WantEnum).with("name", name)
    } else {
        match expected {
            "a string" => words(DataText::WantString),
            "a sequence" => words(DataText::WantList),
            "a boolean" => words(DataText::WantBoolean),
            "a map" => words(DataText::WantObject),
            "u8" | "u16" | "u32" | "u64" | "u128" | "usize" => {
                words(DataText::WantUnsigned).with("name", expected)
            }
            "i8" | "i16" | "i32" | "i64" | "i128" | "isize" => {
                words(DataText::WantSigned).with("name", expected)
            }
            "f32" | "f64" => words(DataText::WantFloat).with("name", expected),
            other => words(DataText::SerdeWords).with("name", other),
        }
    };
    message.describe(lang)
}

/// The names serde lists as expected ("`a`", "`a` or `b`", "one of `a`,
/// `b`, `c`"), each quoted as `lang` quotes; serde's words, quoted, if the
/// list has another shape.
fn names(expected: &str, lang: Lang) -> String {
    let listed = expected.strip_prefix("one of ").map_or_else(
        || match expected.split_once("` or `") {
            Some((a, b)) => vec![a.to_string() + "`", "`".to_string() + b],
            None => vec![expected.to_string()],
        },
        |list| list.split(", ").map(str::to_string).collect(),
    );
    let unquoted: Option<Vec<&str>> = listed
        .iter()
        .map(|name| name.strip_prefix('`')?.strip_suffix('`'))
        .collect();
    match unquoted {
        Some(names) => names
            .iter()
            .map(|name| {
                Message::new(DataText::SerdeWords)
                    .with("name", name)
                    .describe(lang)
            })
            .collect::<Vec<_>>()
            .join(", "),
        None => Message::new(DataText::SerdeWords)
            .with("name", expected)
            .describe(lang),
    }
}

#[cfg(test)]
mod tests;
