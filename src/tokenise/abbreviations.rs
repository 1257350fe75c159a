//! The abbreviation list (`resources/tokenise/abbreviations.tsv`).

use crate::gazetteer::{FastMap, FastSet};

use crate::resources::{DataFile, ResourceError};

/// Known abbreviations, each with whether it may end a sentence.
///
/// # Example
/// ```
/// use meldung::tokenise::Abbreviations;
/// let list = Abbreviations::load_default().unwrap();
/// assert!(list.contains("z.B."));
/// assert!(list.contains("z. B."));
/// assert!(list.may_end_sentence("usw."));
/// assert!(!list.may_end_sentence("Dr."));
/// ```
#[derive(Debug, Clone, Default)]
pub struct Abbreviations {
    /// Abbreviation (multi-part forms with single spaces) → may end a sentence.
    entries: FastMap<String, bool>,
    /// Longest number of space-separated parts of any entry.
    max_parts: usize,
    /// First parts of multi-part forms, to skip joining attempts cheaply.
    multi_part_heads: FastSet<String>,
    /// The length in bytes of the longest entry: longer words are no abbreviation, without
    /// a look at the table.
    max_len: usize,
    /// Per first byte, one bit per length in bytes of the entries starting with it (63 for 63
    /// and longer; empty before the list is read): most words with a period ("Jahr.",
    /// "Berlin.") are told from the abbreviations by these without hashing.
    lengths: Vec<u64>,
}

impl Abbreviations {
    /// The list compiled into the binary.
    pub fn load_default() -> Result<Abbreviations, ResourceError> {
        Abbreviations::parse(crate::data_file!("resources/tokenise/abbreviations.tsv"))
    }

    /// Parses and validates a list: every entry ends with a period, has no leading or trailing
    /// space, parts separated by single spaces, flags empty or `eos`, no duplicates.
    pub fn parse(file: DataFile<'_>) -> Result<Abbreviations, ResourceError> {
        let mut list = Abbreviations {
            lengths: vec![0; 256],
            ..Abbreviations::default()
        };
        for row in file.rows(1) {
            let row = row?;
            let form = row.fields[0];
            let flags = row.fields.get(1).copied().unwrap_or("").trim();
            if !form.ends_with('.') {
                return Err(row.error(
                    file.name,
                    format!("abbreviation {form:?} must end with '.'"),
                ));
            }
            if form.trim() != form || form.contains("  ") || form.contains('\t') {
                return Err(row.error(file.name, format!("abbreviation {form:?} has stray spaces")));
            }
            let may_end = match flags {
                "" => false,
                "eos" => true,
                other => {
                    return Err(row.error(
                        file.name,
                        format!("unknown flag {other:?} (expected eos or nothing)"),
                    ))
                }
            };
            if list.entries.insert(form.to_string(), may_end).is_some() {
                return Err(row.error(file.name, format!("duplicate abbreviation {form:?}")));
            }
            let parts = form.split(' ').count();
            if parts > 1 {
                list.multi_part_heads
                    .insert(form.split(' ').next().unwrap_or("").to_string());
            }
            list.max_parts = list.max_parts.max(parts);
            list.max_len = list.max_len.max(form.len());
            list.lengths[usize::from(form.as_bytes()[0])] |= 1 << form.len().min(63);
        }
        Ok(list)
    }

    /// Whether `form` (with its final period) is a known abbreviation.
    pub fn contains(&self, form: &str) -> bool {
        self.may_hold(form) && self.entries.contains_key(form)
    }

    /// Whether `form` is known and flagged as able to end a sentence.
    pub fn may_end_sentence(&self, form: &str) -> bool {
        self.may_hold(form) && self.entries.get(form).copied().unwrap_or(false)
    }

    /// Whether some entry has the length and first byte of `form`.
    #[inline]
    fn may_hold(&self, form: &str) -> bool {
        form.len() <= self.max_len
            && form.as_bytes().first().is_some_and(|&first| {
                self.lengths
                    .get(usize::from(first))
                    .is_some_and(|lengths| lengths >> form.len().min(63) & 1 == 1)
            })
    }

    /// Whether some multi-part entry starts with `part`.
    pub(crate) fn starts_multi_part(&self, part: &str) -> bool {
        self.multi_part_heads.contains(part)
    }

    /// The largest number of parts of a multi-part entry.
    pub(crate) fn max_parts(&self) -> usize {
        self.max_parts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_malformed_entries_with_file_and_line() {
        let cases = [
            (
                "Dr.\nProf\n",
                "t.tsv:2: abbreviation \"Prof\" must end with '.'",
            ),
            ("Dr.\nDr.\n", "t.tsv:2: duplicate abbreviation \"Dr.\""),
            (
                "# c\nusw.\tfinal\n",
                "t.tsv:2: unknown flag \"final\" (expected eos or nothing)",
            ),
            (
                "z.  B.\n",
                "t.tsv:1: abbreviation \"z.  B.\" has stray spaces",
            ),
        ];
        for (content, expected) in cases {
            let err = Abbreviations::parse(DataFile {
                name: "t.tsv",
                content,
            })
            .unwrap_err();
            assert_eq!(err.to_string(), expected);
        }
    }

    #[test]
    fn every_entry_passes_the_length_filter() {
        let list = Abbreviations::load_default().unwrap();
        for (form, &may_end) in &list.entries {
            assert!(list.contains(form), "{form:?}");
            assert_eq!(list.may_end_sentence(form), may_end, "{form:?}");
        }
        for word in [
            "Jahr.",
            "Berlin.",
            "x",
            "",
            "Dr",
            "Zusammenarbeitsvereinbarung.",
        ] {
            assert_eq!(
                list.contains(word),
                list.entries.contains_key(word),
                "{word:?}"
            );
        }
    }

    #[test]
    fn default_list_loads() {
        let list = Abbreviations::load_default().unwrap();
        assert!(list.contains("v. l. n. r."));
        assert!(list.starts_multi_part("v."));
        assert!(list.max_parts() >= 4);
    }
}
