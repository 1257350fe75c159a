//! End-to-end tests of the `extract` binary: inputs, bad input, exit codes, ordering.

mod common;

use std::fs;
use std::io::Read;
use std::process::Stdio;

use common::{records, run, RELEASE};

fn write(path: &std::path::Path, bytes: &[u8]) {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(path, bytes).unwrap();
}

#[test]
fn walks_directories_recursively_in_sorted_order() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("b.txt"), b"Zweiter Text.");
    write(&dir.path().join("a/z.txt"), b"Text in a.");
    write(&dir.path().join("a/notes.md"), b"ignored by default");
    write(
        &dir.path().join("c.jsonl"),
        b"{\"id\": \"j1\", \"text\": \"Aus JSON.\"}\n",
    );
    let arg = dir.path().to_str().unwrap();
    let output = run(&[arg], None);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let ids: Vec<String> = records(&output)
        .iter()
        .map(|r| r["doc_id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["a/z", "b", "j1"]);

    let output = run(&["--ext", "md,txt", arg], None);
    let ids: Vec<String> = records(&output)
        .iter()
        .map(|r| r["doc_id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["a/notes", "a/z", "b", "j1"]);
}

#[test]
fn output_and_gold_files_inside_the_walked_directory_are_skipped_not_read_as_documents() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("pm.txt"), RELEASE.as_bytes());
    let arg = dir.path().to_str().unwrap();
    // A first run writes its output into the corpus directory, as analysts often do.
    let first = run(&[arg], None);
    assert_eq!(first.status.code(), Some(0));
    write(&dir.path().join("out.jsonl"), &first.stdout);
    // Gold annotations (records without text) sit beside the documents too.
    write(
        &dir.path().join("gold.jsonl"),
        b"\n{\"doc_id\": \"pm\", \"entities\": []}\n",
    );
    let second = run(&[arg], None);
    let stderr = String::from_utf8_lossy(&second.stderr);
    assert_eq!(second.status.code(), Some(0), "{stderr}");
    assert_eq!(second.stdout, first.stdout);
    assert!(
        stderr.contains("out.jsonl: skipped: holds meldung records"),
        "{stderr}"
    );
    assert!(stderr.contains("gold.jsonl: skipped"), "{stderr}");
    // Named explicitly, such a file is read, and its lines are reported as documents without text.
    let explicit = run(&[dir.path().join("gold.jsonl").to_str().unwrap()], None);
    assert_eq!(explicit.status.code(), Some(1));
    assert_eq!(records(&explicit)[0]["error"]["kind"], "invalid_document");
}

#[test]
fn a_file_argument_is_named_by_its_stem_and_keeps_its_path() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pm-2023-03.txt");
    write(&path, RELEASE.as_bytes());
    let output = run(&[path.to_str().unwrap()], None);
    let record = &records(&output)[0];
    assert_eq!(record["doc_id"], "pm-2023-03");
    assert_eq!(record["source"]["path"], path.to_str().unwrap());
    assert_eq!(record["source"]["line"], serde_json::Value::Null);
    assert_eq!(
        record["title"],
        "Delegation aus Aichi besucht Baden-Württemberg"
    );
    assert_eq!(record["char_count"], RELEASE.chars().count());
    assert_eq!(record["error"], serde_json::Value::Null);
}

