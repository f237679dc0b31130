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

use crate::store::{Store, StoreResult};

/// The failure for one name at one address that locks it.
pub const LOCK_AT_PER_NAME: u32 = 5;
/// The failure from one address, whatever the names, that locks it.
pub const LOCK_AT_PER_ADDRESS: u32 = 30;
/// First lock period; each further failure doubles it, up to [`MAX_LOCK`].
pub const FIRST_LOCK: Duration = Duration::from_secs(30);
/// Longest lock.
pub const MAX_LOCK: Duration = Duration::from_secs(15 * 60);
/// A key with no failure for this long is forgotten.
const FORGET_AFTER: Duration = Duration::from_secs(60 * 60);

/// The keys a sign-in attempt counts against: the name at the address,
/// then the address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keys {
    pair: String,
    address: String,
}

impl Keys {
    /// Keys for `name` (case does not matter) signing in from `address`
    /// (already reduced to its network by the web layer).
    pub fn new(name: &str, address: IpAddr) -> Self {
        Keys {
            pair: format!("name:{}|{address}", name.trim().to_lowercase()),
            address: format!("addr:{address}"),
        }
    }

    fn all(&self) -> [String; 2] {
        [self.pair.clone(), self.address.clone()]
    }
}

fn millis(t: SystemTime) -> i64 {
    t.duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}

/// The lock after `failures`, from the `lock_at`th on.
fn lock_for(failures: u32, lock_at: u32) -> Option<Duration> {
    let past = failures.checked_sub(lock_at)?;
    Some((FIRST_LOCK * 2u32.pow(past.min(10))).min(MAX_LOCK))
}

/// How long until `keys` may try again, if either is locked at `now`.
pub async fn locked(
    store: &dyn Store,
    keys: &Keys,
    now: SystemTime,
) -> StoreResult<Option<Duration>> {
    let until = store.throttle_locked_until(&keys.all()).await?;
    let now = millis(now);
    Ok(until
        .filter(|u| *u > now)
        .map(|u| Duration::from_millis(u64::try_from(u - now).unwrap_or(0))))
}

/// Counts a failed attempt against both keys, locking any that has
/// reached its limit.
pub async fn failed(store: &dyn Store, keys: &Keys, now: SystemTime) -> StoreResult<()> {
    let at = millis(now);
    let forget_before = at - i64::try_from(FORGET_AFTER.as_millis()).unwrap_or(i64::MAX);
    for (key, lock_at) in [
        (&keys.pair, LOCK_AT_PER_NAME),
        (&keys.address, LOCK_AT_PER_ADDRESS),
    ] {
        let failures = store.throttle_fail(key, at, forget_before).await?;
        if let Some(lock) = lock_for(failures, lock_at) {
            let until = at + i64::try_from(lock.as_millis()).unwrap_or(i64::MAX);
            store.throttle_lock(key, until).await?;
        }
    }
    Ok(())
}

/// Forgets the name's failures at the address after a successful sign-in.
/// The address's count stays: signing in to one's own account must not
/// reset the count of guesses made at others'.
pub async fn succeeded(store: &dyn Store, keys: &Keys) -> StoreResult<()> {
    store.throttle_clear(std::slice::from_ref(&keys.pair)).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locks_from_the_limit_and_doubles_to_the_maximum() {
        let at = LOCK_AT_PER_NAME;
        assert_eq!(lock_for(at - 1, at), None);
        assert_eq!(lock_for(at, at), Some(FIRST_LOCK));
        assert_eq!(lock_for(at + 1, at), Some(FIRST_LOCK * 2));
        assert_eq!(lock_for(at + 40, at), Some(MAX_LOCK));
    }

    #[test]
    fn keys_ignore_the_names_case_and_spaces() {
        let ip: IpAddr = "203.0.113.5".parse().unwrap();
        assert_eq!(Keys::new(" Ann ", ip), Keys::new("ann", ip));
        assert_ne!(
            Keys::new("ann", ip),
            Keys::new("ann", "203.0.113.6".parse().unwrap())
        );
    }
}
