//! Paragraph and sentence segmentation for news text.
//!
//! [`paragraphs`] splits a document at blank lines (or at every line break when the document
//! has no blank line at all). [`sentences`] splits one paragraph into sentences: it starts from
//! the Unicode sentence boundaries of UAX #29 and then repairs what news text needs — it joins
//! fragments after abbreviations, titles, initials and quoted questions (`“Why?” he asked.`),
//! and adds the boundaries UAX #29 misses (`in 2015. 2016 was`, `He paused… Then`,
//! `said.The`).
//!
//! All offsets are byte offsets into the original text and lie on character boundaries.

use memchr::{memchr2, memchr2_iter};
use unicode_segmentation::UnicodeSegmentation;

use crate::span::Span;

// ---------------------------------------------------------------------------------------------
// Whitespace
// ---------------------------------------------------------------------------------------------

/// True for characters that segmentation treats as blank: Unicode white space plus the byte
/// order mark and the invisible zero-width characters that crawled text is littered with.
#[inline]
pub fn is_space(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{FEFF}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{180E}'
        )
}

/// The first position at or after `i` (and at most `end`) that does not start a blank char.
#[inline]
fn skip_space(s: &str, mut i: usize, end: usize) -> usize {
    let b = s.as_bytes();
    while i < end {
        let x = b[i];
        if x < 0x80 {
            if matches!(x, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) {
                i += 1;
                continue;
            }
            break;
        }
        match s[i..].chars().next() {
            Some(c) if is_space(c) => i += c.len_utf8(),
            _ => break,
        }
    }
    i.min(end)
}

/// The end of the text before `j` once trailing blank chars are removed (never below `start`).
#[inline]
fn trim_space_back(s: &str, start: usize, mut j: usize) -> usize {
    let b = s.as_bytes();
    while j > start {
        let x = b[j - 1];
        if x < 0x80 {
            if matches!(x, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) {
                j -= 1;
                continue;
            }
            break;
        }
        match s[..j].chars().next_back() {
            Some(c) if is_space(c) => j -= c.len_utf8(),
            _ => break,
        }
    }
    j.max(start)
}

/// Number of line breaks in a run of blank text (`\r\n` counts once, U+2029 counts twice).
fn count_breaks(gap: &str) -> usize {
    let b = gap.as_bytes();
    let mut n = 0;
    for (i, c) in gap.char_indices() {
        match c {
            '\n' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' => n += 1,
            '\r' if b.get(i + 1) != Some(&b'\n') => n += 1,
            '\u{2029}' => n += 2,
            _ => {}
        }
    }
    n
}

// ---------------------------------------------------------------------------------------------
// Paragraphs
// ---------------------------------------------------------------------------------------------

/// Paragraph spans of `text`, in order, each trimmed of surrounding whitespace, never empty.
///
/// When the document has a blank line (empty or whitespace-only, BOM and zero-width chars
/// included) between two non-blank lines, paragraphs are separated by blank lines and may span
/// several lines. Otherwise every non-blank line is a paragraph. Line ends may be `\n`, `\r\n`
/// or a lone `\r`. Runs in O(n).
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    // Pass 1: blank-line mode. Every non-blank line extends the current paragraph unless a
    // blank line came before it.
    let mut multiline = false;
    for_each_line(text, |line, blank_before| match out.last_mut() {
        Some(last) if !blank_before => {
            let last: &mut Span = last;
            last.end = line.end;
            multiline = true;
        }
        _ => out.push(line),
    });
    if out.len() == 1 && multiline {
        // No blank line separates two lines: every line is a paragraph.
        out.clear();
        for_each_line(text, |line, _| out.push(line));
    }
    out
}

/// Calls `f(trimmed_line, blank_line_before)` for every non-blank line of `text`.
fn for_each_line(text: &str, mut f: impl FnMut(Span, bool)) {
    let bytes = text.as_bytes();
    let mut pos = 0;
    let mut blank_before = false;
    loop {
        let (line_end, next) = match memchr2(b'\n', b'\r', &bytes[pos..]) {
            Some(k) => {
                let e = pos + k;
                if bytes[e] == b'\r' && bytes.get(e + 1) == Some(&b'\n') {
                    (e, e + 2)
                } else {
                    (e, e + 1)
                }
            }
            None => (bytes.len(), bytes.len()),
        };
        let a = skip_space(text, pos, line_end);
        if a == line_end {
            blank_before = true;
        } else {
            let z = trim_space_back(text, a, line_end);
            f(Span::new(a, z), blank_before);
            blank_before = false;
        }
        if line_end == bytes.len() {
            break;
        }
        pos = next;
    }
}

