//! `/console/problems`: the problem log. The list, with the candidates the
//! records suggest; a problem's page, with its options, decision, change
//! and follow-up. Rules and figures are in `crate::problems`.

use std::sync::Arc;

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::i18n::{Tr, uk_today};
use crate::knowledge::KnowledgeBase;
use crate::problems::{
    self, Candidate, Edit, FollowUp, Problem, ProblemError, ProblemOption, Source,
};
use crate::web::context::Ctx;
use crate::web::error::{AppError, AppResult};
use crate::web::page::{Chrome, render};
use crate::web::session::Manager;
use crate::web::state::AppState;

/// What a problem is about, in the reader's language.
fn source_text(kb: &KnowledgeBase, t: &Tr, source: &Source) -> String {
    match source {
        Source::Intent { id } => {
            let name = kb
                .signal_rules
                .as_ref()
                .and_then(|r| r.intents.iter().find(|s| s.id == *id))
                .map_or_else(|| id.clone(), |s| s.name.get(t.lang).clone());
            t.t1("problem-source-intent", "name", name)
        }
        Source::Search { query, lang } => t.t2(
            "problem-source-search",
            "query",
            query.clone(),
            "lang",
            t.lang_name(lang),
        ),
        Source::Other => t.t("problem-source-other"),
    }
}

/// A candidate as the list shows it, with the form that opens it.
struct CandidateRow {
    what: String,
    figures: String,
    kind: &'static str,
    key: String,
    lang: &'static str,
}

struct ProblemRow {
    id: i64,
    title: String,
    what: String,
    opened: String,
    stage: String,
}

#[derive(Template)]
#[template(path = "problems.html")]
struct ListPage {
    chrome: Chrome,
    problems: Vec<ProblemRow>,
    candidates: Vec<CandidateRow>,
}

fn stage(t: &Tr, p: &Problem) -> String {
    t.t(if p.changed_on.is_some() {
        "problem-stage-changed"
    } else if p.chosen.is_some() {
        "problem-stage-chosen"
    } else if !p.options.is_empty() {
        "problem-stage-options"
    } else {
        "problem-stage-open"
    })
}

/// `GET /console/problems`.
pub async fn list(
    Manager(session): Manager,
    ctx: Ctx,
    State(state): State<Arc<AppState>>,
) -> AppResult<Response> {
    let t = ctx.tr();
    let today = uk_today();
    let store = &*state.store;
    let published = state.published();
    let kb = &published.kb;
    let found = problems::candidates(store, &session.user, today).await?;
    let logged = problems::list(store, &session.user).await?;
    let candidates = found
        .iter()
        .map(|c: &Candidate| {
            let (kind, key, lang) = match &c.source {
                Source::Intent { id } => ("intent", id.clone(), ""),
                Source::Search { query, lang } => ("search", query.clone(), lang.code()),
                Source::Other => ("other", String::new(), ""),
            };
            let figures = match c.before {
                Some(before) => t.t2("problem-candidate-intent", "now", c.count, "before", before),
                None if c.abandoned => t.t1("problem-candidate-abandoned", "count", c.count),
                None => t.t1("problem-candidate-failed", "count", c.count),
            };
            CandidateRow {
                what: source_text(kb, &t, &c.source),
                figures,
                kind,
                key,
                lang,
            }
        })
        .collect();
    let problems = logged
        .iter()
        .map(|p| ProblemRow {
            id: p.id,
            title: p.title.clone(),
            what: source_text(kb, &t, &p.source),
            opened: t.t2(
                "problem-opened",
                "who",
                p.opened_by.clone(),
                "day",
                t.date(p.opened_on),
            ),
            stage: stage(&t, p),
        })
        .collect();
    Ok(render(&ListPage {
        chrome: Chrome::new(&ctx, "problems"),
        problems,
        candidates,
    }))
}