#[test]
fn each_bad_input_gets_an_error_record_a_message_and_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("docs/1_good.txt"), RELEASE.as_bytes());
    write(&dir.path().join("docs/2_empty.txt"), b"");
    write(
        &dir.path().join("docs/3_binary.txt"),
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
    );
    write(&dir.path().join("docs/4_blank.txt"), b"  \n\n \t");
    write(
        &dir.path().join("docs/5_lines.jsonl"),
        b"{\"id\": \"ok\", \"text\": \"Gut.\"}\n{kaputt\n\n{\"id\": \"no-text\"}\n{\"text\": \"x\", \"id\": [1]}\n\xff\xfe\n",
    );
    let docs = dir.path().join("docs");
    let missing = dir.path().join("missing.txt");
    let output = run(&[docs.to_str().unwrap(), missing.to_str().unwrap()], None);
    assert_eq!(output.status.code(), Some(1));
    let found = records(&output);
    let summary: Vec<(String, String)> = found
        .iter()
        .map(|r| {
            let kind = r["error"]["kind"].as_str().unwrap_or("-").to_string();
            (r["doc_id"].as_str().unwrap().to_string(), kind)
        })
        .collect();
    let expected = [
        ("1_good", "-"),
        ("2_empty", "empty"),
        ("3_binary", "binary"),
        ("4_blank", "empty"),
        ("ok", "-"),
        ("5_lines:2", "invalid_json"),
        ("no-text", "invalid_document"),
        ("5_lines:5", "invalid_document"),
        ("5_lines:6", "invalid_utf8"),
        (
            missing.to_str().unwrap().trim_end_matches(".txt"),
            "not_found",
        ),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(summary, expected);
    for record in &found {
        if !record["error"].is_null() {
            assert_eq!(record["entities"], serde_json::json!([]));
            assert_eq!(record["dates"], serde_json::json!([]));
            assert_eq!(record["relations"], serde_json::json!([]));
        }
    }
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("2_empty.txt: the document is empty"),
        "{stderr}"
    );
    assert!(stderr.contains("3_binary.txt: not a text file"), "{stderr}");
    assert!(stderr.contains("5_lines.jsonl:2: invalid JSON"), "{stderr}");
    assert!(
        stderr.contains("5_lines.jsonl:4: the document has no \"text\""),
        "{stderr}"
    );
    assert!(
        stderr.contains("missing.txt: no such file or directory"),
        "{stderr}"
    );
    assert_eq!(found[5]["source"]["line"], 2);
}

#[test]
fn a_directory_without_documents_is_reported_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("empty/readme.md"), b"no documents here");
    write(&dir.path().join("one.txt"), b"Ein Dokument.");
    let output = run(
        &[
            dir.path().join("empty").to_str().unwrap(),
            dir.path().join("one.txt").to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(records(&output).len(), 1);
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("empty: directory holds no documents"),
        "{stderr}"
    );
}

#[test]
fn decodes_bom_crlf_windows_1252_and_utf16() {
    let dir = tempfile::tempdir().unwrap();
    write(
        &dir.path().join("a_bom.txt"),
        b"\xEF\xBB\xBFK\xC3\xB6ln, 3. Mai 2021\r\nText\r\n",
    );
    write(
        &dir.path().join("b_cp1252.txt"),
        b"Gr\xfc\xdfe aus K\xf6ln \x96 \x84Zitat\x93\r\n",
    );
    write(
        &dir.path().join("c_utf16.txt"),
        b"\xFF\xFEK\x00\xF6\x00l\x00n\x00",
    );
    let output = run(&[dir.path().to_str().unwrap()], None);
    assert_eq!(output.status.code(), Some(0));
    let found = records(&output);
    let encodings: Vec<&str> = found
        .iter()
        .map(|r| r["encoding"].as_str().unwrap())
        .collect();
    assert_eq!(encodings, ["utf-8-bom", "windows-1252", "utf-16le"]);
    // The BOM is not part of the text; CRLF is kept and counted.
    assert_eq!(
        found[0]["char_count"],
        "Köln, 3. Mai 2021\r\nText\r\n".chars().count()
    );
    assert_eq!(found[0]["title"], "Köln, 3. Mai 2021");
    assert_eq!(found[1]["title"], "Grüße aus Köln – „Zitat“");
    let expected_hash = meldung::output::sha256_hex("Grüße aus Köln – „Zitat“\r\n");
    assert_eq!(found[1]["text_sha256"], expected_hash);
}

