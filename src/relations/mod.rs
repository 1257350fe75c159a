//! Cooperation relations between regions and organisations, typed and CAMEO-coded.
//!
//! A relation is stated by a trigger (a word or pattern from
//! `resources/relations/triggers.tsv`: "Absichtserklärung", "besuchte", "Partnerschaft",
//! "Forum", "wollen … zusammenarbeiten") and has two parties, found in this order:
//!
//! 1. the regions and organisations of the trigger's sentence, including adjectives and
//!    demonyms ("sächsische Firmen", "Thüringer Delegation", [`RegionEvidence`]) and persons
//!    who speak for a body ("der Gouverneur der Präfektur X, Name");
//! 2. places that are only the venue ("in Stuttgart") or describe an organisation
//!    ("die Münchner Firma X", "X aus Y") are no parties; a place is never paired with the
//!    region that contains it (ISO 3166 codes: `DE` contains `DE-SN`); a body that only signs
//!    treaties (the EU, `treaty_parties.txt`) is a party only to an AGREEMENT;
//! 3. parties of different *sides* (countries, or for an unlocated organisation a side of its
//!    own) and of the same level (region–region, organisation–organisation) are paired;
//! 4. for a VISIT, the visitor is the party after "aus", before "Delegation", or the subject of
//!    "besuchte" or "gereist", or the body of "Delegation der X"; "die Delegation" refers back
//!    to the document's visitor; the host is the other party, or the visitor's counterpart
//!    region; a host who greets "die Delegation" of unknown origin receives the host's
//!    counterpart region;
//! 5. when the sentence names only one side, the other is the document's main region of the
//!    other side (the most mentioned region with an ISO code, or a town or district the
//!    title names); "beide Seiten" is the pair just talked about;
//! 6. a ministry, government or agency also stands for its region, so its relations are
//!    repeated between the regions ("lifted");
//! 7. "wir" in a sentence that names one partner is the issuing body, the organisation the
//!    release names most ("Seit 2019 arbeiten wir eng mit der Universität X zusammen").
//!
//! One relation is reported per type and party pair, with all its evidence sentences, the
//! highest confidence (trigger confidence × the factor of the party rule, `rules.tsv`), the
//! first date found, the persons named with their role, sector topics and the CAMEO code of
//! the trigger (Goldstein values from `resources/relations/cameo.tsv`). A trigger negated in
//! its clause states nothing; an announced VISIT or EVENT is an INTENT (036), an announced
//! visit between the travellers and each place they are to go.
//!
//! # Example
//! ```
//! use meldung::entities::EntityMatch;
//! use meldung::record::EntityType;
//! use meldung::relations::{RelationInput, RelationRecogniser};
//! use meldung::tokenise::Tokeniser;
//!
//! let text = "Eine Delegation aus Sachsen besuchte die Provinz Gyeonggi.";
//! let region = |name: &str, kb: &str| {
//!     let start = text.find(name).unwrap();
//!     EntityMatch {
//!         start,
//!         end: start + name.len(),
//!         entity_type: EntityType::Location,
//!         canonical: name.to_string(),
//!         kb_id: Some(kb.to_string()),
//!         subtype: Some("state".to_string()),
//!         country: Some(kb[..2].to_string()),
//!         source: "test".to_string(),
//!     }
//! };
//! let entities = vec![region("Sachsen", "DE-SN"), region("Gyeonggi", "KR-41")];
//! let tokeniser = Tokeniser::load_default().unwrap();
//! let tokens = tokeniser.tokenise(text);
//! let sentences = tokeniser.sentences(text, &tokens);
//! let input = RelationInput::new(text, &tokens, &sentences, &entities, &[]);
//! let relations = RelationRecogniser::load_default().unwrap().find_in(&input);
//! assert_eq!(relations[0].relation_type, "VISIT");
//! assert_eq!(relations[0].parties, vec![0, 1]); // visitor first
//! assert_eq!(relations[0].cameo, Some(("042".to_string(), 1.9)));
//! ```

mod doc;
mod lexicon;

use crate::gazetteer::FastMap as HashMap;

use crate::calendar::Date;
use crate::dates::DateMatch;
use crate::entities::EntityMatch;
use crate::record::{DateType, EntityType};
use crate::resources::ResourceError;
use crate::tokenise::{Sentence, Token, TokenKind, Tokeniser};

use doc::{Doc, Level, Mention, Prep, Side, Via, Words};
use lexicon::{CueKind, Lexicon, SubjectRole, Trigger};
pub use lexicon::{Files, RelationType};

/// Regions named by adjectives and demonyms ("japanische", "Thüringer") come from the entity
/// stage; the relation stage maps each to an entity of the document with the same canonical
/// name (or `kb_id`) and also derives them itself from the document's region names.
pub use crate::entities::RegionEvidence;

/// Everything the relation stage reads.
#[derive(Debug, Clone, Copy)]
pub struct RelationInput<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    pub sentences: &'a [Sentence],
    pub entities: &'a [EntityMatch],
    pub dates: &'a [DateMatch],
    /// Region adjectives and demonyms from the entity stage (may be empty).
    pub regions: &'a [RegionEvidence],
    /// The publication date, for "heute"/"gestern" without a date mention.
    pub published: Option<Date>,
}

impl<'a> RelationInput<'a> {
    /// Input without region evidence and publication date.
    pub fn new(
        text: &'a str,
        tokens: &'a [Token],
        sentences: &'a [Sentence],
        entities: &'a [EntityMatch],
        dates: &'a [DateMatch],
    ) -> RelationInput<'a> {
        RelationInput {
            text,
            tokens,
            sentences,
            entities,
            dates,
            regions: &[],
            published: None,
        }
    }
}

/// A relation found in the text; parties and people are indices into the entity list.
#[derive(Debug, Clone, PartialEq)]
pub struct RelationMatch {
    pub relation_type: String,
    /// Two entity indices; for `VISIT` the visitor first.
    pub parties: Vec<usize>,
    /// Index into the date list.
    pub date: Option<usize>,
    /// TIMEX3 value of the relation date: the date mention's value, or the publication date
    /// (or the day before) for "heute" ("gestern") without a mention.
    pub date_value: Option<String>,
    /// Persons named in the evidence, entity indices.
    pub people: Vec<usize>,
    /// Role of each person in `people` (same order): `signatory`, `host`, `delegation_head`,
    /// or the title the text gives ("Gouverneur"), or `None`.
    pub people_roles: Vec<Option<String>>,
    pub topics: Vec<String>,
    /// Byte range of the first evidence sentence.
    pub evidence: (usize, usize),
    /// Byte ranges of all evidence sentences, in text order (the first is `evidence`).
    pub all_evidence: Vec<(usize, usize)>,
    pub confidence: f64,
    /// CAMEO code and Goldstein value.
    pub cameo: Option<(String, f64)>,
}

/// The CAMEO code of an invitation or announced meeting (036: express intent to meet).
const INVITATION_CODE: &str = "036";

/// How many sentences back an everyday trigger word may find what it is about ("Die
/// Zeremonie fand gestern statt. Für das Land unterschrieb …").
const OBJECT_SENTENCES_BACK: usize = 3;

/// How many tokens after a partnership word ("Partnerstädte", "Partnerschaften mit") the
/// partners it names may stand.
const GOVERNED_TOKENS: usize = 12;

/// How many tokens after a visit noun ("der Besuch einer Delegation aus X in Y") the place it
/// goes to may stand.
const VISIT_NOUN_PHRASE_TOKENS: usize = 8;

/// The relation stage.
#[derive(Debug)]
pub struct RelationRecogniser {
    lexicon: Lexicon,
    tokeniser: Tokeniser,
}

/// A trigger that fired in a sentence.
#[derive(Debug, Clone)]
struct Fired {
    relation_type: RelationType,
    code: String,
    confidence: f64,
    subject: SubjectRole,
    token: usize,
    /// Last token of the trigger's match.
    last: usize,
    /// An invitation or announcement ("lud … ein", "eingeladen", "Gegenbesuch"): a visit
    /// after it in its sentence is the one invited to.
    invitation: bool,
    /// An announced visit ("plant eine Unternehmerreise nach X"): an INTENT whose parties
    /// are found as a visit's, the travellers and where they are to go.
    announced_visit: bool,
}

/// One relation stated by one sentence.
#[derive(Debug, Clone)]
struct Stated {
    relation_type: RelationType,
    a: usize,
    b: usize,
    sentence: usize,
    confidence: f64,
    code: String,
    token: usize,
}

impl RelationRecogniser {
    /// The stage with its compiled-in trigger lists.
    pub fn load_default() -> Result<RelationRecogniser, ResourceError> {
        Ok(RelationRecogniser {
            lexicon: Lexicon::load_default()?,
            tokeniser: Tokeniser::load_default()?,
        })
    }

