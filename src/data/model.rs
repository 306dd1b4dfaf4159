//! The typed model of a dataset: one access-to-information letter, its regions,
//! organisations, city headcounts, funding rows and cited articles.

use serde::{Deserialize, Serialize};

pub(crate) mod exact;

/// A raw OCR line an entry was read from, so every value can be traced to the letter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceLine {
    /// 1-based line number in the OCR text.
    pub line: u32,
    /// The raw OCR text (or the part of the line the value comes from).
    pub text: String,
}

pub type Source = Vec<SourceLine>;

/// The whole dataset, with exactly the schema of `assets/pap.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    pub document: Document,
    pub regions: Vec<Region>,
    #[serde(deserialize_with = "exact::reserved")]
    pub organisations: Vec<Organisation>,
    pub cities: Vec<City>,
    pub funding: Vec<Funding>,
    pub articles: Vec<Article>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    pub ministry: String,
    pub ministry_acronym: String,
    pub office: String,
    pub place: String,
    /// ISO date of the letter.
    pub date: String,
    pub reference: String,
    pub subject: String,
    pub programme: String,
    /// ISO date the request was received.
    pub request_received: String,
    pub law: Law,
    pub questions: Vec<Question>,
    pub headcount_period: Period,
    pub caveat: Passage,
    pub deployment_note: Passage,
    pub review: Review,
    pub signatory: Signatory,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Law {
    pub title: String,
    pub citation: String,
    pub source: Source,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub number: u32,
    pub text: String,
    pub answers: Vec<Answer>,
    pub source: Source,
}

/// How the ministry dealt with (part of) a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The information is given in the letter.
    Answered,
    /// The letter points to another published answer.
    AnsweredElsewhere,
    /// The ministry does not hold the information.
    NotHeld,
    /// Part of the information is refused under the cited articles.
    PartlyRefused,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    pub outcome: Outcome,
    pub text: String,
    pub articles: Vec<String>,
    pub reference_request: Option<String>,
    pub source: Source,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Period {
    pub start: String,
    pub end: String,
    pub source: Source,
}

/// A paragraph of the letter quoted as corrected text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Passage {
    pub text: String,
    pub source: Source,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    pub body: String,
    pub acronym: String,
    pub days: u32,
    pub text: String,
    pub url: String,
    pub source: Source,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Signatory {
    pub name: String,
    pub title: String,
    pub signed: String,
    pub source: Source,
}

/// One of Québec's administrative regions, `code` "01" to "17".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Region {
    pub code: String,
    pub name: String,
    /// The annex heading it was read from; empty when the letter does not name it.
    pub source: Source,
}

/// A community organisation of the annex "Organismes par régions".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    pub id: String,
    pub name: String,
    pub acronym: Option<String>,
    /// Region codes it is listed under.
    #[serde(deserialize_with = "exact::vec")]
    pub regions: Vec<String>,
    #[serde(deserialize_with = "exact::vec")]
    pub source: Source,
    pub note: Option<String>,
}

/// A headcount withheld by the ministry, with its legal basis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Withheld {
    /// Article numbers invoked, e.g. `["53", "54"]`.
    pub articles: Vec<String>,
    pub note: String,
}

/// A city of the headcount table: people accompanied, or a withheld count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct City {
    pub id: String,
    pub name: String,
    pub region: String,
    pub count: Option<u64>,
    pub withheld: Option<Withheld>,
    pub source: Source,
}

/// A row of the additional-funding table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Funding {
    pub id: String,
    /// The organisation as printed in the table.
    pub organisation: String,
    /// The annex organisation it is, when it is in the annex.
    pub organisation_id: Option<String>,
    pub amount_cad: u64,
    pub source: Source,
}

/// An article of the access act quoted or cited by the letter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Article {
    pub number: String,
    /// Full text when the letter prints it; `None` when it is only cited.
    pub text: Option<String>,
    pub history: Option<String>,
    /// The letter's own wording when it cites the article without its text.
    pub paraphrase: Option<String>,
    pub cited_for: String,
    pub source: Source,
}

/// A city's headcount as the app must present it: never 0 for a withheld one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Headcount<'a> {
    Known(u64),
    Withheld(&'a Withheld),
    /// Neither given nor withheld: only possible in an invalid dataset.
    Missing,
}

impl City {
    pub fn headcount(&self) -> Headcount<'_> {
        match (&self.count, &self.withheld) {
            (Some(n), _) => Headcount::Known(*n),
            (None, Some(w)) => Headcount::Withheld(w),
            (None, None) => Headcount::Missing,
        }
    }
}

