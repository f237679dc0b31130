//! User accounts (administrators only): list and create.

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
    match added {
        Ok(_) => Ok(Redirect::to("/admin/users").into_response()),
        // A name or password that cannot be used: the form again, saying
        // why, with what was typed (never the password).
        Err(e) if e.status().is_client_error() => {
            let page = page(
                &state,
                &ctx,
                Some(e.message(&ctx.tr())),
                f.name.trim().into(),
            )
            .await?;
            let mut r = render(&page);
            e.apply_to(&mut r);
            Ok(r)
        }
        Err(e) => Err(e),
    }
}
