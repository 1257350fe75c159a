//! The entity stage's word lists: loaded from `resources/entities/` and the auxiliary
//! gazetteers, validated, with every problem reported as `file:line: message`.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use crate::gazetteer::{aux_rows, fold, FastMap, FastSet, PatternSet};
use crate::resources::{DataFile, ResourceError};

/// A word after which a region name follows ("Präfektur", "Kantons").
#[derive(Debug, Clone)]
pub struct RegionHead {
    pub subtype: &'static str,
    /// An unknown capitalised name after a strong head is a region.
    pub strong: bool,
}

/// The head of an organisation name ("-ministerium", "Foundation").
#[derive(Debug, Clone)]
pub struct OrgHead {
    /// Matches a whole word (English heads) rather than the end of a compound.
    pub word: bool,
    /// The bare head word may head a name with a complement alone.
    pub bare: bool,
    /// The bare head word may head a name with a `für` complement ("Amt für Arbeit"), not
    /// with others ("Zentrum der Stadt").
    pub bare_fuer: bool,
    pub subtype: &'static str,
}

/// What a pattern of the head automaton stands for.
#[derive(Debug, Clone, Copy, Default)]
pub struct HeadInfo {
    pub org: Option<u16>,
    pub role: bool,
}

/// Kind of a role/title word (`roles.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoleKind {
    Role,
    Title,
    Honorific,
}

/// A region adjective or demonym form (`region_adjectives.tsv`).
#[derive(Debug, Clone)]
pub struct AdjectiveForm {
    pub form: &'static str,
    pub canonical: &'static str,
    pub kb_id: Option<&'static str>,
}

/// Every word list of the stage.
#[derive(Debug)]
pub struct Lexicon {
    pub region_heads: FastMap<&'static str, RegionHead>,
    pub context_words: FastSet<&'static str>,
    pub stopwords: FastSet<&'static str>,
    pub particles: FastSet<&'static str>,
    /// Abbreviations of sports clubs ("VfL", "SV").
    pub club_prefixes: FastSet<&'static str>,
    /// Particles that may start a particle group ("von", not "der").
    pub lead_particles: FastSet<&'static str>,
    /// Words after which a capitalised word is a noun, not a first name ("der", "zum").
    pub noun_markers: FastSet<&'static str>,
    pub family_names: FastSet<&'static str>,
    pub first_names: FastSet<&'static str>,
    /// First names given in Germany, Austria or Switzerland (locale DE, AT or CH).
    pub local_first_names: FastSet<&'static str>,
    pub roles: FastMap<&'static str, RoleKind>,
    pub org_heads: Vec<OrgHead>,
    /// Unanchored automaton over folded org heads and role suffixes.
    pub heads: AhoCorasick,
    /// Where a pattern of `heads` may end: the word tokens worth scanning (`heads.rs`).
    pub(crate) head_ends: super::heads::HeadEnds,
    pub head_info: Vec<HeadInfo>,
    /// Exact-case legal forms, anchored at token starts.
    pub legal_forms: PatternSet,
    /// Whether a legal form is an association's (`e.V.`).
    pub legal_association: Vec<bool>,
    /// Whether a legal form counts only after two name words (`short_legal_form`).
    pub legal_after_two_words: Vec<bool>,
    /// First words of legal forms (a quick pre-check: "GmbH", "Co.", "e.V.").
    pub legal_first_words: FastSet<&'static str>,
    pub adjectives: PatternSet,
    pub adjective_forms: Vec<AdjectiveForm>,
    /// The cue words of `cues.tsv`.
    pub cues: Cues,
    /// Every word of the lists above that the rules test tokens against, with the bits of
    /// the lists holding it (see `flags.rs`): one lookup per token instead of one per list.
    pub(crate) word_bits: super::flags::WordTable,
}

