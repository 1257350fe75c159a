//! The data files of the relation stage, parsed and validated once.

use std::collections::HashMap;

use aho_corasick::automaton::Automaton;
use aho_corasick::Anchored;

use super::doc::Words;
use crate::gazetteer::FastMap;
use crate::resources::{DataFile, ResourceError};

/// How one pattern word matches a lower-cased token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// Equal.
    Word,
    /// The token starts with it.
    Stem,
    /// The token contains it.
    Part,
    /// The token ends with it.
    Suffix,
}

impl Mode {
    fn parse(text: &str) -> Option<Mode> {
        match text {
            "word" => Some(Mode::Word),
            "stem" => Some(Mode::Stem),
            "part" => Some(Mode::Part),
            "suffix" => Some(Mode::Suffix),
            _ => None,
        }
    }

    /// Whether lower-cased `token` matches `pattern`.
    pub(crate) fn matches(self, pattern: &str, token: &str) -> bool {
        match self {
            Mode::Word => token == pattern,
            Mode::Stem => token.starts_with(pattern),
            Mode::Part => token.contains(pattern),
            Mode::Suffix => token.ends_with(pattern),
        }
    }
}

/// The five relation types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RelationType {
    Agreement,
    Visit,
    Cooperation,
    Event,
    Intent,
}

impl RelationType {
    /// The label written to the record.
    pub fn label(self) -> &'static str {
        match self {
            RelationType::Agreement => "AGREEMENT",
            RelationType::Visit => "VISIT",
            RelationType::Cooperation => "COOPERATION",
            RelationType::Event => "EVENT",
            RelationType::Intent => "INTENT",
        }
    }

    /// Parses a label.
    pub fn from_label(label: &str) -> Option<RelationType> {
        match label {
            "AGREEMENT" => Some(RelationType::Agreement),
            "VISIT" => Some(RelationType::Visit),
            "COOPERATION" => Some(RelationType::Cooperation),
            "EVENT" => Some(RelationType::Event),
            "INTENT" => Some(RelationType::Intent),
            _ => None,
        }
    }
}

/// What the grammatical subject of a VISIT trigger is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SubjectRole {
    None,
    Visitor,
    Host,
}

/// A trigger: pattern words (`None` = gap), type, CAMEO code(s), confidence.
#[derive(Debug, Clone)]
pub(crate) struct Trigger {
    pub words: Vec<Option<String>>,
    pub mode: Mode,
    pub relation_type: RelationType,
    /// The code, or for COOPERATION the economic code.
    pub code: String,
    /// The code when the sentence is not economic (COOPERATION only).
    pub otherwise_code: Option<String>,
    pub confidence: f64,
    pub subject: SubjectRole,
    /// A generic word ("geschlossen", "verlängert", "organisiert", "empfangen") states a
    /// relation only when its sentence names what it is about: a cue of this kind.
    pub needs_object: Option<CueKind>,
    pub example: Option<String>,
    pub line: usize,
}

/// Kinds of cue words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum CueKind {
    Origin,
    Venue,
    Destination,
    Between,
    Coordination,
    Skip,
    Negation,
    Future,
    Existing,
    Both,
    Visitors,
    Trailer,
    Caption,
    Signatory,
    Host,
    Leader,
    Setting,
    Regions,
    /// After "beide": the pair is the organisations just talked about ("beide Unternehmen").
    Organisations,
    Today,
    Yesterday,
    NotTrigger,
    Genitive,
    Plan,
    Return,
    VisitNoun,
    /// A word that ends in a visit noun ("Gegenbesuch"): a place after it and its visitors
    /// is where the visit goes.
    VisitNounEnd,
    /// A word that holds a visit ("besuchen"): a place right before the verb is visited.
    VisitWord,
    Attend,
    ObjectAgreement,
    ObjectSigning,
    ObjectVisit,
    ObjectEvent,
    ObjectIntent,
    Subordinate,
    Habit,
    /// Belonging to a visiting group ("Zur Delegation gehörten …").
    Member,
    /// A compass prefix of a region name: "Westungarn" is part of Ungarn.
    Compass,
    /// A funding programme whose name lists places ("Interreg Bayern–Tschechien"): the places
    /// named in it are background, no parties.
    Programme,
    /// A passive auxiliary before a visit verb ("wurde … besichtigt"): the grammatical subject
    /// is the visited party.
    Passive,
    /// After a country's adjective: "die ungarische Seite" is the document's party of that
    /// country, its main region.
    SideWord,
    With,
    Together,
    /// "wir", "unser": in a quote of the issuer's people, the issuing body.
    FirstPerson,
    /// An event that brings people together ("kamen … zusammen", "trafen … aufeinander"):
    /// places coordinated under one preposition ("Firmen aus A und B") meet each other.
    Meet,
    /// A stop of a trip ("Stationen der Reise waren A und B"): the places it names are
    /// visited, also towns the title does not name.
    Stop,
    /// The verb of an event's organisers ("organisiert", "ausgerichtet"): the organisations
    /// it coordinates organise the event together, also two of one country.
    Organise,
    /// Being a guest ("zu Gast"): the place it stands next to ("in X zu Gast", "zu Gast in
    /// X") is the visited one, also a town the title does not name.
    Guest,
    /// A word after a comma by which a list goes on ("…, sowie die Universität X"): an
    /// article after it opens no relative clause.
    ListGoesOn,
    /// The head noun of a body referred to without its name ("die Kammer", "das
    /// Wirtschaftsministerium"): it stands for the one organisation of the document whose
    /// name holds it.
    Reference,
    /// A word that names a town as a body right before or after its name ("die Stadt
    /// Teterow", "die Herning Kommune"): the town acts, so it is a party also when the title
    /// does not name it.
    TownBody,
}

// Each kind is one bit of a `u64` in [`CueMarks`].
const _: () = assert!((CueKind::TownBody as usize) < 64);

impl CueKind {
    /// Every kind, in declaration order.
    #[cfg(test)]
    pub(crate) const ALL: [CueKind; 51] = [
        CueKind::Origin,
        CueKind::Venue,
        CueKind::Destination,
        CueKind::Between,
        CueKind::Coordination,
        CueKind::Skip,
        CueKind::Negation,
        CueKind::Future,
        CueKind::Existing,
        CueKind::Both,
        CueKind::Visitors,
        CueKind::Trailer,
        CueKind::Caption,
        CueKind::Signatory,
        CueKind::Host,
        CueKind::Leader,
        CueKind::Setting,
        CueKind::Regions,
        CueKind::Organisations,
        CueKind::Today,
        CueKind::Yesterday,
        CueKind::NotTrigger,
        CueKind::Genitive,
        CueKind::Plan,
        CueKind::Return,
        CueKind::VisitNoun,
        CueKind::VisitNounEnd,
        CueKind::VisitWord,
        CueKind::Attend,
        CueKind::ObjectAgreement,
        CueKind::ObjectSigning,
        CueKind::ObjectVisit,
        CueKind::ObjectEvent,
        CueKind::ObjectIntent,
        CueKind::Subordinate,
        CueKind::Habit,
        CueKind::Member,
        CueKind::Compass,
        CueKind::Programme,
        CueKind::Passive,
        CueKind::SideWord,
        CueKind::With,
        CueKind::Together,
        CueKind::FirstPerson,
        CueKind::Meet,
        CueKind::Stop,
        CueKind::Organise,
        CueKind::Guest,
        CueKind::ListGoesOn,
        CueKind::Reference,
        CueKind::TownBody,
    ];

