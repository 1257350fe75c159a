//! The rule files under `resources/dates/rules/` and the first pass: finding candidate
//! expressions in a text.
//!
//! For speed the rules do not run over the whole text: an Aho-Corasick automaton of trigger
//! words (every vocabulary form) and a scan for digits mark small windows. In each window a
//! second automaton finds the pieces of text the rules need ([`super::gate`]: digits,
//! vocabulary words, literal words of the patterns), and only the rules whose requirements
//! hold there run.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use regex::{Regex, RegexSet};

use super::gate::{self, Atoms as AtomSet, Cnf};
use super::partial::Partial;
use super::vocab::Vocabulary;
use crate::record::DateType;
use crate::resources::{DataFile, ResourceError};

/// The rule files, one per family.
pub fn default_rule_files() -> Vec<DataFile<'static>> {
    vec![
        crate::data_file!("resources/dates/rules/absolute.tsv"),
        crate::data_file!("resources/dates/rules/relative.tsv"),
        crate::data_file!("resources/dates/rules/duration.tsv"),
        crate::data_file!("resources/dates/rules/time.tsv"),
    ]
}

/// One rule with its example.
#[derive(Debug, Clone)]
pub struct Rule {
    pub name: String,
    /// `file:line` of the rule.
    pub origin: String,
    pub date_type: DateType,
    pub regex: Regex,
    /// Settings from the `fields` column, applied before the groups.
    pub fields: Vec<String>,
    /// The example sentence (with an optional `@anchor ` prefix) and the expected `span=value`.
    pub example: String,
    pub expected: String,
    /// Capture group names with their index, `t` excluded.
    groups: Vec<(usize, String)>,
    span_group: Option<usize>,
    /// What the text must contain for the rule to match ([`gate`]).
    requirement: Cnf,
    /// Whether a match can state a full date (day, month and year).
    full_date: bool,
}

/// A candidate expression found by a rule (byte range into the text).
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub start: usize,
    pub end: usize,
    pub rule: usize,
    pub date_type: DateType,
    pub partial: Partial,
}

/// Every rule, compiled, with the trigger automaton.
#[derive(Debug, Clone)]
pub struct RuleSet {
    pub rules: Vec<Rule>,
    triggers: AhoCorasick,
    /// Per trigger pattern: whether it may end a word without starting one (`-jährigen`).
    suffix_trigger: Vec<bool>,
    /// The pieces of text rules require, found anywhere in a window (overlapping).
    gate: AhoCorasick,
    /// Per gate pattern: its atoms.
    gate_atoms: Vec<AtomSet>,
    /// The rules that need nothing but digits (the most common windows), as one set, so that
    /// one search tells which of them match; with their rule indices.
    digit_rules: RegexSet,
    digit_rule_index: Vec<usize>,
    /// Whether every rule that can find a full date needs a digit.
    full_dates_need_digits: bool,
}

/// Atoms and the strings that carry them, built while the rules are read.
struct Atoms<'v> {
    vocab: &'v Vocabulary,
    /// Atom bits of the vocabulary macros, by name.
    macros: HashMap<String, Option<AtomSet>>,
    /// Gate strings with their atoms.
    strings: HashMap<String, AtomSet>,
    next_bit: u32,
    /// Literal runs seen, with the bit each got.
    literals: HashMap<String, AtomSet>,
}

/// Bits for vocabulary macros are handed out from 1 up; literal runs get the bits from
/// `FIRST_LITERAL_BIT` on in turn, sharing them once there are more runs than bits.
const FIRST_LITERAL_BIT: u32 = 32;

