//! The search thread: builds the index (or reads it from the index cache),
//! hands it to the app, then answers the newest query each time. Every
//! dataset, of any size, is searched here. Once the first frame is drawn, the
//! letter is made on a thread of its own beside it.

use std::sync::{Arc, mpsc};

use crate::app::{LetterSlot, Msg, SharedIndex};
use crate::cache::Slot;
use crate::data::{Dataset, Origin};
use crate::search::{Index, Searcher};

/// The loop's end of the search thread. Older queries not yet started are
/// dropped for the newest, and each answer carries its query's generation.
pub struct SearchWorker {
    requests: mpsc::Sender<(u64, String)>,
    pub results: mpsc::Receiver<Msg>,
    /// Told once the first frame is on screen; taken when told.
    drawn: Option<mpsc::Sender<()>>,
    /// What the letter is made of, and the app's slot for it; taken when the
    /// first frame is drawn.
    letter: Option<(Arc<Dataset>, Origin, LetterSlot)>,
}

impl SearchWorker {
    /// Starts the thread. Once [`SearchWorker::frame_drawn`] says the first
    /// frame is on screen, it builds the index of `data` unless `index` is
    /// given or `cache` holds it, and sends it back first; queries sent
    /// meanwhile wait for it. An index built for a `cache` slot is remembered
    /// there by a thread of its own.
    pub fn spawn(
        data: Arc<Dataset>,
        index: Option<Arc<Index>>,
        cache: Option<Slot>,
        letter: (Origin, LetterSlot),
    ) -> SearchWorker {
        let (requests, inbox) = mpsc::channel::<(u64, String)>();
        let (outbox, results) = mpsc::channel();
        let (drawn, first_frame) = mpsc::channel();
        let letter = Some((Arc::clone(&data), letter.0, letter.1));
        std::thread::spawn(move || {
            let index = match index {
                Some(index) => index,
                None => {
                    // Built once the first frame is on screen, so that the
                    // frame does not share the cores with the build; an
                    // explorer that ends before its first frame needs none.
                    if first_frame.recv().is_err() {
                        return;
                    }
                    let index = ready_index(&data, cache);
                    let ready = Msg::IndexReady(SharedIndex(Arc::clone(&index)));
                    if outbox.send(ready).is_err() {
                        return;
                    }
                    index
                }
            };
            drop(data);
            let mut searcher = Searcher::default();
            while let Ok(mut request) = inbox.recv() {
                while let Ok(newer) = inbox.try_recv() {
                    request = newer;
                }
                let (generation, query) = request;
                let hits = searcher.search(&index, &query);
                if outbox
                    .send(Msg::SearchResults { generation, hits })
                    .is_err()
                {
                    break;
                }
            }
        });
        SearchWorker {
            requests,
            results,
            drawn: Some(drawn),
            letter,
        }
    }

    /// Asks for the hits of `query`.
    pub fn search(&self, generation: u64, query: String) {
        // The thread lives as long as this end; a send cannot fail.
        let _ = self.requests.send((generation, query));
    }

    /// Says that a frame is on screen; only the first call tells the thread,
    /// and starts making the letter into the app's slot: a large dataset's
    /// takes a while (half a second at 1 000 000 organisations), which opening
    /// it would otherwise wait for.
    pub fn frame_drawn(&mut self) {
        if let Some(drawn) = self.drawn.take() {
            // A thread that has nothing to write has stopped listening.
            let _ = drawn.send(());
        }
        if let Some((data, origin, slot)) = self.letter.take() {
            // Opened meanwhile, the letter waits for this one to be made.
            std::thread::spawn(move || {
                slot.get_or_init(|| crate::data::letter(&data, &origin));
            });
        }
    }
}

