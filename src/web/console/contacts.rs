//! A contact in the console: start it, follow the stages with the scripted
//! line in the caller's language, play the conversation, confirm
//! adjustments and referrals, and close it with the record. Plain forms
//! (every step works without JavaScript) over the operations in
//! [`crate::contacts`].

use std::sync::Arc;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::Form;
use chrono::NaiveDate;
use serde::Deserialize;

use crate::assistant::contact::{
    Action, Channel, ContactOutcome, ContactRecord, NewContact, SatisfactionAnswer,
};
use crate::assistant::conversation::Advice;
use crate::contacts::{self, Choices, ContactEnd, ContactUpdate};
use crate::knowledge::{CallerType, Kind, Stage};
use crate::lang::Lang;
use crate::web::context::Ctx;
use crate::web::error::{AppError, AppResult};
use crate::web::page::{Chrome, render};
use crate::web::session::CurrentUser;
use crate::web::state::AppState;
use crate::web::views::{Link, ScriptView, fill_name, href, script_view};

use super::search::{ConsoleSearch, Results};

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
        "/console/contacts/{}?caller={}",
        record.id,
        record.caller_lang.code()
    );
    Ok(Redirect::to(&to).into_response())
}

/// How many suggestions of each kind show before "more".
const FIRST: usize = 3;

/// An agency suggested during a contact, with what the adviser needs to
/// refer there without leaving the page.
struct AgencyCard {
    id: String,
    name: String,
    /// The caller's words that led to it (empty: referred by hand).
    words: Vec<String>,
    phone: Option<String>,
    text: Option<String>,
    relay: Option<String>,
    hours: Option<String>,
    welsh_service: bool,
    /// When the details were checked; `None`: not verified.
    verified: Option<String>,
    referred: bool,
}

#[derive(Template)]
#[template(path = "contact.html")]
struct ContactPage {
    chrome: Chrome,
    record: ContactRecord,
    advice: Advice,
    /// The script for this stage and caller, and its line to say.
    script: Option<ScriptView>,
    line: Option<String>,
    /// Other scripts for this stage.
    also: Vec<Link>,
    next_stage: Option<Stage>,
    stages: Vec<Stage>,
    agencies: Vec<AgencyCard>,
    outcomes: Vec<&'static str>,
    questions: Vec<crate::assistant::satisfaction::Question>,
    mine: bool,
    /// Every adjustment rule (id, name in the caller's language).
    needs: Vec<(String, String)>,
    /// Every force (id, name in the interface language), by name.
    forces: Vec<(String, String)>,
    /// The contact's force, in the interface language, and whether the
    /// adviser set it (rather than it being heard).
    force: Option<(String, bool)>,
    started: String,
    /// The search panel (without JavaScript, the query comes back here).
    query: String,
    results: Option<Results>,
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

    fn agency_name(&self, id: &str) -> String {
        self.agencies
            .iter()
            .find(|a| a.id == id)
            .map(|a| a.name.clone())
            .unwrap_or_else(|| id.to_string())
    }

    fn first(&self) -> usize {
        FIRST
    }

    fn is_force(&self, id: &str) -> bool {
        self.record.force() == Some(id)
    }
}

/// The line to say for a script: its first quoted line, with the
/// adviser's name (and the force's, when known) filled in.
fn line_to_say(
    script: &crate::knowledge::Script,
    adviser: &str,
    force: Option<&str>,
) -> Option<String> {
    let line = crate::web::markdown::quotes(&script.page.body)
        .into_iter()
        .next()?;
    let mut line = fill_name(&line, adviser);
    if let Some(force) = force {
        for slot in ["[enw'r heddlu]", "[force name]"] {
            line = line.replace(slot, force);
        }
    }
    Some(line)
}

/// Parameters of the contact page: the search panel's query.
#[derive(Debug, Default, Deserialize)]
pub struct ShowQuery {
    #[serde(default)]
    q: String,
}

