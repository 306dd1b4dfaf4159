//! `search --data` through the index cache (`crate::cache`): `search` answers
//! from a stored index without parsing the file.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{Cli, Command, HitsOutput, fail_to_load, search};
use crate::data::{self, DataError, Origin};
use crate::i18n::{Label, Lang, Message, Text};
use crate::search::{Index, Kind};
use crate::store::cache::{Key, Slot, Unsafe};

/// `search --data FILE` through the index cache: the index stored for the
/// file's content if there is one, else the file loaded as any command loads
/// it, then remembered once the hits are printed. None for any other command,
/// with `--no-cache`, or without a cache directory; then `load` and `run` do.
pub fn search_cached(cli: &Cli, lang: Lang) -> Option<ExitCode> {
    let Some(Command::Search {
        query,
        limit,
        kind,
        format,
        no_cache: false,
        verbose,
        ..
    }) = &cli.command
    else {
        return None;
    };
    if cli.no_cache {
        return None;
    }
    let path = cli.dataset().ok().flatten()?;
    let (query, limit) = (
        query.join(" "),
        usize::try_from(*limit).unwrap_or(usize::MAX),
    );
    let kind = kind.map(Kind::from);
    // Markdown cites each hit's OCR lines, which the index does not hold.
    let output = HitsOutput::from_index(*format)?;
    let (bytes, slot) = match find(path, cache_dir(lang)?) {
        Ok(Found::Hit(index)) => {
            let code = search(&index, &query, limit, kind, output, lang);
            // The process ends next: the system takes the memory back at once.
            std::mem::forget(index);
            return Some(code);
        }
        Ok(Found::Miss(bytes, slot)) => (bytes, slot),
        Err(e) => return Some(fail_to_load(&e, lang)),
    };
    let loaded = match data::parse_bytes(&bytes, Origin::File(path.to_path_buf())) {
        Ok(loaded) => loaded,
        Err(e) => return Some(fail_to_load(&e, lang)),
    };
    // Parsed: the bytes are not needed while the index is built and searched.
    drop(bytes);
    let index = Index::build(&loaded.dataset);
    let code = search(&index, &query, limit, kind, output, lang);
    // After the output: a user sees the hits before the cache is written.
    if let Err(e) = slot.remember(&index)
        && *verbose
    {
        let note = Message::new(Text::CacheNotWritten)
            .with("dir", slot.dir.display())
            .with("error", e);
        let colon = lang.word(Label::Colon);
        eprintln!(
            "pap-tui{colon}{}",
            crate::base::escape::line(&note.describe(lang))
        );
    }
    std::mem::forget((loaded, index));
    Some(code)
}

/// The cache directory; none when there is none, or when
/// another user owns it or can write in it, which is said once on standard
/// error: the command then works without the cache.
fn cache_dir(lang: Lang) -> Option<PathBuf> {
    let dir = crate::store::cache::cache_dir()?;
    let Some(why) = crate::store::cache::unsafe_dir(&dir) else {
        return Some(dir);
    };
    static SAID: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
    if !SAID.swap(true, std::sync::atomic::Ordering::SeqCst) {
        let text = match why {
            Unsafe::OtherOwner => Text::CacheDirNotOwned,
            Unsafe::WritableByOthers => Text::CacheDirWritable,
        };
        let note = Message::new(text).with("dir", dir.display());
        eprintln!(
            "pap-tui: {}",
            crate::base::escape::line(&note.describe(lang))
        );
    }
    None
}

/// What the cache holds for a file: its index, or on a miss the file's bytes
/// and the slot where their index goes.
enum Found {
    Hit(Index),
    Miss(Vec<u8>, Slot),
}

/// Looks the file at `path` up in the cache directory `dir`. On a hit the
/// file's bytes are freed before the index is read, which lowers the peak by
/// the file's size; a stored index that turns out damaged has the file read
/// and keyed again, in case it changed meanwhile.
fn find(path: &Path, dir: PathBuf) -> Result<Found, DataError> {
    let bytes = data::read(path)?;
    let slot = Slot {
        dir,
        key: Key::of(&bytes),
    };
    if !slot.holds_index() {
        return Ok(Found::Miss(bytes, slot));
    }
    drop(bytes);
    if let Some(index) = slot.lookup() {
        return Ok(Found::Hit(index));
    }
    let bytes = data::read(path)?;
    let slot = Slot {
        key: Key::of(&bytes),
        ..slot
    };
    Ok(Found::Miss(bytes, slot))
}
