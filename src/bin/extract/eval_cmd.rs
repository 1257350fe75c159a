//! `extract eval`: reads gold, obtains predictions (by extracting or from a file), and prints
//! the scores. Scoring, formats and rendering live in `meldung::eval`; this file does I/O and
//! exit codes only.

use std::io::{self, BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use rayon::prelude::*;

use meldung::document::Document;
use meldung::eval::annotations::Annotations;
use meldung::eval::conll::drop_part_mentions;
use meldung::eval::gold::{align, check_spans, read_gold, GoldFormat, GoldSet};
use meldung::eval::report::{render_json, render_mistakes, render_table, RunInfo, Texts};
use meldung::eval::score::Evaluation;
use meldung::eval::thresholds::{check, merge, parse_file, parse_min, Threshold};
use meldung::input::{parse_json_document, InputEvent, InputOptions, Inputs};
use meldung::record::Record;
use meldung::Pipeline;

use crate::cli::EvalArgs;

/// Name of the thresholds file read by default from the gold file's directory.
const DEFAULT_THRESHOLDS: &str = "thresholds.toml";

/// Runs `extract eval`: 0 when every threshold is met, 1 when one is not, 2 on usage errors.
pub fn run(args: EvalArgs) -> ExitCode {
    match evaluate(&args) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("extract eval: {message}");
            ExitCode::from(2)
        }
    }
}

/// One predicted document: its annotations and, where known, its text.
struct Predicted {
    annotations: Annotations,
    text: Option<String>,
}

