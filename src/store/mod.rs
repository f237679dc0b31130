//! The store: published content and its revisions, users, sessions and the
//! audit trail. Handlers only see the [`Store`] trait, so a PostgreSQL
//! backend can be added beside [`SqliteStore`] without touching them.

mod audit;
mod content;
mod drafts;
mod facts;
mod problems;
mod retention;
mod sqlite;
mod throttle;

use std::sync::Arc;

use async_trait::async_trait;
use serde::Serialize;

pub use self::audit::{AuditEntry, AuditFilter};
pub use self::content::{ContentFile, export_dir, read_import_dir, sources_of, valid_content_path};
pub use self::drafts::{Draft, DraftSave, DraftState, Publication, StaleTranslation};
pub use self::facts::{ContactStats, MATTER_LEAD_DAYS, StatsFilter};
pub use self::retention::{Cutoffs, PurgeCounts};
pub use self::sqlite::SqliteStore;
pub use self::throttle::LockRule;

use crate::assistant::contact::ContactRecord;
use crate::auth::Role;
use crate::lang::Lang;

/// Picks contact records (see [`Store::contacts_matching`]).
pub type RecordFilter = Box<dyn for<'a> Fn(&'a ContactRecord) -> bool + Send + 'static>;

/// A shared handle on whichever store is configured.
pub type DynStore = Arc<dyn Store>;

/// What went wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A user with that name already exists.
    #[error("a user called '{0}' already exists")]
    NameTaken(String),
    /// Someone else saved the record since it was read.
    #[error("the record was changed by someone else; reload it and try again")]
    Conflict,
    /// The database failed.
    #[error("database error: {0}")]
    Database(String),
}

/// Store results.
pub type StoreResult<T> = Result<T, StoreError>;

/// What an import changed.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize)]
pub struct ImportReport {
    /// Files that were new.
    pub added: usize,
    /// Files whose text changed.
    pub changed: usize,
    /// Files no longer present (kept in the revision history).
    pub removed: usize,
    /// Files with the same text.
    pub unchanged: usize,
}

/// One stored revision of a content file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Revision {
    /// Revision number, from 1.
    pub revision: i64,
    /// When it was written (RFC 3339).
    pub created_at: String,
    /// Who wrote it.
    pub author: String,
    /// Whether this revision removed the file.
    pub removed: bool,
}

/// A user account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct User {
    /// Database id.
    pub id: i64,
    /// Login name.
    pub name: String,
    /// Role.
    pub role: Role,
    /// Argon2 PHC hash; never serialised.
    #[serde(skip)]
    pub password_hash: String,
    /// Preferred console language.
    pub ui_lang: Lang,
    /// Disabled users cannot log in.
    pub disabled: bool,
    /// The name letters are signed with; empty: the login name.
    pub full_name: String,
}

impl User {
    /// The name to show and sign with: the full name, else the login name.
    pub fn display_name(&self) -> &str {
        if self.full_name.trim().is_empty() {
            &self.name
        } else {
            &self.full_name
        }
    }
}

/// A new session to store.
#[derive(Debug, Clone)]
pub struct NewSession {
    /// Hash of the token in the cookie.
    pub token_hash: String,
    /// Whose session.
    pub user_id: i64,
    /// The session's CSRF token.
    pub csrf: String,
    /// Unix seconds.
    pub now: i64,
    /// Unix seconds after which it is no longer valid.
    pub expires_at: i64,
}

/// A stored session and its user.
#[derive(Debug, Clone)]
pub struct Session {
    /// Hash of the token in the cookie.
    pub token_hash: String,
    /// The user.
    pub user: User,
    /// CSRF token for forms and API writes.
    pub csrf: String,
    /// Unix seconds.
    pub created_at: i64,
    /// Unix seconds of the last request.
    pub last_seen: i64,
    /// Unix seconds.
    pub expires_at: i64,
}

/// A search counted for the health page: one that found nothing, or one
/// given up on (`count` is then how many more times it was shown than
/// followed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unanswered {
    /// The scrubbed query.
    pub query: String,
    /// The language searched.
    pub lang: Lang,
    /// `public` or `internal`.
    pub audience: String,
    /// How many times.
    pub count: u64,
    /// The last day it was searched for (UTC).
    pub last_seen: String,
}

/// What happened to a search that found something.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SearchEvent {
    /// Its results were shown, and the searcher stopped there to read
    /// them (a submitted search, or a typed one left for a moment).
    Shown,
    /// A result was opened from it.
    Opened,
}

