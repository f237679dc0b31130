//! "Did you mean": when a search finds nothing, each word the index has never
//! seen is replaced by the closest word it has (Levenshtein distance 1, or 2
//! for long words), the commonest on a tie. The vocabulary is the exact
//! (folded) terms of every text field, read from tantivy's term dictionaries
//! into an `fst` map, so a look-up walks an automaton, not a word list.

use std::collections::BTreeMap;

use fst::automaton::Levenshtein;
use fst::{IntoStreamer, Map, Streamer};

use crate::analysis::{analyze, expand};
use crate::index::{Fields, Mode, TEXT_FIELDS};
use crate::lang::Lang;

/// Shortest word worth correcting.
const MIN_CHARS: usize = 4;

/// The indexed words of one language and how many documents use each.
pub struct Vocabulary {
    words: Map<Vec<u8>>,
}

impl Vocabulary {
    /// Reads the vocabulary of `lang` from an index.
    pub fn build(
        searcher: &tantivy::Searcher,
        fields: &Fields,
        lang: Lang,
    ) -> tantivy::Result<Self> {
        let mut counts: BTreeMap<Vec<u8>, u64> = BTreeMap::new();
        for segment in searcher.segment_readers() {
            for (field, _) in TEXT_FIELDS {
                let inverted = segment.inverted_index(fields.text(lang, field, Mode::Exact))?;
                let mut stream = inverted.terms().stream()?;
                while stream.advance() {
                    let word = stream.key();
                    // Only words of letters; numbers are never misspelt.
                    let Ok(text) = std::str::from_utf8(word) else {
                        continue;
                    };
                    if text.chars().count() >= MIN_CHARS && text.chars().all(char::is_alphabetic) {
                        *counts.entry(word.to_vec()).or_default() +=
                            u64::from(stream.value().doc_freq);
                    }
                }
            }
        }
        let words = Map::from_iter(counts)
            .map_err(|e| tantivy::TantivyError::InternalError(e.to_string()))?;
        Ok(Vocabulary { words })
    }

    /// Whether the index has `folded`, or a form analysis links it to.
    fn knows(&self, lang: Lang, folded: &str) -> bool {
        self.words.contains_key(folded)
            || expand(lang, folded)
                .iter()
                .any(|t| self.words.contains_key(&t.text))
    }

    fn closest(&self, folded: &str) -> Option<String> {
        let chars = folded.chars().count();
        let distance = if chars >= 8 { 2 } else { 1 };
        let automaton = Levenshtein::new(folded, distance).ok()?;
        let mut stream = self.words.search(automaton).into_stream();
        let mut best: Option<(usize, u64, String)> = None;
        while let Some((word, freq)) = stream.next() {
            let word = String::from_utf8_lossy(word).into_owned();
            let d = edit_distance(folded, &word);
            let better = match &best {
                None => true,
                Some((bd, bf, _)) => d < *bd || (d == *bd && freq > *bf),
            };
            if better {
                best = Some((d, freq, word));
            }
        }
        best.map(|(_, _, w)| w)
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
            match (keep, self.closest(&word.surface)) {
                (false, Some(fix)) => {
                    changed = true;
                    out.push_str(&fix);
                }
                _ => out.push_str(original),
            }
        }
        out.push_str(&query[last..]);
        changed.then(|| out.trim().to_string())
    }
}

/// Levenshtein distance in characters (short words only, so the simple
/// two-row version is plenty).
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut row = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            row[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(row[j] + 1);
        }
        prev = row;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::edit_distance;

    #[test]
    fn distances() {
        assert_eq!(edit_distance("cwyn", "cwyn"), 0);
        assert_eq!(edit_distance("cwin", "cwyn"), 1);
        assert_eq!(edit_distance("adolygaid", "adolygiad"), 2);
    }
}
