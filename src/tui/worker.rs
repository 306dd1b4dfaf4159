//! The search thread: builds the index, hands it to the app, then answers the
//! newest query each time. Every dataset, of any size, is searched here. Once
//! the index is built, the letter is made on a thread of its own beside it.

use std::sync::{Arc, mpsc};

use crate::app::{LetterSlot, Msg, SharedIndex};
use crate::data::{Dataset, Origin};
use crate::search::{FIRST_ORDERED, Index, Searcher};

/// How long the search thread waits for a first query before it makes the
/// letter: a query that comes meanwhile is answered first.
const LETTER_AFTER_IDLE: std::time::Duration = std::time::Duration::from_millis(300);

/// The loop's end of the search thread. Older queries not yet started are
/// dropped for the newest, and each answer carries its query's generation.
pub(crate) struct SearchWorker {
    requests: mpsc::Sender<(u64, String)>,
    pub results: mpsc::Receiver<Msg>,
}

impl SearchWorker {
    /// Starts the thread. It builds the index of `data` at once, unless
    /// `index` is given, and sends it back first; queries sent meanwhile wait
    /// for it, and only the newest of them is answered. Once the first answer
    /// is sent, or no query has come for [`LETTER_AFTER_IDLE`], it makes the
    /// letter into the app's slot on a thread of its own: a large dataset's
    /// takes a while (half a second at 1 000 000 organisations), which opening
    /// it would otherwise wait for, and made beside the index or the first
    /// search it would take a core from the first answer.
    pub(crate) fn spawn(
        data: Arc<Dataset>,
        index: Option<Arc<Index>>,
        letter: (Origin, LetterSlot),
    ) -> SearchWorker {
        let (requests, inbox) = mpsc::channel::<(u64, String)>();
        let (outbox, results) = mpsc::channel();
        std::thread::spawn(move || {
            let index = match index {
                Some(index) => index,
                None => {
                    let index = Arc::new(Index::build(&data));
                    let ready = Msg::IndexReady(SharedIndex(Arc::clone(&index)));
                    if outbox.send(ready).is_err() {
                        return;
                    }
                    index
                }
            };
            let (origin, slot) = letter;
            let mut make_letter = Some(move || {
                std::thread::spawn(move || {
                    // Opened meanwhile, the letter waits for this one to be made.
                    slot.get_or_init(|| crate::data::letter(&data, &origin));
                });
            });
            let mut searcher = Searcher::default();
            // A query that came while the last answer's hits were put in order.
            let mut waiting: Option<(u64, String)> = None;
            loop {
                // The letter waits for the first answer, or for a moment
                // without a query: made beside a search, it takes a core from it.
                let mut request = if let Some(request) = waiting.take() {
                    request
                } else if make_letter.is_some() {
                    match inbox.recv_timeout(LETTER_AFTER_IDLE) {
                        Ok(request) => request,
                        Err(mpsc::RecvTimeoutError::Timeout) => {
                            if let Some(make) = make_letter.take() {
                                make();
                            }
                            continue;
                        }
                        Err(mpsc::RecvTimeoutError::Disconnected) => break,
                    }
                } else {
                    match inbox.recv() {
                        Ok(request) => request,
                        Err(_) => break,
                    }
                };
                while let Ok(newer) = inbox.try_recv() {
                    request = newer;
                }
                let (generation, query) = request;
                // The first rows at once, with the count of every hit; the
                // others put in order after, unless a newer query has come.
                let (mut hits, ordered) = searcher.search_first(&index, &query, FIRST_ORDERED);
                let answer = if ordered < hits.len() {
                    hits.clone()
                } else {
                    std::mem::take(&mut hits)
                };
                if outbox
                    .send(Msg::SearchResults {
                        generation,
                        hits: answer,
                    })
                    .is_err()
                {
                    break;
                }
                if ordered < hits.len() {
                    match inbox.try_recv() {
                        Ok(newer) => waiting = Some(newer),
                        Err(_) => {
                            index.order_rest(&mut hits, ordered);
                            if outbox
                                .send(Msg::SearchResults { generation, hits })
                                .is_err()
                            {
                                break;
                            }
                        }
                    }
                }
                if let Some(make) = make_letter.take() {
                    make();
                }
            }
        });
        SearchWorker { requests, results }
    }

    /// Asks for the hits of `query`.
    pub(crate) fn search(&self, generation: u64, query: String) {
        // The thread lives as long as this end; a send cannot fail.
        let _ = self.requests.send((generation, query));
    }
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