    /// The stage with data files of one's own (e.g. `Files { triggers, ..Files::default() }`).
    pub fn with_files(files: &Files<'_>) -> Result<RelationRecogniser, ResourceError> {
        Ok(RelationRecogniser {
            lexicon: Lexicon::from_files(files)?,
            tokeniser: Tokeniser::load_default()?,
        })
    }

    /// The relation types whose examples (last column of `triggers.tsv`) fire: one entry per
    /// trigger line, `(line, example, fired)`. Used by the tests.
    pub fn check_examples(&self) -> Vec<(usize, String, bool)> {
        let mut out = Vec::new();
        for trigger in &self.lexicon.triggers {
            let Some(example) = &trigger.example else {
                continue;
            };
            let tokens = self.tokeniser.tokenise(example);
            let lower = Words::new(tokens.iter().map(|t| t.text(example)));
            let fired = match_trigger(trigger, &lower, 0..lower.len()).is_some();
            out.push((trigger.line, example.clone(), fired));
        }
        out
    }

    /// Relations between the entities of the text.
    pub fn find_in(&self, input: &RelationInput<'_>) -> Vec<RelationMatch> {
        if input.entities.is_empty() || input.tokens.is_empty() {
            return Vec::new();
        }
        let mut doc = Doc::prepare(input, &self.lexicon);
        if doc.trigger_hits.is_empty() {
            return Vec::new();
        }
        // Most documents state nothing: find the triggers before analysing the parties.
        let fired: Vec<(usize, Vec<Fired>)> = (0..input.sentences.len())
            .filter(|&s| doc.readable[s])
            .map(|s| (s, self.fired(&doc, s)))
            .filter(|(_, list)| !list.is_empty())
            .collect();
        if fired.is_empty() {
            return Vec::new();
        }
        doc.analyse(&self.lexicon);
        let mut stated: Vec<Stated> = Vec::new();
        let mut doc_visitor: Option<usize> = None;
        let mut last_pair: Option<(usize, usize, usize)> = None;
        for (s, list) in fired {
            for fired in list {
                let recent = last_pair
                    .filter(|&(_, _, at)| s - at <= 2)
                    .map(|(a, b, _)| (a, b));
                let last_host = stated
                    .iter()
                    .rev()
                    .find(|st| st.relation_type == RelationType::Visit)
                    .map(|st| st.b);
                let mut pairs = self.parties(&doc, s, &fired, &mut doc_visitor, recent, last_host);
                self.add_coordinator(&doc, &fired, &mut pairs);
                if let Some(&(a, b, _)) = pairs.first() {
                    last_pair = Some((a, b, s));
                }
                for (a, b, factor) in pairs {
                    // An event pairs its organisers with each other and the sides it brings
                    // together with each other (GUIDELINES §5), never a body with a region.
                    let mixed = input.entities[a].entity_type != input.entities[b].entity_type;
                    if fired.relation_type == RelationType::Event && mixed {
                        continue;
                    }
                    stated.push(Stated {
                        relation_type: fired.relation_type,
                        a,
                        b,
                        sentence: s,
                        confidence: fired.confidence * factor,
                        code: fired.code.clone(),
                        token: fired.token,
                    });
                }
            }
        }
        self.lift(&doc, &mut stated);
        self.merge(&doc, stated)
    }

