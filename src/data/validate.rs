//! Checks that a parsed dataset is consistent: unique ids, references that resolve,
//! one headcount or one withholding per city, cited articles that exist.

use std::collections::hash_map::Entry;

// foldhash, not SipHash: a 100 000-organisation file means hundreds of thousands
// of lookups, and the seed is still random per process.
use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

use super::locate::Step::{self, Index, Key};
use super::model::{Dataset, MAX_AMOUNT_CAD, MAX_COUNT};
use crate::i18n::{DataText, Message};

/// One inconsistency, with the path of the value at fault and what to say of
/// it, worded in the interface language when it is shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: Vec<Step>,
    pub message: Message,
}

fn problem(path: Vec<Step>, message: Message) -> Problem {
    Problem { path, message }
}

/// The ids seen so far. Ids share one namespace so that search hits and
/// remembered selections are unambiguous. Each says whether it is an
/// organisation's, for the funding rows' links.
enum Ids<'a> {
    /// Each id seen, and whether it is an organisation's.
    Seen(HashMap<&'a str, bool>),
    /// The ids are known to be distinct (see [`distinct`]): only the
    /// organisations' ids a funding row names are kept.
    Distinct(HashSet<&'a str>),
}

impl<'a> Ids<'a> {
    fn new(data: &'a Dataset) -> Ids<'a> {
        let ids = || {
            let organisations = data.organisations.iter().map(|o| o.id.as_str());
            let cities = data.cities.iter().map(|c| c.id.as_str());
            organisations
                .chain(cities)
                .chain(data.funding.iter().map(|f| f.id.as_str()))
        };
        let count = data.organisations.len() + data.cities.len() + data.funding.len();
        if !distinct(ids(), count) {
            return Ids::Seen(HashMap::with_capacity(count));
        }
        let named: HashSet<&str> = data
            .funding
            .iter()
            .filter_map(|f| f.organisation_id.as_deref())
            .collect();
        let funded = if named.is_empty() {
            named
        } else {
            let organisations = data.organisations.iter().map(|o| o.id.as_str());
            // Empty ids are never recorded: a row naming one stays unknown.
            organisations
                .filter(|id| !id.trim().is_empty() && named.contains(id))
                .collect()
        };
        Ids::Distinct(funded)
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
            problems.push(problem(path(), Message::new(DataText::EmptyId)));
        } else if let Ids::Seen(seen) = self {
            match seen.entry(id) {
                Entry::Occupied(_) => {
                    let duplicate = Message::new(DataText::DuplicateId).with("id", id);
                    problems.push(problem(path(), duplicate));
                }
                Entry::Vacant(slot) => {
                    slot.insert(organisation);
                }
            }
        }
    }

    fn is_organisation(&self, id: &str) -> bool {
        match self {
            Ids::Seen(seen) => seen.get(id) == Some(&true),
            Ids::Distinct(funded) => funded.contains(id),
        }
    }
}

/// True when the `count` ids, empty ones left out, are known to be distinct;
/// false when two are the same (or merely hash the same). One map of a
/// million ids misses the cache at every insertion; here their hashes are
/// put in 256 buckets by their top byte, and each bucket, small enough for
/// the cache, is sorted and checked for neighbours that are equal.
fn distinct<'a>(ids: impl Iterator<Item = &'a str>, count: usize) -> bool {
    use std::hash::BuildHasher;
    const SMALL: usize = 4096;
    let state = foldhash::fast::RandomState::default();
    if count < SMALL {
        let mut seen = HashSet::with_capacity(count);
        return ids
            .filter(|id| !id.trim().is_empty())
            .all(|id| seen.insert(id));
    }
    let room = count / 256 + count / 1024 + 16;
    let mut buckets: Vec<Vec<u64>> = (0..256).map(|_| Vec::with_capacity(room)).collect();
    for id in ids.filter(|id| !id.trim().is_empty()) {
        let hash = state.hash_one(id);
        buckets[(hash >> 56) as usize].push(hash);
    }
    buckets.iter_mut().all(|bucket| {
        bucket.sort_unstable();
        bucket.windows(2).all(|pair| pair[0] != pair[1])
    })
}

