//! The public self-service site: Welsh first, no login, public content
//! only. Every address carries its language (`/cy/…` in Welsh words,
//! `/en/…`); `/` is the Welsh home page unless English was chosen. Pages
//! work without JavaScript and load nothing from anywhere else.
//!
//! Public content only is enforced here on the server, whatever address is
//! typed: search asks for `audience = public`, and articles and agencies
//! are looked up through the views that refuse internal items.

mod agencies;
mod article;
mod flow;
mod home;
mod review;
mod search;

use std::sync::Arc;

use axum::routing::{MethodRouter, get};
use axum::{Extension, Router};

use super::site::{Place, Step};
use super::state::AppState;
use crate::lang::Lang;

/// The article on the review time limit. Wherever it is offered, the
/// deadline checker is offered beside it: a person told about the 28 days
/// most often wants to know next whether they are still in time.
const DEADLINE_ARTICLE: &str = "review-time-limit";

/// The public routes: each page once per language, with the page's
/// language handed to its handler.
pub(crate) fn routes() -> Router<Arc<AppState>> {
    let mut router = Router::new().route("/", get(home::root));
    for lang in Lang::ALL {
        let page = |route: MethodRouter<Arc<AppState>>| route.layer(Extension(lang));
        router = router
            .route(Place::Home.path(lang), page(get(home::page)))
            .route(
                &format!("{}/", Place::Home.path(lang)),
                page(get(home::slash)),
            )
            .route(Place::Search.path(lang), page(get(search::page)))
            .route(
                &format!("{}/{{id}}", Place::Article.path(lang)),
                page(get(article::page)),
            )
            .route(Place::Agencies.path(lang), page(get(agencies::page)))
            .route(Place::Review.path(lang), page(get(review::page)))
            .route(
                &format!("{}/{{flow}}", Place::Flow.path(lang)),
                page(get(flow::start)),
            );
        for (step, handler) in [
            (Step::Question, get(flow::question)),
            (Step::Check, get(flow::check)),
            (Step::Result, get(flow::result)),
        ] {
            router = router.route(
                &format!("{}/{{flow}}/{}", Place::Flow.path(lang), step.word(lang)),
                page(handler),
            );
        }
    }
    router
}
