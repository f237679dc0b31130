//! The editors' workflow over the API: content files with their revisions
//! and drafts, saving a draft against the version it was based on, review,
//! publication (which reloads search and the assistant at once), and
//! translations. The rules are in `editorial`; these handlers only parse,
//! call and answer.

use std::sync::Arc;

use axum::Json;
use axum::extract::{Query, State};
use serde::{Deserialize, Serialize};

use crate::editorial::{self, Change, EditorialError};
use crate::store::{Draft, Revision, StaleTranslation};
use crate::web::error::{AppError, AppResult};
use crate::web::session::CurrentUser;
use crate::web::state::AppState;

/// Only editors and admins see the workflow at all.
fn editor(session: &crate::store::Session) -> AppResult<()> {
    match session.user.role {
        crate::auth::Role::Editor | crate::auth::Role::Admin => Ok(()),
        _ => Err(EditorialError::NotEditor.into()),
    }
}

/// A content file in the list.
#[derive(Debug, Serialize)]
pub struct FileSummary {
    path: String,
    revision: i64,
    draft: Option<DraftSummary>,
}

/// A draft, without its text.
#[derive(Debug, Serialize)]
pub struct DraftSummary {
    version: i64,
    state: crate::store::DraftState,
    authors: Vec<String>,
    retires: bool,
}

impl From<&Draft> for DraftSummary {
    fn from(d: &Draft) -> Self {
        DraftSummary {
            version: d.version,
            state: d.state,
            authors: d.authors.clone(),
            retires: d.body.is_none(),
        }
    }
}

/// `GET /editor/files`: every published file and every draft, with the
/// texts waiting for a translation update.
#[derive(Debug, Serialize)]
pub struct Files {
    files: Vec<FileSummary>,
    stale_translations: Vec<StaleTranslation>,
}

pub async fn files(
    CurrentUser(session): CurrentUser,
    State(state): State<Arc<AppState>>,
) -> AppResult<Json<Files>> {
    editor(&session)?;
    let store = &*state.store;
    let drafts = store.drafts().await?;
    let mut files: Vec<FileSummary> = Vec::new();
    for f in store.content().await? {
        let revision = store
            .revisions(&f.path)
            .await?
            .last()
            .map_or(0, |r| r.revision);
        files.push(FileSummary {
            draft: drafts.iter().find(|d| d.path == f.path).map(Into::into),
            path: f.path,
            revision,
        });
    }
    for d in drafts.iter().filter(|d| d.base == 0) {
        files.push(FileSummary {
            path: d.path.clone(),
            revision: 0,
            draft: Some(d.into()),
        });
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(Json(Files {
        files,
        stale_translations: store.stale_translations().await?,
    }))
}

/// `?path=` naming a content file.
#[derive(Debug, Deserialize)]
pub struct PathParam {
    path: String,
}

/// One file: its published text and revision, and its draft.
#[derive(Debug, Serialize)]
pub struct FileView {
    path: String,
    /// The published text (`None`: not published).
    text: Option<String>,
    /// The published revision (0: none); a new draft names it as `base`.
    revision: i64,
    draft: Option<Draft>,
}

pub async fn file(
    CurrentUser(session): CurrentUser,
    State(state): State<Arc<AppState>>,
    Query(p): Query<PathParam>,
) -> AppResult<Json<FileView>> {
    editor(&session)?;
    let store = &*state.store;
    if !crate::store::valid_content_path(&p.path) {
        return Err(EditorialError::BadPath(p.path).into());
    }
    let text = store
        .content()
        .await?
        .into_iter()
        .find(|f| f.path == p.path)
        .map(|f| f.text);
    let revision = match text {
        Some(_) => store
            .revisions(&p.path)
            .await?
            .last()
            .map_or(0, |r| r.revision),
        None => 0,
    };
    let draft = store.draft(&p.path).await?;
    if text.is_none() && draft.is_none() {
        return Err(AppError::NotFound);
    }
    Ok(Json(FileView {
        path: p.path,
        text,
        revision,
        draft,
    }))
}

/// `GET /editor/revisions?path=`: the history of one file.
pub async fn revisions(
    CurrentUser(session): CurrentUser,
    State(state): State<Arc<AppState>>,
    Query(p): Query<PathParam>,
) -> AppResult<Json<Vec<Revision>>> {
    editor(&session)?;
    if !crate::store::valid_content_path(&p.path) {
        return Err(EditorialError::BadPath(p.path).into());
    }
    Ok(Json(state.store.revisions(&p.path).await?))
}

/// The body of `PUT /editor/draft`.
#[derive(Debug, Deserialize)]
pub struct DraftInput {
    path: String,
    /// The new text; `null` retires the file.
    body: Option<String>,
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

/// The body of the review and publish steps.
#[derive(Debug, Deserialize)]
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

/// What a publication made.
#[derive(Debug, Serialize)]
pub struct Published {
    path: String,
    revision: i64,
}

/// `POST /editor/publish`: approves and publishes a draft in review, then
/// reloads search and the assistant.
pub async fn publish(
    CurrentUser(session): CurrentUser,
    State(state): State<Arc<AppState>>,
    Json(input): Json<StepInput>,
) -> AppResult<Json<Published>> {
    let revision = editorial::publish(
        &*state.store,
        &session.user,
        state.config.editorial,
        &input.path,
        input.version,
        input.confirm_stale,
    )
    .await?;
    state.reload().await?;
    Ok(Json(Published {
        path: input.path,
        revision,
    }))
}
