//! Resolution: turns each attribution's mention into a speaker and title within the
//! document. A surname resolves to the full name given earlier (or later) in the text, a
//! pronoun to the last compatible named speaker, "the senator" to the last speaker with that
//! title; organisations and descriptions stay as written.
//!
//! Invariant: works on one document at a time and keeps no state between documents.

use crate::attribute::Attribution;
use crate::lexicon::{Gender, Lexicon};
use crate::mention::{Grammar, Mention, MentionKind, Tok, TokKind};
use crate::span::Span;
use crate::types::{Quote, Rule};

use rustc_hash::FxHashMap;

#[derive(Clone, Debug)]
struct Entity {
    name: String,
    title: Option<String>,
    gender: Option<Gender>,
    person: bool,
}

impl Entity {
    fn words(&self) -> impl Iterator<Item = &str> {
        self.name.split(' ')
    }

    fn surname(&self) -> &str {
        self.words()
            .filter(|w| !matches!(*w, "Jr." | "Sr." | "Jr" | "Sr" | "II" | "III"))
            .last()
            .unwrap_or(&self.name)
    }
}

/// A person named somewhere in the text (not necessarily as a speaker).
#[derive(Clone, Debug)]
struct Named {
    at: usize,
    name: String,
    title: Option<String>,
    gender: Option<Gender>,
    /// The name opens its sentence (a subject, more salient for a later pronoun).
    subject: bool,
}

/// Normalises white space inside a name or title taken from the text.
fn clean(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, w) in s.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// True when `full` is a longer name ending in the surname `surname` (`Ursula van der Berg`).
fn ends_with_surname(full: &str, surname: &str) -> bool {
    full.len() > surname.len()
        && full.ends_with(surname)
        && full[..full.len() - surname.len()].ends_with(' ')
}

/// Strips a possessive from a name word ("Sullivan’s" → "Sullivan").
fn base(w: &str) -> &str {
    w.strip_suffix("’s")
        .or_else(|| w.strip_suffix("'s"))
        .unwrap_or(w)
}

/// How many of the latest speakers a surname, pronoun or title is matched against, and how
/// many named persons back a pronoun or title looks: bounds that keep a document with
/// thousands of speakers linear, far beyond any real article.
const RECENT: usize = 256;

/// Persons named in the text, in order, with indexes by last name word and by name.
#[derive(Default)]
struct Names {
    list: Vec<Named>,
    /// Last word of a name of two words or more → positions in `list`, in order.
    by_last: FxHashMap<String, Vec<usize>>,
    /// Name → the first position in `list` where it has a title.
    titled: FxHashMap<String, usize>,
}

impl Names {
    fn new(list: Vec<Named>) -> Names {
        let mut by_last: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        let mut titled = FxHashMap::default();
        for (k, n) in list.iter().enumerate() {
            if let Some((_, last)) = n.name.rsplit_once(' ') {
                by_last.entry(last.to_owned()).or_default().push(k);
            }
            if n.title.is_some() {
                titled.entry(n.name.clone()).or_insert(k);
            }
        }
        Names {
            list,
            by_last,
            titled,
        }
    }

    /// The named persons before byte `at`, nearest first, at most [`RECENT`].
    fn before(&self, at: usize) -> impl Iterator<Item = &Named> {
        let end = self.list.partition_point(|n| n.at < at);
        self.list[..end].iter().rev().take(RECENT)
    }
}

struct Resolver<'a> {
    text: &'a str,
    lex: &'a Lexicon,
    entities: Vec<Entity>,
    /// Entity name → entity indices with that name, in order.
    by_name: FxHashMap<String, Vec<usize>>,
    /// Lowercased name of an organisation or description → its entity indices, in order.
    by_written: FxHashMap<String, Vec<usize>>,
    /// (entity, offset of its latest mention) in order of attribution, most recent last. An
    /// entry is live when `live[entity]` is its index; older entries are stale and skipped,
    /// and dropped when they pile up.
    recency: Vec<(usize, usize)>,
    live: Vec<usize>,
    stale: usize,
    named: Names,
}

