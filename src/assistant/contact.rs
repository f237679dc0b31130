//! A contact and its record: channel, caller, stages, what the assistant
//! recognised, adjustments, referrals, outcome, post-contact actions,
//! satisfaction answers, letters, and start and end times.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::conversation::Conversation;
use super::letters::Letter;
use crate::knowledge::{CallerType, Stage};
use crate::lang::Lang;

/// How the contact came in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Channel {
    /// Telephone (including Relay UK and video relay).
    Phone,
    /// Email.
    Email,
    /// Letter.
    Letter,
    /// Web form.
    WebForm,
    /// Face to face.
    FaceToFace,
}

impl Channel {
    /// Every channel, in the order the console offers them.
    pub const ALL: [Channel; 5] = [
        Channel::Phone,
        Channel::Email,
        Channel::Letter,
        Channel::WebForm,
        Channel::FaceToFace,
    ];

    /// The name used in JSON and forms.
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Phone => "phone",
            Channel::Email => "email",
            Channel::Letter => "letter",
            Channel::WebForm => "web-form",
            Channel::FaceToFace => "face-to-face",
        }
    }
}

/// How the contact ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ContactOutcome {
    /// Resolved at first contact.
    ResolvedFirstContact,
    /// Needs follow-up.
    FollowUp,
    /// Referred to another agency.
    Referred,
    /// Transferred to another team.
    Transferred,
}

impl ContactOutcome {
    /// Every outcome.
    pub const ALL: [ContactOutcome; 4] = [
        ContactOutcome::ResolvedFirstContact,
        ContactOutcome::FollowUp,
        ContactOutcome::Referred,
        ContactOutcome::Transferred,
    ];

    /// The name used in JSON and forms.
    pub fn as_str(self) -> &'static str {
        match self {
            ContactOutcome::ResolvedFirstContact => "resolved-first-contact",
            ContactOutcome::FollowUp => "follow-up",
            ContactOutcome::Referred => "referred",
            ContactOutcome::Transferred => "transferred",
        }
    }
}

/// An adjustment offered on this contact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordedAdjustment {
    /// Adjustment rule id.
    pub id: String,
    /// Whether the caller agreed to it.
    pub confirmed: bool,
}

/// A post-contact action: who does what by when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Action {
    /// What is to be done.
    pub description: String,
    /// Who does it.
    pub owner: String,
    /// By when.
    pub due: NaiveDate,
    /// When it was done.
    #[serde(default)]
    pub done_on: Option<NaiveDate>,
}

/// An answer to a satisfaction question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SatisfactionAnswer {
    /// Question id (from the satisfaction script).
    pub question: String,
    /// Score 1–5, if the question has one.
    #[serde(default)]
    pub score: Option<u8>,
    /// Free comment.
    #[serde(default)]
    pub comment: Option<String>,
}

/// Only the caller details needed to follow the contact up.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallerDetails {
    /// Name, if given.
    #[serde(default)]
    pub name: Option<String>,
    /// Case reference, if any.
    #[serde(default)]
    pub reference: Option<String>,
    /// How to reach them back, if follow-up is needed.
    #[serde(default)]
    pub contact: Option<String>,
}

/// What an adviser gives to start a contact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewContact {
    /// Channel.
    pub channel: Channel,
    /// Who is calling.
    pub caller_type: CallerType,
    /// The caller's language, asked at the start.
    pub caller_lang: Lang,
}

