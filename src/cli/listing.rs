//! The list subcommands: regions, organisations, cities, funding and articles as
//! aligned text, CSV or JSON, optionally limited to one region.

use crate::data::{Article, City, Dataset, Funding, Headcount, Organisation, Region};
use crate::i18n::{FigureWord, Label, Lang};
use crate::present::{CityValue, RegionFigures};
use crate::search::fold_accents;

use super::text_table::{Column, Format, Layout, Table};

/// What a list subcommand lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Listing {
    Regions,
    Organisations,
    Cities,
    Funding,
    Articles,
}

/// Why a `--region` argument names no single region.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub(crate) enum RegionError {
    #[error("no region matches \"{0}\"; run `pap-tui regions` to see the codes and names")]
    None(String),
    #[error("\"{query}\" matches several regions: {matches}; give a code or a longer name")]
    Several { query: String, matches: String },
}

/// Resolves a region code (`14`, `4`) or an accent-insensitive name or part of a
/// name (`lanaudiere`, `Gaspésie`) to one region.
pub(crate) fn resolve_region<'a>(
    data: &'a Dataset,
    query: &str,
) -> Result<&'a Region, RegionError> {
    let wanted = query.trim();
    if let Ok(n) = wanted.parse::<u32>()
        && let Some(r) = data
            .regions
            .iter()
            .find(|r| r.code.parse::<u32>().ok() == Some(n))
    {
        return Ok(r);
    }
    let folded = fold_accents(wanted).replace(['–', '—'], "-");
    let name = |r: &Region| fold_accents(&r.name).replace(['–', '—'], "-");
    if let Some(r) = data.regions.iter().find(|r| name(r) == folded) {
        return Ok(r);
    }
    let matches: Vec<&Region> = if folded.is_empty() {
        Vec::new()
    } else {
        data.regions
            .iter()
            .filter(|r| name(r).contains(&folded))
            .collect()
    };
    match matches.as_slice() {
        [] => Err(RegionError::None(
            crate::base::escape::line(query).into_owned(),
        )),
        [one] => Ok(one),
        several => Err(RegionError::Several {
            query: crate::base::escape::line(query).into_owned(),
            matches: several
                .iter()
                .map(|r| {
                    format!(
                        "{} ({})",
                        crate::base::escape::line(&r.name),
                        crate::base::escape::line(&r.code)
                    )
                })
                .collect::<Vec<_>>()
                .join(", "),
        }),
    }
}

/// Regions, limited to one when one is given.
fn regions_in<'a>(data: &'a Dataset, region: Option<&'a str>) -> impl Iterator<Item = &'a Region> {
    data.regions
        .iter()
        .filter(move |r| region.is_none_or(|code| r.code == code))
}

/// Organisations, limited to those of a region when one is given.
fn organisations_in<'a>(
    data: &'a Dataset,
    region: Option<&'a str>,
) -> impl Iterator<Item = &'a Organisation> {
    data.organisations
        .iter()
        .filter(move |o| region.is_none_or(|code| o.regions.iter().any(|r| r == code)))
}

/// Cities, limited to those of a region when one is given.
fn cities_in<'a>(data: &'a Dataset, region: Option<&'a str>) -> impl Iterator<Item = &'a City> {
    data.cities
        .iter()
        .filter(move |c| region.is_none_or(|code| c.region == code))
}

/// Funding rows, limited to those of a region's organisations when one is given.
fn funding_in<'a>(data: &'a Dataset, region: Option<&'a str>) -> impl Iterator<Item = &'a Funding> {
    data.funding.iter().filter(move |f| {
        region.is_none_or(|code| {
            data.funded(f)
                .is_some_and(|o| o.regions.iter().any(|r| r == code))
        })
    })
}

/// Funding rows whose organisation is not in the annex, so in no region.
pub(crate) fn unplaced_funding(data: &Dataset) -> impl Iterator<Item = &Funding> {
    data.funding.iter().filter(|f| data.funded(f).is_none())
}

