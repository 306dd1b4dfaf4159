//! The figures of a region and the value of a city, computed once from the
//! dataset for every surface: the panes, the map, the detail, the copies, the
//! command line and the exports all render these, and none sums on its own.
//!
//! A region's known count is the sum of the counts the letter gives for its
//! cities, or *absent* when it gives none (no city listed, or every city
//! withheld): never 0, which would read as "nobody accompanied".

use serde_json::{Value, json};

use crate::data::{City, Dataset, Headcount};
use crate::i18n::{FigureWord, Lang, Noun};

use super::dictionary as field;

/// A city's value as the letter gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CityValue<'a> {
    /// The number of people accompanied, as printed.
    Count(u64),
    /// The count is withheld under these articles.
    Withheld(&'a [String]),
    /// Neither given nor withheld: only in an invalid dataset.
    Missing,
}

impl<'a> CityValue<'a> {
    pub(crate) fn of(c: &'a City) -> CityValue<'a> {
        match c.headcount() {
            Headcount::Known(n) => CityValue::Count(n),
            Headcount::Withheld(w) => CityValue::Withheld(&w.articles),
            Headcount::Missing => CityValue::Missing,
        }
    }

    /// The value in words: `61`, or `█ withheld — s. 53, 54`.
    pub(crate) fn text(&self, lang: Lang) -> String {
        match self {
            CityValue::Count(n) => n.to_string(),
            CityValue::Withheld(articles) => lang.withheld_marker(articles),
            CityValue::Missing => "?".to_string(),
        }
    }

    /// The count, when the letter gives it.
    pub(crate) fn count(&self) -> Option<u64> {
        match self {
            CityValue::Count(n) => Some(*n),
            _ => None,
        }
    }

    /// The articles, when the count is withheld; empty otherwise.
    pub(crate) fn articles(&self) -> &'a [String] {
        match self {
            CityValue::Withheld(articles) => articles,
            _ => &[],
        }
    }

    /// The city's fields of the data dictionary, as JSON and GeoJSON hold them.
    pub(crate) fn json(&self, c: &City) -> Value {
        json!({
            field::CITY_ID.name: c.id,
            field::CITY_NAME.name: c.name,
            field::CITY_REGION.name: c.region,
            field::COUNT.name: self.count(),
            field::WITHHELD.name: matches!(self, CityValue::Withheld(_)),
            field::WITHHELD_ARTICLES.name: self.articles(),
        })
    }
}

/// What the letter says of a region's headcounts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegionState {
    /// The letter lists no city in the region.
    NoCity,
    /// Cities are listed, and at least one count is withheld (possibly all).
    SomeWithheld,
    /// Cities are listed, and every count is given.
    AllKnown,
}

/// A region's figures (or, for [`all`], the whole table's).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RegionFigures {
    /// Organisations the annex lists under it (a count pap-tui makes).
    pub organisations: usize,
    /// Cities of the headcount table in it (a count pap-tui makes).
    pub listed_cities: usize,
    /// The sum of the counts the letter gives; `None` when it gives none.
    pub known_count: Option<u64>,
    /// Cities whose count is withheld (a count pap-tui makes).
    pub withheld_cities: usize,
    /// Every article invoked to withhold a count, once each, in table order.
    pub withheld_articles: Vec<String>,
}

