//! How the main screen shares its width: each column asks for what its
//! content needs, the focused one is served first, and what is left goes to
//! the columns with more to show.

use unicode_width::UnicodeWidthStr;

use super::clean;
use crate::app::{App, Pane};

/// Rows looked at to measure a list: enough for any real letter, and a
/// bounded cost per frame for a huge dataset.
const MEASURED: usize = 2_000;

/// What a column needs, in columns of the terminal, borders included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Need {
    /// Below this, the column is not readable.
    pub min: u16,
    /// Its names whole, its figures in their short form.
    pub compact: u16,
    /// Everything in its long form.
    pub full: u16,
}

/// The three columns of the main screen, left to right.
pub(crate) const REGIONS: usize = 0;
pub(crate) const ORGANISATIONS: usize = 1;
pub(crate) const RIGHT: usize = 2;

/// The width of the widest region name, `01 Bas-Saint-Laurent`.
pub(crate) fn region_name_width(app: &App) -> usize {
    app.data
        .regions
        .iter()
        .take(MEASURED)
        .map(|r| clean(&r.code).width() + 1 + clean(&r.name).width())
        .max()
        .unwrap_or(0)
}

/// The width of the widest city name.
pub(crate) fn city_name_width(app: &App) -> usize {
    app.data
        .cities
        .iter()
        .take(MEASURED)
        .map(|c| clean(&c.name).width())
        .max()
        .unwrap_or(0)
}

/// The width of the widest organisation row of the selected region; with
/// none, room for the sentence that says so.
fn organisation_width(app: &App) -> usize {
    if app.organisations.is_empty() {
        return 40;
    }
    app.organisations
        .iter()
        .take(MEASURED)
        .map(|&i| {
            let o = &app.data.organisations[i];
            // The marker of organisations in several regions: ` ·3 regions`.
            let marker = if o.regions.len() > 1 { 11 } else { 0 };
            clean(&o.display_name()).width() + marker
        })
        .max()
        .unwrap_or(0)
}

/// The summary columns of the regions pane: organisations, then headcounts.
pub(crate) const REGION_COUNTS: usize = 3;
pub(crate) const REGION_SUMMARY: usize = 3 + 1 + 7;
/// The short and long forms of a withholding after its block:
/// ` art. 53, 54` and ` withheld — art. 53, 54`.
const WITHHELD_SHORT: usize = 13;
const WITHHELD_LONG: usize = 24;

fn clamp(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

/// What each column needs on this frame.
pub(crate) fn needs(app: &App) -> [Need; 3] {
    let region = region_name_width(app);
    let city = city_name_width(app);
    let organisation = organisation_width(app).max(20);
    // The title names the region: `2 Organisations — Lanaudière (4)`.
    let place = app
        .region_code()
        .and_then(|c| app.data.region(c))
        .map_or(0, |r| clean(&r.name).width());
    let title = 2 + 3 + app.lang.strings().pane_organisations.width() + 3 + place + 6;
    [
        Need {
            min: 16,
            compact: clamp(region + 1 + REGION_COUNTS + 2),
            full: clamp(region + 1 + REGION_SUMMARY + 2),
        },
        Need {
            min: 12,
            compact: clamp(organisation.min(32).max(title.min(60)) + 2),
            full: clamp(organisation.min(100) + 2),
        },
        Need {
            min: 24,
            // Two columns for the mark, the name, a space, the headcount.
            compact: clamp(2 + city + 1 + WITHHELD_SHORT + 2 + 2),
            full: clamp(2 + city + 1 + WITHHELD_LONG + 2 + 2),
        },
    ]
}

/// The column a pane is drawn in.
pub(crate) fn column(pane: Pane) -> usize {
    match pane {
        Pane::Regions | Pane::Funding => REGIONS,
        Pane::Organisations => ORGANISATIONS,
        Pane::Headcounts | Pane::Articles => RIGHT,
    }
}

/// Shares `total` columns: every column its minimum, the focused one what it
/// needs in full, the others their compact width, then their full width;
/// what is still left goes to the organisations, the longest names.
pub(crate) fn share(total: u16, needs: [Need; 3], focused: usize) -> [u16; 3] {
    let mut widths = needs.map(|n| n.min);
    let sum = |w: &[u16; 3]| w.iter().map(|&x| u32::from(x)).sum::<u32>();
    if sum(&widths) >= u32::from(total) {
        // Too narrow for every minimum: the middle gives way.
        let others = widths[REGIONS].saturating_add(widths[RIGHT]);
        widths[ORGANISATIONS] = total.saturating_sub(others);
        return widths;
    }
    // From 80 columns, the other columns keep enough to be read beside it.
    let readable = |i: usize| match (total >= 80, i) {
        (false, _) => needs[i].min,
        (true, REGIONS) => needs[i].min.max(22),
        (true, ORGANISATIONS) => needs[i].min.max(20),
        (true, _) => needs[i].min.max(30),
    };
    let others_min: u16 = (0..3).filter(|&i| i != focused).map(readable).sum();
    widths[focused] = needs[focused]
        .full
        .max(needs[focused].min)
        .min(total - others_min);
    for i in (0..3).filter(|&i| i != focused) {
        widths[i] = readable(i);
    }
    let mut left = total.saturating_sub(clamp(sum(&widths) as usize));
    for want in [|n: &Need| n.compact, |n: &Need| n.full] {
        for i in [REGIONS, ORGANISATIONS, RIGHT] {
            if i == focused {
                continue;
            }
            let more = want(&needs[i]).saturating_sub(widths[i]).min(left);
            widths[i] += more;
            left -= more;
        }
    }
    widths[ORGANISATIONS] += left;
    widths
}

#[cfg(test)]
mod tests {
    use super::*;

    const NEEDS: [Need; 3] = [
        Need {
            min: 16,
            compact: 32,
            full: 40,
        },
        Need {
            min: 12,
            compact: 42,
            full: 94,
        },
        Need {
            min: 24,
            compact: 41,
            full: 52,
        },
    ];

    #[test]
    fn the_widths_fill_the_screen_and_serve_the_focus_first() {
        for total in [52, 60, 80, 120, 200, 400] {
            for focused in 0..3 {
                let w = share(total, NEEDS, focused);
                assert_eq!(w.iter().sum::<u16>(), total, "{total} {focused}");
                assert!(w.iter().zip(NEEDS).all(|(w, n)| *w >= n.min), "{w:?}");
            }
        }
        // At 120 columns the regions are whole, with their headcounts.
        assert_eq!(share(120, NEEDS, REGIONS)[REGIONS], 40);
        // At 60, the focused organisations get all the others can spare.
        assert_eq!(share(60, NEEDS, ORGANISATIONS), [16, 20, 24]);
        // At 200, every column has all it needs; the rest goes to the names.
        assert_eq!(share(200, NEEDS, REGIONS), [40, 108, 52]);
        // At 120, the others have their compact widths beside the focus.
        assert_eq!(share(120, NEEDS, REGIONS), [40, 42, 38]);
    }
}
