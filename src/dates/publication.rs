//! The publication date stated in a press release: a date line at the top ("25.09.2012"), a
//! dateline ("Dresden, 28. März 2014 –", "Hannover, 22.11.2017 (PresseBox)"), a phrase such as
//! "veröffentlicht am 13.07.2006", or a place-and-date line at the end of the release.

use super::rules::Candidate;
use super::vocab::Vocabulary;

/// How far into the text the top of a release reaches, and where its end starts, in bytes.
const HEAD: usize = 1200;
const TAIL: usize = 800;
/// Non-empty lines counted as the top and as the end.
const HEAD_LINES: usize = 6;
const TAIL_LINES: usize = 5;
/// How far into a line a publication date may start, in bytes.
const LINE_PREFIX: usize = 160;

/// The line around a byte position: (line start, line end).
fn line_of(text: &str, at: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    let start = memchr::memrchr(b'\n', &bytes[..at]).map_or(0, |i| i + 1);
    let end = memchr::memchr(b'\n', &bytes[at..]).map_or(text.len(), |i| at + i);
    (start, end)
}

/// Whether `prefix` (the line before a date) is a place for a dateline: one to five words, the
/// first capitalised, ending in a comma ("Frankfurt am Main,", "Halle (Saale),"). Releases from
/// two sites name both, split by a slash ("Kiel / Aarhus,"), each part such a place; a header in
/// front of the place, cut off by a bar or a middle dot ("Pressemitteilung 12/2023 | Kassel,"),
/// is not part of it.
fn is_place_prefix(prefix: &str) -> bool {
    let prefix = prefix.trim_end();
    let prefix = prefix
        .strip_suffix(" den")
        .or_else(|| prefix.strip_suffix(" am"))
        .unwrap_or(prefix);
    let Some(place) = prefix.trim_end().strip_suffix(',') else {
        return false;
    };
    let place = place.rsplit(['|', '·']).next().unwrap_or(place);
    let place = strip_agency_tag(place);
    place.split('/').all(is_place_name)
}

/// A dateline may open with a news agency's or press office's short tag in parentheses:
/// "(ots) Berlin, …", "(LPD) Graz, …". Returns what follows the tag.
fn strip_agency_tag(place: &str) -> &str {
    let trimmed = place.trim_start();
    let Some((tag, rest)) = trimmed
        .strip_prefix('(')
        .and_then(|inner| inner.split_once(')'))
    else {
        return place;
    };
    let short = (1..=12).contains(&tag.chars().count());
    if short
        && tag
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '/' | '.'))
    {
        rest
    } else {
        place
    }
}

/// Whether `place` is one to five words, the first capitalised, of letters and the punctuation
/// place names use.
fn is_place_name(place: &str) -> bool {
    let place = place.trim();
    let words = place.split_whitespace().count();
    if words == 0 || words > 5 {
        return false;
    }
    if !place.starts_with(|c: char| c.is_uppercase()) {
        return false;
    }
    place
        .chars()
        .all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '.' | '(' | ')' | '\''))
}

/// Whether what follows a date on its line ends a dateline: nothing, a dash, a colon, an
/// opening parenthesis ("(PresseBox)", "(ots)"), or a full stop before the first sentence
/// ("Kassel, 14.02.2024. Im Rathaus ...").
fn is_dateline_end(rest: &str) -> bool {
    let rest = rest.trim_start();
    rest.is_empty()
        || rest.starts_with(['-', '–', '—', ':', '(', '/', '|'])
        || rest
            .strip_prefix('.')
            .is_some_and(|after| after.is_empty() || after.starts_with(char::is_whitespace))
}

/// Whether `prefix` is a short header cut off from the date by a bar or a middle dot
/// ("Pressemitteilung | ", "Presseinformation Nr. 12 · "): a label of one to six words.
fn is_header_prefix(prefix: &str) -> bool {
    let Some(label) = prefix.trim_end().strip_suffix(['|', '·']) else {
        return false;
    };
    let words = label.split_whitespace().count();
    (1..=6).contains(&words) && label.trim_start().starts_with(char::is_uppercase)
}

/// Whether a date stands alone on its line (perhaps with a weekday before it).
fn stands_alone(prefix: &str, rest: &str) -> bool {
    let rest = rest.trim();
    let prefix = prefix.trim();
    (rest.is_empty() || rest == ".") && prefix.is_empty()
}

