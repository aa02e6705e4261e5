//! Indirect speech: reported statements without quotation marks (`The US is closely watching
//! the talks, the White House said Friday.`), with their speaker mention and cue.
//!
//! A sentence at a time, outside quotation marks, five patterns are tried in order:
//!
//! 1. `According to X, CLAUSE` and `CLAUSE, according to X.` (`indirect.according-to`);
//! 2. `CLAUSE, X said.` / `CLAUSE, said X.`, the tag closing the sentence (`indirect.clause-cue`);
//! 3. `CLAUSE, X said, CLAUSE.`, one row per part (`indirect.parenthetical`);
//! 4. `X said (that) CLAUSE`, `X told Y (that) CLAUSE`, `X believes CLAUSE` (`indirect.cue-clause`);
//! 5. `X ..., saying (that) CLAUSE` (`indirect.participle`), also after a pattern 4 clause.
//!
//! Before them all, a paragraph that opens with a speaker's name and a colon (`Ann Coulter:
//! Don't trust the machines`, a headline or a transcript) reports what follows the colon
//! (`indirect.label`).
//!
//! The content span is the reported clause alone: no tag, no `that`, no final punctuation. A
//! clause that holds a quote is not written again: the quote's own row (a partial quote,
//! attributed by the same cue) stands for it. Mentions are the same kind as for quotes, so the
//! resolution stage turns `he` or `the senator` into the speaker's full name.

use crate::attribute::{
    is_filler, is_source_noun, is_subordinator, takes_person_object, Attribution, Ctx,
};
use crate::lexicon::{CueClass, CueForm, Lexicon};
use crate::mention::{
    ascii_lower, is_auxiliary, is_number_word, is_past_tense, is_speech_medium, is_time_word,
    spaced_at, tokenize, tokenize_into, AsciiLower, Mention, MentionKind, Tok, TokKind,
};
use crate::quotes::QuoteSpan;
use crate::span::Span;
use crate::types::{QuoteKind, Rule};

/// The fewest words a reported clause may have.
const MIN_WORDS: usize = 3;

/// The indirect-speech attributions of one document, in text order. `quotes` are the quoted
/// spans found in it: no reported clause overlaps one.
///
/// Every paragraph is tokenized here; `each_paragraph` sees the tokens of each, in order, so
/// that the name scan of the resolution stage needs no second pass.
pub fn find(
    text: &str,
    lex: &Lexicon,
    paragraphs: &[Span],
    quotes: &[QuoteSpan],
    mut each_paragraph: impl FnMut(&[Tok]),
) -> Vec<Attribution> {
    let cx = Ctx::new(text, lex);
    let mut out = Vec::new();
    let mut sentences: Vec<(usize, usize)> = Vec::new();
    let mut in_sentence: Vec<Span> = Vec::new();
    let mut quoted: Vec<bool> = Vec::new();
    // Buffers reused from paragraph to paragraph.
    let mut toks: Vec<Tok> = Vec::new();
    let mut cues: Vec<Option<CueForm>> = Vec::new();
    let mut qi = 0;
    // Single-word speaker labels checked against the text: bounded, so that a document of
    // many `Word:` lines stays linear.
    let mut surname_checks = 0;
    for &para in paragraphs {
        tokenize_into(text, para, &mut toks);
        each_paragraph(&toks);
        // The cue of each token, looked up once. Paragraphs with no cue at all are common:
        // they are skipped before splitting.
        cues.clear();
        cues.extend((0..toks.len()).map(|i| {
            cx.cue_at(&toks, i)
                .or_else(|| intent_or_stance_at(&cx, &toks, i))
        }));
        if is_title_case(&cx, &toks) {
            headline_cues(&cx, &toks, &mut cues);
        }
        let label = speaker_label(&cx, &toks, &mut surname_checks);
        if label.is_none() && cues.iter().all(Option::is_none) {
            continue;
        }
        sentences.clear();
        token_sentences(text, &toks, &mut sentences);
        for &(lo, hi) in &sentences {
            let s = Span::new(toks[lo].span.start, toks[hi - 1].span.end);
            while qi < quotes.len() && quotes[qi].span.end <= s.start {
                qi += 1;
            }
            in_sentence.clear();
            in_sentence.extend(
                quotes[qi..]
                    .iter()
                    .take_while(|q| q.span.start < s.end)
                    .map(|q| q.span),
            );
            if in_sentence
                .iter()
                .any(|q| q.start <= s.start && q.end >= s.end)
            {
                continue;
            }
            let label = label.as_ref().filter(|(colon, _)| lo == 0 && *colon < hi);
            if label.is_none() && cues[lo..hi].iter().all(Option::is_none) {
                continue;
            }
            quoted.clear();
            quoted.extend(toks[lo..hi].iter().map(|t| {
                in_sentence
                    .iter()
                    .any(|q| q.start <= t.span.start && t.span.end <= q.end)
            }));
            Sentence {
                cx: &cx,
                toks: &toks[lo..hi],
                cues: &cues[lo..hi],
                quoted: &quoted,
                quotes: &in_sentence,
                label,
                span: s,
            }
            .attribute(&mut out);
        }
    }
    out
}

/// A headline in title case: `Hillary Clinton Says No To Fox News`. Four words or more,
/// nearly all of them capitalised.
fn is_title_case(cx: &Ctx<'_>, toks: &[Tok]) -> bool {
    let (mut words, mut caps) = (0usize, 0usize);
    for t in toks.iter().filter(|t| t.is_word()) {
        words += 1;
        if cx.w(t).starts_with(char::is_uppercase) {
            caps += 1;
        }
        if words > 40 {
            return false;
        }
    }
    words >= 4 && caps * 10 >= words * 8
}

/// In a title-case headline, a capitalised verb of saying is a cue: `Rubio Says ...`,
/// `Governor Warns ...`.
fn headline_cues(cx: &Ctx<'_>, toks: &[Tok], cues: &mut [Option<CueForm>]) {
    for (i, t) in toks.iter().enumerate() {
        if cues[i].is_some() || i == 0 || !t.is_word() {
            continue;
        }
        let w = cx.w(t);
        if !w.starts_with(char::is_uppercase) {
            continue;
        }
        let lower = ascii_lower(w);
        if matches!(
            lower.as_str(),
            "says"
                | "said"
                | "tells"
                | "told"
                | "warns"
                | "claims"
                | "urges"
                | "vows"
                | "admits"
                | "insists"
                | "argues"
                | "predicts"
                | "explains"
                | "reveals"
                | "denies"
                | "suggests"
                | "asks"
                | "promises"
                | "pledges"
        ) {
            cues[i] =
                cx.g.lex
                    .cue_at(&[lower.as_str()])
                    .filter(|c| c.words == 1 && !c.participle);
        }
    }
}

/// Splits a paragraph's tokens into sentences, as token ranges: a sentence ends at a full
/// stop, question or exclamation mark (with any closing marks after it) before a capitalised
/// word, a digit or an opening mark, or at a line break. The tokenizer keeps the dots of
/// initials and abbreviations (`U.S.`, `Sen.`) inside their words, so they end nothing. This
/// is cheaper than the Unicode splitter the quote stage uses, and good enough for finding
/// reported clauses, which never cross a sentence end.
fn token_sentences(text: &str, toks: &[Tok], out: &mut Vec<(usize, usize)>) {
    let mut start = 0;
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        let mut end = None;
        if t.is('.') || t.is('!') || t.is('?') || t.is('…') {
            // Closing marks stuck to the stop belong to its sentence; a straight quotation
            // mark after a space opens the next one.
            let mut k = i + 1;
            while k < toks.len()
                && toks[k].span.start == toks[k - 1].span.end
                && matches!(
                    toks[k].kind,
                    TokKind::Punct('”' | '’' | '"' | '\'' | ')' | '»' | '.')
                )
            {
                k += 1;
            }
            let next_opens = toks.get(k).is_some_and(|n| {
                let w = n.text(text);
                w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                    || matches!(
                        n.kind,
                        TokKind::Punct('“' | '‘' | '"' | '\'' | '(' | '«' | '—' | '-')
                    )
            });
            // `Roe v. Wade`
            let legal = i > 0 && matches!(toks[i - 1].text(text), "v" | "vs");
            if (next_opens || k == toks.len()) && !legal {
                end = Some(k);
            }
        } else if t.is_word()
            && t.text(text).ends_with('.')
            && toks
                .get(i + 1)
                .is_some_and(|n| opens_sentence(n.text(text)))
        {
            // `... to enter the U.S. The proposal ...`: an abbreviation's dot ends a sentence
            // before a word that opens one.
            end = Some(i + 1);
        } else if i + 1 < toks.len()
            && text.as_bytes()[t.span.end..toks[i + 1].span.start].contains(&b'\n')
        {
            end = Some(i + 1);
        }
        if let Some(e) = end {
            if e > start {
                out.push((start, e));
            }
            start = e;
            i = e;
        } else {
            i += 1;
        }
    }
    if start < toks.len() {
        out.push((start, toks.len()));
    }
}

/// Capitalised words that open sentences and seldom follow an abbreviation inside one.
fn opens_sentence(w: &str) -> bool {
    matches!(
        w,
        "The"
            | "A"
            | "An"
            | "He"
            | "She"
            | "It"
            | "They"
            | "We"
            | "I"
            | "But"
            | "And"
            | "In"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "His"
            | "Her"
            | "Their"
            | "Its"
            | "Our"
            | "There"
            | "If"
            | "When"
            | "While"
            | "After"
            | "Some"
            | "Many"
            | "Most"
            | "Still"
            | "Yet"
            | "So"
            | "Then"
            | "Now"
            | "Meanwhile"
            | "However"
            | "Also"
    )
}

/// One sentence and the quotes inside it.
struct Sentence<'a> {
    cx: &'a Ctx<'a>,
    toks: &'a [Tok],
    /// The cue at each token, inside quotes too.
    cues: &'a [Option<CueForm>],
    /// Whether each token stands inside a quote.
    quoted: &'a [bool],
    quotes: &'a [Span],
    /// The colon and the speaker of a paragraph that opens with `NAME:`, in its first
    /// sentence.
    label: Option<&'a (usize, Mention)>,
    span: Span,
}

/// A reported clause found in a sentence, before it becomes an [`Attribution`].
struct Found {
    /// Token range of the content, end exclusive.
    content: (usize, usize),
    mention: Mention,
    appositive: Option<Span>,
    cue: Span,
    rule: Rule,
}

/// A pattern of reported speech: the clauses it finds in a sentence, if it matches.
type Pattern<'a> = fn(&Sentence<'a>) -> Option<Vec<Found>>;

