//! A contact in the console: start it, follow the stages with the scripted
//! line in the caller's language, play the conversation, confirm
//! adjustments and referrals, and close it with the record. Plain forms
//! (every step works without JavaScript) over the operations in
//! [`crate::contacts`].

use std::sync::Arc;

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::Form;
use chrono::NaiveDate;
use serde::Deserialize;

use crate::assistant::contact::{
    Action, Channel, ContactOutcome, ContactRecord, NewContact, SatisfactionAnswer,
};
use crate::assistant::conversation::Advice;
use crate::contacts::{self, Choices, ContactEnd, ContactUpdate};
use crate::knowledge::{CallerType, Stage};
use crate::lang::Lang;
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
    let record = contacts::start(&*state.store, &session.user, new).await?;
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
    let record = contacts::load(&*state.store, &session.user, id).await?;
    let published = state.published();
    let advice = contacts::advice(&record, &published.kb);
    let needs = published
        .kb
        .adjustments
        .iter()
        .map(|a| (a.id.clone(), a.name.get(record.caller_lang).clone()))
        .collect();
    let lang = record.caller_lang;
    let scripts = contacts::stage_scripts(&published.kb, &record)
        .map(|s| script_view(&published.kb, s))
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
    contacts::add_turn(&*state.store, state.published(), &session.user, id, &f.text).await?;
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
        ..ContactUpdate::default()
    };
    let kb = &state.published().kb;
    contacts::update(&*state.store, kb, &session.user, id, update).await?;
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
    let choices = Choices {
        version: f.version,
        confirmed: f.confirm,
        added: Some(f.add),
        referrals: f.refer,
        caller_name: Some(f.caller_name),
    };
    let kb = &state.published().kb;
    contacts::choose(&*state.store, kb, &session.user, id, choices).await?;
    Ok(back(id, "advice"))
}

/// `POST /contacts/{id}/end`: the close-out form. Satisfaction answers come
/// as `score_<question>` and `comment_<question>` fields, in the order the
/// questions were asked.
pub async fn end(
    CurrentUser(session): CurrentUser,
    State(state): State<Arc<AppState>>,
    Path(id): Path<i64>,
    Form(fields): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let field = |name: &str| {
        fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim())
            .unwrap_or_default()
    };
    let version = field("version")
        .parse()
        .map_err(|_| AppError::BadParameter("version"))?;
    let outcome = ContactOutcome::ALL
        .into_iter()
        .find(|o| o.as_str() == field("outcome"))
        .ok_or(AppError::BadParameter("outcome"))?;
    let mut actions = Vec::new();
    if !field("action").is_empty() {
        let due: NaiveDate = field("due")
            .parse()
            .map_err(|_| AppError::BadParameter("due"))?;
        actions.push(Action {
            description: field("action").to_string(),
            owner: field("owner").to_string(),
            due,
            done_on: None,
        });
    }
    let mut satisfaction = Vec::new();
    for (name, value) in fields.iter().filter(|(_, v)| !v.trim().is_empty()) {
        if let Some(question) = name.strip_prefix("score_") {
            satisfaction.push(SatisfactionAnswer {
                question: question.to_string(),
                score: Some(
                    value
                        .trim()
                        .parse()
                        .map_err(|_| AppError::BadParameter("score"))?,
                ),
                comment: None,
            });
        } else if let Some(question) = name.strip_prefix("comment_") {
            satisfaction.push(SatisfactionAnswer {
                question: question.to_string(),
                score: None,
                comment: Some(value.trim().to_string()),
            });
        }
    }
    let end = ContactEnd {
        version,
        outcome,
        actions,
        satisfaction,
    };
    let kb = &state.published().kb;
    contacts::close(&*state.store, kb, &session.user, id, end).await?;
    Ok(back(id, "record"))
}

/// `POST /contacts/{id}/actions/{n}/done`.
pub async fn action_done(
    CurrentUser(session): CurrentUser,
    State(state): State<Arc<AppState>>,
    Path((id, n)): Path<(i64, usize)>,
) -> AppResult<Response> {
    contacts::complete_action(&*state.store, &session.user, id, n).await?;
    Ok(back(id, "record"))
}
