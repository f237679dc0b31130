//! Text analysis for search, in Welsh and English.
//!
//! [`analyze`] turns text into [`Word`]s: folded surface forms with positions
//! and byte offsets, flagged when they are stop words, each with the terms it
//! should match. The index and the query builder both use it, so documents and
//! queries are always analysed the same way. Nothing here knows about tantivy.

pub mod detect;
pub mod english;
pub mod filler;
mod fold;
pub mod phrase;
pub mod tokenize;
pub mod welsh;

pub use self::fold::fold;

use std::sync::{Arc, OnceLock};

use crate::lang::Lang;

/// Changes whenever analysis changes what it emits (or what an index folder
/// holds), so indexes built by an older version are rebuilt.
pub const ANALYSIS_VERSION: u32 = 6;

/// How a term relates to the word it came from. Ranking prefers `Exact`, then
/// `Lemma`, then `Rule`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Tier {
    /// The word itself (folded).
    Exact,
    /// A lemma from the lexicon, or an English stem.
    Lemma,
    /// A form only the mutation and suffix rules suggest, confirmed as a real
    /// word by the lexicon.
    Rule,
}

/// One term a word should match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// The folded term.
    pub text: String,
    /// How sure we are that it means the same as the word.
    pub tier: Tier,
}

impl Term {
    fn new(text: &str, tier: Tier) -> Self {
        Term {
            text: text.to_string(),
            tier,
        }
    }
}

/// A word of analysed text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// The folded surface form.
    pub surface: String,
    /// Position in words from the start (stop words count).
    pub position: usize,
    /// Byte offset of the word in the text.
    pub from: usize,
    /// Byte offset just past the word.
    pub to: usize,
    /// A function word that search ignores.
    pub stop: bool,
    /// The terms it matches, best tier first; the first is always the surface
    /// form. Empty for stop words.
    pub terms: Vec<Term>,
}

/// Longest word analysed; longer runs of letters are cut (they are never real
/// words and would only bloat the index).
const MAX_WORD_BYTES: usize = 64;

/// Bytes of expansions remembered per language by [`expand`]. Bounded by
/// bytes, so a stream of new words (numbers, names, typos) cannot grow the
/// process; the words that keep coming back stay.
const CACHE_BYTES: u64 = 8 * 1024 * 1024;

/// Weighs a remembered expansion by the bytes it holds.
#[derive(Debug, Clone, Copy, Default)]
struct ExpansionWeight;

impl quick_cache::Weighter<String, Arc<[Term]>> for ExpansionWeight {
    fn weight(&self, word: &String, terms: &Arc<[Term]>) -> u64 {
        let strings: usize = terms.iter().map(|t| t.text.capacity()).sum();
        (word.capacity() + terms.len() * std::mem::size_of::<Term>() + strings + 64) as u64
    }
}

/// The terms a folded, non-stop word matches, best tier first.
///
/// Results are memoised: indexing, querying and highlighting meet the same
/// few thousand words again and again, and a Welsh expansion costs a dozen
/// lexicon look-ups, an English one a run of the stemmer.
pub fn expand(lang: Lang, folded: &str) -> Arc<[Term]> {
    type Cache = quick_cache::sync::Cache<String, Arc<[Term]>, ExpansionWeight>;
    static CACHES: OnceLock<[Cache; 2]> = OnceLock::new();
    let caches = CACHES.get_or_init(|| {
        let cache = || Cache::with_weighter(50_000, CACHE_BYTES, ExpansionWeight);
        [cache(), cache()]
    });
    let cache = &caches[lang as usize];
    if let Some(terms) = cache.get(folded) {
        return terms;
    }
    let terms: Arc<[Term]> = match lang {
        Lang::Cy => welsh::expand(folded),
        Lang::En => english::expand(folded),
    }
    .into();
    cache.insert(folded.to_string(), terms.clone());
    terms
}

