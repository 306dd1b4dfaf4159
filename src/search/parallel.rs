//! Splits work over the cores for large datasets with scoped threads: no pool,
//! nothing left running between two searches.

use std::ops::Range;
use std::sync::OnceLock;

/// Work on fewer items than this stays on the calling thread: below it, starting
/// a thread costs more than it saves.
pub(crate) const PARALLEL_THRESHOLD: usize = 8_192;

/// Threads to use; asked once, since asking reads the cgroup files on Linux.
fn threads() -> usize {
    static THREADS: OnceLock<usize> = OnceLock::new();
    *THREADS.get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get().min(8)))
}

/// The contiguous ranges `0..len` is split into: one per core, or a single one
/// below [`PARALLEL_THRESHOLD`].
fn split(len: usize) -> Vec<Range<usize>> {
    let threads = if len < PARALLEL_THRESHOLD {
        1
    } else {
        threads()
    };
    let size = len.div_ceil(threads).max(1);
    (0..len.max(1))
        .step_by(size)
        .map(|start| start..(start + size).min(len))
        .collect()
}

/// Runs each job, the last on the calling thread, and returns their results in order.
fn run<R: Send>(mut jobs: Vec<impl FnOnce() -> R + Send>) -> Vec<R> {
    let Some(own) = jobs.pop() else {
        return Vec::new();
    };
    if jobs.is_empty() {
        return vec![own()];
    }
    std::thread::scope(|scope| {
        let handles: Vec<_> = jobs.into_iter().map(|job| scope.spawn(job)).collect();
        let own = own();
        let mut results: Vec<R> = handles
            .into_iter()
            .map(|handle| match handle.join() {
                Ok(result) => result,
                // The work cannot panic on any input; if it ever did, the panic
                // is re-raised here rather than results silently going missing.
                Err(panic) => std::panic::resume_unwind(panic),
            })
            .collect();
        results.push(own);
        results
    })
}

/// Runs `work` on `0..len` split into one contiguous range per core (a single
/// range below [`PARALLEL_THRESHOLD`]). Results come back in range order.
pub(crate) fn in_ranges<R: Send>(len: usize, work: impl Fn(Range<usize>) -> R + Sync) -> Vec<R> {
    let work = &work;
    run(split(len)
        .into_iter()
        .map(|range| move || work(range))
        .collect())
}

/// Runs `work` on `items` split the same way, each part with its number and
/// the range of `items` it is, so that every core fills its own part of one
/// vector rather than a vector to be copied into it. Results come back in order.
pub(crate) fn in_parts_mut<T: Send, R: Send>(
    items: &mut [T],
    work: impl Fn(usize, Range<usize>, &mut [T]) -> R + Sync,
) -> Vec<R> {
    let work = &work;
    let mut rest = items;
    let mut jobs = Vec::new();
    for (part, range) in split(rest.len()).into_iter().enumerate() {
        let (chunk, tail) = std::mem::take(&mut rest).split_at_mut(range.len());
        rest = tail;
        jobs.push(move || work(part, range, chunk));
    }
    run(jobs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_cover_everything_once_in_order() {
        for len in [0, 1, 100, PARALLEL_THRESHOLD, 3 * PARALLEL_THRESHOLD + 7] {
            let parts = in_ranges(len, |r| r);
            let flat: Vec<usize> = parts.into_iter().flatten().collect();
            assert_eq!(flat, (0..len).collect::<Vec<_>>(), "{len}");
        }
    }

    #[test]
    fn parts_fill_their_own_items() {
        for len in [0, 1, 100, PARALLEL_THRESHOLD, 3 * PARALLEL_THRESHOLD + 7] {
            let mut items = vec![(0, 0); len];
            let parts = in_parts_mut(&mut items, |part, range, chunk| {
                for (i, item) in range.clone().zip(chunk.iter_mut()) {
                    *item = (part, i);
                }
                range
            });
            let flat: Vec<usize> = parts.iter().cloned().flatten().collect();
            assert_eq!(flat, (0..len).collect::<Vec<_>>(), "{len}");
            for (part, range) in parts.iter().enumerate() {
                assert!(items[range.clone()].iter().all(|&(p, _)| p == part));
            }
            assert!(items.iter().enumerate().all(|(i, &(_, j))| i == j));
        }
    }
}
