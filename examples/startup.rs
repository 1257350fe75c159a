//! Times loading each stage's resources: `cargo run --release --example startup`.
use std::time::Instant;

fn time<T>(name: &str, load: impl FnOnce() -> T) -> T {
    let started = Instant::now();
    let value = load();
    println!(
        "{name:<12} {:>7.1} ms",
        started.elapsed().as_secs_f64() * 1e3
    );
    value
}

fn main() {
    time("tokeniser", || {
        meldung::tokenise::Tokeniser::load_default().expect("tokeniser")
    });
    time("dates", || {
        meldung::dates::DateRecogniser::load_default().expect("dates")
    });
    time("entities", || {
        meldung::entities::EntityRecogniser::load_default().expect("entities")
    });
    time("relations", || {
        meldung::relations::RelationRecogniser::load_default().expect("relations")
    });
    time("pipeline", || {
        meldung::Pipeline::load_default().expect("pipeline")
    });
}
