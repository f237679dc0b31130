//! Content endpoints: articles, agencies, scripts, police forces, and the
//! caller's own account.

use std::sync::Arc;

use axum::Json;
use axum::extract::{Path, Query, State};
use serde::{Deserialize, Serialize};

use crate::knowledge::{AgencyFilter, Force, Stage};
use crate::lang::Lang;
use crate::web::context::Ctx;
use crate::web::error::{AppError, AppResult, optional_param};
use crate::web::session::CurrentUser;
use crate::web::state::AppState;
use crate::web::views::{
    AgencyView, ArticleView, ScriptView, agencies as list_agencies, agency_view, article_view,
    script_view, scripts as list_scripts,
};

/// `?lang=` on content endpoints; without it, the negotiated language.
#[derive(Debug, Default, Deserialize)]
pub struct LangParam {
    lang: Option<String>,
}

fn lang_of(p: &LangParam, ctx: &Ctx) -> AppResult<Lang> {
    Ok(optional_param(p.lang.as_deref(), "lang")?.unwrap_or(ctx.ui))
}

pub async fn article(
    _: CurrentUser,
    ctx: Ctx,
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
    Query(p): Query<LangParam>,
) -> AppResult<Json<ArticleView>> {
    let lang = lang_of(&p, &ctx)?;
    let published = state.published();
    let article = published
        .kb
        .find_article(&id, lang)
        .ok_or(AppError::NotFound)?;
    Ok(Json(article_view(&published.kb, article)))
}

/// `GET /agencies` parameters.
#[derive(Debug, Default, Deserialize)]
pub struct AgencyParams {
    lang: Option<String>,
    need: Option<String>,
    area: Option<String>,
    welsh: Option<bool>,
}

pub async fn agencies(
    _: CurrentUser,
    ctx: Ctx,
    State(state): State<Arc<AppState>>,
    Query(p): Query<AgencyParams>,
) -> AppResult<Json<Vec<AgencyView>>> {
    let lang = lang_of(&LangParam { lang: p.lang }, &ctx)?;
    let filter = AgencyFilter {
        need: p.need,
        area: p.area,
        welsh: p.welsh,
        public_only: false,
    };
    Ok(Json(list_agencies(&state.published().kb, &filter, lang)?))
}

pub async fn agency(
    _: CurrentUser,
    ctx: Ctx,
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
    Query(p): Query<LangParam>,
) -> AppResult<Json<AgencyView>> {
    let lang = lang_of(&p, &ctx)?;
    let published = state.published();
    let a = published.kb.find_agency(&id).ok_or(AppError::NotFound)?;
    Ok(Json(agency_view(&published.kb, a, lang)))
}

/// `GET /scripts` parameters.
#[derive(Debug, Default, Deserialize)]
pub struct ScriptParams {
    lang: Option<String>,
    stage: Option<String>,
}

pub async fn scripts(
    _: CurrentUser,
    ctx: Ctx,
    State(state): State<Arc<AppState>>,
    Query(p): Query<ScriptParams>,
) -> AppResult<Json<Vec<ScriptView>>> {
    let lang = lang_of(&LangParam { lang: p.lang }, &ctx)?;
    let stage: Option<Stage> = optional_param(p.stage.as_deref(), "stage")?;
    Ok(Json(list_scripts(&state.published().kb, stage, lang)))
}

pub async fn script(
    _: CurrentUser,
    ctx: Ctx,
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
    Query(p): Query<LangParam>,
) -> AppResult<Json<ScriptView>> {
    let lang = lang_of(&p, &ctx)?;
    let published = state.published();
    let s = published
        .kb
        .find_script(&id, lang)
        .ok_or(AppError::NotFound)?;
    Ok(Json(script_view(&published.kb, s)))
}

/// `GET /forces` parameters.
#[derive(Debug, Default, Deserialize)]
pub struct ForceParams {
    /// Part of a force's name, in either language (accents and case ignored).
    q: Option<String>,
}

pub async fn forces(
    _: CurrentUser,
    State(state): State<Arc<AppState>>,
    Query(p): Query<ForceParams>,
) -> AppResult<Json<Vec<Force>>> {
    let published = state.published();
    let found = published.kb.find_forces(p.q.as_deref())?;
    Ok(Json(found.into_iter().cloned().collect()))
}

pub async fn force(
    _: CurrentUser,
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
) -> AppResult<Json<Force>> {
    let published = state.published();
    let force = published.kb.find_force(&id).ok_or(AppError::NotFound)?;
    Ok(Json(force.clone()))
}

/// The caller's own account.
#[derive(Debug, Serialize)]
pub struct Me {
    name: String,
    role: crate::auth::Role,
    ui_lang: Lang,
    csrf_token: String,
}

pub async fn me(CurrentUser(session): CurrentUser) -> Json<Me> {
    Json(Me {
        name: session.user.name,
        role: session.user.role,
        ui_lang: session.user.ui_lang,
        csrf_token: session.csrf,
    })
}
