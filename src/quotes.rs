//! The quote finder: quoted spans of a document, with their marks.
//!
//! [`find_quotes`] scans each paragraph once, left to right, for quotation marks and pairs them
//! with a small stack. It knows nothing about speakers: a scare quote (`the so-called “dark
//! fleet”`) is returned like a line of speech, and another module decides what is speech and
//! who said it.
//!
//! What it handles:
//!
//! - curly “ ” and ‘ ’, straight `"` and `'`, guillemets « » (and » « as German and Danish use
//!   them), low-high „ “ / „ ”, and LaTeX/Penn Treebank style (two backticks ... two
//!   apostrophes);
//! - apostrophes, which are not quotation marks: `it’s`, `O’Brien`, `’90s`, `rock ’n’ roll`,
//!   `Iran’s`, `the leaders’ summit`, elisions such as `’em`;
//! - straight marks, whose role (open or close) comes from the characters around them;
//! - nesting: a quote inside a quote is listed in [`QuoteSpan::nested`], not at top level;
//! - the news convention for a quote that runs over several paragraphs, where every paragraph but
//!   the last opens with a mark and only the last closes ([`QuoteSpan::continues`]);
//! - unclosed marks, which never run past their paragraph: one that opens the paragraph or
//!   clearly opens speech (after `:` or a verb such as `said`) gives a fragment up to the
//!   paragraph end, any other is a stray mark and is ignored;
//! - common sloppiness seen in real news: a quote opened with one kind of double mark and closed
//!   with another (`“no sign"`, `"more time”`), a “ typed where ” belongs, inch marks (`6’2”`),
//!   and excerpts set off by a single opening mark that is never closed (their inner quotes are
//!   returned instead).
//!
//! The scan is linear in the length of the text, whatever the marks: candidate bytes are found
//! with `memchr`, each mark is classified from its neighbouring characters, the stack of open
//! quotes holds at most one quote per style, and the one lookahead (for `the leaders’ summit`
//! inside a single-quoted quote) caches its answer, so each mark is read at most a few times.

use crate::span::Span;

/// The kind of quotation marks around a quote.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkStyle {
    /// “ ” (and ” ” as in Swedish and Finnish).
    CurlyDouble,
    /// ‘ ’.
    CurlySingle,
    /// `"`.
    StraightDouble,
    /// `'`.
    StraightSingle,
    /// « » and the reversed » «.
    Guillemet,
    /// „ “ and „ ”.
    LowHigh,
    /// Two backticks ... two apostrophes, as LaTeX and the Penn Treebank write quotes.
    Backtick,
}

impl MarkStyle {
    /// True for the styles that quote speech at top level (as opposed to single marks, which in
    /// most English news nest inside them).
    fn is_double(self) -> bool {
        !matches!(self, MarkStyle::CurlySingle | MarkStyle::StraightSingle)
    }
}

/// One quoted span found by [`find_quotes`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuoteSpan {
    /// The quote with its marks. For an unclosed fragment: from the open mark to the end of its
    /// paragraph.
    pub span: Span,
    /// The text between the marks.
    pub content: Span,
    /// The kind of marks.
    pub style: MarkStyle,
    /// Index into the `paragraphs` slice passed in.
    pub paragraph: usize,
    /// False when no closing mark was found in the paragraph.
    pub closed: bool,
    /// Multi-paragraph convention: this fragment is unclosed and the SAME quote goes on in the
    /// next paragraph, which opens with a mark of the same style.
    pub continues: bool,
    /// Quotes nested directly inside this one (e.g. ‘...’ inside “...”), for information.
    pub nested: Vec<Span>,
}

/// Top-level quoted spans of `text`, sorted by start, non-overlapping.
///
/// `paragraphs` are byte spans (sorted, non-overlapping, trimmed) as produced by the segmenter.
/// Text outside every paragraph is not searched, and no quote crosses a paragraph boundary.
/// Paragraph spans that are out of bounds or not on character boundaries are skipped.
///
/// For `“We will not back down,” the minister said.` it returns one closed
/// [`MarkStyle::CurlyDouble`] quote whose span is `“We will not back down,”` and whose content
/// is `We will not back down,`.
///
/// With `doubled_apostrophes` set, two apostrophes (`''`) are a quotation mark that opens
/// and closes, as in news archive exports (`''We will win,'' he said.`); the LaTeX style (two
/// backticks ... two apostrophes) is then not read.
pub fn find_quotes(text: &str, paragraphs: &[Span], doubled_apostrophes: bool) -> Vec<QuoteSpan> {
    let mut out = Vec::new();
    for (index, &para) in paragraphs.iter().enumerate() {
        if para.start > para.end || text.get(para.start..para.end).is_none() {
            continue;
        }
        let next = paragraphs
            .get(index + 1)
            .filter(|n| n.start <= n.end)
            .and_then(|n| text.get(n.start..n.end));
        Paragraph {
            text,
            span: para,
            index,
            next,
            doubled_apostrophes,
        }
        .find(&mut out);
    }
    // Paragraphs are meant to be sorted and disjoint; keep the promise even when they are not.
    if out.windows(2).any(|w| w[1].span.start < w[0].span.end) {
        out.sort_by_key(|q| (q.span.start, std::cmp::Reverse(q.span.end)));
        let mut kept: Vec<QuoteSpan> = Vec::with_capacity(out.len());
        for q in out {
            if kept.last().map_or(true, |k| k.span.end <= q.span.start) {
                kept.push(q);
            }
        }
        out = kept;
    }
    out
}