fn evaluate(args: &EvalArgs) -> Result<ExitCode, String> {
    let gold = read_gold(&args.gold).map_err(|err| err.to_string())?;
    let gold_shown = args.gold.display().to_string();
    if gold.docs.is_empty() {
        return Err(format!("{gold_shown}: no gold documents"));
    }
    if let Some(split) = &args.split {
        if !gold
            .docs
            .iter()
            .any(|d| d.annotations.split.as_deref() == Some(split))
        {
            let mut splits: Vec<&str> = gold
                .docs
                .iter()
                .filter_map(|d| d.annotations.split.as_deref())
                .collect();
            splits.sort_unstable();
            splits.dedup();
            return Err(format!(
                "{gold_shown}: no gold documents of split {split:?} (splits: {})",
                if splits.is_empty() {
                    "none".to_string()
                } else {
                    splits.join(", ")
                }
            ));
        }
    }
    let thresholds = thresholds(args)?;

    // Which gold documents count: all, or those of the split.
    let in_split = |index: usize| match &args.split {
        Some(split) => gold.docs[index].annotations.split.as_deref() == Some(split.as_str()),
        None => true,
    };

    let mut predicted = if let Some(path) = &args.predicted {
        read_predicted(path, args.show_errors)?
    } else if gold.carries_documents() {
        if !args.paths.is_empty() {
            return Err(format!(
                "{gold_shown}: {} gold carries its own text; give no PATH",
                gold.format.name()
            ));
        }
        let documents: Vec<Document> = gold
            .docs
            .iter()
            .enumerate()
            .filter(|(i, _)| in_split(*i))
            .filter_map(|(_, d)| d.document.clone())
            .collect();
        extract_all(documents, args.jobs)?
    } else {
        extract_inputs(args, &gold, &in_split)?
    };

    // Pair predictions with gold.
    let gold_keys = gold_keys(&gold);
    let predicted_keys: Vec<(String, Option<String>)> = predicted
        .iter()
        .map(|p| {
            (
                p.annotations.doc_id.clone(),
                p.annotations.source_path.clone(),
            )
        })
        .collect();
    let alignment = align(&gold_keys, &predicted_keys);

    let mut info = RunInfo {
        gold: gold_shown.clone(),
        format: gold.format.name().to_string(),
        split: args.split.clone(),
        ..RunInfo::default()
    };
    if gold.format == GoldFormat::Conll {
        // GermEval tags whole tokens: names inside a token are its `*part` category.
        let mut dropped = 0;
        for &(g, p) in &alignment.pairs {
            if let Some(document) = &gold.docs[g].document {
                dropped += drop_part_mentions(&mut predicted[p].annotations, &document.text);
            }
        }
        if dropped > 0 {
            info.warnings.push(format!(
                "{dropped} predicted name(s) inside a token (EU in EU-Budget) scored as the gold's *part category, not as PER/LOC/ORG"
            ));
        }
    }
    let mut outside_split = 0usize;
    let mut pairs = Vec::new();
    let mut texts = Texts::new();
    for &(g, p) in &alignment.pairs {
        if !in_split(g) {
            outside_split += 1;
            continue;
        }
        let gold_doc = &gold.docs[g].annotations;
        let prediction = &predicted[p];
        if let Some(error) = &prediction.annotations.error {
            info.failed.push(error.clone());
        }
        let text = prediction
            .text
            .clone()
            .or_else(|| gold.docs[g].document.as_ref().map(|d| d.text.clone()))
            .or_else(|| read_gold_text(&args.gold, gold_doc, args.show_errors));
        if let Some(text) = text {
            info.warnings.extend(check_spans(gold_doc, &text));
            texts.insert(gold_doc.doc_id.clone(), text);
        }
        pairs.push((gold_doc, &prediction.annotations));
    }
    for &p in alignment.without_gold.iter().chain(&alignment.duplicates) {
        info.without_gold
            .push(predicted[p].annotations.doc_id.clone());
    }
    for &g in &alignment.without_prediction {
        if in_split(g) {
            info.without_prediction
                .push(gold.docs[g].annotations.doc_id.clone());
        }
    }
    if outside_split > 0 {
        if let Some(split) = &args.split {
            info.warnings.push(format!(
                "{outside_split} document(s) outside split {split} ignored"
            ));
        }
    }
    if pairs.is_empty() && outside_split > 0 {
        return Err(format!(
            "no document of split {} among the documents ({outside_split} of other splits)",
            args.split.as_deref().unwrap_or_default()
        ));
    }
    if pairs.is_empty() {
        return Err(format!(
            "no document matched a gold record of {gold_shown} ({} documents, {} without gold: {})",
            predicted.len(),
            info.without_gold.len(),
            info.without_gold
                .iter()
                .take(5)
                .cloned()
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }

    let mut evaluation = Evaluation::default();
    for (gold_doc, predicted_doc) in pairs {
        evaluation.add_document(gold_doc, predicted_doc);
    }
    let checks = check(&evaluation.scores, &thresholds);

    let mut out = io::stdout().lock();
    let written = if args.json {
        let report = render_json(
            &evaluation,
            &checks,
            &info,
            args.show_errors.then_some(&texts),
        );
        serde_json::to_writer_pretty(&mut out, &report)
            .map_err(io::Error::from)
            .and_then(|()| writeln!(out))
    } else {
        let mut text = render_table(&evaluation, &checks, &info);
        if args.show_errors {
            text.push_str("\nerrors:");
            text.push_str(&render_mistakes(&evaluation, &texts));
        }
        out.write_all(text.as_bytes())
    };
    match written.and_then(|()| out.flush()) {
        Ok(()) => {}
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => {}
        Err(err) => return Err(format!("cannot write the report: {err}")),
    }
    if checks.iter().all(|c| c.passed()) {
        Ok(ExitCode::SUCCESS)
    } else {
        for c in checks.iter().filter(|c| !c.passed()) {
            eprintln!(
                "extract eval: {} = {:.3} is below its threshold {:.3} ({})",
                c.threshold.key, c.value, c.threshold.min, c.threshold.origin
            );
        }
        Ok(ExitCode::from(1))
    }
}

/// The thresholds: the file (given, or `thresholds.toml` next to the gold), then `--min`.
fn thresholds(args: &EvalArgs) -> Result<Vec<Threshold>, String> {
    let file = match &args.thresholds {
        Some(file) => Some(file.clone()),
        None if args.no_thresholds => None,
        None => {
            let dir = match args.gold.parent() {
                Some(dir) if args.gold.is_file() => dir.to_path_buf(),
                _ => args.gold.clone(),
            };
            let candidate = dir.join(DEFAULT_THRESHOLDS);
            candidate.is_file().then_some(candidate)
        }
    };
    let mut thresholds = Vec::new();
    if let Some(file) = file {
        let shown = file.display().to_string();
        let text = std::fs::read_to_string(&file).map_err(|err| format!("{shown}: {err}"))?;
        thresholds =
            parse_file(&text, &shown, args.split.as_deref()).map_err(|err| err.to_string())?;
    }
    let mins = args
        .min
        .iter()
        .map(|arg| parse_min(arg))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|err| err.to_string())?;
    Ok(merge(thresholds, mins))
}

/// Extracts the documents named by PATH (default: the gold file's directory), skipping the
/// gold file itself and documents that pair with no gold document of the split.
fn extract_inputs(
    args: &EvalArgs,
    gold: &GoldSet,
    in_split: &dyn Fn(usize) -> bool,
) -> Result<Vec<Predicted>, String> {
    let paths = if args.paths.is_empty() {
        let dir = args
            .gold
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        vec![dir.to_string_lossy().into_owned()]
    } else {
        args.paths.clone()
    };
    let options = InputOptions {
        extensions: InputOptions::extensions(&args.ext),
        default_published: None,
    };
    let gold_file = std::fs::canonicalize(&args.gold).ok();
    let mut documents = Vec::new();
    let mut failed = Vec::new();
    for event in Inputs::new(paths, options) {
        match event {
            InputEvent::Document { document, .. } => {
                if gold_file.is_some()
                    && std::fs::canonicalize(&document.source.path).ok() == gold_file
                {
                    continue;
                }
                documents.push(document);
            }
            InputEvent::Failed(failure) => {
                if gold_file.is_some()
                    && std::fs::canonicalize(&failure.source.path).ok() == gold_file
                {
                    continue;
                }
                failed.push(Record::failed(
                    failure.doc_id,
                    failure.source,
                    failure.kind,
                    failure.message,
                ));
            }
            InputEvent::Problem(problem) => eprintln!("extract eval: {}", problem.message),
            // Record files in the walk (the gold file itself, earlier output) are not documents.
            InputEvent::Skipped { .. } => {}
        }
    }
    // Extract only what will be scored.
    let gold_keys = gold_keys(gold);
    let keys: Vec<(String, Option<String>)> = documents
        .iter()
        .map(|d| (d.id.clone(), Some(d.source.path.clone())))
        .collect();
    let alignment = align(&gold_keys, &keys);
    // Documents without gold, or with gold outside the split, are not extracted (they are
    // still listed, and reported as ignored).
    let mut wanted = vec![false; documents.len()];
    for &(g, p) in &alignment.pairs {
        wanted[p] = in_split(g);
    }
    let mut skipped = Vec::new();
    let mut chosen = Vec::new();
    for (document, wanted) in documents.into_iter().zip(wanted) {
        if wanted {
            chosen.push(document);
        } else {
            skipped.push(document);
        }
    }
    let mut predicted = extract_all(chosen, args.jobs)?;
    predicted.extend(skipped.into_iter().map(|d| Predicted {
        annotations: Annotations {
            doc_id: d.id,
            source_path: Some(d.source.path),
            ..Annotations::default()
        },
        text: None,
    }));
    predicted.extend(failed.iter().map(|record| Predicted {
        annotations: Annotations::from_record(record),
        text: None,
    }));
    Ok(predicted)
}

/// Runs the pipeline over the documents in parallel.
/// The (doc id, source path) of every gold document, for pairing with predictions.
fn gold_keys(gold: &GoldSet) -> Vec<(String, Option<String>)> {
    gold.docs
        .iter()
        .map(|d| {
            (
                d.annotations.doc_id.clone(),
                d.annotations.source_path.clone(),
            )
        })
        .collect()
}

fn extract_all(documents: Vec<Document>, jobs: Option<u16>) -> Result<Vec<Predicted>, String> {
    let pipeline = Pipeline::load_default().map_err(|err| err.to_string())?;
    let threads = jobs
        .map(usize::from)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|err| format!("cannot start {threads} threads: {err}"))?;
    Ok(pool.install(|| {
        documents
            .into_par_iter()
            .map(|document| {
                let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    pipeline.extract(&document)
                }));
                let record = result.unwrap_or_else(|_| {
                    Record::failed(
                        document.id.clone(),
                        document.source.clone(),
                        "internal",
                        format!("{}: internal error while extracting", document.source.path),
                    )
                });
                Predicted {
                    annotations: Annotations::from_record(&record),
                    text: Some(document.text),
                }
            })
            .collect()
    }))
}

