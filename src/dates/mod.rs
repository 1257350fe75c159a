//! Temporal expressions: German recognition, TIMEX3 normalisation and the publication date.
//!
//! Two passes, HeidelTime-style:
//! 1. [`rules`]: regex rules from `resources/dates/rules/*.tsv` (one file per family: absolute
//!    dates, relative dates, durations and sets, times), built from the vocabularies in
//!    `resources/dates/*.tsv` ([`vocab`]), find candidates and read their parts into a
//!    [`partial::Partial`] with placeholders for what the text leaves open.
//! 2. [`resolve`]: overlapping candidates are reduced to the longest, a weekday before a date
//!    joins it, the left end of a range takes month and year from the right end, and every
//!    placeholder is filled against the anchor: the publication date for news; for texts
//!    without one (narrative mode) the last date mentioned before, or `XXXX` where nothing
//!    anchors. The system clock is never read.
//!
//! [`publication`] finds the publication date in the text itself (date line, dateline, "veröffentlicht am").
//!
//! # Example
//! ```
//! use meldung::calendar::Date;
//! use meldung::dates::DateRecogniser;
//! let dates = DateRecogniser::load_default().unwrap();
//! let text = "Am 12. Juni fand in Dresden ein Treffen statt.";
//! let found = dates.find(text, &[], Date::new(2019, 6, 20));
//! assert_eq!(found[0].value, "2019-06-12");
//! assert_eq!(&text[found[0].start..found[0].end], "12. Juni");
//! ```

pub mod partial;
pub mod publication;
pub mod readers;
pub mod resolve;
pub mod rules;
pub mod scan;
pub mod vocab;

use crate::calendar::Date;
use crate::record::DateType;
use crate::resources::ResourceError;
use crate::tokenise::Token;

use resolve::Resolver;
use rules::{Candidate, LineState, RuleSet};
use vocab::Vocabulary;

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

/// What [`DateRecogniser::analyse`] finds in a text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DateAnalysis {
    /// The publication date stated in the text (none searched when one was given).
    pub published: Option<FoundPublicationDate>,
    /// The temporal expressions in text order, resolved against the publication date.
    pub dates: Vec<DateMatch>,
}

/// The date stage with its compiled rules. Build once, share across threads.
#[derive(Debug)]
pub struct DateRecogniser {
    vocab: Vocabulary,
    rules: RuleSet,
    /// Rule names, leaked once so matches can name their rule without allocating.
    names: Vec<&'static str>,
}

impl DateRecogniser {
    /// The stage with its compiled-in rules and vocabularies.
    pub fn load_default() -> Result<DateRecogniser, ResourceError> {
        let vocab = Vocabulary::load_default()?;
        let rules = RuleSet::load(&rules::default_rule_files(), &vocab)?;
        let names = rules
            .rules
            .iter()
            .map(|r| &*Box::leak(r.name.clone().into_boxed_str()))
            .collect();
        Ok(DateRecogniser {
            vocab,
            rules,
            names,
        })
    }

    /// The rules, with their examples (for tests and diagnostics).
    pub fn rules(&self) -> &[rules::Rule] {
        &self.rules.rules
    }

    /// The publication date stated in the text, if any: a date line or dateline at the top, a
    /// phrase such as "veröffentlicht am", or a dateline at the end. Never today.
    ///
    /// # Example
    /// ```
    /// use meldung::dates::DateRecogniser;
    /// let dates = DateRecogniser::load_default().unwrap();
    /// let text = "Hannover, 22.11.2017 (PresseBox) - Die Messe beginnt.";
    /// let found = dates.publication_date(text, &[]).unwrap();
    /// assert_eq!(found.date.to_string(), "2017-11-22");
    /// ```
    pub fn publication_date(&self, text: &str, _tokens: &[Token]) -> Option<FoundPublicationDate> {
        // The rules run over the lines that may hold it only: the same candidates there as
        // in a run over the whole text.
        let (segments, head_end) = publication::segments_and_head(text);
        let tail_start = publication::tail_boundary(text).max(head_end);
        let mut inside = Vec::new();
        for (from, to) in segments {
            if (from >= head_end && to <= tail_start)
                || !text.as_bytes()[from..to].iter().any(u8::is_ascii_digit)
            {
                continue;
            }
            inside.extend(self.rules.candidates_in(text, from, to, &self.vocab));
        }
        let mut line = LineState::new();
        let confirm = |c: &mut Candidate| self.rules.confirm(text, c, &self.vocab, &mut line);
        self.publication_in_lines(text, inside, head_end, tail_start, confirm)
    }

