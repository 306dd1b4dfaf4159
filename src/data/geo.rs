//! Background geography for the map: Québec's 17 administrative regions and a
//! point for each city of the letter. Not data from the letter: it is embedded
//! apart from it (`assets/geo/`), with the attribution every map must show.

mod raster;

use std::sync::OnceLock;

use serde::Deserialize;

pub use raster::{Projection, Raster, View};

/// A longitude and a latitude, in degrees.
pub type LonLat = [f64; 2];

/// A polygon: its outer ring first, then its holes.
pub(crate) type Polygon = Vec<Vec<LonLat>>;

/// One administrative region's shape.
#[derive(Debug, Clone, Deserialize)]
pub struct RegionShape {
    pub code: String,
    pub name: String,
    pub polygons: Vec<Polygon>,
    /// Box around every polygon: west, south, east, north.
    #[serde(skip)]
    pub bounds: [f64; 4],
}

/// A city of the letter's headcount table, at its GeoNames point.
#[derive(Debug, Clone, Deserialize)]
pub struct CityPoint {
    pub name: String,
    /// The name in the gazetteer, which may be shorter than the letter's.
    pub geonames_name: String,
    pub geonameid: u64,
    pub lon: f64,
    pub lat: f64,
    pub region: String,
}

/// The embedded regions and cities, with where they come from.
#[derive(Debug, Clone)]
pub struct Geography {
    pub regions: Vec<RegionShape>,
    pub cities: Vec<CityPoint>,
    /// Where the region boundaries come from, and their licence and attribution.
    pub regions_source: Provenance,
    /// Where the city points come from, and their licence and attribution.
    pub cities_source: Provenance,
}

/// The source, licence and attribution of one file of geography.
#[derive(Debug, Clone, Deserialize)]
pub struct Provenance {
    pub source: String,
    pub licence: String,
    pub attribution: String,
}

#[derive(Deserialize)]
struct RegionsFile {
    #[serde(flatten)]
    provenance: Provenance,
    regions: Vec<RegionShape>,
}

#[derive(Deserialize)]
struct CitiesFile {
    #[serde(flatten)]
    provenance: Provenance,
    cities: Vec<CityPoint>,
}

const REGIONS_JSON: &str = include_str!("../../assets/geo/quebec-regions.json");
const CITIES_JSON: &str = include_str!("../../assets/geo/cities.json");

/// The embedded geography, read once. The files are part of the program and a
/// test reads them, so they cannot fail to parse in a build that passed it;
/// should they, the map says no geography is known rather than panic.
pub(crate) fn quebec() -> Option<&'static Geography> {
    static GEO: OnceLock<Option<Geography>> = OnceLock::new();
    GEO.get_or_init(|| parse(REGIONS_JSON, CITIES_JSON))
        .as_ref()
}

fn parse(regions: &str, cities: &str) -> Option<Geography> {
    let regions: RegionsFile = serde_json::from_str(regions).ok()?;
    let cities: CitiesFile = serde_json::from_str(cities).ok()?;
    let mut shapes = regions.regions;
    for shape in &mut shapes {
        shape.bounds = bounds(shape.polygons.iter().flatten().flatten());
    }
    Some(Geography {
        regions: shapes,
        cities: cities.cities,
        regions_source: regions.provenance,
        cities_source: cities.provenance,
    })
}

/// West, south, east, north of some points.
pub(crate) fn bounds<'a>(points: impl Iterator<Item = &'a LonLat>) -> [f64; 4] {
    points.fold(
        [
            f64::INFINITY,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NEG_INFINITY,
        ],
        |[w, s, e, n], &[x, y]| [w.min(x), s.min(y), e.max(x), n.max(y)],
    )
}

impl Geography {
    /// The position in `regions` of the region with this code.
    pub fn region(&self, code: &str) -> Option<usize> {
        self.regions.iter().position(|r| r.code == code)
    }

    /// The point of a city of the letter in `region`: by its name, or by the
    /// gazetteer's name that the letter's name begins with ("Chicoutimi" for
    /// the point named "Chicoutimi (Saguenay)", "Sainte-Marie" for the letter's
    /// "Sainte-Marie-de-Beauce").
    pub(crate) fn city_point(&self, name: &str, region: &str) -> Option<&CityPoint> {
        let in_region = || self.cities.iter().filter(move |c| c.region == region);
        in_region().find(|c| c.name == name).or_else(|| {
            in_region().find(|c| {
                name.get(..c.geonames_name.len())
                    .is_some_and(|start| start.eq_ignore_ascii_case(&c.geonames_name))
            })
        })
    }

    /// Whether the geography knows every one of these region codes, so that a
    /// map of them is the map of the dataset and not a wrong one.
    pub(crate) fn covers<'a>(&self, mut codes: impl Iterator<Item = &'a str>) -> bool {
        codes.all(|code| self.region(code).is_some())
    }

    /// The region a point lies in, if any.
    pub(crate) fn region_at(&self, point: LonLat) -> Option<usize> {
        self.regions.iter().position(|r| {
            let [w, s, e, n] = r.bounds;
            point[0] >= w
                && point[0] <= e
                && point[1] >= s
                && point[1] <= n
                && r.polygons.iter().any(|p| in_polygon(p, point))
        })
    }

    /// The box around every region: west, south, east, north.
    pub(crate) fn bounds(&self) -> [f64; 4] {
        self.regions.iter().fold(
            [
                f64::INFINITY,
                f64::INFINITY,
                f64::NEG_INFINITY,
                f64::NEG_INFINITY,
            ],
            |[w, s, e, n], r| {
                [
                    w.min(r.bounds[0]),
                    s.min(r.bounds[1]),
                    e.max(r.bounds[2]),
                    n.max(r.bounds[3]),
                ]
            },
        )
    }
}

/// Whether a point is inside a polygon's outer ring and outside its holes.
pub(crate) fn in_polygon(polygon: &Polygon, point: LonLat) -> bool {
    let mut rings = polygon.iter();
    match rings.next() {
        Some(outer) => in_ring(outer, point) && !rings.any(|hole| in_ring(hole, point)),
        None => false,
    }
}

/// Even-odd rule: a ray from the point crosses the ring an odd number of times.
pub(crate) fn in_ring(ring: &[LonLat], [x, y]: LonLat) -> bool {
    let mut inside = false;
    let mut previous = match ring.last() {
        Some(&p) => p,
        None => return false,
    };
    for &[xi, yi] in ring {
        let [xj, yj] = previous;
        if (yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi {
            inside = !inside;
        }
        previous = [xi, yi];
    }
    inside
}

/// Twice the signed area of a ring: positive when it turns counter-clockwise.
pub(crate) fn signed_area(ring: &[LonLat]) -> f64 {
    ring.iter()
        .zip(ring.iter().cycle().skip(1))
        .map(|(a, b)| a[0] * b[1] - b[0] * a[1])
        .sum()
}

#[cfg(test)]
mod tests;
