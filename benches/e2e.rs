//! End-to-end benchmark of the release binary on a generated JSONL corpus, plus pathological
//! inputs. Not run by CI.
//!
//! ```sh
//! cargo bench --bench e2e                      # 100 MB corpus, 1 and 2 threads
//! cargo bench --bench e2e -- --size-mb 5       # a tiny run (pathological inputs scaled down)
//! cargo bench --bench e2e -- --threads 4 --no-pathological --dir /data/tmp --keep
//! ```
//!
//! The corpus is built in a temporary directory from the `text` fields of
//! `../shared/eval/polnear-train.jsonl` when that file exists, otherwise from
//! `data/articles/**/*.txt`, repeated with unique ids. Nothing is written into the repository.
//! MB means 10^6 bytes of input file; peak RSS is the child's `ru_maxrss`.

use std::ffi::OsString;
use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde::Serialize;

const USAGE: &str = "usage: cargo bench --bench e2e -- [--size-mb N] [--threads N] \
[--no-pathological] [--dir DIR] [--keep] [--timeout SECS]

  --size-mb N        corpus size in MB (default 100); below 100 the pathological inputs
                     shrink in proportion
  --threads N        the multi-thread run uses N threads (default 2); 1 runs only -j 1
  --no-pathological  skip the pathological inputs
  --dir DIR          make the temporary directory in DIR (default: the system temp dir)
  --keep             keep the temporary directory
  --timeout SECS     kill a run after SECS seconds (default 1800)";

/// Flag a pathological input whose seconds per MB exceed the news figure by more than this.
const FLAG_RATIO: f64 = 3.0;

struct Args {
    size_mb: f64,
    threads: usize,
    pathological: bool,
    dir: Option<PathBuf>,
    keep: bool,
    timeout: Duration,
}

fn parse_args() -> Args {
    let mut args = Args {
        size_mb: 100.0,
        threads: 2,
        pathological: true,
        dir: None,
        keep: false,
        timeout: Duration::from_secs(1800),
    };
    let mut it = std::env::args().skip(1);
    let fail = |msg: String| -> ! {
        eprintln!("e2e: {msg}\n{USAGE}");
        std::process::exit(2)
    };
    while let Some(a) = it.next() {
        let mut value = |name: &str| {
            it.next()
                .unwrap_or_else(|| fail(format!("{name} needs a value")))
        };
        match a.as_str() {
            // `cargo bench` passes --bench to every bench target.
            "--bench" => {}
            "--size-mb" => {
                args.size_mb = value("--size-mb")
                    .parse()
                    .ok()
                    .filter(|&x: &f64| x > 0.0)
                    .unwrap_or_else(|| fail("--size-mb must be a positive number".into()))
            }
            "--threads" | "-j" => {
                args.threads = value("--threads")
                    .parse()
                    .ok()
                    .filter(|&x: &usize| x > 0)
                    .unwrap_or_else(|| fail("--threads must be at least 1".into()))
            }
            "--no-pathological" => args.pathological = false,
            "--dir" => args.dir = Some(PathBuf::from(value("--dir"))),
            "--keep" => args.keep = true,
            "--timeout" => {
                args.timeout = Duration::from_secs(
                    value("--timeout")
                        .parse()
                        .unwrap_or_else(|_| fail("--timeout must be whole seconds".into())),
                )
            }
            "-h" | "--help" => {
                println!("{USAGE}");
                std::process::exit(0)
            }
            other => fail(format!("unknown argument {other:?}")),
        }
    }
    args
}