    /// The triggers that fire in sentence `s`, at most one per type.
    fn fired(&self, doc: &Doc<'_>, s: usize) -> Vec<Fired> {
        let lex = &self.lexicon;
        let sentence = doc.input.sentences[s];
        let range = sentence.first_token..sentence.end_token.min(doc.lower.len());
        let lower = &doc.lower;
        let mut best: Vec<Fired> = Vec::new();
        // (trigger, token) where a trigger's first word matches, from the document's one pass.
        let from = doc.trigger_hits.partition_point(|&(t, _)| t < range.start);
        let to = doc.trigger_hits.partition_point(|&(t, _)| t < range.end);
        let mut candidates: Vec<(usize, usize)> = doc.trigger_hits[from..to]
            .iter()
            .map(|&(token, trigger)| (trigger, token))
            .collect();
        candidates.sort_unstable();
        // Every candidate that gets that far asks for the clause and the statement around it:
        // the sentence's boundaries are found once, when first asked for.
        let bounds: std::cell::OnceCell<Boundaries> = std::cell::OnceCell::new();
        let bounds = || bounds.get_or_init(|| Boundaries::of(lower, range.clone()));
        let in_sentence = |kind: CueKind| doc.may_hold(s, kind, lex);
        // Whether a cue of `kind` starts in `within`, a part of the sentence.
        let has_cue = |kind: CueKind, within: std::ops::Range<usize>| {
            debug_assert!(range.start <= within.start && within.end <= range.end);
            in_sentence(kind) && lex.has_cue(kind, lower, within)
        };
        let mut c = 0;
        while c < candidates.len() {
            let k = candidates[c].0;
            let group_end = candidates[c..]
                .iter()
                .position(|&(t, _)| t != k)
                .map_or(candidates.len(), |n| c + n);
            let starts = candidates[c..group_end].iter().map(|&(_, token)| token);
            c = group_end;
            let trigger = &lex.triggers[k];
            let Some((first, last)) = match_trigger_from(trigger, lower, starts, range.clone())
            else {
                continue;
            };
            // A medium or an audience ("Videokonferenz", "Besucher") states no relation.
            if lex.is_cue(CueKind::NotTrigger, lower, first) {
                continue;
            }
            // Nor does the reader's visit, addressed with the formal "Ihr" inside a sentence:
            // "Wir freuen uns auf Ihren Besuch".
            if first > range.start
                && matches!(
                    doc.input.tokens[first - 1].text(doc.input.text),
                    "Ihr" | "Ihre" | "Ihren" | "Ihrem" | "Ihres"
                )
            {
                continue;
            }
            // A generic word ("geschlossen", "verlängert", "empfangen") states a relation only
            // when the sentence, or one of the few before it ("Für das Land unterschrieb …"),
            // names what it is about ("Vereinbarung", "Delegation", "Forum"); a host verb is
            // also about the person it receives.
            if let Some(kind) = trigger.needs_object {
                let from = doc.input.sentences[s.saturating_sub(OBJECT_SENTENCES_BACK)].first_token;
                // "Gespräche mit Fachbesuchern": an audience is no visit's object either (a
                // trade agreement, no trigger of its own, is still what was signed).
                let named = (from..range.end).any(|i| {
                    lex.is_cue(kind, lower, i)
                        && !(kind == CueKind::ObjectVisit
                            && lex.is_cue(CueKind::NotTrigger, lower, i))
                });
                let sentence_end = doc.input.sentences[s].end;
                let person_after = trigger.relation_type == RelationType::Visit
                    && doc.input.entities.iter().any(|e| {
                        e.entity_type == EntityType::Person
                            && e.start >= doc.input.tokens[last].end
                            && e.end <= sentence_end
                    });
                if !named && !person_after {
                    continue;
                }
            }
            // The head of a compound names what it is: a "Kooperationsforum" is an event, not
            // a cooperation.
            if trigger.relation_type == RelationType::Cooperation
                && first == last
                && head_is_event(
                    lex,
                    trigger,
                    &lower[first],
                    doc::trigger_hits_at(&doc.trigger_hits, first).map(|&(_, k)| k),
                )
            {
                continue;
            }
            // A word inside an organisation's name ("Deutsche Messe AG") is no trigger.
            let at = doc.input.tokens[first].start;
            if doc
                .input
                .entities
                .iter()
                .any(|e| e.entity_type == EntityType::Organisation && e.start <= at && at < e.end)
            {
                continue;
            }
            // Negated in its clause?
            let (clause_start, clause_end) = bounds().clause(first, first);
            let negated = in_sentence(CueKind::Negation)
                && (clause_start..clause_end).any(|i| {
                    lex.is_cue(CueKind::Negation, lower, i) && lower.get(i + 1) != Some("nur")
                });
            if negated {
                continue;
            }
            // Attending a signing is not signing ("An der Unterzeichnung nahmen X und Y teil").
            if trigger.relation_type == RelationType::Agreement
                && has_cue(CueKind::Attend, clause_start..clause_end)
            {
                continue;
            }
            // The setting governs the noun phrase after it, which ends with its first noun:
            // "am Rande des 5. Forums" is a setting, "am Rande des Forums unterzeichneten"
            // states an agreement.
            let is_noun = |j: usize| {
                let token = &doc.input.tokens[j];
                token.kind == TokenKind::Word
                    && token
                        .text(doc.input.text)
                        .chars()
                        .next()
                        .is_some_and(char::is_uppercase)
            };
            // A verb right after the setting ("Am Rande unterzeichneten X und Y …") states the
            // relation itself.
            if matches!(
                trigger.relation_type,
                RelationType::Event | RelationType::Agreement
            ) && is_noun(first)
                && (first.saturating_sub(4).max(range.start)..first).any(|i| {
                    lex.cues(CueKind::Setting).iter().any(|cue| {
                        lex.cue_at(cue, lower, i).is_some_and(|end| {
                            end <= first && first - end <= 2 && !(end..first).any(is_noun)
                        })
                    })
                })
            {
                continue;
            }
            let mut fired = Fired {
                relation_type: trigger.relation_type,
                code: trigger.code.clone(),
                confidence: trigger.confidence,
                subject: trigger.subject,
                token: first,
                last,
                invitation: trigger.relation_type == RelationType::Intent
                    && trigger.code == INVITATION_CODE,
                announced_visit: false,
            };
            // Announced visits and events are intents to meet.
            // "Geplant sind Gespräche …, ein Besuch bei X": a sentence that opens with a
            // future word announces all it lists.
            // "kündigte an, im Herbst die Region X zu besuchen": an infinitive with "zu" says
            // what the clause before announces.
            let infinitive = first > range.start && &lower[first - 1] == "zu";
            let future = has_cue(CueKind::Future, clause_start..clause_end)
                || lex.is_cue(CueKind::Future, lower, range.start)
                || (infinitive && has_cue(CueKind::Future, range.start..first));
            // A colon or semicolon opens a statement of its own ("unterzeichneten eine
            // Absichtserklärung: Die Firma soll … liefern").
            let (statement_start, statement_end) = bounds().statement(first);
            // A subordinate clause after the trigger says what the agreement is for ("…,
            // die den Austausch erleichtern soll"), not that it is still to come.
            let subordinate_start = bounds()
                .commas(last + 1..statement_end)
                .find(|&i| {
                    (i + 1..(i + 3).min(statement_end))
                        .any(|j| lex.is_cue(CueKind::Subordinate, lower, j))
                })
                .unwrap_or(statement_end);
            let future_at = |i: usize| lex.is_cue(CueKind::Future, lower, i);
            // "vereinbarten X und Y, künftig … zu bündeln": the future is what was agreed,
            // in the clause after the comma; the agreement is concluded and states an intent.
            let agreed_future = fired.relation_type == RelationType::Agreement
                && !(statement_start..=last).any(future_at)
                && (last + 1..subordinate_start)
                    .find(|&i| future_at(i))
                    .is_some_and(|i| (last + 1..i).any(|j| &lower[j] == ","));
            let mut agreed_intent = None;
            if agreed_future {
                agreed_intent = Some(Fired {
                    relation_type: RelationType::Intent,
                    code: "030".to_string(),
                    ..fired.clone()
                });
            } else if fired.relation_type == RelationType::Agreement
                && (statement_start..subordinate_start).any(future_at)
            {
                // An agreement still to be signed is an intent.
                fired.relation_type = RelationType::Intent;
                fired.code = "030".to_string();
            } else if future
                && matches!(
                    fired.relation_type,
                    RelationType::Visit | RelationType::Event
                )
            {
                fired.announced_visit = fired.relation_type == RelationType::Visit
                    && fired.subject == SubjectRole::Visitor;
                if !fired.announced_visit {
                    fired.subject = SubjectRole::None;
                }
                fired.relation_type = RelationType::Intent;
                fired.code = "036".to_string();
            }
            if let Some(otherwise) = &trigger.otherwise_code {
                if !doc.topics(s, lex).economic {
                    fired.code = otherwise.clone();
                }
            }
            // A cooperation still planned ("arbeiten künftig zusammen") is an intent; when the
            // text also says it exists ("ihre", "seit"), it is both.
            let mut also = None;
            if fired.relation_type == RelationType::Cooperation
                && has_cue(CueKind::Plan, clause_start..clause_end)
            {
                let intent = Fired {
                    relation_type: RelationType::Intent,
                    code: "030".to_string(),
                    ..fired.clone()
                };
                if has_cue(CueKind::Existing, clause_start..clause_end) {
                    also = Some(intent);
                } else {
                    fired = intent;
                }
            }
            for fired in std::iter::once(fired).chain(also).chain(agreed_intent) {
                match best
                    .iter_mut()
                    .find(|f| f.relation_type == fired.relation_type)
                {
                    Some(existing) if existing.confidence >= fired.confidence => {}
                    Some(existing) => *existing = fired,
                    None => best.push(fired),
                }
            }
        }
        // Nothing fired (most sentences hold no trigger at all): the checks below only drop.
        if best.is_empty() {
            return best;
        }
        let has = |t: RelationType, best: &[Fired]| best.iter().any(|f| f.relation_type == t);
        // A cooperation named as the object of an agreement or intent is not one of its own,
        // unless the text says it exists.
        if has(RelationType::Cooperation, &best)
            && (has(RelationType::Agreement, &best) || has(RelationType::Intent, &best))
            && !has_cue(CueKind::Existing, range.clone())
        {
            best.retain(|f| f.relation_type != RelationType::Cooperation);
        }
        // "Kooperationsvertrag": one word names an agreement, not also a cooperation, unless
        // its clause says the cooperation exists ("ihre Kooperationsvereinbarung verlängert").
        let agreement_words: Vec<usize> = best
            .iter()
            .filter(|f| f.relation_type == RelationType::Agreement)
            .map(|f| f.token)
            .filter(|&t| {
                let (from, to) = bounds().clause(t, t);
                !has_cue(CueKind::Existing, from..to)
            })
            .collect();
        best.retain(|f| {
            f.relation_type != RelationType::Cooperation || !agreement_words.contains(&f.token)
        });
        // An agreement or visit inside a declared intent ("wollen … eine Absichtserklärung
        // ausarbeiten", "lud eine Delegation … ein") has not happened yet; nor has a visit
        // after an invitation ("hat die Regierung eingeladen, … die Region zu besuchen").
        if let Some(intent) = best
            .iter()
            .find(|f| f.relation_type == RelationType::Intent)
            .cloned()
        {
            best.retain(|f| {
                // (An intent stated by the agreement itself starts at its word.)
                let inside =
                    (intent.token..=intent.last).contains(&f.token) && f.token != intent.token;
                // One invites someone "zu" something: "zu einem Gegenbesuch eingeladen" names
                // the visit invited to before the verb.
                let governed_by_zu = (f.token.saturating_sub(3).max(range.start)..f.token)
                    .any(|i| matches!(&lower[i], "zu" | "zum" | "zur"));
                let invited = intent.invitation && (f.token > intent.token || governed_by_zu);
                match f.relation_type {
                    RelationType::Agreement => !inside,
                    RelationType::Visit => !inside && !invited,
                    _ => true,
                }
            });
        }
        // A habit ("jährlich", "alle zwei Jahre") is no single visit or event.
        let habitual = doc.input.dates.iter().any(|d| {
            d.date_type == DateType::Set && d.start >= sentence.start && d.end <= sentence.end
        }) || has_cue(CueKind::Habit, range.clone());
        if habitual {
            best.retain(|f| !matches!(f.relation_type, RelationType::Visit | RelationType::Event));
        }
        best.sort_by_key(|f| f.relation_type);
        best
    }

    /// "Partner sind A, B und C" in a release about a joint project: the issuing body, which
    /// the sentence does not name, coordinates it and is a partner of each organisation listed.
    fn add_coordinator(&self, doc: &Doc<'_>, fired: &Fired, pairs: &mut Vec<(usize, usize, f64)>) {
        if !partners_are(doc, fired) || pairs.is_empty() {
            return;
        }
        let entities = doc.input.entities;
        let Some(coordinator) = issuer(entities) else {
            return;
        };
        let name = &entities[coordinator].canonical;
        let mut listed: Vec<usize> = Vec::new();
        for &(a, b, _) in pairs.iter() {
            for e in [a, b] {
                if entities[e].canonical == *name {
                    return;
                }
                if entities[e].entity_type == EntityType::Organisation
                    && !listed
                        .iter()
                        .any(|&l| entities[l].canonical == entities[e].canonical)
                {
                    listed.push(e);
                }
            }
        }
        let factor = self.lexicon.rules.get("pair").copied().unwrap_or(0.5);
        for e in listed {
            pairs.push((coordinator, e, factor));
        }
    }

