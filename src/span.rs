//! Offsets into a document's text.
//!
//! Every stage works on byte ranges into the decoded text (cheap slicing in Rust); the output
//! stage converts them to Unicode code point offsets (what Python, JavaScript's `Array.from` and
//! most annotation tools index by) with a [`CharIndex`] built once per document. Both are
//! written to every record so that consumers in any language can slice the text directly.

use std::ops::Range;

/// Maps byte offsets of a text to code point offsets.
///
/// Built once per document. For pure-ASCII text (most of the cost in practice is there) no table
/// is allocated at all, because byte and code point offsets coincide.
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
pub struct CharIndex {
    /// `None` for ASCII text; otherwise, for every byte offset `b` that is a char boundary,
    /// `table[b]` is the number of chars before `b`. Entries inside a multi-byte char hold the
    /// index of that char.
    table: Option<Vec<u32>>,
    byte_len: usize,
    char_len: usize,
}

impl CharIndex {
    /// Builds the index for `text`.
    pub fn new(text: &str) -> CharIndex {
        if text.is_ascii() {
            return CharIndex {
                table: None,
                byte_len: text.len(),
                char_len: text.len(),
            };
        }
        let mut table = vec![0u32; text.len() + 1];
        let mut chars = 0u32;
        for (byte, ch) in text.char_indices() {
            for slot in &mut table[byte..byte + ch.len_utf8()] {
                *slot = chars;
            }
            chars += 1;
        }
        table[text.len()] = chars;
        CharIndex {
            table: Some(table),
            byte_len: text.len(),
            char_len: chars as usize,
        }
    }

    /// The code point offset of byte offset `byte` (which should be a char boundary).
    ///
    /// # Panics
    /// When `byte` is past the end of the text.
    pub fn char_offset(&self, byte: usize) -> usize {
        assert!(
            byte <= self.byte_len,
            "byte offset {byte} past end {}",
            self.byte_len
        );
        match &self.table {
            None => byte,
            Some(table) => table[byte] as usize,
        }
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
}
