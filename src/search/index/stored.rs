//! An index as bytes and back, for the index cache: the entries, the shared
//! texts, the folded parts and each entry's span, so that a stored index is
//! searched without parsing the dataset or folding it again. Reading checks
//! every count, length, place and span: bytes that do not describe an index
//! give `None`, never a panic.
//!
//! Entries are written through their public fields and read back through
//! [`Entry::new`]: a change of the entry's memory layout touches only
//! [`put_entry`] and [`read_entry`].

use super::{Index, Part, Place, SHARED, Span};
use crate::search::entry::{Entry, Field, Kind};
use crate::search::parallel::in_ranges;

/// Where [`Index::write_bytes`] puts the bytes of an index, piece by piece.
pub trait ByteSink {
    fn put(&mut self, bytes: &[u8]);
}

impl ByteSink for Vec<u8> {
    fn put(&mut self, bytes: &[u8]) {
        self.extend_from_slice(bytes);
    }
}

/// The bit of a stored place that marks a shared text.
const STORED_SHARED: u32 = 1 << 31;

/// Every field, numbered by its position: what a field's byte means.
const FIELDS: [Field; 16] = [
    Field::Name,
    Field::Code,
    Field::Region,
    Field::Headcount,
    Field::Amount,
    Field::Text,
    Field::Paraphrase,
    Field::History,
    Field::CitedFor,
    Field::Answer,
    Field::Ministry,
    Field::Office,
    Field::Place,
    Field::Programme,
    Field::Received,
    Field::Period,
];

/// A field's byte; a field missing from [`FIELDS`] fails to compile here.
fn field_byte(field: Field) -> u8 {
    match field {
        Field::Name => 0,
        Field::Code => 1,
        Field::Region => 2,
        Field::Headcount => 3,
        Field::Amount => 4,
        Field::Text => 5,
        Field::Paraphrase => 6,
        Field::History => 7,
        Field::CitedFor => 8,
        Field::Answer => 9,
        Field::Ministry => 10,
        Field::Office => 11,
        Field::Place => 12,
        Field::Programme => 13,
        Field::Received => 14,
        Field::Period => 15,
    }
}

fn kind_byte(kind: Kind) -> u8 {
    match kind {
        Kind::Region => 0,
        Kind::City => 1,
        Kind::Organisation => 2,
        Kind::Funding => 3,
        Kind::Article => 4,
        Kind::Document => 5,
    }
}

/// Appends `n` as 4 little-endian bytes; `None` when it does not fit, and
/// then nothing is stored.
fn put_u32(out: &mut impl ByteSink, n: usize) -> Option<()> {
    out.put(&u32::try_from(n).ok()?.to_le_bytes());
    Some(())
}

fn put_str(out: &mut impl ByteSink, s: &str) -> Option<()> {
    put_u32(out, s.len())?;
    out.put(s.as_bytes());
    Some(())
}

/// An entry: kind, id, name, then its other fields with their bytes.
fn put_entry(out: &mut impl ByteSink, e: &Entry) -> Option<()> {
    out.put(&[kind_byte(e.kind)]);
    put_str(out, &e.id)?;
    put_str(out, &e.label)?;
    put_u32(out, e.all_fields().count() - 1)?;
    for (field, text) in e.all_fields().skip(1) {
        out.put(&[field_byte(field)]);
        put_str(out, text)?;
    }
    Some(())
}

/// What [`put_entry`] wrote.
fn read_entry(r: &mut Reader<'_>) -> Option<Entry> {
    let kind = *Kind::ALL.get(usize::from(r.byte()?))?;
    let id = r.string()?;
    let label = r.string()?;
    let count = r.count(5)?;
    let mut fields = Vec::with_capacity(count);
    for _ in 0..count {
        let field = *FIELDS.get(usize::from(r.byte()?))?;
        fields.push((field, r.string()?));
    }
    Some(Entry::new(kind, id, label, fields))
}

/// How many entries a run of the stored entries holds: runs are read on
/// every core, each run a thread's at most.
const ENTRY_RUN: usize = 4096;

