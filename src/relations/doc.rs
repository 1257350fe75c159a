//! What the relation stage knows about one document before it looks for relations: lower-cased
//! tokens, readable sentences, party mentions with their preposition and side, the document's
//! main regions, and which body each person speaks for.

use crate::gazetteer::FastMap as HashMap;
use std::cell::{Cell, OnceCell};

use super::lexicon::{Cue, CueIndex, CueKind, CueMarks, Lexicon, Mode, SentenceTopics};
use super::{RegionEvidence, RelationInput};
use crate::entities::EntityMatch;
use crate::record::EntityType;
use crate::tokenise::{Token, TokenKind};

/// Which side of a relation an entity belongs to: a country (from an ISO 3166 code) or, when
/// unknown, a side of its own (named by a canonical name). Both borrow from the document's
/// entities: no String per entity.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Side<'a> {
    Country(&'a str),
    Own(&'a str),
}

/// Whether a party is a region or an organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Level {
    Region,
    Organisation,
}

/// The preposition that governs a mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Prep {
    Origin,
    Venue,
    Destination,
    Between,
    /// "kooperiert mit A und B": partners of the subject, not of each other.
    With,
}

/// How a mention stands for its party.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Via {
    /// The entity itself.
    Direct,
    /// An adjective or demonym ("sächsische").
    Adjective,
    /// A person who speaks for the body (`usize` = the person's entity).
    Person(usize),
}

/// A possible party in a sentence.
#[derive(Debug, Clone)]
pub(crate) struct Mention {
    /// The party: an entity index.
    pub entity: usize,
    pub start: usize,
    /// Where the name ends: the entity's end for a name, the head noun's for a reference; for
    /// an adjective or a person, the end of the entity they stand for.
    pub end: usize,
    /// Token index.
    pub token: usize,
    pub via: Via,
    pub prep: Option<Prep>,
    /// An adjective or `aus X` attached to an organisation: describes it, is no party.
    pub attribute: bool,
    /// Followed by a visiting-group word ("Thüringer Delegation").
    pub visitors: bool,
    /// Mentions coordinated under one preposition share a group ("aus A, B und C") and are
    /// never each other's partners.
    pub group: usize,
}

impl Mention {
    /// A mention with no preposition, attribute or group found yet.
    fn new(entity: usize, start: usize, end: usize, token: usize, via: Via) -> Mention {
        Mention {
            entity,
            start,
            end,
            token,
            via,
            prep: None,
            attribute: false,
            visitors: false,
            group: usize::MAX,
        }
    }
}

/// Region, person and side knowledge about one document.
#[derive(Debug)]
pub(crate) struct Doc<'a> {
    pub input: &'a RelationInput<'a>,
    pub lower: Words,
    pub readable: Vec<bool>,
    /// Mentions per sentence, in text order.
    pub mentions: Vec<Vec<Mention>>,
    pub sides: Vec<Side<'a>>,
    /// (inner, outer) canonical names of places the text puts one inside the other ("Plzeň in
    /// Westböhmen").
    pub inside: Vec<(String, String)>,
    /// The region an organisation is named after or located in, by entity index.
    pub org_region: HashMap<usize, usize>,
    /// Main region (an entity index) of each country side.
    pub main: HashMap<Side<'a>, usize>,
    pub home: Option<Side<'a>>,
    pub foreign: Option<Side<'a>>,
    /// Person entity → (body entity, role word).
    pub person_body: HashMap<usize, (Option<usize>, Option<String>)>,
    /// Canonical names of the places without an ISO 3166 code (towns, districts) that the
    /// title names; `None` when the text opens without a short title line.
    pub title_places: Option<Vec<String>>,
    /// (token, trigger index) for every token where a trigger's first word matches, by token.
    pub trigger_hits: Vec<(usize, usize)>,
    /// Sentence of each token.
    sentence_of: Vec<usize>,
    /// Where the contact block starts (the text's end when there is none).
    trailer_start: usize,
    /// Topics and economic words of each sentence, once asked for.
    topics: Vec<OnceCell<SentenceTopics>>,
    /// The cue kinds that may start at some token of each sentence (their bits of
    /// [`CueMarks::first`]), once asked for.
    cue_kinds: Vec<OnceCell<u64>>,
    /// Per entity: a place's name without qualifier and head words ([`place_base`]), empty for
    /// others.
    place_bases: Vec<&'a str>,
}

/// The lower-cased tokens of a document in one buffer: no `String` per token. Built from a
/// document ([`Words::of_text`]) the buffer is the text itself lower-cased, each token at its
/// own byte offsets; built from a list of words ([`Words::new`]) it holds them separated by
/// line breaks (which no token contains).
#[derive(Debug, Default)]
pub(crate) struct Words {
    buf: String,
    /// Start and end of each token's text in `buf`, in order, not overlapping.
    spans: Vec<(usize, usize)>,
    /// The cue kinds that may start at each token, once asked for.
    marks: Vec<Cell<Option<CueMarks>>>,
    /// [`Lexicon::scan`] has found the cues whose first word matches by stem, part or suffix
    /// in its pass over the buffer and recorded the marks of the tokens they mark: the marks
    /// of any other token come from its whole word alone. Before, each token is scanned alone.
    affixes_scanned: bool,
    /// The buffer is the text lower-cased at its own offsets ([`Words::of_text`]).
    at_text_offsets: bool,
}

/// Appends `token` lower-cased as `str::to_lowercase` lower-cases it on its own.
fn push_lower(token: &str, buf: &mut String) {
    if token.is_ascii() {
        let at = buf.len();
        buf.push_str(token);
        buf[at..].make_ascii_lowercase();
    } else if token.contains('Σ') {
        // Final sigma depends on context: leave it to the library.
        buf.push_str(&token.to_lowercase());
    } else {
        for c in token.chars() {
            if c.is_ascii() {
                buf.push(c.to_ascii_lowercase());
            } else {
                for l in c.to_lowercase() {
                    buf.push(l);
                }
            }
        }
    }
}

/// The offset of the first byte at or after `from` that is not ASCII.
fn next_non_ascii(bytes: &[u8], from: usize) -> Option<usize> {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut i = from;
    // Eight bytes at a time: most of a German text is ASCII.
    while let Some(chunk) = bytes.get(i..i + 8) {
        let high = u64::from_le_bytes(chunk.try_into().expect("eight bytes")) & HIGH;
        if high != 0 {
            return Some(i + high.trailing_zeros() as usize / 8);
        }
        i += 8;
    }
    bytes[i..].iter().position(|b| !b.is_ascii()).map(|k| i + k)
}

impl Words {
    /// Lower-cases `texts` (each as `str::to_lowercase` does) into one buffer.
    pub(crate) fn new<'t>(texts: impl ExactSizeIterator<Item = &'t str>) -> Words {
        let mut spans = Vec::with_capacity(texts.len());
        let mut buf = String::new();
        for t in texts {
            let start = buf.len();
            push_lower(t, &mut buf);
            spans.push((start, buf.len()));
            buf.push('\n');
        }
        let marks = vec![Cell::new(None); spans.len()];
        Words {
            buf,
            spans,
            marks,
            affixes_scanned: false,
            at_text_offsets: false,
        }
    }

    /// The `tokens` of `text`, each lower-cased as [`Words::new`] lower-cases it, in a copy of
    /// the text lower-cased at once: the ASCII letters of the whole text in one pass, then the
    /// few tokens with other letters one by one. When one of those changes its length in
    /// lower case ("İ"), the tokens go one by one into a buffer of their own instead.
    pub(crate) fn of_text(text: &str, tokens: &[Token]) -> Words {
        let mut buf = text.to_ascii_lowercase();
        let bytes = text.as_bytes();
        let mut lowered = String::new();
        let mut t = 0;
        let mut at = 0;
        let mut same_offsets = true;
        while let Some(p) = next_non_ascii(bytes, at) {
            while t < tokens.len() && tokens[t].end <= p {
                t += 1;
            }
            let Some(token) = tokens.get(t).filter(|token| token.start <= p) else {
                // Outside any token: no token reads it.
                at = p + 1;
                continue;
            };
            let original = &text[token.start..token.end];
            // Lower-case letters of Latin-1 ("ä", "ß", "é") stay as they are: the text lower-cased
            // as ASCII already holds such a token in lower case.
            if original[p - token.start..]
                .chars()
                .all(|c| c.is_ascii() || ('\u{df}'..='\u{ff}').contains(&c))
            {
                at = token.end;
                continue;
            }
            lowered.clear();
            push_lower(original, &mut lowered);
            if lowered.len() != original.len() {
                same_offsets = false;
                break;
            }
            if buf[token.start..token.end] != lowered {
                buf.replace_range(token.start..token.end, &lowered);
            }
            at = token.end;
        }
        let spans: Vec<(usize, usize)> = tokens.iter().map(|t| (t.start, t.end)).collect();
        same_offsets &= spans.first().map_or(true, |&(start, end)| start <= end)
            && spans
                .windows(2)
                .all(|w| w[0].1 <= w[1].0 && w[1].0 <= w[1].1);
        if !same_offsets {
            return Words::new(tokens.iter().map(|t| t.text(text)));
        }
        let marks = vec![Cell::new(None); spans.len()];
        Words {
            buf,
            spans,
            marks,
            affixes_scanned: false,
            at_text_offsets: true,
        }
    }

    /// The bytes `range` of `text` (the text these words were made of by
    /// [`Words::of_text`]) in the buffer, when they read there as [`topic_text`] lower-cases
    /// them, hyphens aside: no capital Sigma (whose lower case depends on the letters around
    /// it) and no character outside a token that lower case changes (the buffer lower-cases
    /// only the ASCII letters between tokens). `None` otherwise.
    ///
    /// [`topic_text`]: super::lexicon::topic_text
    pub(crate) fn text_lowered(&self, text: &str, range: std::ops::Range<usize>) -> Option<&str> {
        if !self.at_text_offsets || text.len() != self.buf.len() {
            return None;
        }
        let bytes = &text.as_bytes()[..range.end];
        let mut t = self.spans.partition_point(|&(_, end)| end <= range.start);
        let mut at = range.start;
        while let Some(p) = next_non_ascii(bytes, at) {
            let c = text[p..].chars().next()?;
            if c == 'Σ' {
                return None;
            }
            while t < self.spans.len() && self.spans[t].1 <= p {
                t += 1;
            }
            let in_token = self.spans.get(t).is_some_and(|&(start, _)| start <= p);
            if !in_token && !c.to_lowercase().eq(std::iter::once(c)) {
                return None;
            }
            at = p + c.len_utf8();
        }
        Some(&self.buf[range])
    }

    /// Number of tokens.
    pub(crate) fn len(&self) -> usize {
        self.spans.len()
    }

    /// Token `i`, lower-cased.
    pub(crate) fn get(&self, i: usize) -> Option<&str> {
        let &(start, end) = self.spans.get(i)?;
        Some(&self.buf[start..end])
    }

    /// Whether token `i` matches `pattern` by `mode` ([`Mode::matches`] of `self[i]`), read
    /// from the buffer's bytes: asked at every token of a sentence after a trigger's first
    /// word, most often of a length that rules a whole word out at once.
    pub(crate) fn matches_at(&self, i: usize, mode: Mode, pattern: &str) -> bool {
        let (start, end) = self.spans[i];
        let token = &self.buf.as_bytes()[start..end];
        let pattern_bytes = pattern.as_bytes();
        match mode {
            Mode::Word => token == pattern_bytes,
            Mode::Stem => token.starts_with(pattern_bytes),
            Mode::Suffix => token.ends_with(pattern_bytes),
            Mode::Part => self[i].contains(pattern),
        }
    }

    /// The whole buffer.
    pub(crate) fn buffer(&self) -> &str {
        &self.buf
    }

    /// Start and end of each token in [`Words::buffer`].
    pub(crate) fn spans(&self) -> &[(usize, usize)] {
        &self.spans
    }

    /// Records the marks of the tokens that cues matched by stem, part or suffix mark, from
    /// one pass over the buffer ([`Lexicon::scan`]): `affix_marks` holds (token, those cues'
    /// marks) for each such token.
    pub(crate) fn record_affix_marks(
        &mut self,
        affix_marks: &[(usize, CueMarks)],
        index: &CueIndex,
    ) {
        for &(i, affix) in affix_marks {
            let mut marks = index.word_marks(&self[i]);
            marks.first |= affix.first;
            marks.single |= affix.single;
            self.marks[i].set(Some(marks));
        }
        self.affixes_scanned = true;
    }

    /// The cue kinds that may start at token `i` (computed on first use), or `None` past the
    /// last token.
    /// Asked for at every token of many ranges: inlined, the first computation out of line.
    #[inline]
    pub(crate) fn cue_marks(&self, i: usize, index: &CueIndex) -> Option<CueMarks> {
        match self.marks.get(i)?.get() {
            Some(marks) => Some(marks),
            None => Some(self.compute_marks(i, index)),
        }
    }

    #[inline(never)]
    fn compute_marks(&self, i: usize, index: &CueIndex) -> CueMarks {
        // One call of the whole-word lookup, so that the compiler inlines it here.
        let token = &self[i];
        let mut marks = index.word_marks(token);
        if !self.affixes_scanned {
            index.add_affix_marks(token, &mut marks);
        }
        self.marks[i].set(Some(marks));
        marks
    }
}

