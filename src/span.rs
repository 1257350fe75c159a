//! Offsets into a document's text.
//!
//! Every stage works on byte ranges into the decoded text (cheap slicing in Rust); the output
//! stage converts them to Unicode code point offsets (what Python, JavaScript's `Array.from` and
//! most annotation tools index by) with a [`CharIndex`] built once per document. Both are
//! written to every record so that consumers in any language can slice the text directly.

use std::ops::Range;

/// Maps byte offsets of a text to code point offsets.
///
/// Built once per document. For pure-ASCII text no table is allocated at all, because byte and
/// code point offsets coincide. Otherwise the index keeps the number of code points before
/// every 64th byte and counts the rest of the way (at most 63 bytes) on demand: building costs
/// one pass over the bytes and 1/16 of the text's size, not a table entry per byte.
///
/// # Example
/// ```
/// use meldung::span::CharIndex;
/// let text = "Köln und Bonn";
/// let index = CharIndex::new(text);
/// let byte = text.find("Bonn").unwrap();
/// assert_eq!(byte, 10);
/// assert_eq!(index.char_offset(byte), 9);
/// ```
#[derive(Debug, Clone)]
pub struct CharIndex<'t> {
    bytes: &'t [u8],
    /// Empty for ASCII text; otherwise `blocks[k]` is the number of code points before byte
    /// `k * BLOCK`.
    blocks: Vec<u32>,
    char_len: usize,
}

const BLOCK: usize = 64;

/// Code points starting in `bytes`: every byte that is not a UTF-8 continuation byte.
fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

impl<'t> CharIndex<'t> {
    /// Builds the index for `text`.
    pub fn new(text: &'t str) -> CharIndex<'t> {
        let bytes = text.as_bytes();
        if text.is_ascii() {
            return CharIndex {
                bytes,
                blocks: Vec::new(),
                char_len: text.len(),
            };
        }
        let mut blocks = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let mut chars = 0usize;
        for block in bytes.chunks(BLOCK) {
            blocks.push(chars as u32);
            chars += count_chars(block);
        }
        CharIndex {
            bytes,
            blocks,
            char_len: chars,
        }
    }

    /// The code point offset of byte offset `byte` (which should be a char boundary; inside
    /// a character it gives the offset of the next one).
    ///
    /// # Panics
    /// When `byte` is past the end of the text.
    pub fn char_offset(&self, byte: usize) -> usize {
        assert!(
            byte <= self.bytes.len(),
            "byte offset {byte} past end {}",
            self.bytes.len()
        );
        if self.blocks.is_empty() {
            return byte;
        }
        if byte == self.bytes.len() {
            return self.char_len;
        }
        let block = byte / BLOCK;
        self.blocks[block] as usize + count_chars(&self.bytes[block * BLOCK..byte])
    }

    /// The number of code points in the text.
    pub fn char_len(&self) -> usize {
        self.char_len
    }

    /// Converts a byte range to a code point range.
    pub fn char_range(&self, bytes: Range<usize>) -> Range<usize> {
        self.char_offset(bytes.start)..self.char_offset(bytes.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_and_multibyte_texts_map_like_python_indexing() {
        let cases: &[(&str, &str, usize)] = &[
            ("Dresden, 28. März", "März", 13),
            ("Präfektur Toyama", "Toyama", 10),
            ("ẞ und 𝕏 vor Köln", "Köln", 12),
            ("plain ascii", "ascii", 6),
        ];
        for &(text, needle, expected) in cases {
            let index = CharIndex::new(text);
            let byte = text.find(needle).unwrap();
            assert_eq!(index.char_offset(byte), expected, "{text:?}");
            assert_eq!(index.char_offset(text.len()), text.chars().count());
        }
    }

    #[test]
    fn every_char_boundary_maps_like_char_indices_across_blocks() {
        // Long enough to span several blocks, with 2-, 3- and 4-byte characters at block edges.
        let text = "Grüße aus Köln – 𝕏 und ẞ ".repeat(23);
        let index = CharIndex::new(&text);
        for (chars, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(index.char_offset(byte), chars, "byte {byte}");
        }
        assert_eq!(index.char_offset(text.len()), text.chars().count());
        assert_eq!(index.char_len(), text.chars().count());
    }
}
