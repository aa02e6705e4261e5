//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};

use serde::Deserialize;
use whosaid::{Extractor, ExtractorBuilder};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// One extractor with the bundled rules.
pub fn extractor() -> Extractor {
    ExtractorBuilder::new()
        .build()
        .expect("bundled rule data is valid")
}

/// A gold document in the seeds/fixtures format (resolved speaker names and titles).
#[derive(Deserialize, Debug)]
pub struct GoldDoc {
    pub id: String,
    pub text: String,
    pub quotes: Vec<GoldQuote>,
}

#[derive(Deserialize, Debug)]
pub struct GoldQuote {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: String,
    pub speaker: Option<String>,
    pub speaker_title: Option<String>,
    pub speaker_mention: Option<String>,
    pub speaker_start: Option<usize>,
    pub speaker_end: Option<usize>,
}

pub fn read_gold(path: &Path) -> Vec<GoldDoc> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("valid gold line"))
        .collect()
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
