//! Searching the index: requests, responses and the searcher the CLI and the
//! service share.

pub mod any_of;
pub mod eval;
pub mod expand;
pub mod fuzzy;
pub mod query;
pub mod request;
pub mod snippet;
pub mod statistics;
pub mod suggest;
pub mod unanswered;

use serde::Serialize;
use tantivy::collector::TopDocs;
use tantivy::schema::{Field, Value};
use tantivy::{
    DocAddress, DocId, IndexReader, ReloadPolicy, Score, SegmentReader, TantivyDocument,
};

use crate::analysis::detect::detect;
use crate::analysis::{Markable, Reading};
use crate::index::{self, KIND_CODE_FIELD, SearchIndex, kind_from_code};
use crate::knowledge::{Audience, Kind};
use crate::lang::Lang;

use std::sync::{Arc, OnceLock};

pub use self::request::SearchParams;

use self::expand::Expander;
use self::fuzzy::Terms;
use self::query::Plan;
use self::suggest::Vocabulary;

pub use crate::knowledge::MAX_QUERY_CHARS;
/// Most hits one request may ask for.
pub const MAX_LIMIT: usize = 100;

/// How much each kind's score counts. Articles are the guidance itself;
/// agencies and scripts are what an adviser reaches from it, so on an equal
/// match the article comes first.
pub fn kind_prior(kind: Kind) -> f32 {
    match kind {
        Kind::Article => 1.0,
        Kind::Agency => 0.85,
        Kind::Script => 0.8,
    }
}

/// One search.
#[derive(Debug, Clone)]
pub struct SearchRequest {
    /// What the user typed.
    pub query: String,
    /// Language to search; `None` detects it from the query.
    pub lang: Option<Lang>,
    /// `Internal` searches everything an adviser may see; `Public` only what
    /// the public page may show.
    pub audience: Audience,
    /// Only this kind of content, or any.
    pub kind: Option<Kind>,
    /// How many hits.
    pub limit: usize,
    /// Whether the last word may be unfinished (search-as-you-type).
    pub prefix: bool,
    /// Content to rank higher when it matches: what the caller's words are
    /// about, as the assistant understood them.
    pub boost: Vec<Boost>,
    /// The query already read, which must be the reading of `query` (a
    /// contact's turn is read once for the assistant and for search);
    /// `None` reads it here.
    pub reading: Option<Arc<Reading>>,
}

/// A piece of content to rank higher when it matches the query.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Boost {
    /// Its kind.
    pub kind: Kind,
    /// Its id.
    pub id: String,
    /// How much, in percent of [`query::BOOST_WEIGHT`].
    pub percent: u8,
}

impl SearchRequest {
    /// A request with the defaults: detect the language, everything an
    /// adviser may see, any kind, ten hits, prefix matching on.
    pub fn new(query: impl Into<String>) -> Self {
        SearchRequest {
            query: query.into(),
            lang: None,
            audience: Audience::Internal,
            kind: None,
            limit: 10,
            prefix: true,
            boost: Vec::new(),
            reading: None,
        }
    }
}

/// The result of a search: the JSON contract of `canllaw search --json` and
/// of the API.
#[derive(Debug, Clone, Serialize)]
pub struct SearchResponse {
    /// The query as given.
    pub query: String,
    /// The language searched.
    pub lang: Lang,
    /// Hits, best first.
    pub hits: Vec<Hit>,
    /// When nothing was found: the query with unknown words replaced by the
    /// closest indexed ones ("did you mean").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<String>,
    /// The language of the suggestion, when it is not `lang`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion_lang: Option<Lang>,
    /// When the language was detected and nothing was found: the other
    /// language, if searching in it finds something or can suggest a
    /// spelling ("compalint" looks Welsh, but is a mistyped English word).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub try_lang: Option<Lang>,
}

/// One hit.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    /// Content id.
    pub id: String,
    /// Kind of content.
    pub kind: Kind,
    /// Language of the content.
    pub lang: Lang,
    /// Title or name.
    pub title: String,
    /// Relevance score (only comparable within one response).
    pub score: f32,
    /// Text around the matches as HTML, matches in `<mark>`.
    pub snippet: String,
    /// Who may see it.
    pub audience: Audience,
}

