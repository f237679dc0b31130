//! One error type for every handler. A handler returns [`AppError`]; its
//! response carries an [`ErrorInfo`] that the request-context middleware
//! turns into JSON (under `/api/`) or a page in the user's language, so the
//! wording lives in one place and in the locale files.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use super::i18n::Tr;

/// Everything a request can fail with.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// No such page, route or content id.
    #[error("not found")]
    NotFound,
    /// Not logged in.
    #[error("login required")]
    Unauthenticated,
    /// Logged in, but the role may not do this.
    #[error("forbidden")]
    Forbidden,
    /// Missing or wrong CSRF token, or a cross-site origin.
    #[error("csrf check failed")]
    Csrf,
    /// The search query is too long.
    #[error("query too long")]
    QueryTooLong,
    /// A parameter has a value we cannot use.
    #[error("bad parameter {0}")]
    BadParameter(&'static str),
    /// The request body is larger than allowed.
    #[error("body too large")]
    TooLarge,
    /// The record changed since it was read, or cannot change any more.
    #[error("conflict")]
    Conflict,
    /// A letter cannot be made: these variables are missing or empty.
    #[error("letter incomplete")]
    LetterIncomplete(Vec<String>),
    /// The dates given cannot be right (a request before its outcome).
    #[error("request before outcome")]
    RequestBeforeOutcome,
    /// Too many failed logins.
    #[error("too many attempts")]
    TooManyAttempts {
        /// Seconds until the next attempt is allowed.
        retry_after: u64,
    },
    /// Not ready yet (index still building).
    #[error("not ready")]
    Unavailable,
    /// A bug or a failed dependency; details go to the log, not the user.
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl From<crate::store::StoreError> for AppError {
    fn from(e: crate::store::StoreError) -> Self {
        match e {
            crate::store::StoreError::Conflict => AppError::Conflict,
            other => AppError::Internal(other.into()),
        }
    }
}

impl From<crate::search::SearchError> for AppError {
    fn from(e: crate::search::SearchError) -> Self {
        use crate::search::SearchError;
        match e {
            SearchError::QueryTooLong { .. } => AppError::QueryTooLong,
            SearchError::BadLimit => AppError::BadParameter("limit"),
            other => AppError::Internal(other.into()),
        }
    }
}

/// What the renderer needs to know about a failed response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorInfo {
    /// Stable machine-readable code (`not-found`, `csrf`, …).
    pub code: &'static str,
    /// What the message names: the parameter at fault (`bad-parameter`),
    /// the missing letter variables (`letter-incomplete`).
    pub detail: Option<String>,
}

impl ErrorInfo {
    /// The info for a bare status from outside our handlers (axum's own
    /// rejections: unknown route, wrong method, unreadable body …).
    pub fn for_status(status: StatusCode) -> Self {
        let code = match status {
            StatusCode::NOT_FOUND => "not-found",
            StatusCode::METHOD_NOT_ALLOWED => "method-not-allowed",
            StatusCode::PAYLOAD_TOO_LARGE => "too-large",
            StatusCode::UNSUPPORTED_MEDIA_TYPE => "unsupported-media-type",
            StatusCode::UNAUTHORIZED => "unauthenticated",
            StatusCode::FORBIDDEN => "forbidden",
            StatusCode::TOO_MANY_REQUESTS => "too-many-requests",
            StatusCode::SERVICE_UNAVAILABLE => "unavailable",
            s if s.is_client_error() => "bad-request",
            _ => "internal",
        };
        ErrorInfo { code, detail: None }
    }

