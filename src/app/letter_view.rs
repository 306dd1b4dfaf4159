//! The letter view: where it is scrolled to, the passage it was opened at, and
//! a search in it (accents and case ignored, as the search box ignores them),
//! with its matches and the one `n` and `N` are on.

use super::{App, Effect, Overlay, step};
use crate::data::{Letter, LetterSpan, SourceLine};
use crate::i18n::{Label, Message, Text};
use crate::present::document_sources;
use crate::search::fold::fold;

/// Lines kept above the line the view opens at or moves to, for context.
const CONTEXT: usize = 2;

/// How far into a passage its match may be with the passage still shown from
/// its start: any terminal where the explorer draws shows that many lines.
const PASSAGE_ON_SCREEN: usize = 8;

/// One occurrence of the search in the letter: a line and a character range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    pub line: usize,
    /// Characters `start..end` of the line.
    pub start: usize,
    pub end: usize,
}

/// The search being typed at the bottom of the letter, and what to go back
/// to if it is given up.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct Prompt {
    input: String,
    scroll_before: usize,
    query_before: String,
    current_before: Option<usize>,
}

/// The letter overlay.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LetterView {
    /// The first letter line on screen.
    scroll: usize,
    /// The lines a link or a hit opened the letter at, marked in the gutter.
    passage: Option<LetterSpan>,
    /// The search being typed, if it is.
    prompt: Option<Prompt>,
    /// The last search, and where it is found, in the letter's order.
    query: String,
    matches: Vec<Match>,
    /// The match `n` and `N` moved to last.
    current: Option<usize>,
}

/// What `n` or `N` did, for the status line to say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Stepped {
    /// There is no search to step through.
    NoSearch,
    /// The search, which finds nothing.
    NotFound(String),
    /// To the next match.
    Moved,
    /// To the next match, round the letter's end.
    Wrapped,
}

impl LetterView {
    /// The view at the top of the letter.
    pub(crate) fn top() -> LetterView {
        LetterView::default()
    }

    /// The view with `passage` marked and near the top of the screen.
    pub(crate) fn at(passage: LetterSpan) -> LetterView {
        LetterView {
            scroll: passage.first.saturating_sub(CONTEXT),
            passage: Some(passage),
            ..LetterView::default()
        }
    }

    /// The view of a search hit's `passage`, on the first place in it where
    /// a term of `query` is found (the longest term first), highlighted as a
    /// search in the letter.
    pub(super) fn for_hit(letter: &Letter, passage: Option<LetterSpan>, query: &str) -> LetterView {
        let mut view = passage.map_or_else(LetterView::top, LetterView::at);
        let mut terms: Vec<String> = crate::search::Query::parse(query)
            .terms
            .into_iter()
            .filter(|t| !t.negated)
            .map(|t| t.text)
            .collect();
        terms.sort_by_key(|t| std::cmp::Reverse(t.chars().count()));
        for term in terms {
            let matches = find(letter, &term);
            let inside = match passage {
                Some(p) => matches.iter().position(|m| p.contains(m.line)),
                // The letter's own words rather than the transcriber's remarks.
                None => matches
                    .iter()
                    .position(|m| letter.lines()[m.line].ocr.is_some())
                    .or((!matches.is_empty()).then_some(0)),
            };
            if inside.is_some() {
                view.show_matches(letter, &term, inside);
                // The passage's start stays on screen when its match is near it.
                if let (Some(p), Some(m)) = (passage, inside.map(|i| view.matches[i]))
                    && m.line - p.first <= PASSAGE_ON_SCREEN
                {
                    view.scroll = p.first.saturating_sub(CONTEXT);
                }
                break;
            }
        }
        view
    }

    /// The view as the way back keeps it: a search being typed is left out.
    pub(super) fn without_prompt(&self) -> LetterView {
        LetterView {
            prompt: None,
            ..self.clone()
        }
    }

    /// The first letter line on screen.
    pub fn scroll(&self) -> usize {
        self.scroll
    }

    /// The lines a link or a hit opened the letter at.
    pub(crate) fn passage(&self) -> Option<LetterSpan> {
        self.passage
    }

    /// Whether a search is being typed.
    pub(crate) fn typing(&self) -> bool {
        self.prompt.is_some()
    }

    /// The search being typed, if it is.
    pub(crate) fn prompt(&self) -> Option<&str> {
        self.prompt.as_ref().map(|p| p.input.as_str())
    }

    /// The last search.
    pub(crate) fn query(&self) -> &str {
        &self.query
    }

    /// Where the last search is found, in the letter's order.
    pub fn matches(&self) -> &[Match] {
        &self.matches
    }

