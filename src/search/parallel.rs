//! Splits work over the cores for large datasets with scoped threads: no pool,
//! nothing left running between two searches.

use std::ops::Range;
use std::sync::OnceLock;

/// Work on fewer items than this stays on the calling thread: below it, starting
/// a thread costs more than it saves.
pub const PARALLEL_THRESHOLD: usize = 8_192;

/// Threads to use; asked once, since asking reads the cgroup files on Linux.
fn threads() -> usize {
    static THREADS: OnceLock<usize> = OnceLock::new();
    *THREADS.get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get().min(8)))
}

/// Runs `work` on `0..len` split into one contiguous range per core (a single
/// range below [`PARALLEL_THRESHOLD`]), the last range on the calling thread.
/// Results come back in range order.
pub fn in_ranges<R: Send>(len: usize, work: impl Fn(Range<usize>) -> R + Sync) -> Vec<R> {
    let threads = if len < PARALLEL_THRESHOLD {
        1
    } else {
        threads()
    };
    if threads < 2 {
        return vec![work(0..len)];
    }
    let size = len.div_ceil(threads);
    let mut ranges: Vec<Range<usize>> = (0..len)
        .step_by(size)
        .map(|start| start..(start + size).min(len))
        .collect();
    let Some(last) = ranges.pop() else {
        return vec![work(0..len)];
    };
    std::thread::scope(|scope| {
        let work = &work;
        let handles: Vec<_> = ranges
            .into_iter()
            .map(|range| scope.spawn(move || work(range)))
            .collect();
        let own = work(last);
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
}
