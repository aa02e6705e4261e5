//! The `whosaid` command line: a thin layer over the library.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::{Mutex, PoisonError};

use anyhow::{bail, Context};
use clap::{Parser, Subcommand, ValueEnum};
use rayon::prelude::*;
use whosaid::output::{self, Format};
use whosaid::{eval, input, Document, Extractor, ExtractorBuilder, InputOptions, Item};

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
    #[command(after_help = EXIT_HELP)]
    Extract {
        /// Files, folders or `-` (standard input).
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = OutFormat::Csv)]
        format: OutFormat,
        /// Write to FILE instead of standard output (atomically: a temporary file renamed
        /// on success).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Number of worker threads (default: one per core).
        #[arg(short = 'j', long, value_name = "N")]
        threads: Option<usize>,
        /// Omit the CSV header row (for streaming and concatenated outputs).
        #[arg(long)]
        no_header: bool,
        /// Treat invalid UTF-8 as an error that skips the document, instead of decoding it
        /// lossily with a warning.
        #[arg(long)]
        strict: bool,
        /// For CSV meant for a spreadsheet: put a ' before any text cell (doc_id, quote,
        /// speaker, speaker_title, speaker_mention, cue) that starts with =, +, -, @, a tab or
        /// a carriage return, so it is not run as a formula. Such a cell then no longer
        /// matches its offsets exactly. No effect on --format jsonl.
        #[arg(long)]
        csv_safe: bool,
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
    },
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum OutFormat {
    /// The attribution CSV.
    Csv,
    /// One JSON object per document.
    Jsonl,
}

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
            paths,
            format,
            output,
            threads,
            no_header,
            strict,
            csv_safe,
        } => {
            init_threads(threads)?;
            let extractor = ExtractorBuilder::new().build()?;
            let format = match format {
                OutFormat::Csv if csv_safe => Format::CsvSafe,
                OutFormat::Csv => Format::Csv,
                OutFormat::Jsonl => Format::Jsonl,
            };
            let options = InputOptions { strict };
            match output {
                Some(path) => write_atomically(&path, |w| {
                    extract(&extractor, paths, options, format, !no_header, w)
                }),
                None => {
                    let stdout = io::stdout();
                    let mut w = BufWriter::with_capacity(1 << 16, stdout.lock());
                    let code = extract(&extractor, paths, options, format, !no_header, &mut w)?;
                    w.flush()?;
                    Ok(code)
                }
            }
        }
        Command::Eval {
            gold,
            json,
            errors,
            threads,
        } => {
            init_threads(threads)?;
            run_eval(&gold, json, errors)
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
/// document is processed on its own.
const BATCH_DOCS: usize = 512;
const BATCH_BYTES: usize = 8 << 20;

fn extract(
    extractor: &Extractor,
    paths: Vec<PathBuf>,
    options: InputOptions,
    format: Format,
    header: bool,
    w: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    if header && format.is_csv() {
        let mut buf = Vec::new();
        output::write_csv_header(&mut buf)?;
        w.write_all(&buf)?;
    }
    let mut failed = 0usize;
    let mut batch: Vec<Document> = Vec::with_capacity(BATCH_DOCS);
    let mut batch_bytes = 0usize;
    let flush = |batch: &mut Vec<Document>, w: &mut dyn Write| -> anyhow::Result<()> {
        let rendered: Vec<io::Result<Vec<u8>>> = batch
            .par_iter()
            .map(|doc| {
                let ex = extractor.extract(&doc.text);
                let mut buf = Vec::new();
                output::render(format, &mut buf, &doc.id, &doc.text, &ex)?;
                Ok(buf)
            })
            .collect();
        for r in rendered {
            w.write_all(&r?)?;
        }
        batch.clear();
        Ok(())
    };
    for item in input::read_inputs(paths, options) {
        match item {
            Item::Document(doc) => {
                // A document that would take the batch over the byte bound goes in the next one.
                if !batch.is_empty() && batch_bytes + doc.text.len() > BATCH_BYTES {
                    flush(&mut batch, w)?;
                    batch_bytes = 0;
                }
                batch_bytes += doc.text.len();
                batch.push(doc);
                if batch.len() >= BATCH_DOCS || batch_bytes >= BATCH_BYTES {
                    flush(&mut batch, w)?;
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
    flush(&mut batch, w)?;
    Ok(if failed > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

/// Writes through a temporary file beside `path`, renamed over it only on success, so an
/// earlier file is never left half-overwritten. The temporary file is removed when the run
/// fails, panics or is interrupted (Ctrl-C, SIGTERM, SIGHUP: exit status 130); only SIGKILL
/// can leave it behind, as a hidden `.NAME.*.whosaid.tmp` beside FILE.
fn write_atomically(
    path: &Path,
    f: impl FnOnce(&mut dyn Write) -> anyhow::Result<ExitCode>,
) -> anyhow::Result<ExitCode> {
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
    let code = f(&mut w)?;
    w.flush().with_context(cannot_write)?;
    drop(w);
    tmp.as_file().sync_all().with_context(cannot_write)?;
    let mut pending = PENDING_OUTPUT
        .lock()
        .unwrap_or_else(PoisonError::into_inner);
    let result = tmp.persist(path);
    *pending = None;
    result.map_err(|e| e.error).with_context(cannot_write)?;
    Ok(code)
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

fn run_eval(gold_path: &Path, json: bool, errors: usize) -> anyhow::Result<ExitCode> {
    let gold = eval::read_gold(gold_path)?;
    let extractor = ExtractorBuilder::new().build()?;
    let predictions: Vec<Vec<eval::Predicted>> = gold
        .par_iter()
        .map(|doc| eval::predict(&extractor, &doc.text))
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
    Ok(ExitCode::SUCCESS)
}
