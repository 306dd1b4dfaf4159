//! The index cache: the search index of a `--data` file, stored under the
//! user's cache directory and keyed by the file's content, so that a second
//! search on the same file skips parsing, validating and folding it.
//!
//! A cache file is a header (magic, format version, key, the data's hash and
//! length, payload length and xxh3-128 checksum, and the header's own
//! checksum) then the payload of [`Index::write_bytes`]. Any doubt (a short
//! file, a wrong checksum, another key, another data file) is a miss, never a
//! wrong answer. Writers write a temporary file and rename it, so a reader
//! sees a whole file or none. An index is stored only the second time its key
//! is seen: a file searched once costs no write.
//!
//! The directory is the user's alone (made 0700; one that another user owns
//! or can write to is not used), no cache file is opened through a link, and
//! only names of pap-tui's own are ever removed.

use std::io::{Seek, Write};
#[cfg(unix)]
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use xxhash_rust::xxh3::{Xxh3, xxh3_128};

use crate::search::{ByteSink, Index};

/// Changes whenever the layout of a cache file or of [`Index::write_bytes`] does.
pub(crate) const FORMAT_VERSION: u32 = 4;

const MAGIC: &[u8; 8] = b"PAPIDX\r\n";

/// Magic, version, key, data hash, data length, payload length, payload
/// checksum, header checksum.
const HEADER: usize = BEFORE_SUM + 16;

/// The header's bytes that its checksum covers: all but the checksum.
const BEFORE_SUM: usize = 8 + 4 + 16 + 16 + 8 + 8 + 16;

/// How many indexes are kept, the most recently used first.
pub(crate) const KEEP: usize = 4;

/// The most the kept indexes take together, in bytes (512 MiB).
pub(crate) const MAX_BYTES: u64 = 512 << 20;

/// How many "seen once" marks are kept.
const KEEP_SEEN: usize = 32;

/// The user's cache directory: `PAP_TUI_CACHE_DIR`, else the system's.
pub(crate) fn cache_dir() -> Option<PathBuf> {
    crate::store::config::Paths::from_env(|k| std::env::var(k).ok()).cache_dir
}

/// Why a cache directory is not used: anyone who can write in it could plant
/// an index (an answer the data does not hold) or a link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unsafe {
    /// Another user owns it.
    OtherOwner,
    /// Its group or everyone may write in it.
    WritableByOthers,
}

/// Whether the cache directory `dir` is unsafe to use. One that is missing,
/// or cannot be read, is not: it is made the user's alone (0700) when an
/// index is first written, and writing fails on its own where it cannot.
pub(crate) fn unsafe_dir(dir: &Path) -> Option<Unsafe> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let metadata = std::fs::metadata(dir).ok()?;
        // SAFETY: geteuid only reads the process's effective user id.
        if metadata.uid() != unsafe { libc::geteuid() } {
            return Some(Unsafe::OtherOwner);
        }
        if metadata.mode() & 0o022 != 0 {
            return Some(Unsafe::WritableByOthers);
        }
        None
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        None
    }
}

/// Makes the directory if it is missing, before a write; an unsafe one is an
/// error.
fn ready(dir: &Path) -> std::io::Result<()> {
    crate::base::files::create_private_dir(dir)?;
    match unsafe_dir(dir) {
        None => Ok(()),
        Some(why) => Err(std::io::Error::new(
            std::io::ErrorKind::PermissionDenied,
            format!("cache directory not the user's alone: {why:?}"),
        )),
    }
}

/// Where the index of one `--data` file is kept: the cache directory and the
/// file's key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Slot {
    pub dir: PathBuf,
    pub key: Key,
}

impl Slot {
    /// Whether an index is stored here, whole or not: what a lookup would read.
    pub(crate) fn holds_index(&self) -> bool {
        std::fs::symlink_metadata(self.key.file(&self.dir)).is_ok_and(|m| m.is_file())
    }

    /// The index stored here, or `None` on any doubt.
    pub(crate) fn lookup(&self) -> Option<Index> {
        lookup(&self.dir, self.key)
    }

    /// After a miss: see [`remember`].
    pub(crate) fn remember(&self, index: &Index) -> std::io::Result<Remembered> {
        remember(&self.dir, self.key, index)
    }
}

