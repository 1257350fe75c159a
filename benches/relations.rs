//! Throughput of the relation stage:
//!
//! - `relations/find_in one release`: a synthetic press release (written for this bench) with
//!   hand-marked entities;
//! - `relations/dev_releases`: the gold corpus's dev releases (`corpus/dev/*.txt`, read at
//!   bench time), the genre meldung is for, dense in names and relations;
//! - `relations/news`: the real news of `$MELDUNG_SHARED/data/news/german_news_docs.jsonl`
//!   (default `../shared`), where most documents state no relation.
//!
//! The earlier stages (tokens, sentences, dates, entities, region evidence) run once outside
//! the measured loop; a corpus that is absent is skipped with a message.
//!
//! Run with `cargo bench --bench relations`.

use std::time::Duration;

#[path = "common/corpora.rs"]
mod corpora;

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use meldung::entities::EntityMatch;
use meldung::pipeline::Analysis;
use meldung::record::EntityType;
use meldung::relations::{RelationInput, RelationRecogniser};
use meldung::tokenise::Tokeniser;
use meldung::{Document, Pipeline};

const RELEASE: &str = "Hessen und Ontario vereinbaren engere Zusammenarbeit in der Wasserstofftechnik

Wiesbaden, 3. November 2021 – Das Hessische Ministerium für Wirtschaft und das Ministry of Economic Development of Ontario haben am Montag in Wiesbaden eine Absichtserklärung unterzeichnet. Anlass war der Besuch einer Delegation aus Ontario unter Leitung von Ministerin Karin Lindqvist. Die Gäste wurden von Staatssekretär Paul Weber empfangen.

Hessen und Ontario sind seit 1991 Partnerregionen. Beim anschließenden Wirtschaftsforum trafen hessische Unternehmen auf Firmen aus Ontario. Beide Seiten wollen künftig in der Batterietechnik zusammenarbeiten. Die Technische Universität Darmstadt und die University of Toronto betreiben ein gemeinsames Labor.

Pressekontakt:
Hessisches Ministerium für Wirtschaft, Kaiser-Friedrich-Ring 75, 65185 Wiesbaden";

fn entities(text: &str) -> Vec<EntityMatch> {
    let marks: &[(&str, EntityType, Option<&str>, &str)] = &[
        ("Hessen", EntityType::Location, Some("DE-HE"), "state"),
        ("Ontario", EntityType::Location, Some("CA-ON"), "state"),
        ("Wiesbaden", EntityType::Location, None, "city"),
        (
            "Hessische Ministerium für Wirtschaft",
            EntityType::Organisation,
            None,
            "ministry",
        ),
        (
            "Ministry of Economic Development of Ontario",
            EntityType::Organisation,
            None,
            "ministry",
        ),
        ("Karin Lindqvist", EntityType::Person, None, "person"),
        ("Paul Weber", EntityType::Person, None, "person"),
        (
            "Technische Universität Darmstadt",
            EntityType::Organisation,
            None,
            "university",
        ),
        (
            "University of Toronto",
            EntityType::Organisation,
            None,
            "university",
        ),
    ];
    let mut out: Vec<EntityMatch> = Vec::new();
    for (name, entity_type, kb, subtype) in marks {
        for (start, _) in text.match_indices(name) {
            let end = start + name.len();
            if out.iter().any(|e| e.start < end && start < e.end) {
                continue;
            }
            out.push(EntityMatch {
                start,
                end,
                entity_type: *entity_type,
                canonical: name.to_string(),
                kb_id: kb.map(str::to_string),
                subtype: Some(subtype.to_string()),
                country: None,
                source: "bench".to_string(),
            });
        }
    }
    out.sort_by_key(|e| e.start);
    out
}

fn bench(c: &mut Criterion) {
    let tokeniser = Tokeniser::load_default().unwrap();
    let recogniser = RelationRecogniser::load_default().unwrap();
    let tokens = tokeniser.tokenise(RELEASE);
    let sentences = tokeniser.sentences(RELEASE, &tokens);
    let entities = entities(RELEASE);
    let input = RelationInput::new(RELEASE, &tokens, &sentences, &entities, &[]);
    assert!(!recogniser.find_in(&input).is_empty());
    c.bench_function("relations/find_in one release", |b| {
        b.iter(|| black_box(recogniser.find_in(black_box(&input))))
    });
}

/// The relation stage over each document as the pipeline runs it, the earlier stages done.
fn bench_corpora(c: &mut Criterion) {
    let pipeline = Pipeline::load_default().unwrap();
    let mut group = c.benchmark_group("relations");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));
    for (name, texts) in [
        ("dev_releases", corpora::dev_releases()),
        ("news", corpora::news_texts()),
    ] {
        let Some(texts) = texts else {
            eprintln!("relations/{name}: corpus not found, skipped");
            continue;
        };
        let docs: Vec<(String, Analysis)> = texts
            .into_iter()
            .map(|text| {
                let analysis = pipeline.analyse(&Document::new("bench", text.as_str()));
                (text, analysis)
            })
            .collect();
        let bytes: usize = docs.iter().map(|(text, _)| text.len()).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function(name, |b| {
            b.iter(|| {
                let mut n = 0;
                for (text, a) in &docs {
                    n += pipeline
                        .relations
                        .find_in(&RelationInput {
                            text,
                            tokens: &a.tokens,
                            sentences: &a.sentences,
                            entities: &a.entities,
                            dates: &a.dates,
                            regions: &a.regions,
                            published: a.published.map(|(date, _)| date),
                        })
                        .len();
                }
                black_box(n)
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench, bench_corpora);
criterion_main!(benches);