/// A quotation mark as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mark {
    /// “
    LeftDouble,
    /// ”
    RightDouble,
    /// ‘
    LeftSingle,
    /// ’
    RightSingle,
    /// „
    LowDouble,
    /// «
    LeftGuillemet,
    /// »
    RightGuillemet,
    /// "
    StraightDouble,
    /// '
    StraightSingle,
    /// ``
    OpenBackticks,
    /// ''
    CloseApostrophes,
}

impl Mark {
    /// Marks that belong to the double (outer) family.
    fn is_double(self) -> bool {
        !matches!(
            self,
            Mark::LeftSingle | Mark::RightSingle | Mark::StraightSingle
        )
    }
}

/// One mark found in a paragraph, with its surroundings.
#[derive(Clone, Copy, Debug)]
struct Tok {
    /// Byte offset of the mark.
    pos: usize,
    /// One past the mark (past both marks of `’n’`).
    end: usize,
    mark: Mark,
    /// The character before the mark, `None` at the paragraph start.
    prev: Option<char>,
    /// The character after the mark, `None` at the paragraph end.
    next: Option<char>,
    /// A single mark used as an apostrophe in a position that cannot be a quotation mark
    /// (`it’s`, `’90s`, `’n’`, `’em`).
    apostrophe: bool,
}

impl Tok {
    /// Followed by a visible character: the mark can open.
    fn before_text(&self) -> bool {
        self.next.is_some_and(|c| !c.is_whitespace())
    }

    /// Preceded by a visible character: the mark can close.
    fn after_text(&self) -> bool {
        self.prev.is_some_and(|c| !c.is_whitespace())
    }

    /// Open context for a straight mark: at a word start and followed by text.
    fn open_context(&self) -> bool {
        self.prev.map_or(true, opens_before) && self.before_text()
    }

    /// Close context for a straight mark: after text and not followed by a letter or digit.
    fn close_context(&self) -> bool {
        self.after_text() && self.next.map_or(true, |c| !c.is_alphanumeric())
    }

    /// `s’ ` / `s' `: a plural possessive or a closing mark.
    fn possessive_shape(&self) -> bool {
        matches!(self.prev, Some('s' | 'S')) && self.next.is_some_and(char::is_whitespace)
    }
}

/// Characters after which a straight mark starts a quote.
fn opens_before(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '(' | '['
                | '{'
                | '<'
                | '—'
                | '–'
                | '-'
                | '‐'
                | '/'
                | '"'
                | '\''
                | '`'
                | '“'
                | '‘'
                | '„'
                | '«'
                | '»'
        )
}

/// Words that an apostrophe opens by eliding their first letters: `’em`, `’til`, `’n`.
const ELISIONS: &[&str] = &["em", "til", "tis", "twas", "cause", "bout", "n"];

/// Verbs after which an opening mark clearly starts speech, even when it is never closed.
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "asked",
    "asks",
    "wrote",
    "writes",
    "tweeted",
    "declared",
    "stated",
    "explained",
    "insisted",
    "replied",
    "warned",
    "continued",
    "noted",
    "argued",
    "claimed",
    "recalled",
    "read",
    "reads",
];

/// Finds the marks of one paragraph, left to right.
struct Scanner<'t> {
    text: &'t str,
    /// Paragraph start and end.
    start: usize,
    end: usize,
    /// Where to look next.
    pos: usize,
    /// Next `"`, `'` or 0xE2 byte at or after `pos` (`end`: none left); `None`: not known.
    next_common: Option<usize>,
    /// `(p, true)`: the next 0xC2 (« ») or '`' byte is at `p`; `(p, false)`: there is none
    /// before `p`, the next common byte. `None`: not known.
    next_rare: Option<(usize, bool)>,
    /// `''` is a straight double mark.
    doubled_apostrophes: bool,
}

