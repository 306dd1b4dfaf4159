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
use super::{frame_pane, name_lines, render_list, row_style, star_mark};
use crate::app::{App, Pane};
use crate::i18n::{DetailLabel, FigureWord, Label};
use crate::present::Target;

pub fn render_funding(buf: &mut Buffer, area: Rect, app: &App, ui: &mut UiState, theme: &Theme) {
    if area.height < 3 {
        // No room: nothing to click either.
        ui.areas[pane_index(Pane::Funding)] = Rect::default();
        return;
    }
    let lang = app.lang();
    let title = format!("5 {}", lang.word(Label::PaneFunding));
    let inner = frame_pane(buf, area, Pane::Funding, title, app, ui, theme);
    if inner.height == 0 {
        return;
    }
    let funding = &app.data().funding;
    let Amounts {
        each: amounts,
        total,
        width: amount_width,
    } = Amounts::of(app);
    let width = usize::from(inner.width);
    let name_width = width.saturating_sub(amount_width + 1);
    // The total keeps the last row; the rows scroll above it.
    let list = Rect {
        height: inner.height.saturating_sub(1).max(1),
        ..inner
    };
    // Names wrap when every row still fits; they are cut otherwise, and the
    // focused one is then shown whole on the status line.
    let most = if lines_needed(app, inner.width, inner.height.into()) <= inner.height.into() {
        usize::MAX
    } else {
        1
    };
    if let Some(f) = funding.get(app.selected(Pane::Funding)) {
        let (name, mark) = name_and_mark(app, f, name_width, most);
        if name_lines(&name, &mark, name_width, most).1 {
            super::note_cut(app, ui, Pane::Funding, &name, 0);
        }
    }
    let window = Window::around(app.selected(Pane::Funding), funding.len(), list.height);
    let items = window.rows().map(|r| {
        let f = &funding[r];
        let selected = r == app.selected(Pane::Funding);
        let style = row_style(app, Pane::Funding, selected, theme.text, theme);
        let (name, mark) = name_and_mark(app, f, name_width, most);
        let lines: Vec<Line> = name_lines(&name, &mark, name_width, most)
            .0
            .into_iter()
            .enumerate()
            .map(|(i, (name, mark))| {
                // The amount on the first line.
                let amount = if i == 0 { amounts[r].as_str() } else { "" };
                let rest = name_width.saturating_sub(name.width() + mark.width());
                Line::from(vec![
                    Span::styled(name, style),
                    Span::styled(mark, if selected { style } else { theme.dim }),
                    Span::styled(
                        format!("{} {amount:>amount_width$}", " ".repeat(rest)),
                        style,
                    ),
                ])
            })
            .collect();
        ListItem::new(lines).style(style)
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
        let label = format!(
            "{} {}",
            lang.word(FigureWord::ComputedMark),
            lang.word(Label::Total)
        );
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

/// A row's name (starred or not), and the mark after it of an organisation
/// the annex does not list.
fn name_and_mark(
    app: &App,
    f: &crate::data::Funding,
    name_width: usize,
    most: usize,
) -> (String, String) {
    let star = star_mark(app, &Target::Funding(f.id.clone()));
    let name = format!("{star}{}", clean(&f.organisation));
    (name, absent_mark(app, f, name_width, most))
}

/// The amounts of the table as the language writes them, their total, and
/// the width of the widest.
struct Amounts {
    each: Vec<String>,
    total: String,
    width: usize,
}

impl Amounts {
    fn of(app: &App) -> Amounts {
        let funding = &app.data().funding;
        let each: Vec<String> = funding
            .iter()
            .map(|f| app.lang().amount(f.amount_cad))
            .collect();
        // A sum pap-tui makes: the letter prints no total.
        let total = app
            .lang()
            .amount(crate::present::figures::funding_total(funding.iter()));
        let width = each
            .iter()
            .map(|a| a.width())
            .chain([total.width()])
            .max()
            .unwrap_or(0);
        Amounts { each, total, width }
    }
}

/// The lines the funding table takes inside a pane `width` columns wide
/// (borders aside), its names wrapped, its total under them; counted up to
/// `most` + 1, which is enough to know it does not fit in `most`.
pub fn lines_needed(app: &App, width: u16, most: usize) -> usize {
    let amount_width = Amounts::of(app).width;
    let name_width = usize::from(width).saturating_sub(amount_width + 1);
    let mut lines = 1;
    for f in &app.data().funding {
        let (name, mark) = name_and_mark(app, f, name_width, usize::MAX);
        lines += name_lines(&name, &mark, name_width, usize::MAX).0.len();
        if lines > most {
            break;
        }
    }
    lines
}

/// What follows the name of an organisation the annex does not list: words
/// where they leave room for the name, else a mark that the detail explains.
fn absent_mark(app: &App, f: &crate::data::Funding, name_width: usize, most: usize) -> String {
    let lang = app.lang();
    // On one line, the words leave the name 16 columns; wrapped, they may
    // take a line of their own.
    let name_room = if most > 1 { 0 } else { 16 };
    match f.organisation_id {
        Some(_) => String::new(),
        None if name_width >= lang.word(DetailLabel::NotInAnnex).width() + 3 + name_room => {
            format!(" ({})", lang.word(DetailLabel::NotInAnnex))
        }
        None => " *".to_string(),
    }
}
