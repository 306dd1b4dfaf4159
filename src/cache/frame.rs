//! The explorer's first frame on a `--data` file, kept beside the file's index
//! so that the next start on the same file can show it before the file is
//! read (`tui::preview`).
//!
//! A frame file is the index's header (with its own magic) then, as JSON, the
//! fingerprint of what else the frame was drawn from (`tui::startup::Setup`),
//! the frame's area, each cell's symbol, and the cells' looks in runs. A
//! frame is found only for the same data, build, fingerprint and size. Beside
//! it, an empty hint named after the file's identity on disk tells a start
//! whether hashing the file to look for a frame is worth it.

use std::io::Write;
use std::path::{Path, PathBuf};

use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};
use serde::{Deserialize, Serialize};
use unicode_width::UnicodeWidthStr;
use xxhash_rust::xxh3::xxh3_128;

use super::{HEADER, Key, Slot, header_after, payload_after, prune, temporary, touch};

const MAGIC: &[u8; 8] = b"PAPFRM\r\n";

/// How many frames are kept, the most recently used first: one per data
/// file, each a few tens of kilobytes.
const FRAME_KEEP: usize = 8;

/// The largest frame file read or kept, in bytes (4 MiB: a 400×100 terminal
/// takes about 600 KiB).
const FRAME_MAX_BYTES: u64 = 4 << 20;

/// How one cell looks, its symbol aside: colours as ratatui writes and
/// reads them (`Reset`, `Yellow`, `#0A0B0C`, `244`), modifiers as bits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Look {
    fg: String,
    bg: String,
    underline: String,
    modifier: u16,
}

impl Look {
    fn of(cell: &Cell) -> Look {
        Look {
            fg: cell.fg.to_string(),
            bg: cell.bg.to_string(),
            underline: cell.underline_color.to_string(),
            modifier: cell.modifier.bits(),
        }
    }

    /// A cell of this look showing `symbol`; `None` for a colour or a
    /// modifier this build does not know.
    fn cell(&self, symbol: &str) -> Option<Cell> {
        let mut cell = Cell::new("");
        cell.set_symbol(symbol);
        cell.fg = self.fg.parse::<Color>().ok()?;
        cell.bg = self.bg.parse::<Color>().ok()?;
        cell.underline_color = self.underline.parse::<Color>().ok()?;
        cell.modifier = Modifier::from_bits(self.modifier)?;
        Some(cell)
    }
}

/// A frame as it is stored.
#[derive(Debug, Serialize, Deserialize)]
struct StoredFrame {
    /// [`u128`] in hexadecimal: JSON numbers lose such digits in many readers.
    fingerprint: String,
    width: u16,
    height: u16,
    /// Each cell's symbol, row by row.
    symbols: Vec<String>,
    /// How many cells in a row look like this.
    looks: Vec<(u32, Look)>,
}

impl StoredFrame {
    fn new(fingerprint: u128, buffer: &Buffer) -> StoredFrame {
        let mut looks: Vec<(u32, Look)> = Vec::new();
        for cell in &buffer.content {
            let look = Look::of(cell);
            match looks.last_mut() {
                Some((n, last)) if *last == look => *n += 1,
                _ => looks.push((1, look)),
            }
        }
        StoredFrame {
            fingerprint: format!("{fingerprint:032x}"),
            width: buffer.area.width,
            height: buffer.area.height,
            symbols: buffer.content.iter().map(|c| c.symbol().into()).collect(),
            looks,
        }
    }

    /// The fingerprint it was drawn from and the frame on the area it says,
    /// if it is whole, every symbol text that takes at most two columns: what
    /// ratatui draws, never a control character that a damaged or forged file
    /// could send to the terminal.
    fn into_frame(self) -> Option<(u128, Buffer)> {
        let fingerprint = u128::from_str_radix(&self.fingerprint, 16).ok()?;
        let area = Rect::new(0, 0, self.width, self.height);
        let cells = usize::from(area.width) * usize::from(area.height);
        let counted = self
            .looks
            .iter()
            .try_fold(0usize, |sum, (n, _)| sum.checked_add(*n as usize));
        if self.symbols.len() != cells || counted != Some(cells) {
            return None;
        }
        let drawable = |s: &str| !s.chars().any(char::is_control) && s.width() <= 2;
        if !self.symbols.iter().all(|s| drawable(s)) {
            return None;
        }
        let looks = self
            .looks
            .iter()
            .flat_map(|(n, look)| std::iter::repeat_n(look, *n as usize));
        let content = looks
            .zip(&self.symbols)
            .map(|(look, symbol)| look.cell(symbol))
            .collect::<Option<Vec<Cell>>>()?;
        Some((fingerprint, Buffer { area, content }))
    }
}

/// The payload of a kept frame for `buffer` drawn from `fingerprint`: what a
/// frame file holds after its header.
pub fn frame_payload(fingerprint: u128, buffer: &Buffer) -> Vec<u8> {
    // A struct of strings and numbers: JSON cannot fail to take it.
    serde_json::to_vec(&StoredFrame::new(fingerprint, buffer)).unwrap_or_default()
}

