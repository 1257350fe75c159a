//! Where words start, found 64 bytes at a time.
//!
//! The rule pass ([`super::rules`]) looks at the start of every word and number, and at every
//! character that is neither a letter, a digit nor ASCII (`„`, `–`, a no-break space): the
//! positions where the character before is not a letter or digit. Walking the text byte by byte
//! to find them cost more than everything else in the date stage. Here each block of 64 bytes is
//! classified at once (a byte map the compiler vectorises, and plain integer arithmetic to gather
//! one bit per byte, with SSE2 on x86-64); the starts of a block are then one shift and mask away. Only
//! characters outside ASCII are looked at one by one (umlauts, dashes and quotation marks without
//! decoding, anything else decoded).
//!
//! [`LetterRuns`] finds the words of a stretch (runs of letters, digits parting them) the same
//! way, for the future-cue search in the sentence of a bare weekday ([`super::resolve`]).

/// The high bit of every byte.
const HIGH: u64 = 0x8080_8080_8080_8080;

/// Bit `i` of the result: the lowest bit of byte `i` of `flags` (each byte 0 or 1).
#[inline(always)]
fn gather(flags: &[u8; 64]) -> u64 {
    let mut out = 0u64;
    for (i, eight) in flags.chunks_exact(8).enumerate() {
        let x = u64::from_le_bytes(eight.try_into().expect("eight bytes"));
        out |= (x.wrapping_mul(0x0102_0408_1020_4080) >> 56) << (i * 8);
    }
    out
}

/// Per byte of `block`, one bit each: ASCII letters (and digits with `DIGITS`), and bytes
/// outside ASCII.
#[inline]
fn classify_with<const DIGITS: bool>(block: &[u8; 64]) -> (u64, u64) {
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    {
        // SAFETY: the function needs SSE2 only, which this build enables (every x86-64
        // processor has it).
        unsafe { classify_sse2::<DIGITS>(block) }
    }
    #[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
    {
        classify_portable::<DIGITS>(block)
    }
}

/// [`classify_with`] with SSE2 (part of every x86-64 processor): 16 bytes per compare, one bit
/// per byte straight from `movemask`. The intrinsics used take no pointers.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[target_feature(enable = "sse2")]
#[inline]
fn classify_sse2<const DIGITS: bool>(block: &[u8; 64]) -> (u64, u64) {
    use std::arch::x86_64::{
        __m128i, _mm_add_epi8, _mm_cmplt_epi8, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
        _mm_set_epi64x,
    };
    let mut alnum = 0u64;
    let mut high = 0u64;
    for (i, sixteen) in block.chunks_exact(16).enumerate() {
        let lo = u64::from_le_bytes(sixteen[..8].try_into().expect("eight bytes"));
        let hi = u64::from_le_bytes(sixteen[8..].try_into().expect("eight bytes"));
        let v: __m128i = _mm_set_epi64x(hi as i64, lo as i64);
        // `(b | 0x20) - 'a' < 26` unsigned, as a signed compare after moving the range to -128.
        let folded = _mm_or_si128(v, _mm_set1_epi8(0x20));
        let mut word = _mm_cmplt_epi8(
            _mm_add_epi8(folded, _mm_set1_epi8((128u8.wrapping_sub(b'a')) as i8)),
            _mm_set1_epi8(-128 + 26),
        );
        if DIGITS {
            // `b - '0' < 10` likewise.
            let digit = _mm_cmplt_epi8(
                _mm_add_epi8(v, _mm_set1_epi8((128u8.wrapping_sub(b'0')) as i8)),
                _mm_set1_epi8(-128 + 10),
            );
            word = _mm_or_si128(word, digit);
        }
        alnum |= (_mm_movemask_epi8(word) as u32 as u64) << (i * 16);
        high |= (_mm_movemask_epi8(v) as u32 as u64) << (i * 16);
    }
    (alnum, high)
}

/// [`classify_with`] in plain integer arithmetic.
#[cfg_attr(all(target_arch = "x86_64", target_feature = "sse2"), allow(dead_code))]
#[inline]
fn classify_portable<const DIGITS: bool>(block: &[u8; 64]) -> (u64, u64) {
    // A plain map, which the compiler turns into vector instructions, then eight bytes of
    // flags at a time gathered into bits.
    let mut flags = [0u8; 64];
    for (flag, &b) in flags.iter_mut().zip(block) {
        let digit = DIGITS && b.wrapping_sub(b'0') < 10;
        *flag = u8::from(digit || (b | 0x20).wrapping_sub(b'a') < 26);
    }
    let mut high = 0u64;
    for (i, eight) in block.chunks_exact(8).enumerate() {
        let x = u64::from_le_bytes(eight.try_into().expect("eight bytes"));
        let x = (x & HIGH) >> 7;
        high |= (x.wrapping_mul(0x0102_0408_1020_4080) >> 56) << (i * 8);
    }
    (gather(&flags), high)
}

