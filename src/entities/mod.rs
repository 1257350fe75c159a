//! Persons, regions and organisations (not yet implemented: finds none).

use crate::record::EntityType;
use crate::resources::ResourceError;
use crate::tokenise::{Sentence, Token};

/// An entity mention found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityMatch {
    pub start: usize,
    pub end: usize,
    pub entity_type: EntityType,
    pub canonical: String,
    pub kb_id: Option<String>,
    pub subtype: Option<String>,
    /// The gazetteer or rule that produced the mention.
    pub source: String,
}

/// The entity stage.
#[derive(Debug, Default)]
pub struct EntityRecogniser {}

impl EntityRecogniser {
    /// The stage with the compiled-in gazetteers.
    pub fn load_default() -> Result<EntityRecogniser, ResourceError> {
        Ok(EntityRecogniser {})
    }

    /// Entity mentions, sorted by start, non-overlapping.
    pub fn find(
        &self,
        _text: &str,
        _tokens: &[Token],
        _sentences: &[Sentence],
    ) -> Vec<EntityMatch> {
        Vec::new()
    }
}
