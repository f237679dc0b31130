//! Findings of the attacker's probe (issue 15): each test failed before its
//! fix.

mod common;

use std::time::{Duration, Instant};

use canllaw::web::WebConfig;
use canllaw::web::listen::Limits;
use common::TestApp;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

fn limits(header_timeout: Duration, max_connections: usize) -> WebConfig {
    WebConfig {
        connections: Limits {
            header_timeout,
            max_connections,
            ..Limits::default()
        },
        ..WebConfig::default()
    }
}

/// A socket that starts a request and never finishes its headers.
async fn slow_socket(app: &TestApp) -> TcpStream {
    let addr = app.base.trim_start_matches("http://");
    let mut s = TcpStream::connect(addr).await.expect("connects");
    s.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ")
        .await
        .unwrap();
    s
}

/// Whether the server closes `s` within `within` (reads reach the end).
async fn closed_within(s: &mut TcpStream, within: Duration) -> bool {
    let mut buf = [0u8; 1024];
    let deadline = Instant::now() + within;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match tokio::time::timeout(left, s.read(&mut buf)).await {
            Ok(Ok(0)) | Ok(Err(_)) => return true,
            Ok(Ok(_)) => continue, // an error response before the close
            Err(_) => return false,
        }
    }
}

#[tokio::test]
async fn slow_clients_are_closed_while_health_checks_answer() {
    let app = TestApp::spawn_with(limits(Duration::from_secs(1), 768)).await;
    let mut slow = Vec::new();
    for _ in 0..60 {
        slow.push(slow_socket(&app).await);
    }
    let health = reqwest::get(app.url("/healthz")).await.unwrap();
    assert!(health.status().is_success(), "{}", health.status());
    for s in &mut slow {
        assert!(
            closed_within(s, Duration::from_secs(5)).await,
            "a client that never finished its headers was kept open"
        );
    }
    let health = reqwest::get(app.url("/healthz")).await.unwrap();
    assert!(health.status().is_success());
}

#[tokio::test]
async fn an_idle_kept_alive_connection_is_closed() {
    let app = TestApp::spawn_with(limits(Duration::from_secs(1), 768)).await;
    let addr = app.base.trim_start_matches("http://");
    let mut s = TcpStream::connect(addr).await.unwrap();
    s.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        .await
        .unwrap();
    let mut buf = [0u8; 4096];
    let n = s.read(&mut buf).await.unwrap();
    assert!(String::from_utf8_lossy(&buf[..n]).starts_with("HTTP/1.1 200"));
    assert!(
        closed_within(&mut s, Duration::from_secs(5)).await,
        "an idle connection was kept open"
    );
}

#[tokio::test]
async fn connections_beyond_the_cap_wait_for_a_free_one() {
    let app = TestApp::spawn_with(limits(Duration::from_secs(1), 4)).await;
    let mut slow = Vec::new();
    for _ in 0..4 {
        slow.push(slow_socket(&app).await);
    }
    // Give the server time to take all four.
    tokio::time::sleep(Duration::from_millis(200)).await;
    let started = Instant::now();
    let health = reqwest::get(app.url("/healthz")).await.unwrap();
    assert!(health.status().is_success());
    let waited = started.elapsed();
    assert!(
        waited >= Duration::from_millis(500),
        "a fifth connection was served at once ({waited:?}): the cap of 4 did not hold"
    );
}

/// A client whose requests arrive through the trusted proxy from `address`.
fn client_at(address: &str) -> reqwest::Client {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert("x-forwarded-for", address.parse().unwrap());
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .default_headers(headers)
        .build()
        .unwrap()
}

async fn behind_proxy() -> TestApp {
    // The tests' requests come from 127.0.0.1: here, the proxy.
    TestApp::spawn_with(WebConfig {
        trusted_proxies: vec!["127.0.0.1".parse().unwrap()],
        ..WebConfig::default()
    })
    .await
}

