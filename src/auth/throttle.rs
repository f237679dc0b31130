//! Login throttling: after a few failures from one address or for one user
//! name, further attempts are refused for a while, doubling each time. Kept
//! in memory: a restart forgets it, which is acceptable for one instance
//! (a shared store would be needed past one machine; see DESIGN.md).

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Failures allowed before a key is locked.
pub const FREE_FAILURES: u32 = 5;
/// First lock period; each further failure doubles it, up to [`MAX_LOCK`].
pub const FIRST_LOCK: Duration = Duration::from_secs(30);
/// Longest lock.
pub const MAX_LOCK: Duration = Duration::from_secs(15 * 60);
/// A key with no failure for this long is forgotten.
const FORGET_AFTER: Duration = Duration::from_secs(60 * 60);

#[derive(Debug, Clone, Copy)]
struct Entry {
    failures: u32,
    last: Instant,
    locked_until: Option<Instant>,
}

/// Failure counts per key (`ip:…` and `user:…`).
#[derive(Debug, Default)]
pub struct Throttle {
    entries: Mutex<HashMap<String, Entry>>,
}

impl Throttle {
    /// How long until any of `keys` may try again, if locked.
    pub fn locked(&self, keys: &[String], now: Instant) -> Option<Duration> {
        let entries = self.entries.lock().expect("throttle lock");
        keys.iter()
            .filter_map(|k| entries.get(k)?.locked_until)
            .filter(|until| *until > now)
            .map(|until| until - now)
            .max()
    }

    /// Records a failed attempt for each key.
    pub fn failed(&self, keys: &[String], now: Instant) {
        let mut entries = self.entries.lock().expect("throttle lock");
        entries.retain(|_, e| now.duration_since(e.last) < FORGET_AFTER);
        for key in keys {
            let e = entries.entry(key.clone()).or_insert(Entry {
                failures: 0,
                last: now,
                locked_until: None,
            });
            e.failures += 1;
            e.last = now;
            if e.failures >= FREE_FAILURES {
                let doublings = (e.failures - FREE_FAILURES).min(10);
                let lock = (FIRST_LOCK * 2u32.pow(doublings)).min(MAX_LOCK);
                e.locked_until = Some(now + lock);
            }
        }
    }

    /// Forgets the failures of each key after a successful login.
    pub fn succeeded(&self, keys: &[String]) {
        let mut entries = self.entries.lock().expect("throttle lock");
        for key in keys {
            entries.remove(key);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locks_after_free_failures_and_doubles() {
        let t = Throttle::default();
        let keys = vec!["user:ann".to_string()];
        let now = Instant::now();
        for _ in 0..FREE_FAILURES - 1 {
            t.failed(&keys, now);
        }
        assert_eq!(t.locked(&keys, now), None);
        t.failed(&keys, now);
        assert_eq!(t.locked(&keys, now), Some(FIRST_LOCK));
        t.failed(&keys, now);
        assert_eq!(t.locked(&keys, now), Some(FIRST_LOCK * 2));
        assert_eq!(t.locked(&keys, now + MAX_LOCK), None);
        t.succeeded(&keys);
        assert_eq!(t.locked(&keys, now), None);
    }
}