/// The entries: their count, the entries per run, then each run's length in
/// bytes and its entries, so that a reader finds every run without reading
/// the entries before it.
fn put_entries(out: &mut impl ByteSink, entries: &[Entry]) -> Option<()> {
    put_u32(out, entries.len())?;
    put_u32(out, ENTRY_RUN)?;
    let mut run = Vec::new();
    for entries in entries.chunks(ENTRY_RUN) {
        run.clear();
        for e in entries {
            put_entry(&mut run, e)?;
        }
        put_u32(out, run.len())?;
        out.put(&run);
    }
    Some(())
}

/// What [`put_entries`] wrote, its runs read on every core for a large index.
/// Each run must hold exactly its entries.
fn read_entries(r: &mut Reader<'_>) -> Option<Vec<Entry>> {
    let count = r.count(13)?;
    let per = r.u32()?;
    let runs = match (count, per) {
        // No entries, no runs, whatever the entries per run.
        (0, _) => return Some(Vec::new()),
        (_, 0) => return None,
        _ => count.div_ceil(per),
    };
    if runs > r.bytes.len() / 4 {
        return None;
    }
    let mut bytes = Vec::with_capacity(runs);
    for _ in 0..runs {
        let len = r.u32()?;
        bytes.push(r.take(len)?);
    }
    // The runs whose first entry lies in each range of entries.
    let parts = in_ranges(count, |range| {
        let runs = range.start.div_ceil(per)..range.end.div_ceil(per);
        let mut out = Vec::with_capacity(runs.len().saturating_mul(per).min(count));
        for run in runs {
            let mut r = Reader {
                bytes: bytes.get(run)?,
            };
            let first = run.checked_mul(per)?;
            for _ in first..count.min(first.checked_add(per)?) {
                out.push(read_entry(&mut r)?);
            }
            if !r.bytes.is_empty() {
                return None;
            }
        }
        Some(out)
    });
    let mut entries = Vec::with_capacity(count);
    for part in parts {
        entries.extend(part?);
    }
    (entries.len() == count).then_some(entries)
}

fn put_place(out: &mut impl ByteSink, Place(place): Place) -> Option<()> {
    let stored = if place & SHARED != 0 {
        u32::try_from(place & !SHARED)
            .ok()
            .filter(|n| n & STORED_SHARED == 0)?
            | STORED_SHARED
    } else {
        u32::try_from(place)
            .ok()
            .filter(|n| n & STORED_SHARED == 0)?
    };
    out.put(&stored.to_le_bytes());
    Some(())
}

fn read_place(r: &mut Reader<'_>) -> Option<Place> {
    let stored = u32::from_le_bytes(r.take(4)?.try_into().ok()?);
    let n = usize::try_from(stored & !STORED_SHARED).ok()?;
    Some(Place(if stored & STORED_SHARED != 0 {
        SHARED | n
    } else {
        n
    }))
}

impl Index {
    #[cfg(test)]
    /// The index as bytes: the entries, the shared texts, the folded parts
    /// with their places, then each entry's span. [`Index::from_bytes`] reads
    /// them back. `None` when a length does not fit the format (a text of 2 GiB).
    pub(crate) fn to_bytes(&self) -> Option<Vec<u8>> {
        let text: usize = self.parts.iter().map(|p| p.text.len()).sum();
        let mut out = Vec::with_capacity(2 * text + 16 * self.spans.len());
        self.write_bytes(&mut out)?;
        Some(out)
    }

    /// The bytes of [`Index::to_bytes`], put into `out` piece by piece: a
    /// writer need not hold them all at once.
    pub(crate) fn write_bytes(&self, out: &mut impl ByteSink) -> Option<()> {
        put_entries(out, &self.entries)?;
        put_u32(out, self.shared.len())?;
        for s in &self.shared {
            put_str(out, s)?;
        }
        put_u32(out, self.parts.len())?;
        for part in &self.parts {
            put_str(out, &part.text)?;
            put_u32(out, part.fields.len())?;
            for &place in &part.fields {
                put_place(out, place)?;
            }
        }
        for s in &self.spans {
            for n in [s.part, s.first, s.end, s.start] {
                put_u32(out, n)?;
            }
        }
        Some(())
    }

