//! The index cache: the search index of a `--data` file, stored under the
//! user's cache directory and keyed by the file's content, so that a second
//! search on the same file skips parsing, validating and folding it.
//!
//! A cache file is a header (magic, format version, key, payload length and
//! xxh3-128 checksum) then the payload of [`Index::write_bytes`]. Any doubt (a
//! short file, a wrong checksum, another key) is a miss, never a wrong answer.
//! Writers write a temporary file and rename it, so a reader sees a whole file
//! or none. An index is stored only the second time its key is seen: a file
//! searched once costs no write.

use std::io::{Seek, Write};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use xxhash_rust::xxh3::{Xxh3, xxh3_128};

use crate::search::{ByteSink, Index};

/// Changes whenever the layout of a cache file or of [`Index::write_bytes`] does.
pub const FORMAT_VERSION: u32 = 3;

const MAGIC: &[u8; 8] = b"PAPIDX\r\n";

/// Magic, version, key, payload length, payload checksum.
const HEADER: usize = 8 + 4 + 16 + 8 + 16;

/// How many indexes are kept, the most recently used first.
pub const KEEP: usize = 4;

/// The most the kept indexes take together, in bytes (512 MiB).
pub const MAX_BYTES: u64 = 512 << 20;

/// How many "seen once" marks are kept.
const KEEP_SEEN: usize = 32;

/// The user's cache directory: `PAP_TUI_CACHE_DIR`, else the system's.
pub fn cache_dir() -> Option<PathBuf> {
    crate::config::Paths::from_env(|k| std::env::var(k).ok()).cache_dir
}

/// Where the index of one `--data` file is kept: the cache directory and the
/// file's key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slot {
    pub dir: PathBuf,
    pub key: Key,
}

impl Slot {
    /// Whether an index is stored here, whole or not: what a lookup would read.
    pub fn holds_index(&self) -> bool {
        self.key.file(&self.dir).is_file()
    }

    /// The index stored here, or `None` on any doubt.
    pub fn lookup(&self) -> Option<Index> {
        lookup(&self.dir, self.key)
    }

    /// After a miss: see [`remember`].
    pub fn remember(&self, index: &Index) -> std::io::Result<Remembered> {
        remember(&self.dir, self.key, index)
    }
}

/// What a cache file is for: the data's content, this format and this build.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key(u128);

impl Key {
    /// The key of a data file's bytes for this program.
    pub fn of(data: &[u8]) -> Key {
        Key::with_build(data, build_id())
    }

    fn with_build(data: &[u8], build: u128) -> Key {
        Key::from_hash(xxh3_128(data), build)
    }

    fn from_hash(data: u128, build: u128) -> Key {
        let mut both = [0u8; 36];
        both[..16].copy_from_slice(&data.to_le_bytes());
        both[16..32].copy_from_slice(&build.to_le_bytes());
        both[32..].copy_from_slice(&FORMAT_VERSION.to_le_bytes());
        Key(xxh3_128(&both))
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
    let exe = std::env::current_exe()
        .and_then(std::fs::metadata)
        .ok()
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
pub fn lookup(dir: &Path, key: Key) -> Option<Index> {
    let path = key.file(dir);
    let bytes = std::fs::read(&path).ok()?;
    let payload = payload(&bytes, key)?;
    let index = Index::from_bytes(payload)?;
    touch(&path);
    Some(index)
}

/// Marks a cache file as just used: eviction keeps the newest modification times.
fn touch(path: &Path) {
    if let Ok(file) = std::fs::File::options().append(true).open(path) {
        let _ = file.set_modified(SystemTime::now());
    }
}

/// A temporary file in `dir` (made if needed), for a writer to rename over
/// its final name once whole, so that concurrent writers and readers never
/// see half a file.
fn temporary(dir: &Path) -> std::io::Result<tempfile::NamedTempFile> {
    std::fs::create_dir_all(dir)?;
    tempfile::Builder::new()
        .prefix(".pap-tui-")
        .suffix(".tmp")
        .tempfile_in(dir)
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
    let version = u32::from_le_bytes(bytes[8..12].try_into().ok()?);
    let stored = u128::from_le_bytes(bytes[12..28].try_into().ok()?);
    let len = u64::from_le_bytes(bytes[28..36].try_into().ok()?);
    let sum = u128::from_le_bytes(bytes[36..52].try_into().ok()?);
    let payload = &bytes[HEADER..];
    let whole = u64::try_from(payload.len()).ok() == Some(len);
    (version == FORMAT_VERSION && stored == key.0 && whole && xxh3_128(payload) == sum)
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
    out.extend_from_slice(&len.to_le_bytes());
    out.extend_from_slice(&sum.to_le_bytes());
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
pub enum Remembered {
    /// First sight of the key: a mark is left, nothing stored.
    Marked,
    /// Second sight: the index is stored.
    Stored,
}

/// After a miss: marks the key as seen, or stores the index if it was seen
/// before. Then keeps only the newest [`KEEP`] indexes within [`MAX_BYTES`].
pub fn remember(dir: &Path, key: Key, index: &Index) -> std::io::Result<Remembered> {
    std::fs::create_dir_all(dir)?;
    let seen = key.seen(dir);
    if !seen.exists() {
        std::fs::File::create(&seen)?;
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
pub fn store(dir: &Path, key: Key, index: &Index) -> std::io::Result<()> {
    let mut temp = temporary(dir)?;
    // Room for the header, then the payload as it is made, then the header
    // with the payload's length and checksum: no copy of the whole index.
    let file = temp.as_file_mut();
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
    temp.persist(key.file(dir)).map_err(|e| e.error)?;
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
        let name = name.to_string_lossy();
        if !(name.starts_with(".pap-tui-") && name.ends_with(".tmp")) {
            continue;
        }
        let modified = entry.metadata().and_then(|m| m.modified());
        if modified.is_ok_and(|m| now.duration_since(m).is_ok_and(|age| age > STALE)) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Removes the files of `dir` ending in `suffix` beyond the newest `keep`, and
/// beyond `max_bytes` in all.
fn prune(dir: &Path, suffix: &str, keep: usize, max_bytes: u64) {
    let Ok(read) = std::fs::read_dir(dir) else {
        return;
    };
    let mut files: Vec<(SystemTime, u64, PathBuf)> = read
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(suffix))
        .filter_map(|e| {
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
        let left = dir.path().join(".pap-tui-abc.tmp");
        let fresh = dir.path().join(".pap-tui-def.tmp");
        assert!(std::fs::write(&left, "half").is_ok());
        assert!(std::fs::write(&fresh, "half").is_ok());
        let old = SystemTime::now() - 2 * STALE;
        let file = std::fs::File::options().append(true).open(&left);
        assert!(file.and_then(|f| f.set_modified(old)).is_ok());
        assert!(store(dir.path(), Key::of(b"some data"), &index()).is_ok());
        assert!(!left.exists());
        assert!(fresh.exists(), "a writer may still be writing it");
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
        // A size cap below two files keeps one.
        let one = std::fs::metadata(keys[KEEP + 2].file(dir.path())).map_or(0, |m| m.len());
        prune(dir.path(), ".idx", KEEP, one * 2 - 1);
        let left = keys.iter().filter(|k| k.file(dir.path()).exists()).count();
        assert_eq!(left, 1);
    }
}
