//! Per-token facts of a document, computed once before the rules run.
//!
//! The rules ask the same questions of every token again and again: is it a capitalised
//! word, a stop word, a known first name, a role, the first word of a legal form, does it
//! contain a hyphen? Asking each word list separately cost one hash of the token per list and
//! rule (a third of the stage's instructions). Here every token gets one bit set: its shape
//! from one pass over its bytes, and the lists holding it from ONE lookup in a combined word
//! table ([`word_table`], built at load from the lists of the [`Lexicon`]). The rules then test
//! bits. A few bits hold a filter's verdict on the word instead, asked once per word rather
//! than at every occurrence: whether a gazetteer entry may start at it ([`NO_ENTRY`], from
//! the dictionary), a compass prefix ([`COMPASS`]), a describing noun ([`DESCRIBING`]).
//!
//! Every bit means exactly what the list or test it replaces means (the same exact-case
//! membership, the same shape test), so the rules' results do not change.

use std::borrow::Cow;
use std::cell::RefCell;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::gazetteer::{Dictionary, FastMap};
use crate::tokenise::{Token, TokenKind};

use super::lexicon::{Lexicon, RoleKind};

/// A word token (`TokenKind::Word`).
pub(crate) const WORD: u32 = 1;
/// The first character is upper case (any token kind).
pub(crate) const UPPER: u32 = 1 << 1;
/// A capitalised word: [`WORD`] and [`UPPER`], a mask of both bits (test `flags & CAP ==
/// CAP`).
pub(crate) const CAP: u32 = WORD | UPPER;
/// No gazetteer entry starts at this word: a capitalised word of letters and digits only
/// ([`CAP`], [`PLAIN`]), no stop word, whose folded text is no leading run of a dictionary
/// first word, not even without a genitive ending ([`Dictionary::may_start_run`]). Where a
/// byte that is no ASCII letter or digit follows the word, a lookup at its start finds
/// nothing; the gazetteer scan skips it.
pub(crate) const NO_ENTRY: u32 = 1 << 2;
/// A capitalised stop word ("Die", "Im", "Januar"): [`UPPER`] and [`STOPWORD`], a mask of
/// both bits (test `flags & STOP == STOP`).
pub(crate) const STOP: u32 = UPPER | STOPWORD;
/// A capitalised word ending in a describing noun ("Firma", "Softwareagentur": folded, it
/// ends with a `descriptor` or `name_descriptor` cue): where the rule for names after such
/// a noun starts.
pub(crate) const DESCRIBING: u32 = 1 << 3;
/// A possible name word: [`CAP`], not [`STOP`], more than one character.
pub(crate) const NAME: u32 = 1 << 4;
/// Starts like an acronym: an ASCII capital, then another among the next two bytes.
pub(crate) const ACRONYM_START: u32 = 1 << 5;
/// Contains a hyphen.
pub(crate) const HYPHEN: u32 = 1 << 6;
/// Contains a period.
pub(crate) const DOT: u32 = 1 << 7;

// Membership of the token's exact text in a word list of the lexicon.
/// `stopwords.txt`.
pub(crate) const STOPWORD: u32 = 1 << 8;
/// `first_names.tsv`.
pub(crate) const FIRST_NAME: u32 = 1 << 9;
/// `family_names.tsv`.
pub(crate) const FAMILY_NAME: u32 = 1 << 10;
/// `roles.tsv`, kind role.
pub(crate) const ROLE: u32 = 1 << 11;
/// `roles.tsv`, kind title.
pub(crate) const TITLE: u32 = 1 << 12;
/// `roles.tsv`, kind honorific.
pub(crate) const HONORIFIC: u32 = 1 << 13;
/// `region_heads.tsv`.
pub(crate) const REGION_HEAD: u32 = 1 << 14;
/// `speech` cues.
pub(crate) const SPEECH: u32 = 1 << 15;
/// `club_prefixes.txt`.
pub(crate) const CLUB_PREFIX: u32 = 1 << 16;
/// First words of legal forms.
pub(crate) const LEGAL_FIRST: u32 = 1 << 17;
/// `foreign_head` cues.
pub(crate) const FOREIGN_HEAD: u32 = 1 << 18;
/// `noun_markers.txt`.
pub(crate) const NOUN_MARKER: u32 = 1 << 19;
/// `context_words.tsv`.
pub(crate) const CONTEXT_WORD: u32 = 1 << 20;
/// `not_surname` cues.
pub(crate) const NOT_SURNAME: u32 = 1 << 21;
/// `particles.tsv`.
pub(crate) const PARTICLE: u32 = 1 << 22;
/// `particles.tsv`, particles that may lead a particle group.
pub(crate) const LEAD_PARTICLE: u32 = 1 << 23;
/// A region adjective or demonym of `region_adjectives.tsv` as listed or capitalised (the
/// spellings [`super::case_compatible`] accepts at a word start).
pub(crate) const ADJECTIVE: u32 = 1 << 24;
/// A word of letters and digits only (no hyphen, apostrophe, period or other mark).
pub(crate) const PLAIN: u32 = 1 << 25;
/// The token is an opening bracket `(`: the loops of rules that start at a bracket visit
/// only these tokens ([`TokensWith`] skips blocks without one).
pub(crate) const PAREN: u32 = 1 << 26;
/// The token's last byte is `s` (a possible genitive).
pub(crate) const ENDS_S: u32 = 1 << 27;
/// A role word ([`ROLE`]), or a word ending in a role suffix: set by the rules with the
/// heads (with [`add_flag`]). The rules that start at a role visit only these tokens.
pub(crate) const ROLE_LIKE: u32 = 1 << 28;
/// A word of at least six bytes whose first byte may start a compass prefix (`compass`
/// cues: "Nord", "West") and whose first bytes pass the filter of the prefixes' heads
/// (`compass_heads`): where a region with a compass prefix ("Westchina") may stand.
pub(crate) const COMPASS: u32 = 1 << 29;
/// A word where an organisation head or role suffix may end, at its end or before its
/// genitive ending ([`super::heads::HeadEnds::may_end_word`]): the head scan visits only
/// these words.
pub(crate) const HEAD_END: u32 = 1 << 30;
/// An organisation head ends the token: set by the rules after the head scan (not by
/// [`token_flags`]), with [`add_flag`]. The top bit, apart from the word-list bits.
pub(crate) const ORG_HEAD: u32 = 1 << 31;

