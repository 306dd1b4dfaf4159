//! Colours and styles. The selection is always reversed and bold, so it stays
//! visible without colour; the mono theme sets no colour at all, because under
//! `NO_COLOR` crossterm turns a colour change into an attribute reset.

use ratatui::style::{Color, Modifier, Style};

/// A setting, so it is defined with the others; named here too, where themes are.
pub use crate::config::ThemeName;

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
}

impl Theme {
    pub fn new(name: ThemeName) -> Theme {
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
            },
            ThemeName::Dark | ThemeName::Light => {
                let dark = name == ThemeName::Dark;
                let accent = if dark { Color::Cyan } else { Color::Blue };
                let dim = if dark { Color::DarkGray } else { Color::Gray };
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
                    related: bold.fg(if dark {
                        Color::LightGreen
                    } else {
                        Color::Green
                    }),
                    redaction: Style::new().fg(if dark { Color::Gray } else { Color::Black }),
                    // The strongest colour on the theme's background, never the
                    // terminal's default, whose contrast nobody can measure:
                    // docs/accessibility.md gives the ratios.
                    legal_basis: Style::new().fg(if dark { Color::White } else { Color::Black }),
                    bar: Style::new().fg(accent),
                    header: bold.fg(accent),
                    error: bold.fg(Color::Red),
                    ok: bold.fg(Color::Green),
                    key: bold.fg(accent),
                }
            }
        }
    }
}

/// The theme to use: `NO_COLOR` (set and not empty) forces mono.
pub fn effective(name: ThemeName, no_color: Option<&str>) -> ThemeName {
    match no_color {
        Some(v) if !v.is_empty() => ThemeName::Mono,
        _ => name,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A colour as xterm's default palette draws it. The themes name the 16
    /// ANSI colours, which each terminal may redefine: the standard xterm
    /// values are the assumption the measured ratios rest on.
    fn xterm_rgb(color: Color) -> (u8, u8, u8) {
        const PALETTE: [(u8, u8, u8); 16] = [
            (0x00, 0x00, 0x00),
            (0xcd, 0x00, 0x00),
            (0x00, 0xcd, 0x00),
            (0xcd, 0xcd, 0x00),
            (0x00, 0x00, 0xee),
            (0xcd, 0x00, 0xcd),
            (0x00, 0xcd, 0xcd),
            (0xe5, 0xe5, 0xe5),
            (0x7f, 0x7f, 0x7f),
            (0xff, 0x00, 0x00),
            (0x00, 0xff, 0x00),
            (0xff, 0xff, 0x00),
            (0x5c, 0x5c, 0xff),
            (0xff, 0x00, 0xff),
            (0x00, 0xff, 0xff),
            (0xff, 0xff, 0xff),
        ];
        let index = match color {
            Color::Black => 0,
            Color::Red => 1,
            Color::Green => 2,
            Color::Yellow => 3,
            Color::Blue => 4,
            Color::Magenta => 5,
            Color::Cyan => 6,
            Color::Gray => 7,
            Color::DarkGray => 8,
            Color::LightRed => 9,
            Color::LightGreen => 10,
            Color::LightYellow => 11,
            Color::LightBlue => 12,
            Color::LightMagenta => 13,
            Color::LightCyan => 14,
            Color::White => 15,
            Color::Rgb(r, g, b) => return (r, g, b),
            Color::Indexed(n) if n < 16 => usize::from(n),
            other => panic!("no xterm value assumed for {other:?}"),
        };
        PALETTE[index]
    }

    /// WCAG 2.x relative luminance of an sRGB colour.
    fn luminance((r, g, b): (u8, u8, u8)) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    }

    /// WCAG 2.x contrast ratio, from 1 to 21.
    fn contrast(a: Color, b: Color) -> f64 {
        let (la, lb) = (luminance(xterm_rgb(a)), luminance(xterm_rgb(b)));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
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
        ] {
            assert_eq!((style.fg, style.bg), (None, None));
        }
        assert!(t.selected.add_modifier.contains(Modifier::REVERSED));
        assert_eq!(effective(ThemeName::Dark, Some("1")), ThemeName::Mono);
        assert_eq!(effective(ThemeName::Light, Some("")), ThemeName::Light);
        assert_eq!(effective(ThemeName::Light, None), ThemeName::Light);
    }
}
