//! The shapes of serde_json's messages that are worded again, each made by
//! serde_json itself (a broken text parsed, or serde's own error
//! constructors), never written out by hand.

use serde::de::{Error as _, Unexpected};

use super::*;

type Error = serde_json::Error;

/// serde_json's message for `text` parsed as any JSON value, without its place.
fn syntax(text: &str) -> String {
    let error = serde_json::from_str::<serde_json::Value>(text).expect_err(text);
    let full = error.to_string();
    let place = format!(" at line {} column {}", error.line(), error.column());
    full.strip_suffix(&place).unwrap_or(&full).to_string()
}

/// Texts that break JSON itself, and what serde_json says of each: the
/// shapes of syntax errors covered. The three that JSON text read into a
/// dataset cannot make (a map key that should be a number, or a finite
/// float, and an expected `"`) are matched by their words all the same.
const BROKEN: [(&str, &str); 20] = [
    ("", "EOF while parsing a value"),
    ("[1", "EOF while parsing a list"),
    ("{\"a\": 1", "EOF while parsing an object"),
    ("\"abc", "EOF while parsing a string"),
    ("{\"a\" 1}", "expected `:`"),
    ("[1 2]", "expected `,` or `]`"),
    ("{\"a\": 1 \"b\": 2}", "expected `,` or `}`"),
    ("nux", "expected ident"),
    ("[,]", "expected value"),
    ("\"\\x\"", "invalid escape"),
    ("-x", "invalid number"),
    ("1e999", "number out of range"),
    ("\"\\udc00\"", "lone leading surrogate in hex escape"),
    ("\"\\ud800x\"", "unexpected end of hex escape"),
    (
        "\"a\u{1}b\"",
        "control character (\\u0000-\\u001F) found while parsing a string",
    ),
    ("{1: 2}", "key must be a string"),
    ("[1,]", "trailing comma"),
    ("1 2", "trailing characters"),
    ("[]", "invalid type: sequence, expected a map"),
    ("{\"a\": null}", "invalid type: null, expected a string"),
];

/// serde_json's message for each broken text: the ones above, and one for
/// a nesting too deep.
fn broken() -> Vec<String> {
    let mut messages = Vec::new();
    for (text, said) in BROKEN {
        let message = match text {
            "[]" => serde_json::from_str::<std::collections::HashMap<String, u8>>(text)
                .map(|_| ())
                .map_err(|e| e.to_string()),
            "{\"a\": null}" => {
                serde_json::from_str::<std::collections::HashMap<String, String>>(text)
                    .map(|_| ())
                    .map_err(|e| e.to_string())
            }
            _ => Err(syntax(text)),
        };
        let message = message.expect_err(text);
        let message = message
            .split(" at line ")
            .next()
            .unwrap_or_default()
            .to_string();
        assert_eq!(message, said, "{text:?}");
        messages.push(message);
    }
    messages.push(syntax(&"[".repeat(200)));
    messages
}

/// Messages of the shapes serde's errors take, made by serde.
fn shaped() -> Vec<String> {
    let errors = [
        Error::missing_field("name"),
        Error::duplicate_field("id"),
        Error::unknown_field("colour", &[]),
        Error::unknown_field("colour", &["id"]),
        Error::unknown_field("colour", &["id", "name"]),
        Error::unknown_field("a, expected `b`", &["id", "name", "regions"]),
        Error::unknown_variant("maybe", &[]),
        Error::unknown_variant("maybe", &["granted", "refused", "partial"]),
        Error::invalid_type(Unexpected::Signed(3), &"a string"),
        Error::invalid_type(Unexpected::Unsigned(3), &"a boolean"),
        Error::invalid_type(Unexpected::Bool(true), &"struct Dataset"),
        Error::invalid_type(Unexpected::Float(1.5), &"u64"),
        Error::invalid_type(Unexpected::Char('x'), &"i32"),
        Error::invalid_type(Unexpected::Str("a \"b\", expected c"), &"f64"),
        Error::invalid_type(Unexpected::Unit, &"a sequence"),
        Error::invalid_type(Unexpected::Seq, &"a string"),
        Error::invalid_type(Unexpected::Map, &"enum Outcome"),
        Error::invalid_value(Unexpected::Other("number"), &"a string"),
        Error::invalid_length(2, &"a sequence"),
    ];
    errors.iter().map(Error::to_string).collect()
}

/// Every message that a dataset's JSON can give, made by serde_json.
fn all() -> Vec<String> {
    let mut messages = broken();
    messages.extend(shaped());
    messages
}

#[test]
fn each_broken_text_gives_a_message_of_its_own() {
    let mut messages = all();
    let count = messages.len();
    messages.sort();
    messages.dedup();
    assert_eq!(messages.len(), count, "{messages:#?}");
}

#[test]
fn every_shape_is_worded_again_and_english_gives_serde_words_back() {
    for said in all() {
        assert_ne!(
            message(&said, Lang::Fr).text,
            Message::new(DataText::JsonOther).text,
            "not recognised: {said}"
        );
        assert_eq!(describe(&said, Lang::En), said);
        let fr = describe(&said, Lang::Fr);
        assert_ne!(fr, said);
        for english in [
            "expected", "missing", "field", "invalid", "while", "parsing",
        ] {
            let outside: String = unquoted(&fr);
            assert!(
                !outside
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| w == english),
                "{english:?} in {fr:?} (from {said:?})"
            );
        }
    }
}

/// The text outside « » quotes.
fn unquoted(text: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '«' => depth += 1,
            '»' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

#[test]
fn values_are_kept_inside_the_french_sentence() {
    let fr = |said: &str| describe(said, Lang::Fr);
    assert_eq!(fr("missing field `name`"), "champ « name » manquant");
    assert_eq!(
        fr("invalid type: integer `3`, expected a string"),
        "type invalide : l'entier 3 là où il faut une chaîne de caractères"
    );
    assert_eq!(
        fr("unknown field `colour`, expected one of `id`, `name`"),
        "champ inconnu « colour » ; champs possibles : « id », « name »"
    );
    assert_eq!(
        fr("unknown field `colour`, expected `id` or `name`"),
        "champ inconnu « colour » ; champs possibles : « id », « name »"
    );
    assert_eq!(
        fr("invalid type: string \"x\", expected struct Dataset"),
        "type invalide : la chaîne « x » là où il faut un objet (Dataset)"
    );
    assert_eq!(fr("expected `,` or `}`"), "« , » ou « } » attendu");
    assert_eq!(
        fr("trailing characters"),
        "caractères de trop après la fin du document"
    );
}

#[test]
fn an_unknown_shape_keeps_serde_words_inside_a_french_frame() {
    let said = "something serde_json may say one day";
    assert_eq!(
        message(said, Lang::Fr).text,
        Message::new(DataText::JsonOther).text
    );
    assert_eq!(
        describe(said, Lang::Fr),
        "JSON refusé, selon serde_json : « something serde_json may say one day »"
    );
    assert_eq!(describe(said, Lang::En), said);
    // Types serde names that have no row are quoted as they are.
    assert_eq!(
        describe(
            "invalid type: byte array, expected a tuple of size 2",
            Lang::Fr
        ),
        "type invalide : « byte array » là où il faut « a tuple of size 2 »"
    );
}
