//! The map overlay: the regions filled by the chosen measure (half-blocks in
//! colour, shades without), their borders in Braille on ratatui's `Canvas`, the
//! cities with their counts, and a side panel with the legend, the selected
//! region's figures and the geography's attribution.

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
use crate::geo::{Geography, Raster, View};

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

/// The level of each geography region for a measure, and the largest value.
/// A region whose value is absent (no known count) or none (no organisation,
/// no withheld city) gets the pattern, never the lowest level.
fn fills(app: &App, geo: &Geography, measure: Measure) -> (Vec<Fill>, u64) {
    let values: Vec<Option<u64>> = geo
        .regions
        .iter()
        .map(|shape| {
            app.data
                .regions
                .iter()
                .position(|r| r.code == shape.code)
                .and_then(|i| app.region_figures(i))
                .and_then(|f| measure.value(f))
        })
        .collect();
    let max = values.iter().flatten().copied().max().unwrap_or(0).max(1);
    let fills = values
        .iter()
        .map(|&v| match v {
            None => Fill::None,
            Some(0) if measure != Measure::People => Fill::None,
            Some(v) => Fill::Level((((v * 4).div_ceil(max)) as usize).clamp(1, 4) - 1),
        })
        .collect();
    (fills, max)
}

/// The values each level stands for, e.g. `1–4`.
fn level_range(level: usize, max: u64) -> String {
    let low = (level as u64 * max) / 4 + 1;
    let high = ((level as u64 + 1) * max) / 4;
    if low >= high {
        high.to_string()
    } else {
        format!("{low}–{high}")
    }
}

pub fn render_map(
    buf: &mut Buffer,
    area: Rect,
    app: &App,
    view: &MapView,
    ui: &mut UiState,
    theme: &Theme,
) {
    Clear.render(area, buf);
    let m = app.lang.map_strings();
    let measure = m.measures[measure_index(view.measure)];
    let title = format!(
        " {} · {} · {} ",
        m.title,
        measure,
        m.views[view_index(view.view)]
    );
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border_focused)
        .title(Span::styled(title, theme.title));
    let inner = block.inner(area);
    block.render(area, buf);
    let Some(geo) = view.geo else {
        ui.map_area = Rect::default();
        Paragraph::new(m.no_geography)
            .style(theme.error)
            .wrap(Wrap { trim: true })
            .render(inner, buf);
        return;
    };
    // The attribution first: wherever the map is shown, it is.
    let credit = credit_lines(app, geo, inner.width.saturating_sub(2));
    let credit_height = (credit.len() as u16).min(inner.height / 3);
    let [inner, credit_area] = inner.layout(&Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(credit_height),
    ]));
    Paragraph::new(
        credit
            .into_iter()
            .map(|l| Line::from(Span::styled(l, theme.dim)))
            .collect::<Vec<_>>(),
    )
    .render(credit_area.inner(ratatui::layout::Margin::new(1, 0)), buf);
    let side = SIDE_WIDTH.min(inner.width / 2);
    let [map_area, side_area] = inner.layout(&Layout::horizontal([
        Constraint::Min(1),
        Constraint::Length(side),
    ]));
    let fresh = ui.map.as_ref().is_some_and(|r| {
        r.view == view.view
            && r.projection.width == map_area.width
            && r.projection.height == map_area.height
    });
    if !fresh {
        ui.map = Some(Raster::new(geo, view.view, map_area.width, map_area.height));
    }
    ui.map_area = map_area;
    let Some(raster) = ui.map.as_ref() else {
        return;
    };
    let (fills, max) = fills(app, geo, view.measure);
    let mono = theme.border.fg.is_none() && theme.title.fg.is_none();
    let selected = app
        .data
        .regions
        .get(view.region)
        .and_then(|r| geo.region(&r.code));
    draw_borders(buf, map_area, geo, raster, selected, mono);
    draw_fill(buf, map_area, raster, &fills, selected, mono);
    draw_cities(buf, map_area, app, geo, raster, view);
    render_side(buf, side_area, app, view, (&fills, max), theme);
}

fn measure_index(measure: Measure) -> usize {
    Measure::ALL.iter().position(|&m| m == measure).unwrap_or(0)
}

