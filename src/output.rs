//! Output formats: the attribution CSV (columns as in the project's FORMAT.md) and JSONL.
//!
//! Offsets written here are code points (Python string indices); JSONL also carries bytes.
//! Each document renders into its own buffer, so parallel workers can format and the writer
//! can print whole documents in input order.

use std::borrow::Cow;

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
    /// The attribution CSV with its text cells made safe to open in a spreadsheet (see
    /// [`CsvOptions::safe`]).
    CsvSafe,
    /// One JSON object per document.
    Jsonl,
}

impl Format {
    /// True for the CSV formats (which have a header row).
    pub fn is_csv(self) -> bool {
        matches!(self, Format::Csv | Format::CsvSafe)
    }
}

/// How CSV rows are written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CsvOptions {
    /// Neutralises cells that a spreadsheet would run as a formula (CSV injection): a text
    /// cell (`doc_id`, `quote`, `speaker`, `speaker_title`, `speaker_mention`, `cue`) that
    /// starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a `'` in front (see
    /// [`csv_safe`]). Off by default: such a cell is then no longer the exact text between its
    /// offsets.
    pub safe: bool,
}

/// The characters that make a spreadsheet read a cell as a formula when the cell starts
/// with one (OWASP's list for CSV injection).
const FORMULA_TRIGGERS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// `cell` with a `'` in front if it starts with `=`, `+`, `-`, `@`, a tab or a carriage
/// return, so that a spreadsheet shows it as text instead of running it as a formula;
/// otherwise `cell` as is.
///
/// ```
/// use whosaid::output::csv_safe;
/// assert_eq!(csv_safe("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
/// assert_eq!(csv_safe("“We won,”"), "“We won,”");
/// ```
pub fn csv_safe(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(FORMULA_TRIGGERS) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
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
    write_csv_with(out, doc_id, text, ex, CsvOptions::default())
}

/// Renders one document's rows as CSV (no header) into `out`, with `options`.
pub fn write_csv_with(
    out: &mut Vec<u8>,
    doc_id: &str,
    text: &str,
    ex: &Extraction,
    options: CsvOptions,
) -> csv::Result<()> {
    let mut w = csv::WriterBuilder::new()
        .has_headers(false)
        .buffer_capacity(1024)
        .from_writer(out);
    // Fields written as they are, numbers formatted as serde would (itoa, ryu): the same
    // bytes as serializing a `Row`, without the serializer's per-field work.
    let safe = options.safe;
    let (mut i0, mut i1, mut i2, mut i3, mut i4) = (
        itoa::Buffer::new(),
        itoa::Buffer::new(),
        itoa::Buffer::new(),
        itoa::Buffer::new(),
        itoa::Buffer::new(),
    );
    let mut float = ryu::Buffer::new();
    for r in rows(doc_id, text, ex) {
        let record: [Cow<'_, str>; 14] = [
            cell(safe, r.doc_id),
            Cow::Borrowed(i0.format(r.quote_index)),
            Cow::Borrowed(r.kind),
            Cow::Borrowed(i1.format(r.quote_start)),
            Cow::Borrowed(i2.format(r.quote_end)),
            cell(safe, r.quote),
            cell(safe, r.speaker.unwrap_or_default()),
            cell(safe, r.speaker_title.unwrap_or_default()),
            cell(safe, r.speaker_mention.unwrap_or_default()),
            Cow::Borrowed(r.speaker_start.map_or("", |v| i3.format(v))),
            Cow::Borrowed(r.speaker_end.map_or("", |v| i4.format(v))),
            cell(safe, r.cue.unwrap_or_default()),
            Cow::Borrowed(r.rule),
            Cow::Borrowed(float.format(r.confidence)),
        ];
        w.write_record(record.iter().map(|c| c.as_bytes()))?;
    }
    w.flush()?;
    Ok(())
}

