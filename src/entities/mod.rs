//! Persons (PER), regions (LOC) and organisations (ORG), with canonical names and ids.
//!
//! Mentions come from two sources:
//! - the entity gazetteers (`gazetteers/regions.tsv`, `gazetteers/regions_wiktionary.tsv`,
//!   `gazetteers/organisations.tsv` and users' lists), looked up at every capitalised word
//!   start — also inside hyphen compounds (`Bayern-Québec-Partnerschaft`), before a genitive
//!   `s` (`Sachsens`) and in all-caps headlines — with [`crate::gazetteer::Dictionary`]; names
//!   flagged `common` (Essen, Halle) need context: a preposition
//!   (`resources/entities/context_words.tsv`), a head word or another accepted mention in the
//!   document; gazetteer acronyms need their full name in the document;
//! - rules for names no list holds: persons after a role, title or honorific or with a known
//!   first name or East Asian family name; organisations from head words with their modifiers
//!   and complements (`resources/entities/org_heads.tsv`), legal forms (`GmbH`, `e.V.`),
//!   English names (`… Foundation`), dotted names; regions after administrative head words
//!   (`resources/entities/region_heads.tsv`).
//!
//! Overlaps are resolved deterministically: the longest span wins, then the rule priority,
//! then the earlier start. Within a document a surname is linked to the person's full name, an
//! acronym defined as `Full Name (ACR)` to the organisation. Every mention records its
//! `source`: the gazetteer file or `rule:<name>`.
//!
//! Adjectives and demonyms (`japanischen`, `Dresdner`) are not entities; the relation stage
//! gets them from [`EntityRecogniser::find_region_evidence`].
//!
//! # Example
//! ```
//! use meldung::entities::EntityRecogniser;
//! use meldung::tokenise::Tokeniser;
//! let tokeniser = Tokeniser::load_default().unwrap();
//! let recogniser = EntityRecogniser::load_default().unwrap();
//! let text = "Regierungspräsidentin Anna Beispiel empfing Gäste aus Sachsen.";
//! let tokens = tokeniser.tokenise(text);
//! let sentences = tokeniser.sentences(text, &tokens);
//! let found = recogniser.find(text, &tokens, &sentences);
//! let shown: Vec<(&str, &str)> = found
//!     .iter()
//!     .map(|e| (&text[e.start..e.end], e.entity_type.label()))
//!     .collect();
//! assert_eq!(shown, vec![("Anna Beispiel", "PER"), ("Sachsen", "LOC")]);
//! ```

mod doc_names;
mod flags;
mod heads;
mod lexicon;
mod nominative;
mod rules;

use std::borrow::Cow;

use crate::gazetteer::{Dictionary, EntityList};
use crate::record::EntityType;
use crate::resources::{DataFile, ResourceError};
use crate::tokenise::{Sentence, Token};

pub use lexicon::{parse_example, Example, Files, Lexicon};
pub use nominative::nominative;

/// An entity mention found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityMatch {
    pub start: usize,
    pub end: usize,
    pub entity_type: EntityType,
    pub canonical: String,
    pub kb_id: Option<String>,
    pub subtype: Option<String>,
    /// For a region: the ISO 3166 alpha-2 code of its country (`DE` for Sachsen and for
    /// Dresden), where known.
    pub country: Option<String>,
    /// The gazetteer or rule that produced the mention.
    pub source: String,
}

/// A region adjective or demonym (`japanischen` → Japan): evidence of a region for the
/// relation stage, not an entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegionEvidence {
    pub start: usize,
    pub end: usize,
    pub canonical: String,
    pub kb_id: Option<String>,
}

/// The entity stage with its compiled gazetteers and word lists. Build once, share across
/// threads.
#[derive(Debug)]
pub struct EntityRecogniser {
    dictionary: Dictionary,
    lexicon: Lexicon,
    romanised: regex::Regex,
    /// Per dictionary entry: what the gazetteer rule derives from it and the word lists.
    entry_facts: Vec<rules::EntryFacts>,
}

impl EntityRecogniser {
    /// The stage with the compiled-in gazetteers.
    pub fn load_default() -> Result<EntityRecogniser, ResourceError> {
        EntityRecogniser::load(&[])
    }