impl<'t> Scanner<'t> {
    fn new(text: &'t str, span: Span, pos: usize, doubled_apostrophes: bool) -> Scanner<'t> {
        Scanner {
            text,
            start: span.start,
            end: span.end,
            pos,
            next_common: None,
            next_rare: None,
            doubled_apostrophes,
        }
    }

    /// The next candidate byte: a byte that may begin a mark.
    ///
    /// The rare bytes are only searched for up to the next common one, so the work done is
    /// bounded by how far the scanner moves, also for a scanner that stops early.
    fn next_candidate(&mut self) -> Option<usize> {
        if self.pos >= self.end {
            return None;
        }
        let bytes = &self.text.as_bytes()[..self.end];
        let common = match self.next_common {
            Some(p) if p >= self.pos => p,
            _ => {
                let p = memchr::memchr3(b'"', b'\'', 0xE2, &bytes[self.pos..])
                    .map_or(self.end, |i| i + self.pos);
                self.next_common = Some(p);
                p
            }
        };
        let rare = match self.next_rare {
            Some((p, found)) if p >= self.pos => (p, found),
            _ => {
                let r = match memchr::memchr2(0xC2, b'`', &bytes[self.pos..common]) {
                    Some(i) => (i + self.pos, true),
                    None => (common, false),
                };
                self.next_rare = Some(r);
                r
            }
        };
        let next = if rare.1 { rare.0.min(common) } else { common };
        (next < self.end).then_some(next)
    }

    fn next_tok(&mut self) -> Option<Tok> {
        let bytes = &self.text.as_bytes()[..self.end];
        loop {
            let c = self.next_candidate()?;
            let at = |k: usize| bytes.get(c + k).copied();
            let found = match bytes[c] {
                b'"' => Some((Mark::StraightDouble, 1)),
                b'\'' if at(1) == Some(b'\'') && self.doubled_apostrophes => {
                    Some((Mark::StraightDouble, 2))
                }
                b'\'' if at(1) == Some(b'\'') => Some((Mark::CloseApostrophes, 2)),
                b'\'' => Some((Mark::StraightSingle, 1)),
                b'`' if at(1) == Some(b'`') => Some((Mark::OpenBackticks, 2)),
                0xE2 if at(1) == Some(0x80) => match at(2) {
                    Some(0x98) => Some((Mark::LeftSingle, 3)),
                    Some(0x99) => Some((Mark::RightSingle, 3)),
                    Some(0x9C) => Some((Mark::LeftDouble, 3)),
                    Some(0x9D) => Some((Mark::RightDouble, 3)),
                    Some(0x9E) => Some((Mark::LowDouble, 3)),
                    _ => None,
                },
                0xC2 => match at(1) {
                    Some(0xAB) => Some((Mark::LeftGuillemet, 2)),
                    Some(0xBB) => Some((Mark::RightGuillemet, 2)),
                    _ => None,
                },
                _ => None,
            };
            let Some((mark, len)) = found else {
                self.pos = c + 1;
                continue;
            };
            let mut tok = Tok {
                pos: c,
                end: c + len,
                mark,
                prev: self.text[self.start..c].chars().next_back(),
                next: self.text[c + len..self.end].chars().next(),
                apostrophe: false,
            };
            if matches!(
                mark,
                Mark::LeftSingle | Mark::RightSingle | Mark::StraightSingle
            ) {
                self.classify_apostrophe(&mut tok);
            }
            self.pos = tok.end;
            return Some(tok);
        }
    }

    /// Marks single marks that can only be apostrophes; may extend `tok` over `’n’`.
    fn classify_apostrophe(&self, tok: &mut Tok) {
        let prev_alnum = tok.prev.is_some_and(char::is_alphanumeric);
        if prev_alnum {
            // it’s, O’Brien, don't, 90's.
            tok.apostrophe = tok.next.is_some_and(char::is_alphanumeric);
            return;
        }
        let rest = &self.text[tok.end..self.end];
        let mut chars = rest.chars();
        let (c1, c2, c3) = (chars.next(), chars.next(), chars.next());
        // rock ’n’ roll: both marks are apostrophes.
        if matches!(c1, Some('n' | 'N'))
            && matches!(c2, Some('\'' | '‘' | '’'))
            && c3.map_or(true, |c| !c.is_alphanumeric())
        {
            tok.apostrophe = true;
            tok.end += 1 + c2.map_or(0, char::len_utf8);
            tok.next = self.text[tok.end..self.end].chars().next();
            return;
        }
        // ’90s, '16 election.
        if c1.is_some_and(|c| c.is_ascii_digit())
            && c2.is_some_and(|c| c.is_ascii_digit())
            && c3.map_or(true, |c| !c.is_ascii_digit())
        {
            tok.apostrophe = true;
            return;
        }
        // ’em, 'til, ’cause.
        let word_len = rest
            .bytes()
            .take(6)
            .take_while(u8::is_ascii_alphabetic)
            .count();
        if word_len > 0 && word_len < 6 {
            let word = &rest[..word_len];
            let after = rest[word_len..].chars().next();
            if after.map_or(true, |c| !c.is_alphanumeric())
                && ELISIONS.iter().any(|e| e.eq_ignore_ascii_case(word))
            {
                tok.apostrophe = true;
            }
        }
    }
}

/// A quote opened and not yet closed.
#[derive(Debug)]
struct Open {
    style: MarkStyle,
    opener: Mark,
    start: usize,
    content_start: usize,
    /// Closed quotes found directly inside it so far.
    children: Vec<QuoteSpan>,
}

/// What a lookahead found first after a possessive-shaped mark.
#[derive(Clone, Copy, Debug)]
struct Lookahead {
    /// Position of the first relevant mark after the query (usize::MAX: none).
    event: usize,
    /// True when that mark can close the single quote.
    is_close: bool,
}

/// The matching state of one paragraph.
struct Paragraph<'t> {
    text: &'t str,
    span: Span,
    index: usize,
    /// The next paragraph's text.
    next: Option<&'t str>,
    /// `''` is a straight double mark.
    doubled_apostrophes: bool,
}

