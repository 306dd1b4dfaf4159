//! The search box: the query, the hits with what matched highlighted (the name,
//! and beside it any other field that matched), and a word when nothing matches.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use super::theme::Theme;
use super::{clean, fit, pane_block, popup, row, wrap};
use crate::app::keymap::{Mode, keys_by_action};
use crate::app::{Action, App, SearchBox};
use crate::i18n::{Message, Noun, Text};
use crate::search::{Field, FieldMatch, Index, Query};

/// Columns of the kind before each hit.
const KIND_WIDTH: usize = 13;

/// Splits `text` into spans, the character ranges in `ranges` in `matched` style.
fn highlighted<'a>(
    text: &str,
    ranges: &[(usize, usize)],
    base: Style,
    matched: Style,
) -> Vec<Span<'a>> {
    let mut spans = Vec::new();
    let mut current = String::new();
    let mut current_matched = false;
    let style = |is_matched: bool| {
        if is_matched {
            base.patch(matched)
        } else {
            base
        }
    };
    for (i, c) in text.chars().enumerate() {
        let is_matched = ranges.iter().any(|&(a, b)| i >= a && i < b);
        if is_matched != current_matched && !current.is_empty() {
            spans.push(Span::styled(
                std::mem::take(&mut current),
                style(current_matched),
            ));
        }
        current_matched = is_matched;
        current.push_str(&crate::text::screen_line(&c.to_string()));
    }
    if !current.is_empty() {
        spans.push(Span::styled(current, style(current_matched)));
    }
    spans
}

pub fn render_search(buf: &mut Buffer, area: Rect, app: &App, sb: &SearchBox, theme: &Theme) {
    let s = app.lang.strings();
    let rect = popup(buf, area, 80, 80);
    let count = if sb.pending {
        format!("… {}", s.hits_word)
    } else {
        app.lang.count(sb.hits.len() as u64, Noun::Hit)
    };
    let block = pane_block(format!("/ {} — {count}", s.search_title), true, theme);
    let inner = block.inner(rect);
    block.render(rect, buf);
    if inner.height < 2 {
        return;
    }
    let width = inner.width as usize;
    let prompt = Line::from(vec![
        Span::styled("> ", theme.key),
        Span::styled(fit(&clean(&sb.input), width.saturating_sub(3)), theme.text),
        Span::styled("▏", theme.key),
    ]);
    row(buf, inner, inner.y, prompt, theme.text);
    if sb.input.is_empty() {
        row(
            buf,
            inner,
            inner.y + 1,
            Line::styled(fit(s.search_prompt, width), theme.dim),
            theme.text,
        );
    }
    let list = Rect::new(
        inner.x,
        inner.y + 2,
        inner.width,
        inner.height.saturating_sub(2),
    );
    // Hits come from the index: there are none before it is built.
    let Some(index) = &app.index else {
        return;
    };
    let query = Query::parse(&sb.input);
    if sb.hits.is_empty() && !sb.pending && !query.is_empty() {
        render_no_hits(buf, list, app, sb, theme);
        return;
    }
    render_hits(buf, list, index, &query, app, sb, theme);
}

/// What a query with no hit says: that nothing matched, and what to try.
fn render_no_hits(buf: &mut Buffer, area: Rect, app: &App, sb: &SearchBox, theme: &Theme) {
    let width = area.width as usize;
    // The key that clears the query, as the keymap has it.
    let clear = keys_by_action(&app.keymap, Mode::Search)
        .into_iter()
        .find(|(action, _)| *action == Action::Back)
        .and_then(|(_, keys)| keys.into_iter().next())
        .unwrap_or_default();
    let said = Message::new(Text::SearchNoHits)
        .with("query", clean(sb.input.trim()))
        .describe(app.lang);
    let hint = Message::new(Text::SearchNoHitsHint)
        .with("clear", clear)
        .describe(app.lang);
    let mut y = area.y;
    for (text, style) in [(said, theme.text), (hint, theme.dim)] {
        for line in wrap(&text, width) {
            row(buf, area, y, Line::styled(line, style), theme.text);
            y += 1;
        }
    }
}

/// One row per visible hit: its kind, its name, and any other field a term
/// matched, the matched characters highlighted in each.
fn render_hits(
    buf: &mut Buffer,
    list: Rect,
    index: &Index,
    query: &Query,
    app: &App,
    sb: &SearchBox,
    theme: &Theme,
) {
    let height = list.height as usize;
    let offset = super::scroll_to(0, sb.selected, height);
    let room = (list.width as usize).saturating_sub(KIND_WIDTH);
    for (n, hit) in sb.hits.iter().skip(offset).take(height).enumerate() {
        let entry = index.entry(hit.entry);
        let selected = offset + n == sb.selected;
        let base = if selected { theme.selected } else { theme.text };
        let kind = format!("{:<KIND_WIDTH$}", entry.kind.name(app.lang));
        let mut spans = vec![Span::styled(kind, if selected { base } else { theme.dim })];
        let matched = if query.is_empty() {
            Vec::new()
        } else {
            index.matched(hit.entry, query)
        };
        let name = matched.iter().find(|m| m.field == Field::Name);
        let others: Vec<&FieldMatch> = matched.iter().filter(|m| m.field != Field::Name).collect();
        // The other fields take what they need, up to half the row each share;
        // the name the rest, cut around its first match when it is long.
        let mut others_shown = Vec::new();
        let mut others_width = 0;
        for m in &others {
            let share = ((room / 2) / others.len()).saturating_sub(3);
            let (text, ranges) = m.window(share);
            others_width += 3 + text.width();
            others_shown.push((text, ranges));
        }
        let name_room = room.saturating_sub(others_width);
        let (label, ranges) = match name {
            Some(m) => m.window(name_room),
            None => (fit(&entry.label, name_room), Vec::new()),
        };
        spans.extend(highlighted(&label, &ranges, base, theme.matched));
        for (text, ranges) in others_shown {
            spans.push(Span::styled(" · ", if selected { base } else { theme.dim }));
            spans.extend(highlighted(&text, &ranges, base, theme.matched));
        }
        row(buf, list, list.y + n as u16, Line::from(spans), base);
    }
}
