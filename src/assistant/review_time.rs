//! Is a review request in time? Day 1 is the day after the outcome date;
//! a request that arrives on or before the last day (day
//! `time_limit_days`) is in time. The rule comes from
//! `knowledge/rules/reviews.toml`, so editors can change it.

use chrono::{Days, NaiveDate};
use serde::Serialize;

use super::recognise::Analysed;
use crate::knowledge::ReviewRules;

/// Why the dates cannot be assessed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TimingError {
    /// The request is dated before the outcome it asks to review.
    #[error("the request ({received}) is dated before the outcome ({outcome}): check both dates")]
    RequestBeforeOutcome {
        /// Outcome date.
        outcome: NaiveDate,
        /// Request date.
        received: NaiveDate,
    },
    /// A date too far in the future to count with.
    #[error("the date is out of range")]
    OutOfRange,
}

/// A late-request reason found in what the appellant gave.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FoundReason {
    /// Reason id from the rules.
    pub id: String,
    /// The words that showed it.
    pub matched: String,
    /// Whether this reason needs advice rather than the formula.
    pub seek_advice: bool,
}

/// The assessment of one review request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReviewTiming {
    /// Date of the outcome letter.
    pub outcome_date: NaiveDate,
    /// Date the request arrived.
    pub received_date: NaiveDate,
    /// The last day a request is in time.
    pub deadline: NaiveDate,
    /// Which day of the count the request arrived on (day 1 = the day after
    /// the outcome; 0 = the outcome date itself).
    pub day: u32,
    /// Whether it is in time.
    pub in_time: bool,
    /// Days after the deadline (0 when in time).
    pub days_late: u32,
    /// Reasons recognised in what the appellant gave.
    pub reasons: Vec<FoundReason>,
    /// Whether to ask a senior caseworker before replying.
    pub seek_advice: bool,
    /// The guidance article to apply.
    pub guidance: String,
}

/// Assesses a request that arrived on `received` against an outcome dated
/// `outcome`, with the appellant's `reasons` (free text, any language).
pub fn assess(
    rules: &ReviewRules,
    outcome: NaiveDate,
    received: NaiveDate,
    reasons: &str,
) -> Result<ReviewTiming, TimingError> {
    if received < outcome {
        return Err(TimingError::RequestBeforeOutcome { outcome, received });
    }
    let deadline = outcome
        .checked_add_days(Days::new(u64::from(rules.time_limit_days)))
        .ok_or(TimingError::OutOfRange)?;
    let day =
        u32::try_from((received - outcome).num_days()).map_err(|_| TimingError::OutOfRange)?;
    let in_time = received <= deadline;
    let days_late = day.saturating_sub(rules.time_limit_days);
    let text = Analysed::new(reasons);
    let found: Vec<FoundReason> = rules
        .reasons
        .iter()
        .filter_map(|r| {
            text.first_match(&r.recognise).map(|m| FoundReason {
                id: r.id.clone(),
                matched: m.to_string(),
                seek_advice: r.seek_advice,
            })
        })
        .collect();
    let seek_advice = !in_time
        && (days_late >= rules.seek_advice_after_days || found.iter().any(|r| r.seek_advice));
    Ok(ReviewTiming {
        outcome_date: outcome,
        received_date: received,
        deadline,
        day,
        in_time,
        days_late,
        reasons: if in_time { Vec::new() } else { found },
        seek_advice,
        guidance: if in_time {
            rules.in_time_guidance.clone()
        } else {
            rules.late_guidance.clone()
        },
    })
}
