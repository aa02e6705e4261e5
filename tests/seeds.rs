//! The two sample articles the project started from, against their expected attributions.

use crate::common::{chars, extractor, read_gold, root};
use whosaid::CharMap;

#[test]
fn seed_articles_give_the_expected_attributions() {
    let gold = read_gold(&root().join("data/gold/seeds.gold.jsonl"));
    let ex = extractor();
    let (mut kendler, mut sullivan, mut total, mut extra, mut indirect) = (0, 0, 0, 0, 0);
    for doc in &gold {
        let file = std::fs::read_to_string(root().join("data/articles").join(&doc.id)).unwrap();
        assert_eq!(
            file, doc.text,
            "data/articles/{} differs from its gold text",
            doc.id
        );
        let found = ex.extract(&doc.text);
        let map = CharMap::new(&doc.text);
        for g in &doc.quotes {
            let q = found
                .quotes
                .iter()
                .find(|q| map.char_span(q.span) == (g.start, g.end))
                .unwrap_or_else(|| panic!("{}: quote not found: {}", doc.id, g.text));
            assert_eq!(q.span.slice(&doc.text), g.text);
            assert_eq!(q.kind.as_str(), g.kind, "{}", g.text);
            assert_eq!(q.speaker, g.speaker, "{}", g.text);
            assert_eq!(q.title, g.speaker_title, "{}", g.text);
            if g.kind == "indirect" {
                indirect += 1;
                continue;
            }
            assert!(
                q.title.is_some(),
                "every seed quote has a title: {}",
                g.text
            );
            if let (Some(s), Some(e)) = (g.speaker_start, g.speaker_end) {
                assert_eq!(
                    q.mention.map(|m| map.char_span(m)),
                    Some((s, e)),
                    "mention of {}",
                    g.text
                );
                assert_eq!(chars(&doc.text, s, e), g.speaker_mention.clone().unwrap());
            } else {
                // A continuation paragraph carries the mention its attribution rests on.
                assert!(
                    q.mention.is_some(),
                    "continuation keeps the earlier mention: {}",
                    g.text
                );
            }
            total += 1;
            match g.speaker.as_deref() {
                Some("Thea Kendler") => kendler += 1,
                Some("Jake Sullivan") => sullivan += 1,
                other => panic!("unexpected gold speaker {other:?}"),
            }
        }
        extra += found.quotes.len() - doc.quotes.len();
    }
    assert_eq!((total, kendler, sullivan), (8, 3, 5));
    // Reported speech: `..., a senior US official ... says`, `..., Bloomberg News has
    // reported`, `... according to people familiar with the matter`, `China ..., saying ...`,
    // `..., the White House said Friday`, `Sullivan maintained that ...`. Two more are not
    // found yet: `ASML Holding NV on Wednesday disclosed ...` (the `NV` suffix) and `a report
    // ..., a Washington-based think tank, that suggested ...` (a subject before `that`).
    assert_eq!(indirect, 6);
    assert!(extra <= 1, "{extra} rows beyond the 14 expected");
}
