//! The map overlay: the regions filled by the chosen measure (half-blocks in
//! colour, shades without), their borders in Braille on ratatui's `Canvas`, the
//! cities with their labels in colours of their own, a side panel with the
//! legend and the selected region's figures, and the geography's attribution
//! on the bottom border.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::canvas::{Canvas, Line as Segment};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget, Wrap};

use super::theme::Theme;
use super::{UiState, clean, fit};
use crate::app::{App, MapView, Measure};
use crate::data::geo::{Geography, Raster, View};
use crate::i18n::{FigureWord, MapWord};
use unicode_width::UnicodeWidthStr;

/// Shades of the four levels without colour, from the lowest.
const SHADES: [char; 4] = ['░', '▒', '▓', '█'];
/// Where a region's measure is zero: a pattern, not the lowest shade.
const NONE_MARK: char = '╳';
/// The colour levels, from the lowest.
const LEVELS: [Color; 4] = [
    Color::Indexed(24),
    Color::Indexed(31),
    Color::Indexed(38),
    Color::Indexed(45),
];
const NONE_COLOUR: Color = Color::Indexed(52);
const SIDE_WIDTH: u16 = 30;

/// What one region looks like for the measure: its level, or none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fill {
    None,
    Level(usize),
}

/// The scale of a measure: its largest value and how many levels it is cut
/// into, never more than there are values, so that no two levels say the same.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Scale {
    max: u64,
    levels: usize,
}

impl Scale {
    fn new(max: u64) -> Scale {
        let max = max.max(1);
        Scale {
            max,
            levels: usize::try_from(max).map_or(4, |m| m.min(4)),
        }
    }

    /// The level of a value above zero, from 0.
    fn level(&self, value: u64) -> usize {
        let levels = self.levels as u64;
        ((value * levels).div_ceil(self.max) as usize).clamp(1, self.levels) - 1
    }

    /// The values a level stands for, e.g. `1–4` or `2`: the levels cut
    /// `1..=max` into ranges that neither overlap nor are empty.
    fn range(&self, level: usize) -> String {
        let levels = self.levels as u64;
        let low = (level as u64 * self.max) / levels + 1;
        let high = ((level as u64 + 1) * self.max) / levels;
        if low >= high {
            high.to_string()
        } else {
            format!("{low}–{high}")
        }
    }

    /// The shade or colour of a level: the darkest of the four go unused
    /// when there are fewer levels, so the top level is always the brightest.
    fn step(&self, level: usize) -> usize {
        (4 - self.levels + level).min(3)
    }
}

/// The step (0–3) of each geography region for a measure, and the scale. A
/// region whose value is absent (no known count) or none (no organisation, no
/// withheld city) gets the pattern, never the lowest level.
fn fills(app: &App, geo: &Geography, measure: Measure) -> (Vec<Fill>, Scale) {
    let values: Vec<Option<u64>> = geo
        .regions
        .iter()
        .map(|shape| {
            app.data()
                .regions
                .iter()
                .position(|r| r.code == shape.code)
                .and_then(|i| app.region_figures(i))
                .and_then(|f| measure.value(f))
        })
        .collect();
    let scale = Scale::new(values.iter().flatten().copied().max().unwrap_or(0));
    let fills = values
        .iter()
        .map(|&v| match v {
            None => Fill::None,
            Some(0) if measure != Measure::People => Fill::None,
            Some(v) => Fill::Level(scale.step(scale.level(v))),
        })
        .collect();
    (fills, scale)
}

/// The attribution on the map's bottom border: the longest form that fits.
fn credit(app: &App, width: u16) -> String {
    let lang = app.lang();
    let room = usize::from(width.saturating_sub(4));
    [
        lang.word(MapWord::CreditLong),
        lang.word(MapWord::CreditShort),
    ]
    .into_iter()
    .find(|c| c.width() + 2 <= room)
    .map_or_else(
        || fit(lang.word(MapWord::CreditShort), room.saturating_sub(2)),
        str::to_string,
    )
}

