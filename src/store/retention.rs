//! Keeping personal data only as long as the retention policy allows: the
//! store's side of a purge (see `crate::retention` for the policy), and
//! reading every record for a subject access request.

use super::sqlite::db_err;
use rusqlite::{Connection, params};
use serde::{Deserialize, Serialize};

use super::StoreResult;
use crate::assistant::contact::ContactRecord;

/// The schema: when a record was anonymised (it is not done twice).
pub const MIGRATION: &str = r#"
ALTER TABLE contacts ADD COLUMN anonymised_at TEXT;
CREATE INDEX contacts_to_anonymise ON contacts (anonymised_at, restricted, started_at);
"#;

/// What is older than what: RFC 3339 times (UTC) and, for the search
/// counts, a UTC day. Anything at or before a cutoff goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cutoffs {
    /// Contacts that ended (or, never ended, started) by then are
    /// anonymised.
    pub contacts: String,
    /// The same for Report Line and whistleblowing contacts.
    pub restricted_contacts: String,
    /// Audit entries written by then are deleted.
    pub audit: String,
    /// Search counts last seen on or before this day are deleted.
    pub searches: String,
    /// Contacts never ended are anonymised only if they also started by
    /// then (a day ago), so none is touched while it is in progress.
    pub unended: String,
}

/// What a purge anonymised and deleted (or, dry, would have).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PurgeCounts {
    pub contacts: u64,
    pub restricted_contacts: u64,
    pub audit_entries: u64,
    pub searches: u64,
    /// The contacts anonymised: id and the day they started (no more).
    #[serde(skip, default)]
    pub contact_ids: Vec<(i64, String)>,
}

impl PurgeCounts {
    /// Whether there was nothing to do.
    pub fn is_empty(&self) -> bool {
        self.contacts + self.restricted_contacts + self.audit_entries + self.searches == 0
    }

    /// The audit entry's detail: the counts as JSON (so pages can show
    /// them in either language), never what was removed.
    pub fn summary(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The counts back from an audit entry's detail.
    pub fn from_summary(detail: &str) -> Option<Self> {
        serde_json::from_str(detail).ok()
    }
}

/// The contacts past `?2` not yet anonymised (`?3`: see
/// [`Cutoffs::unended`]); the record itself is read only to change it.
const DUE: &str = "SELECT id, substr(started_at, 1, 10), CASE WHEN ?4 THEN NULL ELSE record END
     FROM contacts
     WHERE anonymised_at IS NULL AND restricted = ?1
       AND coalesce(ended_at, started_at) <= ?2
       AND (ended_at IS NOT NULL OR started_at <= ?3)
     ORDER BY id";

/// Purges in one transaction and records it in the audit trail, then
/// empties the write-ahead log, so that nothing removed stays on disk
/// (the connection deletes securely: freed pages are zeroed). `dry` only
/// counts.
pub fn purge(
    c: &mut Connection,
    cutoffs: &Cutoffs,
    dry: bool,
    actor: &str,
    now: &str,
) -> StoreResult<PurgeCounts> {
    let tx = c.transaction().map_err(db_err)?;
    let mut counts = PurgeCounts::default();
    for restricted in [false, true] {
        let cutoff = if restricted {
            &cutoffs.restricted_contacts
        } else {
            &cutoffs.contacts
        };
        let due: Vec<(i64, String, Option<String>)> = {
            let mut stmt = tx.prepare(DUE).map_err(db_err)?;
            stmt.query_map(params![restricted, cutoff, cutoffs.unended, dry], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .map_err(db_err)?
            .collect::<Result<_, _>>()
            .map_err(db_err)?
        };
        for (id, day, json) in due {
            if let Some(json) = json {
                let Ok(mut record) = serde_json::from_str::<ContactRecord>(&json) else {
                    // One unreadable record must not stop every purge;
                    // its id is logged so someone can look at it.
                    tracing::warn!(
                        contact = id,
                        "a contact record could not be read to anonymise it"
                    );
                    continue;
                };
                record.anonymise();
                record.version += 1;
                tx.execute(
                    "UPDATE contacts SET record = ?1, version = ?2, anonymised_at = ?3 WHERE id = ?4",
                    params![
                        serde_json::to_string(&record).map_err(db_err)?,
                        record.version,
                        now,
                        id
                    ],
                )
                .map_err(db_err)?;
            }
            if restricted {
                counts.restricted_contacts += 1;
            } else {
                counts.contacts += 1;
            }
            counts.contact_ids.push((id, day));
        }
    }
    let count = |sql: &str, arg: &str| -> StoreResult<u64> {
        tx.query_row(sql, [arg], |r| r.get::<_, i64>(0))
            .map(|n| n.max(0) as u64)
            .map_err(db_err)
    };
    counts.audit_entries = count("SELECT count(*) FROM audit WHERE at <= ?1", &cutoffs.audit)?;
    counts.searches = count(
        "SELECT (SELECT count(*) FROM unanswered_searches WHERE last_seen <= ?1)
              + (SELECT count(*) FROM search_outcomes WHERE last_seen <= ?1)",
        &cutoffs.searches,
    )?;
    if dry {
        return Ok(counts);
    }
    tx.execute("DELETE FROM audit WHERE at <= ?1", [&cutoffs.audit])
        .map_err(db_err)?;
    for table in ["unanswered_searches", "search_outcomes"] {
        tx.execute(
            &format!("DELETE FROM {table} WHERE last_seen <= ?1"),
            [&cutoffs.searches],
        )
        .map_err(db_err)?;
    }
    tx.execute(
        "INSERT INTO audit (at, actor, action, detail) VALUES (?1, ?2, 'retention.purge', ?3)",
        params![now, actor, counts.summary()],
    )
    .map_err(db_err)?;
    tx.commit().map_err(db_err)?;
    checkpoint(c)?;
    Ok(counts)
}

/// Copies the WAL into the database and empties it: the old versions of
/// purged rows sit in the WAL until then. Another process reading (say
/// `canllaw purge` beside `serve`) can hold it up for a moment.
pub fn checkpoint(c: &Connection) -> StoreResult<()> {
    for _ in 0..50 {
        let busy: i64 = c
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get(0))
            .map_err(db_err)?;
        if busy == 0 {
            return Ok(());
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    tracing::warn!(
        "the write-ahead log could not be emptied after a purge; it will be at the next checkpoint"
    );
    Ok(())
}

/// Every record not yet anonymised that `keep` picks (subject access).
pub fn matching(
    c: &Connection,
    keep: &(dyn Fn(&ContactRecord) -> bool + Send),
) -> StoreResult<Vec<ContactRecord>> {
    let mut stmt = c
        .prepare("SELECT record FROM contacts WHERE anonymised_at IS NULL ORDER BY id")
        .map_err(db_err)?;
    let rows = stmt
        .query_map([], |r| r.get::<_, String>(0))
        .map_err(db_err)?;
    let mut out = Vec::new();
    for json in rows {
        let record: ContactRecord = serde_json::from_str(&json.map_err(db_err)?).map_err(db_err)?;
        if keep(&record) {
            out.push(record);
        }
    }
    Ok(out)
}
