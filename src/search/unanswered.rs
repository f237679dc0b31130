//! Searches that found nothing, for the editors: what people look for and
//! the knowledge base does not answer. Only the words are kept, and only
//! once anything that could identify someone is gone: digits (phone and
//! reference numbers, dates), e-mail and web addresses, handles and
//! postcodes are removed, and a query longer than [`MAX_KEPT_CHARS`] (a
//! pasted paragraph) is not kept at all. Names cannot be told from other
//! words, so the counts are for editors only and kept no longer than the
//! retention policy allows.

/// Longest query kept, in characters.
pub const MAX_KEPT_CHARS: usize = 100;

/// The query as it may be kept, or `None` when nothing should be.
pub fn scrub(query: &str) -> Option<String> {
    if query.chars().count() > MAX_KEPT_CHARS {
        return None;
    }
    // Brackets and quotes around a word are not part of it.
    let words: Vec<&str> = query
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !(c.is_alphanumeric() || "@/:.".contains(c))))
        .collect();
    let mut kept = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let word = words[i];
        // A postcode is two words: an outward code (CF10, SA1, LL55) and an
        // inward one (1AA). The outward code alone says where someone lives
        // too.
        if is_outward_code(word) {
            i += if words.get(i + 1).is_some_and(|w| is_inward_code(w)) {
                2
            } else {
                1
            };
            continue;
        }
        // Addresses and handles (`jo@x.com`, `facebook.com/jo`, `@jo`), and
        // whole postcodes typed without a space (`CF101AA`).
        let address = word.contains(['@', '/', ':']) || word.trim_end_matches('.').contains('.');
        if is_inward_code(word) || address || is_whole_postcode(word) {
            i += 1;
            continue;
        }
        let without_digits: String = word.chars().filter(|c| !c.is_numeric()).collect();
        let letters = without_digits.trim_matches(|c: char| !c.is_alphanumeric());
        if !letters.is_empty() {
            kept.push(crate::analysis::fold(letters));
        }
        i += 1;
    }
    (!kept.is_empty()).then(|| kept.join(" "))
}

/// `CF10`, `SA1`, `LL55`, `W1A`: one or two letters, a digit, then an
/// optional digit or letter.
fn is_outward_code(word: &str) -> bool {
    let w: Vec<char> = word.chars().collect();
    let letters = w.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    (1..=2).contains(&letters)
        && w.len() > letters
        && w[letters].is_ascii_digit()
        && w.len() <= letters + 2
        && w[letters + 1..].iter().all(|c| c.is_ascii_alphanumeric())
}

/// `CF101AA`: an outward code and an inward code with no space between.
fn is_whole_postcode(word: &str) -> bool {
    let w: String = word.chars().filter(char::is_ascii_alphanumeric).collect();
    w.len() >= 5
        && w.is_char_boundary(w.len() - 3)
        && is_outward_code(&w[..w.len() - 3])
        && is_inward_code(&w[w.len() - 3..])
}

/// `1AA`: a digit and two letters.
fn is_inward_code(word: &str) -> bool {
    let w: Vec<char> = word.chars().collect();
    w.len() == 3 && w[0].is_ascii_digit() && w[1..].iter().all(|c| c.is_ascii_alphabetic())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_that_identifies_anyone_is_kept() {
        assert_eq!(
            scrub("Cwyn am PC 1234 yng CF10 1AA").as_deref(),
            Some("cwyn am pc yng")
        );
        assert_eq!(
            scrub("ring me 07700 900123 or jo.bloggs@example.com").as_deref(),
            Some("ring me or")
        );
        assert_eq!(scrub("ref 2024/000123 sa1").as_deref(), Some("ref"));
        assert_eq!(
            scrub("Gwasanaeth Cymraeg").as_deref(),
            Some("gwasanaeth cymraeg")
        );
        assert_eq!(scrub("12345 67"), None);
        assert_eq!(
            scrub("CF101AA (SA1 1AA) facebook.com/jo.bloggs @jo cwyn").as_deref(),
            Some("cwyn")
        );
        assert_eq!(
            scrub("０７７００ cwyn").as_deref(),
            Some("cwyn"),
            "digits of any script"
        );
        assert_eq!(scrub(&"cwyn ".repeat(21)), None, "over 100 characters");
    }
}