impl Organisation {
    /// Name followed by the acronym in parentheses, as the letter prints it.
    pub fn display_name(&self) -> String {
        let acronym = self.acronym.as_ref().map_or(0, |a| a.len() + 3);
        let mut out = String::with_capacity(self.name.len() + acronym);
        self.push_display_name(&mut out);
        out
    }

    /// [`Organisation::display_name`] written at the end of `out`.
    pub(crate) fn push_display_name(&self, out: &mut String) {
        out.push_str(&self.name);
        if let Some(a) = &self.acronym {
            out.push_str(" (");
            out.push_str(a);
            out.push(')');
        }
    }
}

impl Dataset {
    pub fn region(&self, code: &str) -> Option<&Region> {
        self.regions.iter().find(|r| r.code == code)
    }

    pub fn organisation(&self, id: &str) -> Option<&Organisation> {
        self.organisations.iter().find(|o| o.id == id)
    }

    pub fn article(&self, number: &str) -> Option<&Article> {
        self.articles.iter().find(|a| a.number == number)
    }

    /// A region's name, or its code when the dataset has no such region.
    pub(crate) fn region_name<'a>(&'a self, code: &'a str) -> &'a str {
        self.region(code).map_or(code, |r| r.name.as_str())
    }

    /// The annex's organisation a funding row names, if it is in the annex.
    pub(crate) fn funded(&self, f: &Funding) -> Option<&Organisation> {
        f.organisation_id
            .as_deref()
            .and_then(|id| self.organisation(id))
    }

    /// Calls `each` with the position in `regions` of each region of each
    /// organisation and the organisation, in the organisations' order, in one
    /// pass over them (where [`Dataset::organisations_in`] makes one per
    /// region); a region listed twice by one organisation counts once, and an
    /// unknown code not at all.
    pub(crate) fn each_organisation_region<'a>(
        &'a self,
        mut each: impl FnMut(usize, &'a Organisation),
    ) {
        // foldhash, not SipHash: one lookup per organisation's region.
        let position: foldhash::HashMap<&str, usize> = self
            .regions
            .iter()
            .enumerate()
            .map(|(i, r)| (r.code.as_str(), i))
            .collect();
        for o in &self.organisations {
            for (j, code) in o.regions.iter().enumerate() {
                if o.regions[..j].contains(code) {
                    continue;
                }
                if let Some(&i) = position.get(code.as_str()) {
                    each(i, o);
                }
            }
        }
    }

    pub fn organisations_in<'a>(&'a self, code: &'a str) -> impl Iterator<Item = &'a Organisation> {
        self.organisations
            .iter()
            .filter(move |o| o.regions.iter().any(|r| r == code))
    }

    pub fn cities_in<'a>(&'a self, code: &'a str) -> impl Iterator<Item = &'a City> {
        self.cities.iter().filter(move |c| c.region == code)
    }

    /// Known headcounts summed, and withheld cities counted, over all cities.
    pub fn headcount_totals(&self) -> Totals {
        Totals::of(self.cities.iter())
    }
}

/// The largest headcount a city may have: more people than live in Québec, so
/// that any real count fits and a sum of counts never wraps.
pub const MAX_COUNT: u64 = 100_000_000;

/// The largest amount a funding row may have, in dollars: more than Québec's
/// whole yearly budget, so that any real amount fits and a total never wraps.
pub const MAX_AMOUNT_CAD: u64 = 1_000_000_000_000;

/// The dollars of `rows` added up; saturates rather than wraps (a validated
/// dataset's total always fits: `validate` checks it).
pub fn amount_total<'a>(rows: impl Iterator<Item = &'a Funding>) -> u64 {
    rows.fold(0u64, |total, f| total.saturating_add(f.amount_cad))
}

/// A headcount summary for checks and counts: what is known, and how many
/// cities are withheld. What a surface shows of a region's figures comes from
/// `present::figures`, where a region with no known count has none, not 0.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Totals {
    pub cities: usize,
    pub known: u64,
    pub withheld: usize,
}

impl Totals {
    pub(crate) fn of<'a>(cities: impl Iterator<Item = &'a City>) -> Totals {
        cities.fold(Totals::default(), |t, c| Totals {
            cities: t.cities + 1,
            // Saturates rather than wraps; `validate` checks that a valid
            // dataset's total fits.
            known: t.known.saturating_add(c.count.unwrap_or(0)),
            withheld: t.withheld + usize::from(c.count.is_none()),
        })
    }
}
