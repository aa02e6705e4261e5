//! Attribution: decides which quoted spans are speech, and links each to a speaker mention
//! and a cue by local patterns around the quote, then lets unattributed quotes inherit from
//! an attributed neighbour (interrupted quotes, multi-paragraph quotes, continuation
//! paragraphs).
//!
//! Invariant: this stage finds mentions; it does not resolve them to names (see `resolve`).

use crate::lexicon::{CueClass, CueForm, Gender, Lexicon};
use crate::mention::{
    ascii_lower, is_auxiliary, is_number_word, is_past_tense, is_post_modifier, is_speech_medium,
    is_stop, is_time_word, spaced_at, tokenize, Grammar, Mention, MentionKind, Tok, TokKind,
};
use crate::quotes::QuoteSpan;
use crate::segment;
use crate::span::Span;
use crate::types::{QuoteKind, Rule};

/// A quote with the attribution found for it, before resolution.
#[derive(Clone, Debug)]
pub struct Attribution {
    /// The quote.
    pub span: Span,
    /// Direct or partial.
    pub kind: QuoteKind,
    /// The speaker mention, when a rule found one here.
    pub mention: Option<Mention>,
    /// A title given in apposition to the mention (`Ana Ruiz, a spokeswoman for ...`).
    pub appositive: Option<Span>,
    /// The cue.
    pub cue: Option<Span>,
    /// The rule.
    pub rule: Rule,
    /// Index of the earlier (or later) attribution whose speaker this quote shares.
    pub inherits: Option<usize>,
    /// For a quote with no attribution of its own: a speaker from the surrounding sentences,
    /// used when no neighbouring quote passes one on, with the rule that found it.
    pub fallback: Option<(Mention, Rule)>,
    /// Not speech on its own (a fragment in a sentence with no cue of its own): kept only if
    /// an attributed quote in the same sentence passes its speaker on.
    pub weak: bool,
    /// The sentence (or sentences) the quote stands in.
    pub sentence: Span,
}

/// Adverbs and auxiliaries that may stand between a speaker and the cue ("he also said",
/// "Sullivan has said", "she later told"). A capitalised `Will` is a name (`George Will
/// wrote`): a modal stands before a subject only in questions.
pub(crate) fn is_filler(w: &str) -> bool {
    w != "Will"
        && matches!(
            ascii_lower(w).as_str(),
            "also"
                | "later"
                | "then"
                | "again"
                | "previously"
                | "first"
                | "initially"
                | "originally"
                | "once"
                | "further"
                | "recently"
                | "has"
                | "have"
                | "had"
                | "would"
                | "will"
                | "did"
                | "does"
                | "had've"
                | "simply"
                | "quickly"
                | "flatly"
                | "repeatedly"
                | "publicly"
                | "privately"
                | "reportedly"
                | "earlier"
                | "already"
                | "often"
                | "frequently"
                | "subsequently"
                | "finally"
                | "famously"
                | "bluntly"
                | "told"
                | "just"
                | "even"
                | "not"
                | "never"
                | "still"
                | "now"
                | "since"
                | "long"
                | "always"
                | "sometimes"
        )
        && !w.eq_ignore_ascii_case("told")
}

/// A lowercase adverb in -ly between a subject and its verb: `she angrily said`. Not the
/// nouns and adjectives that end so (`the family said`, `an ally`, `the weekly`).
fn is_manner_adverb(w: &str) -> bool {
    w.len() > 5
        && w.ends_with("ly")
        && w.starts_with(|c: char| c.is_ascii_lowercase())
        && !matches!(
            w,
            "family"
                | "assembly"
                | "anomaly"
                | "monopoly"
                | "homily"
                | "butterfly"
                | "weekly"
                | "monthly"
                | "quarterly"
                | "elderly"
                | "friendly"
                | "lonely"
                | "lovely"
                | "likely"
                | "unlikely"
                | "costly"
                | "deadly"
                | "orderly"
                | "fortnightly"
        )
}

/// For a possessive pronoun (`his`, `her`, `their`, `its`), the gender it tells, if any.
fn possessive_pronoun(w: &str) -> Option<Option<Gender>> {
    match ascii_lower(w).as_str() {
        "his" => Some(Some(Gender::Male)),
        "her" => Some(Some(Gender::Female)),
        "their" | "its" => Some(None),
        _ => None,
    }
}

/// Nouns for documents and findings that report, so that a third-person cue after them is
/// a verb: `the poll shows`, `an email reveals`, `the study finds`.
pub(crate) fn is_source_noun(w: &str) -> bool {
    matches!(
        w,
        "poll"
            | "survey"
            | "study"
            | "report"
            | "analysis"
            | "data"
            | "email"
            | "e-mail"
            | "memo"
            | "letter"
            | "document"
            | "audit"
            | "review"
            | "research"
            | "statement"
            | "filing"
            | "tally"
            | "count"
            | "average"
            | "index"
            | "model"
            | "forecast"
            | "estimate"
            | "record"
            | "investigation"
            | "inquiry"
            | "probe"
            | "video"
            | "footage"
            | "ad"
            | "advert"
            | "complaint"
            | "lawsuit"
            | "indictment"
            | "ruling"
            | "transcript"
            // Plurals, as the last word of a phrase whose head agrees with the verb: `the
            // average of polls shows`.
            | "polls"
            | "polling"
            | "surveys"
            | "studies"
            | "reports"
            | "emails"
            | "documents"
            | "records"
            | "filings"
            | "figures"
            | "estimates"
    )
}

/// A word that opens a subordinate clause: a noun after it is that clause's subject, not an
/// object (`while Mike Huckabee ... proposed`, `when he brought up ...`).
pub(crate) fn is_subordinator(w: &str) -> bool {
    matches!(
        w,
        "when"
            | "as"
            | "while"
            | "after"
            | "before"
            | "because"
            | "since"
            | "although"
            | "though"
            | "if"
            | "whereas"
            | "until"
            | "once"
            | "where"
    )
}

/// Third-person forms of cue verbs that are more often plural nouns.
fn is_noun_prone_plural(w: &str) -> bool {
    matches!(
        w,
        "remarks"
            | "comments"
            | "quotes"
            | "questions"
            | "answers"
            | "demands"
            | "promises"
            | "pledges"
            | "vows"
            | "charges"
            | "counters"
            | "replies"
            | "jokes"
            | "laughs"
            | "shouts"
            | "cries"
            | "sighs"
            | "rages"
            | "echoes"
            | "chants"
            | "boasts"
            | "texts"
            | "emails"
            | "posts"
            | "thanks"
            | "credits"
            | "hopes"
            | "fears"
            | "estimates"
            | "shows"
            | "finds"
            | "signals"
            | "blasts"
            | "presses"
            | "rails"
            | "notes"
            | "tweets"
            | "statements"
            | "claims"
            | "calls"
            | "reports"
    )
}

/// Cue verbs whose object is a person (`told Jake Sullivan:`), so a name after them is not
/// the speaker.
pub(crate) fn takes_person_object(w: &str) -> bool {
    let w = w.to_ascii_lowercase();
    [
        "tell", "told", "ask", "inform", "remind", "assur", "thank", "urg", "warn", "prais",
        "call", "accus", "blam", "credit", "mock", "chid", "press", "quot", "cit",
    ]
    .iter()
    .any(|p| w.starts_with(p))
}

/// A US state as written after a city: `New Hampshire`, `Colo.`, `N.H.`, `D.C.`.
fn is_us_state(w: &str) -> bool {
    #[rustfmt::skip]
    const STATES: &[&str] = &[
        "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut",
        "Delaware", "Florida", "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa",
        "Kansas", "Kentucky", "Louisiana", "Maine", "Maryland", "Massachusetts", "Michigan",
        "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada", "New Hampshire",
        "New Jersey", "New Mexico", "New York", "North Carolina", "North Dakota", "Ohio",
        "Oklahoma", "Oregon", "Pennsylvania", "Rhode Island", "South Carolina", "South Dakota",
        "Tennessee", "Texas", "Utah", "Vermont", "Virginia", "Washington", "West Virginia",
        "Wisconsin", "Wyoming", "Ala.", "Ariz.", "Ark.", "Calif.", "Colo.", "Conn.", "Del.",
        "Fla.", "Ga.", "Ill.", "Ind.", "Kan.", "Ky.", "La.", "Md.", "Mass.", "Mich.", "Minn.",
        "Miss.", "Mo.", "Mont.", "Neb.", "Nev.", "N.H.", "N.J.", "N.M.", "N.Y.", "N.C.", "N.D.",
        "Okla.", "Ore.", "Pa.", "R.I.", "S.C.", "S.D.", "Tenn.", "Tex.", "Vt.", "Va.", "Wash.",
        "W.Va.", "Wis.", "Wyo.", "D.C.",
    ];
    STATES.contains(&w)
}

/// A party and state tag: `R-Pa.`, `D-N.Y.`, `R`, `I-Vt`.
fn is_party_tag(w: &str) -> bool {
    let mut cs = w.chars();
    matches!(cs.next(), Some('R' | 'D' | 'I'))
        && match cs.next() {
            None => true,
            Some('-') => {
                let rest: String = cs.collect();
                !rest.is_empty()
                    && rest.len() <= 6
                    && rest
                        .chars()
                        .all(|c| c.is_ascii_uppercase() || c.is_ascii_lowercase() || c == '.')
            }
            _ => false,
        }
}

/// Words after a cue that end the speaker phrase of `said NAME ...`.
fn ends_forward_np(w: &str) -> bool {
    matches!(
        w,
        "in" | "on"
            | "at"
            | "during"
            | "after"
            | "before"
            | "when"
            | "as"
            | "who"
            | "which"
            | "while"
            | "to"
            | "last"
            | "this"
            | "adding"
            | "noting"
            | "that"
            | "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
            | "Today"
            | "Yesterday"
            | "yesterday"
            | "today"
            | "tonight"
            | "recently"
            | "earlier"
            | "later"
            | "and"
            | "but"
            | "because"
            | "with"
            | "by"
            | "via"
            | "from"
            | "over"
            | "about"
            | "of"
    )
}

pub(crate) struct Ctx<'a> {
    pub(crate) g: Grammar<'a>,
    pub(crate) text: &'a str,
}

impl<'a> Ctx<'a> {
    /// The rule context for one document.
    pub(crate) fn new(text: &'a str, lex: &'a Lexicon) -> Self {
        Ctx {
            g: Grammar { lex, text },
            text,
        }
    }