impl<'t> Paragraph<'t> {
    fn find(&self, out: &mut Vec<QuoteSpan>) {
        let mut found: Vec<QuoteSpan> = Vec::new();
        let mut stack: Vec<Open> = Vec::new();
        let mut scanner = Scanner::new(
            self.text,
            self.span,
            self.span.start,
            self.doubled_apostrophes,
        );
        // One cached lookahead per single-mark kind: curly ’ and straight '.
        let mut lookahead: [Option<Lookahead>; 2] = [None, None];

        while let Some(tok) = scanner.next_tok() {
            if tok.apostrophe {
                continue;
            }
            match tok.mark {
                Mark::LeftDouble => {
                    let inner = stack.iter().rposition(|o| o.style.is_double());
                    let inner_opener = inner.map(|j| stack[j].opener);
                    let can_close =
                        matches!(inner_opener, Some(Mark::LeftDouble | Mark::StraightDouble));
                    // A “ typed where a closing mark belongs: `we won,“ he said`, `true. “`.
                    let closing = (tok.after_text() && !tok.open_context())
                        || (!tok.before_text() && (tok.after_text() || can_close));
                    match inner {
                        Some(j) if inner_opener == Some(Mark::LowDouble) => {
                            self.close(&mut stack, &mut found, j, &tok)
                        }
                        Some(j) if closing && can_close => {
                            self.close(&mut stack, &mut found, j, &tok)
                        }
                        _ if closing && !tok.before_text() => {}
                        _ => open(&mut stack, &mut found, MarkStyle::CurlyDouble, &tok),
                    }
                }
                Mark::RightDouble if self.is_inch_mark(&tok) => {}
                Mark::StraightDouble if self.is_inch_mark(&tok) => {}
                Mark::RightDouble => {
                    let j = find(&stack, |o| {
                        matches!(o.style, MarkStyle::CurlyDouble | MarkStyle::LowHigh)
                    });
                    let straight = innermost_double(&stack, |m| m == Mark::StraightDouble);
                    match (j, straight) {
                        (Some(j), _) => self.close(&mut stack, &mut found, j, &tok),
                        // Sloppy mixed marks: "...”
                        (None, Some(j)) if tok.after_text() => {
                            self.close(&mut stack, &mut found, j, &tok)
                        }
                        // ”...” as Swedish and Finnish write it.
                        _ if tok.open_context() && !tok.close_context() => {
                            open(&mut stack, &mut found, MarkStyle::CurlyDouble, &tok)
                        }
                        _ => {}
                    }
                }
                Mark::LowDouble => open(&mut stack, &mut found, MarkStyle::LowHigh, &tok),
                Mark::LeftGuillemet => {
                    let j = find(&stack, |o| o.style == MarkStyle::Guillemet);
                    match j {
                        Some(j) if stack[j].opener == Mark::RightGuillemet => {
                            self.close(&mut stack, &mut found, j, &tok)
                        }
                        _ => open(&mut stack, &mut found, MarkStyle::Guillemet, &tok),
                    }
                }
                Mark::RightGuillemet => {
                    let j = find(&stack, |o| o.style == MarkStyle::Guillemet);
                    match j {
                        Some(j) if stack[j].opener == Mark::LeftGuillemet => {
                            self.close(&mut stack, &mut found, j, &tok)
                        }
                        // »...« as German and Danish write it.
                        _ if tok.open_context() => {
                            open(&mut stack, &mut found, MarkStyle::Guillemet, &tok)
                        }
                        _ => {}
                    }
                }
                Mark::StraightDouble => {
                    let j = find(&stack, |o| o.style == MarkStyle::StraightDouble);
                    match (tok.open_context(), tok.close_context(), j) {
                        (true, false, _) | (false, false, None) | (true, true, None) => {
                            open(&mut stack, &mut found, MarkStyle::StraightDouble, &tok)
                        }
                        (_, _, Some(j)) => self.close(&mut stack, &mut found, j, &tok),
                        // Sloppy mixed marks: “..."
                        (false, true, None) => {
                            if let Some(j) = innermost_double(&stack, |m| m == Mark::LeftDouble) {
                                self.close(&mut stack, &mut found, j, &tok);
                            }
                        }
                    }
                }
                Mark::OpenBackticks => open(&mut stack, &mut found, MarkStyle::Backtick, &tok),
                Mark::CloseApostrophes => {
                    if let Some(j) = find(&stack, |o| o.style == MarkStyle::Backtick) {
                        self.close(&mut stack, &mut found, j, &tok);
                    }
                }
                Mark::LeftSingle => {
                    // After a letter it is a mistyped apostrophe (`the Joneses‘ house`).
                    if tok.before_text() && !tok.prev.is_some_and(char::is_alphanumeric) {
                        open(&mut stack, &mut found, MarkStyle::CurlySingle, &tok);
                    }
                }
                Mark::RightSingle => {
                    if !tok.after_text() {
                        continue;
                    }
                    if let Some(j) = closable_single(&stack, MarkStyle::CurlySingle) {
                        if !(tok.possessive_shape() && self.close_follows(&mut lookahead[0], &tok))
                        {
                            self.close(&mut stack, &mut found, j, &tok);
                        }
                    }
                }
                Mark::StraightSingle => {
                    let (opens, closes) = (tok.open_context(), tok.close_context());
                    if opens && !closes {
                        open(&mut stack, &mut found, MarkStyle::StraightSingle, &tok);
                    } else if closes {
                        if let Some(j) = closable_single(&stack, MarkStyle::StraightSingle) {
                            if !(tok.possessive_shape()
                                && self.close_follows(&mut lookahead[1], &tok))
                            {
                                self.close(&mut stack, &mut found, j, &tok);
                            }
                        }
                    }
                }
            }
        }
        self.finish(stack, &mut found);
        found.sort_by_key(|q| q.span.start);
        out.append(&mut found);
    }

    /// Closes the open quote at `stack[j]` with the mark `tok`; quotes opened after it are
    /// dropped as stray marks.
    fn close(&self, stack: &mut Vec<Open>, found: &mut Vec<QuoteSpan>, j: usize, tok: &Tok) {
        while stack.len() > j + 1 {
            discard_top(stack, found);
        }
        let Some(o) = stack.pop() else { return };
        let quote = QuoteSpan {
            span: Span::new(o.start, tok.end),
            content: Span::new(o.content_start, tok.pos),
            style: o.style,
            paragraph: self.index,
            closed: true,
            continues: false,
            nested: o.children.iter().map(|c| c.span).collect(),
        };
        if has_alnum(quote.content.slice(self.text)) {
            push_found(stack, found, vec![quote]);
        } else {
            push_found(stack, found, o.children);
        }
    }

