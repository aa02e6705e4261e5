//! Resolution: turns each attribution's mention into a speaker and title within the
//! document. A surname resolves to the full name given earlier (or later) in the text, a
//! pronoun to the last compatible named speaker, "the senator" to the last speaker with that
//! title; organisations and descriptions stay as written.
//!
//! Invariant: works on one document at a time and keeps no state between documents.

use crate::attribute::Attribution;
use crate::lexicon::{Gender, Lexicon};
use crate::mention::{tokenize, Grammar, Mention, MentionKind, TokKind};
use crate::span::Span;
use crate::types::{Quote, Rule};

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

struct Resolver<'a> {
    text: &'a str,
    lex: &'a Lexicon,
    entities: Vec<Entity>,
    /// Entity indices in order of their latest attribution (most recent last), with the
    /// offset of that attribution's mention.
    recency: Vec<(usize, usize)>,
    named: Option<Vec<Named>>,
}

impl<'a> Resolver<'a> {
    /// Persons named anywhere in the text, found on first use.
    fn named(&mut self) -> &[Named] {
        if self.named.is_none() {
            self.named = Some(scan_names(self.text, self.lex));
        }
        self.named.as_deref().unwrap_or_default()
    }

    fn touch(&mut self, e: usize, at: usize) {
        self.recency.retain(|&(x, _)| x != e);
        self.recency.push((e, at));
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
            self.entities
                .iter()
                .position(|e| e.name == name)
                .or_else(|| {
                    // An entity known so far only by surname takes the full name.
                    self.entities.iter().position(|e| {
                        e.person && !e.name.contains(' ') && e.name == *words.last().unwrap_or(&"")
                    })
                })
        } else {
            let w = base(name);
            self.recency
                .iter()
                .rev()
                .map(|&(i, _)| i)
                .find(|&i| {
                    self.entities[i].person
                        && (self.entities[i].surname() == w
                            || ends_with_surname(&self.entities[i].name, w))
                })
                .or_else(|| {
                    self.recency.iter().rev().map(|&(i, _)| i).find(|&i| {
                        self.entities[i].person && self.entities[i].words().any(|x| x == w)
                    })
                })
        };
        let idx = match found {
            Some(i) => {
                if !surname_only && !self.entities[i].name.contains(' ') {
                    self.entities[i].name = name.to_owned();
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
                    let hit = named
                        .iter()
                        .rev()
                        .filter(|n| n.at <= at)
                        .chain(named.iter().filter(|n| n.at > at))
                        .find(|n| {
                            n.name.split(' ').count() >= 2
                                && (n.name.rsplit(' ').next() == Some(w)
                                    || ends_with_surname(&n.name, w))
                        });
                    if let Some(n) = hit {
                        full = (n.name.clone(), n.title.clone(), n.gender);
                    }
                }
                if let Some(i) = self.entities.iter().position(|e| e.name == full.0) {
                    i
                } else {
                    self.entities.push(Entity {
                        name: full.0,
                        title: full.1,
                        gender: full.2,
                        person: true,
                    });
                    self.entities.len() - 1
                }
            }
        };
        let title = title.or_else(|| {
            if self.entities[idx].title.is_some() {
                return None;
            }
            let full = self.entities[idx].name.clone();
            self.named()
                .iter()
                .find(|n| n.name == full && n.title.is_some())
                .and_then(|n| n.title.clone())
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
                match w.as_str() {
                    "he" | "she" => {
                        let want = m.gender;
                        let compatible =
                            |e: &Entity| e.person && (e.gender.is_none() || e.gender == want);
                        let at = m.span.start;
                        let speaker = self
                            .recency
                            .iter()
                            .rev()
                            .copied()
                            .find(|&(i, _)| compatible(&self.entities[i]));
                        // A person who opens a sentence after that speaker's last quote is
                        // the likelier referent: `His wife Gina Russo is behind him. “...,”
                        // she laughed.`
                        let since = speaker.map_or(0, |(_, a)| a);
                        let subject = self
                            .named()
                            .iter()
                            .rev()
                            .find(|n| {
                                n.subject
                                    && n.at > since
                                    && n.at < at
                                    && n.gender.is_some()
                                    && n.gender == want
                            })
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
                            .iter()
                            .rev()
                            .find(|n| n.at < at && (n.gender.is_none() || n.gender == want))
                            .cloned()?;
                        Some(self.entity_for_name(&hit.name, hit.title, hit.gender, hit.at))
                    }
                    "they" | "it" => self
                        .recency
                        .last()
                        .map(|&(i, _)| i)
                        .filter(|&i| !self.entities[i].person || w == "they"),
                    _ => None,
                }
            }
            MentionKind::Org | MentionKind::Description => {
                let written = clean(m.antecedent.unwrap_or(m.span).slice(text));
                // "the senator" → the last speaker titled senator.
                let lower = written.to_lowercase();
                if let Some(head) = lower.strip_prefix("the ") {
                    if !head.contains(' ') && self.lex.is_title_head(head) {
                        let hit = self.recency.iter().rev().map(|&(i, _)| i).find(|&i| {
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
                            .iter()
                            .rev()
                            .find(|n| {
                                n.at < at
                                    && n.title.as_deref().is_some_and(|t| title_matches(t, head))
                            })
                            .cloned();
                        if let Some(n) = named {
                            return Some(self.entity_for_name(&n.name, n.title, n.gender, n.at));
                        }
                    }
                }
                if let Some(i) = self
                    .entities
                    .iter()
                    .position(|e| !e.person && e.name.eq_ignore_ascii_case(&written))
                {
                    return Some(i);
                }
                self.entities.push(Entity {
                    name: written,
                    title,
                    gender: m.gender,
                    person: false,
                });
                Some(self.entities.len() - 1)
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

/// Persons named in the text: capitalised name words after a title, starting with a known
/// given name, or followed by an appositive title (`Jordan Pike, executive director of ...`).
fn scan_names(text: &str, lex: &Lexicon) -> Vec<Named> {
    let g = Grammar { lex, text };
    let toks = tokenize(text, Span::new(0, text.len()));
    let mut out = Vec::new();
    let mut sentence_start = 0;
    let mut i = 0;
    while i < toks.len() {
        if i > 0
            && (toks[i - 1].is('.')
                || toks[i - 1].is('!')
                || toks[i - 1].is('?')
                || text[toks[i - 1].span.end..toks[i].span.start].contains('\n'))
        {
            sentence_start = i;
        }
        if !g.is_name_word(&toks[i]) {
            i += 1;
            continue;
        }
        let mut j = i;
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
            lex.is_title_head(w)
                || lex.is_honorific(w)
                || lex.is_title_modifier(w)
                || w.starts_with(char::is_uppercase)
        } {
            s -= 1;
        }
        let found = (s..=i).find_map(|s| {
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
            if n_words >= 2 && (titled || appositive || lex.is_given_name(first))
                || titled && n_words == 1
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
    out
}

/// Resolves the mentions of a document's attributions into quotes.
pub fn resolve(text: &str, lex: &Lexicon, attributions: &[Attribution]) -> Vec<Quote> {
    let mut r = Resolver {
        text,
        lex,
        entities: Vec::new(),
        recency: Vec::new(),
        named: None,
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
            let mut confidence = a.rule.confidence();
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
