//! Retention: what a purge anonymises or deletes, what it keeps (the
//! figures, recent records, its own audit entry), the dry run, subject
//! access, and the audit of every view of a restricted record.

mod common;

use canllaw::assistant::contact::{
    Action, CallerDetails, Channel, ContactOutcome, ContactRecord, NewContact, SatisfactionAnswer,
};
use canllaw::auth::Role;
use canllaw::knowledge::CallerType;
use canllaw::lang::Lang;
use canllaw::retention::{self, Policy, Subject};
use canllaw::store::{AuditFilter, SqliteStore, Store, User};
use chrono::{DateTime, Utc};

const NOW: &str = "2026-12-03T12:00:00Z";

fn now() -> DateTime<Utc> {
    NOW.parse().unwrap()
}

/// A finished contact that started and ended on `day`, with everything
/// personal an adviser records.
fn contact(adviser: &User, day: &str, name: &str, restricted: bool) -> ContactRecord {
    let mut r = ContactRecord::start(
        NewContact {
            channel: Channel::Phone,
            caller_type: if restricted {
                CallerType::ReportLine
            } else {
                CallerType::Public
            },
            caller_lang: Lang::Cy,
        },
        adviser.id,
        &adviser.name,
        format!("{day}T10:00:00Z"),
    );
    r.ended_at = Some(format!("{day}T10:12:00Z"));
    r.restricted = restricted;
    r.outcome = Some(ContactOutcome::FollowUp);
    r.caller = CallerDetails {
        name: Some(name.into()),
        reference: Some(format!("REF-{name}")),
        contact: Some("07700 900123".into()),
    };
    r.summary = format!("{name} called about a search of their house.");
    r.actions.push(Action {
        description: format!("Ring {name} back"),
        owner: adviser.name.clone(),
        due: day.parse().unwrap(),
        done_on: None,
    });
    r.satisfaction.push(SatisfactionAnswer {
        question: "overall".into(),
        score: Some(4),
        comment: Some(format!("{name} was pleased")),
    });
    r
}

async fn store_with_adviser() -> (SqliteStore, User) {
    let store = SqliteStore::in_memory().unwrap();
    let adviser = store
        .create_user("anwen", Role::Adviser, "!")
        .await
        .unwrap();
    (store, adviser)
}

fn policy() -> Policy {
    Policy {
        contacts: 365,
        restricted_contacts: 730,
        audit: 365,
        searches: 30,
    }
}

fn stats_filter() -> canllaw::store::StatsFilter {
    canllaw::store::StatsFilter {
        from: "2020-01-01".parse().unwrap(),
        to: "2026-12-31".parse().unwrap(),
        channel: None,
        caller_lang: None,
        restricted: true,
    }
}

