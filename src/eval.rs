//! Scoring extracted quotes against gold annotations (the scorer behind `whosaid eval`).
//!
//! The caller runs the extractor on every [`GoldDoc`]'s text and hands [`score`] the
//! predictions; this module does no extraction. Offsets on both sides are code-point indices
//! into the document text, end exclusive.
//!
//! # Populations
//!
//! - Gold *quotes*: records of kind `direct` and `mixed` (`partial` is read as `mixed`).
//!   Predicted *quotes*: predictions of kind [`PredKind::Direct`] and [`PredKind::Partial`].
//! - Gold `indirect` records and [`PredKind::Indirect`] predictions are scored on their own.
//!
//! # Definitions
//!
//! - *Overlap*: two spans share at least one code point.
//! - *Exact*: the normalised spans are equal. Normalising trims, from both ends, whitespace,
//!   quotation marks (`“ ” ‘ ’ " ' « » „` and backtick) and edge punctuation
//!   (`, . ; : ! ? — – -`). A span that is nothing but such characters is compared as is.
//! - *Best match*: of several spans overlapping a given one, the one with the largest overlap
//!   (ties: the shorter span, then the earlier record).
//! - *Speaker criterion* for a gold record with a mention span and a prediction: the prediction's
//!   mention span overlaps the gold mention span; or, when the prediction has no mention span,
//!   its resolved speaker name shares a capitalised word with the gold mention text (words are
//!   runs of letters and digits, at least two long, compared case-insensitively; articles,
//!   pronouns and `Mr`/`Mrs`/`Ms`/`Dr`-style honorifics do not count).
//!
//! Quote figures:
//!
//! 1. Detection (exact): precision = predicted quotes exactly matching some gold quote /
//!    predicted quotes; recall = gold quotes exactly matched by some predicted quote / gold quotes.
//!    Detection (overlap): precision = predicted quotes overlapping any gold record of any kind
//!    (indirect included) / predicted quotes; recall = gold quotes overlapped by some predicted
//!    quote / gold quotes.
//! 2. Attribution accuracy: of the gold quotes that are overlapped by a predicted quote and have
//!    a mention span, the share for which the best-matching predicted quote meets the speaker
//!    criterion.
//! 3. End to end: a predicted quote is correct when it is correct for detection (overlap, as
//!    in 1) and its speaker is too. Precision = predicted quotes whose best-matching gold quote
//!    (or, when it overlaps no gold quote, its best-matching gold record of another kind) has a
//!    mention span and meets the speaker criterion / predicted quotes; recall = gold quotes with
//!    a mention span overlapped by at least one predicted quote that meets the speaker
//!    criterion / gold quotes with a mention span.
//! 4. Per kind: recall-type figures restrict the gold side to `direct` or `mixed`; precision-type
//!    figures restrict the predictions to `Direct` or `Partial` (matched against all gold quotes).
//! 5. Indirect: precision = predicted indirect overlapping any gold record of any kind /
//!    predicted indirect; recall = gold indirect overlapped by a predicted indirect / gold
//!    indirect; attribution accuracy as in 2, between gold indirect and predicted indirect.
//!
//! Errors (per track, quotes and indirect): *missed* = gold record overlapped by no prediction
//! of its track; *spurious* = prediction overlapping no gold record of any kind; *wrong
//! speaker* = overlapped gold record with a mention whose best-matching prediction fails the
//! speaker criterion. Each class is counted, and for spurious and wrong speaker also counted per
//! prediction `rule`; up to [`EvalOptions::max_errors`] examples are kept, spread over documents.
//!
//! F1 is the harmonic mean of precision and recall. A ratio with a zero denominator is 0.0 in
//! the numbers and shows as `n/a` in the text report.

use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::path::Path;

use serde::{Deserialize, Deserializer, Serialize};

use crate::error::{Error, ErrorKind, Result};

/// Longest quote text (in characters) kept in an error example.
const MAX_EXAMPLE_CHARS: usize = 120;

// ---------------------------------------------------------------------------------------------
// Gold data

/// One gold document, as in FORMAT.md (extra fields are ignored).
#[derive(Deserialize, Clone, Debug)]
pub struct GoldDoc {
    /// The document id (a JSON string or number).
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    /// The full document text; all offsets index its code points.
    pub text: String,
    /// Every annotated record, of any kind.
    pub quotes: Vec<GoldQuote>,
}

/// One gold record: a quote (or indirect report) with its speaker mention.
#[derive(Deserialize, Clone, Debug)]
pub struct GoldQuote {
    /// First code point of the record, quotation marks included.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// `text[start..end]` of the document.
    pub text: String,
    /// `direct`, `mixed`, `partial` (same as `mixed`) or `indirect`.
    pub kind: String,
    /// The speaker as annotated (a mention in PolNeAR, a resolved name in the seed file).
    pub speaker: Option<String>,
    /// First code point of the speaker mention, if any.
    pub speaker_start: Option<usize>,
    /// One past the last code point of the speaker mention, if any.
    pub speaker_end: Option<usize>,
    /// The speech cue ("said"), if annotated.
    pub cue: Option<String>,
    /// Records sharing an id are fragments of one attribution.
    pub attribution_id: Option<String>,
    /// The speaker's title (seed format, where `speaker` is the resolved name).
    #[serde(default)]
    pub speaker_title: Option<String>,
    /// The mention as written (seed format).
    #[serde(default)]
    pub speaker_mention: Option<String>,
}

/// The kind of a gold record, as scored.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum GoldKind {
    /// All words inside quotation marks.
    Direct,
    /// A quoted fragment inside reported speech (`mixed` or `partial` in the file).
    Mixed,
    /// Reported speech without quotation marks.
    Indirect,
}

impl GoldKind {
    /// Parses a gold file's `kind` value; `partial` reads as [`GoldKind::Mixed`].
    pub fn parse(kind: &str) -> Option<GoldKind> {
        match kind {
            "direct" => Some(GoldKind::Direct),
            "mixed" | "partial" => Some(GoldKind::Mixed),
            "indirect" => Some(GoldKind::Indirect),
            _ => None,
        }
    }

    /// The lowercase name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            GoldKind::Direct => "direct",
            GoldKind::Mixed => "mixed",
            GoldKind::Indirect => "indirect",
        }
    }

    fn is_quote(self) -> bool {
        self != GoldKind::Indirect
    }
}

impl GoldQuote {
    /// The record's kind, or `None` for an unknown `kind` value (such records are not scored).
    pub fn gold_kind(&self) -> Option<GoldKind> {
        GoldKind::parse(&self.kind)
    }

    /// The speaker mention's code-point span, when both ends are given.
    pub fn mention(&self) -> Option<(usize, usize)> {
        match (self.speaker_start, self.speaker_end) {
            (Some(s), Some(e)) => Some((s, e)),
            _ => None,
        }
    }
}

fn string_or_number<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<String, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Id {
        Str(String),
        Num(serde_json::Number),
    }
    match Id::deserialize(d) {
        Ok(Id::Str(s)) => Ok(s),
        Ok(Id::Num(n)) => Ok(n.to_string()),
        Err(_) => Err(serde::de::Error::custom(
            "\"id\" must be a string or a number",
        )),
    }
}

/// Reads a gold JSONL file: one [`GoldDoc`] per non-blank line.
///
/// Every record is checked: known `kind`, `start <= end <=` text length (in code points),
/// `text[start..end] == quote.text`, and speaker offsets given together and in range.
///
/// # Errors
///
/// Errors name the file and, for a bad record, its 1-based line: [`ErrorKind::Io`] when the
/// file cannot be read, [`ErrorKind::InvalidUtf8`] for bad UTF-8, [`ErrorKind::Json`] for a line
/// that is not JSON, and [`ErrorKind::Gold`] for a JSON record of the wrong shape or with
/// inconsistent offsets.
pub fn read_gold(path: &Path) -> Result<Vec<GoldDoc>> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| Error::io(e, path))?;
    let mut docs = Vec::new();
    let mut line_start = 0;
    for (i, raw) in bytes.split(|&b| b == b'\n').enumerate() {
        let line_no = i as u64 + 1;
        let mut offset = line_start;
        line_start += raw.len() + 1;
        let mut raw = raw;
        if i == 0 {
            if let Some(rest) = raw.strip_prefix(b"\xEF\xBB\xBF") {
                raw = rest;
                offset += 3;
            }
        }
        let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        let at = |kind: ErrorKind| {
            Error::new(kind)
                .with_source(name.clone())
                .with_line(line_no)
        };
        let line = std::str::from_utf8(raw).map_err(|e| {
            at(ErrorKind::InvalidUtf8 {
                offset: offset + e.valid_up_to(),
            })
        })?;
        if line.trim().is_empty() {
            continue;
        }
        let value: serde_json::Value =
            serde_json::from_str(line).map_err(|e| at(ErrorKind::Json(e)))?;
        let doc: GoldDoc =
            serde_json::from_value(value).map_err(|e| at(ErrorKind::Gold(e.to_string())))?;
        validate(&doc)
            .map_err(|msg| at(ErrorKind::Gold(format!("document {:?}: {msg}", doc.id))))?;
        docs.push(doc);
    }
    Ok(docs)
}

/// Checks a document's records against its text.
fn validate(doc: &GoldDoc) -> std::result::Result<(), String> {
    // Byte offset of every code point, plus the end.
    let bounds: Vec<usize> = doc
        .text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(doc.text.len()))
        .collect();
    let n = bounds.len() - 1;
    for (i, q) in doc.quotes.iter().enumerate() {
        if q.gold_kind().is_none() {
            return Err(format!(
                "quote {i}: unknown kind {:?} (expected direct, mixed, partial or indirect)",
                q.kind
            ));
        }
        if q.start > q.end || q.end > n {
            return Err(format!(
                "quote {i}: span {}..{} is not within the text's {n} code points",
                q.start, q.end
            ));
        }
        if doc.text[bounds[q.start]..bounds[q.end]] != q.text {
            return Err(format!(
                "quote {i}: \"text\" differs from the document text at {}..{} \
                 (offsets must be code points, end exclusive)",
                q.start, q.end
            ));
        }
        match (q.speaker_start, q.speaker_end) {
            (None, None) => {}
            (Some(s), Some(e)) if s <= e && e <= n => {}
            (Some(s), Some(e)) => {
                return Err(format!(
                    "quote {i}: speaker span {s}..{e} is not within the text's {n} code points"
                ))
            }
            _ => {
                return Err(format!(
                    "quote {i}: speaker_start and speaker_end must both be set or both be null"
                ))
            }
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Predictions and options

/// One predicted quote; offsets in code points (as in the gold data), end exclusive.
#[derive(Clone, Debug)]
pub struct Predicted {
    /// First code point of the quote, quotation marks included.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// What the extractor says this is.
    pub kind: PredKind,
    /// Code-point span of the speaker mention the attribution rests on, if any.
    pub mention: Option<(usize, usize)>,
    /// The resolved speaker name, if any.
    pub speaker: Option<String>,
    /// The mention as written, if any (for error listings).
    pub mention_text: Option<String>,
    /// Id of the rule that produced the attribution.
    pub rule: String,
}

/// The kind of a predicted quote.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PredKind {
    /// A quote wholly inside quotation marks.
    Direct,
    /// A quoted fragment inside reported speech (gold `mixed`).
    Partial,
    /// Reported speech without quotation marks.
    Indirect,
}

impl PredKind {
    /// The lowercase name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            PredKind::Direct => "direct",
            PredKind::Partial => "partial",
            PredKind::Indirect => "indirect",
        }
    }
}