/// The frame in a frame file's payload and the fingerprint it was drawn from,
/// on the area it says, if it is whole and drawable.
pub fn frame_in_payload(payload: &[u8]) -> Option<(u128, Buffer)> {
    serde_json::from_slice::<StoredFrame>(payload)
        .ok()?
        .into_frame()
}

/// A data file as it is on disk: its device, inode, size, and times of
/// modification and of change (which no program can set back). A hint, not
/// a key: the frame is found by the file's content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Identity(u128);

impl Identity {
    /// The identity of the file at `path` now; `None` where the system gives
    /// no such figures.
    pub fn of(path: &Path) -> Option<Identity> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let m = std::fs::metadata(path).ok()?;
            let figures = [
                m.dev() as i128,
                m.ino() as i128,
                m.size() as i128,
                i128::from(m.mtime()) * 1_000_000_000 + i128::from(m.mtime_nsec()),
                i128::from(m.ctime()) * 1_000_000_000 + i128::from(m.ctime_nsec()),
            ];
            let bytes: Vec<u8> = figures.iter().flat_map(|f| f.to_le_bytes()).collect();
            Some(Identity(xxh3_128(&bytes)))
        }
        #[cfg(not(unix))]
        {
            let _ = path;
            None
        }
    }

    fn hint_file(self, dir: &Path) -> PathBuf {
        dir.join(format!("{:032x}.hint", self.0))
    }

    /// Whether a frame was kept for the file with this identity, in `dir`.
    pub fn hinted(self, dir: &Path) -> bool {
        self.hint_file(dir).is_file()
    }
}

impl Key {
    fn frame_file(self, dir: &Path) -> PathBuf {
        dir.join(format!("{:032x}.frame", self.0))
    }
}

impl Slot {
    /// The first frame kept for this data, drawn from `fingerprint` on
    /// `area`; `None` on any doubt.
    pub fn frame(&self, fingerprint: u128, area: Rect) -> Option<Buffer> {
        let path = self.key.frame_file(&self.dir);
        let bytes = crate::file::read_limited(&path, FRAME_MAX_BYTES).ok()?;
        let payload = payload_after(MAGIC, &bytes, self.key)?;
        let (drawn_from, buffer) = frame_in_payload(payload)?;
        if drawn_from != fingerprint || buffer.area != area {
            return None;
        }
        touch(&path);
        Some(buffer)
    }

    /// Keeps `buffer` as the first frame of this data drawn from
    /// `fingerprint`, in place of any other, and a hint under the data file's
    /// identity; the newest [`FRAME_KEEP`] of each stay. A frame kept already
    /// is only marked as used.
    pub fn keep_frame(
        &self,
        fingerprint: u128,
        buffer: &Buffer,
        file: Option<Identity>,
    ) -> std::io::Result<()> {
        let payload = frame_payload(fingerprint, buffer);
        if payload.is_empty() || payload.len() as u64 > FRAME_MAX_BYTES - HEADER as u64 {
            return Ok(());
        }
        let path = self.key.frame_file(&self.dir);
        let kept = crate::file::read_limited(&path, FRAME_MAX_BYTES).ok();
        if kept
            .as_deref()
            .and_then(|b| payload_after(MAGIC, b, self.key))
            == Some(&payload)
        {
            touch(&path);
        } else {
            let sum = xxh3_128(&payload);
            let mut temp = temporary(&self.dir)?;
            temp.write_all(&header_after(MAGIC, self.key, payload.len() as u64, sum))?;
            temp.write_all(&payload)?;
            // Not synced: a frame lost in a crash only costs a start its head start.
            temp.persist(&path, crate::file::Replace::Yes)?;
            prune(&self.dir, ".frame", FRAME_KEEP, FRAME_MAX_BYTES * 4);
        }
        if let Some(file) = file {
            std::fs::File::create(file.hint_file(&self.dir))?;
            prune(&self.dir, ".hint", FRAME_KEEP, u64::MAX);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Style;

    fn slot(dir: &Path, data: &[u8]) -> Slot {
        Slot {
            dir: dir.to_path_buf(),
            key: Key::of(data),
        }
    }

    fn frame() -> Buffer {
        let mut buffer = Buffer::empty(Rect::new(0, 0, 12, 4));
        buffer.set_string(0, 0, "Montréal", Style::new().fg(Color::Yellow));
        let bold = Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED);
        buffer.set_string(0, 1, "日本 █ art.", bold);
        buffer.set_string(3, 2, "x", Style::new().bg(Color::Rgb(1, 2, 3)));
        let indexed = Style::new()
            .fg(Color::Indexed(244))
            .underline_color(Color::Red);
        buffer.set_string(0, 3, "é", indexed.bg(Color::LightCyan));
        buffer
    }

    #[test]
    fn a_kept_frame_comes_back_cell_for_cell() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let slot = slot(dir.path(), b"data");
        let buffer = frame();
        assert!(slot.keep_frame(7, &buffer, None).is_ok());
        assert_eq!(slot.frame(7, buffer.area), Some(buffer.clone()));
        // Runs of one look are stored once: 48 cells, far fewer runs.
        let stored = StoredFrame::new(7, &buffer);
        assert!(stored.looks.len() < 16, "{} runs", stored.looks.len());
    }