/// Cue words of the rules (`resources/entities/cues.tsv`), by kind.
#[derive(Debug, Default)]
pub struct Cues {
    /// After a hyphen, part of the place name ("Québec-Stadt").
    pub place_suffix: FastSet<&'static str>,
    /// Before a hyphen, part of the place name ("Neu-Delhi").
    pub place_prefix: FastSet<&'static str>,
    /// Endings of listed places left outside the span ("-do").
    pub place_strip: Vec<&'static str>,
    /// Rivers and lakes after "am", "an der" in place names.
    pub river: FastSet<&'static str>,
    /// Heads of foreign-language organisation names ("Ministère", "Izba").
    pub foreign_head: FastSet<&'static str>,
    /// Function words inside foreign-language names ("de", "pour").
    pub foreign_link: FastSet<&'static str>,
    /// Function words inside a name its acronym spells without them ("für", "of"; the
    /// foreign links count too).
    pub initials_link: FastSet<&'static str>,
    /// Words that open the complement of a head describing an organisation in apposition
    /// ("XYZ, der Agentur für …").
    pub apposition_complement: FastSet<&'static str>,
    /// Folded endings of descriptive nouns before a name ("firma", "verband").
    pub descriptor: Vec<&'static str>,
    /// Folded endings of nouns before a name, not before one with a legal form ("agentur").
    pub name_descriptor: Vec<&'static str>,
    /// Verbs of saying before a single surname ("sagte").
    pub speech: FastSet<&'static str>,
    /// Words that end or follow a name that is no person's ("Science Park", "… Band").
    pub not_surname: FastSet<&'static str>,
    /// Acronyms that name no organisation ("KI", "BIP").
    pub not_org_acronym: FastSet<&'static str>,
    /// Two-letter legal forms of other countries taken after two name words at least
    /// ("Beispiel Subsea AS", "Beispiel Valves NV"); other two-letter forms are ordinary
    /// abbreviations too often.
    pub short_legal_form: FastSet<&'static str>,
    /// Numerals and quantifiers declined like adjectives ("vier", "mehrere"): after "für"
    /// they open a stretch of time or an amount, no field ("Kammer für vier Tage").
    pub quantifier: FastSet<&'static str>,
    /// Words after a region that make it the name of its agency ("Beispielland
    /// International").
    pub agency_after_place: FastSet<&'static str>,
    /// Words before a region that make it the name of its agency ("Business Beispielland",
    /// "Invest in Beispielland"); one or two words.
    pub agency_before_place: Vec<&'static str>,
    /// The words of each of `agency_before_place`, split once at load (the rule compares
    /// them with the tokens before every region of a document).
    pub agency_before_place_words: Vec<Box<[&'static str]>>,
    /// The one-word entries of `agency_before_place` and of `agency_after_place`: they also
    /// name an agency joined to its place in one word ("InvestBeispielland").
    pub(crate) joined_agency: JoinedAgencyWords,
    /// Legal forms in addition to `gazetteers/legal_forms.tsv` ("Pvt. Ltd.", "Tbk").
    pub legal_form: Vec<&'static str>,
    /// Abbreviated kinds of university with their written-out form ("TU", "Technische
    /// Universität"): part of the name they open ("TU Bergakademie Freiberg").
    pub university_kind: Vec<(&'static str, &'static str)>,
    /// `university_kind` lower-cased, as the folded text writes it.
    pub university_kind_folded: Vec<(String, String)>,
    /// Prefixes of region names made from a country or state ("West").
    pub compass: Vec<&'static str>,
    /// Folded endings of adjectives declined after an article ("ischen"), and of head nouns
    /// by gender: for the nominative canonical name of organisations.
    pub adjective_ending: Vec<&'static str>,
    pub feminine: Vec<&'static str>,
    /// Legal forms that make a company name feminine ("die Beispiel Milchtechnik GmbH"),
    /// exact case: the gender of a name whose head noun's ending is not listed.
    pub feminine_legal_form: FastSet<&'static str>,
    pub neuter: Vec<&'static str>,
    pub masculine: Vec<&'static str>,
    /// The noun endings above by ending: 0 feminine, 1 neuter, 2 masculine (an ending in two
    /// lists takes the later).
    pub(crate) gender_ending: FastMap<&'static str, u8>,
    /// Those of three bytes or more with their gender by their last three bytes (the key of
    /// [`tail_key`]), longest first within a key ([`Cues::gender_of_ending`]).
    pub(crate) gender_tails: Vec<(u32, &'static str, u8)>,
    /// Those of fewer bytes, longest first.
    pub(crate) gender_short: Vec<(&'static str, u8)>,
    /// Folded endings of German and Slavic place names ("-ingen", "-hausen", "-ovice"): an
    /// unknown word so ending after a place preposition is a place.
    pub place_ending: Vec<&'static str>,
    /// Prepositions before a possessive name ("über [Keller]s Entscheidung"), lower case.
    pub possessive_lead: FastSet<&'static str>,
    /// Folded endings of a department or field after a role ("Leiter [Vertrieb]"): no name.
    pub department: Vec<&'static str>,
    /// Folded endings of a named sub-unit before its name and an organisation in the
    /// genitive ("[Regionaldirektion] Nord der Bundesagentur für Arbeit").
    pub unit: Vec<&'static str>,
    /// Folded endings of a noun for a company's site or facility: before "der"/"des" and a
    /// company's name with its legal form it is no part of that name ("das Logistikzentrum
    /// der [Beispiel Cargo GmbH]").
    pub site: Vec<&'static str>,
    /// First bytes of the foreign heads, speech verbs and compass prefixes: a quick
    /// pre-check before hashing every token.
    pub foreign_head_first: FirstBytes,
    pub speech_first: FirstBytes,
    pub compass_first: FirstBytes,
    /// The last bytes of the descriptors and name descriptors, the first ones of the compass
    /// prefixes: a quick pre-check before testing a word against them (the descriptors: those
    /// of [`Cues::describing_endings`] that share its last bytes).
    pub(crate) descriptor_tails: AffixFilter,
    pub(crate) compass_heads: AffixFilter,
    /// The descriptors and name descriptors by their last bytes ([`EndingSet`]).
    pub(crate) describing_endings: EndingSet,
    /// [`Cues::place_ending`] by their last bytes.
    pub(crate) place_endings: EndingSet,
}

/// Endings (or words) kept by their last four bytes (all bytes of a shorter one): whether a
/// word ends with one of them is answered by comparing only those that share its last
/// bytes, not every ending of the list.
#[derive(Debug, Clone, Default)]
pub(crate) struct EndingSet {
    by_tail: FastMap<u64, Vec<&'static str>>,
    /// Bit `k` is set when some ending's key is `k` bytes long (0 to 4).
    lengths: u32,
}

impl EndingSet {
    /// Bytes of an ending's key.
    const KEY: usize = 4;

    fn build<'e>(endings: impl IntoIterator<Item = &'e &'static str>) -> EndingSet {
        let mut set = EndingSet::default();
        for &ending in endings {
            let bytes = ending.as_bytes();
            let k = bytes.len().min(EndingSet::KEY);
            let list = set
                .by_tail
                .entry(EndingSet::key(&bytes[bytes.len() - k..]))
                .or_default();
            if !list.contains(&ending) {
                list.push(ending);
            }
            set.lengths |= 1 << k;
        }
        set
    }

    #[inline]
    fn key(tail: &[u8]) -> u64 {
        tail.iter()
            .fold(tail.len() as u64, |key, &b| key << 8 | u64::from(b))
    }

    /// Whether `word` ends with an ending of the set and has at least `stem` bytes before it.
    #[inline]
    pub(crate) fn ends(&self, word: &[u8], stem: usize) -> bool {
        let mut lengths = self.lengths;
        while lengths != 0 {
            let k = lengths.trailing_zeros() as usize;
            if k > word.len() {
                return false;
            }
            let found = self.by_tail.get(&EndingSet::key(&word[word.len() - k..]));
            if found.is_some_and(|endings| {
                endings
                    .iter()
                    .any(|e| word.len() >= e.len() + stem && word.ends_with(e.as_bytes()))
            }) {
                return true;
            }
            lengths &= lengths - 1;
        }
        false
    }
}

/// A filter of the first or last few bytes of a list of words or endings:
/// [`AffixFilter::may_match`] is false only when no word of the list starts (or, for a filter
/// of endings, ends) the word tested.
#[derive(Debug, Default, Clone)]
pub(crate) struct AffixFilter {
    /// 4096 bits; empty (nothing ruled out) before it is built.
    bits: Box<[u64]>,
    /// Bit `k` is set when some key is `k` bytes long (a word shorter than the width).
    lengths: u8,
    /// How many bytes of each word are kept (at most 7).
    width: usize,
    /// Whether the first bytes are kept (else the last ones).
    head: bool,
}

impl AffixFilter {
    /// The filter of the last `width` bytes of `endings`.
    pub(crate) fn tails<'e>(endings: impl IntoIterator<Item = &'e str>, width: usize) -> Self {
        AffixFilter::build(endings, width, false)
    }

    /// The filter of the first `width` bytes of `words`.
    pub(crate) fn heads<'e>(words: impl IntoIterator<Item = &'e str>, width: usize) -> Self {
        AffixFilter::build(words, width, true)
    }

