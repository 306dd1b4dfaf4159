//! The letter view: where it is scrolled to, the passage it was opened at, and
//! a search in it (accents and case ignored, as the search box ignores them),
//! with its matches and the one `n` and `N` are on.

use super::{App, Effect, Overlay};
use crate::data::{Letter, LetterSpan, SourceLine};
use crate::i18n::{Message, Text};
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
pub struct Prompt {
    pub input: String,
    scroll_before: usize,
    query_before: String,
    current_before: Option<usize>,
}

/// The letter overlay.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LetterView {
    /// The first letter line on screen.
    pub scroll: usize,
    /// The lines a link or a hit opened the letter at, marked in the gutter.
    pub passage: Option<LetterSpan>,
    /// The search being typed, if it is.
    pub prompt: Option<Prompt>,
    /// The last search, and where it is found, in the letter's order.
    pub query: String,
    pub matches: Vec<Match>,
    /// The match `n` and `N` moved to last.
    pub current: Option<usize>,
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

    /// Opens the letter at the passage a search hit stands for, on the first
    /// place in it where a term of the query is found (the longest term
    /// first), highlighted as a search in the letter.
    pub(super) fn open_letter_for_hit(&mut self, id: &str, query: &str) {
        let letter = self.letter_arc();
        let passage = letter.passage_of(&document_sources(&self.data, id));
        let mut view = passage.map_or_else(LetterView::top, LetterView::at);
        let mut terms: Vec<String> = crate::search::Query::parse(query)
            .terms
            .into_iter()
            .filter(|t| !t.negated)
            .map(|t| t.text)
            .collect();
        terms.sort_by_key(|t| std::cmp::Reverse(t.chars().count()));
        for term in terms {
            let matches = find(&letter, &term);
            let inside = match passage {
                Some(p) => matches.iter().position(|m| p.contains(m.line)),
                // The letter's own words rather than the transcriber's remarks.
                None => matches
                    .iter()
                    .position(|m| letter.lines()[m.line].ocr.is_some())
                    .or((!matches.is_empty()).then_some(0)),
            };
            if inside.is_some() {
                view.show_matches(&letter, &term, inside);
                // The passage's start stays on screen when its match is near it.
                if let (Some(p), Some(m)) = (passage, inside.map(|i| view.matches[i]))
                    && m.line - p.first <= PASSAGE_ON_SCREEN
                {
                    view.scroll = p.first.saturating_sub(CONTEXT);
                }
                break;
            }
        }
        self.go_to(Overlay::Letter(view));
    }

    /// `/` in the letter: a search typed at its bottom.
    pub(super) fn start_letter_search(&mut self) {
        if let Overlay::Letter(view) = &mut self.overlay {
            view.prompt = Some(Prompt {
                input: String::new(),
                scroll_before: view.scroll,
                query_before: view.query.clone(),
                current_before: view.current,
            });
        }
    }

    /// Whether the letter's search is being typed.
    pub(super) fn letter_prompt_open(&self) -> bool {
        matches!(&self.overlay, Overlay::Letter(view) if view.prompt.is_some())
    }

    /// Edits the letter's search and searches as it is typed, from where
    /// the search began.
    pub(super) fn edit_letter_search(&mut self, edit: impl FnOnce(&mut String)) {
        let letter = self.letter_arc();
        let Overlay::Letter(view) = &mut self.overlay else {
            return;
        };
        let Some(prompt) = &mut view.prompt else {
            return;
        };
        edit(&mut prompt.input);
        let from = prompt.scroll_before;
        view.query = prompt.input.clone();
        view.matches = find(&letter, &view.query);
        view.current = view.first_from(from);
        view.scroll = match view.current {
            Some(i) => view.matches[i].line.saturating_sub(CONTEXT),
            None => from,
        };
    }

    /// Pasted text goes into the letter's search on one line, without
    /// control characters, as into the search box.
    pub(super) fn paste_into_letter_search(&mut self, text: &str) {
        let clean = crate::base::escape::pasted_line(text, usize::MAX);
        self.edit_letter_search(|s| s.push_str(&clean));
    }

    /// Enter: the search typed stays, its matches highlighted.
    pub(super) fn confirm_letter_search(&mut self) {
        let Overlay::Letter(view) = &mut self.overlay else {
            return;
        };
        if view.prompt.take().is_some() && !view.query.trim().is_empty() && view.matches.is_empty()
        {
            let query = view.query.clone();
            self.say_not_found(&query);
        }
    }

    /// Esc while typing: back to the search and the place before it.
    pub(super) fn cancel_letter_search(&mut self) {
        let letter = self.letter_arc();
        if let Overlay::Letter(view) = &mut self.overlay
            && let Some(prompt) = view.prompt.take()
        {
            view.show_matches(&letter, &prompt.query_before, prompt.current_before);
            view.scroll = prompt.scroll_before;
        }
    }

    /// `n` (`step` 1) and `N` (-1): the next or previous match, round the
    /// letter's end, from the current match or from the top of the screen.
    pub(super) fn next_match(&mut self, step: isize) {
        let Overlay::Letter(view) = &mut self.overlay else {
            return;
        };
        if view.query.trim().is_empty() {
            let text = self.lang.strings().letter_no_search;
            self.notify(text, true);
            return;
        }
        let count = view.matches.len();
        if count == 0 {
            let query = view.query.clone();
            self.say_not_found(&query);
            return;
        }
        // Whether the step goes round the letter's end, as vim says it does.
        let (next, wrapped) = match (view.current, step >= 0) {
            (Some(i), true) => ((i + 1) % count, i + 1 == count),
            (Some(i), false) => ((i + count - 1) % count, i == 0),
            (None, true) => match view.matches.iter().position(|m| m.line >= view.scroll) {
                Some(i) => (i, false),
                None => (0, true),
            },
            (None, false) => match view
                .matches
                .iter()
                .rposition(|m| m.line < view.scroll + CONTEXT)
            {
                Some(i) => (i, false),
                None => (count - 1, true),
            },
        };
        view.current = Some(next);
        view.scroll = view.matches[next].line.saturating_sub(CONTEXT);
        if wrapped {
            let s = self.lang.strings();
            let text = if step >= 0 {
                s.letter_wrapped_top
            } else {
                s.letter_wrapped_bottom
            };
            self.notify(text, false);
        }
    }

    fn say_not_found(&mut self, query: &str) {
        let text = Message::new(Text::LetterNotFound)
            .with("query", crate::base::escape::line(query))
            .describe(self.lang);
        self.notify(text, true);
    }

    /// Typing into the letter's search or the search box, whichever is open.
    pub(super) fn edit_input(&mut self, edit: impl FnOnce(&mut String), effects: &mut Vec<Effect>) {
        if self.help_filter_open() {
            self.edit_help_filter(edit);
        } else if self.letter_prompt_open() {
            self.edit_letter_search(edit);
        } else {
            self.edit_search(edit, effects);
        }
    }
}
