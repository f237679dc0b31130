//! Finding every record about one person, for a subject access request:
//! by name, phone number, e-mail address or reference, in the caller's
//! details and in what the adviser wrote (summary, letters, actions,
//! comments). A wider net is right here: a person reviews the export
//! before it goes out, and a record missed is a breach of the right of
//! access.

use crate::assistant::contact::ContactRecord;

/// Who the request is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    /// A name, in any case and spacing.
    Name(String),
    /// A UK phone number, in any layout (`+44 7700 900123`,
    /// `07700900123`).
    Phone(String),
    /// An e-mail address, in any case.
    Email(String),
    /// A case reference, in any case.
    Reference(String),
}

/// Why a request cannot be searched for.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SubjectError {
    /// Too little to find one person by.
    #[error("give at least {0} letters or digits to search for")]
    TooShort(usize),
}

/// Fewest letters or digits a search needs: fewer would find everyone.
const MIN_CHARS: usize = 3;
/// Fewest digits of a phone number.
const MIN_DIGITS: usize = 6;

/// Folded (lower case, no accents: "Siân" is "sian") with runs of white
/// space made one space.
fn plain(text: &str) -> String {
    crate::analysis::fold(&text.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Letters and digits only, folded: "IOPC 2026/0042" is "iopc20260042".
fn bare(text: &str) -> String {
    crate::analysis::fold(text)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// The number without its trunk or country prefix (`0`, `44`, `0044`,
/// `+44`): the digits every layout of a UK number shares.
fn significant(digits: &str) -> &str {
    for prefix in ["0044", "44", "0"] {
        if let Some(rest) = digits.strip_prefix(prefix)
            && rest.len() >= 9
        {
            return rest;
        }
    }
    digits
}

/// The digits of each number written in `text`: runs of digits with the
/// spaces, dashes, dots, brackets and `+` people lay numbers out with.
fn numbers(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for c in text.chars().chain(std::iter::once('x')) {
        if c.is_ascii_digit() {
            current.push(c);
        } else if !matches!(c, ' ' | '-' | '.' | '(' | ')' | '+') && !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
    }
    out
}

/// The digits of a phone number.
fn digits(text: &str) -> String {
    text.chars().filter(char::is_ascii_digit).collect()
}

impl Subject {
    /// Checks there is enough to search by.
    pub fn validate(&self) -> Result<(), SubjectError> {
        let enough = match self {
            Subject::Phone(p) => significant(&digits(p)).len() >= MIN_DIGITS,
            Subject::Name(t) | Subject::Email(t) | Subject::Reference(t) => {
                plain(t).chars().filter(|c| c.is_alphanumeric()).count() >= MIN_CHARS
            }
        };
        if enough {
            Ok(())
        } else {
            Err(SubjectError::TooShort(match self {
                Subject::Phone(_) => MIN_DIGITS,
                _ => MIN_CHARS,
            }))
        }
    }

    /// Whether `record` is about this person.
    pub fn matches(&self, record: &ContactRecord) -> bool {
        let caller = &record.caller;
        let mut written: Vec<&str> = vec![record.summary.as_str()];
        written.extend(
            record
                .letters
                .iter()
                .flat_map(|l| [l.subject.as_str(), l.body.as_str()]),
        );
        written.extend(record.actions.iter().map(|a| a.description.as_str()));
        written.extend(
            record
                .satisfaction
                .iter()
                .filter_map(|a| a.comment.as_deref()),
        );
        match self {
            Subject::Phone(p) => {
                let wanted = digits(p);
                let wanted = significant(&wanted);
                caller
                    .contact
                    .iter()
                    .map(String::as_str)
                    .chain(written)
                    .flat_map(numbers)
                    .any(|n| n.contains(wanted))
            }
            Subject::Reference(r) => {
                let wanted = bare(r);
                caller
                    .reference
                    .iter()
                    .map(String::as_str)
                    .chain(written)
                    .any(|text| bare(text).contains(&wanted))
            }
            Subject::Name(t) | Subject::Email(t) => {
                let wanted = plain(t);
                [&caller.name, &caller.contact, &caller.reference]
                    .iter()
                    .filter_map(|f| f.as_deref())
                    .chain(written)
                    .any(|text| plain(text).contains(&wanted))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assistant::contact::{CallerDetails, Channel, NewContact};
    use crate::knowledge::CallerType;
    use crate::lang::Lang;

    fn record(name: &str, contact: &str, summary: &str) -> ContactRecord {
        let mut r = ContactRecord::start(
            NewContact {
                channel: Channel::Phone,
                caller_type: CallerType::Public,
                caller_lang: Lang::Cy,
            },
            1,
            "Anwen",
            "2026-12-01T10:00:00Z".into(),
        );
        r.caller = CallerDetails {
            name: Some(name.into()),
            contact: Some(contact.into()),
            reference: Some("IOPC-2026-0042".into()),
        };
        r.summary = summary.into();
        r
    }

    #[test]
    fn found_by_name_phone_email_or_reference_in_any_layout() {
        let siân = record("Siân  Pritchard", "+44 7700 900123", "");
        assert!(Subject::Name("siân pritchard".into()).matches(&siân));
        assert!(Subject::Phone("07700900123".into()).matches(&siân));
        assert!(Subject::Phone("(07700) 900 123".into()).matches(&siân));
        assert!(Subject::Reference("iopc-2026-0042".into()).matches(&siân));
        assert!(
            Subject::Name("Sian Pritchard".into()).matches(&siân),
            "accents folded"
        );
        assert!(Subject::Reference("IOPC 2026 0042".into()).matches(&siân));
        assert!(!Subject::Name("Sian Pritchard".into()).matches(&record(
            "Gareth Jones",
            "x@example.org",
            ""
        )));
        assert!(!Subject::Phone("07700900124".into()).matches(&siân));
        // Named only in what the adviser wrote.
        let other = record(
            "Gareth Jones",
            "gareth@example.org",
            "Calling for his mother, Siân Pritchard, on 07700 900123.",
        );
        assert!(Subject::Name("Siân Pritchard".into()).matches(&other));
        assert!(Subject::Phone("07700 900123".into()).matches(&other));
        // Numbers are read one at a time, so nearby digits do not hide one.
        let counted = record("A Caller", "", "Rang 2 times on +44 7700 900123 today.");
        assert!(Subject::Phone("07700900123".into()).matches(&counted));
        let joined = record("A Caller", "", "Ref 12, 07700 900124.");
        assert!(!Subject::Phone("07700900123".into()).matches(&joined));
        assert!(Subject::Email("Gareth@Example.org".into()).matches(&other));
    }

    #[test]
    fn too_little_to_find_one_person_is_refused() {
        assert_eq!(
            Subject::Name(" a ".into()).validate(),
            Err(SubjectError::TooShort(3))
        );
        assert_eq!(
            Subject::Phone("07 7".into()).validate(),
            Err(SubjectError::TooShort(6))
        );
        assert!(Subject::Name("Siân".into()).validate().is_ok());
    }
}