/// Reads predicted records (JSON lines; `-` is standard input). With `texts`, the documents'
/// texts are read back from their source paths for context snippets.
fn read_predicted(path: &str, texts: bool) -> Result<Vec<Predicted>, String> {
    let reader: Box<dyn BufRead> = if path == "-" {
        Box::new(io::BufReader::new(io::stdin()))
    } else {
        Box::new(io::BufReader::new(
            std::fs::File::open(path).map_err(|err| format!("{path}: {err}"))?,
        ))
    };
    let mut predicted = Vec::new();
    for (index, line) in reader.lines().enumerate() {
        let line_no = index + 1;
        let line = line.map_err(|err| format!("{path}:{line_no}: {err}"))?;
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let record: Record = serde_json::from_str(line)
            .map_err(|err| format!("{path}:{line_no}: not a meldung record: {err}"))?;
        let text = if texts { source_text(&record) } else { None };
        predicted.push(Predicted {
            annotations: Annotations::from_record(&record),
            text,
        });
    }
    if predicted.is_empty() {
        return Err(format!("{path}: no records"));
    }
    Ok(predicted)
}

/// The text of a record's document, read back from its source (a text file, or a line of a
/// JSON-lines file), if it is still there and has the record's length.
fn source_text(record: &Record) -> Option<String> {
    if record.error.is_some() || record.source.path == "-" {
        return None;
    }
    let text = match record.source.line {
        None => {
            let bytes = std::fs::read(&record.source.path).ok()?;
            meldung::input::decode::decode(&bytes).ok()?.0
        }
        Some(line) => {
            let file = std::fs::File::open(&record.source.path).ok()?;
            let line = io::BufReader::new(file)
                .lines()
                .nth(usize::try_from(line).ok()?.checked_sub(1)?)?
                .ok()?;
            parse_json_document(&line, "", None).ok()?.text
        }
    };
    (text.chars().count() == record.char_count).then_some(text)
}

/// The text of a gold document from its `source.path`, relative to the working directory or to
/// the directory above the gold file's (gold paths are relative to the repository).
fn read_gold_text(gold_path: &Path, gold: &Annotations, wanted: bool) -> Option<String> {
    if !wanted {
        return None;
    }
    let source = gold.source_path.as_ref()?;
    let mut candidates = vec![PathBuf::from(source)];
    if let Some(dir) = gold_path.parent() {
        candidates.push(dir.join(source));
        if let Some(up) = dir.parent() {
            candidates.push(up.join(source));
        }
    }
    candidates.into_iter().find_map(|path| {
        let bytes = std::fs::read(path).ok()?;
        meldung::input::decode::decode(&bytes)
            .ok()
            .map(|(text, _)| text)
    })
}
