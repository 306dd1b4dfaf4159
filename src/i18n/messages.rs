//! Messages with values in them and the nouns the interface counts: one row
//! each, French then English. The macros make the enum and its table from the
//! same rows, so a message or a word cannot lack its words.

/// Declares an enum and the function giving each variant's row.
macro_rules! rows {
    ($(#[$meta:meta])* $name:ident -> $row:ty { $($(#[$vmeta:meta])* $variant:ident { $($field:ident: $text:expr),* $(,)? })* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $name {
            $($(#[$vmeta])* $variant),*
        }

        impl $name {
            /// The variant's row of words.
            pub(super) fn row(self) -> $row {
                match self {
                    $($name::$variant => ($($text),*)),*
                }
            }
        }
    };
}

pub(super) use rows;

/// Declares an enum of words, each variant a row of its French and English,
/// read with [`Lang::word`](super::Lang::word).
macro_rules! words {
    ($(#[$meta:meta])* $name:ident { $($body:tt)* }) => {
        super::messages::rows! {
            $(#[$meta])*
            $name -> (&'static str, &'static str) { $($body)* }
        }

        impl super::Word for $name {
            fn fr_en(self) -> (&'static str, &'static str) {
                self.row()
            }
        }
    };
}

pub(super) use words;

rows! {
    /// A message with values in it; `{name}` marks where a value goes.
    Text -> (&'static str, &'static str) {
        NotATerminal {
            fr: "l'explorateur a besoin d'un terminal interactif ({why}) ; utilisez plutôt une sous-commande : {commands} (voir « pap-tui --help »)",
            en: "the explorer needs an interactive terminal ({why}); use a subcommand instead: {commands} (see `pap-tui --help`)",
        }
        StdinNotTerminal {
            fr: "l'entrée standard n'est pas un terminal",
            en: "standard input is not a terminal",
        }
        StdoutNotTerminal {
            fr: "la sortie standard n'est pas un terminal",
            en: "standard output is not a terminal",
        }
        DumbTerminal {
            fr: "TERM vaut dumb",
            en: "TERM is dumb",
        }
        DataNotApplicable {
            fr: "--data ne s'applique pas à « {command} », qui ne lit aucun jeu de données",
            en: "--data does not apply to `{command}`, which reads no dataset",
        }
        DataForValidate {
            fr: "--data ne s'applique pas à « validate », qui vérifie le fichier qu'on lui donne (pap-tui validate FICHIER)",
            en: "--data does not apply to `validate`, which checks the file it is given (pap-tui validate FILE)",
        }
        DataTwice {
            fr: "--data est donné deux fois, avant et après « {command} » ; donnez-le une fois",
            en: "--data is given twice, before and after `{command}`; give it once",
        }
        ExportBinaryToTerminal {
            fr: "une base SQLite est binaire et la sortie standard est un terminal : donnez --output FICHIER ou redirigez la sortie (> pap.db)",
            en: "an SQLite database is binary and standard output is a terminal: give --output FILE or redirect the output (> pap.db)",
        }
        ExportExists {
            fr: "existe déjà ; choisissez un autre nom ou ajoutez --force pour le remplacer",
            en: "already exists; choose another name, or add --force to replace it",
        }
        ExportCannotWrite {
            fr: "écriture impossible ({error})",
            en: "cannot write ({error})",
        }
        ExportMetadataNeedsSqlite {
            fr: "--metadata va avec --format sqlite : Datasette lit des bases SQLite",
            en: "--metadata goes with --format sqlite: Datasette reads SQLite databases",
        }
        ExportMetadataDatabase {
            fr: "les descriptions des tables de --metadata visent la base « {database} » : Datasette nomme une base d'après son fichier, sans .db ; nommez-le {database}.db, ou donnez --output",
            en: "--metadata describes the tables of the database \"{database}\": Datasette names a database after its file, without .db; name it {database}.db, or give --output",
        }
        ExportNoGeography {
            fr: "aucune géographie connue pour les régions {codes} : la carte GeoJSON ne couvre que les 17 régions administratives du Québec",
            en: "no geography is known for the regions {codes}: the GeoJSON map covers only Québec's 17 administrative regions",
        }
        ExportSqlite {
            fr: "la base SQLite n'a pas pu être construite ({error})",
            en: "cannot build the SQLite database ({error})",
        }
        ArticlesNoRegion {
            fr: "les articles valent pour toutes les régions ; lancez « pap-tui articles » sans --region",
            en: "articles apply to every region; run `pap-tui articles` without --region",
        }
        CiteNotFound {
            fr: "aucune entrée n'a l'identifiant « {id} » ; cherchez-la avec « pap-tui search {id} »",
            en: "no entry has the id \"{id}\"; look for it with `pap-tui search {id}`",
        }
        CiteAmbiguous {
            fr: "« {id} » est l'identifiant de plusieurs entrées ({kinds}) ; précisez laquelle avec --kind",
            en: "\"{id}\" is the id of several entries ({kinds}); say which with --kind",
        }
        SearchNoTerm {
            fr: "la requête n'a aucun terme de recherche ; donnez-en au moins un (p. ex. « pap-tui search laval »)",
            en: "the query has no search term; give at least one (e.g. `pap-tui search laval`)",
        }
        CacheNotWritten {
            fr: "{dir} : l'index de recherche n'est pas mis en cache ({error})",
            en: "{dir}: the search index is not cached ({error})",
        }
        CacheDirNotOwned {
            fr: "{dir} : ce dossier de cache appartient à un autre utilisateur ; il n'est pas utilisé (recherche sans cache)",
            en: "{dir}: this cache directory belongs to another user; it is not used (searching without the cache)",
        }
        CacheDirWritable {
            fr: "{dir} : d'autres utilisateurs peuvent écrire dans ce dossier de cache ; il n'est pas utilisé (recherche sans cache ; `chmod go-w` le rend utilisable)",
            en: "{dir}: other users can write in this cache directory; it is not used (searching without the cache; `chmod go-w` makes it usable)",
        }
        PathsNoDirectory {
            fr: "(aucun dossier de ce genre sur ce système)",
            en: "(no such directory on this system)",
        }
        ConfigValid {
            fr: "valide",
            en: "valid",
        }
        ConfigAbsent {
            fr: "absent ; réglages par défaut (voir --print-default)",
            en: "not present; defaults in use (see --print-default)",
        }
        KeysUnknownAction {
            fr: "[keys] action inconnue « {action} »",
            en: "[keys] unknown action \"{action}\"",
        }
        KeysUnknownKey {
            fr: "[keys] {action} : touche inconnue « {key} » ; les touches par défaut restent",
            en: "[keys] {action}: unknown key \"{key}\"; the default keys stay",
        }
        KeysClash {
            fr: "[keys] {key} est lié à {winner} et à {loser} ; {winner} l'emporte",
            en: "[keys] {key} is bound to both {winner} and {loser}; {winner} wins",
        }
        ConfigLanguage {
            fr: "language = {value} : « fr » ou « en » attendu",
            en: "language = {value}: expected \"fr\" or \"en\"",
        }
        ConfigTheme {
            fr: "theme = {value} : « dark », « light » ou « mono » attendu",
            en: "theme = {value}: expected \"dark\", \"light\" or \"mono\"",
        }
        ConfigClipboard {
            fr: "clipboard = {value} : « auto », « osc52 », « tmux », « native » ou « off » attendu",
            en: "clipboard = {value}: expected \"auto\", \"osc52\", \"tmux\", \"native\" or \"off\"",
        }
        ConfigMouse {
            fr: "mouse = {value} : true ou false attendu",
            en: "mouse = {value}: expected true or false",
        }
        ConfigKeysValue {
            fr: "keys.{action} = {value} : une touche ou une liste de touches attendue",
            en: "keys.{action} = {value}: expected a key or a list of keys",
        }
        ConfigKeysTable {
            fr: "keys : une table [keys] attendue",
            en: "keys: expected a table [keys]",
        }
        ConfigUnknownSetting {
            fr: "réglage inconnu « {setting} »",
            en: "unknown setting \"{setting}\"",
        }
        ConfigNotUtf8 {
            fr: "pas du texte UTF-8 ; réglages par défaut",
            en: "not UTF-8 text; using the defaults",
        }
        ConfigUnreadable {
            fr: "lecture impossible ({error}) ; réglages par défaut",
            en: "cannot read ({error}); using the defaults",
        }
        ConfigNotRegular {
            fr: "pas un fichier ordinaire (un tube, un périphérique ou un dossier) ; réglages par défaut",
            en: "not a regular file (a pipe, a device or a directory); using the defaults",
        }
        ConfigTooLarge {
            fr: "plus grand que la limite de {limit} octets ; réglages par défaut",
            en: "larger than the limit of {limit} bytes; using the defaults",
        }
        ConfigNotToml {
            fr: "TOML invalide ({error}) ; réglages par défaut",
            en: "not valid TOML ({error}); using the defaults",
        }
        StateUnreadable {
            fr: "lecture impossible ({error}) ; démarrage avec les valeurs par défaut",
            en: "cannot read ({error}); started with defaults",
        }
        StateNotRegular {
            fr: "pas un fichier ordinaire (un tube, un périphérique ou un dossier) ; \
         démarrage avec les valeurs par défaut",
            en: "not a regular file (a pipe, a device or a directory); started with defaults",
        }
        StateTooLarge {
            fr: "plus grand que la limite de {limit} octets ; démarrage avec les valeurs par défaut",
            en: "larger than the limit of {limit} bytes; started with defaults",
        }
        StateNewerKept {
            fr: "écrit par un pap-tui plus récent (version {version}, celui-ci lit la {supported}) ; \
         gardé sous {aside}, démarrage avec les valeurs par défaut",
            en: "written by a newer pap-tui (version {version}, this one reads {supported}); \
         kept as {aside} and started with defaults",
        }
        StateNewerNotKept {
            fr: "écrit par un pap-tui plus récent (version {version}, celui-ci lit la {supported}) ; \
         impossible de le mettre de côté ({error}) ; démarrage avec les valeurs par défaut",
            en: "written by a newer pap-tui (version {version}, this one reads {supported}); \
         could not set it aside ({error}); started with defaults",
        }
        StateInvalidKept {
            fr: "fichier d'état invalide ({reason}) ; gardé sous {aside}, démarrage avec les valeurs par défaut",
            en: "not a valid state file ({reason}); kept as {aside} and started with defaults",
        }
        StateInvalidNotKept {
            fr: "fichier d'état invalide ({reason}) ; impossible de le mettre de côté ({error}) ; \
         démarrage avec les valeurs par défaut",
            en: "not a valid state file ({reason}); could not set it aside ({error}); \
         started with defaults",
        }
        StateLeftAsIs {
            fr: "laissé tel quel ; étoiles et historique pour cette session seulement",
            en: "left as it is; stars and history stay for this session only",
        }
        StateCannotSave {
            fr: "enregistrement impossible ({error}) ; étoiles et historique pour cette session seulement",
            en: "cannot save ({error}); stars and history stay for this session only",
        }
        ClipboardVariable {
            fr: "PAP_TUI_CLIPBOARD={value} : ni auto, osc52, tmux, native ni off ; réglage du fichier de configuration",
            en: "PAP_TUI_CLIPBOARD={value}: not one of auto, osc52, tmux, native, off; using the config",
        }
        ClipboardDisabled {
            fr: "clipboard = off : copie désactivée",
            en: "clipboard = off",
        }
        ClipboardNoTmux {
            fr: "tmux est introuvable dans le PATH",
            en: "tmux is not on PATH",
        }
        ClipboardNoHelper {
            fr: "aucun programme de presse-papiers trouvé (wl-copy, xclip, xsel, pbcopy, clip.exe)",
            en: "no clipboard program found (wl-copy, xclip, xsel, pbcopy, clip.exe)",
        }
        ClipboardTooLong {
            fr: "trop long pour OSC 52 ({size} octets encodés, limite {limit})",
            en: "too long for OSC 52 ({size} bytes encoded, limit {limit})",
        }
        ClipboardSpawn {
            fr: "{program} n'a pas pu être lancé : {error}",
            en: "{program} could not be started: {error}",
        }
        ClipboardFailed {
            fr: "{program} a échoué ({error})",
            en: "{program} failed ({error})",
        }
        ClipboardTimeout {
            fr: "{program} n'a pas terminé en {ms} ms",
            en: "{program} did not finish within {ms} ms",
        }
        ClipboardMayNotLand {
            fr: "Envoyé par OSC 52, peut-être sans effet : dans tmux, il n'arrive que si set-clipboard vaut on",
            en: "Sent by OSC 52, may not have landed: inside tmux it arrives only with set-clipboard on",
        }
        ClipboardTerminal {
            fr: "écriture impossible vers le terminal : {error}",
            en: "cannot write to the terminal: {error}",
        }
        Citation {
            fr: "Source : {ministry}, décision d'accès à l'information {reference}, {date}",
            en: "Source: {ministry}, access-to-information decision {reference}, {date}",
        }
        CitationPart {
            fr: "{part} (OCR l. {lines})",
            en: "{part} (OCR l. {lines})",
        }
        CiteArticle {
            fr: "article {number} de la {law} ({citation})",
            en: "article {number} of the {law} ({citation})",
        }
        CiteQuestion {
            fr: "question {number} de la demande et sa réponse",
            en: "question {number} of the request and its answer",
        }
        HitsHeading {
            fr: "Recherche « {query} » : {hits}",
            en: "Search \"{query}\": {hits}",
        }
        TooSmall {
            fr: "Agrandissez le terminal : au moins {min} (actuellement {now}).",
            en: "Enlarge the terminal to at least {min} (now {now}).",
        }
        SourcesSummary {
            fr: "{values} valeurs : {exact} exactes, {variants} variantes d'OCR, {calls} choix de transcription (docs/data.md), {mismatches} divergences",
            en: "{values} values: {exact} exact, {variants} OCR variants, {calls} judgment calls (docs/data.md), {mismatches} mismatches",
        }
        CopiedHits {
            fr: "Copié : {hits} ({via})",
            en: "Copied {hits} ({via})",
        }
        LetterNotFound {
            fr: "« {query} » n'est pas dans la lettre",
            en: "\"{query}\" is not in the letter",
        }
        LetterPosition {
            fr: "l. {line} · {percent} %",
            en: "l. {line} · {percent}%",
        }
        LetterOpenedAt {
            fr: "l. {line}",
            en: "l. {line}",
        }
        CrumbLetter {
            fr: "lettre",
            en: "letter",
        }
        CrumbLetterAt {
            fr: "lettre l. {line}",
            en: "letter l. {line}",
        }
        CrumbMap {
            fr: "carte",
            en: "map",
        }
        CrumbArticle {
            fr: "art. {number}",
            en: "art. {number}",
        }
        LetterMatch {
            fr: "« {query} » {current}/{total}",
            en: "\"{query}\" {current}/{total}",
        }
        SheetHeading {
            fr: "Entrées étoilées, dans l'ordre de la lettre : {entries}",
            en: "Starred entries, in the letter's order: {entries}",
        }
        StarredNone {
            fr: "aucune entrée étoilée ; étoilez-en dans l'explorateur (s sur une entrée)",
            en: "no starred entry; star some in the explorer (s on an entry)",
        }
        StarredNotRead {
            fr: "les étoiles de ce fichier d'état ne peuvent être lues ; l'explorateur dit pourquoi à son ouverture",
            en: "the stars of this state file cannot be read; the explorer says why when it opens",
        }
        SearchNoHits {
            fr: "Aucun résultat pour « {query} ».",
            en: "No match for \"{query}\".",
        }
        SearchNoHitsHint {
            fr: "Essayez moins de lettres, 'mot pour un texte exact, ou {clear} pour effacer.",
            en: "Try fewer letters, 'word for exact text, or {clear} to clear.",
        }
    }
}

rows! {
    /// Something the interface counts: French singular and plural, then English.
    Noun -> (&'static str, &'static str, &'static str, &'static str) {
        Hit {
            fr_one: "résultat",
            fr_many: "résultats",
            en_one: "hit",
            en_many: "hits",
        }
        Organisation {
            fr_one: "organisme",
            fr_many: "organismes",
            en_one: "organisation",
            en_many: "organisations",
        }
        Region {
            fr_one: "région",
            fr_many: "régions",
            en_one: "region",
            en_many: "regions",
        }
        City {
            fr_one: "ville",
            fr_many: "villes",
            en_one: "city",
            en_many: "cities",
        }
        Problem {
            fr_one: "problème",
            fr_many: "problèmes",
            en_one: "problem",
            en_many: "problems",
        }
        FundingRow {
            fr_one: "ligne de financement",
            fr_many: "lignes de financement",
            en_one: "funding row",
            en_many: "funding rows",
        }
        Article {
            fr_one: "article",
            fr_many: "articles",
            en_one: "article",
            en_many: "articles",
        }
        Withheld {
            fr_one: "caviardée",
            fr_many: "caviardées",
            en_one: "withheld",
            en_many: "withheld",
        }
        Entry {
            fr_one: "entrée",
            fr_many: "entrées",
            en_one: "entry",
            en_many: "entries",
        }
        OtherWarning {
            fr_one: "autre",
            fr_many: "autres",
            en_one: "more",
            en_many: "more",
        }
    }
}
