//! Gazetteers: loading the TSV lists under `gazetteers/` and compiling them into Aho-Corasick
//! automata.
//!
//! Entity gazetteers (`regions.tsv`, `organisations.tsv` and users' own lists) have seven
//! tab-separated columns, `surface type canonical kb_id subtype weight flags`; see
//! `gazetteers/generate/README.md`. Parsing keeps every field as a byte range into the file's
//! text, so a list of 100,000 rows costs no allocation per row.
//!
//! Matching is case-insensitive through a *length-preserving* fold ([`fold`]): every character
//! is lower-cased only when its lower case has the same UTF-8 length, so byte offsets into the
//! folded text are byte offsets into the original. A [`PatternSet`] is built over folded
//! patterns (one per distinct pattern, contiguous NFA) and is searched *anchored* at word
//! starts: [`PatternSet::matches_at`] reports every pattern that starts exactly there and ends where the caller accepts an end, longest first. The caller then checks the
//! case of the original text against the entry's surface.
//!
//! # Example
//! ```
//! use meldung::gazetteer::{fold, EntityList, PatternSet};
//! use meldung::resources::DataFile;
//! let file = DataFile {
//!     name: "my.tsv",
//!     content: "Neustadt an der Probe\tLOC\tNeustadt an der Probe\t\tcity\t1200\t\n",
//! };
//! let list = EntityList::parse(file.name, file.content.to_string()).unwrap();
//! let set = PatternSet::build(list.entries.iter().map(|e| list.folded_surface(e)));
//! let text = "Besuch in NEUSTADT AN DER PROBE";
//! let folded = fold(text);
//! let mut found = Vec::new();
//! set.matches_at(folded.as_bytes(), 10, text.len(), |_end| true, &mut found);
//! assert_eq!(found.len(), 1);
//! assert_eq!(&text[10..found[0].0], "NEUSTADT AN DER PROBE");
//! ```

mod dictionary;

pub use dictionary::{acceptable_end, boundary_after, genitive_len, Dictionary, Hit};

/// A fast non-cryptographic hasher for short keys (the word lists are compiled in or given by
/// the user; no untrusted input decides the keys): FxHash's multiply-rotate over 8-byte words.
#[derive(Default, Clone, Copy)]
pub struct FastHasher(u64);

impl std::hash::Hasher for FastHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let word = u64::from_le_bytes(chunk.try_into().expect("8 bytes"));
            self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(K);
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            self.0 = (self.0.rotate_left(5) ^ tail_word(rest)).wrapping_mul(K);
        }
    }
    fn write_u8(&mut self, byte: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(byte)).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

/// The last 1 to 7 bytes of a key as one word, from at most two loads (copying them into a
/// buffer cost a `memcpy` call per hashed word): every byte and the count take part.
#[inline]
fn tail_word(rest: &[u8]) -> u64 {
    let n = rest.len();
    let word = if n >= 4 {
        let low = u32::from_le_bytes(rest[..4].try_into().expect("4 bytes"));
        let high = u32::from_le_bytes(rest[n - 4..].try_into().expect("4 bytes"));
        u64::from(low) | u64::from(high) << 32
    } else {
        u64::from(rest[0]) | u64::from(rest[n / 2]) << 8 | u64::from(rest[n - 1]) << 16
    };
    word ^ (n as u64) << 59
}

/// Build-hasher for [`FastHasher`].
pub type FastBuild = std::hash::BuildHasherDefault<FastHasher>;
/// A set with [`FastHasher`].
pub type FastSet<T> = std::collections::HashSet<T, FastBuild>;
/// A map with [`FastHasher`].
pub type FastMap<K, V> = std::collections::HashMap<K, V, FastBuild>;

use std::borrow::Cow;

use crate::record::EntityType;
use crate::resources::{DataFile, ResourceError};

/// Lower-cases `text` without changing its byte length.
///
/// ASCII letters are lower-cased, ASCII white space becomes a plain space, and any other
/// character is replaced by its lower case only when that is a single character of the same
/// UTF-8 length (so `Ä` → `ä`, `É` → `é`, but `ẞ` stays). Offsets into the result are offsets
/// into `text`.
///
/// # Example
/// ```
/// let folded = meldung::gazetteer::fold("SÄCHSISCHE\nSTAATSKANZLEI ẞ");
/// assert_eq!(folded, "sächsische staatskanzlei ẞ");
/// assert_eq!(folded.len(), "SÄCHSISCHE\nSTAATSKANZLEI ẞ".len());
/// ```
pub fn fold(text: &str) -> Cow<'_, str> {
    let needs = text
        .bytes()
        .any(|b| b.is_ascii_uppercase() || b >= 0x80 || matches!(b, b'\n' | b'\t' | b'\r'));
    if !needs {
        return Cow::Borrowed(text);
    }
    // A copy with ASCII capitals lowered (a byte loop the compiler vectorises), then the few
    // bytes the table folds otherwise: white-space controls become spaces, capitals beyond
    // ASCII their lower case of the same length. Found eight bytes at a time (a document is
    // mostly ASCII letters); replaced in place, so the copy is never validated as UTF-8 again.
    let mut folded = text.to_owned();
    folded.make_ascii_lowercase();
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        // Thirty-two bytes at a time while they last: the four words' marks tested at once
        // (most stretches of a text hold none), the first marked byte found from them.
        if let Some(chunk) = bytes.get(at..at + 32) {
            let word = |k: usize| {
                special_bytes(u64::from_le_bytes(
                    chunk[8 * k..8 * k + 8].try_into().expect("8 bytes"),
                ))
            };
            let marks = [word(0), word(1), word(2), word(3)];
            let Some(k) = marks.iter().position(|&mark| mark != 0) else {
                at += 32;
                continue;
            };
            at += 8 * k + (marks[k].trailing_zeros() / 8) as usize;
        } else if let Some(chunk) = bytes.get(at..at + 8) {
            let special = special_bytes(u64::from_le_bytes(chunk.try_into().expect("8 bytes")));
            if special == 0 {
                at += 8;
                continue;
            }
            at += (special.trailing_zeros() / 8) as usize;
        }
        let b = bytes[at];
        if b < 0x80 {
            if b != b' ' && ASCII_FOLD[usize::from(b)] == b' ' {
                folded.replace_range(at..at + 1, " ");
            }
            at += 1;
            continue;
        }
        // The lower-case letters of Latin-1 and `ß` (U+00DF to U+00FF: `ä`, `ö`, `ü`, `é` …),
        // most of the characters beyond ASCII in German text, stay as they are: told by
        // their two bytes without decoding them.
        if b == 0xC3 && bytes.get(at + 1).is_some_and(|&next| next >= 0x9F) {
            at += 2;
            continue;
        }
        let ch = text[at..].chars().next().expect("a character starts here");
        let len = ch.len_utf8();
        if ch.is_uppercase() {
            let mut lower = ch.to_lowercase();
            if let (Some(l), None) = (lower.next(), lower.next()) {
                if l.len_utf8() == len {
                    folded.replace_range(at..at + len, l.encode_utf8(&mut [0u8; 4]));
                }
            }
        }
        at += len;
    }
    Cow::Owned(folded)
}

