//! Throughput of the relation stage on a synthetic press release (written for this bench)
//! with hand-marked entities; tokenising is done once outside the measured loop.
//!
//! Run with `cargo bench --bench relations`.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use meldung::entities::EntityMatch;
use meldung::record::EntityType;
use meldung::relations::{RelationInput, RelationRecogniser};
use meldung::tokenise::Tokeniser;

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

criterion_group!(benches, bench);
criterion_main!(benches);