    /// The party pairs of one fired trigger, with the factor of the rule that found them.
    fn parties(
        &self,
        doc: &Doc<'_>,
        s: usize,
        fired: &Fired,
        doc_visitor: &mut Option<usize>,
        last_pair: Option<(usize, usize)>,
        last_host: Option<usize>,
    ) -> Vec<(usize, usize, f64)> {
        let lex = &self.lexicon;
        let entities = doc.input.entities;
        let sentence = doc.input.sentences[s];
        let range = sentence.first_token..sentence.end_token.min(doc.lower.len());
        let rule = |name: &str| lex.rules.get(name).copied().unwrap_or(0.5);
        // Whether a cue of `kind` starts in `within`, a part of the sentence.
        let has_cue = |kind: CueKind, within: std::ops::Range<usize>| {
            debug_assert!(range.start <= within.start && within.end <= range.end);
            doc.may_hold(s, kind, lex) && lex.has_cue(kind, &doc.lower, within)
        };
        let has_code = |e: usize| {
            entities[e]
                .kb_id
                .as_deref()
                .is_some_and(|k| doc::country_of(k).is_some())
        };
        let visit = fired.relation_type == RelationType::Visit || fired.announced_visit;

        // Candidates.
        // "Unterzeichnet haben:" followed by a bullet list: the list names the parties.
        let listed = self.bullet_list_after(doc, s);
        // "Partnerschaften mit A (Land) und B", "die Partnerstädte A und B": the places a
        // partnership word names right after it are partners of its owner, also towns the
        // title does not name, and not partners of each other.
        // Only after a noun: after a verb ("kooperieren A und B") come its subjects.
        // A trigger of several words ("Partner sind A und B") ends in what its names are
        // subjects or objects of.
        let noun_trigger = fired.last == fired.token
            && doc.input.tokens[fired.token]
                .text(doc.input.text)
                .starts_with(char::is_uppercase);
        let governed = |m: &Mention| -> bool {
            fired.relation_type == RelationType::Cooperation
                && noun_trigger
                && m.via == Via::Direct
                && m.token > fired.last
                && m.token <= fired.last + GOVERNED_TOKENS
                && (fired.last + 1..m.token).all(|t| {
                    let token = &doc.input.tokens[t];
                    matches!(&doc.lower[t], "(" | ")")
                        || lex.is_cue(CueKind::Coordination, &doc.lower, t)
                        || lex.is_cue(CueKind::Skip, &doc.lower, t)
                        || lex.is_cue(CueKind::With, &doc.lower, t)
                        || (token.kind == TokenKind::Word
                            && token.text(doc.input.text).starts_with(char::is_uppercase))
                })
        };
        // "Stationen der Reise waren A, B und C": the stops of the document's trip.
        let stops = visit && has_cue(CueKind::Stop, range.clone());
        // The first token of the sentence after a mention's name.
        let token_after =
            |m: &Mention| (m.token..range.end).find(|&t| doc.input.tokens[t].start >= m.end);
        // "war in Tallinn zu Gast", "zu Gast in Oberhausen": where the guests are is visited.
        let guest_place = |m: &Mention| -> bool {
            if !visit || m.via != Via::Direct || m.prep != Some(Prep::Venue) {
                return false;
            }
            let before_cue =
                token_after(m).is_some_and(|t| lex.is_cue(CueKind::Guest, &doc.lower, t));
            // The venue word before the place ends right after a guest cue.
            let after_cue = (m.token.saturating_sub(5).max(range.start)..m.token).any(|i| {
                lex.cues(CueKind::Guest).iter().any(|cue| {
                    lex.cue_at(cue, &doc.lower, i).is_some_and(|cue_end| {
                        cue_end < m.token
                            && (cue_end..m.token).all(|t| {
                                lex.is_cue(CueKind::Venue, &doc.lower, t)
                                    || lex.is_cue(CueKind::Skip, &doc.lower, t)
                            })
                    })
                })
            });
            // "der Besuch einer Delegation aus X in Y": the place after a visit noun, in its
            // own phrase, is where the visit goes.
            let after_visit_noun = fired.token == fired.last
                && lex.is_cue(CueKind::VisitNounEnd, &doc.lower, fired.token)
                && m.token > fired.last
                && m.token - fired.last <= VISIT_NOUN_PHRASE_TOKENS
                && !(fired.last + 1..m.token).any(|t| {
                    doc.input.tokens[t].kind == TokenKind::Punctuation
                        || (t + 1 < m.token && lex.is_cue(CueKind::Venue, &doc.lower, t))
                })
                // Only the visitors stand between ("eines Teams aus X"): after a visited
                // body ("ein Besuch beim Cluster in Linz") the place is only its seat.
                && (m.token == fired.last + 2
                    || lex.has_cue(CueKind::Visitors, &doc.lower, fired.last + 1..m.token));
            // "will die Messe in Y besuchen": the place right before a visiting verb at the
            // end of its clause is in what is visited.
            // A named body before it ("die Universität X in Y besuchen") is what is visited,
            // and the place only its seat.
            let before_visit_verb = fired.subject == SubjectRole::Visitor
                && m.token < fired.token
                && lex.is_cue(CueKind::VisitWord, &doc.lower, fired.token)
                && doc.input.tokens[fired.token]
                    .text(doc.input.text)
                    .starts_with(char::is_lowercase)
                && token_after(m) == Some(fired.token)
                && m.token >= 2
                && !doc.mentions[s].iter().any(|o| {
                    entities[o.entity].entity_type == EntityType::Organisation
                        && (o.token + 1..=o.token + 3).contains(&(m.token - 1))
                        && doc.input.tokens[m.token - 1].start >= o.end
                        && doc.input.tokens[m.token - 1].start - o.end <= 1
                });
            before_cue || after_cue || after_visit_noun || before_visit_verb
        };
        let mut ms: Vec<&Mention> = doc.mentions[s]
            .iter()
            .chain(listed.clone().flat_map(|t| doc.mentions[t].iter()))
            .filter(|m| {
                // Where a visit goes is its host, also a town the title does not name
                // ("eine Delegation aus Israel war nach Jena gereist").
                let visited = visit
                    && m.via == Via::Direct
                    && (m.prep == Some(Prep::Destination) || stops && m.prep.is_none())
                    || guest_place(m);
                // Where people come from ("41 Unternehmen aus Heilbronn-Franken", "ein Team
                // aus Rostock") is the side they stand for, also a town the title does not name.
                let origin = m.via == Via::Direct && m.prep == Some(Prep::Origin);
                // "die Stadt Teterow", "die Herning Kommune": a town named as a body acts.
                let town_body = m.via == Via::Direct
                    && (m.token > range.start
                        && lex.is_cue(CueKind::TownBody, &doc.lower, m.token - 1)
                        || token_after(m)
                            .is_some_and(|t| lex.is_cue(CueKind::TownBody, &doc.lower, t)));
                !m.attribute
                    && (doc.local_party(m.entity) || governed(m) || visited || origin || town_body)
            })
            .filter(|m| {
                // Adjectives only for regions with a code ("Münchner" is no party).
                m.via != Via::Adjective || has_code(m.entity)
            })
            .filter(|m| {
                // "in einem EU-Projekt": a body that only signs treaties frames the relation.
                fired.relation_type == RelationType::Agreement
                    || !lex
                        .treaty_parties
                        .iter()
                        .any(|t| *t == entities[m.entity].canonical)
            })
            .filter(|m| {
                let is_place =
                    entities[m.entity].entity_type == EntityType::Location && m.via == Via::Direct;
                let city = entities[m.entity].subtype.as_deref() == Some("city")
                    || entities[m.entity].subtype.is_none() && !has_code(m.entity);
                let venue = is_place && m.prep == Some(Prep::Venue);
                let destination = is_place && m.prep == Some(Prep::Destination);
                if visit {
                    !venue || !city || guest_place(m)
                } else if fired.relation_type == RelationType::Intent {
                    // "lud … zu einem Gegenbesuch nach Binh Duong ein": the inviting region.
                    !(venue || destination && city)
                } else {
                    // Where a delegation travels is no partner of anything but a visit or an
                    // invitation.
                    !(venue || destination)
                }
            })
            .collect();
        // A region named with a place inside it ("Wuhan in China") is background.
        let named: Vec<usize> = ms.iter().map(|m| m.entity).collect();
        ms.retain(|m| {
            !named
                .iter()
                .any(|&o| o != m.entity && doc.contains(m.entity, o))
        });
        let mut seen: Vec<&str> = Vec::new();
        ms.retain(|m| {
            let canonical = entities[m.entity].canonical.as_str();
            if seen.contains(&canonical) {
                false
            } else {
                seen.push(canonical);
                true
            }
        });
        // A colon or semicolon opens a statement of its own ("unterzeichneten X und Y eine
        // Absichtserklärung: Die hessische Firma soll …"): when the trigger's statement names
        // two parties, the rest of the sentence names none.
        let is_statement_end = |i: usize| matches!(&doc.lower[i], ":" | ";");
        let statement_start = (range.start..fired.token)
            .rev()
            .find(|&i| is_statement_end(i))
            .map_or(range.start, |i| i + 1);
        let statement_end = (fired.token..range.end)
            .find(|&i| is_statement_end(i))
            .unwrap_or(range.end);
        let in_statement = |m: &Mention| (statement_start..statement_end).contains(&m.token);
        // "Firmen aus A und B kamen zusammen": those from A meet those from B.
        let meet = fired.relation_type == RelationType::Event
            && has_cue(CueKind::Meet, statement_start..statement_end);
        if ms.iter().filter(|m| in_statement(m)).count() >= 2 {
            ms.retain(|m| in_statement(m));
        }
        // A consortium's list reads like relative clauses ("…, die Beispiel GmbH und die
        // Muster LLC"): its members are taken before the clauses are set apart.
        let listed_members = ms.clone();
        // A subordinate clause after the trigger ("…, die auch Firmen aus X offensteht")
        // says something about the relation, not who its parties are: when the sentence
        // names two sides outside it, its places and bodies are no parties, unless it
        // states a relation itself ("ein Matchmaking, das X gemeinsam mit Y organisiert
        // hatte").
        let subordinate: Vec<(usize, usize)> = (fired.last + 1..statement_end)
            .filter(|&i| {
                // ", sowie die Universität X" goes on with the list: "die" after a
                // coordination is an article.
                &doc.lower[i] == ","
                    && (i + 1..(i + 3).min(statement_end))
                        .any(|j| lex.is_cue(CueKind::Subordinate, &doc.lower, j))
                    && !(i + 1 < statement_end
                        && lex.is_cue(CueKind::ListGoesOn, &doc.lower, i + 1))
            })
            .map(|i| {
                let end = (i + 1..statement_end)
                    .find(|&j| &doc.lower[j] == ",")
                    .unwrap_or(statement_end);
                (i, end)
            })
            .collect();
        let states_own = |&(a, b): &(usize, usize)| {
            let from = doc.trigger_hits.partition_point(|&(t, _)| t <= a);
            matches!(doc.trigger_hits.get(from), Some(&(t, _)) if t < b)
        };
        // "…, die seit 2012 mit der Hochschule X zusammenarbeitet": a clause with a trigger
        // of its own names the parties of its own relation.
        let own_relation: Vec<(usize, usize)> =
            subordinate.iter().copied().filter(states_own).collect();
        let in_own_relation = |m: &Mention| {
            own_relation
                .iter()
                .any(|&(a, b)| a < m.token && m.token < b)
        };
        let subordinate: Vec<(usize, usize)> =
            subordinate.into_iter().filter(|c| !states_own(c)).collect();
        let outside = |m: &Mention| !subordinate.iter().any(|&(a, b)| a < m.token && m.token < b);
        let outside_sides: Vec<&Side> = ms
            .iter()
            .filter(|m| outside(m))
            .map(|m| &doc.sides[m.entity])
            .collect();
        if outside_sides.iter().any(|x| *x != outside_sides[0]) {
            ms.retain(|m| outside(m));
        }
        // Those who attend an event ("An der Messe nahmen die Firmen X und Y teil") are no
        // pair of organisers; the regions they come from still meet.
        // The attendance is read in the trigger's statement: "Ausgerichtet hatten es X und Y;
        // rund 250 Fachleute nahmen teil" names organisers.
        if fired.relation_type == RelationType::Event
            && has_cue(CueKind::Attend, statement_start..statement_end)
        {
            ms.retain(|m| doc.level(m.entity) == Level::Region);
        }
        let side = |e: usize| &doc.sides[e];
        let different = |a: usize, b: usize| {
            side(a) != side(b)
                && entities[a].canonical != entities[b].canonical
                && !doc.contains(a, b)
                && !doc.contains(b, a)
                && !doc::part_of_other(&entities[a], &entities[b])
                && !doc.same_place(a, b)
        };
        // "Zum Konsortium gehören A, B und C", "Partner sind A, B sowie C": the members a
        // consortium lists are partners of each other, every pair of them, wherever the
        // list starts ("neben der Universität A, B und C"); a seat after "am" or "an der"
        // ("das Institut X am University College Y") is none.
        let members_list = partners_are(doc, fired)
            || fired.relation_type == RelationType::Cooperation
                && doc.lower[fired.token].contains("konsortium");
        if members_list {
            let members: Vec<usize> = listed_members
                .iter()
                .filter(|m| {
                    let seat = |t: usize| matches!(doc.lower.get(t), Some("am" | "an" | "beim"));
                    entities[m.entity].entity_type == EntityType::Organisation
                        && m.via == Via::Direct
                        && !(seat(m.token.wrapping_sub(1)) || seat(m.token.wrapping_sub(2)))
                })
                .map(|m| m.entity)
                .collect();
            if members.len() >= 3 {
                let factor = rule("pair");
                let mut pairs = Vec::new();
                for (k, &a) in members.iter().enumerate() {
                    for &b in &members[k + 1..] {
                        if different(a, b) {
                            pairs.push((a, b, factor));
                        }
                    }
                }
                return pairs;
            }
        }
        // An organisation and a region of different sides are partners when neither has a
        // partner of its own level in the sentence ("Die IHK X plant eine Reise nach Y und
        // Z", "zwischen der Kammer X und der Provinz Y"); otherwise the regions pair with
        // each other and the organisations too.
        let has_partner: Vec<bool> = ms
            .iter()
            .map(|x| {
                ms.iter().any(|m| {
                    m.entity != x.entity
                        && doc.level(m.entity) == doc.level(x.entity)
                        && !(x.group != usize::MAX && x.group == m.group && !meet)
                        && !(governed(x) && governed(m))
                        && different(x.entity, m.entity)
                })
            })
            .collect();
        let mixed_ok = |i: usize, j: usize| {
            doc.level(ms[i].entity) == doc.level(ms[j].entity)
                || !(has_partner[i] || has_partner[j])
        };
        let both_cue = has_cue(CueKind::Both, range.clone());
        let main_pair = || -> Option<(usize, usize)> {
            let home = doc.main.get(doc.home.as_ref()?)?;
            let foreign = doc.main.get(doc.foreign.as_ref()?)?;
            Some((*home, *foreign))
        };

        if visit {
            // "des Besuchs" is the document's visit: its visitor is the document's visitor.
            let visitors_cue = stops
                || has_cue(CueKind::Visitors, range.clone())
                || lex.is_cue(CueKind::VisitNoun, &doc.lower, fired.token);
            // "aus Korea zurückgekehrt": "aus" names where the visitors went.
            let returned = has_cue(CueKind::Return, range.clone());
            // "Zur Delegation gehörten auch Vertreter der Universität X": those named are
            // visitors too, of the host the document's visit went to.
            if visitors_cue && has_cue(CueKind::Member, range.clone()) {
                if let Some(host) = last_host {
                    return ms
                        .iter()
                        .filter(|m| bare(m.prep) && different(m.entity, host))
                        .map(|m| (m.entity, host, rule("visit_context")))
                        .collect();
                }
            }
            let origin = |m: &Mention| m.prep == Some(Prep::Origin) && !returned;
            let visit_noun = lex.is_cue(CueKind::VisitNoun, &doc.lower, fired.token);
            // "Anschließend wurde das Werk der Firma X besichtigt": in the passive the subject
            // is the visited party; the visitors are the document's.
            let passive = fired.subject == SubjectRole::Visitor && {
                let is_boundary = |i: usize| matches!(&doc.lower[i], "," | ";" | ":" | "–");
                let from = (range.start..fired.token)
                    .rev()
                    .find(|&i| is_boundary(i))
                    .map_or(range.start, |i| i + 1);
                let to = (fired.last..range.end)
                    .find(|&i| is_boundary(i))
                    .unwrap_or(range.end);
                let verb = doc.input.tokens[fired.token]
                    .text(doc.input.text)
                    .starts_with(char::is_lowercase);
                verb && lex.has_cue(CueKind::Passive, &doc.lower, from..to)
            };
            // The subject of a host verb is the host: "X aus A empfing Y aus B" – the visitor
            // is marked after the verb.
            let hosting = fired.subject == SubjectRole::Host;
            let marked = |m: &&&Mention| origin(m) || m.visitors;
            let explicit = hosting
                .then(|| ms.iter().find(|m| marked(m) && m.token > fired.last))
                .flatten()
                .or_else(|| ms.iter().find(marked))
                .map(|m| (m.entity, rule("visit")))
                .or_else(|| {
                    (fired.subject == SubjectRole::Visitor && !passive)
                        .then(|| {
                            // "hatte die Delegation die Firma X besichtigt": after the
                            // visiting group, a name is the object.
                            ms.iter()
                                .find(|m| {
                                    m.token < fired.token
                                        && bare(m.prep)
                                        && !lex.has_cue(
                                            CueKind::Visitors,
                                            &doc.lower,
                                            range.start..m.token,
                                        )
                                })
                                .map(|m| (m.entity, rule("visit")))
                        })
                        .flatten()
                });
            let visitor = explicit.or_else(|| {
                (visitors_cue || passive)
                    .then_some(*doc_visitor)
                    .flatten()
                    .map(|v| (v, rule("visit_context")))
            });
            let Some((visitor, factor)) = visitor else {
                // "X empfing die Delegation" or "die Delegation reiste nach X" without the
                // visitor's origin: the visitor is the host's counterpart, the document's main
                // region of the other side.
                if !visitors_cue {
                    return Vec::new();
                }
                let host = if fired.subject == SubjectRole::Host {
                    ms.iter().find(|m| bare(m.prep))
                } else {
                    ms.iter().find(|m| {
                        m.prep == Some(Prep::Destination)
                            || (returned && m.prep == Some(Prep::Origin))
                    })
                };
                let Some(host) = host else {
                    return Vec::new();
                };
                let Some(visitor) = doc.counterpart(side(host.entity)) else {
                    return Vec::new();
                };
                if !different(visitor, host.entity) {
                    return Vec::new();
                }
                doc_visitor.get_or_insert(visitor);
                return vec![(visitor, host.entity, rule("visit_context"))];
            };
            if explicit.is_some() && doc_visitor.is_none() {
                *doc_visitor = Some(visitor);
            }
            // "Eine Delegation der Kammer X und der Universität Y besuchte …": the bodies
            // coordinated with the visitor travel with it.
            let mut companions: Vec<usize> = Vec::new();
            if explicit.is_some() {
                let mut ordered: Vec<&Mention> = ms.to_vec();
                ordered.sort_by_key(|m| m.token);
                if let Some(k) = ordered.iter().position(|m| m.entity == visitor) {
                    let mut end = doc
                        .input
                        .tokens
                        .partition_point(|t| t.start < ordered[k].end);
                    for m in &ordered[k + 1..] {
                        let joined = m.token >= end
                            && m.via == Via::Direct
                            && (end..m.token)
                                .any(|t| lex.is_cue(CueKind::Coordination, &doc.lower, t))
                            && only_coordination(lex, &doc.lower, end..m.token);
                        if !joined {
                            break;
                        }
                        companions.push(m.entity);
                        end = doc.input.tokens.partition_point(|t| t.start < m.end);
                    }
                }
            }
            let host_outside = ms.iter().any(|m| {
                m.prep != Some(Prep::Origin) && !in_own_relation(m) && different(visitor, m.entity)
            });
            let mut hosts: Vec<usize> = ms
                .iter()
                .filter(|m| !(host_outside && in_own_relation(m)))
                .filter(|m| !companions.contains(&m.entity))
                .filter(|m| {
                    different(visitor, m.entity) && (!origin(m) || hosting && m.token < fired.token)
                })
                // "Im Mittelpunkt des Besuchs stand ein Workshop am Institut X": the
                // document's visitor went where the sentence places it, not to everyone named.
                .filter(|m| {
                    explicit.is_some()
                        || !visit_noun
                        || matches!(m.prep, Some(Prep::Venue | Prep::Destination))
                })
                .map(|m| m.entity)
                .collect();
            let mut host_factor = factor;
            if hosts.is_empty() {
                if let Some(h) = doc.counterpart(side(visitor)) {
                    if different(visitor, h) {
                        hosts.push(h);
                        host_factor = factor.min(rule("visit_context"));
                    }
                }
            }
            let mut pairs: Vec<(usize, usize, f64)> =
                hosts.iter().map(|&h| (visitor, h, host_factor)).collect();
            // "Eine Delegation aus X unter Leitung der Kammer X": the visitor's own bodies
            // named with it visit too.
            if explicit.is_some() && !hosting {
                for m in ms.iter().filter(|m| {
                    m.entity != visitor
                        && (companions.contains(&m.entity)
                            || doc.level(m.entity) == Level::Organisation
                                && side(m.entity) == side(visitor))
                        && entities[m.entity].canonical != entities[visitor].canonical
                }) {
                    for &h in &hosts {
                        if different(m.entity, h) {
                            pairs.push((m.entity, h, host_factor));
                        }
                    }
                }
            }
            return pairs;
        }

        let mut pairs: Vec<(usize, usize, f64)> = Vec::new();
        let organisers = fired.relation_type == RelationType::Event
            && lex.has_cue(
                CueKind::Organise,
                &doc.lower,
                statement_start..statement_end,
            );
        // Several organisations that sign, found or plan something together ("A, B, C und D
        // unterzeichneten …", a bullet list of signatories) are each other's partners, also
        // when they come from one country.
        if matches!(
            fired.relation_type,
            RelationType::Agreement | RelationType::Cooperation | RelationType::Intent
        ) {
            let bullet_start =
                (!listed.is_empty()).then(|| doc.input.sentences[listed.start].first_token);
            for chain in self.coordinated_organisations(doc, &ms, bullet_start, fired) {
                for (i, &a) in chain.iter().enumerate() {
                    for &b in &chain[i + 1..] {
                        if entities[a].canonical != entities[b].canonical
                            && !doc::part_of_other(&entities[a], &entities[b])
                        {
                            pairs.push((a, b, rule("pair")));
                        }
                    }
                }
            }
        }
        for (i, a) in ms.iter().enumerate() {
            for (j, b) in ms.iter().enumerate().skip(i + 1) {
                if pairs.iter().any(|&(x, y, _)| {
                    (x, y) == (a.entity, b.entity) || (y, x) == (a.entity, b.entity)
                }) {
                    continue;
                }
                let same_group = (a.group != usize::MAX && a.group == b.group && !meet)
                    || (governed(a) && governed(b));
                let joined = b.prep == Some(Prep::Between)
                    || a.prep == Some(Prep::Between)
                    || only_coordination(lex, &doc.lower, a.token + 1..b.token);
                // "von der Messe X und dem Verband Y ausgerichtet": co-organisers are
                // partners, also two of one country.
                let co_organisers = organisers
                    && doc.level(a.entity) == Level::Organisation
                    && doc.level(b.entity) == Level::Organisation
                    && entities[a.entity].canonical != entities[b.entity].canonical
                    && !doc::part_of_other(&entities[a.entity], &entities[b.entity])
                    && {
                        // Only coordination between the end of the first name and the second.
                        let a_end = doc.input.tokens.partition_point(|t| t.start < a.end);
                        only_coordination(lex, &doc.lower, a_end..b.token)
                    };
                if co_organisers {
                    pairs.push((a.entity, b.entity, rule("pair")));
                    continue;
                }
                if same_group || !different(a.entity, b.entity) || !mixed_ok(i, j) {
                    continue;
                }
                let factor = if joined { rule("pair") } else { rule("cross") };
                pairs.push((a.entity, b.entity, factor));
            }
        }
        if pairs.is_empty()
            && ms.len() == 2
            && different(ms[0].entity, ms[1].entity)
            && !(governed(ms[0]) && governed(ms[1]))
        {
            pairs.push((ms[0].entity, ms[1].entity, rule("cross")));
        }
        if !pairs.is_empty() {
            return pairs;
        }
        let sides: Vec<&Side> = ms.iter().map(|m| side(m.entity)).collect();
        let one_side = !ms.is_empty() && sides.iter().all(|x| *x == sides[0]);
        if both_cue && (ms.is_empty() || one_side) {
            // "beide Regionen" are the document's main regions; "beide Seiten" the pair just
            // talked about.
            let both_of = |kind: CueKind| {
                (range.clone()).any(|i| {
                    lex.is_cue(CueKind::Both, &doc.lower, i) && lex.is_cue(kind, &doc.lower, i + 1)
                })
            };
            let regions = both_of(CueKind::Regions);
            // "beide Unternehmen" are the organisations just talked about, or none we know.
            let organisations = both_of(CueKind::Organisations);
            let pair = if regions {
                main_pair().or(last_pair)
            } else if organisations {
                last_pair.filter(|&(a, b)| {
                    doc.level(a) == Level::Organisation && doc.level(b) == Level::Organisation
                })
            } else {
                last_pair.or_else(main_pair)
            };
            if let Some((a, b)) = pair {
                return vec![(a, b, rule("both"))];
            }
        }
        // "Seit 2019 arbeiten wir eng mit X zusammen": in a quote of the issuer's people,
        // "wir" is the issuing body, the organisation the document names most.
        if ms.len() == 1 && has_cue(CueKind::FirstPerson, range.clone()) {
            if let Some(issuer) = issuer(entities) {
                // Not a partner at home: "wir wollen mit Rheinland-Pfalz zusammenarbeiten" in
                // a foreign guest's words names the issuer's own country.
                let at_home = matches!(
                    (side(issuer), side(ms[0].entity)),
                    (Side::Country(a), Side::Country(b)) if a == b
                );
                if !at_home && different(issuer, ms[0].entity) {
                    return vec![(issuer, ms[0].entity, rule("first_person"))];
                }
            }
        }
        if one_side {
            let first = ms.iter().find(|m| {
                doc.level(m.entity) == Level::Region || doc.region_of_org(m.entity, lex).is_some()
            });
            if let Some(m) = first {
                if let Some(other) = doc.counterpart(side(m.entity)) {
                    if different(m.entity, other) {
                        return vec![(m.entity, other, rule("complement"))];
                    }
                }
            }
        }
        Vec::new()
    }