/// What a cache file is for: the data's content, this format and this
/// build; then the data's own hash and length, which a stored index records
/// so that it is found only for the data it was built from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key(u128, u128, u64);

impl Key {
    /// The key of a data file's bytes for this program.
    pub(crate) fn of(data: &[u8]) -> Key {
        Key::with_build(data, build_id())
    }

    fn with_build(data: &[u8], build: u128) -> Key {
        Key::from_hash(xxh3_128(data), data.len() as u64, build)
    }

    fn from_hash(data: u128, len: u64, build: u128) -> Key {
        let mut both = [0u8; 36];
        both[..16].copy_from_slice(&data.to_le_bytes());
        both[16..32].copy_from_slice(&build.to_le_bytes());
        both[32..].copy_from_slice(&FORMAT_VERSION.to_le_bytes());
        Key(xxh3_128(&both), data, len)
    }

    fn file(self, dir: &Path) -> PathBuf {
        dir.join(format!("{:032x}.idx", self.0))
    }

    fn seen(self, dir: &Path) -> PathBuf {
        dir.join(format!("{:032x}.seen", self.0))
    }
}

/// This build of the program: its version and its executable's size and
/// modification time, so that a rebuilt program (whose validation or folding
/// may differ) never reads an index an older one wrote.
fn build_id() -> u128 {
    build_id_of(std::env::current_exe().ok().as_deref())
}

/// [`build_id`] of the program at `exe`.
fn build_id_of(exe: Option<&Path>) -> u128 {
    let exe = exe
        .and_then(|exe| std::fs::metadata(exe).ok())
        .map(|m| {
            let mtime = m
                .modified()
                .ok()
                .and_then(|t| t.duration_since(SystemTime::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos());
            format!("{} {mtime}", m.len())
        })
        .unwrap_or_default();
    xxh3_128(format!("{} {exe}", env!("CARGO_PKG_VERSION")).as_bytes())
}

/// The index stored for `key` in `dir`, or `None` on any doubt.
pub(crate) fn lookup(dir: &Path, key: Key) -> Option<Index> {
    if unsafe_dir(dir).is_some() {
        return None;
    }
    let path = key.file(dir);
    let bytes = crate::base::files::read_own(&path, MAX_BYTES).ok()?;
    let payload = payload(&bytes, key)?;
    let index = Index::from_bytes(payload)?;
    touch(&path);
    Some(index)
}

/// Marks a cache file as just used: eviction keeps the newest modification times.
fn touch(path: &Path) {
    let mut options = std::fs::File::options();
    options.append(true);
    #[cfg(unix)]
    options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    if let Ok(file) = options.open(path) {
        let _ = file.set_modified(SystemTime::now());
    }
}

/// A temporary file in `dir` (made if needed), for a writer to rename over
/// its final name once whole, so that concurrent writers and readers never
/// see half a file.
fn temporary(dir: &Path) -> std::io::Result<crate::base::files::NewFile> {
    ready(dir)?;
    crate::base::files::NewFile::beside(&dir.join("index"), crate::base::files::Readers::Owner)
}

/// The payload of a cache file whose header matches `key` and whose checksum holds.
fn payload(bytes: &[u8], key: Key) -> Option<&[u8]> {
    payload_after(MAGIC, bytes, key)
}

/// [`payload`] for a file of the kind that `magic` starts.
fn payload_after<'a>(magic: &[u8; 8], bytes: &'a [u8], key: Key) -> Option<&'a [u8]> {
    if bytes.len() < HEADER || &bytes[..8] != magic {
        return None;
    }
    let (header, payload) = bytes.split_at(HEADER);
    let sum = u128::from_le_bytes(header[BEFORE_SUM - 16..BEFORE_SUM].try_into().ok()?);
    let len = u64::from_le_bytes(header[BEFORE_SUM - 24..BEFORE_SUM - 16].try_into().ok()?);
    // The header as this key and payload would have it, its own checksum
    // included: the same version, key, data hash and data length, so that an
    // index copied under another key's name, its key changed, is refused.
    let whole = u64::try_from(payload.len()).ok() == Some(len);
    (header_after(magic, key, len, sum) == header && whole && xxh3_128(payload) == sum)
        .then_some(payload)
}