    /// Waits, with a deadline, for `what` to hold.
    fn wait_until(what: &str, holds: impl Fn() -> bool) {
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        while !holds() {
            assert!(std::time::Instant::now() < deadline, "waited for {what}");
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    #[test]
    fn the_letter_is_made_into_the_apps_slot_when_no_query_comes() {
        let data = Arc::new(crate::data::load(None).expect("embedded").dataset);
        let origin = Origin::File("pap.json".into());
        let slot = Arc::new(OnceLock::new());
        let worker =
            SearchWorker::spawn(Arc::clone(&data), None, (origin.clone(), Arc::clone(&slot)));
        let first = answer(&worker);
        assert!(matches!(first, Msg::IndexReady(_)), "{first:?}");
        wait_until("the letter", || slot.get().is_some());
        let made = slot.get().expect("made");
        assert_eq!(made.lines(), crate::data::letter(&data, &origin).lines());
    }

    #[test]
    fn a_query_waiting_for_the_index_is_answered_before_the_letter_is_made() {
        let data = Arc::new(crate::data::load(None).expect("embedded").dataset);
        let slot = Arc::new(OnceLock::new());
        let worker = SearchWorker::spawn(
            Arc::clone(&data),
            None,
            (Origin::File("pap.json".into()), Arc::clone(&slot)),
        );
        worker.search(1, "montreal".into());
        assert!(matches!(answer(&worker), Msg::IndexReady(_)));
        // No letter before the answer (made beside it, it would slow it): a
        // letter already made means the answer is already waiting.
        let next = if slot.get().is_some() {
            match worker.results.try_recv() {
                Ok(msg) => msg,
                Err(e) => panic!("the letter was made before the answer was sent: {e}"),
            }
        } else {
            answer(&worker)
        };
        assert!(matches!(next, Msg::SearchResults { .. }), "{next:?}");
        wait_until("the letter", || slot.get().is_some());
    }

    #[test]
    fn the_index_comes_first_then_the_newest_answer() {
        let data = Arc::new(crate::data::load(None).expect("embedded").dataset);
        let worker = SearchWorker::spawn(data, None, unused_letter());
        // Sent before the index is built: only the newest is answered.
        worker.search(1, "montreal".into());
        worker.search(2, "safima".into());
        let first = answer(&worker);
        assert!(matches!(first, Msg::IndexReady(_)), "{first:?}");
        let Msg::SearchResults { generation, hits } = answer(&worker) else {
            panic!("hits expected");
        };
        assert!(!hits.is_empty());
        if generation == 1 {
            // The thread took the first query before the second was sent.
            let Msg::SearchResults { generation, .. } = answer(&worker) else {
                panic!("hits expected");
            };
            assert_eq!(generation, 2);
        } else {
            assert_eq!(generation, 2);
        }
    }

    #[test]
    fn many_hits_come_first_with_their_first_rows_in_order_then_all_in_order() {
        let data = Arc::new(crate::synthetic::dataset(3_000).expect("synthetic"));
        let index = Arc::new(Index::build(&data));
        let all = index.search(&crate::search::Query::parse("e"));
        assert!(all.len() > FIRST_ORDERED, "{} hits", all.len());
        let worker = SearchWorker::spawn(data, Some(index), unused_letter());
        worker.search(3, "e".into());
        let Msg::SearchResults { generation, hits } = answer(&worker) else {
            panic!("hits expected");
        };
        assert_eq!(generation, 3);
        assert_eq!(hits.len(), all.len(), "every hit counted at once");
        assert_eq!(hits[..FIRST_ORDERED], all[..FIRST_ORDERED]);
        let Msg::SearchResults { generation, hits } = answer(&worker) else {
            panic!("the same hits in order expected");
        };
        assert_eq!(generation, 3);
        assert_eq!(hits, all);
        // Few hits are all in order in one answer.
        worker.search(4, "montreal".into());
        let Msg::SearchResults { generation, hits } = answer(&worker) else {
            panic!("hits expected");
        };
        assert_eq!(generation, 4);
        let few = Index::build(&crate::synthetic::dataset(3_000).expect("synthetic"))
            .search(&crate::search::Query::parse("montreal"));
        assert!(few.len() <= FIRST_ORDERED, "{} hits", few.len());
        assert_eq!(hits, few);
        assert!(
            worker
                .results
                .recv_timeout(Duration::from_millis(300))
                .is_err(),
            "one answer for few hits"
        );
    }

    #[test]
    fn a_given_index_is_not_built_again() {
        let data = Arc::new(crate::data::load(None).expect("embedded").dataset);
        let index = Arc::new(Index::build(&data));
        let worker = SearchWorker::spawn(data, Some(Arc::clone(&index)), unused_letter());
        worker.search(7, "lanaudiere".into());
        let Msg::SearchResults { generation, hits } = answer(&worker) else {
            panic!("hits first: the index was given");
        };
        assert_eq!(generation, 7);
        assert_eq!(
            hits,
            index.search(&crate::search::Query::parse("lanaudiere"))
        );
    }
}
