//! The common view of one document's annotations, gold or predicted, that the scorer compares.
//!
//! Gold records name relation parties by canonical name and relation dates by TIMEX3 value;
//! predicted records ([`Record`]) name them by entity and date ids. [`Annotations`] resolves
//! both to names and values, so that the scorer never sees ids.

use crate::record::{DateType, EntityType, Record};

/// An entity mention: type, code point span, surface text, canonical name, knowledge-base id.
#[derive(Debug, Clone, PartialEq)]
pub struct EntityMention {
    pub entity_type: EntityType,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub canonical: String,
    pub kb_id: Option<String>,
}

/// A temporal expression: code point span, surface text, TIMEX3 type and value.
#[derive(Debug, Clone, PartialEq)]
pub struct DateExpression {
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// `None` where the gold format has no TIMEX3 type (TIMEX2 gold).
    pub date_type: Option<DateType>,
    pub value: String,
}

/// A relation party: its canonical name and, for a region, its knowledge-base id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Party {
    pub name: String,
    /// Only set for regions (LOC), the only type whose ids are compared.
    pub kb_id: Option<String>,
}

impl Party {
    /// Whether two parties denote the same thing: same region id when both have one, otherwise
    /// the same name (compared by [`name_key`]).
    ///
    /// # Example
    /// ```
    /// use meldung::eval::annotations::Party;
    /// let a = Party { name: "Freistaat Bayern".into(), kb_id: Some("DE-BY".into()) };
    /// let b = Party { name: "Bayern".into(), kb_id: Some("DE-BY".into()) };
    /// let c = Party { name: "bayern".into(), kb_id: None };
    /// assert!(a.same_as(&b));
    /// assert!(b.same_as(&c));
    /// assert!(!a.same_as(&c));
    /// ```
    pub fn same_as(&self, other: &Party) -> bool {
        match (&self.kb_id, &other.kb_id) {
            (Some(a), Some(b)) => a == b,
            _ => name_key(&self.name) == name_key(&other.name),
        }
    }
}

/// A relation: type, parties (resolved to names) and date value.
#[derive(Debug, Clone, PartialEq)]
pub struct RelationMention {
    pub relation_type: String,
    pub parties: Vec<Party>,
    /// TIMEX3 value of the relation's date, if any.
    pub date: Option<String>,
}

/// Everything the scorer compares about one document.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Annotations {
    pub doc_id: String,
    /// Gold split (`dev`, `test`), where the gold has one.
    pub split: Option<String>,
    /// The document's path as recorded (gold `source.path`, predicted `source.path`).
    pub source_path: Option<String>,
    /// Publication date `YYYY-MM-DD`.
    pub published: Option<String>,
    pub entities: Vec<EntityMention>,
    pub dates: Vec<DateExpression>,
    pub relations: Vec<RelationMention>,
    /// Number of code points of the text, where known (to check that gold and text agree).
    pub char_count: Option<usize>,
    /// The error of a predicted record that could not be processed.
    pub error: Option<String>,
}

/// The key under which names are compared: whitespace collapsed, lower case.
///
/// # Example
/// ```
/// use meldung::eval::annotations::name_key;
/// assert_eq!(name_key("  Freistaat\n Sachsen "), "freistaat sachsen");
/// ```
pub fn name_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

impl Annotations {
    /// The annotations of a predicted (or schema-v1 gold) record: relation parties resolved
    /// from entity ids to their canonical names (and region ids), relation dates from date ids
    /// to their values. An id that names no entity stays as it is (and will not match).
    ///
    /// # Example
    /// ```
    /// use meldung::eval::annotations::Annotations;
    /// let line = r#"{"schema":"meldung.record.v1","doc_id":"a","source":{"path":"a.txt","line":null},
    ///   "published":"2019-06-20","published_from":"text","title":null,"encoding":"utf-8",
    ///   "text_sha256":null,"char_count":20,
    ///   "entities":[{"id":"e1","type":"LOC","text":"Sachsen","start":0,"end":7,
    ///                "canonical":"Sachsen","kb_id":"DE-SN","subtype":"state","source":"g"},
    ///               {"id":"e2","type":"LOC","text":"Hanoi","start":12,"end":17,
    ///                "canonical":"Hanoi","kb_id":null,"subtype":"city","source":"g"}],
    ///   "dates":[],
    ///   "relations":[{"id":"r1","type":"VISIT","parties":["e1","e2"],"date":null,
    ///                 "evidence":{"text":"x","start":0,"end":1},"confidence":0.9}],
    ///   "error":null}"#;
    /// let record: meldung::Record = serde_json::from_str(line).unwrap();
    /// let annotations = Annotations::from_record(&record);
    /// assert_eq!(annotations.relations[0].parties[0].name, "Sachsen");
    /// assert_eq!(annotations.relations[0].parties[0].kb_id.as_deref(), Some("DE-SN"));
    /// assert_eq!(annotations.relations[0].parties[1].name, "Hanoi");
    /// ```
    pub fn from_record(record: &Record) -> Annotations {
        let entities: Vec<EntityMention> = record
            .entities
            .iter()
            .map(|e| EntityMention {
                entity_type: e.entity_type,
                start: e.start,
                end: e.end,
                text: e.text.clone(),
                canonical: e.canonical.clone(),
                kb_id: e.kb_id.clone(),
            })
            .collect();
        let dates = record
            .dates
            .iter()
            .map(|d| DateExpression {
                start: d.start,
                end: d.end,
                text: d.text.clone(),
                date_type: Some(d.date_type),
                value: d.value.clone(),
            })
            .collect();
        let relations = record
            .relations
            .iter()
            .map(|r| RelationMention {
                relation_type: r.relation_type.clone(),
                parties: r
                    .parties
                    .iter()
                    .map(|id| match record.entities.iter().find(|e| &e.id == id) {
                        Some(e) => Party {
                            name: e.canonical.clone(),
                            kb_id: region_id(e.entity_type, e.kb_id.as_deref()),
                        },
                        None => Party {
                            name: id.clone(),
                            kb_id: None,
                        },
                    })
                    .collect(),
                date: r.date.as_ref().map(|id| {
                    record
                        .dates
                        .iter()
                        .find(|d| &d.id == id)
                        .map_or_else(|| id.clone(), |d| d.value.clone())
                }),
            })
            .collect();
        Annotations {
            doc_id: record.doc_id.clone(),
            split: None,
            source_path: Some(record.source.path.clone()),
            published: record.published.clone(),
            entities,
            dates,
            relations,
            char_count: record.error.is_none().then_some(record.char_count),
            error: record.error.as_ref().map(|e| e.message.clone()),
        }
    }

    /// A party named in a gold relation: its region id is taken from the document's gold
    /// entities with that canonical name.
    pub fn party_by_name(entities: &[EntityMention], name: &str) -> Party {
        let key = name_key(name);
        let kb_id = entities
            .iter()
            .filter(|e| name_key(&e.canonical) == key)
            .find_map(|e| region_id(e.entity_type, e.kb_id.as_deref()));
        Party {
            name: name.to_string(),
            kb_id,
        }
    }
}

/// The id compared for a party or entity: only regions' ids count.
pub fn region_id(entity_type: EntityType, kb_id: Option<&str>) -> Option<String> {
    match (entity_type, kb_id) {
        (EntityType::Location, Some(id)) if !id.trim().is_empty() => Some(id.trim().to_string()),
        _ => None,
    }
}
