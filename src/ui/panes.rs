//! The four panes of the main screen: regions, organisations, headcounts, articles.
//! Lists draw only their visible rows, so a dataset of any size stays fast.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};
use unicode_width::UnicodeWidthStr;

use super::theme::Theme;
use super::{UiState, clean, fit, pad, pane_block, pane_index, row, scroll_to};
use crate::app::{ALL_ROW, App, FIRST_REGION_ROW, Pane, STARRED_ROW};
use crate::data::Headcount;

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
    let block = pane_block(title, app.focus == pane, theme);
    let inner = block.inner(area);
    block.render(area, buf);
    let i = pane_index(pane);
    ui.areas[i] = inner;
    ui.list_top[i] = inner.y;
    inner
}

fn selection_style(app: &App, pane: Pane, theme: &Theme) -> ratatui::style::Style {
    if app.focus == pane {
        theme.selected
    } else {
        theme.selected_unfocused
    }
}

/// A region's headcounts in a few columns: `41+1█` is 41 known and one city
/// withheld (█ as in the headcount bars), `—` when the letter lists no city.
fn compact(t: &crate::data::Totals) -> String {
    match (t.cities, t.known, t.withheld) {
        (0, _, _) => "—".to_string(),
        (_, known, 0) => known.to_string(),
        (n, _, withheld) if n == withheld => format!("{withheld}█"),
        (_, known, withheld) => format!("{known}+{withheld}█"),
    }
}

