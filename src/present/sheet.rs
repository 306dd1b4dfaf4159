//! The quote sheet: every starred entry, in the order the letter gives them,
//! each with its citation, in one of the copy formats. The explorer copies it
//! from ★ Starred and `pap-tui starred` prints it, from this one function.

use crate::base::escape;
use crate::data::Dataset;
use crate::i18n::{Lang, Message, Noun, Text};

use super::citation::Citation;
use super::copy::{self, CopyFormat};
use super::detail::Target;

/// The target a stored star names (`{"kind": "city", "id": "laval"}`, as
/// `state.json` keeps it), if this build knows its kind.
pub fn target_of(kind: &str, id: &str) -> Option<Target> {
    serde_json::from_value(serde_json::json!({ "kind": kind, "id": id })).ok()
}

/// Where an entry stands in the letter: the first OCR line of its own part
/// (a city's row of the table, not the answer that withholds its count), then
/// its kind and its place in the dataset, for entries on the same line or on
/// none. None when the dataset has no such entry.
fn place(data: &Dataset, target: &Target) -> Option<(u32, u8, usize)> {
    let citation = Citation::of(data, target, Lang::En)?;
    let line = citation
        .parts
        .first()
        .and_then(|p| p.lines.first().copied())
        .unwrap_or(u32::MAX);
    let (kind, at) = match target {
        Target::Region(code) => (0, data.regions.iter().position(|r| &r.code == code)),
        Target::Organisation(id) => (1, data.organisations.iter().position(|o| &o.id == id)),
        Target::City(id) => (2, data.cities.iter().position(|c| &c.id == id)),
        Target::Funding(id) => (3, data.funding.iter().position(|f| &f.id == id)),
        Target::Article(n) => (4, data.articles.iter().position(|a| &a.number == n)),
    };
    Some((line, kind, at?))
}

/// The entries of `targets` that the dataset has, each once, in the letter's
/// order, whatever the order they were starred in.
pub(crate) fn letter_order<'t>(
    data: &Dataset,
    targets: impl IntoIterator<Item = &'t Target>,
) -> Vec<Target> {
    let mut placed: Vec<((u32, u8, usize), &Target)> = targets
        .into_iter()
        .filter_map(|t| Some((place(data, t)?, t)))
        .collect();
    placed.sort_by_key(|(at, _)| *at);
    placed.dedup_by_key(|(at, _)| *at);
    placed.into_iter().map(|(_, t)| t.clone()).collect()
}

/// The sheet's first line: what it holds and in which order.
fn heading(count: usize, lang: Lang) -> String {
    Message::new(Text::SheetHeading)
        .with("entries", lang.count(count as u64, Noun::Entry))
        .describe(lang)
}

