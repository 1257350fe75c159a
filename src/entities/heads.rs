//! The head automaton (organisation heads, role suffixes) run only where a head can end.
//!
//! The rules use a head match only when it ends its word token (or the token's genitive `s`
//! or `es` follows). Scanning the whole folded document with the automaton spent 18
//! instructions a byte to find heads that almost never end a word. Here each word token is
//! first tested with a filter of the heads' last bytes at its (at most three) possible head
//! ends; only the few tokens that pass are scanned, each over its run of bytes that can occur
//! in a head. A word that is a run of its own has the matches of its folded bytes alone: they
//! are kept per thread and replayed where the word recurs.
//!
//! The result is exactly the whole-text scan's: no head contains a byte outside the run's
//! alphabet, so no match of the whole-text leftmost-longest scan crosses a run's edge, and
//! the scan's matches inside a run are those of a scan of the run alone.

use std::cell::RefCell;
use std::sync::atomic::{AtomicU64, Ordering};

use aho_corasick::{AhoCorasick, Match, PatternID};

use crate::tokenise::{Token, TokenKind};

/// Size of the filter of head endings in bits (a power of two).
const FILTER_BITS: usize = 1 << 15;

/// The filter of head endings, built with the automaton's patterns.
#[derive(Debug, Clone)]
pub(crate) struct HeadEnds {
    /// Bytes occurring in some pattern.
    alphabet: [bool; 256],
    /// Bit `b1 << 8 | b0` set when some pattern ends with the bytes `b0 b1`.
    pairs: Box<[u64]>,
    /// Bit [`tail_bit`] of every pattern's last four bytes (all three of a three-byte one).
    filter: Box<[u64]>,
    /// Some pattern is three bytes long.
    three: bool,
    /// Some pattern is shorter than two bytes: every word is scanned.
    scan_all: bool,
    /// Length of the shortest pattern (`usize::MAX` when there is none).
    shortest: usize,
    /// A number no other filter built in this process has, naming it (and its automaton)
    /// in the per-thread cache of scans ([`SCANS`]).
    id: u64,
}

/// The source of [`HeadEnds`] ids (0: none).
static FILTER_IDS: AtomicU64 = AtomicU64::new(1);

/// Entries of the per-thread cache of scans (a power of two).
const SCAN_CACHE: usize = 1 << 12;

/// The matches of the scan of one word of up to 16 bytes that is a run of its own (no
/// alphabet byte next to it): its folded bytes (the first eight and the rest, little-endian,
/// zero above), its length (0: an empty entry), and up to two matches (pattern, start, end
/// in the word).
#[derive(Debug, Default, Clone, Copy)]
struct Scan {
    low: u64,
    high: u64,
    len: u8,
    count: u8,
    matches: [(u32, u8, u8); 2],
}

/// The cache of scans for the filter with the id `filter`.
#[derive(Debug, Default)]
struct ScanCache {
    filter: u64,
    entries: Box<[Scan]>,
}

thread_local! {
    /// Scans of words by their folded bytes: the same heads' words (Ministerium, Verband,
    /// Sprecher) recur in every document, and a cached scan is replayed for a fraction of the
    /// automaton's cost.
    static SCANS: RefCell<ScanCache> = RefCell::new(ScanCache::default());
}

/// The `n` (1 to 8) bytes of `b` at `at`, little-endian, zero above: one load where eight
/// bytes follow `at`.
#[inline(always)]
fn load_word(b: &[u8], at: usize, n: usize) -> u64 {
    match b.get(at..at + 8) {
        Some(eight) => {
            u64::from_le_bytes(eight.try_into().expect("8 bytes")) & (!0u64 >> (64 - 8 * n))
        }
        None => b[at..at + n]
            .iter()
            .rev()
            .fold(0u64, |word, &byte| word << 8 | u64::from(byte)),
    }
}

/// The filter bit of the last `len` (3 or 4) bytes of a pattern, loaded little-endian.
#[inline(always)]
fn tail_bit(tail: u32, len: u32) -> usize {
    let key = u64::from(tail) | u64::from(len) << 32;
    (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - 15)) as usize
}

#[inline(always)]
fn load_le(bytes: &[u8]) -> u32 {
    bytes.iter().rev().fold(0u32, |w, &b| w << 8 | u32::from(b))
}

