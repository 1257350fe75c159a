//! The second pass: choosing among overlapping candidates, joining weekday + date and the ends
//! of ranges, and filling the placeholders of each expression against the anchor.
//!
//! The anchor is the publication date (news). Without one (narrative texts such as Wikipedia
//! articles) year-less and relative expressions resolve against the last date mentioned before,
//! and to `XXXX` where nothing anchors. Anaphoric expressions ("am selben Tag", "zwei Tage
//! später") always resolve against the date mentioned before, falling back to the anchor.

use super::partial::Partial;
use super::rules::Candidate;
use super::scan::LetterRuns;
use super::vocab::{Amount, LowerWords, Unit};
use crate::calendar::{days_in_month, Date};
use crate::record::DateType;

/// The date mentioned last, at the granularity it was stated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reference {
    pub year: i32,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

impl Reference {
    fn from_date(date: Date) -> Reference {
        Reference {
            year: date.year,
            month: Some(date.month),
            day: Some(date.day),
        }
    }

    fn date(&self) -> Option<Date> {
        Date::new(self.year, self.month?, self.day?)
    }
}

/// Keeps the longest candidate where candidates overlap (ties: the rule listed first), in text
/// order.
///
/// Greedy: longest first, each candidate kept unless it overlaps one kept before. A choice
/// among overlapping candidates never reaches past the run of candidates they overlap with, so
/// the greedy runs per cluster (candidates in text order, joined while one starts before the
/// ends of those before it reach): most candidates overlap nothing and are kept at once, and
/// only the positions are sorted, never the candidates themselves (large).
///
/// `confirm` is asked about a candidate once it is free to be kept (it overlaps none kept
/// before), and may drop it ([`super::rules::RuleSet::confirm`]): a candidate that overlaps a
/// kept one is dropped either way, so its checks need not run.
pub fn select(
    mut candidates: Vec<Candidate>,
    mut confirm: impl FnMut(&mut Candidate) -> bool,
) -> Vec<Candidate> {
    // The rules give their candidates nearly in text order (a context group such as "im Juli"
    // starts after the word before): sort positions by start only where they are not.
    let in_order = candidates.windows(2).all(|w| w[0].start <= w[1].start);
    let by_start: Vec<usize> = if in_order {
        Vec::new()
    } else {
        let mut by_start: Vec<usize> = (0..candidates.len()).collect();
        by_start.sort_by_key(|&i| candidates[i].start);
        by_start
    };
    // The index of the candidate `n`-th in text order.
    let nth = |n: usize| if in_order { n } else { by_start[n] };
    // Per candidate, whether kept; none is looked at twice. Empty while every one so far is.
    let mut keep: Vec<bool> = Vec::new();
    let count = candidates.len();
    let drop = |keep: &mut Vec<bool>, index: usize| {
        if keep.is_empty() {
            *keep = vec![true; count];
        }
        keep[index] = false;
    };
    // Per cluster of more than one candidate: its candidates by the greedy's order (longest
    // first, then the rule listed first, then the earlier start, then the position: the order
    // of a stable sort on the first three) and the spans taken so far, sorted (no two
    // overlap, so of those that start before a candidate ends the last reaches furthest).
    let mut order: Vec<(std::cmp::Reverse<usize>, usize, usize, usize)> = Vec::new();
    let mut taken: Vec<(usize, usize)> = Vec::new();
    let mut from = 0;
    while from < candidates.len() {
        let mut reach = candidates[nth(from)].end;
        let mut to = from + 1;
        while to < candidates.len() {
            let next = &candidates[nth(to)];
            if next.start >= reach {
                break;
            }
            reach = reach.max(next.end);
            to += 1;
        }
        if to - from == 1 {
            let index = nth(from);
            if !confirm(&mut candidates[index]) {
                drop(&mut keep, index);
            }
        } else {
            order.clear();
            order.extend((from..to).map(|n| {
                let index = nth(n);
                let c = &candidates[index];
                (std::cmp::Reverse(c.end - c.start), c.rule, c.start, index)
            }));
            order.sort_unstable();
            taken.clear();
            for &(_, _, _, index) in &order {
                let candidate = &mut candidates[index];
                let before = taken.partition_point(|&(start, _)| start < candidate.end);
                let free = before == 0 || candidate.start >= taken[before - 1].1;
                if free && confirm(candidate) {
                    let at = taken.partition_point(|&span| span < (candidate.start, candidate.end));
                    taken.insert(at, (candidate.start, candidate.end));
                } else {
                    drop(&mut keep, index);
                }
            }
        }
        from = to;
    }
    if keep.is_empty() && in_order {
        return candidates;
    }
    // Kept candidates do not overlap and are not empty: no two share a start. They stay in
    // the vector they came in (no new one, no move before the first dropped candidate).
    let mut chosen = candidates;
    if !keep.is_empty() {
        let mut index = 0;
        chosen.retain(|_| {
            index += 1;
            keep[index - 1]
        });
    }
    if !in_order {
        chosen.sort_by_key(|c| c.start);
    }
    chosen
}

