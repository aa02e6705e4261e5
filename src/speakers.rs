//! Who is quoted, how often: the speaker index behind `whosaid speakers` and the index at the
//! top of `whosaid review`.
//!
//! [`SpeakerIndex`] aggregates extractions one document at a time, in input order, so a corpus
//! can be streamed through it: its memory grows with the number of distinct speakers, not with
//! the number of documents. Speakers are keyed by their resolved name exactly as written
//! (`Quote::speaker`), so "Jake Sullivan" in two documents is one speaker.
//!
//! Quotes without a speaker (rule `unattributed`, or an empty name) are not speakers: they are
//! not rows of the index, only counted apart ([`SpeakerIndex::unattributed_quotes`]).
//!
//! ```
//! use whosaid::speakers::SpeakerIndex;
//! use whosaid::ExtractorBuilder;
//!
//! # fn main() -> Result<(), whosaid::Error> {
//! let extractor = ExtractorBuilder::new().build()?;
//! let mut index = SpeakerIndex::new();
//! index.add("a", &extractor.extract("“We won,” Ana Ruiz said. “Again,” she added."));
//! index.add("b", &extractor.extract("“Not yet,” Ana Ruiz said."));
//! let rows = index.rows();
//! assert_eq!(rows[0].speaker, "Ana Ruiz");
//! assert_eq!((rows[0].quotes, rows[0].documents), (3, 2));
//! assert_eq!((rows[0].first_doc, rows[0].last_doc), ("a", "b"));
//! # Ok(())
//! # }
//! ```

use std::io::Write;

use rustc_hash::FxHashMap;

use crate::types::Extraction;

/// The header of [`SpeakerIndex::write_csv`], in column order.
pub const SPEAKERS_CSV_HEADER: [&str; 6] = [
    "speaker",
    "titles",
    "quotes",
    "documents",
    "first_doc",
    "last_doc",
];

/// The separator between a speaker's titles in the `titles` column.
pub const TITLE_SEPARATOR: &str = "; ";

/// Counts per speaker across documents. Add documents in input order with
/// [`add`](SpeakerIndex::add); read the result with [`rows`](SpeakerIndex::rows) or
/// [`write_csv`](SpeakerIndex::write_csv).
#[derive(Clone, Debug, Default)]
pub struct SpeakerIndex {
    speakers: FxHashMap<String, Stats>,
    /// Documents added so far.
    documents: u64,
    /// Quotes added so far, with or without a speaker.
    quotes: u64,
    unattributed_quotes: u64,
    unattributed_documents: u64,
}

/// What is kept per speaker.
#[derive(Clone, Debug)]
struct Stats {
    titles: Vec<String>,
    quotes: u64,
    documents: u64,
    first_doc: String,
    last_doc: String,
    /// The number of the last document (1-based) that quoted the speaker, so a document is
    /// counted once however many quotes it has, even when two documents share an id.
    last_seen: u64,
}

/// One speaker of a [`SpeakerIndex`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SpeakerRow<'a> {
    /// The resolved speaker, as in the attribution CSV's `speaker` column.
    pub speaker: &'a str,
    /// The distinct titles given to the speaker, in first-seen order.
    pub titles: &'a [String],
    /// The number of quotes attributed to the speaker.
    pub quotes: u64,
    /// The number of documents with at least one of those quotes.
    pub documents: u64,
    /// The id of the first such document, in input order.
    pub first_doc: &'a str,
    /// The id of the last such document, in input order.
    pub last_doc: &'a str,
}

impl SpeakerRow<'_> {
    /// The titles joined with [`TITLE_SEPARATOR`], as in the CSV's `titles` column.
    pub fn titles_joined(&self) -> String {
        self.titles.join(TITLE_SEPARATOR)
    }
}

impl SpeakerIndex {
    /// An empty index.
    pub fn new() -> SpeakerIndex {
        SpeakerIndex::default()
    }

