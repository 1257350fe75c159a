//! Evaluation against gold annotations (in progress).

pub mod wikiwars;
