//! Typo tolerance: the indexed terms within a few edits of a word the
//! index has never seen.
//!
//! tantivy's `FuzzyTermQuery` builds a Levenshtein automaton and walks one
//! field's term dictionary with it, so a word searched in four fields cost
//! four automata and four walks per segment: a sixth of an uncached public
//! search. Here every term of a language's text fields sits in one `fst`
//! set, read once per searcher; a word costs one automaton and one walk,
//! and the query then asks each field for the few terms found. The result
//! is the same documents with the same constant score.

use std::collections::BTreeSet;
use std::sync::LazyLock;

use fst::{IntoStreamer, Set, Streamer};
use levenshtein_automata::LevenshteinAutomatonBuilder;

use crate::index::{Fields, Mode, TEXT_FIELDS};
use crate::lang::Lang;

/// Automaton builders for distances 1 and 2, a transposition counting one
/// edit (as `FuzzyTermQuery` counted it).
static BUILDERS: LazyLock<[LevenshteinAutomatonBuilder; 2]> = LazyLock::new(|| {
    [
        LevenshteinAutomatonBuilder::new(1, true),
        LevenshteinAutomatonBuilder::new(2, true),
    ]
});

/// Every term of one language's text fields, as they are matched
/// (surfaces, lemmas, radicals).
pub struct Terms {
    set: Set<Vec<u8>>,
}

impl Terms {
    /// Reads the terms of `lang` from an index.
    pub fn build(
        searcher: &tantivy::Searcher,
        fields: &Fields,
        lang: Lang,
    ) -> tantivy::Result<Self> {
        let mut all: BTreeSet<Vec<u8>> = BTreeSet::new();
        for segment in searcher.segment_readers() {
            for (field, _) in TEXT_FIELDS {
                let inverted = segment.inverted_index(fields.text(lang, field, Mode::Expand))?;
                let mut stream = inverted.terms().stream()?;
                while stream.advance() {
                    if !all.contains(stream.key()) {
                        all.insert(stream.key().to_vec());
                    }
                }
            }
        }
        let set =
            Set::from_iter(all).map_err(|e| tantivy::TantivyError::InternalError(e.to_string()))?;
        Ok(Terms { set })
    }

    /// The terms within `distance` (1 or 2) edits of `word`.
    pub fn near(&self, word: &str, distance: u8) -> Vec<String> {
        let dfa = BUILDERS[usize::from(distance >= 2)].build_dfa(word);
        let mut stream = self.set.search(&dfa).into_stream();
        let mut out = Vec::new();
        while let Some(term) = stream.next() {
            out.push(String::from_utf8_lossy(term).into_owned());
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_terms_within_the_distance() {
        let terms = Terms {
            set: Set::from_iter(["adolygiad", "cwyn", "cwyno", "heddlu"]).unwrap(),
        };
        assert_eq!(terms.near("cwym", 1), ["cwyn"]);
        // A transposition is one edit.
        assert_eq!(terms.near("hedldu", 1), ["heddlu"]);
        assert_eq!(terms.near("adolgyaid", 2), ["adolygiad"]);
        assert!(terms.near("adolgyaid", 1).is_empty());
    }
}
