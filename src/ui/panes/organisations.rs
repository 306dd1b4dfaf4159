//! The organisations pane: the selected region's organisations, or the
//! starred entries of every kind. Names are what is read most here: a long
//! one wraps over several lines rather than end in `…`.

use crate::i18n::Label;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{ListItem, Paragraph, Widget, Wrap};
use unicode_width::UnicodeWidthStr;

use super::super::theme::Theme;
use super::super::window::Window;
use super::super::{UiState, clean, fit};
use super::{frame_pane, name_lines, note_cut, render_list, row_style, star_mark, wrapped};
use crate::app::{App, Pane};
use crate::data::Organisation;
use crate::present::Target;

/// Below this width a name is not wrapped: its lines would be mostly cuts.
const WRAP_FROM: usize = 16;

/// The most lines one name takes in a list `height` lines high: a third of
/// it, so that a few names stay in view around the selection.
fn most_lines(width: usize, height: u16) -> usize {
    if width < WRAP_FROM {
        1
    } else {
        usize::from(height / 3).max(1)
    }
}

pub fn render_organisations(
    buf: &mut Buffer,
    area: Rect,
    app: &App,
    ui: &mut UiState,
    theme: &Theme,
) {
    if app.starred_view() {
        return render_starred(buf, area, app, ui, theme);
    }
    let title = title(app, usize::from(area.width.saturating_sub(3)));
    let inner = frame_pane(buf, area, Pane::Organisations, title, app, ui, theme);
    if app.panes().organisations().is_empty() {
        return render_no_organisation(buf, inner, app, theme);
    }
    let width = inner.width as usize;
    let most = most_lines(width, inner.height);
    if let Some(&i) = app
        .panes()
        .organisations()
        .get(app.selected(Pane::Organisations))
    {
        let o = &app.data().organisations[i];
        let (name, marker) = organisation_name(app, o);
        if wrapped(&name, width, most).1 {
            note_cut(app, ui, Pane::Organisations, &format!("{name}{marker}"), 0);
        }
    }
    let window = Window::around(
        app.selected(Pane::Organisations),
        app.panes().organisations().len(),
        inner.height,
    );
    let items = window.rows().map(|r| {
        let o = &app.data().organisations[app.panes().organisations()[r]];
        organisation_item(
            app,
            o,
            r == app.selected(Pane::Organisations),
            (width, most),
            theme,
        )
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

/// `2 Organisations — Lanaudière (4)` within `room` columns: the region's
/// name gives way first, the count stays.
fn title(app: &App, room: usize) -> String {
    let lang = app.lang();
    let place = app
        .region_code()
        .and_then(|c| app.data().region(c))
        .map_or(lang.word(Label::AllRegions).to_string(), |r| {
            clean(&r.name).into_owned()
        });
    let count = app.panes().organisations().len();
    let whole = format!(
        "2 {} — {place} ({count})",
        lang.word(Label::PaneOrganisations)
    );
    if whole.width() <= room {
        return whole;
    }
    let bare = format!("2 {} ({count})", lang.word(Label::PaneOrganisations));
    let place_room = room.saturating_sub(bare.width() + 3);
    // A place cut to a few letters says nothing: the count alone then, and
    // in a narrow pane the count before the word.
    if place_room < 6 {
        let word_room = room.saturating_sub(format!("2  ({count})").width());
        return match word_room {
            _ if bare.width() <= room => bare,
            0..5 => format!("2 ({count})"),
            _ => format!(
                "2 {} ({count})",
                fit(lang.word(Label::PaneOrganisations), word_room)
            ),
        };
    }
    format!(
        "2 {} — {} ({count})",
        lang.word(Label::PaneOrganisations),
        fit(&place, place_room)
    )
}

/// An organisation's name, wrapped in `width` columns over `most` lines at
/// most, and how many regions it serves when more than one.
fn organisation_item<'a>(
    app: &App,
    o: &Organisation,
    selected: bool,
    (width, most): (usize, usize),
    theme: &Theme,
) -> ListItem<'a> {
    let style = row_style(app, Pane::Organisations, selected, theme.text, theme);
    let (name, mut marker) = organisation_name(app, o);
    // On a single line the name comes first: the region count only when it
    // leaves the name at least half the row.
    if most <= 1 && marker.width() * 2 > width {
        marker.clear();
    }
    let marker_style = if selected { style } else { theme.dim };
    let lines: Vec<Line> = name_lines(&name, &marker, width, most)
        .0
        .into_iter()
        .map(|(name, marker)| {
            Line::from(vec![
                Span::styled(name, style),
                Span::styled(marker, marker_style),
            ])
        })
        .collect();
    ListItem::new(lines).style(style)
}

/// An organisation's row in two parts: its name (starred or not), and how
/// many regions it serves when more than one.
fn organisation_name(app: &App, o: &Organisation) -> (String, String) {
    let lang = app.lang();
    let marker = if o.regions.len() > 1 {
        format!(" ·{} {}", o.regions.len(), lang.word(Label::RegionsWord))
    } else {
        String::new()
    };
    let star = star_mark(app, &Target::Organisation(o.id.clone()));
    (format!("{star}{}", clean(&o.display_name())), marker)
}

/// A region without organisations: says so, and lists the region's cities.
fn render_no_organisation(buf: &mut Buffer, inner: Rect, app: &App, theme: &Theme) {
    let lang = app.lang();
    let mut text = vec![Line::styled(lang.word(Label::NoOrganisation), theme.dim)];
    if let Some(code) = app.region_code() {
        for c in app.data().cities_in(code) {
            let value = crate::present::detail::headcount_text(c, app.lang());
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
    let lang = app.lang();
    let title = format!(
        "2 ★ {} ({})",
        lang.word(Label::Starred),
        app.starred().len()
    );
    let inner = frame_pane(buf, area, Pane::Organisations, title, app, ui, theme);
    if app.starred().is_empty() {
        Paragraph::new(Line::styled(lang.word(Label::NoStars), theme.dim))
            .wrap(Wrap { trim: true })
            .render(inner, buf);
        return;
    }
    let width = inner.width as usize;
    let most = most_lines(width, inner.height);
    if let Some(star) = app.starred().get(app.selected(Pane::Organisations)) {
        let title = clean(&star.title);
        if wrapped(&title, width, most).1 {
            note_cut(app, ui, Pane::Organisations, &title, 0);
        }
    }
    let window = Window::around(
        app.selected(Pane::Organisations),
        app.starred().len(),
        inner.height,
    );
    let items = window.rows().map(|r| {
        let star = &app.starred()[r];
        let selected = r == app.selected(Pane::Organisations);
        let style = row_style(app, Pane::Organisations, selected, theme.text, theme);
        // The title alone: a region, a city and an article read as what they
        // are, and the detail says the kind.
        let (lines, _) = wrapped(&clean(&star.title), width, most);
        let lines: Vec<Line> = lines
            .into_iter()
            .map(|l| Line::from(Span::styled(l, style)))
            .collect();
        ListItem::new(lines).style(style)
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
