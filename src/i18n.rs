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

    /// The labels of the detail view.
    pub fn labels(self) -> &'static DetailLabels {
        match self {
            Lang::Fr => &DETAIL_FR,
            Lang::En => &DETAIL_EN,
        }
    }

    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::Fr => &FR,
            Lang::En => &EN,
        }
    }
}

/// What each action does, as the help overlay and the status bar say it: one
/// row per action, by the name a config gives it (`Action::name`), French then
/// English.
const ACTIONS: &[(&str, &str, &str)] = &[
    ("quit", "quitter", "quit"),
    ("back", "fermer, effacer, revenir", "close, clear, go back"),
    ("next_pane", "volet suivant", "next pane"),
    ("previous_pane", "volet précédent", "previous pane"),
    ("focus_regions", "régions", "regions"),
    ("focus_organisations", "organismes", "organisations"),
    ("focus_headcounts", "personnes accompagnées", "headcounts"),
    ("focus_articles", "articles de loi", "articles"),
    ("focus", "volet", "pane"),
    ("up", "monter", "up"),
    ("down", "descendre", "down"),
    ("page_up", "page précédente", "page up"),
    ("page_down", "page suivante", "page down"),
    ("first", "début", "first"),
    ("last", "fin", "last"),
    ("left", "vers les régions", "to regions"),
    ("right", "vers les organismes", "to organisations"),
    ("open", "détail, suivre le lien", "detail, follow link"),
    ("search", "rechercher", "search"),
    ("copy", "copier", "copy"),
    (
        "copy_menu",
        "copier en texte, Markdown ou JSON",
        "copy as text, Markdown or JSON",
    ),
    ("star", "étoile : garder l'entrée", "star: keep the entry"),
    ("language", "English", "français"),
    ("help", "aide", "help"),
    ("letter", "la lettre", "the letter"),
    ("delete_back", "effacer un caractère", "delete a character"),
    ("delete_word", "effacer un mot", "delete a word"),
    ("clear_input", "tout effacer", "clear the query"),
    (
        "copy_choice",
        "copier dans ce format",
        "copy in this format",
    ),
    ("input", "taper", "type"),
    ("paste", "coller", "paste"),
    ("select", "choisir", "select"),
    ("scroll", "défiler", "scroll"),
    ("set_language", "langue", "language"),
    ("resize", "taille du terminal", "terminal size"),
];

/// What the action of this name does, in `lang`; `?` for a name the table
/// lacks (a test keeps the table complete).
pub fn action_text(name: &str, lang: Lang) -> &'static str {
    match ACTIONS.iter().find(|(n, _, _)| *n == name) {
        Some((_, fr, en)) => match lang {
            Lang::Fr => fr,
            Lang::En => en,
        },
        None => "?",
    }
}

/// Messages with values in them. Each has one row in `TEXTS`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Text {
    KeysUnknownAction,
    KeysUnknownKey,
    KeysClash,
    ConfigLanguage,
    ConfigTheme,
    ConfigClipboard,
    ConfigMouse,
    ConfigKeysValue,
    ConfigKeysTable,
    ConfigUnknownSetting,
    ConfigNotUtf8,
    ConfigUnreadable,
    ConfigNotToml,
    StateUnreadable,
    StateNewerKept,
    StateNewerNotKept,
    StateInvalidKept,
    StateInvalidNotKept,
    StateLeftAsIs,
    StateCannotSave,
    ClipboardVariable,
    ClipboardDisabled,
    ClipboardNoTmux,
    ClipboardNoHelper,
    ClipboardTooLong,
    ClipboardSpawn,
    ClipboardFailed,
    ClipboardTimeout,
    ClipboardTerminal,
}

