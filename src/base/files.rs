//! Reads a file a user named (the dataset, the config, the state) without
//! trusting it to be one: only a regular file, symbolic links followed, and
//! only up to a size limit, so that a FIFO, a device such as `/dev/zero`, or a
//! huge file can neither hang the program nor exhaust its memory.

use std::fs::{File, FileType};
use std::io::{self, Read};
use std::path::Path;

mod atomic;
pub use atomic::{
    NewFile, PREFIX as TEMPORARY_PREFIX, Readers, Replace, create_private_dir,
    ending_signals_handled_elsewhere, fail_oversized_writes, is_temporary_name, remove_temporaries,
    through_links, write_whole,
};

/// Why a file was not read.
#[derive(Debug, thiserror::Error)]
pub(crate) enum ReadError {
    #[error("{0}")]
    Io(#[from] io::Error),
    #[error("not a regular file but a {0}")]
    NotRegular(FileKind),
    #[error("larger than the limit of {limit} bytes")]
    TooLarge { limit: u64 },
}

/// What a file that is not regular is; each layer words it in its language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Directory,
    Fifo,
    CharDevice,
    BlockDevice,
    Socket,
    Special,
}

impl FileKind {
    /// The kind of a file that is not regular.
    pub(crate) fn of(kind: FileType) -> FileKind {
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            if kind.is_fifo() {
                return FileKind::Fifo;
            }
            if kind.is_char_device() {
                return FileKind::CharDevice;
            }
            if kind.is_block_device() {
                return FileKind::BlockDevice;
            }
            if kind.is_socket() {
                return FileKind::Socket;
            }
        }
        if kind.is_dir() {
            FileKind::Directory
        } else {
            FileKind::Special
        }
    }
}

impl std::fmt::Display for FileKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            FileKind::Directory => "directory",
            FileKind::Fifo => "FIFO (named pipe)",
            FileKind::CharDevice => "character device",
            FileKind::BlockDevice => "block device",
            FileKind::Socket => "socket",
            FileKind::Special => "special file",
        })
    }
}

fn regular(kind: FileType) -> Result<(), ReadError> {
    if kind.is_file() {
        Ok(())
    } else {
        Err(ReadError::NotRegular(FileKind::of(kind)))
    }
}

/// Whether a symbolic link at the end of a path is followed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Links {
    Follow,
    Refuse,
}

/// Opens without waiting: opening a FIFO for reading blocks until a writer
/// comes, and the path may have become one since it was checked.
fn open(path: &Path, links: Links) -> io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(
        &mut options,
        match links {
            Links::Follow => libc::O_NONBLOCK,
            Links::Refuse => libc::O_NONBLOCK | libc::O_NOFOLLOW,
        },
    );
    options.open(path)
}

/// The regular file at `path` (links followed or not), open, and the size it
/// says, if that is at most `limit`.
fn open_regular(path: &Path, limit: u64, links: Links) -> Result<(File, u64), ReadError> {
    // Checked before opening, so that a FIFO is never opened at all.
    let metadata = match links {
        Links::Follow => std::fs::metadata(path)?,
        Links::Refuse => std::fs::symlink_metadata(path)?,
    };
    regular(metadata.file_type())?;
    let file = open(path, links)?;
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
pub(crate) fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    read_open(open_regular(path, limit, Links::Follow)?, limit)
}

/// [`read_limited`] for a file of the program's own (the cache), which is
/// never read through a link: a link there was put by someone else.
pub(crate) fn read_own(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    read_open(open_regular(path, limit, Links::Refuse)?, limit)
}

fn read_open((file, size): (File, u64), limit: u64) -> Result<Vec<u8>, ReadError> {
    let size = usize::try_from(size).unwrap_or(0);
    #[cfg(unix)]
    if size >= HALVES_BYTES
        && let Some(bytes) = read_halves(&file, size)?
    {
        return Ok(bytes);
    }
    // Bounded even when the size said is wrong (a file still growing, /proc).
    let mut bytes = Vec::with_capacity(size);
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge { limit });
    }
    Ok(bytes)
}

/// All of `reader` (standard input) if it holds at most `limit` bytes; a
/// pipe says no size, so it is read to its end or one byte past the limit.
/// It is read in pieces of [`STREAM_PIECE_BYTES`], put together once its end
/// is reached, each piece freed as soon as it is copied: a stream refused
/// holds the limit and one piece at most, one taken the stream and one piece.
/// One buffer doubled as it fills would reach twice the limit for the byte
/// past it (1.07 GB for an endless stream and a limit of 512 MiB).
pub(crate) fn read_stream_limited(mut reader: impl Read, limit: u64) -> Result<Vec<u8>, ReadError> {
    let mut pieces: Vec<Vec<u8>> = Vec::new();
    let mut total = 0u64;
    loop {
        let room = STREAM_PIECE_BYTES.min(usize::try_from(limit - total + 1).unwrap_or(usize::MAX));
        let mut piece = Vec::with_capacity(room);
        let n = (&mut reader).take(room as u64).read_to_end(&mut piece)?;
        total += n as u64;
        if total > limit {
            return Err(ReadError::TooLarge { limit });
        }
        let end = n < room;
        if n > 0 {
            pieces.push(piece);
        }
        if end {
            break;
        }
    }
    if pieces.len() == 1 {
        return Ok(pieces.pop().unwrap_or_default());
    }
    let mut bytes = Vec::with_capacity(usize::try_from(total).unwrap_or(0));
    for piece in pieces {
        bytes.extend_from_slice(&piece);
    }
    Ok(bytes)
}

