//! Checks that a parsed dataset is consistent: unique ids, references that resolve,
//! one headcount or one withholding per city, cited articles that exist.

use std::collections::hash_map::Entry;

// foldhash, not SipHash: a 100 000-organisation file means hundreds of thousands
// of lookups, and the seed is still random per process.
use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

use super::locate::Step::{self, Index, Key};
use super::model::{Dataset, MAX_AMOUNT_CAD, MAX_COUNT};

/// One inconsistency, with the path of the value at fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: Vec<Step>,
    pub message: String,
}

fn problem(path: Vec<Step>, message: String) -> Problem {
    Problem { path, message }
}

/// The ids seen so far. Ids share one namespace so that search hits and
/// remembered selections are unambiguous. Each says whether it is an
/// organisation's, for the funding rows' links.
struct Ids<'a> {
    /// Each id seen, and whether it is an organisation's.
    is_organisation: HashMap<&'a str, bool>,
}

impl<'a> Ids<'a> {
    fn with_capacity(data: &Dataset) -> Ids<'a> {
        let count = data.organisations.len() + data.cities.len() + data.funding.len();
        Ids {
            is_organisation: HashMap::with_capacity(count),
        }
    }

    /// Records `id`, or a problem at `path` (built only then: a large dataset
    /// has none, and building a path for each of its entries would cost more
    /// than the checks).
    fn check(
        &mut self,
        problems: &mut Vec<Problem>,
        path: impl FnOnce() -> Vec<Step>,
        id: &'a str,
        organisation: bool,
    ) {
        if id.trim().is_empty() {
            problems.push(problem(path(), "empty id".to_string()));
        } else {
            match self.is_organisation.entry(id) {
                Entry::Occupied(_) => {
                    problems.push(problem(path(), format!("duplicate id \"{id}\"")));
                }
                Entry::Vacant(slot) => {
                    slot.insert(organisation);
                }
            }
        }
    }

    fn is_organisation(&self, id: &str) -> bool {
        self.is_organisation.get(id) == Some(&true)
    }
}

/// Every problem of the dataset, in document order of the sections checked.
pub fn validate(data: &Dataset) -> Vec<Problem> {
    let mut checks = Checks {
        data,
        problems: Vec::new(),
        codes: HashSet::with_capacity(data.regions.len()),
        articles: HashSet::with_capacity(data.articles.len()),
        ids: Ids::with_capacity(data),
    };
    // Regions and articles first: the other sections refer to them.
    checks.regions();
    checks.articles();
    checks.organisations();
    checks.cities();
    checks.funding();
    checks.questions();
    checks.totals();
    checks.problems
}

/// What the checks have seen so far, and the problems they found.
struct Checks<'a> {
    data: &'a Dataset,
    problems: Vec<Problem>,
    /// Region codes, which organisations and cities refer to.
    codes: HashSet<&'a str>,
    /// Article numbers, which withheld cities and the letter's answers cite.
    articles: HashSet<&'a str>,
    ids: Ids<'a>,
}

impl<'a> Checks<'a> {
    fn regions(&mut self) {
        for (i, region) in self.data.regions.iter().enumerate() {
            if !self.codes.insert(region.code.as_str()) {
                self.problems.push(problem(
                    vec![Key("regions"), Index(i), Key("code")],
                    format!("duplicate region code \"{}\"", region.code),
                ));
            }
        }
    }

    fn articles(&mut self) {
        for (i, article) in self.data.articles.iter().enumerate() {
            if !self.articles.insert(article.number.as_str()) {
                self.problems.push(problem(
                    vec![Key("articles"), Index(i), Key("number")],
                    format!("duplicate article number \"{}\"", article.number),
                ));
            }
            if article.text.is_none() && article.paraphrase.is_none() {
                self.problems.push(problem(
                    vec![Key("articles"), Index(i)],
                    format!("article {} has neither text nor paraphrase", article.number),
                ));
            }
        }
    }

    fn organisations(&mut self) {
        for (i, org) in self.data.organisations.iter().enumerate() {
            self.ids.check(
                &mut self.problems,
                || vec![Key("organisations"), Index(i), Key("id")],
                &org.id,
                true,
            );
            if org.regions.is_empty() {
                self.problems.push(problem(
                    vec![Key("organisations"), Index(i), Key("regions")],
                    format!("organisation \"{}\" has no region", org.id),
                ));
            }
            for (j, code) in org.regions.iter().enumerate() {
                if !self.codes.contains(code.as_str()) {
                    self.problems.push(problem(
                        vec![Key("organisations"), Index(i), Key("regions"), Index(j)],
                        format!(
                            "organisation \"{}\" refers to unknown region \"{code}\"",
                            org.id
                        ),
                    ));
                }
            }
        }
    }

