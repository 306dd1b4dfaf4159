//! The months of a date and the parts of the letter a citation names, one row
//! each, French then English, and the one wording of a withholding. The
//! interface's other fixed words are the rows of `Label` (`label_words.rs`).

use super::Lang;
use super::label_words::Label;
use super::messages::words;

words! {
    /// A month, as a citation's date names it.
    Month {
        January {
            fr: "janvier",
            en: "January",
        }
        February {
            fr: "février",
            en: "February",
        }
        March {
            fr: "mars",
            en: "March",
        }
        April {
            fr: "avril",
            en: "April",
        }
        May {
            fr: "mai",
            en: "May",
        }
        June {
            fr: "juin",
            en: "June",
        }
        July {
            fr: "juillet",
            en: "July",
        }
        August {
            fr: "août",
            en: "August",
        }
        September {
            fr: "septembre",
            en: "September",
        }
        October {
            fr: "octobre",
            en: "October",
        }
        November {
            fr: "novembre",
            en: "November",
        }
        December {
            fr: "décembre",
            en: "December",
        }
    }
}

impl Month {
    const ALL: [Month; 12] = [
        Month::January,
        Month::February,
        Month::March,
        Month::April,
        Month::May,
        Month::June,
        Month::July,
        Month::August,
        Month::September,
        Month::October,
        Month::November,
        Month::December,
    ];
}

impl Lang {
    /// The articles a withholding invokes, the one wording of every surface:
    /// `s. 53, 54` in English, `art. 53, 54` in French.
    pub(crate) fn legal_basis(self, articles: &[String]) -> String {
        format!("{} {}", self.word(Label::Section), articles.join(", "))
    }

    /// A withholding where there is room, the one way every pane, detail,
    /// copy and listing writes it: `█ withheld — s. 53, 54`.
    pub(crate) fn withheld_marker(self, articles: &[String]) -> String {
        format!("█ {}", self.withheld_words(articles))
    }

    /// A withholding where room is short: `█ art. 53, 54`. The legal basis
    /// matters more than the word, which the block already says.
    pub(crate) fn withheld_marker_short(self, articles: &[String]) -> String {
        format!("█ {}", self.legal_basis(articles))
    }

    /// The words after the block: `withheld — s. 53, 54`.
    pub(crate) fn withheld_words(self, articles: &[String]) -> String {
        format!(
            "{} — {}",
            self.word(Label::WithheldShort),
            self.legal_basis(articles)
        )
    }

    /// The month numbered `number`, from 1 for January.
    pub(crate) fn month(self, number: usize) -> Option<&'static str> {
        let month = Month::ALL.get(number.checked_sub(1)?)?;
        Some(self.word(*month))
    }

    /// An ISO date (`2020-02-06`) as a citation writes it, `6 février 2020`
    /// or `6 February 2020`; any other text as it is.
    pub(crate) fn date(self, iso: &str) -> String {
        let mut parts = iso.splitn(3, '-');
        let (Some(year), Some(month), Some(day)) = (parts.next(), parts.next(), parts.next())
        else {
            return iso.to_string();
        };
        let month = month.parse::<usize>().ok().and_then(|m| self.month(m));
        match (year.parse::<u32>(), month, day.parse::<u32>()) {
            (Ok(year), Some(month), Ok(day)) if (1..=31).contains(&day) => {
                format!("{day} {month} {year}")
            }
            _ => iso.to_string(),
        }
    }
}

/// What each passage of the letter that the search box finds is called in a
/// citation, by its entry's id, French then English. Questions are worded
/// with their number (`Text::CiteQuestion`).
const PARTS: &[(&str, &str, &str)] = &[
    ("letter", "en-tête de la lettre", "letterhead"),
    (
        "law",
        "titre de la loi sur l'accès",
        "title of the access act",
    ),
    (
        "caveat",
        "mise en garde sur les nombres",
        "caveat on the counts",
    ),
    (
        "deployment_note",
        "note sur le déploiement régional",
        "note on the regional deployment",
    ),
    ("review", "recours en révision", "right to a review"),
    ("signatory", "signature", "signature"),
];

/// The name of the letter's passage with this entry id, if it is one.
pub fn part_text(id: &str, lang: Lang) -> Option<&'static str> {
    PARTS
        .iter()
        .find(|(n, _, _)| *n == id)
        .map(|(_, fr, en)| match lang {
            Lang::Fr => *fr,
            Lang::En => *en,
        })
}