/// The width of the character outside ASCII at `at` and whether it is a letter, or with
/// `DIGITS` a letter or digit (`char::is_alphabetic`, `char::is_alphanumeric`).
#[inline]
fn non_ascii_class<const DIGITS: bool>(text: &str, at: usize) -> (usize, bool) {
    let bytes = text.as_bytes();
    let second = bytes.get(at + 1).copied().unwrap_or(0);
    match bytes[at] {
        // Latin-1 letters (`ä`, `É`, `ß`); `×` and `÷` are not letters.
        0xC3 => (2, second != 0x97 && second != 0xB7),
        // U+2000 to U+203F: spaces, dashes, quotation marks, none a letter or digit.
        0xE2 if second == 0x80 => (3, false),
        _ => {
            let c = text[at..].chars().next().expect("at a char boundary");
            let class = if DIGITS {
                c.is_alphanumeric()
            } else {
                c.is_alphabetic()
            };
            (c.len_utf8(), class)
        }
    }
}

/// The 64-byte block of `text` at `base`, classified whole: the bytes of the characters of the
/// class (ASCII letters, and digits with `DIGITS`; characters outside ASCII decoded, and the
/// rest of one begun in the block before, from `spill`) and the first bytes of the characters
/// outside ASCII not of the class; then where the block ends. `spill` becomes the bytes of the
/// next block that belong to a character of the class begun in this one.
#[inline]
fn classify_text_block<const DIGITS: bool>(
    text: &str,
    base: usize,
    spill: &mut u64,
) -> (u64, u64, usize) {
    let bytes = text.as_bytes();
    let end = (base + 64).min(bytes.len());
    let (ascii, high) = match bytes.get(base..base + 64) {
        Some(block) => classify_with::<DIGITS>(block.try_into().expect("64 bytes")),
        None => {
            let mut block = [0u8; 64];
            block[..end - base].copy_from_slice(&bytes[base..end]);
            classify_with::<DIGITS>(&block)
        }
    };
    let mut class = ascii | *spill;
    *spill = 0;
    let mut other = 0u64;
    // Characters outside ASCII, one by one.
    let mut pending = high;
    while pending != 0 {
        let i = pending.trailing_zeros() as usize;
        let at = base + i;
        if bytes[at] & 0xC0 == 0x80 {
            // The rest of a character begun in the block before (in `spill` if of the class).
            pending &= pending - 1;
            continue;
        }
        let (width, of_class) = non_ascii_class::<DIGITS>(text, at);
        let span = ((1u128 << width) - 1) << i;
        pending &= !(span as u64);
        if of_class {
            class |= span as u64;
            *spill |= (span >> 64) as u64;
        } else {
            other |= 1 << i;
        }
    }
    (class, other, end)
}

/// The positions in `text` where a word, a number or a character outside ASCII that is not a
/// letter or digit starts, and the character before is not a letter or digit; in text order.
///
/// # Example
/// ```
/// use meldung::dates::scan::WordStarts;
/// let text = "Am 3.5. „Über“ x2";
/// let starts: Vec<&str> = WordStarts::new(text).map(|at| &text[at..]).collect();
/// assert_eq!(
///     starts,
///     ["Am 3.5. „Über“ x2", "3.5. „Über“ x2", "5. „Über“ x2", "„Über“ x2", "Über“ x2", "x2"]
/// );
/// ```
#[derive(Debug, Clone)]
pub struct WordStarts<'t> {
    text: &'t str,
    /// Where the next block starts.
    next_block: usize,
    /// Where the current block starts.
    base: usize,
    /// The starts of the current block not yet returned, one bit per byte.
    bits: u64,
    /// Whether the last byte before the next block belongs to a letter or digit.
    carry: bool,
    /// The bytes of the next block that belong to a letter or digit begun in the current one.
    spill: u64,
}

impl<'t> WordStarts<'t> {
    pub fn new(text: &'t str) -> WordStarts<'t> {
        WordStarts {
            text,
            next_block: 0,
            base: 0,
            bits: 0,
            carry: false,
            spill: 0,
        }
    }

    /// Classifies the next block and sets its starts.
    fn advance(&mut self) {
        let base = self.next_block;
        let (word, other, end) = classify_text_block::<true>(self.text, base, &mut self.spill);
        self.bits = (word | other) & !(word << 1 | u64::from(self.carry));
        self.carry = word >> 63 != 0;
        self.base = base;
        self.next_block = end;
    }
}

impl WordStarts<'_> {
    /// The starts of the next block holding any, not yet returned, as the block's position and
    /// one bit per byte (bit `i` for a start at `position + i`); the iterator over them then
    /// goes on after the block. For loops that keep the bits in a register.
    #[inline]
    pub fn next_block(&mut self) -> Option<(usize, u64)> {
        while self.bits == 0 {
            if self.next_block >= self.text.len() {
                return None;
            }
            self.advance();
        }
        let bits = self.bits;
        self.bits = 0;
        Some((self.base, bits))
    }
}

