//! The review report behind `whosaid review`: one self-contained HTML page that shows each
//! document with its quotes highlighted, for a person checking the attributions.
//!
//! The page has no external assets and makes no network request (its Content Security Policy
//! forbids it): the CSS and a small script are inline. It shows:
//!
//! - each document's text as written, every quote highlighted in its speaker's colour, with
//!   the speaker's name and title after it; the mention and cue an attribution rests on are
//!   underlined. Quotes can be focused with Tab; hovering or focusing one shows its rule, cue,
//!   mention, confidence and kind. Quotes with a confidence below 0.6 have a dashed outline;
//!   reported speech (kind `indirect`) is underlined in the speaker's colour instead of filled;
//! - a speaker index at the top (speaker, titles, quotes, documents, as
//!   [`SpeakerIndex`] counts them, plus a row for quotes without a speaker). Its buttons
//!   show only the documents that quote that speaker and dim the other quotes;
//!   "Show all" resets;
//! - a search box that shows only the documents whose text, id or speaker labels contain the
//!   words typed (case-insensitive) and outlines the matching quotes. `/` focuses it.
//!
//! A link can open the page filtered: `report.html#s=Jake%20Sullivan` (a speaker; `s=` alone
//! for the quotes without one), `report.html#q=intelligence` (a search), or both joined by `&`.
//!
//! All HTML is rendered here; the script only shows and hides, in one pass over the
//! documents, so a report of thousands of documents stays fast. Every piece of document
//! text, id, name and title is HTML-escaped ([`escape_html`]).
//!
//! A speaker's colour comes from a hash of the name ([`speaker_colour`]): the same speaker
//! has the same colour in every report. With more speakers than colours, some share a colour;
//! the name next to each quote tells them apart.
//!
//! ```
//! use whosaid::{review, ExtractorBuilder};
//!
//! # fn main() -> Result<(), whosaid::Error> {
//! let extractor = ExtractorBuilder::new().build()?;
//! let text = "“We won,” Ana Ruiz said.";
//! let found = extractor.extract(text);
//! let html = review::render([("doc-1", text, &found)]);
//! assert!(html.starts_with("<!DOCTYPE html>"));
//! assert!(html.contains("data-s=\"Ana Ruiz\""));
//! # Ok(())
//! # }
//! ```

use std::fmt::Write as _;

use crate::span::Span;
use crate::speakers::SpeakerIndex;
use crate::types::{Extraction, Quote, QuoteKind};

/// The speaker colours: (background, accent), ten hues far apart (after Tableau 10). Light
/// backgrounds under dark text, each with a saturated accent for underlines and borders; the
/// text keeps a contrast above 12:1 on every background.
pub const PALETTE: [(&str, &str); 10] = [
    ("#dbeafe", "#1d4ed8"),
    ("#ffedd5", "#c2410c"),
    ("#dcfce7", "#15803d"),
    ("#fee2e2", "#b91c1c"),
    ("#f3e8ff", "#7e22ce"),
    ("#efe3d7", "#7c4a1e"),
    ("#fce7f3", "#be185d"),
    ("#cffafe", "#0e7490"),
    ("#fef9c3", "#a16207"),
    ("#ecfccb", "#4d7c0f"),
];

/// Confidence below which a quote is outlined as doubtful.
const LOW_CONFIDENCE: f32 = 0.6;

/// The index into [`PALETTE`] of a speaker's colour: a 64-bit FNV-1a hash of the name, so it
/// depends on nothing but the name (not on the corpus, the order or the platform).
pub fn speaker_colour(speaker: &str) -> usize {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in speaker.as_bytes() {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    (hash % PALETTE.len() as u64) as usize
}

/// Appends `s` to `out` with `&`, `<`, `>`, `"` and `'` escaped, so it is safe both as text
/// and inside a quoted attribute. NUL, which HTML does not allow, becomes U+FFFD.
pub fn escape_html_into(out: &mut String, s: &str) {
    let mut rest = s;
    while let Some(i) = rest.find(['&', '<', '>', '"', '\'', '\0']) {
        out.push_str(&rest[..i]);
        out.push_str(match rest.as_bytes()[i] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => "\u{fffd}",
        });
        rest = &rest[i + 1..];
    }
    out.push_str(rest);
}