/// The word-list bits of every word of the lexicon's lists (exact text): a compact
/// open-addressing table. A word of up to 16 bytes is identified by its length and two
/// overlapping 8-byte loads ([`WordKey`]), so a probe compares three integers and calls no
/// `memcmp`; longer words are compared byte by byte. A probe first reads a 16-bit tag per
/// slot (a small array that stays in cache); the slot itself only when the tag matches.
#[derive(Debug, Default, Clone)]
pub(crate) struct WordTable {
    /// Per slot: 16 bits of the word's hash, never 0; 0 marks a free slot.
    tags: Vec<u16>,
    /// Power-of-two many slots, at most half full.
    slots: Vec<Slot>,
    /// Words longer than 16 bytes (their keys do not hold every byte).
    long: Vec<Box<str>>,
    /// Length in bytes of the longest word.
    longest: usize,
    /// A number no other table built in this process has (0: none built), naming the
    /// table in the per-thread cache of [`token_flags`].
    id: u64,
}

/// The source of [`WordTable`] ids.
static TABLE_IDS: AtomicU64 = AtomicU64::new(1);

#[derive(Debug, Default, Clone, Copy)]
struct Slot {
    key: WordKey,
    bits: u32,
    /// Index into `long` + 1 for a word longer than 16 bytes, else 0.
    long: u32,
}

/// A word's length and its bytes in two words: for up to 16 bytes every byte takes part, so
/// equal keys of such words mean equal words.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct WordKey {
    low: u64,
    high: u64,
    len: u64,
}

impl WordKey {
    #[inline]
    fn of(b: &[u8]) -> WordKey {
        let n = b.len();
        let load8 = |at: usize| u64::from_le_bytes(b[at..at + 8].try_into().expect("8 bytes"));
        let load4 = |at: usize| u64::from(u32::from_le_bytes(b[at..at + 4].try_into().expect("4")));
        let (low, high) = if n >= 8 {
            (load8(0), load8(n - 8))
        } else if n >= 4 {
            (load4(0), load4(n - 4))
        } else if n > 0 {
            (
                u64::from(b[0]) | u64::from(b[n / 2]) << 8 | u64::from(b[n - 1]) << 16,
                0,
            )
        } else {
            (0, 0)
        };
        WordKey {
            low,
            high,
            len: n as u64,
        }
    }

    #[inline]
    fn hash(&self, b: &[u8]) -> u64 {
        const K: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut h = (self.low ^ self.len.rotate_left(40)).wrapping_mul(K) ^ self.high;
        if b.len() > 16 {
            for chunk in b[8..b.len() - 8].chunks(8) {
                let mut word = [0u8; 8];
                word[..chunk.len()].copy_from_slice(chunk);
                h = (h.rotate_left(23) ^ u64::from_le_bytes(word)).wrapping_mul(K);
            }
        }
        let h = h.wrapping_mul(K);
        h ^ h >> 29
    }
}

impl WordTable {
    /// The table of the lexicon's lists.
    pub(crate) fn build(lex: &Lexicon) -> WordTable {
        let words = word_bits(lex);
        let size = (words.len() * 2).next_power_of_two().max(16);
        let mut table = WordTable {
            tags: vec![0; size],
            slots: vec![Slot::default(); size],
            long: Vec::new(),
            longest: words.keys().map(|w| w.len()).max().unwrap_or(0),
            id: TABLE_IDS.fetch_add(1, Ordering::Relaxed),
        };
        for (word, bits) in words {
            let bytes = word.as_bytes();
            let key = WordKey::of(bytes);
            let hash = key.hash(bytes);
            let mut at = hash as usize & (size - 1);
            while table.tags[at] != 0 {
                at = (at + 1) & (size - 1);
            }
            table.tags[at] = tag_of(hash);
            let long = if bytes.len() > 16 {
                table.long.push(word.into());
                table.long.len() as u32
            } else {
                0
            };
            table.slots[at] = Slot { key, bits, long };
        }
        table
    }

    /// The bits of `word`, 0 when no list holds it.
    #[cfg(test)]
    pub(crate) fn get(&self, word: &str) -> u32 {
        self.get_bytes(word.as_bytes())
    }

    /// [`WordTable::get`] of a word's bytes.
    #[inline]
    pub(crate) fn get_bytes(&self, bytes: &[u8]) -> u32 {
        if bytes.len() > self.longest || self.slots.is_empty() {
            return 0;
        }
        let key = WordKey::of(bytes);
        let mask = self.slots.len() - 1;
        let hash = key.hash(bytes);
        let tag = tag_of(hash);
        let mut at = hash as usize & mask;
        loop {
            let found = self.tags[at];
            if found == 0 {
                return 0;
            }
            if found == tag {
                let slot = &self.slots[at];
                if slot.key == key
                    && (slot.long == 0 || self.long[slot.long as usize - 1].as_bytes() == bytes)
                {
                    return slot.bits;
                }
            }
            at = (at + 1) & mask;
        }
    }
}

/// The slot tag of a hash: its top 16 bits, never 0.
#[inline]
fn tag_of(hash: u64) -> u16 {
    (hash >> 48) as u16 | 1
}

/// The word-list bits of every word of the lexicon's lists (exact text).
fn word_bits(lex: &Lexicon) -> FastMap<Cow<'static, str>, u32> {
    let mut table: FastMap<Cow<'static, str>, u32> = FastMap::default();
    let mut add = |words: &mut dyn Iterator<Item = &'static str>, bit: u32| {
        for word in words {
            *table.entry(Cow::Borrowed(word)).or_default() |= bit;
        }
    };
    add(&mut lex.stopwords.iter().copied(), STOPWORD);
    add(&mut lex.first_names.iter().copied(), FIRST_NAME);
    add(&mut lex.family_names.iter().copied(), FAMILY_NAME);
    for (kind, bit) in [
        (RoleKind::Role, ROLE),
        (RoleKind::Title, TITLE),
        (RoleKind::Honorific, HONORIFIC),
    ] {
        add(
            &mut lex
                .roles
                .iter()
                .filter(|(_, &k)| k == kind)
                .map(|(&word, _)| word),
            bit,
        );
    }
    add(&mut lex.region_heads.keys().copied(), REGION_HEAD);
    add(&mut lex.cues.speech.iter().copied(), SPEECH);
    add(&mut lex.club_prefixes.iter().copied(), CLUB_PREFIX);
    add(&mut lex.legal_first_words.iter().copied(), LEGAL_FIRST);
    add(&mut lex.cues.foreign_head.iter().copied(), FOREIGN_HEAD);
    add(&mut lex.noun_markers.iter().copied(), NOUN_MARKER);
    add(&mut lex.context_words.iter().copied(), CONTEXT_WORD);
    add(&mut lex.cues.not_surname.iter().copied(), NOT_SURNAME);
    add(&mut lex.particles.iter().copied(), PARTICLE);
    add(&mut lex.lead_particles.iter().copied(), LEAD_PARTICLE);
    for form in &lex.adjective_forms {
        *table.entry(Cow::Borrowed(form.form)).or_default() |= ADJECTIVE;
        let mut chars = form.form.chars();
        if let Some(first) = chars.next() {
            let capitalised: String = first.to_uppercase().chain(chars).collect();
            *table.entry(Cow::Owned(capitalised)).or_default() |= ADJECTIVE;
        }
    }
    table
}