impl std::ops::Index<usize> for Words {
    type Output = str;

    fn index(&self, i: usize) -> &str {
        self.get(i).expect("token index in range")
    }
}

/// How many tokens a funding programme's name may run before a place in it ("Interreg VI A
/// Deutschland-Nederland").
const PROGRAMME_NAME_WORDS: usize = 8;

/// A first line of at most this many words is the title.
const TITLE_WORDS: usize = 25;
/// Lines of the head before the headline: an issuer line, a unit, a dateline, a
/// "Pressemitteilung Nr. …" or "Kurz notiert | date" line.
const HEAD_LINES: usize = 5;

/// The byte range of the title, and its word count. The title is the first line when a
/// blank line or the text follows it; otherwise the text opens with a head of short lines
/// ("Städtisches Klinikum Beispielstadt", "Unternehmenskommunikation", a dateline, then the
/// headline) and the title is its line of most words. The head ends before a line that is
/// longer than a title or ends with a full stop, and after [`HEAD_LINES`] lines.
fn title_range(text: &str, tokens: &[Token]) -> (std::ops::Range<usize>, usize) {
    let words_in = |from: usize, to: usize| {
        let first = tokens.partition_point(|t| t.start < from);
        tokens[first..]
            .iter()
            .take_while(|t| t.end <= to)
            .filter(|t| t.kind == TokenKind::Word)
            .count()
    };
    let first_end = text.find('\n').unwrap_or(text.len());
    let mut best = (0..first_end, words_in(0, first_end));
    // "Kurz notiert | 04.09.2025", "Pressemitteilung vom 4.9.2025": a line that dates the
    // text heads it, even with a blank line after it.
    let dates_the_text = |line: &str| {
        line.contains('|')
            || line
                .split(|c: char| !(c.is_ascii_digit() || c == '.'))
                .any(|w| w.split('.').filter(|p| !p.is_empty()).count() == 3)
    };
    if first_end == text.len()
        || text[first_end..].starts_with("\n\n") && !dates_the_text(&text[..first_end])
    {
        return best;
    }
    let mut at = first_end;
    let mut lines = 1;
    while at < text.len() && lines < HEAD_LINES {
        let line_start = at + 1;
        let line_end = text[line_start..]
            .find('\n')
            .map_or(text.len(), |i| line_start + i);
        at = line_end;
        let line = text[line_start..line_end].trim();
        if line.is_empty() {
            continue;
        }
        let line_words = words_in(line_start, line_end);
        if line_words > TITLE_WORDS || line.ends_with('.') || line_end == text.len() {
            break;
        }
        lines += 1;
        if line_words > best.1 {
            best = (line_start..line_end, line_words);
        }
    }
    best
}

/// How many tokens before the place "aus X" a visiting-group word may stand ("Delegation aus
/// dem Landkreis X").
const VISITORS_BEFORE_ORIGIN: usize = 4;

/// Head nouns that stand for a body named earlier ("die Kammer", "des Wirtschaftsministeriums",
/// "der Bergakademie"): (token, entity) for each head after a definite article whose word
/// (nominative or genitive) ends with a `reference` cue, where exactly one organisation of the
/// document, named before it, holds the head in its name, and the word before the head in the
/// compound too ("Wirtschafts-" needs "Wirtschaft": "Ministerium für Wirtschaft"). A head inside
/// a name, or one that two organisations could fill, stands for nothing.
fn references(
    input: &RelationInput<'_>,
    lower: &Words,
    lexicon: &Lexicon,
    covered: &[bool],
) -> Vec<(usize, usize)> {
    let cues = lexicon.cues(CueKind::Reference);
    let entities = input.entities;
    let tokens = input.tokens;
    let mut out = Vec::new();
    if cues.is_empty()
        || !entities
            .iter()
            .any(|e| e.entity_type == EntityType::Organisation)
    {
        return out;
    }
    // Each organisation's name once, lower-cased, with its first entity: made when the first
    // head is found.
    let orgs = std::cell::OnceCell::new();
    let orgs = || {
        orgs.get_or_init(|| {
            let mut orgs: Vec<(usize, String)> = Vec::new();
            for (i, e) in entities.iter().enumerate() {
                if e.entity_type == EntityType::Organisation
                    && !orgs
                        .iter()
                        .any(|(j, _)| entities[*j].canonical == e.canonical)
                {
                    orgs.push((i, e.canonical.to_lowercase()));
                }
            }
            orgs
        })
    };
    // A token's lower-cased bytes: compared as bytes, with no `str` slice (and its checks of
    // character boundaries) per token.
    let (buf, spans) = (lower.buffer().as_bytes(), lower.spans());
    let bytes_of = |i: usize| {
        let (start, end) = spans[i];
        &buf[start..end]
    };
    for t in 1..tokens.len().min(lower.len()) {
        // Most tokens follow no definite article: asked first.
        // "an der Universität", "in der Kammer" name where something happens, not who acts.
        if !matches!(
            bytes_of(t - 1),
            b"der" | b"die" | b"das" | b"dem" | b"den" | b"des"
        ) || covered[t]
            || tokens[t].kind != TokenKind::Word
            || (t >= 2 && matches!(bytes_of(t - 2), b"an" | b"in" | b"auf" | b"bei"))
        {
            continue;
        }
        let word = &lower[t];
        let forms = [Some(word), word.strip_suffix("es"), word.strip_suffix('s')];
        let Some((form, head)) = forms.into_iter().flatten().find_map(|form| {
            lexicon
                .reference_cues
                .first_match(cues, form)
                .map(|cue| (form, cue.words[0].as_str()))
        }) else {
            continue;
        };
        let modifier = form[..form.len() - head.len()].trim_end_matches(['s', '-']);
        let modifier = if modifier.chars().count() >= 3 {
            modifier
        } else {
            ""
        };
        let at = tokens[t].start;
        let mut fitting = orgs().iter().filter(|(i, name)| {
            entities[*i].start < at && name.contains(head) && name.contains(modifier)
        });
        if let (Some(&(referent, _)), None) = (fitting.next(), fitting.next()) {
            out.push((t, referent));
        }
    }
    out
}

/// Folds German umlauts and ß for comparing names with derived adjectives.
pub(crate) fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// [`fold`], appending to `out`.
fn fold_into(text: &str, out: &mut String) {
    if text.is_ascii() {
        // Folding ASCII is lower-casing.
        let from = out.len();
        out.push_str(text);
        out[from..].make_ascii_lowercase();
        return;
    }
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            'ä' => out.push('a'),
            'ö' => out.push('o'),
            'ü' => out.push('u'),
            'ß' => out.push_str("ss"),
            'é' | 'è' | 'ê' => out.push('e'),
            'á' | 'à' | 'â' => out.push('a'),
            'ó' | 'ô' => out.push('o'),
            'í' => out.push('i'),
            'ú' => out.push('u'),
            c => out.push(c),
        }
    }
}

/// Whether `name` contains `part` as whole words ("Hochschule Kiel" contains "Kiel", "Kieler
/// Woche" does not).
pub(crate) fn has_words(name: &str, part: &str) -> bool {
    let boundary = |c: Option<char>| !c.is_some_and(char::is_alphanumeric);
    let (hay, needle) = (name.as_bytes(), part.as_bytes());
    let Some(&first) = needle.first() else {
        return false;
    };
    // The occurrences `name.match_indices(part)` finds (left to right, not overlapping),
    // without building a searcher per call: names are short, and this is asked per pair.
    let mut at = 0;
    while at + needle.len() <= hay.len() {
        let Some(k) = memchr::memchr(first, &hay[at..=hay.len() - needle.len()]) else {
            return false;
        };
        let found = at + k;
        if &hay[found..found + needle.len()] != needle {
            at = found + 1;
            continue;
        }
        if boundary(name[..found].chars().next_back())
            && boundary(name[found + needle.len()..].chars().next())
        {
            return true;
        }
        at = found + needle.len();
    }
    false
}

