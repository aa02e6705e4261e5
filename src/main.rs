//! The `whosaid` command line: a thin layer over the library.

use std::io::{self, BufWriter, IsTerminal, Seek, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::{Mutex, PoisonError};

use anyhow::{bail, Context};
use clap::{Args, Parser, Subcommand, ValueEnum};
use rayon::prelude::*;
use whosaid::output::{self, Format};
use whosaid::speakers::SpeakerIndex;
use whosaid::{
    eval, input, review, Document, Extractor, ExtractorBuilder, InputOptions, Item, QuoteKind,
};

mod progress;
mod readahead;
use progress::{Progress, Tally};
use readahead::ReadAhead;
use std::sync::mpsc;
use std::time::{Duration, Instant};
use whosaid::Extraction;

/// Every message on stderr goes through this: if stderr is closed (`2>&1 | head`), the
/// message is dropped instead of panicking like `std::eprintln!`, and the run goes on.
macro_rules! eprintln {
    ($($arg:tt)*) => {{
        let _ = writeln!(io::stderr().lock(), $($arg)*);
    }};
}

/// Finds the quotes in news articles and says who said them.
#[derive(Parser, Debug)]
#[command(name = "whosaid", version, about, long_about = None, after_help = EXIT_HELP)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

const EXIT_HELP: &str = "Exit status: 0 when every document was processed, 2 when some \
documents failed (each is reported on stderr and the rest are processed), 1 on a fatal \
error (bad arguments, unwritable output).";

#[derive(Subcommand, Debug)]
enum Command {
    /// Extract quotes with speakers, titles and cues, one row per quote.
    ///
    /// Inputs are plain-text files (one article each), JSONL files of records
    /// {"id": ..., "text": ...}, folders of both (searched recursively for .txt, .jsonl,
    /// .ndjson), or `-` for standard input (the default), which may be JSONL or one article.
    ///
    /// JSONL on standard input is streamed: rows come out as records arrive, so `whosaid
    /// extract - --format jsonl` is a pipe stage (one line per document, e.g. for Spark's
    /// RDD.pipe; CSV rows span lines when a cell holds a line break). A summary line ends the
    /// run on stderr, and a progress bar shows there on long runs in a terminal.
    #[command(after_help = EXIT_HELP)]
    Extract {
        #[command(flatten)]
        run: RunArgs,
        /// Output format.
        #[arg(long, value_enum, default_value_t = OutFormat::Csv)]
        format: OutFormat,
        /// Omit the CSV header row (for streaming and concatenated outputs).
        #[arg(long)]
        no_header: bool,
        /// For CSV meant for a spreadsheet: put a ' before any text cell (doc_id, quote,
        /// speaker, speaker_title, speaker_mention, cue) that starts with =, +, -, @, a tab or
        /// a carriage return, so it is not run as a formula. Such a cell then no longer
        /// matches its offsets exactly. No effect on --format jsonl.
        #[arg(long)]
        csv_safe: bool,
        /// No progress bar and no summary line on stderr (warnings and errors still print).
        /// The bar shows only when stderr is a terminal and the run takes over 2 seconds.
        #[arg(short, long)]
        quiet: bool,
    },
    /// Score the extractor against a gold JSONL file (see the README's Accuracy section).
    Eval {
        /// Gold file: JSONL records with id, text and annotated quotes.
        gold: PathBuf,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
        /// List up to N misses, spurious quotes and wrong speakers of each class.
        #[arg(long, value_name = "N", default_value_t = 0)]
        errors: usize,
        /// Number of worker threads (default: one per core).
        #[arg(short = 'j', long, value_name = "N")]
        threads: Option<usize>,
        /// Read two apostrophes ('') as a quotation mark (see `extract --help`).
        #[arg(long)]
        doubled_apostrophes: bool,
    },
    /// Write an HTML page for reviewing the attributions: each document with its quotes
    /// highlighted, one colour per speaker, a speaker index and a search box.
    ///
    /// The page is one self-contained file (inline CSS and JavaScript, no network). Inputs
    /// are read as by `extract`.
    #[command(after_help = EXIT_HELP)]
    Review {
        #[command(flatten)]
        run: RunArgs,
    },
    /// Count who is quoted, how often: one CSV row per speaker across all documents.
    ///
    /// Columns: speaker, titles (distinct, "; "-separated, first seen first), quotes (rows
    /// of the kinds chosen with --kinds, reported speech included by default),
    /// documents, first_doc, last_doc (ids, in input order). Rows: most quoted first, then by
    /// name. Quotes without a speaker are not counted. Inputs are read as by `extract`.
    #[command(after_help = EXIT_HELP)]
    Speakers {
        #[command(flatten)]
        run: RunArgs,
        /// Omit the CSV header row.
        #[arg(long)]
        no_header: bool,
    },
}

impl RunArgs {
    /// Starts the worker threads and the extractor; gives the paths, the input options and
    /// the output path.
    fn start(self) -> anyhow::Result<(Extractor, Vec<PathBuf>, InputOptions, Option<PathBuf>)> {
        init_threads(self.threads)?;
        let kinds: Vec<QuoteKind> = self.kinds.iter().map(|k| k.kind()).collect();
        let extractor = ExtractorBuilder::new()
            .kinds(&kinds)
            .quotes_only(self.quotes_only)
            .min_confidence(self.min_confidence)
            .doubled_apostrophes(self.doubled_apostrophes)
            .build()?;
        let options = InputOptions {
            strict: self.strict,
        };
        Ok((extractor, self.paths, options, self.output))
    }
}

/// The inputs, output and threads of `extract`, `review` and `speakers`.
#[derive(Args, Debug)]
struct RunArgs {
    /// Files, folders or `-` (standard input).
    paths: Vec<PathBuf>,
    /// Write to FILE instead of standard output (atomically: a temporary file renamed on
    /// success).
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Number of worker threads (default: one per core).
    #[arg(short = 'j', long, value_name = "N")]
    threads: Option<usize>,
    /// Treat invalid UTF-8 as an error that skips the document, instead of decoding it
    /// lossily with a warning.
    #[arg(long)]
    strict: bool,
    /// Which kinds of rows to write, comma-separated: direct (all words in quotation
    /// marks), partial (a quoted fragment in reported speech), indirect (reported speech
    /// without marks). Only filters the rows: the speakers found are the same.
    #[arg(
        long,
        value_enum,
        value_delimiter = ',',
        value_name = "KINDS",
        default_value = "direct,partial,indirect"
    )]
    kinds: Vec<KindArg>,
    /// Skip reported speech altogether: quotes only, about 1.4 times as fast. A few quotes may
    /// get another speaker than in a full run, since no reported statement then tells who
    /// is being talked about (--kinds direct,partial gives the same speakers as a full run).
    #[arg(long)]
    quotes_only: bool,
    /// Write only rows whose confidence is at least X (0 to 1; default 0: all). 0.5 drops
    /// the intentions and stances (rules indirect.intent and indirect.stance) and the quotes
    /// without a speaker. Only filters the rows, like --kinds.
    #[arg(long, value_name = "X", default_value_t = 0.0, value_parser = confidence)]
    min_confidence: f32,
    /// Read two apostrophes ('') as a quotation mark, as news archive exports (LexisNexis,
    /// some New York Times text) write quotes: ''We will win,'' he said.
    #[arg(long)]
    doubled_apostrophes: bool,
}