fn main() -> io::Result<()> {
    let raw: Vec<OsString> = std::env::args_os().skip(1).collect();
    if raw.first().is_some_and(|a| a == MEASURE) {
        return measure(&raw[1..]);
    }
    let args = parse_args();
    if cfg!(debug_assertions) {
        eprintln!("e2e: warning: this harness is a debug build; run it with `cargo bench`");
    }
    let bin = build_release()?;
    let (source, texts) = source_texts()?;
    let parent = args.dir.clone().unwrap_or_else(std::env::temp_dir);
    let tmp = tempfile::Builder::new()
        .prefix("whosaid-e2e-")
        .tempdir_in(&parent)?;
    let dir = tmp.path().to_path_buf();

    println!("binary: {} (source: {})", bin.display(), source_version());
    println!("machine: {} ({} cores)", cpu_model(), cores());
    println!("corpus source: {source} ({} texts)", texts.len());
    println!("temp dir: {}", dir.display());
    println!("load average before: {}", loadavg());

    // The ordinary news corpus.
    let corpus = dir.join("corpus.jsonl");
    let target = (args.size_mb * 1e6) as usize;
    let started = Instant::now();
    let (docs, bytes) = write_corpus(&corpus, &texts, target)?;
    println!(
        "corpus: {} ({:.1} MB, {docs} documents, built in {:.1} s)\n",
        corpus.display(),
        mb(bytes),
        started.elapsed().as_secs_f64()
    );

    let mut thread_counts = vec![1];
    if args.threads > 1 {
        thread_counts.push(args.threads);
    }
    let mut runs = Vec::new();
    for &t in &thread_counts {
        let out = dir.join(format!("out-j{t}.csv"));
        eprintln!("e2e: whosaid extract -j {t} ({:.0} MB) ...", mb(bytes));
        let r = run_whosaid(&bin, t, &corpus, &out, args.timeout)?;
        let rows = count_rows(&out, &r);
        runs.push((t, r, rows, out));
    }
    let identical = if runs.len() > 1 {
        let same = runs[1..]
            .iter()
            .map(|run| same_file(&runs[0].3, &run.3))
            .collect::<io::Result<Vec<bool>>>()?;
        Some(same.into_iter().all(|x| x))
    } else {
        None
    };
    for run in &runs {
        fs::remove_file(&run.3)?;
    }

    let data = fs::read(&corpus)?;
    let (scan_secs, count) = memchr_scan(&data);
    drop(data);
    let scan_mbps = mb(bytes) / scan_secs;

    println!("## Ordinary news: {:.1} MB, {docs} documents\n", mb(bytes));
    println!(
        "| run | wall s | CPU s | MB/s | docs/s | peak RSS MiB | rows | memchr MB/s ÷ this | other load |"
    );
    println!("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (t, r, rows, _) in &runs {
        let mbps = mb(bytes) / r.wall;
        println!(
            "| whosaid extract -j {t} | {:.2} | {:.2} | {:.2} | {:.0} | {:.1} | {} | {:.0}× | {:.2} |",
            r.wall,
            r.cpu,
            mbps,
            docs as f64 / r.wall,
            r.maxrss_mib(),
            rows_cell(*rows, r),
            scan_mbps / mbps,
            r.others,
        );
    }
    println!(
        "| memchr scan for `\"` ({count} found), in memory | {scan_secs:.4} | | {scan_mbps:.0} | {:.0} | | | 1× | |",
        docs as f64 / scan_secs
    );
    println!(
        "\n(other load: cores kept busy by other processes during the run, from /proc/stat; \
         figures taken with other load well above 0 are skewed)"
    );
    println!();
    if runs.len() > 1 {
        let (t, r, ..) = &runs[runs.len() - 1];
        println!(
            "speedup -j {t} / -j 1: {:.2}× (output byte-identical: {})",
            runs[0].1.wall / r.wall,
            if identical == Some(true) { "yes" } else { "NO" }
        );
    }
    let news_spmb = runs[0].1.wall / mb(bytes);
    println!("news seconds per MB (-j 1): {news_spmb:.4}\n");
    fs::remove_file(&corpus)?;

    if args.pathological {
        pathological(&args, &bin, &dir, &texts, news_spmb)?;
    }

    println!("load average after: {}", loadavg());
    if args.keep {
        let kept = tmp.keep();
        println!("kept {}", kept.display());
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Pathological inputs

fn pathological(
    args: &Args,
    bin: &Path,
    dir: &Path,
    texts: &[String],
    news_spmb: f64,
) -> io::Result<()> {
    let scale = (args.size_mb / 100.0).min(1.0);
    let scaled = |mb: f64| ((mb * scale * 1e6) as usize).max(10_000);
    let marks = ((100_000.0 * scale) as usize).max(1_000);
    let cases: Vec<(String, PathBuf)> = vec![
        (
            format!("one document of {:.1} MB of news", mb(scaled(50.0))),
            one_big_document(&dir.join("one-doc.jsonl"), texts, scaled(50.0))?,
        ),
        (
            format!("{marks} quotation marks “ ” \" ' among words, one document"),
            many_marks(&dir.join("marks.jsonl"), texts, marks)?,
        ),
        (
            format!("one {:.1} MB line, no newline (.txt)", mb(scaled(20.0))),
            one_line(&dir.join("one-line.txt"), texts, scaled(20.0))?,
        ),
        (
            format!(
                "{:.1} MB of only unbalanced `“ “ “ ' ' «` (.txt)",
                mb(scaled(5.0))
            ),
            unbalanced(&dir.join("unbalanced.txt"), scaled(5.0))?,
        ),
    ];
    let mut lines = Vec::new();
    for (name, path) in &cases {
        let bytes = fs::metadata(path)?.len() as usize;
        let out = dir.join("out-patho.csv");
        eprintln!("e2e: {name} ...");
        let r = run_whosaid(bin, 1, path, &out, args.timeout)?;
        let rows = count_rows(&out, &r);
        fs::remove_file(&out)?;
        fs::remove_file(path)?;
        let spmb = r.wall / mb(bytes);
        let ratio = spmb / news_spmb;
        let flag = if r.timed_out {
            "**TIMED OUT**"
        } else if ratio > FLAG_RATIO {
            "**> 3×**"
        } else if r.code != 0 {
            "**FAILED**"
        } else {
            "ok"
        };
        lines.push(format!(
            "| {name} | {:.1} | {:.2} | {spmb:.4} | {ratio:.2}× | {:.1} | {} | {:.2} | {flag} |",
            mb(bytes),
            r.wall,
            r.maxrss_mib(),
            rows_cell(rows, &r),
            r.others,
        ));
    }
    println!("## Pathological inputs (-j 1), against {news_spmb:.4} s/MB for news\n");
    println!(
        "| input | MB | wall s | s/MB | ÷ news s/MB | peak RSS MiB | rows | other load | flag |"
    );
    println!("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
    for l in lines {
        println!("{l}");
    }
    println!();
    Ok(())
}

/// News paragraphs concatenated into one JSONL record of at least `target` bytes of text.
fn one_big_document(path: &Path, texts: &[String], target: usize) -> io::Result<PathBuf> {
    let mut text = String::with_capacity(target + (1 << 16));
    for t in texts.iter().cycle() {
        if text.len() >= target {
            break;
        }
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        text.push_str(t);
    }
    write_records(path, [("big-0", text.as_str())])?;
    Ok(path.to_path_buf())
}

/// News words with `marks` quotation marks (“ ” " ') put before or after random words, one
/// JSONL record; the source text's own marks and paragraph breaks are kept.
fn many_marks(path: &Path, texts: &[String], marks: usize) -> io::Result<PathBuf> {
    let mut rng = XorShift(0x9e37_79b9_7f4a_7c15);
    let mut text = String::new();
    let mut left = marks;
    'outer: for t in texts.iter().cycle() {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        for (i, word) in t.split(' ').enumerate() {
            if i > 0 {
                text.push(' ');
            }
            if left > 0 && rng.next() % 5 == 0 {
                left -= 1;
                let mark = ['“', '”', '"', '\''][(rng.next() % 4) as usize];
                let before = match mark {
                    '“' => true,
                    '”' => false,
                    _ => rng.next() % 2 == 0,
                };
                if before {
                    text.push(mark);
                    text.push_str(word);
                } else {
                    text.push_str(word);
                    text.push(mark);
                }
            } else {
                text.push_str(word);
            }
        }
        if left == 0 {
            break 'outer;
        }
    }
    write_records(path, [("marks-0", text.as_str())])?;
    Ok(path.to_path_buf())
}

/// News text with every line break turned into a space: one line of at least `target` bytes.
fn one_line(path: &Path, texts: &[String], target: usize) -> io::Result<PathBuf> {
    let mut w = BufWriter::new(File::create(path)?);
    let mut n = 0;
    for t in texts.iter().cycle() {
        if n >= target {
            break;
        }
        if n > 0 {
            w.write_all(b" ")?;
            n += 1;
        }
        let line = t.replace(['\n', '\r'], " ");
        w.write_all(line.as_bytes())?;
        n += line.len();
    }
    w.flush()?;
    Ok(path.to_path_buf())
}

/// `target` bytes of nothing but unbalanced marks and spaces.
fn unbalanced(path: &Path, target: usize) -> io::Result<PathBuf> {
    const UNIT: &str = "“ “ “ ' ' « ";
    let text = UNIT.repeat(target.div_ceil(UNIT.len()));
    fs::write(path, text.trim_end())?;
    Ok(path.to_path_buf())
}

struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

// ---------------------------------------------------------------------------------------------
// Corpus

/// The news texts: PolNeAR train when it is there, else the bundled sample articles.
fn source_texts() -> io::Result<(String, Vec<String>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let polnear = root.join("../shared/eval/polnear-train.jsonl");
    if polnear.is_file() {
        let mut texts = Vec::new();
        for line in BufReader::new(File::open(&polnear)?).lines() {
            let line = line?;
            if line.trim().is_empty() {
                continue;
            }
            let v: serde_json::Value = serde_json::from_str(&line)?;
            if let Some(t) = v.get("text").and_then(|t| t.as_str()) {
                if !t.trim().is_empty() {
                    texts.push(t.to_owned());
                }
            }
        }
        if !texts.is_empty() {
            return Ok((polnear.display().to_string(), texts));
        }
    }
    let articles = root.join("data/articles");
    let mut files = Vec::new();
    txt_files(&articles, &mut files)?;
    let texts = files
        .iter()
        .map(fs::read_to_string)
        .collect::<io::Result<Vec<_>>>()?;
    if texts.is_empty() {
        return Err(io::Error::other("no source texts"));
    }
    Ok((format!("{}/**/*.txt", articles.display()), texts))
}

fn txt_files(dir: &Path, out: &mut Vec<PathBuf>) -> io::Result<()> {
    let mut entries = fs::read_dir(dir)?
        .map(|e| e.map(|e| e.path()))
        .collect::<io::Result<Vec<_>>>()?;
    entries.sort();
    for path in entries {
        if path.is_dir() {
            txt_files(&path, out)?;
        } else if path.extension().is_some_and(|x| x == "txt") {
            out.push(path);
        }
    }
    Ok(())
}

#[derive(Serialize)]
struct Record<'a> {
    id: &'a str,
    text: &'a str,
}