pub(crate) fn render_map(
    buf: &mut Buffer,
    area: Rect,
    app: &App,
    view: &MapView,
    ui: &mut UiState,
    theme: &Theme,
) {
    Clear.render(area, buf);
    let lang = app.lang();
    let (measure, _) = measure_words(view.measure());
    let title = format!(
        " {} · {} · {} ",
        lang.word(MapWord::Title),
        lang.word(measure),
        lang.word(view_word(view.zoom()))
    );
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border_focused)
        .title(Span::styled(title, theme.title));
    // The attribution, on the border: wherever the map is shown, it is.
    let block = match view.geo() {
        Some(_) => block.title_bottom(Span::styled(
            format!(" {} ", credit(app, area.width)),
            theme.dim,
        )),
        None => block,
    };
    let inner = block.inner(area);
    block.render(area, buf);
    let Some(geo) = view.geo() else {
        ui.map_area = Rect::default();
        Paragraph::new(lang.word(MapWord::NoGeography))
            .style(theme.error)
            .wrap(Wrap { trim: true })
            .render(inner, buf);
        return;
    };
    let side = if view.side() {
        SIDE_WIDTH.min(inner.width / 2)
    } else {
        0
    };
    let [map_area, side_area] = inner.layout(&Layout::horizontal([
        Constraint::Min(1),
        Constraint::Length(side),
    ]));
    let fresh = ui.map.as_ref().is_some_and(|r| {
        r.view == view.zoom()
            && r.projection.width == map_area.width
            && r.projection.height == map_area.height
    });
    if !fresh {
        ui.map = Some(Raster::new(
            geo,
            view.zoom(),
            map_area.width,
            map_area.height,
        ));
    }
    ui.map_area = map_area;
    let Some(raster) = ui.map.as_ref() else {
        return;
    };
    let (fills, scale) = fills(app, geo, view.measure());
    let mono = theme.border.fg.is_none() && theme.title.fg.is_none();
    let selected = app
        .data()
        .regions
        .get(view.region())
        .and_then(|r| geo.region(&r.code));
    draw_borders(buf, map_area, geo, raster, selected, mono);
    draw_fill(buf, map_area, raster, &fills, selected, mono);
    draw_cities(buf, map_area, app, (geo, raster), view, theme.map_label);
    if view.side() {
        render_side(buf, side_area, app, view, scale, theme);
    }
}

/// A measure's name, and what a region shows where it is zero.
fn measure_words(measure: Measure) -> (MapWord, MapWord) {
    match measure {
        Measure::Organisations => (MapWord::MeasureOrganisations, MapWord::NoneOrganisations),
        Measure::People => (MapWord::MeasurePeople, MapWord::NonePeople),
        Measure::Withheld => (MapWord::MeasureWithheld, MapWord::NoneWithheld),
    }
}

fn view_word(view: View) -> MapWord {
    match view {
        View::Province => MapWord::ViewProvince,
        View::Corridor => MapWord::ViewCorridor,
        View::Montreal => MapWord::ViewMontreal,
    }
}

/// Every region's outline in Braille, the selected one last and brighter.
fn draw_borders(
    buf: &mut Buffer,
    area: Rect,
    geo: &Geography,
    raster: &Raster,
    selected: Option<usize>,
    mono: bool,
) {
    let p = raster.projection;
    let (plain, bright) = if mono {
        (Color::Reset, Color::Reset)
    } else {
        (Color::Gray, Color::Yellow)
    };
    let canvas = Canvas::default()
        .marker(Marker::Braille)
        .x_bounds([p.x0, p.x1])
        .y_bounds([p.y0, p.y1])
        .paint(|ctx| {
            for (i, shape) in geo.regions.iter().enumerate() {
                if Some(i) == selected {
                    continue;
                }
                outline(ctx, shape, &p, plain);
            }
            if let Some(shape) = selected.and_then(|i| geo.regions.get(i)) {
                ctx.layer();
                outline(ctx, shape, &p, bright);
            }
        });
    canvas.render(area, buf);
}

fn outline(
    ctx: &mut ratatui::widgets::canvas::Context,
    shape: &crate::data::geo::RegionShape,
    p: &crate::data::geo::Projection,
    color: Color,
) {
    for ring in shape.polygons.iter().flatten() {
        for pair in ring.windows(2) {
            let (x1, y1) = p.project(pair[0]);
            let (x2, y2) = p.project(pair[1]);
            ctx.draw(&Segment::new(x1, y1, x2, y2, color));
        }
    }
}

