//! The public site's page frame (the "site"): its addresses, which carry
//! their language (`/cy/…` with Welsh words, `/en/…`), the link to the same
//! page in the other language, and its error pages. Shared because errors
//! on public addresses are rendered here, below every audience folder.

use askama::Template;
use axum::http::StatusCode;
use axum::response::Response;

use super::context::Ctx;
use super::page::render;
use crate::i18n::Tr;
use crate::lang::Lang;

/// A kind of public page. Its address is the same page in either
/// language, with the words in that language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// The home page.
    Home,
    /// Search results.
    Search,
    /// One article (`…/{id}`).
    Article,
    /// "Who else can help": the agency finder.
    Agencies,
    /// The review deadline: am I still in time?
    Review,
    /// A guided flow's start page (`…/{flow}`, its steps below it).
    Flow,
}

/// A step of a guided flow, below the flow's address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The next question.
    Question,
    /// Check your answers.
    Check,
    /// The result.
    Result,
}

impl Step {
    /// The step's word in `lang`.
    pub fn word(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Step::Question, Lang::Cy) => "cwestiwn",
            (Step::Question, Lang::En) => "question",
            (Step::Check, Lang::Cy) => "gwirio-atebion",
            (Step::Check, Lang::En) => "check-answers",
            (Step::Result, Lang::Cy) => "canlyniad",
            (Step::Result, Lang::En) => "result",
        }
    }

    /// The address of this step of `flow` in `lang`.
    pub fn path(self, lang: Lang, flow: &str) -> String {
        format!("{}/{flow}/{}", Place::Flow.path(lang), self.word(lang))
    }

    /// The address of this step of `flow` in `lang`, with the answers so
    /// far.
    pub fn href(self, lang: Lang, flow: &str, answers: &str) -> String {
        let a: String = form_urlencoded::Serializer::new(String::new())
            .append_pair("a", answers)
            .finish();
        format!("{}?{a}", self.path(lang, flow))
    }
}

impl Place {
    /// The address of the place in `lang` (an article's or flow's id goes
    /// after it).
    pub fn path(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Place::Home, Lang::Cy) => "/cy",
            (Place::Home, Lang::En) => "/en",
            (Place::Search, Lang::Cy) => "/cy/chwilio",
            (Place::Search, Lang::En) => "/en/search",
            (Place::Article, Lang::Cy) => "/cy/erthyglau",
            (Place::Article, Lang::En) => "/en/articles",
            (Place::Agencies, Lang::Cy) => "/cy/pwy-arall-all-helpu",
            (Place::Agencies, Lang::En) => "/en/who-else-can-help",
            (Place::Review, Lang::Cy) => "/cy/terfyn-amser-adolygiad",
            (Place::Review, Lang::En) => "/en/review-deadline",
            (Place::Flow, Lang::Cy) => "/cy/canllaw",
            (Place::Flow, Lang::En) => "/en/guide",
        }
    }

    /// The address of the place in `lang`, with a trailing path (an id)
    /// and a query string when given.
    pub fn href(self, lang: Lang, rest: Option<&str>, query: Option<&str>) -> String {
        let mut href = self.path(lang).to_string();
        if let Some(rest) = rest.filter(|r| !r.is_empty()) {
            href.push('/');
            href.push_str(rest);
        }
        if let Some(q) = query.filter(|q| !q.is_empty()) {
            href.push('?');
            href.push_str(q);
        }
        href
    }
}

/// The public page frame's data, available to every public template as
/// `site`.
#[derive(Debug, Clone)]
pub struct Site {
    /// Interface strings.
    pub t: Tr,
    /// The page's language.
    pub lang: Lang,
    /// This page in Welsh.
    pub cy_href: String,
    /// This page in English.
    pub en_href: String,
    /// Which navigation entry is current (none on an error page).
    pub place: Option<Place>,
    /// The stylesheet's address (it changes when the stylesheet does).
    pub css: &'static str,
}

impl Site {
    /// The frame of a page at `place` (and `rest`, an id) in `lang`; the
    /// request's query string is kept in the other language's link.
    pub fn new(ctx: &Ctx, lang: Lang, place: Place, rest: Option<&str>) -> Self {
        // The language switch itself never travels on.
        let query: String = ctx
            .uri
            .query()
            .map(|q| {
                form_urlencoded::Serializer::new(String::new())
                    .extend_pairs(form_urlencoded::parse(q.as_bytes()).filter(|(k, _)| k != "lang"))
                    .finish()
            })
            .unwrap_or_default();
        Site {
            t: Tr::new(lang),
            lang,
            cy_href: place.href(Lang::Cy, rest, Some(&query)),
            en_href: place.href(Lang::En, rest, Some(&query)),
            place: Some(place),
            css: super::assets::public_css_href(),
        }
    }

    /// The frame of a step of a guided flow: its words differ between the
    /// languages, and only the answers travel with it.
    pub fn step(lang: Lang, step: Step, flow: &str, answers: &str) -> Self {
        Site {
            t: Tr::new(lang),
            lang,
            cy_href: step.href(Lang::Cy, flow, answers),
            en_href: step.href(Lang::En, flow, answers),
            place: Some(Place::Flow),
            css: super::assets::public_css_href(),
        }
    }

    /// This page in the other language.
    pub fn other_href(&self) -> &str {
        match self.lang {
            Lang::Cy => &self.en_href,
            Lang::En => &self.cy_href,
        }
    }

    /// The address of `place` in this page's language (navigation).
    pub fn to(&self, place: Place) -> &'static str {
        place.path(self.lang)
    }

    /// `aria-current` for a navigation entry.
    pub fn current(&self, place: Place) -> &'static str {
        if self.place == Some(place) {
            "page"
        } else {
            "false"
        }
    }
}

#[derive(Template)]
#[template(path = "public/error.html")]
struct ErrorPage<'a> {
    site: Site,
    status: u16,
    message: &'a str,
}

/// An error on a public address, in the page's language, with the way
/// home and the phone number.
pub fn error_page(ctx: &Ctx, status: StatusCode, message: &str) -> Response {
    // The switch leads to the other language's home: the same address in
    // the other language is most likely missing too.
    let site = Site {
        t: Tr::new(ctx.ui),
        lang: ctx.ui,
        cy_href: Place::Home.path(Lang::Cy).to_string(),
        en_href: Place::Home.path(Lang::En).to_string(),
        place: None,
        css: super::assets::public_css_href(),
    };
    let page = ErrorPage {
        site,
        status: status.as_u16(),
        message,
    };
    let mut response = render(&page);
    *response.status_mut() = status;
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_place_has_an_address_in_each_language() {
        for place in [
            Place::Home,
            Place::Search,
            Place::Article,
            Place::Agencies,
            Place::Review,
            Place::Flow,
        ] {
            let (cy, en) = (place.path(Lang::Cy), place.path(Lang::En));
            assert!(cy.starts_with("/cy") && en.starts_with("/en"), "{place:?}");
        }
        assert_eq!(
            Place::Article.href(Lang::Cy, Some("how-to-complain"), None),
            "/cy/erthyglau/how-to-complain"
        );
        assert_eq!(
            Place::Search.href(Lang::En, None, Some("q=review")),
            "/en/search?q=review"
        );
    }
}
