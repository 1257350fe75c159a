//! `extract`: reads documents, runs the meldung pipeline on them in parallel, writes one JSON
//! line per document in input order. All extraction lives in the library; this binary does
//! I/O, parallelism, progress and exit codes only.

mod cli;
mod eval_cmd;
mod progress;

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::Instant;

use clap::Parser;
use rayon::prelude::*;

use meldung::input::{InputEvent, InputOptions, Inputs};
use meldung::output::write_json_line;
use meldung::pipeline::StageTimes;
use meldung::record::Record;
use meldung::resources::DataFile;
use meldung::Pipeline;

use cli::{Cli, Command, RunArgs};
use progress::Progress;

/// Documents per batch handed to the worker threads; together with [`BATCH_BYTES`] this bounds
/// memory: at most three batches are alive (one being read, one queued, one processed).
const BATCH_DOCS: usize = 512;
const BATCH_BYTES: u64 = 8 << 20;

/// Documents are processed with many small short-lived allocations (tokens, candidates,
/// strings of the record) on every thread: mimalloc's thread-local free lists make them
/// markedly cheaper than the system allocator's arenas (see docs/performance.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let _ = err.print();
            return match err.kind() {
                clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion => {
                    ExitCode::SUCCESS
                }
                _ => ExitCode::from(2),
            };
        }
    };
    match cli.command {
        Some(Command::Eval(args)) => eval_cmd::run(args),
        None => run(cli.run),
    }
}

/// What a run has done so far.
#[derive(Default)]
struct Totals {
    docs: u64,
    bytes: u64,
    failed: u64,
    warnings: u64,
    stage_times: StageTimes,
}

/// Outcome of one document.
struct Processed {
    line: Vec<u8>,
    error: Option<String>,
    warnings: Vec<String>,
    times: StageTimes,
    /// Shown on stderr unless `--quiet`; neither an error nor a warning (a skipped file).
    notice: Option<String>,
}

