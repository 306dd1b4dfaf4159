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
        "Vérifier un fichier de données et signaler chaque problème avec sa ligne et sa colonne",
        "Check a dataset file and report every problem with its line and column",
    ),
    (
        "validate.file",
        "Le fichier de données à vérifier (- pour l'entrée standard)",
        "The dataset file to check (- for standard input)",
    ),
    (
        "paths",
        "Où sont les fichiers de configuration et d'état (PAP_TUI_CONFIG_DIR et PAP_TUI_STATE_DIR les remplacent)",
        "Where the config and state files are (PAP_TUI_CONFIG_DIR and PAP_TUI_STATE_DIR override them)",
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
    ("<COMMAND>", "COMMANDE", "COMMAND"),
    ("#man-commands", "COMMANDES", "COMMANDS"),
    ("#man-exit", "CODE DE RETOUR", "EXIT STATUS"),
    (
        "man/exit",
        "0 : succès. 1 : search n'a rien trouvé. 2 : une erreur (arguments, jeu de données \
         invalide, fichier existant…). 128 + N : l'explorateur a été arrêté par le signal N.",
        "0: success. 1: search found nothing. 2: an error (the arguments, an invalid dataset, \
         an existing file…). 128 + N: the explorer was ended by signal N.",
    ),
    ("#man-environment", "ENVIRONNEMENT", "ENVIRONMENT"),
    (
        "env:LANG",
        "LC_ALL, LC_MESSAGES, LANG : la langue de l'interface sans --lang (fr* : français, sinon anglais)",
        "LC_ALL, LC_MESSAGES, LANG: the interface language without --lang (fr*: French, else English)",
    ),
    (
        "env:PAP_TUI_CONFIG_DIR",
        "PAP_TUI_CONFIG_DIR, PAP_TUI_STATE_DIR : les dossiers de config.toml et de state.json (pap-tui paths les montre)",
        "PAP_TUI_CONFIG_DIR, PAP_TUI_STATE_DIR: the directories of config.toml and state.json (pap-tui paths shows them)",
    ),
    (
        "env:PAP_TUI_CLIPBOARD",
        "PAP_TUI_CLIPBOARD : comment copier (auto, osc52, tmux, native, off)",
        "PAP_TUI_CLIPBOARD: how to copy (auto, osc52, tmux, native, off)",
    ),
    (
        "env:NO_COLOR",
        "NO_COLOR : un écran sans couleur",
        "NO_COLOR: a screen without colour",
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