    /// Counts the quotes of one document. Call it once per document, in input order: "first"
    /// and "last" document are by call order.
    pub fn add(&mut self, doc_id: &str, ex: &Extraction) {
        self.documents += 1;
        let doc = self.documents;
        let mut unattributed = false;
        for q in &ex.quotes {
            self.quotes += 1;
            let Some(name) = q.speaker.as_deref().filter(|s| !s.is_empty()) else {
                self.unattributed_quotes += 1;
                unattributed = true;
                continue;
            };
            let stats = match self.speakers.get_mut(name) {
                Some(stats) => stats,
                None => self.speakers.entry(name.to_owned()).or_insert(Stats {
                    titles: Vec::new(),
                    quotes: 0,
                    documents: 0,
                    first_doc: doc_id.to_owned(),
                    last_doc: String::new(),
                    last_seen: 0,
                }),
            };
            stats.quotes += 1;
            if stats.last_seen != doc {
                stats.last_seen = doc;
                stats.documents += 1;
                doc_id.clone_into(&mut stats.last_doc);
            }
            if let Some(title) = q.title.as_deref().filter(|t| !t.is_empty()) {
                if !stats.titles.iter().any(|t| t == title) {
                    stats.titles.push(title.to_owned());
                }
            }
        }
        if unattributed {
            self.unattributed_documents += 1;
        }
    }

