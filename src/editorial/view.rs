//! What editors see of the content: every file with its state, the facts
//! the list is filtered by (kind, language, audience, review due,
//! unverified details, translations), and one file with its draft.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::{EditorialError, EditorialResult, content_path, editor, translation};
use crate::knowledge::KnowledgeBase;
use crate::knowledge::date::Verified;
use crate::lang::Lang;
use crate::store::{Draft, DraftState, Store, User};

/// Articles and scripts are due for review a year after they were last
/// reviewed; agency details a year after they were checked.
pub const REVIEW_EVERY_DAYS: i64 = 365;

/// Where a file is in the workflow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Published, with no change waiting.
    Published,
    /// A change is being written.
    Draft,
    /// A change waits for approval.
    InReview,
}

impl Status {
    /// `published`, `draft` or `in_review` (the filter's values).
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Published => "published",
            Status::Draft => "draft",
            Status::InReview => "in_review",
        }
    }
}

/// What the published knowledge says about a file.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Facts {
    /// Its title in the reader's language, where it has one.
    pub title: Option<String>,
    /// `public` or `internal`, where the kind has an audience.
    pub audience: Option<&'static str>,
    /// The day its review falls due, where the kind is reviewed.
    pub review_due: Option<NaiveDate>,
    /// Agency details that could not be checked.
    pub unverified: bool,
}

/// One file in the content list.
#[derive(Debug, Clone, Serialize)]
pub struct FileSummary {
    /// The file (`articles/x.cy.md`).
    pub path: String,
    /// Its folder: `articles`, `agencies`, … (`glossary` for the glossary).
    pub kind: &'static str,
    /// Its language, for one-language files; `None`: both in one file.
    pub lang: Option<Lang>,
    /// The published revision (0: never published).
    pub revision: i64,
    /// Where it is in the workflow.
    pub status: Status,
    /// Its draft, without the text.
    pub draft: Option<DraftSummary>,
    /// The languages of its text that wait for a translation update.
    pub stale: Vec<Lang>,
    /// The other language's file is missing (one-language kinds).
    pub missing_translation: bool,
    /// From the published knowledge.
    pub facts: Facts,
}

/// A draft, without its text.
#[derive(Debug, Clone, Serialize)]
pub struct DraftSummary {
    /// Its version.
    pub version: i64,
    /// Writing or in review.
    pub state: DraftState,
    /// Who wrote it.
    pub authors: Vec<String>,
    /// It retires the file.
    pub retires: bool,
    /// When it was last saved.
    pub updated_at: String,
}

impl From<&Draft> for DraftSummary {
    fn from(d: &Draft) -> Self {
        DraftSummary {
            version: d.version,
            state: d.state,
            authors: d.authors.clone(),
            retires: d.body.is_none(),
            updated_at: d.updated_at.clone(),
        }
    }
}

fn kind_of(path: &str) -> &'static str {
    let folder = path.split_once('/').map_or("", |(f, _)| f);
    crate::knowledge::load::FOLDERS
        .iter()
        .copied()
        .find(|f| *f == folder)
        .unwrap_or("glossary")
}

fn due(date: NaiveDate) -> NaiveDate {
    date + chrono::Duration::days(REVIEW_EVERY_DAYS)
}

/// The facts of every file the published knowledge holds, by path, with
/// titles in `lang`.
pub fn facts(kb: &KnowledgeBase, lang: Lang) -> HashMap<String, Facts> {
    let mut out = HashMap::new();
    let path = |p: &std::path::Path| p.to_string_lossy().into_owned();
    for page in kb
        .articles
        .iter()
        .map(|a| &a.page)
        .chain(kb.scripts.iter().map(|s| &s.page))
    {
        out.insert(
            path(page.source.path()),
            Facts {
                title: Some(page.title.clone()),
                audience: Some(page.audience.as_str()),
                review_due: Some(due(page.reviewed.0)),
                unverified: false,
            },
        );
    }
    for a in &kb.agencies {
        let (review_due, unverified) = match a.verified {
            Verified::On(d) => (Some(due(d.0)), false),
            Verified::No => (None, true),
        };
        out.insert(
            path(a.file.path()),
            Facts {
                title: Some(a.name.get(lang).clone()),
                audience: Some(a.audience.as_str()),
                review_due,
                unverified,
            },
        );
    }
    for m in &kb.matters {
        out.insert(
            path(m.file.path()),
            Facts {
                title: Some(m.name.get(lang).clone()),
                audience: Some(m.audience.as_str()),
                ..Facts::default()
            },
        );
    }
    for f in &kb.flows {
        out.insert(
            path(f.file.path()),
            Facts {
                title: Some(f.title.get(lang).clone()),
                audience: Some(f.audience.as_str()),
                ..Facts::default()
            },
        );
    }
    out
}

/// Every published file and every new one in draft, by path, with its
/// state and facts.
pub async fn files(
    store: &dyn Store,
    user: &User,
    kb: &KnowledgeBase,
) -> EditorialResult<Vec<FileSummary>> {
    editor(user)?;
    let drafts = store.drafts().await?;
    let stale = store.stale_translations().await?;
    let published = store.content_revisions().await?;
    let facts = facts(kb, user.ui_lang);
    let mut paths: Vec<(String, i64)> = published.clone();
    paths.extend(
        drafts
            .iter()
            .filter(|d| d.base == 0)
            .map(|d| (d.path.clone(), 0)),
    );
    paths.sort();
    paths.dedup_by(|a, b| a.0 == b.0);
    let exists = |p: &str| {
        published
            .binary_search_by(|(q, _)| q.as_str().cmp(p))
            .is_ok()
            || drafts.iter().any(|d| d.path == p && d.body.is_some())
    };
    Ok(paths
        .into_iter()
        .map(|(path, revision)| {
            let draft = drafts.iter().find(|d| d.path == path);
            let status = match draft.map(|d| d.state) {
                None => Status::Published,
                Some(DraftState::Draft) => Status::Draft,
                Some(DraftState::InReview) => Status::InReview,
            };
            let counterpart = translation::counterpart(&path);
            FileSummary {
                kind: kind_of(&path),
                lang: counterpart.as_ref().map(|(_, l)| l.other()),
                revision,
                status,
                draft: draft.map(Into::into),
                stale: stale
                    .iter()
                    .filter(|s| s.path == path)
                    .map(|s| s.lang)
                    .collect(),
                missing_translation: counterpart.is_some_and(|(other, _)| !exists(&other)),
                facts: facts.get(&path).cloned().unwrap_or_default(),
                path,
            }
        })
        .collect())
}

