//! `pap-tui export`: the whole dataset as JSON (the schema of `assets/pap.json`),
//! one flat CSV, or a Markdown document with its citation.

use crate::data::Dataset;
use crate::i18n::Lang;

use super::listing::{Listing, count_cell, table, withheld_cell};
use super::table::{Format, Table, to_json};

pub fn json(data: &Dataset) -> serde_json::Result<String> {
    to_json(data)
}

/// Every entry on one row, with a `kind` column; empty cells where a column does
/// not apply. A withheld count is an empty `count` with its articles in `withheld`;
/// a funding row names its annex organisation in `organisation_id`.
pub fn csv(data: &Dataset) -> String {
    let mut t = Table::new(&[
        "kind",
        "id",
        "name",
        "acronym",
        "regions",
        "count",
        "withheld",
        "amount_cad",
        "organisation_id",
        "text",
    ]);
    let row = |cells: [&str; 10]| cells.iter().map(|c| c.to_string()).collect::<Vec<_>>();
    for r in &data.regions {
        t.push(row([
            "region", &r.code, &r.name, "", &r.code, "", "", "", "", "",
        ]));
    }
    for o in &data.organisations {
        let regions = o.regions.join(";");
        let acronym = o.acronym.as_deref().unwrap_or("");
        let note = o.note.as_deref().unwrap_or("");
        t.push(row([
            "organisation",
            &o.id,
            &o.name,
            acronym,
            &regions,
            "",
            "",
            "",
            "",
            note,
        ]));
    }
    for c in &data.cities {
        let (count, withheld) = (count_cell(c), withheld_cell(c));
        t.push(row([
            "city", &c.id, &c.name, "", &c.region, &count, &withheld, "", "", "",
        ]));
    }
    for f in &data.funding {
        let org = f.organisation_id.as_deref().unwrap_or("");
        let amount = f.amount_cad.to_string();
        t.push(row([
            "funding",
            &f.id,
            &f.organisation,
            "",
            "",
            "",
            "",
            &amount,
            org,
            "",
        ]));
    }
    for a in &data.articles {
        let text = a.text.as_deref().or(a.paraphrase.as_deref()).unwrap_or("");
        let name = format!("Article {}", a.number);
        t.push(row([
            "article", &a.number, &name, "", "", "", "", "", "", text,
        ]));
    }
    t.to_csv()
}

/// A Markdown document: the letter's identity, each table, the articles, and
/// the citation to quote.
pub fn markdown(data: &Dataset, lang: Lang) -> String {
    let s = lang.strings();
    let d = &data.document;
    let line = |t: &str| crate::text::markdown(&crate::text::line(t));
    let mut out = format!(
        "# {} — {} {}\n\n{}, {} · {} · {}\n\n",
        line(&d.programme),
        line(&d.ministry_acronym),
        line(&d.reference),
        line(&d.ministry),
        line(&d.office),
        line(&d.place),
        line(&d.date),
    );
    let sections = [
        (s.kind_region, Listing::Regions),
        (s.kind_organisation, Listing::Organisations),
        (s.kind_city, Listing::Cities),
        (s.kind_funding, Listing::Funding),
    ];
    for (kind, listing) in sections {
        out.push_str(&format!("## {}\n\n", capitalised(kind)));
        out.push_str(&table(data, listing, None, lang, Format::Text).to_markdown());
        out.push('\n');
    }
    out.push_str(&format!("## {}\n\n", capitalised(s.kind_article)));
    out.push_str(&super::listing::articles_text(data, lang));
    out.push_str(&format!("---\n\n{}\n", s.citation));
    out
}

/// `région` → `Région`, for section titles made from the kind names.
fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}
