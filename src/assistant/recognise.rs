//! Finding a listed phrase in what a caller said, with the same analysis as
//! search: "roedd Mam wedi marw" matches `marw`, "yn yr ysbyty" matches
//! `ysbyty`, and mutated or inflected forms match their radicals. Callers mix
//! languages, so text is analysed as Welsh and as English and a phrase
//! counts if either reading contains it.

use std::sync::{Arc, OnceLock};

use crate::analysis::Reading;
pub use crate::analysis::phrase::ContentWord;
use crate::analysis::phrase::{Phrase, content_words};
use crate::lang::Lang;

pub use crate::analysis::phrase::MAX_GAP;

/// A turn's text analysed once, as Welsh and as English: the phrase rules,
/// the classifier and search all read this one form.
#[derive(Debug, Clone)]
pub struct Analysed {
    /// The reading search uses.
    reading: Arc<Reading>,
    /// Per language: each content word.
    words: [Vec<ContentWord>; 2],
}

/// The terms of each content word of a listed phrase. Phrases are the
/// editors' and few, and every turn looks for all of them, so each is
/// analysed once. Remembered by where the phrase lives (no allocation to
/// look one up) and checked against its text, so a phrase of a newer
/// knowledge base at a reused address is never mistaken for an old one.
fn terms(lang: Lang, phrase: &str) -> Arc<Phrase> {
    type Key = (Lang, usize, usize);
    type Cache = quick_cache::sync::Cache<Key, (Arc<str>, Arc<Phrase>), PhraseWeight>;
    static CACHE: OnceLock<Cache> = OnceLock::new();
    let cache = CACHE.get_or_init(|| Cache::with_weighter(4_096, 2 * 1024 * 1024, PhraseWeight));
    let key = (lang, phrase.as_ptr() as usize, phrase.len());
    if let Some((text, terms)) = cache.get(&key)
        && &*text == phrase
    {
        return terms;
    }
    let terms = Arc::new(Phrase::new(lang, phrase));
    cache.insert(key, (Arc::from(phrase), terms.clone()));
    terms
}

/// Weighs a remembered phrase by the bytes it holds.
#[derive(Debug, Clone, Copy, Default)]
struct PhraseWeight;

impl quick_cache::Weighter<(Lang, usize, usize), (Arc<str>, Arc<Phrase>)> for PhraseWeight {
    fn weight(&self, _: &(Lang, usize, usize), value: &(Arc<str>, Arc<Phrase>)) -> u64 {
        let strings: usize = value.1.words.iter().flatten().map(|t| t.len() + 24).sum();
        (value.0.len() + strings + 64) as u64
    }
}

impl Analysed {
    /// Analyses `text` in both languages.
    pub fn new(text: &str) -> Self {
        Analysed::of(Arc::new(Reading::new(text)))
    }

    /// The content words of text already read.
    pub fn of(reading: Arc<Reading>) -> Self {
        Analysed {
            words: Lang::ALL.map(|l| content_words(l, reading.words(l))),
            reading,
        }
    }

    /// The reading, to hand to search.
    pub fn reading(&self) -> &Arc<Reading> {
        &self.reading
    }

    /// The content words as `lang` reads them (its stop words left out).
    pub fn words(&self, lang: Lang) -> &[ContentWord] {
        &self.words[lang as usize]
    }

    /// Whether `phrase` (in `lang`) occurs: its content words in order, each
    /// sharing a term with a word of the text, with at most [`MAX_GAP`]
    /// other words between two of them ("bu farw fy mrawd yn y ddalfa"
    /// contains "marw yn y ddalfa").
    /// A phrase that says "not" needs a "not" too (see
    /// [`Phrase::occurs_in`]).
    pub fn contains(&self, lang: Lang, phrase: &str) -> bool {
        terms(lang, phrase).occurs_in(&self.words[lang as usize])
    }

    /// The first of `phrases` (per language) found, if any.
    pub fn first_match<'a>(
        &self,
        phrases: &'a crate::lang::Bilingual<Vec<String>>,
    ) -> Option<&'a str> {
        Lang::ALL.into_iter().find_map(|lang| {
            phrases
                .get(lang)
                .iter()
                .find(|p| self.contains(lang, p))
                .map(String::as_str)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_match_through_mutation_and_across_languages() {
        let a = Analysed::new("Roeddwn i yn yr ysbyty am fis, and then my father died");
        assert!(a.contains(Lang::Cy, "ysbyty"));
        assert!(a.contains(Lang::En, "died"));
        assert!(!a.contains(Lang::En, "funeral"));
        // Soft mutation: "gŵyn" finds "cwyn".
        assert!(Analysed::new("mae gen i gŵyn").contains(Lang::Cy, "cwyn"));
        // Words must be in order, with at most one word between them.
        let b = Analysed::new("the letter never came to my address");
        assert!(!b.contains(Lang::En, "never received"));
        assert!(!Analysed::new("received it, never").contains(Lang::En, "never received"));
        assert!(
            Analysed::new("bu farw fy mrawd yn y ddalfa").contains(Lang::Cy, "marw yn y ddalfa")
        );
        assert!(Analysed::new("I never received it").contains(Lang::En, "never received"));
        // One word between is allowed; two are not.
        assert!(Analysed::new("I never actually received it").contains(Lang::En, "never received"));
        assert!(
            !Analysed::new("I never really truly received it").contains(Lang::En, "never received")
        );
    }
}
