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
use crate::app::letter_view::{LetterView, Match};
use crate::data::{Letter, OcrLines};
use crate::i18n::{Label, Message, Text};

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

/// Where the letter's lines go on the screen.
struct Page {
    /// The rows for the letter, above the search prompt if one is open.
    area: Rect,
    /// Columns of the gutter's labels.
    gutter: usize,
    /// Columns of the text after the gutter, the mark and a space.
    text_width: usize,
    /// The letter line on top.
    top: usize,
}

impl Page {
    fn new(letter: &Letter, view: &LetterView, inner: Rect) -> Page {
        let prompt_rows = u16::from(view.typing());
        let area = Rect {
            height: inner.height.saturating_sub(prompt_rows),
            ..inner
        };
        let gutter = gutter_width(letter);
        // The gutter, a mark for the passage, a space, then the text.
        let text_width = (inner.width as usize).saturating_sub(gutter + 2).max(1);
        let top = view
            .scroll()
            .min(last_top(letter, text_width, area.height as usize))
            .min(letter.len().saturating_sub(1));
        Page {
            area,
            gutter,
            text_width,
            top,
        }
    }
}

pub(crate) fn render_letter(
    buf: &mut Buffer,
    area: Rect,
    app: &App,
    view: &LetterView,
    theme: &Theme,
) {
    let lang = app.lang();
    let letter = app.letter();
    let rect = popup(buf, area, 90, 95);
    // Where it was opened, if at a passage: `… › d The letter · l. 76`.
    let title = match view.ocr_line(letter, false) {
        Some(line) => {
            let at = Message::new(Text::LetterOpenedAt).with("line", line);
            format!(
                "d {} · {}",
                lang.word(Label::LetterTitle),
                at.describe(app.lang())
            )
        }
        None => format!("d {}", lang.word(Label::LetterTitle)),
    };
    let width = usize::from(rect.width.saturating_sub(4));
    let block = pane_block(super::path_title(app, &title, width), true, theme);
    let inner = block.inner(rect);
    block.render(rect, buf);
    if inner.width < 4 || inner.height == 0 {
        return;
    }
    let page = Page::new(letter, view, inner);
    let bottom = render_lines(buf, &page, letter, view, theme);
    let status = position(app, view, page.top, bottom);
    render_status(buf, rect, &status, theme);
    if let Some(prompt) = view.prompt() {
        render_search_prompt(
            buf,
            inner,
            prompt,
            lang.word(Label::LetterSearchPrompt),
            theme,
        );
    }
}

/// The matches of the search on letter line `line`, each with whether it is
/// the current one.
fn matches_on(view: &LetterView, line: usize) -> Vec<(Match, bool)> {
    view.matches()
        .iter()
        .enumerate()
        .filter(|(_, m)| m.line == line)
        .map(|(n, m)| (*m, view.current() == Some(n)))
        .collect()
}

/// The letter's lines from the top of the page, cut into rows, each with its
/// gutter label, the passage's mark and the matches highlighted. Returns the
/// last letter line on the page.
fn render_lines(
    buf: &mut Buffer,
    page: &Page,
    letter: &Letter,
    view: &LetterView,
    theme: &Theme,
) -> usize {
    let height = page.area.height as usize;
    let gutter = page.gutter;
    let mut y = 0usize;
    let mut bottom = page.top;
    for (i, line) in letter.lines().iter().enumerate().skip(page.top) {
        if y >= height {
            break;
        }
        bottom = i;
        let in_passage = view.passage().is_some_and(|p| p.contains(i));
        let matches = matches_on(view, i);
        let chars: Vec<char> = line.text.chars().collect();
        for (n, range) in rows_of(&line.text, page.text_width).into_iter().enumerate() {
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
                page.area,
                page.area.y + y as u16,
                Line::from(spans),
                theme.text,
            );
            y += 1;
        }
    }
    bottom
}

/// Where the screen is: the OCR line of the current match, or the first on
/// screen, and how far down its last line is, as a pager says it, after the
/// search and its matches if any.
fn position(app: &App, view: &LetterView, top: usize, bottom: usize) -> String {
    let letter = app.letter();
    // The current match's OCR lines (`51–52`), else the first on screen.
    let at_match = view
        .current()
        .and_then(|c| view.matches().get(c))
        .and_then(|m| letter.lines().get(m.line))
        .and_then(|l| l.ocr);
    let first_ocr = at_match.map(|o| gutter_label(Some(o))).or_else(|| {
        letter.lines()[top.min(letter.len().saturating_sub(1))..]
            .iter()
            .find_map(|l| l.ocr.map(|o| o.first.to_string()))
    });
    let percent = if letter.is_empty() {
        100
    } else {
        (bottom + 1) * 100 / letter.len()
    };
    let status = match first_ocr {
        Some(line) => Message::new(Text::LetterPosition)
            .with("line", line)
            .with("percent", percent)
            .describe(app.lang()),
        None => format!("{percent} %"),
    };
    if view.query().is_empty() {
        return status;
    }
    let current = view
        .current()
        .map_or("–".to_string(), |c| (c + 1).to_string());
    let found = Message::new(Text::LetterMatch)
        .with("query", clean(view.query()))
        .with("current", current)
        .with("total", view.matches().len())
        .describe(app.lang());
    format!("{found} · {status}")
}

/// The position, on the bottom border of the overlay, at its right.
fn render_status(buf: &mut Buffer, rect: Rect, status: &str, theme: &Theme) {
    let status = fit(
        &format!(" {status} "),
        rect.width.saturating_sub(4) as usize,
    );
    let width = unicode_width::UnicodeWidthStr::width(status.as_str()) as u16;
    let x = rect.x + rect.width.saturating_sub(width + 2);
    buf.set_string(x, rect.y + rect.height - 1, status, theme.title);
}

/// The search being typed, on the last row inside the overlay, with the hint
/// while nothing is typed.
fn render_search_prompt(buf: &mut Buffer, inner: Rect, input: &str, hint: &str, theme: &Theme) {
    let y = inner.y + inner.height - 1;
    let width = (inner.width as usize).saturating_sub(3);
    let mut spans = vec![
        Span::styled("/", theme.key),
        Span::styled(fit(&clean(input), width), theme.text),
        Span::styled("▏", theme.key),
    ];
    if input.is_empty() {
        spans.push(Span::styled(fit(hint, width), theme.dim));
    }
    row(buf, inner, y, Line::from(spans), theme.text);
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