/// Every starred entry that the dataset has, in the letter's order, each as
/// its copy in `format` says it with its citation: under a heading in plain
/// text and Markdown (one entry after another, a blank line between), or as a
/// JSON array of the entries' objects, each with its `kind` and `citation`.
/// None when no target is an entry of the dataset.
pub fn sheet(data: &Dataset, targets: &[Target], lang: Lang, format: CopyFormat) -> Option<String> {
    let ordered = letter_order(data, targets);
    if ordered.is_empty() {
        return None;
    }
    if format == CopyFormat::Json {
        let entries: Vec<serde_json::Value> = ordered
            .iter()
            .filter_map(|t| {
                let mut value = copy::json_value(data, t, lang)?;
                if let Some(object) = value.as_object_mut() {
                    let kind = t.search_kind().as_str();
                    object.insert("kind".into(), serde_json::Value::from(kind));
                }
                Some(value)
            })
            .collect();
        return escape::json(&serde_json::Value::from(entries)).ok();
    }
    let copies: Vec<String> = ordered
        .iter()
        .filter_map(|t| copy::render(data, t, lang, format))
        .collect();
    let heading = heading(copies.len(), lang);
    let heading = match format {
        CopyFormat::Markdown => format!("## {}", escape::markdown_line(&heading)),
        _ => heading,
    };
    Some(format!("{heading}\n\n{}", copies.join("\n\n")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data() -> Dataset {
        crate::data::load(None).expect("embedded").dataset
    }

    /// Starred in an order that is not the letter's: the annex (l. 197), the
    /// headcounts' table (Montréal l. 94, withheld; Laval l. 62), the funding
    /// table (l. 48).
    fn starred() -> Vec<Target> {
        vec![
            Target::Organisation("safima".into()),
            Target::City("montreal".into()),
            Target::Funding("funding-3".into()),
            Target::City("laval".into()),
        ]
    }

    #[test]
    fn stars_come_in_the_letter_s_order_each_once() {
        let d = data();
        let mut targets = starred();
        targets.push(Target::City("laval".into()));
        targets.push(Target::City("nowhere".into()));
        assert_eq!(
            letter_order(&d, &targets),
            [
                Target::Funding("funding-3".into()),
                Target::City("laval".into()),
                Target::City("montreal".into()),
                Target::Organisation("safima".into()),
            ]
        );
        // The order of starring makes no difference.
        let mut reversed = starred();
        reversed.reverse();
        assert_eq!(letter_order(&d, &reversed), letter_order(&d, &starred()));
    }

    #[test]
    fn a_plain_sheet_is_each_copy_in_the_letter_s_order() {
        let d = data();
        let sheet = sheet(&d, &starred(), Lang::En, CopyFormat::Plain).expect("sheet");
        let copies: Vec<String> = letter_order(&d, &starred())
            .iter()
            .map(|t| copy::render(&d, t, Lang::En, CopyFormat::Plain).expect("copy"))
            .collect();
        assert_eq!(
            sheet,
            format!(
                "Starred entries, in the letter's order: 4 entries\n\n{}",
                copies.join("\n\n")
            )
        );
        // Montréal keeps its withholding and the articles it rests on.
        assert!(
            sheet.contains("Montréal — █ withheld — s. 53, 54, Loi sur l'accès"),
            "{sheet}"
        );
        assert!(
            sheet.contains("question 3 of the request and its answer (OCR l. 50–53, 55)"),
            "{sheet}"
        );
        let at = |what: &str| sheet.find(what).unwrap_or(usize::MAX);
        assert!(at("Sherbrooke") < at("Laval —"), "{sheet}");
        assert!(at("Laval —") < at("Montréal —"), "{sheet}");
        assert!(at("Montréal —") < at("SAFIMA"), "{sheet}");
        assert!(at("SAFIMA") < usize::MAX, "{sheet}");
    }

    #[test]
    fn a_markdown_sheet_quotes_each_entry_under_a_heading() {
        let d = data();
        let sheet = sheet(&d, &starred(), Lang::Fr, CopyFormat::Markdown).expect("sheet");
        assert!(
            sheet.starts_with("## Entrées étoilées, dans l'ordre de la lettre : 4 entrées\n\n> "),
            "{sheet}"
        );
        assert!(
            sheet.contains("> Montréal — █ caviardé — art. 53, 54, Loi sur l'accès aux documents"),
            "{sheet}"
        );
        // Four quotes, each ending with its source.
        assert_eq!(sheet.matches("\n> Source : MIFI").count(), 4, "{sheet}");
        assert!(
            sheet.ends_with("annexe « Organismes par régions », Lanaudière (OCR l. 197)."),
            "{sheet}"
        );
    }

    #[test]
    fn a_json_sheet_is_an_array_of_the_entries_with_their_citations() {
        let d = data();
        let json = sheet(&d, &starred(), Lang::En, CopyFormat::Json).expect("sheet");
        let v: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
        let entries = v.as_array().expect("an array");
        let kinds: Vec<&str> = entries.iter().filter_map(|e| e["kind"].as_str()).collect();
        assert_eq!(kinds, ["funding", "city", "city", "organisation"]);
        assert_eq!(entries[1]["id"], "laval");
        assert_eq!(entries[1]["count"], 61);
        let montreal = &entries[2];
        assert_eq!(montreal["id"], "montreal");
        assert_eq!(montreal["count"], serde_json::Value::Null);
        assert_eq!(
            montreal["withheld"]["articles"],
            serde_json::json!(["53", "54"])
        );
        assert_eq!(montreal["citation"]["decision"], "18159");
        assert_eq!(
            montreal["citation"]["parts"][0]["ocr_lines"],
            serde_json::json!([94])
        );
    }

    #[test]
    fn no_entry_of_the_dataset_makes_no_sheet() {
        let d = data();
        for format in [CopyFormat::Plain, CopyFormat::Markdown, CopyFormat::Json] {
            assert_eq!(sheet(&d, &[], Lang::En, format), None);
            let gone = [Target::Organisation("gone".into())];
            assert_eq!(sheet(&d, &gone, Lang::En, format), None);
        }
    }

    #[test]
    fn stored_stars_name_their_targets() {
        assert_eq!(
            target_of("city", "laval"),
            Some(Target::City("laval".into()))
        );
        assert_eq!(target_of("planet", "mars"), None);
    }
}
