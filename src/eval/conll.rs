//! CoNLL / GermEval 2014 TSV gold: one token per line, `index\ttoken\touter-BIO\tinner-BIO`
//! (a plain `token\tBIO` line also works), `#` comment lines, a blank line ends a sentence.
//!
//! Every sentence is a document whose text is its tokens joined by single spaces; its id is
//! `FILE:LINE` (file name and first line of the sentence). Only the outer PER, LOC and ORG
//! spans are gold: `OTH` and the `deriv`/`part` labels (`B-LOCderiv`, `I-ORGpart`) are not
//! meldung's entity types and count as outside. An `I-` tag that does not continue a span of
//! its type starts one (as conlleval does). A predicted name that starts or ends inside a
//! token (`EU` in `EU-Budget`) is the scheme's `*part` category and is not scored
//! ([`drop_part_mentions`]).

use std::path::Path;

use super::annotations::{Annotations, EntityMention};
use super::gold::{GoldDoc, GoldError, GoldFormat, GoldSet};
use crate::document::Document;
use crate::record::EntityType;

/// A tag's meaning for meldung: `Some((begins, type))` inside a PER/LOC/ORG span.
fn outer_tag(tag: &str) -> Result<Option<(bool, EntityType)>, String> {
    if tag == "O" || tag == "_" || tag == "-" {
        return Ok(None);
    }
    let (prefix, label) = tag
        .split_once('-')
        .ok_or_else(|| format!("tag {tag:?} is neither O nor B-TYPE/I-TYPE"))?;
    let begins = match prefix {
        "B" | "S" => true,
        "I" | "E" => false,
        _ => return Err(format!("tag {tag:?} is neither O nor B-TYPE/I-TYPE")),
    };
    Ok(EntityType::from_label(label).map(|t| (begins, t)))
}

/// Drops the predicted mentions of a CoNLL sentence that start or end inside one of its
/// tokens, and returns how many were dropped.
///
/// GermEval tags whole tokens: a name inside a compound token (`EU` in `EU-Budget`,
/// `Hamburg` in `Hamburg-Besuch`) is its `ORGpart`/`LOCpart` category, which is not PER,
/// LOC or ORG. meldung marks such names on purpose (they are evidence for relations), so on
/// this gold they are mapped to the part category, as a GermEval tagger would, instead of
/// counting as wrong PER/LOC/ORG spans. `text` is the sentence (tokens joined by single
/// spaces); offsets are in code points.
///
/// # Example
/// ```
/// use meldung::eval::annotations::{Annotations, EntityMention};
/// use meldung::eval::conll::drop_part_mentions;
/// use meldung::record::EntityType;
/// let mention = |start, end, text: &str| EntityMention {
///     entity_type: EntityType::Organisation, start, end, text: text.into(),
///     canonical: text.into(), kb_id: None,
/// };
/// let mut predicted = Annotations {
///     entities: vec![mention(4, 6, "EU"), mention(22, 26, "BASF")],
///     ..Default::default()
/// };
/// assert_eq!(drop_part_mentions(&mut predicted, "Das EU-Budget und die BASF"), 1);
/// assert_eq!(predicted.entities[0].text, "BASF");
/// ```
pub fn drop_part_mentions(predicted: &mut Annotations, text: &str) -> usize {
    let chars: Vec<char> = text.chars().collect();
    let starts_token = |at: usize| at == 0 || chars.get(at - 1) == Some(&' ');
    let ends_token = |at: usize| at >= chars.len() || chars[at] == ' ';
    let before = predicted.entities.len();
    predicted
        .entities
        .retain(|e| starts_token(e.start) && ends_token(e.end));
    before - predicted.entities.len()
}

struct Sentence {
    first_line: usize,
    text: String,
    chars: usize,
    entities: Vec<EntityMention>,
    /// The open span: type, start, token texts so far.
    open: Option<(EntityType, usize)>,
}

impl Sentence {
    fn new(first_line: usize) -> Sentence {
        Sentence {
            first_line,
            text: String::new(),
            chars: 0,
            entities: Vec::new(),
            open: None,
        }
    }

