//! One item on one page: for content kept one language per file, the Welsh
//! and English files side by side; for structured content, one form with
//! each Welsh value beside its English one. Saving, review, publication,
//! retiring and translations are forms on this page; a save from a stale
//! copy gets the conflict page, with nothing lost.

use std::collections::HashMap;
use std::sync::Arc;

use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::editorial::diff::{Diff, Op};
use crate::editorial::form::{self, FieldKind, Row};
use crate::editorial::view::FileView;
use crate::editorial::{self, Change, EditorialError, translation};
use crate::i18n::{Tr, has_message};
use crate::knowledge::Problem;
use crate::lang::Lang;
use crate::store::{DraftState, Session};
use crate::web::context::Ctx;
use crate::web::error::{AppError, AppResult};
use crate::web::page::{Chrome, render};
use crate::web::session::Editor;
use crate::web::state::AppState;

/// A form field as the page shows it.
pub struct ViewField {
    /// The form name (`f:` and the field's place in the file).
    pub name: String,
    /// The element id.
    pub id: String,
    /// Its label, in the interface language.
    pub label: String,
    /// `text`, `long`, `list`, `bool`, `date`, `number`.
    pub kind: &'static str,
    /// Its value.
    pub value: String,
    /// Why the value given was refused.
    pub error: Option<String>,
    /// The language of the value, for `lang` (spelling, screen readers).
    pub lang: Option<&'static str>,
    /// Rows for a text area.
    pub rows: usize,
    /// The only values it may take, with their labels (a choice).
    pub options: Vec<(&'static str, String)>,
}

/// A row of a form as the page shows it. `remove` is the action that
/// takes it out of the file, where it may go: an entry of a list
/// (`remove:questions[2]`) or a key other files of the kind do without
/// (`remove-key:hours`).
pub enum ViewRow {
    /// A group heading; `add` names the list an entry can be added to.
    Group {
        label: String,
        level: usize,
        add: Option<String>,
        remove: Option<String>,
    },
    /// One value (boxed: a field is much larger than a heading).
    Single {
        f: Box<ViewField>,
        label: String,
        remove: Option<String>,
    },
    /// One thing in Welsh and English.
    Pair {
        label: String,
        cy: Option<Box<ViewField>>,
        en: Option<Box<ViewField>>,
        remove: Option<String>,
    },
}

/// The rows of a form, and the keys it may gain.
pub struct ViewForm {
    rows: Vec<ViewRow>,
    /// Keys other files of the kind have and this one lacks, with labels.
    addable: Vec<(String, String)>,
}

/// How a file is edited.
pub enum Editing {
    /// An article or script: front matter as a form, the body as Markdown
    /// with a preview.
    Page {
        form: ViewForm,
        body: String,
        preview: String,
        /// Problems in the body.
        problems: Vec<String>,
    },
    /// Structured content: a form.
    Fields { form: ViewForm },
    /// A letter template: a field per message, and the details a letter
    /// may use (`{ $name }` and what it is).
    Letter {
        fields: Vec<ViewField>,
        variables: Vec<(String, String)>,
    },
    /// Fluent templates, the glossary, the thesaurus, or a file that does
    /// not parse: its text.
    Text { text: String },
}

/// One file of the item.
pub struct Panel {
    pub path: String,
    /// The language of its text (`None`: both, in one file).
    pub lang: Option<Lang>,
    /// Published or drafted.
    pub exists: bool,
    pub revision: i64,
    /// Draft version (0: none) and base a save names.
    pub version: i64,
    pub base: i64,
    /// `draft`, `in-review`, or empty.
    pub state: &'static str,
    pub authors: String,
    pub retires: bool,
    /// Languages of its text waiting for a translation update.
    pub stale: Vec<Lang>,
    pub editing: Editing,
    /// Problems `canllaw check` finds that no field or body holds.
    pub problems: Vec<String>,
    /// How many more are shown next to their field or in the body.
    pub placed: usize,
    /// The draft is in review and this user may approve it.
    pub can_publish: bool,
    /// The draft is in review and this user wrote it (four eyes).
    pub own_change: bool,
    /// Publishing asks to confirm these out-of-date translations.
    pub confirm: Vec<String>,
    /// The draft's text differs from the published one by this much.
    pub changes: Option<Diff>,
}

#[derive(Template)]
#[template(path = "editor/item.html")]
struct ItemPage {
    chrome: Chrome,
    title: String,
    panels: Vec<Panel>,
    notice: Option<String>,
    error: Option<String>,
    four_eyes: bool,
}

/// `?path=&done=`.
#[derive(Debug, Deserialize)]
pub struct ItemQuery {
    path: String,
    #[serde(default)]
    done: Option<String>,
}

fn field_label(t: &Tr, key: &str) -> String {
    let mut parent = "";
    key.split('.')
        .map(|seg| {
            let (name, index) = match seg.split_once('[') {
                Some((n, rest)) => (n, Some(rest.trim_end_matches(']'))),
                None => (seg, None),
            };
            // A name inside a table may have its own label there
            // (`contact.text` is a number for text messages, not a text).
            let id = format!("field-{}", name.replace('_', "-"));
            let within = format!(
                "field-{}-{}",
                parent.replace('_', "-"),
                name.replace('_', "-")
            );
            parent = name;
            let name = if has_message(t.lang, &within) {
                t.t(&within)
            } else if has_message(t.lang, &id) {
                t.t(&id)
            } else {
                name.replace('_', " ")
            };
            match index {
                Some(i) => format!("{name} {i}"),
                None => name,
            }
        })
        .collect::<Vec<_>>()
        .join(" › ")
}

/// What a form shows besides the file's own values: values the editor sent
/// (shown again when they could not be saved), values of the wrong kind,
/// and problems `canllaw check` placed at a field's lines.
#[derive(Default)]
struct Marks {
    submitted: HashMap<String, String>,
    errors: HashMap<String, FieldKind>,
    problems: HashMap<String, Vec<String>>,
    /// Problems in an article's body, and those no field holds.
    body_problems: Vec<String>,
    other_problems: Vec<String>,
    /// Starts every element id, so two files side by side never share one.
    prefix: &'static str,
}

fn view_field(t: &Tr, f: &form::Field, lang: Option<Lang>, label: String, m: &Marks) -> ViewField {
    let kind = match f.kind {
        FieldKind::Text => "text",
        FieldKind::LongText => "long",
        FieldKind::List => "list",
        FieldKind::Bool => "bool",
        FieldKind::Date => "date",
        FieldKind::Integer | FieldKind::Number => "number",
    };
    let value = m
        .submitted
        .get(&f.key)
        .cloned()
        .unwrap_or_else(|| f.value.clone());
    let rows = match f.kind {
        FieldKind::List => (value.lines().count() + 1).clamp(2, 12),
        _ => (value.len() / 70 + 2).clamp(3, 12),
    };
    ViewField {
        name: format!("f:{}", f.key),
        id: format!(
            "f-{}{}",
            m.prefix,
            f.key
                .chars()
                .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
                .collect::<String>()
        ),
        label,
        kind,
        error: m
            .errors
            .get(&f.key)
            .map(|k| t.tag("editor-expected", field_kind(*k)))
            .or_else(|| m.problems.get(&f.key).map(|p| p.join(" "))),
        value,
        lang: lang.map(|l| l.code()),
        rows,
        // Who may read an item is chosen, never typed: a slip must not
        // publish internal guidance.
        options: if f.key == "audience" {
            ["public", "internal"]
                .into_iter()
                .map(|a| (a, t.tag("audience", a)))
                .collect()
        } else {
            Vec::new()
        },
    }
}

fn field_kind(k: FieldKind) -> &'static str {
    match k {
        FieldKind::Text | FieldKind::LongText => "text",
        FieldKind::List => "list",
        FieldKind::Bool => "bool",
        FieldKind::Date => "date",
        FieldKind::Integer => "integer",
        FieldKind::Number => "number",
    }
}

