//! Contacts: the operations on a contact record and the rules around them,
//! shared by the JSON API, the console and (later) the command line. The
//! record itself is defined in [`crate::assistant::contact`] so the store
//! can hold it; this module decides who may see and change it, checks every
//! change, and saves it against the version it was read at, so two tabs (or
//! an adviser and a telephony integration) cannot overwrite each other.

pub mod access;
pub mod demo;
mod error;
mod letter;

use std::sync::Arc;

use chrono::Utc;
use serde::Deserialize;

pub use self::error::{ContactError, ContactResult};
pub use self::letter::{Draft, DraftRequest, draft, template_ids};

use crate::assistant::contact::{
    Action, CallerDetails, ContactOutcome, ContactRecord, NewContact, RecordedAdjustment,
    SatisfactionAnswer,
};
use crate::assistant::conversation::{Advice, Conversation};
use crate::assistant::letters::Letter;
use crate::assistant::satisfaction;
use crate::knowledge::{KnowledgeBase, Script, Stage};
use crate::published::Published;
use crate::store::{Store, User};

/// Longest turn accepted, in characters.
pub const MAX_TURN_CHARS: usize = 2_000;

/// Longest summary accepted, in characters: a few lines, not a transcript.
pub const MAX_SUMMARY_CHARS: usize = 600;
/// Longest caller detail (a name, a reference, a phone number or address).
pub const MAX_DETAIL_CHARS: usize = 200;
/// Most letters one record keeps (each template in each language once).
pub const MAX_LETTERS: usize = 20;
/// Largest record, stored: far more than any real contact needs, small
/// enough that a record always reads back at once.
pub const MAX_RECORD_BYTES: usize = 256 * 1024;

fn now() -> String {
    Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// The audit action of a view of a restricted record.
pub const VIEW_RESTRICTED: &str = "contact.view-restricted";

/// Loads a record `user` may see, to show it. Every view of a restricted
/// (Report Line, whistleblowing) record is audited: who, and which record.
pub async fn load(store: &dyn Store, user: &User, id: i64) -> ContactResult<ContactRecord> {
    let record = fetch(store, user, id).await?;
    if record.restricted {
        store
            .audit(&user.name, VIEW_RESTRICTED, &format!("contact {id}"))
            .await?;
    }
    Ok(record)
}

/// Reads a record `user` may see.
async fn fetch(store: &dyn Store, user: &User, id: i64) -> ContactResult<ContactRecord> {
    match store.contact(id).await? {
        Some(r) if access::may_see(user, &r) => Ok(r),
        _ => Err(ContactError::NotFound),
    }
}

/// Loads a record `user` may still change, at the version the change was
/// made against (`None`: the latest).
async fn load_open(
    store: &dyn Store,
    user: &User,
    id: i64,
    version: Option<i64>,
) -> ContactResult<ContactRecord> {
    let record = fetch(store, user, id).await?;
    if !access::may_change(user, &record) {
        return Err(ContactError::NotHandler);
    }
    if record.ended() {
        return Err(ContactError::Closed);
    }
    if version.is_some_and(|v| v != record.version) {
        return Err(ContactError::Stale);
    }
    Ok(record)
}

/// Starts a contact handled by `user`.
pub async fn start(
    store: &dyn Store,
    user: &User,
    new: NewContact,
) -> ContactResult<ContactRecord> {
    let record = ContactRecord::start(new, user.id, &user.name, now());
    Ok(store.create_contact(record).await?)
}

/// The conversations of calls in progress as heard, with the caller's
/// words that explain each suggestion. Kept in memory only, and only until
/// the call ends: the store gets the conversation without them (ids and
/// numbers), so a town, a house number or a word of an e-mail address is
/// never written anywhere. After a restart, or once evicted, the reasons
/// read as their names alone.
pub struct Heard(quick_cache::sync::Cache<i64, Conversation>);

impl Default for Heard {
    fn default() -> Self {
        // Far more calls than a centre has in progress at once.
        Heard(quick_cache::sync::Cache::new(4096))
    }
}

impl Heard {
    /// The conversation of `record` as heard, if it is the one stored.
    /// Only while the call is in progress: once it ends (and so before
    /// retention can anonymise it) the words are gone from it too.
    fn of(&self, record: &ContactRecord) -> Option<Conversation> {
        if record.ended() {
            self.0.remove(&record.id);
            return None;
        }
        let heard = self.0.get(&record.id)?;
        let mut stored = heard.clone();
        stored.forget_words();
        (stored == record.conversation).then_some(heard)
    }
}

/// The advice for a record: what the conversation recognised, plus the
/// needs the adviser recorded by hand, with the reasons in the caller's
/// words while `heard` has them.
pub fn advice(record: &ContactRecord, kb: &KnowledgeBase, heard: &Heard) -> Advice {
    let recorded: Vec<&str> = record.adjustments.iter().map(|a| a.id.as_str()).collect();
    heard
        .of(record)
        .as_ref()
        .unwrap_or(&record.conversation)
        .advice(kb, &recorded, record.force.as_deref())
}

/// The scripts for the record's current stage, in the caller's language,
/// for this kind of caller: those written for it first, then the general
/// ones in the knowledge base's order.
pub fn stage_scripts<'a>(
    kb: &'a KnowledgeBase,
    record: &ContactRecord,
) -> impl Iterator<Item = &'a Script> {
    let (lang, stage, caller) = (record.caller_lang, record.stage, record.caller_type);
    let mut scripts: Vec<&Script> = kb
        .scripts
        .iter()
        .filter(|s| {
            s.page.lang == lang
                && s.stage == stage
                && (s.caller_types.is_empty() || s.caller_types.contains(&caller))
        })
        .collect();
    // A script written for this kind of caller comes before the general one.
    scripts.sort_by_key(|s| s.caller_types.is_empty());
    scripts.into_iter()
}