/// The high bit of every byte of `word` that [`fold`] cannot fold as an ASCII letter: a byte
/// of a character beyond ASCII or a white-space control (`\t` to `\r`).
#[inline]
fn special_bytes(word: u64) -> u64 {
    let high = word & HIGH_BITS;
    let low = word & !HIGH_BITS;
    // The high bit of each byte is set where its low seven bits are at least `lo` (no carry:
    // every byte and every addend are below 0x80); the high bytes are marked anyway.
    let at_least = |lo: u8| (low + (0x80 - u64::from(lo)) * LOW_BITS) & HIGH_BITS;
    high | (at_least(0x09) & !at_least(0x0e))
}

const LOW_BITS: u64 = 0x0101_0101_0101_0101;
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// The fold of every ASCII byte: lower case, white space as a plain space.
const ASCII_FOLD: [u8; 128] = {
    let mut table = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = match b as u8 {
            b'\n' | b'\t' | b'\r' | 0x0b | 0x0c => b' ',
            other => other.to_ascii_lowercase(),
        };
        b += 1;
    }
    table
};

/// Appends the [`fold`] of `text` to `out` (no allocation of its own: the gazetteers fold
/// 200,000 surfaces into one buffer at start-up).
///
/// # Example
/// ```
/// let mut out = String::from("a|");
/// meldung::gazetteer::fold_into("Québec-Stadt", &mut out);
/// assert_eq!(out, "a|québec-stadt");
/// ```
pub fn fold_into(text: &str, out: &mut String) {
    let before = out.len();
    for ch in text.chars() {
        if ch.is_ascii() {
            out.push(char::from(ASCII_FOLD[ch as usize]));
        } else if ch.is_uppercase() {
            let mut lower = ch.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) if l.len_utf8() == ch.len_utf8() => out.push(l),
                _ => out.push(ch),
            }
        } else {
            out.push(ch);
        }
    }
    debug_assert_eq!(out.len() - before, text.len());
}

/// Flags of a gazetteer row (the `flags` column).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Flags(u8);

impl Flags {
    /// The surface is also an ordinary German word (Essen, Halle): needs context.
    pub const COMMON: Flags = Flags(1);
    /// An acronym of the canonical name.
    pub const ACRONYM: Flags = Flags(2);
    /// Another name of the canonical entry.
    pub const ALIAS: Flags = Flags(4);
    /// A German exonym (Tokio, Peking).
    pub const EXONYM: Flags = Flags(8);
    /// A colloquial name (Baselland).
    pub const COLLOQUIAL: Flags = Flags(16);

    /// Whether all of `other`'s flags are set.
    pub fn contains(self, other: Flags) -> bool {
        self.0 & other.0 == other.0
    }

    fn insert(&mut self, other: Flags) {
        self.0 |= other.0;
    }
}

/// Parses a `flags` column: comma-separated names (`common`, `acronym`, `alias`, `exonym`,
/// `colloquial`) and `key=value` hints. Of the hints only `country=XX` is read (an ISO 3166
/// alpha-2 code, two capital letters: anything else is an error); the others (`admin=…`) and
/// unknown names are informational. One pass over the bytes: this runs for every row of the
/// default gazetteers at start-up.
///
/// # Example
/// ```
/// use meldung::gazetteer::{parse_flags, Flags};
/// let (flags, country) = parse_flags("alias,common,country=JP").unwrap();
/// assert!(flags.contains(Flags::COMMON) && flags.contains(Flags::ALIAS));
/// assert_eq!(country, Some(*b"JP"));
/// assert_eq!(parse_flags("").unwrap(), (Flags::default(), None));
/// assert!(parse_flags("country=Japan").is_err());
/// ```
pub fn parse_flags(column: &str) -> Result<(Flags, Option<[u8; 2]>), String> {
    let mut flags = Flags::default();
    let mut country = None;
    for flag in column.as_bytes().split(|&b| b == b',') {
        match flag.trim_ascii() {
            b"common" => flags.insert(Flags::COMMON),
            b"acronym" => flags.insert(Flags::ACRONYM),
            b"alias" => flags.insert(Flags::ALIAS),
            b"exonym" => flags.insert(Flags::EXONYM),
            b"colloquial" => flags.insert(Flags::COLLOQUIAL),
            [b'c', b'o', b'u', b'n', b't', b'r', b'y', b'=', value @ ..] => match *value {
                [a, b] if a.is_ascii_uppercase() && b.is_ascii_uppercase() => {
                    country = Some([a, b]);
                }
                _ => {
                    return Err(format!(
                        "country hint must be an ISO 3166 alpha-2 code such as country=DE, \
                         found {:?}",
                        String::from_utf8_lossy(value)
                    ))
                }
            },
            _ => {}
        }
    }
    Ok((flags, country))
}

