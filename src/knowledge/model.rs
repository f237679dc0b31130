//! The knowledge model: one type per kind of content (see `knowledge/README.md`).

use std::collections::BTreeSet;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::date::{Date, Verified};
use super::source::Source;
use crate::lang::{Bilingual, Lang};

/// Who may read an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Audience {
    /// Anyone, including the public self-service page.
    Public,
    /// Advisers and staff only.
    Internal,
}

impl Audience {
    /// `public` or `internal`.
    pub fn as_str(self) -> &'static str {
        match self {
            Audience::Public => "public",
            Audience::Internal => "internal",
        }
    }
}

impl FromStr for Audience {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "public" => Ok(Audience::Public),
            "internal" => Ok(Audience::Internal),
            _ => Err(format!(
                "unknown audience '{s}' (expected public or internal)"
            )),
        }
    }
}

/// The searchable kinds of content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Guidance articles.
    Article,
    /// Referral agencies.
    Agency,
    /// Scripted lines for a stage of the contact.
    Script,
}

impl Kind {
    /// `article`, `agency` or `script`.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Article => "article",
            Kind::Agency => "agency",
            Kind::Script => "script",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Kind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "article" => Ok(Kind::Article),
            "agency" => Ok(Kind::Agency),
            "script" => Ok(Kind::Script),
            _ => Err(format!(
                "unknown kind '{s}' (expected article, agency or script)"
            )),
        }
    }
}

/// The stages of the call-handling standard, in order, plus `any` for lines
/// that fit wherever they are needed (a difficult caller).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stage {
    /// Greet and offer the language choice.
    Greeting,
    /// Identify and verify the caller.
    Identify,
    /// Listen and summarise.
    Listen,
    /// Advise.
    Advise,
    /// Check understanding.
    CheckUnderstanding,
    /// Agree next steps: who does what by when.
    NextSteps,
    /// Transfer or refer.
    Refer,
    /// Close courteously.
    Close,
    /// Record and complete post-contact work.
    Record,
    /// Ask satisfaction questions.
    Satisfaction,
    /// Whenever needed.
    Any,
}

impl Stage {
    /// Every stage, in the order of a contact.
    pub const ALL: [Stage; 11] = [
        Stage::Greeting,
        Stage::Identify,
        Stage::Listen,
        Stage::Advise,
        Stage::CheckUnderstanding,
        Stage::NextSteps,
        Stage::Refer,
        Stage::Close,
        Stage::Record,
        Stage::Satisfaction,
        Stage::Any,
    ];

    /// The stage after this one in a contact (`None` after the last, and
    /// for [`Stage::Any`]).
    pub fn next(self) -> Option<Stage> {
        let at = Stage::ALL.iter().position(|s| *s == self)?;
        Stage::ALL.get(at + 1).copied().filter(|s| *s != Stage::Any)
    }

    /// The name used in files and URLs (`check-understanding`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Greeting => "greeting",
            Stage::Identify => "identify",
            Stage::Listen => "listen",
            Stage::Advise => "advise",
            Stage::CheckUnderstanding => "check-understanding",
            Stage::NextSteps => "next-steps",
            Stage::Refer => "refer",
            Stage::Close => "close",
            Stage::Record => "record",
            Stage::Satisfaction => "satisfaction",
            Stage::Any => "any",
        }
    }
}

impl std::str::FromStr for Stage {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Stage::ALL
            .into_iter()
            .find(|st| st.as_str() == s)
            .ok_or_else(|| format!("unknown stage '{s}'"))
    }
}

/// Who is calling, as far as scripts need to know.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CallerType {
    /// A member of the public.
    Public,
    /// A serving officer or member of staff using the Report Line.
    ReportLine,
    /// An MP or Member of the Senedd.
    ElectedRepresentative,
    /// A solicitor or other legal representative.
    Solicitor,
    /// Another agency.
    Agency,
}

impl CallerType {
    /// Every caller type.
    pub const ALL: [CallerType; 5] = [
        CallerType::Public,
        CallerType::ReportLine,
        CallerType::ElectedRepresentative,
        CallerType::Solicitor,
        CallerType::Agency,
    ];

    /// The name used in files, JSON and forms.
    pub fn as_str(self) -> &'static str {
        match self {
            CallerType::Public => "public",
            CallerType::ReportLine => "report-line",
            CallerType::ElectedRepresentative => "elected-representative",
            CallerType::Solicitor => "solicitor",
            CallerType::Agency => "agency",
        }
    }
}