/// The folded words of `text`, each with a space before and after (" grand est "), so that
/// `contains` finds whole words.
fn spaced_words(text: &str) -> String {
    let mut out = String::from(" ");
    for w in fold(text)
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
    {
        out.push_str(w);
        out.push(' ');
    }
    out
}

/// The `(token, trigger)` pairs of `trigger_hits` (ordered by token) at token `t`: the
/// triggers whose first word matches it.
pub(crate) fn trigger_hits_at(
    trigger_hits: &[(usize, usize)],
    t: usize,
) -> impl Iterator<Item = &(usize, usize)> {
    let from = trigger_hits.partition_point(|&(token, _)| token < t);
    trigger_hits[from..]
        .iter()
        .take_while(move |&&(token, _)| token == t)
}

/// The first (up to) three bytes of an ASCII word, lower-cased, and their number as one key.
fn ascii_head_key(prefix: &[u8]) -> u32 {
    prefix
        .iter()
        .take(3)
        .fold(0u32, |key, &b| key << 8 | u32::from(b.to_ascii_lowercase()))
        | (prefix.len().min(3) as u32) << 24
}

/// The country of an ISO 3166 code (`DE-BY` → `DE`, `CN` → `CN`).
pub(crate) fn country_of(kb_id: &str) -> Option<&str> {
    // The part before the first hyphen is two capital letters.
    match kb_id.as_bytes() {
        [a, b] | [a, b, b'-', ..] if a.is_ascii_uppercase() && b.is_ascii_uppercase() => {
            Some(&kb_id[..2])
        }
        _ => None,
    }
}

/// Whether region `outer` contains region `inner` by their ISO codes (`DE` ⊃ `DE-SN`).
pub(crate) fn contains(outer: &str, inner: &str) -> bool {
    inner.len() > outer.len()
        && inner.starts_with(outer)
        && inner.as_bytes()[outer.len()] == b'-'
        && country_of(outer).is_some()
}

/// The country a place lies in: the entity's `country` (a town's or district's from the
/// gazetteer, "Wuhan" → `CN`), else its ISO code's prefix. `None` for organisations.
pub(crate) fn place_country(e: &EntityMatch) -> Option<&str> {
    if e.entity_type != EntityType::Location {
        return None;
    }
    e.country
        .as_deref()
        .or_else(|| country_of(e.kb_id.as_deref()?))
}

/// Whether place `outer` contains place `inner`: by their ISO codes (`DE` ⊃ `DE-SN`), or a
/// country and a town or district that lies in it (`CN` ⊃ Wuhan).
pub(crate) fn contains_place(outer: &EntityMatch, inner: &EntityMatch) -> bool {
    if let (Some(x), Some(y)) = (outer.kb_id.as_deref(), inner.kb_id.as_deref()) {
        if contains(x, y) {
            return true;
        }
        if x == y {
            return false;
        }
    }
    let Some(country) = outer.kb_id.as_deref().filter(|k| country_of(k) == Some(*k)) else {
        return false;
    };
    outer.entity_type == EntityType::Location
        && inner.entity_type == EntityType::Location
        && outer.canonical != inner.canonical
        && place_country(inner) == Some(country)
}

/// Whether two organisations are one body or a body and its part: one's name contains the
/// other's ("SFG – Steirische Wirtschaftsförderungsgesellschaft mbH" and "Steirische
/// Wirtschaftsförderungsgesellschaft mbH"; "Institut für Physik der Universität X" and
/// "Universität X"), as whole words. Such a pair is never a relation.
pub(crate) fn part_of_other(a: &EntityMatch, b: &EntityMatch) -> bool {
    if a.entity_type != EntityType::Organisation || b.entity_type != EntityType::Organisation {
        return false;
    }
    let (short, long) = if a.canonical.len() <= b.canonical.len() {
        (&a.canonical, &b.canonical)
    } else {
        (&b.canonical, &a.canonical)
    };
    // As whole words: "Hamm" is not part of "Hammer Logistik".
    has_words(long, short)
}

/// A place name without bracketed qualifier and leading head words ("Landkreis Rosenheim",
/// "Rosenheim (Landkreis)" → "Rosenheim"), as a slice: no allocation per pair.
fn place_base<'n>(name: &'n str, lexicon: &Lexicon) -> &'n str {
    // The name up to its first " (" (`split(" (")` built a searcher per name).
    let cut = name
        .as_bytes()
        .windows(2)
        .position(|pair| pair == b" (")
        .unwrap_or(name.len());
    let mut rest = name[..cut].trim();
    let mut lowered = String::new();
    while let Some((first, tail)) = rest.split_once(' ') {
        lowered.clear();
        lowered.extend(first.chars().flat_map(char::to_lowercase));
        let head = lexicon.skip_words.contains(&lowered);
        if !head {
            break;
        }
        rest = tail.trim_start();
    }
    rest
}

/// The country a region name with a compass prefix lies in ("Westungarn" → the document's
/// "Ungarn" → `HU`), from the regions with ISO codes of the document.
fn compass_country<'e>(
    name: &str,
    entities: &'e [EntityMatch],
    regions_with_code: &[usize],
    lexicon: &Lexicon,
) -> Option<&'e str> {
    let folded = fold(name);
    lexicon.compass_prefixes.iter().find_map(|prefix| {
        let rest = folded
            .strip_prefix(prefix.as_str())?
            .trim_start_matches('-');
        if rest.chars().count() < 4 {
            return None;
        }
        regions_with_code.iter().find_map(|&r| {
            let kb = entities[r].kb_id.as_deref()?;
            (fold(&entities[r].canonical) == rest).then(|| country_of(kb))?
        })
    })
}

impl Lexicon {
    /// Whether the cue's words match the lower-cased tokens from `at`; returns the index one
    /// past the last matched token.
    pub(crate) fn cue_at(&self, cue: &Cue, lower: &Words, at: usize) -> Option<usize> {
        let marks = lower.cue_marks(at, &self.cue_index)?;
        if marks.first & CueMarks::bit(cue.kind) == 0 {
            return None;
        }
        for (k, word) in cue.words.iter().enumerate() {
            let token = lower.get(at + k)?;
            let ok = if k == 0 {
                cue.mode.matches(word, token)
            } else {
                token == word
            };
            if !ok {
                return None;
            }
        }
        Some(at + cue.words.len())
    }

    /// Whether any cue of `kind` matches at `at`.
    pub(crate) fn is_cue(&self, kind: CueKind, lower: &Words, at: usize) -> bool {
        let Some(marks) = lower.cue_marks(at, &self.cue_index) else {
            return false;
        };
        let bit = CueMarks::bit(kind);
        if marks.single & bit != 0 {
            return true;
        }
        if marks.first & bit == 0 {
            return false;
        }
        self.cues(kind)
            .iter()
            .any(|cue| self.cue_at(cue, lower, at).is_some())
    }

    /// Whether any cue of `kind` starts in `range`.
    pub(crate) fn has_cue(
        &self,
        kind: CueKind,
        lower: &Words,
        range: std::ops::Range<usize>,
    ) -> bool {
        range.into_iter().any(|i| self.is_cue(kind, lower, i))
    }

    /// The stems a region name gives adjectives and demonyms ("Sachsen" → "sachs", "sachsen").
    fn demonym_stems(&self, canonical: &str) -> Vec<String> {
        let name = fold(canonical);
        let mut stems = vec![name.clone()];
        for strip in &self.demonym_strip {
            if let Some(stem) = name.strip_suffix(strip.as_str()) {
                if stem.chars().count() >= 4 {
                    stems.push(stem.to_string());
                }
            }
        }
        stems
    }

    /// Whether folded `word` is an adjective or demonym of one of `stems`; `inner` allows
    /// the bare stem (a non-final part of a hyphen compound).
    fn is_demonym(&self, stems: &[String], word: &str, inner: bool) -> bool {
        stems.iter().any(|stem| {
            word.strip_prefix(stem.as_str()).is_some_and(|rest| {
                self.demonym_suffixes
                    .iter()
                    .any(|suffix| rest == suffix && (inner || !suffix.is_empty()))
            })
        })
    }
}

impl<'a> Doc<'a> {
    /// What finding triggers needs: lower-cased tokens, trigger hits, readable sentences. The
    /// rest waits for [`Doc::analyse`], which only a document with a fired trigger needs.
    pub(crate) fn prepare(input: &'a RelationInput<'a>, lexicon: &Lexicon) -> Doc<'a> {
        let text = input.text;
        let tokens = input.tokens;
        let mut lower = Words::of_text(text, tokens);
        let trigger_hits = lexicon.scan(&mut lower);
        let mut sentence_of = vec![usize::MAX; tokens.len()];
        for (s, sentence) in input.sentences.iter().enumerate() {
            for slot in sentence_of
                .iter_mut()
                .take(sentence.end_token.min(tokens.len()))
                .skip(sentence.first_token)
            {
                *slot = s;
            }
        }

        // Trailer (contact block) and photo captions are not read for relations.
        let mut trailer_start = text.len();
        let mut caption_lines: Vec<(usize, usize)> = Vec::new();
        let mut line_start = 0;
        for line in text.split_inclusive('\n') {
            let line_end = line_start + line.len();
            let first = tokens.partition_point(|t| t.start < line_start);
            let words = tokens[first..]
                .iter()
                .take_while(|t| t.end <= line_end)
                .filter(|t| t.kind == TokenKind::Word)
                .count();
            if first < tokens.len() && tokens[first].start < line_end {
                if lexicon.is_cue(CueKind::Caption, &lower, first) {
                    caption_lines.push((line_start, line_end));
                } else if words <= 6
                    && !line.trim_end().ends_with('.')
                    && lexicon.is_cue(CueKind::Trailer, &lower, first)
                    && line_start > 0
                {
                    trailer_start = trailer_start.min(line_start);
                }
            }
            line_start = line_end;
        }
        let readable: Vec<bool> = input
            .sentences
            .iter()
            .map(|s| {
                s.start < trailer_start
                    && !caption_lines
                        .iter()
                        .any(|&(a, b)| s.start >= a && s.start < b)
            })
            .collect();

