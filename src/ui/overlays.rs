//! What opens over the panes: an entry's detail, the letter, the help and the
//! copy menu (the search box has its own file). Each is a centred popup.

use crate::i18n::Label;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, Paragraph, Widget, Wrap};
use unicode_width::UnicodeWidthStr;

use super::theme::Theme;
use super::{clean, fit, pane_block, path_title, popup};
use crate::app::help_rows::{HelpRow, HelpView};
use crate::app::{App, Copied, Overlay};
use crate::present::detail::Detail;

pub(crate) fn render_detail(buf: &mut Buffer, area: Rect, app: &App, theme: &Theme) {
    let Some(view) = app.open_detail() else {
        return;
    };
    let detail = view.detail();
    let lang = app.lang();
    let rect = popup(buf, area, 85, 90);
    let star = if app.is_starred(view.target()) {
        "★ "
    } else {
        ""
    };
    let block = pane_block(
        path_title(
            app,
            &format!("{star}{} — {}", detail.kind, detail.title),
            usize::from(rect.width.saturating_sub(4)),
        ),
        true,
        theme,
    );
    let inner = block.inner(rect);
    block.render(rect, buf);
    let width = inner.width as usize;
    let mut lines = field_lines(detail, width, theme);
    lines.push(Line::from(""));
    lines.push(Line::styled(lang.word(Label::SourceTitle), theme.title));
    let source_top = lines.len();
    lines.extend(source_lines(app, detail, view.source(), width, theme));
    let links_top = lines.len() + 2;
    // The highlighted link, unless a source line is chosen.
    let link = view.source().is_none().then_some(view.link());
    lines.extend(link_lines(app, detail, link, width, theme));
    let height = inner.height as usize;
    let wanted = match view.source() {
        Some(n) => source_top + n + 1,
        None if detail.links.is_empty() => 0,
        None => links_top + view.link() + 1,
    };
    // Keeps the chosen source line or link on screen.
    let scroll = wanted.saturating_sub(height);
    let total = lines.len();
    Paragraph::new(lines)
        .scroll((scroll.min(u16::MAX as usize) as u16, 0))
        .render(inner, buf);
    if inner.height > 0 {
        render_more_below(buf, rect, total.saturating_sub(scroll + height), theme);
    }
}

/// The detail's `label  value` rows. Values are wrapped here, under their column,
/// so that the number of lines is known and the highlighted link kept on screen.
fn field_lines<'a>(detail: &Detail, width: usize, theme: &Theme) -> Vec<Line<'a>> {
    let label_width = detail
        .fields
        .iter()
        .map(|(l, _)| l.chars().count())
        .max()
        .unwrap_or(0)
        + 2;
    let value_width = width.saturating_sub(label_width).max(10);
    let mut lines = Vec::new();
    for (label, value) in &detail.fields {
        let clean_value = crate::base::escape::screen_block(value);
        let wrapped = clean_value
            .lines()
            .flat_map(|l| super::wrap(l, value_width));
        for (n, part) in wrapped.enumerate() {
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
    lines
}

/// The lines of the letter the detail comes from, with their numbers; the chosen
/// one, which `Enter` opens in the letter, highlighted.
fn source_lines<'a>(
    app: &App,
    detail: &Detail,
    chosen: Option<usize>,
    width: usize,
    theme: &Theme,
) -> Vec<Line<'a>> {
    let lang = app.lang();
    detail
        .source
        .iter()
        .enumerate()
        .map(|(n, src)| {
            let (number, text) = if chosen == Some(n) {
                (theme.selected, theme.selected)
            } else {
                (theme.dim, theme.text)
            };
            Line::from(vec![
                Span::styled(
                    format!("  {} {:>3}  ", lang.word(Label::LineAbbr), src.line),
                    number,
                ),
                Span::styled(fit(&clean(&src.text), width.saturating_sub(9)), text),
            ])
        })
        .collect()
}

/// The entries the detail links to under their heading, the chosen one highlighted;
/// nothing when there are none.
fn link_lines<'a>(
    app: &App,
    detail: &Detail,
    chosen: Option<usize>,
    width: usize,
    theme: &Theme,
) -> Vec<Line<'a>> {
    if detail.links.is_empty() {
        return Vec::new();
    }
    let lang = app.lang();
    let mut lines = vec![
        Line::from(""),
        Line::styled(
            format!("{} (Enter)", lang.word(Label::LinksTitle)),
            theme.title,
        ),
    ];
    lines.extend(detail.links.iter().enumerate().map(|(n, (label, _))| {
        let style = if chosen == Some(n) {
            theme.selected
        } else {
            theme.text
        };
        Line::styled(fit(&format!("  → {}", clean(label)), width), style)
    }));
    lines
}

/// Says on the popup's bottom border how many lines are below, when there are.
fn render_more_below(buf: &mut Buffer, rect: Rect, below: usize, theme: &Theme) {
    if below == 0 {
        return;
    }
    let more = format!(" ↓ {below} ");
    let x = rect.x + rect.width.saturating_sub(more.chars().count() as u16 + 2);
    buf.set_string(x, rect.y + rect.height - 1, more, theme.title);
}