/// A byte range into a list's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Field {
    pub start: u32,
    pub end: u32,
}

impl Field {
    /// The field's text in `content`.
    pub fn get<'c>(&self, content: &'c str) -> &'c str {
        &content[self.start as usize..self.end as usize]
    }

    /// Whether the field is empty.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
}

/// One row of an entity gazetteer; its text fields are ranges into [`EntityList::content`]
/// (an omitted column is an empty range).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    pub surface: Field,
    /// The folded surface, a range into [`EntityList::folded`].
    pub folded: Field,
    pub entity_type: EntityType,
    pub canonical: Field,
    pub kb_id: Field,
    pub subtype: Field,
    pub weight: u64,
    pub flags: Flags,
    /// The ISO 3166 alpha-2 code of the country a city or district lies in (the `country=XX`
    /// hint of the flags column, see [`parse_flags`]), for places whose `kb_id` is no ISO code.
    pub country: Option<[u8; 2]>,
    /// 1-based line in the file.
    pub line: u32,
}

/// A parsed entity gazetteer (seven columns).
#[derive(Debug, Clone)]
pub struct EntityList {
    /// The file name as given (shown as `source` of the entities it produces).
    pub name: String,
    /// The file's text.
    pub content: Cow<'static, str>,
    /// Every entry's surface folded with [`fold`], concatenated; see [`Entry::folded`].
    pub folded: String,
    pub entries: Vec<Entry>,
}

/// Valid `subtype` values per type; an empty subtype is allowed.
fn valid_subtype(entity_type: EntityType, subtype: &str) -> bool {
    match entity_type {
        EntityType::Location => matches!(
            subtype,
            "" | "country" | "state" | "district" | "city" | "macro_region"
        ),
        EntityType::Organisation => matches!(
            subtype,
            "" | "ministry"
                | "agency"
                | "chamber"
                | "cluster"
                | "university"
                | "research"
                | "company"
                | "association"
                | "government"
                | "facility"
                | "healthcare"
                | "other"
        ),
        EntityType::Person => matches!(subtype, "" | "person"),
    }
}

impl EntityList {
    /// Parses a compiled-in list.
    pub fn parse_static(file: DataFile<'static>) -> Result<EntityList, ResourceError> {
        EntityList::parse_cow(file.name, Cow::Borrowed(file.content))
    }

    /// Parses a list read at run time (a user's `--gazetteer FILE`).
    pub fn parse(name: &str, content: String) -> Result<EntityList, ResourceError> {
        EntityList::parse_cow(name, Cow::Owned(content))
    }

    fn parse_cow(name: &str, content: Cow<'static, str>) -> Result<EntityList, ResourceError> {
        if content.len() >= u32::MAX as usize {
            return Err(ResourceError::new(name, 0, "file larger than 4 GiB"));
        }
        let base: &str = &content;
        let mut entries = Vec::with_capacity(base.len() / 60);
        let mut folded = String::with_capacity(base.len() / 4);
        // memchr over bytes: splitting 18 MB of default lists with `str::split` was a quarter
        // of start-up (measured with callgrind).
        let bytes = base.as_bytes();
        let mut next_line = 0usize;
        let mut line_no = 0usize;
        while next_line < bytes.len() {
            let line_start = next_line;
            let line_end =
                memchr::memchr(b'\n', &bytes[line_start..]).map_or(bytes.len(), |p| line_start + p);
            next_line = line_end + 1;
            line_no += 1;
            let raw = &base[line_start..line_end];
            let line = raw.strip_suffix('\r').unwrap_or(raw);
            let trimmed = line.trim_start();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            let error = |message: String| ResourceError::new(name, line_no, message);
            let mut fields = [Field::default(); 7];
            let mut count = 0;
            let mut field_start = line_start;
            let line_end = line_start + line.len();
            loop {
                if count == 7 {
                    count += 1;
                    break;
                }
                let field_end = memchr::memchr(b'\t', &bytes[field_start..line_end])
                    .map_or(line_end, |p| field_start + p);
                fields[count] = Field {
                    start: field_start as u32,
                    end: field_end as u32,
                };
                count += 1;
                if field_end == line_end {
                    break;
                }
                field_start = field_end + 1;
            }
            if !(2..=7).contains(&count) {
                return Err(error(format!(
                    "expected 7 tab-separated columns (surface type canonical kb_id subtype weight flags), found {}",
                    line.split('\t').count()
                )));
            }
            let col = |i: usize| fields[i].get(base);
            let surface = col(0);
            if surface.trim().is_empty() || surface.trim() != surface {
                return Err(error("empty surface or surrounding white space".into()));
            }
            let Some(entity_type) = EntityType::from_label(col(1)) else {
                return Err(error(format!(
                    "type must be LOC, ORG or PER, found {:?}",
                    col(1)
                )));
            };
            let canonical = if col(2).is_empty() {
                fields[0]
            } else {
                fields[2]
            };
            if !valid_subtype(entity_type, col(4)) {
                return Err(error(format!(
                    "unknown subtype {:?} for {}",
                    col(4),
                    entity_type.label()
                )));
            }
            let weight = if col(5).is_empty() {
                0
            } else {
                col(5).parse::<u64>().map_err(|_| {
                    error(format!(
                        "weight must be a non-negative integer, found {:?}",
                        col(5)
                    ))
                })?
            };
            let (flags, country) = parse_flags(col(6)).map_err(error)?;
            let folded_start = folded.len();
            fold_into(surface, &mut folded);
            entries.push(Entry {
                surface: fields[0],
                folded: Field {
                    start: folded_start as u32,
                    end: folded.len() as u32,
                },
                entity_type,
                canonical,
                kb_id: fields[3],
                subtype: fields[4],
                weight,
                flags,
                country,
                line: line_no as u32,
            });
        }
        Ok(EntityList {
            name: name.to_string(),
            content,
            folded,
            entries,
        })
    }