impl<'a> Sentence<'a> {
    fn w(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| self.cx.w(t))
    }

    fn lower(&self, i: usize) -> AsciiLower {
        ascii_lower(self.w(i))
    }

    fn is_word(&self, i: usize, word: &str) -> bool {
        self.toks.get(i).is_some_and(Tok::is_word) && self.w(i).eq_ignore_ascii_case(word)
    }

    /// True when token `i` is a dash: `—`, `–`, or the first hyphen of `--`.
    fn dash_at(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| {
            t.is('—') || t.is('–') || t.is('-') && self.toks.get(i + 1).is_some_and(|n| n.is('-'))
        })
    }

    /// True when token `i` stands inside a quote.
    fn quoted(&self, i: usize) -> bool {
        self.quoted.get(i).copied().unwrap_or(false)
    }

    /// The cue at token `i`, outside quotes.
    fn cue(&self, i: usize) -> Option<CueForm> {
        if self.quoted(i) {
            return None;
        }
        self.cues.get(i).copied().flatten()
    }

    fn attribute(&self, out: &mut Vec<Attribution>) {
        // The first pattern that matches wins; when its clauses all hold a quote (`“...,” he
        // said, adding that ...`: the tag between commas), the cues are read in order.
        let patterns: [Pattern<'a>; 5] = [
            Self::labelled,
            Self::according_to,
            Self::clause_then_tag,
            Self::parenthetical,
            Self::cue_then_clause,
        ];
        for (k, pattern) in patterns.iter().enumerate() {
            let Some(found) = pattern(self) else {
                continue;
            };
            let before = out.len();
            out.extend(found.into_iter().filter_map(|f| self.attribution(f)));
            if out.len() == before && k + 1 < patterns.len() {
                out.extend(
                    self.cue_then_clause()
                        .into_iter()
                        .flatten()
                        .filter_map(|f| self.attribution(f)),
                );
            }
            return;
        }
    }

    /// The row for a clause, unless it is too short or holds a quote.
    fn attribution(&self, f: Found) -> Option<Attribution> {
        let (mut s, mut e) = f.content;
        // Trim edge punctuation and a leading `that`.
        while s < e && !self.toks[s].is_word() && !self.toks[s].is('$') {
            s += 1;
        }
        // Not a capitalised `That` opening the sentence: `That is so out of touch, she said.`
        if s < e && self.toks[s].is_word() && self.w(s) == "that" {
            s += 1;
        }
        // A dateline is not part of the clause: `WASHINGTON (Reuters) — `, `PARIS: `.
        if s == 0 {
            if let Some(d) = self.dateline_end() {
                s = d;
            }
        }
        while e > s
            && !self.toks[e - 1].is_word()
            && !self.toks[e - 1].is('%')
            && !self.toks[e - 1].is(')')
        {
            e -= 1;
        }
        let words = (s..e).filter(|&i| self.toks[i].is_word()).count();
        if words < MIN_WORDS {
            return None;
        }
        let span = Span::new(self.toks[s].span.start, self.toks[e - 1].span.end);
        if self.quotes.iter().any(|q| q.overlaps(span)) {
            return None;
        }
        Some(Attribution {
            span,
            kind: QuoteKind::Indirect,
            mention: Some(f.mention),
            appositive: f.appositive,
            cue: Some(f.cue),
            rule: f.rule,
            inherits: None,
            fallback: None,
            weak: false,
            sentence: self.span,
        })
    }

    /// The first token after a dateline opening the sentence: an all-capitals place, maybe a
    /// bracket or a state, then a dash or a colon.
    fn dateline_end(&self) -> Option<usize> {
        let toks = self.toks;
        let w0 = self.w(0);
        if w0.len() < 2 || !w0.chars().all(|c| c.is_uppercase() || !c.is_alphabetic()) {
            return None;
        }
        let d = toks
            .iter()
            .take(12)
            .position(|t| t.is('—') || t.is('–') || t.is(':') || t.is('-'))?;
        // A hyphen inside a word (`Jean-Luc`) is no dateline dash: it stands between spaces.
        (spaced_at(toks, d) || !toks[d].is('-')).then_some(d + 1)
    }

    /// `According to X, CLAUSE` / `CLAUSE, according to X.`
    /// `Clinton: Trump's view of the world is dangerously wrong`, `Matthews: Here's the
    /// irony of our time ...`: a paragraph that opens with a speaker's name and a colon (a
    /// headline, a transcript) reports what follows the colon.
    fn labelled(&self) -> Option<Vec<Found>> {
        let &(colon, ref m) = self.label?;
        let (start, end) = (colon + 1, self.toks.len());
        if !self.has_finite_verb(start, end) || (start..end).any(|i| self.quoted(i)) {
            return None;
        }
        let cue = self.toks[colon].span;
        Some(vec![self.found(
            (start, end),
            m.clone(),
            None,
            cue,
            Rule::IndirectLabel,
        )])
    }

    fn according_to(&self) -> Option<Vec<Found>> {
        let (cx, toks) = (self.cx, self.toks);
        // After a comma or a dash, or straight after a clause (`Clinton leads by 271
        // delegates according to a count by The Associated Press.`).
        let a = (0..toks.len()).find(|&i| {
            self.cue(i).is_some_and(|c| c.class == CueClass::Phrase)
                && (i <= 1
                    || matches!(
                        toks[i - 1].kind,
                        TokKind::Punct(',' | '—' | '–' | '-' | '(' | ':')
                    )
                    || i > 3 && toks[i - 1].is_word() && self.has_finite_verb(0, i))
        })?;
        let c = self.cue(a)?;
        let np = a + c.words;
        let cue = cx.cue_span(toks, a, c);
        // A source the mention grammar cannot read whole (`early results of exit polls
        // conducted for The Associated Press`, `a count by The Associated Press`) stands as
        // written, up to `end`.
        let phrase = |end: usize| {
            let end = (np..end)
                .rev()
                .find(|&i| toks[i].is_word())
                .map(|i| i + 1)?;
            (end > np && toks[np].is_word() && end - np <= 30).then(|| {
                let span = Span::new(toks[np].span.start, toks[end - 1].span.end);
                Mention::unnamed(span, MentionKind::Description, None)
            })
        };
        let n = toks.len();
        // `But according to reports, ...`: a conjunction before it still opens the sentence.
        let opens = a == 0
            || toks[a - 1].is(':')
            || a == 1
                && matches!(
                    self.lower(0).as_str(),
                    "but" | "and" | "yet" | "so" | "still" | "however" | "now" | "also"
                );
        if opens {
            // `According to X, CLAUSE`: the clause after the comma (also after a colon:
            // `It has not gone unnoticed: according to recent polls, ...`).
            let (m, appos, comma) = match cx.mention_after(toks, np) {
                Some((m, appos, end)) => {
                    let comma = (end..n.min(end + 12)).find(|&i| toks[i].is(','))?;
                    (m, appos, comma)
                }
                None => {
                    let comma = (np + 1..n.min(np + 31)).find(|&i| toks[i].is(','))?;
                    (phrase(comma)?, None, comma)
                }
            };
            Some(vec![self.found(
                (comma + 1, n),
                m,
                appos,
                cue,
                Rule::IndirectAccordingTo,
            )])
        } else {
            // `CLAUSE, according to X.`: the source phrase closes the sentence.
            let clause_end = if toks[a - 1].is_word() { a } else { a - 1 };
            // A dash closes the source: `…, according to a survey by the college - back …`.
            let src_end = (np..n)
                .find(|&i| {
                    toks[i].is('—') || toks[i].is('–') || toks[i].is('-') && spaced_at(toks, i)
                })
                .unwrap_or(n);
            let rest_is_source = !(np..src_end).any(|i| toks[i].is(',') || self.quoted(i));
            // `a count by the Gazette`: a description that goes on with a preposition is
            // the whole phrase.
            let goes_on = |end: usize| {
                toks.get(end).is_some_and(|t| {
                    t.is_word() && matches!(self.lower(end).as_str(), "by" | "of" | "from" | "for")
                })
            };
            // `Since November, according to Human Rights Watch, forces have killed ...`,
            // `The implication, according to the aide, is that ...`: with no verb before it,
            // the source is a parenthesis and the clause follows it.
            // A source that closes the sentence (`An average of 81 percent of Democrats
            // approve of Obama, according to HuffPost Pollster.`) speaks for what precedes it,
            // verb or not.
            if toks[a - 1].is(',') && !self.has_finite_verb(0, a) {
                if let Some((m, appos, close)) = cx
                    .mention_after(toks, np)
                    .filter(|&(_, _, end)| end < n && toks[end].is(','))
                {
                    let (start, stop) = (close + 1, self.clause_end(close + 1));
                    if !self.has_finite_verb(start, stop) {
                        return None;
                    }
                    return Some(vec![self.found(
                        (start, stop),
                        m,
                        appos,
                        cue,
                        Rule::IndirectAccordingTo,
                    )]);
                }
            }
            let (m, appos) = match cx.mention_after(toks, np) {
                Some((m, appos, end))
                    if (end..src_end).filter(|&i| toks[i].is_word()).count() <= 6
                        && !(m.kind == MentionKind::Description
                            && rest_is_source
                            && goes_on(end)) =>
                {
                    (m, appos)
                }
                _ if rest_is_source => (phrase(src_end)?, None),
                // `CLAUSE, according to a CNN tally, but his path ...`: what follows the
                // source is no part of its clause; the comma before may be missing.
                Some((m, appos, end))
                    if toks[a - 1].is(',') || toks.get(end).is_some_and(|t| t.is(',')) =>
                {
                    (m, appos)
                }
                _ => return None,
            };
            Some(vec![self.found(
                (0, clause_end),
                m,
                appos,
                cue,
                Rule::IndirectAccordingTo,
            )])
        }
    }

    /// `CLAUSE, X said.`, `CLAUSE, said X.`: a speech tag after the last comma, closing the
    /// sentence but for a short adjunct (`the ministry said Friday`, `she told reporters`).
    fn clause_then_tag(&self) -> Option<Vec<Found>> {
        let (cx, toks) = (self.cx, self.toks);
        let n = toks.len();
        // `, said X.` or `, said X, a spokeswoman for the ministry.`: the tag may follow the
        // last comma or the one before it.
        let mut commas = (1..n).rev().filter(|&i| toks[i].is(',') && !self.quoted(i));
        let last = commas.next()?;
        if let Some(comma) = commas.next() {
            let t0 = self.after_comma(comma);
            let c = self
                .cue(t0)
                .filter(|c| c.class == CueClass::Speech && !c.participle);
            if let Some(c) = c {
                if let Some((m, Some(appos), end)) = cx.mention_after(toks, t0 + c.words) {
                    if end == last && m.kind == MentionKind::Person {
                        let cue = cx.cue_span(toks, t0, c);
                        let f =
                            self.found((0, comma), m, Some(appos), cue, Rule::IndirectClauseCue);
                        return Some(vec![f]);
                    }
                }
            }
        }
        let comma = last;
        let t0 = self.after_comma(comma);
        if t0 >= n {
            return None;
        }
        // `..., Google's chief executive, Laszlo Bock, told The New York Times in 2013.`: a
        // verb of telling after a comma is no inversion; its subject and apposition stand
        // before it, and what follows is the person told.
        // `..., Ann Bock, the chief executive, said on Monday.`: so is a verb of saying with
        // no more than an adjunct after it.
        let tells = takes_person_object(&ascii_lower(self.w(t0)));
        if let Some(c) = self.cue(t0).filter(|c| {
            c.class == CueClass::Speech
                && !c.participle
                && (tells
                    || self.adjunct_only(t0 + c.words)
                        && cx.mention_after(toks, t0 + c.words).is_none())
        }) {
            let (m, appos) = cx.mention_before(toks, 0, t0)?;
            let start = appos.map_or(m.span.start, |a| a.start.min(m.span.start));
            // The comma that opens the subject phrase: `, the firm’s chief executive, ...`.
            let k = toks.partition_point(|t| t.span.start < start);
            let k = (k.saturating_sub(4)..k)
                .rev()
                .find(|&i| toks[i].is(','))
                .filter(|&i| {
                    (i + 1..k).all(|j| toks[j].is_word() || toks[j].is('’') || toks[j].is('\''))
                })
                .map_or(k, |i| i + 1);
            let told_end = if tells {
                cx.mention_after(toks, t0 + c.words)
                    .filter(|(o, _, _)| o.kind != MentionKind::Pronoun)
                    .map(|(_, _, e)| e)
            } else {
                Some(t0 + c.words)
            };
            if k < 2
                || !toks[k - 1].is(',')
                || m.kind == MentionKind::Pronoun
                || !told_end.is_some_and(|e| self.adjunct_only(e))
                || !self.finite_verb(0, k - 1, true)
            {
                return None;
            }
            return Some(vec![self.found(
                (0, k - 1),
                m,
                appos,
                cx.cue_span(toks, t0, c),
                Rule::IndirectClauseCue,
            )]);
        }
        // `, said X`
        if let Some(c) = self
            .cue(t0)
            .filter(|c| c.class == CueClass::Speech && !c.participle)
        {
            let (m, appos, end) = cx.mention_after(toks, t0 + c.words)?;
            let indefinite =
                m.kind == MentionKind::Description && m.span == toks[t0 + c.words].span;
            // `, said a handful of Democrats who point to ...`: the speaker's own relative
            // clause closes the sentence.
            let relative = toks.get(end).is_some_and(Tok::is_word)
                && matches!(self.lower(end).as_str(), "who" | "whose");
            // `The host, Jo Matthews, pressed the minister.`: no clause before the comma.
            if !indefinite
                && (self.adjunct_only(end) || relative)
                && self.finite_verb(0, comma, true)
            {
                return Some(vec![self.found(
                    (0, comma),
                    m,
                    appos,
                    cx.cue_span(toks, t0, c),
                    Rule::IndirectClauseCue,
                )]);
            }
            return None;
        }
        // `, X said`
        let c_at = (t0 + 1..n.min(t0 + 16)).find(|&i| {
            self.cue(i)
                .is_some_and(|c| c.class != CueClass::Phrase && !c.participle)
        })?;
        let c = self.cue(c_at)?;
        let (m, appos) = cx.mention_before(toks, t0, c_at)?;
        // `, Phil Smith told POLITICO earlier this week.`: the person told, then an adjunct.
        let after_object = || {
            let j = c_at + c.words;
            if !takes_person_object(&ascii_lower(self.w(c_at))) || j >= n || !toks[j].is_word() {
                return false;
            }
            let object_end =
                if matches!(self.lower(j).as_str(), "him" | "her" | "them" | "us" | "me") {
                    Some(j + 1)
                } else {
                    cx.mention_after(toks, j)
                        .filter(|(o, _, _)| o.kind != MentionKind::Pronoun)
                        .map(|(_, _, e)| e)
                };
            // Not `In a letter to Zucker, Trump asked the network to donate ...`: the clause
            // before the comma has a verb, and no infinitive follows the object.
            object_end.is_some_and(|e| {
                self.adjunct_only(e) && !self.is_word(e, "to") && self.has_finite_verb(0, comma)
            })
        };
        // `, the senator proposed a constitutional amendment.`: a verb of reporting with an
        // object is no tag.
        // Nor is a verb of saying with an indefinite object: `, Clinton maintains a
        // commanding lead` (but `, she said a day later`).
        let object = c.class != CueClass::Speech
            && matches!(self.lower(c_at + c.words).as_str(), "the" | "a" | "an")
            || matches!(self.lower(c_at + c.words).as_str(), "a" | "an")
                && !takes_person_object(&self.lower(c_at))
                && !(c_at + c.words + 1..n.min(c_at + c.words + 4)).any(|i| {
                    let w = self.lower(i);
                    is_time_word(&w) || matches!(w.as_str(), "later" | "ago" | "earlier")
                });
        if m.span.start != toks[t0].span.start
            || object
            || !(self.adjunct_only(c_at + c.words) || after_object())
        {
            return None;
        }
        Some(vec![self.found(
            (0, comma),
            m,
            appos,
            cx.cue_span(toks, c_at, c),
            Rule::IndirectClauseCue,
        )])
    }

    /// The token after the comma at `comma`, past a closing mark typed as apostrophes
    /// (`,'' Dana Ruiz said.`) when such marks are not read as quotation marks.
    fn after_comma(&self, comma: usize) -> usize {
        let toks = self.toks;
        comma
            + 1
            + (comma + 1..toks.len().min(comma + 3))
                .take_while(|&i| {
                    (toks[i].is('\'') || toks[i].is('’'))
                        && toks[i].span.start == toks[i - 1].span.end
                })
                .count()
    }

    /// True when the tokens from `from` to the sentence end are at most a short adjunct:
    /// `Friday`, `in a statement`, `told reporters on Tuesday`.
    fn adjunct_only(&self, from: usize) -> bool {
        // What follows a dash or a semicolon is a sentence of its own: `the Budget Office
        // reported on Tuesday -- a development that ...`, `his aides argued; rather, ...`.
        let n = (from.min(self.toks.len())..self.toks.len())
            .find(|&i| self.toks[i].is(';') || self.dash_at(i))
            .unwrap_or(self.toks.len());
        let rest = &self.toks[from.min(n)..n];
        let words: Vec<usize> = (from.min(n)..n)
            .filter(|&i| self.toks[i].is_word())
            .collect();
        let Some(&first) = words.first() else {
            return true;
        };
        // An adjunct opens with a preposition or a time word, or is the object of `told`.
        let opens = matches!(
            self.lower(first).as_str(),
            "in" | "on"
                | "at"
                | "during"
                | "after"
                | "before"
                | "last"
                | "this"
                | "earlier"
                | "later"
                | "yesterday"
                | "today"
                | "tonight"
                | "recently"
                | "previously"
                | "reporters"
                | "journalists"
                | "the"
                | "a"
                | "an"
                | "via"
                | "through"
                | "by"
                | "when"
                | "while"
                | "from"
                | "to"
                | "with"
                | "late"
                | "early"
                | "privately"
                | "publicly"
        ) || is_day(self.w(first));
        let verb_like = words.iter().any(|&i| {
            let w = self.lower(i);
            // `asked the trustees to delay`: an infinitive is no adjunct.
            let infinitive = &*w == "to"
                && i + 1 < n
                && self.toks[i + 1].is_word()
                && self.w(i + 1).starts_with(|c: char| c.is_ascii_lowercase())
                && !matches!(
                    self.lower(i + 1).as_str(),
                    "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our" | "this" | "that"
                );
            is_auxiliary(&w) || &*w == "that" || infinitive
        });
        words.len() <= 8
            && opens
            && !verb_like
            && !rest
                .iter()
                .any(|t| t.is(',') || t.is(';') || t.is(':') || t.is('“') || t.is('"'))
    }

    /// `CLAUSE, X said, CLAUSE.`: a tag between commas inside the sentence.
    fn parenthetical(&self) -> Option<Vec<Found>> {
        let (cx, toks) = (self.cx, self.toks);
        let n = toks.len();
        for open in 1..n {
            if !toks[open].is(',') || self.quoted(open) {
                continue;
            }
            let Some(close) = (open + 2..n.min(open + 14)).find(|&i| toks[i].is(',')) else {
                continue;
            };
            let first = self.after_comma(open);
            let inner = first..close;
            let Some(c_at) = inner.clone().find(|&i| {
                self.cue(i)
                    .is_some_and(|c| c.class == CueClass::Speech && !c.participle)
            }) else {
                continue;
            };
            let c = self.cue(c_at)?;
            let mention = if c_at == first {
                cx.mention_after(toks, c_at + c.words)
                    .filter(|(_, _, e)| *e == close)
                    .map(|(m, a, _)| (m, a))
            } else {
                cx.mention_before(toks, first, c_at)
                    .filter(|(m, _)| m.span.start == toks[first].span.start)
                    .filter(|_| {
                        c_at + c.words == close || self.adjunct_words(c_at + c.words, close)
                    })
            };
            let Some((m, appos)) = mention else {
                continue;
            };
            let cue = cx.cue_span(toks, c_at, c);
            let before = (0, open);
            // `, Ruiz said, ''and we will win.''`: past an opening mark typed as apostrophes.
            let close = close
                + (close + 1..n.min(close + 3))
                    .take_while(|&i| {
                        (toks[i].is('\'') || toks[i].is('’'))
                            && toks
                                .get(i + 1)
                                .is_some_and(|t| t.span.start == toks[i].span.end)
                    })
                    .count();
            let after = (close + 1, n);
            let mut v = Vec::new();
            // A short opener is no clause of its own: `On Friday, she said, the team ...`;
            // nor is a longer phrase with no verb: `In a statement for this story, ...`.
            let opener = matches!(
                self.lower(0).as_str(),
                "in" | "on"
                    | "at"
                    | "during"
                    | "after"
                    | "before"
                    | "with"
                    | "for"
                    | "from"
                    | "amid"
                    | "under"
                    | "over"
                    | "by"
            ) && !self.has_finite_verb(1, open);
            // A part before the tag with no verb is the subject of the part after it (`The
            // new rules, the minister said, would take effect`) or no clause at all (`Late
            // last month, ...`).
            let after_verb_first = close + 1 < n && {
                let w = self.lower(close + 1);
                is_auxiliary(&w) || is_past_tense(&w) || w.ends_with("ed")
            };
            let before_clause = self.has_finite_verb(0, open) || after_verb_first;
            if !opener
                && before_clause
                && (0..open).filter(|&i| toks[i].is_word()).count() >= MIN_WORDS
            {
                v.push(self.found(before, m.clone(), appos, cue, Rule::IndirectParenthetical));
            }
            // What follows a tag may be an adjunct of the sentence, not reported words: `...,
            // the ministry said, in a move aimed at ...`.
            let adjunct_after = close + 1 < n
                && matches!(
                    self.lower(close + 1).as_str(),
                    "in" | "on"
                        | "at"
                        | "as"
                        | "after"
                        | "before"
                        | "during"
                        | "amid"
                        | "while"
                        | "when"
                        | "with"
                        | "without"
                        | "following"
                        | "despite"
                        | "because"
                        | "citing"
                        | "adding"
                        | "saying"
                        | "noting"
                        | "according"
                );
            // An apposition of the speaker is no clause: `..., said Ana Ruiz, executive
            // director of the union, a group that ...`.
            // The noun phrase ends at a comma or a relative word: `, a former analyst who
            // teaches at Georgetown.`
            let segment_end = (close + 1..n)
                .find(|&i| {
                    toks[i].is(',')
                        || i > close + 1 && matches!(self.w(i), "who" | "whose" | "which" | "that")
                })
                .unwrap_or(n);
            let apposition = close + 1 < segment_end
                && !self.finite_verb(close + 1, segment_end, true)
                && (matches!(self.lower(close + 1).as_str(), "a" | "an" | "the")
                    || cx.g.appositive(&toks[close + 1..segment_end]).is_some())
                || close + 1 < n && self.describes_speaker(close + 1);
            let after_clause = !apposition;
            if !adjunct_after && after_clause {
                // The opener belongs to the reported words too: `In Miami, he said, Trump is
                // seen as a bully` reports both parts, as two fragments.
                if v.is_empty() && self.opener_fragment(open, close) {
                    v.push(self.found(before, m.clone(), appos, cue, Rule::IndirectParenthetical));
                }
                v.push(self.found(after, m, appos, cue, Rule::IndirectParenthetical));
            }
            if v.is_empty() {
                continue;
            }
            return Some(v);
        }
        None
    }

    /// True when the words at `at`, right after a tag, describe the speaker or the scene,
    /// not what was said: a relative clause (`, who bought the course in 2010`), an age
    /// (`, 56, who ...`), `then` and a former role, a party and state (`, Republican of
    /// Ohio`), a participle (`, popping a Coca-Cola as he sat`).
    fn describes_speaker(&self, at: usize) -> bool {
        if !self.toks[at].is_word() {
            return false;
        }
        let w = self.w(at);
        let l = self.lower(at);
        matches!(l.as_str(), "who" | "whose" | "whom" | "then")
            || w.bytes().all(|b| b.is_ascii_digit())
                && self
                    .toks
                    .get(at + 1)
                    .map_or(true, |t| t.is(',') || t.is('.'))
            || matches!(w, "Republican" | "Democrat" | "Independent")
                && matches!(
                    self.toks.get(at + 1).map(|_| self.w(at + 1)),
                    Some("of" | "from")
                )
            || w.len() > 5
                && w.ends_with("ing")
                && w.starts_with(|c: char| c.is_ascii_lowercase())
                && !matches!(w, "nothing" | "something" | "everything" | "anything")
    }

    /// The words before a tag between commas (`In Miami, he said, Trump is seen as a bully`)
    /// are a fragment of the report when the words after the tag are reported, not quoted,
    /// and the opener does not set the scene of the speech itself: `In a statement, ...`,
    /// `Speaking on CNN, ...`, `Asked about it, ...`.
    fn opener_fragment(&self, open: usize, close: usize) -> bool {
        let quoted_after = (close + 1..self.toks.len())
            .any(|i| self.quoted(i) || matches!(self.w(i), "“" | "\"" | "‘"));
        let first = self.lower(usize::from(
            self.is_word(0, "and") || self.is_word(0, "but"),
        ));
        let participle = first.ends_with("ing") || first.ends_with("ed") || &*first == "asked";
        let scene = (0..open).any(|i| is_speech_medium(&self.lower(i)));
        !quoted_after && !participle && !scene
    }

    /// Up to three adjunct words between the cue and the closing comma: `she said Friday`,
    /// `he added on Tuesday`, `she said later`. An object is no adjunct: `the company wrote a
    /// detailed, ...`, `Manafort called Mr. Yanukovych, ...`, `asked to depose Clinton, ...`.
    /// `to` is left out here: `asked to depose Clinton, ...` is an infinitive.
    fn adjunct_words(&self, from: usize, to: usize) -> bool {
        to - from <= 3
            && (from..to).all(|i| self.toks[i].is_word())
            && is_adjunct_start(self.w(from))
            && !self.is_word(from, "to")
    }

    /// `X said (that) CLAUSE`: the first cue with a subject before it; the clause runs to the
    /// sentence end or to a participle that reports more (`, adding that ...`).
    fn cue_then_clause(&self) -> Option<Vec<Found>> {
        let (cx, toks) = (self.cx, self.toks);
        let n = toks.len();
        let mut out = Vec::new();
        // The subject of the latest cue, for a participle or a second verb after its clause
        // (`Ortiz said ..., adding that ...`, `He says ... and says ...`).
        let mut last: Option<(Mention, Option<Span>)> = None;
        // Where the latest clause ended: no subject is looked for before it.
        let mut done = 0;
        let mut c_at = 0;
        while c_at < n {
            let Some(c) = self.cue(c_at).filter(|c| c.class != CueClass::Phrase) else {
                c_at += 1;
                continue;
            };
            if c.participle {
                if let Some(f) = self.participle(c_at, c, last.clone()) {
                    c_at = f.content.1.max(c_at + 1);
                    done = c_at;
                    last = Some((f.mention.clone(), f.appositive));
                    out.push(f);
                } else {
                    c_at += 1;
                }
                continue;
            }
            // A passive is no report by the subject (`he was asked`, `it is expected`), and
            // a denial of saying is no report (`did not say how many`).
            // `continued to say`, `went on to say` do report.
            let goes_on = c_at > 1
                && self.is_word(c_at - 1, "to")
                && matches!(
                    self.lower(c_at - 2).as_str(),
                    "continued" | "continues" | "went" | "goes" | "began" | "begins"
                );
            if self.no_report_here(c_at, c) {
                c_at += 1;
                continue;
            }
            // `Sanders was asked by host John Dickerson whether ...`: the agent asked.
            if let Some(f) = self.asked_by(c_at, c) {
                c_at = f.content.1.max(c_at + 1);
                done = c_at;
                out.push(f);
                continue;
            }
            if c_at > 0 && !goes_on && {
                let p = self.lower(c_at - 1);
                matches!(
                    p.as_str(),
                    "was"
                        | "were"
                        | "is"
                        | "are"
                        | "be"
                        | "been"
                        | "being"
                        | "to"
                        | "not"
                        | "never"
                ) || p.ends_with("n't")
                    || p.ends_with("n’t")
            } {
                c_at += 1;
                continue;
            }
            let floor = (0..c_at)
                .rev()
                .find(|&i| self.quoted(i))
                .map_or(0, |i| i + 1)
                .max(done);
            // `ASML on Wednesday disclosed`, `has traditionally argued`: a time phrase or an
            // adverb between subject and cue.
            let mut before = if goes_on { c_at - 2 } else { c_at };
            while before > floor + 1 && toks[before - 1].is_word() && {
                let w = self.w(before - 1);
                // `The Times says`: a capitalised time word other than a weekday is a name.
                (w.ends_with("day") || !w.starts_with(char::is_uppercase))
                    && w != "Day"
                    && is_day(w)
                    || is_filler(w)
                    // `has traditionally argued`; not a name (`Megyn Kelly said`).
                    || w.len() > 4 && w.ends_with("ly") && w.starts_with(char::is_lowercase)
                    || matches!(w, "both" | "all")
            } {
                before -= 1;
            }
            if before < c_at && before > floor + 1 && self.is_word(before - 1, "on") {
                before -= 1;
            }
            // `..., then says he'll welcome advice`: a second verb of the same subject.
            let coordinated = c_at > 0
                && (matches!(self.lower(c_at - 1).as_str(), "but" | "and")
                    || c_at > 1 && self.is_word(c_at - 1, "then") && toks[c_at - 2].is(','));
            let subject = (floor == 0)
                .then(|| self.report_subject(before))
                .flatten()
                .or_else(|| cx.mention_before(toks, floor, before))
                .and_then(|(m, appos)| {
                    if self.is_subject(&m) {
                        return Some((m, appos));
                    }
                    // `Local anglers claimed`: a capitalised first word before a plural noun
                    // belongs to the subject.
                    let k = toks.iter().position(|t| t.span.start == m.span.start)?;
                    (k == 1 && floor == 0 && m.kind == MentionKind::Description && {
                        let w = self.w(0);
                        w.starts_with(char::is_uppercase) && !is_auxiliary(&ascii_lower(w))
                    })
                    .then(|| {
                        let span = Span::new(toks[0].span.start, m.span.end);
                        (
                            Mention::unnamed(span, MentionKind::Description, m.gender),
                            appos,
                        )
                    })
                })
                .or_else(|| {
                    if coordinated {
                        last.clone().or_else(|| self.sentence_subject(c_at))
                    } else if floor == 0
                        && (c.class == CueClass::Speech || self.is_word(c_at + c.words, "that"))
                    {
                        // A subject the mention grammar cannot take whole (`Many speakers
                        // at the service, including ..., said`): the leading noun phrase,
                        // if no verb stands between it and the cue.
                        self.sentence_subject(before)
                            .filter(|(m, _)| {
                                let after = toks.partition_point(|t| t.span.start < m.span.end);
                                let lone_article = matches!(
                                    ascii_lower(m.span.slice(cx.text)).as_str(),
                                    "the" | "a" | "an" | "this" | "that" | "these" | "those"
                                );
                                !lone_article && !self.verb_outside_commas(after, before)
                            })
                            .map(|(m, appos)| {
                                // `People with knowledge of the plans said`: a description
                                // runs on to the cue when only words stand between.
                                let after = toks.partition_point(|t| t.span.start < m.span.end);
                                // Not into a relative clause: `The tenants whose flats were
                                // flooded say`.
                                let words = (after..before).all(|i| {
                                    toks[i].is('’')
                                        || toks[i].is('\'')
                                        || toks[i].is_word()
                                            && !matches!(
                                                self.lower(i).as_str(),
                                                "who" | "whose" | "whom" | "which" | "that"
                                            )
                                });
                                // `People with knowledge of ...`: a capitalised plural
                                // opening the sentence is a noun, not a name, before a
                                // preposition.
                                let plural_noun = after == 1
                                    && matches!(
                                        self.lower(1).as_str(),
                                        "with" | "of" | "at" | "in" | "from" | "on" | "close"
                                    )
                                    && {
                                        let l = self.lower(0);
                                        &*l == "people" || l.ends_with('s') && !l.ends_with("ss")
                                    };
                                if (m.name.is_none() || plural_noun)
                                    && m.kind != MentionKind::Pronoun
                                    && after < before
                                    && words
                                {
                                    let span = Span::new(m.span.start, toks[before - 1].span.end);
                                    let kind = if plural_noun {
                                        MentionKind::Description
                                    } else {
                                        m.kind
                                    };
                                    (Mention::unnamed(span, kind, m.gender), appos)
                                } else {
                                    (m, appos)
                                }
                            })
                    } else {
                        None
                    }
                });
            let Some((m, appos)) = subject else {
                c_at += 1;
                continue;
            };
            let m = self.it_for_subject(m);
            last = Some((m.clone(), appos));
            // The tag of a quote (`“...,” he said in an interview in Macau`) reports the quote:
            // only a `that` clause after it is more.
            let k = toks.partition_point(|t| t.span.start < m.span.start);
            // Not when a cue and `that` before the quote introduce it: `claimed that “...,”
            // one of the prosecutors said the cases differ`.
            let introduced = || {
                let qs = (0..k).rev().find(|&i| !self.quoted(i)).map_or(0, |i| i + 1);
                qs > 0
                    && self.is_word(qs - 1, "that")
                    && (qs.saturating_sub(7)..qs - 1).any(|i| self.cue(i).is_some())
            };
            if k > 0
                && self.quoted(k - 1)
                && !(c_at + c.words..n.min(c_at + c.words + 4)).any(|i| self.is_word(i, "that"))
                && !introduced()
            {
                c_at += 1;
                continue;
            }
            // A clause that holds a quote is the quote's row; a later cue may report more.
            // A noun phrase after the cue (`agreed a £12m programme`) is no clause.
            let clause = self.clause_start(c_at, c).map(|s| (s, self.clause_end(s)));
            // After a relative pronoun (`which critics say`), the pronoun is the object:
            // only a clause is reported, never an act on an object.
            let after_relative =
                k > 0 && matches!(self.lower(k - 1).as_str(), "which" | "who" | "whom");
            // A clause that runs into a quote ends before it at a colon or at a comma before
            // `but`, `although`, `though`, `while` or `whereas`: `said he was too busy to
            // look: “...”`, `said that he would go ahead, although he tweeted that he “...”`.
            let clause = clause.map(|(s, e)| {
                let Some(q) = (s..e).find(|&i| self.quoted(i)) else {
                    return (s, e);
                };
                (s + 1..q)
                    .rev()
                    .find(|&b| {
                        toks[b].is(':')
                            || toks[b].is(',')
                                && matches!(
                                    self.lower(b + 1).as_str(),
                                    "but" | "although" | "though" | "while" | "whereas"
                                )
                    })
                    .map_or((s, e), |b| (s, b))
            });
            // `After he warned that rates would rise, the bank ...`: a clause in a subordinate
            // clause opening the sentence ends at its comma.
            let clause = clause.map(|(s, e)| match self.subordinate_end(c_at) {
                Some(b) if b >= s => (s, e.min(b)),
                _ => (s, e),
            });
            let Some((start, end)) = clause
                .filter(|&(s, e)| !(s..e).any(|i| self.quoted(i)) && self.has_finite_verb(s, e))
            else {
                if after_relative {
                    c_at += 1;
                    continue;
                }
                // `vowed to repeal the law`, `urged ministers to act`: a promise or a call,
                // reported as an infinitive.
                let act = self
                    .infinitive(c_at, c)
                    .map(|r| {
                        let rule = if is_intent(&self.lower(c_at)) {
                            Rule::IndirectIntent
                        } else {
                            Rule::IndirectInfinitive
                        };
                        (r, rule)
                    })
                    .or_else(|| {
                        self.speech_act(c_at, c).map(|r| {
                            let rule = if is_stance(&self.lower(c_at)) {
                                Rule::IndirectStance
                            } else {
                                Rule::IndirectSpeechAct
                            };
                            (r, rule)
                        })
                    });
                if let Some(((start, end), rule)) = act {
                    let cue = cx.cue_span(toks, c_at, c);
                    out.push(self.found((start, end), m, appos, cue, rule));
                    done = end;
                    c_at = end.max(c_at + 1);
                } else {
                    c_at += 1;
                }
                continue;
            };
            // `the law, which critics say is unconstitutional, takes effect`: a clause inside
            // a relative clause between commas ends at the next comma.
            // So does the clause of a relative pronoun as subject: `Humphrey, who argues that
            // the effort is doomed, said ...`; the main verb's subject stands before it.
            // Only when the main verb follows that comma: not at a comma of a list (`tenants,
            // who say the service ignored damp, peeling paint and ...`).
            let subject_relative = k > 0
                && toks[k - 1].is(',')
                && matches!(self.lower(k).as_str(), "who" | "which")
                && (c_at + c.words..end)
                    .find(|&i| toks[i].is(','))
                    .is_some_and(|comma| self.main_verb_at(comma + 1));
            let between_commas = after_relative && k > 1 && toks[k - 2].is(',');
            let end = if between_commas || subject_relative {
                (start..end).find(|&i| toks[i].is(',')).unwrap_or(end)
            } else {
                end
            };
            // Cut there, an object is no clause but the object of an act: `Reid, who endorsed
            // Clinton in February,`.
            if subject_relative && !self.has_finite_verb(start, end) {
                let act = self.speech_act(c_at, c).map(|(s, e)| (s, e.min(end)));
                match act {
                    Some((s, e)) if s < e => {
                        let rule = if is_stance(&self.lower(c_at)) {
                            Rule::IndirectStance
                        } else {
                            Rule::IndirectSpeechAct
                        };
                        out.push(self.found((s, e), m, appos, cx.cue_span(toks, c_at, c), rule));
                        c_at = e.max(c_at + 1);
                    }
                    _ => c_at += 1,
                }
                continue;
            }
            let cue = cx.cue_span(toks, c_at, c);
            out.push(self.found((start, end), m, appos, cue, Rule::IndirectCueClause));
            if !subject_relative {
                done = end;
            }
            c_at = end.max(c_at + 1);
        }
        (!out.is_empty()).then_some(out)
    }

    /// True when a finite verb opens the words at `i`, maybe after an adverb: `said`,
    /// `reiterated`, `is widely regarded`, `later told`.
    fn main_verb_at(&self, i: usize) -> bool {
        let i = if self.toks.get(i).is_some_and(Tok::is_word)
            && (is_filler(self.w(i)) || self.lower(i).ends_with("ly"))
        {
            i + 1
        } else {
            i
        };
        if !self.toks.get(i).is_some_and(Tok::is_word)
            || !self.w(i).starts_with(|c: char| c.is_ascii_lowercase())
        {
            return false;
        }
        let w = self.lower(i);
        self.cue(i).is_some_and(|c| !c.participle)
            || is_auxiliary(&w)
            || is_past_tense(&w)
            || w.ends_with("ed")
    }

    /// True when the cue at `c_at` reports no clause after it: an inverted tag (`…, said
    /// Mark Kantrowitz, a debt expert …`); `continued` or `goes on` with neither `that` nor `to`
    /// (`continued their search`, `goes on a phone spree`); `adds to the drama`; `has known
    /// Trump since`.
    fn no_report_here(&self, c_at: usize, c: CueForm) -> bool {
        let head = self.lower(c_at);
        let j = c_at + c.words;
        let next = self.lower(j);
        let inverted_tag = c_at > 0
            && self.toks[c_at - 1].is(',')
            && c.class == CueClass::Speech
            && self
                .cx
                .mention_after(self.toks, j)
                .is_some_and(|(m, _, e)| {
                    m.kind == MentionKind::Person
                        && m.name.is_some()
                        && self.toks.get(e).map_or(true, |t| t.is(',') || t.is('.'))
                });
        let continues = head.starts_with("continu")
            || c.words == 2
                && matches!(head.as_str(), "go" | "goes" | "went" | "going")
                && self.is_word(c_at + 1, "on");
        let adds_to = matches!(head.as_str(), "add" | "adds" | "added" | "adding")
            && next.as_str() == "to"
            && is_determiner(&self.lower(j + 1));
        let knows_person = head.starts_with("kn")
            && self.toks.get(j).is_some_and(Tok::is_word)
            && self.w(j).starts_with(char::is_uppercase);
        // `maintained a paid speaking schedule`: an object, not a claim.
        let maintains_object = head.starts_with("maintain") && is_determiner(&next);
        inverted_tag
            || continues && !matches!(next.as_str(), "that" | "to")
            || adds_to
            || knows_person
            || maintains_object
    }

    /// A question put by the agent of a passive `asked`: `was asked by host John Dickerson
    /// whether ...`, `when asked by a reporter if ...`, `When asked by Ingraham on Thursday
    /// about ...`. The question runs from its first word.
    fn asked_by(&self, c_at: usize, c: CueForm) -> Option<Found> {
        let toks = self.toks;
        if !self.lower(c_at).starts_with("ask")
            || c_at == 0
            || !matches!(
                self.lower(c_at - 1).as_str(),
                "was" | "were" | "is" | "are" | "been" | "being" | "when" | "after" | "once"
            )
            || !self.is_word(c_at + c.words, "by")
        {
            return None;
        }
        let (m, appos, end) = self.cx.mention_after(toks, c_at + c.words + 1)?;
        let q = (end..toks.len().min(end + 4)).find(|&k| {
            matches!(
                self.lower(k).as_str(),
                "whether" | "if" | "about" | "why" | "how" | "what" | "which" | "who" | "where"
            )
        })?;
        // Only a time phrase between the agent and the question: `by Ingraham on Thursday`.
        if !(end..q).all(|i| {
            let w = self.w(i);
            toks[i].is_word() && (is_day(w) || is_filler(w) || matches!(w, "on" | "in" | "last"))
        }) {
            return None;
        }
        let stop = match self.subordinate_end(c_at) {
            Some(b) if b > q => b,
            _ => self.clause_end(q),
        };
        (stop > q + 1 && !(q..stop).any(|i| self.quoted(i))).then(|| {
            let cue = self.cx.cue_span(toks, c_at, c);
            self.found((q, stop), m, appos, cue, Rule::IndirectCueClause)
        })
    }

    /// The comma that closes a subordinate clause opening the sentence and holding the cue
    /// at `c_at`: `After he warned that rates would rise, ...`, `Shortly after it ruled last
    /// July, ...`.
    fn subordinate_end(&self, c_at: usize) -> Option<usize> {
        let sub = |i: usize| {
            matches!(
                self.lower(i).as_str(),
                "after"
                    | "before"
                    | "when"
                    | "whenever"
                    | "while"
                    | "since"
                    | "because"
                    | "once"
                    | "until"
                    | "if"
                    | "although"
                    | "though"
                    | "unless"
                    | "whereas"
            )
        };
        // After a conjunction: `But even as Ruiz claimed that ..., the board said ...`.
        let o = usize::from(matches!(
            self.lower(0).as_str(),
            "but" | "and" | "yet" | "so"
        ));
        let opens = sub(o)
            || matches!(
                self.lower(o).as_str(),
                "shortly" | "soon" | "just" | "only" | "even" | "long" | "right" | "days" | "weeks"
            ) && (sub(o + 1) || self.is_word(o + 1, "as"));
        if !opens || (0..c_at).any(|i| self.toks[i].is(',')) {
            return None;
        }
        (c_at..self.toks.len()).find(|&i| self.toks[i].is(',') && !self.quoted(i))
    }

    /// The infinitive a verb of promising or calling reports, from its `to` to the clause
    /// end: `vowed to repeal the law`, `urged ministers to act`, `called on the board to
    /// resign`. Only the person addressed may stand between the verb and `to`.
    fn infinitive(&self, c_at: usize, c: CueForm) -> Option<(usize, usize)> {
        let toks = self.toks;
        let verb = self.lower(c_at);
        let promise = match verb.as_str() {
            "vow" | "vows" | "vowed" | "vowing" | "pledge" | "pledges" | "pledged" | "pledging"
            | "promise" | "promises" | "promised" | "promising" | "threaten" | "threatens"
            | "threatened" | "threatening" | "agree" | "agrees" | "agreed" | "agreeing" => true,
            v if is_intent(v) => true,
            "urge" | "urges" | "urged" | "urging" | "ask" | "asks" | "asked" | "asking"
            | "call" | "calls" | "called" | "calling" | "demand" | "demands" | "demanded"
            | "demanding" | "tell" | "tells" | "told" | "telling" | "warn" | "warns" | "warned"
            | "warning" | "advise" | "advises" | "advised" | "advising" => false,
            _ => return None,
        };
        let j = c_at + c.words;
        let to = if promise {
            self.is_word(j, "to").then_some(j)?
        } else {
            // `urged ministers to`, `asked voters in Ohio to`, `called on the board to`.
            let from = if verb.starts_with("call") {
                if !(self.is_word(j, "on") || self.is_word(j, "upon")) {
                    return None;
                }
                j + 1
            } else {
                j
            };
            // The people asked may be a list: `asked Mills, Sullivan and Abedin to`.
            (from + 1..toks.len().min(from + 10)).find(|&k| {
                self.is_word(k, "to")
                    && (from..k).all(|i| {
                        !self.quoted(i)
                            && (toks[i].is_word()
                                || toks[i].is(',') && self.w(i + 1).starts_with(char::is_uppercase))
                    })
            })?
        };
        let next = toks.get(to + 1).filter(|t| t.is_word())?;
        let w = self.cx.w(next);
        if !w.starts_with(char::is_lowercase)
            || is_determiner(w)
            || matches!(w, "that" | "be")
            || self.quoted(to + 1)
        {
            return None;
        }
        let end = self.clause_end(to + 1);
        // `urged residents not to run generators`: the negation is part of the call.
        let start = if to > j && matches!(self.lower(to - 1).as_str(), "not" | "never") {
            to - 1
        } else {
            to
        };
        (end > to + 2 && !(to..end).any(|i| self.quoted(i))).then_some((start, end))
    }

    /// What a speech act names, when it reports no clause: `denied the allegations`,
    /// `criticized the board's decision`, `called for an inquiry`, `warned of job losses`.
    fn speech_act(&self, c_at: usize, c: CueForm) -> Option<(usize, usize)> {
        let verb = self.lower(c_at);
        let v = verb.as_str();
        // One inflection off, then a final `e`: accused, accuses, accuse -> `accus`.
        let stem = ["ing", "ed", "es", "s"]
            .iter()
            .find_map(|suffix| v.strip_suffix(suffix))
            .unwrap_or(v);
        let stem = stem.strip_suffix('e').unwrap_or(stem);
        let j = c_at + c.words;
        let start = match stem {
            "criticiz" | "criticis" | "prais" | "accus" | "deni" | "deny" | "announc"
            | "defend" | "blam" | "demand" | "dismiss" | "question" | "blast" | "condemn"
            | "reject" | "welcom" | "slamm" | "slam" | "attack" | "thank" | "mock" | "denounc"
            | "decri" | "decry" | "chid" | "tout" | "hail" | "herald" | "applaud" | "derid" => j,
            // `called for`, `warned of`: the object follows the preposition.
            _ if is_stance(v) => j,
            // `The poll showed Trump leading the field`, `the audit found no fraud`.
            "cit" => j,
            "show" | "find" | "found" | "reveal"
                if !matches!(self.lower(j).as_str(), "up" | "off" | "out" | "him" | "her") =>
            {
                j
            }
            "call" if self.is_word(j, "for") => j + 1,
            // `asked Carson about his ties to Mannatech`: the topic of the question.
            "ask" => {
                let about = (j..self.toks.len().min(j + 6)).find(|&k| self.is_word(k, "about"))?;
                if !(j..about).all(|i| self.toks[i].is_word()) {
                    return None;
                }
                about
            }
            "warn" if matches!(self.lower(j).as_str(), "of" | "about" | "against") => j + 1,
            _ => return None,
        };
        let t = self.toks.get(start).filter(|t| t.is_word())?;
        let w = self.cx.w(t);
        if self.quoted(start)
            || matches!(
                ascii_lower(w).as_str(),
                "that"
                    | "to"
                    | "whether"
                    | "if"
                    | "how"
                    | "what"
                    | "why"
                    | "it"
                    | "him"
                    | "her"
                    | "them"
                    | "me"
                    | "us"
                    | "you"
                    | "himself"
                    | "herself"
                    | "themselves"
                    | "itself"
            )
        {
            return None;
        }
        let end = self.clause_end(start);
        (end > start + 1 && !(start..end).any(|i| self.quoted(i))).then_some((start, end))
    }

    /// The subject at the sentence start, if it stands before token `before`: a pronoun only
    /// when it opens the sentence.
    fn sentence_subject(&self, before: usize) -> Option<(Mention, Option<Span>)> {
        let toks = self.toks;
        // `Though executives who have worked with him say ...`: the subject of a clause opened
        // by a subordinator, before any comma.
        let from = usize::from(
            before > 2
                && matches!(
                    self.lower(0).as_str(),
                    "though" | "although" | "because" | "while" | "whereas" | "since" | "if"
                )
                && !(1..before).any(|i| toks[i].is(',')),
        );
        self.cx
            .subject(&toks[from..before])
            .filter(|m| {
                // A pronoun opens the sentence, or follows an opening phrase with no verb:
                // `On Thursday, he hedged ..., telling MSNBC ...`.
                let k = toks.partition_point(|t| t.span.start < m.span.start);
                m.kind != MentionKind::Pronoun
                    || k == 0
                    || toks[k - 1].is(',') && !self.has_finite_verb(0, k - 1)
            })
            .map(|m| (m, None))
    }

    /// `An analysis by Politifact of elections since 1972 showed`, `The average of polls
    /// shows`: a sentence that opens with a report noun and its modifiers, up to the cue.
    /// The whole phrase is the source.
    fn report_subject(&self, before: usize) -> Option<(Mention, Option<Span>)> {
        let toks = self.toks;
        if !(2..=16).contains(&before) {
            return None;
        }
        // Past a conjunction and a subordinator: `Even as some polls show ...`, `But if the
        // emails show ...`.
        let from = (0..before.min(3))
            .take_while(|&i| {
                let w = self.lower(i);
                is_subordinator(&w)
                    || matches!(
                        w.as_str(),
                        "but" | "and" | "yet" | "so" | "even" | "just" | "unless"
                    )
            })
            .count();
        if before < from + 2 {
            return None;
        }
        let noun = (from..before.min(from + 4)).find(|&i| is_source_noun(&self.lower(i)))?;
        // The noun of an occasion after the speaker is no source: `Ruiz in a statement said`.
        if (from..noun).any(|i| matches!(self.w(i), "in" | "at" | "during" | "on")) {
            return None;
        }
        let words_only = (from..before).all(|i| {
            let t = &toks[i];
            t.is('-') || t.is('’') || t.is('\'') || t.is_word() && !is_auxiliary(&self.lower(i))
        });
        // Words only and no auxiliary: a phrase, not a clause of its own.
        (words_only && !self.is_word(before - 1, "that")).then(|| {
            let span = Span::new(toks[from].span.start, toks[before - 1].span.end);
            (Mention::unnamed(span, MentionKind::Description, None), None)
        })
    }

    /// `it` or `they` inside the sentence stands for an organisation or group that is the
    /// sentence subject: `The White House has pointed to the resolutions as it seeks to ...`.
    /// The mention stays the pronoun; the subject is its antecedent.
    fn it_for_subject(&self, m: Mention) -> Mention {
        let toks = self.toks;
        let k = toks.partition_point(|t| t.span.start < m.span.start);
        if m.kind != MentionKind::Pronoun
            || k == 0
            || !matches!(self.lower(k).as_str(), "it" | "they")
        {
            return m;
        }
        match self.cx.subject(&toks[..k]) {
            Some(s)
                if matches!(s.kind, MentionKind::Org | MentionKind::Description)
                    && s.span.end < m.span.start =>
            {
                Mention {
                    span: m.span,
                    antecedent: Some(s.span),
                    ..s
                }
            }
            _ => m,
        }
    }

    /// `..., saying (that) CLAUSE`, `by saying CLAUSE`: the participle's subject is the
    /// sentence subject.
    fn participle(
        &self,
        c_at: usize,
        c: CueForm,
        last: Option<(Mention, Option<Span>)>,
    ) -> Option<Found> {
        let (cx, toks) = (self.cx, self.toks);
        // The clause a participle of speech reports: `saying (that) CLAUSE`.
        let speech_clause = || {
            (c.class == CueClass::Speech)
                .then(|| self.clause_start(c_at, c))
                .flatten()
                .map(|start| (start, self.clause_end(start)))
                .filter(|&(start, end)| self.has_finite_verb(start, end))
        };
        // `with 30 percent of voters saying they ...`: the participle's own subject, after
        // `with`.
        if let Some((m, appos)) = cx.mention_before(toks, 0, c_at).filter(|(m, _)| {
            let k = toks.partition_point(|t| t.span.start < m.span.start);
            k > 0 && self.is_word(k - 1, "with") && !self.quoted(k - 1)
        }) {
            let content = speech_clause()?;
            let cue = cx.cue_span(toks, c_at, c);
            return Some(self.found(content, m, appos, cue, Rule::IndirectParticiple));
        }
        // `the “Golden Week,” saying ...`: a comma inside the closing mark counts.
        let comma = c_at > 0 && toks[c_at - 1].is(',')
            || c_at > 1 && self.quoted(c_at - 1) && toks[c_at - 2].is(',');
        // `and suggesting ...` goes on from a clause of the same speaker.
        if c_at == 0
            || !(comma
                || matches!(
                    self.lower(c_at - 1).as_str(),
                    "by" | "while" | "after" | "before"
                )
                || last.is_some() && matches!(self.lower(c_at - 1).as_str(), "and" | "but"))
        {
            return None;
        }
        let clause = speech_clause();
        // `After saying he was nervous, the man stood up`: an opening phrase; its clause ends
        // at the comma, and the subject follows it.
        if c_at == 1 + usize::from(matches!(self.lower(0).as_str(), "and" | "but"))
            && matches!(
                self.lower(c_at - 1).as_str(),
                "after" | "before" | "while" | "by"
            )
        {
            let (start, _) = clause?;
            let comma = (start..toks.len()).find(|&i| toks[i].is(',') && !self.quoted(i))?;
            let m = cx.subject_at(&toks[comma + 1..])?;
            if comma <= start || !self.has_finite_verb(start, comma) {
                return None;
            }
            let cue = cx.cue_span(toks, c_at, c);
            return Some(self.found((start, comma), m, None, cue, Rule::IndirectParticiple));
        }
        // No clause: what a speech act names (`, citing security concerns`, `, accusing
        // the board of delay`).
        // No clause: a call (`, asking him to probe the claims`), or what a speech act names.
        let (content, rule) = match clause {
            Some(content) => (content, Rule::IndirectParticiple),
            None if comma => match self.infinitive(c_at, c) {
                Some(r) if is_intent(&self.lower(c_at)) => (r, Rule::IndirectIntent),
                Some(r) => (r, Rule::IndirectInfinitive),
                None => (self.speech_act(c_at, c)?, Rule::IndirectSpeechAct),
            },
            None => return None,
        };
        let (m, appos) = last.or_else(|| self.sentence_subject(c_at))?;
        Some(self.found(content, m, appos, cx.cue_span(toks, c_at, c), rule))
    }

    /// The mention is the subject of its clause: it opens the sentence, or follows a comma, a
    /// conjunction or an opening adverb.
    fn is_subject(&self, m: &Mention) -> bool {
        let Some(k) = self.toks.iter().position(|t| t.span.start == m.span.start) else {
            return false;
        };
        // A relative pronoun stands for its antecedent: `unions who said ...`.
        let p = &self.toks[k.saturating_sub(1)];
        if k == 0
            || p.is(',')
            || p.is('—')
            || p.is('–')
            || p.is('-')
            || p.is(';')
            || p.is(':')
            // `(Trump writes that ...)`
            || p.is('(') && k == 1
            || m.antecedent.is_some()
            // `“...,” he said, adding that ...`: the subject of a tag after a quote.
            || self.quoted(k - 1)
        {
            return true;
        }
        // `in Iowa, where he says he can win`
        if k > 1 && self.w(k - 1) == "where" && self.toks[k - 2].is(',') {
            return true;
        }
        // After a plural possessive: `Sanders’ spokesman Michael Briggs said`.
        if (p.is('’') || p.is('\'')) && k > 1 && self.w(k - 2).ends_with('s') {
            return true;
        }
        matches!(
            self.lower(k - 1).as_str(),
            "and"
                | "but"
                | "so"
                | "yet"
                | "while"
                | "as"
                | "because"
                | "since"
                | "although"
                | "though"
                | "when"
                | "after"
                | "before"
                | "if"
                | "that"
                // `the law, which critics say is ...`, `Trump, whose lawyers argued`
                | "which"
                | "whose"
                | "who"
                | "whom"
                | "whereas"
                | "also"
                | "now"
                | "then"
                | "still"
                | "meanwhile"
                | "however"
                // `Still, even Mr. Slinker says ...`
                | "even"
        )
    }

    /// Where the reported clause starts after the cue at `c_at`: after `that` when it comes
    /// within a few words (`said in a statement that`), after a short object for verbs of
    /// telling (`told reporters`), else right after the cue, if a clause can start there.
    fn clause_start(&self, c_at: usize, c: CueForm) -> Option<usize> {
        let toks = self.toks;
        let n = toks.len();
        let j = c_at + c.words;
        if j >= n || self.quoted(j) {
            return None;
        }
        let lw = ascii_lower(self.w(c_at)).as_str().to_owned();
        // `said that`, `said on Friday that`, `told CNN in an interview that`: only an
        // adjunct or the person told may stand before `that`; after a noun (`said the failure
        // stemmed from a migration that ...`) it is a relative pronoun.
        // The person told may take more words: `told a crowded banquet hall at a hotel in
        // downtown Baltimore that`.
        let reach = if matches!(lw.as_str(), "told" | "tell" | "tells" | "telling") {
            14
        } else {
            10
        };
        if let Some(t) = (j..n.min(j + reach))
            .take_while(|&i| !toks[i].is(',') || i == j)
            .find(|&i| self.is_word(i, "that"))
        {
            let adjunct = t == j || takes_person_object(&lw) || is_adjunct_start(self.w(j));
            // Words only, and the apostrophe of a plural possessive (`wrote to Sanders’
            // office that`).
            if adjunct && (j..t).all(|i| toks[i].is_word() || toks[i].is('’') || toks[i].is('\''))
            {
                return Some(t + 1);
            }
        }
        // `said on CNN, where he is now a paid contributor, that ...`: a parenthesis after an
        // adjunct, then `that`.
        if let Some(c1) = (j + 1..n.min(j + 8)).find(|&i| toks[i].is(',')) {
            let adjunct = matches!(self.lower(j).as_str(), "in" | "on" | "at" | "to" | "during")
                && (j..c1).all(|i| toks[i].is_word());
            if let Some(c2) = (c1 + 2..n.min(c1 + 16))
                .find(|&i| toks[i].is(','))
                .filter(|&c2| adjunct && self.is_word(c2 + 1, "that"))
            {
                if !(c1..c2).any(|i| self.quoted(i)) {
                    return Some(c2 + 2);
                }
            }
        }
        // `As Crane said, the two have become ...`, `But as a reporter noted, he ...`: the
        // clause follows the comma.
        let as_at = usize::from(matches!(
            self.lower(0).as_str(),
            "but" | "and" | "yet" | "so"
        ));
        if toks[j].is(',')
            && self.is_word(as_at, "as")
            && (as_at + 1..c_at).all(|i| !toks[i].is(','))
        {
            return Some(j + 1);
        }
        // `says, however, that ...`: an adverb between commas.
        if toks[j].is(',') && j + 2 < n && toks[j + 2].is(',') && toks[j + 1].is_word() {
            let k = j + 3;
            return Some(if k < n && self.is_word(k, "that") {
                k + 1
            } else {
                k
            });
        }
        // `She said, if elected, she would ...`: a short group between commas opens the
        // clause.
        if toks[j].is(',') && (j + 2..n.min(j + 7)).any(|i| toks[i].is(',')) {
            return Some(j + 1);
        }
        if !toks[j].is_word() {
            return None;
        }
        // `said in a statement Thursday night they pulled ...`: a prepositional phrase, then
        // a pronoun subject.
        if matches!(
            self.lower(j).as_str(),
            "in" | "on" | "at" | "during" | "after" | "before" | "late" | "early" | "via"
        ) {
            if let Some(k) = (j + 1..n.min(j + 9)).find(|&k| {
                matches!(
                    self.lower(k).as_str(),
                    "he" | "she" | "they" | "it" | "we" | "i" | "there"
                )
            }) {
                if (j..k).all(|i| toks[i].is_word()) {
                    return Some(k);
                }
            }
        }
        // A clause opens with a subject; prepositions and infinitives open none.
        let opens_clause = |i: usize| {
            i < n
                && toks[i].is_word()
                && !self.quoted(i)
                && !matches!(
                    self.lower(i).as_str(),
                    "to" | "by"
                        | "of"
                        | "for"
                        | "with"
                        | "about"
                        | "at"
                        | "as"
                        | "in"
                        | "on"
                        | "so"
                        | "from"
                        | "into"
                        | "during"
                        | "after"
                        | "before"
                        | "yes"
                        | "no"
                        | "not"
                        | "nothing"
                        | "anything"
                        | "goodbye"
                        | "hello"
                        | "thanks"
                        | "and"
                        | "or"
                        | "but"
                        // `which Clinton conceded when polls closed`: an adjunct clause.
                        | "when"
                        | "while"
                        | "although"
                        | "though"
                        | "until"
                        | "once"
                )
                // `would admit this, but ...`: a lone pronoun object before a mark.
                && !(matches!(
                    self.lower(i).as_str(),
                    "this" | "that" | "it" | "so" | "them" | "him" | "her"
                ) && toks.get(i + 1).map_or(true, |t| {
                    matches!(
                        t.kind,
                        TokKind::Punct(',' | '.' | ';' | ':' | '!' | '?' | '–' | '—' | ')')
                    )
                }))
        };
        // The words from `j` to `k` make a plain object: `urged Brussels to avoid a fight`
        // reports no clause.
        // `of` only inside a name: `told The Star-Ledger of Newark`.
        let plain_object = |k: usize| {
            (j..k).all(|i| {
                let of_name = self.is_word(i, "of")
                    && i > j
                    && self.w(i - 1).starts_with(char::is_uppercase)
                    && self.w(i + 1).starts_with(char::is_uppercase);
                (toks[i].is_word() || toks[i].is('-') && i > j)
                    && (of_name || !matches!(self.lower(i).as_str(), "to" | "of" | "about" | "for"))
            })
        };
        if takes_person_object(&lw) {
            // `asked whether he would run`: an indirect question with no person asked.
            if lw.starts_with("ask")
                && matches!(
                    self.lower(j).as_str(),
                    "whether" | "if" | "how" | "why" | "which" | "what" | "where" | "when" | "who"
                )
            {
                return Some(j);
            }
            // `told reporters he`, `warned voters the plan`: skip a short object. A longer
            // one (`told The Star-Ledger of Newark last week she`) only before a pronoun.
            if let Some(k) = (j + 1..n.min(j + 8)).find(|&k| {
                let w = self.lower(k);
                let w = w.split(['’', '\'']).next().unwrap_or("");
                matches!(
                    w,
                    "he" | "she" | "they" | "it" | "we" | "i" | "there" | "whether" | "if"
                ) || k < j + 5
                    && matches!(
                        w,
                        "he" | "she"
                        | "they"
                        | "it"
                        | "we"
                        | "i"
                        | "there"
                        | "the"
                        | "his"
                        | "her"
                        | "their"
                        | "its"
                        | "a"
                        | "an"
                        | "this"
                        | "these"
                        | "those"
                        | "some"
                        | "many"
                        | "most"
                        | "our"
                        | "my"
                        // An indirect question: `asked Sanders whether ...`.
                        | "whether"
                        | "if"
                        | "why"
                        | "how"
                        | "what"
                        | "who"
                        | "where"
                    )
            }) {
                if plain_object(k) {
                    return Some(k);
                }
            }
            // `asked the 2016 Democratic White House contender if ...`: a longer object before
            // an indirect question.
            // `of` may stand inside that object: `asked the campaigns of the candidates why`.
            if lw.starts_with("ask") {
                if let Some(k) = (j + 1..n.min(j + 9))
                    .find(|&k| matches!(self.lower(k).as_str(), "whether" | "if" | "why" | "how"))
                {
                    let object = (j..k).all(|i| {
                        (toks[i].is_word() || toks[i].is('-') && i > j)
                            && !matches!(self.lower(i).as_str(), "to" | "about" | "for")
                    });
                    if object {
                        return Some(k);
                    }
                }
            }
            return None;
        }
        // Time words and adverbs between the cue and the clause: `said Friday he`.
        let mut k = j;
        // An auxiliary is the clause's own verb, its subject left out after a relative
        // pronoun: `files which officials said would compromise security`.
        while k < n
            && k < j + 3
            && toks[k].is_word()
            && (is_filler(self.w(k)) && !is_auxiliary(&self.lower(k)) || is_day(self.w(k)))
        {
            k += 1;
        }
        // `believes at least a third of ...`
        let at_least =
            self.is_word(k, "at") && matches!(self.lower(k + 1).as_str(), "least" | "most");
        // `said about half of the rise ...`: an amount, not a topic.
        let about_amount = self.is_word(k, "about") && {
            let next = self.lower(k + 1);
            let next = next.as_str();
            next.starts_with(|c: char| c.is_ascii_digit())
                || is_number_word(next)
                || matches!(next, "half" | "one-third" | "two-thirds" | "three-quarters")
                || next == "a"
                    && matches!(
                        self.lower(k + 2).as_str(),
                        "third" | "quarter" | "fifth" | "dozen"
                    )
        };
        (opens_clause(k) || at_least || about_amount).then_some(k)
    }

    /// True when the tokens `start..end` hold a word that looks like a finite verb: an
    /// auxiliary or modal, a past tense, or a present tense after its subject. Noun phrases
    /// (`a charity bout against his old rival`) have none.
    fn has_finite_verb(&self, start: usize, end: usize) -> bool {
        self.finite_verb(start, end, false)
    }

    /// [`Self::has_finite_verb`], but a word in `-s` or `-ed` after a preposition or a number
    /// is a noun (`knowledge of the plans`, `at events`, `four years`), and so is a
    /// capitalised one (`Jo Matthews`): for telling a long subject or a name from a clause of
    /// its own, where a verb read in a noun costs the row.
    fn finite_verb(&self, start: usize, end: usize, strict: bool) -> bool {
        (start..end.min(self.toks.len())).any(|i| {
            let t = &self.toks[i];
            if !t.is_word() || self.quoted(i) {
                return false;
            }
            let w = self.lower(i);
            let w = w.as_str();
            // `doesn't`, `she’ll`, `they're`, `we've`, `he'd`, and `he's` after a pronoun.
            if [
                "n't", "n’t", "'ll", "’ll", "'re", "’re", "'ve", "’ve", "'d", "’d",
            ]
            .iter()
            .any(|s| w.ends_with(s))
                || matches!(
                    w,
                    "he's"
                        | "he’s"
                        | "she's"
                        | "she’s"
                        | "it's"
                        | "it’s"
                        | "that's"
                        | "that’s"
                        | "there's"
                        | "there’s"
                )
            {
                return true;
            }
            // `strength already lags the target`: a short verb after an adverb.
            if i > start
                && self.w(i).starts_with(|c: char| c.is_ascii_lowercase())
                && w.len() >= 4
                && (w.ends_with('s') && !w.ends_with("ss") || w.ends_with("ed"))
                && {
                    let p = self.lower(i - 1);
                    p.len() > 4 && p.ends_with("ly")
                        || matches!(
                            p.as_str(),
                            "already" | "also" | "still" | "often" | "always"
                        )
                }
            {
                return true;
            }
            // `the location never shut`: the word after `never` is a verb.
            if i > start
                && matches!(self.lower(i - 1).as_str(), "never" | "not")
                && self.w(i).starts_with(|c: char| c.is_ascii_lowercase())
                && !matches!(w, "a" | "an" | "the" | "only" | "just" | "even" | "to")
            {
                return true;
            }
            // `he cast`, `they knew`: the word after a subject pronoun is its verb.
            let after_pronoun = matches!(w, "he" | "she" | "they" | "we" | "i")
                && self.toks.get(i + 1).is_some_and(|n| {
                    n.is_word() && i + 1 < end && self.w(i + 1).starts_with(char::is_lowercase)
                });
            // After a determiner, a preposition or a number it is a noun: `the allegations`,
            // `his remarks`, `knowledge of the plans`, `at events`, `four years`.
            let noun_place = i > start && {
                let p = self.lower(i - 1);
                is_determiner(&p)
                    || p.as_str() == "of"
                    // After a possessive: `the group's activities`; not `he's`, `that's`.
                    || (p.ends_with("'s") || p.ends_with("’s"))
                        && !matches!(
                            p.split(['\'', '’']).next().unwrap_or(""),
                            "he" | "she" | "it" | "that" | "there" | "what" | "who" | "here"
                                | "where" | "let"
                        )
                    || strict
                        && (matches!(
                            p.as_str(),
                            "at" | "in"
                                | "on"
                                | "for"
                                | "with"
                                | "from"
                                | "by"
                                | "about"
                                | "into"
                                | "over"
                        ) || is_number_word(&p)
                            || p.starts_with(|c: char| c.is_ascii_digit()))
            };
            after_pronoun
                || is_auxiliary(w)
                || is_past_tense(w)
                || matches!(
                    w,
                    "said"
                        | "told"
                        | "thought"
                        | "knew"
                        | "found"
                        | "made"
                        | "'re"
                        | "’re"
                        | "'ll"
                        | "’ll"
                        | "'d"
                        | "’d"
                        | "'ve"
                        | "’ve"
                )
                || !noun_place
                    && matches!(
                        w,
                        "remains" | "wants" | "needs" | "plans" | "knows" | "thinks" | "says"
                    )
                || i > start
                    && !noun_place
                    && w.len() > 4
                    && (!strict || self.w(i).starts_with(|c: char| c.is_ascii_lowercase()))
                    && (w.ends_with("ed")
                        || w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us"))
        })
    }

    /// A verb between `start` and `end` outside comma or dash pairs: `The warning came in
    /// the wake of a report, ..., that suggested` has one; `Executives for the firm, which
    /// made $3 billion last year, say` has none.
    fn verb_outside_commas(&self, start: usize, end: usize) -> bool {
        let mut inside = false;
        let mut from = start;
        for i in start..end.min(self.toks.len()) {
            let t = &self.toks[i];
            // `--` is one dash.
            if t.is('-') && i > start && self.toks[i - 1].is('-') {
                continue;
            }
            // `The officials whose laws were struck down say`: a relative clause runs to the
            // next comma.
            if !inside && t.is_word() && matches!(self.w(i), "who" | "whose" | "which" | "that") {
                if self.finite_verb(from, i, true) {
                    return true;
                }
                inside = true;
                continue;
            }
            if t.is(',') || t.is('(') || t.is(')') || self.dash_at(i) {
                if !inside && self.finite_verb(from, i, true) {
                    return true;
                }
                inside = !inside;
                from = i + 1;
            }
        }
        !inside && self.finite_verb(from, end, true)
    }

    /// The clause from `start` runs to the sentence end, or to a comma before a participle cue
    /// (`, adding that ...`), whichever comes first.
    fn clause_end(&self, start: usize) -> usize {
        let toks = self.toks;
        // `, but said ...`, `and added ...`, `and calling ...`: a second verb of the same
        // subject.
        let second_verb = |i: usize| {
            toks[i].is_word()
                && matches!(self.lower(i).as_str(), "but" | "and")
                && (self.cue(i + 1).is_some_and(|c| {
                    c.class != CueClass::Phrase && (!c.participle || c.class == CueClass::Speech)
                }) || i + 2 < toks.len()
                    && is_filler(self.w(i + 1))
                    && self.cue(i + 2).is_some_and(|c| !c.participle))
        };
        (start..toks.len())
            .find(|&i| {
                toks[i].is(',')
                    && self
                        .cue(i + 1)
                        .is_some_and(|c| c.participle && c.class == CueClass::Speech)
                    || toks[i].is(';')
                    || second_verb(i)
            })
            .unwrap_or(toks.len())
    }

    fn found(
        &self,
        content: (usize, usize),
        mention: Mention,
        appositive: Option<Span>,
        cue: Span,
        rule: Rule,
    ) -> Found {
        Found {
            content,
            mention,
            appositive,
            cue,
            rule,
        }
    }
}

