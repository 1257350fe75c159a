//! Capture readers: the rule patterns matched without a regex engine.
//!
//! The multi-pattern DFA ([`super::rules`]) tells which rules match where; a rule's groups are
//! then read by a capture engine. The regex crate's engines for that are general: for patterns
//! that are not one-pass (word lists where one form is a prefix of another, `[01]?[0-9]|2[0-4]`)
//! it is a backtracker, which tries the alternatives of a long word list one by one and costs a
//! few thousand instructions per match, and even the one-pass engine costs hundreds.
//!
//! A [`Reader`] is the same pattern compiled into a small tree ([`Piece`]) and matched the way
//! the regex engine does (leftmost-first: alternatives in order, quantifiers greedy, the first
//! way through that succeeds wins), filling the same capture slots. Alternations of literals
//! (the word lists) are kept by first byte, runs of an ASCII class are read in one go. The
//! compiler ([`Reader::for_pattern`]) knows the syntax the rule files use (literals, escapes,
//! `(?:…)`, `(?P<name>…)`, `|`, greedy `?`, `*`, `+`, `{m,n}`, ASCII classes, `\s`, `[^\S\n]`
//! and classes of single characters); a pattern with anything else keeps its regex engine.
//! Tests check every reader against the regex on the rule examples and on generated text.

use regex_automata::util::primitives::NonMaxUsize;

/// A piece of a pattern.
#[derive(Debug, Clone)]
enum Piece {
    /// One of the forms, tried in order (an alternation of literals); kept by first byte, in
    /// their order (forms with different first bytes never both match).
    Words(Box<[Vec<Vec<u8>>]>),
    /// The bytes as written.
    Lit(Vec<u8>),
    /// `min` to `max` ASCII bytes of a set (one bit per byte below 128), greedy.
    Run(u128, usize, usize),
    /// `[^\S\n]+` (`min` 1) or `[^\S\n]*` (`min` 0): white space on the line, greedy; with
    /// `true`, `\s+` or `\s*` (line breaks included).
    Spaces(usize, bool),
    /// One white-space character (`\s` with `true`, else `[^\S\n]`).
    Space(bool),
    /// The pieces one after the other.
    Seq(Vec<Piece>),
    /// The first alternative that lets the rest match.
    Alt(Vec<Piece>),
    /// Greedy repetition, `min` to `max` times.
    Repeat(Box<Piece>, usize, usize),
    /// A capture group (its index) around a piece.
    Group(usize, Box<Piece>),
}

/// The capture slots of one search (two per group, the whole match included).
type Slots = [Option<NonMaxUsize>];

/// A rule pattern compiled into a program for a small backtracking machine ([`Inst`]), read
/// without a regex engine.
///
/// The program is kept small, as the reads of a document come between the other stages' work
/// and find little of it in the caches: an instruction is eight bytes and refers to the
/// reader's tables by index, and the bytes of every literal and word form lie side by side in
/// one array.
#[derive(Debug, Clone)]
pub struct Reader {
    program: Vec<Inst>,
    /// The bytes of every literal and word form of the program, one after the other.
    bytes: Box<[u8]>,
    /// The word lists of the program ([`Inst::Words`]).
    lists: Box<[WordList]>,
    /// The byte sets of the program's runs ([`Inst::Run`]).
    sets: Box<[u128]>,
    /// For a pattern whose every match has one length, with its groups at fixed places in it
    /// (`(?P<year>1[0-9]{3}|20[0-9]{2})`): that length and the slots with their offsets.
    fixed: Option<Fixed>,
}

/// The layout of every match of a pattern of fixed length ([`Reader::read_matched`]).
#[derive(Debug, Clone)]
struct Fixed {
    len: usize,
    /// Per slot set (two per group, the whole match included): its index and offset.
    slots: Vec<(usize, usize)>,
}

