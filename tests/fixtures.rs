//! The fixture articles: one insta snapshot per article (under `snapshots/`: the article text,
//! then its quotes as a reviewer needs them), and a check of
//! every quote against the hand-made gold in `data/gold/fixtures.gold.jsonl`.

use std::fmt::Write;

use crate::common::{extractor, read_gold, root};
use whosaid::{CharMap, Extraction};

/// The rows a reviewer needs, one block per quote.
fn render(text: &str, found: &Extraction) -> String {
    let map = CharMap::new(text);
    let mut out = String::new();
    if found.quotes.is_empty() {
        out.push_str("(no quotes)\n");
    }
    for (i, q) in found.quotes.iter().enumerate() {
        let (s, e) = map.char_span(q.span);
        let _ = writeln!(
            out,
            "[{i}] {} {s}..{e}  rule={} confidence={:.2}",
            q.kind.as_str(),
            q.rule.id(),
            q.confidence
        );
        let _ = writeln!(out, "    quote:   {}", q.span.slice(text));
        let _ = writeln!(
            out,
            "    speaker: {}{}",
            q.speaker.as_deref().unwrap_or("-"),
            q.title
                .as_deref()
                .map(|t| format!("  [{t}]"))
                .unwrap_or_default()
        );
        let mention = q.mention.map(|m| {
            let (ms, me) = map.char_span(m);
            format!("{} ({ms}..{me})", m.slice(text))
        });
        let _ = writeln!(
            out,
            "    mention: {}   cue: {}",
            mention.as_deref().unwrap_or("-"),
            q.cue.map(|c| c.slice(text)).unwrap_or("-")
        );
    }
    out
}

#[test]
fn article() {
    let ex = extractor();
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| {
        insta::glob!("../data/articles", "**/*.txt", |path| {
            let text = match std::fs::read_to_string(path) {
                Ok(t) => t,
                Err(e) => format!("(unreadable: {e})"),
            };
            let found = ex.extract(&text);
            let shown = format!(
                "{}\n\n======== quotes ========\n{}",
                text.trim_end(),
                render(&text, &found)
            );
            insta::with_settings!({ omit_expression => true }, {
                insta::assert_snapshot!(shown);
            });
        });
    });
}

/// Gold quotes the rules do not get right yet, with the reason. The test fails when one of
/// them starts passing, so the list stays true.
const KNOWN_GAPS: &[(&str, &str)] = &[
    (
        "“The party’s over, kid. It’s all kale and roadwork now.”",
        "`he` refers to `the Hammer`, a nickname the resolver does not link to Tony Russo",
    ),
    (
        "“Meridian has had no operational control of the Aurora Star since January",
        "`the company` is kept as written; the gold resolves it to Meridian Tankers",
    ),
];

#[test]
fn fixture_quotes_match_the_gold() {
    let gold = read_gold(&root().join("data/gold/fixtures.gold.jsonl"));
    assert!(gold.len() >= 14, "at least 14 fixture articles");
    let ex = extractor();
    let mut failures = Vec::new();
    let mut gaps_seen = Vec::new();
    let mut total = 0;
    for doc in &gold {
        let found = ex.extract(&doc.text);
        let map = CharMap::new(&doc.text);
        for g in &doc.quotes {
            total += 1;
            let hit = found
                .quotes
                .iter()
                .find(|q| map.char_span(q.span) == (g.start, g.end));
            let problem = match hit {
                None => Some("not found".to_owned()),
                Some(q)
                    if q.speaker != g.speaker
                        || q.title != g.speaker_title
                        || q.kind.as_str() != g.kind =>
                {
                    Some(format!(
                        "got {:?} [{:?}] {}, want {:?} [{:?}] {}",
                        q.speaker,
                        q.title,
                        q.kind.as_str(),
                        g.speaker,
                        g.speaker_title,
                        g.kind
                    ))
                }
                Some(_) => None,
            };
            let known = KNOWN_GAPS
                .iter()
                .any(|(t, _)| g.text.starts_with(t) || t.starts_with(&g.text));
            match (problem, known) {
                (Some(_), true) => gaps_seen.push(g.text.clone()),
                (Some(p), false) => failures.push(format!("{}: {}: {p}", doc.id, g.text)),
                (None, true) => failures.push(format!(
                    "{}: {}: now passes; remove it from KNOWN_GAPS",
                    doc.id, g.text
                )),
                (None, false) => {}
            }
        }
        // Nothing but gold quotes: scare quotes, titles and nicknames are not speech.
        for q in &found.quotes {
            let (s, e) = map.char_span(q.span);
            if !doc.quotes.iter().any(|g| g.start < e && s < g.end) {
                failures.push(format!(
                    "{}: spurious quote {}",
                    doc.id,
                    q.span.slice(&doc.text)
                ));
            }
        }
    }
    assert!(total >= 70, "{total} gold quotes");
    assert!(
        failures.is_empty(),
        "{} of {total} gold quotes wrong:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert_eq!(
        gaps_seen.len(),
        KNOWN_GAPS.len(),
        "every known gap is still in the gold: {gaps_seen:?}"
    );
}

/// A snapshot whose article is gone is stale: it must be deleted with the article.
#[test]
fn every_snapshot_belongs_to_an_article() {
    for entry in std::fs::read_dir(root().join("snapshots")).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            !name.ends_with(".snap.new"),
            "unreviewed snapshot {name}: run `cargo insta review`"
        );
        // `review@` snapshots are the HTML report of one article (tests/review.rs).
        let Some(rel) = name
            .strip_prefix("article@")
            .or_else(|| name.strip_prefix("review@"))
            .and_then(|n| n.strip_suffix(".snap"))
        else {
            panic!("unexpected file in snapshots/: {name}");
        };
        let path = root().join("data/articles").join(rel.replace("__", "/"));
        assert!(
            path.exists(),
            "stale snapshot {name}: {} does not exist",
            path.display()
        );
    }
}
