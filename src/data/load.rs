//! Loads a dataset from the embedded asset or a file, and reports every failure
//! with the file, the line and the column.

use std::fmt;
use std::path::{Path, PathBuf};

use super::limits::{self, MAX_FILE_BYTES, MAX_TEXT_BYTES};
use super::locate::{self, Locator, line_column, line_columns};
use super::model::Dataset;
use super::validate::{Problem, validate};
use crate::base::files::FileKind;
use crate::i18n::{DataText, Label, Lang, Message, Noun};

/// The dataset compiled into the binary.
pub const EMBEDDED_JSON: &str = include_str!("../../assets/pap.json");

/// The corrected letter that goes with the embedded dataset.
pub const EMBEDDED_LETTER: &str = include_str!("../../assets/letter.txt");

/// Where the loaded data came from, shown in the header and in error messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Embedded,
    File(PathBuf),
}

impl Origin {
    /// True for a dataset read from standard input (`--data -`).
    pub(crate) fn is_stdin(&self) -> bool {
        matches!(self, Origin::File(path) if path == Path::new(STDIN))
    }
}

impl Origin {
    /// The origin as `lang` names it: the embedded dataset's name is worded.
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            Origin::Embedded => Message::new(DataText::Embedded).describe(lang),
            Origin::File(_) => self.to_string(),
        }
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Embedded => f.write_str(&self.describe(Lang::En)),
            Origin::File(_) if self.is_stdin() => f.write_str("<stdin>"),
            Origin::File(path) => write!(f, "{}", path.display()),
        }
    }
}

/// A problem placed at a line and column of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocatedProblem {
    pub line: usize,
    pub column: usize,
    pub message: Message,
}

/// Why a dataset did not load. [`DataError::describe`] words it in the
/// interface language; `Display` is the English.
#[derive(Debug)]
pub enum DataError {
    Read {
        origin: Origin,
        source: std::io::Error,
    },
    NotRegular {
        origin: Origin,
        kind: FileKind,
    },
    TooLarge {
        origin: Origin,
        limit: u64,
    },
    NotUtf8 {
        origin: Origin,
        line: usize,
        column: usize,
    },
    /// The JSON did not parse; `message` is serde_json's, in its English,
    /// worded again in the interface language by `describe`.
    Json {
        origin: Origin,
        line: usize,
        column: usize,
        message: String,
    },
    /// The first [`MAX_LISTED`] problems, placed, and how many more there are.
    Invalid {
        origin: Origin,
        problems: Vec<LocatedProblem>,
        more: usize,
    },
}

/// How many problems an invalid dataset's report lists; the rest are counted.
/// A file with 100 000 problems is not fixed by reading each of them.
pub const MAX_LISTED: usize = 100;

