//! Copying: the copy menu, a copy of the current entry in a format, and a copy
//! of every hit of the search box. The text itself is made in `copy`.

use super::{App, COPY_FORMATS, CopyFormat, Effect, Overlay, copy};

impl App {
    pub(super) fn open_copy_menu(&mut self) {
        match self.current_target() {
            Some(target) => self.go_to(Overlay::CopyMenu {
                target,
                selected: 0,
            }),
            None => self.nothing_selected(),
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

    /// Copies the current entry, or says why nothing can be copied.
    pub fn copy(&mut self, format: CopyFormat, effects: &mut Vec<Effect>) {
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
        let entries: Vec<&crate::search::Entry> =
            sb.hits.iter().map(|h| index.entry(h.entry)).collect();
        if entries.is_empty() {
            let text = self.lang.strings().no_hits_to_copy;
            self.notify(text, true);
            return;
        }
        let count = entries.len();
        let text = copy::hits_list(&self.data, &sb.input, &entries, self.lang);
        self.copied_hits = Some((text.clone(), count));
        effects.push(Effect::Copy(text));
    }
}
