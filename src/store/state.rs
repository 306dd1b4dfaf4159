//! What the app remembers between sessions in `state.json`: the selection, the
//! last searches and the starred entries. Writes are atomic; a bad or newer file
//! is set aside (renamed `*.bad-<timestamp>`), never overwritten, and the app
//! starts with defaults.

use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::base::files::{ReadError, Readers, Replace};
use crate::i18n::{Message, Text};

/// The version this build writes; a file with a larger one is from a newer pap-tui.
pub(crate) const VERSION: u32 = 1;
/// How many search queries are kept.
pub(crate) const HISTORY: usize = 50;
/// The largest state file read, in bytes (16 MiB): 50 queries and the stars
/// of a large dataset take far less.
pub(crate) const MAX_STATE_BYTES: u64 = 16 * 1024 * 1024;

/// A starred entry: its kind (`region`, `organisation`, `city`, `funding`,
/// `article`) and id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Star {
    pub kind: String,
    pub id: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct State {
    pub version: u32,
    /// The focused pane: `regions`, `organisations`, `headcounts` or `articles`.
    pub focus: Option<String>,
    /// Region code, `all` or `starred`.
    pub region: Option<String>,
    pub organisation: Option<String>,
    pub city: Option<String>,
    /// Most recent last.
    pub history: Vec<String>,
    pub starred: Vec<Star>,
    /// The theme chosen with `T`: `dark`, `light` or `mono`; none when the
    /// config's is in force.
    pub theme: Option<String>,
}

impl Default for State {
    fn default() -> Self {
        State {
            version: VERSION,
            focus: None,
            region: None,
            organisation: None,
            city: None,
            history: Vec::new(),
            starred: Vec::new(),
            theme: None,
        }
    }
}

/// The longest search query kept, in characters: a search box holds words,
/// and a pasted megabyte made every later key take seconds.
pub const MAX_QUERY_CHARS: usize = 200;

/// Cuts `query` to [`MAX_QUERY_CHARS`] characters.
pub fn cap_query(query: &mut String) {
    if let Some((cut, _)) = query.char_indices().nth(MAX_QUERY_CHARS) {
        query.truncate(cut);
    }
}

/// Adds a query at the end of a history, without duplicates, keeping the last 50.
pub(crate) fn remember(history: &mut Vec<String>, query: &str) {
    let mut query = query.trim().to_string();
    cap_query(&mut query);
    if query.is_empty() {
        return;
    }
    history.retain(|q| *q != query);
    history.push(query);
    trim_history(history);
}

/// Keeps the last [`HISTORY`] queries.
fn trim_history(history: &mut Vec<String>) {
    if history.len() > HISTORY {
        let extra = history.len() - HISTORY;
        history.drain(..extra);
    }
}

/// A state read from a file, held to what this build writes: the last 50
/// queries, each within [`MAX_QUERY_CHARS`].
fn held_to_limits(mut state: State) -> State {
    for query in &mut state.history {
        cap_query(query);
    }
    trim_history(&mut state.history);
    state
}

fn timestamp() -> u128 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos())
}

/// Why a state file was not taken: written by a newer pap-tui, or not valid.
enum Unusable {
    Newer(u32),
    Invalid(String),
}

/// A name for a bad file that no file has: `<name>.bad-<seconds>`, then
/// `-2`, `-3`… when files were set aside in the same second.
fn aside_name(path: &Path) -> PathBuf {
    let seconds = timestamp() / 1_000_000_000;
    (1u32..)
        .map(|n| {
            let mut aside = path.as_os_str().to_owned();
            match n {
                1 => aside.push(format!(".bad-{seconds}")),
                n => aside.push(format!(".bad-{seconds}-{n}")),
            }
            PathBuf::from(aside)
        })
        .find(|aside| std::fs::symlink_metadata(aside).is_err())
        .unwrap_or_else(|| path.with_extension("bad"))
}