impl<'a> Resolver<'a> {
    /// Persons named anywhere in the text.
    fn named(&mut self) -> &Names {
        &self.named
    }

    /// Marks entity `e` as the latest speaker, mentioned at `at`.
    fn touch(&mut self, e: usize, at: usize) {
        if self.live.len() <= e {
            self.live.resize(e + 1, usize::MAX);
        }
        if self.live[e] != usize::MAX {
            self.stale += 1;
        }
        self.live[e] = self.recency.len();
        self.recency.push((e, at));
        if self.stale > 64 && self.stale * 2 > self.recency.len() {
            let mut kept = Vec::with_capacity(self.recency.len() - self.stale);
            for (k, &(x, a)) in self.recency.iter().enumerate() {
                if self.live[x] == k {
                    self.live[x] = kept.len();
                    kept.push((x, a));
                }
            }
            self.recency = kept;
            self.stale = 0;
        }
    }

    /// The latest speakers, most recent first, with the offsets of their latest mentions.
    fn recent(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.recency
            .iter()
            .enumerate()
            .rev()
            .filter(|&(k, &(x, _))| self.live[x] == k)
            .map(|(_, &p)| p)
            .take(RECENT)
    }

    /// The first entity named `name` (organisations and persons alike).
    fn entity_named(&self, name: &str) -> Option<usize> {
        self.by_name.get(name).and_then(|v| v.first()).copied()
    }

    fn push_entity(&mut self, e: Entity) -> usize {
        let i = self.entities.len();
        if e.person {
            self.by_name.entry(e.name.clone()).or_default().push(i);
        } else {
            self.by_name.entry(e.name.clone()).or_default().push(i);
            self.by_written
                .entry(e.name.to_ascii_lowercase())
                .or_default()
                .push(i);
        }
        self.entities.push(e);
        i
    }

    /// Gives entity `i` (known by surname only) its full name.
    fn rename(&mut self, i: usize, name: &str) {
        let old = std::mem::replace(&mut self.entities[i].name, name.to_owned());
        if let Some(v) = self.by_name.get_mut(&old) {
            v.retain(|&x| x != i);
        }
        let v = self.by_name.entry(name.to_owned()).or_default();
        let at = v.partition_point(|&x| x < i);
        v.insert(at, i);
    }