/// `s` HTML-escaped as by [`escape_html_into`].
///
/// ```
/// use whosaid::review::escape_html;
/// assert_eq!(escape_html("<b a='1'>\"x\" & y</b>"), "&lt;b a=&#39;1&#39;&gt;&quot;x&quot; &amp; y&lt;/b&gt;");
/// ```
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    escape_html_into(&mut out, s);
    out
}

/// The CSS class of a speaker's colour: `c0`…`c9`, or `cx` for no speaker.
fn colour_class(speaker: Option<&str>) -> String {
    match speaker {
        Some(s) => format!("c{}", speaker_colour(s)),
        None => "cx".to_owned(),
    }
}

/// The quote's speaker, `None` when it has none (or an empty name, as [`SpeakerIndex`]
/// counts it).
fn speaker_of(q: &Quote) -> Option<&str> {
    q.speaker.as_deref().filter(|s| !s.is_empty())
}

/// Renders a whole report: the page head and speaker index, then each document in the order
/// given, as (id, text, extraction). For a stream of documents, use [`write_document`] for
/// each, [`SpeakerIndex::add`] to count them, then [`write_head`] and [`write_tail`] around
/// the documents.
pub fn render<'a, I>(docs: I) -> String
where
    I: IntoIterator<Item = (&'a str, &'a str, &'a Extraction)>,
{
    let mut index = SpeakerIndex::new();
    let mut body = String::new();
    for (n, (id, text, ex)) in docs.into_iter().enumerate() {
        index.add(id, ex);
        write_document(&mut body, n + 1, id, text, ex);
    }
    let mut out = String::with_capacity(body.len() + 16 * 1024);
    write_head(&mut out, &index);
    out.push_str(&body);
    write_tail(&mut out);
    out
}

/// Appends the start of the page to `out`: the head with the styles, the summary, the
/// search box and the speaker index of `index`, up to where the documents go.
pub fn write_head(out: &mut String, index: &SpeakerIndex) {
    out.push_str(concat!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ",
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n",
        "<meta name=\"generator\" content=\"whosaid review\">\n",
        "<title>whosaid review</title>\n<style>\n",
    ));
    out.push_str(CSS);
    for (i, (bg, fg)) in PALETTE.iter().enumerate() {
        let _ = writeln!(out, ".c{i}{{--bg:{bg};--fg:{fg}}}");
    }
    out.push_str(
        "</style>\n</head>\n<body>\n<header class=\"wrap top\">\n<h1>whosaid review</h1>\n",
    );
    let rows = index.rows();
    let plural = |n: u64, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let _ = writeln!(
        out,
        "<p class=\"sum\">{} · {} · {} · {} without a speaker</p>",
        plural(index.documents(), "document", "documents"),
        plural(index.quotes(), "quote", "quotes"),
        plural(rows.len() as u64, "speaker", "speakers"),
        index.unattributed_quotes(),
    );
    out.push_str(concat!(
        "<p class=\"help\">Hover over or focus a quote (Tab) to see its rule, cue and ",
        "confidence. Choose a speaker to show only their quotes. Press / to search.</p>\n",
        "</header>\n<div class=\"bar\"><div class=\"wrap\">\n",
        "<label for=\"search\">Search</label>\n",
        "<input id=\"search\" type=\"search\" autocomplete=\"off\" spellcheck=\"false\" ",
        "placeholder=\"Words, names or document ids\">\n",
        "<button type=\"button\" id=\"all\" class=\"all\">Show all</button>\n",
        "<p id=\"status\" role=\"status\" aria-live=\"polite\"></p>\n</div></div>\n",
        "<div class=\"wrap\">\n<nav class=\"index\" id=\"index\" aria-label=\"Speakers\">\n",
        "<table>\n<thead><tr><th scope=\"col\">Speaker</th><th scope=\"col\" class=\"t\">Title</th>",
        "<th scope=\"col\" class=\"n\">Quotes</th><th scope=\"col\" class=\"n\">Documents</th>",
        "</tr></thead>\n<tbody>\n",
    ));
    for r in &rows {
        index_row(
            out,
            Some(r.speaker),
            &r.titles_joined(),
            r.quotes,
            r.documents,
        );
    }
    if index.unattributed_quotes() > 0 {
        index_row(
            out,
            None,
            "",
            index.unattributed_quotes(),
            index.unattributed_documents(),
        );
    }
    out.push_str("</tbody>\n</table>\n</nav>\n<main id=\"docs\">\n");
    if index.documents() == 0 {
        out.push_str("<p class=\"empty\">No documents.</p>\n");
    }
}

