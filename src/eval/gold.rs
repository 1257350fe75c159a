//! Reading gold annotations: record-schema JSON lines, CoNLL/GermEval TSV, WikiWarsDE.
//!
//! Every reader returns a [`GoldSet`]: one [`GoldDoc`] per document, with the document itself
//! where the gold carries the text (TSV sentences, WikiWarsDE articles), so that `extract eval`
//! needs no other input. Errors name the file and line.

use std::collections::HashSet;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::annotations::{Annotations, DateExpression, EntityMention, RelationMention};
use crate::document::Document;
use crate::record::{DateType, EntityType, Record, SCHEMA_VERSION};

/// Which format a gold file has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GoldFormat {
    /// meldung gold records (or schema-v1 records), one JSON object per line.
    Records,
    /// CoNLL / GermEval 2014 TSV: `index\ttoken\touter-BIO\tinner-BIO`, sentences as documents.
    Conll,
    /// A WikiWarsDE directory (`in/` and `key/`).
    WikiWars,
}

impl GoldFormat {
    /// Human-readable name.
    pub fn name(self) -> &'static str {
        match self {
            GoldFormat::Records => "record JSON lines",
            GoldFormat::Conll => "CoNLL/GermEval TSV",
            GoldFormat::WikiWars => "WikiWarsDE",
        }
    }
}

/// One gold document.
#[derive(Debug, Clone)]
pub struct GoldDoc {
    pub annotations: Annotations,
    /// The document to extract from, where the gold carries its text.
    pub document: Option<Document>,
}

/// The gold of a corpus.
#[derive(Debug, Clone)]
pub struct GoldSet {
    pub format: GoldFormat,
    pub docs: Vec<GoldDoc>,
}

impl GoldSet {
    /// Gold made of documents and their gold records (the shape WikiWarsDE's reader gives):
    /// relation parties in the records are entity ids, as in predicted records.
    pub fn from_documents(format: GoldFormat, pairs: Vec<(Document, Record)>) -> GoldSet {
        let docs = pairs
            .into_iter()
            .map(|(document, record)| {
                let mut annotations = Annotations::from_record(&record);
                annotations.doc_id = document.id.clone();
                annotations.char_count = Some(document.text.chars().count());
                GoldDoc {
                    annotations,
                    document: Some(document),
                }
            })
            .collect();
        GoldSet { format, docs }
    }

    /// Keeps only the documents of `split`; returns how many were dropped.
    pub fn restrict_to_split(&mut self, split: &str) -> usize {
        let before = self.docs.len();
        self.docs
            .retain(|doc| doc.annotations.split.as_deref() == Some(split));
        before - self.docs.len()
    }

    /// Whether every gold document carries its text (no documents need to be given).
    pub fn carries_documents(&self) -> bool {
        !self.docs.is_empty() && self.docs.iter().all(|doc| doc.document.is_some())
    }
}

/// A gold file that cannot be used, with the file and (where it applies) the line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldError {
    pub path: String,
    pub line: Option<usize>,
    pub message: String,
}

impl GoldError {
    fn at(path: &str, line: usize, message: impl Into<String>) -> GoldError {
        GoldError {
            path: path.to_string(),
            line: Some(line),
            message: message.into(),
        }
    }

    fn file(path: &str, message: impl Into<String>) -> GoldError {
        GoldError {
            path: path.to_string(),
            line: None,
            message: message.into(),
        }
    }
}

impl fmt::Display for GoldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.path, line, self.message),
            None => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

impl std::error::Error for GoldError {}

/// Detects the format of a gold path: a directory with `in/` and `key/` is WikiWarsDE; a file
/// ending in `.tsv` or `.conll` is TSV, `.jsonl`/`.json` is records; otherwise the first
/// non-blank line decides (`{` → records, tab-separated → TSV).
pub fn detect_format(path: &Path, head: &str) -> Option<GoldFormat> {
    if path.is_dir() {
        return (path.join("in").is_dir() && path.join("key").is_dir())
            .then_some(GoldFormat::WikiWars);
    }
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "tsv" | "conll" | "conllu" | "bio" => return Some(GoldFormat::Conll),
        "jsonl" | "json" | "ndjson" => return Some(GoldFormat::Records),
        _ => {}
    }
    let first = head
        .lines()
        .map(|l| l.trim_start_matches('\u{FEFF}').trim())
        .find(|l| !l.is_empty())?;
    if first.starts_with('{') {
        Some(GoldFormat::Records)
    } else if first.contains('\t') || first.starts_with('#') {
        Some(GoldFormat::Conll)
    } else {
        None
    }
}

