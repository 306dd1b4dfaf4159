//! Drawing: one `render_*` per pane, the overlays, and the theme. Rendering reads
//! the app and draws; it changes only the scroll offsets and hit areas in `UiState`.

pub mod contrast;
mod layout;
mod letter_overlay;
mod map_canvas;
mod overlays;
mod panes;
mod search_overlay;
pub mod theme;
mod window;

use crate::i18n::Label;
use std::borrow::Cow;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, ListState, Paragraph, Wrap};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::app::{App, Overlay, Pane};
use crate::data::Origin;
use theme::Theme;

/// The smallest terminal the explorer draws in; below it, a message.
pub(crate) const MIN_WIDTH: u16 = 60;
pub(crate) const MIN_HEIGHT: u16 = 16;

/// The number of panes of the main screen.
const PANES: usize = Pane::ALL.len();

/// What rendering remembers between frames: where each list is scrolled to and
/// where each pane was drawn (for the mouse).
#[derive(Debug, Clone, Default)]
pub struct UiState {
    /// Each pane's list as ratatui's `List` left it: the first row on screen.
    lists: [ListState; PANES],
    /// Inner area of each pane on the last frame, for mouse clicks.
    pub areas: [Rect; PANES],
    /// First list row of each pane's inner area (some panes have a heading).
    pub list_top: [u16; PANES],
    /// The lines each row of a pane's list takes on screen, from its first
    /// row on screen: a long name is wrapped over several.
    lines: [Vec<u16>; PANES],
    /// The map's regions cell by cell, for its last size and view.
    pub map: Option<crate::data::geo::Raster>,
    /// Where the map was drawn on the last frame, for the mouse.
    pub map_area: Rect,
    /// The focused pane's selected name, whole, when its row had to cut it:
    /// the status line shows it above the hints.
    pub cut: Option<String>,
}

impl UiState {
    /// The region of the geography under a screen position of the last map drawn.
    pub fn map_hit(&self, x: u16, y: u16) -> Option<usize> {
        let area = self.map_area;
        let inside =
            x >= area.x && y >= area.y && x < area.x + area.width && y < area.y + area.height;
        inside
            .then(|| self.map.as_ref()?.region_at(x - area.x, y - area.y))
            .flatten()
    }

    /// The pane and row under a screen position, from the last frame.
    pub fn hit(&self, x: u16, y: u16) -> Option<(Pane, Option<usize>)> {
        Pane::ALL.iter().enumerate().find_map(|(i, &pane)| {
            let area = self.areas[i];
            let inside = x >= area.x
                && x < area.x + area.width
                && y >= area.y.saturating_sub(1)
                && y < area.y + area.height;
            inside.then(|| {
                let top = self.list_top[i];
                let row = (y >= top && y < area.y + area.height)
                    .then(|| self.row_at(i, usize::from(y - top)));
                (pane, row)
            })
        })
    }

    /// The row of pane `i`'s list on its `line`th line from the top: rows
    /// past the last on screen count one line each, as an empty list's do.
    fn row_at(&self, i: usize, mut line: usize) -> usize {
        let mut row = self.lists[i].offset();
        for &lines in &self.lines[i] {
            let lines = usize::from(lines);
            if line < lines {
                return row;
            }
            line -= lines;
            row += 1;
        }
        row + line
    }
}

pub(crate) fn pane_index(pane: Pane) -> usize {
    Pane::ALL.iter().position(|&p| p == pane).unwrap_or(0)
}

/// Draws the whole screen.
pub fn render(frame: &mut Frame, app: &App, ui: &mut UiState) {
    let area = frame.area();
    if area.width == 0 || area.height == 0 {
        // Nothing is drawn, so nothing can be clicked.
        ui.areas = [Rect::default(); PANES];
        return;
    }
    let theme = Theme::new(app.theme());
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        render_too_small(frame.buffer_mut(), area, app, &theme);
        ui.areas = [Rect::default(); PANES];
        return;
    }
    ui.cut = None;
    draw_screen(frame.buffer_mut(), area, app, ui, &theme, &[]);
    // A name the focused pane had to cut is shown whole above the hints, as
    // file managers show the selected file's name; the screen is drawn again
    // with the room it takes.
    if let Some(full) = ui.cut.clone()
        && matches!(app.overlay(), Overlay::None)
    {
        let most = usize::from(area.height / 4).max(1);
        let mut lines = wrap(&clean(&full), usize::from(area.width.saturating_sub(1)));
        lines.truncate(most);
        frame.buffer_mut().reset();
        draw_screen(frame.buffer_mut(), area, app, ui, &theme, &lines);
    }
}

