//! The search page, and the results fragment the page's script fetches as
//! the adviser types.

use std::sync::Arc;

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use serde::Deserialize;

use super::HOME;
use crate::i18n::Tr;
use crate::knowledge::{Audience, Kind};
use crate::lang::Lang;
use crate::search::{SearchParams, SearchResponse};
use crate::web::context::Ctx;
use crate::web::error::AppResult;
use crate::web::page::{Chrome, render};
use crate::web::session::CurrentUser;
use crate::web::state::AppState;
use crate::web::views::{Link, count_settled, from_search, href};

/// Articles offered when a search finds nothing.
const STARTING_POINTS: &[&str] = &[
    "how-to-complain",
    "complaint-reviews",
    "case-updates",
    "outside-our-remit",
    "call-handling-standards",
];

/// Console search parameters (`lang` and `caller` belong to the switches).
#[derive(Debug, Default, Deserialize)]
pub struct ConsoleSearch {
    #[serde(default)]
    q: String,
    /// Query language: `auto`, `cy` or `en`.
    qlang: Option<String>,
    /// `any`, `article`, `agency` or `script`.
    kind: Option<String>,
    /// The page the search is on, for its links: the search page, or a
    /// contact's search panel (`/contacts/7`).
    from: Option<String>,
    /// Set by the page's script once the adviser has stopped typing: the
    /// search is counted for the editors (a submitted one always is).
    settled: Option<String>,
}

impl ConsoleSearch {
    /// A search of everything for `q`, from the page at `from`.
    pub(super) fn of(q: String, from: String) -> Self {
        ConsoleSearch {
            q,
            from: Some(from),
            ..ConsoleSearch::default()
        }
    }

    /// Where the search's own links lead: this page again, with another
    /// query. Only the search page and contact pages are allowed, so the
    /// parameter cannot send anyone elsewhere.
    fn link(&self, q: &str, lang: Option<Lang>) -> String {
        let base = match self.from.as_deref() {
            Some(p)
                if p.strip_prefix("/console/contacts/")
                    .is_some_and(|id| !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit())) =>
            {
                p
            }
            _ => HOME,
        };
        let mut query = form_urlencoded::Serializer::new(String::new());
        query.append_pair("q", q);
        if let Some(l) = lang {
            query.append_pair("qlang", l.code());
        }
        if let Some(k) = self.kind.as_deref().filter(|_| base == HOME) {
            query.append_pair("kind", k);
        }
        let fragment = if base == HOME { "" } else { "#p-search" };
        format!("{base}?{}{fragment}", query.finish())
    }
}

/// One result as listed.
pub struct ResultItem {
    href: String,
    title: String,
    kind_label: String,
    lang: Lang,
    snippet: String,
    internal: bool,
}

/// The results block, rendered inside the page or alone.
#[derive(Template)]
#[template(path = "results.html")]
pub struct Results {
    t: Tr,
    query: String,
    searched_lang: Option<Lang>,
    items: Vec<ResultItem>,
    suggestion: Option<Link>,
    /// "Search in English instead" (or Welsh).
    try_other: Option<(String, Lang)>,
    starting_points: Vec<Link>,
}

#[derive(Template)]
#[template(path = "search.html")]
struct SearchPage {
    chrome: Chrome,
    query: String,
    qlang: String,
    kind: String,
    results: Results,
}

/// The results for `p`; a `settled` search (submitted, or where typing
/// stopped) is counted for the editors' health page.
pub(super) async fn build(
    state: &AppState,
    ctx: &Ctx,
    p: &ConsoleSearch,
    settled: bool,
) -> AppResult<Results> {
    let t = ctx.tr();
    let params = SearchParams {
        q: p.q.clone(),
        lang: p.qlang.clone(),
        kind: p.kind.clone(),
        ..SearchParams::default()
    };
    let req = params.parse()?;
    let published = state.published();
    let response = if req.query.is_empty() {
        None
    } else {
        Some(published.clone().search(req).await?)
    };
    if let Some(r) = response.as_ref().filter(|_| settled) {
        count_settled(&state.store, r, Audience::Internal).await;
    }
    let starting_points = STARTING_POINTS
        .iter()
        .filter_map(|id| published.kb.find_article(id, ctx.ui))
        .map(|a| Link {
            id: a.page.id.clone(),
            title: a.page.title.clone(),
            href: href(Kind::Article, &a.page.id, a.page.lang),
        })
        .collect();
    Ok(results_view(t, p, response, starting_points))
}

fn results_view(
    t: Tr,
    p: &ConsoleSearch,
    response: Option<SearchResponse>,
    starting_points: Vec<Link>,
) -> Results {
    let searched_lang = response.as_ref().map(|r| r.lang);
    let (items, suggestion, try_other) = match response {
        Some(r) => {
            let (query, lang) = (r.query.clone(), r.lang);
            let items = r
                .hits
                .into_iter()
                .map(|h| ResultItem {
                    href: from_search(&href(h.kind, &h.id, h.lang), &query, lang),
                    kind_label: kind_label(&t, h.kind),
                    internal: h.audience == crate::knowledge::Audience::Internal,
                    title: h.title,
                    lang: h.lang,
                    snippet: h.snippet,
                })
                .collect();
            let suggestion = r.suggestion.map(|s| Link {
                id: String::new(),
                href: p.link(&s, r.suggestion_lang),
                title: s,
            });
            let try_other = r.try_lang.map(|l| (p.link(&r.query, Some(l)), l));
            (items, suggestion, try_other)
        }
        None => (Vec::new(), None, None),
    };
    Results {
        t,
        query: p.q.trim().to_string(),
        searched_lang,
        items,
        suggestion,
        try_other,
        starting_points,
    }
}

/// The label of a kind of content.
pub fn kind_label(t: &Tr, kind: Kind) -> String {
    match kind {
        Kind::Article => t.t("kind-article"),
        Kind::Agency => t.t("kind-agency"),
        Kind::Script => t.t("kind-script"),
    }
}

/// `GET /`: the search page (works without JavaScript: the form submits
/// here).
pub async fn page(
    _: CurrentUser,
    ctx: Ctx,
    State(state): State<Arc<AppState>>,
    Query(p): Query<ConsoleSearch>,
) -> AppResult<Response> {
    let results = build(&state, &ctx, &p, true).await?;
    Ok(render(&SearchPage {
        chrome: Chrome::new(&ctx, "search"),
        query: p.q.clone(),
        qlang: p.qlang.clone().unwrap_or_else(|| "auto".into()),
        kind: p.kind.clone().unwrap_or_else(|| "any".into()),
        results,
    }))
}

/// `GET /search/results`: just the results block, for search-as-you-type.
pub async fn fragment(
    _: CurrentUser,
    ctx: Ctx,
    State(state): State<Arc<AppState>>,
    Query(p): Query<ConsoleSearch>,
) -> AppResult<Response> {
    let settled = p.settled.is_some();
    Ok(render(&build(&state, &ctx, &p, settled).await?))
}
