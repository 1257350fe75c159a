//! Which rules can match in a stretch of text, decided before any rule runs.
//!
//! Every rule pattern needs certain pieces of text to match at all: `{MONTH}` needs a month
//! name, `{YEAR}` a digit, the literal `Quartal` the word "Quartal". [`requirements`] reads
//! them from the rule pattern as written (before its macros are expanded) as a conjunction of
//! clauses, each clause a set of *atoms* of which at least one must occur in the text. An atom
//! is a bit: [`DIGIT`], one bit per vocabulary macro, and one bit (shared by hashing) per
//! literal word of the patterns.
//!
//! The analysis is conservative: whatever it cannot read (flags, look-around) yields no
//! requirement, so a rule is only skipped where it cannot match.
//!
//! # Example
//! ```
//! use meldung::dates::gate::{requirements, DIGIT};
//! const MONTH: u128 = 1 << 1;
//! let macros = |name: &str| match name {
//!     "DAY" | "YEAR" => Some(DIGIT),
//!     "MONTH" => Some(MONTH),
//!     _ => None,
//! };
//! let cnf = requirements(r"(?P<day>{DAY})\.\s*(?P<month>{MONTH})(?:\s+{YEAR})?", &macros, |_| 0)
//!     .unwrap();
//! assert_eq!(cnf, vec![DIGIT, MONTH]);
//! ```

/// The atom for an ASCII digit.
pub const DIGIT: Atoms = 1;

/// Literal runs shorter than this many bytes are too common to narrow anything down.
pub const MIN_LITERAL: usize = 3;

/// A set of atoms, one bit each.
pub type Atoms = u128;

/// Clauses that must all hold; a clause holds when one of its atoms is present.
pub type Cnf = Vec<Atoms>;

/// Whether the atoms present satisfy every clause.
pub fn satisfied(cnf: &[Atoms], present: Atoms) -> bool {
    cnf.iter().all(|clause| clause & present != 0)
}

/// The requirements of one rule pattern with its `{MACRO}`s unexpanded.
///
/// `macro_atom` gives the atom of a macro (`None`: no requirement, such as `{S}`);
/// `literal_atom` the atom of a literal run of at least [`MIN_LITERAL`] bytes that the pattern
/// must match verbatim. An `Err` describes syntax the analysis does not follow.
pub fn requirements(
    pattern: &str,
    macro_atom: &dyn Fn(&str) -> Option<Atoms>,
    mut literal_atom: impl FnMut(&str) -> Atoms,
) -> Result<Cnf, String> {
    let mut parser = Parser {
        chars: pattern.chars().collect(),
        at: 0,
        macro_atom,
        literal_atom: &mut literal_atom,
    };
    let cnf = parser.alternation()?;
    if parser.at != parser.chars.len() {
        return Err(format!("unbalanced `)` at {}", parser.at));
    }
    Ok(cnf)
}

struct Parser<'a> {
    chars: Vec<char>,
    at: usize,
    macro_atom: &'a dyn Fn(&str) -> Option<Atoms>,
    literal_atom: &'a mut dyn FnMut(&str) -> Atoms,
}

/// One element of a sequence before its quantifier is known.
enum Element {
    Literal(char),
    Other(Cnf),
}

/// Most clauses an alternation may produce; dropping clauses only weakens the requirement.
const MAX_CLAUSES: usize = 16;

fn either(a: &Cnf, b: &Cnf) -> Cnf {
    if a.is_empty() || b.is_empty() {
        return Vec::new();
    }
    let mut out: Cnf = Vec::new();
    for x in a {
        for y in b {
            let clause = x | y;
            if !out.contains(&clause) && out.len() < MAX_CLAUSES {
                out.push(clause);
            }
        }
    }
    out
}

