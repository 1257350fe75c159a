//! Minimum scores: `--min KEY=VALUE` flags and thresholds files.
//!
//! A thresholds file holds `key = value` lines (the keys of [`Scores::value`], values in
//! 0..=1), `#` comments, and optional `[split]` section headers: keys before any header apply
//! to every run, keys under `[dev]` only with `--split dev` (where they replace the general
//! value). The syntax is a subset of TOML.

use std::fmt;

use super::score::{is_known_key, Scores};

/// A minimum for one score, with where it was set (`file:line` or `--min`).
#[derive(Debug, Clone, PartialEq)]
pub struct Threshold {
    pub key: String,
    pub min: f64,
    pub origin: String,
}

/// A malformed threshold, as `origin: message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThresholdError {
    pub origin: String,
    pub message: String,
}

impl fmt::Display for ThresholdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.origin, self.message)
    }
}

impl std::error::Error for ThresholdError {}

fn parse_pair(key: &str, value: &str, origin: &str) -> Result<Threshold, ThresholdError> {
    let error = |message: String| ThresholdError {
        origin: origin.to_string(),
        message,
    };
    let key = key.trim().trim_matches('"').trim();
    if !is_known_key(key) {
        return Err(error(format!(
            "unknown score {key:?} (keys look like entities.strict.f1, entities.PER.canonical.recall, \
             dates.value.f1, relations.pair.f1, published.accuracy; see docs/eval.md)"
        )));
    }
    let value = value.trim().trim_matches('"').trim();
    let min: f64 = value
        .parse()
        .map_err(|_| error(format!("{key}: {value:?} is not a number")))?;
    if !(0.0..=1.0).contains(&min) {
        return Err(error(format!("{key}: {min} is outside 0..1")));
    }
    Ok(Threshold {
        key: key.to_string(),
        min,
        origin: origin.to_string(),
    })
}

/// Parses a `--min KEY=VALUE` argument.
///
/// # Example
/// ```
/// use meldung::eval::thresholds::parse_min;
/// let t = parse_min("entities.PER.strict.f1=0.6").unwrap();
/// assert_eq!((t.key.as_str(), t.min), ("entities.PER.strict.f1", 0.6));
/// assert!(parse_min("entities.f1=0.6").is_err());
/// assert!(parse_min("dates.value.f1=1.5").is_err());
/// ```
pub fn parse_min(arg: &str) -> Result<Threshold, ThresholdError> {
    let (key, value) = arg.split_once('=').ok_or_else(|| ThresholdError {
        origin: "--min".to_string(),
        message: format!("{arg:?} is not KEY=VALUE"),
    })?;
    parse_pair(key, value, "--min")
}

/// Parses a thresholds file; `path` names it in errors, `split` selects a section.
///
/// # Example
/// ```
/// use meldung::eval::thresholds::parse_file;
/// let text = "# minimum scores\nentities.strict.f1 = 0.5\n\n[test]\nentities.strict.f1 = 0.4 # lower\n[dev]\ndates.value.f1 = 0.7\n";
/// let all = parse_file(text, "t.toml", None).unwrap();
/// assert_eq!(all.len(), 1);
/// let test = parse_file(text, "t.toml", Some("test")).unwrap();
/// assert_eq!((test[0].min, test[0].origin.as_str()), (0.4, "t.toml:5"));
/// let err = parse_file("dates.f1 = 0.5\n", "t.toml", None).unwrap_err();
/// assert!(err.to_string().starts_with("t.toml:1: unknown score"));
/// ```
pub fn parse_file(
    text: &str,
    path: &str,
    split: Option<&str>,
) -> Result<Vec<Threshold>, ThresholdError> {
    let mut general: Vec<Threshold> = Vec::new();
    let mut selected: Vec<Threshold> = Vec::new();
    let mut section: Option<String> = None;
    for (index, line) in text.lines().enumerate() {
        let origin = format!("{path}:{}", index + 1);
        let line = strip_comment(line).trim();
        if line.is_empty() {
            continue;
        }
        if let Some(rest) = line.strip_prefix('[') {
            let name = rest
                .strip_suffix(']')
                .map(|n| n.trim().trim_matches('"').trim())
                .filter(|n| !n.is_empty() && !n.contains(['[', ']', '=']))
                .ok_or_else(|| ThresholdError {
                    origin: origin.clone(),
                    message: format!("malformed section header {line:?} (expected [split])"),
                })?;
            section = Some(name.to_string());
            continue;
        }
        let (key, value) = line.split_once('=').ok_or_else(|| ThresholdError {
            origin: origin.clone(),
            message: format!("expected `key = value`, found {line:?}"),
        })?;
        let threshold = parse_pair(key, value, &origin)?;
        let list = match &section {
            None => &mut general,
            Some(name) if Some(name.as_str()) == split => &mut selected,
            Some(_) => continue,
        };
        if let Some(previous) = list.iter().find(|t| t.key == threshold.key) {
            return Err(ThresholdError {
                origin,
                message: format!("{} is already set at {}", threshold.key, previous.origin),
            });
        }
        list.push(threshold);
    }
    Ok(merge(general, selected))
}

/// `base` with every key of `overrides` replaced or added.
pub fn merge(mut base: Vec<Threshold>, overrides: Vec<Threshold>) -> Vec<Threshold> {
    for t in overrides {
        match base.iter_mut().find(|b| b.key == t.key) {
            Some(b) => *b = t,
            None => base.push(t),
        }
    }
    base
}

fn strip_comment(line: &str) -> &str {
    // Values never hold `#` (numbers only), so everything after one is a comment.
    line.split_once('#').map_or(line, |(before, _)| before)
}

/// The outcome of one threshold.
#[derive(Debug, Clone, PartialEq)]
pub struct Check {
    pub threshold: Threshold,
    pub value: f64,
}

impl Check {
    /// Whether the score reaches the minimum (with a tolerance for rounding of 1e-9).
    pub fn passed(&self) -> bool {
        self.value + 1e-9 >= self.threshold.min
    }
}

/// Checks every threshold against the scores.
pub fn check(scores: &Scores, thresholds: &[Threshold]) -> Vec<Check> {
    thresholds
        .iter()
        .map(|t| Check {
            threshold: t.clone(),
            value: scores.value(&t.key).unwrap_or(0.0),
        })
        .collect()
}
