//! Words and speaker mentions: a small tokenizer and the grammar of the noun phrases that
//! name a speaker ("he", "Sullivan", "National Security Advisor Jake Sullivan",
//! "a spokeswoman for the ministry", "Ana Ruiz, the city's finance director").
//!
//! Invariant: this module knows nothing about quotes or cues beyond what a caller passes in;
//! it classifies and splits token ranges.

use crate::lexicon::{Gender, Lexicon};
use crate::span::Span;

/// A token: a word (letters, digits, inner apostrophes, hyphens and abbreviation dots) or
/// one punctuation character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tok {
    /// Where the token is in the document.
    pub span: Span,
    /// Word or punctuation.
    pub kind: TokKind,
}

/// Kind of token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokKind {
    /// A word or number.
    Word,
    /// A punctuation or symbol character (including quotation marks and dashes).
    Punct(char),
}

impl Tok {
    /// The token's text.
    #[inline]
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        self.span.slice(text)
    }

    /// True for the punctuation character `c`.
    #[inline]
    pub fn is(&self, c: char) -> bool {
        self.kind == TokKind::Punct(c)
    }

    /// True for a dash: `—`, `–` (and `―`, read as `—`) or a hyphen token.
    #[inline]
    pub fn is_dash(&self) -> bool {
        matches!(self.kind, TokKind::Punct('—' | '–' | '-'))
    }

    /// True for a word token.
    #[inline]
    pub fn is_word(&self) -> bool {
        self.kind == TokKind::Word
    }
}

/// Abbreviations that keep their full stop as part of the word.
const DOTTED: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Sen", "Sens", "Rep", "Reps", "Gov", "Gen", "Lt", "Col",
    "Sgt", "Capt", "Adm", "Cmdr", "Maj", "Cpl", "Pvt", "Rev", "Fr", "Hon", "Pres", "Supt", "Insp",
    "Det", "Atty", "Amb", "Sec", "St", "Jr", "Sr", "Mt", "Ft", "Inc", "Corp", "Co", "Ltd", "No",
    "vs", "Gov", "Jan", "Feb", "Mar", "Apr", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Ariz",
    "Calif", "Colo", "Conn", "Fla", "Ga", "Ill", "Ind", "Kan", "Ky", "La", "Mass", "Md", "Mich",
    "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Tenn", "Tex", "Va", "Vt",
    "Wash", "Wis", "Wyo",
];

#[test]
fn dotted_abbreviations_are_short_and_capitalised() {
    assert!(DOTTED
        .iter()
        .all(|w| w.len() <= 5 && (w.as_bytes()[0].is_ascii_uppercase() || *w == "vs")));
}

/// Splits `region` of `text` into tokens. Whitespace separates tokens and is dropped.
/// True when token `i` stands between spaces on both sides: a hyphen so placed is a dash
/// (`OAK RIDGE, Tenn. - The board`), not part of a word (`Jean-Luc`).
pub(crate) fn spaced_at(toks: &[Tok], i: usize) -> bool {
    i > 0
        && i + 1 < toks.len()
        && toks[i - 1].span.end < toks[i].span.start
        && toks[i].span.end < toks[i + 1].span.start
}

pub fn tokenize(text: &str, region: Span) -> Vec<Tok> {
    let mut toks = Vec::with_capacity(region.len() / 5 + 4);
    tokenize_into(text, region, &mut toks);
    toks
}

/// [`tokenize`] into `toks`, which is cleared first: one buffer serves many paragraphs.
pub fn tokenize_into(text: &str, region: Span, toks: &mut Vec<Tok>) {
    toks.clear();
    let s = &text[region.start..region.end];
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if matches!(b[i], b' ' | b'\n' | b'\t' | b'\r') {
            i += 1;
            continue;
        }
        let (c, len) = char_at(s, i);
        if is_alnum(c) {
            let start = i;
            let mut end = i + len;
            let mut dotted = false;
            while end < b.len() {
                // Plain ASCII letters and digits, the bulk of any word, without decoding.
                if ASCII_ALNUM[b[end] as usize] {
                    end += 1;
                    continue;
                }
                let (d, dlen) = char_at(s, end);
                if is_alnum(d) || is_mark(d) {
                    end += dlen;
                    continue;
                }
                // Inner apostrophe, hyphen or dot followed by a letter or digit: it's, al-Assad,
                // U.S, 3.5.
                if matches!(d, '\'' | '’' | '-' | '‐' | '.' | ',') {
                    let next = (end + dlen < b.len()).then(|| char_at(s, end + dlen).0);
                    let joins = match d {
                        ',' => {
                            c.is_ascii_digit()
                                && next.is_some_and(|n| n.is_ascii_digit())
                                && s[start..end]
                                    .bytes()
                                    .all(|b| b.is_ascii_digit() || b == b',')
                        }
                        _ => next.is_some_and(|n| n.is_alphanumeric()),
                    };
                    if joins {
                        if d == '.' {
                            dotted = true;
                        }
                        end += dlen;
                        continue;
                    }
                }
                break;
            }
            // A trailing full stop belongs to initials (J.), dotted abbreviations (U.S.) and
            // the abbreviations listed above.
            if b.get(end) == Some(&b'.') {
                let word = &s[start..end];
                let initial = word.chars().count() == 1 && word.starts_with(char::is_uppercase);
                // Every listed abbreviation is short and capitalised but `vs`.
                let listed = word.len() <= 5
                    && (word.as_bytes()[0].is_ascii_uppercase() || word == "vs")
                    && DOTTED.contains(&word);
                if initial || dotted && !word.contains(char::is_numeric) || listed {
                    end += 1;
                }
            }
            toks.push(Tok {
                span: Span::new(region.start + start, region.start + end),
                kind: TokKind::Word,
            });
            i = end;
        } else {
            if !c.is_whitespace() && c != '\u{feff}' && !is_invisible(c) {
                // A horizontal bar (`PHILADELPHIA ― The campaign`) reads as an em dash.
                let c = if c == '―' { '—' } else { c };
                toks.push(Tok {
                    span: Span::new(region.start + i, region.start + i + len),
                    kind: TokKind::Punct(c),
                });
            }
            i += len;
        }
    }
}

/// ASCII letters and digits, by byte: one load in the tokenizer's inner loop.
static ASCII_ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// `char::is_alphanumeric`, answering at once for the punctuation of news text (curly quotes,
/// dashes: the General Punctuation block has no letters or digits).
#[inline]
fn is_alnum(c: char) -> bool {
    !matches!(c, '\u{2000}'..='\u{206f}') && c.is_alphanumeric()
}

/// The character at byte `i` of `s` (a char boundary) and its length: ASCII without decoding.
#[inline]
fn char_at(s: &str, i: usize) -> (char, usize) {
    let byte = s.as_bytes()[i];
    if byte.is_ascii() {
        (byte as char, 1)
    } else {
        let c = s[i..].chars().next().unwrap_or('\u{fffd}');
        (c, c.len_utf8())
    }
}

fn is_mark(c: char) -> bool {
    // Combining marks continue the word they follow.
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200b}'..='\u{200f}' | '\u{2060}' | '\u{00ad}')
}

/// What a speaker mention refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MentionKind {
    /// he, she, they, ...
    Pronoun,
    /// A personal name, possibly with a title ("Sen. Jane Doe", "Sullivan").
    Person,
    /// A named organisation ("the White House", "Bloomberg News").
    Org,
    /// A description ("a spokesman for the ministry", "officials", "the senator").
    Description,
}

