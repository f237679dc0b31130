//! The authorisation matrix: every route, anonymous and each role, and the
//! status each must get. A new route must be added here; a test reads the
//! route tables and fails when one is missing.

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
    // The public site: the same for everyone, signed in or not.
    ("GET", "/", [200, 200, 200, 200, 200]),
    ("GET", "/cy", [200, 200, 200, 200, 200]),
    ("GET", "/en", [200, 200, 200, 200, 200]),
    ("GET", "/cy/chwilio?q=adolygiad", [200, 200, 200, 200, 200]),
    (
        "GET",
        "/en/articles/how-to-complain",
        [200, 200, 200, 200, 200],
    ),
    (
        "GET",
        "/en/articles/call-handling-standards",
        [404, 404, 404, 404, 404],
    ),
    ("GET", "/cy/pwy-arall-all-helpu", [200, 200, 200, 200, 200]),
    ("GET", "/en/review-deadline", [200, 200, 200, 200, 200]),
    ("GET", "/console/", [308, 308, 308, 308, 308]),
    ("GET", "/readyz", [200, 200, 200, 200, 200]),
    // The old, digest-less names are gone.
    ("GET", "/assets/console.js", [404, 404, 404, 404, 404]),
    ("GET", "/console/login", [200, 303, 303, 303, 303]),
    ("GET", "/console", [303, 200, 200, 200, 200]),
    ("GET", "/console?q=cwyn", [303, 200, 200, 200, 200]),
    (
        "GET",
        "/console/search/results?q=cwyn",
        [303, 200, 200, 200, 200],
    ),
    (
        "GET",
        "/console/articles/how-to-complain",
        [303, 200, 200, 200, 200],
    ),
    (
        "GET",
        "/console/articles/report-line",
        [303, 200, 200, 200, 200],
    ),
    ("GET", "/console/agencies", [303, 200, 200, 200, 200]),
    (
        "GET",
        "/console/agencies/relay-uk",
        [303, 200, 200, 200, 200],
    ),
    ("GET", "/console/scripts", [303, 200, 200, 200, 200]),
    ("GET", "/console/admin/users", [303, 403, 403, 403, 200]),
    ("POST", "/console/admin/users", [303, 403, 403, 403, 303]),
    (
        "POST",
        "/console/admin/users/adviser-user/full-name",
        [303, 403, 403, 403, 303],
    ),
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
    // The editors' workflow: editors and admins only. Each role's draft is
    // a file of its own; one that is not yet valid content stops editors
    // at validation (422) and, not in review, at publishing (409).
    ("GET", "/api/v1/editor/files", [401, 403, 200, 403, 200]),
    (
        "GET",
        "/api/v1/editor/file?path=articles/how-to-complain.cy.md",
        [401, 403, 200, 403, 200],
    ),
    (
        "GET",
        "/api/v1/editor/revisions?path=articles/how-to-complain.cy.md",
        [401, 403, 200, 403, 200],
    ),
    ("PUT", "/api/v1/editor/draft", [401, 403, 200, 403, 200]),
    ("POST", "/api/v1/editor/submit", [401, 403, 422, 403, 422]),
    ("POST", "/api/v1/editor/publish", [401, 403, 409, 403, 409]),
    // Nothing of the role's own file to restore or confirm; then its
    // draft is thrown away.
    ("POST", "/api/v1/editor/restore", [401, 403, 404, 403, 404]),
    (
        "POST",
        "/api/v1/editor/translations/confirm",
        [401, 403, 404, 403, 404],
    ),
    ("POST", "/api/v1/editor/discard", [401, 403, 204, 403, 204]),
    (
        "GET",
        "/api/v1/editor/revision?path=articles/how-to-complain.cy.md&revision=1",
        [401, 403, 200, 403, 200],
    ),
    (
        "GET",
        "/api/v1/editor/diff?path=agencies/samaritans.toml&from=0&to=1",
        [401, 403, 200, 403, 200],
    ),
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
    ("GET", "/console/contacts/new", [303, 200, 200, 200, 200]),
    ("GET", "/console/contacts", [303, 200, 200, 200, 200]),
    ("GET", "/console/contacts/1", [303, 200, 404, 200, 200]),
    (
        "POST",
        "/console/contacts/1/turns",
        [303, 303, 404, 403, 403],
    ),
    (
        "GET",
        "/console/contacts/1/letter",
        [303, 200, 404, 200, 200],
    ),
    ("PATCH", "/api/v1/contacts/1", [401, 200, 404, 403, 403]),
    // A preview without values: refused as incomplete to whoever may see
    // the record, not found to anyone else.
    (
        "POST",
        "/api/v1/contacts/1/letters",
        [401, 422, 404, 422, 422],
    ),
    ("POST", "/console/contacts", [303, 303, 303, 303, 303]),
    (
        "POST",
        "/console/contacts/1/stages",
        [303, 303, 404, 403, 403],
    ),
    (
        "POST",
        "/console/contacts/1/choices",
        [303, 303, 404, 403, 403],
    ),
    (
        "POST",
        "/console/contacts/1/details",
        [303, 303, 404, 403, 403],
    ),
    (
        "POST",
        "/console/contacts/1/referrals",
        [303, 303, 404, 403, 403],
    ),
    (
        "POST",
        "/console/contacts/1/letters",
        [303, 303, 404, 403, 403],
    ),
    (
        "GET",
        "/console/contacts/1/letters/0",
        [303, 200, 404, 200, 200],
    ),
    ("POST", "/console/contacts/1/end", [303, 303, 404, 403, 403]),
    // Closed now: no more changes, but post-contact work goes on, for the
    // handling adviser and managers.
    ("POST", "/api/v1/contacts/1/end", [401, 409, 404, 403, 403]),
    (
        "POST",
        "/console/contacts/1/actions/0/done",
        [303, 303, 404, 303, 403],
    ),
    // Signed in, the form's token is the session's: the wrong password is
    // refused like any other. Anonymous without the login cookie: CSRF.
    // The sign-in form needs its own token, signed in or not.
    ("POST", "/console/login", [403, 403, 403, 403, 403]),
    // The editors' pages: editors and admins only, refused before the form
    // is read. The shared form names a published file with a version no
    // draft has: a conflict, nothing there, or nothing to confirm.
    ("GET", "/console/editor", [303, 403, 200, 403, 200]),
    (
        "GET",
        "/console/editor/item?path=articles/how-to-complain.cy.md",
        [303, 403, 200, 403, 200],
    ),
    (
        "GET",
        "/console/editor/history?path=articles/how-to-complain.cy.md",
        [303, 403, 200, 403, 200],
    ),
    (
        "GET",
        "/console/editor/diff?path=articles/how-to-complain.cy.md&from=0&to=1",
        [303, 403, 200, 403, 200],
    ),
    ("GET", "/console/editor/new", [303, 403, 200, 403, 200]),
    ("GET", "/console/editor/health", [303, 403, 200, 403, 200]),
    ("GET", "/console/editor/audit", [303, 403, 403, 403, 200]),
    ("POST", "/console/editor/save", [303, 403, 409, 403, 409]),
    ("POST", "/console/editor/preview", [303, 403, 200, 403, 200]),
    ("POST", "/console/editor/submit", [303, 403, 404, 403, 404]),
    ("POST", "/console/editor/publish", [303, 403, 404, 403, 404]),
    ("POST", "/console/editor/discard", [303, 403, 409, 403, 409]),
    ("POST", "/console/editor/retire", [303, 403, 409, 403, 409]),
    ("POST", "/console/editor/confirm", [303, 403, 404, 403, 404]),
    (
        "POST",
        "/console/editor/translate",
        [303, 403, 409, 403, 409],
    ),
    ("POST", "/console/editor/restore", [303, 403, 409, 403, 409]),
    ("POST", "/console/editor/new", [303, 403, 400, 403, 400]),
    // Anonymous: to the login form; signed in: saved, back to the console.
    ("POST", "/console/language", [303, 303, 303, 303, 303]),
    ("GET", "/console/account", [303, 200, 200, 200, 200]),
    // Without the current password: refused, for everyone.
    ("POST", "/console/account", [303, 400, 400, 400, 400]),
    // Nobody of that name: admins learn so, others may not ask.
    (
        "POST",
        "/console/admin/users/nobody-here/disabled",
        [303, 403, 403, 403, 404],
    ),
    (
        "POST",
        "/console/admin/users/nobody-here/password",
        [303, 403, 403, 403, 404],
    ),
    // Logout last: it ends the session.
    ("POST", "/console/logout", [303, 303, 303, 303, 303]),
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
            // The record's current version, so only the role decides.
            let version = current_version(&app, &clients[1].1).await;
            let response = if *method != "GET" && path.starts_with("/api/") {
                let draft = format!("articles/authz-{i}.cy.md");
                let body = if path.ends_with("/editor/draft") {
                    serde_json::json!({"path": draft, "body": "not yet an article", "version": 0, "base": 0})
                } else if path.ends_with("/editor/restore") {
                    serde_json::json!({"path": draft, "revision": 1})
                } else if path.ends_with("/confirm") {
                    serde_json::json!({"path": draft, "lang": "cy"})
                } else if path.contains("/editor/") {
                    serde_json::json!({"path": draft, "version": 1})
                } else if path.ends_with("/turns") {
                    serde_json::json!({"text": "I want to make a complaint"})
                } else if path.ends_with("/review-timing") {
                    serde_json::json!({"outcome_date": "2026-01-01", "received_date": "2026-01-20"})
                } else if path.ends_with("/letters") {
                    serde_json::json!({"template": "out-of-time-review-not-accepted", "lang": "en"})
                } else if path.ends_with("/end") {
                    serde_json::json!({"version": version, "outcome": "resolved-first-contact"})
                } else if *method == "PATCH" {
                    serde_json::json!({"version": version, "stage": "listen"})
                } else {
                    serde_json::json!({"channel": "phone", "caller_type": "public", "caller_lang": "cy"})
                };
                client
                    .request(method.parse().unwrap(), url)
                    .header("x-csrf-token", csrf.as_str())
                    .json(&body)
                    .send()
                    .await
                    .unwrap()
            } else if *method == "POST" {
                // A valid form apart from authorisation, with the CSRF
                // token, so only the role decides.
                let name = format!("made-{n}-{i}");
                let version = version.to_string();
                client
                    .post(url)
                    .form(&[
                        ("csrf", csrf.as_str()),
                        ("name", name.as_str()),
                        ("role", "adviser"),
                        ("password", "a long enough password"),
                        ("version", version.as_str()),
                        ("channel", "phone"),
                        ("caller_type", "public"),
                        ("caller_lang", "cy"),
                        ("done", "greeting"),
                        ("template", "out-of-time-review-not-accepted"),
                        ("lang", "cy"),
                        ("subject", "Pwnc"),
                        ("body", "Corff y llythyr"),
                        ("outcome", "follow-up"),
                        ("action", "Ffonio'n ôl"),
                        ("owner", "Tîm cwynion"),
                        ("due", "2026-12-31"),
                        ("agency", "relay-uk"),
                        ("full_name", "Siân Jones"),
                        ("path", "articles/how-to-complain.cy.md"),
                        ("revision", "1"),
                        ("disabled", "false"),
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

/// The version of contact 1, read by its handling adviser.
async fn current_version(app: &TestApp, adviser: &reqwest::Client) -> i64 {
    let r = adviser
        .get(app.url("/api/v1/contacts/1"))
        .send()
        .await
        .unwrap();
    if r.status() != 200 {
        return 0;
    }
    let record: serde_json::Value = r.json().await.unwrap();
    record["version"].as_i64().unwrap_or(0)
}

/// Every route the router declares, as (method, path pattern), read from
/// the route tables.
fn declared_routes() -> Vec<(String, String)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/web");
    let mut routes = Vec::new();
    for (file, prefix) in [
        ("console/mod.rs", "/console"),
        ("api/mod.rs", "/api/v1"),
        ("health.rs", ""),
        ("assets.rs", ""),
    ] {
        let text = std::fs::read_to_string(root.join(file)).unwrap();
        for chunk in text.split(".route(").skip(1) {
            // Addresses built at run time (the public site's, in both
            // languages, and the digest-named stylesheet) are covered by
            // rows of their own and by tests/public.rs.
            if !chunk.trim_start().starts_with('"') {
                continue;
            }
            let path = chunk.split('"').nth(1).unwrap();
            // The chunk runs to the next route: its method router.
            for method in ["get", "post", "patch", "put", "delete"] {
                if chunk.contains(&format!("{method}(")) {
                    // A nested router's "/" is its prefix itself.
                    let full = match path {
                        "/" if !prefix.is_empty() => prefix.to_string(),
                        _ => format!("{prefix}{path}"),
                    };
                    routes.push((method.to_uppercase(), full));
                }
            }
        }
    }
    routes
}

#[test]
fn the_matrix_covers_every_route() {
    let covered: Vec<(String, String)> = MATRIX
        .iter()
        .map(|(m, p, _)| {
            let path = p.split('?').next().unwrap();
            (m.to_string(), path.to_string())
        })
        .collect();
    let declared = declared_routes();
    assert!(
        declared.len() > 30,
        "the route tables were read: {declared:?}"
    );
    let mut missing = Vec::new();
    for (method, pattern) in declared {
        let matches = |path: &str| {
            let (a, b): (Vec<&str>, Vec<&str>) =
                (pattern.split('/').collect(), path.split('/').collect());
            a.len() == b.len()
                && a.iter()
                    .zip(&b)
                    .all(|(x, y)| x == y || (x.starts_with('{') && x.ends_with('}')))
        };
        if !covered.iter().any(|(m, p)| *m == method && matches(p)) {
            missing.push(format!("{method} {pattern}"));
        }
    }
    assert!(
        missing.is_empty(),
        "routes missing from the matrix:\n{}",
        missing.join("\n")
    );
}