fn view_index(view: View) -> usize {
    View::ALL.iter().position(|&v| v == view).unwrap_or(0)
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
    shape: &crate::geo::RegionShape,
    p: &crate::geo::Projection,
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
/// the largest counts; a label stops before a cell another city took.
fn draw_cities(
    buf: &mut Buffer,
    area: Rect,
    app: &App,
    geo: &Geography,
    raster: &Raster,
    view: &MapView,
) {
    let selected_code = app.data.regions.get(view.region).map(|r| r.code.as_str());
    let mut cities: Vec<_> = app.data.cities.iter().collect();
    cities.sort_by_key(|c| {
        (
            Some(c.region.as_str()) != selected_code,
            std::cmp::Reverse(c.count.unwrap_or(0)),
        )
    });
    let width = usize::from(area.width);
    let mut taken = vec![false; width * usize::from(area.height)];
    let style = Style::new().add_modifier(Modifier::BOLD);
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
        let text = if view.labels {
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
    (fills, max): (&[Fill], u64),
    theme: &Theme,
) {
    let m = app.lang.map_strings();
    let s = app.lang.strings();
    let mono = theme.border.fg.is_none() && theme.title.fg.is_none();
    let mut lines = vec![Line::from(Span::styled(m.legend, theme.title))];
    let none = m.none[measure_index(view.measure)];
    lines.push(Line::from(vec![
        Span::styled(
            NONE_MARK.to_string(),
            mono_or(mono, Style::new().fg(Color::Indexed(131)).bg(NONE_COLOUR)),
        ),
        Span::raw(format!(" {none}")),
    ]));
    for level in 0..4 {
        if fills.iter().all(|f| *f != Fill::Level(level)) && level_range(level, max).is_empty() {
            continue;
        }
        let sample = if mono {
            Span::raw(SHADES[level].to_string())
        } else {
            Span::styled(" ", Style::new().bg(LEVELS[level]))
        };
        lines.push(Line::from(vec![
            sample,
            Span::raw(format!(" {}", level_range(level, max))),
        ]));
    }
    let f = app.lang.figure_strings();
    lines.push(Line::raw(f.computed));
    lines.push(Line::raw(""));
    if let (Some(region), Some(figures)) = (
        app.data.regions.get(view.region),
        app.region_figures(view.region),
    ) {
        lines.push(Line::from(Span::styled(
            format!("{} {}", region.code, clean(&region.name)),
            theme.selected,
        )));
        let mark = f.computed_mark;
        lines.push(Line::raw(format!(
            "{mark} {}{}{}",
            m.organisations, s.colon, figures.organisations
        )));
        let known = match figures.known_count {
            Some(n) => n.to_string(),
            None => "—".to_string(),
        };
        lines.push(Line::raw(format!(
            "{mark} {}{}{known}",
            m.people_known, s.colon
        )));
        if let Some(reason) = figures.absent_reason(app.lang) {
            lines.push(Line::styled(format!("  ({reason})"), theme.dim));
        }
        lines.push(Line::raw(format!(
            "{mark} {}{}{}",
            m.withheld_cities, s.colon, figures.withheld_cities
        )));
        for city in app.data.cities.iter().filter(|c| c.region == region.code) {
            // The one wording of a withholding: `█ s. 53, 54`.
            let value = crate::present::CityValue::of(city);
            let figure = match value {
                crate::present::CityValue::Withheld(articles) => {
                    clean(&s.withheld_marker_short(articles)).into_owned()
                }
                other => other.text(app.lang),
            };
            lines.push(Line::raw(format!(" {} {figure}", clean(&city.name))));
        }
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .render(area.inner(ratatui::layout::Margin::new(1, 0)), buf);
}

/// The note that the geography is not the letter's, and its attribution,
/// wrapped at word boundaries to `width` columns.
fn credit_lines(app: &App, geo: &Geography, width: u16) -> Vec<String> {
    let m = app.lang.map_strings();
    let text = format!(
        "{} {} {}",
        m.background,
        clean(&geo.regions_source.attribution),
        clean(&geo.cities_source.attribution)
    );
    wrap(&text, usize::from(width.max(10)))
}

/// Greedy word wrap by display width; a word longer than a line is cut.
fn wrap(text: &str, width: usize) -> Vec<String> {
    use unicode_width::UnicodeWidthStr;
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let needed = if line.is_empty() {
            word.width()
        } else {
            line.width() + 1 + word.width()
        };
        if needed > width && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&fit(word, width));
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

fn mono_or(mono: bool, style: Style) -> Style {
    if mono { Style::new() } else { style }
}