/// The form of a TOML text for the page, against the published files of
/// its kind (`kin`); `None` if it does not parse.
fn view_form(
    t: &Tr,
    toml: &str,
    kin: &[String],
    lang: Option<Lang>,
    m: &Marks,
) -> Option<ViewForm> {
    let rows = form::rows(toml).ok()?;
    let optional = form::optional_keys(toml, kin);
    let drop = |key: &str| {
        optional
            .removable
            .contains(key)
            .then(|| format!("remove-key:{key}"))
    };
    // The last entry of each list of tables offers to add another.
    let mut last: HashMap<String, String> = HashMap::new();
    for r in &rows {
        if let Row::Group { key, .. } = r
            && let Some(list) = key.strip_suffix(']').and_then(|k| k.rsplit_once('['))
        {
            last.insert(list.0.to_string(), key.clone());
        }
    }
    let rows = rows
        .iter()
        .map(|r| match r {
            Row::Group { key, depth } => ViewRow::Group {
                label: field_label(t, key),
                level: (depth + 2).min(6),
                add: last
                    .iter()
                    .find(|(_, k)| *k == key)
                    .map(|(list, _)| list.clone()),
                remove: if key.ends_with(']') {
                    Some(format!("remove:{key}"))
                } else {
                    drop(key)
                },
            },
            Row::Single { field } => ViewRow::Single {
                label: field_label(t, &field.key),
                f: Box::new(view_field(t, field, lang, field_label(t, &field.key), m)),
                remove: drop(&field.key),
            },
            Row::Pair { key, cy, en } => {
                let label = field_label(t, key);
                let side = |f: &Option<form::Field>, l: Lang| {
                    f.as_ref().map(|f| {
                        Box::new(view_field(
                            t,
                            f,
                            Some(l),
                            format!("{label} ({})", t.lang_name(l)),
                            m,
                        ))
                    })
                };
                ViewRow::Pair {
                    cy: side(cy, Lang::Cy),
                    en: side(en, Lang::En),
                    remove: drop(key),
                    label,
                }
            }
        })
        .collect();
    let addable = optional
        .addable
        .into_iter()
        .map(|k| {
            let label = field_label(t, &k);
            (k, label)
        })
        .collect();
    Some(ViewForm { rows, addable })
}

