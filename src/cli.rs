//! The command line: argument parsing and the scriptable subcommands (search,
//! lists, export, validate). With no subcommand the explorer opens.

mod export;
pub mod listing;
pub mod table;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::data::{self, DataError, Dataset, Loaded};
use crate::i18n::{DatasetCounts, Lang};
use crate::search::{Field, FieldMatch, Index, Kind, Query};
use listing::{Listing, resolve_region};
use table::{Format, Table, to_json};

#[derive(Debug, Parser)]
#[command(
    name = "pap-tui",
    version,
    about = "Explore MIFI's access-to-information decision 18159 on the Parcours d'accompagnement personnalisé",
    long_about = "Explore MIFI's access-to-information decision 18159 (6 February 2020) on the \
Parcours d'accompagnement personnalisé: 58 organisations by region, people accompanied per \
city (12 withheld under articles 53 and 54), funding, and the articles cited.\n\n\
With no subcommand, opens the full-screen explorer."
)]
pub struct Cli {
    /// Load this dataset file (same schema as assets/pap.json) instead of the embedded one.
    #[arg(long, global = true, value_name = "PATH")]
    pub data: Option<PathBuf>,
    /// Interface language [default: from LC_ALL, LC_MESSAGES or LANG: fr* → fr, else en]
    #[arg(long, global = true, value_enum)]
    pub lang: Option<Lang>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Text,
    Json,
    Csv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SearchFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Json,
    Csv,
    Markdown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    Region,
    Organisation,
    City,
    Funding,
    Article,
    /// The letter's passages and identity, shown as `letter` in text output.
    #[value(alias = "letter", alias = "lettre")]
    Document,
}

impl From<KindArg> for Kind {
    fn from(k: KindArg) -> Kind {
        match k {
            KindArg::Region => Kind::Region,
            KindArg::Organisation => Kind::Organisation,
            KindArg::City => Kind::City,
            KindArg::Funding => Kind::Funding,
            KindArg::Article => Kind::Article,
            KindArg::Document => Kind::Document,
        }
    }
}

#[derive(Debug, Clone, clap::Args)]
pub struct ListArgs {
    /// Only this region: a code (14) or a name, accents optional (lanaudiere).
    #[arg(long, value_name = "CODE|NAME")]
    pub region: Option<String>,
    #[arg(long, value_enum, default_value = "text")]
    pub format: ListFormat,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Fuzzy search across every entry (fzf syntax: 'exact ^prefix suffix$ !exclude).
    /// Exits 0 with hits, 1 with none, 2 on error.
    Search {
        /// Query terms, ANDed.
        #[arg(required = true)]
        query: Vec<String>,
        /// At most this many hits (1 or more).
        #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u64).range(1..))]
        limit: u64,
        /// Only entries of this kind.
        #[arg(long, value_enum)]
        kind: Option<KindArg>,
        #[arg(long, value_enum, default_value = "text")]
        format: SearchFormat,
    },
    /// The 17 administrative regions, with organisations and headcounts.
    #[command(visible_alias = "régions")]
    Regions(ListArgs),
    /// The 58 organisations of the annex.
    #[command(visible_aliases = ["organismes", "orgs"])]
    Organisations(ListArgs),
    /// People accompanied per city; withheld counts are marked, never 0.
    #[command(visible_alias = "villes")]
    Cities(ListArgs),
    /// The additional-funding table.
    #[command(visible_alias = "financement")]
    Funding(ListArgs),
    /// The articles of the access act the letter cites.
    Articles(ListArgs),
    /// The whole dataset; JSON export loads back with --data.
    Export {
        #[arg(long, value_enum, default_value = "json")]
        format: ExportFormat,
    },
    /// Check a dataset file and report every problem with its line and column.
    Validate {
        /// The dataset file to check.
        file: PathBuf,
    },
    /// Where the config and state files are (PAP_TUI_CONFIG_DIR and PAP_TUI_STATE_DIR
    /// override them).
    Paths,
    /// Check the config file, or print a commented example.
    Config {
        /// Print the commented default config.toml.
        #[arg(long)]
        print_default: bool,
    },
}

/// Writes to stdout; a closed pipe (`| head`) ends the program quietly.
fn emit(text: &str) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("pap-tui: cannot write the output: {e}");
            ExitCode::from(2)
        }
    }
}

/// Reports an error on stderr and returns exit status 2. The message is made
/// safe first: it may quote a hostile dataset (a name, an id, a JSON key).
pub fn fail(message: impl std::fmt::Display) -> ExitCode {
    eprintln!("pap-tui: {}", crate::text::block(&message.to_string()));
    ExitCode::from(2)
}

/// The interface language: `--lang`, else the locale.
pub fn language(cli: &Cli) -> Lang {
    cli.lang
        .unwrap_or_else(|| Lang::from_env(|k| std::env::var(k).ok()))
}

/// Loads the dataset named by `--data` (or the embedded one).
pub fn load(cli: &Cli) -> Result<Loaded, DataError> {
    data::load(cli.data.as_deref())
}

