//! Rendering an evaluation: an aligned table for people, JSON for machines, and the list of
//! errors with a snippet of text around each.

use std::collections::HashMap;
use std::fmt::Write as _;

use serde_json::{json, Map, Value};

use super::score::{Counts, Evaluation, Mistake};
use super::thresholds::Check;

/// What was evaluated, for the report's header and JSON.
#[derive(Debug, Clone, Default)]
pub struct RunInfo {
    /// The gold path as given.
    pub gold: String,
    /// The gold format's name.
    pub format: String,
    pub split: Option<String>,
    /// Predicted documents without gold, ignored.
    pub without_gold: Vec<String>,
    /// Gold documents without a predicted document, not scored.
    pub without_prediction: Vec<String>,
    /// Predicted documents that failed (scored as empty), as messages.
    pub failed: Vec<String>,
    /// Warnings about the gold (spans that do not match the text, ...).
    pub warnings: Vec<String>,
}

/// Texts of the documents by doc_id (of the gold), for context snippets.
pub type Texts = HashMap<String, String>;

/// A snippet of `text` around the code point span `start..end`: up to `width` code points on
/// each side, the span in `[[ ]]`, whitespace collapsed, `…` where it was cut.
///
/// # Example
/// ```
/// use meldung::eval::report::context;
/// let text = "Am Montag besuchte die Delegation aus Hanoi\ndie Stadt Leipzig.";
/// assert_eq!(context(text, 38, 43, 12), "…egation aus [[Hanoi]] die Stadt L…");
/// assert_eq!(context("Kiel", 0, 4, 10), "[[Kiel]]");
/// ```
pub fn context(text: &str, start: usize, end: usize, width: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    let end = end.min(chars.len());
    let start = start.min(end);
    let from = start.saturating_sub(width);
    let to = (end + width).min(chars.len());
    let piece = |a: usize, b: usize| -> String {
        chars[a..b]
            .iter()
            .map(|&c| if c.is_whitespace() { ' ' } else { c })
            .collect()
    };
    let mut out = String::new();
    if from > 0 {
        out.push('…');
    }
    out.push_str(&piece(from, start));
    out.push_str("[[");
    out.push_str(&piece(start, end));
    out.push_str("]]");
    out.push_str(&piece(end, to));
    if to < chars.len() {
        out.push('…');
    }
    // Collapse runs of spaces.
    let mut collapsed = String::with_capacity(out.len());
    let mut space = false;
    for c in out.chars() {
        if c == ' ' {
            if !space {
                collapsed.push(c);
            }
            space = true;
        } else {
            collapsed.push(c);
            space = false;
        }
    }
    collapsed
}

fn mistake_context(mistake: &Mistake, texts: &Texts) -> Option<String> {
    let (start, end) = mistake.span?;
    let text = texts.get(&mistake.doc_id)?;
    Some(context(text, start, end, 40))
}

fn is_shown(name: &str, counts: &Counts) -> bool {
    // Main rows always; per-type rows only when they have something to count.
    let main = matches!(
        name,
        "entities.strict"
            | "entities.canonical"
            | "dates.strict"
            | "dates.relaxed"
            | "dates.value"
            | "relations.pair"
            | "relations.typed"
    );
    main || counts.gold() + counts.predicted() > 0
}

/// The readable report: header, an aligned table of every score, thresholds, notes.
pub fn render_table(evaluation: &Evaluation, checks: &[Check], info: &RunInfo) -> String {
    let scores = &evaluation.scores;
    let mut out = String::new();
    let _ = write!(
        out,
        "extract eval: {} documents scored against {} ({})",
        scores.documents, info.gold, info.format
    );
    if let Some(split) = &info.split {
        let _ = write!(out, ", split {split}");
    }
    out.push_str("\n\n");
    let width = scores
        .metrics
        .iter()
        .map(|(n, _)| n.chars().count())
        .max()
        .unwrap_or(10)
        .max("published.accuracy".len());
    let _ = writeln!(
        out,
        "{:<width$}  {:>6}  {:>6}  {:>7}  {:>7}  {:>6}  {:>9}  {:>6}  {:>6}",
        "score", "gold", "pred", "correct", "missing", "extra", "precision", "recall", "F1"
    );
    let mut group = "";
    for (name, c) in &scores.metrics {
        if !is_shown(name, c) {
            continue;
        }
        let this_group = name.split('.').next().unwrap_or("");
        if !group.is_empty() && this_group != group {
            out.push('\n');
        }
        group = this_group;
        // Nothing to find and nothing found: the ratios say nothing.
        let ratio = |value: f64| {
            if c.gold() + c.predicted() == 0 {
                "-".to_string()
            } else {
                format!("{value:.3}")
            }
        };
        let _ = writeln!(
            out,
            "{:<width$}  {:>6}  {:>6}  {:>7}  {:>7}  {:>6}  {:>9}  {:>6}  {:>6}",
            name,
            c.gold(),
            c.predicted(),
            c.correct,
            c.missing,
            c.extra,
            ratio(c.precision()),
            ratio(c.recall()),
            ratio(c.f1())
        );
    }
    let p = scores.published;
    if p.total > 0 {
        let _ = writeln!(
            out,
            "\n{:<width$}  {:>6}  {:>6}  {:>7}  {:>7}  {:>6}  {:>9.3}",
            "published.accuracy",
            p.total,
            "",
            p.correct,
            p.total - p.correct,
            "",
            p.accuracy()
        );
    }
    if !checks.is_empty() {
        let failed = checks.iter().filter(|c| !c.passed()).count();
        if failed == 0 {
            let _ = writeln!(out, "\nthresholds: all {} met", checks.len());
        } else {
            let _ = writeln!(out, "\nthresholds: {failed} of {} not met", checks.len());
        }
        let key_width = checks
            .iter()
            .map(|c| c.threshold.key.len())
            .max()
            .unwrap_or(0);
        for c in checks {
            let _ = writeln!(
                out,
                "  {:<4}  {:<key_width$}  {:.3} {} {:.3}  ({})",
                if c.passed() { "ok" } else { "FAIL" },
                c.threshold.key,
                c.value,
                if c.passed() { ">=" } else { "< " },
                c.threshold.min,
                c.threshold.origin
            );
        }
    }
    let notes = notes(info);
    if !notes.is_empty() {
        out.push('\n');
        for note in notes {
            let _ = writeln!(out, "note: {note}");
        }
    }
    out
}

