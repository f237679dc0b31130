//! The contact endpoints: JSON adapters over [`crate::contacts`].

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::assistant::contact::{ContactRecord, NewContact};
use crate::assistant::conversation::Advice;
use crate::assistant::letters::Letter;
use crate::assistant::review_time::{self, ReviewTiming};
use crate::contacts::{self, ContactEnd, ContactUpdate, DraftRequest};
use crate::knowledge::{Kind, Stage};
use crate::lang::Lang;
use crate::web::error::{AppError, AppResult};
use crate::web::session::CurrentUser;
use crate::web::state::AppState;
use crate::web::views::{Link, href};

/// A contact as the API shows it: the record, the scripted lines for the
/// current stage in the caller's language, and the checklist.
#[derive(Debug, Serialize)]
pub struct ContactView {
    /// The record.
    #[serde(flatten)]
    record: ContactRecord,
    /// Scripts for the current stage, in the caller's language.
    stage_scripts: Vec<Link>,
    /// Every stage in order, and whether it is ticked.
    checklist: Vec<ChecklistItem>,
}

/// One line of the stage checklist.
#[derive(Debug, Serialize)]
struct ChecklistItem {
    stage: Stage,
    done: bool,
}

fn view(state: &AppState, record: ContactRecord) -> ContactView {
    let published = state.published();
    let lang = record.caller_lang;
    let stage_scripts = contacts::stage_scripts(&published.kb, &record)
        .map(|s| Link {
            id: s.page.id.clone(),
            title: s.page.title.clone(),
            href: href(Kind::Script, &s.page.id, lang),
        })
        .collect();
    let checklist = Stage::ALL
        .into_iter()
        .filter(|s| *s != Stage::Any)
        .map(|stage| ChecklistItem {
            stage,
            done: record.stages_done.contains(&stage),
        })
        .collect();
    ContactView {
        record,
        stage_scripts,
        checklist,
    }
}

/// `POST /contacts`.
pub async fn start(
    CurrentUser(session): CurrentUser,
    State(state): State<Arc<AppState>>,
    Json(new): Json<NewContact>,
) -> AppResult<(StatusCode, Json<ContactView>)> {
    let record = contacts::start(&*state.store, &session.user, new).await?;
    Ok((StatusCode::CREATED, Json(view(&state, record))))
}

/// `GET /contacts/{id}`.
pub async fn get(
    CurrentUser(session): CurrentUser,
    State(state): State<Arc<AppState>>,
    Path(id): Path<i64>,
) -> AppResult<Json<ContactView>> {
    let record = contacts::load(&*state.store, &session.user, id).await?;
    Ok(Json(view(&state, record)))
}

/// A turn of the conversation.
#[derive(Debug, Deserialize)]
pub struct TurnInput {
    /// What the caller said, or the adviser's note.
    text: String,
}

/// The answer to a turn.
#[derive(Debug, Serialize)]
pub struct TurnView {
    /// The record's new version.
    version: i64,
    /// Whether the record is now restricted.
    restricted: bool,
    /// The assistant's advice.
    advice: Advice,
}

/// `POST /contacts/{id}/turns`.
pub async fn turn(
    CurrentUser(session): CurrentUser,
    State(state): State<Arc<AppState>>,
    Path(id): Path<i64>,
    Json(input): Json<TurnInput>,
) -> AppResult<Json<TurnView>> {
    let (saved, advice) = contacts::add_turn(
        &*state.store,
        &state.heard,
        state.published(),
        &session.user,
        id,
        &input.text,
    )
    .await?;
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
    let kb = &state.published().kb;
    let saved = contacts::update(&*state.store, kb, &session.user, id, u).await?;
    Ok(Json(view(&state, saved)))
}

/// `POST /contacts/{id}/end`.
pub async fn end(
    CurrentUser(session): CurrentUser,
    State(state): State<Arc<AppState>>,
    Path(id): Path<i64>,
    Json(e): Json<ContactEnd>,
) -> AppResult<Json<ContactView>> {
    let kb = &state.published().kb;
    let saved = contacts::close(&*state.store, kb, &session.user, id, e).await?;
    Ok(Json(view(&state, saved)))
}

/// The dates of a review request.
#[derive(Debug, Deserialize)]
pub struct TimingInput {
    /// Date of the outcome letter.
    outcome_date: NaiveDate,
    /// Date the request arrived.
    received_date: NaiveDate,
    /// The reasons given for any delay.
    #[serde(default)]
    reasons: String,
}

/// `POST /contacts/{id}/review-timing`.
pub async fn review_timing(
    CurrentUser(session): CurrentUser,
    State(state): State<Arc<AppState>>,
    Path(id): Path<i64>,
    Json(input): Json<TimingInput>,
) -> AppResult<Json<ReviewTiming>> {
    contacts::load(&*state.store, &session.user, id).await?;
    let published = state.published();
    let rules = published
        .kb
        .review_rules
        .as_ref()
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("rules/reviews.toml is missing")))?;
    let timing = review_time::assess(
        rules,
        input.outcome_date,
        input.received_date,
        &input.reasons,
    )?;
    Ok(Json(timing))
}

/// A letter to preview or save.
#[derive(Debug, Deserialize)]
pub struct LetterInput {
    /// Template id.
    template: String,
    /// Language; the caller's by default.
    #[serde(default)]
    lang: Option<Lang>,
    /// The force the letter is about (fills its name and local policing
    /// body).
    #[serde(default)]
    force: Option<String>,
    /// Review dates (fill the timing variables).
    #[serde(default)]
    outcome_date: Option<NaiveDate>,
    #[serde(default)]
    received_date: Option<NaiveDate>,
    /// The reasons given for a late request.
    #[serde(default)]
    reasons: String,
    /// Variable values; they win over what the contact already tells.
    #[serde(default)]
    values: BTreeMap<String, String>,
    /// Save it with the contact (after the adviser has checked the preview).
    #[serde(default)]
    save: bool,
    /// The version the change was made against (when saving).
    #[serde(default)]
    version: Option<i64>,
}

/// `POST /contacts/{id}/letters`: preview, or save with `save: true`.
pub async fn letter(
    CurrentUser(session): CurrentUser,
    State(state): State<Arc<AppState>>,
    Path(id): Path<i64>,
    Json(input): Json<LetterInput>,
) -> AppResult<Json<Letter>> {
    let record = contacts::load(&*state.store, &session.user, id).await?;
    let published = state.published();
    let request = DraftRequest {
        template: Some(input.template),
        lang: input.lang,
        force: input.force,
        outcome_date: input.outcome_date,
        request_date: input.received_date,
        reasons: input.reasons,
        values: input.values,
    };
    let today = chrono::Utc::now().date_naive();
    let draft = contacts::draft(
        &published.kb,
        &record,
        session.user.display_name(),
        request,
        today,
    )?;
    if !draft.invalid.is_empty() {
        // Dates are `YYYY-MM-DD`; the letter writes them out.
        return Err(contacts::ContactError::Invalid("date").into());
    }
    let letter = draft
        .letter
        .ok_or(AppError::LetterIncomplete(draft.missing))?;
    if input.save {
        let version = input.version.ok_or(AppError::BadParameter("version"))?;
        contacts::save_letter(
            &*state.store,
            &published.kb,
            &session.user,
            id,
            version,
            letter.clone(),
        )
        .await?;
    }
    Ok(Json(letter))
}
