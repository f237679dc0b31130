//! Expanding a query with what it means besides what it says: the
//! glossary's term in the other language ("whistleblowing" in a Welsh
//! search adds "chwythu'r chwiban") and the thesaurus's standard term for a
//! caller's word ("copper" adds "police officer", "nain" adds "mam-gu").
//!
//! Each rule is analysed once, when the searcher opens, so a query costs a
//! scan of word keys, not an analysis per rule.

use crate::analysis::{Term, Word, analyze};
use crate::index::expansions::{Expansion, Origin};
use crate::lang::Lang;

/// How much a word added by a glossary pair counts against a word typed.
const GLOSSARY_WEIGHT: f32 = 0.5;
/// How much a word added by the thesaurus counts: it is what the caller
/// meant, in the guidance's words, so nearly as much as a typed word.
const THESAURUS_WEIGHT: f32 = 0.8;

/// A word an expansion adds.
#[derive(Debug, Clone)]
pub struct Added {
    /// Folded surface.
    pub surface: String,
    /// Its terms.
    pub terms: Vec<Term>,
    /// How much it counts.
    pub weight: f32,
}

#[derive(Debug, Clone)]
struct Rule {
    /// The key of each content word of what triggers it.
    keys: Vec<String>,
    adds: Vec<Added>,
}

/// The key a word is compared by: a content word's best analysed form
/// (stem, lemma or radical), so "coppers" triggers "copper"; a stop word's
/// surface, so "cwyno dros" needs its "dros" and is not just "cwyno".
pub fn key(word: &Word) -> &str {
    word.terms
        .last()
        .map_or(word.surface.as_str(), |t| t.text.as_str())
}

/// Compiled expansions, by the language of the search and the language the
/// query is read in.
#[derive(Debug, Clone, Default)]
pub struct Expander {
    /// `[search lang][read as]`.
    rules: [[Vec<Rule>; 2]; 2],
}

impl Expander {
    /// Analyses every rule once.
    pub fn new(expansions: &[Expansion]) -> Self {
        let mut out = Expander::default();
        for e in expansions {
            let keys: Vec<String> = analyze(e.from, &e.said)
                .iter()
                .map(|w| key(w).to_string())
                .collect();
            let has_content = analyze(e.from, &e.said).iter().any(|w| !w.stop);
            let weight = match e.origin {
                Origin::Glossary => GLOSSARY_WEIGHT,
                Origin::Thesaurus => THESAURUS_WEIGHT,
            };
            let adds: Vec<Added> = analyze(e.to, &e.means)
                .into_iter()
                .filter(|w| !w.stop)
                .map(|w| Added {
                    surface: w.surface,
                    terms: w.terms,
                    weight,
                })
                .collect();
            if has_content && !adds.is_empty() {
                out.rules[e.to as usize][e.from as usize].push(Rule { keys, adds });
            }
        }
        out
    }

    /// The words to add to a search in `lang`, given the query's words read
    /// as each language (`read[l]` for language `l`, stop words included).
    /// Words the query already has are not added again.
    pub fn expand(&self, lang: Lang, read: &[Vec<Word>; 2]) -> Vec<Added> {
        let mut out: Vec<Added> = Vec::new();
        for from in Lang::ALL {
            let keys: Vec<&str> = read[from as usize].iter().map(key).collect();
            for rule in &self.rules[lang as usize][from as usize] {
                let n = rule.keys.len();
                if keys.len() < n || !keys.windows(n).any(|win| win.iter().eq(rule.keys.iter())) {
                    continue;
                }
                for add in &rule.adds {
                    let known = read[lang as usize]
                        .iter()
                        .any(|w| !w.stop && w.surface == add.surface)
                        || out.iter().any(|a| a.surface == add.surface);
                    if !known {
                        out.push(add.clone());
                    }
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(from: Lang, said: &str, to: Lang, means: &str, origin: Origin) -> Expansion {
        Expansion {
            from,
            said: said.into(),
            to,
            means: means.into(),
            origin,
        }
    }

    fn added(x: &Expander, lang: Lang, text: &str) -> Vec<String> {
        let read = [analyze(Lang::Cy, text), analyze(Lang::En, text)];
        x.expand(lang, &read)
            .into_iter()
            .map(|a| a.surface)
            .collect()
    }

    #[test]
    fn thesaurus_and_glossary_add_their_words() {
        let x = Expander::new(&[
            rule(
                Lang::En,
                "copper",
                Lang::En,
                "police officer",
                Origin::Thesaurus,
            ),
            rule(Lang::En, "old bill", Lang::En, "police", Origin::Thesaurus),
            rule(
                Lang::En,
                "whistleblowing",
                Lang::Cy,
                "chwythu'r chwiban",
                Origin::Glossary,
            ),
            rule(
                Lang::Cy,
                "cwyno dros",
                Lang::Cy,
                "cwyno ar ran",
                Origin::Thesaurus,
            ),
        ]);
        // A phrase's stop words count: "cwyno dros" is not "cwyno".
        assert!(added(&x, Lang::Cy, "dw i isio cwyno am blismon").is_empty());
        assert_eq!(added(&x, Lang::Cy, "cwyno dros fy mam"), ["ran"]);
        // Plurals trigger too; words must be next to each other.
        assert_eq!(
            added(&x, Lang::En, "two coppers came round"),
            ["police", "officer"]
        );
        assert_eq!(added(&x, Lang::En, "the old bill"), ["police"]);
        assert!(added(&x, Lang::En, "the bill was old").is_empty());
        // A glossary pair helps a search in the other language only.
        assert_eq!(
            added(&x, Lang::Cy, "whistleblowing"),
            ["chwythu", "chwiban"]
        );
        assert!(added(&x, Lang::En, "whistleblowing").is_empty());
        // Nothing the query already says is added again.
        assert_eq!(
            added(&x, Lang::En, "a copper, a police officer"),
            Vec::<String>::new()
        );
    }
}
