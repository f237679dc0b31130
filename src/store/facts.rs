//! The countable facts of each contact (see
//! [`crate::assistant::facts`]), kept beside the records and written in the
//! same transaction as each save, and the counts the managers' dashboard
//! reads from them.

use super::sqlite::db_err;
use chrono::NaiveDate;
use rusqlite::{Connection, params};

use super::StoreResult;
use crate::assistant::contact::ContactRecord;
use crate::lang::Lang;

/// The schema. Facts of existing records are filled in by
/// [`fill_missing`] when the store opens.
pub const MIGRATION: &str = r#"
CREATE TABLE contact_facts (
    contact_id    INTEGER PRIMARY KEY REFERENCES contacts (id) ON DELETE CASCADE,
    day           TEXT NOT NULL,
    channel       TEXT NOT NULL,
    caller_lang   TEXT NOT NULL,
    caller_type   TEXT NOT NULL,
    outcome       TEXT,
    handling_secs INTEGER,
    restricted    INTEGER NOT NULL
);
CREATE INDEX contact_facts_day ON contact_facts (day);
CREATE TABLE contact_labels (
    contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    value      TEXT NOT NULL
);
CREATE INDEX contact_labels_contact ON contact_labels (contact_id);
CREATE INDEX contact_labels_kind ON contact_labels (kind, value);
CREATE TABLE contact_scores (
    contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    question   TEXT NOT NULL,
    score      INTEGER NOT NULL
);
CREATE INDEX contact_scores_contact ON contact_scores (contact_id);
CREATE TABLE contact_actions (
    contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    owner      TEXT NOT NULL,
    due        TEXT NOT NULL,
    done_on    TEXT
);
CREATE INDEX contact_actions_contact ON contact_actions (contact_id);
CREATE INDEX contact_actions_open ON contact_actions (done_on, due);
"#;

/// Labels named once, by number: the dashboard groups tens of thousands of
/// them, and numbers group three times faster than pairs of strings. The
/// facts are written again from the records when the store opens (see
/// [`fill_missing`]).
pub const INTERNED_LABELS_MIGRATION: &str = r#"
CREATE TABLE label_names (
    id    INTEGER PRIMARY KEY,
    kind  TEXT NOT NULL,
    value TEXT NOT NULL,
    UNIQUE (kind, value)
);
DROP TABLE contact_labels;
CREATE TABLE contact_labels (
    contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    label      INTEGER NOT NULL REFERENCES label_names (id)
);
CREATE INDEX contact_labels_contact ON contact_labels (contact_id, label);
CREATE INDEX contact_labels_label ON contact_labels (label);
DELETE FROM contact_scores;
DELETE FROM contact_actions;
DELETE FROM contact_facts;
"#;

/// Replaces the facts of `record` (inside the caller's transaction).
pub fn write(c: &Connection, record: &ContactRecord) -> StoreResult<()> {
    let id = record.id;
    for table in [
        "contact_facts",
        "contact_labels",
        "contact_scores",
        "contact_actions",
    ] {
        c.execute(&format!("DELETE FROM {table} WHERE contact_id = ?1"), [id])
            .map_err(db_err)?;
    }
    let Some(f) = record.facts() else {
        return Ok(());
    };
    c.execute(
        "INSERT INTO contact_facts
         (contact_id, day, channel, caller_lang, caller_type, outcome, handling_secs, restricted)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            id,
            f.day.to_string(),
            f.channel,
            f.caller_lang.code(),
            f.caller_type,
            f.outcome,
            f.handling_secs,
            f.restricted
        ],
    )
    .map_err(db_err)?;
    let mut name = c
        .prepare_cached("INSERT OR IGNORE INTO label_names (kind, value) VALUES (?1, ?2)")
        .map_err(db_err)?;
    let mut label = c
        .prepare_cached(
            "INSERT INTO contact_labels (contact_id, label)
             SELECT ?1, id FROM label_names WHERE kind = ?2 AND value = ?3",
        )
        .map_err(db_err)?;
    for (kind, value) in &f.labels {
        name.execute(params![kind.as_str(), value])
            .map_err(db_err)?;
        label
            .execute(params![id, kind.as_str(), value])
            .map_err(db_err)?;
    }
    let mut score = c
        .prepare_cached(
            "INSERT INTO contact_scores (contact_id, question, score) VALUES (?1, ?2, ?3)",
        )
        .map_err(db_err)?;
    for (question, value) in &f.scores {
        score
            .execute(params![id, question, value])
            .map_err(db_err)?;
    }
    let mut action = c
        .prepare_cached(
            "INSERT INTO contact_actions (contact_id, owner, due, done_on) VALUES (?1, ?2, ?3, ?4)",
        )
        .map_err(db_err)?;
    for (owner, due, done) in &f.actions {
        action
            .execute(params![
                id,
                owner,
                due.to_string(),
                done.map(|d| d.to_string())
            ])
            .map_err(db_err)?;
    }
    Ok(())
}

