//! The scorer on small hand-made gold/prediction pairs with known counts.

use meldung::eval::annotations::{
    Annotations, DateExpression, EntityMention, Party, RelationMention,
};
use meldung::eval::score::{evaluate, Counts, MistakeKind};
use meldung::eval::thresholds::{check, parse_file};
use meldung::record::{DateType, EntityType};

fn entity(
    t: &str,
    start: usize,
    end: usize,
    canonical: &str,
    kb_id: Option<&str>,
) -> EntityMention {
    EntityMention {
        entity_type: EntityType::from_label(t).unwrap(),
        start,
        end,
        text: canonical.to_string(),
        canonical: canonical.to_string(),
        kb_id: kb_id.map(str::to_string),
    }
}

fn date(start: usize, end: usize, value: &str) -> DateExpression {
    DateExpression {
        start,
        end,
        text: String::new(),
        date_type: Some(DateType::Date),
        value: value.to_string(),
    }
}

fn relation(t: &str, parties: &[&str]) -> RelationMention {
    RelationMention {
        relation_type: t.to_string(),
        parties: parties
            .iter()
            .map(|p| match p.split_once('@') {
                Some((name, kb)) => Party {
                    name: name.to_string(),
                    kb_id: Some(kb.to_string()),
                },
                None => Party {
                    name: p.to_string(),
                    kb_id: None,
                },
            })
            .collect(),
        date: None,
    }
}

fn doc(
    entities: Vec<EntityMention>,
    dates: Vec<DateExpression>,
    relations: Vec<RelationMention>,
) -> Annotations {
    Annotations {
        doc_id: "d".to_string(),
        entities,
        dates,
        relations,
        ..Annotations::default()
    }
}

