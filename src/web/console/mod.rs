//! The adviser console: server-rendered pages that work without JavaScript;
//! `assets/web/console.js` adds search-as-you-type and keyboard use.

mod contacts;
mod content;
mod letters;
mod login;
mod search;
mod users;

use std::sync::Arc;

use askama::Template;
use axum::Router;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};

use super::context::Ctx;
use super::page::{Chrome, render};
use super::state::AppState;

pub fn routes() -> Router<Arc<AppState>> {
    Router::new()
        .route("/", get(search::page))
        .route("/search/results", get(search::fragment))
        .route("/articles/{id}", get(content::article))
        .route("/agencies", get(content::agencies))
        .route("/agencies/{id}", get(content::agency))
        .route("/scripts", get(content::scripts))
        .route("/login", get(login::form).post(login::submit))
        .route("/logout", post(login::logout))
        .route("/admin/users", get(users::list).post(users::create))
        .route("/contacts", post(contacts::create))
        .route("/contacts/new", get(contacts::new_form))
        .route("/contacts/{id}", get(contacts::show))
        .route("/contacts/{id}/turns", post(contacts::turn))
        .route("/contacts/{id}/stages", post(contacts::stages))
        .route("/contacts/{id}/choices", post(contacts::choices))
        .route("/contacts/{id}/end", post(contacts::end))
        .route("/contacts/{id}/letter", get(letters::page))
        .route(
            "/contacts/{id}/actions/{n}/done",
            post(contacts::action_done),
        )
        .route("/contacts/{id}/letters", post(letters::save))
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
    response.into_response()
}