/// A speaker mention found in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// The whole mention as written, title included.
    pub span: Span,
    /// What it refers to.
    pub kind: MentionKind,
    /// The personal name inside the mention ("Jake Sullivan"), for persons.
    pub name: Option<Span>,
    /// The title inside or beside the mention ("National Security Advisor").
    pub title: Option<Span>,
    /// Gender suggested by the words of the mention (pronoun, honorific, given name).
    pub gender: Option<Gender>,
    /// For a relative pronoun (`Graham, who has vowed`): the phrase it refers to.
    pub antecedent: Option<Span>,
}

impl Mention {
    /// A mention with no name: an organisation or a description, as written.
    pub(crate) fn unnamed(span: Span, kind: MentionKind, gender: Option<Gender>) -> Mention {
        Mention {
            span,
            kind,
            name: None,
            title: None,
            gender,
            antecedent: None,
        }
    }
}

const PRONOUNS: &[(&str, Option<Gender>)] = &[
    ("he", Some(Gender::Male)),
    ("she", Some(Gender::Female)),
    ("they", None),
    ("i", None),
    ("we", None),
    ("it", None),
];

const DETERMINERS: &[&str] = &[
    "the", "a", "an", "one", "two", "three", "four", "several", "some", "many", "most", "his",
    "her", "their", "its", "our", "another", "both", "other", "others", "each", "few", "those",
    "these", "this", "that", "all", "no", "any",
];

/// Lowercase words that may stand inside a speaker noun phrase without ending it.
const NP_FUNCTION: &[&str] = &[
    "of", "for", "at", "on", "the", "and", "in", "to", "from", "with",
];

/// Name particles written in lowercase inside names.
const PARTICLES: &[&str] = &[
    "de", "van", "von", "der", "den", "bin", "ibn", "al", "el", "da", "di", "la", "le", "du",
    "del", "della", "dos", "das", "ter", "ten", "bint", "y", "st.",
];

/// Membership in a word list through a hash set built on first use: these lists are
/// consulted for nearly every token.
fn in_set(
    set: &'static std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>>,
    list: &'static [&'static str],
    w: &str,
) -> bool {
    set.get_or_init(|| list.iter().copied().collect())
        .contains(w)
}

static NOT_NAMES_SET: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>> =
    std::sync::OnceLock::new();
static ORG_WORDS_SET: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>> =
    std::sync::OnceLock::new();

/// Capitalised words that start sentences or phrases and are never part of a name: function
/// words, sentence adverbs, interjections (`Good`, `Wait`), abbreviated months (`Dec.`). Kept
/// sorted.
const NOT_NAMES: &[&str] = &[
    "A",
    "About",
    "Above",
    "According",
    "Across",
    "After",
    "Afterwards",
    "Again",
    "Against",
    "Ahead",
    "All",
    "Along",
    "Also",
    "Although",
    "Amid",
    "Among",
    "An",
    "And",
    "Another",
    "Any",
    "April",
    "Around",
    "As",
    "Asked",
    "At",
    "Aug.",
    "August",
    "Because",
    "Before",
    "Behind",
    "Below",
    "Besides",
    "Between",
    "Beyond",
    "Both",
    "But",
    "By",
    "Dec.",
    "December",
    "Despite",
    "Do",
    "Dozens",
    "Dr",
    "During",
    "Each",
    "Earlier",
    "Early",
    "Eight",
    "Either",
    "Eleven",
    "Even",
    "Every",
    "Feb.",
    "February",
    "Few",
    "Fifty",
    "Finally",
    "First",
    "Five",
    "For",
    "Friday",
    "From",
    "Furthermore",
    "Good",
    "Half",
    "He",
    "Hence",
    "Her",
    "Here",
    "His",
    "How",
    "However",
    "Hundreds",
    "I",
    "If",
    "In",
    "Indeed",
    "Inside",
    "Instead",
    "Into",
    "Ironically",
    "It",
    "Its",
    "Jan.",
    "January",
    "July",
    "June",
    "Just",
    "Last",
    "Late",
    "Later",
    "Less",
    "Like",
    "Likewise",
    "Listen",
    "Look",
    "Many",
    "March",
    "Maybe",
    "Meanwhile",
    "Millions",
    "Monday",
    "More",
    "Moreover",
    "Most",
    "Mr",
    "Mrs",
    "Ms",
    "Much",
    "My",
    "Near",
    "Neither",
    "Nevertheless",
    "Next",
    "Nine",
    "No",
    "Nonetheless",
    "Nor",
    "Not",
    "Nov.",
    "November",
    "Now",
    "Oct.",
    "October",
    "Of",
    "Okay",
    "On",
    "Once",
    "One",
    "Only",
    "Or",
    "Other",
    "Otherwise",
    "Our",
    "Out",
    "Outside",
    "Over",
    "Overall",
    "Perhaps",
    "Please",
    "Previously",
    "Recently",
    "Saturday",
    "Sep.",
    "Separately",
    "Sept.",
    "September",
    "Seven",
    "Several",
    "She",
    "Since",
    "Six",
    "So",
    "Some",
    "Sometimes",
    "Sorry",
    "Speaking",
    "Still",
    "Such",
    "Sunday",
    "Ten",
    "Thanks",
    "That",
    "The",
    "Their",
    "Then",
    "There",
    "Therefore",
    "These",
    "They",
    "Thirty",
    "This",
    "Those",
    "Though",
    "Thousands",
    "Three",
    "Through",
    "Thursday",
    "Thus",
    "To",
    "Today",
    "Tomorrow",
    "Tonight",
    "Toward",
    "Towards",
    "Tuesday",
    "Twelve",
    "Twenty",
    "Two",
    "Under",
    "Unless",
    "Unlike",
    "Until",
    "Up",
    "Wait",
    "We",
    "Wednesday",
    "Well",
    "What",
    "When",
    "Where",
    "Whether",
    "Which",
    "While",
    "Who",
    "Why",
    "With",
    "Within",
    "Without",
    "Yes",
    "Yesterday",
    "Yet",
    "You",
    "Your",
];

/// Words that mark a capitalised phrase as an organisation rather than a person.
const ORG_WORDS: &[&str] = &[
    "ABC",
    "AFP",
    "AP",
    "Administration",
    "Agency",
    "Alliance",
    "Amazon",
    "Apple",
    "Army",
    "Assembly",
    "Association",
    "Authority",
    "Axios",
    "BBC",
    "Bank",
    "Bloomberg",
    "Board",
    "Bureau",
    "CBS",
    "CIA",
    "CNN",
    "Cabinet",
    "Campaign",
    "Center",
    "Centre",
    "Church",
    "Club",
    "Co.",
    "Coalition",
    "College",
    "Command",
    "Commission",
    "Committee",
    "Commons",
    "Company",
    "Congress",
    "Corp",
    "Corp.",
    "Council",
    "Court",
    "Department",
    "Downing",
    "EU",
    "Elysee",
    "FBI",
    "FC",
    "Facebook",
    "Federation",
    "Forces",
    "Foundation",
    "Fox",
    "Fund",
    "Google",
    "Government",
    "Group",
    "Guard",
    "Hospital",
    "House",
    "IMF",
    "Inc",
    "Inc.",
    "Institute",
    "Journal",
    "Kremlin",
    "LLC",
    "Lords",
    "Ltd",
    "Ltd.",
    "MSNBC",
    "Ministry",
    "NATO",
    "NBC",
    "NHS",
    "Nato",
    "Navy",
    "Network",
    "News",
    "OPEC",
    "Office",
    "Organisation",
    "Organization",
    "Parliament",
    "Party",
    "Pentagon",
    "Police",
    "Politico",
    "Post",
    "Press",
    "Reuters",
    "School",
    "Secretariat",
    "Senate",
    "Service",
    "Times",
    "Tribunal",
    "Trust",
    "Twitter",
    "UN",
    "Union",
    "University",
    "WHO",
    "Whitehall",
    "Élysée",
];

