//! Rules for one white-space-delimited chunk of text.

use std::sync::OnceLock;

use regex::Regex;
use unicode_segmentation::UnicodeSegmentation;

use super::{Token, TokenKind, Tokeniser};

/// Anchored patterns for whole chunk cores, compiled once.
///
/// Compiling is most of the tokeniser's start-up, and a Unicode class costs per copy in the
/// compiled automaton: digits are ASCII (`[0-9]`, as German numbers are), the domain pattern is
/// ASCII (it only runs on ASCII cores), letters appear once (`letters`), and the e-mail pattern,
/// whose `\w` classes are the largest, is compiled on the first chunk with an `@`.
#[derive(Debug, Clone)]
pub(super) struct Patterns {
    url: Regex,
    email: OnceLock<Regex>,
    domain: Regex,
    date: Regex,
    day_month: Regex,
    time: Regex,
    number: Regex,
    letters: Regex,
    roman: Regex,
}

const EMAIL: &str = r"^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$";

fn compile(pattern: &str) -> Regex {
    Regex::new(pattern).expect("built-in tokeniser pattern")
}

impl Patterns {
    pub(super) fn new() -> Patterns {
        Patterns {
            url: compile(r"^(?i:https?://|ftp://|www\.)[^\s<>]+$"),
            email: OnceLock::new(),
            domain: compile(r"^(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+([A-Za-z]{2,})(?:/[^\s]*)?$"),
            date: compile(
                r"^(?:[0-9]{1,2}\.[0-9]{1,2}\.(?:[0-9]{4}|[0-9]{2})|[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{1,2}/[0-9]{1,2}/[0-9]{4})$",
            ),
            day_month: compile(r"^[0-9]{1,2}\.[0-9]{1,2}$"),
            time: compile(r"^[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?h?$"),
            number: compile(
                r"^[+±-]?(?:[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]+)?|[0-9]{1,3}(?:'[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:[,.][0-9]+)?)$",
            ),
            letters: compile(r"^\p{L}+$"),
            roman: compile(r"^[IVX]{1,5}$"),
        }
    }

    /// Date, time or number by the patterns, tried in this order.
    fn numeric_kind(&self, core: &str) -> Option<TokenKind> {
        if self.date.is_match(core) {
            Some(TokenKind::Date)
        } else if self.time.is_match(core) {
            Some(TokenKind::Time)
        } else if self.number.is_match(core) {
            Some(TokenKind::Number)
        } else {
            None
        }
    }

    fn email(&self) -> &Regex {
        self.email.get_or_init(|| compile(EMAIL))
    }

    /// Whether `core` is an e-mail address by [`EMAIL`]. An ASCII core is read by hand (in
    /// ASCII, `\w` is `[0-9A-Za-z_]`), so the pattern, costly to compile, is built only for
    /// the first address with other characters.
    fn is_email(&self, core: &str) -> bool {
        if core.is_ascii() {
            is_ascii_email(core.as_bytes())
        } else {
            self.email().is_match(core)
        }
    }

    /// `z.B`, `v.l.n.r`, `Mio.Std`: parts of one to four letters joined by periods (the
    /// final period is the caller's).
    fn is_dotted_abbreviation(&self, core: &str) -> bool {
        let mut parts = 0;
        for part in core.split('.') {
            let chars = part.chars().count();
            if !(1..=4).contains(&chars) || !self.letters.is_match(part) {
                return false;
            }
            parts += 1;
        }
        parts >= 2
    }
}

/// [`EMAIL`] on ASCII text: `[\w.+-]+@[\w-]+(?:\.[\w-]+)+`, the whole of `core`.
fn is_ascii_email(core: &[u8]) -> bool {
    let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let Some(at) = core.iter().position(|&b| b == b'@') else {
        return false;
    };
    let (local, domain) = (&core[..at], &core[at + 1..]);
    if local.is_empty()
        || !local
            .iter()
            .all(|&b| word(b) || matches!(b, b'.' | b'+' | b'-'))
    {
        return false;
    }
    let mut labels = 0;
    for label in domain.split(|&b| b == b'.') {
        if label.is_empty() || !label.iter().all(|&b| word(b) || b == b'-') {
            return false;
        }
        labels += 1;
    }
    labels >= 2
}

/// Letters only. ASCII and the Latin-1 letters (`ä`, `ß`, `é`: lead byte 0xC3, which encodes
/// U+00C0–U+00FF, all letters but `×` and `÷`) are checked bytewise, since they make up nearly
/// all German words; the first other character hands the rest to Unicode.
fn is_plain_word(chunk: &str) -> bool {
    plain_prefix_len(chunk) == chunk.len()
}

/// The length in bytes of the longest prefix of `chunk` that [`is_plain_word`] accepts
/// (letters only), by the same byte-wise path.
fn plain_prefix_len(chunk: &str) -> usize {
    plain_prefix_len_from(chunk, 0)
}

