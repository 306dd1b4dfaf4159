//! The WCAG 2.x contrast of two terminal colours, as xterm's default 256-colour
//! palette draws them: the assumption `docs/accessibility.md` states, shared by
//! the theme's tests and the map's screen tests.

use ratatui::style::Color;

/// xterm's 16 ANSI colours, which every terminal may redefine.
const ANSI: [(u8, u8, u8); 16] = [
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

/// The steps of the 6×6×6 colour cube (16–231).
const CUBE: [u8; 6] = [0x00, 0x5f, 0x87, 0xaf, 0xd7, 0xff];

/// The sRGB value of a colour in xterm's default palette; `None` for
/// `Reset`, the terminal's own colour, which nobody can measure.
pub(crate) fn xterm_rgb(color: Color) -> Option<(u8, u8, u8)> {
    let index = match color {
        Color::Reset => return None,
        Color::Rgb(r, g, b) => return Some((r, g, b)),
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
        Color::Indexed(n) => n,
    };
    Some(match index {
        0..=15 => ANSI[usize::from(index)],
        16..=231 => {
            let n = index - 16;
            let step = |v: u8| CUBE[usize::from(v)];
            (step(n / 36), step((n / 6) % 6), step(n % 6))
        }
        _ => {
            let grey = 8 + 10 * (index - 232);
            (grey, grey, grey)
        }
    })
}

/// WCAG 2.x relative luminance of an sRGB colour.
pub(crate) fn luminance((r, g, b): (u8, u8, u8)) -> f64 {
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

/// WCAG 2.x contrast ratio of two colours, from 1 to 21; `None` when either
/// is the terminal's own.
pub fn contrast(a: Color, b: Color) -> Option<f64> {
    let (la, lb) = (luminance(xterm_rgb(a)?), luminance(xterm_rgb(b)?));
    Some((la.max(lb) + 0.05) / (la.min(lb) + 0.05))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_palette_and_the_formula_give_known_values() {
        assert_eq!(xterm_rgb(Color::Indexed(16)), Some((0, 0, 0)));
        assert_eq!(xterm_rgb(Color::Indexed(38)), Some((0x00, 0xaf, 0xd7)));
        assert_eq!(xterm_rgb(Color::Indexed(52)), Some((0x5f, 0x00, 0x00)));
        assert_eq!(xterm_rgb(Color::Indexed(231)), Some((0xff, 0xff, 0xff)));
        assert_eq!(xterm_rgb(Color::Indexed(232)), Some((8, 8, 8)));
        assert_eq!(xterm_rgb(Color::Indexed(255)), Some((0xee, 0xee, 0xee)));
        assert_eq!(xterm_rgb(Color::Reset), None);
        let ratio = |a, b| format!("{:.2}", contrast(a, b).expect("colours"));
        // WCAG's extremes, and the light theme's old grey on white.
        assert_eq!(ratio(Color::Black, Color::White), "21.00");
        assert_eq!(ratio(Color::DarkGray, Color::Black), "5.24");
        assert_eq!(ratio(Color::Gray, Color::White), "1.26");
        // Symmetric.
        assert_eq!(
            contrast(Color::Indexed(38), Color::Black),
            contrast(Color::Black, Color::Indexed(38))
        );
    }
}
