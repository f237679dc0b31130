//! Drafts: changes to content files that are not published yet, and the
//! translations a publication leaves behind.
//!
//! A draft belongs to one file and starts from one published revision of it
//! (its base). Every save bumps the draft's version; a save, a move to
//! review or a publication names the version it read, and fails with
//! [`StoreError::Conflict`] if the draft (or the published file) moved
//! since, so two editors never overwrite each other unseen. Publishing is
//! one transaction: the new revision, the published file, the draft gone,
//! the translations it leaves stale, and the audit entry.

use super::sqlite::db_err;
use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior, params};
use serde::Serialize;

use super::{StoreError, StoreResult};
use crate::lang::Lang;

/// Where a draft is in the workflow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DraftState {
    /// Being written.
    Draft,
    /// Waiting for someone to approve and publish it.
    InReview,
}

impl DraftState {
    fn as_str(self) -> &'static str {
        match self {
            DraftState::Draft => "draft",
            DraftState::InReview => "in_review",
        }
    }

    fn parse(s: &str) -> Self {
        if s == "in_review" {
            DraftState::InReview
        } else {
            DraftState::Draft
        }
    }
}

/// An unpublished change to one content file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Draft {
    /// The file, relative to the knowledge base (`articles/x.cy.md`).
    pub path: String,
    /// The new text; `None` retires the file.
    pub body: Option<String>,
    /// The published revision it started from (0: a new file).
    pub base: i64,
    /// Bumped by every save. Versions keep rising across a file's drafts,
    /// so a copy of a draft published or thrown away never matches a
    /// later one.
    pub version: i64,
    /// Where it is in the workflow.
    pub state: DraftState,
    /// Everyone who saved it, first first.
    pub authors: Vec<String>,
    /// When it was last saved or moved (RFC 3339).
    pub updated_at: String,
}

/// A save of a draft.
#[derive(Debug, Clone)]
pub struct DraftSave {
    /// The file.
    pub path: String,
    /// The new text; `None` retires the file.
    pub body: Option<String>,
    /// The draft version the editor read (0: there was no draft).
    pub version: i64,
    /// With no draft: the published revision the editor read (0: none).
    pub base: i64,
    /// Who saves it.
    pub author: String,
}

/// A translation that lags behind the other language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StaleTranslation {
    /// The file holding the text that needs updating.
    pub path: String,
    /// The language of that text.
    pub lang: Lang,
    /// When the other language changed (RFC 3339).
    pub since: String,
}

/// What a publication does besides publishing the draft.
#[derive(Debug, Clone, Default)]
pub struct Publication {
    /// Texts the change leaves needing a translation update.
    pub stale: Vec<(String, Lang)>,
    /// Texts it brings up to date.
    pub fresh: Vec<(String, Lang)>,
    /// The audit entry's detail (no personal data).
    pub audit: String,
}

pub(super) const MIGRATION: &str = r#"
-- Unpublished changes, one per file; body NULL retires the file.
CREATE TABLE drafts (
    path       TEXT PRIMARY KEY,
    body       TEXT,
    base       INTEGER NOT NULL,
    version    INTEGER NOT NULL,
    state      TEXT NOT NULL CHECK (state IN ('draft', 'in_review')),
    authors    TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
-- Texts whose other language changed after them.
CREATE TABLE stale_translations (
    path  TEXT NOT NULL,
    lang  TEXT NOT NULL CHECK (lang IN ('cy', 'en')),
    since TEXT NOT NULL,
    PRIMARY KEY (path, lang)
);
"#;

/// Second step: the last draft version of every file, so versions never
/// restart, and the item each audit entry is about, to filter by.
pub(super) const VERSIONS_MIGRATION: &str = r#"
CREATE TABLE draft_versions (
    path TEXT PRIMARY KEY,
    last INTEGER NOT NULL
);
INSERT INTO draft_versions (path, last) SELECT path, version FROM drafts;
ALTER TABLE audit ADD COLUMN item TEXT NOT NULL DEFAULT '';
CREATE INDEX audit_at ON audit (at);
CREATE INDEX audit_item ON audit (item);
"#;

/// A write transaction that takes the database's write lock at once, so
/// another process (an import) cannot make it fail half-way.
fn write(c: &mut Connection) -> StoreResult<Transaction<'_>> {
    c.transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(db_err)
}

