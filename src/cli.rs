//! The command line: argument parsing and the scriptable subcommands (search,
//! lists, export, validate, settings, completions and the man page). With no
//! subcommand the explorer opens.

mod args;
mod cached;
mod cite;
mod clap_help;
mod datasette;
mod export;
mod generate;
mod geojson;
pub(crate) mod listing;
mod output;
mod settings;
mod sources_report;
mod sqlite;
mod starred;
pub mod text_table;

use std::io::Write;
use std::process::ExitCode;

use crate::data::{self, DataError, Dataset, Loaded};
use crate::i18n::{DatasetCounts, Label, Lang, Message, Text};
use crate::search::{Field, FieldMatch, Index, Kind, Query};
pub use args::{
    CiteFormat, CiteKind, Cli, Command, DataArg, ExportFormat, KindArg, ListArgs, ListFormat,
    SearchFormat, ValidateFormat,
};
pub use cached::search_cached;
pub use clap_help::{command, error_text, help_language, parse, refuse};
use listing::{Listing, resolve_region};
use text_table::{Format, Table, to_json};

/// Writes to stdout; a closed pipe (`| head`) ends the program quietly.
fn emit(text: &str) -> ExitCode {
    emit_bytes(text.as_bytes())
}

fn emit_bytes(bytes: &[u8]) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|_| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("pap-tui: cannot write the output: {e}");
            ExitCode::from(2)
        }
    }
}

/// Reports an error on stderr after the program's name, with the colon of
/// `lang`, and returns exit status 2. The message is made safe first: it may
/// quote a hostile dataset (a name, an id, a JSON key).
pub fn fail(lang: Lang, message: impl std::fmt::Display) -> ExitCode {
    let colon = lang.word(Label::Colon);
    eprintln!(
        "pap-tui{colon}{}",
        crate::base::escape::block(&message.to_string())
    );
    ExitCode::from(2)
}

/// Reports a dataset that did not load, in `lang`; exit status 2.
pub fn fail_to_load(error: &DataError, lang: Lang) -> ExitCode {
    fail(lang, error.describe(lang))
}

/// The interface language: `--lang`, else the locale.
pub fn language(cli: &Cli) -> Lang {
    cli.lang
        .unwrap_or_else(|| Lang::from_env(|k| std::env::var(k).ok()))
}

/// Loads the dataset to work on: the file `validate` checks, the one `--data`
/// names, or the embedded one. `parse` has refused a `--data` given twice or
/// where no dataset is read.
pub fn load(cli: &Cli) -> Result<Loaded, DataError> {
    match &cli.command {
        Some(Command::Validate { file, .. }) => data::load(file.as_deref()),
        _ => data::load(cli.dataset().ok().flatten()),
    }
}

/// Runs the subcommands that read no dataset (`paths`, `config`,
/// `completions`, `man`): a broken `--data` file must not stop a user from
/// finding or checking the settings. None for any other command.
pub fn settings(command: &Command, lang: Lang) -> Option<ExitCode> {
    Some(match command {
        Command::Paths => emit(&settings::paths(lang)),
        Command::Config {
            print_default: true,
        } => emit(crate::store::config::DEFAULT_TOML),
        Command::Config {
            print_default: false,
        } => settings::check_config(lang),
        Command::Completions { shell } => emit_bytes(&generate::completions(*shell, lang)),
        Command::Man => match generate::man(lang) {
            Ok(roff) => emit_bytes(&roff),
            Err(e) => fail(lang, e),
        },
        _ => return None,
    })
}

