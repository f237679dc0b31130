//! English analysis: stop words and the Snowball (Porter 2) stemmer.

use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};

use super::{Term, Tier};

/// Sorted, folded English stop words: Lucene's list plus the pronouns and
/// auxiliaries callers put in front of every question.
const STOP_WORDS: &[&str] = &[
    "a", "about", "am", "an", "and", "any", "are", "as", "at", "be", "been", "but", "by", "can",
    "could", "d", "did", "do", "does", "for", "from", "had", "has", "have", "he", "her", "him",
    "his", "how", "i", "if", "im", "in", "into", "is", "it", "its", "ll", "m", "me", "my", "no",
    "not", "of", "on", "or", "our", "re", "s", "she", "should", "so", "such", "t", "that", "the",
    "their", "them", "then", "there", "these", "they", "this", "to", "us", "ve", "want", "was",
    "we", "were", "what", "when", "which", "will", "with", "would", "you", "your",
];

/// Whether a folded English word is a stop word.
pub fn is_stop_word(folded: &str) -> bool {
    STOP_WORDS.binary_search(&folded).is_ok()
}

fn stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::English))
}

/// The folded word and its stem.
pub fn expand(folded: &str) -> Vec<Term> {
    let mut terms = vec![Term::new(folded, Tier::Exact)];
    let stem = stemmer().stem(folded);
    if stem != folded {
        terms.push(Term::new(&stem, Tier::Lemma));
    }
    terms
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_is_sorted_and_unique() {
        assert!(
            STOP_WORDS.windows(2).all(|w| w[0] < w[1]),
            "keep STOP_WORDS sorted"
        );
    }

    #[test]
    fn stems_plurals_and_verbs() {
        let stems = |w: &str| expand(w).into_iter().map(|t| t.text).collect::<Vec<_>>();
        assert!(stems("complaints").contains(&"complaint".to_string()));
        assert!(
            stems("officers").contains(&"offic".to_string())
                || stems("officers").contains(&"officer".to_string())
        );
        // Verbs and nouns of one word meet on the stem.
        let shared = |a: &str, b: &str| stems(a).iter().any(|s| stems(b).contains(s));
        assert!(shared("investigating", "investigation"));
        assert!(
            shared("complained", "complaint")
                || stems("complained").contains(&"complain".to_string())
        );
    }
}