/// Writes the facts of every record that has none (records saved before
/// the facts were kept), in one transaction. Returns how many.
pub fn fill_missing(c: &mut Connection) -> StoreResult<usize> {
    let tx = c.transaction().map_err(db_err)?;
    let records: Vec<String> = {
        let mut stmt = tx
            .prepare(
                "SELECT record FROM contacts
                 WHERE id NOT IN (SELECT contact_id FROM contact_facts)",
            )
            .map_err(db_err)?;
        stmt.query_map([], |r| r.get(0))
            .map_err(db_err)?
            .collect::<Result<_, _>>()
            .map_err(db_err)?
    };
    for json in &records {
        let record: ContactRecord = serde_json::from_str(json).map_err(db_err)?;
        write(&tx, &record)?;
    }
    tx.commit().map_err(db_err)?;
    Ok(records.len())
}

/// Which contacts the figures count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatsFilter {
    /// First UK day counted.
    pub from: NaiveDate,
    /// Last UK day counted.
    pub to: NaiveDate,
    /// Only this channel.
    pub channel: Option<String>,
    /// Only callers served in this language.
    pub caller_lang: Option<Lang>,
    /// Whether Report Line and whistleblowing contacts count.
    pub restricted: bool,
}

/// Counts of the contacts a filter picks out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ContactStats {
    /// Contacts started each day (days without any left out).
    pub by_day: Vec<(NaiveDate, u64)>,
    /// By channel, caller language and caller type.
    pub by_channel: Vec<(String, u64)>,
    pub by_lang: Vec<(String, u64)>,
    pub by_caller_type: Vec<(String, u64)>,
    /// By label kind (`intent`, `referral`, …) and id, most first.
    pub by_label: Vec<(String, String, u64)>,
    /// Contacts that ended with an outcome, and how they ended.
    pub by_outcome: Vec<(String, u64)>,
    /// Ended contacts with a handling time, and its total in seconds.
    pub timed: u64,
    pub handling_secs: u64,
    /// Satisfaction: question, answers with a score, and their sum.
    pub scores: Vec<(String, u64, u64)>,
    /// Post-contact actions past due and not done on `today`, by owner.
    pub overdue: Vec<(String, u64)>,
    /// Contacts mentioning each high-profile matter, by day (days without
    /// any left out), from [`MATTER_LEAD_DAYS`] before the range starts
    /// so that its first days have a trailing average.
    pub matter_days: Vec<(String, NaiveDate, u64)>,
}

/// How many days before a range [`ContactStats::matter_days`] starts.
pub const MATTER_LEAD_DAYS: i64 = 7;

