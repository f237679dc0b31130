//! The SQLite store: one file under the data folder, WAL mode, schema
//! versions tracked with `PRAGMA user_version`. rusqlite is blocking, so each
//! call runs on tokio's blocking pool.

use std::path::Path;
use std::sync::{Arc, Mutex};

use async_trait::async_trait;
use rusqlite::{Connection, OptionalExtension, Row, params};

use crate::assistant::contact::ContactRecord;

use super::{
    AuditEntry, AuditFilter, ContactStats, ContentFile, Cutoffs, Draft, DraftSave, DraftState,
    ImportReport, NewSession, Publication, PurgeCounts, RecordFilter, Revision, SearchEvent,
    Session, StaleTranslation, StatsFilter, Store, StoreError, StoreResult, Unanswered, User,
    drafts,
};
use crate::auth::Role;
use crate::lang::Lang;

/// Schema migrations, applied in order; the index + 1 is the schema version.
const MIGRATIONS: &[&str] = &[
    r#"
CREATE TABLE content (
    path       TEXT PRIMARY KEY,
    body       TEXT NOT NULL,
    revision   INTEGER NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
);
CREATE TABLE content_revisions (
    path       TEXT NOT NULL,
    revision   INTEGER NOT NULL,
    body       TEXT,               -- NULL: the file was removed
    created_at TEXT NOT NULL,
    author     TEXT NOT NULL,
    PRIMARY KEY (path, revision)
);
CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE COLLATE NOCASE,
    role          TEXT NOT NULL CHECK (role IN ('adviser', 'editor', 'manager', 'admin')),
    password_hash TEXT NOT NULL,
    ui_lang       TEXT NOT NULL DEFAULT 'cy' CHECK (ui_lang IN ('cy', 'en')),
    disabled      INTEGER NOT NULL DEFAULT 0,
    created_at    TEXT NOT NULL
);
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf       TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    last_seen  INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE INDEX sessions_expiry ON sessions (expires_at);
CREATE TABLE audit (
    id     INTEGER PRIMARY KEY,
    at     TEXT NOT NULL,
    actor  TEXT NOT NULL,
    action TEXT NOT NULL,
    detail TEXT NOT NULL
);
"#,
    r#"
-- Contact records: a few columns to find and restrict them by, the record
-- itself as JSON (a jsonb column in PostgreSQL).
CREATE TABLE contacts (
    id         INTEGER PRIMARY KEY,
    adviser_id INTEGER NOT NULL REFERENCES users (id),
    restricted INTEGER NOT NULL,
    started_at TEXT NOT NULL,
    ended_at   TEXT,
    version    INTEGER NOT NULL,
    record     TEXT NOT NULL
);
CREATE INDEX contacts_adviser ON contacts (adviser_id, started_at);
CREATE INDEX contacts_started ON contacts (started_at);
"#,
    r#"
-- The name letters are signed with ("Siân Jones"); empty: the login name.
ALTER TABLE users ADD COLUMN full_name TEXT NOT NULL DEFAULT '';
"#,
    r#"
-- Searches that found nothing, scrubbed of anything identifying, counted.
CREATE TABLE unanswered_searches (
    query     TEXT NOT NULL,
    lang      TEXT NOT NULL,
    audience  TEXT NOT NULL,
    count     INTEGER NOT NULL,
    last_seen TEXT NOT NULL,
    PRIMARY KEY (query, lang, audience)
);
"#,
    super::drafts::MIGRATION,
    super::drafts::VERSIONS_MIGRATION,
    super::facts::MIGRATION,
    r#"
-- Searches whose results were shown, and how often a result was then
-- opened: the difference is the searches people gave up on. Scrubbed
-- text only, as for unanswered_searches.
CREATE TABLE search_outcomes (
    query     TEXT NOT NULL,
    lang      TEXT NOT NULL,
    audience  TEXT NOT NULL,
    shown     INTEGER NOT NULL DEFAULT 0,
    opened    INTEGER NOT NULL DEFAULT 0,
    last_seen TEXT NOT NULL,
    PRIMARY KEY (query, lang, audience)
);
"#,
    super::retention::MIGRATION,
    super::problems::MIGRATION,
    super::facts::INTERNED_LABELS_MIGRATION,
    super::throttle::MIGRATION,
    r#"
