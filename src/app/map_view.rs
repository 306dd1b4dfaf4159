//! The map overlay's state and how actions change it: the selected region, the
//! measure the regions are coloured by, the city labels and the zoom. The
//! view changes itself; [`App`] routes the map's actions to it.

use super::{Action, App, Effect, FIRST_REGION_ROW, Overlay, Pane, step};
use crate::data::geo::{self, Geography, View};
use crate::present::RegionFigures;

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
    region: usize,
    measure: Measure,
    /// Whether the cities are named beside their marks.
    labels: bool,
    zoom: View,
    /// Whether the side panel (legend, the region's figures) is shown.
    side: bool,
    /// The geography of the dataset's regions, or `None` when they are not
    /// the regions the embedded geography knows: no map is better than a wrong one.
    geo: Option<&'static Geography>,
}

impl Measure {
    /// A region's value for the measure, from the presentation layer's
    /// figures: `None` where the letter gives no count, never 0.
    pub(crate) fn value(self, f: &RegionFigures) -> Option<u64> {
        match self {
            Measure::Organisations => Some(f.organisations as u64),
            Measure::People => f.known_count,
            Measure::Withheld => Some(f.withheld_cities as u64),
        }
    }
}

impl App {
    /// The figures of `data.regions[i]`, as every surface shows them.
    pub(crate) fn region_figures(&self, i: usize) -> Option<&RegionFigures> {
        self.regions.get(i)
    }

    /// The map's geography for this dataset, if its regions are Québec's.
    pub(crate) fn map_geography(&self) -> Option<&'static Geography> {
        geo::quebec().filter(|g| g.covers(self.data.regions.iter().map(|r| r.code.as_str())))
    }

    /// The map's actions: `m` opens or closes it, the others change it.
    pub(super) fn act_on_map(&mut self, action: Action, effects: &mut Vec<Effect>) {
        if action == Action::ToggleMap {
            return self.toggle_map(effects);
        }
        let regions = self.data.regions.len();
        if let Overlay::Map(view) = &mut self.overlay {
            view.act(&action, regions);
        }
    }

    /// Opens the map on the region selected in the main screen, or goes
    /// back from it.
    fn toggle_map(&mut self, effects: &mut Vec<Effect>) {
        if matches!(self.overlay, Overlay::Map(_)) {
            self.go_back(effects);
            return;
        }
        let region = self
            .selected(Pane::Regions)
            .checked_sub(FIRST_REGION_ROW)
            .filter(|&i| i < self.data.regions.len())
            .unwrap_or(0);
        self.go_to(Overlay::Map(MapView::on(region, self.map_geography())));
    }

    /// Enter on the map: back to the main screen, as a choice made, with
    /// the map's region selected.
    pub(super) fn leave_map_on_region(&mut self, effects: &mut Vec<Effect>) {
        if let Overlay::Map(view) = &self.overlay {
            let row = FIRST_REGION_ROW + view.region;
            self.go_back(effects);
            self.overlay = Overlay::None;
            self.panes.focus_on(Pane::Regions);
            self.select_region(row);
        }
    }
}

impl MapView {
    /// The map as it opens: on `data.regions[region]`, coloured by
    /// organisations, the cities named, the whole province, with its panel.
    fn on(region: usize, geo: Option<&'static Geography>) -> MapView {
        MapView {
            region,
            measure: Measure::default(),
            labels: true,
            zoom: View::default(),
            side: true,
            geo,
        }
    }

    /// Index into `data.regions` of the selected region.
    pub fn region(&self) -> usize {
        self.region
    }

    /// What the regions are coloured by.
    pub(crate) fn measure(&self) -> Measure {
        self.measure
    }

    /// Whether the cities are named beside their marks.
    pub(crate) fn labels(&self) -> bool {
        self.labels
    }

    /// The part of Québec shown.
    pub(crate) fn zoom(&self) -> View {
        self.zoom
    }

    /// Whether the side panel (legend, the region's figures) is shown.
    pub(crate) fn side(&self) -> bool {
        self.side
    }