/// How a file is edited, from its text.
fn editing(state: &AppState, t: &Tr, path: &str, text: &str, m: &Marks) -> Editing {
    let lang = translation::lang_of(path);
    let kin = editorial::view::kin(&state.published().kb, path);
    if path.ends_with(".md")
        && let Some((front, body)) = form::split_page(text)
        && let Some(form) = view_form(t, front, &kin, lang, m)
    {
        let body = m
            .submitted
            .get("body")
            .cloned()
            .unwrap_or_else(|| body.to_string());
        let preview =
            crate::web::views::preview_html(&state.published().kb, &body, lang.unwrap_or(t.lang));
        return Editing::Page {
            form,
            body,
            preview,
            problems: m.body_problems.clone(),
        };
    }
    if path.ends_with(".toml")
        && let Some(form) = view_form(t, text, &kin, None, m)
    {
        return Editing::Fields { form };
    }
    if path.ends_with(".ftl")
        && let Some(messages) = editorial::letter::messages(text)
    {
        return letter_form(t, messages, lang, m);
    }
    Editing::Text {
        text: m
            .submitted
            .get("raw")
            .cloned()
            .unwrap_or_else(|| text.to_string()),
    }
}

/// A letter template as a form: its messages, the body a large box.
fn letter_form(
    t: &Tr,
    messages: Vec<editorial::letter::Message>,
    lang: Option<Lang>,
    m: &Marks,
) -> Editing {
    let fields = messages
        .into_iter()
        .map(|msg| {
            let name = format!("m:{}", msg.id);
            let value = m.submitted.get(&name).cloned().unwrap_or(msg.text);
            let long = value.contains('\n') || msg.id == "body";
            ViewField {
                id: format!("m-{}{}", m.prefix, msg.id),
                label: field_label(t, &msg.id),
                kind: if long { "long" } else { "text" },
                rows: if long {
                    (value.lines().count() + 2).clamp(6, 40)
                } else {
                    1
                },
                error: None,
                lang: lang.map(|l| l.code()),
                options: Vec::new(),
                name,
                value,
            }
        })
        .collect();
    let variables = crate::knowledge::template::KNOWN_VARIABLES
        .iter()
        .map(|v| {
            (
                format!("{{ ${v} }}"),
                t.tag("letter-var", &v.replace('_', "-")),
            )
        })
        .collect();
    Editing::Letter { fields, variables }
}

