//! Logging in and out.

use std::sync::Arc;

use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use axum_extra::extract::cookie::{Cookie, SameSite};
use serde::Deserialize;

use crate::auth::token::{new_signed_token, signed_by};
use crate::web::client::ClientIp;
use crate::web::context::{Ctx, UI_LANG_COOKIE, lang_cookie};
use crate::web::csrf::login_cookie_name;
use crate::web::error::{AppError, AppResult};
use crate::web::page::{Chrome, render};
use crate::web::session::{self, CurrentUser};
use crate::web::state::AppState;

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    chrome: Chrome,
    token: String,
    next: String,
    name: String,
    error: Option<String>,
}

/// `?next=` after login.
#[derive(Debug, Default, Deserialize)]
pub struct NextParam {
    next: Option<String>,
}

/// Only a path on this site: `/…` but not `//host` or `/\host`, which
/// browsers treat as another site (an open redirect).
pub(super) fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n)
            if n.starts_with('/')
                && !n.starts_with("//")
                && !n.starts_with("/\\")
                && !n.chars().any(char::is_control) =>
        {
            n.to_string()
        }
        _ => super::HOME.to_string(),
    }
}

fn login_cookie(state: &AppState, token: String) -> Cookie<'static> {
    Cookie::build((login_cookie_name(state.config.secure_cookies), token))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(state.config.secure_cookies)
        .max_age(time::Duration::hours(1))
        .build()
}

/// `GET /login`.
pub async fn form(
    ctx: Ctx,
    State(state): State<Arc<AppState>>,
    jar: CookieJar,
    Query(p): Query<NextParam>,
) -> Response {
    let next = safe_next(p.next.as_deref());
    if ctx.session.is_some() {
        return Redirect::to(&next).into_response();
    }
    let token = jar
        .get(login_cookie_name(state.config.secure_cookies))
        .map(|c| c.value().to_owned())
        .filter(|t| signed_by(t, &state.login_secret))
        .unwrap_or_else(|| new_signed_token(&state.login_secret));
    let page = LoginPage {
        chrome: Chrome::new(&ctx, "login"),
        token: token.clone(),
        next,
        name: String::new(),
        error: None,
    };
    (jar.add(login_cookie(&state, token)), render(&page)).into_response()
}

/// The login form's fields.
#[derive(Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    password: String,
    csrf: String,
    next: Option<String>,
}

/// `POST /login`.
pub async fn submit(
    ctx: Ctx,
    State(state): State<Arc<AppState>>,
    ClientIp(client): ClientIp,
    jar: CookieJar,
    Form(f): Form<LoginForm>,
) -> AppResult<Response> {
    let user = match crate::auth::login(
        &*state.store,
        &f.name,
        &f.password,
        crate::web::client::network(client),
    )
    .await
    {
        Ok(user) => user,
        // A refusal shows the form again with the message; a failure of
        // the store is an error page like any other.
        Err(e) => {
            let e = AppError::from(e);
            if e.status().is_server_error() {
                return Err(e);
            }
            let page = LoginPage {
                chrome: Chrome::new(&ctx, "login"),
                token: f.csrf.clone(),
                next: safe_next(f.next.as_deref()),
                name: f.name.clone(),
                error: Some(e.message(&ctx.tr())),
            };
            let mut r = render(&page);
            e.apply_to(&mut r);
            return Ok(r);
        }
    };
    // A sign-in ends the user's earlier sessions, on any device (one
    // person, one session: a screen left signed in elsewhere is closed),
    // and whatever session this browser had, so a token planted or left
    // behind before it is worthless.
    session::end_all_of(&state, user.id).await?;
    if let Some(previous) = &ctx.session {
        session::end(&state, previous).await?;
    }
    let cookie = session::start(&state, &user).await?;
    let mut jar = jar
        .add(cookie)
        .remove(Cookie::build(login_cookie_name(state.config.secure_cookies)).path("/"));
    // The user's saved language applies unless they chose one on this device.
    if jar.get(UI_LANG_COOKIE).is_none() {
        jar = jar.add(lang_cookie(&state, UI_LANG_COOKIE, user.ui_lang));
    }
    Ok((jar, Redirect::to(&safe_next(f.next.as_deref()))).into_response())
}

/// `POST /logout`.
pub async fn logout(
    CurrentUser(session): CurrentUser,
    State(state): State<Arc<AppState>>,
    jar: CookieJar,
) -> AppResult<Response> {
    session::end(&state, &session).await?;
    state.store.audit(&session.user.name, "logout", "").await?;
    let jar = jar.add(session::removal_cookie(&state));
    Ok((jar, Redirect::to("/console/login")).into_response())
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn next_stays_on_this_site() {
        assert_eq!(
            safe_next(Some("/console/agencies?need=deaf")),
            "/console/agencies?need=deaf"
        );
        for bad in [
            "//evil.example",
            "https://evil.example",
            "/\\evil",
            "",
            "javascript:x",
        ] {
            assert_eq!(safe_next(Some(bad)), "/console", "{bad}");
        }
        assert_eq!(safe_next(None), "/console");
    }
}