/// (what, gold, predicted, expected `(metric, correct, missing, extra)`).
type Case = (
    &'static str,
    Annotations,
    Annotations,
    Vec<(&'static str, usize, usize, usize)>,
);

fn check_cases(cases: Vec<Case>) {
    for (what, gold, predicted, expected) in cases {
        let evaluation = evaluate([(&gold, &predicted)]);
        for (metric, correct, missing, extra) in expected {
            let got = evaluation
                .scores
                .get(metric)
                .unwrap_or_else(|| panic!("{what}: no metric {metric}"));
            assert_eq!(
                got,
                Counts {
                    correct,
                    missing,
                    extra
                },
                "{what}: {metric}"
            );
        }
    }
}

#[test]
fn entities_strict_need_type_and_exact_span() {
    check_cases(vec![
        (
            "exact match",
            doc(vec![entity("LOC", 0, 4, "Kiel", None)], vec![], vec![]),
            doc(vec![entity("LOC", 0, 4, "Kiel", None)], vec![], vec![]),
            vec![
                ("entities.strict", 1, 0, 0),
                ("entities.LOC.strict", 1, 0, 0),
                ("entities.PER.strict", 0, 0, 0),
            ],
        ),
        (
            "partial overlap is missing plus extra",
            doc(
                vec![entity("ORG", 10, 30, "Universität Leipzig", None)],
                vec![],
                vec![],
            ),
            doc(vec![entity("ORG", 22, 30, "Leipzig", None)], vec![], vec![]),
            vec![
                ("entities.strict", 0, 1, 1),
                ("entities.ORG.strict", 0, 1, 1),
            ],
        ),
        (
            "same span, other type: counted under each type",
            doc(vec![entity("ORG", 0, 6, "Siemens", None)], vec![], vec![]),
            doc(vec![entity("PER", 0, 6, "Siemens", None)], vec![], vec![]),
            vec![
                ("entities.strict", 0, 1, 1),
                ("entities.ORG.strict", 0, 1, 0),
                ("entities.PER.strict", 0, 0, 1),
            ],
        ),
        (
            "a duplicate prediction is extra",
            doc(
                vec![entity("PER", 5, 15, "Anna Weber", None)],
                vec![],
                vec![],
            ),
            doc(
                vec![
                    entity("PER", 5, 15, "Anna Weber", None),
                    entity("PER", 5, 15, "Anna Weber", None),
                ],
                vec![],
                vec![],
            ),
            vec![("entities.strict", 1, 0, 1)],
        ),
        (
            "empty prediction",
            doc(
                vec![
                    entity("LOC", 0, 4, "Kiel", None),
                    entity("LOC", 9, 13, "Bonn", None),
                ],
                vec![],
                vec![],
            ),
            doc(vec![], vec![], vec![]),
            vec![("entities.strict", 0, 2, 0)],
        ),
        (
            "empty gold",
            doc(vec![], vec![], vec![]),
            doc(vec![entity("LOC", 0, 4, "Kiel", None)], vec![], vec![]),
            vec![("entities.strict", 0, 0, 1)],
        ),
        (
            "both empty",
            doc(vec![], vec![], vec![]),
            doc(vec![], vec![], vec![]),
            vec![("entities.strict", 0, 0, 0)],
        ),
    ]);
}

#[test]
fn entities_by_canonical_name_count_distinct_names_per_document() {
    check_cases(vec![
        (
            "three mentions of one person, found once under another span",
            doc(
                vec![
                    entity("PER", 0, 10, "Anna Weber", None),
                    entity("PER", 40, 45, "Anna Weber", None),
                    entity("PER", 80, 85, "Anna Weber", None),
                ],
                vec![],
                vec![],
            ),
            doc(
                vec![entity("PER", 41, 46, "Anna Weber", None)],
                vec![],
                vec![],
            ),
            vec![
                ("entities.canonical", 1, 0, 0),
                ("entities.strict", 0, 3, 1),
            ],
        ),
        (
            "regions compare by kb_id when both have one",
            doc(
                vec![entity("LOC", 0, 7, "Bayern", Some("DE-BY"))],
                vec![],
                vec![],
            ),
            doc(
                vec![entity("LOC", 0, 16, "Freistaat Bayern", Some("DE-BY"))],
                vec![],
                vec![],
            ),
            vec![("entities.LOC.canonical", 1, 0, 0)],
        ),
        (
            "same name, different region ids: wrong",
            doc(
                vec![entity("LOC", 0, 9, "Frankfurt", Some("DE-HE"))],
                vec![],
                vec![],
            ),
            doc(
                vec![entity("LOC", 0, 9, "Frankfurt", Some("DE-BB"))],
                vec![],
                vec![],
            ),
            vec![("entities.LOC.canonical", 0, 1, 1)],
        ),
        (
            "one side without id: names decide, case and spaces ignored",
            doc(
                vec![entity("LOC", 0, 7, "Sachsen", Some("DE-SN"))],
                vec![],
                vec![],
            ),
            doc(vec![entity("LOC", 0, 7, " sachsen", None)], vec![], vec![]),
            vec![("entities.LOC.canonical", 1, 0, 0)],
        ),
        (
            "kb_id of an organisation is not compared",
            doc(
                vec![entity("ORG", 0, 3, "TU Dresden", Some("ror:1"))],
                vec![],
                vec![],
            ),
            doc(
                vec![entity("ORG", 0, 3, "TU Dresden", Some("ror:2"))],
                vec![],
                vec![],
            ),
            vec![("entities.ORG.canonical", 1, 0, 0)],
        ),
        (
            "same name under another type",
            doc(vec![entity("ORG", 0, 5, "Porsche", None)], vec![], vec![]),
            doc(vec![entity("PER", 0, 5, "Porsche", None)], vec![], vec![]),
            vec![
                ("entities.canonical", 0, 1, 1),
                ("entities.PER.canonical", 0, 0, 1),
            ],
        ),
    ]);
}

#[test]
fn dates_strict_relaxed_and_value() {
    check_cases(vec![
        (
            "exact span and value",
            doc(vec![], vec![date(0, 13, "2023-03-14")], vec![]),
            doc(vec![], vec![date(0, 13, "2023-03-14")], vec![]),
            vec![
                ("dates.strict", 1, 0, 0),
                ("dates.relaxed", 1, 0, 0),
                ("dates.value", 1, 0, 0),
            ],
        ),
        (
            "overlap with the right value",
            doc(vec![], vec![date(0, 21, "2023-03-13")], vec![]),
            doc(vec![], vec![date(8, 21, "2023-03-13")], vec![]),
            vec![
                ("dates.strict", 0, 1, 1),
                ("dates.relaxed", 1, 0, 0),
                ("dates.value", 1, 0, 0),
            ],
        ),
        (
            "exact span, wrong value",
            doc(vec![], vec![date(4, 11, "2023-03-12")], vec![]),
            doc(vec![], vec![date(4, 11, "2023-03-19")], vec![]),
            vec![
                ("dates.strict", 1, 0, 0),
                ("dates.relaxed", 1, 0, 0),
                ("dates.value", 0, 1, 1),
            ],
        ),
        (
            "two predictions inside one gold: one-to-one",
            doc(vec![], vec![date(0, 30, "2019-06")], vec![]),
            doc(
                vec![],
                vec![date(0, 5, "2019-06"), date(10, 20, "2019-06")],
                vec![],
            ),
            vec![("dates.relaxed", 1, 0, 1), ("dates.value", 1, 0, 1)],
        ),
        (
            "the overlapping partner with the same value is preferred",
            doc(vec![], vec![date(10, 20, "2019-06-12")], vec![]),
            doc(
                vec![],
                vec![date(5, 12, "2019-06"), date(15, 25, "2019-06-12")],
                vec![],
            ),
            vec![("dates.relaxed", 1, 0, 1), ("dates.value", 1, 0, 1)],
        ),
        (
            "adjacent spans do not overlap",
            doc(vec![], vec![date(0, 5, "2020")], vec![]),
            doc(vec![], vec![date(5, 9, "2020")], vec![]),
            vec![("dates.relaxed", 0, 1, 1), ("dates.value", 0, 1, 1)],
        ),
    ]);
}

#[test]
fn relations_by_unordered_pair_and_by_type() {
    check_cases(vec![
        (
            "order of parties does not matter",
            doc(
                vec![],
                vec![],
                vec![relation("VISIT", &["Sachsen", "Hanoi"])],
            ),
            doc(
                vec![],
                vec![],
                vec![relation("VISIT", &["Hanoi", "Sachsen"])],
            ),
            vec![
                ("relations.pair", 1, 0, 0),
                ("relations.typed", 1, 0, 0),
                ("relations.VISIT", 1, 0, 0),
            ],
        ),
        (
            "right pair, wrong type",
            doc(
                vec![],
                vec![],
                vec![relation("AGREEMENT", &["Bayern", "Québec"])],
            ),
            doc(
                vec![],
                vec![],
                vec![relation("COOPERATION", &["Bayern", "Québec"])],
            ),
            vec![
                ("relations.pair", 1, 0, 0),
                ("relations.typed", 0, 1, 1),
                ("relations.AGREEMENT", 0, 1, 0),
                ("relations.COOPERATION", 0, 0, 1),
            ],
        ),
        (
            "the same pair twice counts once",
            doc(
                vec![],
                vec![],
                vec![
                    relation("EVENT", &["A", "B"]),
                    relation("EVENT", &["B", "A"]),
                ],
            ),
            doc(vec![], vec![], vec![relation("EVENT", &["A", "B"])]),
            vec![("relations.pair", 1, 0, 0), ("relations.typed", 1, 0, 0)],
        ),
        (
            "two types on one pair: pair once, typed twice",
            doc(
                vec![],
                vec![],
                vec![
                    relation("VISIT", &["A", "B"]),
                    relation("INTENT", &["A", "B"]),
                ],
            ),
            doc(vec![], vec![], vec![relation("VISIT", &["A", "B"])]),
            vec![("relations.pair", 1, 0, 0), ("relations.typed", 1, 1, 0)],
        ),
        (
            "parties compare by region id when both have one",
            doc(
                vec![],
                vec![],
                vec![relation("VISIT", &["Bayern@DE-BY", "Hanoi"])],
            ),
            doc(
                vec![],
                vec![],
                vec![relation("VISIT", &["Freistaat Bayern@DE-BY", "hanoi"])],
            ),
            vec![("relations.pair", 1, 0, 0)],
        ),
        (
            "three parties make three pairs",
            doc(
                vec![],
                vec![],
                vec![relation("AGREEMENT", &["A", "B", "C"])],
            ),
            doc(
                vec![],
                vec![],
                vec![
                    relation("AGREEMENT", &["A", "C"]),
                    relation("AGREEMENT", &["C", "D"]),
                ],
            ),
            vec![("relations.pair", 1, 2, 1)],
        ),
        (
            "a relation with one party gives no pair",
            doc(vec![], vec![], vec![relation("EVENT", &["A"])]),
            doc(vec![], vec![], vec![]),
            vec![("relations.pair", 0, 0, 0)],
        ),
    ]);
}

#[test]
fn counts_add_up_over_documents_and_published_is_accuracy() {
    let mut gold_a = doc(vec![entity("LOC", 0, 4, "Kiel", None)], vec![], vec![]);
    gold_a.published = Some("2021-07-06".into());
    let mut pred_a = doc(vec![entity("LOC", 0, 4, "Kiel", None)], vec![], vec![]);
    pred_a.published = Some("2021-07-06".into());
    let mut gold_b = doc(vec![entity("LOC", 0, 4, "Bonn", None)], vec![], vec![]);
    gold_b.published = Some("2022-01-31".into());
    let mut pred_b = doc(vec![entity("ORG", 0, 4, "Bonn", None)], vec![], vec![]);
    pred_b.published = Some("2022-01-30".into());
    // Gold without a date: not judged, whatever is predicted.
    let gold_c = doc(vec![], vec![], vec![]);
    let mut pred_c = doc(vec![], vec![], vec![]);
    pred_c.published = Some("2020-01-01".into());
    let evaluation = evaluate([(&gold_a, &pred_a), (&gold_b, &pred_b), (&gold_c, &pred_c)]);
    assert_eq!(evaluation.scores.documents, 3);
    assert_eq!(
        evaluation.scores.get("entities.strict"),
        Some(Counts {
            correct: 1,
            missing: 1,
            extra: 1
        })
    );
    assert_eq!(
        (
            evaluation.scores.published.correct,
            evaluation.scores.published.total
        ),
        (1, 2)
    );
    assert_eq!(evaluation.scores.value("published.accuracy"), Some(0.5));
    assert_eq!(evaluation.scores.value("entities.strict.f1"), Some(0.5));
    let wrong: Vec<_> = evaluation
        .mistakes
        .iter()
        .filter(|m| m.metric == "published")
        .map(|m| (m.kind, m.item.as_str()))
        .collect();
    assert_eq!(
        wrong,
        [(MistakeKind::Wrong, "gold 2022-01-31, predicted 2022-01-30")]
    );
}

#[test]
fn precision_recall_f1_from_counts() {
    let cases = [
        (
            Counts {
                correct: 0,
                missing: 0,
                extra: 0,
            },
            1.0,
            1.0,
            1.0,
        ),
        (
            Counts {
                correct: 0,
                missing: 4,
                extra: 0,
            },
            0.0,
            0.0,
            0.0,
        ),
        (
            Counts {
                correct: 0,
                missing: 0,
                extra: 4,
            },
            0.0,
            0.0,
            0.0,
        ),
        (
            Counts {
                correct: 2,
                missing: 2,
                extra: 0,
            },
            1.0,
            0.5,
            2.0 / 3.0,
        ),
        (
            Counts {
                correct: 1,
                missing: 0,
                extra: 3,
            },
            0.25,
            1.0,
            0.4,
        ),
    ];
    for (counts, p, r, f) in cases {
        assert!((counts.precision() - p).abs() < 1e-12, "{counts:?} P");
        assert!((counts.recall() - r).abs() < 1e-12, "{counts:?} R");
        assert!((counts.f1() - f).abs() < 1e-12, "{counts:?} F1");
    }
}

#[test]
fn thresholds_fail_below_and_pass_at_the_minimum() {
    let gold = doc(
        vec![
            entity("PER", 0, 4, "Anna", None),
            entity("PER", 5, 9, "Paul", None),
        ],
        vec![],
        vec![],
    );
    let predicted = doc(vec![entity("PER", 0, 4, "Anna", None)], vec![], vec![]);
    let evaluation = evaluate([(&gold, &predicted)]);
    let file = "entities.PER.strict.recall = 0.5\nentities.strict.precision = 1.0\n[dev]\nentities.strict.f1 = 0.9\n";
    /// (threshold key, passed) in file order.
    type Outcomes<'a> = &'a [(&'a str, bool)];
    let cases: [(Option<&str>, Outcomes); 2] = [
        (
            None,
            &[
                ("entities.PER.strict.recall", true),
                ("entities.strict.precision", true),
            ],
        ),
        (
            Some("dev"),
            &[
                ("entities.PER.strict.recall", true),
                ("entities.strict.precision", true),
                ("entities.strict.f1", false),
            ],
        ),
    ];
    for (split, expected) in cases {
        let thresholds = parse_file(file, "t.toml", split).unwrap();
        let checks = check(&evaluation.scores, &thresholds);
        let got: Vec<(&str, bool)> = checks
            .iter()
            .map(|c| (c.threshold.key.as_str(), c.passed()))
            .collect();
        assert_eq!(got, expected, "split {split:?}");
    }
}

#[test]
fn malformed_thresholds_name_file_and_line() {
    let cases = [
        (
            "entities.strict.f1 0.5\n",
            "t.toml:1: expected `key = value`",
        ),
        (
            "# c\nentities.strict.f1 = hoch\n",
            "t.toml:2: entities.strict.f1: \"hoch\" is not a number",
        ),
        (
            "entities.strikt.f1 = 0.5\n",
            "t.toml:1: unknown score \"entities.strikt.f1\"",
        ),
        ("[dev\n", "t.toml:1: malformed section header"),
        (
            "dates.value.f1 = 0.5\ndates.value.f1 = 0.6\n",
            "t.toml:2: dates.value.f1 is already set at t.toml:1",
        ),
        (
            "relations.pair.f1 = -0.1\n",
            "t.toml:1: relations.pair.f1: -0.1 is outside 0..1",
        ),
    ];
    for (text, prefix) in cases {
        let err = parse_file(text, "t.toml", None).unwrap_err().to_string();
        assert!(err.starts_with(prefix), "{text:?}: {err}");
    }
}

#[test]
fn the_corpus_thresholds_file_parses_for_every_split() {
    let text = include_str!("../corpus/thresholds.toml");
    for split in [None, Some("dev"), Some("test")] {
        let thresholds =
            parse_file(text, "corpus/thresholds.toml", split).unwrap_or_else(|err| panic!("{err}"));
        assert!(
            thresholds.iter().any(|t| t.key == "entities.strict.f1"),
            "{split:?}"
        );
    }
}