        Doc {
            input,
            lower,
            readable,
            mentions: Vec::new(),
            sides: Vec::new(),
            inside: Vec::new(),
            org_region: HashMap::default(),
            main: HashMap::default(),
            home: None,
            foreign: None,
            person_body: HashMap::default(),
            title_places: None,
            trigger_hits,
            sentence_of,
            trailer_start,
            topics: vec![OnceCell::new(); input.sentences.len()],
            cue_kinds: vec![OnceCell::new(); input.sentences.len()],
            place_bases: Vec::new(),
        }
    }

    /// Whether a cue of `kind` may start at some token of sentence `s`: when not, it starts in
    /// no range of the sentence, and the tokens of those need no look. (The union of the
    /// tokens' cue marks, computed on first use.)
    pub(crate) fn may_hold(&self, s: usize, kind: CueKind, lexicon: &Lexicon) -> bool {
        let kinds = *self.cue_kinds[s].get_or_init(|| {
            let sentence = self.input.sentences[s];
            (sentence.first_token..sentence.end_token.min(self.lower.len()))
                .filter_map(|i| self.lower.cue_marks(i, &lexicon.cue_index))
                .fold(0, |kinds, marks| kinds | marks.first)
        });
        kinds & CueMarks::bit(kind) != 0
    }

    /// The topics and economic words of sentence `s` (computed on first use).
    pub(crate) fn topics(&self, s: usize, lexicon: &Lexicon) -> &SentenceTopics {
        self.topics[s].get_or_init(|| {
            let sentence = self.input.sentences[s];
            // Most sentences are in the lower-cased buffer already as topics read them.
            match self
                .lower
                .text_lowered(self.input.text, sentence.start..sentence.end)
            {
                Some(lowered) => lexicon.topics_in(lowered),
                None => lexicon.sentence_topics(sentence.text(self.input.text)),
            }
        })
    }

    /// Mentions, sides, main regions and the bodies persons speak for.
    pub(crate) fn analyse(&mut self, lexicon: &Lexicon) {
        let input = self.input;
        let text = input.text;
        let tokens = input.tokens;
        let lower = &self.lower;
        let sentence_of = &self.sentence_of;
        let readable = &self.readable;
        let trailer_start = self.trailer_start;
        let token_at = |byte: usize| -> usize {
            tokens
                .partition_point(|t| t.end <= byte)
                .min(tokens.len().saturating_sub(1))
        };
        let trigger_hits = &self.trigger_hits;
        let hits_at = |t: usize| trigger_hits_at(trigger_hits, t);

        // Sides: countries of regions with ISO codes; organisations take the side of a region
        // in their name; anything else is a side of its own.
        let entities = input.entities;
        let regions_with_code: Vec<usize> = (0..entities.len())
            .filter(|&i| {
                entities[i].entity_type == EntityType::Location
                    && entities[i].kb_id.as_deref().and_then(country_of).is_some()
            })
            .collect();
        // The stems of each place name (its first entity's), made once: the regions with a
        // code share them with the adjective evidence below.
        let mut all_stems: Vec<(usize, Vec<String>)> = Vec::new();
        for (i, e) in entities.iter().enumerate() {
            if e.entity_type == EntityType::Location
                && !all_stems
                    .iter()
                    .any(|(j, _)| entities[*j].canonical == e.canonical)
            {
                all_stems.push((i, lexicon.demonym_stems(&e.canonical)));
            }
        }
        let mut stems_by_region: Vec<(usize, &[String])> = Vec::new();
        for &i in &regions_with_code {
            if !stems_by_region
                .iter()
                .any(|(j, _)| entities[*j].canonical == entities[i].canonical)
            {
                let stems = all_stems
                    .iter()
                    .find(|(j, _)| entities[*j].canonical == entities[i].canonical)
                    .map_or(&[][..], |(_, stems)| stems.as_slice());
                stems_by_region.push((i, stems));
            }
        }
        // Each region's shortest stem: every stem is the folded name or a beginning of it, so
        // a word that is the name, its genitive or an adjective of it begins with this one.
        let shortest_stems: Vec<&str> = stems_by_region
            .iter()
            .map(|(_, stems)| {
                stems
                    .iter()
                    .map(String::as_str)
                    .min_by_key(|s| s.len())
                    .unwrap_or_default()
            })
            .collect();
        // The ASCII first bytes of those shortest stems, as bits: a word of an organisation's
        // name that opens with another ASCII byte begins with none of them (folding ASCII is
        // lower-casing) and needs no fold. `None` when a stem is empty (every word begins with
        // it).
        let stem_first_bytes: Option<[u64; 2]> =
            shortest_stems.iter().try_fold([0u64; 2], |mut bits, stem| {
                let &first = stem.as_bytes().first()?;
                if first.is_ascii() {
                    bits[usize::from(first >> 6)] |= 1 << (first & 63);
                }
                Some(bits)
            });
        // The folded words of each region name of several words, spaced.
        let region_words: Vec<Option<String>> = stems_by_region
            .iter()
            .map(|&(region, _)| {
                let canonical = &entities[region].canonical;
                canonical.contains(' ').then(|| spaced_words(canonical))
            })
            .collect();
        // The places without ISO code (towns, districts), the first of each name: the first
        // entity of the text that is such a place and has the name.
        let towns: Vec<usize> = {
            let mut seen: crate::gazetteer::FastSet<&str> = Default::default();
            (0..entities.len())
                .filter(|&t| {
                    entities[t].entity_type == EntityType::Location
                        && entities[t].kb_id.as_deref().and_then(country_of).is_none()
                        && seen.insert(entities[t].canonical.as_str())
                })
                .collect()
        };
        let self_side = |e: &'a EntityMatch, named: &mut Option<usize>| -> Side<'a> {
            // "Westungarn", "Mittelhessen": a part of a region of the document.
            if e.entity_type == EntityType::Location {
                if let Some(country) =
                    compass_country(&e.canonical, entities, &regions_with_code, lexicon)
                {
                    return Side::Country(country);
                }
            }
            if e.entity_type == EntityType::Organisation {
                let mut found = None;
                // A region after "in" is where the body sits ("Botschaft der Republik Uganda
                // in der Bundesrepublik Deutschland"): a region named before it by its name
                // wins, one named by an adjective loses.
                let mut seat = None;
                let mut described = None;
                let mut after_in = false;
                let mut folded = String::new();
                for word in e
                    .canonical
                    .split(|c: char| !c.is_alphanumeric() && c != '-')
                    .filter(|w| !w.is_empty())
                {
                    if word == "in" {
                        after_in = true;
                        continue;
                    }
                    if let (Some(bits), Some(&first)) = (stem_first_bytes, word.as_bytes().first())
                    {
                        let first = first.to_ascii_lowercase();
                        if first.is_ascii()
                            && bits[usize::from(first >> 6)] & (1 << (first & 63)) == 0
                        {
                            continue;
                        }
                    }
                    folded.clear();
                    fold_into(word, &mut folded);
                    let word = folded.as_str();
                    for ((region, stems), shortest) in stems_by_region.iter().zip(&shortest_stems) {
                        if !word.starts_with(shortest) {
                            continue;
                        }
                        // The name, its genitive ("des Saarlandes", "Hessens") or an
                        // adjective of it.
                        let genitive = [word.strip_suffix("es"), word.strip_suffix('s')]
                            .into_iter()
                            .flatten()
                            .any(|w| stems.first().is_some_and(|name| w == name));
                        let by_name = genitive || stems.iter().any(|s| word == *s);
                        let by_adjective = !by_name
                            && stems.iter().any(|s| {
                                word.starts_with(s.as_str())
                                    && lexicon.is_demonym(stems, word, false)
                            });
                        if after_in && (by_name || by_adjective) {
                            seat = Some(*region);
                        } else if by_name {
                            found = Some(*region);
                        } else if by_adjective {
                            described = Some(*region);
                        }
                    }
                }
                // A body of one country's people in another ("Deutsche
                // Wirtschaftsvereinigung in Georgien") is on the side where it sits.
                let mut found = found.or(seat).or(described);
                if found.is_none() && region_words.iter().any(Option::is_some) {
                    // A region name of several words ("Conseil régional du Grand Est").
                    let name = spaced_words(&e.canonical);
                    found = stems_by_region
                        .iter()
                        .zip(&region_words)
                        .find(|(_, words)| words.as_ref().is_some_and(|w| name.contains(w)))
                        .map(|((region, _), _)| *region);
                }
                if let Some(region) = found {
                    *named = Some(region);
                    let code = entities[region].kb_id.as_deref().and_then(country_of);
                    return Side::Country(code.unwrap_or_default());
                }
                // A town in its name locates it: "Wirtschaftsförderung Kiel GmbH" is on
                // the side of Kiel.
                if let Some(town) = towns
                    .iter()
                    .map(|&t| &entities[t])
                    .find(|t| has_words(&e.canonical, &t.canonical))
                {
                    return match place_country(town) {
                        Some(country) => Side::Country(country),
                        None => Side::Own(&town.canonical),
                    };
                }
            }
            Side::Own(&e.canonical)
        };
        let mut org_region = HashMap::default();
        // Beyond a place's own country, a side depends only on the entity's type and
        // canonical name: worked out once per name (side, region named).
        let mut by_name: HashMap<(u8, &str), (Side, Option<usize>)> = HashMap::default();
        let mut sides: Vec<Side<'a>> = Vec::with_capacity(entities.len());
        for (i, e) in entities.iter().enumerate() {
            // A town is on the side of its country ("Wuhan" → `CN`).
            if let Some(country) = place_country(e) {
                sides.push(Side::Country(country));
                continue;
            }
            let kind = match e.entity_type {
                EntityType::Organisation => 0u8,
                EntityType::Location => 1,
                _ => 2,
            };
            let key = (kind, e.canonical.as_str());
            let (side, region) = by_name
                .entry(key)
                .or_insert_with(|| {
                    let mut region = None;
                    let side = self_side(e, &mut region);
                    (side, region)
                })
                .clone();
            if let Some(region) = region {
                org_region.insert(i, region);
            }
            sides.push(side);
        }

        // Adjective evidence: given by the entity stage, plus what the region names give.
        let mut evidence: Vec<RegionEvidence> = input.regions.to_vec();
        // Tokens inside an entity carry no adjective evidence.
        let mut covered = vec![false; tokens.len()];
        for e in entities {
            let first = tokens.partition_point(|t| t.end <= e.start);
            let mut i = first;
            while i < tokens.len() && tokens[i].start < e.end {
                covered[i] = true;
                i += 1;
            }
        }
        // Only words opening like a stem (first three folded letters) can be derived from it.
        let heads: crate::gazetteer::FastSet<String> = all_stems
            .iter()
            .flat_map(|(_, stems)| stems.iter().map(|s| s.chars().take(3).collect::<String>()))
            .collect();
        let short_stem = heads.iter().any(|h| h.chars().count() < 3);
        // The ASCII heads as numbers (most words open with three ASCII letters): sorted, and a
        // set of their first bytes that rules out most words at once.
        let ascii_heads: Vec<u32> = {
            let mut keys: Vec<u32> = heads
                .iter()
                .filter(|h| h.is_ascii())
                .map(|h| ascii_head_key(h.as_bytes()))
                .collect();
            keys.sort_unstable();
            keys
        };
        // The first two bytes of the ASCII heads, as bits of a table indexed by their low five
        // bits each (a letter's case does not change them): rules out most words at once.
        let pair_bit = |a: u8, b: u8| {
            let k = usize::from(a & 31) << 5 | usize::from(b & 31);
            (k >> 6, 1u64 << (k & 63))
        };
        let mut pairs = [0u64; 16];
        for head in heads.iter().filter(|h| h.is_ascii()) {
            if let [a, b, ..] = *head.as_bytes() {
                let (word, bit) = pair_bit(a, b);
                pairs[word] |= bit;
            }
        }
        // The ASCII first bytes of all heads: a word opening with another ASCII letter has no
        // head, whatever follows it.
        let mut first_bytes = [0u64; 2];
        for head in heads.iter() {
            if let Some(&b) = head.as_bytes().first().filter(|b| b.is_ascii()) {
                first_bytes[usize::from(b >> 6)] |= 1 << (b & 63);
            }
        }
        // Whether a word opening with three ASCII bytes opens with a head (folding ASCII is
        // lower-casing).
        let ascii_head = |a: u8, b: u8, c: u8| -> bool {
            let (pair, bit) = pair_bit(a, b);
            pairs[pair] & bit != 0
                && ascii_heads
                    .binary_search(&ascii_head_key(&[a, b, c]))
                    .is_ok()
        };
        let mut head_buf = String::new();
        let mut has_head = |word: &str| -> bool {
            // Every head has three letters (`short_stem` is false), which no word of fewer
            // than three bytes folds to.
            let [a, b, c, ..] = *word.as_bytes() else {
                return false;
            };
            if (a | b | c).is_ascii() {
                return ascii_head(a, b, c);
            }
            let first = a.to_ascii_lowercase();
            if first.is_ascii() && first_bytes[usize::from(first >> 6)] & (1 << (first & 63)) == 0 {
                return false;
            }
            head_buf.clear();
            let start = word.char_indices().nth(3).map_or(word.len(), |(i, _)| i);
            fold_into(&word[..start], &mut head_buf);
            if let Some((i, _)) = head_buf.char_indices().nth(3) {
                head_buf.truncate(i);
            }
            heads.contains(head_buf.as_str())
        };
        // The text's hyphens, passed along with the tokens (by their starts, which the
        // tokeniser gives in order): whether a word holds one, without a look at its bytes.
        let bytes = text.as_bytes();
        let mut hyphens = memchr::memchr_iter(b'-', bytes);
        // The first hyphen at or after the last token's start (`usize::MAX`: none).
        let mut next_hyphen = hyphens.next().unwrap_or(usize::MAX);
        let mut last_start = 0;
        for (t, token) in tokens.iter().enumerate() {
            if token.kind != TokenKind::Word || covered[t] {
                continue;
            }
            let mut hyphenated = false;
            if !short_stem {
                hyphenated = if token.start >= last_start {
                    last_start = token.start;
                    while next_hyphen < token.start {
                        next_hyphen = hyphens.next().unwrap_or(usize::MAX);
                    }
                    next_hyphen < token.end
                } else {
                    bytes[token.start..token.end].contains(&b'-')
                };
                // Most words hold no hyphen and open with three ASCII bytes: these decide,
                // without a look at the rest of the word.
                if let [a, b, c, ..] = bytes[token.start..token.end] {
                    if !hyphenated
                        && (a | b | c).is_ascii()
                        && !(a.is_ascii_alphabetic() && ascii_head(a, b, c))
                    {
                        continue;
                    }
                }
            }
            let surface = token.text(text);
            let alphabetic = match surface.as_bytes().first() {
                Some(b) if b.is_ascii() => b.is_ascii_alphabetic(),
                _ => surface.chars().next().is_some_and(char::is_alphabetic),
            };
            if !alphabetic {
                continue;
            }
            if !short_stem {
                // Most words hold no hyphen: test them whole, without a splitter.
                let head = if hyphenated {
                    surface.split('-').any(&mut has_head)
                } else {
                    has_head(surface)
                };
                if !head {
                    continue;
                }
            }
            let parts: Vec<(usize, &str)> = surface
                .split('-')
                .scan(0usize, |offset, part| {
                    let at = *offset;
                    *offset += part.len() + 1;
                    Some((at, part))
                })
                .collect();
            let whole = fold(surface);
            let mut done = false;
            for (region, stems) in &all_stems {
                if lexicon.is_demonym(stems, &whole, false) {
                    evidence.push(RegionEvidence {
                        start: token.start,
                        end: token.end,
                        canonical: entities[*region].canonical.clone(),
                        kb_id: entities[*region].kb_id.clone(),
                    });
                    done = true;
                    break;
                }
            }
            if done || parts.len() < 2 {
                continue;
            }
            for (k, &(at, part)) in parts.iter().enumerate() {
                let folded = fold(part);
                for (region, stems) in &all_stems {
                    if lexicon.is_demonym(stems, &folded, k + 1 < parts.len()) {
                        evidence.push(RegionEvidence {
                            start: token.start + at,
                            end: token.start + at + part.len(),
                            canonical: entities[*region].canonical.clone(),
                            kb_id: entities[*region].kb_id.clone(),
                        });
                        break;
                    }
                }
            }
        }
        evidence.sort_by_key(|e| (e.start, e.end));
        evidence.dedup_by_key(|e| (e.start, e.end));

        // Mentions per sentence.
        let mut mentions: Vec<Vec<Mention>> = vec![Vec::new(); input.sentences.len()];
        let is_party = |i: usize| entities[i].entity_type != EntityType::Person;
        for (i, e) in entities.iter().enumerate() {
            if !is_party(i) {
                continue;
            }
            let token = token_at(e.start);
            if let Some(&s) = sentence_of.get(token) {
                if s < mentions.len() {
                    mentions[s].push(Mention::new(i, e.start, e.end, token, Via::Direct));
                }
            }
        }
        for (token, referent) in references(input, lower, lexicon, &covered) {
            let s = sentence_of[token];
            if s < mentions.len()
                && readable[s]
                && !mentions[s]
                    .iter()
                    .any(|m| entities[m.entity].canonical == entities[referent].canonical)
            {
                mentions[s].push(Mention::new(
                    referent,
                    tokens[token].start,
                    tokens[token].end,
                    token,
                    Via::Direct,
                ));
            }
        }
        for ev in &evidence {
            let target = entities
                .iter()
                .position(|e| e.entity_type != EntityType::Person && e.canonical == ev.canonical)
                .or_else(|| {
                    ev.kb_id.as_ref().and_then(|kb| {
                        entities.iter().position(|e| {
                            e.entity_type != EntityType::Person && e.kb_id.as_ref() == Some(kb)
                        })
                    })
                });
            let Some(target) = target else { continue };
            let token = token_at(ev.start);
            if let Some(&s) = sentence_of.get(token) {
                if s < mentions.len() {
                    mentions[s].push(Mention::new(
                        target,
                        ev.start,
                        entities[target].end,
                        token,
                        Via::Adjective,
                    ));
                }
            }
        }

        // Persons and the bodies they speak for.
        let mut person_body: HashMap<usize, (Option<usize>, Option<String>)> = HashMap::default();
        let mut by_canonical: HashMap<&str, (Option<usize>, Option<String>)> = HashMap::default();
        let role_of =
            |i: usize| -> Option<String> { lexicon.role_of(lower.get(i)?).map(str::to_string) };
        for (p, person) in entities.iter().enumerate() {
            if person.entity_type != EntityType::Person {
                continue;
            }
            let first = token_at(person.start);
            let last = token_at(person.end.saturating_sub(1));
            let s = sentence_of.get(first).copied().unwrap_or(usize::MAX);
            // The parties named directly in the sentence (asked only when a role is found).
            let parties = || {
                mentions
                    .get(s)
                    .into_iter()
                    .flatten()
                    .filter(|m| m.via == Via::Direct)
            };
            // Role before the name, skipping titles ("Dr.", "Prof.").
            let mut role = None;
            let mut role_token = None;
            let mut j = first;
            while j > 0 && first - j < 6 {
                j -= 1;
                if sentence_of[j] != s {
                    break;
                }
                if let Some(r) = role_of(j) {
                    role = Some(r);
                    role_token = Some(j);
                    break;
                }
                let t = tokens[j];
                let is_title = t.kind == TokenKind::Abbreviation || t.text(text).ends_with('.');
                if !is_title {
                    // "Vorsitzende des Volkskomitees …, Name": keep looking over the body.
                    if !(t.kind == TokenKind::Word
                        || t.kind == TokenKind::Punctuation && t.text(text) == ",")
                    {
                        break;
                    }
                }
            }
            // Back further: "der Gouverneur der Präfektur X, Name", only valid when a comma
            // directly precedes the name (else no need to look).
            if role.is_none() && first > 0 && &lower[first - 1] == "," {
                let mut k = first;
                while k > 0 && first - k < 14 {
                    k -= 1;
                    if sentence_of[k] != s {
                        break;
                    }
                    if let Some(r) = role_of(k) {
                        role = Some(r);
                        role_token = Some(k);
                        break;
                    }
                }
            }
            let mut body = None;
            if let Some(rt) = role_token {
                // A body named inside the role word ("WFS-Geschäftsführerin").
                body = parties()
                    .find(|m| m.token == rt)
                    .map(|m| m.entity)
                    // A body between role and name ("Gouverneur der Präfektur X, Name").
                    .or_else(|| {
                        parties()
                            .rev()
                            .find(|m| m.token > rt && m.token < first)
                            .map(|m| m.entity)
                    })
                    // A genitive body right before the role ("Ohios Vizegouverneurin").
                    .or_else(|| parties().find(|m| m.token + 1 == rt).map(|m| m.entity));
            } else if lower.get(last + 1) == Some(",") {
                // "Name, Direktorin des Amtes …".
                if let Some(r) = role_of(last + 2) {
                    role = Some(r);
                    body = parties()
                        .find(|m| m.token > last + 2 && m.token <= last + 10)
                        .map(|m| m.entity);
                }
            }
            let known = by_canonical.get(person.canonical.as_str()).cloned();
            let value = match (body, known) {
                (None, Some(k)) => (k.0, role.or(k.1)),
                (b, _) => (b, role),
            };
            by_canonical.insert(person.canonical.as_str(), value.clone());
            person_body.insert(p, value);
        }
        for (p, person) in entities.iter().enumerate() {
            if person.entity_type == EntityType::Person {
                if let Some(v) = by_canonical.get(person.canonical.as_str()) {
                    let entry = person_body.entry(p).or_insert((None, None));
                    if entry.0.is_none() {
                        entry.0 = v.0;
                    }
                    if entry.1.is_none() {
                        entry.1 = v.1.clone();
                    }
                }
                if let Some((Some(body), _)) = person_body.get(&p) {
                    let token = token_at(person.start);
                    if let Some(&s) = sentence_of.get(token) {
                        if s < mentions.len() && !mentions[s].iter().any(|m| m.entity == *body) {
                            mentions[s].push(Mention::new(
                                *body,
                                person.start,
                                entities[*body].end,
                                token,
                                Via::Person(p),
                            ));
                        }
                    }
                }
            }
        }

        // `token_at(byte)` where token `from` ends at or before it, or is the first: a walk
        // forward from `from` over the few tokens of a name instead of a binary search of all
        // tokens (the tokens before `from` end at or before `byte`, so the search would count
        // them all).
        let token_at_from = |from: usize, byte: usize| -> usize {
            if from == 0 || tokens.get(from - 1).is_some_and(|t| t.end <= byte) {
                let mut t = from;
                while t < tokens.len() && tokens[t].end <= byte {
                    t += 1;
                }
                t.min(tokens.len().saturating_sub(1))
            } else {
                token_at(byte)
            }
        };
        // Prepositions, attributes, visiting groups.
        for (s, list) in mentions.iter_mut().enumerate() {
            list.sort_by_key(|m| (m.start, m.entity));
            // The last token of each mention (of the name for a name, else the mention's own),
            // found once: asked for each earlier mention at every step back from a mention.
            let lasts: Vec<usize> = list
                .iter()
                .map(|m| match m.via {
                    Via::Direct => token_at_from(m.token, m.end.saturating_sub(1)),
                    _ => m.token,
                })
                .collect();
            let orgs: Vec<(usize, usize, usize)> = list
                .iter()
                .zip(&lasts)
                .filter(|(m, _)| {
                    m.via == Via::Direct
                        && entities[m.entity].entity_type == EntityType::Organisation
                })
                .map(|(m, &last)| (m.entity, token_at_from(m.token, m.start), last))
                .collect();
            let described: Vec<(usize, usize)> = list
                .iter()
                .filter(|m| m.via == Via::Direct)
                .map(|m| (m.entity, m.token))
                .collect();
            let sentence_start = input.sentences[s].first_token;
            for k in 0..list.len() {
                let m = &list[k];
                let e = &entities[m.entity];
                let inside_token = m.via == Via::Direct && tokens[m.token].start < m.start;
                let mut prep = None;
                let mut group = k;
                if m.via == Via::Direct && !inside_token {
                    let mut j = m.token;
                    let mut only_coordination = true;
                    while j > 0 && m.token - j < 5 {
                        j -= 1;
                        // Destination before venue: "in die USA" goes there, "in" is where.
                        let found = if lexicon.is_cue(CueKind::Origin, lower, j) {
                            Some(Prep::Origin)
                        } else if lexicon.is_cue(CueKind::Destination, lower, j) {
                            Some(Prep::Destination)
                        } else if lexicon.is_cue(CueKind::Venue, lower, j) {
                            Some(Prep::Venue)
                        } else if lexicon.is_cue(CueKind::Between, lower, j) {
                            Some(Prep::Between)
                        } else if lexicon.is_cue(CueKind::With, lower, j)
                            && !(j > 0 && lexicon.is_cue(CueKind::Together, lower, j - 1))
                        {
                            // "gemeinsam mit A und B": co-actors, partners of each other too.
                            Some(Prep::With)
                        } else {
                            None
                        };
                        if found.is_some() {
                            prep = found;
                            break;
                        }
                        // "in Stuttgart und Nanjing": the preposition of a coordinated party.
                        if let Some(earlier) =
                            (0..k).rev().find(|&o| lasts[o] == j).map(|o| &list[o])
                        {
                            // Only over a coordination: "aus Japan den Landkreis X" is no list.
                            let coordinated = (j + 1..m.token)
                                .any(|t| matches!(&lower[t], "und" | "sowie" | ","));
                            if only_coordination && coordinated {
                                prep = earlier.prep.filter(|p| *p != Prep::Between);
                                if prep.is_some() {
                                    group = earlier.group;
                                }
                            }
                            break;
                        }
                        only_coordination &= matches!(&lower[j], "und" | "sowie" | ",")
                            || lexicon.is_cue(CueKind::Skip, lower, j);
                        // "aus A, B und C": the comma of a list, too.
                        let skippable = lexicon.is_cue(CueKind::Skip, lower, j)
                            || &lower[j] == ","
                            || (tokens[j].kind == TokenKind::Word
                                && tokens[j]
                                    .text(text)
                                    .chars()
                                    .next()
                                    .is_some_and(char::is_lowercase));
                        if !skippable {
                            break;
                        }
                    }
                }
                let mut attribute = false;
                if e.entity_type == EntityType::Location || m.via == Via::Adjective {
                    // "Münchner Firma X", "X aus Y": describes the organisation X.
                    let before_org = orgs.iter().any(|&(o, first, _)| {
                        o != m.entity && first >= m.token && first <= m.token + 2
                    }) || (m.via == Via::Adjective
                        && described.iter().any(|&(o, first)| {
                            o != m.entity && first > m.token && first <= m.token + 2
                        }));
                    let after_org = prep == Some(Prep::Origin)
                        && orgs.iter().any(|&(o, _, last)| {
                            o != m.entity && last < m.token && m.token <= last + 3
                        });
                    // A dateline ("Linz, 24. Mai 2024 –", "Berlin, den 3. Mai", "Stuttgart/Pune,
                    // 3. Mai –") names the places of the newsroom: places joined by slashes at
                    // the start of a sentence.
                    let end = lasts[k];
                    let capitalised = |t: usize| {
                        tokens.get(t).is_some_and(|t| {
                            t.kind == TokenKind::Word
                                && t.text(text).chars().next().is_some_and(char::is_uppercase)
                        })
                    };
                    let mut chain_start = m.token;
                    while chain_start >= sentence_start + 2
                        && &lower[chain_start - 1] == "/"
                        && capitalised(chain_start - 2)
                    {
                        chain_start = list
                            .iter()
                            .zip(&lasts)
                            .find(|(o, &last)| o.via == Via::Direct && last == chain_start - 2)
                            .map(|(o, _)| o)
                            .map_or(chain_start - 2, |o| o.token);
                    }
                    let mut chain_end = end;
                    while lower.get(chain_end + 1) == Some("/") && capitalised(chain_end + 2) {
                        chain_end = list
                            .iter()
                            .zip(&lasts)
                            .find(|(o, _)| o.via == Via::Direct && o.token == chain_end + 2)
                            .map_or(chain_end + 2, |(_, &last)| last);
                    }
                    let opens = m.via == Via::Direct && chain_start == sentence_start;
                    let dated = opens
                        && lower.get(chain_end + 1) == Some(",")
                        && tokens[(chain_end + 2).min(tokens.len())..]
                            .iter()
                            .take(2)
                            .any(|t| {
                                matches!(
                                    t.kind,
                                    TokenKind::Date | TokenKind::Ordinal | TokenKind::Number
                                ) || input.dates.iter().any(|d| d.start == t.start)
                            });
                    // "Dresden – Eine Delegation …": places and a dash opening a line after the
                    // title, followed by a word that names no party.
                    let dashed = opens
                        && {
                            let first_start = tokens[chain_start].start;
                            let line_start = text[..first_start].rfind('\n').map_or(0, |n| n + 1);
                            line_start > 0 && text[line_start..first_start].trim().is_empty()
                        }
                        && matches!(lower.get(chain_end + 1), Some("–" | "-" | "—"))
                        && !list.iter().any(|o| o.token == chain_end + 2);
                    let dateline = dated || dashed;
                    // "aus dem Programm Interreg VI A Deutschland-Nederland": places in the
                    // name of a funding programme are background.
                    let mut programme = false;
                    let mut j = m.token;
                    while j > sentence_start && m.token - j < PROGRAMME_NAME_WORDS {
                        j -= 1;
                        if lexicon.is_cue(CueKind::Programme, lower, j) {
                            programme = true;
                            break;
                        }
                        let in_name = capitalised(j) || matches!(&lower[j], "-" | "–" | "/");
                        if !in_name {
                            break;
                        }
                    }
                    // "der Pekinger Stadtbezirk X", "Shanghais Stadtbezirk X": the adjective or
                    // genitive locates the place after the head word.
                    let before_place = list.iter().any(|o| {
                        o.via == Via::Direct
                            && o.entity != m.entity
                            && entities[o.entity].entity_type == EntityType::Location
                            && o.token > end
                            && o.token <= end + 2
                            && (end + 1..o.token).all(|t| lexicon.is_cue(CueKind::Skip, lower, t))
                            // A genitive is followed by the head word itself ("Shanghais
                            // Stadtbezirk"), not by an article ("aus Japan den Landkreis X").
                            && (m.via == Via::Adjective
                                || (prep != Some(Prep::Origin)
                                    && o.token > end + 1
                                    && (end + 1..o.token).all(|t| {
                                        tokens[t]
                                            .text(text)
                                            .chars()
                                            .next()
                                            .is_some_and(char::is_uppercase)
                                    })))
                    });
                    attribute = (m.via == Via::Adjective && before_org)
                        || (!matches!(m.via, Via::Person(_)) && before_place)
                        || after_org
                        || dateline
                        || programme;
                }
                // "Zachodnia Izba (Westliche Industrie- und Handelskammer)": a name in brackets
                // right after an organisation glosses it and is no party of its own.
                if m.via == Via::Direct
                    && e.entity_type == EntityType::Organisation
                    && m.token >= 2
                    && &lower[m.token - 1] == "("
                    && orgs
                        .iter()
                        .any(|&(o, _, last)| o != m.entity && last + 2 == m.token)
                {
                    attribute = true;
                }
                let next = m.token + 1;
                // "Thüringer Delegation", "Delegation der Kammer X".
                let visitors = lexicon.is_cue(CueKind::Visitors, lower, m.token)
                    || (next < lower.len() && lexicon.is_cue(CueKind::Visitors, lower, next))
                    || (m.via == Via::Direct
                        && m.token >= 2
                        && m.token - 2 >= sentence_start
                        && lexicon.is_cue(CueKind::Genitive, lower, m.token - 1)
                        && lexicon.is_cue(CueKind::Visitors, lower, m.token - 2));
                // A place naming an event is its venue ("Hannover Messe", "Hamburg Summit"),
                // unless two places name it together ("Bayern-Québec-Forum").
                if m.via == Via::Direct
                    && e.entity_type == EntityType::Location
                    && matches!(prep, None | Some(Prep::With))
                    && !list
                        .iter()
                        .any(|o| o.entity != m.entity && o.token == m.token && o.via == Via::Direct)
                {
                    let end = lasts[k];
                    // Some one-word EVENT trigger matches token `t`.
                    let names_event = |t: usize| hits_at(t).any(|&(_, k)| lexicon.event_word[k]);
                    let in_compound = tokens[end].end > e.end && names_event(end);
                    if in_compound || names_event(end + 1) {
                        prep = Some(Prep::Venue);
                    }
                }
                let m = &mut list[k];
                m.group = group;
                m.prep = prep;
                m.attribute = attribute;
                m.visitors = visitors;
            }
        }
        // "Plzeň in Westböhmen": a place of unknown country right after another place, joined
        // by "in" (and head words) or a bracket, contains it and is on its side.
        let mut inside: Vec<(usize, usize)> = Vec::new();
        for list in &mentions {
            for m in list.iter().filter(|m| {
                m.via == Via::Direct && entities[m.entity].entity_type == EntityType::Location
            }) {
                let Some(inner) = list.iter().find(|o| {
                    o.via == Via::Direct
                        && o.entity != m.entity
                        && entities[o.entity].entity_type == EntityType::Location
                        && o.token < m.token
                        && {
                            let last = token_at(o.end.saturating_sub(1));
                            let gap = last + 1..m.token;
                            gap.len() == 1 && &lower[last + 1] == "("
                                || (!gap.is_empty()
                                    && m.prep == Some(Prep::Venue)
                                    && lexicon.is_cue(CueKind::Venue, lower, last + 1)
                                    && gap.skip(1).all(|t| lexicon.is_cue(CueKind::Skip, lower, t)))
                        }
                }) else {
                    continue;
                };
                // "Kleinstadt (Frankreich)": a country in brackets right after a place of
                // unknown country says where that place lies.
                let bracketed = &lower[token_at(inner.end.saturating_sub(1)) + 1] == "(";
                let is_country = entities[m.entity]
                    .kb_id
                    .as_deref()
                    .is_some_and(|kb| country_of(kb) == Some(kb));
                if bracketed && is_country && matches!(sides[inner.entity], Side::Own(_)) {
                    inside.push((inner.entity, m.entity));
                    sides[inner.entity] = sides[m.entity].clone();
                    continue;
                }
                // Only a place of unknown country; after "aus" only a macro-region: "eine
                // Delegation aus Ohio im Landkreis X" places the delegation, not Ohio.
                if !matches!(sides[m.entity], Side::Own(_))
                    || (inner.prep == Some(Prep::Origin)
                        && entities[m.entity].subtype.as_deref() != Some("macro_region"))
                {
                    continue;
                }
                inside.push((inner.entity, m.entity));
                sides[m.entity] = sides[inner.entity].clone();
            }
        }

        // An organisation described by a place takes its side.
        for list in &mentions {
            for m in list.iter().filter(|m| {
                m.attribute
                    && (m.via == Via::Adjective
                        || entities[m.entity].entity_type == EntityType::Location)
            }) {
                let others = || {
                    list.iter()
                        .filter(|o| o.via == Via::Direct && o.entity != m.entity)
                };
                // An adjective describes what follows it ("Münchner Firma X"), "aus Y" what
                // precedes it.
                let described = if m.prep != Some(Prep::Origin) {
                    others()
                        .filter(|o| o.token > m.token)
                        .min_by_key(|o| o.token)
                } else {
                    None
                };
                if let Some(org) =
                    described.or_else(|| others().min_by_key(|o| o.token.abs_diff(m.token)))
                {
                    if matches!(sides[org.entity], Side::Own(_)) {
                        sides[org.entity] = sides[m.entity].clone();
                        if entities[m.entity].kb_id.is_some()
                            && entities[org.entity].entity_type == EntityType::Organisation
                        {
                            org_region.entry(org.entity).or_insert(m.entity);
                        }
                    }
                }
            }
        }

        // What one mention of a name says about its side holds for all mentions of it.
        for i in 0..entities.len() {
            if matches!(sides[i], Side::Own(_)) {
                if let Some(j) = (0..entities.len()).find(|&j| {
                    entities[j].canonical == entities[i].canonical
                        && matches!(sides[j], Side::Country(_))
                }) {
                    sides[i] = sides[j].clone();
                    if let Some(&r) = org_region.get(&j) {
                        org_region.entry(i).or_insert(r);
                    }
                }
            }
        }

        // Towns and districts are parties only in documents about them: the title names them.
        // The issuer's line names the document's own town too ("Landkreis X – Pressestelle").
        let (title, title_words) = title_range(text, tokens);
        let title_end = title.end;
        let first_line_end = text.find('\n').unwrap_or(text.len());
        let is_town = |e: &EntityMatch| {
            e.entity_type == EntityType::Location
                && e.kb_id.as_deref().and_then(country_of).is_none()
        };
        let title_places: Option<Vec<String>> =
            (title_end < text.len() && title_words <= TITLE_WORDS).then(|| {
                let mut names: Vec<String> = entities
                    .iter()
                    .filter(|e| {
                        (e.start < first_line_end || title.contains(&e.start)) && is_town(e)
                    })
                    .map(|e| e.canonical.clone())
                    .collect();
                // The title names a town by its adjective ("Kieler Firmen erkunden Ghana").
                for ev in evidence.iter().filter(|ev| {
                    ev.end <= first_line_end || title.start <= ev.start && ev.end <= title_end
                }) {
                    if entities
                        .iter()
                        .any(|e| e.canonical == ev.canonical && is_town(e))
                    {
                        names.push(ev.canonical.clone());
                    }
                }
                // A town a visiting group comes from ("eine Delegation aus Kiel", "die Gäste
                // aus Kiel") is the visitor of the document. (Not a town it travels to: "reist
                // weiter nach X" names the next stop more often than a host.)
                for (s, list) in mentions.iter().enumerate() {
                    if !readable[s] {
                        continue;
                    }
                    let sentence_start = input.sentences[s].first_token;
                    for m in list {
                        let from = m
                            .token
                            .saturating_sub(VISITORS_BEFORE_ORIGIN)
                            .max(sentence_start);
                        if m.via == Via::Direct
                            && m.prep == Some(Prep::Origin)
                            && is_town(&entities[m.entity])
                            && lexicon.has_cue(CueKind::Visitors, lower, from..m.token)
                        {
                            names.push(entities[m.entity].canonical.clone());
                        }
                    }
                }
                names.sort();
                names.dedup();
                names
            });

        // Main region of each country side: the most mentioned, the title counting double.
        let mut counts: HashMap<usize, (usize, usize)> = HashMap::default(); // canonical rep -> (count, first)
                                                                             // The first entity with the same canonical name.
        let mut first_of: HashMap<&str, usize> = HashMap::default();
        let reps: Vec<usize> = entities
            .iter()
            .enumerate()
            .map(|(i, e)| *first_of.entry(e.canonical.as_str()).or_insert(i))
            .collect();
        let rep = |i: usize| -> usize { reps[i] };
        // Regions with a code, and the towns and districts the title names: per entity, once
        // (not per mention).
        let mut with_code = vec![false; entities.len()];
        for &r in &regions_with_code {
            with_code[r] = true;
        }
        let region_counts: Vec<bool> = (0..entities.len())
            .map(|i| with_code[i] || with_code[rep(i)])
            .collect();
        let title_place_named: Vec<bool> = entities
            .iter()
            .map(|e| {
                e.entity_type == EntityType::Location
                    && title_places
                        .as_ref()
                        .is_some_and(|names| names.contains(&e.canonical))
            })
            .collect();
        for (s, list) in mentions.iter().enumerate() {
            if !readable[s] {
                continue;
            }
            for m in list {
                let title_place = m.via == Via::Direct && title_place_named[m.entity];
                if title_place || region_counts[m.entity] {
                    let weight = if s == 0 { 2 } else { 1 };
                    let entry = counts.entry(rep(m.entity)).or_insert((0, m.start));
                    entry.0 += weight;
                }
            }
        }
        let mut main: HashMap<Side<'a>, usize> = HashMap::default();
        let mut side_totals: HashMap<Side<'a>, (usize, usize)> = HashMap::default();
        let mut ranked: Vec<(usize, (usize, usize))> = counts.into_iter().collect();
        // The last key decides ties, so that the hash map's order never shows.
        ranked.sort_by(|a, b| {
            b.1 .0
                .cmp(&a.1 .0)
                .then(a.1 .1.cmp(&b.1 .1))
                .then(a.0.cmp(&b.0))
        });
        for (entity, (count, first)) in &ranked {
            let side = sides[*entity].clone();
            main.entry(side.clone()).or_insert(*entity);
            let total = side_totals.entry(side).or_insert((0, *first));
            total.0 += count;
            total.1 = total.1.min(*first);
        }
        let mut side_rank: Vec<(Side, (usize, usize))> = side_totals.into_iter().collect();
        side_rank.sort_by(|a, b| {
            b.1 .0
                .cmp(&a.1 .0)
                .then(a.1 .1.cmp(&b.1 .1))
                .then_with(|| a.0.cmp(&b.0))
        });
        let trailer_side = entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.start >= trailer_start && e.entity_type != EntityType::Person)
            .map(|(i, _)| sides[i].clone())
            .find(|side| main.contains_key(side));
        let home = trailer_side.or_else(|| side_rank.first().map(|s| s.0.clone()));
        let foreign = side_rank
            .iter()
            .map(|s| s.0.clone())
            .find(|s| Some(s) != home.as_ref());

        // "Für die ungarische Seite unterschrieb …": a country's adjective before a side word
        // stands for the document's main region of that country.
        for list in &mut mentions {
            for m in list.iter_mut().filter(|m| m.via == Via::Adjective) {
                if !lower
                    .get(m.token + 1)
                    .is_some_and(|_| lexicon.is_cue(CueKind::SideWord, lower, m.token + 1))
                {
                    continue;
                }
                if let Some(&region) = main.get(&sides[m.entity]) {
                    if contains_place(&entities[m.entity], &entities[region]) {
                        m.entity = region;
                    }
                }
            }
        }
        self.mentions = mentions;
        self.inside = inside
            .into_iter()
            .map(|(a, b)| (entities[a].canonical.clone(), entities[b].canonical.clone()))
            .collect();
        self.sides = sides;
        self.org_region = org_region;
        self.main = main;
        self.home = home;
        self.foreign = foreign;
        self.person_body = person_body;
        self.title_places = title_places;
        // A name's base once: later places of the same name take their first one's.
        let mut place_bases: Vec<&'a str> = Vec::with_capacity(entities.len());
        for (i, e) in entities.iter().enumerate() {
            let first = reps[i];
            let base = match e.entity_type {
                EntityType::Location
                    if first < i && entities[first].entity_type == EntityType::Location =>
                {
                    place_bases[first]
                }
                EntityType::Location => place_base(&e.canonical, lexicon),
                _ => "",
            };
            place_bases.push(base);
        }
        self.place_bases = place_bases;
    }

    /// Whether two places are one place under two names, as a town and the district named after
    /// it: "Landkreis Rosenheim", "Rosenheim (Landkreis)" and "Rosenheim" (a bracketed
    /// qualifier and leading administrative head words, the `skip` cues, are dropped). Such a
    /// pair is never a relation.
    pub(crate) fn same_place(&self, a: usize, b: usize) -> bool {
        let x = self.place_bases[a];
        !x.is_empty() && x == self.place_bases[b]
    }

    /// Whether a place without ISO code may be a party: when the title names it (or the text
    /// has no title).
    pub(crate) fn local_party(&self, entity: usize) -> bool {
        let e = &self.input.entities[entity];
        if e.entity_type != EntityType::Location
            || e.kb_id.as_deref().and_then(country_of).is_some()
        {
            return true;
        }
        match &self.title_places {
            Some(names) => names.contains(&e.canonical),
            None => true,
        }
    }

    /// Whether place `outer` contains place `inner`: by their codes and countries
    /// ([`contains_place`]), or because the text puts one in the other ("Győr in Westungarn").
    pub(crate) fn contains(&self, outer: usize, inner: usize) -> bool {
        let entities = self.input.entities;
        contains_place(&entities[outer], &entities[inner])
            || self
                .inside
                .iter()
                .any(|(i, o)| *i == entities[inner].canonical && *o == entities[outer].canonical)
    }

    /// Region or organisation.
    pub(crate) fn level(&self, entity: usize) -> Level {
        match self.input.entities[entity].entity_type {
            EntityType::Organisation => Level::Organisation,
            _ => Level::Region,
        }
    }

    /// The main region of the side opposite to `side`.
    pub(crate) fn counterpart(&self, side: &Side) -> Option<usize> {
        let other = if Some(side) == self.home.as_ref() {
            self.foreign.as_ref()?
        } else {
            self.home.as_ref()?
        };
        if other == side {
            return None;
        }
        self.main.get(other).copied()
    }

    /// The region an organisation stands for, if its subtype lets it.
    pub(crate) fn region_of_org(&self, entity: usize, lexicon: &Lexicon) -> Option<usize> {
        let e = &self.input.entities[entity];
        if e.entity_type != EntityType::Organisation {
            return None;
        }
        let subtype = e.subtype.as_deref()?;
        if !lexicon.stand_for_region.iter().any(|s| s == subtype) {
            return None;
        }
        let named = *self.org_region.get(&entity)?;
        let named_kb = self.input.entities[named].kb_id.as_deref().unwrap_or("");
        let is_country = country_of(named_kb).is_some_and(|c| c == named_kb);
        if is_country {
            if let Some(&main) = self.main.get(&self.sides[entity]) {
                return Some(main);
            }
        }
        Some(named)
    }
}