/// The screen below the size check: the header, the panes, the status line
/// with `name` (the selected name, whole, in lines) above its hints, and the
/// overlay.
fn draw_screen(
    buf: &mut Buffer,
    area: Rect,
    app: &App,
    ui: &mut UiState,
    theme: &Theme,
    name: &[String],
) {
    let status_height = u16::try_from(name.len()).unwrap_or(0).saturating_add(1);
    let [header, body, status] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(status_height),
    ]));
    render_header(buf, header, app, theme);
    // Widths from what each column holds and from the focus.
    let widths = layout::share(body.width, layout::needs(app), layout::column(app.focus()));
    let [left, middle, right] = body.layout(&Layout::horizontal(widths.map(Constraint::Length)));
    // The headcounts whole when they fit, leaving the articles their list,
    // a rule and a line of text.
    let cities = u16::try_from(app.data().cities.len())
        .unwrap_or(u16::MAX)
        .saturating_add(3);
    let articles = u16::try_from(app.data().articles.len())
        .unwrap_or(u16::MAX)
        .saturating_add(4)
        .min(body.height / 3);
    let [top_right, bottom_right] = right.layout(&Layout::vertical([
        Constraint::Length(cities.min(body.height.saturating_sub(articles.max(5)))),
        Constraint::Min(5),
    ]));
    // The funding table under the regions, in the room their list leaves;
    // with the focus, the room its names take wrapped, the regions the rest.
    let regions = u16::try_from(app.rows(Pane::Regions))
        .unwrap_or(u16::MAX)
        .saturating_add(2);
    let regions = if app.focus() == Pane::Funding {
        // The regions keep three rows.
        let most = body.height.saturating_sub(5);
        let lines = panes::funding_lines(app, left.width.saturating_sub(2), most.into());
        let funding = u16::try_from(lines).unwrap_or(u16::MAX).saturating_add(2);
        regions.min(body.height.saturating_sub(funding.min(most)))
    } else {
        let funding = u16::try_from(app.data().funding.len())
            .unwrap_or(u16::MAX)
            .saturating_add(3);
        regions.min(body.height.saturating_sub(funding.min(6)))
    };
    let [left, bottom_left] = left.layout(&Layout::vertical([
        Constraint::Length(regions),
        Constraint::Min(0),
    ]));
    panes::render_regions(buf, left, app, ui, theme);
    panes::render_funding(buf, bottom_left, app, ui, theme);
    panes::render_organisations(buf, middle, app, ui, theme);
    panes::render_headcounts(buf, top_right, app, ui, theme);
    panes::render_articles(buf, bottom_right, app, ui, theme);
    render_status(buf, status, app, name, theme);
    match app.overlay() {
        Overlay::None => {}
        Overlay::Help(view) => overlays::render_help(buf, body, app, view, theme),
        Overlay::Letter(view) => letter_overlay::render_letter(buf, body, app, view, theme),
        Overlay::Search(sb) => search_overlay::render_search(buf, body, app, sb, theme),
        Overlay::Detail(_) => overlays::render_detail(buf, body, app, theme),
        Overlay::CopyMenu { selected, .. } => {
            overlays::render_copy_menu(buf, body, app, *selected, theme)
        }
        Overlay::CopyText { text, scroll } => {
            overlays::render_copy_text(buf, body, app, text, *scroll, theme)
        }
        Overlay::Map(view) => map_canvas::render_map(buf, body, app, view, ui, theme),
    }
}

fn render_too_small(buf: &mut Buffer, area: Rect, app: &App, theme: &Theme) {
    let text = crate::i18n::Message::new(crate::i18n::Text::TooSmall)
        .with("min", format!("{MIN_WIDTH}×{MIN_HEIGHT}"))
        .with("now", format!("{}×{}", area.width, area.height))
        .describe(app.lang());
    Paragraph::new(text)
        .style(theme.error)
        .wrap(Wrap { trim: true })
        .render_in(area, buf);
}

/// The title bar: the decision on the left, the data's origin on the right.
fn render_header(buf: &mut Buffer, area: Rect, app: &App, theme: &Theme) {
    let lang = app.lang();
    let d = &app.data().document;
    // The document's fields and the file's path come from a `--data` file.
    let left = format!(
        " {} · {} {} · {} · {}",
        d.ministry_acronym,
        lang.word(Label::Decision),
        d.reference,
        d.date,
        d.programme
    );
    let left = clean(&left);
    let word = lang.word(Label::DataWord);
    let path = match app.origin() {
        Origin::Embedded => format!(
            "{word}{}assets/pap.json ({}) ",
            lang.word(Label::Colon),
            lang.word(Label::EmbeddedWord)
        ),
        // `<stdin>` for standard input, as messages name it.
        Origin::File(_) => format!(
            "{word}{}{} ",
            lang.word(Label::Colon),
            clean(&app.origin().to_string())
        ),
    };
    let width = area.width as usize;
    let left = fit(&left, width);
    let room = width.saturating_sub(left.width() + 2);
    let right = fit_start(&path, room);
    let pad = width.saturating_sub(left.width() + right.width());
    let line = Line::from(vec![
        Span::styled(left, theme.header),
        Span::raw(" ".repeat(pad)),
        Span::styled(right, theme.dim),
    ]);
    buf.set_line(area.x, area.y, &line, area.width);
}

