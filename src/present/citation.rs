//! Where a copied text comes from, so that a reader can check it: the decision
//! (ministry, reference and date, from the dataset's own document), the part
//! of the letter it is in, and the OCR lines of this transcription.

use std::collections::HashMap;

use crate::data::{Article, City, Dataset, Document, Funding, Organisation, Region, SourceLine};
use crate::i18n::{Label, Lang, Message, Text};

use super::detail::Target;

/// A part of the letter and the OCR lines of it that a copy quotes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub name: String,
    /// Sorted, each once.
    pub lines: Vec<u32>,
}

impl Part {
    fn new(name: String, sources: impl IntoIterator<Item = u32>) -> Part {
        let mut lines: Vec<u32> = sources.into_iter().collect();
        lines.sort_unstable();
        lines.dedup();
        Part { name, lines }
    }
}

/// The citation of one entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Citation<'a> {
    pub document: &'a Document,
    pub parts: Vec<Part>,
}

/// OCR line numbers as a reader looks them up: `195–197, 199`.
pub(crate) fn line_list(lines: &[u32]) -> String {
    let mut runs: Vec<(u32, u32)> = Vec::new();
    for &n in lines {
        match runs.last_mut() {
            Some((_, last)) if *last + 1 == n => *last = n,
            _ => runs.push((n, n)),
        }
    }
    runs.iter()
        .map(|&(a, b)| {
            if a == b {
                a.to_string()
            } else {
                format!("{a}–{b}")
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn numbers(sources: &[SourceLine]) -> impl Iterator<Item = u32> + '_ {
    sources.iter().map(|s| s.line)
}

/// The OCR lines of `o` under region `code`: an organisation listed in several
/// regions cites one line per region, in the same order.
fn lines_in_region(o: &Organisation, code: &str) -> Vec<u32> {
    match o.regions.iter().position(|r| r == code) {
        Some(i) if o.regions.len() == o.source.len() => vec![o.source[i].line],
        _ => numbers(&o.source).collect(),
    }
}

/// The answers that invoke `articles` to withhold a count, one part per
/// question: a withheld value is cited with the passage giving its legal basis.
fn withholding_parts(data: &Dataset, articles: &[String], lang: Lang) -> Vec<Part> {
    if articles.is_empty() {
        return Vec::new();
    }
    data.document
        .questions
        .iter()
        .filter_map(|q| {
            let lines: Vec<u32> = q
                .answers
                .iter()
                .filter(|a| {
                    a.outcome == crate::data::Outcome::PartlyRefused
                        && a.articles.iter().any(|n| articles.contains(n))
                })
                .flat_map(|a| numbers(&a.source))
                .collect();
            let name = Message::new(Text::CiteQuestion)
                .with("number", q.number)
                .describe(lang);
            (!lines.is_empty()).then(|| Part::new(name, lines))
        })
        .collect()
}

/// The annex's section of a region (or of several, joined).
fn annex_part(lang: Lang, regions: &str) -> String {
    format!("{}, {regions}", lang.word(Label::PartAnnex))
}

/// A row of a list, for the citation of the whole list ([`Citation::of_rows`]).
#[derive(Debug, Clone, Copy)]
pub(crate) enum Row<'d> {
    Region(&'d Region),
    Organisation(&'d Organisation),
    City(&'d City),
    Funding(&'d Funding),
    Article(&'d Article),
}

/// Parts by name, in the order first named, each with the lines of every row
/// cited in it.
#[derive(Default)]
struct Parts {
    at: HashMap<String, usize>,
    parts: Vec<(String, Vec<u32>)>,
}

impl Parts {
    fn add(&mut self, name: String, lines: Vec<u32>) {
        match self.at.get(&name) {
            Some(&i) => self.parts[i].1.extend(lines),
            None => {
                self.at.insert(name.clone(), self.parts.len());
                self.parts.push((name, lines));
            }
        }
    }
}

impl<'a> Citation<'a> {
    /// The decision alone.
    pub(crate) fn decision(data: &'a Dataset) -> Citation<'a> {
        Citation::with(data, Vec::new())
    }

    /// The decision of `data`'s letter and `parts` of it.
    fn with(data: &'a Dataset, parts: Vec<Part>) -> Citation<'a> {
        Citation {
            document: &data.document,
            parts,
        }
    }

    /// The decision and one part of its letter, `name`, at the lines of `source`.
    fn one_part(data: &'a Dataset, name: String, source: &[SourceLine]) -> Citation<'a> {
        Citation::with(data, vec![Part::new(name, numbers(source))])
    }

    /// The citation of a list's rows: the decision, and each part of the
    /// letter they come from once, with the OCR lines of them all, in the
    /// letter's order (by first line; parts without lines last). An
    /// organisation is cited in the annex's section of each of its regions, or
    /// of `region` alone when the list is limited to it.
    pub(crate) fn of_rows(
        data: &'a Dataset,
        rows: impl IntoIterator<Item = Row<'a>>,
        region: Option<&str>,
        lang: Lang,
    ) -> Citation<'a> {
        let mut parts = Parts::default();
        for row in rows {
            let cited = match row {
                Row::Organisation(o) => {
                    // In the section of each region it is listed under.
                    let codes = o.regions.iter().filter(|c| region.is_none_or(|r| r == *c));
                    for code in codes {
                        let name = annex_part(lang, data.region_name(code));
                        parts.add(name, lines_in_region(o, code));
                    }
                    continue;
                }
                Row::Region(r) => Citation::of_region(data, r, lang),
                Row::City(c) => Citation::of_city(data, c, lang),
                Row::Funding(f) => Citation::of_funding(data, f, lang),
                Row::Article(a) => Citation::of_article(data, a, lang),
            };
            for part in cited.parts {
                parts.add(part.name, part.lines);
            }
        }
        let mut parts: Vec<Part> = parts
            .parts
            .into_iter()
            .map(|(name, lines)| Part::new(name, lines))
            .collect();
        parts.sort_by_key(|p| p.lines.first().copied().unwrap_or(u32::MAX));
        Citation::with(data, parts)
    }

    /// The citation of `target`, or None when the dataset has no such entry.
    pub(crate) fn of(data: &'a Dataset, target: &Target, lang: Lang) -> Option<Citation<'a>> {
        Some(match target {
            Target::Region(code) => Citation::of_region(data, data.region(code)?, lang),
            Target::Organisation(id) => {
                Citation::of_organisation(data, data.organisation(id)?, lang)
            }
            Target::City(id) => {
                Citation::of_city(data, data.cities.iter().find(|c| &c.id == id)?, lang)
            }
            Target::Funding(id) => {
                Citation::of_funding(data, data.funding.iter().find(|f| &f.id == id)?, lang)
            }
            Target::Article(number) => Citation::of_article(data, data.article(number)?, lang),
        })
    }

    /// The citation of a region: its section of the annex with its
    /// organisations, and its cities' rows of the headcounts' table.
    pub(crate) fn of_region(data: &'a Dataset, r: &Region, lang: Lang) -> Citation<'a> {
        let code = r.code.as_str();
        let mut parts = Vec::new();
        let organisations: Vec<_> = data.organisations_in(code).collect();
        if !r.source.is_empty() || !organisations.is_empty() {
            let lines = numbers(&r.source)
                .chain(organisations.iter().flat_map(|o| lines_in_region(o, code)));
            parts.push(Part::new(annex_part(lang, &r.name), lines));
        }
        let cities: Vec<_> = data.cities_in(code).collect();
        if !cities.is_empty() {
            let lines = cities.iter().flat_map(|c| numbers(&c.source));
            parts.push(Part::new(
                lang.word(Label::PartHeadcounts).to_string(),
                lines,
            ));
        }
        let figures = super::figures::RegionFigures::of(0, cities.iter().copied());
        parts.extend(withholding_parts(data, &figures.withheld_articles, lang));
        Citation::with(data, parts)
    }

    /// The citation of an organisation: the annex's sections it is listed in.
    pub(crate) fn of_organisation(data: &'a Dataset, o: &Organisation, lang: Lang) -> Citation<'a> {
        let regions: Vec<&str> = o.regions.iter().map(|c| data.region_name(c)).collect();
        Citation::one_part(data, annex_part(lang, &regions.join(", ")), &o.source)
    }

    /// The citation of a city: its row of the headcounts' table, and for a
    /// withheld count the answer that invokes its articles.
    pub(crate) fn of_city(data: &'a Dataset, c: &City, lang: Lang) -> Citation<'a> {
        let name = lang.word(Label::PartHeadcounts).to_string();
        let mut parts = vec![Part::new(name, numbers(&c.source))];
        if let Some(w) = &c.withheld {
            parts.extend(withholding_parts(data, &w.articles, lang));
        }
        Citation::with(data, parts)
    }

    /// The citation of a funding row: its row of the funding table.
    pub(crate) fn of_funding(data: &'a Dataset, f: &Funding, lang: Lang) -> Citation<'a> {
        let name = lang.word(Label::PartFunding).to_string();
        Citation::one_part(data, name, &f.source)
    }

    /// The citation of an article of the law: where the letter quotes it.
    pub(crate) fn of_article(data: &'a Dataset, a: &Article, lang: Lang) -> Citation<'a> {
        let law = &data.document.law;
        let name = Message::new(Text::CiteArticle)
            .with("number", &a.number)
            .with("law", &law.title)
            .with("citation", &law.citation)
            .describe(lang);
        Citation::one_part(data, name, &a.source)
    }

    /// The citation of one of the letter's passages that the search box finds
    /// (a `search::Kind::Document` entry, by its id).
    pub(crate) fn of_passage(data: &'a Dataset, id: &str, lang: Lang) -> Citation<'a> {
        let name = match id.strip_prefix("question-") {
            Some(n) => Some(
                Message::new(Text::CiteQuestion)
                    .with("number", n)
                    .describe(lang),
            ),
            None => crate::i18n::part_text(id, lang).map(str::to_string),
        };
        let sources = document_sources(data, id);
        match name {
            Some(name) => Citation::one_part(data, name, &sources),
            None => Citation::decision(data),
        }
    }

    /// Every OCR line the citation names, sorted.
    pub(crate) fn lines(&self) -> Vec<u32> {
        let mut lines: Vec<u32> = self.parts.iter().flat_map(|p| p.lines.clone()).collect();
        lines.sort_unstable();
        lines.dedup();
        lines
    }

    /// The decision, e.g. `Source : MIFI, décision d'accès à l'information
    /// 18159, 6 février 2020`.
    pub(crate) fn decision_text(&self, lang: Lang) -> String {
        let d = self.document;
        Message::new(Text::Citation)
            .with("ministry", &d.ministry_acronym)
            .with("reference", &d.reference)
            .with("date", lang.date(&d.date))
            .describe(lang)
    }

    /// The citation as one sentence: the decision, then each part with its
    /// OCR lines.
    pub(crate) fn text(&self, lang: Lang) -> String {
        let parts: Vec<String> = self
            .parts
            .iter()
            .map(|p| {
                if p.lines.is_empty() {
                    p.name.clone()
                } else {
                    Message::new(Text::CitationPart)
                        .with("part", &p.name)
                        .with("lines", line_list(&p.lines))
                        .describe(lang)
                }
            })
            .collect();
        let decision = self.decision_text(lang);
        if parts.is_empty() {
            format!("{decision}.")
        } else {
            format!(
                "{decision} — {}.",
                parts.join(lang.word(Label::ListSeparator))
            )
        }
    }

    /// The citation as JSON fields.
    pub(crate) fn json(&self, lang: Lang) -> serde_json::Value {
        let d = self.document;
        serde_json::json!({
            "text": self.text(lang),
            "ministry": d.ministry_acronym,
            "decision": d.reference,
            "date": d.date,
            "parts": self.parts.iter().map(|p| serde_json::json!({
                "part": p.name,
                "ocr_lines": p.lines,
            })).collect::<Vec<_>>(),
        })
    }
}

/// The OCR lines of one of the letter's passages that the search box finds
/// (`search::Kind::Document` entries, by their id): a question with its
/// answers, the law's title, a paragraph.
pub fn document_sources(data: &Dataset, id: &str) -> Vec<SourceLine> {
    let d = &data.document;
    if let Some(n) = id.strip_prefix("question-") {
        return d
            .questions
            .iter()
            .filter(|q| q.number.to_string() == n)
            .flat_map(|q| {
                q.source
                    .iter()
                    .chain(q.answers.iter().flat_map(|a| &a.source))
            })
            .cloned()
            .collect();
    }
    match id {
        "law" => d.law.source.clone(),
        "caveat" => d.caveat.source.clone(),
        "deployment_note" => d.deployment_note.source.clone(),
        "review" => d.review.source.clone(),
        "signatory" => d.signatory.source.clone(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data() -> Dataset {
        crate::data::load(None).expect("embedded").dataset
    }

    #[test]
    fn a_lists_rows_cite_each_part_once_in_the_letters_order() {
        let d = data();
        let org =
            |id: &str| Row::Organisation(d.organisations.iter().find(|o| o.id == id).unwrap());
        let city = |id: &str| Row::City(d.cities.iter().find(|c| c.id == id).unwrap());
        let parts = |c: Citation| -> Vec<(String, Vec<u32>)> {
            c.parts.into_iter().map(|p| (p.name, p.lines)).collect()
        };
        let annex = |region: &str| format!("annex \"Organismes par régions\", {region}");
        let rows = [
            city("montreal"),
            org("safima"),
            org("perspectives-carrieres"),
            city("laval"),
        ];
        // Perspectives Carrières is in three sections of the annex.
        assert_eq!(
            parts(Citation::of_rows(&d, rows, None, Lang::En)),
            [
                // Montréal is withheld: the answer invoking its articles is cited.
                (
                    "question 3 of the request and its answer".to_string(),
                    vec![50, 51, 52, 53, 55]
                ),
                ("table of immigrants accompanied".to_string(), vec![62, 94]),
                (annex("Laurentides"), vec![191]),
                (annex("Lanaudière"), vec![195, 197]),
                (annex("Laval"), vec![201]),
            ]
        );
        // A list limited to a region cites that region's section alone.
        assert_eq!(
            parts(Citation::of_rows(&d, rows, Some("14"), Lang::En)),
            [
                (
                    "question 3 of the request and its answer".to_string(),
                    vec![50, 51, 52, 53, 55]
                ),
                ("table of immigrants accompanied".to_string(), vec![62, 94]),
                (annex("Lanaudière"), vec![195, 197]),
            ]
        );
        assert!(Citation::of_rows(&d, [], None, Lang::En).parts.is_empty());
    }

    #[test]
    fn lines_are_listed_in_runs() {
        assert_eq!(line_list(&[196]), "196");
        assert_eq!(line_list(&[167, 195, 196, 197, 199]), "167, 195–197, 199");
        assert_eq!(line_list(&[]), "");
    }

    #[test]
    fn an_organisation_is_cited_by_its_annex_region_and_line() {
        let d = data();
        let c = Citation::of(&d, &Target::Organisation("safima".into()), Lang::Fr).expect("c");
        assert_eq!(
            c.text(Lang::Fr),
            "Source : MIFI, décision d'accès à l'information 18159, 6 février 2020 — \
             annexe « Organismes par régions », Lanaudière (OCR l. 197)."
        );
        let c = Citation::of(&d, &Target::Organisation("safima".into()), Lang::En).expect("c");
        assert_eq!(
            c.text(Lang::En),
            "Source: MIFI, access-to-information decision 18159, 6 February 2020 — \
             annex \"Organismes par régions\", Lanaudière (OCR l. 197)."
        );
    }

    #[test]
    fn a_region_cites_its_heading_its_organisations_and_its_cities() {
        let d = data();
        let c = Citation::of(&d, &Target::Region("14".into()), Lang::Fr).expect("c");
        assert_eq!(
            c.text(Lang::Fr),
            "Source : MIFI, décision d'accès à l'information 18159, 6 février 2020 — \
             annexe « Organismes par régions », Lanaudière (OCR l. 167, 195–197, 199) ; \
             tableau des personnes immigrantes accompagnées (OCR l. 76) ; \
             question 3 de la demande et sa réponse (OCR l. 50–53, 55)."
        );
        // A region the annex does not name: its city only.
        let c = Citation::of(&d, &Target::Region("07".into()), Lang::En).expect("c");
        assert_eq!(c.parts.len(), 1);
        assert_eq!(c.parts[0].lines, [66]);
    }

    #[test]
    fn an_article_is_cited_with_the_law_of_the_dataset() {
        let mut d = data();
        d.document.law.title = "Loi de test".into();
        d.document.reference = "99999".into();
        d.document.date = "2021-12-01".into();
        let c = Citation::of(&d, &Target::Article("53".into()), Lang::Fr).expect("c");
        assert_eq!(
            c.text(Lang::Fr),
            "Source : MIFI, décision d'accès à l'information 99999, 1 décembre 2021 — \
             article 53 de la Loi de test (RLRQ, c. A-2.1) (OCR l. 139–141, 143–144, 146–148, 150)."
        );
    }

    #[test]
    fn a_passage_of_the_letter_is_cited_by_its_name() {
        let d = data();
        let c = Citation::of_passage(&d, "question-3", Lang::En);
        assert_eq!(c.parts[0].name, "question 3 of the request and its answer");
        assert!(c.parts[0].lines.contains(&102), "{c:?}");
        let c = Citation::of_passage(&d, "review", Lang::Fr);
        assert_eq!(c.parts[0].name, "recours en révision");
        assert_eq!(c.parts[0].lines, [114, 115, 116, 117, 118]);
    }

    #[test]
    fn json_gives_each_field() {
        let d = data();
        let c = Citation::of(&d, &Target::City("laval".into()), Lang::En).expect("c");
        let v = c.json(Lang::En);
        assert_eq!(v["decision"], "18159");
        assert_eq!(v["date"], "2020-02-06");
        assert_eq!(v["ministry"], "MIFI");
        assert_eq!(v["parts"][0]["ocr_lines"], serde_json::json!([62]));
    }

    #[test]
    fn dates_that_are_not_iso_stay_as_they_are() {
        let lang = Lang::Fr;
        assert_eq!(lang.date("2020-02-06"), "6 février 2020");
        assert_eq!(lang.date("2020-13-06"), "2020-13-06");
        assert_eq!(lang.date("le 6 février"), "le 6 février");
        assert_eq!(Lang::En.date("2019-12-16"), "16 December 2019");
    }
}
