//! Markdown files with TOML front matter between `+++` lines.

use super::problem::{Problem, parse_error};
use super::source::Source;
use crate::i18n::Message;

/// A file split into its front matter and body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split<'a> {
    /// The TOML between the `+++` lines.
    pub front: &'a str,
    /// 1-based line of the first front-matter line.
    pub front_line: usize,
    /// The Markdown after the closing `+++`.
    pub body: &'a str,
    /// 1-based line where the body starts.
    pub body_line: usize,
}

/// Splits `source` into front matter and body.
pub fn split(source: &Source) -> Result<Split<'_>, Problem> {
    let text = source.text.strip_prefix('\u{feff}').unwrap_or(&source.text);
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    if first.trim_end() != "+++" {
        return Err(Problem::at(
            source.path(),
            Some(1),
            Message::new("check-front-matter-missing"),
        ));
    }
    let front_start = first.len();
    let mut offset = front_start;
    for (i, line) in lines.enumerate() {
        if line.trim_end() == "+++" {
            let body_start = offset + line.len();
            return Ok(Split {
                front: &text[front_start..offset],
                front_line: 2,
                body: &text[body_start..],
                body_line: i + 3,
            });
        }
        offset += line.len();
    }
    Err(Problem::at(
        source.path(),
        Some(1),
        Message::new("check-front-matter-not-closed"),
    ))
}

/// Parses TOML that starts at `first_line` of `source`, turning errors into a
/// problem at the right line.
pub fn parse_toml<T: serde::de::DeserializeOwned>(
    source: &Source,
    toml_text: &str,
    first_line: usize,
) -> Result<T, Problem> {
    toml::from_str(toml_text).map_err(|e| {
        let line = e.span().map(|span| {
            first_line
                + toml_text[..span.start.min(toml_text.len())]
                    .matches('\n')
                    .count()
        });
        Problem::at(
            source.path(),
            line.or(Some(first_line)),
            parse_error(e.message()),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_and_numbers_lines() {
        let s = Source::new("a.md", "+++\nid = \"a\"\n+++\n\n# Body\n");
        let sp = split(&s).unwrap();
        assert_eq!(sp.front, "id = \"a\"\n");
        assert_eq!(sp.body, "\n# Body\n");
        assert_eq!(sp.body_line, 4);
    }

    #[test]
    fn reports_missing_and_unclosed_front_matter() {
        let e = split(&Source::new("a.md", "# no front matter")).unwrap_err();
        assert_eq!(e.line, Some(1));
        let e = split(&Source::new("a.md", "+++\nid = \"a\"\n")).unwrap_err();
        assert_eq!(e.message.id, "check-front-matter-not-closed");
    }

    #[test]
    fn toml_errors_point_at_the_line() {
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct T {
            a: u32,
        }
        let s = Source::new("a.md", "+++\n\na = \"x\"\n+++\n");
        let sp = split(&s).unwrap();
        let e = parse_toml::<T>(&s, sp.front, sp.front_line).unwrap_err();
        assert_eq!(e.line, Some(3), "{e}");
    }
}