impl Text {
    /// The message's row: French, then English; `{name}` marks where a value goes.
    fn row(self) -> (&'static str, &'static str) {
        match self {
            Text::ClipboardDisabled => ("clipboard = off : copie désactivée", "clipboard = off"),
            Text::ClipboardNoTmux => ("tmux est introuvable dans le PATH", "tmux is not on PATH"),
            Text::ClipboardNoHelper => (
                "aucun programme de presse-papiers trouvé (wl-copy, xclip, xsel, pbcopy, clip.exe)",
                "no clipboard program found (wl-copy, xclip, xsel, pbcopy, clip.exe)",
            ),
            Text::ClipboardTooLong => (
                "trop long pour OSC 52 ({size} octets encodés, limite {limit})",
                "too long for OSC 52 ({size} bytes encoded, limit {limit})",
            ),
            Text::ClipboardSpawn => (
                "{program} n'a pas pu être lancé : {error}",
                "{program} could not be started: {error}",
            ),
            Text::ClipboardFailed => ("{program} a échoué ({error})", "{program} failed ({error})"),
            Text::ClipboardTimeout => (
                "{program} n'a pas terminé en {ms} ms",
                "{program} did not finish within {ms} ms",
            ),
            Text::ClipboardTerminal => (
                "écriture impossible vers le terminal : {error}",
                "cannot write to the terminal: {error}",
            ),
            Text::KeysUnknownAction => (
                "[keys] action inconnue « {action} »",
                "[keys] unknown action \"{action}\"",
            ),
            Text::KeysUnknownKey => (
                "[keys] {action} : touche inconnue « {key} » ; les touches par défaut restent",
                "[keys] {action}: unknown key \"{key}\"; the default keys stay",
            ),
            Text::KeysClash => (
                "[keys] {key} est lié à {winner} et à {loser} ; {winner} l'emporte",
                "[keys] {key} is bound to both {winner} and {loser}; {winner} wins",
            ),
            Text::ConfigLanguage => (
                "language = {value} : « fr » ou « en » attendu",
                "language = {value}: expected \"fr\" or \"en\"",
            ),
            Text::ConfigTheme => (
                "theme = {value} : « dark », « light » ou « mono » attendu",
                "theme = {value}: expected \"dark\", \"light\" or \"mono\"",
            ),
            Text::ConfigClipboard => (
                "clipboard = {value} : « auto », « osc52 », « tmux », « native » ou « off » attendu",
                "clipboard = {value}: expected \"auto\", \"osc52\", \"tmux\", \"native\" or \"off\"",
            ),
            Text::ConfigMouse => (
                "mouse = {value} : true ou false attendu",
                "mouse = {value}: expected true or false",
            ),
            Text::ConfigKeysValue => (
                "keys.{action} = {value} : une touche ou une liste de touches attendue",
                "keys.{action} = {value}: expected a key or a list of keys",
            ),
            Text::ConfigKeysTable => (
                "keys : une table [keys] attendue",
                "keys: expected a table [keys]",
            ),
            Text::ConfigUnknownSetting => (
                "réglage inconnu « {setting} »",
                "unknown setting \"{setting}\"",
            ),
            Text::ConfigNotUtf8 => (
                "pas du texte UTF-8 ; réglages par défaut",
                "not UTF-8 text; using the defaults",
            ),
            Text::ConfigUnreadable => (
                "lecture impossible ({error}) ; réglages par défaut",
                "cannot read ({error}); using the defaults",
            ),
            Text::ConfigNotToml => (
                "TOML invalide ({error}) ; réglages par défaut",
                "not valid TOML ({error}); using the defaults",
            ),
            Text::StateUnreadable => (
                "lecture impossible ({error}) ; démarrage avec les valeurs par défaut",
                "cannot read ({error}); started with defaults",
            ),
            Text::StateNewerKept => (
                "écrit par un pap-tui plus récent (version {version}, celui-ci lit la {supported}) ; \
         gardé sous {aside}, démarrage avec les valeurs par défaut",
                "written by a newer pap-tui (version {version}, this one reads {supported}); \
         kept as {aside} and started with defaults",
            ),
            Text::StateNewerNotKept => (
                "écrit par un pap-tui plus récent (version {version}, celui-ci lit la {supported}) ; \
         impossible de le mettre de côté ({error}) ; démarrage avec les valeurs par défaut",
                "written by a newer pap-tui (version {version}, this one reads {supported}); \
         could not set it aside ({error}); started with defaults",
            ),
            Text::StateInvalidKept => (
                "fichier d'état invalide ({reason}) ; gardé sous {aside}, démarrage avec les valeurs par défaut",
                "not a valid state file ({reason}); kept as {aside} and started with defaults",
            ),
            Text::StateInvalidNotKept => (
                "fichier d'état invalide ({reason}) ; impossible de le mettre de côté ({error}) ; \
         démarrage avec les valeurs par défaut",
                "not a valid state file ({reason}); could not set it aside ({error}); \
         started with defaults",
            ),
            Text::StateLeftAsIs => (
                "laissé tel quel ; étoiles et historique pour cette session seulement",
                "left as it is; stars and history stay for this session only",
            ),
            Text::StateCannotSave => (
                "enregistrement impossible ({error}) ; étoiles et historique pour cette session seulement",
                "cannot save ({error}); stars and history stay for this session only",
            ),
            Text::ClipboardVariable => (
                "PAP_TUI_CLIPBOARD={value} : ni auto, osc52, tmux, native ni off ; réglage du fichier de configuration",
                "PAP_TUI_CLIPBOARD={value}: not one of auto, osc52, tmux, native, off; using the config",
            ),
        }
    }
}

/// Things the interface counts. Each has one row in `NOUNS`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Noun {
    Hit,
    Organisation,
    Region,
    City,
    Problem,
    FundingRow,
    Article,
    Withheld,
    OtherWarning,
}