/// The role kind of the word-list bits `bits` (`roles.tsv`), if any.
#[inline]
pub(crate) fn role_of(bits: u32) -> Option<RoleKind> {
    if bits & ROLE != 0 {
        Some(RoleKind::Role)
    } else if bits & TITLE != 0 {
        Some(RoleKind::Title)
    } else if bits & HONORIFIC != 0 {
        Some(RoleKind::Honorific)
    } else {
        None
    }
}

/// What a byte of a token says about it: bit 0 a hyphen, bit 1 a period, bit 2 another
/// ASCII byte that is no letter or digit, bit 3 a byte of a non-ASCII character.
const BYTE_CLASS: [u8; 256] = {
    let mut class = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        class[b] = if byte >= 0x80 {
            8
        } else if byte.is_ascii_alphanumeric() {
            0
        } else {
            4
        };
        b += 1;
    }
    class[b'-' as usize] = 1 | 4;
    class[b'.' as usize] = 2 | 4;
    class
};

/// The flags of every token of a document (tested against the lists in this module's tests).
///
/// A token's flags depend on its bytes and whether it is a word only: those of tokens of up
/// to 16 bytes are kept in a small per-thread cache across documents (most tokens are
/// frequent words and punctuation; a third of the words longer than eight bytes recur too),
/// keyed by their bytes, kind, the word table and the dictionary (those of one byte in a
/// table by byte and kind).
#[inline(never)]
pub(crate) fn token_flags(
    lex: &Lexicon,
    dict: &Dictionary,
    text: &str,
    folded: &str,
    tokens: &[Token],
) -> Vec<u32> {
    let uncached = || -> Vec<u32> {
        tokens
            .iter()
            .map(|token| flags_with_entries(lex, dict, text, folded, token))
            .collect()
    };
    CACHE.with(|cache| {
        let Ok(mut cache) = cache.try_borrow_mut() else {
            return uncached();
        };
        let table = (lex.word_bits.id, dict.id());
        if cache.table != table || cache.entries.is_empty() {
            cache.table = table;
            cache.entries = vec![Cached::default(); 1 << CACHE_BITS].into_boxed_slice();
            cache.bytes = [0; 512];
        }
        let FlagCache { entries, bytes, .. } = &mut *cache;
        cached_flags(lex, dict, text, folded, tokens, entries, bytes)
    })
}

/// The flags of `tokens` ([`token_flags`]) through the per-thread cache `entries`. Out of
/// line: its loop is compiled the same whatever else [`token_flags`]' closure holds.
///
/// Most tokens are found in the cache, so its loop does only that: a token's key from two
/// eight-byte loads masked to its length (no branch on the length), one multiplication, the
/// two entries of its set compared. A token that is not found goes to [`missed`], out of
/// line, which keeps the loop's values in registers.
#[inline(never)]
fn cached_flags(
    lex: &Lexicon,
    dict: &Dictionary,
    text: &str,
    folded: &str,
    tokens: &[Token],
    entries: &mut [Cached],
    bytes: &mut [u64; 512],
) -> Vec<u32> {
    let all = text.as_bytes();
    let mut out = vec![0u32; tokens.len()];
    for (flags, token) in out.iter_mut().zip(tokens) {
        let n = token.end.wrapping_sub(token.start);
        // Tokens of one byte (punctuation, one letter or digit: one in seven) and those
        // longer than sixteen bytes or empty leave the loop's common path in one test.
        if n.wrapping_sub(2) >= 15 {
            *flags = if n == 1 {
                one_byte_flags(lex, dict, text, folded, token, bytes)
            } else {
                flags_with_entries(lex, dict, text, folded, token)
            };
            continue;
        }
        // Up to eight bytes in `word`, the rest (of a longer token) in `high`: two loads
        // where sixteen bytes follow the token's start, masked by its length.
        let (word, high) = match all.get(token.start..token.start + 16) {
            Some(sixteen) => (
                u64::from_le_bytes(sixteen[..8].try_into().expect("8 bytes")) & LOW_KEEP[n],
                u64::from_le_bytes(sixteen[8..].try_into().expect("8 bytes")) & HIGH_KEEP[n],
            ),
            None if n <= 8 => (load_in(all, token.start, n), 0),
            None => (
                load_in(all, token.start, 8),
                load_in(all, token.start + 8, n - 8),
            ),
        };
        let key = n as u32 | u32::from(token.kind == TokenKind::Word) << 5 | 1 << 6;
        let hash =
            (word ^ high.rotate_left(29) ^ (n as u64) << 59).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        // Short tokens (most of them frequent) and longer ones in separate halves: the many
        // longer words seen once do not evict the frequent short ones. A set of two entries
        // per hash: two words of one set both stay (a word of each way is looked for first
        // in the first, where the last one used is).
        let half = usize::from(n > 8) << (CACHE_BITS - 1);
        let set = half | ((hash >> (64 - (CACHE_BITS - 2))) as usize * 2);
        let Some(pair) = entries.get_mut(set..set + 2) else {
            *flags = flags_with_entries(lex, dict, text, folded, token);
            continue;
        };
        let holds = |entry: &Cached| entry.word == word && entry.high == high && entry.key == key;
        *flags = if holds(&pair[0]) {
            pair[0].flags
        } else {
            missed(lex, dict, text, folded, token, pair, word, high, key)
        };
    }
    out
}

/// The flags of a token not in the first entry of its set `pair` of the cache: from the
/// second entry (then the two swap places) or computed ([`flags_with_entries`]) and put
/// first. Out of line: see [`cached_flags`].
#[inline(never)]
#[allow(clippy::too_many_arguments)]
fn missed(
    lex: &Lexicon,
    dict: &Dictionary,
    text: &str,
    folded: &str,
    token: &Token,
    pair: &mut [Cached],
    word: u64,
    high: u64,
    key: u32,
) -> u32 {
    if pair[1].word == word && pair[1].high == high && pair[1].key == key {
        pair.swap(0, 1);
        return pair[0].flags;
    }
    let flags = flags_with_entries(lex, dict, text, folded, token);
    pair[1] = pair[0];
    pair[0] = Cached {
        word,
        high,
        key,
        flags,
    };
    flags
}

