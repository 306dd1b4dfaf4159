//! Test and benchmark support: deterministic synthetic datasets with as many
//! organisations as asked, French-like accented names included, to measure search
//! at 10 000 to 1 000 000 entries. Nothing in the app itself uses it.

use crate::data::{self, DataError, Dataset, Organisation, SourceLine};
use crate::search::fold_accents;

/// The seed of [`dataset`]: the same count always gives the same dataset.
pub(crate) const SEED: u64 = 0x5EED_18159;

/// What an organisation is; the first word(s) of its name.
const HEADS: &[&str] = &[
    "Centre",
    "Service d'accueil",
    "Carrefour jeunesse-emploi",
    "Comité régional",
    "Société",
    "Maison",
    "Association",
    "Regroupement",
    "Table de concertation",
    "Bureau",
    "Coopérative",
    "Fédération",
    "Alliance",
    "Collectif",
    "Réseau",
    "Corporation de développement",
    "Organisme",
    "Entraide",
    "Fondation",
    "Accueil",
];

/// What it does, placed after the head.
const PURPOSES: &[&str] = &[
    "d'intégration",
    "d'hébergement",
    "pour l'emploi",
    "des nouveaux arrivants",
    "d'aide aux immigrants",
    "interculturel",
    "de main-d'œuvre",
    "des femmes immigrantes",
    "d'éducation populaire",
    "pour réfugiés",
    "de francisation",
    "multiethnique",
    "des familles",
    "d'entraide économique",
    "des œuvres sociales",
    "jeunesse",
    "d'accompagnement",
    "de solidarité",
    "d'Intégration et d'Hébergement",
    "pour l'accès au logement",
];

/// Where it is, with the code of the region that place belongs to.
const PLACES: &[(&str, &str)] = &[
    ("Montréal", "06"),
    ("Québec", "03"),
    ("Lévis", "12"),
    ("Trois-Rivières", "04"),
    ("Saint-Jérôme", "15"),
    ("Sherbrooke", "05"),
    ("Gatineau", "07"),
    ("Laval", "13"),
    ("Longueuil", "16"),
    ("Saguenay", "02"),
    ("Rimouski", "01"),
    ("Rouyn-Noranda", "08"),
    ("Sept-Îles", "09"),
    ("Chibougamau", "10"),
    ("Gaspé", "11"),
    ("Joliette", "14"),
    ("Drummondville", "17"),
    ("Victoriaville", "17"),
    ("Granby", "16"),
    ("Saint-Hyacinthe", "16"),
    ("Baie-Comeau", "09"),
    ("Val-d'Or", "08"),
    ("Alma", "02"),
    ("Shawinigan", "04"),
    ("Thetford Mines", "12"),
    ("Repentigny", "14"),
    ("Terrebonne", "14"),
    ("Mirabel", "15"),
    ("Sainte-Thérèse", "15"),
    ("Brossard", "16"),
    ("Châteauguay", "16"),
    ("Magog", "05"),
    ("Matane", "01"),
    ("Côte-des-Neiges", "06"),
    ("Hochelaga-Maisonneuve", "06"),
    ("Pointe-aux-Trembles", "06"),
    ("Chicoutimi", "02"),
    ("Jonquière", "02"),
    ("Îles-de-la-Madeleine", "11"),
    ("Saint-Georges", "12"),
];

/// How a name may end; empty most of the time.
const ENDINGS: &[&str] = &[
    "",
    "",
    "",
    "",
    "",
    " inc.",
    " inc.",
    " (secteur Nord)",
    " (secteur Sud)",
    " (secteur Est)",
    " (secteur Ouest)",
    " de la Rive-Sud",
    " et des environs",
];

/// Words left out of acronyms.
const SMALL_WORDS: &[&str] = &[
    "de", "des", "du", "la", "le", "les", "et", "aux", "au", "pour",
];

