//! `/cy/canllaw/{flow}`, `/en/guide/{flow}`: guided flows, built on GOV.UK
//! Design System patterns: a start page, one question per page with a back
//! link, check your answers, and a result with next steps and who can help.
//! The answers travel in the address (`?a=0.2`), so every step works
//! without JavaScript, cookies or a session, and nothing is stored.

use std::sync::Arc;

use askama::Template;
use axum::Extension;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::knowledge::walk::{Position, Walk, format_answers, parse_answers};
use crate::knowledge::{Audience, Flow, Kind, KnowledgeBase};
use crate::lang::Lang;
use crate::web::context::Ctx;
use crate::web::error::{AppError, AppResult};
use crate::web::page::render;
use crate::web::site::{Place, Site, Step};
use crate::web::state::AppState;
use crate::web::views::{Link, public_link};

/// `?a=` (the answers so far) and, from a question's form, `choice`.
#[derive(Debug, Default, Deserialize)]
pub struct StepParams {
    #[serde(default)]
    a: String,
    choice: Option<String>,
    /// The answer given before, when coming back to change it (shown
    /// chosen).
    was: Option<usize>,
    /// When changing an answer: all the answers given before, so the
    /// questions they answered are not asked again.
    #[serde(default)]
    from: String,
    /// Set by the question's form, so an empty answer can be told apart
    /// from arriving at the question.
    sent: Option<String>,
}

/// A public flow by id; internal flows do not exist here.
fn public_flow<'a>(kb: &'a KnowledgeBase, id: &str) -> AppResult<&'a Flow> {
    kb.flows
        .iter()
        .find(|f| f.id == id && f.audience == Audience::Public)
        .ok_or(AppError::NotFound)
}

/// The public flow `id` walked along the answers in the address.
fn walked<'a>(
    kb: &'a KnowledgeBase,
    id: &str,
    a: &str,
) -> AppResult<(&'a Flow, Vec<usize>, Walk<'a>)> {
    let flow = public_flow(kb, id)?;
    let answers = parse_answers(a)?;
    let walk = flow.walk(&answers)?;
    Ok((flow, answers, walk))
}

#[derive(Template)]
#[template(path = "public/flow_start.html")]
struct StartPage {
    site: Site,
    title: String,
    start: String,
}

/// `GET …/{flow}`: what the flow is for, and the way in.
pub async fn start(
    ctx: Ctx,
    State(state): State<Arc<AppState>>,
    Extension(lang): Extension<Lang>,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let kb = &state.published().kb;
    let flow = public_flow(kb, &id)?;
    Ok(render(&StartPage {
        site: Site::new(&ctx, lang, Place::Flow, Some(&flow.id)),
        title: flow.title.get(lang).clone(),
        start: Step::Question.href(lang, &flow.id, ""),
    }))
}

/// A radio button.
pub struct Choice {
    value: usize,
    label: String,
    checked: bool,
}

#[derive(Template)]
#[template(path = "public/flow_question.html")]
struct QuestionPage {
    site: Site,
    flow_title: String,
    number: usize,
    question: String,
    help: Option<String>,
    choices: Vec<Choice>,
    answers: String,
    /// All the answers, when this question is being changed.
    from: String,
    action: String,
    back: String,
    error: Option<String>,
}

/// `GET …/{flow}/{question}`: the question the answers so far lead to; with
/// `choice`, records it in the address and moves on.
pub async fn question(
    State(state): State<Arc<AppState>>,
    Extension(lang): Extension<Lang>,
    Path(id): Path<String>,
    Query(p): Query<StepParams>,
) -> AppResult<Response> {
    let published = state.published();
    let (flow, mut answers, walk) = walked(&published.kb, &id, &p.a)?;
    let Position::Question(q) = walk.at else {
        return Ok(Redirect::to(&Step::Check.href(lang, &flow.id, &p.a)).into_response());
    };
    if let Some(choice) = p.choice.as_deref() {
        let n = choice
            .parse::<usize>()
            .ok()
            .filter(|n| *n < q.answers.len())
            .ok_or(AppError::BadParameter("choice"))?;
        answers.push(n);
        if !p.from.is_empty() {
            answers = flow.resume(&answers, &parse_answers(&p.from)?)?;
        }
        let a = format_answers(&answers);
        let next = match flow.walk(&answers)?.at {
            Position::Question(_) => Step::Question,
            Position::Outcome(_) => Step::Check,
        };
        return Ok(Redirect::to(&next.href(lang, &flow.id, &a)).into_response());
    }
    let site = Site::step(lang, Step::Question, &flow.id, &p.a);
    // Changing an answer is a detour from checking them: back goes there.
    let changing = parse_answers(&p.from).ok().filter(|f| !f.is_empty());
    let back = match (changing, answers.split_last()) {
        (Some(from), _) => Step::Check.href(lang, &flow.id, &format_answers(&from)),
        (None, Some((_, before))) => Step::Question.href(lang, &flow.id, &format_answers(before)),
        (None, None) => Place::Flow.href(lang, Some(&flow.id), None),
    };
    let error = p.sent.is_some().then(|| site.t.t("pub-flow-choose"));
    let page = render(&QuestionPage {
        flow_title: flow.title.get(lang).clone(),
        number: answers.len() + 1,
        question: q.text.get(lang).clone(),
        help: q.help.as_ref().map(|h| h.get(lang).clone()),
        choices: q
            .answers
            .iter()
            .enumerate()
            .map(|(value, a)| Choice {
                value,
                label: a.label.get(lang).clone(),
                checked: p.was == Some(value),
            })
            .collect(),
        answers: p.a.clone(),
        from: p.from.clone(),
        action: Step::Question.path(lang, &flow.id),
        back,
        error: error.clone(),
        site,
    });
    Ok(if error.is_some() {
        (StatusCode::BAD_REQUEST, page).into_response()
    } else {
        page
    })
}

