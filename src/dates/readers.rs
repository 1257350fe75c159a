//! Hand-built capture readers for the rules that match most often.
//!
//! The multi-pattern DFA ([`super::rules`]) tells which rules match where; a rule's groups are
//! then read by its capture engine. For patterns that are not one-pass (word lists where one
//! form is a prefix of another, `[01]?[0-9]|2[0-4]`) that engine is a backtracker, which tries
//! the alternatives of a long word list one by one and costs a few thousand instructions per
//! match: on news most of the capture time goes to four rules (bare years, clock times,
//! weekdays, numbers with a unit).
//!
//! A [`Reader`] is the same pattern written out as a small tree ([`Piece`]) and matched the way
//! the regex engine does (leftmost-first: alternatives in order, quantifiers greedy, the first
//! way through that succeeds wins), filling the same capture slots. A reader is only used for a
//! rule whose pattern text in `resources/dates/rules/*.tsv` is, character for character, the one
//! the reader was written for ([`Reader::for_pattern`]); any other pattern, or an edited one, keeps
//! its regex engine. Word lists are read from the vocabulary's own expansion of the macro, in
//! the order the regex tries them. Tests check readers against the regex on the rule examples
//! and on generated text.

use regex_automata::util::primitives::NonMaxUsize;

use super::vocab::Vocabulary;

/// A piece of a pattern.
#[derive(Debug, Clone)]
enum Piece {
    /// One of the forms, tried in order (an alternation of literals); kept by first byte, in
    /// their order (forms with different first bytes never both match).
    Words(Box<[Vec<Vec<u8>>]>),
    /// The bytes as written.
    Lit(Vec<u8>),
    /// `min` to `max` ASCII bytes of a set (one bit per byte below 128), greedy.
    Run(u128, usize, usize),
    /// `[^\S\n]+` (`min` 1) or `[^\S\n]*` (`min` 0): white space on the line, greedy.
    Spaces(usize),
    /// The pieces one after the other.
    Seq(Vec<Piece>),
    /// The first alternative that lets the rest match.
    Alt(Vec<Piece>),
    /// Greedy repetition, `min` to `max` times.
    Repeat(Box<Piece>, usize, usize),
    /// A capture group (its index) around a piece.
    Group(usize, Box<Piece>),
}

/// The capture slots of one search (two per group, the whole match included).
type Slots = [Option<NonMaxUsize>];

/// What follows a piece: called with the position reached, true once the whole match succeeded.
type Then<'a> = dyn FnMut(usize, &mut Slots) -> bool + 'a;

/// A rule pattern as [`Piece`]s, read without a regex engine.
#[derive(Debug, Clone)]
pub struct Reader {
    root: Piece,
}

/// The set of bytes in `from..=to`.
const fn range(from: u8, to: u8) -> u128 {
    let mut set = 0u128;
    let mut b = from;
    while b <= to {
        set |= 1 << b;
        b += 1;
    }
    set
}

const DIGIT: u128 = range(b'0', b'9');

/// The width of the white-space character (not a line break) at the start of `rest`, or 0.
#[inline]
fn space_width(rest: &[u8]) -> usize {
    match rest.first() {
        Some(b' ' | b'\t' | 0x0B | 0x0C | b'\r') => 1,
        Some(&b) if b >= 0x80 => {
            // Decode the one character (the haystack is a `str` slice on char boundaries).
            let end = rest.len().min(4);
            let text = match std::str::from_utf8(&rest[..end]) {
                Ok(text) => text,
                Err(e) => std::str::from_utf8(&rest[..e.valid_up_to()]).unwrap_or(""),
            };
            match text.chars().next() {
                Some(c) if c.is_whitespace() => c.len_utf8(),
                _ => 0,
            }
        }
        _ => 0,
    }
}

