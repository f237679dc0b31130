//! The request context: who is asking (session), in which languages, and
//! the one place where errors become JSON or pages.

use std::sync::Arc;

use axum::Json;
use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderValue, Method, StatusCode, Uri, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use axum_extra::extract::cookie::{Cookie, SameSite};

use super::error::{ApiErrorBody, ApiErrorDetail, AppError, ErrorCode, ErrorInfo};
use super::session::{self, SessionLookup};
use super::state::AppState;
use crate::i18n::{Tr, negotiate};
use crate::lang::Lang;
use crate::store::Session;

/// Cookie remembering the interface language.
pub const UI_LANG_COOKIE: &str = "canllaw_lang";
/// Cookie remembering the public site's language for its reader.
pub const SITE_LANG_COOKIE: &str = "canllaw_site_lang";
/// Cookie remembering the caller's language.
pub const CALLER_LANG_COOKIE: &str = "canllaw_caller";

/// What every handler may know about the request.
#[derive(Debug, Clone)]
pub struct Ctx {
    /// The logged-in session, if any.
    pub session: Option<Session>,
    /// The interface language.
    pub ui: Lang,
    /// The language the caller is served in (scripts, content).
    pub caller: Lang,
    /// The request's path and query, for language switches and `next`.
    pub uri: Uri,
    /// Whether this is an API request (errors as JSON).
    pub is_api: bool,
    /// Whether this is the public site (not the console or the API): its
    /// errors come in the public page frame.
    pub public: bool,
    /// The signed-in adviser's contact in progress, for the banner that
    /// leads back to it (pages only).
    pub open_contact: Option<i64>,
}

impl Ctx {
    /// The interface translator.
    pub fn tr(&self) -> Tr {
        Tr::new(self.ui)
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Ctx {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<Ctx>()
            .cloned()
            .ok_or_else(|| AppError::Internal(anyhow::anyhow!("request context missing")))
    }
}

/// A non-empty query parameter.
pub fn query_param(uri: &Uri, name: &str) -> Option<String> {
    form_urlencoded::parse(uri.query()?.as_bytes())
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
        .filter(|v| !v.is_empty())
}

/// Loads the session, chooses the languages, guards state-changing
/// requests against CSRF, and renders any error response.
pub async fn request_context(
    State(state): State<Arc<AppState>>,
    jar: CookieJar,
    req: Request,
    next: Next,
) -> Response {
    let uri = req.uri().clone();
    let is_api = uri.path().starts_with("/api/");
    let accept = req
        .headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let public = !is_api && uri.path() != "/console" && !uri.path().starts_with("/console/");
    // A public address carries its language (`/cy/…`, `/en/…`), which
    // overrides everything else.
    let path_lang = match uri.path().split('/').nth(1) {
        Some("cy") => Some(Lang::Cy),
        Some("en") => Some(Lang::En),
        _ => None,
    };
    // Under /api/, `lang` is the search language, not the interface's; on
    // the public site only `/` takes a choice this way (the other pages'
    // addresses carry theirs).
    let explicit_ui = (!is_api && (!public || uri.path() == "/"))
        .then(|| query_param(&uri, "lang"))
        .flatten();
    let explicit_caller = (!is_api && !public)
        .then(|| query_param(&uri, "caller"))
        .flatten();
    // The public site remembers its reader's language apart from the
    // console's, so reading it never changes an adviser's console.
    let lang_cookie_name = if public {
        SITE_LANG_COOKIE
    } else {
        UI_LANG_COOKIE
    };
    let cookie_ui = jar.get(lang_cookie_name).map(|c| c.value().to_owned());

    let lookup = session::load(&state, &jar).await;
    let session = match &lookup {
        SessionLookup::Found(s) => Some(s.clone()),
        _ => None,
    };
    let default_ui = session.as_ref().map(|s| s.user.ui_lang).unwrap_or(Lang::Cy);
    let ui = path_lang.unwrap_or_else(|| {
        negotiate(
            explicit_ui.as_deref(),
            cookie_ui.as_deref(),
            // The public site is Welsh first: only a choice made on it
            // gives English.
            if public { None } else { accept.as_deref() },
            default_ui,
        )
    });
    let caller = [
        explicit_caller.clone(),
        jar.get(CALLER_LANG_COOKIE).map(|c| c.value().to_owned()),
    ]
    .into_iter()
    .flatten()
    .find_map(|v| v.parse::<Lang>().ok())
    .unwrap_or(ui);
    let open_contact = match &session {
        // Pages only: assets and probes never show the banner.
        Some(s)
            if !is_api
                && req.method() == Method::GET
                && !uri.path().starts_with("/assets/")
                && !matches!(uri.path(), "/healthz" | "/readyz") =>
        {
            // A page without the banner beats no page at all.
            state.store.open_contact_of(s.user.id).await.ok().flatten()
        }
        _ => None,
    };
    let ctx = Ctx {
        session,
        ui,
        caller,
        uri,
        is_api,
        public,
        open_contact,
    };

    let response = match lookup {
        SessionLookup::Failed(e) => AppError::Internal(e).into_response(),
        SessionLookup::Malformed => {
            let mut r = AppError::Forbidden.into_response();
            let removal = session::removal_cookie(&state);
            if let Ok(v) = HeaderValue::from_str(&removal.to_string()) {
                r.headers_mut().append(header::SET_COOKIE, v);
            }
            r
        }
        _ => {
            let unsafe_method =
                !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
            let checked = if unsafe_method {
                super::csrf::check(&state, ctx.session.as_ref(), &jar, req).await
            } else {
                Ok(req)
            };
            match checked {
                Ok(mut req) => {
                    req.extensions_mut().insert(ctx.clone());
                    next.run(req).await
                }
                Err(e) => e.into_response(),
            }
        }
    };

    let mut response = if needs_rendering(&response) {
        render_error(&ctx, response)
    } else {
        response
    };
    // Reading a public page in one language is the choice of it.
    let read_in = path_lang.filter(|l| cookie_ui.as_deref() != Some(l.code()));
    if public {
        let chosen = explicit_ui.and_then(|v| v.parse::<Lang>().ok()).or(read_in);
        if let Some(lang) = chosen
            && let Ok(v) =
                HeaderValue::from_str(&lang_cookie(&state, SITE_LANG_COOKIE, lang).to_string())
        {
            response.headers_mut().append(header::SET_COOKIE, v);
        }
    } else {
        remember_languages(&state, explicit_ui, explicit_caller, &mut response);
    }
    response
}

/// Our handlers mark failures with [`ErrorInfo`]; axum's own rejections
/// come as plain text. Pages that chose their own status (a login form with
/// an error) are left alone.
fn needs_rendering(response: &Response) -> bool {
    if response.extensions().get::<ErrorInfo>().is_some() {
        return true;
    }
    let status = response.status();
    let ours = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.starts_with("text/html") || ct.starts_with("application/json"));
    (status.is_client_error() || status.is_server_error()) && !ours
}