/// Front matter shared by articles and scripts.
#[derive(Debug, Clone, Serialize)]
pub struct Page {
    /// Stable id, the same in both languages.
    pub id: String,
    /// Language of this version.
    pub lang: Lang,
    /// Title.
    pub title: String,
    /// One or two sentences.
    pub summary: String,
    /// Who may read it.
    pub audience: Audience,
    /// Topic tags.
    pub topics: Vec<String>,
    /// Extra search terms callers use.
    pub keywords: Vec<String>,
    /// Related article ids.
    pub related: Vec<String>,
    /// Agency ids to suggest with it.
    pub agencies: Vec<String>,
    /// Script ids to suggest with it.
    pub scripts: Vec<String>,
    /// Date last reviewed.
    pub reviewed: Date,
    /// Team that owns it.
    pub owner: String,
    /// Markdown body.
    pub body: String,
    /// 1-based line where the body starts in the file.
    #[serde(skip)]
    pub body_line: usize,
    /// The file it came from.
    #[serde(skip)]
    pub source: Source,
}

/// A guidance article in one language.
#[derive(Debug, Clone, Serialize)]
pub struct Article {
    /// Its content.
    #[serde(flatten)]
    pub page: Page,
}

/// Scripted lines for one stage of a contact, in one language.
#[derive(Debug, Clone, Serialize)]
pub struct Script {
    /// Its content.
    #[serde(flatten)]
    pub page: Page,
    /// The stage it belongs to.
    pub stage: Stage,
    /// The callers it is for; empty means all.
    pub caller_types: Vec<CallerType>,
}

/// How to reach an agency. Every field is optional: a detail that could not be
/// checked is left out rather than guessed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// Phone number.
    pub phone: Option<String>,
    /// SMS number.
    pub text: Option<String>,
    /// Relay UK or textphone route: instructions, in both languages.
    pub relay: Option<Bilingual<String>>,
    /// Email address.
    pub email: Option<String>,
    /// Web address.
    pub web: Option<String>,
}

/// A referral agency; both languages live in one file.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Agency {
    /// Stable id.
    pub id: String,
    /// Who may see it. Required, as for every other kind: a forgotten
    /// line must not publish an agency's advice to advisers.
    pub audience: Audience,
    /// Need tags it serves.
    #[serde(default)]
    pub needs: Vec<String>,
    /// Areas served.
    #[serde(default)]
    pub areas: Vec<String>,
    /// Whether it can serve callers in Welsh.
    pub welsh_service: bool,
    /// Where the details were checked.
    pub source: String,
    /// When they were checked, or `false`.
    pub verified: Verified,
    /// Related article ids.
    #[serde(default)]
    pub related: Vec<String>,
    /// Name.
    pub name: Bilingual<String>,
    /// What it does.
    pub description: Bilingual<String>,
    /// When an adviser should refer a caller there.
    pub when_to_refer: Bilingual<String>,
    /// Extra search terms.
    #[serde(default)]
    pub keywords: Bilingual<Vec<String>>,
    /// How to reach it.
    #[serde(default)]
    pub contact: Contact,
    /// Opening hours.
    pub hours: Option<Bilingual<String>>,
    /// The file it came from.
    #[serde(skip, default = "Source::empty")]
    pub file: Source,
}

/// A high-profile matter: something in the news or before Parliament that
/// callers may ring about, with the lines advisers are to take while it is
/// live. Both languages live in one file; always internal.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Matter {
    /// Stable id.
    pub id: String,
    /// Always internal: lines to take are for advisers.
    pub audience: Audience,
    /// What it is called, as advisers know it.
    pub name: Bilingual<String>,
    /// Words and names callers use for it.
    pub keywords: Bilingual<Vec<String>>,
    /// What advisers say (and do not say), one line each.
    pub lines_to_take: Bilingual<Vec<String>>,
    /// The first day it is live.
    pub starts: Date,
    /// The last day it is live, or `false` while it runs.
    pub ends: Until,
    /// Related article ids.
    #[serde(default)]
    pub related: Vec<String>,
    /// The file it came from.
    #[serde(skip, default = "Source::empty")]
    pub file: Source,
}

impl Matter {
    /// Whether it is live on `day`.
    pub fn live_on(&self, day: chrono::NaiveDate) -> bool {
        self.starts.0 <= day
            && match self.ends {
                Until::Day(e) => day <= e.0,
                Until::Open => true,
            }
    }
}