    pub(crate) fn w(&self, t: &Tok) -> &'a str {
        t.span.slice(self.text)
    }

    /// The cue starting at token `i` of `toks`, if any.
    pub(crate) fn cue_at(&self, toks: &[Tok], i: usize) -> Option<CueForm> {
        let t = toks.get(i)?;
        // Most words start no cue: one lookup in the word table says so.
        if !t.is_word() || !self.g.lex.may_start_cue(self.w(t)) {
            return None;
        }
        let mut words: [&str; 3] = [""; 3];
        let mut n = 0;
        for t in toks[i..].iter().take(3) {
            if !t.is_word() {
                break;
            }
            words[n] = self.w(t);
            n += 1;
        }
        let w0 = words[0];
        // Most words are no cue: ask the lexicon first, then rule out the noun readings.
        let form = self.g.lex.cue_at(&words[..n])?;
        // A capitalised verb opens a headline or a name (`Says Who`); a phrase opens a
        // sentence (`According to`, `As reported by`, `In the words of`).
        if w0.starts_with(|c: char| c.is_uppercase()) && form.class != CueClass::Phrase {
            return None;
        }
        // `show` is a verb after a plural subject (`polls show`, `the data show`), a noun
        // after anything else (`his talk show`, `the show “Lopez Tonight”`).
        if w0 == "show" {
            let prev = i
                .checked_sub(1)
                .and_then(|p| toks.get(p))
                .filter(|t| t.is_word())
                .map(|t| ascii_lower(self.w(t)));
            let plural = prev.is_some_and(|p| {
                p.as_str() == "data"
                    || p.ends_with('s')
                        && !p.ends_with("'s")
                        && !p.ends_with("’s")
                        && !matches!(
                            p.as_str(),
                            "his" | "this" | "its" | "is" | "was" | "has" | "news" | "as" | "us"
                        )
            });
            if !plural {
                return None;
            }
        }
        // Not speech: `added up to`, `continues gaining momentum`, `believe me`, `ruled out`.
        if form.words == 1 && n > 1 {
            let next = words[1];
            let not_speech = match w0 {
                "add" | "adds" | "added" | "adding" => next == "up",
                "continue" | "continues" | "continued" | "continuing" => next.ends_with("ing"),
                "believe" => next == "me",
                // `ruled the ring`, `ruled out`, `assumed office`, `determined the cause`: these
                // report only a `that` clause.
                "ruled" | "assumed" | "assuming" | "determined" => next != "that",
                _ => false,
            };
            if not_speech {
                return None;
            }
        }
        // `her husband cut in.`, `cut in that ...`, not `cut in half the grants`.
        if form.words == 2
            && matches!(w0, "cut" | "cuts" | "cutting")
            && n > 2
            && words[2] != "that"
        {
            return None;
        }
        // `went on to say`, `he went on: “...”`, not `the Senate goes on recess`.
        if form.words == 2
            && n > 2
            && matches!(w0, "go" | "goes" | "went" | "going" | "gone")
            && matches!(
                words[2],
                "recess"
                    | "vacation"
                    | "holiday"
                    | "strike"
                    | "leave"
                    | "trial"
                    | "sale"
                    | "display"
                    | "hiatus"
                    | "break"
                    | "tour"
                    | "foot"
                    | "duty"
                    | "patrol"
                    | "sabbatical"
            )
        {
            return None;
        }
        // After an article or a possessive the word is a noun: `Trump's call for`, `the last
        // claim`, `his statement`.
        if let Some(prev) = i.checked_sub(1).map(|p| &toks[p]) {
            let pw = self.w(prev);
            // Not a contraction: `he’s said`, `that’s said`.
            let contraction = || {
                self.g.pronoun(prev).is_some()
                    || matches!(
                        ascii_lower(pw.split(['’', '\'']).next().unwrap_or(pw)).as_str(),
                        "that" | "who" | "what" | "there" | "here" | "where"
                    )
            };
            // `the Clintons’ claim`: a lone apostrophe is possessive after a word, not after a
            // comma or another apostrophe (`,'' said Ruiz`, a closing mark typed as two).
            let plural_possessive = (prev.is('\'') || prev.is('’'))
                && i >= 2
                && toks[i - 2].is_word()
                && toks[i - 2].span.end == prev.span.start;
            let possessive =
                (pw.ends_with("'s") || pw.ends_with("’s") || plural_possessive) && !contraction();
            const NOUN_BEFORE: [&str; 17] = [
                "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this",
                "last", "first", "no", "any", "every", "each",
            ];
            // `first said`, `last told`: an adverb before a past tense.
            let adverb_before_past = matches!(ascii_lower(pw).as_str(), "first" | "last")
                && (w0.ends_with("ed") || matches!(w0, "said" | "told" | "wrote"));
            if possessive
                || !adverb_before_past && NOUN_BEFORE.iter().any(|d| pw.eq_ignore_ascii_case(d))
            {
                return None;
            }
            // `a Washington-based think tank`
            if n > 1 && matches!(words[1], "tank" | "tanks") {
                return None;
            }
            // `a snappy retort`: a cue that is also a noun, after an article and a modifier.
            let noun_prone = matches!(
                w0,
                "retort"
                    | "reply"
                    | "answer"
                    | "quip"
                    | "remark"
                    | "comment"
                    | "pledge"
                    | "vow"
                    | "promise"
                    | "boast"
                    | "tweet"
                    | "post"
                    | "joke"
                    | "sigh"
                    | "shout"
                    | "cry"
                    | "question"
                    | "charge"
                    | "demand"
                    | "report"
                    | "estimate"
                    | "warning"
            );
            // The modifier may be a capitalised compound: `a Trump-style retort`.
            if noun_prone
                && i >= 2
                && prev.is_word()
                && (pw.starts_with(char::is_lowercase) || pw.contains('-'))
                && matches!(
                    ascii_lower(self.w(&toks[i - 2])).as_str(),
                    "a" | "an" | "the" | "his" | "her" | "their" | "its" | "this" | "that"
                )
            {
                return None;
            }
            // A plural noun after a name that a number or a determiner opens: `22 Clinton
            // emails`, `the Trump tweets`.
            if is_noun_prone_plural(w0)
                && i >= 2
                && self.g.is_name_word(prev)
                && toks[i - 2].is_word()
                && {
                    let w2 = ascii_lower(self.w(&toks[i - 2]));
                    w2.starts_with(|c: char| c.is_ascii_digit())
                        || is_number_word(&w2)
                        || matches!(
                            w2.as_str(),
                            "the"
                                | "these"
                                | "those"
                                | "some"
                                | "many"
                                | "all"
                                | "his"
                                | "her"
                                | "their"
                                | "its"
                                | "more"
                                | "several"
                        )
                }
            {
                return None;
            }
            // A plural noun after a modifier: `his anti-Muslim remarks`, `angry replies`.
            if is_noun_prone_plural(w0)
                && prev.is_word()
                && pw.starts_with(|c: char| c.is_lowercase())
                && self.g.pronoun(prev).is_none()
                && !is_filler(pw)
                && !is_source_noun(pw)
                && !pw.ends_with("ly")
                && !matches!(pw, "who" | "which" | "that")
            {
                return None;
            }
        }
        Some(form)
    }

    pub(crate) fn speech_cue_at(&self, toks: &[Tok], i: usize) -> Option<CueForm> {
        self.cue_at(toks, i)
            .filter(|c| c.class != CueClass::Report || c.participle)
    }

    pub(crate) fn cue_span(&self, toks: &[Tok], i: usize, c: CueForm) -> Span {
        Span::new(toks[i].span.start, toks[i + c.words - 1].span.end)
    }

    /// The mention that ends right before token `end` (exclusive), preferring the longest
    /// noun phrase. Comma groups between the name and the cue are read as an appositive title
    /// (`Jake Sullivan, the national security adviser,`), an age (`Walsh, 67,`) or a relative
    /// clause (`Siddiqui, whose father fell at home,`). `floor` is the first token it may use.
    pub(crate) fn mention_before(
        &self,
        toks: &[Tok],
        floor: usize,
        end: usize,
    ) -> Option<(Mention, Option<Span>)> {
        let mut end = end;
        while end > floor
            && toks[end - 1].is_word()
            && (is_filler(self.w(&toks[end - 1])) || is_manner_adverb(self.w(&toks[end - 1])))
        {
            end -= 1;
        }
        // A time phrase between subject and verb: `Sanders during a Sunday rally thanked`,
        // `the ministry on Tuesday said`, `who has in the past described`.
        // So does the occasion of the speech: `Ruiz in a statement said`, `when Trump in his
        // announcement speech called`.
        if let Some(k) = (end.saturating_sub(5).max(floor + 1)..end).find(|&k| {
            let w = self.w(&toks[k]);
            if !matches!(w, "during" | "on" | "at" | "in" | "over" | "last")
                || !toks[k..end].iter().all(Tok::is_word)
            {
                return false;
            }
            let time = k + 4 >= end
                && toks[k + 1..end]
                    .iter()
                    .any(|t| is_time_word(self.w(t)) || self.w(t) == "past");
            time || matches!(w, "in" | "during" | "at") && is_speech_medium(self.w(&toks[end - 1]))
        }) {
            end = k;
            while end > floor + 1 && toks[end - 1].is_word() && is_auxiliary(self.w(&toks[end - 1]))
            {
                end -= 1;
            }
        }
        // A parenthesis between dashes stands between subject and verb: `her new ad, which —
        // as one columnist noted — promises`.
        if end > floor + 2 && toks[end - 1].is_dash() {
            if let Some(open) = (floor + 1..end - 1)
                .rev()
                .take(20)
                .find(|&i| toks[i].is_dash())
            {
                end = open;
            }
        }
        // A relative pronoun speaks for the phrase before it: `Franklin Graham, who has
        // vowed`. The mention is the pronoun; the antecedent names the speaker.
        if end > floor + 1 && matches!(self.w(&toks[end - 1]), "who" | "which") {
            let who = toks[end - 1].span;
            let mut ante_end = end - 1;
            if ante_end > floor
                && (toks[ante_end - 1].is('—')
                    || toks[ante_end - 1].is('–')
                    || toks[ante_end - 1].is(','))
            {
                ante_end -= 1;
            }
            // `says to Santilli on camera, who`: the person before a short phrase of place or
            // manner.
            let before_phrase = || {
                let p = (ante_end.saturating_sub(4).max(floor + 1)..ante_end)
                    .rev()
                    .find(|&i| {
                        matches!(self.w(&toks[i]), "on" | "in" | "at" | "during" | "from")
                    })?;
                self.mention_ending(toks, floor, p)
                    .filter(|(m, _)| m.kind == MentionKind::Person && m.name.is_some())
            };
            let (mut ante, appos) = before_phrase()
                .or_else(|| self.mention_before(toks, floor, ante_end))
                .or_else(|| self.mention_ending(toks, floor, ante_end))?;
            // `the mouth of Donald Trump, who`: the person named at the end.
            if ante.kind != MentionKind::Person {
                let k = toks.partition_point(|t| t.span.start < ante.span.start);
                if let Some(of) = (k..ante_end)
                    .rev()
                    .find(|&i| matches!(self.w(&toks[i]), "of" | "by"))
                {
                    if let Some(p) = self
                        .g
                        .classify(&toks[of + 1..ante_end])
                        .filter(|p| p.kind == MentionKind::Person && p.name.is_some())
                    {
                        ante = p;
                    }
                }
            }
            if ante.kind == MentionKind::Pronoun {
                return None;
            }
            let antecedent = Some(ante.span);
            return Some((
                Mention {
                    span: who,
                    antecedent,
                    ..ante
                },
                appos,
            ));
        }
        // A party tag in brackets: `Sen. Marco Rubio (R-Fla.) said`, also before a comma:
        // `Gov. John Kasich (R-OH), said`; or a longer aside: `Sen. Chris Murphy (a Connecticut
        // Democrat so boyish he has been mistaken for a junior staffer) says`.
        if end > floor + 1 && toks[end - 1].is(',') && toks[end - 2].is(')') {
            end -= 1;
        }
        if end > floor && toks[end - 1].is(')') {
            let open = (floor..end - 1).rev().take(24).find(|&i| toks[i].is('('))?;
            end = open;
        }
        let mut appos = None;
        let mut groups = 0;
        // Every group so far is an adverbial (`he, once again, pledged`): a pronoun before
        // them is still the subject.
        let mut adverbial_only = true;
        while end > floor && toks[end - 1].is(',') && groups < 4 {
            let mut close = end - 1;
            let find_open = |close: usize| (floor..close).rev().take(40).find(|&i| toks[i].is(','));
            let Some(mut open) = find_open(close) else {
                end = close;
                break;
            };
            // `a retired teacher in Allentown, Pa., said`: a state or country after a city
            // belongs to the group before it.
            if self.region_after(toks, open) == Some(close) {
                if let Some(o) = find_open(open) {
                    (close, open) = (open, o);
                }
            }
            let group = &toks[open + 1..close];
            // `who's`, `who’d`: the relative word without its clitic.
            let first = group.first().map(|t| {
                let w = self.w(t);
                w.split(['\'', '’'])
                    .next()
                    .unwrap_or(w)
                    .to_ascii_lowercase()
            });
            let adverbial = (1..=4).contains(&group.len())
                && group.iter().all(|t| self.g.is_lower_word(t))
                && (matches!(
                    first.as_deref(),
                    Some("once" | "again" | "for" | "of" | "by" | "in" | "at" | "on" | "too")
                ) || group.len() == 1 && self.w(&group[0]).ends_with("ly"));
            adverbial_only &= adverbial;
            if adverbial {
                // `, once again,`, `, for her part,`, `, in turn,`, `, too,`
            } else if let Some(m) = self
                .g
                .classify(group)
                .filter(|m| m.kind == MentionKind::Person && m.name.is_some() && m.title.is_some())
            {
                // `His rival, former Agriculture Secretary Ruth Calloway, called`: the
                // apposition names the speaker.
                return Some((m, None));
            } else if let Some(a) = self.g.appositive(group) {
                appos = Some(a);
            } else if matches!(first.as_deref(), Some("a" | "an"))
                && open > floor
                && toks[open - 1].is_word()
                && !self
                    .g
                    .classify(group)
                    .is_some_and(|m| m.kind == MentionKind::Person)
            {
                // `Mike Shields, president of the Leadership Fund, a super PAC allied with
                // House leadership, said`: a description of the phrase before it.
            } else if let Some(m) = appos
                .and_then(|_| {
                    group
                        .iter()
                        .rposition(|t| matches!(self.w(t), "what" | "which" | "whom"))
                })
                .filter(|&r| r + 1 < group.len())
                .and_then(|r| self.g.classify(&group[r + 1..]))
                .filter(|m| m.kind == MentionKind::Person && m.name.is_some())
            {
                // `in what Bay Buchanan, a party veteran, called`: the subject of a relative
                // clause, before its apposition.
                return Some((m, appos));
            } else if matches!(
                first.as_deref(),
                Some("who" | "whose" | "which" | "whom" | "where")
            ) || matches!(
                first.as_deref(),
                Some(
                    "after"
                        | "before"
                        | "in"
                        | "on"
                        | "at"
                        | "during"
                        | "with"
                        | "without"
                        | "speaking"
                        | "asked"
                        | "according"
                )
            ) || is_party_tag(
                group.iter().map(|t| self.w(t)).collect::<String>().as_str(),
            ) || group.len() == 1 && {
                let w = self.w(&group[0]);
                w.chars().all(|c| c.is_ascii_digit())
                    || w.ends_with("ly")
                    || matches!(w, "however" | "though" | "too" | "also" | "meanwhile")
            } {
                // An age, a party tag, a relative clause or an adverbial between commas.
            } else if let Some(a) = group
                .iter()
                .position(|t| matches!(self.w(t), "which" | "who" | "that" | "whose"))
                .and_then(|r| self.g.appositive(&group[..r]))
            {
                // `Rick Jacobs, president of the union which represents 900 congregations,`
                appos = Some(a);
            } else if let Some(m) = self
                .g
                .classify(group)
                .or_else(|| {
                    // `, while Mike Huckabee, the former governor, proposed`
                    let lead_word = group.first().map(|t| self.w(t).to_ascii_lowercase());
                    matches!(
                        lead_word.as_deref(),
                        Some("while" | "when" | "and" | "but" | "as" | "whereas")
                    )
                    .then(|| self.g.classify(&group[1..]))
                    .flatten()
                })
                .filter(|m| m.kind != MentionKind::Pronoun)
            {
                // `In Washington, Jake Sullivan, the adviser, said`: the group is the name;
                // a title may stand before it: `The campaign's finance director, Pete Ng,`.
                let title_before = (m.kind == MentionKind::Person)
                    .then(|| {
                        (floor.max(open.saturating_sub(10))..open)
                            .find_map(|k| self.g.appositive(&toks[k..open]))
                    })
                    .flatten();
                return Some((m, appos.or(title_before)));
            } else {
                return None;
            }
            end = open + 1;
            groups += 1;
        }
        if groups > 0 && end > floor && toks[end - 1].is(',') {
            end -= 1;
        }
        let (m, _) = self.mention_ending(toks, floor, end)?;
        if groups > 0 && m.kind == MentionKind::Pronoun && !adverbial_only {
            return None;
        }
        Some((m, appos))
    }

    fn mention_ending(
        &self,
        toks: &[Tok],
        floor: usize,
        end: usize,
    ) -> Option<(Mention, Option<Span>)> {
        if end <= floor {
            return None;
        }
        if let Some(p) = self.g.pronoun(&toks[end - 1]) {
            return Some((p, None));
        }
        // A share of a group: `36 percent of Democrats`, `Two-thirds of the insiders`.
        let lo = floor.max(end.saturating_sub(12));
        if let Some(q) = (lo..end)
            .any(|k| self.g.is_quantity_word(&toks[k]))
            .then(|| (lo..end).find_map(|s| self.g.quantity(&toks[s..end])))
            .flatten()
        {
            return Some((q, None));
        }
        // Walk left over word tokens that may belong to a noun phrase.
        let mut start = end;
        while start > floor && end - start < 14 {
            let t = &toks[start - 1];
            // `Bernie Sanders’ campaign`: the apostrophe of a plural possessive.
            let plural_possessive = (t.is('’') || t.is('\''))
                && start < end
                && start - 1 > floor
                && toks[start - 2].is_word()
                && toks[start - 2].span.end == t.span.start
                && self.w(&toks[start - 2]).ends_with('s');
            if !(t.is_word() || t.is('-') || t.is('&') || plural_possessive) {
                break;
            }
            let w = self.w(t);
            if w.starts_with(|c: char| c.is_lowercase()) && is_stop(w) {
                // `While those surveyed said`: `those` and a participle; `those Democrats
                // argued`: a demonstrative before its noun.
                if matches!(w, "those" | "these") && start < end {
                    start -= 1;
                }
                // `she and another reporter said`: a pronoun joined to a noun phrase.
                if start < end
                    && matches!(w, "he" | "she" | "we" | "i")
                    && self.w(&toks[start]) == "and"
                {
                    start -= 1;
                }
                break;
            }
            // `would involve | Attorney General Loretta Lynch`, `doesn’t surprise | pollster
            // Daron Shaw`: a lowercase word after an auxiliary is a verb.
            if w.starts_with(|c: char| c.is_lowercase())
                && start - 1 > floor
                && toks[start - 2].is_word()
                && {
                    let p = self.w(&toks[start - 2]);
                    is_auxiliary(p) || p.ends_with("n't") || p.ends_with("n’t")
                }
            {
                break;
            }
            start -= 1;
        }
        (start..end)
            .find_map(|s| self.g.classify(&toks[s..end]))
            .map(|m| (m, None))
    }

    /// The mention that starts at token `start`: `said Jake Sullivan, a spokesman for ...`.
    pub(crate) fn mention_after(
        &self,
        toks: &[Tok],
        start: usize,
    ) -> Option<(Mention, Option<Span>, usize)> {
        // `said 30 percent of registered voters`, `said most of the delegates`: a share of a
        // group, up to a preposition, clause word or punctuation.
        if toks
            .iter()
            .skip(start)
            .take(3)
            .any(|t| self.g.is_quantity_word(t))
        {
            let stop = (start..toks.len().min(start + 12))
                .find(|&i| {
                    let t = &toks[i];
                    !(t.is_word() || t.is('%') || t.is('-'))
                        || i > start
                            && self.w(t) != "of"
                            // `three in 10 voters`
                            && !(self.w(t) == "in"
                                && toks.get(i + 1).is_some_and(|n| self.g.is_quantity_word(n)))
                            && ends_forward_np(self.w(t))
                })
                .unwrap_or(toks.len().min(start + 12));
            if let Some((m, e)) = (start + 2..=stop)
                .rev()
                .find_map(|e| self.g.quantity(&toks[start..e]).map(|m| (m, e)))
            {
                return Some((m, None, e));
            }
        }
        let mut end = start;
        while end < toks.len() && end - start < 14 {
            let t = &toks[end];
            // A spaced hyphen is a dash: `according to a survey by WBUR - empathize`.
            if !(t.is_word() || t.is('-') || t.is('&')) || t.is('-') && spaced_at(toks, end) {
                break;
            }
            let w = self.w(t);
            // `said former Gov. and party Chairman Ed Rendell`: titles joined by "and".
            let joins_titles = w == "and"
                && end > 0
                && (self.g.lex.is_title_head(self.w(&toks[end - 1]))
                    || self.g.lex.is_honorific(self.w(&toks[end - 1])))
                && toks
                    .get(end + 1)
                    .is_some_and(|n| n.is_word() && !is_stop(self.w(n)));
            // A day after an article is a modifier: `a Wednesday editorial`.
            let day_modifier = w.starts_with(char::is_uppercase)
                && end > 0
                && matches!(
                    ascii_lower(self.w(&toks[end - 1])).as_str(),
                    "a" | "an" | "the" | "this" | "last"
                );
            // `said Doyle and others`
            let and_others = w == "and"
                && toks
                    .get(end + 1)
                    .is_some_and(|n| matches!(self.w(n), "others" | "other"));
            let goes_on = joins_titles
                || day_modifier
                || and_others
                // `a person familiar with the talks`: a fixed post-modifier goes on.
                || end > start && is_post_modifier(self.w(&toks[end - 1]))
                || end > start
                    && matches!(w, "of" | "for" | "at" | "to")
                    && self.np_continues(toks, start, end);
            if end > start && ends_forward_np(w) && !goes_on {
                break;
            }
            if w.starts_with(|c: char| c.is_lowercase()) && is_stop(w) {
                break;
            }
            // `according to a ministry document seen by Le Parisien`: the document speaks.
            if end > start
                && matches!(w, "seen" | "obtained" | "reviewed")
                && toks.get(end + 1).is_some_and(|t| self.w(t) == "by")
            {
                break;
            }
            end += 1;
        }
        let (mut m, mut e) = (start + 1..=end)
            .rev()
            .find_map(|e| self.g.classify(&toks[start..e]).map(|m| (m, e)))?;
        // `people familiar with the matter`, `sources familiar with the talks`
        if m.kind == MentionKind::Description
            && e + 3 < toks.len()
            && self.w(&toks[e]) == "familiar"
            && self.w(&toks[e + 1]) == "with"
            && matches!(
                self.w(&toks[e + 2]),
                "the" | "their" | "his" | "her" | "its"
            )
            && toks[e + 3].is_word()
        {
            m.span = Span::new(m.span.start, toks[e + 3].span.end);
            e += 4;
        }
        // `said Ana Ruiz, a spokeswoman for the ministry.`
        let mut appos = None;
        if m.kind == MentionKind::Person && toks.get(e).is_some_and(|t| t.is(',')) {
            let stop = (e + 1..toks.len())
                .find(|&i| {
                    !toks[i].is_word() && !toks[i].is('’') && !toks[i].is('\'') && !toks[i].is('-')
                })
                .unwrap_or(toks.len());
            appos = self.g.appositive(&toks[e + 1..stop]);
        }
        Some((m, appos, e))
    }

    /// Inside `a spokesman for the ministry`, "for" continues the phrase; after a name
    /// (`said Sullivan at ...`) it does not.
    fn np_continues(&self, toks: &[Tok], start: usize, at: usize) -> bool {
        let first = ascii_lower(self.w(&toks[start]));
        matches!(
            first.as_str(),
            "a" | "an" | "the" | "one" | "two" | "three" | "several" | "some"
        ) || self.g.lex.is_title_head(self.w(&toks[at - 1]))
    }

    /// The subject at the start of a sentence: the longest leading noun phrase.
    pub(crate) fn subject(&self, toks: &[Tok]) -> Option<Mention> {
        // A dateline is not a subject: `WASHINGTON, Aug. 24 (UPI) — A spokesman said ...`,
        // `Washington (AFP) – Democrat Hillary Clinton has ...`.
        let first = self.w(toks.first()?);
        let agency = |i: usize| {
            i >= 2
                && toks[i].is(')')
                && toks[i - 2].is('(')
                && toks[i - 1].is_word()
                && self.w(&toks[i - 1]).starts_with(|c: char| c.is_uppercase())
                && toks.get(i + 1).is_some_and(|t| t.is_dash())
        };
        if let Some(close) = (0..toks.len().min(14)).find(|&i| agency(i)) {
            if self.g.is_name_word(&toks[0]) {
                return self.subject(&toks[close + 2..]);
            }
        }
        if first.len() > 1
            && first
                .chars()
                .all(|c| c.is_uppercase() || !c.is_alphabetic())
        {
            // A hyphen counts when spaced: `OAK RIDGE, Tenn. - The board ...`.
            if let Some(dash) = (0..toks.len().min(14)).find(|&i| {
                let t = &toks[i];
                t.is('—') || t.is('–') || t.is(':') || t.is('-') && spaced_at(toks, i)
            }) {
                return self.subject(&toks[dash + 1..]);
            }
        }
        // What a dateline leaves: `- Britain’s health minister said`.
        if toks.len() > 1 && toks[0].is_dash() {
            return self.subject(&toks[1..]);
        }
        // `And then Trump went ...`: a leading conjunction or adverb.
        let skip = toks
            .iter()
            .take(2)
            .take_while(|t| {
                t.is_word()
                    && matches!(
                        ascii_lower(self.w(t)).as_str(),
                        "and" | "but" | "so" | "yet" | "then" | "still"
                    )
            })
            .count();
        if skip > 0 && skip < toks.len() {
            return self.subject(&toks[skip..]);
        }
        self.subject_at(toks).or_else(|| {
            // `However, Adelson declared ...`, `On Tuesday, the ministry said ...`; an opening
            // phrase may be long (`Amid calls from some to create websites that ..., Walsh`).
            let opener = toks[0].is_word() && {
                let w = ascii_lower(self.w(&toks[0]));
                is_subordinator(&w)
                    || matches!(
                        w.as_str(),
                        "amid" | "in" | "on" | "at" | "after" | "before" | "during" | "despite"
                    )
            };
            let reach = if opener { 30 } else { 10 };
            let comma = toks.iter().take(reach).position(|t| t.is(','))?;
            // `Speaking at a town hall in Salem, New Hampshire, Trump went ...`: over the
            // state or country after a city.
            let Some(e) = self.region_after(toks, comma) else {
                return self.subject_at(&toks[comma + 1..]);
            };
            // `At an event in Ames, Iowa, on Sunday, Mrs. Clinton ...`: and over a time.
            self.subject_at(&toks[e + 1..]).or_else(|| {
                let next = (e + 2..toks.len().min(e + 6)).find(|&i| toks[i].is(','))?;
                self.subject_at(&toks[next + 1..])
            })
        })
    }

    /// For `toks[comma]` after a place name (`in Salem,`), the index of the comma that closes
    /// the state or country after it (`New Hampshire,`, `Colo.,`, `France,`).
    fn region_after(&self, toks: &[Tok], comma: usize) -> Option<usize> {
        let place_before = (1..=3.min(comma)).any(|n| {
            comma > n
                && matches!(
                    ascii_lower(self.w(&toks[comma - n - 1])).as_str(),
                    "in" | "at" | "from" | "near" | "outside" | "of"
                )
                && toks[comma - n..comma]
                    .iter()
                    .all(|t| self.g.is_name_word(t))
        });
        if !place_before {
            return None;
        }
        let end = (comma + 2..toks.len().min(comma + 5)).find(|&i| toks[i].is(','))?;
        let region = &self.text[toks[comma + 1].span.start..toks[end - 1].span.end];
        (is_us_state(region) || self.g.lex.is_place(region)).then_some(end)
    }

    pub(crate) fn subject_at(&self, toks: &[Tok]) -> Option<Mention> {
        let first = toks.first()?;
        if let Some(p) = self.g.pronoun(first) {
            return Some(p);
        }
        // A share of a group before its verb: `Hundreds of demonstrators marched`, `about
        // 200 protesters congregated`.
        let bound = toks.len() > 2
            && matches!(ascii_lower(self.w(&toks[0])).as_str(), "at" | "up")
            && matches!(self.w(&toks[1]), "least" | "to");
        if bound || toks.iter().take(3).any(|t| self.g.is_quantity_word(t)) {
            if let Some(q) = (2..=toks.len().min(8)).rev().find_map(|e| {
                toks.get(e)
                    .is_some_and(|t| {
                        let w = self.w(t);
                        self.g.is_lower_word(t)
                            && (w.ends_with("ed") || is_past_tense(w) || is_auxiliary(w))
                    })
                    .then(|| self.g.quantity(&toks[..e]))
                    .flatten()
            }) {
                return Some(q);
            }
        }
        // A sentence opening with a participle has no subject there: `Reprising one of her
        // lines, ...`, `Asked about it, ...`.
        let fw = self.w(first);
        // `Beijing hit back` is no participle.
        // `Boreing said` is a name before its verb.
        let name_before_cue =
            self.g.is_name_word(first) && self.cue_at(toks, 1).is_some_and(|c| !c.participle);
        // `Ebeling reminisced`, `Fielding has said`: a name in -ing before a finite verb.
        let name_before_verb = fw.ends_with("ing")
            && self.g.is_name_word(first)
            && !matches!(fw, "Being" | "Having" | "Getting" | "Becoming")
            && toks.get(1).is_some_and(|n| {
                let w = self.w(n);
                self.g.is_lower_word(n)
                    && (w.ends_with("ed") || is_past_tense(w) || is_auxiliary(w))
            });
        if (fw.ends_with("ing") || fw.ends_with("ed"))
            && !name_before_verb
            && !self.g.lex.is_place(fw)
            && !self.g.lex.is_given_name(fw)
            && !self.g.lex.is_title_modifier(fw)
            && !name_before_cue
        {
            return None;
        }
        let mut best = None;
        for e in 1..=toks.len().min(14) {
            let t = &toks[e - 1];
            if !(t.is_word() || t.is('-') || t.is('&')) {
                break;
            }
            // A subject does not stop in the middle of a name: `Public | Bank’s acquisition`.
            if toks
                .get(e)
                .is_some_and(|n| self.g.is_name_word(n) || n.is('’') || n.is('\''))
            {
                continue;
            }
            // A present-tense verb after a name ends the subject: `The Daily News | focuses`.
            let verb_after_name = e >= 2 && {
                let (w, prev) = (self.w(t), &toks[e - 2]);
                t.is_word()
                    && w.starts_with(char::is_lowercase)
                    && w.ends_with('s')
                    && !w.ends_with("ss")
                    && self.g.is_name_word(prev)
                    && !self.g.lex.is_title_head(w)
            };
            if verb_after_name && best.is_some() {
                break;
            }
            // A past-tense verb after a noun phrase ends it: `the aide | rallied supporters`
            // (but `the newly elected mayor`).
            let past_after_np = e >= 2 && t.is_word() && self.g.is_lower_word(t) && {
                let w = self.w(t);
                (w.ends_with("ed") || is_past_tense(w)) && !self.w(&toks[e - 2]).ends_with("ly")
            };
            if past_after_np && best.is_some() {
                break;
            }
            if let Some(m) = self.g.classify(&toks[..e]) {
                best = Some(m);
            }
        }
        best
    }
}

