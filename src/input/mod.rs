//! Reading documents: text files, directories (walked recursively in sorted order), JSON-lines
//! files and standard input, lazily, one document at a time (memory does not grow with the
//! size of the corpus).
//!
//! Every problem becomes an [`InputEvent::Failed`] (a document was expected: it gets an error
//! record) or an [`InputEvent::Problem`] (nothing was expected to produce a record, such as a
//! directory without documents); the caller reports both and goes on.

pub mod decode;
mod jsonl;

use std::collections::VecDeque;
use std::fs;
use std::io::{self, BufRead};
use std::path::{Path, PathBuf};

use crate::calendar::Date;
use crate::document::Document;
use crate::record::Source;

pub use jsonl::parse_json_document;

/// What reading produced next.
#[derive(Debug)]
pub enum InputEvent {
    /// A document to process; `bytes` is its size as read (for progress and statistics).
    Document { document: Document, bytes: u64 },
    /// A document that could not be read: it gets an error record.
    Failed(InputFailure),
    /// A problem that stands for no document (a directory without documents).
    Problem(InputFailure),
    /// A JSON-lines file met in a directory walk that holds meldung records (`extract`'s own
    /// output or gold annotations: objects with `doc_id` and no `text`), not documents. It is
    /// skipped, so that `extract corpus/ > corpus/out.jsonl` run twice does not read its own
    /// output; naming the file as an argument reads it anyway.
    Skipped { path: String, reason: String },
}

/// Why an input could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputFailure {
    pub doc_id: String,
    pub source: Source,
    /// The `error.kind` of the record.
    pub kind: &'static str,
    /// A message naming the path (and line).
    pub message: String,
}

/// Options for reading.
#[derive(Debug, Clone)]
pub struct InputOptions {
    /// File extensions (without the dot) of text documents inside directories.
    pub extensions: Vec<String>,
    /// Publication date for documents that do not carry one.
    pub default_published: Option<Date>,
}

impl InputOptions {
    /// Extensions as users give them (`txt`, `.md`) without dots or empty entries.
    ///
    /// # Example
    /// ```
    /// use meldung::input::InputOptions;
    /// let given = [".txt".to_string(), String::new(), "md".to_string()];
    /// assert_eq!(InputOptions::extensions(&given), ["txt", "md"]);
    /// ```
    pub fn extensions(given: &[String]) -> Vec<String> {
        given
            .iter()
            .map(|e| e.trim_start_matches('.').to_string())
            .filter(|e| !e.is_empty())
            .collect()
    }
}

impl Default for InputOptions {
    fn default() -> InputOptions {
        InputOptions {
            extensions: vec!["txt".to_string()],
            default_published: None,
        }
    }
}

/// The documents of a list of arguments, in order.
///
/// # Example
/// ```
/// use meldung::input::{Inputs, InputEvent, InputOptions};
/// let dir = std::env::temp_dir().join(format!("meldung-doc-{}", std::process::id()));
/// std::fs::create_dir_all(dir.join("b")).unwrap();
/// std::fs::write(dir.join("b/zwei.txt"), "Zweiter Text").unwrap();
/// std::fs::write(dir.join("a.txt"), "Erster Text").unwrap();
/// let arg = dir.to_string_lossy().into_owned();
/// let ids: Vec<String> = Inputs::new(vec![arg], InputOptions::default())
///     .map(|event| match event {
///         InputEvent::Document { document, .. } => document.id,
///         other => panic!("{other:?}"),
///     })
///     .collect();
/// assert_eq!(ids, ["a", "b/zwei"]);
/// std::fs::remove_dir_all(&dir).unwrap();
/// ```
pub struct Inputs {
    args: VecDeque<String>,
    options: InputOptions,
    /// Sources being read: the top one is active. A JSON-lines file found while walking a
    /// directory is pushed on top of the walk, which resumes when the file is done.
    active: Vec<Source_>,
}

enum Source_ {
    /// Directory walk: stack of sorted entry lists (reversed, so `pop` gives the next one).
    Walk {
        arg: String,
        root: PathBuf,
        stack: Vec<Vec<PathBuf>>,
        found: bool,
    },
    /// A JSON-lines stream.
    Lines(jsonl::JsonLines),
}

