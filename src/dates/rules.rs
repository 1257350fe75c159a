//! The rule files under `resources/dates/rules/` and the first pass: finding candidate
//! expressions in a text.
//!
//! For speed the rules do not each scan the text. Every rule pattern is compiled once more
//! into one multi-pattern DFA, built whole at load and searched anchored ([`Starts`]). One
//! pass over the text ([`WordStarts`], 64 bytes at a time) stops where a word or number
//! starts; a table of the first two bytes any rule can match, holding the DFA's state after
//! them (read off the DFA at load), throws most of them out at once, and from the rest the walk
//! of the DFA goes on, a few bytes long, and tells which rules match there and how far the
//! longest match reaches. Only those rules run, anchored at that position and over that
//! stretch, for their captures (patterns may not look beyond their match: no `^`, `$`, `\b`).
//! A text without any temporal cue costs the pass and nothing else. As in a rule-by-rule
//! search, a match of a rule hides later matches of the same rule that start inside it, and no
//! match crosses a line break.

use regex::Regex;
use regex_automata::dfa::{dense, Automaton, StartKind};
use regex_automata::nfa::thompson::{self, WhichCaptures};
use regex_automata::util::primitives::StateID;
use regex_automata::util::start;
use regex_automata::{meta, Anchored, Input, MatchKind, PatternID, Span};

use super::partial::{Part, Partial};
use super::readers::{Frame, Reader};
use super::scan::WordStarts;
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
    /// The same pattern for anchored searches where the rule is known to match: no DFA (the
    /// multi-pattern DFA has found the match already), only the capture engines.
    anchored: meta::Regex,
    /// Settings from the `fields` column, applied before the groups.
    pub fields: Vec<String>,
    /// The example sentence (with an optional `@anchor ` prefix) and the expected `span=value`.
    pub example: String,
    pub expected: String,
    /// Capture groups with their index and what they fill, `t` excluded.
    groups: Vec<(usize, Part)>,
    /// A partial with the settings of `fields` applied.
    template: Partial,
    span_group: Option<usize>,
    /// A hand-built reader of the same pattern, used instead of `anchored` where there is one
    /// (the commonest rules whose pattern is not one-pass; see [`super::readers`]).
    reader: Option<Reader>,
    /// The number of capture slots of `anchored`, read once at load (asking the regex for it
    /// goes through its strategy object at every match).
    slot_len: usize,
}

/// A candidate expression found by a rule (byte range into the text).
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub start: usize,
    pub end: usize,
    pub rule: usize,
    pub date_type: DateType,
    pub partial: Partial,
    /// Whether the checks on the text around the match have run ([`RuleSet::confirm`]):
    /// whether a bare year is a quantity or part of a telephone number (then there is no
    /// candidate), and the parts they set (`side_remark`, `noun_follows`). They run only for
    /// a candidate that is free to be chosen ([`super::resolve::select`]): many overlap a
    /// longer one and are dropped unread.
    pub confirmed: bool,
}

/// Every rule, compiled, with the automaton that tells which rules match where.
#[derive(Debug)]
pub struct RuleSet {
    pub rules: Vec<Rule>,
    starts: Starts,
}

/// A set of rules, one bit per rule index.
type RuleBits = u128;

/// Most capture slots of a rule (two per group, the whole match included).
const MAX_SLOTS: usize = 64;

/// Most rules [`RuleBits`] can hold.
const MAX_RULES: usize = RuleBits::BITS as usize;

/// Every rule pattern in one DFA, built whole at load, searched anchored with every pattern
/// matching at once (`MatchKind::All`): one walk from a position tells which rules match
/// from there. Built whole rather than lazily, so that no text pays for building states.
///
/// The DFA is not kept as built: its states are copied at load into a table of their own
/// ([`Starts::table`]). Nine in ten of its transitions lead to the dead state (most states lie
/// inside a word of some rule and go on with one byte only), so the rows of all states are
/// overlaid in one array, each row shifted to where its live entries fall on free slots (row
/// displacement, as parser generators pack their tables). A state is the position of its row
/// (its base, unique), and each live entry carries its byte class as a check: a slot that
/// another row owns, or none, reads as the dead state. A step of a walk is then two small
/// loads and one compare, as in a plain table, but the table is a fifth of the size of one
/// (fewer cache misses). The states near the start, which most walks visit, lie together, and
/// the entries along the bytes of a word inside a rule side by side ([`place_rows`]).
struct Starts {
    /// Per byte: the entry of a row its class reads, and the check of that entry.
    classes: [ByteClass; 256],
    /// The rows of all states, overlaid. Per slot: 0 if no row owns it, else the base of the
    /// next state shifted by 8, [`MATCH`] if that is a match state, and the check of the
    /// entry (its class plus one, in [`CHECK`]).
    table: Vec<u32>,
    /// The base of the start state.
    start: u32,
    /// Per base, the state's number in `match_bits` and `eoi_bits`.
    numbers: Vec<u16>,
    /// Per state number, the rules its match state matches (0 for states that match nothing).
    match_bits: Vec<RuleBits>,
    /// Per state number, the rules that match when the haystack ends there.
    eoi_bits: Vec<RuleBits>,
    /// Per pair of first bytes (`second << 8 | first`, the pair read as a little-endian `u16`;
    /// the end of the text read as a line break): the index in `after_two` of where the walk
    /// from there goes on.
    first_two: Box<[u16; 1 << 16]>,
    /// Where walks go on: 0 where no rule can match text that starts with the two bytes (most
    /// positions), [`FROM_START`] where a rule may match within them or the first ends the
    /// line (the walk reads them again from the start), else the state after them.
    after_two: Vec<u32>,
}

/// Where a byte reads in a row of [`Starts::table`].
#[derive(Debug, Clone, Copy, Default)]
struct ByteClass {
    /// The entry of the row: the byte's class in the DFA.
    column: u8,
    /// The check a live entry of that column carries: the class plus one. For a line break
    /// [`LINE_BREAK`], which no entry carries: a walk ends there, as at the end of the text
    /// (no match crosses a line break).
    check: u8,
}

/// The entry of [`Starts::after_two`] for a walk from the start state (no state has base 1).
const FROM_START: u32 = 1;

/// The bits of an entry of [`Starts::table`] that hold its check.
const CHECK: u32 = 0x7F;

/// The bit of an entry of [`Starts::table`] that marks a transition into a match state.
const MATCH: u32 = 0x80;

/// The check of a line break in [`ByteClass`]: one no entry carries.
const LINE_BREAK: u8 = 0x7F;

/// The states placed first in [`Starts::table`]: those this many bytes from the start or
/// fewer (see [`place_rows`]).
const NEAR_START: usize = 3;

/// The most states [`Starts::numbers`] can number.
const MAX_STATES: usize = u16::MAX as usize;

/// A step of a walk, as the table reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Dead,
    EndOfLine,
    To { state: u32, matches: bool },
}

/// The bytes [`Starts::entry`] reads from: a block of 64 bytes of the text and the bytes after
/// it, the end of the text read as line breaks (where walks end).
const WINDOW: usize = 68;
type Window = [u8; WINDOW];

