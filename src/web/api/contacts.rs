//! The contact endpoints: thin JSON adapters over [`crate::web::contacts`].

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::assistant::contact::NewContact;
use crate::assistant::conversation::Advice;
use crate::assistant::letters::{self, Letter, LetterError};
use crate::assistant::review_time::{self, ReviewTiming, TimingError};
use crate::lang::Lang;
use crate::web::contacts::{self as ops, ContactEnd, ContactUpdate, ContactView, load, view};
use crate::web::error::{AppError, AppResult};
use crate::web::session::CurrentUser;
use crate::web::state::AppState;

/// `POST /contacts`.
pub async fn start(
    CurrentUser(session): CurrentUser,
    State(state): State<Arc<AppState>>,
    Json(new): Json<NewContact>,
) -> AppResult<(StatusCode, Json<ContactView>)> {
    let record = ops::start(&state, &session, new).await?;
    Ok((StatusCode::CREATED, Json(view(&state, record))))
}

/// `GET /contacts/{id}`.
pub async fn get(
    CurrentUser(session): CurrentUser,
    State(state): State<Arc<AppState>>,
    Path(id): Path<i64>,
) -> AppResult<Json<ContactView>> {
    let record = load(&state, &session, id).await?;
    Ok(Json(view(&state, record)))
}

/// A turn of the conversation.
#[derive(Debug, Deserialize)]
pub struct TurnInput {
    /// What the caller said, or the adviser's note.
    pub text: String,
}

/// The answer to a turn.
#[derive(Debug, Serialize)]
pub struct TurnView {
    /// The record's new version.
    pub version: i64,
    /// Whether the record is now restricted.
    pub restricted: bool,
    /// The assistant's advice.
    pub advice: Advice,
}

/// `POST /contacts/{id}/turns`.
pub async fn turn(
    CurrentUser(session): CurrentUser,
    State(state): State<Arc<AppState>>,
    Path(id): Path<i64>,
    Json(input): Json<TurnInput>,
) -> AppResult<Json<TurnView>> {
    let (saved, advice) = ops::add_turn(&state, &session, id, &input.text).await?;
    Ok(Json(TurnView {
        version: saved.version,
        restricted: saved.restricted,
        advice,
    }))
}

/// `PATCH /contacts/{id}`.
pub async fn update(
    CurrentUser(session): CurrentUser,
    State(state): State<Arc<AppState>>,
    Path(id): Path<i64>,
    Json(u): Json<ContactUpdate>,
) -> AppResult<Json<ContactView>> {
    let saved = ops::update(&state, &session, id, u).await?;
    Ok(Json(view(&state, saved)))
}

/// `POST /contacts/{id}/end`.
pub async fn end(
    CurrentUser(session): CurrentUser,
    State(state): State<Arc<AppState>>,
    Path(id): Path<i64>,
    Json(e): Json<ContactEnd>,
) -> AppResult<Json<ContactView>> {
    let saved = ops::close(&state, &session, id, e).await?;
    Ok(Json(view(&state, saved)))
}

/// The dates of a review request.
#[derive(Debug, Deserialize)]
pub struct TimingInput {
    /// Date of the outcome letter.
    pub outcome_date: NaiveDate,
    /// Date the request arrived.
    pub received_date: NaiveDate,
    /// The reasons given for any delay.
    #[serde(default)]
    pub reasons: String,
}

/// `POST /contacts/{id}/review-timing`.
pub async fn review_timing(
    CurrentUser(session): CurrentUser,
    State(state): State<Arc<AppState>>,
    Path(id): Path<i64>,
    Json(input): Json<TimingInput>,
) -> AppResult<Json<ReviewTiming>> {
    load(&state, &session, id).await?;
    let published = state.published();
    let rules = published
        .kb
        .review_rules
        .as_ref()
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("rules/reviews.toml is missing")))?;
    match review_time::assess(
        rules,
        input.outcome_date,
        input.received_date,
        &input.reasons,
    ) {
        Ok(t) => Ok(Json(t)),
        Err(TimingError::RequestBeforeOutcome { .. }) => Err(AppError::RequestBeforeOutcome),
        Err(TimingError::OutOfRange) => Err(AppError::BadParameter("outcome_date")),
    }
}

/// A letter to preview or save.
#[derive(Debug, Deserialize)]
pub struct LetterInput {
    /// Template id.
    pub template: String,
    /// Language; the caller's by default.
    #[serde(default)]
    pub lang: Option<Lang>,
    /// Variable values.
    pub values: BTreeMap<String, String>,
    /// Save it with the contact (after the adviser has checked the preview).
    #[serde(default)]
    pub save: bool,
    /// The version the change was made against (when saving).
    #[serde(default)]
    pub version: Option<i64>,
}

/// `POST /contacts/{id}/letters`: preview, or save with `save: true`.
pub async fn letter(
    CurrentUser(session): CurrentUser,
    State(state): State<Arc<AppState>>,
    Path(id): Path<i64>,
    Json(input): Json<LetterInput>,
) -> AppResult<Json<Letter>> {
    let record = load(&state, &session, id).await?;
    let lang = input.lang.unwrap_or(record.caller_lang);
    let published = state.published();
    let letter = match letters::render(&published.kb, &input.template, lang, &input.values) {
        Ok(l) => l,
        Err(LetterError::UnknownTemplate(..)) => return Err(AppError::NotFound),
        Err(LetterError::Missing(names)) | Err(LetterError::Empty(names)) => {
            return Err(AppError::LetterIncomplete(names));
        }
        Err(LetterError::Broken(..)) => {
            return Err(AppError::Internal(anyhow::anyhow!(
                "broken letter template"
            )));
        }
    };
    if input.save {
        let version = input.version.ok_or(AppError::Conflict)?;
        ops::save_letter(&state, &session, id, version, letter.clone()).await?;
    }
    Ok(Json(letter))
}