/// Analyses speaker mentions with the rule data.
pub struct Grammar<'a> {
    /// The rule data.
    pub lex: &'a Lexicon,
    /// The document text.
    pub text: &'a str,
}

impl<'a> Grammar<'a> {
    fn word(&self, t: &Tok) -> &'a str {
        t.span.slice(self.text)
    }

    fn is_cap(&self, t: &Tok) -> bool {
        t.is_word()
            && match self.text.as_bytes().get(t.span.start) {
                Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
                _ => self.word(t).starts_with(|c: char| c.is_uppercase()),
            }
    }

    pub(crate) fn is_lower_word(&self, t: &Tok) -> bool {
        t.is_word()
            && match self.text.as_bytes().get(t.span.start) {
                Some(b) if b.is_ascii() => b.is_ascii_lowercase(),
                _ => self.word(t).starts_with(|c: char| c.is_lowercase()),
            }
    }

    /// True for a capitalised token that can be part of a personal name.
    pub fn is_name_word(&self, t: &Tok) -> bool {
        if !self.is_cap(t) {
            return false;
        }
        let w = self.word(t);
        // Capitalised adverbs open sentences: `Hastily`, `Meanwhile`. Surnames in -lly are
        // names (`Skelly`, `Tully`) unless the word ends like an adverb (`Finally`, `Hopefully`).
        if w.len() > 4
            && w.ends_with("ly")
            && !(w.ends_with("lly") && !w.ends_with("ally") && !w.ends_with("fully"))
            && !self.lex.is_given_name(w)
            && !matches!(
                w,
                "Kelly"
                    | "Beverly"
                    | "Connelly"
                    | "Donnelly"
                    | "Kimberly"
                    | "Shelly"
                    | "Emily"
                    | "Holly"
                    | "Molly"
                    | "Sully"
                    | "Reilly"
            )
        {
            return false;
        }
        !in_set(&NOT_NAMES_SET, NOT_NAMES, w)
            && !is_number_word(&ascii_lower(w))
            && !self.lex.is_title_head_or_honorific(w)
            && !w.chars().all(|c| c.is_uppercase() || c == '.') // acronyms (US, U.S.) are not names
            || is_initial(w)
    }

    /// A pronoun mention, if `t` is one.
    pub fn pronoun(&self, t: &Tok) -> Option<Mention> {
        if !t.is_word() {
            return None;
        }
        let w = self.word(t);
        // Contractions count as the pronoun: he’d, she’s, they’ve.
        let w = w.split(['’', '\'']).next().unwrap_or(w);
        PRONOUNS
            .iter()
            .find(|(p, _)| w.eq_ignore_ascii_case(p))
            .map(|&(_, gender)| Mention {
                span: Span::new(t.span.start, t.span.start + w.len()),
                kind: MentionKind::Pronoun,
                name: None,
                title: None,
                gender,
                antecedent: None,
            })
    }

    /// A number or a share word that a [`Grammar::quantity`] phrase turns on: a cheap test
    /// before trying one.
    pub fn is_quantity_word(&self, t: &Tok) -> bool {
        let w = self.word(t);
        w.starts_with(|c: char| c.is_ascii_digit()) || {
            let l = ascii_lower(w);
            is_number_word(&l) || is_share_word(&l) || is_partitive(&l)
        }
    }

    /// A share of a group as the whole of `toks`: `36 percent of Democrats`, `Only 24
    /// percent`, `Two-thirds of Democratic insiders`, `three in 10 voters`. It speaks as a
    /// description.
    pub fn quantity(&self, toks: &[Tok]) -> Option<Mention> {
        let whole = Span::new(toks.first()?.span.start, toks.last()?.span.end);
        let lw = |i: usize| toks.get(i).map(|t| ascii_lower(self.word(t)));
        let is = |i: usize, w: &str| lw(i).is_some_and(|x| x.as_str() == w);
        let mut i = 0;
        while lw(i).is_some_and(|w| {
            matches!(
                w.as_str(),
                "only"
                    | "about"
                    | "nearly"
                    | "almost"
                    | "roughly"
                    | "just"
                    | "some"
                    | "around"
                    | "over"
                    | "under"
                    | "fully"
                    | "barely"
                    | "another"
                    | "a"
            )
        }) {
            i += 1;
        }
        // `at least a dozen members`: a bound makes a count of people.
        let bounded = lw(i).is_some_and(|w| matches!(w.as_str(), "at" | "up"));
        if lw(i).is_some_and(|w| matches!(w.as_str(), "more" | "less" | "fewer"))
            && is(i + 1, "than")
            || bounded && (is(i + 1, "least") || is(i + 1, "most") || is(i + 1, "to"))
        {
            i += 2;
            // `at least a dozen`
            if is(i, "a") {
                i += 1;
            }
        }
        let w = lw(i)?;
        // `most of them`, `many of the workers`: a part of a group.
        if is_partitive(&w) && is(i + 1, "of") && i + 2 < toks.len() {
            return self.group(&toks[i + 2..]).then_some(Mention::unnamed(
                whole,
                MentionKind::Description,
                None,
            ));
        }
        let number = w.starts_with(|c: char| c.is_ascii_digit())
            && w.chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == ',');
        let number_word = is_number_word(&w);
        let share_word = is_share_word(&w);
        if !(number || number_word || share_word) {
            return None;
        }
        i += 1;
        // A share: `24 percent`, `24 %`, `two-thirds`, `three in 10`, `nine out of 10`, `a
        // third`.
        let mut share = share_word;
        let two_words = is(i, "per") && is(i + 1, "cent")
            || toks.get(i).is_some_and(|t| t.is('-')) && lw(i + 1).is_some_and(|f| is_fraction(&f))
            || is(i, "in")
                && lw(i + 1).is_some_and(|n| {
                    n.starts_with(|c: char| c.is_ascii_digit()) || is_number_word(&n)
                });
        // `nine out of 10`
        let out_of = is(i, "out")
            && is(i + 1, "of")
            && lw(i + 2)
                .is_some_and(|n| n.starts_with(|c: char| c.is_ascii_digit()) || is_number_word(&n));
        if toks.get(i).is_some_and(|t| t.is('%')) || is(i, "percent") {
            (share, i) = (true, i + 1);
        } else if out_of {
            (share, i) = (true, i + 3);
        } else if two_words {
            (share, i) = (true, i + 2);
        }
        if i == toks.len() {
            return share.then(|| Mention::unnamed(whole, MentionKind::Description, None));
        }
        if is(i, "of") {
            i += 1;
        } else if !(share || number || number_word && bounded) {
            return None;
        }
        self.group(&toks[i..])
            .then(|| Mention::unnamed(whole, MentionKind::Description, None))
    }

    /// True when `rest` is the group a share is of: a short noun phrase with no verb.
    fn group(&self, rest: &[Tok]) -> bool {
        // `of registered voters`: a first word in -ed before a noun is an adjective.
        // `of those polled`: a participle after `those` is the group.
        let adjective = |i: usize| {
            i == 0
                && rest
                    .get(1)
                    .is_some_and(|n| n.is_word() && self.is_lower_word(n))
                || i == 1 && rest.len() == 2 && self.word(&rest[0]) == "those"
        };
        !rest.is_empty()
            && rest.len() <= 8
            && rest.iter().enumerate().all(|(i, t)| {
                t.is('-')
                    || t.is('’')
                    || t.is('\'')
                    || t.is_word() && {
                        let w = self.word(t);
                        let l = ascii_lower(w);
                        let verb = is_auxiliary(l.as_str())
                            || self.is_lower_word(t)
                                && (is_past_tense(w)
                                    || w.ends_with("ed")
                                        && !self.lex.is_title_head(w)
                                        && !adjective(i))
                            || matches!(l.as_str(), "who" | "which" | "that" | "and" | "or");
                        !verb
                    }
            })
            && rest.last().is_some_and(|t| {
                t.is_word()
                    && !DETERMINERS.contains(&self.word(t))
                    && !NP_FUNCTION.contains(&self.word(t))
            })
    }

    /// Classifies the token range `toks` as a speaker mention, or rejects it.
    ///
    /// The range is what stands between a cue and the nearest boundary; it must be a noun
    /// phrase as a whole.
    pub fn classify(&self, toks: &[Tok]) -> Option<Mention> {
        let (first, last) = (toks.first()?, toks.last()?);
        // A possessive is never the speaker: `Trump's call`; nor a time: `A month later`,
        // `a Sunday`, `last week`.
        let lw = self.word(last);
        // A capitalised `Day` or `Times` after a name is part of it: `Kristen Day`, `the New
        // York Times`; a weekday never is (`Trump Monday`).
        let name_part = toks.len() > 1
            && self.is_cap(last)
            && (lw == "Day" || !lw.ends_with("day"))
            && (self.is_name_word(&toks[toks.len() - 2])
                || self.lex.is_honorific(self.word(&toks[toks.len() - 2]))
                || toks.len() == 2 && self.word(first).eq_ignore_ascii_case("the"));
        if lw.ends_with("'s") || lw.ends_with("’s") || is_time_word(lw) && !name_part {
            return None;
        }
        if toks.len() == 1 {
            if let Some(p) = self.pronoun(first) {
                return Some(p);
            }
            // A lone article or possessive is no speaker: `The day before, ...`.
            if matches!(
                ascii_lower(lw).as_str(),
                "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our" | "this" | "that"
            ) {
                return None;
            }
            // An indefinite speaker: `another said`, `“...,” one said`, `others added`,
            // `someone told him`.
            if matches!(
                ascii_lower(lw).as_str(),
                "another"
                    | "one"
                    | "others"
                    | "many"
                    | "several"
                    | "both"
                    | "someone"
                    | "somebody"
                    | "everyone"
                    | "everybody"
            ) {
                return Some(Mention::unnamed(first.span, MentionKind::Description, None));
            }
        }
        // Nor is a quotation mark typed as apostrophes: `''All in,'' Mr. Ruiz said`.
        if first.is('\'') || first.is('’') {
            return self.classify(&toks[1..]);
        }
        // A spaced dash is no part of a name: `LONDON - Britain’s health minister`.
        if first.is('-') {
            return self.classify(&toks[1..]);
        }
        if last.is('-') {
            return self.classify(&toks[..toks.len() - 1]);
        }
        // Nor inside one: `NEW YORK - Republican candidate Donald Trump`.
        if toks.windows(3).any(|w| {
            w[1].is('-') && w[0].span.end < w[1].span.start && w[1].span.end < w[2].span.start
        }) {
            return None;
        }
        if toks.len() > 14
            || toks
                .iter()
                .any(|t| !t.is_word() && !t.is('-') && !t.is('’') && !t.is('\'') && !t.is('&'))
        {
            return None;
        }
        // A noun phrase and a fixed post-modifier: `people familiar with the matter`,
        // `officials close to the talks`, `a person briefed on the plan`.
        if let Some(p) = (1..toks.len().saturating_sub(1)).find(|&p| {
            is_post_modifier(self.word(&toks[p]))
                && matches!(
                    self.word(&toks[p + 1]),
                    "with" | "to" | "on" | "in" | "about" | "of"
                )
        }) {
            if let Some(m) = self
                .classify(&toks[..p])
                .filter(|m| matches!(m.kind, MentionKind::Description | MentionKind::Person))
            {
                return Some(Mention {
                    span: Span::new(m.span.start, last.span.end),
                    ..m
                });
            }
        }
        // No mention opens with a preposition: `with Florida Sen. Marco Rubio`.
        let fw = self.word(first);
        if fw != "the" && NP_FUNCTION.contains(&fw)
            || matches!(
                fw,
                "without"
                    | "by"
                    | "about"
                    | "after"
                    | "before"
                    | "during"
                    | "despite"
                    | "against"
                    | "into"
                    | "through"
                    | "toward"
                    | "towards"
                    | "among"
                    | "amid"
                    | "than"
            )
        {
            return None;
        }
        // Two speakers joined by "and", one of them named: `Smith and Jones`, `Ostrowski and
        // his neighbour Ruth Adair`. The pair speaks as a group, kept as written.
        if let Some(and) = toks.iter().position(|t| self.word(t) == "and") {
            // A personal pronoun counts as named: `she and another reporter`.
            let side = |toks: &[Tok]| {
                self.classify(toks)
                    .filter(|m| {
                        matches!(m.kind, MentionKind::Person | MentionKind::Pronoun)
                            // A description speaks by a role or as a group: `his neighbour`,
                            // `two aides`, not `a photo` (`asked for a photo and Clinton said`).
                            || m.kind == MentionKind::Description && {
                                let head = toks.last().map_or("", |t| self.word(t));
                                toks.last().is_some_and(|t| self.is_cap(t))
                                    || self.is_group_or_role(head)
                            }
                    })
                    .map(|m| {
                        (
                            m.kind == MentionKind::Person && m.name.is_some(),
                            m.kind == MentionKind::Pronoun,
                        )
                    })
            };
            let sides = (and > 0 && and + 1 < toks.len())
                .then(|| side(&toks[..and]).zip(side(&toks[and + 1..])))
                .flatten();
            if sides.is_some_and(|((a, pa), (b, pb))| (a || b || pa || pb) && !(pa && pb)) {
                return Some(Mention {
                    span: Span::new(first.span.start, last.span.end),
                    kind: MentionKind::Description,
                    name: None,
                    title: None,
                    gender: None,
                    antecedent: None,
                });
            }
            // `asked for a photo and Clinton said`: a thing and a person are no pair.
            if and > 0
                && and + 1 < toks.len()
                && self.is_lower_word(&toks[and - 1])
                && self.is_name_word(&toks[and + 1])
            {
                return None;
            }
        }
        // A mention ends in a noun-like word: a capitalised word or a lowercase word that is
        // not a function word, adverb or verb form.
        let lw = self.word(last);
        if self.is_lower_word(last)
            && (NP_FUNCTION.contains(&lw)
                || DETERMINERS.contains(&lw)
                || lw.ends_with("ly")
                || self.lex.cue_at(&[lw]).is_some()
                || is_stop(lw))
        {
            return None;
        }
        // `those surveyed`: a determiner that is also a stop word.
        let skip = usize::from(self.word(first) == "those");
        if toks[skip..].iter().any(|t| {
            let w = self.word(t);
            t.is_word() && self.is_lower_word(t) && (is_stop(w) || self.lex.cue_at(&[w]).is_some())
        }) {
            return None;
        }
        let span = Span::new(first.span.start, last.span.end);
        let fw = self.word(first);
        // A possessive name works as a determiner: `Rubio’s deputy campaign manager`,
        // `Hillary Clinton’s top aide`.
        let owner_end = toks.iter().take(4).enumerate().position(|(i, t)| {
            let w = self.word(t);
            (w.ends_with("’s") || w.ends_with("'s")) && w.starts_with(char::is_uppercase)
                // `Bernie Sanders’ campaign`: the apostrophe after a plural name.
                || (t.is('’') || t.is('\''))
                    && i > 0
                    && toks[i - 1].span.end == t.span.start
                    && self.word(&toks[i - 1]).ends_with('s')
                    && self.word(&toks[i - 1]).starts_with(char::is_uppercase)
        });
        let possessive_first = owner_end
            .is_some_and(|k| toks.len() > k + 1 && toks[..k].iter().all(|t| self.is_name_word(t)))
            && !self.is_name_word(last);
        // `NBC’s Chuck Todd`, `The Associated Press's Lisa Lerer`: the owner is no part of the
        // name. With a title, it stays in the title (`Kasich’s chief strategist John Weaver`).
        if let Some(k) = owner_end.filter(|&k| {
            toks.len() > k + 2
                && self.is_name_word(last)
                && toks[..=k]
                    .iter()
                    .all(|t| self.is_cap(t) || t.is('’') || t.is('\''))
        }) {
            if let Some(m) = self
                .classify(&toks[k + 1..])
                .filter(|m| m.kind == MentionKind::Person && m.name.is_some() && m.title.is_none())
            {
                return Some(Mention { span, ..m });
            }
        }
        let starts_det = possessive_first || DETERMINERS.iter().any(|d| fw.eq_ignore_ascii_case(d));
        if starts_det && toks.len() > 2 && !possessive_first && self.is_name_word(last) {
            // `the evangelist Franklin Hale`: an article, a title and a name.
            let before_name = |m: &Mention| {
                toks.iter()
                    .rposition(|t| t.span.end <= m.name.map_or(0, |n| n.start))
                    .is_some_and(|i| {
                        let w = self.word(&toks[i]);
                        self.lex.is_title_head(w) || self.lex.is_honorific(w)
                    })
            };
            if let Some(m) = self
                .classify(&toks[1..])
                .filter(|m| m.kind == MentionKind::Person && m.title.is_some() && before_name(m))
            {
                return Some(Mention { span, ..m });
            }
        }
        if starts_det {
            // "the White House", "a spokesman for the ministry", "the senator".
            let rest = &toks[owner_end.filter(|_| possessive_first).unwrap_or(0) + 1..];
            let kind = if !rest.is_empty()
                && rest
                    .iter()
                    .all(|t| self.is_cap(t) || NP_FUNCTION.contains(&self.word(t)))
            {
                MentionKind::Org
            } else {
                MentionKind::Description
            };
            if self.is_lower_word(last) && is_non_speaker_head(self.word(last)) {
                return None;
            }
            // The head before a prepositional phrase: `a nod to the front-runner`, `a swipe
            // at the governor`.
            if let Some(p) = (2..toks.len())
                .find(|&i| matches!(self.word(&toks[i]), "to" | "at" | "toward" | "towards"))
            {
                if self.is_lower_word(&toks[p - 1]) && is_non_speaker_head(self.word(&toks[p - 1]))
                {
                    return None;
                }
            }
            // A verb after the noun ends the phrase: `a spokesman for the firm declined to`.
            let verb = toks.windows(2).skip(1).any(|w| {
                let v = self.word(&w[0]);
                self.is_lower_word(&w[0])
                    && v.ends_with("ed")
                    && !self.lex.is_title_head(v)
                    && !self.lex.is_title_modifier(v)
                    && (!self.is_lower_word(&w[1])
                        || is_stop(self.word(&w[1]))
                        || NP_FUNCTION.contains(&self.word(&w[1]))
                        || DETERMINERS.contains(&self.word(&w[1])))
            }) || toks
                .iter()
                .skip(2)
                .any(|t| self.is_lower_word(t) && is_past_tense(self.word(t)))
                || self.is_lower_word(last)
                    && lw.ends_with("ed")
                    && (toks.len() > 2 || matches!(ascii_lower(fw).as_str(), "this" | "that"));
            if verb {
                return None;
            }
            let gender = toks
                .iter()
                .find_map(|t| self.lex.title_gender(self.word(t)));
            return Some(Mention::unnamed(span, kind, gender));
        }
        // Title + name, or a bare name, or an organisation.
        let (name_start, title_end) = self.split_title_name(toks);
        let name_toks = &toks[name_start..];
        if name_toks.is_empty() {
            // Only title words or lowercase nouns: "officials", "police", "US analysts". No
            // article inside and no verb-like word ("Sullivan echoed the statements").
            let plain_word = |t: &Tok| {
                let w = self.word(t);
                if DETERMINERS.contains(&w) || in_set(&NOT_NAMES_SET, NOT_NAMES, w) {
                    return false;
                }
                if self.is_lower_word(t) {
                    return (!w.ends_with("ed") || self.lex.is_title_head(w))
                        && !is_past_tense(w)
                        && !is_stop(w)
                        && !is_adverb(w);
                }
                // A capitalised adverb (`Hastily`) is no noun.
                let adverb = w.len() > 4 && w.ends_with("ly") && !self.lex.is_given_name(w);
                // A capitalised modifier before a lowercase noun: `Democratic officials`,
                // `Trump aides`; a given name never is one.
                let modifier = self.is_lower_word(last) && !self.lex.is_given_name(w);
                self.lex.is_title_head(w)
                    || is_acronym(w)
                    || (!self.is_name_word(t) || modifier) && !adverb
            };
            // A bare noun speaks only as a plural or a role: "officials", "police", not "fact".
            let lw = self.word(last);
            let role = self.is_group_or_role(lw) && !is_non_speaker_head(lw);
            let plain = toks.len() <= 4
                && toks.iter().all(plain_word)
                && (role || !self.is_lower_word(last));
            if !plain {
                return None;
            }
            let gender = toks
                .iter()
                .find_map(|t| self.lex.title_gender(self.word(t)));
            return Some(Mention::unnamed(span, MentionKind::Description, gender));
        }
        // Words before the name must make a title (`to Fox News` is no speaker), or be an
        // age: `17-year-old Jared Potts`.
        let ages_only = toks[..name_start]
            .iter()
            .all(|t| self.word(t).ends_with("-year-old"));
        if name_start > 0
            && title_end.is_none()
            && !ages_only
            && !toks[..name_start].iter().all(|t| self.is_cap(t))
        {
            return None;
        }
        if name_toks
            .iter()
            .any(|t| in_set(&ORG_WORDS_SET, ORG_WORDS, self.word(t)))
        {
            return Some(Mention::unnamed(span, MentionKind::Org, None));
        }
        let surname_at = self
            .title_surname(toks)
            .then(|| toks.len() - 1 - name_start);
        if !name_toks.iter().enumerate().all(|(i, t)| {
            self.is_name_word(t)
                || self.is_particle(t, name_toks)
                || Some(i) == surname_at
                || self.is_cap(t) && self.lex.is_given_name(self.word(t))
        }) {
            if toks.iter().all(|t| self.is_cap(t)) {
                return Some(Mention::unnamed(span, MentionKind::Org, None));
            }
            return None;
        }
        // `Secretary of State`, `Department of Justice`: a name after a linking word is part
        // of the title or organisation.
        if name_start > 0
            && matches!(
                self.word(&toks[name_start - 1]),
                "of" | "for" | "and" | "the"
            )
        {
            return None;
        }
        if name_start > 0 && title_end.is_none() && !ages_only {
            return None;
        }
        // Courtesy forms (Mr, Ms) tell gender but are not titles.
        let title = title_end
            .filter(|&e| !toks[..e].iter().all(|t| self.lex.is_courtesy(self.word(t))))
            .map(|e| {
                let s = toks[..e]
                    .iter()
                    .position(|t| !self.lex.is_courtesy(self.word(t)))
                    .unwrap_or(0);
                Span::new(toks[s].span.start, toks[e - 1].span.end)
            });
        // A country or capital on its own speaks for its government: `China said`.
        if title.is_none()
            && name_start == 0
            && self
                .lex
                .is_place(Span::new(first.span.start, last.span.end).slice(self.text))
        {
            return Some(Mention::unnamed(span, MentionKind::Org, None));
        }
        let gender = toks[..name_start]
            .iter()
            .rev()
            .find_map(|t| self.lex.title_gender(self.word(t)))
            .or_else(|| self.lex.name_gender(self.word(&name_toks[0])));
        Some(Mention {
            span,
            kind: MentionKind::Person,
            name: Some(Span::new(name_toks[0].span.start, last.span.end)),
            title,
            gender,
            antecedent: None,
        })
    }

    fn is_particle(&self, t: &Tok, name: &[Tok]) -> bool {
        let w = self.word(t);
        name.len() > 1 && PARTICLES.contains(&w.to_lowercase().as_str())
            || w.starts_with("al-")
            || w.starts_with("el-")
            || matches!(w, "Jr." | "Sr." | "Jr" | "Sr" | "II" | "III" | "IV")
    }

    /// `toks` ends in a given name and a surname that is also a title word: `Howard Dean`,
    /// `Steve King`, `Gerard Baker`.
    fn title_surname(&self, toks: &[Tok]) -> bool {
        let n = toks.len();
        if n < 2 || !self.is_cap(&toks[n - 1]) {
            return false;
        }
        let (last, prev) = (self.word(&toks[n - 1]), self.word(&toks[n - 2]));
        let after_given = self.lex.is_given_name(prev) && self.is_name_word(&toks[n - 2]);
        // A surname in -ly, which alone reads as an adverb (`Finally`), after a given name or
        // an honorific: `Phyllis Schlafly`, `Mrs. Schlafly`.
        let adverb_like =
            last.len() > 4 && last.ends_with("ly") && !self.is_name_word(&toks[n - 1]);
        self.lex.is_title_head(last) && after_given
            || adverb_like && (after_given || self.lex.is_honorific(prev))
    }

    /// Splits a mention into (index where the personal name starts, end index of the title).
    /// The title is everything before the name when it holds a title head or an honorific.
    fn split_title_name(&self, toks: &[Tok]) -> (usize, Option<usize>) {
        // The name is the trailing run of name words (particles and initials allowed). A
        // surname that is also a title word follows a given name: `Howard Dean`, `Steve
        // King`, `Gerard Baker`.
        let n = toks.len();
        let mut start = if self.title_surname(toks) { n - 1 } else { n };
        while start > 0 {
            let t = &toks[start - 1];
            if self.is_name_word(t)
                || (start < toks.len() && self.is_particle(t, &toks[start - 1..]))
            {
                start -= 1;
            } else {
                break;
            }
        }
        // A given name that is also a title word, before a lone surname: `Dean Johnson`.
        if start > 0
            && n - start == 1
            && self.is_cap(&toks[start - 1])
            && self.lex.is_given_name(self.word(&toks[start - 1]))
            && (start == 1 || self.is_title(&toks[..start - 1]))
        {
            start -= 1;
        }
        // Leading particles belong to the surname when a capitalised name follows (`van der
        // Berg`, `de Blasio`), unless a title stands before them; alone they are no name.
        let particles_then_name = toks[start..].iter().any(|t| self.is_cap(t));
        if start > 0 || !particles_then_name {
            while start < toks.len() && !self.is_cap(&toks[start]) {
                start += 1;
            }
        }
        // Long capitalised runs after a title: "Secretary of Homeland Security Alejandro
        // Mayorkas". Start the name at a known given name, else keep the last two words.
        if start > 0 && toks.len() - start > 3 {
            if let Some(i) =
                (start..toks.len()).find(|&i| self.lex.is_given_name(self.word(&toks[i])))
            {
                start = i;
            } else {
                start = toks.len() - 2;
            }
        } else if start > 0 && toks.len() - start == 3 {
            let w0 = self.word(&toks[start]);
            let w1 = self.word(&toks[start + 1]);
            if !self.lex.is_given_name(w0) && self.lex.is_given_name(w1) && !is_initial(w1) {
                start += 1;
            }
        }
        (
            start,
            (start > 0 && self.is_title(&toks[..start])).then_some(start),
        )
    }

    /// True when a bare noun can speak: a role (`spokesman`), a plural (`officials`) or a
    /// collective (`police`, `staff`).
    fn is_group_or_role(&self, head: &str) -> bool {
        self.lex.is_title_head(head)
            || head.ends_with('s')
            || matches!(head, "police" | "staff" | "people" | "media" | "press")
    }

    /// True when `toks` can be a title before a name: it holds a head word or an honorific,
    /// and its lowercase words are heads, modifiers or linking words.
    pub fn is_title(&self, toks: &[Tok]) -> bool {
        toks.iter()
            .any(|t| self.lex.is_title_head(self.word(t)) || self.lex.is_honorific(self.word(t)))
            && toks.iter().all(|t| {
                let w = self.word(t);
                if !t.is_word() {
                    return t.is('-') || t.is('’') || t.is('\'') || t.is('&');
                }
                // `When Mr. Netanyahu`, `Even Senator Ruiz`: a capitalised opener is no title.
                self.is_cap(t) && {
                    let l = ascii_lower(w);
                    // All capitals is an acronym: `US assistant secretary`.
                    !w.chars().any(|c| c.is_lowercase())
                        || !is_stop(&l)
                            && !matches!(
                                l.as_str(),
                                "even"
                                    | "only"
                                    | "just"
                                    | "after"
                                    | "before"
                                    | "since"
                                    | "until"
                                    | "once"
                                    | "although"
                                    | "though"
                                    | "yet"
                                    | "still"
                                    | "now"
                            )
                } || self.lex.is_title_head(w)
                    || self.lex.is_title_modifier(w)
                    || self.lex.is_honorific(w)
                    || w.chars().all(|c| c.is_numeric())
                    || self.is_lower_word(t)
                        && !is_stop(w)
                        && !DETERMINERS.contains(&w)
                        && !w.ends_with("ing")
                        && !w.ends_with("ed")
                        // `panel heard from | Senator Ann Cole`
                        && !is_past_tense(w)
                        && !matches!(w, "from" | "with" | "by")
                        && self.lex.cue_at(&[w]).is_none()
            })
    }

    /// An appositive title after a name: `, the national security adviser,` or
    /// `, a spokeswoman for the ministry`. Returns the title span without its article.
    pub fn appositive(&self, toks: &[Tok]) -> Option<Span> {
        let first = toks.first()?;
        // `,'' its chief executive, Dana Ruiz, said`: a closing mark typed as apostrophes.
        if first.is('\'') || first.is('’') {
            return self.appositive(&toks[1..]);
        }
        let fw = self.word(first);
        let skip = usize::from(matches!(ascii_lower(fw).as_str(), "the" | "a" | "an"));
        let rest = &toks[skip..];
        if rest.is_empty()
            || rest.len() > 16
            || rest
                .iter()
                .any(|t| !t.is_word() && !t.is('’') && !t.is('\'') && !t.is('-') && !t.is('&'))
        {
            return None;
        }
        // It must hold a title head, and (with no article) start with one or with a modifier.
        if !rest.iter().any(|t| self.lex.is_title_head(self.word(t))) {
            return None;
        }
        if rest.iter().any(|t| {
            self.is_lower_word(t)
                && (is_stop(self.word(t)) || self.lex.cue_at(&[self.word(t)]).is_some())
        }) {
            return None;
        }
        Some(Span::new(rest[0].span.start, rest.last()?.span.end))
    }
}

