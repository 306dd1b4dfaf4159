//! The four panes of the main screen: regions, organisations, headcounts, articles.
//! Each list is a ratatui `List` scrolled by its state in `UiState`; a long list
//! gives it only the rows around its selection, so any dataset stays fast.

mod funding;
mod headcounts;
mod organisations;

use crate::i18n::Label;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{ListItem, Paragraph, Widget, Wrap};
use unicode_width::UnicodeWidthStr;

use super::theme::Theme;
use super::window::Window;
use super::{UiState, clean, fit, pad, pane_block, pane_index};
use crate::app::{ALL_ROW, App, FIRST_REGION_ROW, Pane, STARRED_ROW};
use crate::present::{RegionFigures, Target};

pub use funding::{lines_needed as funding_lines, render_funding};
pub use headcounts::render_headcounts;
pub use organisations::render_organisations;

/// Draws the block and returns its inner area, remembering it for the mouse.
fn frame_pane(
    buf: &mut Buffer,
    area: Rect,
    pane: Pane,
    title: String,
    app: &App,
    ui: &mut UiState,
    theme: &Theme,
) -> Rect {
    // A title cut by the border would end mid-word: it ends in `…` instead.
    let title = fit(&title, usize::from(area.width.saturating_sub(3)));
    let block = pane_block(title, app.focus() == pane, theme);
    let inner = block.inner(area);
    block.render(area, buf);
    let i = pane_index(pane);
    ui.areas[i] = inner;
    ui.list_top[i] = inner.y;
    inner
}

/// Writes where a list is on the bottom border of its pane, right-aligned:
/// `▲ 3/17 ▼`, the arrows when rows are hidden above or below.
pub(super) fn render_position(
    buf: &mut Buffer,
    pane_area: Rect,
    position: Position,
    theme: &Theme,
) {
    if pane_area.height < 2 || pane_area.width < 4 {
        return;
    }
    let number = position.number.map(|n| format!("{n}/{}", position.count));
    let parts: Vec<&str> = [
        position.above.then_some("▲"),
        number.as_deref(),
        position.below.then_some("▼"),
    ]
    .into_iter()
    .flatten()
    .collect();
    if parts.is_empty() {
        return;
    }
    let text = format!(" {} ", parts.join(" "));
    let width = text.width() as u16;
    if width + 2 > pane_area.width {
        return;
    }
    let x = pane_area.right() - 1 - width;
    buf.set_string(x, pane_area.bottom() - 1, text, theme.title);
}

/// Draws `pane`'s rows (those `window` holds) in `list`, inside the pane's
/// `area`, and its position in the pane's border.
pub(super) fn render_list<'a>(
    buf: &mut Buffer,
    (area, list): (Rect, Rect),
    window: &Window,
    items: impl IntoIterator<Item = ListItem<'a>>,
    pane: Pane,
    (app, ui, theme): (&App, &mut UiState, &Theme),
) {
    let i = pane_index(pane);
    let lines = window.render(items, list, buf, &mut ui.lists[i]);
    let position = Position::of(app, pane, ui.lists[i].offset(), lines.len());
    ui.lines[i] = lines;
    render_position(buf, area, position, theme);
}

/// Where a list stands, for `render_position`: the selected row's number
/// among those its title counts, and whether rows are hidden above or below.
#[derive(Debug, Clone, Copy)]
pub(super) struct Position {
    /// From 1; none on a row the title does not count.
    pub number: Option<usize>,
    /// What the title counts.
    pub count: usize,
    pub above: bool,
    pub below: bool,
}

impl Position {
    /// The position of `pane`'s list, scrolled to `offset`, `shown` rows on
    /// screen. The regions' title counts the regions, not the ★ and "all
    /// regions" rows above them: so does the position.
    pub(super) fn of(app: &App, pane: Pane, offset: usize, shown: usize) -> Position {
        let len = app.rows(pane);
        let selected = app.selected(pane).min(len.saturating_sub(1));
        let (number, count) = match pane {
            Pane::Regions => (
                selected.checked_sub(FIRST_REGION_ROW).map(|r| r + 1),
                app.data().regions.len(),
            ),
            _ => ((len > 0).then_some(selected + 1), len),
        };
        Position {
            number,
            count,
            above: offset > 0,
            below: offset.saturating_add(shown) < len,
        }
    }
}

