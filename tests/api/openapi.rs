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
