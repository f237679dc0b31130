//! Drafting a letter for a contact: choose the template, fill in what the
//! contact already knows (the caller's name and reference, the force, the
//! review timing from the dates, the format the caller agreed to), let what
//! the adviser typed win, and render the preview or say what is missing.
//! The console's letter page and the API's letter endpoint both call
//! [`draft`].

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::{ContactError, ContactResult};
use crate::assistant::contact::ContactRecord;
use crate::assistant::letters::{self, Letter, LetterError, LetterFacts};
use crate::assistant::review_time::{self, ReviewTiming};
use crate::i18n::Tr;
use crate::knowledge::{Force, KnowledgeBase};
use crate::lang::Lang;

/// What the adviser chose and typed.
#[derive(Debug, Default, Clone)]
pub struct DraftRequest {
    /// Template id; `None` takes the first template.
    pub template: Option<String>,
    /// The letter's language; `None` is the caller's.
    pub lang: Option<Lang>,
    /// The force the letter is about (an id; unknown ids are ignored).
    pub force: Option<String>,
    /// Date of the outcome letter, for review timing.
    pub outcome_date: Option<NaiveDate>,
    /// Date the review request arrived.
    pub request_date: Option<NaiveDate>,
    /// The reasons given for a late request (free text).
    pub reasons: String,
    /// Values the adviser typed, by variable name; they win over anything
    /// worked out.
    pub values: BTreeMap<String, String>,
}

/// A letter in progress.
#[derive(Debug, Clone)]
pub struct Draft {
    /// The template used.
    pub template: String,
    /// The letter's language.
    pub lang: Lang,
    /// The force chosen, if any.
    pub force: Option<Force>,
    /// The review timing, when both dates were given.
    pub timing: Option<ReviewTiming>,
    /// Every variable the template uses, with the value known so far
    /// (empty when none), in name order.
    pub fields: Vec<(String, String)>,
    /// Variables still to fill in.
    pub missing: Vec<String>,
    /// Date variables whose value is not a date (`YYYY-MM-DD`).
    pub invalid: Vec<String>,
    /// The rendered letter, once nothing is missing.
    pub letter: Option<Letter>,
}

/// The template ids, in order.
pub fn template_ids(kb: &KnowledgeBase) -> Vec<&str> {
    let mut ids: Vec<&str> = kb.templates.iter().map(|t| t.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// Drafts a letter for `record`, signed by `adviser_name`, dated `today`.
pub fn draft(
    kb: &KnowledgeBase,
    record: &ContactRecord,
    adviser_name: &str,
    req: DraftRequest,
    today: NaiveDate,
) -> ContactResult<Draft> {
    let lang = req.lang.unwrap_or(record.caller_lang);
    let template_id = match req.template.filter(|t| !t.is_empty()) {
        Some(t) => t,
        None => template_ids(kb)
            .first()
            .map(|t| t.to_string())
            .ok_or_else(|| LetterError::UnknownTemplate(String::new(), lang))?,
    };
    let template = kb
        .templates
        .iter()
        .find(|t| t.id == template_id && t.lang == lang)
        .ok_or_else(|| LetterError::UnknownTemplate(template_id.clone(), lang))?;
    // The force asked for, else the contact's (chosen or heard).
    let force = req
        .force
        .as_deref()
        .filter(|id| !id.is_empty())
        .or(record.force())
        .and_then(|id| kb.find_force(id));
    let timing = match (kb.review_rules.as_ref(), req.outcome_date, req.request_date) {
        (Some(rules), Some(outcome), Some(request)) => {
            Some(review_time::assess(rules, outcome, request, &req.reasons)?)
        }
        _ => None,
    };
    let format_note = format_note(kb, record, lang);
    let mut values = letters::prefill(&LetterFacts {
        record,
        force,
        timing: timing.as_ref(),
        adviser_name,
        today,
        format_note: &format_note,
        lang,
    });
    if !req.reasons.trim().is_empty() {
        values.insert("reasons".into(), req.reasons.clone());
    }
    for (name, value) in req.values {
        if !value.trim().is_empty() {
            values.insert(name, value);
        }
    }
    let fields: Vec<(String, String)> = template
        .variables
        .iter()
        .map(|name| (name.clone(), values.get(name).cloned().unwrap_or_default()))
        .collect();
    // Dates are entered as dates and written out in the letter's language.
    let mut invalid = Vec::new();
    let wanted: BTreeMap<String, String> = values
        .into_iter()
        .filter(|(k, _)| template.variables.contains(k))
        .map(|(k, v)| {
            if !letters::is_date_variable(&k) {
                return (k, v);
            }
            match v.trim().parse::<NaiveDate>() {
                Ok(d) => {
                    let long = letters::format_date(d, lang);
                    (k, long)
                }
                Err(_) => {
                    invalid.push(k.clone());
                    (k, v)
                }
            }
        })
        .collect();
    let (letter, missing) = match letters::render(kb, &template_id, lang, &wanted) {
        Ok(l) => (Some(l), Vec::new()),
        Err(LetterError::Missing(m) | LetterError::Empty(m)) => (None, m),
        Err(e) => return Err(ContactError::Letter(e)),
    };
    // No letter while a date is not one.
    let letter = letter.filter(|_| invalid.is_empty());
    Ok(Draft {
        template: template_id,
        lang,
        force: force.cloned(),
        timing,
        fields,
        missing,
        invalid,
        letter,
    })
}

/// The sentence about the letter's format, in the letter's language: the
/// adjustments the caller agreed to, or an offer of other formats.
fn format_note(kb: &KnowledgeBase, record: &ContactRecord, lang: Lang) -> String {
    let confirmed: Vec<String> = record
        .adjustments
        .iter()
        .filter(|a| a.confirmed)
        .filter_map(|a| kb.adjustments.iter().find(|k| k.id == a.id))
        .map(|k| k.name.get(lang).clone())
        .collect();
    let t = Tr::new(lang);
    if confirmed.is_empty() {
        t.t("letter-format-default")
    } else {
        t.t1("letter-format-adjustments", "names", confirmed.join(", "))
    }
}