/// Renames a bad file to `<name>.bad-<timestamp>` and says where it went.
fn set_aside(path: &Path, why: Unusable) -> Message {
    let aside = aside_name(path);
    let renamed = std::fs::rename(path, &aside);
    let message = match (&why, &renamed) {
        (Unusable::Newer(_), Ok(())) => Message::new(Text::StateNewerKept),
        (Unusable::Newer(_), Err(_)) => Message::new(Text::StateNewerNotKept),
        (Unusable::Invalid(_), Ok(())) => Message::new(Text::StateInvalidKept),
        (Unusable::Invalid(_), Err(_)) => Message::new(Text::StateInvalidNotKept),
    };
    let message = match why {
        Unusable::Newer(version) => message.with("version", version).with("supported", VERSION),
        Unusable::Invalid(reason) => message.with("reason", reason),
    };
    let message = match renamed {
        Ok(()) => message.with("aside", aside.display()),
        Err(e) => message.with("error", e),
    };
    message.in_file(path.display())
}

/// What reading the state file found, before anything is done about it.
enum Read {
    State(State),
    /// Unreadable: the defaults, with the warning.
    Unreadable(Message),
    /// Read but not usable: set aside at start-up.
    Unusable(Unusable),
}

fn read(path: &Path) -> Read {
    let bytes = match crate::base::files::read_limited(path, MAX_STATE_BYTES) {
        Ok(b) => b,
        // No file there: a first start, or a directory still to be made (which
        // saving reports if it cannot be).
        Err(ReadError::Io(e))
            if matches!(
                e.kind(),
                std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory
            ) =>
        {
            return Read::State(State::default());
        }
        Err(e) => {
            let warning = match e {
                ReadError::Io(e) => Message::new(Text::StateUnreadable).with("error", e),
                ReadError::NotRegular(_) => Message::new(Text::StateNotRegular),
                ReadError::TooLarge { limit } => {
                    Message::new(Text::StateTooLarge).with("limit", limit)
                }
            };
            return Read::Unreadable(warning.in_file(path.display()));
        }
    };
    match serde_json::from_slice::<State>(&bytes) {
        Ok(state) if state.version <= VERSION => Read::State(held_to_limits(state)),
        Ok(state) => Read::Unusable(Unusable::Newer(state.version)),
        Err(e) => Read::Unusable(Unusable::Invalid(e.to_string())),
    }
}

/// Loads the state. A missing file is the defaults; a bad one is set aside with a
/// warning.
pub fn load(path: &Path) -> (State, Option<Message>) {
    match read(path) {
        Read::State(state) => (state, None),
        Read::Unreadable(warning) => (State::default(), Some(warning)),
        Read::Unusable(why) => (State::default(), Some(set_aside(path, why))),
    }
}

/// The state as its file holds it, for a reader that changes nothing (the
/// command line's `starred`): no file is the defaults; a file that cannot be
/// read or used is left where it is, for the explorer to set aside and say why.
pub(crate) fn peek(path: &Path) -> Result<State, Message> {
    match read(path) {
        Read::State(state) => Ok(state),
        Read::Unreadable(_) | Read::Unusable(_) => {
            Err(Message::new(Text::StarredNotRead).in_file(path.display()))
        }
    }
}

/// The state a session starts from, what to tell the user, and whether the
/// session may write the file at all.
#[derive(Debug)]
pub struct Session {
    pub state: State,
    pub warnings: Vec<Message>,
    pub writable: bool,
}

/// Loads the state for a session and decides once whether it can be saved, so
/// that a problem is reported at start-up, once, and never by losing a file:
/// a file that could not be read and is still there is never overwritten, and
/// a directory where no file can be created is not written to.
pub fn open(path: &Path) -> Session {
    let (state, warning) = load(path);
    let mut warnings: Vec<Message> = warning.into_iter().collect();
    let kept_unread = !warnings.is_empty() && std::fs::symlink_metadata(path).is_ok();
    let writable = if kept_unread {
        warnings.push(Message::new(Text::StateLeftAsIs).in_file(path.display()));
        false
    } else if let Err(e) = check_writable(path) {
        warnings.push(cannot_save(path, &e));
        false
    } else {
        true
    };
    Session {
        state,
        warnings,
        writable,
    }
}

/// The warning when the state cannot be written.
pub(crate) fn cannot_save(path: &Path, error: &std::io::Error) -> Message {
    Message::new(Text::StateCannotSave)
        .with("error", error)
        .in_file(path.display())
}

/// Creates the state's directory if needed (the user's alone), then a file
/// in it, and removes it.
fn check_writable(path: &Path) -> std::io::Result<()> {
    let target = crate::base::files::through_links(path);
    crate::base::files::create_private_dir(directory(&target))?;
    // Made as `save` makes its temporary file, and removed when dropped.
    crate::base::files::NewFile::beside(&target, Readers::Owner).map(drop)
}

