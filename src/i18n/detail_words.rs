//! The labels of the detail view, French then English.

use super::messages::words;

words! {
    /// A label of the detail view.
    DetailLabel {
        Region {
            fr: "Région",
            en: "Region",
        }
        Organisation {
            fr: "Organisme",
            en: "Organisation",
        }
        City {
            fr: "Ville",
            en: "City",
        }
        Funding {
            fr: "Financement",
            en: "Funding",
        }
        Article {
            fr: "Article",
            en: "Article",
        }
        Code {
            fr: "Code",
            en: "Code",
        }
        Name {
            fr: "Nom",
            en: "Name",
        }
        Acronym {
            fr: "Sigle",
            en: "Acronym",
        }
        Regions {
            fr: "Régions",
            en: "Regions",
        }
        Note {
            fr: "Note de transcription",
            en: "Transcriber's note",
        }
        Accompanied {
            fr: "Personnes accompagnées",
            en: "People accompanied",
        }
        Amount {
            fr: "Montant",
            en: "Amount",
        }
        PrintedAs {
            fr: "Tel qu'imprimé",
            en: "As printed",
        }
        Text {
            fr: "Texte",
            en: "Text",
        }
        History {
            fr: "Historique",
            en: "History",
        }
        Paraphrase {
            fr: "Selon la lettre",
            en: "As the letter puts it",
        }
        CitedFor {
            fr: "Cité pour (transcription)",
            en: "Cited for (transcriber)",
        }
        Organisations {
            fr: "Organismes",
            en: "Organisations",
        }
        NotInAnnex {
            fr: "absent de l'annexe",
            en: "not in the annex",
        }
        NotInLetter {
            fr: "la lettre ne nomme pas cette région",
            en: "the letter does not name this region",
        }
    }
}
