//! The letter overlay: the letter with, in a gutter, the OCR lines that the
//! details cite, the passage it was opened at marked there, the matches of a
//! search highlighted, the position in the title and the search typed at the
//! bottom.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthChar;

use super::theme::Theme;
use super::{clean, fit, pane_block, popup, row};
use crate::app::App;
use crate::app::letter::{LetterView, Match};
use crate::data::{Letter, OcrLines};
use crate::i18n::{Message, Text};

/// What the gutter shows for a line: `196`, or `101–102` for a line that
/// shows the end of one OCR line and the start of the next.
fn gutter_label(ocr: Option<OcrLines>) -> String {
    match ocr {
        Some(o) if o.first == o.last => o.first.to_string(),
        Some(o) => format!("{}–{}", o.first, o.last),
        None => String::new(),
    }
}

/// Columns of the widest gutter label.
fn gutter_width(letter: &Letter) -> usize {
    letter
        .lines()
        .iter()
        .map(|l| gutter_label(l.ocr).chars().count())
        .max()
        .unwrap_or(0)
}

/// A line cut into rows of at most `width` columns, at spaces when it can:
/// the character ranges of each row, so that highlights keep their places.
fn rows_of(text: &str, width: usize) -> Vec<(usize, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let width = width.max(1);
    let mut rows = Vec::new();
    let mut start = 0;
    while start < chars.len() {
        let mut used = 0;
        let mut end = start;
        while end < chars.len() {
            let w = chars[end].width().unwrap_or(0);
            if used + w > width && end > start {
                break;
            }
            used += w;
            end += 1;
        }
        if end < chars.len() {
            // Back to the last space, if the row has one after its start.
            if let Some(space) = (start + 1..end).rev().find(|&i| chars[i] == ' ') {
                end = space;
            }
        }
        rows.push((start, end));
        start = end;
        // The space a row breaks at starts no row.
        if start < chars.len() && chars[start] == ' ' {
            start += 1;
        }
    }
    if rows.is_empty() {
        rows.push((0, 0));
    }
    rows
}

/// Spans of characters `start..end` of `text`, styled by the matches on it.
fn highlighted<'a>(
    text: &[char],
    (start, end): (usize, usize),
    matches: &[(Match, bool)],
    theme: &Theme,
) -> Vec<Span<'a>> {
    let style_at = |i: usize| -> Style {
        match matches.iter().find(|(m, _)| i >= m.start && i < m.end) {
            Some((_, true)) => theme.selected,
            Some((_, false)) => theme.matched,
            None => theme.text,
        }
    };
    let mut spans = Vec::new();
    let mut run = String::new();
    let mut run_style = theme.text;
    for (i, c) in text.iter().enumerate().take(end).skip(start) {
        let style = style_at(i);
        if style != run_style && !run.is_empty() {
            spans.push(Span::styled(std::mem::take(&mut run), run_style));
        }
        run_style = style;
        run.push(*c);
    }
    if !run.is_empty() {
        spans.push(Span::styled(run, run_style));
    }
    spans
}

/// The first line that can be on top with the screen still full: scrolling
/// further would only leave rows empty.
fn last_top(letter: &Letter, width: usize, height: usize) -> usize {
    let mut rows = 0;
    for (i, line) in letter.lines().iter().enumerate().rev() {
        rows += rows_of(&line.text, width).len();
        if rows > height {
            return i + 1;
        }
    }
    0
}

