//! Robustness: bad input gets a clear error, nothing is lost, nothing panics.
//!
//! One section per row of the robustness table. The whole table is here; where a row is also
//! covered elsewhere, the other tests are named.
//!
//! | input or event | behaviour | tests |
//! | --- | --- | --- |
//! | a file that is not valid UTF-8 | decoded lossily with a warning naming the file and the first bad byte offset, or skipped with an error if `--strict`; the run goes on | [`invalid_utf8`]; `input::tests::invalid_utf8_*` |
//! | a binary file (NUL bytes) inside a folder | skipped with a warning naming it | [`binary`]; `input::tests::binary_files_are_skipped_with_a_warning` |
//! | a malformed JSONL line, a record without `text`, a `text` that is not a string | error naming the file and line number; the other lines are processed | [`jsonl`]; `cli::bad_jsonl_lines_are_reported_with_their_line_number`; `input::tests::malformed_line_*`, `missing_or_non_string_text_*` |
//! | an empty file, a file of only whitespace, a text with no quotes | no rows, no error | [`empty`]; `api::text_without_quotes_gives_nothing` |
//! | BOM, CRLF, CR-only line ends, tabs, NBSP, zero-width characters, RTL text, emoji, combining marks | offsets stay correct: `text[quote_start:quote_end]` in code points is the quote | [`offsets`]; `api::offsets_survive_emoji_combining_marks_and_crlf`; `properties` |
//! | unbalanced, stray or thousands of quotation marks | bounded, linear work; no quote longer than its paragraph unless the multi-paragraph convention holds | [`marks`]; `quotes::tests::many_marks_stay_linear`; `api::hostile_texts_keep_every_invariant`; `properties`; the fuzz target `fuzz/fuzz_targets/extract.rs` |
//! | a missing or unreadable input path, a folder without permission | error naming it; the others go on | [`paths`]; `cli::a_missing_input_is_reported_and_the_rest_is_processed`; `input::tests::unreadable_folder_*` |
//! | output to a closed pipe (`\| head`) | exits quietly, no panic message | [`pipe`]; `cli::a_closed_pipe_ends_the_run_quietly` |
//! | `-o FILE` and a failure or Ctrl-C midway | written to a temporary file renamed only on success; an earlier FILE is never left half-overwritten | [`output_file`]; `cli::output_file_is_written_whole` |
//! | the same input with `-j 1` and `-j 8` | byte-identical output | [`threads`]; `cli::output_is_identical_whatever_the_thread_count`; `api::batch_is_in_input_order_whatever_the_thread_count` |
//! | exit status | 0 all documents processed, 2 some documents failed, 1 fatal error | [`exit_status`]; `cli::help_documents_exit_status` |
//! | `--csv-safe` | text cells that a spreadsheet would run as a formula get a `'` in front | [`csv_safe`]; `output::tests::*` |

use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use crate::common::{chars, extractor, root, seed_jsonl, without_summary};

// ---------------------------------------------------------------------------------------------
// Helpers

/// A `whosaid` command run in `dir`.
fn cmd(dir: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_whosaid"));
    c.args(args).current_dir(dir);
    c
}

/// Runs `whosaid ARGS` in `dir` with no standard input.
fn run(dir: &Path, args: &[&str]) -> Output {
    cmd(dir, args).stdin(Stdio::null()).output().unwrap()
}

/// Runs `whosaid ARGS` in `dir` with `input` on standard input.
fn run_stdin(dir: &Path, args: &[&str], input: &[u8]) -> Output {
    let mut child = cmd(dir, args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

/// The run's stderr, less its summary line (tested in `cli`).
fn stderr(o: &Output) -> String {
    without_summary(&o.stderr)
}

/// The CSV rows of a run's output (after the header, which is checked).
fn rows(o: &Output) -> Vec<csv::StringRecord> {
    let mut r = csv::Reader::from_reader(&o.stdout[..]);
    let header: Vec<String> = r.headers().unwrap().iter().map(str::to_owned).collect();
    assert_eq!(header, whosaid::output::CSV_HEADER);
    r.records().map(Result::unwrap).collect()
}

/// The doc_id of each row.
fn ids(rows: &[csv::StringRecord]) -> Vec<String> {
    rows.iter().map(|r| r[0].to_owned()).collect()
}

fn write(path: &Path, content: impl AsRef<[u8]>) {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).unwrap();
    }
    fs::write(path, content).unwrap();
}

fn assert_code(o: &Output, code: i32) {
    assert_eq!(
        o.status.code(),
        Some(code),
        "status {:?}, stderr:\n{}",
        o.status,
        stderr(o)
    );
}

