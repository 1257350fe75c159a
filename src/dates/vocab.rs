//! The vocabularies of the date stage: month and weekday names, number words, units and the
//! other word lists under `resources/dates/`, loaded and validated once.
//!
//! Each vocabulary maps a written form (exact case) to what it means and gives the rule patterns
//! a macro (`{MONTH}`, `{UNIT}`, …) that expands to the alternation of its forms.

use crate::gazetteer::FastMap as HashMap;

use crate::resources::{DataFile, ResourceError};

/// The value of "letzte"/"letzten" in `ordinals.tsv`: the last of whatever unit follows
/// ("letzten Quartal" is the fourth, "letzten Halbjahr" the second); a rule whose unit has no
/// last member ("letzten Jahrhunderts" is relative, not the 4th century) rejects it.
pub(crate) const LAST_OF_UNIT: u32 = 0;

/// A calendar unit, as it appears in durations and relative expressions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

impl Unit {
    /// Parses the unit codes used in the data files (`D`, `W`, `M`, `Y`, `DE`, `CE`, `H`, `MIN`).
    pub fn from_code(code: &str) -> Option<Unit> {
        Some(match code {
            "MIN" => Unit::Minute,
            "H" => Unit::Hour,
            "D" => Unit::Day,
            "W" => Unit::Week,
            "M" => Unit::Month,
            "Q" => Unit::Quarter,
            "Y" => Unit::Year,
            "DE" => Unit::Decade,
            "CE" => Unit::Century,
            _ => return None,
        })
    }
}

/// A word list mapping forms to values, with its regex alternation.
#[derive(Debug, Clone)]
pub struct WordMap<V> {
    map: HashMap<String, V>,
    /// Forms written with a period after them (abbreviations), kept apart for `{…_ABBR}`.
    abbreviations: Vec<String>,
    forms: Vec<String>,
}

impl<V> Default for WordMap<V> {
    fn default() -> Self {
        WordMap {
            map: HashMap::default(),
            abbreviations: Vec::new(),
            forms: Vec::new(),
        }
    }
}

impl<V: Copy> WordMap<V> {
    /// The value of an exact form.
    pub fn get(&self, form: &str) -> Option<V> {
        self.map.get(form).copied()
    }

    /// Non-abbreviated forms.
    pub fn forms(&self) -> impl Iterator<Item = &str> {
        self.forms.iter().map(String::as_str)
    }

    /// Forms written with a period after them.
    pub fn abbreviations(&self) -> impl Iterator<Item = &str> {
        self.abbreviations.iter().map(String::as_str)
    }

    /// The regex alternation of the non-abbreviated forms, longest first.
    pub fn alternation(&self) -> String {
        alternation(&self.forms)
    }

    /// The regex alternation of the abbreviations, longest first.
    pub fn abbreviation_alternation(&self) -> String {
        alternation(&self.abbreviations)
    }
}

/// `(?:a|b|…)` of escaped forms, longest first so that `Tagen` is preferred over `Tag`.
fn alternation(forms: &[String]) -> String {
    let mut sorted: Vec<&String> = forms.iter().collect();
    sorted.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    let escaped: Vec<String> = sorted.iter().map(|f| regex::escape(f)).collect();
    format!("(?:{})", escaped.join("|"))
}

/// Loads a two-column `form<TAB>value` file (an optional third column `abbr` marks an
/// abbreviation), parsing values with `parse`.
fn load_map<V>(
    file: DataFile<'_>,
    what: &str,
    parse: impl Fn(&str) -> Option<V>,
) -> Result<WordMap<V>, ResourceError> {
    let mut out = WordMap {
        map: HashMap::default(),
        abbreviations: Vec::new(),
        forms: Vec::new(),
    };
    for row in file.rows(2) {
        let row = row?;
        let form = row.fields[0].trim();
        let value = row.fields[1].trim();
        if form.is_empty() {
            return Err(row.error(file.name, "empty form"));
        }
        let parsed = parse(value)
            .ok_or_else(|| row.error(file.name, format!("{value:?} is not a valid {what}")))?;
        if out.map.insert(form.to_string(), parsed).is_some() {
            return Err(row.error(file.name, format!("duplicate form {form:?}")));
        }
        match row.fields.get(2).map(|s| s.trim()) {
            None | Some("") => out.forms.push(form.to_string()),
            Some("abbr") => out.abbreviations.push(form.to_string()),
            Some(other) => {
                return Err(row.error(
                    file.name,
                    format!("third column must be `abbr` or empty, found {other:?}"),
                ))
            }
        }
    }
    if out.map.is_empty() {
        return Err(ResourceError::new(file.name, 0, "no entries"));
    }
    Ok(out)
}