    /// At the paragraph end: keeps the outermost unclosed quote that follows the
    /// multi-paragraph convention, starts the paragraph, or clearly opens speech; the other
    /// unclosed marks are strays.
    fn finish(&self, mut stack: Vec<Open>, found: &mut Vec<QuoteSpan>) {
        let keep = stack.iter().position(|o| {
            self.continues(o) || o.start == self.span.start || self.opens_speech(o.start)
        });
        if let Some(k) = keep {
            while stack.len() > k + 1 {
                discard_top(&mut stack, found);
            }
            if let Some(o) = stack.pop() {
                let content = Span::new(o.content_start, self.span.end);
                let continues = self.continues(&o);
                // A paragraph that opens with a mark it never closes and holds closed double
                // quotes is usually an excerpt set off by one stray mark: its inner quotes are
                // the better reading.
                let excerpt = !continues && o.children.iter().any(|c| c.style.is_double());
                if has_alnum(content.slice(self.text)) && !excerpt {
                    let quote = QuoteSpan {
                        span: Span::new(o.start, self.span.end),
                        content,
                        style: o.style,
                        paragraph: self.index,
                        closed: false,
                        continues,
                        nested: o.children.iter().map(|c| c.span).collect(),
                    };
                    push_found(&mut stack, found, vec![quote]);
                } else {
                    push_found(&mut stack, found, o.children);
                }
            }
        }
        while !stack.is_empty() {
            discard_top(&mut stack, found);
        }
    }

    /// True when the next paragraph opens with the same mark as `o`.
    fn continues(&self, o: &Open) -> bool {
        let Some(next) = self.next else { return false };
        let opener = match o.opener {
            Mark::LeftDouble => "“",
            Mark::RightDouble => "”",
            Mark::LeftSingle => "‘",
            Mark::LowDouble => "„",
            Mark::LeftGuillemet => "«",
            Mark::RightGuillemet => "»",
            Mark::StraightDouble => "\"",
            Mark::StraightSingle => "'",
            Mark::OpenBackticks => "``",
            Mark::RightSingle | Mark::CloseApostrophes => return false,
        };
        next.strip_prefix(opener)
            .and_then(|rest| rest.chars().next())
            .is_some_and(|c| !c.is_whitespace() || o.style == MarkStyle::Guillemet)
    }

    /// True for the second mark of a height such as `6’2”` or `5'10"`.
    fn is_inch_mark(&self, tok: &Tok) -> bool {
        if !tok.prev.is_some_and(|c| c.is_ascii_digit()) {
            return false;
        }
        let mut before = self.text[self.span.start..tok.pos].chars().rev();
        let mut c = before.next();
        let mut digits = 0;
        while c.is_some_and(|c| c.is_ascii_digit()) && digits < 3 {
            digits += 1;
            c = before.next();
        }
        matches!(c, Some('\'' | '’' | '′')) && before.next().is_some_and(|c| c.is_ascii_digit())
    }

    /// True when the mark at `pos` follows `:` or a speech verb (`said “`, `told reporters:
    /// “`, `says, "`).
    fn opens_speech(&self, pos: usize) -> bool {
        // Only the last few dozen bytes matter: this stays O(1) per mark.
        let mut from = pos.saturating_sub(48).max(self.span.start);
        while !self.text.is_char_boundary(from) {
            from += 1;
        }
        let before = self.text[from..pos].trim_end();
        if before.ends_with(':') {
            return true;
        }
        let before = before.strip_suffix(',').unwrap_or(before).trim_end();
        let word = before
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        SPEECH_VERBS.iter().any(|v| v.eq_ignore_ascii_case(word))
    }

    /// For a possessive-shaped single mark (`the leaders’ summit`) inside an open single quote:
    /// true when another mark that can close that quote comes first, before any opening
    /// single mark of the same kind or any double mark. The answer is cached until the mark it
    /// rests on, so the paragraph is scanned at most once more per kind.
    fn close_follows(&self, cache: &mut Option<Lookahead>, tok: &Tok) -> bool {
        if let Some(c) = cache {
            if tok.pos < c.event {
                return c.is_close;
            }
        }
        let curly = tok.mark == Mark::RightSingle;
        let mut scanner = Scanner::new(self.text, self.span, tok.end, self.doubled_apostrophes);
        let mut result = Lookahead {
            event: usize::MAX,
            is_close: false,
        };
        while let Some(t) = scanner.next_tok() {
            if t.apostrophe {
                continue;
            }
            let (closes, barrier) = match t.mark {
                m if m.is_double() => (false, true),
                Mark::RightSingle if curly => (t.after_text(), false),
                Mark::LeftSingle if curly => (false, t.before_text()),
                Mark::StraightSingle if !curly => {
                    let (o, c) = (t.open_context(), t.close_context());
                    (c, o && !c)
                }
                _ => (false, false),
            };
            if closes || barrier {
                result = Lookahead {
                    event: t.pos,
                    is_close: closes,
                };
                break;
            }
        }
        *cache = Some(result);
        result.is_close
    }
}

/// Index of the topmost open quote matching `pred`.
fn find(stack: &[Open], pred: impl Fn(&Open) -> bool) -> Option<usize> {
    stack.iter().rposition(pred)
}