/// One quote's surroundings inside its paragraph.
struct Site {
    /// From the start of the sentence the quote opens in to the end of the one it closes in.
    sentence_span: Span,
    /// Tokens from the sentence start (or the end of the previous quote) to the quote.
    lead: Vec<Tok>,
    /// Tokens from the quote to the sentence end (or the next quote).
    tail: Vec<Tok>,
    /// Tokens from the sentence start to the quote, earlier quotes included.
    sentence: Vec<Tok>,
    /// The lead starts at the sentence start (not cut by an earlier quote).
    lead_at_sentence_start: bool,
    /// The quote opens its paragraph.
    para_start: bool,
    /// The lead runs from an earlier quote of the sentence that closed on a comma: `“A,” she
    /// said, “b”`, where the second quote goes on with the first one's sentence.
    resumes: bool,
    /// The previous paragraph, for the first quote of a paragraph.
    prev_para: Option<Span>,
    /// Earlier sentences of the paragraph, nearest first (at most three).
    earlier: Vec<Span>,
    /// When the quote ends its sentence: the start of the next sentence in the paragraph,
    /// which may hold the attribution (`“I’m 52, not dead!” Russo roared.`).
    next: Vec<Tok>,
}

/// Finds the attributions of the quotes of one document.
pub fn attribute(
    text: &str,
    lex: &Lexicon,
    paragraphs: &[Span],
    quotes: &[QuoteSpan],
) -> Vec<Attribution> {
    let cx = Ctx {
        g: Grammar { lex, text },
        text,
    };
    let mut out: Vec<Option<Attribution>> = Vec::with_capacity(quotes.len());
    let mut i = 0;
    while i < quotes.len() {
        let p = quotes[i].paragraph;
        let j = (i..quotes.len())
            .find(|&k| quotes[k].paragraph != p)
            .unwrap_or(quotes.len());
        let para = paragraphs[p];
        let sentences = segment::sentences(text, para);
        for k in i..j {
            let q = &quotes[k];
            let prev_end = if k > i {
                quotes[k - 1].span.end
            } else {
                para.start
            };
            let next_start = if k + 1 < j {
                quotes[k + 1].span.start
            } else {
                para.end
            };
            let mut site = site(text, &sentences, para, q.span, prev_end, next_start);
            if k == i && p > 0 {
                site.prev_para = Some(paragraphs[p - 1]);
            }
            out.push(attribute_one(&cx, q, &site));
        }
        i = j;
    }
    inherit(text, quotes, out)
}

fn site(
    text: &str,
    sentences: &[Span],
    para: Span,
    q: Span,
    prev_end: usize,
    next_start: usize,
) -> Site {
    // Sentences are sorted and disjoint: binary search, so many quotes in one huge paragraph
    // stay linear.
    let at = |pos: usize| sentences.partition_point(|s| s.end <= pos);
    let i_open = at(q.start);
    let s_open = sentences
        .get(i_open)
        .copied()
        .filter(|s| s.start <= q.start)
        .unwrap_or(para);
    let i_close = at(q.end.saturating_sub(1));
    let mut s_close = sentences
        .get(i_close)
        .copied()
        .filter(|s| s.start < q.end)
        .unwrap_or(para);
    let next_sentence = sentences[i_close.min(sentences.len())..]
        .iter()
        .find(|s| s.start >= q.end)
        .copied();
    // A splitter that cut `“Is it over?” | he asked.` is repaired: a sentence that starts in
    // lowercase right after the quote belongs to it.
    if s_close.end == q.end {
        if let Some(next) = next_sentence {
            if text[next.start..].starts_with(|c: char| c.is_lowercase()) {
                s_close = Span::new(s_close.start, next.end);
            }
        }
    }
    // The rules read bounded windows around the quote.
    let floor = floor_boundary(text, q.start.saturating_sub(WINDOW));
    let sentence_start = s_open.start.min(q.start).max(floor);
    let lead_start = sentence_start.max(prev_end).min(q.start);
    let lead = tokenize(text, Span::new(lead_start, q.start));
    let sentence = if lead_start == sentence_start {
        lead.clone()
    } else {
        tokenize(text, Span::new(sentence_start, q.start))
    };
    let ceiling = floor_boundary(text, (q.end + WINDOW).min(text.len()));
    let tail_end = s_close.end.min(next_start).min(ceiling).max(q.end);
    let tail = tokenize(text, Span::new(q.end, tail_end));
    let earlier = sentences[..i_open.min(sentences.len())]
        .iter()
        .rev()
        .filter(|s| s.end <= s_open.start.min(q.start))
        .take(3)
        .copied()
        .collect();
    // Only a question or exclamation leaves its tag in the next sentence (`“I’m 52, not
    // dead!” Russo roared.`); a next sentence that leads into another quote is that quote's.
    let mut next = Vec::new();
    let exclaims = text[floor_boundary(text, q.end.saturating_sub(64))..q.end]
        .trim_end_matches(|c: char| !c.is_alphanumeric() && c != '?' && c != '!')
        .ends_with(['?', '!']);
    if tail.is_empty() && exclaims {
        if let Some(n) = next_sentence {
            if n.start < next_start && n.end <= next_start && text[q.end..n.start].trim().is_empty()
            {
                let end = floor_boundary(text, n.end.min(next_start).min(n.start + 160));
                next = tokenize(text, Span::new(n.start, end.max(n.start)));
            }
        }
    }
    Site {
        sentence_span: Span::new(s_open.start.min(q.start), s_close.end.max(q.end)),
        prev_para: None,
        lead,
        tail,
        sentence,
        lead_at_sentence_start: lead_start == s_open.start,
        para_start: q.start == para.start,
        resumes: lead_start > sentence_start
            && text[..lead_start]
                .trim_end_matches(['”', '"', '’', '\''])
                .ends_with(','),
        earlier,
        next,
    }
}

/// How far before and after a quote the rules read, in bytes.
const WINDOW: usize = 480;

/// The largest char boundary of `text` at or before `i`.
fn floor_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn starts_lower(text: &str, q: &QuoteSpan) -> bool {
    q.content
        .slice(text)
        .trim_start()
        .starts_with(|c: char| c.is_lowercase())
}

/// A short run of capitalised words with no sentence punctuation: a title of a work, a
/// nickname or a slogan (`‘The Long Harbour’`), not speech, unless a cue stands right by it.
fn looks_like_title(content: &str) -> bool {
    let words: Vec<&str> = content.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 7
        && !content.trim_end().ends_with(['.', '!', '?', ','])
        && words[0].starts_with(|c: char| c.is_uppercase())
        && words.iter().all(|w| {
            w.starts_with(|c: char| c.is_uppercase() || c.is_numeric())
                || matches!(
                    *w,
                    "a" | "an"
                        | "the"
                        | "and"
                        | "of"
                        | "for"
                        | "in"
                        | "on"
                        | "to"
                        | "at"
                        | "with"
                        | "or"
                        | "&"
                )
        })
}

