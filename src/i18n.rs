//! Interface words in French and English: the language, messages with values
//! (`Message`, worded when shown), counted nouns, and the words, each a row
//! with its French beside its English (`Lang::word`). The data itself stays in
//! French. Imports nothing of the domain.

mod action_words;
mod dataset;
mod detail_words;
mod figure_words;
mod help_words;
mod hint_words;
mod label_words;
mod map_words;
mod messages;
mod provenance_words;
mod strings;

pub use action_words::action_text;
pub use dataset::DataText;
pub(crate) use detail_words::DetailLabel;
pub(crate) use figure_words::FigureWord;
pub use help_words::help_text;
pub use hint_words::{enter_text, help_extras, hint_text};
pub use label_words::Label;
pub(crate) use map_words::MapWord;
pub use messages::{Noun, Text};
pub(crate) use provenance_words::ProvenanceWord;
pub use strings::part_text;

/// Interface language.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Default,
    clap::ValueEnum,
    serde::Serialize,
    serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Fr,
    #[default]
    En,
}

impl Lang {
    /// The language of the locale variables, in POSIX precedence (`LC_ALL`,
    /// `LC_MESSAGES`, `LANG`): French for `fr*`, English otherwise.
    pub(crate) fn from_env(get: impl Fn(&str) -> Option<String>) -> Lang {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .filter_map(get)
            .find(|v| !v.is_empty());
        match locale {
            Some(l) if l.to_ascii_lowercase().starts_with("fr") => Lang::Fr,
            _ => Lang::En,
        }
    }

    pub(crate) fn toggled(self) -> Lang {
        match self {
            Lang::Fr => Lang::En,
            Lang::En => Lang::Fr,
        }
    }

    /// An amount in dollars as each language writes it: `4 200 $` or `$4,200`.
    pub(crate) fn amount(self, dollars: u64) -> String {
        let digits = dollars.to_string();
        let mut grouped = String::new();
        for (i, d) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                grouped.push(if self == Lang::Fr { ' ' } else { ',' });
            }
            grouped.push(d);
        }
        match self {
            Lang::Fr => format!("{grouped} $"),
            Lang::En => format!("${grouped}"),
        }
    }

    /// A valid dataset's size, as `pap-tui validate` reports it.
    pub(crate) fn dataset_counts(self, counts: DatasetCounts) -> String {
        let DatasetCounts {
            regions,
            organisations,
            cities,
            withheld,
            funding,
            articles,
        } = counts;
        match self {
            Lang::Fr => format!(
                "{regions} régions, {organisations} organismes, {cities} villes \
                 ({withheld} caviardées), {funding} lignes de financement, {articles} articles"
            ),
            Lang::En => format!(
                "{regions} regions, {organisations} organisations, {cities} cities \
                 ({withheld} withheld), {funding} funding rows, {articles} articles"
            ),
        }
    }

    /// The note on funding rows that `--region` leaves out, naming them.
    pub(crate) fn funding_left_out(self, names: &[String]) -> String {
        let (n, names) = (names.len(), names.join("; "));
        match self {
            Lang::Fr => format!(
                "pap-tui : {n} ligne(s) de financement omise(s), sans organisme de l'annexe donc sans région : {names}"
            ),
            Lang::En => format!(
                "pap-tui: {n} funding row(s) left out, not linked to an organisation of the annex so in no region: {names}"
            ),
        }
    }
}

/// A word pap-tui names itself: a variant of one of the word tables, whose
/// row holds its French and English side by side.
pub trait Word: Copy {
    /// The word in French, then in English.
    fn fr_en(self) -> (&'static str, &'static str);
}

impl Lang {
    /// The word in this language.
    pub fn word(self, word: impl Word) -> &'static str {
        let (fr, en) = word.fr_en();
        match self {
            Lang::Fr => fr,
            Lang::En => en,
        }
    }

    /// The noun as it goes with `n`: French takes the singular for 0 and 1,
    /// English for 1 only.
    pub(crate) fn noun(self, n: u64, noun: Noun) -> &'static str {
        let (fr_one, fr_many, en_one, en_many) = noun.row();
        match self {
            Lang::Fr if n <= 1 => fr_one,
            Lang::Fr => fr_many,
            Lang::En if n == 1 => en_one,
            Lang::En => en_many,
        }
    }

    /// `label: value`, with the colon of the language's typography: ` : ` in
    /// French, `: ` in English.
    pub(crate) fn labelled(
        self,
        label: impl std::fmt::Display,
        value: impl std::fmt::Display,
    ) -> String {
        format!("{label}{}{value}", self.word(Label::Colon))
    }

    /// `n` and its noun: `1 hit`, `2 hits`, `1 résultat`, `0 résultat`.
    pub(crate) fn count(self, n: u64, noun: Noun) -> String {
        format!("{n} {}", self.noun(n, noun))
    }
}

/// The words of a message: a row of one of the tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Words {
    Text(Text),
    Data(DataText),
}

impl From<Text> for Words {
    fn from(text: Text) -> Words {
        Words::Text(text)
    }
}

impl From<DataText> for Words {
    fn from(text: DataText) -> Words {
        Words::Data(text)
    }
}

