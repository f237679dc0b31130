//! Finding a listed phrase in what a caller said, with the same analysis as
//! search: "roedd Mam wedi marw" matches `marw`, "yn yr ysbyty" matches
//! `ysbyty`, and mutated or inflected forms match their radicals. Callers mix
//! languages, so text is analysed as Welsh and as English and a phrase
//! counts if either reading contains it.

use crate::analysis::analyze;
use crate::lang::Lang;

/// Text analysed once, for many phrase checks.
pub struct Analysed {
    /// Per language: each content word's terms.
    words: [Vec<Vec<String>>; 2],
}

fn terms(lang: Lang, text: &str) -> Vec<Vec<String>> {
    analyze(lang, text)
        .into_iter()
        .filter(|w| !w.stop)
        .map(|w| w.terms.into_iter().map(|t| t.text).collect())
        .collect()
}

impl Analysed {
    /// Analyses `text` in both languages.
    pub fn new(text: &str) -> Self {
        Analysed {
            words: [terms(Lang::Cy, text), terms(Lang::En, text)],
        }
    }

    /// Whether `phrase` (in `lang`) occurs: its content words in order, each
    /// sharing a term with consecutive content words of the text.
    pub fn contains(&self, lang: Lang, phrase: &str) -> bool {
        let wanted = terms(lang, phrase);
        if wanted.is_empty() {
            return false;
        }
        let words = &self.words[lang as usize];
        words.windows(wanted.len()).any(|window| {
            window
                .iter()
                .zip(&wanted)
                .all(|(have, want)| have.iter().any(|t| want.contains(t)))
        })
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
        // Words must be in order and next to each other.
        let b = Analysed::new("the letter never came to my address");
        assert!(!b.contains(Lang::En, "never received"));
        assert!(Analysed::new("I never received it").contains(Lang::En, "never received"));
    }
}