/// What the page shows besides the files.
#[derive(Default)]
struct Extra {
    /// Field values sent that could not be saved, by form name minus `f:`
    /// (and `body`, `raw`), with the path they were for.
    submitted: Option<(String, HashMap<String, String>)>,
    errors: HashMap<String, FieldKind>,
    problems: Option<(String, Vec<Problem>)>,
    confirm: Option<(String, Vec<(String, Lang)>)>,
    notice: Option<String>,
    error: Option<String>,
}

/// A problem in the editor's language, with its line where it has one.
pub(super) fn problem_line(t: &Tr, p: &Problem) -> String {
    match p.line {
        Some(line) => t.t2("editor-problem-at", "line", line, "message", p.text(t)),
        None => p.text(t),
    }
}

/// Puts each problem next to what it is about: the field whose lines hold
/// its line, the body of an article, or (anything else, problems in other
/// files among them) the list above the form.
fn place(t: &Tr, path: &str, text: &str, problems: &[Problem], marks: &mut Marks) {
    // Field lines are counted within the TOML: an article's front matter
    // starts on the file's second line.
    let (toml, first, body_from) = match form::split_page(text) {
        Some((front, _)) if path.ends_with(".md") => (front, 2, 3 + front.lines().count()),
        _ if path.ends_with(".toml") => (text, 1, usize::MAX),
        _ => ("", 1, usize::MAX),
    };
    let lines = form::field_lines(toml);
    for p in problems {
        let own = p.path == std::path::Path::new(path);
        let field = p.line.filter(|_| own).and_then(|line| {
            let at = line.checked_sub(first - 1)?;
            lines
                .iter()
                .filter(|(_, (a, b))| *a <= at && at <= *b)
                .min_by_key(|(_, (a, b))| b - a)
                .map(|(k, _)| k.clone())
        });
        match field {
            Some(key) => marks.problems.entry(key).or_default().push(p.text(t)),
            None if own && p.line.is_some_and(|l| l >= body_from) => {
                marks.body_problems.push(problem_line(t, p))
            }
            None if own => marks.other_problems.push(problem_line(t, p)),
            None => marks.other_problems.push(t.t2(
                "editor-problem-in",
                "file",
                p.path.display().to_string(),
                "message",
                problem_line(t, p),
            )),
        }
    }
}

async fn panel(
    state: &AppState,
    session: &Session,
    t: &Tr,
    view: FileView,
    extra: &Extra,
) -> AppResult<Panel> {
    let path = view.path.clone();
    let text = view.working_text().unwrap_or("").to_string();
    let mut marks = Marks {
        prefix: match translation::lang_of(&path) {
            Some(Lang::Cy) => "cy-",
            Some(Lang::En) => "en-",
            None => "",
        },
        ..Marks::default()
    };
    if let Some((p, values)) = &extra.submitted
        && *p == path
    {
        marks.submitted = values.clone();
        marks.errors = extra.errors.clone();
    }
    if let Some((p, problems)) = &extra.problems
        && *p == path
    {
        place(t, &path, &text, problems, &mut marks);
    }
    let draft = view.draft.as_ref();
    let in_review = draft.is_some_and(|d| d.state == DraftState::InReview);
    let own = draft.is_some_and(|d| d.authors.contains(&session.user.name));
    let four_eyes = state.config.editorial.four_eyes;
    let changes =
        draft.map(|d| crate::editorial::diff::diff(&path, view.text.as_deref(), d.body.as_deref()));
    Ok(Panel {
        lang: translation::lang_of(&path),
        exists: view.text.is_some() || draft.is_some(),
        revision: view.revision,
        version: draft.map_or(0, |d| d.version),
        base: view.revision,
        state: match draft.map(|d| d.state) {
            Some(DraftState::Draft) => "draft",
            Some(DraftState::InReview) => "in-review",
            None => "",
        },
        authors: draft.map(|d| d.authors.join(", ")).unwrap_or_default(),
        retires: draft.is_some_and(|d| d.body.is_none()),
        stale: view.stale.clone(),
        editing: editing(state, t, &path, &text, &marks),
        placed: marks.problems.values().map(Vec::len).sum::<usize>() + marks.body_problems.len(),
        problems: std::mem::take(&mut marks.other_problems),
        can_publish: in_review && !(four_eyes && own),
        own_change: in_review && four_eyes && own,
        confirm: match &extra.confirm {
            Some((p, list)) if *p == path => list
                .iter()
                .map(|(p, l)| format!("{p} ({})", t.lang_name(*l)))
                .collect(),
            _ => Vec::new(),
        },
        changes,
        path,
    })
}