/// The length every match of `piece` has, if one.
fn fixed_len(piece: &Piece) -> Option<usize> {
    match piece {
        Piece::Lit(bytes) => Some(bytes.len()),
        Piece::Words(buckets) => {
            let mut lengths = buckets.iter().flatten().map(Vec::len);
            let first = lengths.next()?;
            lengths.all(|len| len == first).then_some(first)
        }
        &Piece::Run(_, min, max) => (min == max).then_some(min),
        // One white-space character may be one to three bytes.
        Piece::Spaces(..) | Piece::Space(_) => None,
        Piece::Seq(pieces) => pieces.iter().map(fixed_len).sum(),
        Piece::Alt(alternatives) => {
            let mut lengths = alternatives.iter().map(fixed_len);
            let first = lengths.next()??;
            lengths.all(|len| len == Some(first)).then_some(first)
        }
        Piece::Repeat(piece, min, max) => (min == max).then(|| Some(fixed_len(piece)? * min))?,
        Piece::Group(_, piece) => fixed_len(piece),
    }
}

/// Whether `piece` holds a capture group.
fn has_group(piece: &Piece) -> bool {
    match piece {
        Piece::Group(..) => true,
        Piece::Seq(pieces) | Piece::Alt(pieces) => pieces.iter().any(has_group),
        Piece::Repeat(piece, ..) => has_group(piece),
        _ => false,
    }
}

/// The slots of the groups of `piece` (of fixed length) matched from `offset`, into `slots`;
/// `None` where a group's place or taking part depends on the way through (a group inside an
/// alternation or a repetition).
fn fixed_slots(piece: &Piece, offset: usize, slots: &mut Vec<(usize, usize)>) -> Option<()> {
    match piece {
        Piece::Group(group, inner) => {
            slots.push((2 * group, offset));
            slots.push((2 * group + 1, offset + fixed_len(inner)?));
            fixed_slots(inner, offset, slots)
        }
        Piece::Seq(pieces) => {
            let mut at = offset;
            for piece in pieces {
                fixed_slots(piece, at, slots)?;
                at += fixed_len(piece)?;
            }
            Some(())
        }
        Piece::Alt(_) | Piece::Repeat(..) if has_group(piece) => None,
        _ => Some(()),
    }
}

/// One instruction of a [`Reader`]'s program. Where an instruction has more than one way on,
/// it takes the first (in the regex engine's order of preference) and leaves the others on the
/// backtracking stack.
#[derive(Debug, Clone, Copy)]
enum Inst {
    /// The bytes as written: `len` bytes from `at` in [`Reader::bytes`].
    Lit {
        at: u16,
        len: u16,
    },
    /// One of the forms of a word list of [`Reader::lists`], in order.
    Words(u16),
    /// `min` to `max` ASCII bytes of a set of [`Reader::sets`], greedy; `max` [`UNBOUNDED`]
    /// for no bound.
    Run {
        set: u16,
        min: u16,
        max: u16,
    },
    /// A run of white space (`min` 0 or 1), greedy; with `true`, line breaks too.
    Spaces(u8, bool),
    /// One white-space character; with `true`, a line break too.
    Space(bool),
    /// Go on at the first, else at the second.
    Split(u16, u16),
    Jump(u16),
    /// Capture slot `n` here.
    Save(u16),
    Match,
}

// Eight bytes: a program of a hundred instructions fits in a few cache lines.
const _: () = assert!(std::mem::size_of::<Inst>() == 8);

/// The `max` of an [`Inst::Run`] without a bound.
const UNBOUNDED: u16 = u16::MAX;

/// An alternation of literals: its forms kept by first byte (forms with different first bytes
/// never both match), in their order.
#[derive(Debug, Clone)]
struct WordList {
    /// Per first byte: one more than the index in `ranges` of the forms that start with it,
    /// 0 for none.
    bucket_of: [u8; 256],
    /// Per first byte that starts some form: its forms, a range of `forms`.
    ranges: Box<[(u16, u16)]>,
    /// The forms, by first byte and then in their order: where each lies in
    /// [`Reader::bytes`], and its length.
    forms: Box<[(u16, u16)]>,
}

/// What the machine comes back to when a way fails.
#[derive(Debug, Clone, Copy)]
pub enum Frame {
    /// Go on at instruction `pc` from `at`.
    Step(usize, usize),
    /// Put slot `n` back as it was.
    Restore(usize, Option<NonMaxUsize>),
}

