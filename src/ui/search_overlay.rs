//! The search box: the query, the hits with what matched highlighted (the name,
//! and beside it any other field that matched), a word when nothing matches,
//! and on a wide terminal a preview of the highlighted hit.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{ListItem, ListState, Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use super::theme::Theme;
use super::window::Window;
use super::{clean, fit, pane_block, popup, row, wrap};
use crate::app::{Action, App, SearchBox};
use crate::i18n::{Label, Message, Noun, Text};
use crate::keys::table::{Mode, keys_by_action};
use crate::present::detail;
use crate::search::{Field, FieldMatch, Index, Kind, Query, passage};

/// The narrowest terminal that shows the preview beside the hits.
pub(crate) const PREVIEW_MIN_WIDTH: u16 = 100;

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
        current.push_str(&crate::base::escape::screen_line(&c.to_string()));
    }
    if !current.is_empty() {
        spans.push(Span::styled(current, style(current_matched)));
    }
    spans
}

pub(crate) fn render_search(
    buf: &mut Buffer,
    area: Rect,
    app: &App,
    sb: &SearchBox,
    theme: &Theme,
) {
    let lang = app.lang();
    // `area` is as wide as the terminal.
    let with_preview = area.width >= PREVIEW_MIN_WIDTH;
    let rect = popup(buf, area, if with_preview { 90 } else { 80 }, 80);
    // The highlighted hit's place among them, as fzf shows it: `3/7 hits`.
    let count = if sb.pending() {
        format!("… {}", lang.word(Label::HitsWord))
    } else if sb.hits().is_empty() {
        app.lang().count(0, Noun::Hit)
    } else {
        format!(
            "{}/{}",
            sb.selected() + 1,
            app.lang().count(sb.hits().len() as u64, Noun::Hit)
        )
    };
    let title = format!("/ {} — {count}", lang.word(Label::SearchTitle));
    let width = usize::from(rect.width.saturating_sub(4));
    let block = pane_block(super::path_title(app, &title, width), true, theme);
    let inner = block.inner(rect);
    block.render(rect, buf);
    if inner.height < 2 {
        return;
    }
    let width = inner.width as usize;
    let prompt = Line::from(vec![
        Span::styled("> ", theme.key),
        Span::styled(fit(&clean(sb.input()), width.saturating_sub(3)), theme.text),
        Span::styled("▏", theme.key),
    ]);
    row(buf, inner, inner.y, prompt, theme.text);
    if sb.input().is_empty() {
        row(
            buf,
            inner,
            inner.y + 1,
            Line::styled(fit(lang.word(Label::SearchPrompt), width), theme.dim),
            theme.text,
        );
    }
    let below = Rect::new(
        inner.x,
        inner.y + 2,
        inner.width,
        inner.height.saturating_sub(2),
    );
    let (list, preview) = if with_preview {
        let hits_width = below.width * 55 / 100;
        let list = Rect {
            width: hits_width.saturating_sub(1),
            ..below
        };
        let divider = Rect {
            x: below.x + hits_width,
            width: 1,
            ..below
        };
        for y in divider.y..divider.y + divider.height {
            buf.set_string(divider.x, y, "│", theme.border);
        }
        let preview = Rect {
            x: divider.x + 2,
            width: below.width.saturating_sub(hits_width + 2),
            ..below
        };
        (list, Some(preview))
    } else {
        (below, None)
    };
    // Hits come from the index: there are none before it is built.
    let Some(index) = app.index() else {
        return;
    };
    let query = Query::parse(sb.input());
    if sb.hits().is_empty() && !sb.pending() && !query.is_empty() {
        render_no_hits(buf, list, app, sb, theme);
        return;
    }
    render_hits(buf, list, index, &query, app, sb, theme);
    if let Some(preview) = preview {
        render_preview(buf, preview, app, sb, theme);
    }
}

