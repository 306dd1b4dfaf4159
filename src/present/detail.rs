//! What the detail view says about one entry: its fields, the OCR lines it was
//! read from, and the cross-links a user can follow.

use crate::data::{Dataset, Headcount, SourceLine};
use crate::i18n::{DetailLabel, FigureWord, Lang};

/// An entry of the dataset that can be selected, shown in detail or copied.
/// `state.json` stores it as `{"kind": "organisation", "id": "safima"}`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum Target {
    Region(String),
    Organisation(String),
    City(String),
    Funding(String),
    Article(String),
}

impl Target {
    pub fn id(&self) -> &str {
        match self {
            Target::Region(id)
            | Target::Organisation(id)
            | Target::City(id)
            | Target::Funding(id)
            | Target::Article(id) => id,
        }
    }

    /// The kind as a search kind, for its name in the interface.
    pub(crate) fn search_kind(&self) -> crate::search::Kind {
        use crate::search::Kind;
        match self {
            Target::Region(_) => Kind::Region,
            Target::Organisation(_) => Kind::Organisation,
            Target::City(_) => Kind::City,
            Target::Funding(_) => Kind::Funding,
            Target::Article(_) => Kind::Article,
        }
    }
}

/// The detail of one entry, ready to draw.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Detail {
    pub title: String,
    pub kind: &'static str,
    /// `(label, value)` rows; values may hold several lines.
    pub fields: Vec<(&'static str, String)>,
    pub source: Vec<SourceLine>,
    pub links: Vec<(String, Target)>,
}

/// The detail of `target`, or `None` when the dataset has no such entry.
pub fn detail(data: &Dataset, target: &Target, lang: Lang) -> Option<Detail> {
    detail_with(data, target, lang, usize::MAX)
}

/// The most links a preview keeps: more than any screen shows.
pub(crate) const PREVIEW_LINKS: usize = 200;

/// The detail of `target` as a preview shows it: with at most
/// [`PREVIEW_LINKS`] links, so that a region of a large dataset costs no more
/// than a small one (its count of organisations is still whole).
pub(crate) fn preview(data: &Dataset, target: &Target, lang: Lang) -> Option<Detail> {
    detail_with(data, target, lang, PREVIEW_LINKS)
}

/// The detail of `target` with at most `links` links to a region's organisations.
fn detail_with(data: &Dataset, target: &Target, lang: Lang, links: usize) -> Option<Detail> {
    match target {
        Target::Region(code) => region_detail(data, code, lang, links),
        Target::Organisation(id) => organisation_detail(data, id, lang),
        Target::City(id) => city_detail(data, id, lang),
        Target::Funding(id) => funding_detail(data, id, lang),
        Target::Article(number) => article_detail(data, number, lang),
    }
}

/// A region: its organisations and headcounts, linked to its organisations and cities.
fn region_detail(data: &Dataset, code: &str, lang: Lang, links: usize) -> Option<Detail> {
    let r = data.region(code)?;
    let mut d = Detail {
        title: r.name.clone(),
        kind: lang.word(DetailLabel::Region),
        source: r.source.clone(),
        ..Detail::default()
    };
    d.fields
        .push((lang.word(DetailLabel::Code), r.code.clone()));
    let (mut count, mut orgs) = (0, Vec::new());
    for o in data.organisations_in(code) {
        if count < links {
            orgs.push(o);
        }
        count += 1;
    }
    let figures = super::figures::RegionFigures::of(count, data.cities_in(code));
    d.fields.push((
        lang.word(DetailLabel::Organisations),
        format!(
            "{} {}",
            lang.word(FigureWord::ComputedMark),
            figures.organisations
        ),
    ));
    // `summary` says "no city listed" itself; an absent sum for cities all
    // withheld is said in words too.
    let mut accompanied = figures.summary(lang);
    if figures.state() != super::figures::RegionState::NoCity
        && let Some(reason) = figures.absent_reason(lang)
    {
        accompanied.push_str(&format!(" ({reason})"));
    }
    d.fields
        .push((lang.word(DetailLabel::Accompanied), accompanied));
    d.fields.push((
        lang.word(DetailLabel::Note),
        lang.word(FigureWord::Computed).to_string(),
    ));
    if r.source.is_empty() {
        d.fields.push((
            lang.word(DetailLabel::Note),
            lang.word(DetailLabel::NotInLetter).to_string(),
        ));
    }
    d.links.extend(orgs.into_iter().map(organisation_link));
    d.links
        .extend(data.cities_in(code).map(|c| city_link(c, lang)));
    Some(d)
}

