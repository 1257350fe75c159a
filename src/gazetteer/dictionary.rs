//! The entity dictionary: every row of the entity gazetteers, found in text by an Aho-Corasick
//! automaton over the *first words* of the surfaces and a hash table of whole surfaces.
//!
//! Why two stages: compiling the ~215,000 full surfaces of the default gazetteers (4.3 MB of
//! pattern bytes) into one automaton costs about 1.3 s of CPU (measured, contiguous NFA,
//! leftmost-longest), far over the start-up budget; the distinct first words (106,000 patterns,
//! 0.8 MB) compile in about 150 ms. The automaton runs anchored at word starts and finds the
//! first word even inside a hyphen compound (`Basel-Landschaft-Besuch`) or before a genitive
//! `s`; the following words of multi-word surfaces are then checked by hashing the text span
//! at each word end, only for first words that start a multi-word surface of that length.
//! Spans are hashed eight bytes at a time ([`span_hash`]), each from its start when asked:
//! only the few ends where a surface may end are hashed, not every byte on the way.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use super::{EntityList, Entry, PatternSet};

/// FNV-1a, 64 bit: cheap and good enough for short byte strings (collisions are checked).
fn fnv1a(bytes: &[u8]) -> u64 {
    fnv1a_extend(FNV_START, bytes)
}

/// Continues an FNV-1a hash over more bytes.
fn fnv1a_extend(mut hash: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

const FNV_START: u64 = 0xcbf2_9ce4_8422_2325;

/// The hash of a (folded) surface or of its words up to an inner space, as the tables
/// `surfaces` and `prefixes` of [`Dictionary`] hold it: eight bytes at a time
/// ([`super::hash_key`]), so a span is hashed from its start at each end worth asking.
#[inline]
fn span_hash(span: &[u8]) -> u64 {
    super::hash_key(span)
}

/// A hasher that passes an already computed `u64` hash through.
#[derive(Default)]
struct PassThrough(u64);

impl Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        // Only `write_u64` is used; fall back to FNV for completeness.
        self.0 = fnv1a(bytes);
    }
    fn write_u64(&mut self, value: u64) {
        self.0 = value;
    }
}

/// Whether the text has a word boundary at byte `at` (end of text or a character that is not
/// alphanumeric follows); false inside a character.
pub fn boundary_after(text: &str, at: usize) -> bool {
    if !text.is_char_boundary(at) {
        return false;
    }
    match text.as_bytes().get(at) {
        None => true,
        Some(&b) if b < 0x80 => !b.is_ascii_alphanumeric(),
        Some(_) => !text[at..].chars().next().is_some_and(char::is_alphanumeric),
    }
}

/// Whether a match may end at `at`: at a boundary, or before a genitive `s` or `es` that ends
/// the word (`Sachsens`, `des Saarlandes`).
pub fn acceptable_end(text: &str, at: usize) -> bool {
    if !text.is_char_boundary(at) {
        return false;
    }
    boundary_after(text, at) || genitive_len(text, at).is_some()
}

/// The length of a genitive ending (`s`, or `es` after `…land`) at `at` that ends the word.
pub fn genitive_len(text: &str, at: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    if bytes.get(at) == Some(&b's') && boundary_after(text, at + 1) {
        return Some(1);
    }
    (text[..at].ends_with("land")
        && bytes.get(at..at + 2) == Some(b"es")
        && boundary_after(text, at + 2))
    .then_some(2)
}

/// A dictionary match: the entry and the end of its surface in the text (before any
/// genitive `s`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub end: usize,
    /// Index into [`Dictionary::entry`].
    pub id: u32,
}

#[derive(Debug, Clone, Copy, Default)]
struct FirstWord {
    /// Bit `k - 1` is set when some surface starting with this word has `k` words (k ≤ 32).
    word_counts: u32,
    /// The entries whose whole surface is this word: a range into `Dictionary::singles`.
    singles: (u32, u32),
}