    fn build<'e>(words: impl IntoIterator<Item = &'e str>, width: usize, head: bool) -> Self {
        let mut filter = AffixFilter {
            bits: vec![0u64; 64].into_boxed_slice(),
            lengths: 0,
            width: width.min(7),
            head,
        };
        for word in words {
            let k = word.len().min(filter.width);
            let bit = filter.bit(word.as_bytes(), k);
            filter.bits[bit >> 6] |= 1 << (bit & 63);
            filter.lengths |= 1 << k;
        }
        filter
    }

    /// The bit of the `k` first or last bytes of `word` (at least `k` long).
    #[inline]
    fn bit(&self, word: &[u8], k: usize) -> usize {
        let key = if self.head {
            &word[..k]
        } else {
            &word[word.len() - k..]
        };
        let key = key.iter().fold(k as u64, |key, &b| key << 8 | u64::from(b));
        (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - 12)) as usize
    }

    /// Whether some word of the list may start (or end) `word` (false: none does).
    #[inline]
    pub(crate) fn may_match(&self, word: &str) -> bool {
        self.may_match_bytes(word.as_bytes())
    }

    /// [`AffixFilter::may_match`] of a word's bytes.
    #[inline]
    pub(crate) fn may_match_bytes(&self, bytes: &[u8]) -> bool {
        if self.bits.is_empty() {
            return true;
        }
        // Only the key lengths some word has (one or two): their bits, not every length.
        let mut lengths = self.lengths;
        while lengths != 0 {
            let k = lengths.trailing_zeros() as usize;
            if k > bytes.len() {
                return false;
            }
            let bit = self.bit(bytes, k);
            if self.bits[bit >> 6] >> (bit & 63) & 1 != 0 {
                return true;
            }
            lengths &= lengths - 1;
        }
        false
    }
}

/// A set of first bytes.
#[derive(Debug, Clone, Copy, Default)]
pub struct FirstBytes([u64; 4]);

impl FirstBytes {
    fn add(&mut self, word: &str) {
        if let Some(&b) = word.as_bytes().first() {
            self.0[usize::from(b >> 6)] |= 1 << (b & 63);
        }
    }

    /// Whether some word of the set may start `word`'s first byte.
    pub fn may_start(&self, word: &str) -> bool {
        word.as_bytes()
            .first()
            .is_some_and(|&b| self.may_start_byte(b))
    }

    /// Whether some word of the set starts with byte `b`.
    pub fn may_start_byte(&self, b: u8) -> bool {
        self.0[usize::from(b >> 6)] & (1 << (b & 63)) != 0
    }
}