fn is_acronym(w: &str) -> bool {
    w.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && w.chars().all(|c| c.is_uppercase() || c == '.')
}

fn is_initial(w: &str) -> bool {
    let mut cs = w.chars();
    matches!((cs.next(), cs.next(), cs.next()), (Some(c), Some('.'), None) if c.is_uppercase())
        || (w.len() >= 4
            && w.ends_with('.')
            && w.split('.')
                .filter(|p| !p.is_empty())
                .all(|p| p.chars().count() == 1)
            && w.starts_with(char::is_uppercase))
}

/// Nouns that head phrases which cannot speak: `his announcement speech`, `that fact`.
fn is_non_speaker_head(w: &str) -> bool {
    matches!(
        w,
        "fact"
            | "interview"
            | "speech"
            | "words"
            | "word"
            | "call"
            | "debate"
            | "event"
            | "way"
            | "thing"
            | "things"
            | "point"
            | "issue"
            | "question"
            | "matter"
            | "case"
            | "idea"
            | "vote"
            | "stage"
            | "meeting"
            | "conference"
            | "hearing"
            | "remarks"
            | "sense"
            | "part"
            | "end"
            | "rest"
            | "lot"
            | "number"
            | "kind"
            | "sort"
            | "side"
            | "view"
            | "terms"
            | "light"
            | "wake"
            | "face"
            | "run"
            | "race"
            | "trail"
            | "effort"
            | "order"
            | "nod"
            | "jab"
            | "swipe"
            | "dig"
            | "reference"
            | "allusion"
    )
}

