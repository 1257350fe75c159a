//! Table-driven tokeniser and sentence-splitter tests.