/// The header of a cache file whose payload is `len` bytes with checksum `sum`.
fn header(key: Key, len: u64, sum: u128) -> Vec<u8> {
    header_after(MAGIC, key, len, sum)
}

/// [`header`] for a file of the kind that `magic` starts.
fn header_after(magic: &[u8; 8], key: Key, len: u64, sum: u128) -> Vec<u8> {
    let mut out = Vec::with_capacity(HEADER);
    out.extend_from_slice(magic);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&key.0.to_le_bytes());
    out.extend_from_slice(&key.1.to_le_bytes());
    out.extend_from_slice(&key.2.to_le_bytes());
    out.extend_from_slice(&len.to_le_bytes());
    out.extend_from_slice(&sum.to_le_bytes());
    let header_sum = xxh3_128(&out);
    out.extend_from_slice(&header_sum.to_le_bytes());
    out
}

/// How many bytes of payload [`Payload`] gathers before hashing and writing them.
const CHUNK: usize = 1 << 20;

/// The payload on its way to a file: hashed, counted and written a chunk at a
/// time, so that the whole index is never copied into memory. The first write
/// error is kept and reported at the end.
struct Payload<'a> {
    file: &'a mut std::fs::File,
    chunk: Vec<u8>,
    hasher: Xxh3,
    len: u64,
    error: Option<std::io::Error>,
}

impl Payload<'_> {
    fn write_chunk(&mut self) {
        if self.error.is_none() {
            self.hasher.update(&self.chunk);
            self.len += self.chunk.len() as u64;
            if let Err(e) = self.file.write_all(&self.chunk) {
                self.error = Some(e);
            }
        }
        self.chunk.clear();
    }

    /// The payload's length and checksum, once all of it is written.
    fn finish(mut self) -> std::io::Result<(u64, u128)> {
        self.write_chunk();
        match self.error {
            Some(e) => Err(e),
            None => Ok((self.len, self.hasher.digest128())),
        }
    }
}

impl ByteSink for Payload<'_> {
    fn put(&mut self, bytes: &[u8]) {
        self.chunk.extend_from_slice(bytes);
        if self.chunk.len() >= CHUNK {
            self.write_chunk();
        }
    }
}

/// What [`remember`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Remembered {
    /// First sight of the key: a mark is left, nothing stored.
    Marked,
    /// Second sight: the index is stored.
    Stored,
}

/// After a miss: marks the key as seen, or stores the index if it was seen
/// before. Then keeps only the newest [`KEEP`] indexes within [`MAX_BYTES`].
pub(crate) fn remember(dir: &Path, key: Key, index: &Index) -> std::io::Result<Remembered> {
    ready(dir)?;
    let seen = key.seen(dir);
    // Only a file of its own counts: a link there is not followed, nor
    // replaced, and nothing is made where it leads.
    if !std::fs::symlink_metadata(&seen).is_ok_and(|m| m.is_file()) {
        let mut options = std::fs::File::options();
        options.write(true).create_new(true);
        #[cfg(unix)]
        options.mode(0o600).custom_flags(libc::O_NOFOLLOW);
        options.open(&seen)?;
        prune(dir, ".seen", KEEP_SEEN, u64::MAX);
        return Ok(Remembered::Marked);
    }
    store(dir, key, index)?;
    let _ = std::fs::remove_file(&seen);
    Ok(Remembered::Stored)
}

/// Writes the index for `key` at once: a temporary file in `dir`, renamed
/// over the final name, so that concurrent writers and readers never see half
/// a file.
pub(crate) fn store(dir: &Path, key: Key, index: &Index) -> std::io::Result<()> {
    let mut temp = temporary(dir)?;
    // Room for the header, then the payload as it is made, then the header
    // with the payload's length and checksum: no copy of the whole index.
    let file = temp.file()?;
    file.write_all(&[0; HEADER])?;
    let mut payload = Payload {
        file,
        chunk: Vec::with_capacity(CHUNK + 4096),
        hasher: Xxh3::new(),
        len: 0,
        error: None,
    };
    index.write_bytes(&mut payload).ok_or_else(|| {
        std::io::Error::new(std::io::ErrorKind::FileTooLarge, "index too large to store")
    })?;
    let (len, sum) = payload.finish()?;
    file.seek(std::io::SeekFrom::Start(0))?;
    file.write_all(&header(key, len, sum))?;
    file.sync_data()?;
    temp.persist(&key.file(dir), crate::base::files::Replace::Yes)?;
    prune(dir, ".idx", KEEP, MAX_BYTES);
    remove_stale_temporaries(dir, SystemTime::now());
    Ok(())
}

