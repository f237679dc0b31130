//! Contact details that must work when an adviser reads them out: UK phone
//! numbers, e-mail addresses and web addresses.

/// Whether `text` is a UK phone number as people write it: digits in
/// groups, a national number starting 0 (10 or 11 digits), the same after
/// `+44`, or a short service number (101, 111, 999, 116 123, 18000).
/// Other forms are almost always a digit dropped or doubled.
pub fn is_phone(text: &str) -> bool {
    let Some(digits) = digits(text) else {
        return false;
    };
    if let Some(national) = text.trim().strip_prefix('+') {
        return national.trim_start().starts_with("44")
            && !digits[2..].starts_with('0')
            && (11..=12).contains(&digits.len());
    }
    match digits.len() {
        10 | 11 => digits.starts_with('0'),
        // 101, 111, 105…; 999.
        3 => digits.starts_with('1') || digits == "999",
        // Relay UK (18000, 18001).
        5 => digits.starts_with("180"),
        // The European helplines (116 123, 116 006).
        6 => digits.starts_with("116"),
        _ => false,
    }
}

/// Whether `text` is a number to send a text message to: a phone number or
/// a five- or six-digit short code.
pub fn is_sms(text: &str) -> bool {
    is_phone(text)
        || digits(text).is_some_and(|d| !text.contains('+') && (5..=6).contains(&d.len()))
}

/// The digits of a number written with digits and single spaces (and a
/// leading `+`), or `None` if anything else is in it.
fn digits(text: &str) -> Option<String> {
    let text = text.trim();
    let body = text.strip_prefix('+').unwrap_or(text);
    let ok = !body.is_empty()
        && !body.contains("  ")
        && body.chars().all(|c| c.is_ascii_digit() || c == ' ');
    ok.then(|| body.chars().filter(char::is_ascii_digit).collect())
}

/// Whether `text` is an e-mail address of the ordinary kind: a local part
/// without spaces or brackets, `@`, and a domain of at least two labels.
/// RFC 5322 allows more, but no agency publishes an address that needs it,
/// and an address that fails this is almost always a typing slip.
pub fn is_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    let local_ok = (1..=64).contains(&local.len())
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+-/=?^_`{|}~.".contains(c));
    local_ok && is_domain(domain)
}

/// Whether `text` is a web address a browser opens: `https://` or
/// `http://` and a named host.
pub fn is_web(text: &str) -> bool {
    if text.trim() != text || text.contains(char::is_whitespace) {
        return false;
    }
    match url::Url::parse(text) {
        Ok(u) => {
            matches!(u.scheme(), "https" | "http")
                && matches!(u.host(), Some(url::Host::Domain(d)) if is_domain(d))
        }
        Err(_) => false,
    }
}

/// Labels of letters, digits and inner hyphens, at least two, the last
/// alphabetic (a top-level domain).
fn is_domain(domain: &str) -> bool {
    let labels: Vec<&str> = domain.split('.').collect();
    labels.len() >= 2
        && labels.iter().all(|l| {
            (1..=63).contains(&l.len())
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uk_numbers_as_agencies_publish_them() {
        for ok in [
            "0300 123 2040",
            "0808 80 10 800",
            "08 08 16 89 111",
            "020 3117 2520",
            "01698 542900",
            "116 123",
            "101",
            "999",
            "18000",
            "+44 300 123 2040",
        ] {
            assert!(is_phone(ok), "{ok}");
        }
        for bad in [
            "",
            "0300 123 20",
            "0300 123 20400",
            "0300-123-2040",
            "03OO 123 2040",
            "+44 0300 123 2040",
            "+1 202 555 0100",
            "call 101",
            "12",
            "116 12",
            "12345",
            "0300  123 2040",
        ] {
            assert!(!is_phone(bad), "{bad}");
        }
        assert!(is_sms("07860 077333") && is_sms("85258"));
        assert!(!is_sms("8525") && !is_sms("+85258"));
    }

    #[test]
    fn email_addresses() {
        for ok in [
            "jo@samaritans.org",
            "post@cyg-wlc.cymru",
            "first.last+x@a.gov.uk",
        ] {
            assert!(is_email(ok), "{ok}");
        }
        for bad in [
            "",
            "jo",
            "jo@",
            "@samaritans.org",
            "jo@samaritans",
            "jo @samaritans.org",
            "jo@samaritans..org",
            "jo@sam_aritans.org",
            "jo@@samaritans.org",
            "jo@samaritans.o",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
    }

    #[test]
    fn web_addresses() {
        for ok in [
            "https://www.mind.org.uk",
            "https://www.policeconduct.gov.uk/complaints?x=1",
        ] {
            assert!(is_web(ok), "{ok}");
        }
        for bad in [
            "",
            "www.mind.org.uk",
            "https://",
            "https://localhost/",
            "https://192.168.0.1/",
            "javascript:alert(1)",
            "ftp://files.example.org",
            "https://www.mind .org.uk",
            " https://www.mind.org.uk",
            "https://...",
        ] {
            assert!(!is_web(bad), "{bad}");
        }
    }
}
