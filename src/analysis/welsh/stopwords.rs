//! Welsh function words that carry no meaning for search, in folded form
//! (including the mutated forms they usually appear in).

/// Sorted so membership is a binary search.
const STOP_WORDS: &[&str] = &[
    "a", "ac", "ag", "am", "amdani", "amdano", "ar", "arall", "at", "beth", "bod", "bydd",
    "byddai", "chi", "chwi", "da", "dan", "ddim", "dim", "dros", "drwy", "dw", "dwi", "dy", "dyma",
    "dyna", "dyw", "e", "ef", "ei", "eich", "ein", "eisiau", "er", "eu", "fe", "fi", "fo", "fod",
    "fy", "fydd", "fyddai", "gan", "gen", "ges", "gyda", "gydag", "hefyd", "hi", "hoffwn", "hon",
    "hwn", "hwnnw", "hyn", "hynny", "i", "iddi", "iddo", "lle", "m", "mae", "maen", "maent", "mai",
    "mi", "n", "na", "nac", "nad", "nag", "neu", "nhw", "ni", "nid", "o", "oedd", "oes",
    "oherwydd", "ond", "os", "pa", "pam", "pan", "pe", "pwy", "r", "rhaid", "roedd", "rwy", "rwyf",
    "rydw", "rydych", "rydyn", "sut", "sy", "sydd", "th", "ti", "tra", "trwy", "w", "wedi",
    "wnaeth", "wrth", "wyf", "y", "ydw", "ydy", "ydych", "ydyn", "yma", "yn", "yna", "yr", "yw",
];

/// Whether a folded Welsh word is a stop word.
pub fn is_stop_word(folded: &str) -> bool {
    STOP_WORDS.binary_search(&folded).is_ok()
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
    fn content_words_are_not_stop_words() {
        for w in ["cwyn", "heddlu", "apel", "adolygiad", "byddar"] {
            assert!(!is_stop_word(w), "{w}");
        }
        for w in ["y", "yr", "fy", "mae", "r"] {
            assert!(is_stop_word(w), "{w}");
        }
    }
}