/// [`plain_prefix_len`] when the first `known` bytes are ASCII letters and Latin-1 letters.
fn plain_prefix_len_from(chunk: &str, known: usize) -> usize {
    let bytes = chunk.as_bytes();
    let mut at = known;
    while at < bytes.len() {
        let byte = bytes[at];
        if byte.is_ascii_alphabetic() {
            at += 1;
        } else if byte == 0xC3 && !matches!(bytes.get(at + 1), Some(0x97 | 0xB7)) {
            at += 2;
        } else if byte < 0x80 || (byte == 0xE2 && bytes.get(at + 1) == Some(&0x80)) {
            // U+2000 to U+203F (spaces, dashes, quotation marks) hold no letter either.
            return at;
        } else {
            return at
                + chunk[at..]
                    .chars()
                    .take_while(|c| c.is_alphabetic())
                    .map(char::len_utf8)
                    .sum::<usize>();
        }
    }
    at
}

/// Whether `core` may start as the URL pattern requires: `http://`, `https://`, `ftp://` or
/// `www.`, in any case. Unicode case folding matches more than ASCII (`ſ` is an `s`): a start
/// that is not ASCII is left to the pattern, once its first byte is `h`, `f` or `w` (no other
/// character folds to one of these, a test checks; most cores that are not ASCII start with a
/// quotation mark or an umlaut).
fn may_start_url(core: &str) -> bool {
    let bytes = core.as_bytes();
    if !matches!(bytes.first(), Some(b'h' | b'H' | b'f' | b'F' | b'w' | b'W')) {
        return false;
    }
    if !bytes[..bytes.len().min(9)].is_ascii() {
        return true;
    }
    let starts = |prefix: &[u8]| {
        bytes
            .get(..prefix.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
    };
    starts(b"http://") || starts(b"https://") || starts(b"ftp://") || starts(b"www.")
}

/// The kind of a chunk of plain words joined by hyphens, one token as the general path makes
/// it: a compound ("Baden-Württemberg", a word) or a truncation ("Wirtschafts-"), else `None`
/// (decide in full). `latin` bytes at the start are ASCII and Latin-1 letters, `plain` bytes
/// letters ([`plain_prefix_len`]). A truncation is taken only over ASCII and Latin-1 letters,
/// which UAX #29 keeps in one segment.
fn hyphenated_kind(chunk: &str, latin: usize, plain: usize) -> Option<TokenKind> {
    let bytes = chunk.as_bytes();
    if plain == 0 || bytes.get(plain) != Some(&b'-') {
        return None;
    }
    if plain + 1 == bytes.len() {
        return (latin == plain).then_some(TokenKind::Truncation);
    }
    chunk[plain + 1..]
        .split('-')
        .all(|part| !part.is_empty() && is_plain_word(part))
        .then_some(TokenKind::Word)
}

/// Characters peeled off the front of a chunk.
fn is_opener(ch: char) -> bool {
    matches!(
        ch,
        '„' | '“'
            | '”'
            | '"'
            | '\''
            | '‚'
            | '‘'
            | '’'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '('
            | '['
            | '{'
            | '¿'
            | '¡'
            | ','
    )
}

/// Characters peeled off the end of a chunk (the period is decided separately).
fn is_closer(ch: char) -> bool {
    matches!(
        ch,
        ',' | ';'
            | ':'
            | '!'
            | '?'
            | ')'
            | ']'
            | '}'
            | '"'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '\''
            | '«'
            | '»'
            | '‹'
            | '›'
            | '…'
    )
}

fn is_quote(ch: char) -> bool {
    matches!(
        ch,
        '„' | '“' | '”' | '"' | '\'' | '‚' | '‘' | '’' | '«' | '»' | '‹' | '›'
    )
}

fn punctuation_kind(ch: char) -> TokenKind {
    // The marks listed are no letters or digits: they are told before the Unicode tables.
    if is_quote(ch) {
        TokenKind::Quote
    } else if matches!(
        ch,
        '.' | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '…'
            | '('
            | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '-'
            | '–'
            | '—'
            | '/'
            | '¿'
            | '¡'
            | '·'
            | '•'
    ) {
        TokenKind::Punctuation
    } else if ch.is_alphanumeric() {
        TokenKind::Word
    } else {
        TokenKind::Symbol
    }
}

impl Tokeniser {
    /// Tokenises `text[start..end]`, a chunk without white space.
    pub(super) fn tokenise_chunk(
        &self,
        text: &str,
        start: usize,
        end: usize,
        out: &mut Vec<Token>,
    ) {
        self.tokenise_chunk_from(text, start, end, 0, out);
    }

    /// [`Tokeniser::tokenise_chunk`] when the chunk's first `plain` bytes are known to be
    /// ASCII and Latin-1 letters (see `plain_prefix_len`), a char boundary.
    pub(super) fn tokenise_chunk_from(
        &self,
        text: &str,
        start: usize,
        end: usize,
        latin: usize,
        out: &mut Vec<Token>,
    ) {
        let chunk = &text[start..end];
        // Fast paths: a plain word, the most common chunk by far, or one followed by a comma,
        // semicolon, colon, exclamation or question mark. One scan serves both.
        let plain = plain_prefix_len_from(chunk, latin);
        if plain == chunk.len() {
            out.push(Token {
                start,
                end,
                kind: TokenKind::Word,
            });
            return;
        }
        if chunk.bytes().all(|b| b.is_ascii_digit()) {
            out.push(Token {
                start,
                end,
                kind: TokenKind::Number,
            });
            return;
        }
        // A plain word and one final mark: "Wort,", "Wort:", "Wort.". A period decides exactly
        // as the general path below: it joins a listed abbreviation, an initial or a Roman
        // numeral, and ends the sentence otherwise.
        let last = chunk.as_bytes()[chunk.len() - 1];
        if matches!(last, b'.' | b',' | b';' | b':' | b'!' | b'?')
            && chunk.len() > 1
            && plain == chunk.len() - 1
        {
            let joined = if last == b'.' {
                self.period_belongs_to(&chunk[..chunk.len() - 1], chunk)
            } else {
                None
            };
            match joined {
                Some(kind) => out.push(Token { start, end, kind }),
                None => {
                    out.push(Token {
                        start,
                        end: end - 1,
                        kind: TokenKind::Word,
                    });
                    out.push(Token {
                        start: end - 1,
                        end,
                        kind: TokenKind::Punctuation,
                    });
                }
            }
            return;
        }
        if let Some(kind) = hyphenated_kind(chunk, latin, plain) {
            out.push(Token { start, end, kind });
            return;
        }
        self.tokenise_chunk_by_rules(text, start, end, out);
    }

    /// The general path of [`Tokeniser::tokenise_chunk`]: special forms, openers, closers and
    /// the core.
    fn tokenise_chunk_by_rules(&self, text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
        let mut lo = start;
        let mut hi = end;
        // Whole-chunk forms that contain closers or openers themselves.
        if let Some(kind) = self.classify_special(&text[lo..hi]) {
            if matches!(kind, TokenKind::Url | TokenKind::Email) {
                // A URL or address may still be followed by sentence punctuation.
                let core_end = trim_url_end(text, lo, hi);
                out.push(Token {
                    start: lo,
                    end: core_end,
                    kind,
                });
                self.push_trailing(text, core_end, hi, out);
                return;
            }
        }
        // Openers.
        while lo < hi {
            let ch = text[lo..hi].chars().next().expect("non-empty");
            if !is_opener(ch) {
                break;
            }
            out.push(Token {
                start: lo,
                end: lo + ch.len_utf8(),
                kind: punctuation_kind(ch),
            });
            lo += ch.len_utf8();
        }
        // Closers, found from the end backwards. They go into `out` at once, in that order,
        // and once the core's tokens follow them they are moved behind it in text order: no
        // vector of their own per chunk.
        let mark = out.len();
        let mut trailing = 0;
        loop {
            if lo >= hi {
                break;
            }
            let last = text[lo..hi].chars().next_back().expect("non-empty");
            if is_closer(last) {
                let at = hi - last.len_utf8();
                out.push(Token {
                    start: at,
                    end: hi,
                    kind: punctuation_kind(last),
                });
                trailing += 1;
                hi = at;
                continue;
            }
            if last == '.' {
                // A run of periods is an ellipsis; a single one may belong to the core.
                let core = &text[lo..hi - 1];
                let dots = core.bytes().rev().take_while(|&b| b == b'.').count();
                if dots > 0 {
                    let at = hi - 1 - dots;
                    out.push(Token {
                        start: at,
                        end: hi,
                        kind: TokenKind::Punctuation,
                    });
                    trailing += 1;
                    hi = at;
                    continue;
                }
                if inner_split(core).is_some() {
                    // "12.–14.", "Jinan/China.": each part decides about its own period.
                    self.push_core(text, lo, hi, None, out);
                    lo = hi;
                    break;
                }
                if let Some(kind) = self.period_belongs_to(core, &text[lo..hi]) {
                    self.push_core(text, lo, hi, Some(kind), out);
                    lo = hi;
                    break;
                }
                out.push(Token {
                    start: hi - 1,
                    end: hi,
                    kind: TokenKind::Punctuation,
                });
                trailing += 1;
                hi -= 1;
                continue;
            }
            break;
        }
        if lo < hi {
            self.push_core(text, lo, hi, None, out);
        }
        if trailing > 0 {
            out[mark..].rotate_left(trailing);
            let end = out.len();
            out[end - trailing..].reverse();
        }
    }

    /// Pushes the tokens of `text[lo..hi]` after the given trailing punctuation.
    fn push_trailing(&self, text: &str, lo: usize, hi: usize, out: &mut Vec<Token>) {
        for (offset, ch) in text[lo..hi].char_indices() {
            out.push(Token {
                start: lo + offset,
                end: lo + offset + ch.len_utf8(),
                kind: punctuation_kind(ch),
            });
        }
    }

    /// Decides whether the period after `core` is part of the token (`with_period` is the core
    /// with it) and returns the token's kind if so.
    fn period_belongs_to(&self, core: &str, with_period: &str) -> Option<TokenKind> {
        if core.is_empty() {
            return None;
        }
        if self.abbreviations.contains(with_period) {
            return Some(TokenKind::Abbreviation);
        }
        let mut chars = core.chars();
        let first = chars.next().expect("non-empty");
        if chars.next().is_none() && first.is_alphabetic() {
            // A single letter with a period: an initial or part of "z. B.".
            return Some(TokenKind::Abbreviation);
        }
        if core.len() <= 3 && core.bytes().all(|b| b.is_ascii_digit()) {
            // Ordinals ("am 24. September"); four-digit years end sentences instead.
            return Some(TokenKind::Ordinal);
        }
        // Each pattern is run only where its first requirement holds (a digit, a Roman
        // numeral letter, an inner period), which decides most words without a regex.
        let first_byte = core.as_bytes()[0];
        if first_byte.is_ascii_digit() && self.patterns.day_month.is_match(core) {
            return Some(TokenKind::Date);
        }
        if matches!(first_byte, b'I' | b'V' | b'X') && self.patterns.roman.is_match(core) {
            return Some(TokenKind::Ordinal);
        }
        if core.contains('.') && self.patterns.is_dotted_abbreviation(core) && !self.is_domain(core)
        {
            return Some(TokenKind::Abbreviation);
        }
        None
    }

    /// URL, e-mail, domain, date, time, number or hashtag, for a whole core.
    fn classify_special(&self, core: &str) -> Option<TokenKind> {
        let first = core.chars().next()?;
        if first == '#'
            && core.len() > 1
            && core[1..].chars().all(|c| c.is_alphanumeric() || c == '_')
        {
            return Some(TokenKind::Hashtag);
        }
        if first == '@'
            && core.len() > 1
            && core[1..].chars().all(|c| c.is_alphanumeric() || c == '_')
        {
            return Some(TokenKind::Mention);
        }
        if core.contains('@') && self.patterns.is_email(core) {
            return Some(TokenKind::Email);
        }
        if may_start_url(core) && self.patterns.url.is_match(core) {
            return Some(TokenKind::Url);
        }
        let signed_number = matches!(first, '+' | '-' | '±')
            && core[first.len_utf8()..].starts_with(|c: char| c.is_ascii_digit());
        if first.is_ascii_digit() || signed_number {
            // Nearly every numeric core is digit groups between single separators: decided
            // from its shape without running the patterns (which decide everything else).
            match NumericShape::parse(core) {
                Some(shape) => {
                    if let Some(kind) = shape.kind() {
                        return Some(kind);
                    }
                }
                None => {
                    if let Some(kind) = self.patterns.numeric_kind(core) {
                        return Some(kind);
                    }
                }
            }
        }
        if core.contains('.') && self.is_domain(core) {
            return Some(TokenKind::Url);
        }
        None
    }

    fn is_domain(&self, core: &str) -> bool {
        // A domain ends in letters after its last period ("Bonn." is a word and a full stop).
        let Some(dot) = core.rfind('.') else {
            return false;
        };
        if dot + 1 >= core.len()
            || !core.is_ascii()
            || !core.as_bytes()[dot + 1].is_ascii_alphabetic()
        {
            return false;
        }
        match self.patterns.domain.captures(core) {
            Some(caps) => {
                let tld = caps.get(1).map_or("", |m| m.as_str());
                // A capitalised last part ("Forum.SH") reads as a name, not a domain.
                tld.chars().all(|c| c.is_ascii_lowercase()) && self.top_level_domains.contains(tld)
            }
            None => false,
        }
    }

    /// Pushes the tokens of the core `text[lo..hi]`.
    fn push_core(
        &self,
        text: &str,
        lo: usize,
        hi: usize,
        known: Option<TokenKind>,
        out: &mut Vec<Token>,
    ) {
        let core = &text[lo..hi];
        if let Some(kind) = known {
            out.push(Token {
                start: lo,
                end: hi,
                kind,
            });
            return;
        }
        if core.chars().all(char::is_alphabetic) {
            out.push(Token {
                start: lo,
                end: hi,
                kind: TokenKind::Word,
            });
            return;
        }
        if let Some(kind) = self.classify_special(core) {
            out.push(Token {
                start: lo,
                end: hi,
                kind,
            });
            return;
        }
        // Slashes and dashes join independent parts: "Jinan/China", "12.–14.", "0351/8925582".
        if let Some((at, ch)) = inner_split(core) {
            self.tokenise_part(text, lo, lo + at, out);
            out.push(Token {
                start: lo + at,
                end: lo + at + ch.len_utf8(),
                kind: TokenKind::Punctuation,
            });
            self.tokenise_part(text, lo + at + ch.len_utf8(), hi, out);
            return;
        }
        self.push_segments(text, lo, hi, out);
    }

    /// A part between slashes or dashes gets the full chunk treatment (its own period rules).
    fn tokenise_part(&self, text: &str, lo: usize, hi: usize, out: &mut Vec<Token>) {
        if lo < hi {
            self.tokenise_chunk(text, lo, hi, out);
        }
    }

    /// UAX #29 word segments, with hyphen compounds and truncations joined.
    fn push_segments(&self, text: &str, lo: usize, hi: usize, out: &mut Vec<Token>) {
        // A hyphen compound of plain words ("Baden-Württemberg", "E-Mail-Adresse"): UAX #29
        // splits it at each hyphen and the parts are joined again into one word.
        let core = &text[lo..hi];
        if core.contains('-')
            && core
                .split('-')
                .all(|part| !part.is_empty() && is_plain_word(part))
        {
            out.push(Token {
                start: lo,
                end: hi,
                kind: TokenKind::Word,
            });
            return;
        }
        self.push_word_segments(text, lo, hi, out);
    }

    /// UAX #29 word segments, with hyphen compounds and truncations joined.
    fn push_word_segments(&self, text: &str, lo: usize, hi: usize, out: &mut Vec<Token>) {
        // The segments go straight into `out` (no vector of their own), joined there.
        let segments_start = out.len();
        for (offset, segment) in text[lo..hi].split_word_bound_indices() {
            let start = lo + offset;
            let end = start + segment.len();
            let first = segment.chars().next().expect("non-empty segment");
            let kind = if first.is_numeric() {
                TokenKind::Number
            } else if first.is_alphabetic() || segment.chars().count() > 1 {
                TokenKind::Word
            } else {
                punctuation_kind(first)
            };
            // Units with superscripts ("km²", "m³") stay one word.
            if segment.chars().all(|c| matches!(c, '²' | '³' | '¹')) {
                if let Some(previous) = out[segments_start..]
                    .last_mut()
                    .filter(|t: &&mut Token| t.kind == TokenKind::Word && t.end == start)
                {
                    previous.end = end;
                    continue;
                }
            }
            out.push(Token { start, end, kind });
        }
        join_hyphen_compounds(text, out, segments_start);
    }
}

/// Joins `word - word` (no spaces) into one token and a final `word -` into a truncation, in
/// the segments `tokens[first..]`, in place.
/// A compound takes the kind of its first part: `COVID-19` is a word, `30-köpfige` a number.
fn join_hyphen_compounds(text: &str, tokens: &mut Vec<Token>, first: usize) {
    let is_part = |t: &Token| matches!(t.kind, TokenKind::Word | TokenKind::Number);
    let is_hyphen = |t: &Token| matches!(t.text(text), "-" | "\u{2011}");
    let segments_end = tokens.len();
    // Joined tokens are written back from `first` on, never ahead of the segment read.
    let mut written = first;
    let mut i = first;
    let segments = tokens;
    while i < segments_end {
        let mut token = segments[i];
        if is_part(&token) {
            while i + 2 < segments_end && is_hyphen(&segments[i + 1]) && is_part(&segments[i + 2]) {
                token.end = segments[i + 2].end;
                i += 2;
            }
            if i + 2 == segments_end && is_hyphen(&segments[i + 1]) && token.kind == TokenKind::Word
            {
                token.end = segments[i + 1].end;
                token.kind = TokenKind::Truncation;
                i += 1;
            }
        }
        segments[written] = token;
        written += 1;
        i += 1;
    }
    segments.truncate(written);
}

/// The most digit groups a [`NumericShape`] holds; longer cores go to the patterns.
const MAX_GROUPS: usize = 6;

/// A numeric core as digit groups between single separators (`25.09.2012`, `1.000,5`,
/// `14:30h`, `-3`): what the date, time and number patterns of [`Patterns`] look at, so that
/// [`NumericShape::kind`] decides exactly as they do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct NumericShape {
    /// A leading `+`, `-` or `±`.
    signed: bool,
    /// The number of digits of each group.
    digits: [usize; MAX_GROUPS],
    /// The separator after each group but the last: `.` `,` `:` `-` `/` `'`.
    separators: [u8; MAX_GROUPS],
    groups: usize,
    /// A final `h` (`14:30h`).
    hours: bool,
}

