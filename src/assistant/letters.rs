//! Letters from the Fluent templates in `knowledge/templates`. Every
//! variable a template uses must be given: a missing one is an error naming
//! it, never a blank in a letter that goes to a member of the public.

use std::collections::BTreeMap;

use fluent_templates::fluent_bundle::{FluentArgs, FluentBundle, FluentResource};
use serde::Serialize;

use crate::knowledge::KnowledgeBase;
use crate::lang::Lang;

/// A rendered letter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Letter {
    /// Template id.
    pub template: String,
    /// Language.
    pub lang: Lang,
    /// Subject line.
    pub subject: String,
    /// Body, plain text.
    pub body: String,
}

/// Why a letter could not be rendered.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LetterError {
    /// No template with that id in that language.
    #[error("there is no letter template '{0}' in {1}")]
    UnknownTemplate(String, Lang),
    /// Variables the template uses that were not given.
    #[error("the letter needs: {}", .0.join(", "))]
    Missing(Vec<String>),
    /// Given but empty (a blank would go out in the letter).
    #[error("these must not be empty: {}", .0.join(", "))]
    Empty(Vec<String>),
    /// The template itself is broken (validation should have caught it).
    #[error("the template '{0}' could not be used: {1}")]
    Broken(String, String),
}

/// Renders template `id` in `lang` with `values`.
pub fn render(
    kb: &KnowledgeBase,
    id: &str,
    lang: Lang,
    values: &BTreeMap<String, String>,
) -> Result<Letter, LetterError> {
    let template = kb
        .templates
        .iter()
        .find(|t| t.id == id && t.lang == lang)
        .ok_or_else(|| LetterError::UnknownTemplate(id.to_string(), lang))?;
    let missing: Vec<String> = template
        .variables
        .iter()
        .filter(|v| !values.contains_key(*v))
        .cloned()
        .collect();
    if !missing.is_empty() {
        return Err(LetterError::Missing(missing));
    }
    let empty: Vec<String> = template
        .variables
        .iter()
        .filter(|v| values.get(*v).is_some_and(|s| s.trim().is_empty()))
        .cloned()
        .collect();
    if !empty.is_empty() {
        return Err(LetterError::Empty(empty));
    }
    let broken = |e: String| LetterError::Broken(id.to_string(), e);
    let resource = FluentResource::try_new(template.source.text.to_string())
        .map_err(|(_, e)| broken(format!("{e:?}")))?;
    let langid: unic_langid::LanguageIdentifier = lang.code().parse().expect("cy and en parse");
    let mut bundle = FluentBundle::new(vec![langid]);
    bundle.set_use_isolating(false);
    bundle
        .add_resource(resource)
        .map_err(|e| broken(format!("{e:?}")))?;
    let mut args = FluentArgs::new();
    for (k, v) in values {
        args.set(k.clone(), v.clone());
    }
    let format = |message: &str| -> Result<String, LetterError> {
        let pattern = bundle
            .get_message(message)
            .and_then(|m| m.value())
            .ok_or_else(|| broken(format!("no `{message}` message")))?;
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
        if errors.is_empty() {
            Ok(text.into_owned())
        } else {
            Err(broken(format!("{errors:?}")))
        }
    };
    Ok(Letter {
        template: id.to_string(),
        lang,
        subject: format("subject")?,
        body: format("body")?,
    })
}

/// The variables the review timing fills: a letter using none of them has
/// no need of the dates of the outcome and the request.
pub const TIMING_VARIABLES: [&str; 5] = [
    "outcome_date",
    "request_date",
    "deadline_date",
    "days_late",
    "reasons",
];

/// Whether a variable holds a date: entered as one (`2026-12-02`) and
/// written out in the letter's language ("2 Rhagfyr 2026").
pub fn is_date_variable(name: &str) -> bool {
    name == "today" || name.ends_with("_date")
}

/// A date as letters write it: "3 Mawrth 2026", "3 March 2026".
pub fn format_date(date: chrono::NaiveDate, lang: Lang) -> String {
    crate::i18n::Tr::new(lang).date(date)
}

/// What a letter's variables can be filled from.
pub struct LetterFacts<'a> {
    /// The contact.
    pub record: &'a crate::assistant::contact::ContactRecord,
    /// The force the letter is about, if chosen.
    pub force: Option<&'a crate::knowledge::Force>,
    /// The review timing, if the dates were given.
    pub timing: Option<&'a crate::assistant::review_time::ReviewTiming>,
    /// The adviser signing it.
    pub adviser_name: &'a str,
    /// Today.
    pub today: chrono::NaiveDate,
    /// The sentence about the letter's format (from confirmed adjustments).
    pub format_note: &'a str,
    /// The letter's language.
    pub lang: Lang,
}

/// The variables that can be filled from what the contact already knows;
/// the adviser fills in (or corrects) the rest before the preview. Dates
/// are ISO 8601 (`2026-12-02`), as date inputs take them; they are written
/// out in the letter's language when it is drafted.
pub fn prefill(f: &LetterFacts<'_>) -> BTreeMap<String, String> {
    let lang = f.lang;
    let mut v = BTreeMap::new();
    let mut put = |k: &str, val: String| {
        if !val.trim().is_empty() {
            v.insert(k.to_string(), val);
        }
    };
    put("today", f.today.to_string());
    put("decision_date", f.today.to_string());
    put("adviser_name", f.adviser_name.to_string());
    if let Some(name) = &f.record.caller.name {
        put("recipient_name", name.clone());
    }
    if let Some(reference) = &f.record.caller.reference {
        put("reference", reference.clone());
    }
    if let Some(force) = f.force {
        put("force_name", force.name.get(lang).clone());
        put(
            "local_policing_body",
            force.local_policing_body.get(lang).clone(),
        );
    }
    if let Some(t) = f.timing {
        put("outcome_date", t.outcome_date.to_string());
        put("request_date", t.received_date.to_string());
        put("deadline_date", t.deadline.to_string());
        put("days_late", t.days_late.to_string());
    }
    put("format_note", f.format_note.to_string());
    v
}

/// A letter's name for choosing it: its subject line in `lang`, with "…"
/// for the details (the template id when it cannot be rendered).
pub fn outline(kb: &KnowledgeBase, id: &str, lang: Lang) -> String {
    let Some(t) = kb.templates.iter().find(|t| t.id == id && t.lang == lang) else {
        return id.to_string();
    };
    let dots: BTreeMap<String, String> = t
        .variables
        .iter()
        .map(|v| (v.clone(), "…".to_string()))
        .collect();
    render(kb, id, lang, &dots)
        .map(|l| l.subject)
        .unwrap_or_else(|_| id.to_string())
}
