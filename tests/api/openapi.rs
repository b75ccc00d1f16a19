//! The committed contract must equal what the code generates (`make openapi` regenerates it).

#[test]
fn committed_openapi_matches_the_code() {
    let committed =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../openapi/openapi.json")).unwrap_or_default();
    let generated = huiyin_api::openapi_json();
    assert!(
        committed == generated,
        "openapi/openapi.json is stale: run `make openapi` and commit the result"
    );
}

#[test]
fn every_schema_reference_resolves() {
    let generated = huiyin_api::openapi_json();
    let document: serde_json::Value = serde_json::from_str(&generated).unwrap();
    let defined = document["components"]["schemas"].as_object().unwrap();
    let mut missing: Vec<&str> = generated
        .match_indices("#/components/schemas/")
        .map(|(i, prefix)| {
            let rest = &generated[i + prefix.len()..];
            &rest[..rest.find('"').unwrap()]
        })
        .filter(|name| !defined.contains_key(*name))
        .collect();
    missing.sort();
    missing.dedup();
    assert!(
        missing.is_empty(),
        "dangling $refs (register these schemas in docs.rs): {missing:?}"
    );
}

#[test]
fn operation_ids_are_unique() {
    let document: serde_json::Value = serde_json::from_str(&huiyin_api::openapi_json()).unwrap();
    let mut ids: Vec<String> = document["paths"]
        .as_object()
        .unwrap()
        .values()
        .flat_map(|item| {
            item.as_object()
                .unwrap()
                .values()
                .filter_map(|op| op["operationId"].as_str().map(str::to_owned))
        })
        .collect();
    let total = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), total, "generated clients need unique operation ids");
}
