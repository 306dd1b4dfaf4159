//! The text that leaves the app when a user copies an entry: plain text in the
//! interface language, names kept in French, no control character from the
//! data, and in every format the citation that locates it in the letter.
//!
//! A name, a code or any other one-line value of the data goes in on one line,
//! its line feeds escaped ([`escape::line`]), so that it never adds a line of its
//! own to a list (`# Heading\n- list` as a false second entry). Only an
//! article's text, paraphrase and history keep their line feeds: paragraphs.

use std::collections::{HashMap, HashSet};

use crate::base::escape;
use crate::data::{City, Dataset, Headcount};
use crate::i18n::{DetailLabel, FigureWord, Label, Lang, Message, Noun, Text};
use crate::search::{Entry, Kind};

use super::citation::Citation;
use super::detail::Target;
use super::figures::{CityValue, RegionFigures, RegionState};

/// How a copied entry is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CopyFormat {
    Plain,
    Markdown,
    Json,
}

fn region_names(data: &Dataset, codes: &[String]) -> String {
    codes
        .iter()
        .map(|c| escape::line(data.region_name(c)).into_owned())
        .collect::<Vec<_>>()
        .join(", ")
}

/// A city's headcount in a list: `61`, or `█ caviardé — art. 53, 54`.
fn headcount_short(c: &City, lang: Lang) -> String {
    CityValue::of(c).text(lang)
}

/// A withheld count as a copy says it, with all a reader needs to quote it:
/// `█ withheld — s. 53, 54, Loi sur l'accès … (RLRQ, c.) — people
/// accompanied (12 Aug – 31 Dec 2019)`.
fn withheld_copy(data: &Dataset, articles: &[String], lang: Lang) -> String {
    let law = &data.document.law;
    format!(
        "{}, {} ({}) — {} ({})",
        lang.withheld_marker(articles),
        escape::line(&law.title),
        escape::line(&law.citation),
        lang.word(Label::PeopleAccompanied),
        lang.word(Label::Period)
    )
}

/// A region's answer: its organisations, one per line, then its cities with
/// their counts or their withholding.
fn region_answer(data: &Dataset, code: &str, lang: Lang) -> Option<String> {
    let r = data.region(code)?;
    let organisations: Vec<_> = data.organisations_in(code).collect();
    let mut out = format!(
        "{} ({}) — {}",
        escape::line(&r.name),
        escape::line(&r.code),
        lang.count(organisations.len() as u64, Noun::Organisation)
    );
    for o in &organisations {
        out.push_str(&format!("\n- {}", escape::line(&o.display_name())));
    }
    if organisations.is_empty() {
        out.push_str(&format!("\n{}", lang.word(Label::NoOrganisation)));
    }
    let cities: Vec<_> = data.cities_in(code).collect();
    let figures = RegionFigures::of(organisations.len(), cities.iter().copied());
    out.push_str(&format!(
        "\n{} ({}){}{}",
        lang.word(DetailLabel::Accompanied),
        lang.word(Label::Period),
        lang.word(Label::Colon),
        figures.summary(lang)
    ));
    if figures.state() != RegionState::NoCity
        && let Some(reason) = figures.absent_reason(lang)
    {
        out.push_str(&format!(" ({reason})"));
    }
    if !cities.is_empty() {
        for c in cities {
            let name = escape::line(&c.name);
            out.push_str(&format!("\n- {name} — {}", headcount_short(c, lang)));
        }
    }
    out.push_str(&format!("\n{}", lang.word(FigureWord::Computed)));
    Some(out)
}