/// The directory a file is in.
fn directory(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

/// Writes the state atomically, readable by the user alone (it holds what
/// they searched): a temporary file in the same directory, flushed and synced,
/// then renamed over the old one. A `state.json` that is a link (a dotfile
/// manager's) is written through: the file it leads to is replaced, the link
/// stays. On any error the temporary file is removed and the old file is left
/// as it was.
pub(crate) fn save(path: &Path, state: &State) -> std::io::Result<()> {
    let target = crate::base::files::through_links(path);
    crate::base::files::create_private_dir(directory(&target))?;
    let mut json = serde_json::to_vec_pretty(state).map_err(std::io::Error::other)?;
    json.push(b'\n');
    crate::base::files::write_whole(&target, &json, Readers::Owner, Replace::Yes)
}

/// The lock file beside the state, held while a session reads and writes the
/// state, so that two sessions saving at once take turns. Never removed:
/// removing a lock file lets two sessions hold two different ones.
fn lock_beside(path: &Path) -> std::io::Result<std::fs::File> {
    let mut name = path.as_os_str().to_owned();
    name.push(".lock");
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(PathBuf::from(name))?;
    file.lock()?;
    Ok(file)
}

/// The queries `now` remembered since `base`: what follows the longest start
/// of `now` that `base` holds in the same order (a query used again moves to
/// the end, so it counts as new).
fn remembered_since<'a>(base: &[String], now: &'a [String]) -> &'a [String] {
    let mut rest = base.iter();
    let kept = now.iter().take_while(|q| rest.any(|b| b == *q)).count();
    &now[kept..]
}

/// `disk` with what this session changed since `base` (its state when it
/// last saved) applied: the stars it added and removed, the queries it
/// remembered, and its selection. What other sessions saved meanwhile stays,
/// and a star this session removed is not brought back.
pub(crate) fn merge(disk: State, base: &State, now: &State) -> State {
    let mut starred = disk.starred;
    starred.retain(|s| !base.starred.contains(s) || now.starred.contains(s));
    for star in &now.starred {
        if !base.starred.contains(star) && !starred.contains(star) {
            starred.push(star.clone());
        }
    }
    let mut history = disk.history;
    for query in remembered_since(&base.history, &now.history) {
        remember(&mut history, query);
    }
    State {
        version: VERSION,
        history,
        starred,
        ..now.clone()
    }
}