/// The set of bytes in `from..=to`.
const fn range(from: u8, to: u8) -> u128 {
    let mut set = 0u128;
    let mut b = from;
    while b <= to {
        set |= 1 << b;
        b += 1;
    }
    set
}

/// The width of the white-space character at the start of `rest` (a line break only with
/// `newline`), or 0.
#[inline]
fn space_width(rest: &[u8], newline: bool) -> usize {
    match rest.first() {
        Some(b' ' | b'\t' | 0x0B | 0x0C | b'\r') => 1,
        Some(b'\n') => usize::from(newline),
        Some(&b) if b >= 0x80 => {
            // Decode the one character (the haystack is a `str` slice on char boundaries).
            let end = rest.len().min(4);
            let text = match std::str::from_utf8(&rest[..end]) {
                Ok(text) => text,
                Err(e) => std::str::from_utf8(&rest[..e.valid_up_to()]).unwrap_or(""),
            };
            match text.chars().next() {
                Some(c) if c.is_whitespace() => c.len_utf8(),
                _ => 0,
            }
        }
        _ => 0,
    }
}

/// Whether `hay` starts with `form`, compared byte by byte: forms are short words, most
/// differ from the text in their first bytes, and a call to `memcmp` costs more than that.
#[inline]
fn starts_with(hay: &[u8], form: &[u8]) -> bool {
    hay.len() >= form.len() && hay.iter().zip(form).all(|(a, b)| a == b)
}

/// What the compiler reads before a quantifier.
enum Atom {
    /// One character as written.
    Char(char),
    /// One byte of an ASCII set.
    Set(u128),
    /// One white-space character; with `true`, a line break too.
    Space(bool),
    /// A group or a parenthesised alternation.
    Piece(Piece),
}

/// The pieces of `alternatives` as one piece: an alternation of literals as [`Piece::Words`].
fn alternation(mut alternatives: Vec<Piece>) -> Piece {
    if alternatives.len() == 1 {
        return alternatives.pop().expect("one alternative");
    }
    let literals: Option<Vec<Vec<u8>>> = alternatives
        .iter()
        .map(|piece| match piece {
            Piece::Lit(bytes) if !bytes.is_empty() => Some(bytes.clone()),
            _ => None,
        })
        .collect();
    match literals {
        Some(forms) => {
            let mut buckets = vec![Vec::new(); 256];
            for form in forms {
                buckets[usize::from(form[0])].push(form);
            }
            Piece::Words(buckets.into_boxed_slice())
        }
        None => Piece::Alt(alternatives),
    }
}

/// A compiler of the rule-pattern syntax into [`Piece`]s; `None` for anything else.
struct Compiler<'p, G> {
    chars: std::iter::Peekable<std::str::Chars<'p>>,
    group: G,
}