/// Picks the publication date among the full dates found in the top and the end of a text.
///
/// `head` and `tail` are candidates with full dates (byte ranges into `text`), in text order;
/// `head_end` is [`head_boundary`] of `text` (the caller has it already).
pub fn choose(
    text: &str,
    head: &[Candidate],
    tail: &[Candidate],
    head_end: usize,
    vocab: &Vocabulary,
) -> Option<(usize, usize)> {
    debug_assert_eq!(head_end, head_boundary(text));
    for c in head.iter().filter(|c| c.start < head_end) {
        let (line_start, line_end) = line_of(text, c.start);
        let prefix = &text[line_start..c.start];
        let rest = &text[c.end..line_end];
        if stands_alone(prefix, rest)
            || (is_place_prefix(prefix) && is_dateline_end(rest))
            || (is_header_prefix(prefix) && is_dateline_end(rest))
            || has_phrase(prefix, vocab)
        {
            return Some((c.start, c.end));
        }
    }
    for c in head.iter().chain(tail) {
        let (line_start, _) = line_of(text, c.start);
        if has_phrase(&text[line_start..c.start], vocab) {
            return Some((c.start, c.end));
        }
    }
    for c in tail.iter().rev() {
        let (line_start, line_end) = line_of(text, c.start);
        let prefix = &text[line_start..c.start];
        let rest = &text[c.end..line_end];
        if (is_place_prefix(prefix) || prefix.trim().is_empty()) && is_dateline_end(rest) {
            return Some((c.start, c.end));
        }
    }
    None
}

fn has_phrase(prefix: &str, vocab: &Vocabulary) -> bool {
    let prefix = prefix.trim_end();
    vocab
        .publication_phrases
        .iter()
        .any(|phrase| prefix.ends_with(phrase.as_str()))
}

/// The parts of the text where a publication date may stand: the start (first
/// [`LINE_PREFIX`] bytes) of each of the first [`HEAD_LINES`] and last [`TAIL_LINES`] non-empty
/// lines, as byte ranges in text order.
pub fn segments(text: &str) -> Vec<(usize, usize)> {
    segments_and_head(text).0
}

/// [`segments`] and [`head_boundary`] of `text` from one walk over its first lines (the top's
/// lines are the first lines of both).
pub fn segments_and_head(text: &str) -> (Vec<(usize, usize)>, usize) {
    // Lines as `split_inclusive('\n')` gives them: (start, end after the line break).
    let bytes = text.as_bytes();
    let non_empty = |&(start, end): &(usize, usize)| !is_blank(&text[start..end]);
    let mut lines: Vec<(usize, usize)> = Vec::with_capacity(HEAD_LINES + TAIL_LINES);
    // The top as `head_boundary` counts it: non-empty lines ended by a line break before
    // HEAD bytes, the top ending after the HEAD_LINES-th, else at HEAD bytes.
    let limit = bytes.len().min(HEAD);
    let mut head_boundary = None;
    // The first HEAD_LINES non-empty lines, from the top.
    let mut start = 0;
    let mut head_end = 0;
    for newline in memchr::memchr_iter(b'\n', bytes).chain(std::iter::once(bytes.len())) {
        if lines.len() == HEAD_LINES || start >= bytes.len() {
            break;
        }
        let line = (start, (newline + 1).min(bytes.len()));
        if non_empty(&line) {
            lines.push(line);
            if lines.len() == HEAD_LINES && newline < limit {
                head_boundary = Some(newline + 1);
            }
        }
        start = line.1;
        head_end = start;
    }
    let head_boundary = head_boundary.unwrap_or_else(|| floor_char_boundary(text, limit));
    // The last TAIL_LINES non-empty lines, from the end, not reaching back into the head.
    let mut tail: Vec<(usize, usize)> = Vec::with_capacity(TAIL_LINES);
    let mut end = bytes.len();
    let breaks = memchr::memrchr_iter(b'\n', &bytes[head_end..]).map(|i| head_end + i);
    for newline in breaks.chain(std::iter::once(head_end.wrapping_sub(1))) {
        if tail.len() == TAIL_LINES {
            break;
        }
        let line = (newline.wrapping_add(1), end);
        if line.0 < line.1 && non_empty(&line) {
            tail.push(line);
        }
        end = line.0;
    }
    lines.extend(tail.into_iter().rev());
    for line in &mut lines {
        line.1 = floor_char_boundary(text, line.1.min(line.0 + LINE_PREFIX));
    }
    (lines, head_boundary)
}

/// The byte offset where the top of the text ends: after [`HEAD_LINES`] non-empty lines or
/// [`HEAD`] bytes, whichever comes first.
pub fn head_boundary(text: &str) -> usize {
    // Only line breaks before HEAD matter: a line running past it ends the top at HEAD.
    let bytes = text.as_bytes();
    let limit = bytes.len().min(HEAD);
    let mut lines = 0;
    let mut start = 0;
    for newline in memchr::memchr_iter(b'\n', &bytes[..limit]) {
        let end = newline + 1;
        if !is_blank(&text[start..end]) {
            lines += 1;
        }
        start = end;
        if lines >= HEAD_LINES {
            return floor_char_boundary(text, end);
        }
    }
    floor_char_boundary(text, limit)
}

