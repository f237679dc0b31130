//! User accounts (administrators only): list, create, set the full name
//! letters are signed with, disable and enable, and reset a forgotten
//! password. Disabling or resetting ends the user's sessions.

use std::sync::Arc;

use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::auth::Role;
use crate::store::User;
use crate::web::context::Ctx;
use crate::web::error::{AppError, AppResult};
use crate::web::page::{Chrome, render};
use crate::web::session::Admin;
use crate::web::state::AppState;

#[derive(Template)]
#[template(path = "users.html")]
struct UsersPage {
    chrome: Chrome,
    users: Vec<User>,
    roles: Vec<&'static str>,
    error: Option<String>,
    name: String,
}

async fn page(
    state: &AppState,
    ctx: &Ctx,
    error: Option<String>,
    name: String,
) -> AppResult<UsersPage> {
    Ok(UsersPage {
        chrome: Chrome::new(ctx, "users"),
        users: state.store.users().await?,
        roles: Role::ALL.iter().map(|r| r.as_str()).collect(),
        error,
        name,
    })
}

pub async fn list(_: Admin, ctx: Ctx, State(state): State<Arc<AppState>>) -> AppResult<Response> {
    Ok(render(&page(&state, &ctx, None, String::new()).await?))
}

/// The new-user form.
#[derive(Deserialize)]
pub struct NewUser {
    #[serde(default)]
    name: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    full_name: String,
}

/// The users page again with `e` shown, when `e` is the administrator's
/// mistake (a password that cannot be used); other errors go up.
async fn refused(state: &AppState, ctx: &Ctx, e: AppError, name: String) -> AppResult<Response> {
    if !e.status().is_client_error() {
        return Err(e);
    }
    let page = page(state, ctx, Some(e.message(&ctx.tr())), name).await?;
    let mut r = render(&page);
    e.apply_to(&mut r);
    Ok(r)
}

pub async fn create(
    Admin(admin): Admin,
    ctx: Ctx,
    State(state): State<Arc<AppState>>,
    Form(f): Form<NewUser>,
) -> AppResult<Response> {
    let role = f
        .role
        .parse::<Role>()
        .map_err(|_| AppError::BadParameter("role"))?;
    let added = crate::auth::add_user(&*state.store, &admin.user.name, &f.name, role, f.password)
        .await
        .map_err(AppError::from);
    let added = match added {
        Ok(user) if !f.full_name.trim().is_empty() => {
            crate::auth::set_full_name(&*state.store, &admin.user.name, &user, &f.full_name)
                .await
                .map_err(AppError::from)
        }
        other => other.map(|_| ()),
    };
    match added {
        Ok(()) => Ok(Redirect::to("/console/admin/users").into_response()),
        // A name or password that cannot be used: the form again, saying
        // why, with what was typed (never the password).
        Err(e) => refused(&state, &ctx, e, f.name.trim().into()).await,
    }
}

async fn user_named(state: &AppState, name: &str) -> AppResult<User> {
    state
        .store
        .user_by_name(name)
        .await?
        .ok_or(AppError::NotFound)
}

/// The disable or enable button.
#[derive(Deserialize)]
pub struct Disabled {
    disabled: bool,
}

/// `POST /admin/users/{name}/disabled`.
pub async fn disabled(
    Admin(admin): Admin,
    ctx: Ctx,
    State(state): State<Arc<AppState>>,
    axum::extract::Path(name): axum::extract::Path<String>,
    Form(f): Form<Disabled>,
) -> AppResult<Response> {
    let user = user_named(&state, &name).await?;
    match crate::auth::set_disabled(&*state.store, &admin.user, &user, f.disabled).await {
        Ok(()) => {
            if f.disabled {
                crate::web::session::end_all_of(&state, user.id).await?;
            }
            Ok(Redirect::to("/console/admin/users").into_response())
        }
        Err(e) => refused(&state, &ctx, e.into(), String::new()).await,
    }
}

/// The reset-password form.
#[derive(Deserialize)]
pub struct NewPassword {
    #[serde(default)]
    password: String,
}

/// `POST /admin/users/{name}/password`.
pub async fn reset_password(
    Admin(admin): Admin,
    ctx: Ctx,
    State(state): State<Arc<AppState>>,
    axum::extract::Path(name): axum::extract::Path<String>,
    Form(f): Form<NewPassword>,
) -> AppResult<Response> {
    let user = user_named(&state, &name).await?;
    match crate::auth::reset_password(&*state.store, &admin.user.name, &user, f.password).await {
        Ok(()) => {
            crate::web::session::end_all_of(&state, user.id).await?;
            Ok(Redirect::to("/console/admin/users").into_response())
        }
        Err(e) => refused(&state, &ctx, e.into(), String::new()).await,
    }
}

/// The full-name form for an existing user.
#[derive(Deserialize)]
pub struct FullName {
    #[serde(default)]
    full_name: String,
}

/// `POST /admin/users/{name}/full-name`.
pub async fn full_name(
    Admin(admin): Admin,
    State(state): State<Arc<AppState>>,
    axum::extract::Path(name): axum::extract::Path<String>,
    Form(f): Form<FullName>,
) -> AppResult<Response> {
    let user = user_named(&state, &name).await?;
    crate::auth::set_full_name(&*state.store, &admin.user.name, &user, &f.full_name).await?;
    Ok(Redirect::to("/console/admin/users").into_response())
}
