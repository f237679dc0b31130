//! Letter templates (Fluent) as a form: each message (`subject`, `body`) a
//! field holding its text as the letter reads, without Fluent's
//! indentation, which is put back on save. Comments and the order of
//! messages stay as they were; a message the editor did not change is
//! written back byte for byte. Files with terms or attributes are edited
//! as text instead.

use std::collections::HashMap;

/// One message of a template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// Its id (`subject`).
    pub id: String,
    /// Its text, as the letter reads (continuation lines dedented).
    pub text: String,
}

/// A parsed file: top-level lines that are not messages (comments, blank
/// lines), and messages, in order.
enum Part<'a> {
    Verbatim(&'a str),
    Message {
        id: &'a str,
        /// The message's own lines, as written.
        source: String,
        text: String,
    },
}

/// The messages of a template, or `None` if it is not one a form can hold.
pub fn messages(ftl: &str) -> Option<Vec<Message>> {
    Some(
        parse(ftl)?
            .into_iter()
            .filter_map(|p| match p {
                Part::Message { id, text, .. } => Some(Message {
                    id: id.to_string(),
                    text,
                }),
                Part::Verbatim(_) => None,
            })
            .collect(),
    )
}

/// `ftl` with each message in `texts` (by id) given that text; messages not
/// given, or given unchanged, keep their lines as written.
pub fn apply(ftl: &str, texts: &HashMap<String, String>) -> Option<String> {
    let mut out = String::with_capacity(ftl.len());
    for part in parse(ftl)? {
        match part {
            Part::Verbatim(line) => out.push_str(line),
            Part::Message { id, source, text } => match texts.get(id) {
                Some(new) if normalise(new) != text => out.push_str(&write(id, &normalise(new))),
                _ => out.push_str(&source),
            },
        }
    }
    Some(out)
}

/// A submitted text as a message holds it: Unix line ends, no trailing
/// blank lines or spaces at line ends.
fn normalise(text: &str) -> String {
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    lines.join("\n").trim_end().to_string()
}

/// A message in Fluent: one line, or the id alone and the text indented
/// below it (blank lines stay blank).
fn write(id: &str, text: &str) -> String {
    if !text.contains('\n') {
        return format!("{id} = {text}\n");
    }
    let mut out = format!("{id} =\n");
    for line in text.lines() {
        if !line.is_empty() {
            out.push_str("    ");
            out.push_str(line);
        }
        out.push('\n');
    }
    out
}

fn parse(ftl: &str) -> Option<Vec<Part<'_>>> {
    let lines: Vec<&str> = ftl.split_inclusive('\n').collect();
    let mut parts = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let content = line.trim_end();
        if content.is_empty() || content.starts_with('#') {
            parts.push(Part::Verbatim(line));
            i += 1;
            continue;
        }
        let (id, first) = content.split_once('=')?;
        let id = id.trim_end();
        let is_id = id.starts_with(|c: char| c.is_ascii_alphabetic())
            && id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if !is_id {
            // A term (`-brand`) or something else no form holds.
            return None;
        }
        // Continuation lines are indented; blank lines belong to the
        // message only if an indented line follows them.
        let mut end = i + 1;
        let mut last = i;
        while end < lines.len() {
            let l = lines[end];
            if l.trim().is_empty() {
                end += 1;
            } else if l.starts_with([' ', '\t']) {
                if l.trim_start().starts_with('.') {
                    return None; // an attribute
                }
                last = end;
                end += 1;
            } else {
                break;
            }
        }
        let rest = &lines[i + 1..=last];
        let indent = rest
            .iter()
            .filter(|l| !l.trim().is_empty())
            .map(|l| l.len() - l.trim_start().len())
            .min()
            .unwrap_or(0);
        let mut text: Vec<String> = Vec::new();
        let first = first.trim();
        if !first.is_empty() {
            text.push(first.to_string());
        }
        for l in rest {
            let l = l.trim_end();
            text.push(l.get(indent..).unwrap_or("").to_string());
        }
        parts.push(Part::Message {
            id,
            source: lines[i..=last].concat(),
            text: text.join("\n"),
        });
        i = last + 1;
    }
    Some(parts)
}

#[cfg(test)]
mod tests {
    use super::*;

    const LETTER: &str = "# A comment\n\nsubject = Your complaint ({ $reference })\n\nbody =\n    Dear { $recipient_name },\n\n    Thank you.\n      Indented more.\n\n    Yours\n";

    #[test]
    fn messages_read_as_the_letter_does() {
        let m = messages(LETTER).unwrap();
        assert_eq!(m[0].id, "subject");
        assert_eq!(m[0].text, "Your complaint ({ $reference })");
        assert_eq!(
            m[1].text,
            "Dear { $recipient_name },\n\nThank you.\n  Indented more.\n\nYours"
        );
    }

    #[test]
    fn only_changed_messages_are_rewritten() {
        let same: HashMap<String, String> = messages(LETTER)
            .unwrap()
            .into_iter()
            .map(|m| (m.id, m.text.replace('\n', "\r\n") + "\r\n"))
            .collect();
        assert_eq!(apply(LETTER, &same).unwrap(), LETTER);
        let new = HashMap::from([(
            "body".to_string(),
            "Dear { $recipient_name },\r\n\r\nWe are sorry.  \r\n".to_string(),
        )]);
        let changed = apply(LETTER, &new).unwrap();
        assert_eq!(
            changed,
            "# A comment\n\nsubject = Your complaint ({ $reference })\n\nbody =\n    Dear { $recipient_name },\n\n    We are sorry.\n"
        );
        assert_eq!(
            messages(&changed).unwrap()[1].text,
            "Dear { $recipient_name },\n\nWe are sorry."
        );
    }

    #[test]
    fn terms_and_attributes_are_left_to_the_text_editor() {
        assert!(messages("-brand = IOPC\nsubject = x\n").is_none());
        assert!(messages("subject = x\n    .title = y\n").is_none());
    }

    #[test]
    fn every_bundled_template_round_trips() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge/templates");
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            let m = messages(&text).unwrap_or_else(|| panic!("{}", path.display()));
            assert!(m.iter().any(|m| m.id == "body"), "{}", path.display());
            let all: HashMap<String, String> = m.into_iter().map(|m| (m.id, m.text)).collect();
            assert_eq!(apply(&text, &all).unwrap(), text, "{}", path.display());
            // Rewritten from scratch, it means the same to Fluent.
            let rewritten: String = messages(&text)
                .unwrap()
                .iter()
                .map(|m| write(&m.id, &m.text))
                .collect();
            assert_eq!(messages(&rewritten).unwrap(), messages(&text).unwrap());
        }
    }
}