impl Inputs {
    /// Reads the given arguments: paths of files or directories, or `-` for standard input.
    pub fn new(args: Vec<String>, options: InputOptions) -> Inputs {
        Inputs {
            args: args.into(),
            options,
            active: Vec::new(),
        }
    }

    fn start_argument(&mut self, arg: String) -> Option<InputEvent> {
        if arg == "-" {
            let reader: Box<dyn BufRead + Send> = Box::new(io::BufReader::new(io::stdin()));
            self.active.push(Source_::Lines(jsonl::JsonLines::new(
                reader,
                "-".to_string(),
                String::new(),
                self.options.default_published,
            )));
            return None;
        }
        let path = PathBuf::from(&arg);
        let metadata = match fs::metadata(&path) {
            Ok(metadata) => metadata,
            Err(err) => {
                let (kind, what) = match err.kind() {
                    io::ErrorKind::NotFound => {
                        ("not_found", "no such file or directory".to_string())
                    }
                    _ => ("unreadable", err.to_string()),
                };
                return Some(InputEvent::Failed(InputFailure {
                    doc_id: strip_extension(&arg),
                    source: Source {
                        path: arg.clone(),
                        line: None,
                    },
                    kind,
                    message: format!("{arg}: {what}"),
                }));
            }
        };
        if metadata.is_dir() {
            let entries = match sorted_entries(&path) {
                Ok(entries) => entries,
                Err(err) => {
                    return Some(InputEvent::Problem(InputFailure {
                        doc_id: arg.clone(),
                        source: Source {
                            path: arg.clone(),
                            line: None,
                        },
                        kind: "unreadable",
                        message: format!("{arg}: cannot read directory: {err}"),
                    }))
                }
            };
            self.active.push(Source_::Walk {
                arg,
                root: path,
                stack: vec![entries],
                found: false,
            });
            return None;
        }
        let id = path
            .file_stem()
            .map(|stem| stem.to_string_lossy().into_owned())
            .unwrap_or_else(|| arg.clone());
        self.open_file(&path, arg, id)
    }

    /// Opens a file found directly or in a walk: a JSON-lines stream or one text document.
    fn open_file(&mut self, path: &Path, shown: String, id: String) -> Option<InputEvent> {
        if has_extension(path, "jsonl") {
            match fs::File::open(path) {
                Ok(file) => {
                    let reader: Box<dyn BufRead + Send> =
                        Box::new(io::BufReader::with_capacity(1 << 16, file));
                    self.active.push(Source_::Lines(jsonl::JsonLines::new(
                        reader,
                        shown,
                        id,
                        self.options.default_published,
                    )));
                    None
                }
                Err(err) => Some(InputEvent::Failed(InputFailure {
                    doc_id: id,
                    source: Source {
                        path: shown.clone(),
                        line: None,
                    },
                    kind: "unreadable",
                    message: format!("{shown}: {err}"),
                })),
            }
        } else {
            Some(read_text_file(
                path,
                shown,
                id,
                self.options.default_published,
            ))
        }
    }

    fn next_in_walk(&mut self) -> Option<InputEvent> {
        loop {
            let Some(Source_::Walk {
                arg,
                root,
                stack,
                found,
            }) = self.active.last_mut()
            else {
                return None;
            };
            let Some(level) = stack.last_mut() else {
                let event = (!*found).then(|| {
                    InputEvent::Problem(InputFailure {
                        doc_id: arg.clone(),
                        source: Source {
                            path: arg.clone(),
                            line: None,
                        },
                        kind: "no_documents",
                        message: format!(
                            "{arg}: directory holds no documents (no .{} or .jsonl files)",
                            self.options.extensions.join(", .")
                        ),
                    })
                });
                self.active.pop();
                return event;
            };
            let Some(path) = level.pop() else {
                stack.pop();
                continue;
            };
            let shown = path.to_string_lossy().into_owned();
            if path.is_dir() {
                match sorted_entries(&path) {
                    Ok(entries) => stack.push(entries),
                    Err(err) => {
                        return Some(InputEvent::Problem(InputFailure {
                            doc_id: shown.clone(),
                            source: Source {
                                path: shown.clone(),
                                line: None,
                            },
                            kind: "unreadable",
                            message: format!("{shown}: cannot read directory: {err}"),
                        }))
                    }
                }
                continue;
            }
            let is_text = self
                .options
                .extensions
                .iter()
                .any(|ext| has_extension(&path, ext));
            if !is_text && !has_extension(&path, "jsonl") {
                continue;
            }
            if !is_text && holds_records(&path) {
                return Some(InputEvent::Skipped {
                    path: shown,
                    reason: "holds meldung records (doc_id, no text), not documents".into(),
                });
            }
            *found = true;
            let relative = path.strip_prefix(&*root).unwrap_or(&path);
            let id = strip_extension(&relative.to_string_lossy());
            let id = id.replace(std::path::MAIN_SEPARATOR, "/");
            if let Some(event) = self.open_file(&path, shown, id) {
                return Some(event);
            }
            // A JSON-lines file: its stream is now on top; the walk resumes after it.
            return None;
        }
    }
}