/// One row of the speaker index; `speaker` is `None` for the quotes without a speaker.
fn index_row(out: &mut String, speaker: Option<&str>, titles: &str, quotes: u64, docs: u64) {
    let _ = write!(
        out,
        "<tr><td><button type=\"button\" class=\"sp {}\" aria-pressed=\"false\" data-s=\"",
        colour_class(speaker)
    );
    escape_html_into(out, speaker.unwrap_or(""));
    out.push_str("\">");
    match speaker {
        Some(s) => escape_html_into(out, s),
        None => out.push_str("<i>no speaker</i>"),
    }
    out.push_str("</button>");
    if !titles.is_empty() {
        // The title under the name, shown instead of the title column on narrow screens.
        out.push_str("<span class=\"t2\">");
        escape_html_into(out, titles);
        out.push_str("</span>");
    }
    out.push_str("</td><td class=\"t\">");
    escape_html_into(out, titles);
    let _ = writeln!(
        out,
        "</td><td class=\"n\">{quotes}</td><td class=\"n\">{docs}</td></tr>"
    );
}

/// Appends one document to `out`: an `<article id="d{number}">` with the id, counts and the
/// text, its quotes highlighted. `number` is the document's 1-based position in the report.
pub fn write_document(out: &mut String, number: usize, doc_id: &str, text: &str, ex: &Extraction) {
    let mut speakers: Vec<&str> = ex.quotes.iter().filter_map(speaker_of).collect();
    speakers.sort_unstable();
    speakers.dedup();
    let _ = write!(
        out,
        "<article class=\"doc\" id=\"d{number}\">\n<h2><a href=\"#d{number}\">"
    );
    escape_html_into(out, doc_id);
    let quotes = ex.quotes.len();
    let _ = writeln!(
        out,
        "</a></h2>\n<p class=\"meta\">{quotes} quote{} · {} speaker{}</p>",
        if quotes == 1 { "" } else { "s" },
        speakers.len(),
        if speakers.len() == 1 { "" } else { "s" },
    );
    out.push_str("<div class=\"text\">");
    let marks = attribution_marks(ex);
    let mut marks = marks.iter().peekable();
    let mut pos = 0;
    for q in &ex.quotes {
        // The mentions and cues before this quote.
        while let Some(m) = marks.next_if(|m| m.span.start < q.span.start) {
            write_mark(out, text, &mut pos, m);
        }
        escape_html_into(out, &text[pos..q.span.start]);
        write_quote(out, text, q);
        pos = q.span.end;
    }
    for m in marks {
        write_mark(out, text, &mut pos, m);
    }
    escape_html_into(out, &text[pos..]);
    out.push_str("</div>\n</article>\n");
}

/// A speaker mention (with its speaker's colour class) or a cue, outside every quote.
struct Mark {
    span: Span,
    /// `None` for a cue.
    colour: Option<String>,
}

/// The mentions and cues of a document's attributions that can be marked: outside every
/// quote and not overlapping one another (the first kept), sorted, each once.
fn attribution_marks(ex: &Extraction) -> Vec<Mark> {
    let quotes = &ex.quotes;
    let in_a_quote = |s: Span| {
        // Quotes are sorted and disjoint: only the first that ends after `s` starts can overlap.
        let i = quotes.partition_point(|q| q.span.end <= s.start);
        quotes.get(i).is_some_and(|q| q.span.overlaps(s))
    };
    let mut marks: Vec<Mark> = Vec::new();
    for q in quotes {
        if let Some(m) = q.mention {
            marks.push(Mark {
                span: m,
                colour: Some(colour_class(speaker_of(q))),
            });
        }
        if let Some(c) = q.cue {
            marks.push(Mark {
                span: c,
                colour: None,
            });
        }
    }
    marks.retain(|m| !m.span.is_empty() && !in_a_quote(m.span));
    // Stable: for the same span, the first quote's mark is kept.
    marks.sort_by_key(|m| m.span.start);
    let mut kept: Vec<Mark> = Vec::with_capacity(marks.len());
    for m in marks {
        if kept.last().map_or(true, |k| k.span.end <= m.span.start) {
            kept.push(m);
        }
    }
    kept
}