impl Piece {
    /// Matches the piece at `at`, then `then` from where it ended; false if no way through.
    fn read(&self, hay: &[u8], at: usize, slots: &mut Slots, then: &mut Then<'_>) -> bool {
        match self {
            Piece::Words(buckets) => {
                let rest = &hay[at..];
                let Some(&first) = rest.first() else {
                    return false;
                };
                buckets[usize::from(first)]
                    .iter()
                    .any(|form| rest.starts_with(form) && then(at + form.len(), slots))
            }
            Piece::Lit(bytes) => hay[at..].starts_with(bytes) && then(at + bytes.len(), slots),
            Piece::Run(set, min, max) => {
                let run = hay[at..]
                    .iter()
                    .take(*max)
                    .take_while(|&&b| b < 128 && set >> b & 1 == 1)
                    .count();
                (*min..=run).rev().any(|n| then(at + n, slots))
            }
            Piece::Spaces(min) => {
                // The ends after each character of the run, longest first.
                let mut ends = [0usize; 8];
                let mut count = 0;
                let mut end = at;
                loop {
                    let width = space_width(&hay[end..]);
                    if width == 0 {
                        break;
                    }
                    end += width;
                    if count == ends.len() {
                        // A long run: the general way, one character at a time.
                        return read_spaces(*min, hay, at, slots, then);
                    }
                    ends[count] = end;
                    count += 1;
                }
                if ends[..count].iter().rev().any(|&end| then(end, slots)) {
                    return true;
                }
                *min == 0 && then(at, slots)
            }
            Piece::Seq(pieces) => read_seq(pieces, hay, at, slots, then),
            Piece::Alt(alternatives) => alternatives
                .iter()
                .any(|piece| piece.read(hay, at, slots, then)),
            Piece::Repeat(piece, min, max) => {
                read_repeat(piece, *min, *max, 0, hay, at, slots, then)
            }
            Piece::Group(group, piece) => {
                let (open, close) = (2 * group, 2 * group + 1);
                let before = (slots[open], slots[close]);
                slots[open] = NonMaxUsize::new(at);
                let found = piece.read(hay, at, slots, &mut |end, slots: &mut Slots| {
                    let close_before = slots[close];
                    slots[close] = NonMaxUsize::new(end);
                    if then(end, slots) {
                        return true;
                    }
                    slots[close] = close_before;
                    false
                });
                if !found {
                    (slots[open], slots[close]) = before;
                }
                found
            }
        }
    }
}

/// `[^\S\n]+` or `*` at `at`, greedy, one character at a time.
fn read_spaces(min: usize, hay: &[u8], at: usize, slots: &mut Slots, then: &mut Then<'_>) -> bool {
    let width = space_width(&hay[at..]);
    if width > 0 && read_spaces(0, hay, at + width, slots, then) {
        return true;
    }
    min == 0 && then(at, slots)
}

fn read_seq(
    pieces: &[Piece],
    hay: &[u8],
    at: usize,
    slots: &mut Slots,
    then: &mut Then<'_>,
) -> bool {
    match pieces.split_first() {
        None => then(at, slots),
        Some((first, rest)) => first.read(hay, at, slots, &mut |end, slots: &mut Slots| {
            read_seq(rest, hay, end, slots, then)
        }),
    }
}

/// Greedy: one more time first (while fewer than `max`), else stop here (once `min` reached).
#[allow(clippy::too_many_arguments)]
fn read_repeat(
    piece: &Piece,
    min: usize,
    max: usize,
    done: usize,
    hay: &[u8],
    at: usize,
    slots: &mut Slots,
    then: &mut Then<'_>,
) -> bool {
    if done < max
        && piece.read(hay, at, slots, &mut |end, slots: &mut Slots| {
            // No piece here matches the empty string; guard anyway against looping.
            end > at && read_repeat(piece, min, max, done + 1, hay, end, slots, then)
        })
    {
        return true;
    }
    done >= min && then(at, slots)
}

