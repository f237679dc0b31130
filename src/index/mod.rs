//! The tantivy index: schema, analysers, documents, and building or opening
//! the index under the data folder.
//!
//! Each build goes to `DATA/index/<fingerprint>/`, named after the knowledge
//! it was built from, and is written to a temporary folder first and renamed
//! into place when complete. A reader therefore never sees a half-built index,
//! two processes building at once cannot corrupt each other, and a changed
//! knowledge base simply gets a new folder.

mod documents;
pub mod expansions;
mod schema;
mod tokenizers;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use anyhow::{Context, Result};
use tantivy::{Index, IndexWriter, TantivyDocument, doc};

pub use self::documents::{IndexDoc, documents, markdown_to_text};
pub use self::schema::{
    Fields, KIND_CODE_FIELD, TEXT_FIELDS, TextField, kind_code, kind_from_code,
};
pub use self::tokenizers::Mode;

use crate::analysis::{ANALYSIS_VERSION, phrase_keys};
use crate::knowledge::{self, KnowledgeBase, Problem};

use self::expansions::Expansion;

/// Memory for the index writer (tantivy needs at least 15 MB per thread).
const WRITER_MEMORY: usize = 50_000_000;
/// File in a finished index folder holding its query expansions.
const EXPANSIONS_FILE: &str = "expansions.json";

/// An opened index and its field handles.
#[derive(Clone)]
pub struct SearchIndex {
    /// The tantivy index.
    pub index: Index,
    /// Field handles.
    pub fields: Fields,
    /// Glossary and thesaurus expansions of queries.
    pub expansions: Vec<Expansion>,
}

/// How [`open_or_build`] got its index.
#[derive(Debug)]
pub struct Opened {
    /// The index.
    pub index: SearchIndex,
    /// Whether it was (re)built just now.
    pub built: bool,
    /// Problems met loading the knowledge base (when built).
    pub problems: Vec<Problem>,
    /// The folder it lives in.
    pub dir: PathBuf,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex").finish_non_exhaustive()
    }
}

fn new_index_in(dir: &Path) -> Result<(Index, Fields)> {
    let (schema, fields) = schema::build();
    let index = Index::create_in_dir(dir, schema).context("creating the index")?;
    tokenizers::register(index.tokenizers());
    Ok((index, fields))
}

