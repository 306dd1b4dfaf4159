//! Files an export writes: made whole beside their final name and renamed into
//! place, so that a reader never sees half a file; an existing file is kept
//! unless the user said `--force`.

use std::path::Path;

use crate::base::files::{NewFile, Readers, Replace};
use crate::i18n::{Message, Text};

/// The refusal for a file that exists, None when `path` may be written.
pub(crate) fn refuse_existing(path: &Path, force: bool) -> Option<Message> {
    // `symlink_metadata`: a dangling link is a file that exists too.
    (!force && path.symlink_metadata().is_ok())
        .then(|| Message::new(Text::ExportExists).in_file(shown(path)))
}

/// A new, empty temporary file in the directory `path` will be in, readable
/// as an ordinary file once renamed (the umask decides, not 0600).
pub(crate) fn temporary_beside(path: &Path) -> Result<NewFile, Message> {
    NewFile::beside(path, Readers::Anyone).map_err(|e| cannot_write(path, &e))
}

fn replace(force: bool) -> Replace {
    if force { Replace::Yes } else { Replace::No }
}

/// Puts the finished temporary file at `path`; without `force`, never over a
/// file that appeared in the meantime.
pub(crate) fn persist(file: NewFile, path: &Path, force: bool) -> Result<(), Message> {
    file.persist(path, replace(force))
        .map_err(|e| refused(path, &e))
}

/// Writes `bytes` as the new file `path`.
pub(crate) fn write_new(path: &Path, bytes: &[u8], force: bool) -> Result<(), Message> {
    crate::base::files::write_whole(path, bytes, Readers::Anyone, replace(force))
        .map_err(|e| refused(path, &e))
}

fn refused(path: &Path, error: &std::io::Error) -> Message {
    if error.kind() == std::io::ErrorKind::AlreadyExists {
        Message::new(Text::ExportExists).in_file(shown(path))
    } else {
        cannot_write(path, error)
    }
}

pub(crate) fn cannot_write(path: &Path, error: &std::io::Error) -> Message {
    Message::new(Text::ExportCannotWrite)
        .with("error", error)
        .in_file(shown(path))
}

/// A path as a message shows it: control characters made visible.
fn shown(path: &Path) -> String {
    crate::base::escape::line(&path.display().to_string()).into_owned()
}