/// Index of the innermost open double quote, when its opening mark satisfies `opener`.
fn innermost_double(stack: &[Open], opener: impl Fn(Mark) -> bool) -> Option<usize> {
    let j = stack.iter().rposition(|o| o.style.is_double())?;
    opener(stack[j].opener).then_some(j)
}

/// Index of the open single quote of `style` that a closing single mark may close: none when a
/// double quote was opened inside it (the mark is then an apostrophe inside that quote).
fn closable_single(stack: &[Open], style: MarkStyle) -> Option<usize> {
    let j = find(stack, |o| o.style == style)?;
    stack[j + 1..]
        .iter()
        .all(|o| !o.style.is_double())
        .then_some(j)
}

/// Opens a quote; an open quote of the same style (and whatever was opened inside it) is
/// dropped as a stray mark: quotes of one style do not nest.
fn open(stack: &mut Vec<Open>, found: &mut Vec<QuoteSpan>, style: MarkStyle, tok: &Tok) {
    if let Some(j) = find(stack, |o| o.style == style) {
        while stack.len() > j {
            discard_top(stack, found);
        }
    }
    stack.push(Open {
        style,
        opener: tok.mark,
        start: tok.pos,
        content_start: tok.end,
        children: Vec::new(),
    });
}

/// Drops the innermost open quote; the quotes found inside it move up one level.
fn discard_top(stack: &mut Vec<Open>, found: &mut Vec<QuoteSpan>) {
    if let Some(o) = stack.pop() {
        push_found(stack, found, o.children);
    }
}

/// Records closed quotes inside the innermost open quote, or at top level.
fn push_found(stack: &mut [Open], found: &mut Vec<QuoteSpan>, mut quotes: Vec<QuoteSpan>) {
    match stack.last_mut() {
        Some(parent) => parent.children.append(&mut quotes),
        None => found.append(&mut quotes),
    }
}

