//! The published knowledge as the service uses it: the knowledge base read
//! from the store, and a searcher over the index built from it. The web layer
//! holds one [`Published`] at a time and swaps in a new one when content
//! changes, so a request always sees one consistent version.

use std::path::Path;
use std::sync::Arc;

use anyhow::{Context, Result, bail};

use crate::index::{self, Opened};
use crate::knowledge::{KnowledgeBase, Problem};
use crate::search::{SearchError, SearchRequest, SearchResponse, Searcher};
use crate::store::{ImportReport, Store, read_import_dir, sources_of};

/// One version of the published knowledge.
pub struct Published {
    /// The knowledge base.
    pub kb: KnowledgeBase,
    /// Search over it.
    pub searcher: Searcher,
    /// Problems met loading it (content that failed to parse is left out).
    pub problems: Vec<Problem>,
    /// Whether the index was built just now (rather than reused).
    pub built: bool,
}

impl Published {
    /// Runs a search from async code: a remembered response is answered at
    /// once; a new search (analysis and scoring are CPU work) runs on a
    /// blocking thread so it never stalls the executor.
    pub async fn search(
        self: Arc<Self>,
        req: SearchRequest,
    ) -> Result<SearchResponse, SearchError> {
        if let Some(hit) = self.searcher.cached(&req) {
            return Ok(hit);
        }
        self.run(move |p| crate::assistant::guided::search(&p.kb, &p.searcher, req))
            .await?
    }

    /// A search in one language that, when it finds nothing, also asks
    /// whether the same words find something in the other language (a
    /// Welsh page's reader may have typed English). Both searches share one
    /// turn on a search thread: queued twice, a search that found nothing
    /// waited twice as long as one that did.
    pub async fn search_or_other(
        self: Arc<Self>,
        req: SearchRequest,
    ) -> Result<Found, SearchError> {
        let lang = req.lang.unwrap_or(crate::lang::Lang::Cy);
        let mut other = req.clone();
        other.lang = Some(lang.other());
        other.limit = 1;
        let cached = |response: SearchResponse| {
            if !response.hits.is_empty() {
                return Some(Found {
                    response,
                    other_finds: false,
                });
            }
            let other = self.searcher.cached(&other)?;
            Some(Found {
                response,
                other_finds: !other.hits.is_empty(),
            })
        };
        if let Some(found) = self.searcher.cached(&req).and_then(cached) {
            return Ok(found);
        }
        self.run(move |p| {
            let search = |r| crate::assistant::guided::search(&p.kb, &p.searcher, r);
            let response = search(req)?;
            let other_finds = response.hits.is_empty() && !search(other)?.hits.is_empty();
            Ok(Found {
                response,
                other_finds,
            })
        })
        .await?
    }

    /// Runs CPU work on a search thread (see [`crate::workers`]).
    async fn run<T: Send + 'static>(
        self: Arc<Self>,
        work: impl FnOnce(&Published) -> T + Send + 'static,
    ) -> Result<T, SearchError> {
        crate::workers::run(move || work(&self))
            .await
            .map_err(|e| SearchError::Interrupted(e.to_string()))
    }
}

/// What [`Published::search_or_other`] found.
#[derive(Debug)]
pub struct Found {
    /// The search in the language asked for.
    pub response: SearchResponse,
    /// When that found nothing: whether the other language finds something.
    pub other_finds: bool,
}

/// Fills an empty store from a knowledge-base folder (the bundled
/// `knowledge/` on first start). Returns `None` when the store already had
/// content.
pub async fn seed_if_empty(
    store: &dyn Store,
    knowledge_dir: &Path,
) -> Result<Option<ImportReport>> {
    if !store.content().await?.is_empty() {
        return Ok(None);
    }
    Ok(Some(import(store, knowledge_dir, "seed").await?))
}

/// Replaces the store's content with a knowledge-base folder, refusing the
/// whole import if any file has a problem.
pub async fn import(store: &dyn Store, dir: &Path, author: &str) -> Result<ImportReport> {
    let files = match read_import_dir(dir)
        .with_context(|| format!("reading the knowledge base in {}", dir.display()))?
    {
        Ok(files) => files,
        Err(problems) => {
            let list: Vec<String> = problems.iter().map(ToString::to_string).collect();
            bail!(
                "{} problem(s) in {}; nothing was imported:\n{}",
                problems.len(),
                dir.display(),
                list.join("\n")
            );
        }
    };
    let report = store.replace_content(files, author).await?;
    store
        .audit(
            author,
            "content.import",
            &format!(
                "added {} changed {} removed {}",
                report.added, report.changed, report.removed
            ),
        )
        .await?;
    Ok(report)
}

/// Loads the published content again after a publication, with the
/// assistant's classifier ready (trained again only if its examples
/// changed), so the first request after the swap does not wait for it.
pub async fn reload(store: &dyn Store, data_dir: &Path) -> Result<Published> {
    let started = std::time::Instant::now();
    let published = load(store, data_dir, false, Box::new(|_, _| {})).await?;
    tracing::debug!(
        ms = started.elapsed().as_millis() as u64,
        "content loaded and indexed"
    );
    for p in &published.problems {
        tracing::warn!(problem = %p, "stored content skipped");
    }
    let data = data_dir.to_path_buf();
    Ok(tokio::task::spawn_blocking(move || {
        let started = std::time::Instant::now();
        crate::assistant::classifier::Classifier::for_kb_saved_in(&published.kb, &data);
        tracing::debug!(
            ms = started.elapsed().as_millis() as u64,
            "classifier ready"
        );
        published
    })
    .await?)
}

/// Loads the published content from the store and opens (building if
/// needed) its index under `data_dir`, reporting indexing progress.
pub async fn load(
    store: &dyn Store,
    data_dir: &Path,
    force: bool,
    progress: Box<dyn FnMut(usize, usize) + Send>,
) -> Result<Published> {
    let files = store.content().await?;
    let data_dir = data_dir.to_path_buf();
    tokio::task::spawn_blocking(move || {
        let mut progress = progress;
        let sources = sources_of(&files);
        let (opened, kb) =
            index::open_or_build_sources(Path::new(""), &sources, &data_dir, force, &mut progress)?;
        let Opened {
            index,
            built,
            problems,
            ..
        } = opened;
        Ok(Published {
            kb,
            searcher: Searcher::new(index)?,
            problems,
            built,
        })
    })
    .await?
}
