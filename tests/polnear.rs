//! Accuracy guard on PolNeAR dev (read from ../shared/eval; skipped when absent).

use crate::common::{extractor, shared_eval};
use whosaid::eval;

/// End-to-end F1 (direct + mixed) reached on dev; the test fails if a change drops below it.
const E2E_F1_FLOOR: f64 = 0.835;

#[test]
fn dev_end_to_end_f1_does_not_drop() {
    let Some(path) = shared_eval("polnear-dev.jsonl") else {
        return;
    };
    let gold = eval::read_gold(&path).unwrap();
    let ex = extractor();
    let predictions: Vec<_> = gold.iter().map(|d| eval::predict(&ex, &d.text)).collect();
    let report = eval::score(&gold, &predictions, &eval::EvalOptions::default());
    let f1 = report.quotes.end_to_end.f1;
    eprintln!("PolNeAR dev end-to-end F1 {f1:.3}");
    assert!(
        f1 >= E2E_F1_FLOOR,
        "end-to-end F1 {f1:.3} fell below {E2E_F1_FLOOR}\n{report}"
    );
}
