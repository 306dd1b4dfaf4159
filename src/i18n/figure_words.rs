//! The words of figures: how a withholding's legal basis is written in each
//! language, why a region has no known count, and the mark of a figure that
//! pap-tui computed (a sum, a count, a total) where the letter prints none.

use super::Lang;
use super::messages::words;

words! {
    /// A word said of a figure.
    FigureWord {
        /// The mark of a figure pap-tui computed; the same in both languages.
        ComputedMark {
            fr: "Σ",
            en: "Σ",
        }
        /// The legend line of that mark.
        Computed {
            fr: "Σ calculé par pap-tui : la lettre n'imprime pas ce chiffre",
            en: "Σ computed by pap-tui: the letter prints no such figure",
        }
        /// A region's known count is absent because the letter lists no city in it.
        NoCity {
            fr: "aucune ville listée",
            en: "no city listed",
        }
        /// A region's known count is absent because every city's count is withheld.
        AllWithheld {
            fr: "aucun compte connu : toutes les villes caviardées",
            en: "no known count: every city withheld",
        }
        /// The label of the sentence that says what the funding was for.
        FundingFor {
            fr: "Objet",
            en: "For",
        }
        /// The label of the passage that invokes a withholding's articles.
        WithheldBy {
            fr: "Caviardé en vertu de",
            en: "Withheld under",
        }
    }
}

impl Lang {
    /// The articles a withholding invokes: `s. 53, 54` in English, `art. 53,
    /// 54` in French.
    pub(crate) fn legal_basis(self, articles: &[String]) -> String {
        self.strings().legal_basis(articles)
    }
}