/// Why a search could not run.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// The query is longer than [`MAX_QUERY_CHARS`].
    #[error("the query is too long ({chars} characters; the limit is {MAX_QUERY_CHARS})")]
    QueryTooLong {
        /// Its length.
        chars: usize,
    },
    /// The limit is 0 or above [`MAX_LIMIT`].
    #[error("the number of results must be between 1 and {MAX_LIMIT}")]
    BadLimit,
    /// A parameter has a value that is not one of its choices.
    #[error("{problem}")]
    BadParameter {
        /// The parameter.
        name: &'static str,
        /// What is wrong, in words (`unknown language 'fr'`).
        problem: String,
    },
    /// The search was stopped before it finished (its thread panicked or
    /// the service is shutting down).
    #[error("the search was interrupted: {0}")]
    Interrupted(String),
    /// The index failed.
    #[error("the search index failed: {0}")]
    Index(#[from] tantivy::TantivyError),
}

/// Bytes of responses remembered per searcher. Search-as-you-type from a
/// room of advisers repeats the same words and prefixes all day; a searcher
/// belongs to one version of the knowledge, so the cache can never serve
/// stale hits. Bounded by bytes, not entries, so a stream of unique long
/// queries cannot grow the process (see the README's memory figures).
pub const CACHE_BYTES: u64 = 24 * 1024 * 1024;

/// A typical response's weight, to size the cache's table.
const TYPICAL_RESPONSE_BYTES: u64 = 4 * 1024;

/// Weighs a cached response by the bytes it holds: the structs and their
/// strings' heap, plus the cache's own bookkeeping per entry.
#[derive(Debug, Clone, Copy, Default)]
pub struct ResponseWeight;

impl quick_cache::Weighter<CacheKey, SearchResponse> for ResponseWeight {
    fn weight(&self, key: &CacheKey, r: &SearchResponse) -> u64 {
        use std::mem::size_of;
        let hits: usize = r
            .hits
            .iter()
            .map(|h| size_of::<Hit>() + h.id.len() + h.title.len() + h.snippet.len())
            .sum();
        let bytes = size_of::<CacheKey>()
            + key.query.capacity()
            + size_of::<SearchResponse>()
            + r.query.capacity()
            + r.suggestion.as_ref().map_or(0, String::capacity)
            + r.hits.capacity().saturating_sub(r.hits.len()) * size_of::<Hit>()
            + hits
            + 64;
        bytes as u64
    }
}

type ResponseCache = quick_cache::sync::Cache<CacheKey, SearchResponse, ResponseWeight>;

/// Bytes of documents' texts kept read for snippets (see [`Markable`]).
/// The bundled knowledge needs under 2 MiB; a large index keeps its
/// popular documents.
pub const MARKABLE_BYTES: u64 = 16 * 1024 * 1024;

/// Weighs a text read for snippets.
#[derive(Debug, Clone, Copy, Default)]
pub struct MarkableWeight;

impl quick_cache::Weighter<(DocAddress, Field), Arc<Markable>> for MarkableWeight {
    fn weight(&self, _: &(DocAddress, Field), read: &Arc<Markable>) -> u64 {
        (read.bytes() + 64) as u64
    }
}

type MarkableCache = quick_cache::sync::Cache<(DocAddress, Field), Arc<Markable>, MarkableWeight>;

/// What a cached response is keyed by: the request, with the query trimmed.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CacheKey {
    query: String,
    lang: Option<Lang>,
    audience: Audience,
    kind: Option<Kind>,
    limit: usize,
    prefix: bool,
    boost: Vec<Boost>,
}

impl CacheKey {
    fn of(req: &SearchRequest) -> Self {
        CacheKey {
            query: req.query.trim().to_string(),
            lang: req.lang,
            audience: req.audience,
            kind: req.kind,
            limit: req.limit,
            prefix: req.prefix,
            boost: req.boost.clone(),
        }
    }
}

/// Searches one index. Cheap to share between threads.
#[derive(Clone)]
pub struct Searcher {
    index: SearchIndex,
    reader: IndexReader,
    cache: Arc<ResponseCache>,
    /// Documents' texts read for snippets, by address and field.
    markable: Arc<MarkableCache>,
    /// Per-language vocabularies for suggestions, read on first need.
    vocabularies: Arc<[OnceLock<Vocabulary>; 2]>,
    /// Per-language terms for typo tolerance, read on first need.
    fuzzy_terms: Arc<[OnceLock<Terms>; 2]>,
    /// The index's glossary and thesaurus expansions, analysed.
    expander: Arc<Expander>,
}

