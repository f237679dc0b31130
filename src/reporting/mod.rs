//! The managers' figures: what the contact records say about the service,
//! computed from the facts the store keeps for each contact. Who may see
//! them, and whether restricted (Report Line, whistleblowing) contacts are
//! counted, is decided here.
//!
//! Definitions (also in the README):
//! * **First-contact resolution**: of the contacts that ended with an
//!   outcome, the share resolved at first contact.
//! * **Average handling time**: the mean time from start to end of the
//!   contacts that have ended.
//! * **Satisfaction**: per question, the mean of the 1–5 scores given.
//! * **Overdue actions**: post-contact actions of the contacts counted that
//!   are past their due day (UK) and not done.
//! * **Spike** (high-profile matters): a day on which at least
//!   [`SPIKE_MIN`] contacts mention the matter and at least [`SPIKE_FACTOR`]
//!   times the mean of the [`SPIKE_WINDOW`] days before it (days with none
//!   count as 0).

use chrono::NaiveDate;

use crate::auth::Role;
use crate::store::{ContactStats, StatsFilter, Store, StoreError, User};

/// Why figures were refused.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// Only managers and admins see the figures.
    #[error("only managers see the figures")]
    NotManager,
    /// A date range that ends before it starts, or is longer than a year
    /// and a day.
    #[error("the dates do not make a range")]
    BadRange,
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Fewest contacts on a day that can make a spike.
pub const SPIKE_MIN: u64 = 5;
/// How many times the trailing mean a spike is, at least.
pub const SPIKE_FACTOR: u64 = 3;
/// Days the trailing mean is taken over.
pub const SPIKE_WINDOW: usize = crate::store::MATTER_LEAD_DAYS as usize;

/// Longest range a report covers, in days.
pub const MAX_DAYS: i64 = 366;

/// What a manager asks to see.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// First and last UK day.
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Only this channel (`phone`, …).
    pub channel: Option<String>,
    /// Only callers served in this language.
    pub caller_lang: Option<crate::lang::Lang>,
}

/// A share: `part` of `whole`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Share {
    pub part: u64,
    pub whole: u64,
}

impl Share {
    /// The share in whole per cent, rounded half up; `None` of nothing.
    pub fn percent(self) -> Option<u64> {
        (self.whole > 0).then(|| (self.part * 200 + self.whole) / (self.whole * 2))
    }
}

/// The satisfaction answers to one question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Satisfaction {
    pub question: String,
    /// Answers with a score.
    pub answers: u64,
    /// Their mean, in hundredths (4.25 is 425), rounded half up.
    pub mean_hundredths: u64,
}

/// One day of a high-profile matter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatterDay {
    pub day: NaiveDate,
    /// Contacts that mentioned it.
    pub contacts: u64,
    /// The mean of the [`SPIKE_WINDOW`] days before, in tenths (2.5 is 25),
    /// rounded half up.
    pub trailing_tenths: u64,
    /// Whether the day is a spike (see the module's definitions).
    pub spike: bool,
}

/// A high-profile matter's contacts over the range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatterTrend {
    /// The matter's id.
    pub id: String,
    /// Contacts in the range that mentioned it.
    pub total: u64,
    /// Every day of the range.
    pub days: Vec<MatterDay>,
}

impl MatterTrend {
    /// The days that are spikes.
    pub fn spikes(&self) -> impl Iterator<Item = &MatterDay> {
        self.days.iter().filter(|d| d.spike)
    }
}

/// Marks the spikes in a run of daily counts: `counts` starts
/// [`SPIKE_WINDOW`] days early, and those first days are only read.
pub fn spikes(counts: &[u64]) -> Vec<(u64, bool)> {
    (SPIKE_WINDOW..counts.len())
        .map(|i| {
            let n = counts[i];
            let before: u64 = counts[i - SPIKE_WINDOW..i].iter().sum();
            let w = SPIKE_WINDOW as u64;
            let tenths = (before * 20 + w) / (w * 2);
            (tenths, n >= SPIKE_MIN && n * w >= SPIKE_FACTOR * before)
        })
        .collect()
}