/// The main job.
fn run(args: RunArgs) -> ExitCode {
    let started = Instant::now();
    let mut paths = args.paths.clone();
    if paths.is_empty() {
        if io::IsTerminal::is_terminal(&io::stdin()) {
            eprintln!("extract: no input given: name files or directories, or `-` for JSON lines on standard input (see --help)");
            return ExitCode::from(2);
        }
        paths.push("-".to_string());
    }
    let mut gazetteer_texts = Vec::with_capacity(args.gazetteer.len());
    for path in &args.gazetteer {
        match std::fs::read_to_string(path) {
            Ok(text) => gazetteer_texts.push((path.display().to_string(), text)),
            Err(err) => {
                eprintln!("extract: cannot read gazetteer {}: {err}", path.display());
                return ExitCode::from(2);
            }
        }
    }
    let gazetteers: Vec<DataFile> = gazetteer_texts
        .iter()
        .map(|(name, content)| DataFile { name, content })
        .collect();
    let pipeline = match Pipeline::load_with_gazetteers(&gazetteers) {
        Ok(pipeline) => pipeline,
        Err(err) => {
            eprintln!("extract: {err}");
            return ExitCode::from(2);
        }
    };
    let startup = started.elapsed();

    let sink: Box<dyn Write> = match &args.output {
        Some(path) => match File::create(path) {
            Ok(file) => Box::new(file),
            Err(err) => {
                eprintln!("extract: cannot write {}: {err}", path.display());
                return ExitCode::from(2);
            }
        },
        None => Box::new(io::stdout().lock()),
    };
    let mut out = BufWriter::with_capacity(1 << 16, sink);

    let threads = args
        .jobs
        .map(usize::from)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let pool = match rayon::ThreadPoolBuilder::new().num_threads(threads).build() {
        Ok(pool) => pool,
        Err(err) => {
            eprintln!("extract: cannot start {threads} threads: {err}");
            return ExitCode::from(2);
        }
    };

    let options = InputOptions {
        extensions: InputOptions::extensions(&args.ext),
        default_published: args.published,
    };
    let mut progress = Progress::new(!args.quiet, None);
    if progress.enabled() {
        progress = Progress::new(true, total_input_bytes(&paths, &options.extensions));
    }

    // Reading runs on its own thread, a bounded queue ahead of the workers.
    let (sender, receiver) = mpsc::sync_channel::<(Vec<InputEvent>, u64)>(1);
    let reader = std::thread::spawn(move || {
        let mut batch = Vec::with_capacity(BATCH_DOCS);
        let mut batch_bytes = 0u64;
        for event in Inputs::new(paths, options) {
            if let InputEvent::Document { bytes, .. } = &event {
                batch_bytes += bytes;
            }
            batch.push(event);
            if batch.len() >= BATCH_DOCS || batch_bytes >= BATCH_BYTES {
                if sender
                    .send((std::mem::take(&mut batch), batch_bytes))
                    .is_err()
                {
                    return;
                }
                batch_bytes = 0;
            }
        }
        if !batch.is_empty() {
            let _ = sender.send((batch, batch_bytes));
        }
    });

    let mut totals = Totals::default();
    let mut broken_pipe = false;
    let mut write_error = None;
    // Processing runs on its own thread, one batch ahead of writing, so that the workers never
    // wait for the output; the queues are bounded, so memory stays bounded.
    let (result_sender, result_receiver) = mpsc::sync_channel::<(Vec<Option<Processed>>, u64)>(1);
    std::thread::scope(|scope| {
        let (pipeline, pool) = (&pipeline, &pool);
        scope.spawn(move || {
            for (batch, batch_bytes) in receiver {
                let results = pool.install(|| {
                    batch
                        .into_par_iter()
                        .map(|event| process(pipeline, event))
                        .collect()
                });
                if result_sender.send((results, batch_bytes)).is_err() {
                    // The writer stopped (closed output): stop reading too.
                    return;
                }
            }
        });
        // `result_receiver` is consumed by the loop, so leaving it early drops it and lets the
        // processing thread end.
        'batches: for (results, batch_bytes) in result_receiver {
            for result in results {
                let Some(processed) = result else { continue };
                totals.stage_times.add(&processed.times);
                if let Some(message) = processed.error {
                    totals.failed += 1;
                    if !args.quiet {
                        progress.message(&format!("extract: {message}"));
                    }
                }
                totals.warnings += processed.warnings.len() as u64;
                if let (Some(notice), false) = (&processed.notice, args.quiet) {
                    progress.message(&format!("extract: {notice}"));
                }
                if !args.quiet {
                    for warning in &processed.warnings {
                        progress.message(&format!("extract: warning: {warning}"));
                    }
                }
                if processed.line.is_empty() {
                    continue;
                }
                totals.docs += 1;
                if let Err(err) = out.write_all(&processed.line) {
                    if err.kind() == io::ErrorKind::BrokenPipe {
                        broken_pipe = true;
                    } else {
                        write_error = Some(err);
                    }
                    break 'batches;
                }
            }
            totals.bytes += batch_bytes;
            progress.update(totals.docs, totals.bytes, totals.failed);
        }
    });
    if write_error.is_none() && !broken_pipe {
        if let Err(err) = out.flush() {
            if err.kind() == io::ErrorKind::BrokenPipe {
                broken_pipe = true;
            } else {
                write_error = Some(err);
            }
        }
    }
    progress.finish();
    if broken_pipe {
        // The reader may be blocked on a full queue: dropping the receiver (done) lets it end;
        // do not wait for it to read the rest of a corpus nobody will see.
        return ExitCode::SUCCESS;
    }
    let _ = reader.join();
    if let Some(err) = write_error {
        eprintln!("extract: cannot write output: {err}");
        return ExitCode::from(2);
    }
    if args.stats {
        print_stats(&totals, started, startup, threads);
    }
    // The process ends here: freeing the compiled gazetteers piece by piece would only cost
    // time (about 10 ms) that the operating system saves by unmapping the memory at once.
    std::mem::forget(pipeline);
    if totals.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Runs one input event: a record line and the error to report, or only an error (a problem
/// that stands for no document).
fn process(pipeline: &Pipeline, event: InputEvent) -> Option<Processed> {
    let mut times = StageTimes::default();
    let record = match event {
        InputEvent::Document { document, .. } => {
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                pipeline.extract_timed(&document, &mut times)
            }));
            match result {
                Ok(record) => record,
                Err(panic) => {
                    let what = panic
                        .downcast_ref::<&str>()
                        .map(|s| s.to_string())
                        .or_else(|| panic.downcast_ref::<String>().cloned())
                        .unwrap_or_else(|| "unknown panic".to_string());
                    let place = match document.source.line {
                        Some(line) => format!("{}:{line}", document.source.path),
                        None => document.source.path.clone(),
                    };
                    Record::failed(
                        document.id.clone(),
                        document.source.clone(),
                        "internal",
                        format!("{place}: internal error while extracting: {what}"),
                    )
                }
            }
        }
        InputEvent::Failed(failure) => Record::failed(
            failure.doc_id,
            failure.source,
            failure.kind,
            failure.message,
        ),
        InputEvent::Problem(problem) => {
            return Some(Processed {
                line: Vec::new(),
                error: Some(problem.message),
                warnings: Vec::new(),
                times,
                notice: None,
            })
        }
        InputEvent::Skipped { path, reason } => {
            return Some(Processed {
                line: Vec::new(),
                error: None,
                warnings: Vec::new(),
                times,
                notice: Some(format!("{path}: skipped: {reason}")),
            })
        }
    };
    let error = record.error.as_ref().map(|e| e.message.clone());
    let started = std::time::Instant::now();
    let mut line = Vec::with_capacity(1024);
    write_json_line(&record, &mut line);
    times.record += started.elapsed();
    Some(Processed {
        line,
        error,
        warnings: record.warnings,
        times,
        notice: None,
    })
}

