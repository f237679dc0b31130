//! `/`, `/cy` and `/en`: the home page, with the search box and the tasks
//! people come for.

use std::sync::Arc;

use askama::Template;
use axum::Extension;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};

use crate::lang::Lang;
use crate::web::context::Ctx;
use crate::web::page::render;
use crate::web::site::{Place, Site};
use crate::web::state::AppState;
use crate::web::views::{Link, public_link};

/// Articles the home page leads to, most asked for first.
const TOPICS: &[&str] = &[
    "how-to-complain",
    "complaint-reviews",
    "review-time-limit",
    "case-updates",
    "complaint-on-behalf",
    "outside-our-remit",
    "welsh-language-service",
    "accessible-formats",
    "death-or-serious-injury",
    "role-of-iopc",
];

#[derive(Template)]
#[template(path = "public/home.html")]
struct HomePage {
    site: Site,
    guides: Vec<Link>,
    topics: Vec<Link>,
}

/// `GET /`: the Welsh home page, or the English one when it was chosen
/// (`?lang=en` or the cookie that remembers it).
pub async fn root(ctx: Ctx, state: State<Arc<AppState>>) -> Response {
    match ctx.ui {
        Lang::Cy => page(ctx, state, Extension(Lang::Cy)).await,
        Lang::En => Redirect::to(Place::Home.path(Lang::En)).into_response(),
    }
}

/// `GET /cy/` and `/en/`: the home page's address has no slash.
pub async fn slash(Extension(lang): Extension<Lang>) -> Redirect {
    Redirect::permanent(Place::Home.path(lang))
}

/// `GET /cy`, `/en`.
pub async fn page(
    ctx: Ctx,
    State(state): State<Arc<AppState>>,
    Extension(lang): Extension<Lang>,
) -> Response {
    let kb = &state.published().kb;
    let topics = TOPICS
        .iter()
        .filter_map(|id| public_link(kb, crate::knowledge::Kind::Article, id, lang))
        .collect();
    let guides = kb
        .flows
        .iter()
        .filter(|f| f.audience == crate::knowledge::Audience::Public)
        .map(|f| Link {
            id: f.id.clone(),
            title: f.title.get(lang).clone(),
            href: Place::Flow.href(lang, Some(&f.id), None),
        })
        .collect();
    render(&HomePage {
        site: Site::new(&ctx, lang, Place::Home, None),
        guides,
        topics,
    })
}
