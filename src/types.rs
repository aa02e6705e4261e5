//! The extractor's results: plain data, no formatting (the output layer owns the row shape).

use serde::Serialize;

use crate::span::Span;

/// What kind of quotation a result is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// All the words are inside quotation marks.
    Direct,
    /// A quoted fragment inside reported speech (`said the economy grew at a “modest pace”`).
    Partial,
    /// Reported speech without quotation marks.
    Indirect,
}

impl QuoteKind {
    /// The name used in the CSV `kind` column.
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Partial => "partial",
            QuoteKind::Indirect => "indirect",
        }
    }
}

/// The rule that attributed a quote. Ids are stable: reviewers and error reports use them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[non_exhaustive]
pub enum Rule {
    /// `“...,” Jake Sullivan said` / `“...,” he added`: speaker then cue after the quote.
    AfterMentionCue,
    /// `“...,” said Jake Sullivan`: cue then speaker after the quote.
    AfterCueMention,
    /// `“...,” former State policy planning director Anne-Marie Slaughter wrote.`: a
    /// speaker phrase the mention grammar does not read, between the quote and a cue.
    AfterLooseTag,
    /// `Sullivan said: “...”` / `Sullivan told reporters “...”`: speaker and cue lead in.
    BeforeCue,
    /// `Sullivan echoed the statements, saying: “...”`: a participle cue after the subject.
    BeforeParticiple,
    /// `her claim that she “never sent ...”`: a noun of saying after a possessive.
    BeforeNounCue,
    /// `According to the ministry, “...”` / `“...,” according to the ministry`.
    AccordingTo,
    /// `“...”` closing its paragraph, then a line `— Bernie Sanders.`: a dash line after the
    /// quote names its speaker (quote boxes, fact checks, readers' letters).
    Byline,
    /// `Her answer was blunt: “...”`: a colon after a sentence whose subject is a speaker.
    BeforeColon,
    /// `The US is “deeply concerned” about it, she said.`: a cue later in the sentence.
    SentenceTailCue,
    /// `Sullivan said the economy grew at a “modest pace.”`: a cue earlier in the sentence.
    SentenceLeadCue,
    /// `“A,” he said. “B.”`: a quote in the same paragraph as an attributed one.
    Interrupted,
    /// A fragment with no cue of its own in a sentence where another quote is attributed:
    /// `Guns are “a crisis” and “stunt growth,” Dean proclaimed.`
    SameSentence,
    /// A paragraph of a multi-paragraph quote whose attribution is in another paragraph.
    MultiParagraph,
    /// A paragraph that is only a quote continues the previous paragraph's speaker.
    Continuation,
    /// A quote with no cue right after a sentence of the same paragraph that has one:
    /// `She said the plan had worked. “We are proud of it.”`
    PreviousSentence,
    /// A quoted fragment with no cue near it, in a sentence whose subject is a speaker:
    /// `Trump also embraced enhanced interrogation techniques -- “I think ...”`
    SentenceSubject,
    /// A quote opening a paragraph, with no cue, after a paragraph of reported speech or
    /// one ending in a colon.
    PreviousParagraph,
    /// A quote with no cue in a paragraph where an earlier sentence has a named person as
    /// its subject.
    ParagraphSubject,
    /// Indirect speech: `X said (that) CLAUSE`, `X told Y CLAUSE`, `X believes CLAUSE`.
    IndirectCueClause,
    /// Indirect speech tagged at the end: `CLAUSE, X said.` / `CLAUSE, said X.`
    IndirectClauseCue,
    /// A paragraph opening with a speaker's name and a colon: `Clinton: Trump's view is
    /// dangerously wrong` (headlines), `Matthews: Here's the irony ...` (transcripts).
    IndirectLabel,
    /// Indirect speech around a tag: `CLAUSE, X said, CLAUSE.` (one row per part).
    IndirectParenthetical,
    /// Indirect speech with a source phrase: `According to X, CLAUSE` / `CLAUSE, according
    /// to X.`
    IndirectAccordingTo,
    /// Indirect speech after a participle: `X hit back, saying CLAUSE`.
    IndirectParticiple,
    /// A promise or a call reported as an infinitive: `X vowed to repeal the law`, `X urged
    /// ministers to act`.
    IndirectInfinitive,
    /// A speech act that names what was said without a clause: `X denied the allegations`,
    /// `X called for an inquiry`.
    IndirectSpeechAct,
    /// An intention reported as an infinitive, not necessarily spoken: `X declined to
    /// comment`, `X wants to run`, `X plans to appeal`.
    IndirectIntent,
    /// A stance taken towards something named, not necessarily in words: `X endorsed Y`,
    /// `X opposes the bill`, `X backed the plan`.
    IndirectStance,
    /// Speech with no speaker the rules could find.
    Unattributed,
}

