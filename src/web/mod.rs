//! The web service: the public self-service site, the adviser console
//! (server-rendered HTML, enhanced with a little JavaScript) and the JSON
//! API, over the store and the published knowledge. Handlers are thin: they parse, call one domain function, and
//! render.
//!
//! The shared parts (context, session, CSRF, errors, page chrome, content
//! views, the public page frame) sit below one folder per audience
//! (`public/`, `console/`, `editor/`, `dashboard/`, `api/`); audience
//! folders never import each other, and the shared parts import none of
//! them. Domain errors become HTTP answers in one place, [`error`].
//!
//! Every request passes through [`context::request_context`], which loads
//! the session, chooses the languages, checks CSRF on state-changing
//! requests and renders errors; handlers then ask for what they need with
//! extractors ([`session::CurrentUser`], [`session::Admin`], [`context::Ctx`]).

mod api;
mod assets;
pub(crate) mod client;
mod console;
pub(crate) mod context;
pub(crate) mod csrf;
mod dashboard;
mod editor;
pub(crate) mod error;
mod followed;
mod health;
pub mod listen;
mod markdown;
pub(crate) mod page;
mod public;
pub(crate) mod session;
pub(crate) mod site;
mod state;
pub(crate) mod views;

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderName, HeaderValue, Request, header};
use axum::middleware;
use tokio::net::TcpListener;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;

pub(crate) use self::error::AppError;
pub use self::state::{AppState, WebConfig};

/// Largest request body accepted (forms and JSON): far more than any form
/// needs, small enough that nobody can tie up memory.
pub const MAX_BODY_BYTES: usize = 64 * 1024;

/// The whole application router.
pub fn router(state: Arc<AppState>) -> Router {
    // Over HTTPS (cookies `Secure`), browsers are told to keep to HTTPS.
    let tls = state.config.secure_cookies;
    let app = Router::new()
        .merge(public::routes())
        .nest(console::HOME, console::routes())
        .nest(editor::HOME, editor::routes())
        .nest(dashboard::HOME, dashboard::routes())
        .nest(dashboard::PROBLEMS, dashboard::problem_routes())
        .nest(dashboard::RETENTION, dashboard::retention_routes())
        .route(
            "/console/",
            axum::routing::get(|| async { axum::response::Redirect::permanent(console::HOME) }),
        )
        .nest("/api/v1", api::routes())
        .merge(assets::routes())
        .fallback(|| async { AppError::NotFound })
        .layer(middleware::from_fn_with_state(
            state.clone(),
            followed::count_followed,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            context::request_context,
        ))
        .merge(health::routes())
        .with_state(state)
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES));
    security_headers(app, tls).layer(
        // Spans carry the method and the route pattern only: never the
        // query string, which holds what callers said.
        TraceLayer::new_for_http().make_span_with(|req: &Request<_>| {
            let route = req
                .extensions()
                .get::<axum::extract::MatchedPath>()
                .map(|p| p.as_str().to_owned())
                .unwrap_or_else(|| "-".to_owned());
            tracing::info_span!("request", method = %req.method(), route = %route)
        }),
    )
}

fn security_headers(app: Router, tls: bool) -> Router {
    let headers: [(HeaderName, &'static str); 5] = [
        (
            header::CONTENT_SECURITY_POLICY,
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; \
             form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'",
        ),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (header::REFERRER_POLICY, "same-origin"),
        // Pages hold internal guidance and, later, contact records.
        (header::CACHE_CONTROL, "no-store"),
    ];
    let app = headers.into_iter().fold(app, |app, (name, value)| {
        app.layer(SetResponseHeaderLayer::if_not_present(
            name,
            HeaderValue::from_static(value),
        ))
    });
    if tls {
        app.layer(SetResponseHeaderLayer::overriding(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        ))
    } else {
        app
    }
}

/// Serves the application on `listener` until `shutdown` completes, then
/// lets requests in flight finish (see [`listen`] for the limits).
pub async fn serve(
    listener: TcpListener,
    state: Arc<AppState>,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let sweeper = tokio::spawn(session::sweep_expired(
        state.clone(),
        Duration::from_secs(600),
    ));
    let limits = state.config.connections;
    let result = listen::serve(listener, router(state), limits, shutdown).await;
    sweeper.abort();
    result
}

/// Completes on Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
