//! Repeated problems: the log a manager keeps of a problem that keeps
//! coming back, from spotting it in the records to checking that the change
//! made for it worked.
//!
//! * **Candidates** are drawn from the records: the commonest reasons for
//!   calling in the last four weeks, beside the four weeks before, and
//!   searches that keep finding nothing or keep being given up on.
//! * A **problem** records the options considered with their pros and
//!   cons, the option chosen and who approved it, and the change made.
//! * **Follow-up** compares the four weeks before the change with the time
//!   since (up to four weeks): for a reason for calling, contacts a day and
//!   first-contact resolution among them; for a search, how often it found
//!   nothing before and since.

use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::auth::Role;
use crate::lang::Lang;
use crate::reporting::Share;
use crate::store::{StatsFilter, Store, StoreError, User};

/// Days compared before and after a change, and for candidates.
pub const WINDOW_DAYS: i64 = 28;
/// Fewest times a search must have failed to be a candidate.
pub const MIN_FAILED: u64 = 3;
/// Longest text in any field, in characters.
pub const MAX_TEXT: usize = 4_000;
/// Most options one problem may weigh.
pub const MAX_OPTIONS: usize = 12;

/// What a problem is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Source {
    /// A reason for calling (an intent id).
    Intent { id: String },
    /// A search that finds nothing or is given up on.
    Search { query: String, lang: Lang },
    /// Something a manager noticed elsewhere.
    Other,
}

/// One option considered.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProblemOption {
    pub text: String,
    pub pros: String,
    pub cons: String,
}

/// A problem in the log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    /// Given by the store; 0 until stored.
    pub id: i64,
    /// Bumped on every save (see [`crate::store::StoreError::Conflict`]).
    pub version: i64,
    pub title: String,
    pub source: Source,
    /// What is happening, in the manager's words.
    #[serde(default)]
    pub description: String,
    /// Who opened it, and when (UK day).
    pub opened_by: String,
    pub opened_on: NaiveDate,
    #[serde(default)]
    pub options: Vec<ProblemOption>,
    /// The option chosen (an index into `options`).
    #[serde(default)]
    pub chosen: Option<usize>,
    /// Who approved the chosen option.
    #[serde(default)]
    pub approved_by: String,
    /// The change made, and the day it took effect.
    #[serde(default)]
    pub change: String,
    #[serde(default)]
    pub changed_on: Option<NaiveDate>,
    /// For a search: how often it had failed when the change was recorded
    /// (the count since is measured against it), and the day it was taken.
    #[serde(default)]
    pub failed_at_change: Option<u64>,
    #[serde(default)]
    pub failed_counted_on: Option<NaiveDate>,
}

impl Problem {
    /// Whether it is about restricted contacts (Report Line,
    /// whistleblowing), which admins may not read about.
    fn restricted(&self) -> bool {
        matches!(&self.source, Source::Intent { id } if crate::assistant::contact::restricting_intent(id))
    }
}

/// What a manager submits for a problem.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Edit {
    pub title: String,
    pub description: String,
    pub options: Vec<ProblemOption>,
    pub chosen: Option<usize>,
    pub approved_by: String,
    pub change: String,
    pub changed_on: Option<NaiveDate>,
}