/// Options for [`score`].
#[derive(Clone, Debug, Default)]
pub struct EvalOptions {
    /// How many examples of each error class to keep (0 keeps none; counts are always kept).
    pub max_errors: usize,
}

// ---------------------------------------------------------------------------------------------
// Report types

/// A precision / recall / F1 triple with the counts behind it.
#[derive(Serialize, Clone, Copy, Debug, Default, PartialEq)]
pub struct Prf {
    /// `tp_predicted / predicted` (0.0 when nothing was predicted).
    pub precision: f64,
    /// `tp_gold / gold` (0.0 when there is no gold).
    pub recall: f64,
    /// Harmonic mean of precision and recall (0.0 when both are 0).
    pub f1: f64,
    /// Predictions judged correct.
    pub tp_predicted: usize,
    /// Predictions judged wrong (`predicted - tp_predicted`).
    pub fp: usize,
    /// Gold records found.
    pub tp_gold: usize,
    /// Gold records missed (`gold - tp_gold`).
    #[serde(rename = "fn")]
    pub fn_count: usize,
    /// Precision's denominator.
    pub predicted: usize,
    /// Recall's denominator.
    pub gold: usize,
}

impl Prf {
    /// Builds the figures from the two numerators and denominators.
    pub fn new(tp_predicted: usize, predicted: usize, tp_gold: usize, gold: usize) -> Prf {
        let precision = ratio(tp_predicted, predicted);
        let recall = ratio(tp_gold, gold);
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        Prf {
            precision,
            recall,
            f1,
            tp_predicted,
            fp: predicted - tp_predicted,
            tp_gold,
            fn_count: gold - tp_gold,
            predicted,
            gold,
        }
    }
}

/// A share with its counts.
#[derive(Serialize, Clone, Copy, Debug, Default, PartialEq)]
pub struct Accuracy {
    /// `correct / total` (0.0 when `total` is 0).
    pub accuracy: f64,
    /// Cases judged correct.
    pub correct: usize,
    /// Cases judged.
    pub total: usize,
}

impl Accuracy {
    /// Builds the share.
    pub fn new(correct: usize, total: usize) -> Accuracy {
        Accuracy {
            accuracy: ratio(correct, total),
            correct,
            total,
        }
    }
}

fn ratio(num: usize, den: usize) -> f64 {
    if den == 0 {
        0.0
    } else {
        num as f64 / den as f64
    }
}

/// Quote figures for one population (all quotes, or one kind).
#[derive(Serialize, Clone, Debug, Default)]
pub struct Figures {
    /// Gold records scored for recall.
    pub gold: usize,
    /// Of those, records with a speaker mention span.
    pub gold_with_mention: usize,
    /// Predictions scored for precision.
    pub predicted: usize,
    /// Detection where any shared code point counts.
    pub detection_overlap: Prf,
    /// Detection on normalised spans.
    pub detection_exact: Prf,
    /// Speaker accuracy on overlapped gold records with a mention.
    pub attribution: Accuracy,
    /// Quote and speaker both right.
    pub end_to_end: Prf,
}

/// Indirect-speech figures.
#[derive(Serialize, Clone, Debug, Default)]
pub struct IndirectFigures {
    /// Gold `indirect` records.
    pub gold: usize,
    /// Of those, records with a speaker mention span.
    pub gold_with_mention: usize,
    /// Predictions of kind [`PredKind::Indirect`].
    pub predicted: usize,
    /// Detection by overlap.
    pub detection: Prf,
    /// Speaker accuracy on overlapped gold indirect records with a mention.
    pub attribution: Accuracy,
}

/// One error example.
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct ErrorExample {
    /// The document's id.
    pub doc_id: String,
    /// The gold kind (misses, wrong speaker) or the predicted kind (spurious).
    pub kind: String,
    /// Start of the gold record (misses, wrong speaker) or of the prediction (spurious).
    pub start: usize,
    /// End of the same span.
    pub end: usize,
    /// Its text, cut to about 120 characters.
    pub text: String,
    /// The gold speaker mention's text (misses, wrong speaker).
    pub gold_mention: Option<String>,
    /// The prediction's span, when it differs from `start..end` (wrong speaker).
    pub predicted_span: Option<(usize, usize)>,
    /// The prediction's mention text (spurious, wrong speaker).
    pub predicted_mention: Option<String>,
    /// The prediction's resolved speaker (spurious, wrong speaker).
    pub predicted_speaker: Option<String>,
    /// The rule that made the prediction (spurious, wrong speaker).
    pub rule: Option<String>,
}

/// How often one rule's predictions were wrong in one way.
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
pub struct RuleCount {
    /// The rule id.
    pub rule: String,
    /// Errors of this class.
    pub count: usize,
    /// All predictions of the scored kinds made by this rule.
    pub predicted: usize,
}

/// Error counts and examples for one track (quotes or indirect).
#[derive(Serialize, Clone, Debug, Default)]
pub struct Errors {
    /// Gold records no prediction overlaps.
    pub missed: usize,
    /// Predictions that overlap no gold record of any kind.
    pub spurious: usize,
    /// Overlapped gold records with a mention whose best prediction fails the speaker criterion.
    pub wrong_speaker: usize,
    /// Up to `max_errors` misses, spread over documents, in document order.
    pub missed_examples: Vec<ErrorExample>,
    /// Up to `max_errors` spurious predictions.
    pub spurious_examples: Vec<ErrorExample>,
    /// Up to `max_errors` wrong speakers.
    pub wrong_speaker_examples: Vec<ErrorExample>,
    /// Spurious predictions per rule, most first.
    pub spurious_by_rule: Vec<RuleCount>,
    /// Wrong speakers per rule of the matched prediction, most first.
    pub wrong_speaker_by_rule: Vec<RuleCount>,
}

/// Gold record counts.
#[derive(Serialize, Clone, Debug, Default)]
pub struct GoldCounts {
    /// `direct` plus `mixed` records.
    pub quotes: usize,
    /// `direct` records.
    pub direct: usize,
    /// `mixed` (and `partial`) records.
    pub mixed: usize,
    /// `indirect` records.
    pub indirect: usize,
    /// Records with an unknown kind (not scored).
    pub unknown: usize,
}

/// Prediction counts.
#[derive(Serialize, Clone, Debug, Default)]
pub struct PredCounts {
    /// `Direct` plus `Partial` predictions.
    pub quotes: usize,
    /// `Direct` predictions.
    pub direct: usize,
    /// `Partial` predictions.
    pub partial: usize,
    /// `Indirect` predictions.
    pub indirect: usize,
}

/// The result of [`score`]: serializable for `--json`, and [`fmt::Display`] for people.
#[derive(Serialize, Clone, Debug, Default)]
pub struct Report {
    /// Documents scored.
    pub documents: usize,
    /// Gold records by kind.
    pub gold: GoldCounts,
    /// Predictions by kind.
    pub predicted: PredCounts,
    /// All quotes (gold direct and mixed; predicted Direct and Partial).
    pub quotes: Figures,
    /// Gold `direct` for recall, predicted `Direct` for precision.
    pub direct: Figures,
    /// Gold `mixed` for recall, predicted `Partial` for precision.
    pub mixed: Figures,
    /// Indirect speech, scored on its own.
    pub indirect: IndirectFigures,
    /// Quote errors.
    pub errors: Errors,
    /// Indirect errors; `None` when there are no indirect predictions.
    pub indirect_errors: Option<Errors>,
}

// ---------------------------------------------------------------------------------------------
// Scoring

/// Scores predictions against gold data; `predictions[i]` belongs to `gold[i]`.
///
/// Offsets beyond a document's text are clamped to it. See the [module docs](self) for the
/// definitions.
///
/// # Panics
///
/// When `gold` and `predictions` differ in length.
pub fn score(gold: &[GoldDoc], predictions: &[Vec<Predicted>], options: &EvalOptions) -> Report {
    assert_eq!(
        gold.len(),
        predictions.len(),
        "one prediction list per gold document"
    );
    let mut t = Tallies::default();
    let mut quote_errs = ErrorCollector::default();
    let mut ind_errs = ErrorCollector::default();
    let mut report = Report {
        documents: gold.len(),
        ..Report::default()
    };
    for (doc, preds) in gold.iter().zip(predictions) {
        score_doc(doc, preds, &mut t, &mut quote_errs, &mut ind_errs);
        for q in &doc.quotes {
            match q.gold_kind() {
                Some(GoldKind::Direct) => report.gold.direct += 1,
                Some(GoldKind::Mixed) => report.gold.mixed += 1,
                Some(GoldKind::Indirect) => report.gold.indirect += 1,
                None => report.gold.unknown += 1,
            }
        }
        for p in preds {
            match p.kind {
                PredKind::Direct => report.predicted.direct += 1,
                PredKind::Partial => report.predicted.partial += 1,
                PredKind::Indirect => report.predicted.indirect += 1,
            }
        }
    }
    report.gold.quotes = report.gold.direct + report.gold.mixed;
    report.predicted.quotes = report.predicted.direct + report.predicted.partial;

    let direct = t.direct.figures();
    let mixed = t.mixed.figures();
    report.quotes = t.direct.plus(&t.mixed).figures();
    report.direct = direct;
    report.mixed = mixed;
    let ind = t.indirect.figures();
    report.indirect = IndirectFigures {
        gold: ind.gold,
        gold_with_mention: ind.gold_with_mention,
        predicted: ind.predicted,
        detection: ind.detection_overlap,
        attribution: ind.attribution,
    };
    report.errors = quote_errs.finish(options.max_errors);
    if report.predicted.indirect > 0 {
        report.indirect_errors = Some(ind_errs.finish(options.max_errors));
    }
    report
}

