//! The headcounts pane: a row per city of the letter's table, with a bar for a
//! known headcount or a redaction block and its legal basis for a withheld one,
//! and the totals under the list.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::ListItem;
use unicode_width::UnicodeWidthStr;

use super::super::theme::Theme;
use super::super::window::Window;
use super::super::{UiState, clean, fit, pad, row};
use super::{frame_pane, render_list, row_style, star_mark};
use crate::app::{App, Pane};
use crate::data::City;
use crate::i18n::{Label, Lang, Noun};
use crate::present::{CityValue, Target};

/// How a city row shares the pane's width: two columns for the "in the selected
/// region" mark, the names and a space, and the rest for the bar or the block.
struct Columns {
    name: usize,
    /// The bar and its value, or the redaction block and its label.
    rest: usize,
    /// The largest known headcount, the bars' full length.
    max: u64,
    value: usize,
}

impl Columns {
    fn of(cities: &[City], width: usize) -> Columns {
        let max = cities.iter().filter_map(|c| c.count).max().unwrap_or(0);
        // The names whole when the short withholding still fits after them.
        let name = cities
            .iter()
            .map(|c| clean(&c.name).width())
            .max()
            .unwrap_or(0)
            .min(width.saturating_sub(2 + 1 + 13).max(4));
        Columns {
            name,
            rest: width.saturating_sub(2 + name + 1),
            max,
            value: max.to_string().len(),
        }
    }

    fn bar_width(&self) -> usize {
        self.rest.saturating_sub(1 + self.value)
    }
}

pub fn render_headcounts(buf: &mut Buffer, area: Rect, app: &App, ui: &mut UiState, theme: &Theme) {
    let lang = app.lang();
    // The period, or at least its year, stays in the title.
    let title = [
        lang.word(Label::PaneHeadcounts),
        lang.word(Label::PaneHeadcountsYear),
    ]
    .into_iter()
    .map(|t| format!("3 {t}"))
    .find(|t| t.width() + 3 <= usize::from(area.width))
    .unwrap_or_else(|| format!("3 {}", lang.word(Label::PaneHeadcountsShort)));
    let inner = frame_pane(buf, area, Pane::Headcounts, title, app, ui, theme);
    if inner.height == 0 {
        return;
    }
    let list = Rect {
        height: inner.height - 1,
        ..inner
    };
    let columns = Columns::of(&app.data().cities, inner.width as usize);
    if let Some(c) = app.data().cities.get(app.selected(Pane::Headcounts)) {
        let star = star_mark(app, &Target::City(c.id.clone()));
        let full = format!("{star}{}", clean(&c.name));
        super::note_cut(app, ui, Pane::Headcounts, &full, columns.name);
    }
    let window = Window::around(
        app.selected(Pane::Headcounts),
        app.data().cities.len(),
        list.height,
    );
    let items = window.rows().map(|r| {
        city_item(
            app,
            &app.data().cities[r],
            r == app.selected(Pane::Headcounts),
            &columns,
            theme,
        )
    });
    render_list(
        buf,
        (area, list),
        &window,
        items,
        Pane::Headcounts,
        (app, ui, theme),
    );
    render_totals(buf, inner, app, theme);
}

/// A row's style, and its parts' own styles, which the selection replaces.
#[derive(Clone, Copy)]
struct Styles {
    row: Style,
    selected: bool,
}

impl Styles {
    fn part(self, own: Style) -> Style {
        if self.selected { self.row } else { own }
    }
}