/// A text cell, neutralised with [`csv_safe`] when `safe`.
fn cell(safe: bool, c: &str) -> Cow<'_, str> {
    if safe {
        csv_safe(c)
    } else {
        Cow::Borrowed(c)
    }
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
        Format::CsvSafe => write_csv_with(out, doc_id, text, ex, CsvOptions { safe: true })
            .map_err(std::io::Error::other),
        Format::Jsonl => write_jsonl(out, doc_id, text, ex).map_err(std::io::Error::other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;
    use crate::types::{QuoteKind, Rule};

    /// One quote over `quote` with the mention `mention` and the cue `cue` (each located in
    /// `text` by its first occurrence), said by `who` = (speaker, title).
    fn extraction(text: &str, quote: &str, mention: &str, cue: &str, who: [&str; 2]) -> Extraction {
        let span = |s: &str| {
            let start = text.find(s).unwrap();
            Span::new(start, start + s.len())
        };
        Extraction {
            quotes: vec![Quote {
                kind: QuoteKind::Direct,
                span: span(quote),
                speaker: Some(who[0].to_owned()),
                title: Some(who[1].to_owned()),
                mention: Some(span(mention)),
                cue: Some(span(cue)),
                rule: Rule::AfterMentionCue,
                confidence: 0.95,
            }],
        }
    }

    fn csv_cells(bytes: &[u8]) -> Vec<Vec<String>> {
        csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(bytes)
            .records()
            .map(|r| r.unwrap().iter().map(str::to_owned).collect())
            .collect()
    }

    #[test]
    fn csv_safe_prefixes_formula_triggers_only() {
        for cell in ["=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx", "=", "-"] {
            assert_eq!(csv_safe(cell), format!("'{cell}"), "{cell:?}");
        }
        for cell in [
            "",
            "plain",
            "“=quoted”",
            " =x",
            "'=x",
            "a-b",
            "1+1",
            "\u{ff1d}x",
        ] {
            assert!(
                matches!(csv_safe(cell), Cow::Borrowed(c) if c == cell),
                "{cell:?}"
            );
        }
    }

    #[test]
    fn safe_csv_neutralises_text_cells_and_keeps_the_rest() {
        let text = "=cmd| said -Smith “+x” done";
        let ex = extraction(text, "“+x”", "-Smith", "said", ["=Eve", "@handle"]);
        let mut plain = Vec::new();
        write_csv(&mut plain, "@doc", text, &ex).unwrap();
        let mut safe = Vec::new();
        write_csv_with(&mut safe, "@doc", text, &ex, CsvOptions { safe: true }).unwrap();
        let plain = csv_cells(&plain);
        let safe = csv_cells(&safe);
        assert_eq!(
            plain[0],
            [
                "@doc",
                "0",
                "direct",
                "18",
                "22",
                "“+x”",
                "=Eve",
                "@handle",
                "-Smith",
                "11",
                "17",
                "said",
                "after.mention-cue",
                "0.95"
            ]
        );
        let expected: Vec<String> = plain[0]
            .iter()
            .enumerate()
            .map(|(i, cell)| match i {
                0 | 6 | 7 | 8 | 11 => csv_safe(cell).into_owned(),
                _ => cell.clone(),
            })
            .collect();
        assert_eq!(safe[0], expected);
        assert_eq!(safe[0][0], "'@doc");
        assert_eq!(safe[0][5], "“+x”", "a quote starts with its mark");
        assert_eq!(safe[0][6], "'=Eve");
        assert_eq!(safe[0][8], "'-Smith");
        // Through `render` too.
        let mut rendered = Vec::new();
        render(Format::CsvSafe, &mut rendered, "@doc", text, &ex).unwrap();
        assert_eq!(csv_cells(&rendered), safe);
    }

    #[test]
    fn records_are_the_bytes_of_serialized_rows() {
        // `write_csv` writes fields by hand; serde on `Row` is the reference, header and all.
        let text = "“Yes, \"no\",\nmaybe,” he said.";
        let ex = extraction(
            text,
            "“Yes, \"no\",\nmaybe,”",
            "he",
            "said",
            ["Al", "Mayor"],
        );
        let mut expected = csv::WriterBuilder::new()
            .has_headers(false)
            .from_writer(Vec::new());
        for r in rows("d,1", text, &ex) {
            expected.serialize(r).unwrap();
        }
        let mut got = Vec::new();
        write_csv(&mut got, "d,1", text, &ex).unwrap();
        assert_eq!(
            String::from_utf8(got).unwrap(),
            String::from_utf8(expected.into_inner().unwrap()).unwrap()
        );
        // A quote with no speaker, mention or cue: empty cells, as serde writes `None`.
        let mut bare = ex.clone();
        bare.quotes[0].speaker = None;
        bare.quotes[0].title = None;
        bare.quotes[0].mention = None;
        bare.quotes[0].cue = None;
        bare.quotes[0].confidence = 0.3 * 0.6;
        let mut expected = csv::WriterBuilder::new()
            .has_headers(true)
            .from_writer(Vec::new());
        for r in rows("d", text, &bare) {
            expected.serialize(r).unwrap();
        }
        let expected = String::from_utf8(expected.into_inner().unwrap()).unwrap();
        let mut got = Vec::new();
        write_csv_header(&mut got).unwrap();
        write_csv(&mut got, "d", text, &bare).unwrap();
        assert_eq!(String::from_utf8(got).unwrap(), expected);
    }

    #[test]
    fn csv_formats_have_a_header_and_jsonl_does_not() {
        assert!(Format::Csv.is_csv() && Format::CsvSafe.is_csv());
        assert!(!Format::Jsonl.is_csv());
    }
}
