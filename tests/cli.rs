//! The command line, run as a user would.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Output, Stdio};

use crate::common::{root, seed_jsonl};

fn whosaid(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .args(args)
        .current_dir(root())
        .output()
        .unwrap()
}

/// Starts `whosaid ARGS` with piped stdio and feeds `input` to it from another thread.
fn spawn_with_input(
    args: &[&str],
    input: String,
) -> (std::process::Child, std::thread::JoinHandle<()>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .args(args)
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(input.as_bytes());
    });
    (child, writer)
}

fn whosaid_stdin(args: &[&str], input: &str) -> Output {
    let (child, writer) = spawn_with_input(args, input.to_owned());
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn extract_on_the_sample_articles_writes_the_attribution_csv() {
    let out = whosaid(&["extract", "data/articles"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let csv = stdout(&out);
    let mut rows = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = rows.headers().unwrap().iter().map(str::to_owned).collect();
    assert_eq!(header, whosaid::output::CSV_HEADER);
    let records: Vec<csv::StringRecord> = rows.records().map(Result::unwrap).collect();
    let sullivan = records
        .iter()
        .filter(|r| &r[0] == "seeds/003_d057b553bdeb1683.txt" && &r[6] == "Jake Sullivan")
        .map(|r| &r[2])
        .collect::<Vec<_>>();
    // Four direct quotes, one partial and one reported clause (`Sullivan maintained that`).
    assert_eq!(
        sullivan,
        ["direct", "direct", "indirect", "partial", "direct", "direct"]
    );
    let first = records
        .iter()
        .find(|r| &r[0] == "seeds/003_d057b553bdeb1683.txt" && &r[2] == "direct")
        .unwrap();
    // Row 0 of the document is the White House's reported statement before it.
    assert_eq!(&first[1], "1");
    assert_eq!(&first[7], "National Security Advisor");
    assert_eq!(&first[8], "National Security Advisor Jake Sullivan");
    assert_eq!(
        (&first[3], &first[4], &first[9], &first[10]),
        ("265", "334", "335", "374")
    );
    assert_eq!(&first[11], "told");
    assert_eq!(&first[12], "after.mention-cue");
    // Documents in path order, quotes in text order.
    let ids: Vec<&str> = records.iter().map(|r| r.get(0).unwrap()).collect();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted);
}

#[test]
fn jsonl_output_has_one_object_per_document_with_both_offsets() {
    let out = whosaid(&["extract", "--format", "jsonl", "data/articles/seeds"]);
    assert!(out.status.success());
    let lines: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "000_ab264f96f79c60fb.txt");
    let q = &lines[1]["quotes"][1];
    assert_eq!(q["kind"], "direct");
    assert_eq!(q["quote_start"], 265);
    assert!(
        q["byte_start"].as_u64().unwrap() > 265,
        "byte offsets count the curly quotes' bytes"
    );
}

#[test]
fn stdin_takes_one_article_or_jsonl() {
    let plain = whosaid_stdin(&["extract"], "“We are ready,” said Mayor Ana Ruiz.\n");
    assert!(stdout(&plain).contains("-,0,direct,0,15,\"“We are ready,”\",Ana Ruiz,Mayor,Mayor Ana Ruiz,21,35,said,after.cue-mention"));
    let jsonl = whosaid_stdin(
        &["extract", "-", "--no-header"],
        "{\"id\": 7, \"text\": \"“Yes,” she said.\"}\n{\"id\": \"b\", \"text\": \"No quotes.\"}\n",
    );
    assert_eq!(stdout(&jsonl).lines().count(), 1);
    assert!(stdout(&jsonl).starts_with("7,0,direct,"));
}

#[test]
fn a_missing_input_is_reported_and_the_rest_is_processed() {
    let out = whosaid(&["extract", "no/such/file.txt", "data/articles/seeds"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no/such/file.txt"));
    assert!(stdout(&out).contains("Jake Sullivan"));
}

#[test]
fn bad_jsonl_lines_are_reported_with_their_line_number() {
    let out = whosaid_stdin(
        &["extract", "-"],
        "{\"id\": \"a\", \"text\": \"“One two three,” he said.\"}\n{not json\n{\"id\": \"c\"}\n",
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("<stdin>:2"), "{err}");
    assert!(err.contains("<stdin>:3"), "{err}");
    assert!(stdout(&out).contains("a,0,direct"));
}

#[test]
fn output_is_identical_whatever_the_thread_count() {
    let one = whosaid(&["extract", "-j", "1", "data/articles"]);
    let four = whosaid(&["extract", "-j", "4", "data/articles"]);
    assert!(one.status.success() && four.status.success());
    assert_eq!(one.stdout, four.stdout);
}

#[test]
fn output_file_is_written_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rows.csv");
    std::fs::write(&path, "old contents").unwrap();
    let out = whosaid(&["extract", "data/articles", "-o", path.to_str().unwrap()]);
    assert!(out.status.success());
    let direct = whosaid(&["extract", "data/articles"]);
    assert_eq!(std::fs::read(&path).unwrap(), direct.stdout);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "no temporary file left behind");
}

#[test]
fn a_closed_pipe_ends_the_run_quietly() {
    let input = seed_jsonl(true, 4000);
    let (mut child, writer) = spawn_with_input(&["extract", "-"], input);
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.starts_with("doc_id,"));
    // stdout is dropped here: the pipe closes under the writer.
    let status = child.wait().unwrap();
    writer.join().unwrap();
    let err = crate::common::take_stderr(&mut child);
    assert!(!err.contains("panicked"), "{err}");
    assert!(status.success(), "{status:?} {err}");
}

