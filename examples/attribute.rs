//! Extracts the quotes and reported statements of a short article and prints who said what.
//!
//! Run with `cargo run --example attribute`.

use whosaid::{ExtractorBuilder, QuoteKind};

fn main() -> Result<(), whosaid::Error> {
    let article = "\
Harbour council approves flood wall

Councillor Mary O’Neill, who chairs the planning committee, said the vote was overdue.

“We have been bailing out basements for ten years,” O’Neill said. “Enough.”

“It will be ugly, but it will be dry,” said Tom Reilly, the harbour master.";

    let extractor = ExtractorBuilder::new().build()?;
    let found = extractor.extract(article);
    for quote in &found.quotes {
        println!(
            "{:<8} {:<52} {} ({}) [{}]",
            quote.kind.as_str(),
            quote.span.slice(article),
            quote.speaker.as_deref().unwrap_or("?"),
            quote.title.as_deref().unwrap_or("no title"),
            quote.rule.id(),
        );
    }
    // One reported statement (`said the vote was overdue`), then three quotes.
    assert_eq!(found.quotes.len(), 4);
    assert_eq!(found.quotes[0].kind, QuoteKind::Indirect);
    assert_eq!(found.quotes[0].span.slice(article), "the vote was overdue");
    assert_eq!(found.quotes[2].speaker.as_deref(), Some("Mary O’Neill"));
    Ok(())
}