    /// The sentences of a bullet list right after sentence `s` when `s` ends with a colon
    /// ("Unterzeichnet haben:" and one signatory per line); empty otherwise.
    fn bullet_list_after(&self, doc: &Doc<'_>, s: usize) -> std::ops::Range<usize> {
        let sentences = doc.input.sentences;
        let text = doc.input.text;
        let none = s + 1..s + 1;
        if !sentences[s].text(text).trim_end().ends_with(':') {
            return none;
        }
        let is_item = |t: usize| {
            doc.readable[t]
                && sentences[t]
                    .text(text)
                    .trim_start()
                    .starts_with(['-', '–', '•', '*', '·'])
        };
        let end = (s + 1..sentences.len())
            .find(|&t| !is_item(t))
            .unwrap_or(sentences.len());
        s + 1..end
    }

    /// Runs of at least three organisations joined only by commas, "und", "sowie", articles
    /// and the like ("die X, die Y und die Z"), in the clause of the `fired` trigger, or
    /// listed one per line from token `bullet_start` on: entity indices in text order.
    fn coordinated_organisations(
        &self,
        doc: &Doc<'_>,
        ms: &[&Mention],
        bullet_start: Option<usize>,
        fired: &Fired,
    ) -> Vec<Vec<usize>> {
        let lex = &self.lexicon;
        let tokens = doc.input.tokens;
        let mut orgs: Vec<&Mention> = ms
            .iter()
            .copied()
            .filter(|m| {
                m.via == Via::Direct
                    && doc.level(m.entity) == Level::Organisation
                    && matches!(m.prep, None | Some(Prep::Between | Prep::With))
            })
            .collect();
        orgs.sort_by_key(|m| m.token);
        let end_of = |m: &Mention| tokens.partition_point(|t| t.start < m.end).max(m.token + 1);
        let listed = |m: &Mention| bullet_start.is_some_and(|b| m.token >= b);
        // "Das lädt zu Missbrauch ein, sagte der Leiter des Netzwerks aus A, B und C": a list
        // in another clause names no parties.
        let is_boundary = |t: usize| matches!(&doc.lower[t], "," | ";" | ":" | "–");
        let in_clause = |m: &Mention| {
            listed(m)
                || if m.token > fired.last {
                    !(fired.last + 1..m.token).any(is_boundary)
                } else {
                    !(end_of(m)..fired.token).any(is_boundary)
                }
        };
        let mut chains: Vec<Vec<usize>> = Vec::new();
        let mut chain: Vec<usize> = Vec::new();
        let mut chain_in_clause = false;
        for (k, m) in orgs.iter().enumerate() {
            let joined = k > 0 && {
                let prev = orgs[k - 1];
                (listed(prev) && listed(m))
                    || only_coordination(lex, &doc.lower, end_of(prev)..m.token)
            };
            if !joined {
                if chain.len() >= 3 && chain_in_clause {
                    chains.push(std::mem::take(&mut chain));
                }
                chain.clear();
                chain_in_clause = false;
            }
            chain_in_clause |= in_clause(m);
            if !chain.contains(&m.entity) {
                chain.push(m.entity);
            }
        }
        if chain.len() >= 3 && chain_in_clause {
            chains.push(chain);
        }
        chains
    }

