//! Tokeniser and sentence splitter for German.
//!
//! Tokens are byte ranges into the original text; no later stage may move them (the offsets
//! are what every entity and date span is built from). The tokeniser splits the text at white
//! space (including non-breaking and zero-width spaces) into chunks, peels opening and closing
//! punctuation off each chunk, and classifies the core with German rules: abbreviations from
//! `resources/tokenise/abbreviations.tsv` keep their period, ordinals (`24.`) and day-month
//! dates (`25.09.`) keep theirs, a four-digit year does not (`2012.` ends a sentence), URLs,
//! e-mail addresses, domains (`resources/tokenise/top_level_domains.txt`), hashtags, times,
//! numbers with separators, hyphen compounds and truncations (`Wirtschafts-`) are one token
//! each. Anything else is split at Unicode word boundaries (UAX #29).
//!
//! # Example
//! ```
//! use meldung::tokenise::{Tokeniser, TokenKind};
//! let tokeniser = Tokeniser::load_default().unwrap();
//! let text = "Am 24. September, z. B. um 14:30 Uhr.";
//! let tokens = tokeniser.tokenise(text);
//! let shown: Vec<(&str, TokenKind)> = tokens.iter().map(|t| (t.text(text), t.kind)).collect();
//! assert_eq!(shown[1], ("24.", TokenKind::Ordinal));
//! assert_eq!(shown[4], ("z. B.", TokenKind::Abbreviation));
//! assert_eq!(shown[6], ("14:30", TokenKind::Time));
//! ```

mod abbreviations;
mod chunk;
mod sentences;

pub use abbreviations::Abbreviations;
pub use sentences::Sentence;

use crate::gazetteer::FastSet;
use std::ops::Range;

use crate::resources::{DataFile, ResourceError};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters, possibly a hyphen compound (`Life-Sciences-Standorte`) or with an apostrophe.
    Word,
    /// Digits, with `.` thousands separators or `,` decimals (`1.000.000`, `3,5`), or a
    /// compound with a number (`COVID-19`, `30-köpfige`).
    Number,
    /// A number of at most three digits or a Roman numeral with its period (`24.`, `II.`).
    Ordinal,
    /// A numeric date (`25.09.2012`, `28.3.2014`, `25.09.`, `2012-09-25`).
    Date,
    /// A clock time (`14:30`).
    Time,
    /// An abbreviation with its period(s) (`Dr.`, `z.B.`, `z. B.`, `e. V.`, initials `A.`).
    Abbreviation,
    /// A URL or a domain name (`https://…`, `www.example.de`, `german.shanghai.gov.cn`).
    Url,
    /// An e-mail address.
    Email,
    /// `#hashtag`.
    Hashtag,
    /// `@handle`.
    Mention,
    /// The first part of a coordinated compound, with its hyphen (`Wirtschafts-` in
    /// `Wirtschafts- und Verbandsvertretern`).
    Truncation,
    /// Punctuation: `. , ; : ! ? … ( ) – -` and the like.
    Punctuation,
    /// A quotation mark, German, typographic or straight.
    Quote,
    /// Any other symbol (`€`, `%`, `&`, `+`).
    Symbol,
}

/// A token: a byte range into the text and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
}

impl Token {
    /// The token's text.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    /// The byte range.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// The German tokeniser with its resources. Build once, share across threads.
#[derive(Debug, Clone)]
pub struct Tokeniser {
    abbreviations: Abbreviations,
    top_level_domains: FastSet<String>,
    patterns: chunk::Patterns,
}

impl Tokeniser {
    /// The tokeniser with the resources compiled into the binary.
    pub fn load_default() -> Result<Tokeniser, ResourceError> {
        Tokeniser::new(
            Abbreviations::load_default()?,
            crate::data_file!("resources/tokenise/top_level_domains.txt"),
        )
    }