/// A name and the mark after it (` ·3 regions`, ` (not in the annex)`) in
/// lines of `width` columns, `most` at most, each line as its part of the
/// name and its part of the mark; and whether the name was cut. The mark
/// follows the name's last line when it fits there, else takes a line of
/// its own when one is left; on a single line, the name gives it room.
pub(super) fn name_lines(
    name: &str,
    mark: &str,
    width: usize,
    most: usize,
) -> (Vec<(String, String)>, bool) {
    if most <= 1 {
        let room = width.saturating_sub(mark.width());
        let line = (fit(name, room), mark.to_string());
        return (vec![line], name.width() > room);
    }
    let (lines, cut) = wrapped(name, width, most);
    let mut lines: Vec<(String, String)> = lines.into_iter().map(|l| (l, String::new())).collect();
    let last = lines.last().map_or(0, |(l, _)| l.width());
    if last + mark.width() <= width {
        if let Some(line) = lines.last_mut() {
            line.1 = mark.to_string();
        }
    } else if lines.len() < most && mark.trim_start().width() <= width {
        lines.push((String::new(), mark.trim_start().to_string()));
    }
    (lines, cut)
}

/// `text` in lines of `width` columns, broken at spaces, at most `most` of
/// them, the last cut with `…` when the text does not fit; and whether it was.
pub(super) fn wrapped(text: &str, width: usize, most: usize) -> (Vec<String>, bool) {
    let mut lines = super::wrap(text, width.max(1));
    let most = most.max(1);
    if lines.len() <= most {
        return (lines, false);
    }
    let rest = lines.split_off(most - 1).join(" ");
    lines.push(fit(&rest, width));
    (lines, true)
}

/// The style of a row of `pane`: the selection's when `selected`, else `otherwise`.
/// Rows are styled here rather than by the list's highlight, which would add the
/// selection to the row's own style where the selection must replace it.
fn row_style(app: &App, pane: Pane, selected: bool, otherwise: Style, theme: &Theme) -> Style {
    match (selected, app.focus() == pane) {
        (false, _) => otherwise,
        (true, true) => theme.selected,
        (true, false) => theme.selected_unfocused,
    }
}

/// Remembers the focused pane's selected name when its row, `room` columns
/// for it, cuts it: the status line then shows it whole.
pub(super) fn note_cut(app: &App, ui: &mut UiState, pane: Pane, full: &str, room: usize) {
    if app.focus() == pane && full.width() > room {
        ui.cut = Some(full.to_string());
    }
}

/// `★ ` before the name of a starred entry, nothing otherwise.
pub(super) fn star_mark(app: &App, target: &Target) -> &'static str {
    if app.is_starred(target) { "★ " } else { "" }
}

/// One row of the regions pane before it is laid out.
struct RegionRow {
    name: String,
    summary: String,
    /// Nothing to show in the middle pane: the row is dimmed.
    empty: bool,
}

fn region_row(app: &App, row: usize, with_headcounts: bool) -> RegionRow {
    let lang = app.lang();
    // The figures of the presentation layer: `—` is "no city listed",
    // `2█` "every count withheld", never 0 for either.
    let summary = |f: &RegionFigures| {
        let orgs = f.organisations;
        if with_headcounts {
            format!("{orgs:>3} {:>7}", f.compact())
        } else {
            format!("{orgs:>3}")
        }
    };
    match row {
        STARRED_ROW => RegionRow {
            name: format!("★ {}", lang.word(Label::Starred)),
            summary: format!("{:>3}", app.starred().len()),
            empty: app.starred().is_empty(),
        },
        ALL_ROW => RegionRow {
            name: lang.word(Label::AllRegions).to_string(),
            summary: summary(app.all_regions()),
            empty: false,
        },
        _ => match app.data().regions.get(row - FIRST_REGION_ROW) {
            Some(region) => {
                let region_summary = &app.figures()[row - FIRST_REGION_ROW];
                let orgs = region_summary.organisations;
                let star = star_mark(app, &Target::Region(region.code.clone()));
                RegionRow {
                    name: format!("{star}{} {}", clean(&region.code), clean(&region.name)),
                    summary: summary(region_summary),
                    empty: orgs == 0,
                }
            }
            None => RegionRow {
                name: String::new(),
                summary: String::new(),
                empty: true,
            },
        },
    }
}

pub(crate) fn render_regions(
    buf: &mut Buffer,
    area: Rect,
    app: &App,
    ui: &mut UiState,
    theme: &Theme,
) {
    let lang = app.lang();
    let title = format!(
        "1 {} ({})",
        lang.word(Label::PaneRegions),
        app.data().regions.len()
    );
    let inner = frame_pane(buf, area, Pane::Regions, title, app, ui, theme);
    // Narrow panes keep the names whole and leave headcounts to their pane.
    let names = super::layout::region_name_width(app);
    let with_headcounts = usize::from(inner.width) >= names + 1 + super::layout::REGION_SUMMARY;
    let window = Window::around(
        app.selected(Pane::Regions),
        app.rows(Pane::Regions),
        inner.height,
    );
    // The summary column is as wide as the widest row around the selection: with
    // a province's regions, all of them, so it stays put while the list scrolls.
    let regions: Vec<(usize, RegionRow)> = window
        .rows()
        .map(|r| (r, region_row(app, r, with_headcounts)))
        .collect();
    let summary_width = regions
        .iter()
        .map(|(_, region)| region.summary.width())
        .max()
        .unwrap_or(0);
    let width = inner.width as usize;
    let name_width = width.saturating_sub(summary_width + 1);
    if let Some((_, selected)) = regions
        .iter()
        .find(|(r, _)| *r == app.selected(Pane::Regions))
    {
        note_cut(app, ui, Pane::Regions, &selected.name, name_width);
    }
    let items = regions.into_iter().map(|(r, region)| {
        let otherwise = if region.empty { theme.dim } else { theme.text };
        let style = row_style(
            app,
            Pane::Regions,
            r == app.selected(Pane::Regions),
            otherwise,
            theme,
        );
        let text = format!(
            "{} {:>summary_width$}",
            pad(&region.name, name_width),
            region.summary
        );
        ListItem::new(Line::from(Span::styled(fit(&text, width), style))).style(style)
    });
    render_list(
        buf,
        (area, inner),
        &window,
        items,
        Pane::Regions,
        (app, ui, theme),
    );
    if with_headcounts {
        render_region_legend(buf, area, app, theme);
    }
}