#[test]
fn eval_prints_a_report() {
    let out = whosaid(&["eval", "data/gold/fixtures.gold.jsonl"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = stdout(&out);
    assert!(
        report.contains("detection (overlap)") && report.contains("end to end"),
        "{report}"
    );
    let json = whosaid(&["eval", "--json", "data/gold/fixtures.gold.jsonl"]);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert!(v["quotes"]["end_to_end"]["f1"].as_f64().unwrap() > 0.9);
}

#[test]
fn help_documents_exit_status() {
    let out = whosaid(&["extract", "--help"]);
    assert!(out.status.success());
    assert!(stdout(&out).contains("Exit status"));
    let bad = whosaid(&["extract", "--format", "xml"]);
    assert_eq!(bad.status.code(), Some(1));
}

/// The numbers of a summary line: documents, rows, speakers, errors.
fn summary_counts(line: &str) -> [u64; 4] {
    assert!(crate::common::is_summary(line), "{line}");
    let words: Vec<&str> = line.split([' ', ',']).filter(|w| !w.is_empty()).collect();
    let count = |noun: &str| -> u64 {
        let at = words
            .iter()
            .position(|w| w.trim_end_matches('s') == noun)
            .unwrap_or_else(|| panic!("no {noun} in {line}"));
        words[at - 1].parse().unwrap()
    };
    [
        count("document"),
        count("row"),
        count("speaker"),
        count("error"),
    ]
}

#[test]
fn a_summary_line_ends_the_run_unless_quiet() {
    let out = whosaid(&["extract", "data/articles"]);
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr.clone()).unwrap();
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 1, "{err}");
    let mut rows = csv::Reader::from_reader(&out.stdout[..]);
    let records: Vec<csv::StringRecord> = rows.records().map(Result::unwrap).collect();
    let mut speakers: Vec<&str> = records
        .iter()
        .map(|r| &r[6])
        .filter(|s| !s.is_empty())
        .collect();
    speakers.sort();
    speakers.dedup();
    let txt_files = walk_count(&root().join("data/articles"));
    assert_eq!(
        summary_counts(lines[0]),
        [txt_files, records.len() as u64, speakers.len() as u64, 0]
    );
    assert!(lines[0].contains(" kB in "), "{}", lines[0]);
    // With -o, the same line once the file is in place; errors are counted.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rows.csv");
    let out = whosaid(&[
        "extract",
        "data/articles/seeds",
        "no/such/file.txt",
        "-o",
        path.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    let last = err.lines().last().unwrap();
    assert_eq!(summary_counts(last)[0], 2);
    assert_eq!(summary_counts(last)[3], 1, "{err}");
    assert!(last.contains(" 1 error, "), "{last}");
    // --quiet: nothing on stderr but warnings and errors.
    for quiet in ["-q", "--quiet"] {
        let out = whosaid(&["extract", quiet, "data/articles"]);
        assert!(out.status.success());
        assert_eq!(String::from_utf8_lossy(&out.stderr), "");
        let out = whosaid(&["extract", quiet, "data/articles", "no/such/file.txt"]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains("no/such/file.txt"), "{err}");
    }
}

/// The .txt files under `dir`.
fn walk_count(dir: &std::path::Path) -> u64 {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk_count(&p)
            } else {
                u64::from(p.extension().is_some_and(|x| x == "txt"))
            }
        })
        .sum()
}