    /// The publication date and the temporal expressions of a text in one pass over it: what
    /// [`DateRecogniser::publication_date`] and then [`DateRecogniser::find`] give, the rules
    /// run once. With `given` (a publication date known from outside the text) the text is
    /// not searched for one, and the expressions resolve against `given`.
    ///
    /// # Example
    /// ```
    /// use meldung::dates::DateRecogniser;
    /// let dates = DateRecogniser::load_default().unwrap();
    /// let text = "Hannover, 22.11.2017 (PresseBox) - Die Messe beginnt morgen.";
    /// let found = dates.analyse(text, &[], None);
    /// assert_eq!(found.published.unwrap().date.to_string(), "2017-11-22");
    /// assert_eq!(found.dates[1].value, "2017-11-23");
    /// ```
    pub fn analyse(&self, text: &str, _tokens: &[Token], given: Option<Date>) -> DateAnalysis {
        let mut candidates = self.rules.candidates(text, &self.vocab);
        let published = match given {
            Some(_) => None,
            None => self.publication_among(text, &mut candidates),
        };
        let anchor = given.or(published.map(|found| found.date));
        let dates = self
            .resolve_candidates(text, candidates, anchor)
            .into_iter()
            .map(|(m, _)| m)
            .collect();
        DateAnalysis { published, dates }
    }

    /// The publication date among the candidates of the whole text: those that start at the
    /// start of a line at the top or the end ([`publication::segments`]). The checks around a
    /// candidate that the selection there asks for run on the candidate in `candidates`, so
    /// that the selection over the whole text finds them done.
    fn publication_among(
        &self,
        text: &str,
        candidates: &mut [Candidate],
    ) -> Option<FoundPublicationDate> {
        // The selection only drops candidates: without a full date there is none to choose.
        let full_date = |c: &Candidate| c.date_type == DateType::Date && c.partial.is_full_date();
        if !candidates.iter().any(full_date) {
            return None;
        }
        let (mut segments, head_end) = publication::segments_and_head(text);
        let tail_start = publication::tail_boundary(text).max(head_end);
        // Only dates at the top or the end count.
        segments.retain(|&(from, to)| !(from >= head_end && to <= tail_start));
        // Per segment, once looked at: whether it holds a digit. A full date states its year
        // in digits: a line start without a digit holds none.
        let mut has_digit: Vec<Option<bool>> = vec![None; segments.len()];
        // Candidates of different lines never overlap: one selection over all segments is the
        // selection in each. Segments are in text order and do not overlap.
        let mut inside: Vec<Candidate> = Vec::with_capacity(16);
        // Per candidate of `inside`, its index in `candidates`.
        let mut origin: Vec<usize> = Vec::with_capacity(16);
        for (index_in_text, c) in candidates.iter().enumerate() {
            let after = segments.partition_point(|&(from, _)| from <= c.start);
            let Some(index) = after.checked_sub(1) else {
                continue;
            };
            let (from, to) = segments[index];
            if c.start >= to {
                continue;
            }
            let digit = *has_digit[index]
                .get_or_insert_with(|| text.as_bytes()[from..to].iter().any(u8::is_ascii_digit));
            if digit {
                inside.push(c.clone());
                origin.push(index_in_text);
            }
        }
        let mut line = LineState::new();
        // A rule gives one candidate per start: start and rule tell the candidate's original.
        let confirm = |c: &mut Candidate| {
            let original = origin
                .iter()
                .copied()
                .find(|&o| candidates[o].start == c.start && candidates[o].rule == c.rule);
            let Some(original) = original else {
                return self.rules.confirm(text, c, &self.vocab, &mut line);
            };
            let original = &mut candidates[original];
            let confirmed = self.rules.confirm(text, original, &self.vocab, &mut line);
            if confirmed {
                c.clone_from(original);
            }
            confirmed
        };
        self.publication_in_lines(text, inside, head_end, tail_start, confirm)
    }

    /// The publication date among the candidates that start in the top and end lines
    /// ([`publication::segments`] with a digit), `confirm` running the checks around a
    /// candidate ([`RuleSet::confirm`]).
    fn publication_in_lines(
        &self,
        text: &str,
        inside: Vec<Candidate>,
        head_end: usize,
        tail_start: usize,
        confirm: impl FnMut(&mut Candidate) -> bool,
    ) -> Option<FoundPublicationDate> {
        let full_date = |c: &Candidate| c.date_type == DateType::Date && c.partial.is_full_date();
        if !inside.iter().any(full_date) {
            return None;
        }
        let mut head = Vec::new();
        let mut tail = Vec::new();
        for c in resolve::select(inside, confirm) {
            if !full_date(&c) {
                continue;
            }
            if c.start < head_end {
                head.push(c);
            } else if c.start >= tail_start {
                tail.push(c);
            }
        }
        let (start, end) = publication::choose(text, &head, &tail, head_end, &self.vocab)?;
        let c = head.iter().chain(&tail).find(|c| c.start == start)?;
        let p = &c.partial;
        let date = Date::new(p.year?, p.month?, p.day?)?;
        Some(FoundPublicationDate { date, start, end })
    }