fn attribute_one(cx: &Ctx<'_>, q: &QuoteSpan, site: &Site) -> Option<Attribution> {
    let quoted = Quoted::new(cx, q, site);
    if quoted.never_speech() {
        return None;
    }
    let after = quoted.tag_after();
    // `Feinstein said "...," she said.`: a speaker named right before the quote beats a
    // pronoun after it.
    let after = match after {
        Outcome::Found(a)
            if a.mention
                .as_ref()
                .is_some_and(|m| m.kind == MentionKind::Pronoun) =>
        {
            match quoted.tag_before() {
                Outcome::Found(b)
                    if b.rule == Rule::BeforeCue
                        && b.mention
                            .as_ref()
                            .is_some_and(|m| m.kind != MentionKind::Pronoun) =>
                {
                    Outcome::Found(b)
                }
                _ => Outcome::Found(a),
            }
        }
        other => other,
    };
    // `even as Trump claimed that “...,” one of the prosecutors said the cases differ`: a
    // quote that a cue before it introduces with `that` is no object of a later cue that
    // reports a clause of its own.
    let after = match after {
        Outcome::Found(a) if quoted.introduced_by_that() && quoted.cue_reports_clause(&a) => {
            match quoted.tag_before() {
                Outcome::Found(b) => Outcome::Found(b),
                _ => Outcome::Found(a),
            }
        }
        other => other,
    };
    match after
        .or_next(|| quoted.tag_before())
        .or_next(|| quoted.tag_later_in_sentence())
        // `Lee’s comments feed “a dangerous mood,” the groups say.`: a tag of the sentence
        // beats a noun of saying before the quote.
        .or_next(|| quoted.possessive_noun_cue())
        .or_next(|| quoted.colon())
    {
        Outcome::Found(a) => Some(a),
        Outcome::NotSpeech => None,
        Outcome::Next => quoted.no_tag(),
    }
}

/// What a rule of `attribute_one` decides.
// A short-lived return value, as large as the `Option<Attribution>` it stands for: boxing
// would only add an allocation per attributed quote.
#[allow(clippy::large_enum_variant)]
enum Outcome {
    /// The quote is attributed.
    Found(Attribution),
    /// The quote is not speech: no later rule is tried.
    NotSpeech,
    /// The rule does not apply: try the next one.
    Next,
}

impl Outcome {
    /// This outcome, or the one of the next rule if this one did not apply.
    fn or_next(self, rule: impl FnOnce() -> Outcome) -> Outcome {
        match self {
            Outcome::Next => rule(),
            done => done,
        }
    }
}

/// A quote with what the rules of `attribute_one` read about it, computed once.
struct Quoted<'a> {
    cx: &'a Ctx<'a>,
    q: &'a QuoteSpan,
    site: &'a Site,
    /// The quote content.
    content: &'a str,
    /// The tokens right after the quote: its sentence tail, else the next sentence (a tag
    /// after a `?` or `!`).
    after: &'a [Tok],
    /// The first token of `after` past commas and dashes.
    t0: usize,
    /// The content starts in lowercase.
    lower: bool,
    /// The content looks like a title, a nickname or a slogan.
    title_like: bool,
    /// Nothing stands in the lead.
    lead_empty: bool,
    /// The end of the lead, a final colon or comma and a `that` stripped.
    l_end: usize,
    /// The lead ends in a colon.
    had_colon: bool,
}

impl<'a> Quoted<'a> {
    /// Reads the quote, its flags, the start of the tail and the end of the lead.
    fn new(cx: &'a Ctx<'a>, q: &'a QuoteSpan, site: &'a Site) -> Self {
        let text = cx.text;
        let lead = &site.lead;
        // After `!` or `?`, a capitalised word opens a sentence of its own, even when the
        // splitter kept it with the quote.
        let content = q.content.slice(text);
        let new_sentence = content
            .trim_end_matches(|c: char| !c.is_alphanumeric() && c != '?' && c != '!')
            .ends_with(['?', '!'])
            && site
                .tail
                .first()
                .is_some_and(|t| t.is_word() && cx.w(t).starts_with(char::is_uppercase));
        // A quote introduced by its own cue (`telling her, “...!” She replied ...`) takes no
        // tag from the next sentence. Only looked up when the tag would come from there.
        let cued = || {
            lead.len() >= 2 && {
                let l = lead.len() - 1;
                (lead[l].is(',') || lead[l].is(':'))
                    && (l.saturating_sub(6)..l).any(|i| {
                        cx.speech_cue_at(lead, i)
                            .is_some_and(|c| c.class == CueClass::Speech)
                            && lead[i..l].iter().all(Tok::is_word)
                    })
            }
        };
        let after: &[Tok] = if (site.tail.is_empty() || new_sentence) && cued() {
            &[]
        } else if !site.tail.is_empty() {
            &site.tail
        } else {
            &site.next
        };
        let mut t0 = 0;
        while t0 < after.len() && (after[t0].is(',') || after[t0].is_dash()) {
            t0 += 1;
        }
        // Before the quote: strip a final colon or comma and a `that`.
        let mut l_end = lead.len();
        let had_colon = l_end > 0 && lead[l_end - 1].is(':');
        if l_end > 0 && (lead[l_end - 1].is(':') || lead[l_end - 1].is(',')) {
            l_end -= 1;
        }
        if l_end > 0
            && lead[l_end - 1].is_word()
            && cx.w(&lead[l_end - 1]).eq_ignore_ascii_case("that")
        {
            l_end -= 1;
        }
        Quoted {
            cx,
            q,
            site,
            content,
            after,
            t0,
            lower: starts_lower(text, q),
            title_like: looks_like_title(content),
            lead_empty: lead.is_empty(),
            l_end,
            had_colon,
        }
    }

    /// An attribution of this quote found by a rule.
    fn mk(
        &self,
        kind: QuoteKind,
        mention: Option<Mention>,
        appositive: Option<Span>,
        cue: Option<Span>,
        rule: Rule,
    ) -> Attribution {
        Attribution {
            span: self.q.span,
            kind,
            mention,
            appositive,
            cue,
            rule,
            inherits: None,
            fallback: None,
            weak: false,
            sentence: self.site.sentence_span,
        }
    }

    /// Partial if `partial` or the content starts in lowercase, else direct. A quote that
    /// resumes an interrupted one after a short tag is direct: `“A,” she said, “but b.”`.
    fn direct_or(&self, partial: bool) -> QuoteKind {
        let lead = &self.site.lead;
        let resumes =
            self.site.resumes && lead.len() <= 12 && lead.last().is_some_and(|t| t.is(','));
        if partial || self.lower && !resumes {
            QuoteKind::Partial
        } else {
            QuoteKind::Direct
        }
    }

    /// The lead ends with a cue and `that`: `claimed on Tuesday that “...”`.
    fn introduced_by_that(&self) -> bool {
        let (cx, lead) = (self.cx, &self.site.lead);
        let n = lead.len();
        n >= 2
            && lead[n - 1].is_word()
            && cx.w(&lead[n - 1]) == "that"
            && (n.saturating_sub(6)..n - 1).any(|i| cx.cue_at(lead, i).is_some())
    }

    /// The cue of `a`, after the quote, is followed by the start of a clause: `said the
    /// cases differ`, not `said.` or `said on Tuesday`.
    fn cue_reports_clause(&self, a: &Attribution) -> bool {
        let (cx, tail) = (self.cx, self.after);
        let Some(cue) = a.cue else {
            return false;
        };
        let Some(k) = tail.iter().position(|t| t.span.start >= cue.end) else {
            return false;
        };
        tail[k].is_word()
            && matches!(
                cx.w(&tail[k]),
                "the"
                    | "a"
                    | "an"
                    | "he"
                    | "she"
                    | "they"
                    | "it"
                    | "we"
                    | "i"
                    | "that"
                    | "this"
                    | "his"
                    | "her"
                    | "their"
                    | "its"
            )
            && tail.len() > k + 2
    }

    /// Never speech: `the so-called “dark fleet”`, a nickname between two names, an attribute
    /// value of markup.
    fn never_speech(&self) -> bool {
        let cx = self.cx;
        let Some(last) = self.site.lead.last() else {
            return false;
        };
        // `<a href="http://…">`: markup left in the text.
        if last.is('=') {
            return true;
        }
        let lw = ascii_lower(cx.w(last));
        matches!(
            lw.as_str(),
            "so-called"
                | "dubbed"
                | "nicknamed"
                | "titled"
                | "entitled"
                | "headlined"
                | "named"
                | "marked"
                | "word"
                | "term"
                | "phrase"
                | "slogan"
                | "hashtag"
                | "label"
                | "labeled"
                | "labelled"
                | "billed"
        ) || (cx.g.is_name_word(last)
            && self.after.first().is_some_and(|t| cx.g.is_name_word(t))
            // A nickname is short: `John “Tig” Tiegen`, not `Sanders “has pole-vaulted
            // ...,” Sroka said`.
            && self.content.split_whitespace().count() <= 3)
            || self.names_a_work()
    }

    /// The title of a show, paper or book after a possessive or a preposition: `ABC’s “This
    /// Week,”`, `Fox News’ “Hannity.”`, `in an interview with “CBS This Morning,”`. American
    /// style puts the sentence's comma or period inside the marks, so one is allowed.
    fn names_a_work(&self) -> bool {
        let (cx, lead) = (self.cx, &self.site.lead);
        let Some(last) = lead.last() else {
            return false;
        };
        let bare = self.content.trim_end().trim_end_matches([',', '.']);
        if !looks_like_title(bare) {
            return false;
        }
        let lw = cx.w(last);
        let possessive = if last.is('\'') || last.is('’') {
            lead.len() > 1 && cx.w(&lead[lead.len() - 2]).ends_with('s')
        } else {
            last.is_word() && cx.g.is_name_word(last) && (lw.ends_with("'s") || lw.ends_with("’s"))
        };
        possessive
            || last.is_word()
                && (matches!(lw, "on" | "with" | "from" | "of" | "in" | "at")
                    || lw == "to" && bare.split_whitespace().count() >= 2)
    }

    /// A tag after the quote: `“...,” cue NP`, `“...,” NP cue`, `“...,” according to NP`, a
    /// title first (`“...,” the mayor, Lena Ortiz, said.`), a name with a long apposition
    /// and a later cue.
    fn tag_after(&self) -> Outcome {
        self.tag_right_after()
            .or_next(|| self.tag_after_apposition())
            .or_next(|| self.tag_after_loose())
            .or_next(|| self.tag_after_as())
    }

    /// A tag opened by `as` after the quote: `“...,” as Senator Ann Lee put it`, `– as
    /// described by FBI Director James Comey –`.
    fn tag_after_as(&self) -> Outcome {
        let (cx, tail, t0) = (self.cx, self.after, self.t0);
        if !tail.get(t0).is_some_and(|t| t.is_word() && cx.w(t) == "as") || t0 + 2 >= tail.len() {
            return Outcome::Next;
        }
        let at = t0 + 1;
        // `as described by NP`
        if let Some(c) = cx
            .cue_at(tail, at)
            .filter(|c| c.words == 1 && cx.w(&tail[at]).ends_with("ed"))
        {
            if tail[at + 1].is_word() && cx.w(&tail[at + 1]) == "by" {
                if let Some((m, appos, _)) = cx
                    .mention_after(tail, at + 2)
                    .filter(|(m, _, _)| m.kind != MentionKind::Pronoun)
                {
                    return self.tagged_after(
                        m,
                        appos,
                        cx.cue_span(tail, at, c),
                        Rule::AfterCueMention,
                    );
                }
            }
            return Outcome::Next;
        }
        // `as NP cue`: the rules of a tag right after the quote, past the `as`.
        Quoted { t0: at, ..*self }.tag_right_after()
    }

