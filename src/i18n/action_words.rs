//! What each action does, as the help overlay, the status bar and the man page
//! say it, French then English.

use super::Lang;

/// What each action does, as the help overlay and the status bar say it: one
/// row per action, by the name a config gives it (`Action::name`), French then
/// English.
const ACTIONS: &[(&str, &str, &str)] = &[
    ("quit", "quitter", "quit"),
    (
        "suspend",
        "suspendre (fg pour revenir)",
        "suspend (fg to come back)",
    ),
    (
        "back",
        "effacer, revenir où l'on était",
        "clear, back where you were",
    ),
    ("next_pane", "volet suivant", "next pane"),
    ("previous_pane", "volet précédent", "previous pane"),
    ("focus_regions", "régions", "regions"),
    ("focus_organisations", "organismes", "organisations"),
    ("focus_headcounts", "personnes accompagnées", "headcounts"),
    ("focus_articles", "articles de loi", "articles"),
    ("focus_funding", "financement", "funding"),
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
    ("find", "chercher dans la lettre", "search the letter"),
    ("filter_help", "filtrer les touches", "filter the keys"),
    ("next_match", "occurrence suivante", "next match"),
    ("previous_match", "occurrence précédente", "previous match"),
    ("copy", "copier", "copy"),
    ("copy_hits", "copier tous les résultats", "copy every hit"),
    (
        "copy_menu",
        "copier en texte, Markdown ou JSON",
        "copy as text, Markdown or JSON",
    ),
    ("star", "étoile : garder l'entrée", "star: keep the entry"),
    (
        "copy_starred",
        "copier les entrées étoilées et leurs sources",
        "copy the starred entries with their sources",
    ),
    ("language", "English", "français"),
    (
        "theme",
        "thème : sombre, clair, sans couleur",
        "theme: dark, light, mono",
    ),
    ("help", "aide", "help"),
    ("letter", "la lettre", "the letter"),
    ("map", "carte des régions", "map of the regions"),
    ("map_measure", "mesure suivante", "next measure"),
    ("city_labels", "noms des villes", "city names"),
    (
        "map_panel",
        "légende et chiffres : cacher, montrer",
        "legend and figures: hide, show",
    ),
    ("zoom_in", "rapprocher", "zoom in"),
    ("zoom_out", "éloigner", "zoom out"),
    (
        "zoom_corridor",
        "corridor Montréal–Québec",
        "Montréal–Québec corridor",
    ),
    (
        "select_map_region",
        "choisir la région",
        "select the region",
    ),
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