impl Searcher {
    /// A searcher over `index`.
    pub fn new(index: SearchIndex) -> Result<Self, SearchError> {
        let reader = index
            .index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(Searcher {
            expander: Arc::new(Expander::new(&index.expansions)),
            index,
            reader,
            cache: Arc::new(ResponseCache::with_weighter(
                (CACHE_BYTES / TYPICAL_RESPONSE_BYTES) as usize,
                CACHE_BYTES,
                ResponseWeight,
            )),
            markable: Arc::new(MarkableCache::with_weighter(
                4096,
                MARKABLE_BYTES,
                MarkableWeight,
            )),
            vocabularies: Arc::default(),
            fuzzy_terms: Arc::default(),
        })
    }

    fn vocabulary(&self, lang: Lang) -> &Vocabulary {
        self.once(&self.vocabularies[lang as usize], |s, f| {
            Vocabulary::build(s, f, lang)
        })
    }

    fn fuzzy_terms(&self, lang: Lang) -> &Terms {
        self.once(&self.fuzzy_terms[lang as usize], |s, f| {
            Terms::build(s, f, lang)
        })
    }

    /// What `cell` holds, read from the index the first time it is needed
    /// (by one thread; others wait for it). An index that cannot be read
    /// leaves it empty: no suggestions or typo tolerance, but searches go
    /// on, and the error is logged.
    fn once<'a, T: Default>(
        &self,
        cell: &'a OnceLock<T>,
        build: impl FnOnce(&tantivy::Searcher, &index::Fields) -> tantivy::Result<T>,
    ) -> &'a T {
        cell.get_or_init(|| {
            build(&self.reader.searcher(), &self.index.fields).unwrap_or_else(|e| {
                tracing::warn!(error = %e, "could not read the index's terms");
                T::default()
            })
        })
    }

    /// How many documents the index holds.
    pub fn num_docs(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// Runs one search, or answers it from the cache of recent responses.
    pub fn search(&self, req: &SearchRequest) -> Result<SearchResponse, SearchError> {
        if let Some(hit) = self.cached(req) {
            return Ok(hit);
        }
        let response = self.search_uncached(req)?;
        self.cache.insert(CacheKey::of(req), response.clone());
        Ok(response)
    }

    /// Bytes the remembered responses hold, by [`ResponseWeight`]: never
    /// more than [`CACHE_BYTES`].
    pub fn cached_bytes(&self) -> u64 {
        self.cache.weight()
    }

    /// The remembered response to `req`, if any: cheap enough to call on an
    /// async executor before handing a real search to a blocking thread.
    pub fn cached(&self, req: &SearchRequest) -> Option<SearchResponse> {
        let mut hit = self.cache.get(&CacheKey::of(req))?;
        hit.query = req.query.clone();
        Some(hit)
    }

    /// Remembers `response` as the answer to `req`: for callers that ran
    /// [`Searcher::search_uncached`] themselves, or answered a request as
    /// another (a sentence searched with its boosts).
    pub fn remember(&self, req: &SearchRequest, response: &SearchResponse) {
        self.cache.insert(CacheKey::of(req), response.clone());
    }

    /// A detected language that found nothing may be the wrong one: short
    /// and mistyped queries are hard to tell apart. Tries the other and,
    /// if it finds anything or knows a spelling, says so (and offers its
    /// spelling when the first language had none).
    fn rescue(
        &self,
        req: &SearchRequest,
        response: &mut SearchResponse,
    ) -> Result<(), SearchError> {
        let other = response.lang.other();
        let mut again = req.clone();
        again.lang = Some(other);
        let found = self.search_uncached(&again)?;
        if found.hits.is_empty() && found.suggestion.is_none() {
            return Ok(());
        }
        response.try_lang = Some(other);
        if response.suggestion.is_none() && found.suggestion.is_some() {
            response.suggestion = found.suggestion;
            response.suggestion_lang = Some(other);
        }
        Ok(())
    }

    /// Runs one search against the index, bypassing the cache of responses
    /// (benchmarks measure this; documents' texts read for snippets and
    /// typo look-ups are still remembered).
    pub fn search_uncached(&self, req: &SearchRequest) -> Result<SearchResponse, SearchError> {
        let mut response = self.hits(req)?;
        if response.hits.is_empty() {
            let lang = response.lang;
            response.suggestion = self.vocabulary(lang).correct(lang, &req.query);
            // The vocabulary is every document's. On public pages a
            // suggestion is offered only when it finds public content, so
            // it never gives away a word that only internal content uses.
            if req.audience == Audience::Public
                && let Some(s) = &response.suggestion
            {
                let mut again = req.clone();
                again.query = s.clone();
                again.lang = Some(lang);
                again.reading = None;
                if self.hits(&again)?.hits.is_empty() {
                    response.suggestion = None;
                }
            }
            if req.lang.is_none() {
                self.rescue(req, &mut response)?;
            }
        }
        Ok(response)
    }

    /// A snippet of one field of a hit, its text read once per searcher.
    fn snippet(
        &self,
        at: (DocAddress, Field),
        text: &str,
        lang: Lang,
        terms: &std::collections::HashSet<String>,
    ) -> Option<String> {
        if text.is_empty() {
            return None;
        }
        let read = self
            .markable
            .get_or_insert_with(&at, || {
                Ok::<_, std::convert::Infallible>(Arc::new(Markable::new(lang, text)))
            })
            .unwrap_or_else(|never| match never {});
        snippet::snippet(text, &read, terms)
    }

    /// The hits for `req`, without suggestions.
    fn hits(&self, req: &SearchRequest) -> Result<SearchResponse, SearchError> {
        let chars = req.query.chars().count();
        if chars > MAX_QUERY_CHARS {
            return Err(SearchError::QueryTooLong { chars });
        }
        if req.limit == 0 || req.limit > MAX_LIMIT {
            return Err(SearchError::BadLimit);
        }
        let lang = req.lang.unwrap_or_else(|| detect(&req.query).lang);
        let reading = match &req.reading {
            Some(r) => r.clone(),
            None => Arc::new(Reading::new(&req.query)),
        };
        let plan = Plan::read(&req.query, &reading, lang, &self.expander, req.prefix);
        let mut response = SearchResponse {
            query: req.query.clone(),
            lang,
            hits: Vec::new(),
            suggestion: None,
            suggestion_lang: None,
            try_lang: None,
        };
        if plan.is_empty() {
            return Ok(response);
        }
        let searcher = self.reader.searcher();
        let statistics = statistics::Statistics::new(&searcher);
        let known = |t: &tantivy::Term| statistics.has(t);
        let fields = &self.index.fields;
        // The terms are read on the first word that needs them.
        let near = |word: &str, distance: u8| self.fuzzy_terms(lang).near(word, distance);
        let query = query::build(
            &plan,
            fields,
            req.audience,
            req.kind,
            &req.boost,
            &query::Lookup {
                known: &known,
                near: &near,
            },
        );
        let collector = TopDocs::with_limit(req.limit).tweak_score(|segment: &SegmentReader| {
            let kinds = segment.fast_fields().u64(KIND_CODE_FIELD).ok();
            move |doc: DocId, score: Score| {
                let code = kinds.as_ref().and_then(|c| c.first(doc)).unwrap_or(0);
                score * kind_prior(kind_from_code(code))
            }
        });
        let top = searcher.search_with_statistics_provider(&*query, &collector, &statistics)?;
        let highlight = plan.highlight_terms();
        for (score, address) in top {
            let doc: TantivyDocument = searcher.doc(address)?;
            let text = |f| {
                doc.get_first(f)
                    .and_then(|v| v.as_str())
                    .unwrap_or("")
                    .to_string()
            };
            let (id, kind, hit_lang, audience) = (
                text(fields.id),
                text(fields.kind),
                text(fields.lang),
                text(fields.audience),
            );
            let (title, summary, body) = (
                text(fields.title_text),
                text(fields.summary_text),
                text(fields.body_text),
            );
            let hit_lang: Lang = hit_lang.parse().unwrap_or(lang);
            // An agency's body is its advice to advisers: never shown on
            // public pages (its description is).
            let body = if req.audience == Audience::Public && kind == Kind::Agency.as_str() {
                String::new()
            } else {
                body
            };
            let snippet = self
                .snippet((address, fields.body_text), &body, hit_lang, &highlight)
                .or_else(|| {
                    self.snippet(
                        (address, fields.summary_text),
                        &summary,
                        hit_lang,
                        &highlight,
                    )
                })
                .unwrap_or_else(|| snippet::lead(&summary));
            response.hits.push(Hit {
                id,
                kind: kind.parse().unwrap_or(Kind::Article),
                lang: hit_lang,
                title,
                score,
                snippet,
                audience: audience.parse().unwrap_or(Audience::Internal),
            });
        }
        Ok(response)
    }
}
