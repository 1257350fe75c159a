//! What a rule found: the parts of a temporal expression before resolution (first pass).
//!
//! A [`Partial`] holds whatever the text states (a day, a month name, "letzte", "Woche") with
//! placeholders for the rest; [`super::resolve`] fills them against the anchor.

use super::vocab::{Amount, Unit, Vocabulary, LAST_OF_UNIT};

/// The parts of one expression as written.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Partial {
    /// Year; negative for years before Christ (1 BC = -1, as TIMEX writes `BC0001`).
    pub year: Option<i32>,
    pub month: Option<u32>,
    pub day: Option<u32>,
    /// Monday = 0.
    pub weekday: Option<u32>,
    pub hour: Option<u32>,
    pub minute: Option<u32>,
    /// `SP`, `SU`, `FA`, `WI`.
    pub season: Option<&'static str>,
    pub quarter: Option<u32>,
    pub half: Option<u32>,
    /// Calendar week (ISO 8601 week number, "KW 12").
    pub week: Option<u32>,
    /// The century as counted in words (20 for "20. Jahrhundert", negative before Christ).
    pub century: Option<i32>,
    /// Decade: the first three digits of the year (199 for the 1990s), or with
    /// `decade_digit` only the digit (2 for "zwanziger").
    pub decade: Option<i32>,
    pub decade_digit: Option<u32>,
    /// `MO`, `MI`, `AF`, `EV`, `NI`.
    pub daypart: Option<&'static str>,
    pub num: Option<Amount>,
    pub unit: Option<Unit>,
    /// -1 last, 0 this, +1 next.
    pub shift: Option<i32>,
    /// Days from the anchor (gestern = -1).
    pub relday: Option<i32>,
    /// +1 after, -1 before the date mentioned before; for a bare weekday, the direction its
    /// sentence points from the publication date (see `resolve::orient_weekdays`).
    pub dir: Option<i32>,
    /// A fixed value (`PRESENT_REF`, `P1Y`, `PXY`).
    pub fixed: Option<&'static str>,
    /// Resolve against the date mentioned before rather than the publication date.
    pub anaphoric: bool,
    /// A lone day that only stands as the left end of a range.
    pub needs_range: bool,
    /// A bare number read as a year: checked against quantity words.
    pub bare_year: bool,
    /// Marked only in narrative texts (no publication date): vague references such as
    /// "derzeit" or "künftig", which press releases leave unmarked (corpus/GUIDELINES.md).
    pub narrative_only: bool,
    /// A bare year followed by a capitalised word ("1500 Panzern"): perhaps a quantity.
    pub noun_follows: bool,
    /// A boundary or side remark ("bis 1881", "(1908)"): not a reference for later dates.
    pub side_remark: bool,
    /// Set when a group's text could not be interpreted (the match is dropped).
    pub invalid: bool,
}

/// What a named capture group fills (its name without a suffix after `_`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// `t`, `mod`, `part`: context, nothing to fill.
    Context,
    Year,
    /// Before Christ: applied by [`Partial::before_christ`] once every group is read.
    Bc,
    Month,
    Day,
    Weekday,
    Hour,
    Minute,
    Season,
    Quarter,
    Half,
    /// Calendar week (`KW 12`).
    Week,
    Century,
    Decade,
    Daypart,
    Num,
    Unit,
    UnitAdj,
    Shift,
    Relday,
    Relword,
    Dir,
    Holiday,
    Ref,
    Set,
    Vague,
}