// ---------------------------------------------------------------------------------------------
// Word lists
// ---------------------------------------------------------------------------------------------

/// How a word followed by a period behaves at a candidate sentence end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Abbr {
    /// A plain word: the period ends the sentence unless lowercase follows.
    Word,
    /// A title before a name (`Mr.`, `Sen.`): never ends a sentence.
    Title,
    /// Never ends a sentence (`vs.`, `e.g.`).
    Never,
    /// Takes a number (`No. 2`): no end before a number, otherwise a plain word.
    Number,
    /// A month (`Sept. 11`): no end before a number, otherwise like [`Abbr::Weak`].
    Month,
    /// Can end a sentence (`U.S.`, `Calif.`, `Inc.`, initials): ends it only when a typical
    /// sentence-starting word follows.
    Weak,
}

/// Abbreviations, sorted by byte order (checked by a test).
static ABBREVIATIONS: &[(&str, Abbr)] = &[
    ("Adm", Abbr::Title),
    ("Ala", Abbr::Weak),
    ("Amb", Abbr::Title),
    ("Apr", Abbr::Month),
    ("Ariz", Abbr::Weak),
    ("Ark", Abbr::Weak),
    ("Art", Abbr::Number),
    ("Assn", Abbr::Weak),
    ("Atty", Abbr::Title),
    ("Aug", Abbr::Month),
    ("Blvd", Abbr::Weak),
    ("Brig", Abbr::Title),
    ("Bros", Abbr::Weak),
    ("Calif", Abbr::Weak),
    ("Capt", Abbr::Title),
    ("Ch", Abbr::Number),
    ("Cmdr", Abbr::Title),
    ("Co", Abbr::Weak),
    ("Col", Abbr::Title),
    ("Colo", Abbr::Weak),
    ("Conn", Abbr::Weak),
    ("Corp", Abbr::Weak),
    ("Cos", Abbr::Weak),
    ("Cpl", Abbr::Title),
    ("Dec", Abbr::Month),
    ("Del", Abbr::Weak),
    ("Dept", Abbr::Weak),
    ("Det", Abbr::Title),
    ("Dr", Abbr::Title),
    ("Drs", Abbr::Title),
    ("Esq", Abbr::Weak),
    ("Feb", Abbr::Month),
    ("Fig", Abbr::Number),
    ("Fla", Abbr::Weak),
    ("Fr", Abbr::Title),
    ("Ft", Abbr::Weak),
    ("Ga", Abbr::Weak),
    ("Gen", Abbr::Title),
    ("Gens", Abbr::Title),
    ("Gov", Abbr::Title),
    ("Govs", Abbr::Title),
    ("Hon", Abbr::Title),
    ("Hwy", Abbr::Number),
    ("Ill", Abbr::Weak),
    ("Inc", Abbr::Weak),
    ("Ind", Abbr::Weak),
    ("Insp", Abbr::Title),
    ("Jan", Abbr::Month),
    ("Jr", Abbr::Weak),
    ("Jul", Abbr::Month),
    ("Jun", Abbr::Month),
    ("Kan", Abbr::Weak),
    ("Kans", Abbr::Weak),
    ("Ky", Abbr::Weak),
    ("La", Abbr::Weak),
    ("Lt", Abbr::Title),
    ("Ltd", Abbr::Weak),
    ("Maj", Abbr::Title),
    ("Mar", Abbr::Month),
    ("Mass", Abbr::Weak),
    ("Md", Abbr::Weak),
    ("Messrs", Abbr::Title),
    ("Mich", Abbr::Weak),
    ("Minn", Abbr::Weak),
    ("Miss", Abbr::Weak),
    ("Mmes", Abbr::Title),
    ("Mo", Abbr::Weak),
    ("Mont", Abbr::Weak),
    ("Mr", Abbr::Title),
    ("Mrs", Abbr::Title),
    ("Ms", Abbr::Title),
    ("Msgr", Abbr::Title),
    ("Mt", Abbr::Weak),
    ("Neb", Abbr::Weak),
    ("Nebr", Abbr::Weak),
    ("Nev", Abbr::Weak),
    ("No", Abbr::Number),
    ("Nos", Abbr::Number),
    ("Nov", Abbr::Month),
    ("Oct", Abbr::Month),
    ("Okla", Abbr::Weak),
    ("Ore", Abbr::Weak),
    ("Pa", Abbr::Weak),
    ("Penn", Abbr::Weak),
    ("Pfc", Abbr::Title),
    ("Pres", Abbr::Title),
    ("Prof", Abbr::Title),
    ("Pt", Abbr::Number),
    ("Pvt", Abbr::Title),
    ("Rep", Abbr::Title),
    ("Reps", Abbr::Title),
    ("Rev", Abbr::Title),
    ("Rt", Abbr::Number),
    ("Rte", Abbr::Number),
    ("Sec", Abbr::Title),
    ("Sen", Abbr::Title),
    ("Sens", Abbr::Title),
    ("Sep", Abbr::Month),
    ("Sept", Abbr::Month),
    ("Sgt", Abbr::Title),
    ("Sr", Abbr::Weak),
    ("St", Abbr::Weak),
    ("Supt", Abbr::Title),
    ("Tenn", Abbr::Weak),
    ("Tex", Abbr::Weak),
    ("Univ", Abbr::Weak),
    ("Va", Abbr::Weak),
    ("Vol", Abbr::Number),
    ("Vt", Abbr::Weak),
    ("Wash", Abbr::Weak),
    ("Wis", Abbr::Weak),
    ("Wisc", Abbr::Weak),
    ("Wyo", Abbr::Weak),
    ("al", Abbr::Weak),
    ("approx", Abbr::Number),
    ("ca", Abbr::Number),
    ("cf", Abbr::Never),
    ("ch", Abbr::Number),
    ("etc", Abbr::Weak),
    ("fig", Abbr::Number),
    ("no", Abbr::Number),
    ("nos", Abbr::Number),
    ("p", Abbr::Number),
    ("pp", Abbr::Number),
    ("v", Abbr::Never),
    ("viz", Abbr::Never),
    ("vol", Abbr::Number),
    ("vs", Abbr::Never),
];

