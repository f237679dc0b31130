//! A knowledge file's text and where it came from, so every later problem can
//! point at the right line.

use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The raw text of one knowledge file.
#[derive(Debug, Clone)]
pub struct Source {
    /// Path as shown in problems (e.g. `knowledge/articles/x.cy.md`).
    pub path: PathBuf,
    /// The whole file.
    pub text: Arc<str>,
}

impl Source {
    /// Wraps a file's path and text.
    pub fn new(path: impl Into<PathBuf>, text: impl Into<Arc<str>>) -> Self {
        Source {
            path: path.into(),
            text: text.into(),
        }
    }

    /// The path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// 1-based line of a byte offset.
    pub fn line_of_offset(&self, offset: usize) -> usize {
        let end = offset.min(self.text.len());
        self.text.as_bytes()[..end]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1
    }

    /// 1-based line where a TOML key (`key = …`, `[key]` or `[[key]]`) is first
    /// set, for pointing problems found after parsing at the right place.
    pub fn line_of_key(&self, key: &str) -> Option<usize> {
        self.text
            .lines()
            .position(|line| {
                let l = line.trim_start();
                let header = l.trim_start_matches('[').trim_end().trim_end_matches(']');
                (l.starts_with('[') && header == key)
                    || l.strip_prefix(key).is_some_and(|rest| {
                        rest.trim_start().starts_with('=') || rest.starts_with('.')
                    })
            })
            .map(|i| i + 1)
    }

    /// 1-based line where a quoted string value first appears (e.g. a bad id
    /// inside a list), falling back to the key's line.
    pub fn line_of_value(&self, key: &str, value: &str) -> Option<usize> {
        let quoted = format!("\"{value}\"");
        let from = self.line_of_key(key).unwrap_or(1);
        self.text
            .lines()
            .enumerate()
            .skip(from - 1)
            .find(|(_, l)| l.contains(&quoted))
            .map(|(i, _)| i + 1)
            .or(Some(from))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_keys_tables_and_values() {
        let s = Source::new(
            "a.toml",
            "id = \"x\"\nrelated = [\n  \"a\",\n  \"b\",\n]\n[name]\ncy = \"\"\n",
        );
        assert_eq!(s.line_of_key("id"), Some(1));
        assert_eq!(s.line_of_key("name"), Some(6));
        assert_eq!(s.line_of_value("related", "b"), Some(4));
        assert_eq!(s.line_of_offset(0), 1);
        assert_eq!(s.line_of_offset(9), 2);
    }
}
