//! `whosaid extract -` as a streaming filter, and the Spark example in `examples/spark/`.
//!
//! The Spark test runs the example for real, in local mode with 2 partitions, and needs
//! `python3` with pyspark and Java. Without them it skips, saying so on stderr, unless
//! `WHOSAID_REQUIRE_SPARK` is set (CI sets it after installing pyspark): then it fails.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use crate::common::root;

/// A record of the attribution CSV, as strings, with `confidence` normalised (it goes through
/// a JSON number and a Spark double on the way).
type Row = Vec<String>;

fn normalised(record: &csv::StringRecord) -> Row {
    let mut row: Row = record.iter().map(str::to_owned).collect();
    let confidence: f32 = row[13].parse().unwrap();
    row[13] = confidence.to_string();
    row
}

/// The rows of one attribution CSV, its header checked.
fn csv_rows(bytes: &[u8]) -> Vec<Row> {
    let mut reader = csv::Reader::from_reader(bytes);
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(header, whosaid::output::CSV_HEADER);
    reader.records().map(|r| normalised(&r.unwrap())).collect()
}

/// Why Spark cannot run here, if it cannot.
fn spark_missing() -> Option<String> {
    let runs = |program: &str, args: &[&str]| {
        Command::new(program)
            .args(args)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    };
    if !runs("java", &["-version"]) {
        return Some("java not found".into());
    }
    if !runs("python3", &["-c", "import pyspark"]) {
        return Some("python3 with pyspark not found (pip install pyspark)".into());
    }
    None
}

#[test]
fn spark_example_gives_the_rows_of_a_plain_run() {
    if let Some(why) = spark_missing() {
        if std::env::var_os("WHOSAID_REQUIRE_SPARK").is_some() {
            panic!("WHOSAID_REQUIRE_SPARK is set but {why}");
        }
        eprintln!("skipping the Spark example: {why}");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("quotes");
    let start = std::time::Instant::now();
    let spark = Command::new("python3")
        .arg(root().join("examples/spark/whosaid_spark.py"))
        .args(["--input", "data/articles", "--output"])
        .arg(&out_dir)
        .arg("--whosaid")
        .arg(env!("CARGO_BIN_EXE_whosaid"))
        .args(["--master", "local[2]", "--partitions", "2"])
        .current_dir(root())
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(
        spark.status.success(),
        "the Spark example failed: {}",
        String::from_utf8_lossy(&spark.stderr)
    );
    eprintln!("the Spark example ran in {:.1?}", start.elapsed());
    let parts: Vec<PathBuf> = std::fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "csv"))
        .collect();
    assert!(
        !parts.is_empty(),
        "no CSV part files in {}",
        out_dir.display()
    );
    let mut from_spark: Vec<Row> = parts
        .iter()
        .flat_map(|p| csv_rows(&std::fs::read(p).unwrap()))
        .collect();

    let plain = Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .args(["extract", "--quiet", "data/articles"])
        .current_dir(root())
        .output()
        .unwrap();
    assert!(plain.status.success());
    let mut expected = csv_rows(&plain.stdout);
    assert!(expected.len() > 60, "{} rows", expected.len());

    // Partitions come back in any order: compare the sorted rows.
    from_spark.sort();
    expected.sort();
    assert_eq!(from_spark.len(), expected.len());
    for (got, want) in from_spark.iter().zip(&expected) {
        assert_eq!(got, want);
    }
}

/// Runs `whosaid ARGS` with `input` on stdin; returns stdout.
fn filter(args: &[&str], input: &str) -> String {
    let mut child = Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .args(args)
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_owned();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()).unwrap());
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn jsonl_output_is_one_line_per_document_whatever_the_text() {
    // Every kind of line break inside quotes, mentions and ids: the mode the Spark example
    // pipes through (`--format jsonl`) still gives exactly one line per input record, which is
    // what RDD.pipe and any other line-based consumer read.
    let breaks = [
        "\n", "\r\n", "\r", "\u{2028}", "\u{2029}", "\u{85}", "\u{b}", "\u{c}",
    ];
    let mut input = String::new();
    for (i, br) in breaks.iter().enumerate() {
        let text = format!(
            "“We are ready{br}for the storm,” said Mayor Ana{br}Ruiz.\n\n“And{br}the flood,” she added.{br}"
        );
        let record = serde_json::json!({"id": format!("doc{br}{i}"), "text": text});
        input.push_str(&record.to_string());
        input.push('\n');
    }
    let out = filter(&["extract", "-", "--format", "jsonl", "--quiet"], &input);
    let lines: Vec<&str> = out.split('\n').collect();
    assert_eq!(lines.len(), breaks.len() + 1, "{out}");
    assert_eq!(lines[breaks.len()], "", "the output ends with a newline");
    let mut quotes = 0;
    for (i, (line, br)) in lines.iter().zip(breaks).enumerate() {
        assert!(!line.contains(['\r', '\n']), "{line:?}");
        let doc: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(doc["id"], format!("doc{br}{i}"));
        for q in doc["quotes"].as_array().unwrap() {
            assert!(q["quote"].as_str().unwrap().starts_with('“'));
            quotes += 1;
        }
    }
    assert!(quotes >= breaks.len(), "{out}");

    // The same records as CSV: rows with a line break in a cell span lines (RFC 4180 quoting),
    // so the CSV rows are read with a CSV reader, never split on lines.
    let csv_out = filter(&["extract", "-", "--no-header", "--quiet"], &input);
    let rows = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(csv_out.as_bytes())
        .records()
        .count();
    assert_eq!(rows, quotes);
    assert!(csv_out.lines().count() > rows);
}
