//! What can stop an editorial step.

use crate::knowledge::Problem;
use crate::lang::Lang;
use crate::store::StoreError;

/// Why an editorial step was refused.
#[derive(Debug, thiserror::Error)]
pub enum EditorialError {
    /// Only editors and admins change content.
    #[error("only editors and admins may change content")]
    NotEditor,
    /// Not a place a content file may live.
    #[error("'{0}' is not a content file")]
    BadPath(String),
    /// No draft (or no such revision) of that file.
    #[error("there is nothing to show for that file")]
    NotFound,
    /// The draft or the published file moved since the editor read it.
    #[error("someone else changed this since you opened it; nothing was lost")]
    Conflict,
    /// Four-eyes approval: whoever wrote a change does not approve it.
    #[error("a change is approved by someone who did not write it")]
    OwnChange,
    /// Only a draft in review is published.
    #[error("the change has to be sent for review first")]
    NotInReview,
    /// The content would not load or validate.
    #[error("{} problem(s) to fix first", .0.len())]
    Invalid(Vec<Problem>),
    /// Publishing leaves the other language out of date: the editor must
    /// say so on purpose.
    #[error("the other language needs updating; confirm to publish anyway")]
    TranslationStale(Vec<(String, Lang)>),
    /// A new item would take the place of one that exists.
    #[error("'{0}' already exists")]
    Exists(String),
    /// Retiring a file that was never published.
    #[error("there is nothing published to retire")]
    NothingToRetire,
    /// The text is larger than any content file should be.
    #[error("the text is too long")]
    TooLong,
    /// The store failed.
    #[error(transparent)]
    Store(StoreError),
}

impl From<StoreError> for EditorialError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Conflict => EditorialError::Conflict,
            e => EditorialError::Store(e),
        }
    }
}
