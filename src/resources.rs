//! Loading the linguistic data files under `resources/` and the gazetteers under `gazetteers/`.
//!
//! Knowledge lives in data files, not in code: abbreviations, month names, trigger words,
//! patterns. The default files are compiled into the binary (so `extract` works with zero
//! configuration from any directory) and are parsed and validated once at start-up. Every
//! problem is reported as `file:line: message`.

use std::fmt;

/// A data file: its name as shown in messages (a repository-relative path) and its content.
#[derive(Debug, Clone, Copy)]
pub struct DataFile<'a> {
    pub name: &'a str,
    pub content: &'a str,
}

/// Embeds a file from the repository as a [`DataFile`] named by its repository path.
#[macro_export]
macro_rules! data_file {
    ($path:literal) => {
        $crate::resources::DataFile {
            name: $path,
            content: include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/", $path)),
        }
    };
}

/// A problem in a data file, with the place it was found.
///
/// # Example
/// ```
/// use meldung::resources::{DataFile, ResourceError};
/// let file = DataFile { name: "resources/x.tsv", content: "# comment\na\tb\nc\n" };
/// let rows: Result<Vec<_>, ResourceError> = file.rows(2).collect();
/// assert_eq!(rows.unwrap_err().to_string(), "resources/x.tsv:3: expected 2 tab-separated columns, found 1");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResourceError {
    /// The file name as given.
    pub file: String,
    /// 1-based line number, or 0 when the problem concerns the whole file.
    pub line: usize,
    pub message: String,
}

impl ResourceError {
    /// A problem at `file:line`.
    pub fn new(file: &str, line: usize, message: impl Into<String>) -> ResourceError {
        ResourceError {
            file: file.to_string(),
            line,
            message: message.into(),
        }
    }
}

impl fmt::Display for ResourceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(f, "{}:{}: {}", self.file, self.line, self.message)
        }
    }
}

impl std::error::Error for ResourceError {}

/// One data row of a tab-separated file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row<'a> {
    /// 1-based line number in the file.
    pub line: usize,
    pub fields: Vec<&'a str>,
}

impl Row<'_> {
    /// An error located at this row.
    pub fn error(&self, file: &str, message: impl Into<String>) -> ResourceError {
        ResourceError::new(file, self.line, message)
    }
}

impl<'a> DataFile<'a> {
    /// Reads a file from disk (for user-supplied lists); the error names the path.
    pub fn read(path: &str) -> Result<String, ResourceError> {
        std::fs::read_to_string(path).map_err(|e| ResourceError::new(path, 0, e.to_string()))
    }

    /// The data rows: lines that are neither blank nor comments (`#` first), split on tabs.
    ///
    /// With `columns > 0`, every row must have at least that many columns; trailing empty
    /// columns may be omitted only when `columns` is 0. A line with a stray carriage return is
    /// accepted (files edited on Windows).
    pub fn rows(
        &self,
        columns: usize,
    ) -> impl Iterator<Item = Result<Row<'a>, ResourceError>> + '_ {
        let name = self.name;
        self.content
            .lines()
            .enumerate()
            .filter(|(_, line)| {
                let trimmed = line.trim();
                !trimmed.is_empty() && !trimmed.starts_with('#')
            })
            .map(move |(index, line)| {
                let line_no = index + 1;
                let fields: Vec<&str> = line.trim_end_matches('\r').split('\t').collect();
                if columns > 0 && fields.len() < columns {
                    return Err(ResourceError::new(
                        name,
                        line_no,
                        format!(
                            "expected {columns} tab-separated columns, found {}",
                            fields.len()
                        ),
                    ));
                }
                Ok(Row {
                    line: line_no,
                    fields,
                })
            })
    }

    /// The data lines of a one-item-per-line file, trimmed, with their line numbers.
    pub fn items(&self) -> impl Iterator<Item = (usize, &'a str)> + '_ {
        self.content
            .lines()
            .enumerate()
            .map(|(index, line)| (index + 1, line.trim()))
            .filter(|(_, line)| !line.is_empty() && !line.starts_with('#'))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_skip_comments_and_blank_lines_and_keep_line_numbers() {
        let file = DataFile {
            name: "t.tsv",
            content: "# head\n\nJan\t1\r\n  # indented comment\nFeb\t2\n",
        };
        let rows: Vec<Row> = file.rows(2).collect::<Result<_, _>>().unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].line, 3);
        assert_eq!(rows[0].fields, vec!["Jan", "1"]);
        assert_eq!(rows[1].line, 5);
    }

    #[test]
    fn errors_name_file_and_line() {
        let err = ResourceError::new("resources/dates/months.tsv", 7, "unknown month");
        assert_eq!(
            err.to_string(),
            "resources/dates/months.tsv:7: unknown month"
        );
        let whole = ResourceError::new("gazetteers/x.tsv", 0, "No such file");
        assert_eq!(whole.to_string(), "gazetteers/x.tsv: No such file");
    }
}
