//! The entity stage with the default resources, for the table-driven entity tests.
#![allow(dead_code)]

use std::sync::OnceLock;

use meldung::entities::{EntityMatch, EntityRecogniser};
use meldung::tokenise::Tokeniser;

/// The tokeniser and entity recogniser with the default resources, built once.
pub fn stage() -> &'static (Tokeniser, EntityRecogniser) {
    static STAGE: OnceLock<(Tokeniser, EntityRecogniser)> = OnceLock::new();
    STAGE.get_or_init(|| {
        (
            Tokeniser::load_default().unwrap(),
            EntityRecogniser::load_default().unwrap(),
        )
    })
}

/// The mentions the entity stage finds in `text`.
pub fn find(text: &str) -> Vec<EntityMatch> {
    let (tokeniser, recogniser) = stage();
    let tokens = tokeniser.tokenise(text);
    let sentences = tokeniser.sentences(text, &tokens);
    recogniser.find(text, &tokens, &sentences)
}

/// `(text, canonical)` of the organisations the entity stage finds in `text`.
pub fn org_canonicals(text: &str) -> Vec<(String, String)> {
    find(text)
        .into_iter()
        .filter(|e| e.entity_type.label() == "ORG")
        .map(|e| (text[e.start..e.end].to_string(), e.canonical))
        .collect()
}

/// `(text, type)` of every mention.
pub fn shown(text: &str) -> Vec<(String, &'static str)> {
    find(text)
        .iter()
        .map(|e| (text[e.start..e.end].to_string(), e.entity_type.label()))
        .collect()
}

/// Asserts that each text yields exactly the given `(text, type)` mentions, in order.
pub fn check(cases: &[(&str, &[(&str, &str)])]) {
    for (text, expected) in cases {
        let expected: Vec<(String, &str)> =
            expected.iter().map(|(s, t)| (s.to_string(), *t)).collect();
        assert_eq!(shown(text), expected, "{text}");
    }
}

/// Asserts that each text yields exactly the given `(text, canonical)` organisations, in order.
pub fn check_org_canonicals(cases: &[(&str, &[(&str, &str)])]) {
    for (text, expected) in cases {
        let expected: Vec<(String, String)> = expected
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        assert_eq!(org_canonicals(text), expected, "{text}");
    }
}