#[tokio::test]
async fn a_stranger_failing_for_a_name_does_not_lock_its_owner_out() {
    use canllaw::auth::throttle::LOCK_AT_PER_NAME;
    let app = behind_proxy().await;
    let stranger = client_at("203.0.113.66");
    for _ in 0..LOCK_AT_PER_NAME + 3 {
        app.login(&stranger, "admin", "guessing the password").await;
    }
    let r = app.login(&stranger, "admin", common::ADMIN_PASSWORD).await;
    assert_eq!(
        r.status(),
        429,
        "the stranger's address is locked for the name"
    );
    let owner = client_at("198.51.100.20");
    let r = app.login(&owner, "admin", common::ADMIN_PASSWORD).await;
    assert_eq!(r.status(), 303, "the owner signs in from their own address");

    // The attempts are audited with the name and the address.
    let failed = app
        .state
        .store
        .audit_log(canllaw::store::AuditFilter {
            action: Some("login.failed".into()),
            limit: 100,
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(failed.len(), LOCK_AT_PER_NAME as usize);
    assert!(
        failed.iter().all(|e| e.detail == "admin from 203.0.113.66"),
        "{failed:?}"
    );
}

#[tokio::test]
async fn an_address_trying_many_names_is_locked_but_others_are_not() {
    use canllaw::auth::throttle::LOCK_AT_PER_ADDRESS;
    let app = behind_proxy().await;
    let sprayer = client_at("203.0.113.99");
    for n in 0..LOCK_AT_PER_ADDRESS {
        app.login(&sprayer, &format!("user{n}"), "Password1").await;
    }
    let r = app.login(&sprayer, "admin", common::ADMIN_PASSWORD).await;
    assert_eq!(r.status(), 429, "an address spraying names is locked");
    // Only that address: another signs in.
    let r = app
        .login(&client_at("198.51.100.21"), "admin", common::ADMIN_PASSWORD)
        .await;
    assert_eq!(r.status(), 303);
}

#[tokio::test]
async fn replicas_share_the_throttle_through_the_store() {
    use canllaw::auth::throttle::{self, Keys, LOCK_AT_PER_NAME};
    use canllaw::store::SqliteStore;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("canllaw.db");
    let one = SqliteStore::open(&db).unwrap();
    let two = SqliteStore::open(&db).unwrap();
    let keys = Keys::new("ann", "203.0.113.5".parse().unwrap());
    let now = std::time::SystemTime::now();
    for _ in 0..LOCK_AT_PER_NAME {
        assert_eq!(throttle::attempt(&one, &keys, now).await.unwrap(), None);
    }
    let wait = throttle::attempt(&two, &keys, now).await.unwrap();
    assert_eq!(
        wait,
        Some(throttle::FIRST_LOCK),
        "the other replica sees the lock"
    );
    throttle::succeeded(&two, &keys).await.unwrap();
    assert_eq!(throttle::attempt(&one, &keys, now).await.unwrap(), None);
}

#[tokio::test]
async fn guesses_sent_all_at_once_are_held_to_the_limit() {
    use canllaw::auth::throttle::LOCK_AT_PER_NAME;
    let app = behind_proxy().await;
    let mut guesses = tokio::task::JoinSet::new();
    for n in 0..20 {
        let base = app.base.clone();
        guesses.spawn(async move {
            let c = client_at("203.0.113.77");
            let r = common::sign_in(&c, &base, "admin", &format!("guess number {n} of many")).await;
            r.status().as_u16()
        });
    }
    let statuses = guesses.join_all().await;
    let checked = statuses.iter().filter(|s| **s == 401).count();
    assert!(
        checked <= LOCK_AT_PER_NAME as usize,
        "{checked} passwords were checked, more than the limit of {LOCK_AT_PER_NAME}: {statuses:?}"
    );
    assert!(
        statuses.iter().all(|s| *s == 401 || *s == 429),
        "{statuses:?}"
    );
}

#[tokio::test]
async fn signing_in_again_ends_the_earlier_session() {
    let app = TestApp::spawn().await;
    let first = TestApp::client();
    assert_eq!(
        app.login(&first, "admin", common::ADMIN_PASSWORD)
            .await
            .status(),
        303
    );
    let me = |c: reqwest::Client| {
        let url = app.url("/api/v1/me");
        async move { c.get(url).send().await.unwrap().status().as_u16() }
    };
    assert_eq!(me(first.clone()).await, 200);
    let second = TestApp::client();
    assert_eq!(
        app.login(&second, "admin", common::ADMIN_PASSWORD)
            .await
            .status(),
        303
    );
    assert_eq!(me(second.clone()).await, 200);
    assert_eq!(me(first).await, 401, "the first session still works");
}

#[tokio::test]
async fn only_a_post_changes_the_saved_language() {
    let app = TestApp::spawn().await;
    let c = app.signed_in(canllaw::auth::Role::Adviser).await;
    let saved = || async {
        app.state
            .store
            .user_by_name("adviser-user")
            .await
            .unwrap()
            .unwrap()
            .ui_lang
    };
    assert_eq!(saved().await, canllaw::lang::Lang::Cy);
    let page = c
        .get(app.url("/console/agencies?lang=en"))
        .send()
        .await
        .unwrap();
    assert!(page.text().await.unwrap().contains("<html lang=\"en\""));
    assert_eq!(
        saved().await,
        canllaw::lang::Lang::Cy,
        "a GET changed the saved language"
    );

    let token = app.csrf_of(&c).await;
    let r = c
        .post(app.url("/console/language"))
        .form(&[
            ("csrf", token.as_str()),
            ("lang", "en"),
            ("next", "/console/agencies"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    assert_eq!(r.headers()["location"], "/console/agencies");
    assert_eq!(saved().await, canllaw::lang::Lang::En);
    // Without the token, nothing changes.
    let r = c
        .post(app.url("/console/language"))
        .form(&[("lang", "cy")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
    assert_eq!(saved().await, canllaw::lang::Lang::En);
}

#[tokio::test]
async fn a_post_from_another_scheme_or_port_is_refused() {
    let app = TestApp::spawn().await;
    let c = app.signed_in(canllaw::auth::Role::Adviser).await;
    let token = app.csrf_of(&c).await;
    let host = app.base.trim_start_matches("http://").to_string();
    let (name, port) = host.rsplit_once(':').unwrap();
    let other_port = format!("http://{name}:{}", port.parse::<u16>().unwrap() ^ 1);
    for origin in [format!("https://{host}"), other_port] {
        let r = c
            .post(app.url("/console/language"))
            .header("origin", &origin)
            .form(&[("csrf", token.as_str()), ("lang", "en")])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 403, "{origin}");
    }
    let r = c
        .post(app.url("/console/language"))
        .header("origin", app.base.as_str())
        .form(&[("csrf", token.as_str()), ("lang", "en")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
}

#[tokio::test]
async fn a_sign_in_token_not_signed_by_the_service_is_refused() {
    let app = TestApp::spawn().await;
    // A token the attacker made up and planted in both places, as a
    // sibling subdomain could: the double submit alone would accept it.
    let forged = "ab".repeat(32);
    let r = TestApp::client()
        .post(app.url("/console/login"))
        .header("cookie", format!("canllaw_login_csrf={forged}"))
        .form(&[
            ("csrf", forged.as_str()),
            ("name", "admin"),
            ("password", common::ADMIN_PASSWORD),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
    // The service's own form still works.
    let r = app
        .login(&TestApp::client(), "admin", common::ADMIN_PASSWORD)
        .await;
    assert_eq!(r.status(), 303);
}

#[tokio::test]
async fn a_damaged_index_is_rebuilt_at_start() {
    let data = tempfile::tempdir().unwrap();
    let settings = || canllaw::app::Settings {
        addr: "127.0.0.1:0".parse().unwrap(),
        data: data.path().to_path_buf(),
        knowledge: common::knowledge_dir(),
        admin_password: Some(common::ADMIN_PASSWORD.to_string()),
        web: WebConfig::default(),
        purge_daily: false,
    };
    let start = || async {
        canllaw::app::Application::build(settings(), Box::new(|_, _| {}))
            .await
            .expect("the service starts")
    };
    drop(start().await);
    // Cut every segment file of the index to half its length, as a full
    // disk or a bad copy would.
    let mut cut = 0;
    for dir in std::fs::read_dir(data.path().join("index"))
        .unwrap()
        .flatten()
    {
        for file in std::fs::read_dir(dir.path()).unwrap().flatten() {
            let name = file.file_name().to_string_lossy().into_owned();
            let len = file.metadata().unwrap().len();
            if !name.ends_with(".json") && !name.starts_with('.') && len > 64 {
                let f = std::fs::OpenOptions::new()
                    .write(true)
                    .open(file.path())
                    .unwrap();
                f.set_len(len / 2).unwrap();
                cut += 1;
            }
        }
    }
    assert!(cut > 0, "no index files found to damage");
    let app = start().await;
    let published = app.state().published();
    let found = published
        .searcher
        .search(&canllaw::search::SearchRequest::new("sut i gwyno"))
        .unwrap();
    assert!(!found.hits.is_empty(), "the rebuilt index finds nothing");
}

#[tokio::test]
async fn a_turn_stores_ids_and_numbers_never_the_callers_words() {
    let app = TestApp::spawn().await;
    let c = app.signed_in(canllaw::auth::Role::Adviser).await;
    let csrf = app.csrf_of(&c).await;
    let post = |path: String, body: serde_json::Value| {
        let (c, csrf) = (c.clone(), csrf.clone());
        async move {
            let r = c
                .post(path)
                .header("x-csrf-token", csrf)
                .json(&body)
                .send()
                .await
                .unwrap();
            assert!(r.status().is_success(), "{}", r.status());
            r.json::<serde_json::Value>().await.unwrap()
        }
    };
    let contact = post(
        app.url("/api/v1/contacts"),
        serde_json::json!({"channel": "phone", "caller_type": "public", "caller_lang": "en"}),
    )
    .await;
    let id = contact["id"].as_i64().unwrap();
    let said = [
        "I want to complain about an officer in Swansea who was rude to me at 7 Heol y Wern, SA1 1AA.",
        "My number is 07700 900123 and my email is dewi.example@example.com.",
        "I asked for a review 35 days., after the outcome letter.",
    ];
    let mut advice = serde_json::Value::Null;
    for text in said {
        advice = post(
            app.url(&format!("/api/v1/contacts/{id}/turns")),
            serde_json::json!({"text": text}),
        )
        .await["advice"]
            .clone();
    }
    // The adviser still sees why, in the caller's words, from the first
    // turn too.
    let reasons: Vec<String> = advice["intents"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["because"].as_array().cloned().unwrap_or_default())
        .map(|w| w.as_str().unwrap_or_default().to_lowercase())
        .collect();
    assert!(
        reasons.iter().any(|w| ["rude", "officer", "complain"]
            .iter()
            .any(|x| w.contains(x))),
        "{advice}"
    );
    // The store has ids and numbers only.
    let record = app.state.store.contact(id).await.unwrap().unwrap();
    let stored = serde_json::to_string(&record).unwrap().to_lowercase();
    for word in [
        "swansea", "heol", "wern", "sa1", "07700", "900123", "dewi", "example", "35 days",
    ] {
        assert!(!stored.contains(word), "'{word}' was stored: {stored}");
    }
    assert!(stored.contains("\"days_mentioned\":35"), "{stored}");
}

/// Signs `name` in with `password` from a new client; the status.
async fn sign_in_status(app: &TestApp, name: &str, password: &str) -> (reqwest::Client, u16) {
    let c = TestApp::client();
    let status = app.login(&c, name, password).await.status().as_u16();
    (c, status)
}

async fn me(app: &TestApp, c: &reqwest::Client) -> u16 {
    c.get(app.url("/api/v1/me"))
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

#[tokio::test]
async fn users_change_their_own_password_and_are_signed_out_elsewhere() {
    let app = TestApp::spawn().await;
    app.add_user("ceri", canllaw::auth::Role::Adviser).await;
    let (here, _) = sign_in_status(&app, "ceri", common::USER_PASSWORD).await;
    let form = |current: &str, new: &str, confirm: &str| {
        vec![
            ("current".to_string(), current.to_string()),
            ("new".to_string(), new.to_string()),
            ("confirm".to_string(), confirm.to_string()),
        ]
    };
    let post = |c: reqwest::Client, fields: Vec<(String, String)>| {
        let url = app.url("/console/account");
        async move {
            let csrf = c
                .get(url.clone())
                .send()
                .await
                .unwrap()
                .text()
                .await
                .map(|html| TestApp::csrf_in(&html))
                .unwrap();
            let mut fields = fields;
            fields.push(("csrf".into(), csrf));
            c.post(url).form(&fields).send().await.unwrap()
        }
    };
    let new = "a castle by the river Taf";
    // Mistakes are shown on the form, in words.
    let r = post(here.clone(), form("not my password", new, new)).await;
    assert_eq!(r.status(), 400);
    assert!(r.text().await.unwrap().contains("id=\"account-error\""));
    let r = post(
        here.clone(),
        form(common::USER_PASSWORD, new, "something else entirely"),
    )
    .await;
    assert_eq!(r.status(), 400);
    let r = post(
        here.clone(),
        form(common::USER_PASSWORD, "password1234", "password1234"),
    )
    .await;
    assert_eq!(r.status(), 400, "a common password was accepted");

    let (elsewhere, _) = sign_in_status(&app, "ceri", common::USER_PASSWORD).await;
    let (here, _) = sign_in_status(&app, "ceri", common::USER_PASSWORD).await;
    let r = post(here.clone(), form(common::USER_PASSWORD, new, new)).await;
    assert_eq!(r.status(), 303);
    assert_eq!(me(&app, &here).await, 200, "this browser stays signed in");
    assert_eq!(
        me(&app, &elsewhere).await,
        401,
        "another device is signed out"
    );
    assert_eq!(
        sign_in_status(&app, "ceri", common::USER_PASSWORD).await.1,
        401
    );
    assert_eq!(sign_in_status(&app, "ceri", new).await.1, 303);
}

#[tokio::test]
async fn admins_disable_enable_and_reset_users() {
    let app = TestApp::spawn().await;
    app.add_user("dai", canllaw::auth::Role::Adviser).await;
    let admin = app.signed_in(canllaw::auth::Role::Admin).await;
    let csrf = app.csrf_of(&admin).await;
    let post = |path: &str, fields: Vec<(&'static str, String)>| {
        let (admin, csrf, url) = (admin.clone(), csrf.clone(), app.url(path));
        async move {
            let mut fields = fields;
            fields.push(("csrf", csrf));
            admin
                .post(url)
                .form(&fields)
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        }
    };
    let (dai, status) = sign_in_status(&app, "dai", common::USER_PASSWORD).await;
    assert_eq!(status, 303);

    // Disabling ends the user's sessions and refuses their sign-in.
    let r = post(
        "/console/admin/users/dai/disabled",
        vec![("disabled", "true".into())],
    )
    .await;
    assert_eq!(r, 303);
    assert_eq!(me(&app, &dai).await, 401);
    assert_eq!(
        sign_in_status(&app, "dai", common::USER_PASSWORD).await.1,
        401
    );
    let r = post(
        "/console/admin/users/dai/disabled",
        vec![("disabled", "false".into())],
    )
    .await;
    assert_eq!(r, 303);
    let (dai, status) = sign_in_status(&app, "dai", common::USER_PASSWORD).await;
    assert_eq!(status, 303, "enabled again");

    // A reset password works at once, and ends the sessions.
    let fresh = "the slate roofs of Bethesda";
    let r = post(
        "/console/admin/users/dai/password",
        vec![("password", fresh.into())],
    )
    .await;
    assert_eq!(r, 303);
    assert_eq!(me(&app, &dai).await, 401);
    assert_eq!(sign_in_status(&app, "dai", fresh).await.1, 303);
    let r = post(
        "/console/admin/users/dai/password",
        vec![("password", "qwerty123456".into())],
    )
    .await;
    assert_eq!(r, 400, "a common password was accepted");

    // Nobody disables themselves.
    let r = post(
        "/console/admin/users/admin/disabled",
        vec![("disabled", "true".into())],
    )
    .await;
    assert_eq!(r, 403);
    assert_eq!(me(&app, &admin).await, 200);

    let log = app
        .state
        .store
        .audit_log(canllaw::store::AuditFilter {
            limit: 100,
            ..Default::default()
        })
        .await
        .unwrap();
    for action in ["user.disable", "user.enable", "user.password-reset"] {
        assert!(
            log.iter().any(|e| e.action == action && e.detail == "dai"),
            "{action}"
        );
    }
}
