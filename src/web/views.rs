//! Content shaped for display, shared by the console pages and the JSON
//! API: an article with its rendered body and resolved links, an agency in
//! one language, and so on. Building these is the only place handlers look
//! into the knowledge base.

use serde::Serialize;

use super::markdown::to_safe_html;
use crate::knowledge::{
    Agency, AgencyFilter, Article, Audience, KnowledgeBase, Page, Script, Stage,
};
use crate::lang::Lang;
use crate::store::SearchEvent;

/// A link to another piece of content.
#[derive(Debug, Clone, Serialize)]
pub struct Link {
    /// Content id.
    pub id: String,
    /// Its title or name, in the language asked for.
    pub title: String,
    /// Where the console shows it.
    pub href: String,
}

/// An article ready to show.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleView {
    /// Front matter and Markdown body.
    #[serde(flatten)]
    pub page: Page,
    /// The body as sanitised HTML.
    pub html: String,
    /// Related articles.
    pub related_articles: Vec<Link>,
    /// Agencies to refer to.
    pub related_agencies: Vec<Link>,
    /// Scripts for this situation.
    pub related_scripts: Vec<Link>,
    /// The languages it exists in.
    pub languages: Vec<Lang>,
    /// The owning team's name in the article's language (the glossary's
    /// term; `owner` in the front matter names teams in English).
    pub owner_name: String,
}

/// An agency in one language.
#[derive(Debug, Clone, Serialize)]
pub struct AgencyView {
    /// Id.
    pub id: String,
    /// The language of the texts.
    pub lang: Lang,
    /// Name.
    pub name: String,
    /// What it does.
    pub description: String,
    /// When to refer a caller.
    pub when_to_refer: String,
    /// Opening hours, where known.
    pub hours: Option<String>,
    /// The needs it serves (tags).
    pub needs: Vec<String>,
    /// Areas served.
    pub areas: Vec<String>,
    /// Whether it can serve callers in Welsh.
    pub welsh_service: bool,
    /// Public or internal.
    pub audience: Audience,
    /// Phone, text, relay, email, web.
    pub contact: crate::knowledge::Contact,
    /// Where the details came from.
    pub source: String,
    /// The date every detail was checked, or `false`.
    pub verified: crate::knowledge::date::Verified,
    /// Related articles.
    pub related_articles: Vec<Link>,
}

/// A script in one language.
#[derive(Debug, Clone, Serialize)]
pub struct ScriptView {
    /// Front matter and Markdown body.
    #[serde(flatten)]
    pub page: Page,
    /// The stage of the contact it is for.
    pub stage: Stage,
    /// Who it is for (empty: everyone).
    pub caller_types: Vec<crate::knowledge::CallerType>,
    /// The body as sanitised HTML.
    pub html: String,
}

/// The console address of content.
pub fn href(kind: crate::knowledge::Kind, id: &str, lang: Lang) -> String {
    use crate::knowledge::Kind;
    match kind {
        Kind::Article => format!("/console/articles/{id}?in={}", lang.code()),
        Kind::Agency => format!("/console/agencies/{id}?caller={}", lang.code()),
        Kind::Script => format!("/console/scripts?caller={}#{id}", lang.code()),
    }
}

/// Content Markdown as safe HTML, with references linked and titled in
/// `lang`.
fn body_html(kb: &KnowledgeBase, markdown: &str, lang: Lang, heading_offset: usize) -> String {
    let links = |kind: crate::knowledge::Kind, id: &str| {
        let title = crate::knowledge::reference::title(kb, kind, id, lang)?;
        Some((title, href(kind, id, lang)))
    };
    to_safe_html(markdown, &links, heading_offset)
}

/// An editor's Markdown as the console will show it (the preview): the
/// same renderer and sanitiser, references resolved against the published
/// knowledge.
pub fn preview_html(kb: &KnowledgeBase, markdown: &str, lang: Lang) -> String {
    body_html(kb, markdown, lang, 1)
}

fn article_links(kb: &KnowledgeBase, ids: &[String], lang: Lang) -> Vec<Link> {
    ids.iter()
        .filter_map(|id| kb.find_article(id, lang))
        .map(|a| Link {
            id: a.page.id.clone(),
            title: a.page.title.clone(),
            href: href(crate::knowledge::Kind::Article, &a.page.id, a.page.lang),
        })
        .collect()
}

/// An article with its links resolved.
pub fn article_view(kb: &KnowledgeBase, article: &Article) -> ArticleView {
    let page = &article.page;
    let lang = page.lang;
    ArticleView {
        // On its own page: the title is the h1, the body's ## are h2.
        html: body_html(kb, &page.body, lang, 0),
        related_articles: article_links(kb, &page.related, lang),
        related_agencies: page
            .agencies
            .iter()
            .filter_map(|id| kb.agency(id))
            .map(|a| Link {
                id: a.id.clone(),
                title: a.name.get(lang).clone(),
                href: href(crate::knowledge::Kind::Agency, &a.id, lang),
            })
            .collect(),
        related_scripts: page
            .scripts
            .iter()
            .filter_map(|id| kb.script(id, lang))
            .map(|s| Link {
                id: s.page.id.clone(),
                title: s.page.title.clone(),
                href: href(crate::knowledge::Kind::Script, &s.page.id, lang),
            })
            .collect(),
        languages: Lang::ALL
            .into_iter()
            .filter(|l| kb.article(&page.id, *l).is_some())
            .collect(),
        owner_name: term(kb, &page.owner, lang),
        page: page.clone(),
    }
}