/// Counts for one population; gold-side counts filter gold records by kind, prediction-side
/// counts filter predictions by kind.
#[derive(Clone, Copy, Debug, Default)]
struct Tally {
    gold: usize,
    gold_overlapped: usize,
    gold_exact: usize,
    gold_with_mention: usize,
    attr_total: usize,
    attr_correct: usize,
    e2e_gold: usize,
    pred: usize,
    pred_overlapping: usize,
    pred_exact: usize,
    pred_e2e: usize,
}

impl Tally {
    fn plus(&self, o: &Tally) -> Tally {
        Tally {
            gold: self.gold + o.gold,
            gold_overlapped: self.gold_overlapped + o.gold_overlapped,
            gold_exact: self.gold_exact + o.gold_exact,
            gold_with_mention: self.gold_with_mention + o.gold_with_mention,
            attr_total: self.attr_total + o.attr_total,
            attr_correct: self.attr_correct + o.attr_correct,
            e2e_gold: self.e2e_gold + o.e2e_gold,
            pred: self.pred + o.pred,
            pred_overlapping: self.pred_overlapping + o.pred_overlapping,
            pred_exact: self.pred_exact + o.pred_exact,
            pred_e2e: self.pred_e2e + o.pred_e2e,
        }
    }

    fn figures(&self) -> Figures {
        Figures {
            gold: self.gold,
            gold_with_mention: self.gold_with_mention,
            predicted: self.pred,
            detection_overlap: Prf::new(
                self.pred_overlapping,
                self.pred,
                self.gold_overlapped,
                self.gold,
            ),
            detection_exact: Prf::new(self.pred_exact, self.pred, self.gold_exact, self.gold),
            attribution: Accuracy::new(self.attr_correct, self.attr_total),
            end_to_end: Prf::new(
                self.pred_e2e,
                self.pred,
                self.e2e_gold,
                self.gold_with_mention,
            ),
        }
    }
}

/// Tallies keyed by gold kind (gold side) and the matching predicted kind (prediction side):
/// direct ↔ Direct, mixed ↔ Partial, indirect ↔ Indirect.
#[derive(Default)]
struct Tallies {
    direct: Tally,
    mixed: Tally,
    indirect: Tally,
}

impl Tallies {
    fn for_gold(&mut self, k: GoldKind) -> &mut Tally {
        match k {
            GoldKind::Direct => &mut self.direct,
            GoldKind::Mixed => &mut self.mixed,
            GoldKind::Indirect => &mut self.indirect,
        }
    }

    fn for_pred(&mut self, k: PredKind) -> &mut Tally {
        match k {
            PredKind::Direct => &mut self.direct,
            PredKind::Partial => &mut self.mixed,
            PredKind::Indirect => &mut self.indirect,
        }
    }
}

/// True when a gold record of kind `g` and a prediction of kind `p` are scored against each
/// other (quotes with quotes, indirect with indirect).
fn same_track(g: GoldKind, p: PredKind) -> bool {
    g.is_quote() == (p != PredKind::Indirect)
}

/// A gold record prepared for scoring.
struct GoldRec {
    kind: Option<GoldKind>,
    span: (usize, usize),
    mention: Option<(usize, usize)>,
}

/// A best-match candidate: larger overlap wins, then the shorter span, then the earlier index.
#[derive(Clone, Copy)]
struct Best {
    idx: usize,
    overlap: usize,
    len: usize,
}

impl Best {
    fn better_than(&self, o: &Best) -> bool {
        (
            self.overlap,
            std::cmp::Reverse(self.len),
            std::cmp::Reverse(self.idx),
        ) > (
            o.overlap,
            std::cmp::Reverse(o.len),
            std::cmp::Reverse(o.idx),
        )
    }
}

fn offer(slot: &mut Option<Best>, cand: Best) {
    if slot.map_or(true, |b| cand.better_than(&b)) {
        *slot = Some(cand);
    }
}

fn clamp(span: (usize, usize), n: usize) -> (usize, usize) {
    let s = span.0.min(n);
    (s, span.1.clamp(s, n))
}

/// True when the spans share at least one code point (an empty span overlaps nothing).
fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0.max(b.0) < a.1.min(b.1)
}

fn score_doc(
    doc: &GoldDoc,
    preds: &[Predicted],
    t: &mut Tallies,
    quote_errs: &mut ErrorCollector,
    ind_errs: &mut ErrorCollector,
) {
    let chars: Vec<char> = doc.text.chars().collect();
    let n = chars.len();
    let golds: Vec<GoldRec> = doc
        .quotes
        .iter()
        .map(|q| GoldRec {
            kind: q.gold_kind(),
            span: clamp((q.start, q.end), n),
            mention: q.mention(),
        })
        .collect();
    let pspans: Vec<(usize, usize)> = preds.iter().map(|p| clamp((p.start, p.end), n)).collect();
    let gspans: Vec<(usize, usize)> = golds.iter().map(|g| g.span).collect();

    // Exact matching on normalised spans, quotes only.
    let gold_norm: Vec<(usize, usize)> = gspans.iter().map(|&s| normalise(&chars, s)).collect();
    let pred_norm: Vec<(usize, usize)> = pspans.iter().map(|&s| normalise(&chars, s)).collect();
    let gold_quote_norms: HashSet<(usize, usize)> = golds
        .iter()
        .zip(&gold_norm)
        .filter(|(g, _)| g.kind.is_some_and(GoldKind::is_quote))
        .map(|(_, &s)| s)
        .collect();
    let pred_quote_norms: HashSet<(usize, usize)> = preds
        .iter()
        .zip(&pred_norm)
        .filter(|(p, _)| p.kind != PredKind::Indirect)
        .map(|(_, &s)| s)
        .collect();

    let ok = |g: &GoldRec, p: &Predicted| speaker_ok(&chars, g.mention, p);

    let mut gold_best: Vec<Option<Best>> = vec![None; golds.len()];
    let mut gold_e2e = vec![false; golds.len()];
    let mut pred_best: Vec<Option<Best>> = vec![None; preds.len()];
    let mut pred_any = vec![false; preds.len()];
    // For a predicted quote that overlaps no gold quote: its best-matching gold record of
    // another kind (PolNeAR's `indirect` records include quoted text), for end-to-end precision.
    let mut pred_best_other: Vec<Option<Best>> = vec![None; preds.len()];
    for (gi, pi, ov) in overlap_pairs(&gspans, &pspans) {
        pred_any[pi] = true;
        let (g, p) = (&golds[gi], &preds[pi]);
        let Some(gk) = g.kind else { continue };
        let plen = pspans[pi].1 - pspans[pi].0;
        let glen = g.span.1 - g.span.0;
        if !same_track(gk, p.kind) {
            if p.kind != PredKind::Indirect {
                offer(
                    &mut pred_best_other[pi],
                    Best {
                        idx: gi,
                        overlap: ov,
                        len: glen,
                    },
                );
            }
            continue;
        }
        offer(
            &mut gold_best[gi],
            Best {
                idx: pi,
                overlap: ov,
                len: plen,
            },
        );
        offer(
            &mut pred_best[pi],
            Best {
                idx: gi,
                overlap: ov,
                len: glen,
            },
        );
        if g.mention.is_some() && !gold_e2e[gi] && ok(g, p) {
            gold_e2e[gi] = true;
        }
    }

    let mut rule_totals: [BTreeMap<&str, usize>; 2] = Default::default();
    for p in preds {
        let track = usize::from(p.kind == PredKind::Indirect);
        *rule_totals[track].entry(p.rule.as_str()).or_default() += 1;
    }
    for (track, errs) in [(0, &mut *quote_errs), (1, &mut *ind_errs)] {
        errs.start_doc();
        for (rule, &count) in &rule_totals[track] {
            *errs.rule_totals.entry(rule.to_string()).or_default() += count;
        }
    }

    // Gold side.
    for (gi, g) in golds.iter().enumerate() {
        let Some(kind) = g.kind else { continue };
        let tally = t.for_gold(kind);
        tally.gold += 1;
        if g.mention.is_some() {
            tally.gold_with_mention += 1;
            if gold_e2e[gi] {
                tally.e2e_gold += 1;
            }
        }
        if kind.is_quote() && pred_quote_norms.contains(&gold_norm[gi]) {
            tally.gold_exact += 1;
        }
        let errs = if kind.is_quote() {
            &mut *quote_errs
        } else {
            &mut *ind_errs
        };
        match gold_best[gi] {
            None => {
                errs.missed += 1;
                errs.doc_missed.push(ErrorExample {
                    doc_id: doc.id.clone(),
                    kind: kind.as_str().to_string(),
                    start: g.span.0,
                    end: g.span.1,
                    text: cut(&chars, g.span),
                    gold_mention: g.mention.map(|m| cut(&chars, clamp(m, n))),
                    predicted_span: None,
                    predicted_mention: None,
                    predicted_speaker: None,
                    rule: None,
                });
            }
            Some(best) => {
                tally.gold_overlapped += 1;
                if g.mention.is_some() {
                    tally.attr_total += 1;
                    let p = &preds[best.idx];
                    if ok(g, p) {
                        tally.attr_correct += 1;
                    } else {
                        errs.wrong_speaker += 1;
                        *errs.wrong_by_rule.entry(p.rule.clone()).or_default() += 1;
                        errs.doc_wrong.push(ErrorExample {
                            doc_id: doc.id.clone(),
                            kind: kind.as_str().to_string(),
                            start: g.span.0,
                            end: g.span.1,
                            text: cut(&chars, g.span),
                            gold_mention: g.mention.map(|m| cut(&chars, clamp(m, n))),
                            predicted_span: Some(pspans[best.idx]).filter(|&s| s != g.span),
                            predicted_mention: pred_mention_text(&chars, p),
                            predicted_speaker: p.speaker.clone(),
                            rule: Some(p.rule.clone()),
                        });
                    }
                }
            }
        }
    }

    // Prediction side.
    for (pi, p) in preds.iter().enumerate() {
        let tally = t.for_pred(p.kind);
        tally.pred += 1;
        if pred_any[pi] {
            tally.pred_overlapping += 1;
        } else {
            let errs = if p.kind == PredKind::Indirect {
                &mut *ind_errs
            } else {
                &mut *quote_errs
            };
            errs.spurious += 1;
            *errs.spurious_by_rule.entry(p.rule.clone()).or_default() += 1;
            errs.doc_spurious.push(ErrorExample {
                doc_id: doc.id.clone(),
                kind: p.kind.as_str().to_string(),
                start: pspans[pi].0,
                end: pspans[pi].1,
                text: cut(&chars, pspans[pi]),
                gold_mention: None,
                predicted_span: None,
                predicted_mention: pred_mention_text(&chars, p),
                predicted_speaker: p.speaker.clone(),
                rule: Some(p.rule.clone()),
            });
        }
        if p.kind != PredKind::Indirect && gold_quote_norms.contains(&pred_norm[pi]) {
            tally.pred_exact += 1;
        }
        if let Some(best) = pred_best[pi].or(pred_best_other[pi]) {
            let g = &golds[best.idx];
            if g.mention.is_some() && ok(g, p) {
                tally.pred_e2e += 1;
            }
        }
    }
}