/// The table of a listing, for text, CSV and Markdown output.
pub fn table(
    data: &Dataset,
    listing: Listing,
    region: Option<&str>,
    lang: Lang,
    format: Format,
) -> Table {
    match listing {
        Listing::Regions => {
            let figures = crate::present::figures::regions(data);
            let lines = data
                .regions
                .iter()
                .zip(figures)
                .filter(|(r, _)| region.is_none_or(|code| r.code == code))
                .map(|(region, figures)| RegionLine { region, figures })
                .collect::<Vec<_>>();
            region_layout(lang).table(&lines, format)
        }
        Listing::Organisations => {
            organisation_layout(data, lang).table(organisations_in(data, region), format)
        }
        Listing::Cities => city_layout(data, region, lang).table(cities_in(data, region), format),
        Listing::Funding => {
            funding_layout(data, region, lang).table(funding_in(data, region), format)
        }
        Listing::Articles => article_layout().table(&data.articles, format),
    }
}

/// A region with its figures, from the presentation layer.
struct RegionLine<'a> {
    region: &'a Region,
    figures: RegionFigures,
}

fn region_layout<'a>(lang: Lang) -> Layout<'a, &'a RegionLine<'a>> {
    use crate::present::dictionary as field;
    Layout::new(vec![
        Column::both(
            field::REGION_CODE.name,
            lang.word(Label::ColCode),
            |l: &RegionLine| l.region.code.clone(),
        ),
        Column::both(
            field::REGION_NAME.name,
            lang.word(Label::ColRegion),
            |l: &RegionLine| l.region.name.clone(),
        ),
        Column::both(
            field::ORGANISATIONS.name,
            lang.word(Label::ColOrganisations),
            |l: &RegionLine| l.figures.organisations.to_string(),
        )
        .right(),
        Column::csv(field::LISTED_CITIES.name, |l: &RegionLine| {
            l.figures.listed_cities.to_string()
        }),
        // No known count (no city, or every city withheld) is an empty cell,
        // never a 0 that would read as "nobody accompanied".
        Column::csv(field::KNOWN_COUNT.name, |l: &RegionLine| {
            l.figures
                .known_count
                .map_or_else(String::new, |n| n.to_string())
        }),
        Column::csv(field::WITHHELD_CITIES.name, |l: &RegionLine| {
            l.figures.withheld_cities.to_string()
        }),
        Column::csv(field::WITHHELD_ARTICLES.name, |l: &RegionLine| {
            l.figures.withheld_articles.join(";")
        }),
        Column::text(lang.word(Label::ColHeadcount), move |l: &RegionLine| {
            l.figures.summary(lang)
        })
        .right(),
    ])
    .note(lang.word(FigureWord::Computed).to_string())
}

fn organisation_layout<'a>(data: &'a Dataset, lang: Lang) -> Layout<'a, &'a Organisation> {
    let names = move |o: &Organisation, separator: &str| {
        let names: Vec<&str> = o.regions.iter().map(|c| data.region_name(c)).collect();
        names.join(separator)
    };
    Layout::new(vec![
        Column::both("id", lang.word(Label::ColId), |o: &Organisation| {
            o.id.clone()
        }),
        Column::csv("name", |o: &Organisation| o.name.clone()),
        Column::text(lang.word(Label::ColName), |o: &Organisation| {
            o.display_name()
        }),
        Column::csv("acronym", |o: &Organisation| {
            o.acronym.clone().unwrap_or_default()
        }),
        Column::csv("regions", |o: &Organisation| o.regions.join(";")),
        Column::csv("region_names", move |o: &Organisation| names(o, ";")),
        Column::text(lang.word(Label::ColRegions), move |o: &Organisation| {
            names(o, ", ")
        }),
        Column::csv("note", |o: &Organisation| {
            o.note.clone().unwrap_or_default()
        }),
    ])
}

fn city_layout<'a>(data: &'a Dataset, region: Option<&'a str>, lang: Lang) -> Layout<'a, &'a City> {
    Layout::new(vec![
        Column::csv("id", |c: &City| c.id.clone()),
        Column::both("name", lang.word(Label::ColCity), |c: &City| c.name.clone()),
        Column::csv("region", |c: &City| c.region.clone()),
        Column::both(
            "region_name",
            lang.word(Label::ColRegion),
            move |c: &City| data.region_name(&c.region).to_string(),
        ),
        Column::csv("count", |c: &City| count_cell(c)),
        Column::csv("withheld", |c: &City| withheld_flag(c)),
        Column::csv("withheld_articles", |c: &City| withheld_cell(c)),
        Column::text(lang.word(Label::ColHeadcount), move |c: &City| {
            CityValue::of(c).text(lang)
        })
        .right(),
    ])
    .total(move || {
        let figures = RegionFigures::of(0, cities_in(data, region));
        let mark = lang.word(FigureWord::ComputedMark);
        vec![
            format!("{mark} {}", lang.word(Label::Total)),
            String::new(),
            figures.summary(lang),
        ]
    })
    .note(lang.word(FigureWord::Computed).to_string())
}