    fn entity_for_name(
        &mut self,
        name: &str,
        title: Option<String>,
        gender: Option<Gender>,
        at: usize,
    ) -> usize {
        let words: Vec<&str> = name.split(' ').collect();
        // `Sullivan`, or a surname with its particles: `van der Berg`, `de Blasio`.
        let surname_only = words.len() == 1 || words[0].starts_with(char::is_lowercase);
        let found = if !surname_only {
            self.entity_named(name).or_else(|| {
                // An entity known so far only by surname takes the full name.
                let last = *words.last().unwrap_or(&"");
                self.by_name.get(last).and_then(|v| {
                    v.iter().copied().find(|&i| {
                        let e = &self.entities[i];
                        e.person && !e.name.contains(' ')
                    })
                })
            })
        } else {
            let w = base(name);
            self.recent()
                .map(|(i, _)| i)
                .find(|&i| {
                    self.entities[i].person
                        && (self.entities[i].surname() == w
                            || ends_with_surname(&self.entities[i].name, w))
                })
                .or_else(|| {
                    self.recent().map(|(i, _)| i).find(|&i| {
                        self.entities[i].person && self.entities[i].words().any(|x| x == w)
                    })
                })
        };
        let idx = match found {
            Some(i) => {
                if !surname_only && !self.entities[i].name.contains(' ') {
                    self.rename(i, name);
                }
                i
            }
            None => {
                // A bare surname: look for the full name elsewhere in the text, nearest first
                // before the mention, then after it.
                let mut full = (name.to_owned(), None, None);
                if surname_only {
                    let w = base(name);
                    let named = self.named();
                    let last = w.rsplit(' ').next().unwrap_or(w);
                    let candidates = named.by_last.get(last).map_or(&[][..], |v| &v[..]);
                    let fits = |&&k: &&usize| {
                        let n = &named.list[k];
                        n.name.rsplit(' ').next() == Some(w) || ends_with_surname(&n.name, w)
                    };
                    let split = candidates.partition_point(|&k| named.list[k].at <= at);
                    let hit = candidates[..split]
                        .iter()
                        .rev()
                        .find(fits)
                        .or_else(|| candidates[split..].iter().find(fits))
                        .map(|&k| &named.list[k]);
                    if let Some(n) = hit {
                        full = (n.name.clone(), n.title.clone(), n.gender);
                    }
                }
                if let Some(i) = self.entity_named(&full.0) {
                    i
                } else {
                    self.push_entity(Entity {
                        name: full.0,
                        title: full.1,
                        gender: full.2,
                        person: true,
                    })
                }
            }
        };
        let title = title.or_else(|| {
            if self.entities[idx].title.is_some() {
                return None;
            }
            let full = self.entities[idx].name.clone();
            let named = self.named();
            named
                .titled
                .get(&full)
                .and_then(|&k| named.list[k].title.clone())
        });
        let e = &mut self.entities[idx];
        if e.title.is_none() {
            e.title = title;
        }
        if e.gender.is_none() {
            e.gender = gender;
        }
        idx
    }

    fn resolve(&mut self, m: &Mention, appositive: Option<Span>) -> Option<usize> {
        let text = self.text;
        let title = m.title.or(appositive).map(|s| clean(s.slice(text)));
        match m.kind {
            MentionKind::Person => {
                let name = clean(m.name?.slice(text));
                let name = base(&name).to_owned();
                let gender = m.gender;
                Some(self.entity_for_name(&name, title, gender, m.span.start))
            }
            MentionKind::Pronoun => {
                let w = m.span.slice(text).to_ascii_lowercase();
                // Possessives speak as their pronoun: `his promise to be “neutral”`.
                let w = match w.as_str() {
                    "his" => "he".to_owned(),
                    "her" => "she".to_owned(),
                    "their" => "they".to_owned(),
                    "its" => "it".to_owned(),
                    _ => w,
                };
                match w.as_str() {
                    "he" | "she" => {
                        let want = m.gender;
                        let compatible =
                            |e: &Entity| e.person && (e.gender.is_none() || e.gender == want);
                        let at = m.span.start;
                        let speaker = self.recent().find(|&(i, _)| compatible(&self.entities[i]));
                        // A person who opens a sentence after that speaker's last quote is
                        // the likelier referent: `His wife Gina Russo is behind him. “...,”
                        // she laughed.`
                        let since = speaker.map_or(0, |(_, a)| a);
                        let subject = self
                            .named()
                            .before(at)
                            .take_while(|n| n.at > since)
                            .find(|n| n.subject && n.gender.is_some() && n.gender == want)
                            .cloned();
                        if let Some(n) = subject {
                            return Some(self.entity_for_name(&n.name, n.title, n.gender, n.at));
                        }
                        if let Some((i, _)) = speaker {
                            return Some(i);
                        }
                        // No speaker yet: the nearest person named before the pronoun.
                        let hit = self
                            .named()
                            .before(at)
                            .find(|n| n.gender.is_none() || n.gender == want)
                            .cloned()?;
                        Some(self.entity_for_name(&hit.name, hit.title, hit.gender, hit.at))
                    }
                    "they" | "it" => self
                        .recent()
                        .next()
                        .map(|(i, _)| i)
                        .filter(|&i| !self.entities[i].person || w == "they"),
                    _ => None,
                }
            }
            MentionKind::Org | MentionKind::Description => {
                let written = clean(m.antecedent.unwrap_or(m.span).slice(text));
                // `Israel said` after `Rep. Steve Israel`: a place that is the surname of a
                // person named in the document is that person.
                if m.kind == MentionKind::Org
                    && m.antecedent.is_none()
                    && !written.contains(' ')
                    && self.lex.is_place(&written)
                    && self.named().by_last.contains_key(written.as_str())
                {
                    let person = Mention {
                        kind: MentionKind::Person,
                        name: Some(m.span),
                        ..m.clone()
                    };
                    return self.resolve(&person, appositive);
                }
                // "the senator" → the last speaker titled senator.
                let lower = written.to_lowercase();
                if let Some(head) = lower.strip_prefix("the ") {
                    if !head.contains(' ') && self.lex.is_title_head(head) {
                        let hit = self.recent().map(|(i, _)| i).find(|&i| {
                            self.entities[i]
                                .title
                                .as_deref()
                                .is_some_and(|t| title_matches(t, head))
                        });
                        if hit.is_some() {
                            return hit;
                        }
                        // A person given that title earlier in the text.
                        let at = m.span.start;
                        let named = self
                            .named()
                            .before(at)
                            .find(|n| n.title.as_deref().is_some_and(|t| title_matches(t, head)))
                            .cloned();
                        if let Some(n) = named {
                            return Some(self.entity_for_name(&n.name, n.title, n.gender, n.at));
                        }
                    }
                }
                if let Some(&i) = self
                    .by_written
                    .get(&written.to_ascii_lowercase())
                    .and_then(|v| v.first())
                {
                    return Some(i);
                }
                Some(self.push_entity(Entity {
                    name: written,
                    title,
                    gender: m.gender,
                    person: false,
                }))
            }
        }
    }
}

