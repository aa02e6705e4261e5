//! `whosaid review`: the HTML report as a snapshot, its size and speed on 1,000 documents,
//! and the page in a real browser (headless Chromium, skipped when it is not installed).

use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::common::{extractor, root};
use whosaid::review;

/// The snapshot article: the shortest fixture with quotes (the shortest of all,
/// `14_uk_green_corridor_headline.txt`, has none).
const SNAPSHOT_ARTICLE: &str = "fixtures/07_lowquotes_berlin_tariffs.txt";

#[test]
fn report_of_a_fixture_article() {
    let text = std::fs::read_to_string(root().join("data/articles").join(SNAPSHOT_ARTICLE))
        .expect("snapshot article");
    let found = extractor().extract(&text);
    assert!(!found.quotes.is_empty());
    let html = review::render([(SNAPSHOT_ARTICLE, text.as_str(), &found)]);
    // The page's content. The styles and the script are the same in every report; the
    // browser test checks them.
    let body = &html[html.find("<body>").unwrap()..html.find("<script>").unwrap()];
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.bind(|| {
        insta::assert_snapshot!(
            format!("review@{}", SNAPSHOT_ARTICLE.replace('/', "__")),
            body
        );
    });
}

fn whosaid(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .args(args)
        .current_dir(root())
        .output()
        .unwrap()
}

/// Writes the report of `args` to `out` with the CLI and checks it succeeded.
fn write_report(args: &[&str], out: &Path) {
    let mut all = vec!["review"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["-o", out.to_str().unwrap()]);
    let run = whosaid(&all);
    assert!(
        run.status.success(),
        "{:?}: {}",
        run.status,
        String::from_utf8_lossy(&run.stderr)
    );
}

/// The (doc_id, speaker) of every quote `whosaid extract PATH` finds.
fn extracted(path: &str) -> Vec<(String, String)> {
    let out = whosaid(&["extract", path]);
    assert!(out.status.success());
    csv::Reader::from_reader(&out.stdout[..])
        .records()
        .map(|r| {
            let r = r.unwrap();
            (r[0].to_owned(), r[6].to_owned())
        })
        .collect()
}

#[test]
fn review_writes_to_stdout_and_reports_bad_inputs_like_extract() {
    let out = whosaid(&["review", "data/articles/seeds", "no/such/file.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no/such/file.txt"));
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.ends_with("</html>\n"));
    assert!(html.contains("data-s=\"Jake Sullivan\""));
    // The same page whatever the thread count.
    let one = whosaid(&["review", "-j", "1", "data/articles"]);
    let four = whosaid(&["review", "-j", "4", "data/articles"]);
    assert!(one.status.success());
    assert_eq!(one.stdout, four.stdout);
}

#[test]
fn document_text_cannot_inject_markup() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("evil.jsonl");
    let text = "<script>alert(1)</script><img src=x onerror=alert(2)>\n\n\
                “</span><b>Run</b> & hide,” Ana Ruiz said, <i>smiling</i>.";
    let record = serde_json::json!({"id": "<svg onload=alert(3)>", "text": text});
    std::fs::write(&input, format!("{record}\n")).unwrap();
    let out = dir.path().join("evil.html");
    write_report(&[input.to_str().unwrap()], &out);
    let html = std::fs::read_to_string(&out).unwrap();
    assert_eq!(
        html.matches("<script>").count(),
        1,
        "only the report's own script"
    );
    for raw in ["<img", "<svg", "<b>Run", "<i>smiling", "</span><b>"] {
        assert!(!html.contains(raw), "{raw} is not escaped");
    }
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("&lt;svg onload=alert(3)&gt;"));
    // The quote is found and highlighted, escaped too.
    assert!(html.contains("<mark>“&lt;/span&gt;&lt;b&gt;Run&lt;/b&gt; &amp; hide,”</mark>"));
}

/// 1,000 documents (the articles of `data/articles`, repeated) as one JSONL file, with
/// their text bytes and their number of rows.
fn thousand_documents(dir: &Path) -> (PathBuf, usize, usize) {
    let mut texts = Vec::new();
    for sub in ["seeds", "fixtures"] {
        let mut names: Vec<PathBuf> = std::fs::read_dir(root().join("data/articles").join(sub))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        names.sort();
        texts.extend(names.iter().map(|p| std::fs::read_to_string(p).unwrap()));
    }
    let rows_of: Vec<usize> = texts
        .iter()
        .map(|t| extractor().extract(t).quotes.len())
        .collect();
    let mut jsonl = String::new();
    let (mut bytes, mut rows) = (0, 0);
    for i in 0..1000 {
        let text = &texts[i % texts.len()];
        bytes += text.len();
        rows += rows_of[i % texts.len()];
        let record = serde_json::json!({"id": format!("doc-{i:04}"), "text": text});
        let _ = writeln!(jsonl, "{record}");
    }
    let path = dir.join("thousand.jsonl");
    std::fs::write(&path, jsonl).unwrap();
    (path, bytes, rows)
}