/// Loads a one-form-per-line list.
fn load_list(file: DataFile<'_>) -> Result<Vec<String>, ResourceError> {
    let items: Vec<String> = file.items().map(|(_, item)| item.to_string()).collect();
    if items.is_empty() {
        return Err(ResourceError::new(file.name, 0, "no entries"));
    }
    Ok(items)
}

fn in_range(value: &str, low: i64, high: i64) -> Option<i64> {
    value
        .parse::<i64>()
        .ok()
        .filter(|v| (low..=high).contains(v))
}

/// A number or a vague quantity (`X` in TIMEX3 values).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Amount {
    Exact(f64),
    Vague,
}

fn parse_amount(value: &str) -> Option<Amount> {
    if value == "X" {
        Some(Amount::Vague)
    } else {
        value
            .parse::<f64>()
            .ok()
            .filter(|v| *v > 0.0)
            .map(Amount::Exact)
    }
}

/// Codes for seasons and parts of the day.
fn parse_code(allowed: &'static [&'static str]) -> impl Fn(&str) -> Option<&'static str> {
    move |value| allowed.iter().copied().find(|c| *c == value)
}

/// Every vocabulary of the date stage.
#[derive(Debug, Clone)]
pub struct Vocabulary {
    pub months: WordMap<u32>,
    pub weekdays: WordMap<u32>,
    pub numbers: WordMap<Amount>,
    pub ordinals: WordMap<u32>,
    pub units: WordMap<Unit>,
    pub seasons: WordMap<&'static str>,
    pub dayparts: WordMap<&'static str>,
    pub shifts: WordMap<i32>,
    pub reldays: WordMap<i32>,
    pub refs: WordMap<&'static str>,
    pub sets: WordMap<&'static str>,
    pub decades: WordMap<u32>,
    pub directions: WordMap<i32>,
    pub relwords: WordMap<(Unit, i32)>,
    pub vague: WordMap<&'static str>,
    pub unit_adjectives: WordMap<Unit>,
    /// Holidays on a fixed day: (month, day).
    pub holidays: WordMap<(u32, u32)>,
    pub parts: Vec<String>,
    /// Words before a year that make it a boundary or side remark ("bis 1881").
    pub side_remark_words: Vec<String>,
    pub modifiers: Vec<String>,
    /// Words besides the modifiers that news leave out of a duration's span ("ersten").
    pub left_out_in_news: Vec<String>,
    /// Lowercased words after a number that make it a quantity.
    pub count_nouns: LowerWords,
    /// Lowercased words before a number that make it a quantity.
    pub quantity_words: LowerWords,
    pub publication_phrases: Vec<String>,
    /// Lowercased words that make a sentence look ahead (for a bare weekday).
    pub future_cues: LowerWords,
    /// Lowercased words that open a telephone number on a line.
    pub phone_words: LowerWords,
}

/// A set of words compared case-insensitively (stored lower-case), with a quick test that
/// rules out most words of a text before any comparison: the lengths the words of the set
/// have, per first byte. The sets are small (a few dozen words): a word that passes is compared
/// byte by byte with the few words of its first byte, lower-casing ASCII on the way, which
/// costs less than lower-casing it into a buffer and hashing it.
///
/// # Example
/// ```
/// use meldung::dates::vocab::LowerWords;
/// let words = LowerWords::new(vec!["Mitarbeiter".to_string(), "Tonnen".to_string()]);
/// assert!(words.contains_lowercased("MITARBEITER"));
/// assert!(!words.contains_lowercased("Jahre"));
/// ```
#[derive(Debug, Clone)]
pub struct LowerWords {
    /// Per first byte, the words (lower-cased, without duplicates) that start with it.
    by_first: Box<[Vec<Box<[u8]>>]>,
    /// Whether the set holds the empty word.
    has_empty: bool,
    /// Per first byte, one bit per byte length of the words starting with it (63 for 63 and
    /// longer).
    lengths: Box<[u64; 256]>,
}

impl LowerWords {
    /// The set of `items`, lowercased.
    pub fn new(items: Vec<String>) -> LowerWords {
        let mut set = LowerWords {
            by_first: vec![Vec::new(); 256].into_boxed_slice(),
            has_empty: false,
            lengths: Box::new([0; 256]),
        };
        for item in items {
            let word = item.to_lowercase().into_bytes().into_boxed_slice();
            let Some(&first) = word.first() else {
                set.has_empty = true;
                continue;
            };
            set.lengths[usize::from(first)] |= 1 << word.len().min(63);
            let bucket = &mut set.by_first[usize::from(first)];
            if !bucket.contains(&word) {
                bucket.push(word);
            }
        }
        set
    }

