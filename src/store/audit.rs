//! Reading the audit trail: who did what, to which item, and when.

use rusqlite::{Connection, params_from_iter};
use serde::Serialize;

use super::{StoreError, StoreResult};

/// One entry of the audit trail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditEntry {
    /// When (RFC 3339, UTC).
    pub at: String,
    /// Who (a login name, `-` for nobody signed in).
    pub actor: String,
    /// What, as a dotted name (`content.publish`).
    pub action: String,
    /// The item it was about (a content file), empty if none.
    pub item: String,
    /// More about it; never personal data.
    pub detail: String,
}

/// Which entries to read. Empty fields match everything.
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    /// Exactly this person (case-insensitive).
    pub actor: Option<String>,
    /// Items whose path contains this text.
    pub item: Option<String>,
    /// Exactly this action (`retention.purge`).
    pub action: Option<String>,
    /// Any action but this one.
    pub not_action: Option<String>,
    /// From this day on (`YYYY-MM-DD`, inclusive).
    pub from: Option<String>,
    /// Up to this day (`YYYY-MM-DD`, inclusive).
    pub to: Option<String>,
    /// At most this many, newest first.
    pub limit: usize,
}

/// The entries matching `filter`, newest first.
pub(super) fn read(c: &Connection, filter: &AuditFilter) -> StoreResult<Vec<AuditEntry>> {
    let mut sql = String::from("SELECT at, actor, action, item, detail FROM audit WHERE 1 = 1");
    let mut args: Vec<String> = Vec::new();
    if let Some(actor) = &filter.actor {
        args.push(actor.clone());
        sql.push_str(&format!(" AND actor = ?{} COLLATE NOCASE", args.len()));
    }
    if let Some(action) = &filter.action {
        args.push(action.clone());
        sql.push_str(&format!(" AND action = ?{}", args.len()));
    }
    if let Some(action) = &filter.not_action {
        args.push(action.clone());
        sql.push_str(&format!(" AND action <> ?{}", args.len()));
    }
    if let Some(item) = &filter.item {
        // A path, not a pattern: `%` and `_` in it match themselves.
        let escaped = item
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_");
        args.push(format!("%{escaped}%"));
        sql.push_str(&format!(" AND item LIKE ?{} ESCAPE '\\'", args.len()));
    }
    if let Some(from) = &filter.from {
        args.push(from.clone());
        sql.push_str(&format!(" AND at >= ?{}", args.len()));
    }
    if let Some(to) = &filter.to {
        // Every time on that day sorts before the next day's date.
        args.push(format!("{to}T99"));
        sql.push_str(&format!(" AND at < ?{}", args.len()));
    }
    sql.push_str(&format!(" ORDER BY id DESC LIMIT {}", filter.limit.max(1)));
    let db = |e: rusqlite::Error| StoreError::Database(e.to_string());
    let mut stmt = c.prepare(&sql).map_err(db)?;
    stmt.query_map(params_from_iter(args.iter()), |r| {
        Ok(AuditEntry {
            at: r.get(0)?,
            actor: r.get(1)?,
            action: r.get(2)?,
            item: r.get(3)?,
            detail: r.get(4)?,
        })
    })
    .map_err(db)?
    .collect::<Result<_, _>>()
    .map_err(db)
}