/// The window of `bytes` from `at`: the text itself where it goes on far enough, else its
/// end copied into `padded` (line breaks after it).
#[inline]
fn window_at<'a>(bytes: &'a [u8], at: usize, padded: &'a mut Window) -> &'a Window {
    match bytes.get(at..at + WINDOW) {
        Some(window) => window.try_into().expect("WINDOW bytes"),
        None => {
            let rest = &bytes[at..];
            *padded = [b'\n'; WINDOW];
            padded[..rest.len()].copy_from_slice(rest);
            padded
        }
    }
}

impl std::fmt::Debug for Starts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Starts").finish_non_exhaustive()
    }
}

/// The multi-pattern DFA of the (widened, see [`filter_pattern`]) rule patterns and its
/// anchored start state.
fn build_dfa(patterns: &[&str]) -> Result<(dense::DFA<Vec<u32>>, StateID), String> {
    let dfa = dense::Builder::new()
        .configure(
            dense::Config::new()
                .match_kind(MatchKind::All)
                .start_kind(StartKind::Anchored)
                .minimize(false),
        )
        // Byte classes outside UTF-8 (see `filter_pattern`).
        .syntax(regex_automata::util::syntax::Config::new().utf8(false))
        .thompson(
            thompson::Config::new()
                .which_captures(WhichCaptures::None)
                .utf8(false),
        )
        .build_many(patterns)
        .map_err(|e| e.to_string())?;
    let start = dfa
        .start_state(&start::Config::new().anchored(Anchored::Yes))
        .map_err(|e| e.to_string())?;
    Ok((dfa, start))
}

/// The rules match state `s` of `dfa` matches.
fn patterns_of(dfa: &dense::DFA<Vec<u32>>, s: StateID) -> RuleBits {
    let mut found: RuleBits = 0;
    for i in 0..dfa.match_len(s) {
        found |= 1 << dfa.match_pattern(s, i).as_usize();
    }
    found
}

impl Starts {
    fn build(patterns: &[&str]) -> Result<Starts, String> {
        let (dfa, start) = build_dfa(patterns)?;
        let mut starts = Starts::compact(&dfa, start)?;
        let start = starts.start;
        // No walk, the walk from the start, then the states after two bytes.
        let mut after_two = vec![0, FROM_START];
        let mut index_of: std::collections::HashMap<u32, u16> = Default::default();
        // A word never starts with a line break, but a line break (or the end of the text)
        // may follow its first byte.
        for first in (0..=255u8).filter(|&b| b != b'\n') {
            let Step::To {
                state: after_first,
                matches,
            } = starts.step(start, first)
            else {
                continue;
            };
            for second in 0..=255u8 {
                let index = match starts.step(after_first, second) {
                    Step::Dead if !matches => 0,
                    Step::To {
                        state,
                        matches: false,
                    } if !matches => match index_of.get(&state) {
                        Some(&index) => index,
                        None => {
                            let index = u16::try_from(after_two.len())
                                .map_err(|_| "too many two-byte starts".to_string())?;
                            after_two.push(state);
                            index_of.insert(state, index);
                            index
                        }
                    },
                    // A match within the two bytes or a line break after the first: the walk
                    // from the start reads them.
                    _ => FROM_START as u16,
                };
                starts.first_two[usize::from(u16::from_le_bytes([first, second]))] = index;
            }
        }
        starts.after_two = after_two;
        Ok(starts)
    }

    /// The packed table of every state of `dfa` reachable from `start`, without prefix tables.
    fn compact(dfa: &dense::DFA<Vec<u32>>, start: StateID) -> Result<Starts, String> {
        let byte_classes = dfa.byte_classes();
        let mut classes = [ByteClass::default(); 256];
        let mut representatives: Vec<u8> = Vec::new();
        for byte in 0..=255u8 {
            let class = byte_classes.get(byte);
            if usize::from(class) == representatives.len() {
                representatives.push(byte);
            }
            classes[usize::from(byte)] = ByteClass {
                column: class,
                check: class.wrapping_add(1),
            };
        }
        if classes
            .iter()
            .any(|c| usize::from(c.column) >= representatives.len())
        {
            return Err("byte classes out of order".to_string());
        }
        if representatives.len() >= usize::from(LINE_BREAK) {
            return Err(format!("{} byte classes", representatives.len()));
        }
        classes[usize::from(b'\n')] = ByteClass {
            column: 0,
            check: LINE_BREAK,
        };
        // States by number, breadth-first from the start (number 0), each with its live
        // transitions: class, state number, whether a match state.
        let mut order: Vec<StateID> = vec![start];
        let mut number: std::collections::HashMap<StateID, u16> =
            std::collections::HashMap::from([(start, 0)]);
        let mut rows: Vec<Vec<(u8, u16, bool)>> = Vec::new();
        let mut match_bits: Vec<RuleBits> = Vec::new();
        let mut eoi_bits: Vec<RuleBits> = Vec::new();
        let mut i = 0;
        while i < order.len() {
            let state = order[i];
            match_bits.push(if dfa.is_match_state(state) {
                patterns_of(dfa, state)
            } else {
                0
            });
            let eoi = dfa.next_eoi_state(state);
            eoi_bits.push(if dfa.is_match_state(eoi) {
                patterns_of(dfa, eoi)
            } else {
                0
            });
            let mut row = Vec::new();
            for (class, &byte) in representatives.iter().enumerate() {
                let to = dfa.next_state(state, byte);
                if dfa.is_dead_state(to) {
                    continue;
                }
                let n = match number.get(&to) {
                    Some(&n) => n,
                    None => {
                        if order.len() >= MAX_STATES {
                            return Err(format!("more than {MAX_STATES} DFA states"));
                        }
                        let n = order.len() as u16;
                        number.insert(to, n);
                        order.push(to);
                        n
                    }
                };
                row.push((class as u8, n, dfa.is_match_state(to)));
            }
            rows.push(row);
            i += 1;
        }
        let bases = place_rows(&rows);
        // Room after the last base for every column (a line break reads column 0).
        let len = bases.iter().max().map_or(0, |&b| b as usize) + 128;
        if len > (u32::MAX >> 8) as usize {
            return Err("the DFA table is too large".to_string());
        }
        let mut table = vec![0u32; len];
        let mut numbers = vec![0u16; len];
        for (state, row) in rows.iter().enumerate() {
            let base = bases[state] as usize;
            numbers[base] = state as u16;
            for &(class, to, matches) in row {
                table[base + usize::from(class)] = bases[usize::from(to)] << 8
                    | if matches { MATCH } else { 0 }
                    | u32::from(class + 1);
            }
        }
        Ok(Starts {
            classes,
            table,
            start: bases[0],
            numbers,
            match_bits,
            eoi_bits,
            first_two: Box::new([0u16; 1 << 16]),
            after_two: Vec::new(),
        })
    }

    /// The step from `state` on `byte`.
    fn step(&self, state: u32, byte: u8) -> Step {
        let class = self.classes[usize::from(byte)];
        let entry = self.table[state as usize + usize::from(class.column)];
        if entry & CHECK != u32::from(class.check) {
            return if byte == b'\n' {
                Step::EndOfLine
            } else {
                Step::Dead
            };
        }
        Step::To {
            state: entry >> 8,
            matches: entry & MATCH != 0,
        }
    }

