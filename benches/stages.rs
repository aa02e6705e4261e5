//! Criterion benchmarks of the pipeline on ~1 MB built from the bundled sample articles
//! (`data/articles/**/*.txt`, repeated). Run with `cargo bench --bench stages`.
//!
//! `segment` and `quotes` are private modules, so their stages cannot be timed on their own
//! from here. `extract/no_quote_marks` stands in for them: with every quotation mark and
//! apostrophe blanked, `Extractor::extract` runs `segment::paragraphs` and
//! `quotes::find_quotes` and returns before attribution.

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use whosaid::{Extractor, ExtractorBuilder};

/// The size the sample articles are repeated to.
const TARGET_BYTES: usize = 1 << 20;

fn txt_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            txt_files(&path, out);
        } else if path.extension().is_some_and(|x| x == "txt") {
            out.push(path);
        }
    }
}

/// The sample articles, repeated in order until they hold at least `TARGET_BYTES`.
fn corpus() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/articles");
    let mut files = Vec::new();
    txt_files(&root, &mut files);
    let articles: Vec<String> = files
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("article text"))
        .collect();
    assert!(!articles.is_empty(), "no articles under {}", root.display());
    let mut docs = Vec::new();
    let mut bytes = 0;
    for doc in articles.iter().cycle() {
        if bytes >= TARGET_BYTES {
            break;
        }
        bytes += doc.len();
        docs.push(doc.clone());
    }
    docs
}

fn total(docs: &[String]) -> u64 {
    docs.iter().map(|d| d.len() as u64).sum()
}

fn is_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '”'
            | '‘'
            | '’'
            | '„'
            | '‚'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '「'
            | '」'
            | '『'
            | '』'
            | '`'
    )
}

fn benches(c: &mut Criterion) {
    let extractor: Extractor = ExtractorBuilder::new().build().expect("bundled rule data");
    let docs = corpus();
    let one_doc = docs.join("\n\n");
    let unquoted: Vec<String> = docs
        .iter()
        .map(|d| {
            d.chars()
                .map(|c| if is_mark(c) { ' ' } else { c })
                .collect()
        })
        .collect();
    assert!(
        unquoted
            .iter()
            .all(|d| extractor.extract(d).quotes.is_empty()),
        "the blanked corpus still has quotes"
    );

    let mut g = c.benchmark_group("extract");
    // One pass over the megabyte takes ~0.1 s: fewer samples keep the run under a minute.
    g.sample_size(20);
    g.throughput(Throughput::Bytes(total(&docs)));
    g.bench_function("articles", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(extractor.extract(black_box(d)));
            }
        })
    });
    g.bench_function("articles_batch", |b| {
        b.iter(|| black_box(extractor.extract_batch(black_box(&docs))))
    });
    g.throughput(Throughput::Bytes(one_doc.len() as u64));
    g.bench_function("one_document", |b| {
        b.iter(|| black_box(extractor.extract(black_box(&one_doc))))
    });
    g.throughput(Throughput::Bytes(total(&unquoted)));
    g.bench_function("no_quote_marks", |b| {
        b.iter(|| {
            for d in &unquoted {
                black_box(extractor.extract(black_box(d)));
            }
        })
    });
    g.finish();
}

criterion_group!(stages, benches);
criterion_main!(stages);