/// The agency words that may be joined to a place in one word, before it ("[InvestBeispielland]",
/// "[ProBeispielland]") or after it ("[BeispielstadtBusiness]"), as one automaton: the rule
/// scans the text for them instead of looking at every capitalised word, which cost about
/// 6 % of the entity stage on news.
#[derive(Debug, Default)]
pub(crate) struct JoinedAgencyWords {
    /// All words, leads and tails; `None` when there are none.
    pub(crate) automaton: Option<AhoCorasick>,
    /// Per pattern: whether it leads (comes before the place) and whether it trails.
    pub(crate) leads: Vec<bool>,
    pub(crate) trails: Vec<bool>,
}

impl JoinedAgencyWords {
    /// The one-word entries of `leads` and `tails` (entries of several words are skipped).
    fn build<'a>(
        leads: impl Iterator<Item = &'a str>,
        tails: impl Iterator<Item = &'a str>,
    ) -> Result<JoinedAgencyWords, String> {
        let mut words: Vec<&str> = Vec::new();
        let mut joined = JoinedAgencyWords::default();
        for (word, lead) in leads.map(|w| (w, true)).chain(tails.map(|w| (w, false))) {
            if word.contains(' ') {
                continue;
            }
            let index = match words.iter().position(|&w| w == word) {
                Some(index) => index,
                None => {
                    words.push(word);
                    joined.leads.push(false);
                    joined.trails.push(false);
                    words.len() - 1
                }
            };
            if lead {
                joined.leads[index] = true;
            } else {
                joined.trails[index] = true;
            }
        }
        if !words.is_empty() {
            // Leftmost-first: the kind for which the library prefilters with a SIMD search.
            let automaton = AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostFirst)
                .build(&words)
                .map_err(|e| e.to_string())?;
            joined.automaton = Some(automaton);
        }
        Ok(joined)
    }
}

impl Cues {
    fn load(file: DataFile<'static>) -> Result<Cues, ResourceError> {
        let mut cues = Cues::default();
        for row in file.rows(2) {
            let row = row?;
            let (kind, word) = (row.fields[0], row.fields[1]);
            let spaced_ok = matches!(
                kind,
                "legal_form" | "agency_before_place" | "university_kind"
            ) && !word.contains("  ")
                && word.trim() == word;
            if word.is_empty() || (word.contains(char::is_whitespace) && !spaced_ok) {
                return Err(row.error(file.name, format!("{word:?}: one word per line")));
            }
            let fresh = match kind {
                "place_suffix" => cues.place_suffix.insert(word),
                "place_prefix" => cues.place_prefix.insert(word),
                "river" => cues.river.insert(word),
                "foreign_head" => cues.foreign_head.insert(word),
                "foreign_link" => cues.foreign_link.insert(word),
                "initials_link" => cues.initials_link.insert(word),
                "apposition_complement" => cues.apposition_complement.insert(word),
                "speech" => cues.speech.insert(word),
                "not_surname" => cues.not_surname.insert(word),
                "not_org_acronym" => cues.not_org_acronym.insert(word),
                "short_legal_form" => cues.short_legal_form.insert(word),
                "quantifier" => cues.quantifier.insert(word),
                "agency_after_place" => cues.agency_after_place.insert(word),
                "feminine_legal_form" => cues.feminine_legal_form.insert(word),
                "possessive_lead" => cues.possessive_lead.insert(word),
                "university_kind" => {
                    let Some((short, long)) = word.split_once(' ') else {
                        return Err(row.error(
                            file.name,
                            format!("{word:?}: the abbreviation, a space, the written-out form"),
                        ));
                    };
                    let fresh = !cues.university_kind.iter().any(|&(s, _)| s == short);
                    cues.university_kind.push((short, long));
                    cues.university_kind_folded
                        .push((short.to_lowercase(), long.to_lowercase()));
                    fresh
                }
                "legal_form" | "agency_before_place" => {
                    let list = if kind == "legal_form" {
                        &mut cues.legal_form
                    } else {
                        &mut cues.agency_before_place
                    };
                    let fresh = !list.contains(&word);
                    list.push(word);
                    fresh
                }
                "place_strip" | "descriptor" | "name_descriptor" | "compass"
                | "adjective_ending" | "feminine" | "neuter" | "masculine" | "place_ending"
                | "department" | "unit" | "site" => {
                    let list = match kind {
                        "place_strip" => &mut cues.place_strip,
                        "descriptor" => &mut cues.descriptor,
                        "name_descriptor" => &mut cues.name_descriptor,
                        "adjective_ending" => &mut cues.adjective_ending,
                        "feminine" => &mut cues.feminine,
                        "neuter" => &mut cues.neuter,
                        "masculine" => &mut cues.masculine,
                        "place_ending" => &mut cues.place_ending,
                        "department" => &mut cues.department,
                        "unit" => &mut cues.unit,
                        "site" => &mut cues.site,
                        _ => &mut cues.compass,
                    };
                    let folded_kind = !matches!(kind, "place_strip" | "compass");
                    if folded_kind && fold(word) != word {
                        return Err(
                            row.error(file.name, format!("{kind} words are folded (lower case)"))
                        );
                    }
                    if kind == "adjective_ending" && !word.ends_with("en") {
                        return Err(row.error(file.name, "an adjective ending ends in -en"));
                    }
                    let fresh = !list.contains(&word);
                    list.push(word);
                    fresh
                }
                other => return Err(row.error(file.name, format!("unknown kind {other:?}"))),
            };
            if !fresh {
                return Err(duplicate(file.name, row.line, word));
            }
            match kind {
                "foreign_head" => cues.foreign_head_first.add(word),
                "speech" => cues.speech_first.add(word),
                "compass" => cues.compass_first.add(word),
                _ => {}
            }
        }
        cues.agency_before_place_words = cues
            .agency_before_place
            .iter()
            .map(|lead| lead.split(' ').collect())
            .collect();
        cues.joined_agency = JoinedAgencyWords::build(
            cues.agency_before_place.iter().copied(),
            cues.agency_after_place.iter().copied(),
        )
        .map_err(|e| ResourceError::new(file.name, 0, e))?;
        let descriptors = cues.descriptor.iter().chain(&cues.name_descriptor);
        cues.descriptor_tails = AffixFilter::tails(descriptors.clone().copied(), 4);
        cues.describing_endings = EndingSet::build(descriptors);
        cues.place_endings = EndingSet::build(&cues.place_ending);
        cues.compass_heads = AffixFilter::heads(cues.compass.iter().copied(), 4);
        for (gender, list) in [&cues.feminine, &cues.neuter, &cues.masculine]
            .into_iter()
            .enumerate()
        {
            for &ending in list {
                cues.gender_ending.insert(ending, gender as u8);
            }
        }
        for (&ending, &gender) in &cues.gender_ending {
            match tail_key(ending.as_bytes()) {
                Some(tail) => cues.gender_tails.push((tail, ending, gender)),
                None => cues.gender_short.push((ending, gender)),
            }
        }
        let longest_first = |a: &str, b: &str| b.len().cmp(&a.len()).then(a.cmp(b));
        cues.gender_tails
            .sort_by(|a, b| a.0.cmp(&b.0).then(longest_first(a.1, b.1)));
        cues.gender_short.sort_by(|a, b| longest_first(a.0, b.0));
        Ok(cues)
    }