impl Noun {
    /// The noun's row: French singular and plural, then English.
    fn row(self) -> (&'static str, &'static str, &'static str, &'static str) {
        match self {
            Noun::Hit => ("résultat", "résultats", "hit", "hits"),
            Noun::Organisation => ("organisme", "organismes", "organisation", "organisations"),
            Noun::Region => ("région", "régions", "region", "regions"),
            Noun::City => ("ville", "villes", "city", "cities"),
            Noun::Problem => ("problème", "problèmes", "problem", "problems"),
            Noun::FundingRow => (
                "ligne de financement",
                "lignes de financement",
                "funding row",
                "funding rows",
            ),
            Noun::Article => ("article", "articles", "article", "articles"),
            Noun::Withheld => ("caviardée", "caviardées", "withheld", "withheld"),
            Noun::OtherWarning => ("autre", "autres", "more", "more"),
        }
    }
}

impl Lang {
    /// The noun as it goes with `n`: French takes the singular for 0 and 1,
    /// English for 1 only.
    pub fn noun(self, n: u64, noun: Noun) -> &'static str {
        let (fr_one, fr_many, en_one, en_many) = noun.row();
        match self {
            Lang::Fr if n <= 1 => fr_one,
            Lang::Fr => fr_many,
            Lang::En if n == 1 => en_one,
            Lang::En => en_many,
        }
    }

    /// `n` and its noun: `1 hit`, `2 hits`, `1 résultat`, `0 résultat`.
    pub fn count(self, n: u64, noun: Noun) -> String {
        format!("{n} {}", self.noun(n, noun))
    }
}

/// A message for the user with the values to put in it, worded in the
/// interface language only when it is shown; `file`, when set, comes first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: Text,
    pub values: Vec<(&'static str, String)>,
    pub file: Option<String>,
}

impl Message {
    pub fn new(text: Text) -> Message {
        Message {
            text,
            values: Vec::new(),
            file: None,
        }
    }

    /// The message with one more named value.
    pub fn with(mut self, name: &'static str, value: impl std::fmt::Display) -> Message {
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
            Some(file) => format!("{file}{}{text}", lang.strings().colon),
            None => text,
        }
    }
}

impl Lang {
    /// A message's text with the named values put in.
    pub fn fill(self, text: Text, values: &[(&str, &str)]) -> String {
        let (fr, en) = text.row();
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
pub struct DatasetCounts {
    pub regions: usize,
    pub organisations: usize,
    pub cities: usize,
    /// Cities whose count is withheld.
    pub withheld: usize,
    pub funding: usize,
    pub articles: usize,
}

/// The labels of the detail view, one table per language.
#[derive(Debug)]
pub struct DetailLabels {
    pub region: &'static str,
    pub organisation: &'static str,
    pub city: &'static str,
    pub funding: &'static str,
    pub article: &'static str,
    pub code: &'static str,
    pub name: &'static str,
    pub acronym: &'static str,
    pub regions: &'static str,
    pub note: &'static str,
    pub accompanied: &'static str,
    pub amount: &'static str,
    pub printed_as: &'static str,
    pub text: &'static str,
    pub history: &'static str,
    pub paraphrase: &'static str,
    pub cited_for: &'static str,
    pub organisations: &'static str,
    pub not_in_annex: &'static str,
    pub not_in_letter: &'static str,
}

pub static DETAIL_FR: DetailLabels = DetailLabels {
    region: "Région",
    organisation: "Organisme",
    city: "Ville",
    funding: "Financement",
    article: "Article",
    code: "Code",
    name: "Nom",
    acronym: "Sigle",
    regions: "Régions",
    note: "Note de transcription",
    accompanied: "Personnes accompagnées",
    amount: "Montant",
    printed_as: "Tel qu'imprimé",
    text: "Texte",
    history: "Historique",
    paraphrase: "Selon la lettre",
    cited_for: "Cité pour (transcription)",
    organisations: "Organismes",
    not_in_annex: "absent de l'annexe",
    not_in_letter: "la lettre ne nomme pas cette région",
};

pub static DETAIL_EN: DetailLabels = DetailLabels {
    region: "Region",
    organisation: "Organisation",
    city: "City",
    funding: "Funding",
    article: "Article",
    code: "Code",
    name: "Name",
    acronym: "Acronym",
    regions: "Regions",
    note: "Transcriber's note",
    accompanied: "People accompanied",
    amount: "Amount",
    printed_as: "As printed",
    text: "Text",
    history: "History",
    paraphrase: "As the letter puts it",
    cited_for: "Cited for (transcriber)",
    organisations: "Organisations",
    not_in_annex: "not in the annex",
    not_in_letter: "the letter does not name this region",
};

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
        assert_eq!(EN.withheld_marker(&arts), "[withheld: art. 53, 54]");
        assert_eq!(FR.withheld_marker(&arts), "[caviardé : art. 53, 54]");
    }
}