/// The files an item page shows for `path`: the file and, for content kept
/// one language per file, the other language's, Welsh first.
fn item_paths(path: &str) -> Vec<String> {
    match translation::counterpart(path) {
        Some((other, other_lang)) => {
            let mut both = vec![path.to_string(), other];
            if other_lang == Lang::Cy {
                both.reverse();
            }
            both
        }
        None => vec![path.to_string()],
    }
}

async fn item_page(
    state: &AppState,
    session: &Session,
    ctx: &Ctx,
    path: &str,
    extra: Extra,
) -> AppResult<Response> {
    let t = ctx.tr();
    let mut panels = Vec::new();
    for p in item_paths(path) {
        let view = editorial::view::file(&*state.store, &session.user, &p).await?;
        panels.push(panel(state, session, &t, view, &extra).await?);
    }
    if !panels.iter().any(|p| p.exists) {
        return Err(AppError::NotFound);
    }
    let facts = editorial::view::facts(&state.published().kb, ctx.ui);
    let title = panels
        .iter()
        .find(|p| p.lang == Some(ctx.ui))
        .or(panels.first())
        .and_then(|p| facts.get(&p.path))
        .and_then(|f| f.title.clone())
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| path.to_string());
    Ok(render(&ItemPage {
        chrome: Chrome::new(ctx, "editor"),
        title,
        panels,
        notice: extra.notice,
        error: extra.error,
        four_eyes: state.config.editorial.four_eyes,
    }))
}

pub async fn page(
    Editor(session): Editor,
    ctx: Ctx,
    State(state): State<Arc<AppState>>,
    Query(q): Query<ItemQuery>,
) -> AppResult<Response> {
    let t = ctx.tr();
    let notice = q
        .done
        .as_deref()
        .filter(|d| {
            [
                "saved",
                "submitted",
                "published",
                "published-not-reloaded",
                "discarded",
                "confirmed",
                "retire-saved",
                "translation-started",
                "restored",
                "created",
            ]
            .contains(d)
        })
        .map(|d| t.tag("editor-done", d));
    item_page(
        &state,
        &session,
        &ctx,
        &q.path,
        Extra {
            notice,
            ..Extra::default()
        },
    )
    .await
}

/// Answers with the item page showing why a step was refused, with the
/// status the refusal carries.
async fn refused(
    state: &AppState,
    session: &Session,
    ctx: &Ctx,
    path: &str,
    e: EditorialError,
    mut extra: Extra,
) -> AppResult<Response> {
    let status = match &e {
        EditorialError::Invalid(problems) => {
            extra.problems = Some((path.to_string(), problems.clone()));
            StatusCode::UNPROCESSABLE_ENTITY
        }
        EditorialError::TranslationStale(list) => {
            extra.confirm = Some((path.to_string(), list.clone()));
            StatusCode::CONFLICT
        }
        EditorialError::OwnChange => StatusCode::FORBIDDEN,
        EditorialError::NotInReview | EditorialError::Conflict | EditorialError::Exists(_) => {
            StatusCode::CONFLICT
        }
        EditorialError::NothingToRetire | EditorialError::TooLong => StatusCode::BAD_REQUEST,
        _ => return Err(e.into()),
    };
    let app: AppError = e.into();
    extra.error = Some(app.message(&ctx.tr()));
    let mut response = item_page(state, session, ctx, path, extra).await?;
    *response.status_mut() = status;
    Ok(response)
}

