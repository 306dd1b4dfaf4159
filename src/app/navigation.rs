//! Moving around: which row each pane has selected, what entry that is, and
//! jumps to an entry from a search hit or a link.

use super::{
    ALL_ROW, App, COPY_FORMATS, DetailView, Effect, FIRST_REGION_ROW, HELP_LINES, Overlay, Pane,
    STARRED_ROW, Target, step,
};

/// Moves a detail's cursor through its source lines, then its cross-links,
/// in the order they are drawn.
fn move_in_detail(view: &mut DetailView, delta: isize) {
    let sources = view.detail.source.len();
    let rows = sources + view.detail.links.len();
    let at = view.source.unwrap_or(sources + view.link);
    let to = step(at, delta, rows);
    if to < sources {
        view.source = Some(to);
        view.link = 0;
    } else {
        view.source = None;
        view.link = to - sources;
    }
}

impl App {
    /// True when the regions pane has its "starred" row selected.
    pub fn starred_view(&self) -> bool {
        self.region == STARRED_ROW
    }

    /// The regions-pane row of a region code.
    pub(super) fn region_row(&self, code: &str) -> Option<usize> {
        self.data
            .regions
            .iter()
            .position(|r| r.code == code)
            .map(|i| i + FIRST_REGION_ROW)
    }

    /// Code of the selected region, `None` for "all regions" and "starred".
    pub fn region_code(&self) -> Option<&str> {
        self.region
            .checked_sub(FIRST_REGION_ROW)
            .and_then(|i| self.data.regions.get(i))
            .map(|r| r.code.as_str())
    }

    pub(super) fn select_region(&mut self, row: usize) {
        self.region = row.min(self.data.regions.len() + FIRST_REGION_ROW - 1);
        let code = self.region_code().map(str::to_string);
        self.organisations = match code {
            None if self.starred_view() => Vec::new(),
            None => (0..self.data.organisations.len()).collect(),
            Some(code) => self
                .data
                .organisations
                .iter()
                .enumerate()
                .filter(|(_, o)| o.regions.contains(&code))
                .map(|(i, _)| i)
                .collect(),
        };
        self.organisation = 0;
    }

    /// Number of rows of a pane.
    pub fn rows(&self, pane: Pane) -> usize {
        match pane {
            Pane::Regions => self.data.regions.len() + FIRST_REGION_ROW,
            Pane::Organisations if self.starred_view() => self.starred.len(),
            Pane::Organisations => self.organisations.len(),
            Pane::Headcounts => self.data.cities.len(),
            Pane::Articles => self.data.articles.len(),
            Pane::Funding => self.data.funding.len(),
        }
    }

    /// The selected row of a pane.
    pub fn selected(&self, pane: Pane) -> usize {
        match pane {
            Pane::Regions => self.region,
            Pane::Organisations => self.organisation,
            Pane::Headcounts => self.city,
            Pane::Articles => self.article,
            Pane::Funding => self.funding,
        }
    }

    pub(super) fn set_selected(&mut self, pane: Pane, row: usize) {
        let last = self.rows(pane).saturating_sub(1);
        let row = row.min(last);
        match pane {
            Pane::Regions => {
                if row != self.region {
                    self.select_region(row);
                }
            }
            Pane::Organisations => self.organisation = row,
            Pane::Headcounts => self.city = row,
            Pane::Articles => self.article = row,
            Pane::Funding => self.funding = row,
        }
    }

    /// The entry selected in a pane, if it is one ("all regions" is not).
    pub fn target(&self, pane: Pane) -> Option<Target> {
        match pane {
            Pane::Regions => self.region_code().map(|c| Target::Region(c.to_string())),
            Pane::Organisations if self.starred_view() => self
                .starred
                .get(self.organisation)
                .map(|s| s.target.clone()),
            Pane::Organisations => self
                .organisations
                .get(self.organisation)
                .map(|&i| Target::Organisation(self.data.organisations[i].id.clone())),
            Pane::Headcounts => self
                .data
                .cities
                .get(self.city)
                .map(|c| Target::City(c.id.clone())),
            Pane::Articles => self
                .data
                .articles
                .get(self.article)
                .map(|a| Target::Article(a.number.clone())),
            Pane::Funding => self
                .data
                .funding
                .get(self.funding)
                .map(|f| Target::Funding(f.id.clone())),
        }
    }

