//! Entity stage benchmarks: start-up (parsing the default gazetteers and compiling the
//! automata) and throughput of `EntityRecogniser::find` on one core.
//!
//! The throughput text is the real news of `$MELDUNG_SHARED/data/news/german_news_docs.jsonl`
//! (default `../shared`) when present, else a built-in text; tokenisation is done beforehand
//! and not measured.
//!
//! Add to Cargo.toml: `[[bench]] name = "entities" harness = false`; run
//! `cargo bench --bench entities`.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use meldung::entities::EntityRecogniser;
use meldung::tokenise::{Sentence, Token, Tokeniser};

const FALLBACK: &str = "Dresden, 28. März 2024 – Eine Delegation aus der chinesischen Provinz \
Shandong besuchte am Montag das Sächsische Staatsministerium für Wirtschaft, Arbeit und Verkehr. \
Staatsministerin Petra Wendeler empfing die Gäste unter Leitung von Vizegouverneur Wang Xiaoming. \
Die Musterwerk GmbH und die Technische Universität Dresden (TUD) stellten Projekte vor. \
Wendeler betonte, die TUD und Firmen aus Jinan, Qingdao und Yantai wollten kooperieren. \
Auch Vertreter des Kantons Basel-Landschaft und der Präfektur Toyama nahmen teil.\n\n";

fn documents() -> Vec<String> {
    let shared = std::env::var_os("MELDUNG_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    let path = shared.join("data/news/german_news_docs.jsonl");
    match std::fs::read_to_string(&path) {
        Ok(content) => content
            .lines()
            .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
            .filter_map(|doc| doc.get("text")?.as_str().map(str::to_string))
            .collect(),
        Err(_) => {
            eprintln!("{} not found: using the built-in text", path.display());
            vec![FALLBACK.repeat(200)]
        }
    }
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("entities");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    group.bench_function("load_default", |b| {
        b.iter(|| black_box(EntityRecogniser::load_default().unwrap()))
    });
    let recogniser = EntityRecogniser::load_default().unwrap();
    let tokeniser = Tokeniser::load_default().unwrap();
    let docs: Vec<(String, Vec<Token>, Vec<Sentence>)> = documents()
        .into_iter()
        .map(|text| {
            let tokens = tokeniser.tokenise(&text);
            let sentences = tokeniser.sentences(&text, &tokens);
            (text, tokens, sentences)
        })
        .collect();
    let bytes: usize = docs.iter().map(|d| d.0.len()).sum();
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("find", |b| {
        b.iter(|| {
            let mut n = 0;
            for (text, tokens, sentences) in &docs {
                n += recogniser.find(text, tokens, sentences).len();
            }
            black_box(n)
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