/// A noun for the occasion or medium of a statement: `In a statement`, `in his ruling`.
pub(crate) fn is_speech_medium(w: &str) -> bool {
    matches!(
        w,
        "statement"
            | "statements"
            | "interview"
            | "interviews"
            | "post"
            | "tweet"
            | "tweets"
            | "essay"
            | "letter"
            | "ruling"
            | "opinion"
            | "cable"
            | "excerpt"
            | "piece"
            | "speech"
            | "remarks"
            | "email"
            | "memo"
            | "column"
            | "op-ed"
            | "book"
            | "article"
            | "video"
            | "message"
            | "filing"
            | "release"
            | "testimony"
            | "appearance"
            | "broadcast"
            | "podcast"
            | "show"
            | "program"
            | "debate"
            | "hearing"
            | "conference"
            | "call"
            | "briefing"
    )
}

/// A number word that opens a share of a group: `three in 10`, `dozens of`, `twenty-four`.
pub(crate) fn is_number_word(w: &str) -> bool {
    let tens = |t: &str| {
        matches!(
            t,
            "twenty" | "thirty" | "forty" | "fifty" | "sixty" | "seventy" | "eighty" | "ninety"
        )
    };
    tens(w)
        || w.split_once('-')
            .is_some_and(|(t, u)| tens(t) && is_number_word(u))
        || matches!(
            w,
            "one"
                | "two"
                | "three"
                | "four"
                | "five"
                | "six"
                | "seven"
                | "eight"
                | "nine"
                | "ten"
                | "eleven"
                | "twelve"
                | "dozen"
                | "hundred"
                | "thousand"
                | "dozens"
                | "hundreds"
                | "thousands"
        )
}