    /// Adds the region pairs that organisation pairs stand for.
    fn lift(&self, doc: &Doc<'_>, stated: &mut Vec<Stated>) {
        let lex = &self.lexicon;
        let entities = doc.input.entities;
        let factor = lex.rules.get("lifted").copied().unwrap_or(0.5);
        let region = |e: usize| -> Option<usize> {
            match doc.level(e) {
                Level::Region => Some(e),
                Level::Organisation => doc.region_of_org(e, lex),
            }
        };
        // An event brings sides together: besides its organisers, the regions they come
        // from meet (an organisation's named region or its country side's main region; an
        // event that one side organises brings in the document's other side).
        let side_region = |e: usize| -> Option<usize> {
            match doc.level(e) {
                Level::Region => Some(e),
                Level::Organisation => doc
                    .org_region
                    .get(&e)
                    .copied()
                    .or_else(|| doc.main.get(&doc.sides[e]).copied()),
            }
        };
        let mut added = Vec::new();
        for st in stated.iter() {
            let (lifted_a, lifted_b) = if st.relation_type == RelationType::Event {
                match (side_region(st.a), side_region(st.b)) {
                    (Some(x), Some(y)) if doc.sides[x] == doc.sides[y] => {
                        (Some(x), doc.counterpart(&doc.sides[x]))
                    }
                    (Some(x), None) => (Some(x), doc.counterpart(&doc.sides[x])),
                    (None, Some(y)) => (doc.counterpart(&doc.sides[y]), Some(y)),
                    // Organisers of unknown place: the document's two sides meet.
                    (None, None) => {
                        let home = doc.home.as_ref().and_then(|h| doc.main.get(h)).copied();
                        let foreign = doc.foreign.as_ref().and_then(|f| doc.main.get(f)).copied();
                        (home, foreign)
                    }
                    pair => pair,
                }
            } else {
                (region(st.a), region(st.b))
            };
            let (Some(ra), Some(rb)) = (lifted_a, lifted_b) else {
                continue;
            };
            if (ra, rb) == (st.a, st.b)
                || entities[ra].canonical == entities[rb].canonical
                || doc.same_place(ra, rb)
                || doc.sides[ra] == doc.sides[rb]
            {
                continue;
            }
            if doc.contains(ra, rb) || doc.contains(rb, ra) {
                continue;
            }
            added.push(Stated {
                a: ra,
                b: rb,
                confidence: st.confidence * factor,
                ..st.clone()
            });
        }
        stated.extend(added);
    }