pub fn render_regions(buf: &mut Buffer, area: Rect, app: &App, ui: &mut UiState, theme: &Theme) {
    let s = app.lang.strings();
    let title = format!("1 {} ({})", s.pane_regions, app.data.regions.len());
    let inner = frame_pane(buf, area, Pane::Regions, title, app, ui, theme);
    let height = inner.height as usize;
    let i = pane_index(Pane::Regions);
    let offset = scroll_to(ui.offsets[i], app.region, height);
    ui.offsets[i] = offset;
    let end = (offset + height).min(app.rows(Pane::Regions));
    // Narrow panes keep the names readable and leave headcounts to their pane.
    let with_headcounts = inner.width >= 30;
    let summary = |orgs: usize, totals: &crate::data::Totals| {
        if with_headcounts {
            format!("{orgs:>3} {:>7}", compact(totals))
        } else {
            format!("{orgs:>3}")
        }
    };
    let rows: Vec<(String, String, bool)> = (offset..end)
        .map(|r| match r {
            STARRED_ROW => (
                format!("★ {}", s.starred),
                format!("{:>3}", app.starred.len()),
                app.starred.is_empty(),
            ),
            ALL_ROW => (
                s.all_regions.to_string(),
                summary(app.all_regions.organisations, &app.all_regions.totals),
                false,
            ),
            _ => match app.data.regions.get(r - FIRST_REGION_ROW) {
                Some(region) => {
                    let summary_of = &app.regions[r - FIRST_REGION_ROW];
                    let orgs = summary_of.organisations;
                    (
                        format!("{} {}", clean(&region.code), clean(&region.name)),
                        summary(orgs, &summary_of.totals),
                        orgs == 0,
                    )
                }
                None => (String::new(), String::new(), true),
            },
        })
        .collect();
    let right_width = rows.iter().map(|(_, r, _)| r.width()).max().unwrap_or(0);
    let width = inner.width as usize;
    for (n, (left, right, empty)) in rows.into_iter().enumerate() {
        let y = inner.y + n as u16;
        let selected = offset + n == app.region;
        let left_width = width.saturating_sub(right_width + 1);
        let text = format!("{} {:>right_width$}", pad(&left, left_width), right);
        let style = if selected {
            selection_style(app, Pane::Regions, theme)
        } else if empty {
            theme.dim
        } else {
            theme.text
        };
        row(
            buf,
            inner,
            y,
            Line::from(Span::styled(fit(&text, width), style)),
            style,
        );
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
    let width = inner.width as usize;
    if app.organisations.is_empty() {
        let mut text = vec![Line::styled(s.no_organisation, theme.dim)];
        if let Some(code) = app.region_code() {
            for c in app.data.cities_in(code) {
                let value = crate::app::detail::headcount_text(c, app.lang);
                text.push(Line::from(""));
                text.push(Line::styled(
                    clean(&format!("{} — {}", c.name, value)),
                    theme.related,
                ));
            }
        }
        Paragraph::new(text)
            .wrap(Wrap { trim: true })
            .render(inner, buf);
        return;
    }
    let height = inner.height as usize;
    let i = pane_index(Pane::Organisations);
    let offset = scroll_to(ui.offsets[i], app.organisation, height);
    ui.offsets[i] = offset;
    let end = (offset + height).min(app.organisations.len());
    for (n, &index) in app.organisations[offset..end].iter().enumerate() {
        let o = &app.data.organisations[index];
        let selected = offset + n == app.organisation;
        let style = if selected {
            selection_style(app, Pane::Organisations, theme)
        } else {
            theme.text
        };
        let marker = if o.regions.len() > 1 {
            format!(" ·{} {}", o.regions.len(), s.regions_word)
        } else {
            String::new()
        };
        let name = fit(
            &clean(&o.display_name()),
            width.saturating_sub(marker.width()),
        );
        let line = Line::from(vec![
            Span::styled(name, style),
            Span::styled(marker, if selected { style } else { theme.dim }),
        ]);
        row(buf, inner, inner.y + n as u16, line, style);
    }
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
    let height = inner.height as usize;
    let i = pane_index(Pane::Organisations);
    let offset = scroll_to(ui.offsets[i], app.organisation, height);
    ui.offsets[i] = offset;
    for (n, star) in app.starred.iter().skip(offset).take(height).enumerate() {
        let selected = offset + n == app.organisation;
        let style = if selected {
            selection_style(app, Pane::Organisations, theme)
        } else {
            theme.text
        };
        let title = &star.title;
        let kind = format!("{:<13}", star.target.search_kind().name(app.lang));
        let line = Line::from(vec![
            Span::styled(kind, if selected { style } else { theme.dim }),
            Span::styled(fit(&clean(title), width.saturating_sub(13)), style),
        ]);
        row(buf, inner, inner.y + n as u16, line, style);
    }
}

pub fn render_headcounts(buf: &mut Buffer, area: Rect, app: &App, ui: &mut UiState, theme: &Theme) {
    let s = app.lang.strings();
    let title = format!("3 {}", s.pane_headcounts);
    let inner = frame_pane(buf, area, Pane::Headcounts, title, app, ui, theme);
    if inner.height == 0 {
        return;
    }
    let width = inner.width as usize;
    let list_height = inner.height.saturating_sub(1) as usize;
    let i = pane_index(Pane::Headcounts);
    let offset = scroll_to(ui.offsets[i], app.city, list_height);
    ui.offsets[i] = offset;
    let max = app
        .data
        .cities
        .iter()
        .filter_map(|c| c.count)
        .max()
        .unwrap_or(0);
    let value_width = max.to_string().len();
    let name_width = app
        .data
        .cities
        .iter()
        .map(|c| clean(&c.name).width())
        .max()
        .unwrap_or(0)
        .min(width * 2 / 5);
    let bar_width = width.saturating_sub(2 + name_width + 1 + 1 + value_width);
    let region = app.region_code();
    let end = (offset + list_height).min(app.data.cities.len());
    for (n, c) in app.data.cities[offset..end].iter().enumerate() {
        let related = region == Some(c.region.as_str());
        let selected = offset + n == app.city;
        let base = if selected {
            selection_style(app, Pane::Headcounts, theme)
        } else if related {
            theme.related
        } else {
            theme.text
        };
        let mut spans = vec![
            Span::styled(if related { "● " } else { "  " }, base),
            Span::styled(pad(&clean(&c.name), name_width), base),
            Span::raw(" "),
        ];
        match c.headcount() {
            Headcount::Known(count) => {
                let len = if max == 0 {
                    0
                } else {
                    ((count as f64 / max as f64) * bar_width as f64).round() as usize
                };
                let len = len.max(usize::from(count > 0)).min(bar_width);
                spans.push(Span::styled(
                    "█".repeat(len),
                    if selected { base } else { theme.bar },
                ));
                spans.push(Span::styled(format!(" {count}"), base));
            }
            Headcount::Withheld(w) => {
                let room = width.saturating_sub(2 + name_width + 1);
                // The legal basis matters more than the word, which the block
                // already says: it goes last when the row is short.
                let (listed, dashed) =
                    (clean(&w.articles.join(", ")), clean(&w.articles.join("-")));
                let candidates = [
                    format!(" {} · art. {listed}", s.withheld_short),
                    format!(" {} art. {dashed}", s.withheld_short),
                    format!(" art. {listed}"),
                    format!(" art. {dashed}"),
                ];
                let label = candidates
                    .into_iter()
                    .find(|l| l.width() + 3 <= room)
                    .unwrap_or_else(|| format!(" {}", s.withheld_short));
                let block_len = room.saturating_sub(label.width()).clamp(1, 5);
                spans.push(Span::styled(
                    "█".repeat(block_len),
                    if selected { base } else { theme.redaction },
                ));
                spans.push(Span::styled(label, if selected { base } else { theme.dim }));
            }
            Headcount::Missing => spans.push(Span::styled("?", theme.error)),
        }
        row(buf, inner, inner.y + n as u16, Line::from(spans), base);
    }
    let totals = app.data.headcount_totals();
    let articles: Vec<&str> = app
        .data
        .cities
        .iter()
        .filter_map(|c| c.withheld.as_ref())
        .flat_map(|w| w.articles.iter().map(String::as_str))
        .fold(Vec::new(), |mut all, a| {
            if !all.contains(&a) {
                all.push(a);
            }
            all
        });
    let total = format!(
        "{} {} · {} {} █ art. {}",
        totals.known,
        s.known,
        totals.withheld,
        s.withheld_plural,
        articles.join(", ")
    );
    let y = inner.y + inner.height - 1;
    row(
        buf,
        inner,
        y,
        Line::from(Span::styled(fit(&total, width), theme.title)),
        theme.text,
    );
}

pub fn render_articles(buf: &mut Buffer, area: Rect, app: &App, ui: &mut UiState, theme: &Theme) {
    let s = app.lang.strings();
    let title = format!("4 {}", s.pane_articles);
    let inner = frame_pane(buf, area, Pane::Articles, title, app, ui, theme);
    let width = inner.width as usize;
    let list_height = app
        .data
        .articles
        .len()
        .min((inner.height as usize / 2).max(1));
    let i = pane_index(Pane::Articles);
    let offset = scroll_to(ui.offsets[i], app.article, list_height);
    ui.offsets[i] = offset;
    let end = (offset + list_height).min(app.data.articles.len());
    for (n, a) in app.data.articles[offset..end].iter().enumerate() {
        let selected = offset + n == app.article;
        let style = if selected {
            selection_style(app, Pane::Articles, theme)
        } else {
            theme.text
        };
        let first = a
            .text
            .as_deref()
            .and_then(|t| t.lines().next())
            .map_or_else(|| format!("({})", s.cited_only), clean);
        let text = format!("{} {} — {}", s.article, clean(&a.number), first);
        row(
            buf,
            inner,
            inner.y + n as u16,
            Line::from(Span::styled(fit(&text, width), style)),
            style,
        );
    }
    let body_top = inner.y + list_height as u16;
    if body_top >= inner.y + inner.height {
        return;
    }
    let body = Rect::new(
        inner.x,
        body_top,
        inner.width,
        inner.y + inner.height - body_top,
    );
    let Some(a) = app.data.articles.get(app.article) else {
        return;
    };
    let mut lines: Vec<Line> = vec![Line::styled("─".repeat(width), theme.border)];
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