    /// The index that [`Index::to_bytes`] wrote, or `None` when the bytes are
    /// anything else: short, too long, not UTF-8, or a place or span outside
    /// its text.
    pub(crate) fn from_bytes(bytes: &[u8]) -> Option<Index> {
        let mut r = Reader { bytes };
        let entries = read_entries(&mut r)?;
        let count = entries.len();
        let shared_count = r.count(4)?;
        let mut shared = Vec::with_capacity(shared_count);
        for _ in 0..shared_count {
            shared.push(r.string()?);
        }
        let part_count = r.count(8)?;
        let mut parts = Vec::with_capacity(part_count);
        for _ in 0..part_count {
            let text = r.string()?;
            let places = r.count(4)?;
            let mut fields = Vec::with_capacity(places);
            for _ in 0..places {
                fields.push(read_place(&mut r)?);
            }
            parts.push(Part { text, fields });
        }
        if r.bytes.len() != count.checked_mul(16)? {
            return None;
        }
        let mut spans = Vec::with_capacity(count);
        for e in &entries {
            let span = Span {
                part: r.u32()?,
                first: r.u32()?,
                end: r.u32()?,
                start: r.u32()?,
            };
            span_holds(&span, e, &parts, shared.len())?;
            spans.push(span);
        }
        Some(Index {
            entries,
            parts,
            spans,
            shared,
            tie_break: std::sync::OnceLock::new(),
        })
    }
}

/// `Some` when `span` gives `entry` exactly its fields, each a text of its
/// part between character boundaries, in order, or a shared text that exists:
/// what [`Index::fields`] slices without checking.
fn span_holds(span: &Span, entry: &Entry, parts: &[Part], shared: usize) -> Option<()> {
    let part = parts.get(span.part)?;
    let places = part.fields.get(span.first..span.end)?;
    if places.len() != entry.all_fields().count() {
        return None;
    }
    let mut at = span.start;
    (part.text.is_char_boundary(at)).then_some(())?;
    for &Place(place) in places {
        if place & SHARED != 0 {
            (place & !SHARED < shared).then_some(())?;
        } else {
            (at <= place && part.text.is_char_boundary(place)).then_some(())?;
            at = place;
        }
    }
    Some(())
}

