//! The JSON API under `/api/v1`, described in `openapi.json`. Every route
//! needs a login (the session cookie); errors are
//! `{"error":{"code":…,"message":…}}` with the message in the negotiated
//! language.

mod contacts;
mod content;
mod editor;
mod search;

use std::sync::Arc;

use axum::Router;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::{get, post, put};

use super::session::CurrentUser;
use super::state::AppState;

/// The OpenAPI document.
pub const OPENAPI: &str = include_str!("openapi.json");

pub(crate) fn routes() -> Router<Arc<AppState>> {
    Router::new()
        .route("/search", get(search::search))
        .route("/articles/{id}", get(content::article))
        .route("/agencies", get(content::agencies))
        .route("/agencies/{id}", get(content::agency))
        .route("/scripts", get(content::scripts))
        .route("/scripts/{id}", get(content::script))
        .route("/forces", get(content::forces))
        .route("/forces/{id}", get(content::force))
        .route("/me", get(content::me))
        .route("/contacts", post(contacts::start))
        .route("/contacts/{id}", get(contacts::get).patch(contacts::update))
        .route("/contacts/{id}/turns", post(contacts::turn))
        .route("/contacts/{id}/end", post(contacts::end))
        .route(
            "/contacts/{id}/review-timing",
            post(contacts::review_timing),
        )
        .route("/contacts/{id}/letters", post(contacts::letter))
        .route("/editor/files", get(editor::files))
        .route("/editor/file", get(editor::file))
        .route("/editor/revisions", get(editor::revisions))
        .route(
            "/editor/draft",
            put(editor::save).layer(axum::extract::DefaultBodyLimit::max(
                crate::editorial::MAX_FILE_BYTES + 4096,
            )),
        )
        .route("/editor/submit", post(editor::submit))
        .route("/editor/publish", post(editor::publish))
        .route("/editor/discard", post(editor::discard))
        .route("/editor/revision", get(editor::revision))
        .route("/editor/diff", get(editor::diff))
        .route("/editor/restore", post(editor::restore))
        .route("/editor/translations/confirm", post(editor::confirm))
        .route("/openapi.json", get(openapi))
}

async fn openapi(_: CurrentUser) -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "application/json")], OPENAPI)
}
