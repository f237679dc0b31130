//! Black-box tests of the service over HTTP on loopback.

mod common;

use canllaw::auth::Role;
use common::{ADMIN_PASSWORD, TestApp};
use serde_json::Value;

#[tokio::test]
async fn health_checks_need_no_login() {
    let app = TestApp::spawn().await;
    let c = TestApp::client();
    for path in ["/healthz", "/readyz"] {
        let r = c.get(app.url(path)).send().await.unwrap();
        assert_eq!(r.status(), 200, "{path}");
    }
}

#[tokio::test]
async fn pages_send_anonymous_users_to_login_and_back() {
    let app = TestApp::spawn().await;
    let c = TestApp::client();
    let r = c
        .get(app.url("/console/agencies?need=deaf"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    assert_eq!(
        r.headers()["location"],
        "/console/login?next=%2Fconsole%2Fagencies%3Fneed%3Ddeaf"
    );
    let r = c
        .get(app.url("/api/v1/search?q=cwyn"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401);
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["error"]["code"], "unauthenticated");
}

#[tokio::test]
async fn login_sets_a_hardened_cookie_and_search_returns_the_cli_contract() {
    let app = TestApp::spawn().await;
    let c = TestApp::client();
    let r = app.login(&c, "admin", ADMIN_PASSWORD).await;
    assert_eq!(r.status(), 303);
    let cookie = r
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .find(|v| v.starts_with("canllaw_session="))
        .expect("session cookie");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    assert!(
        !cookie.contains("Secure"),
        "plain-HTTP test server: {cookie}"
    );

    let body: Value = c
        .get(app.url("/api/v1/search"))
        .query(&[("q", "fy nghwyn"), ("lang", "cy")])
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(body["query"], "fy nghwyn");
    assert_eq!(body["lang"], "cy");
    let first = &body["hits"][0];
    assert_eq!(first["id"], "how-to-complain");
    for key in ["kind", "lang", "title", "score", "snippet"] {
        assert!(!first[key].is_null(), "hit has {key}");
    }
}

#[tokio::test]
async fn wrong_passwords_are_refused_then_throttled() {
    let app = TestApp::spawn().await;
    let c = TestApp::client();
    for _ in 0..canllaw::auth::throttle::LOCK_AT_PER_NAME {
        let r = app.login(&c, "admin", "not the password at all").await;
        assert_eq!(r.status(), 401);
        let html = r.text().await.unwrap();
        assert!(html.contains("login-error"), "the form says why");
    }
    // Now even the right password waits.
    let r = app.login(&c, "admin", ADMIN_PASSWORD).await;
    assert_eq!(r.status(), 429);
    assert!(r.headers().contains_key("retry-after"));
}

#[tokio::test]
async fn unknown_users_and_disabled_cookies_do_not_get_in() {
    let app = TestApp::spawn().await;
    let c = TestApp::client();
    let r = app.login(&c, "nobody", "some password here").await;
    assert_eq!(r.status(), 401);
    // A forged or mangled session cookie is refused, never a 500.
    let r = TestApp::client()
        .get(app.url("/console"))
        .header("cookie", "canllaw_session=../../etc/passwd")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
    // A well-formed but unknown token is simply not a session.
    let r = TestApp::client()
        .get(app.url("/api/v1/me"))
        .header("cookie", format!("canllaw_session={}", "a".repeat(64)))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401);
    // A disabled account cannot sign in, with the right password, and is
    // told no more than for a wrong one.
    app.add_user("leaver", Role::Adviser).await;
    rusqlite::Connection::open(app.data.path().join("canllaw.db"))
        .unwrap()
        .execute("UPDATE users SET disabled = 1 WHERE name = 'leaver'", [])
        .unwrap();
    let r = app.login(&c, "leaver", common::USER_PASSWORD).await;
    assert_eq!(r.status(), 401);
    let page = r.text().await.unwrap();
    assert!(
        page.contains("id=\"login-error\"") && page.contains("cyfrinair yn gywir"),
        "{page}"
    );
}

#[tokio::test]
async fn state_changing_requests_need_the_csrf_token() {
    let app = TestApp::spawn().await;
    let c = app.signed_in(Role::Admin).await;
    let form = [
        ("name", "newcomer"),
        ("role", "adviser"),
        ("password", "a long enough password"),
    ];
    // No token.
    let r = c
        .post(app.url("/console/admin/users"))
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
    // A wrong token.
    let mut with_bad: Vec<(&str, &str)> = form.to_vec();
    with_bad.push(("csrf", "0123"));
    let r = c
        .post(app.url("/console/admin/users"))
        .form(&with_bad)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
    // Right token, but from another site.
    let token = app.csrf_of(&c).await;
    let mut with_good: Vec<(&str, &str)> = form.to_vec();
    with_good.push(("csrf", &token));
    let r = c
        .post(app.url("/console/admin/users"))
        .header("origin", "https://evil.example")
        .form(&with_good)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
    assert!(
        app.state
            .store
            .user_by_name("newcomer")
            .await
            .unwrap()
            .is_none()
    );
    // Right token, same site.
    let r = c
        .post(app.url("/console/admin/users"))
        .form(&with_good)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    assert!(
        app.state
            .store
            .user_by_name("newcomer")
            .await
            .unwrap()
            .is_some()
    );
    // The login form itself is protected too.
    let r = TestApp::client()
        .post(app.url("/console/login"))
        .form(&[
            ("name", "admin"),
            ("password", ADMIN_PASSWORD),
            ("csrf", "x"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
}

#[tokio::test]
async fn logout_ends_the_session() {
    let app = TestApp::spawn().await;
    let c = app.signed_in(Role::Adviser).await;
    let token = app.csrf_of(&c).await;
    let r = c
        .post(app.url("/console/logout"))
        .form(&[("csrf", token.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    let r = c.get(app.url("/api/v1/me")).send().await.unwrap();
    assert_eq!(r.status(), 401);
}

#[tokio::test]
async fn errors_are_clear_and_in_the_users_language() {
    let app = TestApp::spawn().await;
    let c = app.signed_in(Role::Adviser).await;
    let long = "cwyn ".repeat(200);
    let r = c
        .get(app.url("/api/v1/search"))
        .query(&[("q", long.as_str())])
        .header("accept-language", "en")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["error"]["code"], "query-too-long");
    // The force search has the same limit, and its message names it.
    let r = c
        .get(app.url("/api/v1/forces"))
        .query(&[("q", "a".repeat(501).as_str())])
        .header("accept-language", "en")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["error"]["code"], "query-too-long");
    assert!(body["error"]["message"].as_str().unwrap().contains("500"));
    let r = c
        .get(app.url("/api/v1/forces"))
        .query(&[("q", "a".repeat(200).as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200, "a query within the limit is answered");
    for (query, param) in [
        ("limit=0", "limit"),
        ("limit=1000", "limit"),
        ("kind=cat", "kind"),
        ("lang=fr", "lang"),
    ] {
        let r = c
            .get(app.url(&format!("/api/v1/search?q=cwyn&{query}")))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 400, "{query}");
        let body: Value = r.json().await.unwrap();
        assert_eq!(body["error"]["code"], "bad-parameter");
        assert!(body["error"]["message"].as_str().unwrap().contains(param));
    }
    let r = c
        .get(app.url("/api/v1/search?limit=abc"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    let body: Value = r.json().await.unwrap();
    assert_eq!(
        body["error"]["code"], "bad-parameter",
        "names the parameter"
    );
    assert!(body["error"]["message"].as_str().unwrap().contains("limit"));

    // Unknown ids, path tricks included, are a 404 page in the chosen language.
    for (lang, words) in [("cy", "Ni allem ddod o hyd"), ("en", "We could not find")] {
        // The public site's addresses carry their language.
        let public = format!("/{lang}/nowhere");
        for path in [
            "/console/articles/no-such-article",
            "/console/articles/..%2F..%2Fetc",
            "/console/agencies/NOPE",
            public.as_str(),
        ] {
            let r = c
                .get(app.url(&format!("{path}?lang={lang}")))
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), 404, "{path}");
            let html = r.text().await.unwrap();
            assert!(html.contains(words), "{path} in {lang}");
            assert!(html.contains(&format!("<html lang=\"{lang}\"")));
        }
    }
    let r = c
        .get(app.url("/api/v1/articles/nope"))
        .header("accept-language", "en")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404);
}

#[tokio::test]
async fn oversize_bodies_are_refused_with_413() {
    let app = TestApp::spawn().await;
    let c = app.signed_in(Role::Admin).await;
    let token = app.csrf_of(&c).await;
    let big = "x".repeat(canllaw::web::MAX_BODY_BYTES + 1);
    let r = c
        .post(app.url("/console/admin/users"))
        .header("x-csrf-token", token)
        .form(&[("name", big.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 413);
}

#[tokio::test]
async fn content_endpoints_return_both_languages_and_filter() {
    let app = TestApp::spawn().await;
    let c = app.signed_in(Role::Adviser).await;
    let get = |path: &str| {
        let c = c.clone();
        let url = app.url(path);
        async move {
            let r = c.get(url).send().await.unwrap();
            assert_eq!(r.status(), 200);
            r.json::<Value>().await.unwrap()
        }
    };
    let a = get("/api/v1/articles/complaint-reviews?lang=cy").await;
    assert_eq!(a["lang"], "cy");
    assert!(a["html"].as_str().unwrap().contains("<"));
    assert!(!a["related_articles"].as_array().unwrap().is_empty());
    let a = get("/api/v1/articles/complaint-reviews?lang=en").await;
    assert_eq!(a["lang"], "en");

    let deaf = get("/api/v1/agencies?need=deaf").await;
    let ids: Vec<&str> = deaf
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert!(
        ids.contains(&"relay-uk") && ids.contains(&"signvideo"),
        "{ids:?}"
    );
    assert!(!ids.contains(&"action-fraud"));
    let all = get("/api/v1/agencies").await.as_array().unwrap().len();
    let welsh = get("/api/v1/agencies?welsh=true").await;
    let welsh = welsh.as_array().unwrap();
    assert!(!welsh.is_empty() && welsh.len() < all, "the filter filters");
    assert!(welsh.iter().all(|a| a["welsh_service"] == true));
    let scotland = get("/api/v1/agencies?area=scotland").await;
    let scotland = scotland.as_array().unwrap();
    assert!(scotland.iter().any(|a| a["id"] == "pirc-scotland"));
    assert!(
        scotland.iter().all(|a| a["areas"]
            .as_array()
            .unwrap()
            .iter()
            .any(|x| x == "scotland" || x == "uk")),
        "only agencies serving Scotland"
    );
    assert!(
        !scotland
            .iter()
            .any(|a| a["id"] == "public-services-ombudsman-wales")
    );
    let r = c
        .get(app.url("/api/v1/agencies?need=unicorns"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);

    let greeting = get("/api/v1/scripts?stage=greeting&lang=cy").await;
    let greeting = greeting.as_array().unwrap();
    assert!(!greeting.is_empty());
    assert!(
        greeting
            .iter()
            .all(|s| s["stage"] == "greeting" && s["lang"] == "cy")
    );
    let s = get("/api/v1/scripts/identity-check?lang=en").await;
    assert_eq!(s["stage"], "identify");

    // Forces by Welsh or English name, accents ignored.
    let f = get("/api/v1/forces?q=heddlu%20gwent").await;
    assert_eq!(f[0]["id"], "gwent-police");
    let f = get("/api/v1/forces?q=Gwent").await;
    assert_eq!(f.as_array().unwrap().len(), 1);
    let f = get("/api/v1/forces/gwent-police").await;
    assert!(f["local_policing_body"]["cy"].as_str().unwrap().len() > 3);
}

#[tokio::test]
async fn openapi_document_covers_every_api_route() {
    let app = TestApp::spawn().await;
    let c = app.signed_in(Role::Adviser).await;
    let doc: Value = c
        .get(app.url("/api/v1/openapi.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    // Every route and method in the API's route table, however rustfmt
    // wrapped it.
    let routes = include_str!("../src/web/api/mod.rs");
    let mut seen = 0;
    for chunk in routes.split(".route(").skip(1) {
        let path = chunk.split('"').nth(1).unwrap();
        for method in ["get", "post", "patch", "put", "delete"] {
            if chunk.contains(&format!("{method}(")) {
                assert!(
                    doc["paths"][path][method].is_object(),
                    "{method} {path} is documented"
                );
                seen += 1;
            }
        }
    }
    assert!(seen >= 16, "{seen} operations read from the route table");
}

#[tokio::test]
async fn console_pages_render_and_switches_keep_the_page() {
    let app = TestApp::spawn().await;
    let c = app.signed_in(Role::Adviser).await;
    let html = c
        .get(app.url("/console?q=fy+nghwyn&lang=cy"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("<mark>"), "matches are highlighted");
    assert!(html.contains("/console/articles/how-to-complain?in=cy"));
    // The owning team is named in the article's language.
    for (version, team) in [
        ("cy", "Canolfan Gyswllt Cwsmeriaid"),
        ("en", "Customer Contact Centre"),
    ] {
        let page = c
            .get(app.url(&format!("/console/articles/how-to-complain?in={version}")))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(page.contains(team), "{version}: {team}");
    }
    assert!(
        html.contains("name=\"next\" value=\"/console?q=fy+nghwyn\""),
        "switch keeps the query"
    );
    // Switching the interface language keeps the caller's language apart.
    let html = c
        .get(app.url("/console/scripts?stage=greeting&lang=en&caller=cy"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("<html lang=\"en\""));
    assert!(
        html.contains("Caller&#39;s language: Welsh") || html.contains("Caller's language: Welsh")
    );
    assert!(html.contains("lang=\"cy\" class=\"script\""));
    // Nothing found: a suggestion from the index vocabulary.
    let html = c
        .get(app.url("/console/search/results?q=cwym&qlang=cy"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("id=\"suggestion\""), "{html}");
    // Agency page shows unverified details honestly.
    let html = c
        .get(app.url("/console/agencies/citizens-advice"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("agency-not-verified") || html.contains("class=\"warning\""));
}

#[tokio::test]
async fn scripts_have_the_advisers_own_name_in_the_lines_to_say() {
    let app = TestApp::spawn().await;
    let client = app.signed_in(canllaw::auth::Role::Adviser).await;
    let user = app
        .state
        .store
        .user_by_name("adviser-user")
        .await
        .unwrap()
        .unwrap();
    canllaw::auth::set_full_name(&*app.state.store, "test", &user, "Siân <Jones>")
        .await
        .unwrap();
    let html = client
        .get(app.url("/console/scripts?caller=cy&stage=greeting"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    // Escaped (ammonia writes the space as a character reference too).
    let shown = html.replace("&#32;", " ");
    assert!(shown.contains("Siân &lt;Jones&gt; sy'n siarad"), "{html}");
    assert!(!html.contains("[enw]"));
    assert!(!html.contains("<Jones>"), "the name is escaped");
}