    /// Whether some word of the set, lower-cased, starts with `first` (an ASCII byte,
    /// lower-cased here): a quick test for callers that look up many words, most of which
    /// start otherwise. A word whose first byte is in ASCII starts with that byte lower-cased
    /// once lower-cased itself.
    #[inline]
    pub fn may_hold_ascii_start(&self, first: u8) -> bool {
        debug_assert!(first.is_ascii());
        self.lengths[usize::from(first.to_ascii_lowercase())] != 0
    }

    /// Whether some word of the set, lower-cased, is `len` bytes long and starts with `first`
    /// (an ASCII byte, lower-cased here): the quick test of [`LowerWords::may_hold_ascii_start`]
    /// for an ASCII word of that length, which lower-casing keeps.
    #[inline]
    pub fn may_hold_ascii(&self, first: u8, len: usize) -> bool {
        debug_assert!(first.is_ascii());
        self.lengths[usize::from(first.to_ascii_lowercase())] >> len.min(63) & 1 != 0
    }

    /// Whether the set holds `word` in lower case.
    #[inline]
    pub fn contains_lowercased(&self, word: &str) -> bool {
        let bytes = word.as_bytes();
        if word.is_ascii() {
            // Lowercasing keeps the length and lowercases each byte of an ASCII word.
            let Some(&first) = bytes.first() else {
                return self.has_empty;
            };
            let first = first.to_ascii_lowercase();
            if self.lengths[usize::from(first)] >> bytes.len().min(63) & 1 == 0 {
                return false;
            }
            return self.by_first[usize::from(first)].iter().any(|form| {
                form.len() == bytes.len()
                    && form
                        .iter()
                        .zip(bytes)
                        .all(|(&f, &b)| f == b.to_ascii_lowercase())
            });
        }
        // Outside ASCII: lowercased char by char into a buffer on the stack, which is what
        // `to_lowercase` does for every character but a capital sigma (its final form depends
        // on the letters around it); that one, and long words, take the allocating way.
        let mut buffer = [0u8; 64];
        let mut len = 0;
        for c in word.chars() {
            if let Some(lower) = latin1_lowercase(c) {
                let Some(slot) = buffer.get_mut(len..len + lower.len_utf8()) else {
                    return self.contains(&word.to_lowercase());
                };
                lower.encode_utf8(slot);
                len += lower.len_utf8();
                continue;
            }
            if c == 'Σ' {
                return self.contains(&word.to_lowercase());
            }
            for lower in c.to_lowercase() {
                let Some(slot) = buffer.get_mut(len..len + lower.len_utf8()) else {
                    return self.contains(&word.to_lowercase());
                };
                lower.encode_utf8(slot);
                len += lower.len_utf8();
            }
        }
        let lower = &buffer[..len];
        if let Some(&first) = lower.first() {
            if self.lengths[usize::from(first)] >> len.min(63) & 1 == 0 {
                return false;
            }
        }
        self.holds(lower)
    }

    /// Whether the set holds `word` as it is.
    pub fn contains(&self, word: &str) -> bool {
        self.holds(word.as_bytes())
    }

    /// Whether the set holds these bytes as they are.
    fn holds(&self, word: &[u8]) -> bool {
        match word.first() {
            None => self.has_empty,
            Some(&first) => self.by_first[usize::from(first)]
                .iter()
                .any(|form| **form == *word),
        }
    }
}

/// The lower case of a character of Latin-1 (`Ä` → `ä`), as `char::to_lowercase` gives it,
/// without its table search; `None` for characters beyond Latin-1. German words outside ASCII
/// are mostly so (umlauts, `ß`).
#[inline]
fn latin1_lowercase(c: char) -> Option<char> {
    match c {
        'A'..='Z' => Some(c.to_ascii_lowercase()),
        // Upper-case letters of Latin-1 lie 0x20 below their lower case; `×` among them is none.
        '\u{c0}'..='\u{de}' if c != '×' => char::from_u32(c as u32 + 0x20),
        '\0'..='\u{ff}' => Some(c),
        _ => None,
    }
}