    fn parse(text: &str) -> Option<CueKind> {
        Some(match text {
            "origin" => CueKind::Origin,
            "venue" => CueKind::Venue,
            "destination" => CueKind::Destination,
            "between" => CueKind::Between,
            "coordination" => CueKind::Coordination,
            "skip" => CueKind::Skip,
            "negation" => CueKind::Negation,
            "future" => CueKind::Future,
            "existing" => CueKind::Existing,
            "both" => CueKind::Both,
            "visitors" => CueKind::Visitors,
            "trailer" => CueKind::Trailer,
            "caption" => CueKind::Caption,
            "signatory" => CueKind::Signatory,
            "host" => CueKind::Host,
            "leader" => CueKind::Leader,
            "setting" => CueKind::Setting,
            "regions" => CueKind::Regions,
            "organisations" => CueKind::Organisations,
            "today" => CueKind::Today,
            "yesterday" => CueKind::Yesterday,
            "not_trigger" => CueKind::NotTrigger,
            "genitive" => CueKind::Genitive,
            "plan" => CueKind::Plan,
            "return" => CueKind::Return,
            "visit_noun" => CueKind::VisitNoun,
            "visit_noun_end" => CueKind::VisitNounEnd,
            "visit_word" => CueKind::VisitWord,
            "attend" => CueKind::Attend,
            "object_agreement" => CueKind::ObjectAgreement,
            "object_signing" => CueKind::ObjectSigning,
            "object_visit" => CueKind::ObjectVisit,
            "object_event" => CueKind::ObjectEvent,
            "object_intent" => CueKind::ObjectIntent,
            "subordinate" => CueKind::Subordinate,
            "habit" => CueKind::Habit,
            "member" => CueKind::Member,
            "compass" => CueKind::Compass,
            "programme" => CueKind::Programme,
            "passive" => CueKind::Passive,
            "side_word" => CueKind::SideWord,
            "with" => CueKind::With,
            "together" => CueKind::Together,
            "first_person" => CueKind::FirstPerson,
            "meet" => CueKind::Meet,
            "stop" => CueKind::Stop,
            "organise" => CueKind::Organise,
            "guest" => CueKind::Guest,
            "list_goes_on" => CueKind::ListGoesOn,
            "reference" => CueKind::Reference,
            "town_body" => CueKind::TownBody,
            _ => return None,
        })
    }
}

/// A cue: one or more words.
#[derive(Debug, Clone)]
pub(crate) struct Cue {
    pub words: Vec<String>,
    pub mode: Mode,
    /// The kind it is listed under (its bit in [`CueMarks`]).
    pub kind: CueKind,
}

/// The cue kinds whose first word matches one token: bit `CueKind as usize` of `first` when
/// some cue of that kind starts with a word matching the token, of `single` when a one-word
/// cue of that kind matches it (the cue then matches whatever follows).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct CueMarks {
    pub first: u64,
    pub single: u64,
}

impl CueMarks {
    /// The bit of `kind`.
    pub(crate) fn bit(kind: CueKind) -> u64 {
        1 << kind as u32
    }
}

/// Every cue's first word in two tables, so that one look at a token gives the cue kinds
/// that may start there ([`CueMarks`]), instead of matching each cue of a kind in turn.
#[derive(Debug, Clone)]
pub(crate) struct CueIndex {
    /// First words matched whole (mode `word`).
    words: FastMap<String, CueMarks>,
    /// Per first byte, bit `n` (`n` up to 63; 63 also for longer words) when some word of
    /// `words` opens with that byte and has `n` bytes: most tokens are no such word, and
    /// this tells without hashing them.
    word_lengths: [u64; 256],
    /// First words that a token starts with, contains or ends with: pattern `k` of the
    /// automaton is `affixes[k].0`, with the cues that start with it.
    automaton: Option<Scanner>,
    affixes: Vec<(String, Vec<CueUse>)>,
}

/// How a cue's first word marks a token it matches by `mode`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct CueUse {
    mode: Mode,
    /// The bit of the cue's kind.
    bit: u64,
    /// A one-word cue.
    single: bool,
}

impl CueUse {
    fn of(cue: &Cue) -> CueUse {
        CueUse {
            mode: cue.mode,
            bit: CueMarks::bit(cue.kind),
            single: cue.words.len() == 1,
        }
    }

    /// Adds the cue's kind to `marks` when a match of its first word from `start` to `end`
    /// of a token (`token_start..token_end`) is a match by its mode.
    #[inline]
    fn mark(self, marks: &mut CueMarks, (start, end): (usize, usize), token: (usize, usize)) {
        let ok = match self.mode {
            Mode::Word => start == token.0 && end == token.1,
            Mode::Stem => start == token.0,
            Mode::Suffix => end == token.1,
            Mode::Part => true,
        };
        if ok {
            marks.first |= self.bit;
            if self.single {
                marks.single |= self.bit;
            }
        }
    }
}

impl CueIndex {
    fn new(cues: &[Vec<Cue>]) -> CueIndex {
        let mut words: FastMap<String, CueMarks> = FastMap::default();
        let mut affixes: Vec<(String, Vec<CueUse>)> = Vec::new();
        for cue in cues.iter().flatten() {
            let bit = CueMarks::bit(cue.kind);
            let single = cue.words.len() == 1;
            let first = cue.words[0].as_str();
            if cue.mode == Mode::Word {
                let marks = words.entry(first.to_string()).or_default();
                marks.first |= bit;
                if single {
                    marks.single |= bit;
                }
            } else {
                let used = CueUse::of(cue);
                match affixes.iter_mut().find(|(w, _)| w == first) {
                    Some((_, uses)) => uses.push(used),
                    None => affixes.push((first.to_string(), vec![used])),
                }
            }
        }
        let automaton = (!affixes.is_empty()).then(|| {
            let words: Vec<&str> = affixes.iter().map(|(w, _)| w.as_str()).collect();
            Scanner::new(&words).expect("cue words are few and short")
        });
        let mut word_lengths = [0u64; 256];
        for word in words.keys() {
            if let Some(&first) = word.as_bytes().first() {
                word_lengths[usize::from(first)] |= length_bit(word.len());
            }
        }
        CueIndex {
            words,
            word_lengths,
            automaton,
            affixes,
        }
    }

    /// The kinds of the cues whose first word (matched whole) is lower-cased `token`.
    #[inline]
    pub(crate) fn word_marks(&self, token: &str) -> CueMarks {
        let may_be_word = token.as_bytes().first().is_some_and(|&first| {
            self.word_lengths[usize::from(first)] & length_bit(token.len()) != 0
        });
        if may_be_word {
            self.words.get(token).copied().unwrap_or_default()
        } else {
            CueMarks::default()
        }
    }