/// A contact record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactRecord {
    /// Id (0 until stored).
    pub id: i64,
    /// The adviser handling it.
    pub adviser_id: i64,
    /// The adviser's name.
    pub adviser_name: String,
    /// Channel.
    pub channel: Channel,
    /// Who is calling.
    pub caller_type: CallerType,
    /// The caller's language.
    pub caller_lang: Lang,
    /// Caller details.
    #[serde(default)]
    pub caller: CallerDetails,
    /// Started (RFC 3339).
    pub started_at: String,
    /// Ended (RFC 3339).
    #[serde(default)]
    pub ended_at: Option<String>,
    /// The current stage.
    pub stage: Stage,
    /// Stages the adviser has ticked.
    #[serde(default)]
    pub stages_done: Vec<Stage>,
    /// Whistleblowing and Report Line contacts: only the handling adviser
    /// and managers may see them.
    pub restricted: bool,
    /// What the assistant recognised so far.
    pub conversation: Conversation,
    /// Adjustments offered.
    #[serde(default)]
    pub adjustments: Vec<RecordedAdjustment>,
    /// Agencies referred to.
    #[serde(default)]
    pub referrals: Vec<String>,
    /// How it ended.
    #[serde(default)]
    pub outcome: Option<ContactOutcome>,
    /// Post-contact actions.
    #[serde(default)]
    pub actions: Vec<Action>,
    /// Satisfaction answers.
    #[serde(default)]
    pub satisfaction: Vec<SatisfactionAnswer>,
    /// Letters saved with the contact.
    #[serde(default)]
    pub letters: Vec<Letter>,
    /// The police force the contact is about, as the adviser set or
    /// corrected it; when unset, the force heard in the conversation.
    #[serde(default)]
    pub force: Option<String>,
    /// The adviser's own short summary (not a transcript: the caller's
    /// words are never stored).
    #[serde(default)]
    pub summary: String,
    /// Bumped by every save, so two saves of one version cannot both win.
    pub version: i64,
}

/// Intents that make a contact restricted.
const RESTRICTING_INTENTS: &[&str] = &["report-line", "whistleblowing"];

/// Whether contacts with this reason for calling are restricted (Report
/// Line, whistleblowing).
pub fn restricting_intent(id: &str) -> bool {
    RESTRICTING_INTENTS.contains(&id)
}

impl ContactRecord {
    /// Removes what could identify the caller or holds their words: their
    /// details, the summary, letters, the text of actions and comments, and
    /// the words the conversation kept. What the figures count (ids,
    /// categories, times, scores) stays.
    pub fn anonymise(&mut self) {
        self.caller = CallerDetails::default();
        self.summary.clear();
        self.letters.clear();
        for action in &mut self.actions {
            action.description.clear();
        }
        for answer in &mut self.satisfaction {
            answer.comment = None;
        }
        self.conversation.forget_words();
    }

    /// A new record for `adviser`, started now.
    pub fn start(new: NewContact, adviser_id: i64, adviser_name: &str, now: String) -> Self {
        ContactRecord {
            id: 0,
            adviser_id,
            adviser_name: adviser_name.to_string(),
            channel: new.channel,
            caller_type: new.caller_type,
            caller_lang: new.caller_lang,
            caller: CallerDetails::default(),
            started_at: now,
            ended_at: None,
            stage: Stage::Greeting,
            stages_done: Vec::new(),
            restricted: new.caller_type == CallerType::ReportLine,
            conversation: Conversation::new(new.caller_lang),
            adjustments: Vec::new(),
            referrals: Vec::new(),
            outcome: None,
            actions: Vec::new(),
            satisfaction: Vec::new(),
            letters: Vec::new(),
            force: None,
            summary: String::new(),
            version: 0,
        }
    }

    /// Marks the record restricted once a restricting intent is heard (a
    /// record never becomes unrestricted again).
    pub fn note_intents(&mut self, intents: &[String]) {
        if intents
            .iter()
            .any(|i| RESTRICTING_INTENTS.contains(&i.as_str()))
        {
            self.restricted = true;
        }
    }

    /// The force the contact is about: the adviser's choice, else the one
    /// heard in the conversation.
    pub fn force(&self) -> Option<&str> {
        self.force.as_deref().or(self.conversation.force())
    }

    /// Whether the contact has ended.
    pub fn ended(&self) -> bool {
        self.ended_at.is_some()
    }
}
