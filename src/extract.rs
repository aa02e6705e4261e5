//! The pipeline put together: [`ExtractorBuilder`] makes an immutable [`Extractor`] that
//! runs the stages over one document ([`Extractor::extract`]) or many in parallel
//! ([`Extractor::extract_batch`]).

use std::sync::Arc;

use rayon::prelude::*;

use crate::error::Result;
use crate::lexicon::Lexicon;
use crate::mention::tokenize_into;
use crate::types::{Extraction, QuoteKind};
use crate::{attribute, indirect, quotes, resolve, segment};

/// Configures an [`Extractor`].
#[derive(Clone, Debug, Default)]
pub struct ExtractorBuilder {
    lexicon: Option<Lexicon>,
    kinds: Option<Vec<QuoteKind>>,
    quotes_only: bool,
    min_confidence: f32,
    doubled_apostrophes: bool,
}

impl ExtractorBuilder {
    /// A builder with the bundled rule data.
    pub fn new() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// Uses custom rule data (see [`Lexicon::parse`]) instead of the bundled files.
    pub fn lexicon(&mut self, lexicon: Lexicon) -> &mut ExtractorBuilder {
        self.lexicon = Some(lexicon);
        self
    }

    /// Keeps only results of these kinds (default: all three). This filters what is
    /// returned, nothing else: every stage still runs, since reported speech tells the
    /// resolver who is being talked about, so a quote's speaker is the same whichever kinds
    /// are kept.
    pub fn kinds(&mut self, kinds: &[QuoteKind]) -> &mut ExtractorBuilder {
        self.kinds = Some(kinds.to_vec());
        self
    }

    /// Skips the reported-speech stage: only quotes (direct and partial) are found, about
    /// 1.4 times as fast. A few quotes may then get another speaker than in a full run, since
    /// no reported statement tells the resolver who is being talked about.
    pub fn quotes_only(&mut self, quotes_only: bool) -> &mut ExtractorBuilder {
        self.quotes_only = quotes_only;
        self
    }

    /// Keeps only results whose confidence is at least `min` (default 0: all). At 0.5 the
    /// rows of the rules that report intentions and stances rather than speech
    /// (`indirect.intent`, `indirect.stance`) and the quotes without a speaker are dropped.
    /// Like [`ExtractorBuilder::kinds`], this filters what is returned, nothing else.
    pub fn min_confidence(&mut self, min: f32) -> &mut ExtractorBuilder {
        self.min_confidence = min;
        self
    }

    /// Reads two apostrophes (`''`) as a quotation mark that opens and closes, as news
    /// archive exports (LexisNexis, some New York Times text) write quotes: `''We will
    /// win,'' he said.` Off by default: `''` then only closes a LaTeX-style quote opened with
    /// two backticks.
    pub fn doubled_apostrophes(&mut self, on: bool) -> &mut ExtractorBuilder {
        self.doubled_apostrophes = on;
        self
    }

    /// Builds the extractor. Fails only when the rule data is invalid.
    pub fn build(&self) -> Result<Extractor> {
        let lexicon = match &self.lexicon {
            Some(l) => l.clone(),
            None => Lexicon::builtin()?,
        };
        let mut kinds = [false; 3];
        for k in self.kinds.as_deref().unwrap_or(&[
            QuoteKind::Direct,
            QuoteKind::Partial,
            QuoteKind::Indirect,
        ]) {
            kinds[*k as usize] = true;
        }
        if self.quotes_only {
            kinds[QuoteKind::Indirect as usize] = false;
        }
        Ok(Extractor {
            lexicon: Arc::new(lexicon),
            kinds,
            quotes_only: self.quotes_only,
            min_confidence: self.min_confidence,
            doubled_apostrophes: self.doubled_apostrophes,
        })
    }
}

/// Extracts quotes and their speakers. Cheap to clone; `Send + Sync`, so one extractor
/// serves every thread.
#[derive(Clone, Debug)]
pub struct Extractor {
    lexicon: Arc<Lexicon>,
    /// Which kinds are written, indexed by `QuoteKind as usize`.
    kinds: [bool; 3],
    /// Skip the indirect stage.
    quotes_only: bool,
    /// Results below this confidence are not returned.
    min_confidence: f32,
    /// `''` is a quotation mark.
    doubled_apostrophes: bool,
}

impl Extractor {
    /// Runs the pipeline over one document: paragraphs, quotes, attribution, indirect
    /// speech, resolution.
    pub fn extract(&self, text: &str) -> Extraction {
        let paragraphs = segment::paragraphs(text);
        let spans = quotes::find_quotes(text, &paragraphs, self.doubled_apostrophes);
        let mut found = if spans.is_empty() {
            Vec::new()
        } else {
            attribute::attribute(text, &self.lexicon, &paragraphs, &spans)
        };
        let lex = &*self.lexicon;
        let mut names = resolve::NameScan::default();
        let reported = if self.quotes_only {
            if found.is_empty() {
                return Extraction::default();
            }
            let mut toks = Vec::new();
            for &p in &paragraphs {
                tokenize_into(text, p, &mut toks);
                names.paragraph(text, lex, &toks);
            }
            Vec::new()
        } else {
            indirect::find(text, lex, &paragraphs, &spans, |toks| {
                names.paragraph(text, lex, toks)
            })
        };
        if !reported.is_empty() {
            found = merge(found, reported);
        }
        if found.is_empty() {
            return Extraction::default();
        }
        let mut quotes = resolve::resolve(text, lex, &found, names);
        if self.kinds != [true; 3] || self.min_confidence > 0.0 {
            quotes.retain(|q| self.kinds[q.kind as usize] && q.confidence >= self.min_confidence);
        }
        Extraction { quotes }
    }

    /// Runs [`Extractor::extract`] over many documents on the rayon thread pool. The result
    /// is in input order whatever the number of threads.
    pub fn extract_batch<S: AsRef<str> + Sync>(&self, texts: &[S]) -> Vec<Extraction> {
        texts.par_iter().map(|t| self.extract(t.as_ref())).collect()
    }

    /// The rule data in use.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }
}

/// Merges the indirect attributions (no `inherits`) into the quote attributions, in text
/// order, and points the quotes' `inherits` at their new positions.
fn merge(
    quotes: Vec<attribute::Attribution>,
    reported: Vec<attribute::Attribution>,
) -> Vec<attribute::Attribution> {
    let mut out = Vec::with_capacity(quotes.len() + reported.len());
    let mut new_index = Vec::with_capacity(quotes.len());
    let mut reported = reported.into_iter().peekable();
    for q in quotes {
        while let Some(r) = reported.next_if(|r| r.span.start < q.span.start) {
            out.push(r);
        }
        new_index.push(out.len());
        out.push(q);
    }
    out.extend(reported);
    for a in &mut out {
        if let Some(src) = a.inherits.as_mut() {
            *src = new_index[*src];
        }
    }
    out
}