    /// The cue kinds that may start at lower-cased `token` (what [`Words`] computes for a
    /// token on its first use; the tests compare it with the marks of a document's scan).
    ///
    /// [`Words`]: super::doc::Words
    #[cfg(test)]
    pub(crate) fn marks(&self, token: &str) -> CueMarks {
        let mut marks = self.word_marks(token);
        self.add_affix_marks(token, &mut marks);
        marks
    }

    /// Adds to `marks` the kinds of the cues whose first word `token` starts with, contains or
    /// ends with.
    pub(crate) fn add_affix_marks(&self, token: &str, marks: &mut CueMarks) {
        if let Some(automaton) = &self.automaton {
            automaton.for_each_match(token.as_bytes(), |pattern, start, end| {
                for used in &self.affixes[pattern].1 {
                    used.mark(marks, (start, end), (0, token.len()));
                }
            });
        }
    }
}

/// The one-word cues of one kind, for finding the first (in file order) that a word
/// matches: a cue matched whole or as a suffix matches only words that end in its last two
/// bytes, so a word is compared with those cues only.
#[derive(Debug, Clone, Default)]
pub(crate) struct OneWordCues {
    /// Indices into the kind's cues by their word's last two bytes, sorted by them, each group
    /// ascending.
    by_end: Vec<([u8; 2], Vec<usize>)>,
    /// The other one-word cues (matched by stem or part, or shorter than two bytes),
    /// ascending.
    rest: Vec<usize>,
}

impl OneWordCues {
    fn new(cues: &[Cue]) -> OneWordCues {
        let mut groups = OneWordCues::default();
        for (k, cue) in cues.iter().enumerate() {
            if cue.words.len() != 1 {
                continue;
            }
            let key = last_two_bytes(&cue.words[0])
                .filter(|_| matches!(cue.mode, Mode::Word | Mode::Suffix));
            match key {
                Some(key) => match groups.by_end.iter_mut().find(|(g, _)| *g == key) {
                    Some((_, group)) => group.push(k),
                    None => groups.by_end.push((key, vec![k])),
                },
                None => groups.rest.push(k),
            }
        }
        groups.by_end.sort_by_key(|(key, _)| *key);
        groups
    }

    /// The first one-word cue of `cues` (the kind's cues these groups were made of) that
    /// matches lower-cased `word`.
    pub(crate) fn first_match<'c>(&self, cues: &'c [Cue], word: &str) -> Option<&'c Cue> {
        let matches = |k: &&usize| cues[**k].mode.matches(&cues[**k].words[0], word);
        let grouped = last_two_bytes(word).and_then(|key| {
            let at = self.by_end.binary_search_by_key(&key, |(g, _)| *g).ok()?;
            self.by_end[at].1.iter().find(matches)
        });
        let other = self.rest.iter().find(matches);
        let k = match (grouped, other) {
            (Some(a), Some(b)) => a.min(b),
            (a, b) => a.or(b)?,
        };
        Some(&cues[*k])
    }
}

/// The bit of a word of `len` bytes in [`CueIndex::word_lengths`].
fn length_bit(len: usize) -> u64 {
    1 << len.min(63)
}

/// The data files of the stage.
#[derive(Debug, Clone, Copy)]
pub struct Files<'a> {
    /// Trigger patterns with type, CAMEO code and confidence.
    pub triggers: DataFile<'a>,
    /// Cue words: prepositions, negation, future, contact block …
    pub cues: DataFile<'a>,
    /// CAMEO codes and Goldstein values.
    pub cameo: DataFile<'a>,
    /// Sector topics.
    pub topics: DataFile<'a>,
    /// Word parts that make a cooperation economic.
    pub economic: DataFile<'a>,
    /// Role words of persons.
    pub roles: DataFile<'a>,
    /// How region adjectives are derived from region names.
    pub demonyms: DataFile<'a>,
    /// Confidence factors of the party rules.
    pub rules: DataFile<'a>,
    /// Organisation subtypes that stand for their region.
    pub stand_for_region: DataFile<'a>,
    /// Organisations that are parties only to treaties.
    pub treaty_parties: DataFile<'a>,
}

impl Default for Files<'static> {
    /// The files compiled into the binary.
    fn default() -> Self {
        Files {
            triggers: crate::data_file!("resources/relations/triggers.tsv"),
            cues: crate::data_file!("resources/relations/cues.tsv"),
            cameo: crate::data_file!("resources/relations/cameo.tsv"),
            topics: crate::data_file!("resources/relations/topics.tsv"),
            economic: crate::data_file!("resources/relations/economic.txt"),
            roles: crate::data_file!("resources/relations/roles.tsv"),
            demonyms: crate::data_file!("resources/relations/demonyms.tsv"),
            rules: crate::data_file!("resources/relations/rules.tsv"),
            stand_for_region: crate::data_file!("resources/relations/stand_for_region.txt"),
            treaty_parties: crate::data_file!("resources/relations/treaty_parties.txt"),
        }
    }
}

/// Everything the stage knows, from `resources/relations/`.
#[derive(Debug, Clone)]
pub(crate) struct Lexicon {
    pub triggers: Vec<Trigger>,
    /// The cues of each kind, indexed by `CueKind as usize` (looked up per token in hot
    /// loops: an index, not a hash).
    pub cues: Vec<Vec<Cue>>,
    /// The cue kinds that may start at a token, from one look at it.
    pub cue_index: CueIndex,
    /// CAMEO code → Goldstein value.
    pub goldstein: HashMap<String, f64>,
    /// (word part, topic label).
    pub topics: Vec<(String, String)>,
    /// (word ending, role label), longest ending first.
    pub roles: Vec<(String, String)>,
    /// The roles whose ending is at least two bytes long, grouped by its last two bytes and
    /// sorted by them (each group in the order of `roles`): a word is compared with the
    /// endings it may end in only.
    pub role_groups: Vec<([u8; 2], Vec<usize>)>,
    /// The roles whose ending is one byte long, in the order of `roles`.
    pub short_roles: Vec<usize>,
    pub demonym_strip: Vec<String>,
    /// The words of the one-word `skip` cues (head words before a place name).
    pub skip_words: Vec<String>,
    /// The one-word `reference` cues, grouped by their last two bytes.
    pub reference_cues: OneWordCues,
    /// The `compass` cues' first words, folded.
    pub compass_prefixes: Vec<String>,
    pub demonym_suffixes: Vec<String>,
    /// Rule name → confidence factor.
    pub rules: HashMap<String, f64>,
    /// Organisation subtypes that stand for their region.
    pub stand_for_region: Vec<String>,
    /// Canonical names of organisations that are parties only to treaties (AGREEMENT).
    pub treaty_parties: Vec<String>,
    /// The distinct first words of all triggers and of the cues matched by stem, part or
    /// suffix in one automaton, so that one pass over the document finds every trigger that
    /// may start at a token and those cues' marks ([`Lexicon::scan`]): pattern `p` is the
    /// first word of the triggers `first_word_triggers[p]` (in file order) and of the cues
    /// `first_word_cues[p]`. Distinct words keep the automaton small.
    pub first_words: Scanner,
    pub first_word_triggers: Vec<Vec<usize>>,
    pub first_word_cues: Vec<Vec<CueUse>>,
    /// Per trigger: an EVENT trigger of one word ("Forum", "-messe"), what a compound's head
    /// or a word after a place may name.
    pub event_word: Vec<bool>,
    /// The distinct topic parts and economic words in one automaton, run once over a
    /// sentence's [`topic_text`]: pattern `p` is `topic_words[p]`. It reads a hyphen as a
    /// space, so that it may also run over the sentence lower-cased with its hyphens.
    pub topic_words: Scanner,
    pub topic_word_uses: Vec<TopicUse>,
}