-- Secrets the service keys its signatures with (the sign-in form's CSRF
-- token), shared by every replica.
CREATE TABLE server_secrets (
    name  TEXT PRIMARY KEY,
    value BLOB NOT NULL
);
"#,
];

/// The SQLite backend.
#[derive(Clone)]
pub struct SqliteStore {
    conn: Arc<Mutex<Connection>>,
}

/// Adds `record` as a new contact (version 1, its id given here), with its
/// facts, inside the caller's transaction.
fn insert_contact(c: &Connection, record: &mut ContactRecord) -> StoreResult<()> {
    record.version = 1;
    c.execute(
        "INSERT INTO contacts (adviser_id, restricted, started_at, ended_at, version, record)
         VALUES (?1, ?2, ?3, ?4, 1, '')",
        params![
            record.adviser_id,
            record.restricted,
            record.started_at,
            record.ended_at
        ],
    )
    .map_err(db_err)?;
    record.id = c.last_insert_rowid();
    let json = serde_json::to_string(&record).map_err(db_err)?;
    c.execute(
        "UPDATE contacts SET record = ?2 WHERE id = ?1",
        params![record.id, json],
    )
    .map_err(db_err)?;
    super::facts::write(c, record)
}

/// Reads counted searches: `sql` selects query, language, audience, count
/// and last day, with the limit as `?1`.
fn counted_searches(c: &Connection, sql: &str, limit: usize) -> StoreResult<Vec<Unanswered>> {
    let mut stmt = c.prepare(sql).map_err(db_err)?;
    let rows = stmt
        .query_map(params![limit as i64], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, i64>(3)?,
                r.get::<_, String>(4)?,
            ))
        })
        .map_err(db_err)?;
    let mut out = Vec::new();
    for row in rows {
        let (query, lang, audience, count, last_seen) = row.map_err(db_err)?;
        out.push(Unanswered {
            query,
            lang: lang.parse().map_err(db_err)?,
            audience,
            count: count.max(0) as u64,
            last_seen,
        });
    }
    Ok(out)
}

/// A database error as the store reports it.
pub(super) fn db_err(e: impl std::fmt::Display) -> StoreError {
    StoreError::Database(e.to_string())
}

fn now_rfc3339() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

impl SqliteStore {
    /// Opens (creating if needed) the database at `path` and brings its
    /// schema up to date.
    pub fn open(path: &Path) -> StoreResult<Self> {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(db_err)?;
        }
        let conn = Connection::open(path).map_err(db_err)?;
        Self::setup(conn)
    }

    /// An in-memory database (tests).
    pub fn in_memory() -> StoreResult<Self> {
        Self::setup(Connection::open_in_memory().map_err(db_err)?)
    }

    fn setup(mut conn: Connection) -> StoreResult<Self> {
        conn.busy_timeout(std::time::Duration::from_secs(5))
            .map_err(db_err)?;
        conn.execute_batch(
            // secure_delete: what is deleted or overwritten is zeroed on disk,
            // so purged personal data cannot be read back from free pages.
            "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;
             PRAGMA secure_delete = ON;",
        )
        .map_err(db_err)?;
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(db_err)?;
        let version = usize::try_from(version).unwrap_or(usize::MAX);
        if version > MIGRATIONS.len() {
            return Err(StoreError::Database(format!(
                "the database has schema version {version}, newer than this program knows ({}); \
                 use a newer canllaw",
                MIGRATIONS.len()
            )));
        }
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(version) {
            let tx = conn.transaction().map_err(db_err)?;
            tx.execute_batch(sql).map_err(db_err)?;
            tx.pragma_update(None, "user_version", (i + 1) as i64)
                .map_err(db_err)?;
            tx.commit().map_err(db_err)?;
        }
        // Deleting securely zeroes what is deleted from now on; a database
        // from before holds old versions of records in its free pages, and
        // rebuilding it once drops them.
        let secure_from = MIGRATIONS
            .iter()
            .position(|m| *m == super::retention::MIGRATION)
            .expect("the retention migration is listed");
        if version > 0 && version <= secure_from {
            conn.execute_batch("VACUUM").map_err(db_err)?;
            super::retention::checkpoint(&conn)?;
        }
        super::facts::fill_missing(&mut conn)?;
        Ok(SqliteStore {
            conn: Arc::new(Mutex::new(conn)),
        })
    }

    /// Runs `f` with the connection on the blocking pool.
    async fn call<T, F>(&self, f: F) -> StoreResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&mut Connection) -> StoreResult<T> + Send + 'static,
    {
        let conn = self.conn.clone();
        tokio::task::spawn_blocking(move || {
            let mut guard = conn
                .lock()
                .map_err(|_| StoreError::Database("connection lock poisoned".into()))?;
            f(&mut guard)
        })
        .await
        .map_err(db_err)?
    }
}

