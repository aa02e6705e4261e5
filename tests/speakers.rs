//! `whosaid speakers`: the speaker CSV, checked against `whosaid extract`.

use std::collections::HashMap;
use std::process::{Command, Output};

use crate::common::root;
use whosaid::speakers::SPEAKERS_CSV_HEADER;

fn whosaid(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .args(args)
        .current_dir(root())
        .output()
        .unwrap()
}

fn records(out: &Output) -> (Vec<String>, Vec<csv::StringRecord>) {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut r = csv::Reader::from_reader(&out.stdout[..]);
    let header = r.headers().unwrap().iter().map(str::to_owned).collect();
    (header, r.records().map(Result::unwrap).collect())
}

#[test]
fn speakers_counts_what_extract_finds() {
    let (header, rows) = records(&whosaid(&["speakers", "data/articles"]));
    assert_eq!(header, SPEAKERS_CSV_HEADER);
    // The expected counts, from the attribution CSV.
    let (_, quotes) = records(&whosaid(&["extract", "data/articles"]));
    let mut expected: HashMap<&str, (usize, Vec<&str>)> = HashMap::new();
    for q in &quotes {
        if q[6].is_empty() {
            continue;
        }
        let e = expected.entry(&q[6]).or_default();
        e.0 += 1;
        if e.1.last() != Some(&&q[0]) {
            e.1.push(&q[0]);
        }
    }
    assert_eq!(
        rows.len(),
        expected.len(),
        "one row per speaker, none for no speaker"
    );
    for r in &rows {
        let (n, docs) = &expected[&r[0]];
        assert_eq!(r[2].parse::<usize>().unwrap(), *n, "{}", &r[0]);
        assert_eq!(r[3].parse::<usize>().unwrap(), docs.len(), "{}", &r[0]);
        assert_eq!((&r[4], &r[5]), (docs[0], docs[docs.len() - 1]), "{}", &r[0]);
    }
    // Five quotes and one reported clause; five with `--kinds direct,partial`.
    let sullivan = rows.iter().find(|r| &r[0] == "Jake Sullivan").unwrap();
    assert_eq!(&sullivan[2], "6");
    let (_, quoted) = records(&whosaid(&[
        "speakers",
        "--kinds",
        "direct,partial",
        "data/articles",
    ]));
    let sullivan = quoted.iter().find(|r| &r[0] == "Jake Sullivan").unwrap();
    assert_eq!(&sullivan[2], "5");
    assert_eq!(&sullivan[1], "National Security Advisor");
    assert_eq!(&sullivan[4], "seeds/003_d057b553bdeb1683.txt");
    // Most quoted first, then by name.
    let keys: Vec<(i64, &str)> = rows
        .iter()
        .map(|r| (-r[2].parse::<i64>().unwrap(), r.get(0).unwrap()))
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
}

#[test]
fn speakers_output_does_not_depend_on_threads_and_writes_files() {
    let one = whosaid(&["speakers", "-j", "1", "data/articles", "data/gold"]);
    let four = whosaid(&["speakers", "-j", "4", "data/articles", "data/gold"]);
    assert!(one.status.success());
    assert_eq!(one.stdout, four.stdout);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("speakers.csv");
    let out = whosaid(&[
        "speakers",
        "--no-header",
        "data/articles",
        "-o",
        file.to_str().unwrap(),
    ]);
    assert!(out.status.success() && out.stdout.is_empty());
    let written = std::fs::read(&file).unwrap();
    let full = whosaid(&["speakers", "data/articles"]).stdout;
    let first_line = full.iter().position(|&b| b == b'\n').unwrap() + 1;
    assert_eq!(written, &full[first_line..]);
}

#[test]
fn speakers_reports_bad_inputs_like_extract() {
    let out = whosaid(&["speakers", "no/such/file.txt", "data/articles/seeds"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no/such/file.txt"));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Jake Sullivan"));
}