fn title_matches(title: &str, head: &str) -> bool {
    let abbrev = match head {
        "senator" => "sen",
        "representative" => "rep",
        "governor" => "gov",
        "general" => "gen",
        "doctor" => "dr",
        "professor" => "prof",
        _ => "",
    };
    title.split(|c: char| !c.is_alphanumeric()).any(|w| {
        w.eq_ignore_ascii_case(head) || !abbrev.is_empty() && w.eq_ignore_ascii_case(abbrev)
    })
}

/// Persons named in a document, found paragraph by paragraph (a name never runs across
/// one) by [`NameScan::paragraph`] and handed to [`resolve`].
#[derive(Default)]
pub struct NameScan {
    found: Vec<Named>,
}

impl NameScan {
    /// Adds the persons named in one paragraph, given its tokens; paragraphs come in text
    /// order. Capitalised name words after a title, starting with a known given name, or
    /// followed by an appositive title (`Jordan Pike, executive director of ...`).
    pub fn paragraph(&mut self, text: &str, lex: &Lexicon, toks: &[Tok]) {
        scan_paragraph(text, lex, toks, &mut self.found);
    }
}

/// How many of the latest names a lone surname is compared with.
const NAME_LOOKBACK: usize = 64;

fn scan_paragraph(text: &str, lex: &Lexicon, toks: &[Tok], out: &mut Vec<Named>) {
    let g = Grammar { lex, text };
    let mut sentence_start = 0;
    let mut i = 0;
    while i < toks.len() {
        if i > 0
            && (toks[i - 1].is('.')
                || toks[i - 1].is('!')
                || toks[i - 1].is('?')
                || text.as_bytes()[toks[i - 1].span.end..toks[i].span.start].contains(&b'\n'))
        {
            sentence_start = i;
        }
        if !g.is_name_word(&toks[i]) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < toks.len()
            && j - i < 5
            && (g.is_name_word(&toks[j])
                || (j > i
                    && toks[j].is_word()
                    && matches!(
                        toks[j].text(text),
                        "van" | "von" | "de" | "der" | "bin" | "al" | "la" | "le" | "du" | "da"
                    )))
        {
            j += 1;
        }
        // Extend left over title words ("Deputy Mayor", "Sen.", "EU trade commissioner").
        let mut s = i;
        while s > sentence_start && i - s < 10 && toks[s - 1].is_word() && {
            let w = toks[s - 1].text(text);
            w.starts_with(char::is_uppercase) || lex.is_title_word(w)
        } {
            s -= 1;
        }
        // Words before the name make a person's mention only with a title head, an honorific
        // or an age among them (`Sen.`, `deputy mayor`, `17-year-old`), so a start is tried
        // only up to the last such word, and then the bare name.
        let last_title = (s..i).rev().find(|&r| {
            let w = toks[r].text(text);
            lex.is_title_head_or_honorific(w) || w.ends_with("-year-old")
        });
        // A lone surname with nothing before it and no nickname after it is never listed.
        let nickname_next = toks
            .get(j)
            .is_some_and(|t| matches!(t.kind, TokKind::Punct('“' | '"' | '‘' | '\'')));
        if last_title.is_none() && j - i == 1 && !nickname_next {
            // Unless it is the surname of a person named earlier and opens its sentence:
            // `Roffman, who estimates ...` after `Marvin Roffman`, for a later `he`.
            let w = toks[i].text(text);
            let subject = i - sentence_start <= 1;
            // Among the last few dozen names only, so that a huge document stays linear.
            if let Some(n) = out
                .iter()
                .rev()
                .take(NAME_LOOKBACK)
                .find(|n| subject && n.name.contains(' ') && ends_with_surname(&n.name, w))
            {
                let named = Named {
                    at: toks[i].span.start,
                    subject: true,
                    ..n.clone()
                };
                out.push(named);
            }
            i = j;
            continue;
        }
        let starts = last_title.map_or(s..s, |r| s..r + 1);
        let found = starts.chain(std::iter::once(i)).find_map(|s| {
            g.classify(&toks[s..j])
                .filter(|m| m.kind == MentionKind::Person && m.name.is_some())
                .map(|m| (s, m))
        });
        if let Some((s, m)) = found {
            let mut name = clean(m.name.map_or("", |n| n.slice(text)));
            // A nickname in quotation marks inside the name: `Tony “The Hammer” Russo`.
            if toks
                .get(j)
                .is_some_and(|t| matches!(t.kind, TokKind::Punct('“' | '"' | '‘' | '\'')))
            {
                if let Some(c) = (j + 1..toks.len().min(j + 7))
                    .find(|&c| matches!(toks[c].kind, TokKind::Punct('”' | '"' | '’' | '\'')))
                {
                    let mut k = c + 1;
                    while k < toks.len() && k - c <= 3 && g.is_name_word(&toks[k]) {
                        name.push(' ');
                        name.push_str(toks[k].text(text));
                        k += 1;
                    }
                }
            }
            let first = name.split(' ').next().unwrap_or("");
            let n_words = name.split(' ').count();
            let titled = m.title.is_some();
            let mut title = m.title.map(|t| clean(t.slice(text)));
            // `Jake Sullivan, the national security adviser,`
            let mut appositive = false;
            if toks.get(j).is_some_and(|t| t.is(',')) {
                let end = (j + 1..toks.len().min(j + 18))
                    .find(|&k| !toks[k].is_word() && !toks[k].is('’') && !toks[k].is('\''))
                    .unwrap_or(toks.len());
                if let Some(a) = g.appositive(&toks[j + 1..end]) {
                    appositive = true;
                    if title.is_none() {
                        title = Some(clean(a.slice(text)));
                    }
                }
            }
            // `Ms. Dunne`: a courtesy form tells a gender, enough for a later `she`.
            let courtesy = (s..i).any(|r| lex.is_courtesy(toks[r].text(text)));
            if n_words >= 2 && (titled || appositive || lex.is_given_name(first))
                || (titled || courtesy) && n_words == 1
            {
                out.push(Named {
                    at: toks[i].span.start,
                    name: base(&name).to_owned(),
                    title,
                    gender: m.gender,
                    subject: s - sentence_start <= 2,
                });
            }
        }
        i = j.max(i + 1);
    }
}

