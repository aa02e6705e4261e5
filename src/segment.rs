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
//! Nothing here panics, whatever the input, and everything runs in linear time. UAX #29 is
//! only run on small windows around terminators when the text's terminators are all ASCII
//! ([`uax_boundaries`]); this gives the same boundaries several times faster.
//!
//! Known limits: a weak abbreviation (`U.S.`, `Calif.`, `Inc.`, an initial) ends a sentence
//! only before a common sentence-starting word, so `in the U.S. Trump said` stays one
//! sentence; title-case headlines (`Families Flee to U.S. As Storm Nears`) can be split wrongly; and within
//! a paragraph a single line break ends a sentence unless the next line starts in lowercase.

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
            '\n' | '\u{85}' | '\u{2028}' => n += 1,
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
    /// Can end a sentence (`U.S.`, `Calif.`, `Inc.`): ends it only when a typical
    /// sentence-starting word or an opening quote follows.
    Weak,
    /// A single capital (`George W. Bush`): like [`Abbr::Weak`], but a quote after it is a
    /// nickname (`Lena M. “Lee” Ortiz`), not a new sentence.
    Initial,
}

/// Abbreviations, sorted by byte order (checked by a test).
#[rustfmt::skip]
static ABBREVIATIONS: &[(&str, Abbr)] = {
    use Abbr::*;
    &[
        ("Adm", Title), ("Ala", Weak), ("Amb", Title), ("Apr", Month), ("Ariz", Weak),
        ("Ark", Weak), ("Art", Number), ("Assn", Weak), ("Atty", Title), ("Aug", Month),
        ("Blvd", Weak), ("Brig", Title), ("Bros", Weak), ("Calif", Weak), ("Capt", Title),
        ("Ch", Number), ("Cmdr", Title), ("Co", Weak), ("Col", Title), ("Colo", Weak),
        ("Conn", Weak), ("Corp", Weak), ("Cos", Weak), ("Cpl", Title), ("Dec", Month),
        ("Del", Weak), ("Dept", Weak), ("Det", Title), ("Dr", Title), ("Drs", Title), ("Esq", Weak),
        ("Feb", Month), ("Fig", Number), ("Fla", Weak), ("Fr", Title), ("Ft", Weak), ("Ga", Weak),
        ("Gen", Title), ("Gens", Title), ("Gov", Title), ("Govs", Title), ("Hon", Title),
        ("Hwy", Number), ("Ill", Weak), ("Inc", Weak), ("Ind", Weak), ("Insp", Title),
        ("Jan", Month), ("Jr", Weak), ("Jul", Month), ("Jun", Month), ("Kan", Weak), ("Kans", Weak),
        ("Ky", Weak), ("La", Weak), ("Lt", Title), ("Ltd", Weak), ("Maj", Title), ("Mar", Month),
        ("Mass", Weak), ("Md", Weak), ("Messrs", Title), ("Mich", Weak), ("Minn", Weak),
        ("Miss", Weak), ("Mmes", Title), ("Mo", Weak), ("Mont", Weak), ("Mr", Title),
        ("Mrs", Title), ("Ms", Title), ("Msgr", Title), ("Mt", Weak), ("Neb", Weak), ("Nebr", Weak),
        ("Nev", Weak), ("No", Number), ("Nos", Number), ("Nov", Month), ("Oct", Month),
        ("Okla", Weak), ("Ore", Weak), ("Pa", Weak), ("Penn", Weak), ("Pfc", Title),
        ("Pres", Title), ("Prof", Title), ("Pt", Number), ("Pvt", Title), ("Rep", Title),
        ("Reps", Title), ("Rev", Title), ("Rt", Number), ("Rte", Number), ("Sec", Title),
        ("Sen", Title), ("Sens", Title), ("Sep", Month), ("Sept", Month), ("Sgt", Title),
        ("Sr", Weak), ("St", Weak), ("Supt", Title), ("Tenn", Weak), ("Tex", Weak), ("Univ", Weak),
        ("Va", Weak), ("Vol", Number), ("Vt", Weak), ("Wash", Weak), ("Wis", Weak), ("Wisc", Weak),
        ("Wyo", Weak), ("al", Weak), ("approx", Number), ("ca", Number), ("cf", Never),
        ("ch", Number), ("etc", Weak), ("fig", Number), ("no", Number), ("nos", Number),
        ("p", Number), ("pp", Number), ("v", Never), ("viz", Never), ("vol", Number), ("vs", Never),
    ]
};

