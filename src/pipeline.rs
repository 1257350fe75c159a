//! The extraction pipeline: document in, record out.
//!
//! Stages run in order over one document: tokenise → sentences → publication date → dates →
//! entities → relations → record. Each stage reports byte ranges; [`crate::output`] turns
//! them into the record with code point offsets and ids. A [`Pipeline`] holds every compiled
//! resource (automata, patterns) and is shared by reference across threads; `extract` itself
//! is pure: the same document always gives the same record.

use std::sync::OnceLock;
use std::time::{Duration, Instant};

use crate::calendar::Date;
use crate::dates::{DateMatch, DateRecogniser};
use crate::document::Document;
use crate::entities::{EntityMatch, EntityRecogniser};
use crate::output;
use crate::record::{PublishedFrom, Record};
use crate::relations::{RegionEvidence, RelationInput, RelationMatch, RelationRecogniser};
use crate::resources::{DataFile, ResourceError};
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

/// Time spent in each stage, summed over documents (for `extract --stats`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StageTimes {
    pub tokenise: Duration,
    pub dates: Duration,
    pub entities: Duration,
    pub relations: Duration,
    /// Building the record (offset conversion, ids, hashing); serialising is the caller's.
    pub record: Duration,
}

impl StageTimes {
    /// Adds `other` to these times.
    pub fn add(&mut self, other: &StageTimes) {
        self.tokenise += other.tokenise;
        self.dates += other.dates;
        self.entities += other.entities;
        self.relations += other.relations;
        self.record += other.record;
    }

    /// `(stage name, time)` in pipeline order.
    pub fn stages(&self) -> [(&'static str, Duration); 5] {
        [
            ("tokenise", self.tokenise),
            ("dates", self.dates),
            ("entities", self.entities),
            ("relations", self.relations),
            ("record", self.record),
        ]
    }
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
        Pipeline::load_with_gazetteers(&[])
    }

    /// The default pipeline plus users' gazetteers (same TSV format as
    /// `gazetteers/regions.tsv`; their entries win ties with the built-in ones).
    ///
    /// # Example
    /// ```
    /// use meldung::resources::DataFile;
    /// use meldung::{Document, Pipeline};
    /// let mine = DataFile {
    ///     name: "mine.tsv",
    ///     content: "Musterhafen Logistik\tORG\tMusterhafen Logistik GmbH\t\tcompany\t0\t\n",
    /// };
    /// let pipeline = Pipeline::load_with_gazetteers(&[mine]).unwrap();
    /// let record = pipeline.extract(&Document::new("d", "Die Musterhafen Logistik wächst."));
    /// assert_eq!(record.entities[0].canonical, "Musterhafen Logistik GmbH");
    /// ```
    pub fn load_with_gazetteers(gazetteers: &[DataFile<'_>]) -> Result<Pipeline, ResourceError> {
        // The stages compile independently: build the expensive ones on two threads.
        let ((tokeniser, dates), (entities, relations)) = rayon::join(
            || (Tokeniser::load_default(), DateRecogniser::load_default()),
            || {
                (
                    EntityRecogniser::load(gazetteers),
                    RelationRecogniser::load_default(),
                )
            },
        );
        Ok(Pipeline {
            tokeniser: tokeniser?,
            dates: dates?,
            entities: entities?,
            relations: relations?,
        })
    }

    /// Runs every stage over `doc`'s text.
    pub fn analyse(&self, doc: &Document) -> Analysis {
        self.analyse_timed(doc, &mut StageTimes::default())
    }

    /// Runs every stage over `doc`'s text, adding the time of each stage to `times`.
    pub fn analyse_timed(&self, doc: &Document, times: &mut StageTimes) -> Analysis {
        let text = doc.text.as_str();
        let mut clock = Instant::now();
        let mut lap = |slot: &mut Duration| {
            let now = Instant::now();
            *slot += now - clock;
            clock = now;
        };
        let tokens = self.tokeniser.tokenise(text);
        let sentences = self.tokeniser.sentences(text, &tokens);
        lap(&mut times.tokenise);
        // One run of the date rules gives both the publication date (read off the candidates of
        // the top and end lines) and the expressions resolved against it.
        let found = self.dates.analyse(text, &tokens, doc.published);
        let published = match doc.published {
            Some(date) => Some((date, PublishedFrom::Input)),
            None => found
                .published
                .map(|found| (found.date, PublishedFrom::Text)),
        };
        let dates = found.dates;
        lap(&mut times.dates);
        let (entities, regions) = self
            .entities
            .find_with_region_evidence(text, &tokens, &sentences);
        lap(&mut times.entities);
        let relations = self.relations.find_in(&RelationInput {
            text,
            tokens: &tokens,
            sentences: &sentences,
            entities: &entities,
            dates: &dates,
            regions: &regions,
            published: published.map(|(date, _)| date),
        });
        lap(&mut times.relations);
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

    /// Extracts the record of `doc`, adding the time of each stage to `times`.
    pub fn extract_timed(&self, doc: &Document, times: &mut StageTimes) -> Record {
        let analysis = self.analyse_timed(doc, times);
        let started = Instant::now();
        let record = output::build_record(doc, &analysis);
        times.record += started.elapsed();
        record
    }

    /// Extracts the record of `doc`.
    ///
    /// # Example
    /// ```
    /// use meldung::{Document, Pipeline};
    /// let pipeline = Pipeline::load_default().unwrap();
    /// let record = pipeline.extract(&Document::new("a", "Rottweil, 25. September 2012 – Text."));
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
