//! Counts search results people open. Result links carry the search they
//! came from (`sq` and `sl`, see [`views::from_search`]); a search whose
//! results were shown and never followed is one people gave up on, and the
//! editors' health page lists those.
//!
//! [`views::from_search`]: super::views::from_search

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::Method;
use axum::middleware::Next;
use axum::response::Response;

use super::state::AppState;
use super::views::count_opened;
use crate::knowledge::Audience;
use crate::lang::Lang;

/// Middleware: after a page opened from a search is served, counts it,
/// against the console or the public site by where the page is.
pub async fn count_followed(
    State(state): State<Arc<AppState>>,
    req: Request,
    next: Next,
) -> Response {
    // Pages only: the API's clients are scripts, not readers.
    let page = req.method() == Method::GET && !req.uri().path().starts_with("/api/");
    let followed = page.then(|| search_of(req.uri().query()?)).flatten();
    let audience = if req.uri().path().starts_with("/console/") {
        Audience::Internal
    } else {
        Audience::Public
    };
    let response = next.run(req).await;
    if let Some((query, lang)) = followed
        && response.status().is_success()
    {
        count_opened(&state.store, &query, lang, audience).await;
    }
    response
}

/// The search in a query string: `sq` and a valid `sl`.
fn search_of(query: &str) -> Option<(String, Lang)> {
    let (mut q, mut lang) = (None, None);
    for (k, v) in form_urlencoded::parse(query.as_bytes()) {
        match &*k {
            "sq" => q = Some(v.into_owned()),
            "sl" => lang = v.parse::<Lang>().ok(),
            _ => {}
        }
    }
    Some((q.filter(|q| !q.trim().is_empty())?, lang?))
}