/// Capitalised words that typically start a sentence, sorted (checked by a test). After a
/// weak abbreviation such as `U.S.` one of these signals a new sentence; a name does not.
#[rustfmt::skip]
static STARTERS: &[&str] = &[
    "A", "According", "After", "Afterward", "Again", "All", "Also", "Although", "Always",
    "Among", "An", "And", "Another", "Any", "Anyone", "Anything", "As", "Asked", "At",
    "Because", "Before", "Besides", "Both", "But", "By", "Clearly", "Despite", "During", "Each",
    "Earlier", "Even", "Every", "Everybody", "Everyone", "Everything", "Few", "Finally",
    "First", "For", "Fortunately", "From", "He", "Her", "Here", "His", "Hopefully", "How",
    "However", "I", "If", "In", "Indeed", "Instead", "It", "Its", "Just", "Last", "Later",
    "Let", "Many", "Maybe", "Meanwhile", "More", "Moreover", "Most", "Mr", "Mrs", "Ms", "Much",
    "My", "Neither", "Never", "Nevertheless", "No", "Nobody", "None", "Nor", "Not", "Nothing",
    "Now", "Obviously", "Of", "Oh", "On", "Once", "One", "Only", "Or", "Other", "Others",
    "Otherwise", "Our", "Perhaps", "Please", "Rather", "Second", "Several", "She", "Similarly",
    "Since", "So", "Some", "Somebody", "Someone", "Something", "Sometimes", "Still", "Such",
    "Thanks", "That", "The", "Their", "Them", "Then", "There", "These", "They", "Third", "This",
    "Those", "Though", "Thus", "To", "Today", "Under", "Unfortunately", "Until", "We", "Well",
    "What", "When", "Where", "Whether", "Which", "While", "Who", "Why", "With", "Without",
    "Yes", "Yesterday", "Yet", "You", "Your",
];

/// Verbs of saying (sorted; checked by a test) that mark `“Why?” Trump asked.` as one sentence.
#[rustfmt::skip]
static SPEECH_VERBS: &[&str] = &[
    "acknowledged", "added", "adds", "admitted", "answered", "argued", "asked", "asks",
    "boasted", "cautioned", "conceded", "concluded", "continued", "countered", "cried",
    "declared", "demanded", "exclaimed", "explained", "insisted", "joked", "laughed", "mused",
    "noted", "observed", "posted", "pressed", "promised", "questioned", "quipped", "recalled",
    "remarked", "repeated", "replied", "responded", "retorted", "said", "says", "shouted",
    "snapped", "stated", "suggested", "tells", "told", "tweeted", "urged", "vowed", "warned",
    "wondered", "wrote", "yelled",
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
            return Abbr::Initial;
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
    /// `...` or `…`; the byte offset where it starts and whether it has four or more dots.
    Ellipsis(usize, bool),
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
            let mut k = p;
            while k > cur && s.as_bytes()[k - 1] == b'.' {
                k -= 1;
            }
            match p - k {
                0 => Term::Stop(p),
                n => Term::Ellipsis(k, n >= 3),
            }
        }
        '…' => Term::Ellipsis(j - '…'.len_utf8(), false),
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
    /// An opening quotation mark (not a bracket) came first.
    quoted: bool,
}

