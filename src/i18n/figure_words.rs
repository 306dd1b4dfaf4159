//! The words of figures: why a region has no known count, the mark of a
//! figure that pap-tui computed (a sum, a count, a total) where the letter
//! prints none, and the labels of a funding's purpose and of a withholding's
//! passage.

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
