//! The editors' workflow over the API: content files with their revisions
//! and drafts, saving a draft against the version it was based on, review,
//! publication (which reloads search and the assistant at once),
//! translations, history, comparison and restoring. The rules are in
//! `editorial`; these handlers only parse, call and answer.

use std::sync::Arc;

use axum::Json;
use axum::extract::{Query, State};
use serde::{Deserialize, Serialize};

use crate::editorial::diff::Diff;
use crate::editorial::view::{FileSummary, FileView};
use crate::editorial::{self, Change, Side};
use crate::lang::Lang;
use crate::store::{Draft, Revision, StaleTranslation};
use crate::web::error::{AppError, AppResult};
use crate::web::session::CurrentUser;
use crate::web::state::{AppState, Publication};

/// `GET /editor/files`: every published file and every new one in draft,
/// with its state, and the texts waiting for a translation update.
#[derive(Debug, Serialize)]
pub struct Files {
    files: Vec<FileSummary>,
    stale_translations: Vec<StaleTranslation>,
}

pub async fn files(
    CurrentUser(session): CurrentUser,
    State(state): State<Arc<AppState>>,
) -> AppResult<Json<Files>> {
    let published = state.published();
    let files = editorial::view::files(&*state.store, &session.user, &published.kb).await?;
    Ok(Json(Files {
        files,
        stale_translations: state.store.stale_translations().await?,
    }))
}

/// `?path=` naming a content file.
#[derive(Debug, Deserialize)]
pub struct PathParam {
    path: String,
}

/// `GET /editor/file?path=`: one file, published and in draft.
pub async fn file(
    CurrentUser(session): CurrentUser,
    State(state): State<Arc<AppState>>,
    Query(p): Query<PathParam>,
) -> AppResult<Json<FileView>> {
    let view = editorial::view::file(&*state.store, &session.user, &p.path).await?;
    if view.text.is_none() && view.draft.is_none() {
        return Err(AppError::NotFound);
    }
    Ok(Json(view))
}

/// `GET /editor/revisions?path=`: the history of one file.
pub async fn revisions(
    CurrentUser(session): CurrentUser,
    State(state): State<Arc<AppState>>,
    Query(p): Query<PathParam>,
) -> AppResult<Json<Vec<Revision>>> {
    Ok(Json(
        editorial::view::history(&*state.store, &session.user, &p.path).await?,
    ))
}

/// `?path=&revision=`.
#[derive(Debug, Deserialize)]
pub struct RevisionParam {
    path: String,
    revision: i64,
}

/// One revision's text (`null`: that revision retired the file).
#[derive(Debug, Serialize)]
pub struct RevisionText {
    path: String,
    revision: i64,
    text: Option<String>,
}

/// `GET /editor/revision?path=&revision=`.
pub async fn revision(
    CurrentUser(session): CurrentUser,
    State(state): State<Arc<AppState>>,
    Query(p): Query<RevisionParam>,
) -> AppResult<Json<RevisionText>> {
    let text =
        editorial::view::revision_text(&*state.store, &session.user, &p.path, p.revision).await?;
    Ok(Json(RevisionText {
        path: p.path,
        revision: p.revision,
        text,
    }))
}

/// `?path=&from=&to=`, each a revision number or `draft`.
#[derive(Debug, Deserialize)]
pub struct DiffParam {
    path: String,
    from: String,
    to: String,
}

/// `GET /editor/diff`: what changed between two versions, by words for
/// prose and by field for structured content.
pub async fn diff(
    CurrentUser(session): CurrentUser,
    State(state): State<Arc<AppState>>,
    Query(p): Query<DiffParam>,
) -> AppResult<Json<Diff>> {
    let side = |s: &str, name| s.parse::<Side>().map_err(|_| AppError::BadParameter(name));
    let (from, to) = (side(&p.from, "from")?, side(&p.to, "to")?);
    Ok(Json(
        editorial::compare(&*state.store, &session.user, &p.path, from, to).await?,
    ))
}

