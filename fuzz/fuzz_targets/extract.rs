//! Fuzzes `Extractor::extract` with arbitrary text.
//!
//! ```sh
//! cargo install cargo-fuzz
//! RUSTC_BOOTSTRAP=1 cargo fuzz run extract -- -max_total_time=600   # from the repository root
//! ```
//!
//! The bytes are decoded lossily (as the CLI does for invalid UTF-8), and the result must keep
//! the invariants that `tests/properties.rs` checks: every span ordered, inside the text and on
//! char boundaries; quotes sorted and disjoint; code-point offsets slicing out the same text.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use whosaid::{CharMap, Extractor, ExtractorBuilder, Span};

fn extractor() -> &'static Extractor {
    static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();
    EXTRACTOR.get_or_init(|| ExtractorBuilder::new().build().expect("bundled rules"))
}

fn assert_sound(text: &str, s: Span, what: &str) {
    assert!(s.start <= s.end, "{what} {s:?} reversed");
    assert!(s.end <= text.len(), "{what} {s:?} past the end");
    assert!(
        text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
        "{what} {s:?} not on char boundaries"
    );
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let text: &str = &text;
    let found = extractor().extract(text);
    let map = CharMap::new(text);
    let mut last_end = 0;
    for q in &found.quotes {
        assert_sound(text, q.span, "quote");
        assert!(q.span.start >= last_end, "quotes overlap or are unsorted");
        last_end = q.span.end;
        let quote = q.span.slice(text);
        assert!(
            quote.chars().count() >= 2,
            "quote {quote:?} shorter than its marks"
        );
        assert!(
            !quote.contains("\n\n"),
            "quote {quote:?} crosses a paragraph"
        );
        let (cs, ce) = map.char_span(q.span);
        let by_chars: String = text.chars().skip(cs).take(ce - cs).collect();
        assert_eq!(by_chars, quote);
        if let Some(m) = q.mention {
            assert_sound(text, m, "mention");
            assert!(!m.is_empty(), "empty mention");
        }
        if let Some(c) = q.cue {
            assert_sound(text, c, "cue");
            assert!(!c.is_empty(), "empty cue");
        }
        assert!((0.0..=1.0).contains(&q.confidence));
    }
});