#[test]
fn no_progress_bar_when_stderr_is_not_a_terminal() {
    // A run long enough for the bar's delay, with stderr piped: only the summary line.
    let input = seed_jsonl(true, 3000);
    let out = whosaid_stdin(&["extract", "-", "-j", "1"], &input);
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(!err.contains('\r') && !err.contains('\x1b'), "{err:?}");
    assert_eq!(summary_counts(err.trim_end())[0], 3000);
}

/// Reads one line from `lines`, failing after a timeout instead of hanging.
fn line_within(lines: &std::sync::mpsc::Receiver<String>, what: &str) -> String {
    lines
        .recv_timeout(std::time::Duration::from_secs(20))
        .unwrap_or_else(|_| panic!("no {what} within 20 s"))
}

#[test]
fn stdin_jsonl_is_a_streaming_filter() {
    // Each record's rows come out while stdin is still open, as a pipe stage (Spark's
    // RDD.pipe) needs; with JSONL output every document is exactly one line.
    for format in ["jsonl", "csv"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_whosaid"))
            .args(["extract", "-", "--no-header", "--quiet", "--format", format])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        let stdout = BufReader::new(child.stdout.take().unwrap());
        let (send, lines) = std::sync::mpsc::channel();
        let reader = std::thread::spawn(move || {
            for line in stdout.lines() {
                let _ = send.send(line.unwrap());
            }
        });
        if format == "jsonl" {
            // A burst of exactly one full batch (512 documents), then a pause.
            for i in 0..512 {
                let record = serde_json::json!({"id": i, "text": "“Yes,” she said."});
                writeln!(stdin, "{record}").unwrap();
            }
            stdin.flush().unwrap();
            for i in 0..512 {
                let line = line_within(&lines, &format!("output for burst record {i}"));
                assert!(line.starts_with(&format!("{{\"id\":\"{i}\",")), "{line}");
            }
        }
        for (i, name) in ["Ana Ruiz", "Bo Lee", "Cy Park"].iter().enumerate() {
            let record = serde_json::json!({
                "id": format!("doc{i}"),
                "text": format!("“We are ready\nfor it,” said {name}.\n\nThe end."),
            });
            writeln!(stdin, "{record}").unwrap();
            stdin.flush().unwrap();
            let first = line_within(&lines, &format!("{format} output for record {i}"));
            match format {
                "jsonl" => {
                    let v: serde_json::Value = serde_json::from_str(&first).unwrap();
                    assert_eq!(v["id"], format!("doc{i}"));
                    assert_eq!(v["quotes"][0]["speaker"], *name);
                    assert_eq!(v["quotes"][0]["quote"], "“We are ready\nfor it,”");
                }
                _ => {
                    // CSV quotes a cell with a newline and keeps the newline: this row
                    // spans two lines, which is why line-based consumers take JSONL.
                    assert!(first.starts_with(&format!("doc{i},0,direct,")), "{first}");
                    let second = line_within(&lines, "the rest of the CSV row");
                    assert!(second.contains(name), "{second}");
                }
            }
        }
        drop(stdin);
        assert!(child.wait().unwrap().success());
        reader.join().unwrap();
        assert!(lines.try_recv().is_err(), "nothing more");
    }
}