impl Part {
    /// The part a group name stands for (suffix after `_` ignored); `None` if unknown.
    pub fn from_group(group: &str) -> Option<Part> {
        let name = group.split('_').next().unwrap_or(group);
        Some(match name {
            "t" | "mod" | "part" => Part::Context,
            "year" => Part::Year,
            "bc" => Part::Bc,
            "month" => Part::Month,
            "day" => Part::Day,
            "weekday" => Part::Weekday,
            "hour" => Part::Hour,
            "minute" => Part::Minute,
            "season" => Part::Season,
            "quarter" => Part::Quarter,
            "half" => Part::Half,
            "week" => Part::Week,
            "century" => Part::Century,
            "decade" => Part::Decade,
            "daypart" => Part::Daypart,
            "num" => Part::Num,
            "unit" => Part::Unit,
            "unitadj" => Part::UnitAdj,
            "shift" => Part::Shift,
            "relday" => Part::Relday,
            "relword" => Part::Relword,
            "dir" => Part::Dir,
            "holiday" => Part::Holiday,
            "ref" => Part::Ref,
            "set" => Part::Set,
            "vague" => Part::Vague,
            _ => return None,
        })
    }
}

/// The number `text` writes in ASCII digits, with any periods and hyphens after them ("12.",
/// "2019", "3-"): what `parse::<u32>` gives for the digits, read byte by byte without its
/// general machinery (signs, other radixes); `None` for anything else or a number past `u32`.
fn digits_value(text: &str) -> Option<u32> {
    let bytes = text.as_bytes();
    let end = bytes
        .iter()
        .rposition(|&b| b != b'.' && b != b'-')
        .map_or(0, |i| i + 1);
    let digits = &bytes[..end];
    if digits.is_empty() {
        return None;
    }
    let mut value: u32 = 0;
    for &b in digits {
        let digit = b.wrapping_sub(b'0');
        if digit > 9 {
            return None;
        }
        value = value.checked_mul(10)?.checked_add(u32::from(digit))?;
    }
    Some(value)
}

impl Partial {
    /// Whether year, month and day are all stated.
    pub fn is_full_date(&self) -> bool {
        self.year.is_some() && self.month.is_some() && self.day.is_some()
    }

    /// Sets one part from a named capture group (suffix after `_` ignored) and its text.
    pub fn set_group(&mut self, group: &str, text: &str, vocab: &Vocabulary) {
        match Part::from_group(group) {
            Some(part) => self.set_part(part, text, vocab),
            None => self.invalid = true,
        }
    }

    /// Sets one part from its text.
    pub fn set_part(&mut self, part: Part, text: &str, vocab: &Vocabulary) {
        let number = || digits_value(text);
        let ordinal = || number().or_else(|| vocab.ordinals.get(text));
        let ok = match part {
            Part::Context => true,
            Part::Year => number().map(|y| self.year = Some(y as i32)).is_some(),
            // Applied by `before_christ` once every group is read.
            Part::Bc => true,
            Part::Month => number()
                .or_else(|| vocab.months.get(text))
                .map(|m| self.month = Some(m))
                .is_some(),
            Part::Day => number().map(|d| self.day = Some(d)).is_some(),
            Part::Weekday => vocab
                .weekdays
                .get(text)
                .map(|w| self.weekday = Some(w))
                .is_some(),
            Part::Hour => number().map(|h| self.hour = Some(h)).is_some(),
            Part::Minute => number().map(|m| self.minute = Some(m)).is_some(),
            Part::Season => vocab
                .seasons
                .get(text)
                .map(|s| self.season = Some(s))
                .is_some(),
            Part::Quarter => ordinal()
                .map(|q| if q == LAST_OF_UNIT { 4 } else { q })
                .filter(|q| (1..=4).contains(q))
                .map(|q| self.quarter = Some(q))
                .is_some(),
            Part::Half => ordinal()
                .map(|h| if h == LAST_OF_UNIT { 2 } else { h })
                .filter(|h| (1..=2).contains(h))
                .map(|h| self.half = Some(h))
                .is_some(),
            Part::Week => number()
                .filter(|w| (1..=53).contains(w))
                .map(|w| self.week = Some(w))
                .is_some(),
            Part::Century => ordinal()
                .filter(|&c| c != LAST_OF_UNIT)
                .map(|c| self.century = Some(c as i32))
                .is_some(),
            Part::Decade => match number() {
                Some(year) => {
                    self.decade = Some(year as i32 / 10);
                    true
                }
                None => vocab
                    .decades
                    .get(text)
                    .map(|d| self.decade_digit = Some(d))
                    .is_some(),
            },
            // A daypart in a compound ("Dienstagabend") is written in lower case.
            Part::Daypart => vocab
                .dayparts
                .get(text)
                .or_else(|| vocab.dayparts.get(&capitalise(text)))
                .map(|d| self.daypart = Some(d))
                .is_some(),
            Part::Num => number()
                .map(|n| Amount::Exact(f64::from(n)))
                .or_else(|| vocab.numbers.get(text))
                .map(|n| self.num = Some(n))
                .is_some(),
            Part::Unit => vocab.units.get(text).map(|u| self.unit = Some(u)).is_some(),
            Part::UnitAdj => vocab
                .unit_adjectives
                .get(text)
                .map(|u| self.unit = Some(u))
                .is_some(),
            Part::Shift => vocab
                .shifts
                .get(text)
                .map(|s| self.shift = Some(s))
                .is_some(),
            Part::Relday => vocab
                .reldays
                .get(text)
                .map(|d| self.relday = Some(d))
                .is_some(),
            Part::Relword => vocab
                .relwords
                .get(text)
                .map(|(unit, shift)| {
                    self.unit = Some(unit);
                    self.shift = Some(shift);
                })
                .is_some(),
            Part::Dir => vocab
                .directions
                .get(text)
                .map(|d| self.dir = Some(d))
                .is_some(),
            Part::Holiday => vocab
                .holidays
                .get(text)
                .map(|(month, day)| {
                    self.month = Some(month);
                    self.day = Some(day);
                })
                .is_some(),
            Part::Ref => vocab.refs.get(text).map(|r| self.fixed = Some(r)).is_some(),
            Part::Set => vocab.sets.get(text).map(|s| self.fixed = Some(s)).is_some(),
            Part::Vague => vocab
                .vague
                .get(text)
                .map(|v| self.fixed = Some(v))
                .is_some(),
        };
        if !ok {
            self.invalid = true;
        }
    }