    /// One relation per type and party pair, with all evidence.
    fn merge(&self, doc: &Doc<'_>, stated: Vec<Stated>) -> Vec<RelationMatch> {
        let lex = &self.lexicon;
        let input = doc.input;
        let entities = input.entities;
        let mut groups: Vec<(String, String, RelationType, Vec<Stated>)> = Vec::new();
        let mut index: HashMap<(RelationType, String, String), usize> = HashMap::default();
        for st in stated {
            let ca = entities[st.a].canonical.clone();
            let cb = entities[st.b].canonical.clone();
            let key = if st.relation_type == RelationType::Visit || ca <= cb {
                (st.relation_type, ca.clone(), cb.clone())
            } else {
                (st.relation_type, cb.clone(), ca.clone())
            };
            match index.get(&key) {
                Some(&g) => groups[g].3.push(st),
                None => {
                    index.insert(key, groups.len());
                    groups.push((ca, cb, st.relation_type, vec![st]));
                }
            }
        }
        let mut out = Vec::new();
        for (_, _, relation_type, mut list) in groups {
            list.sort_by_key(|st| st.sentence);
            let first = &list[0];
            let best = list
                .iter()
                .max_by(|x, y| x.confidence.total_cmp(&y.confidence))
                .expect("non-empty group");
            let mut sentences: Vec<usize> = list.iter().map(|st| st.sentence).collect();
            sentences.dedup();
            let all_evidence: Vec<(usize, usize)> = sentences
                .iter()
                .map(|&s| (input.sentences[s].start, input.sentences[s].end))
                .collect();

            // Date: the first evidence sentence with one.
            let mut date = None;
            let mut date_value = None;
            for st in &list {
                if let Some((d, value)) = self.date_of(doc, st) {
                    date = d;
                    date_value = Some(value);
                    break;
                }
            }

            // People and their roles.
            let mut people = Vec::new();
            let mut people_roles = Vec::new();
            for &s in &sentences {
                let sentence = input.sentences[s];
                let range = sentence.first_token..sentence.end_token.min(doc.lower.len());
                for (p, e) in entities.iter().enumerate() {
                    if e.entity_type != EntityType::Person
                        || e.start < sentence.start
                        || e.end > sentence.end
                        || people
                            .iter()
                            .any(|&q: &usize| entities[q].canonical == e.canonical)
                    {
                        continue;
                    }
                    let token = input.tokens.partition_point(|t| t.end <= e.start);
                    let near = |kind: CueKind| {
                        let from = token.saturating_sub(5).max(range.start);
                        let to = (token + 6).min(range.end);
                        lex.has_cue(kind, &doc.lower, from..to)
                    };
                    let title = doc.person_body.get(&p).and_then(|(_, r)| r.clone());
                    let role = if relation_type == RelationType::Agreement
                        && lex.has_cue(CueKind::Signatory, &doc.lower, range.clone())
                    {
                        Some("signatory".to_string())
                    } else if relation_type == RelationType::Visit && near(CueKind::Leader) {
                        Some("delegation_head".to_string())
                    } else if relation_type == RelationType::Visit
                        && near(CueKind::Host)
                        && doc.person_body.get(&p).and_then(|b| b.0) != Some(first.a)
                    {
                        Some("host".to_string())
                    } else {
                        title
                    };
                    people.push(p);
                    people_roles.push(role);
                }
            }

            // Topics.
            let mut topics: Vec<String> = Vec::new();
            for &s in &sentences {
                let found = doc.topics(s, lex);
                for ((_, label), &hit) in lex.topics.iter().zip(&found.topics) {
                    if hit && !topics.contains(label) {
                        topics.push(label.clone());
                    }
                }
            }

            let cameo = lex
                .goldstein
                .get(&best.code)
                .map(|g| (best.code.clone(), *g));
            out.push(RelationMatch {
                relation_type: relation_type.label().to_string(),
                parties: vec![first.a, first.b],
                date,
                date_value,
                people,
                people_roles,
                topics,
                evidence: all_evidence[0],
                all_evidence,
                confidence: (best.confidence * 1000.0).round() / 1000.0,
                cameo,
            });
        }
        out.sort_by_key(|r| r.evidence.0);
        out
    }