/// Opens a finished index folder.
pub fn open(dir: &Path) -> Result<SearchIndex> {
    let index = Index::open_in_dir(dir)
        .with_context(|| format!("opening the index in {}", dir.display()))?;
    // A file cut short (a full disk, a crash, a bad copy) must show now,
    // while the index can still be rebuilt, not in the first search: every
    // file's checksum, and every segment opened once.
    let damaged = index
        .validate_checksum()
        .with_context(|| format!("checking the index in {}", dir.display()))?;
    if !damaged.is_empty() {
        anyhow::bail!(
            "the index in {} is damaged: {}",
            dir.display(),
            damaged
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    index
        .reader_builder()
        .reload_policy(tantivy::ReloadPolicy::Manual)
        .try_into()
        .map(|_: tantivy::IndexReader| ())
        .with_context(|| format!("reading the index in {}", dir.display()))?;
    tokenizers::register(index.tokenizers());
    let (_, fields) = schema::build();
    let expansions = fs::read(dir.join(EXPANSIONS_FILE))
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default();
    Ok(SearchIndex {
        index,
        fields,
        expansions,
    })
}

/// Writes `docs` into a new index in `dir`, reporting progress as (done, total).
pub fn build_into(
    dir: &Path,
    docs: &[IndexDoc],
    expansions: &[Expansion],
    progress: &mut dyn FnMut(usize, usize),
) -> Result<SearchIndex> {
    fs::create_dir_all(dir)?;
    let (index, fields) = new_index_in(dir)?;
    let mut writer: IndexWriter = index.writer(WRITER_MEMORY)?;
    for (i, d) in docs.iter().enumerate() {
        writer.add_document(to_tantivy(&fields, d))?;
        progress(i + 1, docs.len());
    }
    writer.commit()?;
    // Each indexing thread writes its own segment. Merged into one, a
    // query pays its per-segment costs (term look-ups, scorers) once: the
    // bundled knowledge came out as two segments, and uncached searches
    // were that much dearer.
    let segments = index.searchable_segment_ids()?;
    if segments.len() > 1 {
        writer.merge(&segments).wait()?;
    }
    writer.wait_merging_threads()?;
    fs::write(dir.join(EXPANSIONS_FILE), serde_json::to_vec(expansions)?)?;
    Ok(SearchIndex {
        index,
        fields,
        expansions: expansions.to_vec(),
    })
}

/// Calls `f` with every term of `lang`'s text fields in `mode`, and the
/// number of documents using it; a term in several fields or segments
/// comes once for each.
pub fn for_each_text_term(
    searcher: &tantivy::Searcher,
    fields: &Fields,
    lang: crate::lang::Lang,
    mode: Mode,
    mut f: impl FnMut(&[u8], u32),
) -> tantivy::Result<()> {
    for segment in searcher.segment_readers() {
        for (field, _) in TEXT_FIELDS {
            let inverted = segment.inverted_index(fields.text(lang, field, mode))?;
            let mut stream = inverted.terms().stream()?;
            while stream.advance() {
                f(stream.key(), stream.value().doc_freq);
            }
        }
    }
    Ok(())
}

fn to_tantivy(f: &Fields, d: &IndexDoc) -> TantivyDocument {
    let mut doc = doc!(
        f.key => format!("{}:{}:{}", d.kind, d.id, d.lang),
        f.id => d.id.clone(),
        f.kind => d.kind.as_str(),
        f.kind_code => kind_code(d.kind),
        f.lang => d.lang.code(),
        f.audience => d.audience.as_str(),
        f.title_text => d.title.clone(),
        f.summary_text => d.summary.clone(),
        f.body_text => d.body.clone(),
    );
    let mut keys: Vec<String> = std::iter::once(d.title.as_str())
        .chain(d.keywords.lines())
        .flat_map(|k| phrase_keys(d.lang, k))
        .collect();
    keys.sort();
    keys.dedup();
    for key in keys {
        doc.add_text(f.keyphrase, key);
    }
    for (field, text) in [
        (TextField::Title, &d.title),
        (TextField::Keywords, &d.keywords),
        (TextField::Summary, &d.summary),
        (TextField::Body, &d.body),
    ] {
        for mode in [Mode::Exact, Mode::Expand] {
            doc.add_text(f.text(d.lang, field, mode), text);
        }
    }
    doc
}

/// Opens the index for the knowledge in `knowledge_dir`, building it under
/// `data_dir/index/` first if there is none for this exact knowledge.
/// `force` rebuilds even when an up-to-date index exists.
pub fn open_or_build(
    knowledge_dir: &Path,
    data_dir: &Path,
    force: bool,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Opened> {
    let (sources, mut problems) = knowledge::read_sources(knowledge_dir)
        .with_context(|| format!("reading the knowledge base in {}", knowledge_dir.display()))?;
    let (mut opened, _) =
        open_or_build_sources(knowledge_dir, &sources, data_dir, force, progress)?;
    problems.append(&mut opened.problems);
    opened.problems = problems;
    Ok(opened)
}

/// Like [`open_or_build`], for knowledge already read (from files or the
/// store); `root` is the folder the sources' paths start with. Also returns
/// the loaded knowledge base.
pub fn open_or_build_sources(
    root: &Path,
    sources: &[knowledge::Source],
    data_dir: &Path,
    force: bool,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<(Opened, KnowledgeBase)> {
    let fingerprint = format!(
        "v{ANALYSIS_VERSION}-{}",
        knowledge::fingerprint(sources, root)
    );
    let loaded = knowledge::load_sources(root, sources);
    let index_root = data_dir.join("index");
    let dir = index_root.join(&fingerprint);
    if !force && dir.join("meta.json").is_file() {
        match open(&dir) {
            Ok(index) => {
                let opened = Opened {
                    index,
                    built: false,
                    problems: loaded.problems,
                    dir,
                };
                return Ok((opened, loaded.kb));
            }
            // The index is only a copy of the store's content: build it
            // again rather than refuse to start.
            Err(e) => tracing::warn!(error = format!("{e:#}"), "rebuilding the search index"),
        }
    }
    let index = build_dir(&index_root, &dir, &loaded.kb, progress)?;
    let opened = Opened {
        index,
        built: true,
        problems: loaded.problems,
        dir,
    };
    Ok((opened, loaded.kb))
}

fn build_dir(
    root: &Path,
    dir: &Path,
    kb: &KnowledgeBase,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<SearchIndex> {
    fs::create_dir_all(root)
        .with_context(|| format!("creating the index folder {}", root.display()))?;
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    let tmp = root.join(format!(".building-{}-{nanos}", std::process::id()));
    build_into(&tmp, &documents(kb), &expansions::of(kb), progress)?;
    if dir.exists() {
        // A forced rebuild, or another process won the race: replace it.
        let old = root.join(format!(".old-{}-{nanos}", std::process::id()));
        fs::rename(dir, &old).ok();
        fs::remove_dir_all(&old).ok();
    }
    if fs::rename(&tmp, dir).is_err() {
        // Someone else finished the same index first; theirs is as good.
        fs::remove_dir_all(&tmp).ok();
    }
    // Older indexes are for knowledge that no longer exists.
    if let Ok(entries) = fs::read_dir(root) {
        for e in entries.flatten() {
            let p = e.path();
            let name = e.file_name();
            let name = name.to_string_lossy();
            if p != dir && p.is_dir() && !name.starts_with(".building-") {
                fs::remove_dir_all(&p).ok();
            }
        }
    }
    open(dir)
}