/// What one distinct word of `topics.tsv` and `economic.txt` stands for.
#[derive(Debug, Clone, Default)]
pub(crate) struct TopicUse {
    /// Indices into [`Lexicon::topics`] with this part.
    pub topics: Vec<usize>,
    /// Listed in `economic.txt`.
    pub economic: bool,
}

/// Which topics and economic words a sentence's [`topic_text`] contains.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct SentenceTopics {
    /// Per entry of [`Lexicon::topics`]: its part occurs.
    pub topics: Vec<bool>,
    /// Some economic word or topic part occurs.
    pub economic: bool,
}

/// The rule names the code uses; `rules.tsv` must give each a factor.
pub(crate) const RULES: [&str; 8] = [
    "pair",
    "cross",
    "visit",
    "visit_context",
    "both",
    "complement",
    "lifted",
    "first_person",
];

fn parse_confidence(file: &str, line: usize, text: &str) -> Result<f64, ResourceError> {
    match text.parse::<f64>() {
        Ok(value) if (0.0..=1.0).contains(&value) => Ok(value),
        _ => Err(ResourceError::new(
            file,
            line,
            format!("confidence {text:?} is not a number in 0..=1"),
        )),
    }
}

/// The builder of the stage's automata: a DFA with standard (overlapping) match semantics,
/// copied into a [`Scanner`].
fn dfa_builder() -> aho_corasick::dfa::Builder {
    let mut builder = aho_corasick::dfa::Builder::new();
    // The scanner visits every byte: no prefilter, and no special start state.
    builder.prefilter(false);
    builder
}

/// A multi-pattern automaton (Aho-Corasick, standard semantics) whose transitions are copied
/// at load from the `aho_corasick` DFA into a table of its own, so that scanning a byte is one
/// class lookup, one transition load and one compare: match states are numbered first, so
/// that "is this a match state" is `state < match_end`.
#[derive(Debug, Clone)]
pub(crate) struct Scanner {
    /// Byte → class: each byte of some pattern has a class of its own; every other byte is
    /// class 0 (it leads from any state back to the start, as no pattern holds it).
    classes: [u8; 256],
    /// Number of classes.
    stride: usize,
    /// Transitions, premultiplied: the state after state `s` (an index times `stride`) on a
    /// byte of class `c` is `trans[s + c]`. Its length is a power of two (the entries past
    /// the states are never read), so that the scan loop masks an index instead of checking
    /// its bounds.
    trans: Vec<u32>,
    start: u32,
    /// States below this one (premultiplied) report matches.
    match_end: u32,
    /// For match state `s / stride`: its range in `matches`.
    match_ranges: Vec<(u32, u32)>,
    /// (pattern, pattern length), in the order the `aho_corasick` DFA reports them.
    matches: Vec<(u32, u32)>,
}

impl Scanner {
    /// The scanner of `patterns` (pattern `k` is `patterns[k]`).
    pub(crate) fn new<P: AsRef<[u8]>>(patterns: &[P]) -> Result<Scanner, String> {
        let dfa = dfa_builder()
            .build(patterns.iter().map(AsRef::as_ref))
            .map_err(|e| e.to_string())?;
        let mut classes = [0u8; 256];
        // A representative byte of each class; class 0's is any byte no pattern holds.
        let mut representative: Vec<u8> = vec![0];
        for pattern in patterns {
            for &byte in pattern.as_ref() {
                if classes[usize::from(byte)] == 0 {
                    classes[usize::from(byte)] =
                        u8::try_from(representative.len()).map_err(|_| "too many bytes")?;
                    representative.push(byte);
                }
            }
        }
        if let Some(other) = (0..=255u8).find(|&b| classes[usize::from(b)] == 0) {
            representative[0] = other;
        }
        let stride = representative.len();
        // The states reachable from the start, breadth first, with their transitions as
        // indices into `order`.
        let start = dfa.start_state(Anchored::No).map_err(|e| e.to_string())?;
        let mut order = vec![start];
        let mut index: FastMap<u32, usize> = FastMap::default();
        index.insert(start.as_u32(), 0);
        let mut next_index: Vec<usize> = Vec::new();
        let mut i = 0;
        while i < order.len() {
            let sid = order[i];
            for &byte in &representative {
                // A dead state (never reached in an unanchored search) stays dead.
                let next = if dfa.is_dead(sid) {
                    sid
                } else {
                    dfa.next_state(Anchored::No, sid, byte)
                };
                let k = *index.entry(next.as_u32()).or_insert_with(|| {
                    order.push(next);
                    order.len() - 1
                });
                next_index.push(k);
            }
            i += 1;
        }
        // Match states first.
        let mut renumbered: Vec<usize> = (0..order.len()).collect();
        renumbered.sort_by_key(|&k| !dfa.is_match(order[k]));
        let mut position = vec![0; order.len()];
        for (new, &old) in renumbered.iter().enumerate() {
            position[old] = new;
        }
        let id = |k: usize| u32::try_from(position[k] * stride).map_err(|_| "too many states");
        let mut trans = vec![0; (order.len() * stride).next_power_of_two()];
        for old in 0..order.len() {
            for c in 0..stride {
                trans[position[old] * stride + c] = id(next_index[old * stride + c])?;
            }
        }
        let mut match_ranges = Vec::new();
        let mut matches = Vec::new();
        for &old in renumbered.iter().take_while(|&&k| dfa.is_match(order[k])) {
            let sid = order[old];
            let from = matches.len() as u32;
            for m in 0..dfa.match_len(sid) {
                let pattern = dfa.match_pattern(sid, m);
                matches.push((pattern.as_u32(), dfa.pattern_len(pattern) as u32));
            }
            match_ranges.push((from, matches.len() as u32));
        }
        Ok(Scanner {
            classes,
            stride,
            match_end: u32::try_from(match_ranges.len() * stride).map_err(|_| "too many states")?,
            start: id(0)?,
            trans,
            match_ranges,
            matches,
        })
    }

    /// Reads `byte` as it reads `as_byte`, as if the haystack held `as_byte` there.
    pub(crate) fn read_as(&mut self, byte: u8, as_byte: u8) {
        self.classes[usize::from(byte)] = self.classes[usize::from(as_byte)];
    }

    /// Calls `f(pattern, start, end)` for every match in `haystack`, overlapping, ordered by
    /// end and then as the `aho_corasick` DFA orders the matches of a state.
    pub(crate) fn for_each_match(&self, haystack: &[u8], mut f: impl FnMut(usize, usize, usize)) {
        let mut sid = self.start;
        let mut at = 0;
        loop {
            if sid < self.match_end {
                let (from, to) = self.match_ranges[sid as usize / self.stride];
                for &(pattern, len) in &self.matches[from as usize..to as usize] {
                    f(pattern as usize, at - len as usize, at);
                }
            }
            if at == haystack.len() {
                return;
            }
            (at, sid) = self.next_match(haystack, at, sid);
        }
    }

