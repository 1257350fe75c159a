//! Evaluation against gold annotations (not yet implemented).