/// Saves what this session changed since `base` into the state file as it is
/// now, under a lock, so that two sessions keep each other's stars and
/// queries. A file that cannot be read as a state is replaced, as [`save`]
/// does. Returns the state written.
pub(crate) fn save_merged(path: &Path, base: &State, now: &State) -> std::io::Result<State> {
    crate::base::files::create_private_dir(directory(path))?;
    let _lock = lock_beside(path)?;
    let disk = crate::base::files::read_limited(path, MAX_STATE_BYTES)
        .ok()
        .and_then(|bytes| serde_json::from_slice::<State>(&bytes).ok())
        .filter(|disk| disk.version <= VERSION)
        .map(held_to_limits)
        .unwrap_or_default();
    let merged = merge(disk, base, now);
    save(path, &merged)?;
    Ok(merged)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn a_session_saves_only_where_nothing_can_be_lost() {
        let dir = tempfile::tempdir().expect("tempdir");
        // A usable directory, created on demand.
        let fine = open(&dir.path().join("new").join("state.json"));
        assert!(fine.writable && fine.warnings.is_empty(), "{fine:?}");
        // A state "file" that cannot be read (a directory here) stays untouched.
        let unreadable = dir.path().join("unreadable.json");
        std::fs::create_dir(&unreadable).expect("mkdir");
        let session = open(&unreadable);
        assert!(!session.writable);
        assert_eq!(session.warnings.len(), 2, "{:?}", session.warnings);
        assert!(
            session.warnings[1]
                .describe(Lang::En)
                .contains("left as it is"),
            "{:?}",
            session.warnings
        );
        assert!(unreadable.is_dir());
        // A directory that cannot be created (a file stands in its way).
        let blocker = dir.path().join("blocker");
        std::fs::write(&blocker, "a file").expect("write");
        let session = open(&blocker.join("state.json"));
        assert!(!session.writable);
        assert!(
            session.warnings[0]
                .describe(Lang::En)
                .contains("cannot save"),
            "{:?}",
            session.warnings
        );
        // A corrupt file is set aside, so the session may write a new one.
        let corrupt = dir.path().join("corrupt.json");
        std::fs::write(&corrupt, "{").expect("write");
        let session = open(&corrupt);
        assert!(session.writable, "{session:?}");
        assert_eq!(session.warnings.len(), 1);
    }

    fn sample() -> State {
        State {
            focus: Some("organisations".into()),
            region: Some("14".into()),
            organisation: Some("safima".into()),
            city: Some("terrebonne".into()),
            history: vec!["safima".into(), "montréal".into()],
            starred: vec![Star {
                kind: "city".into(),
                id: "gatineau".into(),
            }],
            ..State::default()
        }
    }

    #[test]
    fn round_trip() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("deep/er/state.json");
        save(&path, &sample()).expect("save");
        assert_eq!(load(&path), (sample(), None));
        let leftovers: Vec<_> = std::fs::read_dir(path.parent().expect("dir"))
            .expect("dir")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(leftovers, ["state.json"], "no temporary file left");
    }

    #[cfg(unix)]
    #[test]
    fn the_history_is_saved_for_the_user_alone_in_a_directory_of_theirs() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("pap-tui/state.json");
        save_merged(&path, &State::default(), &sample()).expect("save");
        let mode = |p: &Path| std::fs::metadata(p).expect("metadata").permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(&dir.path().join("pap-tui")), 0o700);
        let other = dir.path().join("other/state.json");
        assert!(open(&other).writable);
        assert_eq!(mode(&dir.path().join("other")), 0o700);
    }

    #[cfg(unix)]
    #[test]
    fn a_linked_state_file_is_written_through_the_link() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir(dir.path().join("dotfiles")).expect("mkdir");
        let real = dir.path().join("dotfiles/state.json");
        save(&real, &State::default()).expect("save");
        let path = dir.path().join("state.json");
        std::os::unix::fs::symlink("dotfiles/state.json", &path).expect("symlink");
        assert!(open(&path).writable);
        save_merged(&path, &State::default(), &sample()).expect("save");
        let link = std::fs::symlink_metadata(&path).expect("metadata");
        assert!(link.file_type().is_symlink(), "still a link");
        assert_eq!(load(&real), (sample(), None), "the file it leads to");
        assert_eq!(load(&path), (sample(), None));
        let mut leftovers: Vec<_> = std::fs::read_dir(dir.path().join("dotfiles"))
            .expect("read_dir")
            .map(|e| e.expect("entry").file_name())
            .collect();
        leftovers.sort();
        assert_eq!(leftovers, ["state.json"], "no temporary file left");
    }

    #[test]
    fn missing_is_default_silently() {
        let dir = tempfile::tempdir().expect("tempdir");
        assert_eq!(
            load(&dir.path().join("state.json")),
            (State::default(), None)
        );
    }

    #[test]
    fn bad_files_are_set_aside_not_overwritten() {
        let cases: &[(&str, &[u8], &str)] = &[
            (
                "corrupt",
                b"{\"version\": 1, \"history\": [",
                "not a valid state file",
            ),
            (
                "truncated",
                b"{\"version\": 1, \"hist",
                "not a valid state file",
            ),
            ("empty", b"", "not a valid state file"),
            ("wrong type", b"{\"history\": 5}", "not a valid state file"),
            ("future", b"{\"version\": 99}", "newer pap-tui (version 99"),
        ];
        for (name, bytes, reason) in cases {
            let dir = tempfile::tempdir().expect("tempdir");
            let path = dir.path().join("state.json");
            std::fs::write(&path, bytes).expect("write");
            let (state, warning) = load(&path);
            assert_eq!(state, State::default(), "{name}");
            let warning = warning.expect("a warning").describe(Lang::En);
            assert!(
                warning.contains(reason) && warning.contains("state.json"),
                "{name}: {warning}"
            );
            assert!(!path.exists(), "{name}: the bad file is moved away");
            let kept: Vec<_> = std::fs::read_dir(dir.path())
                .expect("dir")
                .map(|e| e.expect("entry").path())
                .collect();
            assert_eq!(kept.len(), 1, "{name}");
            assert!(
                kept[0].to_string_lossy().contains("state.json.bad-"),
                "{kept:?}"
            );
            assert_eq!(
                std::fs::read(&kept[0]).expect("kept"),
                *bytes,
                "{name}: kept as it was"
            );
        }
    }

    #[test]
    fn unknown_fields_are_ignored_for_older_readers() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("state.json");
        std::fs::write(
            &path,
            "{\"version\": 1, \"history\": [\"a\"], \"added_later\": true}",
        )
        .expect("write");
        let (state, warning) = load(&path);
        assert_eq!((state.history, warning), (vec!["a".to_string()], None));
    }

    #[test]
    fn unwritable_directory_fails_without_touching_anything() {
        let dir = tempfile::tempdir().expect("tempdir");
        let blocker = dir.path().join("not-a-dir");
        std::fs::write(&blocker, "a file where a directory should be").expect("write");
        assert!(save(&blocker.join("state.json"), &sample()).is_err());
        assert_eq!(
            std::fs::read_to_string(&blocker).expect("kept"),
            "a file where a directory should be"
        );
    }

    #[test]
    fn a_write_interrupted_before_the_rename_leaves_the_old_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("state.json");
        save(&path, &sample()).expect("save");
        // What a crash between writing the temporary file and renaming it leaves.
        std::fs::write(
            dir.path().join(".state.json.tmp-1-2"),
            b"{\"version\": 1, \"hist",
        )
        .expect("write");
        assert_eq!(load(&path), (sample(), None));
    }

    #[test]
    fn two_writers_never_corrupt_the_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("state.json");
        std::thread::scope(|scope| {
            for writer in 0..2 {
                let path = path.clone();
                scope.spawn(move || {
                    for i in 0..100 {
                        let mut state = sample();
                        state.history = vec![format!("writer {writer} write {i}"); 40];
                        save(&path, &state).expect("save");
                        let (read, warning) = load(&path);
                        assert_eq!(warning, None);
                        assert_eq!(read.history.len(), 40);
                    }
                });
            }
        });
        let (last, warning) = load(&path);
        assert_eq!(warning, None);
        assert!(
            last.history[0].ends_with("write 99"),
            "{:?}",
            last.history[0]
        );
    }

    #[test]
    fn bad_files_set_aside_in_the_same_second_are_all_kept() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("state.json");
        for n in 0..3 {
            std::fs::write(&path, format!("bad {n}")).expect("write");
            assert!(load(&path).1.is_some());
        }
        let mut kept: Vec<String> = std::fs::read_dir(dir.path())
            .expect("dir")
            .map(|e| std::fs::read_to_string(e.expect("entry").path()).expect("read"))
            .collect();
        kept.sort();
        assert_eq!(kept, ["bad 0", "bad 1", "bad 2"]);
    }

    #[test]
    fn a_file_set_aside_is_named_with_the_second_it_was_set_aside() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("state.json");
        std::fs::write(&path, "{").expect("write");
        let seconds = || timestamp() / 1_000_000_000;
        let before = seconds();
        assert!(load(&path).1.is_some());
        let after = seconds();
        let names: Vec<String> = std::fs::read_dir(dir.path())
            .expect("dir")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        let [name] = names.as_slice() else {
            panic!("{names:?}");
        };
        let when = name
            .strip_prefix("state.json.bad-")
            .and_then(|s| s.parse::<u128>().ok());
        assert!(
            when.is_some_and(|w| (before..=after).contains(&w)),
            "{name}, set aside between {before} and {after}"
        );
        // Seconds since 1970, as `date +%s` gives: after 2020.
        assert!(before > 1_577_836_800, "{before}");
    }

    #[test]
    fn a_merged_state_is_written_at_this_builds_version() {
        let older = State {
            version: 0,
            ..sample()
        };
        let merged = merge(older.clone(), &older, &older);
        assert_eq!(merged.version, VERSION);
    }

    #[test]
    fn peeking_reads_the_state_and_changes_nothing() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("state.json");
        assert_eq!(peek(&path).ok(), Some(State::default()), "no file");
        save(&path, &sample()).expect("save");
        assert_eq!(peek(&path).ok(), Some(sample()));
        std::fs::write(&path, "{").expect("write");
        assert!(peek(&path).is_err());
        assert_eq!(std::fs::read_to_string(&path).ok().as_deref(), Some("{"));
    }

    #[test]
    fn a_file_named_alone_is_in_the_current_directory() {
        assert_eq!(directory(Path::new("state.json")), Path::new("."));
        assert_eq!(directory(Path::new("a/state.json")), Path::new("a"));
    }

    #[cfg(unix)]
    #[test]
    fn a_file_that_cannot_be_opened_is_said_so_not_taken_for_missing() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("state.json");
        // A link to itself: opening it fails (ELOOP), whoever runs the test.
        std::os::unix::fs::symlink("state.json", &path).expect("symlink");
        let (state, warning) = load(&path);
        assert_eq!(state, State::default());
        let said = warning.map(|w| w.describe(Lang::En)).unwrap_or_default();
        assert!(said.contains("cannot read"), "{said:?}");
        assert!(std::fs::symlink_metadata(&path).is_ok(), "left where it is");
    }

    #[test]
    fn a_loaded_history_is_held_to_50_short_queries() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("state.json");
        let mut state = sample();
        state.history = (0..80).map(|i| format!("q{i}")).collect();
        state.history.push("é".repeat(1_000_000));
        save(&path, &state).expect("save");
        let (loaded, warning) = load(&path);
        assert_eq!(warning, None);
        assert_eq!(loaded.history.len(), HISTORY);
        assert_eq!(loaded.history[0], "q31");
        assert_eq!(loaded.history[HISTORY - 1], "é".repeat(MAX_QUERY_CHARS));
    }

    fn star(id: &str) -> Star {
        Star {
            kind: "region".into(),
            id: id.into(),
        }
    }

    fn with(stars: &[&str], history: &[&str]) -> State {
        State {
            starred: stars.iter().map(|s| star(s)).collect(),
            history: history.iter().map(|q| q.to_string()).collect(),
            ..State::default()
        }
    }

    #[test]
    fn two_sessions_keep_each_others_stars_and_queries() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("state.json");
        let start = with(&["01", "02"], &["laval"]);
        save(&path, &start).expect("save");
        // A stars 03 and unstars 01; B stars 04 and searches; both started
        // from the same file.
        let mut a = with(&["02", "03"], &["laval", "safima"]);
        a.region = Some("03".into());
        let b = with(&["01", "02", "04"], &["laval", "gatineau"]);
        save_merged(&path, &start, &a).expect("a saves");
        let written = save_merged(&path, &start, &b).expect("b saves");
        let (read, _) = load(&path);
        assert_eq!(read, written);
        let ids: Vec<&str> = read.starred.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(
            ids,
            ["02", "03", "04"],
            "01, unstarred by A, stays unstarred"
        );
        assert_eq!(read.history, ["laval", "safima", "gatineau"]);
        // The last session's place.
        assert_eq!(read.region, None);
    }

    #[test]
    fn a_session_that_saves_twice_applies_only_what_changed_since() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("state.json");
        let start = State::default();
        let first = with(&["01"], &[]);
        save_merged(&path, &start, &first).expect("first save");
        // Another session stars 02 meanwhile.
        let other = save_merged(&path, &start, &with(&["02"], &[])).expect("other");
        assert_eq!(other.starred, [star("01"), star("02")]);
        // This one unstars 01: 02 stays, 01 goes and does not come back.
        save_merged(&path, &first, &State::default()).expect("second save");
        assert_eq!(load(&path).0.starred, [star("02")]);
    }

    #[test]
    fn queries_used_again_count_as_remembered() {
        let base: Vec<String> = ["a", "b", "c"].map(String::from).to_vec();
        let now: Vec<String> = ["b", "c", "a"].map(String::from).to_vec();
        assert_eq!(remembered_since(&base, &now), ["a"]);
        assert!(remembered_since(&base, &base).is_empty());
        let trimmed: Vec<String> = ["b", "c", "d"].map(String::from).to_vec();
        assert_eq!(remembered_since(&base, &trimmed), ["d"]);
    }

    #[test]
    fn history_keeps_the_last_50_without_duplicates() {
        let mut state = State::default();
        for i in 0..60 {
            remember(&mut state.history, &format!("q{i}"));
        }
        remember(&mut state.history, "q55");
        remember(&mut state.history, "  ");
        assert_eq!(state.history.len(), 50);
        assert_eq!(state.history.first().map(String::as_str), Some("q10"));
        assert_eq!(state.history.last().map(String::as_str), Some("q55"));
    }
}