/// The body of `PUT /editor/draft`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DraftInput {
    path: String,
    /// The new text; leave out only to retire.
    #[serde(default)]
    body: Option<String>,
    /// Retire the file (with no `body`): it leaves search and the public
    /// site, its history stays.
    #[serde(default)]
    retire: bool,
    /// The draft version read (0: there was no draft).
    #[serde(default)]
    version: i64,
    /// With no draft: the published revision read (0: none).
    #[serde(default)]
    base: i64,
}

pub async fn save(
    CurrentUser(session): CurrentUser,
    State(state): State<Arc<AppState>>,
    Json(input): Json<DraftInput>,
) -> AppResult<Json<Draft>> {
    // A forgotten or misspelt `body` must not retire a file.
    if input.body.is_some() == input.retire {
        return Err(AppError::BadParameter("body"));
    }
    let draft = editorial::save(
        &*state.store,
        &session.user,
        Change {
            path: input.path,
            body: input.body,
            version: input.version,
            base: input.base,
        },
    )
    .await?;
    Ok(Json(draft))
}

/// The body of the review, publish and discard steps.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepInput {
    path: String,
    version: i64,
    /// Publish even though the other language is left out of date (the
    /// confirmation goes in the audit).
    #[serde(default)]
    confirm_stale: bool,
}

/// `POST /editor/submit`: sends a draft for review.
pub async fn submit(
    CurrentUser(session): CurrentUser,
    State(state): State<Arc<AppState>>,
    Json(input): Json<StepInput>,
) -> AppResult<Json<Draft>> {
    let draft = editorial::submit(&*state.store, &session.user, &input.path, input.version).await?;
    Ok(Json(draft))
}

/// `POST /editor/discard`: throws a draft away.
pub async fn discard(
    CurrentUser(session): CurrentUser,
    State(state): State<Arc<AppState>>,
    Json(input): Json<StepInput>,
) -> AppResult<axum::http::StatusCode> {
    editorial::discard(&*state.store, &session.user, &input.path, input.version).await?;
    Ok(axum::http::StatusCode::NO_CONTENT)
}

/// What a publication made.
#[derive(Debug, Serialize)]
pub struct Published {
    path: String,
    #[serde(flatten)]
    publication: Publication,
}

/// `POST /editor/publish`: approves and publishes a draft in review, then
/// reloads search and the assistant.
pub async fn publish(
    CurrentUser(session): CurrentUser,
    State(state): State<Arc<AppState>>,
    Json(input): Json<StepInput>,
) -> AppResult<Json<Published>> {
    let publication = state
        .publish_draft(
            session.user.clone(),
            input.path.clone(),
            input.version,
            input.confirm_stale,
        )
        .await?;
    Ok(Json(Published {
        path: input.path,
        publication,
    }))
}

/// The body of `POST /editor/restore`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RestoreInput {
    path: String,
    /// The revision to bring back.
    revision: i64,
    /// As for a save: the draft version read (0: none)…
    #[serde(default)]
    version: i64,
    /// …or with no draft, the published revision read.
    #[serde(default)]
    base: i64,
}

/// `POST /editor/restore`: an old revision becomes a new draft.
pub async fn restore(
    CurrentUser(session): CurrentUser,
    State(state): State<Arc<AppState>>,
    Json(input): Json<RestoreInput>,
) -> AppResult<Json<Draft>> {
    let draft = editorial::restore(
        &*state.store,
        &session.user,
        &input.path,
        input.revision,
        input.version,
        input.base,
    )
    .await?;
    Ok(Json(draft))
}

/// The body of `POST /editor/translations/confirm`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfirmInput {
    path: String,
    lang: Lang,
}

/// `POST /editor/translations/confirm`: a text marked as needing an update
/// is up to date after all (audited).
pub async fn confirm(
    CurrentUser(session): CurrentUser,
    State(state): State<Arc<AppState>>,
    Json(input): Json<ConfirmInput>,
) -> AppResult<axum::http::StatusCode> {
    editorial::confirm_translation(&*state.store, &session.user, &input.path, input.lang).await?;
    Ok(axum::http::StatusCode::NO_CONTENT)
}