/// Reads one turn of the conversation (what the caller said, or the
/// adviser's note) into the record. Blank text changes nothing, but the
/// same rules apply. Only what was recognised is stored, never the words.
pub async fn add_turn(
    store: &dyn Store,
    heard: &Heard,
    published: Arc<Published>,
    user: &User,
    id: i64,
    text: &str,
) -> ContactResult<(ContactRecord, Advice)> {
    let mut record = load_open(store, user, id, None).await?;
    if text.chars().count() > MAX_TURN_CHARS {
        return Err(ContactError::Invalid("text"));
    }
    if text.trim().is_empty() {
        let advice = advice(&record, &published.kb, heard);
        return Ok((record, advice));
    }
    // From the conversation as heard, so earlier turns keep their reasons.
    let mut conversation = heard
        .of(&record)
        .unwrap_or_else(|| record.conversation.clone());
    let text = text.to_string();
    let reader = published.clone();
    let (conversation, this_turn) = crate::workers::run(move || {
        let this_turn = conversation.turn(&reader.kb, &reader.searcher, &text);
        (conversation, this_turn)
    })
    .await
    .map_err(|e| ContactError::Interrupted(e.to_string()))?;
    record.conversation = conversation;
    let intents: Vec<String> = this_turn.intents.iter().map(|f| f.id.clone()).collect();
    record.note_intents(&intents);
    for found in &this_turn.adjustments {
        if !record.adjustments.iter().any(|a| a.id == found.id) {
            record.adjustments.push(RecordedAdjustment {
                id: found.id.clone(),
                confirmed: false,
            });
        }
    }
    let as_heard = record.conversation.clone();
    record.conversation.forget_words();
    let saved = save(store, record).await?;
    heard.0.insert(saved.id, as_heard);
    let advice = advice(&saved, &published.kb, heard);
    Ok((saved, advice))
}