    /// Marks the year or century as before Christ.
    pub fn before_christ(&mut self) {
        self.year = self.year.map(|y| -y.abs());
        self.century = self.century.map(|c| -c.abs());
    }

    /// Applies a fixed setting from a rule's `fields` column; `Err` names a bad setting.
    pub fn set_field(&mut self, field: &str) -> Result<(), String> {
        let (key, value) = field.split_once('=').unwrap_or((field, ""));
        let int = || {
            value
                .parse::<i32>()
                .map_err(|_| format!("{field}: not a number"))
        };
        match key {
            "anaph" => self.anaphoric = true,
            "range" => self.needs_range = true,
            "year" => self.bare_year = true,
            "narrative" => self.narrative_only = true,
            "unit" => {
                self.unit = Some(Unit::from_code(value).ok_or(format!("{field}: unknown unit"))?)
            }
            "num" if value == "X" => self.num = Some(Amount::Vague),
            "num" => {
                let n: f64 = value
                    .parse()
                    .map_err(|_| format!("{field}: not a number"))?;
                self.num = Some(Amount::Exact(n));
            }
            "shift" => self.shift = Some(int()?),
            "dir" => self.dir = Some(int()?),
            "hour" => self.hour = Some(int()? as u32),
            _ => return Err(format!("unknown field {field:?}")),
        }
        Ok(())
    }
}

/// `text` with its first letter in upper case.
fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_are_read_as_parse_reads_them() {
        let reference = |text: &str| -> Option<u32> {
            let digits = text.trim_end_matches(['.', '-']);
            if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
                digits.parse().ok()
            } else {
                None
            }
        };
        for text in [
            "",
            ".",
            "-",
            "12.",
            "2019",
            "3-",
            "0",
            "007",
            "1.5",
            "+3",
            "-3",
            "12a",
            "a12",
            "٣",
            "4294967295",
            "4294967296",
            "99999999999",
            "12.-.",
            "1 2",
            "²",
        ] {
            assert_eq!(digits_value(text), reference(text), "{text:?}");
        }
    }
}