/// A question and the answer given, with the way to change it.
pub struct Row {
    question: String,
    answer: String,
    change: String,
}

#[derive(Template)]
#[template(path = "public/flow_check.html")]
struct CheckPage {
    site: Site,
    flow_title: String,
    rows: Vec<Row>,
    result: String,
    back: String,
}

/// `GET …/{flow}/check-answers`: every answer, each with a change link.
pub async fn check(
    State(state): State<Arc<AppState>>,
    Extension(lang): Extension<Lang>,
    Path(id): Path<String>,
    Query(p): Query<StepParams>,
) -> AppResult<Response> {
    let published = state.published();
    let (flow, answers, walk) = walked(&published.kb, &id, &p.a)?;
    if let Position::Question(_) = walk.at {
        return Ok(Redirect::to(&Step::Question.href(lang, &flow.id, &p.a)).into_response());
    }
    let rows = walk
        .answered
        .iter()
        .enumerate()
        .map(|(i, (q, a))| Row {
            question: q.text.get(lang).clone(),
            answer: a.label.get(lang).clone(),
            change: format!(
                "{}&was={}&from={}",
                Step::Question.href(lang, &flow.id, &format_answers(&answers[..i])),
                answers[i],
                format_answers(&answers)
            ),
        })
        .collect();
    let before = &answers[..answers.len().saturating_sub(1)];
    Ok(render(&CheckPage {
        site: Site::step(lang, Step::Check, &flow.id, &p.a),
        flow_title: flow.title.get(lang).clone(),
        rows,
        result: Step::Result.href(lang, &flow.id, &p.a),
        back: Step::Question.href(lang, &flow.id, &format_answers(before)),
    }))
}

#[derive(Template)]
#[template(path = "public/flow_result.html")]
struct ResultPage {
    site: Site,
    flow_title: String,
    text: String,
    articles: Vec<Link>,
    agencies: Vec<Link>,
    /// Whether to offer the review deadline checker.
    checker: bool,
    again: String,
    back: String,
}

/// `GET …/{flow}/result`: the outcome, what to read next and who can help.
pub async fn result(
    State(state): State<Arc<AppState>>,
    Extension(lang): Extension<Lang>,
    Path(id): Path<String>,
    Query(p): Query<StepParams>,
) -> AppResult<Response> {
    let published = state.published();
    let kb = &published.kb;
    let (flow, _, walk) = walked(kb, &id, &p.a)?;
    let Position::Outcome(outcome) = walk.at else {
        return Ok(Redirect::to(&Step::Question.href(lang, &flow.id, &p.a)).into_response());
    };
    let link = |kind: Kind, id: &String| public_link(kb, kind, id, lang);
    Ok(render(&ResultPage {
        site: Site::step(lang, Step::Result, &flow.id, &p.a),
        flow_title: flow.title.get(lang).clone(),
        text: outcome.text.get(lang).clone(),
        checker: outcome
            .articles
            .iter()
            .any(|a| a == super::DEADLINE_ARTICLE),
        articles: outcome
            .articles
            .iter()
            .filter_map(|id| link(Kind::Article, id))
            .collect(),
        agencies: outcome
            .agencies
            .iter()
            .filter_map(|id| link(Kind::Agency, id))
            .collect(),
        again: Place::Flow.href(lang, Some(&flow.id), None),
        back: Step::Check.href(lang, &flow.id, &p.a),
    }))
}