/// Total size of the documents under `paths` (for the ETA), or `None` when reading stdin.
fn total_input_bytes(paths: &[String], extensions: &[String]) -> Option<u64> {
    fn walk(path: &std::path::Path, extensions: &[String], total: &mut u64) {
        if path.is_dir() {
            if let Ok(entries) = std::fs::read_dir(path) {
                for entry in entries.flatten() {
                    walk(&entry.path(), extensions, total);
                }
            }
        } else if let Ok(meta) = std::fs::metadata(path) {
            let ext = path
                .extension()
                .map(|e| e.to_string_lossy().to_lowercase())
                .unwrap_or_default();
            if ext == "jsonl" || extensions.iter().any(|e| e.eq_ignore_ascii_case(&ext)) {
                *total += meta.len();
            }
        }
    }
    let mut total = 0;
    for path in paths {
        if path == "-" {
            return None;
        }
        walk(std::path::Path::new(path), extensions, &mut total);
    }
    Some(total)
}

/// Peak resident memory in bytes (Linux), from /proc/self/status.
fn peak_rss_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

fn print_stats(totals: &Totals, started: Instant, startup: std::time::Duration, threads: usize) {
    let Totals {
        docs,
        bytes,
        failed,
        warnings,
        ref stage_times,
    } = *totals;
    let wall = started.elapsed().as_secs_f64();
    let work = (wall - startup.as_secs_f64()).max(1e-9);
    let mb = bytes as f64 / 1e6;
    eprintln!("extract stats:");
    eprintln!("  documents      {docs} ({failed} failed, {warnings} warnings)");
    eprintln!("  input          {mb:.2} MB");
    eprintln!("  threads        {threads}");
    eprintln!(
        "  start-up       {:.1} ms (loading and compiling resources)",
        startup.as_secs_f64() * 1e3
    );
    eprintln!("  wall           {wall:.3} s");
    eprintln!(
        "  throughput     {:.2} MB/s, {:.0} docs/s (after start-up)",
        mb / work,
        docs as f64 / work
    );
    if let Some(peak) = peak_rss_bytes() {
        eprintln!("  peak memory    {:.1} MB resident", peak as f64 / 1e6);
    }
    // Stage times are summed over worker threads (CPU time, not wall time).
    let total: f64 = stage_times
        .stages()
        .iter()
        .map(|(_, t)| t.as_secs_f64())
        .sum::<f64>()
        .max(1e-9);
    eprintln!("  stage times    (summed over threads)");
    for (name, time) in stage_times.stages() {
        let seconds = time.as_secs_f64();
        let rate = if seconds > 0.0 {
            mb / seconds
        } else {
            f64::INFINITY
        };
        eprintln!(
            "    {name:<10} {seconds:>8.3} s {:>5.1}%  {rate:>9.1} MB/s",
            100.0 * seconds / total
        );
    }
}
