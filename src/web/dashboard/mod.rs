//! The managers' dashboard, under `/console/dashboard`: the service's
//! figures for a date range, as charts drawn on the server with their
//! tables, each table downloadable as CSV. Works without JavaScript.
//!
//! The figures and who may see them are decided in `reporting`; these
//! handlers parse, call and render.

mod chart;
mod page;
mod problems;
mod retention;

use std::sync::Arc;

use axum::Router;
use axum::routing::{get, post};

use super::state::AppState;

/// Where the dashboard lives.
pub(crate) const HOME: &str = "/console/dashboard";

/// Where the problem log lives.
pub(crate) const PROBLEMS: &str = "/console/problems";

/// The problem log's routes, relative to [`PROBLEMS`].
pub(crate) fn problem_routes() -> Router<Arc<AppState>> {
    Router::new()
        .route("/", get(problems::list).post(problems::open))
        .route("/{id}", get(problems::show).post(problems::save))
}

/// Where retention and subject access live.
pub(crate) const RETENTION: &str = "/console/retention";

/// Retention's routes, relative to [`RETENTION`].
pub(crate) fn retention_routes() -> Router<Arc<AppState>> {
    Router::new()
        .route("/", get(retention::show))
        .route("/purge", post(retention::purge))
        .route("/subject-access", post(retention::subject_access))
}

/// The dashboard's routes, relative to [`HOME`].
pub(crate) fn routes() -> Router<Arc<AppState>> {
    Router::new()
        .route("/", get(page::page))
        .route("/csv", get(page::csv))
}
