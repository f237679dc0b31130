//! Letters and review timing for a contact, in the console, over
//! [`contacts::draft`]. One GET form
//! (changes nothing) chooses the letter, the force and the review dates and
//! fills or corrects the details; the preview is then editable and saved
//! with the contact by a POST.

use std::collections::HashMap;
use std::sync::Arc;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::Form;
use chrono::NaiveDate;
use serde::Deserialize;

use crate::assistant::contact::ContactRecord;
use crate::assistant::letters::{self, Letter};
use crate::assistant::review_time::ReviewTiming;
use crate::contacts::{self, DraftRequest};
use crate::i18n::Tr;
use crate::knowledge::Force;
use crate::lang::Lang;
use crate::web::context::Ctx;
use crate::web::error::{AppError, AppResult};
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
    /// A date input.
    date: bool,
    /// The value is not a date.
    invalid: bool,
}

/// A letter variable's label in the interface language: words, never the
/// variable's name.
fn variable_label(t: &Tr, name: &str) -> String {
    t.tag("letter-var", &name.replace('_', "-"))
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
    /// Whether the letter uses the review timing.
    uses_timing: bool,
    /// What is still missing, once the adviser has asked for a preview
    /// (nothing is an error before they have done anything).
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
    let record = contacts::load(&*state.store, &session.user, id).await?;
    let published = state.published();
    let kb = &published.kb;
    let request = DraftRequest {
        template: params.get("template").cloned(),
        lang: None,
        force: params.get("force").cloned(),
        outcome_date: date(&params, "outcome_date")?,
        request_date: date(&params, "request_date")?,
        reasons: params.get("reasons").cloned().unwrap_or_default(),
        // What the adviser typed, as `v_<variable>`.
        values: params
            .iter()
            .filter_map(|(k, v)| Some((k.strip_prefix("v_")?.to_string(), v.clone())))
            .collect(),
    };
    let (outcome_date, request_date, reasons) = (
        request.outcome_date,
        request.request_date,
        request.reasons.clone(),
    );
    let today = chrono::Utc::now().date_naive();
    let draft = contacts::draft(kb, &record, session.user.display_name(), request, today)?;

    let t = ctx.tr();
    let lang = draft.lang;
    let templates = contacts::template_ids(kb)
        .into_iter()
        .map(|id| Choice {
            value: id.to_string(),
            label: letters::outline(kb, id, lang),
            selected: id == draft.template,
        })
        .collect();
    let mut forces: Vec<Choice> = kb
        .forces
        .iter()
        .map(|f| Choice {
            value: f.id.clone(),
            // Both names, so typing either finds it.
            label: format!("{} ({})", f.name.get(lang), f.name.get(lang.other())),
            selected: draft.force.as_ref().is_some_and(|x| x.id == f.id),
        })
        .collect();
    forces.sort_by_key(|c| crate::analysis::fold(&c.label));
    let fields: Vec<Field> = draft
        .fields
        .iter()
        // The timing's own fields say those.
        .filter(|(name, _)| name != "reasons")
        .map(|(name, value)| Field {
            label: variable_label(&t, name),
            name: name.clone(),
            value: value.clone(),
            date: letters::is_date_variable(name),
            invalid: draft.invalid.contains(name),
        })
        .collect();
    let uses_timing = draft
        .fields
        .iter()
        .any(|(name, _)| letters::TIMING_VARIABLES.contains(&name.as_str()));
    let asked = params.contains_key("preview");
    Ok(render(&LetterPage {
        chrome: Chrome::new(&ctx, "contact"),
        record,
        templates,
        forces,
        force: draft.force,
        outcome_date: outcome_date.map(|d| d.to_string()).unwrap_or_default(),
        request_date: request_date.map(|d| d.to_string()).unwrap_or_default(),
        reasons,
        timing: draft.timing,
        fields,
        uses_timing,
        missing: if asked {
            draft
                .missing
                .iter()
                .map(|n| variable_label(&t, n))
                .collect()
        } else {
            Vec::new()
        },
        preview: draft.letter,
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
    let letter = Letter {
        template: f.template,
        lang: f.lang,
        subject: f.subject,
        body: f.body,
    };
    let kb = &state.published().kb;
    contacts::save_letter(&*state.store, kb, &session.user, id, f.version, letter).await?;
    Ok(Redirect::to(&format!("/console/contacts/{id}#p-letters")).into_response())
}

#[derive(Template)]
#[template(path = "letter_print.html")]
struct PrintPage {
    chrome: Chrome,
    record_id: i64,
    letter: Letter,
}

/// `GET /contacts/{id}/letters/{n}`: a saved letter alone, to print.
pub async fn print(
    CurrentUser(session): CurrentUser,
    ctx: Ctx,
    State(state): State<Arc<AppState>>,
    Path((id, n)): Path<(i64, usize)>,
) -> AppResult<Response> {
    let record = contacts::load(&*state.store, &session.user, id).await?;
    let letter = record.letters.get(n).cloned().ok_or(AppError::NotFound)?;
    Ok(render(&PrintPage {
        chrome: Chrome::new(&ctx, "contact"),
        record_id: record.id,
        letter,
    }))
}
