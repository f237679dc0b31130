//! Welsh analysis: stop words, initial mutations, plurals and suffixes, and the
//! lexicon that keeps the rules honest.
//!
//! Every word expands to the forms it should match, each with a [`Tier`] that
//! says how sure we are: the surface form itself, the lexicon's lemmas, then
//! forms only the rules suggest (and the lexicon confirms as real words).

pub mod lexicon;
pub mod mutation;
pub mod stopwords;
pub mod suffix;

use self::lexicon::Lexicon;
use super::{Term, Tier};

pub use self::stopwords::is_stop_word;

/// Everything a folded Welsh word should match, best tier first, no duplicates.
pub fn expand(folded: &str) -> Vec<Term> {
    let lex = Lexicon::bundled();
    let mut terms = vec![Term::new(folded, Tier::Exact)];
    let push = |terms: &mut Vec<Term>, text: &str, tier: Tier| {
        if !terms.iter().any(|t| t.text == text) {
            terms.push(Term::new(text, tier));
        }
    };
    if folded.chars().any(|c| c.is_ascii_digit()) {
        return terms;
    }
    if let Some(entry) = lex.lookup(folded) {
        for lemma in entry.lemmas {
            push(&mut terms, lemma, Tier::Lemma);
        }
    }
    // Forms reached by undoing a mutation, then their lemmas.
    let mut bases = vec![folded.to_string()];
    for (candidate, _) in mutation::radical_candidates(folded) {
        if let Some(entry) = lex.lookup(&candidate).filter(|e| e.radical) {
            push(&mut terms, &candidate, Tier::Rule);
            for lemma in entry.lemmas {
                push(&mut terms, lemma, Tier::Rule);
            }
            bases.push(candidate);
        }
    }
    // Plural and suffix stripping on the word, its radicals and its lemmas.
    bases.extend(
        terms
            .iter()
            .filter(|t| t.tier == Tier::Lemma)
            .map(|t| t.text.clone()),
    );
    for base in &bases {
        for stem in suffix::stem_candidates(base) {
            if lex.is_radical_word(&stem) {
                push(&mut terms, &stem, Tier::Rule);
            }
        }
    }
    terms
}

/// Expands a clitic split off by an apostrophe (`'r`, `'n`, `'m`, `'th`, `'i`,
/// `'w`) to the word it stands for; all of them are function words.
pub fn clitic_word(clitic: &str) -> Option<&'static str> {
    Some(match clitic {
        "r" => "yr",
        "n" => "yn",
        "m" => "fy",
        "th" => "dy",
        "i" => "ei",
        "w" => "eu",
        _ => return None,
    })
}