    /// The gender (0 feminine, 1 neuter, 2 masculine) of the longest noun ending
    /// (`feminine`, `neuter`, `masculine`) that ends the folded word `folded`, if any: only
    /// the endings with the word's last three bytes are compared, then the shorter ones.
    #[inline]
    pub(crate) fn gender_of_ending(&self, folded: &[u8]) -> Option<u8> {
        if let Some(tail) = tail_key(folded) {
            let from = self.gender_tails.partition_point(|&(key, _, _)| key < tail);
            for &(key, ending, gender) in &self.gender_tails[from..] {
                if key != tail {
                    break;
                }
                if folded.ends_with(ending.as_bytes()) {
                    return Some(gender);
                }
            }
        }
        self.gender_short
            .iter()
            .find(|(ending, _)| folded.ends_with(ending.as_bytes()))
            .map(|&(_, gender)| gender)
    }
}

/// The last three bytes of `bytes` as one key, `None` for fewer.
#[inline]
fn tail_key(bytes: &[u8]) -> Option<u32> {
    match bytes {
        [.., a, b, c] => Some(u32::from_le_bytes([*a, *b, *c, 0])),
        _ => None,
    }
}

/// The example of a resource line: the sentence without brackets and the bracketed span.
#[derive(Debug, Clone)]
pub struct Example {
    pub file: &'static str,
    pub line: usize,
    pub text: String,
    pub expected: std::ops::Range<usize>,
}

/// Parses `an [example] sentence`.
pub fn parse_example(file: &'static str, line: usize, raw: &str) -> Result<Example, ResourceError> {
    let open = raw.find('[');
    let close = raw.find(']');
    match (open, close) {
        (Some(open), Some(close)) if open < close => {
            let text = format!(
                "{}{}{}",
                &raw[..open],
                &raw[open + 1..close],
                &raw[close + 1..]
            );
            Ok(Example {
                file,
                line,
                text,
                expected: open..close - 1,
            })
        }
        _ => Err(ResourceError::new(
            file,
            line,
            "example must mark the expected name in [brackets]",
        )),
    }
}

fn subtype_str(
    file: &str,
    line: usize,
    value: &str,
    allowed: &[&'static str],
) -> Result<&'static str, ResourceError> {
    allowed
        .iter()
        .copied()
        .find(|a| *a == value)
        .ok_or_else(|| ResourceError::new(file, line, format!("unknown subtype {value:?}")))
}

const LOC_SUBTYPES: &[&str] = &["country", "state", "district", "city", "macro_region"];
const ORG_SUBTYPES: &[&str] = &[
    "ministry",
    "agency",
    "chamber",
    "cluster",
    "university",
    "research",
    "company",
    "association",
    "government",
    "other",
];

/// The default resource files with their examples.
pub struct Files {
    pub region_heads: DataFile<'static>,
    pub context_words: DataFile<'static>,
    pub stopwords: DataFile<'static>,
    pub particles: DataFile<'static>,
    pub noun_markers: DataFile<'static>,
    pub club_prefixes: DataFile<'static>,
    pub family_names: DataFile<'static>,
    pub org_heads: DataFile<'static>,
    pub role_suffixes: DataFile<'static>,
    pub first_names: DataFile<'static>,
    pub roles: DataFile<'static>,
    pub legal_forms: DataFile<'static>,
    pub adjectives: DataFile<'static>,
    pub cues: DataFile<'static>,
}

