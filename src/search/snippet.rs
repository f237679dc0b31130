//! Snippets: the best short window of a document's text, with the words that
//! match the query marked.
//!
//! Matching uses the same analysis as search, so a query for `cwyn` marks
//! `gŵyn` and `nghwyn` too. The output is HTML: the text is escaped and
//! matches are wrapped in `<mark>`.

use std::collections::HashSet;

use crate::analysis::Markable;

/// Target snippet length in characters.
const SNIPPET_CHARS: usize = 180;

/// A snippet of `text` (read as `read`) around the words matching `terms`,
/// as safe HTML. Returns `None` when nothing in `text` matches.
pub fn snippet(text: &str, read: &Markable, terms: &HashSet<String>) -> Option<String> {
    let matches = read.matches(terms);
    if matches.is_empty() {
        return None;
    }
    let words = read.words();
    // Pick the window (starting at a match) that holds the most distinct
    // matched words: one pass, the window's end moving forward with its
    // start (a long query in a long document has hundreds of matches).
    let mut best = (0usize, 0usize);
    let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    let mut end = 0;
    for (i, &(start, ..)) in matches.iter().enumerate() {
        while end < matches.len() && matches[end].1 - start <= SNIPPET_CHARS * 2 {
            *counts.entry(matches[end].2).or_default() += 1;
            end += 1;
        }
        if counts.len() > best.1 {
            best = (i, counts.len());
        }
        // Match `i` is always inside its own window: drop it as the start
        // moves on.
        if let Some(n) = counts.get_mut(matches[i].2) {
            *n -= 1;
            if *n == 0 {
                counts.remove(matches[i].2);
            }
        }
    }
    let first = matches[best.0].0;
    // Start a little before the first match, at a word boundary.
    let start = words
        .iter()
        .rev()
        .find(|w| w.from <= first && first - w.from >= 40)
        .map_or(0, |w| w.from);
    let start = words.iter().find(|w| w.from >= start).map_or(0, |w| w.from);
    let mut end = (start + SNIPPET_CHARS * 2).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    // End at a word boundary.
    if end < text.len() {
        end = words
            .iter()
            .filter(|w| w.to <= end)
            .map(|w| w.to)
            .max()
            .unwrap_or(end);
    }
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    let mut pos = start;
    for &(from, to, _) in matches.iter().filter(|(f, t, _)| *f >= start && *t <= end) {
        escape_into(&mut out, &text[pos..from]);
        out.push_str("<mark>");
        escape_into(&mut out, &text[from..to]);
        out.push_str("</mark>");
        pos = to;
    }
    escape_into(&mut out, &text[pos..end]);
    if end < text.len() {
        out.push('…');
    }
    Some(collapse_whitespace(&out))
}

/// The start of `text` as a snippet with nothing marked.
pub fn lead(text: &str) -> String {
    let mut end = text.len().min(SNIPPET_CHARS * 2);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let mut out = String::new();
    escape_into(&mut out, &text[..end]);
    if end < text.len() {
        out.push('…');
    }
    collapse_whitespace(&out)
}

fn escape_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
}

fn collapse_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    fn snippet(text: &str, lang: Lang, terms: &HashSet<String>) -> Option<String> {
        super::snippet(text, &Markable::new(lang, text), terms)
    }

    fn terms(words: &[&str]) -> HashSet<String> {
        words.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn marks_mutated_forms_and_escapes_html() {
        let s = snippet(
            "Sut i wneud <b>y gŵyn</b> am yr heddlu",
            Lang::Cy,
            &terms(&["cwyn"]),
        )
        .unwrap();
        assert!(s.contains("<mark>gŵyn</mark>"), "{s}");
        assert!(s.contains("&lt;b&gt;"), "{s}");
    }

    #[test]
    fn no_match_no_snippet() {
        assert!(snippet("dim byd", Lang::Cy, &terms(&["cwyn"])).is_none());
    }
}