/// A paragraph that opens with a person's name and a colon (`Ann Coulter: ...`,
/// `Matthews: ...`): the colon's index and the mention. Not a label (`Update:`,
/// `Editor’s note:`), a dateline in capitals (`WASHINGTON:`) or a place.
fn speaker_label(cx: &Ctx<'_>, toks: &[Tok], checks: &mut usize) -> Option<(usize, Mention)> {
    let colon = (1..toks.len().min(6)).find(|&i| !toks[i].is_word() && !toks[i].is('.'))?;
    if !toks[colon].is(':') || !toks.get(colon + 1).is_some_and(Tok::is_word) {
        return None;
    }
    let words = &toks[..colon];
    let span = Span::new(words[0].span.start, words[colon - 1].span.end);
    let label = span.slice(cx.text);
    // Not a dateline in capitals, a place or a possessive (`Tuesday’s Morning Email:`).
    if !label.chars().any(char::is_lowercase)
        || cx.g.lex.is_place(label)
        || label.contains("’s ")
        || label.contains("'s ")
    {
        return None;
    }
    let m =
        cx.g.classify(words)
            .filter(|m| m.kind == MentionKind::Person && m.name.is_some() && m.span == span)?;
    // A lone word (`Matthews:`, not `Breaking:`, `Iowa:`) must be a surname the text
    // gives with a first name or a title elsewhere.
    if colon == 1 {
        *checks += 1;
        if *checks > MAX_SURNAME_CHECKS || !known_surname(cx, label, span.start) {
            return None;
        }
    }
    Some((colon, m))
}

