//! Sentence splitting over tokens.
//!
//! A sentence ends
//! - after `.`, `!`, `?` or `…` (with any closing quotes and brackets) when the next token
//!   starts with a capital letter, a digit or an opening quote, or the text ends;
//! - after an abbreviation flagged `eos` (`usw.`, `Inc.`) when the next token is a capitalised
//!   word (not a bracket or quote: "Beispiel Ltd. (BL)" goes on); never after other
//!   abbreviations (`Dr.`, `z. B.`), ordinals (`24.`) or day-month dates (`25.09.`);
//! - at a blank line (paragraph break), always;
//! - at a single line break, unless the line plainly continues: it ends with a comma, a
//!   hyphen or a truncation, or the next line starts with a lower-case letter.

use super::{Abbreviations, Token, TokenKind};

/// A sentence: byte range and the range of its tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    /// Index of the first token.
    pub first_token: usize,
    /// Index one past the last token.
    pub end_token: usize,
}

impl Sentence {
    /// The sentence's text.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

#[inline(always)]
fn is_terminal(token: &Token, text: &str, abbreviations: &Abbreviations) -> bool {
    // The text is sliced only for the two kinds that need it (most tokens are words), and a
    // punctuation token only when it starts as a terminal mark does; the rest is out of line.
    match token.kind {
        TokenKind::Punctuation => {
            matches!(text.as_bytes()[token.start], b'.' | b'!' | b'?' | 0xE2)
                && is_terminal_mark(token.text(text))
        }
        TokenKind::Abbreviation => ends_sentence_as_abbreviation(token, text, abbreviations),
        _ => false,
    }
}

#[inline(never)]
fn is_terminal_mark(surface: &str) -> bool {
    matches!(surface, "." | "!" | "?" | "…" | "?!" | "!?") || surface.starts_with("..")
}

#[inline(never)]
fn ends_sentence_as_abbreviation(token: &Token, text: &str, abbreviations: &Abbreviations) -> bool {
    abbreviations.may_end_sentence(token.text(text))
}

fn is_closing(token: &Token, text: &str) -> bool {
    matches!(token.kind, TokenKind::Quote | TokenKind::Punctuation)
        && matches!(
            token.text(text),
            "\"" | "“" | "”" | "'" | "’" | "‘" | "«" | "»" | "›" | "‹" | ")" | "]"
        )
}

fn starts_sentence(token: &Token, text: &str) -> bool {
    let first = token.text(text).chars().next().unwrap_or(' ');
    first.is_uppercase()
        || first.is_numeric()
        || matches!(token.kind, TokenKind::Quote)
        || matches!(first, '(' | '[' | '•' | '-' | '–' | '*')
        || (!first.is_alphanumeric()
            && !first.is_lowercase()
            && token.kind != TokenKind::Punctuation)
}

/// Line breaks between the token ending at `end` and the one starting at `start`.
#[inline(always)]
fn breaks_between(text: &str, end: usize, start: usize) -> usize {
    // Most tokens touch or are one space apart: no slice, no scan.
    if start == end || (start == end + 1 && text.as_bytes()[end] == b' ') {
        return 0;
    }
    line_breaks(&text[end..start])
}

/// Line breaks in `gap`: 0, 1, or 2 for a blank line (or more).
#[inline(never)]
fn line_breaks(gap: &str) -> usize {
    // Nearly every gap is a space: only these bytes can start a line break.
    if !gap
        .bytes()
        .any(|b| matches!(b, b'\n' | b'\r' | 0x0B | 0x0C | 0xC2 | 0xE2))
    {
        return 0;
    }
    let mut breaks = 0;
    let mut chars = gap.chars().peekable();
    while let Some(ch) = chars.next() {
        match ch {
            '\n' | '\u{2028}' | '\u{2029}' | '\u{0B}' | '\u{0C}' | '\u{85}' => breaks += 1,
            '\r' if chars.peek() != Some(&'\n') => breaks += 1,
            _ => {}
        }
    }
    breaks.min(2)
}

fn continues_line(prev: &Token, next: &Token, text: &str) -> bool {
    let prev_text = prev.text(text);
    if prev.kind == TokenKind::Truncation || matches!(prev_text, "," | "-" | "(" | "„" | "/") {
        return true;
    }
    let next_first = next.text(text).chars().next().unwrap_or(' ');
    next_first.is_lowercase() && !is_terminal_text(prev_text)
}

fn is_terminal_text(surface: &str) -> bool {
    matches!(surface, "." | "!" | "?" | "…" | ":")
}

/// Splits `tokens` (of `text`) into sentences.
pub(super) fn split(text: &str, tokens: &[Token], abbreviations: &Abbreviations) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    if tokens.is_empty() {
        return sentences;
    }
    let mut first = 0;
    let mut i = 0;
    while i < tokens.len() {
        let mut last = i;
        let mut boundary = false;
        if is_terminal(&tokens[i], text, abbreviations) {
            while last + 1 < tokens.len()
                && (is_closing(&tokens[last + 1], text)
                    || is_terminal(&tokens[last + 1], text, abbreviations))
                && tokens[last + 1].start == tokens[last].end
            {
                last += 1;
            }
            // After an abbreviation itself (no mark closes it), only a capitalised word starts
            // the next sentence: "Beispiel Ltd. (BL)" goes on, "Beispiel d.o.o. Am Montag"
            // does not.
            let after_abbreviation = last == i && tokens[i].kind == TokenKind::Abbreviation;
            boundary = match tokens.get(last + 1) {
                None => true,
                Some(next) => {
                    (if after_abbreviation {
                        next.kind == TokenKind::Word
                            && next.text(text).starts_with(char::is_uppercase)
                    } else {
                        starts_sentence(next, text)
                    }) || breaks_between(text, tokens[last].end, next.start) > 0
                }
            };
        }
        if !boundary {
            if let Some(next) = tokens.get(i + 1) {
                match breaks_between(text, tokens[i].end, next.start) {
                    0 => {}
                    1 => boundary = !continues_line(&tokens[i], next, text),
                    _ => boundary = true,
                }
            }
            last = i;
        }
        if boundary || last + 1 == tokens.len() {
            sentences.push(Sentence {
                start: tokens[first].start,
                end: tokens[last].end,
                first_token: first,
                end_token: last + 1,
            });
            first = last + 1;
        }
        i = last + 1;
    }
    sentences
}
