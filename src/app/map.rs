//! The map overlay's state and how actions change it: the selected region, the
//! measure the regions are coloured by, the city labels and the zoom.

use super::{App, FIRST_REGION_ROW, Overlay, Pane, step};
use crate::geo::{self, Geography, View};

/// What the regions of the map are coloured by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Measure {
    /// The number of the region's organisations.
    #[default]
    Organisations,
    /// People accompanied in the region's cities, where the count is known.
    People,
    /// The region's cities whose count is withheld.
    Withheld,
}

impl Measure {
    pub const ALL: [Measure; 3] = [Measure::Organisations, Measure::People, Measure::Withheld];

    fn next(self) -> Measure {
        match self {
            Measure::Organisations => Measure::People,
            Measure::People => Measure::Withheld,
            Measure::Withheld => Measure::Organisations,
        }
    }
}

/// The map overlay.
#[derive(Debug, Clone)]
pub struct MapView {
    /// Index into `data.regions` of the selected region.
    pub region: usize,
    pub measure: Measure,
    /// Whether the cities are named beside their marks.
    pub labels: bool,
    pub view: View,
    /// The geography of the dataset's regions, or `None` when they are not
    /// the regions the embedded geography knows: no map is better than a wrong one.
    pub geo: Option<&'static Geography>,
}

/// One region's figures, as the map colours and names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RegionFigures {
    pub organisations: usize,
    pub people_known: u64,
    pub withheld: usize,
}

impl RegionFigures {
    pub fn value(&self, measure: Measure) -> u64 {
        match measure {
            Measure::Organisations => self.organisations as u64,
            Measure::People => self.people_known,
            Measure::Withheld => self.withheld as u64,
        }
    }
}

impl App {
    /// The figures of `data.regions[i]`.
    pub fn region_figures(&self, i: usize) -> RegionFigures {
        self.regions
            .get(i)
            .map(|r| RegionFigures {
                organisations: r.organisations,
                people_known: r.totals.known,
                withheld: r.totals.withheld,
            })
            .unwrap_or_default()
    }

    /// The map's geography for this dataset, if its regions are Québec's.
    pub fn map_geography(&self) -> Option<&'static Geography> {
        geo::quebec().filter(|g| g.covers(self.data.regions.iter().map(|r| r.code.as_str())))
    }

    /// Opens the map on the region selected in the main screen, or closes it.
    pub(super) fn toggle_map(&mut self) {
        if matches!(self.overlay, Overlay::Map(_)) {
            self.overlay = Overlay::None;
            return;
        }
        let region = self
            .region
            .checked_sub(FIRST_REGION_ROW)
            .filter(|&i| i < self.data.regions.len())
            .unwrap_or(0);
        self.overlay = Overlay::Map(MapView {
            region,
            measure: Measure::default(),
            labels: true,
            view: View::default(),
            geo: self.map_geography(),
        });
    }

    /// Changes the open map, if one is open.
    pub(super) fn change_map(&mut self, change: impl FnOnce(&mut MapView, usize)) {
        let regions = self.data.regions.len();
        if let Overlay::Map(view) = &mut self.overlay {
            change(view, regions);
        }
    }

    /// Enter on the map: back to the main screen with the map's region selected.
    pub(super) fn leave_map_on_region(&mut self) {
        if let Overlay::Map(view) = &self.overlay {
            let row = FIRST_REGION_ROW + view.region;
            self.overlay = Overlay::None;
            self.focus = Pane::Regions;
            self.select_region(row);
        }
    }
}

impl MapView {
    pub(super) fn move_by(&mut self, delta: isize, regions: usize) {
        self.region = step(self.region, delta, regions);
    }

    pub(super) fn cycle_measure(&mut self) {
        self.measure = self.measure.next();
    }

    pub(super) fn select(&mut self, region: usize, regions: usize) {
        if region < regions {
            self.region = region;
        }
    }
}