#[test]
fn kinds_chooses_the_rows_written() {
    let rows = |args: &[&str]| -> Vec<Vec<String>> {
        let out = whosaid(args);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        csv::Reader::from_reader(stdout(&out).as_bytes())
            .records()
            .map(|r| r.unwrap().iter().map(str::to_owned).collect())
            .collect()
    };
    let all = rows(&["extract", "data/articles"]);
    let indirect = rows(&["extract", "--kinds", "indirect", "data/articles"]);
    let quotes = rows(&["extract", "--kinds", "direct,partial", "data/articles"]);
    assert!(indirect.len() >= 40, "{} indirect rows", indirect.len());
    assert!(indirect.iter().all(|r| r[2] == "indirect"));
    assert!(quotes.iter().all(|r| r[2] != "indirect"));
    assert_eq!(indirect.len() + quotes.len(), all.len());
    // Filtering renumbers `quote_index` but changes nothing else: the speakers are the same.
    let without_index = |r: &Vec<String>| [&r[..1], &r[2..]].concat();
    let kept: Vec<_> = all
        .iter()
        .filter(|r| r[2] != "indirect")
        .map(without_index)
        .collect();
    assert_eq!(kept, quotes.iter().map(without_index).collect::<Vec<_>>());
    // `--quotes-only` skips the stage: the same quotes (speakers may differ a little).
    let fast = rows(&["extract", "--quotes-only", "data/articles"]);
    let spans = |rs: &[Vec<String>]| -> Vec<(String, String, String)> {
        rs.iter()
            .map(|r| (r[0].clone(), r[3].clone(), r[4].clone()))
            .collect()
    };
    assert_eq!(spans(&fast), spans(&quotes));
    let bad = whosaid(&["extract", "--kinds", "direct,hearsay", "data/articles"]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("hearsay"));
    // `--min-confidence` drops the rows below it, intentions and stances at 0.5, and
    // changes nothing else.
    let sure = rows(&["extract", "--min-confidence", "0.5", "data/articles"]);
    let confidence = |r: &Vec<String>| r[13].parse::<f32>().unwrap();
    assert!(sure.iter().all(|r| confidence(r) >= 0.5));
    assert!(all
        .iter()
        .any(|r| r[12] == "indirect.intent" || r[12] == "indirect.stance"));
    let kept: Vec<_> = all
        .iter()
        .filter(|r| confidence(r) >= 0.5)
        .map(without_index)
        .collect();
    assert!(kept.len() < all.len());
    assert_eq!(kept, sure.iter().map(without_index).collect::<Vec<_>>());
    let bad = whosaid(&["extract", "--min-confidence", "1.5", "data/articles"]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("between 0 and 1"));
}

#[test]
fn doubled_apostrophes_are_quotation_marks_on_request() {
    let text = "''We will rebuild the pier,'' Mayor Ann Cole said. ''It is not over.''\n";
    // Off: the words before the tag are reported speech.
    let off = stdout(&whosaid_stdin(&["extract", "-q"], text));
    let rows: Vec<&str> = off.lines().skip(1).collect();
    assert_eq!(rows.len(), 1, "{off}");
    assert!(rows[0].contains(",indirect,2,26,We will rebuild the pier,Ann Cole,Mayor,"));
    let on = stdout(&whosaid_stdin(
        &["extract", "-q", "--doubled-apostrophes"],
        text,
    ));
    let rows: Vec<&str> = on.lines().skip(1).collect();
    assert_eq!(rows.len(), 2, "{on}");
    assert!(rows[0].contains(",direct,0,29,\"''We will rebuild the pier,''\",Ann Cole,Mayor,"));
    assert!(rows[1].contains("''It is not over.'',Ann Cole,"));
}
