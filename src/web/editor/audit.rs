//! The audit log, for admins: every change, publication and sign-in, by
//! person, item and date.

use std::sync::Arc;

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use serde::Deserialize;

use crate::store::{AuditEntry, AuditFilter};
use crate::web::context::Ctx;
use crate::web::error::{AppError, AppResult};
use crate::web::page::{Chrome, render};
use crate::web::session::Admin;
use crate::web::state::AppState;

/// How many entries one page shows.
const SHOWN: usize = 500;

/// The filters (empty: any).
#[derive(Debug, Default, Deserialize)]
pub struct AuditQuery {
    #[serde(default)]
    actor: String,
    #[serde(default)]
    item: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
}

#[derive(Template)]
#[template(path = "editor/audit.html")]
struct AuditPage {
    chrome: Chrome,
    q: AuditQuery,
    entries: Vec<AuditEntry>,
    limit: usize,
}

fn day(s: &str, name: &'static str) -> AppResult<Option<String>> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map(|d| Some(d.to_string()))
        .map_err(|_| AppError::BadParameter(name))
}

pub async fn page(
    _: Admin,
    ctx: Ctx,
    State(state): State<Arc<AppState>>,
    Query(q): Query<AuditQuery>,
) -> AppResult<Response> {
    let some = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
    let entries = state
        .store
        .audit_log(AuditFilter {
            actor: some(&q.actor),
            item: some(&q.item),
            from: day(&q.from, "from")?,
            to: day(&q.to, "to")?,
            action: None,
            // Which records are restricted is for managers alone (see the
            // personal data page).
            not_action: Some(crate::contacts::VIEW_RESTRICTED.into()),
            limit: SHOWN,
        })
        .await?;
    Ok(render(&AuditPage {
        chrome: Chrome::new(&ctx, "editor-audit"),
        q,
        entries,
        limit: SHOWN,
    }))
}