    /// The entry's surface folded (the automaton pattern).
    pub fn folded_surface(&self, entry: &Entry) -> &str {
        entry.folded.get(&self.folded)
    }

    /// A field's text.
    pub fn text(&self, field: Field) -> &str {
        field.get(&self.content)
    }
}

/// Distinct patterns, each mapped to a group of values, looked up at the ends a caller accepts.
///
/// Searches are always anchored at a word start and only ends at token boundaries count, so
/// a hash of the patterns probed at those few ends answers exactly what an anchored
/// Aho-Corasick search would, without building an automaton (whose failure links for ~100,000
/// first words dominated start-up). The hash is a compact open-addressing table of pattern ids
/// tagged with 32 bits of the key's hash, so a probe that misses (nearly all of them) costs a
/// few loads and no byte comparison; keys are hashed eight bytes at a time ([`hash_key`]),
/// [`PatternSet::matches_at_word_ends`] finds the word ends eight bytes at a time and hashes
/// only the prefixes up to them. Built once; `Send + Sync`, shared across threads.
#[derive(Debug, Clone)]
pub struct PatternSet {
    /// Open-addressing table (a power of two, at most half full), linear probing.
    slots: Vec<Slot>,
    /// Every distinct pattern's bytes, concatenated; `spans[pattern]` is its range.
    bytes: Vec<u8>,
    spans: Vec<(u32, u32)>,
    /// Bit `n` is set when some pattern is `n` bytes long (bit 63: 63 bytes or more).
    lengths: u64,
    /// A Bloom filter of the patterns' beginnings: bit [`prefix_bit`] of every pattern's
    /// first [`PREFIX`] bytes (all of a shorter one). Most word starts are ruled out by one
    /// to four bit tests before any scan.
    starts: Box<[u64]>,
    /// Length in bytes of the longest pattern.
    longest: usize,
    /// `groups[pattern]` is a range into `values`.
    groups: Vec<(u32, u32)>,
    values: Vec<u32>,
}

/// A slot of [`PatternSet`]'s table: the pattern id (`EMPTY` when free) and the upper half of
/// its hash.
#[derive(Debug, Clone, Copy)]
struct Slot {
    tag: u32,
    id: u32,
}

const EMPTY: u32 = u32::MAX;

/// The hash of a key, eight bytes at a time: a key of up to eight bytes is one or two
/// overlapping loads, a longer one its eight-byte words and its last eight bytes (the loads
/// overlap; equal keys load equal words). Mixed with the length so that the low bits (the
/// table index) depend on every byte.
#[inline]
fn hash_key(key: &[u8]) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let n = key.len();
    let load8 = |at: usize| u64::from_le_bytes(key[at..at + 8].try_into().expect("8 bytes"));
    let load4 = |at: usize| u64::from(u32::from_le_bytes(key[at..at + 4].try_into().expect("4")));
    let mix = |hash: u64, word: u64| (hash ^ word).wrapping_mul(K).rotate_left(29);
    let mut hash = HASH_SEED;
    if n >= 8 {
        let mut at = 0;
        while at + 8 < n {
            hash = mix(hash, load8(at));
            at += 8;
        }
        hash = mix(hash, load8(n - 8));
    } else if n >= 4 {
        hash = mix(hash, load4(0) | load4(n - 4) << 32);
    } else if n > 0 {
        let word = u64::from(key[0]) | u64::from(key[n / 2]) << 8 | u64::from(key[n - 1]) << 16;
        hash = mix(hash, word);
    }
    let mixed = (hash ^ n as u64).wrapping_mul(K);
    mixed ^ (mixed >> 32)
}

const HASH_SEED: u64 = 0xcbf2_9ce4_8422_2325;

/// The high bit of every byte of `word` (eight bytes of a text) after which a match may end
/// ([`END_CLASS`] not [`INNER`]): an ASCII byte that is no letter or digit, `s`, `e`, or the
/// first byte of a character beyond ASCII; not a letter or digit (other than `s`, `e`) nor a
/// continuation byte.
#[inline(always)]
fn end_bytes(word: u64) -> u64 {
    const LOW: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Exactly the bytes equal to `b`.
    let equal = |b: u8| {
        let x = word ^ (u64::from(b) * LOW);
        !(((x & !HIGH) + !HIGH) | x) & HIGH
    };
    let other = dictionary::stop_bytes(word);
    // Bit 7 set and bit 6 clear: a continuation byte.
    let continuation = word & !(word << 1) & HIGH;
    (other & !continuation) | equal(b's') | equal(b'e')
}

/// How many bytes of a pattern's beginning [`PatternSet`]'s filter keeps.
const PREFIX: usize = 4;
/// Size of that filter in 64-bit words (2^17 bits: a few bits per pattern of the largest set).
const STARTS_WORDS: usize = 1 << 11;

/// The filter bit of a pattern beginning (at most [`PREFIX`] bytes).
fn prefix_bit(prefix: &[u8]) -> usize {
    let word = prefix
        .iter()
        .fold(0u64, |word, &b| word << 8 | u64::from(b));
    prefix_key_bit(word, prefix.len())
}