/// What a query with no hit says: that nothing matched, and what to try.
fn render_no_hits(buf: &mut Buffer, area: Rect, app: &App, sb: &SearchBox, theme: &Theme) {
    let width = area.width as usize;
    // The key that clears the query, as the keymap has it.
    let clear = keys_by_action(app.keymap(), Mode::Search)
        .into_iter()
        .find(|(action, _)| *action == Action::Back)
        .and_then(|(_, keys)| keys.into_iter().next())
        .unwrap_or_default();
    let said = Message::new(Text::SearchNoHits)
        .with("query", clean(sb.input().trim()))
        .describe(app.lang());
    let hint = Message::new(Text::SearchNoHitsHint)
        .with("clear", clear)
        .describe(app.lang());
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
    let room = (list.width as usize).saturating_sub(KIND_WIDTH);
    let window = Window::around(sb.selected(), sb.hits().len(), list.height);
    let items = window.rows().map(|r| {
        let hit = &sb.hits()[r];
        let entry = index.entry(hit.entry);
        let selected = r == sb.selected();
        let base = if selected { theme.selected } else { theme.text };
        let kind = format!("{:<KIND_WIDTH$}", entry.kind.name(app.lang()));
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
        ListItem::new(Line::from(spans)).style(base)
    });
    // Each search is a new list of hits, drawn from its top.
    window.render(items, list, buf, &mut ListState::default());
}

/// The highlighted hit's detail: its fields and OCR lines (and links, room
/// permitting), or a passage of the letter with its lines.
fn render_preview(buf: &mut Buffer, area: Rect, app: &App, sb: &SearchBox, theme: &Theme) {
    let (Some(index), Some(hit)) = (app.index(), sb.highlighted()) else {
        return;
    };
    let width = (area.width as usize).max(1);
    let lang = app.lang();
    let entry = index.entry(hit.entry);
    let mut lines: Vec<Line> = Vec::new();
    let text_lines = |lines: &mut Vec<Line>, text: &str, indent: usize| {
        for paragraph in crate::base::escape::screen_block(text).lines() {
            for part in wrap(paragraph, width.saturating_sub(indent)) {
                lines.push(Line::raw(format!("{}{part}", " ".repeat(indent))));
            }
        }
    };
    let built;
    let (source, links) = if entry.kind == Kind::Document {
        let Some((text, source)) = passage(&app.data().document, &entry.id) else {
            return;
        };
        lines.push(Line::styled(
            fit(entry.kind.name(app.lang()), width),
            theme.dim,
        ));
        text_lines(&mut lines, &text, 0);
        (source, &[][..])
    } else {
        let Some(target) = app.current_target() else {
            return;
        };
        // Built when the highlight moved; built here only if it is not this one's.
        let d = match sb.preview_of(&target, app.lang()) {
            Some(d) => d,
            None => match detail::preview(app.data(), &target, app.lang()) {
                Some(d) => {
                    built = d;
                    &built
                }
                None => return,
            },
        };
        lines.push(Line::styled(fit(&clean(&d.title), width), theme.title));
        lines.push(Line::styled(fit(d.kind, width), theme.dim));
        for (label, value) in &d.fields {
            lines.push(Line::styled(fit(label, width), theme.key));
            text_lines(&mut lines, value, 2);
        }
        (d.source.clone(), &d.links[..])
    };
    if !source.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            fit(lang.word(Label::SourceTitle), width),
            theme.title,
        ));
        for src in &source {
            let head = format!("{} {:>3}  ", lang.word(Label::LineAbbr), src.line);
            let room = width.saturating_sub(head.width());
            lines.push(Line::from(vec![
                Span::styled(head, theme.dim),
                Span::raw(fit(&clean(&src.text), room)),
            ]));
        }
    }
    let height = area.height as usize;
    if !links.is_empty() && lines.len() + 2 < height {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            fit(lang.word(Label::LinksTitle), width),
            theme.title,
        ));
        // Only the links that fit are drawn.
        let room = height - lines.len();
        for (label, _) in links.iter().take(room) {
            lines.push(Line::raw(fit(&format!("→ {}", clean(label)), width)));
        }
    }
    lines.truncate(height);
    Paragraph::new(lines).render(area, buf);
}
