//! Contacts: start one, play the conversation, move through the stages,
//! check review timing, make letters, and close it with the record. Each
//! change is saved against the version it was read at, so two tabs (or an
//! adviser and a telephony integration) cannot overwrite each other.

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::assistant::contact::{
    Action, CallerDetails, ContactOutcome, ContactRecord, NewContact, RecordedAdjustment,
    SatisfactionAnswer,
};
use crate::assistant::conversation::Advice;
use crate::assistant::letters::{self, Letter, LetterError};
use crate::assistant::review_time::{self, ReviewTiming, TimingError};
use crate::auth::Role;
use crate::knowledge::Stage;
use crate::lang::Lang;
use crate::store::Session;
use crate::web::error::{AppError, AppResult};
use crate::web::session::CurrentUser;
use crate::web::state::AppState;
use crate::web::views::{Link, href};

/// Longest turn accepted, in characters.
pub const MAX_TURN_CHARS: usize = 2_000;

/// A contact as the console and API show it: the record, the scripted lines
/// for the current stage in the caller's language, and the checklist.
#[derive(Debug, Serialize)]
pub struct ContactView {
    /// The record.
    #[serde(flatten)]
    pub record: ContactRecord,
    /// Scripts for the current stage, in the caller's language.
    pub stage_scripts: Vec<Link>,
    /// Every stage in order, and whether it is ticked.
    pub checklist: Vec<ChecklistItem>,
}

/// One line of the stage checklist.
#[derive(Debug, Serialize)]
pub struct ChecklistItem {
    /// The stage.
    pub stage: Stage,
    /// Ticked by the adviser.
    pub done: bool,
}