/// An English term in `lang`, as the glossary gives it (unchanged when the
/// glossary does not have it).
fn term(kb: &KnowledgeBase, english: &str, lang: Lang) -> String {
    kb.glossary
        .iter()
        .find(|g| g.en.eq_ignore_ascii_case(english))
        .map_or(english, |g| match lang {
            Lang::Cy => g.cy.as_str(),
            Lang::En => g.en.as_str(),
        })
        .to_string()
}

/// An agency in one language.
pub fn agency_view(kb: &KnowledgeBase, a: &Agency, lang: Lang) -> AgencyView {
    AgencyView {
        id: a.id.clone(),
        lang,
        name: a.name.get(lang).clone(),
        description: a.description.get(lang).clone(),
        when_to_refer: a.when_to_refer.get(lang).clone(),
        hours: a.hours.as_ref().map(|h| h.get(lang).clone()),
        needs: a.needs.clone(),
        areas: a.areas.clone(),
        welsh_service: a.welsh_service,
        audience: a.audience,
        contact: a.contact.clone(),
        source: a.source.clone(),
        verified: a.verified,
        related_articles: article_links(kb, &a.related, lang),
    }
}

/// Where scripts leave room for the adviser's name.
const NAME_SLOTS: [&str; 3] = ["[enw]", "[your name]", "[name]"];

/// `text` with the adviser's name in the scripts' name slots. For HTML,
/// pass the name already escaped.
pub fn fill_name(text: &str, name: &str) -> String {
    NAME_SLOTS
        .iter()
        .fold(text.to_string(), |t, slot| t.replace(slot, name))
}

/// How far a script body's headings move down: `##` becomes `h4`, under
/// the `h3` title scripts are shown with.
const SCRIPT_HEADING_OFFSET: usize = 2;

/// A script ready to show.
pub fn script_view(kb: &KnowledgeBase, s: &Script) -> ScriptView {
    ScriptView {
        page: s.page.clone(),
        stage: s.stage,
        caller_types: s.caller_types.clone(),
        // Scripts are shown under a section heading and their own h3 title.
        html: body_html(kb, &s.page.body, s.page.lang, SCRIPT_HEADING_OFFSET),
    }
}

/// The agencies passing `filter`, in `lang`, sorted by name.
pub fn agencies(
    kb: &KnowledgeBase,
    filter: &AgencyFilter,
    lang: Lang,
) -> Result<Vec<AgencyView>, crate::knowledge::LookupError> {
    Ok(kb
        .find_agencies(filter, lang)?
        .into_iter()
        .map(|a| agency_view(kb, a, lang))
        .collect())
}

/// Scripts in `lang`, in the order of a contact, optionally one stage.
pub fn scripts(kb: &KnowledgeBase, stage: Option<Stage>, lang: Lang) -> Vec<ScriptView> {
    kb.find_scripts(stage, lang)
        .into_iter()
        .map(|s| script_view(kb, s))
        .collect()
}

/// A public article as the public site shows it: internal content and
/// advisers' material (scripts, internal articles and agencies) left out,
/// links to the public site's addresses.
#[derive(Debug, Clone)]
pub struct PublicArticle {
    /// Front matter and Markdown body.
    pub page: Page,
    /// The body as sanitised HTML.
    pub html: String,
    /// Related public articles.
    pub related_articles: Vec<Link>,
    /// Public agencies that can help.
    pub agencies: Vec<Link>,
}

/// Whether an item of `kind` is public, in `lang` where it has versions.
fn is_public(kb: &KnowledgeBase, kind: crate::knowledge::Kind, id: &str, lang: Lang) -> bool {
    use crate::knowledge::Kind;
    match kind {
        Kind::Article => kb
            .article(id, lang)
            .is_some_and(|a| a.page.audience == Audience::Public),
        Kind::Agency => kb
            .agency(id)
            .is_some_and(|a| a.audience == Audience::Public),
        Kind::Script => false,
    }
}

/// The public site's address of public content (`None` for anything else).
pub fn public_href(
    kb: &KnowledgeBase,
    kind: crate::knowledge::Kind,
    id: &str,
    lang: Lang,
) -> Option<String> {
    use super::site::Place;
    use crate::knowledge::Kind;
    if !is_public(kb, kind, id, lang) {
        return None;
    }
    Some(match kind {
        Kind::Article => Place::Article.href(lang, Some(id), None),
        Kind::Agency => format!("{}#{id}", Place::Agencies.path(lang)),
        Kind::Script => return None,
    })
}