#[cfg(test)]
mod tests {
    use super::Words;

    /// `has_words` finds what whole-word occurrences found by `match_indices` find: left to
    /// right and not overlapping.
    #[test]
    fn has_words_equals_matching_indices() {
        let by_indices = |name: &str, part: &str| {
            let boundary = |c: Option<char>| !c.is_some_and(char::is_alphanumeric);
            !part.is_empty()
                && name.match_indices(part).any(|(at, _)| {
                    boundary(name[..at].chars().next_back())
                        && boundary(name[at + part.len()..].chars().next())
                })
        };
        let cases = [
            ("Hochschule Kiel", "Kiel"),
            ("Kieler Woche", "Kiel"),
            ("Wirtschaftsförderung Kiel GmbH", "Kiel"),
            ("Kiel", "Kiel"),
            ("Kie", "Kiel"),
            ("xab-ab-ab", "ab-ab"),
            ("ab-ab-ab", "ab-ab"),
            ("Hammer Logistik", "Hamm"),
            ("Stadt Hamm", "Hamm"),
            ("Universität Würzburg", "Würzburg"),
            ("ÜWürzburg Würzburg", "Würzburg"),
            ("", "Kiel"),
            ("Kiel", ""),
            ("aaa aa", "aa"),
        ];
        for (name, part) in cases {
            assert_eq!(
                super::has_words(name, part),
                by_indices(name, part),
                "{name} / {part}"
            );
        }
    }