/// Capitalised words that typically start a sentence, sorted (checked by a test). After a
/// weak abbreviation such as `U.S.` one of these signals a new sentence; a name does not.
static STARTERS: &[&str] = &[
    "A",
    "According",
    "After",
    "Afterward",
    "Again",
    "All",
    "Also",
    "Although",
    "Among",
    "An",
    "And",
    "Another",
    "Any",
    "As",
    "Asked",
    "At",
    "Because",
    "Before",
    "Both",
    "But",
    "By",
    "Despite",
    "During",
    "Each",
    "Earlier",
    "Even",
    "Every",
    "Few",
    "For",
    "From",
    "He",
    "Her",
    "Here",
    "His",
    "How",
    "However",
    "I",
    "If",
    "In",
    "Indeed",
    "Instead",
    "It",
    "Its",
    "Last",
    "Later",
    "Many",
    "Meanwhile",
    "More",
    "Moreover",
    "Most",
    "Mr",
    "Mrs",
    "Ms",
    "Much",
    "My",
    "Neither",
    "Nevertheless",
    "No",
    "None",
    "Nor",
    "Not",
    "Now",
    "Of",
    "On",
    "Once",
    "One",
    "Only",
    "Or",
    "Other",
    "Others",
    "Our",
    "Several",
    "She",
    "Since",
    "So",
    "Some",
    "Still",
    "Such",
    "That",
    "The",
    "Their",
    "Them",
    "Then",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Though",
    "Thus",
    "To",
    "Today",
    "Under",
    "Until",
    "We",
    "What",
    "When",
    "Where",
    "Whether",
    "Which",
    "While",
    "Who",
    "Why",
    "With",
    "Without",
    "Yes",
    "Yesterday",
    "Yet",
    "You",
    "Your",
];