/// All pairs `(i, j, overlap)` of a span in `a` and a span in `b` sharing at least one position.
///
/// A sweep over both lists sorted by start: each span, when reached, pairs with the spans of
/// the other list still open at its start. Cost: sorting plus the pairs and open spans visited.
fn overlap_pairs(a: &[(usize, usize)], b: &[(usize, usize)]) -> Vec<(usize, usize, usize)> {
    let mut events: Vec<(usize, bool, usize)> = Vec::with_capacity(a.len() + b.len());
    events.extend(
        a.iter()
            .enumerate()
            .filter(|(_, s)| s.0 < s.1)
            .map(|(i, s)| (s.0, false, i)),
    );
    events.extend(
        b.iter()
            .enumerate()
            .filter(|(_, s)| s.0 < s.1)
            .map(|(j, s)| (s.0, true, j)),
    );
    events.sort_unstable();
    let mut open_a: Vec<usize> = Vec::new();
    let mut open_b: Vec<usize> = Vec::new();
    let mut pairs = Vec::new();
    for (start, is_b, idx) in events {
        open_a.retain(|&i| a[i].1 > start);
        open_b.retain(|&j| b[j].1 > start);
        if is_b {
            for &i in &open_a {
                pairs.push((i, idx, a[i].1.min(b[idx].1) - start));
            }
            open_b.push(idx);
        } else {
            for &j in &open_b {
                pairs.push((idx, j, a[idx].1.min(b[j].1) - start));
            }
            open_a.push(idx);
        }
    }
    pairs
}

/// Characters trimmed from span edges before exact comparison.
fn is_edge_char(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '“' | '”'
                | '‘'
                | '’'
                | '"'
                | '\''
                | '«'
                | '»'
                | '„'
                | '`'
                | ','
                | '.'
                | ';'
                | ':'
                | '!'
                | '?'
                | '—'
                | '–'
                | '-'
        )
}

/// The span with edge whitespace, quotation marks and punctuation trimmed; a span that is
/// nothing but those comes back unchanged.
fn normalise(chars: &[char], (mut s, mut e): (usize, usize)) -> (usize, usize) {
    let orig = (s, e);
    while s < e && is_edge_char(chars[s]) {
        s += 1;
    }
    while e > s && is_edge_char(chars[e - 1]) {
        e -= 1;
    }
    if s == e {
        orig
    } else {
        (s, e)
    }
}

/// The speaker criterion for a gold mention (none: never met) and a prediction.
fn speaker_ok(chars: &[char], gold_mention: Option<(usize, usize)>, p: &Predicted) -> bool {
    let Some(gm) = gold_mention else {
        return false;
    };
    match p.mention {
        Some(pm) => overlaps(gm, pm),
        None => {
            let Some(name) = p.speaker.as_deref() else {
                return false;
            };
            let gm = clamp(gm, chars.len());
            let mention: String = chars[gm.0..gm.1].iter().collect();
            shares_capitalised_word(name, &mention)
        }
    }
}

/// Capitalised words that do not identify anyone on their own.
const NON_NAME_WORDS: &[&str] = &[
    "a", "an", "the", "he", "she", "it", "they", "we", "you", "his", "her", "its", "their", "our",
    "your", "him", "them", "us", "me", "this", "that", "these", "those", "mr", "mrs", "ms", "miss",
    "dr", "sir", "of", "and",
];

fn capitalised_words(s: &str) -> impl Iterator<Item = String> + '_ {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase) && w.chars().nth(1).is_some())
        .map(str::to_lowercase)
        .filter(|w| !NON_NAME_WORDS.contains(&w.as_str()))
}

/// True when `a` and `b` share a capitalised word (case-insensitively, ignoring non-name words).
fn shares_capitalised_word(a: &str, b: &str) -> bool {
    let words: HashSet<String> = capitalised_words(a).collect();
    capitalised_words(b).any(|w| words.contains(&w))
}

fn pred_mention_text(chars: &[char], p: &Predicted) -> Option<String> {
    p.mention_text
        .clone()
        .or_else(|| p.mention.map(|m| cut(chars, clamp(m, chars.len()))))
}

/// The text of a span, cut to [`MAX_EXAMPLE_CHARS`] characters.
fn cut(chars: &[char], (s, e): (usize, usize)) -> String {
    if e - s > MAX_EXAMPLE_CHARS {
        let mut t: String = chars[s..s + MAX_EXAMPLE_CHARS - 1].iter().collect();
        t.push('…');
        t
    } else {
        chars[s..e].iter().collect()
    }
}

/// Gathers errors of one track, document by document.
#[derive(Default)]
struct ErrorCollector {
    missed: usize,
    spurious: usize,
    wrong_speaker: usize,
    /// Per document (in order), the examples of each class.
    missed_docs: Vec<Vec<ErrorExample>>,
    spurious_docs: Vec<Vec<ErrorExample>>,
    wrong_docs: Vec<Vec<ErrorExample>>,
    doc_missed: Vec<ErrorExample>,
    doc_spurious: Vec<ErrorExample>,
    doc_wrong: Vec<ErrorExample>,
    spurious_by_rule: BTreeMap<String, usize>,
    wrong_by_rule: BTreeMap<String, usize>,
    rule_totals: BTreeMap<String, usize>,
}

impl ErrorCollector {
    /// Files the previous document's examples.
    fn start_doc(&mut self) {
        for (cur, all) in [
            (&mut self.doc_missed, &mut self.missed_docs),
            (&mut self.doc_spurious, &mut self.spurious_docs),
            (&mut self.doc_wrong, &mut self.wrong_docs),
        ] {
            if !cur.is_empty() {
                cur.sort_by_key(|e| (e.start, e.end));
                all.push(std::mem::take(cur));
            }
        }
    }

    fn finish(mut self, max: usize) -> Errors {
        self.start_doc();
        let by_rule = |m: &BTreeMap<String, usize>| {
            let mut v: Vec<RuleCount> = m
                .iter()
                .map(|(rule, &count)| RuleCount {
                    rule: rule.clone(),
                    count,
                    predicted: self.rule_totals.get(rule).copied().unwrap_or(0),
                })
                .collect();
            v.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.rule.cmp(&b.rule)));
            v
        };
        Errors {
            missed: self.missed,
            spurious: self.spurious,
            wrong_speaker: self.wrong_speaker,
            missed_examples: spread(&self.missed_docs, max),
            spurious_examples: spread(&self.spurious_docs, max),
            wrong_speaker_examples: spread(&self.wrong_docs, max),
            spurious_by_rule: by_rule(&self.spurious_by_rule),
            wrong_speaker_by_rule: by_rule(&self.wrong_by_rule),
        }
    }
}

/// Up to `max` examples spread over documents, returned in document order.
///
/// `docs` holds, per document with errors, its examples in text order. When there are at least
/// `max` such documents, the first example of `max` documents evenly spaced through the input
/// is taken (so a corpus sorted by publisher shows several publishers); otherwise examples are
/// taken round-robin (the first of each document, then the second, ...).
fn spread(docs: &[Vec<ErrorExample>], max: usize) -> Vec<ErrorExample> {
    if max > 0 && docs.len() >= max {
        return (0..max)
            .map(|k| docs[k * docs.len() / max][0].clone())
            .collect();
    }
    let mut taken = vec![0usize; docs.len()];
    let mut left = max;
    let mut round = 0;
    while left > 0 {
        let mut any = false;
        for (d, list) in docs.iter().enumerate() {
            if left == 0 {
                break;
            }
            if round < list.len() {
                taken[d] += 1;
                left -= 1;
                any = true;
            }
        }
        if !any {
            break;
        }
        round += 1;
    }
    docs.iter()
        .zip(&taken)
        .flat_map(|(list, &k)| list[..k].iter().cloned())
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Display

const LABEL: usize = 24;
const CELL: usize = 20;

fn ratio_cell(value: f64, num: usize, den: usize) -> String {
    if den == 0 {
        "n/a".to_string()
    } else {
        format!("{value:.3} ({num}/{den})")
    }
}

fn prf_row(f: &mut fmt::Formatter<'_>, label: &str, p: &Prf) -> fmt::Result {
    let f1 = if p.predicted == 0 && p.gold == 0 {
        "n/a".to_string()
    } else {
        format!("{:.3}", p.f1)
    };
    writeln!(
        f,
        "{label:<LABEL$}{:<CELL$}{:<CELL$}{f1}",
        ratio_cell(p.precision, p.tp_predicted, p.predicted),
        ratio_cell(p.recall, p.tp_gold, p.gold),
    )
}

fn accuracy_row(f: &mut fmt::Formatter<'_>, label: &str, a: &Accuracy) -> fmt::Result {
    writeln!(
        f,
        "{label:<LABEL$}{}",
        ratio_cell(a.accuracy, a.correct, a.total)
    )
}

fn figures_rows(f: &mut fmt::Formatter<'_>, indent: &str, fig: &Figures) -> fmt::Result {
    prf_row(
        f,
        &format!("{indent}detection (overlap)"),
        &fig.detection_overlap,
    )?;
    prf_row(
        f,
        &format!("{indent}detection (exact)"),
        &fig.detection_exact,
    )?;
    accuracy_row(
        f,
        &format!("{indent}attribution accuracy"),
        &fig.attribution,
    )?;
    prf_row(f, &format!("{indent}end to end"), &fig.end_to_end)
}

/// One line of example text: whitespace runs collapsed.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn example_line(f: &mut fmt::Formatter<'_>, e: &ErrorExample) -> fmt::Result {
    write!(
        f,
        "  {} {}..{} {}: {}",
        e.doc_id,
        e.start,
        e.end,
        e.kind,
        one_line(&e.text)
    )?;
    let mut notes = Vec::new();
    if let Some(m) = &e.gold_mention {
        notes.push(format!("gold mention: {}", one_line(m)));
    }
    if let Some((s, t)) = e.predicted_span {
        notes.push(format!("predicted {s}..{t}"));
    }
    match (&e.predicted_mention, &e.predicted_speaker) {
        (Some(m), Some(s)) => notes.push(format!("predicted: {} = {}", one_line(m), s)),
        (Some(m), None) => notes.push(format!("predicted: {}", one_line(m))),
        (None, Some(s)) => notes.push(format!("predicted: {s}")),
        (None, None) if e.rule.is_some() => notes.push("predicted: no speaker".to_string()),
        (None, None) => {}
    }
    if let Some(r) = &e.rule {
        notes.push(format!("rule: {r}"));
    }
    if !notes.is_empty() {
        write!(f, "  [{}]", notes.join("; "))?;
    }
    writeln!(f)
}

