//! The main screen's panes: which one has the keyboard, the row each has
//! selected, and the organisations of the selected region. This part of the
//! app owns that state; [`App`](super::App) routes the panes' actions here
//! and reads what is selected from here.

use super::history::Panes;
use super::{ALL_ROW, FIRST_REGION_ROW, Pane, STARRED_ROW, Starred, Target, step};
use crate::data::Dataset;

/// What the panes list: the data, and the starred entries that the regions
/// pane's first row lists.
#[derive(Clone, Copy)]
pub struct Lists<'a> {
    pub data: &'a Dataset,
    pub starred: &'a [Starred],
}

/// The panes' state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection {
    /// The focus and the row of each pane: what the way back remembers.
    at: Panes,
    /// Indices into `data.organisations` of the selected region's
    /// organisations (none for the starred row, which lists the stars).
    organisations: Vec<usize>,
}

impl Selection {
    /// The regions pane focused on "all regions".
    pub(crate) fn new(data: &Dataset) -> Selection {
        let mut selection = Selection {
            at: Panes {
                focus: Pane::Regions,
                region: ALL_ROW,
                organisation: 0,
                city: 0,
                article: 0,
                funding: 0,
            },
            organisations: Vec::new(),
        };
        selection.select_region(data, ALL_ROW);
        selection
    }

    /// The pane with the keyboard.
    pub(crate) fn focus(&self) -> Pane {
        self.at.focus
    }

    pub(super) fn focus_on(&mut self, pane: Pane) {
        self.at.focus = pane;
    }

    /// `h` / `←`: the pane on the left.
    pub(super) fn focus_left(&mut self) {
        self.at.focus = match self.at.focus {
            Pane::Organisations => Pane::Regions,
            Pane::Headcounts | Pane::Articles => Pane::Organisations,
            Pane::Regions | Pane::Funding => Pane::Regions,
        }
    }

    /// `l` / `→`: the pane on the right.
    pub(super) fn focus_right(&mut self) {
        self.at.focus = match self.at.focus {
            Pane::Regions | Pane::Funding => Pane::Organisations,
            Pane::Organisations => Pane::Headcounts,
            other => other,
        }
    }

    /// True when the regions pane has its "starred" row selected.
    pub fn starred_view(&self) -> bool {
        self.at.region == STARRED_ROW
    }

    /// The organisations the organisations pane lists, as indices into
    /// `data.organisations` (empty on the starred row).
    pub fn organisations(&self) -> &[usize] {
        &self.organisations
    }

    /// The focus and each pane's row, as the way back keeps them.
    pub(super) fn place(&self) -> Panes {
        self.at
    }

    /// The panes as `place` left them, each row kept within its pane.
    pub(super) fn return_to(&mut self, lists: Lists<'_>, place: Panes) {
        self.set_selected(lists, Pane::Regions, place.region);
        self.set_selected(lists, Pane::Organisations, place.organisation);
        self.set_selected(lists, Pane::Headcounts, place.city);
        self.set_selected(lists, Pane::Articles, place.article);
        self.set_selected(lists, Pane::Funding, place.funding);
        self.at.focus = place.focus;
    }

    /// The regions-pane row of a region code.
    pub(super) fn region_row(data: &Dataset, code: &str) -> Option<usize> {
        data.regions
            .iter()
            .position(|r| r.code == code)
            .map(|i| i + FIRST_REGION_ROW)
    }

