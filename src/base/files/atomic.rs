//! Writing a file whole or not at all: the one helper the cache, the state
//! and the exports use. A new file is made beside its final name, private to
//! the program while it lives, and renamed into place once written; each one
//! is on a list that the handling of ending signals empties, so that a
//! process stopped by SIGINT, SIGTERM or SIGHUP leaves no half-written file.

use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

/// How every temporary file of pap-tui is named: this prefix, [`RANDOM`]
/// letters or digits, then [`SUFFIX`]. Pruning removes no other name.
pub const PREFIX: &str = ".pap-tui-";
/// See [`PREFIX`].
pub(crate) const SUFFIX: &str = ".tmp";
/// See [`PREFIX`].
const RANDOM: usize = 8;

/// Whether `name` is one of pap-tui's temporary files.
pub fn is_temporary_name(name: &str) -> bool {
    name.strip_prefix(PREFIX)
        .and_then(|rest| rest.strip_suffix(SUFFIX))
        .is_some_and(|r| r.len() == RANDOM && r.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// The temporary files being written, and whether the process is ending
/// (then no new one is made: it could outlive the removal of the others).
#[derive(Default)]
struct Live {
    ending: bool,
    paths: Vec<PathBuf>,
}

/// The temporary files of a process.
struct Registry(Mutex<Live>);

impl Registry {
    const fn new() -> Registry {
        Registry(Mutex::new(Live {
            ending: false,
            paths: Vec::new(),
        }))
    }

    fn live(&self) -> std::sync::MutexGuard<'_, Live> {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Makes the new file `path` with `mode` and lists it, at once: a removal
    /// that comes between cannot miss it. Never through a link, never over
    /// a file that exists.
    fn create(&self, path: &Path, mode: u32) -> io::Result<File> {
        let mut live = self.live();
        if live.ending {
            return Err(io::Error::other("the program is ending"));
        }
        let mut options = std::fs::OpenOptions::new();
        options.read(true).write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(mode).custom_flags(libc::O_NOFOLLOW);
        }
        #[cfg(not(unix))]
        let _ = mode;
        let file = options.open(path)?;
        live.paths.push(path.to_path_buf());
        Ok(file)
    }

    fn forget(&self, path: &Path) {
        self.live().paths.retain(|p| p != path);
    }

    /// Removes every file still listed and makes no new one after.
    fn remove_all(&self) {
        let mut live = self.live();
        live.ending = true;
        for path in live.paths.drain(..) {
            let _ = std::fs::remove_file(path);
        }
    }
}

static LIVE: Registry = Registry::new();

/// Set when another part of the program ends the process on a signal (the
/// explorer, which restores the terminal and saves the state first) and
/// calls [`remove_temporaries`] itself.
static ENDING_HANDLED: AtomicBool = AtomicBool::new(false);

/// Says that the caller ends the process on SIGINT, SIGTERM and SIGHUP, and
/// calls [`remove_temporaries`] before it does.
pub fn ending_signals_handled_elsewhere() {
    ENDING_HANDLED.store(true, Ordering::SeqCst);
}

/// Removes every temporary file this process is writing, and makes no new one
/// after: for the last moments of a process.
pub fn remove_temporaries() {
    LIVE.remove_all();
}

/// From the first temporary file on, SIGINT, SIGTERM and SIGHUP remove the
/// temporary files before they end the process as they would have.
fn watch_ending_signals() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    #[cfg(unix)]
    ONCE.call_once(|| {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
            return;
        };
        std::thread::spawn(move || {
            for signal in signals.forever() {
                if ENDING_HANDLED.load(Ordering::SeqCst) {
                    continue;
                }
                remove_temporaries();
                let _ = signal_hook::low_level::emulate_default_handler(signal);
                std::process::exit(128 + signal);
            }
        });
    });
    #[cfg(not(unix))]
    ONCE.call_once(|| {});
}