impl NumericShape {
    /// The shape of `core`, or `None` when it is anything else (letters, other marks, two
    /// separators in a row, a separator at either end, more than [`MAX_GROUPS`] groups).
    fn parse(core: &str) -> Option<NumericShape> {
        let mut bytes = core.as_bytes();
        let mut signed = false;
        if let Some(rest) = bytes
            .strip_prefix(b"+")
            .or_else(|| bytes.strip_prefix(b"-"))
            .or_else(|| bytes.strip_prefix("±".as_bytes()))
        {
            signed = true;
            bytes = rest;
        }
        let mut hours = false;
        if let Some(rest) = bytes.strip_suffix(b"h") {
            hours = true;
            bytes = rest;
        }
        let mut shape = NumericShape {
            signed,
            digits: [0; MAX_GROUPS],
            separators: [0; MAX_GROUPS],
            groups: 0,
            hours,
        };
        let mut run = 0;
        for &byte in bytes {
            if byte.is_ascii_digit() {
                run += 1;
                continue;
            }
            if !matches!(byte, b'.' | b',' | b':' | b'-' | b'/' | b'\'') {
                return None;
            }
            if run == 0 || shape.groups + 1 >= MAX_GROUPS {
                return None;
            }
            shape.digits[shape.groups] = run;
            shape.separators[shape.groups] = byte;
            shape.groups += 1;
            run = 0;
        }
        if run == 0 {
            return None;
        }
        shape.digits[shape.groups] = run;
        shape.groups += 1;
        Some(shape)
    }