/// The forms of a word-list macro, in the order its alternation tries them, if the macro
/// expands to a plain alternation of literals.
fn words(vocab: &Vocabulary, name: &str) -> Option<Piece> {
    let expanded = vocab.expand(name)?;
    let inner = expanded.strip_prefix("(?:")?.strip_suffix(')')?;
    let mut forms = Vec::new();
    for escaped in inner.split('|') {
        let mut form = String::new();
        let mut chars = escaped.chars();
        while let Some(c) = chars.next() {
            match c {
                '\\' => form.push(chars.next()?),
                // Anything the regex would read as syntax: not a plain literal.
                '(' | ')' | '[' | ']' | '{' | '}' | '?' | '*' | '+' | '.' | '^' | '$' => {
                    return None
                }
                c => form.push(c),
            }
        }
        if form.is_empty() {
            return None;
        }
        forms.push(form.into_bytes());
    }
    let mut buckets = vec![Vec::new(); 256];
    for form in forms {
        buckets[usize::from(form[0])].push(form);
    }
    Some(Piece::Words(buckets.into_boxed_slice()))
}

impl Reader {
    /// The reader for a rule pattern as written in the rule file (macros not expanded), with
    /// `group` giving the index of each named group; `None` for a pattern without one.
    pub fn for_pattern(
        pattern: &str,
        vocab: &Vocabulary,
        group: impl Fn(&str) -> Option<usize>,
    ) -> Option<Reader> {
        use Piece::{Alt, Group, Repeat, Run, Seq, Spaces};
        let g = |name: &str, piece: Piece| Some(Group(group(name)?, Box::new(piece)));
        let spaces = || Spaces(1);
        let digits = |n: usize| Run(DIGIT, n, n);
        let lit = |text: &str| Piece::Lit(text.as_bytes().to_vec());
        let class = |set: u128| Run(set, 1, 1);
        let optional = |piece: Piece| Repeat(Box::new(piece), 0, 1);
        let root = match pattern {
            "(?P<year>{YEAR})" => g(
                "year",
                Alt(vec![
                    Seq(vec![lit("1"), digits(3)]),
                    Seq(vec![lit("20"), digits(2)]),
                ]),
            )?,
            "(?P<hour>[01]?[0-9]|2[0-4])[:.](?P<minute>[0-5][0-9])(?:{S}Uhr)?" => Seq(vec![
                g(
                    "hour",
                    Alt(vec![
                        Seq(vec![Run(range(b'0', b'1'), 0, 1), class(DIGIT)]),
                        Seq(vec![lit("2"), class(range(b'0', b'4'))]),
                    ]),
                )?,
                class(1 << b':' | 1 << b'.'),
                g("minute", Seq(vec![class(range(b'0', b'5')), class(DIGIT)]))?,
                optional(Seq(vec![spaces(), lit("Uhr")])),
            ]),
            "(?:(?P<shift>{SHIFT}){S})?(?P<weekday>{WEEKDAY})" => Seq(vec![
                optional(Seq(vec![g("shift", words(vocab, "SHIFT")?)?, spaces()])),
                g("weekday", words(vocab, "WEEKDAY")?)?,
            ]),
            "(?:(?P<mod>{MOD}){S})?(?P<num>[0-9]{1,3}|{NUMWORD}){S}(?P<unit>{UNIT})" => Seq(vec![
                optional(Seq(vec![g("mod", words(vocab, "MOD")?)?, spaces()])),
                g("num", Alt(vec![Run(DIGIT, 1, 3), words(vocab, "NUMWORD")?]))?,
                spaces(),
                g("unit", words(vocab, "UNIT")?)?,
            ]),
            _ => return None,
        };
        Some(Reader { root })
    }

    /// Matches anchored at the start of `haystack` and fills `slots` as the regex engine
    /// would (slots of groups not taking part stay `None`); false if no match.
    pub fn read(&self, haystack: &[u8], slots: &mut Slots) -> bool {
        slots.fill(None);
        let mut end = 0;
        let found = self
            .root
            .read(haystack, 0, slots, &mut |at, _: &mut Slots| {
                end = at;
                true
            });
        if found && slots.len() >= 2 {
            slots[0] = NonMaxUsize::new(0);
            slots[1] = NonMaxUsize::new(end);
        }
        found
    }
}