    fn close(&mut self) {
        if let Some((entity_type, start)) = self.open.take() {
            let text: String = self.text.chars().skip(start).collect();
            self.entities.push(EntityMention {
                entity_type,
                start,
                end: self.chars,
                canonical: text.clone(),
                text,
                kb_id: None,
            });
        }
    }

    fn push(&mut self, token: &str, tag: Option<(bool, EntityType)>) {
        let continues =
            matches!((tag, self.open), (Some((false, t)), Some((open, _))) if t == open);
        if !continues {
            self.close();
        }
        if !self.text.is_empty() {
            self.text.push(' ');
            self.chars += 1;
        }
        if let (Some((_, entity_type)), false) = (tag, continues) {
            self.open = Some((entity_type, self.chars));
        }
        self.text.push_str(token);
        self.chars += token.chars().count();
    }
}

/// Parses TSV gold; `path` names the file in ids and errors.
///
/// # Example
/// ```
/// use meldung::eval::conll::parse_conll;
/// let tsv = "# s1\n1\tDie\tO\tO\n2\tBASF\tB-ORG\tO\n3\tin\tO\tO\n4\tLudwigshafen\tB-LOC\tO\n\
///            5\tund\tO\tO\n6\tdeutsche\tB-LOCderiv\tO\n\n";
/// let gold = parse_conll(tsv, "ner.tsv").unwrap();
/// let doc = &gold.docs[0];
/// assert_eq!(doc.annotations.doc_id, "ner.tsv:1");
/// assert_eq!(doc.document.as_ref().unwrap().text, "Die BASF in Ludwigshafen und deutsche");
/// let spans: Vec<_> = doc.annotations.entities.iter().map(|e| (e.start, e.end)).collect();
/// assert_eq!(spans, [(4, 8), (12, 24)]);
/// ```
pub fn parse_conll(text: &str, path: &str) -> Result<GoldSet, GoldError> {
    let name = Path::new(path)
        .file_name()
        .map_or_else(|| path.to_string(), |n| n.to_string_lossy().into_owned());
    let mut docs = Vec::new();
    let mut current: Option<Sentence> = None;
    let finish = |sentence: Option<Sentence>, docs: &mut Vec<GoldDoc>| {
        if let Some(mut sentence) = sentence {
            sentence.close();
            if sentence.text.is_empty() {
                return;
            }
            let doc_id = format!("{name}:{}", sentence.first_line);
            let mut document = Document::new(doc_id.clone(), sentence.text);
            document.source.path = path.to_string();
            document.source.line = Some(sentence.first_line as u64);
            docs.push(GoldDoc {
                annotations: Annotations {
                    doc_id,
                    source_path: Some(path.to_string()),
                    entities: sentence.entities,
                    char_count: Some(sentence.chars),
                    ..Annotations::default()
                },
                document: Some(document),
            });
        }
    };
    for (index, line) in text.lines().enumerate() {
        let line_no = index + 1;
        let line = line.trim_end_matches('\r');
        let line = if index == 0 {
            line.trim_start_matches('\u{FEFF}')
        } else {
            line
        };
        if line.trim().is_empty() {
            finish(current.take(), &mut docs);
            continue;
        }
        if line.starts_with('#') {
            // A comment starts a sentence (GermEval) unless tokens have begun.
            if current.as_ref().is_some_and(|s| !s.text.is_empty()) {
                finish(current.take(), &mut docs);
            }
            current.get_or_insert_with(|| Sentence::new(line_no));
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let (token, tag) = match fields.as_slice() {
            [token, tag] => (*token, *tag),
            [index, token, tag, ..] if index.parse::<u32>().is_ok() => (*token, *tag),
            [token, tag, ..] => (*token, *tag),
            _ => {
                return Err(GoldError {
                    path: path.to_string(),
                    line: Some(line_no),
                    message: "expected tab-separated `index, token, outer tag, inner tag`"
                        .to_string(),
                })
            }
        };
        let tag = outer_tag(tag.trim()).map_err(|message| GoldError {
            path: path.to_string(),
            line: Some(line_no),
            message,
        })?;
        if token.is_empty() {
            return Err(GoldError {
                path: path.to_string(),
                line: Some(line_no),
                message: "empty token".to_string(),
            });
        }
        current
            .get_or_insert_with(|| Sentence::new(line_no))
            .push(token, tag);
    }
    finish(current.take(), &mut docs);
    Ok(GoldSet {
        format: GoldFormat::Conll,
        docs,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(tsv: &str) -> Vec<(String, &'static str, String)> {
        let gold = parse_conll(tsv, "t.tsv").unwrap();
        gold.docs
            .iter()
            .flat_map(|doc| {
                doc.annotations.entities.iter().map(move |e| {
                    (
                        doc.annotations.doc_id.clone(),
                        e.entity_type.label(),
                        e.text.clone(),
                    )
                })
            })
            .collect()
    }

    #[test]
    fn reads_outer_spans_of_our_types_only() {
        /// (doc id, type, text) of every span.
        type Spans<'a> = &'a [(&'a str, &'a str, &'a str)];
        let cases: &[(&str, Spans)] = &[
            (
                "# a\n1\tFrau\tO\tO\n2\tAnna\tB-PER\tO\n3\tMüller\tI-PER\tO\n\n",
                &[("t.tsv:1", "PER", "Anna Müller")],
            ),
            // Nested spans: only the outer one counts.
            (
                "# a\n1\tUniversität\tB-ORG\tO\n2\tLeipzig\tI-ORG\tB-LOC\n\n",
                &[("t.tsv:1", "ORG", "Universität Leipzig")],
            ),
            // OTH, deriv and part labels are not ours.
            (
                "1\tdeutsche\tB-LOCderiv\tO\n2\tSPD-Politiker\tB-ORGpart\tO\n3\tTatort\tB-OTH\tO\n\n",
                &[],
            ),
            // I- after O or after another type starts a span; B- after B- splits.
            (
                "1\tBerlin\tI-LOC\tO\n2\tParis\tI-ORG\tO\n3\tRom\tB-LOC\tO\n4\tWien\tB-LOC\tO\n",
                &[
                    ("t.tsv:1", "LOC", "Berlin"),
                    ("t.tsv:1", "ORG", "Paris"),
                    ("t.tsv:1", "LOC", "Rom"),
                    ("t.tsv:1", "LOC", "Wien"),
                ],
            ),
            // Two sentences, ids by first line; comment right after tokens starts a new one.
            (
                "# a\n1\tKiel\tB-LOC\tO\n\n# b\n1\tBonn\tB-LOC\tO\n# c\n1\tUlm\tB-LOC\tO\n",
                &[
                    ("t.tsv:1", "LOC", "Kiel"),
                    ("t.tsv:4", "LOC", "Bonn"),
                    ("t.tsv:6", "LOC", "Ulm"),
                ],
            ),
        ];
        for (tsv, expected) in cases {
            let got = spans(tsv);
            let expected: Vec<(String, &str, String)> = expected
                .iter()
                .map(|(d, t, s)| (d.to_string(), *t, s.to_string()))
                .collect();
            assert_eq!(got, expected, "{tsv:?}");
        }
    }

    #[test]
    fn offsets_are_code_points_into_the_joined_text() {
        let gold =
            parse_conll("1\tÖl\tO\tO\n2\taus\tO\tO\n3\tÄgypten\tB-LOC\tO\n", "t.tsv").unwrap();
        let doc = &gold.docs[0];
        let text = &doc.document.as_ref().unwrap().text;
        let e = &doc.annotations.entities[0];
        let slice: String = text.chars().skip(e.start).take(e.end - e.start).collect();
        assert_eq!(slice, "Ägypten");
        assert_eq!((e.start, e.end), (7, 14));
    }

    #[test]
    fn malformed_lines_name_file_and_line() {
        let cases = [
            ("1\tA\tO\tO\nkaputt\n", "t.tsv:2: "),
            ("1\tA\tX-PER\tO\n", "t.tsv:1: tag \"X-PER\""),
            ("1\tA\tPER\tO\n", "t.tsv:1: tag \"PER\""),
        ];
        for (tsv, prefix) in cases {
            let err = parse_conll(tsv, "t.tsv").unwrap_err().to_string();
            assert!(err.starts_with(prefix), "{err}");
        }
    }
}
