//! Copying: the copy menu, a copy of the current entry in a format, a copy
//! of every hit of the search box, the quote sheet of the starred entries,
//! and what is said of a copy once the loop has made it.
//! The text itself is made in `present` (`copy`, `sheet`).

use super::{App, COPY_FORMATS, Copied, CopyFormat, Effect, Overlay, Pane, copy};
use crate::i18n::{Label, Message, Noun, Text};

impl App {
    /// Enter on the copy menu: the copy made in the format chosen, then
    /// back where the menu was opened.
    pub(super) fn copy_chosen(&mut self, effects: &mut Vec<Effect>) {
        let Overlay::CopyMenu { of, selected } = &self.overlay else {
            return;
        };
        let format = COPY_FORMATS[(*selected).min(COPY_FORMATS.len() - 1)];
        match of {
            Copied::Entry(_) => self.copy(format, effects),
            Copied::Starred => self.copy_sheet(format, effects),
        }
        self.go_back(effects);
    }

    /// `Y`: the copy menu of the current entry; on ★ Starred, whose row is
    /// the starred entries, the menu of their quote sheet.
    pub(super) fn open_copy_menu(&mut self) {
        match self.current_target() {
            Some(target) => self.go_to(Overlay::CopyMenu {
                of: Copied::Entry(target),
                selected: 0,
            }),
            None if self.on_starred_row() => self.open_sheet_menu(),
            None => self.nothing_selected(),
        }
    }

    /// The regions pane has the keyboard on its ★ Starred row.
    fn on_starred_row(&self) -> bool {
        matches!(self.overlay, Overlay::None)
            && self.focus() == Pane::Regions
            && self.starred_view()
    }

    /// The copy menu of the quote sheet, or why there is nothing to copy.
    pub(super) fn open_sheet_menu(&mut self) {
        if self.starred.is_empty() {
            let text = self.lang.word(Label::NoStarsToCopy);
            self.notify(text, true);
            return;
        }
        self.go_to(Overlay::CopyMenu {
            of: Copied::Starred,
            selected: 0,
        });
    }

    /// Copies the quote sheet: every starred entry, in the letter's order,
    /// each with its citation, in `format`.
    pub(super) fn copy_sheet(&mut self, format: CopyFormat, effects: &mut Vec<Effect>) {
        let targets: Vec<_> = self.starred.iter().map(|s| s.target.clone()).collect();
        match crate::present::sheet::sheet(&self.data, &targets, self.lang, format) {
            Some(text) => effects.push(Effect::Copy(text)),
            None => {
                let text = self.lang.word(Label::NoStarsToCopy);
                self.notify(text, true);
            }
        }
    }

    pub(super) fn copy_choice(&mut self, n: usize, effects: &mut Vec<Effect>) {
        if let Overlay::CopyMenu { selected, .. } = &mut self.overlay
            && n < COPY_FORMATS.len()
        {
            *selected = n;
            self.open(effects);
        }
    }

    /// Copies the current entry (on ★ Starred, the quote sheet), or says why
    /// nothing can be copied.
    pub fn copy(&mut self, format: CopyFormat, effects: &mut Vec<Effect>) {
        if self.current_target().is_none() && self.on_starred_row() {
            return self.copy_sheet(format, effects);
        }
        let text = self
            .current_target()
            .and_then(|t| copy::render(&self.data, &t, self.lang, format));
        match text {
            Some(text) => effects.push(Effect::Copy(text)),
            None => self.nothing_selected(),
        }
    }

    /// Copies every hit of the search box as a list, with the citation.
    pub(super) fn copy_hits(&mut self, effects: &mut Vec<Effect>) {
        let (Overlay::Search(sb), Some(index)) = (&self.overlay, &self.index) else {
            return;
        };
        // Hits whose order is still to come are put in order for the copy.
        let mut hits = sb.hits().to_vec();
        if !sb.in_order() {
            index.order_rest(&mut hits, crate::search::FIRST_ORDERED);
        }
        let entries: Vec<&crate::search::Entry> =
            hits.iter().map(|h| index.entry(h.entry)).collect();
        if entries.is_empty() {
            let text = self.lang.word(Label::NoHitsToCopy);
            self.notify(text, true);
            return;
        }
        let count = entries.len();
        let text = copy::hits_list(&self.data, sb.input(), &entries, self.lang);
        self.copied_hits = Some((text.clone(), count));
        effects.push(Effect::Copy(text));
    }

    /// The outcome of a copy: said on the status line; a copy that failed
    /// shows its text, to be selected by hand.
    pub(super) fn copied(&mut self, outcome: Result<&'static str, String>, text: String) {
        let lang = self.lang;
        let hits = self
            .copied_hits
            .take()
            .filter(|(copied, _)| *copied == text)
            .map(|(_, n)| n);
        match outcome {
            Ok(via) => match hits {
                Some(n) => {
                    let said = Message::new(Text::CopiedHits)
                        .with("hits", self.lang.count(n as u64, Noun::Hit))
                        .with("via", via)
                        .describe(self.lang);
                    self.notify(said, false);
                }
                None => self.notify(format!("{} ({via})", lang.word(Label::Copied)), false),
            },
            Err(why) => {
                self.notify(lang.labelled(lang.word(Label::CopyFailed), why), true);
                self.go_to(Overlay::CopyText { text, scroll: 0 });
            }
        }
    }
}