/// An organisation: its names and regions, linked to its regions, their cities
/// and its funding rows.
fn organisation_detail(data: &Dataset, id: &str, lang: Lang) -> Option<Detail> {
    let o = data.organisation(id)?;
    let mut d = Detail {
        title: o.display_name(),
        kind: lang.word(DetailLabel::Organisation),
        source: o.source.clone(),
        ..Detail::default()
    };
    d.fields
        .push((lang.word(DetailLabel::Name), o.name.clone()));
    if let Some(a) = &o.acronym {
        d.fields.push((lang.word(DetailLabel::Acronym), a.clone()));
    }
    let names: Vec<String> = o
        .regions
        .iter()
        .map(|c| data.region_name(c).to_string())
        .collect();
    d.fields
        .push((lang.word(DetailLabel::Regions), names.join(", ")));
    if let Some(n) = &o.note {
        d.fields.push((lang.word(DetailLabel::Note), n.clone()));
    }
    for code in &o.regions {
        d.links.push(region_link(data, code, lang));
        d.links
            .extend(data.cities_in(code).map(|c| city_link(c, lang)));
    }
    for f in data
        .funding
        .iter()
        .filter(|f| f.organisation_id.as_deref() == Some(id))
    {
        d.links.push((
            lang.labelled(lang.word(DetailLabel::Funding), lang.amount(f.amount_cad)),
            Target::Funding(f.id.clone()),
        ));
    }
    Some(d)
}

/// A city: its region and headcount, linked to its region, the articles that
/// withhold its count and the organisations of its region.
fn city_detail(data: &Dataset, id: &str, lang: Lang) -> Option<Detail> {
    let c = data.cities.iter().find(|c| c.id == id)?;
    let mut d = Detail {
        title: c.name.clone(),
        kind: lang.word(DetailLabel::City),
        source: c.source.clone(),
        ..Detail::default()
    };
    d.fields.push((
        lang.word(DetailLabel::Region),
        data.region_name(&c.region).to_string(),
    ));
    d.fields
        .push((lang.word(DetailLabel::Accompanied), headcount_text(c, lang)));
    let withheld = match c.headcount() {
        Headcount::Withheld(w) => Some(w),
        _ => None,
    };
    if let Some(w) = withheld {
        d.fields
            .push((lang.word(DetailLabel::Note), w.note.clone()));
        // The passage of the letter that invokes the articles.
        for passage in super::figures::withholding_passages(data, &w.articles) {
            d.fields
                .push((lang.word(FigureWord::WithheldBy), passage.text.clone()));
            d.source.extend(passage.source.iter().cloned());
        }
        d.source.sort_by_key(|s| s.line);
        d.source.dedup_by_key(|s| s.line);
    }
    d.links.push(region_link(data, &c.region, lang));
    for a in withheld.iter().flat_map(|w| &w.articles) {
        d.links.push((
            format!("{} {a}", lang.word(DetailLabel::Article)),
            Target::Article(a.clone()),
        ));
    }
    d.links
        .extend(data.organisations_in(&c.region).map(organisation_link));
    Some(d)
}

/// A funding row: the organisation as printed and the amount, linked to the
/// annex's organisation when it is there.
fn funding_detail(data: &Dataset, id: &str, lang: Lang) -> Option<Detail> {
    let f = data.funding.iter().find(|f| f.id == id)?;
    let mut d = Detail {
        title: f.organisation.clone(),
        kind: lang.word(DetailLabel::Funding),
        source: f.source.clone(),
        ..Detail::default()
    };
    d.fields
        .push((lang.word(DetailLabel::PrintedAs), f.organisation.clone()));
    d.fields
        .push((lang.word(DetailLabel::Amount), lang.amount(f.amount_cad)));
    // What the money was for: the letter's sentence above the table.
    if let Some(purpose) = super::figures::funding_purpose(data) {
        d.fields
            .push((lang.word(FigureWord::FundingFor), purpose.text.clone()));
    }
    match f
        .organisation_id
        .as_deref()
        .and_then(|o| data.organisation(o))
    {
        Some(o) => d.links.push(organisation_link(o)),
        None => d.fields.push((
            lang.word(DetailLabel::Organisation),
            lang.word(DetailLabel::NotInAnnex).to_string(),
        )),
    }
    Some(d)
}

