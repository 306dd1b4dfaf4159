//! Checks that a parsed dataset is consistent: unique ids, references that resolve,
//! one headcount or one withholding per city, cited articles that exist.

use std::collections::hash_map::Entry;

// foldhash, not SipHash: a 100 000-organisation file means hundreds of thousands
// of lookups, and the seed is still random per process.
use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

use super::locate::Step;
use super::model::Dataset;

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
    use Step::{Index, Key};
    let mut problems = Vec::new();

    let mut codes = HashSet::with_capacity(data.regions.len());
    for (i, region) in data.regions.iter().enumerate() {
        if !codes.insert(region.code.as_str()) {
            problems.push(problem(
                vec![Key("regions"), Index(i), Key("code")],
                format!("duplicate region code \"{}\"", region.code),
            ));
        }
    }
    let articles: HashSet<&str> = data.articles.iter().map(|a| a.number.as_str()).collect();
    let mut numbers = HashSet::with_capacity(data.articles.len());
    for (i, article) in data.articles.iter().enumerate() {
        if !numbers.insert(article.number.as_str()) {
            problems.push(problem(
                vec![Key("articles"), Index(i), Key("number")],
                format!("duplicate article number \"{}\"", article.number),
            ));
        }
        if article.text.is_none() && article.paraphrase.is_none() {
            problems.push(problem(
                vec![Key("articles"), Index(i)],
                format!("article {} has neither text nor paraphrase", article.number),
            ));
        }
    }

    let mut ids = Ids::with_capacity(data);
    for (i, org) in data.organisations.iter().enumerate() {
        ids.check(
            &mut problems,
            || vec![Key("organisations"), Index(i), Key("id")],
            &org.id,
            true,
        );
        if org.regions.is_empty() {
            problems.push(problem(
                vec![Key("organisations"), Index(i), Key("regions")],
                format!("organisation \"{}\" has no region", org.id),
            ));
        }
        for (j, code) in org.regions.iter().enumerate() {
            if !codes.contains(code.as_str()) {
                problems.push(problem(
                    vec![Key("organisations"), Index(i), Key("regions"), Index(j)],
                    format!(
                        "organisation \"{}\" refers to unknown region \"{code}\"",
                        org.id
                    ),
                ));
            }
        }
    }

    for (i, city) in data.cities.iter().enumerate() {
        let at = |key| vec![Key("cities"), Index(i), Key(key)];
        ids.check(&mut problems, || at("id"), &city.id, false);
        if !codes.contains(city.region.as_str()) {
            problems.push(problem(
                at("region"),
                format!(
                    "city \"{}\" refers to unknown region \"{}\"",
                    city.id, city.region
                ),
            ));
        }
        match (&city.count, &city.withheld) {
            (Some(_), Some(_)) => problems.push(problem(
                at("withheld"),
                format!("city \"{}\" has both a count and a withholding", city.id),
            )),
            (None, None) => problems.push(problem(
                at("count"),
                format!("city \"{}\" has neither a count nor a withholding", city.id),
            )),
            _ => {}
        }
        if let Some(withheld) = &city.withheld {
            if withheld.articles.is_empty() {
                problems.push(problem(
                    vec![Key("cities"), Index(i), Key("withheld"), Key("articles")],
                    format!("city \"{}\" is withheld without any article", city.id),
                ));
            }
            for (j, number) in withheld.articles.iter().enumerate() {
                if !articles.contains(number.as_str()) {
                    problems.push(problem(
                        vec![
                            Key("cities"),
                            Index(i),
                            Key("withheld"),
                            Key("articles"),
                            Index(j),
                        ],
                        format!("city \"{}\" cites unknown article \"{number}\"", city.id),
                    ));
                }
            }
        }
    }

    for (i, row) in data.funding.iter().enumerate() {
        ids.check(
            &mut problems,
            || vec![Key("funding"), Index(i), Key("id")],
            &row.id,
            false,
        );
        if let Some(org) = &row.organisation_id
            && !ids.is_organisation(org)
        {
            problems.push(problem(
                vec![Key("funding"), Index(i), Key("organisation_id")],
                format!(
                    "funding row \"{}\" refers to unknown organisation \"{org}\"",
                    row.id
                ),
            ));
        }
    }

    for (i, question) in data.document.questions.iter().enumerate() {
        for (j, answer) in question.answers.iter().enumerate() {
            for (k, number) in answer.articles.iter().enumerate() {
                if !articles.contains(number.as_str()) {
                    problems.push(problem(
                        vec![
                            Key("document"),
                            Key("questions"),
                            Index(i),
                            Key("answers"),
                            Index(j),
                            Key("articles"),
                            Index(k),
                        ],
                        format!(
                            "question {} cites unknown article \"{number}\"",
                            question.number
                        ),
                    ));
                }
            }
        }
    }
    problems
}