    /// The stage with the compiled-in gazetteers and users' lists (`--gazetteer FILE`, same
    /// seven columns as `regions.tsv`). A malformed row is an error naming file and line.
    ///
    /// # Example
    /// ```
    /// use meldung::entities::EntityRecogniser;
    /// use meldung::resources::DataFile;
    /// let bad = DataFile { name: "mine.tsv", content: "Oberwald\tTOWN\tOberwald\t\tcity\t0\t\n" };
    /// let err = EntityRecogniser::load(&[bad]).unwrap_err();
    /// assert!(err.to_string().starts_with("mine.tsv:1: type must be LOC, ORG or PER"));
    /// ```
    pub fn load(extra: &[DataFile]) -> Result<EntityRecogniser, ResourceError> {
        let user: Vec<EntityList> = extra
            .iter()
            .map(|file| EntityList::parse(file.name, file.content.to_string()))
            .collect::<Result<_, _>>()?;
        let ((regions, organisations), lexicon) = rayon::join(
            || {
                rayon::join(
                    || EntityList::parse_static(crate::data_file!("gazetteers/regions.tsv")),
                    || EntityList::parse_static(crate::data_file!("gazetteers/organisations.tsv")),
                )
            },
            || Lexicon::load(&Files::default_files()),
        );
        let mut lists = user;
        lists.push(EntityList::parse_static(crate::data_file!(
            "resources/entities/organisations.tsv"
        ))?);
        lists.push(EntityList::parse_static(crate::data_file!(
            "resources/entities/regions.tsv"
        ))?);
        lists.push(regions?);
        // Wiktionary's toponyms (landscapes, historical regions) after the GeoNames/ISO list,
        // which wins ties; CC BY-SA 4.0, kept in a file of its own (gazetteers/SOURCES.md).
        lists.push(EntityList::parse_static(crate::data_file!(
            "gazetteers/regions_wiktionary.tsv"
        ))?);
        lists.push(organisations?);
        EntityRecogniser::from_parts(lists, lexicon?)
    }

    /// The stage over the given entity lists (users' lists first: on equal spans and
    /// priority their entries win) and word lists — for tests with fixture gazetteers.
    pub fn from_parts(
        lists: Vec<EntityList>,
        lexicon: Lexicon,
    ) -> Result<EntityRecogniser, ResourceError> {
        let dictionary = Dictionary::build(lists, |entry| {
            // Only capitalised surfaces can be found (lookups start at capitalised words).
            let _ = entry;
            true
        });
        let entry_facts = (0..dictionary.len() as u32)
            .map(|id| rules::entry_facts(&dictionary, &lexicon, id))
            .collect();
        Ok(EntityRecogniser {
            dictionary,
            lexicon,
            romanised: regex::Regex::new(ROMANISED).expect("valid pattern"),
            entry_facts,
        })
    }

    /// Entity mentions, sorted by start, non-overlapping.
    pub fn find(&self, text: &str, tokens: &[Token], sentences: &[Sentence]) -> Vec<EntityMatch> {
        let folded = crate::gazetteer::fold(text);
        let flags = flags::token_flags(&self.lexicon, &self.dictionary, text, &folded, tokens);
        self.entities(text, &folded, tokens, sentences, flags)
    }

    /// The rules' mentions with their document-level canonical names.
    fn entities(
        &self,
        text: &str,
        folded: &str,
        tokens: &[Token],
        sentences: &[Sentence],
        flags: Vec<u32>,
    ) -> Vec<EntityMatch> {
        let mut entities = rules::find(self, text, folded, tokens, sentences, flags);
        doc_names::name_districts(&self.lexicon, &mut entities);
        let mut hits = Vec::new();
        doc_names::name_as_written(text, &mut entities, |e| {
            hits.clear();
            self.dictionary.lookup(text, folded, e.start, &mut hits);
            hits.iter().find_map(|hit| {
                let (list, entry) = self.dictionary.entry(hit.id);
                (hit.end == e.end
                    && list.text(entry.surface) == &text[e.start..e.end]
                    && Some(list.text(entry.kb_id)) == e.kb_id.as_deref())
                .then_some(entry.flags)
            })
        });
        doc_names::name_bracketed_aliases(text, &mut entities);
        entities
    }

    /// [`EntityRecogniser::find`] and [`EntityRecogniser::find_region_evidence`] in one call,
    /// folding the text once (what the pipeline uses).
    ///
    /// # Example
    /// ```
    /// use meldung::entities::EntityRecogniser;
    /// use meldung::tokenise::Tokeniser;
    /// let tokeniser = Tokeniser::load_default().unwrap();
    /// let recogniser = EntityRecogniser::load_default().unwrap();
    /// let text = "Die sächsische Delegation besuchte Bayern.";
    /// let tokens = tokeniser.tokenise(text);
    /// let sentences = tokeniser.sentences(text, &tokens);
    /// let (entities, regions) = recogniser.find_with_region_evidence(text, &tokens, &sentences);
    /// assert_eq!(entities, recogniser.find(text, &tokens, &sentences));
    /// assert_eq!(regions, recogniser.find_region_evidence(text, &tokens));
    /// assert_eq!(regions[0].canonical, "Sachsen");
    /// ```
    pub fn find_with_region_evidence(
        &self,
        text: &str,
        tokens: &[Token],
        sentences: &[Sentence],
    ) -> (Vec<EntityMatch>, Vec<RegionEvidence>) {
        let folded = crate::gazetteer::fold(text);
        let flags = flags::token_flags(&self.lexicon, &self.dictionary, text, &folded, tokens);
        let regions = self.region_evidence(text, &folded, tokens, &flags);
        (
            self.entities(text, &folded, tokens, sentences, flags),
            regions,
        )
    }