/// Whether `line` is white space only (as `line.trim().is_empty()`): bytes in ASCII read as they
/// are, only characters outside it decoded. Most lines are told by their first byte.
fn is_blank(line: &str) -> bool {
    let bytes = line.as_bytes();
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        if b < 0x80 {
            if !b.is_ascii_whitespace() && b != 0x0B {
                return false;
            }
            at += 1;
        } else {
            let c = line[at..].chars().next().expect("at a char boundary");
            if !c.is_whitespace() {
                return false;
            }
            at += c.len_utf8();
        }
    }
    true
}

/// The byte offset where the end of the text starts.
pub fn tail_boundary(text: &str) -> usize {
    ceil_char_boundary(text, text.len().saturating_sub(TAIL))
}

fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn ceil_char_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What [`segments`] computes, written the plain way: every line, then the first and last
    /// ones kept.
    fn segments_reference(text: &str) -> Vec<(usize, usize)> {
        let mut lines: Vec<(usize, usize)> = Vec::new();
        let mut at = 0;
        for line in text.split_inclusive('\n') {
            if !line.trim().is_empty() {
                lines.push((at, at + line.len()));
            }
            at += line.len();
        }
        let count = lines.len();
        lines
            .into_iter()
            .enumerate()
            .filter(|(i, _)| *i < HEAD_LINES || *i + TAIL_LINES >= count)
            .map(|(_, (start, end))| {
                (
                    start,
                    floor_char_boundary(text, end.min(start + LINE_PREFIX)),
                )
            })
            .collect()
    }

    fn head_boundary_reference(text: &str) -> usize {
        let mut lines = 0;
        let mut at = 0;
        for line in text.split_inclusive('\n') {
            if !line.trim().is_empty() {
                lines += 1;
            }
            at += line.len();
            if lines >= HEAD_LINES || at >= HEAD {
                break;
            }
        }
        floor_char_boundary(text, at.min(HEAD).min(text.len()))
    }

    #[test]
    fn segments_are_the_first_and_last_non_empty_lines() {
        let long = "Die Stadtverwaltung teilte am Montag mit, dass die Arbeiten im Frühjahr beginnen und bis zum Herbst dauern sollen; über die Kosten wurde noch nicht entschieden.";
        let mut texts: Vec<String> = vec![
            String::new(),
            "\n".to_string(),
            "\n\n  \n".to_string(),
            "Eine Zeile ohne Umbruch".to_string(),
            "Eine Zeile mit Umbruch\n".to_string(),
            long.to_string(),
        ];
        for count in 1..16 {
            let mut text = String::new();
            for i in 0..count {
                text.push_str(&format!(
                    "Zeile {i}: {}\n",
                    if i % 3 == 0 { long } else { "kurz" }
                ));
                if i % 4 == 1 {
                    text.push_str("\n \t\n");
                }
            }
            texts.push(text.clone());
            texts.push(format!("\n\n{}", text.trim_end()));
        }
        // Lines ending right at, before and after the top's byte limit.
        for shift in [0, 1, 2, 3] {
            let mut text = "ä".repeat((HEAD - 2 - shift) / 2);
            text.push_str("x\nNächste Zeile\n");
            texts.push(text);
        }
        for text in &texts {
            assert_eq!(segments(text), segments_reference(text), "{text:?}");
            assert_eq!(
                head_boundary(text),
                head_boundary_reference(text),
                "{text:?}"
            );
            assert_eq!(
                segments_and_head(text),
                (segments(text), head_boundary(text)),
                "{text:?}"
            );
        }
    }

    #[test]
    fn blank_lines_are_those_trim_empties() {
        for line in [
            "",
            " ",
            "\n",
            " \t\r\n",
            "\u{b}\u{c}",
            "\u{a0}\u{2009}\u{3000}\n",
            "\u{85}",
            "x",
            " x ",
            "\u{a0}x",
            "\u{1c}",
            "\u{200b}",
            "ä\n",
            "\u{2028}",
            " \u{feff}",
        ] {
            assert_eq!(is_blank(line), line.trim().is_empty(), "{line:?}");
        }
    }

    #[test]
    fn recognises_place_prefixes() {
        for good in [
            "Dresden, ",
            "Frankfurt am Main, ",
            "Halle (Saale), ",
            "St. Gallen, den ",
            "Kiel / Aarhus, ",
            "Frankfurt am Main / San Sebastián de los Reyes, ",
            "Pressemitteilung 12/2023 | Kassel, ",
            "Newsletter 3/2024 · Bremen, ",
        ] {
            assert!(is_place_prefix(good), "{good:?}");
        }
        for bad in [
            "Er sagte am ",
            "die Stadt, ",
            "",
            "Dresden ",
            "Kiel / die Stadt, ",
            "Nr. 12/2023, ",
            "Pressemitteilung | er sagte, ",
        ] {
            assert!(!is_place_prefix(bad), "{bad:?}");
        }
    }
}