const SEASONS: &[&str] = &["SP", "SU", "FA", "WI"];
const DAYPARTS: &[&str] = &["MO", "MI", "AF", "EV", "NI"];
const REFS: &[&str] = &["PRESENT_REF", "PAST_REF", "FUTURE_REF"];
const SET_VALUES: &[&str] = &["P1D", "P1W", "P1M", "P1Y", "P6M", "P3M", "PT1H"];
const VAGUE_VALUES: &[&str] = &["PXD", "PXW", "PXM", "PXY", "PXDE", "PXH"];

impl Vocabulary {
    /// The vocabularies compiled into the binary.
    pub fn load_default() -> Result<Vocabulary, ResourceError> {
        let relwords_file = crate::data_file!("resources/dates/relwords.tsv");
        let mut relwords = WordMap::default();
        for row in relwords_file.rows(3) {
            let row = row?;
            let unit = Unit::from_code(row.fields[1].trim())
                .ok_or_else(|| row.error(relwords_file.name, "unknown unit code"))?;
            let shift = in_range(row.fields[2].trim(), -24, 24)
                .ok_or_else(|| row.error(relwords_file.name, "shift must be a small integer"))?;
            relwords
                .map
                .insert(row.fields[0].trim().to_string(), (unit, shift as i32));
            relwords.forms.push(row.fields[0].trim().to_string());
        }
        let lower_set = |items: Vec<String>| -> LowerWords { LowerWords::new(items) };
        Ok(Vocabulary {
            months: load_map(
                crate::data_file!("resources/dates/months.tsv"),
                "month (1-12)",
                |v| in_range(v, 1, 12).map(|m| m as u32),
            )?,
            weekdays: load_map(
                crate::data_file!("resources/dates/weekdays.tsv"),
                "weekday (0-6)",
                |v| in_range(v, 0, 6).map(|m| m as u32),
            )?,
            numbers: load_map(
                crate::data_file!("resources/dates/numbers.tsv"),
                "positive number or X",
                parse_amount,
            )?,
            ordinals: load_map(
                crate::data_file!("resources/dates/ordinals.tsv"),
                "ordinal (1-99) or `last`",
                |v| match v {
                    "last" => Some(LAST_OF_UNIT),
                    _ => in_range(v, 1, 99).map(|m| m as u32),
                },
            )?,
            units: load_map(
                crate::data_file!("resources/dates/units.tsv"),
                "unit code",
                Unit::from_code,
            )?,
            seasons: load_map(
                crate::data_file!("resources/dates/seasons.tsv"),
                "season code (SP SU FA WI)",
                parse_code(SEASONS),
            )?,
            dayparts: load_map(
                crate::data_file!("resources/dates/dayparts.tsv"),
                "part of day code (MO MI AF EV NI)",
                parse_code(DAYPARTS),
            )?,
            shifts: load_map(
                crate::data_file!("resources/dates/shifts.tsv"),
                "shift (-1, 0, 1)",
                |v| in_range(v, -1, 1).map(|s| s as i32),
            )?,
            reldays: load_map(
                crate::data_file!("resources/dates/reldays.tsv"),
                "day offset (-7..7)",
                |v| in_range(v, -7, 7).map(|s| s as i32),
            )?,
            refs: load_map(
                crate::data_file!("resources/dates/refs.tsv"),
                "reference (PRESENT_REF, PAST_REF, FUTURE_REF)",
                parse_code(REFS),
            )?,
            sets: load_map(
                crate::data_file!("resources/dates/sets.tsv"),
                "set value",
                parse_code(SET_VALUES),
            )?,
            decades: load_map(
                crate::data_file!("resources/dates/decades.tsv"),
                "decade digit (1-9)",
                |v| in_range(v, 1, 9).map(|s| s as u32),
            )?,
            directions: load_map(
                crate::data_file!("resources/dates/directions.tsv"),
                "direction (1 or -1)",
                |v| in_range(v, -1, 1).filter(|d| *d != 0).map(|s| s as i32),
            )?,
            relwords,
            vague: load_map(
                crate::data_file!("resources/dates/vague_durations.tsv"),
                "vague duration value",
                parse_code(VAGUE_VALUES),
            )?,
            unit_adjectives: load_map(
                crate::data_file!("resources/dates/unit_adjectives.tsv"),
                "unit code",
                Unit::from_code,
            )?,
            holidays: load_map(
                crate::data_file!("resources/dates/holidays.tsv"),
                "month-day (MM-DD)",
                |v| {
                    let (m, d) = v.split_once('-')?;
                    let (m, d) = (in_range(m, 1, 12)? as u32, in_range(d, 1, 31)? as u32);
                    (d <= crate::calendar::days_in_month(2000, m)).then_some((m, d))
                },
            )?,
            parts: load_list(crate::data_file!("resources/dates/parts.txt"))?,
            side_remark_words: load_list(crate::data_file!(
                "resources/dates/side_remark_words.txt"
            ))?,
            modifiers: load_list(crate::data_file!("resources/dates/modifiers.txt"))?,
            left_out_in_news: load_list(crate::data_file!("resources/dates/left_out_in_news.txt"))?,
            count_nouns: lower_set(load_list(crate::data_file!(
                "resources/dates/count_nouns.txt"
            ))?),
            quantity_words: lower_set(load_list(crate::data_file!(
                "resources/dates/quantity_words.txt"
            ))?),
            publication_phrases: load_list(crate::data_file!("resources/dates/publication.txt"))?,
            future_cues: lower_set(load_list(crate::data_file!(
                "resources/dates/future_cues.txt"
            ))?),
            phone_words: lower_set(load_list(crate::data_file!(
                "resources/dates/phone_words.txt"
            ))?),
        })
    }

