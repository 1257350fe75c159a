//! The scorer: compares predicted [`Annotations`] with gold, document by document, and sums
//! counts over the corpus (micro average).
//!
//! Metrics (every one counts `correct`, `missing` = gold not found, `extra` = predicted but
//! not gold; precision, recall and F1 follow from them):
//!
//! | metric | unit | correct when |
//! |---|---|---|
//! | `entities.strict`, `entities.T.strict` | mention | same type and exact span |
//! | `entities.canonical`, `entities.T.canonical` | distinct (type, name) per document | same type and canonical name; for LOC the same `kb_id` when both have one |
//! | `dates.strict` | expression | exact span |
//! | `dates.relaxed` | expression | spans overlap (one-to-one) |
//! | `dates.value` | expression | spans overlap and the TIMEX3 values are equal |
//! | `relations.pair` | distinct unordered party pair per document | same two parties |
//! | `relations.typed`, `relations.T` | distinct (type, pair) per document | same type and parties |
//! | `published` | document with a gold date | same `YYYY-MM-DD` (accuracy) |
//!
//! Names compare by [`name_key`] (whitespace collapsed, case ignored). Matching is one-to-one:
//! a duplicate prediction of a found mention is extra.

use super::annotations::{name_key, Annotations, EntityMention, Party};
use crate::record::EntityType;

/// Correct, missing and extra items of one metric.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub correct: usize,
    pub missing: usize,
    pub extra: usize,
}

impl Counts {
    /// Number of gold items.
    pub fn gold(&self) -> usize {
        self.correct + self.missing
    }

    /// Number of predicted items.
    pub fn predicted(&self) -> usize {
        self.correct + self.extra
    }

    /// `correct / predicted`; 1 when nothing was predicted and nothing was to be found, 0 when
    /// nothing was predicted but something was to be found.
    ///
    /// # Example
    /// ```
    /// use meldung::eval::score::Counts;
    /// let c = Counts { correct: 3, missing: 1, extra: 3 };
    /// assert_eq!(c.precision(), 0.5);
    /// assert_eq!(c.recall(), 0.75);
    /// assert!((c.f1() - 0.6).abs() < 1e-12);
    /// assert_eq!(Counts::default().f1(), 1.0);
    /// assert_eq!(Counts { correct: 0, missing: 2, extra: 0 }.precision(), 0.0);
    /// ```
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted(), self.gold() == 0)
    }

    /// `correct / gold`; 1 when there is no gold and nothing was predicted, 0 when there is no
    /// gold but something was predicted.
    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold(), self.predicted() == 0)
    }

    /// Harmonic mean of precision and recall (0 when both are 0).
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    fn add(&mut self, other: Counts) {
        self.correct += other.correct;
        self.missing += other.missing;
        self.extra += other.extra;
    }
}

fn ratio(part: usize, whole: usize, perfect_when_empty: bool) -> f64 {
    if whole == 0 {
        if perfect_when_empty {
            1.0
        } else {
            0.0
        }
    } else {
        part as f64 / whole as f64
    }
}

/// Correct out of total (the publication date).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Accuracy {
    pub correct: usize,
    pub total: usize,
}

impl Accuracy {
    /// `correct / total`, 1 when there is nothing to judge.
    pub fn accuracy(&self) -> f64 {
        ratio(self.correct, self.total, true)
    }
}

/// The F-score metrics in report order; `T` stands for each entity type.
pub const ENTITY_TYPES: [EntityType; 3] = [
    EntityType::Person,
    EntityType::Location,
    EntityType::Organisation,
];

/// The relation types of schema v1, for per-type rows.
pub const RELATION_TYPES: [&str; 5] = ["AGREEMENT", "VISIT", "COOPERATION", "EVENT", "INTENT"];

/// The names of every counted metric, in report order.
pub fn metric_names() -> Vec<String> {
    let mut names = vec!["entities.strict".to_string()];
    for t in ENTITY_TYPES {
        names.push(format!("entities.{}.strict", t.label()));
    }
    names.push("entities.canonical".to_string());
    for t in ENTITY_TYPES {
        names.push(format!("entities.{}.canonical", t.label()));
    }
    for name in ["dates.strict", "dates.relaxed", "dates.value"] {
        names.push(name.to_string());
    }
    names.push("relations.pair".to_string());
    names.push("relations.typed".to_string());
    for t in RELATION_TYPES {
        names.push(format!("relations.{t}"));
    }
    names
}

