//! WikiWarsDE (TIMEX2 gold) reader and the date scorer.
//!
//! WikiWarsDE (Strötgen and Gertz 2011) holds 22 German Wikipedia articles on wars with TIMEX2
//! annotations: `in/*.sgm` is the raw text in an ACE SGML envelope, `key/*.key.apf.xml` the
//! stand-off annotations. The APF offsets are UTF-8 **byte** offsets into the file with every
//! SGML tag removed, and `END` is inclusive; entities such as `&amp;` count as written. The
//! reader keeps only the `<TEXT>` part (entities decoded) as the document text and converts the
//! gold spans to code point offsets into it; the document creation time, outside `<TEXT>`, is
//! not part of the text and is dropped. Articles carry no publication date (narrative mode).
//!
//! Where an APF `timex2` has two `VAL` attributes, the first is the anchor value and the second
//! the value (as the inline files show); the second is used.
//!
//! The scorer ([`score_dates`]) is generic over the `dates` of gold and predicted records:
//! strict (exact span), relaxed (any overlap, one-to-one) and value (relaxed match with the
//! same value), each with precision, recall and F1.

use std::path::Path;

use crate::document::Document;
use crate::record::{DateMention, DateType, Record, Source, SCHEMA_VERSION};
use crate::span::CharIndex;

/// One WikiWarsDE article: the document to run and its gold record.
#[derive(Debug, Clone)]
pub struct Article {
    pub document: Document,
    pub gold: Record,
}

/// Reads every article of a WikiWarsDE directory (with `in/` and `key/`), sorted by name.
pub fn read_dir(dir: &Path) -> Result<Vec<Article>, String> {
    let in_dir = dir.join("in");
    let entries = std::fs::read_dir(&in_dir).map_err(|e| format!("{}: {e}", in_dir.display()))?;
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .filter_map(|e| e.file_name().to_str().map(str::to_string))
        .filter_map(|n| n.strip_suffix(".sgm").map(str::to_string))
        .collect();
    names.sort();
    let mut articles = Vec::with_capacity(names.len());
    for name in names {
        let sgm_path = in_dir.join(format!("{name}.sgm"));
        let apf_path = dir.join("key").join(format!("{name}.key.apf.xml"));
        let sgm = std::fs::read_to_string(&sgm_path)
            .map_err(|e| format!("{}: {e}", sgm_path.display()))?;
        let apf = std::fs::read_to_string(&apf_path)
            .map_err(|e| format!("{}: {e}", apf_path.display()))?;
        let article =
            read_article(&name, &sgm, &apf).map_err(|e| format!("{}: {e}", apf_path.display()))?;
        articles.push(article);
    }
    if articles.is_empty() {
        return Err(format!("{}: no .sgm files", in_dir.display()));
    }
    Ok(articles)
}

/// Decodes the five XML entities at the start of `s`, returning the character and its length.
fn entity(s: &str) -> Option<(char, usize)> {
    for (name, ch) in [
        ("&amp;", '&'),
        ("&lt;", '<'),
        ("&gt;", '>'),
        ("&quot;", '"'),
        ("&apos;", '\''),
    ] {
        if s.starts_with(name) {
            return Some((ch, name.len()));
        }
    }
    None
}

