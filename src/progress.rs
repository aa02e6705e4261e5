//! Progress on stderr for long runs, and the one-line summary at the end (binary only).
//!
//! A subcommand that streams documents makes one [`Progress`] when it starts, reports after
//! each batch with [`Progress::update`], prints every warning or error through
//! [`Progress::eprintln`] (so lines never cut through the bar), counts what it found in a
//! [`Tally`], and ends with [`Progress::finish`]:
//!
//! - The bar shows only when stderr is a terminal, and only once the run has taken
//!   [`SHOW_AFTER`]: short runs and redirected stderr never see it.
//! - With a known total (files and folders: their sizes, summed from metadata on a
//!   background thread) it is a bar with documents, bytes, rate and ETA; on standard input
//!   it is a spinner with documents, bytes and rate.
//! - `--quiet` turns off both the bar and the summary; warnings and errors still print.

use std::collections::HashSet;
use std::fmt;
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rustc_hash::FxBuildHasher;
use whosaid::Extraction;

/// How long a run goes before its bar appears.
pub const SHOW_AFTER: Duration = Duration::from_secs(2);

/// The bar's redraw period once shown (it also redraws on updates).
const TICK: Duration = Duration::from_millis(120);

const SPINNER_TEMPLATE: &str =
    "{spinner} whosaid: {msg}, {decimal_bytes} ({decimal_bytes_per_sec}), {elapsed}";
const BAR_TEMPLATE: &str = "{spinner} whosaid: {msg}, {decimal_bytes}/{decimal_total_bytes} \
     ({decimal_bytes_per_sec}) [{bar:30}] {percent}%, ETA {eta}";

/// The progress display of one run and its clock.
pub struct Progress {
    /// `None` when no bar can show (`--quiet`, or stderr is not a terminal).
    bar: Option<ProgressBar>,
    /// Dropping the sender stops the thread that shows the bar after [`SHOW_AFTER`].
    shower: Option<(mpsc::Sender<()>, JoinHandle<()>)>,
    start: Instant,
    quiet: bool,
}

impl Progress {
    /// Starts the clock of a run over `paths` (as given to `whosaid::input::read_inputs`; an
    /// empty list or `-` is standard input). Nothing shows before [`SHOW_AFTER`].
    pub fn start(paths: &[PathBuf], quiet: bool) -> Progress {
        let start = Instant::now();
        if quiet || !io::stderr().is_terminal() {
            return Progress {
                bar: None,
                shower: None,
                start,
                quiet,
            };
        }
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
        bar.set_style(style(SPINNER_TEMPLATE));
        bar.set_message(documents(0));
        // The total, from metadata; a large folder can take a while to list, so the run does
        // not wait for it. Standard input has none and stays a spinner.
        let paths = paths.to_vec();
        let sizer = bar.clone();
        std::thread::spawn(move || {
            if let Some(total) = whosaid::input::input_size(&paths) {
                sizer.set_length(total);
                sizer.set_style(style(BAR_TEMPLATE));
            }
        });
        let (stop, stopped) = mpsc::channel::<()>();
        let shown = bar.clone();
        let shower = std::thread::spawn(move || {
            if let Err(RecvTimeoutError::Timeout) = stopped.recv_timeout(SHOW_AFTER) {
                shown.set_draw_target(ProgressDrawTarget::stderr());
                shown.enable_steady_tick(TICK);
            }
        });
        Progress {
            bar: Some(bar),
            shower: Some((stop, shower)),
            start,
            quiet,
        }
    }

    /// Reports `docs` documents and `bytes` input bytes done so far.
    pub fn update(&self, docs: u64, bytes: u64) {
        if let Some(bar) = &self.bar {
            bar.set_message(documents(docs));
            bar.set_position(bytes);
        }
    }

    /// Writes one line to stderr, above the bar if it shows. If stderr is closed, the line is
    /// dropped and the run goes on.
    pub fn eprintln(&self, line: fmt::Arguments<'_>) {
        let write = || {
            let _ = writeln!(io::stderr().lock(), "{line}");
        };
        match &self.bar {
            Some(bar) => bar.suspend(write),
            None => write(),
        }
    }

    /// Removes the bar and, unless `--quiet`, prints the summary line of `tally`.
    pub fn finish(mut self, tally: &Tally) {
        self.stop_bar();
        if !self.quiet {
            let summary = tally.summary(self.start.elapsed());
            let _ = writeln!(io::stderr().lock(), "{summary}");
        }
    }

    /// Stops the bar's thread and clears the bar if it showed.
    fn stop_bar(&mut self) {
        if let Some((stop, shower)) = self.shower.take() {
            drop(stop);
            let _ = shower.join();
        }
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
            // The total may still come in from its thread: nothing is drawn any more.
            bar.set_draw_target(ProgressDrawTarget::hidden());
        }
    }
}

impl Drop for Progress {
    /// A run that ends in an error clears its bar too, before the error is printed.
    fn drop(&mut self) {
        self.stop_bar();
    }
}

