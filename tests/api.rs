//! The library API: invariants of spans, the batch call, thread independence.

use crate::common::{extractor, root};
use whosaid::{CharMap, Extractor, ExtractorBuilder, Lexicon, QuoteKind, Rule};

fn articles() -> Vec<String> {
    let mut paths: Vec<_> = std::fs::read_dir(root().join("data/articles/fixtures"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

#[test]
fn extractor_is_send_sync_and_cheap_to_clone() {
    fn assert_send_sync<T: Send + Sync + Clone>() {}
    assert_send_sync::<Extractor>();
}

#[test]
fn spans_are_valid_sorted_and_disjoint() {
    let ex = extractor();
    for text in articles() {
        let found = ex.extract(&text);
        let mut last_end = 0;
        for q in &found.quotes {
            assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
            assert!(q.span.start >= last_end, "sorted, non-overlapping");
            last_end = q.span.end;
            for s in q.mention.iter().chain(q.cue.iter()) {
                assert!(
                    s.end <= text.len()
                        && text.is_char_boundary(s.start)
                        && text.is_char_boundary(s.end)
                );
            }
            assert!((0.0..=1.0).contains(&q.confidence));
        }
    }
}

#[test]
fn batch_is_in_input_order_whatever_the_thread_count() {
    let ex = extractor();
    let docs = articles();
    let one_by_one: Vec<_> = docs.iter().map(|d| ex.extract(d)).collect();
    for threads in [1, 3, 8] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        let batch = pool.install(|| ex.extract_batch(&docs));
        assert_eq!(batch, one_by_one, "{threads} threads");
    }
}

#[test]
fn offsets_survive_emoji_combining_marks_and_crlf() {
    let ex = extractor();
    let text = "\u{feff}Ms Zoe\u{301} Ba\u{301}rd 😀 spoke.\r\n\r\n“We’re not done — not by a long way 😀,” said Zoë Bárd, the club’s chairwoman.\r\n";
    let found = ex.extract(text);
    assert_eq!(found.quotes.len(), 1);
    let q = &found.quotes[0];
    assert_eq!(
        q.span.slice(text),
        "“We’re not done — not by a long way 😀,”"
    );
    assert_eq!(q.speaker.as_deref(), Some("Zoë Bárd"));
    assert_eq!(q.title.as_deref(), Some("club’s chairwoman"));
    let map = CharMap::new(text);
    let (s, e) = map.char_span(q.span);
    let by_chars: String = text.chars().skip(s).take(e - s).collect();
    assert_eq!(by_chars, q.span.slice(text));
    assert_eq!(q.kind, QuoteKind::Direct);
}

#[test]
fn text_without_quotes_gives_nothing() {
    let ex = extractor();
    for text in [
        "",
        "   \n\n\t",
        "The council met on Tuesday. It adjourned at noon.",
        "“",
        "” “ ’ ‘ \" ' « »",
    ] {
        assert!(ex.extract(text).quotes.is_empty(), "{text:?}");
    }
}

#[test]
fn custom_rule_data_is_used_and_checked() {
    // A cue vocabulary without "grumbled" does not attribute it; one with it does.
    let text = "“The buses are late again,” Ana Ruiz grumbled.";
    let base = extractor().extract(text);
    assert_eq!(base.quotes[0].speaker, None);
    let lex = Lexicon::parse(
        "[speech]\ngrumble: grumbles grumbled grumbling\n",
        "[heads]\nmayor\n",
        "Ana\n",
        "",
    )
    .unwrap();
    let custom = ExtractorBuilder::new()
        .lexicon(lex)
        .build()
        .unwrap()
        .extract(text);
    assert_eq!(custom.quotes[0].speaker.as_deref(), Some("Ana Ruiz"));
    assert!(Lexicon::parse("[speech]\nBAD\n", "", "", "").is_err());
}

/// Deterministic random texts built from quotation marks, apostrophes, cue words, names,
/// line breaks and odd code points: extraction never panics, and every span is valid.
#[test]
fn hostile_texts_keep_every_invariant() {
    use crate::common::HOSTILE_PIECES as PIECES;
    let ex = extractor();
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    for _ in 0..3000 {
        let len = next(60);
        let text: String = (0..len)
            .map(|_| PIECES[next(PIECES.len())])
            .collect::<Vec<_>>()
            .join(if next(2) == 0 { " " } else { "" });
        let found = ex.extract(&text);
        let mut last = 0;
        for q in &found.quotes {
            assert!(q.span.start >= last && q.span.end <= text.len(), "{text:?}");
            assert!(
                text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end),
                "{text:?}"
            );
            last = q.span.end;
            for s in q.mention.iter().chain(q.cue.iter()) {
                assert!(s.start <= s.end && s.end <= text.len(), "{text:?}");
                assert!(
                    text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
                    "{text:?}"
                );
            }
        }
    }
}

#[test]
fn a_byline_dash_before_a_preposition_does_not_panic() {
    // Found by cargo-fuzz: a byline that opens with `to` read the token before the first.
    let text = "\"Both of them are fighting for the same voters,\" — to Janet Ruiz for the \n";
    let found = extractor().extract(text);
    assert_eq!(found.quotes.len(), 1);
    assert!(found.quotes[0].speaker.is_none());
}

#[test]
fn min_confidence_only_filters() {
    let text = "The operator declined to comment on the lawsuit. “We will appeal,” its chief executive, Dana Ruiz, said.";
    let all = ExtractorBuilder::new()
        .build()
        .unwrap()
        .extract(text)
        .quotes;
    let sure = ExtractorBuilder::new()
        .min_confidence(0.5)
        .build()
        .unwrap()
        .extract(text)
        .quotes;
    assert!(all.iter().any(|q| q.rule == Rule::IndirectIntent));
    let kept: Vec<_> = all
        .iter()
        .filter(|q| q.confidence >= 0.5)
        .cloned()
        .collect();
    assert!(!sure.is_empty() && sure.len() < all.len());
    assert_eq!(sure, kept);
}

#[test]
fn an_inherited_speaker_is_no_surer_than_its_source() {
    let text = "Dr Amara Osei praised the night staff.\n\n“They worked without complaint.”\n\n“Not one of them went home early.”";
    let quotes = extractor()
        .extract(text)
        .quotes
        .into_iter()
        .filter(|q| q.kind == QuoteKind::Direct)
        .collect::<Vec<_>>();
    assert_eq!(quotes.len(), 2, "{quotes:#?}");
    assert_eq!(quotes[0].rule, Rule::PreviousParagraph);
    assert_eq!(quotes[1].rule, Rule::Continuation);
    assert_eq!(quotes[1].speaker, quotes[0].speaker);
    assert!(quotes[1].confidence <= quotes[0].confidence, "{quotes:#?}");
}

#[test]
fn doubled_apostrophes_are_an_option_of_the_builder() {
    let text = "''We will appeal,'' its chief executive, Dana Ruiz, said.";
    // Off by default: the marks are not read as quotation marks, and the words are reported
    // speech with the same speaker.
    let default = extractor().extract(text).quotes;
    assert_eq!(default.len(), 1, "{default:#?}");
    assert_eq!(default[0].kind, QuoteKind::Indirect);
    assert_eq!(default[0].span.slice(text), "We will appeal");
    assert_eq!(default[0].speaker.as_deref(), Some("Dana Ruiz"));
    let on = ExtractorBuilder::new()
        .doubled_apostrophes(true)
        .build()
        .unwrap()
        .extract(text)
        .quotes;
    assert_eq!(on.len(), 1);
    assert_eq!(on[0].span.slice(text), "''We will appeal,''");
    assert_eq!(on[0].speaker.as_deref(), Some("Dana Ruiz"));
}