    /// What the patterns make of the core, tried in the same order: date, time, number.
    fn kind(&self) -> Option<TokenKind> {
        if self.is_date() {
            Some(TokenKind::Date)
        } else if self.is_time() {
            Some(TokenKind::Time)
        } else if self.is_number() {
            Some(TokenKind::Number)
        } else {
            None
        }
    }

    fn digits(&self) -> &[usize] {
        &self.digits[..self.groups]
    }

    fn separators(&self) -> &[u8] {
        &self.separators[..self.groups - 1]
    }

    /// `d.m.yyyy`, `d.m.yy`, `yyyy-mm-dd`, `d/m/yyyy` (one or two digits for `d` and `m`).
    fn is_date(&self) -> bool {
        if self.signed || self.hours {
            return false;
        }
        let short = |n: usize| (1..=2).contains(&n);
        match (self.digits(), self.separators()) {
            (&[d, m, y], b"..") => short(d) && short(m) && (y == 4 || y == 2),
            (&[y, m, d], b"--") => y == 4 && m == 2 && d == 2,
            (&[d, m, y], b"//") => short(d) && short(m) && y == 4,
            _ => false,
        }
    }

    /// `h:mm`, `hh:mm:ss`, with an optional final `h`.
    fn is_time(&self) -> bool {
        if self.signed {
            return false;
        }
        match (self.digits(), self.separators()) {
            (&[h, m], b":") => (1..=2).contains(&h) && m == 2,
            (&[h, m, s], b"::") => (1..=2).contains(&h) && m == 2 && s == 2,
            _ => false,
        }
    }