#[tokio::test]
async fn a_purge_anonymises_what_is_past_retention_and_keeps_the_rest() {
    let (store, adviser) = store_with_adviser().await;
    store
        .insert_contacts(vec![
            // Ended 400 days ago: past the year kept.
            contact(&adviser, "2025-10-29", "Olderthanayear", false),
            // 300 days ago: kept.
            contact(&adviser, "2026-02-06", "Withintheyear", false),
            // Restricted, 400 days ago: kept two years.
            contact(&adviser, "2025-10-29", "Restrictedcaller", true),
            // Restricted, 800 days ago: past two years.
            contact(&adviser, "2024-09-24", "Restrictedolder", true),
        ])
        .await
        .unwrap();
    let today: chrono::NaiveDate = "2026-12-03".parse().unwrap();
    let before = store.contact_stats(stats_filter(), today).await.unwrap();

    // A dry run counts and changes nothing.
    let dry = retention::purge(&store, &policy(), now(), true, "tester")
        .await
        .unwrap();
    assert_eq!((dry.contacts, dry.restricted_contacts), (1, 1));
    assert_eq!(
        store
            .contact(1)
            .await
            .unwrap()
            .unwrap()
            .caller
            .name
            .as_deref(),
        Some("Olderthanayear")
    );
    let log = store
        .audit_log(AuditFilter {
            limit: 50,
            ..AuditFilter::default()
        })
        .await
        .unwrap();
    assert!(
        log.iter().all(|e| e.action != "retention.purge"),
        "a dry run is not a purge"
    );

    let done = retention::purge(&store, &policy(), now(), false, "tester")
        .await
        .unwrap();
    assert_eq!(done.contacts, dry.contacts);
    assert_eq!(done.restricted_contacts, dry.restricted_contacts);
    let by_name = |name: &'static str| {
        let store = store.clone();
        async move {
            store
                .contacts_matching(Box::new(move |r| r.caller.name.as_deref() == Some(name)))
                .await
                .unwrap()
        }
    };
    // Gone: the caller, their words, the adviser's words about them.
    for id in [1, 4] {
        let r = store.contact(id).await.unwrap().unwrap();
        assert_eq!(r.caller, CallerDetails::default(), "contact {id}");
        assert!(r.summary.is_empty());
        assert!(r.actions.iter().all(|a| a.description.is_empty()));
        assert!(r.satisfaction.iter().all(|a| a.comment.is_none()));
        // What the figures count stays.
        assert_eq!(r.satisfaction[0].score, Some(4));
        assert_eq!(r.actions.len(), 1);
        assert_eq!(r.outcome, Some(ContactOutcome::FollowUp));
    }
    assert!(by_name("Olderthanayear").await.is_empty());
    // Kept: the recent contact, and the restricted one within its period.
    assert_eq!(by_name("Withintheyear").await.len(), 1);
    assert_eq!(by_name("Restrictedcaller").await.len(), 1);
    // The figures did not change.
    assert_eq!(
        store.contact_stats(stats_filter(), today).await.unwrap(),
        before
    );

    // The purge is audited, with counts and no personal data.
    let log = store
        .audit_log(AuditFilter {
            limit: 50,
            ..AuditFilter::default()
        })
        .await
        .unwrap();
    let entry = log
        .iter()
        .find(|e| e.action == "retention.purge")
        .expect("audited");
    assert_eq!(entry.actor, "tester");
    let audited = canllaw::store::PurgeCounts::from_summary(&entry.detail).expect("counts");
    assert_eq!(
        (audited.contacts, audited.restricted_contacts),
        (1, 1),
        "{}",
        entry.detail
    );
    for name in ["Olderthanayear", "Restrictedolder", "REF-", "07700"] {
        assert!(log.iter().all(|e| !e.detail.contains(name)));
    }

    // Once is enough: a second purge finds nothing more.
    let again = retention::purge(&store, &policy(), now(), false, "tester")
        .await
        .unwrap();
    assert_eq!((again.contacts, again.restricted_contacts), (0, 0));
}

#[tokio::test]
async fn a_contact_still_in_progress_is_left_alone_for_a_day_at_least() {
    let (store, adviser) = store_with_adviser().await;
    let started = |ago: chrono::Duration| {
        let mut r = contact(&adviser, "2026-12-01", "Inprogress", false);
        r.started_at = (Utc::now() - ago).to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        r.ended_at = None;
        r
    };
    store
        .insert_contacts(vec![
            started(chrono::Duration::minutes(5)),
            started(chrono::Duration::days(2)),
        ])
        .await
        .unwrap();
    let zero = Policy {
        contacts: 0,
        restricted_contacts: 0,
        audit: 0,
        searches: 0,
    };
    let counts = retention::purge(&store, &zero, Utc::now(), false, "tester")
        .await
        .unwrap();
    assert_eq!(counts.contacts, 1, "only the one abandoned two days ago");
    assert_eq!(
        store
            .contact(1)
            .await
            .unwrap()
            .unwrap()
            .caller
            .name
            .as_deref(),
        Some("Inprogress")
    );
    assert_eq!(store.contact(2).await.unwrap().unwrap().caller.name, None);
    // Periods too long for the calendar purge nothing, and do not panic.
    let forever = Policy {
        contacts: u32::MAX,
        restricted_contacts: u32::MAX,
        audit: u32::MAX,
        searches: u32::MAX,
    };
    let counts = retention::purge(&store, &forever, Utc::now(), true, "tester")
        .await
        .unwrap();
    assert!(counts.is_empty());
}