/// How old a temporary file must be to count as left by a writer that was
/// killed: a live writer renames its file within seconds.
const STALE: std::time::Duration = std::time::Duration::from_secs(3600);

/// Removes the temporary files of writers that never finished.
fn remove_stale_temporaries(dir: &Path, now: SystemTime) {
    let Ok(read) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in read.filter_map(Result::ok) {
        let name = entry.file_name();
        if !name
            .to_str()
            .is_some_and(crate::base::files::is_temporary_name)
        {
            continue;
        }
        let modified = entry.metadata().and_then(|m| m.modified());
        if modified.is_ok_and(|m| now.duration_since(m).is_ok_and(|age| age > STALE)) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Whether `name` is one of pap-tui's cache files of the kind `suffix` names:
/// 32 hexadecimal digits (a key), then `suffix`.
fn is_own_name(name: &str, suffix: &str) -> bool {
    name.strip_suffix(suffix).is_some_and(|key| {
        key.len() == 32 && key.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
    })
}

/// Removes pap-tui's files of `dir` ending in `suffix` beyond the newest
/// `keep`, and beyond `max_bytes` in all. Any other file is left alone.
fn prune(dir: &Path, suffix: &str, keep: usize, max_bytes: u64) {
    let Ok(read) = std::fs::read_dir(dir) else {
        return;
    };
    let mut files: Vec<(SystemTime, u64, PathBuf)> = read
        .filter_map(Result::ok)
        .filter(|e| {
            e.file_name()
                .to_str()
                .is_some_and(|n| is_own_name(n, suffix))
        })
        .filter_map(|e| {
            // The entry itself, not where a link leads.
            let m = e.metadata().ok()?;
            Some((m.modified().ok()?, m.len(), e.path()))
        })
        .collect();
    files.sort_by_key(|f| std::cmp::Reverse(f.0));
    let mut total = 0u64;
    for (i, (_, len, path)) in files.into_iter().enumerate() {
        total = total.saturating_add(len);
        if i >= keep || total > max_bytes {
            let _ = std::fs::remove_file(path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::Query;

    fn index() -> Index {
        crate::search::embedded_index()
    }

    fn dir() -> tempfile::TempDir {
        tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn an_index_is_stored_on_the_second_sight_and_found_after() {
        let dir = dir();
        let index = index();
        let key = Key::of(b"some data");
        assert!(lookup(dir.path(), key).is_none());
        assert_eq!(
            remember(dir.path(), key, &index).ok(),
            Some(Remembered::Marked)
        );
        assert!(lookup(dir.path(), key).is_none());
        assert_eq!(
            remember(dir.path(), key, &index).ok(),
            Some(Remembered::Stored)
        );
        let found = lookup(dir.path(), key).unwrap_or_else(|| panic!("a miss"));
        let q = Query::parse("montreal");
        assert_eq!(
            found.search_top(&q, 20, |_| true),
            index.search_top(&q, 20, |_| true)
        );
        assert!(!key.seen(dir.path()).exists());
    }

    #[test]
    fn a_stored_file_is_the_header_then_the_index_bytes_over_several_chunks() {
        let dir = dir();
        let data = crate::synthetic::dataset(10_000).unwrap_or_else(|e| panic!("{e}"));
        let index = Index::build(&data);
        let key = Key::of(b"big data");
        assert!(store(dir.path(), key, &index).is_ok());
        let bytes = std::fs::read(key.file(dir.path())).unwrap_or_default();
        let payload = index.to_bytes().unwrap_or_default();
        assert!(payload.len() > CHUNK, "{} bytes", payload.len());
        assert_eq!(&bytes[HEADER..], payload.as_slice());
        let sum = xxh3_128(&payload);
        assert_eq!(&bytes[..HEADER], header(key, payload.len() as u64, sum));
        assert!(lookup(dir.path(), key).is_some());
    }

    #[test]
    fn other_data_or_another_build_is_a_miss() {
        let dir = dir();
        let key = Key::of(b"some data");
        assert!(store(dir.path(), key, &index()).is_ok());
        assert!(lookup(dir.path(), Key::of(b"other data")).is_none());
        assert_ne!(
            Key::with_build(b"some data", 1),
            Key::with_build(b"some data", 2)
        );
        // A file of another key under this key's name.
        let other = Key::of(b"other data");
        assert!(std::fs::rename(key.file(dir.path()), other.file(dir.path())).is_ok());
        assert!(lookup(dir.path(), other).is_none());
    }

    #[test]
    fn a_corrupt_or_truncated_file_is_a_miss() {
        let dir = dir();
        let key = Key::of(b"some data");
        assert!(store(dir.path(), key, &index()).is_ok());
        let path = key.file(dir.path());
        let bytes = std::fs::read(&path).unwrap_or_default();
        for cut in [0, 7, HEADER - 1, HEADER, bytes.len() / 2, bytes.len() - 1] {
            assert!(std::fs::write(&path, &bytes[..cut]).is_ok());
            assert!(lookup(dir.path(), key).is_none(), "cut at {cut}");
        }
        for at in [3, 10, 30, HEADER + 5, bytes.len() / 2, bytes.len() - 1] {
            let mut bad = bytes.clone();
            bad[at] ^= 0x20;
            assert!(std::fs::write(&path, &bad).is_ok());
            assert!(lookup(dir.path(), key).is_none(), "flipped at {at}");
        }
        assert!(std::fs::write(&path, &bytes).is_ok());
        assert!(lookup(dir.path(), key).is_some());
    }

    #[test]
    fn concurrent_writers_leave_one_whole_file() {
        let dir = dir();
        let index = index();
        let key = Key::of(b"some data");
        std::thread::scope(|s| {
            for _ in 0..8 {
                s.spawn(|| {
                    for _ in 0..5 {
                        assert!(store(dir.path(), key, &index).is_ok());
                        assert!(lookup(dir.path(), key).is_some());
                    }
                });
            }
        });
        let names: Vec<String> = std::fs::read_dir(dir.path())
            .into_iter()
            .flatten()
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, vec![format!("{:032x}.idx", key.0)]);
    }

    #[test]
    fn an_unwritable_directory_is_an_error_not_a_panic() {
        let dir = dir();
        let file = dir.path().join("a file");
        assert!(std::fs::write(&file, "x").is_ok());
        let under = file.join("cache");
        let key = Key::of(b"some data");
        assert!(remember(&under, key, &index()).is_err());
        assert!(store(&under, key, &index()).is_err());
        assert!(lookup(&under, key).is_none());
    }

    #[test]
    fn a_killed_writers_file_is_removed_once_stale() {
        let dir = dir();
        let left = dir.path().join(".pap-tui-abcdefgh.tmp");
        let fresh = dir.path().join(".pap-tui-defghijk.tmp");
        assert!(std::fs::write(&left, "half").is_ok());
        assert!(std::fs::write(&fresh, "half").is_ok());
        let old = SystemTime::now() - 2 * STALE;
        let file = std::fs::File::options().append(true).open(&left);
        assert!(file.and_then(|f| f.set_modified(old)).is_ok());
        assert!(store(dir.path(), Key::of(b"some data"), &index()).is_ok());
        assert!(!left.exists());
        assert!(fresh.exists(), "a writer may still be writing it");
        // Stale once older than an hour, not at the hour.
        let written = std::fs::metadata(&fresh).and_then(|m| m.modified());
        let Ok(written) = written else {
            panic!("{written:?}");
        };
        remove_stale_temporaries(dir.path(), written + STALE);
        assert!(fresh.exists(), "removed at the hour");
        remove_stale_temporaries(
            dir.path(),
            written + STALE + std::time::Duration::from_millis(1),
        );
        assert!(!fresh.exists());
    }

    #[test]
    fn only_the_newest_few_are_kept() {
        let dir = dir();
        let index = index();
        let keys: Vec<Key> = (0..KEEP + 3)
            .map(|i| Key::of(format!("data {i}").as_bytes()))
            .collect();
        let start = SystemTime::now() - std::time::Duration::from_secs(3600);
        for (i, key) in keys.iter().enumerate() {
            assert!(store(dir.path(), *key, &index).is_ok());
            // Distinct times, oldest first, whatever the clock's resolution.
            let file = std::fs::File::options()
                .append(true)
                .open(key.file(dir.path()));
            let when = start + std::time::Duration::from_secs(i as u64 * 60);
            assert!(file.and_then(|f| f.set_modified(when)).is_ok());
        }
        prune(dir.path(), ".idx", KEEP, MAX_BYTES);
        let kept: Vec<bool> = keys.iter().map(|k| k.file(dir.path()).exists()).collect();
        let mut expected = vec![false; 3];
        expected.extend(vec![true; KEEP]);
        assert_eq!(kept, expected);
        // A size cap of two files (all of one size) keeps two; below, one.
        let one = std::fs::metadata(keys[KEEP + 2].file(dir.path())).map_or(0, |m| m.len());
        prune(dir.path(), ".idx", KEEP, one * 2);
        let left = keys.iter().filter(|k| k.file(dir.path()).exists()).count();
        assert_eq!(left, 2);
        prune(dir.path(), ".idx", KEEP, one * 2 - 1);
        let left = keys.iter().filter(|k| k.file(dir.path()).exists()).count();
        assert_eq!(left, 1);
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    fn set_modified(path: &Path, when: SystemTime) {
        let file = std::fs::File::options().append(true).open(path);
        assert!(file.and_then(|f| f.set_modified(when)).is_ok());
    }

    fn ago(seconds: u64) -> SystemTime {
        SystemTime::now() - std::time::Duration::from_secs(seconds)
    }

    #[test]
    fn whether_an_index_is_held_is_what_a_lookup_would_find() {
        let dir = dir();
        let slot = Slot {
            dir: dir.path().to_path_buf(),
            key: Key::of(b"some data"),
        };
        assert!(!slot.holds_index());
        assert!(slot.lookup().is_none());
        assert!(store(&slot.dir, slot.key, &index()).is_ok());
        assert!(slot.holds_index());
        assert!(slot.lookup().is_some());
        let other = Slot {
            key: Key::of(b"other data"),
            ..slot.clone()
        };
        assert!(!other.holds_index());
        assert!(other.lookup().is_none());
    }

    /// A link put where an index was, after it was read and before it is
    /// marked as used: the mark does not go through it.
    #[cfg(unix)]
    #[test]
    fn marking_an_index_as_used_never_goes_through_a_link() {
        let outside = dir();
        let dir = dir();
        let victim = outside.path().join("victim.txt");
        assert!(std::fs::write(&victim, b"precious").is_ok());
        set_modified(&victim, ago(7200));
        let before = std::fs::metadata(&victim).and_then(|m| m.modified()).ok();
        let link = dir.path().join("link.idx");
        assert!(std::os::unix::fs::symlink(&victim, &link).is_ok());
        touch(&link);
        let after = std::fs::metadata(&victim).and_then(|m| m.modified()).ok();
        assert_eq!(before, after, "re-dated through a link");
        // A file of its own is re-dated.
        let own = dir.path().join("own.idx");
        assert!(std::fs::write(&own, b"index").is_ok());
        set_modified(&own, ago(7200));
        touch(&own);
        let age = std::fs::metadata(&own)
            .and_then(|m| m.modified())
            .ok()
            .and_then(|m| SystemTime::now().duration_since(m).ok());
        assert!(age.is_some_and(|a| a < STALE), "{age:?}");
    }

    #[test]
    fn a_rebuilt_program_misses_the_indexes_of_the_old_one() {
        let dir = dir();
        let exe = dir.path().join("pap-tui");
        assert!(std::fs::write(&exe, b"a program").is_ok());
        set_modified(&exe, ago(7200));
        let old = build_id_of(Some(&exe));
        set_modified(&exe, ago(60));
        let rebuilt = build_id_of(Some(&exe));
        assert_ne!(old, rebuilt, "same size, built again");
        assert!(std::fs::write(&exe, b"a larger program").is_ok());
        set_modified(&exe, ago(60));
        assert_ne!(build_id_of(Some(&exe)), rebuilt, "same time, another size");
        // This program's keys are those of its own executable.
        let this = std::env::current_exe().ok();
        let built = Key::with_build(b"data", build_id_of(this.as_deref()));
        assert_eq!(Key::of(b"data"), built);
        assert!(store(dir.path(), Key::with_build(b"data", old), &index()).is_ok());
        assert!(lookup(dir.path(), Key::with_build(b"data", old)).is_some());
        assert!(lookup(dir.path(), Key::with_build(b"data", rebuilt)).is_none());
    }

    #[test]
    fn an_index_in_use_outlives_newer_ones_left_unused() {
        let dir = dir();
        let index = index();
        let keys: Vec<Key> = (0..=KEEP)
            .map(|i| Key::of(format!("data {i}").as_bytes()))
            .collect();
        for (i, key) in keys[..KEEP].iter().enumerate() {
            assert!(store(dir.path(), *key, &index).is_ok());
            set_modified(&key.file(dir.path()), ago(3600 - i as u64 * 60));
        }
        // The oldest is searched again: it is the newest used.
        assert!(lookup(dir.path(), keys[0]).is_some());
        assert!(store(dir.path(), keys[KEEP], &index).is_ok());
        let kept: Vec<bool> = keys.iter().map(|k| k.file(dir.path()).exists()).collect();
        let mut expected = vec![true; KEEP + 1];
        expected[1] = false;
        assert_eq!(kept, expected, "the least recently used goes");
    }

    #[test]
    fn an_index_copied_under_another_key_is_refused_even_with_its_key_changed() {
        let dir = dir();
        let theirs = Key::of(b"another dataset");
        let victims = Key::of(b"the victim's dataset");
        assert!(store(dir.path(), theirs, &index()).is_ok());
        let mut bytes = std::fs::read(theirs.file(dir.path())).unwrap_or_default();
        assert!(bytes.len() > HEADER);
        // The victim's key where the key is: what its name shows.
        bytes[12..28].copy_from_slice(&victims.0.to_le_bytes());
        assert!(std::fs::write(victims.file(dir.path()), &bytes).is_ok());
        assert!(lookup(dir.path(), victims).is_none());
        // Even with a header of the victim's key and no other change, the
        // data's hash and length stored in it must match.
        let same_data_other_length = Key(victims.0, victims.1, victims.2 + 1);
        let sum = xxh3_128(&bytes[HEADER..]);
        let len = (bytes.len() - HEADER) as u64;
        bytes[..HEADER].copy_from_slice(&header(same_data_other_length, len, sum));
        assert!(std::fs::write(victims.file(dir.path()), &bytes).is_ok());
        assert!(lookup(dir.path(), victims).is_none());
        assert!(lookup(dir.path(), theirs).is_some(), "the original is fine");
    }

    #[cfg(unix)]
    #[test]
    fn planted_links_are_neither_followed_nor_written_through() {
        use std::os::unix::fs::symlink;
        let outside = dir();
        let dir = dir();
        let victim = outside.path().join("victim.txt");
        assert!(std::fs::write(&victim, b"precious").is_ok());
        set_modified(&victim, ago(7200));
        let before = std::fs::metadata(&victim).and_then(|m| m.modified()).ok();
        let index = index();
        // A `.seen` mark that leads elsewhere: nothing made or emptied there.
        let key = Key::of(b"some data");
        assert!(symlink(&victim, key.seen(dir.path())).is_ok());
        let _ = remember(dir.path(), key, &index);
        let dangling = outside.path().join("made.txt");
        let other = Key::of(b"other data");
        assert!(symlink(&dangling, other.seen(dir.path())).is_ok());
        let _ = remember(dir.path(), other, &index);
        assert!(!dangling.exists(), "a dangling link's target was made");
        // An index that is a link: not read, not touched.
        let third = Key::of(b"third data");
        assert!(store(outside.path(), third, &index).is_ok());
        let real = third.file(outside.path());
        assert!(symlink(&real, third.file(dir.path())).is_ok());
        assert!(lookup(outside.path(), third).is_some());
        set_modified(&real, ago(7200));
        let real_before = std::fs::metadata(&real).and_then(|m| m.modified()).ok();
        let slot = Slot {
            dir: dir.path().to_path_buf(),
            key: third,
        };
        assert!(!slot.holds_index());
        assert!(slot.lookup().is_none());
        let real_after = std::fs::metadata(&real).and_then(|m| m.modified()).ok();
        assert_eq!(real_before, real_after, "touched through a link");
        // Storing over a link replaces the link, never what it leads to.
        assert!(symlink(&victim, key.file(dir.path())).is_ok());
        assert!(store(dir.path(), key, &index).is_ok());
        assert!(lookup(dir.path(), key).is_some());
        assert_eq!(
            std::fs::read(&victim).ok().as_deref(),
            Some(&b"precious"[..])
        );
        let after = std::fs::metadata(&victim).and_then(|m| m.modified()).ok();
        assert_eq!(before, after);
    }

    #[cfg(unix)]
    #[test]
    fn a_directory_others_can_write_in_or_own_is_not_used() {
        use std::os::unix::fs::PermissionsExt;
        let dir = dir();
        let made = dir.path().join("a/cache");
        assert_eq!(unsafe_dir(&made), None, "missing");
        assert!(ready(&made).is_ok());
        let mode = std::fs::metadata(&made).map(|m| m.permissions().mode() & 0o777);
        assert_eq!(mode.ok(), Some(0o700));
        let key = Key::of(b"some data");
        assert!(store(&made, key, &index()).is_ok());
        for (mode, why) in [
            (0o777, Unsafe::WritableByOthers),
            (0o770, Unsafe::WritableByOthers),
        ] {
            assert!(std::fs::set_permissions(&made, std::fs::Permissions::from_mode(mode)).is_ok());
            assert_eq!(unsafe_dir(&made), Some(why));
            assert!(lookup(&made, key).is_none(), "an index read from {mode:o}");
            assert!(remember(&made, Key::of(b"x"), &index()).is_err());
            assert!(store(&made, key, &index()).is_err());
        }
        assert!(std::fs::set_permissions(&made, std::fs::Permissions::from_mode(0o755)).is_ok());
        assert_eq!(unsafe_dir(&made), None);
        assert!(lookup(&made, key).is_some());
        // Another user's directory, where this test can give one away.
        let nobody = 65534;
        if unsafe { libc::geteuid() } == 0 {
            assert!(std::os::unix::fs::chown(&made, Some(nobody), None).is_ok());
            assert_eq!(unsafe_dir(&made), Some(Unsafe::OtherOwner));
            assert!(lookup(&made, key).is_none());
        }
    }

    #[test]
    fn pruning_and_cleaning_leave_every_other_file_alone() {
        let dir = dir();
        let foreign: Vec<String> = [
            "notes.idx",
            "0123456789ABCDEF0123456789ABCDEF.idx",
            "0123456789abcdef0123456789abcde.idx",
            "0123456789abcdef0123456789abcdef0.idx",
            "0123456789abcdef0123456789abcdef.idx.bak",
            "x.seen",
            "other.tmp",
            ".pap-tui-x.tmp",
            ".pap-tui-abcdefgh.tmp.keep",
            "pap-tui-abcdefgh.tmp",
        ]
        .into_iter()
        .map(String::from)
        .chain((0..40).map(|i| format!("someone-else-{i}.seen")))
        .chain((0..8).map(|i| format!("photo-{i}.idx")))
        .collect();
        for name in &foreign {
            let path = dir.path().join(name);
            assert!(std::fs::write(&path, b"not pap-tui's").is_ok());
            set_modified(&path, ago(10 * 3600));
        }
        let index = index();
        for i in 0..KEEP_SEEN + 3 {
            let key = Key::of(format!("seen {i}").as_bytes());
            assert_eq!(
                remember(dir.path(), key, &index).ok(),
                Some(Remembered::Marked)
            );
        }
        for i in 0..KEEP + 3 {
            assert!(store(dir.path(), Key::of(format!("data {i}").as_bytes()), &index).is_ok());
        }
        let names = names(dir.path());
        for name in &foreign {
            assert!(names.contains(name), "{name} removed");
        }
        let own = |suffix: &str| names.iter().filter(|n| is_own_name(n, suffix)).count();
        assert_eq!(own(".seen"), KEEP_SEEN);
        assert_eq!(own(".idx"), KEEP);
        assert_eq!(names.len(), foreign.len() + KEEP_SEEN + KEEP);
    }
}