impl RegionFigures {
    /// The figures of `cities`, with `organisations` organisations.
    pub(crate) fn of<'a>(organisations: usize, cities: impl IntoIterator<Item = &'a City>) -> Self {
        let mut f = RegionFigures {
            organisations,
            ..RegionFigures::default()
        };
        for c in cities {
            f.add(c);
        }
        f
    }

    fn add(&mut self, c: &City) {
        self.listed_cities += 1;
        match CityValue::of(c) {
            // Saturates rather than wraps: `validate` checks that a valid
            // dataset's sum fits.
            CityValue::Count(n) => {
                self.known_count = Some(self.known_count.unwrap_or(0).saturating_add(n));
            }
            CityValue::Withheld(articles) => {
                self.withheld_cities += 1;
                for a in articles {
                    if !self.withheld_articles.contains(a) {
                        self.withheld_articles.push(a.clone());
                    }
                }
            }
            CityValue::Missing => self.withheld_cities += 1,
        }
    }

    pub fn state(&self) -> RegionState {
        match (self.listed_cities, self.withheld_cities) {
            (0, _) => RegionState::NoCity,
            (_, 0) => RegionState::AllKnown,
            _ => RegionState::SomeWithheld,
        }
    }

    /// Why the known count is absent, when it is.
    pub(crate) fn absent_reason(&self, lang: Lang) -> Option<&'static str> {
        match (self.known_count, self.state()) {
            (Some(_), _) => None,
            (None, RegionState::NoCity) => Some(lang.word(FigureWord::NoCity)),
            (None, _) => Some(lang.word(FigureWord::AllWithheld)),
        }
    }

    /// The known count as a screen shows it: `Σ 41`, or `—`.
    pub(crate) fn known_text(&self, lang: Lang) -> String {
        match self.known_count {
            Some(n) => format!("{} {n}", lang.word(FigureWord::ComputedMark)),
            None => "—".to_string(),
        }
    }

    /// The headcounts in words, e.g. `Σ 41 + 1 withheld — s. 53, 54`,
    /// `2 withheld — s. 53, 54`, `— (no city listed)`.
    pub(crate) fn summary(&self, lang: Lang) -> String {
        let withheld = || {
            format!(
                "{} — {}",
                lang.count(self.withheld_cities as u64, Noun::Withheld),
                lang.legal_basis(&self.withheld_articles)
            )
        };
        match (self.known_count, self.withheld_cities) {
            (None, 0) => format!("— ({})", lang.word(FigureWord::NoCity)),
            (None, _) => withheld(),
            (Some(_), 0) => self.known_text(lang),
            (Some(_), _) => format!("{} + {}", self.known_text(lang), withheld()),
        }
    }

    /// The headcounts in a few columns: `41+1█` is 41 known and one city
    /// withheld (█ as in the headcount bars), `2█` two cities all withheld,
    /// `—` no city listed.
    pub(crate) fn compact(&self) -> String {
        match (self.known_count, self.withheld_cities) {
            (None, 0) => "—".to_string(),
            (None, w) => format!("{w}█"),
            (Some(k), 0) => k.to_string(),
            (Some(k), w) => format!("{k}+{w}█"),
        }
    }

    /// The region's fields of the data dictionary (those the figures give).
    pub(crate) fn json_fields(&self) -> [(&'static str, Value); 5] {
        [
            (field::ORGANISATIONS.name, json!(self.organisations)),
            (field::LISTED_CITIES.name, json!(self.listed_cities)),
            (field::KNOWN_COUNT.name, json!(self.known_count)),
            (field::WITHHELD_CITIES.name, json!(self.withheld_cities)),
            (field::WITHHELD_ARTICLES.name, json!(self.withheld_articles)),
        ]
    }

    /// The region `code`, `name` and its figures as one JSON object.
    pub(crate) fn json(&self, code: &str, name: &str) -> Value {
        let mut object = serde_json::Map::new();
        object.insert(field::REGION_CODE.name.into(), json!(code));
        object.insert(field::REGION_NAME.name.into(), json!(name));
        for (key, value) in self.json_fields() {
            object.insert(key.into(), value);
        }
        Value::Object(object)
    }
}

/// The figures of every region, in `data.regions` order, in one pass over
/// the organisations and one over the cities.
pub(crate) fn regions(data: &Dataset) -> Vec<RegionFigures> {
    let mut figures = vec![RegionFigures::default(); data.regions.len()];
    data.each_organisation_region(|i, _| figures[i].organisations += 1);
    let position: foldhash::HashMap<&str, usize> = data
        .regions
        .iter()
        .enumerate()
        .map(|(i, r)| (r.code.as_str(), i))
        .collect();
    for c in &data.cities {
        if let Some(&i) = position.get(c.region.as_str()) {
            figures[i].add(c);
        }
    }
    figures
}