/// Changes during the contact; absent fields are left as they are.
#[derive(Debug, Default, Deserialize)]
pub struct ContactUpdate {
    /// The version the change was made against.
    pub version: i64,
    /// Move to this stage (stages can be revisited).
    #[serde(default)]
    pub stage: Option<Stage>,
    /// The ticked stages.
    #[serde(default)]
    pub stages_done: Option<Vec<Stage>>,
    /// Caller details.
    #[serde(default)]
    pub caller: Option<CallerDetails>,
    /// Adjustments, confirmed or not.
    #[serde(default)]
    pub adjustments: Option<Vec<RecordedAdjustment>>,
    /// Agencies referred to.
    #[serde(default)]
    pub referrals: Option<Vec<String>>,
    /// The force the contact is about (a force id; empty: back to the one
    /// heard in the conversation).
    #[serde(default)]
    pub force: Option<String>,
    /// The adviser's short summary.
    #[serde(default)]
    pub summary: Option<String>,
}

/// Applies changes made during the contact. Adjustments and agencies must
/// exist in the knowledge base.
pub async fn update(
    store: &dyn Store,
    kb: &KnowledgeBase,
    user: &User,
    id: i64,
    u: ContactUpdate,
) -> ContactResult<ContactRecord> {
    let record = load_open(store, user, id, Some(u.version)).await?;
    apply(store, kb, record, u).await
}

/// Checks `u` against the knowledge base and saves `record` with it.
async fn apply(
    store: &dyn Store,
    kb: &KnowledgeBase,
    mut record: ContactRecord,
    u: ContactUpdate,
) -> ContactResult<ContactRecord> {
    if let Some(adjustments) = &u.adjustments
        && adjustments
            .iter()
            .any(|a| !kb.adjustments.iter().any(|k| k.id == a.id))
    {
        return Err(ContactError::Invalid("adjustments"));
    }
    if let Some(referrals) = &u.referrals
        && referrals.iter().any(|id| kb.find_agency(id).is_none())
    {
        return Err(ContactError::Invalid("referrals"));
    }
    if let Some(force) = &u.force
        && !force.is_empty()
        && kb.find_force(force).is_none()
    {
        return Err(ContactError::Invalid("force"));
    }
    if let Some(summary) = &u.summary
        && summary.chars().count() > MAX_SUMMARY_CHARS
    {
        return Err(ContactError::Invalid("summary"));
    }
    if let Some(caller) = &u.caller
        && [&caller.name, &caller.reference, &caller.contact]
            .into_iter()
            .flatten()
            .any(|d| d.chars().count() > MAX_DETAIL_CHARS)
    {
        return Err(ContactError::Invalid("caller"));
    }
    if let Some(stage) = u.stage {
        record.stage = stage;
    }
    if let Some(force) = u.force {
        record.force = Some(force).filter(|f| !f.is_empty());
    }
    if let Some(summary) = u.summary {
        record.summary = summary.trim().to_string();
    }
    if let Some(done) = u.stages_done {
        record.stages_done = unique(done, |s| *s);
    }
    if let Some(caller) = u.caller {
        record.caller = caller;
    }
    if let Some(adjustments) = u.adjustments {
        record.adjustments = unique(adjustments, |a| a.id.clone());
    }
    if let Some(referrals) = u.referrals {
        record.referrals = unique(referrals, Clone::clone);
    }
    save(store, record).await
}

/// `list` with each key once, where it first came.
fn unique<T, K: PartialEq>(list: Vec<T>, key: impl Fn(&T) -> K) -> Vec<T> {
    let mut seen: Vec<K> = Vec::new();
    list.into_iter()
        .filter(|item| {
            let k = key(item);
            let new = !seen.contains(&k);
            if new {
                seen.push(k);
            }
            new
        })
        .collect()
}

/// Saves `record` unless it has grown past [`MAX_RECORD_BYTES`].
async fn save(store: &dyn Store, record: ContactRecord) -> ContactResult<ContactRecord> {
    let size = serde_json::to_vec(&record).map_or(usize::MAX, |v| v.len());
    if size > MAX_RECORD_BYTES {
        return Err(ContactError::Full("size"));
    }
    Ok(store.save_contact(record).await?)
}