    /// `1.000.000,5`, `1'000.5`, `3,5`, `2.5`, `42`, each optionally signed.
    fn is_number(&self) -> bool {
        if self.hours {
            return false;
        }
        let digits = self.digits();
        let separators = self.separators();
        match separators {
            [] => return true,
            [b',' | b'.'] => return true,
            _ => {}
        }
        if !(1..=3).contains(&digits[0]) {
            return false;
        }
        // Groups of three after `.` (then one `,` decimal part) or after `'` (then one `.`).
        for (thousands, decimal) in [(b'.', b','), (b'\'', b'.')] {
            let mut k = 0;
            while k < separators.len() && separators[k] == thousands && digits[k + 1] == 3 {
                k += 1;
            }
            if k == 0 {
                continue;
            }
            if k == separators.len() || (k + 1 == separators.len() && separators[k] == decimal) {
                return true;
            }
        }
        false
    }
}

/// The first slash or dash inside `core` (not at either end), where independent parts meet.
fn inner_split(core: &str) -> Option<(usize, char)> {
    core.char_indices()
        .find(|&(i, c)| matches!(c, '/' | '–' | '—') && i > 0 && i + c.len_utf8() < core.len())
}

/// The end of a URL or e-mail address without trailing sentence punctuation.
fn trim_url_end(text: &str, lo: usize, mut hi: usize) -> usize {
    while hi > lo {
        let last = text[lo..hi].chars().next_back().expect("non-empty");
        if matches!(
            last,
            '.' | ',' | ';' | ':' | '!' | '?' | ')' | '"' | '“' | '”' | '»' | '\''
        ) {
            hi -= last.len_utf8();
        } else {
            break;
        }
    }
    hi
}

