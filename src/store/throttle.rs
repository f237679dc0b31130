//! Sign-in failures per key, kept in the store so that every replica of
//! the service counts the same failures. What the counts mean (how many
//! are free, how long a lock lasts) is `auth::throttle`'s business.

use rusqlite::{Connection, OptionalExtension, params, params_from_iter};

use super::{StoreResult, sqlite::db_err};

pub(super) const MIGRATION: &str = r#"
-- Failed sign-ins per key (a name and address pair, or an address), so
-- that replicas share one throttle. Times are Unix milliseconds.
CREATE TABLE login_throttle (
    key          TEXT PRIMARY KEY,
    failures     INTEGER NOT NULL,
    last_at      INTEGER NOT NULL,
    locked_until INTEGER
);
CREATE INDEX login_throttle_last ON login_throttle (last_at);
"#;

/// Counts a failure for `key` at `now`, after forgetting keys whose last
/// failure was before `forget_before`; returns the failures counted.
pub(super) fn fail(
    c: &mut Connection,
    key: &str,
    now: i64,
    forget_before: i64,
) -> StoreResult<u32> {
    let tx = c.transaction().map_err(db_err)?;
    tx.execute(
        "DELETE FROM login_throttle WHERE last_at < ?1",
        params![forget_before],
    )
    .map_err(db_err)?;
    let failures: i64 = tx
        .query_row(
            "INSERT INTO login_throttle (key, failures, last_at) VALUES (?1, 1, ?2)
             ON CONFLICT (key) DO UPDATE SET failures = failures + 1, last_at = ?2
             RETURNING failures",
            params![key, now],
            |r| r.get(0),
        )
        .map_err(db_err)?;
    tx.commit().map_err(db_err)?;
    Ok(u32::try_from(failures).unwrap_or(u32::MAX))
}

/// Locks `key` until `until`.
pub(super) fn lock(c: &Connection, key: &str, until: i64) -> StoreResult<()> {
    c.execute(
        "UPDATE login_throttle SET locked_until = max(coalesce(locked_until, 0), ?2) WHERE key = ?1",
        params![key, until],
    )
    .map(|_| ())
    .map_err(db_err)
}

/// The latest lock among `keys`, if any.
pub(super) fn locked_until(c: &Connection, keys: &[String]) -> StoreResult<Option<i64>> {
    if keys.is_empty() {
        return Ok(None);
    }
    let marks = vec!["?"; keys.len()].join(", ");
    c.query_row(
        &format!("SELECT max(locked_until) FROM login_throttle WHERE key IN ({marks})"),
        params_from_iter(keys),
        |r| r.get::<_, Option<i64>>(0),
    )
    .optional()
    .map(Option::flatten)
    .map_err(db_err)
}

/// Forgets `keys`.
pub(super) fn clear(c: &Connection, keys: &[String]) -> StoreResult<()> {
    for key in keys {
        c.execute("DELETE FROM login_throttle WHERE key = ?1", params![key])
            .map_err(db_err)?;
    }
    Ok(())
}
