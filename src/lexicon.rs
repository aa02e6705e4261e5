//! Rule data: cue verbs, title words and given names, parsed from the files in `data/rules/`.
//!
//! The files are compiled into the binary, so the crate stands alone; [`Lexicon::parse`]
//! accepts the same formats for custom rule sets. Invalid data comes back as one
//! [`ErrorKind::RuleData`] listing every problem, never as a panic.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::error::{Error, ErrorKind, Result};

const CUES: &str = include_str!("../data/rules/cues.txt");
const TITLES: &str = include_str!("../data/rules/titles.txt");
const FEMALE: &str = include_str!("../data/rules/names_female.txt");
const MALE: &str = include_str!("../data/rules/names_male.txt");
const UNISEX: &str = include_str!("../data/rules/names_unisex.txt");
const PLACES: &str = include_str!("../data/rules/places.txt");

/// What a cue verb can do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CueClass {
    /// A verb of speaking that introduces or tags quoted words ("said", "told").
    Speech,
    /// A verb of reporting or belief ("believes", "argued that"), for reported clauses.
    Report,
    /// A fixed phrase before the source ("according to").
    Phrase,
}

/// One inflected form of a cue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CueForm {
    /// Class of the cue.
    pub class: CueClass,
    /// The form ends in -ing ("saying", "adding"): it attaches to a preceding clause.
    pub participle: bool,
    /// Number of words in the form ("pointed out" is 2).
    pub words: usize,
}

/// A speaker's grammatical gender as far as the text tells it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Gender {
    /// Referred to as "she".
    Female,
    /// Referred to as "he".
    Male,
}

/// Parsed rule data, shared read-only by all workers.
#[derive(Clone, Debug)]
pub struct Lexicon {
    /// First word of each cue form (lowercase) → the forms starting with it, as word lists.
    cues: HashMap<String, Vec<(Vec<String>, CueForm)>>,
    heads: HashSet<String>,
    modifiers: HashSet<String>,
    honorifics: HashSet<String>,
    gendered: HashMap<String, Gender>,
    names: HashMap<String, Gender>,
    /// Every title, honorific and name word (lowercase) → what it is, as `WORD_*` bits: one
    /// lookup answers all the questions asked of a word.
    words: HashMap<Box<[u8]>, u8>,
    /// Countries and capitals that speak for their government (lowercase, whole names).
    places: HashSet<Box<[u8]>>,
    /// For cue first words of ASCII letters: bit `len` of entry `[first][last]` (letters
    /// 0..26) is set when a cue first word has that shape. A word whose shape is not set
    /// starts no cue, with no hashing.
    cue_shapes: Box<[[u32; 26]; 26]>,
}

const WORD_HEAD: u8 = 1;
const WORD_MODIFIER: u8 = 2;
const WORD_HONORIFIC: u8 = 4;
const WORD_TITLE_F: u8 = 8;
const WORD_TITLE_M: u8 = 16;
const WORD_NAME_F: u8 = 32;
const WORD_NAME_M: u8 = 64;
const WORD_CUE: u8 = 128;

impl Lexicon {
    /// The rule data bundled with the crate.
    pub fn builtin() -> Result<Lexicon> {
        let mut lex = Lexicon::parse(CUES, TITLES, FEMALE, MALE)?;
        lex.add_places(PLACES)?;
        lex.add_unisex_names(UNISEX)?;
        Ok(lex)
    }