/// Whether a folded word says "not" in `lang`. Most are stop words, which
/// search rightly ignores, but a phrase such as "I can't read" must not be
/// found in "I read the letter". English `n't` is split off as `t`; Welsh
/// `dwi'm` ("I'm not") leaves `m`, and South Walian `sa i`, `smo`, `sdim`
/// deny too.
pub fn is_negation(lang: Lang, folded: &str) -> bool {
    match lang {
        Lang::En => NEGATIONS_EN.binary_search(&folded).is_ok(),
        Lang::Cy => NEGATIONS_CY.binary_search(&folded).is_ok(),
    }
}

/// Sorted, folded: English words that deny (with `n't` forms typed
/// without the apostrophe).
const NEGATIONS_EN: &[&str] = &[
    "aint", "arent", "cannot", "cant", "couldnt", "didnt", "doesnt", "dont", "hasnt", "havent",
    "isnt", "never", "no", "not", "shouldnt", "t", "wasnt", "werent", "without", "wont", "wouldnt",
];
/// Sorted, folded: Welsh words that deny ("heb", without, also makes the
/// negative perfect: "dw i heb weld").
const NEGATIONS_CY: &[&str] = &[
    "ddim", "dim", "heb", "m", "na", "nac", "nad", "nag", "nid", "sa", "sai", "sdim", "smo",
];

/// Whether a folded word is a stop word in `lang`; `clitic` marks a word split
/// off after an apostrophe (`'r`, `'n`, `'s`).
fn is_stop(lang: Lang, folded: &str, clitic: bool) -> bool {
    match lang {
        Lang::Cy => {
            let word = if clitic {
                welsh::clitic_word(folded).unwrap_or(folded)
            } else {
                folded
            };
            welsh::is_stop_word(word)
        }
        Lang::En => clitic || english::is_stop_word(folded),
    }
}

/// A text read once for highlighting: where each word is, and which words
/// each term would mark. Reading is the dear part of highlighting (every
/// word folded, every new word expanded); a searcher keeps these per
/// document, so marking a popular article costs a look-up per query term,
/// not a reading per search.
#[derive(Debug, Clone)]
pub struct Markable {
    words: Vec<Place>,
    /// Distinct folded words, by [`Place::form`].
    forms: Vec<String>,
    /// For each term, the forms it marks: a word's surface and every term
    /// its analysis gives (stop words mark nothing).
    marked_by: std::collections::HashMap<String, Vec<u32>>,
}

/// Where a word of a [`Markable`] text is.
#[derive(Debug, Clone, Copy)]
pub struct Place {
    /// Byte offset of the word.
    pub from: usize,
    /// Byte offset just past it.
    pub to: usize,
    form: u32,
}

impl Markable {
    /// Reads `text` as `lang`.
    pub fn new(lang: Lang, text: &str) -> Self {
        let mut forms: Vec<String> = Vec::new();
        let mut marked_by: std::collections::HashMap<String, Vec<u32>> =
            std::collections::HashMap::new();
        // A text says the same words again and again: each is read once.
        let mut seen: std::collections::HashMap<(String, bool), u32> =
            std::collections::HashMap::new();
        let words = tokenize::words(text)
            .into_iter()
            .map(|raw| {
                let key = (fold(raw.text), raw.clitic);
                let form = *seen.entry(key).or_insert_with_key(|(folded, clitic)| {
                    let form = forms.len() as u32;
                    forms.push(folded.clone());
                    if folded.len() <= MAX_WORD_BYTES && !is_stop(lang, folded, *clitic) {
                        let expanded = expand(lang, folded);
                        let terms = std::iter::once(folded.as_str())
                            .chain(expanded.iter().map(|t| t.text.as_str()));
                        for term in terms {
                            let marks = marked_by.entry(term.to_string()).or_default();
                            if marks.last() != Some(&form) {
                                marks.push(form);
                            }
                        }
                    }
                    form
                });
                Place {
                    from: raw.from,
                    to: raw.to,
                    form,
                }
            })
            .collect();
        Markable {
            words,
            forms,
            marked_by,
        }
    }

