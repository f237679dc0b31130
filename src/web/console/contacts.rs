//! A contact in the console: start it, follow the stages with the scripted
//! line in the caller's language, play the conversation, confirm
//! adjustments and referrals, and close it with the record. Plain forms
//! (every step works without JavaScript) over the shared operations in
//! [`crate::web::contacts`].

use std::sync::Arc;

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::Form;
use chrono::NaiveDate;
use serde::Deserialize;

use crate::assistant::contact::{
    Action, CallerDetails, Channel, ContactOutcome, ContactRecord, NewContact, RecordedAdjustment,
    SatisfactionAnswer,
};
use crate::assistant::conversation::Advice;
use crate::knowledge::{CallerType, Stage};
use crate::lang::Lang;
use crate::web::contacts::{self as ops, ContactEnd, ContactUpdate, load};
use crate::web::context::Ctx;
use crate::web::error::{AppError, AppResult};
use crate::web::page::{Chrome, render};
use crate::web::session::CurrentUser;
use crate::web::state::AppState;
use crate::web::views::{ScriptView, script_view};

#[derive(Template)]
#[template(path = "contact_new.html")]
struct NewPage {
    chrome: Chrome,
    channels: Vec<&'static str>,
    caller_types: Vec<&'static str>,
}

/// `GET /contacts/new`.
pub async fn new_form(_: CurrentUser, ctx: Ctx) -> Response {
    render(&NewPage {
        chrome: Chrome::new(&ctx, "contact"),
        channels: Channel::ALL.iter().map(|c| c.as_str()).collect(),
        caller_types: CallerType::ALL.iter().map(|c| c.as_str()).collect(),
    })
}

/// The start form.
#[derive(Deserialize)]
pub struct StartForm {
    channel: Channel,
    caller_type: CallerType,
    caller_lang: Lang,
}

/// `POST /contacts`: starts the contact and opens it, serving the caller in
/// the language they chose.
pub async fn create(
    CurrentUser(session): CurrentUser,
    State(state): State<Arc<AppState>>,
    Form(f): Form<StartForm>,
) -> AppResult<Response> {
    let new = NewContact {
        channel: f.channel,
        caller_type: f.caller_type,
        caller_lang: f.caller_lang,
    };
    let record = ops::start(&state, &session, new).await?;
    let to = format!(
        "/contacts/{}?caller={}",
        record.id,
        record.caller_lang.code()
    );
    Ok(Redirect::to(&to).into_response())
}

#[derive(Template)]
#[template(path = "contact.html")]
struct ContactPage {
    chrome: Chrome,
    record: ContactRecord,
    advice: Advice,
    scripts: Vec<ScriptView>,
    stages: Vec<Stage>,
    outcomes: Vec<&'static str>,
    questions: Vec<crate::assistant::satisfaction::Question>,
    mine: bool,
    /// Every adjustment rule (id, name in the caller's language).
    needs: Vec<(String, String)>,
}

impl ContactPage {
    fn done(&self, stage: &Stage) -> bool {
        self.record.stages_done.contains(stage)
    }

    fn need_name(&self, id: &str) -> String {
        self.needs
            .iter()
            .find(|(n, _)| n == id)
            .map(|(_, name)| name.clone())
            .unwrap_or_else(|| id.to_string())
    }

    fn recorded(&self, id: &str) -> bool {
        self.record.adjustments.iter().any(|a| a.id == id)
    }

    fn referred(&self, id: &str) -> bool {
        self.record.referrals.iter().any(|r| r == id)
    }
}

/// `GET /contacts/{id}`.
pub async fn show(
    CurrentUser(session): CurrentUser,
    ctx: Ctx,
    State(state): State<Arc<AppState>>,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let record = load(&state, &session, id).await?;
    let published = state.published();
    let advice = ops::advice_for(&record, &published.kb);
    let needs = published
        .kb
        .adjustments
        .iter()
        .map(|a| (a.id.clone(), a.name.get(record.caller_lang).clone()))
        .collect();
    let lang = record.caller_lang;
    let scripts = ops::stage_scripts(&published.kb, &record)
        .map(script_view)
        .collect();
    Ok(render(&ContactPage {
        chrome: Chrome::new(&ctx, "contact"),
        mine: record.adviser_id == session.user.id,
        record,
        advice,
        scripts,
        stages: Stage::ALL
            .into_iter()
            .filter(|s| *s != Stage::Any)
            .collect(),
        outcomes: ContactOutcome::ALL.iter().map(|o| o.as_str()).collect(),
        questions: crate::assistant::satisfaction::questions(&published.kb, lang),
        needs,
    }))
}

fn back(id: i64, anchor: &str) -> Response {
    Redirect::to(&format!("/contacts/{id}#{anchor}")).into_response()
}

/// The conversation form.
#[derive(Deserialize)]
pub struct TurnForm {
    #[serde(default)]
    text: String,
}

/// `POST /contacts/{id}/turns`.
pub async fn turn(
    CurrentUser(session): CurrentUser,
    State(state): State<Arc<AppState>>,
    Path(id): Path<i64>,
    Form(f): Form<TurnForm>,
) -> AppResult<Response> {
    if f.text.trim().is_empty() {
        // Nothing to add, but the same rules apply.
        ops::load_open(&state, &session, id).await?;
    } else {
        ops::add_turn(&state, &session, id, &f.text).await?;
    }
    Ok(back(id, "advice"))
}

