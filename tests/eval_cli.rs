//! `extract eval` end to end, on the fixture corpus in tests/fixtures/eval.
//!
//! `predicted.jsonl` holds hand-made predictions with known mistakes (a region inside an
//! organisation's name, a date with a wrong span and value, a relation with a wrong party), so
//! its scores are known exactly. Runs that extract (rather than read predictions) only check
//! what does not depend on the stages: the gold counts and the exit codes.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/eval")
}

fn extract(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_extract"))
        .arg("eval")
        .args(args)
        .current_dir(fixtures())
        .output()
        .expect("run extract")
}

fn json(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|err| {
        panic!(
            "not JSON ({err}): {}\n{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    })
}

fn counts(report: &Value, metric: &str) -> (u64, u64, u64) {
    let m = &report["scores"][metric];
    (
        m["correct"].as_u64().unwrap(),
        m["missing"].as_u64().unwrap(),
        m["extra"].as_u64().unwrap(),
    )
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn scores_existing_predictions_exactly() {
    let output = extract(&[
        "--gold",
        "corpus/gold.jsonl",
        "--predicted",
        "predicted.jsonl",
        "--json",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let report = json(&output);
    assert_eq!(report["documents"], 2);
    let expected = [
        ("entities.strict", (7, 3, 1)),
        ("entities.LOC.strict", (5, 0, 1)),
        ("entities.ORG.strict", (1, 3, 0)),
        ("entities.canonical", (6, 3, 1)),
        ("dates.strict", (1, 2, 1)),
        ("dates.relaxed", (2, 1, 0)),
        ("dates.value", (1, 2, 1)),
        ("relations.pair", (1, 2, 1)),
        ("relations.typed", (1, 2, 1)),
        ("relations.VISIT", (1, 0, 0)),
    ];
    for (metric, want) in expected {
        assert_eq!(counts(&report, metric), want, "{metric}");
    }
    assert_eq!(report["published"]["correct"], 1);
    assert_eq!(report["published"]["total"], 1);
    assert_eq!(
        report["without_gold"],
        serde_json::json!(["dev/99_ohne_gold"])
    );
    assert_eq!(
        report["without_prediction"],
        serde_json::json!(["test/01_forum"])
    );
    let f1 = report["scores"]["entities.strict"]["f1"].as_f64().unwrap();
    assert!((f1 - 2.0 * 0.875 * 0.7 / 1.575).abs() < 1e-9);
}

#[test]
fn thresholds_decide_the_exit_status() {
    let gold = [
        "--gold",
        "corpus/gold.jsonl",
        "--predicted",
        "predicted.jsonl",
    ];
    let cases: [(&[&str], i32, Option<&str>); 5] = [
        (&["--min", "entities.strict.recall=0.7"], 0, None),
        (
            &["--min", "entities.strict.f1=0.8"],
            1,
            Some("entities.strict.f1"),
        ),
        (
            &[
                "--min",
                "dates.relaxed.precision=1",
                "--min",
                "relations.pair.f1=0.5",
            ],
            1,
            Some("relations.pair.f1"),
        ),
        (&["--min", "published.accuracy=1.0"], 0, None),
        (
            &["--min", "entities.strict.f2=0.5"],
            2,
            Some("unknown score"),
        ),
    ];
    for (extra, code, named) in cases {
        let args: Vec<&str> = gold.iter().chain(extra).copied().collect();
        let output = extract(&args);
        assert_eq!(
            output.status.code(),
            Some(code),
            "{extra:?}: {}",
            stderr(&output)
        );
        if let Some(named) = named {
            assert!(
                stderr(&output).contains(named),
                "{extra:?}: {}",
                stderr(&output)
            );
        }
    }
}

#[test]
fn thresholds_file_next_to_the_gold_and_its_split_sections() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        fixtures().join("corpus/gold.jsonl"),
        dir.path().join("gold.jsonl"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("thresholds.toml"),
        "# fixture\nentities.strict.precision = 0.8\n\n[dev]\ndates.relaxed.f1 = 0.9  # too high\n",
    )
    .unwrap();
    let gold = dir.path().join("gold.jsonl");
    let gold = gold.to_str().unwrap();
    let predicted = fixtures().join("predicted.jsonl");
    let predicted = predicted.to_str().unwrap();
    let cases: [(&[&str], i32); 4] = [
        (&[], 0),
        (&["--split", "dev"], 1),
        (&["--split", "dev", "--no-thresholds"], 0),
        (&["--min", "entities.strict.precision=0.9"], 1),
    ];
    for (extra, code) in cases {
        let mut args = vec!["--gold", gold, "--predicted", predicted, "--json"];
        args.extend_from_slice(extra);
        let output = extract(&args);
        assert_eq!(
            output.status.code(),
            Some(code),
            "{extra:?}: {}",
            stderr(&output)
        );
        let report = json(&output);
        let failed: Vec<&str> = report["thresholds"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|t| t["passed"] == false)
            .map(|t| t["key"].as_str().unwrap())
            .collect();
        assert_eq!(failed.is_empty(), code == 0, "{extra:?}: {failed:?}");
    }
    // A malformed file is a usage error naming file and line.
    std::fs::write(
        dir.path().join("thresholds.toml"),
        "entities.strict.f1 = 0.5\nkaputt\n",
    )
    .unwrap();
    let output = extract(&["--gold", gold, "--predicted", predicted]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("thresholds.toml:2: expected `key = value`"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn extracts_the_documents_and_pairs_them_with_the_gold() {
    // (arguments, documents scored, gold entities scored)
    let cases: [(&[&str], u64, u64); 4] = [
        (&["corpus"], 3, 13),
        (&[], 3, 13),
        (&["corpus", "--split", "dev"], 2, 10),
        (&["corpus/test"], 1, 3),
    ];
    for (extra, documents, gold_entities) in cases {
        let mut args = vec!["--gold", "corpus/gold.jsonl", "--json", "--jobs", "1"];
        args.extend_from_slice(extra);
        let output = extract(&args);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{extra:?}: {}",
            stderr(&output)
        );
        let report = json(&output);
        assert_eq!(report["documents"], documents, "{extra:?}");
        let (correct, missing, _) = counts(&report, "entities.strict");
        assert_eq!(correct + missing, gold_entities, "{extra:?}");
        // The gold file itself is not read as documents.
        assert_eq!(report["failed"], serde_json::json!([]), "{extra:?}");
        assert_eq!(report["without_gold"], serde_json::json!([]), "{extra:?}");
        assert_eq!(
            report["warnings"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|w| w.as_str().unwrap().contains("does not match"))
                .count(),
            0
        );
    }
}

#[test]
fn germeval_tsv_sentences_are_the_documents() {
    let output = extract(&["--gold", "germeval.tsv", "--json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let report = json(&output);
    assert_eq!(report["format"], "CoNLL/GermEval TSV");
    assert_eq!(report["documents"], 3);
    for metric in [
        "entities.PER.strict",
        "entities.LOC.strict",
        "entities.ORG.strict",
    ] {
        let (correct, missing, _) = counts(&report, metric);
        assert_eq!(correct + missing, 1, "{metric}");
    }
    // "Hamburg" inside the token "Hamburg-Besuch" is the gold's LOCpart, not a wrong LOC.
    let (_, _, extra) = counts(&report, "entities.LOC.strict");
    assert_eq!(extra, 0);
    let warnings = report["warnings"].as_array().unwrap();
    assert!(
        warnings.iter().any(|w| w
            .as_str()
            .unwrap()
            .starts_with("1 predicted name(s) inside a token")),
        "{warnings:?}"
    );
}

#[test]
fn show_errors_lists_items_with_context() {
    let output = extract(&[
        "--gold",
        "corpus/gold.jsonl",
        "--predicted",
        "predicted.jsonl",
        "--show-errors",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = String::from_utf8_lossy(&output.stdout);
    for expected in [
        "entities.strict",
        "missing  entities.strict     ORG \"Landesregierung Schleswig-Holstein\"",
        "Die [[Landesregierung Schleswig-Holstein]] und",
        "extra    entities.strict     LOC \"Schleswig-Holstein\"",
        "wrong    dates.value",
        "unterzeichnete [[am Dienstag]] in Kiel",
        "missing  relations.typed     AGREEMENT",
    ] {
        assert!(text.contains(expected), "{expected:?} not in\n{text}");
    }
    let report = json(&extract(&[
        "--gold",
        "corpus/gold.jsonl",
        "--predicted",
        "predicted.jsonl",
        "--show-errors",
        "--json",
    ]));
    let errors = report["errors"].as_array().unwrap();
    let missing_org = errors
        .iter()
        .find(|e| {
            e["metric"] == "entities.strict"
                && e["kind"] == "missing"
                && e["doc_id"] == "dev/01_hafen"
        })
        .unwrap();
    assert!(missing_org["context"]
        .as_str()
        .unwrap()
        .contains("[[Landesregierung Schleswig-Holstein]]"));
}

#[test]
fn usage_errors_exit_2_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.jsonl");
    std::fs::write(
        &bad,
        "{\"doc_id\": \"a\"}\n{\"doc_id\": \"b\", \"entities\": [{\"type\": \"MISC\"}]}\n",
    )
    .unwrap();
    let bad_tsv = dir.path().join("bad.tsv");
    std::fs::write(&bad_tsv, "1\tKiel\tB-LOC\tO\nkaputt\n").unwrap();
    let wikiwars = dir.path().join("wikiwars");
    std::fs::create_dir_all(wikiwars.join("in")).unwrap();
    std::fs::create_dir_all(wikiwars.join("key")).unwrap();
    let bad_predicted = dir.path().join("out.jsonl");
    std::fs::write(&bad_predicted, "{\"doc_id\": 1}\n").unwrap();
    let path = |p: &Path| p.to_str().unwrap().to_string();
    let cases: Vec<(Vec<String>, String)> = vec![
        (
            vec!["--gold".into(), path(&bad)],
            format!("{}:2: invalid gold record", path(&bad)),
        ),
        (
            vec!["--gold".into(), path(&bad_tsv)],
            format!("{}:2: expected tab-separated", path(&bad_tsv)),
        ),
        (
            vec!["--gold".into(), "no/such/gold.jsonl".into()],
            "no/such/gold.jsonl: ".into(),
        ),
        (
            vec!["--gold".into(), path(&wikiwars)],
            "wikiwars/in: no .sgm files".into(),
        ),
        (
            vec![
                "--gold".into(),
                "corpus/gold.jsonl".into(),
                "--predicted".into(),
                path(&bad_predicted),
            ],
            format!("{}:1: not a meldung record", path(&bad_predicted)),
        ),
        (
            vec!["--gold".into(), "germeval.tsv".into(), "corpus".into()],
            "carries its own text".into(),
        ),
        (
            vec![
                "--gold".into(),
                "corpus/gold.jsonl".into(),
                "--split".into(),
                "train".into(),
            ],
            "no gold documents of split \"train\" (splits: dev, test)".into(),
        ),
        (vec!["--gold".into()], "--gold".into()),
    ];
    for (args, message) in cases {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let output = extract(&args);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{args:?}: {}",
            stderr(&output)
        );
        assert!(
            stderr(&output).contains(&message),
            "{args:?}: {}",
            stderr(&output)
        );
    }
}