impl<G: Fn(&str) -> Option<usize>> Compiler<'_, G> {
    fn eat(&mut self, c: char) -> bool {
        self.chars.next_if_eq(&c).is_some()
    }

    /// An alternation, up to `)` or the end.
    fn alternation(&mut self) -> Option<Piece> {
        let mut alternatives = vec![self.sequence()?];
        while self.eat('|') {
            alternatives.push(self.sequence()?);
        }
        Some(alternation(alternatives))
    }

    /// Pieces one after the other, up to `|`, `)` or the end; literals joined.
    fn sequence(&mut self) -> Option<Piece> {
        let mut pieces: Vec<Piece> = Vec::new();
        while let Some(&c) = self.chars.peek() {
            if c == '|' || c == ')' {
                break;
            }
            let atom = self.atom()?;
            let piece = self.quantified(atom)?;
            match (pieces.last_mut(), piece) {
                (Some(Piece::Lit(before)), Piece::Lit(bytes)) => before.extend(bytes),
                (_, piece) => pieces.push(piece),
            }
        }
        Some(if pieces.len() == 1 {
            pieces.pop().expect("one piece")
        } else if pieces.is_empty() {
            Piece::Lit(Vec::new())
        } else {
            Piece::Seq(pieces)
        })
    }

    fn atom(&mut self) -> Option<Atom> {
        Some(match self.chars.next()? {
            '(' => {
                let index = if self.eat('?') {
                    if self.eat(':') {
                        None
                    } else if self.eat('P') && self.eat('<') {
                        let mut name = String::new();
                        loop {
                            match self.chars.next()? {
                                '>' => break,
                                c => name.push(c),
                            }
                        }
                        Some((self.group)(&name)?)
                    } else {
                        return None;
                    }
                } else {
                    // An unnamed capture group: not used by the rules.
                    return None;
                };
                let inner = self.alternation()?;
                if !self.eat(')') {
                    return None;
                }
                Atom::Piece(match index {
                    Some(index) => Piece::Group(index, Box::new(inner)),
                    None => inner,
                })
            }
            '[' => self.class()?,
            '\\' => match self.chars.next()? {
                's' => Atom::Space(true),
                c if c.is_ascii_punctuation() => Atom::Char(c),
                _ => return None,
            },
            '.' | '^' | '$' | ')' | '|' | '?' | '*' | '+' | '{' | '}' | ']' => return None,
            c => Atom::Char(c),
        })
    }

    /// A class after its `[`: `[^\S\n]`, or ASCII ranges and single characters.
    fn class(&mut self) -> Option<Atom> {
        if self.eat('^') {
            for c in ['\\', 'S', '\\', 'n', ']'] {
                if !self.eat(c) {
                    return None;
                }
            }
            return Some(Atom::Space(false));
        }
        let mut set = 0u128;
        let mut others = Vec::new();
        let mut first = true;
        loop {
            let c = match self.chars.next()? {
                ']' if !first => break,
                '\\' => match self.chars.next()? {
                    c if c.is_ascii_punctuation() => c,
                    _ => return None,
                },
                '[' => return None,
                c => c,
            };
            first = false;
            if self.chars.peek() == Some(&'-') {
                let mut ahead = self.chars.clone();
                ahead.next();
                if let Some(&to) = ahead.peek().filter(|&&to| to != ']') {
                    self.chars = ahead;
                    self.chars.next();
                    if !c.is_ascii() || !to.is_ascii() || to < c {
                        return None;
                    }
                    set |= range(c as u8, to as u8);
                    continue;
                }
            }
            if c.is_ascii() {
                set |= 1 << (c as u8);
            } else {
                others.push(c);
            }
        }
        if others.is_empty() {
            return Some(Atom::Set(set));
        }
        // Characters outside ASCII: an alternation of them, the ASCII ones first (either way
        // one character matches, and no two of them start alike).
        let mut alternatives: Vec<Piece> = (0..128u8)
            .filter(|&b| set >> b & 1 == 1)
            .map(|b| Piece::Lit(vec![b]))
            .collect();
        alternatives.extend(
            others
                .into_iter()
                .map(|c| Piece::Lit(c.to_string().into_bytes())),
        );
        Some(Atom::Piece(alternation(alternatives)))
    }

    /// The atom with the quantifier after it, if any.
    fn quantified(&mut self, atom: Atom) -> Option<Piece> {
        let (min, max) = match self.chars.peek() {
            Some('?') => (0, 1),
            Some('*') => (0, usize::MAX),
            Some('+') => (1, usize::MAX),
            Some('{') => {
                self.chars.next();
                let mut text = String::new();
                loop {
                    match self.chars.next()? {
                        '}' => break,
                        c => text.push(c),
                    }
                }
                let (min, max) = match text.split_once(',') {
                    Some((min, "")) => (min.parse().ok()?, usize::MAX),
                    Some((min, max)) => (min.parse().ok()?, max.parse().ok()?),
                    None => {
                        let n = text.parse().ok()?;
                        (n, n)
                    }
                };
                // Lazy: not used by the rules.
                if self.chars.peek() == Some(&'?') {
                    return None;
                }
                return Some(self.repeat(atom, min, max));
            }
            _ => return Some(self.repeat(atom, 1, 1)),
        };
        self.chars.next();
        if self.chars.peek() == Some(&'?') {
            return None;
        }
        Some(self.repeat(atom, min, max))
    }

    fn repeat(&self, atom: Atom, min: usize, max: usize) -> Piece {
        let piece = match atom {
            Atom::Set(set) => return Piece::Run(set, min, max),
            Atom::Space(newline) if min <= 1 && max == usize::MAX => {
                return Piece::Spaces(min, newline)
            }
            Atom::Space(newline) => Piece::Space(newline),
            Atom::Char(c) => Piece::Lit(c.to_string().into_bytes()),
            Atom::Piece(piece) => piece,
        };
        if (min, max) == (1, 1) {
            piece
        } else {
            Piece::Repeat(Box::new(piece), min, max)
        }
    }
}

