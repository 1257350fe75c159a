//! Temporal expressions: recognition and TIMEX3 normalisation (not yet implemented: finds none).

use crate::calendar::Date;
use crate::record::DateType;
use crate::resources::ResourceError;
use crate::tokenise::Token;

/// A temporal expression found in the text, with its normalised value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMatch {
    pub start: usize,
    pub end: usize,
    pub date_type: DateType,
    /// TIMEX3 value.
    pub value: String,
}

/// The publication date found in a text, and where.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FoundPublicationDate {
    pub date: Date,
    pub start: usize,
    pub end: usize,
}

/// The date stage.
#[derive(Debug, Default)]
pub struct DateRecogniser {}

impl DateRecogniser {
    /// The stage with its compiled-in rules.
    pub fn load_default() -> Result<DateRecogniser, ResourceError> {
        Ok(DateRecogniser {})
    }

    /// The publication date stated in the text, if any.
    pub fn publication_date(&self, _text: &str, _tokens: &[Token]) -> Option<FoundPublicationDate> {
        None
    }

    /// Temporal expressions, resolved against `anchor` (or the dates of the text itself).
    pub fn find(&self, _text: &str, _tokens: &[Token], _anchor: Option<Date>) -> Vec<DateMatch> {
        Vec::new()
    }
}