    /// `“...,” former State policy planning director Anne-Marie Slaughter wrote to Clinton.`:
    /// a quote that ends in a comma, `!` or `?`, then a phrase the mention grammar does not
    /// read, then a speech cue. The phrase is the speaker when it holds no verb and no clause
    /// word; its name is its first run of name words.
    fn tag_after_loose(&self) -> Outcome {
        let (cx, tail, t0) = (self.cx, self.after, self.t0);
        let ends_open = self
            .content
            .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '”' | '"' | '’' | '\''))
            .ends_with([',', '!', '?']);
        let lead_cue = (0..self.l_end).any(|i| cx.cue_at(&self.site.lead, i).is_some());
        if !ends_open
            || lead_cue
            || t0 >= tail.len()
            || !tail[t0].is_word()
            // `Later, Marco Rubio claimed`: an adverb opening the next clause.
            || tail.get(t0 + 1).is_some_and(|t| t.is(',')) && !cx.g.is_name_word(&tail[t0])
        {
            return Outcome::Next;
        }
        let mut c_at = None;
        for i in t0..tail.len().min(t0 + 20) {
            let t = &tail[i];
            if !t.is_word() {
                if matches!(
                    t.kind,
                    TokKind::Punct(',' | '’' | '\'' | '(' | ')' | '-' | '.' | '&')
                ) {
                    continue;
                }
                break;
            }
            if let Some(c) = cx.speech_cue_at(tail, i) {
                if i > t0 && c.class == CueClass::Speech && !c.participle {
                    c_at = Some((i, c));
                }
                break;
            }
            let w = cx.w(t);
            let lower = w.starts_with(char::is_lowercase);
            if lower
                && (is_past_tense(w)
                    || is_auxiliary(w)
                    || matches!(
                        w,
                        "that"
                            | "which"
                            | "who"
                            | "whom"
                            | "when"
                            | "while"
                            | "if"
                            | "because"
                            | "as"
                            | "but"
                            | "so"
                            | "then"
                            | "than"
                            | "to"
                            | "not"
                            | "or"
                            | "nor"
                    )
                    || i == t0 && w == "and")
                || i == t0 && (lower && is_stop(w) && !matches!(w, "the" | "this" | "a" | "an"))
                || cx.g.pronoun(t).is_some()
            {
                break;
            }
        }
        let Some((c_at, c)) = c_at else {
            return Outcome::Next;
        };
        let mut end = c_at;
        while end > t0 && !tail[end - 1].is_word() && !tail[end - 1].is(')') {
            end -= 1;
        }
        let phrase = &tail[t0..end];
        // The first run of name words, past a capitalised title word.
        let run_start = phrase.iter().position(|t| cx.g.is_name_word(t));
        let named = run_start.and_then(|k| {
            let len = phrase[k..]
                .iter()
                .take_while(|t| cx.g.is_name_word(t))
                .count();
            // A run of one word before another run is a modifier: `State policy director
            // Anne-Marie Slaughter`; take the later run.
            let later = (len == 1)
                .then(|| {
                    let j = (k + 1..phrase.len()).find(|&j| cx.g.is_name_word(&phrase[j]))?;
                    let l = phrase[j..]
                        .iter()
                        .take_while(|t| cx.g.is_name_word(t))
                        .count();
                    (l >= 2).then_some((j, l))
                })
                .flatten();
            let (k, len) = later.unwrap_or((k, len));
            // A run followed by a common noun modifies it: `this Trump look-alike`.
            let modifier = phrase.get(k + len).is_some_and(|t| {
                t.is_word()
                    && cx.w(t).starts_with(char::is_lowercase)
                    && !matches!(cx.w(t), "and" | "of" | "from" | "at" | "for" | "in" | "on")
            });
            (!modifier)
                .then(|| cx.g.classify(&phrase[k..k + len]))
                .flatten()
        });
        let span = Span::new(phrase[0].span.start, phrase[phrase.len() - 1].span.end);
        let m = match named {
            Some(n) if n.kind != MentionKind::Pronoun => Mention {
                span,
                kind: n.kind,
                name: n.name.or(Some(n.span)),
                title: n.title,
                gender: n.gender,
                antecedent: None,
            },
            _ => {
                // A description: `this Trump look-alike`, `the band's drummer`.
                if !phrase.iter().any(|t| t.is_word() && !is_stop(cx.w(t))) {
                    return Outcome::Next;
                }
                Mention::unnamed(span, MentionKind::Description, None)
            }
        };
        self.tagged_after(m, None, cx.cue_span(tail, c_at, c), Rule::AfterLooseTag)
    }

    /// After the quote, right by it: `“...,” NP cue` / `“...,” cue NP` / `“...,” according
    /// to NP`, and `“...,” the mayor, Lena Ortiz, said.`
    fn tag_right_after(&self) -> Outcome {
        let (cx, tail, t0) = (self.cx, self.after, self.t0);
        if t0 >= tail.len() {
            return Outcome::Next;
        }
        // A participle is never an inverted tag: in `“...,” telling supporters` the phrase
        // after it is its object.
        if let Some(c) = cx.speech_cue_at(tail, t0).filter(|c| !c.participle) {
            // `Roffman, who estimates his costs were “in the seven figures,” described the
            // impact as ...`: after a fragment inside a sentence, a verb and a thing are the
            // sentence going on, not an inverted tag.
            let goes_on = |m: &Mention| {
                !self.lead_empty
                    && self.lower
                    && c.class != CueClass::Phrase
                    && !matches!(
                        cx.w(&tail[t0]),
                        "said" | "says" | "added" | "adds" | "asked" | "asks" | "wrote" | "writes"
                    )
                    && m.kind == MentionKind::Description
                    && !tail
                        .iter()
                        .rev()
                        .find(|t| t.span.end <= m.span.end && t.is_word())
                        .is_some_and(|t| cx.g.lex.is_title_head(cx.w(t)))
            };
            if let Some((m, appos, _)) = cx
                .mention_after(tail, t0 + c.words)
                .filter(|(m, _, _)| !goes_on(m))
            {
                let rule = if c.class == CueClass::Phrase {
                    Rule::AccordingTo
                } else {
                    Rule::AfterCueMention
                };
                return self.tagged_after(m, appos, cx.cue_span(tail, t0, c), rule);
            }
        }
        for c_at in t0 + 1..tail.len().min(t0 + 40) {
            if !tail[c_at].is_word() {
                // Commas, brackets and apostrophes stand inside a speaker phrase
                // (`Jeff Weaver, Sanders’ campaign manager,`); other marks end it.
                if matches!(
                    tail[c_at].kind,
                    TokKind::Punct(',' | '’' | '\'' | '(' | ')' | '-' | '&' | '.')
                ) {
                    continue;
                }
                break;
            }
            // `“...,” the ministry states in its report`: "state(s)", more often a noun and so
            // not in the cue list, is a cue in this one place.
            let states = || {
                matches!(cx.w(&tail[c_at]), "states" | "state")
                    && tail[c_at - 1].is_word()
                    && cx.g.pronoun(&tail[c_at - 1]).is_none()
            };
            let cue = cx.speech_cue_at(tail, c_at).or_else(|| {
                states().then_some(CueForm {
                    class: CueClass::Speech,
                    participle: false,
                    words: 1,
                })
            });
            if let Some(c) = cue {
                if c.class == CueClass::Phrase {
                    break;
                }
                // `at "less advanced schools," Trump said: "I don't like ..."`: the tag
                // introduces the next quote.
                if tail.get(c_at + c.words).is_some_and(|t| t.is(':')) {
                    break;
                }
                // `“poison pill” measures added by Republicans`: a passive participle; the
                // agent after `by` speaks.
                if c_at > t0
                    && !is_auxiliary(cx.w(&tail[c_at - 1]))
                    && cx.w(&tail[c_at + c.words - 1]).ends_with("ed")
                    && tail
                        .get(c_at + c.words)
                        .is_some_and(|t| t.is_word() && cx.w(t) == "by")
                {
                    if let Some((m, appos, _)) = cx
                        .mention_after(tail, c_at + c.words + 1)
                        .filter(|(m, _, end)| {
                            m.kind != MentionKind::Pronoun && *end <= c_at + c.words + 5
                        })
                        .filter(|_| {
                            cx.mention_before(tail, t0, c_at)
                                .is_some_and(|(n, _)| n.span.start == tail[t0].span.start)
                        })
                    {
                        return self.tagged_after(
                            m,
                            appos,
                            cx.cue_span(tail, c_at, c),
                            Rule::AfterCueMention,
                        );
                    }
                }
                // `“...,” From said.`: any single capitalised word right between the quote
                // and a speech cue names the speaker, even one that is also a common word.
                let lone_word = || {
                    let t = &tail[t0];
                    (c_at == t0 + 1
                        && c.class == CueClass::Speech
                        && !c.participle
                        && t.is_word()
                        && cx.w(t).starts_with(char::is_uppercase)
                        && cx.w(t).chars().any(char::is_lowercase)
                        && !is_stop(&cx.w(t).to_ascii_lowercase()))
                    .then_some((
                        Mention {
                            span: t.span,
                            kind: MentionKind::Person,
                            name: Some(t.span),
                            title: None,
                            gender: None,
                            antecedent: None,
                        },
                        None,
                    ))
                };
                if let Some((m, appos)) = cx.mention_before(tail, t0, c_at).or_else(lone_word) {
                    // The tag starts right after the quote, or a title stands first:
                    // `“...,” the mayor, Lena Ortiz, said.`
                    let k = tail
                        .iter()
                        .position(|t| t.span.start == m.span.start)
                        .unwrap_or(t0);
                    let title_first = (k > t0 + 1 && tail[k - 1].is(','))
                        .then(|| cx.g.appositive(&tail[t0..k - 1]))
                        .flatten();
                    let appos = appos.or(title_first);
                    if m.span.start == tail[t0].span.start || title_first.is_some() {
                        return self.tagged_after(
                            m,
                            appos,
                            cx.cue_span(tail, c_at, c),
                            Rule::AfterMentionCue,
                        );
                    }
                }
            }
        }
        Outcome::Next
    }

    /// A tag found after the quote: the quote is direct unless words lead into it.
    fn tagged_after(&self, m: Mention, appos: Option<Span>, cue: Span, rule: Rule) -> Outcome {
        Outcome::Found(self.mk(
            self.direct_or(!self.lead_empty),
            Some(m),
            appos,
            Some(cue),
            rule,
        ))
    }

    /// `“...,” Trump, the 2016 frontrunner and polling leader in the state, said.`: a name, a
    /// comma, and a speech cue later in the sentence.
    fn tag_after_apposition(&self) -> Outcome {
        let (cx, tail, t0) = (self.cx, self.after, self.t0);
        let Some(comma) = (t0 + 1..tail.len().min(t0 + 6)).find(|&i| tail[i].is(',')) else {
            return Outcome::Next;
        };
        let named =
            cx.g.classify(&tail[t0..comma])
                .filter(|m| m.kind == MentionKind::Person && m.name.is_some());
        let cue_later = (comma + 1..tail.len().min(comma + 40)).find(|&i| {
            cx.speech_cue_at(tail, i)
                .is_some_and(|c| c.class == CueClass::Speech && !c.participle)
        });
        if let (Some(m), Some(c_at)) = (named, cue_later) {
            if !tail[comma..c_at]
                .iter()
                .any(|t| matches!(t.kind, TokKind::Punct('“' | '"' | ':' | ';')))
            {
                let Some(c) = cx.speech_cue_at(tail, c_at) else {
                    return Outcome::NotSpeech;
                };
                return self.tagged_after(
                    m,
                    None,
                    cx.cue_span(tail, c_at, c),
                    Rule::AfterMentionCue,
                );
            }
        }
        Outcome::Next
    }

    /// A tag before the quote: `According to NP, “...”`, a parenthetical tag, the last speech
    /// or report cue (participles and an inverted tag before a colon included).
    fn tag_before(&self) -> Outcome {
        self.according_to()
            .or_next(|| self.labelled())
            .or_next(|| self.parenthetical_tag())
            .or_next(|| self.last_cue_before())
    }

    /// A quote labelled with its speaker after a dash, as in roundups: `Pollsters agree –
    /// Ann Ruiz: “...”`. The name before the colon speaks, not the subject before the dash.
    fn labelled(&self) -> Outcome {
        let (cx, lead, l_end) = (self.cx, &self.site.lead, self.l_end);
        if !self.had_colon || self.lower || l_end < 2 {
            return Outcome::Next;
        }
        let Some(dash) = (l_end.saturating_sub(6)..l_end - 1)
            .rev()
            .find(|&i| lead[i].is_dash())
        else {
            return Outcome::Next;
        };
        let spaced = spaced_at(lead, dash);
        match cx.g.classify(&lead[dash + 1..l_end]) {
            Some(m) if spaced && matches!(m.kind, MentionKind::Person | MentionKind::Org) => {
                Outcome::Found(self.mk(QuoteKind::Direct, Some(m), None, None, Rule::BeforeColon))
            }
            _ => Outcome::Next,
        }
    }

    /// `Trump's recent assertion that “thousands” ...`, `her claim that she “never sent ...”`,
    /// `his promise to be “neutral”`: a noun of saying after a possessive; the possessor
    /// speaks.
    fn possessive_noun_cue(&self) -> Outcome {
        let (cx, lead, l_end) = (self.cx, &self.site.lead, self.l_end);
        let is_noun_cue = |w: &str| {
            matches!(
                w,
                "claim"
                    | "claims"
                    | "assertion"
                    | "promise"
                    | "pledge"
                    | "vow"
                    | "warning"
                    | "statement"
                    | "remark"
                    | "remarks"
                    | "comment"
                    | "comments"
                    | "suggestion"
                    | "insistence"
                    | "argument"
                    | "accusation"
                    | "boast"
                    | "call"
                    | "demand"
                    | "declaration"
                    | "prediction"
                    | "description"
                    | "characterization"
                    | "complaint"
                    | "charge"
                    | "answer"
                    | "response"
                    | "reply"
                    | "retort"
                    | "rebuttal"
                    | "explanation"
                    | "quip"
                    | "verdict"
                    | "assessment"
                    | "conclusion"
                    | "advice"
                    | "slogan"
            )
        };
        // The noun, at most 15 tokens before the quote, with no other cue or mark between.
        let Some(n_at) = (l_end.saturating_sub(15)..l_end)
            .rev()
            .find(|&i| lead[i].is_word() && is_noun_cue(cx.w(&lead[i])))
        else {
            return Outcome::Next;
        };
        if lead[n_at + 1..l_end]
            .iter()
            .any(|t| matches!(t.kind, TokKind::Punct('.' | ';' | ':' | '“' | '"' | '(')))
            || (n_at + 1..l_end).any(|i| cx.cue_at(lead, i).is_some())
        {
            return Outcome::Next;
        }
        // The possessive, with at most three modifiers before the noun: `Trump's recent
        // evidence-free assertion`.
        let Some(p_at) = (n_at.saturating_sub(4)..n_at).rev().find(|&i| {
            let w = cx.w(&lead[i]);
            lead[i].is_word()
                && (w
                    .strip_suffix("'s")
                    .or_else(|| w.strip_suffix("’s"))
                    .is_some_and(|r| !r.is_empty())
                    || possessive_pronoun(w).is_some())
        }) else {
            return Outcome::Next;
        };
        if !(p_at + 1..n_at).all(|i| {
            lead[i].is_word()
                && cx.w(&lead[i]).starts_with(char::is_lowercase)
                && !is_stop(cx.w(&lead[i]))
        }) {
            return Outcome::Next;
        }
        let pw = cx.w(&lead[p_at]);
        let m = match possessive_pronoun(pw) {
            Some(gender) => {
                // `Sanders has pushed his promise of “free college”`: the sentence subject
                // the possessive refers to, when it agrees.
                let opposite = gender.map(|g| match g {
                    Gender::Male => Gender::Female,
                    _ => Gender::Male,
                });
                let subject = cx.subject(&self.site.sentence).filter(|s| match s.kind {
                    MentionKind::Person => gender.is_some() && s.gender != opposite,
                    MentionKind::Org | MentionKind::Description => gender.is_none(),
                    MentionKind::Pronoun => false,
                });
                subject.unwrap_or(Mention {
                    span: lead[p_at].span,
                    kind: MentionKind::Pronoun,
                    name: None,
                    title: None,
                    gender,
                    antecedent: None,
                })
            }
            None => {
                // The possessor without its `'s`: `Donald Trump's` names Donald Trump.
                let suffix = if pw.ends_with("’s") {
                    "’s".len()
                } else {
                    2
                };
                let mut owner: Vec<Tok> = Vec::with_capacity(6);
                let first = (p_at.saturating_sub(5)..p_at)
                    .find(|&k| (k..p_at).all(|i| cx.g.is_name_word(&lead[i])))
                    .unwrap_or(p_at);
                // `the former minister’s`: titles and their article go with the owner.
                let mut first = first;
                while first > 0
                    && p_at - first < 6
                    && cx.g.is_lower_word(&lead[first - 1])
                    && (cx.g.lex.is_title_word(cx.w(&lead[first - 1]))
                        || cx.g.lex.is_title_modifier(cx.w(&lead[first - 1])))
                {
                    first -= 1;
                }
                if first > 0
                    && matches!(
                        ascii_lower(cx.w(&lead[first - 1])).as_str(),
                        "the" | "a" | "an"
                    )
                {
                    first -= 1;
                }
                owner.extend_from_slice(&lead[first..=p_at]);
                let last = owner.len() - 1;
                owner[last].span = Span::new(owner[last].span.start, owner[last].span.end - suffix);
                match cx.g.classify(&owner) {
                    Some(m) if m.kind != MentionKind::Pronoun => m,
                    _ => return Outcome::Next,
                }
            }
        };
        Outcome::Found(self.mk(
            QuoteKind::Partial,
            Some(m),
            None,
            Some(lead[n_at].span),
            Rule::BeforeNounCue,
        ))
    }

    /// `According to NP, “...”`
    fn according_to(&self) -> Outcome {
        let (cx, lead, l_end) = (self.cx, &self.site.lead, self.l_end);
        let Some(a) = (0..l_end).rev().find(|&i| {
            cx.cue_at(lead, i)
                .is_some_and(|c| c.class == CueClass::Phrase)
        }) else {
            return Outcome::Next;
        };
        let Some(c) = cx.cue_at(lead, a) else {
            return Outcome::NotSpeech;
        };
        let np_start = a + c.words;
        if np_start < l_end {
            if let Some((m, appos)) = cx
                .mention_before(lead, np_start, l_end)
                .filter(|(m, _)| m.span.start == lead[np_start].span.start)
            {
                return Outcome::Found(self.mk(
                    self.direct_or(a > 0),
                    Some(m),
                    appos,
                    Some(cx.cue_span(lead, a, c)),
                    Rule::AccordingTo,
                ));
            }
            // `According to Sharp, Trump is the “kind-hearted” father`: the phrase closes at
            // a comma and the clause after it has no cue of its own. The phrase may go on
            // after the speaker: `According to Paul Sperry of the Hoover Institution, “...”`.
            let comma = (np_start + 1..lead.len().min(np_start + 12)).find(|&i| lead[i].is(','));
            if let Some(comma) = comma {
                let own_cue = (comma + 1..l_end).any(|i| cx.speech_cue_at(lead, i).is_some());
                let m = cx
                    .mention_after(&lead[..comma], np_start)
                    .filter(|&(_, appos, _)| appos.is_none())
                    .map(|(m, _, _)| m)
                    .or_else(|| cx.g.classify(&lead[np_start..comma]));
                if let Some(m) = m.filter(|m| {
                    !own_cue
                        && matches!(
                            m.kind,
                            MentionKind::Person | MentionKind::Org | MentionKind::Description
                        )
                }) {
                    let kind = if comma >= l_end {
                        self.direct_or(a > 0)
                    } else {
                        QuoteKind::Partial
                    };
                    return Outcome::Found(self.mk(
                        kind,
                        Some(m),
                        None,
                        Some(cx.cue_span(lead, a, c)),
                        Rule::AccordingTo,
                    ));
                }
            }
        }
        Outcome::Next
    }

    /// A parenthetical tag: `CNN, Cruz said, called the announcement “highly significant.”`
    fn parenthetical_tag(&self) -> Outcome {
        let (cx, lead, l_end) = (self.cx, &self.site.lead, self.l_end);
        // The tag at cue `i` speaks for the quote.
        let tag = |m: Mention, appos: Option<Span>, i: usize, c: CueForm| {
            Outcome::Found(self.mk(
                self.direct_or(true),
                Some(m),
                appos,
                Some(cx.cue_span(lead, i, c)),
                Rule::SentenceLeadCue,
            ))
        };
        for i in 1..l_end {
            let Some(c) = cx
                .speech_cue_at(lead, i)
                .filter(|c| c.class == CueClass::Speech && !c.participle)
            else {
                continue;
            };
            // Inverted: `The paradox of the job, says Carl Anthony, a historian, is that ...`.
            if lead[i - 1].is(',') {
                if let Some((m, appos, e)) = cx
                    .mention_after(lead, i + c.words)
                    .filter(|(m, _, _)| m.kind != MentionKind::Pronoun)
                {
                    let close = if appos.is_some() {
                        (e + 1..l_end.min(e + 16)).find(|&k| lead[k].is(','))
                    } else {
                        Some(e).filter(|&e| e < l_end && lead[e].is(','))
                    };
                    if close.is_some_and(|k| k + 1 < l_end && lead[k + 1].is_word()) {
                        return tag(m, appos, i, c);
                    }
                }
            }
            if !lead.get(i + c.words).is_some_and(|t| t.is(','))
                || i + c.words + 1 >= l_end
                || cx
                    .cue_at(lead, i + c.words + 1)
                    .is_some_and(|c| c.participle)
            {
                continue;
            }
            let Some(open) = (0..i).rev().take(8).find(|&k| lead[k].is(',')) else {
                continue;
            };
            // `..., The Post's Robert Costa reported, his wife whispered to him: “...”`: a
            // later cue with a subject of its own speaks for the quote.
            let after_tag = i + c.words + 1;
            if (after_tag + 1..l_end).any(|k| {
                cx.speech_cue_at(lead, k).is_some_and(|c| !c.participle)
                    && cx
                        .mention_before(lead, after_tag, k)
                        .map(|(m, _)| m)
                        .or_else(|| cx.subject_at(&lead[after_tag..k]))
                        .is_some_and(|m| m.kind != MentionKind::Pronoun)
            }) {
                continue;
            }
            if let Some(m) = cx.g.classify(&lead[open + 1..i]) {
                return tag(m, None, i, c);
            }
        }
        Outcome::Next
    }

    /// The last cue before the quote: `Sullivan said: “...”`, `she told reporters “...”`,
    /// `X said the economy grew at a “modest pace”`, `X echoed it, saying: “...”`.
    fn last_cue_before(&self) -> Outcome {
        let (cx, site, lead, l_end) = (self.cx, self.site, &self.site.lead, self.l_end);
        // `told Congress when asked about it: “...”`: a reduced clause (`when asked`) is no
        // cue of its own; the cue before it speaks.
        let reduced = |i: usize| {
            i > 0
                && matches!(
                    ascii_lower(cx.w(&lead[i - 1])).as_str(),
                    "when" | "if" | "once" | "unless" | "until" | "after" | "before" | "while"
                )
                && cx.w(&lead[i]).ends_with("ed")
        };
        // `a book called “Women Who Work”`: a participle right after a common noun, right
        // before the title it names, names a thing; nobody speaks.
        let naming = |i: usize| {
            self.title_like
                && i > 0
                && matches!(
                    cx.w(&lead[i]),
                    "called" | "named" | "dubbed" | "titled" | "entitled" | "nicknamed"
                )
                && lead[i + 1..l_end].iter().all(|t| !t.is_word())
                && lead[i - 1].is_word()
                && {
                    let w = cx.w(&lead[i - 1]);
                    w.starts_with(|c: char| c.is_ascii_lowercase())
                        && !is_auxiliary(w)
                        && !is_filler(w)
                        && !is_manner_adverb(w)
                        && !cx.g.lex.is_title_word(w)
                        && !matches!(
                            w,
                            "he" | "she"
                                | "they"
                                | "we"
                                | "i"
                                | "you"
                                | "it"
                                | "who"
                                | "which"
                                | "that"
                                | "and"
                                | "or"
                                | "but"
                        )
                }
        };
        let last_of = |class: CueClass| {
            (0..l_end).rev().find(|&i| {
                cx.cue_at(lead, i).is_some_and(|c| c.class == class)
                    && !(reduced(i) && (0..i - 1).any(|j| cx.cue_at(lead, j).is_some()))
                    && !naming(i)
            })
        };
        let Some(c_at) = last_of(CueClass::Speech).or_else(|| last_of(CueClass::Report)) else {
            return Outcome::Next;
        };
        let Some(c) = cx.cue_at(lead, c_at) else {
            return Outcome::NotSpeech;
        };
        let after = &lead[c_at + c.words..l_end];
        let cue = Some(cx.cue_span(lead, c_at, c));
        // Only a short object may stand between cue and quote: `told reporters:`.
        let adjacent = after.is_empty() || after.len() <= 4 && cx.g.classify(after).is_some();
        // A capitalised quote after a comma or colon is a sentence of its own, however long
        // the phrase before it: `told Congress when asked about the inquiry: “That matter
        // is ...”`.
        let sentence_of_its_own =
            !self.lower && lead.last().is_some_and(|t| t.is(',') || t.is(':'));
        let kind = self.direct_or(!adjacent && !sentence_of_its_own);
        let rule = if adjacent {
            Rule::BeforeCue
        } else {
            Rule::SentenceLeadCue
        };
        if !self.title_like || adjacent {
            if c.participle {
                // After an earlier quote of the sentence, only a subject right before the
                // participle counts (`“...,” ... and Trump calling it a “great meeting.”`).
                let cut = c.class == CueClass::Speech && !site.lead_at_sentence_start;
                let speaker = if cut {
                    self.participle_subject(c_at)
                        .filter(|(m, _)| m.kind != MentionKind::Pronoun)
                } else {
                    self.participle_speaker(c_at)
                };
                if let Some((m, appos)) = speaker {
                    return Outcome::Found(self.mk(
                        kind,
                        Some(m),
                        appos,
                        cue,
                        Rule::BeforeParticiple,
                    ));
                }
                if cut {
                    // `“It’s not new,” said Rep. Scott, adding that “we’ve been ...”`: the
                    // speaker of the quote before, passed on by the inheritance pass; failing
                    // that, the subject of the sentence (`Kerpen needled the CNN “reporter,”
                    // saying, “...”`).
                    let mut a = self.mk(kind, None, None, cue, Rule::Unattributed);
                    a.fallback = cx
                        .subject(&site.sentence)
                        .map(|m| (m, Rule::BeforeParticiple));
                    return Outcome::Found(a);
                }
            } else if let Some(m) = adjacent
                .then(|| cx.g.classify(after))
                .flatten()
                .filter(|m| {
                    m.kind == MentionKind::Person
                        && m.title.is_some()
                        && self.had_colon
                        && !takes_person_object(cx.w(&lead[c_at]))
                })
            {
                // Inverted before a colon: `In other words, explained CBS moderator Nancy Cordes: “...”`.
                return Outcome::Found(self.mk(kind, Some(m), None, cue, Rule::BeforeCue));
            } else if let Some(m) = self.passive_agent(c_at, c) {
                // `Rubio was asked by moderator Gerard Baker whether ... “...”`
                return Outcome::Found(self.mk(kind, Some(m), None, cue, rule));
            } else if self.is_passive(c_at) {
                // `The plan was described as “reckless”`, `Lee was asked, “...?”`: with no
                // agent, the subject is what was spoken of or to, and the speaker is unknown.
                return Outcome::Found(self.mk(kind, None, None, cue, Rule::Unattributed));
            } else if let Some(m) = self.infinitive_object(c_at) {
                // `leading advisers like Gene Sperling to counter that “...”`
                return Outcome::Found(self.mk(kind, Some(m), None, cue, rule));
            } else if let Some(m) = self.coordinated_speaker(c_at) {
                // `Ryan lamented the “disheartened” state and criticized the “identity
                // politics”`: the subject of the first verb speaks for the second.
                return Outcome::Found(self.mk(kind, Some(m), None, cue, rule));
            } else if let Some((m, appos)) = cx.mention_before(lead, 0, c_at).and_then(|(m, a)| {
                let Some(p) = self.object_np_start(&m, c_at) else {
                    return Some((m, a));
                };
                // `a woman in Worcester, Massachusetts, told him`: the noun the place
                // belongs to.
                if !matches!(cx.w(&lead[p]), "in" | "from" | "of" | "at")
                    && !cx.w(&lead[p]).ends_with("ing")
                {
                    return None;
                }
                let (np, appos) = cx.mention_before(lead, 0, p).filter(|(m, _)| {
                    p > 0
                        && m.span.end == lead[p - 1].span.end
                        && matches!(m.kind, MentionKind::Person | MentionKind::Description)
                })?;
                // `Dean Johnson, a salesman from Sumter, South Carolina, says`: the person
                // the description stands beside.
                let k = lead.partition_point(|t| t.span.start < np.span.start);
                if np.kind == MentionKind::Description && k > 1 && lead[k - 1].is(',') {
                    if let Some((person, _)) = cx
                        .mention_before(lead, 0, k - 1)
                        .filter(|(m, _)| m.kind == MentionKind::Person)
                    {
                        return Some((person, Some(np.span)));
                    }
                }
                Some((np, appos))
            }) {
                // `Graham assures his audience he will tell the “bigots”`: a pronoun that opens
                // the clause reported by an earlier cue is that cue's speaker, named there.
                if let Some((outer, outer_cue)) = self.outer_source(&m) {
                    return Outcome::Found(self.mk(kind, Some(outer), None, Some(outer_cue), rule));
                }
                return Outcome::Found(self.mk(kind, Some(m), appos, cue, rule));
            } else if let Some(m) = cx.subject(&site.sentence) {
                // `Sullivan maintained that ..., but said “...”`: the sentence subject.
                let k = site
                    .sentence
                    .iter()
                    .position(|t| t.span.start == m.span.start);
                if m.kind != MentionKind::Pronoun
                    || k == Some(0)
                    || k.is_some_and(|k| k > 0 && site.sentence[k - 1].is(','))
                {
                    return Outcome::Found(self.mk(kind, Some(m), None, cue, rule));
                }
            }
            // A speech cue right before a quote that opens with a capital (`Yet a third
            // insider said, “...”`) makes it speech even when the speaker is not understood:
            // kept, with the fallbacks of a quote without a tag.
            if adjacent && c.class == CueClass::Speech && !self.lower && !self.title_like {
                let mut a = self.mk(kind, None, None, cue, Rule::Unattributed);
                // The subject of the clause that holds the cue: the first noun phrase after a
                // comma that opens a clause (`In response to ..., Clinton’s aide rallied
                // supporters, saying: “...”`).
                let s = &site.sentence;
                let cue_pos = s
                    .iter()
                    .position(|t| t.span.start == lead[c_at].span.start)
                    .unwrap_or(s.len());
                let clause_subject = (0..cue_pos)
                    .filter(|&i| s[i].is(','))
                    .find_map(|i| cx.subject_at(&s[i + 1..cue_pos]));
                a.fallback = clause_subject
                    .map(|m| (m, Rule::SentenceSubject))
                    .or_else(|| self.fallback());
                return Outcome::Found(a);
            }
        }
        Outcome::Next
    }

    /// The cue at `c_at` is a passive participle after a form of `be`, right before the
    /// quote: `was described as “...”`, `were told: “...”`, `had been called “...”`.
    fn is_passive(&self, c_at: usize) -> bool {
        let (cx, lead) = (self.cx, &self.site.lead);
        let w = cx.w(&lead[c_at]);
        c_at > 0
            && lead[c_at + 1..self.l_end]
                .iter()
                .all(|t| t.is_word() && matches!(cx.w(t), "as" | "a" | "an"))
            && lead[c_at - 1].is_word()
            && matches!(
                ascii_lower(cx.w(&lead[c_at - 1])).as_str(),
                "was" | "were" | "is" | "are" | "been" | "being" | "be"
            )
            && (w.ends_with("ed") || matches!(w, "told" | "written" | "said" | "known"))
    }

    /// The agent of a passive cue before the quote: `was asked by NP`, or `by NP` right after
    /// the quote (`Smith was called a “liar” by Trump`).
    fn passive_agent(&self, c_at: usize, c: CueForm) -> Option<Mention> {
        let (cx, lead) = (self.cx, &self.site.lead);
        let be = c_at > 0
            && lead[c_at - 1].is_word()
            && matches!(
                ascii_lower(cx.w(&lead[c_at - 1])).as_str(),
                "was" | "were" | "is" | "are" | "been" | "being" | "be"
            );
        if !be || c.participle && !cx.w(&lead[c_at]).ends_with("ed") && cx.w(&lead[c_at]) != "told"
        {
            return None;
        }
        let by_after = |toks: &[Tok], at: usize| -> Option<Mention> {
            let t = toks.get(at)?;
            if !(t.is_word() && cx.w(t) == "by") {
                return None;
            }
            let (m, _, _) = cx.mention_after(toks, at + 1)?;
            matches!(
                m.kind,
                MentionKind::Person | MentionKind::Org | MentionKind::Description
            )
            .then_some(m)
        };
        by_after(lead, c_at + c.words).or_else(|| {
            (c_at + c.words + 3 >= self.l_end)
                .then(|| by_after(&self.site.tail, 0))
                .flatten()
        })
    }

    /// The speaker of an infinitive cue after a verb that moves someone to speak: `leading
    /// advisers like Gene Sperling to counter`, `prompted Mayor Ann Cole to say`.
    fn infinitive_object(&self, c_at: usize) -> Option<Mention> {
        let (cx, lead) = (self.cx, &self.site.lead);
        if c_at < 2 || !lead[c_at - 1].is_word() || cx.w(&lead[c_at - 1]) != "to" {
            return None;
        }
        let (m, _) = cx.mention_before(lead, 0, c_at - 1)?;
        if !matches!(
            m.kind,
            MentionKind::Person | MentionKind::Org | MentionKind::Description
        ) {
            return None;
        }
        let k = lead.partition_point(|t| t.span.start < m.span.start);
        (k.saturating_sub(6)..k)
            .rev()
            .take_while(|&i| lead[i].is_word())
            .any(|i| {
                matches!(
                    ascii_lower(cx.w(&lead[i])).as_str(),
                    "leading"
                        | "led"
                        | "prompting"
                        | "prompted"
                        | "forcing"
                        | "forced"
                        | "causing"
                        | "caused"
                        | "pushing"
                        | "pushed"
                        | "spurring"
                        | "spurred"
                        | "inspiring"
                        | "inspired"
                        | "urging"
                        | "urged"
                        | "encouraging"
                        | "encouraged"
                        | "pressing"
                        | "pressed"
                        | "compelling"
                        | "compelled"
                        | "moving"
                )
            })
            .then_some(m)
    }

    /// The speaker of a cue that shares its subject with an earlier verb: `X lamented ...
    /// and criticized`, the cue right after `and` or `but`. The mention before the nearest
    /// earlier cue of the sentence.
    fn coordinated_speaker(&self, c_at: usize) -> Option<Mention> {
        let (cx, site, lead) = (self.cx, self.site, &self.site.lead);
        let conj = |k: usize| lead[k].is_word() && matches!(cx.w(&lead[k]), "and" | "but");
        // `and said`, `and later said`.
        let and_at = if c_at > 0 && conj(c_at - 1) {
            c_at - 1
        } else if c_at > 1 && is_filler(cx.w(&lead[c_at - 1])) && conj(c_at - 2) {
            c_at - 2
        } else {
            // `and in a statement credited`, `and on Sunday called`.
            (c_at.saturating_sub(6)..c_at.saturating_sub(2)).find(|&k| {
                conj(k)
                    && matches!(
                        cx.w(&lead[k + 1]),
                        "in" | "on" | "at" | "during" | "after" | "over"
                    )
                    && lead[k + 1..c_at].iter().all(Tok::is_word)
                    && !cx.g.is_name_word(&lead[c_at - 1])
            })?
        };
        let s = &site.sentence;
        let pos = s.iter().position(|t| t.span == lead[c_at].span)?;
        let and_pos = pos - (c_at - and_at);
        // A subject pronoun opens a clause: the sentence start, after a comma or after a
        // subordinating word (`when he brought up ... and later said`).
        let opens_clause =
            |i: usize| i == 0 || s[i - 1].is(',') || is_subordinator(&ascii_lower(cx.w(&s[i - 1])));
        // Back over cues that are themselves coordinated (`, referred to`, `and called`),
        // and over a pronoun inside a reported clause (`Lazar said he welcomed ... and
        // added`) to the speaker of the cue that reports it.
        let mut cues = (1..and_pos).rev().filter(|&i| {
            cx.cue_at(s, i)
                .is_some_and(|c| c.class != CueClass::Phrase && !c.participle)
                && !s[i - 1].is(',')
                && !matches!(cx.w(&s[i - 1]), "and" | "but")
        });
        let Some(prev) = cues.next() else {
            // No earlier cue: the nearest subject pronoun that opens a clause, else a named
            // sentence subject (`Keane, the chairwoman, is backing Ruiz and in a statement
            // credited him`).
            return (0..and_pos)
                .rev()
                .find_map(|i| {
                    cx.g.pronoun(&s[i]).filter(|m| {
                        opens_clause(i)
                            && matches!(
                                ascii_lower(m.span.slice(cx.text)).as_str(),
                                "he" | "she" | "they" | "we" | "i"
                            )
                    })
                })
                .or_else(|| {
                    cx.subject(s)
                        .filter(|m| matches!(m.kind, MentionKind::Person | MentionKind::Org))
                });
        };
        // A clause of its own in between: `X reported, his daughter leaned over and
        // whispered`: its subject.
        if let Some(m) = (prev + 1..and_pos)
            .filter(|&j| s[j].is(','))
            .find_map(|j| cx.subject_at(&s[j + 1..and_pos]))
            .filter(|m| {
                // Its verb follows it: not `in Washington, D.C., and boast`.
                let k = s.partition_point(|t| t.span.start < m.span.end);
                s.get(k).is_some_and(|t| {
                    cx.g.is_lower_word(t) && !matches!(cx.w(t), "and" | "or" | "but")
                })
            })
        {
            return (m.kind != MentionKind::Pronoun).then_some(m);
        }
        for c in std::iter::once(prev).chain(cues) {
            // An inverted tag after a quote: `“...,” said a former official who oversaw
            // the inquiry and described it as “...”`.
            if matches!(s[c - 1].kind, TokKind::Punct(',' | '”' | '"' | '’' | '\'')) {
                let words = cx.cue_at(s, c).map_or(1, |f| f.words);
                if let Some((m, _, _)) = cx.mention_after(s, c + words).filter(|(m, _, _)| {
                    matches!(
                        m.kind,
                        MentionKind::Person | MentionKind::Org | MentionKind::Description
                    )
                }) {
                    return Some(m);
                }
            }
            let (m, _) = cx.mention_before(s, 0, c)?;
            // A description before the verb may be an adjunct (`Sanders in the past has
            // criticized`); a pronoun counts when it opens a clause.
            match m.kind {
                MentionKind::Person | MentionKind::Org => return Some(m),
                MentionKind::Description => return None,
                MentionKind::Pronoun => {
                    let k = s.partition_point(|t| t.span.start < m.span.start);
                    let reported = k > 0
                        && (cx.cue_at(s, k - 1).is_some()
                            || cx.w(&s[k - 1]).eq_ignore_ascii_case("that"));
                    if !reported {
                        return (opens_clause(k)).then_some(m);
                    }
                }
            }
        }
        None
    }

    /// For a mention before `, cue` that is the object of a word before it, not a subject
    /// (`was behind her aggressive tone, called her “third-rate”`, `in Columbus, Ohio,
    /// said`): the index of that word.
    fn object_np_start(&self, m: &Mention, c_at: usize) -> Option<usize> {
        let (cx, lead) = (self.cx, &self.site.lead);
        let mut k = lead.partition_point(|t| t.span.start < m.span.start);
        if c_at == 0 || !lead[c_at - 1].is(',') {
            // `Another source speaking to Fox News said`: the object of a participle (the
            // preposition may have been read into the mention).
            if lead
                .get(k)
                .is_some_and(|t| matches!(cx.w(t), "to" | "with"))
            {
                k += 1;
            }
            let participle = k > 1
                && matches!(cx.w(&lead[k - 1]), "to" | "with")
                && cx.g.is_lower_word(&lead[k - 2])
                && cx.w(&lead[k - 2]).ends_with("ing");
            return participle.then(|| k - 2);
        }
        // Over a city before a state: `Columbus, Ohio`.
        if k >= 2 && lead[k - 1].is(',') && cx.g.is_name_word(&lead[k - 2]) {
            k -= 2;
        }
        let object = k > 0
            && lead[k - 1].is_word()
            && cx.g.is_lower_word(&lead[k - 1])
            && !matches!(
                cx.w(&lead[k - 1]),
                "and"
                    | "or"
                    | "but"
                    | "then"
                    | "who"
                    | "whom"
                    | "what"
                    | "that"
                    | "which"
                    | "said"
                    | "says"
            )
            && !is_subordinator(cx.w(&lead[k - 1]))
            && !is_filler(cx.w(&lead[k - 1]));
        object.then(|| k - 1)
    }

    /// For a mention `m` in the lead that opens a clause reported by an earlier speech or
    /// report cue (`X said he`, `X assures his audience he`, `X says that Y`), the speaker of
    /// that cue: the words are that speaker's account. A pronoun gives way only to a speaker
    /// it agrees with.
    fn outer_source(&self, m: &Mention) -> Option<(Mention, Span)> {
        let (cx, lead) = (self.cx, &self.site.lead);
        let k = lead.iter().position(|t| t.span.start == m.span.start)?;
        // Back over `that` and at most a short object (`his audience`, `reporters`).
        let mut j = k;
        if j > 0 && cx.w(&lead[j - 1]).eq_ignore_ascii_case("that") {
            j -= 1;
        }
        let c_at = (j.saturating_sub(4)..j).find(|&i| {
            cx.cue_at(lead, i).is_some_and(|c| {
                !c.participle
                    && c.class != CueClass::Phrase
                    && (i + c.words..j).all(|x| lead[x].is_word() && !is_stop(cx.w(&lead[x])))
            })
        })?;
        let c = cx.cue_at(lead, c_at)?;
        // `She declared “...” and said that her campaign ...`: the subject of the first verb.
        let outer = match cx.mention_before(lead, 0, c_at) {
            Some((outer, _)) => outer,
            None => self.coordinated_speaker(c_at)?,
        };
        let he_or_she = matches!(
            ascii_lower(cx.w(&lead[k])).as_str(),
            "he" | "she" | "his" | "her"
        );
        let agrees = match outer.kind {
            MentionKind::Person => {
                cx.w(&lead[k]).eq_ignore_ascii_case("he") && outer.gender != Some(Gender::Female)
                    || cx.w(&lead[k]).eq_ignore_ascii_case("she")
                        && outer.gender != Some(Gender::Male)
            }
            MentionKind::Org => {
                matches!(cx.w(&lead[k]).to_ascii_lowercase().as_str(), "they" | "it")
            }
            // `The longtime senator said he`: a description of a person.
            MentionKind::Description => {
                matches!(cx.w(&lead[k]).to_ascii_lowercase().as_str(), "they" | "it")
                    || he_or_she
                        && lead
                            .iter()
                            .rev()
                            .find(|t| t.span.end <= outer.span.end && t.is_word())
                            .is_some_and(|t| cx.g.lex.is_title_head(cx.w(t)))
            }
            // `She said she asked the question “...”`: the same pronoun twice.
            MentionKind::Pronoun => outer
                .span
                .slice(cx.text)
                .eq_ignore_ascii_case(cx.w(&lead[k])),
        };
        if m.kind != MentionKind::Pronoun {
            return Some((outer, cx.cue_span(lead, c_at, c)));
        }
        agrees.then(|| (outer, cx.cue_span(lead, c_at, c)))
    }

    /// Who is saying, for a participle cue at `c_at` in the lead: the name right before the
    /// participle (`with Donald Trump tweeting`, `Cruz recently promising`), the speaker of an
    /// earlier cue (`Spicer said, adding, “...”`), else the sentence subject.
    fn participle_speaker(&self, c_at: usize) -> Option<(Mention, Option<Span>)> {
        let (cx, site, lead) = (self.cx, self.site, &self.site.lead);
        let earlier = || {
            (0..c_at).rev().find_map(|i| {
                cx.speech_cue_at(lead, i)
                    .filter(|c| c.class == CueClass::Speech && !c.participle)
                    .and_then(|_| cx.mention_before(lead, 0, i))
            })
        };
        // `..., even as he defended the campaign, saying`, `where about 50 protesters had
        // gathered, chanting`: the subject of the clause the participle closes.
        let clause = || {
            if c_at < 2 || !lead[c_at - 1].is(',') {
                return None;
            }
            // Not `after`, `before`, `because`: those clauses are adjuncts of the main one
            // (`Bradley apologized after they came out, saying`).
            let open = (1..c_at - 1).rev().take(14).find(|&i| {
                lead[i].is_word()
                    && matches!(
                        ascii_lower(cx.w(&lead[i])).as_str(),
                        "as" | "while" | "though" | "although" | "whereas" | "where"
                    )
            })?;
            let m = cx.subject_at(&lead[open + 1..c_at - 1])?;
            let after = lead.partition_point(|t| t.span.start < m.span.end);
            // A finite verb: `as senator representing the state` opens no clause.
            let verb_follows = after < c_at - 1
                && cx.g.is_lower_word(&lead[after])
                && !cx.w(&lead[after]).ends_with("ing");
            let no_comma = lead[open + 1..c_at - 1].iter().all(|t| !t.is(','));
            (verb_follows && no_comma && m.kind != MentionKind::Org).then_some((m, None))
        };
        self.participle_subject(c_at)
            .or_else(clause)
            .or_else(earlier)
            .or_else(|| cx.subject(&site.sentence).map(|m| (m, None)))
    }

    /// The subject right before a participle: `with Donald Trump tweeting`, `– Ryan saying
    /// ... and Trump calling`.
    fn participle_subject(&self, c_at: usize) -> Option<(Mention, Option<Span>)> {
        let (cx, lead) = (self.cx, &self.site.lead);
        (c_at > 0 && lead[c_at - 1].is_word())
            .then(|| cx.mention_before(lead, 0, c_at))
            .flatten()
            .filter(|(m, _)| {
                // Only a subject of the participle: `with Donald Trump tweeting`, `– Ryan
                // saying ... and Trump calling`.
                let k = lead
                    .iter()
                    .position(|t| t.span.start == m.span.start)
                    .unwrap_or(0);
                k == 0
                    || lead[k - 1].is(',')
                    || lead[k - 1].is('–')
                    || lead[k - 1].is('—')
                    || lead[k - 1].is(':')
                    || matches!(ascii_lower(cx.w(&lead[k - 1])).as_str(), "with" | "and")
            })
    }

    /// A cue later in the sentence: `The US is “deeply concerned” about it, she said.`
    fn tag_later_in_sentence(&self) -> Outcome {
        if self.title_like {
            return Outcome::Next;
        }
        let (cx, tail, t0) = (self.cx, &self.site.tail, self.t0);
        for c_at in t0.max(1)..tail.len() {
            let Some(c) = cx.speech_cue_at(tail, c_at) else {
                continue;
            };
            if c.class == CueClass::Phrase {
                if let Some((m, appos, _)) = cx.mention_after(tail, c_at + c.words) {
                    return Outcome::Found(self.mk(
                        QuoteKind::Partial,
                        Some(m),
                        appos,
                        Some(cx.cue_span(tail, c_at, c)),
                        Rule::SentenceTailCue,
                    ));
                }
                continue;
            }
            let cue = Some(cx.cue_span(tail, c_at, c));
            if tail[c_at - 1].is(',') {
                if let Some((m, appos, _)) = cx.mention_after(tail, c_at + c.words) {
                    return Outcome::Found(self.mk(
                        QuoteKind::Partial,
                        Some(m),
                        appos,
                        cue,
                        Rule::SentenceTailCue,
                    ));
                }
            }
            if let Some((m, appos)) = cx.mention_before(tail, t0, c_at) {
                let before = tail.iter().rposition(|t| t.span.end <= m.span.start);
                if before.is_some_and(|b| tail[b].is(',') || tail[b].is('—')) {
                    return Outcome::Found(self.mk(
                        QuoteKind::Partial,
                        Some(m),
                        appos,
                        cue,
                        Rule::SentenceTailCue,
                    ));
                }
            }
        }
        Outcome::Next
    }

    /// A colon after a sentence whose subject is a speaker: `Her reply was blunt: “...”`, or
    /// after a capitalised inverted cue and its speaker: `Continued Stone: “...”`.
    fn colon(&self) -> Outcome {
        let (cx, lead, l_end) = (self.cx, &self.site.lead, self.l_end);
        if !self.had_colon || self.lower {
            return Outcome::Next;
        }
        let found =
            |m| Outcome::Found(self.mk(QuoteKind::Direct, Some(m), None, None, Rule::BeforeColon));
        if !self.site.lead_at_sentence_start {
            // The lead was cut by an earlier fragment: `the Daily News focuses on how the
            // gunmen, armed with “assault weapons,” killed so many: “...”`.
            return match cx.subject(&self.site.sentence) {
                Some(m)
                    if matches!(
                        m.kind,
                        MentionKind::Person | MentionKind::Org | MentionKind::Description
                    ) =>
                {
                    found(m)
                }
                _ => Outcome::Next,
            };
        }
        // `Continued Stone: “...”`: a capitalised cue opening the sentence, then the speaker.
        if let Some(c) = lead
            .first()
            .and_then(|t| cx.g.lex.cue_at(&[cx.w(t)]))
            .filter(|c| c.class == CueClass::Speech && lead.len() > 2)
        {
            if let Some(m) = cx.g.classify(&lead[c.words..l_end]) {
                return Outcome::Found(self.mk(
                    QuoteKind::Direct,
                    Some(m),
                    None,
                    Some(lead[0].span),
                    Rule::BeforeCue,
                ));
            }
        }
        let subject = cx.subject(lead);
        // `The timing doesn’t surprise pollster Daron Shaw: “...”`: a named person right
        // before the colon, after a verb or `by`, when the subject is no person.
        if !subject
            .as_ref()
            .is_some_and(|m| matches!(m.kind, MentionKind::Person | MentionKind::Pronoun))
        {
            if let Some((m, _)) = cx.mention_before(lead, 0, l_end).filter(|(m, _)| {
                m.kind == MentionKind::Person
                    && m.name.is_some()
                    && m.span.end == lead[l_end - 1].span.end
            }) {
                let k = lead.partition_point(|t| t.span.start < m.span.start);
                if k > 0
                    && lead[k - 1].is_word()
                    && !matches!(
                        ascii_lower(cx.w(&lead[k - 1])).as_str(),
                        "to" | "for"
                            | "of"
                            | "with"
                            | "from"
                            | "about"
                            | "on"
                            | "at"
                            | "in"
                            | "and"
                            | "or"
                            | "than"
                            | "like"
                            | "against"
                            | "between"
                    )
                {
                    return found(m);
                }
            }
        }
        if let Some(m) = subject {
            if matches!(
                m.kind,
                MentionKind::Person
                    | MentionKind::Pronoun
                    | MentionKind::Org
                    | MentionKind::Description
            ) {
                return found(m);
            }
        }
        Outcome::Next
    }

    /// No tag: drops what does not look like speech (titles), keeps other fragments as weak,
    /// and leaves speech unattributed with a fallback speaker from the sentences around.
    fn no_tag(&self) -> Option<Attribution> {
        let site = self.site;
        let content = self.content;
        if let Some(a) = self.byline() {
            return Some(a);
        }
        // No attribution here; keep it as speech only if it looks like speech: it opens its
        // sentence or paragraph and has a few words.
        let words = content.split_whitespace().count();
        // `Adding, “...”`: a participle opening the sentence goes on from the speaker before.
        let lead = &site.lead;
        let participle_lead = site.lead_at_sentence_start
            && (1..=2).contains(&lead.len())
            && lead[0].is_word()
            && lead[1..].iter().all(|t| t.is(',') || t.is(':'))
            && self
                .cx
                .g
                .lex
                .cue_at(&[ascii_lower(self.cx.w(&lead[0])).as_str()])
                .is_some_and(|c| c.participle && c.class == CueClass::Speech);
        // `But “...”`, `Still, “...”`: a conjunction or linking adverb opening the sentence.
        let linked = site.lead_at_sentence_start
            && (1..=2).contains(&lead.len())
            && lead[0].is_word()
            && matches!(
                self.cx.w(&lead[0]),
                "But" | "And" | "Yet" | "Still" | "So" | "Or" | "Then" | "Now" | "Plus" | "Also"
            )
            && lead[1..].iter().all(|t| t.is(','));
        let opens_sentence =
            self.lead_empty && site.lead_at_sentence_start || participle_lead || linked;
        let sentence_like = content.trim_end().ends_with(['.', '!', '?', ',', '…']);
        let speech = !self.title_like
            && (opens_sentence || site.para_start || self.had_colon)
            && (words >= 3 || sentence_like);
        if !speech {
            if self.title_like {
                return None;
            }
            return Some(self.weak_fragment());
        }
        let cue = participle_lead.then(|| lead[0].span);
        let mut a = self.mk(self.direct_or(false), None, None, cue, Rule::Unattributed);
        a.fallback = self.fallback();
        Some(a)
    }

    /// `“...”¶— Bernie Sanders.`: the quote closes its paragraph and the next line is a dash
    /// and a speaker, nothing else but a place or a short comment after a comma. The dash
    /// may follow on the quote's own line when the quote opens its sentence and ends one
    /// (`“We will win.” -- Donald Trump, in Iowa`).
    fn byline(&self) -> Option<Attribution> {
        let (cx, text) = (self.cx, self.cx.text);
        let rest = &text[self.q.span.end..];
        let gap = rest.len() - rest.trim_start().len();
        let next_line = rest[..gap].contains('\n');
        // A quote on a line of its own may end without a stop when the dash follows it:
        // `“Taxes are too high” – Rosa Diaz, Tampa`.
        let dash_next = rest[gap..].starts_with(['-', '—', '–', '―']);
        // In a list on one line, a quote follows the byline of the one before: `“...” ―
        // Ann Cole “...” ― Jim Ward`.
        let lead = &self.site.lead;
        let after_byline = !self.site.lead_at_sentence_start
            && lead.len() <= 8
            && lead.first().is_some_and(|t| t.is_dash());
        let same_line = (self.lead_empty && self.site.lead_at_sentence_start || after_byline)
            && (self.content.trim_end().ends_with(['.', '!', '?', '…'])
                || dash_next && opens_paragraph(text, self.q.span.start));
        if !(next_line || same_line) {
            return None;
        }
        let line_start = self.q.span.end + gap;
        // Only the next 200 bytes are read: a byline line is short, and a document that is
        // one long line must not be scanned to its end for every quote.
        let head = &text[line_start..floor_boundary(text, (line_start + 200).min(text.len()))];
        let line = head.lines().next().unwrap_or("");
        let dash = line
            .chars()
            .next()
            .filter(|c| matches!(c, '-' | '—' | '–' | '―'))?;
        if line.len() > 160 {
            return None;
        }
        // `--` is one dash.
        let dash_len = if line.starts_with("--") {
            2
        } else {
            dash.len_utf8()
        };
        let body = line_start + dash_len;
        let toks = tokenize(text, Span::new(body, line_start + line.len()));
        let (m, appos, end) = cx.mention_after(&toks, 0)?;
        // A handle and date may follow, as under an embedded post (`— Ann Cole (@anncole)
        // May 3, 2016`), or the next quote of a list (`― Ann Cole “...”`).
        if !matches!(m.kind, MentionKind::Person | MentionKind::Org)
            || toks
                .get(end)
                .is_some_and(|t| !matches!(t.kind, TokKind::Punct(',' | '.' | '(' | '“' | '"')))
        {
            return None;
        }
        Some(self.mk(
            self.direct_or(!self.lead_empty && !after_byline),
            Some(m),
            appos,
            None,
            Rule::Byline,
        ))
    }

    /// A fragment with no tag of its own, kept only if a quote of its sentence passes a
    /// speaker on; the sentence subject as fallback when the fragment is not in it.
    fn weak_fragment(&self) -> Attribution {
        let (cx, site) = (self.cx, self.site);
        let mut a = self.mk(QuoteKind::Partial, None, None, None, Rule::Unattributed);
        a.weak = true;
        // The subject of the sentence, if the fragment is not in it: `Trump also embraced
        // enhanced interrogation techniques -- “I think waterboarding is peanuts.”`
        let sentence_text = site.sentence_span.slice(cx.text).trim_end();
        let real_sentence = sentence_text.ends_with(['.', '!', '?', '”', '"', '’', '\'']);
        if site.lead_at_sentence_start
            && !self.lead_empty
            && real_sentence
            && self.content.split_whitespace().count() >= 3
        {
            a.fallback = cx
                .subject(&site.sentence)
                .filter(|m| {
                    (matches!(m.kind, MentionKind::Person | MentionKind::Pronoun)
                        || m.kind == MentionKind::Org && cx.g.lex.is_place(m.span.slice(cx.text)))
                        && m.span.end < self.q.span.start
                })
                .map(|m| (m, Rule::SentenceSubject));
        }
        // A fragment in a sentence with a cue before it takes the speaker of the cue, else
        // the subject: `Officials, the mayor insisted, had ignored the “clear warnings.”`
        if a.fallback.is_none() && !self.title_like {
            let s = &site.sentence;
            if (0..s.len()).any(|i| cx.cue_at(s, i).is_some()) {
                a.fallback = reported_speaker(cx, s)
                    .or_else(|| cx.subject(s))
                    .map(|m| (m, Rule::SentenceSubject));
            }
        }
        a
    }

    /// The fallback speaker of an unattributed quote: from the previous sentence, the
    /// paragraph subject, or the previous paragraph.
    fn fallback(&self) -> Option<(Mention, Rule)> {
        let (cx, site, text) = (self.cx, self.site, self.cx.text);
        // Fallbacks, used only when no neighbouring quote passes a speaker on: an earlier
        // sentence of the paragraph that has a speech cue (`she said she and Obama had made
        // progress. “I really believe ...”`), else one whose subject is a named person (`Luis
        // Carrillo has driven for the app since 2020. ... “An apology doesn’t pay my landlord.”`).
        let mut fallback = None;
        for (n, sent) in site.earlier.iter().enumerate() {
            let toks = tokenize(
                text,
                Span::new(sent.start, sent.end.min(sent.start + 300)).snap(text),
            );
            if n == 0 {
                if let Some(m) = reported_speaker(cx, &toks) {
                    fallback = Some((m, Rule::PreviousSentence));
                    break;
                }
            }
            if let Some(m) = cx.subject(&toks).filter(|m| {
                m.kind == MentionKind::Person
                    && m.name
                        .is_some_and(|n| n.slice(text).contains(' ') || n.end == m.span.end)
            }) {
                fallback = Some((m, Rule::ParagraphSubject));
                break;
            }
        }
        // A quote that opens its paragraph after a paragraph of reported speech or one ending
        // in a colon: `Rather, he said, the campaign will falter.¶“To my knowledge ...”`,
        // `He listed the questions:¶“Has the candidate ...”`.
        if let (None, Some(prev), true) = (&fallback, site.prev_para, site.para_start) {
            if let Some(last) = segment::sentences(text, prev).last() {
                let start = floor_boundary(text, last.end.saturating_sub(WINDOW)).max(last.start);
                let toks = tokenize(text, Span::new(start, last.end));
                let colon = toks.last().is_some_and(|t| t.is(':'));
                let m = if colon {
                    colon_speaker(cx, &toks)
                } else {
                    // Else a person the last sentence is about: `Valastro praised Christie’s
                    // leadership ...¶“We need someone who ...”`. Not a lone word before a
                    // comma (`Often, families ...`) nor a sentence of a word or two.
                    reported_speaker(cx, &toks).or_else(|| {
                        cx.subject(&toks).filter(|m| {
                            let k = toks.partition_point(|t| t.span.start < m.span.end);
                            let lone = !m.span.slice(text).contains(' ')
                                && toks.get(k).is_some_and(|t| t.is(','));
                            toks.len() >= 4
                                && !lone
                                && (m.kind == MentionKind::Person
                                    || m.kind == MentionKind::Pronoun
                                        && m.span.start == toks[0].span.start)
                        })
                    })
                };
                if let Some(m) = m {
                    fallback = Some((m, Rule::PreviousParagraph));
                }
            }
        }
        fallback
    }
}

