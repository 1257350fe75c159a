//! Turning the bytes of a text file into text: UTF-8 (with or without byte order mark),
//! UTF-16 with byte order mark, or Windows-1252 (older press archives); binary data refused.

use crate::document::Encoding;

/// Why bytes could not be decoded as a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecodeError {
    /// No text at all, or only white space.
    Empty,
    /// NUL bytes or many control characters: not a text file.
    Binary,
}

impl DecodeError {
    /// The `error.kind` of the record.
    pub fn kind(self) -> &'static str {
        match self {
            DecodeError::Empty => "empty",
            DecodeError::Binary => "binary",
        }
    }

    /// What to tell the user.
    pub fn describe(self) -> &'static str {
        match self {
            DecodeError::Empty => "the document is empty",
            DecodeError::Binary => "not a text file (binary content)",
        }
    }
}

/// The characters Windows-1252 puts at 0x80..=0x9F; the five undefined bytes map to the C1
/// control of the same value, as browsers do.
const WINDOWS_1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
];

/// Decodes `bytes` as a document text.
///
/// # Example
/// ```
/// use meldung::input::decode::decode;
/// use meldung::document::Encoding;
/// let (text, encoding) = decode(b"Gr\xfc\xdfe aus K\xf6ln").unwrap();
/// assert_eq!(text, "Grüße aus Köln");
/// assert_eq!(encoding, Encoding::Windows1252);
/// ```
pub fn decode(bytes: &[u8]) -> Result<(String, Encoding), DecodeError> {
    let (text, encoding) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        match std::str::from_utf8(rest) {
            Ok(text) => (text.to_string(), Encoding::Utf8Bom),
            Err(_) => return Err(DecodeError::Binary),
        }
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        (decode_utf16(rest, u16::from_le_bytes)?, Encoding::Utf16Le)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        (decode_utf16(rest, u16::from_be_bytes)?, Encoding::Utf16Be)
    } else if bytes.contains(&0) {
        return Err(DecodeError::Binary);
    } else {
        match std::str::from_utf8(bytes) {
            Ok(text) => (text.to_string(), Encoding::Utf8),
            Err(_) => (decode_windows_1252(bytes), Encoding::Windows1252),
        }
    };
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    if looks_binary(&text) {
        return Err(DecodeError::Binary);
    }
    Ok((text, encoding))
}

fn decode_utf16(bytes: &[u8], read: fn([u8; 2]) -> u16) -> Result<String, DecodeError> {
    if bytes.len() % 2 != 0 {
        return Err(DecodeError::Binary);
    }
    let units = bytes.chunks_exact(2).map(|pair| read([pair[0], pair[1]]));
    char::decode_utf16(units)
        .collect::<Result<String, _>>()
        .map_err(|_| DecodeError::Binary)
}

/// Decodes Windows-1252 (every byte is a character).
pub fn decode_windows_1252(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => WINDOWS_1252_HIGH[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect()
}

/// More than 1 in 20 characters are control characters other than tab, line feed, carriage
/// return and form feed: this is not prose.
fn looks_binary(text: &str) -> bool {
    let mut chars = 0usize;
    let mut controls = 0usize;
    for ch in text.chars() {
        chars += 1;
        if ch.is_control() && !matches!(ch, '\t' | '\n' | '\r' | '\u{0C}' | '\u{0B}' | '\u{85}') {
            controls += 1;
        }
    }
    controls * 20 > chars
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_every_supported_encoding() {
        let cases: &[(&[u8], &str, Encoding)] = &[
            (b"Gr\xc3\xbc\xc3\x9fe", "Grüße", Encoding::Utf8),
            (
                b"\xEF\xBB\xBFGr\xc3\xbc\xc3\x9fe",
                "Grüße",
                Encoding::Utf8Bom,
            ),
            (
                b"\x80 5 Mio. \x93Zitat\x94",
                "€ 5 Mio. “Zitat”",
                Encoding::Windows1252,
            ),
            (
                b"\xFF\xFEK\x00\xF6\x00l\x00n\x00",
                "Köln",
                Encoding::Utf16Le,
            ),
            (
                b"\xFE\xFF\x00K\x00\xF6\x00l\x00n",
                "Köln",
                Encoding::Utf16Be,
            ),
            (
                b"Zeile 1\r\nZeile 2\r\n",
                "Zeile 1\r\nZeile 2\r\n",
                Encoding::Utf8,
            ),
        ];
        for &(bytes, text, encoding) in cases {
            assert_eq!(decode(bytes), Ok((text.to_string(), encoding)), "{bytes:?}");
        }
    }

    #[test]
    fn refuses_binary_and_empty_input() {
        let cases: &[(&[u8], DecodeError)] = &[
            (b"", DecodeError::Empty),
            (b" \n\t\r\n", DecodeError::Empty),
            (b"\xEF\xBB\xBF", DecodeError::Empty),
            (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", DecodeError::Binary),
            (b"\x01\x02\x03\x04abc\x05\x06", DecodeError::Binary),
            (b"\xFF\xFEK", DecodeError::Binary),
        ];
        for &(bytes, expected) in cases {
            assert_eq!(decode(bytes), Err(expected), "{bytes:?}");
        }
    }
}
