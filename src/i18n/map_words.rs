//! The map view's words, French then English.

use super::messages::words;

words! {
    /// A word of the map view.
    MapWord {
        Title {
            fr: "Carte des régions",
            en: "Map of the regions",
        }
        /// The measures, in the order a key cycles them.
        MeasureOrganisations {
            fr: "organismes",
            en: "organisations",
        }
        MeasurePeople {
            fr: "personnes accompagnées (connues)",
            en: "people accompanied (known)",
        }
        MeasureWithheld {
            fr: "villes caviardées",
            en: "withheld cities",
        }
        /// What a region shows when the measure is zero, per measure.
        NoneOrganisations {
            fr: "aucun organisme",
            en: "no organisation",
        }
        NonePeople {
            fr: "aucun compte connu",
            en: "no known count",
        }
        NoneWithheld {
            fr: "aucune",
            en: "none",
        }
        /// The views, from the widest.
        ViewProvince {
            fr: "Québec",
            en: "Québec",
        }
        ViewCorridor {
            fr: "corridor Montréal–Québec",
            en: "Montréal–Québec corridor",
        }
        ViewMontreal {
            fr: "Montréal et Laval",
            en: "Montréal and Laval",
        }
        Organisations {
            fr: "Organismes",
            en: "Organisations",
        }
        PeopleKnown {
            fr: "Personnes accompagnées (connues)",
            en: "People accompanied (known)",
        }
        WithheldCities {
            fr: "Villes caviardées",
            en: "Withheld cities",
        }
        Legend {
            fr: "Légende",
            en: "Legend",
        }
        NoGeography {
            fr: "Aucune géographie connue pour les régions de ces données : elles ne sont pas les 17 régions administratives du Québec.",
            en: "No geography is known for this dataset's regions: they are not Québec's 17 administrative regions.",
        }
        /// Says that the boundaries and points are not from the letter.
        Background {
            fr: "Limites et villes : géographie de fond, pas la lettre.",
            en: "Boundaries and cities: background geography, not the letter.",
        }
        /// The attribution on the map's border, the longest form that fits:
        /// the whole credits are in the help and the README.
        CreditLong {
            fr: "Géographie de fond, pas la lettre · © Gouvernement du Québec (MRNF, BDGA), GeoNames, CC-BY 4.0 · côtes : Natural Earth · crédits : ?",
            en: "Background geography, not the letter · © Gouvernement du Québec (MRNF, BDGA), GeoNames, CC-BY 4.0 · coasts: Natural Earth · credits: ?",
        }
        CreditShort {
            fr: "Fond, pas la lettre : © MRNF, GeoNames, CC-BY 4.0",
            en: "Not from the letter: © MRNF, GeoNames, CC-BY 4.0",
        }
        /// The help's heading over the geography's whole credits.
        CreditsHeading {
            fr: "Carte : crédits",
            en: "Map: credits",
        }
    }
}
