//! Long lists on screen. Ratatui's `Table` lays out every row it is given, so a
//! list of 100 000 organisations gives it only the rows around its selection, and
//! a state that counts from the first of them; the table does the scrolling.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{StatefulWidget, Table, TableState};

/// The rows of a list that a table of some height can show, wherever the list
/// was scrolled to: a screenful either side of the selection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Window {
    rows: Range<usize>,
    selected: usize,
}

impl Window {
    /// The window of a list of `len` rows around `selected`, for `height` rows.
    pub(crate) fn around(selected: usize, len: usize, height: u16) -> Window {
        let height = usize::from(height);
        // As the table does, a selection past the end is the last row.
        let selected = selected.min(len.saturating_sub(1));
        Window {
            rows: selected.saturating_sub(height)..(selected + height.max(1)).min(len),
            selected,
        }
    }

    /// The indexes of the rows to build, in the list.
    pub(crate) fn rows(&self) -> Range<usize> {
        self.rows.clone()
    }

    /// Draws `table`, made of the rows of `rows()`, scrolled from where `state`
    /// left the list; `state` then holds where the table scrolled to.
    pub(crate) fn render(
        &self,
        table: Table,
        area: Rect,
        buf: &mut Buffer,
        state: &mut TableState,
    ) {
        let start = self.rows.start;
        let last = self.rows.end.saturating_sub(1).max(start);
        // Rows outside the window are more than a screen from the selection, so
        // the table would scroll away from them: it starts at the nearest edge.
        let offset = state.offset().clamp(start, last) - start;
        let mut window = TableState::new()
            .with_offset(offset)
            .with_selected(Some(self.selected - start));
        StatefulWidget::render(table, area, buf, &mut window);
        *state = TableState::new()
            .with_offset(start + window.offset())
            .with_selected(window.selected().map(|s| start + s));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Constraint;
    use ratatui::widgets::Row;

    fn table(rows: Range<usize>) -> Table<'static> {
        Table::new(
            rows.map(|r| Row::new([r.to_string()])),
            [Constraint::Fill(1)],
        )
    }

    /// The whole list drawn by the table, and the window of it: the same screen
    /// and the same scroll position, from any position and any selection.
    #[test]
    fn a_window_draws_what_the_whole_list_draws() {
        for len in 0..14 {
            for height in 0..6u16 {
                for offset in 0..16 {
                    for selected in 0..len.max(1) {
                        let area = Rect::new(0, 0, 4, height);
                        let mut whole = Buffer::empty(area);
                        let mut whole_state = TableState::new()
                            .with_offset(offset)
                            .with_selected(Some(selected));
                        StatefulWidget::render(table(0..len), area, &mut whole, &mut whole_state);

                        let mut part = Buffer::empty(area);
                        let mut part_state = TableState::new().with_offset(offset);
                        let window = Window::around(selected, len, height);
                        window.render(table(window.rows()), area, &mut part, &mut part_state);

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
        assert_eq!(window.rows(), 99_959..100_000);
        assert_eq!(Window::around(50, 100_000, 40).rows(), 10..90);
        assert_eq!(Window::around(3, 0, 40).rows(), 0..0);
    }
}