/// True when `s` holds a letter or a digit.
fn has_alnum(s: &str) -> bool {
    s.chars().any(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Paragraphs split on blank lines, trimmed, as a simple segmenter would.
    fn paragraphs(text: &str) -> Vec<Span> {
        let mut out = Vec::new();
        let mut start = 0;
        loop {
            let end = text[start..].find("\n\n").map_or(text.len(), |i| start + i);
            let raw = &text[start..end];
            let lead = raw.len() - raw.trim_start().len();
            let trimmed = raw.trim();
            if !trimmed.is_empty() {
                out.push(Span::new(start + lead, start + lead + trimmed.len()));
            }
            if end == text.len() {
                return out;
            }
            start = end + 2;
        }
    }

    fn quotes(text: &str) -> Vec<QuoteSpan> {
        let found = find_quotes(text, &paragraphs(text), false);
        assert_sane(text, &found);
        found
    }

    fn check(text: &str, expected: &[&str]) {
        let found = quotes(text);
        let got: Vec<&str> = found.iter().map(|q| q.span.slice(text)).collect();
        assert_eq!(got, expected, "in {text:?}");
    }

    /// Sorted, disjoint, on char boundaries, content inside span.
    fn assert_sane(text: &str, found: &[QuoteSpan]) {
        for w in found.windows(2) {
            assert!(w[0].span.end <= w[1].span.start, "{:?}", (&w[0], &w[1]));
        }
        for q in found {
            assert!(q.span.contains(q.content), "{q:?}");
            assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
            assert!(text.is_char_boundary(q.content.start));
            assert!(text.is_char_boundary(q.content.end));
            for n in &q.nested {
                assert!(q.content.contains(*n), "{q:?}");
            }
        }
    }

    #[test]
    fn curly_double() {
        check(
            "“We will rebuild the bridge by spring,” the mayor told reporters on Tuesday.",
            &["“We will rebuild the bridge by spring,”"],
        );
    }

    #[test]
    fn every_style() {
        check(
            "The senator called the plan ‘reckless’ in a statement.",
            &["‘reckless’"],
        );
        check(
            "\"Prices are still too high,\" the governor said.",
            &["\"Prices are still too high,\""],
        );
        check(
            "The union described the offer as 'an insult' to its members.",
            &["'an insult'"],
        );
        check(
            "« Nous resterons ici », a déclaré la maire.",
            &["« Nous resterons ici »"],
        );
        check(
            "Er sagte: »Wir bleiben hier« und ging.",
            &["»Wir bleiben hier«"],
        );
        check(
            "„Wir schaffen das“, sagte die Kanzlerin. „Ganz sicher”, fügte sie hinzu.",
            &["„Wir schaffen das“", "„Ganz sicher”"],
        );
        check(
            "The chairman said ``we expect growth'' in the coming year.",
            &["``we expect growth''"],
        );
        let found = quotes("A ``plain'' word, a “curly” one and a \"straight\" one.");
        let styles: Vec<MarkStyle> = found.iter().map(|q| q.style).collect();
        assert_eq!(
            styles,
            [
                MarkStyle::Backtick,
                MarkStyle::CurlyDouble,
                MarkStyle::StraightDouble
            ]
        );
    }

    #[test]
    fn content_and_flags() {
        let text = "She said “the vote is close” before leaving.";
        let q = &quotes(text)[0];
        assert_eq!(q.content.slice(text), "the vote is close");
        assert_eq!(q.style, MarkStyle::CurlyDouble);
        assert!(q.closed && !q.continues && q.nested.is_empty());
        assert_eq!(q.paragraph, 0);
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        check("It’s clear we’re not done, and O’Brien won’t say so.", &[]);
        check("It's clear we're not done, and O'Brien won't say so.", &[]);
        check("Music from the ’90s and the '16 election.", &[]);
        check(
            "They played rock ’n’ roll and rock 'n' roll all night.",
            &[],
        );
        check(
            "Iran’s envoy met Russia's minister at the leaders’ summit.",
            &[],
        );
        check("The Smiths' house and the Joneses' barn burned down.", &[]);
        check(
            "We'll give 'em a fight 'til the end, the coach's aides said.",
            &[],
        );
    }

    #[test]
    fn apostrophes_inside_quotes() {
        check(
            "“It’s the ’90s all over again,” said O’Brien.",
            &["“It’s the ’90s all over again,”"],
        );
        check(
            "‘The leaders’ summit failed,’ a diplomat said.",
            &["‘The leaders’ summit failed,’"],
        );
        check(
            "'The ministers' talks went well,' an aide said.",
            &["'The ministers' talks went well,'"],
        );
        check(
            "He called the rules ‘the owners’ and ‘the players’ problem.",
            &["‘the owners’", "‘the players’"],
        );
        check(
            "Her aides called it ‘rock ’n’ roll politics’ at the time.",
            &["‘rock ’n’ roll politics’"],
        );
    }

    #[test]
    fn nested_curly() {
        let text = "“He told me ‘no way’ twice,” the driver said.";
        let found = quotes(text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span.slice(text), "“He told me ‘no way’ twice,”");
        let nested: Vec<&str> = found[0].nested.iter().map(|s| s.slice(text)).collect();
        assert_eq!(nested, ["‘no way’"]);
    }

    #[test]
    fn nested_straight() {
        let text = "\"He said 'never' again,\" the witness recalled.";
        let found = quotes(text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span.slice(text), "\"He said 'never' again,\"");
        let nested: Vec<&str> = found[0].nested.iter().map(|s| s.slice(text)).collect();
        assert_eq!(nested, ["'never'"]);
        check(
            "\"They keep asking 'why now?'\" she said.",
            &["\"They keep asking 'why now?'\""],
        );
        check(
            "“Voters keep saying \"enough\" to me,” he said.",
            &["“Voters keep saying \"enough\" to me,”"],
        );
    }

    #[test]
    fn multi_paragraph_curly() {
        let text = "The coach spoke after the match. “We started slowly.\n\n\
                    “Then we found our rhythm in the second half.\n\n\
                    “I am proud of them,” he said.";
        let found = quotes(text);
        let got: Vec<(&str, bool, bool, usize)> = found
            .iter()
            .map(|q| (q.span.slice(text), q.closed, q.continues, q.paragraph))
            .collect();
        assert_eq!(
            got,
            [
                ("“We started slowly.", false, true, 0),
                (
                    "“Then we found our rhythm in the second half.",
                    false,
                    true,
                    1
                ),
                ("“I am proud of them,”", true, false, 2),
            ]
        );
    }

    #[test]
    fn multi_paragraph_straight() {
        let text = "\"The storm took the roof off the school,\" the principal said. \"We have no \
                    classrooms left.\n\n\"Parents have offered their garages.\n\n\
                    \"We will open again on Monday.\"";
        let found = quotes(text);
        let got: Vec<(&str, bool, bool)> = found
            .iter()
            .map(|q| (q.span.slice(text), q.closed, q.continues))
            .collect();
        assert_eq!(
            got,
            [
                ("\"The storm took the roof off the school,\"", true, false),
                ("\"We have no classrooms left.", false, true),
                ("\"Parents have offered their garages.", false, true),
                ("\"We will open again on Monday.\"", true, false),
            ]
        );
    }

    #[test]
    fn doubled_apostrophes_on_request() {
        let text = "''We will win,'' he said. ''Not yet.''";
        let spans = paragraphs(text);
        let on = find_quotes(text, &spans, true);
        assert_sane(text, &on);
        let got: Vec<&str> = on.iter().map(|q| q.span.slice(text)).collect();
        assert_eq!(got, ["''We will win,''", "''Not yet.''"]);
        assert_eq!(on[0].content.slice(text), "We will win,");
        assert!(find_quotes(text, &spans, false).is_empty());
    }

    #[test]
    fn unclosed_marks() {
        // A stray mark mid-paragraph is ignored and swallows nothing.
        check(
            "The mayor called it “a mistake and left.\n\nOfficials said “the bridge is safe” later.",
            &["“the bridge is safe”"],
        );
        // At the paragraph start, or after a colon or a speech verb: up to the paragraph end.
        let text = "“We are not leaving, the tenant said.\n\nThe owner disagreed.";
        let found = quotes(text);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].span.slice(text),
            "“We are not leaving, the tenant said."
        );
        assert!(!found[0].closed && !found[0].continues);
        check(
            "Her reply was short: “Not today.\n\nThe meeting ended.",
            &["“Not today."],
        );
        check(
            "He said \"we will see.\n\nNo one replied.",
            &["\"we will see."],
        );
    }

    #[test]
    fn unexpected_marks() {
        check("The figure was 40” wide and ’ plain.", &[]);
        check(
            "“Fair enough,’ he said, and left.",
            &["“Fair enough,’ he said, and left."],
        );
        check("A “mixed' pair and a ‘real’ one.", &["‘real’"]);
        check(
            "Empty “” and “...” and “ ” are skipped, “ok” is not.",
            &["“ok”"],
        );
    }

    #[test]
    fn sloppy_marks() {
        check(
            "“We can see it,” he said. “They see it too. “\n\nThe rally ended.",
            &["“We can see it,”", "“They see it too. “"],
        );
        check(
            "The group wrote: \"The trend cannot go on.“ Others agreed.",
            &["\"The trend cannot go on.“"],
        );
        check(
            "He said there was “no sign\" of a plot, and \"more time” was needed.",
            &["“no sign\"", "\"more time”"],
        );
        check(
            "“I’m only 5’9”, but he’s 6’2”,” the senator joked. He is 6'1\" tall.",
            &["“I’m only 5’9”, but he’s 6’2”,”"],
        );
        check(
            "“Ready when you are,“ the pilot said.",
            &["“Ready when you are,“"],
        );
    }

    #[test]
    fn excerpt_with_one_stray_mark() {
        // A paragraph set off by a lone opening mark: its inner quotes are returned.
        check(
            "\"The crowd cheered as he walked out, chanting “four more years!”\n\nHe waved.",
            &["“four more years!”"],
        );
    }

    #[test]
    fn only_marks() {
        check("“”“”\"\"''‘’’’«»„“``''", &[]);
        check("\" \" \" ' ' “ ” ‘ ’ « »", &[]);
        check("\"\n\n\"\n\n“\n\n”", &[]);
    }

    #[test]
    fn scare_quotes_are_returned() {
        check(
            "Tankers in the so-called “dark fleet” switched off their transponders.",
            &["“dark fleet”"],
        );
    }

    #[test]
    fn unicode_inside_quotes() {
        let text = "“Café owners 👩‍🍳 say nai\u{308}ve tourists pay,” she said. «Ça va 🇫🇷»";
        let found = quotes(text);
        let got: Vec<&str> = found.iter().map(|q| q.span.slice(text)).collect();
        assert_eq!(
            got,
            [
                "“Café owners 👩‍🍳 say nai\u{308}ve tourists pay,”",
                "«Ça va 🇫🇷»"
            ]
        );
        check("Emoji only “😀” is not a quote.", &[]);
    }

    #[test]
    fn several_quotes_in_a_paragraph() {
        check(
            "“We’re ready,” the general said. “Our troops are in place.” He added that “the \
             enemy” had retreated.",
            &[
                "“We’re ready,”",
                "“Our troops are in place.”",
                "“the enemy”",
            ],
        );
        check(
            "\"It's over,\" she said, \"and we won.\" Then: \"Go home.\"",
            &["\"It's over,\"", "\"and we won.\"", "\"Go home.\""],
        );
    }

    #[test]
    fn many_marks_stay_linear() {
        let start = std::time::Instant::now();
        let mut text = String::new();
        // About 105,000 marks in one paragraph.
        for i in 0..60_000 {
            text.push_str(match i % 4 {
                0 => "“a” ",
                1 => "\"b\" ",
                2 => "‘c’ ",
                _ => "'d ",
            });
        }
        let found = quotes(&text);
        assert!(found.len() >= 40_000, "{}", found.len());
        // Only unbalanced marks, and only openers.
        let unbalanced = "“ ‘ “x ‘y \" '".repeat(20_000);
        quotes(&unbalanced);
        let openers = "“a ".repeat(100_000);
        assert!(quotes(&openers).len() <= 1);
        let apostrophes = "the leaders’ ‘x ".repeat(50_000);
        quotes(&apostrophes);
        assert!(start.elapsed().as_secs() < 20, "{:?}", start.elapsed());
    }

    #[test]
    fn one_huge_paragraph() {
        let text = format!(
            "“{}” and {}",
            "the leaders’ summit ".repeat(100_000),
            "plain words ".repeat(200_000)
        );
        let found = quotes(&text);
        assert_eq!(found.len(), 1);
        assert!(found[0].closed);
    }

    /// Random soup of marks, letters, spaces, multi-byte characters and paragraph breaks.
    #[test]
    fn random_input_never_panics() {
        let pieces = [
            "“", "”", "‘", "’", "\"", "'", "«", "»", "„", "`", "``", "''", "a", "s", "Bo", "n",
            "90", " ", " ", "\n\n", ".", ",", ":", "said", "(", "—", "é", "😀", "\u{301}",
            "\u{a0}",
        ];
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..3000 {
            let len = (next() % 40) as usize;
            let text: String = (0..len)
                .map(|_| pieces[(next() % pieces.len() as u64) as usize])
                .collect();
            quotes(&text);
            // Arbitrary, possibly invalid paragraph spans.
            let spans: Vec<Span> = (0..(next() % 4))
                .map(|_| Span {
                    start: (next() % (text.len() as u64 + 3)) as usize,
                    end: (next() % (text.len() as u64 + 3)) as usize,
                })
                .collect();
            assert_sane(&text, &find_quotes(&text, &spans, false));
        }
    }

    #[test]
    fn bad_paragraph_spans_do_not_panic() {
        let text = "“Ünïcode” here";
        let spans = [
            Span::new(1, 5),
            Span { start: 9, end: 3 },
            Span::new(0, 999),
            Span::new(0, text.len()),
            Span::new(0, text.len()),
        ];
        let found = find_quotes(text, &spans, false);
        assert_sane(text, &found);
        assert_eq!(found.len(), 1);
    }
}