impl Rule {
    /// The stable id written in the `rule` column.
    pub fn id(self) -> &'static str {
        match self {
            Rule::AfterMentionCue => "after.mention-cue",
            Rule::AfterCueMention => "after.cue-mention",
            Rule::AfterLooseTag => "after.loose-tag",
            Rule::BeforeCue => "before.cue",
            Rule::BeforeParticiple => "before.participle",
            Rule::BeforeNounCue => "before.noun-cue",
            Rule::AccordingTo => "according-to",
            Rule::Byline => "after.byline",
            Rule::BeforeColon => "before.colon",
            Rule::SentenceTailCue => "sentence.tail-cue",
            Rule::SentenceLeadCue => "sentence.lead-cue",
            Rule::Interrupted => "inherit.interrupted",
            Rule::SameSentence => "inherit.same-sentence",
            Rule::MultiParagraph => "inherit.multi-paragraph",
            Rule::Continuation => "inherit.continuation",
            Rule::PreviousSentence => "context.previous-sentence",
            Rule::PreviousParagraph => "context.previous-paragraph",
            Rule::SentenceSubject => "context.sentence-subject",
            Rule::ParagraphSubject => "context.paragraph-subject",
            Rule::IndirectCueClause => "indirect.cue-clause",
            Rule::IndirectClauseCue => "indirect.clause-cue",
            Rule::IndirectLabel => "indirect.label",
            Rule::IndirectParenthetical => "indirect.parenthetical",
            Rule::IndirectAccordingTo => "indirect.according-to",
            Rule::IndirectParticiple => "indirect.participle",
            Rule::IndirectInfinitive => "indirect.infinitive",
            Rule::IndirectSpeechAct => "indirect.speech-act",
            Rule::IndirectIntent => "indirect.intent",
            Rule::IndirectStance => "indirect.stance",
            Rule::Unattributed => "unattributed",
        }
    }

    /// How much to trust the rule on its own, before the mention is resolved.
    pub fn confidence(self) -> f32 {
        match self {
            Rule::AfterMentionCue => 0.95,
            Rule::AfterCueMention => 0.93,
            Rule::AfterLooseTag => 0.7,
            Rule::BeforeCue => 0.9,
            Rule::AccordingTo => 0.9,
            Rule::Byline => 0.9,
            Rule::BeforeParticiple => 0.85,
            Rule::BeforeNounCue => 0.7,
            Rule::MultiParagraph => 0.85,
            Rule::SameSentence => 0.8,
            Rule::Interrupted => 0.85,
            Rule::SentenceTailCue => 0.8,
            Rule::SentenceLeadCue => 0.75,
            Rule::Continuation => 0.75,
            Rule::BeforeColon => 0.65,
            Rule::PreviousSentence => 0.6,
            Rule::ParagraphSubject => 0.5,
            Rule::PreviousParagraph => 0.55,
            Rule::SentenceSubject => 0.4,
            Rule::IndirectClauseCue => 0.8,
            Rule::IndirectLabel => 0.6,
            Rule::IndirectAccordingTo => 0.8,
            Rule::IndirectCueClause => 0.7,
            Rule::IndirectParenthetical => 0.7,
            Rule::IndirectParticiple => 0.6,
            Rule::IndirectInfinitive => 0.6,
            Rule::IndirectSpeechAct => 0.5,
            Rule::IndirectIntent => 0.4,
            Rule::IndirectStance => 0.4,
            Rule::Unattributed => 0.3,
        }
    }
}

/// One quote with its attribution. Spans are byte ranges into the document text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Quote {
    /// Direct, partial or indirect.
    pub kind: QuoteKind,
    /// The quote, quotation marks included.
    pub span: Span,
    /// The resolved speaker: the fullest name the document gives, or the organisation or
    /// description as written. `None` when unknown.
    pub speaker: Option<String>,
    /// The speaker's title or role as the document gives it.
    pub title: Option<String>,
    /// The mention the attribution rests on ("he", "Sullivan"); for a quote that continues an
    /// earlier speaker, the earlier quote's mention.
    pub mention: Option<Span>,
    /// The cue verb or phrase ("said", "according to").
    pub cue: Option<Span>,
    /// The rule that made the attribution.
    pub rule: Rule,
    /// 0.0 to 1.0.
    pub confidence: f32,
}

/// Everything extracted from one document, quotes in text order.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Extraction {
    /// The quotes, sorted by start offset, non-overlapping.
    pub quotes: Vec<Quote>,
}
