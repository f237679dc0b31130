//! What the managers' figures count about a contact, drawn from its record
//! when it is saved: ids, categories, times and scores only, never what the
//! caller said or who they are. The store keeps these beside the record so
//! the dashboard can count tens of thousands of contacts without reading
//! each record.

use chrono::NaiveDate;

use super::contact::ContactRecord;
use crate::lang::Lang;

/// The countable facts of one contact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactFacts {
    /// The UK day it started.
    pub day: NaiveDate,
    /// `phone`, `email`, …
    pub channel: &'static str,
    /// The language the caller was served in.
    pub caller_lang: Lang,
    /// `public`, `police`, …
    pub caller_type: &'static str,
    /// How it ended, once it has.
    pub outcome: Option<&'static str>,
    /// Seconds from start to end, once it has ended.
    pub handling_secs: Option<i64>,
    /// Report Line and whistleblowing contacts.
    pub restricted: bool,
    /// Intents, flags, referrals, adjustments made, the force and
    /// high-profile matters, as (kind, id).
    pub labels: Vec<(LabelKind, String)>,
    /// Satisfaction scores, by question.
    pub scores: Vec<(String, u8)>,
    /// Post-contact actions: owner, due, done.
    pub actions: Vec<(String, NaiveDate, Option<NaiveDate>)>,
}

/// What a label of a contact is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LabelKind {
    /// A reason for calling the assistant recognised.
    Intent,
    /// A flag it raised.
    Flag,
    /// An agency the caller was referred to.
    Referral,
    /// An adjustment the caller agreed to.
    Adjustment,
    /// The police force the contact is about.
    Force,
    /// A high-profile matter mentioned.
    Matter,
}

impl LabelKind {
    /// Every kind.
    pub const ALL: [LabelKind; 6] = [
        LabelKind::Intent,
        LabelKind::Flag,
        LabelKind::Referral,
        LabelKind::Adjustment,
        LabelKind::Force,
        LabelKind::Matter,
    ];

    /// The name stored.
    pub fn as_str(self) -> &'static str {
        match self {
            LabelKind::Intent => "intent",
            LabelKind::Flag => "flag",
            LabelKind::Referral => "referral",
            LabelKind::Adjustment => "adjustment",
            LabelKind::Force => "force",
            LabelKind::Matter => "matter",
        }
    }
}

impl ContactRecord {
    /// The facts the dashboard counts; `None` if the record's start time
    /// is not a time (never for records the service made).
    pub fn facts(&self) -> Option<ContactFacts> {
        let day = crate::i18n::uk_date_of(&self.started_at)?;
        let handling_secs = self.ended_at.as_deref().and_then(|end| {
            let start = chrono::DateTime::parse_from_rfc3339(&self.started_at).ok()?;
            let end = chrono::DateTime::parse_from_rfc3339(end).ok()?;
            Some((end - start).num_seconds().max(0))
        });
        let mut labels: Vec<(LabelKind, String)> = Vec::new();
        let conversation = &self.conversation;
        labels.extend(
            conversation
                .intents()
                .iter()
                .map(|f| (LabelKind::Intent, f.id.clone())),
        );
        labels.extend(
            conversation
                .flags()
                .iter()
                .map(|f| (LabelKind::Flag, f.id.clone())),
        );
        labels.extend(
            self.referrals
                .iter()
                .map(|id| (LabelKind::Referral, id.clone())),
        );
        labels.extend(
            self.adjustments
                .iter()
                .filter(|a| a.confirmed)
                .map(|a| (LabelKind::Adjustment, a.id.clone())),
        );
        labels.extend(
            conversation
                .matters()
                .iter()
                .map(|f| (LabelKind::Matter, f.id.clone())),
        );
        let force = self.force.as_deref().or(conversation.force());
        labels.extend(force.map(|f| (LabelKind::Force, f.to_string())));
        labels.sort();
        labels.dedup();
        Some(ContactFacts {
            day,
            channel: self.channel.as_str(),
            caller_lang: self.caller_lang,
            caller_type: self.caller_type.as_str(),
            outcome: self.outcome.map(|o| o.as_str()),
            handling_secs,
            restricted: self.restricted,
            labels,
            scores: self
                .satisfaction
                .iter()
                .filter_map(|a| Some((a.question.clone(), a.score?)))
                .collect(),
            actions: self
                .actions
                .iter()
                .map(|a| (a.owner.clone(), a.due, a.done_on))
                .collect(),
        })
    }
}