    /// The rules the match state at base `state` matches.
    #[inline]
    fn match_bits_of(&self, state: u32) -> RuleBits {
        self.match_bits[usize::from(self.numbers[state as usize])]
    }

    /// Where the walk from the byte at `i` of `window` goes on from: the state and the bytes
    /// read, state 0 if no rule can match from there. A look at the first two bytes in one
    /// table, then at the entry of the third byte (most walks die there: "der", "die", "und").
    /// `window` holds a block of the text and the bytes after it ([`Window`]), so that no byte
    /// is looked up with a bounds check.
    #[inline]
    fn entry(&self, window: &Window, i: usize) -> (u32, usize) {
        let i = i & 63;
        let pair = u16::from_le_bytes([window[i], window[i + 1]]);
        let index = self.first_two[usize::from(pair)];
        if index == 0 {
            return (0, 0);
        }
        let after_two = self.after_two[usize::from(index)];
        if after_two == FROM_START {
            return (self.start, 0);
        }
        let third = self.classes[usize::from(window[i + 2])];
        let next = self.table[after_two as usize + usize::from(third.column)];
        if next as u8 == third.check {
            // On to a state that matches nothing.
            return (next >> 8, 3);
        }
        if next & CHECK == u32::from(third.check) || third.check == LINE_BREAK {
            // A match or the end of the line: the walk reads the third byte.
            return (after_two, 2);
        }
        (0, 0)
    }

    /// [`Starts::entry`] at byte `at` of `bytes`.
    #[cfg(test)]
    fn entry_at(&self, bytes: &[u8], at: usize) -> (u32, usize) {
        let mut padded = [b'\n'; WINDOW];
        let window = window_at(bytes, at, &mut padded);
        self.entry(window, 0)
    }

    /// The rules with a match that starts at the first byte of `haystack`, and the length of
    /// the longest match of any of them (no rule's match reaches further): one walk of the DFA
    /// until it dies or the line ends, begun at `state` after `read` bytes that matched
    /// nothing ([`Starts::entry`]).
    #[inline]
    fn matching(&self, state: u32, read: usize, haystack: &[u8]) -> (RuleBits, usize) {
        let mut s = state;
        let (mut found, mut longest) = (0, 0);
        let rest = haystack.get(read..).unwrap_or_default();
        let mut end = haystack.len();
        for (i, &byte) in rest.iter().enumerate() {
            let class = self.classes[usize::from(byte)];
            let next = self.table[s as usize + usize::from(class.column)];
            // One compare for a dead state, a line break and a match state (the check of an
            // entry into a match state carries `MATCH`).
            if next as u8 != class.check {
                if next & CHECK != u32::from(class.check) {
                    if byte == b'\n' {
                        end = read + i;
                        break;
                    }
                    return (found, longest);
                }
                // Matches show one byte late: this one ended before `byte`.
                found |= self.match_bits_of(next >> 8);
                longest = read + i;
            }
            s = next >> 8;
        }
        let eoi = self.eoi_bits[usize::from(self.numbers[s as usize])];
        if eoi != 0 {
            found |= eoi;
            longest = end;
        }
        (found, longest)
    }
}

/// The bases of the rows of [`Starts::table`] (per state, numbered breadth-first from the
/// start state 0, its live classes in order): every base its own, no two live entries on one
/// slot, and bases 0 and 1 left free (in [`Starts::after_two`] they mean no walk and the walk
/// from the start). The states within [`NEAR_START`] bytes of the start, which most walks visit,
/// are placed first and together, breadth-first; then the others in the order of a
/// depth-first walk (the lowest class first), so that the entries along a word of some rule
/// (states with one live class) lie one after the other. Each row goes to the lowest base
/// where its entries fall on free slots, searched from a little behind the last row placed.
fn place_rows(rows: &[Vec<(u8, u16, bool)>]) -> Vec<u32> {
    /// How far behind the end of the rows placed a free slot is still looked for: farther
    /// back, few rows fit, and the search would cost more than the slots are worth.
    const LOOK_BACK: usize = 512;
    let mut depth = vec![usize::MAX; rows.len()];
    depth[0] = 0;
    // Numbered breadth-first: a state's number is above those of the states it is reached from first.
    for state in 0..rows.len() {
        for &(_, to, _) in &rows[state] {
            let to = usize::from(to);
            if depth[to] == usize::MAX {
                depth[to] = depth[state] + 1;
            }
        }
    }
    let mut placement: Vec<usize> = (0..rows.len())
        .filter(|&state| depth[state] <= NEAR_START)
        .collect();
    let mut seen = depth.iter().map(|&d| d <= NEAR_START).collect::<Vec<_>>();
    let mut stack: Vec<usize> = placement
        .iter()
        .rev()
        .flat_map(|&state| rows[state].iter().rev().map(|&(_, to, _)| usize::from(to)))
        .collect();
    while let Some(state) = stack.pop() {
        if std::mem::replace(&mut seen[state], true) {
            continue;
        }
        placement.push(state);
        stack.extend(
            rows[state]
                .iter()
                .rev()
                .map(|&(_, to, _)| usize::from(to))
                .filter(|&to| !seen[to]),
        );
    }
    let mut bases = vec![0u32; rows.len()];
    let mut owned: Vec<bool> = vec![false; 2];
    let mut taken: Vec<bool> = vec![true; 2];
    // The lowest slot no row owns, and one past the highest one a row owns.
    let mut first_free = 0usize;
    let mut end = 0usize;
    for state in placement {
        let row = &rows[state];
        let lowest = row.first().map_or(0, |&(class, _, _)| usize::from(class));
        let mut base = first_free
            .max(end.saturating_sub(LOOK_BACK))
            .saturating_sub(lowest);
        loop {
            if owned.len() < base + 256 {
                owned.resize(base + 256, false);
                taken.resize(base + 256, false);
            }
            if !taken[base]
                && row
                    .iter()
                    .all(|&(class, _, _)| !owned[base + usize::from(class)])
            {
                break;
            }
            base += 1;
        }
        taken[base] = true;
        for &(class, _, _) in row {
            owned[base + usize::from(class)] = true;
            end = end.max(base + usize::from(class) + 1);
        }
        while owned.get(first_free) == Some(&true) {
            first_free += 1;
        }
        bases[state] = base as u32;
    }
    bases
}

