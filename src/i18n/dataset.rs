//! What pap-tui says of a dataset that does not load: the file it could not
//! read, the JSON that did not parse (serde_json's messages, worded again), and
//! the problems validation found. One row each, French then English; the
//! English rows of serde_json's messages are serde_json's own words, so a
//! message put back together in English is the one serde_json wrote.

use super::messages::rows;

rows! {
    /// A message about a dataset; `{name}` marks where a value goes.
    DataText -> (&'static str, &'static str) {
        Embedded {
            fr: "assets/pap.json (intégré)",
            en: "assets/pap.json (embedded)",
        }
        Unreadable {
            fr: "lecture du jeu de données impossible : {error}",
            en: "cannot read the dataset: {error}",
        }
        NoSuchFile {
            fr: "aucun fichier ni dossier de ce nom",
            en: "no such file or directory",
        }
        PermissionDenied {
            fr: "permission refusée",
            en: "permission denied",
        }
        NotRegular {
            fr: "ce n'est pas un fichier ordinaire mais {kind} ; donnez le chemin d'un fichier de données",
            en: "not a regular file but {kind}; give the path of a dataset file",
        }
        KindDirectory {
            fr: "un dossier",
            en: "a directory",
        }
        KindFifo {
            fr: "un tube nommé (FIFO)",
            en: "a FIFO (named pipe)",
        }
        KindCharDevice {
            fr: "un périphérique en mode caractère",
            en: "a character device",
        }
        KindBlockDevice {
            fr: "un périphérique en mode bloc",
            en: "a block device",
        }
        KindSocket {
            fr: "une socket",
            en: "a socket",
        }
        KindSpecial {
            fr: "un fichier spécial",
            en: "a special file",
        }
        TooLarge {
            fr: "le fichier dépasse la limite de {limit} octets ({mib} Mio) fixée pour un jeu de données ; vérifiez que c'est bien un fichier de données",
            en: "the file is larger than the limit of {limit} bytes ({mib} MiB) for a dataset; check that it is a dataset file",
        }
        NotUtf8 {
            fr: "le jeu de données n'est pas du texte UTF-8 ; enregistrez-le en UTF-8 et réessayez",
            en: "the dataset is not UTF-8 text; save it as UTF-8 and try again",
        }
        Problems {
            fr: "le jeu de données compte {problems} ; corrigez puis réessayez",
            en: "{count} problem(s) in the dataset; fix them and try again",
        }
        MoreProblems {
            fr: "… et {more} de plus",
            en: "… and {more} more",
        }
        TextTooLong {
            fr: "le champ « {field} » contient un texte de {bytes} octets, au-delà de la limite de {limit} octets par champ",
            en: "{field} is a text of {bytes} bytes, above the limit of {limit} bytes for one field",
        }
        EmptyId {
            fr: "identifiant vide",
            en: "empty id",
        }
        DuplicateId {
            fr: "identifiant « {id} » en double",
            en: "duplicate id \"{id}\"",
        }
        DuplicateRegionCode {
            fr: "code de région « {code} » en double",
            en: "duplicate region code \"{code}\"",
        }
        DuplicateArticleNumber {
            fr: "numéro d'article « {number} » en double",
            en: "duplicate article number \"{number}\"",
        }
        ArticleWithoutText {
            fr: "l'article {number} n'a ni texte ni paraphrase",
            en: "article {number} has neither text nor paraphrase",
        }
        OrganisationWithoutRegion {
            fr: "l'organisme « {id} » n'a aucune région",
            en: "organisation \"{id}\" has no region",
        }
        OrganisationUnknownRegion {
            fr: "l'organisme « {id} » renvoie à une région inconnue, « {code} »",
            en: "organisation \"{id}\" refers to unknown region \"{code}\"",
        }
        CityUnknownRegion {
            fr: "la ville « {id} » renvoie à une région inconnue, « {code} »",
            en: "city \"{id}\" refers to unknown region \"{code}\"",
        }
        CityCountAboveLimit {
            fr: "la ville « {id} » a un effectif de {count}, au-delà de la limite de {limit}",
            en: "city \"{id}\" has a count of {count}, above the limit of {limit}",
        }
        CityCountAndWithheld {
            fr: "la ville « {id} » a à la fois un effectif et un caviardage",
            en: "city \"{id}\" has both a count and a withholding",
        }
        CityNeitherCountNorWithheld {
            fr: "la ville « {id} » n'a ni effectif ni caviardage",
            en: "city \"{id}\" has neither a count nor a withholding",
        }
        CityWithheldWithoutArticle {
            fr: "la ville « {id} » est caviardée sans aucun article",
            en: "city \"{id}\" is withheld without any article",
        }
        CityCitesUnknownArticle {
            fr: "la ville « {id} » cite un article inconnu, « {number} »",
            en: "city \"{id}\" cites unknown article \"{number}\"",
        }
        QuestionCitesUnknownArticle {
            fr: "la question {question} cite un article inconnu, « {number} »",
            en: "question {question} cites unknown article \"{number}\"",
        }
        FundingAmountAboveLimit {
            fr: "la ligne de financement « {id} » a un montant de {amount} $, au-delà de la limite de {limit} $",
            en: "funding row \"{id}\" has an amount of {amount} $, above the limit of {limit} $",
        }
        FundingUnknownOrganisation {
            fr: "la ligne de financement « {id} » renvoie à un organisme inconnu, « {organisation} »",
            en: "funding row \"{id}\" refers to unknown organisation \"{organisation}\"",
        }
        CountsOverflow {
            fr: "les effectifs des villes, additionnés, dépassent ce qu'un total de 64 bits peut tenir",
            en: "the cities' counts add up to more than a 64-bit total holds",
        }
        AmountsOverflow {
            fr: "les montants de financement, additionnés, dépassent ce qu'un total de 64 bits peut tenir",
            en: "the funding amounts add up to more than a 64-bit total holds",
        }
        JsonEofList {
            fr: "le fichier s'arrête au milieu d'une liste",
            en: "EOF while parsing a list",
        }
        JsonEofObject {
            fr: "le fichier s'arrête au milieu d'un objet",
            en: "EOF while parsing an object",
        }
        JsonEofString {
            fr: "le fichier s'arrête au milieu d'une chaîne",
            en: "EOF while parsing a string",
        }
        JsonEofValue {
            fr: "le fichier s'arrête là où une valeur devait venir",
            en: "EOF while parsing a value",
        }
        JsonExpectedColon {
            fr: "« : » attendu",
            en: "expected `:`",
        }
        JsonExpectedCommaOrBracket {
            fr: "« , » ou « ] » attendu",
            en: "expected `,` or `]`",
        }
        JsonExpectedCommaOrBrace {
            fr: "« , » ou « } » attendu",
            en: "expected `,` or `}`",
        }
        JsonExpectedIdent {
            fr: "mot-clé attendu (true, false ou null)",
            en: "expected ident",
        }
        JsonExpectedValue {
            fr: "valeur attendue",
            en: "expected value",
        }
        JsonExpectedQuote {
            fr: "guillemet « \" » attendu",
            en: "expected `\"`",
        }
        JsonInvalidEscape {
            fr: "séquence d'échappement invalide",
            en: "invalid escape",
        }
        JsonInvalidNumber {
            fr: "nombre invalide",
            en: "invalid number",
        }
        JsonNumberOutOfRange {
            fr: "nombre hors limites",
            en: "number out of range",
        }
        JsonInvalidCodePoint {
            fr: "point de code Unicode invalide",
            en: "invalid unicode code point",
        }
        JsonControlCharacter {
            fr: "caractère de contrôle (\\u0000-\\u001F) dans une chaîne",
            en: "control character (\\u0000-\\u001F) found while parsing a string",
        }
        JsonKeyNotString {
            fr: "une clé doit être une chaîne",
            en: "key must be a string",
        }
        JsonKeyNotNumber {
            fr: "valeur invalide : une clé doit être un nombre entre guillemets",
            en: "invalid value: expected key to be a number in quotes",
        }
        JsonKeyNotFinite {
            fr: "une clé décimale doit être finie (NaN ou +/-inf reçu)",
            en: "float key must be finite (got NaN or +/-inf)",
        }
        JsonLoneSurrogate {
            fr: "demi-codet de tête isolé dans un échappement \\u",
            en: "lone leading surrogate in hex escape",
        }
        JsonTrailingComma {
            fr: "virgule de trop à la fin d'une liste ou d'un objet",
            en: "trailing comma",
        }
        JsonTrailingCharacters {
            fr: "caractères de trop après la fin du document",
            en: "trailing characters",
        }
        JsonHexEscapeEnd {
            fr: "échappement \\u inachevé",
            en: "unexpected end of hex escape",
        }
        JsonTooDeep {
            fr: "imbrication trop profonde",
            en: "recursion limit exceeded",
        }
        JsonMissingField {
            fr: "champ « {field} » manquant",
            en: "missing field `{field}`",
        }
        JsonUnknownField {
            fr: "champ inconnu « {field} » ; champs possibles : {names}",
            en: "unknown field `{field}`, expected {expected}",
        }
        JsonUnknownFieldNone {
            fr: "champ inconnu « {field} » ; cet objet n'a aucun champ",
            en: "unknown field `{field}`, there are no fields",
        }
        JsonDuplicateField {
            fr: "champ « {field} » en double",
            en: "duplicate field `{field}`",
        }
        JsonUnknownVariant {
            fr: "valeur inconnue « {variant} » ; valeurs possibles : {names}",
            en: "unknown variant `{variant}`, expected {expected}",
        }
        JsonUnknownVariantNone {
            fr: "valeur inconnue « {variant} » ; aucune valeur n'est possible",
            en: "unknown variant `{variant}`, there are no variants",
        }
        JsonInvalidType {
            fr: "type invalide : {unexpected} là où il faut {expected}",
            en: "invalid type: {unexpected}, expected {expected}",
        }
        JsonInvalidValue {
            fr: "valeur invalide : {unexpected} là où il faut {expected}",
            en: "invalid value: {unexpected}, expected {expected}",
        }
        JsonInvalidLength {
            fr: "longueur invalide : {length} là où il faut {expected}",
            en: "invalid length {length}, expected {expected}",
        }
        JsonOther {
            fr: "JSON refusé, selon serde_json : « {message} »",
            en: "{message}",
        }
        FoundBoolean {
            fr: "le booléen {value}",
            en: "boolean `{value}`",
        }
        FoundInteger {
            fr: "l'entier {value}",
            en: "integer `{value}`",
        }
        FoundFloat {
            fr: "le nombre décimal {value}",
            en: "floating point `{value}`",
        }
        FoundCharacter {
            fr: "le caractère « {value} »",
            en: "character `{value}`",
        }
        FoundString {
            fr: "la chaîne « {inner} »",
            en: "string {quoted}",
        }
        FoundNull {
            fr: "la valeur null",
            en: "null",
        }
        FoundList {
            fr: "une liste",
            en: "sequence",
        }
        FoundObject {
            fr: "un objet",
            en: "map",
        }
        FoundNumber {
            fr: "un nombre",
            en: "number",
        }
        WantString {
            fr: "une chaîne de caractères",
            en: "a string",
        }
        WantList {
            fr: "une liste",
            en: "a sequence",
        }
        WantBoolean {
            fr: "un booléen",
            en: "a boolean",
        }
        WantObject {
            fr: "un objet",
            en: "a map",
        }
        WantStruct {
            fr: "un objet ({name})",
            en: "struct {name}",
        }
        WantEnum {
            fr: "une valeur de {name}",
            en: "enum {name}",
        }
        WantUnsigned {
            fr: "un entier naturel ({name})",
            en: "{name}",
        }
        WantSigned {
            fr: "un entier ({name})",
            en: "{name}",
        }
        WantFloat {
            fr: "un nombre ({name})",
            en: "{name}",
        }
        SerdeWords {
            fr: "« {name} »",
            en: "{name}",
        }
    }
}
