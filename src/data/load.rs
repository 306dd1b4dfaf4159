//! Loads a dataset from the embedded asset or a file, and reports every failure
//! with the file, the line and the column.

use std::fmt;
use std::path::{Path, PathBuf};

use super::limits::{self, MAX_FILE_BYTES, MAX_TEXT_BYTES};
use super::locate::{self, Locator, line_column, line_columns};
use super::model::Dataset;
use super::validate::{Problem, validate};

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
    pub fn is_stdin(&self) -> bool {
        matches!(self, Origin::File(path) if path == Path::new(STDIN))
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Embedded => f.write_str("assets/pap.json (embedded)"),
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
    pub message: String,
}

#[derive(Debug, thiserror::Error)]
pub enum DataError {
    #[error("{origin}: cannot read the dataset: {source}")]
    Read {
        origin: Origin,
        source: std::io::Error,
    },
    #[error("{origin}: not a regular file but a {kind}; give the path of a dataset file")]
    NotRegular { origin: Origin, kind: &'static str },
    #[error(
        "{origin}: the file is larger than the limit of {limit} bytes ({} MiB) for a dataset; check that it is a dataset file",
        limit >> 20
    )]
    TooLarge { origin: Origin, limit: u64 },
    #[error(
        "{origin}:{line}:{column}: the dataset is not UTF-8 text; save it as UTF-8 and try again"
    )]
    NotUtf8 {
        origin: Origin,
        line: usize,
        column: usize,
    },
    #[error("{origin}:{line}:{column}: {message}")]
    Json {
        origin: Origin,
        line: usize,
        column: usize,
        message: String,
    },
    /// The first [`MAX_LISTED`] problems, placed, and how many more there are.
    #[error("{}", invalid_report(origin, problems, *more))]
    Invalid {
        origin: Origin,
        problems: Vec<LocatedProblem>,
        more: usize,
    },
}

/// How many problems an invalid dataset's report lists; the rest are counted.
/// A file with 100 000 problems is not fixed by reading each of them.
pub const MAX_LISTED: usize = 100;

fn invalid_report(origin: &Origin, problems: &[LocatedProblem], more: usize) -> String {
    let mut lines: Vec<String> = problems
        .iter()
        .map(|p| format!("{origin}:{}:{}: {}", p.line, p.column, p.message))
        .collect();
    if more > 0 {
        lines.push(format!("… and {more} more"));
    }
    format!(
        "{}\n{} problem(s) in the dataset; fix them and try again",
        lines.join("\n"),
        problems.len() + more
    )
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
pub const STDIN: &str = "-";

/// The bytes of a dataset file, within the size limit; standard input for
/// `-` (a file of that name is `./-`).
pub fn read(path: &Path) -> Result<Vec<u8>, DataError> {
    let origin = || Origin::File(path.to_path_buf());
    let bytes = if path == Path::new(STDIN) {
        crate::file::read_stream_limited(std::io::stdin().lock(), MAX_FILE_BYTES)
    } else {
        crate::file::read_limited(path, MAX_FILE_BYTES)
    };
    bytes.map_err(|e| match e {
        crate::file::ReadError::Io(source) => DataError::Read {
            origin: origin(),
            source,
        },
        crate::file::ReadError::NotRegular(kind) => DataError::NotRegular {
            origin: origin(),
            kind,
        },
        crate::file::ReadError::TooLarge { limit } => DataError::TooLarge {
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
            message: format!(
                "{} is a text of {} bytes, above the limit of {MAX_TEXT_BYTES} bytes for one field",
                l.field, l.bytes
            ),
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
