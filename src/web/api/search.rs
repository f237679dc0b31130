//! `GET /api/v1/search`: the same JSON as `canllaw search --json`.

use std::sync::Arc;

use axum::Json;
use axum::extract::{Query, State};
use serde::Deserialize;

use crate::knowledge::{Audience, Kind};
use crate::lang::Lang;
use crate::search::{MAX_LIMIT, MAX_QUERY_CHARS, SearchRequest, SearchResponse};
use crate::web::error::{AppError, AppResult, optional_param};
use crate::web::session::CurrentUser;
use crate::web::state::AppState;

/// Search parameters, shared by the API and the console.
#[derive(Debug, Default, Deserialize)]
pub struct SearchParams {
    /// The query.
    #[serde(default)]
    pub q: String,
    /// `cy`, `en` or `auto` (default).
    pub lang: Option<String>,
    /// `article`, `agency`, `script` or `any` (default).
    pub kind: Option<String>,
    /// 1 to 100 (default 10).
    pub limit: Option<usize>,
    /// `internal` (default: everything staff may see) or `public`.
    pub audience: Option<String>,
}

/// Checks parameters and builds the request the searcher takes.
pub fn search_request(p: &SearchParams) -> AppResult<SearchRequest> {
    if p.q.chars().count() > MAX_QUERY_CHARS {
        return Err(AppError::QueryTooLong);
    }
    let mut req = SearchRequest::new(p.q.trim());
    req.lang = match p.lang.as_deref() {
        None | Some("") | Some("auto") => None,
        Some(l) => Some(
            l.parse::<Lang>()
                .map_err(|_| AppError::BadParameter("lang"))?,
        ),
    };
    req.kind = match p.kind.as_deref() {
        None | Some("") | Some("any") => None,
        Some(k) => Some(
            k.parse::<Kind>()
                .map_err(|_| AppError::BadParameter("kind"))?,
        ),
    };
    if let Some(limit) = p.limit {
        if limit == 0 || limit > MAX_LIMIT {
            return Err(AppError::BadParameter("limit"));
        }
        req.limit = limit;
    }
    if let Some(a) = optional_param::<Audience>(p.audience.as_deref(), "audience")? {
        req.audience = a;
    }
    Ok(req)
}

/// Runs a search off the async executor (analysis and scoring are CPU work).
pub async fn run(state: &AppState, req: SearchRequest) -> AppResult<SearchResponse> {
    let published = state.published();
    if let Some(hit) = published.searcher.cached(&req) {
        return Ok(hit);
    }
    tokio::task::spawn_blocking(move || published.searcher.search(&req))
        .await
        .map_err(|e| AppError::Internal(e.into()))?
        .map_err(AppError::from)
}

pub async fn search(
    _: CurrentUser,
    State(state): State<Arc<AppState>>,
    Query(params): Query<SearchParams>,
) -> AppResult<Json<SearchResponse>> {
    let req = search_request(&params)?;
    Ok(Json(run(&state, req).await?))
}