impl Iterator for Inputs {
    type Item = InputEvent;

    fn next(&mut self) -> Option<InputEvent> {
        loop {
            match self.active.last_mut() {
                Some(Source_::Lines(lines)) => match lines.next() {
                    Some(event) => return Some(event),
                    None => {
                        self.active.pop();
                    }
                },
                Some(Source_::Walk { .. }) => {
                    if let Some(event) = self.next_in_walk() {
                        return Some(event);
                    }
                }
                None => {
                    let arg = self.args.pop_front()?;
                    if let Some(event) = self.start_argument(arg) {
                        return Some(event);
                    }
                }
            }
        }
    }
}

/// Whether the first non-blank line of a JSON-lines file is a meldung record rather than a
/// document: a JSON object with `doc_id` and without `text`. Unreadable files are not records
/// (reading them reports the error).
fn holds_records(path: &Path) -> bool {
    let Ok(file) = fs::File::open(path) else {
        return false;
    };
    let mut reader = io::BufReader::new(file);
    let mut line = String::new();
    loop {
        line.clear();
        match reader.read_line(&mut line) {
            Ok(0) | Err(_) => return false,
            Ok(_) if line.trim().is_empty() => continue,
            Ok(_) => break,
        }
    }
    match serde_json::from_str::<serde_json::Value>(line.trim_start_matches('\u{feff}')) {
        Ok(serde_json::Value::Object(object)) => {
            object.contains_key("doc_id") && !object.contains_key("text")
        }
        _ => false,
    }
}

/// The entries of a directory, sorted by name, reversed (so that `pop` yields them in order).
fn sorted_entries(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut entries = fs::read_dir(dir)?
        .map(|entry| entry.map(|entry| entry.path()))
        .collect::<io::Result<Vec<_>>>()?;
    entries.sort();
    entries.reverse();
    Ok(entries)
}

fn has_extension(path: &Path, ext: &str) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(ext))
}

/// `dir/file.txt` → `dir/file`.
fn strip_extension(path: &str) -> String {
    let file_start = path
        .rfind(['/', std::path::MAIN_SEPARATOR])
        .map_or(0, |i| i + 1);
    match path[file_start..].rfind('.') {
        Some(dot) if dot > 0 => path[..file_start + dot].to_string(),
        _ => path.to_string(),
    }
}

/// Reads and decodes one text file.
fn read_text_file(path: &Path, shown: String, id: String, published: Option<Date>) -> InputEvent {
    let source = Source {
        path: shown.clone(),
        line: None,
    };
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(err) => {
            return InputEvent::Failed(InputFailure {
                doc_id: id,
                source,
                kind: "unreadable",
                message: format!("{shown}: {err}"),
            })
        }
    };
    match decode::decode(&bytes) {
        Ok((text, encoding)) => InputEvent::Document {
            bytes: bytes.len() as u64,
            document: Document {
                id,
                source,
                text,
                published,
                title: None,
                encoding,
                warnings: Vec::new(),
            },
        },
        Err(err) => InputEvent::Failed(InputFailure {
            doc_id: id,
            source,
            kind: err.kind(),
            message: format!("{shown}: {}", err.describe()),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_only_the_last_extension_of_the_file_name() {
        assert_eq!(strip_extension("dev/01_a.txt"), "dev/01_a");
        assert_eq!(strip_extension("v1.2/readme"), "v1.2/readme");
        assert_eq!(strip_extension(".hidden"), ".hidden");
        assert_eq!(strip_extension("a.b.txt"), "a.b");
    }
}