/// The flags of a token of one byte from the table `bytes` of the flag cache, by the byte
/// and whether the token is a word (bit 32 of an entry: known), computed and kept on first
/// use: no key or hash for the most frequent tokens (punctuation).
#[inline(always)]
fn one_byte_flags(
    lex: &Lexicon,
    dict: &Dictionary,
    text: &str,
    folded: &str,
    token: &Token,
    bytes: &mut [u64; 512],
) -> u32 {
    let at =
        usize::from(text.as_bytes()[token.start]) << 1 | usize::from(token.kind == TokenKind::Word);
    let entry = &mut bytes[at];
    if *entry >> 32 == 0 {
        *entry = 1 << 32 | u64::from(flags_with_entries(lex, dict, text, folded, token));
    }
    *entry as u32
}

/// Entries of the per-thread cache of [`token_flags`] (a power of two): sets of two.
const CACHE_BITS: u32 = 15;

/// A cached token of up to 16 bytes: its first eight bytes and the rest (little-endian,
/// zero above), its length, kind and a valid bit (`key`, 0 when empty), and its flags.
#[derive(Debug, Default, Clone, Copy)]
struct Cached {
    word: u64,
    high: u64,
    key: u32,
    flags: u32,
}

/// The cache of [`token_flags`] for the word table and dictionary with the ids `table`.
#[derive(Debug)]
struct FlagCache {
    table: (u64, u64),
    entries: Box<[Cached]>,
    /// The flags of tokens of one byte, by byte and word kind ([`one_byte_flags`]).
    bytes: [u64; 512],
}

impl Default for FlagCache {
    fn default() -> FlagCache {
        FlagCache {
            table: (0, 0),
            entries: Box::default(),
            bytes: [0; 512],
        }
    }
}

thread_local! {
    static CACHE: RefCell<FlagCache> = RefCell::new(FlagCache::default());
}

/// All bits of the first `n` bytes of a word (`n` up to 8).
const KEEP: [u64; 9] = {
    let mut keep = [0u64; 9];
    let mut n = 1;
    while n < 9 {
        keep[n] = if n == 8 { !0 } else { (1u64 << (8 * n)) - 1 };
        n += 1;
    }
    keep
};

/// For a token of `n` bytes (up to 16), the bits of its first eight bytes ([`LOW_KEEP`]) and
/// of the rest ([`HIGH_KEEP`]) in two eight-byte loads at its start and eight bytes later.
const LOW_KEEP: [u64; 17] = {
    let mut keep = [0u64; 17];
    let mut n = 1;
    while n < 17 {
        keep[n] = KEEP[if n < 8 { n } else { 8 }];
        n += 1;
    }
    keep
};
const HIGH_KEEP: [u64; 17] = {
    let mut keep = [0u64; 17];
    let mut n = 9;
    while n < 17 {
        keep[n] = KEEP[n - 8];
        n += 1;
    }
    keep
};

/// The `n` (1 to 8) bytes of `all` at `at` (`n` of them exist), little-endian, zero above.
#[inline(always)]
fn load_in(all: &[u8], at: usize, n: usize) -> u64 {
    match all.get(at..at + 8) {
        Some(eight) => u64::from_le_bytes(eight.try_into().expect("8 bytes")) & KEEP[n],
        None => all[at..at + n]
            .iter()
            .rev()
            .fold(0u64, |word, &b| word << 8 | u64::from(b)),
    }
}

/// The flags of one token (`folded`: the [`crate::gazetteer::fold`] of `text`; the folded
/// token is a function of the token's text, so the flags are too).
///
/// Out of line: inlined into [`token_flags`]' loop, its many locals pushed the cache
/// lookup's own values out of registers, and most tokens are found in the cache.
#[inline(never)]
fn flags_of(lex: &Lexicon, text: &str, folded: &str, token: &Token) -> u32 {
    // Tokens are byte ranges on character boundaries: their bytes are sliced without the
    // boundary checks of `str` indexing, the `str` only where characters are decoded.
    let all = text.as_bytes();
    let bytes = &all[token.start..token.end];
    let word = || &text[token.start..token.end];
    let mut flags = 0;
    let (upper, first_len) = match bytes.first() {
        None => (false, 0),
        Some(&b) if b.is_ascii() => (b.is_ascii_uppercase(), 1),
        Some(_) => {
            let c = word().chars().next().expect("a character");
            (c.is_uppercase(), c.len_utf8())
        }
    };
    if upper {
        flags |= UPPER;
    }
    if token.kind == TokenKind::Word {
        flags |= WORD;
        let class = bytes
            .iter()
            .fold(0u8, |class, &b| class | BYTE_CLASS[usize::from(b)]);
        if class & 1 != 0 {
            flags |= HYPHEN;
        }
        if class & 2 != 0 {
            flags |= DOT;
        }
        let plain = class & 4 == 0
            && (class & 8 == 0 || word().chars().all(alphanumeric))
            && !bytes.is_empty();
        if plain {
            flags |= PLAIN;
        }
        let folded = &folded.as_bytes()[token.start..token.end];
        if lex.head_ends.may_end_word(bytes, folded) {
            flags |= HEAD_END;
        }
    }
    if acronym_start(bytes) {
        flags |= ACRONYM_START;
    }
    match bytes {
        [b'('] => flags |= PAREN,
        [.., b's'] => flags |= ENDS_S,
        _ => {}
    }
    if flags & WORD != 0
        && bytes.len() >= 6
        && lex.cues.compass_first.may_start_byte(bytes[0])
        && lex.cues.compass_heads.may_match(word())
    {
        flags |= COMPASS;
    }
    flags |= lex.word_bits.get_bytes(bytes);
    if flags & ROLE != 0 {
        flags |= ROLE_LIKE;
    }
    if flags & (CAP | STOP) == CAP && bytes.len() > first_len {
        flags |= NAME;
    }
    flags
}

/// [`flags_of`] with [`NO_ENTRY`] from the dictionary and [`DESCRIBING`]: what
/// [`token_flags`] computes for a token the cache does not hold. (Asked inside [`flags_of`],
/// these tests made the code of all of it slower.)
#[inline(always)]
fn flags_with_entries(
    lex: &Lexicon,
    dict: &Dictionary,
    text: &str,
    folded: &str,
    token: &Token,
) -> u32 {
    let mut flags = flags_of(lex, text, folded, token);
    if flags & (CAP | STOP | PLAIN) == CAP | PLAIN && !may_start_entry(dict, folded, token) {
        flags |= NO_ENTRY;
    }
    if flags & CAP == CAP && describing(lex, folded, token) {
        flags |= DESCRIBING;
    }
    flags
}