impl Atoms<'_> {
    fn macro_atom(&mut self, name: &str) -> Result<Option<AtomSet>, String> {
        if let Some(atom) = self.macros.get(name) {
            return Ok(*atom);
        }
        let atom = match self.vocab.macro_forms(name) {
            Some(forms) if !forms.is_empty() && forms.iter().all(|f| !f.is_empty()) => {
                if self.next_bit >= FIRST_LITERAL_BIT {
                    return Err("too many vocabulary macros for the rule gate".to_string());
                }
                let bit: AtomSet = 1 << self.next_bit;
                self.next_bit += 1;
                for form in forms {
                    *self.strings.entry(form.to_string()).or_insert(0) |= bit;
                }
                Some(bit)
            }
            Some(_) => None,
            // A fixed piece such as `{DAY}` or `{S}`: what its own pattern requires.
            None => {
                let expansion = self
                    .vocab
                    .expand(name)
                    .ok_or(format!("unknown macro {{{name}}}"))?;
                let cnf = gate::requirements(&expansion, &|_| None, |_| 0).unwrap_or_default();
                match cnf.as_slice() {
                    [] => None,
                    [first, ..] => Some(*first),
                }
            }
        };
        self.macros.insert(name.to_string(), atom);
        Ok(atom)
    }

    fn literal_atom(&mut self, run: &str) -> AtomSet {
        let next = self.literals.len() as u32;
        let bit = *self.literals.entry(run.to_string()).or_insert_with(|| {
            1 << (FIRST_LITERAL_BIT + next % (AtomSet::BITS - FIRST_LITERAL_BIT))
        });
        *self.strings.entry(run.to_string()).or_insert(0) |= bit;
        bit
    }

    /// The requirement of a pattern as written.
    fn requirement(&mut self, pattern: &str) -> Result<Cnf, String> {
        // Macro atoms first, so the parser can look them up without borrowing `self`.
        let mut rest = pattern;
        while let Some(open) = rest.find('{') {
            let after = &rest[open + 1..];
            let close = after.find('}').ok_or("unclosed `{`")?;
            let name = &after[..close];
            if name.starts_with(|c: char| c.is_ascii_uppercase()) {
                self.macro_atom(name)?;
            }
            rest = &after[close + 1..];
        }
        let macros = self.macros.clone();
        let lookup = move |name: &str| macros.get(name).copied().flatten();
        // Syntax the analysis does not follow: the rule always runs.
        Ok(gate::requirements(pattern, &lookup, |run| self.literal_atom(run)).unwrap_or_default())
    }
}

fn parse_type(text: &str) -> Option<DateType> {
    Some(match text {
        "DATE" => DateType::Date,
        "TIME" => DateType::Time,
        "DURATION" => DateType::Duration,
        "SET" => DateType::Set,
        _ => return None,
    })
}

