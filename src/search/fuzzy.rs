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
use std::sync::{Arc, LazyLock};

use fst::{IntoStreamer, Set, Streamer};
use levenshtein_automata::LevenshteinAutomatonBuilder;

use crate::index::{Fields, Mode, for_each_text_term};
use crate::lang::Lang;

/// Automaton builders for distances 1 and 2, a transposition counting one
/// edit (as `FuzzyTermQuery` counted it).
static BUILDERS: LazyLock<[LevenshteinAutomatonBuilder; 2]> = LazyLock::new(|| {
    [
        LevenshteinAutomatonBuilder::new(1, true),
        LevenshteinAutomatonBuilder::new(2, true),
    ]
});

/// Bytes of look-ups remembered per language. People mistype the same
/// words the same ways, and a distance-2 automaton is dear to build.
const REMEMBERED_BYTES: u64 = 2 * 1024 * 1024;

/// Weighs a remembered look-up by the bytes it holds.
#[derive(Debug, Clone, Copy, Default)]
struct NearWeight;

impl quick_cache::Weighter<(String, u8), Arc<[String]>> for NearWeight {
    fn weight(&self, key: &(String, u8), near: &Arc<[String]>) -> u64 {
        let strings: usize = near.iter().map(|t| t.capacity() + 24).sum();
        (key.0.capacity() + strings + 64) as u64
    }
}

/// Every term of one language's text fields, as they are matched
/// (surfaces, lemmas, radicals).
pub struct Terms {
    set: Set<Vec<u8>>,
    remembered: quick_cache::sync::Cache<(String, u8), Arc<[String]>, NearWeight>,
}

impl Default for Terms {
    /// No terms: nothing is within any distance.
    fn default() -> Self {
        Terms::of(Set::default())
    }
}

impl Terms {
    /// Reads the terms of `lang` from an index.
    pub fn build(
        searcher: &tantivy::Searcher,
        fields: &Fields,
        lang: Lang,
    ) -> tantivy::Result<Self> {
        let mut all: BTreeSet<Vec<u8>> = BTreeSet::new();
        for_each_text_term(searcher, fields, lang, Mode::Expand, |term, _| {
            if !all.contains(term) {
                all.insert(term.to_vec());
            }
        })?;
        let set =
            Set::from_iter(all).map_err(|e| tantivy::TantivyError::InternalError(e.to_string()))?;
        Ok(Terms::of(set))
    }

    fn of(set: Set<Vec<u8>>) -> Self {
        Terms {
            set,
            remembered: quick_cache::sync::Cache::with_weighter(8192, REMEMBERED_BYTES, NearWeight),
        }
    }

    /// The terms within `distance` (1 or 2) edits of `word`.
    pub fn near(&self, word: &str, distance: u8) -> Arc<[String]> {
        let key = (word.to_string(), distance);
        if let Some(near) = self.remembered.get(&key) {
            return near;
        }
        let dfa = BUILDERS[usize::from(distance >= 2)].build_dfa(word);
        let mut stream = self.set.search(&dfa).into_stream();
        let mut out = Vec::new();
        while let Some(term) = stream.next() {
            out.push(String::from_utf8_lossy(term).into_owned());
        }
        let near: Arc<[String]> = out.into();
        self.remembered.insert(key, near.clone());
        near
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_terms_within_the_distance() {
        let terms = Terms::of(Set::from_iter(["adolygiad", "cwyn", "cwyno", "heddlu"]).unwrap());
        assert_eq!(*terms.near("cwym", 1), ["cwyn"]);
        // A transposition is one edit.
        assert_eq!(*terms.near("hedldu", 1), ["heddlu"]);
        assert_eq!(*terms.near("adolgyaid", 2), ["adolygiad"]);
        // Asked again, the same answer (remembered).
        assert_eq!(*terms.near("adolgyaid", 2), ["adolygiad"]);
        assert!(terms.near("adolgyaid", 1).is_empty());
    }
}
