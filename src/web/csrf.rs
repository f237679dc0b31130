//! CSRF protection for every state-changing request.
//!
//! Two checks, both required: the `Origin` header, when the browser sends
//! one, must name this site (scheme, host and port); and the request must carry the session's CSRF
//! token, in the `x-csrf-token` header (scripts, API clients) or the `csrf`
//! form field (plain HTML forms). Before login there is no session, so the
//! login form uses a token from a short-lived cookie instead (double
//! submit), signed with the service's secret so that only tokens this
//! service made are accepted, in a `__Host-` cookie over HTTPS so that a
//! sibling subdomain cannot plant one.

use axum::body::{Body, to_bytes};
use axum::extract::Request;
use axum::http::header;
use axum_extra::extract::CookieJar;

use super::MAX_BODY_BYTES;
use super::error::AppError;
use super::state::AppState;
use crate::auth::token::{same_secret, signed_by};
use crate::store::Session;

/// Header carrying the token.
pub const CSRF_HEADER: &str = "x-csrf-token";
/// Form field carrying the token.
pub const CSRF_FIELD: &str = "csrf";
/// The cookie holding the login form's token. Over HTTPS it has the
/// `__Host-` prefix, which browsers let only this host set (with `Secure`
/// and `Path=/`), so a sibling subdomain cannot plant one.
pub fn login_cookie_name(secure: bool) -> &'static str {
    if secure {
        "__Host-canllaw_login_csrf"
    } else {
        "canllaw_login_csrf"
    }
}

/// Checks a state-changing request; gives it back (with its body intact)
/// when it passes.
pub async fn check(
    state: &AppState,
    session: Option<&Session>,
    jar: &CookieJar,
    req: Request,
) -> Result<Request, AppError> {
    // The site's scheme is `https` when cookies are `Secure` (behind TLS).
    if !same_origin(&req, state.config.secure_cookies) {
        return Err(AppError::Csrf);
    }
    let expected = match session {
        // The sign-in form carries its own token, signed in or not (a tab
        // left open on it, say).
        _ if req.uri().path() == "/console/login" => jar
            .get(login_cookie_name(state.config.secure_cookies))
            .map(|c| c.value().to_owned())
            .filter(|t| signed_by(t, &state.login_secret))
            .ok_or(AppError::Csrf)?,
        Some(s) => s.csrf.clone(),
        // Without a session the only thing one may post is the login form;
        // anything else needs a login first.
        None => return Err(AppError::Unauthenticated),
    };
    let (req, provided) = provided_token(req).await?;
    match provided {
        Some(p) if same_secret(&p, &expected) => Ok(req),
        _ => Err(AppError::Csrf),
    }
}

/// Whether the request's `Origin`, if any, is this site: the same scheme,
/// host and port (`http://host:8080` is not `https://host:8080`, nor
/// `http://host:8081`).
fn same_origin(req: &Request, https: bool) -> bool {
    let Some(origin) = req.headers().get(header::ORIGIN) else {
        // Old browsers and non-browser clients send none; the token decides.
        return true;
    };
    let Some(host) = req
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
    else {
        return false;
    };
    let Ok(origin) = origin.to_str() else {
        return false;
    };
    let scheme = if https { "https" } else { "http" };
    let default_port = if https { ":443" } else { ":80" };
    // The default port may be named or left out, on either side.
    let bare = |h: &'_ str| {
        h.strip_suffix(default_port)
            .unwrap_or(h)
            .to_ascii_lowercase()
    };
    origin
        .split_once("://")
        .is_some_and(|(s, rest)| s.eq_ignore_ascii_case(scheme) && bare(rest) == bare(host))
}

async fn provided_token(req: Request) -> Result<(Request, Option<String>), AppError> {
    if let Some(v) = req.headers().get(CSRF_HEADER) {
        let token = v.to_str().ok().map(str::to_owned);
        return Ok((req, token));
    }
    let is_form = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.starts_with("application/x-www-form-urlencoded"));
    if !is_form {
        return Ok((req, None));
    }
    let (parts, body) = req.into_parts();
    let bytes = to_bytes(body, MAX_BODY_BYTES)
        .await
        .map_err(|_| AppError::TooLarge)?;
    let token = form_urlencoded::parse(&bytes)
        .find(|(k, _)| k == CSRF_FIELD)
        .map(|(_, v)| v.into_owned());
    Ok((Request::from_parts(parts, Body::from(bytes)), token))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(origin: &str, host: &str) -> Request {
        Request::builder()
            .method("POST")
            .header(header::ORIGIN, origin)
            .header(header::HOST, host)
            .body(Body::empty())
            .unwrap()
    }

    #[test]
    fn origin_must_match_scheme_host_and_port() {
        assert!(same_origin(
            &with("http://canllaw.test:8080", "canllaw.test:8080"),
            false
        ));
        assert!(same_origin(
            &with("https://canllaw.test", "canllaw.test"),
            true
        ));
        assert!(same_origin(
            &with("https://canllaw.test", "canllaw.test:443"),
            true
        ));
        assert!(!same_origin(
            &with("https://canllaw.test:8080", "canllaw.test:8080"),
            false
        ));
        assert!(!same_origin(
            &with("http://canllaw.test", "canllaw.test"),
            true
        ));
        assert!(!same_origin(
            &with("http://canllaw.test:8081", "canllaw.test:8080"),
            false
        ));
        assert!(!same_origin(
            &with("http://evil.test", "canllaw.test"),
            false
        ));
        assert!(!same_origin(&with("null", "canllaw.test"), false));
    }
}
