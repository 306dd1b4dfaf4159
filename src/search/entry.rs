//! What can be searched: one entry per region, city, organisation, funding row,
//! article and passage of the letter, with the text that finds it.

use super::parallel::in_parts_mut;
use crate::data::{
    Article, City, Dataset, Document, Funding, Headcount, Organisation, Question, Region,
    SourceLine,
};
use crate::i18n::{Label, Lang};

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
    pub(crate) fn name(self, lang: crate::i18n::Lang) -> &'static str {
        match self {
            Kind::Region => lang.word(Label::KindRegion),
            Kind::City => lang.word(Label::KindCity),
            Kind::Organisation => lang.word(Label::KindOrganisation),
            Kind::Funding => lang.word(Label::KindFunding),
            Kind::Article => lang.word(Label::KindArticle),
            Kind::Document => lang.word(Label::KindDocument),
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

/// What a field of an entry holds. Every entry has a name, the text the lists
/// show for it; the other fields are what else finds it, each matched on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// What lists show: a region's or city's name, an organisation's name and
    /// acronym as the letter prints them, a passage's text.
    Name,
    /// A region's code.
    Code,
    /// The name of a region the entry is in.
    Region,
    /// A city's count of people accompanied, or the articles withholding it.
    Headcount,
    /// A funding row's amount.
    Amount,
    /// An article's text.
    Text,
    /// The letter's wording of an article it cites without its text.
    Paraphrase,
    /// An article's history.
    History,
    /// Why the letter cites an article.
    CitedFor,
    /// The letter's answer to a question.
    Answer,
    /// The ministry that wrote the letter.
    Ministry,
    /// The ministry's office that wrote it.
    Office,
    /// Where it was written.
    Place,
    /// The programme it is about.
    Programme,
    /// When the request was received.
    Received,
    /// The period the headcounts cover.
    Period,
}

impl Field {
    /// True for fields whose few texts recur over many entries: the index
    /// keeps and scores each such text once.
    pub(crate) fn recurs(self) -> bool {
        self == Field::Region
    }

    /// The name used in JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::Code => "code",
            Field::Region => "region",
            Field::Headcount => "headcount",
            Field::Amount => "amount",
            Field::Text => "text",
            Field::Paraphrase => "paraphrase",
            Field::History => "history",
            Field::CitedFor => "cited_for",
            Field::Answer => "answer",
            Field::Ministry => "ministry",
            Field::Office => "office",
            Field::Place => "place",
            Field::Programme => "programme",
            Field::Received => "received",
            Field::Period => "period",
        }
    }
}

/// One searchable entry: its name (`label`, what is shown) and its other
/// fields (`fields`, what else finds it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub kind: Kind,
    pub id: String,
    pub label: String,
    pub fields: Vec<(Field, String)>,
}

impl Entry {
    /// An entry from its kind, id, name and other fields: the one way to make
    /// an entry from parts kept elsewhere (the index cache), whatever the
    /// entry's own layout.
    pub fn new(kind: Kind, id: String, label: String, fields: Vec<(Field, String)>) -> Entry {
        Entry {
            kind,
            id,
            label,
            fields,
        }
    }

    /// Every field, the name first: field number `n` is the `n`th of these.
    pub fn all_fields(&self) -> impl Iterator<Item = (Field, &str)> {
        std::iter::once((Field::Name, self.label.as_str()))
            .chain(self.fields.iter().map(|(f, t)| (*f, t.as_str())))
    }

    /// Field number `n`: 0 is the name.
    pub(crate) fn field(&self, n: usize) -> Option<(Field, &str)> {
        match n {
            0 => Some((Field::Name, &self.label)),
            n => self.fields.get(n - 1).map(|(f, t)| (*f, t.as_str())),
        }
    }
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
        fields: vec![(Field::Code, format!("région {}", r.code))],
    }
}

/// A city: its name, found also by its region and its count or withholding.
fn city_entry(data: &Dataset, c: &City) -> Entry {
    let mut fields = vec![(Field::Region, data.region_name(&c.region).to_string())];
    match c.headcount() {
        Headcount::Known(n) => fields.push((Field::Headcount, n.to_string())),
        Headcount::Withheld(w) => fields.push((
            Field::Headcount,
            format!("caviardé / withheld, art. {}", w.articles.join(", ")),
        )),
        Headcount::Missing => {}
    }
    Entry {
        kind: Kind::City,
        id: c.id.clone(),
        label: c.name.clone(),
        fields,
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
        fields: Vec::new(),
    });
    // Each region's name by its code, looked up once per organisation's region
    // rather than found by comparing codes along the regions.
    let names: foldhash::HashMap<&str, &str> = data
        .regions
        .iter()
        .map(|r| (r.code.as_str(), r.name.as_str()))
        .collect();
    in_parts_mut(&mut out[first..], |_, range, part| {
        for (entry, o) in part.iter_mut().zip(&data.organisations[range]) {
            *entry = organisation_entry(&names, o);
        }
    });
}