/// The entry as one or a few lines of plain text, without its citation, e.g.
/// `Laval — 61 personnes accompagnées (12 août – 31 déc. 2019)`.
pub(crate) fn plain(data: &Dataset, target: &Target, lang: Lang) -> Option<String> {
    let out = match target {
        Target::Region(code) => region_answer(data, code, lang)?,
        Target::Organisation(id) => {
            let o = data.organisation(id)?;
            let name = escape::line(&o.display_name()).into_owned();
            format!("{name} — {}", region_names(data, &o.regions))
        }
        Target::City(id) => {
            let c = data.cities.iter().find(|c| &c.id == id)?;
            let name = escape::line(&c.name);
            match c.headcount() {
                Headcount::Known(n) => {
                    format!(
                        "{name} — {n} {} ({})",
                        lang.word(Label::PeopleAccompanied),
                        lang.word(Label::Period)
                    )
                }
                Headcount::Withheld(w) => {
                    format!("{name} — {}", withheld_copy(data, &w.articles, lang))
                }
                Headcount::Missing => name.into_owned(),
            }
        }
        Target::Funding(id) => {
            let f = data.funding.iter().find(|f| &f.id == id)?;
            let name = escape::line(&f.organisation);
            format!("{name} — {}", lang.amount(f.amount_cad))
        }
        Target::Article(number) => {
            let a = data.article(number)?;
            let mut out = format!("{} {}", lang.word(Label::Article), escape::line(&a.number));
            if let Some(t) = &a.text {
                out.push_str(&format!("\n{t}"));
            }
            if let Some(p) = &a.paraphrase {
                out.push('\n');
                out.push_str(&lang.labelled(lang.word(Label::Paraphrase), p));
            }
            if let Some(h) = &a.history {
                out.push_str(&format!("\n{h}"));
            }
            out
        }
    };
    Some(escape::block(&out).into_owned())
}

/// The entry in a format, each with its citation: plain text with the
/// citation below it, Markdown quoted with the citation, or the JSON of the
/// dataset object with the citation as fields (and, for a region, its
/// organisations and cities).
pub(crate) fn render(
    data: &Dataset,
    target: &Target,
    lang: Lang,
    format: CopyFormat,
) -> Option<String> {
    let plain_text = plain(data, target, lang)?;
    let citation = Citation::of(data, target, lang)?;
    Some(match format {
        CopyFormat::Plain => format!("{plain_text}\n\n{}", escape::line(&citation.text(lang))),
        CopyFormat::Markdown => {
            // The plain text's own bullets ("- " after its first line) stay a
            // list; what the data holds is escaped.
            let quoted: Vec<String> = plain_text
                .lines()
                .enumerate()
                .map(|(i, l)| match l.strip_prefix("- ") {
                    Some(item) if i > 0 => format!("> - {}", escape::markdown(item)),
                    _ => format!("> {}", escape::markdown(l)),
                })
                .collect();
            let cited = escape::markdown_line(&citation.text(lang));
            format!("{}\n>\n> {cited}", quoted.join("\n"))
        }
        CopyFormat::Json => escape::json(&json_value(data, target, lang)?).ok()?,
    })
}

/// The entry as the JSON copy gives it: the dataset object with its citation
/// as fields (and, for a region, its organisations and cities).
pub(crate) fn json_value(data: &Dataset, target: &Target, lang: Lang) -> Option<serde_json::Value> {
    let citation = Citation::of(data, target, lang)?;
    let mut value = match target {
        Target::Region(code) => region_json(data, code)?,
        Target::Organisation(id) => serde_json::to_value(data.organisation(id)?).ok()?,
        Target::City(id) => serde_json::to_value(data.cities.iter().find(|c| &c.id == id)?).ok()?,
        Target::Funding(id) => {
            serde_json::to_value(data.funding.iter().find(|f| &f.id == id)?).ok()?
        }
        Target::Article(n) => serde_json::to_value(data.article(n)?).ok()?,
    };
    if let Some(object) = value.as_object_mut() {
        object.insert("citation".into(), citation.json(lang));
    }
    Some(value)
}

/// A region as JSON, with its figures (the data dictionary's fields), its
/// organisations and its cities.
fn region_json(data: &Dataset, code: &str) -> Option<serde_json::Value> {
    let mut value = serde_json::to_value(data.region(code)?).ok()?;
    let organisations: Vec<_> = data.organisations_in(code).collect();
    let cities: Vec<_> = data.cities_in(code).collect();
    let figures = RegionFigures::of(organisations.len(), cities.iter().copied());
    let object = value.as_object_mut()?;
    for (key, field) in figures.json_fields() {
        object.insert(key.into(), field);
    }
    object.insert(
        "organisations".into(),
        serde_json::to_value(organisations).ok()?,
    );
    object.insert("cities".into(), serde_json::to_value(cities).ok()?);
    Some(value)
}