#[test]
fn a_report_of_1000_documents_is_quick_and_small() {
    let dir = tempfile::tempdir().unwrap();
    let (input, text_bytes, rows) = thousand_documents(dir.path());
    let out = dir.path().join("thousand.html");
    let start = Instant::now();
    write_report(&[input.to_str().unwrap()], &out);
    let took = start.elapsed();
    let size = std::fs::metadata(&out).unwrap().len() as usize;
    eprintln!(
        "review of 1,000 documents ({} KiB of text): {} KiB of HTML in {:.2} s (this build)",
        text_bytes / 1024,
        size / 1024,
        took.as_secs_f64()
    );
    // The markup adds a bounded amount per document and per row (about 350 bytes a row
    // here): no text is written more than twice (the article, and each quote in its row).
    let bound = 2 * text_bytes + 400 * rows + 1_000 * 1000;
    eprintln!("{rows} rows; bound {} KiB", bound / 1024);
    assert!(size < bound, "{size} bytes for {rows} rows");
    // Generous: a debug build on a slow machine; a release build takes well under a second.
    assert!(took < Duration::from_secs(60), "{took:?}");
    let html = std::fs::read_to_string(&out).unwrap();
    assert_eq!(html.matches("<article class=\"doc\"").count(), 1000);
    // And the page is ready quickly in a browser.
    let Some(chromium) = chromium() else { return };
    let start = Instant::now();
    let run = Chromium::new(chromium).dump_dom(&out, "");
    let took = start.elapsed();
    eprintln!(
        "Chromium loaded the 1,000-document report in {:.2} s",
        took.as_secs_f64()
    );
    assert!(
        run.dom.contains("data-ready=\"1\""),
        "the script did not finish"
    );
    assert_no_console_messages(&run.stderr);
    assert!(took < Duration::from_secs(60), "{took:?}");
}

/// Chromium (or Chrome) on the PATH, or the program in `WHOSAID_CHROMIUM`; `None`, after
/// saying so, when there is none (a failure instead when `WHOSAID_REQUIRE_CHROMIUM` is set,
/// as in CI).
fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("WHOSAID_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    for dir in std::env::split_paths(&path) {
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            let p = dir.join(name);
            if p.is_file() {
                return Some(p);
            }
        }
    }
    let why = "Chromium is not installed (apt-get install chromium, or set WHOSAID_CHROMIUM)";
    assert!(
        std::env::var_os("WHOSAID_REQUIRE_CHROMIUM").is_none(),
        "WHOSAID_REQUIRE_CHROMIUM is set but {why}"
    );
    eprintln!("skipping the browser test: {why}");
    None
}

/// Headless Chromium with its own profile folder.
struct Chromium {
    program: PathBuf,
    profile: tempfile::TempDir,
}

/// What one Chromium run printed.
struct Run {
    dom: String,
    stderr: String,
}

impl Chromium {
    fn new(program: PathBuf) -> Chromium {
        Chromium {
            program,
            profile: tempfile::tempdir().unwrap(),
        }
    }

    /// Runs Chromium on `page` (with `#fragment` if not empty) with `args`, at most 2 minutes.
    fn run(&self, page: &Path, fragment: &str, args: &[String]) -> Run {
        let page = page.canonicalize().unwrap();
        let mut url = format!("file://{}", page.display());
        if !fragment.is_empty() {
            url = format!("{url}#{fragment}");
        }
        let child = Command::new(&self.program)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--enable-logging=stderr",
                "--v=0",
                "--no-first-run",
                "--hide-scrollbars",
            ])
            .arg(format!("--user-data-dir={}", self.profile.path().display()))
            .args(args)
            .arg(&url)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let pid = child.id();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let _ = tx.send(child.wait_with_output());
        });
        let out = match rx.recv_timeout(Duration::from_secs(120)) {
            Ok(out) => out.unwrap(),
            Err(_) => {
                // SAFETY: `pid` is the Chromium process started above, not yet reaped.
                unsafe { libc::kill(pid as libc::pid_t, libc::SIGKILL) };
                panic!("Chromium did not finish within 2 minutes on {url}");
            }
        };
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(out.status.success(), "Chromium failed on {url}:\n{stderr}");
        Run {
            dom: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr,
        }
    }

    /// The DOM of `page` after its script ran.
    fn dump_dom(&self, page: &Path, fragment: &str) -> Run {
        self.run(page, fragment, &["--dump-dom".to_owned()])
    }

    /// A screenshot of `page` at `width`×`height` saved to `png`.
    fn screenshot(&self, page: &Path, width: u32, height: u32, png: &Path) -> Run {
        let _ = std::fs::remove_file(png);
        let run = self.run(
            page,
            "",
            &[
                format!("--screenshot={}", png.display()),
                format!("--window-size={width},{height}"),
            ],
        );
        let bytes = std::fs::read(png).expect("Chromium saved no screenshot");
        assert!(
            bytes.starts_with(b"\x89PNG"),
            "not a PNG: {}",
            png.display()
        );
        eprintln!("screenshot: {}", png.display());
        run
    }
}

