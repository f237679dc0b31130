//! The problem log over HTTP: managers only, candidates from the records,
//! options and decision recorded, mistakes shown, edits that crossed
//! refused, and the follow-up comparing the weeks before and after.

mod common;

use canllaw::assistant::contact::{Channel, ContactOutcome, ContactRecord, NewContact};
use canllaw::assistant::conversation::{Conversation, Found};
use canllaw::auth::Role;
use canllaw::knowledge::CallerType;
use canllaw::lang::Lang;
use chrono::Duration;
use common::TestApp;

fn found(id: &str) -> Found {
    Found {
        id: id.into(),
        name: id.into(),
        because: Vec::new(),
        turn: 1,
        urgent: false,
        confidence: 100,
    }
}

/// `n` contacts about `intent` on `day`, each resolved at first contact
/// when `resolved`.
fn contacts(
    adviser: i64,
    intent: &str,
    day: chrono::NaiveDate,
    n: usize,
    resolved: bool,
) -> Vec<ContactRecord> {
    (0..n)
        .map(|_| {
            let mut r = ContactRecord::start(
                NewContact {
                    channel: Channel::Phone,
                    caller_type: CallerType::Public,
                    caller_lang: Lang::En,
                },
                adviser,
                "Anwen",
                format!("{day}T11:00:00Z"),
            );
            r.conversation = Conversation::recognised(Lang::En, vec![found(intent)], Vec::new());
            r.ended_at = Some(format!("{day}T11:10:00Z"));
            r.outcome = Some(if resolved {
                ContactOutcome::ResolvedFirstContact
            } else {
                ContactOutcome::FollowUp
            });
            r
        })
        .collect()
}

fn location(r: &reqwest::Response) -> String {
    r.headers()["location"].to_str().unwrap().to_string()
}

#[tokio::test]
async fn a_manager_logs_a_repeated_problem_and_follows_it_up() {
    let app = TestApp::spawn().await;
    app.add_user("anwen", Role::Adviser).await;
    let adviser = app
        .state
        .store
        .user_by_name("anwen")
        .await
        .unwrap()
        .unwrap();
    let today = canllaw::i18n::uk_today();
    let changed = today - Duration::days(10);
    // Before the change: 28 contacts over 4 days, 8 resolved.
    // Since: 5 contacts, all resolved.
    let mut records = Vec::new();
    for back in [12, 15, 20, 30] {
        let day = today - Duration::days(back);
        records.extend(contacts(adviser.id, "case-update", day, 2, true));
        records.extend(contacts(adviser.id, "case-update", day, 5, false));
    }
    records.extend(contacts(
        adviser.id,
        "case-update",
        today - Duration::days(3),
        5,
        true,
    ));
    app.state.store.insert_contacts(records).await.unwrap();
    for _ in 0..4 {
        app.state
            .store
            .count_unanswered("bodycam footage", Lang::En, "internal")
            .await
            .unwrap();
    }

    for role in [Role::Adviser, Role::Editor] {
        let c = app.signed_in(role).await;
        let r = c.get(app.url("/console/problems")).send().await.unwrap();
        assert_eq!(r.status(), 403, "{role}");
    }
    let manager = app.signed_in(Role::Manager).await;
    let csrf = app.csrf_of(&manager).await;
    let page = manager
        .get(app.url("/console/problems?lang=en"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    // Candidates from the records: the reason for calling, and the search.
    assert!(
        page.contains("name=\"key\" value=\"case-update\""),
        "{page}"
    );
    assert!(
        page.contains("Search: “bodycam footage” (English)"),
        "{page}"
    );
    assert!(page.contains("found nothing 4 times"));

    // Without the CSRF token nothing is opened.
    let r = manager
        .post(app.url("/console/problems"))
        .form(&[
            ("title", "Case updates"),
            ("kind", "intent"),
            ("key", "case-update"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
    let r = manager
        .post(app.url("/console/problems"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("title", "Callers chasing case updates"),
            ("kind", "intent"),
            ("key", "case-update"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    let at = location(&r);
    assert!(at.starts_with("/console/problems/"), "{at}");

    // Choosing without saying who approved it is a mistake, shown on the
    // page with what was typed kept.
    let form = |chosen: &str, approver: &str, version: &str| {
        vec![
            ("csrf", csrf.clone()),
            ("version", version.to_string()),
            ("title", "Callers chasing case updates".to_string()),
            (
                "description",
                "Many calls only ask where a case is.".to_string(),
            ),
            (
                "option-0-text",
                "Text updates every 20 working days".to_string(),
            ),
            ("option-0-pros", "Callers know without ringing".to_string()),
            ("option-0-cons", "Needs a text service".to_string()),
            ("option-1-text", "A status page".to_string()),
            ("option-1-pros", "Cheap".to_string()),
            ("option-1-cons", "Callers must look".to_string()),
            ("option-2-text", String::new()),
            ("chosen", chosen.to_string()),
            ("approved_by", approver.to_string()),
            ("change", "Text updates started".to_string()),
            ("changed_on", changed.to_string()),
        ]
    };
    let r = manager
        .post(app.url(&format!("{at}?lang=en")))
        .form(&form("0", " ", "1"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 422);
    let page = r.text().await.unwrap();
    assert!(
        page.contains("Say who approved the option chosen."),
        "{page}"
    );
    assert!(
        page.contains("Callers know without ringing"),
        "what was typed stays"
    );

    let r = manager
        .post(app.url(&at))
        .form(&form("0", "Head of contact centre", "1"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    // An edit made against the old version is refused, not merged.
    let r = manager
        .post(app.url(&at))
        .form(&form("1", "Someone else", "1"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 409);

    let id: i64 = at.rsplit('/').next().unwrap().parse().unwrap();
    let p = app.state.store.problem(id).await.unwrap().unwrap();
    assert_eq!(p.options.len(), 2, "the empty option is dropped");
    assert_eq!(p.chosen, Some(0));
    assert_eq!(p.approved_by, "Head of contact centre");
    assert_eq!(p.changed_on, Some(changed));

    // The follow-up: 28 before (8 resolved of 28: 29%), 5 since (100%).
    let page = manager
        .get(app.url(&format!("{at}?lang=en")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let row = |name: &str| {
        let start = page
            .find(&format!("<th scope=\"row\">{name}</th>"))
            .unwrap_or_else(|| panic!("{name}: {page}"));
        let end = page[start..].find("</tr>").unwrap();
        page[start..start + end].to_string()
    };
    assert!(
        row("Contacts").contains(">28<") && row("Contacts").contains(">5<"),
        "{}",
        row("Contacts")
    );
    assert!(row("Resolved at first contact").contains(">29%<"));
    assert!(row("Resolved at first contact").contains(">100%<"));
    // 28 over 28 days is 1.0 a day; 5 over the 11 days since is 0.5.
    assert!(
        row("Contacts a day").contains(">1.0<"),
        "{}",
        row("Contacts a day")
    );
    assert!(
        row("Contacts a day").contains(">0.5<"),
        "{}",
        row("Contacts a day")
    );

    // Listed, at its stage, in Welsh too.
    let list = manager
        .get(app.url("/console/problems?lang=cy"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(list.contains("Callers chasing case updates"));
    assert!(list.contains("wneud: yn dilyn i fyny"), "{list}");
}