/// Runs `paths` and `config`, which read no dataset: a broken `--data` file must
/// not stop a user from finding or checking the settings. None for any other
/// command.
pub fn settings(command: &Command, lang: Lang) -> Option<ExitCode> {
    Some(match command {
        Command::Paths => {
            let paths = crate::config::Paths::from_env(|k| std::env::var(k).ok());
            let show = |p: Option<PathBuf>| {
                p.map_or("(no such directory on this system)".to_string(), |p| {
                    crate::text::line(&p.display().to_string()).into_owned()
                })
            };
            emit(&format!(
                "config  {}\nstate   {}\n",
                show(paths.config_file()),
                show(paths.state_file())
            ))
        }
        Command::Config {
            print_default: true,
        } => emit(crate::config::DEFAULT_TOML),
        Command::Config {
            print_default: false,
        } => {
            let paths = crate::config::Paths::from_env(|k| std::env::var(k).ok());
            let file = paths.config_file();
            let (config, mut warnings) = crate::config::load(file.as_deref());
            // The key overrides as the explorer applies them, so that every
            // problem it would report is listed here.
            let name = file.map_or_else(String::new, |p| p.display().to_string());
            let mut keymap = crate::app::keymap::bindings();
            warnings.extend(
                crate::app::keymap::apply_overrides(&mut keymap, &config.keys)
                    .into_iter()
                    .map(|problem| problem.message().in_file(&name)),
            );
            if warnings.is_empty() {
                let exists = std::path::Path::new(&name).is_file();
                emit(&format!(
                    "{}: {}\n",
                    crate::text::line(&name),
                    if exists {
                        "valid"
                    } else {
                        "not present; defaults in use (see --print-default)"
                    }
                ))
            } else {
                for w in &warnings {
                    eprintln!("pap-tui: {}", crate::text::line(&w.describe(lang)));
                }
                ExitCode::from(2)
            }
        }
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
        } => search(
            data,
            &query.join(" "),
            usize::try_from(*limit).unwrap_or(usize::MAX),
            kind.map(Kind::from),
            *format,
            lang,
        ),
        Command::Regions(args) => list(data, Listing::Regions, args, lang),
        Command::Organisations(args) => list(data, Listing::Organisations, args, lang),
        Command::Cities(args) => list(data, Listing::Cities, args, lang),
        Command::Funding(args) => list(data, Listing::Funding, args, lang),
        Command::Articles(args) => list(data, Listing::Articles, args, lang),
        Command::Export { format } => match format {
            ExportFormat::Json => match export::json(data) {
                Ok(json) => emit(&json),
                Err(e) => fail(e),
            },
            ExportFormat::Csv => emit(&export::csv(data)),
            ExportFormat::Markdown => emit(&export::markdown(data, lang)),
        },
        Command::Paths | Command::Config { .. } => {
            settings(command, lang).unwrap_or(ExitCode::SUCCESS)
        }
        Command::Validate { file } => {
            let s = lang.strings();
            emit(&format!(
                "{}{}{}{}{}\n",
                crate::text::line(&file.display().to_string()),
                s.colon,
                s.dataset_ok,
                s.colon,
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
        return fail("articles apply to every region; run `pap-tui articles` without --region");
    }
    let region = match &args.region {
        Some(q) => match resolve_region(data, q) {
            Ok(r) => Some(r.code.as_str()),
            Err(e) => return fail(e),
        },
        None => None,
    };
    if listing == Listing::Funding && region.is_some() {
        // A row whose organisation is not in the annex has no region: it cannot
        // be listed under one, and a total without it must not pass for complete.
        let unplaced: Vec<String> = listing::unplaced_funding(data)
            .map(|f| crate::text::line(&f.organisation).into_owned())
            .collect();
        if !unplaced.is_empty() {
            eprintln!("{}", lang.funding_left_out(&unplaced));
        }
    }
    match args.format {
        ListFormat::Json => match to_json(&listing::json_value(data, listing, region)) {
            Ok(json) => emit(&json),
            Err(e) => fail(e),
        },
        ListFormat::Csv => emit(&listing::table(data, listing, region, lang, Format::Csv).to_csv()),
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

fn search(
    data: &Dataset,
    input: &str,
    limit: usize,
    kind: Option<Kind>,
    format: SearchFormat,
    lang: Lang,
) -> ExitCode {
    let query = Query::parse(input);
    if query.is_empty() {
        return fail(
            "the query has no search term; give at least one (e.g. `pap-tui search laval`)",
        );
    }
    let index = Index::build(data);
    // Only the hits printed are ranked.
    let hits = index.search_top(&query, limit, |e| kind.is_none_or(|k| e.kind == k));
    let s = lang.strings();
    let text = match format {
        SearchFormat::Json => {
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
                Err(e) => return fail(e),
            }
        }
        SearchFormat::Text => {
            let mut t = Table::new(&[s.col_kind, s.col_id, s.col_label]);
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
    let found = !hits.is_empty();
    // The process ends next: freeing every label one by one would take longer
    // than the search on a large dataset.
    std::mem::forget(index);
    if !found {
        if format == SearchFormat::Text {
            eprintln!("pap-tui: {}", s.no_hits);
        }
        return ExitCode::from(1);
    }
    code
}

/// The one-screen summary printed when the explorer cannot open.
pub fn summary(loaded: &Loaded, lang: Lang) -> String {
    let data = &loaded.dataset;
    let s = lang.strings();
    let d = &data.document;
    let totals = data.headcount_totals();
    let with_orgs = data
        .regions
        .iter()
        .filter(|r| data.organisations_in(&r.code).next().is_some())
        .count();
    crate::text::block(&format!(
        "{} · {} {} · {} — {}\n{}\n\n{} organisations, {} / {} regions\n{} cities: {} {} {}, {} {}\n{}: {}\n",
        d.ministry_acronym,
        d.reference,
        d.date,
        d.programme,
        loaded.origin,
        d.ministry,
        data.organisations.len(),
        with_orgs,
        data.regions.len(),
        data.cities.len(),
        totals.known,
        s.people_accompanied,
        s.known,
        totals.withheld,
        s.withheld_short,
        s.col_amount,
        lang.amount(data.funding.iter().map(|f| f.amount_cad).sum()),
    ))
    .into_owned()
}