    /// Scans `haystack` from `at` in state `sid` up to the end of the first match, or to its
    /// end: the position and the state there. No call in the loop, so that its values stay in
    /// registers; out of line, so that the caller's values do not crowd them out.
    #[inline(never)]
    fn next_match(&self, haystack: &[u8], at: usize, sid: u32) -> (usize, u32) {
        let (classes, match_end) = (&self.classes, self.match_end as usize);
        // Every state's transitions lie inside the table, so the mask changes no index; it
        // only shows the compiler that none is out of bounds. (The state is held as a `usize`
        // so that it needs no widening per byte.)
        let mask = self.trans.len() - 1;
        let trans = &self.trans[..=mask];
        let mut state = sid as usize;
        for (k, &byte) in haystack[at..].iter().enumerate() {
            state = trans[(state + usize::from(classes[usize::from(byte)])) & mask] as usize;
            if state < match_end {
                return (at + k + 1, state as u32);
            }
        }
        (haystack.len(), state as u32)
    }
}

/// The last two bytes of `word`, `None` when it is shorter.
fn last_two_bytes(word: &str) -> Option<[u8; 2]> {
    match word.as_bytes() {
        [.., a, b] => Some([*a, *b]),
        _ => None,
    }
}

/// Text as topics are matched in it: lower case, hyphens read as spaces
/// (`text.to_lowercase().replace('-', " ")`, in one pass: ASCII bytes and the lower-case
/// letters of Latin-1 without a look-up).
pub(crate) fn topic_text(text: &str) -> String {
    if text.contains('Σ') {
        // Final sigma depends on context: leave it to the library.
        return text.to_lowercase().replace('-', " ");
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '-' => out.push(' '),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            '\u{df}'..='\u{ff}' => out.push(c),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

fn is_lower(text: &str) -> bool {
    text.chars().all(|c| !c.is_uppercase())
}

impl Lexicon {
    /// The lexicon compiled into the binary.
    pub(crate) fn load_default() -> Result<Lexicon, ResourceError> {
        Lexicon::from_files(&Files::default())
    }

    /// Parses and validates the data files.
    pub(crate) fn from_files(files: &Files<'_>) -> Result<Lexicon, ResourceError> {
        let Files {
            triggers,
            cues,
            cameo,
            topics,
            economic,
            roles,
            demonyms,
            rules,
            stand_for_region,
            treaty_parties,
        } = *files;
        let mut goldstein = HashMap::new();
        for row in cameo.rows(3) {
            let row = row?;
            let code = row.fields[0];
            if code.len() < 2 || !code.bytes().all(|b| b.is_ascii_digit()) {
                return Err(row.error(cameo.name, format!("CAMEO code {code:?} is not digits")));
            }
            let value: f64 = row.fields[1].parse().map_err(|_| {
                row.error(
                    cameo.name,
                    format!("Goldstein value {:?} is not a number", row.fields[1]),
                )
            })?;
            if !(-10.0..=10.0).contains(&value) {
                return Err(row.error(cameo.name, "Goldstein values lie in -10..=10"));
            }
            if goldstein.insert(code.to_string(), value).is_some() {
                return Err(row.error(cameo.name, format!("code {code} listed twice")));
            }
        }

        let mut parsed_triggers = Vec::new();
        for row in triggers.rows(6) {
            let row = row?;
            let pattern = row.fields[0].trim();
            if pattern.is_empty() || !is_lower(pattern) {
                return Err(row.error(triggers.name, "pattern must be non-empty lower case"));
            }
            let words: Vec<Option<String>> = pattern
                .split(' ')
                .map(|w| (w != "*").then(|| w.to_string()))
                .collect();
            if words.first().is_some_and(Option::is_none)
                || words.last().is_some_and(Option::is_none)
            {
                return Err(row.error(triggers.name, "a pattern may not start or end with *"));
            }
            let mode = Mode::parse(row.fields[1]).ok_or_else(|| {
                row.error(
                    triggers.name,
                    format!("unknown mode {:?} (word, stem, part)", row.fields[1]),
                )
            })?;
            let relation_type = RelationType::from_label(row.fields[2]).ok_or_else(|| {
                row.error(
                    triggers.name,
                    format!("unknown relation type {:?}", row.fields[2]),
                )
            })?;
            let (code, otherwise_code) = match row.fields[3].split_once('/') {
                Some((economic, otherwise)) => {
                    if relation_type != RelationType::Cooperation {
                        return Err(row.error(
                            triggers.name,
                            "only COOPERATION chooses between an economic and another code",
                        ));
                    }
                    (economic.to_string(), Some(otherwise.to_string()))
                }
                None => (row.fields[3].to_string(), None),
            };
            for c in std::iter::once(&code).chain(otherwise_code.as_ref()) {
                if !goldstein.contains_key(c) {
                    return Err(row.error(
                        triggers.name,
                        format!("CAMEO code {c} is not in {}", cameo.name),
                    ));
                }
            }
            let confidence = parse_confidence(triggers.name, row.line, row.fields[4])?;
            // The role, optionally with `+object:KIND` (or `object:KIND` alone).
            let mut subject = SubjectRole::None;
            let mut needs_object = None;
            for flag in row.fields[5].split('+') {
                match flag {
                    "-" => {}
                    "visitor" => subject = SubjectRole::Visitor,
                    "host" => subject = SubjectRole::Host,
                    other => {
                        let kind = other
                            .strip_prefix("object:")
                            .and_then(|k| CueKind::parse(&format!("object_{k}")));
                        if kind.is_none() {
                            return Err(row.error(
                                triggers.name,
                                format!(
                                    "role {other:?} is not visitor, host, -, or object:KIND \
                                     with a cue kind object_KIND of the cue file"
                                ),
                            ));
                        }
                        needs_object = kind;
                    }
                }
            }
            if subject != SubjectRole::None && relation_type != RelationType::Visit {
                return Err(row.error(triggers.name, "only VISIT triggers name a subject role"));
            }
            let example = row
                .fields
                .get(6)
                .map(|e| e.trim().to_string())
                .filter(|e| !e.is_empty());
            parsed_triggers.push(Trigger {
                words,
                mode,
                relation_type,
                code,
                otherwise_code,
                confidence,
                subject,
                needs_object,
                example,
                line: row.line,
            });
        }
        if parsed_triggers.is_empty() {
            return Err(ResourceError::new(triggers.name, 0, "no triggers"));
        }

        let mut parsed_cues: Vec<Vec<Cue>> = Vec::new();
        for row in cues.rows(3) {
            let row = row?;
            let kind = CueKind::parse(row.fields[0]).ok_or_else(|| {
                row.error(cues.name, format!("unknown cue kind {:?}", row.fields[0]))
            })?;
            let text = row.fields[1].trim();
            if text.is_empty() || !is_lower(text) {
                return Err(row.error(cues.name, "cue must be non-empty lower case"));
            }
            let mode = Mode::parse(row.fields[2])
                .ok_or_else(|| row.error(cues.name, format!("unknown mode {:?}", row.fields[2])))?;
            if parsed_cues.len() <= kind as usize {
                parsed_cues.resize(kind as usize + 1, Vec::new());
            }
            parsed_cues[kind as usize].push(Cue {
                words: text.split(' ').map(str::to_string).collect(),
                mode,
                kind,
            });
        }

        let mut parsed_topics = Vec::new();
        for row in topics.rows(2) {
            let row = row?;
            let part = row.fields[1];
            if part.is_empty() || !is_lower(part) {
                return Err(row.error(topics.name, "word part must be non-empty lower case"));
            }
            if let Some(example) = row.fields.get(2) {
                if !topic_text(example).contains(part) {
                    return Err(row.error(
                        topics.name,
                        format!("example {example:?} does not contain {part:?}"),
                    ));
                }
            }
            parsed_topics.push((part.to_string(), row.fields[0].to_string()));
        }

        let mut parsed_economic = Vec::new();
        for (line, item) in economic.items() {
            if !is_lower(item) {
                return Err(ResourceError::new(
                    economic.name,
                    line,
                    "must be lower case",
                ));
            }
            parsed_economic.push(item.to_string());
        }

        let mut parsed_roles = Vec::new();
        for row in roles.rows(2) {
            let row = row?;
            if row.fields[0].is_empty() || !is_lower(row.fields[0]) {
                return Err(row.error(roles.name, "word ending must be non-empty lower case"));
            }
            parsed_roles.push((row.fields[0].to_string(), row.fields[1].to_string()));
        }
        // Longest ending first, so "vizegouverneur" wins over "gouverneur".
        parsed_roles.sort_by_key(|r| std::cmp::Reverse(r.0.len()));
        let mut role_groups: Vec<([u8; 2], Vec<usize>)> = Vec::new();
        let mut short_roles = Vec::new();
        for (k, (ending, _)) in parsed_roles.iter().enumerate() {
            match last_two_bytes(ending) {
                Some(key) => match role_groups.iter_mut().find(|(g, _)| *g == key) {
                    Some((_, group)) => group.push(k),
                    None => role_groups.push((key, vec![k])),
                },
                None => short_roles.push(k),
            }
        }
        role_groups.sort_by_key(|(key, _)| *key);

        let mut demonym_strip = Vec::new();
        let mut demonym_suffixes = Vec::new();
        for row in demonyms.rows(2) {
            let row = row?;
            let value = row.fields[1];
            if !is_lower(value) {
                return Err(row.error(demonyms.name, "must be lower case"));
            }
            match row.fields[0] {
                "strip" => demonym_strip.push(value.to_string()),
                "suffix" if value == "-" => demonym_suffixes.push(String::new()),
                "suffix" => demonym_suffixes.push(value.to_string()),
                other => {
                    return Err(row.error(
                        demonyms.name,
                        format!("kind {other:?} is not strip or suffix"),
                    ))
                }
            }
        }

        let mut parsed_rules = HashMap::new();
        for row in rules.rows(2) {
            let row = row?;
            let name = row.fields[0];
            if !RULES.contains(&name) {
                return Err(row.error(rules.name, format!("unknown rule {name:?}")));
            }
            let factor = parse_confidence(rules.name, row.line, row.fields[1])?;
            parsed_rules.insert(name.to_string(), factor);
        }
        if let Some(missing) = RULES.iter().find(|r| !parsed_rules.contains_key(**r)) {
            return Err(ResourceError::new(
                rules.name,
                0,
                format!("rule {missing:?} has no factor"),
            ));
        }
        let parsed_stand_for = stand_for_region
            .items()
            .map(|(_, item)| item.to_string())
            .collect();
        let parsed_treaty_parties = treaty_parties
            .items()
            .map(|(_, item)| item.to_string())
            .collect();

        // A DFA: the automaton runs over every document's whole text.
        let mut distinct_first: Vec<&str> = Vec::new();
        let mut first_of: FastMap<&str, usize> = FastMap::default();
        let mut first_word_triggers: Vec<Vec<usize>> = Vec::new();
        let mut first_word_cues: Vec<Vec<CueUse>> = Vec::new();
        let mut pattern_of = |word| {
            *first_of.entry(word).or_insert_with(|| {
                distinct_first.push(word);
                first_word_triggers.push(Vec::new());
                first_word_cues.push(Vec::new());
                distinct_first.len() - 1
            })
        };
        let trigger_patterns: Vec<usize> = parsed_triggers
            .iter()
            .map(|trigger| pattern_of(trigger.words[0].as_deref().unwrap_or_default()))
            .collect();
        // Cues matched whole are looked up by token ([`CueIndex::word_marks`]): many are short
        // words that would match inside most words.
        let cue_patterns: Vec<(usize, CueUse)> = parsed_cues
            .iter()
            .flatten()
            .filter(|cue| cue.mode != Mode::Word)
            .map(|cue| (pattern_of(cue.words[0].as_str()), CueUse::of(cue)))
            .collect();
        for (k, p) in trigger_patterns.into_iter().enumerate() {
            first_word_triggers[p].push(k);
        }
        for (p, used) in cue_patterns {
            first_word_cues[p].push(used);
        }
        let first_words =
            Scanner::new(&distinct_first).map_err(|e| ResourceError::new(triggers.name, 0, e))?;
        let cue_index = CueIndex::new(&parsed_cues);
        let mut topic_word_uses: Vec<TopicUse> = Vec::new();
        let mut use_of = |word: &str, distinct: &mut Vec<String>| -> usize {
            match distinct.iter().position(|w| w == word) {
                Some(p) => p,
                None => {
                    distinct.push(word.to_string());
                    topic_word_uses.push(TopicUse::default());
                    distinct.len() - 1
                }
            }
        };
        let mut owned: Vec<String> = Vec::new();
        let mut topic_slots = Vec::new();
        for (part, _) in &parsed_topics {
            topic_slots.push(use_of(part, &mut owned));
        }
        let mut economic_slots = Vec::new();
        for word in &parsed_economic {
            economic_slots.push(use_of(word, &mut owned));
        }
        for (k, p) in topic_slots.into_iter().enumerate() {
            topic_word_uses[p].topics.push(k);
        }
        for p in economic_slots {
            topic_word_uses[p].economic = true;
        }
        let mut topic_words =
            Scanner::new(&owned).map_err(|e| ResourceError::new(topics.name, 0, e))?;
        // Topic text reads hyphens as spaces.
        topic_words.read_as(b'-', b' ');
        let event_word = parsed_triggers
            .iter()
            .map(|t| t.relation_type == RelationType::Event && t.words.len() == 1)
            .collect();
        let skip_words = parsed_cues
            .get(CueKind::Skip as usize)
            .into_iter()
            .flatten()
            .filter(|c| c.words.len() == 1)
            .map(|c| c.words[0].clone())
            .collect();
        let compass_prefixes = parsed_cues
            .get(CueKind::Compass as usize)
            .into_iter()
            .flatten()
            .map(|c| super::doc::fold(&c.words[0]))
            .collect();
        let reference_cues = OneWordCues::new(
            parsed_cues
                .get(CueKind::Reference as usize)
                .map_or(&[], Vec::as_slice),
        );
        Ok(Lexicon {
            skip_words,
            reference_cues,
            compass_prefixes,
            event_word,
            topic_words,
            topic_word_uses,
            first_words,
            first_word_triggers,
            first_word_cues,
            cue_index,
            rules: parsed_rules,
            stand_for_region: parsed_stand_for,
            treaty_parties: parsed_treaty_parties,
            triggers: parsed_triggers,
            cues: parsed_cues,
            goldstein,
            topics: parsed_topics,
            roles: parsed_roles,
            role_groups,
            short_roles,
            demonym_strip,
            demonym_suffixes,
        })
    }

    /// `(token, trigger)` for every token where a trigger's first word matches, ordered by
    /// token and then trigger (file order); the marks of the cues matched by stem, part or
    /// suffix are recorded in `words` ([`Words::record_affix_marks`]): one pass of the automaton
    /// over the document instead of one more over each token asked about.
    // Out of line: inlined into `Doc::prepare`, its scan loop's values did not stay in
    // registers.
    #[inline(never)]
    pub(crate) fn scan(&self, words: &mut Words) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut affix_marks: Vec<(usize, CueMarks)> = Vec::new();
        let spans = words.spans();
        // The first token that ends at or after the match's end: matches come ordered by end.
        let mut t = 0;
        self.first_words
            .for_each_match(words.buffer().as_bytes(), |p, m_start, m_end| {
                while t < spans.len() && spans[t].1 < m_end {
                    t += 1;
                }
                let Some(&(start, end)) = spans.get(t) else {
                    return;
                };
                if start > m_start {
                    return; // between or across tokens
                }
                for &k in &self.first_word_triggers[p] {
                    let trigger = &self.triggers[k];
                    let ok = match trigger.mode {
                        Mode::Word => m_start == start && m_end == end,
                        Mode::Stem => m_start == start,
                        Mode::Suffix => m_end == end,
                        Mode::Part => true,
                    };
                    if ok && trigger.words[0].as_deref().is_some_and(|w| !w.is_empty()) {
                        out.push((t, k));
                    }
                }
                for used in &self.first_word_cues[p] {
                    if affix_marks.last().map(|&(last, _)| last) != Some(t) {
                        affix_marks.push((t, CueMarks::default()));
                    }
                    let marks = &mut affix_marks.last_mut().expect("pushed").1;
                    used.mark(marks, (m_start, m_end), (start, end));
                }
            });
        words.record_affix_marks(&affix_marks, &self.cue_index);
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The topics and economic words in `text` (a sentence): what `topic_text(text)`
    /// contains, from one pass of the automaton.
    pub(crate) fn sentence_topics(&self, text: &str) -> SentenceTopics {
        self.topics_in(&topic_text(text))
    }

    /// The topics and economic words in `text`: [`topic_text`] of a sentence, or the sentence
    /// lower-cased as `topic_text` lower-cases it, with its hyphens.
    pub(crate) fn topics_in(&self, text: &str) -> SentenceTopics {
        let mut out = SentenceTopics {
            topics: vec![false; self.topics.len()],
            economic: false,
        };
        self.topic_words.for_each_match(text.as_bytes(), |p, _, _| {
            let used = &self.topic_word_uses[p];
            // A topic part also marks the sentence as economic.
            out.economic |= used.economic || !used.topics.is_empty();
            for &k in &used.topics {
                out.topics[k] = true;
            }
        });
        out
    }

    /// The label of the role whose ending lower-cased `word` ends in, the longest ending
    /// first.
    pub(crate) fn role_of(&self, word: &str) -> Option<&str> {
        let ends = |&k: &usize| word.ends_with(self.roles[k].0.as_str());
        let group = last_two_bytes(word)
            .and_then(|key| {
                let at = self
                    .role_groups
                    .binary_search_by_key(&key, |(g, _)| *g)
                    .ok()?;
                self.role_groups[at].1.iter().find(|k| ends(k))
            })
            .or_else(|| self.short_roles.iter().find(|k| ends(k)))?;
        Some(self.roles[*group].1.as_str())
    }

    /// The cues of one kind.
    pub(crate) fn cues(&self, kind: CueKind) -> &[Cue] {
        self.cues.get(kind as usize).map_or(&[], Vec::as_slice)
    }
}

#[cfg(test)]
mod tests {
    use super::super::doc::Words;
    use super::Lexicon;

    /// The one automaton pass over the document finds exactly the (token, trigger) pairs that
    /// matching every trigger's first word against every token finds.
    #[test]
    fn trigger_hits_equal_matching_each_token() {
        let lexicon = Lexicon::load_default().unwrap();
        let text = "Die Delegation besuchte am Montag das Wirtschaftsforum ; Partnerschaft \
                    Kooperationsvereinbarung unterzeichneten Zusammenarbeit besuch Messebesucher \
                    Städtepartnerschaft abkommen-x MoU wollen zusammenarbeiten";
        let tokens: Vec<&str> = text.split(' ').filter(|t| !t.is_empty()).collect();
        let mut words = Words::new(tokens.iter().copied());
        let mut expected = Vec::new();
        for i in 0..words.len() {
            for (k, trigger) in lexicon.triggers.iter().enumerate() {
                let first = trigger.words[0].as_deref().unwrap();
                if trigger.mode.matches(first, &words[i]) {
                    expected.push((i, k));
                }
            }
        }
        assert!(expected.len() > 10);
        assert_eq!(lexicon.scan(&mut words), expected);
    }

    /// The cue marks the one pass over the document records are what looking at each token
    /// alone gives.
    #[test]
    fn scanned_cue_marks_equal_marks_of_each_token() {
        let lexicon = Lexicon::load_default().unwrap();
        let text = "Pressekontakt : Die Delegation aus Sachsen unterzeichnete in der Präfektur \
                    ein Abkommen , nicht nur zur Zusammenarbeit ; Foto : Besucher der \
                    Videokonferenz , Wirtschaftsdelegation Landesregierung Partnerstädte und \
                    gemeinsam mit beiden Seiten , die Kammer des Wirtschaftsministeriums";
        let tokens: Vec<&str> = text.split(' ').filter(|t| !t.is_empty()).collect();
        let mut scanned = Words::new(tokens.iter().copied());
        lexicon.scan(&mut scanned);
        let mut marked = 0;
        for (i, token) in tokens.iter().enumerate() {
            let alone = lexicon.cue_index.marks(&scanned[i]);
            assert_eq!(
                scanned.cue_marks(i, &lexicon.cue_index),
                Some(alone),
                "{token}"
            );
            marked += usize::from(alone.first != 0);
        }
        assert!(marked > 15, "only {marked} tokens marked");
    }

    /// The first one-word reference cue a word matches, found in its group of last two bytes,
    /// is the first found by trying every cue of the kind in file order.
    #[test]
    fn reference_cue_found_by_last_bytes_is_the_first_in_the_list() {
        use super::CueKind;
        let lexicon = Lexicon::load_default().unwrap();
        let cues = lexicon.cues(CueKind::Reference);
        let mut found = 0;
        for word in [
            "kammer",
            "handelskammer",
            "ihk",
            "ministerium",
            "wirtschaftsministerium",
            "ministeriu",
            "hochschule",
            "universität",
            "institut",
            "instituts",
            "verband",
            "landesregierung",
            "regierung",
            "klinikum",
            "cluster",
            "stiftung",
            "m",
            "",
            "die",
        ] {
            let expected = cues
                .iter()
                .position(|cue| cue.words.len() == 1 && cue.mode.matches(&cue.words[0], word));
            let got = lexicon
                .reference_cues
                .first_match(cues, word)
                .map(|cue| cues.iter().position(|c| std::ptr::eq(c, cue)).unwrap());
            assert_eq!(got, expected, "{word:?}");
            found += usize::from(got.is_some());
        }
        assert!(found > 10);
    }

    /// A role found by the last two bytes of a word is the first whose ending the word ends
    /// in, in the order of the list.
    #[test]
    fn role_of_equals_the_first_ending_in_the_list() {
        let lexicon = Lexicon::load_default().unwrap();
        let words = [
            "vizegouverneur",
            "gouverneurin",
            "wirtschafts-landesrätin",
            "staatssekretär",
            "oberbürgermeisterin",
            "ceo",
            "der",
            "r",
            "",
            "präsidenten",
            "amtschef",
        ];
        let mut found = 0;
        for word in words {
            let expected = lexicon
                .roles
                .iter()
                .find(|(ending, _)| word.ends_with(ending.as_str()))
                .map(|(_, label)| label.as_str());
            found += usize::from(expected.is_some());
            assert_eq!(lexicon.role_of(word), expected, "{word}");
        }
        assert_eq!(found, 7);
    }

    /// Topic text is the library's lower case with hyphens read as spaces.
    #[test]
    fn topic_text_is_lower_case_with_spaces_for_hyphens() {
        for text in [
            "Life-Sciences-Standort ÖSTERREICH: Straße, Ærø, ČESKÁ, İzmir – ΟΔΟΣ und ΌΡΟΣ.",
            "Künstliche Intelligenz in der Medizintechnik-Branche",
            "",
        ] {
            assert_eq!(
                super::topic_text(text),
                text.to_lowercase().replace('-', " "),
                "{text:?}"
            );
        }
    }

    /// The scanner reports exactly the overlapping matches of the `aho_corasick` automaton it
    /// is copied from, in the same order.
    #[test]
    fn scanner_equals_overlapping_search() {
        use aho_corasick::AhoCorasick;
        let lexicon = Lexicon::load_default().unwrap();
        let mut patterns: Vec<String> = vec!["a".into(), "ab".into(), "bab".into(), "ä-ö".into()];
        for trigger in &lexicon.triggers {
            let first = trigger.words[0].clone().unwrap();
            if !patterns.contains(&first) {
                patterns.push(first);
            }
        }
        let scanner = super::Scanner::new(&patterns).unwrap();
        let reference = AhoCorasick::new(&patterns).unwrap();
        for text in [
            "",
            "abab babab",
            "die delegation besuchte das wirtschaftsforum; partnerschaft\nkooperationsvereinbarung",
            "städtepartnerschaft – ä-ö-ü zusammenarbeiten mou memorandum besuch messebesucher",
        ] {
            let mut found = Vec::new();
            scanner.for_each_match(text.as_bytes(), |p, start, end| found.push((p, start, end)));
            let expected: Vec<(usize, usize, usize)> = reference
                .find_overlapping_iter(text)
                .map(|m| (m.pattern().as_usize(), m.start(), m.end()))
                .collect();
            assert_eq!(found, expected, "{text:?}");
        }
    }

    /// Cue matching through the per-token cue marks gives exactly what matching every cue of
    /// a kind word by word gives, at every token, for every kind and every cue.
    #[test]
    fn cue_marks_agree_with_matching_each_cue() {
        use super::CueKind;
        let lexicon = Lexicon::load_default().unwrap();
        let texts = [
            "Die Delegation aus Sachsen reiste nach Japan , um dort mit der Präfektur \
             ein Abkommen zu unterzeichnen , das nicht nur die Zusammenarbeit stärken soll .",
            "Am Rande des Forums unterzeichneten beide Seiten eine Absichtserklärung ; \
             künftig wollen sie jährlich eine Messe in Stuttgart besuchen .",
            "Foto : Der Gouverneur empfing die Besucher zur Videokonferenz über \
             Wirtschaftsbeziehungen zwischen den Regionen , die seit Jahren bestehen .",
            "Pressekontakt : Ansprechpartnerin Kooperationsvereinbarung Partnerschaftsabkommen \
             heute gestern Wirtschaftsdelegation Delegationsreise Gegenbesuch Unterzeichnung",
        ];
        let mut checked = 0;
        for text in texts {
            let tokens: Vec<&str> = text.split(' ').filter(|t| !t.is_empty()).collect();
            let words = Words::new(tokens.iter().copied());
            // Every cue of the kind, word by word: the definition of a cue match.
            let naive_at = |kind: CueKind, at: usize| -> Vec<Option<usize>> {
                lexicon
                    .cues(kind)
                    .iter()
                    .map(|cue| {
                        for (k, word) in cue.words.iter().enumerate() {
                            let token = words.get(at + k)?;
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
                    })
                    .collect()
            };
            for kind in CueKind::ALL {
                for at in 0..=words.len() {
                    let expected = naive_at(kind, at);
                    let found: Vec<Option<usize>> = lexicon
                        .cues(kind)
                        .iter()
                        .map(|cue| lexicon.cue_at(cue, &words, at))
                        .collect();
                    assert_eq!(found, expected, "{kind:?} at {at} in {text:?}");
                    assert_eq!(
                        lexicon.is_cue(kind, &words, at),
                        expected.iter().any(Option::is_some),
                        "{kind:?} at {at} in {text:?}"
                    );
                    checked += usize::from(expected.iter().any(Option::is_some));
                }
            }
        }
        // The texts hold cues of many kinds, so the comparison is not all misses.
        assert!(checked > 40, "only {checked} cue matches");
    }

    /// The role column takes `object:KIND` only for a cue kind `object_KIND`, and reports a
    /// bad one with its line.
    #[test]
    fn object_flags_name_a_cue_kind() {
        use super::{CueKind, Files};
        use crate::resources::DataFile;
        let with_role = |role: &str| {
            let text = format!("geschlossen\tword\tAGREEMENT\t057\t0.7\t{role}\n");
            let files = Files {
                triggers: DataFile {
                    name: "t.tsv",
                    content: &text,
                },
                ..Files::default()
            };
            Lexicon::from_files(&files).map(|l| l.triggers[0].needs_object)
        };
        assert_eq!(with_role("-").unwrap(), None);
        assert_eq!(
            with_role("object:agreement").unwrap(),
            Some(CueKind::ObjectAgreement)
        );
        for bad in ["object", "object:weather", "guest"] {
            let error = with_role(bad).unwrap_err().to_string();
            assert!(error.starts_with("t.tsv:1:"), "{bad}: {error}");
        }
    }
}
