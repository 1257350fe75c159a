//! The matching and rules of the entity stage, one document at a time.

use crate::gazetteer::{fold, Dictionary, Flags, Hit};
use crate::record::EntityType;
use crate::tokenise::{Sentence, Token, TokenKind};

use super::flags::{add_flag, flags_where, BlockIndex, TokensWith, ORG_HEAD};
use super::flags::{
    role_of, ACRONYM_START, CAP, CLUB_PREFIX, CONTEXT_WORD, DOT, FAMILY_NAME, FIRST_NAME,
    FOREIGN_HEAD, HYPHEN, LEAD_PARTICLE, LEGAL_FIRST, NAME, NOT_SURNAME, NOUN_MARKER, PARTICLE,
    REGION_HEAD, SPEECH, STOP, STOPWORD, UPPER,
};
use super::flags::{WordFilter, COMPASS, ENDS_S, HEAD_END, PAREN, ROLE_LIKE, WORD};
use super::flags::{ADJECTIVE, DESCRIBING, NO_ENTRY, PLAIN};
use super::lexicon::{Lexicon, RoleKind};
use super::{EntityMatch, EntityRecogniser};

// Rule priorities: on equal span length the higher one wins.
const P_ORG_LEGAL: u8 = 62;
const P_ORG_HEAD: u8 = 60;
const P_ORG_ENGLISH: u8 = 58;
const P_ORG_DOTTED: u8 = 58;
const P_PER_ROLE: u8 = 55;
const P_LOC_HEAD_GAZ: u8 = 53;
const P_LOC_MAJOR: u8 = 51;
const P_ORG_GAZ: u8 = 50;
const P_LOC_GAZ: u8 = 48;
const P_ORG_ACRONYM: u8 = 46;
const P_PER_SPEECH: u8 = 49;
const P_PER_FIRST: u8 = 45;
const P_PER_EAST_ASIAN: u8 = 44;
const P_LOC_HEAD_RULE: u8 = 40;
/// Added to the priority of entries of hand-made lists (users', resources/entities/).
const HAND_MADE_BONUS: u8 = 5;

/// Cities and districts with fewer inhabitants (or unknown population), and those named like
/// a first name (George, David), are found only with context, like names flagged `common`:
/// most such names in running text are persons, companies or words.
const MINOR_PLACE: u64 = 50_000;
/// Places at least this big (and countries, states, macro-regions) are never read as part of
/// a person's or organisation's name.
const MAJOR_PLACE: u64 = 200_000;

#[derive(Debug, Clone)]
enum Payload {
    /// A gazetteer entry.
    Entry(u32),
    /// A rule: canonical from the text, subtype, rule name.
    Rule {
        subtype: &'static str,
        rule: &'static str,
    },
    /// A linked short form: canonical given.
    Linked {
        canonical: String,
        kb_id: Option<String>,
        subtype: Option<String>,
        rule: &'static str,
    },
}

#[derive(Debug, Clone)]
struct Candidate {
    start: usize,
    end: usize,
    entity_type: EntityType,
    priority: u8,
    /// Tie-breaker after priority (population).
    weight: u64,
    needs_context: bool,
    needs_definition: bool,
    payload: Payload,
}

impl Candidate {
    /// The subtype a rule gave this candidate; "other" for list entries and linked forms.
    fn rule_subtype(&self) -> &'static str {
        match self.payload {
            Payload::Rule { subtype, .. } => subtype,
            _ => "other",
        }
    }
}

/// The organisation candidates that start at a token, with that token's index: where the
/// rules that extend a found organisation to the left begin.
fn organisations_by_first_token<'a>(
    doc: &'a Doc,
    cands: &'a [Candidate],
) -> impl Iterator<Item = (&'a Candidate, usize)> + 'a {
    cands
        .iter()
        .filter(|c| c.entity_type == EntityType::Organisation)
        .filter_map(|c| Some((c, doc.token_starting_at(c.start)?)))
}

/// The number of places among `cands`: the size of a per-document map of them (made with
/// its final size, not grown).
fn places_among(cands: &[Candidate]) -> usize {
    cands
        .iter()
        .filter(|c| c.entity_type == EntityType::Location)
        .count()
}

/// One document with its per-token facts.
struct Doc<'t> {
    text: &'t str,
    folded: Cow<'t>,
    tokens: &'t [Token],
    /// Per token: the token range of its sentence (one vector of pairs: half the memory of
    /// two of `usize`, filled without a zeroed allocation).
    sentences: Vec<(u32, u32)>,
    /// Per token: index of the org head matched at its end.
    org_head: Vec<Option<u16>>,
    /// Per token: ends with a role suffix.
    role_suffix: Vec<bool>,
    /// Per token: a major gazetteer region (country, state, big city) covers exactly this
    /// token (possibly with a genitive s).
    region: Vec<bool>,
    /// Where gazetteer places written with a genitive ending start ("Sloweniens"), in text
    /// order.
    genitive_places: Vec<usize>,
    /// Per token: its shape and word-list bits (`flags.rs`).
    flags: Vec<u32>,
    /// Per flag bit: the blocks of tokens with a token that has it (`flags.rs`,
    /// [`Doc::with`]).
    blocks: BlockIndex,
    /// Per block of [`START_BLOCK`] bytes of the text: the index of the first token
    /// starting in it or later ([`token_blocks`]); empty when the token starts do not
    /// increase strictly (then the lookups search all tokens).
    starts: Vec<u32>,
}

/// Bytes of text per entry of [`Doc::starts`].
const START_BLOCK: usize = 16;

/// [`Doc::starts`] of a document. The rules ask for the token at a byte (a candidate's
/// first token) tens of thousands of times per megabyte; a binary search over all tokens
/// each time cost more than a rule pass. From the block's first token, the token at a byte
/// is a few steps away (a block holds at most [`START_BLOCK`] token starts).
fn token_blocks(text: &str, tokens: &[Token]) -> Vec<u32> {
    if tokens.len() >= u32::MAX as usize
        || tokens.windows(2).any(|pair| pair[0].start >= pair[1].start)
    {
        return Vec::new();
    }
    // One merge of the blocks' starts with the tokens' (both increasing): a block gets the
    // number of tokens starting before it, the index of the first token starting in it or
    // later. Written into a vector of its final length, no push per block.
    let blocks = text.len() / START_BLOCK + 1;
    let mut starts = vec![0u32; blocks];
    let mut k = 0;
    for (block, first) in starts.iter_mut().enumerate() {
        let block_start = block * START_BLOCK;
        while tokens.get(k).is_some_and(|token| token.start < block_start) {
            k += 1;
        }
        *first = k as u32;
    }
    starts
}

/// [`Doc::sentences`]: per token, the first token of its sentence and the end of it; a
/// token outside every sentence gets `(0, n)`, a token of several sentences those of the
/// last one.
fn sentence_bounds(n: usize, sentences: &[Sentence]) -> Vec<(u32, u32)> {
    let outside = (0, n as u32);
    let mut bounds = vec![outside; n];
    for s in sentences {
        let end = s.end_token.min(n);
        if s.first_token < end {
            bounds[s.first_token..end].fill((s.first_token as u32, end as u32));
        }
    }
    bounds
}

type Cow<'t> = std::borrow::Cow<'t, str>;

fn first_char(s: &str) -> Option<char> {
    s.chars().next()
}

fn is_upper_initial(s: &str) -> bool {
    match s.as_bytes().first() {
        None => false,
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        Some(_) => first_char(s).is_some_and(char::is_uppercase),
    }
}

/// `s.split_once(c)` for an ASCII character `c` given as its byte, by a plain byte search:
/// cheaper than the `char` pattern's search for the short words and names searched here.
#[inline]
fn split_once_byte(s: &str, byte: u8) -> Option<(&str, &str)> {
    debug_assert!(byte.is_ascii());
    let at = s.bytes().position(|b| b == byte)?;
    Some((&s[..at], &s[at + 1..]))
}

fn has_lowercase(s: &str) -> bool {
    s.chars().any(char::is_lowercase)
}

impl Doc<'_> {
    fn t(&self, i: usize) -> &str {
        self.tokens[i].text(self.text)
    }

    /// The text of token `i`, or "" past the end.
    fn t_or(&self, i: usize) -> &str {
        if i < self.tokens.len() {
            self.t(i)
        } else {
            ""
        }
    }

    /// The first token of token `i`'s sentence (0 outside every sentence).
    #[inline(always)]
    fn sentence_start(&self, i: usize) -> usize {
        self.sentences[i].0 as usize
    }

    /// The end (exclusive) of token `i`'s sentence (the number of tokens outside every
    /// sentence).
    #[inline(always)]
    fn sentence_end(&self, i: usize) -> usize {
        self.sentences[i].1 as usize
    }

    fn kind(&self, i: usize) -> TokenKind {
        self.tokens[i].kind
    }

    /// The tokens from `from` on with every bit of `mask`: a loop over the tokens with a
    /// rare bit skips blocks of tokens without it.
    fn with(&self, mask: u32, from: usize) -> TokensWith<'_> {
        TokensWith::new(&self.flags, &self.blocks, mask, from)
    }

    /// A capitalised stop word ("Die", "Im", "Januar").
    #[inline(always)]
    fn stop(&self, i: usize) -> bool {
        self.flags[i] & STOP == STOP
    }

    /// A capitalised word.
    #[inline(always)]
    fn cap_word(&self, i: usize) -> bool {
        self.flags[i] & CAP == CAP
    }

    /// Token `k` is the one byte `b` ("(", ")", ",").
    fn is_byte(&self, k: usize, b: u8) -> bool {
        let token = self.tokens[k];
        token.end == token.start + 1 && self.text.as_bytes()[token.start] == b
    }

    /// Tokens `i` and `i + 1` are on one line, separated by at most one blank.
    fn adjacent(&self, i: usize) -> bool {
        if i + 1 >= self.tokens.len() {
            return false;
        }
        // The gap's bytes: a line break is one byte, no character needs decoding.
        let gap = &self.text.as_bytes()[self.tokens[i].end..self.tokens[i + 1].start];
        gap.len() <= 3 && gap.iter().all(|&b| b != b'\n')
    }

    /// The index of the first token starting after byte `at` (all tokens start at or
    /// before it: their number).
    #[inline]
    fn first_start_after(&self, at: usize) -> usize {
        match self.starts.get(at / START_BLOCK) {
            Some(&first) => {
                let mut k = first as usize;
                while k < self.tokens.len() && self.tokens[k].start <= at {
                    k += 1;
                }
                k
            }
            None => self.tokens.partition_point(|t| t.start <= at),
        }
    }

    /// Index of the token starting at byte `at`, if any.
    #[inline]
    fn token_starting_at(&self, at: usize) -> Option<usize> {
        if self.starts.is_empty() {
            return self.tokens.binary_search_by_key(&at, |t| t.start).ok();
        }
        let k = self.first_start_after(at);
        (k > 0 && self.tokens[k - 1].start == at).then(|| k - 1)
    }

    /// Index of the token containing byte `at`.
    fn token_containing(&self, at: usize) -> Option<usize> {
        let i = self.first_start_after(at);
        (i > 0 && self.tokens[i - 1].end > at).then(|| i - 1)
    }

    /// The line of byte `at` has no lower-case letter (an all-caps headline).
    fn caps_line(&self, start: usize, end: usize) -> bool {
        // Look at most 400 bytes either way: a headline is short.
        let mut from = start.saturating_sub(400);
        while !self.text.is_char_boundary(from) {
            from += 1;
        }
        let mut to = (end + 400).min(self.text.len());
        while !self.text.is_char_boundary(to) {
            to -= 1;
        }
        let line_start = self.text[from..start]
            .rfind('\n')
            .map_or(from, |p| from + p + 1);
        let line_end = self.text[end..to].find('\n').map_or(to, |p| end + p);
        let line = &self.text[line_start..line_end];
        !has_lowercase(line) && line.chars().filter(|c| c.is_alphabetic()).count() >= 4
    }
}

/// Whether a name token is a stop word or lower case.
#[inline(always)]
fn name_word(doc: &Doc, _lex: &Lexicon, i: usize) -> bool {
    // A capitalised word, no stop word, more than one character.
    doc.flags[i] & NAME != 0
}

/// A role, title or honorific token.
fn role_kind(doc: &Doc, _lex: &Lexicon, i: usize) -> Option<RoleKind> {
    let flags = doc.flags[i];
    if flags & UPPER == 0 {
        return None;
    }
    if let Some(kind) = role_of(flags) {
        return Some(kind);
    }
    if doc.role_suffix[i] {
        return Some(RoleKind::Role);
    }
    None
}

pub(super) fn find(
    rec: &EntityRecogniser,
    text: &str,
    folded: &str,
    tokens: &[Token],
    sentences: &[Sentence],
    flags: Vec<u32>,
) -> Vec<EntityMatch> {
    let lex = rec.lexicon();
    let mut doc = Doc {
        text,
        folded: Cow::Borrowed(folded),
        tokens,
        sentences: Vec::new(),
        org_head: vec![None; tokens.len()],
        role_suffix: vec![false; tokens.len()],
        region: vec![false; tokens.len()],
        genitive_places: Vec::new(),
        blocks: BlockIndex::of(&flags),
        flags,
        starts: token_blocks(text, tokens),
    };
    doc.sentences = sentence_bounds(tokens.len(), sentences);
    mark_heads(&mut doc, lex);
    // Room for the candidates of a typical document from the start (about one per 25
    // tokens on news, more in press releases), not grown from empty in four or five steps.
    let mut cands = Vec::with_capacity(tokens.len() / 16 + 16);
    gazetteer_candidates(rec, &mut doc, &mut cands);
    places_before_administrations(rec, &mut cands);
    strip_region_heads(&doc, lex, &mut cands);
    compass_regions(rec, &doc, &mut cands);
    camel_place_agencies(rec, &doc, &mut cands);
    region_head_rule(&doc, lex, &mut cands);
    place_compounds(rec, &doc, lex, &mut cands);
    // Organisation names may end in any place name, also one flagged `common`. (Made with
    // its final size: a collect through a filter grows the vector step by step.)
    let mut places: Vec<Candidate> = Vec::with_capacity(places_among(&cands));
    places.extend(
        cands
            .iter()
            .filter(|c| c.entity_type == EntityType::Location)
            .cloned(),
    );
    confirm_context(rec, &doc, lex, &mut cands);
    person_rules(rec, &doc, &mut cands);
    org_rules(&doc, lex, &places, &mut cands);
    org_seats(rec, &doc, lex, &mut cands);
    named_units(&doc, lex, &mut cands);
    government_offices(&doc, lex, &mut cands);
    slash_seats(&doc, lex, &mut cands);
    dash_names(&doc, lex, &mut cands);
    bracket_short_names(rec, &doc, lex, &mut cands);
    bracket_native_names(rec, &doc, lex, &mut cands);
    apposition_persons(&doc, lex, &mut cands);
    news_families(rec, &doc, lex, &mut cands);
    let chosen = resolve(cands);
    let mut chosen = link(rec, &doc, chosen);
    appositive_descriptions(rec, &doc, &mut chosen);
    let described = link_to_specific_names(rec, &doc, &mut chosen);
    materialise(rec, &doc, chosen, described)
}

/// Marks tokens ending with an organisation head or a role suffix.
#[inline(never)]
fn mark_heads(doc: &mut Doc, lex: &Lexicon) {
    let mut found = Vec::new();
    // Only words where a head may end (their flag, set on words only: no test of their
    // bytes), visited from the blocks of tokens that hold one.
    lex.head_ends.for_each_word_end_match(
        &lex.heads,
        doc.folded.as_bytes(),
        doc.tokens,
        doc.with(HEAD_END, 0),
        |i, m| found.push((i, m)),
    );
    for (i, m) in found {
        let token = doc.tokens[i];
        // The head ends the token, or the token's genitive (-s, -es) follows.
        let rest = &doc.text[m.end().min(token.end)..token.end];
        if m.end() > token.end || !matches!(rest, "" | "s" | "es") {
            continue;
        }
        let info = lex.head_info[m.pattern().as_usize()];
        if let Some(org) = info.org {
            let head = &lex.org_heads[org as usize];
            if !head.word || m.start() == token.start {
                doc.org_head[i] = Some(org);
                add_flag(&mut doc.flags, &mut doc.blocks, i, ORG_HEAD);
            }
        }
        if info.role && rest.is_empty() {
            doc.role_suffix[i] = true;
            add_flag(&mut doc.flags, &mut doc.blocks, i, ROLE_LIKE);
        }
    }
}

/// What the gazetteer rule needs to know of a dictionary entry beyond its surface, a function
/// of the entry and the word lists alone: computed for every entry at load
/// ([`entry_facts`]), so a hit costs no string comparison or word-list lookup.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct EntryFacts {
    /// The candidate's rule priority.
    pub(super) priority: u8,
    /// [`EntryFacts::COMMON`] and the other bits.
    pub(super) bits: u8,
}

impl EntryFacts {
    /// Needs context: flagged `common`, or a minor place.
    pub(super) const COMMON: u8 = 1;
    /// A place that may carry a genitive ending.
    pub(super) const GENITIVE: u8 = 2;
    /// An organisation acronym: needs its full name in the document.
    pub(super) const ACRONYM: u8 = 4;
    /// A major place, not common: blocks person and organisation rules on its token.
    pub(super) const MAJOR_PLACE: u8 = 8;
    /// The surface has a lower-case letter.
    pub(super) const LOWER_CASE: u8 = 16;
}

/// The [`EntryFacts`] of the dictionary entry `id`.
pub(super) fn entry_facts(dict: &Dictionary, lex: &Lexicon, id: u32) -> EntryFacts {
    let (list, entry) = dict.entry(id);
    let surface = list.text(entry.surface);
    let subtype = list.text(entry.subtype);
    let place = entry.entity_type == EntityType::Location;
    let minor_place = place
        && matches!(subtype, "city" | "district" | "")
        && (entry.weight < MINOR_PLACE || lex.first_names.contains(surface));
    let common = entry.flags.contains(Flags::COMMON) || minor_place;
    // A genitive s: only for places, not for common words or names ending in a sibilant.
    let genitive_ok = entry.entity_type == EntityType::Location
        && !common
        && surface.chars().count() >= 4
        && !surface.ends_with(['s', 'ß', 'x', 'z', 'S', 'X', 'Z']);
    let acronym =
        entry.flags.contains(Flags::ACRONYM) && entry.entity_type == EntityType::Organisation;
    // Hand-made lists (users', resources/entities/) win over generated ones on equal spans
    // ("EU": an organisation, not the macro-region).
    let bonus = if list.name.starts_with("gazetteers/") {
        0
    } else {
        HAND_MADE_BONUS
    };
    let priority = bonus
        + match entry.entity_type {
            EntityType::Location if matches!(subtype, "country" | "state" | "macro_region") => {
                P_LOC_MAJOR
            }
            EntityType::Location => P_LOC_GAZ,
            EntityType::Organisation if acronym => P_ORG_ACRONYM,
            _ => P_ORG_GAZ,
        };
    // Major places block person and organisation rules on their token. A smaller state
    // named like a first name (Lara, Nelson) may start a person's name ("Lara Beispiel").
    let first_name_state =
        subtype == "state" && entry.weight < MAJOR_PLACE && lex.first_names.contains(surface);
    let major = matches!(subtype, "country" | "state" | "macro_region") && !first_name_state
        || entry.weight >= MAJOR_PLACE && !lex.first_names.contains(surface);
    let mut bits = 0;
    for (holds, bit) in [
        (common, EntryFacts::COMMON),
        (genitive_ok, EntryFacts::GENITIVE),
        (acronym, EntryFacts::ACRONYM),
        (place && !common && major, EntryFacts::MAJOR_PLACE),
        (has_lowercase(surface), EntryFacts::LOWER_CASE),
    ] {
        if holds {
            bits |= bit;
        }
    }
    EntryFacts { priority, bits }
}

/// Gazetteer mentions at capitalised word starts (and after hyphens inside compounds).
#[inline(never)]
fn gazetteer_candidates(rec: &EntityRecogniser, doc: &mut Doc, cands: &mut Vec<Candidate>) {
    let dict = rec.dictionary();
    let text = doc.text;
    let mut hits: Vec<Hit> = Vec::new();
    let tokens = doc.tokens;
    let folded = doc.folded.as_bytes();
    // Whether no letter or digit follows token `i` (then a lookup at its start tests the
    // token's own run of letters and digits).
    let run_is_word = |i: usize| {
        folded
            .get(tokens[i].end)
            .map_or(true, |&b| b < 0x80 && !b.is_ascii_alphanumeric())
    };
    // A lookup starts at a capitalised token or after a hyphen. Stop words start no name
    // ("Die", "Im"): they are a large share of capitalised words. Nor does a word whose
    // flags say so (most capitalised words: the dictionary's filter of first words, asked
    // once per word in the flag cache), where no letter or digit follows it (then the
    // lookup's filter would test this word's run). Most tokens are none of these, and are
    // passed over by a loop of their flags.
    let starts_name = |i: usize, bits: u32| {
        bits & (UPPER | STOP) == UPPER && (bits & NO_ENTRY == 0 || !run_is_word(i))
    };
    let mut next = 0;
    while let Some(skipped) = doc.flags.get(next..).and_then(|rest| {
        rest.iter()
            .enumerate()
            .position(|(k, &bits)| bits & HYPHEN != 0 || starts_name(next + k, bits))
    }) {
        let i = next + skipped;
        next = i + 1;
        let bits = doc.flags[i];
        let token = tokens[i];
        if !matches!(token.kind, TokenKind::Word | TokenKind::Abbreviation) {
            continue;
        }
        let mut starts = [token.start; 8];
        let mut n = usize::from(starts_name(i, bits));
        let run_is_word = run_is_word(i);
        // The filter's answer for a capitalised word of letters and digits (no stop word)
        // that no letter or digit follows is in its flags: it passed (no NO_ENTRY).
        let filtered = run_is_word && bits & (CAP | STOPWORD | PLAIN | NO_ENTRY) == CAP | PLAIN;
        if bits & HYPHEN != 0 {
            let word = token.text(text);
            for (at, _) in word.bytes().enumerate().filter(|&(_, b)| b == b'-') {
                let after = token.start + at + 1;
                if n < starts.len() && text[after..].chars().next().is_some_and(char::is_uppercase)
                {
                    starts[n] = after;
                    n += 1;
                }
            }
        }
        for &start in &starts[..n] {
            hits.clear();
            // A word of letters and digits: the lookup need not scan it for its end.
            let word_end = (start == token.start && doc.flags[i] & PLAIN != 0).then_some(token.end);
            if filtered && start == token.start {
                dict.lookup_in_word_filtered(text, &doc.folded, start, token.end, &mut hits);
            } else {
                dict.lookup_in_word(text, &doc.folded, start, word_end, &mut hits);
            }
            for hit in &hits {
                let (list, entry) = dict.entry(hit.id);
                let facts = rec.entry_facts(hit.id);
                let surface = list.text(entry.surface);
                let written = &text[start..hit.end];
                let exact = written == surface;
                let capitals = !exact
                    && facts.bits & EntryFacts::LOWER_CASE != 0
                    && !has_lowercase(written)
                    && (doc.caps_line(start, hit.end) || caps_dateline(doc, i, hit.end));
                if !(exact || capitals) {
                    continue;
                }
                let mut end = hit.end;
                if !crate::gazetteer::boundary_after(text, end) {
                    // A genitive s: only for places, not for common words or names ending
                    // in a sibilant.
                    let Some(ending) = crate::gazetteer::genitive_len(text, end)
                        .filter(|_| facts.bits & EntryFacts::GENITIVE != 0)
                    else {
                        continue;
                    };
                    end += ending;
                    if entry.entity_type == EntityType::Location
                        && doc.genitive_places.last() != Some(&start)
                    {
                        doc.genitive_places.push(start);
                    }
                }
                // Major places block person and organisation rules on their token.
                if facts.bits & EntryFacts::MAJOR_PLACE != 0 {
                    if let Some(j) = doc.token_starting_at(start) {
                        if doc.tokens[j].end == end {
                            doc.region[j] = true;
                        }
                    }
                }
                cands.push(Candidate {
                    start,
                    end,
                    entity_type: entry.entity_type,
                    priority: facts.priority,
                    weight: entry.weight,
                    needs_context: facts.bits & EntryFacts::COMMON != 0,
                    needs_definition: facts.bits & EntryFacts::ACRONYM != 0,
                    payload: Payload::Entry(hit.id),
                });
            }
        }
    }
}

/// Gazetteer places listed with their head word ("Präfektur Aichi", "Region Hannover") are
/// marked without it, like every other place.
#[inline(never)]
fn strip_region_heads(doc: &Doc, lex: &Lexicon, cands: &mut Vec<Candidate>) {
    // Spans of places written with their head word: an organisation listed under the same
    // words is the administration, not meant here ("Freie Hansestadt Bremen").
    let mut headed: Vec<(usize, usize)> = Vec::new();
    for cand in cands.iter_mut() {
        if cand.entity_type != EntityType::Location {
            continue;
        }
        let original = (cand.start, cand.end);
        let span = &doc.text[cand.start..cand.end];
        // "Gyeonggi-do": the ending is a head word too.
        if let Some(strip) = lex
            .cues
            .place_strip
            .iter()
            .find(|strip| span.len() > strip.len() + 2 && span.ends_with(*strip))
        {
            cand.end -= strip.len();
        }
        let span = &doc.text[cand.start..cand.end];
        // "Freie Hansestadt Bremen": an adjective may stand before the head word.
        let adjective = split_once_byte(span, b' ').filter(|(first, rest)| {
            first.ends_with(['e', 'n', 'r', 's'])
                && split_once_byte(rest, b' ')
                    .is_some_and(|(head, _)| lex.region_heads.contains_key(head))
        });
        if let Some((first, _)) = adjective {
            cand.start += first.len() + 1;
        }
        let span = &doc.text[cand.start..cand.end];
        if let Some((head, rest)) = split_once_byte(span, b' ') {
            if lex.region_heads.contains_key(head) && !rest.is_empty() {
                cand.start += head.len() + 1;
                cand.needs_context = false;
                headed.push(original);
            }
        }
    }
    if !headed.is_empty() {
        cands.retain(|c| {
            !(c.entity_type == EntityType::Organisation
                && matches!(c.payload, Payload::Entry(_))
                && headed.contains(&(c.start, c.end)))
        });
    }
}

/// Regions after administrative head words ("Präfektur Aichi", "des Kantons Zürich").
#[inline(never)]
fn region_head_rule(doc: &Doc, lex: &Lexicon, cands: &mut Vec<Candidate>) {
    for i in doc
        .with(CAP | REGION_HEAD, 0)
        .take_while(|&i| i + 1 < doc.tokens.len())
    {
        if !doc.cap_word(i) || doc.flags[i] & REGION_HEAD == 0 {
            continue;
        }
        let Some(head) = lex.region_heads.get(doc.t(i)) else {
            continue;
        };
        let j = i + 1;
        if !doc.adjacent(i) || !name_word(doc, lex, j) || j >= doc.sentence_end(i) {
            continue;
        }
        let start = doc.tokens[j].start;
        // The head word itself is no place ("Kanton" is also a city's exonym).
        let head_token = doc.tokens[i];
        if cands.iter().any(|c| c.start == head_token.start) {
            cands.retain(|c| !(c.start == head_token.start && c.end == head_token.end));
        }
        let mut found = false;
        for cand in cands.iter_mut() {
            if cand.start == start && cand.entity_type == EntityType::Location {
                cand.needs_context = false;
                cand.priority = cand.priority.max(P_LOC_HEAD_GAZ);
                found = true;
            }
        }
        if !found && head.strong && role_kind(doc, lex, j).is_none() && doc.org_head[j].is_none() {
            cands.push(Candidate {
                start,
                end: doc.tokens[j].end,
                entity_type: EntityType::Location,
                priority: P_LOC_HEAD_RULE,
                weight: 0,
                needs_context: false,
                needs_definition: false,
                payload: Payload::Rule {
                    subtype: head.subtype,
                    rule: "rule:region_head",
                },
            });
        }
    }
}