/// Writes JSONL records `{"id": "news-00000000", "text": ...}` cycling through `texts` until
/// the file holds at least `target` bytes. Returns (documents, bytes).
fn write_corpus(path: &Path, texts: &[String], target: usize) -> io::Result<(usize, usize)> {
    let mut w = CountingWriter {
        inner: BufWriter::with_capacity(1 << 20, File::create(path)?),
        n: 0,
    };
    let mut docs = 0;
    for t in texts.iter().cycle() {
        if w.n >= target {
            break;
        }
        let id = format!("news-{docs:08}");
        serde_json::to_writer(&mut w, &Record { id: &id, text: t })?;
        w.write_all(b"\n")?;
        docs += 1;
    }
    w.flush()?;
    Ok((docs, w.n))
}

fn write_records<'a>(
    path: &Path,
    records: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> io::Result<()> {
    let mut w = BufWriter::new(File::create(path)?);
    for (id, text) in records {
        serde_json::to_writer(&mut w, &Record { id, text })?;
        w.write_all(b"\n")?;
    }
    w.flush()
}

struct CountingWriter<W> {
    inner: W,
    n: usize,
}

impl<W: Write> Write for CountingWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let k = self.inner.write(buf)?;
        self.n += k;
        Ok(k)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

// ---------------------------------------------------------------------------------------------
// Running the binary