fn user_from_row(r: &Row<'_>) -> rusqlite::Result<User> {
    let role: String = r.get("role")?;
    let lang: String = r.get("ui_lang")?;
    Ok(User {
        id: r.get("id")?,
        name: r.get("name")?,
        // The CHECK constraints keep both columns to known values.
        role: role.parse().unwrap_or(Role::Adviser),
        password_hash: r.get("password_hash")?,
        ui_lang: lang.parse().unwrap_or(Lang::Cy),
        disabled: r.get::<_, i64>("disabled")? != 0,
        full_name: r.get("full_name")?,
    })
}

const USER_COLUMNS: &str = "id, name, role, password_hash, ui_lang, disabled, full_name";

#[async_trait]
impl Store for SqliteStore {
    async fn ping(&self) -> StoreResult<()> {
        self.call(|c| c.query_row("SELECT 1", [], |_| Ok(())).map_err(db_err))
            .await
    }

    async fn content(&self) -> StoreResult<Vec<ContentFile>> {
        self.call(|c| {
            let mut stmt = c
                .prepare("SELECT path, body FROM content ORDER BY path")
                .map_err(db_err)?;
            stmt.query_map([], |r| {
                Ok(ContentFile {
                    path: r.get(0)?,
                    text: r.get(1)?,
                })
            })
            .map_err(db_err)?
            .collect::<Result<Vec<_>, _>>()
            .map_err(db_err)
        })
        .await
    }