    #[test]
    fn another_fingerprint_size_data_or_a_damaged_file_finds_nothing() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let slot = slot(dir.path(), b"data");
        let buffer = frame();
        assert!(slot.keep_frame(7, &buffer, None).is_ok());
        assert_eq!(slot.frame(8, buffer.area), None);
        assert_eq!(slot.frame(7, Rect::new(0, 0, 12, 5)), None);
        assert_eq!(self::slot(dir.path(), b"other").frame(7, buffer.area), None);
        let path = slot.key.frame_file(dir.path());
        let bytes = std::fs::read(&path).unwrap_or_default();
        for at in [2, HEADER + 3, bytes.len() - 2] {
            let mut bad = bytes.clone();
            bad[at] ^= 0x01;
            assert!(std::fs::write(&path, &bad).is_ok());
            assert_eq!(slot.frame(7, buffer.area), None, "flipped at {at}");
        }
        assert!(std::fs::write(&path, &bytes[..bytes.len() - 1]).is_ok());
        assert_eq!(slot.frame(7, buffer.area), None);
        assert!(std::fs::write(&path, &bytes).is_ok());
        assert!(slot.frame(7, buffer.area).is_some());
    }

    #[test]
    fn a_frame_that_does_not_fill_its_area_or_holds_what_ratatui_never_draws_is_refused() {
        let buffer = frame();
        let refused = |change: fn(&mut StoredFrame)| {
            let mut stored = StoredFrame::new(7, &buffer);
            change(&mut stored);
            stored.into_frame().is_none()
        };
        assert!(!refused(|_| {}));
        assert!(refused(|s| drop(s.symbols.pop())));
        assert!(refused(|s| s.looks[0].0 += 1));
        assert!(refused(|s| s.looks[0].0 = u32::MAX));
        assert!(refused(|s| s.symbols[5] = "\u{1b}]52;c;aGk=\u{7}".into()));
        assert!(refused(|s| s.symbols[5] = "\r".into()));
        assert!(refused(|s| s.symbols[5] = "wide".into()));
        assert!(refused(|s| s.looks[0].1.fg = "no colour".into()));
        assert!(refused(|s| s.looks[0].1.modifier = u16::MAX));
    }

    #[cfg(unix)]
    #[test]
    fn a_frame_kept_again_unchanged_is_not_written_again() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let slot = slot(dir.path(), b"data");
        assert!(slot.keep_frame(7, &frame(), None).is_ok());
        let path = slot.key.frame_file(dir.path());
        let inode = |p: &Path| {
            use std::os::unix::fs::MetadataExt;
            std::fs::metadata(p).map(|m| m.ino()).unwrap_or(0)
        };
        let first = inode(&path);
        assert!(slot.keep_frame(7, &frame(), None).is_ok());
        assert_eq!(inode(&path), first, "renamed over");
        assert!(slot.keep_frame(8, &frame(), None).is_ok());
        assert_eq!(slot.frame(8, frame().area), Some(frame()));
    }

    #[test]
    fn a_hint_names_the_file_as_it_is_on_disk() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let data = dir.path().join("data.json");
        assert!(std::fs::write(&data, "{}").is_ok());
        let Some(before) = Identity::of(&data) else {
            return;
        };
        assert!(!before.hinted(dir.path()));
        let slot = slot(dir.path(), b"{}");
        assert!(slot.keep_frame(7, &frame(), Some(before)).is_ok());
        assert!(before.hinted(dir.path()));
        assert_eq!(Identity::of(&data), Some(before));
        // Rewritten: its change time moves, whatever its size and content.
        std::thread::sleep(std::time::Duration::from_millis(20));
        assert!(std::fs::write(&data, "{}").is_ok());
        assert_ne!(Identity::of(&data), Some(before));
    }

    #[test]
    fn only_the_newest_frames_and_hints_are_kept() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        for i in 0..FRAME_KEEP + 2 {
            let slot = slot(dir.path(), format!("data {i}").as_bytes());
            let file = Some(Identity(i as u128));
            assert!(slot.keep_frame(1, &frame(), file).is_ok());
        }
        let count = |suffix: &str| {
            std::fs::read_dir(dir.path())
                .into_iter()
                .flatten()
                .filter_map(Result::ok)
                .filter(|e| e.file_name().to_string_lossy().ends_with(suffix))
                .count()
        };
        assert_eq!(count(".frame"), FRAME_KEEP);
        assert_eq!(count(".hint"), FRAME_KEEP);
    }
}
