//! What opens over the panes: an entry's detail, the letter, the help and the
//! copy menu (the search box has its own file). Each is a centred popup.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::theme::Theme;
use super::{clean, fit, pane_block, popup, row};
use crate::app::App;
use crate::app::keymap::{Mode, keys_by_action};

pub fn render_detail(buf: &mut Buffer, area: Rect, app: &App, theme: &Theme) {
    let Some(view) = app.open_detail() else {
        return;
    };
    let detail = &view.detail;
    let s = app.lang.strings();
    let rect = popup(buf, area, 85, 90);
    let crumbs = if view.stack.len() > 1 {
        format!(" ({})", view.stack.len())
    } else {
        String::new()
    };
    let block = pane_block(
        format!("{} — {}{crumbs}", detail.kind, detail.title),
        true,
        theme,
    );
    let inner = block.inner(rect);
    block.render(rect, buf);
    let width = inner.width as usize;
    let label_width = detail
        .fields
        .iter()
        .map(|(l, _)| l.chars().count())
        .max()
        .unwrap_or(0)
        + 2;
    // Values are wrapped here, under their column, so that the number of lines
    // is known and the highlighted link can be kept on screen.
    let value_width = width.saturating_sub(label_width).max(10);
    let mut lines: Vec<Line> = Vec::new();
    for (label, value) in &detail.fields {
        let clean_value = crate::text::screen_block(value);
        let wrapped: Vec<String> = clean_value
            .lines()
            .flat_map(|l| super::wrap(l, value_width))
            .collect();
        for (n, part) in wrapped.into_iter().enumerate() {
            let head = if n == 0 {
                format!("{label:<label_width$}")
            } else {
                " ".repeat(label_width)
            };
            lines.push(Line::from(vec![
                Span::styled(head, theme.key),
                Span::raw(part),
            ]));
        }
    }
    lines.push(Line::from(""));
    lines.push(Line::styled(s.source_title, theme.title));
    for src in &detail.source {
        lines.push(Line::from(vec![
            Span::styled(format!("  {} {:>3}  ", s.line_abbr, src.line), theme.dim),
            Span::raw(fit(&clean(&src.text), width.saturating_sub(9))),
        ]));
    }
    let links_top = lines.len() + 2;
    if !detail.links.is_empty() {
        lines.push(Line::from(""));
        lines.push(Line::styled(
            format!("{} (Enter)", s.links_title),
            theme.title,
        ));
        for (n, (label, _)) in detail.links.iter().enumerate() {
            let style = if n == view.link {
                theme.selected
            } else {
                theme.text
            };
            lines.push(Line::styled(
                fit(&format!("  → {}", clean(label)), width),
                style,
            ));
        }
    }
    let height = inner.height as usize;
    let wanted = if detail.links.is_empty() {
        0
    } else {
        links_top + view.link + 1
    };
    let scroll = wanted.saturating_sub(height);
    let total = lines.len();
    Paragraph::new(lines)
        .scroll((scroll.min(u16::MAX as usize) as u16, 0))
        .render(inner, buf);
    // Say that there is more below, when there is.
    if total > scroll + height && inner.height > 0 {
        let more = format!(" ↓ {} ", total - scroll - height);
        let x = rect.x + rect.width.saturating_sub(more.chars().count() as u16 + 2);
        buf.set_string(x, rect.y + rect.height - 1, more, theme.title);
    }
}

pub fn render_letter(buf: &mut Buffer, area: Rect, app: &App, scroll: usize, theme: &Theme) {
    let s = app.lang.strings();
    let rect = popup(buf, area, 90, 95);
    let block = pane_block(format!("d {}", s.letter_title), true, theme);
    let inner = block.inner(rect);
    block.render(rect, buf);
    let text = app.letter();
    let clean_text = crate::text::screen_block(text);
    let lines: Vec<Line> = clean_text
        .lines()
        .map(|l| Line::from(l.to_string()))
        .collect();
    let max_scroll = lines.len().saturating_sub(inner.height as usize);
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .scroll((scroll.min(max_scroll).min(u16::MAX as usize) as u16, 0))
        .render(inner, buf);
}

pub fn render_help(buf: &mut Buffer, area: Rect, app: &App, scroll: usize, theme: &Theme) {
    let s = app.lang.strings();
    let rect = popup(buf, area, 70, 90);
    let block = pane_block(format!("? {}", s.help_title), true, theme);
    let inner = block.inner(rect);
    block.render(rect, buf);
    let mut lines: Vec<Line> = Vec::new();
    let modes = [
        (Mode::Normal, s.mode_normal),
        (Mode::Search, s.mode_search),
        (Mode::Detail, s.mode_detail),
        (Mode::Letter, s.mode_letter),
    ];
    for (mode, name) in modes {
        lines.push(Line::styled(name.to_string(), theme.title));
        for (action, keys) in keys_by_action(&app.keymap, mode) {
            let keys = keys.join(" ");
            lines.push(Line::from(vec![
                Span::styled(format!("  {keys:<16}"), theme.key),
                Span::raw(action.describe(app.lang)),
            ]));
        }
        lines.push(Line::from(""));
    }
    let max_scroll = lines.len().saturating_sub(inner.height as usize);
    Paragraph::new(lines)
        .scroll((scroll.min(max_scroll).min(u16::MAX as usize) as u16, 0))
        .render(inner, buf);
}

pub fn render_copy_menu(buf: &mut Buffer, area: Rect, app: &App, selected: usize, theme: &Theme) {
    let s = app.lang.strings();
    let width = 44.min(area.width);
    let height = (s.copy_formats.len() as u16 + 2).min(area.height);
    let rect = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    };
    ratatui::widgets::Widget::render(ratatui::widgets::Clear, rect, buf);
    let block = pane_block(format!("Y {}", s.copy_menu_title), true, theme);
    let inner = block.inner(rect);
    block.render(rect, buf);
    for (n, name) in s.copy_formats.iter().enumerate() {
        let style = if n == selected {
            theme.selected
        } else {
            theme.text
        };
        let line = Line::styled(
            fit(&format!(" {}. {name}", n + 1), inner.width as usize),
            style,
        );
        row(buf, inner, inner.y + n as u16, line, style);
    }
}

pub fn render_copy_text(
    buf: &mut Buffer,
    area: Rect,
    app: &App,
    text: &str,
    scroll: usize,
    theme: &Theme,
) {
    let s = app.lang.strings();
    let rect = popup(buf, area, 80, 60);
    let block = pane_block(s.copy_text_title.to_string(), true, theme);
    let inner = block.inner(rect);
    block.render(rect, buf);
    let clean_text = crate::text::screen_block(text);
    let lines: Vec<Line> = clean_text
        .lines()
        .map(|l| Line::from(l.to_string()))
        .collect();
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .scroll((scroll.min(u16::MAX as usize) as u16, 0))
        .render(inner, buf);
}
