//! `pap-tui export --format geojson`: a FeatureCollection that GIS tools open
//! as is (closed rings, outer rings counter-clockwise, 17 regions and 17
//! cities) whose figures are the dataset's; and an error, never a wrong map,
//! for regions the geography does not know.

use serde_json::Value;

use crate::support::{arg, embedded, pap, write_dataset};

/// Twice the signed area of a ring of `[lon, lat]` pairs.
fn signed_area(ring: &[Value]) -> f64 {
    let point = |v: &Value| {
        let pair = v.as_array().expect("a position");
        (
            pair[0].as_f64().expect("lon"),
            pair[1].as_f64().expect("lat"),
        )
    };
    ring.windows(2)
        .map(|w| {
            let (a, b) = (point(&w[0]), point(&w[1]));
            a.0 * b.1 - b.0 * a.1
        })
        .sum()
}

fn check_polygon(code: &str, rings: &Value) {
    for (i, ring) in rings.as_array().expect("rings").iter().enumerate() {
        let ring = ring.as_array().expect("a ring");
        assert!(ring.len() >= 4, "{code}: ring {i} too short");
        assert_eq!(ring.first(), ring.last(), "{code}: ring {i} not closed");
        let area = signed_area(ring);
        if i == 0 {
            assert!(area > 0.0, "{code}: outer ring clockwise");
        } else {
            assert!(area < 0.0, "{code}: hole counter-clockwise");
        }
    }
}

#[test]
fn geojson_is_a_valid_feature_collection_with_the_datasets_figures() {
    let out = pap(&["export", "--format", "geojson"]).ok();
    let value: Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(value["type"], "FeatureCollection");
    assert!(
        value["letter"]["decision"]
            .as_str()
            .is_some_and(|d| d.contains("18159"))
    );
    for part in ["regions", "cities"] {
        let attribution = value["geometry_sources"][part]["attribution"].as_str();
        assert!(
            attribution.is_some_and(|a| a.contains("CC-BY 4.0")),
            "{part}"
        );
    }
    let features = value["features"].as_array().expect("features");
    let data = embedded();
    let regions: Vec<&Value> = features
        .iter()
        .filter(|f| f["properties"]["kind"] == "region")
        .collect();
    let cities: Vec<&Value> = features
        .iter()
        .filter(|f| f["properties"]["kind"] == "city")
        .collect();
    assert_eq!((regions.len(), cities.len()), (17, 17));
    for feature in &regions {
        assert_eq!(feature["type"], "Feature");
        let p = &feature["properties"];
        let code = p["code"].as_str().expect("code");
        let geometry = &feature["geometry"];
        match geometry["type"].as_str() {
            Some("Polygon") => check_polygon(code, &geometry["coordinates"]),
            Some("MultiPolygon") => {
                for polygon in geometry["coordinates"].as_array().expect("polygons") {
                    check_polygon(code, polygon);
                }
            }
            other => panic!("{code}: {other:?}"),
        }
        let ids: Vec<&str> = data
            .organisations
            .iter()
            .filter(|o| o.regions.iter().any(|r| r == code))
            .map(|o| o.id.as_str())
            .collect();
        assert_eq!(p["organisations"], ids.len(), "{code}");
        assert_eq!(p["organisation_ids"], serde_json::json!(ids), "{code}");
        // The known count is null where the letter gives none, never 0.
        let counts: Vec<u64> = data.cities_in(code).filter_map(|c| c.count).collect();
        let known = (!counts.is_empty()).then(|| counts.iter().sum::<u64>());
        assert_eq!(p["known_count"], serde_json::json!(known), "{code}");
        let withheld = data.cities_in(code).filter(|c| c.count.is_none()).count();
        assert_eq!(p["withheld_cities"], withheld, "{code}");
        assert_eq!(p["listed_cities"], data.cities_in(code).count(), "{code}");
        // The geography's credit travels with every feature.
        let credit = p["geometry_attribution"].as_str().unwrap_or_default();
        assert!(
            credit.contains("MRNF") && credit.contains("GeoNames"),
            "{credit}"
        );
        assert!(
            p["geometry_licence"]
                .as_str()
                .unwrap_or_default()
                .contains("CC-BY 4.0")
        );
    }
    let outaouais = regions
        .iter()
        .find(|f| f["properties"]["code"] == "07")
        .expect("07");
    assert_eq!(outaouais["properties"]["organisations"], 0);
    assert_eq!(outaouais["properties"]["known_count"], 63);
    let montreal = regions
        .iter()
        .find(|f| f["properties"]["code"] == "06")
        .expect("06");
    assert_eq!(
        montreal["properties"]["known_count"],
        serde_json::Value::Null
    );
    for city in &data.cities {
        let feature = cities
            .iter()
            .find(|f| f["properties"]["name"] == city.name.as_str())
            .unwrap_or_else(|| panic!("{}", city.name));
        assert_eq!(feature["geometry"]["type"], "Point");
        let p = &feature["properties"];
        assert_eq!(p["region"], city.region.as_str());
        assert_eq!(p["count"], serde_json::json!(city.count));
        let articles = city.withheld.as_ref().map(|w| w.articles.clone());
        assert_eq!(p["withheld"], articles.is_some());
        assert_eq!(
            p["withheld_articles"],
            serde_json::json!(articles.unwrap_or_default())
        );
        assert!(p["geometry_attribution"].is_string());
    }
}

#[test]
fn regions_the_geography_does_not_know_are_an_error_not_a_wrong_map() {
    let dir = tempfile::tempdir().unwrap();
    let mut data = embedded();
    data.regions[6].code = "99".into();
    for o in &mut data.organisations {
        for r in &mut o.regions {
            if r == "07" {
                *r = "99".into();
            }
        }
    }
    for c in &mut data.cities {
        if c.region == "07" {
            c.region = "99".into();
        }
    }
    let path = write_dataset(dir.path(), "other.json", &data);
    let error = pap(&["--data", arg(&path), "export", "--format", "geojson"]).error();
    assert!(error.contains("99"), "{error}");
    assert!(error.contains("geography"), "{error}");
}