/// A funding row: the organisation as printed, found also by its amount.
fn funding_entry(f: &Funding) -> Entry {
    Entry {
        kind: Kind::Funding,
        id: f.id.clone(),
        label: f.organisation.clone(),
        // As the letter writes amounts; a fuzzy `40000` still finds `40 000 $`.
        fields: vec![(Field::Amount, Lang::Fr.amount(f.amount_cad))],
    }
}

/// An article, found by its text, paraphrase, history and why it is cited.
fn article_entry(a: &Article) -> Entry {
    let texts = [
        (Field::Text, &a.text),
        (Field::Paraphrase, &a.paraphrase),
        (Field::History, &a.history),
    ];
    let mut fields: Vec<(Field, String)> = texts
        .into_iter()
        .filter_map(|(field, text)| text.clone().map(|t| (field, t)))
        .collect();
    fields.push((Field::CitedFor, a.cited_for.clone()));
    Entry {
        kind: Kind::Article,
        id: a.number.clone(),
        label: format!("Article {}", a.number),
        fields,
    }
}

/// A question of the request, found also by the letter's answers to it.
fn question_entry(q: &Question) -> Entry {
    Entry {
        kind: Kind::Document,
        id: format!("question-{}", q.number),
        label: format!("{}- {}", q.number, q.text),
        fields: q
            .answers
            .iter()
            .map(|a| (Field::Answer, a.text.clone()))
            .collect(),
    }
}

/// The passages of the letter besides its questions.
fn document_entries(doc: &Document) -> [Entry; DOCUMENT_SECTIONS] {
    let section = |id: &str, label: String, fields: Vec<(Field, String)>| Entry {
        kind: Kind::Document,
        id: id.to_string(),
        label,
        fields,
    };
    [
        // The letter's identity, so that its reference, date or subject find it.
        section(
            "letter",
            format!(
                "{} · {} · {} · {}",
                doc.ministry_acronym, doc.reference, doc.date, doc.subject
            ),
            vec![
                (Field::Ministry, doc.ministry.clone()),
                (Field::Office, doc.office.clone()),
                (Field::Place, doc.place.clone()),
                (Field::Programme, doc.programme.clone()),
                (Field::Received, doc.request_received.clone()),
                (
                    Field::Period,
                    format!(
                        "{} – {}",
                        doc.headcount_period.start, doc.headcount_period.end
                    ),
                ),
            ],
        ),
        section(
            "law",
            format!("{} ({})", doc.law.title, doc.law.citation),
            Vec::new(),
        ),
        section("caveat", doc.caveat.text.clone(), Vec::new()),
        section(
            "deployment_note",
            doc.deployment_note.text.clone(),
            Vec::new(),
        ),
        section("review", doc.review.text.clone(), Vec::new()),
        section(
            "signatory",
            format!("{}, {}", doc.signatory.name, doc.signatory.title),
            Vec::new(),
        ),
    ]
}

/// The text of the passage of the letter that an entry of kind
/// [`Kind::Document`] stands for, and the OCR lines it was read from: a
/// question with the letter's answers, the letter's identity, a paragraph.
pub fn passage(doc: &Document, id: &str) -> Option<(String, Vec<SourceLine>)> {
    if let Some(number) = id.strip_prefix("question-") {
        let q = doc
            .questions
            .iter()
            .find(|q| q.number.to_string() == number)?;
        let mut text = format!("{}- {}", q.number, q.text);
        let mut source = q.source.clone();
        for a in &q.answers {
            text.push_str("\n\n");
            text.push_str(&a.text);
            source.extend(a.source.iter().cloned());
        }
        return Some((text, source));
    }
    Some(match id {
        "letter" => (
            [
                format!("{} · {}", doc.ministry_acronym, doc.ministry),
                format!("{}, {}", doc.office, doc.place),
                format!("{} · {}", doc.reference, doc.date),
                doc.subject.clone(),
                doc.programme.clone(),
                doc.request_received.clone(),
                format!(
                    "{} – {}",
                    doc.headcount_period.start, doc.headcount_period.end
                ),
            ]
            .join("\n"),
            doc.headcount_period.source.clone(),
        ),
        "law" => (
            format!("{} ({})", doc.law.title, doc.law.citation),
            doc.law.source.clone(),
        ),
        "caveat" => (doc.caveat.text.clone(), doc.caveat.source.clone()),
        "deployment_note" => (
            doc.deployment_note.text.clone(),
            doc.deployment_note.source.clone(),
        ),
        "review" => (doc.review.text.clone(), doc.review.source.clone()),
        "signatory" => (
            format!("{}, {}", doc.signatory.name, doc.signatory.title),
            doc.signatory.source.clone(),
        ),
        _ => return None,
    })
}

/// An organisation: its name and acronym as printed, found also by the name of
/// each of its regions (`names`, by code; an unknown code stands for itself,
/// as in [`Dataset::region_name`]).
fn organisation_entry(names: &foldhash::HashMap<&str, &str>, o: &Organisation) -> Entry {
    Entry {
        kind: Kind::Organisation,
        id: o.id.clone(),
        label: o.display_name(),
        fields: o
            .regions
            .iter()
            .map(|code| {
                let name = names.get(code.as_str()).copied().unwrap_or(code);
                (Field::Region, name.to_string())
            })
            .collect(),
    }
}