/// The filter bit of the `len` bytes packed big-endian into `word`.
#[inline]
fn prefix_key_bit(word: u64, len: usize) -> usize {
    let key = word | (len as u64) << 40;
    (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - 17)) as usize
}

/// What the byte after a possible match end says about the end (see
/// [`PatternSet::matches_at_word_ends`]).
const INNER: u8 = 0;
const BOUNDARY: u8 = 1;
const MAYBE_GENITIVE: u8 = 2;
const NON_ASCII: u8 = 3;

const END_CLASS: [u8; 256] = {
    let mut class = [INNER; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        class[b] = if byte >= 0xC0 {
            NON_ASCII
        } else if byte >= 0x80 || byte.is_ascii_alphanumeric() {
            if byte == b's' || byte == b'e' {
                MAYBE_GENITIVE
            } else {
                INNER
            }
        } else {
            BOUNDARY
        };
        b += 1;
    }
    class
};

impl PatternSet {
    /// Builds the set; value `i` is the position of the pattern in `patterns`. Equal
    /// patterns share one pattern whose group lists all their values in order.
    pub fn build<'p>(patterns: impl IntoIterator<Item = &'p str>) -> PatternSet {
        let mut index: FastMap<&str, u32> = FastMap::default();
        let mut distinct: Vec<&str> = Vec::new();
        let mut members: Vec<Vec<u32>> = Vec::new();
        for (value, pattern) in patterns.into_iter().enumerate() {
            if pattern.is_empty() {
                continue;
            }
            let id = *index.entry(pattern).or_insert_with(|| {
                distinct.push(pattern);
                members.push(Vec::new());
                (distinct.len() - 1) as u32
            });
            members[id as usize].push(value as u32);
        }
        let mut groups = Vec::with_capacity(members.len());
        let mut values = Vec::with_capacity(index.len());
        for group in members {
            let start = values.len() as u32;
            values.extend(group);
            groups.push((start, values.len() as u32));
        }
        let longest = distinct.iter().map(|p| p.len()).max().unwrap_or(0);
        let size = (distinct.len() * 2).next_power_of_two().max(2);
        let mut slots = vec![Slot { tag: 0, id: EMPTY }; size];
        let mut bytes = Vec::with_capacity(distinct.iter().map(|p| p.len()).sum());
        let mut spans = Vec::with_capacity(distinct.len());
        let mut lengths = 0u64;
        let mut starts = vec![0u64; STARTS_WORDS].into_boxed_slice();
        for (id, pattern) in distinct.iter().enumerate() {
            let bit = prefix_bit(&pattern.as_bytes()[..pattern.len().min(PREFIX)]);
            starts[bit >> 6] |= 1 << (bit & 63);
            let start = bytes.len() as u32;
            bytes.extend_from_slice(pattern.as_bytes());
            spans.push((start, bytes.len() as u32));
            lengths |= 1 << pattern.len().min(63);
            let hash = hash_key(pattern.as_bytes());
            let mut at = hash as usize & (size - 1);
            while slots[at].id != EMPTY {
                at = (at + 1) & (size - 1);
            }
            slots[at] = Slot {
                tag: (hash >> 32) as u32,
                id: id as u32,
            };
        }
        PatternSet {
            slots,
            bytes,
            spans,
            lengths,
            starts,
            longest,
            groups,
            values,
        }
    }

    /// Number of distinct patterns.
    pub fn len(&self) -> usize {
        self.groups.len()
    }

    /// Whether the set has no pattern.
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// The values of pattern `pattern` (as reported by [`PatternSet::matches_at`]).
    pub fn values(&self, pattern: u32) -> &[u32] {
        let (start, end) = self.groups[pattern as usize];
        &self.values[start as usize..end as usize]
    }

    /// Pushes `(end, pattern)` for every pattern that matches `folded` anchored at `start`,
    /// ends at or before `limit` and at an end `accept_end` accepts, longest first.
    ///
    /// Only accepted ends are probed (token boundaries: one to three per word), each with one
    /// hash lookup.
    pub fn matches_at(
        &self,
        folded: &[u8],
        start: usize,
        limit: usize,
        mut accept_end: impl FnMut(usize) -> bool,
        out: &mut Vec<(usize, u32)>,
    ) {
        let limit = self.probe_limit(folded, start, limit);
        for end in (start + 1..=limit).rev() {
            if accept_end(end) {
                let key = &folded[start..end];
                if self.has_length(key.len()) {
                    if let Some(pattern) = self.find(key, hash_key(key)) {
                        out.push((end, pattern));
                    }
                }
            }
        }
    }

    /// The last end worth probing from `start`: no pattern is longer than the longest one.
    /// `start` itself (nothing to probe) when the set is empty.
    #[inline(always)]
    fn probe_limit(&self, folded: &[u8], start: usize, limit: usize) -> usize {
        if self.spans.is_empty() || !self.may_start(folded, start) {
            return start;
        }
        limit
            .min(folded.len())
            .min(start.saturating_add(self.longest))
    }

    /// Whether some pattern may start at `start`: false when no pattern begins with the
    /// first [`PREFIX`] bytes there and no shorter pattern equals fewer of them.
    #[inline]
    fn may_start(&self, folded: &[u8], start: usize) -> bool {
        let rest = folded.get(start..).unwrap_or_default();
        let test = |word: u64, len: usize| {
            let bit = prefix_key_bit(word, len);
            self.starts[bit >> 6] >> (bit & 63) & 1 != 0
        };
        let (word, len) = match rest.get(..PREFIX) {
            Some(&[a, b, c, d]) => (u64::from(u32::from_be_bytes([a, b, c, d])), PREFIX),
            _ => (
                rest.iter().fold(0u64, |word, &b| word << 8 | u64::from(b)),
                rest.len(),
            ),
        };
        if len == PREFIX && test(word, PREFIX) {
            return true;
        }
        // Patterns shorter than the prefix: each length that occurs, on its own bytes.
        let mut short = self.lengths & ((1 << PREFIX) - 2) & ((2 << len) - 1);
        while short != 0 {
            let k = short.trailing_zeros() as usize;
            if test(word >> (8 * (len - k)), k) {
                return true;
            }
            short &= short - 1;
        }
        false
    }

    /// Whether some pattern may be `len` bytes long.
    #[inline]
    fn has_length(&self, len: usize) -> bool {
        self.lengths >> len.min(63) & 1 != 0
    }

    /// The pattern equal to `key`, whose [`hash_key`] is `hash`.
    #[inline]
    fn find(&self, key: &[u8], hash: u64) -> Option<u32> {
        let mask = self.slots.len() - 1;
        let tag = (hash >> 32) as u32;
        let mut at = hash as usize & mask;
        loop {
            let slot = self.slots[at];
            if slot.id == EMPTY {
                return None;
            }
            if slot.tag == tag {
                let (from, to) = self.spans[slot.id as usize];
                if &self.bytes[from as usize..to as usize] == key {
                    return Some(slot.id);
                }
            }
            at = (at + 1) & mask;
        }
    }

    /// Like [`PatternSet::matches_at`] with word ends as the accepted ends: positions where
    /// [`boundary_after`] holds, or with `genitive` also [`acceptable_end`] (before a
    /// genitive `s`/`es`). `text` is the original of `folded`.
    ///
    /// The ends are found eight bytes at a time ([`end_bytes`]: most bytes of a word go on
    /// with a letter), so a lookup costs about one instruction per byte plus a hash and a
    /// table probe per end of a length some pattern has.
    ///
    /// # Example
    /// ```
    /// use meldung::gazetteer::{fold, PatternSet};
    /// let set = PatternSet::build(["sachsen", "sachsen-anhalt"]);
    /// let text = "Sachsens Nachbar Sachsen-Anhalt";
    /// let folded = fold(text);
    /// let mut found = Vec::new();
    /// set.matches_at_word_ends(text, folded.as_bytes(), 0, text.len(), true, &mut found);
    /// assert_eq!(found, vec![(7, 0)]);
    /// found.clear();
    /// set.matches_at_word_ends(text, folded.as_bytes(), 17, text.len(), true, &mut found);
    /// assert_eq!(found, vec![(31, 1), (24, 0)]);
    /// ```
    pub fn matches_at_word_ends(
        &self,
        text: &str,
        folded: &[u8],
        start: usize,
        limit: usize,
        genitive: bool,
        out: &mut Vec<(usize, u32)>,
    ) {
        self.for_each_at_word_ends(text, folded, start, limit, genitive, |end, pattern| {
            out.push((end, pattern));
        });
    }

    /// [`PatternSet::matches_at_word_ends`] calling `found(end, pattern)` for each match,
    /// longest first, instead of collecting them (no buffer for the caller to keep).
    pub fn for_each_at_word_ends(
        &self,
        text: &str,
        folded: &[u8],
        start: usize,
        limit: usize,
        genitive: bool,
        found: impl FnMut(usize, u32),
    ) {
        if self.spans.is_empty() || !self.may_start(folded, start) {
            return;
        }
        self.for_each_at_word_ends_unfiltered(text, folded, start, limit, genitive, found);
    }

    /// [`PatternSet::for_each_at_word_ends`] without the filter of the first bytes at
    /// `start` ([`PatternSet::may_start`]), for a caller whose own filter has ruled out
    /// the starts where nothing matches: the dictionary's filter of first words' leading
    /// runs leaves almost no start that this one would rule out (27 of 17,889 lookups on
    /// 282 press releases), and asking both cost a second hash per lookup.
    pub(crate) fn for_each_at_word_ends_unfiltered(
        &self,
        text: &str,
        folded: &[u8],
        start: usize,
        limit: usize,
        genitive: bool,
        mut found: impl FnMut(usize, u32),
    ) {
        if self.spans.is_empty() {
            return;
        }
        let limit = limit
            .min(folded.len())
            .min(start.saturating_add(self.longest));
        if limit <= start {
            return;
        }
        let mut ends = [0usize; 16];
        let mut count = 0;
        let bytes = text.as_bytes();
        // The possible ends `start + 1..=limit`, found eight bytes at a time from the class of
        // the byte after each: most bytes of a word go on with a letter.
        let mut at = start + 1;
        while at <= limit {
            let (mut candidates, step) = match bytes.get(at..at + 8) {
                Some(eight) => (
                    end_bytes(u64::from_le_bytes(eight.try_into().expect("8 bytes"))),
                    8,
                ),
                // The text's last bytes: each with its class (the end of the text ends a
                // match).
                None => {
                    let mut candidates = 0u64;
                    for k in 0..8 {
                        if bytes
                            .get(at + k)
                            .map_or(true, |&b| END_CLASS[usize::from(b)] != INNER)
                        {
                            candidates |= 0x80 << (8 * k);
                        }
                    }
                    (candidates, 8)
                }
            };
            if limit - at < 7 {
                // Only ends up to `limit`.
                candidates &= (1u64 << (8 * (limit - at + 1))) - 1;
            }
            while candidates != 0 {
                let end = at + (candidates.trailing_zeros() / 8) as usize;
                candidates &= candidates - 1;
                let class = bytes
                    .get(end)
                    .map_or(BOUNDARY, |&b| END_CLASS[usize::from(b)]);
                let accepted = match class {
                    BOUNDARY => true,
                    // Most `s` and `e` go on with a letter: ruled out from the next byte's
                    // class before the full test.
                    MAYBE_GENITIVE => {
                        genitive
                            && match bytes[end] {
                                b's' => bytes.get(end + 1).map_or(true, |&b| {
                                    END_CLASS[usize::from(b)] != INNER
                                        && END_CLASS[usize::from(b)] != MAYBE_GENITIVE
                                }),
                                _ => bytes.get(end + 1) == Some(&b's'),
                            }
                            && genitive_len(text, end).is_some()
                    }
                    _ => boundary_after(text, end),
                };
                if accepted && self.has_length(end - start) {
                    if count == ends.len() {
                        // Unusually many ends (a long run of punctuation): the plain path.
                        let accept = |end| {
                            if genitive {
                                acceptable_end(text, end)
                            } else {
                                boundary_after(text, end)
                            }
                        };
                        let mut all = Vec::new();
                        self.matches_at(folded, start, limit, accept, &mut all);
                        return all
                            .into_iter()
                            .for_each(|(end, pattern)| found(end, pattern));
                    }
                    ends[count] = end;
                    count += 1;
                }
            }
            at += step;
        }
        for &end in ends[..count].iter().rev() {
            let key = &folded[start..end];
            if let Some(pattern) = self.find(key, hash_key(key)) {
                found(end, pattern);
            }
        }
    }
}

