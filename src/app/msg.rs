//! What the event loop reports back to the app (`Msg`): answers to the effects
//! it carried out, and notes of its own.

/// The search index as a message carries it: two are equal when they are the
/// same index, since comparing every entry would mean nothing to a test.
#[derive(Debug, Clone)]
pub struct SharedIndex(pub std::sync::Arc<crate::search::Index>);

impl PartialEq for SharedIndex {
    fn eq(&self, other: &SharedIndex) -> bool {
        std::sync::Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Eq for SharedIndex {}

/// What the event loop reports back to the app: answers to the effects it
/// carried out, and notes of its own. No key produces one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    /// Hits of the search with this generation number.
    SearchResults {
        generation: u64,
        hits: Vec<crate::search::Hit>,
    },
    /// The search index, built on the search thread.
    IndexReady(SharedIndex),
    /// The clipboard took the text (by this method), or could not (why); the text.
    CopyOutcome(Result<&'static str, String>, String),
    /// Show a message in the status bar (a warning when the flag is set).
    Notify(String, bool),
    /// The theme the config and the environment chose, as the loop starts.
    /// Mono (from `NO_COLOR` or the config) wins over a remembered theme.
    Theme(crate::store::config::ThemeName),
}