/// Whether a token's folded text ends with a describing noun ([`DESCRIBING`]).
#[inline(never)]
fn describing(lex: &Lexicon, folded: &str, token: &Token) -> bool {
    let folded = &folded.as_bytes()[token.start..token.end];
    let cues = &lex.cues;
    cues.descriptor_tails.may_match_bytes(folded) && cues.describing_endings.ends(folded, 0)
}

/// [`Dictionary::may_start_run`] of a token's folded text ([`NO_ENTRY`]).
#[inline(never)]
fn may_start_entry(dict: &Dictionary, folded: &str, token: &Token) -> bool {
    dict.may_start_run(&folded.as_bytes()[token.start..token.end])
}

/// The indices in `0..end` of the tokens whose flags (`flags`, and the index) satisfy
/// `wanted`, in order. For the loops over all tokens whose body is large and whose tokens
/// are few but not rare enough for a [`TokensWith`] mask (capitalised words): the flags of
/// the other tokens are tested in a small loop of their own, while the test in the body's
/// loop reloaded the body's values from the stack for every token.
#[inline]
pub(crate) fn flags_where<'a>(
    flags: &'a [u32],
    end: usize,
    wanted: impl Fn(usize, u32) -> bool + 'a,
) -> impl Iterator<Item = usize> + 'a {
    let mut next = 0;
    std::iter::from_fn(move || {
        let rest = flags.get(next..end)?;
        let skipped = rest
            .iter()
            .enumerate()
            .position(|(k, &bits)| wanted(next + k, bits))?;
        let i = next + skipped;
        next = i + 1;
        Some(i)
    })
}

/// Tokens per block of [`BlockIndex`].
const BLOCK: usize = 16;

/// Which blocks of [`BLOCK`] tokens hold a token with a flag, for every flag bit: a loop over
/// the tokens with a rare bit ([`TokensWith`]) goes straight to the blocks with it, 64
/// blocks (1024 tokens) ruled in or out by one word per bit of its mask, instead of testing
/// the union of every block.
#[derive(Debug, Clone, Default)]
pub(crate) struct BlockIndex {
    /// Words of 64 blocks per bit.
    words: usize,
    /// Bit `b`'s bitmap of blocks at `bitmaps[b * words..(b + 1) * words]`: bit `k % 64` of
    /// word `k / 64` is set when block `k` has a token with bit `b`.
    bitmaps: Vec<u64>,
}

impl BlockIndex {
    /// The index of a document's token flags.
    pub(crate) fn of(flags: &[u32]) -> BlockIndex {
        let blocks = flags.len().div_ceil(BLOCK);
        let words = blocks.div_ceil(64);
        let mut bitmaps = vec![0u64; 32 * words];
        for (k, block) in flags.chunks(BLOCK).enumerate() {
            let mut union = block.iter().fold(0, |union, &f| union | f);
            while union != 0 {
                let bit = union.trailing_zeros() as usize;
                bitmaps[bit * words + k / 64] |= 1 << (k % 64);
                union &= union - 1;
            }
        }
        BlockIndex { words, bitmaps }
    }

    /// The blocks `64 * word` to `64 * word + 63` with a token that may have every bit of
    /// `mask` (a block's union has them all), as bits.
    #[inline]
    fn candidates(&self, mask: u32, word: usize) -> u64 {
        let mut blocks = !0u64;
        let mut bits = mask;
        while bits != 0 {
            let bit = bits.trailing_zeros() as usize;
            blocks &= self.bitmaps[bit * self.words + word];
            bits &= bits - 1;
        }
        blocks
    }
}

/// Sets `bit` in the flags of token `i` and in the index of its block ([`BlockIndex`]).
pub(crate) fn add_flag(flags: &mut [u32], blocks: &mut BlockIndex, i: usize, bit: u32) {
    flags[i] |= bit;
    let k = i / BLOCK;
    blocks.bitmaps[bit.trailing_zeros() as usize * blocks.words + k / 64] |= 1 << (k % 64);
}

/// The indices, from a start, of the tokens whose flags have every bit of a mask, in order;
/// only the blocks whose union has every bit of the mask are looked at ([`BlockIndex`]).
///
/// # Example (in this module's tests)
/// `TokensWith::new(&flags, &BlockIndex::of(&flags), LEGAL_FIRST, 0)` yields the same
/// indices as `(0..flags.len()).filter(|&i| flags[i] & LEGAL_FIRST == LEGAL_FIRST)`.
#[derive(Debug, Clone)]
pub(crate) struct TokensWith<'a> {
    flags: &'a [u32],
    blocks: &'a BlockIndex,
    mask: u32,
    from: usize,
    /// The next word of the block bitmaps to read.
    word: usize,
    /// The blocks of the word before `word` still to look at: bit `j` for block
    /// `64 * (word - 1) + j`.
    candidates: u64,
    /// The tokens of the current block still to yield: bit `j` for token `base + j`.
    pending: u32,
    base: usize,
}

impl<'a> TokensWith<'a> {
    /// The tokens from `from` with every bit of `mask`; `blocks` is the [`BlockIndex`] of
    /// `flags`.
    pub(crate) fn new(flags: &'a [u32], blocks: &'a BlockIndex, mask: u32, from: usize) -> Self {
        let first = from / BLOCK;
        let word = first / 64;
        let candidates = if word < blocks.words {
            // The word of `from`'s block, without the blocks before it.
            blocks.candidates(mask, word) & !0u64 << (first % 64)
        } else {
            0
        };
        TokensWith {
            flags,
            blocks,
            mask,
            from,
            word: word + 1,
            candidates,
            pending: 0,
            base: 0,
        }
    }
}