impl Iterator for WordStarts<'_> {
    type Item = usize;

    #[inline]
    fn next(&mut self) -> Option<usize> {
        while self.bits == 0 {
            if self.next_block >= self.text.len() {
                return None;
            }
            self.advance();
        }
        let i = self.bits.trailing_zeros() as usize;
        self.bits &= self.bits - 1;
        Some(self.base + i)
    }
}

/// The words of `text` as runs of letters (ASCII letters and characters outside ASCII that are
/// alphabetic; digits and everything else part them), as byte ranges in text order, found 64
/// bytes at a time as [`WordStarts`] finds its starts.
///
/// # Example
/// ```
/// use meldung::dates::scan::LetterRuns;
/// let text = "Am 3.5. reist „Über“ x2y";
/// let words: Vec<&str> = LetterRuns::new(text).map(|run| &text[run]).collect();
/// assert_eq!(words, ["Am", "reist", "Über", "x", "y"]);
/// ```
#[derive(Debug, Clone)]
pub struct LetterRuns<'t> {
    text: &'t str,
    /// Where the next block starts.
    next_block: usize,
    /// Where the current block starts.
    base: usize,
    /// The letters of the current block, one bit per byte.
    letters: u64,
    /// The bytes of the current block where a run starts or ends, not yet read.
    edges: u64,
    /// Whether the last byte before the next block belongs to a letter.
    carry: bool,
    /// The bytes of the next block that belong to a letter begun in the current one.
    spill: u64,
    /// The start of the run read so far, if one is open.
    open: Option<usize>,
}

impl<'t> LetterRuns<'t> {
    pub fn new(text: &'t str) -> LetterRuns<'t> {
        LetterRuns {
            text,
            next_block: 0,
            base: 0,
            letters: 0,
            edges: 0,
            carry: false,
            spill: 0,
            open: None,
        }
    }

    /// Classifies the next block and sets its edges.
    fn advance(&mut self) {
        let base = self.next_block;
        let (letters, _, end) = classify_text_block::<false>(self.text, base, &mut self.spill);
        // Bytes past the end of the text (a short last block) are no letters: a run open
        // there ends at the end of the text.
        self.edges = letters ^ (letters << 1 | u64::from(self.carry));
        self.letters = letters;
        self.carry = letters >> 63 != 0;
        self.base = base;
        self.next_block = end;
    }
}

impl Iterator for LetterRuns<'_> {
    type Item = std::ops::Range<usize>;