/// Runs a subcommand on loaded data and returns the process exit code.
pub fn run(command: &Command, data: &Dataset, lang: Lang) -> ExitCode {
    match command {
        Command::Search {
            query,
            limit,
            kind,
            format,
            ..
        } => {
            let index = Index::build(data);
            let code = search(
                &index,
                &query.join(" "),
                usize::try_from(*limit).unwrap_or(usize::MAX),
                kind.map(Kind::from),
                HitsOutput::new(*format, data),
                lang,
            );
            // The process ends next: freeing every label one by one would take
            // longer than the search on a large dataset.
            std::mem::forget(index);
            code
        }
        Command::Cite {
            id, kind, format, ..
        } => match cite::cite(data, id, *kind, *format, lang) {
            Ok(text) => emit(&text),
            Err(message) => fail(lang, message.describe(lang)),
        },
        Command::Starred { format, .. } => starred::run(data, *format, lang),
        Command::Regions(args) => list(data, Listing::Regions, args, lang),
        Command::Organisations(args) => list(data, Listing::Organisations, args, lang),
        Command::Cities(args) => list(data, Listing::Cities, args, lang),
        Command::Funding(args) => list(data, Listing::Funding, args, lang),
        Command::Articles(args) => list(data, Listing::Articles, args, lang),
        Command::Export {
            format,
            output,
            metadata,
            force,
            ..
        } => export::run(
            data,
            &export::Request {
                format: *format,
                output: output.as_deref(),
                metadata: metadata.as_deref(),
                force: *force,
            },
            lang,
        ),
        Command::Paths | Command::Config { .. } | Command::Completions { .. } | Command::Man => {
            settings(command, lang).unwrap_or(ExitCode::SUCCESS)
        }
        Command::Validate {
            sources: true,
            ocr,
            format,
            ..
        } => sources_report::run(data, ocr.as_deref(), *format, lang),
        Command::Validate { file, .. } => {
            let origin = file
                .clone()
                .map_or(data::Origin::Embedded, data::Origin::File);
            emit(&format!(
                "{}{}{}{}{}\n",
                crate::base::escape::line(&origin.to_string()),
                lang.word(Label::Colon),
                lang.word(Label::DatasetOk),
                lang.word(Label::Colon),
                lang.dataset_counts(dataset_counts(data)),
            ))
        }
    }
}

/// A dataset's size, as `validate` reports it once the dataset has loaded.
fn dataset_counts(data: &Dataset) -> DatasetCounts {
    DatasetCounts {
        regions: data.regions.len(),
        organisations: data.organisations.len(),
        cities: data.cities.len(),
        withheld: data.headcount_totals().withheld,
        funding: data.funding.len(),
        articles: data.articles.len(),
    }
}

fn list(data: &Dataset, listing: Listing, args: &ListArgs, lang: Lang) -> ExitCode {
    if listing == Listing::Articles && args.region.is_some() {
        // Said rather than ignored: the same list for every region would mislead.
        return fail(lang, Message::new(Text::ArticlesNoRegion).describe(lang));
    }
    let region = match &args.region {
        Some(q) => match resolve_region(data, q) {
            Ok(r) => Some(r.code.as_str()),
            Err(e) => return fail(lang, e),
        },
        None => None,
    };
    if listing == Listing::Funding && region.is_some() {
        // A row whose organisation is not in the annex has no region: it cannot
        // be listed under one, and a total without it must not pass for complete.
        let unplaced: Vec<String> = listing::unplaced_funding(data)
            .map(|f| crate::base::escape::line(&f.organisation).into_owned())
            .collect();
        if !unplaced.is_empty() {
            eprintln!("{}", lang.funding_left_out(&unplaced));
        }
    }
    match args.format {
        ListFormat::Json => match to_json(&listing::json_value(data, listing, region)) {
            Ok(json) => emit(&json),
            Err(e) => fail(lang, e),
        },
        ListFormat::Csv => emit(&listing::table(data, listing, region, lang, Format::Csv).to_csv()),
        ListFormat::Markdown => emit(&listing::markdown(data, listing, region, lang)),
        ListFormat::Text if listing == Listing::Articles => {
            emit(&listing::articles_text(data, lang))
        }
        ListFormat::Text => {
            emit(&listing::table(data, listing, region, lang, Format::Text).to_text())
        }
    }
}

/// One search hit as printed in JSON: the entry, its score, and why it
/// matched: the field a positive term matched (`field`, its text `matched`,
/// the character ranges of it in `ranges`), the name first when a term matched
/// it, and any other fields other terms matched (`also`). A query of
/// exclusions only matches nothing it could show: `field` and `matched` are
/// then null and `ranges` empty.
#[derive(Debug, serde::Serialize)]
struct JsonHit<'a> {
    kind: &'static str,
    id: &'a str,
    label: &'a str,
    score: i64,
    field: Option<&'static str>,
    matched: Option<&'a str>,
    ranges: Vec<[usize; 2]>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    also: Vec<JsonMatch<'a>>,
}

