//! Checks that a parsed dataset is consistent: unique ids, references that resolve,
//! one headcount or one withholding per city, cited articles that exist.

use std::collections::HashSet;

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

/// Every problem of the dataset, in document order of the sections checked.
pub fn validate(data: &Dataset) -> Vec<Problem> {
    use Step::{Index, Key};
    let mut problems = Vec::new();

    let mut codes = HashSet::new();
    for (i, region) in data.regions.iter().enumerate() {
        if !codes.insert(region.code.as_str()) {
            problems.push(problem(
                vec![Key("regions"), Index(i), Key("code")],
                format!("duplicate region code \"{}\"", region.code),
            ));
        }
    }
    let articles: HashSet<&str> = data.articles.iter().map(|a| a.number.as_str()).collect();
    let mut numbers = HashSet::new();
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

    // Ids share one namespace so that search hits and remembered selections are unambiguous.
    let mut ids = HashSet::new();
    let mut check_id = |problems: &mut Vec<Problem>, path: Vec<Step>, id: &str| {
        if id.trim().is_empty() {
            problems.push(problem(path, "empty id".to_string()));
        } else if !ids.insert(id.to_string()) {
            problems.push(problem(path, format!("duplicate id \"{id}\"")));
        }
    };

    for (i, org) in data.organisations.iter().enumerate() {
        check_id(
            &mut problems,
            vec![Key("organisations"), Index(i), Key("id")],
            &org.id,
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
        check_id(&mut problems, at("id"), &city.id);
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
        check_id(
            &mut problems,
            vec![Key("funding"), Index(i), Key("id")],
            &row.id,
        );
        if let Some(org) = &row.organisation_id
            && data.organisation(org).is_none()
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