/// Builds the release binary (a no-op when it is up to date) and returns its path.
fn build_release() -> io::Result<PathBuf> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| OsString::from("cargo"));
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml");
    eprintln!("e2e: cargo build --release --bin whosaid");
    let out = Command::new(cargo)
        .args(["build", "--release", "--bin", "whosaid"])
        .arg("--message-format=json-render-diagnostics")
        .arg("--manifest-path")
        .arg(&manifest)
        .stderr(Stdio::inherit())
        .output()?;
    if !out.status.success() {
        return Err(io::Error::other("cargo build --release failed"));
    }
    for line in out.stdout.split(|&b| b == b'\n') {
        let Ok(msg) = serde_json::from_slice::<serde_json::Value>(line) else {
            continue;
        };
        if msg["reason"] == "compiler-artifact" && msg["target"]["name"] == "whosaid" {
            if let Some(exe) = msg["executable"].as_str() {
                return Ok(PathBuf::from(exe));
            }
        }
    }
    Err(io::Error::other(
        "cargo build did not report the whosaid binary",
    ))
}

struct Run {
    wall: f64,
    /// The child's user + system CPU seconds.
    cpu: f64,
    maxrss_kib: i64,
    code: i32,
    timed_out: bool,
    /// Cores kept busy by other processes during the run, on average (from /proc/stat).
    others: f64,
}

