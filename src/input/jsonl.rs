//! JSON-lines documents: `{"id": "...", "text": "...", "published": "YYYY-MM-DD", "title": "..."}`
//! one per line. `id` is optional (the file's id and the line number stand in); `published` and
//! `title` are optional; other fields are ignored. Blank lines are skipped.

use std::io::BufRead;

use serde::Deserialize;

use super::{InputEvent, InputFailure};
use crate::calendar::Date;
use crate::document::{Document, Encoding};
use crate::record::Source;

#[derive(Deserialize)]
struct JsonDocument {
    #[serde(default)]
    id: Option<serde_json::Value>,
    text: Option<serde_json::Value>,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    title: Option<String>,
}

/// Parses one JSON-lines document. `fallback_id` is used when the line has no `id`.
///
/// # Example
/// ```
/// use meldung::input::parse_json_document;
/// let doc = parse_json_document(r#"{"id": "pm-7", "text": "Text", "published": "2019-06-20"}"#, "f:1", None).unwrap();
/// assert_eq!(doc.id, "pm-7");
/// assert_eq!(doc.published.unwrap().to_string(), "2019-06-20");
/// let err = parse_json_document(r#"{"id": "x"}"#, "f:2", None).unwrap_err();
/// assert_eq!(err.0, "invalid_document");
/// let doc = parse_json_document(r#"{"text": "T", "published": "6101376612"}"#, "f:3", None).unwrap();
/// assert_eq!(doc.published, None);
/// assert_eq!(doc.warnings.len(), 1);
/// ```
pub fn parse_json_document(
    line: &str,
    fallback_id: &str,
    default_published: Option<Date>,
) -> Result<Document, (&'static str, String)> {
    let parsed: JsonDocument = serde_json::from_str(line)
        .map_err(|err| ("invalid_json", format!("invalid JSON: {err}")))?;
    let id = match parsed.id {
        None | Some(serde_json::Value::Null) => fallback_id.to_string(),
        Some(serde_json::Value::String(id)) => id,
        Some(serde_json::Value::Number(id)) => id.to_string(),
        Some(_) => {
            return Err((
                "invalid_document",
                "\"id\" must be a string or a number".to_string(),
            ))
        }
    };
    let text = match parsed.text {
        Some(serde_json::Value::String(text)) => text,
        None | Some(serde_json::Value::Null) => {
            return Err((
                "invalid_document",
                "the document has no \"text\"".to_string(),
            ))
        }
        Some(_) => return Err(("invalid_document", "\"text\" must be a string".to_string())),
    };
    let mut warnings = Vec::new();
    let published = match parsed.published.as_deref().map(str::trim) {
        None | Some("") => default_published,
        Some(value) => {
            // Accept full timestamps too: the date part is what counts.
            let date_part = value.get(..10).unwrap_or(value);
            match Date::parse_iso(date_part) {
                Some(date) => Some(date),
                None => {
                    // Metadata fields in real archives hold ids and junk: losing the document
                    // over one would be worse than ignoring the field and saying so.
                    warnings.push(format!(
                        "\"published\" {value:?} is not a date (expected YYYY-MM-DD): ignored"
                    ));
                    default_published
                }
            }
        }
    };
    if text.trim().is_empty() {
        return Err(("empty", "the document's text is empty".to_string()));
    }
    Ok(Document {
        id,
        source: Source {
            path: String::new(),
            line: None,
        },
        text,
        published,
        title: parsed.title,
        encoding: Encoding::Utf8,
        warnings,
    })
}

/// The documents of a JSON-lines stream.
pub(super) struct JsonLines {
    reader: Box<dyn BufRead + Send>,
    path: String,
    /// Id of the file, for documents without an `id`.
    file_id: String,
    default_published: Option<Date>,
    line_no: u64,
    buffer: Vec<u8>,
    done: bool,
}

impl JsonLines {
    pub(super) fn new(
        reader: Box<dyn BufRead + Send>,
        path: String,
        file_id: String,
        default_published: Option<Date>,
    ) -> JsonLines {
        JsonLines {
            reader,
            path,
            file_id,
            default_published,
            line_no: 0,
            buffer: Vec::with_capacity(1 << 14),
            done: false,
        }
    }

    fn failure(&self, doc_id: String, kind: &'static str, message: String) -> InputEvent {
        InputEvent::Failed(InputFailure {
            doc_id,
            source: Source {
                path: self.path.clone(),
                line: Some(self.line_no),
            },
            kind,
            message: format!("{}:{}: {message}", self.path, self.line_no),
        })
    }
}

impl Iterator for JsonLines {
    type Item = InputEvent;

    fn next(&mut self) -> Option<InputEvent> {
        loop {
            if self.done {
                return None;
            }
            self.buffer.clear();
            match self.reader.read_until(b'\n', &mut self.buffer) {
                Ok(0) => {
                    self.done = true;
                    return None;
                }
                Ok(_) => self.line_no += 1,
                Err(err) => {
                    self.done = true;
                    self.line_no += 1;
                    let id = self.fallback_id();
                    return Some(self.failure(id, "unreadable", err.to_string()));
                }
            }
            let bytes = self.buffer.len() as u64;
            let fallback_id = self.fallback_id();
            let line = match std::str::from_utf8(&self.buffer) {
                Ok(line) => line,
                Err(err) => {
                    return Some(self.failure(
                        fallback_id,
                        "invalid_utf8",
                        format!("line is not UTF-8: {err}"),
                    ))
                }
            };
            let line = line.strip_prefix('\u{FEFF}').unwrap_or(line).trim();
            if line.is_empty() {
                continue;
            }
            return Some(
                match parse_json_document(line, &fallback_id, self.default_published) {
                    Ok(mut document) => {
                        document.source = Source {
                            path: self.path.clone(),
                            line: Some(self.line_no),
                        };
                        for warning in &mut document.warnings {
                            *warning = format!("{}:{}: {warning}", self.path, self.line_no);
                        }
                        InputEvent::Document { document, bytes }
                    }
                    Err((kind, message)) => {
                        // Keep the document's own id in the error record where the line has one.
                        let id = serde_json::from_str::<serde_json::Value>(line)
                            .ok()
                            .and_then(|v| {
                                v.get("id").and_then(|id| id.as_str().map(str::to_string))
                            })
                            .unwrap_or(fallback_id);
                        self.failure(id, kind, message)
                    }
                },
            );
        }
    }
}

impl JsonLines {
    fn fallback_id(&self) -> String {
        if self.file_id.is_empty() {
            format!("{}:{}", self.path, self.line_no)
        } else {
            format!("{}:{}", self.file_id, self.line_no)
        }
    }
}