/// Verbs of saying (sorted; checked by a test) that mark `“Why?” Trump asked.` as one sentence.
static SPEECH_VERBS: &[&str] = &[
    "acknowledged",
    "added",
    "adds",
    "admitted",
    "answered",
    "argued",
    "asked",
    "asks",
    "conceded",
    "concluded",
    "continued",
    "countered",
    "cried",
    "declared",
    "demanded",
    "exclaimed",
    "explained",
    "insisted",
    "joked",
    "laughed",
    "noted",
    "posted",
    "quipped",
    "recalled",
    "replied",
    "responded",
    "said",
    "says",
    "shouted",
    "stated",
    "suggested",
    "tells",
    "told",
    "tweeted",
    "warned",
    "wondered",
    "wrote",
    "yelled",
];

#[inline]
fn lookup_abbr(word: &str) -> Option<Abbr> {
    ABBREVIATIONS
        .binary_search_by(|(w, _)| (*w).cmp(word))
        .ok()
        .map(|i| ABBREVIATIONS[i].1)
}

#[inline]
fn is_starter(word: &str) -> bool {
    STARTERS.binary_search(&word).is_ok()
}

#[inline]
fn is_speech_verb(word: &str) -> bool {
    SPEECH_VERBS.binary_search(&word).is_ok()
}

/// Classifies the word (dots inside allowed) right before a sentence-final-looking period.
fn classify(token: &str) -> Abbr {
    if token.is_empty() {
        return Abbr::Word;
    }
    if token.contains('.') {
        if matches!(token, "e.g" | "i.e" | "E.g" | "I.e") {
            return Abbr::Never;
        }
        // Dotted initials and acronyms: U.S, D.C, J.R.R, p.m, Ph.D, W.Va.
        let dotted = token.split('.').all(|part| {
            let n = part.chars().count();
            (1..=2).contains(&n) && part.chars().all(char::is_alphabetic)
        });
        return if dotted { Abbr::Weak } else { Abbr::Word };
    }
    let mut chars = token.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if c.is_uppercase() {
            return Abbr::Weak; // an initial: George W. Bush
        }
    }
    lookup_abbr(token).unwrap_or(Abbr::Word)
}

// ---------------------------------------------------------------------------------------------
// Character classes
// ---------------------------------------------------------------------------------------------

/// Combining marks (the common blocks), which continue the word they follow.
#[inline]
fn is_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{0483}'..='\u{0489}'
        | '\u{0591}'..='\u{05BD}'
        | '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0900}'..='\u{0903}'
        | '\u{093A}'..='\u{094F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FE20}'..='\u{FE2F}')
}

#[inline]
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c)
}

/// Closing quotes and brackets that may follow a sentence's final punctuation.
#[inline]
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '”' | '’' | '"' | '\'' | '»' | '›' | ')' | ']' | '}' | '」' | '』'
    )
}

/// Opening quotes and brackets (plus straight quotes, which can be either).
#[inline]
fn is_opener(c: char) -> bool {
    matches!(
        c,
        '“' | '‘'
            | '"'
            | '\''
            | '«'
            | '‹'
            | '('
            | '['
            | '{'
            | '„'
            | '‚'
            | '「'
            | '『'
            | '¿'
            | '¡'
    )
}

/// Unambiguous opening marks (never closers).
#[inline]
fn is_hard_opener(c: char) -> bool {
    matches!(
        c,
        '“' | '‘' | '«' | '‹' | '(' | '[' | '{' | '„' | '‚' | '「' | '『'
    )
}

/// Punctuation that continues a sentence and cannot start one.
#[inline]
fn is_continuation(c: char) -> bool {
    matches!(
        c,
        ',' | ';' | ':' | '—' | '–' | '―' | '-' | ')' | ']' | '}' | '%' | '&'
    )
}

#[inline]
fn is_question(c: char) -> bool {
    matches!(
        c,
        '?' | '!' | '‼' | '⁇' | '⁈' | '⁉' | '؟' | '。' | '！' | '？' | '‽'
    )
}

#[inline]
fn is_currency(c: char) -> bool {
    matches!(c, '$' | '£' | '€' | '¥' | '₹')
}

