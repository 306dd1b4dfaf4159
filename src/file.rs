//! Reads a file a user named (the dataset, the config, the state) without
//! trusting it to be one: only a regular file, symbolic links followed, and
//! only up to a size limit, so that a FIFO, a device such as `/dev/zero`, or a
//! huge file can neither hang the program nor exhaust its memory.

use std::fs::{File, FileType};
use std::io::{self, Read};
use std::path::Path;

#[cfg(target_os = "linux")]
pub mod map;

/// Why a file was not read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{0}")]
    Io(#[from] io::Error),
    /// A directory, a FIFO, a device or a socket: named by [`kind_name`].
    #[error("not a regular file but a {0}")]
    NotRegular(&'static str),
    #[error("larger than the limit of {limit} bytes")]
    TooLarge { limit: u64 },
}

/// What a file that is not regular is, in words.
pub fn kind_name(kind: FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "FIFO (named pipe)";
        }
        if kind.is_char_device() {
            return "character device";
        }
        if kind.is_block_device() {
            return "block device";
        }
        if kind.is_socket() {
            return "socket";
        }
    }
    if kind.is_dir() {
        "directory"
    } else {
        "special file"
    }
}

fn regular(kind: FileType) -> Result<(), ReadError> {
    if kind.is_file() {
        Ok(())
    } else {
        Err(ReadError::NotRegular(kind_name(kind)))
    }
}

/// Opens without waiting: opening a FIFO for reading blocks until a writer
/// comes, and the path may have become one since it was checked.
fn open(path: &Path) -> io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
    options.open(path)
}

/// The regular file at `path` (links followed), opened, and its size, if it
/// holds at most `limit` bytes.
fn open_checked(path: &Path, limit: u64) -> Result<(File, u64), ReadError> {
    // Checked before opening, so that a FIFO is never opened at all.
    regular(std::fs::metadata(path)?.file_type())?;
    let file = open(path)?;
    // And the file opened is the one checked.
    let metadata = file.metadata()?;
    regular(metadata.file_type())?;
    if metadata.len() > limit {
        return Err(ReadError::TooLarge { limit });
    }
    Ok((file, metadata.len()))
}

/// The bytes of the regular file at `path` (links followed), if it holds at
/// most `limit` of them.
pub fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let (file, size) = open_checked(path, limit)?;
    read_open(file, size, limit)
}

/// The rest of `file`, whose size was `size`, within `limit`.
fn read_open(file: File, size: u64, limit: u64) -> Result<Vec<u8>, ReadError> {
    // Bounded even when the size said is wrong (a file still growing, /proc).
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge { limit });
    }
    Ok(bytes)
}

/// The bytes of a file: read into memory, or for a large file on Linux mapped
/// from the system's page cache (see [`map`]).
pub enum Bytes {
    Read(Vec<u8>),
    #[cfg(target_os = "linux")]
    Mapped(map::Map),
}

impl std::ops::Deref for Bytes {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        match self {
            Bytes::Read(bytes) => bytes,
            #[cfg(target_os = "linux")]
            Bytes::Mapped(map) => map,
        }
    }
}

/// Files of this size or more are mapped rather than read, where they can be.
pub const MAP_BYTES: u64 = 8 * 1024 * 1024;

/// [`read_limited`] for a file that may be large: one of [`MAP_BYTES`] or
/// more is mapped on Linux (when the system refuses, it is read). `name` is
/// how a message names the file if another program cuts it short while it
/// is mapped (see [`map`]).
pub fn read_large(path: &Path, limit: u64, name: &str) -> Result<Bytes, ReadError> {
    let (file, size) = open_checked(path, limit)?;
    #[cfg(target_os = "linux")]
    if size >= MAP_BYTES
        && let Some(map) = map::Map::new(&file, size, name)
    {
        return Ok(Bytes::Mapped(map));
    }
    let _ = name;
    read_open(file, size, limit).map(Bytes::Read)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_regular_file_is_read_up_to_its_limit() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("f");
        std::fs::write(&path, b"12345").expect("write");
        assert_eq!(read_limited(&path, 5).expect("read"), b"12345");
        assert!(matches!(
            read_limited(&path, 4),
            Err(ReadError::TooLarge { limit: 4 })
        ));
        assert!(matches!(
            read_limited(&dir.path().join("missing"), 5),
            Err(ReadError::Io(e)) if e.kind() == io::ErrorKind::NotFound
        ));
        assert!(matches!(
            read_limited(dir.path(), 5),
            Err(ReadError::NotRegular("directory"))
        ));
    }

    #[cfg(unix)]
    #[test]
    fn devices_fifos_and_links_to_them_are_refused_without_reading() {
        let dir = tempfile::tempdir().expect("tempdir");
        let fifo = dir.path().join("fifo");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(made.is_ok_and(|s| s.success()), "mkfifo");
        // Would wait forever for a writer if it were opened.
        assert!(matches!(
            read_limited(&fifo, 1 << 20),
            Err(ReadError::NotRegular("FIFO (named pipe)"))
        ));
        let zero = dir.path().join("zero");
        std::os::unix::fs::symlink("/dev/zero", &zero).expect("symlink");
        for path in [Path::new("/dev/zero"), Path::new("/dev/urandom"), &zero] {
            assert!(
                matches!(
                    read_limited(path, 1 << 20),
                    Err(ReadError::NotRegular("character device"))
                ),
                "{}",
                path.display()
            );
        }
    }
}