/// A write past the process's file-size limit (`ulimit -f`) fails with
/// EFBIG, which the writer reports, instead of killing the process with
/// SIGXFSZ after its output is printed.
pub fn fail_oversized_writes() {
    #[cfg(unix)]
    // SAFETY: sets the disposition of one signal to "ignore"; no handler runs.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    }
}

/// A new file being written beside the one it will become; removed if it is
/// dropped before [`NewFile::persist`].
pub struct NewFile {
    temp: Option<tempfile::NamedTempFile>,
}

/// Who may read a new file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Readers {
    /// The user only (0600): the cache, the state.
    Owner,
    /// As any new file (0666 less the umask): an export.
    Anyone,
}

/// Whether [`NewFile::persist`] may replace a file that is there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Replace {
    Yes,
    No,
}

impl NewFile {
    /// A new, empty file in the directory `target` is in (which must exist).
    pub(crate) fn beside(target: &Path, readers: Readers) -> io::Result<NewFile> {
        let dir = match target.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir,
            _ => Path::new("."),
        };
        NewFile::create_in(&LIVE, dir, readers)
    }

    fn create_in(registry: &'static Registry, dir: &Path, readers: Readers) -> io::Result<NewFile> {
        watch_ending_signals();
        let mode = match readers {
            Readers::Owner => 0o600,
            Readers::Anyone => 0o666,
        };
        let temp = tempfile::Builder::new()
            .prefix(PREFIX)
            .suffix(SUFFIX)
            .rand_bytes(RANDOM)
            .make_in(dir, |path| registry.create(path, mode))?;
        Ok(NewFile { temp: Some(temp) })
    }

    /// Where the file is while it is written.
    pub(crate) fn path(&self) -> &Path {
        self.temp.as_ref().map_or(Path::new(""), |t| t.path())
    }

    /// The open file.
    pub(crate) fn file(&mut self) -> io::Result<&mut File> {
        self.temp
            .as_mut()
            .map(tempfile::NamedTempFile::as_file_mut)
            .ok_or_else(|| io::Error::other("already persisted"))
    }

    /// Renames the file to `target` (a link there is replaced, not followed);
    /// with [`Replace::No`], never over a file that appeared meanwhile.
    pub(crate) fn persist(mut self, target: &Path, replace: Replace) -> io::Result<()> {
        let Some(temp) = self.temp.take() else {
            return Err(io::Error::other("already persisted"));
        };
        let path = temp.path().to_path_buf();
        let done = match replace {
            Replace::Yes => temp.persist(target),
            Replace::No => temp.persist_noclobber(target),
        };
        LIVE.forget(&path);
        done.map(drop).map_err(|e| e.error)
    }
}

impl Write for NewFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.file()?.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file()?.flush()
    }
}

impl Drop for NewFile {
    fn drop(&mut self) {
        if let Some(temp) = self.temp.take() {
            let path = temp.path().to_path_buf();
            // Removed before it leaves the list: a signal now still finds it.
            let _ = temp.close();
            LIVE.forget(&path);
        }
    }
}

/// Writes `bytes` as the file `target`, whole or not at all: a new file
/// beside it, synced, then renamed over it.
pub fn write_whole(
    target: &Path,
    bytes: &[u8],
    readers: Readers,
    replace: Replace,
) -> io::Result<()> {
    let mut file = NewFile::beside(target, readers)?;
    file.write_all(bytes)?;
    file.file()?.sync_all()?;
    file.persist(target, replace)
}

/// The path a chain of symbolic links at `path` ends at (a link followed to
/// a file that may not exist yet), or `path` when it is no link: what a
/// writer replaces so that a link a dotfile manager made stays a link.
pub fn through_links(path: &Path) -> PathBuf {
    let mut at = path.to_path_buf();
    // As many links as the system follows in one path before giving up.
    for _ in 0..40 {
        match std::fs::read_link(&at) {
            Ok(to) => {
                at = match at.parent() {
                    Some(dir) => dir.join(to),
                    None => to,
                }
            }
            Err(_) => return at,
        }
    }
    at
}