/// The figures for one request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub request: Request,
    /// Whether restricted contacts are counted (managers: yes; admins, who
    /// may not read them: no).
    pub restricted_counted: bool,
    /// Contacts counted.
    pub total: u64,
    /// Every day of the range, with the contacts started on it.
    pub by_day: Vec<(NaiveDate, u64)>,
    pub by_channel: Vec<(String, u64)>,
    pub by_lang: Vec<(String, u64)>,
    pub by_caller_type: Vec<(String, u64)>,
    pub by_intent: Vec<(String, u64)>,
    pub by_outcome: Vec<(String, u64)>,
    pub referrals: Vec<(String, u64)>,
    pub adjustments: Vec<(String, u64)>,
    pub first_contact_resolution: Share,
    /// Mean handling time in whole seconds (rounded half up), if any
    /// contact has ended.
    pub average_handling_secs: Option<u64>,
    pub satisfaction: Vec<Satisfaction>,
    pub overdue: Vec<(String, u64)>,
    /// High-profile matters mentioned in the range, most mentioned first.
    pub matters: Vec<MatterTrend>,
}

/// The figures `user` asked for, as of `today` (UK).
pub async fn report(
    store: &dyn Store,
    user: &User,
    request: Request,
    today: NaiveDate,
) -> Result<Report, ReportError> {
    if !user.role.oversees() {
        return Err(ReportError::NotManager);
    }
    let days = (request.to - request.from).num_days();
    if !(0..MAX_DAYS).contains(&days) {
        return Err(ReportError::BadRange);
    }
    let restricted = user.role == Role::Manager;
    let stats = store
        .contact_stats(
            StatsFilter {
                from: request.from,
                to: request.to,
                channel: request.channel.clone(),
                caller_lang: request.caller_lang,
                restricted,
            },
            today,
        )
        .await?;
    Ok(compute(request, restricted, stats))
}

