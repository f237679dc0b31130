//! User accounts (administrators only): list and create.

use std::sync::Arc;

use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::auth::{Role, password};
use crate::store::{StoreError, User};
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
    let t = ctx.tr();
    let name = f.name.trim().to_string();
    let refuse = |message: String| async {
        let mut r = render(&page(&state, &ctx, Some(message), name.clone()).await?);
        *r.status_mut() = StatusCode::BAD_REQUEST;
        AppResult::Ok(r)
    };
    if !crate::auth::valid_user_name(&name) {
        return refuse(t.t("users-bad-name")).await;
    }
    let Ok(role) = f.role.parse::<Role>() else {
        return Err(AppError::BadParameter("role"));
    };
    let hash = match tokio::task::spawn_blocking(move || password::hash(&f.password))
        .await
        .map_err(|e| AppError::Internal(e.into()))?
    {
        Ok(h) => h,
        Err(_) => {
            return refuse(t.t2(
                "users-bad-password",
                "min",
                password::MIN_PASSWORD_CHARS,
                "max",
                password::MAX_PASSWORD_CHARS,
            ))
            .await;
        }
    };
    match state.store.create_user(&name, role, &hash).await {
        Ok(user) => {
            state
                .store
                .audit(
                    &admin.user.name,
                    "user.add",
                    &format!("{} as {}", user.name, user.role),
                )
                .await?;
            Ok(Redirect::to("/admin/users").into_response())
        }
        Err(StoreError::NameTaken(_)) => refuse(t.t("users-name-taken")).await,
        Err(e) => Err(e.into()),
    }
}