impl DataError {
    /// The error in `lang`: the file (with the line and column where there is
    /// one) first, then what is wrong and what to do.
    pub fn describe(&self, lang: Lang) -> String {
        let at = |origin: &Origin, line: usize, column: usize| {
            format!("{}:{line}:{column}", origin.describe(lang))
        };
        let message = match self {
            DataError::Read { origin, source } => Message::new(DataText::Unreadable)
                .with("error", io_error(source, lang))
                .in_file(origin.describe(lang)),
            DataError::NotRegular { origin, kind } => Message::new(DataText::NotRegular)
                .with("kind", Message::new(kind_text(*kind)).describe(lang))
                .in_file(origin.describe(lang)),
            DataError::TooLarge { origin, limit } => Message::new(DataText::TooLarge)
                .with("limit", limit)
                .with("mib", limit >> 20)
                .in_file(origin.describe(lang)),
            DataError::NotUtf8 {
                origin,
                line,
                column,
            } => Message::new(DataText::NotUtf8).in_file(at(origin, *line, *column)),
            DataError::Json {
                origin,
                line,
                column,
                message,
            } => {
                return format!(
                    "{}{}{}",
                    at(origin, *line, *column),
                    lang.word(Label::Colon),
                    super::serde_words::describe(message, lang)
                );
            }
            DataError::Invalid {
                origin,
                problems,
                more,
            } => return invalid_report(origin, problems, *more, lang),
        };
        message.describe(lang)
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

impl std::error::Error for DataError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            DataError::Read { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// Why a file could not be read: the system's words, but for the two
/// reasons a user meets most, which are worded in `lang`.
fn io_error(error: &std::io::Error, lang: Lang) -> String {
    let text = match error.kind() {
        std::io::ErrorKind::NotFound => DataText::NoSuchFile,
        std::io::ErrorKind::PermissionDenied => DataText::PermissionDenied,
        _ => return error.to_string(),
    };
    Message::new(text).describe(lang)
}

fn kind_text(kind: FileKind) -> DataText {
    match kind {
        FileKind::Directory => DataText::KindDirectory,
        FileKind::Fifo => DataText::KindFifo,
        FileKind::CharDevice => DataText::KindCharDevice,
        FileKind::BlockDevice => DataText::KindBlockDevice,
        FileKind::Socket => DataText::KindSocket,
        FileKind::Special => DataText::KindSpecial,
    }
}

fn invalid_report(origin: &Origin, problems: &[LocatedProblem], more: usize, lang: Lang) -> String {
    let name = origin.describe(lang);
    let mut lines: Vec<String> = problems
        .iter()
        .map(|p| {
            p.message
                .clone()
                .in_file(format!("{name}:{}:{}", p.line, p.column))
                .describe(lang)
        })
        .collect();
    if more > 0 {
        lines.push(
            Message::new(DataText::MoreProblems)
                .with("more", more)
                .describe(lang),
        );
    }
    let count = problems.len() + more;
    lines.push(
        Message::new(DataText::Problems)
            .with("count", count)
            .with("problems", lang.count(count as u64, Noun::Problem))
            .describe(lang),
    );
    lines.join("\n")
}

/// A dataset that parsed and validated, with where it came from.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub dataset: Dataset,
    pub origin: Origin,
}

/// Loads the embedded dataset, or the file at `path` when one is given.
pub fn load(path: Option<&Path>) -> Result<Loaded, DataError> {
    match path {
        None => parse(EMBEDDED_JSON, Origin::Embedded),
        Some(path) => {
            let origin = Origin::File(path.to_path_buf());
            let bytes = read(path)?;
            parse_bytes(&bytes, origin)
        }
    }
}

/// The path that names standard input, as in most command-line tools.
pub(crate) const STDIN: &str = "-";

/// The bytes of a dataset file, within the size limit; standard input for
/// `-` (a file of that name is `./-`).
pub fn read(path: &Path) -> Result<Vec<u8>, DataError> {
    let origin = || Origin::File(path.to_path_buf());
    let bytes = if path == Path::new(STDIN) {
        crate::base::files::read_stream_limited(std::io::stdin().lock(), MAX_FILE_BYTES)
    } else {
        crate::base::files::read_limited(path, MAX_FILE_BYTES)
    };
    bytes.map_err(|e| match e {
        crate::base::files::ReadError::Io(source) => DataError::Read {
            origin: origin(),
            source,
        },
        crate::base::files::ReadError::NotRegular(kind) => DataError::NotRegular {
            origin: origin(),
            kind,
        },
        crate::base::files::ReadError::TooLarge { limit } => DataError::TooLarge {
            origin: origin(),
            limit,
        },
    })
}

/// Parses and validates the bytes of a dataset file: what [`parse`] does, in
/// less time for a file that loads (a large file is parsed on two cores). Any
/// doubt (bytes that are not UTF-8, a JSON error, a long text, a problem) goes
/// through [`parse`], so that a file that does not load gets the same
/// messages either way.
pub fn parse_bytes(bytes: &[u8], origin: Origin) -> Result<Loaded, DataError> {
    if let Some(dataset) = quick(bytes)
        && validate(&dataset).is_empty()
    {
        return Ok(Loaded { dataset, origin });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let valid = e.valid_up_to();
        let prefix = String::from_utf8_lossy(&bytes[..valid]);
        let (line, column) = line_column(&prefix, valid);
        DataError::NotUtf8 {
            origin: origin.clone(),
            line,
            column,
        }
    })?;
    parse(text, origin)
}

/// The dataset in `bytes` when they parse and no text is above the limit;
/// `None` on any doubt.
fn quick(bytes: &[u8]) -> Option<Dataset> {
    if bytes.len() >= super::split::SPLIT_BYTES
        && let Some(dataset) = super::split::parse(bytes)
    {
        return Some(dataset);
    }
    let text = super::split::utf8(bytes)?;
    let room = super::model::exact::room_for(bytes.len());
    let dataset =
        super::model::exact::with_room(room, || serde_json::from_str::<Dataset>(text)).ok()?;
    (!limits::any_long_value(&dataset, MAX_TEXT_BYTES)).then_some(dataset)
}

/// Parses and validates dataset text.
pub fn parse(text: &str, origin: Origin) -> Result<Loaded, DataError> {
    let room = super::model::exact::room_for(text.len());
    let parsed = super::model::exact::with_room(room, || serde_json::from_str::<Dataset>(text));
    let dataset: Dataset = parsed.map_err(|e| {
        let offset = locate::offset_of(text, e.line(), e.column());
        let (line, column) = line_column(text, offset);
        let full = e.to_string();
        let suffix = format!(" at line {} column {}", e.line(), e.column());
        let message = full.strip_suffix(&suffix).unwrap_or(&full).to_string();
        DataError::Json {
            origin: origin.clone(),
            line,
            column,
            message,
        }
    })?;
    if limits::any_long_value(&dataset, MAX_TEXT_BYTES) {
        let long = limits::long_texts(text, MAX_TEXT_BYTES);
        if !long.is_empty() {
            return Err(too_long(text, long, origin));
        }
    }
    let mut problems = validate(&dataset);
    if problems.is_empty() {
        return Ok(Loaded { dataset, origin });
    }
    let more = problems.len().saturating_sub(MAX_LISTED);
    problems.truncate(MAX_LISTED);
    Err(DataError::Invalid {
        problems: place(text, problems),
        more,
        origin,
    })
}

/// The texts above the limit, as problems at their place.
fn too_long(text: &str, mut long: Vec<limits::LongText>, origin: Origin) -> DataError {
    let more = long.len().saturating_sub(MAX_LISTED);
    long.truncate(MAX_LISTED);
    let offsets: Vec<usize> = long.iter().map(|l| l.offset).collect();
    let problems = long
        .into_iter()
        .zip(line_columns(text, &offsets))
        .map(|(l, (line, column))| LocatedProblem {
            line,
            column,
            message: Message::new(DataText::TextTooLong)
                .with("field", l.field)
                .with("bytes", l.bytes)
                .with("limit", MAX_TEXT_BYTES),
        })
        .collect();
    DataError::Invalid {
        origin,
        problems,
        more,
    }
}

/// Each problem at the line and column of its value (the file's start when
/// the path is not in the text), in time linear in the text and the problems.
fn place(text: &str, problems: Vec<Problem>) -> Vec<LocatedProblem> {
    let mut locator = Locator::new(text);
    let offsets: Vec<usize> = problems
        .iter()
        .map(|p| locator.locate(&p.path).unwrap_or(0))
        .collect();
    problems
        .into_iter()
        .zip(line_columns(text, &offsets))
        .map(|(problem, (line, column))| LocatedProblem {
            line,
            column,
            message: problem.message,
        })
        .collect()
}
