//! Command-line arguments.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

const ABOUT: &str =
    "Extract persons, regions, organisations, dates and cooperation relations from German \
press releases, one JSON line per document.";

const AFTER_HELP: &str = "\
Inputs:
  A directory is walked recursively in sorted order; its .txt files (see --ext) are documents,
  and each .jsonl file holds one document per line:
    {\"id\": \"pm-1\", \"text\": \"...\", \"published\": \"2019-06-20\", \"title\": \"...\"}
  (id, published and title are optional). `-` reads such JSON lines from standard input; with
  no PATH at all, standard input is read when it is not a terminal.

Output:
  One JSON record per input document, in input order whatever --jobs is, on standard output
  (or --output). Record schema v1: docs/schema.md. A document that cannot be read gets a record
  with an `error` field and empty arrays, and a message on standard error naming the path (and
  line); the run goes on.

Exit status:
  0  every document was processed
  1  some documents or inputs failed (their records say why), or `eval` missed a threshold
  2  usage error, or a fatal error (output not writable, a malformed --gazetteer file)

Examples:
  extract corpus/ > out.jsonl
  extract --jobs 2 --published 2019-06-20 releases/*.txt -o out.jsonl
  cat docs.jsonl | extract - | jq '.entities[] | .canonical'
  extract --stats archive.jsonl > /dev/null
  extract --gazetteer my-partners.tsv corpus/ > out.jsonl
  extract eval --gold corpus/gold.jsonl corpus/test";

/// The `extract` command.
#[derive(Debug, Parser)]
#[command(name = "extract", version, about = ABOUT, after_help = AFTER_HELP, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub run: RunArgs,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Score extraction against gold annotations (a directory named `eval` is given as ./eval).
    Eval(EvalArgs),
}

/// Options of the main job.
#[derive(Debug, Args)]
pub struct RunArgs {
    /// Files, directories or `-` (JSON lines on standard input).
    #[arg(value_name = "PATH")]
    pub paths: Vec<String>,

    /// Write the records to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Number of worker threads [default: number of cores].
    #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,

    /// Extensions of text documents inside directories, comma-separated (.jsonl files are always read).
    #[arg(long, value_name = "EXT", default_value = "txt", value_delimiter = ',')]
    pub ext: Vec<String>,

    /// Publication date for documents that do not carry one (relative dates resolve against it).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub published: Option<meldung::calendar::Date>,

    /// Add your own gazetteer (repeatable): TSV rows `surface<TAB>type<TAB>canonical<TAB>kb_id<TAB>subtype<TAB>weight<TAB>flags`
    /// with type LOC, ORG or PER, as in gazetteers/regions.tsv; your entries win ties with the built-in lists.
    /// A malformed row stops the run with exit 2, naming file and line.
    #[arg(short = 'g', long, value_name = "FILE")]
    pub gazetteer: Vec<PathBuf>,

    /// Print documents, MB, MB/s, docs/s, peak memory, start-up and stage times to standard error at the end.
    #[arg(long)]
    pub stats: bool,

    /// No progress display and no per-document error messages (records still carry the errors).
    #[arg(short, long)]
    pub quiet: bool,
}

/// Options of `extract eval`.
#[derive(Debug, Args)]
#[command(after_help = "\
Scores (docs/eval.md): entities strict (type and exact span) and canonical (distinct names per
document), per type; dates strict, relaxed (overlap) and value; relations by party pair and by
pair with type; published accuracy. Threshold keys are a score and a statistic:
entities.strict.f1, entities.PER.canonical.recall, dates.value.f1, relations.pair.precision,
published.accuracy.

Exit status:
  0  all thresholds met (or none set)
  1  a score is below its threshold (named in the report)
  2  usage error: unreadable or malformed gold, predictions or thresholds (with file:line)

Examples:
  extract eval --gold corpus/gold.jsonl corpus/
  extract eval --gold corpus/gold.jsonl --split dev --show-errors
  extract corpus/ > out.jsonl && extract eval --gold corpus/gold.jsonl --predicted out.jsonl --json
  extract eval --gold NER-de-dev.tsv --min entities.PER.strict.f1=0.7")]
pub struct EvalArgs {
    /// Gold annotations: record JSON lines (corpus/gold.jsonl), CoNLL/GermEval TSV (.tsv,
    /// sentences as documents) or a WikiWarsDE directory.
    #[arg(long, value_name = "GOLD")]
    pub gold: PathBuf,

    /// Documents to extract from and score [default: the gold file's directory; none for
    /// gold that carries its text].
    #[arg(value_name = "PATH", conflicts_with = "predicted")]
    pub paths: Vec<String>,

    /// Score existing output (JSON lines of records, `-` for standard input) instead of
    /// extracting.
    #[arg(long, value_name = "OUT.jsonl")]
    pub predicted: Option<String>,

    /// Score only the gold documents of this split (gold field `split`).
    #[arg(long, value_name = "NAME")]
    pub split: Option<String>,

    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,

    /// List every missing and extra item with its document and context.
    #[arg(long)]
    pub show_errors: bool,

    /// Minimum score, e.g. entities.strict.f1=0.8 (repeatable; overrides the thresholds file).
    #[arg(long = "min", value_name = "KEY=VALUE")]
    pub min: Vec<String>,

    /// Thresholds file [default: thresholds.toml next to the gold file, if there is one].
    #[arg(long, value_name = "FILE")]
    pub thresholds: Option<PathBuf>,

    /// Do not read the default thresholds file.
    #[arg(long, conflicts_with = "thresholds")]
    pub no_thresholds: bool,

    /// Number of worker threads for extraction [default: number of cores].
    #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,

    /// Extensions of text documents inside directories, comma-separated.
    #[arg(long, value_name = "EXT", default_value = "txt", value_delimiter = ',')]
    pub ext: Vec<String>,
}

/// Parses `YYYY-MM-DD`.
pub fn parse_date(value: &str) -> Result<meldung::calendar::Date, String> {
    meldung::calendar::Date::parse_iso(value)
        .ok_or_else(|| format!("{value:?} is not a date of the form YYYY-MM-DD"))
}