#[test]
fn reads_json_lines_from_stdin_and_applies_published() {
    let input = b"{\"id\": \"s1\", \"text\": \"Erster.\", \"published\": \"2019-06-20\", \"title\": \"T1\"}\n{\"id\": 7, \"text\": \"Zweiter.\"}\n";
    let output = run(&["--published", "2020-01-31", "-"], Some(input));
    assert_eq!(output.status.code(), Some(0));
    let found = records(&output);
    assert_eq!(found[0]["doc_id"], "s1");
    assert_eq!(found[0]["published"], "2019-06-20");
    assert_eq!(found[0]["published_from"], "input");
    assert_eq!(found[0]["title"], "T1");
    assert_eq!(
        found[0]["source"],
        serde_json::json!({"path": "-", "line": 1})
    );
    assert_eq!(found[1]["doc_id"], "7");
    assert_eq!(found[1]["published"], "2020-01-31");
    // No path at all and a non-terminal stdin: stdin is read.
    let output = run(&[], Some(input));
    assert_eq!(records(&output).len(), 2);
}

#[test]
fn a_published_field_that_is_no_date_is_ignored_with_a_warning() {
    let input = b"{\"id\": \"w\", \"text\": \"Ein Text.\", \"published\": \"6101376612\"}\n";
    let output = run(&["-"], Some(input));
    assert_eq!(output.status.code(), Some(0));
    let record = &records(&output)[0];
    assert_eq!(record["error"], serde_json::Value::Null);
    assert_eq!(record["published"], serde_json::Value::Null);
    let warning = record["warnings"][0].as_str().unwrap();
    assert!(
        warning.starts_with("-:1: \"published\" \"6101376612\" is not a date"),
        "{warning}"
    );
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("warning: -:1:"), "{stderr}");
}

#[test]
fn users_gazetteers_add_entities_and_malformed_rows_name_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("partners.tsv");
    write(
        &good,
        "# own list\nMusterhafen Logistik\tORG\tMusterhafen Logistik GmbH\t\tcompany\t0\t\n"
            .as_bytes(),
    );
    let input = b"{\"id\": \"g\", \"text\": \"Die Musterhafen Logistik baut in Bremen.\"}\n";
    let output = run(&["--gazetteer", good.to_str().unwrap(), "-"], Some(input));
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let entities = records(&output)[0]["entities"].clone();
    let found: Vec<(&str, &str)> = entities
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["text"].as_str().unwrap(),
                e["canonical"].as_str().unwrap(),
            )
        })
        .collect();
    assert!(
        found.contains(&("Musterhafen Logistik", "Musterhafen Logistik GmbH")),
        "{found:?}"
    );

    let bad = dir.path().join("bad.tsv");
    write(
        &bad,
        "Ort\tLOC\tOrt\t\tcity\t0\t\nKaputt\tTOWN\tKaputt\t\tcity\t0\t\n".as_bytes(),
    );
    let output = run(&["--gazetteer", bad.to_str().unwrap(), "-"], Some(input));
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains(&format!("{}:2:", bad.display())),
        "{stderr}"
    );
    assert!(output.stdout.is_empty());

    let output = run(
        &[
            "--gazetteer",
            dir.path().join("missing.tsv").to_str().unwrap(),
            "-",
        ],
        Some(input),
    );
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn regions_carry_their_country_and_a_bad_country_hint_names_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("towns.tsv");
    write(
        &good,
        "Nordhafenstadt\tLOC\tNordhafenstadt\tgeonames:99000001\tcity\t20000\tcountry=NO\n"
            .as_bytes(),
    );
    let input = "{\"id\": \"c\", \"text\": \"Eine Delegation aus Nordhafenstadt besuchte \
                 Dresden und Sachsen; danach reiste sie nach Europa.\"}\n";
    let output = run(
        &["--gazetteer", good.to_str().unwrap(), "-"],
        Some(input.as_bytes()),
    );
    assert_eq!(output.status.code(), Some(0));
    let entities = records(&output)[0]["entities"].clone();
    let country_of = |text: &str| {
        let entity = entities
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["text"] == text)
            .unwrap_or_else(|| panic!("{text} not found in {entities}"));
        entity["country"].as_str().map(str::to_string)
    };
    assert_eq!(country_of("Nordhafenstadt").as_deref(), Some("NO"));
    assert_eq!(country_of("Dresden").as_deref(), Some("DE"));
    assert_eq!(country_of("Sachsen").as_deref(), Some("DE"));
    assert_eq!(country_of("Europa"), None);

    let bad = dir.path().join("bad_country.tsv");
    write(
        &bad,
        "Ort\tLOC\tOrt\t\tcity\t0\tcountry=DE\nWeiler\tLOC\tWeiler\t\tcity\t0\tcountry=Norwegen\n"
            .as_bytes(),
    );
    let output = run(
        &["--gazetteer", bad.to_str().unwrap(), "-"],
        Some(input.as_bytes()),
    );
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains(&format!("{}:2:", bad.display())) && stderr.contains("country"),
        "{stderr}"
    );
}