impl HeadEnds {
    /// The filter of `patterns` (the automaton's, in any order).
    pub(crate) fn build<'p>(patterns: impl IntoIterator<Item = &'p str>) -> HeadEnds {
        let mut ends = HeadEnds {
            alphabet: [false; 256],
            pairs: vec![0u64; (1 << 16) / 64].into_boxed_slice(),
            filter: vec![0u64; FILTER_BITS / 64].into_boxed_slice(),
            three: false,
            scan_all: false,
            shortest: usize::MAX,
            id: FILTER_IDS.fetch_add(1, Ordering::Relaxed),
        };
        for pattern in patterns {
            let bytes = pattern.as_bytes();
            if bytes.is_empty() {
                continue;
            }
            for &b in bytes {
                ends.alphabet[usize::from(b)] = true;
            }
            let n = bytes.len();
            ends.shortest = ends.shortest.min(n);
            if n < 3 {
                ends.scan_all = true;
                continue;
            }
            let pair = usize::from(bytes[n - 2]) | usize::from(bytes[n - 1]) << 8;
            ends.pairs[pair >> 6] |= 1 << (pair & 63);
            let len = n.min(4);
            ends.three |= len == 3;
            let bit = tail_bit(load_le(&bytes[n - len..]), len as u32);
            ends.filter[bit >> 6] |= 1 << (bit & 63);
        }
        ends
    }

    #[inline(always)]
    fn has(&self, tail: u32, len: u32) -> bool {
        let bit = tail_bit(tail, len);
        self.filter[bit >> 6] >> (bit & 63) & 1 != 0
    }

    /// Whether some pattern may end at `end` and start at or after `from` in `folded`.
    #[inline(always)]
    fn may_end_at(&self, folded: &[u8], from: usize, end: usize) -> bool {
        if end < from.saturating_add(self.shortest) {
            return false;
        }
        if self.scan_all {
            return true;
        }
        let pair = usize::from(folded[end - 2]) | usize::from(folded[end - 1]) << 8;
        if self.pairs[pair >> 6] >> (pair & 63) & 1 == 0 {
            return false;
        }
        if end >= from + 4 {
            let four = u32::from_le_bytes(folded[end - 4..end].try_into().expect("4 bytes"));
            if self.has(four, 4) || self.three && self.has(four >> 8, 3) {
                return true;
            }
            return false;
        }
        self.three && self.has(load_le(&folded[end - 3..end]), 3)
    }

    /// Whether a head may end a word at its end or before its genitive ending (`s`, `es`):
    /// `word` is the word's text, `folded` its [`crate::gazetteer::fold`]. A function of the
    /// word alone (the token flags cache it as `HEAD_END`).
    #[inline(always)]
    pub(crate) fn may_end_word(&self, word: &[u8], folded: &[u8]) -> bool {
        let end = word.len();
        self.may_end_at(folded, 0, end)
            || end > 0
                && word[end - 1] == b's'
                && (self.may_end_at(folded, 0, end - 1)
                    || (end >= 2 && word[end - 2] == b'e' && self.may_end_at(folded, 0, end - 2)))
    }

    /// Calls `found(token, match)` for every match of `heads` over `folded` that starts in
    /// a word token and ends at the token's end or before its genitive ending (`s`, `es` of
    /// `text`), in the order of a scan of the whole text; `heads` must be the automaton of
    /// the patterns this filter was built from. Only the tokens `words` (word tokens, in
    /// increasing order) are scanned: they must include every word token where
    /// [`HeadEnds::may_end_word`] holds (the `HEAD_END` token flag). Other matches are not
    /// reported; the caller checks the end again.
    pub(crate) fn for_each_word_end_match(
        &self,
        heads: &AhoCorasick,
        folded: &[u8],
        tokens: &[Token],
        words: impl Iterator<Item = usize>,
        mut found: impl FnMut(usize, Match),
    ) {
        SCANS.with(|cache| {
            let mut cache = cache.try_borrow_mut().ok();
            if let Some(cache) = cache.as_mut() {
                if cache.filter != self.id || cache.entries.is_empty() {
                    cache.filter = self.id;
                    cache.entries = vec![Scan::default(); SCAN_CACHE].into_boxed_slice();
                }
            }
            for i in words {
                let token = tokens[i];
                debug_assert_eq!(token.kind, TokenKind::Word);
                let (start, end) = (token.start, token.end);
                // The run of alphabet bytes around the token: no match crosses its edges.
                let mut from = start;
                while from > 0 && self.alphabet[usize::from(folded[from - 1])] {
                    from -= 1;
                }
                let mut to = end;
                while to < folded.len() && self.alphabet[usize::from(folded[to])] {
                    to += 1;
                }
                // A run that is the token itself, of up to 16 bytes: its matches are those
                // of its folded bytes alone, cached by them.
                let n = end - start;
                let entry = match cache.as_mut() {
                    Some(cache) if from == start && to == end && (1..=16).contains(&n) => {
                        let low = load_word(folded, start, n.min(8));
                        let high = if n > 8 {
                            load_word(folded, start + 8, n - 8)
                        } else {
                            0
                        };
                        let hash = (low ^ high.rotate_left(29) ^ (n as u64) << 59)
                            .wrapping_mul(0x9e37_79b9_7f4a_7c15);
                        let slot = (hash >> (64 - SCAN_CACHE.trailing_zeros())) as usize;
                        let entry = &mut cache.entries[slot];
                        if entry.low == low && entry.high == high && usize::from(entry.len) == n {
                            for &(pattern, s, e) in &entry.matches[..usize::from(entry.count)] {
                                let span = start + usize::from(s)..start + usize::from(e);
                                found(
                                    i,
                                    Match::new(PatternID::new_unchecked(pattern as usize), span),
                                );
                            }
                            continue;
                        }
                        Some((entry, low, high))
                    }
                    _ => None,
                };
                let mut scan = Scan::default();
                let mut cacheable = true;
                for m in heads.find_iter(&folded[from..to]) {
                    let at = from + m.start();
                    if at < start || at >= end {
                        continue;
                    }
                    let m = m.offset(from);
                    if let Some(slot) = scan.matches.get_mut(usize::from(scan.count)) {
                        *slot = (
                            m.pattern().as_u32(),
                            (m.start() - start) as u8,
                            (m.end() - start) as u8,
                        );
                        scan.count += 1;
                    } else {
                        cacheable = false;
                    }
                    found(i, m);
                }
                if let (Some((entry, low, high)), true) = (entry, cacheable) {
                    *entry = Scan {
                        low,
                        high,
                        len: n as u8,
                        ..scan
                    };
                }
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenise::Tokeniser;
    use aho_corasick::MatchKind;

    /// The filtered scan reports exactly the whole-text scan's matches that start in a word
    /// token and end at its end or before a genitive ending.
    #[test]
    fn filtered_scan_equals_the_whole_text_scan_at_word_ends() {
        let patterns = [
            "ministerium",
            "amt",
            "regierung",
            "regierungsrat",
            "rat",
            "leiter",
            "leiterin",
            "präsident",
            "kammer",
            "universität",
        ];
        let heads = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(patterns)
            .unwrap();
        let ends = HeadEnds::build(patterns);
        let tokeniser = Tokeniser::load_default().unwrap();
        let texts = [
            "Das Staatsministerium und der Regierungsrat des Amts trafen die Amtsleiterin.",
            "Die REGIERUNGSRÄTE, der Rat, das Landratsamt, die Ratsleiter und Präsidenten.",
            "Die Universitäts-Kammer, der Kammerpräsident, die Handelskammer-Leiterin; Amt.",
            "Ministeriums Regierungs Regierunges Kammeres rat amt Präsidentinnen Ämter.",
            "",
        ];
        for text in texts {
            let folded = crate::gazetteer::fold(text);
            let tokens = tokeniser.tokenise(text);
            let mut expected = Vec::new();
            for m in heads.find_iter(folded.as_bytes()) {
                let i = tokens.partition_point(|t| t.start <= m.start());
                if i == 0 || tokens[i - 1].end <= m.start() {
                    continue;
                }
                let token = tokens[i - 1];
                let rest = &text[m.end().min(token.end)..token.end];
                if token.kind == TokenKind::Word
                    && m.end() <= token.end
                    && matches!(rest, "" | "s" | "es")
                {
                    expected.push((i - 1, m.start(), m.end(), m.pattern().as_usize()));
                }
            }
            let mut got = Vec::new();
            let may_end = |i: &usize| {
                let token = tokens[*i];
                let range = token.start..token.end;
                token.kind == TokenKind::Word
                    && ends.may_end_word(&text.as_bytes()[range.clone()], &folded.as_bytes()[range])
            };
            let words = (0..tokens.len()).filter(may_end);
            ends.for_each_word_end_match(&heads, folded.as_bytes(), &tokens, words, |i, m| {
                let token = tokens[i];
                let rest = &text[m.end().min(token.end)..token.end];
                if m.end() <= token.end && matches!(rest, "" | "s" | "es") {
                    got.push((i, m.start(), m.end(), m.pattern().as_usize()));
                }
            });
            assert_eq!(got, expected, "{text}");
            if !text.is_empty() {
                assert!(
                    !expected.is_empty(),
                    "no head found in {text:?}: a void test"
                );
            }
        }
    }
}
