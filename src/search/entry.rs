//! What can be searched: one entry per region, city, organisation, funding row,
//! article and passage of the letter, with the text that finds it.

use super::parallel::in_parts_mut;
use crate::data::{
    Article, City, Dataset, Document, Funding, Headcount, Organisation, Question, Region,
};

/// What an entry is; the order is the tie-break order of hits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Region,
    City,
    Organisation,
    Funding,
    Article,
    Document,
}

impl Kind {
    /// The kind's name in the interface language.
    pub fn name(self, lang: crate::i18n::Lang) -> &'static str {
        let s = lang.strings();
        match self {
            Kind::Region => s.kind_region,
            Kind::City => s.kind_city,
            Kind::Organisation => s.kind_organisation,
            Kind::Funding => s.kind_funding,
            Kind::Article => s.kind_article,
            Kind::Document => s.kind_document,
        }
    }

    pub const ALL: [Kind; 6] = [
        Kind::Region,
        Kind::City,
        Kind::Organisation,
        Kind::Funding,
        Kind::Article,
        Kind::Document,
    ];

    /// The name used in JSON output and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Region => "region",
            Kind::City => "city",
            Kind::Organisation => "organisation",
            Kind::Funding => "funding",
            Kind::Article => "article",
            Kind::Document => "document",
        }
    }
}

/// One searchable entry: what is shown (`label`) and what else finds it (`detail`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub kind: Kind,
    pub id: String,
    pub label: String,
    pub detail: String,
}

/// The passages of the letter searched besides its questions, its identity included.
const DOCUMENT_SECTIONS: usize = 6;

/// How many entries [`entries`] gives, without making them.
pub fn entry_count(data: &Dataset) -> usize {
    data.regions.len()
        + data.cities.len()
        + data.organisations.len()
        + data.funding.len()
        + data.articles.len()
        + data.document.questions.len()
        + DOCUMENT_SECTIONS
}

/// Every entry of the dataset, in kind order.
pub fn entries(data: &Dataset) -> Vec<Entry> {
    // Sized once: growing it would copy every organisation's entry.
    let mut out = Vec::with_capacity(entry_count(data));
    out.extend(data.regions.iter().map(region_entry));
    out.extend(data.cities.iter().map(|c| city_entry(data, c)));
    push_organisation_entries(data, &mut out);
    out.extend(data.funding.iter().map(funding_entry));
    out.extend(data.articles.iter().map(article_entry));
    out.extend(data.document.questions.iter().map(question_entry));
    out.extend(document_entries(&data.document));
    out
}

/// A region: its name, found also by its code.
fn region_entry(r: &Region) -> Entry {
    Entry {
        kind: Kind::Region,
        id: r.code.clone(),
        label: r.name.clone(),
        detail: format!("région {}", r.code),
    }
}

/// A city: its name, found also by its region and its count or withholding.
fn city_entry(data: &Dataset, c: &City) -> Entry {
    let count = match c.headcount() {
        Headcount::Known(n) => n.to_string(),
        Headcount::Withheld(w) => format!("caviardé withheld art. {}", w.articles.join(" ")),
        Headcount::Missing => String::new(),
    };
    Entry {
        kind: Kind::City,
        id: c.id.clone(),
        label: c.name.clone(),
        detail: format!("{} {count}", data.region_name(&c.region)),
    }
}

/// Appends every organisation's entry. Organisations are the bulk of a large
/// dataset: built on every core, each writing its own part of `out`.
fn push_organisation_entries(data: &Dataset, out: &mut Vec<Entry>) {
    let first = out.len();
    out.resize_with(first + data.organisations.len(), || Entry {
        kind: Kind::Organisation,
        id: String::new(),
        label: String::new(),
        detail: String::new(),
    });
    in_parts_mut(&mut out[first..], |_, range, part| {
        for (entry, o) in part.iter_mut().zip(&data.organisations[range]) {
            *entry = organisation_entry(data, o);
        }
    });
}

/// A funding row: the organisation as printed, found also by its amount.
fn funding_entry(f: &Funding) -> Entry {
    Entry {
        kind: Kind::Funding,
        id: f.id.clone(),
        label: f.organisation.clone(),
        detail: format!("financement funding {} $", f.amount_cad),
    }
}

/// An article, found by its text, paraphrase, history and why it is cited.
fn article_entry(a: &Article) -> Entry {
    let body = [&a.text, &a.paraphrase, &a.history]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(" ");
    Entry {
        kind: Kind::Article,
        id: a.number.clone(),
        label: format!("Article {}", a.number),
        detail: format!("{body} {}", a.cited_for),
    }
}

/// A question of the request, found also by the letter's answers to it.
fn question_entry(q: &Question) -> Entry {
    let answers: Vec<&str> = q.answers.iter().map(|a| a.text.as_str()).collect();
    Entry {
        kind: Kind::Document,
        id: format!("question-{}", q.number),
        label: format!("{}- {}", q.number, q.text),
        detail: answers.join(" "),
    }
}

/// The passages of the letter besides its questions.
fn document_entries(doc: &Document) -> [Entry; DOCUMENT_SECTIONS] {
    let section = |id: &str, label: String, detail: String| Entry {
        kind: Kind::Document,
        id: id.to_string(),
        label,
        detail,
    };
    [
        // The letter's identity, so that its reference, date or subject find it.
        section(
            "letter",
            format!(
                "{} · {} · {} · {}",
                doc.ministry_acronym, doc.reference, doc.date, doc.subject
            ),
            format!(
                "{}, {}, {} · {} · {} · {} – {}",
                doc.ministry,
                doc.office,
                doc.place,
                doc.programme,
                doc.request_received,
                doc.headcount_period.start,
                doc.headcount_period.end
            ),
        ),
        section(
            "law",
            format!("{} ({})", doc.law.title, doc.law.citation),
            String::new(),
        ),
        section("caveat", doc.caveat.text.clone(), String::new()),
        section(
            "deployment_note",
            doc.deployment_note.text.clone(),
            String::new(),
        ),
        section("review", doc.review.text.clone(), String::new()),
        section(
            "signatory",
            format!("{}, {}", doc.signatory.name, doc.signatory.title),
            String::new(),
        ),
    ]
}

/// An organisation: its name and acronym, found also by its regions' names.
fn organisation_entry(data: &Dataset, o: &Organisation) -> Entry {
    let mut detail = String::new();
    for (i, code) in o.regions.iter().enumerate() {
        if i > 0 {
            detail.push_str(", ");
        }
        detail.push_str(data.region_name(code));
    }
    Entry {
        kind: Kind::Organisation,
        id: o.id.clone(),
        label: o.display_name(),
        detail,
    }
}
