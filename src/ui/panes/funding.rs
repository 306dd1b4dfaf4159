//! The funding pane: the letter's table of additional funding, a row per
//! organisation with its amount right-aligned, and the total under the rows.
//! An organisation the annex does not list is marked as such.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::ListItem;
use unicode_width::UnicodeWidthStr;

use super::super::theme::Theme;
use super::super::window::Window;
use super::super::{UiState, clean, fit, pad, pane_index, row};
use super::{frame_pane, render_list, row_style, star_mark};
use crate::app::{App, Pane};
use crate::present::Target;

pub fn render_funding(buf: &mut Buffer, area: Rect, app: &App, ui: &mut UiState, theme: &Theme) {
    if area.height < 3 {
        // No room: nothing to click either.
        ui.areas[pane_index(Pane::Funding)] = Rect::default();
        return;
    }
    let s = app.lang.strings();
    let title = format!("5 {}", s.pane_funding);
    let inner = frame_pane(buf, area, Pane::Funding, title, app, ui, theme);
    if inner.height == 0 {
        return;
    }
    let funding = &app.data.funding;
    let amounts: Vec<String> = funding
        .iter()
        .map(|f| app.lang.amount(f.amount_cad))
        .collect();
    // A sum pap-tui makes: the letter prints no total.
    let total = app
        .lang
        .amount(crate::present::figures::funding_total(funding.iter()));
    let amount_width = amounts
        .iter()
        .map(|a| a.width())
        .chain([total.width()])
        .max()
        .unwrap_or(0);
    let width = usize::from(inner.width);
    let name_width = width.saturating_sub(amount_width + 1);
    // The total keeps the last row; the rows scroll above it.
    let list = Rect {
        height: inner.height.saturating_sub(1).max(1),
        ..inner
    };
    if let Some(f) = funding.get(app.funding) {
        let star = star_mark(app, &Target::Funding(f.id.clone()));
        let full = format!("{star}{}", clean(&f.organisation));
        let room = name_width.saturating_sub(absent_mark(app, f, name_width).width());
        super::note_cut(app, ui, Pane::Funding, &full, room);
    }
    let window = Window::around(app.funding, funding.len(), list.height);
    let items = window.rows().map(|r| {
        let f = &funding[r];
        let selected = r == app.funding;
        let style = row_style(app, Pane::Funding, selected, theme.text, theme);
        let star = star_mark(app, &Target::Funding(f.id.clone()));
        let absent = absent_mark(app, f, name_width);
        let name = fit(
            &format!("{star}{}", clean(&f.organisation)),
            name_width.saturating_sub(absent.width()),
        );
        let name_width = name_width.saturating_sub(absent.width());
        let line = Line::from(vec![
            Span::styled(pad(&name, name_width), style),
            Span::styled(absent, if selected { style } else { theme.dim }),
            Span::styled(format!(" {:>amount_width$}", amounts[r]), style),
        ]);
        ListItem::new(line).style(style)
    });
    render_list(
        buf,
        (area, list),
        &window,
        items,
        Pane::Funding,
        (app, ui, theme),
    );
    if inner.height > 1 {
        let f = app.lang.figure_strings();
        let label = format!("{} {}", f.computed_mark, s.total);
        let line = format!("{} {total:>amount_width$}", pad(&label, name_width));
        row(
            buf,
            inner,
            inner.bottom() - 1,
            Line::from(Span::styled(fit(&line, width), theme.title)),
            theme.text,
        );
    }
}

/// What follows the name of an organisation the annex does not list: words
/// where they leave room for the name, else a mark that the detail explains.
fn absent_mark(app: &App, f: &crate::data::Funding, name_width: usize) -> String {
    let l = app.lang.labels();
    match f.organisation_id {
        Some(_) => String::new(),
        None if name_width >= l.not_in_annex.width() + 3 + 16 => {
            format!(" ({})", l.not_in_annex)
        }
        None => " *".to_string(),
    }
}
