//! The text that leaves the app when a user copies an entry: plain text in the
//! interface language, names kept in French, no control character from the data.

use crate::data::{Dataset, Headcount};
use crate::i18n::Lang;
use crate::text;

use super::detail::Target;

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
        .map(|c| data.region_name(c))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The entry as one or a few lines of plain text, e.g.
/// `Laval — 61 personnes accompagnées (12 août – 31 déc. 2019)`.
pub fn plain(data: &Dataset, target: &Target, lang: Lang) -> Option<String> {
    let s = lang.strings();
    let out = match target {
        Target::Region(code) => {
            let r = data.region(code)?;
            let orgs = data.organisations_in(code).count();
            let totals = data.region_totals(code).summary(lang);
            format!(
                "{} ({}) — {orgs} {}, {}{}{totals}",
                r.name, r.code, s.organisations_word, s.people_accompanied, s.colon
            )
        }
        Target::Organisation(id) => {
            let o = data.organisation(id)?;
            format!("{} — {}", o.display_name(), region_names(data, &o.regions))
        }
        Target::City(id) => {
            let c = data.cities.iter().find(|c| &c.id == id)?;
            match c.headcount() {
                Headcount::Known(n) => {
                    format!("{} — {n} {} ({})", c.name, s.people_accompanied, s.period)
                }
                Headcount::Withheld(w) => format!(
                    "{} — {} (art. {})",
                    c.name,
                    s.withheld_short,
                    w.articles.join(", ")
                ),
                Headcount::Missing => c.name.clone(),
            }
        }
        Target::Funding(id) => {
            let f = data.funding.iter().find(|f| &f.id == id)?;
            format!("{} — {}", f.organisation, lang.amount(f.amount_cad))
        }
        Target::Article(number) => {
            let a = data.article(number)?;
            let mut out = format!("{} {}", s.article, a.number);
            if let Some(t) = &a.text {
                out.push_str(&format!("\n{t}"));
            }
            if let Some(p) = &a.paraphrase {
                out.push_str(&format!("\n{}{}{p}", s.paraphrase, s.colon));
            }
            if let Some(h) = &a.history {
                out.push_str(&format!("\n{h}"));
            }
            out
        }
    };
    Some(text::block(&out).into_owned())
}

/// The entry in a format: plain, Markdown with the citation, or the JSON of the
/// dataset object.
pub fn render(data: &Dataset, target: &Target, lang: Lang, format: CopyFormat) -> Option<String> {
    let plain_text = plain(data, target, lang)?;
    Some(match format {
        CopyFormat::Plain => plain_text,
        CopyFormat::Markdown => {
            let quoted: Vec<String> = plain_text
                .lines()
                .map(|l| format!("> {}", text::markdown(l)))
                .collect();
            format!("{}\n>\n> {}", quoted.join("\n"), lang.strings().citation)
        }
        CopyFormat::Json => {
            let value = match target {
                Target::Region(code) => serde_json::to_value(data.region(code)?),
                Target::Organisation(id) => serde_json::to_value(data.organisation(id)?),
                Target::City(id) => serde_json::to_value(data.cities.iter().find(|c| &c.id == id)?),
                Target::Funding(id) => {
                    serde_json::to_value(data.funding.iter().find(|f| &f.id == id)?)
                }
                Target::Article(n) => serde_json::to_value(data.article(n)?),
            }
            .ok()?;
            text::json(&value).ok()?
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data() -> Dataset {
        crate::data::load(None).expect("embedded").dataset
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
                "Montréal — caviardé (art. 53, 54)",
            ),
            (
                Target::City("montreal".into()),
                Lang::En,
                "Montréal — withheld (art. 53, 54)",
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
                "> Source : MIFI, décision d'accès à l'information 18159, 6 février 2020."
            ),
            "{md}"
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
                !out.chars().any(|c| c != '\n' && text::is_unsafe(c)),
                "{format:?}: {out:?}"
            );
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