fn render_status(buf: &mut Buffer, area: Rect, app: &App, name: &[String], theme: &Theme) {
    for (y, line) in (area.y..).zip(name) {
        let line = Line::from(Span::styled(format!(" {line}"), theme.title));
        buf.set_line(area.x, y, &line, area.width);
    }
    let area = Rect {
        y: area.bottom().saturating_sub(1),
        height: 1,
        ..area
    };
    if let Some(status) = app.status() {
        let style = if status.error { theme.error } else { theme.ok };
        let line = Line::from(Span::styled(
            fit(&clean(&status.text), area.width as usize),
            style,
        ));
        buf.set_line(area.x, area.y, &line, area.width);
        return;
    }
    render_hints(buf, area, &app.hints(), theme);
}

/// The hints, in rank order, each whole or not at all: one cut in the middle
/// of a word helps nobody. A hint too long for the room left gives way to the
/// shorter ones after it.
fn render_hints(buf: &mut Buffer, area: Rect, hints: &[crate::app::Hint], theme: &Theme) {
    let mut spans = Vec::new();
    let mut used = 0;
    for hint in hints {
        let key = format!(" {}", hint.keys);
        let what = format!(" {} ", hint.what);
        let width = key.width() + what.width();
        if used + width > area.width as usize {
            continue;
        }
        used += width;
        spans.push(Span::styled(key, theme.key));
        spans.push(Span::styled(what, theme.dim));
    }
    buf.set_line(area.x, area.y, &Line::from(spans), area.width);
}

/// A bordered block with a title, focused or not.
pub(crate) fn pane_block<'a>(title: String, focused: bool, theme: &Theme) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(if focused {
            theme.border_focused
        } else {
            theme.border
        })
        .title(Span::styled(
            format!(" {} ", clean(&title)),
            if focused { theme.title } else { theme.text },
        ))
}

/// A centred popup area inside `area`, cleared.
pub(crate) fn popup(buf: &mut Buffer, area: Rect, width_pct: u16, height_pct: u16) -> Rect {
    let w = (area.width * width_pct / 100).max(area.width.min(40));
    let h = (area.height * height_pct / 100).max(area.height.min(10));
    let rect = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    };
    ratatui::widgets::Widget::render(Clear, rect, buf);
    rect
}

/// Text from the data made safe for one line of the screen: borrowed as it is
/// when it is safe already, as nearly all of it is, so that a frame copies none.
pub(crate) fn clean(text: &str) -> Cow<'_, str> {
    crate::base::escape::screen_line(text)
}

/// Cuts `text` to `width` display columns, ending with `…` when cut.
pub(crate) fn fit(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// An overlay's title after the path of places that led to it, as k9s shows
/// its breadcrumbs (`Lanaudière › SAFIMA › letter l. 197`), within `width`
/// columns. The path is cut from its left; a long title leaves it a quarter
/// of the width at least, and is cut from its right.
pub(crate) fn path_title(app: &App, title: &str, width: usize) -> String {
    const SEPARATOR: &str = " › ";
    let path = app.breadcrumbs().join(SEPARATOR);
    let usable = width.saturating_sub(SEPARATOR.width());
    if path.is_empty() || usable < 8 {
        return fit(title, width);
    }
    let room = usable
        .saturating_sub(title.width())
        .max(usable / 4)
        .min(path.width());
    let path = fit_start(&path, room);
    let title = fit(title, usable - path.width());
    format!("{path}{SEPARATOR}{title}")
}

/// Breaks `text` into lines of at most `width` display columns, at spaces when
/// it can, inside a word when a word is longer than a line.
pub(crate) fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    for word in text.split(' ') {
        let w = word.width();
        let gap = usize::from(!line.is_empty());
        if used + gap + w <= width {
            if gap == 1 {
                line.push(' ');
            }
            line.push_str(word);
            used += gap + w;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
            used = 0;
        }
        for c in word.chars() {
            let cw = c.width().unwrap_or(0);
            if used + cw > width && !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            line.push(c);
            used += cw;
        }
    }
    lines.push(line);
    lines
}