/// The corpus scores.
#[derive(Debug, Clone, PartialEq)]
pub struct Scores {
    /// Every metric of [`metric_names`] (plus relation types outside schema v1 that occur), in
    /// report order.
    pub metrics: Vec<(String, Counts)>,
    pub published: Accuracy,
    /// Documents scored.
    pub documents: usize,
}

impl Default for Scores {
    fn default() -> Scores {
        Scores {
            metrics: metric_names()
                .into_iter()
                .map(|n| (n, Counts::default()))
                .collect(),
            published: Accuracy::default(),
            documents: 0,
        }
    }
}

impl Scores {
    /// The counts of a metric.
    pub fn get(&self, metric: &str) -> Option<Counts> {
        self.metrics
            .iter()
            .find(|(name, _)| name == metric)
            .map(|(_, c)| *c)
    }

    fn add(&mut self, metric: &str, counts: Counts) {
        match self.metrics.iter_mut().find(|(name, _)| name == metric) {
            Some((_, c)) => c.add(counts),
            None => self.metrics.push((metric.to_string(), counts)),
        }
    }

    /// The value of a threshold key: `METRIC.precision|recall|f1` (also `.p`, `.r`) or
    /// `published.accuracy`; `None` for an unknown key.
    ///
    /// # Example
    /// ```
    /// use meldung::eval::score::Scores;
    /// let scores = Scores::default();
    /// assert_eq!(scores.value("entities.PER.strict.f1"), Some(1.0));
    /// assert_eq!(scores.value("published.accuracy"), Some(1.0));
    /// assert_eq!(scores.value("entities.MISC.strict.f1"), None);
    /// ```
    pub fn value(&self, key: &str) -> Option<f64> {
        if key == "published.accuracy" || key == "published" {
            return Some(self.published.accuracy());
        }
        let (metric, stat) = key.rsplit_once('.')?;
        let counts = self.get(metric)?;
        match stat {
            "precision" | "p" => Some(counts.precision()),
            "recall" | "r" => Some(counts.recall()),
            "f1" | "f" => Some(counts.f1()),
            _ => None,
        }
    }
}

/// Whether `key` names a score (independent of any data).
pub fn is_known_key(key: &str) -> bool {
    Scores::default().value(key).is_some()
}

/// Every threshold key, for messages.
pub fn known_keys() -> Vec<String> {
    let mut keys: Vec<String> = metric_names()
        .into_iter()
        .flat_map(|m| ["precision", "recall", "f1"].map(|s| format!("{m}.{s}")))
        .collect();
    keys.push("published.accuracy".to_string());
    keys
}

/// A gold item not found (`Missing`), a predicted item not in the gold (`Extra`), or a wrong
/// value (`Wrong`, the publication date).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MistakeKind {
    Missing,
    Extra,
    Wrong,
}

impl MistakeKind {
    /// `missing`, `extra`, `wrong`.
    pub fn label(self) -> &'static str {
        match self {
            MistakeKind::Missing => "missing",
            MistakeKind::Extra => "extra",
            MistakeKind::Wrong => "wrong",
        }
    }
}

/// One error, for `--show-errors`.
#[derive(Debug, Clone, PartialEq)]
pub struct Mistake {
    pub doc_id: String,
    /// The metric it counts against (`entities.strict`, `dates.value`, ...).
    pub metric: String,
    pub kind: MistakeKind,
    /// What it is: `PER "Anna Müller" 12..23`.
    pub item: String,
    /// Code point span in the document text, for the context snippet.
    pub span: Option<(usize, usize)>,
}

/// Scores and errors of a corpus.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Evaluation {
    pub scores: Scores,
    pub mistakes: Vec<Mistake>,
}

impl Evaluation {
    /// Scores one more document.
    pub fn add_document(&mut self, gold: &Annotations, predicted: &Annotations) {
        let doc = DocScorer {
            gold,
            predicted,
            doc_id: &gold.doc_id,
        };
        self.scores.documents += 1;
        let first = self.mistakes.len();
        doc.entities_strict(self);
        doc.entities_canonical(self);
        doc.dates(self);
        doc.relations(self);
        doc.published(self);
        // This document's errors by metric (in report order), then by position.
        let order = metric_names();
        let rank = |m: &Mistake| {
            order
                .iter()
                .position(|n| *n == m.metric)
                .unwrap_or(order.len())
        };
        self.mistakes[first..]
            .sort_by_key(|m| (rank(m), m.span.map_or(0, |s| s.0), m.kind.label()));
    }
}