    /// Region adjectives and demonyms (`japanischen`, `Thüringer`, `Chinesen`) with the region
    /// they refer to, in order. They are not entities; the relation stage uses them as
    /// evidence of a region ("die japanische Präfektur", "Dresdner Unternehmen").
    ///
    /// # Example
    /// ```
    /// use meldung::entities::EntityRecogniser;
    /// use meldung::tokenise::Tokeniser;
    /// let tokeniser = Tokeniser::load_default().unwrap();
    /// let recogniser = EntityRecogniser::load_default().unwrap();
    /// let text = "Die japanische Delegation traf sächsische Firmen.";
    /// let found = recogniser.find_region_evidence(text, &tokeniser.tokenise(text));
    /// let shown: Vec<(&str, &str)> =
    ///     found.iter().map(|e| (&text[e.start..e.end], e.canonical.as_str())).collect();
    /// assert_eq!(shown, vec![("japanische", "Japan"), ("sächsische", "Sachsen")]);
    /// ```
    pub fn find_region_evidence(&self, text: &str, tokens: &[Token]) -> Vec<RegionEvidence> {
        let folded = crate::gazetteer::fold(text);
        let flags = flags::token_flags(&self.lexicon, &self.dictionary, text, &folded, tokens);
        self.region_evidence(text, &folded, tokens, &flags)
    }

    #[inline(never)]
    fn region_evidence(
        &self,
        text: &str,
        folded: &str,
        tokens: &[Token],
        flags: &[u32],
    ) -> Vec<RegionEvidence> {
        let mut out = Vec::new();
        let mut hits = Vec::new();
        // The flags alone pick the few words to scan (a loop over them, not the tokens):
        // words (WORD: their kind), but not those of letters and digits only that are no
        // form — such a word matches a form only as a whole, and is accepted only when
        // spelled as listed or capitalised: the flags know those spellings.
        let (word, plain, adjective) = (flags::WORD, flags::PLAIN, flags::ADJECTIVE);
        let words = flags::flags_where(flags, flags.len().min(tokens.len()), |_, bits| {
            bits & word != 0 && bits & (plain | adjective) != plain
        });
        for i in words {
            let token = &tokens[i];
            hits.clear();
            self.lexicon.adjectives.matches_at_word_ends(
                text,
                folded.as_bytes(),
                token.start,
                token.end,
                false,
                &mut hits,
            );
            let Some(&(end, pattern)) = hits.first() else {
                continue;
            };
            let written = &text[token.start..end];
            let accepted = self
                .lexicon
                .adjectives
                .values(pattern)
                .iter()
                .map(|&v| &self.lexicon.adjective_forms[v as usize])
                .find(|form| case_compatible(written, form.form, true));
            if let Some(form) = accepted {
                out.push(RegionEvidence {
                    start: token.start,
                    end,
                    canonical: form.canonical.to_string(),
                    kb_id: form.kb_id.map(str::to_string),
                });
            }
        }
        out
    }

    pub(crate) fn dictionary(&self) -> &Dictionary {
        &self.dictionary
    }

    pub(crate) fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// The facts of dictionary entry `id` ([`rules::entry_facts`]).
    #[inline]
    fn entry_facts(&self, id: u32) -> rules::EntryFacts {
        self.entry_facts[id as usize]
    }

    pub(crate) fn romanised(&self) -> &regex::Regex {
        &self.romanised
    }
}

/// A romanised East Asian given name or syllable (pinyin, Revised Romanisation, Hepburn).
/// Matched against the lower-cased word, each hyphen part separately.
const ROMANISED: &str = r"^(?:[bcdfghjklmnpqrstwxyz]{0,2}[aeiouy]{1,3}(?:ng|n|m|k|l|p|t)?)+$";

/// Whether the text as written fits the listed form: equal, the form capitalised at the start
/// of a sentence (`allow_capitalised`), or written in capitals.
pub(crate) fn case_compatible(written: &str, form: &str, allow_capitalised: bool) -> bool {
    if written == form {
        return true;
    }
    if allow_capitalised {
        let mut chars = form.chars();
        if let Some(first) = chars.next() {
            let capitalised: Cow<str> = Cow::Owned(first.to_uppercase().chain(chars).collect());
            if written == capitalised {
                return true;
            }
        }
    }
    false
}