#[tokio::test]
async fn old_audit_entries_and_search_counts_go_but_the_purges_own_entry_stays() {
    let (store, _) = store_with_adviser().await;
    store
        .audit("anwen", "content.publish", "articles/a.md")
        .await
        .unwrap();
    store
        .count_unanswered("parking fine", Lang::En, "public")
        .await
        .unwrap();
    let zero = Policy {
        contacts: 0,
        restricted_contacts: 0,
        audit: 0,
        searches: 0,
    };
    // Written "now": a cutoff of now, zero days back, takes them.
    let counts = retention::purge(&store, &zero, Utc::now(), false, "canllaw purge")
        .await
        .unwrap();
    assert_eq!(counts.audit_entries, 1);
    assert_eq!(counts.searches, 1);
    assert!(store.unanswered(10).await.unwrap().is_empty());
    let log = store
        .audit_log(AuditFilter {
            limit: 50,
            ..AuditFilter::default()
        })
        .await
        .unwrap();
    assert_eq!(log.len(), 1, "{log:?}");
    assert_eq!(log[0].action, "retention.purge");
    // With the default policy they stay.
    store
        .audit("anwen", "content.publish", "articles/a.md")
        .await
        .unwrap();
    let counts = retention::purge(
        &store,
        &Policy::default(),
        Utc::now(),
        false,
        "canllaw purge",
    )
    .await
    .unwrap();
    assert_eq!(counts.audit_entries, 0);
}

#[tokio::test]
async fn subject_access_finds_every_record_about_one_person() {
    let (store, adviser) = store_with_adviser().await;
    let mut about_her_too = contact(&adviser, "2026-11-20", "Gareth Jones", false);
    about_her_too.caller.contact = Some("gareth@example.org".into());
    about_her_too.summary = "Calling for his mother, Siân Pritchard.".into();
    store
        .insert_contacts(vec![
            contact(&adviser, "2026-11-01", "Siân Pritchard", false),
            about_her_too,
            contact(&adviser, "2026-11-21", "Somebody Else", false),
        ])
        .await
        .unwrap();
    let found = |subject: Subject| {
        let store = store.clone();
        async move {
            let mut ids: Vec<i64> = store
                .contacts_matching(Box::new(move |r| subject.matches(r)))
                .await
                .unwrap()
                .iter()
                .map(|r| r.id)
                .collect();
            ids.sort();
            ids
        }
    };
    assert_eq!(found(Subject::Name("siân  PRITCHARD".into())).await, [1, 2]);
    assert_eq!(
        found(Subject::Email("Gareth@example.org".into())).await,
        [2]
    );
    assert_eq!(
        found(Subject::Reference("ref-somebody else".into())).await,
        [3]
    );
    assert_eq!(
        found(Subject::Phone("+44 7700 900123".into())).await,
        [1, 3]
    );
}

#[tokio::test]
async fn every_view_of_a_restricted_record_is_audited() {
    let app = common::TestApp::spawn().await;
    let adviser = app.signed_in(Role::Adviser).await;
    let manager = app.signed_in(Role::Manager).await;
    let csrf = app.csrf_of(&adviser).await;
    let started: serde_json::Value = adviser
        .post(app.url("/api/v1/contacts"))
        .header("x-csrf-token", &csrf)
        .json(&serde_json::json!({"channel": "phone", "caller_type": "report-line", "caller_lang": "en"}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let id = started["id"].as_i64().unwrap();
    assert_eq!(started["restricted"], true, "{started}");
    for (who, c) in [("adviser", &adviser), ("manager", &manager)] {
        let r = c
            .get(app.url(&format!("/api/v1/contacts/{id}")))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200, "{who}");
        let r = c
            .get(app.url(&format!("/console/contacts/{id}")))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200, "{who}");
    }
    let views: Vec<_> = app
        .state
        .store
        .audit_log(AuditFilter {
            limit: 100,
            ..AuditFilter::default()
        })
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.action == "contact.view-restricted")
        .collect();
    assert_eq!(views.len(), 4, "{views:?}");
    assert!(views.iter().all(|e| e.detail == format!("contact {id}")));
    let actors: std::collections::BTreeSet<_> = views.iter().map(|e| e.actor.clone()).collect();
    assert_eq!(actors.len(), 2, "both who looked: {actors:?}");
}