    /// The regex text a macro name expands to, or `None` for an unknown macro.
    pub fn expand(&self, name: &str) -> Option<String> {
        Some(match name {
            "S" => r"[^\S\n]+".to_string(),
            "S0" => r"[^\S\n]*".to_string(),
            "DAY" => "(?:0?[1-9]|[12][0-9]|3[01])".to_string(),
            "MON2" => "(?:0?[1-9]|1[0-2])".to_string(),
            "YEAR" => "(?:1[0-9]{3}|20[0-9]{2})".to_string(),
            "MONTH" => self.months.alternation(),
            "MONTH_ABBR" => self.months.abbreviation_alternation(),
            "WEEKDAY" => self.weekdays.alternation(),
            "WEEKDAY_ABBR" => self.weekdays.abbreviation_alternation(),
            "NUMWORD" => self.numbers.alternation(),
            "ORDWORD" => self.ordinals.alternation(),
            "UNIT" => self.units.alternation(),
            "SEASON" => self.seasons.alternation(),
            "DAYPART" => self.dayparts.alternation(),
            "SHIFT" => self.shifts.alternation(),
            "RELDAY" => self.reldays.alternation(),
            "REF" => self.refs.alternation(),
            "SET" => self.sets.alternation(),
            "DECADE" => self.decades.alternation(),
            "DIR" => self.directions.alternation(),
            "RELWORD" => self.relwords.alternation(),
            "VAGUE" => self.vague.alternation(),
            "UNITADJ" => self.unit_adjectives.alternation(),
            "HOLIDAY" => self.holidays.alternation(),
            "PART" => alternation(&self.parts),
            "MOD" => alternation(&self.modifiers),
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin1_characters_lowercase_as_to_lowercase_does() {
        for c in '\0'..='\u{2ff}' {
            let mut lower = c.to_lowercase();
            let expected = (lower.len() == 1).then(|| lower.next()).flatten();
            match latin1_lowercase(c) {
                Some(got) => assert_eq!(Some(got), expected, "{c:?}"),
                None => assert!(c as u32 > 0xff, "{c:?}"),
            }
        }
    }

    #[test]
    fn contains_lowercased_agrees_with_lowercasing_the_word() {
        let items = [
            "übermorgen",
            "märz",
            "straße",
            "–",
            "i\u{307}stanbul",
            "kelvin",
            "σοφία",
            "οδός",
            "a-very-long-word-that-does-not-fit-the-ascii-buffer-at-all",
            "ein-sehr-langes-wört-das-in-keinen-kleinen-puffer-auf-dem-stapel-passt",
        ];
        let words = LowerWords::new(items.iter().map(|w| w.to_string()).collect());
        for word in [
            "Übermorgen",
            "ÜBERMORGEN",
            "MÄRZ",
            "März",
            "Marz",
            "STRASSE",
            "Straße",
            "–",
            "—",
            "İstanbul",
            "\u{212a}elvin",
            "ΣΟΦΊΑ",
            "ΟΔΌΣ",
            "Οδός",
            "A-VERY-LONG-WORD-THAT-DOES-NOT-FIT-THE-ASCII-BUFFER-AT-ALL",
            "Ein-sehr-langes-Wört-das-in-keinen-kleinen-Puffer-auf-dem-Stapel-passt",
            "Ein-sehr-langes-Wört",
            "Jahre",
        ] {
            assert_eq!(
                words.contains_lowercased(word),
                items.contains(&word.to_lowercase().as_str()),
                "{word}"
            );
        }
    }
}