/// A city's row: a mark when it is in the selected region, its name, its headcount.
fn city_item<'a>(
    app: &App,
    c: &City,
    selected: bool,
    columns: &Columns,
    theme: &Theme,
) -> ListItem<'a> {
    let related = app.region_code() == Some(c.region.as_str());
    let otherwise = if related { theme.related } else { theme.text };
    let styles = Styles {
        row: row_style(app, Pane::Headcounts, selected, otherwise, theme),
        selected,
    };
    let mut spans = vec![
        Span::styled(if related { "● " } else { "  " }, styles.row),
        Span::styled(
            pad(
                &format!(
                    "{}{}",
                    star_mark(app, &Target::City(c.id.clone())),
                    clean(&c.name)
                ),
                columns.name,
            ),
            styles.row,
        ),
        Span::raw(" "),
    ];
    match CityValue::of(c) {
        CityValue::Count(count) => spans.extend(known_spans(count, styles, columns, theme)),
        CityValue::Withheld(articles) => spans.extend(withheld_spans(
            app.lang(),
            articles,
            styles,
            columns.rest,
            theme,
        )),
        CityValue::Missing => spans.push(Span::styled("?", theme.error)),
    }
    ListItem::new(Line::from(spans)).style(styles.row)
}

/// A known headcount: a bar as long as its share of the largest, and the
/// number right-aligned in a column of its own after the longest bar.
fn known_spans<'a>(count: u64, styles: Styles, columns: &Columns, theme: &Theme) -> [Span<'a>; 2] {
    let bar_width = columns.bar_width();
    let len = if columns.max == 0 {
        0
    } else {
        ((count as f64 / columns.max as f64) * bar_width as f64).round() as usize
    };
    let len = len.max(usize::from(count > 0)).min(bar_width);
    let value = columns.value;
    [
        Span::styled("█".repeat(len), styles.part(theme.bar)),
        Span::styled(
            format!("{} {count:>value$}", " ".repeat(bar_width - len)),
            styles.row,
        ),
    ]
}

/// A withheld headcount in `room` columns: the redaction block, then the
/// words of `Lang::withheld_marker` that fit.
fn withheld_spans<'a>(
    lang: Lang,
    articles: &[String],
    styles: Styles,
    room: usize,
    theme: &Theme,
) -> [Span<'a>; 2] {
    let label = withheld_label(lang, articles, room);
    [
        Span::styled("█", styles.part(theme.redaction)),
        Span::styled(label, styles.part(theme.legal_basis)),
    ]
}

/// What follows the block: the long form, or the short one when it does not
/// fit, as `withheld_marker` and `withheld_marker_short` write them.
fn withheld_label(lang: Lang, articles: &[String], room: usize) -> String {
    // Article numbers come from the file like everything else.
    let long = clean(&lang.withheld_marker(articles)).into_owned();
    let short = clean(&lang.withheld_marker_short(articles)).into_owned();
    let after_block = |marker: &str| marker.trim_start_matches('█').to_string();
    if long.width() <= room {
        after_block(&long)
    } else {
        fit(&after_block(&short), room.saturating_sub(1))
    }
}

/// The totals of the whole table on the pane's last row, from the
/// presentation layer's figures: `Σ` marks them as pap-tui's sums, and with
/// no known count the sum is `—`, never 0.
fn render_totals(buf: &mut Buffer, inner: Rect, app: &App, theme: &Theme) {
    let lang = app.lang();
    let figures = app.all_regions();
    let articles: Vec<String> = figures
        .withheld_articles
        .iter()
        .map(|a| clean(a).into_owned())
        .collect();
    let basis = app.lang().legal_basis(&articles);
    let known = figures.known_text(app.lang());
    let withheld = figures.withheld_cities;
    let long = format!(
        "{known} {} · █ {} — {basis}",
        lang.word(Label::Known),
        app.lang().count(withheld as u64, Noun::Withheld),
    );
    let short = format!("{known} · █ {withheld} — {basis}");
    // The legal basis stays whole: the known count gives way first.
    let total = [long, short]
        .into_iter()
        .find(|t| t.width() <= inner.width as usize)
        .unwrap_or_else(|| format!("█ {withheld} — {basis}"));
    row(
        buf,
        inner,
        inner.bottom() - 1,
        Line::from(Span::styled(fit(&total, inner.width as usize), theme.title)),
        theme.text,
    );
}