/// The speaker of a sentence that ends in a colon and introduces the next paragraph: the
/// mention before its last speech cue (`The Herald disagreed, and the Courier responded:`),
/// the speaker after an opening cue (`Stated Stone:`), else the subject.
fn colon_speaker(cx: &Ctx<'_>, toks: &[Tok]) -> Option<Mention> {
    let end = toks.len().saturating_sub(1);
    if let Some(c) = toks
        .first()
        .and_then(|t| cx.g.lex.cue_at(&[cx.w(t)]))
        .filter(|c| c.class == CueClass::Speech && end > c.words)
    {
        if let Some(m) = cx.g.classify(&toks[c.words..end]) {
            return Some(m);
        }
    }
    let last_cue = (0..end).rev().find(|&i| {
        cx.speech_cue_at(toks, i)
            .is_some_and(|c| c.class == CueClass::Speech && !c.participle)
    });
    last_cue
        .and_then(|c_at| cx.mention_before(toks, 0, c_at).map(|(m, _)| m))
        .or_else(|| cx.subject(toks))
}

/// The speaker of a sentence of reported speech: the mention before its first speech cue, or
/// its subject (`she said she and Obama had made progress`, `Rather, he said, ...`).
fn reported_speaker(cx: &Ctx<'_>, toks: &[Tok]) -> Option<Mention> {
    let is_cue = |i: usize| {
        cx.speech_cue_at(toks, i)
            .is_some_and(|c| c.class == CueClass::Speech && !c.participle)
    };
    let c_at = (0..toks.len()).find(|&i| is_cue(i))?;
    // `“...,” Ebeling said, and her husband cut in.`: a later clause with a speaker of its
    // own has the last word.
    let joined = (c_at + 1..toks.len())
        .rev()
        .filter(|&i| is_cue(i))
        .find_map(|i| {
            let (m, _) = cx.mention_before(toks, c_at + 1, i)?;
            let k = toks.partition_point(|t| t.span.start < m.span.start);
            (m.kind != MentionKind::Pronoun
                && k > 0
                && toks[k - 1].is_word()
                && matches!(cx.w(&toks[k - 1]), "and" | "but" | "while" | "as" | "when"))
            .then_some(m)
        });
    if joined.is_some() {
        return joined;
    }
    let m = cx
        .mention_before(toks, 0, c_at)
        .map(|(m, _)| m)
        .or_else(|| cx.subject(&toks[..c_at]))?;
    // A pronoun counts when it is the subject or stands right before the cue.
    (m.kind != MentionKind::Pronoun
        || m.span.start == toks[0].span.start
        || c_at > 0 && toks[c_at - 1].span == m.span)
        .then_some(m)
}