fn is_weekday_only(p: &Partial) -> bool {
    p.weekday.is_some() && p.day.is_none() && p.relday.is_none() && p.shift.is_none()
}

/// Marks each bare weekday ("am Montag") with the direction it points from the publication date:
/// forward when its sentence looks ahead (a word of `future_cues`: "wird", "reist ... weiter"),
/// else back, since press releases report what has happened. Without a publication date the
/// nearest weekday is meant and nothing is marked.
pub fn orient_weekdays(
    text: &str,
    candidates: &mut [Candidate],
    future_cues: &LowerWords,
    anchor: Option<Date>,
) {
    if anchor.is_none() {
        return;
    }
    // The sentence read last and whether it looks ahead: weekdays often share one.
    let mut last: Option<((usize, usize), bool)> = None;
    for c in candidates.iter_mut() {
        if !is_weekday_only(&c.partial) || c.partial.dir.is_some() {
            continue;
        }
        let sentence = sentence_around(text, c.start, c.end);
        let ahead = match last {
            Some((read, ahead)) if read == sentence => ahead,
            _ => {
                let ahead = has_word(&text[sentence.0..sentence.1], future_cues);
                last = Some((sentence, ahead));
                ahead
            }
        };
        c.partial.dir = Some(if ahead { 1 } else { -1 });
    }
}

/// The sentence around a byte range, by the sentence ends [`same_sentence`] knows: a line
/// break, `!`, `?`, or a full stop after a lower-case letter.
fn sentence_around(text: &str, start: usize, end: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    let full_stop = |i: usize| i > 0 && bytes[i - 1].is_ascii_lowercase();
    let floor = memchr::memrchr3(b'\n', b'!', b'?', &bytes[..start]).map_or(0, |i| i + 1);
    let from = memchr::memrchr_iter(b'.', &bytes[floor..start])
        .map(|i| floor + i)
        .find(|&i| full_stop(i))
        .map_or(floor, |i| i + 1);
    let ceiling =
        memchr::memchr3(b'\n', b'!', b'?', &bytes[end..]).map_or(bytes.len(), |i| end + i);
    let to = memchr::memchr_iter(b'.', &bytes[end..ceiling])
        .map(|i| end + i)
        .find(|&i| full_stop(i))
        .unwrap_or(ceiling);
    (from, to)
}

/// Whether a word of `text` (a run of letters) is in `words`, compared case-insensitively.
/// The words are found 64 bytes at a time ([`LetterRuns`]): a walk over the sentence byte by
/// byte cost about 20 instructions per byte.
fn has_word(text: &str, words: &LowerWords) -> bool {
    let bytes = text.as_bytes();
    LetterRuns::new(text).any(|run| {
        let first = bytes[run.start];
        // Most words are told by their first byte and length without the full look-up (an
        // ASCII word keeps its length when lower-cased).
        let may_hold = !first.is_ascii()
            || (words.may_hold_ascii_start(first)
                && (!bytes[run.clone()].is_ascii() || words.may_hold_ascii(first, run.len())));
        may_hold && words.contains_lowercased(&text[run])
    })
}

/// Joins "Montag, 24. September 2012" and "Gestern, Montag," into one expression.
pub fn merge_weekdays(text: &str, mut candidates: Vec<Candidate>) -> Vec<Candidate> {
    // Both passes join only at a bare weekday: a text without one (most news, many
    // releases) keeps its candidates as they are.
    let bare_weekday = |c: &Candidate| is_weekday_only(&c.partial);
    if !candidates.iter().any(bare_weekday) {
        return candidates;
    }
    // Weekday + date first, so that "Gestern Montag, 24. September" keeps the weekday with
    // the date.
    merge_pass(text, &mut candidates, true);
    if candidates.iter().any(bare_weekday) {
        merge_pass(text, &mut candidates, false);
    }
    candidates
}

/// One pass of [`merge_weekdays`], in place: a candidate joined into the one before it is
/// marked and cut out at the end, the candidates after it moved once each (they are large: a
/// swap per candidate, as a pass that keeps them packed as it goes needs, moved three times
/// the bytes).
fn merge_pass(text: &str, candidates: &mut Vec<Candidate>, with_dates: bool) {
    // Per candidate, whether joined into the one before it; empty while none is.
    let mut joined: Vec<bool> = Vec::new();
    let count = candidates.len();
    let mut mark = |read: usize| {
        if joined.is_empty() {
            joined = vec![false; count];
        }
        joined[read] = true;
    };
    // The candidate kept last, which the next one may join.
    let mut kept: Option<usize> = None;
    for read in 0..candidates.len() {
        if let Some(kept) = kept {
            let (out, rest) = candidates.split_at_mut(read);
            let (last, candidate) = (&mut out[kept], &mut rest[0]);
            // What stands between the two, read only where a join is possible.
            let between = || {
                let between = text[last.end..candidate.start].trim();
                between.strip_prefix(',').unwrap_or(between).trim()
            };
            if with_dates
                && is_weekday_only(&last.partial)
                && candidate.partial.day.is_some()
                && candidate.partial.weekday.is_none()
                && candidate.date_type == DateType::Date
                && matches!(between(), "" | "den")
            {
                let weekday = last.partial.weekday;
                let start = last.start;
                std::mem::swap(last, candidate);
                last.start = start;
                last.partial.weekday = weekday;
                mark(read);
                continue;
            }
            if !with_dates
                && last.partial.relday.is_some()
                && is_weekday_only(&candidate.partial)
                && between().is_empty()
            {
                last.end = candidate.end;
                last.partial.weekday = candidate.partial.weekday;
                mark(read);
                continue;
            }
        }
        kept = Some(read);
    }
    if !joined.is_empty() {
        let mut index = 0;
        candidates.retain(|_| {
            index += 1;
            !joined[index - 1]
        });
    }
}

