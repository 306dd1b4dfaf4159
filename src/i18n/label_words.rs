//! The interface's fixed words that pap-tui names itself, one row each,
//! French then English: the panes, columns and titles, the modes of the help,
//! the short messages of the status line.

use super::messages::words;

words! {
    /// A word of the interface that pap-tui names itself: a pane, a column, a title, a mode, a short message.
    Label {
        /// Before the article numbers of a withholding: Québec statutes are
        /// cited `s.` (section) in English and `art.` in French.
        Section {
            fr: "art.",
            en: "s.",
        }
        WithheldShort {
            fr: "caviardé",
            en: "withheld",
        }
        ColCode {
            fr: "CODE",
            en: "CODE",
        }
        ColRegion {
            fr: "RÉGION",
            en: "REGION",
        }
        ColOrganisations {
            fr: "ORGANISMES",
            en: "ORGANISATIONS",
        }
        ColHeadcount {
            fr: "ACCOMPAGNÉES",
            en: "ACCOMPANIED",
        }
        ColId {
            fr: "ID",
            en: "ID",
        }
        ColName {
            fr: "NOM",
            en: "NAME",
        }
        ColRegions {
            fr: "RÉGIONS",
            en: "REGIONS",
        }
        ColCity {
            fr: "VILLE",
            en: "CITY",
        }
        ColOrganisation {
            fr: "ORGANISME",
            en: "ORGANISATION",
        }
        ColAmount {
            fr: "MONTANT",
            en: "AMOUNT",
        }
        ColArticle {
            fr: "ARTICLE",
            en: "ARTICLE",
        }
        ColKind {
            fr: "TYPE",
            en: "KIND",
        }
        ColLabel {
            fr: "ENTRÉE",
            en: "ENTRY",
        }
        ColScore {
            fr: "SCORE",
            en: "SCORE",
        }
        Article {
            fr: "Article",
            en: "Article",
        }
        History {
            fr: "Historique",
            en: "History",
        }
        CitedFor {
            fr: "Cité pour (résumé de la transcription)",
            en: "Cited for (transcriber's summary)",
        }
        Paraphrase {
            fr: "Selon la lettre",
            en: "As the letter puts it",
        }
        Total {
            fr: "Total",
            en: "Total",
        }
        Known {
            fr: "connues",
            en: "known",
        }
        PeopleAccompanied {
            fr: "personnes accompagnées",
            en: "people accompanied",
        }
        OrganisationsWord {
            fr: "organismes",
            en: "organisations",
        }
        Period {
            fr: "12 août – 31 déc. 2019",
            en: "12 Aug – 31 Dec 2019",
        }
        NoHits {
            fr: "aucun résultat",
            en: "no match",
        }
        DatasetOk {
            fr: "jeu de données valide",
            en: "dataset is valid",
        }
        KindRegion {
            fr: "région",
            en: "region",
        }
        KindCity {
            fr: "ville",
            en: "city",
        }
        KindOrganisation {
            fr: "organisme",
            en: "organisation",
        }
        KindFunding {
            fr: "financement",
            en: "funding",
        }
        KindArticle {
            fr: "article",
            en: "article",
        }
        KindDocument {
            fr: "lettre",
            en: "letter",
        }
        PaneRegions {
            fr: "Régions",
            en: "Regions",
        }
        PaneOrganisations {
            fr: "Organismes",
            en: "Organisations",
        }
        PaneHeadcounts {
            fr: "Personnes accompagnées, 12 août – 31 déc. 2019",
            en: "People accompanied, 12 Aug – 31 Dec 2019",
        }
        /// The headcounts pane's titles when the period does not fit: the year stays.
        PaneHeadcountsYear {
            fr: "Personnes accompagnées, 2019",
            en: "People accompanied, 2019",
        }
        PaneHeadcountsShort {
            fr: "Accompagnées, 2019",
            en: "Accompanied, 2019",
        }
        PaneArticles {
            fr: "Articles cités",
            en: "Articles cited",
        }
        PaneFunding {
            fr: "Financement additionnel",
            en: "Additional funding",
        }
        AllRegions {
            fr: "Toutes les régions",
            en: "All regions",
        }
        RegionsWord {
            fr: "régions",
            en: "regions",
        }
        WithheldPlural {
            fr: "caviardées",
            en: "withheld",
        }
        /// One withheld city, in a count: `1 caviardée`.
        WithheldOne {
            fr: "caviardée",
            en: "withheld",
        }
        NoOrganisation {
            fr: "Aucun organisme de cette région dans l'annexe.",
            en: "No organisation of this region in the annex.",
        }
        CitedOnly {
            fr: "cité, texte non reproduit",
            en: "cited, text not printed",
        }
        SearchTitle {
            fr: "Rechercher",
            en: "Search",
        }
        HitsWord {
            fr: "résultats",
            en: "hits",
        }
        SearchPrompt {
            fr: "Tapez pour chercher dans toutes les entrées (fzf : 'exact ^début fin$ !exclure)",
            en: "Type to search every entry (fzf: 'exact ^prefix suffix$ !exclude)",
        }
        SourceTitle {
            fr: "Source (OCR)",
            en: "Source (OCR)",
        }
        LinksTitle {
            fr: "Liens",
            en: "Links",
        }
        LineAbbr {
            fr: "l.",
            en: "l.",
        }
        HelpTitle {
            fr: "Touches",
            en: "Keys",
        }
        ModeNormal {
            fr: "Volets",
            en: "Panes",
        }
        ModeSearch {
            fr: "Recherche",
            en: "Search",
        }
        ModeDetail {
            fr: "Détail",
            en: "Detail",
        }
        ModeLetter {
            fr: "Lettre",
            en: "Letter",
        }
        /// The help's section of the keys that several views share.
        ModeCommon {
            fr: "Touches communes",
            en: "Common keys",
        }
        /// The help's sections of the smaller places: typing the letter's search,
        /// the help itself and its filter, the copy menu, text to copy by hand.
        ModeLetterSearch {
            fr: "Lettre, recherche en cours de frappe",
            en: "Letter, typing a search",
        }
        ModeHelp {
            fr: "Aide",
            en: "Help",
        }
        ModeHelpFilter {
            fr: "Aide, filtre en cours de frappe",
            en: "Help, typing a filter",
        }
        ModeCopyMenu {
            fr: "Menu de copie (Y)",
            en: "Copy menu (Y)",
        }
        ModeCopyText {
            fr: "Texte à copier à la main",
            en: "Text to copy by hand",
        }
        LetterTitle {
            fr: "La lettre (transcription corrigée)",
            en: "The letter (corrected transcription)",
        }
        Decision {
            fr: "décision",
            en: "decision",
        }
        DataWord {
            fr: "données",
            en: "data",
        }
        /// In place of `DataWord` while the data is being read.
        /// Said of the dataset compiled into the binary.
        EmbeddedWord {
            fr: "intégrées",
            en: "embedded",
        }
        Copied {
            fr: "Copié",
            en: "Copied",
        }
        CopyFailed {
            fr: "Copie impossible",
            en: "Could not copy",
        }
        /// The colon between a label and its value: ` : ` in French typography,
        /// `: ` in English.
        Colon {
            fr: " : ",
            en: ": ",
        }
        NothingSelected {
            fr: "Aucune entrée choisie ici",
            en: "No entry selected here",
        }
        Starred {
            fr: "Étoilés",
            en: "Starred",
        }
        /// What `s` says when it stars an entry, and when it unstars one.
        StarAdded {
            fr: "Étoilé",
            en: "Starred",
        }
        StarRemoved {
            fr: "Étoile retirée",
            en: "Unstarred",
        }
        /// The legend of the regions pane's columns: organisations, then people
        /// accompanied, then after `+` the cities withheld (█ as everywhere); Σ
        /// marks them as counts and sums made by pap-tui.
        RegionLegend {
            fr: "Σ org. · personnes+█",
            en: "Σ orgs · people+█",
        }
        /// What `T` says, before the theme's name.
        ThemeWord {
            fr: "Thème",
            en: "Theme",
        }
        NoStars {
            fr: "Aucune entrée étoilée. Appuyez sur s sur une entrée pour la garder ici.",
            en: "No starred entry yet. Press s on an entry to keep it here.",
        }
        CopyMenuTitle {
            fr: "Copier",
            en: "Copy",
        }
        CopyPlainText {
            fr: "Texte",
            en: "Plain text",
        }
        CopyMarkdown {
            fr: "Markdown avec la citation",
            en: "Markdown with citation",
        }
        CopyJson {
            fr: "JSON",
            en: "JSON",
        }
        CopyTextTitle {
            fr: "Copie impossible : sélectionnez le texte à la souris",
            en: "Could not copy: select the text with the mouse",
        }
        /// `n` in the letter before any search.
        LetterNoSearch {
            fr: "Aucune recherche : / cherche dans la lettre",
            en: "No search yet: / searches the letter",
        }
        /// `n` went past the last match to the first, `N` past the first to the last.
        LetterWrappedTop {
            fr: "Recherche reprise au début de la lettre",
            en: "Search wrapped to the top",
        }
        LetterWrappedBottom {
            fr: "Recherche reprise à la fin de la lettre",
            en: "Search wrapped to the bottom",
        }
        /// The letter's search prompt.
        LetterSearchPrompt {
            fr: "chercher (accents et majuscules ignorés)",
            en: "search (accents and case ignored)",
        }
        /// The parts of the letter a citation names.
        PartAnnex {
            fr: "annexe « Organismes par régions »",
            en: "annex \"Organismes par régions\"",
        }
        PartHeadcounts {
            fr: "tableau des personnes immigrantes accompagnées",
            en: "table of immigrants accompanied",
        }
        PartFunding {
            fr: "tableau des montants additionnels",
            en: "additional-funding table",
        }
        /// Between the parts of a citation.
        ListSeparator {
            fr: " ; ",
            en: "; ",
        }
        /// Nothing to copy in the search box.
        NoHitsToCopy {
            fr: "Aucun résultat à copier",
            en: "No hit to copy",
        }
        NoStarsToCopy {
            fr: "Aucune entrée étoilée à copier",
            en: "No starred entry to copy",
        }
        /// The copy menu's title when it copies the starred entries.
        SheetMenuTitle {
            fr: "Copier les étoilées",
            en: "Copy the starred",
        }
    }
}

impl Label {
    /// The copy menu's formats, in its order.
    pub(crate) const COPY_FORMATS: [Label; 3] =
        [Label::CopyPlainText, Label::CopyMarkdown, Label::CopyJson];
}
