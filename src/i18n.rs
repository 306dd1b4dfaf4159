//! Interface strings, one table per language. The data itself stays in French.

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
    pub fn from_env(get: impl Fn(&str) -> Option<String>) -> Lang {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .filter_map(get)
            .find(|v| !v.is_empty());
        match locale {
            Some(l) if l.to_ascii_lowercase().starts_with("fr") => Lang::Fr,
            _ => Lang::En,
        }
    }

    pub fn toggled(self) -> Lang {
        match self {
            Lang::Fr => Lang::En,
            Lang::En => Lang::Fr,
        }
    }

    /// An amount in dollars as each language writes it: `4 200 $` or `$4,200`.
    pub fn amount(self, dollars: u64) -> String {
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

    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::Fr => &FR,
            Lang::En => &EN,
        }
    }
}

/// Every interface string of one language.
#[derive(Debug)]
pub struct Strings {
    pub withheld: &'static str,
    pub withheld_short: &'static str,
    pub col_code: &'static str,
    pub col_region: &'static str,
    pub col_organisations: &'static str,
    pub col_headcount: &'static str,
    pub col_id: &'static str,
    pub col_name: &'static str,
    pub col_regions: &'static str,
    pub col_city: &'static str,
    pub col_organisation: &'static str,
    pub col_amount: &'static str,
    pub col_article: &'static str,
    pub col_kind: &'static str,
    pub col_label: &'static str,
    pub col_score: &'static str,
    pub article: &'static str,
    pub history: &'static str,
    pub cited_for: &'static str,
    pub paraphrase: &'static str,
    pub total: &'static str,
    pub known: &'static str,
    pub people_accompanied: &'static str,
    pub period: &'static str,
    pub citation: &'static str,
    pub no_hits: &'static str,
    pub dataset_ok: &'static str,
    pub kind_region: &'static str,
    pub kind_city: &'static str,
    pub kind_organisation: &'static str,
    pub kind_funding: &'static str,
    pub kind_article: &'static str,
    pub kind_document: &'static str,
}

pub static FR: Strings = Strings {
    withheld: "[caviardé : art. {articles}]",
    withheld_short: "caviardé",
    col_code: "CODE",
    col_region: "RÉGION",
    col_organisations: "ORGANISMES",
    col_headcount: "ACCOMPAGNÉES",
    col_id: "ID",
    col_name: "NOM",
    col_regions: "RÉGIONS",
    col_city: "VILLE",
    col_organisation: "ORGANISME",
    col_amount: "MONTANT",
    col_article: "ARTICLE",
    col_kind: "TYPE",
    col_label: "ENTRÉE",
    col_score: "SCORE",
    article: "Article",
    history: "Historique",
    cited_for: "Cité pour",
    paraphrase: "Selon la lettre",
    total: "Total",
    known: "connues",
    people_accompanied: "personnes accompagnées",
    period: "12 août – 31 déc. 2019",
    citation: "Source : MIFI, décision d'accès à l'information 18159, 6 février 2020.",
    no_hits: "aucun résultat",
    dataset_ok: "jeu de données valide",
    kind_region: "région",
    kind_city: "ville",
    kind_organisation: "organisme",
    kind_funding: "financement",
    kind_article: "article",
    kind_document: "lettre",
};

pub static EN: Strings = Strings {
    withheld: "[withheld: art. {articles}]",
    withheld_short: "withheld",
    col_code: "CODE",
    col_region: "REGION",
    col_organisations: "ORGANISATIONS",
    col_headcount: "ACCOMPANIED",
    col_id: "ID",
    col_name: "NAME",
    col_regions: "REGIONS",
    col_city: "CITY",
    col_organisation: "ORGANISATION",
    col_amount: "AMOUNT",
    col_article: "ARTICLE",
    col_kind: "KIND",
    col_label: "ENTRY",
    col_score: "SCORE",
    article: "Article",
    history: "History",
    cited_for: "Cited for",
    paraphrase: "As the letter puts it",
    total: "Total",
    known: "known",
    people_accompanied: "people accompanied",
    period: "12 Aug – 31 Dec 2019",
    citation: "Source: MIFI, access-to-information decision 18159, 6 February 2020.",
    no_hits: "no match",
    dataset_ok: "dataset is valid",
    kind_region: "region",
    kind_city: "city",
    kind_organisation: "organisation",
    kind_funding: "funding",
    kind_article: "article",
    kind_document: "letter",
};

impl Strings {
    /// The withheld marker with its articles, e.g. `[withheld: art. 53, 54]`.
    pub fn withheld_marker(&self, articles: &[String]) -> String {
        self.withheld.replace("{articles}", &articles.join(", "))
    }
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
    fn withheld_marker_names_the_articles() {
        let arts = vec!["53".to_string(), "54".to_string()];
        assert_eq!(EN.withheld_marker(&arts), "[withheld: art. 53, 54]");
        assert_eq!(FR.withheld_marker(&arts), "[caviardé : art. 53, 54]");
    }
}
