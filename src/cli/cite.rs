//! `pap-tui cite ID`: one entry as the explorer copies it, with the citation
//! that locates it in the letter (decision, part of the letter, OCR lines).

use crate::data::Dataset;
use crate::i18n::{Lang, Message, Text};
use crate::present::copy::{self, CopyFormat};
use crate::present::detail::Target;

use super::args::{CiteFormat, CiteKind};
use super::listing::resolve_region;

/// The entries whose id is exactly `id`, of `kind` when it is given.
fn exact(data: &Dataset, id: &str, kind: Option<CiteKind>) -> Vec<Target> {
    let wanted = |k: CiteKind| kind.is_none_or(|w| w == k);
    let mut out = Vec::new();
    if wanted(CiteKind::Organisation) && data.organisation(id).is_some() {
        out.push(Target::Organisation(id.to_string()));
    }
    if wanted(CiteKind::City) && data.cities.iter().any(|c| c.id == id) {
        out.push(Target::City(id.to_string()));
    }
    if wanted(CiteKind::Funding) && data.funding.iter().any(|f| f.id == id) {
        out.push(Target::Funding(id.to_string()));
    }
    if wanted(CiteKind::Region) && data.region(id).is_some() {
        out.push(Target::Region(id.to_string()));
    }
    if wanted(CiteKind::Article) && data.article(id).is_some() {
        out.push(Target::Article(id.to_string()));
    }
    out
}

/// The entry `id` names: an id as the lists and `search --format json` give
/// it (`safima`, `laval`, `funding-1`, `53`), or a region's code or name
/// (`14`, `lanaudiere`). An exact id wins over a region's name; an id that
/// names entries of several kinds asks for `--kind`.
pub(crate) fn resolve(data: &Dataset, id: &str, kind: Option<CiteKind>) -> Result<Target, Message> {
    let id = id.trim();
    let found = exact(data, id, kind);
    match found.as_slice() {
        [one] => return Ok(one.clone()),
        [] => {}
        several => {
            let kinds: Vec<&str> = several.iter().map(|t| t.search_kind().as_str()).collect();
            return Err(Message::new(Text::CiteAmbiguous)
                .with("id", crate::base::escape::line(id))
                .with("kinds", kinds.join(", ")));
        }
    }
    if kind.is_none_or(|k| k == CiteKind::Region)
        && let Ok(region) = resolve_region(data, id)
    {
        return Ok(Target::Region(region.code.clone()));
    }
    Err(Message::new(Text::CiteNotFound).with("id", crate::base::escape::line(id)))
}

/// The copy format that prints as `format` asks.
pub(crate) fn copy_format(format: CiteFormat) -> CopyFormat {
    match format {
        CiteFormat::Text => CopyFormat::Plain,
        CiteFormat::Markdown => CopyFormat::Markdown,
        CiteFormat::Json => CopyFormat::Json,
    }
}

/// The entry with its citation, in `format`, ending with a line feed.
pub(crate) fn cite(
    data: &Dataset,
    id: &str,
    kind: Option<CiteKind>,
    format: CiteFormat,
    lang: Lang,
) -> Result<String, Message> {
    let target = resolve(data, id, kind)?;
    let text = copy::render(data, &target, lang, copy_format(format)).ok_or_else(|| {
        Message::new(Text::CiteNotFound).with("id", crate::base::escape::line(id))
    })?;
    Ok(format!("{text}\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data() -> Dataset {
        crate::data::load(None).expect("embedded").dataset
    }

    #[test]
    fn ids_codes_and_names_resolve() {
        let d = data();
        let cases = [
            ("safima", None, Target::Organisation("safima".into())),
            ("laval", None, Target::City("laval".into())),
            ("laval", Some(CiteKind::Region), Target::Region("13".into())),
            ("14", None, Target::Region("14".into())),
            ("lanaudiere", None, Target::Region("14".into())),
            ("53", None, Target::Article("53".into())),
            ("funding-1", None, Target::Funding("funding-1".into())),
        ];
        for (id, kind, want) in cases {
            assert_eq!(resolve(&d, id, kind), Ok(want), "{id} {kind:?}");
        }
    }

    #[test]
    fn unknown_and_ambiguous_ids_say_what_to_do() {
        let d = data();
        let said = resolve(&d, "toronto", None)
            .expect_err("no such entry")
            .describe(Lang::En);
        assert!(said.contains("pap-tui search toronto"), "{said}");
        let mut d = data();
        d.articles[0].number = "safima".into();
        let said = resolve(&d, "safima", None)
            .expect_err("two kinds")
            .describe(Lang::En);
        assert!(
            said.contains("organisation, article") && said.contains("--kind"),
            "{said}"
        );
    }
}