#[cfg(test)]
mod tests {
    use super::{NumericShape, Patterns};
    use crate::tokenise::{Token, TokenKind};
    use proptest::prelude::*;
    use regex::Regex;
    use std::sync::OnceLock;

    fn email_pattern() -> &'static Regex {
        static EMAIL: OnceLock<Regex> = OnceLock::new();
        EMAIL.get_or_init(|| Regex::new(super::EMAIL).unwrap())
    }

    fn patterns() -> &'static Patterns {
        static PATTERNS: OnceLock<Patterns> = OnceLock::new();
        PATTERNS.get_or_init(Patterns::new)
    }

    /// The shape decides as the date, time and number patterns do (table of realistic cores,
    /// then random ones over the characters they look at).
    #[test]
    fn numeric_shapes_decide_as_the_patterns() {
        let patterns = patterns();
        let cases: &[(&str, Option<TokenKind>)] = &[
            ("25.09.2012", Some(TokenKind::Date)),
            ("1.1.24", Some(TokenKind::Date)),
            ("2012-09-25", Some(TokenKind::Date)),
            ("3/4/2021", Some(TokenKind::Date)),
            ("25.09.201", None),
            ("14:30", Some(TokenKind::Time)),
            ("9:05:59h", Some(TokenKind::Time)),
            ("14:3", None),
            ("1.000.000,50", Some(TokenKind::Number)),
            ("1'000'000.5", Some(TokenKind::Number)),
            ("-3,5", Some(TokenKind::Number)),
            ("±12", Some(TokenKind::Number)),
            ("2.5", Some(TokenKind::Number)),
            ("1.000.5", None),
            ("12-14", None),
            ("2020/21", None),
            ("5h", None),
        ];
        for &(core, expected) in cases {
            assert_eq!(
                patterns.numeric_kind(core),
                expected,
                "patterns on {core:?}"
            );
            let shape = NumericShape::parse(core).expect(core);
            assert_eq!(shape.kind(), expected, "shape of {core:?}");
        }
        assert_eq!(NumericShape::parse("3.-5."), None);
        assert_eq!(NumericShape::parse("1,5Mio"), None);
    }

    /// E-mail addresses in ASCII are read by hand exactly as the pattern reads them.
    #[test]
    fn ascii_email_reading_agrees_with_the_pattern() {
        let email = email_pattern();
        for core in [
            "presse@example.org",
            "vorname.nachname+info@mail.example-firma.de",
            "a_b@c_d.e_f",
            "info@example",
            "@example.org",
            "info@.example.org",
            "info@example..org",
            "info@example.org.",
            "info@@example.org",
            "in@fo@example.org",
            "in fo@example.org",
            "info@exa!mple.org",
            "-.+@-.-",
            "info@example.org:",
        ] {
            assert_eq!(
                super::is_ascii_email(core.as_bytes()),
                email.is_match(core),
                "{core}"
            );
        }
    }

    /// A compound of plain words joined by hyphens is one word, as the UAX #29 segments
    /// joined again give it.
    #[test]
    fn plain_hyphen_compounds_are_one_word_as_by_segments() {
        use crate::tokenise::Tokeniser;
        let tokeniser = Tokeniser::load_default().unwrap();
        for text in [
            "Baden-Württemberg",
            "E-Mail-Adresse",
            "Life-Sciences-Standorte",
            "Rhein-Main-Gebiet",
            "Süd-Ost-Asien-Forum",
            "x-y",
            "Élysée-Vertrag",
        ] {
            let (mut fast, mut segments) = (Vec::new(), Vec::new());
            tokeniser.push_segments(text, 0, text.len(), &mut fast);
            tokeniser.push_word_segments(text, 0, text.len(), &mut segments);
            assert_eq!(fast, segments, "{text}");
            assert_eq!(fast.len(), 1, "{text}");
        }
    }

    /// The plain prefix is what `is_plain_word` accepts: the whole chunk exactly when it is a
    /// plain word, and every shorter prefix up to it.
    #[test]
    fn plain_prefix_is_where_plain_words_end() {
        use super::{is_plain_word, plain_prefix_len};
        for (chunk, expected) in [
            ("Wort", 4),
            ("Wort,", 4),
            ("Straße.", 7),
            ("Łódź!", 7),
            ("Ärzte×2", 6),
            ("日本語:", 9),
            ("3D-Druck", 0),
            ("", 0),
        ] {
            let len = plain_prefix_len(chunk);
            assert_eq!(len, expected, "{chunk}");
            assert!(is_plain_word(&chunk[..len]), "{chunk}");
            assert_eq!(is_plain_word(chunk), len == chunk.len(), "{chunk}");
        }
    }

    /// Hyphenated chunks taken whole are the one token the general path makes of them, and
    /// the URL pattern matches nothing that does not start as `may_start_url` requires.
    #[test]
    fn shortcuts_decide_as_the_general_path() {
        use crate::tokenise::Tokeniser;
        let tokeniser = Tokeniser::load_default().unwrap();
        let chunks = [
            "Baden-Württemberg",
            "Wirtschafts-",
            "Élysée-",
            "Groß-",
            "Life-Sciences-Standorte",
            "日本-",
            "Łódź-Kraków",
            "Ost--West",
            "Nord-",
            "a-b-",
            "x-",
            "www-Seite",
            "Hafen-3",
            "Ärzte×-",
        ];
        check_hyphenated(&tokeniser, &chunks);
        for url in [
            "https://example.org",
            "WWW.example.de",
            "Ftp://x.y",
            "www-x.de",
            "wiki",
            "Httpſ://a",
        ] {
            assert_eq!(
                tokeniser.patterns.url.is_match(url),
                super::may_start_url(url) && tokeniser.patterns.url.is_match(url),
                "{url}"
            );
        }
    }

    /// No character outside ASCII matches `h`, `f` or `w` case-insensitively, so a core that
    /// starts with one is no URL (`may_start_url`).
    #[test]
    fn only_ascii_letters_fold_to_the_first_letters_of_urls() {
        let first = Regex::new("^(?i:h|f|w)$").unwrap();
        for c in (0x80..=0x10FFFF).filter_map(char::from_u32) {
            assert!(!first.is_match(c.encode_utf8(&mut [0; 4])), "{c:?}");
        }
    }

    fn check_hyphenated(tokeniser: &crate::tokenise::Tokeniser, chunks: &[&str]) {
        for chunk in chunks {
            let latin = chunk
                .char_indices()
                .find(|&(_, c)| {
                    !(c.is_ascii_alphabetic()
                        || (('\u{C0}'..='\u{FF}').contains(&c) && c != '×' && c != '÷'))
                })
                .map_or(chunk.len(), |(at, _)| at);
            let plain = super::plain_prefix_len(chunk);
            if let Some(kind) = super::hyphenated_kind(chunk, latin, plain) {
                let mut general = Vec::new();
                tokeniser.tokenise_chunk_by_rules(chunk, 0, chunk.len(), &mut general);
                let whole = Token {
                    start: 0,
                    end: chunk.len(),
                    kind,
                };
                assert_eq!(general, [whole], "{chunk}");
            }
        }
    }

    /// The shortcuts that skip the Unicode tables skip no letter or digit.
    #[test]
    fn shortcut_characters_are_no_letters() {
        for c in '\u{2000}'..='\u{203F}' {
            assert!(!c.is_alphabetic(), "{c:?}");
            assert_eq!(c.len_utf8(), 3);
            assert_eq!(&c.to_string().as_bytes()[..2], &[0xE2, 0x80]);
        }
        for c in ".,;:!?…()[]{}-–—/¿¡·•".chars() {
            assert!(!c.is_alphanumeric(), "{c:?}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        #[test]
        fn plain_prefix_agrees_with_plain_words(chunk in "[a-zA-Zäöüß×é,.!ł日 0-9-]{0,12}") {
            let len = super::plain_prefix_len(&chunk);
            prop_assert!(super::is_plain_word(&chunk[..len]));
            prop_assert_eq!(super::is_plain_word(&chunk), len == chunk.len());
            if let Some(next) = chunk[len..].chars().next() {
                let longer = &chunk[..len + next.len_utf8()];
                prop_assert!(!super::is_plain_word(longer), "{}", longer);
            }
        }

        #[test]
        fn hyphenated_chunks_agree_with_the_general_path(chunk in "[a-zA-Zäöüßé×ł日]{0,4}(-[a-zA-Zäöüßé×ł日]{0,4}){1,3}") {
            use crate::tokenise::Tokeniser;
            static TOKENISER: OnceLock<Tokeniser> = OnceLock::new();
            let tokeniser = TOKENISER.get_or_init(|| Tokeniser::load_default().unwrap());
            check_hyphenated(tokeniser, &[chunk.as_str()]);
        }

        #[test]
        fn urls_start_as_required(core in "(?i:(https?|ftp|www|ſ)?[:/.ſ]{0,3}[a-z]{0,3})") {
            let p = patterns();
            prop_assert!(!p.url.is_match(&core) || super::may_start_url(&core), "{}", core);
        }

        #[test]
        fn ascii_emails_agree_with_the_pattern(core in "[a-zA-Z0-9_.+ -]{0,5}@{0,2}[a-z0-9_.!-]{0,8}") {
            let email = email_pattern();
            prop_assert_eq!(super::is_ascii_email(core.as_bytes()), email.is_match(&core), "{}", core);
        }

        #[test]
        fn numeric_shapes_agree_with_the_patterns(core in "[+±-]?[0-9]{1,5}([.,:/'-][0-9]{1,5}){0,6}h?") {
            let patterns = patterns();
            if let Some(shape) = NumericShape::parse(&core) {
                prop_assert_eq!(shape.kind(), patterns.numeric_kind(&core), "{}", core);
            }
        }

        #[test]
        fn numeric_shapes_agree_on_any_mark(core in "[0-9.,:'/h+-]{1,12}") {
            let patterns = patterns();
            if let Some(shape) = NumericShape::parse(&core) {
                prop_assert_eq!(shape.kind(), patterns.numeric_kind(&core), "{}", core);
            }
        }
    }
}