fn right_info(s: &str, rs: usize) -> Right {
    let mut quoted = false;
    let mut it = s[rs..].char_indices();
    while let Some((off, c)) = it.next() {
        if is_opener(c) {
            quoted |= !matches!(c, '(' | '[' | '{');
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
        return Right { kind, quoted };
    }
    Right {
        kind: RightKind::End,
        quoted,
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
            // `He added, “...` introduces the next quote rather than closing this one.
            if matches!(b.get(i), Some(b',') | Some(b':')) {
                let k = skip_space(s, i + 1, s.len());
                if s[k..].chars().next().is_some_and(is_opener) {
                    return false;
                }
            }
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
/// to join the two sides. `has_word` tells whether `s[cur..le]` has a letter or digit.
fn decide(s: &str, cur: usize, le: usize, rs: usize, has_word: bool) -> Option<(usize, usize)> {
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
    if !line && !has_word {
        return None; // nothing but punctuation so far (`“…`): not a sentence of its own
    }
    let keep = match term {
        Term::None => !(line && lower),
        Term::Question => {
            !(lower || cont || (closed && !line && attribution_follows(s, rs, false)))
        }
        Term::Ellipsis(start, four_dots) => {
            if lower || cont {
                false
            } else if line {
                true
            } else if closed && attribution_follows(s, rs, false) {
                false
            } else if four_dots || ends_with_terminal(s, cur, start) {
                true // `we won. ...` / `we won.... Then`: the sentence had ended already
            } else {
                // Mostly an elision inside a quote: `met ... Martinez` goes on.
                right.kind == RightKind::Caseless || weak_ends(s, right, true)
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
                    Abbr::Month | Abbr::Weak => line || weak_ends(s, right, true),
                    Abbr::Initial => line || weak_ends(s, right, false),
                }
            }
        }
    };
    keep.then_some((le, rs))
}

/// True when `s[cur..end]` ends with `.`, `?` or `!` (possibly followed by closing marks and
/// blanks).
fn ends_with_terminal(s: &str, cur: usize, end: usize) -> bool {
    let mut j = trim_space_back(s, cur, end);
    while let Some(c) = s[cur..j].chars().next_back() {
        if is_closer(c) {
            j -= c.len_utf8();
        } else {
            return c == '.' || is_question(c);
        }
    }
    false
}

/// After a weak abbreviation (`U.S.`): a new sentence starts only with a typical
/// sentence-starting word or (if `quote_starts`) an opening quote before a capital.
fn weak_ends(s: &str, right: Right, quote_starts: bool) -> bool {
    match right.kind {
        RightKind::Upper {
            start,
            end,
            initial,
        } => {
            let word = &s[start..end];
            // `Initially,` / `Still,`: a sentence adverb.
            let adverb =
                s.as_bytes().get(end) == Some(&b',') && (word.ends_with("ly") || is_starter(word));
            (right.quoted && quote_starts) || adverb || (!initial && is_starter(word))
        }
        RightKind::Caseless => right.quoted && quote_starts,
        _ => false,
    }
}

/// Candidate boundaries UAX #29 does not report, in increasing order:
/// `said.The` (no space), `in 2015. 2016 was` (a number after a period) and
/// `He paused… Then` (U+2026 before a capital).
fn extra_candidates(s: &str, out: &mut Vec<usize>) {
    let b = s.as_bytes();
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
}

// ---------------------------------------------------------------------------------------------
// UAX #29 boundaries, fast
// ---------------------------------------------------------------------------------------------

/// Non-ASCII characters known (checked by a test) not to be sentence terminators or paragraph
/// separators for UAX #29 — Latin, Greek and Cyrillic letters, combining marks, typographic
/// punctuation and spaces, symbols, emoji. Text made only of ASCII and these takes the fast
/// path of [`uax_boundaries`].
#[inline]
fn is_plain_non_ascii(c: char) -> bool {
    matches!(c as u32,
        0x80..=0x84 | 0x86..=0x52F | 0x1E00..=0x1EFF
        | 0x2000..=0x2023 | 0x2025..=0x2027 | 0x202A..=0x203B | 0x203E..=0x2046
        | 0x204A..=0x2BFF
        | 0xFE00..=0xFE0F | 0xFEFF | 0x1F000..=0x1FAFF | 0xE0000..=0xE007F)
}

/// Appends the UAX #29 sentence boundaries of `s` (except 0), in increasing order.
///
/// Running the UAX #29 iterator over whole paragraphs is slow, and its boundaries can only
/// follow a paragraph separator or a terminator (`.`, `?`, `!`, ...). For text whose only
/// terminators are ASCII, this runs the iterator on a small window around each terminator
/// instead — from the start of the word before it to the first letter after it, which is all
/// the context the UAX #29 rules look at — and gives the same boundaries. Other text goes
/// through the iterator whole.
pub fn uax_boundaries(s: &str, out: &mut Vec<usize>) {
    let first = out.len();
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\n' => {
                out.push(i + 1);
                i += 1;
            }
            b'\r' => {
                if b.get(i + 1) != Some(&b'\n') {
                    out.push(i + 1);
                }
                i += 1;
            }
            b'.' | b'?' | b'!' => i = terminator_window(s, i, out),
            x if x < 0x80 => i += 1,
            x if x < 0xC0 => i += 1, // continuation byte (not reached on valid input)
            _ => {
                let c = s[i..].chars().next().unwrap_or(' ');
                let n = c.len_utf8();
                if matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}') {
                    out.push(i + n);
                } else if !is_plain_non_ascii(c) {
                    // A script or terminator the fast path does not know: do it the slow way.
                    out.truncate(first);
                    out.extend(
                        s.split_sentence_bound_indices()
                            .map(|(k, _)| k)
                            .filter(|&k| k > 0),
                    );
                    return;
                }
                i += n;
            }
        }
    }
    // A separator at the very end is not a boundary between two fragments.
    if out.len() > first && out[out.len() - 1] == s.len() {
        out.pop();
    }
}

