//! The search thread: builds the index, hands it to the app, then answers the
//! newest query each time. Every dataset, of any size, is searched here.

use std::sync::{Arc, mpsc};

use crate::app::{Msg, SharedIndex};
use crate::data::Dataset;
use crate::search::{Index, Searcher};

/// The loop's end of the search thread. Older queries not yet started are
/// dropped for the newest, and each answer carries its query's generation.
pub struct SearchWorker {
    requests: mpsc::Sender<(u64, String)>,
    pub results: mpsc::Receiver<Msg>,
}

impl SearchWorker {
    /// Starts the thread. It builds the index of `data` unless `index` is
    /// given, and sends it back first; queries sent meanwhile wait for it.
    pub fn spawn(data: Arc<Dataset>, index: Option<Arc<Index>>) -> SearchWorker {
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
        SearchWorker { requests, results }
    }

    /// Asks for the hits of `query`.
    pub fn search(&self, generation: u64, query: String) {
        // The thread lives as long as this end; a send cannot fail.
        let _ = self.requests.send((generation, query));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn the_index_comes_first_then_the_newest_answer() {
        let data = Arc::new(crate::data::load(None).expect("embedded").dataset);
        let worker = SearchWorker::spawn(data, None);
        worker.search(1, "safima".into());
        let wait = Duration::from_secs(10);
        let first = worker.results.recv_timeout(wait).expect("index");
        assert!(matches!(first, Msg::IndexReady(_)), "{first:?}");
        let Msg::SearchResults { generation, hits } =
            worker.results.recv_timeout(wait).expect("hits")
        else {
            panic!("hits expected");
        };
        assert_eq!(generation, 1);
        assert!(!hits.is_empty());
    }
}