impl Words {
    fn row(self) -> (&'static str, &'static str) {
        match self {
            Words::Text(text) => text.row(),
            Words::Data(text) => text.row(),
        }
    }
}

/// A message for the user with the values to put in it, worded in the
/// interface language only when it is shown; `file`, when set, comes first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: Words,
    pub values: Vec<(&'static str, String)>,
    pub file: Option<String>,
}

impl Message {
    pub(crate) fn new(text: impl Into<Words>) -> Message {
        Message {
            text: text.into(),
            values: Vec::new(),
            file: None,
        }
    }

    /// The message with one more named value.
    pub(crate) fn with(mut self, name: &'static str, value: impl std::fmt::Display) -> Message {
        self.values.push((name, value.to_string()));
        self
    }

    /// The message about this file.
    pub fn in_file(mut self, file: impl std::fmt::Display) -> Message {
        self.file = Some(file.to_string());
        self
    }

    /// The message in `lang`, the file's name first.
    pub fn describe(&self, lang: Lang) -> String {
        let values: Vec<(&str, &str)> = self.values.iter().map(|(n, v)| (*n, v.as_str())).collect();
        let text = lang.fill(self.text, &values);
        match &self.file {
            Some(file) => lang.labelled(file, text),
            None => text,
        }
    }
}

impl Lang {
    /// A message's text with the named values put in.
    pub(crate) fn fill(self, text: impl Into<Words>, values: &[(&str, &str)]) -> String {
        let (fr, en) = text.into().row();
        let template = match self {
            Lang::Fr => fr,
            Lang::En => en,
        };
        // One pass, so that a value holding `{name}` is never filled in again.
        let mut out = String::with_capacity(template.len());
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let value = after.find('}').and_then(|close| {
                let name = &after[..close];
                values
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| (*v, close))
            });
            match value {
                Some((value, close)) => {
                    out.push_str(value);
                    rest = &after[close + 1..];
                }
                None => {
                    out.push('{');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }
}

/// How many entries of each kind a dataset holds, as plain numbers for
/// [`Lang::dataset_counts`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct DatasetCounts {
    pub regions: usize,
    pub organisations: usize,
    pub cities: usize,
    /// Cities whose count is withheld.
    pub withheld: usize,
    pub funding: usize,
    pub articles: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_from_locale_variables() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(Lang::from_env(env(&[("LANG", "fr_CA.UTF-8")])), Lang::Fr);
        assert_eq!(Lang::from_env(env(&[("LANG", "en_US.UTF-8")])), Lang::En);
        assert_eq!(Lang::from_env(env(&[])), Lang::En);
        assert_eq!(
            Lang::from_env(env(&[("LC_ALL", "en_CA"), ("LANG", "fr_CA")])),
            Lang::En
        );
        assert_eq!(
            Lang::from_env(env(&[("LC_ALL", ""), ("LANG", "fr")])),
            Lang::Fr
        );
    }

    #[test]
    fn amounts_in_each_language() {
        assert_eq!(Lang::Fr.amount(4200), "4 200 $");
        assert_eq!(Lang::En.amount(13400), "$13,400");
        assert_eq!(Lang::En.amount(1_000_000), "$1,000,000");
        assert_eq!(Lang::Fr.amount(5), "5 $");
    }

    #[test]
    fn plurals_in_both_languages() {
        assert_eq!(Lang::En.count(1, Noun::Hit), "1 hit");
        assert_eq!(Lang::En.count(0, Noun::Hit), "0 hits");
        assert_eq!(Lang::En.count(2, Noun::Problem), "2 problems");
        assert_eq!(Lang::Fr.count(1, Noun::Hit), "1 résultat");
        assert_eq!(Lang::Fr.count(0, Noun::Hit), "0 résultat");
        assert_eq!(Lang::Fr.count(12, Noun::Withheld), "12 caviardées");
        assert_eq!(Lang::En.count(1, Noun::Organisation), "1 organisation");
    }

    #[test]
    fn a_label_and_its_value_take_each_language_s_colon() {
        assert_eq!(Lang::Fr.labelled("Thème", "sombre"), "Thème : sombre");
        assert_eq!(Lang::En.labelled("Theme", 3), "Theme: 3");
    }

    #[test]
    fn messages_are_filled_once() {
        let values = [("key", "{winner}"), ("winner", "quit"), ("loser", "down")];
        assert_eq!(
            Lang::En.fill(Text::KeysClash, &values),
            "[keys] {winner} is bound to both quit and down; quit wins"
        );
        assert_eq!(
            Message::new(Text::ConfigNotToml)
                .with("error", "x")
                .in_file("f")
                .describe(Lang::Fr),
            "f : TOML invalide (x) ; réglages par défaut"
        );
    }

    #[test]
    fn withheld_marker_names_the_articles() {
        let arts = vec!["53".to_string(), "54".to_string()];
        assert_eq!(Lang::En.withheld_marker(&arts), "█ withheld — s. 53, 54");
        assert_eq!(Lang::Fr.withheld_marker(&arts), "█ caviardé — art. 53, 54");
        assert_eq!(Lang::En.withheld_marker_short(&arts), "█ s. 53, 54");
        assert_eq!(Lang::Fr.withheld_marker_short(&arts), "█ art. 53, 54");
    }
}
