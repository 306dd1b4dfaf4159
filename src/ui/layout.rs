//! How the main screen shares its width: each column asks for what its
//! content needs, the focused one is served first, and what is left goes to
//! the columns with more to show.

use unicode_width::UnicodeWidthStr;

use super::clean;
use crate::app::{App, Pane};
use crate::i18n::{DetailLabel, Label};

/// Rows looked at to measure a list: enough for any real letter, and a
/// bounded cost per frame for a huge dataset.
const MEASURED: usize = 2_000;

/// What a column needs, in columns of the terminal, borders included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Need {
    /// Below this, the column is not readable.
    pub min: u16,
    /// Its text whole, its figures in their short form.
    pub compact: u16,
    /// Everything in its long form.
    pub full: u16,
    /// Room for what it shows cut even in its long form (the articles'
    /// first lines): what the screen has left over goes there.
    pub ample: u16,
}

/// The three columns of the main screen, left to right.
pub(crate) const REGIONS: usize = 0;
pub(crate) const ORGANISATIONS: usize = 1;
pub(crate) const RIGHT: usize = 2;

/// The width of the widest region name, `01 Bas-Saint-Laurent`.
pub(crate) fn region_name_width(app: &App) -> usize {
    app.data()
        .regions
        .iter()
        .take(MEASURED)
        .map(|r| clean(&r.code).width() + 1 + clean(&r.name).width())
        .max()
        .unwrap_or(0)
}

/// The width of the widest city name.
pub(crate) fn city_name_width(app: &App) -> usize {
    app.data()
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
    if app.panes().organisations().is_empty() {
        return 40;
    }
    app.panes()
        .organisations()
        .iter()
        .take(MEASURED)
        .map(|&i| {
            let o = &app.data().organisations[i];
            // The marker of organisations in several regions: ` ·3 regions`.
            let marker = if o.regions.len() > 1 { 11 } else { 0 };
            clean(&o.display_name()).width() + marker
        })
        .max()
        .unwrap_or(0)
}

/// The width of the widest row of the funding table, its name followed by
/// `short` or `long` (the words or the mark of an organisation the annex
/// does not list), a space and its amount.
fn funding_width(app: &App) -> (usize, usize) {
    let lang = app.lang();
    let amount = |dollars| app.lang().amount(dollars).width();
    let total = amount(crate::data::amount_total(app.data().funding.iter()));
    app.data()
        .funding
        .iter()
        .take(MEASURED)
        .map(|f| {
            let name = clean(&f.organisation).width();
            let room = 1 + amount(f.amount_cad).max(total);
            match f.organisation_id {
                Some(_) => (name + room, name + room),
                None => (
                    name + 2 + room,
                    name + 3 + lang.word(DetailLabel::NotInAnnex).width() + room,
                ),
            }
        })
        .fold((0, 0), |(a, b), (c, d)| (a.max(c), b.max(d)))
}

