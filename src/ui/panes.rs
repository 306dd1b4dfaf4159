//! The four panes of the main screen: regions, organisations, headcounts, articles.
//! Each list is a ratatui `List` scrolled by its state in `UiState`; a long list
//! gives it only the rows around its selection, so any dataset stays fast.

mod funding;
mod headcounts;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, Paragraph, Widget, Wrap};
use unicode_width::UnicodeWidthStr;

use super::theme::Theme;
use super::window::Window;
use super::{UiState, clean, fit, pad, pane_block, pane_index};
use crate::app::{ALL_ROW, App, FIRST_REGION_ROW, Pane, STARRED_ROW};
use crate::data::Organisation;
use crate::present::{RegionFigures, Target};

pub use funding::render_funding;
pub use headcounts::render_headcounts;

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
    let block = pane_block(title, app.focus == pane, theme);
    let inner = block.inner(area);
    block.render(area, buf);
    let i = pane_index(pane);
    ui.areas[i] = inner;
    ui.list_top[i] = inner.y;
    inner
}

/// Writes where a list is on the bottom border of its pane, right-aligned:
/// `▲ 3/17 ▼`, the arrows when rows are hidden above or below. `shown` is the
/// number of list rows on screen, `offset` the first of them.
pub(super) fn render_position(
    buf: &mut Buffer,
    pane_area: Rect,
    position: Position,
    theme: &Theme,
) {
    let Position {
        selected,
        len,
        offset,
        shown,
    } = position;
    if len == 0 || pane_area.height < 2 || pane_area.width < 4 {
        return;
    }
    let above = if offset > 0 { "▲ " } else { "" };
    let below = if offset + shown < len { " ▼" } else { "" };
    let text = format!(" {above}{}/{len}{below} ", selected + 1);
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
    window.render(List::new(items), list, buf, &mut ui.lists[pane_index(pane)]);
    let position = Position::of(app, ui, pane, list.height);
    render_position(buf, area, position, theme);
}

/// Where a list stands, for `render_position`.
#[derive(Debug, Clone, Copy)]
pub(super) struct Position {
    pub selected: usize,
    pub len: usize,
    /// The first row on screen.
    pub offset: usize,
    /// How many rows the screen shows.
    pub shown: usize,
}

impl Position {
    /// The position of `pane`'s list, as its state was left by the last render
    /// in `height` rows.
    pub(super) fn of(app: &App, ui: &UiState, pane: Pane, height: u16) -> Position {
        let len = app.rows(pane);
        let offset = ui.lists[pane_index(pane)].offset().min(len);
        Position {
            selected: app.selected(pane).min(len.saturating_sub(1)),
            len,
            offset,
            shown: usize::from(height).min(len - offset),
        }
    }
}

/// The style of a row of `pane`: the selection's when `selected`, else `otherwise`.
/// Rows are styled here rather than by the list's highlight, which would add the
/// selection to the row's own style where the selection must replace it.
fn row_style(app: &App, pane: Pane, selected: bool, otherwise: Style, theme: &Theme) -> Style {
    match (selected, app.focus == pane) {
        (false, _) => otherwise,
        (true, true) => theme.selected,
        (true, false) => theme.selected_unfocused,
    }
}

