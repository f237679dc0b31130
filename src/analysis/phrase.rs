//! Whether a phrase occurs in analysed text, as the assistant's rules look
//! for them: the phrase's content words in order, each sharing a term with a
//! word of the text (so mutated and inflected forms count), with at most
//! [`MAX_GAP`] other words between two of them. A phrase that says "not"
//! needs a "not" in the text too: "I can't read" is not in "I read the
//! letter", though both come down to "read" once stop words are gone.

use super::{Word, analyze, is_negation};
use crate::lang::Lang;

/// Most words allowed between two words of a phrase.
pub const MAX_GAP: usize = 1;

/// A content word of analysed text: its folded form and the terms it
/// matches, best first.
#[derive(Debug, Clone)]
pub struct ContentWord {
    /// The folded word as said.
    pub surface: String,
    /// Its terms (the surface first, then lemmas or stems, then rule-only
    /// radicals).
    pub terms: Vec<String>,
    /// Whether "not" was said since the previous content word, or by this
    /// word itself ("never", "cannot").
    pub negated: bool,
}

/// The content words of analysed text (stop words left out), each marked
/// when a negation came with it.
pub fn content_words(lang: Lang, words: &[Word]) -> Vec<ContentWord> {
    let mut out = Vec::new();
    let mut negated = false;
    for (i, w) in words.iter().enumerate() {
        // "dim ond" is "only", not "not".
        let only = w.surface == "dim" && words.get(i + 1).is_some_and(|n| n.surface == "ond");
        let denies = is_negation(lang, &w.surface) && !only;
        negated |= denies;
        if !w.stop {
            out.push(ContentWord {
                surface: w.surface.clone(),
                terms: w.terms.iter().map(|t| t.text.clone()).collect(),
                negated,
            });
            // "cannot" and "never" deny the next word too; "really" lets
            // a "not" before it through.
            if !denies && !INTENSIFIERS.contains(&w.surface.as_str()) {
                negated = false;
            }
        }
    }
    out
}

/// Words that may stand between "not" and what it denies ("not really
/// safe", "ddim yn hollol saff").
const INTENSIFIERS: &[&str] = &[
    "actually",
    "completely",
    "even",
    "hollol",
    "quite",
    "really",
    "rili",
    "totally",
    "very",
    "wir",
];

/// A listed phrase, analysed: the terms of each content word, and whether
/// it says "not".
#[derive(Debug, Clone)]
pub struct Phrase {
    /// The terms of each content word.
    pub words: Vec<Vec<String>>,
    /// Whether the phrase denies something ("I can't read").
    pub negated: bool,
}

impl Phrase {
    /// Analyses `text` as a phrase in `lang`.
    pub fn new(lang: Lang, text: &str) -> Self {
        let words = analyze(lang, text);
        Phrase {
            negated: words.iter().any(|w| is_negation(lang, &w.surface)),
            words: content_words(lang, &words)
                .into_iter()
                .map(|w| w.terms)
                .collect(),
        }
    }

    /// Whether the phrase occurs in `text`: a negated phrase only where a
    /// negation comes right before the match or inside it ("I'm not really
    /// safe at home" says "not safe at home"; "No, I feel safe at home"
    /// does not).
    pub fn occurs_in(&self, text: &[ContentWord]) -> bool {
        (0..text.len()).any(|start| {
            found_from(text, &self.words, start)
                .is_some_and(|end| !self.negated || text[start..=end].iter().any(|w| w.negated))
        })
    }
}

fn same(have: &[String], want: &[String]) -> bool {
    have.iter().any(|t| want.contains(t))
}

/// Where `wanted` ends when it matches starting exactly at `at` (the index
/// of its last word), if it does.
fn found_from(words: &[ContentWord], wanted: &[Vec<String>], at: usize) -> Option<usize> {
    let (first, rest) = wanted.split_first()?;
    if at >= words.len() || !same(&words[at].terms, first) {
        return None;
    }
    if rest.is_empty() {
        return Some(at);
    }
    (at + 1..=at + 1 + MAX_GAP).find_map(|next| found_from(words, rest, next))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn occurs(lang: Lang, phrase: &str, text: &str) -> bool {
        Phrase::new(lang, phrase).occurs_in(&content_words(lang, &analyze(lang, text)))
    }

    #[test]
    fn negations_are_known_in_both_languages() {
        for (lang, words) in [
            (Lang::En, ["not", "never", "t", "cant", "cannot"].as_slice()),
            (Lang::Cy, ["ddim", "dim", "nid", "smo"].as_slice()),
        ] {
            assert!(words.iter().all(|w| is_negation(lang, w)), "{lang}");
        }
        assert!(!is_negation(Lang::En, "read") && !is_negation(Lang::Cy, "darllen"));
    }

    #[test]
    fn a_negated_phrase_needs_a_negation() {
        assert!(occurs(
            Lang::En,
            "I can't read",
            "sorry, I can't read very well"
        ));
        assert!(occurs(Lang::En, "I can't read", "I cannot read it"));
        assert!(occurs(Lang::En, "I can't read", "i cant read"));
        assert!(occurs(
            Lang::En,
            "not safe at home",
            "I'm not really safe at home"
        ));
        // A "no" to something else, or one after the phrase, denies nothing.
        assert!(!occurs(
            Lang::En,
            "not safe at home",
            "No, I feel safe at home"
        ));
        assert!(!occurs(
            Lang::En,
            "not safe at home",
            "I feel safe at home, not scared"
        ));
        assert!(!occurs(
            Lang::En,
            "no email",
            "No. Can I change my email address?"
        ));
        // Welsh "dim ond" is "only".
        assert!(!occurs(
            Lang::Cy,
            "dw i ddim yn deall",
            "dim ond deall y broses dw i isio"
        ));
        assert!(!occurs(
            Lang::En,
            "I can't read",
            "when I read the letter I laughed"
        ));
        assert!(!occurs(
            Lang::En,
            "no email",
            "can I change my email address?"
        ));
        assert!(occurs(Lang::En, "no email", "I've got no email"));
        assert!(occurs(
            Lang::Cy,
            "dw i ddim yn deall",
            "dwi ddim yn deall y llythyr"
        ));
        assert!(!occurs(
            Lang::Cy,
            "dw i ddim yn deall",
            "fi'n deall yn iawn"
        ));
        // A phrase without a negation is found either way.
        assert!(occurs(
            Lang::En,
            "read the letter",
            "I didn't read the letter"
        ));
    }
}