// ---------------------------------------------------------------------------------------------
// Context on both sides of a candidate boundary
// ---------------------------------------------------------------------------------------------

/// What ends the text left of a candidate boundary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Term {
    /// No sentence-final punctuation (a line break, usually).
    None,
    /// One period; the byte offset of the period.
    Stop(usize),
    /// `...` or `…`.
    Ellipsis,
    /// `?`, `!` and their relatives.
    Question,
}

/// The terminal punctuation before `le` and whether closing quotes/brackets follow it.
fn left_info(s: &str, cur: usize, le: usize) -> (Term, bool) {
    let mut j = le;
    let mut closed = false;
    while j > cur {
        match s[..j].chars().next_back() {
            Some(c) if is_closer(c) => {
                j -= c.len_utf8();
                closed = true;
            }
            _ => break,
        }
    }
    let c = match s[cur..j].chars().next_back() {
        Some(c) => c,
        None => return (Term::None, closed),
    };
    let term = match c {
        '.' | '．' | '․' | '﹒' => {
            let p = j - c.len_utf8();
            if p > cur && s.as_bytes()[p - 1] == b'.' {
                Term::Ellipsis
            } else {
                Term::Stop(p)
            }
        }
        '…' => Term::Ellipsis,
        c if is_question(c) => Term::Question,
        _ => Term::None,
    };
    (term, closed)
}

/// The word (letters, digits, marks and inner dots) ending right before the period at `p`.
fn token_before(s: &str, cur: usize, p: usize) -> &str {
    let mut k = p;
    while k > cur {
        match s[..k].chars().next_back() {
            Some(c) if is_word_char(c) || c == '.' => k -= c.len_utf8(),
            _ => break,
        }
    }
    s[k..p].trim_start_matches('.')
}

/// What starts the text right of a candidate boundary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum RightKind {
    Lower,
    /// An uppercase letter; the word is at `start..end`, `initial` if it is one letter and a
    /// period follows.
    Upper {
        start: usize,
        end: usize,
        initial: bool,
    },
    /// A letter without case (CJK, Arabic, ...).
    Caseless,
    /// A digit, or a currency sign before one.
    Digit,
    /// A comma, dash, colon, ...
    Continuation,
    Other,
    End,
}

#[derive(Clone, Copy, Debug)]
struct Right {
    kind: RightKind,
    /// An opening quote or bracket came first.
    opened: bool,
}

fn right_info(s: &str, rs: usize) -> Right {
    let mut opened = false;
    let mut it = s[rs..].char_indices();
    while let Some((off, c)) = it.next() {
        if is_opener(c) {
            opened = true;
            continue;
        }
        let p = rs + off;
        let kind = if c.is_lowercase() {
            RightKind::Lower
        } else if c.is_uppercase() {
            let mut end = p + c.len_utf8();
            for d in s[end..].chars() {
                if c.is_alphabetic() && (d.is_alphabetic() || is_mark(d)) {
                    end += d.len_utf8();
                } else {
                    break;
                }
            }
            let single = s[p..end].chars().filter(|&d| !is_mark(d)).count() == 1;
            let initial = single && s.as_bytes().get(end) == Some(&b'.');
            RightKind::Upper {
                start: p,
                end,
                initial,
            }
        } else if c.is_numeric() {
            RightKind::Digit
        } else if c.is_alphabetic() {
            RightKind::Caseless
        } else if is_currency(c) && it.next().is_some_and(|(_, d)| d.is_ascii_digit()) {
            RightKind::Digit
        } else if is_continuation(c) {
            RightKind::Continuation
        } else {
            RightKind::Other
        };
        return Right { kind, opened };
    }
    Right {
        kind: RightKind::End,
        opened,
    }
}