/// One file as an editor opens it.
#[derive(Debug, Clone, Serialize)]
pub struct FileView {
    /// The file.
    pub path: String,
    /// The published text (`None`: not published).
    pub text: Option<String>,
    /// The published revision (0: none); a new draft names it as `base`.
    pub revision: i64,
    /// The change waiting, if any.
    pub draft: Option<Draft>,
    /// The languages of its text waiting for a translation update.
    pub stale: Vec<Lang>,
}

impl FileView {
    /// The text an editor starts from: the draft's, else the published.
    pub fn working_text(&self) -> Option<&str> {
        match &self.draft {
            Some(d) => d.body.as_deref(),
            None => self.text.as_deref(),
        }
    }
}

/// One file: published text and revision, draft, translation state
/// (neither text nor draft: a file that does not exist yet).
pub async fn file(store: &dyn Store, user: &User, path: &str) -> EditorialResult<FileView> {
    editor(user)?;
    content_path(path)?;
    let published = store.content_file(path).await?;
    let draft = store.draft(path).await?;
    let stale = store
        .stale_translations()
        .await?
        .into_iter()
        .filter(|s| s.path == path)
        .map(|s| s.lang)
        .collect();
    let (text, revision) = match published {
        Some((f, revision)) => (Some(f.text), revision),
        None => (None, 0),
    };
    Ok(FileView {
        path: path.to_string(),
        text,
        revision,
        draft,
        stale,
    })
}

/// The published TOML of the other items of `path`'s kind (for an article
/// or a script, their front matter): what decides which keys its form may
/// add or remove (`form::optional_keys`). Files of a kind alone in its
/// folder (forces, the rules) have none.
pub fn kin(kb: &KnowledgeBase, path: &str) -> Vec<String> {
    use crate::knowledge::source::Source;
    let Some((folder, _)) = path.split_once('/') else {
        return Vec::new();
    };
    let sources: Vec<&Source> = match folder {
        "articles" => kb.articles.iter().map(|a| &a.page.source).collect(),
        "scripts" => kb.scripts.iter().map(|s| &s.page.source).collect(),
        "agencies" => kb.agencies.iter().map(|a| &a.file).collect(),
        "adjustments" => kb.adjustments.iter().map(|a| &a.file).collect(),
        "flows" => kb.flows.iter().map(|f| &f.file).collect(),
        "matters" => kb.matters.iter().map(|m| &m.file).collect(),
        _ => Vec::new(),
    };
    sources
        .into_iter()
        .filter(|s| !s.path().ends_with(path))
        .map(|s| match super::form::split_page(&s.text) {
            Some((front, _)) if path.ends_with(".md") => front.to_string(),
            _ => s.text.to_string(),
        })
        .collect()
}

/// The history of one file, oldest first.
pub async fn history(
    store: &dyn Store,
    user: &User,
    path: &str,
) -> EditorialResult<Vec<crate::store::Revision>> {
    editor(user)?;
    content_path(path)?;
    Ok(store.revisions(path).await?)
}

/// The text of one revision (`None`: that revision retired the file).
pub async fn revision_text(
    store: &dyn Store,
    user: &User,
    path: &str,
    revision: i64,
) -> EditorialResult<Option<String>> {
    editor(user)?;
    content_path(path)?;
    store
        .revision_text(path, revision)
        .await?
        .ok_or(EditorialError::NotFound)
}

/// What the content health page lists.
#[derive(Debug, Clone)]
pub struct Health {
    /// Every file with its state and facts (the page picks out overdue
    /// reviews, missing and stale translations, unverified details).
    pub files: Vec<FileSummary>,
    /// Problems `canllaw check` finds in the published content: broken
    /// references among them.
    pub problems: Vec<crate::knowledge::Problem>,
    /// Searches that found nothing, scrubbed of personal data, most
    /// frequent first.
    pub unanswered: Vec<crate::store::Unanswered>,
    /// Searches whose results were shown but not followed, the same way.
    pub abandoned: Vec<crate::store::Unanswered>,
}

/// How many searches that found nothing (and, apart, that were given up
/// on) the health page lists.
pub const UNANSWERED_SHOWN: usize = 200;

/// The content health page's findings.
pub async fn health(
    store: &dyn Store,
    user: &User,
    kb: std::sync::Arc<crate::published::Published>,
) -> EditorialResult<Health> {
    let files = files(store, user, &kb.kb).await?;
    let unanswered = store.unanswered(UNANSWERED_SHOWN).await?;
    let abandoned = store.abandoned(UNANSWERED_SHOWN).await?;
    // The same check a publication ran on this content, so usually
    // remembered rather than run again.
    let published = store.content().await?;
    let problems = tokio::task::spawn_blocking(move || super::check::check(&published).to_vec())
        .await
        .map_err(|e| EditorialError::Store(crate::store::StoreError::Database(e.to_string())))?;
    Ok(Health {
        files,
        problems,
        unanswered,
        abandoned,
    })
}