    /// The speakers, most quoted first, then by name (byte order).
    pub fn rows(&self) -> Vec<SpeakerRow<'_>> {
        let mut rows: Vec<SpeakerRow<'_>> = self
            .speakers
            .iter()
            .map(|(name, s)| SpeakerRow {
                speaker: name,
                titles: &s.titles,
                quotes: s.quotes,
                documents: s.documents,
                first_doc: &s.first_doc,
                last_doc: &s.last_doc,
            })
            .collect();
        rows.sort_unstable_by(|a, b| b.quotes.cmp(&a.quotes).then(a.speaker.cmp(b.speaker)));
        rows
    }

    /// The number of distinct speakers.
    pub fn len(&self) -> usize {
        self.speakers.len()
    }

    /// True when no quote with a speaker has been added.
    pub fn is_empty(&self) -> bool {
        self.speakers.is_empty()
    }

    /// The number of documents added.
    pub fn documents(&self) -> u64 {
        self.documents
    }

    /// The number of quotes added, with or without a speaker.
    pub fn quotes(&self) -> u64 {
        self.quotes
    }

    /// The number of quotes without a speaker (not in any row).
    pub fn unattributed_quotes(&self) -> u64 {
        self.unattributed_quotes
    }

    /// The number of documents with at least one quote without a speaker.
    pub fn unattributed_documents(&self) -> u64 {
        self.unattributed_documents
    }

    /// Writes the index as CSV: the header [`SPEAKERS_CSV_HEADER`] (if `header`), then one
    /// row per speaker in [`rows`](SpeakerIndex::rows) order.
    pub fn write_csv<W: Write>(&self, out: W, header: bool) -> csv::Result<()> {
        let mut w = csv::Writer::from_writer(out);
        if header {
            w.write_record(SPEAKERS_CSV_HEADER)?;
        }
        for r in self.rows() {
            w.write_record([
                r.speaker,
                &r.titles_joined(),
                &r.quotes.to_string(),
                &r.documents.to_string(),
                r.first_doc,
                r.last_doc,
            ])?;
        }
        w.flush()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;
    use crate::types::{Quote, QuoteKind, Rule};

    /// An extraction with one quote per (speaker, title); "" is no speaker / no title.
    fn ex(quotes: &[(&str, &str)]) -> Extraction {
        let some = |s: &str| (!s.is_empty()).then(|| s.to_owned());
        Extraction {
            quotes: quotes
                .iter()
                .enumerate()
                .map(|(i, (speaker, title))| Quote {
                    kind: QuoteKind::Direct,
                    span: Span::new(i, i + 1),
                    speaker: some(speaker),
                    title: some(title),
                    mention: None,
                    cue: None,
                    rule: if speaker.is_empty() {
                        Rule::Unattributed
                    } else {
                        Rule::AfterMentionCue
                    },
                    confidence: 0.9,
                })
                .collect(),
        }
    }

    fn csv_of(index: &SpeakerIndex) -> String {
        let mut out = Vec::new();
        index.write_csv(&mut out, true).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn counts_quotes_documents_titles_and_first_and_last_documents() {
        let mut index = SpeakerIndex::new();
        index.add(
            "d1",
            &ex(&[("Ann Wu", "mayor"), ("Bo Li", ""), ("Ann Wu", "")]),
        );
        index.add("d2", &ex(&[]));
        index.add(
            "d3",
            &ex(&[("Bo Li", "chief"), ("", ""), ("Ann Wu", "Mayor")]),
        );
        index.add("d4", &ex(&[("Ann Wu", "mayor"), ("Cy", ""), ("", "")]));
        let rows = index.rows();
        assert_eq!(rows.len(), 3);
        let ann = rows[0];
        assert_eq!(ann.speaker, "Ann Wu");
        assert_eq!((ann.quotes, ann.documents), (4, 3));
        assert_eq!(ann.titles, ["mayor", "Mayor"]);
        assert_eq!((ann.first_doc, ann.last_doc), ("d1", "d4"));
        let bo = rows[1];
        assert_eq!((bo.speaker, bo.quotes, bo.documents), ("Bo Li", 2, 2));
        assert_eq!((bo.first_doc, bo.last_doc), ("d1", "d3"));
        assert_eq!(bo.titles_joined(), "chief");
        assert_eq!((rows[2].speaker, rows[2].quotes), ("Cy", 1));
        assert_eq!(index.documents(), 4);
        assert_eq!(index.quotes(), 9);
        assert_eq!(index.unattributed_quotes(), 2);
        assert_eq!(index.unattributed_documents(), 2);
        assert_eq!(index.len(), 3);
    }

    #[test]
    fn a_repeated_document_id_is_still_two_documents() {
        let mut index = SpeakerIndex::new();
        index.add("same", &ex(&[("Ann Wu", ""), ("Ann Wu", "")]));
        index.add("same", &ex(&[("Ann Wu", "")]));
        assert_eq!(index.rows()[0].documents, 2);
        assert_eq!(index.rows()[0].quotes, 3);
    }

    #[test]
    fn rows_sort_by_quotes_descending_then_name() {
        let mut index = SpeakerIndex::new();
        index.add(
            "d",
            &ex(&[("b", ""), ("a", ""), ("c", ""), ("c", ""), ("B", "")]),
        );
        let names: Vec<&str> = index.rows().iter().map(|r| r.speaker).collect();
        assert_eq!(names, ["c", "B", "a", "b"]);
    }

    #[test]
    fn csv_has_the_header_joined_titles_and_quoting() {
        let mut index = SpeakerIndex::new();
        index.add(
            "x,1",
            &ex(&[("Ruiz, Ana", "a \"spokeswoman\""), ("Ruiz, Ana", "aide")]),
        );
        assert_eq!(
            csv_of(&index),
            "speaker,titles,quotes,documents,first_doc,last_doc\n\
             \"Ruiz, Ana\",\"a \"\"spokeswoman\"\"; aide\",2,1,\"x,1\",\"x,1\"\n"
        );
        let mut no_header = Vec::new();
        SpeakerIndex::new()
            .write_csv(&mut no_header, false)
            .unwrap();
        assert!(no_header.is_empty());
        assert_eq!(
            csv_of(&SpeakerIndex::new()),
            "speaker,titles,quotes,documents,first_doc,last_doc\n"
        );
    }

    #[test]
    fn adding_in_one_pass_or_in_batches_gives_the_same_index() {
        // The binary adds documents batch by batch; the result only depends on the order.
        let docs: Vec<(String, Extraction)> = (0..50)
            .map(|i| {
                let who = ["Ann", "Bo", "Cy", ""][i % 4];
                (format!("d{i}"), ex(&[(who, ["", "t1", "t2"][i % 3])]))
            })
            .collect();
        let mut one = SpeakerIndex::new();
        for (id, e) in &docs {
            one.add(id, e);
        }
        let mut batched = SpeakerIndex::new();
        for chunk in docs.chunks(7) {
            for (id, e) in chunk {
                batched.add(id, e);
            }
        }
        assert_eq!(csv_of(&one), csv_of(&batched));
        assert_eq!(one.rows()[0].titles, ["t1", "t2"]);
    }
}
