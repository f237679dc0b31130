//! The console's stylesheet and script, compiled into the binary (no
//! front-end build step, nothing to deploy beside it).

use std::sync::Arc;

use axum::Router;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;

use super::state::AppState;

const CSS: &str = include_str!("../../assets/web/console.css");
const JS: &str = include_str!("../../assets/web/console.js");

pub fn routes() -> Router<Arc<AppState>> {
    Router::new()
        .route("/assets/console.css", get(css))
        .route("/assets/console.js", get(js))
}

// Assets change only with the binary; an hour of caching is safe and
// `no-store` (set for pages) is overridden here.
async fn css() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "max-age=3600"),
        ],
        CSS,
    )
}

async fn js() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "max-age=3600"),
        ],
        JS,
    )
}
