//! `/cy/terfyn-amser-adolygiad`, `/en/review-deadline`: a person gives the
//! date on their outcome letter and learns whether they can still ask for a
//! review in time, by the same rule advisers use.

use std::sync::Arc;

use askama::Template;
use axum::Extension;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use serde::Deserialize;

use crate::assistant::review_time::{self, ReviewTiming, TimingError};
use crate::knowledge::Kind;
use crate::lang::Lang;
use crate::web::context::Ctx;
use crate::web::error::{AppError, AppResult};
use crate::web::page::render;
use crate::web::site::{Place, Site};
use crate::web::state::AppState;
use crate::web::views::{Link, public_link};

/// The date on the outcome letter, as typed (GOV.UK's three-field date).
#[derive(Debug, Default, Deserialize)]
pub struct DateParams {
    day: Option<String>,
    month: Option<String>,
    year: Option<String>,
}

impl DateParams {
    fn asked(&self) -> bool {
        [&self.day, &self.month, &self.year]
            .iter()
            .any(|v| v.as_deref().is_some_and(|v| !v.trim().is_empty()))
    }

    /// The date, or the message id saying what is wrong with it and the
    /// field to correct first.
    fn date(&self) -> Result<NaiveDate, (&'static str, &'static str)> {
        let number = |v: &Option<String>| v.as_deref().map(str::trim).unwrap_or("").parse::<u32>();
        let (d, m, y) = (number(&self.day), number(&self.month), number(&self.year));
        let missing = [
            ("day", d.is_err()),
            ("month", m.is_err()),
            ("year", y.is_err()),
        ];
        if let Some((field, _)) = missing.iter().find(|(_, bad)| *bad) {
            return Err(("pub-review-error-incomplete", field));
        }
        let (d, m, y) = (d.unwrap_or(0), m.unwrap_or(0), y.unwrap_or(0));
        if !(1900..=9999).contains(&y) {
            return Err(("pub-review-error-year", "year"));
        }
        NaiveDate::from_ymd_opt(y as i32, m, d).ok_or(("pub-review-error-real", "day"))
    }
}

/// What the page says about the date given.
pub enum Answer {
    InTime { deadline: String, days_left: i64 },
    Late { deadline: String, days_late: u64 },
}

#[derive(Template)]
#[template(path = "public/review.html")]
struct ReviewPage {
    site: Site,
    day: String,
    month: String,
    year: String,
    error: Option<String>,
    /// The field the error summary leads to.
    error_field: &'static str,
    answer: Option<Answer>,
    limit: u64,
    links: Vec<Link>,
}

/// `GET`: the form, and the answer once a date is given.
pub async fn page(
    ctx: Ctx,
    State(state): State<Arc<AppState>>,
    Extension(lang): Extension<Lang>,
    Query(p): Query<DateParams>,
) -> AppResult<Response> {
    let site = Site::new(&ctx, lang, Place::Review, None);
    let kb = &state.published().kb;
    let rules = kb
        .review_rules
        .as_ref()
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("no review rules published")))?;
    let today = crate::i18n::uk_today();
    let mut error = None;
    let mut error_field = "day";
    let mut answer = None;
    if p.asked() {
        match p
            .date()
            .map(|outcome| review_time::assess(rules, outcome, today, ""))
        {
            Err((id, field)) => {
                error = Some(site.t.t(id));
                error_field = field;
            }
            Ok(Err(TimingError::RequestBeforeOutcome { .. })) => {
                error = Some(site.t.t("pub-review-error-future"));
            }
            Ok(Err(TimingError::OutOfRange)) => error = Some(site.t.t("pub-review-error-real")),
            Ok(Ok(ReviewTiming {
                deadline,
                in_time,
                days_late,
                ..
            })) => {
                let written = site.t.date(deadline);
                answer = Some(if in_time {
                    Answer::InTime {
                        deadline: written,
                        days_left: (deadline - today).num_days(),
                    }
                } else {
                    Answer::Late {
                        deadline: written,
                        days_late: u64::from(days_late),
                    }
                });
            }
        }
    }
    let links = [
        "complaint-reviews",
        "out-of-time-reviews",
        super::DEADLINE_ARTICLE,
    ]
    .iter()
    .filter_map(|id| public_link(kb, Kind::Article, id, lang))
    .collect();
    let text = |v: &Option<String>| v.as_deref().unwrap_or("").trim().chars().take(8).collect();
    let failed = error.is_some();
    let page = render(&ReviewPage {
        day: text(&p.day),
        month: text(&p.month),
        year: text(&p.year),
        limit: u64::from(rules.time_limit_days),
        site,
        error,
        error_field,
        answer,
        links,
    });
    Ok(if failed {
        (StatusCode::BAD_REQUEST, page).into_response()
    } else {
        page
    })
}