pub fn render_letter(buf: &mut Buffer, area: Rect, app: &App, view: &LetterView, theme: &Theme) {
    let s = app.lang.strings();
    let letter = app.letter();
    let rect = popup(buf, area, 90, 95);
    let block = pane_block(format!("d {}", s.letter_title), true, theme);
    let inner = block.inner(rect);
    block.render(rect, buf);
    if inner.width < 4 || inner.height == 0 {
        return;
    }
    let prompt_rows = u16::from(view.prompt.is_some());
    let text_area = Rect {
        height: inner.height.saturating_sub(prompt_rows),
        ..inner
    };
    let gutter = gutter_width(letter);
    // The gutter, a mark for the passage, a space, then the text.
    let text_width = (inner.width as usize).saturating_sub(gutter + 2).max(1);
    let height = text_area.height as usize;
    let top = view
        .scroll
        .min(last_top(letter, text_width, height))
        .min(letter.len().saturating_sub(1));

    let mut y = 0usize;
    let mut bottom = top;
    for (i, line) in letter.lines().iter().enumerate().skip(top) {
        if y >= height {
            break;
        }
        bottom = i;
        let in_passage = view.passage.is_some_and(|p| p.contains(i));
        let matches: Vec<(Match, bool)> = view
            .matches
            .iter()
            .enumerate()
            .filter(|(_, m)| m.line == i)
            .map(|(n, m)| (*m, view.current == Some(n)))
            .collect();
        let chars: Vec<char> = line.text.chars().collect();
        for (n, range) in rows_of(&line.text, text_width).into_iter().enumerate() {
            if y >= height {
                break;
            }
            let label = if n == 0 {
                gutter_label(line.ocr)
            } else {
                String::new()
            };
            let (label_style, mark) = if in_passage {
                (theme.key, "▌")
            } else {
                (theme.dim, " ")
            };
            let mut spans = vec![
                Span::styled(format!("{label:>gutter$}"), label_style),
                Span::styled(mark, theme.key),
                Span::raw(" "),
            ];
            spans.extend(highlighted(&chars, range, &matches, theme));
            row(
                buf,
                text_area,
                text_area.y + y as u16,
                Line::from(spans),
                theme.text,
            );
            y += 1;
        }
    }

    // Where the screen is: the first OCR line on it and how far down its
    // last line is, as a pager says it.
    let first_ocr = letter.lines()[top.min(letter.len().saturating_sub(1))..]
        .iter()
        .find_map(|l| l.ocr.map(|o| o.first));
    let percent = if letter.is_empty() {
        100
    } else {
        (bottom + 1) * 100 / letter.len()
    };
    let mut status = match first_ocr {
        Some(line) => Message::new(Text::LetterPosition)
            .with("line", line)
            .with("percent", percent)
            .describe(app.lang),
        None => format!("{percent} %"),
    };
    if !view.query.is_empty() {
        let current = view
            .current
            .map_or("–".to_string(), |c| (c + 1).to_string());
        let found = Message::new(Text::LetterMatch)
            .with("query", clean(&view.query))
            .with("current", current)
            .with("total", view.matches.len())
            .describe(app.lang);
        status = format!("{found} · {status}");
    }
    let status = fit(
        &format!(" {status} "),
        rect.width.saturating_sub(4) as usize,
    );
    let width = unicode_width::UnicodeWidthStr::width(status.as_str()) as u16;
    let x = rect.x + rect.width.saturating_sub(width + 2);
    buf.set_string(x, rect.y + rect.height - 1, status, theme.title);

    if let Some(prompt) = &view.prompt {
        let y = inner.y + inner.height - 1;
        let mut spans = vec![
            Span::styled("/", theme.key),
            Span::styled(
                fit(
                    &clean(&prompt.input),
                    (inner.width as usize).saturating_sub(3),
                ),
                theme.text,
            ),
            Span::styled("▏", theme.key),
        ];
        if prompt.input.is_empty() {
            spans.push(Span::styled(
                fit(
                    s.letter_search_prompt,
                    (inner.width as usize).saturating_sub(3),
                ),
                theme.dim,
            ));
        }
        row(buf, inner, y, Line::from(spans), theme.text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_break_at_spaces_and_keep_character_places() {
        let text = "la lettre précise que";
        let rows = rows_of(text, 10);
        let chars: Vec<char> = text.chars().collect();
        let shown: Vec<String> = rows
            .iter()
            .map(|&(a, b)| chars[a..b].iter().collect())
            .collect();
        assert_eq!(shown, ["la lettre", "précise", "que"]);
        assert_eq!(rows_of("abcdefghij", 4), [(0, 4), (4, 8), (8, 10)]);
        assert_eq!(rows_of("", 4), [(0, 0)]);
        assert_eq!(rows_of("漢字漢字", 5), [(0, 2), (2, 4)]);
    }

    #[test]
    fn the_gutter_says_one_line_or_a_range() {
        assert_eq!(
            gutter_label(Some(OcrLines {
                first: 196,
                last: 196
            })),
            "196"
        );
        assert_eq!(
            gutter_label(Some(OcrLines {
                first: 101,
                last: 102
            })),
            "101–102"
        );
        assert_eq!(gutter_label(None), "");
    }
}
