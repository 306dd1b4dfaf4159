//! Makes text from a dataset safe to show: control characters, bidi controls and
//! invisible separators are replaced by visible escapes before anything reaches a
//! terminal, a pipe or the clipboard, because a `--data` file may be hostile.

use std::borrow::Cow;
use std::fmt::Write;

/// Characters that must never be written as they are: C0 and C1 controls, DEL,
/// the bidirectional embeddings, overrides and isolates that can reorder a line,
/// and the characters that reorder or break it unseen: the line and paragraph
/// separators (U+2028 breaks a line in some terminals and not in ratatui's
/// count, so pane borders move), the directional marks (LRM, RLM, ALM), the
/// zero-width space, the word joiner and invisible operators, the deprecated
/// format controls, the byte order mark and the interlinear annotation marks.
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{202A}'..='\u{202E}'
                | '\u{2066}'..='\u{2069}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{200B}'
                | '\u{200E}'
                | '\u{200F}'
                | '\u{061C}'
                | '\u{2060}'..='\u{2064}'
                | '\u{206A}'..='\u{206F}'
                | '\u{FEFF}'
                | '\u{FFF9}'..='\u{FFFB}'
        )
}

/// Pasted text as one line for a prompt: whitespace (line breaks included)
/// becomes a space, unsafe characters are dropped, and no more than `max`
/// characters are looked at.
pub(crate) fn pasted_line(text: &str, max: usize) -> String {
    text.chars()
        .take(max)
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .filter(|c| !is_unsafe(*c))
        .collect()
}

fn escape_into(out: &mut String, c: char) {
    let code = c as u32;
    if code <= 0xFF {
        let _ = write!(out, "\\x{code:02X}");
    } else {
        let _ = write!(out, "\\u{{{code:X}}}");
    }
}

/// Characters that must not reach the screen: the unsafe ones, and the zero-width
/// joiner, which terminals and ratatui count differently (ratatui measures an
/// emoji ZWJ sequence as one glyph, most terminals draw each emoji of it), so a
/// name holding one would shift every border right of it.
pub(crate) fn is_unsafe_on_screen(c: char) -> bool {
    is_unsafe(c) || c == '\u{200D}'
}

/// Escapes the characters `unsafe_char` picks; keeps line feeds when asked.
fn escaped(text: &str, unsafe_char: fn(char) -> bool, keep_lines: bool) -> Cow<'_, str> {
    let kept = |c: char| keep_lines && c == '\n';
    if !text.chars().any(|c| !kept(c) && unsafe_char(c)) {
        return Cow::Borrowed(text);
    }
    let joined;
    let text = if keep_lines {
        joined = text.replace("\r\n", "\n");
        joined.as_str()
    } else {
        text
    };
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            c if kept(c) => out.push(c),
            '\t' => out.push(' '),
            c if unsafe_char(c) => escape_into(&mut out, c),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// One line of text: every unsafe character, newlines included, becomes an escape
/// such as `\x1B`, except that a tab becomes a space.
pub fn line(text: &str) -> Cow<'_, str> {
    escaped(text, is_unsafe, false)
}

/// A block of text: like [`line`], but line feeds are kept (and `\r\n` becomes `\n`).
pub(crate) fn block(text: &str) -> Cow<'_, str> {
    escaped(text, is_unsafe, true)
}

/// One line for the screen: like [`line`], and the zero-width joiner escaped too.
pub(crate) fn screen_line(text: &str) -> Cow<'_, str> {
    escaped(text, is_unsafe_on_screen, false)
}

/// A block for the screen: like [`block`], and the zero-width joiner escaped too.
pub(crate) fn screen_block(text: &str) -> Cow<'_, str> {
    escaped(text, is_unsafe_on_screen, true)
}

/// `text` as Markdown that renders as the text it is, so that a value from a
/// `--data` file never becomes a link, an image, HTML, a heading, a list or a
/// code block: a backslash before each character Markdown reads as markup
/// anywhere (`\\`, `|`, `*`, `_`, `` ` ``, `~`, brackets, `<`, `>`, `&`), and
/// before what starts a block at the start of a line (`#`, `-`, `+`, `=`, the
/// `.` or `)` after a number); the spaces that start a line are dropped. A line
/// ends at `\n` or `\r`. A renderer that links bare web addresses may still
/// link one.
pub fn markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for piece in text.split_inclusive(['\n', '\r']) {
        let (line, end) = match piece.strip_suffix(['\n', '\r']) {
            Some(line) => (line, &piece[line.len()..]),
            None => (piece, ""),
        };
        let line = line.trim_start_matches([' ', '\t']);
        let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        for (at, c) in line.char_indices() {
            let starts_block = (at == 0 && matches!(c, '#' | '-' | '+' | '='))
                || (digits > 0 && at == digits && matches!(c, '.' | ')'));
            if starts_block
                || matches!(
                    c,
                    '\\' | '|' | '*' | '_' | '`' | '~' | '[' | ']' | '<' | '>' | '&'
                )
            {
                out.push('\\');
            }
            out.push(c);
        }
        out.push_str(end);
    }
    out
}

/// One line of text from the data as Markdown: [`line`], then [`markdown`].
pub(crate) fn markdown_line(text: &str) -> String {
    markdown(&line(text))
}