/// The legend of the summary columns on the pane's top border, right-aligned
/// over them, when it fits beside the title.
fn render_region_legend(buf: &mut Buffer, area: Rect, app: &App, theme: &Theme) {
    let lang = app.lang();
    let title = format!(
        " 1 {} ({}) ",
        lang.word(Label::PaneRegions),
        app.data().regions.len()
    );
    let legend = format!(" {} ", lang.word(Label::RegionLegend));
    let room = usize::from(area.width).saturating_sub(2 + title.width() + 1);
    if legend.width() <= room {
        let x = area.right() - 1 - legend.width() as u16;
        buf.set_string(x, area.y, legend, theme.dim);
    }
}

pub(crate) fn render_articles(
    buf: &mut Buffer,
    area: Rect,
    app: &App,
    ui: &mut UiState,
    theme: &Theme,
) {
    let lang = app.lang();
    let title = format!("4 {}", lang.word(Label::PaneArticles));
    let inner = frame_pane(buf, area, Pane::Articles, title, app, ui, theme);
    let width = inner.width as usize;
    // Each article's first line, wrapped over at most a third of the pane
    // where the columns are wide enough to read it.
    let most = if width < 16 {
        1
    } else {
        usize::from(inner.height / 3).max(1)
    };
    let rows: Vec<Vec<(String, String)>> = app
        .data()
        .articles
        .iter()
        .map(|a| {
            let first = a
                .text
                .as_deref()
                .and_then(|t| t.lines().next())
                .map_or_else(
                    || format!("({})", lang.word(Label::CitedOnly)).into(),
                    clean,
                );
            let star = star_mark(app, &Target::Article(a.number.clone()));
            let text = format!(
                "{star}{} {} — {}",
                lang.word(Label::Article),
                clean(&a.number),
                first
            );
            name_lines(&text, "", width, most).0
        })
        .collect();
    // Every article when it can, with the rule and a row of the selected
    // one's text under them; the list scrolls otherwise.
    let lines: usize = rows.iter().map(Vec::len).sum();
    let list_height = lines.min((inner.height as usize).saturating_sub(2).max(1)) as u16;
    let list = Rect {
        height: list_height.min(inner.height),
        ..inner
    };
    let window = Window::around(
        app.selected(Pane::Articles),
        app.data().articles.len(),
        list.height,
    );
    let items = window.rows().map(|r| {
        let style = row_style(
            app,
            Pane::Articles,
            r == app.selected(Pane::Articles),
            theme.text,
            theme,
        );
        let lines: Vec<Line> = rows[r]
            .iter()
            .map(|(line, _)| Line::from(Span::styled(line.clone(), style)))
            .collect();
        ListItem::new(lines).style(style)
    });
    render_list(
        buf,
        (area, list),
        &window,
        items,
        Pane::Articles,
        (app, ui, theme),
    );
    let body = Rect {
        y: list.bottom(),
        height: inner.height - list.height,
        ..inner
    };
    render_article_text(buf, body, app, theme);
}

/// The selected article's text under the list, after a rule.
fn render_article_text(buf: &mut Buffer, body: Rect, app: &App, theme: &Theme) {
    if body.is_empty() {
        return;
    }
    let Some(a) = app.data().articles.get(app.selected(Pane::Articles)) else {
        return;
    };
    let mut lines: Vec<Line> = vec![Line::styled("─".repeat(body.width as usize), theme.border)];
    if let Some(text) = &a.text {
        lines.extend(
            crate::base::escape::screen_block(text)
                .lines()
                .map(|l| Line::from(l.to_string())),
        );
    }
    if let Some(p) = &a.paraphrase {
        lines.push(Line::from(format!("« {} »", clean(p))));
    }
    if let Some(h) = &a.history {
        lines.push(Line::styled(clean(h), theme.dim));
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .render(body, buf);
}