/// A rule pattern as the multi-pattern DFA reads it: white space (`[^\S\n]`, `\s`, Unicode
/// classes of many multi-byte characters) widened to ASCII white space or any byte outside
/// ASCII. The DFA only tells which rules may match and how far a match may reach; the rule's
/// reader then matches exactly, within that stretch. A wider pattern matches everything the
/// rule matches and reaches at least as far, so the result is the same, and the DFA is a
/// fraction of the size (fewer cache misses per step of a walk).
fn filter_pattern(pattern: &str) -> String {
    pattern
        .replace(r"[^\S\n]", r"(?-u:[\t\x0B\x0C\r \x80-\xFF])")
        .replace(r"\s", r"(?-u:[\t\n\x0B\x0C\r \x80-\xFF])")
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
        for file in files {
            for row in file.rows(6) {
                let row = row?;
                let f = &row.fields;
                let date_type = parse_type(f[1].trim())
                    .ok_or_else(|| row.error(file.name, format!("unknown type {:?}", f[1])))?;
                let pattern = expand(f[2], vocab).map_err(|e| row.error(file.name, e))?;
                let regex = Regex::new(&pattern)
                    .map_err(|e| row.error(file.name, format!("bad pattern: {e}")))?;
                let anchored = meta::Regex::builder()
                    .configure(meta::Config::new().hybrid(false).dfa(false))
                    .build(&pattern)
                    .map_err(|e| row.error(file.name, format!("bad pattern: {e}")))?;
                // Captures run over the stretch the DFA found, ending where the longest match does.
                let looks = regex_automata::util::syntax::parse(&pattern)
                    .map_err(|e| row.error(file.name, format!("bad pattern: {e}")))?;
                if !looks.properties().look_set().is_empty() {
                    return Err(row.error(
                        file.name,
                        "pattern with an assertion (`^`, `$`, `\\b`): not supported",
                    ));
                }
                if anchored.group_info().slot_len() > MAX_SLOTS {
                    return Err(row.error(
                        file.name,
                        format!("more than {} capture groups", MAX_SLOTS / 2 - 1),
                    ));
                }
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
                            let part = Part::from_group(name).ok_or_else(|| {
                                row.error(file.name, format!("unknown group name {name:?}"))
                            })?;
                            groups.push((index, part));
                        }
                        None => {}
                    }
                }
                let reader = Reader::for_pattern(&pattern, |name| {
                    anchored.group_info().to_index(PatternID::ZERO, name)
                });
                let expected = f[5].trim();
                if !expected.contains('=') {
                    return Err(row.error(file.name, "expected must be `span=value`"));
                }
                let slot_len = anchored.group_info().slot_len();
                rules.push(Rule {
                    name: f[0].trim().to_string(),
                    origin: format!("{}:{}", file.name, row.line),
                    date_type,
                    regex,
                    anchored,
                    fields,
                    example: f[4].trim().to_string(),
                    expected: expected.to_string(),
                    groups,
                    template: probe,
                    span_group,
                    reader,
                    slot_len,
                });
            }
        }
        if rules.is_empty() {
            return Err(ResourceError::new("resources/dates/rules", 0, "no rules"));
        }
        if rules.len() > MAX_RULES {
            return Err(ResourceError::new(
                "resources/dates/rules",
                0,
                format!("{} rules, at most {MAX_RULES}", rules.len()),
            ));
        }
        let patterns: Vec<String> = rules
            .iter()
            .map(|r| filter_pattern(r.regex.as_str()))
            .collect();
        let starts = Starts::build(&patterns.iter().map(String::as_str).collect::<Vec<_>>())
            .map_err(|e| ResourceError::new("resources/dates/rules", 0, e))?;
        Ok(RuleSet { rules, starts })
    }

    /// Every candidate in `text`, possibly overlapping, in no particular order.
    pub fn candidates(&self, text: &str, vocab: &Vocabulary) -> Vec<Candidate> {
        self.candidates_in(text, 0, text.len(), vocab)
    }

    /// The candidates of `text` that start in `from..to`, `from` the start of a line: the
    /// candidates of the whole text that start there (the text after `to` is read as context
    /// and by matches that run on).
    pub fn candidates_in(
        &self,
        text: &str,
        from: usize,
        to: usize,
        vocab: &Vocabulary,
    ) -> Vec<Candidate> {
        debug_assert!(from == 0 || text.as_bytes()[from - 1] == b'\n');
        // About one candidate in 150 bytes of press releases: room for most texts at once.
        let mut out = Vec::with_capacity(to.saturating_sub(from) / 128 + 8);
        let bytes = text.as_bytes();
        // Per rule: where its last match ended; a match hides the rule's later ones inside it.
        let mut last_end = [0usize; MAX_RULES];
        let mut scratch = Scratch::default();
        // Word starts of the text from `from` (a line start: a word starts there as in the
        // whole text).
        let mut scan = WordStarts::new(&text[from..]);
        let mut padded = [b'\n'; WINDOW];
        while let Some((base, mut starts)) = scan.next_block() {
            let block = from + base;
            if block >= to {
                break;
            }
            if to - block < 64 {
                // Only starts before `to`.
                starts &= (1u64 << (to - block)) - 1;
            }
            let window = window_at(bytes, block, &mut padded);
            while starts != 0 {
                let i = starts.trailing_zeros() as usize;
                starts &= starts - 1;
                let (state, read) = self.starts.entry(window, i);
                if state == 0 {
                    continue;
                }
                let at = block + i;
                // The walk ends at the end of the line.
                let (mut matching, longest) = self.starts.matching(state, read, &bytes[at..]);
                while matching != 0 {
                    let index = matching.trailing_zeros() as usize;
                    matching &= matching - 1;
                    if index >= self.rules.len() || at < last_end[index] {
                        continue;
                    }
                    if let Some(end) =
                        self.run_rule(index, text, at, at + longest, vocab, &mut out, &mut scratch)
                    {
                        last_end[index] = end;
                    }
                }
            }
        }
        out
    }

    /// Runs rule `index` anchored at `at` (its match ends by `limit`) and adds its candidate,
    /// if it passes the checks of the match itself (those of the text around it wait for
    /// [`RuleSet::confirm`]). Returns where the match ends.
    #[allow(clippy::too_many_arguments)]
    fn run_rule(
        &self,
        index: usize,
        text: &str,
        at: usize,
        limit: usize,
        vocab: &Vocabulary,
        out: &mut Vec<Candidate>,
        scratch: &mut Scratch,
    ) -> Option<usize> {
        let rule = &self.rules[index];
        let haystack = &text[at..limit];
        // The capture slots and the reader's stack, reused from match to match.
        let slots = &mut scratch.slots[..rule.slot_len];
        let found = match &rule.reader {
            // The DFA has found a match of the rule here: of its pattern as written where the
            // pattern has no white space (`filter_pattern` widens only that).
            Some(reader) => reader.read_matched(haystack.as_bytes(), slots, &mut scratch.stack),
            None => rule
                .anchored
                .search_slots(&Input::new(haystack).anchored(Anchored::Yes), slots)
                .is_some(),
        };
        if !found {
            return None;
        }
        let group = |g: usize| -> Option<Span> {
            let start = slots.get(2 * g).copied().flatten()?.get();
            let end = slots.get(2 * g + 1).copied().flatten()?.get();
            Some(Span { start, end })
        };
        let whole = group(0)?;
        let match_end = at + whole.end;
        if whole.is_empty()
            || !word_boundary_before(text, at)
            || !word_boundary_after(text, match_end)
        {
            return Some(match_end);
        }
        let span = rule.span_group.and_then(group).unwrap_or(whole);
        let (start, end) = (at + span.start, at + span.end);
        if !number_boundaries_ok(text, start, end) {
            return Some(match_end);
        }
        // The candidate is built where it is kept (it is large: a partial built first would
        // be copied once more), and taken back if its parts do not hold.
        out.push(Candidate {
            start,
            end,
            rule: index,
            date_type: rule.date_type,
            partial: rule.template.clone(),
            confirmed: false,
        });
        let partial = &mut out.last_mut().expect("the candidate just pushed").partial;
        let mut bc = false;
        for &(index, part) in &rule.groups {
            if let Some(m) = group(index) {
                if part == Part::Bc {
                    bc = true;
                } else {
                    partial.set_part(part, &haystack[m.range()], vocab);
                }
            }
        }
        if bc {
            partial.before_christ();
        }
        if partial.invalid || !plausible(partial) {
            out.truncate(out.len() - 1);
        }
        Some(match_end)
    }

    /// Runs the checks on the text around candidate `c` of `text` once: false if it is no
    /// candidate after all (a bare year that is a quantity, "rund 2000 Mitarbeiter", or part
    /// of a telephone number), else sets the parts they find. `line` is where the checks of
    /// `text` stand ([`LineState::new`] for the first candidate): candidates asked about
    /// nearly in text order find their line by a short step forward.
    pub fn confirm(
        &self,
        text: &str,
        c: &mut Candidate,
        vocab: &Vocabulary,
        line: &mut LineState,
    ) -> bool {
        if c.confirmed {
            return true;
        }
        let (start, end) = (c.start, c.end);
        let partial = &mut c.partial;
        let here = line.at(text, start);
        if partial.bare_year {
            if is_quantity(text, start, end, vocab)
                || continues_phone_number(&text[here.line_start..start], vocab)
            {
                return false;
            }
            partial.noun_follows = text[end..]
                .trim_start_matches([' ', '\u{a0}'])
                .starts_with(char::is_uppercase);
        }
        partial.side_remark = is_side_remark(text, &here, partial, vocab);
        c.confirmed = true;
        true
    }
}