/// A field that a term matched, as printed in JSON.
#[derive(Debug, serde::Serialize)]
struct JsonMatch<'a> {
    field: &'static str,
    matched: &'a str,
    ranges: Vec<[usize; 2]>,
}

impl<'a> JsonMatch<'a> {
    fn new(m: FieldMatch<'a>) -> JsonMatch<'a> {
        JsonMatch {
            field: m.field.as_str(),
            matched: m.text,
            ranges: m.ranges.into_iter().map(|(a, b)| [a, b]).collect(),
        }
    }
}

/// How much of a field other than the name the text output shows, in columns.
const MATCHED_WIDTH: usize = 48;

/// How `search` prints its hits. Markdown cites each hit's OCR lines, which
/// only the dataset holds, not its index.
#[derive(Clone, Copy)]
enum HitsOutput<'a> {
    Text,
    Json,
    Markdown(&'a Dataset),
}

impl<'a> HitsOutput<'a> {
    fn new(format: SearchFormat, data: &'a Dataset) -> HitsOutput<'a> {
        HitsOutput::from_index(format).unwrap_or(HitsOutput::Markdown(data))
    }

    /// The output of `format` when only the index is at hand: None for
    /// Markdown, which needs the dataset.
    fn from_index(format: SearchFormat) -> Option<HitsOutput<'static>> {
        match format {
            SearchFormat::Text => Some(HitsOutput::Text),
            SearchFormat::Json => Some(HitsOutput::Json),
            SearchFormat::Markdown => None,
        }
    }
}

fn search(
    index: &Index,
    input: &str,
    limit: usize,
    kind: Option<Kind>,
    format: HitsOutput,
    lang: Lang,
) -> ExitCode {
    let query = Query::parse(input);
    if query.is_empty() {
        return fail(lang, Message::new(Text::SearchNoTerm).describe(lang));
    }
    // Only the hits printed are ranked.
    let hits = index.search_top(&query, limit, |e| kind.is_none_or(|k| e.kind == k));
    let text = match format {
        HitsOutput::Markdown(data) => {
            let entries: Vec<_> = hits.iter().map(|h| index.entry(h.entry)).collect();
            if entries.is_empty() {
                String::new()
            } else {
                format!(
                    "{}\n",
                    crate::present::copy::hits_markdown(data, input, &entries, lang)
                )
            }
        }
        HitsOutput::Json => {
            let rows: Vec<JsonHit> = hits
                .iter()
                .map(|h| {
                    let e = index.entry(h.entry);
                    let mut matched = index
                        .matched(h.entry, &query)
                        .into_iter()
                        .map(JsonMatch::new);
                    let first = matched.next();
                    JsonHit {
                        kind: e.kind.as_str(),
                        id: &e.id,
                        label: &e.label,
                        score: h.score,
                        field: first.as_ref().map(|m| m.field),
                        matched: first.as_ref().map(|m| m.matched),
                        ranges: first.map_or_else(Vec::new, |m| m.ranges),
                        also: matched.collect(),
                    }
                })
                .collect();
            match to_json(&rows) {
                Ok(json) => json,
                Err(e) => return fail(lang, e),
            }
        }
        HitsOutput::Text => {
            let mut t = Table::new(&[
                lang.word(Label::ColKind),
                lang.word(Label::ColId),
                lang.word(Label::ColLabel),
            ]);
            for h in &hits {
                let e = index.entry(h.entry);
                // The name, then what else matched, as the explorer's hits show it.
                let mut entry = e.label.clone();
                for m in index.matched(h.entry, &query) {
                    if m.field != Field::Name {
                        entry.push_str(" · ");
                        entry.push_str(&m.window(MATCHED_WIDTH).0);
                    }
                }
                t.push(vec![e.kind.name(lang).to_string(), e.id.clone(), entry]);
            }
            if hits.is_empty() {
                String::new()
            } else {
                t.to_text()
            }
        }
    };
    let code = emit(&text);
    if hits.is_empty() {
        if !matches!(format, HitsOutput::Json) {
            eprintln!(
                "pap-tui{}{}",
                lang.word(Label::Colon),
                lang.word(Label::NoHits)
            );
        }
        return ExitCode::from(1);
    }
    code
}
