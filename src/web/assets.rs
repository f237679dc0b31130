//! The stylesheets and script, compiled into the binary (no front-end
//! build step, nothing to deploy beside it). The public site's stylesheet
//! is served under a name carrying a digest of its content, so it can be
//! cached for a year and a new build is fetched at once.

use std::sync::Arc;

use axum::Router;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;

use super::state::AppState;

const CSS: &str = include_str!("../../assets/web/console.css");
const JS: &str = include_str!("../../assets/web/console.js");
const PUBLIC_CSS: &str = include_str!("../../assets/web/public.css");

/// `/assets/public.<digest>.css`.
pub fn public_css_href() -> &'static str {
    use sha2::{Digest, Sha256};
    static HREF: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    HREF.get_or_init(|| {
        let digest = Sha256::digest(PUBLIC_CSS.as_bytes());
        let hex: String = digest.iter().take(6).map(|b| format!("{b:02x}")).collect();
        format!("/assets/public.{hex}.css")
    })
}

pub fn routes() -> Router<Arc<AppState>> {
    Router::new()
        .route("/assets/console.css", get(css))
        .route("/assets/console.js", get(js))
        .route(public_css_href(), get(public_css))
}

async fn public_css() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
        ],
        PUBLIC_CSS,
    )
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
