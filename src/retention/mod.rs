//! Personal data kept only as long as the retention policy allows, and
//! found again when someone asks for theirs.
//!
//! * A **purge** anonymises contact records past their retention period
//!   (caller details, summary, letters, the words of actions, comments and
//!   the conversation go; ids, categories, times and scores stay, so the
//!   figures do not change), and deletes audit entries and search counts
//!   past theirs. Each purge leaves an audit entry of counts, never of what
//!   was removed. `canllaw purge` runs one; `canllaw serve` runs one at
//!   start and then daily.
//! * A **subject access** export gathers every record about one person,
//!   found by name, phone number, e-mail address or reference.

mod subject;

use chrono::{DateTime, Duration, Utc};

pub use self::subject::{Subject, SubjectError};

use crate::assistant::contact::ContactRecord;
use crate::store::{
    AuditEntry, AuditFilter, Cutoffs, PurgeCounts, Store, StoreError, StoreResult, User,
};

/// Why a retention request was refused.
#[derive(Debug, thiserror::Error)]
pub enum RetentionError {
    /// Only managers and admins purge and export.
    #[error("only managers and admins manage personal data")]
    NotManager,
    #[error(transparent)]
    Subject(#[from] SubjectError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

fn manager(user: &User) -> Result<(), RetentionError> {
    if user.role.oversees() {
        Ok(())
    } else {
        Err(RetentionError::NotManager)
    }
}

/// How long each kind of record is kept, in days. Set in configuration
/// (`--keep-*-days`, `CANLLAW_KEEP_*_DAYS`); the defaults are a starting
/// point for the organisation's own policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    /// A contact's personal data, from the day it ended.
    pub contacts: u32,
    /// The same for Report Line and whistleblowing contacts.
    pub restricted_contacts: u32,
    /// Audit entries (they name staff, and what they did).
    pub audit: u32,
    /// The counts of searches (scrubbed, but typed by people).
    pub searches: u32,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            contacts: 730,
            restricted_contacts: 2_190,
            audit: 2_190,
            searches: 365,
        }
    }
}

impl Policy {
    /// What is past retention at `now`.
    pub fn cutoffs(&self, now: DateTime<Utc>) -> Cutoffs {
        // Past the calendar's start, nothing is old enough.
        let before = |days: u32| {
            Duration::try_days(i64::from(days))
                .and_then(|d| now.checked_sub_signed(d))
                .unwrap_or(DateTime::<Utc>::MIN_UTC)
        };
        let time = |days| before(days).to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        Cutoffs {
            contacts: time(self.contacts),
            restricted_contacts: time(self.restricted_contacts),
            audit: time(self.audit),
            searches: before(self.searches).date_naive().to_string(),
            unended: time(1),
        }
    }
}

/// Purges what `policy` says is past retention at `now`, as `actor`
/// (`dry`: only counts what would go).
pub async fn purge(
    store: &dyn Store,
    policy: &Policy,
    now: DateTime<Utc>,
    dry: bool,
    actor: &str,
) -> StoreResult<PurgeCounts> {
    store.purge(policy.cutoffs(now), dry, actor).await
}

/// A purge asked for by a manager or admin, now (`dry`: what would go).
pub async fn purge_as(
    store: &dyn Store,
    user: &User,
    policy: &Policy,
    dry: bool,
) -> Result<PurgeCounts, RetentionError> {
    manager(user)?;
    Ok(purge(store, policy, Utc::now(), dry, &user.name).await?)
}

/// The purges done so far, newest first: when, by whom, and their counts.
pub async fn history(
    store: &dyn Store,
    user: &User,
    limit: usize,
) -> Result<Vec<(AuditEntry, PurgeCounts)>, RetentionError> {
    manager(user)?;
    let entries = store
        .audit_log(AuditFilter {
            action: Some("retention.purge".into()),
            limit,
            ..AuditFilter::default()
        })
        .await?;
    Ok(entries
        .into_iter()
        .filter_map(|e| {
            let counts = PurgeCounts::from_summary(&e.detail)?;
            Some((e, counts))
        })
        .collect())
}

/// The latest views of restricted records (who looked at which, when),
/// newest first: for managers only, as admins may not know which records
/// are restricted.
pub async fn restricted_views(
    store: &dyn Store,
    user: &User,
    limit: usize,
) -> Result<Vec<AuditEntry>, RetentionError> {
    if user.role != crate::auth::Role::Manager {
        return Err(RetentionError::NotManager);
    }
    Ok(store
        .audit_log(AuditFilter {
            action: Some(crate::contacts::VIEW_RESTRICTED.into()),
            limit,
            ..AuditFilter::default()
        })
        .await?)
}

/// Every record about `subject` that `visible` lets `actor` see, for a
/// subject access request; audited with the number found, never who it
/// was about.
pub async fn subject_access(
    store: &dyn Store,
    actor: &str,
    subject: Subject,
    visible: impl Fn(&ContactRecord) -> bool + Send + 'static,
) -> Result<Vec<ContactRecord>, RetentionError> {
    subject.validate()?;
    let records = store
        .contacts_matching(Box::new(move |r| subject.matches(r) && visible(r)))
        .await?;
    store
        .audit(
            actor,
            "subject-access.export",
            &format!("{} records", records.len()),
        )
        .await?;
    Ok(records)
}

/// A subject access export: the records as pretty JSON, with when it was
/// made and what it holds.
pub fn export(records: &[ContactRecord], now: DateTime<Utc>) -> String {
    let doc = serde_json::json!({
        "generated_at": now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        "note": "Contact records held about the person named in the request. Records whose retention period has passed were anonymised and are not included.",
        "records": records,
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
}

/// [`subject_access`] for a signed-in manager or admin: the records they
/// may read (admins do not see restricted ones).
pub async fn subject_access_for(
    store: &dyn Store,
    user: &User,
    subject: Subject,
) -> Result<Vec<ContactRecord>, RetentionError> {
    manager(user)?;
    let reader = user.clone();
    subject_access(store, &user.name, subject, move |r| {
        crate::contacts::access::may_see(&reader, r)
    })
    .await
}

/// Purges at once and then every day while the service runs; failures
/// are logged and tried again the next day.
pub async fn daily(store: crate::store::DynStore, policy: Policy) {
    let mut interval = tokio::time::interval(std::time::Duration::from_secs(24 * 60 * 60));
    loop {
        interval.tick().await;
        match purge(&*store, &policy, Utc::now(), false, "canllaw serve").await {
            Ok(counts) => tracing::info!(
                contacts = counts.contacts,
                restricted_contacts = counts.restricted_contacts,
                audit_entries = counts.audit_entries,
                searches = counts.searches,
                "retention purge done"
            ),
            Err(e) => tracing::warn!(error = %e, "retention purge failed"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cutoffs_are_whole_days_back() {
        let now: DateTime<Utc> = "2026-12-03T10:00:00Z".parse().unwrap();
        let c = Policy {
            contacts: 30,
            restricted_contacts: 0,
            audit: 365,
            searches: 1,
        }
        .cutoffs(now);
        assert_eq!(c.contacts, "2026-11-03T10:00:00Z");
        assert_eq!(c.restricted_contacts, "2026-12-03T10:00:00Z");
        assert_eq!(c.audit, "2025-12-03T10:00:00Z");
        assert_eq!(c.searches, "2026-12-02");
    }
}
