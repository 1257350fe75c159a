//! Building the output record and writing it as one JSON line.
//!
//! # Wire format
//! One JSON object per line, UTF-8, `\n`-terminated, fields in the order of
//! [`crate::record::Record`]; one line per input document, in input order. The schema is
//! specified in `docs/schema.md` and `docs/record.schema.json`. Ids are assigned here:
//! entities `e1…`, dates `d1…` in order of offset, relations `r1…` in the order the relation
//! stage reports them. Serialisation is deterministic: the same input gives the same bytes.

use sha2::{Digest, Sha256};

use crate::document::Document;
use crate::pipeline::Analysis;
use crate::record::{Cameo, DateMention, Entity, Evidence, Record, Relation, SCHEMA_VERSION};
use crate::span::CharIndex;

/// Hex SHA-256 of `text`'s UTF-8 bytes.
pub fn sha256_hex(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    let mut hex = String::with_capacity(64);
    for byte in digest {
        hex.push(char::from_digit(u32::from(byte >> 4), 16).expect("nibble"));
        hex.push(char::from_digit(u32::from(byte & 15), 16).expect("nibble"));
    }
    hex
}

/// The record for `doc` from what the stages found.
pub fn build_record(doc: &Document, analysis: &Analysis) -> Record {
    let text = doc.text.as_str();
    let index = CharIndex::new(text);

    let mut entity_order: Vec<usize> = (0..analysis.entities.len()).collect();
    entity_order.sort_by_key(|&i| (analysis.entities[i].start, analysis.entities[i].end));
    let mut entity_ids = vec![String::new(); analysis.entities.len()];
    let entities = entity_order
        .iter()
        .enumerate()
        .map(|(n, &i)| {
            let found = &analysis.entities[i];
            let id = format!("e{}", n + 1);
            entity_ids[i] = id.clone();
            Entity {
                id,
                entity_type: found.entity_type,
                text: text[found.start..found.end].to_string(),
                start: index.char_offset(found.start),
                end: index.char_offset(found.end),
                byte_start: found.start,
                byte_end: found.end,
                canonical: found.canonical.clone(),
                kb_id: found.kb_id.clone(),
                subtype: found.subtype.clone(),
                source: found.source.clone(),
            }
        })
        .collect();

    let mut date_order: Vec<usize> = (0..analysis.dates.len()).collect();
    date_order.sort_by_key(|&i| (analysis.dates[i].start, analysis.dates[i].end));
    let mut date_ids = vec![String::new(); analysis.dates.len()];
    let dates = date_order
        .iter()
        .enumerate()
        .map(|(n, &i)| {
            let found = &analysis.dates[i];
            let id = format!("d{}", n + 1);
            date_ids[i] = id.clone();
            DateMention {
                id,
                date_type: found.date_type,
                text: text[found.start..found.end].to_string(),
                start: index.char_offset(found.start),
                end: index.char_offset(found.end),
                byte_start: found.start,
                byte_end: found.end,
                value: found.value.clone(),
            }
        })
        .collect();

    let relations = analysis
        .relations
        .iter()
        .enumerate()
        .map(|(n, found)| Relation {
            id: format!("r{}", n + 1),
            relation_type: found.relation_type.clone(),
            parties: found
                .parties
                .iter()
                .map(|&i| entity_ids[i].clone())
                .collect(),
            date: found.date.map(|i| date_ids[i].clone()),
            people: found
                .people
                .iter()
                .map(|&i| entity_ids[i].clone())
                .collect(),
            topics: found.topics.clone(),
            evidence: evidence(text, &index, found.evidence),
            all_evidence: found
                .all_evidence
                .iter()
                .map(|&range| evidence(text, &index, range))
                .collect(),
            date_value: found.date_value.clone(),
            people_roles: found.people_roles.clone(),
            confidence: found.confidence,
            cameo: found.cameo.as_ref().map(|(code, goldstein)| Cameo {
                code: code.clone(),
                goldstein: *goldstein,
            }),
        })
        .collect();

    Record {
        schema: SCHEMA_VERSION.to_string(),
        doc_id: doc.id.clone(),
        source: doc.source.clone(),
        published: analysis.published.map(|(date, _)| date.to_string()),
        published_from: analysis.published.map(|(_, from)| from),
        title: doc.title.clone().or_else(|| first_line_title(text)),
        encoding: Some(doc.encoding.name().to_string()),
        text_sha256: Some(sha256_hex(text)),
        char_count: index.char_len(),
        entities,
        dates,
        relations,
        error: None,
        warnings: doc.warnings.clone(),
    }
}

/// An evidence span from a byte range.
fn evidence(text: &str, index: &CharIndex, (start, end): (usize, usize)) -> Evidence {
    Evidence {
        text: text[start..end].to_string(),
        start: index.char_offset(start),
        end: index.char_offset(end),
        byte_start: start,
        byte_end: end,
    }
}

/// The first non-empty line, as the title of a text that came without one (press releases
/// open with their headline). Lines longer than 300 characters are body text, not a title.
fn first_line_title(text: &str) -> Option<String> {
    let line = text.lines().map(str::trim).find(|line| !line.is_empty())?;
    (line.chars().count() <= 300).then(|| line.to_string())
}

/// Serialises `record` as one JSON line (with the final `\n`) onto `out`.
pub fn write_json_line(record: &Record, out: &mut Vec<u8>) {
    serde_json::to_writer(&mut *out, record).expect("records serialise to memory");
    out.push(b'\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_matches_known_vectors() {
        assert_eq!(
            sha256_hex(""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert_eq!(
            sha256_hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn title_is_the_first_non_empty_line() {
        assert_eq!(
            first_line_title("\n\n  Delegation aus Aichi  \nText").as_deref(),
            Some("Delegation aus Aichi")
        );
        assert_eq!(first_line_title(" \n "), None);
    }
}