/// The figures of one region, if the dataset has it.
pub fn region(data: &Dataset, code: &str) -> Option<RegionFigures> {
    data.region(code)?;
    let organisations = data.organisations_in(code).count();
    Some(RegionFigures::of(organisations, data.cities_in(code)))
}

/// The figures of the whole table: every organisation and every city.
pub(crate) fn all(data: &Dataset) -> RegionFigures {
    RegionFigures::of(data.organisations.len(), &data.cities)
}

/// The funding table's total: a sum pap-tui makes, the letter prints none.
pub(crate) fn funding_total<'a>(rows: impl Iterator<Item = &'a crate::data::Funding>) -> u64 {
    crate::data::amount_total(rows)
}

/// The answer whose passage introduces the funding table, found by its lines:
/// the one whose OCR lines hold a funding row's.
pub(crate) fn funding_purpose(data: &Dataset) -> Option<&crate::data::Answer> {
    let rows: Vec<u32> = data
        .funding
        .iter()
        .flat_map(|f| f.source.iter().map(|s| s.line))
        .collect();
    data.document
        .questions
        .iter()
        .flat_map(|q| &q.answers)
        .find(|a| a.source.iter().any(|s| rows.contains(&s.line)))
}

/// The answers that invoke `articles` to refuse part of a request: the
/// passage a withheld count's legal basis is read from.
pub(crate) fn withholding_passages<'a>(
    data: &'a Dataset,
    articles: &'a [String],
) -> impl Iterator<Item = &'a crate::data::Answer> + 'a {
    data.document
        .questions
        .iter()
        .flat_map(|q| &q.answers)
        .filter(move |a| {
            a.outcome == crate::data::Outcome::PartlyRefused
                && a.articles.iter().any(|n| articles.contains(n))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data() -> Dataset {
        crate::data::load(None).expect("embedded").dataset
    }

    fn of(data: &Dataset, code: &str) -> RegionFigures {
        region(data, code).expect(code)
    }

    #[test]
    fn three_states_and_an_absent_sum_that_is_never_zero() {
        let d = data();
        // Côte-Nord: no city listed.
        let cote_nord = of(&d, "09");
        assert_eq!(cote_nord.state(), RegionState::NoCity);
        assert_eq!(cote_nord.known_count, None);
        assert_eq!(cote_nord.compact(), "—");
        // Montréal: its one city withheld.
        let montreal = of(&d, "06");
        assert_eq!(montreal.state(), RegionState::SomeWithheld);
        assert_eq!(montreal.known_count, None);
        assert_eq!((montreal.listed_cities, montreal.withheld_cities), (1, 1));
        assert_eq!(montreal.compact(), "1█");
        assert_eq!(montreal.summary(Lang::En), "1 withheld — s. 53, 54");
        // Montérégie: 40 known, two withheld.
        let monteregie = of(&d, "16");
        assert_eq!(monteregie.known_count, Some(40));
        assert_eq!(
            monteregie.summary(Lang::Fr),
            "Σ 40 + 2 caviardées — art. 53, 54"
        );
        // Outaouais: all known.
        assert_eq!(of(&d, "07").state(), RegionState::AllKnown);
        assert_eq!(of(&d, "09").summary(Lang::En), "— (no city listed)");
    }

    #[test]
    fn one_pass_agrees_with_each_region_alone() {
        let d = data();
        for (r, f) in d.regions.iter().zip(regions(&d)) {
            assert_eq!(f, of(&d, &r.code), "{}", r.code);
        }
    }

    #[test]
    fn the_funding_purpose_and_the_withholding_passage_are_found_by_their_lines() {
        let d = data();
        let purpose = funding_purpose(&d).expect("purpose");
        assert!(
            purpose.text.starts_with("Notez toutefois"),
            "{}",
            purpose.text
        );
        let articles = ["53".to_string(), "54".to_string()];
        let lines: Vec<u32> = withholding_passages(&d, &articles)
            .flat_map(|a| a.source.iter().map(|s| s.line))
            .collect();
        assert!(lines.contains(&53) && lines.contains(&55), "{lines:?}");
    }
}
