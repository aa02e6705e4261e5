//! Helpers shared by the integration tests.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Child;

use whosaid::{Extractor, ExtractorBuilder};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `n` JSONL lines, each a record of the seed article `003_…` (with `"id": "x"` when
/// `with_id`), for runs that need many real documents on stdin or in a file.
pub fn seed_jsonl(with_id: bool, n: usize) -> String {
    let doc = std::fs::read_to_string(root().join("data/articles/seeds/003_d057b553bdeb1683.txt"))
        .unwrap();
    let record = if with_id {
        serde_json::json!({"id": "x", "text": doc})
    } else {
        serde_json::json!({"text": doc})
    };
    (record.to_string() + "\n").repeat(n)
}

/// One extractor with the bundled rules.
pub fn extractor() -> Extractor {
    ExtractorBuilder::new()
        .build()
        .expect("bundled rule data is valid")
}

pub use whosaid::eval::GoldDoc;

/// Gold documents in the seeds/fixtures format (resolved speaker names and titles).
pub fn read_gold(path: &Path) -> Vec<GoldDoc> {
    whosaid::eval::read_gold(path).unwrap_or_else(|e| panic!("{e}"))
}

/// The slice of `text` between code-point offsets.
pub fn chars(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

/// `../shared/eval/NAME` when present; `None` (after saying so) when absent.
pub fn shared_eval(name: &str) -> Option<PathBuf> {
    let p = root().join("../shared/eval").join(name);
    if p.exists() {
        Some(p)
    } else {
        eprintln!(
            "skipping: {} not found (../shared/eval is absent)",
            p.display()
        );
        None
    }
}

/// A run's stderr without the summary line that `whosaid extract` prints at the end
/// (`whosaid: 3 documents, 5 rows, … (1.2 MB/s)`), for tests about the other messages.
pub fn without_summary(stderr: &[u8]) -> String {
    String::from_utf8_lossy(stderr)
        .lines()
        .filter(|line| !is_summary(line))
        .map(|line| format!("{line}\n"))
        .collect()
}

/// Whether `line` is the summary line.
pub fn is_summary(line: &str) -> bool {
    line.starts_with("whosaid: ")
        && line.contains(" document")
        && line.contains(" row")
        && line.ends_with("/s)")
}

/// Pieces of news text that stress the quote finder and the attribution rules, for the
/// property tests and the deterministic hostile-text test.
pub const HOSTILE_PIECES: &[&str] = &[
    "“",
    "”",
    "‘",
    "’",
    "\"",
    "'",
    "«",
    "»",
    "„",
    "‚",
    "``",
    "''",
    "’s",
    "’90s",
    "rock ’n’ roll",
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\t",
    "\u{a0}",
    "\u{200b}",
    "\u{feff}",
    ".",
    ",",
    ":",
    ";",
    "?",
    "!",
    "—",
    "-",
    "(",
    ")",
    "said",
    "says",
    "told",
    "told reporters",
    "according to",
    "added",
    "saying",
    "he",
    "He",
    "she",
    "She",
    "they",
    "who",
    "Mr. Smith",
    "Smith",
    "Sen.",
    "Ana Ruiz",
    "the mayor",
    "the White House",
    "U.S.",
    "a spokesman for",
    "We",
    "will",
    "not",
    "é",
    "😀",
    "\u{301}",
    "שלום",
    "مرحبا",
];

/// All that a finished child process wrote on stderr (empty when it was not piped).
pub fn take_stderr(child: &mut Child) -> String {
    let mut err = String::new();
    if let Some(mut e) = child.stderr.take() {
        e.read_to_string(&mut err).unwrap();
    }
    err
}
