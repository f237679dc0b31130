//! The content list, filtered by kind, language, audience, status, review
//! due, translation state and unverified details.

use std::sync::Arc;

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use serde::Deserialize;

use crate::editorial::view::{FileSummary, Status};
use crate::i18n::uk_today;
use crate::web::context::Ctx;
use crate::web::error::AppResult;
use crate::web::page::{Chrome, render};
use crate::web::session::Editor;
use crate::web::state::AppState;

/// The filters, as the form sends them (empty: any).
#[derive(Debug, Default, Deserialize)]
pub struct Filters {
    #[serde(default)]
    kind: String,
    /// `cy`, `en` or `both` (not `lang`: that switches the interface).
    #[serde(default)]
    language: String,
    #[serde(default)]
    audience: String,
    #[serde(default)]
    status: String,
    /// `1`: only items past their review date.
    #[serde(default)]
    due: String,
    /// `1`: only items with a missing or stale translation.
    #[serde(default)]
    translation: String,
    /// `1`: only agencies with unverified details.
    #[serde(default)]
    unverified: String,
}

impl Filters {
    fn keeps(&self, f: &FileSummary, today: chrono::NaiveDate) -> bool {
        let lang = f.lang.map_or("both", |l| l.code());
        (self.kind.is_empty() || self.kind == f.kind)
            && (self.language.is_empty() || self.language == lang)
            && (self.audience.is_empty() || Some(self.audience.as_str()) == f.facts.audience)
            && (self.status.is_empty() || self.status == f.status.as_str())
            && (self.due.is_empty() || f.facts.review_due.is_some_and(|d| d <= today))
            && (self.translation.is_empty() || f.missing_translation || !f.stale.is_empty())
            && (self.unverified.is_empty() || f.facts.unverified)
    }
}

/// A row of the list.
pub struct Line {
    file: FileSummary,
    href: String,
    overdue: bool,
    status: &'static str,
}

#[derive(Template)]
#[template(path = "editor/list.html")]
struct ListPage {
    chrome: Chrome,
    lines: Vec<Line>,
    total: usize,
    f: Filters,
    kinds: Vec<&'static str>,
    statuses: Vec<&'static str>,
}

pub async fn page(
    Editor(session): Editor,
    ctx: Ctx,
    State(state): State<Arc<AppState>>,
    Query(f): Query<Filters>,
) -> AppResult<Response> {
    let published = state.published();
    let files = crate::editorial::view::files(&*state.store, &session.user, &published.kb).await?;
    let total = files.len();
    let today = uk_today();
    let lines = files
        .into_iter()
        .filter(|file| f.keeps(file, today))
        .map(|file| Line {
            href: super::item_href(&file.path, None),
            overdue: file.facts.review_due.is_some_and(|d| d <= today),
            status: match file.status {
                Status::Published => "published",
                Status::Draft => "draft",
                Status::InReview => "in-review",
            },
            file,
        })
        .collect();
    let mut kinds: Vec<&'static str> = crate::knowledge::load::FOLDERS.to_vec();
    kinds.push("glossary");
    Ok(render(&ListPage {
        chrome: Chrome::new(&ctx, "editor"),
        lines,
        total,
        f,
        kinds,
        statuses: vec!["published", "draft", "in_review"],
    }))
}