/// True when this process can read a file that has no permission bits (it runs as root).
#[cfg(unix)]
fn permissions_are_not_enforced(dir: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    let probe = dir.join("probe-permissions");
    fs::write(&probe, "x").unwrap();
    fs::set_permissions(&probe, fs::Permissions::from_mode(0o000)).unwrap();
    let readable = fs::File::open(&probe).is_ok();
    fs::remove_file(&probe).unwrap();
    readable
}

/// One article with a quote and a named speaker.
const ARTICLE: &str = "“We are ready for the storm,” said Mayor Ana Ruiz on Tuesday.\n";

/// Checks every row of a CSV run against the input texts by id: each offset pair, read as
/// code points, slices out the quote and the mention exactly.
fn assert_offsets(rows: &[csv::StringRecord], text_of: impl Fn(&str) -> String) {
    for r in rows {
        let text = text_of(&r[0]);
        let (qs, qe): (usize, usize) = (r[3].parse().unwrap(), r[4].parse().unwrap());
        assert_eq!(chars(&text, qs, qe), &r[5], "quote of {r:?}");
        if !r[9].is_empty() {
            let (ms, me): (usize, usize) = (r[9].parse().unwrap(), r[10].parse().unwrap());
            assert_eq!(chars(&text, ms, me), &r[8], "mention of {r:?}");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// A file that is not valid UTF-8

mod invalid_utf8 {
    use super::*;

    /// Latin-1 text: `é` is the lone byte 0xE9, the first bad byte at offset 3.
    const LATIN1: &[u8] =
        b"Caf\xe9 owner Ana Ruiz spoke. \xe2\x80\x9cWe are open,\xe2\x80\x9d said Ana Ruiz.\n";

    #[test]
    fn is_decoded_lossily_with_a_warning_naming_the_file_and_offset() {
        let dir = tempfile::tempdir().unwrap();
        write(&dir.path().join("latin1.txt"), LATIN1);
        write(&dir.path().join("ok.txt"), ARTICLE);
        let out = run(dir.path(), &["extract", "latin1.txt", "ok.txt"]);
        assert_code(&out, 0);
        let err = stderr(&out);
        assert!(
            err.contains("warning: latin1.txt: invalid UTF-8 at byte offset 3"),
            "{err}"
        );
        let rows = rows(&out);
        assert_eq!(ids(&rows), ["latin1.txt", "ok.txt"]);
        // Offsets count the replacement character as one code point.
        let lossy = String::from_utf8_lossy(LATIN1).into_owned();
        assert_offsets(&rows[..1], |_| lossy.clone());
        assert_eq!(&rows[0][5], "“We are open,”");
    }

    #[test]
    fn strict_skips_the_file_with_an_error_and_the_run_goes_on() {
        let dir = tempfile::tempdir().unwrap();
        write(&dir.path().join("latin1.txt"), LATIN1);
        write(&dir.path().join("ok.txt"), ARTICLE);
        let out = run(dir.path(), &["extract", "--strict", "latin1.txt", "ok.txt"]);
        assert_code(&out, 2);
        let err = stderr(&out);
        assert!(
            err.contains("error: latin1.txt: invalid UTF-8 at byte offset 3"),
            "{err}"
        );
        assert_eq!(ids(&rows(&out)), ["ok.txt"]);
    }

    #[test]
    fn in_a_jsonl_line_the_warning_names_the_line() {
        let dir = tempfile::tempdir().unwrap();
        let mut jsonl =
            b"{\"id\": \"a\", \"text\": \"\xe2\x80\x9cOne,\xe2\x80\x9d he said.\"}\n".to_vec();
        jsonl.extend_from_slice(
            b"{\"id\": \"b\", \"text\": \"caf\xe9 \xe2\x80\x9cTwo,\xe2\x80\x9d she said.\"}\n",
        );
        write(&dir.path().join("r.jsonl"), &jsonl);
        let out = run(dir.path(), &["extract", "r.jsonl"]);
        assert_code(&out, 0);
        assert!(stderr(&out).contains("warning: r.jsonl:2: invalid UTF-8"));
        assert_eq!(ids(&rows(&out)), ["a", "b"]);
        let strict = run(dir.path(), &["extract", "--strict", "r.jsonl"]);
        assert_code(&strict, 2);
        assert!(stderr(&strict).contains("error: r.jsonl:2: invalid UTF-8"));
        assert_eq!(ids(&rows(&strict)), ["a"]);
    }
}

// ---------------------------------------------------------------------------------------------
// A binary file inside a folder

mod binary {
    use super::*;

    #[test]
    fn is_skipped_with_a_warning_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        let corpus = dir.path().join("corpus");
        write(&corpus.join("a.txt"), ARTICLE);
        write(
            &corpus.join("b.txt"),
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        );
        write(
            &corpus.join("c.jsonl"),
            b"{\"text\": \"x\"}\n\x00\x01\x02\n",
        );
        write(&corpus.join("d.txt"), ARTICLE);
        let out = run(dir.path(), &["extract", "corpus"]);
        assert_code(&out, 0);
        let err = stderr(&out);
        for name in ["corpus/b.txt", "corpus/c.jsonl"] {
            assert!(
                err.contains(&format!(
                    "warning: {name}: binary file (NUL bytes), skipped"
                )),
                "{err}"
            );
        }
        assert_eq!(ids(&rows(&out)), ["a.txt", "d.txt"]);
    }
}

// ---------------------------------------------------------------------------------------------
// Malformed JSONL

mod jsonl {
    use super::*;

    #[test]
    fn bad_lines_are_errors_naming_file_and_line_and_the_others_are_processed() {
        let dir = tempfile::tempdir().unwrap();
        let lines = [
            r#"{"id": "a", "text": "“One,” he said."}"#,
            r#"{"id": "b", "text": "unterminated"#,
            r#"{"id": "c"}"#,
            r#"{"id": "d", "text": 5}"#,
            r#"{"id": "e", "text": null}"#,
            r#"{"id": "f", "text": ["“x,” he said."]}"#,
            r#"[1, 2]"#,
            r#"not json at all"#,
            "",
            r#"{"id": "g", "text": "“Two,” she said."}"#,
        ];
        write(&dir.path().join("r.jsonl"), lines.join("\n"));
        let out = run(dir.path(), &["extract", "r.jsonl"]);
        assert_code(&out, 2);
        let err = stderr(&out);
        let errors: Vec<&str> = err.lines().collect();
        assert_eq!(errors.len(), 7, "{err}");
        for (line, what) in [
            (2, "invalid JSON at column"),
            (3, "record has no string field \"text\""),
            (4, "record has no string field \"text\""),
            (5, "record has no string field \"text\""),
            (6, "record has no string field \"text\""),
            (7, "invalid JSON at column"),
            (8, "invalid JSON at column"),
        ] {
            let prefix = format!("whosaid: error: r.jsonl:{line}: {what}");
            assert!(
                errors.iter().any(|e| e.starts_with(&prefix)),
                "{prefix}\n{err}"
            );
        }
        // serde's own "at line 1" would contradict the real line number.
        assert!(!err.contains("at line"), "{err}");
        assert_eq!(ids(&rows(&out)), ["a", "g"]);
    }
}

// ---------------------------------------------------------------------------------------------
// Empty input

mod empty {
    use super::*;

    #[test]
    fn empty_blank_and_quoteless_inputs_give_no_rows_and_no_error() {
        let dir = tempfile::tempdir().unwrap();
        write(&dir.path().join("empty.txt"), "");
        write(
            &dir.path().join("blank.txt"),
            " \t\r\n\n\u{a0}\u{200b}\u{feff}\r \n",
        );
        write(&dir.path().join("bom.txt"), "\u{feff}");
        write(
            &dir.path().join("plain.txt"),
            "The council met on Tuesday. It adjourned at noon.\n",
        );
        write(&dir.path().join("empty.jsonl"), "");
        write(&dir.path().join("blank.jsonl"), "\n  \n\r\n");
        write(
            &dir.path().join("records.jsonl"),
            "{\"id\": \"e\", \"text\": \"\"}\n{\"id\": \"w\", \"text\": \" \\n\\t\"}\n",
        );
        let out = run(dir.path(), &["extract", "."]);
        assert_code(&out, 0);
        assert_eq!(stderr(&out), "");
        assert!(rows(&out).is_empty());
        for input in ["", " \n\t\r\n", "No quotes here.\n"] {
            let out = run_stdin(dir.path(), &["extract"], input.as_bytes());
            assert_code(&out, 0);
            assert_eq!(stderr(&out), "");
            assert!(rows(&out).is_empty(), "{input:?}");
            let jsonl = run_stdin(
                dir.path(),
                &["extract", "--format", "jsonl"],
                input.as_bytes(),
            );
            assert_code(&jsonl, 0);
            assert_eq!(
                String::from_utf8(jsonl.stdout).unwrap(),
                "{\"id\":\"-\",\"quotes\":[]}\n"
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Offsets in odd text

mod offsets {
    use super::*;

    /// BOM, CRLF, CR-only line ends, tabs, NBSP, thin space, zero-width space and joiner,
    /// Hebrew and Arabic, emoji (flag, ZWJ family), combining marks and a presentation form.
    const TEXT: &str = "\u{feff}The mayor\u{a0}spoke\u{200b} on\tTuesday.\r\n\r\n\
        “We are ready,” said Mayor Ana Ruiz.\r\n\r\n\
        “Nous\u{a0}sommes\u{2009}prêts 🇫🇷,” added Zoe\u{301} Ba\u{301}rd, the club’s chairwoman.\r\r\
        “שלום עולם — مرحبا بالعالم,” said Avi Cohen.\n\n\
        \t“Family 👨\u{200d}👩\u{200d}👧 time,”\u{a0}she said.\r\
        \r“e\u{301}\u{301} combining ﷺ ok,” Ruiz told reporters.\n\n\
        Ruiz said the plan was “very\u{200b}good” and “final.”\n";

    fn check(out: &Output, text: &str, min_rows: usize) {
        assert_code(out, 0);
        let rows = rows(out);
        assert!(rows.len() >= min_rows, "{rows:?}");
        assert_offsets(&rows, |_| text.to_owned());
    }

    #[test]
    fn code_point_offsets_slice_out_quote_and_mention_from_a_file() {
        let dir = tempfile::tempdir().unwrap();
        write(&dir.path().join("odd.txt"), TEXT);
        let out = run(dir.path(), &["extract", "odd.txt"]);
        check(&out, TEXT, 7);
        let quotes: Vec<String> = rows(&out).iter().map(|r| r[5].to_owned()).collect();
        assert!(quotes.contains(&"“שלום עולם — مرحبا بالعالم,”".to_owned()));
        assert!(quotes.contains(&"“Family 👨\u{200d}👩\u{200d}👧 time,”".to_owned()));
    }

    #[test]
    fn code_point_offsets_from_stdin_and_jsonl() {
        let dir = tempfile::tempdir().unwrap();
        check(
            &run_stdin(dir.path(), &["extract"], TEXT.as_bytes()),
            TEXT,
            7,
        );
        let record = serde_json::json!({"id": "odd", "text": TEXT}).to_string();
        let out = run_stdin(dir.path(), &["extract"], record.as_bytes());
        check(&out, TEXT, 7);
        // JSONL output: code points and bytes agree with the text too.
        let out = run_stdin(
            dir.path(),
            &["extract", "--format", "jsonl"],
            record.as_bytes(),
        );
        assert_code(&out, 0);
        let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let quotes = doc["quotes"].as_array().unwrap();
        assert!(quotes.len() >= 7);
        for q in quotes {
            let n = |k: &str| q[k].as_u64().unwrap() as usize;
            let quote = q["quote"].as_str().unwrap();
            assert_eq!(&TEXT[n("byte_start")..n("byte_end")], quote);
            assert_eq!(chars(TEXT, n("quote_start"), n("quote_end")), quote);
        }
    }

    #[test]
    fn a_bom_only_in_a_plain_file_is_kept_in_the_offsets() {
        // The BOM is a code point of the text: offsets count it, as Python's str does when the
        // file is read with encoding="utf-8".
        let dir = tempfile::tempdir().unwrap();
        let text = format!("\u{feff}{ARTICLE}");
        write(&dir.path().join("bom.txt"), &text);
        let rows = rows(&run(dir.path(), &["extract", "bom.txt"]));
        assert_eq!((&rows[0][3], &rows[0][4]), ("1", "30"));
        assert_offsets(&rows, |_| text.clone());
    }
}

// ---------------------------------------------------------------------------------------------
// Unbalanced, stray and thousands of quotation marks

mod marks {
    use super::*;

    /// True when `s` holds a line with nothing but blank characters between two line breaks:
    /// a paragraph break.
    fn has_blank_line(s: &str) -> bool {
        let s = s.replace("\r\n", "\n");
        let lines: Vec<&str> = s.split(['\n', '\r']).collect();
        let blank = |c: char| {
            c.is_whitespace() || matches!(c, '\u{feff}' | '\u{200b}' | '\u{200c}' | '\u{200d}')
        };
        lines.len() > 2
            && lines[1..lines.len() - 1]
                .iter()
                .any(|l| l.chars().all(blank))
    }

    /// Extracts `text` within `limit`, and checks that no quote holds a paragraph break (or a
    /// line break, when the text has no blank line and so has one paragraph per line).
    fn check(text: &str, limit: Duration) -> usize {
        let ex = extractor();
        let start = Instant::now();
        let found = ex.extract(text);
        let took = start.elapsed();
        assert!(
            took < limit,
            "{} bytes took {took:?} (limit {limit:?})",
            text.len()
        );
        let one_line_paragraphs = !has_blank_line(text);
        for q in &found.quotes {
            let quote = q.span.slice(text);
            assert!(!has_blank_line(quote), "quote crosses a paragraph");
            if one_line_paragraphs {
                assert!(!quote.contains(['\n', '\r']), "quote crosses a line");
            }
        }
        found.quotes.len()
    }

    #[test]
    fn stray_and_unbalanced_marks_stay_linear_and_inside_their_paragraph() {
        // Each text holds 100,000 marks or more; a quadratic step would take minutes.
        let limit = Duration::from_secs(30);
        let cases = [
            "“ ".repeat(200_000),
            "” ".repeat(200_000),
            "\" ".repeat(200_000),
            "' ".repeat(200_000),
            "« „ ‘ ".repeat(70_000),
            "‘x ".repeat(100_000),
            "’90s rock ’n’ roll the leaders’ ".repeat(30_000),
            "“a said\n\n".repeat(50_000),
            "He said: “unclosed\n".repeat(50_000),
            "““““ ””” ‘‘ ’’’ \"\"\" ''' ".repeat(20_000),
            format!("“{}", "word ".repeat(300_000)),
        ];
        for text in &cases {
            check(text, limit);
        }
    }

    #[test]
    fn thousands_of_quotes_are_found_within_their_paragraphs() {
        let limit = Duration::from_secs(30);
        // One paragraph of 20,000 attributed quotes.
        let text = "“We will,” she said. ".repeat(20_000);
        assert_eq!(check(&text, limit), 20_000);
        // 20,000 paragraphs.
        let text = "“We will rebuild,” he said.\n\n".repeat(20_000);
        assert_eq!(check(&text, limit), 20_000);
        // One paragraph per line.
        let text = "“We will rebuild,” he said.\n“Soon.”\n".repeat(20_000);
        check(&text, limit);
        // Multi-paragraph quotes: one row per paragraph, none longer than its paragraph.
        let text =
            "“First paragraph of a long speech.\n\n“Second one.\n\n“Last one,” she said.\n\n"
                .repeat(5_000);
        assert_eq!(check(&text, limit), 15_000);
        // Thousands of unattributed quotes in one paragraph (more below).
        check(&"“a” \"b\" ‘c’ 'd « e » „f“ ".repeat(1_000), limit);
    }

    /// Passes that once were quadratic: a fragment looking for an attributed quote of its
    /// sentence (`attribute::inherit`, now bounded to its sentence and 64 neighbours), and
    /// name lookups in `resolve` (now indexed, and bounded to the 256 latest speakers).
    #[test]
    fn thousands_of_quotes_in_one_paragraph_stay_linear() {
        let limit = Duration::from_secs(30);
        // Sizes where a quadratic pass takes minutes even in a release build.
        check(&"“a” ".repeat(40_000), limit);
        check(&"“a” \"b\" ‘c’ 'd « e » „f“ ".repeat(8_000), limit);
        check(&"it’s ’90s the leaders’ ‘x ".repeat(12_000), limit);
        check(&"Ana Ruiz said it was “good.” ".repeat(20_000), limit);
        check(&"“Soon,” Ana Ruiz added.\n\n".repeat(20_000), limit);
    }

    #[test]
    fn the_multi_paragraph_convention_gives_one_row_per_paragraph() {
        let text = "“We will rebuild the pier,\n\n“and the boardwalk after it,” Ana Ruiz said.\n";
        let found = extractor().extract(text);
        let quotes: Vec<&str> = found.quotes.iter().map(|q| q.span.slice(text)).collect();
        assert_eq!(
            quotes,
            [
                "“We will rebuild the pier,",
                "“and the boardwalk after it,”"
            ]
        );
        assert!(found
            .quotes
            .iter()
            .all(|q| q.speaker.as_deref() == Some("Ana Ruiz")));
        // An unclosed mark without the convention is cut at its paragraph end, or dropped.
        let text = "He said: “we will rebuild\n\nThe council met. “It is late,” Ruiz said.\n";
        for q in &extractor().extract(text).quotes {
            assert!(
                !q.span.slice(text).contains('\n'),
                "{:?}",
                q.span.slice(text)
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Missing and unreadable paths

mod paths {
    use super::*;

    #[test]
    fn missing_paths_are_errors_naming_them_and_the_others_go_on() {
        let dir = tempfile::tempdir().unwrap();
        write(&dir.path().join("a.txt"), ARTICLE);
        write(&dir.path().join("corpus/b.txt"), ARTICLE);
        let out = run(
            dir.path(),
            &["extract", "nope.txt", "a.txt", "no/such/folder", "corpus"],
        );
        assert_code(&out, 2);
        let err = stderr(&out);
        assert!(err.contains("error: nope.txt: No such file"), "{err}");
        assert!(err.contains("error: no/such/folder: No such file"), "{err}");
        assert_eq!(ids(&rows(&out)), ["a.txt", "b.txt"]);
    }

    #[cfg(unix)]
    #[test]
    fn unreadable_files_and_folders_are_errors_naming_them_and_the_others_go_on() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        if permissions_are_not_enforced(dir.path()) {
            eprintln!(
                "skipping the permission part: running as root, files and folders without \
                 read permission are readable (the missing-path test still runs)"
            );
            return;
        }
        write(&dir.path().join("corpus/a.txt"), ARTICLE);
        write(&dir.path().join("corpus/locked/x.txt"), ARTICLE);
        write(&dir.path().join("corpus/secret.txt"), ARTICLE);
        write(&dir.path().join("corpus/z.txt"), ARTICLE);
        write(&dir.path().join("alone.txt"), ARTICLE);
        let mode = |p: &str, m: u32| {
            fs::set_permissions(dir.path().join(p), fs::Permissions::from_mode(m)).unwrap()
        };
        mode("corpus/locked", 0o000);
        mode("corpus/secret.txt", 0o000);
        mode("alone.txt", 0o000);
        let out = run(dir.path(), &["extract", "alone.txt", "corpus"]);
        mode("corpus/locked", 0o755);
        assert_code(&out, 2);
        let err = stderr(&out);
        for name in ["alone.txt", "corpus/locked", "corpus/secret.txt"] {
            assert!(
                err.contains(&format!("error: {name}: Permission denied")),
                "{name}: {err}"
            );
        }
        assert_eq!(ids(&rows(&out)), ["a.txt", "z.txt"]);
    }
}

// ---------------------------------------------------------------------------------------------
// A closed pipe

mod pipe {
    use super::*;

    /// A folder of `n` copies of a sample article, big enough to outlast a pipe buffer.
    fn corpus(n: usize) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        write(&dir.path().join("many.jsonl"), seed_jsonl(false, n));
        dir
    }

    fn no_panic(child: &mut Child) -> String {
        let err = crate::common::take_stderr(child);
        assert!(!err.contains("panicked"), "{err}");
        assert!(!err.contains("Broken pipe"), "{err}");
        err
    }

    #[test]
    fn stdout_closed_after_a_few_bytes_ends_the_run_quietly() {
        let dir = corpus(3000);
        for format in ["csv", "jsonl"] {
            let mut child = cmd(dir.path(), &["extract", "--format", format, "many.jsonl"])
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap();
            let mut head = [0u8; 100];
            child.stdout.take().unwrap().read_exact(&mut head).unwrap();
            // The reader is dropped: the pipe closes under the writer, like `| head -c 100`.
            let status = child.wait().unwrap();
            no_panic(&mut child);
            assert_eq!(status.code(), Some(0), "{format}: {status:?}");
        }
    }

    #[test]
    fn stderr_closed_does_not_panic_and_the_run_goes_on() {
        // `whosaid extract ... 2>&1 >out.csv | head -1`: warnings meet a closed pipe.
        let dir = corpus(10);
        let mut args = vec!["extract".to_owned(), "-o".into(), "out.csv".into()];
        args.extend((0..5000).map(|i| format!("missing-{i}.txt")));
        args.push("many.jsonl".into());
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let mut child = cmd(dir.path(), &args)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = [0u8; 10];
        let mut err = child.stderr.take().unwrap();
        err.read_exact(&mut first).unwrap();
        drop(err);
        let status = child.wait().unwrap();
        // The failed documents still count: exit 2, not 101 (a panic).
        assert_eq!(status.code(), Some(2), "{status:?}");
        let direct = run(dir.path(), &["extract", "many.jsonl"]);
        assert!(rows(&direct).len() >= 10);
        assert_eq!(fs::read(dir.path().join("out.csv")).unwrap(), direct.stdout);
    }
}

// ---------------------------------------------------------------------------------------------
// `-o FILE`

#[cfg(unix)]
mod output_file {
    use super::*;

    const EARLIER: &str = "earlier contents, complete\n";

    /// A folder with `out.csv` holding [`EARLIER`] and a JSONL input large enough to take
    /// several seconds.
    fn setup() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        write(&dir.path().join("in/big.jsonl"), seed_jsonl(false, 20_000));
        write(&dir.path().join("out/out.csv"), EARLIER);
        dir
    }

    /// Files in `out/` other than `out.csv`.
    fn temporaries(dir: &Path) -> Vec<PathBuf> {
        fs::read_dir(dir.join("out"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.file_name().unwrap() != "out.csv")
            .collect()
    }

    /// Starts a run into `out/out.csv` and waits until it has written part of its output.
    fn start_and_wait_midway(dir: &Path) -> Child {
        let mut child = cmd(dir, &["extract", "in", "-o", "out/out.csv"])
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let written = temporaries(dir)
                .iter()
                .any(|p| fs::metadata(p).is_ok_and(|m| m.len() > 0));
            if written {
                break;
            }
            assert!(child.try_wait().unwrap().is_none(), "the run ended early");
            assert!(Instant::now() < deadline, "no output after 60 s");
            std::thread::sleep(Duration::from_millis(10));
        }
        child
    }

    #[test]
    fn ctrl_c_midway_leaves_the_earlier_file_intact_and_no_temporary_file() {
        let dir = setup();
        let mut child = start_and_wait_midway(dir.path());
        let status = Command::new("kill")
            .args(["-INT", &child.id().to_string()])
            .status()
            .unwrap();
        assert!(status.success());
        let status = child.wait().unwrap();
        let err = crate::common::take_stderr(&mut child);
        assert_eq!(status.code(), Some(130), "{status:?} {err}");
        assert!(!err.contains("panicked"), "{err}");
        assert_eq!(
            fs::read_to_string(dir.path().join("out/out.csv")).unwrap(),
            EARLIER
        );
        assert_eq!(temporaries(dir.path()), Vec::<PathBuf>::new());
    }

    #[test]
    fn a_kill_midway_leaves_the_earlier_file_intact() {
        let dir = setup();
        let mut child = start_and_wait_midway(dir.path());
        child.kill().unwrap();
        child.wait().unwrap();
        assert_eq!(
            fs::read_to_string(dir.path().join("out/out.csv")).unwrap(),
            EARLIER
        );
        // SIGKILL cannot be caught: the partial output stays in a hidden temporary file,
        // never in FILE.
        for tmp in temporaries(dir.path()) {
            let name = tmp.file_name().unwrap().to_string_lossy().into_owned();
            assert!(
                name.starts_with(".out.csv.") && name.ends_with(".whosaid.tmp"),
                "{name}"
            );
        }
    }

    #[test]
    fn a_failing_run_exits_1_and_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        write(&dir.path().join("a.txt"), ARTICLE);
        // No such folder.
        let out = run(dir.path(), &["extract", "a.txt", "-o", "missing/out.csv"]);
        assert_code(&out, 1);
        assert!(stderr(&out).contains("cannot write missing/out.csv"));
        // A folder in the way.
        fs::create_dir(dir.path().join("taken")).unwrap();
        let out = run(dir.path(), &["extract", "a.txt", "-o", "taken"]);
        assert_code(&out, 1);
        assert!(stderr(&out).contains("cannot write taken: it is a folder"));
        let mut left: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(left, ["a.txt", "taken"]);
        // A folder without write permission.
        use std::os::unix::fs::PermissionsExt;
        if permissions_are_not_enforced(dir.path()) {
            eprintln!(
                "skipping the unwritable-folder part: running as root, a folder without \
                 write permission is writable"
            );
            return;
        }
        write(&dir.path().join("ro/out.csv"), EARLIER);
        let ro = dir.path().join("ro");
        fs::set_permissions(&ro, fs::Permissions::from_mode(0o555)).unwrap();
        let out = run(dir.path(), &["extract", "a.txt", "-o", "ro/out.csv"]);
        fs::set_permissions(&ro, fs::Permissions::from_mode(0o755)).unwrap();
        assert_code(&out, 1);
        assert!(stderr(&out).contains("cannot write ro/out.csv"));
        assert_eq!(fs::read_to_string(ro.join("out.csv")).unwrap(), EARLIER);
    }

    #[test]
    fn a_finished_run_replaces_the_file_with_the_usual_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        write(&dir.path().join("a.txt"), ARTICLE);
        let out = run(dir.path(), &["extract", "a.txt", "-o", "out.csv"]);
        assert_code(&out, 0);
        let direct = run(dir.path(), &["extract", "a.txt"]);
        assert_eq!(fs::read(dir.path().join("out.csv")).unwrap(), direct.stdout);
        // The same mode as a file the shell would create, not a temporary file's 0600.
        let plain = dir.path().join("plain");
        fs::File::create(&plain).unwrap();
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&dir.path().join("out.csv")), mode(&plain));
    }
}

// ---------------------------------------------------------------------------------------------
// Thread count

mod threads {
    use super::*;

    #[test]
    fn one_and_eight_threads_give_byte_identical_output() {
        // More than one batch: 1,500 documents of varied size, some failing, plus a large one.
        let dir = tempfile::tempdir().unwrap();
        let mut articles: Vec<String> = Vec::new();
        for sub in ["seeds", "fixtures"] {
            for e in fs::read_dir(root().join("data/articles").join(sub)).unwrap() {
                articles.push(fs::read_to_string(e.unwrap().path()).unwrap());
            }
        }
        articles.sort();
        let mut jsonl = String::new();
        for i in 0..1500 {
            if i % 97 == 0 {
                jsonl.push_str("{broken\n");
            }
            let text = &articles[i % articles.len()];
            let cut = text.len() * (1 + i % 4) / 4;
            let cut = (0..=cut).rev().find(|&k| text.is_char_boundary(k)).unwrap();
            let text = &text[..cut];
            jsonl.push_str(&serde_json::json!({"id": i, "text": text}).to_string());
            jsonl.push('\n');
        }
        write(&dir.path().join("corpus/a.jsonl"), &jsonl);
        write(
            &dir.path().join("corpus/big.txt"),
            articles.concat().repeat(20),
        );
        write(&dir.path().join("corpus/b/c.txt"), ARTICLE);
        for format in ["csv", "jsonl"] {
            let one = run(
                dir.path(),
                &["extract", "-j", "1", "--format", format, "corpus"],
            );
            let eight = run(
                dir.path(),
                &["extract", "-j", "8", "--format", format, "corpus"],
            );
            assert_code(&one, 2);
            assert_code(&eight, 2);
            assert!(one.stdout.len() > 100_000);
            assert!(one.stdout == eight.stdout, "{format}: outputs differ");
            assert_eq!(stderr(&one), stderr(&eight));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Exit status

mod exit_status {
    use super::*;

    #[test]
    fn zero_when_every_document_was_processed() {
        let dir = tempfile::tempdir().unwrap();
        write(&dir.path().join("a.txt"), ARTICLE);
        // Warnings (a binary file, lossy UTF-8) do not fail a run.
        write(&dir.path().join("b.txt"), b"\x00\x01");
        write(&dir.path().join("c.txt"), b"caf\xe9");
        let out = run(dir.path(), &["extract", "."]);
        assert_code(&out, 0);
        assert_eq!(ids(&rows(&out)), ["a.txt"]);
        let out = run(dir.path(), &["extract", ".", "-o", "out.csv"]);
        assert_code(&out, 0);
    }

    #[test]
    fn two_when_some_documents_failed() {
        let dir = tempfile::tempdir().unwrap();
        write(&dir.path().join("a.txt"), ARTICLE);
        for args in [
            &["extract", "a.txt", "missing.txt"][..],
            &["extract", "a.txt", "missing.txt", "-o", "out.csv"],
        ] {
            let out = run(dir.path(), args);
            assert_code(&out, 2);
        }
        // With -o, the output of the documents that worked is written.
        let written = fs::read_to_string(dir.path().join("out.csv")).unwrap();
        assert_eq!(written.lines().count(), 2);
        let out = run_stdin(dir.path(), &["extract"], b"{\"id\": 1}\n");
        assert_code(&out, 2);
    }

    #[test]
    fn one_on_a_fatal_error() {
        let dir = tempfile::tempdir().unwrap();
        write(&dir.path().join("a.txt"), ARTICLE);
        for args in [
            &["extract", "--no-such-flag"][..],
            &["extract", "--format", "xml", "a.txt"],
            &["extract", "-j", "0", "a.txt"],
            &["extract", "-j", "many", "a.txt"],
            &["nonsense"],
            &[],
            &["extract", "a.txt", "-o", "no/such/dir/out.csv"],
        ] {
            let out = run(dir.path(), args);
            assert_code(&out, 1);
            assert!(!stderr(&out).is_empty(), "{args:?}");
            assert!(!stderr(&out).contains("panicked"), "{args:?}");
        }
        let help = run(dir.path(), &["extract", "--help"]);
        assert_code(&help, 0);
    }
}

// ---------------------------------------------------------------------------------------------
// --csv-safe

mod csv_safe {
    use super::*;

    #[test]
    fn formula_cells_get_a_quote_in_front_only_with_the_flag() {
        let dir = tempfile::tempdir().unwrap();
        let input = concat!(
            r#"{"id": "=HYPERLINK(\"http://x\")", "text": "“Vote now,” said @Ana Ruiz."}"#,
            "\n",
            r#"{"id": "+1", "text": "“=1+1,” said Ana Ruiz."}"#,
            "\n",
            r#"{"id": "ok", "text": "“Fine,” said Ana Ruiz."}"#,
            "\n"
        );
        let plain = run_stdin(dir.path(), &["extract"], input.as_bytes());
        let safe = run_stdin(dir.path(), &["extract", "--csv-safe"], input.as_bytes());
        assert_code(&plain, 0);
        assert_code(&safe, 0);
        let (plain, safe) = (rows(&plain), rows(&safe));
        assert_eq!(
            ids(&plain),
            ["=HYPERLINK(\"http://x\")", "+1", "ok"],
            "off by default"
        );
        assert_eq!(ids(&safe), ["'=HYPERLINK(\"http://x\")", "'+1", "ok"]);
        for (p, s) in plain.iter().zip(&safe) {
            for i in 1..p.len() {
                let expected = match i {
                    5..=8 | 11 if p[i].starts_with(['=', '+', '-', '@', '\t', '\r']) => {
                        format!("'{}", &p[i])
                    }
                    _ => p[i].to_owned(),
                };
                assert_eq!(s[i], expected, "column {i}");
            }
        }
        // JSONL is not for spreadsheets: unchanged.
        let a = run_stdin(
            dir.path(),
            &["extract", "--format", "jsonl"],
            input.as_bytes(),
        );
        let b = run_stdin(
            dir.path(),
            &["extract", "--format", "jsonl", "--csv-safe"],
            input.as_bytes(),
        );
        assert_eq!(a.stdout, b.stdout);
        let help = run(dir.path(), &["extract", "--help"]);
        assert!(String::from_utf8_lossy(&help.stdout).contains("--csv-safe"));
    }
}
