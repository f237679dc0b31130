//! The adviser console, under `/console`: server-rendered pages that work
//! without JavaScript; `assets/web/console.js` adds search-as-you-type and
//! keyboard use.

mod account;
mod contacts;
mod content;
mod language;
mod letters;
mod login;
mod search;
mod users;

use std::sync::Arc;

use axum::Router;
use axum::routing::{get, post};

use super::state::AppState;

/// The console's home (its search page); the public site has `/`.
pub(crate) const HOME: &str = "/console";

/// The console's routes, relative to [`HOME`].
pub(crate) fn routes() -> Router<Arc<AppState>> {
    Router::new()
        .route("/", get(search::page))
        .route("/search/results", get(search::fragment))
        .route("/articles/{id}", get(content::article))
        .route("/agencies", get(content::agencies))
        .route("/agencies/{id}", get(content::agency))
        .route("/scripts", get(content::scripts))
        .route("/login", get(login::form).post(login::submit))
        .route("/logout", post(login::logout))
        .route("/language", post(language::save))
        .route("/account", get(account::form).post(account::change))
        .route("/admin/users", get(users::list).post(users::create))
        .route("/admin/users/{name}/full-name", post(users::full_name))
        .route("/admin/users/{name}/disabled", post(users::disabled))
        .route("/admin/users/{name}/password", post(users::reset_password))
        .route("/contacts", get(contacts::list).post(contacts::create))
        .route("/contacts/new", get(contacts::new_form))
        .route("/contacts/{id}", get(contacts::show))
        .route("/contacts/{id}/turns", post(contacts::turn))
        .route("/contacts/{id}/stages", post(contacts::stages))
        .route("/contacts/{id}/choices", post(contacts::choices))
        .route("/contacts/{id}/details", post(contacts::details))
        .route("/contacts/{id}/referrals", post(contacts::refer))
        .route("/contacts/{id}/end", post(contacts::end))
        .route("/contacts/{id}/letter", get(letters::page))
        .route(
            "/contacts/{id}/actions/{n}/done",
            post(contacts::action_done),
        )
        .route("/contacts/{id}/letters", post(letters::save))
        .route("/contacts/{id}/letters/{n}", get(letters::print))
}