/// A fraction word: `half`, `thirds`.
fn is_fraction(f: &str) -> bool {
    matches!(
        f,
        "half" | "third" | "thirds" | "quarter" | "quarters" | "fifth" | "fifths"
    )
}

/// Adjectives that head a fixed post-modifier of a speaker: `people familiar with the
/// matter`, `officials close to the talks`, `a person briefed on the plan`.
pub(crate) fn is_post_modifier(w: &str) -> bool {
    matches!(
        w,
        "familiar" | "close" | "briefed" | "knowledgeable" | "involved" | "privy"
    )
}

/// Words for a part of a group before `of`: `most of them`, `many of the workers`.
fn is_partitive(w: &str) -> bool {
    matches!(
        w,
        "most"
            | "many"
            | "all"
            | "none"
            | "several"
            | "few"
            | "both"
            | "each"
            | "half"
            | "dozens"
            | "hundreds"
            | "thousands"
            | "millions"
    )
}

/// A word that names a share by itself (lowercase): `half`, `two-thirds` as one token, `a
/// majority`.
fn is_share_word(w: &str) -> bool {
    is_fraction(w)
        || matches!(w, "majority" | "minority" | "plurality" | "handful")
        || w.split_once('-').is_some_and(|(_, f)| is_fraction(f))
}