/// What the adviser chose on the advice panel: which recorded needs the
/// caller agreed, a need added by hand, agencies referred to, the caller's
/// name.
#[derive(Debug, Default)]
pub struct Choices {
    /// The version the change was made against.
    pub version: i64,
    /// Ids of the recorded adjustments the caller agreed to.
    pub confirmed: Vec<String>,
    /// A need the adviser adds by hand (agreed with the caller).
    pub added: Option<String>,
    /// Agencies referred to.
    pub referrals: Vec<String>,
    /// The caller's name, if given.
    pub caller_name: Option<String>,
}

/// Records the adviser's choices on the advice panel.
pub async fn choose(
    store: &dyn Store,
    kb: &KnowledgeBase,
    user: &User,
    id: i64,
    c: Choices,
) -> ContactResult<ContactRecord> {
    let record = load_open(store, user, id, Some(c.version)).await?;
    let mut adjustments: Vec<RecordedAdjustment> = record
        .adjustments
        .iter()
        .map(|a| RecordedAdjustment {
            id: a.id.clone(),
            confirmed: c.confirmed.contains(&a.id),
        })
        .collect();
    if let Some(added) = c.added.filter(|a| !a.is_empty())
        && !adjustments.iter().any(|a| a.id == added)
    {
        adjustments.push(RecordedAdjustment {
            id: added,
            confirmed: true,
        });
    }
    let name = c
        .caller_name
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty());
    let update = ContactUpdate {
        version: c.version,
        caller: Some(CallerDetails {
            name,
            ..record.caller.clone()
        }),
        adjustments: Some(adjustments),
        referrals: Some(c.referrals),
        ..ContactUpdate::default()
    };
    apply(store, kb, record, update).await
}

/// Marks `agency` referred (or, with `referred` false, not referred) on
/// the latest version of the record: one click during a call, whatever
/// else was saved since.
pub async fn refer(
    store: &dyn Store,
    kb: &KnowledgeBase,
    user: &User,
    id: i64,
    agency: &str,
    referred: bool,
) -> ContactResult<ContactRecord> {
    if kb.find_agency(agency).is_none() {
        return Err(ContactError::Invalid("agency"));
    }
    let mut record = load_open(store, user, id, None).await?;
    record.referrals.retain(|r| r != agency);
    if referred {
        record.referrals.push(agency.to_string());
    }
    save(store, record).await
}

/// An adviser's own contacts, open ones first, then the most recent.
pub async fn mine(store: &dyn Store, user: &User) -> ContactResult<Vec<ContactRecord>> {
    /// Enough for a shift's work; older contacts are found by reference.
    const LISTED: usize = 100;
    Ok(store.contacts_of(user.id, LISTED).await?)
}

/// Closing a contact: the outcome and post-contact work.
#[derive(Debug, Deserialize)]
pub struct ContactEnd {
    /// The version the change was made against.
    pub version: i64,
    /// How it ended.
    pub outcome: ContactOutcome,
    /// Post-contact actions: who does what by when.
    #[serde(default)]
    pub actions: Vec<Action>,
    /// Satisfaction answers, if the caller gave them.
    #[serde(default)]
    pub satisfaction: Vec<SatisfactionAnswer>,
}