fn audit(
    tx: &Transaction<'_>,
    now: &str,
    by: &str,
    action: &str,
    item: &str,
    detail: &str,
) -> StoreResult<()> {
    tx.execute(
        "INSERT INTO audit (at, actor, action, item, detail) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![now, by, action, item, detail],
    )
    .map_err(db_err)?;
    Ok(())
}

fn draft_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Draft> {
    let state: String = r.get("state")?;
    let authors: String = r.get("authors")?;
    Ok(Draft {
        path: r.get("path")?,
        body: r.get("body")?,
        base: r.get("base")?,
        version: r.get("version")?,
        state: DraftState::parse(&state),
        authors: authors.lines().map(str::to_string).collect(),
        updated_at: r.get("updated_at")?,
    })
}

const DRAFT_COLUMNS: &str = "path, body, base, version, state, authors, updated_at";

/// Every draft, by path.
pub(super) fn all(c: &Connection) -> StoreResult<Vec<Draft>> {
    let mut stmt = c
        .prepare(&format!("SELECT {DRAFT_COLUMNS} FROM drafts ORDER BY path"))
        .map_err(db_err)?;
    stmt.query_map([], draft_from_row)
        .map_err(db_err)?
        .collect::<Result<_, _>>()
        .map_err(db_err)
}

/// The draft of `path`.
pub(super) fn one(c: &Connection, path: &str) -> StoreResult<Option<Draft>> {
    c.query_row(
        &format!("SELECT {DRAFT_COLUMNS} FROM drafts WHERE path = ?1"),
        [path],
        draft_from_row,
    )
    .optional()
    .map_err(db_err)
}

fn published_revision(tx: &Transaction<'_>, path: &str) -> StoreResult<i64> {
    Ok(tx
        .query_row(
            "SELECT revision FROM content WHERE path = ?1",
            [path],
            |r| r.get::<_, i64>(0),
        )
        .optional()
        .map_err(db_err)?
        .unwrap_or(0))
}

/// Saves a draft, checking nothing moved since the editor read it.
pub(super) fn save(c: &mut Connection, save: DraftSave, now: &str) -> StoreResult<Draft> {
    let tx = write(c)?;
    let existing = one(&tx, &save.path)?;
    let last: i64 = tx
        .query_row(
            "SELECT last FROM draft_versions WHERE path = ?1",
            [&save.path],
            |r| r.get(0),
        )
        .optional()
        .map_err(db_err)?
        .unwrap_or(0);
    let (base, mut authors) = match existing {
        Some(d) if d.version == save.version => (d.base, d.authors),
        Some(_) => return Err(StoreError::Conflict),
        None if save.version == 0 && save.base == published_revision(&tx, &save.path)? => {
            (save.base, Vec::new())
        }
        None => return Err(StoreError::Conflict),
    };
    let version = last + 1;
    tx.execute(
        "INSERT INTO draft_versions (path, last) VALUES (?1, ?2)
         ON CONFLICT (path) DO UPDATE SET last = ?2",
        params![save.path, version],
    )
    .map_err(db_err)?;
    if !authors.contains(&save.author) {
        authors.push(save.author.clone());
    }
    // An edit sends a draft in review back to being written.
    tx.execute(
        "INSERT INTO drafts (path, body, base, version, state, authors, updated_at)
         VALUES (?1, ?2, ?3, ?4, 'draft', ?5, ?6)
         ON CONFLICT (path) DO UPDATE SET body = ?2, version = ?4, state = 'draft',
             authors = ?5, updated_at = ?6",
        params![save.path, save.body, base, version, authors.join("\n"), now],
    )
    .map_err(db_err)?;
    let detail = if save.body.is_some() {
        "saved"
    } else {
        "saved: retire"
    };
    audit(
        &tx,
        now,
        &save.author,
        "content.save",
        &save.path,
        &format!("draft {version}, {detail}"),
    )?;
    let draft = one(&tx, &save.path)?.ok_or(StoreError::Conflict)?;
    tx.commit().map_err(db_err)?;
    Ok(draft)
}