/// A form as a map; `f:` fields become the field values.
struct Sent {
    path: String,
    version: i64,
    base: i64,
    action: String,
    fields: HashMap<String, String>,
    body: Option<String>,
    raw: Option<String>,
    confirm_stale: bool,
    /// The key chosen to add (with `action=add-key`).
    add_key: String,
    /// A letter template's messages, by id (`m:` fields).
    messages: HashMap<String, String>,
}

impl Sent {
    fn read(pairs: Vec<(String, String)>) -> AppResult<Sent> {
        let mut sent = Sent {
            path: String::new(),
            version: 0,
            base: 0,
            action: String::new(),
            fields: HashMap::new(),
            body: None,
            raw: None,
            confirm_stale: false,
            add_key: String::new(),
            messages: HashMap::new(),
        };
        let number = |v: &str, name| v.parse::<i64>().map_err(|_| AppError::BadParameter(name));
        for (k, v) in pairs {
            match k.as_str() {
                "path" => sent.path = v,
                "version" => sent.version = number(&v, "version")?,
                "base" => sent.base = number(&v, "base")?,
                "action" => sent.action = v,
                "body" => sent.body = Some(v.replace("\r\n", "\n")),
                "raw" => sent.raw = Some(v.replace("\r\n", "\n")),
                "confirm_stale" => sent.confirm_stale = v == "1",
                "add_key" => sent.add_key = v,
                _ => {
                    if let Some(key) = k.strip_prefix("f:") {
                        sent.fields.insert(key.to_string(), v);
                    } else if let Some(id) = k.strip_prefix("m:") {
                        sent.messages.insert(id.to_string(), v);
                    }
                }
            }
        }
        if sent.path.is_empty() {
            return Err(AppError::BadParameter("path"));
        }
        Ok(sent)
    }

    /// What the editor sent, to show again if it cannot be saved.
    fn as_submitted(&self) -> HashMap<String, String> {
        let mut all = self.fields.clone();
        if let Some(b) = &self.body {
            all.insert("body".into(), b.clone());
        }
        if let Some(r) = &self.raw {
            all.insert("raw".into(), r.clone());
        }
        for (id, text) in &self.messages {
            all.insert(format!("m:{id}"), text.clone());
        }
        all
    }
}

/// The new text of the file from the form and the text it was built from,
/// with an entry or key added or removed if that was asked for (`kin`: the
/// published files of its kind, which keys may be added).
fn compose(sent: &Sent, base_text: &str, kin: &[String]) -> Result<String, Vec<form::FieldError>> {
    if let Some(raw) = &sent.raw {
        return Ok(raw.clone());
    }
    if sent.path.ends_with(".ftl") && !sent.messages.is_empty() {
        return Ok(editorial::letter::apply(base_text, &sent.messages)
            .unwrap_or_else(|| base_text.to_string()));
    }
    let reshape = |toml: String| {
        let a = sent.action.as_str();
        let changed = if let Some(list) = a.strip_prefix("add:") {
            form::add_entry(&toml, list)
        } else if let Some(entry) = a.strip_prefix("remove:") {
            form::remove_entry(&toml, entry)
        } else if a == "add-key" {
            form::add_key(&toml, &sent.add_key, kin)
        } else if let Some(key) = a.strip_prefix("remove-key:") {
            form::remove_key(&toml, key)
        } else {
            None
        };
        changed.unwrap_or(toml)
    };
    if sent.path.ends_with(".md")
        && let Some((front, body)) = form::split_page(base_text)
    {
        let front = reshape(form::apply(front, &sent.fields)?);
        return Ok(form::join_page(
            &front,
            sent.body.as_deref().unwrap_or(body),
        ));
    }
    Ok(reshape(form::apply(base_text, &sent.fields)?))
}

#[derive(Template)]
#[template(path = "editor/conflict.html")]
struct ConflictPage {
    chrome: Chrome,
    path: String,
    item_href: String,
    yours: String,
    version: i64,
    base: i64,
    diff: Diff,
}

