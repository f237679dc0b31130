//! The managers' figures, from contact records saved through the real
//! store, checked against counts worked out by hand.

use canllaw::assistant::contact::{
    Action, Channel, ContactOutcome, ContactRecord, NewContact, RecordedAdjustment,
    SatisfactionAnswer,
};
use canllaw::assistant::conversation::Conversation;
use canllaw::auth::Role;
use canllaw::knowledge::CallerType;
use canllaw::lang::Lang;
use canllaw::reporting::{self, ReportError, Request};
use canllaw::store::{SqliteStore, Store, User};
use chrono::NaiveDate;

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// A conversation that recognised `intents`.
fn heard(lang: Lang, intents: &[&str]) -> Conversation {
    let found: Vec<serde_json::Value> = intents
        .iter()
        .map(|id| serde_json::json!({"id": id, "name": id, "because": [], "turn": 1, "urgent": false}))
        .collect();
    serde_json::from_value(serde_json::json!({
        "lang": lang.code(), "turns": 1, "intents": found, "flags": [],
        "adjustments": [], "searched": [], "days_mentioned": null
    }))
    .unwrap()
}

struct Fixture {
    started: &'static str,
    ended: Option<&'static str>,
    channel: Channel,
    caller_type: CallerType,
    lang: Lang,
    intents: &'static [&'static str],
    outcome: Option<ContactOutcome>,
    referrals: &'static [&'static str],
    adjustment: Option<(&'static str, bool)>,
    score: Option<u8>,
    action: Option<(&'static str, &'static str, Option<&'static str>)>,
}

async fn save(store: &SqliteStore, adviser: &User, f: Fixture) {
    let r = ContactRecord::start(
        NewContact {
            channel: f.channel,
            caller_type: f.caller_type,
            caller_lang: f.lang,
        },
        adviser.id,
        &adviser.name,
        f.started.to_string(),
    );
    let mut r = store.create_contact(r).await.unwrap();
    r.conversation = heard(f.lang, f.intents);
    r.ended_at = f.ended.map(str::to_string);
    r.outcome = f.outcome;
    r.referrals = f.referrals.iter().map(|s| s.to_string()).collect();
    r.adjustments = f
        .adjustment
        .map(|(id, confirmed)| RecordedAdjustment {
            id: id.into(),
            confirmed,
        })
        .into_iter()
        .collect();
    r.satisfaction = f
        .score
        .map(|s| SatisfactionAnswer {
            question: "helpful".into(),
            score: Some(s),
            comment: None,
        })
        .into_iter()
        .collect();
    r.actions = f
        .action
        .map(|(owner, due, done)| Action {
            description: "Call back".into(),
            owner: owner.into(),
            due: day(due),
            done_on: done.map(day),
        })
        .into_iter()
        .collect();
    store.save_contact(r).await.unwrap();
}

#[tokio::test]
async fn kpis_match_a_small_set_worked_by_hand() {
    let store = SqliteStore::in_memory().unwrap();
    let adviser = store
        .create_user("anwen", Role::Adviser, "x")
        .await
        .unwrap();
    let manager = store.create_user("mair", Role::Manager, "x").await.unwrap();
    let admin = store.create_user("gwyn", Role::Admin, "x").await.unwrap();
    let base = Fixture {
        started: "",
        ended: None,
        channel: Channel::Phone,
        caller_type: CallerType::Public,
        lang: Lang::Cy,
        intents: &[],
        outcome: None,
        referrals: &[],
        adjustment: None,
        score: None,
        action: None,
    };
    // 1 Dec, 09:00 UTC: Welsh phone call, 5 minutes, resolved, scored 4.
    save(
        &store,
        &adviser,
        Fixture {
            started: "2026-12-01T09:00:00Z",
            ended: Some("2026-12-01T09:05:00Z"),
            intents: &["complaint"],
            outcome: Some(ContactOutcome::ResolvedFirstContact),
            score: Some(4),
            ..base
        },
    )
    .await;
    // 1 Dec: English e-mail, 10 minutes, follow-up with an action overdue
    // on 3 Dec; referred; an adjustment offered but not agreed.
    save(
        &store,
        &adviser,
        Fixture {
            started: "2026-12-01T10:00:00Z",
            ended: Some("2026-12-01T10:10:00Z"),
            channel: Channel::Email,
            lang: Lang::En,
            intents: &["complaint", "review"],
            outcome: Some(ContactOutcome::FollowUp),
            referrals: &["samaritans"],
            adjustment: Some(("large-print", false)),
            score: Some(5),
            action: Some(("anwen", "2026-12-02", None)),
            ..base
        },
    )
    .await;
    // 2 Dec, 23:30 UTC, is 2 Dec in the UK (GMT): still open, an
    // adjustment agreed, an action done.
    save(
        &store,
        &adviser,
        Fixture {
            started: "2026-12-02T23:30:00Z",
            intents: &["case-update"],
            adjustment: Some(("large-print", true)),
            action: Some(("anwen", "2026-12-01", Some("2026-12-02"))),
            ..base
        },
    )
    .await;
    // A Report Line contact on 2 Dec: restricted.
    save(
        &store,
        &adviser,
        Fixture {
            started: "2026-12-02T12:00:00Z",
            ended: Some("2026-12-02T12:20:00Z"),
            caller_type: CallerType::ReportLine,
            outcome: Some(ContactOutcome::Referred),
            ..base
        },
    )
    .await;
    // Outside the range.
    save(
        &store,
        &adviser,
        Fixture {
            started: "2026-11-20T12:00:00Z",
            ..base
        },
    )
    .await;

    let request = Request {
        from: day("2026-12-01"),
        to: day("2026-12-03"),
        channel: None,
        caller_lang: None,
    };
    let today = day("2026-12-03");
    let r = reporting::report(&store, &manager, request.clone(), today)
        .await
        .unwrap();
    assert!(r.restricted_counted);
    assert_eq!(r.total, 4);
    assert_eq!(
        r.by_day,
        [
            (day("2026-12-01"), 2),
            (day("2026-12-02"), 2),
            (day("2026-12-03"), 0)
        ]
    );
    assert_eq!(
        r.by_channel,
        [("phone".to_string(), 3), ("email".to_string(), 1)]
    );
    assert_eq!(r.by_lang, [("cy".to_string(), 3), ("en".to_string(), 1)]);
    assert_eq!(
        r.by_intent,
        [
            ("complaint".to_string(), 2),
            ("case-update".to_string(), 1),
            ("review".to_string(), 1)
        ]
    );
    // Resolved 1 of 3 ended with an outcome.
    assert_eq!(
        (
            r.first_contact_resolution.part,
            r.first_contact_resolution.whole
        ),
        (1, 3)
    );
    assert_eq!(r.first_contact_resolution.percent(), Some(33));
    // 5, 10 and 20 minutes: 700 s on average.
    assert_eq!(r.average_handling_secs, Some(700));
    assert_eq!(r.satisfaction.len(), 1);
    assert_eq!(
        (r.satisfaction[0].answers, r.satisfaction[0].mean_hundredths),
        (2, 450)
    );
    assert_eq!(r.referrals, [("samaritans".to_string(), 1)]);
    assert_eq!(
        r.adjustments,
        [("large-print".to_string(), 1)],
        "agreed ones only"
    );
    assert_eq!(r.overdue, [("anwen".to_string(), 1)]);

    // Admins may not read restricted records, so they are not counted.
    let r = reporting::report(&store, &admin, request.clone(), today)
        .await
        .unwrap();
    assert!(!r.restricted_counted);
    assert_eq!(r.total, 3);
    assert_eq!(r.average_handling_secs, Some(450));
    // Filters.
    let welsh_phone = Request {
        channel: Some("phone".into()),
        caller_lang: Some(Lang::Cy),
        ..request.clone()
    };
    let r = reporting::report(&store, &manager, welsh_phone, today)
        .await
        .unwrap();
    assert_eq!(r.total, 3);
    assert!(r.overdue.is_empty(), "the overdue action is the e-mail's");
    // Advisers see no figures; a backwards range is refused.
    assert!(matches!(
        reporting::report(&store, &adviser, request.clone(), today).await,
        Err(ReportError::NotManager)
    ));
    let backwards = Request {
        from: day("2026-12-03"),
        to: day("2026-12-01"),
        ..request
    };
    assert!(matches!(
        reporting::report(&store, &manager, backwards, today).await,
        Err(ReportError::BadRange)
    ));
}

#[tokio::test]
async fn records_saved_before_the_figures_were_kept_are_counted_on_opening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("canllaw.db");
    let request = Request {
        from: day("2026-12-01"),
        to: day("2026-12-01"),
        channel: None,
        caller_lang: None,
    };
    {
        let store = SqliteStore::open(&path).unwrap();
        let adviser = store
            .create_user("anwen", Role::Adviser, "x")
            .await
            .unwrap();
        store.create_user("mair", Role::Manager, "x").await.unwrap();
        let r = ContactRecord::start(
            NewContact {
                channel: Channel::Letter,
                caller_type: CallerType::Public,
                caller_lang: Lang::Cy,
            },
            adviser.id,
            "anwen",
            "2026-12-01T12:00:00Z".into(),
        );
        store.create_contact(r).await.unwrap();
    }
    // As an older version left it: the record, no facts.
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute_batch("DELETE FROM contact_facts;")
        .unwrap();
    let store = SqliteStore::open(&path).unwrap();
    let manager = store.user_by_name("mair").await.unwrap().unwrap();
    let r = reporting::report(&store, &manager, request, day("2026-12-02"))
        .await
        .unwrap();
    assert_eq!(r.by_channel, [("letter".to_string(), 1)]);
}
