//! The command line's grammar: the program's options and its subcommands, each
//! with only the options that mean something to it. Their help is worded in
//! `i18n` and put in by `help`.

use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};

use crate::i18n::{Message, Text};
use crate::search::Kind;

#[derive(Debug, Parser)]
#[command(
    name = "pap-tui",
    version,
    propagate_version = true,
    subcommand_value_name = "COMMAND"
)]
pub struct Cli {
    // For the explorer, or the subcommand that follows when it reads data.
    #[arg(long, value_name = "PATH")]
    pub data: Option<PathBuf>,
    // For the explorer: the `--data` file's index neither read from nor
    // written to the cache.
    #[arg(long)]
    pub no_cache: bool,
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    pub lang: Option<crate::i18n::Lang>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Text,
    Json,
    Csv,
    Markdown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SearchFormat {
    Text,
    Json,
    Markdown,
}

/// How `cite` prints an entry (and `starred` the starred ones): as `y`
/// copies it, as Markdown, or as JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CiteFormat {
    Text,
    Markdown,
    Json,
}

/// The kinds of entry `cite` can cite.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CiteKind {
    Region,
    Organisation,
    City,
    Funding,
    Article,
}

/// How `validate --sources` prints its report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ValidateFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Json,
    Csv,
    Markdown,
    Sqlite,
    Geojson,
}

/// What `search --kind` accepts: the kinds as text output names them, and the
/// names the JSON output and French readers use for the letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    Region,
    Organisation,
    City,
    Funding,
    Article,
    #[value(name = "letter", alias = "document", alias = "lettre")]
    Letter,
}

impl From<KindArg> for Kind {
    fn from(k: KindArg) -> Kind {
        match k {
            KindArg::Region => Kind::Region,
            KindArg::Organisation => Kind::Organisation,
            KindArg::City => Kind::City,
            KindArg::Funding => Kind::Funding,
            KindArg::Article => Kind::Article,
            KindArg::Letter => Kind::Document,
        }
    }
}

/// `--data` on a subcommand that reads the dataset.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct DataArg {
    #[arg(id = "data", long = "data", value_name = "PATH")]
    pub path: Option<PathBuf>,
}

#[derive(Debug, Clone, clap::Args)]
pub struct ListArgs {
    #[arg(long, value_name = "CODE|NAME")]
    pub region: Option<String>,
    #[arg(long, value_enum, default_value = "text", value_name = "FORMAT")]
    pub format: ListFormat,
    #[command(flatten)]
    pub data: DataArg,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Search {
        #[arg(required = true, value_name = "QUERY")]
        query: Vec<String>,
        #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u64).range(1..), value_name = "LIMIT")]
        limit: u64,
        #[arg(long, value_enum, value_name = "KIND")]
        kind: Option<KindArg>,
        #[arg(long, value_enum, default_value = "text", value_name = "FORMAT")]
        format: SearchFormat,
        #[arg(long)]
        no_cache: bool,
        #[arg(short, long)]
        verbose: bool,
        #[command(flatten)]
        data: DataArg,
    },
    #[command(visible_alias = "citer")]
    Cite {
        #[arg(value_name = "ID")]
        id: String,
        #[arg(long, value_enum, value_name = "KIND")]
        kind: Option<CiteKind>,
        #[arg(long, value_enum, default_value = "text", value_name = "FORMAT")]
        format: CiteFormat,
        #[command(flatten)]
        data: DataArg,
    },
    #[command(visible_alias = "étoilées")]
    Starred {
        #[arg(long, value_enum, default_value = "text", value_name = "FORMAT")]
        format: CiteFormat,
        #[command(flatten)]
        data: DataArg,
    },
    #[command(visible_alias = "régions")]
    Regions(ListArgs),
    #[command(visible_aliases = ["organismes", "orgs"])]
    Organisations(ListArgs),
    #[command(visible_alias = "villes")]
    Cities(ListArgs),
    #[command(visible_alias = "financement")]
    Funding(ListArgs),
    Articles(ListArgs),
    Export {
        #[arg(long, value_enum, default_value = "json", value_name = "FORMAT")]
        format: ExportFormat,
        #[arg(long, short = 'o', value_name = "OUTPUT")]
        output: Option<PathBuf>,
        #[arg(long, value_name = "METADATA")]
        metadata: Option<PathBuf>,
        #[arg(long)]
        force: bool,
        #[command(flatten)]
        data: DataArg,
    },
    Validate {
        /// The dataset file; the embedded dataset when absent (with --sources).
        #[arg(value_name = "FILE", required_unless_present = "sources")]
        file: Option<PathBuf>,
        #[arg(long)]
        sources: bool,
        #[arg(long, value_name = "OCR", requires = "sources")]
        ocr: Option<PathBuf>,
        #[arg(
            long,
            value_enum,
            default_value = "text",
            value_name = "FORMAT",
            requires = "sources"
        )]
        format: ValidateFormat,
    },
    Paths,
    Config {
        #[arg(long)]
        print_default: bool,
    },
    Completions {
        #[arg(value_enum, value_name = "SHELL")]
        shell: clap_complete::Shell,
    },
    Man,
}

impl Command {
    /// The subcommand's name, as a user types it in English.
    pub(crate) fn name(&self) -> &'static str {
        match self {
            Command::Search { .. } => "search",
            Command::Cite { .. } => "cite",
            Command::Starred { .. } => "starred",
            Command::Regions(_) => "regions",
            Command::Organisations(_) => "organisations",
            Command::Cities(_) => "cities",
            Command::Funding(_) => "funding",
            Command::Articles(_) => "articles",
            Command::Export { .. } => "export",
            Command::Validate { .. } => "validate",
            Command::Paths => "paths",
            Command::Config { .. } => "config",
            Command::Completions { .. } => "completions",
            Command::Man => "man",
        }
    }

    /// The subcommand's own `--data`, for those that read the dataset; None
    /// for those that read none.
    fn data_arg(&self) -> Option<&DataArg> {
        match self {
            Command::Search { data, .. }
            | Command::Cite { data, .. }
            | Command::Starred { data, .. }
            | Command::Export { data, .. } => Some(data),
            Command::Regions(a)
            | Command::Organisations(a)
            | Command::Cities(a)
            | Command::Funding(a)
            | Command::Articles(a) => Some(&a.data),
            Command::Validate { .. }
            | Command::Paths
            | Command::Config { .. }
            | Command::Completions { .. }
            | Command::Man => None,
        }
    }
}

impl Cli {
    /// The dataset file to load, None for the embedded one: `--data` before
    /// the subcommand or after it, once, and only where a dataset is read.
    pub(crate) fn dataset(&self) -> Result<Option<&Path>, Message> {
        let before = self.data.as_deref();
        let Some(command) = &self.command else {
            return Ok(before);
        };
        match (command.data_arg(), before) {
            (Some(own), None) => Ok(own.path.as_deref()),
            (Some(DataArg { path: None }), Some(path)) => Ok(Some(path)),
            (Some(_), Some(_)) => {
                Err(Message::new(Text::DataTwice).with("command", command.name()))
            }
            (None, None) => Ok(None),
            (None, Some(_)) if matches!(command, Command::Validate { .. }) => {
                Err(Message::new(Text::DataForValidate))
            }
            (None, Some(_)) => {
                Err(Message::new(Text::DataNotApplicable).with("command", command.name()))
            }
        }
    }
}
