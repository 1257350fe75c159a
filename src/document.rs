//! The input unit: one press release (or any text) with what is known about it.

use crate::calendar::Date;
use crate::record::Source;

/// How the bytes of a document were decoded into its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 without byte order mark (also every JSON-lines document).
    Utf8,
    /// UTF-8 with a byte order mark, which was removed from the text.
    Utf8Bom,
    /// UTF-16 little endian with byte order mark.
    Utf16Le,
    /// UTF-16 big endian with byte order mark.
    Utf16Be,
    /// Windows-1252 (a superset of Latin-1 in its printable range), decoded to Unicode.
    Windows1252,
}

impl Encoding {
    /// The name written to the record's `encoding` field.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf8Bom => "utf-8-bom",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::Windows1252 => "windows-1252",
        }
    }
}

/// A document to extract from.
///
/// # Example
/// ```
/// use meldung::document::Document;
/// use meldung::calendar::Date;
/// let doc = Document::new("pm-1", "Dresden, 28. März 2014 - Ein Text.")
///     .with_published(Date::new(2014, 3, 28));
/// assert_eq!(doc.id, "pm-1");
/// ```
#[derive(Debug, Clone)]
pub struct Document {
    /// Stable identifier: the path relative to the input argument without extension, or the
    /// JSON-lines `id`.
    pub id: String,
    /// Where the document came from.
    pub source: Source,
    /// The decoded text. All offsets in the record refer to this string.
    pub text: String,
    /// Publication date given with the input (JSON-lines `published` or `--published`).
    pub published: Option<Date>,
    /// Title given with the input.
    pub title: Option<String>,
    /// How the text was decoded.
    pub encoding: Encoding,
    /// Problems with the input that did not stop processing (a malformed `published`), as
    /// messages naming the path and line.
    pub warnings: Vec<String>,
}

impl Document {
    /// A UTF-8 document with no publication date, title or source path.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Document {
        let id = id.into();
        Document {
            source: Source {
                path: id.clone(),
                line: None,
            },
            id,
            text: text.into(),
            published: None,
            title: None,
            encoding: Encoding::Utf8,
            warnings: Vec::new(),
        }
    }

    /// The same document with the given publication date.
    pub fn with_published(mut self, published: Option<Date>) -> Document {
        self.published = published;
        self
    }
}