    /// The entry an action such as copy applies to: the shown detail, the
    /// highlighted search hit, or the focused pane's selection.
    pub fn current_target(&self) -> Option<Target> {
        match &self.overlay {
            Overlay::Detail(view) => Some(view.target.clone()),
            Overlay::Search(sb) => sb.hits.get(sb.selected).and_then(|h| self.hit_target(*h)),
            Overlay::CopyMenu {
                of: super::Copied::Entry(target),
                ..
            } => Some(target.clone()),
            Overlay::CopyMenu { .. } => None,
            _ => self.target(self.focus),
        }
    }

    /// Selects `target` in its pane (and its region), focusing that pane.
    pub(super) fn jump_to(&mut self, target: &Target) {
        match target {
            Target::Region(code) => {
                if let Some(row) = self.region_row(code) {
                    self.select_region(row);
                    self.focus = Pane::Regions;
                }
            }
            Target::Organisation(id) => self.jump_to_organisation(id),
            Target::City(id) => {
                if let Some(i) = self.data.cities.iter().position(|c| &c.id == id) {
                    let code = self.data.cities[i].region.clone();
                    if let Some(row) = self.region_row(&code) {
                        self.select_region(row);
                    }
                    self.city = i;
                    self.focus = Pane::Headcounts;
                }
            }
            Target::Article(number) => {
                if let Some(i) = self.data.articles.iter().position(|a| &a.number == number) {
                    self.article = i;
                    self.focus = Pane::Articles;
                }
            }
            Target::Funding(id) => {
                if let Some(i) = self.data.funding.iter().position(|f| &f.id == id) {
                    self.funding = i;
                    self.focus = Pane::Funding;
                }
            }
        }
    }

    /// Selects an organisation in its first region.
    fn jump_to_organisation(&mut self, id: &str) {
        let Some(index) = self.data.organisations.iter().position(|o| o.id == id) else {
            return;
        };
        let first_region = self.data.organisations[index].regions.first().cloned();
        let region_row = first_region
            .and_then(|code| self.region_row(&code))
            .unwrap_or(ALL_ROW);
        self.select_region(region_row);
        self.organisation = self
            .organisations
            .iter()
            .position(|&i| i == index)
            .unwrap_or(0);
        self.focus = Pane::Organisations;
    }

    /// Moves the cursor of what has the keyboard: the overlay's, or the
    /// focused pane's selection.
    pub(super) fn move_by(&mut self, delta: isize, effects: &mut Vec<Effect>) {
        let regions = self.data.regions.len();
        let letter_lines = match self.overlay {
            Overlay::Letter(_) => self.letter().len(),
            _ => 0,
        };
        match &mut self.overlay {
            Overlay::Search(_) => self.move_in_search(delta, effects),
            Overlay::Detail(view) => move_in_detail(view, delta),
            Overlay::Help(view) => view.scroll = step(view.scroll, delta, HELP_LINES),
            Overlay::Letter(view) => view.scroll = step(view.scroll, delta, letter_lines),
            Overlay::CopyMenu { selected, .. } => {
                *selected = step(*selected, delta, COPY_FORMATS.len());
            }
            Overlay::CopyText { text, scroll } => {
                *scroll = step(*scroll, delta, text.lines().count());
            }
            Overlay::Map(view) => view.move_by(delta, regions),
            Overlay::None => {
                let pane = self.focus;
                let row = step(self.selected(pane), delta, self.rows(pane));
                self.set_selected(pane, row);
            }
        }
    }

    pub(super) fn focus_left(&mut self) {
        self.focus = match self.focus {
            Pane::Organisations => Pane::Regions,
            Pane::Headcounts | Pane::Articles => Pane::Organisations,
            Pane::Regions | Pane::Funding => Pane::Regions,
        }
    }

    pub(super) fn focus_right(&mut self) {
        self.focus = match self.focus {
            Pane::Regions | Pane::Funding => Pane::Organisations,
            Pane::Organisations => Pane::Headcounts,
            other => other,
        }
    }

    /// A click on a row of a pane.
    pub(super) fn select(&mut self, pane: Pane, row: usize) {
        if matches!(self.overlay, Overlay::None) {
            self.focus = pane;
            self.set_selected(pane, row);
        }
    }

    /// The mouse wheel: the pane under the pointer on the main screen, the
    /// overlay otherwise.
    pub(super) fn scroll(&mut self, pane: Option<Pane>, delta: isize, effects: &mut Vec<Effect>) {
        match (&self.overlay, pane) {
            (Overlay::None, Some(p)) => {
                let row = step(self.selected(p), delta, self.rows(p));
                self.set_selected(p, row);
            }
            _ => self.move_by(delta, effects),
        }
    }
}