/// `POST /save`: saves the form as a draft (and with `action=submit`,
/// sends it for review; with `action=preview`, only shows it).
pub async fn save(
    Editor(session): Editor,
    ctx: Ctx,
    State(state): State<Arc<AppState>>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let sent = Sent::read(pairs)?;
    let view = editorial::view::file(&*state.store, &session.user, &sent.path).await?;
    let current = view.working_text().unwrap_or("").to_string();
    let kin = editorial::view::kin(&state.published().kb, &sent.path);
    let text = match compose(&sent, &current, &kin) {
        Ok(text) => text,
        Err(errors) => {
            let extra = Extra {
                submitted: Some((sent.path.clone(), sent.as_submitted())),
                errors: errors.into_iter().map(|e| (e.key, e.expected)).collect(),
                error: Some(ctx.tr().t("editor-fields-refused")),
                ..Extra::default()
            };
            let mut r = item_page(&state, &session, &ctx, &sent.path, extra).await?;
            *r.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            return Ok(r);
        }
    };
    if ["add:", "remove:", "add-key", "remove-key:"]
        .iter()
        .any(|a| sent.action.starts_with(a))
    {
        return save_grown(&state, &session, &ctx, &sent, &text).await;
    }
    if sent.action == "preview" {
        // Shown, not saved: the page again with what was sent.
        let extra = Extra {
            submitted: Some((sent.path.clone(), sent.as_submitted())),
            notice: Some(ctx.tr().t("editor-preview-not-saved")),
            ..Extra::default()
        };
        return item_page(&state, &session, &ctx, &sent.path, extra).await;
    }
    let saved = editorial::save(
        &*state.store,
        &session.user,
        Change {
            path: sent.path.clone(),
            body: Some(text.clone()),
            version: sent.version,
            base: sent.base,
        },
    )
    .await;
    let draft = match saved {
        Ok(d) => d,
        Err(EditorialError::Conflict) => {
            // Theirs is what is there now; yours is kept whole, to save
            // over theirs or to copy from.
            let now = editorial::view::file(&*state.store, &session.user, &sent.path).await?;
            let theirs = now.working_text().map(str::to_string);
            let mut r = render(&ConflictPage {
                chrome: Chrome::new(&ctx, "editor"),
                item_href: super::item_href(&sent.path, None),
                diff: crate::editorial::diff::diff(&sent.path, theirs.as_deref(), Some(&text)),
                version: now.draft.as_ref().map_or(0, |d| d.version),
                base: now.revision,
                path: sent.path,
                yours: text,
            });
            *r.status_mut() = StatusCode::CONFLICT;
            return Ok(r);
        }
        Err(e) => {
            let extra = Extra {
                submitted: Some((sent.path.clone(), sent.as_submitted())),
                ..Extra::default()
            };
            return refused(&state, &session, &ctx, &sent.path, e, extra).await;
        }
    };
    if sent.action == "submit" {
        if let Err(e) =
            editorial::submit(&*state.store, &session.user, &sent.path, draft.version).await
        {
            return refused(&state, &session, &ctx, &sent.path, e, Extra::default()).await;
        }
        return Ok(Redirect::to(&super::item_href(&sent.path, Some("submitted"))).into_response());
    }
    Ok(Redirect::to(&super::item_href(&sent.path, Some("saved"))).into_response())
}

/// Saves the form with a list grown by one blank entry (so the page shows
/// its fields to fill in) or shrunk by one. It is a draft: nothing reaches
/// anyone until it is reviewed, and history keeps what was removed.
async fn save_grown(
    state: &AppState,
    session: &Session,
    ctx: &Ctx,
    sent: &Sent,
    grown: &str,
) -> AppResult<Response> {
    match editorial::save(
        &*state.store,
        &session.user,
        Change {
            path: sent.path.clone(),
            body: Some(grown.to_string()),
            version: sent.version,
            base: sent.base,
        },
    )
    .await
    {
        Ok(_) => Ok(Redirect::to(&super::item_href(&sent.path, Some("saved"))).into_response()),
        Err(e) => {
            let extra = Extra {
                submitted: Some((sent.path.clone(), sent.as_submitted())),
                ..Extra::default()
            };
            refused(state, session, ctx, &sent.path, e, extra).await
        }
    }
}

/// `POST /preview` (JavaScript): the Markdown `body` as the console will
/// show it.
pub async fn preview(
    Editor(_): Editor,
    State(state): State<Arc<AppState>>,
    Form(f): Form<PreviewForm>,
) -> AppResult<Response> {
    let lang = f.lang.parse::<Lang>().unwrap_or(Lang::Cy);
    let html = crate::web::views::preview_html(&state.published().kb, &f.body, lang);
    Ok(Html(html).into_response())
}

