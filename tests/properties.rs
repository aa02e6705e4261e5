//! Property tests: for any text, extraction does not panic and every span is sound.
//!
//! The case count is modest so `cargo test` stays fast; `PROPTEST_CASES=100000 cargo test
//! properties` runs a longer search. `fuzz/fuzz_targets/extract.rs` checks the same invariants
//! on bytes from cargo-fuzz.

use std::sync::OnceLock;

use proptest::prelude::*;
use whosaid::{CharMap, Extraction, Extractor, ExtractorBuilder, Span};

use crate::common::HOSTILE_PIECES as PIECES;

/// One extractor for every case.
fn extractor() -> &'static Extractor {
    static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();
    EXTRACTOR.get_or_init(crate::common::extractor)
}

/// One extractor that reads `''` as a quotation mark.
fn doubled_apostrophes() -> &'static Extractor {
    static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();
    EXTRACTOR.get_or_init(|| {
        ExtractorBuilder::new()
            .doubled_apostrophes(true)
            .build()
            .expect("bundled rules")
    })
}

/// Checks what every extraction promises about `text`:
/// - every span (quote, mention, cue) is ordered, inside the text and on char boundaries;
/// - quotes are sorted and do not overlap;
/// - each quote is at least its two marks long and holds no paragraph break;
/// - code-point offsets slice out the same text as the byte spans;
/// - confidences are within 0..=1.
fn check_invariants(text: &str, found: &Extraction) -> Result<(), TestCaseError> {
    let sound = |s: Span, what: &str| -> Result<(), TestCaseError> {
        prop_assert!(s.start <= s.end, "{what} {s:?} is reversed");
        prop_assert!(s.end <= text.len(), "{what} {s:?} is past the end");
        prop_assert!(
            text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
            "{what} {s:?} is not on char boundaries"
        );
        Ok(())
    };
    let map = CharMap::new(text);
    let mut last_end = 0;
    for q in &found.quotes {
        sound(q.span, "quote")?;
        prop_assert!(q.span.start >= last_end, "quotes overlap or are unsorted");
        last_end = q.span.end;
        let quote = q.span.slice(text);
        prop_assert!(
            quote.chars().count() >= 2,
            "quote {quote:?} is shorter than its marks"
        );
        prop_assert!(
            !quote.contains("\n\n"),
            "quote {quote:?} crosses a paragraph"
        );
        let (cs, ce) = map.char_span(q.span);
        let by_chars: String = text.chars().skip(cs).take(ce - cs).collect();
        prop_assert_eq!(by_chars.as_str(), quote);
        if let Some(m) = q.mention {
            sound(m, "mention")?;
            prop_assert!(!m.is_empty(), "empty mention");
        }
        if let Some(c) = q.cue {
            sound(c, "cue")?;
            prop_assert!(!c.is_empty(), "empty cue");
        }
        prop_assert!((0.0..=1.0).contains(&q.confidence));
    }
    Ok(())
}

/// Strings built from [`PIECES`].
fn newsish() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..80).prop_map(|v| v.concat())
}

/// Strings of quotation marks, apostrophes, line breaks and spaces only.
fn marks() -> impl Strategy<Value = String> {
    let marks: &[&str] = &[
        "“", "”", "‘", "’", "\"", "'", "«", "»", "„", "`", " ", "\n", "\n\n", "a", "é",
    ];
    prop::collection::vec(prop::sample::select(marks), 0..200).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig {
        // 256 by default; `PROPTEST_CASES` sets more.
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(256),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn arbitrary_unicode_keeps_every_invariant(text in any::<String>()) {
        let found = extractor().extract(&text);
        check_invariants(&text, &found)?;
    }

    #[test]
    fn quotes_cues_and_names_keep_every_invariant(text in newsish()) {
        let found = extractor().extract(&text);
        check_invariants(&text, &found)?;
        let found = doubled_apostrophes().extract(&text);
        check_invariants(&text, &found)?;
    }

    #[test]
    fn quotation_marks_alone_keep_every_invariant(text in marks()) {
        let found = extractor().extract(&text);
        check_invariants(&text, &found)?;
        let found = doubled_apostrophes().extract(&text);
        check_invariants(&text, &found)?;
    }

    #[test]
    fn a_quote_in_any_surroundings_keeps_every_invariant(
        before in newsish(),
        after in newsish(),
    ) {
        let text = format!("{before}“We will not back down,” said Ana Ruiz.{after}");
        let found = extractor().extract(&text);
        check_invariants(&text, &found)?;
    }
}