    /// The date a sentence ties to the relation: the nearest DATE or TIME mention in it, or the
    /// publication date for "heute"/"gestern".
    fn date_of(&self, doc: &Doc<'_>, st: &Stated) -> Option<(Option<usize>, String)> {
        let input = doc.input;
        let sentence = input.sentences[st.sentence];
        let at = input
            .tokens
            .get(st.token)
            .map_or(sentence.start, |t| t.start);
        let nearest = input
            .dates
            .iter()
            .enumerate()
            .filter(|(_, d)| {
                d.start >= sentence.start
                    && d.end <= sentence.end
                    && matches!(d.date_type, DateType::Date | DateType::Time)
            })
            .min_by_key(|(_, d)| d.start.abs_diff(at));
        if let Some((i, d)) = nearest {
            return Some((Some(i), d.value.clone()));
        }
        let published = input.published?;
        let range = sentence.first_token..sentence.end_token.min(doc.lower.len());
        if self
            .lexicon
            .has_cue(CueKind::Today, &doc.lower, range.clone())
        {
            return Some((None, published.to_string()));
        }
        if self.lexicon.has_cue(CueKind::Yesterday, &doc.lower, range) {
            return Some((None, published.add_days(-1).to_string()));
        }
        None
    }
}

/// Whether lower-cased `word`, where the one-word COOPERATION `trigger` matches, ends in an
/// EVENT trigger after that match: the compound's head ("kooperationsforum"). `matching` are
/// the triggers whose first word matches `word` (only those can end in it).
fn head_is_event(
    lex: &Lexicon,
    trigger: &Trigger,
    word: &str,
    mut matching: impl Iterator<Item = usize>,
) -> bool {
    let end_of = |t: &Trigger| -> Option<usize> {
        let pattern = t.words.first()?.as_deref()?;
        match t.mode {
            lexicon::Mode::Word => (word == pattern).then_some(word.len()),
            lexicon::Mode::Stem => word.starts_with(pattern).then_some(pattern.len()),
            lexicon::Mode::Suffix => word.ends_with(pattern).then_some(word.len()),
            lexicon::Mode::Part => word.rfind(pattern).map(|at| at + pattern.len()),
        }
    };
    let Some(own) = end_of(trigger) else {
        return false;
    };
    matching.any(|k| lex.event_word[k] && end_of(&lex.triggers[k]).is_some_and(|end| end > own))
}

/// Whether the fired trigger is "Partner sind" (also "Projektpartner sind"): a list of the
/// partners of a project follows.
fn partners_are(doc: &Doc<'_>, fired: &Fired) -> bool {
    fired.relation_type == RelationType::Cooperation
        && doc
            .lower
            .get(fired.token)
            .is_some_and(|w| w.ends_with("partner"))
        && doc.lower.get(fired.token + 1) == Some("sind")
}

/// Whether a mention stands without a preposition that says what it is: none, or only "mit"
/// (which keeps the parties it coordinates apart, [`Prep::With`]).
/// The issuing body: the organisation named most often (the first of equals), when it is
/// named at least twice.
fn issuer(entities: &[EntityMatch]) -> Option<usize> {
    let mut counts: Vec<(&str, usize, usize)> = Vec::new();
    for (i, e) in entities.iter().enumerate() {
        if e.entity_type != EntityType::Organisation {
            continue;
        }
        match counts.iter_mut().find(|c| c.0 == e.canonical) {
            Some(c) => c.1 += 1,
            None => counts.push((e.canonical.as_str(), 1, i)),
        }
    }
    let mut best: Option<(usize, usize)> = None;
    for &(_, n, i) in &counts {
        if n >= 2 && best.map_or(true, |(m, _)| n > m) {
            best = Some((n, i));
        }
    }
    best.map(|(_, i)| i)
}

/// The clause and statement boundaries of one sentence, found in one pass.
struct Boundaries {
    range: std::ops::Range<usize>,
    /// Tokens that end a clause: "," ";" ":" "–", ascending.
    clause: Vec<usize>,
    /// Tokens that end a statement: ":" ";", ascending.
    statement: Vec<usize>,
    /// The commas, ascending.
    commas: Vec<usize>,
}

impl Boundaries {
    /// The boundaries among the lower-cased tokens of `range` (a sentence).
    fn of(lower: &Words, range: std::ops::Range<usize>) -> Boundaries {
        let mut bounds = Boundaries {
            range: range.clone(),
            clause: Vec::new(),
            statement: Vec::new(),
            commas: Vec::new(),
        };
        for i in range {
            match &lower[i] {
                "," => bounds.commas.push(i),
                ";" | ":" => bounds.statement.push(i),
                "–" => {}
                _ => continue,
            }
            bounds.clause.push(i);
        }
        bounds
    }

    /// From after the last boundary of `list` before token `before` to the first at or after
    /// token `from` (the sentence's start and end when there is none).
    fn around(&self, list: &[usize], before: usize, from: usize) -> (usize, usize) {
        let start = list[..list.partition_point(|&b| b < before)]
            .last()
            .map_or(self.range.start, |&b| b + 1);
        let end = list[list.partition_point(|&b| b < from)..]
            .first()
            .map_or(self.range.end, |&b| b);
        (start, end)
    }

    /// The clause that holds the tokens from `first` to `last`: from after the last boundary
    /// before `first` to the first boundary at or after `last`.
    fn clause(&self, first: usize, last: usize) -> (usize, usize) {
        self.around(&self.clause, first, last)
    }

    /// The statement (up to a colon or semicolon) that holds token `at`.
    fn statement(&self, at: usize) -> (usize, usize) {
        self.around(&self.statement, at, at)
    }

    /// The commas in `range`.
    fn commas(&self, range: std::ops::Range<usize>) -> impl Iterator<Item = usize> + '_ {
        let from = self.commas.partition_point(|&b| b < range.start);
        self.commas[from..]
            .iter()
            .copied()
            .take_while(move |&b| b < range.end)
    }
}

/// Whether the tokens of `range` only join what stands around them: coordination ("und",
/// "gemeinsam mit") and skippable words (articles, commas).
fn only_coordination(lex: &Lexicon, lower: &Words, range: std::ops::Range<usize>) -> bool {
    range
        .into_iter()
        .all(|t| lex.is_cue(CueKind::Coordination, lower, t) || lex.is_cue(CueKind::Skip, lower, t))
}

fn bare(prep: Option<Prep>) -> bool {
    matches!(prep, None | Some(Prep::With))
}

/// Where `trigger` matches in `range` of the lower-cased tokens: first and last token.
fn match_trigger(
    trigger: &Trigger,
    lower: &Words,
    range: std::ops::Range<usize>,
) -> Option<(usize, usize)> {
    let first_word = trigger.words[0].as_deref()?;
    let starts = range
        .clone()
        .filter(|&i| trigger.mode.matches(first_word, &lower[i]));
    match_trigger_from(trigger, lower, starts, range)
}

/// Like [`match_trigger`], trying only `starts` (ascending tokens whose first word matches).
fn match_trigger_from(
    trigger: &Trigger,
    lower: &Words,
    starts: impl Iterator<Item = usize>,
    range: std::ops::Range<usize>,
) -> Option<(usize, usize)> {
    let words = &trigger.words;
    'start: for i in starts {
        let mut at = i;
        let mut gap = false;
        for word in &words[1..] {
            match word {
                None => gap = true,
                Some(w) => {
                    let next = if gap {
                        (at + 1..range.end).find(|&j| lower.matches_at(j, trigger.mode, w))
                    } else {
                        (at + 1 < range.end && trigger.mode.matches(w, &lower[at + 1]))
                            .then_some(at + 1)
                    };
                    match next {
                        Some(j) => at = j,
                        None => continue 'start,
                    }
                    gap = false;
                }
            }
        }
        return Some((i, at));
    }
    None
}