/// Closes the contact with its outcome and post-contact work. Satisfaction
/// answers must answer the script's questions (scores 1–5 for scored ones);
/// a follow-up needs at least one action, and every action says what and
/// who.
pub async fn close(
    store: &dyn Store,
    kb: &KnowledgeBase,
    user: &User,
    id: i64,
    e: ContactEnd,
) -> ContactResult<ContactRecord> {
    let mut record = load_open(store, user, id, Some(e.version)).await?;
    let questions = satisfaction::questions(kb, record.caller_lang);
    let fits = |a: &SatisfactionAnswer| {
        questions.iter().any(|q| {
            q.id == a.question
                && match a.score {
                    Some(s) => q.scored && (1..=5).contains(&s),
                    None => true,
                }
        })
    };
    if !e.satisfaction.iter().all(fits) {
        return Err(ContactError::Invalid("satisfaction"));
    }
    if e.actions
        .iter()
        .any(|a| a.description.trim().is_empty() || a.owner.trim().is_empty())
    {
        return Err(ContactError::Invalid("actions"));
    }
    if e.outcome == ContactOutcome::FollowUp && e.actions.is_empty() {
        // Follow-up means someone does something by a date: say who and when.
        return Err(ContactError::Invalid("actions"));
    }
    record.outcome = Some(e.outcome);
    record.actions = e.actions;
    record.satisfaction = e.satisfaction;
    record.stage = Stage::Record;
    record.ended_at = Some(now());
    save(store, record).await
}

/// Saves a letter (as previewed, possibly edited by the adviser) with the
/// contact.
pub async fn save_letter(
    store: &dyn Store,
    kb: &KnowledgeBase,
    user: &User,
    id: i64,
    version: i64,
    letter: Letter,
) -> ContactResult<ContactRecord> {
    let mut record = load_open(store, user, id, Some(version)).await?;
    if !kb.templates.iter().any(|t| t.id == letter.template) {
        return Err(ContactError::Invalid("template"));
    }
    if letter.subject.trim().is_empty() || letter.body.trim().is_empty() {
        return Err(ContactError::Invalid("body"));
    }
    // A letter saved again replaces its earlier version: the record keeps
    // what was sent, not every draft of it.
    let earlier = record
        .letters
        .iter()
        .position(|l| l.template == letter.template && l.lang == letter.lang);
    match earlier {
        Some(n) => record.letters[n] = letter,
        None if record.letters.len() >= MAX_LETTERS => return Err(ContactError::Full("letters")),
        None => record.letters.push(letter),
    }
    save(store, record).await
}

/// Marks post-contact action `n` done today. Post-contact work happens
/// after the call, so this works on closed contacts too.
pub async fn complete_action(
    store: &dyn Store,
    user: &User,
    id: i64,
    n: usize,
) -> ContactResult<ContactRecord> {
    let mut record = fetch(store, user, id).await?;
    if !access::may_complete_actions(user, &record) {
        return Err(ContactError::NotHandler);
    }
    let action = record.actions.get_mut(n).ok_or(ContactError::NotFound)?;
    if action.done_on.is_none() {
        action.done_on = Some(Utc::now().date_naive());
    }
    save(store, record).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assistant::contact::{Channel, NewContact};
    use crate::knowledge::CallerType;
    use crate::lang::Lang;
    use crate::store::SqliteStore;

    #[tokio::test]
    async fn a_record_past_its_size_is_refused_and_the_stored_one_kept() {
        let dir = tempfile::tempdir().unwrap();
        let store = SqliteStore::open(&dir.path().join("c.db")).unwrap();
        let adviser = store
            .create_user("eleri", crate::auth::Role::Adviser, "x")
            .await
            .unwrap();
        let new = NewContact {
            channel: Channel::Phone,
            caller_type: CallerType::Public,
            caller_lang: Lang::Cy,
        };
        let record = ContactRecord::start(new, adviser.id, "Eleri", now());
        let stored = store.create_contact(record).await.unwrap();
        let mut grown = stored.clone();
        grown.summary = "x".repeat(MAX_RECORD_BYTES);
        assert!(matches!(
            save(&store, grown).await,
            Err(ContactError::Full("size"))
        ));
        assert_eq!(store.contact(stored.id).await.unwrap(), Some(stored));
    }

    #[test]
    fn lists_keep_each_item_once_where_it_first_came() {
        assert_eq!(unique(vec![3, 1, 3, 2, 1], |n| *n), vec![3, 1, 2]);
    }
}
