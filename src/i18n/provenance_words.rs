//! The words of `validate --sources`, French then English: its columns, its
//! verdicts, the confusions it forgives and the judgment calls it names.

use super::messages::words;

words! {
    /// A word of the provenance report.
    ProvenanceWord {
        ColField {
            fr: "CHAMP",
            en: "FIELD",
        }
        ColValue {
            fr: "VALEUR",
            en: "VALUE",
        }
        ColLines {
            fr: "LIGNES",
            en: "LINES",
        }
        ColVerdict {
            fr: "VERDICT",
            en: "VERDICT",
        }
        Exact {
            fr: "exact",
            en: "exact",
        }
        OcrVariant {
            fr: "variante d'OCR",
            en: "OCR variant",
        }
        JudgmentCall {
            fr: "choix de transcription",
            en: "judgment call",
        }
        Mismatch {
            fr: "DIVERGENCE",
            en: "MISMATCH",
        }
        MissingLine {
            fr: "LIGNE ABSENTE",
            en: "MISSING LINE",
        }
        /// A count the dataset does not give.
        Blank {
            fr: "(vide)",
            en: "(blank)",
        }
        /// After the lines of a value that cites none and was found by reading
        /// the whole OCR.
        NotCited {
            fr: "non citée, trouvée",
            en: "not cited, found",
        }
        /// What a mismatching line prints: `l. 62 prints`.
        Prints {
            fr: "imprime",
            en: "prints",
        }
        NothingFound {
            fr: "introuvable dans l'OCR",
            en: "not found in the OCR",
        }
        /// A cited line past the end of the OCR.
        NoSuchLine {
            fr: "l'OCR n'a pas de ligne",
            en: "the OCR has no line",
        }
        PluralForSingular {
            fr: "pluriel gardé là où la ligne imprime le singulier",
            en: "plural kept where the line prints the singular",
        }
        OfficialName {
            fr: "nom officiel ; l'annexe imprime",
            en: "official name; the annex prints",
        }
        BlankAsWithheld {
            fr: "ligne sans nombre, lue comme caviardée",
            en: "line with no number, read as withheld",
        }
        /// The confusions, in the order of `Forgiven::ALL`.
        ForgivenCase {
            fr: "casse",
            en: "case",
        }
        ForgivenAccentDropped {
            fr: "accent perdu",
            en: "accent dropped",
        }
        ForgivenAccentChanged {
            fr: "accent changé",
            en: "accent changed",
        }
        ForgivenApostrophe {
            fr: "apostrophe ’",
            en: "apostrophe ’",
        }
        ForgivenDash {
            fr: "trait d'union ou tiret",
            en: "hyphen or dash",
        }
        ForgivenGlyph {
            fr: "lettre de même forme",
            en: "same-shape letter",
        }
        ForgivenSpacing {
            fr: "espace",
            en: "spacing",
        }
        ForgivenLineBreak {
            fr: "fin de ligne",
            en: "line break",
        }
        ForgivenSpacedThousands {
            fr: "milliers espacés",
            en: "spaced thousands",
        }
        ForgivenPercentForDollar {
            fr: "% pour $",
            en: "% for $",
        }
        /// Summary: values, exact, OCR variants, judgment calls, mismatches.
        NotCompared {
            fr: "Non comparés, car la lettre ne les imprime pas : les identifiants, les codes de région, la région des villes, document.ministry_acronym, document.law.citation, les notes et cited_for. Les passages (questions, réponses, mises en garde, textes des articles) sont des citations corrigées, non comparées mot à mot.",
            en: "Not compared, as the letter does not print them: ids, region codes, the cities' regions, document.ministry_acronym, document.law.citation, notes and cited_for. Passages (questions, answers, caveats, article texts) are corrected quotations, not compared word by word.",
        }
        RegionsNotPrinted {
            fr: "Régions sans titre dans l'annexe (nom officiel, rien à comparer)",
            en: "Regions with no heading in the annex (official name, nothing to compare)",
        }
        OcrUnreadable {
            fr: "impossible de lire le fichier OCR",
            en: "cannot read the OCR file",
        }
    }
}