/// A confidence threshold from the command line: a number from 0 to 1.
fn confidence(s: &str) -> Result<f32, String> {
    let x: f32 = s.parse().map_err(|_| format!("not a number: {s}"))?;
    if (0.0..=1.0).contains(&x) {
        Ok(x)
    } else {
        Err(format!("{x} is not between 0 and 1"))
    }
}

/// A row kind on the command line.
#[derive(Clone, Copy, Debug, ValueEnum)]
enum KindArg {
    Direct,
    Partial,
    Indirect,
}

impl KindArg {
    fn kind(self) -> QuoteKind {
        match self {
            KindArg::Direct => QuoteKind::Direct,
            KindArg::Partial => QuoteKind::Partial,
            KindArg::Indirect => QuoteKind::Indirect,
        }
    }
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum OutFormat {
    /// The attribution CSV.
    Csv,
    /// One JSON object per document.
    Jsonl,
}

// A faster allocator for the many small per-document vectors and strings.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("whosaid: {err:#}");
            ExitCode::from(1)
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        let io_kind = e
            .downcast_ref::<io::Error>()
            .map(io::Error::kind)
            .or_else(|| {
                e.downcast_ref::<serde_json::Error>()
                    .and_then(serde_json::Error::io_error_kind)
            });
        io_kind == Some(io::ErrorKind::BrokenPipe)
    })
}