/// Remembers the focused pane's selected name when its row, `room` columns
/// for it, cuts it: the status line then shows it whole.
pub(super) fn note_cut(app: &App, ui: &mut UiState, pane: Pane, full: &str, room: usize) {
    if app.focus == pane && full.width() > room {
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
    let s = app.lang.strings();
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
            name: format!("★ {}", s.starred),
            summary: format!("{:>3}", app.starred.len()),
            empty: app.starred.is_empty(),
        },
        ALL_ROW => RegionRow {
            name: s.all_regions.to_string(),
            summary: summary(&app.all_regions),
            empty: false,
        },
        _ => match app.data.regions.get(row - FIRST_REGION_ROW) {
            Some(region) => {
                let region_summary = &app.regions[row - FIRST_REGION_ROW];
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

pub fn render_regions(buf: &mut Buffer, area: Rect, app: &App, ui: &mut UiState, theme: &Theme) {
    let s = app.lang.strings();
    let title = format!("1 {} ({})", s.pane_regions, app.data.regions.len());
    let inner = frame_pane(buf, area, Pane::Regions, title, app, ui, theme);
    // Narrow panes keep the names whole and leave headcounts to their pane.
    let names = super::layout::region_name_width(app);
    let with_headcounts = usize::from(inner.width) >= names + 1 + super::layout::REGION_SUMMARY;
    let window = Window::around(app.region, app.rows(Pane::Regions), inner.height);
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
    if let Some((_, selected)) = regions.iter().find(|(r, _)| *r == app.region) {
        note_cut(app, ui, Pane::Regions, &selected.name, name_width);
    }
    let items = regions.into_iter().map(|(r, region)| {
        let otherwise = if region.empty { theme.dim } else { theme.text };
        let style = row_style(app, Pane::Regions, r == app.region, otherwise, theme);
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
    let s = app.lang.strings();
    let title = format!(" 1 {} ({}) ", s.pane_regions, app.data.regions.len());
    let legend = format!(" {} ", s.region_legend);
    let room = usize::from(area.width).saturating_sub(2 + title.width() + 1);
    if legend.width() <= room {
        let x = area.right() - 1 - legend.width() as u16;
        buf.set_string(x, area.y, legend, theme.dim);
    }
}

pub fn render_organisations(
    buf: &mut Buffer,
    area: Rect,
    app: &App,
    ui: &mut UiState,
    theme: &Theme,
) {
    let s = app.lang.strings();
    if app.starred_view() {
        return render_starred(buf, area, app, ui, theme);
    }
    let place = app
        .region_code()
        .and_then(|c| app.data.region(c))
        .map_or(s.all_regions.to_string(), |r| r.name.clone());
    let title = format!(
        "2 {} — {} ({})",
        s.pane_organisations,
        place,
        app.organisations.len()
    );
    let inner = frame_pane(buf, area, Pane::Organisations, title, app, ui, theme);
    if app.organisations.is_empty() {
        return render_no_organisation(buf, inner, app, theme);
    }
    let width = inner.width as usize;
    if let Some(&i) = app.organisations.get(app.organisation) {
        let o = &app.data.organisations[i];
        let (name, marker) = organisation_name(app, o);
        let full = format!("{name}{marker}");
        note_cut(app, ui, Pane::Organisations, &full, width);
    }
    let window = Window::around(app.organisation, app.organisations.len(), inner.height);
    let items = window.rows().map(|r| {
        let o = &app.data.organisations[app.organisations[r]];
        organisation_item(app, o, r == app.organisation, width, theme)
    });
    render_list(
        buf,
        (area, inner),
        &window,
        items,
        Pane::Organisations,
        (app, ui, theme),
    );
}

/// An organisation's name, and how many regions it serves when more than one.
fn organisation_item<'a>(
    app: &App,
    o: &Organisation,
    selected: bool,
    width: usize,
    theme: &Theme,
) -> ListItem<'a> {
    let style = row_style(app, Pane::Organisations, selected, theme.text, theme);
    let (name, mut marker) = organisation_name(app, o);
    // In a narrow pane the name comes first: the region count only when it
    // leaves the name at least half the row.
    if marker.width() * 2 > width {
        marker.clear();
    }
    let name = fit(&name, width.saturating_sub(marker.width()));
    let line = Line::from(vec![
        Span::styled(name, style),
        Span::styled(marker, if selected { style } else { theme.dim }),
    ]);
    ListItem::new(line).style(style)
}

/// An organisation's row in two parts: its name (starred or not), and how
/// many regions it serves when more than one.
fn organisation_name(app: &App, o: &Organisation) -> (String, String) {
    let s = app.lang.strings();
    let marker = if o.regions.len() > 1 {
        format!(" ·{} {}", o.regions.len(), s.regions_word)
    } else {
        String::new()
    };
    let star = star_mark(app, &Target::Organisation(o.id.clone()));
    (format!("{star}{}", clean(&o.display_name())), marker)
}

/// A region without organisations: says so, and lists the region's cities.
fn render_no_organisation(buf: &mut Buffer, inner: Rect, app: &App, theme: &Theme) {
    let s = app.lang.strings();
    let mut text = vec![Line::styled(s.no_organisation, theme.dim)];
    if let Some(code) = app.region_code() {
        for c in app.data.cities_in(code) {
            let value = crate::present::detail::headcount_text(c, app.lang);
            text.push(Line::from(""));
            // The headcount's text names the withholding's articles, from the file.
            text.push(Line::styled(
                clean(&format!("{} — {}", c.name, value)).into_owned(),
                theme.related,
            ));
        }
    }
    Paragraph::new(text)
        .wrap(Wrap { trim: true })
        .render(inner, buf);
}

/// The middle pane when the "starred" row is selected: starred entries of every kind.
fn render_starred(buf: &mut Buffer, area: Rect, app: &App, ui: &mut UiState, theme: &Theme) {
    let s = app.lang.strings();
    let title = format!("2 ★ {} ({})", s.starred, app.starred.len());
    let inner = frame_pane(buf, area, Pane::Organisations, title, app, ui, theme);
    if app.starred.is_empty() {
        Paragraph::new(Line::styled(s.no_stars, theme.dim))
            .wrap(Wrap { trim: true })
            .render(inner, buf);
        return;
    }
    let width = inner.width as usize;
    if let Some(star) = app.starred.get(app.organisation) {
        note_cut(app, ui, Pane::Organisations, &clean(&star.title), width);
    }
    let window = Window::around(app.organisation, app.starred.len(), inner.height);
    let items = window.rows().map(|r| {
        let star = &app.starred[r];
        let selected = r == app.organisation;
        let style = row_style(app, Pane::Organisations, selected, theme.text, theme);
        // The title alone: a region, a city and an article read as what they
        // are, and the detail says the kind.
        let line = Line::from(Span::styled(fit(&clean(&star.title), width), style));
        ListItem::new(line).style(style)
    });
    render_list(
        buf,
        (area, inner),
        &window,
        items,
        Pane::Organisations,
        (app, ui, theme),
    );
}

pub fn render_articles(buf: &mut Buffer, area: Rect, app: &App, ui: &mut UiState, theme: &Theme) {
    let s = app.lang.strings();
    let title = format!("4 {}", s.pane_articles);
    let inner = frame_pane(buf, area, Pane::Articles, title, app, ui, theme);
    let width = inner.width as usize;
    // Every article when it can, with the rule and a row of the selected
    // one's text under them; the list scrolls otherwise.
    let list_height = app
        .data
        .articles
        .len()
        .min((inner.height as usize).saturating_sub(2).max(1)) as u16;
    let list = Rect {
        height: list_height.min(inner.height),
        ..inner
    };
    let window = Window::around(app.article, app.data.articles.len(), list.height);
    let items = window.rows().map(|r| {
        let a = &app.data.articles[r];
        let style = row_style(app, Pane::Articles, r == app.article, theme.text, theme);
        let first = a
            .text
            .as_deref()
            .and_then(|t| t.lines().next())
            .map_or_else(|| format!("({})", s.cited_only).into(), clean);
        let star = star_mark(app, &Target::Article(a.number.clone()));
        let text = format!("{star}{} {} — {}", s.article, clean(&a.number), first);
        ListItem::new(Line::from(Span::styled(fit(&text, width), style))).style(style)
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
    let Some(a) = app.data.articles.get(app.article) else {
        return;
    };
    let mut lines: Vec<Line> = vec![Line::styled("─".repeat(body.width as usize), theme.border)];
    if let Some(text) = &a.text {
        lines.extend(
            crate::text::screen_block(text)
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
