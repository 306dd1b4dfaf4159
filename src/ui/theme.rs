//! Colours and styles. The selection is always reversed and bold, so it stays
//! visible without colour; the mono theme sets no colour at all, because under
//! `NO_COLOR` crossterm turns a colour change into an attribute reset.

use ratatui::style::{Color, Modifier, Style};

/// A setting, so it is defined with the others; named here too, where themes are.
pub use crate::store::config::ThemeName;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub text: Style,
    pub dim: Style,
    pub title: Style,
    pub border: Style,
    pub border_focused: Style,
    pub selected: Style,
    /// The selection of a pane that does not have the focus.
    pub selected_unfocused: Style,
    /// Matched letters of a search hit.
    pub matched: Style,
    /// Rows that belong to the selected region.
    pub related: Style,
    pub redaction: Style,
    /// The legal basis of a withholding, the key fact: never dimmed.
    pub legal_basis: Style,
    pub bar: Style,
    pub header: Style,
    pub error: Style,
    pub ok: Style,
    pub key: Style,
    /// A city's mark and name on the map: a colour pair of its own, so that it
    /// reads over any region's fill.
    pub map_label: Style,
}

#[cfg(test)]
/// What a style draws, and so the contrast it needs (WCAG 2.x): 4.5:1 for
/// text, 3:1 for a border, a graphical object.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    Text,
    Border,
}

impl Theme {
    pub(crate) fn new(name: ThemeName) -> Theme {
        let reverse = Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD);
        let bold = Style::new().add_modifier(Modifier::BOLD);
        match name {
            ThemeName::Mono => Theme {
                text: Style::new(),
                dim: Style::new().add_modifier(Modifier::DIM),
                title: bold,
                border: Style::new(),
                border_focused: bold,
                selected: reverse,
                selected_unfocused: Style::new().add_modifier(Modifier::UNDERLINED),
                matched: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
                related: bold,
                // No colour, so weight: never dim, the key fact.
                redaction: bold,
                legal_basis: bold,
                bar: Style::new(),
                header: bold,
                error: bold,
                ok: bold,
                key: bold,
                map_label: bold,
            },
            ThemeName::Dark | ThemeName::Light => {
                let dark = name == ThemeName::Dark;
                let accent = if dark { Color::Cyan } else { Color::Blue };
                // Secondary text and borders: grey 8 on black (5.2:1), grey
                // 241 on white (6.1:1); docs/accessibility.md has every ratio.
                let dim = if dark {
                    Color::DarkGray
                } else {
                    Color::Indexed(241)
                };
                let green = if dark {
                    Color::LightGreen
                } else {
                    Color::Indexed(28)
                };
                Theme {
                    text: Style::new(),
                    dim: Style::new().fg(dim),
                    title: bold.fg(accent),
                    border: Style::new().fg(dim),
                    border_focused: bold.fg(accent),
                    selected: reverse.fg(accent),
                    selected_unfocused: Style::new().add_modifier(Modifier::UNDERLINED),
                    matched: Style::new()
                        .fg(if dark { Color::Yellow } else { Color::Magenta })
                        .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
                    related: bold.fg(green),
                    redaction: Style::new().fg(if dark { Color::Gray } else { Color::Black }),
                    // The strongest colour on the theme's background, never the
                    // terminal's default, whose contrast nobody can measure:
                    // docs/accessibility.md gives the ratios.
                    legal_basis: Style::new().fg(if dark { Color::White } else { Color::Black }),
                    bar: Style::new().fg(accent),
                    header: bold.fg(accent),
                    error: bold.fg(if dark { Color::LightRed } else { Color::Red }),
                    ok: bold.fg(green),
                    key: bold.fg(accent),
                    map_label: if dark {
                        bold.fg(Color::White).bg(Color::Black)
                    } else {
                        bold.fg(Color::Black).bg(Color::White)
                    },
                }
            }
        }
    }
}