    #[inline]
    fn next(&mut self) -> Option<std::ops::Range<usize>> {
        loop {
            while self.edges == 0 {
                if self.next_block >= self.text.len() {
                    // A run open at the end of a text that fills its last block.
                    return self.open.take().map(|start| start..self.text.len());
                }
                self.advance();
            }
            let i = self.edges.trailing_zeros() as usize;
            self.edges &= self.edges - 1;
            let at = self.base + i;
            if self.letters >> i & 1 == 1 {
                self.open = Some(at);
            } else if let Some(start) = self.open.take() {
                return Some(start..at);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The starts found one character at a time.
    fn char_by_char(text: &str) -> Vec<usize> {
        let mut out = Vec::new();
        let mut word_before = false;
        for (at, c) in text.char_indices() {
            let separator = c.is_ascii() && !c.is_ascii_alphanumeric();
            if !separator && !word_before {
                out.push(at);
            }
            word_before = c.is_alphanumeric();
        }
        out
    }

    #[test]
    fn starts_match_a_walk_over_the_characters() {
        let long = "Übermorgen, am 3. Mai – „Sommer 2020“ × 4 ÷ 2 (1998)\u{a0}Straße 5a ".repeat(9);
        let texts = [
            "",
            "a",
            " ",
            "Am 12. Juni fand in Dresden ein Treffen statt.",
            "ä",
            "×",
            "Zürich, 3.\nMai 2021",
            "Ⅻ 12 ½ ３ Ωmega العربية 中文 😀x",
            long.as_str(),
        ];
        for text in texts {
            assert_eq!(
                WordStarts::new(text).collect::<Vec<_>>(),
                char_by_char(text),
                "{text:?}"
            );
            let mut blocks = WordStarts::new(text);
            let mut starts = Vec::new();
            while let Some((base, mut bits)) = blocks.next_block() {
                while bits != 0 {
                    starts.push(base + bits.trailing_zeros() as usize);
                    bits &= bits - 1;
                }
            }
            assert_eq!(starts, char_by_char(text), "{text:?}");
        }
    }

    #[test]
    fn every_byte_is_classified_as_one_at_a_time() {
        for first in (0..=255u8).step_by(64) {
            let block: [u8; 64] = std::array::from_fn(|i| first.wrapping_add(i as u8));
            for (alnum, high) in [
                classify_with::<true>(&block),
                classify_portable::<true>(&block),
            ] {
                for (i, &b) in block.iter().enumerate() {
                    assert_eq!(alnum >> i & 1 == 1, b.is_ascii_alphanumeric(), "{b:#x}");
                    assert_eq!(high >> i & 1 == 1, b >= 0x80, "{b:#x}");
                }
            }
        }
    }

    #[test]
    fn characters_outside_ascii_are_classified_as_decoded() {
        let chars = ('\u{80}'..='\u{2FFF}').chain(['😀', '中', '３', 'Ⅻ']);
        for c in chars {
            let text = format!("{c}x");
            assert_eq!(
                non_ascii_class::<true>(&text, 0),
                (c.len_utf8(), c.is_alphanumeric()),
                "{c:?}"
            );
        }
    }

    /// The runs of letters found one character at a time.
    fn letter_runs_char_by_char(text: &str) -> Vec<std::ops::Range<usize>> {
        let mut out = Vec::new();
        let mut open = None;
        for (at, c) in text.char_indices() {
            let letter = c.is_ascii_alphabetic() || (!c.is_ascii() && c.is_alphabetic());
            match (letter, open) {
                (true, None) => open = Some(at),
                (false, Some(start)) => {
                    out.push(start..at);
                    open = None;
                }
                _ => {}
            }
        }
        if let Some(start) = open {
            out.push(start..text.len());
        }
        out
    }

    #[test]
    fn letter_runs_match_a_walk_over_the_characters() {
        let long = "Übermorgen, am 3. Mai – „Sommer 2020“ × 4 ÷ 2 (1998)\u{a0}Straße 5a ".repeat(9);
        let edge = format!("{}ä{}ßx", "a".repeat(63), "b".repeat(62));
        let texts = [
            "",
            "a",
            " ",
            "Am 12. Juni fand in Dresden ein Treffen statt.",
            "ä",
            "×",
            "ª º µ ½ ３ Ⅻ x",
            "Zürich, 3.\nMai 2021",
            "Ⅻ 12 ½ ３ Ωmega العربية 中文 😀x",
            &"x".repeat(64),
            &"x".repeat(128),
            long.as_str(),
            edge.as_str(),
        ];
        for text in texts {
            assert_eq!(
                LetterRuns::new(text).collect::<Vec<_>>(),
                letter_runs_char_by_char(text),
                "{text:?}"
            );
        }
    }

    #[test]
    fn letters_are_classified_as_one_at_a_time() {
        for first in (0..=255u8).step_by(64) {
            let block: [u8; 64] = std::array::from_fn(|i| first.wrapping_add(i as u8));
            for (letters, high) in [
                classify_with::<false>(&block),
                classify_portable::<false>(&block),
            ] {
                for (i, &b) in block.iter().enumerate() {
                    assert_eq!(letters >> i & 1 == 1, b.is_ascii_alphabetic(), "{b:#x}");
                    assert_eq!(high >> i & 1 == 1, b >= 0x80, "{b:#x}");
                }
            }
        }
        let chars = ('\u{80}'..='\u{2FFF}').chain(['😀', '中', '３', 'Ⅻ']);
        for c in chars {
            let text = format!("{c}x");
            assert_eq!(
                non_ascii_class::<false>(&text, 0),
                (c.len_utf8(), c.is_alphabetic()),
                "{c:?}"
            );
        }
    }

    proptest! {
        #[test]
        fn letter_runs_match_on_any_text(text in "[a-zA-Z0-9 .,:\\-\n–„“äöüßÄÖÜ×\u{a0}€½ªº中😀]{0,200}") {
            prop_assert_eq!(LetterRuns::new(&text).collect::<Vec<_>>(), letter_runs_char_by_char(&text));
        }

        #[test]
        fn starts_match_on_any_text(text in "[a-zA-Z0-9 .,:\\-\n–„“äöüßÄÖÜ×\u{a0}€½中😀]{0,200}") {
            prop_assert_eq!(WordStarts::new(&text).collect::<Vec<_>>(), char_by_char(&text));
        }
    }
}