/// Why a problem was refused.
#[derive(Debug, thiserror::Error)]
pub enum ProblemError {
    /// Only managers (and admins) keep the log.
    #[error("only managers keep the problem log")]
    NotManager,
    #[error("no such problem")]
    NotFound,
    /// Fields that are missing or wrong, by field name.
    #[error("the problem has mistakes: {0:?}")]
    Invalid(Vec<(&'static str, &'static str)>),
    #[error(transparent)]
    Store(#[from] StoreError),
}

fn manager(user: &User) -> Result<(), ProblemError> {
    if user.role.oversees() {
        Ok(())
    } else {
        Err(ProblemError::NotManager)
    }
}

/// Drops options left empty, moving the choice with the option chosen (a
/// choice of an empty option is a mistake [`validate`] reports).
pub fn tidy(edit: &mut Edit) {
    let empty = |o: &ProblemOption| {
        o.text.trim().is_empty() && o.pros.trim().is_empty() && o.cons.trim().is_empty()
    };
    let mut kept = Vec::new();
    let mut chosen = edit.chosen.map(|_| usize::MAX);
    for (i, o) in std::mem::take(&mut edit.options).into_iter().enumerate() {
        if empty(&o) {
            continue;
        }
        if edit.chosen == Some(i) {
            chosen = Some(kept.len());
        }
        kept.push(o);
    }
    edit.options = kept;
    edit.chosen = chosen;
}

/// Checks an edit as of `today` (after [`tidy`]); the mistakes are
/// (field, message id).
pub fn validate(edit: &Edit, today: NaiveDate) -> Result<(), ProblemError> {
    let mut wrong = Vec::new();
    if edit.title.trim().is_empty() {
        wrong.push(("title", "problem-error-title"));
    }
    let texts = [
        &edit.title,
        &edit.description,
        &edit.approved_by,
        &edit.change,
    ]
    .into_iter()
    .chain(
        edit.options
            .iter()
            .flat_map(|o| [&o.text, &o.pros, &o.cons]),
    );
    if texts.into_iter().any(|t| t.chars().count() > MAX_TEXT) {
        wrong.push(("title", "problem-error-too-long"));
    }
    if edit.options.len() > MAX_OPTIONS {
        wrong.push(("options", "problem-error-too-many"));
    }
    if edit.chosen.is_some_and(|i| i >= edit.options.len()) {
        wrong.push(("chosen", "problem-error-chosen"));
    }
    if edit.chosen.is_some() && edit.approved_by.trim().is_empty() {
        wrong.push(("approved_by", "problem-error-approver"));
    }
    if !edit.change.trim().is_empty() && edit.changed_on.is_none() {
        wrong.push(("changed_on", "problem-error-changed-on"));
    }
    if edit.changed_on.is_some() && edit.chosen.is_none() {
        wrong.push(("chosen", "problem-error-choose-first"));
    }
    if edit.changed_on.is_some_and(|d| d > today) {
        wrong.push(("changed_on", "problem-error-future"));
    }
    if wrong.is_empty() {
        Ok(())
    } else {
        Err(ProblemError::Invalid(wrong))
    }
}

/// Opens a problem about `source`.
pub async fn open(
    store: &dyn Store,
    user: &User,
    title: &str,
    source: Source,
    today: NaiveDate,
) -> Result<Problem, ProblemError> {
    manager(user)?;
    validate(
        &Edit {
            title: title.to_string(),
            ..Edit::default()
        },
        today,
    )?;
    let problem = Problem {
        id: 0,
        version: 0,
        title: title.trim().to_string(),
        source,
        description: String::new(),
        opened_by: user.display_name().to_string(),
        opened_on: today,
        options: Vec::new(),
        chosen: None,
        approved_by: String::new(),
        change: String::new(),
        changed_on: None,
        failed_at_change: None,
        failed_counted_on: None,
    };
    if problem.restricted() && user.role != Role::Manager {
        return Err(ProblemError::NotManager);
    }
    let problem = store.create_problem(problem).await?;
    store
        .audit(
            &user.name,
            "problem.open",
            &format!("problem {}", problem.id),
        )
        .await?;
    Ok(problem)
}

/// One problem.
pub async fn get(store: &dyn Store, user: &User, id: i64) -> Result<Problem, ProblemError> {
    manager(user)?;
    match store.problem(id).await? {
        Some(p) if !p.restricted() || user.role == Role::Manager => Ok(p),
        _ => Err(ProblemError::NotFound),
    }
}

/// Every problem, newest first.
pub async fn list(store: &dyn Store, user: &User) -> Result<Vec<Problem>, ProblemError> {
    manager(user)?;
    let mut all = store.problems().await?;
    all.retain(|p| !p.restricted() || user.role == Role::Manager);
    Ok(all)
}

/// Saves `edit` to the problem read at `version`, as of `today`.
pub async fn save(
    store: &dyn Store,
    user: &User,
    id: i64,
    version: i64,
    mut edit: Edit,
    today: NaiveDate,
) -> Result<Problem, ProblemError> {
    let mut p = get(store, user, id).await?;
    if p.version != version {
        return Err(StoreError::Conflict.into());
    }
    tidy(&mut edit);
    validate(&edit, today)?;
    // A search's failures are counted when the change is first recorded;
    // the follow-up measures from that day.
    if edit.changed_on.is_some()
        && p.failed_at_change.is_none()
        && let Source::Search { query, lang } = &p.source
    {
        p.failed_at_change = Some(failed_count(store, query, *lang).await?);
        p.failed_counted_on = Some(today);
    }
    if edit.changed_on.is_none() {
        p.failed_at_change = None;
        p.failed_counted_on = None;
    }
    p.title = edit.title.trim().to_string();
    p.description = edit.description;
    p.options = edit.options;
    p.chosen = edit.chosen;
    p.approved_by = edit.approved_by.trim().to_string();
    p.change = edit.change;
    p.changed_on = edit.changed_on;
    let saved = store.save_problem(p).await?;
    store
        .audit(&user.name, "problem.save", &format!("problem {id}"))
        .await?;
    Ok(saved)
}

/// How often a search has failed so far: found nothing, or was given up
/// on.
async fn failed_count(store: &dyn Store, query: &str, lang: Lang) -> Result<u64, StoreError> {
    let mut all = store.unanswered(10_000).await?;
    all.extend(store.abandoned(10_000).await?);
    Ok(all
        .into_iter()
        .filter(|u| u.query == query && u.lang == lang)
        .map(|u| u.count)
        .sum())
}

/// A reason for calling over one period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Contacts with the reason.
    pub contacts: u64,
    /// Of those that ended with an outcome, resolved at first contact.
    pub resolved: Share,
}

