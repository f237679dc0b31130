//! `/console/retention`: the retention policy, what a purge would take now,
//! the purges done, a button to purge now, and the subject access export.
//! Rules are in `crate::retention`.

use std::sync::Arc;

use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::i18n::Tr;
use crate::retention::{self, RetentionError, Subject};
use crate::store::PurgeCounts;
use crate::web::context::Ctx;
use crate::web::error::AppResult;
use crate::web::page::{Chrome, render};
use crate::web::session::Manager;
use crate::web::state::AppState;

/// A purge's counts, in words.
fn counts_text(t: &Tr, c: &PurgeCounts) -> Vec<String> {
    vec![
        t.t1("retention-count-contacts", "count", c.contacts),
        t.t1("retention-count-restricted", "count", c.restricted_contacts),
        t.t1("retention-count-audit", "count", c.audit_entries),
        t.t1("retention-count-searches", "count", c.searches),
    ]
}

#[derive(Template)]
#[template(path = "retention.html")]
struct RetentionPage {
    chrome: Chrome,
    /// (record type, days kept).
    periods: Vec<(String, String)>,
    due: Vec<String>,
    nothing_due: bool,
    /// (when, who, what).
    done: Vec<(String, String, String)>,
    /// Views of restricted records, for managers: (when, who, contact id).
    views: Option<Vec<(String, String, String)>>,
    purged: bool,
    /// The subject access form as sent, and what was wrong with it.
    by: String,
    value: String,
    error: Option<String>,
}

/// `?purged=1` after a purge.
#[derive(Debug, Default, Deserialize)]
pub struct Shown {
    #[serde(default)]
    purged: Option<String>,
}

async fn page(
    state: &AppState,
    ctx: &Ctx,
    session: &crate::store::Session,
    purged: bool,
    form: (String, String, Option<String>),
) -> AppResult<Response> {
    let t = ctx.tr();
    let policy = state.config.retention;
    let store = &*state.store;
    let due = retention::purge_as(store, &session.user, &policy, true).await?;
    let done = retention::history(store, &session.user, 20).await?;
    let views = match retention::restricted_views(store, &session.user, 50).await {
        Ok(entries) => Some(
            entries
                .iter()
                .map(|e| {
                    let id = e.detail.trim_start_matches("contact ").to_string();
                    (t.when(&e.at), e.actor.clone(), id)
                })
                .collect(),
        ),
        Err(RetentionError::NotManager) => None,
        Err(e) => return Err(e.into()),
    };
    let days = |n: u32| t.t1("retention-days", "days", i64::from(n));
    let (by, value, error) = form;
    let status = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    Ok((
        status,
        render(&RetentionPage {
            chrome: Chrome::new(ctx, "retention"),
            periods: vec![
                (t.t("retention-kind-contacts"), days(policy.contacts)),
                (
                    t.t("retention-kind-restricted"),
                    days(policy.restricted_contacts),
                ),
                (t.t("retention-kind-audit"), days(policy.audit)),
                (t.t("retention-kind-searches"), days(policy.searches)),
            ],
            nothing_due: due.is_empty(),
            due: counts_text(&t, &due),
            done: done
                .iter()
                .map(|(e, c)| {
                    (
                        t.when(&e.at),
                        e.actor.clone(),
                        counts_text(&t, c).join("; "),
                    )
                })
                .collect(),
            views,
            purged,
            by,
            value,
            error,
        }),
    )
        .into_response())
}

/// `GET /console/retention`.
pub async fn show(
    Manager(session): Manager,
    ctx: Ctx,
    State(state): State<Arc<AppState>>,
    Query(shown): Query<Shown>,
) -> AppResult<Response> {
    let form = ("name".to_string(), String::new(), None);
    page(&state, &ctx, &session, shown.purged.is_some(), form).await
}

/// `POST /console/retention/purge`: purges now, then shows the result.
pub async fn purge(
    Manager(session): Manager,
    State(state): State<Arc<AppState>>,
) -> AppResult<Response> {
    retention::purge_as(&*state.store, &session.user, &state.config.retention, false).await?;
    Ok(Redirect::to(&format!("{}?purged=1", super::RETENTION)).into_response())
}

/// The subject access form.
#[derive(Debug, Deserialize)]
pub struct SubjectForm {
    by: String,
    value: String,
}

/// `POST /console/retention/subject-access`: the records about one person
/// as a JSON download (a POST, so the name never sits in a URL).
pub async fn subject_access(
    Manager(session): Manager,
    ctx: Ctx,
    State(state): State<Arc<AppState>>,
    Form(f): Form<SubjectForm>,
) -> AppResult<Response> {
    let value = f.value.trim().to_string();
    let subject = match f.by.as_str() {
        "phone" => Subject::Phone(value.clone()),
        "email" => Subject::Email(value.clone()),
        "reference" => Subject::Reference(value.clone()),
        _ => Subject::Name(value.clone()),
    };
    match retention::subject_access_for(&*state.store, &session.user, subject).await {
        Ok(records) => {
            let now = chrono::Utc::now();
            let name = format!("subject-access-{}.json", now.format("%Y-%m-%d"));
            Ok((
                [
                    (header::CONTENT_TYPE, "application/json".to_string()),
                    (
                        header::CONTENT_DISPOSITION,
                        format!("attachment; filename=\"{name}\""),
                    ),
                    (header::CACHE_CONTROL, "no-store".to_string()),
                ],
                retention::export(&records, now),
            )
                .into_response())
        }
        Err(RetentionError::Subject(_)) => {
            let error = ctx.tr().t("retention-subject-too-short");
            page(&state, &ctx, &session, false, (f.by, f.value, Some(error))).await
        }
        Err(e) => Err(e.into()),
    }
}
