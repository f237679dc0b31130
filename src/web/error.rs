//! One error type for every handler, and the one place where domain errors
//! become HTTP answers. A handler returns [`AppError`] (domain errors convert
//! with `?`); its [`ErrorCode`] owns the status, the stable code and the
//! message id, so one failure gets one answer everywhere. The response
//! carries an [`ErrorInfo`] that the request-context middleware turns into
//! JSON (under `/api/`) or a page in the user's language.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::assistant::letters::LetterError;
use crate::assistant::review_time::TimingError;
use crate::auth::{AccountError, LoginError};
use crate::contacts::ContactError;
use crate::editorial::EditorialError;
use crate::i18n::Tr;
use crate::knowledge::LookupError;
use crate::search::SearchError;
use crate::store::StoreError;

/// Every kind of failure a client can see: the status, the stable code in
/// API errors and the message shown to people.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorCode {
    /// No such page, route or content id.
    NotFound,
    /// The route exists, the method does not.
    MethodNotAllowed,
    /// The body is larger than allowed.
    TooLarge,
    /// The body is not in a format the route takes.
    UnsupportedMediaType,
    /// Not signed in.
    Unauthenticated,
    /// Signed in, but the role may not do this.
    Forbidden,
    /// Missing or wrong CSRF token, or a cross-site origin.
    Csrf,
    /// The query is longer than the limit.
    QueryTooLong,
    /// A parameter has a value that cannot be used.
    BadParameter,
    /// A request the service cannot read (axum's own rejections).
    BadRequest,
    /// The record changed since it was read, or cannot change any more.
    Conflict,
    /// A letter cannot be made: variables are missing or empty.
    LetterIncomplete,
    /// A contact record holds as much as it may.
    RecordFull,
    /// The current password given to change it is wrong.
    WrongPassword,
    /// A new password and its confirmation differ.
    PasswordMismatch,
    /// An administrator tried to disable their own account.
    OwnAccount,
    /// Review dates with the request before the outcome.
    RequestBeforeOutcome,
    /// A date too far away to count with.
    DateOutOfRange,
    /// Unknown name, wrong password or disabled account.
    BadCredentials,
    /// Too many failed sign-ins; wait.
    TooManyAttempts,
    /// Too many searches from one client; wait.
    TooManyRequests,
    /// A user name that is not allowed.
    BadUserName,
    /// A password that is too short or too long.
    BadPassword,
    /// A user name someone already has.
    NameTaken,
    /// A change approved by someone who wrote it (four eyes).
    OwnChange,
    /// A change published before it was sent for review.
    NotInReview,
    /// Content with problems to fix before it is published.
    ContentInvalid,
    /// Publishing would leave the other language out of date.
    TranslationStale,
    /// A bug or a failed dependency.
    Internal,
}

