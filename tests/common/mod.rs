//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The `extract` binary built for these tests.
pub fn extract() -> Command {
    Command::new(env!("CARGO_BIN_EXE_extract"))
}

/// Runs `extract` with `args` and optional standard input.
pub fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    use std::io::Write;
    let mut command = extract();
    command
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    command.stdin(if stdin.is_some() {
        Stdio::piped()
    } else {
        Stdio::null()
    });
    let mut child = command.spawn().expect("extract runs");
    if let Some(input) = stdin {
        // extract may exit before reading its input (a usage error): that is no test failure.
        if let Err(err) = child.stdin.take().expect("stdin").write_all(input) {
            assert_eq!(
                err.kind(),
                std::io::ErrorKind::BrokenPipe,
                "write stdin: {err}"
            );
        }
    }
    child.wait_with_output().expect("extract finishes")
}

/// The JSON records of an output.
pub fn records(output: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(output.stdout.clone())
        .expect("UTF-8 output")
        .lines()
        .map(|line| {
            serde_json::from_str(line).unwrap_or_else(|e| panic!("bad JSON line {line:?}: {e}"))
        })
        .collect()
}

/// `../shared` (or `$MELDUNG_SHARED`), if present: third-party data that a fresh machine lacks.
pub fn shared_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("MELDUNG_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "skipping: {} is absent (set MELDUNG_SHARED to the shared data folder)",
            dir.display()
        );
        None
    }
}

/// Sample German press-release text written for the tests.
pub const RELEASE: &str = "Delegation aus Aichi besucht Baden-Württemberg\n\n\
Stuttgart, 14. März 2023 – Eine zwölfköpfige Delegation aus der japanischen Präfektur Aichi \
hat am Montag das Ministerium für Wirtschaft, Arbeit und Tourismus Baden-Württemberg besucht. \
Ministerin Dr. Anna Beispiel empfing die Gäste um 14:30 Uhr. Beide Seiten vereinbarten, \
die Zusammenarbeit in der Wasserstofftechnik z. B. durch gemeinsame Projekte zu vertiefen.\n\n\
Pressekontakt: Max Muster, Tel. +49 711 123-4567, presse@example-wm.de\n";