/// `GET /contacts/{id}`: the workspace for one contact.
pub async fn show(
    CurrentUser(session): CurrentUser,
    ctx: Ctx,
    State(state): State<Arc<AppState>>,
    Path(id): Path<i64>,
    Query(query): Query<ShowQuery>,
) -> AppResult<Response> {
    let record = contacts::load(&*state.store, &session.user, id).await?;
    let published = state.published();
    let kb = &published.kb;
    let advice = contacts::advice(&record, kb, &state.heard);
    let lang = record.caller_lang;
    let needs = kb
        .adjustments
        .iter()
        .map(|a| (a.id.clone(), a.name.get(lang).clone()))
        .collect();
    let force = record.force().and_then(|id| kb.find_force(id));
    let mut scripts = contacts::stage_scripts(kb, &record);
    let primary = scripts.next();
    let line = primary.and_then(|s| {
        line_to_say(
            s,
            session.user.display_name(),
            force.map(|f| f.name.get(lang).as_str()),
        )
    });
    let also = scripts
        .map(|s| Link {
            id: s.page.id.clone(),
            title: s.page.title.clone(),
            href: href(Kind::Script, &s.page.id, lang),
        })
        .collect();
    let mut forces: Vec<(String, String)> = kb
        .forces
        .iter()
        .map(|f| (f.id.clone(), f.name.get(ctx.ui).clone()))
        .collect();
    forces.sort_by_key(|(_, name)| crate::analysis::fold(name));
    // Referred agencies stay on the list even when no longer suggested.
    let mut agency_ids: Vec<(&str, &[String])> = advice
        .agencies
        .iter()
        .map(|a| (a.id.as_str(), &a.words[..]))
        .collect();
    for r in &record.referrals {
        if !agency_ids.iter().any(|(id, _)| id == r) {
            agency_ids.push((r.as_str(), &[]));
        }
    }
    let agencies = agency_ids
        .into_iter()
        .filter_map(|(id, words)| {
            let a = kb.agency(id)?;
            Some(AgencyCard {
                id: a.id.clone(),
                name: a.name.get(lang).clone(),
                words: words.to_vec(),
                phone: a.contact.phone.clone(),
                text: a.contact.text.clone(),
                relay: a.contact.relay.as_ref().map(|r| r.get(lang).clone()),
                hours: a.hours.as_ref().map(|h| h.get(lang).clone()),
                welsh_service: a.welsh_service,
                verified: match a.verified {
                    crate::knowledge::date::Verified::On(d) => Some(ctx.tr().date(d.0)),
                    crate::knowledge::date::Verified::No => None,
                },
                referred: record.referrals.iter().any(|r| r == id),
            })
        })
        .collect();
    let results = if query.q.trim().is_empty() {
        None
    } else {
        let p = ConsoleSearch::of(query.q.clone(), format!("/console/contacts/{id}"));
        Some(super::search::build(&state, &ctx, &p, true).await?)
    };
    Ok(render(&ContactPage {
        chrome: Chrome::new(&ctx, "contact"),
        mine: record.adviser_id == session.user.id,
        script: primary.map(|s| script_view(kb, s)),
        line,
        also,
        next_stage: record.stage.next(),
        force: force.map(|f| (f.name.get(ctx.ui).clone(), record.force.is_some())),
        started: ctx.tr().when(&record.started_at),
        advice,
        agencies,
        stages: Stage::ALL
            .into_iter()
            .filter(|s| *s != Stage::Any)
            .collect(),
        outcomes: ContactOutcome::ALL.iter().map(|o| o.as_str()).collect(),
        questions: crate::assistant::satisfaction::questions(kb, lang),
        needs,
        forces,
        query: query.q,
        results,
        record,
    }))
}

#[derive(Template)]
#[template(path = "contacts.html")]
struct ListPage {
    chrome: Chrome,
    rows: Vec<Row>,
    status: String,
    channel: String,
    channels: Vec<&'static str>,
}

/// A contact as listed.
struct Row {
    id: i64,
    started: String,
    channel: &'static str,
    caller_type: &'static str,
    caller_lang: Lang,
    open: bool,
    stage: Stage,
    outcome: Option<&'static str>,
    about: Vec<String>,
    summary: String,
}

/// Filters of the contacts list.
#[derive(Debug, Default, Deserialize)]
pub struct ListQuery {
    /// `open`, `closed` or empty (both).
    #[serde(default)]
    status: String,
    /// A channel, or empty (all).
    #[serde(default)]
    channel: String,
}