/// Fills the cells the borders left blank; under a border, colour only.
fn draw_fill(
    buf: &mut Buffer,
    area: Rect,
    raster: &Raster,
    fills: &[Fill],
    selected: Option<usize>,
    mono: bool,
) {
    let fill_of = |r: Option<usize>| r.and_then(|i| fills.get(i).copied());
    let colour = |f: Option<Fill>| match f {
        Some(Fill::Level(l)) => LEVELS[l.min(3)],
        Some(Fill::None) => NONE_COLOUR,
        None => Color::Reset,
    };
    for row in 0..area.height {
        for col in 0..area.width {
            let (top, bottom) = raster.halves(col, row);
            if top.is_none() && bottom.is_none() {
                continue;
            }
            let cell = &mut buf[(area.x + col, area.y + row)];
            let blank = cell.symbol() == " ";
            let region = bottom.or(top);
            if mono {
                if blank {
                    cell.set_char(match fill_of(region) {
                        Some(Fill::Level(l)) => SHADES[l.min(3)],
                        _ => NONE_MARK,
                    });
                }
                if region.is_some() && region == selected {
                    cell.modifier.insert(Modifier::REVERSED);
                }
                continue;
            }
            let (up, down) = (colour(fill_of(top)), colour(fill_of(bottom)));
            if blank {
                if fill_of(region) == Some(Fill::None) && top == bottom {
                    cell.set_char(NONE_MARK)
                        .set_fg(Color::Indexed(131))
                        .set_bg(NONE_COLOUR);
                } else {
                    cell.set_char('▀').set_fg(up).set_bg(down);
                }
            } else {
                cell.set_bg(down);
            }
        }
    }
}

/// Each city at its place: a mark and its count, `█` for a withheld one, and
/// its name when labels are on. The selected region's cities come first, then
/// the largest counts; a label stops before a cell another city took. A label
/// is drawn in `label`, its own colours, never on the fill under it.
fn draw_cities(
    buf: &mut Buffer,
    area: Rect,
    app: &App,
    (geo, raster): (&Geography, &Raster),
    view: &MapView,
    label: Style,
) {
    let selected_code = app
        .data()
        .regions
        .get(view.region())
        .map(|r| r.code.as_str());
    let mut cities: Vec<_> = app.data().cities.iter().collect();
    cities.sort_by_key(|c| {
        (
            Some(c.region.as_str()) != selected_code,
            std::cmp::Reverse(c.count.unwrap_or(0)),
        )
    });
    let width = usize::from(area.width);
    let mut taken = vec![false; width * usize::from(area.height)];
    // Reset first: the fill's colours and the selection's reversal go.
    let style = Style::reset().patch(label);
    for city in cities {
        let Some(point) = geo.city_point(&city.name, &city.region) else {
            continue;
        };
        let Some((col, row)) = raster.projection.cell([point.lon, point.lat]) else {
            continue;
        };
        let start = usize::from(row) * width + usize::from(col);
        if taken[start] {
            continue;
        }
        let count = match city.count {
            Some(n) => n.to_string(),
            None => "█".to_string(),
        };
        let text = if view.labels() {
            format!("●{count} {}", clean(&city.name))
        } else {
            format!("●{count}")
        };
        let row_end = (usize::from(row) + 1) * width;
        let room = (start..row_end).take_while(|&i| !taken[i]).count();
        let shown = fit(&text, room);
        let used = unicode_width::UnicodeWidthStr::width(shown.as_str());
        buf.set_stringn(area.x + col, area.y + row, &shown, room, style);
        // A space after the label keeps the next one apart.
        for t in taken
            .iter_mut()
            .skip(start)
            .take((used + 1).min(row_end - start))
        {
            *t = true;
        }
    }
}