    /// A tokeniser with the given abbreviations and top-level-domain list.
    pub fn new(
        abbreviations: Abbreviations,
        tlds: DataFile<'_>,
    ) -> Result<Tokeniser, ResourceError> {
        let mut top_level_domains = FastSet::default();
        for (line, item) in tlds.items() {
            if !item.chars().all(|c| c.is_ascii_lowercase()) {
                return Err(ResourceError::new(
                    tlds.name,
                    line,
                    format!("top-level domain {item:?} must be lowercase ASCII letters"),
                ));
            }
            top_level_domains.insert(item.to_string());
        }
        Ok(Tokeniser {
            abbreviations,
            top_level_domains,
            patterns: chunk::Patterns::new(),
        })
    }

    /// The abbreviation list in use.
    pub fn abbreviations(&self) -> &Abbreviations {
        &self.abbreviations
    }

    /// Splits `text` into tokens, in order, non-overlapping, on char boundaries.
    pub fn tokenise(&self, text: &str) -> Vec<Token> {
        // Room for one token per four bytes, more than German prose and press releases need
        // (one per five to six): the vector is not grown and copied while it fills.
        let mut tokens = Vec::with_capacity(text.len() / 4 + 8);
        let bytes = text.as_bytes();
        let mut at = 0;
        loop {
            at = skip_separators(text, at);
            if at >= bytes.len() {
                break;
            }
            let start = at;
            let plain_end;
            (at, plain_end) = scan_chunk(text, at);
            if plain_end == at {
                // Most chunks are plain words: decided during the scan, no second pass.
                tokens.push(Token {
                    start,
                    end: at,
                    kind: TokenKind::Word,
                });
            } else {
                // The chunk's rules go on from where the scan saw the first other character.
                self.tokenise_chunk_from(text, start, at, plain_end - start, &mut tokens);
            }
        }
        self.join_multi_part_abbreviations(text, &mut tokens);
        tokens
    }

    /// Splits tokenised text into sentences.
    pub fn sentences(&self, text: &str, tokens: &[Token]) -> Vec<Sentence> {
        sentences::split(text, tokens, &self.abbreviations)
    }

    /// Joins `z.` `B.` into one `z. B.` token when the spaced form is a listed abbreviation.
    fn join_multi_part_abbreviations(&self, text: &str, tokens: &mut Vec<Token>) {
        let starts_multi_part = |t: &Token| {
            t.kind == TokenKind::Abbreviation && self.abbreviations.starts_multi_part(t.text(text))
        };
        if self.abbreviations.max_parts() < 2 || !tokens.iter().any(starts_multi_part) {
            return;
        }
        let mut out: Vec<Token> = Vec::with_capacity(tokens.len());
        let mut i = 0;
        let mut joined = String::new();
        while i < tokens.len() {
            let token = tokens[i];
            let head = token.text(text);
            if token.kind == TokenKind::Abbreviation && self.abbreviations.starts_multi_part(head) {
                // Try the longest run of abbreviation parts separated by single spaces.
                let mut best = None;
                joined.clear();
                joined.push_str(head);
                let mut j = i;
                while j + 1 < tokens.len() && j + 1 - i < self.abbreviations.max_parts() {
                    let next = tokens[j + 1];
                    let gap = &text[tokens[j].end..next.start];
                    if next.kind != TokenKind::Abbreviation || gap.chars().count() != 1 {
                        break;
                    }
                    joined.push(' ');
                    joined.push_str(next.text(text));
                    j += 1;
                    if self.abbreviations.contains(&joined) {
                        best = Some(j);
                    }
                }
                if let Some(last) = best {
                    out.push(Token {
                        start: token.start,
                        end: tokens[last].end,
                        kind: TokenKind::Abbreviation,
                    });
                    i = last + 1;
                    continue;
                }
            }
            out.push(token);
            i += 1;
        }
        *tokens = out;
    }
}

/// White space and invisible separators between chunks.
pub(crate) fn is_separator(ch: char) -> bool {
    ch.is_whitespace() || matches!(ch, '\u{200B}' | '\u{2060}' | '\u{FEFF}')
}

/// What a byte tells the chunk scan.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ByteClass {
    /// An ASCII letter.
    Letter,
    /// 0xC3, the lead byte of U+00C0–U+00FF: letters (`ä`, `ß`, `é`) but for `×` and `÷`.
    Latin1Lead,
    /// A UTF-8 continuation byte.
    Continuation,
    /// A byte where a separator may start: ASCII white space, or one of the lead bytes 0xC2
    /// (U+0085, U+00A0), 0xE1 (U+1680), 0xE2 (U+2000–U+2060), 0xE3 (U+3000), 0xEF (U+FEFF).
    MaySeparate,
    /// Anything else: never a separator, and not a plain-word letter for the fast path.
    Other,
}

