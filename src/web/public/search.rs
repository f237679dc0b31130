//! `/cy/chwilio`, `/en/search`: search over public content only, in the
//! page's language, with highlighted snippets, spelling suggestions from
//! the index's own words, and a helpful page when nothing is found.

use std::sync::Arc;

use askama::Template;
use axum::Extension;
use axum::extract::{Query, State};
use axum::response::Response;
use serde::Deserialize;

use crate::knowledge::{Audience, Kind};
use crate::lang::Lang;
use crate::published::Found;
use crate::search::SearchParams;
use crate::web::client::ClientIp;
use crate::web::context::Ctx;
use crate::web::error::{AppError, AppResult};
use crate::web::page::render;
use crate::web::site::{Place, Site};
use crate::web::state::AppState;
use crate::web::views::{Link, count_settled, from_search, public_href, public_link};

/// The main ways to complain, offered when a search finds nothing.
const WAYS_TO_COMPLAIN: &[&str] = &["how-to-complain", "direct-complaints", "complaint-reviews"];

/// `?q=`.
#[derive(Debug, Default, Deserialize)]
pub struct PublicSearch {
    #[serde(default)]
    q: String,
}

/// One result as listed.
pub struct Item {
    href: String,
    title: String,
    snippet: String,
    agency: bool,
}

#[derive(Template)]
#[template(path = "public/search.html")]
struct SearchPage {
    site: Site,
    query: String,
    items: Vec<Item>,
    suggestion: Option<Link>,
    /// The same search on the other language's page, when that one finds
    /// something and this one does not.
    try_other: Option<String>,
    ways: Vec<Link>,
    welsh_service: Option<Link>,
}

/// `GET`: the form, and its results when there is a query.
pub async fn page(
    ctx: Ctx,
    State(state): State<Arc<AppState>>,
    Extension(lang): Extension<Lang>,
    ClientIp(client): ClientIp,
    Query(p): Query<PublicSearch>,
) -> AppResult<Response> {
    let site = Site::new(&ctx, lang, Place::Search, None);
    if !p.q.trim().is_empty()
        && let Err(wait) = state
            .public_search_limit
            .check_key(&crate::web::client::network(client))
    {
        let retry = wait.wait_time_from(governor::clock::Clock::now(
            &governor::clock::DefaultClock::default(),
        ));
        return Err(AppError::TooManyRequests {
            retry_after: retry.as_secs().max(1),
        });
    }
    let published = state.published();
    let kb = &published.kb;
    let query = p.q.trim().to_string();
    let params = SearchParams {
        q: query.clone(),
        lang: Some(lang.code().to_string()),
        // Enforced here, on the server: nothing internal is ever searched.
        audience: Some("public".to_string()),
        ..SearchParams::default()
    };
    let req = params.parse()?;
    let found = if req.query.is_empty() {
        None
    } else {
        Some(published.clone().search_or_other(req).await?)
    };
    let mut items = Vec::new();
    let mut suggestion = None;
    let mut try_other = None;
    if let Some(Found {
        response: r,
        other_finds,
    }) = found
    {
        count_settled(&state.store, &r, Audience::Public).await;
        // Words of the other language on this page: offer its search.
        if other_finds {
            try_other = Some(Place::Search.href(lang.other(), None, Some(&encode_q(&r.query))));
        }
        let (searched, searched_lang) = (r.query.clone(), r.lang);
        items = r
            .hits
            .into_iter()
            .filter_map(|h| {
                Some(Item {
                    href: from_search(
                        &public_href(kb, h.kind, &h.id, h.lang)?,
                        &searched,
                        searched_lang,
                    ),
                    agency: h.kind == Kind::Agency,
                    title: h.title,
                    snippet: h.snippet,
                })
            })
            .collect();
        suggestion = r.suggestion.map(|s| Link {
            href: Place::Search.href(lang, None, Some(&encode_q(&s))),
            id: String::new(),
            title: s,
        });
    }
    let link = |id: &str| public_link(kb, Kind::Article, id, lang);
    Ok(render(&SearchPage {
        ways: WAYS_TO_COMPLAIN.iter().filter_map(|id| link(id)).collect(),
        welsh_service: link("welsh-language-service"),
        site,
        query,
        items,
        suggestion,
        try_other,
    }))
}

fn encode_q(q: &str) -> String {
    form_urlencoded::Serializer::new(String::new())
        .append_pair("q", q)
        .finish()
}
