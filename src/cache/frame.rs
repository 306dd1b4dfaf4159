//! The explorer's first frame on a `--data` file, kept beside the file's index
//! so that the next start on the same file can show it before the file is
//! read (`tui::preview`).
//!
//! A frame file is the index's header (with its own magic) then, as JSON, the
//! fingerprint of what else the frame was drawn from (`tui::startup::Setup`),
//! the frame's area, each cell's symbol, and the cells' looks in runs. A
//! frame is found only for the same data, build, fingerprint and size.

use std::io::Write;
use std::path::Path;
use std::time::SystemTime;

use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::Rect;
use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::xxh3_128;

use super::{HEADER, Key, Slot, header_after, payload_after, prune};

const MAGIC: &[u8; 8] = b"PAPFRM\r\n";

/// How many frames are kept, the most recently used first: one per data
/// file, each a few tens of kilobytes.
pub const FRAME_KEEP: usize = 8;

/// The most the kept frames take together, in bytes (16 MiB).
const FRAME_MAX_BYTES: u64 = 16 << 20;

/// A frame as it is stored.
#[derive(Debug, Serialize, Deserialize)]
pub struct StoredFrame {
    /// [`u128`] in hexadecimal: JSON numbers lose such digits in many readers.
    fingerprint: String,
    area: Rect,
    /// Each cell's symbol, row by row.
    symbols: Vec<String>,
    /// How many cells in a row look like this cell (its symbol left out).
    looks: Vec<(u32, Cell)>,
}

impl StoredFrame {
    fn new(fingerprint: u128, buffer: &Buffer) -> StoredFrame {
        let mut looks: Vec<(u32, Cell)> = Vec::new();
        for cell in &buffer.content {
            let mut look = cell.clone();
            look.set_symbol(" ");
            match looks.last_mut() {
                Some((n, last)) if *last == look => *n += 1,
                _ => looks.push((1, look)),
            }
        }
        StoredFrame {
            fingerprint: format!("{fingerprint:032x}"),
            area: buffer.area,
            symbols: buffer.content.iter().map(|c| c.symbol().into()).collect(),
            looks,
        }
    }

    /// The frame, if it was drawn from `fingerprint` on `area` and is whole.
    fn buffer(self, fingerprint: u128, area: Rect) -> Option<Buffer> {
        if self.fingerprint != format!("{fingerprint:032x}") || self.area != area {
            return None;
        }
        let cells = usize::from(area.width) * usize::from(area.height);
        let counted: usize = self.looks.iter().map(|(n, _)| *n as usize).sum();
        if self.symbols.len() != cells || counted != cells {
            return None;
        }
        let looks = self
            .looks
            .into_iter()
            .flat_map(|(n, look)| std::iter::repeat_n(look, n as usize));
        let content = looks
            .zip(&self.symbols)
            .map(|(mut cell, symbol)| {
                cell.set_symbol(symbol);
                cell
            })
            .collect();
        Some(Buffer { area, content })
    }
}

impl Key {
    fn frame_file(self, dir: &Path) -> std::path::PathBuf {
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
        let stored: StoredFrame = serde_json::from_slice(payload).ok()?;
        let buffer = stored.buffer(fingerprint, area)?;
        // Most recently used: pruning keeps the newest modification times.
        if let Ok(file) = std::fs::File::options().append(true).open(&path) {
            let _ = file.set_modified(SystemTime::now());
        }
        Some(buffer)
    }

    /// Keeps `buffer` as the first frame of this data drawn from
    /// `fingerprint`, in place of any other; the newest [`FRAME_KEEP`] stay.
    pub fn keep_frame(&self, fingerprint: u128, buffer: &Buffer) -> std::io::Result<()> {
        let payload = serde_json::to_vec(&StoredFrame::new(fingerprint, buffer))
            .map_err(std::io::Error::other)?;
        let mut bytes = header_after(MAGIC, self.key, payload.len() as u64, xxh3_128(&payload));
        debug_assert_eq!(bytes.len(), HEADER);
        bytes.extend_from_slice(&payload);
        std::fs::create_dir_all(&self.dir)?;
        let mut temp = tempfile::Builder::new()
            .prefix(".pap-tui-")
            .suffix(".tmp")
            .tempfile_in(&self.dir)?;
        temp.write_all(&bytes)?;
        temp.as_file().sync_data()?;
        temp.persist(self.key.frame_file(&self.dir))
            .map_err(|e| e.error)?;
        prune(&self.dir, ".frame", FRAME_KEEP, FRAME_MAX_BYTES);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::{Color, Modifier, Style};

    fn slot(dir: &Path, data: &[u8]) -> Slot {
        Slot {
            dir: dir.to_path_buf(),
            key: Key::of(data),
        }
    }

    fn frame() -> Buffer {
        let mut buffer = Buffer::empty(Rect::new(0, 0, 12, 3));
        buffer.set_string(0, 0, "Montréal", Style::new().fg(Color::Yellow));
        buffer.set_string(
            0,
            1,
            "日本 █ art.",
            Style::new().add_modifier(Modifier::BOLD),
        );
        buffer.set_string(3, 2, "x", Style::new().bg(Color::Rgb(1, 2, 3)));
        buffer
    }

    #[test]
    fn a_kept_frame_comes_back_cell_for_cell() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let slot = slot(dir.path(), b"data");
        let buffer = frame();
        assert!(slot.keep_frame(7, &buffer).is_ok());
        assert_eq!(slot.frame(7, buffer.area), Some(buffer.clone()));
        // Runs of one look are stored once: 36 cells, far fewer runs.
        let stored = StoredFrame::new(7, &buffer);
        assert!(stored.looks.len() < 12, "{} runs", stored.looks.len());
    }

    #[test]
    fn another_fingerprint_size_data_or_a_damaged_file_finds_nothing() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let slot = slot(dir.path(), b"data");
        let buffer = frame();
        assert!(slot.keep_frame(7, &buffer).is_ok());
        assert_eq!(slot.frame(8, buffer.area), None);
        assert_eq!(slot.frame(7, Rect::new(0, 0, 12, 4)), None);
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
    }

    #[test]
    fn a_frame_whose_cells_do_not_fill_its_area_is_refused() {
        let buffer = frame();
        let mut stored = StoredFrame::new(7, &buffer);
        stored.symbols.pop();
        assert!(stored.buffer(7, buffer.area).is_none());
        let mut stored = StoredFrame::new(7, &buffer);
        stored.looks[0].0 += 1;
        assert!(stored.buffer(7, buffer.area).is_none());
    }

    #[test]
    fn only_the_newest_frames_are_kept() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        for i in 0..FRAME_KEEP + 2 {
            let slot = slot(dir.path(), format!("data {i}").as_bytes());
            assert!(slot.keep_frame(1, &frame()).is_ok());
        }
        let frames = std::fs::read_dir(dir.path())
            .into_iter()
            .flatten()
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().ends_with(".frame"))
            .count();
        assert_eq!(frames, FRAME_KEEP);
    }
}