    /// The title is the first line, or the longest line of a head of short lines before
    /// the text (issuer, unit, dateline, headline).
    #[test]
    fn the_title_is_the_headline_of_the_head() {
        let tokeniser = crate::tokenise::Tokeniser::load_default().unwrap();
        let cases = [
            (
                "Kiel und Turku vertiefen Kontakte\n\nKiel, 3. Mai 2024 – Die Stadt Kiel …",
                "Kiel und Turku vertiefen Kontakte",
            ),
            (
                "Stadtwerke Beispielstadt\nPressestelle\n\nBeispielstadt, 3. Mai 2024\n\n\
                 Kiel und Turku wollen Kooperation ausbauen\n\nDie Stadt Kiel und die Stadt \
                 Turku haben am Freitag eine Vereinbarung unterzeichnet.",
                "Kiel und Turku wollen Kooperation ausbauen",
            ),
            (
                "Kurz notiert | 04.09.2025\n\nKiel und Turku wollen Kooperation ausbauen\n\n\
                 Die Stadt Kiel hat am Freitag eine Delegation aus Turku empfangen.",
                "Kiel und Turku wollen Kooperation ausbauen",
            ),
            // A first line directly followed by body text is the title.
            (
                "Kiel und Turku vertiefen Kontakte\nDie Stadt Kiel und die Stadt Turku haben \
                 am Freitag eine Vereinbarung unterzeichnet.",
                "Kiel und Turku vertiefen Kontakte",
            ),
        ];
        for (text, title) in cases {
            let tokens = tokeniser.tokenise(text);
            let (range, _) = super::title_range(text, &tokens);
            assert_eq!(&text[range], title, "{text:?}");
        }
    }