/// Scores gold/predicted pairs.
///
/// # Example
/// ```
/// use meldung::eval::annotations::{Annotations, EntityMention};
/// use meldung::eval::score::evaluate;
/// use meldung::record::EntityType;
/// let mention = |start, end, text: &str| EntityMention {
///     entity_type: EntityType::Location, start, end, text: text.into(),
///     canonical: text.into(), kb_id: None,
/// };
/// let gold = Annotations { entities: vec![mention(0, 4, "Kiel"), mention(9, 13, "Bonn")], ..Default::default() };
/// let predicted = Annotations { entities: vec![mention(0, 4, "Kiel")], ..Default::default() };
/// let evaluation = evaluate([(&gold, &predicted)]);
/// let strict = evaluation.scores.get("entities.strict").unwrap();
/// assert_eq!((strict.correct, strict.missing, strict.extra), (1, 1, 0));
/// ```
pub fn evaluate<'a>(
    pairs: impl IntoIterator<Item = (&'a Annotations, &'a Annotations)>,
) -> Evaluation {
    let mut evaluation = Evaluation::default();
    for (gold, predicted) in pairs {
        evaluation.add_document(gold, predicted);
    }
    evaluation
}

struct DocScorer<'a> {
    gold: &'a Annotations,
    predicted: &'a Annotations,
    doc_id: &'a str,
}

fn describe_entity(e: &EntityMention) -> String {
    let mut s = format!(
        "{} {:?} {}..{}",
        e.entity_type.label(),
        e.text,
        e.start,
        e.end
    );
    if e.canonical != e.text {
        s.push_str(&format!(" = {:?}", e.canonical));
    }
    if let Some(kb) = &e.kb_id {
        s.push_str(&format!(" [{kb}]"));
    }
    s
}

/// A distinct entity of a document for canonical scoring.
struct Named<'a> {
    entity_type: EntityType,
    key: String,
    kb_id: Option<String>,
    first: &'a EntityMention,
}

/// Distinct (type, name) entities of a document: regions with an id are one entity per id,
/// everything else one per canonical name.
fn distinct_entities(entities: &[EntityMention]) -> Vec<Named<'_>> {
    let mut out: Vec<Named> = Vec::new();
    for e in entities {
        let kb_id = super::annotations::region_id(e.entity_type, e.kb_id.as_deref());
        let key = name_key(&e.canonical);
        let duplicate = out.iter().any(|n| {
            n.entity_type == e.entity_type
                && match (&n.kb_id, &kb_id) {
                    (Some(a), Some(b)) => a == b,
                    (None, None) => n.key == key,
                    // Same name, one with and one without an id: the same entity.
                    _ => n.key == key,
                }
        });
        if !duplicate {
            out.push(Named {
                entity_type: e.entity_type,
                key,
                kb_id,
                first: e,
            });
        }
    }
    out
}

/// A matching criterion between a gold and a predicted item.
type Pass<'a, G, P> = &'a dyn Fn(&G, &P) -> bool;

