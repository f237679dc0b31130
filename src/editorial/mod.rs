//! The editors' workflow: a change to a content file is saved as a draft,
//! sent for review, approved by someone who did not write it, and
//! published as a new revision. Welsh and English stay one item: a change
//! to one language marks the other as needing an update until an editor
//! updates or confirms it.
//!
//! Every rule lives here; the web layer parses, calls one of these
//! functions and renders. Checking uses the same code as `canllaw check`
//! (`knowledge::load_sources` and `knowledge::validate`).

mod check;
pub mod diff;
pub mod error;
pub mod form;
pub mod letter;
pub mod translation;
pub mod view;

use std::path::Path;

pub use self::error::EditorialError;

use crate::auth::Role;
use crate::knowledge::Problem;
use crate::lang::Lang;
use crate::store::{
    ContentFile, Draft, DraftSave, DraftState, Publication, Store, User, valid_content_path,
};

/// Results of editorial steps.
pub type EditorialResult<T> = Result<T, EditorialError>;

/// The largest content file accepted. The longest bundled article is
/// under 10 kB.
pub const MAX_FILE_BYTES: usize = 256 * 1024;

/// How the workflow is run.
#[derive(Debug, Clone, Copy)]
pub struct Rules {
    /// Whoever wrote a change may not approve it (on unless configured
    /// off, for a team of one).
    pub four_eyes: bool,
}

impl Default for Rules {
    fn default() -> Self {
        Rules { four_eyes: true }
    }
}

fn editor(user: &User) -> EditorialResult<()> {
    match user.role {
        Role::Editor | Role::Admin => Ok(()),
        _ => Err(EditorialError::NotEditor),
    }
}

fn content_path(path: &str) -> EditorialResult<()> {
    if valid_content_path(path) {
        Ok(())
    } else {
        Err(EditorialError::BadPath(path.chars().take(80).collect()))
    }
}

/// A change as the editor sends it.
#[derive(Debug, Clone)]
pub struct Change {
    /// The file.
    pub path: String,
    /// Its new text; `None` retires it.
    pub body: Option<String>,
    /// The draft version the editor read (0: there was none).
    pub version: i64,
    /// With no draft: the published revision the editor read (0: none).
    pub base: i64,
}

/// Saves a draft of a change.
pub async fn save(store: &dyn Store, user: &User, change: Change) -> EditorialResult<Draft> {
    editor(user)?;
    content_path(&change.path)?;
    if change
        .body
        .as_ref()
        .is_some_and(|b| b.len() > MAX_FILE_BYTES)
    {
        return Err(EditorialError::TooLong);
    }
    // Retiring needs something published to retire.
    if change.body.is_none() && change.version == 0 && change.base == 0 {
        return Err(EditorialError::NothingToRetire);
    }
    Ok(store
        .save_draft(DraftSave {
            path: change.path,
            body: change.body,
            version: change.version,
            base: change.base,
            author: user.name.clone(),
        })
        .await?)
}

/// The problems publishing `body` at `path` would bring: those in the file
/// itself, and those it would cause elsewhere (a link to a retired
/// article), as `canllaw check` reports them.
pub async fn problems(
    store: &dyn Store,
    path: &str,
    body: Option<&str>,
) -> EditorialResult<Vec<Problem>> {
    let published = store.content().await?;
    let mut changed: Vec<ContentFile> = published
        .iter()
        .filter(|f| f.path != path)
        .cloned()
        .collect();
    if let Some(body) = body {
        changed.push(ContentFile {
            path: path.to_string(),
            text: body.to_string(),
        });
    }
    let path = path.to_string();
    tokio::task::spawn_blocking(move || {
        let (before, after) = check::check_both(&published, &changed);
        let mut after: Vec<Problem> = after
            .iter()
            .filter(|p| p.path == Path::new(&path) || !before.contains(p))
            .cloned()
            .collect();
        after.sort();
        after
    })
    .await
    .map_err(|e| EditorialError::Store(crate::store::StoreError::Database(e.to_string())))
}

/// Sends a draft at `version` for review, once it has no problems.
pub async fn submit(
    store: &dyn Store,
    user: &User,
    path: &str,
    version: i64,
) -> EditorialResult<Draft> {
    editor(user)?;
    content_path(path)?;
    let draft = store.draft(path).await?.ok_or(EditorialError::NotFound)?;
    if draft.version != version {
        return Err(EditorialError::Conflict);
    }
    let found = problems(store, path, draft.body.as_deref()).await?;
    if !found.is_empty() {
        return Err(EditorialError::Invalid(found));
    }
    Ok(store
        .set_draft_state(path, version, DraftState::InReview, &user.name)
        .await?)
}