impl Files {
    /// The compiled-in files.
    pub fn default_files() -> Files {
        Files {
            region_heads: crate::data_file!("resources/entities/region_heads.tsv"),
            context_words: crate::data_file!("resources/entities/context_words.tsv"),
            stopwords: crate::data_file!("resources/entities/stopwords.txt"),
            particles: crate::data_file!("resources/entities/particles.tsv"),
            noun_markers: crate::data_file!("resources/entities/noun_markers.txt"),
            club_prefixes: crate::data_file!("resources/entities/club_prefixes.txt"),
            family_names: crate::data_file!("resources/entities/family_names.tsv"),
            org_heads: crate::data_file!("resources/entities/org_heads.tsv"),
            role_suffixes: crate::data_file!("resources/entities/role_suffixes.txt"),
            first_names: crate::data_file!("gazetteers/first_names.tsv"),
            roles: crate::data_file!("gazetteers/roles.tsv"),
            legal_forms: crate::data_file!("gazetteers/legal_forms.tsv"),
            adjectives: crate::data_file!("gazetteers/region_adjectives.tsv"),
            cues: crate::data_file!("resources/entities/cues.tsv"),
        }
    }

    /// The examples of the files with example columns.
    pub fn examples(&self) -> Result<Vec<(Example, &'static str)>, ResourceError> {
        let mut out = Vec::new();
        for (file, column, kind) in [
            (self.region_heads, 3, "LOC"),
            (self.context_words, 1, "LOC"),
            (self.org_heads, 4, "ORG"),
        ] {
            for row in file.rows(column + 1) {
                let row = row?;
                out.push((
                    parse_example(file.name, row.line, row.fields[column])?,
                    kind,
                ));
            }
        }
        Ok(out)
    }
}

