//! The output record, schema v1: one per input document, one JSON line each.
//!
//! This is the contract with CI pipelines and databases; `docs/schema.md` explains every field
//! and `docs/record.schema.json` is the JSON Schema that the tests validate real output against.
//! Fields are only ever added in v1, never renamed or removed.
//!
//! Offsets: `start`/`end` are Unicode code point offsets, half-open, into the text as read (after
//! decoding and removal of a byte order mark); `byte_start`/`byte_end` are the UTF-8 byte offsets
//! of the same span. `text` is always exactly the slice at those offsets.

use serde::{Deserialize, Serialize};

/// The value of every record's `schema` field.
pub const SCHEMA_VERSION: &str = "meldung.record.v1";

/// Where a document came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// The path as given on the command line (joined with the file found under a directory);
    /// `-` for standard input.
    pub path: String,
    /// 1-based line number for JSON-lines input, `null` for a text file.
    #[serde(default)]
    pub line: Option<u64>,
}

/// Entity type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EntityType {
    /// A person.
    #[serde(rename = "PER")]
    Person,
    /// A region: country, subdivision, district, city, macro-region.
    #[serde(rename = "LOC")]
    Location,
    /// An organisation.
    #[serde(rename = "ORG")]
    Organisation,
}

impl EntityType {
    /// The label used in the record (`PER`, `LOC`, `ORG`).
    pub fn label(self) -> &'static str {
        match self {
            EntityType::Person => "PER",
            EntityType::Location => "LOC",
            EntityType::Organisation => "ORG",
        }
    }

    /// Parses a label as written in records and gazetteers.
    pub fn from_label(label: &str) -> Option<EntityType> {
        match label {
            "PER" => Some(EntityType::Person),
            "LOC" => Some(EntityType::Location),
            "ORG" => Some(EntityType::Organisation),
            _ => None,
        }
    }
}

/// An entity mention.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// `e1`, `e2`, … in order of `start`.
    pub id: String,
    #[serde(rename = "type")]
    pub entity_type: EntityType,
    pub text: String,
    pub start: usize,
    pub end: usize,
    #[serde(default)]
    pub byte_start: usize,
    #[serde(default)]
    pub byte_end: usize,
    /// The canonical name (a region's German name, an organisation's full name, a person's
    /// fullest name in the document).
    pub canonical: String,
    /// A stable identifier where one exists: ISO 3166 code, `geonames:…`, `ror:…`.
    #[serde(default)]
    pub kb_id: Option<String>,
    /// Finer type: `country`, `state`, `city`, `university`, `person`, …
    #[serde(default)]
    pub subtype: Option<String>,
    /// For a region: the ISO 3166 alpha-2 code of the country it lies in (`DE` for Sachsen,
    /// Dresden and Landkreis Meißen), where known; `null` for macro-regions, organisations
    /// and persons.
    #[serde(default)]
    pub country: Option<String>,
    /// Which gazetteer or rule produced the mention.
    #[serde(default)]
    pub source: String,
}

/// TIMEX3 type of a temporal expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum DateType {
    Date,
    Time,
    Duration,
    Set,
}

/// A temporal expression.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DateMention {
    /// `d1`, `d2`, … in order of `start`.
    pub id: String,
    #[serde(rename = "type")]
    pub date_type: DateType,
    pub text: String,
    pub start: usize,
    pub end: usize,
    #[serde(default)]
    pub byte_start: usize,
    #[serde(default)]
    pub byte_end: usize,
    /// TIMEX3 value: `2012-09-24`, `2019-06`, `XXXX-07-30`, `2020-Q1`, `P6Y`, `2019-06-12T14:30`.
    pub value: String,
}

/// A span of evidence text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    pub text: String,
    pub start: usize,
    pub end: usize,
    #[serde(default)]
    pub byte_start: usize,
    #[serde(default)]
    pub byte_end: usize,
}

/// A CAMEO event code with its Goldstein scale value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cameo {
    pub code: String,
    pub goldstein: f64,
}