/// The person named right after a cue of asking (`asked Sanders whether`, `pressed Ann
/// Cole on`): the name the mention grammar reads there, and its offset.
fn person_asked(text: &str, lex: &Lexicon, cue: Span) -> Option<(String, usize)> {
    let verb = cue.slice(text);
    if !(verb.starts_with("ask") || verb == "pressed" || verb == "questioned") {
        return None;
    }
    let mut end = (cue.end + 48).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let toks = crate::mention::tokenize(text, Span::new(cue.end, end));
    let g = Grammar { lex, text };
    // The run of name words, without a time word (`asked Trump Friday`).
    let run = toks
        .iter()
        .take(3)
        .take_while(|t| g.is_name_word(t) && !crate::mention::is_time_word(t.text(text)))
        .count();
    let m = (run > 0).then(|| g.classify(&toks[..run])).flatten()?;
    let name = m.name.filter(|_| m.kind == MentionKind::Person)?;
    Some((clean(name.slice(text)), name.start))
}

/// Resolves the mentions of a document's attributions into quotes.
pub fn resolve(
    text: &str,
    lex: &Lexicon,
    attributions: &[Attribution],
    names: NameScan,
) -> Vec<Quote> {
    let mut r = Resolver {
        text,
        lex,
        entities: Vec::new(),
        by_name: FxHashMap::default(),
        by_written: FxHashMap::default(),
        recency: Vec::new(),
        live: Vec::new(),
        stale: 0,
        named: Names::new(names.found),
    };
    let mut ent: Vec<Option<usize>> = Vec::with_capacity(attributions.len());
    for (k, a) in attributions.iter().enumerate() {
        let e = match (&a.mention, a.inherits) {
            (Some(m), _) => r.resolve(m, a.appositive),
            (None, Some(src)) if src < k => ent[src],
            _ => None,
        };
        if let Some(e) = e {
            r.touch(e, a.mention.as_ref().map_or(a.span.start, |m| m.span.start));
            // `Conroy asked Sanders whether ... “Sure it is,” he said.`: the person asked is
            // the likelier speaker of what comes next.
            if r.entities[e].person {
                if let Some((name, at)) = a.cue.and_then(|c| person_asked(text, lex, c)) {
                    let asked = r.entity_for_name(&name, None, None, at);
                    r.touch(asked, at);
                }
            }
        }
        ent.push(e);
    }
    // Quotes that take their speaker from a later quote (a multi-paragraph quote tagged in
    // its last paragraph, a fragment before the tagged quote of its sentence).
    for k in 0..attributions.len() {
        if let (None, Some(src)) = (&attributions[k].mention, attributions[k].inherits) {
            if src > k {
                ent[k] = ent[src];
            }
        }
    }
    attributions
        .iter()
        .zip(&ent)
        .map(|(a, e)| {
            let src = a.inherits.and_then(|s| attributions.get(s));
            let mention = a.mention.as_ref().or(src.and_then(|s| s.mention.as_ref()));
            let entity = e.map(|i| &r.entities[i]);
            // An inherited speaker is no surer than the attribution it comes from.
            let mut confidence = a
                .rule
                .confidence()
                .min(src.map_or(1.0, |s| s.rule.confidence()));
            if mention.is_some_and(|m| m.kind == MentionKind::Pronoun) {
                confidence *= 0.95;
            }
            if entity.is_none() && a.rule != Rule::Unattributed {
                confidence *= 0.6;
            }
            Quote {
                kind: a.kind,
                span: a.span,
                speaker: entity.map(|e| e.name.clone()),
                title: entity.and_then(|e| e.title.clone()),
                mention: mention.map(|m| m.span),
                cue: a.cue,
                rule: a.rule,
                confidence: (confidence * 100.0).round() / 100.0,
            }
        })
        .collect()
}
