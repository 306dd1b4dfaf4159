//! Long lists on screen. Ratatui's `List` measures every item it is given, so a
//! list of 100 000 organisations gives it only the items around its selection,
//! and a state that counts from the first of them; the list does the scrolling.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{List, ListItem, ListState, StatefulWidget};

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

    /// Draws `items`, the rows of `rows()` (a row may take several lines),
    /// scrolled from where `state` left it; `state` then holds where the list
    /// scrolled to, and the answer the lines each row on screen takes.
    ///
    /// Two rules beyond the list's own keep a resize in order: the first row on
    /// screen stays where it was, and a list that could fill its area from an
    /// earlier row leaves no blank lines below its last row.
    pub(crate) fn render<'a>(
        &self,
        items: impl IntoIterator<Item = ListItem<'a>>,
        area: Rect,
        buf: &mut Buffer,
        state: &mut ListState,
    ) -> Vec<u16> {
        let items: Vec<ListItem<'a>> = items.into_iter().collect();
        let heights: Vec<usize> = items.iter().map(ListItem::height).collect();
        let start = self.rows.start;
        let last = self.rows.end.saturating_sub(1).max(start);
        // Rows outside the window are more than a screen from the selection, so
        // the list would scroll away from them: it starts at the nearest edge.
        let mut offset = state.offset().clamp(start, last) - start;
        if self.rows.end == self.len {
            offset = offset.min(first_of_last_screen(&heights, usize::from(area.height)));
        }
        // A short list leaves the rest of its area as it is, for less to style.
        let lines: usize = heights.iter().sum();
        let area = Rect {
            height: area.height.min(u16::try_from(lines).unwrap_or(u16::MAX)),
            ..area
        };
        let mut window = ListState::default()
            .with_offset(offset)
            .with_selected(Some(self.selected - start));
        StatefulWidget::render(List::new(items), area, buf, &mut window);
        *state = ListState::default()
            .with_offset(start + window.offset())
            .with_selected(window.selected().map(|s| start + s));
        on_screen(&heights[window.offset().min(heights.len())..], area.height)
    }
}

/// The first row from which every row to the end fits in `height` lines: a
/// list scrolled further would leave blank lines that earlier rows could fill.
fn first_of_last_screen(heights: &[usize], height: usize) -> usize {
    let mut used = 0;
    for (i, h) in heights.iter().enumerate().rev() {
        used += h;
        if used > height {
            return i + 1;
        }
    }
    0
}

/// The lines of each row that `height` lines show whole, from the first.
fn on_screen(heights: &[usize], height: u16) -> Vec<u16> {
    let mut used = 0;
    heights
        .iter()
        .map(|&h| u16::try_from(h).unwrap_or(u16::MAX))
        .take_while(|&h| {
            used += usize::from(h);
            used <= usize::from(height)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(rows: Range<usize>) -> Vec<ListItem<'static>> {
        rows.map(|r| ListItem::new(r.to_string())).collect()
    }

    /// The whole list drawn, scrolled no further than its last screen, and the
    /// window of it: the same screen and the same scroll position, from any
    /// position and any selection.
    #[test]
    fn a_window_draws_what_the_whole_list_draws() {
        for len in 0..14usize {
            for height in 0..6u16 {
                for offset in 0..16 {
                    for selected in 0..len.max(1) {
                        let area = Rect::new(0, 0, 4, height);
                        let mut whole = Buffer::empty(area);
                        let last_screen = len.saturating_sub(usize::from(height));
                        let mut whole_state = ListState::default()
                            .with_offset(offset.min(last_screen))
                            .with_selected(Some(selected));
                        StatefulWidget::render(
                            List::new(items(0..len)),
                            area,
                            &mut whole,
                            &mut whole_state,
                        );

                        let mut part = Buffer::empty(area);
                        let mut part_state = ListState::default().with_offset(offset);
                        let window = Window::around(selected, len, height);
                        let shown =
                            window.render(items(window.rows()), area, &mut part, &mut part_state);

                        let case = format!("{len} rows, {height} high, at {offset}, on {selected}");
                        assert_eq!(part, whole, "{case}");
                        if height > 0 && len > 0 {
                            assert_eq!(part_state.offset(), whole_state.offset(), "{case}");
                            let rows = usize::from(height).min(len - part_state.offset());
                            assert_eq!(shown, vec![1; rows], "{case}");
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

    /// A list scrolled in a short area, then given a taller one (a terminal
    /// made larger): it keeps its first row when the rows below fill the
    /// area, and scrolls back up rather than leave blank lines.
    #[test]
    fn a_taller_area_keeps_the_top_row_or_fills_itself() {
        let draw = |state: &mut ListState, selected: usize, height: u16| {
            let area = Rect::new(0, 0, 4, height);
            let window = Window::around(selected, 19, height);
            window.render(items(window.rows()), area, &mut Buffer::empty(area), state);
        };
        let mut state = ListState::default();
        draw(&mut state, 15, 10);
        assert_eq!(state.offset(), 6, "the selection at the bottom");
        draw(&mut state, 15, 12);
        assert_eq!(state.offset(), 6, "the same top row");
        draw(&mut state, 15, 19);
        assert_eq!(state.offset(), 0, "every row, none blank");
        draw(&mut state, 15, 10);
        assert_eq!(state.offset(), 6, "the selection still in view");
    }

    /// Rows of several lines: the answer says what each row on screen takes,
    /// and a short area is filled from the rows above the last.
    #[test]
    fn rows_of_several_lines_are_shown_whole() {
        let tall =
            |n: usize| ListItem::new((0..n).map(|i| i.to_string()).collect::<Vec<_>>().join("\n"));
        let area = Rect::new(0, 0, 4, 7);
        let mut buf = Buffer::empty(area);
        let mut state = ListState::default().with_offset(3);
        let window = Window::around(3, 4, 7);
        let shown = window.render((1..5).map(tall), area, &mut buf, &mut state);
        // 3 + 4 lines fill the area from the third row; the fourth is selected.
        assert_eq!(state.offset(), 2);
        assert_eq!(shown, [3, 4]);
    }
}
