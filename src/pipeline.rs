//! The extraction pipeline: document in, record out.
//!
//! Stages run in order over one document: tokenise → sentences → publication date → dates →
//! entities → relations → record. Each stage reports byte ranges; [`crate::output`] turns
//! them into the record with code point offsets and ids. A [`Pipeline`] holds every compiled
//! resource (automata, patterns) and is shared by reference across threads; `extract` itself
//! is pure: the same document always gives the same record.

use std::sync::OnceLock;

use crate::calendar::Date;
use crate::dates::{DateMatch, DateRecogniser};
use crate::document::Document;
use crate::entities::{EntityMatch, EntityRecogniser};
use crate::output;
use crate::record::{PublishedFrom, Record};
use crate::relations::{RegionEvidence, RelationInput, RelationMatch, RelationRecogniser};
use crate::resources::ResourceError;
use crate::tokenise::{Sentence, Token, Tokeniser};

/// What the stages found in one document, as byte ranges into its text.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
    /// The publication date and where it came from.
    pub published: Option<(Date, PublishedFrom)>,
    pub dates: Vec<DateMatch>,
    pub entities: Vec<EntityMatch>,
    /// Regions named by adjectives and demonyms ("japanische", "Thüringer"): evidence for
    /// relations, not entities.
    pub regions: Vec<RegionEvidence>,
    pub relations: Vec<RelationMatch>,
}

/// Every stage with its compiled resources.
#[derive(Debug)]
pub struct Pipeline {
    pub tokeniser: Tokeniser,
    pub dates: DateRecogniser,
    pub entities: EntityRecogniser,
    pub relations: RelationRecogniser,
}

impl Pipeline {
    /// The pipeline with the resources and gazetteers compiled into the binary.
    pub fn load_default() -> Result<Pipeline, ResourceError> {
        Ok(Pipeline {
            tokeniser: Tokeniser::load_default()?,
            dates: DateRecogniser::load_default()?,
            entities: EntityRecogniser::load_default()?,
            relations: RelationRecogniser::load_default()?,
        })
    }

    /// Runs every stage over `doc`'s text.
    pub fn analyse(&self, doc: &Document) -> Analysis {
        let text = doc.text.as_str();
        let tokens = self.tokeniser.tokenise(text);
        let sentences = self.tokeniser.sentences(text, &tokens);
        let published = match doc.published {
            Some(date) => Some((date, PublishedFrom::Input)),
            None => self
                .dates
                .publication_date(text, &tokens)
                .map(|found| (found.date, PublishedFrom::Text)),
        };
        let dates = self
            .dates
            .find(text, &tokens, published.map(|(date, _)| date));
        let entities = self.entities.find(text, &tokens, &sentences);
        let regions = Vec::new();
        let relations = self.relations.find_in(&RelationInput {
            text,
            tokens: &tokens,
            sentences: &sentences,
            entities: &entities,
            dates: &dates,
            regions: &regions,
            published: published.map(|(date, _)| date),
        });
        Analysis {
            tokens,
            sentences,
            published,
            dates,
            entities,
            regions,
            relations,
        }
    }

    /// Extracts the record of `doc`.
    ///
    /// # Example
    /// ```
    /// use meldung::{Document, Pipeline};
    /// let pipeline = Pipeline::load_default().unwrap();
    /// let record = pipeline.extract(&Document::new("a", "Liestal, 25. September 2012 – Text."));
    /// assert_eq!(record.doc_id, "a");
    /// assert!(record.error.is_none());
    /// ```
    pub fn extract(&self, doc: &Document) -> Record {
        let analysis = self.analyse(doc);
        output::build_record(doc, &analysis)
    }
}

/// Extracts with the default pipeline, built on first use and shared by all threads.
///
/// # Panics
/// When the compiled-in resources fail to load, which the test suite rules out.
pub fn extract(doc: &Document) -> Record {
    static DEFAULT: OnceLock<Pipeline> = OnceLock::new();
    DEFAULT
        .get_or_init(|| Pipeline::load_default().expect("compiled-in resources are valid"))
        .extract(doc)
}
