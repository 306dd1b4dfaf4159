//! The words of `validate --sources`, French then English: its columns, its
//! verdicts, the confusions it forgives and the judgment calls it names.

use super::Lang;

/// One language's words for the provenance report.
#[derive(Debug)]
pub struct ProvenanceWords {
    pub col_field: &'static str,
    pub col_value: &'static str,
    pub col_lines: &'static str,
    pub col_verdict: &'static str,
    pub exact: &'static str,
    pub ocr_variant: &'static str,
    pub judgment_call: &'static str,
    pub mismatch: &'static str,
    pub missing_line: &'static str,
    /// A count the dataset does not give.
    pub blank: &'static str,
    /// After the lines of a value that cites none and was found by reading
    /// the whole OCR.
    pub not_cited: &'static str,
    /// What a mismatching line prints: `l. 62 prints`.
    pub prints: &'static str,
    pub nothing_found: &'static str,
    /// A cited line past the end of the OCR.
    pub no_such_line: &'static str,
    pub plural_for_singular: &'static str,
    pub official_name: &'static str,
    pub blank_as_withheld: &'static str,
    /// The confusions, in the order of `Forgiven::ALL`.
    pub forgiven: [&'static str; 10],
    /// Summary: values, exact, OCR variants, judgment calls, mismatches.
    pub not_compared: &'static str,
    pub regions_not_printed: &'static str,
    pub ocr_unreadable: &'static str,
}

pub static PROVENANCE_FR: ProvenanceWords = ProvenanceWords {
    col_field: "CHAMP",
    col_value: "VALEUR",
    col_lines: "LIGNES",
    col_verdict: "VERDICT",
    exact: "exact",
    ocr_variant: "variante d'OCR",
    judgment_call: "choix de transcription",
    mismatch: "DIVERGENCE",
    missing_line: "LIGNE ABSENTE",
    blank: "(vide)",
    not_cited: "non citée, trouvée",
    prints: "imprime",
    nothing_found: "introuvable dans l'OCR",
    no_such_line: "l'OCR n'a pas de ligne",
    plural_for_singular: "pluriel gardé là où la ligne imprime le singulier",
    official_name: "nom officiel ; l'annexe imprime",
    blank_as_withheld: "ligne sans nombre, lue comme caviardée",
    forgiven: [
        "casse",
        "accent perdu",
        "accent changé",
        "apostrophe ’",
        "trait d'union ou tiret",
        "lettre de même forme",
        "espace",
        "fin de ligne",
        "milliers espacés",
        "% pour $",
    ],
    not_compared: "Non comparés, car la lettre ne les imprime pas : les identifiants, les codes de région, la région des villes, document.ministry_acronym, document.law.citation, les notes et cited_for. Les passages (questions, réponses, mises en garde, textes des articles) sont des citations corrigées, non comparées mot à mot.",
    regions_not_printed: "Régions sans titre dans l'annexe (nom officiel, rien à comparer)",
    ocr_unreadable: "impossible de lire le fichier OCR",
};

pub static PROVENANCE_EN: ProvenanceWords = ProvenanceWords {
    col_field: "FIELD",
    col_value: "VALUE",
    col_lines: "LINES",
    col_verdict: "VERDICT",
    exact: "exact",
    ocr_variant: "OCR variant",
    judgment_call: "judgment call",
    mismatch: "MISMATCH",
    missing_line: "MISSING LINE",
    blank: "(blank)",
    not_cited: "not cited, found",
    prints: "prints",
    nothing_found: "not found in the OCR",
    no_such_line: "the OCR has no line",
    plural_for_singular: "plural kept where the line prints the singular",
    official_name: "official name; the annex prints",
    blank_as_withheld: "line with no number, read as withheld",
    forgiven: [
        "case",
        "accent dropped",
        "accent changed",
        "apostrophe ’",
        "hyphen or dash",
        "same-shape letter",
        "spacing",
        "line break",
        "spaced thousands",
        "% for $",
    ],
    not_compared: "Not compared, as the letter does not print them: ids, region codes, the cities' regions, document.ministry_acronym, document.law.citation, notes and cited_for. Passages (questions, answers, caveats, article texts) are corrected quotations, not compared word by word.",
    regions_not_printed: "Regions with no heading in the annex (official name, nothing to compare)",
    ocr_unreadable: "cannot read the OCR file",
};

impl Lang {
    pub(crate) fn provenance(self) -> &'static ProvenanceWords {
        match self {
            Lang::Fr => &PROVENANCE_FR,
            Lang::En => &PROVENANCE_EN,
        }
    }
}
