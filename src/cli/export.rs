//! `pap-tui export`: the whole dataset as JSON (the schema of `assets/pap.json`),
//! one flat CSV, a Markdown document with its citation, or an SQLite database
//! (with Datasette's metadata), to standard output or a new file.

use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

use crate::data::Dataset;
use crate::i18n::{Label, Lang, Message, Text};

use super::ExportFormat;
use super::listing::{Listing, count_cell, markdown_format, table, withheld_cell, withheld_flag};
use super::output::{self, cannot_write, refuse_existing};
use super::text_table::{Table, to_json};

/// What `export` was asked for.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Request<'a> {
    pub format: ExportFormat,
    pub output: Option<&'a Path>,
    pub metadata: Option<&'a Path>,
    pub force: bool,
}

/// Runs `export`: checks every file it would write before writing any.
pub fn run(data: &Dataset, request: &Request, lang: Lang) -> ExitCode {
    match export(data, request, lang) {
        Ok(code) => code,
        Err(message) => super::fail(lang, message.describe(lang)),
    }
}

fn export(data: &Dataset, request: &Request, lang: Lang) -> Result<ExitCode, Message> {
    if request.metadata.is_some() && request.format != ExportFormat::Sqlite {
        return Err(Message::new(Text::ExportMetadataNeedsSqlite));
    }
    let files = [request.output, request.metadata];
    if let Some(refusal) = files
        .into_iter()
        .flatten()
        .find_map(|path| refuse_existing(path, request.force))
    {
        return Err(refusal);
    }
    let code = match request.format {
        ExportFormat::Sqlite => sqlite(data, request)?,
        ExportFormat::Json => match json(data) {
            Ok(json) => text(&json, request)?,
            Err(e) => return Ok(super::fail(lang, e)),
        },
        ExportFormat::Csv => text(&csv(data), request)?,
        ExportFormat::Markdown => text(&markdown(data, lang), request)?,
        ExportFormat::Geojson => match to_json(&super::geojson::geojson(data)?) {
            Ok(json) => text(&json, request)?,
            Err(e) => return Ok(super::fail(lang, e)),
        },
    };
    if let Some(path) = request.metadata {
        // Datasette names a database after its file, without `.db`.
        let database = request
            .output
            .and_then(|p| p.file_stem())
            .map_or_else(|| "pap".to_string(), |s| s.to_string_lossy().into_owned());
        if request.output.is_none() {
            // The file standard output goes to has no name here: say which
            // name the tables' descriptions are for (the rest applies to any).
            let note = Message::new(Text::ExportMetadataDatabase).with("database", &database);
            eprintln!("pap-tui: {}", note.describe(lang));
        }
        let meta = super::datasette::metadata(data, &database);
        match to_json(&meta) {
            Ok(json) => output::write_new(path, json.as_bytes(), request.force)?,
            Err(e) => return Ok(super::fail(lang, e)),
        }
    }
    Ok(code)
}

fn text(content: &str, request: &Request) -> Result<ExitCode, Message> {
    match request.output {
        Some(path) => {
            output::write_new(path, content.as_bytes(), request.force).map(|()| ExitCode::SUCCESS)
        }
        None => Ok(super::emit(content)),
    }
}

/// The database is built in a temporary file: beside `--output`, then renamed
/// into place; or copied to standard output, which must not be a terminal.
fn sqlite(data: &Dataset, request: &Request) -> Result<ExitCode, Message> {
    match request.output {
        Some(path) => {
            let file = output::temporary_beside(path)?;
            super::sqlite::write(data, file.path()).map_err(sqlite_error)?;
            output::persist(file, path, request.force)?;
            Ok(ExitCode::SUCCESS)
        }
        None if std::io::stdout().is_terminal() => Err(Message::new(Text::ExportBinaryToTerminal)),
        None => {
            let dir = tempfile::tempdir().map_err(|e| cannot_write(Path::new("."), &e))?;
            let path = dir.path().join("pap.db");
            super::sqlite::write(data, &path).map_err(sqlite_error)?;
            let bytes = std::fs::read(&path).map_err(|e| cannot_write(&path, &e))?;
            Ok(super::emit_bytes(&bytes))
        }
    }
}

fn sqlite_error(error: impl std::fmt::Display) -> Message {
    Message::new(Text::ExportSqlite).with("error", error)
}

pub(crate) fn json(data: &Dataset) -> serde_json::Result<String> {
    to_json(data)
}

/// Every entry on one row, with a `kind` column; empty cells where a column does
/// not apply. A withheld count is an empty `count`, `withheld` true and its
/// articles in `withheld_articles` (the data dictionary's names);
/// a funding row names its annex organisation in `organisation_id`.
pub(crate) fn csv(data: &Dataset) -> String {
    let mut t = Table::new(&[
        "kind",
        "id",
        "name",
        "acronym",
        "regions",
        "count",
        "withheld",
        "withheld_articles",
        "amount_cad",
        "organisation_id",
        "text",
    ]);
    let row = |cells: [&str; 11]| cells.iter().map(|c| c.to_string()).collect::<Vec<_>>();
    for r in &data.regions {
        t.push(row([
            "region", &r.code, &r.name, "", &r.code, "", "", "", "", "", "",
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
            "",
            note,
        ]));
    }
    for c in &data.cities {
        let (count, flag, articles) = (count_cell(c), withheld_flag(c), withheld_cell(c));
        t.push(row([
            "city", &c.id, &c.name, "", &c.region, &count, &flag, &articles, "", "", "",
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
            "article", &a.number, &name, "", "", "", "", "", "", "", text,
        ]));
    }
    t.to_csv()
}

/// A Markdown document: the letter's identity, each table, the articles, and
/// the citation to quote.
pub fn markdown(data: &Dataset, lang: Lang) -> String {
    let d = &data.document;
    let line = crate::base::escape::markdown_line;
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
        (lang.word(Label::KindRegion), Listing::Regions),
        (lang.word(Label::KindOrganisation), Listing::Organisations),
        (lang.word(Label::KindCity), Listing::Cities),
        (lang.word(Label::KindFunding), Listing::Funding),
    ];
    for (kind, listing) in sections {
        out.push_str(&format!("## {}\n\n", capitalised(kind)));
        out.push_str(&table(data, listing, None, lang, markdown_format(listing)).to_markdown());
        out.push('\n');
    }
    out.push_str(&format!(
        "## {}\n\n",
        capitalised(lang.word(Label::KindArticle))
    ));
    out.push_str(&super::listing::articles_markdown(data, lang));
    // The loaded letter's decision, as the explorer's copies cite it.
    let decision = crate::present::citation::Citation::decision(data).decision_text(lang);
    out.push_str(&format!("---\n\n{}.\n", line(&decision)));
    out
}

/// `région` → `Région`, for section titles made from the kind names.
fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}