/// Buffers [`RuleSet::run_rule`] reuses from match to match.
struct Scratch {
    slots: [Option<regex_automata::util::primitives::NonMaxUsize>; MAX_SLOTS],
    stack: Vec<Frame>,
}

impl Default for Scratch {
    fn default() -> Scratch {
        Scratch {
            slots: [None; MAX_SLOTS],
            stack: Vec::with_capacity(32),
        }
    }
}

// The boundaries of a match are read byte by byte, decoding only a character outside ASCII:
// `chars()` on a slice of the text checks the slice's ends and decodes every character.

/// The character of `text` that ends at `at`, if any.
#[inline]
fn char_before(text: &str, at: usize) -> Option<char> {
    let b = *text.as_bytes().get(at.checked_sub(1)?)?;
    if b < 0x80 {
        Some(char::from(b))
    } else {
        text[..at].chars().next_back()
    }
}

/// The character of `text` that starts at `at`, if any.
#[inline]
fn char_at(text: &str, at: usize) -> Option<char> {
    let b = *text.as_bytes().get(at)?;
    if b < 0x80 {
        Some(char::from(b))
    } else {
        text[at..].chars().next()
    }
}

fn is_word_char_before(text: &str, at: usize) -> bool {
    char_before(text, at).is_some_and(char::is_alphanumeric)
}

fn is_word_char_after(text: &str, at: usize) -> bool {
    char_at(text, at).is_some_and(char::is_alphanumeric)
}

fn word_boundary_before(text: &str, at: usize) -> bool {
    !is_word_char_after(text, at) || !is_word_char_before(text, at)
}

fn word_boundary_after(text: &str, at: usize) -> bool {
    !is_word_char_before(text, at) || !is_word_char_after(text, at)
}

/// A span that starts or ends with a digit must not continue a longer number
/// (`0351 7965602`, `1.000`, `Grafik135.png`, `50,5`, `12:30`).
fn number_boundaries_ok(text: &str, start: usize, end: usize) -> bool {
    let bytes = text.as_bytes();
    let span = &bytes[start..end];
    let is_digit_at = |at: Option<usize>| {
        at.and_then(|at| bytes.get(at))
            .is_some_and(u8::is_ascii_digit)
    };
    if span.first().is_some_and(u8::is_ascii_digit) {
        // A character outside ASCII ends in a byte that is no digit: the byte two before
        // `start` is a digit exactly when the character before the one before is.
        match char_before(text, start) {
            Some(c) if c.is_alphanumeric() || c == '_' => return false,
            Some('.' | ',' | ':' | '/') if is_digit_at(start.checked_sub(2)) => return false,
            _ => {}
        }
    }
    let dot = span.last() == Some(&b'.');
    if dot || span.last().is_some_and(u8::is_ascii_digit) {
        match char_at(text, end) {
            Some(c) if c.is_ascii_digit() => return false,
            Some(c) if c.is_alphabetic() && !dot => return false,
            Some('.' | ',' | ':' | '/') if !dot && is_digit_at(Some(end + 1)) => return false,
            Some('%' | '€' | '$' | '²' | '³') => return false,
            _ => {}
        }
    }
    true
}

/// Where a forward scan of the text stands: the start of the current line and whether a
/// parenthesis opened on it is still open.
#[derive(Debug, Clone, Copy, Default)]
pub struct LineState {
    at: usize,
    line_start: usize,
    open_paren: bool,
}

impl LineState {
    /// The scan at the start of a text.
    pub fn new() -> LineState {
        LineState::default()
    }

    /// The state at `to`, the scan moved forward there when `to` is not behind it. A position
    /// behind it is read from the start of the scan's line when on it (candidates come nearly
    /// in text order: the longest of overlapping ones first), else from the start of the text.
    /// Either way the state is the one a scan from the start of the text finds at `to`
    /// (news often hold a whole text on one line: a scan from the start per candidate cost
    /// as much as the rest of the checks).
    fn at(&mut self, text: &str, to: usize) -> LineState {
        if to >= self.at {
            self.advance(text, to);
            return *self;
        }
        let mut here = if to >= self.line_start {
            LineState {
                at: self.line_start,
                line_start: self.line_start,
                open_paren: false,
            }
        } else {
            LineState::new()
        };
        here.advance(text, to);
        here
    }