/// A value as pretty JSON with nothing unsafe for a terminal in it: serde_json
/// escapes the C0 controls, and this the rest (DEL, C1, bidi and other
/// invisible controls), as `\uXXXX` escapes (surrogate pairs above U+FFFF).
pub(crate) fn json<T: serde::Serialize>(value: &T) -> serde_json::Result<String> {
    let raw = serde_json::to_string_pretty(value)?;
    let mut out = String::with_capacity(raw.len());
    for c in raw.chars() {
        if c as u32 >= 0x7F && is_unsafe(c) {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        } else {
            out.push(c);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paste_becomes_one_safe_line_of_at_most_max_characters() {
        let pasted = "Mont\u{202e}réal\r\nLaval\tx\u{1b}[2J";
        assert_eq!(pasted_line(pasted, usize::MAX), "Montréal  Laval x[2J");
        assert_eq!(pasted_line(pasted, 4), "Mont");
        assert_eq!(pasted_line("\u{2028}ab", 2), " a");
    }

    #[test]
    fn json_escapes_what_serde_json_leaves_and_reads_back_the_same() {
        let value = "a\u{202e}b\u{85}c\u{7f}\u{1b}é";
        let out = json(&value).expect("json");
        assert!(!out.chars().any(is_unsafe), "{out:?}");
        assert!(out.contains("\\u202e") && out.contains("\\u0085"), "{out}");
        let back: String = serde_json::from_str(&out).expect("valid JSON");
        assert_eq!(back, value);
    }

    #[test]
    fn plain_text_is_borrowed_unchanged() {
        assert!(matches!(
            line("Montréal — Québec 漢字 👍"),
            Cow::Borrowed(_)
        ));
        assert!(matches!(block("a\nb"), Cow::Borrowed(_)));
    }

    #[test]
    fn escapes_controls_and_bidi() {
        let cases = [
            ("a\x1b]52;c;SGVsbG8=\x07b", "a\\x1B]52;c;SGVsbG8=\\x07b"),
            ("\x1b[2J", "\\x1B[2J"),
            ("x\u{9b}y", "x\\x9By"),
            ("\u{202E}abc", "\\u{202E}abc"),
            ("a\nb", "a\\x0Ab"),
            ("a\tb", "a b"),
            ("\x7f", "\\x7F"),
        ];
        for (raw, want) in cases {
            assert_eq!(line(raw), want, "{raw:?}");
        }
        assert_eq!(block("a\r\nb\x1b"), "a\nb\\x1B");
    }

    #[test]
    fn markdown_escapes_markup_and_nothing_else() {
        assert_eq!(
            markdown("Montréal (CSAI) — 4 200 $"),
            "Montréal (CSAI) — 4 200 $"
        );
        assert_eq!(
            markdown("[a](b) <i> *c* _d_ `e` | \\ &lt;"),
            "\\[a\\](b) \\<i\\> \\*c\\* \\_d\\_ \\`e\\` \\| \\\\ \\&lt;"
        );
        // What starts a block at the start of a line, and only there.
        let cases = [
            ("# Title", "\\# Title"),
            ("- item", "\\- item"),
            ("+ item", "\\+ item"),
            ("===", "\\==="),
            ("~~~", "\\~\\~\\~"),
            ("a ~~b~~", "a \\~\\~b\\~\\~"),
            ("a\r# b\r\n- c", "a\r\\# b\r\n\\- c"),
            ("12. item", "12\\. item"),
            ("3) item", "3\\) item"),
            ("    code", "code"),
            ("a\n---\n\t# b", "a\n\\---\n\\# b"),
            ("Saint-Jérôme #2 - 3. 4)", "Saint-Jérôme #2 - 3. 4)"),
            ("1982, c. 30", "1982, c. 30"),
            ("1° la personne", "1° la personne"),
        ];
        for (text, want) in cases {
            assert_eq!(markdown(text), want, "{text:?}");
        }
        // The line feed made visible, its backslash escaped in turn.
        assert_eq!(markdown_line("# a\nb"), "\\# a\\\\x0Ab");
    }

    #[test]
    fn invisible_separators_and_marks_are_escaped_everywhere() {
        let cases = [
            ("a\u{2028}b", "a\\u{2028}b"),
            ("a\u{2029}b", "a\\u{2029}b"),
            ("\u{200F}rlm", "\\u{200F}rlm"),
            ("\u{200E}lrm", "\\u{200E}lrm"),
            ("alm\u{061C}", "alm\\u{61C}"),
            ("\u{FEFF}bom", "\\u{FEFF}bom"),
            ("zw\u{200B}sp", "zw\\u{200B}sp"),
            ("word\u{2060}joiner", "word\\u{2060}joiner"),
        ];
        for (raw, want) in cases {
            assert_eq!(line(raw), want, "{raw:?}");
            assert_eq!(screen_line(raw), want, "{raw:?}");
            assert_eq!(block(raw), want, "{raw:?}");
            assert_eq!(screen_block(raw), want, "{raw:?}");
        }
        let out = json(&"a\u{2028}b\u{FEFF}").expect("json");
        assert!(out.contains("\\u2028") && out.contains("\\ufeff"), "{out}");
    }

    #[test]
    fn the_screen_also_escapes_the_zero_width_joiner() {
        let family = "a\u{1F468}\u{200D}\u{1F469}b";
        assert_eq!(line(family), family, "kept in pipes and the clipboard");
        assert_eq!(screen_line(family), "a\u{1F468}\\u{200D}\u{1F469}b");
        assert_eq!(screen_block("x\n\u{200D}"), "x\n\\u{200D}");
        assert_eq!(screen_line("\x1b"), "\\x1B");
    }

    #[test]
    fn output_never_contains_unsafe_characters() {
        let all: String = (0u32..=0x10FFFF).filter_map(char::from_u32).collect();
        assert!(!line(&all).chars().any(is_unsafe));
        assert!(!block(&all).chars().any(|c| c != '\n' && is_unsafe(c)));
        assert!(!screen_line(&all).chars().any(is_unsafe_on_screen));
        let screen = screen_block(&all);
        assert!(!screen.chars().any(|c| c != '\n' && is_unsafe_on_screen(c)));
    }
}