/// A parsed auxiliary list: rows with a fixed number of columns, fields borrowed from the file.
#[derive(Debug, Clone)]
pub struct AuxRow<'a> {
    pub line: usize,
    pub fields: Vec<&'a str>,
}

/// Reads the rows of an auxiliary list (`region_adjectives.tsv`, `first_names.tsv`,
/// `roles.tsv`, `legal_forms.tsv`) and checks the first column is not empty.
pub fn aux_rows<'a>(file: DataFile<'a>, columns: usize) -> Result<Vec<AuxRow<'a>>, ResourceError> {
    let mut rows = Vec::new();
    for row in file.rows(0) {
        let row = row?;
        if row.fields.len() > columns || row.fields[0].trim().is_empty() {
            return Err(row.error(
                file.name,
                format!(
                    "expected at most {columns} tab-separated columns with a non-empty first one, found {}",
                    row.fields.len()
                ),
            ));
        }
        rows.push(AuxRow {
            line: row.line,
            fields: row.fields,
        });
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_finds_each_character_to_fold_at_every_offset() {
        // Long texts whose characters to fold stand at every offset of the 32- and 8-byte
        // steps, alone or close together.
        for offset in 0..70 {
            for tail in ["Ä", "\tÖffnung Québec", "ÜBER\r\nß Σ", "ẞ"] {
                let text = format!("{}{tail}{}", "a".repeat(offset), "B".repeat(offset % 37));
                let mut appended = String::new();
                fold_into(&text, &mut appended);
                assert_eq!(fold(&text), appended, "{text:?}");
            }
        }
    }

    #[test]
    fn fold_of_a_document_equals_fold_into() {
        let texts = [
            "Dresden, 28. März 2014 – ÖSTERREICH und Québec\r\n",
            "nur klein\x0bmit Tabulator\x0c",
            "GROẞE İSTANBUL-REISE: ÆØÅ, Σίσυφος, ДРЕЗДЕН",
            "plain ascii without capitals",
            "",
        ];
        for text in texts {
            let mut appended = String::from("x");
            fold_into(text, &mut appended);
            let folded = fold(text);
            if folded.as_ref() != text {
                assert_eq!(folded, &appended[1..], "{text:?}");
            }
            assert_eq!(folded.len(), text.len(), "{text:?}");
        }
    }

    #[test]
    fn eight_byte_fold_equals_the_byte_table() {
        // Every ASCII byte at every position of an eight-byte word, next to a capital so that
        // the text needs folding.
        let ascii: String = (1u8..128).map(char::from).collect();
        for shift in 0..8 {
            let text = format!("{}X{ascii}{ascii}", "a".repeat(shift));
            let mut expected = String::new();
            fold_into(&text, &mut expected);
            assert_eq!(fold(&text), expected, "shift {shift}");
        }
        // Capitals and white space before and after other characters at every offset.
        for shift in 0..8 {
            let text = format!(
                "{}SÄCHSISCHE\tÄMTER, ÖL-Preis\nÜBER Québec ẞ İSTANBUL ДРЕЗДЕН Ab",
                "X".repeat(shift)
            );
            let mut expected = String::new();
            fold_into(&text, &mut expected);
            assert_eq!(fold(&text), expected, "shift {shift}");
        }
    }

    #[test]
    fn fast_hasher_tells_short_keys_apart() {
        use std::hash::BuildHasher;
        let keys = [
            "", "a", "b", "ab", "ba", "abc", "acb", "abcd", "abcde", "abcdf", "abcdefg",
        ];
        let hashes: Vec<u64> = keys
            .iter()
            .map(|key| FastBuild::default().hash_one(key))
            .collect();
        let distinct: FastSet<u64> = hashes.iter().copied().collect();
        assert_eq!(distinct.len(), keys.len(), "{hashes:?}");
    }

    #[test]
    fn every_pattern_of_a_large_set_is_found_and_nothing_else() {
        let patterns: Vec<String> = (0..5000).map(|i| format!("ort{i}")).collect();
        let set = PatternSet::build(patterns.iter().map(String::as_str));
        assert_eq!(set.len(), 5000);
        for (i, pattern) in patterns.iter().enumerate() {
            let mut out = Vec::new();
            let text = format!("{pattern} liegt");
            set.matches_at_word_ends(&text, text.as_bytes(), 0, text.len(), false, &mut out);
            assert_eq!(out, vec![(pattern.len(), i as u32)], "{pattern}");
        }
        for missing in ["ort5000", "ort", "or", "ort12a", "xort1"] {
            let mut out = Vec::new();
            let whole = |end| end == missing.len();
            set.matches_at(missing.as_bytes(), 0, missing.len(), whole, &mut out);
            assert_eq!(out, vec![], "{missing}");
        }
    }

    #[test]
    fn word_end_scan_agrees_with_probing_every_accepted_end() {
        let set = PatternSet::build([
            "sachsen",
            "sachsen-anhalt",
            "bad",
            "bad ems",
            "saarland",
            "st.",
            "québec",
            "québec-stadt",
            "münchen",
            "ende",
        ]);
        let text = "Sachsens und Sachsen-Anhalts Saarlandes Bad Ems, St. Québec-Städter \
                    MÜNCHEN. Québec-Stadt (Ende) Münchens Ende-Ende";
        let folded = fold(text);
        let bytes = folded.as_bytes();
        for start in (0..text.len()).filter(|&at| text.is_char_boundary(at)) {
            // Every limit: the scan reads eight bytes at a time and drops the ends past it.
            for limit in start..=text.len() {
                for genitive in [false, true] {
                    let mut scanned = Vec::new();
                    set.matches_at_word_ends(text, bytes, start, limit, genitive, &mut scanned);
                    let mut probed = Vec::new();
                    let accept = |end| {
                        if genitive {
                            acceptable_end(text, end)
                        } else {
                            boundary_after(text, end)
                        }
                    };
                    set.matches_at(bytes, start, limit, accept, &mut probed);
                    assert_eq!(scanned, probed, "at {start} up to {limit} ({genitive})");
                }
            }
        }
    }

    #[test]
    fn end_bytes_are_the_bytes_of_a_class_other_than_inner() {
        // Every byte value at every position of a word, among letters.
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut eight = *b"abcdfghk";
                eight[at] = b;
                let expected = eight.iter().enumerate().fold(0u64, |mask, (k, &byte)| {
                    mask | u64::from(END_CLASS[usize::from(byte)] != INNER) << (8 * k + 7)
                });
                assert_eq!(
                    end_bytes(u64::from_le_bytes(eight)),
                    expected,
                    "{b:#x} at {at}"
                );
            }
        }
    }

    #[test]
    fn fold_keeps_length_for_every_kind_of_character() {
        let cases = [
            ("ÖSTERREICH", "österreich"),
            ("Québec", "québec"),
            ("GROẞ", "groẞ"),
            ("İstanbul", "İstanbul"),
            ("a\tb\nc", "a b c"),
            ("ÆØÅ", "æøå"),
        ];
        for (text, expected) in cases {
            let folded = fold(text);
            assert_eq!(folded, expected, "{text}");
            assert_eq!(folded.len(), text.len(), "{text}");
        }
    }

    #[test]
    fn malformed_rows_name_file_and_line() {
        let cases = [
            ("A\tXYZ\tA\t\tcity\t0\t\n", "type must be LOC, ORG or PER"),
            ("A\tLOC\tA\t\ttown\t0\t\n", "unknown subtype"),
            ("A\tLOC\tA\t\tcity\tmany\t\n", "weight must be"),
            ("A\n", "expected 7 tab-separated columns"),
            (" A\tLOC\tA\t\tcity\t0\t\n", "surrounding white space"),
        ];
        for (content, message) in cases {
            let err = EntityList::parse("user.tsv", format!("# header\n{content}")).unwrap_err();
            assert_eq!(
                (err.file.as_str(), err.line),
                ("user.tsv", 2),
                "{content:?}"
            );
            assert!(
                err.message.contains(message),
                "{content:?}: {}",
                err.message
            );
        }
    }

    #[test]
    fn rows_parse_with_omitted_trailing_columns() {
        let list = EntityList::parse(
            "u.tsv",
            "Oberbeispiel\tLOC\nMusterwerk AG\tORG\tMusterwerk AG\t\tcompany\t0\tcommon,alias\n"
                .to_string(),
        )
        .unwrap();
        assert_eq!(list.entries.len(), 2);
        let first = list.entries[0];
        assert_eq!(list.text(first.canonical), "Oberbeispiel");
        assert!(first.kb_id.is_empty());
        let second = list.entries[1];
        assert_eq!(list.text(second.subtype), "company");
        assert!(second.flags.contains(Flags::COMMON));
        assert!(second.flags.contains(Flags::ALIAS));
        assert!(!second.flags.contains(Flags::ACRONYM));
    }

    #[test]
    fn anchored_matches_report_every_accepted_prefix_longest_first() {
        let set = PatternSet::build(["neustadt", "neustadt an der probe", "probe"]);
        let text = "neustadt an der probebühne";
        let mut out = Vec::new();
        // Accept only ends at a word boundary.
        let bytes = text.as_bytes();
        set.matches_at(
            bytes,
            0,
            text.len(),
            |end| end == bytes.len() || !bytes[end].is_ascii_alphanumeric(),
            &mut out,
        );
        assert_eq!(out, vec![(8, 0)]);
        out.clear();
        set.matches_at(bytes, 0, text.len(), |_| true, &mut out);
        assert_eq!(out, vec![(21, 1), (8, 0)]);
    }

    #[test]
    fn duplicate_patterns_share_one_group() {
        let set = PatternSet::build(["halle", "essen", "halle"]);
        assert_eq!(set.len(), 2);
        let mut out = Vec::new();
        set.matches_at(b"halle", 0, 5, |_| true, &mut out);
        assert_eq!(set.values(out[0].1), &[0, 2]);
    }
}