/// Counts for `filter`; `today` decides what is overdue.
///
/// Profiled at 50,000 contacts over 90 days: one pass over the facts
/// counted here replaced six `GROUP BY` queries (90 ms to 25 ms), and
/// grouping labels by number rather than by (kind, value) took that query
/// from 75 ms to 35 ms.
pub fn stats(c: &Connection, filter: &StatsFilter, today: NaiveDate) -> StoreResult<ContactStats> {
    // Every query picks its contacts the same way.
    let picks = "day BETWEEN ?1 AND ?2
           AND (?3 IS NULL OR channel = ?3)
           AND (?4 IS NULL OR caller_lang = ?4)
           AND (?5 OR NOT restricted)";
    let picked = format!("SELECT contact_id FROM contact_facts WHERE {picks}");
    let args = params![
        filter.from.to_string(),
        filter.to.to_string(),
        filter.channel,
        filter.caller_lang.map(|l| l.code()),
        filter.restricted,
    ];
    let mut out = ContactStats::default();
    {
        let mut by_day = Counts::default();
        let mut by_channel = Counts::default();
        let mut by_lang = Counts::default();
        let mut by_caller_type = Counts::default();
        let mut by_outcome = Counts::default();
        let mut stmt = c
            .prepare_cached(&format!(
                "SELECT day, channel, caller_lang, caller_type, outcome, handling_secs
                 FROM contact_facts WHERE {picks}"
            ))
            .map_err(db_err)?;
        let mut rows = stmt.query(args).map_err(db_err)?;
        while let Some(r) = rows.next().map_err(db_err)? {
            let text = |i: usize| -> StoreResult<Option<&str>> {
                r.get_ref(i)
                    .map_err(db_err)?
                    .as_str_or_null()
                    .map_err(db_err)
            };
            by_day.bump(text(0)?.unwrap_or_default());
            by_channel.bump(text(1)?.unwrap_or_default());
            by_lang.bump(text(2)?.unwrap_or_default());
            by_caller_type.bump(text(3)?.unwrap_or_default());
            if let Some(outcome) = text(4)? {
                by_outcome.bump(outcome);
            }
            if let Some(secs) = r.get::<_, Option<i64>>(5).map_err(db_err)? {
                out.timed += 1;
                out.handling_secs += secs.max(0) as u64;
            }
        }
        let mut days: Vec<(String, u64)> = by_day.0.into_iter().collect();
        days.sort();
        out.by_day = days
            .into_iter()
            .filter_map(|(d, n)| Some((d.parse().ok()?, n)))
            .collect();
        out.by_channel = by_channel.most_first();
        out.by_lang = by_lang.most_first();
        out.by_caller_type = by_caller_type.most_first();
        out.by_outcome = by_outcome.most_first();
    }
    out.by_label = {
        let mut stmt = c
            .prepare_cached(&format!(
                "SELECT n.kind, n.value, c.n FROM
                   (SELECT label, count(*) AS n FROM contact_labels
                    WHERE contact_id IN ({picked}) GROUP BY label) c
                 JOIN label_names n ON n.id = c.label
                 ORDER BY n.kind, c.n DESC, n.value"
            ))
            .map_err(db_err)?;
        let rows = stmt
            .query_map(args, |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, i64>(2)?,
                ))
            })
            .map_err(db_err)?;
        rows.map(|r| r.map(|(k, v, n)| (k, v, n.max(0) as u64)).map_err(db_err))
            .collect::<StoreResult<Vec<_>>>()?
    };
    out.scores = {
        let mut stmt = c
            .prepare_cached(&format!(
                "SELECT question, count(*), sum(score) FROM contact_scores
                 WHERE contact_id IN ({picked}) GROUP BY question ORDER BY question"
            ))
            .map_err(db_err)?;
        let rows = stmt
            .query_map(args, |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, i64>(2)?,
                ))
            })
            .map_err(db_err)?;
        rows.map(|r| {
            r.map(|(q, n, s)| (q, n.max(0) as u64, s.max(0) as u64))
                .map_err(db_err)
        })
        .collect::<StoreResult<Vec<_>>>()?
    };
    // Overdue is as of today, for the contacts picked; the date range says
    // which contacts, not when their actions fell due.
    out.overdue = {
        let mut stmt = c
            .prepare_cached(&format!(
                "SELECT owner, count(*) FROM contact_actions
                 WHERE contact_id IN ({picked}) AND done_on IS NULL AND due < ?6
                 GROUP BY owner ORDER BY count(*) DESC, owner"
            ))
            .map_err(db_err)?;
        let rows = stmt
            .query_map(
                params![
                    filter.from.to_string(),
                    filter.to.to_string(),
                    filter.channel,
                    filter.caller_lang.map(|l| l.code()),
                    filter.restricted,
                    today.to_string()
                ],
                |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)),
            )
            .map_err(db_err)?;
        rows.map(|r| r.map(|(k, n)| (k, n.max(0) as u64)).map_err(db_err))
            .collect::<StoreResult<Vec<_>>>()?
    };
    out.matter_days = {
        let mut stmt = c
            .prepare_cached(
                "SELECT n.value, f.day, count(*) FROM label_names n
                 JOIN contact_labels l ON l.label = n.id
                 JOIN contact_facts f ON f.contact_id = l.contact_id
                 WHERE n.kind = 'matter' AND f.day BETWEEN ?1 AND ?2
                   AND (?3 IS NULL OR f.channel = ?3)
                   AND (?4 IS NULL OR f.caller_lang = ?4)
                   AND (?5 OR NOT f.restricted)
                 GROUP BY n.value, f.day ORDER BY n.value, f.day",
            )
            .map_err(db_err)?;
        let lead = filter.from - chrono::Duration::days(MATTER_LEAD_DAYS);
        let rows = stmt
            .query_map(
                params![
                    lead.to_string(),
                    filter.to.to_string(),
                    filter.channel,
                    filter.caller_lang.map(|l| l.code()),
                    filter.restricted,
                ],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, i64>(2)?,
                    ))
                },
            )
            .map_err(db_err)?;
        let mut days = Vec::new();
        for row in rows {
            let (id, day, n) = row.map_err(db_err)?;
            if let Ok(day) = day.parse() {
                days.push((id, day, n.max(0) as u64));
            }
        }
        days
    };
    Ok(out)
}

/// Counts by text, filled without allocating for keys already seen.
#[derive(Default)]
struct Counts(std::collections::HashMap<String, u64>);

impl Counts {
    fn bump(&mut self, key: &str) {
        match self.0.get_mut(key) {
            Some(n) => *n += 1,
            None => {
                self.0.insert(key.to_string(), 1);
            }
        }
    }

    /// Most first, then by key.
    fn most_first(self) -> Vec<(String, u64)> {
        let mut v: Vec<(String, u64)> = self.0.into_iter().collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        v
    }
}
