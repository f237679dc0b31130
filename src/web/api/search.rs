//! `GET /api/v1/search`: the same JSON as `canllaw search --json`.

use std::sync::Arc;

use axum::Json;
use axum::extract::{Query, State};

use crate::search::{SearchParams, SearchResponse};
use crate::web::error::AppResult;
use crate::web::session::CurrentUser;
use crate::web::state::AppState;

pub async fn search(
    _: CurrentUser,
    State(state): State<Arc<AppState>>,
    Query(params): Query<SearchParams>,
) -> AppResult<Json<SearchResponse>> {
    let req = params.parse()?;
    Ok(Json(state.published().search(req).await?))
}
