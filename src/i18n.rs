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

    /// A valid dataset's size, as `pap-tui validate` reports it.
    pub fn dataset_counts(self, counts: DatasetCounts) -> String {
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
    pub fn funding_left_out(self, names: &[String]) -> String {
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

    /// The name of a kind of entry in this language.
    pub fn kind(self, kind: crate::search::Kind) -> &'static str {
        use crate::search::Kind;
        let s = self.strings();
        match kind {
            Kind::Region => s.kind_region,
            Kind::City => s.kind_city,
            Kind::Organisation => s.kind_organisation,
            Kind::Funding => s.kind_funding,
            Kind::Article => s.kind_article,
            Kind::Document => s.kind_document,
        }
    }

    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::Fr => &FR,
            Lang::En => &EN,
        }
    }
}

/// How many entries of each kind a dataset holds, as plain numbers for
/// [`Lang::dataset_counts`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DatasetCounts {
    pub regions: usize,
    pub organisations: usize,
    pub cities: usize,
    /// Cities whose count is withheld.
    pub withheld: usize,
    pub funding: usize,
    pub articles: usize,
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
    pub organisations_word: &'static str,
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
    pub pane_regions: &'static str,
    pub pane_organisations: &'static str,
    pub pane_headcounts: &'static str,
    pub pane_articles: &'static str,
    pub all_regions: &'static str,
    pub regions_word: &'static str,
    pub withheld_plural: &'static str,
    /// One withheld city, in a count: `1 caviardée`.
    pub withheld_one: &'static str,
    pub no_organisation: &'static str,
    pub cited_only: &'static str,
    pub too_small: &'static str,
    pub search_title: &'static str,
    pub hits_word: &'static str,
    pub search_prompt: &'static str,
    pub source_title: &'static str,
    pub links_title: &'static str,
    pub line_abbr: &'static str,
    pub help_title: &'static str,
    pub mode_normal: &'static str,
    pub mode_search: &'static str,
    pub mode_detail: &'static str,
    pub mode_letter: &'static str,
    pub letter_title: &'static str,
    pub decision: &'static str,
    pub data_word: &'static str,
    /// Said of the dataset compiled into the binary.
    pub embedded_word: &'static str,
    pub copied: &'static str,
    pub copy_failed: &'static str,
    /// The colon between a label and its value: ` : ` in French typography,
    /// `: ` in English.
    pub colon: &'static str,
    pub nothing_selected: &'static str,
    pub starred: &'static str,
    pub no_stars: &'static str,
    pub copy_menu_title: &'static str,
    pub copy_formats: [&'static str; 3],
    pub copy_text_title: &'static str,
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
    cited_for: "Cité pour (résumé de la transcription)",
    paraphrase: "Selon la lettre",
    total: "Total",
    known: "connues",
    people_accompanied: "personnes accompagnées",
    organisations_word: "organismes",
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
    pane_regions: "Régions",
    pane_organisations: "Organismes",
    pane_headcounts: "Personnes accompagnées, 12 août – 31 déc. 2019",
    pane_articles: "Articles cités",
    all_regions: "Toutes les régions",
    regions_word: "régions",
    withheld_plural: "caviardées",
    withheld_one: "caviardée",
    no_organisation: "Aucun organisme de cette région dans l'annexe.",
    cited_only: "cité, texte non reproduit",
    too_small: "Agrandissez le terminal : au moins {min} (actuellement {now}).",
    search_title: "Rechercher",
    hits_word: "résultats",
    search_prompt: "Tapez pour chercher dans toutes les entrées (fzf : 'exact ^début fin$ !exclure)",
    source_title: "Source (OCR)",
    links_title: "Liens",
    line_abbr: "l.",
    help_title: "Touches",
    mode_normal: "Volets",
    mode_search: "Recherche",
    mode_detail: "Détail",
    mode_letter: "Lettre",
    letter_title: "La lettre (transcription corrigée)",
    decision: "décision",
    data_word: "données",
    embedded_word: "intégrées",
    copied: "Copié",
    copy_failed: "Copie impossible",
    colon: " : ",
    nothing_selected: "Aucune entrée choisie ici",
    starred: "Étoilés",
    no_stars: "Aucune entrée étoilée. Appuyez sur s sur une entrée pour la garder ici.",
    copy_menu_title: "Copier",
    copy_formats: ["Texte", "Markdown avec la citation", "JSON"],
    copy_text_title: "Copie impossible : sélectionnez le texte à la souris",
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
    cited_for: "Cited for (transcriber's summary)",
    paraphrase: "As the letter puts it",
    total: "Total",
    known: "known",
    people_accompanied: "people accompanied",
    organisations_word: "organisations",
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
    pane_regions: "Regions",
    pane_organisations: "Organisations",
    pane_headcounts: "People accompanied, 12 Aug – 31 Dec 2019",
    pane_articles: "Articles cited",
    all_regions: "All regions",
    regions_word: "regions",
    withheld_plural: "withheld",
    withheld_one: "withheld",
    no_organisation: "No organisation of this region in the annex.",
    cited_only: "cited, text not printed",
    too_small: "Enlarge the terminal to at least {min} (now {now}).",
    search_title: "Search",
    hits_word: "hits",
    search_prompt: "Type to search every entry (fzf: 'exact ^prefix suffix$ !exclude)",
    source_title: "Source (OCR)",
    links_title: "Links",
    line_abbr: "l.",
    help_title: "Keys",
    mode_normal: "Panes",
    mode_search: "Search",
    mode_detail: "Detail",
    mode_letter: "Letter",
    letter_title: "The letter (corrected transcription)",
    decision: "decision",
    data_word: "data",
    embedded_word: "embedded",
    copied: "Copied",
    copy_failed: "Could not copy",
    colon: ": ",
    nothing_selected: "No entry selected here",
    starred: "Starred",
    no_stars: "No starred entry yet. Press s on an entry to keep it here.",
    copy_menu_title: "Copy",
    copy_formats: ["Plain text", "Markdown with citation", "JSON"],
    copy_text_title: "Could not copy: select the text with the mouse",
};

impl Strings {
    /// A headcount summary, e.g. `41 + 1 withheld`, `2 caviardées`; `—` when
    /// there is no city.
    pub fn totals(&self, t: &crate::data::Totals) -> String {
        let word = if t.withheld == 1 {
            self.withheld_one
        } else {
            self.withheld_plural
        };
        match (t.cities, t.known, t.withheld) {
            (0, _, _) => "—".to_string(),
            (_, known, 0) => known.to_string(),
            (n, _, withheld) if n == withheld => format!("{withheld} {word}"),
            (_, known, withheld) => format!("{known} + {withheld} {word}"),
        }
    }

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
