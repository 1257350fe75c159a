//! Cooperation relations (not yet implemented: finds none).

use crate::dates::DateMatch;
use crate::entities::EntityMatch;
use crate::resources::ResourceError;
use crate::tokenise::Sentence;

/// A relation found in the text; parties and people are indices into the entity list.
#[derive(Debug, Clone, PartialEq)]
pub struct RelationMatch {
    pub relation_type: String,
    pub parties: Vec<usize>,
    /// Index into the date list.
    pub date: Option<usize>,
    pub people: Vec<usize>,
    pub topics: Vec<String>,
    /// Byte range of the evidence sentence.
    pub evidence: (usize, usize),
    pub confidence: f64,
    pub cameo: Option<(String, f64)>,
}

/// The relation stage.
#[derive(Debug, Default)]
pub struct RelationRecogniser {}

impl RelationRecogniser {
    /// The stage with its compiled-in trigger lists.
    pub fn load_default() -> Result<RelationRecogniser, ResourceError> {
        Ok(RelationRecogniser {})
    }

    /// Relations between the entities of the text.
    pub fn find(
        &self,
        _text: &str,
        _sentences: &[Sentence],
        _entities: &[EntityMatch],
        _dates: &[DateMatch],
    ) -> Vec<RelationMatch> {
        Vec::new()
    }
}