/// The citation of a search hit's entry: its target's, or the letter
/// passage's it stands for.
pub(crate) fn entry_citation<'a>(data: &'a Dataset, entry: &Entry, lang: Lang) -> Citation<'a> {
    let target = match entry.kind {
        Kind::Region => Some(Target::Region(entry.id.clone())),
        Kind::City => Some(Target::City(entry.id.clone())),
        Kind::Organisation => Some(Target::Organisation(entry.id.clone())),
        Kind::Funding => Some(Target::Funding(entry.id.clone())),
        Kind::Article => Some(Target::Article(entry.id.clone())),
        Kind::Document => None,
    };
    target
        .and_then(|t| Citation::of(data, &t, lang))
        .unwrap_or_else(|| Citation::of_passage(data, &entry.id, lang))
}

/// The citations of many hits at once (every hit of a large dataset): the
/// organisations and cities they name found in one pass over the dataset,
/// where [`entry_citation`] scans it for each.
pub(crate) fn entry_citations<'a>(
    data: &'a Dataset,
    entries: &[&Entry],
    lang: Lang,
) -> Vec<Citation<'a>> {
    let ids = |kind: Kind| -> HashSet<&str> {
        entries
            .iter()
            .filter(|e| e.kind == kind)
            .map(|e| e.id.as_str())
            .collect()
    };
    let organisations = by_id(&data.organisations, |o| &o.id, &ids(Kind::Organisation));
    let cities = by_id(&data.cities, |c| &c.id, &ids(Kind::City));
    entries
        .iter()
        .map(|e| {
            let found = match e.kind {
                Kind::Organisation => organisations
                    .get(e.id.as_str())
                    .map(|o| Citation::of_organisation(data, o, lang)),
                Kind::City => cities
                    .get(e.id.as_str())
                    .map(|c| Citation::of_city(data, c, lang)),
                _ => None,
            };
            found.unwrap_or_else(|| entry_citation(data, e, lang))
        })
        .collect()
}

/// The items whose id `wanted` holds, by id (the first of a repeated id, as a
/// scan finds it); no pass over `items` when nothing is wanted.
fn by_id<'d, T>(
    items: &'d [T],
    id: impl Fn(&'d T) -> &'d str,
    wanted: &HashSet<&str>,
) -> HashMap<&'d str, &'d T> {
    let mut found = HashMap::new();
    if !wanted.is_empty() {
        for item in items.iter().filter(|item| wanted.contains(id(item))) {
            found.entry(id(item)).or_insert(item);
        }
    }
    found
}

/// The hits of a search as a plain list, each with its kind and OCR lines,
/// under the query and above the decision's citation.
pub fn hits_list(data: &Dataset, query: &str, entries: &[&Entry], lang: Lang) -> String {
    hits(data, query, entries, lang, false)
}

/// [`hits_list`] as Markdown: the query and the names escaped, so that a hit
/// from a `--data` file renders as text, never as a link or HTML.
pub fn hits_markdown(data: &Dataset, query: &str, entries: &[&Entry], lang: Lang) -> String {
    hits(data, query, entries, lang, true)
}