    /// The match `n` and `N` moved to last, as an index into [`Self::matches`].
    pub fn current(&self) -> Option<usize> {
        self.current
    }

    /// The OCR line the letter was opened at (its passage), or with
    /// `or_top`, the first one on screen when it has no passage.
    pub(crate) fn ocr_line(&self, letter: &Letter, or_top: bool) -> Option<u32> {
        let from = match self.passage {
            Some(p) => p.first,
            None if or_top => self.scroll,
            None => return None,
        };
        letter
            .lines()
            .get(from..)?
            .iter()
            .find_map(|l| l.ocr.map(|o| o.first))
    }

    /// Puts the view at `scroll` on match `current`, a state keys reach only slowly.
    #[cfg(test)]
    pub(crate) fn set_place(&mut self, scroll: usize, current: Option<usize>) {
        self.scroll = scroll;
        self.current = current;
    }

    /// Scrolls by `delta` lines within the letter's `lines`.
    pub(super) fn scroll_by(&mut self, delta: isize, lines: usize) {
        self.scroll = step(self.scroll, delta, lines);
    }

    /// Searches `query` and makes match `current` the one on screen.
    fn show_matches(&mut self, letter: &Letter, query: &str, current: Option<usize>) {
        self.query = query.to_string();
        self.matches = find(letter, query);
        self.current = current.filter(|&i| i < self.matches.len());
        if let Some(m) = self.current.map(|i| self.matches[i]) {
            self.scroll = m.line.saturating_sub(CONTEXT);
        }
    }

    /// The first match on or after letter line `line`, else the first one.
    fn first_from(&self, line: usize) -> Option<usize> {
        let after = self.matches.iter().position(|m| m.line >= line);
        after.or((!self.matches.is_empty()).then_some(0))
    }

    /// `/`: a search typed at the bottom, remembering what to go back to.
    pub(super) fn start_search(&mut self) {
        self.prompt = Some(Prompt {
            input: String::new(),
            scroll_before: self.scroll,
            query_before: self.query.clone(),
            current_before: self.current,
        });
    }

    /// Edits the search being typed and searches as it is typed, from where
    /// the search began.
    pub(super) fn edit_search(&mut self, letter: &Letter, edit: impl FnOnce(&mut String)) {
        let Some(prompt) = &mut self.prompt else {
            return;
        };
        edit(&mut prompt.input);
        let from = prompt.scroll_before;
        self.query = prompt.input.clone();
        self.matches = find(letter, &self.query);
        self.current = self.first_from(from);
        self.scroll = match self.current {
            Some(i) => self.matches[i].line.saturating_sub(CONTEXT),
            None => from,
        };
    }

    /// Enter: the search typed stays, its matches highlighted. Returns the
    /// search if it finds nothing, to say so.
    pub(super) fn confirm_search(&mut self) -> Option<String> {
        let typed = self.prompt.take().is_some();
        (typed && !self.query.trim().is_empty() && self.matches.is_empty())
            .then(|| self.query.clone())
    }

    /// Esc while typing: back to the search and the place before it.
    pub(super) fn cancel_search(&mut self, letter: &Letter) {
        if let Some(prompt) = self.prompt.take() {
            self.show_matches(letter, &prompt.query_before, prompt.current_before);
            self.scroll = prompt.scroll_before;
        }
    }

    /// `n` (`step` 1) and `N` (-1): the next or previous match, round the
    /// letter's end, from the current match or from the top of the screen.
    pub(super) fn next_match(&mut self, step: isize) -> Stepped {
        if self.query.trim().is_empty() {
            return Stepped::NoSearch;
        }
        let count = self.matches.len();
        if count == 0 {
            return Stepped::NotFound(self.query.clone());
        }
        // Whether the step goes round the letter's end, as vim says it does.
        let (next, wrapped) = match (self.current, step >= 0) {
            (Some(i), true) => ((i + 1) % count, i + 1 == count),
            (Some(i), false) => ((i + count - 1) % count, i == 0),
            (None, true) => match self.matches.iter().position(|m| m.line >= self.scroll) {
                Some(i) => (i, false),
                None => (0, true),
            },
            (None, false) => match self
                .matches
                .iter()
                .rposition(|m| m.line < self.scroll + CONTEXT)
            {
                Some(i) => (i, false),
                None => (count - 1, true),
            },
        };
        self.current = Some(next);
        self.scroll = self.matches[next].line.saturating_sub(CONTEXT);
        if wrapped {
            Stepped::Wrapped
        } else {
            Stepped::Moved
        }
    }
}