    fn cities(&mut self) {
        for (i, city) in self.data.cities.iter().enumerate() {
            let at = |key| vec![Key("cities"), Index(i), Key(key)];
            self.ids
                .check(&mut self.problems, || at("id"), &city.id, false);
            if !self.codes.contains(city.region.as_str()) {
                self.problems.push(problem(
                    at("region"),
                    format!(
                        "city \"{}\" refers to unknown region \"{}\"",
                        city.id, city.region
                    ),
                ));
            }
            if let Some(count) = city.count
                && count > MAX_COUNT
            {
                self.problems.push(problem(
                    at("count"),
                    format!(
                        "city \"{}\" has a count of {count}, above the limit of {MAX_COUNT}",
                        city.id
                    ),
                ));
            }
            match (&city.count, &city.withheld) {
                (Some(_), Some(_)) => self.problems.push(problem(
                    at("withheld"),
                    format!("city \"{}\" has both a count and a withholding", city.id),
                )),
                (None, None) => self.problems.push(problem(
                    at("count"),
                    format!("city \"{}\" has neither a count nor a withholding", city.id),
                )),
                _ => {}
            }
            if let Some(withheld) = &city.withheld {
                let articles = || vec![Key("cities"), Index(i), Key("withheld"), Key("articles")];
                if withheld.articles.is_empty() {
                    self.problems.push(problem(
                        articles(),
                        format!("city \"{}\" is withheld without any article", city.id),
                    ));
                }
                self.cited(&withheld.articles, articles, || {
                    format!("city \"{}\"", city.id)
                });
            }
        }
    }

    fn funding(&mut self) {
        for (i, row) in self.data.funding.iter().enumerate() {
            self.ids.check(
                &mut self.problems,
                || vec![Key("funding"), Index(i), Key("id")],
                &row.id,
                false,
            );
            if row.amount_cad > MAX_AMOUNT_CAD {
                self.problems.push(problem(
                    vec![Key("funding"), Index(i), Key("amount_cad")],
                    format!(
                        "funding row \"{}\" has an amount of {} $, above the limit of {MAX_AMOUNT_CAD} $",
                        row.id, row.amount_cad
                    ),
                ));
            }
            if let Some(org) = &row.organisation_id
                && !self.ids.is_organisation(org)
            {
                self.problems.push(problem(
                    vec![Key("funding"), Index(i), Key("organisation_id")],
                    format!(
                        "funding row \"{}\" refers to unknown organisation \"{org}\"",
                        row.id
                    ),
                ));
            }
        }
    }

    fn questions(&mut self) {
        for (i, question) in self.data.document.questions.iter().enumerate() {
            for (j, answer) in question.answers.iter().enumerate() {
                let articles = || {
                    vec![
                        Key("document"),
                        Key("questions"),
                        Index(i),
                        Key("answers"),
                        Index(j),
                        Key("articles"),
                    ]
                };
                self.cited(&answer.articles, articles, || {
                    format!("question {}", question.number)
                });
            }
        }
    }

    /// The headcounts and the amounts added up with checked sums: each value is
    /// below its limit, but a dataset with enough of them must not wrap a total.
    fn totals(&mut self) {
        let mut counts = self.data.cities.iter().filter_map(|c| c.count);
        if counts.try_fold(0u64, u64::checked_add).is_none() {
            self.problems.push(problem(
                vec![Key("cities")],
                "the cities' counts add up to more than a 64-bit total holds".to_string(),
            ));
        }
        let mut amounts = self.data.funding.iter().map(|f| f.amount_cad);
        if amounts.try_fold(0u64, u64::checked_add).is_none() {
            self.problems.push(problem(
                vec![Key("funding")],
                "the funding amounts add up to more than a 64-bit total holds".to_string(),
            ));
        }
    }

    /// A problem for each number in `cited` that no article of the dataset has;
    /// `list` is the path of the list, `citing` names who cites it.
    fn cited(
        &mut self,
        cited: &[String],
        list: impl Fn() -> Vec<Step>,
        citing: impl Fn() -> String,
    ) {
        for (k, number) in cited.iter().enumerate() {
            if !self.articles.contains(number.as_str()) {
                let mut path = list();
                path.push(Index(k));
                self.problems.push(problem(
                    path,
                    format!("{} cites unknown article \"{number}\"", citing()),
                ));
            }
        }
    }
}