/// The page logs nothing: no script error, no blocked request (Chromium logs every console
/// message of the page as `CONSOLE`, whatever its level, and uncaught errors as `Uncaught`).
fn assert_no_console_messages(stderr: &str) {
    let messages: Vec<&str> = stderr
        .lines()
        .filter(|l| l.contains(":CONSOLE") || l.contains("Uncaught"))
        .collect();
    assert!(
        messages.is_empty(),
        "the page logged to the console:\n{}",
        messages.join("\n")
    );
}

/// The `<article>` start tags of a dumped DOM that are shown (no `hidden` attribute).
fn shown_articles(dom: &str) -> usize {
    dom.match_indices("<article ")
        .filter(|(i, _)| {
            let tag = &dom[*i..*i + dom[*i..].find('>').unwrap()];
            !tag.contains(" hidden")
        })
        .count()
}

#[test]
fn the_report_of_data_works_in_a_browser() {
    let Some(program) = chromium() else { return };
    let browser = Chromium::new(program);
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("report.html");
    write_report(&["data"], &page);
    let quotes = extracted("data");
    let docs = whosaid(&["extract", "--format", "jsonl", "data"])
        .stdout
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .count();

    // As loaded: the script ran, every quote and every speaker is there, nothing is hidden.
    let run = browser.dump_dom(&page, "");
    assert_no_console_messages(&run.stderr);
    let dom = run.dom;
    assert!(
        dom.contains("<body data-ready=\"1\">"),
        "the script did not finish"
    );
    assert_eq!(dom.matches("tabindex=\"0\" data-s=").count(), quotes.len());
    assert_eq!(shown_articles(&dom), docs);
    let speakers: HashSet<&str> = quotes
        .iter()
        .map(|(_, s)| s.as_str())
        .filter(|s| !s.is_empty())
        .collect();
    // One button per speaker, and one for the quotes without a speaker if there are any.
    let unattributed = quotes.iter().any(|(_, s)| s.is_empty());
    assert_eq!(
        dom.matches("<button type=\"button\" class=\"sp c").count(),
        speakers.len() + usize::from(unattributed)
    );
    assert!(dom.contains(&format!(
        "class=\"sp c{}\" aria-pressed=\"false\" data-s=\"Jake Sullivan\">Jake Sullivan</button>",
        review::speaker_colour("Jake Sullivan")
    )));
    assert!(dom.contains(
        "<mark>“It’s something our intelligence community is taking a hard look at,”</mark>"
    ));

    // Filtered by a speaker: only the documents that quote them, the other speakers' quotes
    // dimmed. The speaker: the first quoted in a document that quotes several.
    let speaker = quotes
        .iter()
        .find(|(doc, s)| {
            !s.is_empty()
                && quotes
                    .iter()
                    .any(|(d, o)| d == doc && !o.is_empty() && o != s)
        })
        .map(|(_, s)| s.as_str())
        .expect("a document with two speakers");
    let encoded: String = speaker
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' => char::from(b).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect();
    let run = browser.dump_dom(&page, &format!("s={encoded}"));
    assert_no_console_messages(&run.stderr);
    let dom = run.dom;
    let quoting: HashSet<&str> = quotes
        .iter()
        .filter(|(_, s)| s == speaker)
        .map(|(d, _)| d.as_str())
        .collect();
    assert_eq!(shown_articles(&dom), quoting.len());
    let attr = review::escape_html(speaker);
    assert!(dom.contains(&format!("aria-pressed=\"true\" data-s=\"{attr}\"")));
    assert!(dom.contains(&format!(
        "Showing {} of {docs} documents quoting {attr}.",
        quoting.len()
    )));
    assert!(
        dom.contains(" dim\" tabindex=\"0\""),
        "other speakers' quotes are dimmed"
    );
    assert!(!dom.contains(&format!(" dim\" tabindex=\"0\" data-s=\"{attr}\"")));

    // Searched: fewer documents, the matching quotes outlined.
    let run = browser.dump_dom(&page, "q=intelligence%20community");
    assert_no_console_messages(&run.stderr);
    let shown = shown_articles(&run.dom);
    assert!(shown >= 1 && shown < docs, "{shown} of {docs}");
    assert!(run.dom.contains(" hit\" tabindex=\"0\""));

    // Screenshots to look at: 1280 wide, and a 400-wide phone screen. Chromium's window is
    // at least 500 wide, so the narrow page is shown in a 400-wide frame.
    let shots = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let run = browser.screenshot(&page, 1280, 2000, &shots.join("review-screenshot.png"));
    assert_no_console_messages(&run.stderr);
    let phone = dir.path().join("phone.html");
    std::fs::write(
        &phone,
        "<!DOCTYPE html><meta charset=\"utf-8\"><title>400 px</title>\
         <body style=\"margin:0\"><iframe src=\"report.html\" \
         style=\"width:400px;height:1600px;border:0\"></iframe>",
    )
    .unwrap();
    let run = browser.screenshot(
        &phone,
        400,
        1600,
        &shots.join("review-screenshot-narrow.png"),
    );
    assert_no_console_messages(&run.stderr);
}