    #[test]
    fn words_lower_case_each_token_like_the_library() {
        let tokens = [
            "Die",
            "ÖSTERREICHISCHE",
            "Straße",
            "ΟΔΟΣ",
            "İzmir",
            "MoU",
            "Kooperations-",
        ];
        let words = Words::new(tokens.iter().copied());
        assert_eq!(words.len(), tokens.len());
        for (i, token) in tokens.iter().enumerate() {
            assert_eq!(&words[i], token.to_lowercase(), "token {i}");
        }
        assert_eq!(words.get(tokens.len()), None);
        // Each token's span in the buffer holds it (what the pass over the buffer reads).
        let (start, end) = words.spans()[2];
        assert_eq!(&words.buffer()[start..end], "straße");
    }
    /// Where the lower-cased buffer gives a sentence's text, it is the sentence's topic text
    /// with its hyphens, and the topics found in it are those of the topic text.
    #[test]
    fn lowered_sentences_read_as_topic_text() {
        let tokeniser = crate::tokenise::Tokeniser::load_default().unwrap();
        let lexicon = crate::relations::lexicon::Lexicon::load_default().unwrap();
        let mut lowered_sentences = 0;
        for text in [
            "Die ÖSTERREICHISCHE Wasserstoff-Delegation besuchte die Straße in Győr. Gut.",
            "„Kooperation“ – ČESKÁ REPUBLIKA, ΟΔΟΣ und ΌΡΟΣ: Café, naïve, Ærø!",
            "Eine Messe für Medizintechnik in İzmir (Türkei) mit 40 Firmen.",
            "Ein Text\u{a0}mit Ä\u{2028}und Σ zwischen Wörtern; Automobil-Industrie.",
            "Die Robotik-Branche und die KI-Forschung arbeiten zusammen.",
            "Ein Text\u{a0}mit Ä\u{2028}und Wörtern; Automobil-Industrie.",
        ] {
            let tokens = tokeniser.tokenise(text);
            let sentences = tokeniser.sentences(text, &tokens);
            let words = Words::of_text(text, &tokens);
            for sentence in &sentences {
                let range = sentence.start..sentence.end;
                let topic_text = super::super::lexicon::topic_text(&text[range.clone()]);
                if let Some(lowered) = words.text_lowered(text, range) {
                    lowered_sentences += 1;
                    assert_eq!(lowered.replace('-', " "), topic_text, "{text:?}");
                    assert_eq!(
                        lexicon.topics_in(lowered),
                        lexicon.topics_in(&topic_text),
                        "{text:?}"
                    );
                }
            }
        }
        assert_eq!(lowered_sentences, 4);
        let words = Words::new(["a"].into_iter());
        assert_eq!(words.text_lowered("a", 0..1), None);
    }