impl Period {
    /// Days in the period.
    pub fn days(&self) -> u64 {
        ((self.to - self.from).num_days() + 1).max(1) as u64
    }

    /// Contacts a day, in tenths (1.5 is 15), rounded half up.
    pub fn per_day_tenths(&self) -> u64 {
        (self.contacts * 20 + self.days()) / (self.days() * 2)
    }
}

/// What the figures say since the change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FollowUp {
    /// No change recorded yet.
    NotYet,
    /// A reason for calling: before and since.
    Intent { before: Period, after: Period },
    /// A search: how often it had failed by the change, and since.
    Search { before: u64, since: u64, days: u64 },
    /// Nothing in the records to measure a problem of this kind by.
    Unmeasured,
}

/// The follow-up of `p` as of `today`.
pub async fn follow_up(
    store: &dyn Store,
    user: &User,
    p: &Problem,
    today: NaiveDate,
) -> Result<FollowUp, ProblemError> {
    manager(user)?;
    let Some(changed) = p.changed_on else {
        return Ok(FollowUp::NotYet);
    };
    Ok(match &p.source {
        Source::Intent { id } => {
            let restricted = user.role == Role::Manager;
            let before = period(
                store,
                id,
                changed - Duration::days(WINDOW_DAYS),
                changed - Duration::days(1),
                restricted,
            )
            .await?;
            let end = today
                .min(changed + Duration::days(WINDOW_DAYS - 1))
                .max(changed);
            let after = period(store, id, changed, end, restricted).await?;
            FollowUp::Intent { before, after }
        }
        Source::Search { query, lang } => {
            let now = failed_count(store, query, *lang).await?;
            let before = p.failed_at_change.unwrap_or(0);
            let counted = p.failed_counted_on.unwrap_or(changed);
            FollowUp::Search {
                before,
                since: now.saturating_sub(before),
                days: ((today - counted).num_days() + 1).max(1) as u64,
            }
        }
        Source::Other => FollowUp::Unmeasured,
    })
}

async fn period(
    store: &dyn Store,
    intent: &str,
    from: NaiveDate,
    to: NaiveDate,
    restricted: bool,
) -> Result<Period, StoreError> {
    let (contacts, ended, resolved) = store
        .label_outcomes(
            "intent",
            intent,
            StatsFilter {
                from,
                to,
                channel: None,
                caller_lang: None,
                restricted,
            },
        )
        .await?;
    Ok(Period {
        from,
        to,
        contacts,
        resolved: Share {
            part: resolved,
            whole: ended,
        },
    })
}