fn funding_layout<'a>(
    data: &'a Dataset,
    region: Option<&'a str>,
    lang: Lang,
) -> Layout<'a, &'a Funding> {
    Layout::new(vec![
        Column::csv("id", |f: &Funding| f.id.clone()),
        Column::both(
            "organisation",
            lang.word(Label::ColOrganisation),
            |f: &Funding| f.organisation.clone(),
        ),
        Column::csv("organisation_id", |f: &Funding| {
            f.organisation_id.clone().unwrap_or_default()
        }),
        Column::csv("amount_cad", |f: &Funding| f.amount_cad.to_string()),
        Column::text(lang.word(Label::ColAmount), move |f: &Funding| {
            lang.amount(f.amount_cad)
        })
        .right(),
    ])
    .total(move || {
        // A sum pap-tui makes: the letter prints no total.
        let total = crate::present::figures::funding_total(funding_in(data, region));
        let mark = lang.word(FigureWord::ComputedMark);
        vec![
            format!("{mark} {}", lang.word(Label::Total)),
            lang.amount(total),
        ]
    })
    .note(lang.word(FigureWord::Computed).to_string())
}

/// Articles are listed as text blocks ([`articles_text`]); this table is for CSV.
fn article_layout<'a>() -> Layout<'a, &'a Article> {
    let optional = |text: &Option<String>| text.clone().unwrap_or_default();
    Layout::new(vec![
        Column::both("number", "number", |a: &Article| a.number.clone()),
        Column::both("text", "text", move |a: &Article| optional(&a.text)),
        Column::both("history", "history", move |a: &Article| {
            optional(&a.history)
        }),
        Column::both("paraphrase", "paraphrase", move |a: &Article| {
            optional(&a.paraphrase)
        }),
        Column::both("cited_for", "cited_for", |a: &Article| a.cited_for.clone()),
    ])
}

/// A city's known count as CSV holds it; empty when it is withheld or missing.
pub(super) fn count_cell(c: &City) -> String {
    match c.headcount() {
        Headcount::Known(n) => n.to_string(),
        Headcount::Withheld(_) | Headcount::Missing => String::new(),
    }
}

/// Whether a city's count is withheld, as CSV holds a boolean.
pub(super) fn withheld_flag(c: &City) -> String {
    matches!(CityValue::of(c), CityValue::Withheld(_)).to_string()
}

/// The articles that withhold a city's count, as CSV holds them; empty when the
/// count is known.
pub(super) fn withheld_cell(c: &City) -> String {
    match c.headcount() {
        Headcount::Withheld(w) => w.articles.join(";"),
        Headcount::Known(_) | Headcount::Missing => String::new(),
    }
}

/// An article's labelled fields, in the order they are shown: the letter's
/// paraphrase and the history when there are, and why the letter cites it.
fn labelled_fields(
    a: &crate::data::Article,
    lang: Lang,
) -> impl Iterator<Item = (&'static str, &str)> {
    let paraphrase = a
        .paraphrase
        .as_deref()
        .map(|p| (lang.word(Label::Paraphrase), p));
    let history = a.history.as_deref().map(|h| (lang.word(Label::History), h));
    paraphrase
        .into_iter()
        .chain(history)
        .chain([(lang.word(Label::CitedFor), a.cited_for.as_str())])
}

/// Articles as readable text blocks: number, text (or the letter's paraphrase),
/// history and why the letter cites it.
pub(crate) fn articles_text(data: &Dataset, lang: Lang) -> String {
    let labelled = |label: &str, value: &str| {
        format!(
            "{label}{}{}\n",
            lang.word(Label::Colon),
            crate::base::escape::line(value)
        )
    };
    let mut out = String::new();
    for a in &data.articles {
        out.push_str(&format!(
            "{} {}\n",
            lang.word(Label::Article),
            crate::base::escape::line(&a.number)
        ));
        if let Some(text) = &a.text {
            out.push_str(&crate::base::escape::block(text));
            out.push('\n');
        }
        for (label, value) in labelled_fields(a, lang) {
            out.push_str(&labelled(label, value));
        }
        out.push('\n');
    }
    out
}