/// Names flagged `common` stay only with context: a preposition before them, or another
/// accepted mention of the same place.
#[inline(never)]
fn confirm_context(rec: &EntityRecogniser, doc: &Doc, lex: &Lexicon, cands: &mut Vec<Candidate>) {
    let mut confirmed: Vec<usize> = Vec::new();
    // Places that need no context, by first and by last byte: a place coordinated with one
    // of them is a place too ("Jena und Oulu", "Oulu, Jena").
    let sure_places = || {
        cands
            .iter()
            .filter(|c| c.entity_type == EntityType::Location && !c.needs_context)
    };
    // Sorted, searched by bisection: cheaper than hash sets grown one place at a time.
    let sure_starts = sorted(sure_places().map(|c| c.start).collect());
    let sure_ends = sorted(sure_places().map(|c| c.end).collect());
    let coordination = |k: usize| matches!(doc.t(k), "und" | "," | "sowie" | "oder");
    for (n, cand) in cands.iter().enumerate() {
        if !cand.needs_context {
            continue;
        }
        if let Some(i) = doc.token_starting_at(cand.start) {
            let place = cand.entity_type == EntityType::Location;
            // A preposition with an article in it ("im") goes before a region ("im Wallis"),
            // not before a town: after it, a town named like an ordinary word is that word
            // ("im Haus der Wirtschaft", "im Saal").
            let article_before_common_town = || {
                doc.flags[i - 1] & NOUN_MARKER != 0
                    && entry_subtype(rec, cand) == "city"
                    && matches!(cand.payload, Payload::Entry(id)
                        if rec.dictionary().entry(id).1.flags.contains(Flags::COMMON))
            };
            let preposition = i > 0
                && doc.adjacent(i - 1)
                && doc.flags[i - 1] & CONTEXT_WORD != 0
                && !article_before_common_town();
            let last = doc.first_start_after(cand.end.saturating_sub(1)) - 1;
            let coordinated = place
                && ((last + 2 < doc.tokens.len()
                    && doc.tokens[last].end == cand.end
                    && doc.adjacent(last)
                    && doc.adjacent(last + 1)
                    && coordination(last + 1)
                    && sure_starts
                        .binary_search(&doc.tokens[last + 2].start)
                        .is_ok())
                    || (i >= 2
                        && doc.adjacent(i - 1)
                        && doc.adjacent(i - 2)
                        && coordination(i - 1)
                        && sure_ends.binary_search(&doc.tokens[i - 2].end).is_ok()));
            if preposition || coordinated || postcode_or_dateline(doc, i) {
                confirmed.push(n);
            }
        }
    }
    for n in confirmed {
        cands[n].needs_context = false;
    }
    // After a determiner (and an adjective) or before a number, a name flagged `common` is
    // the common noun, whatever other mentions say ("die neue Halle 4", "zu einem Essen").
    cands.retain(|c| !(c.needs_context && common_noun_use(doc, lex, c.start, c.end)));
    // Another mention of the same entry without the need for context confirms the rest.
    let sure = sorted(
        cands
            .iter()
            .filter(|c| !c.needs_context)
            .filter_map(|c| match c.payload {
                Payload::Entry(id) => Some(id),
                _ => None,
            })
            .collect(),
    );
    cands.retain(|c| {
        !c.needs_context
            || matches!(c.payload, Payload::Entry(id) if sure.binary_search(&id).is_ok())
    });
}

/// `values` sorted, without repetitions (for [`slice::binary_search`]).
fn sorted<T: Ord>(mut values: Vec<T>) -> Vec<T> {
    values.sort_unstable();
    values.dedup();
    values
}

/// A place after a postcode ("24105 Kiel") or opening a dateline ("Kiel, 3. April 2024 –").
fn postcode_or_dateline(doc: &Doc, i: usize) -> bool {
    let digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    if i > 0 && doc.adjacent(i - 1) && (4..=5).contains(&doc.t(i - 1).len()) && digits(doc.t(i - 1))
    {
        return true;
    }
    let line_start = i == 0 || doc.text[doc.tokens[i - 1].end..doc.tokens[i].start].contains('\n');
    line_start
        && doc.t_or(i + 1) == ","
        && doc.t_or(i + 2).starts_with(|c: char| c.is_ascii_digit())
}

/// Whether the word at `start..end` is used as a common noun: after a determiner, possibly
/// with an adjective between, or before a number.
fn common_noun_use(doc: &Doc, lex: &Lexicon, start: usize, end: usize) -> bool {
    let Some(i) = doc.token_starting_at(start) else {
        return false;
    };
    let marker = |k: usize| {
        let t = doc.t(k);
        // Noun markers are short ASCII words: lower-case the first letter on the stack.
        let mut buf = [0u8; 16];
        let lower = match t.as_bytes() {
            [first, rest @ ..] if first.is_ascii_uppercase() && rest.len() < buf.len() => {
                buf[0] = first.to_ascii_lowercase();
                buf[1..=rest.len()].copy_from_slice(rest);
                std::str::from_utf8(&buf[..=rest.len()]).unwrap_or(t)
            }
            _ => t,
        };
        // A context word is one by its flags (the same list, exact text): no lookup.
        lex.noun_markers.contains(lower) && doc.flags[k] & CONTEXT_WORD == 0
    };
    if i > 0 && doc.adjacent(i - 1) {
        if marker(i - 1) {
            return true;
        }
        if i > 1 && doc.adjacent(i - 2) && lower_adjective(doc.t(i - 1)) && marker(i - 2) {
            return true;
        }
    }
    let last = (i..doc.tokens.len()).find(|&k| doc.tokens[k].end >= end);
    last.is_some_and(|k| {
        k + 1 < doc.tokens.len()
            && doc.tokens[k].end == end
            && doc.adjacent(k)
            && doc.t(k + 1).starts_with(|c: char| c.is_ascii_digit())
    })
}

/// The gazetteer subtype of a candidate ("" for rules).
fn entry_subtype<'r>(rec: &'r EntityRecogniser, c: &Candidate) -> &'r str {
    match c.payload {
        Payload::Entry(id) => {
            let (list, entry) = rec.dictionary().entry(id);
            list.text(entry.subtype)
        }
        _ => "",
    }
}

/// Regions named from a country or state with a compass prefix: "Westchina", "Mitteldeutschland",
/// "Südtirol" (not "Westfalen": "Falen" is no region).
#[inline(never)]
fn compass_regions(rec: &EntityRecogniser, doc: &Doc, cands: &mut Vec<Candidate>) {
    let lex = rec.lexicon();
    let mut hits: Vec<Hit> = Vec::new();
    // Words that may start with a compass prefix ([`TokensWith`] skips blocks without one).
    for i in doc.with(COMPASS, 0) {
        let token = doc.tokens[i];
        if token.kind != TokenKind::Word
            || token.end - token.start < 6
            || !lex
                .cues
                .compass_first
                .may_start_byte(doc.text.as_bytes()[token.start])
            || doc.stop(i)
        {
            continue;
        }
        // The flag knows the word passes the filter of the prefixes' heads.
        let word = doc.t(i);
        // The longest prefix: "Nordost|schweiz", not "Nord|ostschweiz".
        let Some(prefix) = lex
            .cues
            .compass
            .iter()
            .filter(|p| word.len() > p.len() + 2 && word.starts_with(*p))
            .max_by_key(|p| p.len())
        else {
            continue;
        };
        let rest = &word[prefix.len()..];
        if !rest.starts_with(char::is_lowercase) || rest.contains('-') {
            continue;
        }
        let stem = rest
            .strip_suffix('s')
            .filter(|s| !s.ends_with('s'))
            .unwrap_or(rest);
        for name in [rest, stem] {
            let mut chars = name.chars();
            let Some(first) = chars.next() else { continue };
            let capital: String = first.to_uppercase().chain(chars).collect();
            if listed_place(
                rec,
                &capital,
                &["country", "state", "macro_region"],
                &mut hits,
            ) {
                push_rule(
                    cands,
                    doc,
                    (i, i),
                    EntityType::Location,
                    P_LOC_GAZ,
                    "macro_region",
                    "rule:region_compass",
                );
                break;
            }
        }
    }
}

/// Whether `name` is, as a whole and in this spelling, a place of the gazetteer with one of
/// the `subtypes` (`hits` is scratch space for the lookup).
fn listed_place(
    rec: &EntityRecogniser,
    name: &str,
    subtypes: &[&str],
    hits: &mut Vec<Hit>,
) -> bool {
    let folded = fold(name);
    hits.clear();
    rec.dictionary().lookup(name, &folded, 0, hits);
    hits.iter().any(|hit| {
        let (list, entry) = rec.dictionary().entry(hit.id);
        hit.end == name.len()
            && entry.entity_type == EntityType::Location
            && list.text(entry.surface) == name
            && subtypes.contains(&list.text(entry.subtype))
    })
}

/// Economic development and trade agencies named by one word joined of an agency word and a
/// place (`agency_before_place`, `agency_after_place` in cues.tsv, one word each):
/// "[InvestBeispielland]", "[ProBeispielland]", "[BeispielstadtBusiness]".
#[inline(never)]
fn camel_place_agencies(rec: &EntityRecogniser, doc: &Doc, cands: &mut Vec<Candidate>) {
    let joined = &rec.lexicon().cues.joined_agency;
    let Some(automaton) = &joined.automaton else {
        return;
    };
    const PLACES: &[&str] = &["country", "state", "city", "district"];
    let bytes = doc.text.as_bytes();
    let mut hits: Vec<Hit> = Vec::new();
    for found in automaton.find_iter(doc.text) {
        let (start, end) = (found.start(), found.end());
        let id = found.pattern().as_usize();
        // The place joined to the agency word: a capital right after a lead that opens the
        // word, or a lower-case letter right before a tail that closes it.
        let (token, place) =
            if joined.leads[id] && bytes.get(end).is_some_and(u8::is_ascii_uppercase) {
                let Some(i) = doc
                    .token_starting_at(start)
                    .filter(|&i| doc.tokens[i].end > end)
                else {
                    continue;
                };
                (i, &doc.t(i)[end - start..])
            } else if joined.trails[id]
                && start > 0
                && bytes[start - 1].is_ascii_lowercase()
                && !bytes.get(end).is_some_and(u8::is_ascii_alphanumeric)
            {
                let Some(i) = doc.token_containing(start) else {
                    continue;
                };
                let first = doc.tokens[i].start;
                if doc.tokens[i].end != end || !doc.t(i).starts_with(char::is_uppercase) {
                    continue;
                }
                (i, &doc.text[first..start])
            } else {
                continue;
            };
        if doc.kind(token) == TokenKind::Word
            && place.len() >= 3
            && listed_place(rec, place, PLACES, &mut hits)
        {
            push_rule(
                cands,
                doc,
                (token, token),
                EntityType::Organisation,
                P_ORG_LEGAL,
                "agency",
                "rule:org_place_agency",
            );
        }
    }
}

/// Places written as one name with a hyphen or a river: "Treptow-Köpenick" (two districts),
/// "Québec-Stadt", "Berlin-Mitte", "Neu-Delhi", "Mülheim an der Ruhr", "Frankfurt am Main".
#[inline(never)]
fn place_compounds(rec: &EntityRecogniser, doc: &Doc, lex: &Lexicon, cands: &mut Vec<Candidate>) {
    // Per span: a city or district (not a bigger region); and sure without context. Sized
    // for every place at once: growing the map rehashed it several times per document.
    let mut places: crate::gazetteer::FastMap<(usize, usize), (bool, bool)> =
        crate::gazetteer::FastMap::with_capacity_and_hasher(
            places_among(cands),
            Default::default(),
        );
    for c in cands.iter() {
        if c.entity_type == EntityType::Location {
            let minor = matches!(entry_subtype(rec, c), "city" | "district");
            let slot = places
                .entry((c.start, c.end))
                .or_insert((minor, !c.needs_context));
            *slot = (slot.0 && minor, slot.1 && !c.needs_context);
        }
    }
    if places.is_empty() {
        return;
    }
    // Visit the tokens of places only: few per document.
    let mut tokens: Vec<usize> = places
        .keys()
        .filter_map(|&(start, _)| doc.token_containing(start))
        .collect();
    tokens.sort_unstable();
    tokens.dedup();
    let mut found = Vec::new();
    for i in tokens {
        if doc.kind(i) != TokenKind::Word || !doc.cap_word(i) {
            continue;
        }
        let token = doc.tokens[i];
        let word = doc.t(i);
        if let Some((a, b)) = split_once_byte(word, b'-') {
            if b.as_bytes().contains(&b'-') || a.is_empty() || b.is_empty() {
                continue;
            }
            let a_span = (token.start, token.start + a.len());
            let b_span = (token.start + a.len() + 1, token.end);
            let a_place = places.get(&a_span).copied();
            let b_place = places.get(&b_span).copied();
            // Two towns or districts, at least one of them sure without context.
            let joined = matches!((a_place, b_place), (Some((true, a)), Some((true, b))) if a || b)
                || (a_place.is_some() && lex.cues.place_suffix.contains(b))
                || (b_place.is_some() && lex.cues.place_prefix.contains(a));
            // "Alt-Köpenick 21" in an address is a street.
            let street = doc.t_or(i + 1).starts_with(|c: char| c.is_ascii_digit());
            if joined && !street {
                found.push((i, i));
            }
            continue;
        }
        // "X am Main", "X an der Ruhr", "X ob der Tauber", "X in der Oberpfalz".
        let limit = doc.sentence_end(i);
        let river_at = match (doc.t_or(i + 1), doc.t_or(i + 2)) {
            ("am", _) => Some(i + 2),
            ("an" | "ob" | "in", "der") => Some(i + 3),
            _ => None,
        };
        if let Some(r) = river_at {
            if places.get(&(token.start, token.end)).is_some_and(|p| p.0)
                && r < limit
                && (i..r).all(|k| doc.adjacent(k))
                && lex.cues.river.contains(doc.t(r))
            {
                found.push((i, r));
            }
        }
    }
    for span in found {
        push_rule(
            cands,
            doc,
            span,
            EntityType::Location,
            P_LOC_HEAD_GAZ,
            "city",
            "rule:place_compound",
        );
    }
}

/// Parses a person's name from token `j`: capitalised words, initials, particles between
/// them; at most four name words. Returns the last token of the name.
fn person_name(doc: &Doc, lex: &Lexicon, j: usize, first_name_rule: bool) -> Option<usize> {
    let limit = doc.sentence_end(j);
    let mut k = j;
    let mut last = None;
    let mut words = 0;
    while k < limit && words < 4 {
        if k > j && !doc.adjacent(k - 1) {
            break;
        }
        let t = doc.t(k);
        let initial = doc.kind(k) == TokenKind::Abbreviation
            && t.len() == 2
            && t.starts_with(|c: char| c.is_ascii_uppercase());
        if initial {
            last = Some(k);
            words += 1;
            k += 1;
            continue;
        }
        // A place name is a surname only right after a first name ("Jason Hall"): that longer
        // span then wins over the place.
        let surname_after_first_name =
            first_name_rule && k == j + 1 && doc.flags[j] & FIRST_NAME != 0;
        // After a role, two name words and a place closing the name ("Gouverneur Ahmet
        // Selçuk Karaman eröffnete"): a surname spelled like a place.
        let surname_closing = !first_name_rule
            && words >= 2
            && (k + 1 >= limit || !doc.adjacent(k) || !doc.cap_word(k + 1))
            // Likewise after two first names, before a comma ("Ahmet Selçuk Karaman, …").
            || first_name_rule
                && words >= 2
                && k + 1 < limit
                && doc.adjacent(k)
                && matches!(doc.t(k + 1), "," | ")");
        // A capitalised particle after a name word leads the surname ("Mac", "Ní").
        let capital_particle = words > 0 && doc.flags[k] & LEAD_PARTICLE != 0;
        if name_word(doc, lex, k)
            && has_lowercase(t)
            && !capital_particle
            && role_kind(doc, lex, k).is_none()
            && doc.org_head[k].is_none()
            && (!doc.region[k] || surname_after_first_name || surname_closing)
        {
            last = Some(k);
            words += 1;
            k += 1;
            // With a first name: further first names, then one surname ends the name —
            // or two, closed by a comma or bracket ("Yaw Boakye Darko, Minister …"), the
            // end of the sentence, "und" or a lower-case word ("Lucía Fernández Ruiz und",
            // "Tomás Aguirre Salas eröffnete"); a place as the second surname only before
            // a comma or bracket ("Ahmet Selçuk Karaman, der Gouverneur").
            if first_name_rule && k > j + 1 && doc.flags[k - 1] & FIRST_NAME == 0 {
                if k + 1 < limit
                    && words == 2
                    && doc.adjacent(k - 1)
                    && doc.adjacent(k)
                    && name_word(doc, lex, k)
                    && has_lowercase(doc.t(k))
                    && (!german_noun_like(doc.t(k)) || foreign_letters(doc, j, k))
                    && role_kind(doc, lex, k).is_none()
                    && doc.org_head[k].is_none()
                    && second_surname_closed(doc, k)
                {
                    last = Some(k);
                }
                break;
            }
            continue;
        }
        // Particles ("von der") between name words; the first one must be able to lead.
        if words > 0 && doc.flags[k] & LEAD_PARTICLE != 0 {
            let mut m = k;
            while m < limit && m - k < 3 && doc.flags[m] & PARTICLE != 0 && doc.adjacent(m) {
                m += 1;
            }
            // "Raghavan von der Anna University", "Hofstetter von der Technischen Hochschule":
            // a word that opens an organisation name is where the person comes from.
            let opens_organisation =
                m + 1 < limit && doc.adjacent(m) && doc.org_head[m + 1].is_some();
            if m < limit && m > k && name_word(doc, lex, m) && !opens_organisation {
                k = m;
                continue;
            }
        }
        break;
    }
    last
}

/// Whether a name from token `first` to `last` is spelled with letters German lacks ("Mário",
/// "Søren"): a foreign name, where a second surname ending like a German noun ("Lopes",
/// "Nissen") is no noun.
fn foreign_letters(doc: &Doc, first: usize, last: usize) -> bool {
    doc.text[doc.tokens[first].start..doc.tokens[last].end]
        .chars()
        .any(|c| !c.is_ascii() && c.is_alphabetic() && !"äöüÄÖÜß".contains(c))
}

/// Whether what follows token `k`, a second surname after a first name and a surname,
/// closes the name: a comma or bracket; for a word that is no major place also the end of
/// the sentence, "und"/"sowie" or a lower-case word (a verb or preposition, "im").
fn second_surname_closed(doc: &Doc, k: usize) -> bool {
    let next = doc.t(k + 1);
    if matches!(next, "," | "(" | ")") {
        return true;
    }
    !doc.region[k]
        && (matches!(next, "." | ";" | "und" | "sowie")
            || (doc.kind(k + 1) == TokenKind::Word
                && next.starts_with(char::is_lowercase)
                && doc.flags[k + 1] & STOP != STOP))
}

fn push_rule(
    cands: &mut Vec<Candidate>,
    doc: &Doc,
    (first, last): (usize, usize),
    entity_type: EntityType,
    priority: u8,
    subtype: &'static str,
    rule: &'static str,
) {
    cands.push(Candidate {
        start: doc.tokens[first].start,
        end: doc.tokens[last].end,
        entity_type,
        priority,
        weight: 0,
        needs_context: false,
        needs_definition: false,
        payload: Payload::Rule { subtype, rule },
    });
}