impl Reader {
    /// The reader for a rule pattern (macros expanded), with `group` giving the index of each
    /// named group; `None` for a pattern with syntax the compiler does not know.
    ///
    /// # Example
    /// ```
    /// use meldung::dates::readers::Reader;
    /// let reader = Reader::for_pattern("(?P<h>[01]?[0-9]|2[0-4]):00", |name| {
    ///     (name == "h").then_some(1)
    /// })
    /// .unwrap();
    /// let mut slots = [None; 4];
    /// assert!(reader.read(b"14:00 Uhr", &mut slots));
    /// let span = |i: usize| slots[i].map(|s| s.get());
    /// assert_eq!((span(0), span(1), span(2), span(3)), (Some(0), Some(5), Some(0), Some(2)));
    /// ```
    pub fn for_pattern(pattern: &str, group: impl Fn(&str) -> Option<usize>) -> Option<Reader> {
        let mut compiler = Compiler {
            chars: pattern.chars().peekable(),
            group,
        };
        let root = compiler.alternation()?;
        if compiler.chars.next().is_some() {
            return None;
        }
        let mut program = Program::default();
        program.compile(&root)?;
        program.push(Inst::Match)?;
        let fixed = fixed_len(&root).and_then(|len| {
            let mut slots = vec![(0, 0), (1, len)];
            fixed_slots(&root, 0, &mut slots)?;
            Some(Fixed { len, slots })
        });
        Some(Reader {
            program: program.insts,
            bytes: program.bytes.into_boxed_slice(),
            lists: program.lists.into_boxed_slice(),
            sets: program.sets.into_boxed_slice(),
            fixed,
        })
    }

    /// [`Reader::read_with`] where the pattern is known to match at the start of `hay` (the
    /// multi-pattern DFA of the rules has found a match of it there). A pattern whose every
    /// match has one length, with its groups at fixed places, then needs no walk: its match
    /// is the first that many bytes, and its slots are set from their offsets.
    pub fn read_matched(&self, hay: &[u8], slots: &mut Slots, stack: &mut Vec<Frame>) -> bool {
        match &self.fixed {
            Some(fixed) if hay.len() >= fixed.len => {
                slots.fill(None);
                for &(slot, offset) in &fixed.slots {
                    if let Some(slot) = slots.get_mut(slot) {
                        *slot = NonMaxUsize::new(offset);
                    }
                }
                debug_assert!({
                    let mut walked = vec![None; slots.len()];
                    self.read_with(hay, &mut walked, stack) && walked == *slots
                });
                true
            }
            _ => self.read_with(hay, slots, stack),
        }
    }

    /// The `len` bytes from `at` of the program's bytes (a literal or a word form).
    #[inline]
    fn piece_of(&self, at: u16, len: u16) -> &[u8] {
        let at = usize::from(at);
        &self.bytes[at..at + usize::from(len)]
    }

    /// Whether the pattern's matches have one length and its groups fixed places
    /// ([`Reader::read_matched`]).
    pub fn is_fixed(&self) -> bool {
        self.fixed.is_some()
    }

    /// Matches anchored at the start of `haystack` and fills `slots` as the regex engine
    /// would (slots of groups not taking part stay `None`); false if no match (the slots then
    /// hold whatever the last way tried left in them).
    pub fn read(&self, haystack: &[u8], slots: &mut Slots) -> bool {
        self.read_with(haystack, slots, &mut Vec::new())
    }

