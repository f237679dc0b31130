//! The stylesheets and the console's script, compiled into the binary (no
//! front-end build step, nothing to deploy beside it). Each is served under
//! a name carrying a digest of its content (`/assets/console.3f9a….css`),
//! so browsers may keep it for a year and fetch a new build at once.

use std::sync::{Arc, OnceLock};

use axum::Router;
use axum::http::header;
use axum::routing::get;

use super::state::AppState;

/// One static file: its name, type and content.
struct Asset {
    stem: &'static str,
    ext: &'static str,
    mime: &'static str,
    body: &'static str,
}

const CONSOLE_CSS: Asset = Asset {
    stem: "console",
    ext: "css",
    mime: "text/css; charset=utf-8",
    body: include_str!("../../assets/web/console.css"),
};
const CONSOLE_JS: Asset = Asset {
    stem: "console",
    ext: "js",
    mime: "text/javascript; charset=utf-8",
    body: include_str!("../../assets/web/console.js"),
};
const PUBLIC_CSS: Asset = Asset {
    stem: "public",
    ext: "css",
    mime: "text/css; charset=utf-8",
    body: include_str!("../../assets/web/public.css"),
};

impl Asset {
    /// `/assets/<stem>.<digest>.<ext>`.
    fn href(&self) -> String {
        use sha2::{Digest, Sha256};
        let digest = Sha256::digest(self.body.as_bytes());
        let hex: String = digest.iter().take(6).map(|b| format!("{b:02x}")).collect();
        format!("/assets/{}.{hex}.{}", self.stem, self.ext)
    }
}

/// Computed once: the addresses never change while the process runs.
fn hrefs() -> &'static [String; 3] {
    static HREFS: OnceLock<[String; 3]> = OnceLock::new();
    HREFS.get_or_init(|| [CONSOLE_CSS.href(), CONSOLE_JS.href(), PUBLIC_CSS.href()])
}

/// The console's stylesheet.
pub fn console_css_href() -> &'static str {
    &hrefs()[0]
}

/// The console's script.
pub fn console_js_href() -> &'static str {
    &hrefs()[1]
}

/// The public site's stylesheet.
pub fn public_css_href() -> &'static str {
    &hrefs()[2]
}

pub fn routes() -> Router<Arc<AppState>> {
    [
        (console_css_href(), CONSOLE_CSS),
        (console_js_href(), CONSOLE_JS),
        (public_css_href(), PUBLIC_CSS),
    ]
    .into_iter()
    .fold(Router::new(), |router, (href, asset)| {
        router.route(
            href,
            get(move || async move {
                (
                    [
                        (header::CONTENT_TYPE, asset.mime),
                        // The name changes with the content.
                        (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
                    ],
                    asset.body,
                )
            }),
        )
    })
}
