//! Sessions: a random token in an HttpOnly cookie, its hash in the store,
//! an idle timeout and an absolute lifetime. Handlers ask for a logged-in
//! user with the [`CurrentUser`] and [`Admin`] extractors.

use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum_extra::extract::CookieJar;
use axum_extra::extract::cookie::{Cookie, SameSite};

use super::context::Ctx;
use super::error::AppError;
use super::state::AppState;
use crate::auth::token::{hash_token, new_token, well_formed};
use crate::store::{NewSession, Session, User};

/// The session cookie.
pub const SESSION_COOKIE: &str = "canllaw_session";
/// Activity is written back at most this often, not on every request.
const TOUCH_EVERY_SECS: i64 = 60;

/// Seconds since the Unix epoch.
pub fn unix_now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or_default()
}

/// What the session cookie led to.
pub enum SessionLookup {
    /// No cookie, or a session that has ended.
    None,
    /// A live session.
    Found(Session),
    /// A cookie that cannot be one of ours (tampering or corruption).
    Malformed,
    /// The store failed.
    Failed(anyhow::Error),
}

/// Finds the session for the request's cookie, extending its idle timeout.
///
/// A session read from the store is remembered in memory until its next
/// touch (at most [`TOUCH_EVERY_SECS`]), so a busy console costs one
/// database round trip a minute, not one per keystroke. Ending a session
/// removes it from memory at once; a session ended elsewhere (another
/// replica, an expiry sweep) is noticed within that minute.
pub async fn load(state: &AppState, jar: &CookieJar) -> SessionLookup {
    let Some(cookie) = jar.get(SESSION_COOKIE) else {
        return SessionLookup::None;
    };
    if !well_formed(cookie.value()) {
        return SessionLookup::Malformed;
    }
    let now = unix_now();
    let hash = hash_token(cookie.value());
    if let Some(s) = state.sessions.get(&hash)
        && now - s.last_seen < TOUCH_EVERY_SECS
        && now < s.expires_at
    {
        return SessionLookup::Found(s);
    }
    match state.store.session(&hash, now).await {
        Ok(Some(mut session)) => {
            if now - session.last_seen >= TOUCH_EVERY_SECS {
                let expires = expiry(state, session.created_at, now);
                if let Err(e) = state.store.touch_session(&hash, now, expires).await {
                    return SessionLookup::Failed(e.into());
                }
                session.last_seen = now;
                session.expires_at = expires;
            }
            state.sessions.insert(hash, session.clone());
            SessionLookup::Found(session)
        }
        Ok(None) => {
            state.sessions.remove(&hash);
            SessionLookup::None
        }
        Err(e) => SessionLookup::Failed(e.into()),
    }
}

/// Forgets the in-memory copy of a session (after it changed or ended).
pub fn forget(state: &AppState, session: &Session) {
    state.sessions.remove(&session.token_hash);
}

fn expiry(state: &AppState, created_at: i64, now: i64) -> i64 {
    let idle = state.config.session_idle.as_secs() as i64;
    let max = state.config.session_max.as_secs() as i64;
    (now + idle).min(created_at + max)
}

/// Starts a session for `user`; returns the cookie to set.
pub async fn start(state: &AppState, user: &User) -> Result<Cookie<'static>, AppError> {
    let token = new_token();
    let now = unix_now();
    state
        .store
        .create_session(NewSession {
            token_hash: hash_token(&token),
            user_id: user.id,
            csrf: new_token(),
            now,
            expires_at: expiry(state, now, now),
        })
        .await?;
    Ok(Cookie::build((SESSION_COOKIE, token))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(state.config.secure_cookies)
        .build())
}

/// Ends a session.
pub async fn end(state: &AppState, session: &Session) -> Result<(), AppError> {
    forget(state, session);
    state.store.delete_session(&session.token_hash).await?;
    Ok(())
}

/// Ends every session of `user_id`, here and (through the store) on every
/// replica, whose caches let a session live at most [`TOUCH_EVERY_SECS`]
/// longer.
pub async fn end_all_of(state: &AppState, user_id: i64) -> Result<(), AppError> {
    state.store.delete_sessions_of(user_id).await?;
    state.sessions.retain(|_, s| s.user.id != user_id);
    Ok(())
}

/// A cookie that removes the session cookie.
pub fn removal_cookie(state: &AppState) -> Cookie<'static> {
    let mut c = Cookie::build((SESSION_COOKIE, ""))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(state.config.secure_cookies)
        .build();
    c.make_removal();
    c
}

/// Removes expired sessions every `every`, so they do not pile up.
pub async fn sweep_expired(state: Arc<AppState>, every: Duration) {
    let mut interval = tokio::time::interval(every);
    loop {
        interval.tick().await;
        // Clients not seen for a while are forgotten by the rate limiter.
        state.public_search_limit.retain_recent();
        match state.store.delete_expired_sessions(unix_now()).await {
            Ok(n) if n > 0 => tracing::info!(removed = n, "expired sessions removed"),
            Ok(_) => {}
            Err(e) => tracing::warn!(error = %e, "could not remove expired sessions"),
        }
    }
}

/// A logged-in user, of any role.
pub struct CurrentUser(pub Session);

impl<S: Send + Sync> FromRequestParts<S> for CurrentUser {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        Ctx::from_request_parts(parts, state)
            .await?
            .session
            .map(CurrentUser)
            .ok_or(AppError::Unauthenticated)
    }
}

/// A logged-in editor or administrator: refused before a form is even
/// read, so everyone else gets the same answer whatever they send. The
/// editorial rules check the role again.
pub struct Editor(pub Session);

impl<S: Send + Sync> FromRequestParts<S> for Editor {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let CurrentUser(session) = CurrentUser::from_request_parts(parts, state).await?;
        match session.user.role {
            crate::auth::Role::Editor | crate::auth::Role::Admin => Ok(Editor(session)),
            _ => Err(AppError::Forbidden),
        }
    }
}

/// A logged-in manager or administrator (the figures). Which contacts
/// their figures count is decided in `reporting`.
pub struct Manager(pub Session);

impl<S: Send + Sync> FromRequestParts<S> for Manager {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let CurrentUser(session) = CurrentUser::from_request_parts(parts, state).await?;
        if session.user.role.oversees() {
            Ok(Manager(session))
        } else {
            Err(AppError::Forbidden)
        }
    }
}

/// A logged-in administrator.
pub struct Admin(pub Session);

impl<S: Send + Sync> FromRequestParts<S> for Admin {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let CurrentUser(session) = CurrentUser::from_request_parts(parts, state).await?;
        if session.user.role.manages_users() {
            Ok(Admin(session))
        } else {
            Err(AppError::Forbidden)
        }
    }
}