/// True when the text at `rs` reads like an attribution of the quote before it:
/// one to four capitalised words (`Trump`, `Sen. Ted Cruz`, `He`), an optional adverb and a
/// verb of saying. With `strict`, the verb must be followed by `.`, `,` or the end.
fn attribution_follows(s: &str, rs: usize, strict: bool) -> bool {
    let b = s.as_bytes();
    let mut i = rs;
    let mut names = 0;
    let mut adverb = false;
    for _ in 0..6 {
        let start = i;
        for c in s[i..].chars() {
            if is_word_char(c) || (i > start && matches!(c, '-' | '’' | '\'')) {
                i += c.len_utf8();
            } else {
                break;
            }
        }
        let word = &s[start..i];
        let first = match word.chars().next() {
            Some(c) => c,
            None => return false,
        };
        if first.is_uppercase() {
            if names == 4 {
                return false;
            }
            names += 1;
            if b.get(i) == Some(&b'.') && lookup_abbr(word) == Some(Abbr::Title) {
                i += 1;
            }
        } else if names == 0 {
            return false;
        } else if is_speech_verb(word) {
            return !strict || matches!(b.get(i), None | Some(b'.') | Some(b','));
        } else if !adverb && (word.ends_with("ly") || matches!(word, "later" | "then" | "also")) {
            adverb = true;
        } else {
            return false;
        }
        if b.get(i) != Some(&b' ') {
            return false;
        }
        i += 1;
    }
    false
}

/// Decides a candidate boundary between the sentence starting at `cur`, whose text ends at
/// `le`, and the text resuming at `rs` (`s[le..rs]` is blank). Returns where to cut, or `None`
/// to join the two sides.
fn decide(s: &str, cur: usize, le: usize, rs: usize) -> Option<(usize, usize)> {
    let breaks = count_breaks(&s[le..rs]);
    if breaks >= 2 {
        return Some((le, rs)); // a blank line: always a boundary
    }
    let (mut le, mut rs) = (le, rs);
    if le == rs {
        // UAX #29 takes a glued opening quote for a closing one (`said.“Next`): cut before it.
        if let Some(c) = s[cur..le].chars().next_back() {
            let glued_straight = c == '"' && s[le..].chars().next().is_some_and(is_word_char);
            if is_hard_opener(c) || glued_straight {
                let mut k = le;
                while let Some(c) = s[cur..k].chars().next_back() {
                    if is_hard_opener(c) || c == '"' {
                        k -= c.len_utf8();
                    } else {
                        break;
                    }
                }
                rs = k;
                le = trim_space_back(s, cur, k);
                if le <= cur {
                    return None;
                }
            }
        }
    }
    let line = breaks == 1;
    let right = right_info(s, rs);
    let (term, closed) = left_info(s, cur, le);
    let lower = right.kind == RightKind::Lower;
    let cont = right.kind == RightKind::Continuation && !line;
    if right.kind == RightKind::End {
        return None;
    }
    let keep = match term {
        Term::None => !(line && lower),
        Term::Question => {
            !(lower || cont || (closed && !line && attribution_follows(s, rs, false)))
        }
        Term::Ellipsis => {
            if lower || cont {
                false
            } else if line {
                true
            } else if closed && attribution_follows(s, rs, false) {
                false
            } else {
                matches!(right.kind, RightKind::Upper { .. } | RightKind::Caseless) || right.opened
            }
        }
        Term::Stop(p) => {
            if lower || cont {
                false
            } else if closed {
                line || !attribution_follows(s, rs, true)
            } else {
                let digit = right.kind == RightKind::Digit;
                match classify(token_before(s, cur, p)) {
                    Abbr::Word => true,
                    Abbr::Title | Abbr::Never => false,
                    Abbr::Number => !digit,
                    Abbr::Month if digit => false,
                    Abbr::Month | Abbr::Weak => line || weak_ends(s, right),
                }
            }
        }
    };
    keep.then_some((le, rs))
}

/// After a weak abbreviation (`U.S.`): a new sentence starts only with a typical
/// sentence-starting word or an opening quote before a capital.
fn weak_ends(s: &str, right: Right) -> bool {
    match right.kind {
        RightKind::Upper {
            start,
            end,
            initial,
        } => right.opened || (!initial && is_starter(&s[start..end])),
        RightKind::Caseless => right.opened,
        _ => false,
    }
}