pub(crate) fn render_help(buf: &mut Buffer, area: Rect, app: &App, view: &HelpView, theme: &Theme) {
    let lang = app.lang();
    let rect = popup(buf, area, 70, 90);
    let help = view.rows(app.keymap(), app.lang());
    // The filter and how many rows it keeps, as lazygit's help shows them.
    let title = if view.filtering() {
        let cursor = if view.typing() { "▏" } else { "" };
        format!(
            "? {} /{}{cursor} {}/{}",
            lang.word(Label::HelpTitle),
            view.filter(),
            help.kept,
            help.total
        )
    } else {
        format!("? {}", lang.word(Label::HelpTitle))
    };
    let title = path_title(app, &title, usize::from(rect.width.saturating_sub(4)));
    let block = pane_block(title, true, theme);
    let inner = block.inner(rect);
    block.render(rect, buf);
    let width = usize::from(inner.width);
    // Keys in a column as wide as the widest, up to a third of the width.
    let column = help
        .rows
        .iter()
        .filter_map(|row| match row {
            HelpRow::Keys { keys, .. } => Some(keys.width()),
            _ => None,
        })
        .max()
        .unwrap_or(0)
        .clamp(8, (width / 3).max(8));
    let mut lines: Vec<Line> = Vec::new();
    for row in &help.rows {
        match row {
            HelpRow::Heading(name) => lines.push(Line::styled(name.to_string(), theme.title)),
            // Keys wider than the column get a line of their own; the
            // description wraps under its column.
            HelpRow::Keys { keys, what } => {
                let own_line = keys.width() > column;
                if own_line {
                    lines.push(Line::styled(format!("  {}", fit(keys, width)), theme.key));
                }
                let wrapped = super::wrap(what, width.saturating_sub(column + 3).max(10));
                for (n, part) in wrapped.into_iter().enumerate() {
                    let head = if n == 0 && !own_line {
                        keys.as_str()
                    } else {
                        ""
                    };
                    lines.push(Line::from(vec![
                        Span::styled(format!("  {head:<column$} "), theme.key),
                        Span::raw(part),
                    ]));
                }
            }
            HelpRow::Note(text) => lines.extend(
                super::wrap(text, width.saturating_sub(2))
                    .into_iter()
                    .map(|l| Line::raw(format!("  {l}"))),
            ),
        }
    }
    if help.kept == 0 {
        lines.push(Line::styled(
            lang.word(Label::NoHits).to_string(),
            theme.dim,
        ));
    }
    let height = inner.height as usize;
    let total = lines.len();
    let scroll = view.scroll().min(total.saturating_sub(height));
    Paragraph::new(lines)
        .scroll((scroll.min(u16::MAX as usize) as u16, 0))
        .render(inner, buf);
    // Lines out of sight are said, above and below, as in the detail.
    if inner.height > 0 {
        render_more_below(buf, rect, total.saturating_sub(scroll + height), theme);
        if scroll > 0 {
            let more = format!(" ↑ {scroll} ");
            let x = rect.x + rect.width.saturating_sub(more.chars().count() as u16 + 2);
            buf.set_string(x, rect.y, more, theme.title);
        }
    }
}

pub(crate) fn render_copy_menu(
    buf: &mut Buffer,
    area: Rect,
    app: &App,
    selected: usize,
    theme: &Theme,
) {
    let lang = app.lang();
    let width = 44.min(area.width);
    let height = (Label::COPY_FORMATS.len() as u16 + 2).min(area.height);
    let rect = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    };
    ratatui::widgets::Widget::render(ratatui::widgets::Clear, rect, buf);
    let title = match app.overlay() {
        Overlay::CopyMenu {
            of: Copied::Starred,
            ..
        } => format!(
            "★ {} ({})",
            lang.word(Label::SheetMenuTitle),
            app.starred().len()
        ),
        _ => format!("Y {}", lang.word(Label::CopyMenuTitle)),
    };
    let block = pane_block(title, true, theme);
    let inner = block.inner(rect);
    block.render(rect, buf);
    let items = Label::COPY_FORMATS.iter().enumerate().map(|(n, &format)| {
        let name = lang.word(format);
        let style = if n == selected {
            theme.selected
        } else {
            theme.text
        };
        let line = Line::styled(
            fit(&format!(" {}. {name}", n + 1), inner.width as usize),
            style,
        );
        ListItem::new(line).style(style)
    });
    List::new(items).render(inner, buf);
}

pub(crate) fn render_copy_text(
    buf: &mut Buffer,
    area: Rect,
    app: &App,
    text: &str,
    scroll: usize,
    theme: &Theme,
) {
    let lang = app.lang();
    let rect = popup(buf, area, 80, 60);
    let block = pane_block(lang.word(Label::CopyTextTitle).to_string(), true, theme);
    let inner = block.inner(rect);
    block.render(rect, buf);
    let clean_text = crate::base::escape::screen_block(text);
    let lines: Vec<Line> = clean_text
        .lines()
        .map(|l| Line::from(l.to_string()))
        .collect();
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .scroll((scroll.min(u16::MAX as usize) as u16, 0))
        .render(inner, buf);
}
