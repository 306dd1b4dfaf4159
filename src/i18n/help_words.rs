//! The command line's help in both languages: what each subcommand does and
//! what each option means, one row each, French then English. `cli` puts these
//! words into clap's definitions, so `--help`, the man page and the shell
//! completions say the same thing.

use super::Lang;

/// One row per key. `command` is a subcommand's summary (`pap-tui` for the
/// program), `command/long` its longer text; `command.arg` an option of one
/// subcommand, `*.arg` an option that means the same everywhere; `<NAME>` a
/// value's placeholder; `#word` a word clap's layout needs.
const HELP: &[(&str, &str, &str)] = &[
    (
        "pap-tui",
        "Explorer la décision d'accès à l'information 18159 du MIFI sur le Parcours d'accompagnement personnalisé",
        "Explore MIFI's access-to-information decision 18159 on the Parcours d'accompagnement personnalisé",
    ),
    (
        "pap-tui/long",
        "Explorer la décision d'accès à l'information 18159 du MIFI (6 février 2020) sur le \
         Parcours d'accompagnement personnalisé : 58 organismes par région, les personnes \
         accompagnées par ville (12 nombres caviardés en vertu des articles 53 et 54), le \
         financement et les articles cités.\n\n\
         Sans commande, ouvre l'explorateur plein écran.",
        "Explore MIFI's access-to-information decision 18159 (6 February 2020) on the \
         Parcours d'accompagnement personnalisé: 58 organisations by region, people \
         accompanied per city (12 withheld under articles 53 and 54), funding, and the \
         articles cited.\n\n\
         With no subcommand, opens the full-screen explorer.",
    ),
    (
        "pap-tui.data",
        "Charger ce fichier de données (même schéma que assets/pap.json) au lieu des données \
         intégrées, pour l'explorateur ou la commande qui suit ; - pour l'entrée standard",
        "Load this dataset file (same schema as assets/pap.json) instead of the embedded one, \
         for the explorer or the subcommand that follows; - for standard input",
    ),
    (
        "pap-tui.no_cache",
        "Avec --data : ne pas lire ni écrire l'index en cache du fichier",
        "With --data: neither read nor write the file's cached index",
    ),
    (
        "*.data",
        "Charger ce fichier de données (même schéma que assets/pap.json) au lieu des données \
         intégrées ; - pour l'entrée standard",
        "Load this dataset file (same schema as assets/pap.json) instead of the embedded one; \
         - for standard input",
    ),
    (
        "*.lang",
        "Langue de l'interface [par défaut : selon LC_ALL, LC_MESSAGES ou LANG : fr* → fr, sinon en]",
        "Interface language [default: from LC_ALL, LC_MESSAGES or LANG: fr* → fr, else en]",
    ),
    ("*.help", "Afficher l'aide", "Print help"),
    ("*.version", "Afficher la version", "Print version"),
    (
        "help",
        "Afficher ce message ou l'aide des commandes données",
        "Print this message or the help of the given subcommand(s)",
    ),
    (
        "help.subcommand",
        "Afficher l'aide de cette commande",
        "Print help for the subcommand(s)",
    ),
    (
        "search",
        "Recherche approximative dans toutes les entrées (syntaxe fzf : 'exact ^début fin$ !exclure). \
         Sort avec le statut 0 s'il y a des résultats, 1 sinon, 2 en cas d'erreur.",
        "Fuzzy search across every entry (fzf syntax: 'exact ^prefix suffix$ !exclude). \
         Exits 0 with hits, 1 with none, 2 on error.",
    ),
    (
        "search.query",
        "Termes de la requête, tous exigés",
        "Query terms, ANDed",
    ),
    (
        "search.limit",
        "Au plus ce nombre de résultats (1 ou plus)",
        "At most this many hits (1 or more)",
    ),
    (
        "search.no_cache",
        "Avec --data : ne pas lire ni écrire l'index en cache du fichier",
        "With --data: neither read nor write the file's cached index",
    ),
    (
        "search.verbose",
        "Dire sur la sortie d'erreur pourquoi le cache n'a pas servi",
        "Say on stderr why the cache was not used",
    ),
    (
        "search.kind",
        "Seulement les entrées de ce type",
        "Only entries of this kind",
    ),
    ("*.format", "Format de sortie", "Output format"),
    (
        "cite",
        "Une entrée avec sa citation : la décision, la partie de la lettre et les lignes de l'OCR où la vérifier",
        "One entry with its citation: the decision, the part of the letter and the OCR lines to check it against",
    ),
    (
        "cite.id",
        "L'identifiant de l'entrée (safima, laval, funding-1, 53) ou une région par son code ou son nom (14, lanaudiere)",
        "The entry's id (safima, laval, funding-1, 53) or a region by its code or name (14, lanaudiere)",
    ),
    (
        "cite.kind",
        "Le type de l'entrée, quand l'identifiant en désigne plusieurs",
        "The entry's kind, when the id names several",
    ),
    (
        "starred",
        "Les entrées étoilées dans l'explorateur (s), dans l'ordre de la lettre, chacune avec sa citation : \
         une feuille de citations à coller. Lit les étoiles du fichier d'état (voir pap-tui paths). \
         Sort avec le statut 1 si aucune entrée n'est étoilée.",
        "The entries starred in the explorer (s), in the letter's order, each with its citation: \
         a quote sheet to paste. Reads the stars from the state file (see pap-tui paths). \
         Exits 1 when no entry is starred.",
    ),
    (
        "regions",
        "Les 17 régions administratives, avec leurs organismes et leurs personnes accompagnées",
        "The 17 administrative regions, with organisations and headcounts",
    ),
    (
        "organisations",
        "Les 58 organismes de l'annexe",
        "The 58 organisations of the annex",
    ),
    (
        "cities",
        "Personnes accompagnées par ville ; un nombre caviardé est signalé, jamais 0",
        "People accompanied per city; withheld counts are marked, never 0",
    ),
    (
        "funding",
        "Le tableau des montants additionnels",
        "The additional-funding table",
    ),
    (
        "articles",
        "Les articles de la loi sur l'accès que cite la lettre",
        "The articles of the access act the letter cites",
    ),
    (
        "*.region",
        "Seulement cette région : un code (14) ou un nom, accents facultatifs (lanaudiere)",
        "Only this region: a code (14) or a name, accents optional (lanaudiere)",
    ),
    (
        "export",
        "Toutes les données : JSON (se recharge avec --data), CSV, Markdown, une base SQLite prête pour Datasette, ou GeoJSON (régions et villes, sur une géographie de fond CC-BY 4.0)",
        "The whole dataset: JSON (loads back with --data), CSV, Markdown, an SQLite database ready for Datasette, or GeoJSON (regions and cities, on CC-BY 4.0 background geography)",
    ),
    (
        "export.output",
        "Écrire dans ce fichier plutôt que sur la sortie standard ; un fichier existant est gardé, sauf avec --force",
        "Write to this file instead of standard output; an existing file is kept unless --force is given",
    ),
    (
        "export.metadata",
        "Avec --format sqlite : écrire aussi le metadata.json de Datasette (titre, source, licence, description des colonnes) dans ce fichier",
        "With --format sqlite: also write Datasette's metadata.json (title, source, licence, column descriptions) to this file",
    ),
    (
        "export.force",
        "Remplacer les fichiers de --output et --metadata s'ils existent",
        "Replace the files of --output and --metadata if they exist",
    ),
    (
        "validate",
        "Vérifier un fichier de données et signaler chaque problème avec sa ligne et sa colonne ; avec --sources, comparer chaque valeur aux lignes de l'OCR qu'elle cite",
        "Check a dataset file and report every problem with its line and column; with --sources, check every value against the OCR lines it cites",
    ),
    (
        "validate.file",
        "Le fichier de données à vérifier (- pour l'entrée standard) ; avec --sources, les données intégrées s'il manque",
        "The dataset file to check (- for standard input); with --sources, the embedded dataset when absent",
    ),
    (
        "validate.sources",
        "Comparer chaque valeur (noms, sigles, nombres, montants, dates, articles) au texte OCR des lignes qu'elle cite : exacte, variante d'OCR (pardonnée et nommée), choix de transcription ou divergence. Statut 1 s'il y a une divergence ou une ligne citée absente.",
        "Compare every value (names, acronyms, counts, amounts, dates, articles) with the OCR text of the lines it cites: exact, OCR variant (forgiven and named), judgment call or mismatch. Exits 1 on a mismatch or a cited line that does not exist.",
    ),
    (
        "validate.ocr",
        "Avec --sources : le texte OCR où sont numérotées les lignes citées [par défaut : l'OCR intégré, assets/ocr.txt]",
        "With --sources: the OCR text the cited lines are numbered in [default: the embedded OCR, assets/ocr.txt]",
    ),
    (
        "paths",
        "Où sont le fichier de configuration, celui d'état et le dossier du cache \
         (PAP_TUI_CONFIG_DIR, PAP_TUI_STATE_DIR et PAP_TUI_CACHE_DIR les remplacent)",
        "Where the config file, the state file and the cache directory are \
         (PAP_TUI_CONFIG_DIR, PAP_TUI_STATE_DIR and PAP_TUI_CACHE_DIR override them)",
    ),
    (
        "config",
        "Vérifier le fichier de configuration, ou en afficher un exemple commenté",
        "Check the config file, or print a commented example",
    ),
    (
        "config.print_default",
        "Afficher le config.toml par défaut, commenté",
        "Print the commented default config.toml",
    ),
    (
        "completions",
        "Afficher le script de complétion d'un shell (à enregistrer là où le shell le cherche)",
        "Print a shell's completion script (to save where the shell looks for it)",
    ),
    (
        "completions.shell",
        "Le shell à compléter",
        "The shell to complete for",
    ),
    (
        "man",
        "Afficher la page de manuel (roff) sur la sortie standard",
        "Print the manual page (roff) on standard output",
    ),
    ("<PATH>", "CHEMIN", "PATH"),
    ("<FILE>", "FICHIER", "FILE"),
    ("<CODE|NAME>", "CODE|NOM", "CODE|NAME"),
    ("<QUERY>", "REQUÊTE", "QUERY"),
    ("<ID>", "ID", "ID"),
    ("<LIMIT>", "LIMITE", "LIMIT"),
    ("<KIND>", "TYPE", "KIND"),
    ("<FORMAT>", "FORMAT", "FORMAT"),
    ("<LANG>", "LANGUE", "LANG"),
    ("<SHELL>", "SHELL", "SHELL"),
    ("<OUTPUT>", "FICHIER", "OUTPUT"),
    ("<METADATA>", "FICHIER", "METADATA"),
    ("<OCR>", "OCR", "OCR"),
    ("<COMMAND>", "COMMANDE", "COMMAND"),
    ("#man-commands", "COMMANDES", "COMMANDS"),
    ("#man-exit", "CODE DE RETOUR", "EXIT STATUS"),
    (
        "man/exit",
        "0 : succès. 1 : search n'a rien trouvé, starred n'a aucune entrée étoilée, ou validate --sources a trouvé une divergence. 2 : une erreur (arguments, jeu de données \
         invalide, fichier existant…). 128 + N : l'explorateur a été arrêté par le signal N.",
        "0: success. 1: search found nothing, starred has no starred entry, or validate --sources found a mismatch. 2: an error (the arguments, an invalid dataset, \
         an existing file…). 128 + N: the explorer was ended by signal N.",
    ),
    ("#man-environment", "ENVIRONNEMENT", "ENVIRONMENT"),
    (
        "env:LANG",
        "la langue de l'interface sans --lang, de la première variable non vide dans cet ordre \
         (fr* : français, sinon anglais)",
        "the interface language without --lang, from the first of them that is not empty, in \
         this order (fr*: French, else English)",
    ),
    (
        "env:PAP_TUI_CONFIG_DIR",
        "le dossier de config.toml, au lieu de celui du système (voir FICHIERS)",
        "the directory of config.toml, instead of the system's (see FILES)",
    ),
    (
        "env:PAP_TUI_STATE_DIR",
        "le dossier de state.json, au lieu de celui du système",
        "the directory of state.json, instead of the system's",
    ),
    (
        "env:PAP_TUI_CACHE_DIR",
        "le dossier du cache des index, au lieu de celui du système",
        "the directory of the index cache, instead of the system's",
    ),
    (
        "env:PAP_TUI_CLIPBOARD",
        "comment y copie : auto, osc52, tmux, native ou off ; l'emporte sur clipboard dans \
         config.toml",
        "how y copies: auto, osc52, tmux, native or off; wins over clipboard in config.toml",
    ),
    (
        "env:PAP_TUI_TEST_PANIC",
        "pour les tests seulement : l'explorateur panique à la première touche, pour vérifier \
         qu'il rend le terminal tel qu'il était",
        "for the tests only: the explorer panics at the first key, to check that it gives the \
         terminal back as it was",
    ),
    (
        "env:NO_COLOR",
        "non vide : un écran sans couleur (le thème mono), quel que soit le thème choisi",
        "not empty: a screen without colour (the mono theme), whatever the theme chosen",
    ),
    (
        "env:TMUX",
        "comment y copie en mode auto : par tmux dans tmux ; par OSC 52 en SSH sans \
         affichage ; sinon par le programme du bureau (wl-copy, xclip, xsel…), à défaut par \
         OSC 52",
        "how y copies in auto mode: through tmux inside tmux; through OSC 52 over SSH with no \
         display; else through the desktop's program (wl-copy, xclip, xsel…), failing that \
         through OSC 52",
    ),
    (
        "env:TERM",
        "dumb : l'explorateur ne s'ouvre pas ; les commandes marchent",
        "dumb: the explorer does not open; the subcommands work",
    ),
    ("#man-keys", "TOUCHES", "KEYS"),
    (
        "man/keys",
        "Les touches de l'explorateur, tirées de sa table de touches, par mode. Dans \
         l'explorateur, ? les montre ; [keys] dans config.toml les change (pap-tui config \
         --print-default en donne les noms d'actions). C- : Ctrl, M- : Alt, S-Tab : Maj-Tab.",
        "The explorer's keys, from its key table, by mode. In the explorer, ? shows them; \
         [keys] in config.toml rebinds them (pap-tui config --print-default lists the action \
         names). C-: Ctrl, M-: Alt, S-Tab: Shift-Tab.",
    ),
    ("#keys-everywhere", "Partout", "Everywhere"),
    (
        "#keys-letter_search",
        "En tapant la recherche de la lettre",
        "Typing the letter's search",
    ),
    (
        "enter:letter_search",
        "garder la recherche, ses occurrences surlignées",
        "keep the search, its matches highlighted",
    ),
    ("#keys-help", "Aide", "Help"),
    (
        "#keys-help_filter",
        "En tapant le filtre de l'aide",
        "Typing the help's filter",
    ),
    ("enter:help_filter", "garder le filtre", "keep the filter"),
    ("#keys-copy_menu", "Menu de copie", "Copy menu"),
    (
        "#keys-copy_text",
        "Texte à copier à la main",
        "Text to copy by hand",
    ),
    ("#man-files", "FICHIERS", "FILES"),
    (
        "man/files",
        "pap-tui paths affiche les trois chemins en usage. Sous Linux, les dossiers XDG \
         (sans XDG_CONFIG_HOME : ~/.config ; sans XDG_STATE_HOME : ~/.local/state ; sans \
         XDG_CACHE_HOME : ~/.cache) ; sous macOS et Windows, ceux du système (Application \
         Support, AppData).",
        "pap-tui paths prints the three paths in use. On Linux, the XDG directories \
         (XDG_CONFIG_HOME unset: ~/.config; XDG_STATE_HOME unset: ~/.local/state; \
         XDG_CACHE_HOME unset: ~/.cache); on macOS and Windows, the system's (Application \
         Support, AppData).",
    ),
    (
        "file:config",
        "Vos réglages : language, theme, clipboard, mouse et [keys]. pap-tui ne l'écrit \
         jamais ; pap-tui config le vérifie, pap-tui config --print-default en affiche un \
         exemple commenté. Un fichier invalide n'empêche jamais l'explorateur de s'ouvrir. \
         PAP_TUI_CONFIG_DIR remplace le dossier.",
        "Your settings: language, theme, clipboard, mouse and [keys]. pap-tui never writes \
         it; pap-tui config checks it, pap-tui config --print-default prints a commented \
         example. A broken file never stops the explorer. PAP_TUI_CONFIG_DIR replaces the \
         directory.",
    ),
    (
        "file:state",
        "Celui de l'explorateur : la dernière sélection, les 50 dernières recherches, les \
         entrées étoilées et le thème choisi avec T. PAP_TUI_STATE_DIR remplace le dossier.",
        "The explorer's: the last selection, the last 50 searches, the starred entries and \
         the theme chosen with T. PAP_TUI_STATE_DIR replaces the directory.",
    ),
    (
        "file:cache",
        "Les index de recherche des fichiers --data, par contenu de fichier : les quatre plus \
         récents, 512 Mio au plus. Ils copient les textes du fichier. Le supprimer est sans \
         danger ; --no-cache ne le lit ni ne l'écrit. Les données intégrées n'y sont jamais. \
         PAP_TUI_CACHE_DIR remplace le dossier.",
        "The search indexes of --data files, by file content: the newest four, 512 MiB at \
         most. They copy the file's texts. Deleting it is always safe; --no-cache neither \
         reads nor writes it. The embedded data is never cached. PAP_TUI_CACHE_DIR replaces \
         the directory.",
    ),
    ("#man-examples", "EXEMPLES", "EXAMPLES"),
    (
        "example:explorer",
        "L'explorateur plein écran, sur les données intégrées.",
        "The full-screen explorer, on the embedded data.",
    ),
    (
        "example:search",
        "Recherche approximative, sans égard aux accents ; le statut est 1 sans résultat.",
        "Fuzzy search, accents ignored; the exit status is 1 when nothing is found.",
    ),
    (
        "example:cities",
        "Les personnes accompagnées dans les villes de Lanaudière, en tableau Markdown à \
         citer, terminé par les lignes de l'OCR d'où viennent les rangées.",
        "People accompanied in Lanaudière's cities, as a Markdown table to quote, ending \
         with the OCR lines its rows come from.",
    ),
    (
        "example:csv",
        "Les organismes de la région 14 en CSV.",
        "The organisations of region 14 as CSV.",
    ),
    (
        "example:cite",
        "Une entrée avec sa citation : la décision, la partie de la lettre, la ligne de l'OCR.",
        "One entry with its citation: the decision, the part of the letter, the OCR line.",
    ),
    (
        "example:starred",
        "Les entrées étoilées dans l'explorateur, avec leurs citations, en Markdown à coller.",
        "The entries starred in the explorer, with their citations, as Markdown to paste.",
    ),
    (
        "example:sqlite",
        "Une base SQLite et le metadata.json de Datasette (datasette pap.db --metadata \
         metadata.json).",
        "An SQLite database and Datasette's metadata.json (datasette pap.db --metadata \
         metadata.json).",
    ),
    (
        "example:validate",
        "Chaque problème d'un autre jeu de données, avec sa ligne et sa colonne.",
        "Every problem of another dataset, with its line and column.",
    ),
    (
        "example:stdin",
        "L'explorateur sur des données lues de l'entrée standard ; les touches viennent du \
         terminal.",
        "The explorer on data read from standard input; the keys come from the terminal.",
    ),
    (
        "example:completions",
        "Installer la complétion de bash (les autres shells : zsh, fish, elvish, powershell).",
        "Install bash's completions (the other shells: zsh, fish, elvish, powershell).",
    ),
    ("#possible", "valeurs possibles", "possible values"),
    ("#default", "par défaut", "default"),
    ("#also", "aussi", "also"),
    ("#usage", "Utilisation :", "Usage:"),
    ("#commands", "Commandes", "Commands"),
    (
        "#fields",
        "Champs des chiffres, les mêmes en JSON, CSV, Markdown, SQLite et GeoJSON (Σ : calculé par pap-tui ; docs/data.md) :",
        "Fields of the figures, the same in JSON, CSV, Markdown, SQLite and GeoJSON (Σ: computed by pap-tui; docs/data.md):",
    ),
];

/// The help of `key` in `lang`, or None when the table has no such row.
pub fn help_text(key: &str, lang: Lang) -> Option<&'static str> {
    HELP.iter()
        .find(|(k, _, _)| *k == key)
        .map(|(_, fr, en)| match lang {
            Lang::Fr => *fr,
            Lang::En => *en,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_once_and_worded_in_both_languages() {
        for (i, (key, fr, en)) in HELP.iter().enumerate() {
            assert!(!fr.trim().is_empty() && !en.trim().is_empty(), "{key}");
            assert!(
                HELP[i + 1..].iter().all(|(k, _, _)| k != key),
                "{key} twice"
            );
        }
        assert_eq!(help_text("*.help", Lang::Fr), Some("Afficher l'aide"));
        assert_eq!(help_text("nothing", Lang::En), None);
    }
}
