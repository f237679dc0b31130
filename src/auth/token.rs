//! Random tokens for sessions and CSRF. Only a hash of a session token is
//! stored, so a copy of the database cannot be used to log in.

use sha2::{Digest, Sha256};

/// A new random token: 32 bytes from the operating system, as hex.
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).expect("the operating system's random source failed");
    hex(&bytes)
}

/// The stored form of a session token.
pub fn hash_token(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

/// Whether a token looks like one of ours (64 hex digits), so malformed
/// cookies are refused before any lookup.
pub fn well_formed(token: &str) -> bool {
    token.len() == 64 && token.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Compares two secrets in time that does not depend on where they differ.
pub fn same_secret(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// A token that carries its own proof of origin: 16 random bytes and the
/// first 16 bytes of their HMAC-SHA256 under `secret`, as 64 hex digits.
/// Only the holder of `secret` can make one that [`signed_by`] accepts.
pub fn new_signed_token(secret: &[u8]) -> String {
    let mut nonce = [0u8; 16];
    getrandom::fill(&mut nonce).expect("the operating system's random source failed");
    let nonce = hex(&nonce);
    let mac = mac(secret, &nonce);
    format!("{nonce}{mac}")
}

/// Whether `token` was made by [`new_signed_token`] with `secret`.
pub fn signed_by(token: &str, secret: &[u8]) -> bool {
    well_formed(token) && same_secret(&token[32..], &mac(secret, &token[..32]))
}

fn mac(secret: &[u8], nonce: &str) -> String {
    use hmac::{KeyInit, Mac};
    let mut m =
        hmac::Hmac::<Sha256>::new_from_slice(secret).expect("HMAC takes a key of any length");
    m.update(b"canllaw-login-csrf|");
    m.update(nonce.as_bytes());
    hex(&m.finalize().into_bytes()[..16])
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_and_well_formed() {
        let (a, b) = (new_token(), new_token());
        assert_ne!(a, b);
        assert!(well_formed(&a));
        assert!(!well_formed("../../etc/passwd"));
        // SHA-256, hex: the standard test vector for "abc".
        assert_eq!(
            hash_token("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert!(well_formed(&hash_token(&a)) && hash_token(&a) != a);
        assert!(same_secret(&a, &a.clone()));
        let signed = new_signed_token(b"one secret");
        assert!(well_formed(&signed));
        assert!(signed_by(&signed, b"one secret"));
        assert!(!signed_by(&signed, b"another secret"));
        assert!(
            !signed_by(&a, b"one secret"),
            "a random token is not signed"
        );
        assert!(!same_secret(&a, &b));
    }
}