    /// Moves the scan forward to `to` (a position at or after the current one).
    fn advance(&mut self, text: &str, to: usize) {
        let skipped = &text.as_bytes()[self.at..to];
        if skipped.len() <= 32 {
            // A short step (the next candidate nearby): byte by byte, no search set up.
            for (i, &b) in skipped.iter().enumerate() {
                match b {
                    b'\n' => {
                        self.line_start = self.at + i + 1;
                        self.open_paren = false;
                    }
                    b'(' => self.open_paren = true,
                    b')' => self.open_paren = false,
                    _ => {}
                }
            }
            self.at = to;
            return;
        }
        // The last line break or parenthesis, in one search: most stretches hold no
        // parenthesis after their last line break, and two searches (one for each) cost twice
        // the setting up of a search, which is most of what a search of a stretch costs.
        match memchr::memrchr3(b'\n', b'(', b')', skipped) {
            None => {}
            Some(newline) if skipped[newline] == b'\n' => {
                self.line_start = self.at + newline + 1;
                self.open_paren = false;
            }
            Some(paren) => {
                // The last parenthesis on the line decides; the line may start in the stretch.
                self.open_paren = skipped[paren] == b'(';
                if let Some(newline) = memchr::memrchr(b'\n', &skipped[..paren]) {
                    self.line_start = self.at + newline + 1;
                }
            }
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
    if p.month.is_some()
        || p.season.is_some()
        || p.quarter.is_some()
        || p.half.is_some()
        || p.week.is_some()
    {
        return false;
    }
    // The last word before the date (as `split_whitespace().next_back()`).
    let previous = after_last(
        trim_end_by(before, char::is_whitespace),
        char::is_whitespace,
    );
    // Most words are told by their length and first byte, without a call to `memcmp`.
    let previous = previous.as_bytes();
    vocab.side_remark_words.iter().any(|w| {
        let w = w.as_bytes();
        w.len() == previous.len() && w.first() == previous.first() && w == previous
    })
}

// The checks around a match read a word or a few characters next to it. They do so byte by
// byte, decoding only characters outside ASCII: the `str` methods with a char predicate
// (`trim_end_matches`, `split`, `rsplit`) decode every character and cost several times more.

/// `text` without the characters at its end for which `strip` holds (as
/// `text.trim_end_matches(strip)`).
#[inline]
fn trim_end_by(text: &str, strip: impl Fn(char) -> bool) -> &str {
    let bytes = text.as_bytes();
    let mut end = bytes.len();
    while let Some(&b) = end.checked_sub(1).map(|i| &bytes[i]) {
        let c = if b < 0x80 {
            char::from(b)
        } else {
            text[..end].chars().next_back().expect("a character")
        };
        if !strip(c) {
            break;
        }
        end -= c.len_utf8();
    }
    &text[..end]
}

/// `text` without the characters at its start for which `strip` holds (as
/// `text.trim_start_matches(strip)`).
#[inline]
fn trim_start_by(text: &str, strip: impl Fn(char) -> bool) -> &str {
    let bytes = text.as_bytes();
    let mut start = 0;
    while let Some(&b) = bytes.get(start) {
        let c = if b < 0x80 {
            char::from(b)
        } else {
            text[start..].chars().next().expect("a character")
        };
        if !strip(c) {
            break;
        }
        start += c.len_utf8();
    }
    &text[start..]
}

/// What follows the last character of `text` for which `split` holds, or all of it (as
/// `text.rsplit(split).next()`).
#[inline]
fn after_last(text: &str, split: impl Fn(char) -> bool) -> &str {
    let kept = trim_end_by(text, |c| !split(c));
    &text[kept.len()..]
}

/// What precedes the first character of `text` for which `split` holds, or all of it (as
/// `text.split(split).next()`).
#[inline]
fn before_first(text: &str, split: impl Fn(char) -> bool) -> &str {
    let rest = trim_start_by(text, |c| !split(c));
    &text[..text.len() - rest.len()]
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

/// Whether a number continues a telephone number: only digits and the signs numbers are written
/// with stand between it and a word that opens one ("Tel. +49 711 123-2058", "Fax: 0351 4711").
fn continues_phone_number(before: &str, vocab: &Vocabulary) -> bool {
    let number = trim_end_by(before, |c: char| {
        c.is_ascii_digit() || matches!(c, ' ' | '\u{a0}' | '+' | '-' | '/' | '(' | ')' | '.' | ':')
    });
    if number.len() == before.len() {
        return false;
    }
    let word = after_last(number, |c: char| !c.is_alphabetic());
    !word.is_empty() && vocab.phone_words.contains_lowercased(word)
}

/// Whether a bare four-digit number is a quantity: a count noun after it or a quantity word
/// before it ("rund 2000 Mitarbeiter").
fn is_quantity(text: &str, start: usize, end: usize, vocab: &Vocabulary) -> bool {
    let next = before_first(
        trim_start_by(&text[end..], char::is_whitespace),
        |c: char| c.is_whitespace() || matches!(c, ',' | ';' | ')' | '('),
    );
    let next = trim_end_by(next, |c| matches!(c, '.' | ':' | '!' | '?'));
    if !next.is_empty() && vocab.count_nouns.contains_lowercased(next) {
        return true;
    }
    let before = trim_end_by(&text[..start], char::is_whitespace);
    let prev = after_last(before, |c: char| c.is_whitespace() || c == '(');
    if vocab.quantity_words.contains_lowercased(prev) {
        return true;
    }
    // "mehr als 2000", "bis zu 2000" (no character outside ASCII lowercases to one of these).
    let before = before.as_bytes();
    let ends_with = |word: &[u8]| {
        before.len() >= word.len() && before[before.len() - word.len()..].eq_ignore_ascii_case(word)
    };
    ends_with(b" als") || ends_with(b"bis zu")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule_set() -> (RuleSet, Vocabulary) {
        let vocab = Vocabulary::load_default().expect("vocabularies load");
        let rules = RuleSet::load(&default_rule_files(), &vocab).expect("rules load");
        (rules, vocab)
    }

    /// Every rule searched on its own over each line, unanchored, as the rule regex finds its
    /// matches; each match start is then read by the same checks as in [`RuleSet::candidates`].
    fn rule_by_rule(rules: &RuleSet, text: &str, vocab: &Vocabulary) -> Vec<Candidate> {
        let mut out = Vec::new();
        for (index, rule) in rules.rules.iter().enumerate() {
            let mut line_start = 0;
            for line_text in text.split('\n') {
                let line_end = line_start + line_text.len();
                for m in rule.regex.find_iter(line_text) {
                    let at = line_start + m.start();
                    let end = rules.run_rule(
                        index,
                        text,
                        at,
                        line_end,
                        vocab,
                        &mut out,
                        &mut Scratch::default(),
                    );
                    assert_eq!(end, Some(line_start + m.end()), "{} at {at}", rule.name);
                }
                line_start = line_end + 1;
            }
        }
        out
    }

    fn sorted(mut candidates: Vec<Candidate>) -> Vec<Candidate> {
        candidates.sort_by_key(|c| (c.start, c.end, c.rule));
        candidates
    }

    #[test]
    fn the_automaton_finds_what_each_rule_finds_on_its_own() {
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
            "Übermorgen, am\nMontag, 3.\nMai 2021 – „Sommer 2020“ – (1998) und 30-jährigen.",
            "Er kam im\u{a0}Juli 2019 und blieb bis Ende August; Telefon 0351 79656020.",
        ];
        for text in texts {
            let found = rules.candidates(text, &vocab);
            assert!(!found.is_empty(), "{text}");
            assert_eq!(
                sorted(found),
                sorted(rule_by_rule(&rules, text, &vocab)),
                "{text}"
            );
        }
    }

    #[test]
    fn candidates_in_lines_are_those_of_the_whole_text_that_start_there() {
        let (rules, vocab) = rule_set();
        let text = "Dresden, 28. März 2014 – rund 2000\nMitarbeiter (seit 1975) am Dienstag, 21. November 2017, um 14:30 Uhr\n\n12.–14. Juni 2019; Q3 2020, 2012-09-25\nTel. 0351 79656020, 1998";
        let all = sorted(rules.candidates(text, &vocab));
        assert!(all.len() > 8, "{all:?}");
        let line_starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1));
        for from in line_starts {
            for to in (from..=text.len()).filter(|&to| text.is_char_boundary(to)) {
                let expected: Vec<Candidate> = all
                    .iter()
                    .filter(|c| (from..to).contains(&c.start))
                    .cloned()
                    .collect();
                assert_eq!(
                    sorted(rules.candidates_in(text, from, to, &vocab)),
                    expected,
                    "{from}..{to}"
                );
            }
        }
    }

