//! From longitude and latitude to the cells of a terminal: the projection of
//! a view into an area of cells, and the region under each cell, computed once
//! per size and view and used both to fill the map and to find what a click hit.

use super::{Geography, LonLat};

/// How much of Québec the map shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    /// The whole province.
    #[default]
    Province,
    /// The Montréal–Québec corridor, from Gatineau to Baie-Saint-Paul.
    Corridor,
    /// Montréal, Laval and their neighbours.
    Montreal,
}

impl View {
    /// West, south, east, north of what this view shows.
    pub fn window(self, geo: &Geography) -> [f64; 4] {
        match self {
            View::Province => {
                let [w, s, e, n] = geo.bounds();
                [w - 0.3, s - 0.2, e + 0.3, n + 0.2]
            }
            View::Corridor => [-76.3, 44.95, -70.1, 47.7],
            View::Montreal => [-74.2, 45.25, -73.15, 45.8],
        }
    }

    /// The next closer view, or this one when it is the closest.
    pub(crate) fn closer(self) -> View {
        match self {
            View::Province => View::Corridor,
            _ => View::Montreal,
        }
    }

    /// The next wider view, or this one when it is the widest.
    pub(crate) fn wider(self) -> View {
        match self {
            View::Montreal => View::Corridor,
            _ => View::Province,
        }
    }
}

/// A terminal cell is about twice as tall as it is wide.
const CELL_ASPECT: f64 = 2.0;

/// An equirectangular projection, its longitudes shrunk by the cosine of the
/// view's middle latitude, fitted into `width` × `height` cells with the
/// view's box centred. Projected `x` is `lon * cos(lat0)`, `y` is the latitude.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Projection {
    pub width: u16,
    pub height: u16,
    /// `cos(lat0)`.
    pub shrink: f64,
    /// The projected box the cells show: x from `x0` to `x1`, y from `y0` to `y1`.
    pub x0: f64,
    pub x1: f64,
    pub y0: f64,
    pub y1: f64,
}

impl Projection {
    pub(crate) fn new(window: [f64; 4], width: u16, height: u16) -> Projection {
        let [w, s, e, n] = window;
        let shrink = ((s + n) / 2.0).to_radians().cos();
        let (xw, xe) = (w * shrink, e * shrink);
        let (cols, rows) = (f64::from(width.max(1)), f64::from(height.max(1)));
        // Projected units per cell, the same on both axes once the cell's
        // height is counted twice.
        let unit = ((xe - xw) / cols).max((n - s) / (rows * CELL_ASPECT));
        let (half_x, half_y) = (unit * cols / 2.0, unit * rows * CELL_ASPECT / 2.0);
        let (cx, cy) = ((xw + xe) / 2.0, (s + n) / 2.0);
        Projection {
            width,
            height,
            shrink,
            x0: cx - half_x,
            x1: cx + half_x,
            y0: cy - half_y,
            y1: cy + half_y,
        }
    }

    /// The projected point of a longitude and latitude.
    pub(crate) fn project(&self, [lon, lat]: LonLat) -> (f64, f64) {
        (lon * self.shrink, lat)
    }

    /// The cell a longitude and latitude falls in, if it is on screen.
    pub(crate) fn cell(&self, point: LonLat) -> Option<(u16, u16)> {
        let (x, y) = self.project(point);
        let col = (x - self.x0) / (self.x1 - self.x0) * f64::from(self.width);
        let row = (self.y1 - y) / (self.y1 - self.y0) * f64::from(self.height);
        let inside =
            col >= 0.0 && row >= 0.0 && col < f64::from(self.width) && row < f64::from(self.height);
        inside.then_some((col as u16, row as u16))
    }

    /// The longitude and latitude at a fraction of a cell (0.5, 0.5 its centre).
    pub(crate) fn lon_lat(&self, col: f64, row: f64) -> LonLat {
        let x = self.x0 + col / f64::from(self.width.max(1)) * (self.x1 - self.x0);
        let y = self.y1 - row / f64::from(self.height.max(1)) * (self.y1 - self.y0);
        [x / self.shrink, y]
    }
}

/// Which region each half of each cell shows (top and bottom, for half-block
/// fills), for one view at one size.
#[derive(Debug, Clone, PartialEq)]
pub struct Raster {
    pub view: View,
    pub projection: Projection,
    /// `2 * width * height` entries, row by row: the top half of each cell of
    /// a row, then the bottom half. `None` is water or outside Québec.
    halves: Vec<Option<u8>>,
}

impl Raster {
    pub(crate) fn new(geo: &Geography, view: View, width: u16, height: u16) -> Raster {
        let projection = Projection::new(view.window(geo), width, height);
        let (w, h) = (usize::from(width), usize::from(height));
        let mut halves = Vec::with_capacity(2 * w * h);
        for row in 0..h {
            for half in [0.25, 0.75] {
                for col in 0..w {
                    let point = projection.lon_lat(col as f64 + 0.5, row as f64 + half);
                    halves.push(geo.region_at(point).and_then(|i| u8::try_from(i).ok()));
                }
            }
        }
        Raster {
            view,
            projection,
            halves,
        }
    }

    /// The regions under the top and the bottom half of a cell.
    pub(crate) fn halves(&self, col: u16, row: u16) -> (Option<usize>, Option<usize>) {
        let w = usize::from(self.projection.width);
        let (col, row) = (usize::from(col), usize::from(row));
        if col >= w || row >= usize::from(self.projection.height) {
            return (None, None);
        }
        let top = self.halves[row * 2 * w + col];
        let bottom = self.halves[(row * 2 + 1) * w + col];
        (top.map(usize::from), bottom.map(usize::from))
    }

    /// The region a click on this cell means: the one under either half.
    pub(crate) fn region_at(&self, col: u16, row: u16) -> Option<usize> {
        let (top, bottom) = self.halves(col, row);
        bottom.or(top)
    }
}