    /// The message for the user, in their language.
    pub fn message(&self, t: &Tr) -> String {
        match self.code {
            "not-found" => t.t("error-not-found"),
            "method-not-allowed" => t.t("error-method-not-allowed"),
            "too-large" => t.t("error-too-large"),
            "unsupported-media-type" => t.t("error-unsupported-media-type"),
            "unauthenticated" => t.t("error-unauthenticated"),
            "forbidden" => t.t("error-forbidden"),
            "csrf" => t.t("error-csrf"),
            "query-too-long" => t.t1(
                "error-query-too-long",
                "limit",
                crate::search::MAX_QUERY_CHARS,
            ),
            "bad-parameter" => t.t1(
                "error-bad-parameter",
                "name",
                self.detail.clone().unwrap_or_default(),
            ),
            "too-many-requests" => t.t("error-too-many-requests"),
            "conflict" => t.t("error-conflict"),
            "letter-incomplete" => t.t1(
                "error-letter-incomplete",
                "names",
                self.detail.clone().unwrap_or_default(),
            ),
            "request-before-outcome" => t.t("error-request-before-outcome"),
            "unavailable" => t.t("error-unavailable"),
            "bad-request" => t.t("error-bad-request"),
            _ => t.t("error-internal"),
        }
    }
}

/// The JSON body of an API error: `{"error":{"code":…,"message":…}}`.
#[derive(Debug, Serialize)]
pub struct ApiErrorBody {
    /// The error.
    pub error: ApiErrorDetail,
}

/// Inside [`ApiErrorBody`].
#[derive(Debug, Serialize)]
pub struct ApiErrorDetail {
    /// Stable code.
    pub code: &'static str,
    /// Message in the negotiated language.
    pub message: String,
}

impl AppError {
    fn status_and_info(&self) -> (StatusCode, ErrorInfo) {
        let info = |code| ErrorInfo { code, detail: None };
        match self {
            AppError::NotFound => (StatusCode::NOT_FOUND, info("not-found")),
            AppError::Unauthenticated => (StatusCode::UNAUTHORIZED, info("unauthenticated")),
            AppError::Forbidden => (StatusCode::FORBIDDEN, info("forbidden")),
            AppError::Csrf => (StatusCode::FORBIDDEN, info("csrf")),
            AppError::QueryTooLong => (StatusCode::BAD_REQUEST, info("query-too-long")),
            AppError::BadParameter(p) => (
                StatusCode::BAD_REQUEST,
                ErrorInfo {
                    code: "bad-parameter",
                    detail: Some(p.to_string()),
                },
            ),
            AppError::TooLarge => (StatusCode::PAYLOAD_TOO_LARGE, info("too-large")),
            AppError::Conflict => (StatusCode::CONFLICT, info("conflict")),
            AppError::LetterIncomplete(names) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                ErrorInfo {
                    code: "letter-incomplete",
                    detail: Some(names.join(", ")),
                },
            ),
            AppError::RequestBeforeOutcome => (
                StatusCode::UNPROCESSABLE_ENTITY,
                info("request-before-outcome"),
            ),
            AppError::TooManyAttempts { .. } => {
                (StatusCode::TOO_MANY_REQUESTS, info("too-many-requests"))
            }
            AppError::Unavailable => (StatusCode::SERVICE_UNAVAILABLE, info("unavailable")),
            AppError::Internal(_) => (StatusCode::INTERNAL_SERVER_ERROR, info("internal")),
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        if let AppError::Internal(e) = &self {
            // The chain names what failed; it never holds request content.
            tracing::error!(error = %format!("{e:#}"), "request failed");
        }
        let (status, info) = self.status_and_info();
        let mut response = status.into_response();
        if let AppError::TooManyAttempts { retry_after } = self
            && let Ok(v) = retry_after.to_string().parse()
        {
            response.headers_mut().insert("retry-after", v);
        }
        response.extensions_mut().insert(info);
        response
    }
}

/// Handler results.
pub type AppResult<T> = Result<T, AppError>;

/// An optional parameter: absent or empty is `None`; a value that does not
/// parse is a `bad-parameter` error naming it.
pub fn optional_param<T: std::str::FromStr>(
    value: Option<&str>,
    name: &'static str,
) -> AppResult<Option<T>> {
    match value.filter(|v| !v.is_empty()) {
        Some(v) => v
            .parse()
            .map(Some)
            .map_err(|_| AppError::BadParameter(name)),
        None => Ok(None),
    }
}