impl Iterator for TokensWith<'_> {
    type Item = usize;

    #[inline]
    fn next(&mut self) -> Option<usize> {
        loop {
            if self.pending != 0 {
                let j = self.pending.trailing_zeros() as usize;
                self.pending &= self.pending - 1;
                return Some(self.base + j);
            }
            if self.candidates == 0 {
                if self.word >= self.blocks.words {
                    return None;
                }
                self.candidates = self.blocks.candidates(self.mask, self.word);
                self.word += 1;
                continue;
            }
            // The next block that may hold such a token: its matching tokens (from `from`
            // on) marked in one pass without branches.
            let block = (self.word - 1) * 64 + self.candidates.trailing_zeros() as usize;
            self.candidates &= self.candidates - 1;
            let base = block * BLOCK;
            let mut bits = 0u32;
            match self.flags.get(base..base + BLOCK) {
                // A whole block: a loop of fixed length, unrolled.
                Some(whole) => {
                    let whole: &[u32; BLOCK] = whole.try_into().expect("a block");
                    for (j, &f) in whole.iter().enumerate() {
                        bits |= u32::from(f & self.mask == self.mask) << j;
                    }
                }
                // The last block, or none past the tokens (a mask without bits).
                None => {
                    for (j, &f) in self
                        .flags
                        .get(base..)
                        .unwrap_or_default()
                        .iter()
                        .enumerate()
                    {
                        bits |= u32::from(f & self.mask == self.mask) << j;
                    }
                }
            }
            if base < self.from {
                bits &= u32::MAX << (self.from - base);
            }
            self.pending = bits;
            self.base = base;
        }
    }
}

/// A filter of words by their length and first and last bytes (256 bits): a word not
/// inserted is mostly ruled out without hashing or comparing it; an inserted word always
/// passes.
///
/// # Example (in this module's tests)
/// After `insert("IHK")`, `may_contain("IHK")` holds and `may_contain("Kammer")` does not.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct WordFilter([u64; 4]);

impl WordFilter {
    #[inline(always)]
    fn bit(b: &[u8]) -> usize {
        match b {
            [] => 0,
            [first, ..] => WordFilter::bit_of(*first, b[b.len() - 1], b.len()),
        }
    }

    /// The bit of a word of `len` bytes (at least one) from `first` to `last`.
    #[inline(always)]
    fn bit_of(first: u8, last: u8, len: usize) -> usize {
        (usize::from(first) * 31 + usize::from(last) * 7 + len) & 255
    }

    /// Lets `word` pass.
    pub(crate) fn insert(&mut self, word: &str) {
        self.insert_bytes(word.as_bytes());
    }

    /// Lets the word of bytes `word` pass.
    pub(crate) fn insert_bytes(&mut self, word: &[u8]) {
        let bit = WordFilter::bit(word);
        self.0[bit >> 6] |= 1 << (bit & 63);
    }

    /// Lets the word of bytes `word` followed by the byte `last` pass (a surname with a
    /// genitive `s`), without writing that word.
    pub(crate) fn insert_with_last(&mut self, word: &[u8], last: u8) {
        let first = word.first().copied().unwrap_or(last);
        let bit = WordFilter::bit_of(first, last, word.len() + 1);
        self.0[bit >> 6] |= 1 << (bit & 63);
    }

    /// False only for a word never inserted.
    #[cfg(test)]
    pub(crate) fn may_contain(&self, word: &str) -> bool {
        self.may_contain_bytes(word.as_bytes())
    }

    /// [`WordFilter::may_contain`] of a word's bytes.
    #[inline(always)]
    pub(crate) fn may_contain_bytes(&self, word: &[u8]) -> bool {
        let bit = WordFilter::bit(word);
        self.0[bit >> 6] >> (bit & 63) & 1 != 0
    }
}

/// `char::is_alphanumeric`, without the table lookup for the Latin-1 letters of German and
/// other European words (U+00C0 to U+00FF but × and ÷ are letters).
#[inline]
fn alphanumeric(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || ('\u{c0}'..='\u{ff}').contains(&c) && c != '×' && c != '÷'
        || c.is_alphanumeric()
}

