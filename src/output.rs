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
                country: found.country.clone(),
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
///
/// The bytes are exactly those of `serde_json::to_writer(out, record)` (the derived
/// `Serialize` of [`Record`], compact): fields in declaration order, strings, integers and
/// floats formatted by `serde_json` itself. Only the structure (keys, commas, brackets) is
/// written here, once per line instead of through the serializer's generic map machinery,
/// which escaped every key of every entity again. A test holds the two equal.
///
/// # Example
/// ```
/// use meldung::output::write_json_line;
/// use meldung::record::{Record, Source};
/// let record = Record::failed("a", Source { path: "a.txt".into(), line: None }, "empty", "a.txt: empty");
/// let mut line = Vec::new();
/// write_json_line(&record, &mut line);
/// assert_eq!(line, [serde_json::to_vec(&record).unwrap(), b"\n".to_vec()].concat());
/// ```
pub fn write_json_line(record: &Record, out: &mut Vec<u8>) {
    let mut json = Json(out);
    json.raw(b"{\"schema\":");
    json.str(&record.schema);
    json.raw(b",\"doc_id\":");
    json.str(&record.doc_id);
    json.raw(b",\"source\":{\"path\":");
    json.str(&record.source.path);
    json.raw(b",\"line\":");
    json.value(&record.source.line);
    json.raw(b"},\"published\":");
    json.opt_str(record.published.as_deref());
    json.raw(b",\"published_from\":");
    json.value(&record.published_from);
    json.raw(b",\"title\":");
    json.opt_str(record.title.as_deref());
    json.raw(b",\"encoding\":");
    json.opt_str(record.encoding.as_deref());
    json.raw(b",\"text_sha256\":");
    json.opt_str(record.text_sha256.as_deref());
    json.raw(b",\"char_count\":");
    json.value(&record.char_count);
    json.raw(b",\"entities\":[");
    for (n, entity) in record.entities.iter().enumerate() {
        json.comma(n);
        json.entity(entity);
    }
    json.raw(b"],\"dates\":[");
    for (n, date) in record.dates.iter().enumerate() {
        json.comma(n);
        json.date(date);
    }
    json.raw(b"],\"relations\":[");
    for (n, relation) in record.relations.iter().enumerate() {
        json.comma(n);
        json.relation(relation);
    }
    json.raw(b"],\"error\":");
    json.value(&record.error);
    json.raw(b",\"warnings\":");
    json.strings(&record.warnings);
    json.raw(b"}\n");
}

/// A JSON line being written: structure by hand, scalars and strings by `serde_json`.
struct Json<'o>(&'o mut Vec<u8>);

