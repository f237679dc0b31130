//! Letters and review timing for a contact, in the console. One GET form
//! (changes nothing) chooses the letter, the force and the review dates and
//! fills or corrects the details; the preview is then editable and saved
//! with the contact by a POST.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::Form;
use chrono::NaiveDate;
use serde::Deserialize;

use crate::assistant::contact::ContactRecord;
use crate::assistant::letters::{self, Letter, LetterError, LetterFacts};
use crate::assistant::review_time::{self, ReviewTiming};
use crate::knowledge::Force;
use crate::lang::Lang;
use crate::web::contacts::{self as ops, load};
use crate::web::context::Ctx;
use crate::web::error::{AppError, AppResult};
use crate::web::i18n::Tr;
use crate::web::page::{Chrome, render};
use crate::web::session::CurrentUser;
use crate::web::state::AppState;

/// A `<select>` choice.
pub struct Choice {
    value: String,
    label: String,
    selected: bool,
}

/// One variable's input.
pub struct Field {
    name: String,
    label: String,
    value: String,
}

/// A letter variable's label in the interface language, with its name
/// (which is how the template refers to it).
fn variable_label(t: &Tr, name: &str) -> String {
    format!("{} ({name})", t.tag("letter-var", &name.replace('_', "-")))
}

#[derive(Template)]
#[template(path = "contact_letter.html")]
struct LetterPage {
    chrome: Chrome,
    record: ContactRecord,
    templates: Vec<Choice>,
    forces: Vec<Choice>,
    force: Option<Force>,
    outcome_date: String,
    request_date: String,
    reasons: String,
    timing: Option<ReviewTiming>,
    fields: Vec<Field>,
    missing: Vec<String>,
    preview: Option<Letter>,
}

impl LetterPage {
    fn timing_text(&self, t: &Tr) -> String {
        let Some(timing) = &self.timing else {
            return String::new();
        };
        let deadline = letters::format_date(timing.deadline, t.lang);
        if timing.in_time {
            t.t2(
                "contact-timing-in-time",
                "day",
                u64::from(timing.day),
                "deadline",
                deadline,
            )
        } else {
            t.t2(
                "contact-timing-late",
                "days",
                u64::from(timing.days_late),
                "deadline",
                deadline,
            )
        }
    }
}

/// A letter's name for the chooser: its subject line with "…" for the
/// details, in the caller's language.
fn template_label(kb: &crate::knowledge::KnowledgeBase, id: &str, lang: Lang) -> String {
    let Some(t) = kb.templates.iter().find(|t| t.id == id && t.lang == lang) else {
        return id.to_string();
    };
    let dots: BTreeMap<String, String> = t
        .variables
        .iter()
        .map(|v| (v.clone(), "…".to_string()))
        .collect();
    letters::render(kb, id, lang, &dots)
        .map(|l| l.subject)
        .unwrap_or_else(|_| id.to_string())
}

fn date(params: &HashMap<String, String>, key: &'static str) -> AppResult<Option<NaiveDate>> {
    match params.get(key).map(|s| s.trim()).filter(|s| !s.is_empty()) {
        Some(s) => s.parse().map(Some).map_err(|_| AppError::BadParameter(key)),
        None => Ok(None),
    }
}