/// A capital, and another among the next two bytes (ASCII).
#[inline]
fn acronym_start(t: &[u8]) -> bool {
    match t {
        [a, b, c, ..] => {
            a.is_ascii_uppercase() && (b.is_ascii_uppercase() || c.is_ascii_uppercase())
        }
        [a, b] => a.is_ascii_uppercase() && b.is_ascii_uppercase(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::EntityList;
    use crate::tokenise::Tokeniser;

    /// A dictionary of a few names (Oberwald, Sachsen, Frankfurt am Main).
    fn dictionary(rows: &str) -> Dictionary {
        let list = EntityList::parse("fixture.tsv", rows.to_string()).unwrap();
        Dictionary::build(vec![list], |_| true)
    }

    const NAMES: &str = "Oberwald\tLOC\nSachsen\tLOC\nFrankfurt am Main\tLOC\n";

    #[test]
    fn word_table_finds_every_word_with_its_bits_and_nothing_else() {
        let lexicon = Lexicon::load(&super::super::lexicon::Files::default_files()).unwrap();
        let expected = word_bits(&lexicon);
        let table = &lexicon.word_bits;
        let mut long = 0;
        for (word, &bits) in &expected {
            assert_eq!(table.get(word), bits, "{word:?}");
            long += usize::from(word.len() > 16);
            // Near misses: one byte more, one less, another case.
            let variants = [
                format!("{word}x"),
                format!("x{word}"),
                word.chars().skip(1).collect(),
                word.to_uppercase(),
                word.to_lowercase(),
            ];
            for variant in variants {
                let bits = expected.get(variant.as_str()).copied().unwrap_or(0);
                assert_eq!(table.get(&variant), bits, "{variant:?}");
            }
        }
        assert!(long > 0, "no word longer than 16 bytes tested");
        for other in ["", "x", "Sachsenx", "Oberbeispielgeschäftsführerin"] {
            assert_eq!(table.get(other), 0, "{other:?}");
        }
    }

    #[test]
    fn flags_agree_with_the_word_lists_and_shape_tests() {
        let lexicon = Lexicon::load(&super::super::lexicon::Files::default_files()).unwrap();
        let tokeniser = Tokeniser::load_default().unwrap();
        let text = "Die Geschäftsführerin Anna Beispiel-Muster sagte am Montag in Oberwald, \
                    die Firma XYZ GmbH und der VfL Beispielstadt e.V. hätten Dr. Wang Lei von der \
                    Ministère de l'Économie (MdE) des Landes aus Westchina eingeladen; Museum.XY und IHK-Chef Ö. Ärger auch. Japanische \
                    und sächsische Gäste, Dresdner Firmen, japanisch-deutsche Treffen.";
        let tokens = tokeniser.tokenise(text);
        let folded = crate::gazetteer::fold(text);
        let dict = dictionary(NAMES);
        let flags = token_flags(&lexicon, &dict, text, &folded, &tokens);
        assert_eq!(flags.len(), tokens.len());
        type Member<'a> = &'a dyn Fn(&str) -> bool;
        let lists: [(Member, u32); 16] = [
            (&|t| lexicon.stopwords.contains(t), STOPWORD),
            (&|t| lexicon.first_names.contains(t), FIRST_NAME),
            (&|t| lexicon.family_names.contains(t), FAMILY_NAME),
            (&|t| lexicon.roles.get(t) == Some(&RoleKind::Role), ROLE),
            (&|t| lexicon.roles.get(t) == Some(&RoleKind::Title), TITLE),
            (
                &|t| lexicon.roles.get(t) == Some(&RoleKind::Honorific),
                HONORIFIC,
            ),
            (&|t| lexicon.region_heads.contains_key(t), REGION_HEAD),
            (&|t| lexicon.cues.speech.contains(t), SPEECH),
            (&|t| lexicon.club_prefixes.contains(t), CLUB_PREFIX),
            (&|t| lexicon.legal_first_words.contains(t), LEGAL_FIRST),
            (&|t| lexicon.cues.foreign_head.contains(t), FOREIGN_HEAD),
            (&|t| lexicon.noun_markers.contains(t), NOUN_MARKER),
            (&|t| lexicon.context_words.contains(t), CONTEXT_WORD),
            (&|t| lexicon.cues.not_surname.contains(t), NOT_SURNAME),
            (&|t| lexicon.particles.contains(t), PARTICLE),
            (&|t| lexicon.lead_particles.contains(t), LEAD_PARTICLE),
        ];
        let mut seen = 0;
        for (token, &bits) in tokens.iter().zip(&flags) {
            let t = token.text(text);
            for (member, bit) in &lists {
                assert_eq!(member(t), bits & bit != 0, "{t:?} bit {bit:#x}");
            }
            let upper = t.chars().next().is_some_and(char::is_uppercase);
            let word = token.kind == TokenKind::Word;
            assert_eq!(bits & UPPER != 0, upper, "{t:?}");
            assert_eq!(bits & CAP == CAP, word && upper, "{t:?}");
            assert_eq!(
                bits & STOP == STOP,
                upper && lexicon.stopwords.contains(t),
                "{t:?}"
            );
            let name = word && upper && !lexicon.stopwords.contains(t) && t.chars().count() > 1;
            assert_eq!(bits & NAME != 0, name, "{t:?}");
            assert_eq!(bits & HYPHEN != 0, word && t.contains('-'), "{t:?}");
            assert_eq!(bits & DOT != 0, word && t.contains('.'), "{t:?}");
            let plain = word && t.chars().all(char::is_alphanumeric);
            assert_eq!(bits & PLAIN != 0, plain, "{t:?}");
            let range = token.start..token.end;
            let no_entry = plain
                && upper
                && !lexicon.stopwords.contains(t)
                && !dict.may_start_run(&folded.as_bytes()[range]);
            assert_eq!(bits & NO_ENTRY != 0, no_entry, "{t:?}");
            let cues = &lexicon.cues;
            let folded_word = &folded[token.start..token.end];
            let describing = word
                && upper
                && cues
                    .descriptor
                    .iter()
                    .chain(&cues.name_descriptor)
                    .any(|d| folded_word.ends_with(d));
            assert_eq!(bits & DESCRIBING != 0, describing, "{t:?}");
            if ["Oberwald", "Sachsen", "Frankfurt"].contains(&t) {
                assert!(!no_entry, "{t:?}");
            }
            assert_eq!(bits & PAREN != 0, t == "(", "{t:?}");
            assert_eq!(bits & ENDS_S != 0, t.ends_with('s'), "{t:?}");
            let role = lexicon.roles.get(t) == Some(&RoleKind::Role);
            assert_eq!(bits & ROLE_LIKE != 0, role, "{t:?}");
            let compass = word
                && t.len() >= 6
                && lexicon
                    .cues
                    .compass
                    .iter()
                    .any(|c| c.as_bytes()[0] == t.as_bytes()[0])
                && lexicon.cues.compass_heads.may_match(t);
            assert_eq!(bits & COMPASS != 0, compass, "{t:?}");
            let range = token.start..token.end;
            let head_end = word
                && lexicon
                    .head_ends
                    .may_end_word(t.as_bytes(), &folded.as_bytes()[range]);
            assert_eq!(bits & HEAD_END != 0, head_end, "{t:?}");
            let adjective = lexicon.adjective_forms.iter().any(|f| {
                let mut chars = f.form.chars();
                let first = chars.next().unwrap();
                t == f.form || t == first.to_uppercase().chain(chars).collect::<String>()
            });
            assert_eq!(bits & ADJECTIVE != 0, adjective, "{t:?}");
            seen |= bits;
        }
        // The sentence exercises most bits: a test of the table, not of an empty one.
        for bit in [
            STOPWORD,
            FIRST_NAME,
            ROLE,
            TITLE,
            LEGAL_FIRST,
            CLUB_PREFIX,
            NOUN_MARKER,
            CONTEXT_WORD,
            SPEECH,
            FOREIGN_HEAD,
            ACRONYM_START,
            HYPHEN,
            DOT,
            NAME,
            STOP,
            PLAIN,
            ADJECTIVE,
            PAREN,
            ENDS_S,
            ROLE_LIKE,
            COMPASS,
            HEAD_END,
            NO_ENTRY,
            DESCRIBING,
        ] {
            assert!(seen & bit != 0, "bit {bit:#x} never set");
        }
    }

    #[test]
    fn word_filters_pass_every_inserted_word_and_rule_out_most_others() {
        let inserted = ["IHK", "Aichi", "Haidian", "ö", "", "Ärztekammer"];
        let others = [
            "Kammer",
            "Aichis",
            "haidian",
            "IHKs",
            "Bayern",
            "Sachsen",
            "die",
            "und",
            "Leipzig",
            "Oberwald",
            "GmbH",
            "Ministerium",
            "Ö",
            "x",
        ];
        let mut filter = WordFilter::default();
        for word in inserted {
            filter.insert(word);
        }
        for word in inserted {
            assert!(filter.may_contain(word), "{word:?}");
        }
        let passed = others.iter().filter(|w| filter.may_contain(w)).count();
        assert!(passed <= 2, "{passed} of {} others pass", others.len());
        assert!(!WordFilter::default().may_contain("IHK"));
    }

    #[test]
    fn a_word_inserted_with_a_last_byte_passes_as_that_word() {
        let mut filter = WordFilter::default();
        for word in ["Ueda", "Müller", "X"] {
            filter.insert_with_last(word.as_bytes(), b's');
            assert!(filter.may_contain(&format!("{word}s")), "{word}s");
        }
        let mut empty = WordFilter::default();
        empty.insert_with_last(b"", b's');
        assert!(empty.may_contain("s"));
    }

    #[test]
    fn tokens_with_a_mask_are_those_a_filter_finds() {
        // Flags with rare and common bits in blocks of every kind, from several starts.
        let flags: Vec<u32> = (0..200u32)
            .map(|i| {
                let mut f = CAP;
                if i % 37 == 5 || i == 16 || i == 199 {
                    f |= LEGAL_FIRST;
                }
                if i % 3 == 0 {
                    f |= HYPHEN;
                }
                if (40..56).contains(&i) {
                    f &= !CAP;
                }
                f
            })
            .collect();
        let blocks = BlockIndex::of(&flags);
        let mut found_rare = 0;
        for mask in [
            0,
            LEGAL_FIRST,
            HYPHEN,
            CAP,
            LEGAL_FIRST | HYPHEN,
            CAP | LEGAL_FIRST,
            DOT,
        ] {
            for from in [0, 1, 15, 16, 17, 150, 199, 200, 250] {
                let expected: Vec<usize> = (from..flags.len())
                    .filter(|&i| flags[i] & mask == mask)
                    .collect();
                let got: Vec<usize> = TokensWith::new(&flags, &blocks, mask, from).collect();
                assert_eq!(got, expected, "mask {mask:#x} from {from}");
                if mask == LEGAL_FIRST && from == 0 {
                    found_rare = got.len();
                }
            }
        }
        assert!(found_rare > 3, "the rare bit is too rare to test");
        // A bit added later is found like the others.
        let (mut flags, mut blocks) = (flags, blocks);
        for i in [3, 77, 150] {
            add_flag(&mut flags, &mut blocks, i, ORG_HEAD);
        }
        let got: Vec<usize> = TokensWith::new(&flags, &blocks, ORG_HEAD, 0).collect();
        assert_eq!(got, vec![3, 77, 150]);
    }

    #[test]
    fn tokens_with_a_mask_are_found_across_words_of_the_block_index() {
        // More than 64 blocks (several words per bit), a rare bit in some of them only.
        let flags: Vec<u32> = (0..3000u32)
            .map(|i| {
                let mut f = WORD;
                if i % 611 == 7 || (1020..1030).contains(&i) || i == 2999 {
                    f |= CLUB_PREFIX;
                }
                if i % 5 == 0 {
                    f |= CAP;
                }
                f
            })
            .collect();
        let mut blocks = BlockIndex::of(&flags);
        for mask in [0, CLUB_PREFIX, CAP, CAP | CLUB_PREFIX, PAREN] {
            for from in [0, 1, 1023, 1024, 1025, 2047, 2990, 2999, 3000, 5000] {
                let expected: Vec<usize> = (from..flags.len())
                    .filter(|&i| flags[i] & mask == mask)
                    .collect();
                let got: Vec<usize> = TokensWith::new(&flags, &blocks, mask, from).collect();
                assert_eq!(got, expected, "mask {mask:#x} from {from}");
            }
        }
        let mut flags = flags;
        for i in [0, 1500, 2999] {
            add_flag(&mut flags, &mut blocks, i, PAREN);
        }
        let got: Vec<usize> = TokensWith::new(&flags, &blocks, PAREN, 1).collect();
        assert_eq!(got, vec![1500, 2999]);
    }

    #[test]
    fn cached_flags_are_the_flags_of_each_token() {
        // Twice over one text (the second time from the cache), then over another text with
        // the same words as other kinds of token, and with another lexicon's table or another
        // dictionary.
        let lexicon = Lexicon::load(&super::super::lexicon::Files::default_files()).unwrap();
        let dict = dictionary(NAMES);
        let tokeniser = Tokeniser::load_default().unwrap();
        let texts = [
            "Die GmbH und die IHK, sagte Anna Beispiel am 3. Mai in Oberwald-Süd: „Ja.“ \
             Die Handelskammer (Oberwald) und Bürgermeisterin Eva Muster.",
            "Die GmbH und die IHK, sagte Anna Beispiel am 3. Mai in Oberwald-Süd: „Ja.“ \
             Die Handelskammer (Oberwald) und Bürgermeisterin Eva Muster.",
            "die, Mai; 3 Ja Süd-Oberwald und-die I.H.K. Übermorgen Äpfel 2024 x \
             Handelskammern Handelskette Bürgermeisterinnen bürgermeisterin \
             Bürgermeisterei Bürgermeisterin Oberbürgermeister Handelskammer Handelskammen",
        ];
        for text in texts {
            let tokens = tokeniser.tokenise(text);
            let folded = crate::gazetteer::fold(text);
            let flags_of = |t: &Token| flags_with_entries(&lexicon, &dict, text, &folded, t);
            let expected: Vec<u32> = tokens.iter().map(flags_of).collect();
            assert_eq!(
                token_flags(&lexicon, &dict, text, &folded, &tokens),
                expected,
                "{text}"
            );
            // The same bytes as another kind of token ("3" as a word).
            let other: Vec<Token> = tokens
                .iter()
                .map(|t| Token {
                    kind: if t.kind == TokenKind::Word {
                        TokenKind::Number
                    } else {
                        TokenKind::Word
                    },
                    ..*t
                })
                .collect();
            let expected: Vec<u32> = other.iter().map(flags_of).collect();
            assert_eq!(
                token_flags(&lexicon, &dict, text, &folded, &other),
                expected,
                "{text}"
            );
        }
        // A table of other words: nothing of the first one's cache is used.
        let mut small = Lexicon::load(&super::super::lexicon::Files::default_files()).unwrap();
        small.stopwords.clear();
        small.word_bits = WordTable::build(&small);
        let text = texts[0];
        let tokens = tokeniser.tokenise(text);
        let folded = crate::gazetteer::fold(text);
        let flags = token_flags(&small, &dict, text, &folded, &tokens);
        assert!(
            flags.iter().all(|&f| f & STOPWORD == 0),
            "stale cache: {flags:?}"
        );
        assert!(token_flags(&lexicon, &dict, text, &folded, &tokens)
            .iter()
            .any(|&f| f & STOPWORD != 0));
        // A dictionary without Oberwald: the word starts no entry there.
        let oberwald = tokens
            .iter()
            .position(|t| t.text(text) == "Oberwald")
            .unwrap();
        let with = token_flags(&lexicon, &dict, text, &folded, &tokens);
        let without = token_flags(
            &lexicon,
            &dictionary("Sachsen\tLOC\n"),
            text,
            &folded,
            &tokens,
        );
        assert_eq!(with[oberwald] & NO_ENTRY, 0);
        assert_ne!(without[oberwald] & NO_ENTRY, 0, "stale cache");
    }
}