/// `GET /contacts`: the adviser's open and recent contacts.
pub async fn list(
    CurrentUser(session): CurrentUser,
    ctx: Ctx,
    State(state): State<Arc<AppState>>,
    Query(f): Query<ListQuery>,
) -> AppResult<Response> {
    let t = ctx.tr();
    let rows = contacts::mine(&*state.store, &session.user)
        .await?
        .into_iter()
        .filter(|r| match f.status.as_str() {
            "open" => !r.ended(),
            "closed" => r.ended(),
            _ => true,
        })
        .filter(|r| f.channel.is_empty() || r.channel.as_str() == f.channel)
        .map(|r| Row {
            id: r.id,
            started: t.when(&r.started_at),
            channel: r.channel.as_str(),
            caller_type: r.caller_type.as_str(),
            caller_lang: r.caller_lang,
            open: !r.ended(),
            stage: r.stage,
            outcome: r.outcome.map(|o| o.as_str()),
            about: r
                .conversation
                .intents()
                .iter()
                .map(|f| f.name.clone())
                .collect(),
            summary: r.summary.clone(),
        })
        .collect();
    Ok(render(&ListPage {
        chrome: Chrome::new(&ctx, "contacts"),
        rows,
        status: f.status,
        channel: f.channel,
        channels: Channel::ALL.iter().map(|c| c.as_str()).collect(),
    }))
}

/// Back to the contact, at a panel (`None`: the first screen, where the
/// conversation box takes the focus).
fn back(id: i64, panel: Option<&str>) -> Response {
    let to = match panel {
        Some(p) => format!("/console/contacts/{id}#{p}"),
        None => format!("/console/contacts/{id}"),
    };
    Redirect::to(&to).into_response()
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
    contacts::add_turn(
        &*state.store,
        &state.heard,
        state.published(),
        &session.user,
        id,
        &f.text,
    )
    .await?;
    Ok(back(id, None))
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
    // Moving on goes back to the conversation; ticking stays on the list.
    let panel = f.go.is_none().then_some("p-checklist");
    Ok(back(id, panel))
}

/// The force and the adviser's summary.
#[derive(Deserialize)]
pub struct DetailsForm {
    version: i64,
    #[serde(default)]
    force: String,
    #[serde(default)]
    summary: String,
}

/// `POST /contacts/{id}/details`.
pub async fn details(
    CurrentUser(session): CurrentUser,
    State(state): State<Arc<AppState>>,
    Path(id): Path<i64>,
    Form(f): Form<DetailsForm>,
) -> AppResult<Response> {
    let update = ContactUpdate {
        version: f.version,
        force: Some(f.force),
        summary: Some(f.summary),
        ..ContactUpdate::default()
    };
    let kb = &state.published().kb;
    contacts::update(&*state.store, kb, &session.user, id, update).await?;
    Ok(back(id, Some("p-details")))
}

/// One click on "referred".
#[derive(Deserialize)]
pub struct ReferForm {
    agency: String,
    /// `false` takes the referral back.
    #[serde(default = "yes")]
    referred: bool,
}

fn yes() -> bool {
    true
}

/// `POST /contacts/{id}/referrals`.
pub async fn refer(
    CurrentUser(session): CurrentUser,
    State(state): State<Arc<AppState>>,
    Path(id): Path<i64>,
    Form(f): Form<ReferForm>,
) -> AppResult<Response> {
    let kb = &state.published().kb;
    contacts::refer(&*state.store, kb, &session.user, id, &f.agency, f.referred).await?;
    Ok(back(id, Some("p-advice")))
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
    Ok(back(id, Some("p-needs")))
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
    Ok(back(id, Some("record")))
}

/// `POST /contacts/{id}/actions/{n}/done`.
pub async fn action_done(
    CurrentUser(session): CurrentUser,
    State(state): State<Arc<AppState>>,
    Path((id, n)): Path<(i64, usize)>,
) -> AppResult<Response> {
    contacts::complete_action(&*state.store, &session.user, id, n).await?;
    Ok(back(id, Some("record")))
}
