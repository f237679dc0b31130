//! Splitting text into words, shared by both languages.
//!
//! A word is a run of letters and digits. Apostrophes inside or at the start of
//! a word split off a clitic (`mae'r` → `mae` + `'r`, `heddlu'n` → `heddlu` +
//! `'n`, `officer's` → `officer` + `'s`), which each language then handles in
//! its own way. Everything else (punctuation, symbols, control characters,
//! query syntax such as `+ - : ( ) ~ ^ "`) separates words and is otherwise
//! ignored, so no input can make tokenising fail.

/// A word found in the text, with its byte offsets in that text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawWord<'a> {
    /// The word as written.
    pub text: &'a str,
    /// Byte offset of its first character.
    pub from: usize,
    /// Byte offset just past its last character.
    pub to: usize,
    /// Whether it followed an apostrophe attached to the previous word or
    /// started with one (`'r`, `'n`, `'s`).
    pub clitic: bool,
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | '‘')
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Splits `text` into words and clitics, in order.
pub fn words(text: &str) -> Vec<RawWord<'_>> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    // Whether the previous character was an apostrophe directly before a word
    // (so that word is a clitic).
    let mut after_apostrophe = false;
    while let Some((i, c)) = chars.next() {
        if is_word_char(c) {
            let start = i;
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if is_word_char(d) {
                    end = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            out.push(RawWord {
                text: &text[start..end],
                from: start,
                to: end,
                clitic: after_apostrophe,
            });
            after_apostrophe = false;
        } else {
            // `mae'r` (attached) and ` 'r` (leading) both mark a clitic; a
            // closing quote is harmless because no word follows it directly.
            after_apostrophe =
                is_apostrophe(c) && chars.peek().is_some_and(|&(_, d)| is_word_char(d));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<(&str, bool)> {
        words(s).into_iter().map(|w| (w.text, w.clitic)).collect()
    }

    #[test]
    fn splits_welsh_apostrophe_forms() {
        assert_eq!(texts("mae'r"), vec![("mae", false), ("r", true)]);
        assert_eq!(
            texts("i'r heddlu"),
            vec![("i", false), ("r", true), ("heddlu", false)]
        );
        assert_eq!(texts("gyda'n"), vec![("gyda", false), ("n", true)]);
        assert_eq!(texts("heddlu’n"), vec![("heddlu", false), ("n", true)]);
        assert_eq!(texts("fe 'n"), vec![("fe", false), ("n", true)]);
    }

    #[test]
    fn keeps_welsh_letters_and_offsets() {
        let w = words("y gŵyn");
        assert_eq!(w[1].text, "gŵyn");
        assert_eq!(&"y gŵyn"[w[1].from..w[1].to], "gŵyn");
    }

    #[test]
    fn query_syntax_is_just_separators() {
        assert_eq!(
            texts("+cwyn -(heddlu:gwent)~^\""),
            vec![("cwyn", false), ("heddlu", false), ("gwent", false)]
        );
        assert!(words("\u{0}\u{7}  ").is_empty());
    }
}
