//! `/console/account`: a signed-in user changes their own password. A
//! change ends every session of theirs, on every device, and starts a new
//! one here.

use std::sync::Arc;

use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use serde::Deserialize;

use crate::auth::password::{MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS};
use crate::web::context::Ctx;
use crate::web::error::{AppError, AppResult};
use crate::web::page::{Chrome, render};
use crate::web::session::{self, CurrentUser};
use crate::web::state::AppState;

#[derive(Template)]
#[template(path = "account.html")]
struct AccountPage {
    chrome: Chrome,
    name: String,
    min: usize,
    max: usize,
    changed: bool,
    error: Option<String>,
}

fn page(ctx: &Ctx, name: &str, changed: bool, error: Option<String>) -> AccountPage {
    AccountPage {
        chrome: Chrome::new(ctx, "account"),
        name: name.to_string(),
        min: MIN_PASSWORD_CHARS,
        max: MAX_PASSWORD_CHARS,
        changed,
        error,
    }
}

/// `?changed=1` after a change.
#[derive(Deserialize)]
pub struct Changed {
    #[serde(default)]
    changed: Option<String>,
}

/// `GET /account`.
pub async fn form(CurrentUser(s): CurrentUser, ctx: Ctx, Query(q): Query<Changed>) -> Response {
    render(&page(&ctx, &s.user.name, q.changed.is_some(), None))
}

/// The password form's fields.
#[derive(Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    current: String,
    #[serde(default)]
    new: String,
    #[serde(default)]
    confirm: String,
}

/// `POST /account`.
pub async fn change(
    CurrentUser(s): CurrentUser,
    ctx: Ctx,
    State(state): State<Arc<AppState>>,
    jar: CookieJar,
    Form(f): Form<PasswordForm>,
) -> AppResult<Response> {
    let changed =
        crate::auth::change_password(&*state.store, &s.user, &f.current, f.new, &f.confirm)
            .await
            .map_err(AppError::from);
    match changed {
        Ok(()) => {
            session::end_all_of(&state, s.user.id).await?;
            let cookie = session::start(&state, &s.user).await?;
            let to = Redirect::to("/console/account?changed=1");
            Ok((jar.add(cookie), to).into_response())
        }
        // The form again, saying why; no password is shown back.
        Err(e) if e.status().is_client_error() => {
            let mut r = render(&page(&ctx, &s.user.name, false, Some(e.message(&ctx.tr()))));
            e.apply_to(&mut r);
            Ok(r)
        }
        Err(e) => Err(e),
    }
}