/// The preview request.
#[derive(Debug, Deserialize)]
pub struct PreviewForm {
    #[serde(default)]
    body: String,
    #[serde(default)]
    lang: String,
}

/// A step on a draft: path and version.
#[derive(Debug, Deserialize)]
pub struct StepForm {
    path: String,
    #[serde(default)]
    version: i64,
    #[serde(default)]
    base: i64,
    #[serde(default)]
    confirm_stale: Option<String>,
    #[serde(default)]
    lang: Option<String>,
}

async fn after(
    state: &AppState,
    session: &Session,
    ctx: &Ctx,
    path: &str,
    result: Result<&'static str, EditorialError>,
) -> AppResult<Response> {
    match result {
        Ok(done) => Ok(Redirect::to(&super::item_href(path, Some(done))).into_response()),
        Err(e) => refused(state, session, ctx, path, e, Extra::default()).await,
    }
}

/// `POST /submit`.
pub async fn submit(
    Editor(session): Editor,
    ctx: Ctx,
    State(state): State<Arc<AppState>>,
    Form(f): Form<StepForm>,
) -> AppResult<Response> {
    let r = editorial::submit(&*state.store, &session.user, &f.path, f.version)
        .await
        .map(|_| "submitted");
    after(&state, &session, &ctx, &f.path, r).await
}

/// `POST /publish`: approves and publishes, then search has it.
pub async fn publish(
    Editor(session): Editor,
    ctx: Ctx,
    State(state): State<Arc<AppState>>,
    Form(f): Form<StepForm>,
) -> AppResult<Response> {
    let r = state
        .publish_draft(
            session.user.clone(),
            f.path.clone(),
            f.version,
            f.confirm_stale.as_deref() == Some("1"),
        )
        .await
        .map(|p| {
            if p.reloaded {
                "published"
            } else {
                "published-not-reloaded"
            }
        });
    after(&state, &session, &ctx, &f.path, r).await
}

/// `POST /discard`.
pub async fn discard(
    Editor(session): Editor,
    ctx: Ctx,
    State(state): State<Arc<AppState>>,
    Form(f): Form<StepForm>,
) -> AppResult<Response> {
    let r = editorial::discard(&*state.store, &session.user, &f.path, f.version)
        .await
        .map(|()| "discarded");
    after(&state, &session, &ctx, &f.path, r).await
}

/// `POST /retire`: a draft that retires the file, to review and publish
/// like any change.
pub async fn retire(
    Editor(session): Editor,
    ctx: Ctx,
    State(state): State<Arc<AppState>>,
    Form(f): Form<StepForm>,
) -> AppResult<Response> {
    let r = editorial::save(
        &*state.store,
        &session.user,
        Change {
            path: f.path.clone(),
            body: None,
            version: f.version,
            base: f.base,
        },
    )
    .await
    .map(|_| "retire-saved");
    after(&state, &session, &ctx, &f.path, r).await
}

/// `POST /confirm`: this language is up to date after all.
pub async fn confirm(
    Editor(session): Editor,
    ctx: Ctx,
    State(state): State<Arc<AppState>>,
    Form(f): Form<StepForm>,
) -> AppResult<Response> {
    let lang = f
        .lang
        .as_deref()
        .and_then(|l| l.parse::<Lang>().ok())
        .ok_or(AppError::BadParameter("lang"))?;
    let r = editorial::confirm_translation(&*state.store, &session.user, &f.path, lang)
        .await
        .map(|()| "confirmed");
    after(&state, &session, &ctx, &f.path, r).await
}

/// `POST /translate`: starts the missing language of an item from the
/// other's text, to translate.
pub async fn translate(
    Editor(session): Editor,
    ctx: Ctx,
    State(state): State<Arc<AppState>>,
    Form(f): Form<StepForm>,
) -> AppResult<Response> {
    let r = editorial::start_translation(&*state.store, &session.user, &f.path)
        .await
        .map(|_| "translation-started");
    after(&state, &session, &ctx, &f.path, r).await
}
