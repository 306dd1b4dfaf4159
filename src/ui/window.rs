//! Long lists on screen. Ratatui's `List` measures every item it is given, so a
//! list of 100 000 organisations gives it only the items around its selection,
//! and a state that counts from the first of them; the list does the scrolling.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{List, ListState, StatefulWidget};

/// The rows of a list that some height can show, wherever the list was
/// scrolled to: a screenful either side of the selection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Window {
    rows: Range<usize>,
    selected: usize,
    len: usize,
}

impl Window {
    /// The window of a list of `len` rows around `selected`, for `height` rows.
    pub(crate) fn around(selected: usize, len: usize, height: u16) -> Window {
        let height = usize::from(height).max(1);
        // As the list does, a selection past the end is the last row.
        let selected = selected.min(len.saturating_sub(1));
        Window {
            rows: (selected + 1).saturating_sub(height)..(selected + height).min(len),
            selected,
            len,
        }
    }

    /// The indexes of the rows to build, in the list.
    pub(crate) fn rows(&self) -> Range<usize> {
        self.rows.clone()
    }

    /// Draws `list`, made of the rows of `rows()`, scrolled from where `state`
    /// left it; `state` then holds where the list scrolled to.
    pub(crate) fn render(&self, list: List, area: Rect, buf: &mut Buffer, state: &mut ListState) {
        let start = self.rows.start;
        let last = self.rows.end.saturating_sub(1).max(start);
        // Rows outside the window are more than a screen from the selection, so
        // the list would scroll away from them: it starts at the nearest edge.
        let offset = state.offset().clamp(start, last) - start;
        // A short list leaves the rest of its area as it is, for less to style.
        let area = Rect {
            height: area.height.min(u16::try_from(self.len).unwrap_or(u16::MAX)),
            ..area
        };
        let mut window = ListState::default()
            .with_offset(offset)
            .with_selected(Some(self.selected - start));
        StatefulWidget::render(list, area, buf, &mut window);
        *state = ListState::default()
            .with_offset(start + window.offset())
            .with_selected(window.selected().map(|s| start + s));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(rows: Range<usize>) -> List<'static> {
        List::new(rows.map(|r| r.to_string()))
    }

    /// The whole list drawn, and the window of it: the same screen and the same
    /// scroll position, from any position and any selection.
    #[test]
    fn a_window_draws_what_the_whole_list_draws() {
        for len in 0..14 {
            for height in 0..6u16 {
                for offset in 0..16 {
                    for selected in 0..len.max(1) {
                        let area = Rect::new(0, 0, 4, height);
                        let mut whole = Buffer::empty(area);
                        let mut whole_state = ListState::default()
                            .with_offset(offset)
                            .with_selected(Some(selected));
                        StatefulWidget::render(list(0..len), area, &mut whole, &mut whole_state);

                        let mut part = Buffer::empty(area);
                        let mut part_state = ListState::default().with_offset(offset);
                        let window = Window::around(selected, len, height);
                        window.render(list(window.rows()), area, &mut part, &mut part_state);

                        let case = format!("{len} rows, {height} high, at {offset}, on {selected}");
                        assert_eq!(part, whole, "{case}");
                        if height > 0 && len > 0 {
                            assert_eq!(part_state.offset(), whole_state.offset(), "{case}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn a_window_holds_two_screens_at_most() {
        let window = Window::around(99_999, 100_000, 40);
        assert_eq!(window.rows(), 99_960..100_000);
        assert_eq!(Window::around(50, 100_000, 40).rows(), 11..90);
        assert_eq!(Window::around(3, 0, 40).rows(), 0..0);
    }
}
