//! meldung: information extraction for German press releases.
//!
//! For every document meldung finds persons, regions and organisations (with canonical names
//! and stable ids), temporal expressions (normalised to TIMEX3 values against the publication
//! date) and cooperation relations between regions and organisations, and reports them as one
//! JSON record (schema in [`record`], `docs/schema.md`).
//!
//! The library is the product; the `extract` binary only reads inputs, runs [`extract`] in
//! parallel and writes lines. One module per stage:
//! [`tokenise`] → [`dates`] → [`entities`] → [`relations`] → [`output`]; [`input`] reads and
//! decodes documents, [`eval`] scores records against gold annotations.
//!
//! # Example
//! ```
//! use meldung::{extract, Document};
//! let record = extract(&Document::new("pm", "Dresden, 28. März 2014 – Eine Meldung."));
//! assert_eq!(record.char_count, 38);
//! let line = serde_json::to_string(&record).unwrap();
//! assert!(line.starts_with("{\"schema\":\"meldung.record.v1\""));
//! ```

pub mod calendar;
pub mod dates;
pub mod document;
pub mod entities;
pub mod eval;
pub mod gazetteer;
pub mod input;
pub mod output;
pub mod pipeline;
pub mod record;
pub mod relations;
pub mod resources;
pub mod span;
pub mod tokenise;

pub use document::Document;
pub use pipeline::{extract, Pipeline};
pub use record::Record;