/// Entity gazetteers compiled for lookup. Build once; `Send + Sync`.
#[derive(Debug, Clone)]
pub struct Dictionary {
    lists: Vec<EntityList>,
    /// Entry id → (list, row).
    refs: Vec<(u16, u32)>,
    first_words: PatternSet,
    first_info: Vec<FirstWord>,
    /// Entry ids of one-word surfaces grouped by first word, ascending within a group.
    singles: Vec<u32>,
    surfaces: HashMap<u64, (u32, u32), BuildHasherDefault<PassThrough>>,
    /// Hashes of the word prefixes of multi-word surfaces up to each inner space but the
    /// first ("frankfurt am" of "frankfurt am main"): the lookup stops extending when the
    /// text's prefix is none of them. A first word followed by more is known from its
    /// [`FirstWord::word_counts`].
    prefixes: HashSet<u64, BuildHasherDefault<PassThrough>>,
    members: Vec<u32>,
    max_words: usize,
    /// A Bloom filter (one bit per key) of the first words' leading runs ([`leading_run`]):
    /// a lookup whose text run (or the run without a genitive ending) has no bit set can
    /// match no first word, and most capitalised words are no place's first word.
    runs: Box<[u64]>,
    /// Hash of a `kb_id` → an entry with that id and a country hint ([`Entry::country`]).
    countries: HashMap<u64, u32, BuildHasherDefault<PassThrough>>,
    /// A number no other dictionary built in this process has ([`Dictionary::id`]).
    id: u64,
}

/// The source of [`Dictionary`] ids.
static DICTIONARY_IDS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// Bits of [`Dictionary`]'s run filter (2^21: 256 KiB, about 5 % of the bits set by the
/// default gazetteers' first words).
const RUN_BITS: u32 = 21;

/// The length in bytes of the leading run of alphanumeric characters of `bytes` (valid
/// UTF-8 from a character start): where a first word can first end at a word boundary.
#[inline]
fn leading_run(bytes: &[u8]) -> usize {
    let mut at = 0;
    loop {
        // Eight ASCII letters or digits at a time, up to the first other byte.
        if let Some(chunk) = bytes.get(at..at + 8) {
            let stop = stop_bytes(u64::from_le_bytes(chunk.try_into().expect("8 bytes")));
            if stop == 0 {
                at += 8;
                continue;
            }
            at += (stop.trailing_zeros() / 8) as usize;
        }
        let Some(&b) = bytes.get(at) else {
            return bytes.len();
        };
        if b < 0x80 {
            if !ASCII_ALPHANUMERIC[usize::from(b)] {
                return at;
            }
            at += 1;
            continue;
        }
        // A character beyond ASCII (the bytes come from a `str`): the two-byte ones of
        // European letters decoded here, others by the standard library.
        let (ch, len) = match (b, bytes.get(at + 1)) {
            (0xC2..=0xDF, Some(&next)) => (
                char::from_u32(u32::from(b & 0x1F) << 6 | u32::from(next & 0x3F)),
                2,
            ),
            _ => {
                let len = match b {
                    0xE0..=0xEF => 3,
                    _ => 4,
                };
                let ch = std::str::from_utf8(&bytes[at..(at + len).min(bytes.len())])
                    .ok()
                    .and_then(|s| s.chars().next());
                (ch, len)
            }
        };
        let alphanumeric = ch.is_some_and(|c| {
            ('\u{c0}'..='\u{ff}').contains(&c) && c != '×' && c != '÷' || c.is_alphanumeric()
        });
        if !alphanumeric {
            return at;
        }
        at += len;
    }
}

