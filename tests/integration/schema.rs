//! Every output validates against the JSON Schema shipped in `schema/`.

use crate::support::{ANALYZER, corpus_files, read_text, repo, sample};
use serde_json::Value;

fn validator(name: &str) -> jsonschema::Validator {
    let schema: Value =
        serde_json::from_str(&std::fs::read_to_string(repo().join("schema").join(name)).unwrap()).unwrap();
    jsonschema::validator_for(&schema).expect("the schema is a valid JSON Schema")
}

fn assert_valid(validator: &jsonschema::Validator, instance: &Value, origin: &str) {
    let errors: Vec<String> =
        validator.iter_errors(instance).map(|e| format!("{} at {}", e, e.instance_path())).collect();
    assert!(errors.is_empty(), "{origin}: {errors:#?}");
}

/// Asserts that `record` is an analysis as the schema describes it.
pub fn assert_matches_analysis(record: &Value) {
    assert_valid(&validator("analysis.schema.json"), record, "record");
}

/// Asserts that `record` is an error record as the schema describes it.
pub fn assert_matches_error(record: &Value) {
    assert_valid(&validator("error.schema.json"), record, "error record");
}

#[test]
fn every_analysis_matches_the_schema() {
    let validator = validator("analysis.schema.json");
    let mut texts = vec![("sample".to_string(), sample())];
    texts.extend(corpus_files().into_iter().map(|p| (p.display().to_string(), read_text(&p))));
    for (origin, text) in texts {
        let analysis = serde_json::to_value(ANALYZER.analyze(&text).with_id(origin.clone())).unwrap();
        assert_valid(&validator, &analysis, &origin);
    }
}

#[test]
fn the_schema_rejects_what_the_contract_forbids() {
    let validator = validator("analysis.schema.json");
    let mut analysis = serde_json::to_value(ANALYZER.analyze(&sample())).unwrap();
    assert_valid(&validator, &analysis, "sample");
    analysis["statements"][0]["speaker"]["start"] = Value::from(-1);
    assert!(!validator.is_valid(&analysis));
    let mut analysis = serde_json::to_value(ANALYZER.analyze(&sample())).unwrap();
    analysis.as_object_mut().unwrap().remove("plan_items");
    assert!(!validator.is_valid(&analysis), "a missing array is an error: fields are present even when empty");
}