/// Throws away a draft at `version`; the published file stays as it is.
pub async fn discard(
    store: &dyn Store,
    user: &User,
    path: &str,
    version: i64,
) -> EditorialResult<()> {
    editor(user)?;
    content_path(path)?;
    Ok(store.discard_draft(path, version, &user.name).await?)
}

/// Confirms the `lang` text of `path` is up to date with its other
/// language after all (audited).
pub async fn confirm_translation(
    store: &dyn Store,
    user: &User,
    path: &str,
    lang: Lang,
) -> EditorialResult<()> {
    editor(user)?;
    content_path(path)?;
    if store.confirm_translation(path, lang, &user.name).await? {
        Ok(())
    } else {
        Err(EditorialError::NotFound)
    }
}

/// Makes an old revision the text of a new draft (history is never
/// rewritten). `version` and `base` say what the editor read, as for
/// [`save`].
pub async fn restore(
    store: &dyn Store,
    user: &User,
    path: &str,
    revision: i64,
    version: i64,
    base: i64,
) -> EditorialResult<Draft> {
    let body = view::revision_text(store, user, path, revision).await?;
    save(
        store,
        user,
        Change {
            path: path.to_string(),
            body,
            version,
            base,
        },
    )
    .await
}

/// The kinds of content a new item can be started for: one file per
/// language (Markdown) or one file for both (TOML).
pub const NEW_KINDS: &[&str] = &[
    "articles",
    "scripts",
    "agencies",
    "adjustments",
    "flows",
    "matters",
];

/// How a kind's first item starts, for kinds the bundled knowledge may
/// hold none of.
fn skeleton(folder: &str) -> Option<&'static str> {
    (folder == "matters").then_some(
        "id = \"\"\naudience = \"internal\"\nstarts = 2026-01-01\n# The last day, or false while it runs.\nends = false\nrelated = []\n\n[name]\ncy = \"\"\nen = \"\"\n\n[keywords]\ncy = []\nen = []\n\n[lines_to_take]\ncy = []\nen = []\n",
    )
}

/// Starts a new item of `folder` called `id`: a draft per file, laid out
/// like the existing items of its kind with every value empty and its
/// audience internal. `keywords` (a search nobody could answer, from the
/// health page) start its keywords.
pub async fn create(
    store: &dyn Store,
    user: &User,
    folder: &str,
    id: &str,
    keywords: &[String],
) -> EditorialResult<Vec<Draft>> {
    editor(user)?;
    let id = id.trim();
    let good_id = !id.is_empty()
        && id.len() <= 80
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-');
    if !NEW_KINDS.contains(&folder) || !good_id {
        return Err(EditorialError::BadPath(format!("{folder}/{id}")));
    }
    let pages = matches!(folder, "articles" | "scripts");
    let paths: Vec<String> = if pages {
        Lang::ALL
            .iter()
            .map(|l| format!("{folder}/{id}.{}.md", l.code()))
            .collect()
    } else {
        vec![format!("{folder}/{id}.toml")]
    };
    let published = store.content().await?;
    let drafts = store.drafts().await?;
    for path in &paths {
        if published.iter().any(|f| &f.path == path) || drafts.iter().any(|d| &d.path == path) {
            return Err(EditorialError::Exists(path.clone()));
        }
    }
    let today = chrono::Utc::now().date_naive().to_string();
    let mut made = Vec::new();
    for path in paths {
        // The first item of the kind, in the same language, as the model.
        let suffix = &path[path.rfind('.').map_or(0, |i| i)..];
        let lang_suffix = translation::lang_of(&path).map(|l| format!(".{}{suffix}", l.code()));
        let model = published
            .iter()
            .filter(|f| f.path.starts_with(&format!("{folder}/")))
            .find(|f| match &lang_suffix {
                Some(s) => f.path.ends_with(s.as_str()),
                None => f.path.ends_with(suffix),
            })
            .map(|f| f.text.as_str())
            .or_else(|| skeleton(folder))
            .ok_or(EditorialError::NotFound)?;
        let body = if pages {
            let (front, _) = form::split_page(model).ok_or(EditorialError::NotFound)?;
            let front =
                form::blank_copy(front, id, &today, keywords).ok_or(EditorialError::NotFound)?;
            form::join_page(&front, "\n")
        } else {
            form::blank_copy(model, id, &today, keywords).ok_or(EditorialError::NotFound)?
        };
        made.push(
            save(
                store,
                user,
                Change {
                    path,
                    body: Some(body),
                    version: 0,
                    base: 0,
                },
            )
            .await?,
        );
    }
    Ok(made)
}