    /// Adds given names in the format of `data/rules/names_unisex.txt` (one capitalised name
    /// per line): they start a personal name like the gendered ones but suggest no gender.
    /// A name already in a gendered list is an error.
    pub fn add_unisex_names(&mut self, text: &str) -> Result<()> {
        let mut problems = Vec::new();
        for (n, line) in data_lines(text) {
            if !single_name("names_unisex.txt", n, line, &mut problems) {
                continue;
            }
            let lowercase = line.to_lowercase();
            if self.names.contains_key(&lowercase) {
                problems.push(format!(
                    "names_unisex.txt:{n}: {line} is in a gendered name list"
                ));
                continue;
            }
            for form in [lowercase.as_str(), line] {
                *self.words.entry(form.as_bytes().into()).or_default() |= WORD_NAME_F | WORD_NAME_M;
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(Error::new(ErrorKind::RuleData(problems)))
        }
    }

    /// Adds place names in the format of `data/rules/places.txt` (one capitalised name per
    /// line): a bare mention of one is an organisation speaker (`China said`), never a
    /// person.
    pub fn add_places(&mut self, text: &str) -> Result<()> {
        let mut problems = Vec::new();
        for (n, line) in data_lines(text) {
            if !line.starts_with(char::is_uppercase) {
                problems.push(format!("places.txt:{n}: not a capitalised name: {line:?}"));
                continue;
            }
            self.places.insert(lower(line).as_bytes().into());
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(Error::new(ErrorKind::RuleData(problems)))
        }
    }

    /// True when `name` is a listed place, case ignored.
    pub fn is_place(&self, name: &str) -> bool {
        !self.places.is_empty() && self.places.contains(lower(name).as_bytes())
    }

    /// Parses rule data in the formats of `data/rules/*.txt`.
    pub fn parse(cues: &str, titles: &str, female: &str, male: &str) -> Result<Lexicon> {
        let mut problems = Vec::new();
        let mut lex = Lexicon {
            cues: HashMap::default(),
            heads: HashSet::default(),
            modifiers: HashSet::default(),
            honorifics: HashSet::default(),
            gendered: HashMap::default(),
            names: HashMap::default(),
            words: HashMap::default(),
            places: HashSet::default(),
            cue_shapes: Box::new([[0; 26]; 26]),
        };
        lex.parse_cues(cues, &mut problems);
        lex.parse_titles(titles, &mut problems);
        for (text, gender, file) in [
            (female, Gender::Female, "names_female.txt"),
            (male, Gender::Male, "names_male.txt"),
        ] {
            for (n, line) in data_lines(text) {
                if !single_name(file, n, line, &mut problems) {
                    continue;
                }
                if let Some(prev) = lex.names.insert(line.to_lowercase(), gender) {
                    if prev != gender {
                        problems.push(format!("{file}:{n}: {line} is in both name lists"));
                    }
                }
            }
        }
        lex.index_words();
        if problems.is_empty() {
            Ok(lex)
        } else {
            Err(Error::new(ErrorKind::RuleData(problems)))
        }
    }

    fn index_words(&mut self) {
        let mut words: HashMap<Box<[u8]>, u8> = HashMap::default();
        let mut mark = |w: &String, bit: u8| *words.entry(w.as_bytes().into()).or_default() |= bit;
        self.heads.iter().for_each(|w| mark(w, WORD_HEAD));
        self.modifiers.iter().for_each(|w| mark(w, WORD_MODIFIER));
        self.honorifics.iter().for_each(|w| mark(w, WORD_HONORIFIC));
        self.cues.keys().for_each(|w| mark(w, WORD_CUE));
        let mut shapes = Box::new([[0u32; 26]; 26]);
        for w in self.cues.keys() {
            if let Some((f, l, len)) = shape(w) {
                shapes[f][l] |= 1 << len;
            } else {
                // A word the table cannot hold: no word is rejected by shape.
                shapes = Box::new([[u32::MAX; 26]; 26]);
                break;
            }
        }
        self.cue_shapes = shapes;
        for (w, g) in &self.gendered {
            mark(
                w,
                if *g == Gender::Female {
                    WORD_TITLE_F
                } else {
                    WORD_TITLE_M
                },
            );
        }
        for (w, g) in &self.names {
            mark(
                w,
                if *g == Gender::Female {
                    WORD_NAME_F
                } else {
                    WORD_NAME_M
                },
            );
        }
        // Capitalised forms too, so that `Senator` is found without lowercasing it first.
        let capitalised: Vec<(Box<[u8]>, u8)> = words
            .iter()
            .filter(|(w, _)| w.first().is_some_and(u8::is_ascii_lowercase))
            .map(|(w, &bits)| {
                let mut cap = w.clone();
                cap[0].make_ascii_uppercase();
                (cap, bits)
            })
            .collect();
        words.extend(capitalised);
        self.words = words;
    }

    /// The `WORD_*` bits of a word, case ignored.
    fn word_bits(&self, word: &str) -> u8 {
        // Lowercase and capitalised ASCII words are keys as they stand.
        let b = word.as_bytes();
        let plain = b
            .get(1..)
            .is_some_and(|rest| rest.iter().all(|c| c.is_ascii() && !c.is_ascii_uppercase()))
            && b[0].is_ascii();
        let bits = if plain {
            self.words.get(b)
        } else {
            self.words.get(lower(word).as_bytes())
        };
        bits.copied().unwrap_or(0)
    }

    fn parse_cues(&mut self, text: &str, problems: &mut Vec<String>) {
        let mut class = None;
        for (n, line) in data_lines(text) {
            if let Some(section) = section(line) {
                class = match section {
                    "speech" => Some(CueClass::Speech),
                    "report" => Some(CueClass::Report),
                    other => {
                        problems.push(format!("cues.txt:{n}: unknown section [{other}]"));
                        None
                    }
                };
                continue;
            }
            let Some(class) = class else {
                problems.push(format!("cues.txt:{n}: entry outside a section"));
                continue;
            };
            let Some((lemma, forms)) = line.split_once(':') else {
                problems.push(format!("cues.txt:{n}: expected `lemma: forms`"));
                continue;
            };
            let lemma = lemma.trim();
            if lemma == "phrase" {
                self.add_cue(forms.trim(), CueClass::Phrase, n, problems);
                continue;
            }
            if lemma.is_empty() || lemma.chars().any(char::is_uppercase) {
                problems.push(format!("cues.txt:{n}: lemmas are lowercase: {lemma:?}"));
                continue;
            }
            // Multi-word lemmas ("point out") have multi-word forms: split on the lemma's
            // particle count.
            let width = lemma.split_whitespace().count();
            let words: Vec<&str> = forms.split_whitespace().collect();
            if words.is_empty() || words.len() % width != 0 {
                problems.push(format!(
                    "cues.txt:{n}: forms of {lemma:?} do not fit its width"
                ));
                continue;
            }
            for form in words.chunks(width) {
                self.add_cue(&form.join(" "), class, n, problems);
            }
        }
    }

    fn add_cue(&mut self, form: &str, class: CueClass, n: usize, problems: &mut Vec<String>) {
        if form.is_empty() || form.chars().any(|c| c.is_uppercase()) {
            problems.push(format!("cues.txt:{n}: cue forms are lowercase: {form:?}"));
            return;
        }
        let words: Vec<String> = form.split_whitespace().map(str::to_owned).collect();
        let info = CueForm {
            class,
            participle: class != CueClass::Phrase && words[0].ends_with("ing"),
            words: words.len(),
        };
        let entry = self.cues.entry(words[0].clone()).or_default();
        if !entry.iter().any(|(w, _)| *w == words) {
            entry.push((words, info));
            // Longest forms first, so matching prefers "pointed out" to "pointed".
            entry.sort_by_key(|e| std::cmp::Reverse(e.1.words));
        }
    }

    fn parse_titles(&mut self, text: &str, problems: &mut Vec<String>) {
        let mut current = "";
        for (n, line) in data_lines(text) {
            if let Some(s) = section(line) {
                current = s;
                if !matches!(s, "heads" | "modifiers" | "honorifics" | "gendered") {
                    problems.push(format!("titles.txt:{n}: unknown section [{s}]"));
                }
                continue;
            }
            if line.chars().any(char::is_uppercase) {
                problems.push(format!("titles.txt:{n}: entries are lowercase: {line:?}"));
                continue;
            }
            match current {
                "heads" => {
                    // Multi-word heads ("press secretary") count by their last word.
                    let last = line.rsplit(' ').next().unwrap_or(line);
                    self.heads.insert(last.to_owned());
                }
                "modifiers" => {
                    self.modifiers.insert(line.to_owned());
                }
                "honorifics" => {
                    self.honorifics.insert(line.to_owned());
                }
                "gendered" => match line.split_once(':').map(|(w, g)| (w.trim(), g.trim())) {
                    Some((w, "f")) => {
                        self.gendered.insert(w.to_owned(), Gender::Female);
                    }
                    Some((w, "m")) => {
                        self.gendered.insert(w.to_owned(), Gender::Male);
                    }
                    _ => problems.push(format!("titles.txt:{n}: expected `word: f` or `word: m`")),
                },
                _ => problems.push(format!("titles.txt:{n}: entry outside a section")),
            }
        }
    }

    /// The cue form starting at `words[0]` (lowercased words), longest first.
    pub fn cue_at<S: AsRef<str>>(&self, words: &[S]) -> Option<CueForm> {
        let first = words.first()?.as_ref();
        let forms = self.cues.get(&*lower(first))?;
        forms
            .iter()
            .find(|(w, _)| {
                w.len() <= words.len()
                    && w.iter()
                        .zip(words)
                        .all(|(a, b)| a.eq_ignore_ascii_case(b.as_ref()))
            })
            .map(|&(_, form)| form)
    }

    /// True when `word` is a title head ("secretary", "Advisor", "spokeswoman").
    pub fn is_title_head(&self, word: &str) -> bool {
        self.word_bits(word.trim_end_matches('.')) & WORD_HEAD != 0
    }

    /// True when `word` is a title head or an honorific: one lookup for both.
    pub fn is_title_head_or_honorific(&self, word: &str) -> bool {
        self.word_bits(word.trim_end_matches('.')) & (WORD_HEAD | WORD_HONORIFIC) != 0
    }

    /// True when `word` may stand in a title before a name: a head, an honorific or a
    /// modifier ("Deputy", "Sen.", "trade").
    pub fn is_title_word(&self, word: &str) -> bool {
        let trimmed = word.trim_end_matches('.');
        let bits = self.word_bits(trimmed);
        bits & (WORD_HEAD | WORD_HONORIFIC) != 0
            || if trimmed.len() == word.len() {
                bits & WORD_MODIFIER != 0
            } else {
                self.is_title_modifier(word)
            }
    }

    /// True when `word` may stand inside a title without being its head ("deputy", "trade").
    pub fn is_title_modifier(&self, word: &str) -> bool {
        self.word_bits(word) & WORD_MODIFIER != 0
    }

    /// True for courtesy forms that are not titles of office (Mr, Mrs, Ms, Miss, Mx).
    pub fn is_courtesy(&self, word: &str) -> bool {
        matches!(
            &*lower(word.trim_end_matches('.')),
            "mr" | "mrs" | "ms" | "miss" | "mx" | "messrs"
        )
    }

    /// True when `word` is an honorific written before names ("Mr", "Sen.", "Dr").
    pub fn is_honorific(&self, word: &str) -> bool {
        self.word_bits(word.trim_end_matches('.')) & WORD_HONORIFIC != 0
    }

    /// The gender a title or honorific implies ("spokeswoman", "Mrs").
    pub fn title_gender(&self, word: &str) -> Option<Gender> {
        gender(
            self.word_bits(word.trim_end_matches('.')),
            WORD_TITLE_F,
            WORD_TITLE_M,
        )
    }

    /// The gender a given name suggests, if the name is in the lists.
    pub fn name_gender(&self, word: &str) -> Option<Gender> {
        gender(self.word_bits(word), WORD_NAME_F, WORD_NAME_M)
    }

    /// True when `word` (case ignored) is the first word of a cue form: a quick test before
    /// [`Lexicon::cue_at`].
    pub fn may_start_cue(&self, word: &str) -> bool {
        if let Some((f, l, len)) = shape(word) {
            if self.cue_shapes[f][l] & (1 << len) == 0 {
                return false;
            }
        }
        self.word_bits(word) & WORD_CUE != 0
    }

    /// True when `word` is a known given name.
    pub fn is_given_name(&self, word: &str) -> bool {
        self.word_bits(word) & (WORD_NAME_F | WORD_NAME_M) != 0
    }
}

/// The first and last letters (0..26, case ignored) and the length of an ASCII word of
/// letters of 1 to 31 bytes, for the cue shape table.
fn shape(word: &str) -> Option<(usize, usize, usize)> {
    let b = word.as_bytes();
    let (first, last) = (b.first()?, b.last()?);
    if b.len() > 31 || !first.is_ascii_alphabetic() || !last.is_ascii_alphabetic() {
        return None;
    }
    let f = (first.to_ascii_lowercase() - b'a') as usize;
    let l = (last.to_ascii_lowercase() - b'a') as usize;
    Some((f, l, b.len()))
}

/// True when `line` of a name list is one capitalised word; else a problem is recorded.
fn single_name(file: &str, n: usize, line: &str, problems: &mut Vec<String>) -> bool {
    let ok = !line.contains(char::is_whitespace) && line.starts_with(char::is_uppercase);
    if !ok {
        problems.push(format!(
            "{file}:{n}: not a capitalised single name: {line:?}"
        ));
    }
    ok
}

/// The gender the bits suggest: none when neither or both are set (a unisex name).
fn gender(bits: u8, female: u8, male: u8) -> Option<Gender> {
    match (bits & female != 0, bits & male != 0) {
        (true, false) => Some(Gender::Female),
        (false, true) => Some(Gender::Male),
        _ => None,
    }
}

/// Lowercases a word for lookup: borrowed when it is already lowercase ASCII, on the stack
/// when it is short ASCII, on the heap only otherwise.
fn lower(word: &str) -> Lower<'_> {
    if !word.is_ascii() {
        Lower::Owned(word.to_lowercase())
    } else if !word.bytes().any(|b| b.is_ascii_uppercase()) {
        Lower::Borrowed(word)
    } else if word.len() <= LOWER_STACK {
        let mut buf = [0u8; LOWER_STACK];
        buf[..word.len()].copy_from_slice(word.as_bytes());
        buf[..word.len()].make_ascii_lowercase();
        Lower::Stack(buf, word.len())
    } else {
        Lower::Owned(word.to_ascii_lowercase())
    }
}