/// How many quotes on each side a fragment looks at for an attributed quote of its sentence.
const NEIGHBOURS: usize = 64;

/// Lets unattributed quotes take the speaker of an attributed neighbour.
fn inherit(text: &str, quotes: &[QuoteSpan], found: Vec<Option<Attribution>>) -> Vec<Attribution> {
    let n = quotes.len();
    let attributed = |a: &Option<Attribution>| a.as_ref().is_some_and(|a| a.mention.is_some());
    let mut src: Vec<Option<(usize, Rule)>> = vec![None; n];
    // Multi-paragraph chains: fragments joined by `continues`.
    let mut start = 0;
    while start < n {
        let mut end = start;
        while end + 1 < n
            && quotes[end].continues
            && quotes[end + 1].paragraph == quotes[end].paragraph + 1
        {
            end += 1;
        }
        if end > start {
            if let Some(a) = (start..=end).find(|&k| attributed(&found[k])) {
                for k in start..=end {
                    if !attributed(&found[k]) {
                        src[k] = Some((a, Rule::MultiParagraph));
                    }
                }
            }
        }
        start = end + 1;
    }
    let mut out: Vec<Attribution> = Vec::with_capacity(n);
    let mut index_of: Vec<Option<usize>> = vec![None; n];
    // (quote index of the attributed source, paragraph of the latest quote that spoke for it)
    let mut last: Option<(usize, usize)> = None;
    for k in 0..n {
        let q = &quotes[k];
        let mut a = found[k].clone();
        if let Some(w) = a.as_mut().filter(|a| a.weak) {
            // A fragment with no cue of its own: the nearest attributed quote of the same
            // sentence speaks for it (`Guns are “the ultimate crisis” and “stunt growth,”
            // Dean proclaimed`); with none, it is not speech.
            let same = |j: usize| {
                found[j].as_ref().is_some_and(|b| {
                    b.mention.is_some() && !b.weak && b.sentence.overlaps(w.sentence)
                })
            };
            // Only quotes of the sentence, and at most NEIGHBOURS of them, so that a paragraph
            // of thousands of fragments stays linear.
            let after = (k + 1..n)
                .take_while(|&j| {
                    quotes[j].paragraph == q.paragraph && quotes[j].span.start < w.sentence.end
                })
                .take(NEIGHBOURS)
                .find(|&j| same(j));
            let before = (0..k)
                .rev()
                .take_while(|&j| {
                    quotes[j].paragraph == q.paragraph && quotes[j].span.end > w.sentence.start
                })
                .take(NEIGHBOURS)
                .find(|&j| same(j));
            let pick = match (before, after) {
                (Some(b), Some(f)) => Some(if k - b < f - k { b } else { f }),
                (b, f) => f.or(b),
            };
            match pick {
                Some(j) => {
                    w.rule = Rule::SameSentence;
                    w.inherits = Some(j);
                    w.weak = false;
                }
                None => match w.fallback.take() {
                    Some((m, rule)) => {
                        w.mention = Some(m);
                        w.rule = rule;
                        w.weak = false;
                    }
                    None => a = None,
                },
            }
            if let Some(a) = a {
                index_of[k] = Some(out.len());
                out.push(a);
            }
            continue;
        }
        if !attributed(&a) && a.is_some() {
            // A sentence of reported speech between the previous quote and this one speaks
            // for it, rather than the previous quote: `Greene added that the Fed wants out.
            // “They don’t like to talk about it.”`
            let nearer = a
                .as_ref()
                .and_then(|a| a.fallback.as_ref())
                .is_some_and(|(m, rule)| {
                    matches!(rule, Rule::PreviousSentence | Rule::ParagraphSubject)
                        && k > 0
                        && quotes[k - 1].paragraph == q.paragraph
                        && m.span.start > quotes[k - 1].span.end
                        // Not the previous quote's own tag: `“A?” Hannity pressed. “B?”`
                        && found[k - 1]
                            .as_ref()
                            .and_then(|b| b.mention.as_ref())
                            .map_or(true, |b| b.span != m.span)
                });
            // A paragraph that ends in a colon after its own cue introduces this quote
            // (`“...,” Tenney said. She went on to say:¶“...”`): its speaker, not the
            // previous quote's.
            let introduced =
                a.as_ref()
                    .and_then(|a| a.fallback.as_ref())
                    .is_some_and(|(m, rule)| {
                        *rule == Rule::PreviousParagraph
                            && k > 0
                            && m.span.start > quotes[k - 1].span.end
                            && text[..q.span.start].trim_end().ends_with(':')
                    });
            let from = src[k].or_else(|| {
                let (l, lp) = last?;
                if lp == q.paragraph && !nearer {
                    Some((l, Rule::Interrupted))
                } else if lp + 1 == q.paragraph
                    && !introduced
                    && a.as_ref().is_some_and(|a| a.rule == Rule::Unattributed)
                    && opens_paragraph(text, q.span.start)
                {
                    Some((l, Rule::Continuation))
                } else {
                    None
                }
            });
            match (from, a.as_mut()) {
                (Some((l, rule)), Some(prev)) => {
                    prev.rule = rule;
                    prev.inherits = Some(l);
                }
                (None, Some(prev)) => {
                    if let Some((m, rule)) = prev.fallback.take() {
                        prev.mention = Some(m);
                        prev.rule = rule;
                    }
                }
                _ => {}
            }
        }
        match &a {
            Some(x) if x.mention.is_some() => last = Some((k, q.paragraph)),
            Some(x) if x.inherits.is_some() => last = x.inherits.map(|l| (l, q.paragraph)),
            _ => {}
        }
        if let Some(a) = a {
            index_of[k] = Some(out.len());
            out.push(a);
        }
    }
    // Point `inherits` at positions in `out`.
    for a in &mut out {
        a.inherits = a.inherits.and_then(|l| index_of[l]);
    }
    out
}

fn opens_paragraph(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end_matches([' ', '\t', '\u{feff}', '\u{a0}']);
    before.is_empty() || before.ends_with('\n') || before.ends_with('\r')
}