/// Candidate boundaries UAX #29 does not report, in increasing order:
/// `said.The` (no space), `in 2015. 2016 was` (a number after a period) and
/// `He paused… Then` (U+2026 before a capital).
fn extra_candidates(s: &str) -> Vec<usize> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    for i in memchr2_iter(b'.', 0xE2, b) {
        if b[i] == b'.' {
            if i >= 2
                && b[i - 1].is_ascii_lowercase()
                && b[i - 2].is_ascii_lowercase()
                && b.get(i + 1).is_some_and(u8::is_ascii_uppercase)
                && b.get(i + 2).is_some_and(u8::is_ascii_lowercase)
            {
                // A glued sentence end, unless it looks like a domain or a path.
                let mut k = i;
                while k > 0 && b[k - 1].is_ascii_alphabetic() {
                    k -= 1;
                }
                let web = k > 0 && matches!(b[k - 1], b'.' | b'/' | b'@' | b':' | b'_' | b'#');
                if !web && &b[k..i] != b"www" {
                    out.push(i + 1);
                }
                continue;
            }
            let mut j = i + 1;
            while let Some(c) = s[j..].chars().next() {
                if is_closer(c) {
                    j += c.len_utf8();
                } else {
                    break;
                }
            }
            let k = skip_space(s, j, s.len());
            if k > j {
                let mut chars = s[k..].chars();
                let digit = match chars.next() {
                    Some(c) if c.is_ascii_digit() => true,
                    Some(c) if is_currency(c) => chars.next().is_some_and(|d| d.is_ascii_digit()),
                    _ => false,
                };
                if digit {
                    out.push(k);
                }
            }
        } else if b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0xA6) {
            let mut j = i + 3;
            while let Some(c) = s[j..].chars().next() {
                if is_closer(c) {
                    j += c.len_utf8();
                } else {
                    break;
                }
            }
            let k = skip_space(s, j, s.len());
            if k > j && s[k..].chars().next().is_some_and(char::is_uppercase) {
                out.push(k);
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Sentences
// ---------------------------------------------------------------------------------------------

/// Sentence spans inside `within` (normally one paragraph), in order, trimmed of surrounding
/// whitespace, never empty, non-overlapping, each contained in `within`.
///
/// A blank line inside `within` always ends a sentence; a single line break ends one unless
/// the next line starts in lowercase or the break follows an abbreviation that never ends a
/// sentence. A `within` that is out of range or off char boundaries is clamped.
pub fn sentences(text: &str, within: Span) -> Vec<Span> {
    let mut out = Vec::new();
    sentences_into(text, within, &mut out);
    out
}

/// Like [`sentences`], but appends to `out` (to reuse one buffer across paragraphs).
pub fn sentences_into(text: &str, within: Span, out: &mut Vec<Span>) {
    let mut start = within.start.min(text.len());
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let mut end = within.end.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    if start >= end {
        return;
    }
    let s = &text[start..end];
    let extras = extra_candidates(s);
    let mut extras = extras.into_iter().peekable();
    let mut uax = s
        .split_sentence_bound_indices()
        .map(|(i, _)| i)
        .filter(|&i| i > 0)
        .peekable();

    let mut cur = skip_space(s, 0, s.len());
    let mut last_rs = cur;
    loop {
        let b = match (uax.peek().copied(), extras.peek().copied()) {
            (Some(a), Some(e)) if e < a => {
                extras.next();
                e
            }
            (Some(a), Some(e)) => {
                if e == a {
                    extras.next();
                }
                uax.next();
                a
            }
            (Some(a), None) => {
                uax.next();
                a
            }
            (None, Some(e)) => {
                extras.next();
                e
            }
            (None, None) => break,
        };
        if b <= cur {
            continue;
        }
        let rs = skip_space(s, b, s.len());
        if rs >= s.len() {
            break;
        }
        if rs <= last_rs {
            continue; // the same gap as the previous candidate
        }
        last_rs = rs;
        let le = trim_space_back(s, cur, b);
        if le <= cur {
            continue;
        }
        if let Some((le, rs)) = decide(s, cur, le, rs) {
            out.push(Span::new(start + cur, start + le));
            cur = rs;
        }
    }
    let le = trim_space_back(s, cur, s.len());
    if le > cur {
        out.push(Span::new(start + cur, start + le));
    }
}

/// All sentences of a document: [`sentences`] over each of its [`paragraphs`].
pub fn document_sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    for p in paragraphs(text) {
        sentences_into(text, p, &mut out);
    }
    out
}