/// The last day of something, or `false` for no end yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Until {
    /// Up to and including this day.
    Day(Date),
    /// No end set.
    Open,
}

impl Serialize for Until {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Until::Day(d) => d.serialize(s),
            Until::Open => s.serialize_bool(false),
        }
    }
}

impl<'de> Deserialize<'de> for Until {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum U {
            Flag(bool),
            Day(Date),
        }
        match U::deserialize(d)
            .map_err(|_| serde::de::Error::custom(super::problem::ENDS_NOT_A_DATE))?
        {
            U::Flag(false) => Ok(Until::Open),
            U::Flag(true) => Err(serde::de::Error::custom(super::problem::ENDS_TRUE)),
            U::Day(d) => Ok(Until::Day(d)),
        }
    }
}

/// A reasonable-adjustment rule: how to recognise a need and what to do.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Adjustment {
    /// Stable id.
    pub id: String,
    /// The need tag.
    pub need: String,
    /// Agencies that help with it.
    #[serde(default)]
    pub agencies: Vec<String>,
    /// Related article ids.
    #[serde(default)]
    pub related: Vec<String>,
    /// Name of the need.
    pub name: Bilingual<String>,
    /// Words and phrases that show it.
    pub recognise: Bilingual<Vec<String>>,
    /// The flag this need raises when it is heard (`access-need` for a
    /// communication need, `vulnerability` for distress), so the flags
    /// never disagree with the needs shown beside them.
    #[serde(default)]
    pub flag: Option<String>,
    /// Next steps, in order.
    pub steps: Vec<Bilingual<String>>,
    /// What to record on the contact.
    pub record: Bilingual<String>,
    /// The file it came from.
    #[serde(skip, default = "Source::empty")]
    pub file: Source,
}

/// One answer to a flow question: leads to another question or an outcome.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    /// What the person chooses.
    pub label: Bilingual<String>,
    /// The next question's id.
    pub next: Option<String>,
    /// The outcome's id.
    pub outcome: Option<String>,
}

/// A question in a flow.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Id within the flow.
    pub id: String,
    /// The question.
    pub text: Bilingual<String>,
    /// Optional explanation.
    pub help: Option<Bilingual<String>>,
    /// The possible answers.
    pub answers: Vec<Answer>,
}

/// Where a flow ends.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    /// Id within the flow.
    pub id: String,
    /// What to tell the person.
    pub text: Bilingual<String>,
    /// Articles to read.
    #[serde(default)]
    pub articles: Vec<String>,
    /// Agencies that can help.
    #[serde(default)]
    pub agencies: Vec<String>,
}

/// A guided question flow.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Flow {
    /// Stable id.
    pub id: String,
    /// Who may use it.
    pub audience: Audience,
    /// Id of the first question.
    pub start: String,
    /// Title.
    pub title: Bilingual<String>,
    /// Questions.
    pub questions: Vec<Question>,
    /// Outcomes.
    pub outcomes: Vec<Outcome>,
    /// The file it came from.
    #[serde(skip, default = "Source::empty")]
    pub file: Source,
}

/// A letter template in one language (a Fluent resource).
#[derive(Debug, Clone, Serialize)]
pub struct Template {
    /// Stable id.
    pub id: String,
    /// Language.
    pub lang: Lang,
    /// Ids of the messages it defines (`subject`, `body`, …).
    pub messages: BTreeSet<String>,
    /// Variables it uses (without `$`).
    pub variables: BTreeSet<String>,
    /// The Fluent source.
    #[serde(skip)]
    pub source: Source,
}

/// The rule for timing review requests, and the reasons callers give for a
/// late one (`rules/reviews.toml`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewRules {
    /// Always `reviews`.
    pub id: String,
    /// Days allowed; day 1 is the day after the outcome date.
    pub time_limit_days: u32,
    /// A request this many days late or more needs a senior caseworker.
    pub seek_advice_after_days: u32,
    /// Article for an in-time request.
    pub in_time_guidance: String,
    /// Article for a late request.
    pub late_guidance: String,
    /// Reasons for lateness the assistant recognises.
    #[serde(default)]
    pub reasons: Vec<LateReason>,
    /// The file.
    #[serde(skip, default = "Source::empty")]
    pub file: Source,
}

