//! Readable differences between two versions of a file: by words for
//! prose (Markdown, Fluent, the glossary), by field for structured content
//! (TOML), so an editor sees "phone: 0300 1 → 0300 2" rather than a line
//! of TOML.

use std::collections::BTreeMap;

use serde::Serialize;
use similar::{ChangeTag, TextDiff};

/// How a piece changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Op {
    /// In both.
    Same,
    /// Only in the newer.
    Added,
    /// Only in the older.
    Removed,
}

/// A run of words that changed the same way.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Words {
    /// How.
    pub op: Op,
    /// The words, with their spacing.
    pub text: String,
}

/// A field whose value changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Field {
    /// Where it is (`name.cy`, `questions[2].text.en`).
    pub field: String,
    /// Its value before (`None`: it was added).
    pub before: Option<String>,
    /// Its value after (`None`: it was removed).
    pub after: Option<String>,
}

/// The difference between two versions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "by", content = "changes", rename_all = "snake_case")]
pub enum Diff {
    /// Prose, word by word (unchanged runs included, for context).
    Words(Vec<Words>),
    /// Structured content, field by field (changed fields only).
    Fields(Vec<Field>),
}

/// The difference from `old` to `new` of the file at `path` (`None`: the
/// file did not exist, or was retired).
pub fn diff(path: &str, old: Option<&str>, new: Option<&str>) -> Diff {
    if path.ends_with(".toml") {
        let fields = |t: Option<&str>| {
            let mut out = BTreeMap::new();
            if let Some(table) = t.and_then(|t| t.parse::<toml::Table>().ok()) {
                flatten("", &toml::Value::Table(table), &mut out);
            }
            out
        };
        let (a, b) = (fields(old), fields(new));
        let mut keys: Vec<&String> = a.keys().chain(b.keys()).collect();
        keys.sort_by_key(|k| natural(k));
        keys.dedup();
        return Diff::Fields(
            keys.into_iter()
                .filter(|k| a.get(*k) != b.get(*k))
                .map(|k| Field {
                    field: k.clone(),
                    before: a.get(k).cloned(),
                    after: b.get(k).cloned(),
                })
                .collect(),
        );
    }
    let (old, new) = (old.unwrap_or(""), new.unwrap_or(""));
    let mut out: Vec<Words> = Vec::new();
    for change in TextDiff::from_words(old, new).iter_all_changes() {
        let op = match change.tag() {
            ChangeTag::Equal => Op::Same,
            ChangeTag::Insert => Op::Added,
            ChangeTag::Delete => Op::Removed,
        };
        match out.last_mut() {
            Some(last) if last.op == op => last.text.push_str(change.value()),
            _ => out.push(Words {
                op,
                text: change.value().to_string(),
            }),
        }
    }
    Diff::Words(out)
}

/// Sorts `a[10]` after `a[9]`.
fn natural(key: &str) -> Vec<(String, usize)> {
    key.split('[')
        .map(|part| match part.split_once(']') {
            Some((n, rest)) => (rest.to_string(), n.parse().unwrap_or(0)),
            None => (part.to_string(), 0),
        })
        .collect()
}

/// Every leaf of `value` as `dotted.path[index] → text`. A list of plain
/// values is one field, one value per line, as the form shows it.
fn flatten(prefix: &str, value: &toml::Value, out: &mut BTreeMap<String, String>) {
    use toml::Value;
    let join = |key: &str| {
        if prefix.is_empty() {
            key.to_string()
        } else {
            format!("{prefix}.{key}")
        }
    };
    match value {
        Value::Table(t) => {
            for (k, v) in t {
                flatten(&join(k), v, out);
            }
        }
        Value::Array(items) if items.iter().any(|v| v.is_table()) => {
            for (i, v) in items.iter().enumerate() {
                flatten(&format!("{prefix}[{}]", i + 1), v, out);
            }
        }
        Value::Array(items) => {
            let lines: Vec<String> = items.iter().map(scalar).collect();
            out.insert(prefix.to_string(), lines.join("\n"));
        }
        v => {
            out.insert(prefix.to_string(), scalar(v));
        }
    }
}

fn scalar(v: &toml::Value) -> String {
    match v {
        toml::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_is_compared_by_words() {
        let Diff::Words(w) = diff(
            "articles/x.cy.md",
            Some("Mae gennych 28 diwrnod i ofyn."),
            Some("Mae gennych wyth diwrnod ar hugain i ofyn."),
        ) else {
            panic!("prose compares by words");
        };
        let removed: String = w
            .iter()
            .filter(|w| w.op == Op::Removed)
            .map(|w| w.text.as_str())
            .collect();
        let added: Vec<&str> = w
            .iter()
            .filter(|w| w.op == Op::Added)
            .map(|w| w.text.trim())
            .collect();
        assert_eq!(removed.trim(), "28");
        // "diwrnod" stays: only the words around it changed.
        assert_eq!(added, ["wyth", "ar hugain"]);
        // Put back together, each side is its text.
        let side = |skip: Op| -> String {
            w.iter()
                .filter(|w| w.op != skip)
                .map(|w| w.text.as_str())
                .collect()
        };
        assert_eq!(side(Op::Added), "Mae gennych 28 diwrnod i ofyn.");
        assert_eq!(
            side(Op::Removed),
            "Mae gennych wyth diwrnod ar hugain i ofyn."
        );
    }

    #[test]
    fn structured_content_is_compared_by_field() {
        let old = "id = \"a\"\nneeds = [\"x\"]\n[name]\ncy = \"Un\"\nen = \"One\"\n\
                   [contact]\nphone = \"0300 1\"\n";
        let new = "id = \"a\"\nneeds = [\"x\", \"y\"]\n[name]\ncy = \"Un\"\nen = \"One\"\n\
                   [contact]\nphone = \"0300 2\"\nweb = \"https://a.example\"\n";
        let Diff::Fields(f) = diff("agencies/a.toml", Some(old), Some(new)) else {
            panic!("TOML compares by field");
        };
        let summary: Vec<(&str, Option<&str>, Option<&str>)> = f
            .iter()
            .map(|f| (f.field.as_str(), f.before.as_deref(), f.after.as_deref()))
            .collect();
        assert_eq!(
            summary,
            [
                ("contact.phone", Some("0300 1"), Some("0300 2")),
                ("contact.web", None, Some("https://a.example")),
                ("needs", Some("x"), Some("x\ny")),
            ]
        );
        // A list of tables is numbered from 1, and 10 sorts after 9.
        let many: String = (1..=10).map(|i| format!("[[q]]\nid = \"{i}\"\n")).collect();
        let Diff::Fields(f) = diff("flows/f.toml", None, Some(&many)) else {
            panic!()
        };
        assert_eq!(f[8].field, "q[9].id");
        assert_eq!(f[9].field, "q[10].id");
    }
}