fn word_set(file: DataFile<'static>) -> Result<FastSet<&'static str>, ResourceError> {
    let mut set = FastSet::default();
    for (line, item) in file.items() {
        if item.contains(char::is_whitespace) || !set.insert(item) {
            return Err(ResourceError::new(
                file.name,
                line,
                format!("{item:?}: one word per line, no duplicates"),
            ));
        }
    }
    Ok(set)
}

fn duplicate(file: &str, line: usize, item: &str) -> ResourceError {
    ResourceError::new(file, line, format!("duplicate entry {item:?}"))
}

impl Lexicon {
    /// Loads and validates every list.
    pub fn load(files: &Files) -> Result<Lexicon, ResourceError> {
        let mut region_heads = FastMap::default();
        for row in files.region_heads.rows(4) {
            let row = row?;
            let f = &row.fields;
            let name = files.region_heads.name;
            let subtype = subtype_str(name, row.line, f[1], LOC_SUBTYPES)?;
            let strong = match f[2] {
                "strong" => true,
                "weak" => false,
                other => {
                    return Err(row.error(
                        name,
                        format!("strength must be strong or weak, found {other:?}"),
                    ))
                }
            };
            parse_example(name, row.line, f[3])?;
            if region_heads
                .insert(f[0], RegionHead { subtype, strong })
                .is_some()
            {
                return Err(duplicate(name, row.line, f[0]));
            }
        }
        let mut context_words = FastSet::default();
        for row in files.context_words.rows(2) {
            let row = row?;
            parse_example(files.context_words.name, row.line, row.fields[1])?;
            if !context_words.insert(row.fields[0]) {
                return Err(duplicate(files.context_words.name, row.line, row.fields[0]));
            }
        }
        let mut particles = FastSet::default();
        let mut lead_particles = FastSet::default();
        for row in files.particles.rows(2) {
            let row = row?;
            let lead = match row.fields[1] {
                "yes" => true,
                "no" => false,
                other => {
                    return Err(row.error(
                        files.particles.name,
                        format!("lead must be yes or no, found {other:?}"),
                    ))
                }
            };
            if !particles.insert(row.fields[0]) {
                return Err(duplicate(files.particles.name, row.line, row.fields[0]));
            }
            if lead {
                lead_particles.insert(row.fields[0]);
            }
        }
        let mut family_names = FastSet::default();
        for row in aux_rows(files.family_names, 2)? {
            if !family_names.insert(row.fields[0]) {
                return Err(duplicate(files.family_names.name, row.line, row.fields[0]));
            }
        }
        let mut first_names = FastSet::with_capacity_and_hasher(32_000, Default::default());
        let mut local_first_names = FastSet::with_capacity_and_hasher(4_000, Default::default());
        for row in aux_rows(files.first_names, 3)? {
            first_names.insert(row.fields[0]);
            let locales = row.fields.get(2).copied().unwrap_or("");
            if locales.split(',').any(|l| matches!(l, "DE" | "AT" | "CH")) {
                local_first_names.insert(row.fields[0]);
            }
        }
        let mut roles = FastMap::with_capacity_and_hasher(2_000, Default::default());
        for row in aux_rows(files.roles, 3)? {
            let kind = match row.fields.get(2).copied().unwrap_or("role") {
                "role" => RoleKind::Role,
                "title" => RoleKind::Title,
                "honorific" => RoleKind::Honorific,
                other => {
                    return Err(ResourceError::new(
                        files.roles.name,
                        row.line,
                        format!("kind must be role, title or honorific, found {other:?}"),
                    ))
                }
            };
            roles.insert(row.fields[0], kind);
        }
        // Head automaton: org heads and role suffixes, folded.
        let mut org_heads = Vec::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut head_info: Vec<HeadInfo> = Vec::new();
        let mut pattern_index: HashMap<String, usize> = HashMap::new();
        let mut add_pattern = |pattern: String| -> usize {
            *pattern_index.entry(pattern.clone()).or_insert_with(|| {
                patterns.push(pattern);
                head_info.push(HeadInfo::default());
                patterns.len() - 1
            })
        };
        let mut org_patterns = Vec::new();
        for row in files.org_heads.rows(5) {
            let row = row?;
            let f = &row.fields;
            let name = files.org_heads.name;
            let word = match f[1] {
                "word" => true,
                "suffix" => false,
                other => {
                    return Err(row.error(
                        name,
                        format!("match must be word or suffix, found {other:?}"),
                    ))
                }
            };
            let bare_fuer = word || matches!(f[2], "yes" | "für");
            let bare = match (word, f[2]) {
                (true, "-") | (false, "yes") => true,
                (false, "no" | "für") => false,
                (_, other) => {
                    return Err(row.error(
                        name,
                        format!(
                        "bare must be yes, no or für for suffixes and - for words, found {other:?}"
                    ),
                    ))
                }
            };
            let subtype = subtype_str(name, row.line, f[3], ORG_SUBTYPES)?;
            parse_example(name, row.line, f[4])?;
            let index = add_pattern(fold(f[0]).into_owned());
            org_patterns.push((index, row.line));
            org_heads.push(OrgHead {
                word,
                bare,
                bare_fuer,
                subtype,
            });
        }
        let mut head_info_org = Vec::new();
        for (org, (index, line)) in org_patterns.into_iter().enumerate() {
            head_info_org.push((index, org, line));
        }
        let mut role_patterns = Vec::new();
        for (line, item) in files.role_suffixes.items() {
            if item != fold(item) || item.contains(char::is_whitespace) {
                return Err(ResourceError::new(
                    files.role_suffixes.name,
                    line,
                    format!("{item:?}: one lower-case word per line"),
                ));
            }
            role_patterns.push(add_pattern(item.to_string()));
        }
        for (index, org, line) in head_info_org {
            if head_info[index].org.is_some() {
                return Err(duplicate(files.org_heads.name, line, &patterns[index]));
            }
            head_info[index].org = Some(org as u16);
        }
        for index in role_patterns {
            head_info[index].role = true;
        }
        // A DFA: a few hundred patterns, scanned over every document's whole text.
        let heads = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&patterns)
            .map_err(|e| ResourceError::new(files.org_heads.name, 0, e.to_string()))?;
        let head_ends = super::heads::HeadEnds::build(patterns.iter().map(String::as_str));
        // Legal forms, exact case.
        let cues = Cues::load(files.cues)?;
        let mut forms = Vec::new();
        let mut legal_association = Vec::new();
        let mut legal_after_two_words = Vec::new();
        let mut legal_first_words = FastSet::default();
        for row in aux_rows(files.legal_forms, 2)? {
            let form = row.fields[0];
            let countries = row.fields.get(1).copied().unwrap_or("");
            // Two-letter forms are ordinary abbreviations in most languages; keep those of
            // German-speaking countries (AG, KG, SE, UG, eG) and, after two name words, the
            // listed ones of other countries (`short_legal_form`: AS, NV).
            // Dotted ones ("K.K.", "N.V.") are no ordinary abbreviations.
            let short = form.chars().filter(|c| c.is_alphanumeric()).count() <= 2
                && !form.contains('.')
                && !countries
                    .split(',')
                    .any(|c| matches!(c.trim(), "DE" | "AT" | "CH"));
            if short && !cues.short_legal_form.contains(form) {
                continue;
            }
            if form.starts_with('&') {
                continue;
            }
            let first = form.split(' ').next().unwrap_or(form);
            legal_first_words.insert(first);
            // The tokeniser keeps the period of an abbreviation it knows ("Ltd.") and splits
            // it off others ("Kft", "."): the first word without it starts the form too,
            // unless it is written in capitals ("RT.": an acronym ending a sentence).
            if first.chars().any(char::is_lowercase) {
                legal_first_words.insert(first.trim_end_matches('.'));
            }
            // The tokeniser joins spaced abbreviations into one token ("e. V."): the whole
            // form is a first token too.
            legal_first_words.insert(form);
            legal_association.push(form.contains('V') && form.starts_with('e'));
            legal_after_two_words.push(short);
            forms.push(form);
        }
        // Spellings the generated list lacks (`legal_form` in cues.tsv: "Pvt. Ltd.", "Tbk").
        for &form in &cues.legal_form {
            if !forms.contains(&form) {
                let first = form.split(' ').next().unwrap_or(form);
                legal_first_words.insert(first);
                if first.chars().any(char::is_lowercase) {
                    legal_first_words.insert(first.trim_end_matches('.'));
                }
                legal_association.push(false);
                legal_after_two_words.push(false);
                forms.push(form);
            }
        }
        let legal_forms = PatternSet::build(forms.iter().copied());
        // Region adjectives, folded.
        let mut adjective_forms = Vec::new();
        for row in aux_rows(files.adjectives, 3)? {
            let kb = row.fields.get(2).copied().unwrap_or("");
            adjective_forms.push(AdjectiveForm {
                form: row.fields[0],
                canonical: row.fields.get(1).copied().unwrap_or(row.fields[0]),
                kb_id: (!kb.is_empty()).then_some(kb),
            });
        }
        let folded_forms: Vec<String> = adjective_forms
            .iter()
            .map(|a| fold(a.form).into_owned())
            .collect();
        let adjectives = PatternSet::build(folded_forms.iter().map(String::as_str));
        let mut lexicon = Lexicon {
            region_heads,
            context_words,
            stopwords: word_set(files.stopwords)?,
            particles,
            lead_particles,
            noun_markers: word_set(files.noun_markers)?,
            club_prefixes: word_set(files.club_prefixes)?,
            family_names,
            first_names,
            local_first_names,
            roles,
            org_heads,
            heads,
            head_ends,
            head_info,
            legal_forms,
            legal_association,
            legal_after_two_words,
            legal_first_words,
            adjectives,
            adjective_forms,
            cues,
            word_bits: super::flags::WordTable::default(),
        };
        lexicon.word_bits = super::flags::WordTable::build(&lexicon);
        Ok(lexicon)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn affix_filters_rule_out_only_words_no_listed_affix_matches() {
        let words = [
            "softwarefirma",
            "firma",
            "rockband",
            "pop-band",
            "bankag",
            "ag",
            "box",
            "verband",
            "Nordwestfalen",
            "Ostsachsen",
            "Osten",
            "Mittelfranken",
            "Mitarbeiter",
            "Unternehmen",
            "a",
            "",
        ];
        let endings = ["firma", "-band", "ag", "x"];
        let prefixes = ["Nord", "Ost", "Mittel", "Süd"];
        let tails = AffixFilter::tails(endings, 3);
        let heads = AffixFilter::heads(prefixes, 4);
        type Matches<'a> = &'a dyn Fn(&str) -> bool;
        let cases: [(&AffixFilter, Matches); 2] = [
            (&tails, &|w| endings.iter().any(|e| w.ends_with(e))),
            (&heads, &|w| prefixes.iter().any(|p| w.starts_with(p))),
        ];
        for (filter, matches) in cases {
            let mut ruled_out = 0;
            for word in words {
                if matches(word) {
                    assert!(filter.may_match(word), "{word:?}");
                }
                ruled_out += usize::from(!filter.may_match(word));
            }
            // The filter is of use: most words without such an affix are ruled out.
            assert!(ruled_out >= 6, "{ruled_out}");
        }
        // Before it is built nothing is ruled out.
        assert!(AffixFilter::default().may_match("Unternehmen"));
    }

    #[test]
    fn ending_sets_answer_as_a_test_of_every_ending() {
        let words = [
            "softwarefirma",
            "firma",
            "irma",
            "rockband",
            "pop-band",
            "bankag",
            "ag",
            "g",
            "box",
            "verband",
            "göttingen",
            "ingen",
            "bönningen",
            "",
        ];
        let endings: [&'static str; 7] = ["firma", "-band", "ag", "x", "ingen", "öttingen", "ag"];
        let set = EndingSet::build(&endings);
        for word in words {
            for stem in 0..4 {
                let expected = endings
                    .iter()
                    .any(|e| word.len() >= e.len() + stem && word.ends_with(e));
                assert_eq!(set.ends(word.as_bytes(), stem), expected, "{word:?} {stem}");
            }
        }
        assert!(!EndingSet::default().ends(b"firma", 0));
    }

    #[test]
    fn the_gender_of_a_word_is_that_of_its_longest_listed_ending() {
        let lexicon = Lexicon::load(&Files::default_files()).unwrap();
        let cues = &lexicon.cues;
        // The gender of the longest ending in the map that ends the word.
        let longest = |word: &str| {
            (0..=word.len())
                .filter(|&at| word.is_char_boundary(at))
                .find_map(|at| cues.gender_ending.get(&word[at..]).copied())
        };
        let mut words = vec![String::new(), "a".into(), "ß".into(), "xyz".into()];
        for &ending in cues.gender_ending.keys() {
            for prefix in ["", "s", "hoch", "ü", "landes"] {
                words.push(format!("{prefix}{ending}"));
                words.push(format!("{prefix}{ending}s"));
                let rest = ending
                    .char_indices()
                    .nth(1)
                    .map_or("", |(at, _)| &ending[at..]);
                words.push(format!("{prefix}{rest}"));
            }
        }
        for word in &words {
            assert_eq!(
                cues.gender_of_ending(word.as_bytes()),
                longest(word),
                "{word:?}"
            );
        }
        assert!(cues.gender_of_ending(b"universitat").is_none());
        assert_eq!(cues.gender_of_ending("hochschule".as_bytes()), Some(0));
    }
}