/// How many single-word speaker labels one document may check against its text.
const MAX_SURNAME_CHECKS: usize = 64;

/// True when `word` follows a first name or a title in the text around `at` (`Chris
/// Matthews`, `Mr. Matthews`): within [`SURNAME_WINDOW`] bytes either side, among the first
/// [`MAX_SURNAME_SIGHTINGS`] sightings, so that a huge document costs no more than an article.
fn known_surname(cx: &Ctx<'_>, word: &str, at: usize) -> bool {
    let text = cx.text;
    let mut lo = at.saturating_sub(SURNAME_WINDOW);
    while !text.is_char_boundary(lo) {
        lo -= 1;
    }
    let mut hi = (at + SURNAME_WINDOW).min(text.len());
    while !text.is_char_boundary(hi) {
        hi += 1;
    }
    text[lo..hi]
        .match_indices(word)
        .map(|(i, m)| (lo + i, m))
        .take(MAX_SURNAME_SIGHTINGS)
        .any(|(at, _)| {
            let end = at + word.len();
            if text[end..].starts_with(char::is_alphanumeric) || !text[..at].ends_with(' ') {
                return false;
            }
            let mut from = at.saturating_sub(40);
            while !text.is_char_boundary(from) {
                from -= 1;
            }
            let toks = tokenize(text, Span::new(from, at));
            toks.last().is_some_and(|t| {
                let w = t.text(text);
                cx.g.is_name_word(t) || cx.g.lex.is_title_head_or_honorific(w.trim_end_matches('.'))
            })
        })
}