impl Json<'_> {
    fn raw(&mut self, bytes: &[u8]) {
        self.0.extend_from_slice(bytes);
    }

    /// Any value as `serde_json` writes it (numbers, `null`, enums, small structs).
    fn value<T: serde::Serialize + ?Sized>(&mut self, value: &T) {
        serde_json::to_writer(&mut *self.0, value).expect("records serialise to memory");
    }

    fn str(&mut self, text: &str) {
        self.value(text);
    }

    fn opt_str(&mut self, text: Option<&str>) {
        match text {
            Some(text) => self.str(text),
            None => self.raw(b"null"),
        }
    }

    fn comma(&mut self, n: usize) {
        if n > 0 {
            self.0.push(b',');
        }
    }

    fn strings(&mut self, list: &[String]) {
        self.0.push(b'[');
        for (n, item) in list.iter().enumerate() {
            self.comma(n);
            self.str(item);
        }
        self.0.push(b']');
    }

    /// `"start":…,"end":…,"byte_start":…,"byte_end":…` after a `"text"` value.
    fn offsets(&mut self, start: usize, end: usize, byte_start: usize, byte_end: usize) {
        self.raw(b",\"start\":");
        self.value(&start);
        self.raw(b",\"end\":");
        self.value(&end);
        self.raw(b",\"byte_start\":");
        self.value(&byte_start);
        self.raw(b",\"byte_end\":");
        self.value(&byte_end);
    }

    fn entity(&mut self, entity: &Entity) {
        self.raw(b"{\"id\":");
        self.str(&entity.id);
        self.raw(b",\"type\":");
        self.value(&entity.entity_type);
        self.raw(b",\"text\":");
        self.str(&entity.text);
        self.offsets(entity.start, entity.end, entity.byte_start, entity.byte_end);
        self.raw(b",\"canonical\":");
        self.str(&entity.canonical);
        self.raw(b",\"kb_id\":");
        self.opt_str(entity.kb_id.as_deref());
        self.raw(b",\"subtype\":");
        self.opt_str(entity.subtype.as_deref());
        self.raw(b",\"country\":");
        self.opt_str(entity.country.as_deref());
        self.raw(b",\"source\":");
        self.str(&entity.source);
        self.0.push(b'}');
    }

    fn date(&mut self, date: &DateMention) {
        self.raw(b"{\"id\":");
        self.str(&date.id);
        self.raw(b",\"type\":");
        self.value(&date.date_type);
        self.raw(b",\"text\":");
        self.str(&date.text);
        self.offsets(date.start, date.end, date.byte_start, date.byte_end);
        self.raw(b",\"value\":");
        self.str(&date.value);
        self.0.push(b'}');
    }

    fn evidence(&mut self, evidence: &Evidence) {
        self.raw(b"{\"text\":");
        self.str(&evidence.text);
        self.offsets(
            evidence.start,
            evidence.end,
            evidence.byte_start,
            evidence.byte_end,
        );
        self.0.push(b'}');
    }

    fn relation(&mut self, relation: &Relation) {
        self.raw(b"{\"id\":");
        self.str(&relation.id);
        self.raw(b",\"type\":");
        self.str(&relation.relation_type);
        self.raw(b",\"parties\":");
        self.strings(&relation.parties);
        self.raw(b",\"date\":");
        self.opt_str(relation.date.as_deref());
        self.raw(b",\"people\":");
        self.strings(&relation.people);
        self.raw(b",\"topics\":");
        self.strings(&relation.topics);
        self.raw(b",\"evidence\":");
        self.evidence(&relation.evidence);
        self.raw(b",\"all_evidence\":[");
        for (n, evidence) in relation.all_evidence.iter().enumerate() {
            self.comma(n);
            self.evidence(evidence);
        }
        self.raw(b"],\"date_value\":");
        self.opt_str(relation.date_value.as_deref());
        self.raw(b",\"people_roles\":[");
        for (n, role) in relation.people_roles.iter().enumerate() {
            self.comma(n);
            self.opt_str(role.as_deref());
        }
        self.raw(b"],\"confidence\":");
        self.value(&relation.confidence);
        if let Some(cameo) = &relation.cameo {
            self.raw(b",\"cameo\":");
            self.value(cameo);
        }
        self.0.push(b'}');
    }
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

    /// The hand-written line is byte for byte what the derived `Serialize` gives, for every
    /// field filled and empty, odd strings and odd floats. A field added to the record
    /// without being written here fails this test.
    #[test]
    fn json_line_equals_the_derived_serialisation() {
        use crate::record::{DateType, EntityType, ErrorInfo, PublishedFrom, Source};
        let evidence = |text: &str| Evidence {
            text: text.to_string(),
            start: 3,
            end: 3 + text.chars().count(),
            byte_start: 4,
            byte_end: 4 + text.len(),
        };
        let entity = |id: &str, kb: Option<&str>, subtype: Option<&str>| Entity {
            id: id.to_string(),
            entity_type: EntityType::Organisation,
            text: "Stadtwerke \"Süd\"\\Nord".to_string(),
            start: 10,
            end: 31,
            byte_start: 11,
            byte_end: 35,
            canonical: "Stadtwerke Süd\tNord\u{1}\u{7f}\u{2028}".to_string(),
            kb_id: kb.map(str::to_string),
            subtype: subtype.map(str::to_string),
            country: kb.map(|k| k[..2].to_string()),
            source: "rule:org".to_string(),
        };
        let relation = |cameo: Option<Cameo>, confidence: f64| Relation {
            id: "r1".to_string(),
            relation_type: "AGREEMENT".to_string(),
            parties: vec!["e1".to_string(), "e2".to_string()],
            date: Some("d1".to_string()),
            people: vec!["e3".to_string()],
            topics: vec!["energie".to_string()],
            evidence: evidence("Beide Seiten unterzeichneten\nein Abkommen."),
            all_evidence: vec![evidence("a"), evidence("b\r")],
            date_value: None,
            people_roles: vec![Some("signatory".to_string()), None],
            confidence,
            cameo,
        };
        let full = Record {
            schema: SCHEMA_VERSION.to_string(),
            doc_id: "pm/2024 \"7\"".to_string(),
            source: Source {
                path: "in\\dir/a.jsonl".to_string(),
                line: Some(42),
            },
            published: Some("2024-05-03".to_string()),
            published_from: Some(PublishedFrom::Text),
            title: Some("Titel mit \u{8} und €".to_string()),
            encoding: Some("windows-1252".to_string()),
            text_sha256: Some(sha256_hex("x")),
            char_count: 1234,
            entities: vec![
                entity("e1", Some("DE-SN"), Some("state")),
                entity("e2", None, None),
            ],
            dates: vec![DateMention {
                id: "d1".to_string(),
                date_type: DateType::Duration,
                text: "drei Wochen".to_string(),
                start: 1,
                end: 12,
                byte_start: 1,
                byte_end: 12,
                value: "P3W".to_string(),
            }],
            relations: vec![
                relation(
                    Some(Cameo {
                        code: "057".to_string(),
                        goldstein: 8.0,
                    }),
                    0.1 + 0.2,
                ),
                relation(None, 1.0),
                relation(None, 1e-7),
            ],
            error: Some(ErrorInfo {
                kind: "internal".to_string(),
                message: "a.jsonl:3: \"oops\"".to_string(),
            }),
            warnings: vec!["w1".to_string(), "\"w2\"".to_string()],
        };
        let mut other = full.clone();
        other.source.line = None;
        other.published = None;
        other.published_from = Some(PublishedFrom::Input);
        other.title = None;
        other.dates[0].date_type = DateType::Set;
        other.entities[0].entity_type = EntityType::Person;
        other.entities[1].entity_type = EntityType::Location;
        let records = [
            full,
            other,
            Record::failed(
                "a",
                Source {
                    path: "-".into(),
                    line: Some(1),
                },
                "empty",
                "leer",
            ),
        ];
        for record in &records {
            let mut line = Vec::new();
            write_json_line(record, &mut line);
            let mut expected = serde_json::to_vec(record).unwrap();
            expected.push(b'\n');
            assert_eq!(
                String::from_utf8(line).unwrap(),
                String::from_utf8(expected).unwrap()
            );
        }
    }

    /// The same on records the pipeline builds from text (with entities, dates, relations).
    #[test]
    fn json_line_equals_the_derived_serialisation_on_pipeline_records() {
        let texts = [
            "Dresden, 24. Mai 2024 – Eine Delegation aus Sachsen besuchte die Provinz \
             Gyeonggi. Beide Seiten unterzeichneten am 23. Mai eine Absichtserklärung über \
             die Zusammenarbeit in der Energiewirtschaft.",
            "Die Stadt Stuttgart und die Universität Tokio wollen künftig enger \
             zusammenarbeiten, sagte Bürgermeisterin Anna Roth am Montag.",
        ];
        for (n, text) in texts.iter().enumerate() {
            let record = crate::pipeline::extract(&Document::new(format!("t{n}"), *text));
            let mut line = Vec::new();
            write_json_line(&record, &mut line);
            let mut expected = serde_json::to_vec(&record).unwrap();
            expected.push(b'\n');
            assert_eq!(line, expected, "{text}");
        }
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