/// The high bit of every byte of `word` that is no ASCII letter or digit.
#[inline]
pub(super) fn stop_bytes(word: u64) -> u64 {
    const LOW: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let low = word & !HIGH;
    // The high bit of each byte is set where its low seven bits are at least `lo` (no carry:
    // every byte and every addend are below 0x80); bytes with the high bit are stops anyway.
    let at_least = |lo: u8| (low + (0x80 - u64::from(lo)) * LOW) & HIGH;
    let digit = at_least(b'0') & !at_least(b'9' + 1);
    let upper = at_least(b'A') & !at_least(b'Z' + 1);
    let lower = at_least(b'a') & !at_least(b'z' + 1);
    (word & HIGH) | (!(digit | upper | lower) & HIGH)
}

/// ASCII letters and digits.
const ASCII_ALPHANUMERIC: [bool; 128] = {
    let mut table = [false; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// The filter bit of a run.
#[inline]
fn run_bit(run: &[u8]) -> usize {
    use std::hash::Hasher;
    let mut hasher = super::FastHasher::default();
    hasher.write(run);
    let h = hasher.finish() ^ run.len() as u64;
    (h.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - RUN_BITS)) as usize
}

/// The first word of a folded surface (up to its first space).
fn first_word(folded: &str) -> &str {
    folded.split(' ').next().unwrap_or(folded)
}

impl Dictionary {
    /// Compiles the entries of `lists` for which `keep` holds.
    pub fn build(lists: Vec<EntityList>, keep: impl Fn(&Entry) -> bool) -> Dictionary {
        let mut refs = Vec::new();
        for (list_index, list) in lists.iter().enumerate() {
            for (row, entry) in list.entries.iter().enumerate() {
                if keep(entry) {
                    refs.push((list_index as u16, row as u32));
                }
            }
        }
        let folded_of = |&(list, row): &(u16, u32)| {
            let list = &lists[list as usize];
            list.folded_surface(&list.entries[row as usize])
        };
        let first_words = PatternSet::build(refs.iter().map(|r| first_word(folded_of(r))));
        let mut max_words = 1;
        let mut singles = Vec::new();
        let first_info = (0..first_words.len() as u32)
            .map(|pattern| {
                let mut info = FirstWord::default();
                let from = singles.len() as u32;
                for &id in first_words.values(pattern) {
                    let words = folded_of(&refs[id as usize]).split(' ').count().min(32);
                    max_words = max_words.max(words);
                    info.word_counts |= 1 << (words - 1);
                    if words == 1 {
                        singles.push(id);
                    }
                }
                info.singles = (from, singles.len() as u32);
                info
            })
            .collect();
        let mut runs = vec![0u64; 1 << (RUN_BITS - 6)].into_boxed_slice();
        for r in &refs {
            let first = first_word(folded_of(r)).as_bytes();
            let bit = run_bit(&first[..leading_run(first)]);
            runs[bit >> 6] |= 1 << (bit & 63);
        }
        let mut prefixes: HashSet<u64, BuildHasherDefault<PassThrough>> = HashSet::default();
        for r in &refs {
            let folded = folded_of(r).as_bytes();
            let spaces = folded.iter().enumerate().filter(|(_, &b)| b == b' ');
            for (at, _) in spaces.skip(1) {
                prefixes.insert(span_hash(&folded[..at]));
            }
        }
        let mut hashed: Vec<(u64, u32)> = refs
            .iter()
            .enumerate()
            .map(|(id, r)| (span_hash(folded_of(r).as_bytes()), id as u32))
            .collect();
        hashed.sort_unstable();
        let mut surfaces = HashMap::with_capacity_and_hasher(hashed.len(), Default::default());
        let mut members = Vec::with_capacity(hashed.len());
        let mut i = 0;
        while i < hashed.len() {
            let hash = hashed[i].0;
            let start = members.len() as u32;
            while i < hashed.len() && hashed[i].0 == hash {
                members.push(hashed[i].1);
                i += 1;
            }
            surfaces.insert(hash, (start, members.len() as u32));
        }
        let mut countries = HashMap::default();
        for (id, &(list, row)) in refs.iter().enumerate() {
            let list = &lists[list as usize];
            let entry = &list.entries[row as usize];
            if entry.country.is_some() {
                countries
                    .entry(fnv1a(list.text(entry.kb_id).as_bytes()))
                    .or_insert(id as u32);
            }
        }
        Dictionary {
            countries,
            lists,
            refs,
            first_words,
            first_info,
            singles,
            surfaces,
            prefixes,
            members,
            max_words,
            runs,
            id: DICTIONARY_IDS.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        }
    }

    /// Whether some first word may match at `start`: the filter holds the leading run of the
    /// text there or of the run without a genitive `s` or `es` (see [`Dictionary::lookup`]).
    /// `word_end`: see [`Dictionary::lookup_in_word`].
    #[inline]
    fn may_start(&self, folded: &[u8], start: usize, word_end: Option<usize>) -> bool {
        let rest = &folded[start..];
        // The run of a word of letters and digits ends with it unless a letter or digit
        // follows (tested on an ASCII byte; others are decoded).
        let run_len = match word_end {
            Some(end)
                if folded
                    .get(end)
                    .map_or(true, |&b| b < 0x80 && !ASCII_ALPHANUMERIC[usize::from(b)]) =>
            {
                end - start
            }
            _ => leading_run(rest),
        };
        self.may_start_run(&rest[..run_len])
    }

    /// Whether some first word may match a word whose leading run of letters and digits
    /// ([`leading_run`], folded) is `run`: the filter holds the run, or the run without a
    /// genitive `s` or `es`. False: no entry starts at such a word (when the run ends at a
    /// byte that is no ASCII letter or digit, [`Dictionary::lookup`] there finds nothing).
    /// A function of the run alone: the entity stage caches it with a word's flags.
    #[inline]
    pub fn may_start_run(&self, run: &[u8]) -> bool {
        let test = |key: &[u8]| {
            let bit = run_bit(key);
            self.runs[bit >> 6] >> (bit & 63) & 1 != 0
        };
        test(run)
            || run
                .strip_suffix(b"s")
                .is_some_and(|key| test(key) || key.strip_suffix(b"e").is_some_and(test))
    }

    /// A number that tells this dictionary apart from every other one built in this process
    /// (a clone keeps it: its entries are the same).
    pub fn id(&self) -> u64 {
        self.id
    }

    /// The ISO 3166 alpha-2 code of the country a region lies in, from its `kb_id`: the
    /// code's own prefix for ISO ids (`DE-SN` → `DE`), the gazetteer's country hint for a
    /// city or district (`geonames:…`, `ags:…`); `None` for macro-regions and unknown ids.
    ///
    /// # Example
    /// ```
    /// use meldung::gazetteer::{Dictionary, EntityList};
    /// let list = EntityList::parse("my.tsv", "Kobe\tLOC\tKobe\tgeonames:1859171\tcity\t0\tcountry=JP\n".into()).unwrap();
    /// let dictionary = Dictionary::build(vec![list], |_| true);
    /// assert_eq!(dictionary.country("geonames:1859171"), Some(*b"JP"));
    /// assert_eq!(dictionary.country("CN-SD"), Some(*b"CN"));
    /// assert_eq!(dictionary.country("m49:150"), None);
    /// ```
    pub fn country(&self, kb_id: &str) -> Option<[u8; 2]> {
        match kb_id.as_bytes() {
            &[a, b] | &[a, b, b'-', ..] if a.is_ascii_uppercase() && b.is_ascii_uppercase() => {
                return Some([a, b]);
            }
            _ => {}
        }
        let &id = self.countries.get(&fnv1a(kb_id.as_bytes()))?;
        let (list, entry) = self.entry(id);
        (list.text(entry.kb_id) == kb_id).then_some(entry.country?)
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.refs.len()
    }

    /// Whether there is no entry.
    pub fn is_empty(&self) -> bool {
        self.refs.is_empty()
    }

    /// The entry with id `id` and the list holding it.
    pub fn entry(&self, id: u32) -> (&EntityList, &Entry) {
        let (list, row) = self.refs[id as usize];
        let list = &self.lists[list as usize];
        (list, &list.entries[row as usize])
    }

    fn push_hashed_hits(
        &self,
        folded: &[u8],
        start: usize,
        end: usize,
        hash: u64,
        out: &mut Vec<Hit>,
    ) {
        let span = &folded[start..end];
        if let Some(&(from, to)) = self.surfaces.get(&hash) {
            for &id in &self.members[from as usize..to as usize] {
                let (list, entry) = self.entry(id);
                if list.folded_surface(entry).as_bytes() == span {
                    out.push(Hit { end, id });
                }
            }
        }
    }

    /// Pushes every entry whose folded surface matches `folded` (the [`super::fold`] of
    /// `text`) starting at `start` and ending at an acceptable end ([`acceptable_end`]).
    pub fn lookup(&self, text: &str, folded: &str, start: usize, out: &mut Vec<Hit>) {
        self.lookup_in_word(text, folded, start, None, out);
    }

    /// [`Dictionary::lookup`] at the start of a word known to hold letters and digits only
    /// up to `word_end` (a token whose characters are all alphanumeric): the lookup's filter
    /// then knows where the word's letters end without scanning them. `None`: not known.
    ///
    /// # Example
    /// ```
    /// use meldung::gazetteer::{fold, Dictionary, EntityList};
    /// let list = EntityList::parse("mine.tsv", "Oberwald\tLOC\n".to_string()).unwrap();
    /// let dict = Dictionary::build(vec![list], |_| true);
    /// let text = "Besuch in Oberwald, dann";
    /// let folded = fold(text);
    /// let (mut known, mut scanned) = (Vec::new(), Vec::new());
    /// dict.lookup_in_word(text, &folded, 10, Some(18), &mut known);
    /// dict.lookup(text, &folded, 10, &mut scanned);
    /// assert_eq!(known, scanned);
    /// assert_eq!(known[0].end, 18);
    /// ```
    pub fn lookup_in_word(
        &self,
        text: &str,
        folded: &str,
        start: usize,
        word_end: Option<usize>,
        out: &mut Vec<Hit>,
    ) {
        let bytes = folded.as_bytes();
        // Every match of a first word ends at a word boundary or before a genitive ending.
        // Its end is the end of the leading alphanumeric run at `start` or later (then the
        // first word's own leading run is the text's), or before a genitive ending of that
        // run (then the first word is that run without it): when the filter holds neither,
        // nothing matches here.
        if !self.may_start(bytes, start, word_end) {
            return;
        }
        self.lookup_past_filter(text, folded, start, word_end, out);
    }

    /// [`Dictionary::lookup_in_word`] where the caller knows that its filter holds: `start`
    /// is the start of a word of letters and digits up to `word_end`, followed by the end of
    /// the text or by an ASCII byte that is no letter or digit, and
    /// [`Dictionary::may_start_run`] of the folded word is true (the entity stage's token
    /// flags ask it once per word).
    pub(crate) fn lookup_in_word_filtered(
        &self,
        text: &str,
        folded: &str,
        start: usize,
        word_end: usize,
        out: &mut Vec<Hit>,
    ) {
        self.lookup_past_filter(text, folded, start, Some(word_end), out);
    }

    /// [`Dictionary::lookup_in_word`] after its filter.
    fn lookup_past_filter(
        &self,
        text: &str,
        folded: &str,
        start: usize,
        word_end: Option<usize>,
        out: &mut Vec<Hit>,
    ) {
        let bytes = folded.as_bytes();
        // A first word never contains a space: limit the search to the current chunk (a
        // word of letters and digits followed by a space is one).
        let chunk_end = match word_end {
            Some(end) if bytes.get(end) == Some(&b' ') => end,
            _ => memchr::memchr(b' ', &bytes[start..]).map_or(bytes.len(), |p| start + p),
        };
        let each_first = |end: usize, pattern: u32| {
            let info = self.first_info[pattern as usize];
            // One-word surfaces equal to the first word: known without hashing the span.
            let (from, to) = info.singles;
            out.extend(
                self.singles[from as usize..to as usize]
                    .iter()
                    .map(|&id| Hit { end, id }),
            );
            if info.word_counts >> 1 == 0 || end != chunk_end {
                return;
            }
            // Multi-word surfaces: extend word by word while the text is a known prefix.
            let mut pos = end;
            for words in 2..=self.max_words.min(32) {
                // The first word (the pattern itself) is a prefix of a longer surface when
                // its word counts say so; longer prefixes are asked of the table.
                if bytes.get(pos) != Some(&b' ')
                    || info.word_counts >> (words - 1) == 0
                    || words > 2 && !self.prefixes.contains(&span_hash(&bytes[start..pos]))
                {
                    break;
                }
                let word_start = pos + 1;
                let word_end = bytes[word_start..]
                    .iter()
                    .position(|&b| b == b' ')
                    .map_or(bytes.len(), |p| word_start + p);
                if word_end == word_start {
                    break;
                }
                // Only where a surface of this many words starts with this first word: the
                // ends in the word, most ruled out from the byte there (a letter or digit
                // that starts no genitive ending, or a continuation byte).
                if info.word_counts & (1 << (words - 1)) != 0 {
                    for at in word_start + 1..=word_end {
                        if text
                            .as_bytes()
                            .get(at)
                            .map_or(true, |&b| super::END_CLASS[usize::from(b)] != super::INNER)
                            && acceptable_end(text, at)
                        {
                            let hash = span_hash(&bytes[start..at]);
                            self.push_hashed_hits(bytes, start, at, hash, out);
                        }
                    }
                }
                pos = word_end;
            }
        };
        self.first_words
            .for_each_at_word_ends_unfiltered(text, bytes, start, chunk_end, true, each_first);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::fold;

    fn dictionary(rows: &str) -> Dictionary {
        let list = EntityList::parse("fixture.tsv", rows.to_string()).unwrap();
        Dictionary::build(vec![list], |_| true)
    }

    #[test]
    fn leading_runs_end_at_the_first_character_that_is_no_letter_or_digit() {
        let cases = [
            ("sachsen", 7),
            ("sachsens, und", 8),
            ("st. beispiel", 2),
            ("québec-stadt", 7),
            ("a7-nord", 2),
            ("münchen–berlin", 8),
            ("groẞ straße", 6),
            ("×mal", 0),
            ("", 0),
            ("bundesregierung, und", 15),
            ("donaudampfschifffahrtsgesellschaft", 34),
            ("zwölfeinhalbtausend-euro", 20),
            ("abcdefgh ijk", 8),
            ("abcdefg1.", 8),
            ("straßenbahnhaltestelle–nord", 23),
        ];
        for (text, expected) in cases {
            assert_eq!(leading_run(text.as_bytes()), expected, "{text:?}");
        }
    }

    #[test]
    fn the_run_filter_keeps_every_one_word_match() {
        // One-word surfaces ending at every kind of end: a boundary after a run, inside a
        // compound, after a period or bracket, before a genitive `s`/`es`, at a dash.
        let dict = dictionary(
            "Sachsen\tLOC\nSaarland\tLOC\nSt.\tLOC\nQuébec\tLOC\nQuébec-Stadt\tLOC\n\
             A7\tLOC\nÖsterreich\tLOC\nBad\tLOC\n(Oberwald)\tLOC\nMünchen\tLOC\n",
        );
        let text = "Sachsens Saarlandes St. Québec-Städter Québec-Stadt A7-Ausbau \
                    ÖSTERREICH, Bad-Oberwald (Oberwald) München–Berlin Sachsen's Nord";
        let folded = fold(text);
        for start in (0..text.len()).filter(|&at| text.is_char_boundary(at)) {
            let mut hits = Vec::new();
            dict.lookup(text, &folded, start, &mut hits);
            let mut found: Vec<(usize, u32)> = hits.iter().map(|h| (h.end, h.id)).collect();
            found.sort_unstable();
            let chunk_end = folded[start..].find(' ').map_or(text.len(), |p| start + p);
            let mut expected = Vec::new();
            for end in (start + 1..=chunk_end).filter(|&end| acceptable_end(text, end)) {
                for id in 0..dict.len() as u32 {
                    let (list, entry) = dict.entry(id);
                    if list.folded_surface(entry) == &folded[start..end] {
                        expected.push((end, id));
                    }
                }
            }
            expected.sort_unstable();
            assert_eq!(found, expected, "at {start}: {:?}", &text[start..]);
        }
    }

    #[test]
    fn a_known_word_end_finds_what_the_scan_finds() {
        let dict = dictionary(
            "Sachsen\tLOC\nSaarland\tLOC\nQuébec\tLOC\nÖsterreich\tLOC\nA7\tLOC\n\
             Oberwald am See\tLOC\nMünchen\tLOC\nBad\tLOC\n",
        );
        let text = "Sachsens Saarlandes Québec Österreich2 A7 Oberwald am See, München–Berlin \
                    Bad-Oberwald Sachsen\nMünchen";
        let folded = fold(text);
        let mut tested = 0;
        for (start, word) in text
            .split(|c: char| !c.is_alphanumeric())
            .scan(0, |at, word| {
                let start = *at;
                *at += word.len()
                    + text[*at + word.len()..]
                        .chars()
                        .next()
                        .map_or(0, char::len_utf8);
                Some((start, word))
            })
            .filter(|(_, word)| !word.is_empty())
        {
            // Every prefix of the word is a word of letters and digits too (not a maximal
            // one: the filter then scans).
            for end in (start + 1..=start + word.len()).filter(|&e| text.is_char_boundary(e)) {
                let (mut known, mut scanned) = (Vec::new(), Vec::new());
                dict.lookup_in_word(text, &folded, start, Some(end), &mut known);
                dict.lookup(text, &folded, start, &mut scanned);
                assert_eq!(known, scanned, "{:?}", &text[start..end]);
                tested += usize::from(!scanned.is_empty());
            }
        }
        assert!(tested >= 8, "too few words found: {tested}");
    }

    #[test]
    fn finds_single_and_multi_word_surfaces_with_boundaries() {
        let dict = dictionary(
            "Oberwald\tLOC\nOberwald am See\tLOC\nSüdland\tLOC\nSüdland-Nord\tLOC\nInstitut für Proben\tORG\n",
        );
        let cases: &[(&str, &str, &[&str])] = &[
            (
                "Oberwald am See, sagte",
                "Oberwald",
                &["Oberwald am See", "Oberwald"],
            ),
            ("Oberwald am Seeufer", "Oberwald", &["Oberwald"]),
            (
                "Südland-Nord-Besuch",
                "Südland",
                &["Südland-Nord", "Südland"],
            ),
            ("Südlands Hauptstadt", "Südland", &["Südland"]),
            ("Südländer", "Süd", &[]),
            ("INSTITUT FÜR PROBEN", "INSTITUT", &["INSTITUT FÜR PROBEN"]),
            ("Institut für Probenahme", "Institut", &[]),
        ];
        for &(text, at, expected) in cases {
            let folded = fold(text);
            let start = text.find(at).unwrap();
            let mut hits = Vec::new();
            dict.lookup(text, &folded, start, &mut hits);
            let mut found: Vec<&str> = hits.iter().map(|h| &text[start..h.end]).collect();
            found.sort_by_key(|s| std::cmp::Reverse(s.len()));
            assert_eq!(found, expected, "{text}");
        }
    }
}