/// How many sightings of a label word [`known_surname`] reads.
const MAX_SURNAME_SIGHTINGS: usize = 256;

/// How far from a label [`known_surname`] looks for the full name, in bytes.
const SURNAME_WINDOW: usize = 64 * 1024;

/// A determiner or possessive: the word after it is a noun (`the plans`, `his remarks`).
fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "his"
            | "her"
            | "their"
            | "its"
            | "our"
            | "my"
            | "your"
            | "this"
            | "these"
            | "those"
            | "some"
            | "any"
            | "all"
            | "no"
            | "many"
            | "several"
            | "such"
    )
}

/// A word that opens an adjunct of time, place or manner after a verb of saying: `said
/// Friday`, `added on Tuesday`, `told CNN in an interview`, `said later`, `said privately`.
fn is_adjunct_start(w: &str) -> bool {
    let l = ascii_lower(w);
    is_day(w)
        || is_time_word(&l)
        || w.len() > 4 && w.ends_with("ly") && w.starts_with(char::is_lowercase)
        || matches!(
            l.as_str(),
            "in" | "on"
                | "at"
                | "to"
                | "with"
                | "during"
                | "over"
                | "before"
                | "after"
                | "from"
                | "via"
                | "late"
                | "early"
                | "last"
                | "this"
                | "again"
                | "also"
                | "too"
                | "then"
                | "once"
                | "often"
                | "afterward"
                | "afterwards"
        )
}