/// The stage and checklist form.
#[derive(Deserialize)]
pub struct StageForm {
    version: i64,
    /// Set when a stage's "go" button was pressed.
    #[serde(default)]
    go: Option<Stage>,
    #[serde(default)]
    done: Vec<Stage>,
}

/// `POST /contacts/{id}/stages`.
pub async fn stages(
    CurrentUser(session): CurrentUser,
    State(state): State<Arc<AppState>>,
    Path(id): Path<i64>,
    Form(f): Form<StageForm>,
) -> AppResult<Response> {
    let update = ContactUpdate {
        version: f.version,
        stage: f.go,
        stages_done: Some(f.done),
        caller: None,
        adjustments: None,
        referrals: None,
    };
    ops::update(&state, &session, id, update).await?;
    Ok(back(id, "stages"))
}

/// Adjustments agreed and agencies referred to.
#[derive(Deserialize)]
pub struct ChoicesForm {
    version: i64,
    #[serde(default)]
    confirm: Vec<String>,
    #[serde(default)]
    refer: Vec<String>,
    #[serde(default)]
    caller_name: String,
    /// A need the adviser adds by hand.
    #[serde(default)]
    add: String,
}

/// `POST /contacts/{id}/choices`.
pub async fn choices(
    CurrentUser(session): CurrentUser,
    State(state): State<Arc<AppState>>,
    Path(id): Path<i64>,
    Form(f): Form<ChoicesForm>,
) -> AppResult<Response> {
    let record = load(&state, &session, id).await?;
    let mut adjustments: Vec<RecordedAdjustment> = record
        .adjustments
        .iter()
        .map(|a| RecordedAdjustment {
            id: a.id.clone(),
            confirmed: f.confirm.contains(&a.id),
        })
        .collect();
    if !f.add.is_empty() && !adjustments.iter().any(|a| a.id == f.add) {
        // Chosen by the adviser from what the caller said: agreed.
        adjustments.push(RecordedAdjustment {
            id: f.add.clone(),
            confirmed: true,
        });
    }
    let name = f.caller_name.trim();
    let update = ContactUpdate {
        version: f.version,
        stage: None,
        stages_done: None,
        caller: Some(CallerDetails {
            name: (!name.is_empty()).then(|| name.to_string()),
            ..record.caller.clone()
        }),
        adjustments: Some(adjustments),
        referrals: Some(f.refer),
    };
    ops::update(&state, &session, id, update).await?;
    Ok(back(id, "advice"))
}

/// The close-out form.
#[derive(Deserialize)]
pub struct EndForm {
    version: i64,
    outcome: ContactOutcome,
    #[serde(default)]
    action: String,
    #[serde(default)]
    owner: String,
    #[serde(default)]
    due: String,
    /// One score per scored question, in order ("" when not asked).
    #[serde(default)]
    score: Vec<String>,
    /// The open question's answer.
    #[serde(default)]
    comment: String,
}

/// `POST /contacts/{id}/end`.
pub async fn end(
    CurrentUser(session): CurrentUser,
    State(state): State<Arc<AppState>>,
    Path(id): Path<i64>,
    Form(f): Form<EndForm>,
) -> AppResult<Response> {
    let mut actions = Vec::new();
    if !f.action.trim().is_empty() {
        let due: NaiveDate = f.due.parse().map_err(|_| AppError::BadParameter("due"))?;
        actions.push(Action {
            description: f.action.trim().to_string(),
            owner: f.owner.trim().to_string(),
            due,
            done_on: None,
        });
    }
    let record = load(&state, &session, id).await?;
    let questions =
        crate::assistant::satisfaction::questions(&state.published().kb, record.caller_lang);
    let mut satisfaction = Vec::new();
    for (q, given) in questions.iter().filter(|q| q.scored).zip(&f.score) {
        if !given.is_empty() {
            satisfaction.push(SatisfactionAnswer {
                question: q.id.clone(),
                score: Some(given.parse().map_err(|_| AppError::BadParameter("score"))?),
                comment: None,
            });
        }
    }
    if let Some(open) = questions.iter().find(|q| !q.scored)
        && !f.comment.trim().is_empty()
    {
        satisfaction.push(SatisfactionAnswer {
            question: open.id.clone(),
            score: None,
            comment: Some(f.comment.trim().to_string()),
        });
    }
    let e = ContactEnd {
        version: f.version,
        outcome: f.outcome,
        actions,
        satisfaction,
    };
    ops::close(&state, &session, id, e).await?;
    Ok(back(id, "record"))
}

/// `POST /contacts/{id}/actions/{n}/done`.
pub async fn action_done(
    CurrentUser(session): CurrentUser,
    State(state): State<Arc<AppState>>,
    Path((id, n)): Path<(i64, usize)>,
) -> AppResult<Response> {
    ops::complete_action(&state, &session, id, n).await?;
    Ok(back(id, "record"))
}