/// Reads the bytes front to back; every read that would run past the end is `None`.
struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        if n > self.bytes.len() {
            return None;
        }
        let (head, rest) = self.bytes.split_at(n);
        self.bytes = rest;
        Some(head)
    }

    fn byte(&mut self) -> Option<u8> {
        self.take(1)?.first().copied()
    }

    fn u32(&mut self) -> Option<usize> {
        let b: [u8; 4] = self.take(4)?.try_into().ok()?;
        usize::try_from(u32::from_le_bytes(b)).ok()
    }

    /// A count of items that take at least `least` bytes each: never trust a
    /// count to allocate more than the bytes left could hold.
    fn count(&mut self, least: usize) -> Option<usize> {
        let n = self.u32()?;
        (n <= self.bytes.len() / least).then_some(n)
    }

    fn string(&mut self) -> Option<String> {
        let n = self.u32()?;
        String::from_utf8(self.take(n)?.to_vec()).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::Query;

    fn index() -> Index {
        crate::search::embedded_index()
    }

    fn bytes(index: &Index) -> Vec<u8> {
        index.to_bytes().unwrap_or_else(|| panic!("not storable"))
    }

    const QUERIES: [&str; 8] = [
        "montreal",
        "e",
        "famile immig",
        "'centre !laval",
        "^carrefour",
        "lanaudiere",
        "withheld",
        "e !a",
    ];

    #[test]
    fn an_index_read_back_is_the_same_index() {
        for index in [index(), synthetic(2_000)] {
            let stored = bytes(&index);
            let back = Index::from_bytes(&stored).unwrap_or_else(|| panic!("no index"));
            assert_eq!(back.entries(), index.entries());
            assert_eq!(back.shared, index.shared);
            assert_eq!(bytes(&back), stored);
            for q in QUERIES {
                let q = Query::parse(q);
                assert_eq!(back.search(&q), index.search(&q));
                assert_eq!(
                    back.search_top(&q, 50, |_| true),
                    index.search_top(&q, 50, |_| true)
                );
                for hit in index.search_top(&q, 20, |_| true) {
                    assert_eq!(back.matched(hit.entry, &q), index.matched(hit.entry, &q));
                }
            }
        }
    }

    fn synthetic(organisations: usize) -> Index {
        match crate::synthetic::dataset(organisations) {
            Ok(data) => Index::build(&data),
            Err(e) => panic!("{e}"),
        }
    }

    #[test]
    fn entries_in_several_runs_read_back_and_a_wrong_run_is_refused() {
        let index = synthetic(10_000);
        assert!(index.len() > 2 * ENTRY_RUN, "{}", index.len());
        let stored = bytes(&index);
        let back = Index::from_bytes(&stored).unwrap_or_else(|| panic!("no index"));
        assert_eq!(back.entries(), index.entries());
        let q = Query::parse("famile immig");
        assert_eq!(back.search(&q), index.search(&q));
        // The entries per run at bytes 4..8, the first run's length at 8..12.
        let first = u32::from_le_bytes([stored[8], stored[9], stored[10], stored[11]]);
        let per = ENTRY_RUN as u32;
        for (at, value) in [
            (4, per - 1),
            (4, per + 1),
            (4, 0),
            (8, first - 1),
            (8, first + 1),
        ] {
            let mut bad = stored.clone();
            bad[at..at + 4].copy_from_slice(&value.to_le_bytes());
            assert!(Index::from_bytes(&bad).is_none(), "{value} at {at}");
        }
    }

    #[test]
    fn no_entries_with_no_entries_per_run_is_an_empty_index() {
        // Found by the `stored` fuzz target: it divided by zero.
        let mut bytes = vec![0; 8];
        bytes.extend_from_slice(&[0; 8]); // no shared texts, no parts
        let index = Index::from_bytes(&bytes).unwrap_or_else(|| panic!("an empty index"));
        assert!(index.is_empty());
        assert!(index.search(&Query::parse("e")).is_empty());
        // Entries with none per run are refused.
        let mut bytes = 1u32.to_le_bytes().to_vec();
        bytes.extend_from_slice(&[0; 40]);
        assert!(Index::from_bytes(&bytes).is_none());
    }

    #[test]
    fn every_field_byte_reads_back_as_its_field() {
        for (n, field) in FIELDS.iter().enumerate() {
            assert_eq!(usize::from(field_byte(*field)), n);
        }
        for (n, kind) in Kind::ALL.iter().enumerate() {
            assert_eq!(usize::from(kind_byte(*kind)), n);
        }
    }

    #[test]
    fn every_truncation_and_a_flipped_length_are_refused() {
        let bytes = bytes(&index());
        for len in (0..bytes.len()).step_by(97) {
            assert!(Index::from_bytes(&bytes[..len]).is_none(), "length {len}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(Index::from_bytes(&longer).is_none());
        let mut bad = bytes;
        bad[0] ^= 0xff;
        assert!(Index::from_bytes(&bad).is_none());
    }

    #[test]
    fn a_span_or_place_outside_its_text_is_refused() {
        let bytes = bytes(&index());
        // The last span's start, then its end.
        for from_end in [4, 8] {
            let mut bad = bytes.clone();
            let at = bad.len() - from_end;
            bad[at..at + 4].copy_from_slice(&u32::MAX.to_le_bytes());
            assert!(Index::from_bytes(&bad).is_none(), "{from_end}");
        }
        // Every byte of the spans turned up by one: a span of another size,
        // part or start, or a place out of order, is refused or still valid,
        // never a panic.
        let spans = bytes.len() - 16 * index().len();
        for at in (spans..bytes.len()).step_by(13) {
            let mut bad = bytes.clone();
            bad[at] = bad[at].wrapping_add(1);
            if let Some(index) = Index::from_bytes(&bad) {
                for q in QUERIES {
                    let q = Query::parse(q);
                    for hit in index.search(&q) {
                        let _ = index.matched(hit.entry, &q);
                    }
                }
            }
        }
    }

    #[test]
    fn any_single_byte_change_is_refused_or_harmless() {
        let bytes = bytes(&index());
        for at in (0..bytes.len()).step_by(211) {
            for delta in [1u8, 0x80] {
                let mut bad = bytes.clone();
                bad[at] = bad[at].wrapping_add(delta);
                if let Some(index) = Index::from_bytes(&bad) {
                    let q = Query::parse("e");
                    for hit in index.search_top(&q, 30, |_| true) {
                        let _ = index.matched(hit.entry, &q);
                    }
                }
            }
        }
    }
}