/// Keeps the end of `text` within `width` columns, starting with `…` when cut.
fn fit_start(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut kept: Vec<char> = Vec::new();
    let mut used = 0;
    for c in text.chars().rev() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        kept.push(c);
        used += w;
    }
    kept.push('…');
    kept.iter().rev().collect()
}

/// Pads `text` with spaces to `width` display columns (cutting it if longer).
pub(crate) fn pad(text: &str, width: usize) -> String {
    let fitted = fit(text, width);
    let room = width.saturating_sub(fitted.width());
    format!("{fitted}{}", " ".repeat(room))
}

/// Draws `line` over a whole row, filling the rest with the line's style.
pub(crate) fn row(buf: &mut Buffer, area: Rect, y: u16, line: Line, style: Style) {
    if y >= area.y + area.height {
        return;
    }
    buf.set_style(Rect::new(area.x, y, area.width, 1), style);
    buf.set_line(area.x, y, &line, area.width);
}

trait RenderIn {
    fn render_in(self, area: Rect, buf: &mut Buffer);
}

impl<W: ratatui::widgets::Widget> RenderIn for W {
    fn render_in(self, area: Rect, buf: &mut Buffer) {
        self.render(area, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fitting_by_display_width() {
        assert_eq!(fit("Montréal", 8), "Montréal");
        assert_eq!(fit("Montréal", 5), "Mont…");
        assert_eq!(fit("漢字漢字", 5), "漢字…");
        assert_eq!(fit("abc", 0), "");
        assert_eq!(fit_start("/a/long/path.json", 8), "…th.json");
        assert_eq!(pad("ab", 4), "ab  ");
    }

    #[test]
    fn wrapping_by_display_width() {
        assert_eq!(
            wrap("la lettre précise que", 10),
            ["la lettre", "précise", "que"]
        );
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap("漢字漢字", 5), ["漢字", "漢字"]);
        assert_eq!(wrap("", 5), [""]);
        for line in wrap(&"mot ".repeat(50), 7) {
            assert!(line.width() <= 7, "{line:?}");
        }
    }

    /// Every mode and pane, at 80 and 120 columns, in both languages: each
    /// hint is on the status bar whole or not at all, and the first three,
    /// the ones a newcomer needs, are always there.
    #[test]
    fn status_hints_fit_whole_in_both_languages_at_80_and_120() {
        use crate::app::hints::{every_context, hints};
        use crate::i18n::Lang;
        let table = crate::keys::table::bindings();
        let theme = Theme::new(theme::ThemeName::Dark);
        for context in every_context() {
            for lang in [Lang::En, Lang::Fr] {
                let said = hints(&table, context, lang);
                for width in [80u16, 120] {
                    let area = Rect::new(0, 0, width, 1);
                    let mut buf = Buffer::empty(area);
                    render_hints(&mut buf, area, &said, &theme);
                    let line: String = (0..width).map(|x| buf[(x, 0)].symbol()).collect();
                    let mut rest = line.clone();
                    let mut shown = Vec::new();
                    for (n, hint) in said.iter().enumerate() {
                        let whole = format!(" {} {} ", hint.keys, hint.what);
                        if let Some(at) = rest.find(&whole) {
                            rest.replace_range(at..at + whole.len(), "");
                            shown.push(n);
                        }
                    }
                    let why = format!("{context:?} {lang:?} {width}: {line:?}");
                    assert!(rest.trim().is_empty(), "a hint cut: {rest:?} in {why}");
                    let first = said.len().min(3);
                    assert_eq!(
                        shown[..first.min(shown.len())],
                        (0..first).collect::<Vec<_>>()[..],
                        "{why}"
                    );
                    assert!(shown.len() >= first, "{why}");
                }
            }
        }
    }

    /// Region codes and withheld article numbers come from the file too: a bidi
    /// override in one reaches the screen as an escape, never as itself.
    #[test]
    fn codes_and_article_numbers_are_made_safe() {
        use crate::app::App;
        use crate::i18n::Lang;
        use ratatui::Terminal;
        use ratatui::backend::TestBackend;

        let mut data = crate::data::load(None).expect("embedded").dataset;
        data.regions[0].code.push('\u{202E}');
        for w in data.cities.iter_mut().filter_map(|c| c.withheld.as_mut()) {
            w.articles[0].push('\u{202E}');
        }
        let app = App::new(data, Origin::Embedded, Lang::En);
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
        let mut ui = UiState::default();
        terminal
            .draw(|frame| render(frame, &app, &mut ui))
            .expect("draw");
        let screen: String = terminal
            .backend()
            .buffer()
            .content
            .iter()
            .map(|cell| cell.symbol())
            .collect();
        assert!(!screen.contains('\u{202E}'));
        assert!(screen.contains("\\u{202E}"), "the escape is shown");
    }
}