/// Storage used by the service. Every method is one transaction.
#[async_trait]
pub trait Store: Send + Sync + 'static {
    /// Checks the database answers (for `/readyz`).
    async fn ping(&self) -> StoreResult<()>;

    /// Every published content file, sorted by path.
    async fn content(&self) -> StoreResult<Vec<ContentFile>>;
    /// One published file and its revision.
    async fn content_file(&self, path: &str) -> StoreResult<Option<(ContentFile, i64)>>;
    /// The published revision of every file, by path.
    async fn content_revisions(&self) -> StoreResult<Vec<(String, i64)>>;
    /// Makes `files` the published content: new and changed files get a new
    /// revision, files not in `files` are removed (their history stays).
    async fn replace_content(
        &self,
        files: Vec<ContentFile>,
        author: &str,
    ) -> StoreResult<ImportReport>;
    /// The revisions of one content file, oldest first.
    async fn revisions(&self, path: &str) -> StoreResult<Vec<Revision>>;
    /// The text of one revision of a file (`Some(None)`: that revision
    /// removed it).
    async fn revision_text(&self, path: &str, revision: i64)
    -> StoreResult<Option<Option<String>>>;

    /// Every draft, by path.
    async fn drafts(&self) -> StoreResult<Vec<Draft>>;
    /// The draft of one file.
    async fn draft(&self, path: &str) -> StoreResult<Option<Draft>>;
    /// Saves a draft, or [`StoreError::Conflict`] if the draft or the
    /// published file moved since the editor read them.
    async fn save_draft(&self, save: DraftSave) -> StoreResult<Draft>;
    /// Moves the draft of `path` at `version` between writing and review.
    async fn set_draft_state(
        &self,
        path: &str,
        version: i64,
        state: DraftState,
        by: &str,
    ) -> StoreResult<Draft>;
    /// Throws away the draft of `path` at `version`.
    async fn discard_draft(&self, path: &str, version: i64, by: &str) -> StoreResult<()>;
    /// Publishes the draft of `path` at `version`, in review, with what the
    /// publication changes besides: one transaction (see `store::drafts`).
    /// Returns the new revision.
    async fn publish_draft(
        &self,
        path: &str,
        version: i64,
        by: &str,
        publication: Publication,
    ) -> StoreResult<i64>;
    /// Texts whose translation needs updating.
    async fn stale_translations(&self) -> StoreResult<Vec<StaleTranslation>>;
    /// Confirms a text is up to date with its other language (audited);
    /// false if it was not marked stale.
    async fn confirm_translation(&self, path: &str, lang: Lang, by: &str) -> StoreResult<bool>;

    /// How many users exist.
    async fn user_count(&self) -> StoreResult<u64>;
    /// Creates a user.
    async fn create_user(&self, name: &str, role: Role, password_hash: &str) -> StoreResult<User>;
    /// A user by login name (case-insensitive).
    async fn user_by_name(&self, name: &str) -> StoreResult<Option<User>>;
    /// Every user, by name.
    async fn users(&self) -> StoreResult<Vec<User>>;
    /// Sets a user's console language.
    async fn set_user_lang(&self, user_id: i64, lang: Lang) -> StoreResult<()>;
    /// Sets the name a user signs letters with.
    async fn set_user_full_name(&self, user_id: i64, full_name: &str) -> StoreResult<()>;
    /// Replaces a user's password hash.
    async fn set_user_password(&self, user_id: i64, password_hash: &str) -> StoreResult<()>;
    /// Disables (or enables again) a user: a disabled user cannot sign in
    /// and their sessions no longer count.
    async fn set_user_disabled(&self, user_id: i64, disabled: bool) -> StoreResult<()>;

    /// Stores a new session.
    async fn create_session(&self, session: NewSession) -> StoreResult<()>;
    /// A live session by token hash (expired ones are not returned).
    async fn session(&self, token_hash: &str, now: i64) -> StoreResult<Option<Session>>;
    /// Records activity and extends the expiry.
    async fn touch_session(&self, token_hash: &str, now: i64, expires_at: i64) -> StoreResult<()>;
    /// Ends a session.
    async fn delete_session(&self, token_hash: &str) -> StoreResult<()>;
    /// Removes expired sessions; returns how many.
    async fn delete_expired_sessions(&self, now: i64) -> StoreResult<usize>;
    /// Ends every session of a user; returns how many there were.
    async fn delete_sessions_of(&self, user_id: i64) -> StoreResult<usize>;

    /// Stores a new contact record; returns it with its id and version 1.
    async fn create_contact(&self, record: ContactRecord) -> StoreResult<ContactRecord>;
    /// A contact record by id.
    async fn contact(&self, id: i64) -> StoreResult<Option<ContactRecord>>;
    /// An adviser's contacts, open ones first, then the latest, at most
    /// `limit`.
    async fn contacts_of(&self, adviser_id: i64, limit: usize) -> StoreResult<Vec<ContactRecord>>;
    /// The adviser's latest contact still in progress, if any.
    async fn open_contact_of(&self, adviser_id: i64) -> StoreResult<Option<i64>>;
    /// Saves a contact record read at `record.version`; returns it with the
    /// next version, or [`StoreError::Conflict`] if it changed meanwhile.
    async fn save_contact(&self, record: ContactRecord) -> StoreResult<ContactRecord>;

    /// Appends to the audit trail. `detail` must not hold personal data.
    async fn audit(&self, actor: &str, action: &str, detail: &str) -> StoreResult<()>;
    /// Reads the audit trail, newest first.
    async fn audit_log(&self, filter: AuditFilter) -> StoreResult<Vec<AuditEntry>>;

    /// Counts one more search that found nothing, by its scrubbed text
    /// (see `search::unanswered`), language and audience.
    async fn count_unanswered(&self, query: &str, lang: Lang, audience: &str) -> StoreResult<()>;

    /// The searches that found nothing, most often first.
    async fn unanswered(&self, limit: usize) -> StoreResult<Vec<Unanswered>>;

    /// Counts a search whose results were shown, or a result opened from
    /// it, by its scrubbed text, language and audience.
    async fn count_search(
        &self,
        query: &str,
        lang: Lang,
        audience: &str,
        event: SearchEvent,
    ) -> StoreResult<()>;

    /// Stores finished records made elsewhere (demonstration data), all in
    /// one transaction; their ids are given here.
    async fn insert_contacts(&self, records: Vec<ContactRecord>) -> StoreResult<()>;

    /// Counts of the contacts `filter` picks out, for the managers'
    /// dashboard; `today` (UK) decides which actions are overdue.
    async fn contact_stats(
        &self,
        filter: StatsFilter,
        today: chrono::NaiveDate,
    ) -> StoreResult<ContactStats>;

    /// Anonymises the contacts and deletes the audit entries and search
    /// counts past `cutoffs`, audits it as `actor` (counts only), and
    /// leaves nothing removed on disk; `dry` only counts.
    async fn purge(&self, cutoffs: Cutoffs, dry: bool, actor: &str) -> StoreResult<PurgeCounts>;

    /// Stores a new problem; returns it with its id and version 1.
    async fn create_problem(
        &self,
        problem: crate::problems::Problem,
    ) -> StoreResult<crate::problems::Problem>;
    /// A problem by id.
    async fn problem(&self, id: i64) -> StoreResult<Option<crate::problems::Problem>>;
    /// Every problem, newest first.
    async fn problems(&self) -> StoreResult<Vec<crate::problems::Problem>>;
    /// Saves a problem read at `problem.version`; returns it with the next
    /// version, or [`StoreError::Conflict`] if it changed meanwhile.
    async fn save_problem(
        &self,
        problem: crate::problems::Problem,
    ) -> StoreResult<crate::problems::Problem>;
    /// Of the contacts `filter` picks with label (`kind`, `value`): how
    /// many, how many ended with an outcome, how many were resolved at
    /// first contact.
    async fn label_outcomes(
        &self,
        kind: &str,
        value: &str,
        filter: StatsFilter,
    ) -> StoreResult<(u64, u64, u64)>;

    /// Every contact record not yet anonymised that `keep` picks.
    async fn contacts_matching(&self, keep: RecordFilter) -> StoreResult<Vec<ContactRecord>>;

    /// The searches whose results were shown more often than one was
    /// opened, by how many more, most first: searches people gave up on.
    async fn abandoned(&self, limit: usize) -> StoreResult<Vec<Unanswered>>;

    /// Counts a sign-in attempt against each key at `now` (Unix
    /// milliseconds), before the password is checked, locking keys that
    /// reach their rule's limit, after forgetting keys last tried before
    /// `forget_before`. If a key is locked already, nothing is counted and
    /// the end of its lock is returned.
    async fn throttle_attempt(
        &self,
        keys: Vec<(String, LockRule)>,
        now: i64,
        forget_before: i64,
    ) -> StoreResult<Option<i64>>;

    /// Takes back a sign-in attempt that succeeded: `clear` is forgotten,
    /// and `forgive` counts one attempt fewer (unlocked if that takes it
    /// under `rule`'s limit).
    async fn throttle_succeeded(
        &self,
        clear: &str,
        forgive: &str,
        rule: LockRule,
    ) -> StoreResult<()>;

    /// The service's secret called `name` (32 random bytes), made on first
    /// use and the same for every replica.
    async fn server_secret(&self, name: &str) -> StoreResult<Vec<u8>>;
}