/// `w.to_ascii_lowercase()` without an allocation for words of up to 32 bytes (longer words
/// come back empty: no word list compared against holds one that long).
pub(crate) fn ascii_lower(w: &str) -> AsciiLower {
    let mut buf = [0u8; 32];
    let len = if w.len() <= buf.len() {
        buf[..w.len()].copy_from_slice(w.as_bytes());
        buf[..w.len()].make_ascii_lowercase();
        w.len()
    } else {
        0
    };
    AsciiLower { buf, len }
}

/// A word lowercased by [`ascii_lower`].
pub(crate) struct AsciiLower {
    buf: [u8; 32],
    len: usize,
}

impl std::ops::Deref for AsciiLower {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsciiLower {
    /// The lowercased word.
    pub(crate) fn as_str(&self) -> &str {
        // Only ASCII bytes change, so the bytes stay valid UTF-8.
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or_default()
    }
}

/// Words of time, which never head a speaker phrase.
pub(crate) fn is_time_word(w: &str) -> bool {
    matches!(
        ascii_lower(w).as_str(),
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "day"
            | "days"
            | "week"
            | "weeks"
            | "month"
            | "months"
            | "year"
            | "years"
            | "time"
            | "times"
            | "morning"
            | "afternoon"
            | "evening"
            | "night"
            | "weekend"
            | "later"
            | "ago"
            | "earlier"
            | "today"
            | "tonight"
            | "yesterday"
            | "tomorrow"
            | "hour"
            | "hours"
            | "minute"
            | "minutes"
            | "moment"
            | "decade"
            | "decades"
            | "century"
    )
}

/// Adverbs, which never stand in a speaker phrase.
fn is_adverb(w: &str) -> bool {
    (w.ends_with("ly")
        && w.len() > 4
        && !matches!(w, "ally" | "family" | "assembly" | "italy" | "supply"))
        || matches!(
            w,
            "always"
                | "never"
                | "often"
                | "soon"
                | "once"
                | "ever"
                | "again"
                | "already"
                | "later"
                | "earlier"
                | "sometimes"
                | "perhaps"
                | "indeed"
                | "instead"
                | "almost"
                | "rather"
                | "quite"
                | "somewhat"
                | "anyway"
                | "together"
                | "else"
                | "twice"
                | "thus"
        )
}

/// Common irregular past-tense verbs, which end a noun phrase (`the economy grew`).
pub(crate) fn is_past_tense(w: &str) -> bool {
    matches!(
        w,
        "grew"
            | "rose"
            | "fell"
            | "went"
            | "came"
            | "made"
            | "took"
            | "gave"
            | "began"
            | "became"
            | "saw"
            | "knew"
            | "thought"
            | "felt"
            | "left"
            | "ran"
            | "won"
            | "lost"
            | "held"
            | "kept"
            | "put"
            | "set"
            | "hit"
            | "cut"
            | "sent"
            | "spent"
            | "built"
            | "brought"
            | "bought"
            | "paid"
            | "met"
            | "led"
            | "stood"
            | "understood"
            | "told"
            | "wrote"
            | "spoke"
            | "broke"
            | "chose"
            | "drove"
            | "fought"
            | "caught"
            | "taught"
            | "sought"
            | "sold"
            | "found"
            | "heard"
            | "meant"
            | "struck"
            | "shook"
            | "got"
            | "did"
            | "sat"
            | "hid"
            | "drew"
            | "threw"
            | "flew"
            | "swore"
            | "wore"
            | "tore"
            | "slid"
            | "split"
    )
}

/// Auxiliary and modal verbs (lowercase): `is`, `had`, `would`.
pub(crate) fn is_auxiliary(w: &str) -> bool {
    matches!(
        w,
        "is" | "was"
            | "are"
            | "were"
            | "be"
            | "been"
            | "being"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "could"
            | "should"
            | "can"
            | "may"
            | "might"
            | "must"
            | "shall"
            | "do"
            | "does"
            | "did"
    )
}

/// Lowercase words that never stand inside a speaker noun phrase.
pub fn is_stop(w: &str) -> bool {
    is_auxiliary(w)
        // `doesn’t`, `won't`: a negated auxiliary.
        || w.ends_with("n't")
        || w.ends_with("n’t")
        || matches!(
            w,
            "not"
                | "but"
                | "or"
                | "so"
                | "if"
                | "because"
                | "while"
                | "when"
                | "as"
                | "than"
                | "then"
                | "that"
                | "which"
                | "who"
                | "whom"
                | "whose"
                | "what"
                | "where"
                | "how"
                | "why"
                | "also"
                | "he"
                | "she"
                | "they"
                | "it"
                | "we"
                | "i"
                | "you"
                | "him"
                | "them"
                | "us"
                | "me"
                | "there"
                | "here"
                | "this"
                | "these"
                | "those"
                | "said"
                | "says"
                | "after"
                | "before"
                | "since"
                | "until"
                | "about"
                | "into"
                | "over"
                | "under"
                | "against"
                | "just"
                | "only"
                | "even"
                | "still"
                | "very"
                | "too"
                | "now"
                | "yesterday"
                | "today"
                | "tomorrow"
                | "however"
                | "though"
                | "although"
                | "like"
                | "by"
                | "up"
                | "out"
                | "off"
                | "yet"
                | "all"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex() -> Lexicon {
        Lexicon::builtin().unwrap()
    }

    #[test]
    fn word_lists_searched_by_bisection_are_sorted() {
        for list in [NOT_NAMES, ORG_WORDS] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{:?}", &list[..3]);
        }
    }

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, Span::new(0, text.len()))
            .iter()
            .map(|t| t.text(text))
            .collect()
    }

    fn classify(text: &str) -> Option<(MentionKind, Option<String>, Option<String>)> {
        let lex = lex();
        let g = Grammar { lex: &lex, text };
        let toks = tokenize(text, Span::new(0, text.len()));
        g.classify(&toks).map(|m| {
            (
                m.kind,
                m.name.map(|s| s.slice(text).to_owned()),
                m.title.map(|s| s.slice(text).to_owned()),
            )
        })
    }

    #[test]
    fn tokenizer_keeps_words_whole() {
        assert_eq!(
            words("It’s U.S. policy, Mr. O’Neill said."),
            ["It’s", "U.S.", "policy", ",", "Mr.", "O’Neill", "said", "."]
        );
        assert_eq!(
            words("J.R.R. Tolkien’s 3.5 and 1,200 al-Assad"),
            ["J.R.R.", "Tolkien’s", "3.5", "and", "1,200", "al-Assad"]
        );
        assert_eq!(
            words("“Yes,” he said — twice."),
            ["“", "Yes", ",", "”", "he", "said", "—", "twice", "."]
        );
        assert_eq!(words("Jake J. Sullivan"), ["Jake", "J.", "Sullivan"]);
        assert_eq!(words("cafe\u{301} 😀 ok"), ["cafe\u{301}", "😀", "ok"]);
    }

    #[test]
    fn titles_split_from_names() {
        use MentionKind::*;
        assert_eq!(
            classify("National Security Advisor Jake Sullivan"),
            Some((
                Person,
                Some("Jake Sullivan".into()),
                Some("National Security Advisor".into())
            ))
        );
        assert_eq!(
            classify("US assistant secretary of commerce for export administration Thea Kendler"),
            Some((
                Person,
                Some("Thea Kendler".into()),
                Some("US assistant secretary of commerce for export administration".into())
            ))
        );
        assert_eq!(
            classify("President Joe Biden"),
            Some((Person, Some("Joe Biden".into()), Some("President".into())))
        );
        assert_eq!(
            classify("Secretary of Homeland Security Alejandro Mayorkas"),
            Some((
                Person,
                Some("Alejandro Mayorkas".into()),
                Some("Secretary of Homeland Security".into())
            ))
        );
        assert_eq!(
            classify("Sen. Elizabeth Warren"),
            Some((Person, Some("Elizabeth Warren".into()), Some("Sen.".into())))
        );
        assert_eq!(
            classify("Sullivan"),
            Some((Person, Some("Sullivan".into()), None))
        );
        assert_eq!(
            classify("Ursula van der Berg"),
            Some((Person, Some("Ursula van der Berg".into()), None))
        );
        assert_eq!(
            classify("J.D. Hale"),
            Some((Person, Some("J.D. Hale".into()), None))
        );
    }

    #[test]
    fn descriptions_and_organisations() {
        use MentionKind::*;
        assert_eq!(classify("the White House").unwrap().0, Org);
        assert_eq!(
            classify("a spokesman for the ministry").unwrap().0,
            Description
        );
        assert_eq!(classify("officials").unwrap().0, Description);
        assert_eq!(classify("Bloomberg News").unwrap().0, Org);
        assert_eq!(classify("he").unwrap().0, Pronoun);
        assert_eq!(classify("the economy grew"), None);
        assert_eq!(classify("because"), None);
    }
}