/// [`articles_text`] as Markdown: a heading for each article, then its text,
/// one paragraph a line, and each labelled field a paragraph; everything from
/// the data escaped ([`crate::base::escape::markdown`]).
pub(crate) fn articles_markdown(data: &Dataset, lang: Lang) -> String {
    use crate::base::escape::markdown_line;
    let labelled = |label: &str, value: &str| {
        format!(
            "{label}{}{}\n\n",
            lang.word(Label::Colon),
            markdown_line(value)
        )
    };
    let mut out = String::new();
    for a in &data.articles {
        out.push_str(&format!(
            "### {} {}\n\n",
            lang.word(Label::Article),
            markdown_line(&a.number)
        ));
        if let Some(text) = &a.text {
            for line in crate::base::escape::block(text)
                .lines()
                .filter(|l| !l.trim().is_empty())
            {
                out.push_str(&crate::base::escape::markdown(line));
                out.push_str("\n\n");
            }
        }
        for (label, value) in labelled_fields(a, lang) {
            out.push_str(&labelled(label, value));
        }
    }
    out
}

/// The columns a listing's Markdown table shows: regions and cities with
/// the data dictionary's fields beside their words, the others as text.
pub(crate) fn markdown_format(listing: Listing) -> Format {
    match listing {
        Listing::Regions | Listing::Cities => Format::Markdown,
        _ => Format::Text,
    }
}

/// A listing as Markdown to quote: the table (the articles under headings),
/// then its citation: the decision and the OCR lines of every row.
pub fn markdown(data: &Dataset, listing: Listing, region: Option<&str>, lang: Lang) -> String {
    use crate::present::citation::{Citation, Row};
    let body = match listing {
        Listing::Articles => articles_markdown(data, lang),
        _ => table(data, listing, region, lang, markdown_format(listing)).to_markdown(),
    };
    let rows: Vec<Row> = match listing {
        Listing::Regions => regions_in(data, region).map(Row::Region).collect(),
        Listing::Organisations => organisations_in(data, region)
            .map(Row::Organisation)
            .collect(),
        Listing::Cities => cities_in(data, region).map(Row::City).collect(),
        Listing::Funding => funding_in(data, region).map(Row::Funding).collect(),
        Listing::Articles => data.articles.iter().map(Row::Article).collect(),
    };
    let citation = Citation::of_rows(data, rows, region, lang).text(lang);
    format!(
        "{}\n\n{}\n",
        body.trim_end(),
        crate::base::escape::markdown_line(&citation)
    )
}

/// A dictionary object with the OCR lines it was read from.
fn with_source(mut value: serde_json::Value, source: &crate::data::Source) -> serde_json::Value {
    if let (Some(object), Ok(lines)) = (value.as_object_mut(), serde_json::to_value(source)) {
        object.insert("source".into(), lines);
    }
    value
}

/// The objects of a listing, for JSON output: regions and cities with the
/// data dictionary's fields, the others as the dataset holds them.
pub(crate) fn json_value(
    data: &Dataset,
    listing: Listing,
    region: Option<&str>,
) -> serde_json::Value {
    let value = match listing {
        Listing::Regions => {
            let figures = crate::present::figures::regions(data);
            let rows: Vec<serde_json::Value> = data
                .regions
                .iter()
                .zip(figures)
                .filter(|(r, _)| region.is_none_or(|code| r.code == code))
                .map(|(r, f)| with_source(f.json(&r.code, &r.name), &r.source))
                .collect();
            Ok(serde_json::Value::Array(rows))
        }
        Listing::Organisations => {
            serde_json::to_value(organisations_in(data, region).collect::<Vec<_>>())
        }
        Listing::Cities => Ok(serde_json::Value::Array(
            cities_in(data, region)
                .map(|c| with_source(CityValue::of(c).json(c), &c.source))
                .collect(),
        )),
        Listing::Funding => serde_json::to_value(funding_in(data, region).collect::<Vec<_>>()),
        Listing::Articles => serde_json::to_value(&data.articles),
    };
    value.unwrap_or(serde_json::Value::Null)
}