/// Moves the draft of `path` at `version` to `state`.
pub(super) fn set_state(
    c: &mut Connection,
    path: &str,
    version: i64,
    state: DraftState,
    by: &str,
    now: &str,
) -> StoreResult<Draft> {
    let tx = write(c)?;
    let changed = tx
        .execute(
            "UPDATE drafts SET state = ?3, updated_at = ?4 WHERE path = ?1 AND version = ?2",
            params![path, version, state.as_str(), now],
        )
        .map_err(db_err)?;
    if changed == 0 {
        return Err(StoreError::Conflict);
    }
    let action = match state {
        DraftState::InReview => "content.submit",
        DraftState::Draft => "content.withdraw",
    };
    audit(&tx, now, by, action, path, &format!("draft {version}"))?;
    let draft = one(&tx, path)?.ok_or(StoreError::Conflict)?;
    tx.commit().map_err(db_err)?;
    Ok(draft)
}

/// Throws away the draft of `path` at `version`.
pub(super) fn discard(
    c: &mut Connection,
    path: &str,
    version: i64,
    by: &str,
    now: &str,
) -> StoreResult<()> {
    let tx = write(c)?;
    let changed = tx
        .execute(
            "DELETE FROM drafts WHERE path = ?1 AND version = ?2",
            params![path, version],
        )
        .map_err(db_err)?;
    if changed == 0 {
        return Err(StoreError::Conflict);
    }
    audit(
        &tx,
        now,
        by,
        "content.discard",
        path,
        &format!("draft {version}"),
    )?;
    tx.commit().map_err(db_err)?;
    Ok(())
}

/// Publishes the draft of `path` at `version`, in review, as a new revision
/// (or the file's removal); returns the revision number.
pub(super) fn publish(
    c: &mut Connection,
    path: &str,
    version: i64,
    by: &str,
    publication: &Publication,
    now: &str,
) -> StoreResult<i64> {
    let tx = write(c)?;
    let draft = match one(&tx, path)? {
        Some(d) if d.version == version && d.state == DraftState::InReview => d,
        _ => return Err(StoreError::Conflict),
    };
    // Published over by an import or another draft since it began.
    if published_revision(&tx, path)? != draft.base {
        return Err(StoreError::Conflict);
    }
    let revision: i64 = tx
        .query_row(
            "SELECT COALESCE(MAX(revision), 0) + 1 FROM content_revisions WHERE path = ?1",
            [path],
            |r| r.get(0),
        )
        .map_err(db_err)?;
    tx.execute(
        "INSERT INTO content_revisions (path, revision, body, created_at, author)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![path, revision, draft.body, now, draft.authors.join(", ")],
    )
    .map_err(db_err)?;
    match &draft.body {
        Some(body) => tx.execute(
            "INSERT INTO content (path, body, revision, updated_at, updated_by)
             VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (path) DO UPDATE SET body = ?2, revision = ?3,
                 updated_at = ?4, updated_by = ?5",
            params![path, body, revision, now, by],
        ),
        None => tx.execute("DELETE FROM content WHERE path = ?1", [path]),
    }
    .map_err(db_err)?;
    tx.execute("DELETE FROM drafts WHERE path = ?1", [path])
        .map_err(db_err)?;
    for (p, lang) in &publication.fresh {
        tx.execute(
            "DELETE FROM stale_translations WHERE path = ?1 AND lang = ?2",
            params![p, lang.code()],
        )
        .map_err(db_err)?;
    }
    for (p, lang) in &publication.stale {
        // Stale since the first change it missed.
        tx.execute(
            "INSERT INTO stale_translations (path, lang, since) VALUES (?1, ?2, ?3)
             ON CONFLICT (path, lang) DO NOTHING",
            params![p, lang.code(), now],
        )
        .map_err(db_err)?;
    }
    audit(&tx, now, by, "content.publish", path, &publication.audit)?;
    tx.commit().map_err(db_err)?;
    Ok(revision)
}

/// Every text whose translation needs updating, by path.
pub(super) fn stale(c: &Connection) -> StoreResult<Vec<StaleTranslation>> {
    let mut stmt = c
        .prepare("SELECT path, lang, since FROM stale_translations ORDER BY path, lang")
        .map_err(db_err)?;
    stmt.query_map([], |r| {
        let lang: String = r.get(1)?;
        Ok(StaleTranslation {
            path: r.get(0)?,
            lang: lang.parse().unwrap_or(Lang::Cy),
            since: r.get(2)?,
        })
    })
    .map_err(db_err)?
    .collect::<Result<_, _>>()
    .map_err(db_err)
}