/// `GET /contacts/{id}/letter`.
pub async fn page(
    CurrentUser(session): CurrentUser,
    ctx: Ctx,
    State(state): State<Arc<AppState>>,
    Path(id): Path<i64>,
    Query(params): Query<HashMap<String, String>>,
) -> AppResult<Response> {
    let record = load(&state, &session, id).await?;
    let published = state.published();
    let kb = &published.kb;
    let lang = record.caller_lang;
    let t = ctx.tr();

    let ids: BTreeSet<&str> = kb.templates.iter().map(|t| t.id.as_str()).collect();
    let template = params
        .get("template")
        .filter(|t| ids.contains(t.as_str()))
        .cloned()
        .unwrap_or_else(|| ids.iter().next().copied().unwrap_or_default().to_string());
    let force: Option<&Force> = params
        .get("force")
        .and_then(|id| kb.forces.iter().find(|f| &f.id == id));

    let rules = kb.review_rules.as_ref();
    let (outcome, request) = (
        date(&params, "outcome_date")?,
        date(&params, "request_date")?,
    );
    let reasons = params.get("reasons").cloned().unwrap_or_default();
    let timing = match (rules, outcome, request) {
        (Some(r), Some(o), Some(q)) => Some(
            review_time::assess(r, o, q, &reasons).map_err(|_| AppError::RequestBeforeOutcome)?,
        ),
        _ => None,
    };

    let confirmed: Vec<String> = record
        .adjustments
        .iter()
        .filter(|a| a.confirmed)
        .filter_map(|a| kb.adjustments.iter().find(|k| k.id == a.id))
        .map(|k| k.name.get(lang).clone())
        .collect();
    let caller_t = Tr::new(lang);
    let format_note = if confirmed.is_empty() {
        caller_t.t("letter-format-default")
    } else {
        caller_t.t1("letter-format-adjustments", "names", confirmed.join(", "))
    };
    let mut values = letters::prefill(&LetterFacts {
        record: &record,
        force,
        timing: timing.as_ref(),
        adviser_name: &session.user.name,
        today: chrono::Utc::now().date_naive(),
        format_note: &format_note,
        lang,
    });
    if !reasons.trim().is_empty() {
        values.insert("reasons".into(), reasons.clone());
    }
    // What the adviser typed wins over what was worked out.
    for (k, v) in &params {
        if let Some(name) = k.strip_prefix("v_")
            && !v.trim().is_empty()
        {
            values.insert(name.to_string(), v.clone());
        }
    }
    let variables: BTreeSet<String> = kb
        .templates
        .iter()
        .find(|t| t.id == template && t.lang == lang)
        .map(|t| t.variables.clone())
        .unwrap_or_default();
    let fields = variables
        .iter()
        .map(|name| Field {
            label: variable_label(&t, name),
            name: name.clone(),
            value: values.get(name).cloned().unwrap_or_default(),
        })
        .collect();
    let wanted: BTreeMap<String, String> = values
        .into_iter()
        .filter(|(k, _)| variables.contains(k))
        .collect();
    let (preview, missing) = match letters::render(kb, &template, lang, &wanted) {
        Ok(l) => (Some(l), Vec::new()),
        Err(LetterError::Missing(m)) | Err(LetterError::Empty(m)) => (
            None,
            m.iter().map(|name| variable_label(&t, name)).collect(),
        ),
        Err(_) => return Err(AppError::NotFound),
    };
    let templates = ids
        .iter()
        .map(|id| Choice {
            value: id.to_string(),
            label: template_label(kb, id, lang),
            selected: *id == template,
        })
        .collect();
    let mut forces: Vec<Choice> = kb
        .forces
        .iter()
        .map(|f| Choice {
            value: f.id.clone(),
            // Both names, so typing either finds it.
            label: format!("{} ({})", f.name.get(lang), f.name.get(lang.other())),
            selected: force.is_some_and(|x| x.id == f.id),
        })
        .collect();
    forces.sort_by_key(|c| crate::analysis::fold(&c.label));
    Ok(render(&LetterPage {
        chrome: Chrome::new(&ctx, "contact"),
        record,
        templates,
        forces,
        force: force.cloned(),
        outcome_date: outcome.map(|d| d.to_string()).unwrap_or_default(),
        request_date: request.map(|d| d.to_string()).unwrap_or_default(),
        reasons,
        timing,
        fields,
        missing,
        preview,
    }))
}

/// The letter as the adviser left it.
#[derive(Deserialize)]
pub struct SaveForm {
    version: i64,
    template: String,
    lang: Lang,
    subject: String,
    body: String,
}

/// `POST /contacts/{id}/letters`.
pub async fn save(
    CurrentUser(session): CurrentUser,
    State(state): State<Arc<AppState>>,
    Path(id): Path<i64>,
    Form(f): Form<SaveForm>,
) -> AppResult<Response> {
    let published = state.published();
    if !published.kb.templates.iter().any(|t| t.id == f.template) {
        return Err(AppError::BadParameter("template"));
    }
    let letter = Letter {
        template: f.template,
        lang: f.lang,
        subject: f.subject,
        body: f.body,
    };
    ops::save_letter(&state, &session, id, f.version, letter).await?;
    Ok(Redirect::to(&format!("/contacts/{id}#record")).into_response())
}
