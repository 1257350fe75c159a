//! Evaluation against gold annotations: `extract eval`.
//!
//! * [`gold`] reads gold (record-schema JSON lines, CoNLL/GermEval TSV, WikiWarsDE) and pairs
//!   predicted documents with gold documents;
//! * [`annotations`] is the common view of gold and predicted records the scorer compares;
//! * [`score`] counts correct, missing and extra items per metric (entities strict and by
//!   canonical name, dates strict/relaxed/value, relations by party pair, publication date);
//! * [`thresholds`] parses minimum scores and checks them;
//! * [`report`] renders the table, the JSON and the error list.
//!
//! `docs/eval.md` describes every score, the formats and the command's exit codes.

pub mod annotations;
pub mod conll;
pub mod gold;
pub mod report;
pub mod score;
pub mod thresholds;
pub mod wikiwars;