fn style(template: &str) -> ProgressStyle {
    ProgressStyle::with_template(template)
        .expect("the progress templates are valid")
        .progress_chars("=> ")
}

fn documents(n: u64) -> String {
    plural(n, "document")
}

/// `"1 document"`, `"2 documents"`.
fn plural(n: impl Into<u64>, noun: &str) -> String {
    let n = n.into();
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// What a run found, for its summary line. Memory grows only with the distinct speakers.
#[derive(Debug, Default)]
pub struct Tally {
    /// Documents processed.
    pub documents: u64,
    /// Quotes found.
    pub quotes: u64,
    /// Documents or lines that could not be read.
    pub errors: u64,
    /// Input bytes read.
    pub bytes: u64,
    /// Distinct resolved speaker names across the run.
    speakers: HashSet<String, FxBuildHasher>,
}

impl Tally {
    /// Counts one processed document and its quotes and speakers.
    pub fn add(&mut self, extraction: &Extraction) {
        self.documents += 1;
        self.quotes += extraction.quotes.len() as u64;
        for speaker in extraction
            .quotes
            .iter()
            .filter_map(|q| q.speaker.as_deref())
        {
            if !speaker.is_empty() && !self.speakers.contains(speaker) {
                self.speakers.insert(speaker.to_owned());
            }
        }
    }

    /// The number of distinct speakers seen.
    pub fn speakers(&self) -> usize {
        self.speakers.len()
    }

    /// The summary line after `elapsed`.
    pub fn summary(&self, elapsed: Duration) -> Summary<'_> {
        Summary {
            tally: self,
            elapsed,
        }
    }
}

/// The summary line: `whosaid: 19 documents, 187 rows, 64 speakers, 0 errors, 2.1 MB in
/// 0.05 s (42 MB/s)`.
pub struct Summary<'a> {
    tally: &'a Tally,
    elapsed: Duration,
}

impl fmt::Display for Summary<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let t = self.tally;
        let secs = self.elapsed.as_secs_f64();
        let rate = t.bytes as f64 / secs.max(1e-6);
        write!(
            f,
            "whosaid: {}, {}, {}, {}, {} in {} ({}/s)",
            plural(t.documents, "document"),
            plural(t.quotes, "row"),
            plural(t.speakers() as u64, "speaker"),
            plural(t.errors, "error"),
            decimal_size(t.bytes as f64),
            seconds(secs),
            decimal_size(rate),
        )
    }
}

/// Bytes in decimal units: `512 B`, `12.3 kB`, `2.1 MB`, `1.25 GB`.
fn decimal_size(bytes: f64) -> String {
    if bytes < 1e3 {
        format!("{bytes:.0} B")
    } else if bytes < 1e6 {
        format!("{:.1} kB", bytes / 1e3)
    } else if bytes < 1e9 {
        format!("{:.1} MB", bytes / 1e6)
    } else {
        format!("{:.2} GB", bytes / 1e9)
    }
}

/// `0.05 s`, `12.3 s`, `4 min 05 s`.
fn seconds(secs: f64) -> String {
    if secs < 10.0 {
        format!("{secs:.2} s")
    } else if secs < 60.0 {
        format!("{secs:.1} s")
    } else {
        let whole = secs.round() as u64;
        format!("{} min {:02} s", whole / 60, whole % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use whosaid::ExtractorBuilder;

    #[test]
    fn summary_line_counts_distinct_speakers_and_reads_well() {
        let extractor = ExtractorBuilder::new().build().unwrap();
        let mut tally = Tally::default();
        tally.add(&extractor.extract("“We won,” Ana Ruiz said. “Again,” she added."));
        tally.add(&extractor.extract("“Not yet,” Ana Ruiz said. “No,” said Bo Lee."));
        tally.add(&extractor.extract("No quotes."));
        tally.errors = 1;
        tally.bytes = 2_100_000;
        let line = tally.summary(Duration::from_millis(50)).to_string();
        assert_eq!(
            line,
            "whosaid: 3 documents, 4 rows, 2 speakers, 1 error, 2.1 MB in 0.05 s (42.0 MB/s)"
        );
        let empty = Tally::default().summary(Duration::ZERO).to_string();
        assert_eq!(
            empty,
            "whosaid: 0 documents, 0 rows, 0 speakers, 0 errors, 0 B in 0.00 s (0 B/s)"
        );
    }

    #[test]
    fn sizes_and_durations() {
        assert_eq!(decimal_size(999.0), "999 B");
        assert_eq!(decimal_size(12_345.0), "12.3 kB");
        assert_eq!(decimal_size(1_250_000_000.0), "1.25 GB");
        assert_eq!(seconds(12.34), "12.3 s");
        assert_eq!(seconds(245.2), "4 min 05 s");
    }

    #[test]
    fn templates_are_valid() {
        style(SPINNER_TEMPLATE);
        style(BAR_TEMPLATE);
    }

    #[test]
    fn no_bar_when_quiet() {
        let progress = Progress::start(&[], true);
        assert!(progress.bar.is_none());
        progress.update(1, 2);
        progress.finish(&Tally::default());
    }
}