impl ErrorCode {
    /// The HTTP status.
    pub fn status(self) -> StatusCode {
        use ErrorCode::*;
        match self {
            NotFound => StatusCode::NOT_FOUND,
            MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Unauthenticated | BadCredentials => StatusCode::UNAUTHORIZED,
            Forbidden | Csrf | OwnChange | OwnAccount => StatusCode::FORBIDDEN,
            QueryTooLong | BadParameter | BadRequest | BadUserName | BadPassword
            | WrongPassword | PasswordMismatch => StatusCode::BAD_REQUEST,
            Conflict | NameTaken | NotInReview | TranslationStale => StatusCode::CONFLICT,
            LetterIncomplete | RecordFull | RequestBeforeOutcome | DateOutOfRange
            | ContentInvalid => StatusCode::UNPROCESSABLE_ENTITY,
            TooManyAttempts | TooManyRequests => StatusCode::TOO_MANY_REQUESTS,
            Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The stable code API clients match on.
    pub fn as_str(self) -> &'static str {
        use ErrorCode::*;
        match self {
            NotFound => "not-found",
            MethodNotAllowed => "method-not-allowed",
            TooLarge => "too-large",
            UnsupportedMediaType => "unsupported-media-type",
            Unauthenticated => "unauthenticated",
            Forbidden => "forbidden",
            Csrf => "csrf",
            QueryTooLong => "query-too-long",
            BadParameter => "bad-parameter",
            BadRequest => "bad-request",
            Conflict => "conflict",
            LetterIncomplete => "letter-incomplete",
            RecordFull => "record-full",
            WrongPassword => "wrong-password",
            PasswordMismatch => "password-mismatch",
            OwnAccount => "own-account",
            RequestBeforeOutcome => "request-before-outcome",
            DateOutOfRange => "date-out-of-range",
            BadCredentials => "bad-credentials",
            TooManyAttempts => "too-many-attempts",
            TooManyRequests => "too-many-requests",
            BadUserName => "bad-user-name",
            BadPassword => "bad-password",
            NameTaken => "name-taken",
            OwnChange => "own-change",
            NotInReview => "not-in-review",
            ContentInvalid => "content-invalid",
            TranslationStale => "translation-stale",
            Internal => "internal",
        }
    }

    /// The id of its message in `locales/*/errors.ftl`.
    fn message_id(self) -> String {
        format!("error-{}", self.as_str())
    }

    /// Every code.
    #[cfg(test)]
    const ALL: [ErrorCode; 29] = {
        use ErrorCode::*;
        [
            NotFound,
            MethodNotAllowed,
            TooLarge,
            UnsupportedMediaType,
            Unauthenticated,
            Forbidden,
            Csrf,
            QueryTooLong,
            BadParameter,
            BadRequest,
            Conflict,
            LetterIncomplete,
            RecordFull,
            WrongPassword,
            PasswordMismatch,
            OwnAccount,
            RequestBeforeOutcome,
            DateOutOfRange,
            BadCredentials,
            TooManyAttempts,
            TooManyRequests,
            BadUserName,
            BadPassword,
            NameTaken,
            OwnChange,
            NotInReview,
            ContentInvalid,
            TranslationStale,
            Internal,
        ]
    };

    /// The code for a bare status from outside our handlers (axum's own
    /// rejections: unknown route, wrong method, unreadable body …).
    pub fn for_status(status: StatusCode) -> Self {
        match status {
            StatusCode::NOT_FOUND => ErrorCode::NotFound,
            StatusCode::METHOD_NOT_ALLOWED => ErrorCode::MethodNotAllowed,
            StatusCode::PAYLOAD_TOO_LARGE => ErrorCode::TooLarge,
            StatusCode::UNSUPPORTED_MEDIA_TYPE => ErrorCode::UnsupportedMediaType,
            StatusCode::UNAUTHORIZED => ErrorCode::Unauthenticated,
            StatusCode::FORBIDDEN => ErrorCode::Forbidden,
            s if s.is_client_error() => ErrorCode::BadRequest,
            _ => ErrorCode::Internal,
        }
    }
}

pub use crate::i18n::MessageArg;

/// What the renderer needs to know about a failed response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorInfo {
    /// What went wrong.
    pub code: ErrorCode,
    /// The message's variables.
    pub args: Vec<(&'static str, MessageArg)>,
}

impl ErrorInfo {
    /// The message for the user, in their language.
    pub fn message(&self, t: &Tr) -> String {
        t.with_message_args(&self.code.message_id(), &self.args)
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

/// Everything a request can fail with.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// No such page, route, record or content id.
    #[error("not found")]
    NotFound,
    /// Not signed in.
    #[error("login required")]
    Unauthenticated,
    /// Signed in, but the role may not do this.
    #[error("forbidden")]
    Forbidden,
    /// Missing or wrong CSRF token, or a cross-site origin.
    #[error("csrf check failed")]
    Csrf,
    /// The query is longer than `limit` characters.
    #[error("query too long")]
    QueryTooLong {
        /// The limit.
        limit: usize,
    },
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
    /// A contact record holds as many letters (`letters`) or as much in
    /// all (`size`) as it may.
    #[error("record full: {0}")]
    RecordFull(&'static str),
    /// The current password given to change it is wrong.
    #[error("wrong current password")]
    WrongPassword,
    /// A new password and its confirmation differ.
    #[error("password mismatch")]
    PasswordMismatch,
    /// An administrator tried to disable their own account.
    #[error("own account")]
    OwnAccount,
    /// The dates given cannot be right (a request before its outcome).
    #[error("request before outcome")]
    RequestBeforeOutcome,
    /// A date too far away to count with.
    #[error("date out of range")]
    DateOutOfRange,
    /// Unknown name, wrong password or disabled account.
    #[error("bad credentials")]
    BadCredentials,
    /// Too many failed logins.
    #[error("too many attempts")]
    TooManyAttempts {
        /// Seconds until the next attempt is allowed.
        retry_after: u64,
    },
    /// Too many requests from one client (public search).
    #[error("too many requests")]
    TooManyRequests {
        /// Seconds until the next request is allowed.
        retry_after: u64,
    },
    /// A user name that is not allowed.
    #[error("bad user name")]
    BadUserName,
    /// A password that is too short or too long.
    #[error("bad password")]
    BadPassword,
    /// Someone already has that user name.
    #[error("name taken")]
    NameTaken,
    /// Whoever wrote a change may not approve it.
    #[error("own change")]
    OwnChange,
    /// A change must be in review to be published.
    #[error("not in review")]
    NotInReview,
    /// Content problems, as `canllaw check` finds them.
    #[error("content invalid")]
    ContentInvalid(Vec<crate::knowledge::Problem>),
    /// These texts would be left out of date (file and language).
    #[error("translation stale")]
    TranslationStale(Vec<String>),
    /// A bug or a failed dependency; details go to the log, not the user.
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl AppError {
    /// What went wrong, as clients see it.
    pub fn code(&self) -> ErrorCode {
        match self {
            AppError::NotFound => ErrorCode::NotFound,
            AppError::Unauthenticated => ErrorCode::Unauthenticated,
            AppError::Forbidden => ErrorCode::Forbidden,
            AppError::Csrf => ErrorCode::Csrf,
            AppError::QueryTooLong { .. } => ErrorCode::QueryTooLong,
            AppError::BadParameter(_) => ErrorCode::BadParameter,
            AppError::TooLarge => ErrorCode::TooLarge,
            AppError::Conflict => ErrorCode::Conflict,
            AppError::LetterIncomplete(_) => ErrorCode::LetterIncomplete,
            AppError::RecordFull(_) => ErrorCode::RecordFull,
            AppError::WrongPassword => ErrorCode::WrongPassword,
            AppError::PasswordMismatch => ErrorCode::PasswordMismatch,
            AppError::OwnAccount => ErrorCode::OwnAccount,
            AppError::RequestBeforeOutcome => ErrorCode::RequestBeforeOutcome,
            AppError::DateOutOfRange => ErrorCode::DateOutOfRange,
            AppError::BadCredentials => ErrorCode::BadCredentials,
            AppError::TooManyAttempts { .. } => ErrorCode::TooManyAttempts,
            AppError::TooManyRequests { .. } => ErrorCode::TooManyRequests,
            AppError::BadUserName => ErrorCode::BadUserName,
            AppError::BadPassword => ErrorCode::BadPassword,
            AppError::NameTaken => ErrorCode::NameTaken,
            AppError::OwnChange => ErrorCode::OwnChange,
            AppError::NotInReview => ErrorCode::NotInReview,
            AppError::ContentInvalid(_) => ErrorCode::ContentInvalid,
            AppError::TranslationStale(_) => ErrorCode::TranslationStale,
            AppError::Internal(_) => ErrorCode::Internal,
        }
    }

    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        self.code().status()
    }

    /// The code and the message's variable.
    pub fn info(&self) -> ErrorInfo {
        use crate::auth::password::{MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS};
        let number = |n: usize| MessageArg::Number(n as u64);
        let args = match self {
            AppError::QueryTooLong { limit } => vec![("limit", number(*limit))],
            AppError::BadParameter(name) => vec![("name", MessageArg::Text(name.to_string()))],
            AppError::RecordFull(what) => vec![("what", MessageArg::Text(what.to_string()))],
            AppError::LetterIncomplete(names) => {
                vec![("names", MessageArg::Text(names.join(", ")))]
            }
            AppError::ContentInvalid(problems) => {
                let list = problems.iter().map(|p| (p.place(), p.message.clone()));
                vec![("problems", MessageArg::List(list.collect()))]
            }
            AppError::TranslationStale(texts) => {
                vec![("texts", MessageArg::Text(texts.join(", ")))]
            }
            AppError::TooManyAttempts { retry_after } => vec![(
                "minutes",
                MessageArg::Number(retry_after.div_ceil(60).max(1)),
            )],
            AppError::BadPassword => vec![
                ("min", number(MIN_PASSWORD_CHARS)),
                ("max", number(MAX_PASSWORD_CHARS)),
            ],
            _ => Vec::new(),
        };
        ErrorInfo {
            code: self.code(),
            args,
        }
    }

    /// The message for people, in the language of `t`.
    pub fn message(&self, t: &Tr) -> String {
        self.info().message(t)
    }

    /// Headers that go with the status (`Retry-After`).
    fn retry_after(&self) -> Option<u64> {
        match self {
            AppError::TooManyAttempts { retry_after }
            | AppError::TooManyRequests { retry_after } => Some(*retry_after),
            _ => None,
        }
    }

    /// A response for a page that shows the error itself (a form shown
    /// again with the message): the status and headers only.
    pub fn apply_to(&self, response: &mut Response) {
        *response.status_mut() = self.status();
        if let Some(secs) = self.retry_after()
            && let Ok(v) = secs.to_string().parse()
        {
            response.headers_mut().insert("retry-after", v);
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        if let AppError::Internal(e) = &self {
            // The chain names what failed; it never holds request content.
            tracing::error!(error = %format!("{e:#}"), "request failed");
        }
        let mut response = self.status().into_response();
        self.apply_to(&mut response);
        response.extensions_mut().insert(self.info());
        response
    }
}

/// Handler results.
pub type AppResult<T> = Result<T, AppError>;

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Conflict => AppError::Conflict,
            StoreError::NameTaken(_) => AppError::NameTaken,
            other => AppError::Internal(other.into()),
        }
    }
}

impl From<SearchError> for AppError {
    fn from(e: SearchError) -> Self {
        match e {
            SearchError::QueryTooLong { .. } => AppError::QueryTooLong {
                limit: crate::search::MAX_QUERY_CHARS,
            },
            SearchError::BadLimit => AppError::BadParameter("limit"),
            SearchError::BadParameter { name, .. } => AppError::BadParameter(name),
            other => AppError::Internal(other.into()),
        }
    }
}

impl From<LookupError> for AppError {
    fn from(e: LookupError) -> Self {
        match e {
            LookupError::UnknownValue(name) => AppError::BadParameter(name),
            LookupError::QueryTooLong { limit } => AppError::QueryTooLong { limit },
        }
    }
}

impl From<TimingError> for AppError {
    fn from(e: TimingError) -> Self {
        match e {
            TimingError::RequestBeforeOutcome { .. } => AppError::RequestBeforeOutcome,
            TimingError::OutOfRange => AppError::DateOutOfRange,
        }
    }
}

impl From<LetterError> for AppError {
    fn from(e: LetterError) -> Self {
        match e {
            LetterError::UnknownTemplate(..) => AppError::NotFound,
            LetterError::Missing(names) | LetterError::Empty(names) => {
                AppError::LetterIncomplete(names)
            }
            // Validation should have caught it: a bug in the content.
            broken @ LetterError::Broken(..) => AppError::Internal(broken.into()),
        }
    }
}

impl From<crate::reporting::ReportError> for AppError {
    fn from(e: crate::reporting::ReportError) -> Self {
        use crate::reporting::ReportError;
        match e {
            ReportError::NotManager => AppError::Forbidden,
            ReportError::BadRange => AppError::BadParameter("to"),
            ReportError::Store(e) => e.into(),
        }
    }
}

impl From<crate::retention::RetentionError> for AppError {
    fn from(e: crate::retention::RetentionError) -> Self {
        use crate::retention::RetentionError;
        match e {
            RetentionError::NotManager => AppError::Forbidden,
            RetentionError::Subject(_) => AppError::BadParameter("value"),
            RetentionError::Store(e) => e.into(),
        }
    }
}

impl From<crate::problems::ProblemError> for AppError {
    fn from(e: crate::problems::ProblemError) -> Self {
        use crate::problems::ProblemError;
        match e {
            ProblemError::NotManager => AppError::Forbidden,
            ProblemError::NotFound => AppError::NotFound,
            ProblemError::Invalid(wrong) => {
                AppError::BadParameter(wrong.first().map_or("problem", |(field, _)| field))
            }
            ProblemError::Store(e) => e.into(),
        }
    }
}

impl From<EditorialError> for AppError {
    fn from(e: EditorialError) -> Self {
        match e {
            EditorialError::NotEditor => AppError::Forbidden,
            EditorialError::BadPath(_) => AppError::BadParameter("path"),
            EditorialError::NotFound => AppError::NotFound,
            EditorialError::Conflict => AppError::Conflict,
            EditorialError::OwnChange => AppError::OwnChange,
            EditorialError::NotInReview => AppError::NotInReview,
            EditorialError::Invalid(problems) => AppError::ContentInvalid(problems),
            EditorialError::TranslationStale(texts) => AppError::TranslationStale(
                texts
                    .iter()
                    .map(|(path, lang)| format!("{path} ({})", lang.code()))
                    .collect(),
            ),
            EditorialError::TooLong => AppError::TooLarge,
            EditorialError::NothingToRetire => AppError::BadParameter("retire"),
            EditorialError::Exists(_) => AppError::Conflict,
            EditorialError::Store(e) => e.into(),
        }
    }
}

impl From<ContactError> for AppError {
    fn from(e: ContactError) -> Self {
        match e {
            ContactError::NotFound => AppError::NotFound,
            ContactError::NotHandler => AppError::Forbidden,
            ContactError::Closed | ContactError::Stale => AppError::Conflict,
            ContactError::Invalid(name) => AppError::BadParameter(name),
            ContactError::Full(what) => AppError::RecordFull(what),
            ContactError::Letter(e) => e.into(),
            ContactError::Timing(e) => e.into(),
            ContactError::Store(e) => e.into(),
            interrupted @ ContactError::Interrupted(_) => AppError::Internal(interrupted.into()),
        }
    }
}

impl From<AccountError> for AppError {
    fn from(e: AccountError) -> Self {
        match e {
            AccountError::BadName => AppError::BadUserName,
            AccountError::BadPassword(
                crate::auth::password::PasswordError::Length
                | crate::auth::password::PasswordError::Common,
            ) => AppError::BadPassword,
            AccountError::BadPassword(other) => AppError::Internal(other.into()),
            AccountError::NameTaken(_) => AppError::NameTaken,
            AccountError::WrongPassword => AppError::WrongPassword,
            AccountError::Mismatch => AppError::PasswordMismatch,
            AccountError::OwnAccount => AppError::OwnAccount,
            AccountError::BadFullName => AppError::BadParameter("full_name"),
            AccountError::Store(e) => e.into(),
        }
    }
}

impl From<LoginError> for AppError {
    fn from(e: LoginError) -> Self {
        match e {
            LoginError::TooManyAttempts { retry_after } => AppError::TooManyAttempts {
                retry_after: retry_after.as_secs().max(1),
            },
            LoginError::BadCredentials => AppError::BadCredentials,
            LoginError::Store(e) => e.into(),
        }
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::has_message;
    use crate::lang::Lang;

    #[test]
    fn every_code_has_a_message_in_both_languages() {
        for code in ErrorCode::ALL {
            for lang in Lang::ALL {
                assert!(
                    has_message(lang, &code.message_id()),
                    "{} has no {lang} message",
                    code.message_id()
                );
            }
        }
    }

    #[test]
    fn one_domain_error_gets_one_answer() {
        let timing: AppError = TimingError::OutOfRange.into();
        assert_eq!(timing.code(), ErrorCode::DateOutOfRange);
        let broken: AppError = LetterError::Broken("x".into(), "y".into()).into();
        assert_eq!(broken.status(), StatusCode::INTERNAL_SERVER_ERROR);
        let via_contact: AppError =
            ContactError::Letter(LetterError::Broken("x".into(), "y".into())).into();
        assert_eq!(via_contact.status(), StatusCode::INTERNAL_SERVER_ERROR);
        let stale: AppError = ContactError::from(StoreError::Conflict).into();
        assert_eq!(stale.code(), ErrorCode::Conflict);
        let locked: AppError = LoginError::TooManyAttempts {
            retry_after: std::time::Duration::from_secs(61),
        }
        .into();
        assert_eq!(locked.status(), StatusCode::TOO_MANY_REQUESTS);
        let message = locked.message(&Tr::new(Lang::En));
        assert!(message.contains("2 minutes"), "{message}");
        let long: AppError = LookupError::QueryTooLong { limit: 500 }.into();
        assert!(long.message(&Tr::new(Lang::Cy)).contains("500"));
    }
}