fn render_error(ctx: &Ctx, response: Response) -> Response {
    let status = response.status();
    let info = response
        .extensions()
        .get::<ErrorInfo>()
        .cloned()
        .unwrap_or_else(|| ErrorInfo {
            code: ErrorCode::for_status(status),
            args: Vec::new(),
        });
    let (mut parts, _) = response.into_parts();
    let t = ctx.tr();
    let mut rendered = if ctx.is_api {
        let body = ApiErrorBody {
            error: ApiErrorDetail {
                code: info.code.as_str(),
                message: info.message(&t),
            },
        };
        (status, Json(body)).into_response()
    } else if status == StatusCode::UNAUTHORIZED {
        // A page that needs a login sends the browser to the login form,
        // which brings it back here afterwards.
        let next = ctx
            .uri
            .path_and_query()
            .map(|p| p.as_str())
            .unwrap_or("/console");
        let target = format!(
            "/console/login?next={}",
            form_urlencoded::byte_serialize(next.as_bytes()).collect::<String>()
        );
        Redirect::to(&target).into_response()
    } else if ctx.public {
        super::site::error_page(ctx, status, &info.message(&t))
    } else {
        super::page::error_page(ctx, status, &info.message(&t))
    };
    // Keep headers such as Retry-After and Set-Cookie.
    for (name, value) in parts.headers.drain().filter_map(|(n, v)| Some((n?, v))) {
        if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
            rendered.headers_mut().append(name, value);
        }
    }
    rendered
}

/// An explicit language choice is remembered in a cookie for this browser.
/// A user's saved language changes only by a POST (`/console/language`):
/// a link followed must never change a setting.
fn remember_languages(
    state: &AppState,
    explicit_ui: Option<String>,
    explicit_caller: Option<String>,
    response: &mut Response,
) {
    for (name, value) in [
        (UI_LANG_COOKIE, explicit_ui),
        (CALLER_LANG_COOKIE, explicit_caller),
    ] {
        if let Some(lang) = value.and_then(|v| v.parse::<Lang>().ok()) {
            let cookie = lang_cookie(state, name, lang);
            if let Ok(v) = HeaderValue::from_str(&cookie.to_string()) {
                response.headers_mut().append(header::SET_COOKIE, v);
            }
        }
    }
}

/// A cookie remembering a language choice for a year.
pub fn lang_cookie(state: &AppState, name: &'static str, lang: Lang) -> Cookie<'static> {
    Cookie::build((name, lang.code()))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(state.config.secure_cookies)
        .max_age(time::Duration::days(365))
        .build()
}