fn write_mark(out: &mut String, text: &str, pos: &mut usize, m: &Mark) {
    escape_html_into(out, &text[*pos..m.span.start]);
    match &m.colour {
        Some(c) => {
            let _ = write!(out, "<span class=\"m {c}\">");
        }
        None => out.push_str("<span class=\"cue\">"),
    }
    escape_html_into(out, m.span.slice(text));
    out.push_str("</span>");
    *pos = m.span.end;
}

/// One highlighted quote: the quote, then its speaker label with the details as a tooltip.
fn write_quote(out: &mut String, text: &str, q: &Quote) {
    let speaker = speaker_of(q);
    let low = if q.confidence < LOW_CONFIDENCE {
        " low"
    } else {
        ""
    };
    // Reported speech is underlined in the speaker's colour, not filled.
    let ind = if q.kind == QuoteKind::Indirect {
        " ind"
    } else {
        ""
    };
    let _ = write!(
        out,
        "<span class=\"q {}{low}{ind}\" tabindex=\"0\" data-s=\"",
        colour_class(speaker)
    );
    escape_html_into(out, speaker.unwrap_or(""));
    out.push_str("\"><mark>");
    escape_html_into(out, q.span.slice(text));
    out.push_str("</mark><span class=\"who\" data-tip=\"rule: ");
    out.push_str(q.rule.id());
    out.push_str("&#10;cue: ");
    escape_html_into(out, q.cue.map_or("–", |c| c.slice(text)));
    out.push_str("&#10;mention: ");
    escape_html_into(out, q.mention.map_or("–", |m| m.slice(text)));
    let _ = write!(
        out,
        "&#10;confidence: {:.2}&#10;kind: {}\">",
        q.confidence,
        q.kind.as_str()
    );
    match speaker {
        Some(s) => escape_html_into(out, s),
        None => out.push_str("no speaker"),
    }
    if let Some(title) = q.title.as_deref().filter(|t| !t.is_empty()) {
        out.push_str("<span class=\"ttl\"> · ");
        escape_html_into(out, title);
        out.push_str("</span>");
    }
    out.push_str("</span></span>");
}

/// Appends the end of the page to `out`: closes the documents and adds the script.
pub fn write_tail(out: &mut String) {
    out.push_str("</main>\n<p class=\"empty\" id=\"none\" hidden>No document matches.</p>\n</div>\n<script>\n");
    out.push_str(JS);
    out.push_str("</script>\n</body>\n</html>\n");
}