/// A reason a review request was late.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LateReason {
    /// Stable id.
    pub id: String,
    /// Whether this reason needs advice rather than the formula.
    #[serde(default)]
    pub seek_advice: bool,
    /// Name.
    pub name: Bilingual<String>,
    /// Words and phrases that show it, per language.
    pub recognise: Bilingual<Vec<String>>,
}

/// What the assistant listens for (`rules/intents.toml`): the reasons people
/// contact us (intents) and the things that change how a contact is handled
/// (flags), each with what to suggest.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignalRules {
    /// Always `intents`.
    pub id: String,
    /// Why people contact us.
    #[serde(default)]
    pub intents: Vec<Signal>,
    /// What changes the handling; safeguarding first.
    #[serde(default)]
    pub flags: Vec<Signal>,
    /// The file.
    #[serde(skip, default = "Source::empty")]
    pub file: Source,
}

/// One intent or flag.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Signal {
    /// Stable id.
    pub id: String,
    /// Act on it before anything else (risk of harm).
    #[serde(default)]
    pub urgent: bool,
    /// Name.
    pub name: Bilingual<String>,
    /// Words and phrases that show it, per language.
    pub recognise: Bilingual<Vec<String>>,
    /// Phrases that settle it (intents only): when one is heard this is the
    /// reason for the call, whatever the classifier makes of the rest
    /// ("Police Scotland" is outside the remit however the complaint is
    /// put).
    #[serde(default)]
    pub decisive: Bilingual<Vec<String>>,
    /// Other flags this one always brings (flags only): a caller at risk of
    /// harm is a vulnerable caller too.
    #[serde(default)]
    pub raises: Vec<String>,
    /// Articles to suggest, best first.
    #[serde(default)]
    pub articles: Vec<String>,
    /// Scripts to suggest.
    #[serde(default)]
    pub scripts: Vec<String>,
    /// Agencies to suggest.
    #[serde(default)]
    pub agencies: Vec<String>,
    /// Next steps, in order.
    #[serde(default)]
    pub steps: Vec<Bilingual<String>>,
}

/// The examples label for ordinary talk: greetings, details, thanks; no
/// particular reason for the call and no flag. The classifier learns what is
/// *not* a flag from it.
pub const ORDINARY: &str = "ordinary";

/// Example sentences in callers' own words for each intent and flag, and
/// for [`ORDINARY`] talk (`rules/examples.toml`), from which the assistant's classifier is
/// trained when the knowledge is loaded. Editors own them like any other
/// content.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Examples {
    /// Always `examples`.
    pub id: String,
    /// Per intent or flag id, the sentences in each language.
    pub examples: std::collections::BTreeMap<String, Bilingual<Vec<String>>>,
    /// The file.
    #[serde(skip, default = "Source::empty")]
    pub file: Source,
}

/// The countries a force may be in. Forces in `scotland` and
/// `northern-ireland` are outside the IOPC's remit.
pub const FORCE_COUNTRIES: [&str; 5] = ["wales", "england", "uk", "scotland", "northern-ireland"];

/// A police force and its local policing body.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Force {
    /// Stable id.
    pub id: String,
    /// `wales`, `england` or `uk`; `scotland` or `northern-ireland` for
    /// the forces outside the remit that callers mean.
    pub country: String,
    /// Short forms and towns that point to this force without doubt, in
    /// either language ("Gwent", "Casnewydd"); its names always count.
    #[serde(default)]
    pub recognise: Vec<String>,
    /// Name.
    pub name: Bilingual<String>,
    /// The local policing body (usually the Police and Crime Commissioner).
    pub local_policing_body: Bilingual<String>,
    /// How to complain to the force.
    pub complaint_route: Option<Bilingual<String>>,
    /// The force's complaints page, where checked.
    pub complaints_url: Option<String>,
}

/// A line of the colloquial and dialect thesaurus (`rules/thesaurus.tsv`):
/// a word callers use and the term the guidance uses for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ThesaurusEntry {
    /// The language of what callers say.
    pub lang: Lang,
    /// What callers say ("copper", "plismon").
    pub said: String,
    /// What the guidance says ("police officer", "heddwas"), in either
    /// language.
    pub means: String,
    /// 1-based line in the file.
    pub line: usize,
}

/// A pair of glossary terms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GlossaryEntry {
    /// English term.
    pub en: String,
    /// Welsh term.
    pub cy: String,
    /// Usage note.
    pub note: String,
}

impl Source {
    pub(crate) fn empty() -> Source {
        Source::new("", "")
    }
}
