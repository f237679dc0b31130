//! Sign-in throttling, kept in the store so every replica shares it.
//!
//! Failures are counted per name *at an address* and per address, never
//! per name alone: a stranger who keeps failing for someone's name locks
//! out only their own address, and the real user signs in from theirs. An
//! address may fail more often than a name there, because a whole contact
//! centre may share one address behind its NAT. From its limit on, each
//! failure locks the key for twice as long as the last, up to [`MAX_LOCK`].

use std::net::IpAddr;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::store::{LockRule, Store, StoreResult};

/// The attempt for one name at one address that locks it.
pub const LOCK_AT_PER_NAME: u32 = 5;
/// The attempt from one address, whatever the names, that locks it.
pub const LOCK_AT_PER_ADDRESS: u32 = 30;
/// First lock period; each further attempt doubles it, up to [`MAX_LOCK`].
pub const FIRST_LOCK: Duration = Duration::from_secs(30);
/// Longest lock.
pub const MAX_LOCK: Duration = Duration::from_secs(15 * 60);
/// A key with no attempt for this long is forgotten.
const FORGET_AFTER: Duration = Duration::from_secs(60 * 60);

fn millis(d: Duration) -> i64 {
    i64::try_from(d.as_millis()).unwrap_or(i64::MAX)
}

fn rule(lock_at: u32) -> LockRule {
    LockRule {
        lock_at,
        first_ms: millis(FIRST_LOCK),
        max_ms: millis(MAX_LOCK),
    }
}

/// The keys a sign-in attempt counts against: the name at the address,
/// then the address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keys {
    pair: String,
    address: String,
}

impl Keys {
    /// Keys for `name` (case does not matter) signing in from `address`
    /// (already reduced to its network by the web layer). Names no user
    /// can have share one key, so a key is never longer than a name.
    pub fn new(name: &str, address: IpAddr) -> Self {
        let name = name.trim().to_lowercase();
        let name = if super::valid_user_name(&name) {
            name.as_str()
        } else {
            "-"
        };
        Keys {
            pair: format!("name:{name}|{address}"),
            address: format!("addr:{address}"),
        }
    }
}

fn unix_millis(t: SystemTime) -> i64 {
    t.duration_since(UNIX_EPOCH).map_or(0, millis)
}

/// Counts an attempt against both keys before its password is checked,
/// so that attempts sent all at once cannot pass the limit; when either
/// key is locked, nothing is counted and the wait is returned.
pub async fn attempt(
    store: &dyn Store,
    keys: &Keys,
    now: SystemTime,
) -> StoreResult<Option<Duration>> {
    let at = unix_millis(now);
    let forget_before = at.saturating_sub(millis(FORGET_AFTER));
    let limits = vec![
        (keys.pair.clone(), rule(LOCK_AT_PER_NAME)),
        (keys.address.clone(), rule(LOCK_AT_PER_ADDRESS)),
    ];
    let until = store.throttle_attempt(limits, at, forget_before).await?;
    Ok(until.map(|u| Duration::from_millis(u64::try_from(u.saturating_sub(at)).unwrap_or(0))))
}

/// Takes back an attempt whose password was right: the name's count at
/// the address is forgotten, and the address counts it no more (signing
/// in to one's own account must not lock the centre, nor reset the count
/// of guesses made at others').
pub async fn succeeded(store: &dyn Store, keys: &Keys) -> StoreResult<()> {
    store
        .throttle_succeeded(&keys.pair, &keys.address, rule(LOCK_AT_PER_ADDRESS))
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locks_from_the_limit_and_doubles_to_the_maximum() {
        let r = rule(LOCK_AT_PER_NAME);
        let ms = |d: Duration| Some(millis(d));
        assert_eq!(r.lock_after(LOCK_AT_PER_NAME - 1), None);
        assert_eq!(r.lock_after(LOCK_AT_PER_NAME), ms(FIRST_LOCK));
        assert_eq!(r.lock_after(LOCK_AT_PER_NAME + 1), ms(FIRST_LOCK * 2));
        assert_eq!(r.lock_after(LOCK_AT_PER_NAME + 40), ms(MAX_LOCK));
    }

    #[test]
    fn keys_ignore_case_and_spaces_and_bound_strange_names() {
        let ip: IpAddr = "203.0.113.5".parse().unwrap();
        assert_eq!(Keys::new(" Ann ", ip), Keys::new("ann", ip));
        assert_ne!(
            Keys::new("ann", ip),
            Keys::new("ann", "203.0.113.6".parse().unwrap())
        );
        assert_eq!(Keys::new(&"x".repeat(5000), ip), Keys::new("a b", ip));
    }
}