fn render_side(
    buf: &mut Buffer,
    area: Rect,
    app: &App,
    view: &MapView,
    scale: Scale,
    theme: &Theme,
) {
    let lang = app.lang();
    let mono = theme.border.fg.is_none() && theme.title.fg.is_none();
    let mut lines = vec![Line::from(Span::styled(
        lang.word(MapWord::Legend),
        theme.title,
    ))];
    let none = lang.word(measure_words(view.measure()).1);
    lines.push(Line::from(vec![
        Span::styled(
            NONE_MARK.to_string(),
            mono_or(mono, Style::new().fg(Color::Indexed(131)).bg(NONE_COLOUR)),
        ),
        Span::raw(format!(" {none}")),
    ]));
    for level in 0..scale.levels {
        let step = scale.step(level);
        let sample = if mono {
            Span::raw(SHADES[step].to_string())
        } else {
            Span::styled(" ", Style::new().bg(LEVELS[step]))
        };
        lines.push(Line::from(vec![
            sample,
            Span::raw(format!(" {}", scale.range(level))),
        ]));
    }
    lines.push(Line::raw(""));
    if let (Some(region), Some(figures)) = (
        app.data().regions.get(view.region()),
        app.region_figures(view.region()),
    ) {
        lines.push(Line::from(Span::styled(
            format!("{} {}", region.code, clean(&region.name)),
            theme.selected,
        )));
        let mark = lang.word(FigureWord::ComputedMark);
        lines.push(Line::raw(format!(
            "{mark} {}",
            lang.labelled(lang.word(MapWord::Organisations), figures.organisations)
        )));
        let known = match figures.known_count {
            Some(n) => n.to_string(),
            None => "—".to_string(),
        };
        lines.push(Line::raw(format!(
            "{mark} {}",
            lang.labelled(lang.word(MapWord::PeopleKnown), known)
        )));
        if let Some(reason) = figures.absent_reason(app.lang()) {
            lines.push(Line::styled(format!("  ({reason})"), theme.dim));
        }
        lines.push(Line::raw(format!(
            "{mark} {}",
            lang.labelled(lang.word(MapWord::WithheldCities), figures.withheld_cities)
        )));
        for city in app.data().cities.iter().filter(|c| c.region == region.code) {
            // The one wording of a withholding: `█ s. 53, 54`.
            let value = crate::present::CityValue::of(city);
            let figure = match value {
                crate::present::CityValue::Withheld(articles) => {
                    clean(&lang.withheld_marker_short(articles)).into_owned()
                }
                other => other.text(app.lang()),
            };
            lines.push(Line::raw(format!(" {} {figure}", clean(&city.name))));
        }
    }
    // What Σ means, last: where rows are short the region's figures come first.
    lines.push(Line::raw(""));
    lines.push(Line::styled(lang.word(FigureWord::Computed), theme.dim));
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .render(area.inner(ratatui::layout::Margin::new(1, 0)), buf);
}

fn mono_or(mono: bool, style: Style) -> Style {
    if mono { Style::new() } else { style }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every value from 1 to the largest has one level, the levels' ranges
    /// are distinct, and a small largest value makes fewer levels.
    #[test]
    fn legend_levels_are_distinct_and_honest() {
        for max in 1..=40u64 {
            let scale = Scale::new(max);
            assert_eq!(scale.levels, max.min(4) as usize, "{max}");
            let ranges: Vec<String> = (0..scale.levels).map(|l| scale.range(l)).collect();
            let mut distinct = ranges.clone();
            distinct.dedup();
            assert_eq!(distinct, ranges, "{max}: {ranges:?}");
            for v in 1..=max {
                let level = scale.level(v);
                let range = scale.range(level);
                let (low, high) = match range.split_once('–') {
                    Some((a, b)) => (a.parse::<u64>().ok(), b.parse::<u64>().ok()),
                    None => (range.parse().ok(), range.parse().ok()),
                };
                let (Some(low), Some(high)) = (low, high) else {
                    panic!("{range}");
                };
                assert!(low <= v && v <= high, "{max}: {v} in {range}");
            }
            assert_eq!(scale.step(scale.levels - 1), 3, "the top is the brightest");
        }
        assert_eq!(
            (0..2).map(|l| Scale::new(2).range(l)).collect::<Vec<_>>(),
            ["1", "2"]
        );
        assert_eq!(
            (0..4).map(|l| Scale::new(11).range(l)).collect::<Vec<_>>(),
            ["1–2", "3–5", "6–8", "9–11"]
        );
    }
}