const LOWER_STACK: usize = 32;

/// A lowercased word (see [`lower`]).
enum Lower<'a> {
    Borrowed(&'a str),
    Stack([u8; LOWER_STACK], usize),
    Owned(String),
}

impl Lower<'_> {
    fn as_bytes(&self) -> &[u8] {
        match self {
            Lower::Borrowed(s) => s.as_bytes(),
            Lower::Stack(buf, n) => &buf[..*n],
            Lower::Owned(s) => s.as_bytes(),
        }
    }
}

impl std::ops::Deref for Lower<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        match self {
            Lower::Borrowed(s) => s,
            // Only ASCII is ever copied to the stack, so this cannot fail.
            Lower::Stack(buf, n) => std::str::from_utf8(&buf[..*n]).unwrap_or_default(),
            Lower::Owned(s) => s,
        }
    }
}

fn data_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim()))
        .filter(|(_, l)| !l.is_empty() && !l.starts_with('#'))
}

fn section(line: &str) -> Option<&str> {
    line.strip_prefix('[')?.strip_suffix(']')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_rule_data_is_valid() {
        let lex = Lexicon::builtin().unwrap();
        assert_eq!(lex.cue_at(&["said"]).unwrap().class, CueClass::Speech);
        assert!(lex.cue_at(&["saying"]).unwrap().participle);
        assert_eq!(
            lex.cue_at(&["According", "to"]).unwrap().class,
            CueClass::Phrase
        );
        assert_eq!(lex.cue_at(&["pointed", "out", "that"]).unwrap().words, 2);
        assert_eq!(lex.cue_at(&["believes"]).unwrap().class, CueClass::Report);
        assert!(lex.cue_at(&["table"]).is_none());
        assert!(lex.is_title_head("Advisor"));
        assert!(lex.is_title_head("secretary"));
        assert!(lex.is_honorific("Sen."));
        assert_eq!(lex.title_gender("spokeswoman"), Some(Gender::Female));
        assert_eq!(lex.name_gender("Helen"), Some(Gender::Female));
    }

    #[test]
    fn unisex_names_start_a_name_and_suggest_no_gender() {
        let lex = Lexicon::builtin().unwrap();
        for name in ["Chris", "chris", "Kelly", "Robin"] {
            assert!(lex.is_given_name(name), "{name}");
            assert_eq!(lex.name_gender(name), None, "{name}");
        }
        let mut lex = Lexicon::parse("", "", "Ann\n", "Tom\n").unwrap();
        lex.add_unisex_names("Sam\n").unwrap();
        assert!(lex.is_given_name("Sam") && lex.name_gender("Sam").is_none());
        assert_eq!(lex.name_gender("Ann"), Some(Gender::Female));
        let err = lex
            .add_unisex_names("Tom\nlower\n")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("names_unisex.txt:1: Tom is in a gendered name list"),
            "{err}"
        );
        assert!(
            err.contains("names_unisex.txt:2: not a capitalised"),
            "{err}"
        );
    }

    #[test]
    fn invalid_rule_data_lists_every_problem() {
        let err = Lexicon::parse(
            "say: says said\n[speech]\nShout: shouts\nnoforms\n",
            "[heads]\nMayor\n[bogus]\n",
            "jane\n",
            "",
        )
        .unwrap_err();
        let ErrorKind::RuleData(problems) = err.kind() else {
            panic!("wrong kind: {err}");
        };
        assert_eq!(problems.len(), 6, "{problems:#?}");
        assert!(problems[0].starts_with("cues.txt:1:"));
    }
}
