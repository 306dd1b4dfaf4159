//! Why an entry is a hit: a field that a term matched and the characters of
//! it, and the window of that field a line of the screen has room for.

use unicode_width::UnicodeWidthChar;

use super::entry::Field;

/// Why an entry is a hit: one of its fields and the characters of it that the
/// query's terms matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldMatch<'a> {
    pub field: Field,
    /// The field's text, as the dataset has it.
    pub text: &'a str,
    /// Character ranges `[start, end)` of `text`, sorted, merged, never empty.
    pub ranges: Vec<(usize, usize)>,
}

impl FieldMatch<'_> {
    /// The field cut to `width` columns so that its first match shows, with
    /// `…` where it is cut, and the ranges in that text. A match beyond the
    /// room keeps the start of the text: `Service d'aide à … (SAFIMA)`.
    pub fn window(&self, width: usize) -> (String, Vec<(usize, usize)>) {
        let chars: Vec<char> = self.text.chars().collect();
        let column = |c: &char| UnicodeWidthChar::width(*c).unwrap_or(0);
        let columns = |from: usize, to: usize| chars[from..to].iter().map(column).sum::<usize>();
        if columns(0, chars.len()) <= width {
            return (self.text.to_string(), self.ranges.clone());
        }
        // Runs of the text to show, `…` between and after cut ones.
        let (first, first_end) = self.ranges.first().copied().unwrap_or_default();
        let (first, first_end) = (first.min(chars.len()), first_end.min(chars.len()));
        let mut runs: Vec<(usize, usize)> = Vec::new();
        if columns(0, first_end) < width {
            runs.push((0, take(&chars, 0, width.saturating_sub(1), column)));
        } else {
            // The start of the text too, when there is room for it; cut at a
            // space when it can be.
            let mut head = 0;
            if width >= MIN_HEAD_WIDTH {
                head = take(&chars, 0, width / 3, column);
                if chars.get(head) == Some(&' ') {
                    // The last word is whole: keep it, and its space.
                    head += 1;
                } else if let Some(space) = chars[..head].iter().rposition(|&c| c == ' ') {
                    head = space + 1;
                }
                runs.push((0, head));
            }
            let room = width.saturating_sub(columns(0, head) + 1);
            // Some context before the match: a third of the room, or all the
            // room the end of the text leaves.
            let mut start = first;
            while start > head && columns(start - 1, first_end) < room / 3 {
                start -= 1;
            }
            // As far as the room goes, `…` after it when the text goes on.
            let end_from = |start: usize| match take(&chars, start, room, column) {
                end if end == chars.len() => end,
                _ => take(&chars, start, room.saturating_sub(1), column),
            };
            if end_from(start) == chars.len() {
                while start > head && columns(start - 1, chars.len()) <= room {
                    start -= 1;
                }
            }
            // From a word's start, unless that leaves out much of the room.
            let mid_word = start > 0 && chars[start - 1] != ' ';
            if mid_word
                && let Some(space) = chars[start..first].iter().position(|&c| c == ' ')
                && columns(start, start + space) <= room / 3
            {
                start += space + 1;
            }
            let end = end_from(start);
            if head == 0 && start > 0 {
                // Only the match: `…` before it says the text starts earlier.
                runs.push((0, 0));
            }
            runs.push((start, end));
        }
        let mut out = String::new();
        let mut ranges = Vec::new();
        for (n, &(start, end)) in runs.iter().enumerate() {
            let at = out.chars().count();
            out.extend(&chars[start..end]);
            for &(a, b) in &self.ranges {
                let (a, b) = (a.max(start), b.min(end));
                if a < b {
                    ranges.push((a - start + at, b - start + at));
                }
            }
            let last = n + 1 == runs.len();
            if !last || end < chars.len() {
                out.push('…');
            }
        }
        (out, ranges)
    }
}

/// Below this many columns, a window shows only the match, not the start of
/// the text before it.
const MIN_HEAD_WIDTH: usize = 24;

/// The end of the run of `chars` from `start` that fits in `width` columns.
fn take(chars: &[char], start: usize, width: usize, column: impl Fn(&char) -> usize) -> usize {
    let mut used = 0;
    let mut end = start;
    while end < chars.len() && used + column(&chars[end]) <= width {
        used += column(&chars[end]);
        end += 1;
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str, ranges: &[(usize, usize)], width: usize) -> (String, String) {
        let m = FieldMatch {
            field: Field::Name,
            text,
            ranges: ranges.to_vec(),
        };
        let (out, ranges) = m.window(width);
        let marked = ranges
            .iter()
            .map(|&(a, b)| out.chars().skip(a).take(b - a).collect::<String>())
            .collect::<Vec<_>>()
            .join("|");
        (out, marked)
    }

    #[test]
    fn a_window_shows_the_first_match_and_the_start() {
        assert_eq!(
            shown("Lanaudière", &[(0, 6)], 20),
            ("Lanaudière".into(), "Lanaud".into())
        );
        assert_eq!(
            shown("Service d'aide à la famille (SAFIMA)", &[(29, 35)], 24),
            ("Service …amille (SAFIMA)".into(), "SAFIMA".into())
        );
        assert_eq!(
            shown(
                "Service d'aide à la famille immigrante (SAFIMA)",
                &[(40, 46)],
                44
            ),
            (
                "Service d'aide …famille immigrante (SAFIMA)".into(),
                "SAFIMA".into()
            )
        );
        assert_eq!(
            shown("Lanaudière et Laurentides", &[(0, 3), (14, 17)], 12),
            ("Lanaudière …".into(), "Lan".into())
        );
        let long = "un deux trois quatre cinq six sept huit neuf dix onze douze treize";
        assert_eq!(
            shown(long, &[(45, 48)], 30),
            ("un deux …dix onze douze treize".into(), "dix".into())
        );
        assert_eq!(
            shown(long, &[(26, 29)], 24),
            ("un deux …six sept huit …".into(), "six".into())
        );
        // Wide characters count for two columns.
        let (out, marked) = shown("漢字漢字漢字 montreal", &[(7, 15)], 14);
        assert_eq!(marked, "montreal");
        assert!(
            unicode_width::UnicodeWidthStr::width(out.as_str()) <= 14,
            "{out}"
        );
    }
}