/// Reads one article from its SGML file and APF annotations.
///
/// # Example
/// ```
/// use meldung::eval::wikiwars::read_article;
/// let sgm = "<DOC>\n<TEXT>\nAm 25. Juni 1950 &amp; danach.\n</TEXT>\n</DOC>\n";
/// // Offsets count bytes of the tag-free file: "\n\nAm " is 5 bytes.
/// let apf = r#"<timex2 ID="x-T1" VAL="1950-06-25"><timex2_mention ID="m"><extent>
///   <charseq START="5" END="17">25. Juni 1950</charseq></extent></timex2_mention></timex2>"#;
/// let article = read_article("x", sgm, apf).unwrap();
/// assert_eq!(article.document.text, "\nAm 25. Juni 1950 & danach.\n");
/// let gold = &article.gold.dates[0];
/// assert_eq!((gold.start, gold.end, gold.value.as_str()), (4, 17, "1950-06-25"));
/// ```
pub fn read_article(name: &str, sgm: &str, apf: &str) -> Result<Article, String> {
    // Walk the SGML file: strip tags, keep the TEXT content with entities decoded, and map
    // tag-free byte offsets inside it to byte offsets of the document text.
    let mut stripped = 0usize;
    let mut in_text = false;
    let mut content_start = None;
    let mut text = String::new();
    // map[i] = text byte offset for tag-free offset content_start + i.
    let mut map: Vec<usize> = Vec::new();
    let mut rest = sgm;
    while !rest.is_empty() {
        if rest.starts_with('<') {
            let close = rest.find('>').ok_or("unclosed tag in the SGML file")?;
            let tag = &rest[..=close];
            if tag.eq_ignore_ascii_case("<TEXT>") {
                in_text = true;
                content_start = Some(stripped);
            } else if tag.eq_ignore_ascii_case("</TEXT>") {
                in_text = false;
            }
            rest = &rest[close + 1..];
            continue;
        }
        let (ch, raw_len) = if rest.starts_with('&') {
            entity(rest).unwrap_or(('&', 1))
        } else {
            let ch = rest.chars().next().expect("non-empty");
            (ch, ch.len_utf8())
        };
        if in_text {
            for _ in 0..raw_len {
                map.push(text.len());
            }
            text.push(ch);
        }
        stripped += raw_len;
        rest = &rest[raw_len..];
    }
    let content_start = content_start.ok_or("no <TEXT> in the SGML file")?;
    map.push(text.len());
    let index = CharIndex::new(&text);

    let mut dates = Vec::new();
    let mut search = apf;
    while let Some(open) = search.find("<timex2 ") {
        let after = &search[open..];
        let end = after.find("</timex2>").ok_or("unclosed <timex2>")?;
        let element = &after[..end];
        search = &after[end..];
        let head_end = element.find('>').ok_or("bad <timex2> tag")?;
        let timex_attributes = attributes(&element[..head_end]);
        let value = timex_attributes
            .iter()
            .rev()
            .find(|(k, _)| *k == "VAL")
            .map_or("", |(_, v)| *v);
        let set = timex_attributes
            .iter()
            .any(|(k, v)| *k == "SET" && *v == "YES");
        let mut mentions = &element[head_end..];
        while let Some(at) = mentions.find("<charseq ") {
            let seq = &mentions[at..];
            let tag_end = seq.find('>').ok_or("bad <charseq>")?;
            let attrs = attributes(&seq[..tag_end]);
            let number = |key: &str| -> Result<usize, String> {
                attrs
                    .iter()
                    .find(|(k, _)| *k == key)
                    .and_then(|(_, v)| v.parse().ok())
                    .ok_or(format!("charseq without a numeric {key}"))
            };
            let (start, last) = (number("START")?, number("END")?);
            let quoted = &seq[tag_end + 1..seq.find("</charseq>").unwrap_or(tag_end + 1)];
            mentions = &seq[tag_end..];
            if start < content_start || last + 1 > content_start + map.len() - 1 {
                continue; // The document creation time, outside <TEXT>.
            }
            let byte_start = map[start - content_start];
            let byte_end = map[last + 1 - content_start];
            let span = &text[byte_start..byte_end];
            if span != unescape(quoted) {
                return Err(format!(
                    "offsets {start}..={last} give {span:?}, the annotation says {quoted:?}"
                ));
            }
            dates.push(DateMention {
                id: String::new(),
                date_type: timex2_type(value, set),
                text: span.to_string(),
                start: index.char_offset(byte_start),
                end: index.char_offset(byte_end),
                byte_start,
                byte_end,
                value: value.to_string(),
            });
        }
    }
    dates.sort_by_key(|d| (d.start, d.end));
    for (n, d) in dates.iter_mut().enumerate() {
        d.id = format!("d{}", n + 1);
    }
    let document = Document::new(name, text.clone());
    let gold = Record {
        schema: SCHEMA_VERSION.to_string(),
        doc_id: name.to_string(),
        source: Source {
            path: format!("wikiwarsde/in/{name}.sgm"),
            line: None,
        },
        published: None,
        published_from: None,
        title: None,
        encoding: Some("utf-8".to_string()),
        text_sha256: None,
        char_count: index.char_len(),
        entities: Vec::new(),
        dates,
        relations: Vec::new(),
        error: None,
        warnings: Vec::new(),
    };
    Ok(Article { document, gold })
}

fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(ch) = rest.chars().next() {
        match entity(rest) {
            Some((decoded, len)) if ch == '&' => {
                out.push(decoded);
                rest = &rest[len..];
            }
            _ => {
                out.push(ch);
                rest = &rest[ch.len_utf8()..];
            }
        }
    }
    out
}

/// `KEY="value"` pairs of a tag, in order (duplicates kept).
fn attributes(tag: &str) -> Vec<(&str, &str)> {
    let mut out = Vec::new();
    let mut rest = tag;
    while let Some(eq) = rest.find("=\"") {
        let key = rest[..eq]
            .rsplit(|c: char| c.is_whitespace())
            .next()
            .unwrap_or("");
        let after = &rest[eq + 2..];
        let Some(close) = after.find('"') else { break };
        out.push((key, &after[..close]));
        rest = &after[close + 1..];
    }
    out
}

/// The TIMEX3 type closest to a TIMEX2 value.
fn timex2_type(value: &str, set: bool) -> DateType {
    if set {
        DateType::Set
    } else if value.starts_with('P') && !value.starts_with("PAST") && !value.starts_with("PRES") {
        DateType::Duration
    } else if value.contains('T') && !value.ends_with("_REF") {
        DateType::Time
    } else {
        DateType::Date
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_duplicate_val_attributes_as_anchor_then_value() {
        let attrs = attributes(r#"<timex2 ID="a" VAL="2011-02-16" VAL="PRESENT_REF">"#);
        assert_eq!(
            attrs.iter().rev().find(|(k, _)| *k == "VAL").unwrap().1,
            "PRESENT_REF"
        );
    }

    #[test]
    fn maps_timex2_values_to_types() {
        let cases = [
            ("1950-06-25", false, DateType::Date),
            ("P3D", false, DateType::Duration),
            ("P1D", true, DateType::Set),
            ("1776-12-26T08:00", false, DateType::Time),
            ("PRESENT_REF", false, DateType::Date),
            ("PAST_REF", false, DateType::Date),
        ];
        for (value, set, expected) in cases {
            assert_eq!(timex2_type(value, set), expected, "{value}");
        }
    }
}