impl Parser<'_> {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn alternation(&mut self) -> Result<Cnf, String> {
        let mut cnf = self.sequence()?;
        while self.peek() == Some('|') {
            self.at += 1;
            let next = self.sequence()?;
            cnf = either(&cnf, &next);
        }
        Ok(cnf)
    }

    fn sequence(&mut self) -> Result<Cnf, String> {
        let mut cnf: Cnf = Vec::new();
        let mut run = String::new();
        while let Some(c) = self.peek() {
            if c == '|' || c == ')' {
                break;
            }
            let element = self.element()?;
            let optional = self.quantifier()?;
            match element {
                Some(Element::Literal(ch)) if optional.is_none() => run.push(ch),
                element => {
                    self.flush(&mut run, &mut cnf);
                    if let (Some(Element::Other(inner)), None | Some(false)) = (element, optional) {
                        cnf.extend(inner);
                    }
                }
            }
        }
        self.flush(&mut run, &mut cnf);
        Ok(cnf)
    }

    /// A literal run ends: it needs its digits and, when long enough, itself.
    fn flush(&mut self, run: &mut String, cnf: &mut Cnf) {
        if run.chars().any(|c| c.is_ascii_digit()) {
            cnf.push(DIGIT);
        }
        if run.len() >= MIN_LITERAL {
            let atom = (self.literal_atom)(run);
            if atom != 0 {
                cnf.push(atom);
            }
        }
        run.clear();
    }

    /// `None` without a quantifier, `Some(true)` when the element may be absent,
    /// `Some(false)` when it is repeated at least once.
    fn quantifier(&mut self) -> Result<Option<bool>, String> {
        let optional = match self.peek() {
            Some('?' | '*') => {
                self.at += 1;
                true
            }
            Some('+') => {
                self.at += 1;
                false
            }
            Some('{')
                if self
                    .chars
                    .get(self.at + 1)
                    .is_some_and(char::is_ascii_digit) =>
            {
                let close = self.chars[self.at..]
                    .iter()
                    .position(|&c| c == '}')
                    .ok_or("unclosed `{`")?;
                let body: String = self.chars[self.at + 1..self.at + close].iter().collect();
                self.at += close + 1;
                let min = body.split(',').next().unwrap_or("");
                min.trim().parse::<u32>().map_err(|_| "bad repetition")? == 0
            }
            _ => return Ok(None),
        };
        // Lazy or possessive marker.
        if matches!(self.peek(), Some('?' | '+')) {
            self.at += 1;
        }
        Ok(Some(optional))
    }

    /// One element; `None` for an empty-width element such as `^`.
    fn element(&mut self) -> Result<Option<Element>, String> {
        let c = self.peek().ok_or("unexpected end")?;
        self.at += 1;
        Ok(Some(match c {
            '(' => {
                if self.peek() == Some('?') {
                    self.at += 1;
                    match self.peek() {
                        Some(':') => self.at += 1,
                        Some('P') | Some('<') => {
                            let close = self.chars[self.at..]
                                .iter()
                                .position(|&c| c == '>')
                                .ok_or("unclosed group name")?;
                            self.at += close + 1;
                        }
                        _ => return Err("flags or look-around are not analysed".to_string()),
                    }
                }
                let inner = self.alternation()?;
                if self.peek() != Some(')') {
                    return Err("unclosed `(`".to_string());
                }
                self.at += 1;
                Element::Other(inner)
            }
            '[' => Element::Other(self.class()?),
            '{' => {
                let close = self.chars[self.at..]
                    .iter()
                    .position(|&c| c == '}')
                    .ok_or("unclosed `{`")?;
                let name: String = self.chars[self.at..self.at + close].iter().collect();
                self.at += close + 1;
                Element::Other((self.macro_atom)(&name).into_iter().collect())
            }
            '\\' => {
                let e = self.peek().ok_or("trailing `\\`")?;
                self.at += 1;
                match e {
                    'd' => Element::Other(vec![DIGIT]),
                    c if c.is_ascii_alphanumeric() => Element::Other(Vec::new()),
                    c => Element::Literal(c),
                }
            }
            '^' | '$' => return Ok(None),
            '.' => Element::Other(Vec::new()),
            c => Element::Literal(c),
        }))
    }

    /// A bracketed class: a digit when every member is one.
    fn class(&mut self) -> Result<Cnf, String> {
        let mut only_digits = self.peek() != Some('^');
        let mut first = true;
        loop {
            let c = self.peek().ok_or("unclosed `[`")?;
            self.at += 1;
            match c {
                ']' if !first => break,
                '\\' => {
                    self.at += 1;
                    only_digits = false;
                }
                '[' => return Err("nested classes are not analysed".to_string()),
                '-' => {}
                c if c.is_ascii_digit() => {}
                _ => only_digits = false,
            }
            first = false;
        }
        Ok(if only_digits { vec![DIGIT] } else { Vec::new() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MONTH: Atoms = 1 << 1;
    const UNIT: Atoms = 1 << 2;
    const LIT: Atoms = 1 << 3;

    fn macros(name: &str) -> Option<Atoms> {
        match name {
            "DAY" | "YEAR" => Some(DIGIT),
            "MONTH" => Some(MONTH),
            "UNIT" => Some(UNIT),
            _ => None,
        }
    }

    fn cnf(pattern: &str) -> Result<Cnf, String> {
        requirements(pattern, &macros, |_| LIT)
    }

    #[test]
    fn reads_requirements_from_patterns() {
        let table: &[(&str, Cnf)] = &[
            (r"(?P<day>{DAY})\.(?P<year>{YEAR})", vec![DIGIT, DIGIT]),
            (r"(?:{MONTH}|{UNIT})", vec![MONTH | UNIT]),
            (r"(?:{MONTH}|am)", vec![]),
            (r"(?:{MONTH}{S})?{YEAR}", vec![DIGIT]),
            (r"Quartal(?:{S}{YEAR})?", vec![LIT]),
            (r"Jahre?{S}", vec![LIT]),
            (r"Ja?", vec![]),
            (r"[1-4]\.{S}{UNIT}", vec![DIGIT, UNIT]),
            (r"[^\S\n]+{UNIT}", vec![UNIT]),
            (r"[-–]{UNIT}", vec![UNIT]),
            (r"Q[1-4]", vec![DIGIT]),
            (r"19[0-9]{2}", vec![DIGIT, DIGIT]),
            (r"(?:v\.\s*Chr\.|vor\s+Christus)", vec![LIT]),
            (r"{MONTH}{0,1}", vec![]),
            (r"{MONTH}{1,3}", vec![MONTH]),
        ];
        for (pattern, expected) in table {
            assert_eq!(&cnf(pattern).unwrap(), expected, "{pattern}");
        }
    }

    #[test]
    fn rejects_what_it_cannot_read() {
        for pattern in [r"(?i)monat", r"(?=x)", r"(a", r"a)", r"[a"] {
            assert!(cnf(pattern).is_err(), "{pattern}");
        }
    }

    #[test]
    fn satisfied_needs_every_clause() {
        assert!(satisfied(&[DIGIT, MONTH | UNIT], DIGIT | UNIT));
        assert!(!satisfied(&[DIGIT, MONTH | UNIT], DIGIT));
        assert!(satisfied(&[], 0));
    }
}