fn is_range_connector(between: &str) -> bool {
    let t = between.trim();
    matches!(
        t,
        "-" | "–" | "—" | "/" | "," | "bis" | "bis zum" | "bis zur" | "und" | "oder" | "auf den"
    )
}

/// Gives the left end of a range what only the right end states ("12.–14. Juni 2019",
/// "vom 30. Oktober bis 1. Nov. 2019"), and drops lone days that are not the left end of one.
pub fn link_ranges(text: &str, candidates: &mut Vec<Candidate>) {
    let mut linked = vec![false; candidates.len()];
    for i in (0..candidates.len().saturating_sub(1)).rev() {
        let (left, right) = candidates.split_at_mut(i + 1);
        let (left, right) = (&mut left[i], &right[0]);
        if left.date_type == DateType::Duration
            || left.date_type == DateType::Set
            || right.date_type != DateType::Date
            || !is_range_connector(&text[left.end..right.start])
        {
            continue;
        }
        let (l, r) = (&mut left.partial, &right.partial);
        if l.day.is_some() && l.month.is_none() {
            if let Some(month) = r.month {
                let earlier = r.day.is_some_and(|d| l.day.is_some_and(|ld| ld > d));
                l.month = Some(if earlier {
                    if month == 1 {
                        12
                    } else {
                        month - 1
                    }
                } else {
                    month
                });
                if earlier && month == 1 {
                    l.year = r.year.map(|y| y - 1);
                }
                linked[i] = true;
            }
        }
        if l.year.is_none() && (l.month.is_some() || l.season.is_some()) {
            if let Some(year) = r.year {
                let wraps = matches!((l.month, r.month), (Some(lm), Some(rm)) if lm > rm);
                l.year = Some(if wraps { year - 1 } else { year });
                linked[i] = true;
            }
        }
    }
    let mut index = 0;
    candidates.retain(|c| {
        let keep = !c.partial.needs_range || linked[index] || c.partial.month.is_some();
        index += 1;
        keep
    });
}

/// Resolves expressions in text order against the anchor and the dates mentioned before.
pub struct Resolver {
    anchor: Option<Date>,
    reference: Option<Reference>,
}

/// A resolved value and, for dates with a known year, the date it refers to.
pub struct Resolved {
    pub value: String,
    pub reference: Option<Reference>,
}

/// The numbers 00 to 99 with two digits each, one after the other.
const PAIRS: &str = "00010203040506070809101112131415161718192021222324252627282930313233343536373839\
                     40414243444546474849505152535455565758596061626364656667686970717273747576777879\
                     8081828384858687888990919293949596979899";

/// `n` (below 100) with two digits.
#[inline]
fn pair(n: u32) -> &'static str {
    let at = 2 * n as usize;
    &PAIRS[at..at + 2]
}

