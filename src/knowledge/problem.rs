//! Problems found while loading or validating the knowledge base.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::i18n::{Message, Tr};
use crate::lang::Lang;

/// One problem in one file, printed as `path:line: message` (or `path:
/// message` when no line applies), the format editors and editors' tools
/// understand. The message is kept as an id and variables
/// (`locales/*/check.ftl`): the command line prints it in English, the
/// editors' pages in the editor's language.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    /// The file, as given to the loader (relative paths stay relative).
    pub path: PathBuf,
    /// 1-based line, where one applies.
    pub line: Option<usize>,
    /// What is wrong, in words an editor can act on.
    pub message: Message,
}

impl Problem {
    /// A problem at a line of a file.
    pub fn at(path: &Path, line: Option<usize>, message: Message) -> Self {
        Problem {
            path: path.to_path_buf(),
            line,
            message,
        }
    }

    /// What is wrong, in the language of `t`.
    pub fn text(&self, t: &Tr) -> String {
        self.message.text(t)
    }

    /// Where it is: `path:line`, or the path alone.
    pub fn place(&self) -> String {
        match self.line {
            Some(line) => format!("{}:{line}", self.path.display()),
            None => self.path.display().to_string(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let message = self.text(&Tr::new(Lang::En));
        write!(f, "{}: {message}", self.place())
    }
}

/// A message for an error from TOML parsing or deserialising. serde words
/// its errors in a few fixed forms, and the model's own checks (dates, for
/// one) in forms of ours; those are recognised so editors read them in
/// their language. Anything else (a TOML syntax error) is passed on in the
/// parser's own words.
pub fn parse_error(text: &str) -> Message {
    let text = text.trim();
    let quoted = |s: &str| -> Option<String> {
        let s = s.strip_prefix('`')?;
        Some(s[..s.find('`')?].to_string())
    };
    if let Some(field) = text.strip_prefix("missing field ").and_then(quoted) {
        return Message::new("check-missing-field").arg("field", field);
    }
    if let Some(rest) = text.strip_prefix("unknown field ")
        && let Some(field) = quoted(rest)
    {
        let expected = rest.split_once("expected ").map_or("", |(_, e)| e);
        return Message::new("check-unknown-field")
            .arg("field", field)
            .arg("expected", expected.replace("one of ", ""));
    }
    if let Some(rest) = text.strip_prefix("unknown variant ")
        && let Some(value) = quoted(rest)
    {
        let expected = rest.split_once("expected ").map_or("", |(_, e)| e);
        return Message::new("check-unknown-value")
            .arg("value", value)
            .arg("expected", expected.replace("one of ", ""));
    }
    if let Some(rest) = text.strip_prefix("invalid type: ")
        && let Some((found, expected)) = rest.split_once(", expected ")
    {
        return Message::new("check-wrong-type")
            .arg("found", type_word(found))
            .arg("expected", type_word(expected));
    }
    if let Some(rest) = text.strip_prefix(NOT_A_DATE)
        && let Some(value) = rest.strip_suffix('\'')
    {
        return Message::new("check-not-a-date").arg("value", value);
    }
    for (own, id) in OWN_MESSAGES {
        if text == *own {
            return Message::new(id);
        }
    }
    Message::new("check-toml").arg("detail", text.replace('\n', " "))
}

/// The model's own deserialising errors and their message ids.
pub(crate) const OWN_MESSAGES: &[(&str, &str)] = &[
    (VERIFIED_NOT_A_DATE, "check-verified-not-a-date"),
    (VERIFIED_TRUE, "check-verified-true"),
    (ENDS_NOT_A_DATE, "check-ends-not-a-date"),
    (ENDS_TRUE, "check-ends-true"),
];

/// The start of a date error: the value follows, in quotes.
pub(crate) const NOT_A_DATE: &str = "expected a date (YYYY-MM-DD), not '";
pub(crate) const VERIFIED_NOT_A_DATE: &str = "`verified` must be a date (YYYY-MM-DD) or false";
pub(crate) const VERIFIED_TRUE: &str =
    "`verified = true` says nothing: give the date the details were checked";
pub(crate) const ENDS_NOT_A_DATE: &str = "`ends` must be a date (YYYY-MM-DD) or false";
pub(crate) const ENDS_TRUE: &str =
    "`ends = true` says nothing: give the last day, or false while it runs";

/// serde's names of kinds of value ("a boolean", "string \"x\"") as one
/// word a message can select on: text, list, bool, integer, number, date,
/// table, or other.
fn type_word(serde: &str) -> &'static str {
    let s = serde.trim();
    let word = s.split_whitespace().find(|w| *w != "a" && *w != "an");
    match word.unwrap_or("") {
        w if w.starts_with("string") || w.starts_with("char") => "text",
        "sequence" | "array" => "list",
        "boolean" => "bool",
        "integer" | "i64" | "u64" | "u32" | "usize" => "integer",
        "floating" | "float" | "f64" => "number",
        "map" | "table" | "struct" => "table",
        w if w.starts_with("date") => "date",
        _ => "other",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_models_own_errors_have_words_in_both_languages() {
        for (_, id) in OWN_MESSAGES {
            for lang in Lang::ALL {
                assert!(crate::i18n::has_message(lang, id), "{id} in {lang}");
            }
        }
    }

    #[test]
    fn serde_errors_become_messages_with_their_names() {
        let m = parse_error("missing field `title`");
        assert_eq!(
            (m.id, m.get("field")),
            ("check-missing-field", Some(&"title".into()))
        );
        let m = parse_error("unknown field `titel`, expected one of `id`, `title`");
        assert_eq!(m.id, "check-unknown-field");
        assert_eq!(m.get("expected"), Some(&"`id`, `title`".into()));
        let m = parse_error("invalid type: string \"yes\", expected a boolean");
        assert_eq!(m.get("found"), Some(&"text".into()));
        assert_eq!(m.get("expected"), Some(&"bool".into()));
        let m = parse_error("expected a date (YYYY-MM-DD), not '2026-13-01'");
        assert_eq!(m.get("value"), Some(&"2026-13-01".into()));
        assert_eq!(parse_error(VERIFIED_TRUE).id, "check-verified-true");
        let m = parse_error("invalid string\nexpected `\"`");
        assert_eq!(m.id, "check-toml");
        assert!(
            !matches!(m.get("detail"), Some(crate::i18n::MessageArg::Text(t)) if t.contains('\n'))
        );
    }
}