    async fn replace_content(
        &self,
        files: Vec<ContentFile>,
        author: &str,
    ) -> StoreResult<ImportReport> {
        let author = author.to_string();
        self.call(move |c| {
            let tx = c.transaction().map_err(db_err)?;
            let now = now_rfc3339();
            let mut report = ImportReport::default();
            let existing: Vec<(String, String, i64)> = {
                let mut stmt = tx
                    .prepare("SELECT path, body, revision FROM content")
                    .map_err(db_err)?;
                stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                    .map_err(db_err)?
                    .collect::<Result<_, _>>()
                    .map_err(db_err)?
            };
            let old: std::collections::HashMap<&str, (&str, i64)> = existing
                .iter()
                .map(|(p, b, r)| (p.as_str(), (b.as_str(), *r)))
                .collect();
            let next_revision = |tx: &rusqlite::Transaction<'_>, path: &str| {
                tx.query_row(
                    "SELECT COALESCE(MAX(revision), 0) + 1 FROM content_revisions WHERE path = ?1",
                    [path],
                    |r| r.get::<_, i64>(0),
                )
                .map_err(db_err)
            };
            let mut seen = std::collections::HashSet::new();
            for f in &files {
                seen.insert(f.path.as_str());
                match old.get(f.path.as_str()) {
                    Some((body, _)) if *body == f.text => {
                        report.unchanged += 1;
                        continue;
                    }
                    Some(_) => report.changed += 1,
                    None => report.added += 1,
                }
                let rev = next_revision(&tx, &f.path)?;
                tx.execute(
                    "INSERT INTO content_revisions (path, revision, body, created_at, author)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![f.path, rev, f.text, now, author],
                )
                .map_err(db_err)?;
                tx.execute(
                    "INSERT INTO content (path, body, revision, updated_at, updated_by)
                     VALUES (?1, ?2, ?3, ?4, ?5)
                     ON CONFLICT (path) DO UPDATE SET body = ?2, revision = ?3,
                         updated_at = ?4, updated_by = ?5",
                    params![f.path, f.text, rev, now, author],
                )
                .map_err(db_err)?;
            }
            for (path, _, _) in &existing {
                if seen.contains(path.as_str()) {
                    continue;
                }
                report.removed += 1;
                let rev = next_revision(&tx, path)?;
                tx.execute(
                    "INSERT INTO content_revisions (path, revision, body, created_at, author)
                     VALUES (?1, ?2, NULL, ?3, ?4)",
                    params![path, rev, now, author],
                )
                .map_err(db_err)?;
                tx.execute("DELETE FROM content WHERE path = ?1", [path])
                    .map_err(db_err)?;
            }
            tx.commit().map_err(db_err)?;
            Ok(report)
        })
        .await
    }

    async fn revisions(&self, path: &str) -> StoreResult<Vec<Revision>> {
        let path = path.to_string();
        self.call(move |c| {
            let mut stmt = c
                .prepare(
                    "SELECT revision, created_at, author, body IS NULL FROM content_revisions
                     WHERE path = ?1 ORDER BY revision",
                )
                .map_err(db_err)?;
            stmt.query_map([path], |r| {
                Ok(Revision {
                    revision: r.get(0)?,
                    created_at: r.get(1)?,
                    author: r.get(2)?,
                    removed: r.get(3)?,
                })
            })
            .map_err(db_err)?
            .collect::<Result<Vec<_>, _>>()
            .map_err(db_err)
        })
        .await
    }

    async fn user_count(&self) -> StoreResult<u64> {
        self.call(|c| {
            c.query_row("SELECT COUNT(*) FROM users", [], |r| r.get::<_, i64>(0))
                .map(|n| n.max(0) as u64)
                .map_err(db_err)
        })
        .await
    }

    async fn create_user(&self, name: &str, role: Role, password_hash: &str) -> StoreResult<User> {
        let (name, hash) = (name.to_string(), password_hash.to_string());
        self.call(move |c| {
            let result = c.execute(
                "INSERT INTO users (name, role, password_hash, created_at) VALUES (?1, ?2, ?3, ?4)",
                params![name, role.as_str(), hash, now_rfc3339()],
            );
            match result {
                Err(rusqlite::Error::SqliteFailure(e, _))
                    if e.code == rusqlite::ErrorCode::ConstraintViolation =>
                {
                    return Err(StoreError::NameTaken(name));
                }
                other => other.map_err(db_err)?,
            };
            c.query_row(
                &format!("SELECT {USER_COLUMNS} FROM users WHERE id = ?1"),
                [c.last_insert_rowid()],
                user_from_row,
            )
            .map_err(db_err)
        })
        .await
    }

    async fn user_by_name(&self, name: &str) -> StoreResult<Option<User>> {
        let name = name.to_string();
        self.call(move |c| {
            c.query_row(
                &format!("SELECT {USER_COLUMNS} FROM users WHERE name = ?1"),
                [name],
                user_from_row,
            )
            .optional()
            .map_err(db_err)
        })
        .await
    }

    async fn users(&self) -> StoreResult<Vec<User>> {
        self.call(|c| {
            let mut stmt = c
                .prepare(&format!("SELECT {USER_COLUMNS} FROM users ORDER BY name"))
                .map_err(db_err)?;
            stmt.query_map([], user_from_row)
                .map_err(db_err)?
                .collect::<Result<Vec<_>, _>>()
                .map_err(db_err)
        })
        .await
    }

    async fn set_user_lang(&self, user_id: i64, lang: Lang) -> StoreResult<()> {
        self.call(move |c| {
            c.execute(
                "UPDATE users SET ui_lang = ?1 WHERE id = ?2",
                params![lang.code(), user_id],
            )
            .map(|_| ())
            .map_err(db_err)
        })
        .await
    }

    async fn set_user_password(&self, user_id: i64, password_hash: &str) -> StoreResult<()> {
        let hash = password_hash.to_string();
        self.call(move |c| {
            c.execute(
                "UPDATE users SET password_hash = ?1 WHERE id = ?2",
                params![hash, user_id],
            )
            .map(|_| ())
            .map_err(db_err)
        })
        .await
    }

    async fn set_user_disabled(&self, user_id: i64, disabled: bool) -> StoreResult<()> {
        self.call(move |c| {
            c.execute(
                "UPDATE users SET disabled = ?1 WHERE id = ?2",
                params![i64::from(disabled), user_id],
            )
            .map(|_| ())
            .map_err(db_err)
        })
        .await
    }

    async fn set_user_full_name(&self, user_id: i64, full_name: &str) -> StoreResult<()> {
        let full_name = full_name.to_string();
        self.call(move |c| {
            c.execute(
                "UPDATE users SET full_name = ?1 WHERE id = ?2",
                params![full_name, user_id],
            )
            .map(|_| ())
            .map_err(db_err)
        })
        .await
    }

    async fn create_session(&self, s: NewSession) -> StoreResult<()> {
        self.call(move |c| {
            c.execute(
                "INSERT INTO sessions (token_hash, user_id, csrf, created_at, last_seen, expires_at)
                 VALUES (?1, ?2, ?3, ?4, ?4, ?5)",
                params![s.token_hash, s.user_id, s.csrf, s.now, s.expires_at],
            )
            .map(|_| ())
            .map_err(db_err)
        })
        .await
    }

    async fn session(&self, token_hash: &str, now: i64) -> StoreResult<Option<Session>> {
        let token_hash = token_hash.to_string();
        self.call(move |c| {
            c.query_row(
                "SELECT s.token_hash, s.csrf, s.created_at, s.last_seen, s.expires_at,
                        u.id, u.name, u.role, u.password_hash, u.ui_lang, u.disabled, u.full_name
                 FROM sessions s JOIN users u ON u.id = s.user_id
                 WHERE s.token_hash = ?1 AND s.expires_at > ?2 AND u.disabled = 0",
                params![token_hash, now],
                |r| {
                    Ok(Session {
                        token_hash: r.get("token_hash")?,
                        csrf: r.get("csrf")?,
                        created_at: r.get("created_at")?,
                        last_seen: r.get("last_seen")?,
                        expires_at: r.get("expires_at")?,
                        user: user_from_row(r)?,
                    })
                },
            )
            .optional()
            .map_err(db_err)
        })
        .await
    }

    async fn touch_session(&self, token_hash: &str, now: i64, expires_at: i64) -> StoreResult<()> {
        let token_hash = token_hash.to_string();
        self.call(move |c| {
            c.execute(
                "UPDATE sessions SET last_seen = ?2, expires_at = ?3 WHERE token_hash = ?1",
                params![token_hash, now, expires_at],
            )
            .map(|_| ())
            .map_err(db_err)
        })
        .await
    }

    async fn delete_session(&self, token_hash: &str) -> StoreResult<()> {
        let token_hash = token_hash.to_string();
        self.call(move |c| {
            c.execute("DELETE FROM sessions WHERE token_hash = ?1", [token_hash])
                .map(|_| ())
                .map_err(db_err)
        })
        .await
    }

    async fn delete_sessions_of(&self, user_id: i64) -> StoreResult<usize> {
        self.call(move |c| {
            c.execute("DELETE FROM sessions WHERE user_id = ?1", [user_id])
                .map_err(db_err)
        })
        .await
    }

    async fn delete_expired_sessions(&self, now: i64) -> StoreResult<usize> {
        self.call(move |c| {
            c.execute("DELETE FROM sessions WHERE expires_at <= ?1", [now])
                .map_err(db_err)
        })
        .await
    }

    async fn create_contact(&self, mut record: ContactRecord) -> StoreResult<ContactRecord> {
        self.call(move |c| {
            let tx = c.transaction().map_err(db_err)?;
            insert_contact(&tx, &mut record)?;
            tx.commit().map_err(db_err)?;
            Ok(record)
        })
        .await
    }

    async fn contact(&self, id: i64) -> StoreResult<Option<ContactRecord>> {
        self.call(move |c| {
            let json: Option<String> = c
                .query_row("SELECT record FROM contacts WHERE id = ?1", [id], |r| {
                    r.get(0)
                })
                .optional()
                .map_err(db_err)?;
            json.map(|j| serde_json::from_str(&j).map_err(db_err))
                .transpose()
        })
        .await
    }

    async fn contacts_of(&self, adviser_id: i64, limit: usize) -> StoreResult<Vec<ContactRecord>> {
        self.call(move |c| {
            // Open ones first, then the most recent.
            let mut stmt = c
                .prepare(
                    "SELECT record FROM contacts WHERE adviser_id = ?1
                     ORDER BY ended_at IS NOT NULL, started_at DESC, id DESC LIMIT ?2",
                )
                .map_err(db_err)?;
            let rows = stmt
                .query_map(params![adviser_id, limit as i64], |r| r.get::<_, String>(0))
                .map_err(db_err)?;
            rows.map(|j| serde_json::from_str(&j.map_err(db_err)?).map_err(db_err))
                .collect()
        })
        .await
    }

    async fn open_contact_of(&self, adviser_id: i64) -> StoreResult<Option<i64>> {
        self.call(move |c| {
            c.query_row(
                "SELECT id FROM contacts WHERE adviser_id = ?1 AND ended_at IS NULL
                 ORDER BY started_at DESC, id DESC LIMIT 1",
                [adviser_id],
                |r| r.get(0),
            )
            .optional()
            .map_err(db_err)
        })
        .await
    }

    async fn save_contact(&self, mut record: ContactRecord) -> StoreResult<ContactRecord> {
        self.call(move |c| {
            let read_at = record.version;
            record.version += 1;
            let json = serde_json::to_string(&record).map_err(db_err)?;
            let tx = c.transaction().map_err(db_err)?;
            let changed = tx
                .execute(
                    "UPDATE contacts SET restricted = ?3, ended_at = ?4, version = ?5, record = ?6
                     WHERE id = ?1 AND version = ?2",
                    params![
                        record.id,
                        read_at,
                        record.restricted,
                        record.ended_at,
                        record.version,
                        json
                    ],
                )
                .map_err(db_err)?;
            if changed != 1 {
                return Err(StoreError::Conflict);
            }
            super::facts::write(&tx, &record)?;
            tx.commit().map_err(db_err)?;
            Ok(record)
        })
        .await
    }

    async fn count_unanswered(&self, query: &str, lang: Lang, audience: &str) -> StoreResult<()> {
        let (query, audience) = (query.to_string(), audience.to_string());
        let day = chrono::Utc::now().date_naive().to_string();
        self.call(move |c| {
            c.execute(
                "INSERT INTO unanswered_searches (query, lang, audience, count, last_seen)
                 VALUES (?1, ?2, ?3, 1, ?4)
                 ON CONFLICT (query, lang, audience)
                 DO UPDATE SET count = count + 1, last_seen = excluded.last_seen",
                params![query, lang.code(), audience, day],
            )
            .map(|_| ())
            .map_err(db_err)
        })
        .await
    }

    async fn count_search(
        &self,
        query: &str,
        lang: Lang,
        audience: &str,
        event: SearchEvent,
    ) -> StoreResult<()> {
        let (query, audience) = (query.to_string(), audience.to_string());
        let day = chrono::Utc::now().date_naive().to_string();
        let (shown, opened) = match event {
            SearchEvent::Shown => (1, 0),
            SearchEvent::Opened => (0, 1),
        };
        self.call(move |c| {
            c.execute(
                "INSERT INTO search_outcomes (query, lang, audience, shown, opened, last_seen)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (query, lang, audience)
                 DO UPDATE SET shown = shown + excluded.shown, opened = opened + excluded.opened,
                               last_seen = excluded.last_seen",
                params![query, lang.code(), audience, shown, opened, day],
            )
            .map(|_| ())
            .map_err(db_err)
        })
        .await
    }

    async fn insert_contacts(&self, records: Vec<ContactRecord>) -> StoreResult<()> {
        self.call(move |c| {
            let tx = c.transaction().map_err(db_err)?;
            for mut record in records {
                insert_contact(&tx, &mut record)?;
            }
            tx.commit().map_err(db_err)
        })
        .await
    }

    async fn contact_stats(
        &self,
        filter: StatsFilter,
        today: chrono::NaiveDate,
    ) -> StoreResult<ContactStats> {
        self.call(move |c| super::facts::stats(c, &filter, today))
            .await
    }

    async fn throttle_attempt(
        &self,
        keys: Vec<(String, super::LockRule)>,
        now: i64,
        forget_before: i64,
    ) -> StoreResult<Option<i64>> {
        self.call(move |c| super::throttle::attempt(c, &keys, now, forget_before))
            .await
    }

    async fn throttle_succeeded(
        &self,
        clear: &str,
        forgive: &str,
        rule: super::LockRule,
    ) -> StoreResult<()> {
        let (clear, forgive) = (clear.to_string(), forgive.to_string());
        self.call(move |c| super::throttle::succeeded(c, &clear, &forgive, rule.lock_at))
            .await
    }

    async fn server_secret(&self, name: &str) -> StoreResult<Vec<u8>> {
        let name = name.to_string();
        let mut fresh = [0u8; 32];
        getrandom::fill(&mut fresh).map_err(db_err)?;
        self.call(move |c| {
            // The first replica to ask makes it; the rest read the same one.
            c.execute(
                "INSERT OR IGNORE INTO server_secrets (name, value) VALUES (?1, ?2)",
                params![name, fresh.as_slice()],
            )
            .map_err(db_err)?;
            c.query_row(
                "SELECT value FROM server_secrets WHERE name = ?1",
                params![name],
                |r| r.get(0),
            )
            .map_err(db_err)
        })
        .await
    }

    async fn abandoned(&self, limit: usize) -> StoreResult<Vec<Unanswered>> {
        self.call(move |c| {
            counted_searches(
                c,
                "SELECT query, lang, audience, shown - opened AS left, last_seen
                 FROM search_outcomes WHERE shown > opened
                 ORDER BY left DESC, last_seen DESC, query LIMIT ?1",
                limit,
            )
        })
        .await
    }

    async fn unanswered(&self, limit: usize) -> StoreResult<Vec<Unanswered>> {
        self.call(move |c| {
            counted_searches(
                c,
                "SELECT query, lang, audience, count, last_seen FROM unanswered_searches
                 ORDER BY count DESC, last_seen DESC, query LIMIT ?1",
                limit,
            )
        })
        .await
    }

    async fn revision_text(
        &self,
        path: &str,
        revision: i64,
    ) -> StoreResult<Option<Option<String>>> {
        let path = path.to_string();
        self.call(move |c| drafts::revision_text(c, &path, revision))
            .await
    }

    async fn drafts(&self) -> StoreResult<Vec<Draft>> {
        self.call(|c| drafts::all(c)).await
    }

    async fn draft(&self, path: &str) -> StoreResult<Option<Draft>> {
        let path = path.to_string();
        self.call(move |c| drafts::one(c, &path)).await
    }

    async fn save_draft(&self, save: DraftSave) -> StoreResult<Draft> {
        self.call(move |c| drafts::save(c, save, &now_rfc3339()))
            .await
    }

    async fn set_draft_state(
        &self,
        path: &str,
        version: i64,
        state: DraftState,
        by: &str,
    ) -> StoreResult<Draft> {
        let (path, by) = (path.to_string(), by.to_string());
        self.call(move |c| drafts::set_state(c, &path, version, state, &by, &now_rfc3339()))
            .await
    }

    async fn discard_draft(&self, path: &str, version: i64, by: &str) -> StoreResult<()> {
        let (path, by) = (path.to_string(), by.to_string());
        self.call(move |c| drafts::discard(c, &path, version, &by, &now_rfc3339()))
            .await
    }

    async fn publish_draft(
        &self,
        path: &str,
        version: i64,
        by: &str,
        publication: Publication,
    ) -> StoreResult<i64> {
        let (path, by) = (path.to_string(), by.to_string());
        self.call(move |c| drafts::publish(c, &path, version, &by, &publication, &now_rfc3339()))
            .await
    }

    async fn stale_translations(&self) -> StoreResult<Vec<StaleTranslation>> {
        self.call(|c| drafts::stale(c)).await
    }

    async fn confirm_translation(&self, path: &str, lang: Lang, by: &str) -> StoreResult<bool> {
        let (path, by) = (path.to_string(), by.to_string());
        self.call(move |c| drafts::confirm(c, &path, lang, &by, &now_rfc3339()))
            .await
    }

    async fn create_problem(
        &self,
        p: crate::problems::Problem,
    ) -> StoreResult<crate::problems::Problem> {
        self.call(move |c| super::problems::create(c, p)).await
    }

    async fn problem(&self, id: i64) -> StoreResult<Option<crate::problems::Problem>> {
        self.call(move |c| super::problems::get(c, id)).await
    }

    async fn problems(&self) -> StoreResult<Vec<crate::problems::Problem>> {
        self.call(|c| super::problems::all(c)).await
    }

    async fn save_problem(
        &self,
        p: crate::problems::Problem,
    ) -> StoreResult<crate::problems::Problem> {
        self.call(move |c| super::problems::save(c, p)).await
    }

    async fn label_outcomes(
        &self,
        kind: &str,
        value: &str,
        filter: StatsFilter,
    ) -> StoreResult<(u64, u64, u64)> {
        let (kind, value) = (kind.to_string(), value.to_string());
        self.call(move |c| super::problems::label_outcomes(c, &kind, &value, &filter))
            .await
    }

    async fn purge(&self, cutoffs: Cutoffs, dry: bool, actor: &str) -> StoreResult<PurgeCounts> {
        let actor = actor.to_string();
        self.call(move |c| super::retention::purge(c, &cutoffs, dry, &actor, &now_rfc3339()))
            .await
    }

    async fn contacts_matching(&self, keep: RecordFilter) -> StoreResult<Vec<ContactRecord>> {
        self.call(move |c| super::retention::matching(c, &*keep))
            .await
    }

    async fn audit(&self, actor: &str, action: &str, detail: &str) -> StoreResult<()> {
        let (actor, action, detail) = (actor.to_string(), action.to_string(), detail.to_string());
        self.call(move |c| {
            c.execute(
                "INSERT INTO audit (at, actor, action, detail) VALUES (?1, ?2, ?3, ?4)",
                params![now_rfc3339(), actor, action, detail],
            )
            .map(|_| ())
            .map_err(db_err)
        })
        .await
    }

    async fn audit_log(&self, filter: AuditFilter) -> StoreResult<Vec<AuditEntry>> {
        self.call(move |c| super::audit::read(c, &filter)).await
    }

    async fn content_file(&self, path: &str) -> StoreResult<Option<(ContentFile, i64)>> {
        let path = path.to_string();
        self.call(move |c| {
            c.query_row(
                "SELECT path, body, revision FROM content WHERE path = ?1",
                [path],
                |r| {
                    Ok((
                        ContentFile {
                            path: r.get(0)?,
                            text: r.get(1)?,
                        },
                        r.get(2)?,
                    ))
                },
            )
            .optional()
            .map_err(db_err)
        })
        .await
    }

    async fn content_revisions(&self) -> StoreResult<Vec<(String, i64)>> {
        self.call(|c| {
            let mut stmt = c
                .prepare("SELECT path, revision FROM content ORDER BY path")
                .map_err(db_err)?;
            stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
                .map_err(db_err)?
                .collect::<Result<_, _>>()
                .map_err(db_err)
        })
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, text: &str) -> ContentFile {
        ContentFile {
            path: path.into(),
            text: text.into(),
        }
    }

    #[tokio::test]
    async fn replace_content_keeps_revisions() {
        let s = SqliteStore::in_memory().unwrap();
        let r = s
            .replace_content(
                vec![file("glossary.tsv", "a"), file("forces/forces.toml", "b")],
                "t",
            )
            .await
            .unwrap();
        assert_eq!((r.added, r.changed, r.removed), (2, 0, 0));
        let r = s
            .replace_content(vec![file("glossary.tsv", "a2")], "t")
            .await
            .unwrap();
        assert_eq!((r.added, r.changed, r.removed, r.unchanged), (0, 1, 1, 0));
        assert_eq!(s.content().await.unwrap(), vec![file("glossary.tsv", "a2")]);
        let revs = s.revisions("forces/forces.toml").await.unwrap();
        assert_eq!(revs.len(), 2);
        assert!(revs[1].removed);
    }

    #[tokio::test]
    async fn users_and_sessions() {
        let s = SqliteStore::in_memory().unwrap();
        let u = s.create_user("Ann", Role::Editor, "h").await.unwrap();
        assert!(matches!(
            s.create_user("ann", Role::Adviser, "h").await,
            Err(StoreError::NameTaken(_))
        ));
        assert_eq!(s.user_by_name("ANN").await.unwrap().unwrap().id, u.id);
        s.create_session(NewSession {
            token_hash: "t".into(),
            user_id: u.id,
            csrf: "c".into(),
            now: 100,
            expires_at: 200,
        })
        .await
        .unwrap();
        assert!(s.session("t", 150).await.unwrap().is_some());
        assert!(s.session("t", 200).await.unwrap().is_none());
        assert_eq!(s.delete_expired_sessions(300).await.unwrap(), 1);
    }
}