/// Appends `n` with at least `width` digits (zeros in front), as `format!("{n:0width$}")`
/// would, without the formatting machinery.
fn push_number(out: &mut String, n: u32, width: usize) {
    // Most numbers of a value are a month, day, hour or minute (two digits) or a year (four):
    // written a pair of digits at a time, without the loop over the digits.
    match (n, width) {
        (0..=99, 2) => return out.push_str(pair(n)),
        (1000..=9999, 4) => {
            out.push_str(pair(n / 100));
            return out.push_str(pair(n % 100));
        }
        _ => {}
    }
    let mut digits = [b'0'; 10];
    let mut first = digits.len();
    let mut rest = n;
    loop {
        first -= 1;
        digits[first] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    let first = first.min(digits.len() - width.min(digits.len()));
    // Char by char: a number has a few digits, fewer than checking them as UTF-8 and copying
    // them as a string would cost.
    for &digit in &digits[first..] {
        out.push(char::from(digit));
    }
}

/// `date` as `YYYY-MM-DD`, as its `Display` writes it.
fn date_value(date: Date) -> String {
    if !(0..=9999).contains(&date.year) {
        return date.to_string();
    }
    // Room for a time after it ("T14:30"), so that a time's value grows without moving.
    let mut out = String::with_capacity(16);
    push_number(&mut out, date.year.unsigned_abs(), 4);
    out.push('-');
    push_number(&mut out, date.month, 2);
    out.push('-');
    push_number(&mut out, date.day, 2);
    out
}

fn format_year(year: i32) -> String {
    let mut out = String::with_capacity(16);
    if year < 0 {
        out.push_str("BC");
    }
    push_number(&mut out, year.unsigned_abs(), 4);
    out
}

fn format_reference(r: &Reference, unit: Unit) -> String {
    let mut year = format_year(r.year);
    match (unit, r.month, r.day) {
        (Unit::Year, _, _) => year,
        (Unit::Month, Some(m), _) | (_, Some(m), None) => {
            year.push('-');
            push_number(&mut year, m, 2);
            year
        }
        (_, Some(m), Some(d)) => {
            year.push('-');
            push_number(&mut year, m, 2);
            year.push('-');
            push_number(&mut year, d, 2);
            year
        }
        _ => year,
    }
}

/// ISO 8601 week-numbering year and week of a date.
pub fn iso_week(date: Date) -> (i32, u32) {
    let thursday = date.add_days(3 - i64::from(date.weekday()));
    let jan1 = Date {
        year: thursday.year,
        month: 1,
        day: 1,
    };
    let week = (thursday.to_days() - jan1.to_days()) / 7 + 1;
    (thursday.year, week as u32)
}

fn add_months(year: i32, month: u32, shift: i32) -> (i32, u32) {
    let total = year * 12 + month as i32 - 1 + shift;
    (total.div_euclid(12), total.rem_euclid(12) as u32 + 1)
}

fn duration_value(amount: Amount, unit: Unit) -> String {
    let (time, letter) = match unit {
        Unit::Minute => (true, "M"),
        Unit::Hour => (true, "H"),
        Unit::Day => (false, "D"),
        Unit::Week => (false, "W"),
        Unit::Month => (false, "M"),
        Unit::Quarter => (false, "Q"),
        Unit::Year => (false, "Y"),
        Unit::Decade => (false, "DE"),
        Unit::Century => (false, "CE"),
    };
    let prefix = if time { "PT" } else { "P" };
    match amount {
        Amount::Vague => format!("{prefix}X{letter}"),
        Amount::Exact(n) if n.fract() == 0.0 => {
            let (n, prefix, letter) = if unit == Unit::Quarter {
                (n as i64 * 3, "P", "M")
            } else {
                (n as i64, prefix, letter)
            };
            match u32::try_from(n) {
                Ok(n) => {
                    let mut out = String::with_capacity(8);
                    out.push_str(prefix);
                    push_number(&mut out, n, 1);
                    out.push_str(letter);
                    out
                }
                Err(_) => format!("{prefix}{n}{letter}"),
            }
        }
        Amount::Exact(n) => {
            // Halves and the like in the next smaller unit.
            let (factor, smaller) = match unit {
                Unit::Year => (12.0, "P{}M"),
                Unit::Month => (30.0, "P{}D"),
                Unit::Week => (7.0, "P{}D"),
                Unit::Day => (24.0, "PT{}H"),
                Unit::Hour => (60.0, "PT{}M"),
                Unit::Decade => (10.0, "P{}Y"),
                Unit::Century => (100.0, "P{}Y"),
                Unit::Quarter => (3.0, "P{}M"),
                Unit::Minute => (60.0, "PT{}S"),
            };
            smaller.replace("{}", &format!("{}", (n * factor).round() as i64))
        }
    }
}

impl Resolver {
    pub fn new(anchor: Option<Date>) -> Resolver {
        Resolver {
            anchor,
            reference: None,
        }
    }

    /// What a relative expression counts from: the anchor in news, the date mentioned before
    /// in narrative texts and for anaphoric expressions.
    fn base(&self, anaphoric: bool) -> Option<Reference> {
        let anchor = self.anchor.map(Reference::from_date);
        if anaphoric || anchor.is_none() {
            self.reference.or(anchor)
        } else {
            anchor
        }
    }

    /// The year of "kommenden Frühjahr" (`shift` 1: the next such season that has not begun),
    /// "vergangenen Herbst" (-1: the last one that has ended) or "diesen Sommer" (0), counted
    /// from the base date; `None` without one. A winter belongs to the year its December is in.
    fn season_year(&self, season: &str, shift: i32) -> Option<i32> {
        let base = self.base(false)?;
        let Some(month) = base.month else {
            return Some(base.year + shift);
        };
        // First and last month of the season, the last counted past December for winter.
        let (first, last) = match season {
            "SP" => (3, 5),
            "SU" => (6, 8),
            "FA" => (9, 11),
            _ => (12, 14),
        };
        // The month counted in the winter's year (January and February still belong to the
        // winter of the December before).
        let (year, month) = if season == "WI" && month <= 2 {
            (base.year - 1, month + 12)
        } else {
            (base.year, month)
        };
        Some(match shift {
            s if s > 0 => {
                if month < first {
                    year
                } else {
                    year + 1
                }
            }
            s if s < 0 => {
                if month > last {
                    year
                } else {
                    year - 1
                }
            }
            _ => year,
        })
    }

    /// The year for a date that states none.
    fn year_for(&self, month: Option<u32>) -> Option<i32> {
        match self.anchor {
            Some(anchor) => {
                let mut year = anchor.year;
                if let Some(month) = month {
                    // A release of December speaking of January means the next one.
                    if anchor.month >= 11 && month <= 2 {
                        year += 1;
                    } else if anchor.month <= 2 && month >= 11 {
                        year -= 1;
                    }
                }
                Some(year)
            }
            None => self.reference.map(|r| r.year),
        }
    }

    /// Resolves one candidate; `None` drops it. Updates the reference with resolved dates.
    pub fn resolve(&mut self, c: &Candidate, sentence_day: Option<Date>) -> Option<Resolved> {
        if c.partial.narrative_only && self.anchor.is_some() {
            return None;
        }
        let resolved = match c.date_type {
            DateType::Duration => Resolved {
                value: match c.partial.fixed {
                    Some(fixed) => fixed.to_string(),
                    None => duration_value(c.partial.num?, c.partial.unit?),
                },
                reference: None,
            },
            DateType::Set => Resolved {
                value: match c.partial.fixed {
                    Some(fixed) => fixed.to_string(),
                    None => {
                        duration_value(c.partial.num.unwrap_or(Amount::Exact(1.0)), c.partial.unit?)
                    }
                },
                reference: None,
            },
            DateType::Time => self.resolve_time(&c.partial, sentence_day)?,
            DateType::Date => self.resolve_date(&c.partial)?,
        };
        if let Some(reference) = resolved.reference {
            if !c.partial.side_remark {
                self.reference = Some(reference);
            }
        }
        Some(resolved)
    }

    fn resolve_time(&self, p: &Partial, sentence_day: Option<Date>) -> Option<Resolved> {
        let day_value = if p.day.is_some() || p.weekday.is_some() {
            let date = self.resolve_date(p)?;
            date.value
        } else if let Some(day) = sentence_day {
            date_value(day)
        } else if let Some(date) = (p.anaphoric || self.anchor.is_none())
            .then(|| self.base(true).and_then(|r| r.date()))
            .flatten()
        {
            date_value(date)
        } else {
            "XXXX-XX-XX".to_string()
        };
        let mut value = day_value;
        value.push('T');
        match (p.hour, p.daypart) {
            (Some(hour), _) => {
                push_number(&mut value, hour, 2);
                value.push(':');
                push_number(&mut value, p.minute.unwrap_or(0), 2);
            }
            (None, Some(part)) => value.push_str(part),
            (None, None) => return None,
        }
        Some(Resolved {
            value,
            reference: None,
        })
    }

    fn resolve_date(&self, p: &Partial) -> Option<Resolved> {
        if let Some(fixed) = p.fixed {
            return Some(Resolved {
                value: fixed.to_string(),
                reference: None,
            });
        }
        if let Some(offset) = p.relday {
            return Some(self.resolve_relday(offset, p.weekday));
        }
        if p.weekday.is_some() && p.day.is_none() {
            let in_week = p.unit == Some(Unit::Week);
            return Some(self.resolve_weekday(p.weekday?, p.shift, p.dir, in_week));
        }
        if let Some(unit) = p.unit {
            let steps = match (p.shift, p.num, p.dir) {
                (Some(shift), _, _) => shift,
                (None, Some(Amount::Exact(n)), Some(dir)) => n as i32 * dir,
                (None, Some(Amount::Vague), Some(dir)) => {
                    let value = if dir > 0 { "FUTURE_REF" } else { "PAST_REF" };
                    return Some(Resolved {
                        value: value.to_string(),
                        reference: None,
                    });
                }
                // "Mitte des Jahres": the current one.
                (None, None, None) => 0,
                _ => return None,
            };
            // "eine Woche später" after a day: a day.
            let (unit, steps) = if unit == Unit::Week && p.dir.is_some() {
                (Unit::Day, steps * 7)
            } else {
                (unit, steps)
            };
            return self.resolve_shift(unit, steps, p.anaphoric);
        }
        if let Some(century) = p.century {
            let value = if century < 0 {
                format!("BC{:02}", -century - 1)
            } else {
                format!("{:02}", century - 1)
            };
            return Some(Resolved {
                value,
                reference: None,
            });
        }
        if let Some(decade) = p.decade {
            return Some(Resolved {
                value: format!("{decade:03}"),
                reference: None,
            });
        }
        if let Some(digit) = p.decade_digit {
            let base_year = self.base(false).map_or(2000, |r| r.year);
            let mut decade = (base_year / 100) * 10 + digit as i32;
            if decade * 10 > base_year {
                decade -= 10;
            }
            return Some(Resolved {
                value: format!("{decade:03}"),
                reference: None,
            });
        }
        // Before Christ, narratives often leave out "v. Chr." once it is clear.
        let year = p.year.map(|y| match self.reference {
            Some(r) if r.year < 0 && (0..1000).contains(&y) => -y,
            _ => y,
        });
        if p.bare_year && p.noun_follows {
            // "mit 1500 Panzern" in a text about 1944: a quantity, not a year.
            if let (Some(y), Some(base)) = (year, self.base(false)) {
                if (y - base.year).abs() > 100 {
                    return None;
                }
            }
        }
        let year = year
            .or_else(|| {
                p.season
                    .zip(p.shift)
                    .and_then(|(season, shift)| self.season_year(season, shift))
            })
            .or_else(|| self.year_for(p.month));
        // The year (or `XXXX`), then what the text states below it.
        let mut value = year.map_or_else(|| "XXXX".to_string(), format_year);
        let reference = if let Some(season) = p.season {
            value.push('-');
            value.push_str(season);
            None
        } else if let Some(quarter) = p.quarter {
            value.push_str("-Q");
            push_number(&mut value, quarter, 1);
            None
        } else if let Some(half) = p.half {
            value.push_str("-H");
            push_number(&mut value, half, 1);
            None
        } else if let Some(week) = p.week {
            value.push_str("-W");
            push_number(&mut value, week, 2);
            None
        } else if let Some(month) = p.month {
            value.push('-');
            push_number(&mut value, month, 2);
            if let Some(day) = p.day {
                value.push('-');
                push_number(&mut value, day, 2);
            }
            p.day
        } else if p.day.is_some() {
            return None;
        } else {
            None
        };
        if let (Some(month), Some(day), Some(y)) = (p.month, reference, year) {
            if day > days_in_month(y, month) {
                return None;
            }
        }
        let reference = year.map(|y| Reference {
            year: y,
            month: p.month,
            day: p.day,
        });
        // A season or quarter only anchors its year.
        let reference = reference.map(|r| {
            if p.season.is_some() || p.quarter.is_some() || p.half.is_some() || p.week.is_some() {
                Reference {
                    year: r.year,
                    month: None,
                    day: None,
                }
            } else {
                r
            }
        });
        Some(Resolved { value, reference })
    }

    fn resolve_relday(&self, offset: i32, weekday: Option<u32>) -> Resolved {
        let base = match self.anchor {
            Some(anchor) => Some(anchor),
            None if offset == 0 => {
                return Resolved {
                    value: "PRESENT_REF".to_string(),
                    reference: None,
                }
            }
            None => self.reference.and_then(|r| r.date()),
        };
        let Some(base) = base else {
            let value = if offset < 0 { "PAST_REF" } else { "FUTURE_REF" };
            return Resolved {
                value: value.to_string(),
                reference: None,
            };
        };
        let mut date = base.add_days(i64::from(offset));
        if let Some(weekday) = weekday {
            // "Gestern, Montag": trust the weekday when the two disagree by a day or so.
            let diff = (weekday as i64 - i64::from(date.weekday())).rem_euclid(7);
            let diff = if diff > 3 { diff - 7 } else { diff };
            date = date.add_days(diff);
        }
        Resolved {
            value: date_value(date),
            reference: Some(Reference::from_date(date)),
        }
    }

    /// A weekday: the last or next one as `shift` says ("letzten Montag"), else the one the
    /// sentence points to (`dir`, set by [`orient_weekdays`]; back includes the day itself),
    /// else the nearest one.
    /// With `in_week` the shift counts calendar weeks ("Donnerstag vergangener Woche": the
    /// Thursday of the week before the base's week), else weekdays ("letzten Donnerstag").
    fn resolve_weekday(
        &self,
        weekday: u32,
        shift: Option<i32>,
        dir: Option<i32>,
        in_week: bool,
    ) -> Resolved {
        let base = self.base(false).and_then(|r| r.date());
        let Some(base) = base else {
            return Resolved {
                value: format!("XXXX-WXX-{}", weekday + 1),
                reference: None,
            };
        };
        let forward = (weekday as i64 - i64::from(base.weekday())).rem_euclid(7);
        let offset = match shift {
            Some(s) if in_week => weekday as i64 - i64::from(base.weekday()) + 7 * i64::from(s),
            Some(s) if s < 0 => {
                if forward == 0 {
                    -7
                } else {
                    forward - 7
                }
            }
            Some(s) if s > 0 => {
                if forward == 0 {
                    7
                } else {
                    forward
                }
            }
            _ => match dir {
                Some(d) if d < 0 => {
                    if forward == 0 {
                        0
                    } else {
                        forward - 7
                    }
                }
                Some(_) => forward,
                None => {
                    if forward > 3 {
                        forward - 7
                    } else {
                        forward
                    }
                }
            },
        };
        let date = base.add_days(offset);
        Resolved {
            value: date_value(date),
            // The week named next to the weekday ("vergangener Woche") resolves against the
            // same base, so the weekday does not become the reference.
            reference: (!in_week).then(|| Reference::from_date(date)),
        }
    }

    fn resolve_shift(&self, unit: Unit, steps: i32, anaphoric: bool) -> Option<Resolved> {
        let anaphoric = anaphoric || unit == Unit::Day;
        let Some(base) = self.base(anaphoric) else {
            let value = match unit {
                Unit::Year => "XXXX",
                Unit::Month => "XXXX-XX",
                Unit::Week => "XXXX-WXX",
                _ => "XXXX-XX-XX",
            };
            return Some(Resolved {
                value: value.to_string(),
                reference: None,
            });
        };
        let resolved = match unit {
            Unit::Year => Reference {
                year: base.year + steps,
                month: None,
                day: None,
            },
            Unit::Month | Unit::Quarter => {
                let month = base.month?;
                let factor = if unit == Unit::Quarter { 3 } else { 1 };
                let (year, month) = add_months(base.year, month, steps * factor);
                if unit == Unit::Quarter {
                    return Some(Resolved {
                        value: format!("{}-Q{}", format_year(year), (month - 1) / 3 + 1),
                        reference: None,
                    });
                }
                Reference {
                    year,
                    month: Some(month),
                    day: None,
                }
            }
            Unit::Week => {
                let date = base.date()?.add_days(7 * i64::from(steps));
                let (year, week) = iso_week(date);
                return Some(Resolved {
                    value: format!("{}-W{week:02}", format_year(year)),
                    reference: None,
                });
            }
            Unit::Day => Reference::from_date(base.date()?.add_days(i64::from(steps))),
            Unit::Decade => {
                return Some(Resolved {
                    value: format!("{:03}", base.year / 10 + steps),
                    reference: None,
                })
            }
            Unit::Century => {
                return Some(Resolved {
                    value: format!("{:02}", base.year / 100 + steps),
                    reference: None,
                })
            }
            Unit::Hour | Unit::Minute => return None,
        };
        Some(Resolved {
            value: format_reference(&resolved, unit),
            reference: Some(resolved),
        })
    }
}

/// Whether two byte positions are in the same sentence: no line break and no sentence end
/// (a period after a lower-case letter, `!` or `?`) between them.
pub fn same_sentence(text: &str, from: usize, to: usize) -> bool {
    let (a, b) = if from <= to { (from, to) } else { (to, from) };
    let bytes = &text.as_bytes()[a..b];
    // The ends searched for with memchr rather than byte by byte: the stretch between a time
    // and the dates around it is often a sentence long.
    if memchr::memchr3(b'\n', b'!', b'?', bytes).is_some() {
        return false;
    }
    // A period counts after a lower-case letter within the stretch.
    !memchr::memchr_iter(b'.', bytes).any(|i| i > 0 && bytes[i - 1].is_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`select`] written the plain way: each candidate, longest first, checked against every
    /// one kept before.
    fn select_reference(candidates: Vec<Candidate>) -> Vec<Candidate> {
        let mut order: Vec<usize> = (0..candidates.len()).collect();
        order.sort_by(|&a, &b| {
            let (a, b) = (&candidates[a], &candidates[b]);
            (b.end - b.start)
                .cmp(&(a.end - a.start))
                .then(a.rule.cmp(&b.rule))
                .then(a.start.cmp(&b.start))
        });
        let mut kept: Vec<usize> = Vec::new();
        for index in order {
            let c = &candidates[index];
            if kept.iter().all(|&k| {
                let t = &candidates[k];
                c.end <= t.start || c.start >= t.end
            }) {
                kept.push(index);
            }
        }
        kept.sort_by_key(|&k| (candidates[k].start, k));
        kept.into_iter().map(|k| candidates[k].clone()).collect()
    }

    proptest::proptest! {
        #[test]
        fn select_keeps_what_a_check_against_every_kept_one_keeps(
            spans in proptest::collection::vec((0usize..40, 0usize..8, 0usize..6), 0..40),
        ) {
            let candidates: Vec<Candidate> = spans
                .iter()
                .map(|&(start, len, rule)| Candidate {
                    start,
                    end: start + len,
                    rule,
                    date_type: DateType::Date,
                    partial: Partial::default(),
                    confirmed: true,
                })
                .collect();
            let spans = |found: &[Candidate]| -> Vec<(usize, usize, usize)> {
                found.iter().map(|c| (c.start, c.end, c.rule)).collect()
            };
            let mut expected = select_reference(candidates.clone());
            let mut found = select(candidates, |_| true);
            // Empty candidates may share a start with another kept one: compare as sets.
            expected.sort_by_key(|c| (c.start, c.end, c.rule));
            found.sort_by_key(|c| (c.start, c.end, c.rule));
            proptest::prop_assert_eq!(spans(&found), spans(&expected));
        }
    }

    #[test]
    fn dates_are_written_as_display_writes_them() {
        for days in (-800_000..3_000_000).step_by(991) {
            let date = Date::from_days(days);
            assert_eq!(date_value(date), date.to_string(), "{date:?}");
        }
    }

    #[test]
    fn sentences_and_words_are_found_as_a_walk_over_the_characters_finds_them() {
        let cues = LowerWords::new(vec!["wird".to_string(), "fährt".to_string()]);
        let texts = [
            "",
            "Am Montag wird gefeiert. Am 3. Mai kam er! Dann?\nAm Dienstag FÄHRT er.",
            "Er fährt am Freitag.Wird er? 12. Juni. Danach wirdx und xwird, WIRD",
            "Übermorgen – „Mittwoch“ – reist er weiter … am Sonntag",
        ];
        for text in texts {
            let bytes = text.as_bytes();
            let is_end = |i: usize| match bytes[i] {
                b'\n' | b'!' | b'?' => true,
                b'.' => i > 0 && bytes[i - 1].is_ascii_lowercase(),
                _ => false,
            };
            let bounds: Vec<usize> = (0..=text.len())
                .filter(|&i| text.is_char_boundary(i))
                .collect();
            for (i, &start) in bounds.iter().enumerate() {
                for &end in &bounds[i..] {
                    let from = (0..start).rev().find(|&i| is_end(i)).map_or(0, |i| i + 1);
                    let to = (end..bytes.len())
                        .find(|&i| is_end(i))
                        .unwrap_or(bytes.len());
                    assert_eq!(
                        sentence_around(text, start, end),
                        (from, to),
                        "{text:?} {start}..{end}"
                    );
                }
                let rest = &text[start..];
                let expected = rest
                    .split(|ch: char| !ch.is_alphabetic())
                    .any(|word| !word.is_empty() && cues.contains_lowercased(word));
                assert_eq!(has_word(rest, &cues), expected, "{rest:?}");
            }
        }
    }

    #[test]
    fn same_sentence_stops_at_line_breaks_and_sentence_ends() {
        let text = "Am 3. Mai kam er. Um 9 Uhr ging er!\nDann 5. Juni";
        let at = |s: &str| text.find(s).expect(s);
        for (from, to, same) in [
            (at("3."), at("Mai"), true),
            (at("Mai"), at("Um"), false),
            (at("Um"), at("Uhr"), true),
            (at("Uhr"), at("Dann"), false),
            (at("Dann"), at("Juni"), true),
            (at("Juni"), at("Dann"), true),
            (0, 0, true),
        ] {
            assert_eq!(same_sentence(text, from, to), same, "{from}..{to}");
        }
        // As a walk over the bytes finds it, for every stretch of a few texts.
        let walk = |text: &str, from: usize, to: usize| {
            let mut lower_before = false;
            for &byte in &text.as_bytes()[from.min(to)..from.max(to)] {
                match byte {
                    b'\n' | b'!' | b'?' => return false,
                    b'.' if lower_before => return false,
                    _ => {}
                }
                lower_before = byte.is_ascii_lowercase();
            }
            true
        };
        for text in [
            text,
            "a.b. 12.5. Dr. med. x. Y? z!\n.a",
            ".a.",
            "Straße. ö. 3. x",
        ] {
            for from in 0..=text.len() {
                for to in 0..=text.len() {
                    assert_eq!(
                        same_sentence(text, from, to),
                        walk(text, from, to),
                        "{from}..{to}"
                    );
                }
            }
        }
    }

    #[test]
    fn numbers_are_written_as_format_writes_them() {
        for n in [
            0,
            1,
            7,
            9,
            10,
            12,
            99,
            100,
            479,
            1998,
            2019,
            12345,
            u32::MAX,
        ]
        .into_iter()
        // Every number the pairs of digits write.
        .chain(0..=10_000)
        {
            for width in [1, 2, 3, 4] {
                let mut out = String::from("x");
                push_number(&mut out, n, width);
                assert_eq!(out, format!("x{n:0width$}"), "{n} {width}");
            }
        }
        for year in [-479, -1, 0, 5, 800, 2019] {
            let expected = if year < 0 {
                format!("BC{:04}", -year)
            } else {
                format!("{year:04}")
            };
            assert_eq!(format_year(year), expected);
        }
    }

    #[test]
    fn iso_weeks_match_the_calendar() {
        let cases = [
            ("2019-06-20", (2019, 25)),
            ("2021-01-03", (2020, 53)),
            ("2018-12-31", (2019, 1)),
            ("2012-09-24", (2012, 39)),
        ];
        for (date, expected) in cases {
            assert_eq!(iso_week(Date::parse_iso(date).unwrap()), expected, "{date}");
        }
    }

    #[test]
    fn durations_format_like_timex3() {
        let cases = [
            (Amount::Exact(6.0), Unit::Year, "P6Y"),
            (Amount::Vague, Unit::Year, "PXY"),
            (Amount::Exact(3.0), Unit::Day, "P3D"),
            (Amount::Exact(0.5), Unit::Year, "P6M"),
            (Amount::Exact(2.0), Unit::Hour, "PT2H"),
            (Amount::Vague, Unit::Hour, "PTXH"),
            (Amount::Exact(40.0), Unit::Minute, "PT40M"),
        ];
        for (amount, unit, expected) in cases {
            assert_eq!(duration_value(amount, unit), expected);
        }
    }

    #[test]
    fn sentences_end_at_periods_after_words_not_ordinals() {
        let text = "Am 24. September kam er. Um 14 Uhr ging er.";
        let date = text.find("24.").unwrap();
        let time = text.find("14 Uhr").unwrap();
        assert!(!same_sentence(text, date, time));
        let text = "Am 24. September um 14 Uhr";
        assert!(same_sentence(text, 3, text.find("14").unwrap()));
    }
}