/// The page's styles (the colour classes `.c0`… follow, from [`PALETTE`]).
const CSS: &str = r#":root{color-scheme:light;--ink:#1f2328;--muted:#57606a;--line:#d0d7de;--accent:#0969da}
*{box-sizing:border-box}
body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:#f3f4f6}
.wrap{max-width:62rem;margin:0 auto;padding:0 1rem}
.top{padding-top:1rem}
h1{font-size:1.4rem;margin:0 0 .2rem}
.sum{margin:0;font-weight:600}
.help{margin:.2rem 0 .6rem;color:var(--muted);font-size:.9rem}
.bar{position:sticky;top:0;z-index:5;background:rgba(255,255,255,.97);border-top:1px solid var(--line);border-bottom:1px solid var(--line);padding:.45rem 0}
.bar .wrap{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}
.bar label{font-weight:600}
#search{flex:1 1 12rem;min-width:0;font:inherit;padding:.3rem .6rem;border:1px solid #6e7781;border-radius:6px}
button{font:inherit;color:inherit;cursor:pointer}
.all{padding:.3rem .8rem;border:1px solid #6e7781;border-radius:6px;background:#fff}
.all:hover{background:#f6f8fa}
#status{margin:0;color:var(--muted);font-size:.9rem;flex-basis:100%}
#status:empty{display:none}
:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.index{max-height:45vh;overflow:auto;margin:.8rem 0;background:#fff;border:1px solid var(--line);border-radius:8px}
.index table{border-collapse:collapse;width:100%;font-size:.92rem}
.index th,.index td{padding:.25rem .6rem;text-align:left;vertical-align:top;border-bottom:1px solid #eaeef2}
.index thead th{position:sticky;top:0;z-index:1;background:#f6f8fa}
.index .n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.index .t{color:var(--muted)}
.index .t2{display:none}
.sp{display:inline-flex;align-items:baseline;gap:.45rem;padding:.05rem .4rem;text-align:left;background:none;border:1px solid transparent;border-radius:5px}
.sp::before{content:"";flex:none;width:.75rem;height:.75rem;border-radius:50%;background:var(--bg);border:2px solid var(--fg);position:relative;top:.1rem}
.sp:hover{border-color:var(--fg)}
.sp[aria-pressed=true]{background:var(--bg);border-color:var(--fg);font-weight:700}
.cx{--bg:#eeeff1;--fg:#6e7781}
.doc{background:#fff;border:1px solid var(--line);border-radius:8px;margin:0 0 1rem;padding:.8rem 1.2rem 1rem;content-visibility:auto;contain-intrinsic-size:auto 32rem}
.doc h2{font-size:1rem;margin:0;overflow-wrap:anywhere}
.doc h2 a{color:inherit;text-decoration:none}
.doc h2 a:hover{text-decoration:underline}
.meta{margin:0 0 .6rem;color:var(--muted);font-size:.85rem}
.text{white-space:pre-wrap;overflow-wrap:anywhere;font:1.06rem/1.75 Georgia,"Times New Roman",serif}
.q{border-radius:3px}
.q:focus{outline:none}
.q:focus-visible{outline:3px solid var(--accent);outline-offset:1px}
.q mark{color:inherit;background:var(--bg);box-shadow:inset 0 -2px 0 var(--fg);padding:0 .1em;border-radius:2px;-webkit-box-decoration-break:clone;box-decoration-break:clone}
.q.cx mark{box-shadow:none;outline:1px dashed var(--fg)}
.q.low mark{outline:1px dashed var(--fg);outline-offset:1px}
.q.ind mark{background:none;box-shadow:inset 0 -3px 0 var(--bg),inset 0 -4px 0 var(--fg)}
.q.dim{opacity:.35}
.q.hit mark{outline:2px solid #bf8700;outline-offset:1px}
.who{position:relative;display:inline-block;margin:0 .3em;padding:0 .4em;max-width:100%;font:600 .74rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg);border-left:3px solid var(--fg);border-radius:0 4px 4px 0;white-space:normal;vertical-align:.1em}
.ttl{font-weight:400}
.q:hover .who::after,.q:focus .who::after{content:attr(data-tip);position:absolute;left:0;top:calc(100% + 5px);z-index:4;width:max-content;max-width:min(18rem,calc(100vw - 1.5rem));padding:.4rem .6rem;white-space:pre-line;font:400 .8rem/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;color:#fff;background:#1f2328;border-radius:6px;box-shadow:0 4px 14px rgba(0,0,0,.25);pointer-events:none}
.q .who.flip::after{left:auto;right:0}
.q .who.up::after{top:auto;bottom:calc(100% + 5px)}
.m{text-decoration:underline 2px var(--fg);text-underline-offset:3px}
.cue{text-decoration:underline dotted 2px #6e7781;text-underline-offset:3px}
.empty{color:var(--muted);font-style:italic}
[hidden]{display:none!important}
@media (max-width:640px){
body{font-size:15px}
.wrap{padding:0 .5rem}
.doc{padding:.6rem .7rem .8rem;border-radius:6px}
.text{font-size:1rem;line-height:1.7}
.index{max-height:40vh}
.index th,.index td{padding:.25rem .35rem}
.index .t{display:none}
.index .t2{display:block;margin:0 0 .1rem 1.65rem;color:var(--muted);font-size:.82rem;line-height:1.35}
}
"#;

/// The page's script: filters by speaker and text in one pass over the documents, places
/// tooltips, and marks `<body data-ready="1">` once set up.
const JS: &str = r#"(function () {
  "use strict";
  var docs = [], els = document.querySelectorAll("article.doc");
  for (var i = 0; i < els.length; i++) {
    var qs = els[i].querySelectorAll(".q"), sp = new Set();
    for (var j = 0; j < qs.length; j++) sp.add(qs[j].getAttribute("data-s"));
    docs.push({ el: els[i], qs: qs, sp: sp, text: null, dim: null, hit: "" });
  }
  var buttons = document.querySelectorAll("button.sp");
  var search = document.getElementById("search");
  var status = document.getElementById("status");
  var none = document.getElementById("none");
  var speaker = null, query = "", timer = 0;

  function apply() {
    var shown = 0;
    for (var i = 0; i < docs.length; i++) {
      var d = docs[i], ok = speaker === null || d.sp.has(speaker);
      if (ok && query) {
        if (d.text === null) d.text = d.el.textContent.toLowerCase();
        ok = d.text.indexOf(query) >= 0;
      }
      d.el.hidden = !ok;
      if (!ok) continue;
      shown++;
      var j;
      if (d.dim !== speaker) {
        for (j = 0; j < d.qs.length; j++)
          d.qs[j].classList.toggle("dim", speaker !== null && d.qs[j].getAttribute("data-s") !== speaker);
        d.dim = speaker;
      }
      if (d.hit !== query) {
        for (j = 0; j < d.qs.length; j++)
          d.qs[j].classList.toggle("hit", query !== "" && d.qs[j].textContent.toLowerCase().indexOf(query) >= 0);
        d.hit = query;
      }
    }
    for (var k = 0; k < buttons.length; k++)
      buttons[k].setAttribute("aria-pressed", String(buttons[k].getAttribute("data-s") === speaker));
    none.hidden = shown > 0 || docs.length === 0;
    status.textContent = speaker === null && !query ? "" :
      "Showing " + shown + " of " + docs.length + " documents" +
      (speaker === null ? "" : " quoting " + (speaker || "no speaker")) +
      (query ? " matching \u201c" + search.value.trim() + "\u201d" : "") + ".";
  }

  document.getElementById("index").addEventListener("click", function (e) {
    var b = e.target.closest("button.sp");
    if (!b) return;
    var s = b.getAttribute("data-s");
    speaker = speaker === s ? null : s;
    apply();
  });
  document.getElementById("all").addEventListener("click", function () {
    speaker = null;
    search.value = "";
    query = "";
    apply();
  });
  search.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      query = search.value.trim().toLowerCase();
      apply();
    }, 150);
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "/" && document.activeElement !== search) {
      e.preventDefault();
      search.focus();
    } else if (e.key === "Escape" && document.activeElement === search) {
      search.value = "";
      query = "";
      apply();
    }
  });

  // Keeps a quote's tooltip inside its document: to the left near the right edge, above
  // near the bottom.
  function place(e) {
    var q = e.target.closest && e.target.closest(".q");
    if (!q) return;
    var who = q.querySelector(".who"), doc = q.closest("article");
    var r = who.getBoundingClientRect(), box = doc.getBoundingClientRect();
    who.classList.toggle("flip", r.left + 290 > box.right);
    who.classList.toggle("up", r.bottom + 110 > box.bottom && r.top - 110 > box.top);
  }
  document.addEventListener("focusin", place);
  document.addEventListener("mouseover", place);

  // A link can open the page filtered: report.html#s=Jake%20Sullivan&q=intelligence
  var hash = location.hash.slice(1);
  if (hash.indexOf("=") >= 0) {
    var params = new URLSearchParams(hash);
    if (params.has("s")) speaker = params.get("s");
    if (params.has("q")) search.value = params.get("q");
  }
  query = search.value.trim().toLowerCase();
  apply();
  document.body.setAttribute("data-ready", "1");
})();
"#;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::Rule;

    fn quote(text: &str, quote: &str, who: Option<(&str, &str)>, mention: Option<&str>) -> Quote {
        let span = |s: &str| {
            let start = text.find(s).unwrap();
            Span::new(start, start + s.len())
        };
        Quote {
            kind: QuoteKind::Direct,
            span: span(quote),
            speaker: who.map(|w| w.0.to_owned()),
            title: who.map(|w| w.1.to_owned()).filter(|t| !t.is_empty()),
            mention: mention.map(span),
            cue: text.find("said").map(|i| Span::new(i, i + 4)),
            rule: if who.is_some() {
                Rule::AfterMentionCue
            } else {
                Rule::Unattributed
            },
            confidence: if who.is_some() { 0.95 } else { 0.3 },
        }
    }

    /// The text between `<div class="text">` and its `</div>`, tags removed, unescaped.
    fn shown_text(html: &str) -> String {
        let start = html.find("<div class=\"text\">").unwrap() + "<div class=\"text\">".len();
        let end = start + html[start..].find("</div>").unwrap();
        let mut out = String::new();
        let mut in_tag = false;
        for c in html[start..end].chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => out.push(c),
                _ => {}
            }
        }
        out.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&")
    }

    #[test]
    fn escapes_text_and_attributes() {
        assert_eq!(escape_html(""), "");
        assert_eq!(escape_html("plain “text” ünïcode"), "plain “text” ünïcode");
        assert_eq!(
            escape_html("<script>alert('x')</script> & \"y\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;y&quot;"
        );
        assert_eq!(escape_html("a\0b"), "a\u{fffd}b");
        assert_eq!(escape_html("&amp;"), "&amp;amp;");
    }

    #[test]
    fn document_text_ids_names_and_titles_are_escaped() {
        let text = "<script>alert(1)</script> “<b>Hi</b> & bye,” said <i>Eve</i>. \"x\" 'y'";
        let q = quote(
            text,
            "“<b>Hi</b> & bye,”",
            Some(("<i>Eve</i>\"", "<u>boss</u>'")),
            Some("<i>Eve</i>"),
        );
        let ex = Extraction { quotes: vec![q] };
        let html = render([("<img src=x onerror=alert(2)>", text, &ex)]);
        // The only tags are the report's own.
        for bad in ["<script>alert", "<b>", "<i>Eve", "<u>", "<img", "\"x\" 'y'"] {
            assert!(!html.contains(bad), "{bad} unescaped");
        }
        assert_eq!(
            html.matches("<script>").count(),
            1,
            "only the report's script"
        );
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(html.contains("data-s=\"&lt;i&gt;Eve&lt;/i&gt;&quot;\""));
        assert!(html.contains("&lt;img src=x onerror=alert(2)&gt;"));
        // And the text reads as written, the speaker label added after the quote.
        assert_eq!(
            shown_text(&html),
            text.replace(",”", ",”<i>Eve</i>\" · <u>boss</u>'")
        );
    }

    #[test]
    fn colours_are_deterministic_and_spread() {
        assert_eq!(
            speaker_colour("Jake Sullivan"),
            speaker_colour("Jake Sullivan")
        );
        // FNV-1a is fixed: these never change between runs, builds or platforms.
        assert_eq!(speaker_colour(""), (0xcbf2_9ce4_8422_2325u64 % 10) as usize);
        let names: Vec<String> = (0..200).map(|i| format!("Speaker {i}")).collect();
        let mut used = [0usize; PALETTE.len()];
        for n in &names {
            used[speaker_colour(n)] += 1;
        }
        assert!(used.iter().all(|&n| n >= 5), "{used:?}");
        let ex = |who: &str| Extraction {
            quotes: vec![quote("“A,” X said.", "“A,”", Some((who, "")), Some("X"))],
        };
        let a = render([("d", "“A,” X said.", &ex("Ann Wu"))]);
        let b = render([
            ("e", "“A,” X said.", &ex("Bo Li")),
            ("d", "“A,” X said.", &ex("Ann Wu")),
        ]);
        let class = format!("class=\"q c{}\"", speaker_colour("Ann Wu"));
        assert!(a.contains(&class) && b.contains(&class));
    }

    #[test]
    fn speaker_index_counts_quotes_and_documents() {
        let t = "“A,” Ann said. “B,” Bo said. “C,” he said.";
        let q = |s: &str, who: Option<&str>| quote(t, s, who.map(|w| (w, "mayor")), None);
        let d1 = Extraction {
            quotes: vec![
                q("“A,”", Some("Ann")),
                q("“B,”", Some("Bo")),
                q("“C,”", None),
            ],
        };
        let d2 = Extraction {
            quotes: vec![q("“A,”", Some("Ann")), q("“B,”", Some("Ann"))],
        };
        let html = render([
            ("d1", t, &d1),
            ("d2", t, &d2),
            ("d3", "", &Extraction::default()),
        ]);
        let ann = "data-s=\"Ann\">Ann</button><span class=\"t2\">mayor</span></td>\
                   <td class=\"t\">mayor</td><td class=\"n\">3</td><td class=\"n\">2</td></tr>";
        let bo = "data-s=\"Bo\">Bo</button><span class=\"t2\">mayor</span></td>\
                  <td class=\"t\">mayor</td><td class=\"n\">1</td><td class=\"n\">1</td></tr>";
        let nobody = "data-s=\"\"><i>no speaker</i></button></td><td class=\"t\"></td>\
                      <td class=\"n\">1</td><td class=\"n\">1</td></tr>";
        let (a, b, n) = (
            html.find(ann).expect(ann),
            html.find(bo).expect(bo),
            html.find(nobody).expect(nobody),
        );
        assert!(a < b && b < n, "most quoted first, no speaker last");
        assert!(html.contains("3 documents · 5 quotes · 2 speakers · 1 without a speaker"));
        assert_eq!(html.matches("<article class=\"doc\"").count(), 3);
        assert_eq!(html.matches("tabindex=\"0\"").count(), 5);
        assert!(html.contains("<p class=\"meta\">3 quotes · 2 speakers</p>"));
        assert!(html.contains("<p class=\"meta\">0 quotes · 0 speakers</p>"));
    }

    #[test]
    fn quotes_carry_label_and_tooltip_and_marks_stay_outside_quotes() {
        let text = "“Yes,” Ann Wu said. Then “no.”";
        let mut first = quote(text, "“Yes,”", Some(("Ann Wu", "mayor")), Some("Ann Wu"));
        let mut second = quote(text, "“no.”", Some(("Ann Wu", "mayor")), Some("Ann Wu"));
        second.rule = Rule::Interrupted;
        second.confidence = 0.5;
        second.cue = None;
        first.kind = QuoteKind::Direct;
        let ex = Extraction {
            quotes: vec![first, second],
        };
        let mut out = String::new();
        write_document(&mut out, 7, "d", text, &ex);
        let c = speaker_colour("Ann Wu");
        assert!(out.starts_with("<article class=\"doc\" id=\"d7\">"));
        assert!(out.contains(&format!(
            "<span class=\"q c{c}\" tabindex=\"0\" data-s=\"Ann Wu\"><mark>“Yes,”</mark>\
             <span class=\"who\" data-tip=\"rule: after.mention-cue&#10;cue: said&#10;\
             mention: Ann Wu&#10;confidence: 0.95&#10;kind: direct\">Ann Wu\
             <span class=\"ttl\"> · mayor</span></span></span>"
        )));
        assert!(out.contains(&format!("class=\"q c{c} low\"")));
        assert!(out.contains("cue: –&#10;mention: Ann Wu"));
        // The shared mention is marked once, the cue once.
        assert_eq!(out.matches("class=\"m ").count(), 1);
        assert!(out.contains(&format!(
            "<span class=\"m c{c}\">Ann Wu</span> <span class=\"cue\">said</span>"
        )));
        assert_eq!(
            shown_text(&out),
            text.replace(",”", ",”Ann Wu · mayor") + "Ann Wu · mayor"
        );
    }

    #[test]
    fn the_page_is_self_contained() {
        let html = render(std::iter::empty());
        for external in ["src=", "href=\"http", "url(", "@import", "<link"] {
            assert!(!html.contains(external), "{external}");
        }
        assert!(html.contains("default-src 'none'"));
        assert!(html.contains("No documents."));
        assert!(html.ends_with("</html>\n"));
    }
}
