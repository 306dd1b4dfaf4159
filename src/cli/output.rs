//! Files an export writes: made whole beside their final name and renamed into
//! place, so that a reader never sees half a file; an existing file is kept
//! unless the user said `--force`.

use std::io::Write;
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

use crate::i18n::{Message, Text};

/// The refusal for a file that exists, None when `path` may be written.
pub fn refuse_existing(path: &Path, force: bool) -> Option<Message> {
    // `symlink_metadata`: a dangling link is a file that exists too.
    (!force && path.symlink_metadata().is_ok())
        .then(|| Message::new(Text::ExportExists).in_file(shown(path)))
}

/// A new, empty temporary file in the directory `path` will be in, readable
/// as an ordinary file once renamed (the umask decides, not 0600).
pub fn temporary_beside(path: &Path) -> Result<NamedTempFile, Message> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".pap-tui-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    builder
        .tempfile_in(&dir)
        .map_err(|e| cannot_write(path, &e))
}

/// Puts the finished temporary file at `path`; without `force`, never over a
/// file that appeared in the meantime.
pub fn persist(file: NamedTempFile, path: &Path, force: bool) -> Result<(), Message> {
    let result = if force {
        file.persist(path)
    } else {
        file.persist_noclobber(path)
    };
    result.map(|_| ()).map_err(|e| {
        if e.error.kind() == std::io::ErrorKind::AlreadyExists {
            Message::new(Text::ExportExists).in_file(shown(path))
        } else {
            cannot_write(path, &e.error)
        }
    })
}

/// Writes `bytes` as the new file `path`.
pub fn write_new(path: &Path, bytes: &[u8], force: bool) -> Result<(), Message> {
    let mut file = temporary_beside(path)?;
    file.write_all(bytes)
        .and_then(|()| file.as_file().sync_all())
        .map_err(|e| cannot_write(path, &e))?;
    persist(file, path, force)
}

pub fn cannot_write(path: &Path, error: &std::io::Error) -> Message {
    Message::new(Text::ExportCannotWrite)
        .with("error", error)
        .in_file(shown(path))
}

/// A path as a message shows it: control characters made visible.
fn shown(path: &Path) -> String {
    crate::text::line(&path.display().to_string()).into_owned()
}