    /// Every word, stop words included, in order.
    pub fn words(&self) -> &[Place] {
        &self.words
    }

    /// The words that match any of `terms`: byte range and folded surface.
    pub fn matches(&self, terms: &std::collections::HashSet<String>) -> Vec<(usize, usize, &str)> {
        let mut hit = vec![false; self.forms.len()];
        for forms in terms.iter().filter_map(|t| self.marked_by.get(t)) {
            for &f in forms {
                hit[f as usize] = true;
            }
        }
        self.words
            .iter()
            .filter(|w| hit[w.form as usize])
            .map(|w| (w.from, w.to, self.forms[w.form as usize].as_str()))
            .collect()
    }

    /// Roughly the bytes it holds.
    pub fn bytes(&self) -> usize {
        use std::mem::size_of;
        self.words.capacity() * size_of::<Place>()
            + self
                .forms
                .iter()
                .map(|s| size_of::<String>() + s.capacity())
                .sum::<usize>()
            + self
                .marked_by
                .iter()
                .map(|(t, f)| size_of::<(String, Vec<u32>)>() + t.capacity() + f.capacity() * 4)
                .sum::<usize>()
    }
}

/// Text read as Welsh and as English at once. Callers mix languages, so
/// the assistant's rules, its classifier and search all read both; a turn
/// is read once and every one of them shares the reading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    words: [Vec<Word>; 2],
}

impl Reading {
    /// Reads `text` in both languages.
    pub fn new(text: &str) -> Self {
        Reading {
            words: [analyze(Lang::Cy, text), analyze(Lang::En, text)],
        }
    }

    /// The words as `lang` reads them, stop words included.
    pub fn words(&self, lang: Lang) -> &[Word] {
        &self.words[lang as usize]
    }
}

/// Analyses `text` as language `lang`.
pub fn analyze(lang: Lang, text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    for (position, raw) in tokenize::words(text).into_iter().enumerate() {
        let mut surface = fold(raw.text);
        if surface.len() > MAX_WORD_BYTES {
            let mut cut = MAX_WORD_BYTES;
            while !surface.is_char_boundary(cut) {
                cut -= 1;
            }
            surface.truncate(cut);
        }
        let stop = is_stop(lang, &surface, raw.clitic);
        let terms = if stop {
            Vec::new()
        } else {
            expand(lang, &surface).to_vec()
        };
        out.push(Word {
            surface,
            position,
            from: raw.from,
            to: raw.to,
            stop,
            terms,
        });
    }
    out
}

/// Normalised keys of a short phrase (a keyword, a title or a whole query),
/// used to reward a query that says exactly what an editor's keyword says:
/// the folded content words, and the same with each word replaced by its
/// lemma or radical (`sut i wneud cwyn` and `sut mae gwneud cwyn` share
/// `gwneud cwyn`). Stop words never count.
pub fn phrase_keys(lang: Lang, text: &str) -> Vec<String> {
    let words: Vec<Word> = analyze(lang, text)
        .into_iter()
        .filter(|w| !w.stop)
        .collect();
    if words.is_empty() {
        return Vec::new();
    }
    let surface = words
        .iter()
        .map(|w| w.surface.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let normal = words
        .iter()
        .map(|w| {
            w.terms
                .iter()
                .find(|t| t.tier != Tier::Exact)
                .map_or(w.surface.as_str(), |t| t.text.as_str())
        })
        .collect::<Vec<_>>()
        .join(" ");
    if normal == surface {
        vec![surface]
    } else {
        vec![surface, normal]
    }
}

/// Whether two words match: their expansions share a term. This is the
/// relation search relies on, exposed for tests and diagnostics.
pub fn words_match(lang: Lang, a: &str, b: &str) -> bool {
    let terms = |s: &str| -> Vec<String> {
        analyze(lang, s)
            .into_iter()
            .flat_map(|w| w.terms.into_iter().map(|t| t.text))
            .collect()
    };
    let (ta, tb) = (terms(a), terms(b));
    ta.iter().any(|t| tb.contains(t))
}