#[test]
fn writes_to_an_output_file() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("in/a.txt"), RELEASE.as_bytes());
    let out = dir.path().join("out.jsonl");
    let output = run(
        &[
            "-o",
            out.to_str().unwrap(),
            dir.path().join("in").to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(output.status.code(), Some(0));
    assert!(output.stdout.is_empty());
    let written = fs::read_to_string(&out).unwrap();
    assert_eq!(written.lines().count(), 1);
    assert!(written.ends_with('\n'));
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["--jobs", "0", "x"][..],
        &["--published", "2019-13-45", "x"][..],
        &["--no-such-flag"][..],
        &["-o", "/nonexistent-dir/out.jsonl", "x"][..],
    ] {
        let output = run(args, Some(b""));
        assert_eq!(
            output.status.code(),
            Some(2),
            "{args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(!output.stderr.is_empty(), "{args:?} says why");
    }
}

#[test]
fn help_explains_options_with_examples() {
    let output = run(&["--help"], None);
    assert_eq!(output.status.code(), Some(0));
    let help = String::from_utf8(output.stdout).unwrap();
    for needle in [
        "--jobs",
        "--ext",
        "--published",
        "--output",
        "--stats",
        "Exit status",
        "Examples:",
        "extract eval",
    ] {
        assert!(help.contains(needle), "--help mentions {needle}");
    }
}

#[test]
fn output_is_byte_identical_whatever_the_number_of_jobs() {
    let dir = tempfile::tempdir().unwrap();
    let mut lines = String::new();
    for i in 0..700 {
        // Varied documents, some failing, so that batches and workers interleave.
        let text = if i % 97 == 0 {
            String::new()
        } else {
            format!("{RELEASE} Nummer {i}.")
        };
        lines.push_str(&serde_json::json!({"id": format!("d{i}"), "text": text}).to_string());
        lines.push('\n');
    }
    write(&dir.path().join("many.jsonl"), lines.as_bytes());
    let arg = dir.path().to_str().unwrap();
    let one = run(&["--jobs", "1", arg], None);
    let four = run(&["--jobs", "4", arg], None);
    assert_eq!(one.status.code(), Some(1));
    assert_eq!(records(&one).len(), 700);
    assert!(one.stdout == four.stdout, "--jobs 1 and --jobs 4 differ");
}

#[test]
fn a_closed_stdout_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let mut lines = String::new();
    for i in 0..3000 {
        lines.push_str(&serde_json::json!({"id": i, "text": RELEASE}).to_string());
        lines.push('\n');
    }
    write(&dir.path().join("big.jsonl"), lines.as_bytes());
    let mut child = common::extract()
        .arg(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 64];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(
        output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn stats_go_to_stderr() {
    let output = run(&["--stats", "-"], Some(b"{\"text\": \"Ein Text.\"}\n"));
    assert_eq!(output.status.code(), Some(0));
    let stderr = String::from_utf8(output.stderr).unwrap();
    for needle in ["documents", "MB/s", "docs/s", "start-up", "peak memory"] {
        assert!(stderr.contains(needle), "stats mention {needle}: {stderr}");
    }
}
