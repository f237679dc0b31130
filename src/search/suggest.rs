//! "Did you mean": when a search finds nothing, each word the index has never
//! seen is replaced by the closest word it has (Levenshtein distance 1, or 2
//! for long words), the commonest on a tie. The vocabulary is the exact
//! (folded) terms of every text field, read from tantivy's term dictionaries
//! into an `fst` map, so a look-up walks an automaton, not a word list.
//!
//! The automata come from `levenshtein_automata` (tantivy's own): its
//! builders are made once per distance, after which a word's automaton
//! takes microseconds. `fst`'s own Levenshtein automaton was rebuilt from
//! scratch for every word and was a sixth of an uncached public search.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use fst::{IntoStreamer, Map, Streamer};
use levenshtein_automata::{Distance, LevenshteinAutomatonBuilder};

use crate::analysis::{analyze, expand};
use crate::index::{Fields, Mode, for_each_text_term};
use crate::lang::Lang;

/// Shortest word worth correcting.
const MIN_CHARS: usize = 4;

/// Automaton builders for distances 1 and 2 (a transposition counts 2, as
/// in plain Levenshtein distance).
static BUILDERS: LazyLock<[LevenshteinAutomatonBuilder; 2]> = LazyLock::new(|| {
    [
        LevenshteinAutomatonBuilder::new(1, false),
        LevenshteinAutomatonBuilder::new(2, false),
    ]
});

/// Bytes of corrections remembered per language: people mistype the same
/// words the same ways.
const REMEMBERED_BYTES: u64 = 1024 * 1024;

/// Weighs a remembered correction by the bytes it holds.
#[derive(Debug, Clone, Copy, Default)]
struct CorrectionWeight;

impl quick_cache::Weighter<String, Option<String>> for CorrectionWeight {
    fn weight(&self, word: &String, fix: &Option<String>) -> u64 {
        (word.capacity() + fix.as_ref().map_or(0, String::capacity) + 64) as u64
    }
}

/// The indexed words of one language and how many documents use each.
pub struct Vocabulary {
    words: Map<Vec<u8>>,
    remembered: quick_cache::sync::Cache<String, Option<String>, CorrectionWeight>,
}

impl Default for Vocabulary {
    /// No words: nothing to correct to.
    fn default() -> Self {
        Vocabulary::of(Map::default())
    }
}

impl Vocabulary {
    /// Reads the vocabulary of `lang` from an index.
    pub fn build(
        searcher: &tantivy::Searcher,
        fields: &Fields,
        lang: Lang,
    ) -> tantivy::Result<Self> {
        let mut counts: BTreeMap<Vec<u8>, u64> = BTreeMap::new();
        for_each_text_term(searcher, fields, lang, Mode::Exact, |word, docs| {
            // Only words of letters; numbers are never misspelt.
            if let Ok(text) = std::str::from_utf8(word)
                && text.chars().count() >= MIN_CHARS
                && text.chars().all(char::is_alphabetic)
            {
                *counts.entry(word.to_vec()).or_default() += u64::from(docs);
            }
        })?;
        let words = Map::from_iter(counts)
            .map_err(|e| tantivy::TantivyError::InternalError(e.to_string()))?;
        Ok(Vocabulary::of(words))
    }

    fn of(words: Map<Vec<u8>>) -> Self {
        Vocabulary {
            words,
            remembered: quick_cache::sync::Cache::with_weighter(
                4096,
                REMEMBERED_BYTES,
                CorrectionWeight,
            ),
        }
    }

    /// Whether the index has `folded`, or a form analysis links it to.
    fn knows(&self, lang: Lang, folded: &str) -> bool {
        self.words.contains_key(folded)
            || expand(lang, folded)
                .iter()
                .any(|t| self.words.contains_key(&t.text))
    }

    /// The closest indexed word to `folded`, remembered.
    fn closest(&self, folded: &str) -> Option<String> {
        if let Some(fix) = self.remembered.get(folded) {
            return fix;
        }
        let fix = self.search_closest(folded);
        self.remembered.insert(folded.to_string(), fix.clone());
        fix
    }

    fn search_closest(&self, folded: &str) -> Option<String> {
        let chars = folded.chars().count();
        let dfa = BUILDERS[usize::from(chars >= 8)].build_dfa(folded);
        let mut stream = self.words.search(&dfa).into_stream();
        let mut best: Option<(u8, u64, Vec<u8>)> = None;
        while let Some((word, freq)) = stream.next() {
            let Distance::Exact(d) = dfa.eval(word) else {
                continue;
            };
            let better = match &best {
                None => true,
                Some((bd, bf, _)) => d < *bd || (d == *bd && freq > *bf),
            };
            if better {
                best = Some((d, freq, word.to_vec()));
            }
        }
        best.map(|(_, _, w)| String::from_utf8_lossy(&w).into_owned())
    }

    /// A corrected query, if any word could be corrected.
    pub fn correct(&self, lang: Lang, query: &str) -> Option<String> {
        let mut changed = false;
        let mut out = String::new();
        let mut last = 0;
        for word in analyze(lang, query) {
            out.push_str(&query[last..word.from]);
            last = word.to;
            let original = &query[word.from..word.to];
            let keep = word.stop
                || word.surface.chars().count() < MIN_CHARS
                || !word.surface.chars().all(char::is_alphabetic)
                || self.knows(lang, &word.surface);
            match (!keep).then(|| self.closest(&word.surface)).flatten() {
                Some(fix) => {
                    changed = true;
                    out.push_str(&fix);
                }
                None => out.push_str(original),
            }
        }
        out.push_str(&query[last..]);
        changed.then(|| out.trim().to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocabulary(words: &[(&str, u64)]) -> Vocabulary {
        let mut sorted = words.to_vec();
        sorted.sort();
        Vocabulary::of(Map::from_iter(sorted).unwrap())
    }

    #[test]
    fn nearest_word_then_commonest() {
        let v = vocabulary(&[("adolygiad", 3), ("cwyn", 9), ("cwyr", 1), ("cwrs", 20)]);
        // A transposition is two edits: allowed only for long words.
        assert_eq!(v.closest("adolygaid").as_deref(), Some("adolygiad"));
        assert_eq!(v.closest("cwyb").as_deref(), Some("cwyn"));
        // Distance 1 beats a commoner word at distance 2.
        assert_eq!(v.closest("cwynn").as_deref(), Some("cwyn"));
        assert_eq!(v.closest("heddlu"), None);
        // Asked again, the same answers (remembered).
        assert_eq!(v.closest("cwynn").as_deref(), Some("cwyn"));
        assert_eq!(v.closest("heddlu"), None);
        assert_eq!(v.correct(Lang::Cy, "fy cwyb").as_deref(), Some("fy cwyn"));
        assert_eq!(v.correct(Lang::Cy, "fy cwyn"), None);
    }
}