/// The report from the store's counts.
pub fn compute(request: Request, restricted_counted: bool, stats: ContactStats) -> Report {
    let by_day: Vec<(NaiveDate, u64)> = request
        .from
        .iter_days()
        .take_while(|d| *d <= request.to)
        .map(|d| {
            let n = stats
                .by_day
                .iter()
                .find(|(day, _)| *day == d)
                .map_or(0, |(_, n)| *n);
            (d, n)
        })
        .collect();
    let labels = |kind: &str| -> Vec<(String, u64)> {
        stats
            .by_label
            .iter()
            .filter(|(k, _, _)| k == kind)
            .map(|(_, v, n)| (v.clone(), *n))
            .collect()
    };
    let ended_with_outcome: u64 = stats.by_outcome.iter().map(|(_, n)| n).sum();
    let resolved = stats
        .by_outcome
        .iter()
        .find(|(o, _)| o == "resolved-first-contact")
        .map_or(0, |(_, n)| *n);
    let matters = {
        let lead = request.from - chrono::Duration::days(SPIKE_WINDOW as i64);
        let span: Vec<NaiveDate> = lead.iter_days().take_while(|d| *d <= request.to).collect();
        // Each matter's counts laid out over the span, read in one pass.
        let mut by_matter: std::collections::BTreeMap<&str, Vec<u64>> = Default::default();
        for (id, day, n) in &stats.matter_days {
            if let Ok(i) = usize::try_from((*day - lead).num_days())
                && i < span.len()
            {
                by_matter
                    .entry(id.as_str())
                    .or_insert_with(|| vec![0; span.len()])[i] = *n;
            }
        }
        let first = SPIKE_WINDOW.min(span.len());
        let mut trends: Vec<MatterTrend> = by_matter
            .into_iter()
            .map(|(id, counts)| {
                let days: Vec<MatterDay> = span[first..]
                    .iter()
                    .zip(&counts[first..])
                    .zip(spikes(&counts))
                    .map(|((day, n), (trailing_tenths, spike))| MatterDay {
                        day: *day,
                        contacts: *n,
                        trailing_tenths,
                        spike,
                    })
                    .collect();
                MatterTrend {
                    id: id.to_string(),
                    total: days.iter().map(|d| d.contacts).sum(),
                    days,
                }
            })
            .filter(|t| t.total > 0)
            .collect();
        trends.sort_by(|a, b| b.total.cmp(&a.total).then_with(|| a.id.cmp(&b.id)));
        trends
    };
    Report {
        total: by_day.iter().map(|(_, n)| n).sum(),
        by_day,
        by_channel: stats.by_channel,
        by_lang: stats.by_lang,
        by_caller_type: stats.by_caller_type,
        by_intent: labels("intent"),
        referrals: labels("referral"),
        adjustments: labels("adjustment"),
        by_outcome: stats.by_outcome,
        first_contact_resolution: Share {
            part: resolved,
            whole: ended_with_outcome,
        },
        average_handling_secs: (stats.timed > 0)
            .then(|| (stats.handling_secs * 2 + stats.timed) / (stats.timed * 2)),
        satisfaction: stats
            .scores
            .into_iter()
            .map(|(question, answers, sum)| Satisfaction {
                question,
                answers,
                mean_hundredths: (sum * 200 + answers) / (answers * 2).max(1),
            })
            .collect(),
        overdue: stats.overdue,
        matters,
        request,
        restricted_counted,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn figures_from_counts_worked_by_hand() {
        let request = Request {
            from: day("2026-11-30"),
            to: day("2026-12-02"),
            channel: None,
            caller_lang: None,
        };
        let stats = ContactStats {
            by_day: vec![(day("2026-11-30"), 2), (day("2026-12-02"), 1)],
            by_outcome: vec![
                ("resolved-first-contact".into(), 2),
                ("follow-up".into(), 1),
            ],
            // 300 s and 421 s: mean 360.5 s, rounded up.
            timed: 2,
            handling_secs: 721,
            // Scores 4, 5 and 5: mean 4.666…, 4.67.
            scores: vec![("helpful".into(), 3, 14)],
            by_label: vec![
                ("intent".into(), "complaint".into(), 2),
                ("referral".into(), "samaritans".into(), 1),
            ],
            ..ContactStats::default()
        };
        let r = compute(request, true, stats);
        assert_eq!(r.total, 3);
        assert_eq!(
            r.by_day,
            [
                (day("2026-11-30"), 2),
                (day("2026-12-01"), 0),
                (day("2026-12-02"), 1)
            ]
        );
        // 2 of 3: 66.67 %, shown as 67.
        assert_eq!(r.first_contact_resolution.percent(), Some(67));
        assert_eq!(r.average_handling_secs, Some(361));
        assert_eq!(r.satisfaction[0].mean_hundredths, 467);
        assert_eq!(r.by_intent, [("complaint".to_string(), 2)]);
        assert_eq!(r.referrals, [("samaritans".to_string(), 1)]);
        assert!(r.adjustments.is_empty());
        assert!(r.matters.is_empty());
        assert_eq!(Share { part: 0, whole: 0 }.percent(), None);
        assert_eq!(
            Share { part: 1, whole: 8 }.percent(),
            Some(13),
            "12.5 rounds up"
        );
    }

    #[test]
    fn a_spike_is_at_least_five_and_three_times_the_weeks_mean() {
        // A week averaging 2 a day, then 3, 4, 5, 9, and a week of nothing
        // then 5.
        let mut counts = vec![2, 2, 2, 2, 2, 2, 2, 3, 4, 5, 9];
        let marked = spikes(&counts);
        assert_eq!(marked.len(), 4, "the first week is only read");
        assert_eq!(marked[0], (20, false), "3 is under 5");
        assert_eq!(marked[1], (21, false), "4 is under 5");
        // 5 against a mean of (2*5+3+4)/7 = 2.43: not three times it.
        assert_eq!(marked[2], (24, false));
        // 9 against (2*4+3+4+5)/7 = 2.86: more than three times.
        assert_eq!(marked[3], (29, true));
        counts = vec![0, 0, 0, 0, 0, 0, 0, 5, 4];
        assert_eq!(spikes(&counts), [(0, true), (7, false)]);
        // Just under three times the mean is no spike: 14 against 5s.
        assert_eq!(spikes(&[5, 5, 5, 5, 5, 5, 5, 14]), [(50, false)]);
        assert_eq!(spikes(&[5, 5, 5, 5, 5, 5, 5, 15]), [(50, true)]);
    }

    #[test]
    fn matters_are_counted_over_the_range_with_a_weeks_lead() {
        let request = Request {
            from: day("2026-11-10"),
            to: day("2026-11-12"),
            channel: None,
            caller_lang: None,
        };
        let stats = ContactStats {
            matter_days: vec![
                // Before the range: read for the mean only.
                ("glaslyn".into(), day("2026-11-05"), 7),
                ("glaslyn".into(), day("2026-11-11"), 6),
                ("other".into(), day("2026-11-04"), 3),
            ],
            ..ContactStats::default()
        };
        let r = compute(request, true, stats);
        assert_eq!(
            r.matters.len(),
            1,
            "a matter with nothing in range is left out"
        );
        let m = &r.matters[0];
        assert_eq!(m.total, 6);
        assert_eq!(m.days.len(), 3);
        assert_eq!(m.days[0].trailing_tenths, 10, "7 over the week before");
        assert_eq!(
            m.spikes().map(|d| d.day).collect::<Vec<_>>(),
            [day("2026-11-11")]
        );
    }
}