impl Run {
    fn maxrss_mib(&self) -> f64 {
        self.maxrss_kib as f64 / 1024.0
    }
}

/// Runs `whosaid extract -j T INPUT` with stdout to `out`, timed, with the child's peak RSS.
///
/// The run goes through a fresh copy of this harness (`__measure`): on Linux a process's
/// `ru_maxrss` starts from the peak RSS of the process that spawned it, and this harness
/// holds the source texts and, at times, a whole corpus in memory. The small trampoline
/// keeps that out of the child's figure.
fn run_whosaid(
    bin: &Path,
    threads: usize,
    input: &Path,
    out: &Path,
    timeout: Duration,
) -> io::Result<Run> {
    let stderr = out.with_extension("stderr");
    let busy_before = busy_seconds();
    let measured = Command::new(std::env::current_exe()?)
        .arg(MEASURE)
        .arg(timeout.as_secs().to_string())
        .arg(out)
        .arg(&stderr)
        .arg(bin)
        .arg("extract")
        .arg("-j")
        .arg(threads.to_string())
        .arg(input)
        .stdin(Stdio::null())
        .stderr(Stdio::inherit())
        .output()?;
    let busy = busy_seconds() - busy_before;
    let report = String::from_utf8_lossy(&measured.stdout);
    let fields: Vec<&str> = report.split_whitespace().collect();
    let run = match fields[..] {
        [wall, cpu, rss, code, timed_out] if measured.status.success() => {
            let wall: f64 = wall.parse().map_err(io::Error::other)?;
            let cpu: f64 = cpu.parse().map_err(io::Error::other)?;
            Run {
                wall,
                cpu,
                maxrss_kib: rss.parse().map_err(io::Error::other)?,
                code: code.parse().map_err(io::Error::other)?,
                timed_out: timed_out == "1",
                others: ((busy - cpu) / wall).max(0.0),
            }
        }
        _ => return Err(io::Error::other(format!("measuring failed: {report:?}"))),
    };
    let mut err = String::new();
    File::open(&stderr)?.read_to_string(&mut err)?;
    fs::remove_file(&stderr)?;
    if run.code != 0 || !err.is_empty() {
        let short: String = err.lines().take(5).collect::<Vec<_>>().join("\n");
        eprintln!("e2e: whosaid exited with {}; stderr:\n{short}", run.code);
    }
    Ok(run)
}

/// The trampoline's argument: `__measure TIMEOUT_SECS OUT ERR PROGRAM ARGS...`.
const MEASURE: &str = "__measure";

/// The trampoline: runs PROGRAM with stdout to OUT and stderr to ERR, and prints
/// `wall_seconds cpu_seconds maxrss_kib exit_code timed_out` on stdout.
fn measure(args: &[OsString]) -> io::Result<()> {
    let [timeout, out, err, program, rest @ ..] = args else {
        return Err(io::Error::other(
            "usage: __measure TIMEOUT OUT ERR PROGRAM ARGS...",
        ));
    };
    let timeout = Duration::from_secs(
        timeout
            .to_string_lossy()
            .parse()
            .map_err(io::Error::other)?,
    );
    let started = Instant::now();
    let child = Command::new(program)
        .args(rest)
        .stdin(Stdio::null())
        .stdout(File::create(out)?)
        .stderr(File::create(err)?)
        .spawn()?;
    let pid = child.id() as libc::pid_t;
    let (done, wait) = mpsc::channel::<()>();
    let watchdog = std::thread::spawn(move || {
        if wait.recv_timeout(timeout) == Err(mpsc::RecvTimeoutError::Timeout) {
            // SAFETY: kill has no memory-safety preconditions; the child is not reaped yet.
            unsafe { libc::kill(pid, libc::SIGKILL) };
            true
        } else {
            false
        }
    });
    let mut status: libc::c_int = 0;
    // SAFETY: an all-zero rusage is a valid value of this plain C struct.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let r = loop {
        // SAFETY: status and usage are valid for writes for the duration of the call.
        let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
        if r == -1 && io::Error::last_os_error().kind() == io::ErrorKind::Interrupted {
            continue;
        }
        break r;
    };
    let wall = started.elapsed().as_secs_f64();
    let _ = done.send(());
    let timed_out = watchdog.join().unwrap_or(false);
    drop(child);
    if r != pid {
        return Err(io::Error::last_os_error());
    }
    let code = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else {
        -1
    };
    let secs = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    let cpu = secs(usage.ru_utime) + secs(usage.ru_stime);
    println!(
        "{wall} {cpu} {} {code} {}",
        usage.ru_maxrss,
        u8::from(timed_out)
    );
    Ok(())
}

