//! The pipeline put together: [`ExtractorBuilder`] makes an immutable [`Extractor`] that
//! runs the stages over one document ([`Extractor::extract`]) or many in parallel
//! ([`Extractor::extract_batch`]).

use std::sync::Arc;

use rayon::prelude::*;

use crate::error::Result;
use crate::lexicon::Lexicon;
use crate::types::Extraction;
use crate::{attribute, quotes, resolve, segment};

/// Configures an [`Extractor`].
#[derive(Clone, Debug, Default)]
pub struct ExtractorBuilder {
    lexicon: Option<Lexicon>,
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

    /// Builds the extractor. Fails only when the rule data is invalid.
    pub fn build(&self) -> Result<Extractor> {
        let lexicon = match &self.lexicon {
            Some(l) => l.clone(),
            None => Lexicon::builtin()?,
        };
        Ok(Extractor {
            lexicon: Arc::new(lexicon),
        })
    }
}

/// Extracts quotes and their speakers. Cheap to clone; `Send + Sync`, so one extractor
/// serves every thread.
#[derive(Clone, Debug)]
pub struct Extractor {
    lexicon: Arc<Lexicon>,
}

impl Extractor {
    /// Runs the pipeline over one document: paragraphs, quotes, attribution, resolution.
    pub fn extract(&self, text: &str) -> Extraction {
        let paragraphs = segment::paragraphs(text);
        let spans = quotes::find_quotes(text, &paragraphs);
        if spans.is_empty() {
            return Extraction::default();
        }
        let found = attribute::attribute(text, &self.lexicon, &paragraphs, &spans);
        Extraction {
            quotes: resolve::resolve(text, &self.lexicon, &found),
        }
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