/// Starts the missing other-language file of `path` as a draft holding
/// this language's text, for the translator to replace.
pub async fn start_translation(
    store: &dyn Store,
    user: &User,
    path: &str,
) -> EditorialResult<Draft> {
    editor(user)?;
    content_path(path)?;
    let (other, _) = translation::counterpart(path).ok_or(EditorialError::NotFound)?;
    let here = view::file(store, user, path).await?;
    let text = here
        .working_text()
        .ok_or(EditorialError::NotFound)?
        .to_string();
    let there = view::file(store, user, &other).await?;
    if there.text.is_some() || there.draft.is_some() {
        return Err(EditorialError::Exists(other));
    }
    save(
        store,
        user,
        Change {
            path: other,
            body: Some(text),
            version: 0,
            base: 0,
        },
    )
    .await
}

/// One side of a comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// A published revision.
    Revision(i64),
    /// The draft waiting.
    Draft,
}

impl std::str::FromStr for Side {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        match s {
            "draft" => Ok(Side::Draft),
            n => n.parse().map(Side::Revision).map_err(|_| ()),
        }
    }
}

/// The difference between two versions of a file, readable: by words for
/// prose, by field for structured content.
pub async fn compare(
    store: &dyn Store,
    user: &User,
    path: &str,
    from: Side,
    to: Side,
) -> EditorialResult<diff::Diff> {
    let text = |side: Side| async move {
        match side {
            Side::Revision(0) => Ok(None),
            Side::Revision(n) => view::revision_text(store, user, path, n).await,
            Side::Draft => {
                editor(user)?;
                content_path(path)?;
                Ok(store
                    .draft(path)
                    .await?
                    .ok_or(EditorialError::NotFound)?
                    .body)
            }
        }
    };
    let (old, new) = (text(from).await?, text(to).await?);
    Ok(diff::diff(path, old.as_deref(), new.as_deref()))
}

/// Approves and publishes a draft in review at `version`; returns the new
/// revision. Publishing a text while its other language is left out of date
/// needs `confirm_stale`, and the confirmation goes in the audit.
pub async fn publish(
    store: &dyn Store,
    user: &User,
    rules: Rules,
    path: &str,
    version: i64,
    confirm_stale: bool,
) -> EditorialResult<i64> {
    editor(user)?;
    content_path(path)?;
    let draft = store.draft(path).await?.ok_or(EditorialError::NotFound)?;
    if draft.version != version {
        return Err(EditorialError::Conflict);
    }
    if draft.state != DraftState::InReview {
        return Err(EditorialError::NotInReview);
    }
    if rules.four_eyes && draft.authors.contains(&user.name) {
        return Err(EditorialError::OwnChange);
    }
    let found = problems(store, path, draft.body.as_deref()).await?;
    if !found.is_empty() {
        return Err(EditorialError::Invalid(found));
    }
    let old = store.content_file(path).await?.map(|(f, _)| f.text);
    let (mut stale, fresh) = translation::effects(path, old.as_deref(), draft.body.as_deref());
    let pending = store.stale_translations().await?;
    let was_pending =
        |(p, l): &(String, Lang)| pending.iter().any(|s| s.path == *p && s.lang == *l);
    // Updating a text that waited for its other language catches it up:
    // it leaves nothing behind.
    if fresh.iter().any(was_pending) {
        stale.clear();
    }
    // This item's texts still waiting after the change.
    let counterpart = translation::counterpart(path).map(|(other, _)| other);
    let waiting: Vec<_> = pending
        .iter()
        .map(|s| (s.path.clone(), s.lang))
        .filter(|t| t.0 == path || Some(&t.0) == counterpart.as_ref())
        .filter(|t| !fresh.contains(t))
        .collect();
    let mut left: Vec<_> = stale.iter().chain(&waiting).cloned().collect();
    left.sort();
    left.dedup();
    if !left.is_empty() && !confirm_stale {
        return Err(EditorialError::TranslationStale(left));
    }
    let mut audit = format!(
        "{path}: draft {version} from revision {}, written by {}",
        draft.base,
        draft.authors.join(", ")
    );
    if draft.body.is_none() {
        audit.push_str("; retired");
    }
    if !left.is_empty() {
        let list: Vec<String> = left
            .iter()
            .map(|(p, l)| format!("{p} ({})", l.code()))
            .collect();
        audit.push_str(&format!(
            "; published with the translation out of date, confirmed: {}",
            list.join(", ")
        ));
    }
    Ok(store
        .publish_draft(
            path,
            version,
            &user.name,
            Publication {
                stale,
                fresh,
                audit,
            },
        )
        .await?)
}