    /// A document's words lower-cased in a copy of its text are the words lower-cased one by
    /// one: ASCII and Latin-1 tokens in place, other capitals ("Ö", "Č", "Σ") token by token,
    /// and a token whose lower case is longer ("İzmir") falls back to a buffer of its own.
    #[test]
    fn words_of_a_text_equal_words_lower_cased_one_by_one() {
        let tokeniser = crate::tokenise::Tokeniser::load_default().unwrap();
        for text in [
            "Die ÖSTERREICHISCHE Delegation besuchte am 3. Mai die Straße in Győr.",
            "„Kooperation“ – ČESKÁ REPUBLIKA, ΟΔΟΣ und ΌΡΟΣ: Café, naïve, Ærø!",
            "Eine Messe in İzmir (Türkei) mit 40 Firmen.",
            "  Ein Text, der mit Leerzeichen beginnt\nund über zwei Zeilen geht … ",
            "",
        ] {
            let tokens = tokeniser.tokenise(text);
            let of_text = Words::of_text(text, &tokens);
            let one_by_one = Words::new(tokens.iter().map(|t| t.text(text)));
            assert_eq!(of_text.len(), tokens.len(), "{text:?}");
            for i in 0..tokens.len() {
                assert_eq!(of_text.get(i), one_by_one.get(i), "token {i} of {text:?}");
            }
            // Spans ascending and not overlapping: the pass over the buffer finds a match's
            // token by moving forward only.
            assert!(of_text.spans().windows(2).all(|w| w[0].1 <= w[1].0));
            assert_eq!(of_text.get(tokens.len()), None);
        }
    }
}