    /// The geography of the dataset's regions, if the map knows them.
    pub(crate) fn geo(&self) -> Option<&'static Geography> {
        self.geo
    }

    /// Applies one of the map's own actions, among `regions` regions.
    fn act(&mut self, action: &Action, regions: usize) {
        match action {
            Action::CycleMeasure => self.measure = self.measure.next(),
            Action::ToggleCityLabels => self.labels = !self.labels,
            Action::ZoomIn => self.zoom = self.zoom.closer(),
            Action::ZoomOut => self.zoom = self.zoom.wider(),
            Action::ZoomCorridor => {
                self.zoom = match self.zoom {
                    View::Corridor => View::Province,
                    _ => View::Corridor,
                }
            }
            Action::SelectMapRegion(i) if *i < regions => self.region = *i,
            Action::ToggleMapPanel => self.side = !self.side,
            _ => {}
        }
    }

    /// Moves the selection by `delta` regions, among `regions`.
    pub(super) fn move_by(&mut self, delta: isize, regions: usize) {
        self.region = step(self.region, delta, regions);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Action;
    use crate::data;
    use crate::i18n::Lang;

    fn app() -> App {
        let loaded = data::load(None).expect("embedded");
        App::new(loaded.dataset, loaded.origin, Lang::En)
    }

    fn map(app: &App) -> &MapView {
        match &app.overlay {
            Overlay::Map(view) => view,
            other => panic!("no map: {other:?}"),
        }
    }

    fn code(app: &App) -> &str {
        &app.data.regions[map(app).region].code
    }

    #[test]
    fn m_opens_the_map_on_the_main_screens_region_and_q_closes_it() {
        let mut app = app();
        let lanaudiere = app
            .data
            .regions
            .iter()
            .position(|r| r.code == "14")
            .expect("14");
        app.update(Action::Select(
            Pane::Regions,
            FIRST_REGION_ROW + lanaudiere,
            0,
        ));
        app.update(Action::ToggleMap);
        assert_eq!(app.mode(), crate::app::Mode::Map);
        assert_eq!(code(&app), "14");
        assert!(map(&app).geo().is_some());
        app.update(Action::Back);
        assert!(matches!(app.overlay, Overlay::None));
        assert!(app.running);
    }

    #[test]
    fn moving_to_outaouais_and_enter_selects_it_in_the_regions_pane() {
        let mut app = app();
        app.update(Action::ToggleMap);
        assert_eq!(code(&app), "01");
        for _ in 0..6 {
            app.update(Action::Down);
        }
        assert_eq!(code(&app), "07");
        let figures = app.region_figures(map(&app).region()).expect("07");
        assert_eq!((figures.organisations, figures.known_count), (0, Some(63)));
        app.update(Action::Open);
        assert!(matches!(app.overlay, Overlay::None));
        assert_eq!(app.focus(), Pane::Regions);
        assert_eq!(app.region_code(), Some("07"));
    }

    #[test]
    fn the_measure_cycles_and_the_zoom_steps() {
        let mut app = app();
        app.update(Action::ToggleMap);
        for expected in [Measure::People, Measure::Withheld, Measure::Organisations] {
            app.update(Action::CycleMeasure);
            assert_eq!(map(&app).measure(), expected);
        }
        app.update(Action::ZoomCorridor);
        assert_eq!(map(&app).zoom(), View::Corridor);
        app.update(Action::ZoomIn);
        assert_eq!(map(&app).zoom(), View::Montreal);
        app.update(Action::ZoomIn);
        assert_eq!(map(&app).zoom(), View::Montreal);
        app.update(Action::ZoomOut);
        app.update(Action::ZoomOut);
        assert_eq!(map(&app).zoom(), View::Province);
        app.update(Action::ToggleCityLabels);
        assert!(!map(&app).labels());
        assert!(map(&app).side());
        app.update(Action::ToggleMapPanel);
        assert!(!map(&app).side());
        app.update(Action::ToggleMapPanel);
        assert!(map(&app).side());
        app.update(Action::SelectMapRegion(12));
        assert_eq!(code(&app), "13");
        app.update(Action::SelectMapRegion(99));
        assert_eq!(code(&app), "13");
    }

    #[test]
    fn regions_that_are_not_quebecs_get_no_geography() {
        let mut loaded = data::load(None).expect("embedded");
        loaded.dataset.regions[0].code = "99".into();
        let mut app = App::new(loaded.dataset, loaded.origin, Lang::En);
        app.update(Action::ToggleMap);
        assert!(map(&app).geo().is_none());
    }
}