fn is_day(w: &str) -> bool {
    is_time_word(w) || matches!(w, "recently" | "repeatedly")
}

/// Finite verbs of intent that report an infinitive: `declined to comment`, `wants to run`,
/// `plans to appeal`. Not speech, but attributions all the same (rule `indirect.intent`).
fn is_intent(w: &str) -> bool {
    matches!(
        w,
        "want"
            | "wants"
            | "wanted"
            | "decline"
            | "declines"
            | "declined"
            | "refuse"
            | "refuses"
            | "refused"
            | "seek"
            | "seeks"
            | "sought"
            | "hope"
            | "hopes"
            | "hoped"
            | "plan"
            | "plans"
            | "planned"
            | "decide"
            | "decides"
            | "decided"
            | "intend"
            | "intends"
            | "intended"
            | "expect"
            | "expects"
            | "expected"
    )
}

/// Finite verbs of stance that name what they are for or against: `endorsed Trump`,
/// `opposes the bill`, `backed the plan` (rule `indirect.stance`).
fn is_stance(w: &str) -> bool {
    matches!(
        w,
        "endorse"
            | "endorses"
            | "endorsed"
            | "support"
            | "supports"
            | "supported"
            | "backs"
            | "backed"
            | "oppose"
            | "opposes"
            | "opposed"
            | "favor"
            | "favors"
            | "favored"
            | "favour"
            | "favours"
            | "favoured"
    )
}

