use super::*;

fn geo() -> &'static Geography {
    quebec().expect("the embedded geography parses")
}

#[test]
fn the_embedded_geography_has_seventeen_regions_and_seventeen_cities() {
    let geo = geo();
    let codes: Vec<&str> = geo.regions.iter().map(|r| r.code.as_str()).collect();
    let expected: Vec<String> = (1..=17).map(|n| format!("{n:02}")).collect();
    assert_eq!(codes, expected);
    assert_eq!(geo.cities.len(), 17);
    assert!(geo.regions_source.attribution.contains("CC-BY 4.0"));
    assert!(geo.cities_source.attribution.contains("GeoNames"));
    for city in &geo.cities {
        assert!(geo.region(&city.region).is_some(), "{}", city.name);
    }
}

#[test]
fn each_city_lies_in_its_own_region() {
    let geo = geo();
    for city in &geo.cities {
        let found = geo
            .region_at([city.lon, city.lat])
            .map(|i| &geo.regions[i].code);
        assert_eq!(found, Some(&city.region), "{}", city.name);
    }
}

#[test]
fn a_point_in_a_ring_and_in_its_hole() {
    let square = vec![[0.0, 0.0], [4.0, 0.0], [4.0, 4.0], [0.0, 4.0], [0.0, 0.0]];
    let hole = vec![[1.0, 1.0], [1.0, 3.0], [3.0, 3.0], [3.0, 1.0], [1.0, 1.0]];
    let polygon = vec![square.clone(), hole];
    assert!(in_ring(&square, [0.5, 0.5]));
    assert!(!in_ring(&square, [4.5, 0.5]));
    assert!(in_polygon(&polygon, [0.5, 2.0]));
    assert!(!in_polygon(&polygon, [2.0, 2.0]));
    assert!(signed_area(&square) > 0.0);
}

#[test]
fn the_projection_keeps_the_province_inside_and_its_shape() {
    let geo = geo();
    for (w, h) in [(80, 20), (120, 36), (200, 56)] {
        let p = Projection::new(View::Province.window(geo), w, h);
        for city in &geo.cities {
            assert!(
                p.cell([city.lon, city.lat]).is_some(),
                "{} at {w}×{h}",
                city.name
            );
        }
        // One projected unit is as long across as up, a cell being two units tall.
        let across = (p.x1 - p.x0) / f64::from(w);
        let up = (p.y1 - p.y0) / f64::from(h) / 2.0;
        assert!((across - up).abs() < 1e-9);
        // A cell's centre goes back to the cell.
        let [lon, lat] = p.lon_lat(10.5, 5.5);
        assert_eq!(p.cell([lon, lat]), Some((10, 5)));
    }
    // Montréal is north-west of Sherbrooke: further left and higher up.
    let p = Projection::new(View::Province.window(geo), 120, 36);
    let mtl = p.cell([-73.588, 45.509]).expect("on screen");
    let sherbrooke = p.cell([-71.899, 45.4]).expect("on screen");
    assert!(mtl.0 < sherbrooke.0 && mtl.1 <= sherbrooke.1);
}

#[test]
fn a_click_at_gatineaus_cell_selects_outaouais() {
    let geo = geo();
    let gatineau = geo
        .cities
        .iter()
        .find(|c| c.name == "Gatineau")
        .expect("Gatineau");
    for (view, w, h) in [
        (View::Province, 120, 36),
        (View::Province, 200, 56),
        (View::Corridor, 120, 36),
    ] {
        let raster = Raster::new(geo, view, w, h);
        let (col, row) = raster
            .projection
            .cell([gatineau.lon, gatineau.lat])
            .expect("on screen");
        let region = raster
            .region_at(col, row)
            .map(|i| geo.regions[i].code.as_str());
        assert_eq!(region, Some("07"), "{view:?} {w}×{h}");
    }
}

#[test]
fn the_corridor_makes_montreal_and_laval_clickable() {
    let geo = geo();
    let raster = Raster::new(geo, View::Corridor, 120, 36);
    let cells = |code: &str| {
        let i = geo.region(code).expect("region");
        (0..36u16)
            .flat_map(|row| (0..120u16).map(move |col| (col, row)))
            .filter(|&(c, r)| raster.region_at(c, r) == Some(i))
            .count()
    };
    assert!(cells("06") >= 4, "Montréal: {}", cells("06"));
    assert!(cells("13") >= 2, "Laval: {}", cells("13"));
}

#[test]
fn the_geography_covers_the_letters_regions_only() {
    let geo = geo();
    assert!(geo.covers(["07", "13"].into_iter()));
    assert!(!geo.covers(["07", "99"].into_iter()));
}

#[test]
fn the_letters_cities_find_their_points() {
    let geo = geo();
    let data = crate::data::load(None).expect("embedded").dataset;
    for city in &data.cities {
        let point = geo.city_point(&city.name, &city.region);
        assert!(point.is_some(), "{}", city.name);
    }
    assert!(geo.city_point("Saint-Constant", "12").is_none());
}

#[test]
fn a_point_on_the_maps_right_or_bottom_edge_is_off_it() {
    let map = Projection {
        width: 10,
        height: 10,
        shrink: 1.0,
        x0: 0.0,
        x1: 10.0,
        y0: 0.0,
        y1: 10.0,
    };
    assert_eq!(map.cell([0.0, 10.0]), Some((0, 0)), "top left");
    assert_eq!(map.cell([9.5, 0.5]), Some((9, 9)), "bottom right");
    assert_eq!(map.cell([10.0, 5.0]), None, "right edge");
    assert_eq!(map.cell([5.0, 0.0]), None, "bottom edge");
    assert_eq!(map.cell([-0.1, 5.0]), None);
    assert_eq!(map.cell([5.0, 10.1]), None);
}