/// The width of the widest row of the articles' list: `Article 53 — ` and
/// the first line of its text.
fn article_width(app: &App) -> usize {
    let lang = app.lang();
    app.data()
        .articles
        .iter()
        .take(MEASURED)
        .map(|a| {
            let first = a.text.as_deref().and_then(|t| t.lines().next());
            let first = first.map_or(lang.word(Label::CitedOnly).width() + 2, |t| {
                clean(t).width()
            });
            lang.word(Label::Article).width() + 1 + clean(&a.number).width() + 3 + first
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

/// What each column needs on this frame. The left column is the funding
/// table's when it has the focus, the regions' otherwise.
pub(crate) fn needs(app: &App) -> [Need; 3] {
    let region = region_name_width(app);
    let city = city_name_width(app);
    let organisation = organisation_width(app).max(20);
    // The title names the region and counts its organisations:
    // `2 Organisations — Lanaudière (4)`.
    let place = app
        .region_code()
        .and_then(|c| app.data().region(c))
        .map_or(app.lang().word(Label::AllRegions).width(), |r| {
            clean(&r.name).width()
        });
    let title = 2 + app.lang().word(Label::PaneOrganisations).width() + 3 + place + 5;
    // With the focus, the regions' headcounts are part of their text: the
    // figures the regions pane alone shows side by side.
    let counts = match app.focus() {
        Pane::Regions => REGION_SUMMARY,
        _ => REGION_COUNTS,
    };
    let regions = Need {
        min: 16,
        compact: clamp(region + 1 + counts + 2),
        full: clamp(region + 1 + REGION_SUMMARY + 2),
        ample: clamp(region + 1 + REGION_SUMMARY + 2),
    };
    let left = if app.focus() == Pane::Funding {
        let (short, long) = funding_width(app);
        Need {
            compact: clamp(short + 2).max(regions.compact),
            full: clamp(long + 2).max(regions.full),
            ample: clamp(long + 2).max(regions.full),
            ..regions
        }
    } else {
        regions
    };
    // Names wrap: each whole in four lines at most; beside the focus, the
    // title whole too.
    // (A title takes its width and three columns: a space before it and
    // the two corners.)
    let organisation_compact = match app.focus() {
        Pane::Organisations => organisation.div_ceil(4).max(20),
        _ => organisation.div_ceil(4).max(title.min(40) + 1),
    };
    let headcounts = clamp(2 + city + 1 + WITHHELD_LONG + 2 + 2);
    [
        left,
        Need {
            min: 12,
            compact: clamp(organisation_compact + 2),
            full: clamp(organisation.min(100) + 2),
            ample: clamp(organisation.min(100) + 2),
        },
        Need {
            min: 22,
            // Two columns for the mark, the name, a space, the headcount.
            compact: clamp(2 + city + 1 + WITHHELD_SHORT + 2 + 2),
            full: headcounts,
            ample: clamp(article_width(app).min(100) + 2).max(headcounts),
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

/// The width a column wants at one stage of `share`.
type Want<'a> = dyn Fn(usize) -> u16 + 'a;

/// Shares `total` columns, each column at least its minimum. The focused
/// column is served first, its text whole; then the others so they can be
/// read beside it; then the focus gets its long form, the others their
/// compact, full and ample widths in turn; what is still left goes to the
/// organisations, the longest names.
pub(crate) fn share(total: u16, needs: [Need; 3], focused: usize) -> [u16; 3] {
    let mut widths = needs.map(|n| n.min);
    let sum: u32 = widths.iter().map(|&x| u32::from(x)).sum();
    if sum >= u32::from(total) {
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
    let focus = [focused];
    let others: Vec<usize> = (0..3).filter(|&i| i != focused).collect();
    let all = [REGIONS, ORGANISATIONS, RIGHT];
    let stages: [(&[usize], &Want); 6] = [
        (&focus, &|i| needs[i].compact),
        (&others, &readable),
        (&focus, &|i| needs[i].full),
        (&others, &|i| needs[i].compact),
        (&others, &|i| needs[i].full),
        (&all, &|i| needs[i].ample),
    ];
    let mut left = total - widths.iter().sum::<u16>();
    for (columns, want) in stages {
        for &i in columns {
            let more = want(i).saturating_sub(widths[i]).min(left);
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
            compact: 46,
            full: 46,
            ample: 46,
        },
        Need {
            min: 12,
            compact: 35,
            full: 87,
            ample: 87,
        },
        Need {
            min: 22,
            compact: 43,
            full: 54,
            ample: 100,
        },
    ];

    #[test]
    fn the_widths_fill_the_screen_and_serve_the_focus_first() {
        for total in [52, 60, 80, 120, 200, 400] {
            for focused in 0..3 {
                let w = share(total, NEEDS, focused);
                assert_eq!(w.iter().sum::<u16>(), total, "{total} {focused}");
                assert!(w.iter().zip(NEEDS).all(|(w, n)| *w >= n.min), "{w:?}");
                // The focused column's text is whole whenever the others'
                // minimums leave room for it.
                let others: u16 = (0..3).filter(|&i| i != focused).map(|i| NEEDS[i].min).sum();
                if NEEDS[focused].compact + others <= total {
                    assert!(w[focused] >= NEEDS[focused].compact, "{total} {w:?}");
                }
            }
        }
        // At 80 columns the focused regions are whole, with their headcounts,
        // the others at their minimums.
        assert_eq!(share(80, NEEDS, REGIONS), [46, 12, 22]);
        // The focused organisations wrap (their compact width is then less
        // than their title's): they take what readable others leave.
        let mut wrapping = NEEDS;
        wrapping[ORGANISATIONS].compact = 24;
        assert_eq!(share(80, wrapping, ORGANISATIONS), [22, 28, 30]);
        // At 60, the focused regions get all the others can spare.
        assert_eq!(share(60, NEEDS, REGIONS), [26, 12, 22]);
        // At 120, the others have their compact widths beside the focus, in
        // order, the organisations first.
        assert_eq!(share(120, NEEDS, REGIONS), [46, 35, 39]);
        // At 200, every column has all it needs, and the rest goes to the
        // column that still cuts its rows.
        assert_eq!(share(200, NEEDS, REGIONS), [46, 87, 67]);
    }
}