/// A verb of intent before `to`, or of stance before its object, read as a report cue in
/// this module only (the quote rules never see these verbs). A stance verb is not one
/// before a particle or an agent (`backed down`, `supported by`).
fn intent_or_stance_at(cx: &Ctx<'_>, toks: &[Tok], i: usize) -> Option<CueForm> {
    let t = toks.get(i).filter(|t| t.is_word())?;
    let next = toks.get(i + 1).filter(|t| t.is_word())?;
    let w = cx.w(t);
    let cue = CueForm {
        class: CueClass::Report,
        participle: false,
        words: 1,
    };
    if !cx.g.is_lower_word(t) {
        return None;
    }
    if is_intent(w) {
        return (cx.w(next) == "to").then_some(cue);
    }
    if !is_stance(w) {
        return None;
    }
    // `critical support for`, `strong support from`: the bare forms are nouns too, so the
    // word before must be a subject's last word (a name, a pronoun, a plural) or an
    // auxiliary or adverb.
    let noun_prone = matches!(w, "support" | "supports" | "favor" | "favour");
    let verb_before = i > 0 && {
        let p = &toks[i - 1];
        let pw = cx.w(p);
        p.is_word()
            && (cx.g.is_name_word(p)
                || cx.g.pronoun(p).is_some()
                    && !matches!(ascii_lower(pw).as_str(), "his" | "her" | "its" | "their")
                || matches!(
                    pw,
                    "who" | "which" | "that" | "also" | "still" | "strongly" | "not"
                )
                || is_filler(pw)
                || pw.ends_with('s') && !pw.ends_with("ss") && cx.g.is_lower_word(p))
    };
    (cx.g.is_lower_word(t)
        && is_stance(w)
        && (!noun_prone || verb_before)
        && !matches!(
            cx.w(next),
            "by" | "down"
                | "away"
                | "off"
                | "out"
                | "up"
                | "to"
                | "that"
                | "in"
                | "for"
                | "from"
                | "of"
                | "among"
        ))
    .then_some(cue)
}