/// One-to-one greedy matching in passes: each pass pairs every still unmatched gold item with
/// the first still unmatched predicted item its predicate accepts. Earlier passes are stricter.
fn match_in_passes<G, P>(
    gold: &[G],
    predicted: &[P],
    passes: &[Pass<'_, G, P>],
) -> (Vec<Option<usize>>, Vec<bool>) {
    let mut gold_match = vec![None; gold.len()];
    let mut taken = vec![false; predicted.len()];
    for pass in passes {
        for (g, item) in gold.iter().enumerate() {
            if gold_match[g].is_some() {
                continue;
            }
            if let Some(p) = (0..predicted.len()).find(|&p| !taken[p] && pass(item, &predicted[p]))
            {
                gold_match[g] = Some(p);
                taken[p] = true;
            }
        }
    }
    (gold_match, taken)
}

impl DocScorer<'_> {
    fn mistake(
        &self,
        evaluation: &mut Evaluation,
        metric: &str,
        kind: MistakeKind,
        item: String,
        span: Option<(usize, usize)>,
    ) {
        evaluation.mistakes.push(Mistake {
            doc_id: self.doc_id.to_string(),
            metric: metric.to_string(),
            kind,
            item,
            span,
        });
    }

    fn entities_strict(&self, evaluation: &mut Evaluation) {
        let gold = &self.gold.entities;
        let predicted = &self.predicted.entities;
        let exact = |g: &EntityMention, p: &EntityMention| {
            g.entity_type == p.entity_type && g.start == p.start && g.end == p.end
        };
        let matched = match_in_passes(gold, predicted, &[&exact]);
        self.score_by_type(evaluation, "strict", (gold, predicted), matched, |e| {
            (e.entity_type, describe_entity(e), (e.start, e.end))
        });
    }

    fn entities_canonical(&self, evaluation: &mut Evaluation) {
        let gold = distinct_entities(&self.gold.entities);
        let predicted = distinct_entities(&self.predicted.entities);
        let by_id = |g: &Named, p: &Named| {
            g.entity_type == p.entity_type && g.kb_id.is_some() && g.kb_id == p.kb_id
        };
        let by_name = |g: &Named, p: &Named| {
            g.entity_type == p.entity_type
                && g.key == p.key
                && (g.kb_id.is_none() || p.kb_id.is_none())
        };
        let matched = match_in_passes(&gold, &predicted, &[&by_id, &by_name]);
        self.score_by_type(evaluation, "canonical", (&gold, &predicted), matched, |n| {
            (
                n.entity_type,
                describe_named(n),
                (n.first.start, n.first.end),
            )
        });
    }

    /// Adds `entities.<TYPE>.<score>` and `entities.<score>` from a matching of gold and
    /// predicted items, and a mistake for every unmatched one. `view` gives an item's type,
    /// its description and its span.
    fn score_by_type<T>(
        &self,
        evaluation: &mut Evaluation,
        score: &str,
        (gold, predicted): (&[T], &[T]),
        (gold_match, taken): (Vec<Option<usize>>, Vec<bool>),
        view: impl Fn(&T) -> (EntityType, String, (usize, usize)),
    ) {
        let metric = format!("entities.{score}");
        let mut total = Counts::default();
        for t in ENTITY_TYPES {
            let mut counts = Counts::default();
            let sides = [
                (gold, MistakeKind::Missing),
                (predicted, MistakeKind::Extra),
            ];
            for (side, (items, kind)) in sides.into_iter().enumerate() {
                for (i, item) in items.iter().enumerate() {
                    let (entity_type, description, span) = view(item);
                    if entity_type != t {
                        continue;
                    }
                    let found = if side == 0 {
                        gold_match[i].is_some()
                    } else {
                        taken[i]
                    };
                    match (found, side) {
                        (true, 0) => counts.correct += 1,
                        (true, _) => {}
                        (false, 0) => counts.missing += 1,
                        (false, _) => counts.extra += 1,
                    }
                    if !found {
                        self.mistake(evaluation, &metric, kind, description, Some(span));
                    }
                }
            }
            evaluation
                .scores
                .add(&format!("entities.{}.{score}", t.label()), counts);
            total.add(counts);
        }
        evaluation.scores.add(&metric, total);
    }

    fn dates(&self, evaluation: &mut Evaluation) {
        let gold = &self.gold.dates;
        let predicted = &self.predicted.dates;
        let describe = |d: &super::annotations::DateExpression| {
            format!("{:?} {}..{} = {}", d.text, d.start, d.end, d.value)
        };
        let gold_item = |g: usize| (describe(&gold[g]), (gold[g].start, gold[g].end));
        let predicted_item = |p: usize| {
            (
                describe(&predicted[p]),
                (predicted[p].start, predicted[p].end),
            )
        };
        // Strict: exact spans.
        let exact = |g: &super::annotations::DateExpression,
                     p: &super::annotations::DateExpression| {
            g.start == p.start && g.end == p.end
        };
        let (gold_match, taken) = match_in_passes(gold, predicted, &[&exact]);
        let strict = self.count_and_report(
            evaluation,
            "dates.strict",
            &gold_match,
            &taken,
            gold_item,
            predicted_item,
        );
        evaluation.scores.add("dates.strict", strict);

        // Relaxed: overlapping spans, one-to-one; exact spans first, then equal values, then
        // any overlap (so that the value score sees the best partner).
        let overlap = |g: &super::annotations::DateExpression,
                       p: &super::annotations::DateExpression| {
            g.start < p.end && p.start < g.end || (g.start == g.end && g.start == p.start)
        };
        let overlap_same_value =
            |g: &super::annotations::DateExpression, p: &super::annotations::DateExpression| {
                overlap(g, p) && g.value == p.value
            };
        let (gold_match, taken) =
            match_in_passes(gold, predicted, &[&exact, &overlap_same_value, &overlap]);
        let relaxed = self.count_and_report(
            evaluation,
            "dates.relaxed",
            &gold_match,
            &taken,
            gold_item,
            predicted_item,
        );
        evaluation.scores.add("dates.relaxed", relaxed);

        // Value: a relaxed match with the same value.
        let mut value = Counts::default();
        let mut value_taken = vec![false; predicted.len()];
        for (g, found) in gold_match.iter().enumerate() {
            match found {
                Some(p) if predicted[*p].value == gold[g].value => {
                    value.correct += 1;
                    value_taken[*p] = true;
                }
                Some(p) => {
                    value.missing += 1;
                    value.extra += 1;
                    let (gd, pd) = (&gold[g], &predicted[*p]);
                    self.mistake(
                        evaluation,
                        "dates.value",
                        MistakeKind::Wrong,
                        format!("{} predicted {:?} = {}", describe(gd), pd.text, pd.value),
                        Some((gd.start, gd.end)),
                    );
                    value_taken[*p] = true;
                }
                None => value.missing += 1,
            }
        }
        value.extra += value_taken.iter().filter(|t| !**t).count();
        evaluation.scores.add("dates.value", value);
    }

    /// Counts a matching and records its mistakes.
    fn count_and_report(
        &self,
        evaluation: &mut Evaluation,
        metric: &str,
        gold_match: &[Option<usize>],
        taken: &[bool],
        gold_item: impl Fn(usize) -> (String, (usize, usize)),
        predicted_item: impl Fn(usize) -> (String, (usize, usize)),
    ) -> Counts {
        let mut counts = Counts::default();
        for (g, found) in gold_match.iter().enumerate() {
            if found.is_some() {
                counts.correct += 1;
            } else {
                counts.missing += 1;
                let (item, span) = gold_item(g);
                self.mistake(evaluation, metric, MistakeKind::Missing, item, Some(span));
            }
        }
        for (p, t) in taken.iter().enumerate() {
            if !t {
                counts.extra += 1;
                let (item, span) = predicted_item(p);
                self.mistake(evaluation, metric, MistakeKind::Extra, item, Some(span));
            }
        }
        counts
    }

    fn relations(&self, evaluation: &mut Evaluation) {
        let gold = relation_pairs(self.gold);
        let predicted = relation_pairs(self.predicted);

        // Untyped: distinct pairs.
        let gold_untyped = distinct_pairs(gold.iter().map(|(_, pair)| pair));
        let predicted_untyped = distinct_pairs(predicted.iter().map(|(_, pair)| pair));
        let same = |g: &&PartyPair, p: &&PartyPair| same_pair(g, p);
        let (gold_match, taken) = match_in_passes(&gold_untyped, &predicted_untyped, &[&same]);
        let counts = self.count_relations(
            evaluation,
            "relations.pair",
            &gold_match,
            &taken,
            |g| describe_pair(None, gold_untyped[g]),
            |p| describe_pair(None, predicted_untyped[p]),
        );
        evaluation.scores.add("relations.pair", counts);

        // Typed: distinct (type, pair), overall and per type.
        let gold_typed = distinct_typed(&gold);
        let predicted_typed = distinct_typed(&predicted);
        let same_typed =
            |g: &(&str, &PartyPair), p: &(&str, &PartyPair)| g.0 == p.0 && same_pair(g.1, p.1);
        let (gold_match, taken) = match_in_passes(&gold_typed, &predicted_typed, &[&same_typed]);
        let counts = self.count_relations(
            evaluation,
            "relations.typed",
            &gold_match,
            &taken,
            |g| describe_pair(Some(gold_typed[g].0), gold_typed[g].1),
            |p| describe_pair(Some(predicted_typed[p].0), predicted_typed[p].1),
        );
        evaluation.scores.add("relations.typed", counts);
        let mut types: Vec<&str> = gold_typed
            .iter()
            .chain(&predicted_typed)
            .map(|(t, _)| *t)
            .collect();
        types.sort_unstable();
        types.dedup();
        for t in types {
            let mut per_type = Counts::default();
            for (g, (gt, _)) in gold_typed.iter().enumerate() {
                if *gt == t {
                    if gold_match[g].is_some() {
                        per_type.correct += 1;
                    } else {
                        per_type.missing += 1;
                    }
                }
            }
            per_type.extra += predicted_typed
                .iter()
                .zip(&taken)
                .filter(|((pt, _), taken)| *pt == t && !**taken)
                .count();
            evaluation.scores.add(&format!("relations.{t}"), per_type);
        }
    }

    fn count_relations(
        &self,
        evaluation: &mut Evaluation,
        metric: &str,
        gold_match: &[Option<usize>],
        taken: &[bool],
        gold_item: impl Fn(usize) -> String,
        predicted_item: impl Fn(usize) -> String,
    ) -> Counts {
        let mut counts = Counts::default();
        for (g, found) in gold_match.iter().enumerate() {
            if found.is_some() {
                counts.correct += 1;
            } else {
                counts.missing += 1;
                self.mistake(evaluation, metric, MistakeKind::Missing, gold_item(g), None);
            }
        }
        for (p, t) in taken.iter().enumerate() {
            if !t {
                counts.extra += 1;
                self.mistake(
                    evaluation,
                    metric,
                    MistakeKind::Extra,
                    predicted_item(p),
                    None,
                );
            }
        }
        counts
    }

    fn published(&self, evaluation: &mut Evaluation) {
        let Some(gold) = self.gold.published.as_deref() else {
            return;
        };
        evaluation.scores.published.total += 1;
        let predicted = self.predicted.published.as_deref();
        if predicted == Some(gold) {
            evaluation.scores.published.correct += 1;
        } else {
            self.mistake(
                evaluation,
                "published",
                MistakeKind::Wrong,
                format!("gold {gold}, predicted {}", predicted.unwrap_or("none")),
                None,
            );
        }
    }
}