/// Every occurrence of `query` in the letter, accents and case ignored. A
/// query is searched as it is typed, spaces included, within each line.
pub(crate) fn find(letter: &Letter, query: &str) -> Vec<Match> {
    let wanted = fold(query.trim()).text;
    if wanted.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (line, l) in letter.lines().iter().enumerate() {
        let folded = fold(&l.text);
        // Byte offsets of the folded text to folded character positions.
        let chars: Vec<usize> = folded.text.char_indices().map(|(i, _)| i).collect();
        let mut from = 0;
        while let Some(at) = folded.text[from..].find(&wanted) {
            let start = from + at;
            let end = start + wanted.len();
            let first = chars.partition_point(|&b| b < start);
            let last = chars.partition_point(|&b| b < end) - 1;
            if let (Some(&a), Some(&b)) = (folded.origin.get(first), folded.origin.get(last)) {
                out.push(Match {
                    line,
                    start: a as usize,
                    end: b as usize + 1,
                });
            }
            from = end;
        }
    }
    out
}

impl App {
    /// `d`: the letter, or back from it.
    pub(super) fn toggle_letter(&mut self, effects: &mut Vec<Effect>) {
        match self.overlay {
            Overlay::Letter(_) => self.go_back(effects),
            _ => self.open_letter(),
        }
    }

    /// Opens the letter at its top.
    pub(super) fn open_letter(&mut self) {
        self.go_to(Overlay::Letter(LetterView::top()));
    }

    /// Opens the letter at the lines that show OCR line `source`.
    pub(super) fn open_letter_at(&mut self, source: &SourceLine) {
        let passage = self.letter().passage(source);
        self.go_to(Overlay::Letter(
            passage.map_or_else(LetterView::top, LetterView::at),
        ));
    }

    /// Opens the letter at the passage a search hit stands for, its terms
    /// found there highlighted.
    pub(super) fn open_letter_for_hit(&mut self, id: &str, query: &str) {
        let letter = self.letter_arc();
        let passage = letter.passage_of(&document_sources(&self.data, id));
        self.go_to(Overlay::Letter(LetterView::for_hit(
            &letter, passage, query,
        )));
    }

    /// `/` in the letter: a search typed at its bottom.
    pub(super) fn start_letter_search(&mut self) {
        if let Overlay::Letter(view) = &mut self.overlay {
            view.start_search();
        }
    }

    /// Whether the letter's search is being typed.
    pub(super) fn letter_prompt_open(&self) -> bool {
        matches!(&self.overlay, Overlay::Letter(view) if view.typing())
    }

    /// Edits the letter's search, if one is being typed.
    pub(super) fn edit_letter_search(&mut self, edit: impl FnOnce(&mut String)) {
        let letter = self.letter_arc();
        if let Overlay::Letter(view) = &mut self.overlay {
            view.edit_search(&letter, edit);
        }
    }

    /// Pasted text goes into the letter's search on one line, without
    /// control characters, as into the search box.
    pub(super) fn paste_into_letter_search(&mut self, text: &str) {
        let clean = crate::base::escape::pasted_line(text, usize::MAX);
        self.edit_letter_search(|s| s.push_str(&clean));
    }

    /// Enter: the search typed stays; one that finds nothing says so.
    pub(super) fn confirm_letter_search(&mut self) {
        if let Overlay::Letter(view) = &mut self.overlay
            && let Some(query) = view.confirm_search()
        {
            self.say_not_found(&query);
        }
    }

    /// Esc while typing: back to the search and the place before it.
    pub(super) fn cancel_letter_search(&mut self) {
        let letter = self.letter_arc();
        if let Overlay::Letter(view) = &mut self.overlay {
            view.cancel_search(&letter);
        }
    }

    /// `n` (`step` 1) and `N` (-1): the next or previous match, and a word
    /// on the status line when there is none or the step goes round.
    pub(super) fn next_match(&mut self, step: isize) {
        let Overlay::Letter(view) = &mut self.overlay else {
            return;
        };
        let lang = self.lang;
        match view.next_match(step) {
            Stepped::NoSearch => self.notify(lang.word(Label::LetterNoSearch), true),
            Stepped::NotFound(query) => self.say_not_found(&query),
            Stepped::Moved => {}
            Stepped::Wrapped if step >= 0 => self.notify(lang.word(Label::LetterWrappedTop), false),
            Stepped::Wrapped => self.notify(lang.word(Label::LetterWrappedBottom), false),
        }
    }

    fn say_not_found(&mut self, query: &str) {
        let text = Message::new(Text::LetterNotFound)
            .with("query", crate::base::escape::line(query))
            .describe(self.lang);
        self.notify(text, true);
    }
}
