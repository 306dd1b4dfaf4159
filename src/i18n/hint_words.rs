//! What a key does where it is pressed, as the status bar says it (short, so
//! that the hints a newcomer needs fit at 80 columns) and as the help says the
//! keys whose meaning depends on the mode. One row per name, French then English.

use super::Lang;

/// The status bar's words, by the name `crate::app::hints` gives each hint.
const HINTS: &[(&str, &str, &str)] = &[
    ("search", "rechercher", "search"),
    ("copy", "copier", "copy"),
    ("detail", "détail", "detail"),
    ("organisations", "organismes", "organisations"),
    ("help", "aide", "help"),
    ("star", "étoile", "star"),
    ("quote_sheet", "copier les étoilées", "copy starred"),
    ("copy_menu", "copier en…", "copy as…"),
    ("letter", "lettre", "letter"),
    ("map", "carte", "map"),
    ("next_pane", "volet", "pane"),
    ("language", "English", "français"),
    ("theme", "thème", "theme"),
    ("close", "fermer", "close"),
    ("back", "revenir", "back"),
    ("clear", "effacer", "clear"),
    ("cancel", "annuler", "cancel"),
    ("open_hit", "ouvrir", "open"),
    ("copy_hits", "copier tout", "copy all hits"),
    ("follow_link", "suivre le lien", "follow link"),
    ("open_line", "voir dans la lettre", "open letter line"),
    ("find", "chercher", "find"),
    ("match", "occurrence", "match"),
    ("top_end", "début/fin", "top/end"),
    ("filter", "filtrer", "filter"),
    ("keep_filter", "garder le filtre", "keep filter"),
    ("clear_filter", "effacer le filtre", "clear filter"),
    (
        "copy_chosen",
        "copier dans ce format",
        "copy in this format",
    ),
    (
        "copy_numbered",
        "copier dans le format n",
        "copy in format n",
    ),
    ("map_open", "ses organismes", "its organisations"),
    ("measure", "mesure", "measure"),
    ("corridor", "corridor", "corridor"),
    ("zoom", "zoom", "zoom"),
    ("city_names", "villes", "city names"),
    ("map_panel", "légende", "legend"),
];

/// What Enter does in each mode where it means something else than opening
/// a detail, as the help overlay says it.
const ENTER: &[(&str, &str, &str)] = &[
    ("normal", "détail de l'entrée", "detail of the entry"),
    ("search", "ouvrir le résultat", "open the hit"),
    (
        "detail",
        "suivre le lien, voir la ligne dans la lettre",
        "follow the link, open the line in the letter",
    ),
    (
        "map",
        "les organismes de la région",
        "the region's organisations",
    ),
    (
        "copy_menu",
        "copier dans le format choisi",
        "copy in the chosen format",
    ),
    (
        "letter_search",
        "garder la recherche, ses occurrences soulignées",
        "keep the search, its matches highlighted",
    ),
    ("help_filter", "garder le filtre", "keep the filter"),
];

/// What the help says beyond the keymap, by the mode's name: the mouse, the
/// search history and the query syntax, each as keys (French, English) and
/// what they do (French, English).
const HELP_EXTRAS: &[(&str, [&str; 4])] = &[
    (
        "normal",
        [
            "clic de souris",
            "mouse click",
            "choisir une ligne ; un second clic ouvre son détail",
            "select a row; a second click opens its detail",
        ],
    ),
    (
        "normal",
        [
            "molette de souris",
            "mouse wheel",
            "faire défiler le volet sous le pointeur",
            "scroll the pane under the pointer",
        ],
    ),
    (
        "search",
        [
            "↑ sur le 1er résultat",
            "↑ on the first hit",
            "historique : rappeler les recherches précédentes (↑ encore : plus ancienne)",
            "history: recall earlier searches (↑ again: older)",
        ],
    ),
    (
        "search",
        [
            "mot",
            "word",
            "approximatif : ces lettres dans l'ordre",
            "fuzzy: these letters in order",
        ],
    ),
    ("search", ["'mot", "'word", "texte exact", "exact text"]),
    (
        "search",
        [
            "^mot",
            "^word",
            "commence par (préfixe)",
            "starts with (prefix)",
        ],
    ),
    (
        "search",
        ["mot$", "word$", "finit par (suffixe)", "ends with (suffix)"],
    ),
    (
        "search",
        ["^mot$", "^word$", "exactement ce nom", "exactly this name"],
    ),
    (
        "search",
        [
            "!mot",
            "!word",
            "exclure : sans ce texte exact",
            "exclude: without this exact text",
        ],
    ),
    (
        "search",
        [
            "a b",
            "a b",
            "espace : tous les termes (ET)",
            "space: every term (AND)",
        ],
    ),
    (
        "detail",
        [
            "molette de souris",
            "mouse wheel",
            "faire défiler",
            "scroll",
        ],
    ),
    (
        "letter",
        [
            "molette de souris",
            "mouse wheel",
            "faire défiler",
            "scroll",
        ],
    ),
    (
        "map",
        [
            "clic de souris",
            "mouse click",
            "choisir la région sous le pointeur",
            "select the region under the pointer",
        ],
    ),
];

fn find(table: &[(&str, &'static str, &'static str)], name: &str, lang: Lang) -> &'static str {
    match table.iter().find(|(n, _, _)| *n == name) {
        Some((_, fr, en)) => match lang {
            Lang::Fr => fr,
            Lang::En => en,
        },
        None => "?",
    }
}

/// The status bar's word for a hint of this name, in `lang`; `?` for a name
/// the table lacks (a test keeps it complete).
pub fn hint_text(name: &str, lang: Lang) -> &'static str {
    find(HINTS, name, lang)
}

/// What Enter does in the mode of this name, as the help says it; `None`
/// where the action's own description says it.
pub fn enter_text(mode: &str, lang: Lang) -> Option<&'static str> {
    ENTER
        .iter()
        .any(|(n, _, _)| *n == mode)
        .then(|| find(ENTER, mode, lang))
}

/// The help's rows beyond the keymap for the mode of this name, in `lang`:
/// `(keys, what they do)`.
pub fn help_extras(mode: &str, lang: Lang) -> Vec<(&'static str, &'static str)> {
    HELP_EXTRAS
        .iter()
        .filter(|(m, _)| *m == mode)
        .map(|(_, [keys_fr, keys_en, what_fr, what_en])| match lang {
            Lang::Fr => (*keys_fr, *what_fr),
            Lang::En => (*keys_en, *what_en),
        })
        .collect()
}
