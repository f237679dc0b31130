//! Sign-in attempts per key, kept in the store so that every replica
//! counts the same ones. Each attempt is counted, and locks its key when
//! it reaches the key's limit, in one transaction *before* the password is
//! checked: attempts sent all at once cannot slip past the limit. The
//! domain (`auth::throttle`) says what the limits and locks are.

use rusqlite::{Connection, OptionalExtension, params};

use super::{StoreResult, sqlite::db_err};

pub(super) const MIGRATION: &str = r#"
-- Sign-in attempts per key (a name and address pair, or an address), so
-- that replicas share one throttle. Times are Unix milliseconds.
CREATE TABLE login_throttle (
    key          TEXT PRIMARY KEY,
    failures     INTEGER NOT NULL,
    last_at      INTEGER NOT NULL,
    locked_until INTEGER
);
CREATE INDEX login_throttle_last ON login_throttle (last_at);
"#;

/// How a key locks: from its `lock_at`th counted attempt on, for
/// `first_ms`, doubling with each further attempt up to `max_ms`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LockRule {
    /// The attempt that first locks.
    pub lock_at: u32,
    /// The first lock, in milliseconds.
    pub first_ms: i64,
    /// The longest lock, in milliseconds.
    pub max_ms: i64,
}

impl LockRule {
    /// The lock after `attempts`, if they reach the limit.
    pub fn lock_after(&self, attempts: u32) -> Option<i64> {
        let past = attempts.checked_sub(self.lock_at)?;
        Some(
            self.first_ms
                .saturating_mul(1 << past.min(20))
                .min(self.max_ms),
        )
    }
}

/// Counts an attempt against every key at `now`, locking those that reach
/// their limit, after forgetting keys last tried before `forget_before`.
/// When a key is already locked, nothing is counted and the lock's end is
/// returned instead.
pub(super) fn attempt(
    c: &mut Connection,
    keys: &[(String, LockRule)],
    now: i64,
    forget_before: i64,
) -> StoreResult<Option<i64>> {
    let tx = c.transaction().map_err(db_err)?;
    tx.execute(
        "DELETE FROM login_throttle WHERE last_at < ?1",
        params![forget_before],
    )
    .map_err(db_err)?;
    for (key, _) in keys {
        let until: Option<i64> = tx
            .query_row(
                "SELECT locked_until FROM login_throttle WHERE key = ?1",
                params![key],
                |r| r.get(0),
            )
            .optional()
            .map_err(db_err)?
            .flatten();
        if let Some(until) = until.filter(|u| *u > now) {
            return Ok(Some(until));
        }
    }
    for (key, rule) in keys {
        let failures: i64 = tx
            .query_row(
                "INSERT INTO login_throttle (key, failures, last_at) VALUES (?1, 1, ?2)
                 ON CONFLICT (key) DO UPDATE SET failures = failures + 1, last_at = ?2
                 RETURNING failures",
                params![key, now],
                |r| r.get(0),
            )
            .map_err(db_err)?;
        if let Some(lock) = rule.lock_after(u32::try_from(failures).unwrap_or(u32::MAX)) {
            tx.execute(
                "UPDATE login_throttle SET locked_until = ?2 WHERE key = ?1",
                params![key, now.saturating_add(lock)],
            )
            .map_err(db_err)?;
        }
    }
    tx.commit().map_err(db_err)?;
    Ok(None)
}

/// Takes back an attempt that succeeded: `clear` is forgotten, and
/// `forgive` counts one attempt fewer, unlocked again if that takes it
/// under `limit`.
pub(super) fn succeeded(
    c: &mut Connection,
    clear: &str,
    forgive: &str,
    limit: u32,
) -> StoreResult<()> {
    let tx = c.transaction().map_err(db_err)?;
    tx.execute("DELETE FROM login_throttle WHERE key = ?1", params![clear])
        .map_err(db_err)?;
    tx.execute(
        "UPDATE login_throttle SET failures = max(failures - 1, 0),
             locked_until = CASE WHEN failures - 1 < ?2 THEN NULL ELSE locked_until END
         WHERE key = ?1",
        params![forgive, limit],
    )
    .map_err(db_err)?;
    tx.commit().map_err(db_err)
}