/// Runs UAX #29 around the ASCII terminator at `t`; appends the boundaries it causes and
/// returns where scanning resumes.
fn terminator_window(s: &str, t: usize, out: &mut Vec<usize>) -> usize {
    let b = s.as_bytes();
    // Back to the start of the word before the terminator (bounded).
    let limit = t.saturating_sub(64);
    let mut ws = t;
    while ws > limit && !matches!(b[ws - 1], b' ' | b'\t' | b'\n' | b'\r') {
        ws -= 1;
    }
    while !s.is_char_boundary(ws) {
        ws += 1;
    }
    // Forward over the run of terminators and then anything that is not a letter, a
    // paragraph separator or another terminator.
    let mut p = t + 1;
    while p < b.len() && matches!(b[p], b'.' | b'?' | b'!') {
        p += 1;
    }
    let (stop, end) = loop {
        let c = match s[p..].chars().next() {
            Some(c) => c,
            None => break (s.len(), s.len()),
        };
        if c.is_alphabetic()
            || matches!(
                c,
                '.' | '?' | '!' | '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}'
            )
        {
            break (p, p + c.len_utf8());
        }
        p += c.len_utf8();
    };
    for (k, _) in s[ws..end].split_sentence_bound_indices() {
        let a = ws + k;
        if a > t && a <= stop {
            out.push(a);
        }
    }
    stop
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
    let mut candidates = Vec::new();
    uax_boundaries(s, &mut candidates);
    let n_uax = candidates.len();
    extra_candidates(s, &mut candidates);
    if candidates.len() > n_uax {
        candidates.sort_unstable();
        candidates.dedup();
    }

    let mut cur = skip_space(s, 0, s.len());
    let mut last_rs = cur;
    // Whether the current sentence has a letter or digit yet, scanned up to `word_scan`.
    let mut has_word = false;
    let mut word_scan = cur;
    for b in candidates {
        if b <= cur || b <= last_rs {
            continue; // inside the gap of the previous candidate
        }
        let rs = skip_space(s, b, s.len());
        if rs >= s.len() {
            break;
        }
        last_rs = rs;
        let le = trim_space_back(s, cur, b);
        if le <= cur {
            continue;
        }
        if !has_word && le > word_scan {
            has_word = s[word_scan..le].chars().any(is_word_char);
            word_scan = le;
        }
        if let Some((le, rs)) = decide(s, cur, le, rs, has_word) {
            out.push(Span::new(start + cur, start + le));
            cur = rs;
            has_word = false;
            word_scan = rs;
        }
    }
    let le = trim_space_back(s, cur, s.len());
    if le > cur {
        out.push(Span::new(start + cur, start + le));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// All sentences of a document: [`sentences`] over each of its [`paragraphs`].
    fn document_sentences(text: &str) -> Vec<Span> {
        let mut out = Vec::new();
        for p in paragraphs(text) {
            sentences_into(text, p, &mut out);
        }
        out
    }

    /// Sentence texts of a whole document.
    fn sents(s: &str) -> Vec<&str> {
        paragraphs(s)
            .into_iter()
            .flat_map(|p| sentences(s, p))
            .map(|sp| sp.slice(s))
            .collect()
    }

    fn paras(s: &str) -> Vec<&str> {
        paragraphs(s).into_iter().map(|p| p.slice(s)).collect()
    }

    /// Checks every invariant of the output for `text`.
    fn check_invariants(text: &str) {
        let ps = paragraphs(text);
        let mut prev_end = 0;
        for p in &ps {
            assert!(
                p.start >= prev_end && p.start < p.end && p.end <= text.len(),
                "{p:?}"
            );
            assert!(text.is_char_boundary(p.start) && text.is_char_boundary(p.end));
            let t = p.slice(text);
            assert_eq!(t.trim_matches(is_space), t, "untrimmed paragraph");
            prev_end = p.end;
            let ss = sentences(text, *p);
            let mut prev = p.start;
            for s in &ss {
                assert!(p.contains(*s), "{s:?} outside {p:?}");
                assert!(s.start >= prev && s.start < s.end, "{s:?} after {prev}");
                assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
                let t = s.slice(text);
                assert_eq!(t.trim_matches(is_space), t, "untrimmed sentence {t:?}");
                prev = s.end;
            }
        }
    }

    #[test]
    fn word_lists_are_sorted() {
        assert!(ABBREVIATIONS.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(STARTERS.windows(2).all(|w| w[0] < w[1]));
        assert!(SPEECH_VERBS.windows(2).all(|w| w[0] < w[1]));
    }

    // ---- paragraphs ---------------------------------------------------------------------

    #[test]
    fn paragraphs_blank_line_mode() {
        let t = "Headline goes here\n\nFirst paragraph, line one\ncontinues here.\n\n\nSecond one.";
        assert_eq!(
            paras(t),
            [
                "Headline goes here",
                "First paragraph, line one\ncontinues here.",
                "Second one."
            ]
        );
    }

    #[test]
    fn paragraphs_single_line_mode() {
        let t = "Title line\nThe mayor spoke.\nCouncil members agreed.\n";
        assert_eq!(
            paras(t),
            ["Title line", "The mayor spoke.", "Council members agreed."]
        );
    }

    #[test]
    fn paragraphs_crlf_and_cr() {
        let t = "One.\r\n\r\nTwo a\r\nTwo b\r\n\r\nThree.\r\n";
        assert_eq!(paras(t), ["One.", "Two a\r\nTwo b", "Three."]);
        let t = "One.\r\rTwo.\rStill two.";
        assert_eq!(paras(t), ["One.", "Two.\rStill two."]);
        let t = "Alpha\rBeta\rGamma";
        assert_eq!(paras(t), ["Alpha", "Beta", "Gamma"]);
    }

    #[test]
    fn paragraphs_whitespace_only_lines_are_blank() {
        let t = "First part.\n \t\u{a0}\nSecond part.\n\u{feff}\u{200b}\nThird.";
        assert_eq!(paras(t), ["First part.", "Second part.", "Third."]);
    }

    #[test]
    fn paragraphs_trim_bom_and_spaces() {
        let t = "\u{feff}  Lead paragraph.\u{a0}\n\n\tNext one. \u{200b}";
        assert_eq!(paras(t), ["Lead paragraph.", "Next one."]);
    }

    #[test]
    fn paragraphs_leading_and_trailing_blank_lines_do_not_switch_mode() {
        let t = "\n\n  \nLine one\nLine two\n\n";
        assert_eq!(paras(t), ["Line one", "Line two"]);
    }

    #[test]
    fn paragraphs_empty_inputs() {
        assert!(paragraphs("").is_empty());
        assert!(paragraphs("\n\r\n \u{feff}\t").is_empty());
        assert_eq!(paras("x"), ["x"]);
    }

    // ---- titles and abbreviations ---------------------------------------------------------

    #[test]
    fn titles_before_names() {
        assert_eq!(
            sents("Mr. Park and Mrs. Lane met Dr. Ortiz. Sen. Hale and Rep. Diaz disagreed."),
            [
                "Mr. Park and Mrs. Lane met Dr. Ortiz.",
                "Sen. Hale and Rep. Diaz disagreed."
            ]
        );
        assert_eq!(
            sents("Gov. Reyes praised Gen. Moss, Lt. Col. Shaw and Sgt. Maj. Burke on Friday."),
            ["Gov. Reyes praised Gen. Moss, Lt. Col. Shaw and Sgt. Maj. Burke on Friday."]
        );
        assert_eq!(
            sents("Ms. Vega thanked Prof. Abe, Capt. Lin, Adm. Roe and Cmdr. Holt."),
            ["Ms. Vega thanked Prof. Abe, Capt. Lin, Adm. Roe and Cmdr. Holt."]
        );
    }

    #[test]
    fn company_and_name_suffixes() {
        assert_eq!(
            sents("Shares of Widget Corp. fell. Acme Inc. The company declined to comment."),
            [
                "Shares of Widget Corp. fell.",
                "Acme Inc.",
                "The company declined to comment."
            ]
        );
        assert_eq!(
            sents("Harold Finch Jr. said the firm, Finch & Co. Ltd., would close."),
            ["Harold Finch Jr. said the firm, Finch & Co. Ltd., would close."]
        );
        assert_eq!(
            sents("The parade went down Elm St. It was loud. He lives near St. Paul."),
            [
                "The parade went down Elm St.",
                "It was loud.",
                "He lives near St. Paul."
            ]
        );
    }

    #[test]
    fn us_abbreviation_mid_sentence_and_at_end() {
        assert_eq!(
            sents("U.S. officials said the U.N. vote was close."),
            ["U.S. officials said the U.N. vote was close."]
        );
        assert_eq!(
            sents("The talks were held in the U.S. The next day they moved to Geneva."),
            [
                "The talks were held in the U.S.",
                "The next day they moved to Geneva."
            ]
        );
        assert_eq!(
            sents("She flew to Washington, D.C. But the meeting was off."),
            ["She flew to Washington, D.C.", "But the meeting was off."]
        );
        assert_eq!(
            sents("The U.K. Parliament and E.U. leaders met U.S. Sen. Reed."),
            ["The U.K. Parliament and E.U. leaders met U.S. Sen. Reed."]
        );
        assert_eq!(
            sents("It was made in the U.S. It sold well."),
            ["It was made in the U.S.", "It sold well."]
        );
    }

    #[test]
    fn state_abbreviations() {
        assert_eq!(
            sents("Rep. Anna Cole (D-Calif.) said the bill would pass."),
            ["Rep. Anna Cole (D-Calif.) said the bill would pass."]
        );
        assert_eq!(
            sents("She grew up in Phoenix, Ariz. Her father was a teacher."),
            ["She grew up in Phoenix, Ariz.", "Her father was a teacher."]
        );
        assert_eq!(
            sents("Doctors at Mass. General Hospital agreed."),
            ["Doctors at Mass. General Hospital agreed."]
        );
        assert_eq!(
            sents("RENO, Nev. (AP) — Sen. Bo Lund Jr. (D-Nev.) spoke."),
            ["RENO, Nev. (AP) — Sen. Bo Lund Jr. (D-Nev.) spoke."]
        );
        assert_eq!(
            sents("The plant moved to the U.S. Initially, few noticed."),
            ["The plant moved to the U.S.", "Initially, few noticed."]
        );
        assert_eq!(
            sents("They met in Richmond, Va. In the end nothing was agreed."),
            [
                "They met in Richmond, Va.",
                "In the end nothing was agreed."
            ]
        );
    }

    #[test]
    fn months() {
        assert_eq!(
            sents("The vote is set for Sept. 14 and the count for Oct. 2, officials said."),
            ["The vote is set for Sept. 14 and the count for Oct. 2, officials said."]
        );
        assert_eq!(
            sents("Filing opened Jan. 5. Aug. 30 is the deadline. Nov. elections follow."),
            [
                "Filing opened Jan. 5.",
                "Aug. 30 is the deadline.",
                "Nov. elections follow."
            ]
        );
        assert_eq!(
            sents("The bill passed on Feb. 3, 2015. Dec. 1 was the next deadline."),
            [
                "The bill passed on Feb. 3, 2015.",
                "Dec. 1 was the next deadline."
            ]
        );
    }

    #[test]
    fn etc_vs_and_number_words() {
        assert_eq!(
            sents("They brought chairs, tables, etc. and set them up."),
            ["They brought chairs, tables, etc. and set them up."]
        );
        assert_eq!(
            sents("They brought chairs, tables, etc. The hall was full."),
            ["They brought chairs, tables, etc.", "The hall was full."]
        );
        assert_eq!(
            sents("It is Smith vs. Jones in Roe v. Wade style. Then came No. 2 on the list."),
            [
                "It is Smith vs. Jones in Roe v. Wade style.",
                "Then came No. 2 on the list."
            ]
        );
        assert_eq!(
            sents("Asked if he would run, he said no. Reporters left."),
            ["Asked if he would run, he said no.", "Reporters left."]
        );
        assert_eq!(
            sents("Examples include rain, e.g. Storms in May."),
            ["Examples include rain, e.g. Storms in May."]
        );
    }

    #[test]
    fn initials() {
        assert_eq!(
            sents("J.R.R. Tolkien wrote it. Jake J. Sullivan read it."),
            ["J.R.R. Tolkien wrote it.", "Jake J. Sullivan read it."]
        );
        assert_eq!(
            sents("George W. Bush said the plan had merit."),
            ["George W. Bush said the plan had merit."]
        );
        assert_eq!(
            sents("Rep. G.H. Lowe and John Q. A. Public spoke at 9 a.m. Eastern time."),
            ["Rep. G.H. Lowe and John Q. A. Public spoke at 9 a.m. Eastern time."]
        );
        assert_eq!(
            sents("The meeting began at 10 a.m. It ended at noon."),
            ["The meeting began at 10 a.m.", "It ended at noon."]
        );
        assert_eq!(
            sents("Rep. Lena M. \"Lee\" Ortiz and Gen. James N. “Jim” Holt spoke."),
            ["Rep. Lena M. \"Lee\" Ortiz and Gen. James N. “Jim” Holt spoke."]
        );
        assert_eq!(
            sents("They chose Plan B. The rest is history."),
            ["They chose Plan B.", "The rest is history."]
        );
    }

    // ---- numbers --------------------------------------------------------------------------

    #[test]
    fn decimals_and_money() {
        assert_eq!(
            sents("Growth slowed to 3.5 percent. The deficit hit $1.2 billion, or 0.7 percent."),
            [
                "Growth slowed to 3.5 percent.",
                "The deficit hit $1.2 billion, or 0.7 percent."
            ]
        );
    }

    #[test]
    fn number_after_period_starts_a_sentence() {
        assert_eq!(
            sents("He won five states. 10 more vote next week."),
            ["He won five states.", "10 more vote next week."]
        );
        assert_eq!(
            sents("It happened in 2015. 2016 was worse."),
            ["It happened in 2015.", "2016 was worse."]
        );
        assert_eq!(
            sents("Tickets were sold out. $40 seats now resell for more."),
            ["Tickets were sold out.", "$40 seats now resell for more."]
        );
        assert_eq!(
            sents("See p. 12 and Vol. 3 of the report, No. 4 in the series."),
            ["See p. 12 and Vol. 3 of the report, No. 4 in the series."]
        );
    }

    // ---- ellipses ---------------------------------------------------------------------------

    #[test]
    fn ellipsis_mid_sentence() {
        assert_eq!(
            sents("We wanted... well, we tried. It was hard… but worth it."),
            ["We wanted... well, we tried.", "It was hard… but worth it."]
        );
    }

    #[test]
    fn ellipsis_before_capital() {
        assert_eq!(
            sents("He paused… Then he walked out. She waited... Nobody came."),
            [
                "He paused…",
                "Then he walked out.",
                "She waited...",
                "Nobody came."
            ]
        );
        assert_eq!(
            sents("We had won. ... The rest is noise. We won.... Mostly."),
            [
                "We had won. ...",
                "The rest is noise.",
                "We won....",
                "Mostly."
            ]
        );
    }

    #[test]
    fn ellipsis_as_elision() {
        assert_eq!(
            sents("“We spoke to ... Martinez about it,” she said."),
            ["“We spoke to ... Martinez about it,” she said."]
        );
        assert_eq!(
            sents("“The … Senate has to act,” he said."),
            ["“The … Senate has to act,” he said."]
        );
        assert_eq!(
            sents("“… Nobody saw it coming.”"),
            ["“… Nobody saw it coming.”"]
        );
    }

    // ---- quotes -----------------------------------------------------------------------------

    #[test]
    fn sentence_end_before_opening_quote() {
        assert_eq!(
            sents("The mayor paused, then he said. “Next question.”"),
            ["The mayor paused, then he said.", "“Next question.”"]
        );
        assert_eq!(
            sents("Then he said. \"Next question.\""),
            ["Then he said.", "\"Next question.\""]
        );
    }

    #[test]
    fn closing_quote_belongs_to_first_sentence() {
        assert_eq!(
            sents("“I’m done.” She left the room."),
            ["“I’m done.”", "She left the room."]
        );
        assert_eq!(
            sents("\"I'm done.\" She left the room."),
            ["\"I'm done.\"", "She left the room."]
        );
        assert_eq!(
            sents("(The office declined to comment.) Talks resume Monday."),
            ["(The office declined to comment.)", "Talks resume Monday."]
        );
    }

    #[test]
    fn question_in_quotes_then_lowercase_attribution() {
        assert_eq!(
            sents("“Is it over?” he asked. Nobody answered."),
            ["“Is it over?” he asked.", "Nobody answered."]
        );
        assert_eq!(
            sents("\"Is it over?\" he asked."),
            ["\"Is it over?\" he asked."]
        );
        assert_eq!(
            sents("“Enough!” shouted the chairman."),
            ["“Enough!” shouted the chairman."]
        );
        assert_eq!(
            sents("“Why not?” — she replied, smiling."),
            ["“Why not?” — she replied, smiling."]
        );
    }

    #[test]
    fn question_in_quotes_then_named_speaker() {
        assert_eq!(
            sents("“Who pays for it?” Sen. Ann Wu asked. The room went quiet."),
            [
                "“Who pays for it?” Sen. Ann Wu asked.",
                "The room went quiet."
            ]
        );
        assert_eq!(
            sents("“Is it over?” Martinez later asked reporters."),
            ["“Is it over?” Martinez later asked reporters."]
        );
        assert_eq!(
            sents("“Is it over?” Nobody knew."),
            ["“Is it over?”", "Nobody knew."]
        );
    }

    #[test]
    fn period_in_quotes_then_named_speaker() {
        assert_eq!(
            sents("“We will win.” Harris said. Then she left."),
            ["“We will win.” Harris said.", "Then she left."]
        );
        assert_eq!(
            sents("“We will win.” He added, “Nobody can stop us.”"),
            ["“We will win.”", "He added, “Nobody can stop us.”"]
        );
        assert_eq!(
            sents("“Can they?” Lopez answered: “Of course.”"),
            ["“Can they?”", "Lopez answered: “Of course.”"]
        );
        assert_eq!(
            sents("“We will win.” She said the polls were wrong."),
            ["“We will win.”", "She said the polls were wrong."]
        );
    }

    #[test]
    fn question_and_exclamation_end_sentences() {
        assert_eq!(
            sents("Will it pass? Few think so! Still, they vote today."),
            ["Will it pass?", "Few think so!", "Still, they vote today."]
        );
    }

    #[test]
    fn glued_sentences() {
        assert_eq!(
            sents("The vote was close.The senator conceded."),
            ["The vote was close.", "The senator conceded."]
        );
        assert_eq!(
            sents("Visit example.com or www.Example.org today."),
            ["Visit example.com or www.Example.org today."]
        );
        assert_eq!(
            sents("He said.“Next question.”"),
            ["He said.", "“Next question.”"]
        );
    }

    #[test]
    fn quotes_with_em_dashes() {
        assert_eq!(
            sents("“We’re not leaving — not now, not ever,” the union leader said. Talks stalled."),
            [
                "“We’re not leaving — not now, not ever,” the union leader said.",
                "Talks stalled."
            ]
        );
    }

    // ---- lines, paragraphs, messy input -----------------------------------------------------

    #[test]
    fn sentences_never_cross_paragraphs() {
        assert_eq!(
            sents("The senator spoke with Mr.\n\nSmith was not there."),
            ["The senator spoke with Mr.", "Smith was not there."]
        );
        assert_eq!(
            sents("No final period here\n\nnext paragraph starts lowercase"),
            ["No final period here", "next paragraph starts lowercase"]
        );
        let t = "Only this. Part two";
        assert_eq!(
            sentences(t, Span::new(0, 9))
                .iter()
                .map(|s| s.slice(t))
                .collect::<Vec<_>>(),
            ["Only this"]
        );
    }

    #[test]
    fn line_breaks_inside_a_paragraph() {
        let t = "Ready for the debate?\nBoth campaigns say yes.\n\nHis advice:\nStay calm\nBe brief\n\nThe remarks were\nwidely shared.";
        assert_eq!(
            sents(t),
            [
                "Ready for the debate?",
                "Both campaigns say yes.",
                "His advice:",
                "Stay calm",
                "Be brief",
                "The remarks were\nwidely shared."
            ]
        );
    }

    #[test]
    fn crlf_and_bom() {
        let t = "\u{feff}Mr. Lee spoke first. The crowd cheered.\r\n\r\n“Go home?” he asked.\r\n";
        assert_eq!(
            sents(t),
            [
                "Mr. Lee spoke first.",
                "The crowd cheered.",
                "“Go home?” he asked."
            ]
        );
    }

    #[test]
    fn nbsp_and_zero_width_spaces() {
        let t = "It rained.\u{a0}The match was off.\u{200b} Fans left.";
        assert_eq!(sents(t), ["It rained.", "The match was off.", "Fans left."]);
    }

    #[test]
    fn emoji_and_combining_marks() {
        assert_eq!(
            sents("The café\u{301} opened 🎉. Crowds came 👍🏽. Zoë said it was a success."),
            [
                "The café\u{301} opened 🎉.",
                "Crowds came 👍🏽.",
                "Zoë said it was a success."
            ]
        );
        assert_eq!(
            sents("Ce\u{301}sar met Dr. E\u{301}mile. Both smiled."),
            ["Ce\u{301}sar met Dr. E\u{301}mile.", "Both smiled."]
        );
    }

    #[test]
    fn non_latin_text() {
        assert_eq!(
            sents("Она сказала. Он ушёл. 他说。她走了。"),
            ["Она сказала.", "Он ушёл.", "他说。", "她走了。"]
        );
    }

    #[test]
    fn degenerate_inputs_do_not_panic() {
        for t in [
            "",
            ".",
            "...",
            "…",
            "\u{301}",
            "\u{301}. \u{301}",
            "?” ",
            "“",
            "Mr.",
            "U.S.",
            " . . . ",
            "\u{feff}",
            "a.\u{200d}B",
            "$",
            "No. $",
            "“Why?” Sen.",
            "x… ",
            "said.“",
            "\"",
            "1. 2. 3.",
        ] {
            check_invariants(t);
            let _ = sents(t);
        }
        // Out-of-range and mid-character spans are clamped.
        let t = "Zoë left. Éric stayed.";
        assert_eq!(sentences(t, Span::new(0, 1000)).len(), 2);
        let _ = sentences(t, Span::new(3, 4));
        let _ = sentences(t, Span::new(500, 600));
        let _ = sentences(t, Span::new(12, 13));
    }

    #[test]
    fn invariants_on_messy_text() {
        let t = "\u{feff}BREAKING:\u{a0}U.S. Sen. O’Neil (R-Ky.) said… “We’re done?!” he\r\n\
                 asked.The end...\r\n\r\n\t \r\n“Really?” — Dr. Ba\u{301}nez, 3.5%!! \u{200b}\r\r\
                 1. 2. 3. ’twas 😀.\u{2028}Next\u{2029}line ¿Qué? 他说。\"Quoted\"? No. 5…";
        check_invariants(t);
        let all = document_sentences(t);
        assert!(all.windows(2).all(|w| w[0].end <= w[1].start));
        assert!(!all.is_empty());
    }

    #[test]
    fn invariants_on_random_strings() {
        const POOL: &[&str] = &[
            "a", "Z", "Mr", "U", "S", "No", "etc", "he", "The", "2", "3.5", " ", "  ", "\n",
            "\r\n", "\r", "\t", "\u{a0}", "\u{feff}", "\u{200b}", "\u{200d}", ".", "...", "…", "?",
            "!", "“", "”", "\"", "'", "’", "(", ")", "—", ",", "$", "\u{301}", "😀", "👍🏽", "他",
            "。", "\u{2029}", "\u{2028}", ":", "said", "asked",
        ];
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..3000 {
            let n = (next() % 24) as usize;
            let t: String = (0..n)
                .map(|_| POOL[(next() % POOL.len() as u64) as usize])
                .collect();
            check_invariants(&t);
        }
    }

    fn slow_uax(s: &str) -> Vec<usize> {
        s.split_sentence_bound_indices()
            .map(|(k, _)| k)
            .filter(|&k| k > 0)
            .collect()
    }

    #[test]
    fn plain_non_ascii_chars_are_not_terminators() {
        for u in 0x80..0xE0080u32 {
            let Some(c) = char::from_u32(u) else { continue };
            if !is_plain_non_ascii(c) {
                continue;
            }
            for t in [format!("x{c} Y"), format!("x{c}Y"), format!("x{c} y")] {
                assert_eq!(slow_uax(&t), Vec::<usize>::new(), "U+{u:04X}");
            }
        }
    }

    #[test]
    fn fast_uax_matches_the_iterator() {
        const POOL: &[&str] = &[
            "a", "b", "Z", "U", "3", "7", " ", "  ", "\u{a0}", "\n", "\r", "\t", ".", ".", "?",
            "!", "“", "”", "\"", "'", "’", "(", ")", "—", ",", ";", ":", "-", "\u{301}",
            "\u{200b}", "😀", "é", "Σ", "ж", "\u{2029}", "\u{85}", "…", "$",
        ];
        let mut state: u64 = 0x2545_F491_4F6C_DD1D;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..20000 {
            let n = (next() % 16) as usize;
            let t: String = (0..n)
                .map(|_| POOL[(next() % POOL.len() as u64) as usize])
                .collect();
            let mut fast = Vec::new();
            uax_boundaries(&t, &mut fast);
            assert_eq!(fast, slow_uax(&t), "{t:?}");
        }
        // Text outside the fast path's repertoire takes the slow path.
        let t = "他说。她走了。 Done‼ Next";
        let mut fast = Vec::new();
        uax_boundaries(t, &mut fast);
        assert_eq!(fast, slow_uax(t));
    }

    #[test]
    fn pathological_inputs_stay_linear() {
        // Quadratic behaviour would take minutes here; linear takes well under a second.
        let n = 30_000;
        for unit in [
            "! ", "\n", "“", ". ", "a.", "…", "? ”", " ", "a.B", "1. ", "Mr. ",
        ] {
            let t = unit.repeat(n);
            let start = std::time::Instant::now();
            let whole = sentences(&t, Span::new(0, t.len()));
            let by_para = document_sentences(&t);
            assert!(
                start.elapsed() < std::time::Duration::from_secs(20),
                "{unit:?} took {:?}",
                start.elapsed()
            );
            assert!(whole.len() <= t.len() && by_para.len() <= t.len());
        }
    }

    #[test]
    fn invariants_on_every_prefix_and_suffix() {
        let t = "Mr. Ré\u{301}my said… “Why?” He left.\r\n\r\nU.S. 3.5 — etc.” No. 2";
        for (i, _) in t.char_indices() {
            check_invariants(&t[..i]);
            check_invariants(&t[i..]);
        }
    }
}
