//! `POST /console/language`: the interface language switch of a signed-in
//! user, which saves their choice (a GET `?lang=` only shows a page in a
//! language, and remembers it in this browser).

use std::sync::Arc;

use axum::Form;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use serde::Deserialize;

use crate::lang::Lang;
use crate::web::context::{UI_LANG_COOKIE, lang_cookie};
use crate::web::error::{AppError, AppResult};
use crate::web::session::{self, CurrentUser};
use crate::web::state::AppState;

/// The switch's fields.
#[derive(Deserialize)]
pub struct LanguageForm {
    lang: String,
    next: Option<String>,
}

/// Saves the user's interface language and goes back to the page.
pub async fn save(
    CurrentUser(s): CurrentUser,
    State(state): State<Arc<AppState>>,
    jar: CookieJar,
    Form(f): Form<LanguageForm>,
) -> AppResult<Response> {
    let lang: Lang = f.lang.parse().map_err(|_| AppError::BadParameter("lang"))?;
    if s.user.ui_lang != lang {
        state.store.set_user_lang(s.user.id, lang).await?;
        session::forget(&state, &s);
    }
    let jar = jar.add(lang_cookie(&state, UI_LANG_COOKIE, lang));
    let next = super::login::safe_next(f.next.as_deref());
    Ok((jar, Redirect::to(&next)).into_response())
}