/// A cooperation relation between regions and/or organisations.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Relation {
    /// `r1`, `r2`, …
    pub id: String,
    /// `AGREEMENT`, `VISIT`, `COOPERATION`, `EVENT` or `INTENT`.
    #[serde(rename = "type")]
    pub relation_type: String,
    /// Entity ids of the parties (for `VISIT` the visitor first).
    pub parties: Vec<String>,
    /// Date mention id, or `null`.
    #[serde(default)]
    pub date: Option<String>,
    /// Entity ids of the persons involved.
    #[serde(default)]
    pub people: Vec<String>,
    /// Sector topics.
    #[serde(default)]
    pub topics: Vec<String>,
    /// The first sentence that states the relation.
    pub evidence: Evidence,
    /// Every sentence that states the relation, in text order (the first is `evidence`).
    #[serde(default)]
    pub all_evidence: Vec<Evidence>,
    /// TIMEX3 value of the relation's date (also when no date mention carries it, as for
    /// "heute" resolved against the publication date), or `null`.
    #[serde(default)]
    pub date_value: Option<String>,
    /// The role of each person in `people`, in the same order (`signatory`, `host`,
    /// `delegation_head`, or the title the text gives), or `null`.
    #[serde(default)]
    pub people_roles: Vec<Option<String>>,
    /// Confidence of the rule that fired, in 0..=1.
    pub confidence: f64,
    /// CAMEO code, where the relation type has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cameo: Option<Cameo>,
}

/// Why a document could not be processed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorInfo {
    /// Machine-readable kind: `not_found`, `unreadable`, `binary`, `empty`, `invalid_json`,
    /// `invalid_document`, `invalid_utf8`, `internal`.
    pub kind: String,
    /// Human-readable message naming the path (and line).
    pub message: String,
}

/// Where the publication date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PublishedFrom {
    /// Given with the input (JSON-lines `published` or `--published`).
    Input,
    /// Found in the text (date line or dateline).
    Text,
}

/// One output line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// Always [`SCHEMA_VERSION`].
    pub schema: String,
    pub doc_id: String,
    pub source: Source,
    /// Publication date `YYYY-MM-DD` or `null`.
    pub published: Option<String>,
    pub published_from: Option<PublishedFrom>,
    pub title: Option<String>,
    /// `utf-8`, `utf-8-bom` or `windows-1252`; `null` when the input could not be read.
    pub encoding: Option<String>,
    /// Hex SHA-256 of the text's UTF-8 bytes; `null` when the input could not be read.
    pub text_sha256: Option<String>,
    /// Number of code points in the text.
    pub char_count: usize,
    pub entities: Vec<Entity>,
    pub dates: Vec<DateMention>,
    pub relations: Vec<Relation>,
    /// `null` for a processed document.
    pub error: Option<ErrorInfo>,
    /// Problems with the input that did not stop processing, such as a `published` field that
    /// is not a date (it is then ignored). Usually empty.
    #[serde(default)]
    pub warnings: Vec<String>,
}

impl Record {
    /// The record for a document that could not be processed: empty arrays and the error.
    ///
    /// # Example
    /// ```
    /// use meldung::record::{Record, Source};
    /// let source = Source { path: "in/a.txt".into(), line: None };
    /// let record = Record::failed("a", source, "empty", "in/a.txt: the file is empty");
    /// assert!(record.entities.is_empty());
    /// assert_eq!(record.error.unwrap().kind, "empty");
    /// ```
    pub fn failed(
        doc_id: impl Into<String>,
        source: Source,
        kind: impl Into<String>,
        message: impl Into<String>,
    ) -> Record {
        Record {
            schema: SCHEMA_VERSION.to_string(),
            doc_id: doc_id.into(),
            source,
            published: None,
            published_from: None,
            title: None,
            encoding: None,
            text_sha256: None,
            char_count: 0,
            entities: Vec::new(),
            dates: Vec::new(),
            relations: Vec::new(),
            error: Some(ErrorInfo {
                kind: kind.into(),
                message: message.into(),
            }),
            warnings: Vec::new(),
        }
    }
}