/// A problem the records suggest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub source: Source,
    /// In the last [`WINDOW_DAYS`] days (intents), or in all (searches).
    pub count: u64,
    /// In the [`WINDOW_DAYS`] days before that (intents only).
    pub before: Option<u64>,
    /// Whether it is a search people gave up on (rather than one that
    /// found nothing).
    pub abandoned: bool,
}

/// Recurring reasons for calling (the most frequent, with how they moved)
/// and recurring failed searches, as of `today`.
pub async fn candidates(
    store: &dyn Store,
    user: &User,
    today: NaiveDate,
) -> Result<Vec<Candidate>, ProblemError> {
    manager(user)?;
    let restricted = user.role == Role::Manager;
    let window = |to: NaiveDate| StatsFilter {
        from: to - Duration::days(WINDOW_DAYS - 1),
        to,
        channel: None,
        caller_lang: None,
        restricted,
    };
    let now = store.contact_stats(window(today), today).await?;
    let then = store
        .contact_stats(window(today - Duration::days(WINDOW_DAYS)), today)
        .await?;
    let intents = |s: &crate::store::ContactStats| -> Vec<(String, u64)> {
        s.by_label
            .iter()
            .filter(|(k, _, _)| k == "intent")
            .map(|(_, v, n)| (v.clone(), *n))
            .collect()
    };
    let earlier = intents(&then);
    let mut out: Vec<Candidate> = intents(&now)
        .into_iter()
        .take(8)
        .map(|(id, count)| Candidate {
            before: Some(
                earlier
                    .iter()
                    .find(|(e, _)| *e == id)
                    .map_or(0, |(_, n)| *n),
            ),
            source: Source::Intent { id },
            count,
            abandoned: false,
        })
        .collect();
    for (list, abandoned) in [
        (store.unanswered(10).await?, false),
        (store.abandoned(10).await?, true),
    ] {
        out.extend(
            list.into_iter()
                .filter(|u| u.count >= MIN_FAILED)
                .map(|u| Candidate {
                    source: Source::Search {
                        query: u.query,
                        lang: u.lang,
                    },
                    count: u.count,
                    before: None,
                    abandoned,
                }),
        );
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn option(text: &str) -> ProblemOption {
        ProblemOption {
            text: text.into(),
            ..ProblemOption::default()
        }
    }

    fn wrong(edit: &Edit, today: NaiveDate) -> Vec<&'static str> {
        match validate(edit, today) {
            Err(ProblemError::Invalid(w)) => w.into_iter().map(|(field, _)| field).collect(),
            _ => Vec::new(),
        }
    }

    #[test]
    fn an_empty_option_is_dropped_and_the_choice_moves_with_its_option() {
        let today: NaiveDate = "2026-12-03".parse().unwrap();
        let mut edit = Edit {
            title: "Case updates".into(),
            options: vec![option(""), option("Texts"), option("A status page")],
            chosen: Some(2),
            approved_by: "Head of contact centre".into(),
            ..Edit::default()
        };
        tidy(&mut edit);
        assert_eq!(edit.options.len(), 2);
        assert_eq!(edit.chosen, Some(1), "still the status page");
        assert!(validate(&edit, today).is_ok());
        // Choosing the empty box is a mistake, not a silent "none".
        let mut edit = Edit {
            title: "Case updates".into(),
            options: vec![option("Texts"), option("")],
            chosen: Some(1),
            approved_by: "Head of contact centre".into(),
            ..Edit::default()
        };
        tidy(&mut edit);
        assert_eq!(wrong(&edit, today), ["chosen"]);
        // A change must have taken effect by today, with an option chosen.
        let edit = Edit {
            title: "Case updates".into(),
            change: "Texts started".into(),
            changed_on: Some(today.succ_opt().unwrap()),
            ..Edit::default()
        };
        assert_eq!(wrong(&edit, today), ["chosen", "changed_on"]);
    }
}