fn hits(data: &Dataset, query: &str, entries: &[&Entry], lang: Lang, markdown: bool) -> String {
    // One line each: a label's line feed would add an entry to the list.
    let shown = |t: &str| {
        if markdown {
            escape::markdown_line(t)
        } else {
            escape::line(t).into_owned()
        }
    };
    let mut out = Message::new(Text::HitsHeading)
        .with("query", shown(query.trim()))
        .with("hits", lang.count(entries.len() as u64, Noun::Hit))
        .describe(lang);
    if markdown {
        out.push('\n');
    }
    // A withheld city keeps its withholding in the list.
    let city_ids: HashSet<&str> = entries
        .iter()
        .filter(|e| e.kind == Kind::City)
        .map(|e| e.id.as_str())
        .collect();
    let cities = by_id(&data.cities, |c| &c.id, &city_ids);
    for (entry, citation) in entries.iter().zip(entry_citations(data, entries, lang)) {
        let lines = citation.lines();
        let kind = entry.kind.name(lang);
        out.push_str(&format!("\n- {} ({kind}", shown(&entry.label)));
        if entry.kind == Kind::City
            && let Some(CityValue::Withheld(articles)) =
                cities.get(entry.id.as_str()).map(|c| CityValue::of(c))
        {
            let words = lang.withheld_words(articles);
            out.push_str(&format!(", █ {}", shown(&words)));
        }
        if !lines.is_empty() {
            out.push_str(&format!(", OCR l. {}", super::citation::line_list(&lines)));
        }
        out.push(')');
    }
    out.push_str(&format!(
        "\n\n{}.",
        shown(&Citation::decision(data).decision_text(lang))
    ));
    escape::block(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data() -> Dataset {
        crate::data::load(None).expect("embedded").dataset
    }

    #[test]
    fn many_hits_are_cited_as_each_is_alone() {
        let d = data();
        for lang in [Lang::Fr, Lang::En] {
            let all = crate::search::entries(&d);
            let entries: Vec<&Entry> = all.iter().collect();
            let alone: Vec<Citation> = entries
                .iter()
                .map(|e| entry_citation(&d, e, lang))
                .collect();
            assert_eq!(entry_citations(&d, &entries, lang), alone);
            assert!(alone.iter().filter(|c| !c.lines().is_empty()).count() > 90);
        }
    }

    #[test]
    fn a_markdown_copy_keeps_its_list_and_escapes_the_names() {
        let mut d = data();
        if let Some(o) = d.organisations.iter_mut().find(|o| o.id == "safima") {
            o.name = "# [x](y)".into();
            o.acronym = None;
        }
        let md = render(
            &d,
            &Target::Region("14".into()),
            Lang::En,
            CopyFormat::Markdown,
        )
        .expect("Lanaudière");
        assert!(
            md.starts_with("> Lanaudière (14) — 4 organisations\n> - Perspectives Carrières\n"),
            "{md}"
        );
        assert!(md.contains("\n> - \\# \\[x\\](y)\n"), "{md}");
        assert!(
            md.contains("\n> - Terrebonne — █ withheld — s. 53, 54\n"),
            "{md}"
        );
    }

    #[test]
    fn markdown_hits_escape_what_markdown_reads_as_markup() {
        let d = data();
        let entry = Entry::new(
            Kind::Organisation,
            "x".into(),
            "[click](javascript:x) <b>*bold*</b>\u{1b}[2J".into(),
            Vec::new(),
        );
        let out = hits_markdown(&d, "<q>", &[&entry], Lang::En);
        assert_eq!(
            out,
            "Search \"\\<q\\>\": 1 hit\n\n\
             - \\[click\\](javascript:x) \\<b\\>\\*bold\\*\\</b\\>\\\\x1B\\[2J (organisation)\n\n\
             Source: MIFI, access-to-information decision 18159, 6 February 2020."
        );
        // The plain list keeps the text as it is, its controls made visible.
        let plain = hits_list(&d, "<q>", &[&entry], Lang::En);
        assert!(
            plain.contains("- [click](javascript:x) <b>*bold*</b>\\x1B[2J (organisation)"),
            "{plain}"
        );
    }

    #[test]
    fn plain_examples() {
        let d = data();
        let cases = [
            (
                Target::Organisation("safima".into()),
                Lang::Fr,
                "Service d'aide à la famille immigrante de la MRC de L'Assomption (SAFIMA) — Lanaudière",
            ),
            (
                Target::City("laval".into()),
                Lang::Fr,
                "Laval — 61 personnes accompagnées (12 août – 31 déc. 2019)",
            ),
            (
                Target::City("laval".into()),
                Lang::En,
                "Laval — 61 people accompanied (12 Aug – 31 Dec 2019)",
            ),
            (
                Target::City("montreal".into()),
                Lang::Fr,
                "Montréal — █ caviardé — art. 53, 54, Loi sur l'accès aux documents des organismes \
                 publics et sur la protection des renseignements personnels (RLRQ, c. A-2.1) — \
                 personnes accompagnées (12 août – 31 déc. 2019)",
            ),
            (
                Target::City("montreal".into()),
                Lang::En,
                "Montréal — █ withheld — s. 53, 54, Loi sur l'accès aux documents des organismes \
                 publics et sur la protection des renseignements personnels (RLRQ, c. A-2.1) — \
                 people accompanied (12 Aug – 31 Dec 2019)",
            ),
            (
                Target::Funding("funding-3".into()),
                Lang::Fr,
                "Service d'aide aux Néo-Canadiens (Sherbrooke) inc. — 5 000 $",
            ),
        ];
        for (target, lang, want) in cases {
            assert_eq!(
                plain(&d, &target, lang).as_deref(),
                Some(want),
                "{target:?}"
            );
        }
        let article = plain(&d, &Target::Article("54".into()), Lang::Fr).expect("54");
        assert!(
            article.starts_with("Article 54\nDans un document"),
            "{article}"
        );
        assert!(
            article.ends_with("1982, c. 30, a. 54; 2006, c. 22, a. 110."),
            "{article}"
        );
    }

    #[test]
    fn markdown_adds_the_citation() {
        let md = render(
            &data(),
            &Target::City("laval".into()),
            Lang::Fr,
            CopyFormat::Markdown,
        )
        .expect("md");
        assert!(
            md.ends_with(
                "> Source : MIFI, décision d'accès à l'information 18159, 6 février 2020 — \
                 tableau des personnes immigrantes accompagnées (OCR l. 62)."
            ),
            "{md}"
        );
    }

    #[test]
    fn a_markdown_copy_of_safima_names_the_annex_lanaudiere_and_its_line() {
        let md = render(
            &data(),
            &Target::Organisation("safima".into()),
            Lang::Fr,
            CopyFormat::Markdown,
        )
        .expect("md");
        assert_eq!(
            md,
            "> Service d'aide à la famille immigrante de la MRC de L'Assomption (SAFIMA) — Lanaudière\n\
             >\n\
             > Source : MIFI, décision d'accès à l'information 18159, 6 février 2020 — \
             annexe « Organismes par régions », Lanaudière (OCR l. 197)."
        );
    }

    #[test]
    fn plain_copies_carry_the_citation_too() {
        let text = render(
            &data(),
            &Target::Funding("funding-3".into()),
            Lang::En,
            CopyFormat::Plain,
        )
        .expect("plain");
        assert_eq!(
            text,
            "Service d'aide aux Néo-Canadiens (Sherbrooke) inc. — $5,000\n\n\
             Source: MIFI, access-to-information decision 18159, 6 February 2020 — \
             additional-funding table (OCR l. 48)."
        );
    }

    #[test]
    fn the_citation_comes_from_the_dataset() {
        let mut d = data();
        d.document.ministry_acronym = "MX".into();
        d.document.reference = "4242".into();
        d.document.date = "2019-01-31".into();
        let text = render(
            &d,
            &Target::City("laval".into()),
            Lang::Fr,
            CopyFormat::Plain,
        )
        .expect("plain");
        assert!(
            text.contains("Source : MX, décision d'accès à l'information 4242, 31 janvier 2019 — "),
            "{text}"
        );
    }

    #[test]
    fn json_is_the_dataset_object() {
        let json = render(
            &data(),
            &Target::City("gatineau".into()),
            Lang::En,
            CopyFormat::Json,
        )
        .expect("json");
        let v: serde_json::Value = serde_json::from_str(&json).expect("valid");
        assert_eq!(v["count"], 63);
        assert_eq!(v["region"], "07");
        assert_eq!(v["citation"]["decision"], "18159");
        assert_eq!(
            v["citation"]["parts"][0]["ocr_lines"],
            serde_json::json!([66])
        );
        // A region gives its answer: its organisations and its cities.
        let json = render(
            &data(),
            &Target::Region("14".into()),
            Lang::En,
            CopyFormat::Json,
        )
        .expect("json");
        let v: serde_json::Value = serde_json::from_str(&json).expect("valid");
        assert_eq!(v["organisations"].as_array().map(Vec::len), Some(4));
        assert_eq!(v["cities"][0]["id"], "terrebonne");
        assert_eq!(
            v["citation"]["parts"][0]["ocr_lines"],
            serde_json::json!([167, 195, 196, 197, 199])
        );
    }

    #[test]
    fn hostile_names_are_escaped() {
        let mut d = data();
        d.organisations[0].name = "x\u{1b}]52;c;SGVsbG8=\u{7}\u{202e}y".into();
        let id = d.organisations[0].id.clone();
        for format in [CopyFormat::Plain, CopyFormat::Markdown, CopyFormat::Json] {
            let out =
                render(&d, &Target::Organisation(id.clone()), Lang::En, format).expect("copy");
            assert!(
                !out.chars().any(|c| c != '\n' && escape::is_unsafe(c)),
                "{format:?}: {out:?}"
            );
        }
    }

    /// A name that would read as a heading and two more entries of a list.
    const LINES: &str = "# Heading\n- list\r\n1. one\rtwo\u{1b}[2J";

    /// The embedded dataset with [`LINES`] in every name, region and city
    /// included, and in the citation's region.
    fn names_on_many_lines() -> Dataset {
        let mut d = data();
        for r in &mut d.regions {
            r.name = format!("{}{LINES}", r.name);
        }
        for o in &mut d.organisations {
            o.name = format!("{}{LINES}", o.name);
            o.acronym = Some(LINES.into());
        }
        for c in &mut d.cities {
            c.name = format!("{}{LINES}", c.name);
        }
        for f in &mut d.funding {
            f.organisation = format!("{}{LINES}", f.organisation);
        }
        d
    }

    #[test]
    fn a_name_on_many_lines_is_one_line_of_each_copy() {
        let d = names_on_many_lines();
        let escaped = "# Heading\\x0A- list\\x0D\\x0A1. one\\x0Dtwo\\x1B[2J";
        // Ctrl-a: every hit on one line, the list as long as the hits.
        let all = crate::search::entries(&d);
        let entries: Vec<&Entry> = all.iter().filter(|e| e.label.contains(LINES)).collect();
        assert!(entries.len() > 90, "{}", entries.len());
        for (list, markdown) in [
            (hits_list(&d, "x", &entries, Lang::En), false),
            (hits_markdown(&d, "x", &entries, Lang::En), true),
        ] {
            let items = list.lines().filter(|l| l.starts_with("- ")).count();
            assert_eq!(items, entries.len(), "{list}");
            assert_eq!(
                list.lines().count(),
                entries.len() + 3 + usize::from(markdown)
            );
            assert!(!list.chars().any(|c| c != '\n' && escape::is_unsafe(c)));
            if !markdown {
                assert!(list.contains(escaped), "{list}");
            }
        }
        // Ctrl-y and the copy menu: a region's list has a line per
        // organisation and per city, in every format; one name is one line.
        let lanaudiere = Target::Region("14".into());
        for format in [CopyFormat::Plain, CopyFormat::Markdown, CopyFormat::Json] {
            let copy = render(&d, &lanaudiere, Lang::En, format).expect("Lanaudière");
            assert!(!copy.chars().any(|c| c != '\n' && escape::is_unsafe(c)));
            if format != CopyFormat::Json {
                let items = copy
                    .lines()
                    .filter(|l| l.starts_with("- ") || l.starts_with("> - "))
                    .count();
                assert_eq!(items, 4 + 1, "4 organisations, 1 city: {copy}");
                // The title, 4 organisations, the figures, 1 city, the line
                // saying what pap-tui computed, a blank line and the source.
                assert_eq!(copy.lines().count(), 1 + 4 + 1 + 1 + 1 + 2, "{copy}");
            }
        }
        for target in [
            Target::Organisation("safima".into()),
            Target::City("laval".into()),
            Target::City("montreal".into()),
            Target::Funding("funding-3".into()),
        ] {
            let plain_copy = render(&d, &target, Lang::En, CopyFormat::Plain).expect("copy");
            assert_eq!(plain_copy.lines().count(), 3, "{plain_copy}");
            assert!(plain_copy.contains(escaped), "{plain_copy}");
            let md = render(&d, &target, Lang::En, CopyFormat::Markdown).expect("copy");
            assert_eq!(md.lines().count(), 3, "{md}");
        }
    }

    #[test]
    fn markdown_copies_escape_markup_in_names() {
        let mut d = data();
        d.organisations[0].name = "[cliquez](http://x) <b>*gras*</b>".into();
        d.organisations[0].acronym = None;
        let id = d.organisations[0].id.clone();
        let out = render(
            &d,
            &Target::Organisation(id),
            Lang::Fr,
            CopyFormat::Markdown,
        )
        .expect("copy");
        let first = out.lines().next().unwrap_or_default();
        assert!(
            first.starts_with("> \\[cliquez\\](http://x) \\<b\\>\\*gras\\*\\</b\\> — "),
            "{first}"
        );
    }
}
