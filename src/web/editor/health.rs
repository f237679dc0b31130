//! The content health page (what needs an editor's attention) and starting
//! a new item, from scratch or from a search nobody could answer.

use std::sync::Arc;

use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::editorial::view::FileSummary;
use crate::editorial::{self, EditorialError, NEW_KINDS};
use crate::i18n::uk_today;
use crate::lang::Lang;
use crate::store::Unanswered;
use crate::web::context::Ctx;
use crate::web::error::{AppError, AppResult};
use crate::web::page::{Chrome, render};
use crate::web::session::Editor;
use crate::web::state::AppState;

/// A file the page lists, with where it leads.
pub struct Listed {
    file: FileSummary,
    href: String,
}

/// Searches of one language and audience, each with "write an article
/// for this".
pub struct SearchGroup {
    lang: Lang,
    audience: &'static str,
    searches: Vec<(Unanswered, String)>,
}

/// A list of searches the knowledge base did not serve: those that found
/// nothing, or those given up on.
pub struct SearchList {
    /// Its message ids: `editor-health-<name>` and `…-help`.
    name: &'static str,
    groups: Vec<SearchGroup>,
}

#[derive(Template)]
#[template(path = "editor/health.html")]
struct HealthPage {
    chrome: Chrome,
    overdue: Vec<Listed>,
    missing: Vec<Listed>,
    stale: Vec<Listed>,
    unverified: Vec<Listed>,
    problems: Vec<String>,
    searches: [SearchList; 2],
}

pub async fn page(
    Editor(session): Editor,
    ctx: Ctx,
    State(state): State<Arc<AppState>>,
) -> AppResult<Response> {
    let health = editorial::view::health(&*state.store, &session.user, state.published()).await?;
    let today = uk_today();
    let pick = |keep: &dyn Fn(&FileSummary) -> bool| -> Vec<Listed> {
        health
            .files
            .iter()
            .filter(|f| keep(f))
            .map(|f| Listed {
                href: super::item_href(&f.path, None),
                file: f.clone(),
            })
            .collect()
    };
    let mut overdue = pick(&|f| f.facts.review_due.is_some_and(|d| d <= today));
    overdue.sort_by_key(|l| l.file.facts.review_due);
    let t = ctx.tr();
    Ok(render(&HealthPage {
        chrome: Chrome::new(&ctx, "editor-health"),
        overdue,
        missing: pick(&|f| f.missing_translation),
        stale: pick(&|f| !f.stale.is_empty()),
        unverified: pick(&|f| f.facts.unverified),
        problems: health
            .problems
            .iter()
            .map(|p| {
                t.t2(
                    "editor-problem-in",
                    "file",
                    p.path.display().to_string(),
                    "message",
                    super::item::problem_line(&t, p),
                )
            })
            .collect(),
        searches: [
            SearchList {
                name: "unfound",
                groups: grouped(&health.unanswered),
            },
            SearchList {
                name: "abandoned",
                groups: grouped(&health.abandoned),
            },
        ],
    }))
}

/// Searches by language and audience, each with a link that starts an
/// article with the search in its keywords.
fn grouped(searches: &[Unanswered]) -> Vec<SearchGroup> {
    let mut groups = Vec::new();
    for lang in Lang::ALL {
        for audience in ["public", "internal"] {
            let searches = searches
                .iter()
                .filter(|u| u.lang == lang && u.audience == audience)
                .map(|u| {
                    let mut q = form_urlencoded::Serializer::new(String::new());
                    q.append_pair("kind", "articles");
                    q.append_pair("keywords", &u.query);
                    (u.clone(), format!("{}/new?{}", super::HOME, q.finish()))
                })
                .collect();
            groups.push(SearchGroup {
                lang,
                audience,
                searches,
            });
        }
    }
    groups
}

/// `?kind=&keywords=`: what the new-item form starts with.
#[derive(Debug, Default, Deserialize)]
pub struct NewQuery {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    keywords: String,
    #[serde(default)]
    id: String,
}

#[derive(Template)]
#[template(path = "editor/new.html")]
struct NewPage {
    chrome: Chrome,
    kinds: &'static [&'static str],
    q: NewQuery,
    error: Option<String>,
}

pub async fn new_form(
    Editor(_): Editor,
    ctx: Ctx,
    Query(q): Query<NewQuery>,
) -> AppResult<Response> {
    Ok(render(&NewPage {
        chrome: Chrome::new(&ctx, "editor-new"),
        kinds: NEW_KINDS,
        q,
        error: None,
    }))
}

/// `POST /new`: a draft per file of the new item, then its page.
pub async fn create(
    Editor(session): Editor,
    ctx: Ctx,
    State(state): State<Arc<AppState>>,
    Form(q): Form<NewQuery>,
) -> AppResult<Response> {
    let keywords: Vec<String> = q
        .keywords
        .split([',', '\n'])
        .map(str::trim)
        .filter(|k| !k.is_empty())
        .map(str::to_string)
        .collect();
    match editorial::create(&*state.store, &session.user, &q.kind, &q.id, &keywords).await {
        Ok(drafts) => {
            let first = drafts.first().ok_or(AppError::NotFound)?;
            Ok(Redirect::to(&super::item_href(&first.path, Some("created"))).into_response())
        }
        Err(e @ (EditorialError::BadPath(_) | EditorialError::Exists(_))) => {
            let t = ctx.tr();
            let error = match &e {
                EditorialError::Exists(path) => t.t1("editor-new-exists", "path", path.as_str()),
                _ => t.t("editor-new-bad-id"),
            };
            let mut r = render(&NewPage {
                chrome: Chrome::new(&ctx, "editor-new"),
                kinds: NEW_KINDS,
                q,
                error: Some(error),
            });
            *r.status_mut() = match e {
                EditorialError::Exists(_) => axum::http::StatusCode::CONFLICT,
                _ => axum::http::StatusCode::BAD_REQUEST,
            };
            Ok(r)
        }
        Err(e) => Err(e.into()),
    }
}