/// The form that opens a problem.
#[derive(Debug, Deserialize)]
pub struct OpenForm {
    title: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    key: String,
    #[serde(default)]
    lang: String,
}

/// `POST /console/problems`: opens a problem and goes to it.
pub async fn open(
    Manager(session): Manager,
    State(state): State<Arc<AppState>>,
    Form(f): Form<OpenForm>,
) -> AppResult<Response> {
    let source = match f.kind.as_str() {
        "intent" if !f.key.is_empty() => Source::Intent { id: f.key },
        "search" if !f.key.is_empty() => Source::Search {
            query: f.key,
            lang: f.lang.parse().map_err(|_| AppError::BadParameter("lang"))?,
        },
        "" | "other" => Source::Other,
        _ => return Err(AppError::BadParameter("kind")),
    };
    let p = problems::open(&*state.store, &session.user, &f.title, source, uk_today()).await?;
    Ok(Redirect::to(&format!("{}/{}", super::PROBLEMS, p.id)).into_response())
}

/// The follow-up, as the page shows it: rows of (what, before, since).
struct FollowRows {
    intro: String,
    rows: Vec<(String, String, String)>,
}

fn follow_rows(t: &Tr, f: &FollowUp) -> Option<FollowRows> {
    let tenths = |n: u64| format!("{}.{}", n / 10, n % 10);
    let pct = |s: crate::reporting::Share| {
        s.percent()
            .map_or_else(|| "–".to_string(), |p| format!("{p}%"))
    };
    match f {
        FollowUp::NotYet => None,
        FollowUp::Intent { before, after } => Some(FollowRows {
            intro: t.t2(
                "problem-follow-intent",
                "before",
                format!("{} – {}", t.date(before.from), t.date(before.to)),
                "after",
                format!("{} – {}", t.date(after.from), t.date(after.to)),
            ),
            rows: vec![
                (
                    t.t("problem-follow-contacts"),
                    before.contacts.to_string(),
                    after.contacts.to_string(),
                ),
                (
                    t.t("problem-follow-per-day"),
                    tenths(before.per_day_tenths()),
                    tenths(after.per_day_tenths()),
                ),
                (
                    t.t("problem-follow-fcr"),
                    pct(before.resolved),
                    pct(after.resolved),
                ),
            ],
        }),
        FollowUp::Search {
            before,
            since,
            days,
        } => Some(FollowRows {
            intro: t.t1("problem-follow-search", "days", *days),
            rows: vec![(
                t.t("problem-follow-failed"),
                before.to_string(),
                since.to_string(),
            )],
        }),
        FollowUp::Unmeasured => Some(FollowRows {
            intro: t.t("problem-follow-unmeasured"),
            rows: Vec::new(),
        }),
    }
}

#[derive(Template)]
#[template(path = "problem.html")]
struct ProblemPage {
    chrome: Chrome,
    problem: Problem,
    what: String,
    opened: String,
    /// The options shown: the problem's, then one empty to add.
    options: Vec<ProblemOption>,
    follow: Option<FollowRows>,
    saved: bool,
    /// Mistakes, as (field id, message).
    errors: Vec<(&'static str, String)>,
}

impl ProblemPage {
    fn is_chosen(&self, i: &usize) -> bool {
        self.problem.chosen == Some(*i)
    }