/// xorshift64*: small, fast and good enough to pick words; no `rand` needed.
#[derive(Debug, Clone)]
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Rng {
        // The state must never be zero.
        Rng(seed.max(1))
    }

    pub(crate) fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n`; `n` must not be zero.
    pub(crate) fn below(&mut self, n: usize) -> usize {
        // The high bits are the best ones of xorshift64*.
        ((self.next_u64() >> 32) as usize) % n
    }

    /// True with probability `percent` / 100.
    pub(crate) fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    pub(crate) fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// "de Montréal", "d'Alma", "d'Îles-de-la-Madeleine".
fn of_place(place: &str) -> String {
    let starts_with_vowel = fold_accents(place)
        .chars()
        .next()
        .is_some_and(|c| "aeiouy".contains(c));
    if starts_with_vowel {
        format!("d'{place}")
    } else {
        format!("de {place}")
    }
}

/// Initials of the significant words, e.g. "CJEM" for "Carrefour jeunesse-emploi de Montréal".
fn acronym(name: &str) -> String {
    name.split([' ', '-', '\''])
        .filter(|w| w.chars().count() > 1 && !SMALL_WORDS.contains(&w.to_lowercase().as_str()))
        .filter_map(|w| fold_accents(w).chars().next())
        .filter(char::is_ascii_alphabetic)
        .map(|c| c.to_ascii_uppercase())
        .take(6)
        .collect()
}

/// `count` generated organisations with ids `org-0000001`, `org-0000002`, …,
/// each in the region of its place and sometimes in a second one of `region_codes`.
pub fn organisations(count: usize, seed: u64, region_codes: &[&str]) -> Vec<Organisation> {
    let mut rng = Rng::new(seed);
    (0..count)
        .map(|i| {
            let (place, home) = *rng.pick(PLACES);
            let name = format!(
                "{} {} {}{}",
                rng.pick(HEADS),
                rng.pick(PURPOSES),
                of_place(place),
                rng.pick(ENDINGS)
            );
            let acronym = Some(acronym(&name))
                .filter(|a| a.len() >= 2)
                .filter(|_| rng.chance(35));
            let mut regions = vec![home.to_string()];
            if !region_codes.is_empty() && rng.chance(20) {
                let other = *rng.pick(region_codes);
                if other != home {
                    regions.push(other.to_string());
                }
            }
            let line = 100 + (i % 10_000) as u32;
            Organisation {
                id: format!("org-{:07}", i + 1),
                source: vec![SourceLine {
                    line,
                    text: name.clone(),
                }],
                name,
                acronym,
                regions,
                note: None,
            }
        })
        .collect()
}

/// The embedded dataset with its organisations replaced by `count` generated ones.
/// Funding rows no longer point at an annex organisation, since those are gone.
pub fn dataset(count: usize) -> Result<Dataset, DataError> {
    let mut data = data::load(None)?.dataset;
    let codes: Vec<&str> = data.regions.iter().map(|r| r.code.as_str()).collect();
    let generated = organisations(count, SEED, &codes);
    data.organisations = generated;
    for row in &mut data.funding {
        row.organisation_id = None;
    }
    Ok(data)
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn generated_dataset_is_valid() {
        let data = match dataset(5_000) {
            Ok(data) => data,
            Err(e) => panic!("{e}"),
        };
        assert_eq!(data.organisations.len(), 5_000);
        assert_eq!(data::validate(&data), vec![]);
        let ids: HashSet<&str> = data.organisations.iter().map(|o| o.id.as_str()).collect();
        assert_eq!(ids.len(), 5_000);
        assert!(
            data.organisations
                .iter()
                .all(|o| (1..=2).contains(&o.regions.len()))
        );
        assert!(data.organisations.iter().any(|o| o.regions.len() == 2));
        assert!(data.organisations.iter().any(|o| o.acronym.is_some()));
        assert!(data.organisations.iter().any(|o| o.name.contains('œ')));
        assert!(data.organisations.iter().any(|o| o.name.contains('é')));
    }

    #[test]
    fn same_seed_same_organisations() {
        let codes = ["06", "03"];
        assert_eq!(organisations(300, 7, &codes), organisations(300, 7, &codes));
        assert_ne!(organisations(300, 7, &codes), organisations(300, 8, &codes));
    }

    #[test]
    fn acronyms_take_significant_initials() {
        assert_eq!(acronym("Carrefour jeunesse-emploi de Montréal"), "CJEM");
        assert_eq!(
            acronym("Société d'hébergement d'Îles-de-la-Madeleine"),
            "SHIM"
        );
        assert_eq!(of_place("Alma"), "d'Alma");
        assert_eq!(of_place("Îles-de-la-Madeleine"), "d'Îles-de-la-Madeleine");
        assert_eq!(of_place("Lévis"), "de Lévis");
    }
}
