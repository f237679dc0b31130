//! Contact operations shared by the JSON API and the console: start, read,
//! converse, update and close a contact, with the access rules. Each change
//! is saved against the version it was read at, so two tabs (or an adviser
//! and a telephony integration) cannot overwrite each other.

use chrono::Utc;
use serde::{Deserialize, Serialize};

use crate::assistant::contact::{
    Action, CallerDetails, ContactOutcome, ContactRecord, NewContact, RecordedAdjustment,
    SatisfactionAnswer,
};
use crate::assistant::conversation::Advice;
use crate::auth::Role;
use crate::knowledge::Stage;
use crate::store::Session;
use crate::web::error::{AppError, AppResult};
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

/// The scripts for the record's current stage, in the caller's language,
/// for this kind of caller.
pub fn stage_scripts<'a>(
    kb: &'a crate::knowledge::KnowledgeBase,
    record: &ContactRecord,
) -> impl Iterator<Item = &'a crate::knowledge::Script> {
    let (lang, stage, caller) = (record.caller_lang, record.stage, record.caller_type);
    kb.scripts.iter().filter(move |s| {
        s.page.lang == lang
            && s.stage == stage
            && (s.caller_types.is_empty() || s.caller_types.contains(&caller))
    })
}

/// The record with what the console and API show beside it.
pub fn view(state: &AppState, record: ContactRecord) -> ContactView {
    let published = state.published();
    let lang = record.caller_lang;
    let stage_scripts = stage_scripts(&published.kb, &record)
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
pub async fn load(state: &AppState, session: &Session, id: i64) -> AppResult<ContactRecord> {
    match state.store.contact(id).await? {
        Some(r) if may_see(session, &r) => Ok(r),
        _ => Err(AppError::NotFound),
    }
}

/// Loads a record its handling adviser may still change.
pub async fn load_open(state: &AppState, session: &Session, id: i64) -> AppResult<ContactRecord> {
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
    Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// Starts a contact handled by `session`'s user.
pub async fn start(
    state: &AppState,
    session: &Session,
    new: NewContact,
) -> AppResult<ContactRecord> {
    let record = ContactRecord::start(new, session.user.id, &session.user.name, now());
    Ok(state.store.create_contact(record).await?)
}

/// Reads one turn of the conversation into the record.
pub async fn add_turn(
    state: &AppState,
    session: &Session,
    id: i64,
    text: &str,
) -> AppResult<(ContactRecord, Advice)> {
    let mut record = load_open(state, session, id).await?;
    if text.chars().count() > MAX_TURN_CHARS {
        return Err(AppError::BadParameter("text"));
    }
    let published = state.published();
    let mut conversation = record.conversation.clone();
    let text = text.to_string();
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
    Ok((saved, advice))
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

/// Applies changes made during the contact.
pub async fn update(
    state: &AppState,
    session: &Session,
    id: i64,
    u: ContactUpdate,
) -> AppResult<ContactRecord> {
    let mut record = load_open(state, session, id).await?;
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
    Ok(saved)
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

/// Closes the contact with its outcome and post-contact work.
pub async fn close(
    state: &AppState,
    session: &Session,
    id: i64,
    e: ContactEnd,
) -> AppResult<ContactRecord> {
    let mut record = load_open(state, session, id).await?;
    if e.version != record.version {
        return Err(AppError::Conflict);
    }
    let questions =
        crate::assistant::satisfaction::questions(&state.published().kb, record.caller_lang);
    let fits = |a: &SatisfactionAnswer| {
        questions.iter().any(|q| {
            q.id == a.question
                && match a.score {
                    Some(s) => q.scored && (1..=5).contains(&s),
                    None => true,
                }
        })
    };
    if !e.satisfaction.iter().all(fits) {
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
    Ok(saved)
}

/// Saves a letter (as previewed, possibly edited by the adviser) with the
/// contact.
pub async fn save_letter(
    state: &AppState,
    session: &Session,
    id: i64,
    version: i64,
    letter: crate::assistant::letters::Letter,
) -> AppResult<ContactRecord> {
    let mut record = load_open(state, session, id).await?;
    if version != record.version {
        return Err(AppError::Conflict);
    }
    if letter.subject.trim().is_empty() || letter.body.trim().is_empty() {
        return Err(AppError::BadParameter("body"));
    }
    record.letters.push(letter);
    Ok(state.store.save_contact(record).await?)
}

/// The advice for a record: the conversation's, plus the steps of
/// adjustments the adviser added by hand.
pub fn advice_for(record: &ContactRecord, kb: &crate::knowledge::KnowledgeBase) -> Advice {
    let mut advice = record.conversation.advice(kb);
    for recorded in &record.adjustments {
        if advice.adjustments.iter().any(|f| f.id == recorded.id) {
            continue;
        }
        if let Some(adj) = kb.adjustments.iter().find(|a| a.id == recorded.id) {
            advice.steps.extend(
                adj.steps
                    .iter()
                    .map(|s| crate::assistant::conversation::Step {
                        text: s.get(record.caller_lang).clone(),
                        because: format!("adjustment {}", adj.id),
                    }),
            );
        }
    }
    advice
}

/// Marks post-contact action `n` done today. Post-contact work happens
/// after the call, so this works on closed contacts too, for the handling
/// adviser and managers.
pub async fn complete_action(
    state: &AppState,
    session: &Session,
    id: i64,
    n: usize,
) -> AppResult<ContactRecord> {
    let mut record = load(state, session, id).await?;
    if record.adviser_id != session.user.id && session.user.role != Role::Manager {
        return Err(AppError::Forbidden);
    }
    let action = record.actions.get_mut(n).ok_or(AppError::NotFound)?;
    if action.done_on.is_none() {
        action.done_on = Some(Utc::now().date_naive());
    }
    Ok(state.store.save_contact(record).await?)
}
