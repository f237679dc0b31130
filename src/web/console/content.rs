//! Article, agency and script pages. Content is shown in the caller's
//! language (the adviser reads it out); the page around it in the adviser's.

use std::sync::Arc;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use serde::Deserialize;

use crate::i18n::Tr;
use crate::knowledge::validate::{AREAS, NEED_TAGS};
use crate::knowledge::{AgencyFilter, Stage};
use crate::web::context::Ctx;
use crate::web::error::{AppError, AppResult, optional_param};
use crate::web::page::{Chrome, render};
use crate::web::session::CurrentUser;
use crate::web::state::AppState;
use crate::web::views::{
    AgencyView, ArticleView, ScriptView, agencies as list_agencies, agency_view, article_view,
    scripts as list_scripts,
};

/// `?in=cy|en`: which language version of an article to show.
#[derive(Debug, Default, Deserialize)]
pub struct ArticleParams {
    #[serde(rename = "in")]
    version: Option<String>,
}

#[derive(Template)]
#[template(path = "article.html")]
struct ArticlePage {
    chrome: Chrome,
    article: ArticleView,
    other_href: Option<String>,
    reviewed: String,
}

pub async fn article(
    _: CurrentUser,
    ctx: Ctx,
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
    Query(p): Query<ArticleParams>,
) -> AppResult<Response> {
    let lang = optional_param(p.version.as_deref(), "in")?.unwrap_or(ctx.caller);
    let published = state.published();
    let article = published
        .kb
        .find_article(&id, lang)
        .ok_or(AppError::NotFound)?;
    let view = article_view(&published.kb, article);
    let other = article.page.lang.other();
    let other_href = view
        .languages
        .contains(&other)
        .then(|| format!("/console/articles/{id}?in={}", other.code()));
    Ok(render(&ArticlePage {
        chrome: Chrome::new(&ctx, "search"),
        reviewed: ctx.tr().date(view.page.reviewed.0),
        article: view,
        other_href,
    }))
}

/// A `<select>` option.
pub struct Choice {
    value: String,
    label: String,
    selected: bool,
}

fn choices(
    t: &Tr,
    values: &[&str],
    selected: Option<&str>,
    label: fn(&Tr, &str) -> String,
) -> Vec<Choice> {
    let mut list: Vec<Choice> = values
        .iter()
        .map(|v| Choice {
            value: (*v).to_string(),
            label: label(t, v),
            selected: selected == Some(*v),
        })
        .collect();
    list.sort_by_key(|c| crate::analysis::fold(&c.label));
    list
}

/// The label of a need tag.
pub fn need_label(t: &Tr, tag: &str) -> String {
    t.tag("need", tag)
}

/// The label of an area.
pub fn area_label(t: &Tr, area: &str) -> String {
    t.tag("area", area)
}

/// The label of a stage.
pub fn stage_label(t: &Tr, stage: Stage) -> String {
    t.tag("stage", stage.as_str())
}

/// Console agency filters (form fields are strings; `welsh=1` when ticked).
#[derive(Debug, Default, Deserialize)]
pub struct AgencyParams {
    need: Option<String>,
    area: Option<String>,
    welsh: Option<String>,
}

#[derive(Template)]
#[template(path = "agencies.html")]
struct AgenciesPage {
    chrome: Chrome,
    needs: Vec<Choice>,
    areas: Vec<Choice>,
    welsh: bool,
    agencies: Vec<AgencyView>,
}

pub async fn agencies(
    _: CurrentUser,
    ctx: Ctx,
    State(state): State<Arc<AppState>>,
    Query(p): Query<AgencyParams>,
) -> AppResult<Response> {
    let filter = AgencyFilter {
        need: p.need.clone().filter(|v| !v.is_empty()),
        area: p.area.clone().filter(|v| !v.is_empty()),
        welsh: Some(p.welsh.as_deref() == Some("1")),
        public_only: false,
    };
    let agencies = list_agencies(&state.published().kb, &filter, ctx.caller)?;
    let t = ctx.tr();
    let page = AgenciesPage {
        needs: choices(&t, NEED_TAGS, filter.need.as_deref(), need_label),
        areas: choices(&t, AREAS, filter.area.as_deref(), area_label),
        welsh: filter.welsh == Some(true),
        agencies,
        chrome: Chrome::new(&ctx, "agencies"),
    };
    Ok(render(&page))
}

#[derive(Template)]
#[template(path = "agency.html")]
struct AgencyPage {
    chrome: Chrome,
    agency: AgencyView,
    verified_on: Option<String>,
}

pub async fn agency(
    _: CurrentUser,
    ctx: Ctx,
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let published = state.published();
    let a = published.kb.find_agency(&id).ok_or(AppError::NotFound)?;
    let view = agency_view(&published.kb, a, ctx.caller);
    let verified_on = match &view.verified {
        crate::knowledge::date::Verified::On(d) => Some(ctx.tr().date(d.0)),
        crate::knowledge::date::Verified::No => None,
    };
    Ok(render(&AgencyPage {
        chrome: Chrome::new(&ctx, "agencies"),
        agency: view,
        verified_on,
    }))
}

/// `?stage=` on the scripts page.
#[derive(Debug, Default, Deserialize)]
pub struct ScriptParams {
    stage: Option<String>,
}

/// The scripts of one stage.
pub struct StageGroup {
    id: &'static str,
    label: String,
    scripts: Vec<ScriptView>,
}

#[derive(Template)]
#[template(path = "scripts.html")]
struct ScriptsPage {
    chrome: Chrome,
    stages: Vec<Choice>,
    groups: Vec<StageGroup>,
}

pub async fn scripts(
    CurrentUser(session): CurrentUser,
    ctx: Ctx,
    State(state): State<Arc<AppState>>,
    Query(p): Query<ScriptParams>,
) -> AppResult<Response> {
    let stage: Option<Stage> = optional_param(p.stage.as_deref(), "stage")?;
    let t = ctx.tr();
    let mut all = list_scripts(&state.published().kb, stage, ctx.caller);
    // The lines to say, with the adviser's own name in them.
    let name = ammonia::clean_text(session.user.display_name());
    for s in &mut all {
        s.html = crate::web::views::fill_name(&s.html, &name);
    }
    let groups = Stage::ALL
        .into_iter()
        .map(|st| StageGroup {
            id: st.as_str(),
            label: stage_label(&t, st),
            scripts: all.iter().filter(|s| s.stage == st).cloned().collect(),
        })
        .filter(|g| !g.scripts.is_empty())
        .collect();
    let stages = Stage::ALL
        .into_iter()
        .map(|st| Choice {
            value: st.as_str().to_string(),
            label: stage_label(&t, st),
            selected: stage == Some(st),
        })
        .collect();
    Ok(render(&ScriptsPage {
        chrome: Chrome::new(&ctx, "scripts"),
        stages,
        groups,
    }))
}