impl Theme {
    #[cfg(test)]
    /// Every style with its name and what it draws. Destructured, so that a
    /// style added to the theme is added here, and its contrast tested.
    pub(crate) fn styles(&self) -> [(&'static str, Style, Role); 17] {
        let Theme {
            text,
            dim,
            title,
            border,
            border_focused,
            selected,
            selected_unfocused,
            matched,
            related,
            redaction,
            legal_basis,
            bar,
            header,
            error,
            ok,
            key,
            map_label,
        } = *self;
        [
            ("text", text, Role::Text),
            ("dim", dim, Role::Text),
            ("title", title, Role::Text),
            ("border", border, Role::Border),
            ("border_focused", border_focused, Role::Border),
            ("selected", selected, Role::Text),
            ("selected_unfocused", selected_unfocused, Role::Text),
            ("matched", matched, Role::Text),
            ("related", related, Role::Text),
            ("redaction", redaction, Role::Text),
            ("legal_basis", legal_basis, Role::Text),
            ("bar", bar, Role::Text),
            ("header", header, Role::Text),
            ("error", error, Role::Text),
            ("ok", ok, Role::Text),
            ("key", key, Role::Text),
            ("map_label", map_label, Role::Text),
        ]
    }
}

/// The theme to use: `NO_COLOR` (set and not empty) forces mono.
pub(crate) fn effective(name: ThemeName, no_color: Option<&str>) -> ThemeName {
    match no_color {
        Some(v) if !v.is_empty() => ThemeName::Mono,
        _ => name,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The contrast of two colours under xterm's palette; both are named.
    fn contrast(a: Color, b: Color) -> f64 {
        super::super::contrast::contrast(a, b).expect("colours of xterm's palette")
    }

    /// The colours a theme assumes of the terminal: its default text and
    /// background (docs/accessibility.md).
    fn ground(name: ThemeName) -> (Color, Color) {
        match name {
            ThemeName::Light => (Color::Black, Color::White),
            _ => (Color::Gray, Color::Black),
        }
    }

    /// The colours a style is drawn in, the terminal's defaults where it
    /// names none, swapped when it is reversed.
    fn drawn(style: Style, name: ThemeName) -> (Color, Color) {
        let (fg, bg) = ground(name);
        let pair = (style.fg.unwrap_or(fg), style.bg.unwrap_or(bg));
        if style.add_modifier.contains(Modifier::REVERSED) {
            (pair.1, pair.0)
        } else {
            pair
        }
    }

    /// Every style of the dark and light themes reads on its background:
    /// 4.5:1 for text, 3:1 for borders (WCAG 2.x AA), under xterm's palette.
    #[test]
    fn every_style_of_every_theme_meets_wcag_aa() {
        let mut failures = Vec::new();
        for name in [ThemeName::Dark, ThemeName::Light] {
            for (what, style, role) in Theme::new(name).styles() {
                let (fg, bg) = drawn(style, name);
                let ratio = contrast(fg, bg);
                let needed = match role {
                    Role::Text => 4.5,
                    Role::Border => 3.0,
                };
                if ratio < needed {
                    failures.push(format!("{name:?} {what}: {ratio:.2}:1 < {needed}:1"));
                }
            }
        }
        assert!(failures.is_empty(), "{failures:#?}");
        // The values docs/accessibility.md gives for secondary text.
        let dim = |name| {
            let (fg, bg) = drawn(Theme::new(name).dim, name);
            format!("{:.1}", contrast(fg, bg))
        };
        assert_eq!(dim(ThemeName::Dark), "5.2");
        assert_eq!(dim(ThemeName::Light), "6.1");
    }

    /// The legal basis of a withholding and its redaction mark are readable:
    /// at least WCAG AA (4.5:1) against the theme's background, taken as
    /// xterm's black (0) for the dark theme and bright white (15) for the
    /// light one. The ratios are written in docs/accessibility.md.
    #[test]
    fn the_legal_basis_and_the_redaction_meet_wcag_aa() {
        for (name, background) in [
            (ThemeName::Dark, Color::Black),
            (ThemeName::Light, Color::White),
        ] {
            let t = Theme::new(name);
            for (what, style) in [
                ("legal basis", t.legal_basis),
                ("redaction", t.redaction),
                ("headcount totals", t.title),
            ] {
                let fg = style.fg.expect("a colour of its own, not the terminal's");
                let ratio = contrast(fg, background);
                assert!(ratio >= 4.5, "{name:?} {what}: {ratio:.2}:1");
            }
        }
        // The documented values.
        let ratio = |name, bg| contrast(Theme::new(name).legal_basis.fg.expect("fg"), bg);
        assert_eq!(
            format!("{:.1}", ratio(ThemeName::Dark, Color::Black)),
            "21.0"
        );
        assert_eq!(
            format!("{:.1}", ratio(ThemeName::Light, Color::White)),
            "21.0"
        );
        let redaction = |name, bg| contrast(Theme::new(name).redaction.fg.expect("fg"), bg);
        assert_eq!(
            format!("{:.1}", redaction(ThemeName::Dark, Color::Black)),
            "16.7"
        );
        assert_eq!(
            format!("{:.1}", redaction(ThemeName::Light, Color::White)),
            "21.0"
        );
        // Sanity of the formula: WCAG's own extremes and a known grey.
        assert_eq!(
            format!("{:.1}", contrast(Color::Black, Color::White)),
            "21.0"
        );
        assert_eq!(
            format!("{:.2}", contrast(Color::DarkGray, Color::Black)),
            "5.24"
        );
    }

    /// Without colour, the legal basis and the redaction stand out by weight,
    /// never by dimming.
    #[test]
    fn mono_marks_the_withholding_with_weight_not_dimness() {
        let t = Theme::new(ThemeName::Mono);
        for style in [t.legal_basis, t.redaction] {
            assert_eq!((style.fg, style.bg), (None, None));
            assert!(!style.add_modifier.contains(Modifier::DIM));
            assert!(
                style
                    .add_modifier
                    .intersects(Modifier::BOLD | Modifier::REVERSED)
            );
        }
    }

    #[test]
    fn mono_sets_no_colour_and_keeps_the_selection_visible() {
        let t = Theme::new(ThemeName::Mono);
        for style in [
            t.text,
            t.dim,
            t.selected,
            t.matched,
            t.redaction,
            t.error,
            t.header,
            t.map_label,
        ] {
            assert_eq!((style.fg, style.bg), (None, None));
        }
        assert!(t.selected.add_modifier.contains(Modifier::REVERSED));
        assert_eq!(effective(ThemeName::Dark, Some("1")), ThemeName::Mono);
        assert_eq!(effective(ThemeName::Light, Some("")), ThemeName::Light);
        assert_eq!(effective(ThemeName::Light, None), ThemeName::Light);
    }
}
