//! Gold reading and document pairing.

use std::path::Path;

use meldung::eval::gold::{align, detect_format, parse_records, GoldFormat};

#[test]
fn malformed_gold_records_name_the_line() {
    let ok = r#"{"doc_id": "a", "entities": [], "dates": [], "relations": []}"#;
    let cases = [
        (format!("{ok}\n{{kaputt\n"), "g.jsonl:2: invalid JSON"),
        (format!("\n{ok}\n{ok}\n"), "g.jsonl:3: doc_id \"a\" occurs twice"),
        (
            r#"{"doc_id": "b", "entities": [{"type": "MISC", "start": 0, "end": 1, "canonical": "x"}]}"#.to_string(),
            "g.jsonl:1: invalid gold record: unknown variant `MISC`",
        ),
        (
            r#"{"doc_id": "b", "dates": [{"id": "d1", "start": 5, "end": 1, "value": "2020"}]}"#.to_string(),
            "g.jsonl:1: date d1: start 5 > end 1",
        ),
        (
            r#"{"schema": "meldung.record.v1", "doc_id": "c"}"#.to_string(),
            "g.jsonl:1: invalid record",
        ),
    ];
    for (text, prefix) in cases {
        let err = parse_records(&text, "g.jsonl").unwrap_err().to_string();
        assert!(err.starts_with(prefix), "{text:?}: {err}");
    }
}

#[test]
fn gold_parties_get_region_ids_from_the_gold_entities() {
    let line = r#"{"doc_id": "a", "split": "dev", "entities": [
        {"type": "LOC", "text": "Sachsens", "start": 0, "end": 8, "canonical": "Sachsen", "kb_id": "DE-SN"},
        {"type": "ORG", "text": "TU Chemnitz", "start": 20, "end": 31, "canonical": "TU Chemnitz", "kb_id": "ror:00a208s56"}],
        "relations": [{"type": "COOPERATION", "parties": ["Sachsen", "TU Chemnitz"], "date": null}]}"#
        .replace('\n', " ");
    let gold = parse_records(&line, "g").unwrap();
    let doc = &gold.docs[0].annotations;
    assert_eq!(doc.split.as_deref(), Some("dev"));
    let parties: Vec<(&str, Option<&str>)> = doc.relations[0]
        .parties
        .iter()
        .map(|p| (p.name.as_str(), p.kb_id.as_deref()))
        .collect();
    // Only region ids are compared, so an organisation's id is not carried.
    assert_eq!(parties, [("Sachsen", Some("DE-SN")), ("TU Chemnitz", None)]);
}

#[test]
fn formats_are_detected_by_extension_then_content() {
    let cases = [
        ("gold.jsonl", "", Some(GoldFormat::Records)),
        ("NER-de-dev.tsv", "", Some(GoldFormat::Conll)),
        ("daten.conll", "", Some(GoldFormat::Conll)),
        ("gold", "\n{\"doc_id\": \"a\"}\n", Some(GoldFormat::Records)),
        (
            "gold",
            "#\tquelle\n1\tKiel\tB-LOC\tO\n",
            Some(GoldFormat::Conll),
        ),
        ("gold", "Kiel ist eine Stadt.\n", None),
    ];
    for (name, head, expected) in cases {
        assert_eq!(
            detect_format(Path::new(name), head),
            expected,
            "{name} {head:?}"
        );
    }
}

#[test]
fn documents_pair_by_id_then_path_then_unique_suffix() {
    let gold = [
        (
            "dev/01_a".to_string(),
            Some("corpus/dev/01_a.txt".to_string()),
        ),
        (
            "test/02_b".to_string(),
            Some("corpus/test/02_b.txt".to_string()),
        ),
        ("test/03_c".to_string(), None),
    ];
    let predicted = [
        (
            "irgendwas".to_string(),
            Some("./corpus/dev/01_a.txt".to_string()),
        ),
        ("02_b".to_string(), Some("elsewhere/02_b.txt".to_string())),
        ("test/02_b".to_string(), None),
        ("03_d".to_string(), None),
    ];
    let alignment = align(&gold, &predicted);
    // The exact id wins over the earlier suffix match.
    assert_eq!(alignment.pairs, [(0, 0), (1, 2)]);
    assert_eq!(alignment.duplicates, [1]);
    assert_eq!(alignment.without_gold, [3]);
    assert_eq!(alignment.without_prediction, [2]);
}