    /// [`Reader::read`] with a stack to reuse.
    pub fn read_with(&self, hay: &[u8], slots: &mut Slots, stack: &mut Vec<Frame>) -> bool {
        slots.fill(None);
        stack.clear();
        stack.push(Frame::Step(0, 0));
        while let Some(frame) = stack.pop() {
            let (mut pc, mut at) = match frame {
                Frame::Step(pc, at) => (pc, at),
                Frame::Restore(n, value) => {
                    if let Some(slot) = slots.get_mut(n) {
                        *slot = value;
                    }
                    continue;
                }
            };
            loop {
                match self.program[pc] {
                    Inst::Lit { at: from, len } => {
                        let bytes = self.piece_of(from, len);
                        if !starts_with(&hay[at..], bytes) {
                            break;
                        }
                        at += bytes.len();
                    }
                    Inst::Words(list) => {
                        let list = &self.lists[usize::from(list)];
                        let rest = &hay[at..];
                        let Some(&first) = rest.first() else {
                            break;
                        };
                        let Some(bucket) = list.bucket_of[usize::from(first)].checked_sub(1) else {
                            break;
                        };
                        let (from, to) = list.ranges[usize::from(bucket)];
                        let mut forms = list.forms[usize::from(from)..usize::from(to)]
                            .iter()
                            .map(|&(from, len)| self.piece_of(from, len))
                            .filter(|form| starts_with(rest, form));
                        let Some(best) = forms.next() else {
                            break;
                        };
                        // The others, the first of them on top.
                        let mark = stack.len();
                        stack.extend(forms.map(|form| Frame::Step(pc + 1, at + form.len())));
                        stack[mark..].reverse();
                        at += best.len();
                    }
                    Inst::Run { set, min, max } => {
                        let set = self.sets[usize::from(set)];
                        let max = if max == UNBOUNDED {
                            usize::MAX
                        } else {
                            usize::from(max)
                        };
                        let min = usize::from(min);
                        let run = hay[at..]
                            .iter()
                            .take(max)
                            .take_while(|&&b| b < 128 && set >> b & 1 == 1)
                            .count();
                        if run < min {
                            break;
                        }
                        stack.extend((min..run).map(|n| Frame::Step(pc + 1, at + n)));
                        at += run;
                    }
                    Inst::Spaces(min, newline) => {
                        let min = usize::from(min);
                        let mark = stack.len();
                        if min == 0 {
                            stack.push(Frame::Step(pc + 1, at));
                        }
                        let mut end = at;
                        loop {
                            let width = space_width(&hay[end..], newline);
                            if width == 0 {
                                break;
                            }
                            if end > at {
                                stack.push(Frame::Step(pc + 1, end));
                            }
                            end += width;
                        }
                        if end == at {
                            stack.truncate(mark);
                            if min > 0 {
                                break;
                            }
                        }
                        at = end;
                    }
                    Inst::Space(newline) => match space_width(&hay[at..], newline) {
                        0 => break,
                        width => at += width,
                    },
                    Inst::Split(first, second) => {
                        stack.push(Frame::Step(usize::from(second), at));
                        pc = usize::from(first);
                        continue;
                    }
                    Inst::Jump(to) => {
                        pc = usize::from(to);
                        continue;
                    }
                    Inst::Save(n) => {
                        let n = usize::from(n);
                        if let Some(slot) = slots.get_mut(n) {
                            // Only a way left on the stack may need the slot back; with none
                            // left, a failure ends the search (slots unread).
                            if !stack.is_empty() {
                                stack.push(Frame::Restore(n, *slot));
                            }
                            *slot = NonMaxUsize::new(at);
                        }
                    }
                    Inst::Match => {
                        if slots.len() >= 2 {
                            slots[0] = NonMaxUsize::new(0);
                            slots[1] = NonMaxUsize::new(at);
                        }
                        return true;
                    }
                }
                pc += 1;
            }
        }
        false
    }
}

/// A [`Reader`]'s program as it is compiled.
#[derive(Default)]
struct Program {
    insts: Vec<Inst>,
    bytes: Vec<u8>,
    lists: Vec<WordList>,
    sets: Vec<u128>,
}

/// `n` as a `u16`, or `None` (the program is then too large for its eight-byte instructions).
fn small(n: usize) -> Option<u16> {
    u16::try_from(n).ok()
}

impl Program {
    /// The index of the next instruction.
    fn next(&self) -> Option<u16> {
        small(self.insts.len())
    }

    fn push(&mut self, inst: Inst) -> Option<()> {
        self.next()?;
        self.insts.push(inst);
        Some(())
    }