/// The pieces standard input is read in: small beside the limit, large enough
/// that they are few (128 for 512 MiB).
const STREAM_PIECE_BYTES: usize = 4 * 1024 * 1024;

/// Files of this size or more are read in two halves at once, which puts the
/// kernel's copying (and its zeroing of the fresh pages) on two cores.
pub(crate) const HALVES_BYTES: usize = 8 * 1024 * 1024;

/// The `size` bytes of `file`, read in two halves on two threads; `None`
/// when the file does not hold exactly `size` bytes any more (it is being
/// written), and the caller reads it from its start as usual.
#[cfg(unix)]
fn read_halves(file: &File, size: usize) -> io::Result<Option<Vec<u8>>> {
    use std::os::unix::fs::FileExt;
    /// Fills `buf` from `offset`; false when the file ends first.
    fn fill(file: &File, mut buf: &mut [u8], mut offset: u64) -> io::Result<bool> {
        while !buf.is_empty() {
            match file.read_at(buf, offset) {
                Ok(0) => return Ok(false),
                Ok(n) => {
                    buf = &mut buf[n..];
                    offset += n as u64;
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        Ok(true)
    }
    let mut bytes = vec![0u8; size];
    let (first, second) = bytes.split_at_mut(size / 2);
    let middle = first.len() as u64;
    let (first, second) = std::thread::scope(|scope| {
        let second = scope.spawn(|| fill(file, second, middle));
        let first = fill(file, first, 0);
        (first, second.join())
    });
    let second = second.map_err(|_| io::Error::other("a reading thread stopped"))?;
    if !(first? && second?) || file.read_at(&mut [0], size as u64)? != 0 {
        return Ok(None);
    }
    Ok(Some(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stream_is_read_to_its_limit_and_no_further() {
        assert_eq!(read_stream_limited(&b"abc"[..], 3).expect("within"), b"abc");
        assert!(matches!(
            read_stream_limited(&b"abcd"[..], 3),
            Err(ReadError::TooLarge { limit: 3 })
        ));
        // An endless stream (`/dev/zero` piped in) stops one byte past the limit.
        assert!(matches!(
            read_stream_limited(std::io::repeat(0), 1000),
            Err(ReadError::TooLarge { limit: 1000 })
        ));
    }

    #[test]
    fn a_stream_of_many_pieces_is_read_whole_and_in_order() {
        let piece = STREAM_PIECE_BYTES;
        for len in [piece - 1, piece, piece + 1, 2 * piece, 2 * piece + 7] {
            let stream: Vec<u8> = (0..len).map(|i| (i % 251) as u8).collect();
            let limit = len as u64;
            let read = read_stream_limited(&stream[..], limit).expect("within");
            assert!(read == stream, "{len} bytes");
            assert!(matches!(
                read_stream_limited(&stream[..], limit - 1),
                Err(ReadError::TooLarge { .. })
            ));
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_large_file_is_read_in_halves_and_a_changed_size_is_noticed() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("large");
        let content: Vec<u8> = (0..HALVES_BYTES + 1_001).map(|i| (i % 251) as u8).collect();
        std::fs::write(&path, &content).expect("write");
        assert!(read_limited(&path, u64::MAX).expect("read") == content);
        let file = File::open(&path).expect("open");
        let size = content.len();
        let halves = read_halves(&file, size).expect("read");
        assert!(
            halves.as_deref() == Some(&content[..]),
            "both halves in place"
        );
        assert!(
            read_halves(&file, size - 1).expect("read").is_none(),
            "a file longer than its size said (still growing)"
        );
        assert!(
            read_halves(&file, size + 1).expect("read").is_none(),
            "a file shorter than its size said"
        );
    }

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
            Err(ReadError::NotRegular(FileKind::Directory))
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
            Err(ReadError::NotRegular(FileKind::Fifo))
        ));
        let zero = dir.path().join("zero");
        std::os::unix::fs::symlink("/dev/zero", &zero).expect("symlink");
        for path in [Path::new("/dev/zero"), Path::new("/dev/urandom"), &zero] {
            assert!(
                matches!(
                    read_limited(path, 1 << 20),
                    Err(ReadError::NotRegular(FileKind::CharDevice))
                ),
                "{}",
                path.display()
            );
        }
    }
}
