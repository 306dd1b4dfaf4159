//! The interface's fixed words, one table per language: the panes, columns and
//! titles (`Strings`).

use super::Lang;

/// Every interface string of one language.
#[derive(Debug)]
pub struct Strings {
    /// Before the article numbers of a withholding: Québec statutes are
    /// cited `s.` (section) in English and `art.` in French.
    pub section: &'static str,
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
    /// The headcounts pane's titles when the period does not fit: the year stays.
    pub pane_headcounts_year: &'static str,
    pub pane_headcounts_short: &'static str,
    pub pane_articles: &'static str,
    pub pane_funding: &'static str,
    pub all_regions: &'static str,
    pub regions_word: &'static str,
    pub withheld_plural: &'static str,
    /// One withheld city, in a count: `1 caviardée`.
    pub withheld_one: &'static str,
    pub no_organisation: &'static str,
    pub cited_only: &'static str,
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
    /// The help's section of the keys that several views share.
    pub mode_common: &'static str,
    /// The help's sections of the smaller places: typing the letter's search,
    /// the help itself and its filter, the copy menu, text to copy by hand.
    pub mode_letter_search: &'static str,
    pub mode_help: &'static str,
    pub mode_help_filter: &'static str,
    pub mode_copy_menu: &'static str,
    pub mode_copy_text: &'static str,
    pub letter_title: &'static str,
    pub decision: &'static str,
    pub data_word: &'static str,
    /// In place of `data_word` while the data is being read.
    /// Said of the dataset compiled into the binary.
    pub embedded_word: &'static str,
    pub copied: &'static str,
    pub copy_failed: &'static str,
    /// The colon between a label and its value: ` : ` in French typography,
    /// `: ` in English.
    pub colon: &'static str,
    pub nothing_selected: &'static str,
    pub starred: &'static str,
    /// What `s` says when it stars an entry, and when it unstars one.
    pub star_added: &'static str,
    pub star_removed: &'static str,
    /// The legend of the regions pane's columns: organisations, then people
    /// accompanied, then after `+` the cities withheld (█ as everywhere); Σ
    /// marks them as counts and sums made by pap-tui.
    pub region_legend: &'static str,
    /// What `T` says, before the theme's name.
    pub theme_word: &'static str,
    pub no_stars: &'static str,
    pub copy_menu_title: &'static str,
    pub copy_formats: [&'static str; 3],
    pub copy_text_title: &'static str,
    /// `n` in the letter before any search.
    pub letter_no_search: &'static str,
    /// `n` went past the last match to the first, `N` past the first to the last.
    pub letter_wrapped_top: &'static str,
    pub letter_wrapped_bottom: &'static str,
    /// The letter's search prompt.
    pub letter_search_prompt: &'static str,
    /// The parts of the letter a citation names.
    pub part_annex: &'static str,
    pub part_headcounts: &'static str,
    pub part_funding: &'static str,
    /// Between the parts of a citation.
    pub list_separator: &'static str,
    /// Nothing to copy in the search box.
    pub no_hits_to_copy: &'static str,
    pub no_stars_to_copy: &'static str,
    /// The copy menu's title when it copies the starred entries.
    pub sheet_menu_title: &'static str,
    pub months: [&'static str; 12],
}

pub static FR: Strings = Strings {
    section: "art.",
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
    pane_headcounts_year: "Personnes accompagnées, 2019",
    pane_headcounts_short: "Accompagnées, 2019",
    pane_articles: "Articles cités",
    pane_funding: "Financement additionnel",
    all_regions: "Toutes les régions",
    regions_word: "régions",
    withheld_plural: "caviardées",
    withheld_one: "caviardée",
    no_organisation: "Aucun organisme de cette région dans l'annexe.",
    cited_only: "cité, texte non reproduit",
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
    mode_common: "Touches communes",
    mode_letter_search: "Lettre, recherche en cours de frappe",
    mode_help: "Aide",
    mode_help_filter: "Aide, filtre en cours de frappe",
    mode_copy_menu: "Menu de copie (Y)",
    mode_copy_text: "Texte à copier à la main",
    letter_title: "La lettre (transcription corrigée)",
    decision: "décision",
    data_word: "données",
    embedded_word: "intégrées",
    copied: "Copié",
    copy_failed: "Copie impossible",
    colon: " : ",
    nothing_selected: "Aucune entrée choisie ici",
    starred: "Étoilés",
    star_added: "Étoilé",
    star_removed: "Étoile retirée",
    theme_word: "Thème",
    region_legend: "Σ org. · personnes+█",
    no_stars: "Aucune entrée étoilée. Appuyez sur s sur une entrée pour la garder ici.",
    copy_menu_title: "Copier",
    copy_formats: ["Texte", "Markdown avec la citation", "JSON"],
    copy_text_title: "Copie impossible : sélectionnez le texte à la souris",
    letter_no_search: "Aucune recherche : / cherche dans la lettre",
    letter_wrapped_top: "Recherche reprise au début de la lettre",
    letter_wrapped_bottom: "Recherche reprise à la fin de la lettre",
    letter_search_prompt: "chercher (accents et majuscules ignorés)",
    part_annex: "annexe « Organismes par régions »",
    part_headcounts: "tableau des personnes immigrantes accompagnées",
    part_funding: "tableau des montants additionnels",
    list_separator: " ; ",
    no_hits_to_copy: "Aucun résultat à copier",
    no_stars_to_copy: "Aucune entrée étoilée à copier",
    sheet_menu_title: "Copier les étoilées",
    months: [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
};

pub static EN: Strings = Strings {
    section: "s.",
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
    pane_headcounts_year: "People accompanied, 2019",
    pane_headcounts_short: "Accompanied, 2019",
    pane_articles: "Articles cited",
    pane_funding: "Additional funding",
    all_regions: "All regions",
    regions_word: "regions",
    withheld_plural: "withheld",
    withheld_one: "withheld",
    no_organisation: "No organisation of this region in the annex.",
    cited_only: "cited, text not printed",
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
    mode_common: "Common keys",
    mode_letter_search: "Letter, typing a search",
    mode_help: "Help",
    mode_help_filter: "Help, typing a filter",
    mode_copy_menu: "Copy menu (Y)",
    mode_copy_text: "Text to copy by hand",
    letter_title: "The letter (corrected transcription)",
    decision: "decision",
    data_word: "data",
    embedded_word: "embedded",
    copied: "Copied",
    copy_failed: "Could not copy",
    colon: ": ",
    nothing_selected: "No entry selected here",
    starred: "Starred",
    star_added: "Starred",
    star_removed: "Unstarred",
    theme_word: "Theme",
    region_legend: "Σ orgs · people+█",
    no_stars: "No starred entry yet. Press s on an entry to keep it here.",
    copy_menu_title: "Copy",
    copy_formats: ["Plain text", "Markdown with citation", "JSON"],
    copy_text_title: "Could not copy: select the text with the mouse",
    letter_no_search: "No search yet: / searches the letter",
    letter_wrapped_top: "Search wrapped to the top",
    letter_wrapped_bottom: "Search wrapped to the bottom",
    letter_search_prompt: "search (accents and case ignored)",
    part_annex: "annex \"Organismes par régions\"",
    part_headcounts: "table of immigrants accompanied",
    part_funding: "additional-funding table",
    list_separator: "; ",
    no_hits_to_copy: "No hit to copy",
    no_stars_to_copy: "No starred entry to copy",
    sheet_menu_title: "Copy the starred",
    months: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
};

impl Strings {
    /// The articles a withholding invokes, the one wording of every surface:
    /// `s. 53, 54` in English, `art. 53, 54` in French.
    pub(crate) fn legal_basis(&self, articles: &[String]) -> String {
        format!("{} {}", self.section, articles.join(", "))
    }

    /// A withholding where there is room, the one way every pane, detail,
    /// copy and listing writes it: `█ withheld — s. 53, 54`.
    pub(crate) fn withheld_marker(&self, articles: &[String]) -> String {
        format!("█ {}", self.withheld_words(articles))
    }

    /// A withholding where room is short: `█ art. 53, 54`. The legal basis
    /// matters more than the word, which the block already says.
    pub(crate) fn withheld_marker_short(&self, articles: &[String]) -> String {
        format!("█ {}", self.legal_basis(articles))
    }

    /// The words after the block: `withheld — s. 53, 54`.
    pub(crate) fn withheld_words(&self, articles: &[String]) -> String {
        format!("{} — {}", self.withheld_short, self.legal_basis(articles))
    }

    /// An ISO date (`2020-02-06`) as a citation writes it, `6 février 2020`
    /// or `6 February 2020`; any other text as it is.
    pub(crate) fn date(&self, iso: &str) -> String {
        let mut parts = iso.splitn(3, '-');
        let (Some(year), Some(month), Some(day)) = (parts.next(), parts.next(), parts.next())
        else {
            return iso.to_string();
        };
        let month = month
            .parse::<usize>()
            .ok()
            .and_then(|m| m.checked_sub(1))
            .and_then(|m| self.months.get(m));
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