/// Every problem of the dataset, in document order of the sections checked.
pub fn validate(data: &Dataset) -> Vec<Problem> {
    let mut checks = Checks {
        data,
        problems: Vec::new(),
        codes: HashSet::with_capacity(data.regions.len()),
        articles: HashSet::with_capacity(data.articles.len()),
        ids: Ids::new(data),
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
                    Message::new(DataText::DuplicateRegionCode).with("code", &region.code),
                ));
            }
        }
    }

    fn articles(&mut self) {
        for (i, article) in self.data.articles.iter().enumerate() {
            if !self.articles.insert(article.number.as_str()) {
                self.problems.push(problem(
                    vec![Key("articles"), Index(i), Key("number")],
                    Message::new(DataText::DuplicateArticleNumber).with("number", &article.number),
                ));
            }
            if article.text.is_none() && article.paraphrase.is_none() {
                self.problems.push(problem(
                    vec![Key("articles"), Index(i)],
                    Message::new(DataText::ArticleWithoutText).with("number", &article.number),
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
                    Message::new(DataText::OrganisationWithoutRegion).with("id", &org.id),
                ));
            }
            for (j, code) in org.regions.iter().enumerate() {
                if !self.codes.contains(code.as_str()) {
                    self.problems.push(problem(
                        vec![Key("organisations"), Index(i), Key("regions"), Index(j)],
                        Message::new(DataText::OrganisationUnknownRegion)
                            .with("id", &org.id)
                            .with("code", code),
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
                    Message::new(DataText::CityUnknownRegion)
                        .with("id", &city.id)
                        .with("code", &city.region),
                ));
            }
            if let Some(count) = city.count
                && count > MAX_COUNT
            {
                self.problems.push(problem(
                    at("count"),
                    Message::new(DataText::CityCountAboveLimit)
                        .with("id", &city.id)
                        .with("count", count)
                        .with("limit", MAX_COUNT),
                ));
            }
            match (&city.count, &city.withheld) {
                (Some(_), Some(_)) => self.problems.push(problem(
                    at("withheld"),
                    Message::new(DataText::CityCountAndWithheld).with("id", &city.id),
                )),
                (None, None) => self.problems.push(problem(
                    at("count"),
                    Message::new(DataText::CityNeitherCountNorWithheld).with("id", &city.id),
                )),
                _ => {}
            }
            if let Some(withheld) = &city.withheld {
                let articles = || vec![Key("cities"), Index(i), Key("withheld"), Key("articles")];
                if withheld.articles.is_empty() {
                    self.problems.push(problem(
                        articles(),
                        Message::new(DataText::CityWithheldWithoutArticle).with("id", &city.id),
                    ));
                }
                self.cited(&withheld.articles, articles, || {
                    Message::new(DataText::CityCitesUnknownArticle).with("id", &city.id)
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
                    Message::new(DataText::FundingAmountAboveLimit)
                        .with("id", &row.id)
                        .with("amount", row.amount_cad)
                        .with("limit", MAX_AMOUNT_CAD),
                ));
            }
            if let Some(org) = &row.organisation_id
                && !self.ids.is_organisation(org)
            {
                self.problems.push(problem(
                    vec![Key("funding"), Index(i), Key("organisation_id")],
                    Message::new(DataText::FundingUnknownOrganisation)
                        .with("id", &row.id)
                        .with("organisation", org),
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
                    Message::new(DataText::QuestionCitesUnknownArticle)
                        .with("question", question.number)
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
                Message::new(DataText::CountsOverflow),
            ));
        }
        let mut amounts = self.data.funding.iter().map(|f| f.amount_cad);
        if amounts.try_fold(0u64, u64::checked_add).is_none() {
            self.problems.push(problem(
                vec![Key("funding")],
                Message::new(DataText::AmountsOverflow),
            ));
        }
    }

    /// A problem for each number in `cited` that no article of the dataset has;
    /// `list` is the path of the list, `citing` the message naming who cites
    /// it, to which the article's number is added.
    fn cited(
        &mut self,
        cited: &[String],
        list: impl Fn() -> Vec<Step>,
        citing: impl Fn() -> Message,
    ) {
        for (k, number) in cited.iter().enumerate() {
            if !self.articles.contains(number.as_str()) {
                let mut path = list();
                path.push(Index(k));
                self.problems
                    .push(problem(path, citing().with("number", number)));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn messages(data: &Dataset) -> Vec<String> {
        validate(data)
            .into_iter()
            .map(|p| p.message.describe(Lang::En))
            .collect()
    }

    #[test]
    fn distinct_ids_are_told_from_a_repeated_one_at_any_size() {
        for count in [10, 5_000, 40_000] {
            let ids: Vec<String> = (0..count).map(|i| format!("id-{i}")).collect();
            let all = || ids.iter().map(String::as_str);
            assert!(distinct(all(), count), "{count} distinct ids");
            for at in [0, count / 2, count - 1] {
                let again = ids[at].as_str();
                assert!(
                    !distinct(all().chain([again]), count + 1),
                    "{at} of {count}"
                );
            }
            let empty = ["", " ", "", "\t"];
            assert!(
                distinct(all().chain(empty), count + 4),
                "empty ids are left out"
            );
        }
    }

    #[test]
    fn a_large_dataset_reports_each_repeated_id_where_it_is() {
        let mut data = crate::synthetic::dataset(5_000).expect("synthetic");
        assert_eq!(messages(&data), Vec::<String>::new());
        let first = data.organisations[0].id.clone();
        data.organisations[4_999].id = first.clone();
        data.cities[1].id = first.clone();
        let problems = validate(&data);
        let places: Vec<(Vec<Step>, String)> = problems
            .iter()
            .map(|p| (p.path.clone(), p.message.describe(Lang::En)))
            .collect();
        let duplicate = format!("duplicate id \"{first}\"");
        assert_eq!(
            places,
            [
                (
                    vec![Key("organisations"), Index(4_999), Key("id")],
                    duplicate.clone()
                ),
                (vec![Key("cities"), Index(1), Key("id")], duplicate),
            ]
        );
    }

    #[test]
    fn a_funding_row_naming_an_empty_id_names_an_unknown_organisation() {
        let mut data = crate::synthetic::dataset(5_000).expect("synthetic");
        data.organisations[10].id = String::new();
        data.funding[0].organisation_id = Some(String::new());
        let row = data.funding[0].id.clone();
        assert_eq!(
            messages(&data),
            [
                "empty id".to_string(),
                format!("funding row \"{row}\" refers to unknown organisation \"\""),
            ]
        );
    }

    #[test]
    fn funding_links_resolve_to_organisations_only_when_ids_are_distinct() {
        let mut data = crate::synthetic::dataset(5_000).expect("synthetic");
        let organisation = data.organisations[4_321].id.clone();
        let city = data.cities[0].id.clone();
        data.funding[0].organisation_id = Some(organisation);
        data.funding[1].organisation_id = Some(city.clone());
        data.funding[2].organisation_id = Some("nobody".to_string());
        let unknown = |id: &str, row: &str| {
            format!("funding row \"{row}\" refers to unknown organisation \"{id}\"")
        };
        let rows = (data.funding[1].id.clone(), data.funding[2].id.clone());
        assert_eq!(
            messages(&data),
            [unknown(&city, &rows.0), unknown("nobody", &rows.1)]
        );
    }
}