    /// Temporal expressions in text order, resolved against `anchor` (the publication date) or,
    /// without one, against the dates of the text itself.
    pub fn find(&self, text: &str, tokens: &[Token], anchor: Option<Date>) -> Vec<DateMatch> {
        self.find_explained(text, tokens, anchor)
            .into_iter()
            .map(|(m, _)| m)
            .collect()
    }

    /// Like [`DateRecogniser::find`], with the name of the rule behind each match.
    pub fn find_explained(
        &self,
        text: &str,
        _tokens: &[Token],
        anchor: Option<Date>,
    ) -> Vec<(DateMatch, &'static str)> {
        let candidates = self.rules.candidates(text, &self.vocab);
        self.resolve_candidates(text, candidates, anchor)
    }

    /// The second pass over the candidates of `text`: choosing, joining, resolving.
    fn resolve_candidates(
        &self,
        text: &str,
        candidates: Vec<Candidate>,
        anchor: Option<Date>,
    ) -> Vec<(DateMatch, &'static str)> {
        if candidates.is_empty() {
            return Vec::new();
        }
        let mut line = LineState::new();
        let confirm = |c: &mut Candidate| self.rules.confirm(text, c, &self.vocab, &mut line);
        let chosen = resolve::select(candidates, confirm);
        let mut chosen = resolve::merge_weekdays(text, chosen);
        resolve::link_ranges(text, &mut chosen);
        resolve::orient_weekdays(text, &mut chosen, &self.vocab.future_cues, anchor);

        let mut resolver = Resolver::new(anchor);
        let mut out: Vec<(DateMatch, &'static str)> = Vec::with_capacity(chosen.len());
        // Times without a day of their own take the day of a date in the same sentence, the
        // one before if any, else the one after, else the day mentioned last before them:
        // resolve them once the dates are known.
        let mut pending_times: Vec<usize> = Vec::new();
        let mut day_dates: Vec<(usize, usize, Date)> = Vec::with_capacity(chosen.len());
        for (index, c) in chosen.iter().enumerate() {
            if c.date_type == DateType::Time && c.partial.day.is_none() {
                pending_times.push(index);
                continue;
            }
            if let Some(resolved) = resolver.resolve(c, None) {
                if c.date_type == DateType::Date {
                    if let Some(date) = Date::parse_iso(&resolved.value) {
                        day_dates.push((c.start, c.end, date));
                    }
                }
                let mut found = self.to_match(c, resolved.value);
                if anchor.is_some() {
                    found.0.start = self.news_span_start(text, c);
                }
                out.push(found);
            }
        }
        if !pending_times.is_empty() {
            let mut resolver = Resolver::new(anchor);
            for index in pending_times {
                let c = &chosen[index];
                // The nearest date on each side, if in the same sentence: a farther one is
                // not when the nearest is not (its stretch holds the nearest one's).
                let before = day_dates
                    .iter()
                    .rev()
                    .find(|(_, end, _)| *end <= c.start)
                    .filter(|(_, end, _)| resolve::same_sentence(text, *end, c.start));
                let after = day_dates
                    .iter()
                    .find(|(start, _, _)| *start >= c.end)
                    .filter(|(start, _, _)| resolve::same_sentence(text, c.end, *start));
                let day = before.or(after).map(|(_, _, d)| *d);
                // Otherwise the day mentioned last before it: a release names the day of its
                // event and then the times of that day, often in sentences or programme lines of
                // their own ("Donnerstag, 24. Juni" ... "09:30 Uhr Begrüßung").
                let day = day.or_else(|| {
                    day_dates
                        .iter()
                        .rev()
                        .find(|(_, end, _)| *end <= c.start)
                        .map(|(_, _, d)| *d)
                });
                if let Some(resolved) = resolver.resolve(c, day) {
                    out.push(self.to_match(c, resolved.value));
                }
            }
            out.sort_by_key(|(m, _)| m.start);
        }
        out
    }

    /// Where a duration's span starts in a press release: after a leading modifier ("mehr als
    /// 35 Jahren", "in den ersten fünf Jahren"), which press releases leave out of the span
    /// (corpus/GUIDELINES.md §4) while narrative (TIMEX2) gold keeps it.
    fn news_span_start(&self, text: &str, c: &Candidate) -> usize {
        if c.date_type != DateType::Duration {
            return c.start;
        }
        let span = &text.as_bytes()[c.start..c.end];
        // The words compared byte by byte, most told by their first byte: a call to `memcmp`
        // per word cost more than the comparisons.
        self.vocab
            .modifiers
            .iter()
            .chain(&self.vocab.left_out_in_news)
            .map(|word| word.as_bytes())
            .filter(|word| span.get(word.len()) == Some(&b' ') && span.starts_with(word))
            .map(|word| c.start + word.len() + 1)
            .max()
            .unwrap_or(c.start)
    }

    fn to_match(&self, c: &Candidate, value: String) -> (DateMatch, &'static str) {
        let found = DateMatch {
            start: c.start,
            end: c.end,
            date_type: c.date_type,
            value,
        };
        (found, self.names[c.rule])
    }
}