fn view(state: &AppState, record: ContactRecord) -> ContactView {
    let published = state.published();
    let lang = record.caller_lang;
    let stage_scripts = published
        .kb
        .scripts
        .iter()
        .filter(|s| s.page.lang == lang && s.stage == record.stage)
        .filter(|s| s.caller_types.is_empty() || s.caller_types.contains(&record.caller_type))
        .map(|s| Link {
            id: s.page.id.clone(),
            title: s.page.title.clone(),
            href: href(crate::knowledge::Kind::Script, &s.page.id, lang),
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

/// Who may read a record: the handling adviser and managers; admins too,
/// except for restricted (Report Line, whistleblowing) records.
fn may_see(session: &Session, record: &ContactRecord) -> bool {
    let role = session.user.role;
    session.user.id == record.adviser_id
        || role == Role::Manager
        || (role == Role::Admin && !record.restricted)
}

/// Loads a record the session may see. Records it may not see answer 404,
/// so their existence is not revealed.
async fn load(state: &AppState, session: &Session, id: i64) -> AppResult<ContactRecord> {
    match state.store.contact(id).await? {
        Some(r) if may_see(session, &r) => Ok(r),
        _ => Err(AppError::NotFound),
    }
}

/// Loads a record its handling adviser may still change.
async fn load_open(state: &AppState, session: &Session, id: i64) -> AppResult<ContactRecord> {
    let record = load(state, session, id).await?;
    if record.adviser_id != session.user.id {
        return Err(AppError::Forbidden);
    }
    if record.ended() {
        return Err(AppError::Conflict);
    }
    Ok(record)
}

fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// `POST /contacts`.
pub async fn start(
    CurrentUser(session): CurrentUser,
    State(state): State<Arc<AppState>>,
    Json(new): Json<NewContact>,
) -> AppResult<(StatusCode, Json<ContactView>)> {
    let record = ContactRecord::start(new, session.user.id, &session.user.name, now());
    let record = state.store.create_contact(record).await?;
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
    let mut record = load_open(&state, &session, id).await?;
    if input.text.chars().count() > MAX_TURN_CHARS {
        return Err(AppError::BadParameter("text"));
    }
    let published = state.published();
    let mut conversation = record.conversation.clone();
    let text = input.text;
    let (conversation, advice) = tokio::task::spawn_blocking(move || {
        let advice = conversation.turn(&published.kb, &published.searcher, &text);
        (conversation, advice)
    })
    .await
    .map_err(|e| AppError::Internal(e.into()))?;
    record.conversation = conversation;
    let intents: Vec<String> = advice.intents.iter().map(|f| f.id.clone()).collect();
    record.note_intents(&intents);
    for found in &advice.adjustments {
        if !record.adjustments.iter().any(|a| a.id == found.id) {
            record.adjustments.push(RecordedAdjustment {
                id: found.id.clone(),
                confirmed: false,
            });
        }
    }
    let saved = state.store.save_contact(record).await?;
    Ok(Json(TurnView {
        version: saved.version,
        restricted: saved.restricted,
        advice,
    }))
}

/// Changes during the contact; absent fields are left as they are.
#[derive(Debug, Deserialize)]
pub struct ContactUpdate {
    /// The version the change was made against.
    pub version: i64,
    /// Move to this stage (stages can be revisited).
    #[serde(default)]
    pub stage: Option<Stage>,
    /// The ticked stages.
    #[serde(default)]
    pub stages_done: Option<Vec<Stage>>,
    /// Caller details.
    #[serde(default)]
    pub caller: Option<CallerDetails>,
    /// Adjustments, confirmed or not.
    #[serde(default)]
    pub adjustments: Option<Vec<RecordedAdjustment>>,
    /// Agencies referred to.
    #[serde(default)]
    pub referrals: Option<Vec<String>>,
}

/// `PATCH /contacts/{id}`.
pub async fn update(
    CurrentUser(session): CurrentUser,
    State(state): State<Arc<AppState>>,
    Path(id): Path<i64>,
    Json(u): Json<ContactUpdate>,
) -> AppResult<Json<ContactView>> {
    let mut record = load_open(&state, &session, id).await?;
    if u.version != record.version {
        return Err(AppError::Conflict);
    }
    let published = state.published();
    if let Some(adjustments) = &u.adjustments
        && adjustments
            .iter()
            .any(|a| !published.kb.adjustments.iter().any(|k| k.id == a.id))
    {
        return Err(AppError::BadParameter("adjustments"));
    }
    if let Some(referrals) = &u.referrals
        && referrals.iter().any(|id| published.kb.agency(id).is_none())
    {
        return Err(AppError::BadParameter("referrals"));
    }
    if let Some(stage) = u.stage {
        record.stage = stage;
    }
    if let Some(done) = u.stages_done {
        record.stages_done = done;
    }
    if let Some(caller) = u.caller {
        record.caller = caller;
    }
    if let Some(adjustments) = u.adjustments {
        record.adjustments = adjustments;
    }
    if let Some(referrals) = u.referrals {
        record.referrals = referrals;
    }
    let saved = state.store.save_contact(record).await?;
    Ok(Json(view(&state, saved)))
}

/// Closing a contact: the outcome and post-contact work.
#[derive(Debug, Deserialize)]
pub struct ContactEnd {
    /// The version the change was made against.
    pub version: i64,
    /// How it ended.
    pub outcome: ContactOutcome,
    /// Post-contact actions: who does what by when.
    #[serde(default)]
    pub actions: Vec<Action>,
    /// Satisfaction answers, if the caller gave them.
    #[serde(default)]
    pub satisfaction: Vec<SatisfactionAnswer>,
}

/// `POST /contacts/{id}/end`.
pub async fn end(
    CurrentUser(session): CurrentUser,
    State(state): State<Arc<AppState>>,
    Path(id): Path<i64>,
    Json(e): Json<ContactEnd>,
) -> AppResult<Json<ContactView>> {
    let mut record = load_open(&state, &session, id).await?;
    if e.version != record.version {
        return Err(AppError::Conflict);
    }
    if e.satisfaction
        .iter()
        .any(|a| a.score.is_some_and(|s| !(1..=5).contains(&s)))
    {
        return Err(AppError::BadParameter("satisfaction"));
    }
    if e.actions
        .iter()
        .any(|a| a.description.trim().is_empty() || a.owner.trim().is_empty())
    {
        return Err(AppError::BadParameter("actions"));
    }
    if e.outcome == ContactOutcome::FollowUp && e.actions.is_empty() {
        // Follow-up means someone does something by a date: say who and when.
        return Err(AppError::BadParameter("actions"));
    }
    record.outcome = Some(e.outcome);
    record.actions = e.actions;
    record.satisfaction = e.satisfaction;
    record.stage = Stage::Record;
    record.ended_at = Some(now());
    let saved = state.store.save_contact(record).await?;
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
    let mut record = load(&state, &session, id).await?;
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
        if record.adviser_id != session.user.id {
            return Err(AppError::Forbidden);
        }
        if record.ended() || input.version != Some(record.version) {
            return Err(AppError::Conflict);
        }
        record.letters.push(letter.clone());
        state.store.save_contact(record).await?;
    }
    Ok(Json(letter))
}
