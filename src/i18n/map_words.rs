//! The map view's words, one table per language.

use super::Lang;

#[derive(Debug)]
pub struct MapStrings {
    pub title: &'static str,
    /// The measures, in the order a key cycles them.
    pub measures: [&'static str; 3],
    /// What a region shows when the measure is zero, per measure.
    pub none: [&'static str; 3],
    /// The views, from the widest.
    pub views: [&'static str; 3],
    pub organisations: &'static str,
    pub people_known: &'static str,
    pub withheld_cities: &'static str,
    pub legend: &'static str,
    pub no_geography: &'static str,
    /// Says that the boundaries and points are not from the letter.
    pub background: &'static str,
    /// The attribution on the map's border, the longest form that fits:
    /// the whole credits are in the help and the README.
    pub credit_long: &'static str,
    pub credit_short: &'static str,
    /// The help's heading over the geography's whole credits.
    pub credits_heading: &'static str,
}

pub(crate) const MAP_FR: MapStrings = MapStrings {
    title: "Carte des régions",
    measures: [
        "organismes",
        "personnes accompagnées (connues)",
        "villes caviardées",
    ],
    none: ["aucun organisme", "aucun compte connu", "aucune"],
    views: ["Québec", "corridor Montréal–Québec", "Montréal et Laval"],
    organisations: "Organismes",
    people_known: "Personnes accompagnées (connues)",
    withheld_cities: "Villes caviardées",
    legend: "Légende",
    no_geography: "Aucune géographie connue pour les régions de ces données : elles ne sont pas les 17 régions administratives du Québec.",
    background: "Limites et villes : géographie de fond, pas la lettre.",
    credit_long: "Géographie de fond, pas la lettre · © Gouvernement du Québec (MRNF, BDGA), GeoNames, CC-BY 4.0 · côtes : Natural Earth · crédits : ?",
    credit_short: "Fond, pas la lettre : © MRNF, GeoNames, CC-BY 4.0",
    credits_heading: "Carte : crédits",
};

pub(crate) const MAP_EN: MapStrings = MapStrings {
    title: "Map of the regions",
    measures: [
        "organisations",
        "people accompanied (known)",
        "withheld cities",
    ],
    none: ["no organisation", "no known count", "none"],
    views: ["Québec", "Montréal–Québec corridor", "Montréal and Laval"],
    organisations: "Organisations",
    people_known: "People accompanied (known)",
    withheld_cities: "Withheld cities",
    legend: "Legend",
    no_geography: "No geography is known for this dataset's regions: they are not Québec's 17 administrative regions.",
    background: "Boundaries and cities: background geography, not the letter.",
    credit_long: "Background geography, not the letter · © Gouvernement du Québec (MRNF, BDGA), GeoNames, CC-BY 4.0 · coasts: Natural Earth · credits: ?",
    credit_short: "Not from the letter: © MRNF, GeoNames, CC-BY 4.0",
    credits_heading: "Map: credits",
};

impl Lang {
    pub(crate) fn map_strings(self) -> &'static MapStrings {
        match self {
            Lang::Fr => &MAP_FR,
            Lang::En => &MAP_EN,
        }
    }
}