/// The index of `data`: the one `cache` holds, else built now. A built index
/// is remembered in `cache` off the loop's thread and this one.
fn ready_index(data: &Dataset, cache: Option<Slot>) -> Arc<Index> {
    if let Some(index) = cache.as_ref().and_then(Slot::lookup) {
        return Arc::new(index);
    }
    let index = Arc::new(Index::build(data));
    if let Some(slot) = cache {
        let index = Arc::clone(&index);
        std::thread::spawn(move || {
            // The explorer has no place to say it: a cache that cannot be
            // written is a miss next time, nothing more.
            let _ = slot.remember(&index);
        });
    }
    index
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::OnceLock;
    use std::time::Duration;

    /// The thread's next answer.
    fn answer(worker: &SearchWorker) -> Msg {
        match worker.results.recv_timeout(Duration::from_secs(10)) {
            Ok(msg) => msg,
            Err(e) => panic!("an answer expected: {e}"),
        }
    }

    /// A slot for the letter the tests do not look at.
    fn unused_letter() -> (Origin, LetterSlot) {
        (Origin::File("x.json".into()), Arc::new(OnceLock::new()))
    }

    #[test]
    fn the_letter_is_made_into_the_apps_slot_once_the_first_frame_is_drawn() {
        let data = Arc::new(crate::data::load(None).expect("embedded").dataset);
        let origin = Origin::File("pap.json".into());
        let slot = Arc::new(OnceLock::new());
        let mut worker = SearchWorker::spawn(
            Arc::clone(&data),
            None,
            None,
            (origin.clone(), Arc::clone(&slot)),
        );
        let _ = worker.results.recv_timeout(Duration::from_millis(100));
        assert!(slot.get().is_none(), "no letter before the first frame");
        worker.frame_drawn();
        wait_until("the letter", || slot.get().is_some());
        let made = slot.get().expect("made");
        assert_eq!(made.lines(), crate::data::letter(&data, &origin).lines());
    }

    #[test]
    fn the_index_comes_first_then_the_newest_answer() {
        let data = Arc::new(crate::data::load(None).expect("embedded").dataset);
        let mut worker = SearchWorker::spawn(data, None, None, unused_letter());
        worker.search(1, "safima".into());
        assert!(
            worker
                .results
                .recv_timeout(Duration::from_millis(100))
                .is_err(),
            "nothing is built before the first frame"
        );
        worker.frame_drawn();
        let first = answer(&worker);
        assert!(matches!(first, Msg::IndexReady(_)), "{first:?}");
        let Msg::SearchResults { generation, hits } = answer(&worker) else {
            panic!("hits expected");
        };
        assert_eq!(generation, 1);
        assert!(!hits.is_empty());
    }

    /// The index the thread hands over first.
    fn index_ready(worker: &SearchWorker) -> Arc<Index> {
        match answer(worker) {
            Msg::IndexReady(SharedIndex(index)) => index,
            other => panic!("the index expected, got {other:?}"),
        }
    }

    /// Waits, with a deadline, for `what` to hold.
    fn wait_until(what: &str, holds: impl Fn() -> bool) {
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        while !holds() {
            assert!(std::time::Instant::now() < deadline, "waited for {what}");
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    fn names_in(dir: &std::path::Path) -> Vec<String> {
        std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect()
    }

    /// A cache directory (removed when dropped: keep it), its slot for one
    /// dataset, and the embedded data.
    fn cached_explorer() -> (tempfile::TempDir, Slot, Arc<crate::data::Dataset>) {
        let dir = tempfile::tempdir().expect("tempdir");
        let slot = Slot {
            dir: dir.path().join("cache"),
            key: crate::cache::Key::of(b"explorer data"),
        };
        let data = Arc::new(crate::data::load(None).expect("embedded").dataset);
        (dir, slot, data)
    }

    #[test]
    fn a_built_index_is_remembered_after_the_first_frame_on_second_sight() {
        let (_dir, slot, data) = cached_explorer();
        let mut worker =
            SearchWorker::spawn(Arc::clone(&data), None, Some(slot.clone()), unused_letter());
        std::thread::sleep(Duration::from_millis(100));
        assert!(
            names_in(&slot.dir).is_empty(),
            "nothing before the first frame"
        );
        worker.frame_drawn();
        index_ready(&worker);
        wait_until("the mark", || {
            names_in(&slot.dir).iter().any(|n| n.ends_with(".seen"))
        });
        let mut worker =
            SearchWorker::spawn(Arc::clone(&data), None, Some(slot.clone()), unused_letter());
        worker.frame_drawn();
        let built = index_ready(&worker);
        wait_until("the stored index", || slot.lookup().is_some());
        let stored = slot.lookup().expect("stored");
        let query = crate::search::Query::parse("montreal");
        assert_eq!(stored.search(&query), built.search(&query));
    }

    #[test]
    fn an_explorer_that_ends_before_its_first_frame_writes_nothing() {
        let (_dir, slot, data) = cached_explorer();
        let worker =
            SearchWorker::spawn(Arc::clone(&data), None, Some(slot.clone()), unused_letter());
        drop(worker);
        // Had the first session marked the key, this one would store the index.
        let mut worker = SearchWorker::spawn(data, None, Some(slot.clone()), unused_letter());
        worker.frame_drawn();
        index_ready(&worker);
        wait_until("the mark", || !names_in(&slot.dir).is_empty());
        assert!(
            names_in(&slot.dir).iter().all(|n| n.ends_with(".seen")),
            "{:?}",
            names_in(&slot.dir)
        );
    }

    #[test]
    fn the_index_in_the_cache_is_the_one_handed_over() {
        let dir = tempfile::tempdir().expect("tempdir");
        let slot = Slot {
            dir: dir.path().to_path_buf(),
            key: crate::cache::Key::of(b"explorer data"),
        };
        // A stored index of other data shows that the cache was read.
        let other = crate::synthetic::dataset(50).expect("synthetic");
        let stored = Index::build(&other);
        assert!(crate::cache::store(&slot.dir, slot.key, &stored).is_ok());
        let data = Arc::new(crate::data::load(None).expect("embedded").dataset);
        let mut worker =
            SearchWorker::spawn(Arc::clone(&data), None, Some(slot.clone()), unused_letter());
        worker.frame_drawn();
        let index = index_ready(&worker);
        assert_eq!(index.len(), stored.len());
        assert_ne!(index.len(), Index::build(&data).len());
        worker.search(1, "e".into());
        let Msg::SearchResults { hits, .. } = answer(&worker) else {
            panic!("hits expected");
        };
        assert_eq!(hits, stored.search(&crate::search::Query::parse("e")));
    }
}
