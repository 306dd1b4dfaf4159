//! The list subcommands: regions, organisations, cities, funding and articles as
//! aligned text, CSV or JSON, optionally limited to one region.

use crate::data::{Dataset, Headcount, Region, Totals};
use crate::i18n::Lang;
use crate::search::fold_accents;

use super::table::Table;

/// What a list subcommand lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Listing {
    Regions,
    Organisations,
    Cities,
    Funding,
    Articles,
}

/// Why a `--region` argument names no single region.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RegionError {
    #[error("no region matches \"{0}\"; run `pap-tui regions` to see the codes and names")]
    None(String),
    #[error("\"{query}\" matches several regions: {matches}; give a code or a longer name")]
    Several { query: String, matches: String },
}

/// Resolves a region code (`14`, `4`) or an accent-insensitive name or part of a
/// name (`lanaudiere`, `Gaspésie`) to one region.
pub fn resolve_region<'a>(data: &'a Dataset, query: &str) -> Result<&'a Region, RegionError> {
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
        [] => Err(RegionError::None(crate::text::line(query).into_owned())),
        [one] => Ok(one),
        several => Err(RegionError::Several {
            query: crate::text::line(query).into_owned(),
            matches: several
                .iter()
                .map(|r| {
                    format!(
                        "{} ({})",
                        crate::text::line(&r.name),
                        crate::text::line(&r.code)
                    )
                })
                .collect::<Vec<_>>()
                .join(", "),
        }),
    }
}

/// The annex's organisation a funding row names, if it is in the annex.
fn funded<'a>(
    data: &'a Dataset,
    f: &crate::data::Funding,
) -> Option<&'a crate::data::Organisation> {
    f.organisation_id
        .as_deref()
        .and_then(|id| data.organisation(id))
}

/// Funding rows, limited to those of a region's organisations when one is given.
fn funding_in<'a>(
    data: &'a Dataset,
    region: Option<&'a str>,
) -> impl Iterator<Item = &'a crate::data::Funding> {
    data.funding.iter().filter(move |f| {
        region
            .is_none_or(|code| funded(data, f).is_some_and(|o| o.regions.iter().any(|r| r == code)))
    })
}

/// Funding rows whose organisation is not in the annex, so in no region.
pub fn unplaced_funding(data: &Dataset) -> impl Iterator<Item = &crate::data::Funding> {
    data.funding.iter().filter(|f| funded(data, f).is_none())
}