/// An article: its text, the letter's paraphrase and its history, linked to the
/// cities whose count it withholds. Its source lines are those it was read
/// from and those of the answers that invoke it by number, so that each
/// opens the letter where the article is cited.
fn article_detail(data: &Dataset, number: &str, lang: Lang) -> Option<Detail> {
    let a = data.article(number)?;
    let mut source = a.source.clone();
    let citing = data
        .document
        .questions
        .iter()
        .flat_map(|q| &q.answers)
        .filter(|answer| answer.articles.iter().any(|n| n == number))
        .flat_map(|answer| &answer.source)
        .filter(|s| {
            s.text
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w == number)
        });
    for line in citing {
        if !source.iter().any(|s| s.line == line.line) {
            source.push(line.clone());
        }
    }
    source.sort_by_key(|s| s.line);
    let mut d = Detail {
        title: format!("{} {}", lang.word(DetailLabel::Article), a.number),
        kind: lang.word(DetailLabel::Article),
        source,
        ..Detail::default()
    };
    let texts = [
        (lang.word(DetailLabel::Text), &a.text),
        (lang.word(DetailLabel::Paraphrase), &a.paraphrase),
        (lang.word(DetailLabel::History), &a.history),
    ];
    for (label, text) in texts {
        if let Some(t) = text {
            d.fields.push((label, t.clone()));
        }
    }
    d.fields
        .push((lang.word(DetailLabel::CitedFor), a.cited_for.clone()));
    for c in &data.cities {
        if let Headcount::Withheld(w) = c.headcount()
            && w.articles.iter().any(|a| a == number)
        {
            d.links.push(city_link(c, lang));
        }
    }
    Some(d)
}

fn region_link(data: &Dataset, code: &str, lang: Lang) -> (String, Target) {
    (
        format!(
            "{} {}",
            lang.word(DetailLabel::Region),
            data.region_name(code)
        ),
        Target::Region(code.to_string()),
    )
}

fn organisation_link(o: &crate::data::Organisation) -> (String, Target) {
    (o.display_name(), Target::Organisation(o.id.clone()))
}

fn city_link(c: &crate::data::City, lang: Lang) -> (String, Target) {
    (
        format!("{} — {}", c.name, headcount_text(c, lang)),
        Target::City(c.id.clone()),
    )
}

/// A city's headcount in words: the number, or the withheld marker with its articles.
pub(crate) fn headcount_text(c: &crate::data::City, lang: Lang) -> String {
    super::figures::CityValue::of(c).text(lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data() -> Dataset {
        crate::data::load(None).expect("embedded").dataset
    }

    #[test]
    fn organisation_links_to_regions_cities_and_funding() {
        let d = detail(&data(), &Target::Organisation("sanc".into()), Lang::En).expect("sanc");
        assert_eq!(d.title, "Service d'Aide aux Néo-Canadiens (SANC)");
        let targets: Vec<&Target> = d.links.iter().map(|(_, t)| t).collect();
        assert!(targets.contains(&&Target::Region("05".into())));
        assert!(targets.contains(&&Target::City("sherbrooke".into())));
        assert!(targets.contains(&&Target::City("magog".into())));
        assert!(targets.contains(&&Target::Funding("funding-3".into())));
        assert!(!d.source.is_empty());
    }

    #[test]
    fn withheld_city_links_to_its_articles() {
        let d = detail(&data(), &Target::City("montreal".into()), Lang::Fr).expect("montreal");
        let shown: Vec<String> = d.fields.iter().map(|(_, v)| v.clone()).collect();
        assert!(
            shown.contains(&"█ caviardé — art. 53, 54".to_string()),
            "{shown:?}"
        );
        let targets: Vec<&Target> = d.links.iter().map(|(_, t)| t).collect();
        assert!(targets.contains(&&Target::Article("53".into())));
        assert!(targets.contains(&&Target::Article("54".into())));
        assert!(targets.contains(&&Target::Organisation("citim".into())));
    }

    #[test]
    fn region_without_organisation_still_shows_its_city() {
        let d = detail(&data(), &Target::Region("07".into()), Lang::En).expect("outaouais");
        assert_eq!(d.title, "Outaouais");
        assert!(d.fields.contains(&("Organisations", "Σ 0".to_string())));
        assert_eq!(
            d.links,
            vec![("Gatineau — 63".to_string(), Target::City("gatineau".into()))]
        );
    }

    #[test]
    fn an_article_shows_the_lines_of_the_answer_that_invokes_it() {
        let d = detail(&data(), &Target::Article("53".into()), Lang::En).expect("53");
        let lines: Vec<u32> = d.source.iter().map(|s| s.line).collect();
        assert_eq!(lines.first(), Some(&53), "{lines:?}");
        assert!(lines.contains(&139) && lines.contains(&150), "{lines:?}");
        // Article 1 is only cited: its lines are the citation.
        let d = detail(&data(), &Target::Article("1".into()), Lang::En).expect("1");
        let lines: Vec<u32> = d.source.iter().map(|s| s.line).collect();
        assert_eq!(lines, [102, 104]);
        assert!(d.links.is_empty());
    }

    #[test]
    fn unknown_targets_have_no_detail() {
        assert_eq!(
            detail(&data(), &Target::City("toronto".into()), Lang::En),
            None
        );
    }
}
