//! What every console page shows around its content (the "chrome"): the
//! navigation, who is logged in, the two language switches; and rendering
//! askama templates into responses.

use askama::Template;
use axum::http::{StatusCode, Uri};
use axum::response::{Html, IntoResponse, Response};

use super::context::Ctx;
use super::error::AppError;
use crate::i18n::Tr;
use crate::lang::Lang;

/// The page frame's data, available to every template as `chrome`.
#[derive(Debug, Clone)]
pub struct Chrome {
    /// Interface strings.
    pub t: Tr,
    /// Interface language.
    pub ui: Lang,
    /// Caller's language.
    pub caller: Lang,
    /// The logged-in user's name.
    pub user_name: Option<String>,
    /// Whether the user may manage users.
    pub is_admin: bool,
    /// Whether the user may change content (editors and admins).
    pub is_editor: bool,
    /// Whether the user sees the figures (managers and admins).
    pub is_manager: bool,
    /// CSRF token for forms on the page.
    pub csrf: String,
    /// This page in the other interface language.
    pub switch_ui_href: String,
    /// This page's address without a language choice: where the signed-in
    /// switch (a POST) goes back to.
    pub here: String,
    /// This page with the other caller language.
    pub switch_caller_href: String,
    /// Which navigation entry is current.
    pub section: &'static str,
    /// The contact in progress, when this page is not it.
    pub open_contact: Option<i64>,
    /// The stylesheet's address (it changes when the stylesheet does).
    pub css: &'static str,
    /// The script's address.
    pub js: &'static str,
}

impl Chrome {
    /// The chrome for a request.
    pub fn new(ctx: &Ctx, section: &'static str) -> Self {
        let session = ctx.session.as_ref();
        Chrome {
            t: ctx.tr(),
            ui: ctx.ui,
            caller: ctx.caller,
            user_name: session.map(|s| s.user.name.clone()),
            is_admin: session.is_some_and(|s| s.user.role.manages_users()),
            is_editor: session.is_some_and(|s| {
                matches!(
                    s.user.role,
                    crate::auth::Role::Editor | crate::auth::Role::Admin
                )
            }),
            is_manager: session.is_some_and(|s| {
                matches!(
                    s.user.role,
                    crate::auth::Role::Manager | crate::auth::Role::Admin
                )
            }),
            csrf: session.map(|s| s.csrf.clone()).unwrap_or_default(),
            switch_ui_href: with_param(&ctx.uri, "lang", ctx.ui.other().code()),
            here: without_param(&ctx.uri, "lang"),
            // An article open in one language follows the caller to the
            // other: the switch drops the article's own `in`.
            switch_caller_href: with_param_dropping(
                &ctx.uri,
                "caller",
                ctx.caller.other().code(),
                &["in"],
            ),
            section,
            open_contact: ctx
                .open_contact
                .filter(|id| ctx.uri.path() != format!("/console/contacts/{id}")),
            css: super::assets::console_css_href(),
            js: super::assets::console_js_href(),
        }
    }

    /// `aria-current` for an entry of the main navigation, which stands
    /// for its section's pages too (`editor` for `editor-health`).
    pub fn main_current(&self, section: &str) -> &'static str {
        let within = self
            .section
            .strip_prefix(section)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('-'));
        if within { "page" } else { "false" }
    }

    /// `aria-current` for a navigation entry.
    pub fn current(&self, section: &str) -> &'static str {
        if self.section == section {
            "page"
        } else {
            "false"
        }
    }
}

/// `uri` with query parameter `name` set to `value` (others kept), so a
/// switch keeps the user on the same page with the same search.
pub fn with_param(uri: &Uri, name: &str, value: &str) -> String {
    with_param_dropping(uri, name, value, &[])
}

/// `uri` without query parameter `name` (others kept).
fn without_param(uri: &Uri, name: &str) -> String {
    let query: String = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(
            form_urlencoded::parse(uri.query().unwrap_or("").as_bytes()).filter(|(k, _)| k != name),
        )
        .finish();
    if query.is_empty() {
        uri.path().to_string()
    } else {
        format!("{}?{query}", uri.path())
    }
}

/// [`with_param`], leaving out the parameters in `drop`.
fn with_param_dropping(uri: &Uri, name: &str, value: &str, drop: &[&str]) -> String {
    let mut query = form_urlencoded::Serializer::new(String::new());
    if let Some(q) = uri.query() {
        for (k, v) in form_urlencoded::parse(q.as_bytes()) {
            if k != name && !drop.contains(&&*k) {
                query.append_pair(&k, &v);
            }
        }
    }
    query.append_pair(name, value);
    format!("{}?{}", uri.path(), query.finish())
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage<'a> {
    chrome: Chrome,
    status: u16,
    message: &'a str,
}

/// A page explaining an error, in the user's language, with the status.
pub fn error_page(ctx: &Ctx, status: StatusCode, message: &str) -> Response {
    let page = ErrorPage {
        chrome: Chrome::new(ctx, ""),
        status: status.as_u16(),
        message,
    };
    let mut response = render(&page);
    *response.status_mut() = status;
    response
}

/// Renders a template as an HTML response.
pub fn render(template: &impl Template) -> Response {
    match template.render() {
        Ok(html) => Html(html).into_response(),
        Err(e) => AppError::Internal(anyhow::anyhow!("rendering a page: {e}")).into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn switches_keep_the_page_and_query() {
        let uri: Uri = "/?q=fy+nghwyn&lang=cy&kind=article".parse().unwrap();
        assert_eq!(
            with_param(&uri, "lang", "en"),
            "/?q=fy+nghwyn&kind=article&lang=en"
        );
        let uri: Uri = "/console/agencies".parse().unwrap();
        assert_eq!(
            with_param(&uri, "caller", "cy"),
            "/console/agencies?caller=cy"
        );
        assert_eq!(without_param(&uri, "caller"), "/console/agencies");
        let uri: Uri = "/console?q=cwyn&lang=en".parse().unwrap();
        assert_eq!(without_param(&uri, "lang"), "/console?q=cwyn");
        let uri: Uri = "/console/articles/how-to-complain?in=en".parse().unwrap();
        assert_eq!(
            with_param_dropping(&uri, "caller", "cy", &["in"]),
            "/console/articles/how-to-complain?caller=cy"
        );
    }
}