/// Reads gold from a file or (WikiWarsDE) directory, detecting its format.
pub fn read_gold(path: &Path) -> Result<GoldSet, GoldError> {
    let shown = path.display().to_string();
    if path.is_dir() {
        return match detect_format(path, "") {
            Some(GoldFormat::WikiWars) => read_wikiwars(path),
            _ => Err(GoldError::file(
                &shown,
                "is a directory but not a WikiWarsDE directory (with in/ and key/); give a gold file",
            )),
        };
    }
    let bytes = std::fs::read(path).map_err(|err| GoldError::file(&shown, err.to_string()))?;
    let text = String::from_utf8(bytes).map_err(|err| {
        let offset = err.utf8_error().valid_up_to();
        let line = err.as_bytes()[..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        GoldError::at(&shown, line, "not UTF-8")
    })?;
    match detect_format(path, &text) {
        Some(GoldFormat::Records) => parse_records(&text, &shown),
        Some(GoldFormat::Conll) => super::conll::parse_conll(&text, &shown),
        Some(GoldFormat::WikiWars) => unreachable!("files are never WikiWarsDE"),
        None => Err(GoldError::file(
            &shown,
            "unknown gold format: expected JSON lines (.jsonl) or CoNLL/GermEval TSV (.tsv)",
        )),
    }
}

/// WikiWarsDE gold: TIMEX2 dates of narrative texts (no publication date), read by
/// [`super::wikiwars`].
fn read_wikiwars(path: &Path) -> Result<GoldSet, GoldError> {
    let articles = super::wikiwars::read_dir(path)
        .map_err(|message| GoldError::file(&path.display().to_string(), message))?;
    let pairs = articles
        .into_iter()
        .map(|article| (article.document, article.gold))
        .collect();
    Ok(GoldSet::from_documents(GoldFormat::WikiWars, pairs))
}

#[derive(Deserialize)]
struct GoldLine {
    doc_id: String,
    #[serde(default)]
    split: Option<String>,
    #[serde(default)]
    source: Option<GoldSource>,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    entities: Vec<GoldEntity>,
    #[serde(default)]
    dates: Vec<GoldDate>,
    #[serde(default)]
    relations: Vec<GoldRelation>,
}

#[derive(Deserialize)]
struct GoldSource {
    #[serde(default)]
    path: Option<String>,
}

#[derive(Deserialize)]
struct GoldEntity {
    #[serde(default)]
    id: Option<String>,
    #[serde(rename = "type")]
    entity_type: EntityType,
    #[serde(default)]
    text: String,
    start: usize,
    end: usize,
    canonical: String,
    #[serde(default)]
    kb_id: Option<String>,
}

#[derive(Deserialize)]
struct GoldDate {
    #[serde(default)]
    id: Option<String>,
    #[serde(rename = "type", default)]
    date_type: Option<DateType>,
    #[serde(default)]
    text: String,
    start: usize,
    end: usize,
    value: String,
}

#[derive(Deserialize)]
struct GoldRelation {
    #[serde(rename = "type")]
    relation_type: String,
    parties: Vec<String>,
    #[serde(default)]
    date: Option<String>,
}

/// Parses gold records, one JSON object per line (blank lines and lines starting with `#`
/// skipped). A line with `"schema": "meldung.record.v1"` is read as an output record (parties
/// as entity ids), so that two outputs can be compared.
///
/// # Example
/// ```
/// use meldung::eval::gold::parse_records;
/// let gold = r#"{"doc_id": "dev/01_a", "split": "dev", "published": "2023-03-14",
///   "entities": [{"id": "e1", "type": "LOC", "text": "Jiangsu", "start": 0, "end": 7,
///                 "canonical": "Jiangsu", "kb_id": "CN-JS", "subtype": "state"}],
///   "dates": [], "relations": []}"#.replace('\n', " ");
/// let set = parse_records(&gold, "gold.jsonl").unwrap();
/// assert_eq!(set.docs[0].annotations.doc_id, "dev/01_a");
/// assert_eq!(set.docs[0].annotations.entities[0].kb_id.as_deref(), Some("CN-JS"));
/// let err = parse_records("{\"doc_id\": 3}", "gold.jsonl").unwrap_err();
/// assert!(err.to_string().starts_with("gold.jsonl:1: "));
/// ```
pub fn parse_records(text: &str, path: &str) -> Result<GoldSet, GoldError> {
    let mut docs = Vec::new();
    let mut seen = HashSet::new();
    for (index, line) in text.lines().enumerate() {
        let line_no = index + 1;
        let line = line.trim_start_matches('\u{FEFF}').trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let value: serde_json::Value = serde_json::from_str(line)
            .map_err(|err| GoldError::at(path, line_no, format!("invalid JSON: {err}")))?;
        let annotations = if value.get("schema").and_then(|s| s.as_str()) == Some(SCHEMA_VERSION) {
            let record: Record = serde_json::from_value(value)
                .map_err(|err| GoldError::at(path, line_no, format!("invalid record: {err}")))?;
            Annotations::from_record(&record)
        } else {
            let gold: GoldLine = serde_json::from_value(value).map_err(|err| {
                GoldError::at(path, line_no, format!("invalid gold record: {err}"))
            })?;
            gold_annotations(gold).map_err(|message| GoldError::at(path, line_no, message))?
        };
        if !seen.insert(annotations.doc_id.clone()) {
            return Err(GoldError::at(
                path,
                line_no,
                format!("doc_id {:?} occurs twice", annotations.doc_id),
            ));
        }
        docs.push(GoldDoc {
            annotations,
            document: None,
        });
    }
    Ok(GoldSet {
        format: GoldFormat::Records,
        docs,
    })
}

fn gold_annotations(gold: GoldLine) -> Result<Annotations, String> {
    let mut entities = Vec::with_capacity(gold.entities.len());
    for (n, e) in gold.entities.into_iter().enumerate() {
        if e.start > e.end {
            let id = e.id.unwrap_or_else(|| format!("#{}", n + 1));
            return Err(format!("entity {id}: start {} > end {}", e.start, e.end));
        }
        entities.push(EntityMention {
            entity_type: e.entity_type,
            start: e.start,
            end: e.end,
            text: e.text,
            canonical: e.canonical,
            kb_id: e.kb_id.filter(|id| !id.trim().is_empty()),
        });
    }
    let mut dates = Vec::with_capacity(gold.dates.len());
    for (n, d) in gold.dates.into_iter().enumerate() {
        if d.start > d.end {
            let id = d.id.unwrap_or_else(|| format!("#{}", n + 1));
            return Err(format!("date {id}: start {} > end {}", d.start, d.end));
        }
        dates.push(DateExpression {
            start: d.start,
            end: d.end,
            text: d.text,
            date_type: d.date_type,
            value: d.value,
        });
    }
    let relations = gold
        .relations
        .into_iter()
        .map(|r| RelationMention {
            relation_type: r.relation_type,
            parties: r
                .parties
                .iter()
                .map(|name| Annotations::party_by_name(&entities, name))
                .collect(),
            date: r.date,
        })
        .collect();
    Ok(Annotations {
        doc_id: gold.doc_id,
        split: gold.split,
        source_path: gold.source.and_then(|s| s.path),
        published: gold.published,
        entities,
        dates,
        relations,
        char_count: None,
        error: None,
    })
}

/// The result of pairing predicted documents with gold documents.
#[derive(Debug, Default)]
pub struct Alignment {
    /// `(gold index, predicted index)` pairs, in gold order.
    pub pairs: Vec<(usize, usize)>,
    /// Predicted documents without gold (ignored).
    pub without_gold: Vec<usize>,
    /// Gold documents without a predicted document (not scored).
    pub without_prediction: Vec<usize>,
    /// Predicted documents whose gold was already taken by another one (ignored).
    pub duplicates: Vec<usize>,
}

/// Pairs predicted documents with gold documents: by equal `doc_id`; else by equal source
/// path; else when exactly one gold id ends with `/` + the predicted id (the documents of
/// `corpus/test` are `01_x`, their gold `test/01_x`).
///
/// # Example
/// ```
/// use meldung::eval::gold::align;
/// let gold = ["dev/01_a", "test/01_a", "test/02_b"];
/// let predicted = ["dev/01_a", "02_b", "01_a", "zz"];
/// let alignment = align(
///     &gold.map(|id| (id.to_string(), None)),
///     &predicted.map(|id| (id.to_string(), None)),
/// );
/// assert_eq!(alignment.pairs, [(0, 0), (2, 1)]); // "01_a" is ambiguous
/// assert_eq!(alignment.without_gold, [2, 3]);
/// assert_eq!(alignment.without_prediction, [1]);
/// ```
pub fn align(
    gold: &[(String, Option<String>)],
    predicted: &[(String, Option<String>)],
) -> Alignment {
    use std::collections::HashMap;
    let mut by_id: HashMap<&str, usize> = HashMap::new();
    let mut by_path: HashMap<PathBuf, usize> = HashMap::new();
    for (index, (id, path)) in gold.iter().enumerate() {
        by_id.entry(id.as_str()).or_insert(index);
        if let Some(path) = path {
            by_path.entry(normalise_path(path)).or_insert(index);
        }
    }
    let mut taken: Vec<Option<usize>> = vec![None; gold.len()];
    let mut found: Vec<Option<usize>> = vec![None; predicted.len()];
    let suffix_match = |id: &str| {
        let suffix = format!("/{id}");
        let mut candidates = gold
            .iter()
            .enumerate()
            .filter(|(_, (gold_id, _))| gold_id.ends_with(&suffix));
        match (candidates.next(), candidates.next()) {
            (Some((index, _)), None) => Some(index),
            _ => None,
        }
    };
    // Exact ids first, then paths, then suffixes, so that a weaker match never takes the gold
    // document of a stronger one.
    for pass in 0..3 {
        for (p, (id, path)) in predicted.iter().enumerate() {
            if found[p].is_some() {
                continue;
            }
            let candidate = match pass {
                0 => by_id.get(id.as_str()).copied(),
                1 => path
                    .as_ref()
                    .and_then(|path| by_path.get(&normalise_path(path)).copied()),
                _ => suffix_match(id),
            };
            if let Some(g) = candidate {
                found[p] = Some(g);
                if taken[g].is_none() {
                    taken[g] = Some(p);
                }
            }
        }
    }
    let mut alignment = Alignment::default();
    for (p, g) in found.iter().enumerate() {
        match g {
            Some(g) if taken[*g] == Some(p) => {}
            Some(_) => alignment.duplicates.push(p),
            None => alignment.without_gold.push(p),
        }
    }
    for (g, p) in taken.into_iter().enumerate() {
        match p {
            Some(p) => alignment.pairs.push((g, p)),
            None => alignment.without_prediction.push(g),
        }
    }
    alignment
}

/// A path with `.` components and a leading `./` removed, for comparing paths as given.
fn normalise_path(path: &str) -> PathBuf {
    Path::new(path)
        .components()
        .filter(|c| !matches!(c, std::path::Component::CurDir))
        .collect()
}

/// Checks gold spans against the document text: every entity's and date's `text` must be the
/// text at its offsets, and the spans must lie inside the text. Returns one warning per
/// mismatch (the gold was made from another version of the text).
///
/// # Example
/// ```
/// use meldung::eval::gold::{check_spans, parse_records};
/// let gold = parse_records(r#"{"doc_id": "a", "entities": [{"type": "LOC", "text": "Kiel", "start": 3, "end": 7, "canonical": "Kiel"}]}"#, "g").unwrap();
/// assert!(check_spans(&gold.docs[0].annotations, "In Kiel.").is_empty());
/// assert_eq!(check_spans(&gold.docs[0].annotations, "Nach Kiel.").len(), 1);
/// ```
pub fn check_spans(gold: &Annotations, text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let spans = gold
        .entities
        .iter()
        .map(|e| ("entity", e.start, e.end, e.text.as_str()))
        .chain(
            gold.dates
                .iter()
                .map(|d| ("date", d.start, d.end, d.text.as_str())),
        );
    let mut warnings = Vec::new();
    for (what, start, end, expected) in spans {
        let found: Option<String> =
            (end <= chars.len()).then(|| chars[start..end].iter().collect());
        if found.as_deref() != Some(expected) && !expected.is_empty() {
            warnings.push(format!(
                "{}: gold {what} {expected:?} at {start}..{end} does not match the text ({}); is the gold up to date?",
                gold.doc_id,
                match found {
                    Some(found) => format!("found {found:?}"),
                    None => format!("the text has {} characters", chars.len()),
                }
            ));
        }
    }
    warnings
}