/// The class of every byte value, so that the scan steps byte by byte and decodes a char
/// only at the few lead bytes where a separator may start.
const BYTE_CLASS: [ByteClass; 256] = {
    let mut table = [ByteClass::Other; 256];
    let mut byte = 0;
    while byte < 256 {
        table[byte] = match byte as u8 {
            b'A'..=b'Z' | b'a'..=b'z' => ByteClass::Letter,
            b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C => ByteClass::MaySeparate,
            0xC2 | 0xE1 | 0xE2 | 0xE3 | 0xEF => ByteClass::MaySeparate,
            0xC3 => ByteClass::Latin1Lead,
            0x80..=0xBF => ByteClass::Continuation,
            _ => ByteClass::Other,
        };
        byte += 1;
    }
    table
};

/// The width of the separator starting at byte `at`, or `None` if a chunk goes on there.
#[inline]
fn separator_width(text: &str, at: usize) -> Option<usize> {
    let byte = text.as_bytes()[at];
    if BYTE_CLASS[byte as usize] != ByteClass::MaySeparate {
        return None;
    }
    if byte.is_ascii() {
        // The ASCII bytes of the class are all white space (space, tab, line breaks).
        return Some(1);
    }
    let ch = text[at..]
        .chars()
        .next()
        .expect("separator lead bytes are char boundaries");
    is_separator(ch).then(|| ch.len_utf8())
}

/// The first byte at or after `at` that is not part of a separator.
fn skip_separators(text: &str, mut at: usize) -> usize {
    while at < text.len() {
        match separator_width(text, at) {
            Some(width) => at += width,
            None => break,
        }
    }
    at
}

/// Per byte of `eight` (little-endian), the high bit set where the byte is not an ASCII
/// letter.
#[inline(always)]
fn non_letters(eight: u64) -> u64 {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let folded = (eight | 0x2020_2020_2020_2020) & !HIGH;
    // Per byte, no carry out of it (`folded` is at most 0x7F): the high bit is set from
    // `a` (0x61) on, and from one past `z` (0x7B) on.
    let from_a = folded + 0x1F1F_1F1F_1F1F_1F1F;
    let past_z = folded + 0x0505_0505_0505_0505;
    let letter = from_a & !past_z & HIGH;
    (!letter & HIGH) | (eight & HIGH)
}

/// The end of the chunk starting at `at` (the next separator or the end of the text), and
/// where the chunk stops being surely a plain word (ASCII and Latin-1 letters only): the end
/// when it is one all through, else the first character that is something else, such that
/// everything before it is such letters. Short of the end only means "decide in full": other
/// scripts' letters are left to [`Tokeniser::tokenise_chunk`].
fn scan_chunk(text: &str, mut at: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    let mut plain_end = usize::MAX;
    loop {
        // Runs of ASCII letters, eight bytes at a time.
        while let Some(eight) = bytes.get(at..at + 8) {
            let others = non_letters(u64::from_le_bytes(eight.try_into().expect("eight bytes")));
            if others != 0 {
                at += (others.trailing_zeros() / 8) as usize;
                break;
            }
            at += 8;
        }
        let Some(&byte) = bytes.get(at) else {
            break;
        };
        match BYTE_CLASS[byte as usize] {
            ByteClass::Letter | ByteClass::Continuation => {}
            ByteClass::Latin1Lead => {
                if matches!(bytes.get(at + 1), Some(0x97 | 0xB7)) {
                    plain_end = plain_end.min(at);
                }
            }
            ByteClass::MaySeparate => {
                if separator_width(text, at).is_some() {
                    break;
                }
                plain_end = plain_end.min(at);
            }
            ByteClass::Other => plain_end = plain_end.min(at),
        }
        at += 1;
    }
    (at, plain_end.min(at))
}