    fn changed_on(&self) -> String {
        self.problem
            .changed_on
            .map(|d| d.to_string())
            .unwrap_or_default()
    }
}

/// `?saved=1` after a save.
#[derive(Debug, Default, Deserialize)]
pub struct Shown {
    #[serde(default)]
    saved: Option<String>,
}

async fn page(
    state: &AppState,
    ctx: &Ctx,
    session: &crate::store::Session,
    problem: Problem,
    saved: bool,
    errors: Vec<(&'static str, String)>,
) -> AppResult<Response> {
    let t = ctx.tr();
    let follow = problems::follow_up(&*state.store, &session.user, &problem, uk_today()).await?;
    let mut options = problem.options.clone();
    options.push(ProblemOption::default());
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok((
        status,
        render(&ProblemPage {
            chrome: Chrome::new(ctx, "problems"),
            what: source_text(&state.published().kb, &t, &problem.source),
            opened: t.t2(
                "problem-opened",
                "who",
                problem.opened_by.clone(),
                "day",
                t.date(problem.opened_on),
            ),
            follow: follow_rows(&t, &follow),
            options,
            problem,
            saved,
            errors,
        }),
    )
        .into_response())
}

/// `GET /console/problems/{id}`.
pub async fn show(
    Manager(session): Manager,
    ctx: Ctx,
    State(state): State<Arc<AppState>>,
    Path(id): Path<i64>,
    Query(shown): Query<Shown>,
) -> AppResult<Response> {
    let problem = problems::get(&*state.store, &session.user, id).await?;
    page(
        &state,
        &ctx,
        &session,
        problem,
        shown.saved.is_some(),
        Vec::new(),
    )
    .await
}

/// The problem form: `title`, `description`, `option-N-text` (`-pros`,
/// `-cons`), `chosen` (an option's N, or `none`), `approved_by`, `change`,
/// `changed_on`, and the `version` it was read at.
fn edit_from(fields: &[(String, String)]) -> AppResult<(i64, Edit)> {
    let get = |name: &str| {
        fields
            .iter()
            .find(|(k, _)| k == name)
            .map_or("", |(_, v)| v.as_str())
    };
    let version = get("version")
        .parse()
        .map_err(|_| AppError::BadParameter("version"))?;
    let mut options: Vec<ProblemOption> = Vec::new();
    for n in 0..=problems::MAX_OPTIONS {
        let field = |part: &str| get(&format!("option-{n}-{part}")).to_string();
        options.push(ProblemOption {
            text: field("text"),
            pros: field("pros"),
            cons: field("cons"),
        });
    }
    while options
        .last()
        .is_some_and(|o| o == &ProblemOption::default())
    {
        options.pop();
    }
    let chosen = match get("chosen") {
        "" | "none" => None,
        n => Some(n.parse().map_err(|_| AppError::BadParameter("chosen"))?),
    };
    let changed_on = match get("changed_on").trim() {
        "" => None,
        d => Some(
            d.parse()
                .map_err(|_| AppError::BadParameter("changed_on"))?,
        ),
    };
    Ok((
        version,
        Edit {
            title: get("title").to_string(),
            description: get("description").to_string(),
            options,
            chosen,
            approved_by: get("approved_by").to_string(),
            change: get("change").to_string(),
            changed_on,
        },
    ))
}

/// `POST /console/problems/{id}`: saves the form; mistakes come back on
/// the page, beside what was typed.
pub async fn save(
    Manager(session): Manager,
    ctx: Ctx,
    State(state): State<Arc<AppState>>,
    Path(id): Path<i64>,
    Form(fields): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let (version, edit) = edit_from(&fields)?;
    let today = uk_today();
    match problems::save(
        &*state.store,
        &session.user,
        id,
        version,
        edit.clone(),
        today,
    )
    .await
    {
        Ok(p) => Ok(Redirect::to(&format!("{}/{}?saved=1", super::PROBLEMS, p.id)).into_response()),
        Err(ProblemError::Invalid(wrong)) => {
            let t = ctx.tr();
            let mut shown = problems::get(&*state.store, &session.user, id).await?;
            // What was typed stays on the page.
            shown.title = edit.title;
            shown.description = edit.description;
            shown.options = edit.options;
            shown.chosen = edit.chosen;
            shown.approved_by = edit.approved_by;
            shown.change = edit.change;
            shown.changed_on = edit.changed_on;
            let errors = wrong
                .into_iter()
                .map(|(field, id)| (field, t.t(id)))
                .collect();
            page(&state, &ctx, &session, shown, false, errors).await
        }
        Err(e) => Err(e.into()),
    }
}
