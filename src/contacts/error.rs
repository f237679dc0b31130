//! What a contact operation can fail with.

use crate::assistant::letters::LetterError;
use crate::assistant::review_time::TimingError;
use crate::store::StoreError;

/// Why a contact operation was refused.
#[derive(Debug, thiserror::Error)]
pub enum ContactError {
    /// No such record, or one this user may not see (the two are not told
    /// apart, so a record's existence is not revealed).
    #[error("no such contact")]
    NotFound,
    /// Only the handling adviser may change the record (or, for
    /// post-contact actions, a manager).
    #[error("only the adviser handling the contact may change it")]
    NotHandler,
    /// The contact has ended; only post-contact actions can still change.
    #[error("the contact has ended")]
    Closed,
    /// The record changed since the version the change was made against.
    #[error("the record was changed by someone else; reload it and try again")]
    Stale,
    /// A field's value cannot be used (named for the API and the form).
    #[error("'{0}' has a value that cannot be used")]
    Invalid(&'static str),
    /// The record holds as many letters (`letters`) or as much in all
    /// (`size`) as it may.
    #[error("the record is full ({0})")]
    Full(&'static str),
    /// A letter cannot be made.
    #[error(transparent)]
    Letter(#[from] LetterError),
    /// Review dates that cannot be assessed.
    #[error(transparent)]
    Timing(#[from] TimingError),
    /// The store failed.
    #[error(transparent)]
    Store(StoreError),
    /// The assistant's work was interrupted (its thread panicked).
    #[error("the assistant was interrupted: {0}")]
    Interrupted(String),
}

impl From<StoreError> for ContactError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Conflict => ContactError::Stale,
            other => ContactError::Store(other),
        }
    }
}

/// Contact operation results.
pub type ContactResult<T> = Result<T, ContactError>;
