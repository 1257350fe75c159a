//! Real output validates against the published JSON Schema (docs/record.schema.json).

mod common;

use std::fs;

use common::{records, run, shared_dir, RELEASE};

fn validator() -> jsonschema::Validator {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/record.schema.json");
    let schema: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap();
    jsonschema::validator_for(&schema).expect("the schema itself is valid")
}

fn assert_valid(validator: &jsonschema::Validator, record: &serde_json::Value) {
    let errors: Vec<String> = validator
        .iter_errors(record)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "record {} violates the schema:\n{}",
        record["doc_id"],
        errors.join("\n")
    );
}

#[test]
fn processed_and_failed_records_validate() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), RELEASE).unwrap();
    fs::write(dir.path().join("b.txt"), b"").unwrap();
    fs::write(dir.path().join("c.jsonl"), "{\"id\": \"x\", \"text\": \"Peking, 3. Mai 2021 – Text.\", \"published\": \"2021-05-03\"}\nnope\n").unwrap();
    let output = run(&[dir.path().to_str().unwrap(), "/no/such/file.txt"], None);
    let found = records(&output);
    assert_eq!(found.len(), 5);
    let validator = validator();
    for record in &found {
        assert_valid(&validator, record);
    }
}

#[test]
fn the_schema_rejects_what_the_documentation_forbids() {
    let validator = validator();
    let output = run(&["-"], Some(b"{\"id\": \"x\", \"text\": \"Ein Text.\"}\n"));
    let good = records(&output).remove(0);
    assert_valid(&validator, &good);
    let mut bad_cases = Vec::new();
    let mut wrong_schema = good.clone();
    wrong_schema["schema"] = "meldung.record.v2".into();
    bad_cases.push(wrong_schema);
    let mut missing_field = good.clone();
    missing_field.as_object_mut().unwrap().remove("text_sha256");
    bad_cases.push(missing_field);
    let mut bad_entity = good.clone();
    bad_entity["entities"] = serde_json::json!([{"id": "e1", "type": "MISC", "text": "x", "start": 0, "end": 1,
        "byte_start": 0, "byte_end": 1, "canonical": "x", "kb_id": null, "subtype": null, "source": "test"}]);
    bad_cases.push(bad_entity);
    let mut bad_date = good.clone();
    bad_date["published"] = "20.06.2019".into();
    bad_cases.push(bad_date);
    for case in bad_cases {
        assert!(!validator.is_valid(&case), "schema accepted {case}");
    }
}

#[test]
fn seed_releases_validate() {
    let Some(shared) = shared_dir() else { return };
    let seeds = shared.join("seeds");
    let output = run(&[seeds.to_str().unwrap()], None);
    assert_eq!(output.status.code(), Some(0));
    let validator = validator();
    let found = records(&output);
    assert!(found.len() >= 5);
    for record in &found {
        assert_valid(&validator, record);
    }
}
