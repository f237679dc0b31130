//! Whether a phrase occurs in analysed text, as the assistant's rules look
//! for them: the phrase's content words in order, each sharing a term with a
//! word of the text (so mutated and inflected forms count), with at most
//! [`MAX_GAP`] other words between two of them.

/// Most words allowed between two words of a phrase.
pub const MAX_GAP: usize = 1;

fn same(have: &[String], want: &[String]) -> bool {
    have.iter().any(|t| want.contains(t))
}

/// Whether `wanted` matches starting exactly at `at`.
fn found_from(words: &[&[String]], wanted: &[Vec<String>], at: usize) -> bool {
    let Some((first, rest)) = wanted.split_first() else {
        return true;
    };
    if at >= words.len() || !same(words[at], first) {
        return false;
    }
    if rest.is_empty() {
        return true;
    }
    (at + 1..=at + 1 + MAX_GAP).any(|next| found_from(words, rest, next))
}

/// Whether the phrase `wanted` (the terms of each of its content words)
/// occurs in `words` (the terms of each content word of the text).
pub fn occurs(words: &[&[String]], wanted: &[Vec<String>]) -> bool {
    !wanted.is_empty() && (0..words.len()).any(|start| found_from(words, wanted, start))
}
