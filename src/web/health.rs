//! `/healthz` (the process answers) and `/readyz` (the store answers and the
//! index has documents). Neither needs a login, neither says more than ok.

use std::sync::Arc;

use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::get;

use super::state::AppState;

pub fn routes() -> Router<Arc<AppState>> {
    Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .route("/readyz", get(ready))
}

async fn ready(State(state): State<Arc<AppState>>) -> (StatusCode, &'static str) {
    let store_ok = state.store.ping().await.is_ok();
    let index_ok = state.published().searcher.num_docs() > 0;
    if store_ok && index_ok {
        (StatusCode::OK, "ready")
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "not ready")
    }
}
