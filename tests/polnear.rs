//! Accuracy guard on PolNeAR dev (read from ../shared/eval; skipped when absent).

use crate::common::{extractor, shared_eval};
use whosaid::eval;

/// End-to-end F1 (direct + mixed) reached on dev (0.889); the test fails if a change drops
/// below it.
const E2E_F1_FLOOR: f64 = 0.885;

/// Indirect speech on dev, by overlap: the levels reached (precision 0.956, recall 0.430,
/// attribution 0.905), a little below, so that a change that loses ground fails.
const INDIRECT_PRECISION_FLOOR: f64 = 0.95;
const INDIRECT_RECALL_FLOOR: f64 = 0.428;
const INDIRECT_ATTRIBUTION_FLOOR: f64 = 0.90;

fn dev_report() -> Option<eval::Report> {
    let path = shared_eval("polnear-dev.jsonl")?;
    let gold = eval::read_gold(&path).unwrap();
    let ex = extractor();
    let predictions: Vec<_> = gold.iter().map(|d| eval::predict(&ex, &d.text)).collect();
    Some(eval::score(
        &gold,
        &predictions,
        &eval::EvalOptions::default(),
    ))
}

#[test]
fn dev_end_to_end_f1_does_not_drop() {
    let Some(report) = dev_report() else {
        return;
    };
    let f1 = report.quotes.end_to_end.f1;
    eprintln!("PolNeAR dev end-to-end F1 {f1:.3}");
    assert!(
        f1 >= E2E_F1_FLOOR,
        "end-to-end F1 {f1:.3} fell below {E2E_F1_FLOOR}\n{report}"
    );
}

#[test]
fn dev_indirect_figures_do_not_drop() {
    let Some(report) = dev_report() else {
        return;
    };
    let ind = &report.indirect;
    let (p, r, a) = (
        ind.detection.precision,
        ind.detection.recall,
        ind.attribution.accuracy,
    );
    eprintln!("PolNeAR dev indirect: precision {p:.3}, recall {r:.3}, attribution {a:.3}");
    assert!(ind.predicted > 0, "no indirect predictions\n{report}");
    assert!(
        p >= INDIRECT_PRECISION_FLOOR
            && r >= INDIRECT_RECALL_FLOOR
            && a >= INDIRECT_ATTRIBUTION_FLOOR,
        "indirect figures fell: precision {p:.3} (floor {INDIRECT_PRECISION_FLOOR}), recall \
         {r:.3} ({INDIRECT_RECALL_FLOOR}), attribution {a:.3} ({INDIRECT_ATTRIBUTION_FLOOR})\n{report}"
    );
}