/// Marks a text as up to date with its other language, with an audit
/// entry; false if it was not marked stale.
pub(super) fn confirm(
    c: &mut Connection,
    path: &str,
    lang: Lang,
    by: &str,
    now: &str,
) -> StoreResult<bool> {
    let tx = write(c)?;
    let changed = tx
        .execute(
            "DELETE FROM stale_translations WHERE path = ?1 AND lang = ?2",
            params![path, lang.code()],
        )
        .map_err(db_err)?;
    if changed > 0 {
        let detail = format!("{} text confirmed up to date", lang.code());
        audit(&tx, now, by, "translation.confirm", path, &detail)?;
    }
    tx.commit().map_err(db_err)?;
    Ok(changed > 0)
}

/// The text of revision `revision` of `path` (`Some(None)`: it removed
/// the file).
pub(super) fn revision_text(
    c: &Connection,
    path: &str,
    revision: i64,
) -> StoreResult<Option<Option<String>>> {
    c.query_row(
        "SELECT body FROM content_revisions WHERE path = ?1 AND revision = ?2",
        params![path, revision],
        |r| r.get::<_, Option<String>>(0),
    )
    .optional()
    .map_err(db_err)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{ContentFile, SqliteStore, Store};

    const CY: &str = "articles/x.cy.md";
    const EN: &str = "articles/x.en.md";

    async fn store_with(files: &[(&str, &str)]) -> SqliteStore {
        let s = SqliteStore::in_memory().unwrap();
        let files = files
            .iter()
            .map(|(path, text)| ContentFile {
                path: path.to_string(),
                text: text.to_string(),
            })
            .collect();
        s.replace_content(files, "seed").await.unwrap();
        s
    }

    fn save(path: &str, body: Option<&str>, version: i64, base: i64, author: &str) -> DraftSave {
        DraftSave {
            path: path.into(),
            body: body.map(str::to_string),
            version,
            base,
            author: author.into(),
        }
    }

    #[tokio::test]
    async fn saves_check_what_the_editor_read() {
        let s = store_with(&[(CY, "un")]).await;
        // A new draft of a published file names the revision it read.
        assert!(matches!(
            s.save_draft(save(CY, Some("dau"), 0, 0, "ann")).await,
            Err(StoreError::Conflict)
        ));
        let d = s
            .save_draft(save(CY, Some("dau"), 0, 1, "ann"))
            .await
            .unwrap();
        assert_eq!((d.version, d.base, d.state), (1, 1, DraftState::Draft));
        // A second editor who read version 1 saves; the first, still on
        // version 1, is refused and loses nothing.
        let d = s
            .save_draft(save(CY, Some("tri"), 1, 1, "ben"))
            .await
            .unwrap();
        assert_eq!(d.version, 2);
        assert!(matches!(
            s.save_draft(save(CY, Some("pedwar"), 1, 1, "ann")).await,
            Err(StoreError::Conflict)
        ));
        let d = s.draft(CY).await.unwrap().unwrap();
        assert_eq!(d.body.as_deref(), Some("tri"));
        assert_eq!(d.authors, ["ann", "ben"]);
        // A brand-new file starts from nothing.
        let d = s
            .save_draft(save(EN, Some("one"), 0, 0, "ann"))
            .await
            .unwrap();
        assert_eq!(d.base, 0);
        assert_eq!(s.drafts().await.unwrap().len(), 2);
    }

    #[tokio::test]
    async fn publishing_is_one_step_with_its_consequences() {
        let s = store_with(&[(CY, "un"), (EN, "one")]).await;
        let d = s
            .save_draft(save(CY, Some("dau"), 0, 1, "ann"))
            .await
            .unwrap();
        let publication = Publication {
            stale: vec![(EN.into(), Lang::En)],
            fresh: vec![(CY.into(), Lang::Cy)],
            audit: "articles/x.cy.md".into(),
        };
        // Only a draft in review, at the version read, is published.
        assert!(matches!(
            s.publish_draft(CY, d.version, "ben", publication.clone())
                .await,
            Err(StoreError::Conflict)
        ));
        let d = s
            .set_draft_state(CY, d.version, DraftState::InReview, "ann")
            .await
            .unwrap();
        assert!(matches!(
            s.publish_draft(CY, d.version + 1, "ben", publication.clone())
                .await,
            Err(StoreError::Conflict)
        ));
        let rev = s
            .publish_draft(CY, d.version, "ben", publication)
            .await
            .unwrap();
        assert_eq!(rev, 2);
        assert!(s.draft(CY).await.unwrap().is_none());
        let content = s.content().await.unwrap();
        assert!(content.iter().any(|f| f.path == CY && f.text == "dau"));
        assert_eq!(
            s.revision_text(CY, 1).await.unwrap(),
            Some(Some("un".into()))
        );
        let stale = s.stale_translations().await.unwrap();
        assert_eq!(stale.len(), 1);
        assert_eq!((stale[0].path.as_str(), stale[0].lang), (EN, Lang::En));
        // Confirmed once, then no longer stale.
        assert!(s.confirm_translation(EN, Lang::En, "ann").await.unwrap());
        assert!(!s.confirm_translation(EN, Lang::En, "ann").await.unwrap());
        assert!(s.stale_translations().await.unwrap().is_empty());
    }

    #[tokio::test]
    async fn retiring_keeps_the_history_and_a_moved_file_refuses_the_draft() {
        let s = store_with(&[(CY, "un"), (EN, "one")]).await;
        let d = s.save_draft(save(EN, None, 0, 1, "ann")).await.unwrap();
        s.set_draft_state(EN, d.version, DraftState::InReview, "ann")
            .await
            .unwrap();
        s.publish_draft(EN, d.version, "ben", Publication::default())
            .await
            .unwrap();
        assert!(!s.content().await.unwrap().iter().any(|f| f.path == EN));
        let history = s.revisions(EN).await.unwrap();
        assert_eq!(history.len(), 2);
        assert!(history[1].removed);
        assert_eq!(s.revision_text(EN, 2).await.unwrap(), Some(None));

        // An import publishes over the file while a draft of it waits.
        let d = s
            .save_draft(save(CY, Some("dau"), 0, 1, "ann"))
            .await
            .unwrap();
        let d = s
            .set_draft_state(CY, d.version, DraftState::InReview, "ann")
            .await
            .unwrap();
        s.replace_content(
            vec![ContentFile {
                path: CY.into(),
                text: "tri".into(),
            }],
            "import",
        )
        .await
        .unwrap();
        assert!(matches!(
            s.publish_draft(CY, d.version, "ben", Publication::default())
                .await,
            Err(StoreError::Conflict)
        ));
        // Nothing half-done: the imported text stands, the draft waits.
        assert!(s.content().await.unwrap().iter().any(|f| f.text == "tri"));
        assert!(s.draft(CY).await.unwrap().is_some());
    }

    #[tokio::test]
    async fn versions_never_restart_so_an_old_copy_never_matches_a_new_draft() {
        let s = store_with(&[(CY, "un")]).await;
        let d = s
            .save_draft(save(CY, Some("dau"), 0, 1, "ann"))
            .await
            .unwrap();
        let old = d.version;
        let d = s
            .set_draft_state(CY, d.version, DraftState::InReview, "ann")
            .await
            .unwrap();
        s.publish_draft(CY, d.version, "ben", Publication::default())
            .await
            .unwrap();
        // A new draft after the publication, and one after a discard.
        let d = s
            .save_draft(save(CY, Some("tri"), 0, 2, "ben"))
            .await
            .unwrap();
        assert!(d.version > old);
        // Ann's copy of the published draft no longer matches anything.
        assert!(matches!(
            s.save_draft(save(CY, Some("hen"), old, 1, "ann")).await,
            Err(StoreError::Conflict)
        ));
        s.discard_draft(CY, d.version, "ben").await.unwrap();
        let again = s
            .save_draft(save(CY, Some("pedwar"), 0, 2, "ben"))
            .await
            .unwrap();
        assert!(again.version > d.version);
        assert!(matches!(
            s.set_draft_state(CY, d.version, DraftState::InReview, "ben")
                .await,
            Err(StoreError::Conflict)
        ));
        // Every step is in the audit, with the file it was about.
        let log = s
            .audit_log(crate::store::AuditFilter {
                item: Some(CY.into()),
                limit: 100,
                ..Default::default()
            })
            .await
            .unwrap();
        let actions: Vec<&str> = log.iter().rev().map(|e| e.action.as_str()).collect();
        assert_eq!(
            actions,
            [
                "content.save",
                "content.submit",
                "content.publish",
                "content.save",
                "content.discard",
                "content.save"
            ]
        );
        let bens = s
            .audit_log(crate::store::AuditFilter {
                actor: Some("BEN".into()),
                limit: 100,
                ..Default::default()
            })
            .await
            .unwrap();
        assert_eq!(bens.len(), 4);
    }
}