/// Expands `{MACRO}`s in a pattern.
fn expand(pattern: &str, vocab: &Vocabulary) -> Result<String, String> {
    let mut out = String::with_capacity(pattern.len() * 4);
    let mut rest = pattern;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after.find('}').ok_or("unclosed `{`")?;
        let name = &after[..close];
        if name.starts_with(|c: char| c.is_ascii_uppercase())
            && name
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
        {
            out.push_str(
                &vocab
                    .expand(name)
                    .ok_or(format!("unknown macro {{{name}}}"))?,
            );
        } else {
            // A regex repetition such as `{1,3}`.
            out.push('{');
            out.push_str(name);
            out.push('}');
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

impl RuleSet {
    /// Loads and compiles the rule files.
    pub fn load(files: &[DataFile<'_>], vocab: &Vocabulary) -> Result<RuleSet, ResourceError> {
        let mut rules = Vec::new();
        let mut atoms = Atoms {
            vocab,
            macros: HashMap::new(),
            strings: HashMap::new(),
            next_bit: 1,
            literals: HashMap::new(),
        };
        for file in files {
            for row in file.rows(6) {
                let row = row?;
                let f = &row.fields;
                let date_type = parse_type(f[1].trim())
                    .ok_or_else(|| row.error(file.name, format!("unknown type {:?}", f[1])))?;
                let pattern = expand(f[2], vocab).map_err(|e| row.error(file.name, e))?;
                let regex = Regex::new(&pattern)
                    .map_err(|e| row.error(file.name, format!("bad pattern: {e}")))?;
                let fields: Vec<String> = match f[3].trim() {
                    "-" | "" => Vec::new(),
                    list => list.split_whitespace().map(str::to_string).collect(),
                };
                let mut probe = Partial::default();
                for field in &fields {
                    probe
                        .set_field(field)
                        .map_err(|e| row.error(file.name, e))?;
                }
                let mut groups = Vec::new();
                let mut span_group = None;
                for (index, name) in regex.capture_names().enumerate() {
                    match name {
                        Some("t") => span_group = Some(index),
                        Some(name) => {
                            let base = name.split('_').next().unwrap_or(name);
                            if !KNOWN_GROUPS.contains(&base) {
                                return Err(
                                    row.error(file.name, format!("unknown group name {name:?}"))
                                );
                            }
                            groups.push((index, name.to_string()));
                        }
                        None => {}
                    }
                }
                let requirement = atoms
                    .requirement(f[2])
                    .map_err(|e| row.error(file.name, e))?;
                let expected = f[5].trim();
                if !expected.contains('=') {
                    return Err(row.error(file.name, "expected must be `span=value`"));
                }
                rules.push(Rule {
                    name: f[0].trim().to_string(),
                    origin: format!("{}:{}", file.name, row.line),
                    date_type,
                    regex,
                    fields,
                    example: f[4].trim().to_string(),
                    expected: expected.to_string(),
                    full_date: date_type == DateType::Date && {
                        let has = |part: &str| {
                            groups
                                .iter()
                                .any(|(_, name)| name.split('_').next() == Some(part))
                        };
                        has("year") && (has("day") && has("month") || has("holiday"))
                    },
                    groups,
                    span_group,
                    requirement,
                });
            }
        }
        if rules.is_empty() {
            return Err(ResourceError::new("resources/dates/rules", 0, "no rules"));
        }
        let mut gate_strings: Vec<(String, AtomSet)> = atoms.strings.into_iter().collect();
        gate_strings.sort();
        let gate_atoms = gate_strings.iter().map(|(_, atom)| *atom).collect();
        let gate = AhoCorasickBuilder::new()
            .kind(Some(AhoCorasickKind::DFA))
            .build(gate_strings.iter().map(|(s, _)| s))
            .map_err(|e| ResourceError::new("resources/dates/rules", 0, e.to_string()))?;
        let mut words = vocab.trigger_words();
        let adjective_forms: Vec<String> =
            vocab.unit_adjectives.forms().map(str::to_string).collect();
        let mut suffix_trigger = vec![false; words.len()];
        for form in adjective_forms {
            words.push(form);
            suffix_trigger.push(true);
        }
        let triggers = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&words)
            .map_err(|e| ResourceError::new("resources/dates", 0, e.to_string()))?;
        let digit_rule_index: Vec<usize> = (0..rules.len())
            .filter(|&i| {
                let r = &rules[i].requirement;
                !r.is_empty() && r.iter().all(|&clause| clause == gate::DIGIT)
            })
            .collect();
        let digit_rules = RegexSet::new(digit_rule_index.iter().map(|&i| rules[i].regex.as_str()))
            .map_err(|e| ResourceError::new("resources/dates/rules", 0, e.to_string()))?;
        let full_dates_need_digits = rules
            .iter()
            .filter(|r| r.full_date)
            .all(|r| r.requirement.contains(&gate::DIGIT));
        Ok(RuleSet {
            full_dates_need_digits,
            digit_rules,
            digit_rule_index,
            rules,
            triggers,
            suffix_trigger,
            gate,
            gate_atoms,
        })
    }

    /// Every candidate in `text`, possibly overlapping, in no particular order.
    pub fn candidates(&self, text: &str, vocab: &Vocabulary) -> Vec<Candidate> {
        self.candidates_where(text, vocab, false)
    }

    /// Like [`RuleSet::candidates`], but only in the stretches of text where a rule finds a
    /// full date (day, month and year): every candidate that may overlap a full date, which is
    /// all the publication date needs.
    pub fn candidates_near_full_dates(&self, text: &str, vocab: &Vocabulary) -> Vec<Candidate> {
        if self.full_dates_need_digits && !text.bytes().any(|b| b.is_ascii_digit()) {
            return Vec::new();
        }
        self.candidates_where(text, vocab, true)
    }

    fn candidates_where(&self, text: &str, vocab: &Vocabulary, full_dates: bool) -> Vec<Candidate> {
        let mut out = Vec::new();
        let mut line = LineState::default();
        for (start, end, digits) in self.windows(text) {
            let window = &text[start..end];
            line.advance(text, start);
            let present = self.atoms_in(window) | if digits { gate::DIGIT } else { 0 };
            if full_dates && !digits && self.full_dates_need_digits {
                continue;
            }
            if full_dates
                && !self.rules.iter().any(|rule| {
                    rule.full_date
                        && gate::satisfied(&rule.requirement, present)
                        && rule.regex.is_match(window)
                })
            {
                continue;
            }
            let digit_matches = digits.then(|| self.digit_rules.matches(window));
            let mut digit_rule = 0;
            for (index, rule) in self.rules.iter().enumerate() {
                if self.digit_rule_index.get(digit_rule) == Some(&index) {
                    if digit_matches
                        .as_ref()
                        .is_some_and(|m| m.matched(digit_rule))
                    {
                        self.run_rule(index, text, &line, window, vocab, &mut out);
                    }
                    digit_rule += 1;
                } else if gate::satisfied(&rule.requirement, present) {
                    // No `is_match` first: where the rule does not match, finding no captures
                    // costs the same one scan.
                    self.run_rule(index, text, &line, window, vocab, &mut out);
                }
            }
        }
        out
    }

    /// Runs rule `index` over `window`, which starts where `line` stands in `text`.
    fn run_rule(
        &self,
        index: usize,
        text: &str,
        line: &LineState,
        window: &str,
        vocab: &Vocabulary,
        out: &mut Vec<Candidate>,
    ) {
        let rule = &self.rules[index];
        let offset = line.at;
        for caps in rule.regex.captures_iter(window) {
            let whole = caps.get(0).expect("group 0 always matches");
            if whole.is_empty()
                || !word_boundary_before(text, offset + whole.start())
                || !word_boundary_after(text, offset + whole.end())
            {
                continue;
            }
            let span = rule.span_group.and_then(|g| caps.get(g)).unwrap_or(whole);
            let (start, end) = (offset + span.start(), offset + span.end());
            if !number_boundaries_ok(text, start, end) {
                continue;
            }
            let mut partial = Partial::default();
            for field in &rule.fields {
                // Validated at load.
                let _ = partial.set_field(field);
            }
            let mut bc = false;
            for (group, name) in &rule.groups {
                if let Some(m) = caps.get(*group) {
                    if name == "bc" {
                        bc = true;
                    } else {
                        partial.set_group(name, m.as_str(), vocab);
                    }
                }
            }
            if bc {
                partial.before_christ();
            }
            if partial.invalid || !plausible(&partial) {
                continue;
            }
            if partial.bare_year {
                if is_quantity(text, start, end, vocab) {
                    continue;
                }
                partial.noun_follows = text[end..]
                    .trim_start_matches([' ', '\u{a0}'])
                    .starts_with(char::is_uppercase);
            }
            let mut here = *line;
            here.advance(text, start);
            partial.side_remark = is_side_remark(text, &here, &partial, vocab);
            out.push(Candidate {
                start,
                end,
                rule: index,
                date_type: rule.date_type,
                partial,
            });
        }
    }

    /// The atoms of the pieces of text the rules require that occur in `window`, digits aside.
    fn atoms_in(&self, window: &str) -> AtomSet {
        let mut present = 0;
        for m in self.gate.find_overlapping_iter(window) {
            present |= self.gate_atoms[m.pattern().as_usize()];
        }
        present
    }

    /// The requirement of each rule, in rule order (for tests and diagnostics).
    pub fn requirements(&self) -> impl Iterator<Item = &[AtomSet]> {
        self.rules.iter().map(|r| r.requirement.as_slice())
    }

    /// Byte ranges of the text worth running the rules on: around digits and trigger words,
    /// merged, clipped to lines and widened to white space; with whether they hold a digit.
    fn windows(&self, text: &str) -> Vec<(usize, usize, bool)> {
        const BEFORE: usize = 28;
        const AFTER: usize = 20;
        let bytes = text.as_bytes();
        let mut hits: Vec<(usize, usize, bool)> = Vec::new();
        // Digits.
        let mut i = 0;
        while i < bytes.len() {
            if i + 8 <= bytes.len() {
                // Eight bytes at a time while none is a digit.
                let chunk: [u8; 8] = bytes[i..i + 8].try_into().expect("eight bytes");
                if !has_ascii_digit(u64::from_le_bytes(chunk)) {
                    i += 8;
                    continue;
                }
            }
            if bytes[i].is_ascii_digit() {
                let start = i;
                while i < bytes.len() && bytes[i].is_ascii_digit() {
                    i += 1;
                }
                hits.push((start, i, true));
            } else {
                i += 1;
            }
        }
        for m in self.triggers.find_iter(text) {
            let suffix = self.suffix_trigger[m.pattern().as_usize()];
            if (suffix || !is_word_char_before(text, m.start()))
                && !is_word_char_after(text, m.end())
            {
                hits.push((m.start(), m.end(), false));
            }
        }
        if hits.is_empty() {
            return Vec::new();
        }
        hits.sort_unstable();
        let mut windows: Vec<(usize, usize, bool)> = Vec::new();
        for (s, e, digit) in hits {
            let ws = line_start_within(text, s, BEFORE);
            let we = line_end_within(text, e, AFTER);
            match windows.last_mut() {
                Some(last) if ws <= last.1 => {
                    last.1 = last.1.max(we);
                    last.2 |= digit;
                }
                _ => windows.push((ws, we, digit)),
            }
        }
        windows
    }
}

/// Whether any of the eight bytes of `x` is an ASCII digit (`hasbetween` of the Bit Twiddling
/// Hacks, for bytes strictly between 0x2F and 0x3A; bytes of 0x80 and above never count).
#[inline]
fn has_ascii_digit(x: u64) -> bool {
    const ONES: u64 = u64::MAX / 255;
    let low7 = x & (ONES * 127);
    (ONES * (127 + 0x3A) - low7) & !x & (low7 + ONES * (127 - 0x2F)) & (ONES * 128) != 0
}

const KNOWN_GROUPS: &[&str] = &[
    "t", "mod", "part", "year", "bc", "month", "day", "weekday", "hour", "minute", "season",
    "quarter", "half", "century", "decade", "daypart", "num", "unit", "unitadj", "shift", "relday",
    "relword", "dir", "ref", "set", "vague", "holiday",
];

/// Moves back from `at` by up to `max` bytes, not past a line break, to a white-space boundary.
fn line_start_within(text: &str, at: usize, max: usize) -> usize {
    let bytes = text.as_bytes();
    let floor = at.saturating_sub(max);
    let mut i = at;
    while i > floor && bytes[i - 1] != b'\n' {
        i -= 1;
    }
    if i > 0 && bytes[i - 1] != b'\n' {
        // Stopped by the byte limit: go on to the next white space so no word is cut.
        while i < at && !bytes[i].is_ascii_whitespace() {
            i += 1;
        }
    }
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Moves forward from `at` by up to `max` bytes, not past a line break, to a white-space
/// boundary.
fn line_end_within(text: &str, at: usize, max: usize) -> usize {
    let bytes = text.as_bytes();
    let ceiling = (at + max).min(bytes.len());
    let mut i = at;
    while i < ceiling && bytes[i] != b'\n' {
        i += 1;
    }
    if i < bytes.len() && bytes[i] != b'\n' {
        while i > at && !bytes[i - 1].is_ascii_whitespace() {
            i -= 1;
        }
        if i == at {
            i = ceiling;
        }
    }
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i.max(at)
}

fn is_word_char_before(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
}

fn is_word_char_after(text: &str, at: usize) -> bool {
    text[at..].chars().next().is_some_and(char::is_alphanumeric)
}

fn word_boundary_before(text: &str, at: usize) -> bool {
    let starts_word = text[at..].chars().next().is_some_and(char::is_alphanumeric);
    !starts_word || !is_word_char_before(text, at)
}

fn word_boundary_after(text: &str, at: usize) -> bool {
    let ends_word = text[..at]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric);
    !ends_word || !is_word_char_after(text, at)
}

/// A span that starts or ends with a digit must not continue a longer number
/// (`0351 7965602`, `1.000`, `Grafik135.png`, `50,5`, `12:30`).
fn number_boundaries_ok(text: &str, start: usize, end: usize) -> bool {
    let span = &text[start..end];
    let mut before = text[..start].chars().rev();
    if span.starts_with(|c: char| c.is_ascii_digit()) {
        match before.next() {
            Some(c) if c.is_alphanumeric() || c == '_' => return false,
            Some('.' | ',' | ':' | '/') if before.next().is_some_and(|c| c.is_ascii_digit()) => {
                return false;
            }
            _ => {}
        }
    }
    let mut after = text[end..].chars();
    if span.ends_with(|c: char| c.is_ascii_digit() || c == '.') {
        match after.next() {
            Some(c) if c.is_ascii_digit() => return false,
            Some(c) if c.is_alphabetic() && !span.ends_with('.') => return false,
            Some('.' | ',' | ':' | '/')
                if !span.ends_with('.') && after.next().is_some_and(|c| c.is_ascii_digit()) =>
            {
                return false;
            }
            Some('%' | '€' | '$' | '²' | '³') => return false,
            _ => {}
        }
    }
    true
}

/// Where a forward scan of the text stands: the start of the current line and whether a
/// parenthesis opened on it is still open. Advancing it over the text once replaces searching
/// back from every candidate to the start of its line.
#[derive(Debug, Clone, Copy, Default)]
struct LineState {
    at: usize,
    line_start: usize,
    open_paren: bool,
}

impl LineState {
    /// Moves the scan forward to `to` (a position at or after the current one).
    fn advance(&mut self, text: &str, to: usize) {
        let skipped = &text.as_bytes()[self.at..to];
        let newline = memchr::memrchr(b'\n', skipped);
        if let Some(newline) = newline {
            self.line_start = self.at + newline + 1;
            self.open_paren = false;
        }
        let rest = &skipped[newline.map_or(0, |n| n + 1)..];
        // The last parenthesis on the line decides.
        if let Some(paren) = memchr::memrchr2(b'(', b')', rest) {
            self.open_paren = rest[paren] == b'(';
        }
        self.at = to;
    }
}

/// A date in parentheses, or a year after a boundary word ("bis 1881", "ab 1929"); `here`
/// stands at the start of the date.
fn is_side_remark(text: &str, here: &LineState, p: &Partial, vocab: &Vocabulary) -> bool {
    if here.open_paren {
        return true;
    }
    let before = &text[here.line_start..here.at];
    if p.month.is_some() || p.season.is_some() || p.quarter.is_some() || p.half.is_some() {
        return false;
    }
    let previous = before.split_whitespace().next_back().unwrap_or("");
    vocab.side_remark_words.iter().any(|w| w == previous)
}

/// Drops dates that cannot exist (31.02., hour 25).
fn plausible(p: &Partial) -> bool {
    if let (Some(month), Some(day)) = (p.month, p.day) {
        let year = p.year.unwrap_or(2000);
        if day == 0 || day > crate::calendar::days_in_month(year, month) {
            return false;
        }
    }
    if p.day == Some(0) || p.month == Some(0) {
        return false;
    }
    if let Some(hour) = p.hour {
        if hour > 24 || (hour == 24 && p.minute.unwrap_or(0) != 0) {
            return false;
        }
    }
    true
}

/// Whether a bare four-digit number is a quantity: a count noun after it or a quantity word
/// before it ("rund 2000 Mitarbeiter").
fn is_quantity(text: &str, start: usize, end: usize, vocab: &Vocabulary) -> bool {
    let next = text[end..]
        .trim_start()
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ')' | '('))
        .next()
        .unwrap_or("");
    let next = next.trim_end_matches(['.', ':', '!', '?']).to_lowercase();
    if !next.is_empty() && vocab.count_nouns.contains(&next) {
        return true;
    }
    let prev = text[..start]
        .trim_end()
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("")
        .to_lowercase();
    if vocab.quantity_words.contains(&prev) {
        return true;
    }
    // "mehr als 2000", "bis zu 2000".
    let before = text[..start].trim_end();
    let tail: String = before
        .chars()
        .rev()
        .take(12)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect::<String>()
        .to_lowercase();
    tail.ends_with(" als") || tail.ends_with("bis zu")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule_set() -> (RuleSet, Vocabulary) {
        let vocab = Vocabulary::load_default().expect("vocabularies load");
        let rules = RuleSet::load(&default_rule_files(), &vocab).expect("rules load");
        (rules, vocab)
    }

    /// Every rule in every window, without the gate.
    fn ungated(rules: &RuleSet, text: &str, vocab: &Vocabulary) -> Vec<Candidate> {
        let mut out = Vec::new();
        let mut line = LineState::default();
        for (start, end, _) in rules.windows(text) {
            line.advance(text, start);
            for index in 0..rules.rules.len() {
                rules.run_rule(index, text, &line, &text[start..end], vocab, &mut out);
            }
        }
        out
    }

    #[test]
    fn eight_byte_digit_test_agrees_with_the_byte_test() {
        let mut samples: Vec<[u8; 8]> =
            vec![*b"abcdefgh", *b"abc5efgh", *b"/:/:/:/:", *b"0///////"];
        samples.push(*b"\xff\x80\xb0\xb9\x39\x2f\x3a\x00");
        for b in 0..=255u8 {
            for at in [0, 3, 7] {
                let mut chunk = *b"xxxxxxxx";
                chunk[at] = b;
                samples.push(chunk);
                let mut chunk = [b; 8];
                chunk[at] = b'a';
                samples.push(chunk);
            }
        }
        for chunk in samples {
            let expected = chunk.iter().any(u8::is_ascii_digit);
            assert_eq!(
                has_ascii_digit(u64::from_le_bytes(chunk)),
                expected,
                "{chunk:?}"
            );
        }
    }

    #[test]
    fn the_gate_skips_only_rules_that_cannot_match() {
        let (rules, vocab) = rule_set();
        let texts = [
            "Am Dienstag, 21. November 2017, unterzeichneten beide Seiten in Hannover.",
            "Die Messe läuft vom 12.–14. Juni 2019; Anmeldung bis zum 5.01. um 14:30 Uhr.",
            "Im ersten Quartal 2018 und im 2. Halbjahr 2019 stieg der Umsatz um 4,5 Prozent.",
            "Seit Jahren, genauer seit mehr als drei Jahrzehnten, wächst die Firma jährlich.",
            "Die Stadt wurde 753 v. Chr. gegründet und 79 n. Chr. im Jahr 79 zerstört.",
            "In den 1990er Jahren und den zwanziger Jahren des 20. Jahrhunderts baute man.",
            "Am Morgen des 26. Dezember 1776 griff er an; zwei Tage später folgte der Rückzug.",
            "Nach der dreijährigen Pilotphase soll Anfang nächsten Jahres gebaut werden.",
            "Gestern Abend, am Tag der Deutschen Einheit, und jeden Monat im Frühjahr 2020.",
            "Q3 2020, 2012-09-25, 25.09.2012, Mitte des Jahres, im vergangenen Jahr, bald.",
            "In der Nacht vom 16. auf den 17. Juni 1916 und am selben Tag gegen 8 Uhr.",
            "Rund 2000 Mitarbeiter (seit 1975) arbeiten ein halbes Jahr pro Woche.",
        ];
        for text in texts {
            let gated = rules.candidates(text, &vocab);
            let all = ungated(&rules, text, &vocab);
            assert!(!gated.is_empty(), "{text}");
            assert_eq!(gated, all, "{text}");
        }
    }

    #[test]
    fn full_dates_survive_selection_alike_near_full_dates_only() {
        let (rules, vocab) = rule_set();
        let full = |candidates: Vec<Candidate>| -> Vec<Candidate> {
            let mut chosen = crate::dates::resolve::select(candidates);
            chosen.retain(|c| c.date_type == DateType::Date && c.partial.is_full_date());
            chosen
        };
        let texts = [
            "Hannover, 22.11.2017 (PresseBox) - Die Messe beginnt am Dienstag.",
            "Dresden, 28. März 2014 – Seit Jahren wächst die Firma um 14 Uhr.",
            "Am Morgen des 26. Dezember 1776 griff er an, im Jahr 1777 nicht.",
            "Veröffentlicht am 13.07.2006 um 10:15 Uhr, Stand: Heiligabend 2006.",
            "Die Zahl stieg im Vorjahr; rund 2000 Mitarbeiter kamen 1998 dazu.",
        ];
        let mut found = 0;
        for text in texts {
            let near = full(rules.candidates_near_full_dates(text, &vocab));
            found += near.len();
            assert_eq!(near, full(rules.candidates(text, &vocab)), "{text}");
        }
        assert_eq!(found, 4);
    }
}
