//! The order of hits with equal scores: kind, then folded label, then id, sorted
//! once per index on every core.

use std::cmp::Ordering;

use super::entry::{Entry, Kind};
use super::parallel::in_ranges;

/// Entries in (kind, folded label, id) order, entry number last so that the
/// order is total.
#[derive(Debug)]
pub(super) struct TieBreak {
    /// Position of each entry in that order.
    pub rank: Vec<u32>,
    /// The entry at each position: `order[rank[e]] == e`.
    pub order: Vec<u32>,
}

impl TieBreak {
    /// Sorts `entries`, whose folded labels `label` gives. Each core sorts a
    /// part; the parts are then merged.
    pub(crate) fn new<'a>(entries: &[Entry], label: impl Fn(u32) -> &'a [u8] + Sync) -> TieBreak {
        /// The kind and the first bytes of the folded label, compared before
        /// anything else so that most comparisons touch no string.
        type Key = (Kind, u64, u32);
        let label = &label;
        let key = |e: u32| -> Key {
            // Zero padding keeps the order of labels shorter than 8 bytes.
            let mut prefix = [0u8; 8];
            let l = label(e);
            let n = l.len().min(8);
            prefix[..n].copy_from_slice(&l[..n]);
            (entries[e as usize].kind, u64::from_be_bytes(prefix), e)
        };
        let cmp = |a: &Key, b: &Key| -> Ordering {
            (a.0, a.1).cmp(&(b.0, b.1)).then_with(|| {
                let (ea, eb) = (&entries[a.2 as usize], &entries[b.2 as usize]);
                (label(a.2), &ea.id, a.2).cmp(&(label(b.2), &eb.id, b.2))
            })
        };
        let parts = in_ranges(entries.len(), |range| {
            let mut keys: Vec<Key> = (range.start as u32..range.end as u32).map(key).collect();
            keys.sort_unstable_by(cmp);
            keys
        });
        let mut parts = parts.into_iter();
        let mut merged = parts.next().unwrap_or_default();
        for part in parts {
            merged = merge(merged, part, cmp);
        }
        let order: Vec<u32> = merged.into_iter().map(|(_, _, e)| e).collect();
        let mut rank = vec![0u32; order.len()];
        for (position, &entry) in order.iter().enumerate() {
            rank[entry as usize] = position as u32;
        }
        TieBreak { rank, order }
    }
}

/// Merges two sorted vectors.
fn merge<T: Copy>(a: Vec<T>, b: Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) -> Vec<T> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        if cmp(&b[j], &a[i]) == Ordering::Less {
            out.push(b[j]);
            j += 1;
        } else {
            out.push(a[i]);
            i += 1;
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merge_keeps_order_and_everything() {
        let merged = merge(vec![1, 4, 4, 9], vec![0, 4, 5, 10, 11], |a: &i32, b| {
            a.cmp(b)
        });
        assert_eq!(merged, [0, 1, 4, 4, 4, 5, 9, 10, 11]);
        assert_eq!(merge(vec![], vec![2], |a: &i32, b| a.cmp(b)), [2]);
    }

    #[test]
    fn short_labels_sort_before_their_extensions() {
        let entry = |id: &str| Entry {
            kind: Kind::City,
            id: id.to_string(),
            label: String::new(),
            fields: Vec::new(),
        };
        let entries = [entry("b"), entry("a"), entry("c"), entry("d")];
        let labels: [&[u8]; 4] = [b"laval", b"laval", b"la", b"laval-des-rapides"];
        let tie_break = TieBreak::new(&entries, |e| labels[e as usize]);
        assert_eq!(tie_break.order, [2, 1, 0, 3]);
        assert_eq!(tie_break.rank, [2, 1, 0, 3]);
    }
}