fn run() -> anyhow::Result<ExitCode> {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 1 } else { 0 };
            let _ = e.print();
            return Ok(ExitCode::from(code));
        }
    };
    match cli.command {
        Command::Extract {
            run,
            format,
            no_header,
            csv_safe,
            quiet,
        } => {
            let (extractor, paths, options, output) = run.start()?;
            let format = match format {
                OutFormat::Csv if csv_safe => Format::CsvSafe,
                OutFormat::Csv => Format::Csv,
                OutFormat::Jsonl => Format::Jsonl,
            };
            let progress = Progress::start(&paths, quiet);
            let run = |w: &mut (dyn Write + Send)| {
                extract(&extractor, paths, options, format, !no_header, &progress, w)
            };
            let tally = match output {
                Some(path) => write_atomically(&path, run)?,
                None => {
                    // Not locked: the rows are written from the writer thread.
                    let mut w = BufWriter::with_capacity(1 << 16, io::stdout());
                    let tally = run(&mut w)?;
                    w.flush()?;
                    tally
                }
            };
            // Only once the output is complete (and, with -o, in place).
            progress.finish(&tally);
            Ok(if tally.errors > 0 {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Review { run } => {
            let (extractor, paths, options, output) = run.start()?;
            to_output(output.as_deref(), |w| {
                run_review(&extractor, paths, options, w)
            })
        }
        Command::Speakers { run, no_header } => {
            let (extractor, paths, options, output) = run.start()?;
            to_output(output.as_deref(), |w| {
                run_speakers(&extractor, paths, options, !no_header, w)
            })
        }
        Command::Eval {
            gold,
            json,
            errors,
            threads,
            doubled_apostrophes,
        } => {
            init_threads(threads)?;
            run_eval(&gold, json, errors, doubled_apostrophes)
        }
    }
}

fn init_threads(threads: Option<usize>) -> anyhow::Result<()> {
    if let Some(n) = threads {
        if n == 0 {
            bail!("-j must be at least 1");
        }
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global()
            .context("starting worker threads")?;
    }
    Ok(())
}

/// Documents are read in batches, extracted in parallel, and written whole in input order.
/// A batch holds at most `BATCH_DOCS` documents and, unless it is a single document, at most
/// `BATCH_BYTES` bytes of text, so memory stays bounded whatever the corpus size and a huge
/// document is processed on its own. The reader thread keeps at most
/// [`readahead::READ_AHEAD_BYTES`] more text queued.
const BATCH_DOCS: usize = 512;
const BATCH_BYTES: usize = 8 << 20;
/// When no input has come for this long (a slow pipe), the documents that have come are
/// processed and their rows written out (and flushed), so that a streaming consumer gets
/// rows as the input arrives, not only when it ends.
const IDLE: Duration = Duration::from_millis(50);
/// Nor does a partial batch wait longer than this for input that trickles in.
const MAX_WAIT: Duration = Duration::from_secs(1);

/// The next thing the extract loop has to do.
enum Next {
    /// Handle an item, read when the input had consumed this many bytes.
    Item(Item, u64),
    /// The input is slow: process and write out what has come.
    Idle,
    /// The input is done.
    End,
}

/// Streams the documents of `paths` through the extractor into `w`, reporting on `progress`.
/// Reading runs on its own thread, ahead of extraction.
fn extract(
    extractor: &Extractor,
    paths: Vec<PathBuf>,
    options: InputOptions,
    format: Format,
    header: bool,
    progress: &Progress,
    w: &mut (dyn Write + Send),
) -> anyhow::Result<Tally> {
    if header && format.is_csv() {
        let mut buf = Vec::new();
        output::write_csv_header(&mut buf)?;
        w.write_all(&buf)?;
    }
    let bytes_read = input::BytesRead::new();
    let mut received = ReadAhead::spawn(paths, options, bytes_read.clone())
        .context("starting the input reader")?;
    // Rendered batches go to a writer thread, so that writing one batch (and counting it)
    // overlaps the extraction of the next.
    std::thread::scope(|scope| {
        let (to_writer, batches) = mpsc::sync_channel::<ToWriter>(1);
        let writer = scope.spawn(move || -> anyhow::Result<Tally> {
            let mut tally = Tally::default();
            for msg in batches {
                match msg {
                    ToWriter::Batch(rendered, read_up_to) => {
                        for doc in rendered {
                            match doc {
                                Ok((r, ex)) => {
                                    w.write_all(&r?)?;
                                    tally.add(&ex);
                                }
                                Err(failure) => {
                                    tally.errors += 1;
                                    progress.eprintln(format_args!("whosaid: error: {failure}"));
                                }
                            }
                        }
                        progress.update(tally.documents, read_up_to);
                    }
                    ToWriter::Flush => w.flush()?,
                }
            }
            Ok(tally)
        });
        let mut errors = 0u64;
        let read = (|| -> anyhow::Result<()> {
            let mut batch: Vec<Document> = Vec::with_capacity(BATCH_DOCS);
            let mut batch_bytes = 0usize;
            let mut batch_started = Instant::now();
            // Input bytes consumed up to the last document queued.
            let mut read_up_to = 0u64;
            // Extracts and renders the batch, and hands it to the writer; `false` when the
            // writer has stopped (its error is reported when it is joined).
            let flush = |batch: &mut Vec<Document>, read_up_to: u64| -> bool {
                if batch.is_empty() {
                    return true;
                }
                let rendered: Vec<Rendered> = batch
                    .par_iter()
                    .map(|doc| {
                        let ex = extract_guarded(extractor, doc)?;
                        let mut buf = Vec::new();
                        let r =
                            output::render(format, &mut buf, &doc.id, &doc.text, &ex).map(|()| buf);
                        Ok((r, ex))
                    })
                    .collect();
                batch.clear();
                to_writer
                    .send(ToWriter::Batch(rendered, read_up_to))
                    .is_ok()
            };
            let flush_writer = || to_writer.send(ToWriter::Flush).is_ok();
            loop {
                let next = match received.next(Some(Duration::ZERO)) {
                    readahead::Next::Item((item, read)) => Next::Item(item, read),
                    readahead::Next::End => Next::End,
                    readahead::Next::Timeout if batch.is_empty() => {
                        // Nothing to process: pass on the rows written so far before waiting.
                        if !flush_writer() {
                            return Ok(());
                        }
                        match received.next(None) {
                            readahead::Next::Item((item, read)) => Next::Item(item, read),
                            _ => Next::End,
                        }
                    }
                    readahead::Next::Timeout if batch_started.elapsed() >= MAX_WAIT => Next::Idle,
                    readahead::Next::Timeout => match received.next(Some(IDLE)) {
                        readahead::Next::Item((item, read)) => Next::Item(item, read),
                        readahead::Next::Timeout => Next::Idle,
                        readahead::Next::End => Next::End,
                    },
                };
                match next {
                    Next::Item(Item::Document(doc), read) => {
                        // A document that would take the batch over the byte bound goes in
                        // the next one.
                        if !batch.is_empty() && batch_bytes + doc.text.len() > BATCH_BYTES {
                            if !flush(&mut batch, read_up_to) {
                                return Ok(());
                            }
                            batch_bytes = 0;
                        }
                        if batch.is_empty() {
                            batch_started = Instant::now();
                        }
                        batch_bytes += doc.text.len();
                        batch.push(doc);
                        read_up_to = read;
                        if batch.len() >= BATCH_DOCS || batch_bytes >= BATCH_BYTES {
                            if !flush(&mut batch, read_up_to) {
                                return Ok(());
                            }
                            batch_bytes = 0;
                        }
                    }
                    Next::Item(Item::Warning(e), _) => {
                        progress.eprintln(format_args!("whosaid: warning: {e}"));
                    }
                    Next::Item(Item::Error(e), _) => {
                        errors += 1;
                        progress.eprintln(format_args!("whosaid: error: {e}"));
                    }
                    Next::Idle => {
                        if !flush(&mut batch, read_up_to) || !flush_writer() {
                            return Ok(());
                        }
                        batch_bytes = 0;
                    }
                    Next::End => break,
                }
            }
            flush(&mut batch, read_up_to);
            Ok(())
        })();
        drop(to_writer);
        let written = writer
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        read?;
        let mut tally = written?;
        received.finish();
        tally.errors += errors;
        tally.bytes = bytes_read.get();
        Ok(tally)
    })
}

/// One document of a batch: its rendered rows with its extraction, or the message of a
/// failed extraction.
type Rendered = Result<(io::Result<Vec<u8>>, Extraction), String>;

/// What the extract loop hands to the writer thread.
enum ToWriter {
    /// A batch's rendered documents, and the input bytes consumed.
    Batch(Vec<Rendered>, u64),
    /// Flush the output (the input paused).
    Flush,
}

/// Writes through a temporary file beside `path`, renamed over it only on success, so an
/// earlier file is never left half-overwritten. The temporary file is removed when the run
/// fails, panics or is interrupted (Ctrl-C, SIGTERM, SIGHUP: exit status 130); only SIGKILL
/// can leave it behind, as a hidden `.NAME.*.whosaid.tmp` beside FILE.
fn write_atomically<T>(
    path: &Path,
    f: impl FnOnce(&mut (dyn Write + Send)) -> anyhow::Result<T>,
) -> anyhow::Result<T> {
    let cannot_write = || format!("cannot write {}", path.display());
    if path.is_dir() {
        bail!("{}: it is a folder", cannot_write());
    }
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .context("output path has no file name")?
        .to_string_lossy()
        .into_owned();
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".whosaid.tmp");
    #[cfg(unix)]
    {
        // The mode a plain `File::create` gives (umask applies), not the temporary file's 0600.
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    remove_output_on_interrupt();
    // Dropped on an error or a panic, the temporary file removes itself. It is registered for
    // the interrupt handler under the lock, so no signal can come between.
    let tmp = {
        let mut pending = PENDING_OUTPUT
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        let tmp = builder.tempfile_in(dir).with_context(cannot_write)?;
        *pending = Some(tmp.path().to_owned());
        tmp
    };
    let mut w = BufWriter::with_capacity(1 << 16, tmp.as_file());
    let value = f(&mut w)?;
    w.flush().with_context(cannot_write)?;
    drop(w);
    tmp.as_file().sync_all().with_context(cannot_write)?;
    let mut pending = PENDING_OUTPUT
        .lock()
        .unwrap_or_else(PoisonError::into_inner);
    let result = tmp.persist(path);
    *pending = None;
    result.map_err(|e| e.error).with_context(cannot_write)?;
    Ok(value)
}

/// The temporary output file to remove if the run is interrupted.
static PENDING_OUTPUT: Mutex<Option<PathBuf>> = Mutex::new(None);

/// On Ctrl-C, SIGTERM or SIGHUP, removes the file in [`PENDING_OUTPUT`] (if it has not been
/// renamed into place yet) and exits with status 130. Should no handler be set, FILE is still
/// intact and only the temporary file is left.
fn remove_output_on_interrupt() {
    let _ = ctrlc::set_handler(|| {
        // The lock is held until the exit, so the file cannot be renamed in between.
        let mut pending = PENDING_OUTPUT
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if let Some(tmp) = pending.take() {
            let _ = std::fs::remove_file(tmp);
        }
        std::process::exit(130);
    });
}

fn run_eval(
    gold_path: &Path,
    json: bool,
    errors: usize,
    doubled_apostrophes: bool,
) -> anyhow::Result<ExitCode> {
    let gold = eval::read_gold(gold_path)?;
    let extractor = ExtractorBuilder::new()
        .doubled_apostrophes(doubled_apostrophes)
        .build()?;
    let predictions: Vec<Result<Vec<eval::Predicted>, String>> = gold
        .par_iter()
        .map(|doc| guarded(&doc.id, || eval::predict(&extractor, &doc.text)))
        .collect();
    // A document whose extraction failed is scored as predicting nothing.
    let mut failed = 0;
    let predictions: Vec<Vec<eval::Predicted>> = predictions
        .into_iter()
        .map(|p| {
            p.unwrap_or_else(|failure| {
                failed += 1;
                eprintln!("whosaid: error: {failure}");
                Vec::new()
            })
        })
        .collect();
    let report = eval::score(
        &gold,
        &predictions,
        &eval::EvalOptions { max_errors: errors },
    );
    let stdout = io::stdout();
    let mut out = stdout.lock();
    if json {
        serde_json::to_writer_pretty(&mut out, &report)?;
        writeln!(out)?;
    } else {
        write!(out, "{report}")?;
    }
    let _ = io::stderr().is_terminal();
    Ok(if failed > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

/// Runs `f` on FILE (through [`write_atomically`]) or on buffered standard output.
fn to_output(
    path: Option<&Path>,
    f: impl FnOnce(&mut dyn Write) -> anyhow::Result<ExitCode>,
) -> anyhow::Result<ExitCode> {
    match path {
        Some(path) => write_atomically(path, |w| f(w)),
        None => {
            let stdout = io::stdout();
            let mut w = BufWriter::with_capacity(1 << 16, stdout.lock());
            let code = f(&mut w)?;
            w.flush()?;
            Ok(code)
        }
    }
}

/// Reads the documents of `paths` as `extract` does: in batches (bounded like `extract`'s),
/// `work` runs on each document in parallel, given its 1-based position in the input, then
/// `sink` receives each document with its result in input order, so nothing depends on the
/// thread count. Warnings and errors are reported on stderr as by `extract`; the exit code
/// is 2 when some documents failed.
fn for_each_document<T: Send>(
    paths: Vec<PathBuf>,
    options: InputOptions,
    work: impl Fn(usize, &Document) -> T + Sync,
    mut sink: impl FnMut(&Document, T) -> anyhow::Result<()>,
) -> anyhow::Result<ExitCode> {
    let mut failed = 0usize;
    let mut seen = 0usize;
    let mut batch: Vec<(usize, Document)> = Vec::with_capacity(BATCH_DOCS);
    let mut batch_bytes = 0usize;
    // Returns the number of documents whose `work` failed.
    let mut flush = |batch: &mut Vec<(usize, Document)>| -> anyhow::Result<usize> {
        let mut failed = 0;
        let results: Vec<Result<T, String>> = batch
            .par_iter()
            .map(|(n, doc)| guarded(&doc.id, || work(*n, doc)))
            .collect();
        for ((_, doc), r) in batch.iter().zip(results) {
            match r {
                Ok(r) => sink(doc, r)?,
                Err(failure) => {
                    failed += 1;
                    eprintln!("whosaid: error: {failure}");
                }
            }
        }
        batch.clear();
        Ok(failed)
    };
    for item in input::read_inputs(paths, options) {
        match item {
            Item::Document(doc) => {
                if !batch.is_empty() && batch_bytes + doc.text.len() > BATCH_BYTES {
                    failed += flush(&mut batch)?;
                    batch_bytes = 0;
                }
                seen += 1;
                batch_bytes += doc.text.len();
                batch.push((seen, doc));
                if batch.len() >= BATCH_DOCS || batch_bytes >= BATCH_BYTES {
                    failed += flush(&mut batch)?;
                    batch_bytes = 0;
                }
            }
            Item::Warning(e) => eprintln!("whosaid: warning: {e}"),
            Item::Error(e) => {
                failed += 1;
                eprintln!("whosaid: error: {e}");
            }
        }
    }
    failed += flush(&mut batch)?;
    Ok(if failed > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

/// Runs the extractor on one document. A panic (a bug in a rule) is caught so that the run
/// goes on: it becomes an error naming the document, which gets no rows.
fn extract_guarded(extractor: &Extractor, doc: &Document) -> Result<Extraction, String> {
    guarded(&doc.id, || extractor.extract(&doc.text))
}

/// Runs `f` for the document `id`, turning a panic into an error message that names the
/// document. The panic's own report (location, message) has already gone to stderr.
fn guarded<T>(id: &str, f: impl FnOnce() -> T) -> Result<T, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).map_err(|payload| {
        let cause = payload
            .downcast_ref::<&str>()
            .copied()
            .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
            .unwrap_or("no message");
        format!(
            "{id}: internal error, no rows for this document ({cause}); please report it \
             with the document's text"
        )
    })
}

/// Rendered documents beyond this size wait for the speaker index in a temporary file rather
/// than in memory.
const REVIEW_SPOOL_BYTES: usize = 64 << 20;

/// `whosaid review`: the documents are rendered as they come (in parallel, in batches) and
/// kept aside while the speaker index is counted, then written after the page head and the
/// index.
fn run_review(
    extractor: &Extractor,
    paths: Vec<PathBuf>,
    options: InputOptions,
    w: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let mut index = SpeakerIndex::new();
    let mut body = tempfile::spooled_tempfile(REVIEW_SPOOL_BYTES);
    let code = for_each_document(
        paths,
        options,
        |n, doc| {
            let ex = extractor.extract(&doc.text);
            let mut html = String::new();
            review::write_document(&mut html, n, &doc.id, &doc.text, &ex);
            (ex, html)
        },
        |doc, (ex, html)| {
            index.add(&doc.id, &ex);
            body.write_all(html.as_bytes())
                .context("writing the report's temporary file")
        },
    )?;
    let mut head = String::new();
    review::write_head(&mut head, &index);
    w.write_all(head.as_bytes())?;
    body.rewind()?;
    io::copy(&mut body, w)?;
    let mut tail = String::new();
    review::write_tail(&mut tail);
    w.write_all(tail.as_bytes())?;
    Ok(code)
}

/// `whosaid speakers`: the speaker index of all documents as CSV.
fn run_speakers(
    extractor: &Extractor,
    paths: Vec<PathBuf>,
    options: InputOptions,
    header: bool,
    w: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let mut index = SpeakerIndex::new();
    let code = for_each_document(
        paths,
        options,
        |_, doc| extractor.extract(&doc.text),
        |doc, ex| {
            index.add(&doc.id, &ex);
            Ok(())
        },
    )?;
    let mut buf = Vec::new();
    index.write_csv(&mut buf, header)?;
    w.write_all(&buf)?;
    Ok(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panicking_document_becomes_an_error_naming_it() {
        let failure = guarded("wire/0042", || -> u32 { panic!("index out of bounds") })
            .expect_err("the panic is caught");
        assert!(
            failure.starts_with("wire/0042: internal error"),
            "{failure}"
        );
        assert!(failure.contains("index out of bounds"), "{failure}");
        let formatted = guarded("doc-7", || -> u32 { panic!("token {} of {}", 9, 4) })
            .expect_err("the panic is caught");
        assert!(formatted.contains("token 9 of 4"), "{formatted}");
    }

    #[test]
    fn a_document_that_does_not_panic_passes_through() {
        assert_eq!(guarded("doc", || 7), Ok(7));
    }
}