fn errors_block(f: &mut fmt::Formatter<'_>, what: &str, e: &Errors) -> fmt::Result {
    writeln!(
        f,
        "{what} errors: {} missed, {} spurious, {} wrong speaker",
        e.missed, e.spurious, e.wrong_speaker
    )?;
    let tables = [
        ("spurious by rule", &e.spurious_by_rule),
        ("wrong speaker by rule", &e.wrong_speaker_by_rule),
    ];
    // One width for both tables, so their columns line up.
    let width = tables
        .iter()
        .filter(|(_, table)| !table.is_empty())
        .flat_map(|(title, table)| {
            std::iter::once(title.len()).chain(table.iter().map(|r| r.rule.chars().count()))
        })
        .max()
        .unwrap_or(0);
    for (title, table) in tables {
        if table.is_empty() {
            continue;
        }
        writeln!(f, "  {title:<width$}  count  of predicted")?;
        for r in table {
            writeln!(
                f,
                "  {:<width$}  {:>5}  {:>12}",
                r.rule, r.count, r.predicted
            )?;
        }
    }
    for (title, list, total) in [
        ("missed", &e.missed_examples, e.missed),
        ("spurious", &e.spurious_examples, e.spurious),
        ("wrong speaker", &e.wrong_speaker_examples, e.wrong_speaker),
    ] {
        if list.is_empty() {
            continue;
        }
        writeln!(f, "{title} ({} of {total}):", list.len())?;
        for ex in list {
            example_line(f, ex)?;
        }
    }
    Ok(())
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "whosaid eval: {} documents, {} gold quotes ({} direct, {} mixed), {} predicted \
             ({} direct, {} partial)",
            self.documents,
            self.gold.quotes,
            self.gold.direct,
            self.gold.mixed,
            self.predicted.quotes,
            self.predicted.direct,
            self.predicted.partial,
        )?;
        let header = |f: &mut fmt::Formatter<'_>, label: &str| {
            writeln!(
                f,
                "{label:<LABEL$}{:<CELL$}{:<CELL$}F1",
                "precision", "recall"
            )
        };
        header(f, "")?;
        figures_rows(f, "", &self.quotes)?;
        writeln!(f)?;
        header(f, "per kind")?;
        writeln!(
            f,
            "direct: {} gold, {} predicted direct",
            self.direct.gold, self.direct.predicted
        )?;
        figures_rows(f, "  ", &self.direct)?;
        writeln!(
            f,
            "mixed: {} gold, {} predicted partial",
            self.mixed.gold, self.mixed.predicted
        )?;
        figures_rows(f, "  ", &self.mixed)?;
        writeln!(f)?;
        let ind = &self.indirect;
        if ind.predicted == 0 {
            writeln!(f, "indirect: {} gold, no indirect predictions", ind.gold)?;
        } else {
            writeln!(
                f,
                "indirect: {} gold, {} predicted",
                ind.gold, ind.predicted
            )?;
            prf_row(f, "  detection (overlap)", &ind.detection)?;
            accuracy_row(f, "  attribution accuracy", &ind.attribution)?;
        }
        if self.gold.unknown > 0 {
            writeln!(
                f,
                "({} gold records of unknown kind not scored)",
                self.gold.unknown
            )?;
        }
        writeln!(f)?;
        errors_block(f, "quote", &self.errors)?;
        if let Some(e) = &self.indirect_errors {
            writeln!(f)?;
            errors_block(f, "indirect", e)?;
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------------
// From the extractor to predictions

/// Runs `extractor` on `text` and turns its quotes into [`Predicted`] records (code points).
pub fn predict(extractor: &crate::Extractor, text: &str) -> Vec<Predicted> {
    let ex = extractor.extract(text);
    let map = crate::CharMap::new(text);
    ex.quotes
        .iter()
        .map(|q| {
            let (start, end) = map.char_span(q.span);
            Predicted {
                start,
                end,
                kind: match q.kind {
                    crate::QuoteKind::Direct => PredKind::Direct,
                    crate::QuoteKind::Partial => PredKind::Partial,
                    crate::QuoteKind::Indirect => PredKind::Indirect,
                },
                mention: q.mention.map(|m| map.char_span(m)),
                speaker: q.speaker.clone(),
                mention_text: q.mention.map(|m| m.slice(text).to_owned()),
                rule: q.rule.id().to_owned(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gq(text: &str, span: &str, kind: &str, mention: Option<&str>) -> GoldQuote {
        let start = char_find(text, span);
        let (speaker, speaker_start, speaker_end) = match mention {
            Some(m) => {
                let s = char_find(text, m);
                (Some(m.to_string()), Some(s), Some(s + m.chars().count()))
            }
            None => (None, None, None),
        };
        GoldQuote {
            start,
            end: start + span.chars().count(),
            text: span.to_string(),
            kind: kind.to_string(),
            speaker,
            speaker_start,
            speaker_end,
            cue: None,
            attribution_id: None,
            speaker_title: None,
            speaker_mention: None,
        }
    }

    /// Code-point offset of the first occurrence of `needle`.
    fn char_find(text: &str, needle: &str) -> usize {
        let b = text
            .find(needle)
            .unwrap_or_else(|| panic!("{needle:?} not in text"));
        text[..b].chars().count()
    }

    fn doc(id: &str, text: &str, quotes: Vec<GoldQuote>) -> GoldDoc {
        GoldDoc {
            id: id.to_string(),
            text: text.to_string(),
            quotes,
        }
    }

    fn pred(start: usize, end: usize, kind: PredKind) -> Predicted {
        Predicted {
            start,
            end,
            kind,
            mention: None,
            speaker: None,
            mention_text: None,
            rule: "test".to_string(),
        }
    }

    /// A prediction reproducing a gold record, mention and all.
    fn from_gold(q: &GoldQuote) -> Predicted {
        let kind = match q.gold_kind().unwrap() {
            GoldKind::Direct => PredKind::Direct,
            GoldKind::Mixed => PredKind::Partial,
            GoldKind::Indirect => PredKind::Indirect,
        };
        Predicted {
            mention: q.mention(),
            speaker: q.speaker.clone(),
            mention_text: q.speaker.clone(),
            rule: format!("gold.{}", q.kind),
            ..pred(q.start, q.end, kind)
        }
    }

    const TEXT1: &str = "“We will not back down,” Jake Sullivan said on Monday. \
        He said the talks were “productive and frank.” \
        Officials said the deal was close.";

    fn doc1() -> GoldDoc {
        doc(
            "one",
            TEXT1,
            vec![
                gq(
                    TEXT1,
                    "“We will not back down,”",
                    "direct",
                    Some("Jake Sullivan"),
                ),
                gq(TEXT1, "“productive and frank.”", "mixed", Some("He")),
                gq(TEXT1, "the deal was close", "indirect", Some("Officials")),
            ],
        )
    }

    const TEXT2: &str = "The senator spoke. “Taxes are too high,” she said. \
        “And spending too,” she added, echoing Sullivan.";

    fn doc2() -> GoldDoc {
        doc(
            "two",
            TEXT2,
            vec![
                gq(TEXT2, "“Taxes are too high,”", "direct", Some("she")),
                gq(TEXT2, "“And spending too,”", "direct", None),
            ],
        )
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    fn assert_all_one(fig: &Figures) {
        for prf in [
            &fig.detection_overlap,
            &fig.detection_exact,
            &fig.end_to_end,
        ] {
            assert_eq!(
                (prf.precision, prf.recall, prf.f1),
                (1.0, 1.0, 1.0),
                "{fig:#?}"
            );
        }
        assert_eq!(fig.attribution.accuracy, 1.0, "{fig:#?}");
    }

    #[test]
    fn perfect_prediction_scores_one_everywhere() {
        let mut d2 = doc2();
        d2.quotes[1] = gq(TEXT2, "“And spending too,”", "direct", Some("she added"));
        let gold = vec![doc1(), d2];
        let preds: Vec<Vec<Predicted>> = gold
            .iter()
            .map(|d| d.quotes.iter().map(from_gold).collect())
            .collect();
        let r = score(&gold, &preds, &EvalOptions { max_errors: 5 });
        assert_eq!(r.documents, 2);
        assert_eq!(
            (r.gold.quotes, r.gold.direct, r.gold.mixed, r.gold.indirect),
            (4, 3, 1, 1)
        );
        assert_eq!((r.predicted.quotes, r.predicted.indirect), (4, 1));
        assert_all_one(&r.quotes);
        assert_all_one(&r.direct);
        assert_all_one(&r.mixed);
        let o = r.quotes.detection_overlap;
        assert_eq!((o.tp_predicted, o.fp, o.tp_gold, o.fn_count), (4, 0, 4, 0));
        assert_eq!(r.quotes.attribution.total, 4);
        assert_eq!(r.indirect.detection.f1, 1.0);
        assert_eq!(r.indirect.attribution.accuracy, 1.0);
        let e = &r.errors;
        assert_eq!((e.missed, e.spurious, e.wrong_speaker), (0, 0, 0));
        let shown = r.to_string();
        assert!(!shown.contains("n/a"), "{shown}");
        assert!(shown.contains("indirect: 1 gold, 1 predicted"), "{shown}");

        // A gold quote without a mention: out of attribution and end-to-end recall, and its
        // (perfect) prediction is not a correct pair for end-to-end precision.
        let gold = vec![doc1(), doc2()];
        let preds: Vec<Vec<Predicted>> = gold
            .iter()
            .map(|d| d.quotes.iter().map(from_gold).collect())
            .collect();
        let r = score(&gold, &preds, &EvalOptions::default());
        assert_eq!(r.quotes.detection_exact.f1, 1.0);
        assert_eq!(r.quotes.attribution.accuracy, 1.0);
        let e2e = r.quotes.end_to_end;
        assert_eq!(
            (e2e.tp_predicted, e2e.predicted, e2e.tp_gold, e2e.gold),
            (3, 4, 3, 3)
        );
    }

    #[test]
    fn empty_prediction_scores_zero_and_shows_na() {
        let gold = vec![doc1(), doc2()];
        let r = score(&gold, &[vec![], vec![]], &EvalOptions::default());
        let p = r.quotes.detection_overlap;
        assert_eq!((p.precision, p.recall, p.f1), (0.0, 0.0, 0.0));
        assert_eq!(
            (p.tp_predicted, p.predicted, p.tp_gold, p.gold, p.fn_count),
            (0, 0, 0, 4, 4)
        );
        assert_eq!(r.quotes.attribution.total, 0);
        assert_eq!(r.errors.missed, 4);
        assert!(
            r.errors.missed_examples.is_empty(),
            "max_errors 0 keeps none"
        );
        assert!(r.indirect_errors.is_none());
        let shown = r.to_string();
        let overlap = shown
            .lines()
            .find(|l| l.starts_with("detection (overlap)"))
            .unwrap();
        assert_eq!(
            overlap.split_whitespace().collect::<Vec<_>>(),
            ["detection", "(overlap)", "n/a", "0.000", "(0/4)", "0.000"]
        );
        assert!(shown.contains("attribution accuracy    n/a"), "{shown}");
        assert!(shown.contains("no indirect predictions"), "{shown}");
        // Nothing at all: F1 is n/a too.
        let r = score(&[], &[], &EvalOptions::default());
        assert!(r
            .to_string()
            .contains("detection (exact)       n/a                 n/a                 n/a"));
    }

    #[test]
    fn shifted_span_overlaps_but_is_not_exact() {
        let d = doc2();
        let q = &d.quotes[0];
        let p = pred(q.start + 3, q.end + 2, PredKind::Direct);
        let r = score(
            std::slice::from_ref(&d),
            &[vec![p]],
            &EvalOptions::default(),
        );
        assert_eq!(r.quotes.detection_overlap.tp_predicted, 1);
        assert_eq!(r.quotes.detection_overlap.tp_gold, 1);
        assert_eq!(r.quotes.detection_exact.tp_predicted, 0);
        assert_eq!(r.quotes.detection_exact.tp_gold, 0);
        assert!(close(r.quotes.detection_overlap.recall, 0.5));
    }

    #[test]
    fn marks_and_punctuation_are_trimmed_for_exact_match() {
        let text = "She said: “Hello,” and left.";
        let d = doc("t", text, vec![gq(text, "“Hello,”", "direct", None)]);
        let hello = char_find(text, "Hello");
        let p = pred(hello, hello + 5, PredKind::Direct);
        let r = score(
            std::slice::from_ref(&d),
            &[vec![p]],
            &EvalOptions::default(),
        );
        assert_eq!(r.quotes.detection_exact.precision, 1.0);
        assert_eq!(r.quotes.detection_exact.recall, 1.0);
        // " Hello," with a leading space and the colon before it: still the same.
        let colon = char_find(text, ": “");
        let p = pred(colon, hello + 6, PredKind::Direct);
        let r = score(
            std::slice::from_ref(&d),
            &[vec![p]],
            &EvalOptions::default(),
        );
        assert_eq!(r.quotes.detection_exact.recall, 1.0);
        // "Hell" is not.
        let p = pred(hello, hello + 4, PredKind::Direct);
        let r = score(&[d], &[vec![p]], &EvalOptions::default());
        assert_eq!(r.quotes.detection_exact.recall, 0.0);
        assert_eq!(r.quotes.detection_overlap.recall, 1.0);
        assert_eq!(normalise(&"“”".chars().collect::<Vec<_>>(), (0, 2)), (0, 2));
        assert_eq!(
            normalise(&"'' x ''".chars().collect::<Vec<_>>(), (0, 7)),
            (3, 4)
        );
    }

    #[test]
    fn quote_overlapping_indirect_gold_counts_for_precision_only() {
        let d = doc1();
        let ind = &d.quotes[2];
        let p = pred(ind.start, ind.end, PredKind::Direct);
        let r = score(
            std::slice::from_ref(&d),
            &[vec![p]],
            &EvalOptions::default(),
        );
        let o = r.quotes.detection_overlap;
        assert_eq!((o.tp_predicted, o.predicted), (1, 1));
        assert_eq!((o.tp_gold, o.gold), (0, 2));
        assert_eq!(r.quotes.detection_exact.tp_predicted, 0);
        assert_eq!(r.errors.spurious, 0);
        assert_eq!(r.errors.missed, 2);
        // No speaker: not correct end to end.
        assert_eq!(r.quotes.end_to_end.tp_predicted, 0);
        // And it does not count towards indirect recall.
        assert_eq!(r.indirect.detection.tp_gold, 0);
    }

    #[test]
    fn a_quote_over_an_indirect_record_is_right_end_to_end_with_its_speaker() {
        let d = doc1();
        let ind = &d.quotes[2]; // "the deal was close", gold mention "Officials"
        let officials = ind.mention().unwrap();
        let sullivan = d.quotes[0].mention().unwrap();
        let run = |mention| {
            let p = Predicted {
                mention: Some(mention),
                ..pred(ind.start, ind.end, PredKind::Direct)
            };
            score(
                std::slice::from_ref(&d),
                &[vec![p]],
                &EvalOptions::default(),
            )
        };
        // Both hold: the quote overlaps a gold record and has that record's speaker.
        let right = run(officials).quotes.end_to_end;
        assert_eq!((right.tp_predicted, right.predicted), (1, 1));
        // Recall stays over gold quotes: the indirect record is no gold quote.
        assert_eq!((right.tp_gold, right.gold), (0, 2));
        let wrong = run(sullivan).quotes.end_to_end;
        assert_eq!((wrong.tp_predicted, wrong.predicted), (0, 1));
    }

    #[test]
    fn a_gold_quote_is_preferred_to_an_indirect_record_for_end_to_end_precision() {
        // The prediction spans the gold quote and the indirect record; the quote decides.
        let text = "“We will win,” Ann Lee said, and officials said the vote was close.";
        let d = doc(
            "pref",
            text,
            vec![
                gq(text, "“We will win,”", "direct", Some("Ann Lee")),
                gq(text, "the vote was close", "indirect", Some("officials")),
            ],
        );
        let officials = d.quotes[1].mention().unwrap();
        let p = Predicted {
            mention: Some(officials),
            ..pred(0, text.chars().count(), PredKind::Direct)
        };
        let r = score(
            std::slice::from_ref(&d),
            &[vec![p]],
            &EvalOptions::default(),
        );
        assert_eq!(r.quotes.end_to_end.tp_predicted, 0);
    }

    #[test]
    fn attribution_by_mention_span_and_by_name() {
        let d = doc1();
        let q = &d.quotes[0]; // gold mention "Jake Sullivan"
        let ms = q.speaker_start.unwrap();
        let run = |p: Predicted| {
            let r = score(
                std::slice::from_ref(&d),
                &[vec![p]],
                &EvalOptions::default(),
            );
            (r.quotes.attribution.correct, r.quotes.attribution.total)
        };
        let base = pred(q.start, q.end, PredKind::Direct);
        // Mention span overlapping the gold mention ("Sullivan" only).
        let p = Predicted {
            mention: Some((ms + 5, ms + 13)),
            ..base.clone()
        };
        assert_eq!(run(p), (1, 1));
        // Mention span elsewhere: wrong, even with the right name.
        let p = Predicted {
            mention: Some((0, 3)),
            speaker: Some("Jake Sullivan".into()),
            ..base.clone()
        };
        assert_eq!(run(p), (0, 1));
        // No mention span: the resolved name shares a capitalised word.
        let text = "“Fine,” Sullivan said. “Good,” he said.";
        let d2 = doc(
            "names",
            text,
            vec![
                gq(text, "“Fine,”", "direct", Some("Sullivan")),
                gq(text, "“Good,”", "direct", Some("he")),
            ],
        );
        let preds: Vec<Predicted> = d2
            .quotes
            .iter()
            .map(|q| Predicted {
                speaker: Some("Jake Sullivan".into()),
                ..pred(q.start, q.end, PredKind::Direct)
            })
            .collect();
        let r = score(std::slice::from_ref(&d2), &[preds], &EvalOptions::default());
        assert_eq!(
            (r.quotes.attribution.correct, r.quotes.attribution.total),
            (1, 2)
        );
        // No mention and no speaker: wrong.
        let r = score(
            &[d2],
            &[vec![pred(0, 7, PredKind::Direct)]],
            &EvalOptions::default(),
        );
        assert_eq!(
            (r.quotes.attribution.correct, r.quotes.attribution.total),
            (0, 1)
        );
        assert!(shares_capitalised_word(
            "Jake Sullivan",
            "National Security Advisor Jake Sullivan"
        ));
        assert!(shares_capitalised_word(
            "Hillary Clinton",
            "Clinton’s campaign"
        ));
        assert!(!shares_capitalised_word("Jake Sullivan", "he"));
        assert!(!shares_capitalised_word(
            "The New York Times",
            "The president"
        ));
        assert!(!shares_capitalised_word("Mr. Smith", "Mr. Jones"));
    }

    #[test]
    fn largest_overlap_decides_attribution() {
        let d = doc2();
        let q = &d.quotes[0]; // mention "she" right after it
        let m = q.mention();
        let small = Predicted {
            mention: m,
            ..pred(q.start, q.start + 3, PredKind::Direct)
        };
        let big = Predicted {
            mention: Some((0, 3)),
            ..pred(q.start + 2, q.end, PredKind::Direct)
        };
        let r = score(
            std::slice::from_ref(&d),
            &[vec![small.clone(), big.clone()]],
            &EvalOptions::default(),
        );
        assert_eq!(
            (r.quotes.attribution.correct, r.quotes.attribution.total),
            (0, 1)
        );
        // End-to-end recall: overlapped by SOME prediction with the right speaker.
        assert_eq!(r.quotes.end_to_end.tp_gold, 1);
        // End-to-end precision: each prediction against its best gold quote.
        assert_eq!(r.quotes.end_to_end.tp_predicted, 1);
        let r = score(&[d], &[vec![big]], &EvalOptions::default());
        assert_eq!(r.quotes.end_to_end.tp_gold, 0);
    }

    #[test]
    fn end_to_end_counts() {
        let gold = vec![doc1(), doc2()];
        let d1 = &gold[0];
        let d2 = &gold[1];
        let preds = vec![
            vec![
                // Right quote, right speaker.
                from_gold(&d1.quotes[0]),
                // Right quote, wrong speaker.
                Predicted {
                    mention: Some((0, 2)),
                    ..from_gold(&d1.quotes[1])
                },
                // Spurious.
                pred(
                    char_find(TEXT1, "Monday"),
                    char_find(TEXT1, "Monday") + 6,
                    PredKind::Direct,
                ),
            ],
            vec![
                // Right speaker by name; the gold mention is "she": wrong.
                Predicted {
                    speaker: Some("Jane Doe".into()),
                    ..pred(d2.quotes[0].start, d2.quotes[0].end, PredKind::Direct)
                },
                // Gold without mention: detection only.
                from_gold(&d2.quotes[1]),
            ],
        ];
        let r = score(&gold, &preds, &EvalOptions { max_errors: 10 });
        let e2e = r.quotes.end_to_end;
        assert_eq!((e2e.tp_predicted, e2e.predicted), (1, 5));
        assert_eq!((e2e.tp_gold, e2e.gold), (1, 3));
        assert!(close(e2e.precision, 0.2));
        assert!(close(e2e.recall, 1.0 / 3.0));
        assert!(close(e2e.f1, 0.25));
        assert_eq!(
            (r.quotes.attribution.correct, r.quotes.attribution.total),
            (1, 3)
        );
        let o = r.quotes.detection_overlap;
        assert_eq!(
            (o.tp_predicted, o.predicted, o.tp_gold, o.gold),
            (4, 5, 4, 4)
        );
        assert_eq!(
            (r.errors.missed, r.errors.spurious, r.errors.wrong_speaker),
            (0, 1, 2)
        );
    }

    #[test]
    fn per_kind_split() {
        let gold = vec![doc1()];
        let d = &gold[0];
        // A Direct prediction on the mixed quote, a Partial one on nothing.
        let preds = vec![vec![
            Predicted {
                kind: PredKind::Direct,
                ..from_gold(&d.quotes[1])
            },
            pred(0, 1, PredKind::Partial),
            pred(
                char_find(TEXT1, "Monday"),
                char_find(TEXT1, "Monday") + 3,
                PredKind::Partial,
            ),
        ]];
        let r = score(&gold, &preds, &EvalOptions::default());
        // Recall by gold kind.
        assert_eq!(
            (
                r.direct.detection_overlap.tp_gold,
                r.direct.detection_overlap.gold
            ),
            (1, 1)
        );
        assert_eq!(
            (
                r.mixed.detection_overlap.tp_gold,
                r.mixed.detection_overlap.gold
            ),
            (1, 1)
        );
        assert_eq!(
            (r.direct.attribution.correct, r.direct.attribution.total),
            (0, 1)
        );
        assert_eq!(
            (r.mixed.attribution.correct, r.mixed.attribution.total),
            (1, 1)
        );
        assert_eq!(r.direct.end_to_end.tp_gold, 0);
        assert_eq!(r.mixed.end_to_end.tp_gold, 1);
        // Precision by predicted kind: the Direct prediction is right (it matches a mixed
        // gold quote); of the Partial ones, the one on the first quote's mark is right.
        let dp = r.direct.detection_overlap;
        assert_eq!((dp.tp_predicted, dp.predicted), (1, 1));
        let mp = r.mixed.detection_overlap;
        assert_eq!((mp.tp_predicted, mp.predicted), (1, 2));
        assert_eq!(r.direct.detection_exact.tp_predicted, 1);
        assert_eq!(r.mixed.detection_exact.tp_predicted, 0);
        assert_eq!(r.direct.end_to_end.tp_predicted, 1);
        let shown = r.to_string();
        assert!(
            shown.contains("direct: 1 gold, 1 predicted direct"),
            "{shown}"
        );
        assert!(
            shown.contains("mixed: 1 gold, 2 predicted partial"),
            "{shown}"
        );
    }

    #[test]
    fn indirect_is_scored_separately() {
        let gold = vec![doc1()];
        let d = &gold[0];
        let ind = &d.quotes[2];
        let preds = vec![vec![
            from_gold(ind),
            // An indirect prediction over a direct quote: right for precision, no recall.
            Predicted {
                speaker: Some("Officials".into()),
                ..pred(d.quotes[0].start, d.quotes[0].end, PredKind::Indirect)
            },
            // Overlapping nothing.
            pred(
                char_find(TEXT1, "Monday"),
                char_find(TEXT1, "Monday") + 6,
                PredKind::Indirect,
            ),
        ]];
        let r = score(&gold, &preds, &EvalOptions { max_errors: 3 });
        let i = &r.indirect;
        assert_eq!((i.gold, i.predicted), (1, 3));
        assert_eq!((i.detection.tp_predicted, i.detection.tp_gold), (2, 1));
        assert!(close(i.detection.precision, 2.0 / 3.0));
        assert_eq!((i.attribution.correct, i.attribution.total), (1, 1));
        // Indirect predictions are not quotes.
        assert_eq!(r.quotes.predicted, 0);
        assert_eq!(r.quotes.detection_overlap.tp_gold, 0);
        let ie = r.indirect_errors.as_ref().unwrap();
        assert_eq!((ie.missed, ie.spurious, ie.wrong_speaker), (0, 1, 0));
        assert_eq!(r.errors.spurious, 0);
        let shown = r.to_string();
        assert!(
            shown.contains("indirect errors: 0 missed, 1 spurious"),
            "{shown}"
        );
    }

    #[test]
    fn error_listing() {
        let gold = vec![doc1(), doc2()];
        let d1 = &gold[0];
        let d2 = &gold[1];
        let monday = char_find(TEXT1, "Monday");
        let preds = vec![
            vec![
                // Wrong speaker on the direct quote.
                Predicted {
                    speaker: Some("Joe Biden".into()),
                    mention_text: Some("the president".into()),
                    mention: Some((0, 2)),
                    rule: "R-colon".into(),
                    ..from_gold(&d1.quotes[0])
                },
                Predicted {
                    rule: "R-spur".into(),
                    speaker: Some("Nobody".into()),
                    ..pred(monday, monday + 6, PredKind::Partial)
                },
            ],
            vec![
                Predicted {
                    rule: "R-spur".into(),
                    ..pred(0, 3, PredKind::Direct)
                },
                Predicted {
                    rule: "R-colon".into(),
                    ..pred(d2.quotes[1].start, d2.quotes[1].end, PredKind::Direct)
                },
            ],
        ];
        let r = score(&gold, &preds, &EvalOptions { max_errors: 1 });
        let e = &r.errors;
        assert_eq!((e.missed, e.spurious, e.wrong_speaker), (2, 2, 1));
        // One example each, from the first document that has one (of two).
        assert_eq!(e.missed_examples.len(), 1);
        let m = &e.missed_examples[0];
        assert_eq!((m.doc_id.as_str(), m.kind.as_str()), ("one", "mixed"));
        assert_eq!(m.text, "“productive and frank.”");
        assert_eq!(m.gold_mention.as_deref(), Some("He"));
        assert_eq!(m.rule, None);
        let s = &e.spurious_examples[0];
        assert_eq!(
            (s.doc_id.as_str(), s.start, s.end),
            ("one", monday, monday + 6)
        );
        assert_eq!((s.text.as_str(), s.kind.as_str()), ("Monday", "partial"));
        assert_eq!(s.rule.as_deref(), Some("R-spur"));
        assert_eq!(s.predicted_speaker.as_deref(), Some("Nobody"));
        let w = &e.wrong_speaker_examples[0];
        assert_eq!(w.gold_mention.as_deref(), Some("Jake Sullivan"));
        assert_eq!(w.predicted_mention.as_deref(), Some("the president"));
        assert_eq!(w.predicted_speaker.as_deref(), Some("Joe Biden"));
        assert_eq!(w.predicted_span, None);
        assert_eq!(w.rule.as_deref(), Some("R-colon"));
        assert_eq!(
            e.spurious_by_rule,
            [RuleCount {
                rule: "R-spur".into(),
                count: 2,
                predicted: 2
            }]
        );
        assert_eq!(
            e.wrong_speaker_by_rule,
            [RuleCount {
                rule: "R-colon".into(),
                count: 1,
                predicted: 2
            }]
        );
        // Spread over documents: with room for two, one miss from each document.
        let r = score(&gold, &preds, &EvalOptions { max_errors: 2 });
        let ids: Vec<&str> = r
            .errors
            .missed_examples
            .iter()
            .map(|e| e.doc_id.as_str())
            .collect();
        assert_eq!(ids, ["one", "two"]);
        let ids: Vec<&str> = r
            .errors
            .spurious_examples
            .iter()
            .map(|e| e.doc_id.as_str())
            .collect();
        assert_eq!(ids, ["one", "two"]);
        let shown = r.to_string();
        assert!(
            shown.contains("quote errors: 2 missed, 2 spurious, 1 wrong speaker"),
            "{shown}"
        );
        assert!(
            shown.contains("  R-spur                     2             2"),
            "{shown}"
        );
        assert!(
            shown.contains(
                "  one 0..24 direct: “We will not back down,”  [gold mention: Jake Sullivan; \
                 predicted: the president = Joe Biden; rule: R-colon]"
            ),
            "{shown}"
        );
        // Long quotes are cut.
        let long = format!("“{}”", "word ".repeat(60));
        let d = doc("long", &long, vec![gq(&long, &long, "direct", None)]);
        let r = score(&[d], &[vec![]], &EvalOptions { max_errors: 1 });
        let t = &r.errors.missed_examples[0].text;
        assert_eq!(t.chars().count(), MAX_EXAMPLE_CHARS);
        assert!(t.ends_with('…'));
    }

    #[test]
    fn spread_examples_over_documents() {
        let ex = |d: &str, s: usize| ErrorExample {
            doc_id: d.into(),
            kind: "direct".into(),
            start: s,
            end: s + 1,
            text: String::new(),
            gold_mention: None,
            predicted_span: None,
            predicted_mention: None,
            predicted_speaker: None,
            rule: None,
        };
        let docs = vec![
            vec![ex("a", 1), ex("a", 2), ex("a", 3)],
            vec![ex("b", 1)],
            vec![ex("c", 1), ex("c", 2)],
        ];
        let got: Vec<(String, usize)> = spread(&docs, 5)
            .into_iter()
            .map(|e| (e.doc_id, e.start))
            .collect();
        let want = [("a", 1), ("a", 2), ("b", 1), ("c", 1), ("c", 2)];
        assert_eq!(got, want.map(|(d, s)| (d.to_string(), s)));
        assert_eq!(spread(&docs, 100).len(), 6);
        assert!(spread(&docs, 0).is_empty());
        // More documents than room: evenly spaced documents, one example each.
        let docs: Vec<Vec<ErrorExample>> = (0..10)
            .map(|d| vec![ex(&d.to_string(), 1), ex(&d.to_string(), 2)])
            .collect();
        let got: Vec<String> = spread(&docs, 4).into_iter().map(|e| e.doc_id).collect();
        assert_eq!(got, ["0", "2", "5", "7"]);
    }

    #[test]
    fn overlap_pairs_matches_all_pairs() {
        let a = [(0, 10), (5, 6), (8, 20), (30, 40), (3, 3), (10, 12)];
        let b = [
            (9, 11),
            (0, 1),
            (20, 30),
            (6, 8),
            (12, 13),
            (2, 50),
            (10, 10),
        ];
        let mut got = overlap_pairs(&a, &b);
        got.sort_unstable();
        let mut want = Vec::new();
        for (i, &x) in a.iter().enumerate() {
            for (j, &y) in b.iter().enumerate() {
                if overlaps(x, y) {
                    want.push((i, j, x.1.min(y.1) - x.0.max(y.0)));
                }
            }
        }
        assert_eq!(got, want);
    }

    /// A temp file with a unique name, removed on drop.
    struct TempFile(std::path::PathBuf);

    impl TempFile {
        fn new(contents: &str) -> TempFile {
            use std::sync::atomic::{AtomicUsize, Ordering};
            static N: AtomicUsize = AtomicUsize::new(0);
            let name = format!(
                "whosaid-eval-test-{}-{}.jsonl",
                std::process::id(),
                N.fetch_add(1, Ordering::Relaxed)
            );
            let path = std::env::temp_dir().join(name);
            std::fs::write(&path, contents).unwrap();
            TempFile(path)
        }
    }

    impl Drop for TempFile {
        fn drop(&mut self) {
            let _ = std::fs::remove_file(&self.0);
        }
    }

    #[test]
    fn read_gold_and_score() {
        let line1 = r#"{"id": "a", "text": "“Hi,” she said. Ünïcode “ok” he said.", "extra": 1, "quotes": [
            {"start": 0, "end": 5, "text": "“Hi,”", "kind": "direct", "speaker": "she", "speaker_start": 6, "speaker_end": 9, "cue": "said", "attribution_id": "E1", "fragment": 0},
            {"start": 24, "end": 28, "text": "“ok”", "kind": "partial", "speaker": "he", "speaker_start": 29, "speaker_end": 31}]}"#
            .replace('\n', " ");
        let contents =
            format!("\u{feff}{line1}\n\n{{\"id\": 7, \"text\": \"\", \"quotes\": []}}\r\n");
        let f = TempFile::new(&contents);
        let gold = read_gold(&f.0).unwrap();
        assert_eq!(gold.len(), 2);
        assert_eq!(gold[1].id, "7");
        assert_eq!(gold[0].quotes[1].gold_kind(), Some(GoldKind::Mixed));
        assert_eq!(gold[0].quotes[0].attribution_id.as_deref(), Some("E1"));
        let preds = vec![
            vec![
                Predicted {
                    mention: Some((6, 9)),
                    ..pred(0, 5, PredKind::Direct)
                },
                Predicted {
                    speaker: Some("He".into()),
                    mention: Some((29, 31)),
                    ..pred(24, 28, PredKind::Partial)
                },
            ],
            vec![],
        ];
        let r = score(&gold, &preds, &EvalOptions::default());
        assert_all_one(&r.quotes);
        assert_eq!(r.mixed.end_to_end.gold, 1);
    }

    #[test]
    fn read_gold_errors_name_file_and_line() {
        let good = r#"{"id": "a", "text": "x", "quotes": []}"#;
        let cases = [
            (format!("{good}\n{{\"id\": \"b\", \"text\": \n"), 2, "invalid JSON"),
            (format!("{good}\n{good}\n{{\"id\": \"c\", \"text\": \"x\"}}"), 3, "missing field `quotes`"),
            (
                format!("{good}\n{{\"id\": \"d\", \"text\": \"ab\", \"quotes\": [{{\"start\": 0, \"end\": 1, \"text\": \"b\", \"kind\": \"direct\"}}]}}"),
                2,
                "differs from the document text",
            ),
            (
                "{\"id\": \"e\", \"text\": \"ab\", \"quotes\": [{\"start\": 0, \"end\": 1, \"text\": \"a\", \"kind\": \"quote\"}]}".to_string(),
                1,
                "unknown kind",
            ),
            (
                "{\"id\": \"f\", \"text\": \"ab\", \"quotes\": [{\"start\": 0, \"end\": 3, \"text\": \"ab\", \"kind\": \"direct\"}]}".to_string(),
                1,
                "not within",
            ),
            (
                "{\"id\": \"g\", \"text\": \"ab\", \"quotes\": [{\"start\": 0, \"end\": 1, \"text\": \"a\", \"kind\": \"direct\", \"speaker_start\": 1}]}".to_string(),
                1,
                "both be set",
            ),
            (format!("{good}\n{{\"id\": [1], \"text\": \"x\", \"quotes\": []}}"), 2, "string or a number"),
        ];
        for (contents, line, msg) in cases {
            let f = TempFile::new(&contents);
            let err = read_gold(&f.0).unwrap_err();
            assert_eq!(err.line(), Some(line), "{err}");
            assert_eq!(err.source_name(), Some(f.0.display().to_string().as_str()));
            let shown = err.to_string();
            assert!(shown.contains(msg), "{shown}");
            assert!(
                shown.starts_with(&format!("{}:{line}: ", f.0.display())),
                "{shown}"
            );
        }
        let f = TempFile::new(&format!("{good}\n{good}\n"));
        std::fs::write(&f.0, b"{\"id\": \"a\", \"text\": \"\xff\", \"quotes\": []}").unwrap();
        let err = read_gold(&f.0).unwrap_err();
        assert!(
            matches!(err.kind(), ErrorKind::InvalidUtf8 { offset: 21 }),
            "{err}"
        );
        let missing = std::env::temp_dir().join("whosaid-eval-test-no-such-file.jsonl");
        let err = read_gold(&missing).unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::Io(_)), "{err}");
    }

    #[test]
    fn out_of_range_offsets_are_clamped() {
        let d = doc2();
        let p = Predicted {
            mention: Some((500, 600)),
            ..pred(d.quotes[1].start, 10_000, PredKind::Direct)
        };
        let r = score(
            &[d],
            &[vec![p, pred(9_000, 9_999, PredKind::Direct)]],
            &EvalOptions { max_errors: 5 },
        );
        assert_eq!(r.quotes.detection_overlap.tp_predicted, 1);
        assert_eq!(r.errors.spurious, 1);
    }

    #[test]
    fn polnear_dev_scored_against_itself() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/polnear-dev.jsonl");
        if !path.exists() {
            eprintln!("skipping: ../shared/eval not found");
            return;
        }
        let gold = read_gold(&path).unwrap();
        assert!(!gold.is_empty());
        let preds: Vec<Vec<Predicted>> = gold
            .iter()
            .map(|d| {
                d.quotes
                    .iter()
                    .filter(|q| q.gold_kind() != Some(GoldKind::Indirect))
                    .map(from_gold)
                    .collect()
            })
            .collect();
        let r = score(&gold, &preds, &EvalOptions { max_errors: 10 });
        assert!(r.gold.quotes > 0 && r.gold.direct > 0 && r.gold.mixed > 0);
        for fig in [&r.quotes, &r.direct, &r.mixed] {
            for prf in [&fig.detection_overlap, &fig.detection_exact] {
                assert_eq!((prf.precision, prf.recall, prf.f1), (1.0, 1.0, 1.0));
            }
            assert_eq!(fig.attribution.accuracy, 1.0);
            assert_eq!(fig.end_to_end.recall, 1.0);
            // Predictions of gold quotes without a mention cannot be right end to end.
            assert_eq!(fig.end_to_end.tp_predicted, fig.gold_with_mention);
        }
        let e = &r.errors;
        assert_eq!((e.missed, e.spurious, e.wrong_speaker), (0, 0, 0));
        assert!(r.to_string().contains("no indirect predictions"));

        // Indirect too, now with only the records that have a mention.
        let preds: Vec<Vec<Predicted>> = gold
            .iter()
            .map(|d| {
                d.quotes
                    .iter()
                    .filter(|q| q.mention().is_some())
                    .map(from_gold)
                    .collect()
            })
            .collect();
        let r = score(&gold, &preds, &EvalOptions::default());
        for prf in [
            &r.quotes.detection_overlap,
            &r.quotes.detection_exact,
            &r.quotes.end_to_end,
        ] {
            assert_eq!(prf.precision, 1.0);
        }
        assert_eq!(r.quotes.end_to_end.f1, 1.0);
        assert_eq!(r.quotes.attribution.accuracy, 1.0);
        assert_eq!(r.indirect.detection.precision, 1.0);
        assert_eq!(r.indirect.attribution.accuracy, 1.0);
        eprintln!("{r}");
    }
}
