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

/// Lower case with runs of white space made one space.
fn plain(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The digits of a phone number, `+44`/`0044`/`44` made `0`.
fn digits(text: &str) -> String {
    let d: String = text.chars().filter(char::is_ascii_digit).collect();
    for prefix in ["0044", "44"] {
        if let Some(rest) = d.strip_prefix(prefix)
            && rest.len() >= 9
        {
            return format!("0{rest}");
        }
    }
    d
}

impl Subject {
    /// Checks there is enough to search by.
    pub fn validate(&self) -> Result<(), SubjectError> {
        let enough = match self {
            Subject::Phone(p) => digits(p).len() >= MIN_DIGITS,
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
                caller
                    .contact
                    .iter()
                    .map(String::as_str)
                    .chain(written)
                    .any(|t| digits(t).contains(&wanted))
            }
            Subject::Name(t) | Subject::Email(t) | Subject::Reference(t) => {
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
