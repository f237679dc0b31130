//! Case and accent folding shared by both languages and by the lexicon builder.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Lowercases `word` and removes diacritics, so `Gŵyn` and `gwyn` compare equal
/// and a query typed without circumflexes still matches.
///
/// Only letters with a canonical decomposition lose their marks (ŵ ŷ â ê î ô û
/// ï ë á …); other characters are kept as they are, so this never mangles
/// text the way a transliterator would.
pub fn fold(word: &str) -> String {
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(word.len());
    for c in word.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        out.extend(c.to_lowercase());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn folds_welsh_diacritics_and_case() {
        assert_eq!(fold("Gŵyn"), "gwyn");
        assert_eq!(fold("ŶCH"), "ych");
        assert_eq!(fold("apêl"), "apel");
        assert_eq!(fold("rôl"), "rol");
        assert_eq!(fold("caniatáu"), "caniatau");
        assert_eq!(fold("copïo"), "copio");
        assert_eq!(fold("IOPC"), "iopc");
    }
}
