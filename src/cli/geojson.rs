//! `export --format geojson`: an RFC 7946 FeatureCollection for GIS tools, one
//! Feature per region and one Point per city. The figures come from the letter;
//! the geometry is the embedded background geography, named with its licence.

use serde_json::{Value, json};

use crate::data::Dataset;
use crate::data::geo::{self, Geography, LonLat, Polygon};
use crate::i18n::{Message, Text};

/// The FeatureCollection, or why there is none: a dataset whose regions the
/// geography does not know gets an error, never a wrong map.
pub(crate) fn geojson(data: &Dataset) -> Result<Value, Message> {
    let geo = geography(data)?;
    let mut features = region_features(data, geo);
    let (cities, without_point) = city_features(data, geo);
    features.extend(cities);
    Ok(feature_collection(data, geo, features, without_point))
}

/// The embedded geography, when it has a shape for every region of the
/// dataset; otherwise the error naming the regions it does not know.
fn geography(data: &Dataset) -> Result<&'static Geography, Message> {
    let unknown = |geo: Option<&Geography>| {
        let codes: Vec<&str> = data
            .regions
            .iter()
            .map(|r| r.code.as_str())
            .filter(|c| geo.is_none_or(|g| g.region(c).is_none()))
            .collect();
        Message::new(Text::ExportNoGeography).with("codes", codes.join(", "))
    };
    let geo = geo::quebec().ok_or_else(|| unknown(None))?;
    if !geo.covers(data.regions.iter().map(|r| r.code.as_str())) {
        return Err(unknown(Some(geo)));
    }
    Ok(geo)
}

/// The geography's credit as every feature carries it: GIS tools drop the
/// collection's own members, the features' properties they keep.
fn credit(geo: &Geography) -> [(&'static str, Value); 3] {
    let (r, c) = (&geo.regions_source, &geo.cities_source);
    [
        (
            "geometry_attribution",
            json!(format!("{} {}", r.attribution, c.attribution)),
        ),
        (
            "geometry_licence",
            json!(if r.licence == c.licence {
                r.licence.clone()
            } else {
                format!("{}; {}", r.licence, c.licence)
            }),
        ),
        (
            "geometry_note",
            json!("Background geography, not from the letter."),
        ),
    ]
}

/// `properties` with the geography's credit added.
fn credited(mut properties: Value, geo: &Geography) -> Value {
    if let Some(object) = properties.as_object_mut() {
        for (key, value) in credit(geo) {
            object.insert(key.into(), value);
        }
    }
    properties
}

/// One Feature per region: its shape and its figures (the data dictionary's
/// fields, from the presentation layer: a known count is null, never 0, when
/// the letter gives none).
fn region_features(data: &Dataset, geo: &Geography) -> Vec<Value> {
    let figures = crate::present::figures::regions(data);
    data.regions
        .iter()
        .zip(figures)
        .filter_map(|(region, figures)| {
            let shape = &geo.regions[geo.region(&region.code)?];
            let ids: Vec<&str> = data
                .organisations
                .iter()
                .filter(|o| o.regions.contains(&region.code))
                .map(|o| o.id.as_str())
                .collect();
            let mut properties = figures.json(&region.code, &region.name);
            if let Some(object) = properties.as_object_mut() {
                object.insert("kind".into(), json!("region"));
                object.insert("organisation_ids".into(), json!(ids));
            }
            Some(json!({
                "type": "Feature",
                "id": region.code,
                "geometry": region_geometry(&shape.polygons),
                "properties": credited(properties, geo),
            }))
        })
        .collect()
}

/// One Point Feature per city the geography places, and the names of the
/// cities it does not.
fn city_features<'a>(data: &'a Dataset, geo: &Geography) -> (Vec<Value>, Vec<&'a str>) {
    let mut features = Vec::new();
    let mut without_point = Vec::new();
    for city in &data.cities {
        let Some(point) = geo.city_point(&city.name, &city.region) else {
            without_point.push(city.name.as_str());
            continue;
        };
        let mut properties = crate::present::CityValue::of(city).json(city);
        if let Some(object) = properties.as_object_mut() {
            object.insert("kind".into(), json!("city"));
            object.insert("geonameid".into(), json!(point.geonameid));
        }
        features.push(json!({
            "type": "Feature",
            "id": city.id,
            "geometry": { "type": "Point", "coordinates": [point.lon, point.lat] },
            "properties": credited(properties, geo),
        }));
    }
    (features, without_point)
}

/// The collection around the features: what the letter says, where the
/// geometry comes from, and which cities have no point.
fn feature_collection(
    data: &Dataset,
    geo: &Geography,
    features: Vec<Value>,
    without_point: Vec<&str>,
) -> Value {
    let d = &data.document;
    json!({
        "type": "FeatureCollection",
        "name": format!("{} decision {}", d.ministry_acronym, d.reference),
        "features": features,
        "letter": {
            "decision": d.reference,
            "ministry": d.ministry,
            "date": d.date,
            "subject": d.subject,
            "properties": crate::present::dictionary::FIELDS
                .iter()
                .map(|f| json!({
                    "name": f.name,
                    "of": f.of,
                    "type": f.kind,
                    "absent": f.absent,
                    "description": f.meaning,
                    "source": f.source,
                }))
                .collect::<Vec<_>>(),
            "note": "These properties come from the letter (access-to-information decision); the geometry does not.",
        },
        "geometry_sources": {
            "regions": provenance(&geo.regions_source),
            "cities": provenance(&geo.cities_source),
            "note": "Background geography, not from the letter: region polygons and city points only.",
        },
        "cities_without_point": without_point,
    })
}

fn provenance(p: &geo::Provenance) -> Value {
    json!({ "source": p.source, "licence": p.licence, "attribution": p.attribution })
}

/// A Polygon or a MultiPolygon, outer rings counter-clockwise and holes
/// clockwise, every ring closed, as RFC 7946 asks.
fn region_geometry(polygons: &[Polygon]) -> Value {
    let polygons: Vec<Vec<Vec<LonLat>>> = polygons
        .iter()
        .map(|polygon| {
            polygon
                .iter()
                .enumerate()
                .map(|(i, ring)| wound(ring, i == 0))
                .collect()
        })
        .collect();
    match polygons.as_slice() {
        [one] => json!({ "type": "Polygon", "coordinates": one }),
        _ => json!({ "type": "MultiPolygon", "coordinates": polygons }),
    }
}

/// The ring closed and turning counter-clockwise when `outer`, clockwise otherwise.
fn wound(ring: &[LonLat], outer: bool) -> Vec<LonLat> {
    let mut ring = ring.to_vec();
    if let (Some(first), Some(last)) = (ring.first().copied(), ring.last().copied())
        && first != last
    {
        ring.push(first);
    }
    if (geo::signed_area(&ring) > 0.0) != outer {
        ring.reverse();
    }
    ring
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rings_are_closed_and_wound_as_rfc_7946_asks() {
        let clockwise = vec![[0.0, 0.0], [0.0, 1.0], [1.0, 1.0], [1.0, 0.0]];
        let outer = wound(&clockwise, true);
        assert_eq!(outer.first(), outer.last());
        assert!(geo::signed_area(&outer) > 0.0);
        assert!(geo::signed_area(&wound(&clockwise, false)) < 0.0);
    }
}
