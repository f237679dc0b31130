//! CSRF protection for every state-changing request.
//!
//! Two checks, both required: the `Origin` header, when the browser sends
//! one, must name this host; and the request must carry the session's CSRF
//! token, in the `x-csrf-token` header (scripts, API clients) or the `csrf`
//! form field (plain HTML forms). Before login there is no session, so the
//! login form uses a token from a short-lived cookie instead (double submit).

use axum::body::{Body, to_bytes};
use axum::extract::Request;
use axum::http::header;
use axum_extra::extract::CookieJar;

use super::MAX_BODY_BYTES;
use super::error::AppError;
use crate::auth::token::same_secret;
use crate::store::Session;

/// Header carrying the token.
pub const CSRF_HEADER: &str = "x-csrf-token";
/// Form field carrying the token.
pub const CSRF_FIELD: &str = "csrf";
/// Cookie holding the login form's token.
pub const LOGIN_CSRF_COOKIE: &str = "canllaw_login_csrf";

/// Checks a state-changing request; gives it back (with its body intact)
/// when it passes.
pub async fn check(
    session: Option<&Session>,
    jar: &CookieJar,
    req: Request,
) -> Result<Request, AppError> {
    if !same_origin(&req) {
        return Err(AppError::Csrf);
    }
    let expected = match session {
        Some(s) => s.csrf.clone(),
        None if req.uri().path() == "/console/login" => jar
            .get(LOGIN_CSRF_COOKIE)
            .map(|c| c.value().to_owned())
            .ok_or(AppError::Csrf)?,
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

fn same_origin(req: &Request) -> bool {
    let Some(origin) = req.headers().get(header::ORIGIN) else {
        // Old browsers and non-browser clients send none; the token decides.
        return true;
    };
    let host = req
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok());
    let origin_host = origin
        .to_str()
        .ok()
        .and_then(|o| o.split_once("://"))
        .map(|(_, rest)| rest);
    matches!((origin_host, host), (Some(o), Some(h)) if o.eq_ignore_ascii_case(h))
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
