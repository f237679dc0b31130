//! A file's history: every revision with its author and time, a readable
//! comparison of any two, and restoring an old one as a new draft.

use std::sync::Arc;

use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::editorial::diff::{Diff, Op};
use crate::editorial::{self, Side};
use crate::store::Revision;
use crate::web::context::Ctx;
use crate::web::error::{AppError, AppResult};
use crate::web::page::{Chrome, render};
use crate::web::session::Editor;
use crate::web::state::AppState;

/// `?path=`.
#[derive(Debug, Deserialize)]
pub struct PathQuery {
    path: String,
}

#[derive(Template)]
#[template(path = "editor/history.html")]
struct HistoryPage {
    chrome: Chrome,
    path: String,
    item_href: String,
    revisions: Vec<Revision>,
    has_draft: bool,
    /// What a restore names as read.
    version: i64,
    base: i64,
}

pub async fn page(
    Editor(session): Editor,
    ctx: Ctx,
    State(state): State<Arc<AppState>>,
    Query(q): Query<PathQuery>,
) -> AppResult<Response> {
    let mut revisions = editorial::view::history(&*state.store, &session.user, &q.path).await?;
    let file = editorial::view::file(&*state.store, &session.user, &q.path).await?;
    if revisions.is_empty() && file.draft.is_none() {
        return Err(AppError::NotFound);
    }
    revisions.reverse();
    Ok(render(&HistoryPage {
        chrome: Chrome::new(&ctx, "editor"),
        item_href: super::item_href(&q.path, None),
        has_draft: file.draft.is_some(),
        version: file.draft.as_ref().map_or(0, |d| d.version),
        base: file.revision,
        path: q.path,
        revisions,
    }))
}

/// `?path=&from=&to=`.
#[derive(Debug, Deserialize)]
pub struct DiffQuery {
    path: String,
    from: String,
    to: String,
}

#[derive(Template)]
#[template(path = "editor/diff.html")]
struct DiffPage {
    chrome: Chrome,
    path: String,
    history_href: String,
    from: String,
    to: String,
    diff: Diff,
}

/// `GET /diff`: two versions compared, by words or by field.
pub async fn diff(
    Editor(session): Editor,
    ctx: Ctx,
    State(state): State<Arc<AppState>>,
    Query(q): Query<DiffQuery>,
) -> AppResult<Response> {
    let side = |s: &str, name| s.parse::<Side>().map_err(|_| AppError::BadParameter(name));
    let (from, to) = (side(&q.from, "from")?, side(&q.to, "to")?);
    let diff = editorial::compare(&*state.store, &session.user, &q.path, from, to).await?;
    let t = ctx.tr();
    let name = |s: Side| match s {
        Side::Draft => t.t("editor-the-draft"),
        Side::Revision(0) => t.t("editor-nothing"),
        Side::Revision(n) => t.t1("editor-revision", "revision", n),
    };
    Ok(render(&DiffPage {
        chrome: Chrome::new(&ctx, "editor"),
        history_href: format!(
            "{}/history?path={}",
            super::HOME,
            form_urlencoded::byte_serialize(q.path.as_bytes()).collect::<String>()
        ),
        from: name(from),
        to: name(to),
        path: q.path,
        diff,
    }))
}

/// The restore form.
#[derive(Debug, Deserialize)]
pub struct RestoreForm {
    path: String,
    revision: i64,
    #[serde(default)]
    version: i64,
    #[serde(default)]
    base: i64,
}

/// `POST /restore`: an old revision becomes a new draft.
pub async fn restore(
    Editor(session): Editor,
    State(state): State<Arc<AppState>>,
    Form(f): Form<RestoreForm>,
) -> AppResult<Response> {
    editorial::restore(
        &*state.store,
        &session.user,
        &f.path,
        f.revision,
        f.version,
        f.base,
    )
    .await?;
    Ok(Redirect::to(&super::item_href(&f.path, Some("restored"))).into_response())
}