#[tokio::test]
async fn a_manager_purges_and_exports_from_the_console() {
    let app = common::TestApp::spawn().await;
    app.add_user("anwen", Role::Adviser).await;
    let adviser = app
        .state
        .store
        .user_by_name("anwen")
        .await
        .unwrap()
        .unwrap();
    // Ended more than the default two years ago, and last month; and a
    // restricted one about the same person.
    let old = (Utc::now() - chrono::Duration::days(800))
        .date_naive()
        .to_string();
    let recent = (Utc::now() - chrono::Duration::days(30))
        .date_naive()
        .to_string();
    app.state
        .store
        .insert_contacts(vec![
            contact(&adviser, &old, "Longgonecaller", false),
            contact(&adviser, &recent, "Recentcaller", false),
            contact(&adviser, &recent, "Recentcaller", true),
        ])
        .await
        .unwrap();
    let c = app.signed_in(Role::Adviser).await;
    let r = c.get(app.url("/console/retention")).send().await.unwrap();
    assert_eq!(r.status(), 403, "advisers do not manage personal data");

    let manager = app.signed_in(Role::Manager).await;
    let csrf = app.csrf_of(&manager).await;
    let page = manager
        .get(app.url("/console/retention?lang=en"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("730 days"), "the configured periods");
    assert!(
        page.contains("1 contact anonymised"),
        "what would go: {page}"
    );
    assert!(page.contains("No purge has been done yet."));

    let r = manager
        .post(app.url("/console/retention/purge"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403, "no token, no purge");
    let r = manager
        .post(app.url("/console/retention/purge"))
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    assert_eq!(
        app.state.store.contact(1).await.unwrap().unwrap().caller,
        CallerDetails::default()
    );
    let page = manager
        .get(app.url("/console/retention?purged=1&lang=cy"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("manager-user"),
        "who purged is listed: {page}"
    );
    assert!(page.contains("un cyswllt wedi"), "in Welsh: {page}");

    // Subject access: the manager gets both records, restricted included;
    // an admin, who may not read restricted records, gets one.
    let export = |client: reqwest::Client, csrf: String| {
        let url = app.url("/console/retention/subject-access");
        async move {
            let r = client
                .post(url)
                .form(&[
                    ("csrf", csrf.as_str()),
                    ("by", "name"),
                    ("value", "recentcaller"),
                ])
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), 200);
            assert!(
                r.headers()["content-disposition"]
                    .to_str()
                    .unwrap()
                    .starts_with("attachment")
            );
            let doc: serde_json::Value = r.json().await.unwrap();
            doc["records"].as_array().unwrap().len()
        }
    };
    assert_eq!(export(manager.clone(), csrf.clone()).await, 2);
    let admin = app.signed_in(Role::Admin).await;
    let admin_csrf = app.csrf_of(&admin).await;
    assert_eq!(export(admin, admin_csrf).await, 1);
    // Too little to find one person by: said on the page.
    let r = manager
        .post(app.url("/console/retention/subject-access?lang=en"))
        .form(&[("csrf", csrf.as_str()), ("by", "name"), ("value", "a")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("at least 3 letters"));
    let exports = app
        .state
        .store
        .audit_log(AuditFilter {
            action: Some("subject-access.export".into()),
            limit: 10,
            ..AuditFilter::default()
        })
        .await
        .unwrap();
    assert_eq!(exports.len(), 2);
    assert!(
        exports
            .iter()
            .all(|e| !e.detail.to_lowercase().contains("recentcaller"))
    );
}
