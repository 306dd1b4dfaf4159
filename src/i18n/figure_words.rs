//! The words of figures: how a withholding's legal basis is written in each
//! language, why a region has no known count, and the mark of a figure that
//! pap-tui computed (a sum, a count, a total) where the letter prints none.

use super::Lang;

#[derive(Debug)]
pub struct FigureStrings {
    /// The mark of a figure pap-tui computed; the same in both languages.
    pub computed_mark: &'static str,
    /// The legend line of that mark.
    pub computed: &'static str,
    /// A region's known count is absent because the letter lists no city in it.
    pub no_city: &'static str,
    /// A region's known count is absent because every city's count is withheld.
    pub all_withheld: &'static str,
    /// The label of the sentence that says what the funding was for.
    pub funding_for: &'static str,
    /// The label of the passage that invokes a withholding's articles.
    pub withheld_by: &'static str,
}

pub(crate) const FIGURES_FR: FigureStrings = FigureStrings {
    computed_mark: "Σ",
    computed: "Σ calculé par pap-tui : la lettre n'imprime pas ce chiffre",
    no_city: "aucune ville listée",
    all_withheld: "aucun compte connu : toutes les villes caviardées",
    funding_for: "Objet",
    withheld_by: "Caviardé en vertu de",
};

pub(crate) const FIGURES_EN: FigureStrings = FigureStrings {
    computed_mark: "Σ",
    computed: "Σ computed by pap-tui: the letter prints no such figure",
    no_city: "no city listed",
    all_withheld: "no known count: every city withheld",
    funding_for: "For",
    withheld_by: "Withheld under",
};

impl Lang {
    pub(crate) fn figure_strings(self) -> &'static FigureStrings {
        match self {
            Lang::Fr => &FIGURES_FR,
            Lang::En => &FIGURES_EN,
        }
    }

    /// The articles a withholding invokes: `s. 53, 54` in English, `art. 53,
    /// 54` in French.
    pub(crate) fn legal_basis(self, articles: &[String]) -> String {
        self.strings().legal_basis(articles)
    }
}
