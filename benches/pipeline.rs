//! Criterion benchmarks: tokeniser, sentence splitter, each stage and the whole pipeline on
//! realistic press-release text (the corpus releases), plus JSON output.
//!
//! Run: `cargo bench --bench pipeline`. Throughput is reported in bytes of input per second.
//! With `../shared` present (or `$MELDUNG_SHARED`), the first 2 MB of the real German news corpus
//! are benchmarked too.

use std::path::{Path, PathBuf};

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use meldung::{Document, Pipeline};

/// All `.txt` files under `corpus/`, concatenated as separate documents.
fn corpus_documents() -> Vec<String> {
    fn walk(dir: &Path, out: &mut Vec<String>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        for path in paths {
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "txt") {
                if let Ok(text) = std::fs::read_to_string(&path) {
                    out.push(text);
                }
            }
        }
    }
    let mut docs = Vec::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus"),
        &mut docs,
    );
    if docs.is_empty() {
        docs.push(include_str!("../tests/fixtures/release.txt").to_string());
    }
    docs
}

/// The first `limit` bytes of documents of the shared news corpus, if present.
fn news_documents(limit: usize) -> Option<Vec<String>> {
    let shared = std::env::var_os("MELDUNG_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    let text = std::fs::read_to_string(shared.join("data/news/german_news_docs.jsonl")).ok()?;
    let mut docs = Vec::new();
    let mut total = 0;
    for line in text.lines() {
        let value: serde_json::Value = serde_json::from_str(line).ok()?;
        let doc = value["text"].as_str()?.to_string();
        total += doc.len();
        docs.push(doc);
        if total >= limit {
            break;
        }
    }
    Some(docs)
}

fn bench_set(c: &mut Criterion, name: &str, docs: &[String], pipeline: &Pipeline) {
    let bytes: usize = docs.iter().map(String::len).sum();
    let documents: Vec<Document> = docs
        .iter()
        .enumerate()
        .map(|(i, t)| Document::new(format!("d{i}"), t.clone()))
        .collect();
    let mut group = c.benchmark_group(name);
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(20);
    let tokeniser = &pipeline.tokeniser;
    group.bench_function("tokenise", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| tokeniser.tokenise(d).len())
                .sum::<usize>()
        })
    });
    let tokenised: Vec<_> = docs.iter().map(|d| tokeniser.tokenise(d)).collect();
    group.bench_function("sentences", |b| {
        b.iter(|| {
            docs.iter()
                .zip(&tokenised)
                .map(|(d, t)| tokeniser.sentences(d, t).len())
                .sum::<usize>()
        })
    });
    group.bench_function("dates", |b| {
        b.iter(|| {
            docs.iter()
                .zip(&tokenised)
                .map(|(d, t)| pipeline.dates.find(d, t, None).len())
                .sum::<usize>()
        })
    });
    let sentences: Vec<_> = docs
        .iter()
        .zip(&tokenised)
        .map(|(d, t)| tokeniser.sentences(d, t))
        .collect();
    group.bench_function("entities", |b| {
        b.iter(|| {
            docs.iter()
                .zip(&tokenised)
                .zip(&sentences)
                .map(|((d, t), s)| pipeline.entities.find(d, t, s).len())
                .sum::<usize>()
        })
    });
    group.bench_function("extract", |b| {
        b.iter(|| {
            documents
                .iter()
                .map(|d| pipeline.extract(d).entities.len())
                .sum::<usize>()
        })
    });
    let records: Vec<_> = documents.iter().map(|d| pipeline.extract(d)).collect();
    group.bench_function("json_output", |b| {
        b.iter_batched(
            || Vec::with_capacity(bytes * 2),
            |mut out| {
                for record in &records {
                    meldung::output::write_json_line(record, &mut out);
                }
                out.len()
            },
            BatchSize::LargeInput,
        )
    });
    group.finish();
}

fn benches(c: &mut Criterion) {
    let pipeline = Pipeline::load_default().expect("default resources");
    c.bench_function("startup/load_default", |b| {
        b.iter(|| Pipeline::load_default().expect("resources"))
    });
    bench_set(c, "press_releases", &corpus_documents(), &pipeline);
    if let Some(news) = news_documents(2_000_000) {
        bench_set(c, "news_2mb", &news, &pipeline);
    } else {
        eprintln!("news corpus absent: set MELDUNG_SHARED to benchmark it");
    }
}

criterion_group!(pipeline_benches, benches);
criterion_main!(pipeline_benches);