fn list(ids: &[String]) -> String {
    const SHOWN: usize = 8;
    let mut s = ids
        .iter()
        .take(SHOWN)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if ids.len() > SHOWN {
        let _ = write!(s, ", … ({} more)", ids.len() - SHOWN);
    }
    s
}

fn documents(n: usize) -> String {
    if n == 1 {
        "1 document".to_string()
    } else {
        format!("{n} documents")
    }
}

fn notes(info: &RunInfo) -> Vec<String> {
    let mut notes = Vec::new();
    if !info.without_gold.is_empty() {
        notes.push(format!(
            "{} without a gold record, ignored: {}",
            documents(info.without_gold.len()),
            list(&info.without_gold)
        ));
    }
    if !info.without_prediction.is_empty() {
        notes.push(format!(
            "{} of the gold not among the documents, not scored: {}",
            documents(info.without_prediction.len()),
            list(&info.without_prediction)
        ));
    }
    for failed in &info.failed {
        notes.push(format!("scored as empty: {failed}"));
    }
    notes.extend(info.warnings.iter().cloned());
    notes
}

/// The errors, grouped by document, each with its metric and a snippet of text.
pub fn render_mistakes(evaluation: &Evaluation, texts: &Texts) -> String {
    if evaluation.mistakes.is_empty() {
        return " none\n".to_string();
    }
    let mut out = String::new();
    let mut doc = None;
    for mistake in &evaluation.mistakes {
        if doc != Some(&mistake.doc_id) {
            let _ = writeln!(out, "\n{}", mistake.doc_id);
            doc = Some(&mistake.doc_id);
        }
        let _ = writeln!(
            out,
            "  {:<7}  {:<18}  {}",
            mistake.kind.label(),
            mistake.metric,
            mistake.item
        );
        if let Some(snippet) = mistake_context(mistake, texts) {
            let _ = writeln!(out, "           {snippet}");
        }
    }
    out
}

fn counts_json(c: &Counts) -> Value {
    json!({
        "gold": c.gold(),
        "predicted": c.predicted(),
        "correct": c.correct,
        "missing": c.missing,
        "extra": c.extra,
        "precision": c.precision(),
        "recall": c.recall(),
        "f1": c.f1(),
    })
}

/// The machine-readable report. `mistakes` adds the `errors` array.
pub fn render_json(
    evaluation: &Evaluation,
    checks: &[Check],
    info: &RunInfo,
    mistakes: Option<&Texts>,
) -> Value {
    let scores = &evaluation.scores;
    let mut metrics = Map::new();
    for (name, c) in &scores.metrics {
        metrics.insert(name.clone(), counts_json(c));
    }
    let mut report = json!({
        "gold": info.gold,
        "format": info.format,
        "split": info.split,
        "documents": scores.documents,
        "scores": metrics,
        "published": {
            "correct": scores.published.correct,
            "total": scores.published.total,
            "accuracy": scores.published.accuracy(),
        },
        "thresholds": checks.iter().map(|c| json!({
            "key": c.threshold.key,
            "min": c.threshold.min,
            "value": c.value,
            "passed": c.passed(),
            "origin": c.threshold.origin,
        })).collect::<Vec<_>>(),
        "passed": checks.iter().all(Check::passed),
        "without_gold": info.without_gold,
        "without_prediction": info.without_prediction,
        "failed": info.failed,
        "warnings": info.warnings,
    });
    if let Some(texts) = mistakes {
        report["errors"] = evaluation
            .mistakes
            .iter()
            .map(|m| {
                json!({
                    "doc_id": m.doc_id,
                    "metric": m.metric,
                    "kind": m.kind.label(),
                    "item": m.item,
                    "start": m.span.map(|s| s.0),
                    "end": m.span.map(|s| s.1),
                    "context": mistake_context(m, texts),
                })
            })
            .collect();
    }
    report
}
