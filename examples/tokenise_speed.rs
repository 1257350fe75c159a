//! Times the tokeniser and sentence splitter over a JSON-lines file's texts:
//! `cargo run --release --example tokenise_speed -- FILE.jsonl [ROUNDS]`.
use std::time::Instant;

use meldung::tokenise::Tokeniser;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .expect("usage: tokenise_speed FILE.jsonl [ROUNDS]");
    let rounds: usize = args
        .next()
        .map_or(5, |r| r.parse().expect("ROUNDS is a number"));
    let texts: Vec<String> = std::fs::read_to_string(&path)
        .expect("readable file")
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter_map(|value| value["text"].as_str().map(str::to_string))
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let tokeniser = Tokeniser::load_default().expect("resources");
    let mut best_tokens = f64::MAX;
    let mut best_sentences = f64::MAX;
    for _ in 0..rounds {
        let started = Instant::now();
        let tokenised: Vec<_> = texts.iter().map(|t| tokeniser.tokenise(t)).collect();
        best_tokens = best_tokens.min(started.elapsed().as_secs_f64());
        let started = Instant::now();
        let count: usize = texts
            .iter()
            .zip(&tokenised)
            .map(|(t, k)| tokeniser.sentences(t, k).len())
            .sum();
        best_sentences = best_sentences.min(started.elapsed().as_secs_f64());
        std::hint::black_box(count);
    }
    let mb = bytes as f64 / 1e6;
    println!(
        "{mb:.2} MB: tokenise {:.1} MB/s, sentences {:.1} MB/s",
        mb / best_tokens,
        mb / best_sentences
    );
}
