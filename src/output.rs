//! Output formats: the attribution CSV (columns as in the project's FORMAT.md) and JSONL.
//!
//! Offsets written here are code points (Python string indices); JSONL also carries bytes.
//! Each document renders into its own buffer, so parallel workers can format and the writer
//! can print whole documents in input order.

use serde::Serialize;

use crate::span::CharMap;
use crate::types::{Extraction, Quote};

/// The CSV header, in column order.
pub const CSV_HEADER: [&str; 14] = [
    "doc_id",
    "quote_index",
    "kind",
    "quote_start",
    "quote_end",
    "quote",
    "speaker",
    "speaker_title",
    "speaker_mention",
    "speaker_start",
    "speaker_end",
    "cue",
    "rule",
    "confidence",
];

/// Output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// The attribution CSV, one row per quote.
    Csv,
    /// One JSON object per document.
    Jsonl,
}

/// One quote laid out for output, offsets in code points.
#[derive(Clone, Debug, Serialize)]
pub struct Row<'a> {
    /// Document id.
    pub doc_id: &'a str,
    /// Position of the quote in its document.
    pub quote_index: usize,
    /// `direct`, `partial` or `indirect`.
    pub kind: &'static str,
    /// Code-point start of the quote, marks included.
    pub quote_start: usize,
    /// Code-point end of the quote.
    pub quote_end: usize,
    /// The quote as written.
    pub quote: &'a str,
    /// Resolved speaker.
    pub speaker: Option<&'a str>,
    /// Speaker's title.
    pub speaker_title: Option<&'a str>,
    /// The mention as written.
    pub speaker_mention: Option<&'a str>,
    /// Code-point start of the mention.
    pub speaker_start: Option<usize>,
    /// Code-point end of the mention.
    pub speaker_end: Option<usize>,
    /// Cue as written.
    pub cue: Option<&'a str>,
    /// Rule id.
    pub rule: &'static str,
    /// Confidence.
    pub confidence: f32,
}

/// The rows of one document's extraction.
pub fn rows<'a>(doc_id: &'a str, text: &'a str, ex: &'a Extraction) -> Vec<Row<'a>> {
    let map = CharMap::new(text);
    ex.quotes
        .iter()
        .enumerate()
        .map(|(i, q)| row(doc_id, text, &map, i, q))
        .collect()
}

fn row<'a>(doc_id: &'a str, text: &'a str, map: &CharMap, i: usize, q: &'a Quote) -> Row<'a> {
    let (qs, qe) = map.char_span(q.span);
    let mention = q.mention.map(|m| (m.slice(text), map.char_span(m)));
    Row {
        doc_id,
        quote_index: i,
        kind: q.kind.as_str(),
        quote_start: qs,
        quote_end: qe,
        quote: q.span.slice(text),
        speaker: q.speaker.as_deref(),
        speaker_title: q.title.as_deref(),
        speaker_mention: mention.map(|m| m.0),
        speaker_start: mention.map(|m| m.1 .0),
        speaker_end: mention.map(|m| m.1 .1),
        cue: q.cue.map(|c| c.slice(text)),
        rule: q.rule.id(),
        confidence: q.confidence,
    }
}

/// Renders one document's rows as CSV (no header) into `out`.
pub fn write_csv(out: &mut Vec<u8>, doc_id: &str, text: &str, ex: &Extraction) -> csv::Result<()> {
    let mut w = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(out);
    for r in rows(doc_id, text, ex) {
        w.serialize(r)?;
    }
    w.flush()?;
    Ok(())
}

/// Renders the CSV header row into `out`.
pub fn write_csv_header(out: &mut Vec<u8>) -> csv::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(CSV_HEADER)?;
    w.flush()?;
    Ok(())
}

#[derive(Serialize)]
struct JsonQuote<'a> {
    #[serde(flatten)]
    row: Row<'a>,
    byte_start: usize,
    byte_end: usize,
    speaker_byte_start: Option<usize>,
    speaker_byte_end: Option<usize>,
}

#[derive(Serialize)]
struct JsonDoc<'a> {
    id: &'a str,
    quotes: Vec<JsonQuote<'a>>,
}

/// Renders one document as a JSON line into `out`: its id and its quotes, each with code
/// point and byte offsets.
pub fn write_jsonl(
    out: &mut Vec<u8>,
    doc_id: &str,
    text: &str,
    ex: &Extraction,
) -> serde_json::Result<()> {
    let quotes = rows(doc_id, text, ex)
        .into_iter()
        .zip(&ex.quotes)
        .map(|(row, q)| JsonQuote {
            row,
            byte_start: q.span.start,
            byte_end: q.span.end,
            speaker_byte_start: q.mention.map(|m| m.start),
            speaker_byte_end: q.mention.map(|m| m.end),
        })
        .collect();
    serde_json::to_writer(&mut *out, &JsonDoc { id: doc_id, quotes })?;
    out.push(b'\n');
    Ok(())
}

/// Renders one document in `format` into `out`.
pub fn render(
    format: Format,
    out: &mut Vec<u8>,
    doc_id: &str,
    text: &str,
    ex: &Extraction,
) -> std::io::Result<()> {
    match format {
        Format::Csv => write_csv(out, doc_id, text, ex).map_err(std::io::Error::other),
        Format::Jsonl => write_jsonl(out, doc_id, text, ex).map_err(std::io::Error::other),
    }
}