    /// Code of the selected region, `None` for "all regions" and "starred".
    pub fn region_code<'d>(&self, data: &'d Dataset) -> Option<&'d str> {
        self.at
            .region
            .checked_sub(FIRST_REGION_ROW)
            .and_then(|i| data.regions.get(i))
            .map(|r| r.code.as_str())
    }

    /// Selects a row of the regions pane and lists its organisations.
    pub(super) fn select_region(&mut self, data: &Dataset, row: usize) {
        self.at.region = row.min(data.regions.len() + FIRST_REGION_ROW - 1);
        self.organisations = match self.region_code(data) {
            None if self.starred_view() => Vec::new(),
            None => (0..data.organisations.len()).collect(),
            Some(code) => data
                .organisations
                .iter()
                .enumerate()
                .filter(|(_, o)| o.regions.iter().any(|r| r == code))
                .map(|(i, _)| i)
                .collect(),
        };
        self.at.organisation = 0;
    }

    /// Number of rows of a pane.
    pub(crate) fn rows(&self, lists: Lists<'_>, pane: Pane) -> usize {
        let data = lists.data;
        match pane {
            Pane::Regions => data.regions.len() + FIRST_REGION_ROW,
            Pane::Organisations if self.starred_view() => lists.starred.len(),
            Pane::Organisations => self.organisations.len(),
            Pane::Headcounts => data.cities.len(),
            Pane::Articles => data.articles.len(),
            Pane::Funding => data.funding.len(),
        }
    }

    /// The selected row of a pane.
    pub fn selected(&self, pane: Pane) -> usize {
        match pane {
            Pane::Regions => self.at.region,
            Pane::Organisations => self.at.organisation,
            Pane::Headcounts => self.at.city,
            Pane::Articles => self.at.article,
            Pane::Funding => self.at.funding,
        }
    }

    /// Selects `row` of `pane`, kept within the pane.
    pub(super) fn set_selected(&mut self, lists: Lists<'_>, pane: Pane, row: usize) {
        let row = row.min(self.rows(lists, pane).saturating_sub(1));
        match pane {
            Pane::Regions => {
                if row != self.at.region {
                    self.select_region(lists.data, row);
                }
            }
            Pane::Organisations => self.at.organisation = row,
            Pane::Headcounts => self.at.city = row,
            Pane::Articles => self.at.article = row,
            Pane::Funding => self.at.funding = row,
        }
    }

    /// Moves a pane's selection by `delta` rows, kept within the pane.
    pub(super) fn move_by(&mut self, lists: Lists<'_>, pane: Pane, delta: isize) {
        let row = step(self.selected(pane), delta, self.rows(lists, pane));
        self.set_selected(lists, pane, row);
    }

    /// The entry selected in a pane, if it is one ("all regions" is not).
    pub(crate) fn target(&self, lists: Lists<'_>, pane: Pane) -> Option<Target> {
        let data = lists.data;
        match pane {
            Pane::Regions => self
                .region_code(data)
                .map(|c| Target::Region(c.to_string())),
            Pane::Organisations if self.starred_view() => lists
                .starred
                .get(self.at.organisation)
                .map(|s| s.target.clone()),
            Pane::Organisations => self
                .organisations
                .get(self.at.organisation)
                .map(|&i| Target::Organisation(data.organisations[i].id.clone())),
            Pane::Headcounts => data
                .cities
                .get(self.at.city)
                .map(|c| Target::City(c.id.clone())),
            Pane::Articles => data
                .articles
                .get(self.at.article)
                .map(|a| Target::Article(a.number.clone())),
            Pane::Funding => data
                .funding
                .get(self.at.funding)
                .map(|f| Target::Funding(f.id.clone())),
        }
    }

    /// Selects `target` in its pane (and its region), focusing that pane.
    pub(super) fn jump_to(&mut self, data: &Dataset, target: &Target) {
        match target {
            Target::Region(code) => {
                if let Some(row) = Selection::region_row(data, code) {
                    self.select_region(data, row);
                    self.at.focus = Pane::Regions;
                }
            }
            Target::Organisation(id) => self.select_organisation(data, id),
            Target::City(id) => {
                if let Some(i) = data.cities.iter().position(|c| &c.id == id) {
                    if let Some(row) = Selection::region_row(data, &data.cities[i].region) {
                        self.select_region(data, row);
                    }
                    self.at.city = i;
                    self.at.focus = Pane::Headcounts;
                }
            }
            Target::Article(number) => {
                if let Some(i) = data.articles.iter().position(|a| &a.number == number) {
                    self.at.article = i;
                    self.at.focus = Pane::Articles;
                }
            }
            Target::Funding(id) => {
                if let Some(i) = data.funding.iter().position(|f| &f.id == id) {
                    self.at.funding = i;
                    self.at.focus = Pane::Funding;
                }
            }
        }
    }

    /// Selects an organisation in its first region.
    fn select_organisation(&mut self, data: &Dataset, id: &str) {
        let Some(index) = data.organisations.iter().position(|o| o.id == id) else {
            return;
        };
        let region_row = data.organisations[index]
            .regions
            .first()
            .and_then(|code| Selection::region_row(data, code))
            .unwrap_or(ALL_ROW);
        self.select_region(data, region_row);
        self.at.organisation = self
            .organisations
            .iter()
            .position(|&i| i == index)
            .unwrap_or(0);
        self.at.focus = Pane::Organisations;
    }

    /// Selects the organisation `id` among the listed ones, if it is listed.
    pub(super) fn reselect_organisation(&mut self, data: &Dataset, id: &str) {
        if let Some(i) = self
            .organisations
            .iter()
            .position(|&o| data.organisations[o].id == id)
        {
            self.at.organisation = i;
        }
    }

    /// Keeps the organisations pane's row within `rows` (after a star is
    /// taken off the starred list).
    pub(super) fn clamp_organisation(&mut self, rows: usize) {
        self.at.organisation = self.at.organisation.min(rows.saturating_sub(1));
    }
}
