//! The editors' pages, under `/console/editor`: the content list, editing
//! each kind of content (Welsh and English side by side, structured content
//! as a form), review and publication, history with readable differences,
//! the content health page, and the audit log for admins. Every page works
//! without JavaScript; `assets/web/console.js` adds the live preview.
//!
//! The rules are in `editorial`; these handlers parse, call and render.

mod audit;
mod health;
mod history;
mod item;
mod list;

use std::sync::Arc;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};

use super::state::AppState;

/// Where the editors' pages live.
pub(crate) const HOME: &str = "/console/editor";

/// The item page of `path`, with a notice of what just happened.
fn item_href(path: &str, notice: Option<&str>) -> String {
    let mut q = form_urlencoded::Serializer::new(String::new());
    q.append_pair("path", path);
    if let Some(n) = notice {
        q.append_pair("done", n);
    }
    format!("{HOME}/item?{}", q.finish())
}

/// The editors' routes, relative to [`HOME`].
pub(crate) fn routes() -> Router<Arc<AppState>> {
    Router::new()
        .route("/", get(list::page))
        .route("/item", get(item::page))
        .route("/save", post(item::save))
        .route("/preview", post(item::preview))
        .route("/submit", post(item::submit))
        .route("/publish", post(item::publish))
        .route("/discard", post(item::discard))
        .route("/retire", post(item::retire))
        .route("/confirm", post(item::confirm))
        .route("/translate", post(item::translate))
        .route("/history", get(history::page))
        .route("/diff", get(history::diff))
        .route("/restore", post(history::restore))
        .route("/new", get(health::new_form).post(health::create))
        .route("/health", get(health::page))
        .route("/audit", get(audit::page))
        // A whole file in a form, URL-encoded: Welsh letters take up to
        // six bytes each.
        .layer(DefaultBodyLimit::max(crate::editorial::MAX_FILE_BYTES * 4))
}