/// The table of a listing, for text, CSV and Markdown output.
pub fn table(
    data: &Dataset,
    listing: Listing,
    region: Option<&str>,
    lang: Lang,
    csv: bool,
) -> Table {
    let s = lang.strings();
    let region_name = |code: &str| {
        data.region(code)
            .map_or(code.to_string(), |r| r.name.clone())
    };
    let in_region = |codes: &[&str]| region.is_none_or(|r| codes.contains(&r));
    match listing {
        Listing::Regions => {
            let mut t = if csv {
                Table::new(&[
                    "code",
                    "name",
                    "organisations",
                    "cities",
                    "known_count",
                    "withheld_cities",
                ])
            } else {
                Table::new(&[
                    s.col_code,
                    s.col_region,
                    s.col_organisations,
                    s.col_headcount,
                ])
                .right_align(&[2, 3])
            };
            for r in data.regions.iter().filter(|r| in_region(&[&r.code])) {
                let orgs = data.organisations_in(&r.code).count().to_string();
                let totals = data.region_totals(&r.code);
                t.push(if csv {
                    // No known count (no city, or every city withheld) is an empty
                    // cell, never a 0 that would read as "nobody accompanied".
                    let known = if totals.cities > totals.withheld {
                        totals.known.to_string()
                    } else {
                        String::new()
                    };
                    vec![
                        r.code.clone(),
                        r.name.clone(),
                        orgs,
                        totals.cities.to_string(),
                        known,
                        totals.withheld.to_string(),
                    ]
                } else {
                    vec![r.code.clone(), r.name.clone(), orgs, s.totals(&totals)]
                });
            }
            t
        }
        Listing::Organisations => {
            let mut t = if csv {
                Table::new(&["id", "name", "acronym", "regions", "region_names", "note"])
            } else {
                Table::new(&[s.col_id, s.col_name, s.col_regions])
            };
            for o in &data.organisations {
                let codes: Vec<&str> = o.regions.iter().map(String::as_str).collect();
                if !in_region(&codes) {
                    continue;
                }
                let names: Vec<String> = o.regions.iter().map(|c| region_name(c)).collect();
                t.push(if csv {
                    vec![
                        o.id.clone(),
                        o.name.clone(),
                        o.acronym.clone().unwrap_or_default(),
                        codes.join(";"),
                        names.join(";"),
                        o.note.clone().unwrap_or_default(),
                    ]
                } else {
                    vec![o.id.clone(), o.display_name(), names.join(", ")]
                });
            }
            t
        }
        Listing::Cities => {
            let mut t = if csv {
                Table::new(&["id", "name", "region", "region_name", "count", "withheld"])
            } else {
                Table::new(&[s.col_city, s.col_region, s.col_headcount]).right_align(&[2])
            };
            for c in data.cities.iter().filter(|c| in_region(&[&c.region])) {
                let (count, withheld) = match c.headcount() {
                    Headcount::Known(n) => (n.to_string(), String::new()),
                    Headcount::Withheld(w) => (String::new(), w.articles.join(";")),
                    Headcount::Missing => (String::new(), String::new()),
                };
                t.push(if csv {
                    vec![
                        c.id.clone(),
                        c.name.clone(),
                        c.region.clone(),
                        region_name(&c.region),
                        count,
                        withheld,
                    ]
                } else {
                    let shown = match c.headcount() {
                        Headcount::Withheld(w) => s.withheld_marker(&w.articles),
                        _ => count,
                    };
                    vec![c.name.clone(), region_name(&c.region), shown]
                });
            }
            if !csv {
                let totals = Totals::of(data.cities.iter().filter(|c| in_region(&[&c.region])));
                t.push(vec![s.total.to_string(), String::new(), s.totals(&totals)]);
            }
            t
        }
        Listing::Funding => {
            let mut t = if csv {
                Table::new(&["id", "organisation", "organisation_id", "amount_cad"])
            } else {
                Table::new(&[s.col_organisation, s.col_amount]).right_align(&[1])
            };
            let mut total = 0;
            for f in funding_in(data, region) {
                total += f.amount_cad;
                t.push(if csv {
                    vec![
                        f.id.clone(),
                        f.organisation.clone(),
                        f.organisation_id.clone().unwrap_or_default(),
                        f.amount_cad.to_string(),
                    ]
                } else {
                    vec![f.organisation.clone(), lang.amount(f.amount_cad)]
                });
            }
            if !csv {
                t.push(vec![s.total.to_string(), lang.amount(total)]);
            }
            t
        }
        Listing::Articles => {
            let mut t = Table::new(&["number", "text", "history", "paraphrase", "cited_for"]);
            for a in &data.articles {
                t.push(vec![
                    a.number.clone(),
                    a.text.clone().unwrap_or_default(),
                    a.history.clone().unwrap_or_default(),
                    a.paraphrase.clone().unwrap_or_default(),
                    a.cited_for.clone(),
                ]);
            }
            t
        }
    }
}

/// Articles as readable text blocks: number, text (or the letter's paraphrase),
/// history and why the letter cites it.
pub fn articles_text(data: &Dataset, lang: Lang) -> String {
    let s = lang.strings();
    let mut out = String::new();
    for a in &data.articles {
        out.push_str(&format!("{} {}\n", s.article, crate::text::line(&a.number)));
        if let Some(text) = &a.text {
            out.push_str(&crate::text::block(text));
            out.push('\n');
        }
        if let Some(p) = &a.paraphrase {
            out.push_str(&format!(
                "{}{}{}\n",
                s.paraphrase,
                s.colon,
                crate::text::line(p)
            ));
        }
        if let Some(h) = &a.history {
            out.push_str(&format!(
                "{}{}{}\n",
                s.history,
                s.colon,
                crate::text::line(h)
            ));
        }
        out.push_str(&format!(
            "{}{}{}\n\n",
            s.cited_for,
            s.colon,
            crate::text::line(&a.cited_for)
        ));
    }
    out
}

/// The model objects of a listing, for JSON output.
pub fn json_value(data: &Dataset, listing: Listing, region: Option<&str>) -> serde_json::Value {
    let in_region = |code: &str| region.is_none_or(|r| r == code);
    let value = match listing {
        Listing::Regions => serde_json::to_value(
            data.regions
                .iter()
                .filter(|r| in_region(&r.code))
                .collect::<Vec<_>>(),
        ),
        Listing::Organisations => serde_json::to_value(
            data.organisations
                .iter()
                .filter(|o| o.regions.iter().any(|r| in_region(r)))
                .collect::<Vec<_>>(),
        ),
        Listing::Cities => serde_json::to_value(
            data.cities
                .iter()
                .filter(|c| in_region(&c.region))
                .collect::<Vec<_>>(),
        ),
        Listing::Funding => serde_json::to_value(funding_in(data, region).collect::<Vec<_>>()),
        Listing::Articles => serde_json::to_value(&data.articles),
    };
    value.unwrap_or(serde_json::Value::Null)
}
