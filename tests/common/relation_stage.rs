//! The relation stage on hand-marked documents, for the table-driven relation tests:
//! `[Name|TYPE|kb|subtype|canonical|country]` marks an entity (kb `-` for none; the last three
//! fields optional; the country defaults to an ISO id's prefix), `{text|value}` a DATE mention.
#![allow(dead_code)]

use meldung::calendar::Date;
use meldung::dates::DateMatch;
use meldung::entities::EntityMatch;
use meldung::record::{DateType, EntityType};
use meldung::relations::{RegionEvidence, RelationInput, RelationMatch, RelationRecogniser};
use meldung::tokenise::Tokeniser;

/// A document with its hand-made annotations.
pub struct Doc {
    pub text: String,
    pub entities: Vec<EntityMatch>,
    pub dates: Vec<DateMatch>,
}

/// Parses the inline markup into text, entities and dates.
pub fn doc(marked: &str) -> Doc {
    let mut text = String::new();
    let mut entities = Vec::new();
    let mut dates = Vec::new();
    let mut rest = marked;
    while let Some(open) = rest.find(['[', '{']) {
        text.push_str(&rest[..open]);
        let close_char = if rest.as_bytes()[open] == b'[' {
            ']'
        } else {
            '}'
        };
        let close = rest[open..].find(close_char).unwrap() + open;
        let inner = &rest[open + 1..close];
        let fields: Vec<&str> = inner.split('|').collect();
        let start = text.len();
        text.push_str(fields[0]);
        if close_char == ']' {
            let entity_type = EntityType::from_label(fields[1]).unwrap();
            let kb = fields.get(2).copied().unwrap_or("-");
            entities.push(EntityMatch {
                start,
                end: text.len(),
                entity_type,
                canonical: fields.get(4).copied().unwrap_or(fields[0]).to_string(),
                kb_id: (kb != "-").then(|| kb.to_string()),
                subtype: fields.get(3).map(|s| s.to_string()),
                country: fields.get(5).map(|s| s.to_string()).or_else(|| {
                    // An ISO 3166 id names its country (`DE-SN` → `DE`).
                    let prefix = kb
                        .get(..2)
                        .filter(|p| p.bytes().all(|b| b.is_ascii_uppercase()));
                    prefix
                        .filter(|_| kb.len() == 2 || kb.as_bytes()[2] == b'-')
                        .map(str::to_string)
                }),
                source: "test".to_string(),
            });
        } else {
            dates.push(DateMatch {
                start,
                end: text.len(),
                date_type: DateType::Date,
                value: fields[1].to_string(),
            });
        }
        rest = &rest[close + 1..];
    }
    text.push_str(rest);
    Doc {
        text,
        entities,
        dates,
    }
}

pub fn run_with(
    d: &Doc,
    regions: &[RegionEvidence],
    published: Option<Date>,
) -> Vec<RelationMatch> {
    let tokeniser = Tokeniser::load_default().unwrap();
    let tokens = tokeniser.tokenise(&d.text);
    let sentences = tokeniser.sentences(&d.text, &tokens);
    let input = RelationInput {
        regions,
        published,
        ..RelationInput::new(&d.text, &tokens, &sentences, &d.entities, &d.dates)
    };
    RelationRecogniser::load_default().unwrap().find_in(&input)
}

pub fn run(d: &Doc) -> Vec<RelationMatch> {
    run_with(d, &[], None)
}

/// `TYPE a > b` for VISIT (ordered), `TYPE a + b` (sorted) otherwise.
pub fn shown(d: &Doc, relations: &[RelationMatch]) -> Vec<String> {
    let mut out: Vec<String> = relations
        .iter()
        .map(|r| {
            let a = &d.entities[r.parties[0]].canonical;
            let b = &d.entities[r.parties[1]].canonical;
            if r.relation_type == "VISIT" {
                format!("VISIT {a} > {b}")
            } else {
                let (x, y) = if a <= b { (a, b) } else { (b, a) };
                format!("{} {x} + {y}", r.relation_type)
            }
        })
        .collect();
    out.sort();
    out
}

/// Runs every row and fails with all rows whose relations differ.
pub fn check(table: &[(&str, &[&str])]) {
    let mut failures = Vec::new();
    for (marked, expected) in table {
        let d = doc(marked);
        let got = shown(&d, &run(&d));
        let mut want: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
        want.sort();
        if got != want {
            failures.push(format!(
                "  text: {}\n   got: {got:?}\n  want: {want:?}",
                d.text
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
