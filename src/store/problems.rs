//! The problem log (see `crate::problems`), each problem kept whole as
//! JSON, and the per-reason counts its follow-up compares.

use super::sqlite::db_err;
use rusqlite::{Connection, OptionalExtension, params};

use super::{StatsFilter, StoreError, StoreResult};
use crate::problems::Problem;

/// The schema.
pub const MIGRATION: &str = r#"
CREATE TABLE problems (
    id      INTEGER PRIMARY KEY,
    version INTEGER NOT NULL,
    record  TEXT NOT NULL
);
"#;

pub fn create(c: &Connection, mut p: Problem) -> StoreResult<Problem> {
    p.version = 1;
    c.execute(
        "INSERT INTO problems (version, record) VALUES (1, '{}')",
        [],
    )
    .map_err(db_err)?;
    p.id = c.last_insert_rowid();
    c.execute(
        "UPDATE problems SET record = ?1 WHERE id = ?2",
        params![serde_json::to_string(&p).map_err(db_err)?, p.id],
    )
    .map_err(db_err)?;
    Ok(p)
}

pub fn get(c: &Connection, id: i64) -> StoreResult<Option<Problem>> {
    let json: Option<String> = c
        .query_row("SELECT record FROM problems WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .optional()
        .map_err(db_err)?;
    json.map(|j| serde_json::from_str(&j).map_err(db_err))
        .transpose()
}

pub fn all(c: &Connection) -> StoreResult<Vec<Problem>> {
    let mut stmt = c
        .prepare("SELECT record FROM problems ORDER BY id DESC")
        .map_err(db_err)?;
    let rows = stmt
        .query_map([], |r| r.get::<_, String>(0))
        .map_err(db_err)?;
    rows.map(|j| serde_json::from_str(&j.map_err(db_err)?).map_err(db_err))
        .collect()
}

/// Saves `p` read at `p.version`, or [`StoreError::Conflict`].
pub fn save(c: &Connection, mut p: Problem) -> StoreResult<Problem> {
    let read = p.version;
    p.version += 1;
    let changed = c
        .execute(
            "UPDATE problems SET record = ?1, version = ?2 WHERE id = ?3 AND version = ?4",
            params![
                serde_json::to_string(&p).map_err(db_err)?,
                p.version,
                p.id,
                read
            ],
        )
        .map_err(db_err)?;
    if changed == 0 {
        return Err(StoreError::Conflict);
    }
    Ok(p)
}

/// Contacts labelled (`kind`, `value`) that `filter` picks: how many, how
/// many ended with an outcome, and how many were resolved at first contact.
pub fn label_outcomes(
    c: &Connection,
    kind: &str,
    value: &str,
    filter: &StatsFilter,
) -> StoreResult<(u64, u64, u64)> {
    c.query_row(
        "SELECT count(*), count(f.outcome),
                coalesce(sum(f.outcome = 'resolved-first-contact'), 0)
         FROM contact_facts f
         JOIN contact_labels l ON l.contact_id = f.contact_id
         JOIN label_names n ON n.id = l.label AND n.kind = ?1 AND n.value = ?2
         WHERE f.day BETWEEN ?3 AND ?4
           AND (?5 IS NULL OR f.channel = ?5)
           AND (?6 IS NULL OR f.caller_lang = ?6)
           AND (?7 OR NOT f.restricted)",
        params![
            kind,
            value,
            filter.from.to_string(),
            filter.to.to_string(),
            filter.channel,
            filter.caller_lang.map(|l| l.code()),
            filter.restricted
        ],
        |r| {
            Ok((
                r.get::<_, i64>(0)?.max(0) as u64,
                r.get::<_, i64>(1)?.max(0) as u64,
                r.get::<_, i64>(2)?.max(0) as u64,
            ))
        },
    )
    .map_err(db_err)
}