/// The number of CSV records after the header, or None when the run failed.
fn count_rows(out: &Path, run: &Run) -> Option<u64> {
    if run.code != 0 || run.timed_out {
        return None;
    }
    let file = File::open(out).ok()?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(BufReader::with_capacity(1 << 20, file));
    let mut record = csv::ByteRecord::new();
    let mut n = 0;
    while reader.read_byte_record(&mut record).ok()? {
        n += 1;
    }
    Some(n)
}

fn rows_cell(rows: Option<u64>, run: &Run) -> String {
    match rows {
        Some(n) => n.to_string(),
        None if run.timed_out => "timeout".into(),
        None => format!("exit {}", run.code),
    }
}

fn same_file(a: &Path, b: &Path) -> io::Result<bool> {
    if fs::metadata(a)?.len() != fs::metadata(b)?.len() {
        return Ok(false);
    }
    let mut ra = BufReader::with_capacity(1 << 20, File::open(a)?);
    let mut rb = BufReader::with_capacity(1 << 20, File::open(b)?);
    let (mut ba, mut bb) = (vec![0u8; 1 << 20], vec![0u8; 1 << 20]);
    loop {
        let n = read_full(&mut ra, &mut ba)?;
        let m = read_full(&mut rb, &mut bb)?;
        if n != m || ba[..n] != bb[..m] {
            return Ok(false);
        }
        if n == 0 {
            return Ok(true);
        }
    }
}

fn read_full(r: &mut impl Read, buf: &mut [u8]) -> io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..])? {
            0 => break,
            k => n += k,
        }
    }
    Ok(n)
}

/// The best of five in-memory scans counting `"` with memchr: (seconds, count).
fn memchr_scan(data: &[u8]) -> (f64, usize) {
    let mut best = f64::INFINITY;
    let mut count = 0;
    for _ in 0..5 {
        let t = Instant::now();
        count = std::hint::black_box(memchr::memchr_iter(b'"', std::hint::black_box(data)).count());
        best = best.min(t.elapsed().as_secs_f64());
    }
    (best, count)
}

fn mb(bytes: usize) -> f64 {
    bytes as f64 / 1e6
}

fn cpu_model() -> String {
    fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split_once(':'))
                .map(|(_, v)| v.trim().to_owned())
        })
        .unwrap_or_else(|| "unknown CPU".into())
}

/// The commit the binary was built from, and whether the working tree had changes.
fn source_version() -> String {
    let git = |args: &[&str]| {
        Command::new("git")
            .arg("-C")
            .arg(env!("CARGO_MANIFEST_DIR"))
            .args(args)
            .stderr(Stdio::null())
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
    };
    match (
        git(&["rev-parse", "--short", "HEAD"]),
        git(&["status", "--porcelain", "--untracked-files=no"]),
    ) {
        (Some(head), Some(status)) if status.is_empty() => head,
        (Some(head), Some(_)) => format!("{head} + uncommitted changes"),
        _ => "unknown".into(),
    }
}

/// CPU seconds spent busy on all cores since boot (/proc/stat), or 0 when unknown.
fn busy_seconds() -> f64 {
    let Ok(stat) = fs::read_to_string("/proc/stat") else {
        return 0.0;
    };
    let Some(cpu) = stat.lines().next() else {
        return 0.0;
    };
    // user nice system idle iowait irq softirq steal: busy is all but idle and iowait.
    let ticks: Vec<f64> = cpu
        .split_whitespace()
        .skip(1)
        .take(8)
        .filter_map(|x| x.parse().ok())
        .collect();
    if ticks.len() < 8 {
        return 0.0;
    }
    // SAFETY: sysconf has no preconditions.
    let hz = unsafe { libc::sysconf(libc::_SC_CLK_TCK) }.max(1) as f64;
    (ticks.iter().sum::<f64>() - ticks[3] - ticks[4]) / hz
}

/// The 1, 5 and 15 minute load averages: other work on the machine skews the figures.
fn loadavg() -> String {
    fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".into())
}

fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}
