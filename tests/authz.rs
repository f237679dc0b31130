//! The authorisation matrix: every route, anonymous and each role, and the
//! status each must get. A new route must be added here.

mod common;

use canllaw::auth::Role;
use common::TestApp;

/// Who asks.
#[derive(Debug, Clone, Copy)]
enum Who {
    Anonymous,
    As(Role),
}

const EVERYONE: [Who; 5] = [
    Who::Anonymous,
    Who::As(Role::Adviser),
    Who::As(Role::Editor),
    Who::As(Role::Manager),
    Who::As(Role::Admin),
];

/// (method, path, [anonymous, adviser, editor, manager, admin])
const MATRIX: &[(&str, &str, [u16; 5])] = &[
    ("GET", "/healthz", [200, 200, 200, 200, 200]),
    ("GET", "/readyz", [200, 200, 200, 200, 200]),
    ("GET", "/assets/console.js", [200, 200, 200, 200, 200]),
    ("GET", "/assets/console.css", [200, 200, 200, 200, 200]),
    ("GET", "/login", [200, 303, 303, 303, 303]),
    ("GET", "/", [303, 200, 200, 200, 200]),
    ("GET", "/?q=cwyn", [303, 200, 200, 200, 200]),
    ("GET", "/search/results?q=cwyn", [303, 200, 200, 200, 200]),
    (
        "GET",
        "/articles/how-to-complain",
        [303, 200, 200, 200, 200],
    ),
    ("GET", "/articles/report-line", [303, 200, 200, 200, 200]),
    ("GET", "/agencies", [303, 200, 200, 200, 200]),
    ("GET", "/agencies/relay-uk", [303, 200, 200, 200, 200]),
    ("GET", "/scripts", [303, 200, 200, 200, 200]),
    ("GET", "/admin/users", [303, 403, 403, 403, 200]),
    ("POST", "/admin/users", [303, 403, 403, 403, 303]),
    ("GET", "/api/v1/search?q=cwyn", [401, 200, 200, 200, 200]),
    (
        "GET",
        "/api/v1/articles/how-to-complain",
        [401, 200, 200, 200, 200],
    ),
    ("GET", "/api/v1/agencies", [401, 200, 200, 200, 200]),
    (
        "GET",
        "/api/v1/agencies/relay-uk",
        [401, 200, 200, 200, 200],
    ),
    ("GET", "/api/v1/scripts", [401, 200, 200, 200, 200]),
    ("GET", "/api/v1/scripts/greeting", [401, 200, 200, 200, 200]),
    ("GET", "/api/v1/forces", [401, 200, 200, 200, 200]),
    (
        "GET",
        "/api/v1/forces/gwent-police",
        [401, 200, 200, 200, 200],
    ),
    ("GET", "/api/v1/me", [401, 200, 200, 200, 200]),
    ("GET", "/api/v1/openapi.json", [401, 200, 200, 200, 200]),
    ("POST", "/api/v1/search", [401, 405, 405, 405, 405]),
    // Each role starts a contact: the adviser's is number 1.
    ("POST", "/api/v1/contacts", [401, 201, 201, 201, 201]),
    // Records: the handling adviser and managers (and admins, unrestricted).
    ("GET", "/api/v1/contacts/1", [401, 200, 404, 200, 200]),
    // Only the handling adviser changes it.
    (
        "POST",
        "/api/v1/contacts/1/turns",
        [401, 200, 404, 403, 403],
    ),
    (
        "POST",
        "/api/v1/contacts/1/review-timing",
        [401, 200, 404, 200, 200],
    ),
    ("GET", "/contacts/new", [303, 200, 200, 200, 200]),
    ("GET", "/contacts/1", [303, 200, 404, 200, 200]),
    ("POST", "/contacts/1/turns", [303, 303, 404, 403, 403]),
    ("GET", "/contacts/1/letter", [303, 200, 404, 200, 200]),
    // Logout last: it ends the session.
    ("POST", "/logout", [303, 303, 303, 303, 303]),
];

#[tokio::test]
async fn every_route_answers_each_role_as_expected() {
    let app = TestApp::spawn().await;
    let mut clients = Vec::new();
    for who in EVERYONE {
        let client = match who {
            Who::Anonymous => TestApp::client(),
            Who::As(role) => app.signed_in(role).await,
        };
        let csrf = match who {
            Who::Anonymous => String::new(),
            Who::As(_) => app.csrf_of(&client).await,
        };
        clients.push((who, client, csrf));
    }
    let mut failures = Vec::new();
    for (n, (method, path, expected)) in MATRIX.iter().enumerate() {
        for (i, (who, client, csrf)) in clients.iter().enumerate() {
            let url = app.url(path);
            let response = if *method == "POST" && path.starts_with("/api/") {
                let body = if path.ends_with("/turns") {
                    serde_json::json!({"text": "I want to make a complaint"})
                } else if path.ends_with("/review-timing") {
                    serde_json::json!({"outcome_date": "2026-01-01", "received_date": "2026-01-20"})
                } else {
                    serde_json::json!({"channel": "phone", "caller_type": "public", "caller_lang": "cy"})
                };
                client
                    .post(url)
                    .header("x-csrf-token", csrf.as_str())
                    .json(&body)
                    .send()
                    .await
                    .unwrap()
            } else if *method == "POST" {
                // A valid request apart from authorisation, with the CSRF
                // token, so only the role decides.
                let name = format!("made-{n}-{i}");
                client
                    .post(url)
                    .form(&[
                        ("csrf", csrf.as_str()),
                        ("name", name.as_str()),
                        ("role", "adviser"),
                        ("password", "a long enough password"),
                    ])
                    .send()
                    .await
                    .unwrap()
            } else {
                client.get(url).send().await.unwrap()
            };
            let got = response.status().as_u16();
            if got != expected[i] {
                failures.push(format!(
                    "{method} {path} as {who:?}: expected {}, got {got}",
                    expected[i]
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