    /// `bytes` added to the program's bytes: where they lie and their length.
    fn add_bytes(&mut self, bytes: &[u8]) -> Option<(u16, u16)> {
        let at = small(self.bytes.len())?;
        let len = small(bytes.len())?;
        small(self.bytes.len() + bytes.len())?;
        self.bytes.extend_from_slice(bytes);
        Some((at, len))
    }

    /// Appends the program of `piece`; `None` for a repetition the machine cannot run (an
    /// unbounded one of anything but a class or white space) or a program too large.
    fn compile(&mut self, piece: &Piece) -> Option<()> {
        match piece {
            Piece::Words(buckets) => {
                let mut list = WordList {
                    bucket_of: [0; 256],
                    ranges: Box::default(),
                    forms: Box::default(),
                };
                let mut ranges = Vec::new();
                let mut forms = Vec::new();
                for (first, bucket) in buckets.iter().enumerate() {
                    if bucket.is_empty() {
                        continue;
                    }
                    let from = small(forms.len())?;
                    for form in bucket {
                        forms.push(self.add_bytes(form)?);
                    }
                    ranges.push((from, small(forms.len())?));
                    list.bucket_of[first] = u8::try_from(ranges.len()).ok()?;
                }
                list.ranges = ranges.into_boxed_slice();
                list.forms = forms.into_boxed_slice();
                let index = small(self.lists.len())?;
                self.lists.push(list);
                self.push(Inst::Words(index))?;
            }
            Piece::Lit(bytes) => {
                if !bytes.is_empty() {
                    let (at, len) = self.add_bytes(bytes)?;
                    self.push(Inst::Lit { at, len })?;
                }
            }
            &Piece::Run(set, min, max) => {
                let max = if max == usize::MAX {
                    UNBOUNDED
                } else {
                    small(max).filter(|&max| max != UNBOUNDED)?
                };
                let index = match self.sets.iter().position(|&s| s == set) {
                    Some(index) => index,
                    None => {
                        self.sets.push(set);
                        self.sets.len() - 1
                    }
                };
                self.push(Inst::Run {
                    set: small(index)?,
                    min: small(min)?,
                    max,
                })?;
            }
            &Piece::Spaces(min, newline) => {
                self.push(Inst::Spaces(u8::try_from(min).ok()?, newline))?
            }
            &Piece::Space(newline) => self.push(Inst::Space(newline))?,
            Piece::Seq(pieces) => {
                for piece in pieces {
                    self.compile(piece)?;
                }
            }
            Piece::Alt(alternatives) => {
                // Split(a, next) a Jump(end) Split(b, next) b Jump(end) … last
                let mut jumps = Vec::new();
                for (i, alternative) in alternatives.iter().enumerate() {
                    if i + 1 < alternatives.len() {
                        let split = self.next()?;
                        self.push(Inst::Split(split.checked_add(1)?, 0))?;
                        self.compile(alternative)?;
                        jumps.push(self.next()?);
                        self.push(Inst::Jump(0))?;
                        let next = self.next()?;
                        self.insts[usize::from(split)] = Inst::Split(split.checked_add(1)?, next);
                    } else {
                        self.compile(alternative)?;
                    }
                }
                let end = self.next()?;
                for jump in jumps {
                    self.insts[usize::from(jump)] = Inst::Jump(end);
                }
            }
            &Piece::Repeat(ref piece, min, max) => {
                if max == usize::MAX || max > 16 {
                    return None;
                }
                for _ in 0..min {
                    self.compile(piece)?;
                }
                // Each optional copy: Split(copy, end) copy …
                let mut splits = Vec::new();
                for _ in min..max {
                    splits.push(self.next()?);
                    self.push(Inst::Split(0, 0))?;
                    self.compile(piece)?;
                }
                let end = self.next()?;
                for split in splits {
                    self.insts[usize::from(split)] = Inst::Split(split.checked_add(1)?, end);
                }
            }
            Piece::Group(group, piece) => {
                self.push(Inst::Save(small(2 * group)?))?;
                self.compile(piece)?;
                self.push(Inst::Save(small(2 * group + 1)?))?;
            }
        }
        Some(())
    }
}