/// Pushes the organisations a rule found, as (first token, last token, subtype).
fn push_organisations(
    cands: &mut Vec<Candidate>,
    doc: &Doc,
    found: Vec<(usize, usize, &'static str)>,
    priority: u8,
    rule: &'static str,
) {
    for (first, last, subtype) in found {
        let span = (first, last);
        push_rule(
            cands,
            doc,
            span,
            EntityType::Organisation,
            priority,
            subtype,
            rule,
        );
    }
}

/// Whether a word looks like a romanised East Asian given name ("Minjun", "Geun-hye").
fn romanised(rec: &EntityRecogniser, word: &str) -> bool {
    let lower = word.to_lowercase();
    lower.len() <= 12
        && lower
            .split('-')
            .all(|part| !part.is_empty() && rec.romanised().is_match(part))
}

/// A single surname at token `k` that ends a clause ("sagte Keller." / "so Keller,") or
/// is followed by an article or place preposition ("sagte Keller der Zeitung", "sagte
/// Keller am Montag", "sagte Keller in Leipzig").
fn speech_name(doc: &Doc, lex: &Lexicon, k: usize) -> bool {
    speech_name_word(doc, lex, k) && {
        let next = doc.t_or(k + 1);
        matches!(next, "." | "," | ";" | ":" | "")
            || (next.starts_with(|c: char| c.is_ascii_lowercase())
                // A noun marker or context word by its flags (the same lists): no lookup.
                && (doc.flags[k + 1] & (NOUN_MARKER | CONTEXT_WORD) != 0
                    || next == "gegenüber"))
    }
}

/// A capitalised word that may be part of a person's name: no stop word, place, head or role.
fn speech_name_word(doc: &Doc, lex: &Lexicon, k: usize) -> bool {
    k < doc.tokens.len()
        && doc.kind(k) == TokenKind::Word
        && name_word(doc, lex, k)
        && has_lowercase(doc.t(k))
        && !doc.region[k]
        && doc.org_head[k].is_none()
        && role_kind(doc, lex, k).is_none()
}

#[inline(never)]
fn person_rules(rec: &EntityRecogniser, doc: &Doc, cands: &mut Vec<Candidate>) {
    let lex = rec.lexicon();
    let n = doc.tokens.len();
    // Every rule below starts at a verb of saying or at a token with a capital first letter
    // (an initial, a role, a name word) that some token follows: most tokens are neither.
    let starts = flags_where(&doc.flags, n.saturating_sub(1), |_, bits| {
        bits & (SPEECH | UPPER) != 0
    });
    for i in starts {
        let (next_flags, next) = (doc.flags[i + 1], &doc.tokens[i + 1]);
        // Every rule below needs a capitalised word or an initial after this token.
        if next_flags & CAP != CAP && next.kind != TokenKind::Abbreviation {
            continue;
        }
        // A single name after a verb of saying, closing the clause: "…“, sagte Keller.".
        if doc.flags[i] & SPEECH != 0 && doc.adjacent(i) && speech_name(doc, lex, i + 1) {
            push_rule(
                cands,
                doc,
                (i + 1, i + 1),
                EntityType::Person,
                P_PER_SPEECH,
                "person",
                "rule:person_speech",
            );
            continue;
        }
        // An initial and a surname: "A. Beispiel".
        if doc.kind(i) == TokenKind::Abbreviation
            && doc.t(i).len() == 2
            && doc.t(i).starts_with(|c: char| c.is_ascii_uppercase())
            && (i == 0 || doc.kind(i - 1) != TokenKind::Abbreviation || !doc.adjacent(i - 1))
            && doc.adjacent(i)
            && speech_name_word(doc, lex, i + 1)
        {
            if let Some(last) = person_name(doc, lex, i, false).filter(|&last| last > i) {
                push_rule(
                    cands,
                    doc,
                    (i, last),
                    EntityType::Person,
                    P_PER_FIRST,
                    "person",
                    "rule:person_initial",
                );
                continue;
            }
        }
        // A name with an age in brackets: "Anna Beispiel (46)".
        let bytes = doc.text.as_bytes();
        let bracket_soon =
            |i: usize| (i + 1..(i + 5).min(n)).any(|k| bytes[doc.tokens[k].start] == b'(');
        // The name's first word is a name word (its flag, tested before the scan for a
        // bracket: without it no name is taken below).
        if doc.cap_word(i)
            && name_word(doc, lex, i)
            && bracket_soon(i)
            && (i == 0 || !speech_name_word(doc, lex, i - 1) || !doc.adjacent(i - 1))
        {
            let mut last = i;
            while last < i + 3 && speech_name_word(doc, lex, last) && doc.adjacent(last) {
                last += 1;
            }
            let aged = last > i
                && last + 2 < n
                && doc.t(last) == "("
                && doc.adjacent(last)
                && (1..=3).contains(&doc.t(last + 1).len())
                && doc.t(last + 1).bytes().all(|b| b.is_ascii_digit())
                && doc.t(last + 2) == ")";
            if aged {
                push_rule(
                    cands,
                    doc,
                    (i, last - 1),
                    EntityType::Person,
                    P_PER_ROLE,
                    "person",
                    "rule:person_age",
                );
                continue;
            }
        }
        // After a role, title or honorific (possibly several: "Frau Ministerin Dr.").
        if let Some(kind) = role_kind(doc, lex, i) {
            if i > 0 && role_kind(doc, lex, i - 1).is_some() && doc.adjacent(i - 1) {
                continue; // handled from the first trigger
            }
            let mut j = i + 1;
            while j < doc.sentence_end(i)
                && doc.adjacent(j - 1)
                && (role_kind(doc, lex, j).is_some() || doc.t(j) == "h.c.")
            {
                j += 1;
            }
            // "Leiter Vertrieb Anton Beispiel": a department after the role names no one.
            if j < doc.sentence_end(i) && doc.adjacent(j - 1) && department(doc, lex, j) {
                j += 1;
            }
            if j < doc.sentence_end(i) && doc.adjacent(j - 1) {
                if let Some(last) = person_name(doc, lex, j, false) {
                    let rule = match kind {
                        RoleKind::Role => "rule:person_role",
                        RoleKind::Title => "rule:person_title",
                        RoleKind::Honorific => "rule:person_honorific",
                    };
                    push_rule(
                        cands,
                        doc,
                        (j, last),
                        EntityType::Person,
                        P_PER_ROLE,
                        "person",
                        rule,
                    );
                }
            }
            continue;
        }
        if !doc.cap_word(i) {
            continue;
        }
        // A known first name and a surname.
        let after_article = i > doc.sentence_start(i) && doc.flags[i - 1] & NOUN_MARKER != 0;
        if doc.flags[i] & FIRST_NAME != 0
            && !after_article
            && doc.flags[i] & STOPWORD == 0
            && !doc.region[i]
            && (i == 0 || doc.flags[i - 1] & FIRST_NAME == 0 || !doc.cap_word(i - 1))
        {
            if let Some(last) = person_name(doc, lex, i, true) {
                if last > i && doc.flags[i] & FAMILY_NAME == 0 && !not_person_name(doc, lex, last) {
                    push_rule(
                        cands,
                        doc,
                        (i, last),
                        EntityType::Person,
                        P_PER_FIRST,
                        "person",
                        "rule:person_first_name",
                    );
                    continue;
                }
            }
        }
        // East Asian names: family name first ("Kim Min-jun", "Wang Xiaoming", "Yoon Sang
        // Jick") or last ("Minjun Kim").
        if doc.flags[i] & FAMILY_NAME != 0 && i + 1 < doc.sentence_end(i) && doc.adjacent(i) {
            let mut last = i;
            for k in i + 1..(i + 3).min(doc.sentence_end(i)) {
                if !doc.adjacent(k - 1)
                    || !name_word(doc, lex, k)
                    || doc.region[k]
                    || !(romanised(rec, doc.t(k)) || doc.flags[k] & FIRST_NAME != 0)
                {
                    break;
                }
                last = k;
            }
            if last > i {
                push_rule(
                    cands,
                    doc,
                    (i, last),
                    EntityType::Person,
                    P_PER_EAST_ASIAN,
                    "person",
                    "rule:person_east_asian",
                );
                continue;
            }
        }
        if i + 1 < doc.sentence_end(i)
            && doc.adjacent(i)
            && doc.flags[i + 1] & FAMILY_NAME != 0
            && name_word(doc, lex, i)
            && !doc.region[i]
            && doc.org_head[i].is_none()
            && romanised(rec, doc.t(i))
            && !facility_after_name_or_article(doc, lex, i)
        {
            push_rule(
                cands,
                doc,
                (i, i + 1),
                EntityType::Person,
                P_PER_EAST_ASIAN,
                "person",
                "rule:person_east_asian",
            );
        }
    }
}

/// A named sub-unit of an organisation is one organisation with it: "Regionaldirektion
/// Nord der Bundesagentur für Arbeit", "Außenstelle Leipzig des Bundesamtes für …" (a unit
/// word from `resources/entities/cues.tsv`, kind `unit`, one to three name words, `der` or
/// `des`, then an organisation found before). Without a name the unit is a description
/// and stays outside (GUIDELINES, ORG).
#[inline(never)]
fn named_units(doc: &Doc, lex: &Lexicon, cands: &mut Vec<Candidate>) {
    let unit = |k: usize| {
        doc.kind(k) == TokenKind::Word
            && doc.flags[k] & UPPER != 0
            && lex
                .cues
                .unit
                .iter()
                .any(|e| doc.folded[doc.tokens[k].start..doc.tokens[k].end].ends_with(e))
    };
    let mut found = Vec::new();
    for (c, k) in organisations_by_first_token(doc, cands) {
        let s_start = doc.sentence_start(k);
        if k < s_start + 3 || !matches!(doc.t(k - 1), "der" | "des") || !doc.adjacent(k - 1) {
            continue;
        }
        let mut m = k - 2;
        while m > s_start
            && k - 1 - m <= 3
            && doc.adjacent(m)
            && name_word(doc, lex, m)
            && !unit(m)
            && doc.org_head[m].is_none()
            && role_kind(doc, lex, m).is_none()
        {
            m -= 1;
        }
        if m + 2 < k && doc.adjacent(m) && unit(m) {
            let subtype = c.rule_subtype();
            found.push((m, doc.token_containing(c.end - 1).unwrap_or(k), subtype));
        }
    }
    push_organisations(cands, doc, found, P_ORG_HEAD, "rule:org_named_unit");
}

/// "Amt der Oberwalder Landesregierung": a head word that alone takes only a `für` complement
/// ("Amt", "Zentrum"), before a government in the genitive, is the official name of that
/// government's office: one organisation, the outer span (GUIDELINES, ORG).
#[inline(never)]
fn government_offices(doc: &Doc, lex: &Lexicon, cands: &mut Vec<Candidate>) {
    let mut found = Vec::new();
    for (c, k) in organisations_by_first_token(doc, cands) {
        if c.rule_subtype() != "government"
            || k < doc.sentence_start(k) + 2
            || !matches!(doc.t(k - 1), "der" | "des")
            || !doc.adjacent(k - 1)
            || !doc.adjacent(k - 2)
        {
            continue;
        }
        let h = k - 2;
        let Some(head) = doc.org_head[h] else {
            continue;
        };
        let folded = &doc.folded[doc.tokens[h].start..doc.tokens[h].end];
        if !lex.org_heads[head as usize].bare_fuer
            || !is_upper_initial(doc.t(h))
            || !head_is_whole(lex, folded)
        {
            continue;
        }
        found.push((h, doc.token_containing(c.end - 1).unwrap_or(k)));
    }
    for (first, last) in found {
        push_rule(
            cands,
            doc,
            (first, last),
            EntityType::Organisation,
            P_ORG_HEAD,
            "government",
            "rule:org_government_office",
        );
    }
}

/// A chamber with a bilateral modifier ("Deutsch-Thailändische Handelskammer", "Deutsch-
/// Japanische Industrie- und Handelskammer"): a hyphenated adjective among the modifiers
/// from `left` to the head `i`.
fn bilateral_chamber(doc: &Doc, lex: &Lexicon, subtype: &str, left: usize, i: usize) -> bool {
    subtype == "chamber"
        && (left..i).any(|k| {
            let t = doc.t(k);
            modifier(doc, lex, k)
                && t.find('-')
                    .is_some_and(|at| t[at + 1..].starts_with(char::is_uppercase))
        })
}

/// An organisation that ends in a name (its seat) and a second seat after a slash takes
/// both: "Hochschule Emden/Leer", "IHK Lahn-Dill/Limburg" (no blanks around the slash).
#[inline(never)]
fn slash_seats(doc: &Doc, lex: &Lexicon, cands: &mut [Candidate]) {
    let n = doc.tokens.len();
    for c in cands.iter_mut() {
        if c.entity_type != EntityType::Organisation {
            continue;
        }
        let Some(r) = doc.token_containing(c.end - 1) else {
            continue;
        };
        if r + 2 >= n
            || doc.tokens[r].end != c.end
            || doc.t(r + 1) != "/"
            || doc.tokens[r + 1].start != c.end
            || doc.tokens[r + 2].start != doc.tokens[r + 1].end
            || r + 2 >= doc.sentence_end(r)
            || !(name_word(doc, lex, r) && has_lowercase(doc.t(r)) && doc.org_head[r].is_none())
        {
            continue;
        }
        let k = r + 2;
        if doc.kind(k) == TokenKind::Word
            && name_word(doc, lex, k)
            && has_lowercase(doc.t(k))
            && doc.org_head[k].is_none()
            && role_kind(doc, lex, k).is_none()
            // A photo credit names a person there: "Foto: Senatskanzlei Oberwald/Anna Beispiel".
            && doc.flags[k] & FIRST_NAME == 0
            && !(k + 1 < n && doc.adjacent(k) && doc.cap_word(k + 1))
        {
            c.end = doc.tokens[k].end;
        }
    }
}

/// A short name joined by a dash to the organisation's full or descriptive name is one
/// name: "das Technion – Israel Institute of Technology", "die Standortagentur Oberwald
/// Invest – Wirtschaftsagentur GmbH". One to three capitalised words that are no stop words,
/// the last not ending like a German common noun, after an article or a describing noun, a
/// spaced dash, then an organisation of two words or more found before, not closed by a
/// second dash.
#[inline(never)]
fn dash_names(doc: &Doc, lex: &Lexicon, cands: &mut Vec<Candidate>) {
    let mut found = Vec::new();
    for (c, k) in organisations_by_first_token(doc, cands) {
        let s_start = doc.sentence_start(k);
        if k < s_start + 3
            || doc.tokens[k].end >= c.end
            || !matches!(doc.t(k - 1), "–" | "-")
            || !doc.adjacent(k - 1)
            || !doc.adjacent(k - 2)
            || doc.tokens[k - 2].end == doc.tokens[k - 1].start
        {
            continue;
        }
        let mut p = k - 2;
        loop {
            let t = doc.t(p);
            let word = doc.kind(p) == TokenKind::Word
                && (name_word(doc, lex, p) || acronym(t))
                && doc.org_head[p].is_none()
                && role_kind(doc, lex, p).is_none()
                && (p + 2 < k || !german_noun_like(t));
            if !word || k - 1 - p > 3 {
                p += 1;
                break;
            }
            if p == s_start || !doc.adjacent(p - 1) {
                break;
            }
            p -= 1;
        }
        if p > k - 2 || p == s_start {
            continue;
        }
        let before = p - 1;
        let folded = &doc.folded[doc.tokens[before].start..doc.tokens[before].end];
        let lead = doc.flags[before] & NOUN_MARKER != 0
            || (doc.flags[before] & UPPER != 0
                && lex
                    .cues
                    .descriptor
                    .iter()
                    .chain(&lex.cues.name_descriptor)
                    .any(|e| folded.ends_with(e)));
        let last = doc.token_containing(c.end - 1).unwrap_or(k);
        // A second dash closes an aside ("mit dem Vertrag – Beispiel AG zahlt – ist …").
        let aside = (last + 1..doc.sentence_end(k)).any(|m| matches!(doc.t(m), "–" | "—"));
        if lead && !aside {
            let subtype = c.rule_subtype();
            found.push((p, last, subtype));
        }
    }
    push_organisations(cands, doc, found, P_ORG_HEAD, "rule:org_dash_name");
}

/// A generated list's government named exactly like a listed district, state or city
/// ("Lahn-Dill-Kreis", ror) is the place: a place standing for its administration is a
/// place (GUIDELINES, LOC).
#[inline(never)]
fn places_before_administrations(rec: &EntityRecogniser, cands: &mut Vec<Candidate>) {
    let dict = rec.dictionary();
    let places: Vec<(usize, usize)> = cands
        .iter()
        .filter(|c| {
            c.entity_type == EntityType::Location
                && !c.needs_context
                && matches!(entry_subtype(rec, c), "district" | "state" | "city")
        })
        .map(|c| (c.start, c.end))
        .collect();
    if places.is_empty() {
        return;
    }
    cands.retain(|c| {
        let Payload::Entry(id) = c.payload else {
            return true;
        };
        if c.entity_type != EntityType::Organisation || !places.contains(&(c.start, c.end)) {
            return true;
        }
        let (list, entry) = dict.entry(id);
        !(list.name.starts_with("gazetteers/") && list.text(entry.subtype) == "government")
    });
}

/// A department or field named after a role ("Leiter Vertrieb", "Leiterin
/// Unternehmenskommunikation"): a capitalised word, no first name, ending in a listed
/// department (`resources/entities/cues.tsv`, kind `department`).
fn department(doc: &Doc, lex: &Lexicon, j: usize) -> bool {
    doc.kind(j) == TokenKind::Word
        && doc.flags[j] & UPPER != 0
        && doc.flags[j] & FIRST_NAME == 0
        && {
            let folded = &doc.folded[doc.tokens[j].start..doc.tokens[j].end];
            lex.cues.department.iter().any(|e| folded.ends_with(e))
        }
}

/// Persons whose first name no list holds, named with their role in an apposition:
/// "Amara Okonkwo, Geschäftsführerin der …", "Rahul Deshpande, stellvertretender Direktor
/// des …". Two or three name words that start a phrase (no article or capitalised word
/// before them), a comma, at most two lower-case words, then a role. Words of another
/// candidate (a listed place or organisation) are left alone.
#[inline(never)]
fn apposition_persons(doc: &Doc, lex: &Lexicon, cands: &mut Vec<Candidate>) {
    let word = |k: usize| {
        doc.kind(k) == TokenKind::Word
            && name_word(doc, lex, k)
            && has_lowercase(doc.t(k))
            && role_kind(doc, lex, k).is_none()
            && doc.org_head[k].is_none()
            && !doc.region[k]
    };
    let is_comma = |k: usize| {
        let token = doc.tokens[k];
        token.end == token.start + 1 && doc.text.as_bytes()[token.start] == b','
    };
    let mut found = Vec::new();
    // From the roles (rare) back to the comma: at most two lower-case words between. A
    // role has the bits of role words and suffixes: blocks without one are skipped.
    for r in doc.with(UPPER | ROLE_LIKE, 3) {
        if role_kind(doc, lex, r) != Some(RoleKind::Role) {
            continue;
        }
        let Some(c) = (r.saturating_sub(3)..r)
            .rev()
            .take_while(|&k| is_comma(k) || doc.t(k).starts_with(char::is_lowercase))
            .find(|&k| is_comma(k))
        else {
            continue;
        };
        if c < 2 || doc.sentence_start(r) > c - 2 {
            continue;
        }
        let last = c - 1;
        if !doc.adjacent(last) || !word(last) {
            continue;
        }
        let s_start = doc.sentence_start(c);
        let mut first = last;
        while first > s_start && last - first < 2 && doc.adjacent(first - 1) && word(first - 1) {
            first -= 1;
        }
        if first == last {
            continue;
        }
        // The phrase starts here: no article, no capitalised word before the name.
        if first > s_start
            && (doc.flags[first - 1] & NOUN_MARKER != 0
                || (doc.cap_word(first - 1) && !doc.stop(first - 1)))
        {
            continue;
        }
        let (start, end) = (doc.tokens[first].start, doc.tokens[last].end);
        if cands
            .iter()
            .any(|x| x.entity_type != EntityType::Person && x.start < end && start < x.end)
        {
            continue;
        }
        found.push((first, last));
    }
    for span in found {
        push_rule(
            cands,
            doc,
            span,
            EntityType::Person,
            P_PER_FIRST,
            "person",
            "rule:person_apposition",
        );
    }
}

/// A capitalised adjective before an org head ("Technische", "Sächsisches", "Thüringer").
fn modifier(doc: &Doc, lex: &Lexicon, i: usize) -> bool {
    let t = doc.t(i);
    name_word(doc, lex, i)
        && ["e", "es", "er", "en", "em"].iter().any(|s| t.ends_with(s))
        && doc.org_head[i].is_none()
        && role_kind(doc, lex, i).is_none()
        // A unit noun ("Pressestelle Landratsamt Beispiel") is no adjective.
        && !(t.ends_with('e') && unit_noun(doc, lex, i))
}

/// Whether token `i` ends with a unit noun (`unit` in `cues.tsv`: "Geschäftsstelle").
fn unit_noun(doc: &Doc, lex: &Lexicon, i: usize) -> bool {
    folded_ends_in(doc, i, &lex.cues.unit)
}

/// Whether token `i` ends in a noun for a company's site or unit (`site` or `unit` in
/// cues.tsv): before the company in the genitive it is no part of the company's name.
fn site_or_unit(doc: &Doc, lex: &Lexicon, i: usize) -> bool {
    folded_ends_in(doc, i, &lex.cues.site) || unit_noun(doc, lex, i)
}

/// Whether token `i`, folded, ends in one of `endings`.
fn folded_ends_in(doc: &Doc, i: usize, endings: &[&str]) -> bool {
    let folded = &doc.folded[doc.tokens[i].start..doc.tokens[i].end];
    endings.iter().any(|e| folded.ends_with(e))
}

/// A lower-case adjective inside a complement ("für nukleare Sicherheit").
fn lower_adjective(t: &str) -> bool {
    t.chars().all(char::is_lowercase)
        && ["e", "es", "er", "en", "em"].iter().any(|s| t.ends_with(s))
        && t.chars().count() > 3
}

/// A list of nouns after "für": "Wirtschaft, Arbeit und Tourismus", "Bildung und Forschung",
/// "Angewandte Proben". Returns the last token of the list.
fn noun_list(doc: &Doc, lex: &Lexicon, start: usize) -> Option<usize> {
    let limit = doc.sentence_end(start);
    // One item: [lower adjective] Noun [Noun], or a truncation "Wirtschafts-" joined by und.
    let item = |k: usize| -> Option<usize> {
        let mut k = k;
        if k < limit && lower_adjective(doc.t(k)) && k + 1 < limit {
            // "für vier Tage", "für mehrere Jahre": a stretch of time, no field.
            if lex.cues.quantifier.contains(doc.t(k)) {
                return None;
            }
            k += 1;
        }
        if k >= limit {
            return None;
        }
        if doc.kind(k) == TokenKind::Truncation {
            return Some(k);
        }
        if !name_word(doc, lex, k) {
            return None;
        }
        // "Angewandte Proben": a capitalised adjective followed by its noun.
        if modifier(doc, lex, k) && k + 1 < limit && name_word(doc, lex, k + 1) && doc.adjacent(k) {
            return Some(k + 1);
        }
        Some(k)
    };
    let mut last = item(start)?;
    let mut committed = if doc.kind(last) == TokenKind::Truncation {
        None
    } else {
        Some(last)
    };
    let mut saw_comma = false;
    loop {
        let k = last + 1;
        if k + 1 >= limit {
            break;
        }
        match doc.t(k) {
            "," => {
                let Some(next) = item(k + 1) else { break };
                saw_comma = true;
                last = next;
            }
            "und" | "sowie" | "&" | "oder" => {
                let Some(next) = item(k + 1) else { break };
                last = next;
                if doc.kind(last) != TokenKind::Truncation {
                    committed = Some(last);
                    saw_comma = false;
                }
            }
            _ => break,
        }
    }
    // A comma list must end with "und …"; otherwise the name ends before the first comma.
    if saw_comma {
        return committed;
    }
    committed
}

#[inline(never)]
fn org_rules(doc: &Doc, lex: &Lexicon, before: &[Candidate], cands: &mut Vec<Candidate>) {
    let n = doc.tokens.len();
    // Regions by token start: a gazetteer region (or organisation name) after a head.
    let mut place_end: crate::gazetteer::FastMap<usize, usize> =
        crate::gazetteer::FastMap::with_capacity_and_hasher(
            places_among(before),
            Default::default(),
        );
    for c in before {
        if c.entity_type == EntityType::Location {
            let end = place_end.entry(c.start).or_insert(c.end);
            *end = (*end).max(c.end);
        }
    }
    // The region may carry a genitive ending ("des Saarlandes").
    let region_end = |k: usize| -> Option<usize> {
        let start = doc.tokens[k].start;
        place_end.get(&start).copied().and_then(|end| {
            (k..n)
                .take_while(|&m| doc.tokens[m].start < end)
                .last()
                .filter(|&m| {
                    let extra = &doc.text[end.min(doc.tokens[m].end)..doc.tokens[m].end];
                    matches!(extra, "" | "s" | "es")
                })
        })
    };
    // An organisation acronym with its place: "IHK Leipzig", "IHK für Rheinhessen".
    let mut known: Vec<(usize, usize)> = cands
        .iter()
        .filter(|c| c.entity_type == EntityType::Organisation)
        .map(|c| (c.start, c.end))
        .collect();
    // Acronyms the document defines in brackets ("… mbH (XYZ)"), wherever they stand.
    defined_acronym_uses(doc, &mut known);
    for (start, end) in known {
        let Some(i) = doc.token_starting_at(start) else {
            continue;
        };
        let t = doc.t(i);
        let acronym = doc.tokens[i].end == end
            && t.chars().count() >= 2
            && t.chars().all(|ch| ch.is_uppercase());
        if !acronym || !doc.adjacent(i) || i + 1 >= doc.sentence_end(i) {
            continue;
        }
        let k = i + 1;
        let end = if doc.t(k) == "für" && k + 1 < doc.sentence_end(i) && doc.adjacent(k) {
            // "IHK für Rheinhessen": after "für" an unlisted name is the district too.
            region_end(k + 1).or_else(|| {
                (name_word(doc, lex, k + 1)
                    && has_lowercase(doc.t(k + 1))
                    && doc.org_head[k + 1].is_none()
                    && role_kind(doc, lex, k + 1).is_none())
                .then_some(k + 1)
            })
        } else {
            modified_place(doc, lex, k, &region_end).or_else(|| region_end(k))
        };
        // "IHK Ostwestfalen zu Bielefeld": the seat after "zu".
        let end = end.map(|end| {
            let limit = doc.sentence_end(i);
            (end + 2 < limit
                && doc.t(end + 1) == "zu"
                && doc.adjacent(end)
                && doc.adjacent(end + 1))
            .then(|| region_end(end + 2))
            .flatten()
            .unwrap_or(end)
        });
        // "IHK Beispielstadt für Beispielland": the district the chamber serves.
        let end = end.map(|end| chamber_district(doc, end, &region_end).unwrap_or(end));
        if let Some(end) = end {
            push_rule(
                cands,
                doc,
                (i, end),
                EntityType::Organisation,
                P_ORG_HEAD,
                "other",
                "rule:org_acronym_place",
            );
        }
    }
    for i in doc.with(ORG_HEAD, 0) {
        let Some(head_index) = doc.org_head[i] else {
            continue;
        };
        let head = &lex.org_heads[head_index as usize];
        let t = doc.t(i);
        if !is_upper_initial(t) {
            continue;
        }
        let s_start = doc.sentence_start(i);
        let limit = doc.sentence_end(i);
        if head.word {
            english_org(doc, lex, i, head.subtype, cands);
            continue;
        }
        if english_name_before(doc, lex, i) {
            english_org(doc, lex, i, head.subtype, cands);
        }
        let camel = t
            .char_indices()
            .skip(1)
            .any(|(at, c)| c.is_uppercase() && t[..at].ends_with(char::is_lowercase));
        let folded_token = &doc.folded[doc.tokens[i].start..doc.tokens[i].end];
        // The head is the whole word, possibly with a genitive ending ("Ministeriums").
        let bare_word = !camel
            && [
                Some(folded_token),
                folded_token.strip_suffix('s'),
                folded_token.strip_suffix("es"),
            ]
            .into_iter()
            .flatten()
            .any(|stem| head_is_whole(lex, stem));
        // Modifiers to the left.
        let mut left = i;
        while left > s_start
            && i - left < 3
            && doc.adjacent(left - 1)
            && modifier(doc, lex, left - 1)
        {
            left -= 1;
        }
        left = person_named_left(doc, lex, left, i, s_start);
        // Coordinated truncations: "Industrie- und Handelskammer", "Wirtschafts- und
        // Sozialministerium", with their own modifiers ("Deutsche Industrie- und …").
        let before_trunc = left;
        left = truncations_left(doc, left, s_start);
        if left < before_trunc {
            while left > s_start
                && before_trunc - left < 8
                && doc.adjacent(left - 1)
                && modifier(doc, lex, left - 1)
            {
                left -= 1;
            }
        }
        // A hyphen compound with a capitalised name before the head ("Fudan-Universität",
        // "Kunststoff-Cluster"): the head after the last hyphen is the whole head word.
        let hyphen_name = !camel
            && folded_token.rsplit_once('-').is_some_and(|(first, last)| {
                !first.is_empty()
                    && [Some(last), last.strip_suffix('s'), last.strip_suffix("es")]
                        .into_iter()
                        .flatten()
                        .any(|stem| head_is_whole(lex, stem))
            });
        let has_mod = left < i || camel || hyphen_name;
        let fuer_next = head.bare_fuer && i + 1 < limit && doc.t(i + 1) == "für";
        let fields_next = || head.bare_fuer && fields_then_region(doc, lex, i + 1, limit).is_some();
        if bare_word && !head.bare && !has_mod && !fuer_next && !fields_next() {
            continue;
        }
        // "ein gemeinsames Zentrum für Klimaforschung": after an indefinite article the bare
        // head word is a description, not a name.
        if bare_word && !has_mod && indefinite_before(doc, left, s_start) {
            continue;
        }
        let abroad = head.subtype == "chamber"
            || ["botschaft", "konsulat"]
                .iter()
                .any(|h| folded_token.ends_with(h));
        // Complements to the right.
        let mut right = i;
        let mut has_comp = false;
        let mut subunit = false;
        loop {
            let k = right + 1;
            if k >= limit || !doc.adjacent(right) {
                break;
            }
            match doc.t(k) {
                "für" => {
                    if k + 1 < limit {
                        if let Some(end) = noun_list(doc, lex, k + 1) {
                            right = end;
                            has_comp = true;
                            continue;
                        }
                        if let Some(end) = article_place(doc, k + 1, limit, &region_end) {
                            right = end;
                            has_comp = true;
                        }
                    }
                    break;
                }
                "des" | "der" => {
                    let mut m = k + 1;
                    if m + 1 < limit && modifier(doc, lex, m) && name_word(doc, lex, m + 1) {
                        m += 1;
                    }
                    if m >= limit || !name_word(doc, lex, m) {
                        break;
                    }
                    // "Institut für Physik der Universität Oberwald": a unit described by
                    // its field is no name; the university is (GUIDELINES, ORG).
                    if bare_word && !has_mod && has_comp && university_head(doc, lex, m) {
                        subunit = true;
                        break;
                    }
                    if let Some(end) = (m + 1 < limit && doc.adjacent(m))
                        .then(|| region_end(m + 1))
                        .flatten()
                    {
                        right = end;
                        has_comp = true;
                        continue;
                    }
                    if let Some(end) = region_end(m) {
                        right = end;
                        has_comp = true;
                        continue;
                    }
                    // "Wirtschaftsförderung des Landkreises": an administrative noun with
                    // no name after it describes, it names nothing.
                    if doc.flags[m] & REGION_HEAD != 0 {
                        break;
                    }
                    if !bare_word || has_mod || genitive_region_follows(doc, lex, m, limit) {
                        right = m;
                        has_comp = true;
                        continue;
                    }
                    // "Akademie der Wissenschaften zu X": a name must follow.
                    if m + 2 < limit && doc.t(m + 1) == "zu" {
                        if let Some(end) = region_end(m + 2) {
                            right = end;
                            has_comp = true;
                            continue;
                        }
                    }
                    break;
                }
                "zu" => {
                    if let Some(end) = (k + 1 < limit).then(|| region_end(k + 1)).flatten() {
                        right = end;
                        has_comp = true;
                        continue;
                    }
                    break;
                }
                // Chambers abroad and embassies name their seat: "Deutsche Industrie- und
                // Handelskammer in Vietnam", "Botschaft der Republik Korea in Berlin".
                // A bilateral chamber names both countries; "in" then gives its seat only:
                // "[Deutsch-Thailändische Handelskammer] in [Bangkok]".
                "in" if abroad && !bilateral_chamber(doc, lex, head.subtype, left, i) => {
                    if let Some(end) = (k + 1 < limit).then(|| region_end(k + 1)).flatten() {
                        right = end;
                    }
                    break;
                }
                _ => {
                    // "Departement Bau und Umwelt des Kantons Beispiel": a list of fields
                    // right after the head, then the region it serves.
                    let fields = (right == i && bare_word && (head.bare || head.bare_fuer))
                        .then(|| fields_then_region(doc, lex, k, limit))
                        .flatten();
                    if let Some(end) = fields {
                        right = end;
                        has_comp = true;
                        continue;
                    }
                    if right == i && head.subtype == "chamber" {
                        if let Some(end) = hyphenated_places(doc, &place_end, k) {
                            // "Handwerkskammer Niederbayern-Oberpfalz": a chamber serving
                            // two regions names both; "Handwerkskammer Frankfurt-Rhein-Main":
                            // its seat and the region around it.
                            right = end;
                            has_comp = true;
                            break;
                        }
                    }
                    if let Some(end) = region_end(k) {
                        // "Investitionsagentur Karnataka Udyog Mitra": the place starts a name
                        // of its own after a describing noun.
                        let more = end + 1 < limit
                            && doc.adjacent(end)
                            && name_word(doc, lex, end + 1)
                            && doc.org_head[end + 1].is_none()
                            && role_kind(doc, lex, end + 1).is_none()
                            && doc.flags[end + 1] & LEGAL_FIRST == 0;
                        // "die größte Hochschule Ecuadors", "die Wirtschaftskammer
                        // Sloweniens": a head with no modifier before a place in the genitive
                        // describes it, unless the name in the partner's language or an
                        // acronym follows in brackets ("die Entwicklungsagentur Serbiens (RAS)").
                        let described = !has_mod
                            && doc.genitive_places.contains(&doc.tokens[k].start)
                            && !(end + 1 < limit && doc.t(end + 1) == "(");
                        if !more && !described {
                            right = end;
                            has_comp = true;
                        }
                    } else if right == i
                        && bare_word
                        && head.subtype == "university"
                        && !(i > s_start && lower_adjective(doc.t(i - 1)))
                        && own_name_after_head(doc, lex, k)
                    {
                        // "Universität Westhaven": a name no list holds (after other heads
                        // too often a common noun: "hat die Stiftung Geld").
                        right = k;
                        has_comp = true;
                    }
                    break;
                }
            }
        }
        if subunit || (!has_mod && !has_comp) {
            continue;
        }
        // "die Bündner Regierung", "der Kärntner Landesregierung": a government named by
        // a demonym alone is described, like "die Landesregierung" (GUIDELINES, ORG);
        // "Bayerische Staatsregierung" (a declined adjective) is its title.
        // In the genitive after another head it names that one: "Amt der Kärntner
        // Landesregierung".
        let genitive_of_head = left >= s_start + 2
            && matches!(doc.t(left - 1), "der" | "des")
            && doc.org_head[left - 2].is_some();
        // A state chancellery is an office of that name: "Thüringer Staatskanzlei".
        let office = folded_token.ends_with("kanzlei");
        if head.subtype == "government"
            && !has_comp
            && !office
            && left + 1 == i
            && !genitive_of_head
            && demonym(doc, lex, left)
        {
            continue;
        }
        if head.subtype == "chamber" && right > i {
            right = chamber_district(doc, right, &region_end).unwrap_or(right);
        }
        // "Fraunhofer-Institut für Produktionstechnik und Automatisierung IPA": an acronym of
        // the name's initials closes it.
        if right + 1 < limit && doc.adjacent(right) && initials_acronym(doc, left, right, right + 1)
        {
            right += 1;
        }
        // A company's site with the company in the genitive, cut before its legal form: the
        // company is the name ("das Logistikzentrum der [Beispiel Cargo GmbH]", found by the
        // legal form rule).
        let site_of_company = i + 1 < right
            && matches!(doc.t(i + 1), "der" | "des")
            && site_or_unit(doc, lex, i)
            && {
                // The company's name may go on past the complement: "der Beispiel Cargo GmbH".
                let mut k = right + 1;
                while k < limit
                    && k - right <= 4
                    && doc.adjacent(k - 1)
                    && doc.cap_word(k)
                    && doc.flags[k] & LEGAL_FIRST == 0
                {
                    k += 1;
                }
                k < limit && doc.adjacent(k - 1) && doc.flags[k] & LEGAL_FIRST != 0
            };
        if site_of_company {
            continue;
        }
        push_rule(
            cands,
            doc,
            (left, right),
            EntityType::Organisation,
            P_ORG_HEAD,
            head.subtype,
            "rule:org_head",
        );
    }
    let place_starts: crate::gazetteer::FastSet<usize> = place_end.keys().copied().collect();
    legal_form_rule(doc, lex, &place_starts, cands);
    place_agencies(doc, lex, before, cands);
    legal_name_short_forms(doc, lex, cands);
    dotted_names(doc, cands);
    club_names(doc, lex, cands);
    foreign_orgs(doc, lex, cands);
    acronym_dash_names(doc, cands);
    acronym_role_compounds(doc, lex, cands);
    acronym_definitions(doc, lex, &place_starts, cands);
    described_names(doc, lex, cands);
    acronyms_after_articles(doc, lex, cands);
    university_kind_before_name(doc, lex, cands);
}

/// "TU Bergakademie Freiberg": the abbreviated kind of a university right before a found
/// organisation's name is part of the name.
/// A listed name keeps its entry, and so its canonical name and id.
fn university_kind_before_name(doc: &Doc, lex: &Lexicon, cands: &mut Vec<Candidate>) {
    let mut extended: Vec<Candidate> = Vec::new();
    for c in cands.iter() {
        if c.entity_type != EntityType::Organisation {
            continue;
        }
        let Some(k) = doc.token_starting_at(c.start) else {
            continue;
        };
        if k == 0 || k == doc.sentence_start(k) || !doc.adjacent(k - 1) {
            continue;
        }
        let kind = doc.t(k - 1);
        if !lex
            .cues
            .university_kind
            .iter()
            .any(|&(short, _)| short == kind)
        {
            continue;
        }
        // A listed name that starts with the abbreviation already ("FH Technikum Wien").
        let start = doc.tokens[k - 1].start;
        if cands.iter().any(|o| {
            o.entity_type == EntityType::Organisation && o.start == start && o.end >= c.end
        }) {
            continue;
        }
        let payload = match c.payload {
            Payload::Entry(id) => Payload::Entry(id),
            _ => Payload::Rule {
                subtype: "university",
                rule: "rule:org_university_kind",
            },
        };
        extended.push(Candidate {
            start: doc.tokens[k - 1].start,
            end: c.end,
            entity_type: EntityType::Organisation,
            priority: c.priority.max(P_ORG_HEAD),
            weight: c.weight,
            needs_context: false,
            needs_definition: false,
            payload,
        });
    }
    cands.append(&mut extended);
}

/// The economic development and trade agencies named by their place and an English word
/// (`agency_after_place`, `agency_before_place` in cues.tsv): "[Beispielland International]",
/// "[Beispielstadt Invest]", "[Business Beispielland]", "[Invest in Beispielland]". The
/// longer span wins over the place in it. A capitalised word after the name continues some
/// other name ("Beispielland International Expo" is an event) and a capitalised word before
/// it leads one ("Beispiel Business Beispielland").
#[inline(never)]
fn place_agencies(doc: &Doc, lex: &Lexicon, places: &[Candidate], cands: &mut Vec<Candidate>) {
    let cues = &lex.cues;
    let n = doc.tokens.len();
    let free_after = |k: usize| k >= n || !doc.cap_word(k) || doc.stop(k) || !doc.adjacent(k - 1);
    let free_before = |k: usize| {
        k == doc.sentence_start(k)
            || !doc.cap_word(k - 1)
            || doc.stop(k - 1)
            || !doc.adjacent(k - 1)
    };
    for place in places {
        // A country or state also by a name that needs context ("Bavaria", an English
        // alias: the agency word is that context); not a town named like a word ("Business
        // Day", "Going International").
        let major =
            place.priority == P_LOC_MAJOR || place.priority == P_LOC_MAJOR + HAND_MADE_BONUS;
        if place.entity_type != EntityType::Location || place.needs_context && !major {
            continue;
        }
        // A place in the genitive is described ("die Innovation Sachsens"), no agency's name.
        if doc.genitive_places.contains(&place.start) {
            continue;
        }
        let Some(first) = doc.token_starting_at(place.start) else {
            continue;
        };
        let Some(last) = (first..n).find(|&k| doc.tokens[k].end >= place.end) else {
            continue;
        };
        if doc.tokens[last].end != place.end {
            continue;
        }
        let s_end = doc.sentence_end(first);
        if last + 1 < s_end
            && doc.adjacent(last)
            && cues.agency_after_place.contains(doc.t(last + 1))
            && free_before(first)
            && free_after(last + 2)
        {
            push_rule(
                cands,
                doc,
                (first, last + 1),
                EntityType::Organisation,
                P_ORG_LEGAL,
                "agency",
                "rule:org_place_agency",
            );
            continue;
        }
        // The token before the place, read once for all leads (none at a sentence start,
        // where no lead fits either).
        let s_start = doc.sentence_start(first);
        if first <= s_start {
            continue;
        }
        let before = doc.t(first - 1);
        for lead in &cues.agency_before_place_words {
            let words = lead.len();
            if first < s_start + words {
                continue;
            }
            let start = first - words;
            // The lead's last word, the token before the place, first: most leads end
            // with another word.
            let matches = lead.last() == Some(&before)
                && lead
                    .iter()
                    .enumerate()
                    .all(|(at, &word)| doc.t(start + at) == word && doc.adjacent(start + at));
            if matches && free_before(start) && free_after(last + 1) {
                push_rule(
                    cands,
                    doc,
                    (start, last),
                    EntityType::Organisation,
                    P_ORG_LEGAL,
                    "agency",
                    "rule:org_place_agency",
                );
                break;
            }
        }
    }
}

/// The last token of a place name that starts with the hyphen compound of capitalised words
/// at token `k` ("Niederbayern-Oberpfalz", "Frankfurt-Rhein-Main"), its last part possibly a
/// place of several words ("Osnabrück-Emsland-Grafschaft Bentheim").
fn hyphenated_places(
    doc: &Doc,
    place_end: &crate::gazetteer::FastMap<usize, usize>,
    k: usize,
) -> Option<usize> {
    let token = doc.tokens[k];
    let word = doc.t(k);
    let compound = word.contains('-')
        && doc.kind(k) == TokenKind::Word
        && word.split('-').all(is_upper_initial)
        && place_end
            .get(&token.start)
            .is_some_and(|&end| end < token.end);
    if !compound {
        return None;
    }
    let last_start = token.start + word.rfind('-')? + 1;
    match place_end.get(&last_start) {
        Some(&end) if end > token.end => (k..doc.sentence_end(k))
            .take_while(|&m| doc.tokens[m].start < end)
            .last()
            .filter(|&m| doc.tokens[m].end == end),
        _ => Some(k),
    }
}

/// Whether token `k` is an indeclinable demonym in -er ("Bündner", "Kärntner"), not an
/// adjective declined strong ("Bayerischer", "Großer").
fn demonym(doc: &Doc, lex: &Lexicon, k: usize) -> bool {
    let folded = &doc.folded[doc.tokens[k].start..doc.tokens[k].end];
    let Some(stem) = folded.strip_suffix("er") else {
        return false;
    };
    doc.cap_word(k)
        && !lex.cues.adjective_ending.iter().any(|e| {
            // "bayerischer" is "bayerisch" + "er": the weak form "bayerischen" is listed.
            e.strip_suffix("en")
                .is_some_and(|base| stem.ends_with(base))
        })
}

/// The district a chamber named with its seat serves, after "für": "IHK Beispielstadt [für
/// Beispielland]" (the place `end` ends, then "für" and a listed place).
fn chamber_district(
    doc: &Doc,
    end: usize,
    region_end: &dyn Fn(usize) -> Option<usize>,
) -> Option<usize> {
    (end + 2 < doc.sentence_end(end)
        && doc.t(end + 1) == "für"
        && doc.adjacent(end)
        && doc.adjacent(end + 1))
    .then(|| region_end(end + 2))
    .flatten()
}

/// Whether token `k` right after a bare head word is a name of its own ("Universität
/// Westhaven"): a capitalised word that is no place, head, role or
/// first name and does not end like a German common noun ("Universität Studenten").
fn own_name_after_head(doc: &Doc, lex: &Lexicon, k: usize) -> bool {
    doc.kind(k) == TokenKind::Word
        && name_word(doc, lex, k)
        && !doc.region[k]
        && doc.org_head[k].is_none()
        && role_kind(doc, lex, k).is_none()
        && doc.flags[k] & (FIRST_NAME | LEGAL_FIRST) == 0
        && !german_noun_like(doc.t(k))
        && doc.t(k).chars().count() > 3
}

/// The last token of a place after an article and an optional adjective: "das südliche
/// Afrika" in "Handelskammer für das südliche Afrika", "den Nahen Osten".
fn article_place(
    doc: &Doc,
    k: usize,
    limit: usize,
    region_end: &dyn Fn(usize) -> Option<usize>,
) -> Option<usize> {
    if !matches!(doc.t(k), "das" | "die" | "den") || !doc.adjacent(k) {
        return None;
    }
    let mut m = k + 1;
    if m >= limit {
        return None;
    }
    if let Some(end) = region_end(m) {
        return Some(end);
    }
    if !lower_adjective(doc.t(m)) || m + 1 >= limit || !doc.adjacent(m) {
        return None;
    }
    m += 1;
    region_end(m)
}

/// The last token of a place with a compass word or an adjective before it, after an
/// acronym: "Nord Westfalen", "Mittlerer Niederrhein" in "IHK Mittlerer Niederrhein".
fn modified_place(
    doc: &Doc,
    lex: &Lexicon,
    k: usize,
    region_end: &dyn Fn(usize) -> Option<usize>,
) -> Option<usize> {
    if k + 1 >= doc.sentence_end(k) || !doc.adjacent(k) {
        return None;
    }
    let t = doc.t(k);
    let compass = lex.cues.compass.contains(&t);
    if !compass && !modifier(doc, lex, k) {
        return None;
    }
    region_end(k + 1)
}

/// The byte spans of every use of an acronym the document defines in brackets ("(XYZ)"):
/// such an acronym followed by a place names the organisation with its place ("XYZ
/// Sachsen-Anhalt").
fn defined_acronym_uses(doc: &Doc, out: &mut Vec<(usize, usize)>) {
    let bytes = doc.text.as_bytes();
    let n = doc.tokens.len();
    let mut defined: Vec<&str> = Vec::new();
    for at in memchr::memchr_iter(b'(', bytes) {
        let Some(p) = doc.token_starting_at(at) else {
            continue;
        };
        if p + 2 >= n || doc.t(p + 2) != ")" {
            continue;
        }
        let acr = doc.t(p + 1);
        if acronym(acr) && acr.chars().all(char::is_alphabetic) && !defined.contains(&acr) {
            defined.push(acr);
        }
    }
    if defined.is_empty() {
        return;
    }
    for k in doc.with(ACRONYM_START, 0) {
        let token = &doc.tokens[k];
        if doc.flags[k] & ACRONYM_START != 0 && defined.contains(&doc.t(k)) {
            out.push((token.start, token.end));
        }
    }
}

/// The last token of a list of fields coordinated with "und" right after a head, when a
/// genitive region follows: "Bau und Umwelt" in "Departement Bau und Umwelt des Kantons X".
fn fields_then_region(doc: &Doc, lex: &Lexicon, k: usize, limit: usize) -> Option<usize> {
    if k >= limit {
        return None;
    }
    noun_list(doc, lex, k).filter(|&end| {
        end > k + 1
            && (k..end).any(|m| matches!(doc.t(m), "und" | "sowie"))
            && genitive_region_follows(doc, lex, end, limit)
    })
}

/// Whether token `m` ends with a university head noun ("Universität", "Hochschule").
fn university_head(doc: &Doc, lex: &Lexicon, m: usize) -> bool {
    doc.org_head[m].is_some_and(|h| lex.org_heads[h as usize].subtype == "university")
}

/// An acronym: two to six capitals (digits allowed after the first).
fn acronym(t: &str) -> bool {
    let n = t.chars().count();
    (2..=6).contains(&n)
        && t.starts_with(|c: char| c.is_uppercase())
        && t.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Whether token `k` is an acronym whose letters are initials, in order, of the capitalised
/// words and hyphen parts of tokens `left..=right`. The last word may give up to two more
/// letters from inside a compound: "Institut für Windenergiesysteme IWES", "Photonische
/// Mikrosysteme IPMS".
fn initials_acronym(doc: &Doc, left: usize, right: usize, k: usize) -> bool {
    let acr = doc.t(k);
    if !acronym(acr) || !acr.chars().all(|c| c.is_alphabetic()) {
        return false;
    }
    let mut letters = acr.chars().peekable();
    // The rest of the part whose initial was the last one matched, if it is the span's last.
    let mut last_rest: Option<&str> = None;
    for m in left..=right {
        for part in doc.t(m).split('-') {
            let Some(first) = part.chars().next() else {
                continue;
            };
            if first.is_uppercase() {
                if letters.peek() == Some(&first) {
                    letters.next();
                    last_rest = Some(&part[first.len_utf8()..]);
                } else {
                    last_rest = None;
                }
            }
        }
    }
    let rest: Vec<char> = letters.collect();
    if rest.is_empty() {
        return true;
    }
    // The leftover capitals, in order, inside the last word ("indenergie[s]ysteme").
    rest.len() <= 2
        && last_rest.is_some_and(|word| {
            let mut inner = word.chars().flat_map(char::to_uppercase);
            rest.iter().all(|&c| inner.any(|w| w == c))
        })
}

/// Whether `t` is two or more capitals each followed by a full stop: "U.S.", "U.K.".
fn dotted_initials(t: &str) -> bool {
    let bytes = t.as_bytes();
    bytes.len() >= 4
        && bytes.len() % 2 == 0
        && bytes
            .chunks(2)
            .all(|pair| pair[0].is_ascii_uppercase() && pair[1] == b'.')
}

/// "EWG – Essener Wirtschaftsförderungsgesellschaft mbH": an acronym, a dash and the full
/// name form one name.
#[inline(never)]
fn acronym_dash_names(doc: &Doc, cands: &mut Vec<Candidate>) {
    let mut found = Vec::new();
    for (c, s) in organisations_by_first_token(doc, cands) {
        if s < 2
            || !matches!(doc.t(s - 1), "–" | "-" | "—")
            || !acronym(doc.t(s - 2))
            || !doc.adjacent(s - 2)
            || !doc.adjacent(s - 1)
            || doc.sentence_start(s) > s - 2
        {
            continue;
        }
        let Some(last) = (s..doc.tokens.len()).find(|&k| doc.tokens[k].end == c.end) else {
            continue;
        };
        let subtype = c.rule_subtype();
        found.push((s - 2, last, subtype));
    }
    push_organisations(cands, doc, found, P_ORG_LEGAL, "rule:org_acronym_name");
}

/// French, Portuguese, Spanish, Italian, Dutch and Polish names: "Ministère de l'Économie et de
/// l'Innovation du Québec", "Conseil régional du Grand Est", "Giunta regionale dell'Emilia-Romagna",
/// "Zachodnia Izba Przemysłowo-Handlowa". The head, then names, elided words ("l'Économie"), function words
/// and lower-case words after the head or a function word; adjectives before a Polish head.
#[inline(never)]
fn foreign_orgs(doc: &Doc, lex: &Lexicon, cands: &mut Vec<Candidate>) {
    let cues = &lex.cues;
    for i in doc.with(FOREIGN_HEAD, 0) {
        if doc.flags[i] & FOREIGN_HEAD == 0 {
            continue;
        }
        let limit = doc.sentence_end(i);
        let s_start = doc.sentence_start(i);
        let elided = |t: &str| {
            [
                "l'", "d'", "L'", "D'", "l’", "d’", "dell'", "dell’", "all'", "all’", "nell'",
                "nell’", "sull'", "sull’",
            ]
            .iter()
            .any(|p| t.len() > p.len() + 1 && t.starts_with(p))
        };
        let mut k = i + 1;
        // The head itself may take a lower-case word. The name ends in a name or an elided
        // word: a lower-case word at its end is the German sentence going on ("die Giunta
        // tagte").
        let mut after_link = true;
        let mut named = i;
        while k < limit && k - i <= 12 && doc.adjacent(k - 1) && doc.kind(k) == TokenKind::Word {
            let t = doc.t(k);
            if cues.foreign_link.contains(t) {
                after_link = true;
            } else if elided(t) || (doc.cap_word(k) && !doc.stop(k)) {
                named = k;
                after_link = false;
            } else if after_link && t.starts_with(char::is_lowercase) && t.chars().count() > 2 {
                after_link = false;
            } else {
                break;
            }
            k += 1;
        }
        let right = named;
        // Adjectives before the head ("Zachodnia Izba"), Polish or Romance: capitalised,
        // not a German word we know.
        let mut left = i;
        while left > s_start
            && i - left < 2
            && doc.adjacent(left - 1)
            && name_word(doc, lex, left - 1)
            && doc.t(left - 1).ends_with(['a', 'e', 'y', 'i'])
            && !doc.region[left - 1]
            && role_kind(doc, lex, left - 1).is_none()
            && doc.org_head[left - 1].is_none()
            && doc.flags[left - 1] & FIRST_NAME == 0
        {
            left -= 1;
        }
        if right == i {
            continue;
        }
        push_rule(
            cands,
            doc,
            (left, right),
            EntityType::Organisation,
            P_ORG_HEAD,
            "other",
            "rule:org_foreign",
        );
    }
}

/// Whether a folded word ends in a noun that describes, not names, an organisation
/// (`descriptor` in cues.tsv: "Softwareanbieter", "Lagertechnik-Firma").
fn describing_noun(lex: &Lexicon, folded: &str) -> bool {
    lex.cues.descriptor_tails.may_match(folded)
        && lex.cues.descriptor.iter().any(|d| folded.ends_with(d))
}

/// The start of coordinated truncations before token `left`: "Industrie- und" in
/// "Industrie- und Handelskammer", "Forschungs-, Entwicklungs- und" likewise.
fn truncations_left(doc: &Doc, left: usize, s_start: usize) -> usize {
    let trunc = |k: usize| doc.kind(k) == TokenKind::Truncation && is_upper_initial(doc.t(k));
    let mut left = left;
    if left >= s_start + 2
        && matches!(doc.t(left - 1), "und" | "oder" | "sowie")
        && doc.adjacent(left - 1)
        && doc.adjacent(left - 2)
        && trunc(left - 2)
    {
        left -= 2;
        while left >= s_start + 2 && doc.t(left - 1) == "," && trunc(left - 2) {
            left -= 2;
        }
    }
    left
}

/// Whether the folded word is itself one of the suffix heads.
fn head_is_whole(lex: &Lexicon, folded_word: &str) -> bool {
    lex.heads
        .find(folded_word)
        .is_some_and(|m| m.start() == 0 && m.end() == folded_word.len())
}

const ENGLISH_CONNECTORS: &[&str] = &["of", "for", "the", "and", "&", "on", "in"];

/// Whether `word` joins the words of a foreign name and is no German word: an English
/// connector other than "in", or a Romance or Dutch link word ("del", "de", "y").
fn foreign_name_link(lex: &Lexicon, word: &str) -> bool {
    (word != "in" && ENGLISH_CONNECTORS.contains(&word))
        || (lex.cues.foreign_link.contains(word) && !matches!(word, "das" | "des"))
}

/// English organisation names: a run of capitalised words and connectors around an English
/// head ("China Council for the Promotion of International Trade", "Korea Foundation").
#[inline(never)]
fn english_org(
    doc: &Doc,
    lex: &Lexicon,
    i: usize,
    subtype: &'static str,
    cands: &mut Vec<Candidate>,
) {
    let s_start = doc.sentence_start(i);
    let limit = doc.sentence_end(i);
    let run_word = |k: usize| -> bool {
        let t = doc.t(k);
        doc.kind(k) == TokenKind::Word
            && (is_upper_initial(t) || t.starts_with(|c: char| c.is_ascii_digit()))
            && !lex.stopwords.contains(t)
            && role_kind(doc, lex, k).is_none()
            && t != "The"
            // "… of the Southern U.S.": a country abbreviated by its dotted initials.
            || doc.kind(k) == TokenKind::Abbreviation && dotted_initials(t)
    };
    let connector = |k: usize| ENGLISH_CONNECTORS.contains(&doc.t(k));
    // A German organisation noun before the name is a description ("Partnerhochschule").
    let german_head = |k: usize| doc.org_head[k].is_some_and(|h| !lex.org_heads[h as usize].word);
    // A describing noun before the name ("der Softwareanbieter [Beispiel Logistics]", "die
    // Lagertechnik-Firma [Muster Systems]").
    let describing =
        |k: usize| describing_noun(lex, &doc.folded[doc.tokens[k].start..doc.tokens[k].end]);
    let mut left = i;
    while left > s_start && i - left < 8 {
        let p = left - 1;
        if !doc.adjacent(p) || german_head(p) || (left < i && describing(p)) {
            break;
        }
        if run_word(p) {
            left = p;
        } else if connector(p)
            && p > s_start
            && doc.adjacent(p - 1)
            && run_word(p - 1)
            && i - left < 7
        {
            left = p - 1;
        } else {
            break;
        }
    }
    let mut right = i;
    let mut through_connector = false;
    while right + 1 < limit && right - i < 10 && doc.adjacent(right) {
        let k = right + 1;
        // "University in Nanjing", "University of Queensland in Brisbane": a place after
        // "in" is the seat, no part of the name; a chamber's names its country ("Chamber
        // of Commerce in Korea").
        if doc.t(k) == "in" && (right == i || subtype != "chamber") {
            break;
        }
        if connector(k) {
            // Connectors ("for the") must lead to a run word.
            let mut m = k;
            while m < limit && connector(m) && doc.adjacent(m) {
                m += 1;
            }
            if m < limit && run_word(m) {
                right = m;
                through_connector = true;
                continue;
            }
            break;
        }
        if through_connector && run_word(k) {
            right = k;
            continue;
        }
        // "Ministry of Trade, Industry and Tourism": a list of fields closed by "and".
        if through_connector && doc.t(k) == "," {
            if let Some(end) = english_field_list(doc, k + 1, limit, &run_word) {
                right = end;
                continue;
            }
        }
        break;
    }
    // "International Office der Universität …", "College of Engineering der …": an English
    // unit named by common words before an organisation in the genitive is a sub-unit
    // described generically (GUIDELINES, ORG); a place, acronym or hyphenated word in it
    // names it ("Indo-German Centre for Smart Manufacturing des …").
    if right + 2 < limit
        && matches!(doc.t(right + 1), "der" | "des")
        && doc.adjacent(right)
        && doc.adjacent(right + 1)
        && doc.cap_word(right + 2)
        && !doc.stop(right + 2)
        && (left..=right).all(|k| {
            let t = doc.t(k);
            !doc.region[k] && !acronym(t) && !t.contains('-')
        })
    {
        return;
    }
    // "Beispiel Chamber of Commerce of the U.S., Inc.": a legal form after a comma closes it.
    if right > i
        && right + 2 < limit
        && doc.t(right + 1) == ","
        && matches!(doc.t(right + 2), "Inc." | "Ltd." | "LLC" | "Corp.")
    {
        right += 2;
    }
    // "Enterprise Singapore", "Board Thailand": a bare head with the country or state it
    // serves.
    if right == i && left == i && i + 1 < limit && doc.adjacent(i) && doc.region[i + 1] {
        right = i + 1;
    }
    // "Port City Colombo": a capitalised word right after the head continues another name.
    if right == i
        && i + 1 < limit
        && doc.adjacent(i)
        && run_word(i + 1)
        && !doc.region[i + 1]
        && doc.org_head[i + 1].is_none()
    {
        return;
    }
    if right == left {
        return;
    }
    push_rule(
        cands,
        doc,
        (left, right),
        EntityType::Organisation,
        P_ORG_ENGLISH,
        subtype,
        "rule:org_english",
    );
}

/// The last token of a list of capitalised fields from `k` on that "and" or "&" closes:
/// "Industry and Tourism", "Mines, Energy and Water" (after a comma in an English name).
fn english_field_list(
    doc: &Doc,
    k: usize,
    limit: usize,
    run_word: &dyn Fn(usize) -> bool,
) -> Option<usize> {
    let mut m = k;
    let mut words_in_field = 0;
    while m < limit && m < k + 8 && doc.adjacent(m - 1) {
        let t = doc.t(m);
        if run_word(m) && words_in_field < 2 {
            words_in_field += 1;
        } else if t == "," && words_in_field > 0 {
            words_in_field = 0;
        } else if matches!(t, "and" | "&") && words_in_field > 0 {
            return (m + 1 < limit && doc.adjacent(m) && run_word(m + 1)).then_some(m + 1);
        } else {
            return None;
        }
        m += 1;
    }
    None
}

/// Whether the German head word at `i` stands alone after an English name word, so that the
/// name is English ("Basque Energy Cluster", "Westhaven Maritime Cluster"): the word before
/// is capitalised, no German noun or adjective by its ending, no genitive in -s ("Schmidts
/// Verein"), acronym, major place, head, role or first name.
fn english_name_before(doc: &Doc, lex: &Lexicon, i: usize) -> bool {
    let s_start = doc.sentence_start(i);
    if i <= s_start || !doc.adjacent(i - 1) {
        return false;
    }
    let p = i - 1;
    let t = doc.t(p);
    doc.kind(p) == TokenKind::Word
        && name_word(doc, lex, p)
        && !german_noun_like(t)
        && !t.ends_with('s')
        && !acronym(t)
        && !doc.region[p]
        && doc.org_head[p].is_none()
        && role_kind(doc, lex, p).is_none()
        && doc.flags[p] & FIRST_NAME == 0
        && head_is_whole(lex, &doc.folded[doc.tokens[i].start..doc.tokens[i].end])
}

/// Names with a legal form: "Musterwerk GmbH", "Verein für Probenkunde e.V.".
#[inline(never)]
fn legal_form_rule(
    doc: &Doc,
    lex: &Lexicon,
    place_starts: &crate::gazetteer::FastSet<usize>,
    cands: &mut Vec<Candidate>,
) {
    let bytes = doc.text.as_bytes();
    let mut found = Vec::new();
    for i in doc.with(LEGAL_FIRST, 1) {
        let token = doc.tokens[i];
        // A legal form's first word is a token ("GmbH", "Co.", "e.V.").
        if doc.flags[i] & LEGAL_FIRST == 0 {
            continue;
        }
        found.clear();
        lex.legal_forms.matches_at(
            bytes,
            token.start,
            (token.start + 40).min(bytes.len()),
            |end| {
                doc.text.is_char_boundary(end)
                    && (crate::gazetteer::boundary_after(doc.text, end)
                        || doc.text[..end].ends_with('.'))
            },
            &mut found,
        );
        let Some(&(end, pattern)) = found.first() else {
            continue;
        };
        // The legal form must end at a token end.
        let Some(last) = (i..doc.tokens.len()).find(|&k| doc.tokens[k].end >= end) else {
            continue;
        };
        if doc.tokens[last].end != end || !doc.adjacent(i - 1) {
            continue;
        }
        let form = lex.legal_forms.values(pattern)[0] as usize;
        let association = lex.legal_association[form];
        let s_start = doc.sentence_start(i);
        let name_part = |k: usize| -> bool {
            let t = doc.t(k);
            (name_word(doc, lex, k) || t.chars().all(|c| c.is_ascii_digit()))
                && role_kind(doc, lex, k).is_none()
        };
        // A descriptive noun before a name that is not just a place ("die Software-Firma
        // Beispiel Analytics GmbH", not "Wirtschaftsförderung Sachsen GmbH") is no part of it.
        let descriptor = |p: usize, left: usize| -> bool {
            let folded = &doc.folded[doc.tokens[p].start..doc.tokens[p].end];
            // An association named by its bare head word is named so ("Cluster Optik
            // Beispielland e.V.", "Verband Deutscher Probenbauer e.V.").
            let named_head = association && doc.org_head[p].is_some() && head_is_whole(lex, folded);
            left < i
                && !named_head
                && describing_noun(lex, folded)
                && (left..i).any(|k| !doc.region[k] && !place_starts.contains(&doc.tokens[k].start))
        };
        let mut left = i;
        while left > s_start && i - left < 6 && doc.adjacent(left - 1) {
            let p = left - 1;
            if descriptor(p, left) {
                break;
            }
            if name_part(p) {
                left = p;
            } else if matches!(doc.t(p), "&" | "+" | "und" | "-")
                && p > s_start
                && doc.adjacent(p - 1)
                && name_part(p - 1)
                && !(doc.t(p) == "und" && doc.flags[p - 1] & LEGAL_FIRST != 0)
            {
                left = p - 1;
            } else if foreign_name_link(lex, doc.t(p))
                && p > s_start
                && doc.adjacent(p - 1)
                && name_part(p - 1)
                && doc.cap_word(p - 1)
                // Not a word broken by a space: "Di e Beispiel AG".
                && doc.t(p - 1).chars().count() >= 3
            {
                // A foreign name with its function words: "Beispiel Investment and
                // Development a.s.", "Algas del Beispiel S.A.".
                left = p - 1;
            } else if doc.t(p) == "in"
                && p > s_start
                && doc.adjacent(p - 1)
                && name_part(p - 1)
                && !german_noun_like(doc.t(p - 1))
                && !doc.region[p - 1]
            {
                // An English name: "Invest in Beispielland GmbH".
                left = p - 1;
            } else if left == i
                && doc.t(p) == ","
                && matches!(doc.t(i), "Inc." | "Inc" | "Ltd." | "Ltd" | "LLC" | "Corp.")
                && p > s_start
                && doc.adjacent(p - 1)
                && name_part(p - 1)
            {
                // "Beispiel, Inc.".
                left = p - 1;
            } else if truncations_left(doc, left, s_start) < left {
                // "Keramik- und Elektrotechnik GmbH".
                left = truncations_left(doc, left, s_start);
            } else if lower_adjective(doc.t(p))
                && !lex.cues.quantifier.contains(doc.t(p))
                && p > s_start
                && doc.adjacent(p - 1)
                && matches!(doc.t(p - 1), "für" | "zur" | "zum" | "der" | "des" | "von")
            {
                // "Verein der [deutschen] Wirtschaft e.V.": the link word before it decides.
                left = p;
            } else if matches!(doc.t(p), "für" | "zur" | "zum" | "der" | "des" | "von")
                && p > s_start
                && doc.adjacent(p - 1)
            {
                // Only inside a name headed by an organisation noun ("Verein zur …").
                let mut q = p - 1;
                while q > s_start && doc.adjacent(q - 1) && modifier(doc, lex, q - 1) {
                    q -= 1;
                }
                let headed =
                    (q..p).any(|k| doc.org_head[k].is_some()) && name_word(doc, lex, p - 1);
                // A company's site or unit is no part of its name: "das Logistikzentrum der
                // [Beispiel Cargo GmbH]", "die Niederlassung der [Beispiel AG]".
                let site = !association
                    && matches!(doc.t(p), "der" | "des")
                    && (q..p).any(|k| site_or_unit(doc, lex, k));
                // Or a name led by its place: "Beispielstadt Partner für Wirtschaft GmbH".
                let placed = q == p - 1
                    && q > s_start
                    && doc.t(p) == "für"
                    && doc.adjacent(q - 1)
                    && doc.cap_word(q)
                    && (doc.region[q - 1] || place_starts.contains(&doc.tokens[q - 1].start))
                    // The place starts the name: not "traf in Beispielstadt Vertreter für";
                    // "mit der IHK Beispielstadt und Beispielstadt Partner für …" lists it.
                    && (q - 1 == s_start
                        || doc.flags[q - 2] & NOUN_MARKER != 0
                        || matches!(doc.t(q - 2), "und" | "sowie")
                        || doc.kind(q - 2) == TokenKind::Punctuation);
                if headed && !site {
                    left = q;
                } else if placed {
                    left = q - 1;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        // An adjective whose link word did not join the name stays outside it.
        while left < i && lower_adjective(doc.t(left)) {
            left += 1;
        }
        if left == i {
            left = lower_case_name_start(doc, lex, i, s_start);
        } else if doc.cap_word(left) {
            // A brand written in lower case before the name, after an article or the like:
            // "der beispielwerk Steel Europe AG" (not "House [of] Energy e.V.").
            let start = lower_case_name_start(doc, lex, left, s_start);
            // After an article or a describing noun ("die Firma [heidelbergwerk …]"), not
            // after a verb: "Gestern kam [Beispiel Subsea GmbH]".
            if start < left
                && (start == s_start
                    || doc.flags[start - 1] & NOUN_MARKER != 0
                    || doc.flags[start - 1] & DESCRIBING != 0)
            {
                left = start;
            }
        }
        if left == i {
            continue;
        }
        if left + 2 < i && located_by_demonym(doc, lex, left, i) {
            left += 1;
        }
        if lex.legal_after_two_words[form] && (i - left < 2 || !(left..i).all(|k| doc.cap_word(k)))
        {
            continue;
        }
        push_rule(
            cands,
            doc,
            (left, last),
            EntityType::Organisation,
            P_ORG_LEGAL,
            if association {
                "association"
            } else {
                "company"
            },
            "rule:org_legal_form",
        );
    }
}

/// Whether the town's demonym at token `left` says where the company named by the words up
/// to its legal form at token `legal` sits, and is no part of its name: "die Kölner
/// [Beispielwerk Interactive GmbH]", "der Kieler [Baltic Muster Coatings GmbH]" (GUIDELINES,
/// LOC: demonyms are not entities). Before a common noun or a coordination it names the
/// company: "[Duisburger Hafen AG]", "[Beispieler Feinmechanik Muster GmbH]",
/// "[Beispieler Hafen und Logistik AG]".
fn located_by_demonym(doc: &Doc, lex: &Lexicon, left: usize, legal: usize) -> bool {
    let name = left + 1;
    doc.flags[left] & ADJECTIVE != 0
        && demonym(doc, lex, left)
        && (name..legal).all(|k| doc.cap_word(k) && !doc.t(k).ends_with('-'))
        && (doc.region[name] || !german_noun_like(doc.t(name)))
}

/// A name found with its legal form is the same organisation without it elsewhere in the
/// document: "Die Beispiel Antriebstechnik GmbH eröffnet … Beispiel Antriebstechnik
/// investierte …". The short form takes the full name as canonical and wins over a person
/// or place read in it ("Westhafen Port" after "Westhafen Port GmbH").
#[inline(never)]
fn legal_name_short_forms(doc: &Doc, lex: &Lexicon, cands: &mut Vec<Candidate>) {
    // Per name: its words' token range, its byte span (with the legal form), its subtype.
    let mut names: Vec<(usize, usize, (usize, usize), &'static str)> = Vec::new();
    for c in cands.iter() {
        let Payload::Rule {
            subtype,
            rule: "rule:org_legal_form",
        } = c.payload
        else {
            continue;
        };
        let Some(first) = doc.token_starting_at(c.start) else {
            continue;
        };
        // The legal form starts at the first legal-form word after the name's first token.
        let Some(legal) = (first + 1..doc.tokens.len())
            .take_while(|&k| doc.tokens[k].start < c.end)
            .find(|&k| doc.flags[k] & LEGAL_FIRST != 0)
        else {
            continue;
        };
        let last = legal - 1;
        let words_ok = (first..=last).all(|k| {
            doc.kind(k) == TokenKind::Word && (doc.cap_word(k) || matches!(doc.t(k), "&" | "+"))
        });
        // A lone word must be a name of its own: not a place, head noun or stop word.
        let lone_ok = first < last
            || (name_word(doc, lex, first)
                && !doc.region[first]
                && doc.org_head[first].is_none()
                && role_kind(doc, lex, first).is_none()
                && doc.t(first).chars().count() > 2);
        if !words_ok || !lone_ok || !doc.cap_word(last) {
            continue;
        }
        names.push((first, last, (c.start, c.end), subtype));
    }
    let firsts: Vec<usize> = names.iter().map(|name| name.0).collect();
    // A name's canonical form, made when a short form of it is found (most names have none).
    let mut canonicals: Vec<Option<String>> = vec![None; names.len()];
    let n = doc.tokens.len();
    for (x, k) in repeats(doc, &firsts) {
        let (first, last, (start, end), subtype) = names[x];
        let len = last - first;
        if k >= n.saturating_sub(len) || k == first || !same_words(doc, k, first, len) {
            continue;
        }
        // Not inside a longer capitalised name ("Neue Beispiel Antriebstechnik").
        if k > doc.sentence_start(k)
            && doc.adjacent(k - 1)
            && doc.cap_word(k - 1)
            && !doc.stop(k - 1)
        {
            continue;
        }
        let canonical = canonicals[x]
            .get_or_insert_with(|| written_nominative(lex, doc, start, end))
            .clone();
        cands.push(repeated_org_name(
            doc,
            k,
            len,
            (canonical, None, Some(subtype.to_string())),
            "link:legal_name",
        ));
    }
}

/// "National Beispiel University of Technology (Beispiel Tech)", "Max-Planck-Institut für
/// Probenkunde (MPI PK)": a short name of one to three capitalised words in brackets right
/// after an organisation is that organisation, there and wherever the document uses it. A
/// single word (acronyms are linked in [`link`]) must recur; a place or person in the
/// brackets ("(Bayern)") stays what it is.
#[inline(never)]
fn bracket_short_names(
    rec: &EntityRecogniser,
    doc: &Doc,
    lex: &Lexicon,
    cands: &mut Vec<Candidate>,
) {
    let n = doc.tokens.len();
    let bytes = doc.text.as_bytes();
    // Token range of the short name, canonical, id and subtype of the organisation.
    type ShortName = (usize, usize, (String, Option<String>, Option<String>));
    let mut found: Vec<ShortName> = Vec::new();
    // Brackets are rare: find them in the text, not token by token.
    for at in memchr::memchr_iter(b'(', bytes) {
        let Some(p) = doc.token_starting_at(at) else {
            continue;
        };
        if p == 0 || p + 2 >= n || !doc.is_byte(p, b'(') || !doc.adjacent(p - 1) {
            continue;
        }
        let Some(q) = (p + 2..(p + 5).min(n)).find(|&q| doc.is_byte(q, b')')) else {
            continue;
        };
        let (first, last) = (p + 1, q - 1);
        let words_ok = (first..=last)
            .all(|k| doc.kind(k) == TokenKind::Word && name_word(doc, lex, k) && doc.adjacent(k));
        if !words_ok || (first == last && acronym_like(doc.t(first))) {
            continue;
        }
        let (start, end) = (doc.tokens[first].start, doc.tokens[last].end);
        let full_end = doc.tokens[p - 1].end;
        let Some(full) = organisation_ending_at(cands, full_end) else {
            continue;
        };
        if cands
            .iter()
            .any(|c| c.entity_type != EntityType::Organisation && c.start == start && c.end == end)
        {
            continue;
        }
        // A single word must be used again: a short name is defined to be used.
        if first == last && !(0..n).any(|k| k != first && doc.t(k) == doc.t(first)) {
            continue;
        }
        found.push((first, last, describe(rec, doc, full)));
    }
    let firsts: Vec<usize> = found.iter().map(|name| name.0).collect();
    for (x, k) in repeats(doc, &firsts) {
        let (first, last, (ref canonical, ref kb_id, ref subtype)) = found[x];
        let len = last - first;
        if k >= n.saturating_sub(len) || !same_words(doc, k, first, len) {
            continue;
        }
        cands.push(repeated_org_name(
            doc,
            k,
            len,
            (canonical.clone(), kb_id.clone(), subtype.clone()),
            "link:short_name",
        ));
    }
}

/// A further mention of an organisation's name, tokens `k..=k + len`, linked to its full form
/// `(canonical, kb_id, subtype)` by `rule`.
#[inline(never)]
fn repeated_org_name(
    doc: &Doc,
    k: usize,
    len: usize,
    (canonical, kb_id, subtype): (String, Option<String>, Option<String>),
    rule: &'static str,
) -> Candidate {
    Candidate {
        start: doc.tokens[k].start,
        end: doc.tokens[k + len].end,
        entity_type: EntityType::Organisation,
        priority: P_ORG_LEGAL,
        weight: 0,
        needs_context: false,
        needs_definition: false,
        payload: Payload::Linked {
            canonical,
            kb_id,
            subtype,
            rule,
        },
    }
}

/// The tokens whose text is that of token `firsts[x]`, as `(x, k)` in the order of `x`, then
/// of `k`: where further mentions of names starting with those tokens may start.
fn repeats(doc: &Doc, firsts: &[usize]) -> Vec<(usize, usize)> {
    let bytes = doc.text.as_bytes();
    let word = |k: usize| &bytes[doc.tokens[k].start..doc.tokens[k].end];
    // The tokens spelled like each distinct first word, found by a search of the text for
    // it (a few per document) instead of a visit of every capitalised token. The search
    // goes on one byte after each find, so no occurrence hides a token that overlaps it.
    let mut spelled: Vec<(&[u8], Vec<usize>)> = Vec::new();
    let mut out = Vec::new();
    for (x, &f) in firsts.iter().enumerate() {
        let w = word(f);
        let at = match spelled.iter().position(|(seen, _)| *seen == w) {
            Some(at) => at,
            None => {
                let finder = memchr::memmem::Finder::new(w);
                let mut tokens = Vec::new();
                let mut from = 0;
                while let Some(found) = bytes.get(from..).and_then(|rest| finder.find(rest)) {
                    let p = from + found;
                    if let Some(k) = doc.token_starting_at(p) {
                        if doc.tokens[k].end == p + w.len() {
                            tokens.push(k);
                        }
                    }
                    from = p + 1;
                }
                spelled.push((w, tokens));
                spelled.len() - 1
            }
        };
        out.extend(spelled[at].1.iter().map(|&k| (x, k)));
    }
    out
}

/// Whether the `len + 1` tokens from `k` repeat those from `first`, written without gaps
/// between them: another mention of the same name.
fn same_words(doc: &Doc, k: usize, first: usize, len: usize) -> bool {
    (0..=len).all(|d| doc.t(k + d) == doc.t(first + d) && (d == 0 || doc.adjacent(k + d - 1)))
}

/// Sports clubs: "VfL Oberwald", "1. FC Oberwald 09", "Oberwalder SV".
#[inline(never)]
fn club_names(doc: &Doc, lex: &Lexicon, cands: &mut Vec<Candidate>) {
    for i in doc.with(CLUB_PREFIX, 0) {
        if doc.flags[i] & CLUB_PREFIX == 0 {
            continue;
        }
        let s_start = doc.sentence_start(i);
        let limit = doc.sentence_end(i);
        // "Oberwalder SV": a place adjective before the abbreviation.
        if i > s_start
            && doc.adjacent(i - 1)
            && doc.t(i - 1).ends_with("er")
            && name_word(doc, lex, i - 1)
        {
            push_rule(
                cands,
                doc,
                (i - 1, i),
                EntityType::Organisation,
                P_ORG_LEGAL,
                "association",
                "rule:org_club",
            );
            continue;
        }
        let mut last = i;
        while last + 1 < limit && last - i < 3 && doc.adjacent(last) {
            let k = last + 1;
            let t = doc.t(k);
            // A founding year may follow the abbreviation too ("SG 01 Oberwald").
            let number_then_name =
                last == i && k + 1 < limit && doc.adjacent(k) && name_word(doc, lex, k + 1);
            if name_word(doc, lex, k)
                || ((last > i || number_then_name)
                    && t.len() <= 4
                    && t.chars().all(|c| c.is_ascii_digit()))
            {
                last = k;
            } else {
                break;
            }
        }
        if last == i {
            continue;
        }
        let first = if i > s_start && doc.t(i - 1) == "1." && doc.adjacent(i - 1) {
            i - 1
        } else {
            i
        };
        push_rule(
            cands,
            doc,
            (first, last),
            EntityType::Organisation,
            P_ORG_LEGAL,
            "association",
            "rule:org_club",
        );
    }
}

/// Dotted names like "Museum.XY": a capitalised word, a period, two to five capitals.
#[inline(never)]
fn dotted_names(doc: &Doc, cands: &mut Vec<Candidate>) {
    for i in doc.with(DOT, 0) {
        // A word with a period.
        if doc.flags[i] & DOT == 0 {
            continue;
        }
        let t = doc.t(i);
        let Some((name, suffix)) = t.split_once('.') else {
            continue;
        };
        let name_ok = is_upper_initial(name)
            && name.chars().count() >= 3
            && name.chars().all(char::is_alphabetic)
            && has_lowercase(name);
        let suffix_ok =
            (2..=5).contains(&suffix.chars().count()) && suffix.chars().all(|c| c.is_uppercase());
        if name_ok && suffix_ok {
            push_rule(
                cands,
                doc,
                (i, i),
                EntityType::Organisation,
                P_ORG_DOTTED,
                "other",
                "rule:org_dotted",
            );
        }
    }
}

/// Longest span first, then priority, weight and earlier start; no overlaps.
///
/// The candidates are visited in that order and a candidate is chosen when it overlaps none
/// chosen before. Whether one is chosen depends only on the candidates it overlaps, directly
/// or through others: the visit is made per group of candidates whose spans chain by overlap
/// (found in one sweep by start), and a candidate alone in its group (most of them) is chosen
/// without ordering it among all the others.
#[inline(never)]
fn resolve(cands: Vec<Candidate>) -> Vec<Candidate> {
    // Empty spans overlap no span the way the sweep assumes: the visit over all candidates
    // (also for a text or a list too long for the sweep's keys of 32-bit halves).
    let small = |n: usize| n <= u32::MAX as usize;
    if cands.iter().any(|c| c.start >= c.end || !small(c.end)) || !small(cands.len()) {
        return resolve_in_order(cands);
    }
    // Start and index in one integer: sorted, by start, ties by index.
    let mut by_start: Vec<u64> = cands
        .iter()
        .enumerate()
        .map(|(k, c)| (c.start as u64) << 32 | k as u64)
        .collect();
    by_start.sort_unstable();
    let start = |key: u64| (key >> 32) as usize;
    let index = |key: u64| key as u32;
    let mut keep = vec![false; cands.len()];
    let mut group: Vec<(usize, u8, u64, usize, u32)> = Vec::new();
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < by_start.len() {
        // The group: every later start before the furthest end so far.
        let mut end = cands[index(by_start[i]) as usize].end;
        let mut j = i + 1;
        while j < by_start.len() && start(by_start[j]) < end {
            end = end.max(cands[index(by_start[j]) as usize].end);
            j += 1;
        }
        if j == i + 1 {
            keep[index(by_start[i]) as usize] = true;
        } else {
            group.clear();
            group.extend(
                by_start[i..j]
                    .iter()
                    .map(|&key| visit_key(&cands, index(key))),
            );
            group.sort_unstable();
            spans.clear();
            for &(.., k) in &group {
                let cand = &cands[k as usize];
                if choose_free(&mut spans, cand) {
                    keep[k as usize] = true;
                }
            }
        }
        i = j;
    }
    // By start (the chosen spans are not empty and do not overlap: their starts differ).
    let mut slots: Vec<Option<Candidate>> = cands.into_iter().map(Some).collect();
    // Made with its final size (a collect through a filter grows it step by step).
    let mut chosen = Vec::with_capacity(keep.iter().filter(|&&kept| kept).count());
    chosen.extend(
        by_start
            .iter()
            .map(|&key| index(key) as usize)
            .filter(|&k| keep[k])
            .map(|k| slots[k].take().expect("chosen once")),
    );
    chosen
}

/// The order in which [`resolve`] visits candidate `k`: longest first, then by priority,
/// weight (descending) and start (ascending), ties by index (the order of a stable sort).
#[inline]
fn visit_key(cands: &[Candidate], k: u32) -> (usize, u8, u64, usize, u32) {
    let c = &cands[k as usize];
    (!(c.end - c.start), !c.priority, !c.weight, c.start, k)
}

/// Whether `cand` (not empty) overlaps none of the non-empty `spans` (sorted by start); if
/// so, its span is added to them. Non-overlapping spans sorted by start are sorted by end
/// too, and a span overlaps one of them exactly when it overlaps the last one starting
/// before its end (a binary search, not a scan of all).
#[inline]
fn choose_free(spans: &mut Vec<(usize, usize)>, cand: &Candidate) -> bool {
    let at = spans.partition_point(|&(start, _)| start < cand.end);
    let free = at == 0 || spans[at - 1].1 <= cand.start;
    if free {
        spans.insert(at, (cand.start, cand.end));
    }
    free
}

/// [`resolve`] visiting all candidates in one order (also with empty spans).
fn resolve_in_order(cands: Vec<Candidate>) -> Vec<Candidate> {
    // Sorted as small keys with the candidate's index as the last tie-breaker (the same
    // order as a stable sort of the candidates, without moving them), then moved once into
    // the result.
    let mut order: Vec<(usize, u8, u64, usize, u32)> = (0..cands.len() as u32)
        .map(|k| visit_key(&cands, k))
        .collect();
    order.sort_unstable();
    let empty = cands.iter().any(|c| c.start >= c.end);
    // The spans chosen so far, sorted ([`choose_free`]; without empty spans).
    let mut spans: Vec<(usize, usize)> = Vec::new();
    // Indices of the chosen candidates, in the order they were chosen.
    let mut chosen: Vec<u32> = Vec::new();
    for &(.., k) in &order {
        let cand = &cands[k as usize];
        let free = if empty {
            chosen.iter().all(|&j| {
                let c = &cands[j as usize];
                c.end <= cand.start || cand.end <= c.start
            })
        } else {
            choose_free(&mut spans, cand)
        };
        if free {
            chosen.push(k);
        }
    }
    // By start, ties in the order chosen (a stable sort).
    chosen.sort_by_key(|&k| cands[k as usize].start);
    let mut slots: Vec<Option<Candidate>> = cands.into_iter().map(Some).collect();
    chosen
        .into_iter()
        .map(|k| slots[k as usize].take().expect("chosen once"))
        .collect()
}

/// Acronyms and surnames linked to their full forms; gazetteer acronyms kept only when the
/// document names the organisation in full.
#[inline(never)]
fn link(rec: &EntityRecogniser, doc: &Doc, mut chosen: Vec<Candidate>) -> Vec<Candidate> {
    let text = doc.text;
    let dict = rec.dictionary();
    // Gazetteer acronyms need their full name in the document.
    // Listed acronyms kept without their full name in the document are named as written:
    // the list may mean another organisation with that acronym (one search of the text per
    // acronym decides both).
    // Whether the text holds each full name searched so far (an acronym often recurs).
    let mut named: Vec<(&str, bool)> = Vec::new();
    chosen.retain_mut(|c| {
        if !c.needs_definition {
            return true;
        }
        let Payload::Entry(id) = c.payload else {
            return true;
        };
        let (list, entry) = dict.entry(id);
        let full = list.text(entry.canonical);
        let in_text = match named.iter().find(|(name, _)| *name == full) {
            Some(&(_, in_text)) => in_text,
            None => {
                let in_text = memchr::memmem::find(text.as_bytes(), full.as_bytes()).is_some();
                named.push((full, in_text));
                in_text
            }
        };
        if in_text {
            return true;
        }
        let keep = doc.token_starting_at(c.start).is_some_and(|i| {
            acronym_role_prefix(doc, rec.lexicon(), i) == Some(c.end)
                || (doc.tokens[i].end == c.end && article_acronym(doc, rec.lexicon(), i))
        });
        if keep {
            c.payload = Payload::Rule {
                subtype: "other",
                rule: "rule:org_acronym_article",
            };
        }
        keep
    });
    link_acronyms_to_names(rec, doc, &mut chosen);
    join_acronym_and_rest(doc, &mut chosen);
    // "Full Name (ACR)" definitions.
    // Looked up for every token: FastMap, not SipHash (never iterated, order is irrelevant).
    let mut acronyms: crate::gazetteer::FastMap<&str, (String, Option<String>, Option<String>)> =
        Default::default();
    let mut extra = Vec::new();
    for c in &chosen {
        if c.entity_type != EntityType::Organisation {
            continue;
        }
        // The token ending the candidate (token ends increase: a binary search).
        let Some(last) = doc.token_starting_at(c.start).and_then(|f| {
            let k = f + doc.tokens[f..].partition_point(|t| t.end < c.end);
            (k < doc.tokens.len() && doc.tokens[k].end == c.end).then_some(k)
        }) else {
            continue;
        };
        if let Some(first) = doc.token_starting_at(c.start) {
            let acr = doc.t(first);
            if first + 2 <= last && acronym(acr) && matches!(doc.t(first + 1), "–" | "-" | "—")
            {
                let (canonical, kb_id, subtype) = describe(rec, doc, c);
                acronyms.insert(acr, (canonical, kb_id, subtype));
            }
        }
        if last + 3 < doc.tokens.len() && doc.t(last + 1) == "(" && doc.t(last + 3) == ")" {
            let acr = doc.t(last + 2);
            let uppers = acr.chars().filter(|ch| ch.is_uppercase()).count();
            if uppers >= 2 && acr.chars().count() <= 12 && acr.chars().all(char::is_alphanumeric) {
                let (canonical, kb_id, subtype) = describe(rec, doc, c);
                acronyms.insert(acr, (canonical, kb_id, subtype));
            }
        }
    }
    if !acronyms.is_empty() {
        relink_acronym_roles(doc, &acronyms, &mut chosen);
        // Most tokens are ruled out by their length and end bytes, without hashing them.
        let mut filter = WordFilter::default();
        acronyms.keys().for_each(|acr| filter.insert(acr));
        for i in doc.with(shared_bits(acronyms.keys().copied()), 0) {
            let token = &doc.tokens[i];
            if !filter.may_contain_bytes(&text.as_bytes()[token.start..token.end]) {
                continue;
            }
            let t = doc.t(i);
            if let Some((canonical, kb_id, subtype)) = acronyms.get(t) {
                if leaves_free(&chosen, token) {
                    extra.push(linked(
                        token,
                        EntityType::Organisation,
                        Payload::Linked {
                            canonical: canonical.clone(),
                            kb_id: kb_id.clone(),
                            subtype: subtype.clone(),
                            rule: "link:acronym",
                        },
                    ));
                }
            }
        }
    }
    // Places found after a head word ("Stadtbezirk Haidian") are places elsewhere too.
    let mut head_places: Vec<(&str, &'static str)> = Vec::new();
    for c in &chosen {
        if let Payload::Rule {
            subtype,
            rule: "rule:region_head",
        } = c.payload
        {
            head_places.push((&text[c.start..c.end], subtype));
        }
    }
    if !head_places.is_empty() {
        let mut filter = WordFilter::default();
        head_places.iter().for_each(|(name, _)| filter.insert(name));
        for i in doc.with(shared_bits(head_places.iter().map(|(name, _)| *name)), 0) {
            let token = &doc.tokens[i];
            if !filter.may_contain_bytes(&text.as_bytes()[token.start..token.end]) {
                continue;
            }
            let t = doc.t(i);
            let Some(&(name, subtype)) = head_places.iter().find(|(name, _)| *name == t) else {
                continue;
            };
            if leaves_free(&chosen, token) && leaves_free(&extra, token) {
                extra.push(linked(
                    token,
                    EntityType::Location,
                    Payload::Linked {
                        canonical: name.to_string(),
                        kb_id: None,
                        subtype: Some(subtype.to_string()),
                        rule: "link:region",
                    },
                ));
            }
        }
    }
    // Surnames of persons named in full; East Asian family names come first ("Wang Lei").
    let lex = rec.lexicon();
    let mut surnames: Vec<&str> = Vec::new();
    for c in &chosen {
        if c.entity_type == EntityType::Person {
            let name = &text[c.start..c.end];
            if let Some((first, last)) = name.rsplit_once(' ') {
                let family = first.split(' ').next().unwrap_or(first);
                for key in [last, family] {
                    let listed = key == last || lex.family_names.contains(key);
                    if listed && !surnames.contains(&key) {
                        surnames.push(key);
                    }
                }
            }
        }
    }
    if !surnames.is_empty() {
        // A minor place spelled like the surname of a person of the document, without a
        // preposition or postcode before it, is the person ("Takahiro Ueda … sagte Ueda") —
        // unless the document names the place with a preposition elsewhere ("in Hamm").
        let placed_at = |i: usize| {
            (i > 0 && doc.adjacent(i - 1) && doc.flags[i - 1] & CONTEXT_WORD != 0)
                || postcode_or_dateline(doc, i)
        };
        let placed_names: Vec<&str> = chosen
            .iter()
            .filter(|c| c.entity_type == EntityType::Location)
            .filter(|c| doc.token_starting_at(c.start).is_some_and(placed_at))
            .map(|c| &text[c.start..c.end])
            .collect();
        for c in chosen.iter_mut() {
            if c.entity_type != EntityType::Location || !surnames.contains(&&text[c.start..c.end]) {
                continue;
            }
            let Some(i) = doc.token_starting_at(c.start) else {
                continue;
            };
            if doc.region[i] || placed_at(i) || placed_names.contains(&&text[c.start..c.end]) {
                continue;
            }
            c.entity_type = EntityType::Person;
            c.payload = Payload::Rule {
                subtype: "person",
                rule: "link:surname",
            };
        }
        // The name words spelled like a surname, or like one with a genitive `s`, found in
        // one walk over the document's token flags (a tight loop, `flags_where`) in which a
        // name word is ruled out by its length and end bytes (a filter of the surnames)
        // before it is compared with them; a search of the text for each surname (about
        // ten per document) cost more, and so did a walk over the name words with
        // `Doc::with` (too many of them). Visited in the order of the text.
        let bytes = text.as_bytes();
        let mut filter = WordFilter::default();
        for surname in surnames.iter().filter(|surname| !surname.is_empty()) {
            filter.insert(surname);
            filter.insert_with_last(surname.as_bytes(), b's');
        }
        let tokens = doc.tokens;
        let candidates = flags_where(&doc.flags, doc.flags.len().min(tokens.len()), |i, bits| {
            bits & NAME != 0 && {
                let token = &tokens[i];
                filter.may_contain_bytes(&bytes[token.start..token.end])
            }
        });
        for i in candidates {
            let token = &doc.tokens[i];
            let word = &bytes[token.start..token.end];
            let spelled = surnames.iter().any(|surname| {
                let surname = surname.as_bytes();
                !surname.is_empty()
                    && (word == surname
                        || word.len() == surname.len() + 1
                            && word.starts_with(surname)
                            && word[surname.len()] == b's')
            });
            if !spelled {
                continue;
            }
            if leaves_free(&chosen, token) && leaves_free(&extra, token) {
                let mut mention = linked(
                    token,
                    EntityType::Person,
                    Payload::Rule {
                        subtype: "person",
                        rule: "link:surname",
                    },
                );
                // A double surname ("García López") is taken whole.
                if let Some(prev) = full_name_start(doc, &chosen, &extra, i)
                    .or_else(|| double_surname_start(doc, &chosen, &extra, i))
                {
                    mention.start = doc.tokens[prev].start;
                }
                extra.push(mention);
            }
        }
    }
    chosen.extend(extra);
    chosen.sort_by_key(|c| c.start);
    chosen
}

/// The first token of a person's full name of the document written again in full before
/// surname `i`, when its words are free and no list knows the first name ("Okke Beispielmann
/// unterschrieb … v.l.n.r. Okke Beispielmann").
fn full_name_start(
    doc: &Doc,
    chosen: &[Candidate],
    extra: &[Candidate],
    i: usize,
) -> Option<usize> {
    let t = doc.t(i);
    chosen
        .iter()
        .filter(|c| c.entity_type == EntityType::Person)
        .filter_map(|c| {
            let name = &doc.text[c.start..c.end];
            let rest = name.strip_suffix(t)?.strip_suffix(' ')?;
            let words = rest.split(' ').count();
            if words > 3 || words > i {
                return None;
            }
            let first = i - words;
            let same = (first..i).all(|k| {
                doc.adjacent(k)
                    && doc.flags[k] & NAME != 0
                    && leaves_free(chosen, &doc.tokens[k])
                    && leaves_free(extra, &doc.tokens[k])
            }) && doc.text[doc.tokens[first].start..doc.tokens[i].start].trim_end()
                == rest;
            same.then_some(first)
        })
        .min()
}

/// The token before surname `i` when both are the last two words of the name of a person of
/// the document with three words or more ("Ana María García López" … "García López"), and
/// that token is free.
fn double_surname_start(
    doc: &Doc,
    chosen: &[Candidate],
    extra: &[Candidate],
    i: usize,
) -> Option<usize> {
    if i == 0 || !doc.adjacent(i - 1) || doc.flags[i - 1] & NAME == 0 {
        return None;
    }
    let pair_end = doc.tokens[i].end;
    let pair = &doc.text[doc.tokens[i - 1].start..pair_end];
    let named = chosen.iter().any(|c| {
        if c.entity_type != EntityType::Person || c.end <= c.start {
            return false;
        }
        let name = &doc.text[c.start..c.end];
        name.split(' ').count() >= 3 && name.ends_with(pair) && name.len() > pair.len()
    });
    let prev = &doc.tokens[i - 1];
    (named && leaves_free(chosen, prev) && leaves_free(extra, prev)).then_some(i - 1)
}

/// Whether no candidate overlaps `token`.
fn leaves_free(cands: &[Candidate], token: &Token) -> bool {
    cands
        .iter()
        .all(|c| c.end <= token.start || token.end <= c.start)
}

/// A later mention of a name defined earlier in the document, covering `token`.
fn linked(token: &Token, entity_type: EntityType, payload: Payload) -> Candidate {
    Candidate {
        start: token.start,
        end: token.end,
        entity_type,
        priority: 0,
        weight: 0,
        needs_context: false,
        needs_definition: false,
        payload,
    }
}

/// Canonical name, id and subtype of a candidate.
type Description = (String, Option<String>, Option<String>);

/// Canonical name, id and subtype of a candidate (persons get theirs in [`materialise`]).
fn describe(rec: &EntityRecogniser, doc: &Doc, c: &Candidate) -> Description {
    match &c.payload {
        Payload::Entry(id) => {
            let (list, entry) = rec.dictionary().entry(*id);
            let kb = list.text(entry.kb_id);
            let subtype = list.text(entry.subtype);
            (
                list.text(entry.canonical).to_string(),
                (!kb.is_empty()).then(|| kb.to_string()),
                (!subtype.is_empty()).then(|| subtype.to_string()),
            )
        }
        Payload::Rule { subtype, .. } => {
            let span = &doc.text[c.start..c.end];
            let canonical = if c.entity_type == EntityType::Organisation {
                written_nominative(rec.lexicon(), doc, c.start, c.end)
            } else {
                normalise_space(span)
            };
            (canonical, None, Some(subtype.to_string()))
        }
        Payload::Linked {
            canonical,
            kb_id,
            subtype,
            ..
        } => (canonical.clone(), kb_id.clone(), subtype.clone()),
    }
}

/// The nominative of the organisation name written at `start..end`, its spaces normalised
/// ([`super::nominative`] of [`normalise_space`]).
fn written_nominative(lex: &Lexicon, doc: &Doc, start: usize, end: usize) -> String {
    let span = &doc.text[start..end];
    if single_spaced(span.as_bytes()) {
        // Normalised as written: its fold is the same range of the document's.
        super::nominative::nominative_folded(lex, span, &doc.folded[start..end])
    } else {
        super::nominative(lex, &normalise_space(span))
    }
}

fn normalise_space(s: &str) -> String {
    // Most spans are words with single spaces already: a copy, no split and join (which
    // gives the same string for them).
    if single_spaced(s.as_bytes()) {
        return s.to_string();
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `bytes` (a `str`'s) neither start nor end with a blank, hold no two blanks in a
/// row and no byte that may start white space other than a blank: a control character, or
/// the lead byte of U+0085, U+00A0 (0xC2), U+1680, U+2000 to U+205F or U+3000 (0xE1 to
/// 0xE3; 0xE0 is ruled out too, which costs only the slow path). Eight bytes at a time.
fn single_spaced(bytes: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // The high bit of every byte of `x` below `n` (n ≤ 0x80), exactly.
    let below = |x: u64, n: u8| {
        let low = x & !HIGH;
        !((low + (0x80 - u64::from(n)) * ONES) | x) & HIGH
    };
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') {
        return false;
    }
    let mut carry = 0u64;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let x = u64::from_le_bytes(chunk.try_into().expect("8 bytes"));
        let blanks = below(x ^ (0x20 * ONES), 1);
        let other = below(x, 0x20) | below(x ^ (0xC2 * ONES), 1) | below(x ^ (0xE0 * ONES), 4);
        if other != 0 || blanks & (blanks << 8 | carry) != 0 {
            return false;
        }
        carry = blanks >> 56;
    }
    let mut blank = carry != 0;
    for &b in chunks.remainder() {
        if (blank && b == b' ') || matches!(b, 0..=0x1f | 0xc2 | 0xe0..=0xe3) {
            return false;
        }
        blank = b == b' ';
    }
    true
}

/// The entity matches of the chosen candidates; `described` holds the descriptions already
/// made by candidate index (see [`link_to_specific_names`]), the rest are made here.
#[inline(never)]
fn materialise(
    rec: &EntityRecogniser,
    doc: &Doc,
    chosen: Vec<Candidate>,
    mut described: Vec<Option<Description>>,
) -> Vec<EntityMatch> {
    // Persons: the fullest name in the document sharing the surname. The names as written
    // with their spaces normalised: most are written so, and borrowed from the text.
    let names: Vec<Cow> = chosen
        .iter()
        .filter(|c| c.entity_type == EntityType::Person)
        .map(|c| {
            let span = &doc.text[c.start..c.end];
            if single_spaced(span.as_bytes()) {
                Cow::Borrowed(span)
            } else {
                Cow::Owned(normalise_space(span))
            }
        })
        .collect();
    let mut fullest: crate::gazetteer::FastMap<&str, &str> = Default::default();
    let lex = rec.lexicon();
    for name in &names {
        let name: &str = name;
        let family = name
            .split_once(' ')
            .map(|(first, _)| first)
            .filter(|first| lex.family_names.contains(first));
        for key in std::iter::once(last_word(name)).chain(family) {
            let slot = fullest.entry(key).or_default();
            if name.len() > slot.len() {
                *slot = name;
            }
        }
    }
    chosen
        .into_iter()
        .enumerate()
        .map(|(k, c)| {
            let (mut canonical, kb_id, subtype) = described
                .get_mut(k)
                .and_then(Option::take)
                .unwrap_or_else(|| describe(rec, doc, &c));
            if c.entity_type == EntityType::Person {
                let key = last_word(&canonical);
                let key = fullest
                    .get(key)
                    .or_else(|| key.strip_suffix('s').and_then(|k| fullest.get(k)));
                if let Some(&full) = key {
                    canonical = full.to_string();
                }
            }
            let source = match &c.payload {
                Payload::Entry(id) => rec.dictionary().entry(*id).0.name.clone(),
                Payload::Rule { rule, .. } | Payload::Linked { rule, .. } => rule.to_string(),
            };
            let country = match (c.entity_type, &kb_id) {
                (EntityType::Location, Some(kb)) => rec
                    .dictionary()
                    .country(kb)
                    .map(|code| String::from_utf8_lossy(&code).into_owned()),
                _ => None,
            };
            EntityMatch {
                start: c.start,
                end: c.end,
                entity_type: c.entity_type,
                canonical,
                kb_id,
                subtype,
                country,
                source,
            }
        })
        .collect()
}

/// The word of `name` after its last blank (all of it without one).
fn last_word(name: &str) -> &str {
    name.as_bytes()
        .iter()
        .rposition(|&b| b == b' ')
        .map_or(name, |at| &name[at + 1..])
}

/// An acronym-like name part: two to eight letters or digits, capitalised, with at least two
/// capitals ("IHK", "IISc", "DT64").
fn acronym_like(t: &str) -> bool {
    let n = t.chars().count();
    (2..=8).contains(&n)
        && t.starts_with(|c: char| c.is_uppercase())
        && t.chars().all(char::is_alphanumeric)
        && t.chars().filter(|c| c.is_uppercase()).count() >= 2
}

/// The acronym before the hyphen of a compound whose second part is a role: the "XYZ" of
/// "XYZ-Geschäftsführerin", "XYZ-Chef". Returns the byte end of the acronym.
fn acronym_role_prefix(doc: &Doc, lex: &Lexicon, i: usize) -> Option<usize> {
    // Cheap test first: acronyms start with a capital and have another among the next two
    // letters ("XYZ", "ZfPT").
    if doc.flags[i] & (ACRONYM_START | HYPHEN) != ACRONYM_START | HYPHEN
        || doc.kind(i) != TokenKind::Word
    {
        return None;
    }
    let t = doc.t(i);
    let (prefix, rest) = t.split_once('-')?;
    if !acronym_like(prefix) || !is_upper_initial(rest) || rest.contains('-') {
        return None;
    }
    let role = doc.role_suffix[i] || lex.roles.get(rest) == Some(&RoleKind::Role);
    role.then(|| doc.tokens[i].start + prefix.len())
}

/// Organisations named by their acronym in a compound with a role: "XYZ-Geschäftsführerin
/// Anna Beispiel" → ORG "XYZ". A listed place wins ("US-Präsident").
#[inline(never)]
fn acronym_role_compounds(doc: &Doc, lex: &Lexicon, cands: &mut Vec<Candidate>) {
    for i in doc.with(ACRONYM_START | HYPHEN, 0) {
        // The bit test of `acronym_role_prefix` without a call per token.
        if doc.flags[i] & (ACRONYM_START | HYPHEN) != ACRONYM_START | HYPHEN {
            continue;
        }
        let Some(end) = acronym_role_prefix(doc, lex, i) else {
            continue;
        };
        cands.push(Candidate {
            start: doc.tokens[i].start,
            end,
            entity_type: EntityType::Organisation,
            priority: P_ORG_ACRONYM,
            weight: 0,
            needs_context: false,
            needs_definition: false,
            payload: Payload::Rule {
                subtype: "other",
                rule: "rule:org_acronym_role",
            },
        });
    }
}

/// Acronyms in role compounds ("XYZ-Chef") that the document defines ("… (XYZ)") take the
/// defined name; free ones are added.
fn relink_acronym_roles(
    doc: &Doc,
    acronyms: &crate::gazetteer::FastMap<&str, (String, Option<String>, Option<String>)>,
    chosen: &mut Vec<Candidate>,
) {
    let mut extra = Vec::new();
    // Only tokens starting like an acronym (their flag).
    for i in doc.with(ACRONYM_START, 0) {
        let token = &doc.tokens[i];
        let t = doc.t(i);
        let Some((prefix, _)) = t.split_once('-') else {
            continue;
        };
        let Some((canonical, kb_id, subtype)) = acronyms.get(prefix) else {
            continue;
        };
        let end = token.start + prefix.len();
        let payload = Payload::Linked {
            canonical: canonical.clone(),
            kb_id: kb_id.clone(),
            subtype: subtype.clone(),
            rule: "link:acronym",
        };
        match chosen
            .iter_mut()
            .find(|c| c.start < end && token.start < c.end)
        {
            Some(c) if c.start == token.start && c.end == end => {
                if c.entity_type == EntityType::Organisation {
                    c.payload = payload;
                }
            }
            Some(_) => {}
            None => extra.push(Candidate {
                start: token.start,
                end,
                entity_type: EntityType::Organisation,
                priority: 0,
                weight: 0,
                needs_context: false,
                needs_definition: false,
                payload,
            }),
        }
    }
    chosen.extend(extra);
}

/// The token flags every token spelled like one of `words` has, of those its spelling
/// decides: [`ACRONYM_START`] when every word starts like an acronym, else [`UPPER`] when
/// every word starts with a capital, else none. A loop looking for the words visits only
/// tokens with these bits ([`Doc::with`]).
fn shared_bits<'w>(words: impl Iterator<Item = &'w str> + Clone) -> u32 {
    if words.clone().all(acronym_start) {
        ACRONYM_START
    } else if words.into_iter().all(is_upper_initial) {
        UPPER
    } else {
        0
    }
}

/// The start of the long form of `short` ending at the end of `long` (Schwartz & Hearst): the
/// letters and digits of the acronym are found right to left, the first one at a word start.
fn long_form_start(short: &str, long: &str) -> Option<usize> {
    // Walked backwards over the characters of both, without collecting them: `pos` is the
    // byte offset of the character of `long` last matched.
    let mut pos = long.len();
    let mut matched = false;
    let mut shorts = short
        .chars()
        .rev()
        .filter(|c| c.is_alphanumeric())
        .peekable();
    while let Some(sc) = shorts.next() {
        // The first letter or digit of the short form must start a word of the long one.
        let first = shorts.peek().is_none();
        let sc = sc.to_lowercase().next()?;
        loop {
            let c = long[..pos].chars().next_back()?;
            pos -= c.len_utf8();
            let at_word_start = long[..pos]
                .chars()
                .next_back()
                .map_or(true, |p| !p.is_alphanumeric());
            if c.to_lowercase().next() == Some(sc) && (!first || at_word_start) {
                break;
            }
        }
        matched = true;
    }
    matched.then_some(pos)
}

/// "Gesellschaft für Angewandte Probentechnik (GAP)": the words before an acronym in
/// brackets whose letters it takes form an organisation when one of them is an organisation
/// head or legal form; the acronym is then linked to it.
#[inline(never)]
fn acronym_definitions(
    doc: &Doc,
    lex: &Lexicon,
    place_starts: &crate::gazetteer::FastSet<usize>,
    cands: &mut Vec<Candidate>,
) {
    let n = doc.tokens.len();
    let bytes = doc.text.as_bytes();
    // Brackets are rare: found in the text, then the token after each one tested.
    let after_brackets = memchr::memchr_iter(b'(', bytes)
        .filter_map(|at| doc.token_starting_at(at))
        .map(|p| p + 1);
    for k in after_brackets.filter(|&k| k >= 2 && k + 1 < n) {
        // Byte tests first: "(" before, ")" after.
        if !doc.is_byte(k - 1, b'(') || !doc.is_byte(k + 1, b')') {
            continue;
        }
        let short = doc.t(k);
        if !acronym_like(short) {
            continue;
        }
        let right = k - 2;
        let s_start = doc.sentence_start(right);
        if doc.kind(right) != TokenKind::Word || !doc.adjacent(right) || right < s_start {
            continue;
        }
        let window = short.chars().count() + 5;
        let mut from = right;
        while from > s_start && right - from < window && doc.adjacent(from - 1) {
            from -= 1;
        }
        let base = doc.tokens[from].start;
        let long = &doc.text[base..doc.tokens[right].end];
        let Some(at) = long_form_start(short, long) else {
            continue;
        };
        let Some(left) = doc.token_containing(base + at) else {
            continue;
        };
        if !doc.cap_word(left) || doc.stop(left) || left == right && doc.org_head[left].is_none() {
            continue;
        }
        let words_ok = (left..=right).all(|m| {
            doc.kind(m) == TokenKind::Word
                || doc.kind(m) == TokenKind::Truncation
                || matches!(doc.t(m), "&" | "," | "-" | "+")
        });
        let head = (left..=right).find_map(|m| doc.org_head[m]);
        let legal = (left..=right).any(|m| doc.flags[m] & LEGAL_FIRST != 0);
        // Without a head word: a name with a region in it whose words the acronym spells
        // exactly ("Clúster de la Indústria d'Automoció de Catalunya (CIAC)"); "Künstliche
        // Intelligenz (KI)" names no body.
        let spelled_with_region = || {
            let (from, to) = (doc.tokens[left].start, doc.tokens[right].end);
            place_starts.iter().any(|&at| from <= at && at < to)
                && spelled_by_initials(doc, lex, left, right, short)
        };
        // Nor a name in a language without listed heads whose every word the acronym
        // spells ("Gospodarska zbornica Slovenije (GZS)"), short of a few lower-case
        // links ("Agentúra pre regionálny rozvoj Košického kraja (ARRK)"); it yields to a
        // listed name of the same span. A foreign lower-case word tells such a name from a
        // German term ("Kraft-Wärme-Kopplung (KWK)", "Erneuerbare Energien (EE)").
        let spelled_word_by_word = head.is_none()
            && !legal
            && !lex.cues.not_org_acronym.contains(short)
            && (left..=right).any(|m| foreign_lower_word(lex, doc.t(m)))
            && spelled_by_word_initials(doc, left, right, short);
        if !words_ok
            || (head.is_none() && !legal && !spelled_word_by_word && !spelled_with_region())
        {
            continue;
        }
        let (start, end) = (doc.tokens[left].start, doc.tokens[right].end);
        if cands
            .iter()
            .any(|c| c.entity_type != EntityType::Organisation && c.start <= start && end <= c.end)
        {
            continue;
        }
        let subtype = head.map_or("other", |h| lex.org_heads[h as usize].subtype);
        push_rule(
            cands,
            doc,
            (left, right),
            EntityType::Organisation,
            if spelled_word_by_word {
                P_ORG_ACRONYM
            } else {
                P_ORG_HEAD
            },
            subtype,
            "rule:org_acronym_definition",
        );
    }
}

/// The longest organisation candidate ending at byte `end` (the name before a bracket).
fn organisation_ending_at(cands: &[Candidate], end: usize) -> Option<&Candidate> {
    cands
        .iter()
        .filter(|c| c.entity_type == EntityType::Organisation && c.end == end)
        .max_by_key(|c| (c.end - c.start, c.priority))
}

/// Whether `t` is a lower-case word of another language than German or English: neither a
/// German function word nor a German or English link, and not declined like a German
/// adjective (-e, -en, -er, -es, -em). "zbornica", "para", "kai" are; "für", "of",
/// "regionale", "vom" are not.
fn foreign_lower_word(lex: &Lexicon, t: &str) -> bool {
    let german_adjective =
        t.ends_with('e') || ["en", "er", "es", "em"].iter().any(|e| t.ends_with(e));
    t.starts_with(char::is_lowercase)
        && !german_adjective
        && !lex.cues.initials_link.contains(t)
        && !is_function_word(lex, t)
}

/// "Kroatische Wirtschaftskammer (Hrvatska gospodarska komora, HGK)": a name in another
/// language and an acronym in brackets right after an organisation name the same
/// organisation (GUIDELINES: short names are mentions of the same ORG). A bracketed name
/// needs a foreign lower-case word, so that a German remark ("(Partner des Projekts)") or a
/// place ("(Berlin)") is not taken; names of capitalised words alone are
/// `bracket_short_names`' and `acronym_definitions`'.
#[inline(never)]
fn bracket_native_names(
    rec: &EntityRecogniser,
    doc: &Doc,
    lex: &Lexicon,
    cands: &mut Vec<Candidate>,
) {
    const MAX_WORDS: usize = 8;
    let n = doc.tokens.len();
    let bytes = doc.text.as_bytes();
    let mut found: Vec<(usize, usize, Description)> = Vec::new();
    for at in memchr::memchr_iter(b'(', bytes) {
        let Some(p) = doc.token_starting_at(at) else {
            continue;
        };
        if p == 0 || p + 2 >= n || !doc.adjacent(p - 1) {
            continue;
        }
        // The bracket's parts between commas, up to the closing bracket.
        let mut parts: Vec<(usize, usize)> = Vec::new();
        let mut first = p + 1;
        let mut k = p + 1;
        let closed = loop {
            if k >= n || k - p > 2 * MAX_WORDS {
                break false;
            }
            if doc.is_byte(k, b')') || doc.is_byte(k, b',') {
                if k == first {
                    break false;
                }
                parts.push((first, k - 1));
                if doc.is_byte(k, b')') {
                    break true;
                }
                first = k + 1;
            }
            k += 1;
        };
        let name_part = |&(first, last): &(usize, usize)| {
            last - first < MAX_WORDS
                && doc.cap_word(first)
                && !doc.stop(first)
                && (first..=last).all(|m| doc.kind(m) == TokenKind::Word)
                && (first..=last).any(|m| foreign_lower_word(lex, doc.t(m)))
        };
        let acronym_part = |&(first, last): &(usize, usize)| {
            first == last
                && acronym_like(doc.t(first))
                && !lex.cues.not_org_acronym.contains(doc.t(first))
        };
        if !closed
            || !parts.iter().any(name_part)
            || !parts
                .iter()
                .all(|part| name_part(part) || acronym_part(part))
        {
            continue;
        }
        let full_end = doc.tokens[p - 1].end;
        let Some(full) = organisation_ending_at(cands, full_end) else {
            continue;
        };
        let description = describe(rec, doc, full);
        for &(first, last) in &parts {
            found.push((first, last, description.clone()));
        }
    }
    for (first, last, description) in found {
        cands.push(repeated_org_name(
            doc,
            first,
            last - first,
            description,
            "link:bracket_name",
        ));
    }
}

/// Whether the words of tokens `left..=right` spell `short` by their first letters, one
/// letter per word or hyphen part in order, any case; a lower-case word may be passed over
/// ("pre", "kraja"), at most two of them.
///
/// "Kauno technologijos universitetas" spells "KTU"; "Agentúra pre regionálny rozvoj
/// Košického kraja" spells "ARRK" (passing over "pre" and "kraja"); "Neue Wege der Zukunft"
/// does not spell "NZ" ("Wege" is capitalised and spells nothing).
fn spelled_by_word_initials(doc: &Doc, left: usize, right: usize, short: &str) -> bool {
    const MAX_PASSED: usize = 2;
    let letters: Vec<char> = short.chars().flat_map(char::to_lowercase).collect();
    // reachable[i][p]: i letters spelled with p lower-case words passed over so far. A word
    // that could either spell or be passed over ("kraja" after "Košického") keeps both.
    let mut reachable = vec![[false; MAX_PASSED + 1]; letters.len() + 1];
    reachable[0][0] = true;
    for m in left..=right {
        if doc.kind(m) != TokenKind::Word {
            return false;
        }
        for part in doc.t(m).split('-') {
            let Some(first) = part.chars().next() else {
                continue;
            };
            let initial = first.to_lowercase().next();
            let mut next = vec![[false; MAX_PASSED + 1]; letters.len() + 1];
            for (i, row) in reachable.iter().enumerate() {
                for (p, &live) in row.iter().enumerate() {
                    if !live {
                        continue;
                    }
                    if i < letters.len() && initial == Some(letters[i]) {
                        next[i + 1][p] = true;
                    }
                    if first.is_lowercase() && p < MAX_PASSED {
                        next[i][p + 1] = true;
                    }
                }
            }
            reachable = next;
        }
    }
    letters.len() >= 2 && reachable[letters.len()].iter().any(|&live| live)
}

/// Whether the capitalised words of tokens `left..=right` spell `short` letter by letter,
/// every other word being a link word ("für", "de"): hyphen parts count as words, and so does
/// a name after an elided article ("d'Automoció").
///
/// "Clúster de la Indústria d'Automoció de Catalunya" spells "CIAC"; "Agentur für
/// Außenwirtschaft Beispielland" does not spell "AWB" (three capitalised words, "AAB").
fn spelled_by_initials(doc: &Doc, lex: &Lexicon, left: usize, right: usize, short: &str) -> bool {
    let mut letters = short.chars().flat_map(char::to_lowercase);
    let mut words = 0;
    for m in left..=right {
        let t = doc.t(m);
        if doc.kind(m) != TokenKind::Word {
            if matches!(t, "'" | "’" | "&") {
                continue;
            }
            return false;
        }
        for part in t.split('-') {
            // "d'Automoció", "dell'Industria": the name after the elided article.
            let part = part
                .split_once(['\'', '’'])
                .filter(|(article, _)| article.chars().all(char::is_lowercase))
                .map_or(part, |(_, name)| name);
            let Some(first) = part.chars().next() else {
                continue;
            };
            if first.is_uppercase() {
                if letters.next() != first.to_lowercase().next() {
                    return false;
                }
                words += 1;
            } else if !lex.cues.initials_link.contains(part)
                && !lex.cues.foreign_link.contains(part)
            {
                return false;
            }
        }
    }
    words >= 2 && letters.next().is_none()
}

/// Whether a name word stands out as a name wherever it is: inner capitals ("DataQuell"),
/// all capitals ("ZEVRA") or digits ("Werk3").
fn distinctive_name(t: &str) -> bool {
    let inner_capital = t
        .char_indices()
        .skip(1)
        .any(|(at, c)| c.is_uppercase() && t[..at].ends_with(char::is_lowercase));
    let caps = t.chars().filter(|c| c.is_uppercase()).count();
    inner_capital
        || (caps >= 2 && !t.chars().any(char::is_lowercase))
        || (t.chars().any(|c| c.is_ascii_digit()) && t.chars().any(char::is_alphabetic))
}

/// Names after a noun that describes an organisation: "die Firma DataQuell", "der
/// Technologieverband Automation Alley", "das Start-up Lumio aus Kiel". The describing noun
/// stays outside. The name is one distinctive word, two to four name words, or one word
/// followed by a comma, a bracket or "aus" and a place.
#[inline(never)]
fn described_names(doc: &Doc, lex: &Lexicon, cands: &mut Vec<Candidate>) {
    let n = doc.tokens.len();
    // Capitalised words ending in a describing noun ("Firma", "Agentur"): their flag.
    for p in doc.with(DESCRIBING, 1).take_while(|&p| p + 1 < n) {
        // Followed by another capitalised word.
        if doc.flags[p + 1] & (CAP | STOP) != CAP || !doc.adjacent(p) {
            continue;
        }
        let before = doc.t(p - 1);
        // After an article or adjective ("die Firma", "Das Unternehmen", "der staatliche").
        if !doc.adjacent(p - 1) || !(before.starts_with(char::is_lowercase) || doc.stop(p - 1)) {
            continue;
        }
        let limit = doc.sentence_end(p);
        let name_part = |k: usize| {
            name_word(doc, lex, k)
                && role_kind(doc, lex, k).is_none()
                && doc.org_head[k].map_or(true, |h| lex.org_heads[h as usize].word)
        };
        let first = p + 1;
        if first >= limit || !doc.adjacent(p) || !name_part(first) {
            continue;
        }
        let mut last = first;
        while last + 1 < limit && last - first < 3 && doc.adjacent(last) {
            let k = last + 1;
            if name_part(k) {
                last = k;
            } else if matches!(doc.t(k), "&" | "+")
                && k + 1 < limit
                && doc.adjacent(k)
                && name_part(k + 1)
            {
                last = k + 1;
            } else {
                break;
            }
        }
        let next = doc.t_or(last + 1);
        let accepted = if first == last {
            let t = doc.t(first);
            !doc.region[first]
                && (distinctive_name(t)
                    || (!german_noun_like(t)
                        && (matches!(next, "," | "(") || described_name_ends(doc, lex, last)))
                    || (next == "aus"
                        && last + 2 < limit
                        && doc.cap_word(last + 2)
                        && !doc.stop(last + 2)))
        } else {
            // Two capitalised nouns in a row may be objects ("hat das Unternehmen Kunden
            // Angebote gemacht"): one word must stand out, or none look like a noun.
            let words = || (first..=last).filter(|&k| doc.kind(k) == TokenKind::Word);
            !(first..=last).all(|k| doc.region[k])
                && (words().any(|k| distinctive_name(doc.t(k)))
                    || (first..=last).any(|k| matches!(doc.t(k), "&" | "+"))
                    || !words().any(|k| german_noun_like(doc.t(k))))
        };
        if !accepted {
            continue;
        }
        let (start, end) = (doc.tokens[first].start, doc.tokens[last].end);
        // A listed place or person that is the whole name is that.
        if cands
            .iter()
            .any(|c| c.entity_type != EntityType::Organisation && c.start == start && c.end == end)
        {
            continue;
        }
        push_rule(
            cands,
            doc,
            (first, last),
            EntityType::Organisation,
            P_ORG_ACRONYM,
            "company",
            "rule:org_described",
        );
    }
}

/// Whether a single name after a describing noun is closed by a finite verb or adverb ("der
/// Hersteller Beispiel liegt …"): a lower-case word after it that is no conjunction,
/// article or preposition.
fn described_name_ends(doc: &Doc, lex: &Lexicon, last: usize) -> bool {
    let k = last + 1;
    if k >= doc.sentence_end(last) || !doc.adjacent(last) {
        return false;
    }
    let t = doc.t(k);
    doc.kind(k) == TokenKind::Word
        && t.starts_with(char::is_lowercase)
        && t.chars().count() > 2
        && !matches!(t, "und" | "oder" | "sowie")
        && doc.flags[k] & (NOUN_MARKER | CONTEXT_WORD) == 0
        && !is_function_word(lex, t)
}

/// Whether a capitalised word ends like a German common noun or inflected adjective ("Kunden",
/// "Angebote", "Leistung", "Mitarbeiter"): such words after a describing noun are rarely
/// names.
fn german_noun_like(t: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "e", "en", "er", "ern", "es", "ung", "heit", "keit", "schaft", "nis", "tät", "ismus",
        "chen", "ik", "tum",
    ];
    ENDINGS.iter().any(|e| t.ends_with(e))
}

/// A person's name found by its first name that is something else: it ends in a word like
/// "Park" or "Airways", or such a word follows it ("Lindsey School", "Miller Band").
fn not_person_name(doc: &Doc, _lex: &Lexicon, last: usize) -> bool {
    doc.flags[last] & NOT_SURNAME != 0
        || (last + 1 < doc.sentence_end(last)
            && doc.adjacent(last)
            && doc.flags[last + 1] & NOT_SURNAME != 0)
}

/// The start of a lower-case name before the legal form at token `i` ("die nordport GmbH",
/// "der Verein musterbau e.V."): one to three lower-case words that are no function words
/// or inflected adjectives ("der neuen GmbH" has none), after an article, a describing noun
/// or the sentence start. Returns `i` when there is none.
fn lower_case_name_start(doc: &Doc, lex: &Lexicon, i: usize, s_start: usize) -> usize {
    let name_like = |k: usize| {
        let t = doc.t(k);
        doc.kind(k) == TokenKind::Word
            && t.starts_with(|c: char| c.is_lowercase())
            && t.chars().count() >= 2
            && !["e", "en", "er", "es", "em"].iter().any(|e| t.ends_with(e))
            && !is_function_word(lex, t)
            // Noun markers, context words and particles by their flags (the same lists).
            && doc.flags[k] & (NOUN_MARKER | CONTEXT_WORD | PARTICLE) == 0
    };
    let mut left = i;
    while left > s_start && i - left < 3 && doc.adjacent(left - 1) && name_like(left - 1) {
        left -= 1;
    }
    if left == i {
        return i;
    }
    let opened = left == s_start || {
        let before = doc.t(left - 1);
        lex.noun_markers.contains(before)
            || doc.stop(left - 1)
            || is_function_word(lex, before)
            || before == ","
            || doc.cap_word(left - 1)
            || lex.cues.descriptor.iter().any(|d| {
                doc.folded[doc.tokens[left - 1].start..doc.tokens[left - 1].end].ends_with(d)
            })
    };
    if opened {
        left
    } else {
        i
    }
}

/// A lower-case function word ("und", "von", "mit"): its capitalised form is a stop word.
/// Only asked about the few words before a legal form, so the allocation does not matter.
fn is_function_word(lex: &Lexicon, t: &str) -> bool {
    let mut chars = t.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let capitalised: String = first.to_uppercase().chain(chars).collect();
    lex.stopwords.contains(capitalised.as_str())
}

/// Whether a genitive with a place follows the complement noun at `m`: "Ministerium der
/// Finanzen [des Landes Sachsen-Anhalt]", "Kammer der Architekten [des Freistaates Sachsen]".
fn genitive_region_follows(doc: &Doc, _lex: &Lexicon, m: usize, limit: usize) -> bool {
    let k = m + 1;
    if k + 1 >= limit || !doc.adjacent(m) || !matches!(doc.t(k), "des" | "der") {
        return false;
    }
    // The place itself or a region head word and the place ("des Landes Sachsen-Anhalt").
    let place_at = |q: usize| q < limit && doc.region[q];
    place_at(k + 1)
        || (doc.cap_word(k + 1)
            && (doc.flags[k + 1] & REGION_HEAD != 0
                || matches!(doc.t(k + 1), "Landes" | "Bundeslandes" | "Staates"))
            && place_at(k + 2))
}

/// "im Technologiepark Science Park", "der Star Park": a word like "Park" after a word that
/// could be a romanised given name, with a name or an article before, is a facility.
fn facility_after_name_or_article(doc: &Doc, lex: &Lexicon, i: usize) -> bool {
    doc.flags[i + 1] & NOT_SURNAME != 0
        && i > doc.sentence_start(i)
        && role_kind(doc, lex, i - 1).is_none()
        && (doc.cap_word(i - 1) || doc.flags[i - 1] & NOUN_MARKER != 0)
}

/// Acronyms after an article ("der XYZ", "beim XYZ") name organisations, unless they are
/// common abbreviations (`not_org_acronym` in cues.tsv: "die KI") or legal forms; every other
/// occurrence of such an acronym in the document is the organisation too. A listed place or
/// organisation wins.
#[inline(never)]
fn acronyms_after_articles(doc: &Doc, lex: &Lexicon, cands: &mut Vec<Candidate>) {
    let mut names: Vec<&str> = Vec::new();
    for k in doc.with(ACRONYM_START, 1) {
        // Acronyms start with two capitals among three bytes (see `article_acronym`).
        if doc.flags[k] & ACRONYM_START == 0 {
            continue;
        }
        let t = doc.t(k);
        if !names.contains(&t) && (article_acronym(doc, lex, k) || apposition_acronym(doc, lex, k))
        {
            names.push(t);
        }
    }
    if names.is_empty() {
        return;
    }
    for k in doc.with(WORD | ACRONYM_START, 0) {
        let token = doc.tokens[k];
        // A token spelled like a name has its flags.
        if token.kind == TokenKind::Word
            && doc.flags[k] & ACRONYM_START != 0
            && names.contains(&doc.t(k))
        {
            // With the name words after it: "die HTW Oberwald", "der TSV Beispielstadt".
            let limit = doc.sentence_end(k);
            let mut last = k;
            while last + 1 < limit
                && last - k < 2
                && doc.adjacent(last)
                && name_word(doc, lex, last + 1)
                && role_kind(doc, lex, last + 1).is_none()
                && doc.org_head[last + 1].is_none()
                && (doc.region[last + 1] || !german_noun_like(doc.t(last + 1)))
            {
                last += 1;
            }
            cands.push(Candidate {
                start: token.start,
                end: doc.tokens[last].end,
                entity_type: EntityType::Organisation,
                priority: P_ORG_ACRONYM - 1,
                weight: 0,
                needs_context: false,
                needs_definition: false,
                payload: Payload::Rule {
                    subtype: "other",
                    rule: "rule:org_acronym_article",
                },
            });
        }
    }
}

/// "Beispiel Trade GmbH, die Landesagentur für Außenwirtschaft, …": an organisation head
/// with a complement in apposition to an organisation describes it, and takes its canonical
/// name. Not before "und", "sowie", "oder": "X, die Agentur für Y und Z" more likely lists.
fn appositive_descriptions(rec: &EntityRecogniser, doc: &Doc, chosen: &mut [Candidate]) {
    let lex = rec.lexicon();
    let n = doc.tokens.len();
    let org_ending_at = |chosen: &[Candidate], end: usize| {
        chosen
            .iter()
            .position(|c| c.entity_type == EntityType::Organisation && c.end == end)
    };
    for j in 0..chosen.len() {
        let c = &chosen[j];
        if c.entity_type != EntityType::Organisation || !matches!(c.payload, Payload::Rule { .. }) {
            continue;
        }
        let Some(first) = doc.token_starting_at(c.start) else {
            continue;
        };
        if first < 4
            || first + 1 >= n
            || doc.org_head[first].is_none()
            || !lex.cues.apposition_complement.contains(doc.t(first + 1))
            || !matches!(doc.t(first - 1), "der" | "die" | "das" | "dem" | "den")
            || doc.t(first - 2) != ","
        {
            continue;
        }
        let after = doc.tokens.partition_point(|t| t.start < c.end);
        if matches!(doc.t_or(after), "und" | "sowie" | "oder") {
            continue;
        }
        // The described organisation ends before the comma, or before its acronym in brackets.
        let mut last = first - 3;
        if doc.t(last) == ")" && last >= 3 && doc.t(last - 2) == "(" {
            last -= 3;
        }
        let Some(described) = org_ending_at(chosen, doc.tokens[last].end) else {
            continue;
        };
        if described == j {
            continue;
        }
        let (canonical, kb_id, subtype) = describe(rec, doc, &chosen[described]);
        chosen[j].payload = Payload::Linked {
            canonical,
            kb_id,
            subtype,
            rule: "link:apposition",
        };
    }
}

/// Whether the acronym at token `k` is followed by an apposition that describes it as an
/// organisation: "XYZ, der Agentur für Außenwirtschaft …", "XYZ, die Gesellschaft des Landes …".
/// The head must take a complement: in "XYZ, die Universität Beispielstadt und …" the comma
/// more likely lists.
fn apposition_acronym(doc: &Doc, lex: &Lexicon, k: usize) -> bool {
    k + 4 < doc.tokens.len()
        && doc.t(k + 1) == ","
        && matches!(doc.t(k + 2), "der" | "die" | "das")
        && doc.org_head[k + 3].is_some()
        && lex.cues.apposition_complement.contains(doc.t(k + 4))
        && (k..k + 4).all(|m| doc.adjacent(m))
        && !lex.cues.not_org_acronym.contains(doc.t(k))
}

/// Whether an article or a preposition with an article stands right before token `k` ("der",
/// "Die", "beim").
fn article_before(doc: &Doc, lex: &Lexicon, k: usize) -> bool {
    let before = doc.t(k - 1);
    if !doc.adjacent(k - 1) || before.len() > 8 || !before.is_ascii() {
        return false;
    }
    // Lower-case on the stack: noun markers are short ASCII words.
    let mut buf = [0u8; 8];
    buf[..before.len()].copy_from_slice(before.as_bytes());
    buf[..before.len()].make_ascii_lowercase();
    std::str::from_utf8(&buf[..before.len()]).is_ok_and(|lower| lex.noun_markers.contains(lower))
}

/// "TU Bergakademie Freiberg": an acronym linked to "Technische Universität Bergakademie
/// Freiberg" and the name right after it, which ends that full name, are one mention of it
/// (the acronym spells the words before the rest).
fn join_acronym_and_rest(doc: &Doc, chosen: &mut Vec<Candidate>) {
    let mut joined = vec![false; chosen.len()];
    for a in 0..chosen.len() {
        let Payload::Linked {
            canonical,
            rule: "link:acronym",
            ..
        } = &chosen[a].payload
        else {
            continue;
        };
        let end = chosen[a].end;
        if doc.text.as_bytes().get(end) != Some(&b' ') {
            continue;
        }
        let Some(b) = chosen
            .iter()
            .position(|c| c.start == end + 1 && c.entity_type == EntityType::Organisation)
        else {
            continue;
        };
        let acr = &doc.text[chosen[a].start..end];
        let rest = &doc.text[chosen[b].start..chosen[b].end];
        let spelled = canonical
            .strip_suffix(rest)
            .and_then(|head| head.strip_suffix(' '))
            .is_some_and(|head| long_form_start(acr, head) == Some(0));
        if spelled && !joined[a] {
            chosen[a].end = chosen[b].end;
            joined[b] = true;
        }
    }
    let mut k = 0;
    chosen.retain(|_| {
        k += 1;
        !joined[k - 1]
    });
}

/// Acronyms found by rule ("der XYZ", "XYZ-Chef") take the canonical name of an organisation
/// of the document whose words they abbreviate ("Wirtschaftsförderung Sachsen GmbH" for
/// "WFS") or that starts with them ("XYZ Zentrum für Proben").
fn link_acronyms_to_names(rec: &EntityRecogniser, doc: &Doc, chosen: &mut [Candidate]) {
    let acronym_rule = |c: &Candidate| {
        matches!(
            c.payload,
            Payload::Rule {
                rule: "rule:org_acronym_article" | "rule:org_acronym_role",
                ..
            }
        ) && acronym_like(&doc.text[c.start..c.end])
    };
    if !chosen.iter().any(acronym_rule) {
        return;
    }
    let mut links = Vec::new();
    for (at, c) in chosen.iter().enumerate() {
        if !acronym_rule(c) {
            continue;
        }
        let acr = &doc.text[c.start..c.end];
        // The name the document defines it for, "Beispiel Rice Research Institute (BRRI)",
        // before any name it merely spells ("Bundesministerium für Forschung …").
        let defined = chosen.iter().find(|f| {
            f.entity_type == EntityType::Organisation
                && doc.text[f.end..]
                    .trim_start_matches(' ')
                    .strip_prefix('(')
                    .and_then(|rest| rest.strip_prefix(acr))
                    .is_some_and(|rest| rest.starts_with(')'))
                && long_form_start(acr, &doc.text[f.start..f.end]).is_some()
        });
        // "Beispiel Science Hub (BSH) Wien": the longer name elsewhere is the full one.
        let defined = defined.map(|f| {
            let name = &doc.text[f.start..f.end];
            chosen
                .iter()
                .filter(|g| {
                    g.entity_type == EntityType::Organisation
                        && doc.text[g.start..g.end]
                            .strip_prefix(name)
                            .is_some_and(|rest| rest.starts_with(' '))
                })
                .max_by_key(|g| g.end - g.start)
                .unwrap_or(f)
        });
        let full = defined.or_else(|| {
            chosen.iter().find(|f| {
                if f.entity_type != EntityType::Organisation || f.end - f.start <= acr.len() + 1 {
                    return false;
                }
                let name = &doc.text[f.start..f.end];
                let words = || name.split(' ').filter(|w| is_upper_initial(w)).count();
                name.strip_prefix(acr)
                    .is_some_and(|rest| rest.starts_with([' ', '-']))
                    || (long_form_start(acr, name) == Some(0) && words() <= acr.chars().count() + 2)
            })
        });
        if let Some(full) = full {
            let (canonical, kb_id, subtype) = describe(rec, doc, full);
            links.push((at, canonical, kb_id, subtype));
        }
    }
    for (at, canonical, kb_id, subtype) in links {
        chosen[at].payload = Payload::Linked {
            canonical,
            kb_id,
            subtype,
            rule: "link:acronym",
        };
    }
}

/// Whether token `k` is an acronym after an article that may name an organisation: letters
/// only, not a common abbreviation or legal form, not in capitals run or headline.
fn article_acronym(doc: &Doc, lex: &Lexicon, k: usize) -> bool {
    // Byte test first: an ASCII capital, then another within the next two bytes.
    if k == 0 || doc.region[k] || doc.flags[k] & ACRONYM_START == 0 {
        return false;
    }
    let t = doc.t(k);
    if !acronym(t)
        || !t.chars().all(char::is_alphabetic)
        || lex.cues.not_org_acronym.contains(t)
        || doc.flags[k] & LEGAL_FIRST != 0
        || !article_before(doc, lex, k)
    {
        return false;
    }
    let next = doc.t_or(k + 1);
    let caps_run = next.chars().count() > 1 && !has_lowercase(next) && doc.cap_word(k + 1);
    !caps_run && !doc.caps_line(doc.tokens[k].start, doc.tokens[k].end)
}

/// Organisations named after a person, written without hyphens: "Robert Beispiel Stiftung",
/// "Paul Muster Institut". A first name and a surname before the head (or before the word
/// already taken as its modifier) extend the name to the left.
fn person_named_left(doc: &Doc, lex: &Lexicon, left: usize, i: usize, s_start: usize) -> usize {
    let surname = |k: usize| {
        name_word(doc, lex, k)
            && has_lowercase(doc.t(k))
            && !doc.region[k]
            && role_kind(doc, lex, k).is_none()
            && doc.org_head[k].is_none()
    };
    let first_name = |k: usize| doc.flags[k] & FIRST_NAME != 0 && doc.adjacent(k);
    if left + 1 == i && left > s_start && first_name(left - 1) {
        // "Paul Muster Institut": the surname was read as a modifier.
        return left - 1;
    }
    if left == i && i >= s_start + 2 && doc.adjacent(i - 1) && surname(i - 1) && first_name(i - 2) {
        return i - 2;
    }
    left
}

/// Whether an indefinite article ("ein", "eine", "kein") stands before token `left`, possibly
/// with up to two lower-case adjectives between ("ein neues gemeinsames").
fn indefinite_before(doc: &Doc, left: usize, s_start: usize) -> bool {
    let mut k = left;
    for _ in 0..3 {
        if k == s_start || !doc.adjacent(k - 1) {
            return false;
        }
        k -= 1;
        let t = doc.t(k);
        if matches!(
            t,
            "ein" | "eine" | "einen" | "einem" | "eines" | "Ein" | "Eine" | "kein" | "keine"
        ) {
            return true;
        }
        if !lower_adjective(t) {
            return false;
        }
    }
    false
}

/// A quick byte test for an acronym start: a capital, and another among the next two bytes.
fn acronym_start(t: &str) -> bool {
    acronym_start_bytes(t.as_bytes())
}

/// [`acronym_start`] on the bytes of a token.
fn acronym_start_bytes(t: &[u8]) -> bool {
    match t {
        [a, b, c, ..] => {
            a.is_ascii_uppercase() && (b.is_ascii_uppercase() || c.is_ascii_uppercase())
        }
        [a, b] => a.is_ascii_uppercase() && b.is_ascii_uppercase(),
        _ => false,
    }
}

/// Rule families of running news text, after every other candidate is known: places in
/// lists and after place prepositions, city districts, news agencies in datelines, persons
/// named in the possessive.
#[inline(never)]
fn news_families(rec: &EntityRecogniser, doc: &Doc, lex: &Lexicon, cands: &mut Vec<Candidate>) {
    let mut found: Vec<(usize, usize, EntityType, &'static str, &'static str)> = Vec::new();
    place_after_preposition(doc, lex, cands, &mut found);
    places_before_bracketed_regions(doc, lex, cands, &mut found);
    city_districts(doc, lex, cands, &mut found);
    place_lists(rec, doc, lex, cands, &mut found);
    dateline_agencies(doc, cands, &mut found);
    club_numbers(doc, cands, &mut found);
    possessive_persons(doc, lex, cands, &mut found);
    lone_first_names(doc, lex, cands, &mut found);
    for (first, last, entity_type, subtype, rule) in found {
        let priority = match entity_type {
            EntityType::Person => P_PER_EAST_ASIAN,
            EntityType::Organisation => P_ORG_ACRONYM,
            _ => P_LOC_HEAD_RULE,
        };
        push_rule(
            cands,
            doc,
            (first, last),
            entity_type,
            priority,
            subtype,
            rule,
        );
    }
}

/// "OBERWALD (dpa) –", "OBERWALD – Die …": a place in capitals that is the whole first
/// token of a line or sentence, before a bracket or dash, opens a dateline.
fn caps_dateline(doc: &Doc, i: usize, end: usize) -> bool {
    let token = doc.tokens[i];
    token.end == end
        && end - token.start >= 3
        && (doc.sentence_start(i) == i
            || doc.text[doc.tokens[i - 1].end..token.start].contains('\n'))
        && matches!(doc.t_or(i + 1), "(" | "-" | "–" | "—" | "/")
}

/// Whether a candidate of the given type (any type: `None`) starts at token `i`.
fn candidate_at(doc: &Doc, cands: &[Candidate], i: usize, entity_type: Option<EntityType>) -> bool {
    let start = doc.tokens[i].start;
    cands
        .iter()
        .any(|c| c.start == start && entity_type.map_or(true, |t| c.entity_type == t))
}

/// A capitalised word no rule or list took that may name a place or person: no stop word,
/// role, organisation head or listed region, with lower-case letters.
fn free_name_word(doc: &Doc, lex: &Lexicon, cands: &[Candidate], k: usize) -> bool {
    doc.kind(k) == TokenKind::Word
        && name_word(doc, lex, k)
        && has_lowercase(doc.t(k))
        && !doc.region[k]
        && doc.org_head[k].is_none()
        && role_kind(doc, lex, k).is_none()
        && !candidate_at(doc, cands, k, None)
}

/// "in Oberwaldingen", "aus Beispielhausen": an unknown word with the ending of a German or
/// Slavic place name (`place_ending` in cues.tsv) after a place preposition.
/// "Partnerschaften mit Pontarlier (Frankreich) und Zittau (Sachsen)", "Werke in Kralupy
/// (Tschechien)": a name no list confirms, followed by a country or state in brackets, is a
/// place. Not after an article or a capitalised word ("die Messe Intec (Leipzig)"), not a
/// first name.
#[inline(never)]
fn places_before_bracketed_regions(
    doc: &Doc,
    lex: &Lexicon,
    cands: &[Candidate],
    found: &mut Vec<(usize, usize, EntityType, &'static str, &'static str)>,
) {
    let n = doc.tokens.len();
    // From the brackets (rare), not from every token.
    let before_brackets = doc.with(PAREN, 1).map(|p| p - 1);
    for k in before_brackets.take_while(|&k| k < n.saturating_sub(3)) {
        if doc.t(k + 1) != "(" || !doc.adjacent(k) || !doc.cap_word(k) {
            continue;
        }
        // The region, after an administrative head word or not ("(Provinz Bizkaia)").
        let region = if doc.region[k + 2] {
            k + 2
        } else if k + 4 < n
            && doc.cap_word(k + 2)
            && doc.adjacent(k + 2)
            && candidate_at(doc, cands, k + 3, Some(EntityType::Location))
        {
            k + 3
        } else {
            continue;
        };
        if doc.t(region + 1) != ")" || !doc.adjacent(k + 1) || !doc.adjacent(region) {
            continue;
        }
        let s_start = doc.sentence_start(k);
        let opened = k == s_start
            || !doc.adjacent(k - 1)
            || (doc.flags[k - 1] & NOUN_MARKER == 0
                && (!doc.cap_word(k - 1) || doc.stop(k - 1))
                && !matches!(doc.t(k - 1), "&" | "+")
                && doc.kind(k - 1) != TokenKind::Number);
        // Derived nouns ("Angriffe auf Regierungen (Georgien)") are no places.
        let folded = &doc.folded[doc.tokens[k].start..doc.tokens[k].end];
        let derived = [
            "ung", "ungen", "heit", "keit", "schaft", "nis", "tät", "ismus",
        ]
        .iter()
        .any(|e| folded.ends_with(e));
        if opened
            && !derived
            && doc.flags[k] & FIRST_NAME == 0
            && !doc.t(k).contains('-')
            && free_name_word(doc, lex, cands, k)
        {
            found.push((
                k,
                k,
                EntityType::Location,
                "city",
                "rule:place_bracketed_region",
            ));
        }
    }
}

#[inline(never)]
fn place_after_preposition(
    doc: &Doc,
    lex: &Lexicon,
    cands: &[Candidate],
    found: &mut Vec<(usize, usize, EntityType, &'static str, &'static str)>,
) {
    let after_context_words = doc.with(CONTEXT_WORD, 0).map(|p| p + 1);
    for k in after_context_words.take_while(|&k| k < doc.tokens.len()) {
        // The shortest ending has two letters, and three more are needed. The word before
        // must be a context word (its flag: no lookup).
        let token = doc.tokens[k];
        if token.end - token.start < 5
            || !doc.cap_word(k)
            || doc.flags[k - 1] & CONTEXT_WORD == 0
            || !place_preposition(doc, lex, k - 1)
        {
            continue;
        }
        let folded = &doc.folded.as_bytes()[doc.tokens[k].start..doc.tokens[k].end];
        let ends = lex.cues.place_endings.ends(folded, 3);
        // The candidate test scans the document's candidates: last.
        if ends && !doc.t(k).contains('-') && free_name_word(doc, lex, cands, k) {
            found.push((k, k, EntityType::Location, "city", "rule:place_ending"));
        }
    }
}

/// Whether token `p` is a place preposition (a context word) before the next token: not
/// "im", which also stands before nouns ("im Vorfeld"), nor a name particle ("Karl von
/// Oberfeld": "von" after a capitalised word that is no role).
fn place_preposition(doc: &Doc, lex: &Lexicon, p: usize) -> bool {
    let t = doc.t(p);
    // Context words are short lower-case words: byte tests before the flags.
    (2..=8).contains(&t.len())
        && t.as_bytes()[0].is_ascii_lowercase()
        && t != "im"
        && doc.adjacent(p)
        // A context word by its flags (the same list, exact text): no lookup.
        && doc.flags[p] & CONTEXT_WORD != 0
        && !(t == "von" && p > 0 && doc.cap_word(p - 1) && role_kind(doc, lex, p - 1).is_none())
}

/// "in Oberwald-Nord", "aus Beispielstadt-Lindenau": a listed place, a hyphen and a
/// capitalised name after a place preposition is a district of that place.
#[inline(never)]
fn city_districts(
    doc: &Doc,
    lex: &Lexicon,
    cands: &[Candidate],
    found: &mut Vec<(usize, usize, EntityType, &'static str, &'static str)>,
) {
    // From the sure places ending before a hyphen inside their token (a few per document),
    // not from every token.
    let bytes = doc.text.as_bytes();
    for c in cands {
        if c.entity_type != EntityType::Location
            || c.needs_context
            || bytes.get(c.end) != Some(&b'-')
        {
            continue;
        }
        let Some(k) = doc.token_starting_at(c.start) else {
            continue;
        };
        let token = doc.tokens[k];
        if k == 0 || token.end <= c.end || !doc.cap_word(k) || !place_preposition(doc, lex, k - 1) {
            continue;
        }
        let district = &doc.text[c.end + 1..token.end];
        let district_ok = district.chars().count() >= 3
            && is_upper_initial(district)
            && district.chars().all(char::is_alphabetic)
            && has_lowercase(district);
        if district_ok && !found.iter().any(|f| f.0 == k) {
            found.push((k, k, EntityType::Location, "district", "rule:city_district"));
        }
    }
}

/// "in Oberwald, Lindenau und Beispielhausen": single unknown names coordinated with a sure
/// place are places. A name after a comma must continue the list; after "und" it ends it.
#[inline(never)]
fn place_lists(
    rec: &EntityRecogniser,
    doc: &Doc,
    lex: &Lexicon,
    cands: &[Candidate],
    found: &mut Vec<(usize, usize, EntityType, &'static str, &'static str)>,
) {
    // Abstract nouns ("Umgebung", "Gesellschaft") are no places.
    const ABSTRACT: &[&str] = &[
        "ung", "heit", "keit", "schaft", "nis", "tät", "ismus", "tum",
    ];
    let n = doc.tokens.len();
    // A list after a place that is also a common word takes no long word that ends like a
    // German plural noun, a compound ("bei Messen, Geschäftstreffen und Konferenzen"); short
    // names go on ("Böhmen und Mähren", "in Essen, Kettwig"), and so does any list after
    // other places.
    let common_starts: Vec<usize> = cands
        .iter()
        .filter(|c| c.entity_type == EntityType::Location)
        .filter(|c| match c.payload {
            Payload::Entry(id) => rec.dictionary().entry(id).1.flags.contains(Flags::COMMON),
            _ => false,
        })
        .filter_map(|c| doc.token_containing(c.end - 1))
        .collect();
    // Last tokens of sure places after a place preposition, in order (one pass over the
    // candidates, not one per token).
    let mut list_starts: Vec<usize> = cands
        .iter()
        .filter(|c| c.entity_type == EntityType::Location && !c.needs_context)
        .filter(|c| {
            doc.token_starting_at(c.start)
                .is_some_and(|s| s > 0 && place_preposition(doc, lex, s - 1))
        })
        .filter_map(|c| {
            doc.token_containing(c.end - 1)
                .filter(|&k| doc.tokens[k].end == c.end)
        })
        .collect();
    list_starts.sort_unstable();
    list_starts.dedup();
    let mut done = 0;
    for k in list_starts {
        if k < done || k + 2 >= n {
            continue;
        }
        let limit = doc.sentence_end(k);
        let after_common = common_starts.contains(&k);
        let mut m = k;
        while m + 2 < limit {
            let link = doc.t(m + 1);
            let x = m + 2;
            if !matches!(link, "," | "und" | "sowie" | "oder")
                || !doc.adjacent(m)
                || !doc.adjacent(m + 1)
            {
                break;
            }
            if candidate_at(doc, cands, x, Some(EntityType::Location)) {
                // A listed place continues the list: go to its end.
                let Some(e) = cands
                    .iter()
                    .filter(|c| {
                        c.start == doc.tokens[x].start && c.entity_type == EntityType::Location
                    })
                    .map(|c| c.end)
                    .max()
                else {
                    break;
                };
                let Some(last) = (x..limit).find(|&q| doc.tokens[q].end == e) else {
                    break;
                };
                m = last;
                continue;
            }
            let t = doc.t(x);
            let next = doc.t_or(x + 1);
            let closes = link != "," && !(doc.adjacent(x) && x + 1 < limit && doc.cap_word(x + 1));
            let continues = matches!(next, "," | "und" | "sowie" | "oder");
            if !free_name_word(doc, lex, cands, x)
                || t.chars().count() < 4
                || t.contains('-')
                || ABSTRACT.iter().any(|e| t.ends_with(e))
                || (after_common && german_noun_like(t) && t.chars().count() >= 9)
                || !(closes || continues)
            {
                break;
            }
            found.push((x, x, EntityType::Location, "city", "rule:place_list"));
            m = x;
        }
        done = m + 1;
    }
}

/// "Oberwald (dpa) –", "Oberwald/Beispielstadt (ots) -": a short word in brackets after the
/// place (or date) that opens a sentence is the news agency.
#[inline(never)]
fn dateline_agencies(
    doc: &Doc,
    cands: &[Candidate],
    found: &mut Vec<(usize, usize, EntityType, &'static str, &'static str)>,
) {
    let bytes = doc.text.as_bytes();
    // Brackets are rare: found in the text, then the token after each one tested.
    let after_brackets = memchr::memchr_iter(b'(', bytes)
        .filter_map(|at| doc.token_starting_at(at))
        .map(|p| p + 1);
    for k in after_brackets.filter(|&k| k + 1 < doc.tokens.len()) {
        // Near the start of a sentence only: one array load before the byte tests.
        if k - doc.sentence_start(k) > 8 {
            continue;
        }
        let open = doc.tokens[k - 1];
        if open.end != open.start + 1 || bytes[open.start] != b'(' || doc.t(k + 1) != ")" {
            continue;
        }
        let t = doc.t(k);
        let shape = (2..=12).contains(&t.len())
            && t.starts_with(|c: char| c.is_ascii_alphabetic())
            && t.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-')
            && !t.ends_with('-');
        let s_start = doc.sentence_start(k);
        if !shape || k < s_start + 2 || k - s_start > 8 || candidate_at(doc, cands, k, None) {
            continue;
        }
        // Before the bracket: only places, slashes, dates and dashes, at least one place.
        let mut saw_place = false;
        let mut q = s_start;
        let mut ok = true;
        while q < k - 1 {
            let covering = cands.iter().find(|c| {
                c.entity_type == EntityType::Location
                    && !c.needs_context
                    && c.start == doc.tokens[q].start
            });
            if let Some(c) = covering {
                saw_place = true;
                match (q..k - 1).find(|&r| doc.tokens[r].end == c.end) {
                    Some(last) => q = last + 1,
                    None => {
                        ok = false;
                        break;
                    }
                }
                continue;
            }
            let w = doc.t(q);
            if !(matches!(w, "/" | "-" | "–" | "," | ".")
                || w.bytes().all(|b| b.is_ascii_digit() || b == b'.'))
            {
                ok = false;
                break;
            }
            q += 1;
        }
        if ok && saw_place {
            found.push((
                k,
                k,
                EntityType::Organisation,
                "company",
                "rule:dateline_agency",
            ));
        }
    }
}

/// Whether token `p` is a preposition before a possessive name, capitalised only at the
/// start of a sentence ("Nach Kellers Rücktritt").
fn possessive_lead(doc: &Doc, lex: &Lexicon, p: usize) -> bool {
    let t = doc.t(p);
    if lex.cues.possessive_lead.contains(t) {
        return true;
    }
    // Rare: only words before a possessive candidate get here.
    doc.sentence_start(p) == p
        && is_upper_initial(t)
        && lex.cues.possessive_lead.contains(t.to_lowercase().as_str())
}

/// "Da erhält Lotte Hilfe", "…, dass Gregor mitkommt": a first name given in Germany,
/// Austria or Switzerland standing alone inside a sentence, after a lower-case word or a
/// comma that is no article and before no capitalised word or number, is a person.
#[inline(never)]
fn lone_first_names(
    doc: &Doc,
    lex: &Lexicon,
    cands: &[Candidate],
    found: &mut Vec<(usize, usize, EntityType, &'static str, &'static str)>,
) {
    for k in doc.with(CAP | FIRST_NAME, 1) {
        // Local first names are first names (FIRST_NAME): one bit test rules out most words.
        if doc.flags[k] & (CAP | FIRST_NAME) != CAP | FIRST_NAME
            || doc.stop(k)
            || doc.sentence_start(k) == k
        {
            continue;
        }
        // Byte and kind tests first; the hash lookups last (most capitalised words are
        // nouns after an article or before a capitalised word).
        let prev = doc.t(k - 1);
        let prev_shape = prev == ","
            || (doc.kind(k - 1) == TokenKind::Word && prev.starts_with(char::is_lowercase));
        let next = doc.t_or(k + 1);
        let next_shape = k + 1 >= doc.sentence_end(k)
            || doc.kind(k + 1) == TokenKind::Punctuation && !matches!(next, "(" | "-" | "&")
            || next.starts_with(char::is_lowercase);
        let t = doc.t(k);
        if !prev_shape || !next_shape || t.len() <= 2 || !doc.adjacent(k - 1) {
            continue;
        }
        if !lex.local_first_names.contains(t)
            || doc.flags[k - 1] & NOUN_MARKER != 0
            // A name particle after it continues the name ("Josef von …").
            || k + 1 < doc.tokens.len() && doc.flags[k + 1] & PARTICLE != 0
        {
            continue;
        }
        // Not after an article and adjective ("der erste Roman").
        let after_article_adjective = lower_adjective(prev)
            && k >= 2
            && lex
                .noun_markers
                .contains(doc.t(k - 2).to_lowercase().as_str());
        if !after_article_adjective && free_name_word(doc, lex, cands, k) {
            found.push((
                k,
                k,
                EntityType::Person,
                "person",
                "rule:person_first_name_alone",
            ));
        }
    }
}

/// "Oberwald 05", "Beispielstadt 04": a place and a two-digit founding year with a leading
/// zero name a sports club.
#[inline(never)]
fn club_numbers(
    doc: &Doc,
    cands: &[Candidate],
    found: &mut Vec<(usize, usize, EntityType, &'static str, &'static str)>,
) {
    // From the places (a few per document), not from every token.
    for c in cands {
        if c.entity_type != EntityType::Location {
            continue;
        }
        let Some(k) = doc.token_starting_at(c.start) else {
            continue;
        };
        if k + 1 >= doc.tokens.len() || doc.tokens[k].end != c.end {
            continue;
        }
        let number = doc.t(k + 1);
        if number.len() != 2
            || !number.starts_with('0')
            || !number.as_bytes()[1].is_ascii_digit()
            || !doc.adjacent(k)
            || doc
                .t_or(k + 2)
                .starts_with(|c: char| c.is_ascii_digit() || c == '%')
            || found.iter().any(|f| f.0 == k)
        {
            continue;
        }
        found.push((
            k,
            k + 1,
            EntityType::Organisation,
            "association",
            "rule:org_club",
        ));
    }
}

/// "über Kellers Entscheidung", "nach Beispiels Rücktritt": after a preposition
/// (`possessive_lead`), an unknown name with a genitive s before a capitalised noun is a
/// person.
#[inline(never)]
fn possessive_persons(
    doc: &Doc,
    lex: &Lexicon,
    cands: &[Candidate],
    found: &mut Vec<(usize, usize, EntityType, &'static str, &'static str)>,
) {
    // Plural and Latin endings of common nouns ("Autos", "Status", "Abschluss").
    const NOT_GENITIVE: &[&str] = &["ss", "us", "is", "os", "ys", "as", "ts"];
    let bytes = doc.text.as_bytes();
    // Name words ending in `s` only ([`TokensWith`] skips blocks without one).
    let n = doc.tokens.len();
    for k in doc
        .with(NAME | ENDS_S, 1)
        .take_while(|&k| k < n.saturating_sub(1))
    {
        let token = doc.tokens[k];
        // A free name word (tested below) has the NAME flag: a bit test first.
        if bytes[token.end - 1] != b's' || token.end - token.start < 4 || doc.flags[k] & NAME == 0 {
            continue;
        }
        let t = doc.t(k);
        if !t.ends_with('s')
            || t.chars().count() < 4
            || !doc.adjacent(k - 1)
            || !doc.adjacent(k)
            || !possessive_lead(doc, lex, k - 1)
            || NOT_GENITIVE.iter().any(|e| t.ends_with(e))
            || t.contains('-')
            || !free_name_word(doc, lex, cands, k)
            || doc.flags[k] & FIRST_NAME != 0
        {
            continue;
        }
        // "nach Kellers überraschendem Rücktritt": an adjective may come first.
        let noun = if lower_adjective(doc.t_or(k + 1)) && doc.adjacent(k + 1) {
            k + 2
        } else {
            k + 1
        };
        if noun < doc.sentence_end(k)
            && doc.cap_word(noun)
            && !doc.stop(noun)
            && has_lowercase(doc.t(noun))
            && doc.flags[noun] & FIRST_NAME == 0
        {
            found.push((k, k, EntityType::Person, "person", "rule:person_possessive"));
        }
    }
}

/// Complements the head rules leave out that belong to an organisation's name (GUIDELINES,
/// ORG), as longer candidates over the found ones:
/// - the seat after "in" when the document defines the name's acronym right after it
///   ("Technische Universität in Beispielstadt (TUB)"), or when a German body abroad names
///   its seat ("Deutsche Wirtschaftsvereinigung in Kenia");
/// - an embassy named with "von" and its seat ("Botschaft von Kenia in der Bundesrepublik
///   Deutschland");
/// - the official title of a government with a capitalised adjective before the
///   administrative noun ("Regierung der Autonomen Provinz Beispiel"; "die Regierung Japans"
///   and "die Regierung des Bundesstaates Beispiel" stay places).
#[inline(never)]
fn org_seats(rec: &EntityRecogniser, doc: &Doc, lex: &Lexicon, cands: &mut Vec<Candidate>) {
    let n = doc.tokens.len();
    // Places by first token: last token and list entry; whether abroad (a country other
    // than Germany) is looked up only for the few places after a name.
    let mut places: crate::gazetteer::FastMap<usize, (usize, Option<u32>)> =
        crate::gazetteer::FastMap::with_capacity_and_hasher(
            places_among(cands),
            Default::default(),
        );
    for c in cands
        .iter()
        .filter(|c| c.entity_type == EntityType::Location)
    {
        let (Some(first), Some(last)) = (
            doc.token_starting_at(c.start),
            doc.token_containing(c.end.saturating_sub(1)),
        ) else {
            continue;
        };
        if doc.tokens[last].end != c.end {
            continue;
        }
        let abroad = match c.payload {
            Payload::Entry(id) => Some(id),
            _ => None,
        };
        let slot = places.entry(first).or_insert((last, abroad));
        if last > slot.0 {
            *slot = (last, abroad);
        }
    }
    if places.is_empty() {
        return;
    }
    let abroad = |id: Option<u32>| {
        id.is_some_and(|id| {
            let (list, entry) = rec.dictionary().entry(id);
            rec.dictionary()
                .country(list.text(entry.kb_id))
                .is_some_and(|code| &code != b"DE")
        })
    };
    // The place starting at token `p`: its last token and whether abroad.
    let place = |p: usize| places.get(&p).map(|&(end, id)| (end, abroad(id)));
    // The first token of a place after "in" (and an article) at token `k`.
    let seat_start = |k: usize| -> Option<usize> {
        if k + 1 >= n || doc.t(k) != "in" || !doc.adjacent(k) {
            return None;
        }
        let mut p = k + 1;
        if matches!(doc.t(p), "der" | "dem" | "den") && doc.adjacent(p) {
            p += 1;
        }
        (p < doc.sentence_end(k) && places.contains_key(&p)).then_some(p)
    };
    // A place after "in" (and an article): its last token and whether abroad.
    let seat = |k: usize| seat_start(k).and_then(place);
    // Whether that place is a country.
    let country_at = |k: usize| {
        seat_start(k).is_some_and(|p| {
            places[&p].1.is_some_and(|id| {
                let (list, entry) = rec.dictionary().entry(id);
                list.text(entry.subtype) == "country"
            })
        })
    };
    let mut found = Vec::new();
    for c in cands
        .iter()
        .filter(|c| c.entity_type == EntityType::Organisation)
    {
        let Payload::Rule { subtype, .. } = c.payload else {
            continue;
        };
        let (Some(first), Some(last)) = (
            doc.token_starting_at(c.start),
            doc.token_containing(c.end.saturating_sub(1)),
        ) else {
            continue;
        };
        if doc.tokens[last].end != c.end || !doc.adjacent(last) {
            continue;
        }
        let Some((end, abroad)) = seat(last + 1) else {
            continue;
        };
        let defined = end + 3 < n
            && doc.t(end + 1) == "("
            && acronym_like(doc.t(end + 2))
            && doc.t(end + 3) == ")";
        let first_word = &doc.folded[doc.tokens[first].start..doc.tokens[first].end];
        let german = first_word.starts_with("deutsch") && !first_word.contains('-');
        // An embassy's official name ends in the state it is accredited to: "Botschaft der
        // Republik Beispielland in der Bundesrepublik Deutschland" (not a town: "in Berlin"
        // is where it sits).
        let accredited = ["botschaft", "konsulat"]
            .iter()
            .any(|h| first_word.ends_with(h))
            && country_at(last + 1);
        if defined || (german && abroad) || accredited {
            found.push((first, end, subtype));
        }
    }
    for i in doc.with(ORG_HEAD, 0) {
        let Some(head) = doc.org_head[i] else {
            continue;
        };
        let head = &lex.org_heads[head as usize];
        if head.word
            && i + 1 < doc.sentence_end(i)
            && doc.adjacent(i)
            && (i == doc.sentence_start(i)
                || !doc.cap_word(i - 1)
                || doc.stop(i - 1)
                // After a German describing noun: "die Agentur Enterprise Beispielland".
                || doc.org_head[i - 1].is_some_and(|h| !lex.org_heads[h as usize].word))
        {
            // "Enterprise Beispielland": an English head with the place it serves, also a
            // place named like a first name or a town.
            if let Some(&(end, _)) = places.get(&(i + 1)) {
                let open = end + 1 >= doc.sentence_end(i)
                    || !doc.adjacent(end)
                    || !doc.cap_word(end + 1)
                    || doc.stop(end + 1);
                if open {
                    found.push((i, end, head.subtype));
                }
            }
            continue;
        }
        if head.subtype != "government" || !doc.cap_word(i) || i + 3 >= doc.sentence_end(i) {
            continue;
        }
        let folded = &doc.folded[doc.tokens[i].start..doc.tokens[i].end];
        if doc.t(i + 1) == "von" && doc.adjacent(i) && doc.adjacent(i + 1) {
            // "Botschaft von Kenia", with its seat.
            let envoy = ["botschaft", "konsulat"]
                .iter()
                .any(|h| folded.ends_with(h));
            if let Some((end, true)) = envoy.then(|| place(i + 2)).flatten() {
                let end = seat(end + 1).map_or(end, |(seat_end, _)| seat_end);
                found.push((i, end, head.subtype));
            }
        } else if matches!(doc.t(i + 1), "der" | "des") && doc.adjacent(i) && doc.adjacent(i + 1) {
            // "Regierung der Autonomen Republik Beispiel", "Botschaft der Demokratischen
            // Sozialistischen Republik Beispiel": adjectives, the state's noun, the place.
            let limit = doc.sentence_end(i);
            let mut last_adjective = i + 2;
            while last_adjective + 2 < limit
                && last_adjective - i < 5
                && doc.adjacent(last_adjective)
                && modifier(doc, lex, last_adjective)
                && modifier(doc, lex, last_adjective + 1)
            {
                last_adjective += 1;
            }
            let noun = last_adjective + 1;
            if noun < limit
                && doc.adjacent(last_adjective)
                && modifier(doc, lex, last_adjective)
                && name_word(doc, lex, noun)
                && doc.adjacent(noun)
            {
                if let Some(&(end, _)) = places.get(&(noun + 1)) {
                    found.push((i, end, head.subtype));
                }
            }
        }
    }
    // "Delegation der Deutschen Wirtschaft in Beispielland": a unit with the economy it
    // represents abroad (not a known organisation in the genitive: "Niederlassung der
    // Deutschen Bank in London").
    for i in 0..n.saturating_sub(5) {
        if !(doc.cap_word(i)
            && doc.cap_word(i + 2)
            && name_word(doc, lex, i + 3)
            && matches!(doc.t(i + 1), "der" | "des")
            && modifier(doc, lex, i + 2)
            && (i..i + 4).all(|k| doc.adjacent(k))
            && unit_noun(doc, lex, i))
        {
            continue;
        }
        let known = cands.iter().any(|c| {
            c.entity_type == EntityType::Organisation
                && c.start <= doc.tokens[i + 2].start
                && c.end >= doc.tokens[i + 3].end
        });
        if let Some((end, true)) = seat(i + 4).filter(|_| !known) {
            found.push((i, end, "chamber"));
        }
    }
    push_organisations(cands, doc, found, P_ORG_HEAD, "rule:org_seat");
}

/// Organisation mentions that name the document's specific organisation in short, linked to
/// its full name (GUIDELINES, ORG: short names are mentions of the same organisation):
/// - a short form the full name extends with its seat or district or closing acronym:
///   "Botschaft von Beispiel" after "Botschaft von Beispiel in der Bundesrepublik
///   Deutschland", "IHK Beispielstadt" after "IHK Beispielstadt für Beispielland";
/// - an acronym with a place, written out elsewhere: "IHK Beispielstadt" when the document
///   names the "Industrie- und Handelskammer Beispielstadt" (the acronym's listed name);
/// - a listed acronym alone ("IHK", "HWK") when the document names one organisation that
///   starts with it: "IHK Beispielstadt".
///
/// Only a single candidate links; with two ("IHK Aachen", "IHK Köln") the mention stays.
/// Links short forms to the document's specific organisation; returns the descriptions it
/// made, by candidate index (none if it made none), for [`materialise`].
#[inline(never)]
fn link_to_specific_names(
    rec: &EntityRecogniser,
    doc: &Doc,
    chosen: &mut [Candidate],
) -> Vec<Option<Description>> {
    let orgs: Vec<usize> = (0..chosen.len())
        .filter(|&k| chosen[k].entity_type == EntityType::Organisation)
        .collect();
    if orgs.len() < 2 {
        return Vec::new();
    }
    // Every link joins two organisations whose first words start alike ("IHK" and "IHK
    // Beispielstadt", "Deutschen Botschaft" and "Deutsche Botschaft in …", "Fraunhofer
    // IBT" and "Fraunhofer-Institut …"): without such a pair there is nothing to link.
    // An abbreviated kind of university keys as its written-out form ("TU" as
    // "Technische Universität").
    let folded_kinds = &rec.lexicon().cues.university_kind_folded;
    let key = |k: usize| {
        let c = &chosen[k];
        let word = doc.folded[c.start..c.end]
            .split([' ', '-'])
            .next()
            .unwrap_or("");
        let word = folded_kinds
            .iter()
            .find(|(short, _)| short == word)
            .map_or(word, |(_, long)| long.as_str());
        let mut end = word.len().min(5);
        while !word.is_char_boundary(end) {
            end -= 1;
        }
        &word[..end]
    };
    let mut keys: Vec<(&str, &str)> = orgs
        .iter()
        .map(|&k| (key(k), &doc.text[chosen[k].start..chosen[k].end]))
        .collect();
    keys.sort_unstable();
    keys.dedup();
    if !keys.windows(2).any(|pair| pair[0].0 == pair[1].0) {
        return Vec::new();
    }
    let described: Vec<(usize, String, Description)> = orgs
        .iter()
        .map(|&k| {
            let c = &chosen[k];
            let written = normalise_space(&doc.text[c.start..c.end]);
            (k, written, describe(rec, doc, c))
        })
        .collect();
    // The one canonical among `names` (written, canonical) that fits, if exactly one does.
    let unique = |fits: &dyn Fn(&str, &str) -> bool| -> Option<(usize, String)> {
        let mut found: Option<(usize, &String)> = None;
        for (k, written, (canonical, ..)) in &described {
            if fits(written, canonical) {
                match found {
                    Some((_, seen)) if seen != canonical => return None,
                    _ => found = Some((*k, canonical)),
                }
            }
        }
        found.map(|(k, canonical)| (k, canonical.clone()))
    };
    let mut links = Vec::new();
    for (k, written, (canonical, ..)) in &described {
        let c = &chosen[*k];
        if !matches!(c.payload, Payload::Rule { .. } | Payload::Entry(_)) {
            continue;
        }
        // The rest names the seat or district, or is the acronym that closes the full name
        // ("Fraunhofer-Institut für Beispieltechnik IBT").
        let extends = |rest: &str| {
            [" in ", " für ", " zu "]
                .iter()
                .any(|p| rest.starts_with(p))
                || rest
                    .strip_prefix(' ')
                    .is_some_and(|acr| !acr.contains(' ') && acronym_like(acr))
        };
        // A short form of two words at least ("Botschaft von Beispiel", not "EU-Kommission")
        // the full name extends with a complement.
        let full = canonical
            .contains(' ')
            .then(|| {
                unique(&|_, other: &str| {
                    other.strip_prefix(canonical.as_str()).is_some_and(extends)
                })
            })
            .flatten()
            .or_else(|| {
                // "ACR Rest" written out as the acronym's listed name and the same rest.
                let (acr, rest) = written.split_once(' ')?;
                if !acronym_like(acr) {
                    return None;
                }
                // "TU Beispielstadt" and "Technische Universität Beispielstadt".
                let kinds = &rec.lexicon().cues.university_kind;
                if let Some(&(_, kind)) = kinds.iter().find(|&&(s, _)| s == acr) {
                    let long = format!("{kind} {rest}");
                    if let Some(found) = unique(&|_, other: &str| other == long) {
                        return Some(found);
                    }
                }
                let (_, _, (expansion, ..)) = described
                    .iter()
                    .find(|(_, w, (e, ..))| w == acr && e != acr)?;
                let long = format!("{expansion} {rest}");
                unique(&|_, other: &str| other == long)
            })
            .or_else(|| {
                // "Botschaft von Beispielland (in …)": the envoy the document names with the
                // state's full title, "Botschaft der Republik Beispielland (in …)".
                let (head, rest) = canonical.split_once(" von ")?;
                let envoy = head.to_lowercase();
                if !(envoy.ends_with("botschaft") || envoy.ends_with("konsulat")) {
                    return None;
                }
                let (place, seat) = match rest.split_once(" in ") {
                    Some((place, seat)) => (place, Some(seat)),
                    None => (rest, None),
                };
                let titled = |other: &str| {
                    let Some(title) = other
                        .strip_prefix(head)
                        .and_then(|r| r.strip_prefix(" der ").or_else(|| r.strip_prefix(" des ")))
                    else {
                        return false;
                    };
                    let (state, other_seat) = match title.split_once(" in ") {
                        Some((state, seat)) => (state, Some(seat)),
                        None => (title, None),
                    };
                    state.strip_suffix(place).is_some_and(|t| t.ends_with(' '))
                        && (seat.is_none() || other_seat.is_none() || seat == other_seat)
                };
                unique(&|_, other: &str| titled(other))
            })
            .or_else(|| {
                // A listed acronym alone: the one organisation of the document written with it.
                // Only a chamber's ("IHK"): a party's or company's acronym with more words
                // is a branch or product ("VW Polo").
                if !(acronym_like(written) && matches!(c.payload, Payload::Entry(_)))
                    || entry_subtype(rec, c) != "chamber"
                {
                    return None;
                }
                let prefix = format!("{written} ");
                unique(&|w: &str, _| w.starts_with(&prefix))
            });
        if let Some((other, full)) = full {
            if other != *k && full != *canonical {
                let (_, _, (_, kb_id, subtype)) = described
                    .iter()
                    .find(|(o, ..)| *o == other)
                    .expect("a fitting organisation is described");
                links.push((*k, full, kb_id.clone(), subtype.clone()));
            }
        }
    }
    let mut out: Vec<Option<Description>> = vec![None; chosen.len()];
    for (k, _, description) in described {
        out[k] = Some(description);
    }
    for (k, canonical, kb_id, subtype) in links {
        out[k] = Some((canonical.clone(), kb_id.clone(), subtype.clone()));
        chosen[k].payload = Payload::Linked {
            canonical,
            kb_id,
            subtype,
            rule: "link:specific_name",
        };
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The runs of `text` between whitespace characters (each one byte wide), as word tokens.
    fn word_tokens(text: &str) -> Vec<Token> {
        let mut tokens = Vec::new();
        let mut at = 0;
        for word in text.split(|c: char| c.is_whitespace()) {
            if !word.is_empty() {
                tokens.push(Token {
                    start: at,
                    end: at + word.len(),
                    kind: TokenKind::Word,
                });
            }
            at += word.len() + 1;
        }
        tokens
    }

    /// A document of `tokens` with its block index and nothing else worked out.
    fn bare_doc<'a>(text: &'a str, tokens: &'a [Token]) -> Doc<'a> {
        Doc {
            text,
            folded: Cow::Borrowed(text),
            tokens,
            sentences: Vec::new(),
            org_head: Vec::new(),
            role_suffix: Vec::new(),
            region: Vec::new(),
            genitive_places: Vec::new(),
            flags: Vec::new(),
            blocks: BlockIndex::default(),
            starts: token_blocks(text, tokens),
        }
    }

    #[test]
    fn normalise_space_equals_split_and_join() {
        let texts = [
            "",
            " ",
            "Technische Universität",
            "Technische  Universität",
            " führend",
            "am Ende ",
            "Zeile\nzwei",
            "Tab\tgetrennt",
            "geschützt\u{a0}leer",
            "Ogham\u{1680}Leerzeichen",
            "schmal\u{2009}leer",
            "ideographisch\u{3000}leer",
            "nächste\u{85}Zeile",
            "Gesellschaft für Sport-, Kultur- und Bildungsarbeit",
            "abcdefg  hijklmnop",
            "abcdefgh  ijklmnop",
            "abcdefg h ijklmnop q",
            "Ärzte Österreichs ßtraße 中国 한국",
            "abcdefghijklmno\u{e000}",
        ];
        for text in texts {
            let expected = text.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(normalise_space(text), expected, "{text:?}");
        }
        // A double blank at every offset, across the eight-byte steps.
        for at in 0..20 {
            let text = format!("{}  {}", "a".repeat(at + 1), "b".repeat(20 - at));
            assert!(!single_spaced(text.as_bytes()), "{text:?}");
            let single = format!("{} {}", "a".repeat(at + 1), "b".repeat(20 - at));
            assert!(single_spaced(single.as_bytes()), "{single:?}");
        }
    }

    #[test]
    fn token_lookups_equal_the_searches() {
        let text = "Die  Stadt Oberwald-Nord, 12345 Beispielhausen;\n\n\t  und (Sachsen) ende";
        let tokens = word_tokens(text);
        let starts = token_blocks(text, &tokens);
        assert!(!starts.is_empty());
        let doc = bare_doc(text, &tokens);
        for at in 0..text.len() + 40 {
            let starting = tokens.binary_search_by_key(&at, |t| t.start).ok();
            let i = tokens.partition_point(|t| t.start <= at);
            let containing = (i > 0 && tokens[i - 1].end > at).then(|| i - 1);
            assert_eq!(doc.token_starting_at(at), starting, "{at}");
            assert_eq!(doc.token_containing(at), containing, "{at}");
        }
        // Starts that do not increase: no index, the searches.
        let repeated = [tokens[0], tokens[0]];
        assert!(token_blocks(text, &repeated).is_empty());
        let last = tokens.len() - 1;
        for swapped in [[tokens[1], tokens[0]], [tokens[last], tokens[last - 1]]] {
            assert!(token_blocks(text, &swapped).is_empty());
        }
    }

    #[test]
    fn repeats_are_the_tokens_spelled_like_each_first_word() {
        // "Anna" also inside "AnnAnna" and "Annas", "aa" overlapping itself in "aaa aa".
        let text = "Anna AnnAnna Anna Annas aaa aa Beispiel GmbH Anna-Beispiel aa Beispiel";
        let tokens = word_tokens(text);
        let doc = bare_doc(text, &tokens);
        let firsts = [2, 6, 7, 5, 0, 6];
        let mut expected = Vec::new();
        for (x, &f) in firsts.iter().enumerate() {
            for k in 0..tokens.len() {
                if doc.t(k) == doc.t(f) {
                    expected.push((x, k));
                }
            }
        }
        assert_eq!(repeats(&doc, &firsts), expected);
        assert!(expected.contains(&(1, 10)), "{expected:?}");
    }

    /// Resolving group by group chooses what one visit of all candidates in order chooses.
    #[test]
    fn resolve_by_overlap_groups_equals_the_visit_of_all() {
        // A small generator of spans (xorshift): many overlaps, equal spans and ties.
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        for round in 0..400 {
            let count = 1 + next(40) as usize;
            let width = 5 + next(200) as usize;
            let cands: Vec<Candidate> = (0..count)
                .map(|_| {
                    let start = next(width as u64) as usize;
                    let end = start + 1 + next(12) as usize;
                    Candidate {
                        start,
                        end,
                        entity_type: EntityType::Location,
                        priority: next(3) as u8,
                        weight: next(3),
                        needs_context: false,
                        needs_definition: false,
                        payload: Payload::Entry(next(1000) as u32),
                    }
                })
                .collect();
            let spans = |chosen: Vec<Candidate>| {
                chosen
                    .into_iter()
                    .map(|c| match c.payload {
                        Payload::Entry(id) => (c.start, c.end, c.priority, c.weight, id),
                        _ => unreachable!(),
                    })
                    .collect::<Vec<_>>()
            };
            assert_eq!(
                spans(resolve(cands.clone())),
                spans(resolve_in_order(cands)),
                "round {round}"
            );
        }
    }
}