/// Makes the directory `dir` and those above it that are missing, readable
/// by the user only (0700): the cache and the state hold what a user searched.
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .expect("read_dir")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_new_file_is_named_as_pap_tuis_own_and_nothing_else_is() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = NewFile::beside(&dir.path().join("x"), Readers::Owner).expect("new");
        let name = file.path().file_name().expect("name").to_string_lossy();
        assert!(is_temporary_name(&name), "{name}");
        for other in [
            ".pap-tui-.tmp",
            ".pap-tui-abcdefgh.tmpx",
            "pap-tui-abcdefgh.tmp",
            ".pap-tui-abc/efgh.tmp",
            ".pap-tui-abcdefghi.tmp",
            "notes.tmp",
        ] {
            assert!(!is_temporary_name(other), "{other}");
        }
    }

    #[test]
    fn a_file_is_whole_once_persisted_and_gone_if_dropped() {
        let dir = tempfile::tempdir().expect("tempdir");
        let target = dir.path().join("out");
        write_whole(&target, b"one", Readers::Owner, Replace::Yes).expect("write");
        assert_eq!(std::fs::read(&target).expect("read"), b"one");
        let refused = write_whole(&target, b"two", Readers::Owner, Replace::No);
        assert!(refused.is_err_and(|e| e.kind() == io::ErrorKind::AlreadyExists));
        write_whole(&target, b"two", Readers::Owner, Replace::Yes).expect("write");
        assert_eq!(std::fs::read(&target).expect("read"), b"two");
        let mut dropped = NewFile::beside(&target, Readers::Owner).expect("new");
        dropped.write_all(b"half").expect("write");
        assert!(LIVE.live().paths.iter().any(|p| p == dropped.path()));
        let path = dropped.path().to_path_buf();
        drop(dropped);
        assert!(!LIVE.live().paths.contains(&path), "forgotten");
        assert_eq!(names(dir.path()), ["out"]);
    }

    #[test]
    fn removing_the_live_files_removes_each_and_refuses_new_ones() {
        static REGISTRY: Registry = Registry::new();
        let dir = tempfile::tempdir().expect("tempdir");
        let mut a = NewFile::create_in(&REGISTRY, dir.path(), Readers::Owner).expect("new");
        a.write_all(b"half").expect("write");
        let _b = NewFile::create_in(&REGISTRY, dir.path(), Readers::Anyone).expect("new");
        assert_eq!(names(dir.path()).len(), 2);
        REGISTRY.remove_all();
        assert!(names(dir.path()).is_empty());
        assert!(NewFile::create_in(&REGISTRY, dir.path(), Readers::Owner).is_err());
        assert!(names(dir.path()).is_empty(), "none made while ending");
    }

    #[cfg(unix)]
    #[test]
    fn private_files_and_directories_are_the_users_alone() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("tempdir");
        let deep = dir.path().join("a/b");
        create_private_dir(&deep).expect("mkdir");
        let mode = |p: &Path| std::fs::metadata(p).expect("metadata").permissions().mode() & 0o777;
        assert_eq!(mode(&deep), 0o700);
        assert_eq!(mode(&dir.path().join("a")), 0o700);
        let target = deep.join("f");
        write_whole(&target, b"x", Readers::Owner, Replace::Yes).expect("write");
        assert_eq!(mode(&target), 0o600);
    }

    #[cfg(unix)]
    #[test]
    fn links_are_followed_to_where_they_end() {
        let dir = tempfile::tempdir().expect("tempdir");
        let real = dir.path().join("dotfiles/state.json");
        std::fs::create_dir(dir.path().join("dotfiles")).expect("mkdir");
        let link = dir.path().join("state.json");
        std::os::unix::fs::symlink("dotfiles/state.json", &link).expect("symlink");
        let second = dir.path().join("again.json");
        std::os::unix::fs::symlink(&link, &second).expect("symlink");
        assert_eq!(through_links(&second), real, "dangling: the file to make");
        std::fs::write(&real, b"{}").expect("write");
        assert_eq!(through_links(&link), real);
        assert_eq!(through_links(&real), real);
    }
}
