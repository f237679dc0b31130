//! `/cy/erthyglau/{id}`, `/en/articles/{id}`: one public article.

use std::sync::Arc;

use askama::Template;
use axum::Extension;
use axum::extract::{Path, State};
use axum::response::Response;

use crate::lang::Lang;
use crate::web::context::Ctx;
use crate::web::error::{AppError, AppResult};
use crate::web::page::render;
use crate::web::site::{Place, Site};
use crate::web::state::AppState;
use crate::web::views::{PublicArticle, public_article};

#[derive(Template)]
#[template(path = "public/article.html")]
struct ArticlePage {
    site: Site,
    article: PublicArticle,
    reviewed: String,
    /// Whether to offer the review deadline checker.
    checker: bool,
}

/// `GET`: the article in the address's language. An internal article, or
/// an id that is not one, is simply not found.
pub async fn page(
    ctx: Ctx,
    State(state): State<Arc<AppState>>,
    Extension(lang): Extension<Lang>,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let published = state.published();
    let article = published
        .kb
        .find_article(&id, lang)
        .filter(|a| a.page.lang == lang)
        .and_then(|a| public_article(&published.kb, a))
        .ok_or(AppError::NotFound)?;
    let site = Site::new(&ctx, lang, Place::Article, Some(&article.page.id));
    Ok(render(&ArticlePage {
        checker: id == super::DEADLINE_ARTICLE,
        reviewed: site.t.date(article.page.reviewed.0),
        site,
        article,
    }))
}
