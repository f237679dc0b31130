//! Password hashing with Argon2id (the crate's recommended parameters), in
//! the PHC string format so parameters can be raised later without breaking
//! stored hashes.

use std::sync::OnceLock;

use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use argon2::{Argon2, PasswordHash};

/// Shortest password accepted.
pub const MIN_PASSWORD_CHARS: usize = 12;
/// Longest password accepted (hashing cost should not be the caller's choice).
pub const MAX_PASSWORD_CHARS: usize = 256;

/// Why a password was refused.
#[derive(Debug, thiserror::Error)]
pub enum PasswordError {
    /// Too short or too long.
    #[error("the password must be {MIN_PASSWORD_CHARS} to {MAX_PASSWORD_CHARS} characters long")]
    Length,
    /// On the list of common passwords, or one or two characters repeated.
    #[error("the password is a common one, or too easily guessed")]
    Common,
    /// Hashing failed (should not happen).
    #[error("could not hash the password: {0}")]
    Hash(String),
}

/// Hashes a password for storage. Slow on purpose (tens of milliseconds):
/// call it off the async executor.
pub fn hash(password: &str) -> Result<String, PasswordError> {
    let chars = password.chars().count();
    if !(MIN_PASSWORD_CHARS..=MAX_PASSWORD_CHARS).contains(&chars) {
        return Err(PasswordError::Length);
    }
    if guessable(password) {
        return Err(PasswordError::Common);
    }
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| PasswordError::Hash(e.to_string()))
}

/// Whether a password is on the common list (whatever its case, spaces
/// and punctuation) or is only a few characters over and over.
fn guessable(password: &str) -> bool {
    static COMMON: OnceLock<std::collections::HashSet<String>> = OnceLock::new();
    let plain = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let common = COMMON.get_or_init(|| {
        include_str!("common-passwords.txt")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .map(plain)
            .collect()
    });
    let mut distinct: Vec<char> = password.chars().collect();
    distinct.sort_unstable();
    distinct.dedup();
    distinct.len() <= 3 || common.contains(&plain(password))
}

/// Whether `password` matches the stored hash. A malformed hash never matches.
pub fn verify(password: &str, stored: &str) -> bool {
    if password.chars().count() > MAX_PASSWORD_CHARS {
        return false;
    }
    match PasswordHash::new(stored) {
        Ok(parsed) => Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok(),
        Err(_) => false,
    }
}

/// Spends the same time as checking a real password, for unknown user
/// names, so response times do not reveal which names exist.
pub fn verify_dummy(password: &str) {
    static DUMMY: OnceLock<String> = OnceLock::new();
    let dummy = DUMMY.get_or_init(|| hash("not a real password at all").expect("hashable"));
    let _ = verify(password, dummy);
}

/// A random password for a first-run administrator: 20 characters from an
/// alphabet without look-alikes.
pub fn generate() -> String {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";
    let mut bytes = [0u8; 20];
    getrandom::fill(&mut bytes).expect("the operating system's random source failed");
    bytes
        .iter()
        .map(|b| ALPHABET[*b as usize % ALPHABET.len()] as char)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_and_repetitive_passwords_are_refused() {
        for weak in [
            "password1234",
            "Password 1234!",
            "QWERTY123456",
            "abababababab",
            "aaaaaaaaaaaaaaaa",
        ] {
            assert!(matches!(hash(weak), Err(PasswordError::Common)), "{weak}");
        }
        assert!(hash("a castle by the river Taf").is_ok());
    }

    #[test]
    fn hashes_verify_and_reject() {
        let h = hash("correct horse battery").unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(verify("correct horse battery", &h));
        assert!(!verify("wrong horse battery", &h));
        assert!(!verify("correct horse battery", "not a hash"));
        assert!(matches!(hash("short"), Err(PasswordError::Length)));
        assert_eq!(generate().len(), 20);
    }
}
