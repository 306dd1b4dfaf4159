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
                redaction: Style::new(),
                legal_basis: Style::new(),
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
                    // The terminal's own text colour: readable on its background.
                    legal_basis: Style::new(),
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
