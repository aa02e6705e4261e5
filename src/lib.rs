//! whosaid finds the quotes in news articles and says who said them: every quote with its
//! speaker, the speaker's title and the cue that attributes it, with byte and code-point
//! offsets into the original text.
//!
//! It is a pipeline of rule-based stages, each its own module:
//!
//! 1. `input`: files, folders, JSONL records and stdin become [`Document`]s;
//! 2. `segment`: paragraphs and sentences;
//! 3. `quotes`: quoted spans, with apostrophes, nesting and multi-paragraph quotes;
//! 4. `attribute`: speech or not, and the speaker mention and cue of each quote, by
//!    patterns whose words live in `data/rules/` ([`Lexicon`]);
//! 5. `indirect`: reported speech without quotation marks (`the ministry said the talks had
//!    failed`), with the same mentions and cues;
//! 6. `resolve`: surnames, pronouns and descriptions become the full name and title;
//! 7. `output`: the attribution CSV and JSONL.
//!
//! Two more output-side modules work on extractions: `speakers` counts who is quoted, how
//! often, across documents ([`speakers::SpeakerIndex`]), and `review` renders a
//! self-contained HTML report that shows the quotes in each document for review.
//!
//! [`ExtractorBuilder`] builds an immutable [`Extractor`]; [`Extractor::extract`] runs one
//! document and [`Extractor::extract_batch`] many, in parallel, in input order.
//!
//! ```
//! use whosaid::ExtractorBuilder;
//!
//! # fn main() -> Result<(), whosaid::Error> {
//! let extractor = ExtractorBuilder::new().build()?;
//! let text = "“It’s something our intelligence community is taking a hard look at,” \
//!             National Security Advisor Jake Sullivan told reporters.\n\n\
//!             “This is also a dynamic picture,” he added.";
//! let found = extractor.extract(text);
//! assert_eq!(found.quotes.len(), 2);
//! for quote in &found.quotes {
//!     assert_eq!(quote.speaker.as_deref(), Some("Jake Sullivan"));
//!     assert_eq!(quote.title.as_deref(), Some("National Security Advisor"));
//! }
//! assert_eq!(found.quotes[1].mention.unwrap().slice(text), "he");
//! # Ok(())
//! # }
//! ```
#![deny(missing_docs)]

mod attribute;
mod error;
mod extract;
mod indirect;
mod lexicon;
mod mention;
mod quotes;
mod resolve;
mod segment;
mod span;
mod types;

pub mod eval;
pub mod input;
pub mod output;
pub mod review;
pub mod speakers;

pub use error::{Error, ErrorKind, Result};
pub use extract::{Extractor, ExtractorBuilder};
pub use input::{Document, InputOptions, Item};
pub use lexicon::{CueClass, CueForm, Gender, Lexicon};
pub use span::{CharMap, Span};
pub use types::{Extraction, Quote, QuoteKind, Rule};