#[cfg(test)]
mod separator_tests {
    use super::{is_separator, separator_width, ByteClass, BYTE_CLASS};

    /// Eight bytes at a time, the bytes that are not ASCII letters are those one at a time
    /// finds.
    #[test]
    fn non_letters_are_found_eight_bytes_at_a_time() {
        for first in (0..=255u8).step_by(8) {
            let eight: [u8; 8] = std::array::from_fn(|i| first.wrapping_add(i as u8));
            let others = super::non_letters(u64::from_le_bytes(eight));
            for (i, b) in eight.into_iter().enumerate() {
                assert_eq!(
                    others >> (8 * i + 7) & 1 == 1,
                    !b.is_ascii_alphabetic(),
                    "{b:#x}"
                );
            }
            assert_eq!(others & !0x8080_8080_8080_8080, 0);
        }
    }

    /// The chunk scan ends where a byte-by-byte walk ends, and the plain prefix it reports is
    /// where that walk first meets a character other than an ASCII or Latin-1 letter.
    #[test]
    fn chunk_scan_agrees_with_a_walk_byte_by_byte() {
        fn walk(text: &str, mut at: usize) -> (usize, Option<usize>) {
            let mut first_other = None;
            while let Some(c) = text[at..].chars().next() {
                if is_separator(c) {
                    break;
                }
                let latin1_letter = ('\u{C0}'..='\u{FF}').contains(&c) && c != '×' && c != '÷';
                if !(c.is_ascii_alphabetic() || latin1_letter) && first_other.is_none() {
                    first_other = Some(at);
                }
                at += c.len_utf8();
            }
            (at, first_other)
        }
        let texts = [
            "Pressemitteilung",
            "Zusammenarbeitsvereinbarungen, die",
            "Straßenbahnhaltestelle„Übergabe“ Ärzte×2 x",
            "E-Mail-Adresse:\u{a0}info@example.org\u{2009}und 12.000,50 Euro",
            "abcdefgh ABCDEFGHIJKLMNOPQRSTUVWXYZ[`{@ abcdefghijklmnopqrstuvwxyz",
            "日本語のテキスト Łódź\u{200B}Kraków",
            "",
        ];
        for text in texts {
            let mut at = 0;
            while at < text.len() {
                let (end, plain_end) = super::scan_chunk(text, at);
                let (walk_end, first_other) = walk(text, at);
                assert_eq!(end, walk_end, "{text:?} from {at}");
                assert!(
                    plain_end <= first_other.unwrap_or(end),
                    "{text:?} from {at}"
                );
                assert_eq!(
                    plain_end == end,
                    first_other.is_none(),
                    "{text:?} from {at}"
                );
                at = super::skip_separators(text, end.max(at + 1));
            }
        }
    }

    /// Every ASCII byte the scan treats as a possible separator is one, one byte wide.
    #[test]
    fn ascii_may_separate_bytes_are_separators() {
        for byte in 0u8..0x80 {
            let text = (byte as char).to_string();
            let listed = BYTE_CLASS[byte as usize] == ByteClass::MaySeparate;
            assert_eq!(listed, is_separator(byte as char), "byte {byte:#x}");
            assert_eq!(
                separator_width(&text, 0),
                listed.then_some(1),
                "byte {byte:#x}"
            );
        }
    }
}

#[cfg(test)]
mod tests;
