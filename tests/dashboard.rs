//! The managers' dashboard over HTTP: who sees it, what the CSV holds, and
//! that restricted contacts stay with those allowed to read them.

mod common;

use canllaw::auth::Role;
use canllaw::contacts::demo::{DemoMatter, DemoPlan, generate};
use common::TestApp;

/// Demo contacts over the last four weeks, handled by a new adviser.
async fn with_demo_contacts(app: &TestApp, contacts: usize) {
    app.add_user("anwen", Role::Adviser).await;
    let adviser = app
        .state
        .store
        .user_by_name("anwen")
        .await
        .unwrap()
        .unwrap();
    let plan = DemoPlan {
        contacts,
        days: 28,
        today: canllaw::i18n::uk_today(),
        seed: 3,
        advisers: vec![(adviser.id, "Anwen Pryce".into())],
        matter: Some(DemoMatter::for_today(canllaw::i18n::uk_today())),
    };
    let records = generate(&app.state.published().kb, &plan);
    app.state.store.insert_contacts(records).await.unwrap();
}

async fn get(c: &reqwest::Client, app: &TestApp, path: &str) -> (u16, String) {
    let r = c.get(app.url(path)).send().await.unwrap();
    (r.status().as_u16(), r.text().await.unwrap())
}

/// `label,count` rows of a CSV, header dropped.
fn rows(csv: &str) -> Vec<(String, u64)> {
    csv.lines()
        .skip(1)
        .map(|l| {
            let (label, n) = l.rsplit_once(',').unwrap();
            (label.trim_matches('"').to_string(), n.parse().unwrap())
        })
        .collect()
}

#[tokio::test]
async fn managers_see_the_figures_and_take_them_away_as_csv() {
    let app = TestApp::spawn().await;
    with_demo_contacts(&app, 600).await;
    for role in [Role::Adviser, Role::Editor] {
        let c = app.signed_in(role).await;
        for path in ["/console/dashboard", "/console/dashboard/csv?table=by-day"] {
            let (status, _) = get(&c, &app, path).await;
            assert_eq!(status, 403, "{role} {path}");
        }
    }
    let manager = app.signed_in(Role::Manager).await;
    let (status, page) = get(&manager, &app, "/console/dashboard?lang=cy").await;
    assert_eq!(status, 200);
    assert!(page.contains("<html lang=\"cy\""));
    assert!(
        page.contains("<svg class=\"chart chart-up\""),
        "a chart of days"
    );
    assert!(page.contains("<svg class=\"chart chart-across\""));
    assert!(
        page.contains("id=\"t-by-intent\""),
        "each chart has its table"
    );
    // Every contact is counted once by day and once by channel.
    let (status, by_day) = get(
        &manager,
        &app,
        "/console/dashboard/csv?table=by-day&lang=en",
    )
    .await;
    assert_eq!(status, 200);
    assert!(by_day.starts_with("Day,Contacts\r\n"), "{by_day}");
    let days = rows(&by_day);
    assert_eq!(days.len(), 28, "every day of the range, quiet ones too");
    let total: u64 = days.iter().map(|(_, n)| n).sum();
    assert_eq!(total, 600);
    let (_, by_channel) = get(
        &manager,
        &app,
        "/console/dashboard/csv?table=by-channel&lang=en",
    )
    .await;
    assert_eq!(rows(&by_channel).iter().map(|(_, n)| n).sum::<u64>(), 600);
    assert!(
        by_channel.contains("Phone,"),
        "named, not ids: {by_channel}"
    );
    // A filter narrows both.
    let (_, welsh) = get(
        &manager,
        &app,
        "/console/dashboard/csv?table=by-lang&caller_lang=cy&lang=en",
    )
    .await;
    assert_eq!(rows(&welsh).len(), 1, "{welsh}");
    assert_eq!(rows(&welsh)[0].0, "Welsh");
    // Bad filters are refused with a reason, not guessed at.
    for bad in [
        "from=yesterday",
        "channel=pigeon",
        "caller_lang=fr",
        "from=2026-12-01&to=2026-11-01",
        "from=2020-01-01&to=2026-01-01",
        "table=secrets",
    ] {
        let path = format!("/console/dashboard/csv?{bad}");
        let (status, _) = get(&manager, &app, &path).await;
        assert_eq!(status, 400, "{bad}");
    }
}

#[tokio::test]
async fn restricted_contacts_stay_out_of_figures_for_those_who_may_not_read_them() {
    let app = TestApp::spawn().await;
    with_demo_contacts(&app, 1_500).await;
    let by_who = "/console/dashboard/csv?table=by-caller-type&lang=en";
    let manager = app.signed_in(Role::Manager).await;
    let (_, seen) = get(&manager, &app, by_who).await;
    let report_line = rows(&seen)
        .into_iter()
        .find(|(who, _)| who.contains("Report Line"))
        .map(|(_, n)| n)
        .expect("the demo has Report Line contacts");
    assert!(report_line > 0);
    // Admins may not read restricted records, so their figures leave them
    // out, in the CSV as on the page.
    let admin = app.signed_in(Role::Admin).await;
    let (_, unseen) = get(&admin, &app, by_who).await;
    assert!(!unseen.contains("Report Line"), "{unseen}");
    let total = |csv: &str| rows(csv).iter().map(|(_, n)| n).sum::<u64>();
    // Left out too: contacts made restricted by what was said
    // (whistleblowing) whoever called.
    assert!(total(&unseen) + report_line <= total(&seen));
    let (_, page) = get(&admin, &app, "/console/dashboard?lang=en").await;
    assert!(page.contains("only managers may see them"));
}

#[tokio::test]
async fn a_burst_of_calls_about_a_matter_shows_as_a_spike() {
    let app = TestApp::spawn().await;
    with_demo_contacts(&app, 3_000).await;
    let matter = DemoMatter::for_today(canllaw::i18n::uk_today());
    let manager = app.signed_in(Role::Manager).await;
    let (status, page) = get(&manager, &app, "/console/dashboard?lang=en").await;
    assert_eq!(status, 200);
    assert!(page.contains("Spikes in high-profile matters"), "{page}");
    let table = format!("matter-{}", matter.id);
    assert!(page.contains(&format!("id=\"t-{table}\"")));
    assert!(page.contains("class=\"spike\""), "spike bars are marked");
    // The matter's table: day, contacts, trailing mean, spike.
    let (status, csv) = get(
        &manager,
        &app,
        &format!("/console/dashboard/csv?table={table}&lang=en"),
    )
    .await;
    assert_eq!(status, 200);
    let days: Vec<Vec<&str>> = csv
        .lines()
        .skip(1)
        .map(|l| l.split(',').collect())
        .collect();
    assert_eq!(days.len(), 28);
    let in_burst = |d: &str| {
        let d: chrono::NaiveDate = d.parse().unwrap();
        (matter.burst.0..=matter.burst.1).contains(&d)
    };
    assert!(
        days.iter().any(|r| in_burst(r[0]) && r[3] == "Yes"),
        "the burst is a spike: {csv}"
    );
    // Spike days have at least five contacts and three times the mean.
    for r in days.iter().filter(|r| r[3] == "Yes") {
        let n: f64 = r[1].parse().unwrap();
        let mean: f64 = r[2].parse().unwrap();
        assert!(n >= 5.0 && n >= 3.0 * mean - 0.05, "{r:?}");
    }
}