/// A link to public content on the public site, titled in `lang`; `None`
/// for anything that is not public.
pub fn public_link(
    kb: &KnowledgeBase,
    kind: crate::knowledge::Kind,
    id: &str,
    lang: Lang,
) -> Option<Link> {
    Some(Link {
        href: public_href(kb, kind, id, lang)?,
        title: crate::knowledge::reference::title(kb, kind, id, lang)?,
        id: id.to_string(),
    })
}

/// A public article ready for the public site; `None` for an internal one,
/// whatever its address says.
pub fn public_article(kb: &KnowledgeBase, article: &Article) -> Option<PublicArticle> {
    use crate::knowledge::Kind;
    let page = &article.page;
    if page.audience != Audience::Public {
        return None;
    }
    let lang = page.lang;
    let links = |kind: Kind, id: &str| {
        let href = public_href(kb, kind, id, lang)?;
        Some((
            crate::knowledge::reference::title(kb, kind, id, lang)?,
            href,
        ))
    };
    let link = |kind: Kind, id: &String| public_link(kb, kind, id, lang);
    Some(PublicArticle {
        html: to_safe_html(&page.body, &links, 0),
        related_articles: page
            .related
            .iter()
            .filter_map(|id| link(Kind::Article, id))
            .collect(),
        agencies: page
            .agencies
            .iter()
            .filter_map(|id| link(Kind::Agency, id))
            .collect(),
        page: page.clone(),
    })
}

/// An agency as the public site shows it: no advice to advisers.
#[derive(Debug, Clone)]
pub struct PublicAgency {
    /// Id (the anchor on the finder's page).
    pub id: String,
    /// Name.
    pub name: String,
    /// What it does.
    pub description: String,
    /// Opening hours, where known.
    pub hours: Option<String>,
    /// Phone, text, email, web.
    pub contact: crate::knowledge::Contact,
    /// Relay UK instructions in this language.
    pub relay: Option<String>,
    /// Whether it can help in Welsh.
    pub welsh_service: bool,
    /// The date every detail was checked, or `false`.
    pub verified: crate::knowledge::date::Verified,
}

/// The public agencies passing `filter`, in `lang`, sorted by name.
pub fn public_agencies(
    kb: &KnowledgeBase,
    filter: &AgencyFilter,
    lang: Lang,
) -> Result<Vec<PublicAgency>, crate::knowledge::LookupError> {
    let filter = AgencyFilter {
        public_only: true,
        ..filter.clone()
    };
    Ok(kb
        .find_agencies(&filter, lang)?
        .into_iter()
        .map(|a| PublicAgency {
            id: a.id.clone(),
            name: a.name.get(lang).clone(),
            description: a.description.get(lang).clone(),
            hours: a.hours.as_ref().map(|h| h.get(lang).clone()),
            relay: a.contact.relay.as_ref().map(|r| r.get(lang).clone()),
            contact: a.contact.clone(),
            welsh_service: a.welsh_service,
            verified: a.verified,
        })
        .collect())
}

/// Counts a search the searcher stopped at, for the editors' health page:
/// one that found nothing, or one whose results were shown. Only the
/// scrubbed text is kept (`search::unanswered`), with its language and
/// audience. Counting is never worth failing a search for: a store error is
/// logged and forgotten.
pub async fn count_settled(
    store: &crate::store::DynStore,
    response: &crate::search::SearchResponse,
    audience: Audience,
) {
    let Some(kept) = crate::search::unanswered::scrub(&response.query) else {
        return;
    };
    let (lang, audience) = (response.lang, audience.as_str());
    let counted = if response.hits.is_empty() {
        store.count_unanswered(&kept, lang, audience).await
    } else {
        store
            .count_search(&kept, lang, audience, SearchEvent::Shown)
            .await
    };
    if let Err(e) = counted {
        tracing::warn!(error = %e, "could not count a search");
    }
}

/// Counts a result opened from a search (the search a result link carries).
pub async fn count_opened(
    store: &crate::store::DynStore,
    query: &str,
    lang: Lang,
    audience: Audience,
) {
    let Some(kept) = crate::search::unanswered::scrub(query) else {
        return;
    };
    let counted = store
        .count_search(&kept, lang, audience.as_str(), SearchEvent::Opened)
        .await;
    if let Err(e) = counted {
        tracing::warn!(error = %e, "could not count an opened search result");
    }
}

/// `href` with the search it was found by, so that opening it is counted
/// (`sq`, the query, and `sl`, the language searched). Any `#fragment`
/// stays last.
pub fn from_search(href: &str, query: &str, lang: Lang) -> String {
    let (path, fragment) = href.split_at(href.find('#').unwrap_or(href.len()));
    let mut params = form_urlencoded::Serializer::new(String::new());
    params
        .append_pair("sq", query)
        .append_pair("sl", lang.code());
    let join = if path.contains('?') { '&' } else { '?' };
    format!("{path}{join}{}{fragment}", params.finish())
}