    /// The rules matching at the start of `haystack` and the longest match, by a walk of the
    /// DFA as built (regex-automata's own transitions), for comparison.
    fn walk_of_the_dfa(
        dfa: &dense::DFA<Vec<u32>>,
        start: StateID,
        haystack: &[u8],
    ) -> (RuleBits, usize) {
        let (mut s, mut found, mut longest) = (start, 0, 0);
        for (at, &byte) in haystack.iter().enumerate() {
            s = dfa.next_state(s, byte);
            if dfa.is_dead_state(s) {
                return (found, longest);
            }
            if dfa.is_match_state(s) {
                found |= patterns_of(dfa, s);
                longest = at;
            }
        }
        let s = dfa.next_eoi_state(s);
        if dfa.is_match_state(s) {
            found |= patterns_of(dfa, s);
            longest = haystack.len();
        }
        (found, longest)
    }

    #[test]
    fn the_compact_table_walks_as_the_dfa_does() {
        let (rules, _) = rule_set();
        let starts = &rules.starts;
        let filled = starts.match_bits.iter().filter(|&&b| b != 0).count();
        assert!(filled > 10, "{filled} match states");
        let patterns: Vec<String> = rules
            .rules
            .iter()
            .map(|r| filter_pattern(r.regex.as_str()))
            .collect();
        let patterns: Vec<&str> = patterns.iter().map(String::as_str).collect();
        let (dfa, start) = build_dfa(&patterns).expect("the DFA builds");
        let mut texts: Vec<String> = rules.rules.iter().map(|r| r.example.clone()).collect();
        texts.push(
            "Am 3.\u{a0}Mai 2019 um 9 Uhr, 2012-09-25, Q3/2020 – seit 1998; der 1. Januar\n12"
                .to_string(),
        );
        let (mut walks, mut matched) = (0, 0);
        for text in &texts {
            let bytes = text.as_bytes();
            for (at, _) in text.char_indices() {
                let line_end = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |n| at + n);
                if at == line_end {
                    continue;
                }
                let haystack = &bytes[at..line_end];
                let expected = walk_of_the_dfa(&dfa, start, haystack);
                assert_eq!(
                    starts.matching(starts.start, 0, haystack),
                    expected,
                    "{text:?} at {at}"
                );
                // The walk ends at the line break.
                let rest = &bytes[at..];
                assert_eq!(
                    starts.matching(starts.start, 0, rest),
                    expected,
                    "{text:?} at {at}"
                );
                let (state, read) = starts.entry_at(bytes, at);
                if state == 0 {
                    assert_eq!(expected.0, 0, "{text:?} at {at}");
                } else {
                    walks += 1;
                    let found = starts.matching(state, read, rest);
                    matched += usize::from(found.0 != 0);
                    if expected.0 != 0 {
                        assert_eq!(found, expected, "{text:?} at {at}");
                    } else {
                        assert_eq!(found.0, 0, "{text:?} at {at}");
                    }
                }
            }
        }
        assert!(matched > 100 && walks > matched, "{matched} of {walks}");
    }

    #[test]
    fn patterns_that_look_beyond_their_match_are_rejected() {
        let vocab = Vocabulary::load_default().expect("vocabularies load");
        let row = |pattern: &str| {
            format!("r\tDATE\t{pattern}\t-\tAm 3. Mai 2019 war es.\t3. Mai 2019=2019-05-03\n")
        };
        let load = |pattern: &str| {
            let content = row(pattern);
            let file = DataFile {
                name: "rules.tsv",
                content: &content,
            };
            RuleSet::load(&[file], &vocab).map(|_| ())
        };
        assert!(load("(?P<day>{DAY})\\.{S}(?P<month>{MONTH}){S}(?P<year>{YEAR})").is_ok());
        for pattern in [
            "(?P<year>{YEAR})\\b",
            "^(?P<year>{YEAR})",
            "(?P<year>{YEAR})$",
        ] {
            let error = load(pattern).expect_err(pattern).to_string();
            assert!(error.contains("rules.tsv:1"), "{error}");
            assert!(error.contains("assertion"), "{error}");
        }
    }

    #[test]
    fn text_without_a_temporal_cue_has_no_candidates() {
        let (rules, vocab) = rule_set();
        for text in [
            "",
            "Die beiden Verbände unterzeichneten eine Vereinbarung über Forschung und Lehre.",
            "Kontakt: presse@example.org, www.example.org/kontakt",
        ] {
            assert_eq!(rules.candidates(text, &vocab), Vec::new(), "{text}");
        }
    }

    /// Slots of rule `index` anchored at the start of `haystack`: by its reader and by its regex.
    fn both_ways(rule: &Rule, haystack: &str) -> (Vec<Option<usize>>, Vec<Option<usize>>) {
        let len = rule.anchored.group_info().slot_len();
        let mut by_reader = vec![None; len];
        let reader = rule.reader.as_ref().expect("a reader");
        if !reader.read(haystack.as_bytes(), &mut by_reader) {
            by_reader.fill(None);
        }
        let mut by_regex = vec![None; len];
        let input = Input::new(haystack).anchored(Anchored::Yes);
        if rule.anchored.search_slots(&input, &mut by_regex).is_none() {
            by_regex.fill(None);
        }
        let plain = |slots: Vec<Option<regex_automata::util::primitives::NonMaxUsize>>| {
            slots.into_iter().map(|s| s.map(|s| s.get())).collect()
        };
        (plain(by_reader), plain(by_regex))
    }

    #[test]
    fn every_rule_has_a_reader() {
        let (rules, _) = rule_set();
        let without: Vec<&str> = rules
            .rules
            .iter()
            .filter(|r| r.reader.is_none())
            .map(|r| r.name.as_str())
            .collect();
        assert_eq!(without, Vec::<&str>::new());
    }

    #[test]
    fn readers_read_the_examples_as_the_regex_does() {
        let (rules, _) = rule_set();
        let mut texts: Vec<String> = rules.rules.iter().map(|r| r.example.clone()).collect();
        texts.extend(
            [
                "Um 14.30 Uhr, gegen 9:05\u{a0}\u{a0}Uhr und 24:00 – nicht 25:10, 1.500 oder 2.5.",
                "Vom 3.–5. Mai, am 12.\u{2009}Juni 2019, im Jan. 2020, seit\nJuli, Ende des Jahres 2018.",
                "Q3/2020, im 2. Quartal, in den 1990er Jahren, 753 v.Chr., am Dienstagabend, 12. Jh.",
                "Am kommenden  Dienstag und am\u{2009}Mittwoch, nächsten\tFreitag; Mo. letzten Sonntag",
                "mehr als 3 Jahre, etwa zwei Wochen, knapp 120 Tagen, rund  1000 Tage, Über drei Monaten",
                "Im Jahr 2019, 1848 und 2099 – nicht 2100, 999 oder 20190.",
            ]
            .map(str::to_string),
        );
        for rule in rules.rules.iter().filter(|r| r.reader.is_some()) {
            for text in &texts {
                for (at, _) in text.char_indices() {
                    let (by_reader, by_regex) = both_ways(rule, &text[at..]);
                    assert_eq!(by_reader, by_regex, "{} on {:?}", rule.name, &text[at..]);
                    // Where the rule matches, a reader of a fixed layout reads it without a walk.
                    let reader = rule.reader.as_ref().expect("a reader");
                    if by_regex[0].is_some() && reader.is_fixed() {
                        let mut slots = vec![None; by_regex.len()];
                        let haystack = &text.as_bytes()[at..];
                        assert!(reader.read_matched(haystack, &mut slots, &mut Vec::new()));
                        let slots: Vec<Option<usize>> =
                            slots.into_iter().map(|s| s.map(|s| s.get())).collect();
                        assert_eq!(slots, by_regex, "{} on {:?}", rule.name, &text[at..]);
                    }
                }
            }
        }
        let fixed: Vec<&str> = rules
            .rules
            .iter()
            .filter(|r| r.reader.as_ref().is_some_and(Reader::is_fixed))
            .map(|r| r.name.as_str())
            .collect();
        assert!(fixed.contains(&"year"), "{fixed:?}");
    }

    proptest::proptest! {
        #[test]
        fn byte_wise_trims_and_splits_agree_with_the_str_methods(
            text in "[a-zA-Z0-9 .,:;()+\\-\t\n\r\u{a0}\u{2009}\u{3000}äÖß€–„“中😀]{0,40}",
        ) {
            let space = char::is_whitespace;
            let sign = |c: char| c.is_ascii_digit() || matches!(c, ' ' | '\u{a0}' | '(' | '.');
            let split = |c: char| c.is_whitespace() || matches!(c, ',' | ';' | ')' | '(');
            proptest::prop_assert_eq!(trim_end_by(&text, space), text.trim_end());
            proptest::prop_assert_eq!(trim_end_by(&text, sign), text.trim_end_matches(sign));
            proptest::prop_assert_eq!(trim_start_by(&text, space), text.trim_start());
            proptest::prop_assert_eq!(trim_start_by(&text, sign), text.trim_start_matches(sign));
            proptest::prop_assert_eq!(after_last(&text, split), text.rsplit(split).next().unwrap_or(""));
            proptest::prop_assert_eq!(after_last(&text, space), text.rsplit(space).next().unwrap_or(""));
            proptest::prop_assert_eq!(before_first(&text, split), text.split(split).next().unwrap_or(""));
            proptest::prop_assert_eq!(before_first(&text, sign), text.split(sign).next().unwrap_or(""));
        }

        #[test]
        fn the_line_state_is_that_of_a_scan_from_the_start(
            text in "[a (),\n]{0,120}",
            positions in proptest::collection::vec(0usize..=120, 1..12),
        ) {
            // Byte by byte from the start: the line start and whether a parenthesis opened
            // on the line is still open.
            let scan = |to: usize| {
                let mut line_start = 0;
                let mut open_paren = false;
                for (i, &b) in text.as_bytes()[..to].iter().enumerate() {
                    match b {
                        b'\n' => {
                            line_start = i + 1;
                            open_paren = false;
                        }
                        b'(' => open_paren = true,
                        b')' => open_paren = false,
                        _ => {}
                    }
                }
                (line_start, open_paren)
            };
            let mut line = LineState::new();
            for to in positions.into_iter().map(|to| to.min(text.len())) {
                let here = line.at(&text, to);
                proptest::prop_assert_eq!((here.line_start, here.open_paren), scan(to), "at {}", to);
            }
        }

        #[test]
        fn byte_wise_boundaries_agree_with_a_walk_over_the_characters(
            text in "[a-zA-Z0-9 .,:/_%$\n\u{a0}äÖß€²³½Ⅻ３–中😀]{0,24}",
        ) {
            let bounds: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
            for &at in &bounds {
                let before = text[..at].chars().next_back().is_some_and(char::is_alphanumeric);
                let after = text[at..].chars().next().is_some_and(char::is_alphanumeric);
                proptest::prop_assert_eq!(word_boundary_before(&text, at), !after || !before);
                proptest::prop_assert_eq!(word_boundary_after(&text, at), !before || !after);
                for &end in bounds.iter().filter(|&&end| end >= at) {
                    proptest::prop_assert_eq!(
                        number_boundaries_ok(&text, at, end),
                        number_boundaries_by_chars(&text, at, end),
                        "{:?}", &text[at..end]
                    );
                }
            }
        }
    }

    /// [`number_boundaries_ok`] read character by character.
    fn number_boundaries_by_chars(text: &str, start: usize, end: usize) -> bool {
        let span = &text[start..end];
        let mut before = text[..start].chars().rev();
        if span.starts_with(|c: char| c.is_ascii_digit()) {
            match before.next() {
                Some(c) if c.is_alphanumeric() || c == '_' => return false,
                Some('.' | ',' | ':' | '/')
                    if before.next().is_some_and(|c| c.is_ascii_digit()) =>
                {
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

    proptest::proptest! {
        #[test]
        fn readers_read_any_text_as_the_regex_does(
            pieces in proptest::collection::vec(0usize..80, 1..10),
        ) {
            let words = [
                "nächsten", "nächste", "Nächsten", "letzten", "letzte", "diesen", "am", "Mo",
                "Montag", "Dienstag", "Sonnabend", "Sonntag", "mehr", "mehr als", "als",
                "etwa", "ein", "eine", "einen", "zwei", "drei", "zwölf", "Tag", "Tage", "Tagen",
                "Jahr", "Jahre", "Jahrzehnt", "Uhr", "1", "20", "19", "0", "7", "5", ":", ".",
                " ", "\u{a0}", "\n", "Juni", "Jan", "Mai", "Jahres", "Ende", "des", "im", "Im",
                "2019", "3", "12", "Quartal", "Q", "/", "er", "-", "–", ",", "heute", "gestern",
                "Nacht", "abend", "vom", "v.", "Chr.", "Mitte", "seit", "vor", "später", "bis",
                "Frühjahr", "Halbjahr", "Jahrhundert", "1990", "zwanziger", "derzeit",
            ];
            let text: String = pieces.iter().map(|&i| words[i % words.len()]).collect();
            static RULES: std::sync::OnceLock<(RuleSet, Vocabulary)> = std::sync::OnceLock::new();
            let (rules, _) = RULES.get_or_init(rule_set);
            for rule in rules.rules.iter().filter(|r| r.reader.is_some()) {
                for (at, _) in text.char_indices() {
                    let (by_reader, by_regex) = both_ways(rule, &text[at..]);
                    proptest::prop_assert_eq!(by_reader, by_regex, "{} on {:?}", rule.name, &text[at..]);
                }
            }
        }
    }
}
