//! The texts the benches run over: the gold corpus's dev releases and the shared news corpus.

use std::path::PathBuf;

/// The texts of the gold corpus's dev releases, in file-name order; `None` when there are none.
pub fn dev_releases() -> Option<Vec<String>> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus/dev");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    paths.sort();
    let texts: Vec<String> = paths
        .iter()
        .filter_map(|path| std::fs::read_to_string(path).ok())
        .collect();
    (!texts.is_empty()).then_some(texts)
}

/// The texts of `data/news/german_news_docs.jsonl` in the shared folder (`MELDUNG_SHARED`, or
/// `../shared` beside the repository); `None` when it is missing or unreadable.
pub fn news_texts() -> Option<Vec<String>> {
    let shared = std::env::var_os("MELDUNG_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    let content = std::fs::read_to_string(shared.join("data/news/german_news_docs.jsonl")).ok()?;
    content
        .lines()
        .map(|line| {
            let value: serde_json::Value = serde_json::from_str(line).ok()?;
            Some(value.get("text")?.as_str()?.to_string())
        })
        .collect()
}