fn describe_named(n: &Named) -> String {
    let mut s = format!("{} {:?}", n.entity_type.label(), n.first.canonical);
    if let Some(kb) = &n.kb_id {
        s.push_str(&format!(" [{kb}]"));
    }
    s
}

/// An unordered pair of parties.
type PartyPair = (Party, Party);

fn same_pair(a: &PartyPair, b: &PartyPair) -> bool {
    (a.0.same_as(&b.0) && a.1.same_as(&b.1)) || (a.0.same_as(&b.1) && a.1.same_as(&b.0))
}

/// Every (type, unordered party pair) of a document's relations; a relation with more than two
/// parties gives every pair of them, one with fewer gives none.
fn relation_pairs(annotations: &Annotations) -> Vec<(&str, PartyPair)> {
    let mut out = Vec::new();
    for r in &annotations.relations {
        for i in 0..r.parties.len() {
            for j in i + 1..r.parties.len() {
                out.push((
                    r.relation_type.as_str(),
                    (r.parties[i].clone(), r.parties[j].clone()),
                ));
            }
        }
    }
    out
}

fn distinct_pairs<'a>(pairs: impl Iterator<Item = &'a PartyPair>) -> Vec<&'a PartyPair> {
    let mut out: Vec<&PartyPair> = Vec::new();
    for pair in pairs {
        if !out.iter().any(|seen| same_pair(seen, pair)) {
            out.push(pair);
        }
    }
    out
}

fn distinct_typed<'a>(pairs: &'a [(&'a str, PartyPair)]) -> Vec<(&'a str, &'a PartyPair)> {
    let mut out: Vec<(&str, &PartyPair)> = Vec::new();
    for (t, pair) in pairs {
        if !out
            .iter()
            .any(|(st, seen)| st == t && same_pair(seen, pair))
        {
            out.push((t, pair));
        }
    }
    out
}

fn describe_pair(relation_type: Option<&str>, pair: &PartyPair) -> String {
    let party = |p: &Party| match &p.kb_id {
        Some(kb) => format!("{:?} [{kb}]", p.name),
        None => format!("{:?}", p.name),
    };
    match relation_type {
        Some(t) => format!("{t} {} – {}", party(&pair.0), party(&pair.1)),
        None => format!("{} – {}", party(&pair.0), party(&pair.1)),
    }
}
