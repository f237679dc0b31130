//! Real-browser tests: Debian's chromium driven through chromedriver
//! (WebDriver, via fantoccini). Nothing is downloaded; `cargo xtask test`
//! installs both packages. A missing browser fails the test with a clear
//! message.

mod common;

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use canllaw::auth::Role;
use common::{TestApp, USER_PASSWORD};
use fantoccini::key::Key;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const CHROMIUM: &str = "/usr/bin/chromium";

/// A chromedriver process, killed when dropped.
struct Driver {
    child: Child,
    url: String,
    _profile: tempfile::TempDir,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

async fn browser() -> (Driver, Client) {
    for path in [CHROMEDRIVER, CHROMIUM] {
        assert!(
            std::path::Path::new(path).exists(),
            "{path} is missing: install Debian's chromium and chromium-driver packages (see .ci/run)"
        );
    }
    let port = free_port();
    let child = Command::new(CHROMEDRIVER)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver starts");
    let driver = Driver {
        child,
        url: format!("http://127.0.0.1:{port}"),
        _profile: tempfile::tempdir().unwrap(),
    };
    let profile = driver._profile.path().display().to_string();
    let caps = json!({
        "goog:chromeOptions": {
            "binary": CHROMIUM,
            "args": [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--window-size=1280,900",
                format!("--user-data-dir={profile}"),
            ]
        }
    });
    let caps = match caps {
        serde_json::Value::Object(m) => m,
        _ => unreachable!(),
    };
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let attempt = ClientBuilder::rustls()
            .expect("TLS setup")
            .capabilities(caps.clone())
            .connect(&driver.url)
            .await;
        match attempt {
            Ok(client) => return (driver, client),
            Err(e) if Instant::now() > deadline => panic!("cannot reach chromedriver: {e}"),
            Err(_) => tokio::time::sleep(Duration::from_millis(200)).await,
        }
    }
}

/// Waits (up to 10 s) until `check` holds.
async fn eventually<F, Fut>(what: &str, mut check: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let deadline = Instant::now() + Duration::from_secs(10);
    while !check().await {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Whether `script` (which returns a boolean) answers true; false while
/// the page is changing.
async fn js_true(c: &Client, script: &str) -> bool {
    c.execute(script, vec![])
        .await
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

/// Does `action`, which loads a new page, and waits until the new page has
/// replaced the old one (so no later look-up finds the old page's elements).
async fn and_load(c: &Client, action: impl std::future::Future<Output = ()>) {
    c.execute("window.__canllawOld = true;", vec![])
        .await
        .unwrap();
    action.await;
    eventually("the next page", || async {
        js_true(
            c,
            "return document.readyState === 'complete' && !window.__canllawOld;",
        )
        .await
    })
    .await;
}

/// Clicks something that loads a new page.
async fn click_and_load(c: &Client, locator: Locator<'_>) {
    and_load(c, async {
        c.find(locator).await.unwrap().click().await.unwrap();
    })
    .await;
}

async fn active_id(c: &Client) -> String {
    c.execute(
        "return document.activeElement.id || document.activeElement.className;",
        vec![],
    )
    .await
    .unwrap()
    .as_str()
    .unwrap_or("")
    .to_string()
}

async fn text_of(c: &Client, css: &str) -> String {
    match c.find(Locator::Css(css)).await {
        Ok(e) => e.text().await.unwrap_or_default(),
        Err(_) => String::new(),
    }
}

async fn log_in(app: &TestApp, c: &Client, name: &str) {
    c.goto(&app.url("/console")).await.unwrap();
    // Not signed in: the console sends us to the login form.
    assert!(
        c.current_url()
            .await
            .unwrap()
            .path()
            .starts_with("/console/login")
    );
    c.find(Locator::Id("name"))
        .await
        .unwrap()
        .send_keys(name)
        .await
        .unwrap();
    c.find(Locator::Id("password"))
        .await
        .unwrap()
        .send_keys(USER_PASSWORD)
        .await
        .unwrap();
    c.find(Locator::Css("form.stack button[type=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    eventually("the search page", || async {
        c.current_url()
            .await
            .map(|u| u.path() == "/console")
            .unwrap_or(false)
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn adviser_searches_in_welsh_as_they_type_and_uses_the_keyboard() {
    let app = TestApp::spawn().await;
    app.add_user("eleri", Role::Adviser).await;
    let (_driver, c) = browser().await;
    log_in(&app, &c, "eleri").await;

    // The search box has the focus on load.
    assert_eq!(active_id(&c).await, "q");

    // Type a Welsh query a letter at a time; results follow the typing.
    let q = c.find(Locator::Id("q")).await.unwrap();
    for (i, ch) in "fy nghwyn".chars().enumerate() {
        q.send_keys(&ch.to_string()).await.unwrap();
        if i == 4 {
            // "fy ng": already results for the unfinished word.
            eventually("results for the first letters", || async {
                c.find(Locator::Css("#hits .hit-link")).await.is_ok()
            })
            .await;
        }
        tokio::time::sleep(Duration::from_millis(40)).await;
    }
    eventually("how-to-complain first for 'fy nghwyn'", || async {
        match c.find(Locator::Css("#hits .hit-link")).await {
            Ok(first) => first
                .attr("href")
                .await
                .ok()
                .flatten()
                .is_some_and(|h| h.starts_with("/console/articles/how-to-complain")),
            Err(_) => false,
        }
    })
    .await;
    assert!(
        c.find(Locator::Css("#hits mark")).await.is_ok(),
        "matches highlighted"
    );
    // The address follows the search, so reload and back keep it.
    assert!(
        c.current_url()
            .await
            .unwrap()
            .query()
            .unwrap_or("")
            .contains("q=fy+nghwyn")
    );

    // ↑ from the box stays there; ↓ moves to the first result, Enter
    // opens it.
    q.send_keys(&Key::Up.to_string()).await.unwrap();
    assert_eq!(active_id(&c).await, "q");
    q.send_keys(&Key::Down.to_string()).await.unwrap();
    assert_eq!(active_id(&c).await, "hit-link");
    c.active_element()
        .await
        .unwrap()
        .send_keys(&Key::Enter.to_string())
        .await
        .unwrap();
    eventually("the article", || async {
        c.current_url()
            .await
            .map(|u| u.path() == "/console/articles/how-to-complain")
            .unwrap_or(false)
    })
    .await;
    let title = text_of(&c, "h1").await;
    assert!(title.contains("cwyn"), "Welsh version opened: {title}");
    // Back: the query is there, with the caret after it.
    c.back().await.unwrap();
    eventually("the search page again, caret at the end", || async {
        js_true(
            &c,
            "var q = document.getElementById('q');
             return q !== null && document.activeElement === q &&
                    q.value.length > 0 && q.selectionStart === q.value.length;",
        )
        .await
    })
    .await;
    c.forward().await.unwrap();
    eventually("the article again", || async {
        c.current_url()
            .await
            .map(|u| u.path() == "/console/articles/how-to-complain")
            .unwrap_or(false)
    })
    .await;

    // Switching the interface language keeps the page.
    let before = text_of(&c, ".crumbs a").await;
    c.find(Locator::Id("switch-ui"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    eventually("the English interface", || async {
        let lang = c
            .execute("return document.documentElement.lang;", vec![])
            .await
            .ok();
        lang.and_then(|v| v.as_str().map(str::to_owned)).as_deref() == Some("en")
    })
    .await;
    assert_eq!(
        c.current_url().await.unwrap().path(),
        "/console/articles/how-to-complain"
    );
    let after = text_of(&c, ".crumbs a").await;
    assert_ne!(before, after, "the interface changed language");
    assert_eq!(after, "Back to search");
    // The article itself stays in the caller's language (Welsh here).
    assert!(text_of(&c, "h1").await.contains("cwyn"));

    // Back on the search page: "/" returns to the box, Esc clears it.
    c.goto(&app.url("/console?q=adolygiad")).await.unwrap();
    c.execute("document.activeElement.blur();", vec![])
        .await
        .unwrap();
    c.find(Locator::Css("body"))
        .await
        .unwrap()
        .send_keys("/")
        .await
        .unwrap();
    assert_eq!(active_id(&c).await, "q");
    c.active_element()
        .await
        .unwrap()
        .send_keys(&Key::Escape.to_string())
        .await
        .unwrap();
    eventually("an empty search", || async {
        c.find(Locator::Css("#hits")).await.is_err()
    })
    .await;
    let value = c
        .find(Locator::Id("q"))
        .await
        .unwrap()
        .prop("value")
        .await
        .unwrap();
    assert_eq!(value.as_deref(), Some(""));

    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn console_works_without_javascript() {
    let app = TestApp::spawn().await;
    app.add_user("gwyn", Role::Adviser).await;
    let (driver, _) = browser().await;
    // A second session with JavaScript off.
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        json!({
            "binary": CHROMIUM,
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--disable-background-networking", "--disable-component-update",
                     "--disable-sync", "--no-first-run"],
            "prefs": { "profile.managed_default_content_settings.javascript": 2 }
        }),
    );
    let c = ClientBuilder::rustls()
        .unwrap()
        .capabilities(caps)
        .connect(&driver.url)
        .await
        .expect("second session");
    log_in(&app, &c, "gwyn").await;
    let q = c.find(Locator::Id("q")).await.unwrap();
    q.send_keys("apêl hwyr").await.unwrap();
    // Without the script its keys do nothing: `/` typed in the page does
    // not jump to the search box (a WebDriver command, not a script).
    q.send_keys(&Key::Tab.to_string()).await.unwrap();
    let away = c.active_element().await.unwrap();
    assert_ne!(away.attr("id").await.unwrap().as_deref(), Some("q"));
    away.send_keys("/").await.unwrap();
    let active = c.active_element().await.unwrap();
    assert_ne!(
        active.attr("id").await.unwrap().as_deref(),
        Some("q"),
        "JavaScript is off"
    );
    assert!(
        c.find(Locator::Css("#hits")).await.is_err(),
        "no results while typing"
    );
    // …and the plain form still searches.
    q.send_keys(&Key::Enter.to_string()).await.unwrap();
    eventually("results from the plain form", || async {
        c.find(Locator::Css("#hits .hit-link")).await.is_ok()
    })
    .await;
    assert!(
        c.current_url()
            .await
            .unwrap()
            .query()
            .unwrap_or("")
            .contains("q=ap")
    );
    c.close().await.unwrap();
}

/// axe-core, installed by `cargo xtask setup` (`npm ci` in `tests/a11y`).
fn axe_source() -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/a11y/node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "{} is missing: run `npm ci` in tests/a11y (see .ci/run)",
            path.display()
        )
    })
}

/// WCAG 2.2 A and AA violations axe finds on the current page.
async fn violations(c: &Client, axe: &str) -> Vec<String> {
    c.execute(axe, vec![]).await.expect("axe loads");
    let script = r#"
        const done = arguments[arguments.length - 1];
        axe.run(document, { runOnly: { type: 'tag',
            values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })
          .then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' +
              v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))))
          .catch(e => done(['axe failed: ' + e]));
    "#;
    let result = c.execute_async(script, vec![]).await.expect("axe runs");
    serde_json::from_value(result).expect("axe answers with a list of violations")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_meet_wcag_2_2_aa_in_both_languages() {
    let axe = axe_source();
    let app = TestApp::spawn().await;
    app.add_user("bethan", Role::Admin).await;
    let (_driver, c) = browser().await;
    let mut found = Vec::new();
    for lang in ["cy", "en"] {
        c.goto(&app.url(&format!("/console/login?lang={lang}")))
            .await
            .unwrap();
        for v in violations(&c, &axe).await {
            found.push(format!("/console/login [{lang}] {v}"));
        }
    }
    log_in(&app, &c, "bethan").await;
    // A logged problem with a decision and a change, so its page shows the
    // follow-up.
    let bethan = app
        .state
        .store
        .user_by_name("bethan")
        .await
        .unwrap()
        .unwrap();
    let today = canllaw::i18n::uk_today();
    let problem = canllaw::problems::open(
        &*app.state.store,
        &bethan,
        "Callers chasing case updates",
        canllaw::problems::Source::Intent {
            id: "case-update".into(),
        },
        today,
    )
    .await
    .unwrap();
    canllaw::problems::save(
        &*app.state.store,
        &bethan,
        problem.id,
        problem.version,
        canllaw::problems::Edit {
            title: "Callers chasing case updates".into(),
            options: vec![canllaw::problems::ProblemOption {
                text: "Text updates".into(),
                pros: "Fewer calls".into(),
                cons: "Cost".into(),
            }],
            chosen: Some(0),
            approved_by: "Head of contact centre".into(),
            change: "Text updates started".into(),
            changed_on: Some(today),
            ..Default::default()
        },
        today,
    )
    .await
    .unwrap();
    // A contact with advice on it, so its page shows every part.
    c.goto(&app.url("/console/contacts/new")).await.unwrap();
    click_and_load(&c, Locator::Id("start-contact")).await;
    let turn = c.wait().for_element(Locator::Id("turn")).await.unwrap();
    turn.send_keys("Dw i'n fyddar ac eisiau gwneud cwyn, dw i eisiau rhoi diwedd ar y cyfan")
        .await
        .unwrap();
    // Sent without leaving the page.
    c.find(Locator::Id("add-turn"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    redrawn(&c).await;
    c.wait().for_element(Locator::Id("urgent")).await.unwrap();
    let pages = [
        "/console",
        "/console?q=fy+nghwyn",
        "/console?q=cwym",
        "/console/articles/how-to-complain",
        "/console/articles/report-line",
        "/console/agencies?need=deaf",
        "/console/agencies/relay-uk",
        "/console/agencies/citizens-advice",
        "/console/scripts",
        "/console/admin/users",
        "/console/account",
        "/console/account?changed=1",
        "/console/contacts/new",
        "/console/contacts",
        "/console/contacts/1",
        "/console/contacts/1?q=cwyn#p-search",
        "/console/contacts/1#p-checklist",
        "/console/contacts/1#p-needs",
        "/console/contacts/1#p-details",
        "/console/contacts/1#p-letters",
        "/console/contacts/1#record",
        "/console/contacts/1/letter?template=out-of-time-review-not-accepted&force=gwent-police&outcome_date=2026-03-03&request_date=2026-04-07&reasons=ysbyty",
        "/console/editor",
        "/console/editor?translation=1&status=published",
        "/console/editor/item?path=articles/review-time-limit.cy.md",
        "/console/editor/item?path=agencies/samaritans.toml",
        "/console/editor/item?path=templates/complaint-acknowledgement.cy.ftl",
        "/console/editor/history?path=articles/review-time-limit.cy.md",
        "/console/editor/diff?path=agencies/samaritans.toml&from=0&to=1",
        "/console/editor/health",
        "/console/editor/new",
        "/console/editor/audit",
        "/console/dashboard",
        "/console/problems",
        "/console/problems/1",
        "/console/retention",
        "/no-such-page",
    ];
    for lang in ["cy", "en"] {
        for page in pages {
            let (path, fragment) = page.split_once('#').unwrap_or((page, ""));
            let sep = if path.contains('?') { '&' } else { '?' };
            let hash = if fragment.is_empty() {
                String::new()
            } else {
                format!("#{fragment}")
            };
            c.goto(&app.url(&format!("{path}{sep}lang={lang}{hash}")))
                .await
                .unwrap();
            for v in violations(&c, &axe).await {
                found.push(format!("{page} [{lang}] {v}"));
            }
        }
    }
    assert!(
        found.is_empty(),
        "accessibility violations:\n{}",
        found.join("\n")
    );
    // The check itself works: an image without a text alternative is caught.
    c.execute(
        "document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"data:,\">');",
        vec![],
    )
    .await
    .unwrap();
    let caught = violations(&c, &axe).await;
    assert!(
        caught.iter().any(|v| v.starts_with("image-alt")),
        "{caught:?}"
    );
    c.close().await.unwrap();
}

/// Sets the page's viewport (not the window) to 1366×900, the screen the
/// contact page is designed for.
async fn viewport_1366x900(c: &Client) {
    for _ in 0..3 {
        let inner = c
            .execute("return [window.innerWidth, window.innerHeight];", vec![])
            .await
            .unwrap();
        let (w, h) = (inner[0].as_u64().unwrap(), inner[1].as_u64().unwrap());
        if (w, h) == (1366, 900) {
            return;
        }
        let (ow, oh) = c.get_window_size().await.unwrap();
        c.set_window_size(
            (ow as i64 + 1366 - w as i64) as u32,
            (oh as i64 + 900 - h as i64) as u32,
        )
        .await
        .unwrap();
    }
    panic!("could not make the viewport 1366×900");
}

/// Whether the element with `id` lies wholly inside the first screen.
async fn in_first_screen(c: &Client, id: &str) -> bool {
    c.execute(
        "var r = document.getElementById(arguments[0]).getBoundingClientRect();
         return window.scrollY === 0 && r.top >= 0 && r.bottom <= window.innerHeight;",
        vec![json!(id)],
    )
    .await
    .unwrap()
    .as_bool()
    .unwrap_or(false)
}

/// Waits until the workspace has been redrawn after an action sent
/// without leaving the page (nothing is marked busy any more).
async fn redrawn(c: &Client) {
    eventually("the workspace to be redrawn", || async {
        js_true(
            c,
            "return document.getElementById('workspace') !== null &&
                    document.querySelector('#workspace [aria-busy=true]') === null;",
        )
        .await
    })
    .await;
}

/// Presses Enter on an element (a link or button), as a keyboard user does.
async fn press(c: &Client, css: &str) {
    c.find(Locator::Css(css))
        .await
        .unwrap_or_else(|_| panic!("{css} is on the page"))
        .send_keys(&Key::Enter.to_string())
        .await
        .unwrap();
}

/// Presses Enter on something that loads a new page.
async fn press_and_load(c: &Client, css: &str) {
    and_load(c, press(c, css)).await;
}

/// Saves a screenshot of the first screen under `target/screenshots/`, for
/// people to review (not committed).
async fn screenshot(c: &Client, name: &str) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    let png = c.screenshot().await.unwrap();
    std::fs::write(dir.join(format!("{name}.png")), png).unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_whole_contact_in_welsh_by_keyboard_from_greeting_to_record() {
    let app = TestApp::spawn().await;
    app.add_user("siwan", Role::Adviser).await;
    let siwan = app
        .state
        .store
        .user_by_name("siwan")
        .await
        .unwrap()
        .unwrap();
    canllaw::auth::set_full_name(&*app.state.store, "test", &siwan, "Siwan Prys")
        .await
        .unwrap();
    let (_driver, c) = browser().await;
    log_in(&app, &c, "siwan").await;
    viewport_1366x900(&c).await;

    // Start: the caller chose Welsh (the default), by phone, a member of
    // the public.
    press_and_load(&c, "a[href='/console/contacts/new']").await;
    press_and_load(&c, "#start-contact").await;
    assert!(
        c.current_url()
            .await
            .unwrap()
            .path()
            .starts_with("/console/contacts/")
    );
    // The conversation box has the focus and is on the first screen, under
    // the stage's line to say, in Welsh, with the adviser's name in it.
    assert_eq!(active_id(&c).await, "turn");
    assert!(
        in_first_screen(&c, "turn").await,
        "the conversation box is on the first screen"
    );
    let line = c.find(Locator::Id("stage-line")).await.unwrap();
    assert_eq!(line.attr("lang").await.unwrap().as_deref(), Some("cy"));
    assert!(line.text().await.unwrap().contains("Siwan Prys"));
    // Only the greeting's own scripts: no whistleblowing opening on a call
    // from the public.
    assert!(
        c.find(Locator::Css("a[href*='whistleblowing-opening']"))
            .await
            .is_err()
    );

    // The conversation: a deaf caller who wants to complain about Heddlu
    // Gwent. Enter sends each turn; the box is cleared and keeps the focus.
    for said in [
        "Dw i'n fyddar, dw i'n ffonio drwy Relay UK",
        "Dw i eisiau gwneud cwyn am swyddog o Heddlu Gwent",
    ] {
        let turn = c.find(Locator::Id("turn")).await.unwrap();
        turn.send_keys(said).await.unwrap();
        turn.send_keys(&Key::Enter.to_string()).await.unwrap();
        redrawn(&c).await;
        eventually("the box to be cleared", || async {
            c.find(Locator::Id("turn"))
                .await
                .unwrap()
                .prop("value")
                .await
                .unwrap()
                .unwrap_or_default()
                .is_empty()
        })
        .await;
        assert_eq!(
            active_id(&c).await,
            "turn",
            "the focus is back after '{said}'"
        );
        assert!(in_first_screen(&c, "turn").await);
    }
    screenshot(&c, "contact-first-screen-cy").await;
    let heard = text_of(&c, "#recognised").await;
    assert!(heard.contains("Cwyn"), "{heard}");
    assert!(text_of(&c, "#force").await.contains("Heddlu Gwent"));
    c.find(Locator::Css(
        "#guidance a[href^='/console/articles/how-to-complain']",
    ))
    .await
    .expect("the complaint guidance is suggested");
    // At most three steps and three agencies at first, none for Scotland
    // or Northern Ireland; the rest behind "more".
    let shown = |css: &'static str| {
        let c = c.clone();
        async move {
            c.execute(
                "return Array.prototype.filter.call(document.querySelectorAll(arguments[0]),
                   function (e) { return e.checkVisibility(); }).length;",
                vec![json!(css)],
            )
            .await
            .unwrap()
            .as_u64()
            .unwrap()
        }
    };
    assert!((1..=3).contains(&shown("#steps > li").await));
    assert!((1..=3).contains(&shown(".agency-cards > li").await));
    for outside in ["pirc-scotland", "police-ombudsman-northern-ireland"] {
        assert!(
            c.find(Locator::Id(&format!("agency-{outside}")))
                .await
                .is_err()
        );
    }

    // One keypress refers the caller to Relay UK.
    press(&c, "#refer-relay-uk").await;
    redrawn(&c).await;
    c.wait()
        .for_element(Locator::Id("referred-relay-uk"))
        .await
        .unwrap();

    // Needs: the caller agrees to the adjustment (saved as it is ticked)
    // and asked for letters in Welsh, which the adviser adds.
    press(&c, "a[href='#p-needs']").await;
    let confirm = c
        .wait()
        .for_element(Locator::Id("confirm-deaf-or-hard-of-hearing"))
        .await
        .unwrap();
    confirm.send_keys(" ").await.unwrap();
    redrawn(&c).await;
    let welsh = c
        .find(Locator::Css(
            "#add-need option[value=welsh-language-preference]",
        ))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    c.find(Locator::Id("add-need"))
        .await
        .unwrap()
        .send_keys(&welsh)
        .await
        .unwrap();
    press(&c, "#save-choices").await;
    redrawn(&c).await;
    eventually("the need to be saved", || async {
        c.find(Locator::Id("confirm-welsh-language-preference"))
            .await
            .is_ok()
    })
    .await;
    let confirmed = c
        .find(Locator::Id("confirm-deaf-or-hard-of-hearing"))
        .await
        .unwrap();
    assert_eq!(
        confirmed.prop("checked").await.unwrap().as_deref(),
        Some("true")
    );

    // Move on stage by stage to "next steps"; each is ticked as it is left.
    for _ in 0..5 {
        let before = text_of(&c, "#current-stage").await;
        press(&c, "#next-stage").await;
        redrawn(&c).await;
        eventually("the next stage", || async {
            text_of(&c, "#current-stage").await != before
        })
        .await;
    }
    assert!(
        text_of(&c, "#current-stage")
            .await
            .contains("Cytuno ar y camau nesaf")
    );

    // The letter: the force heard in the call is already on it, and it is
    // signed with the adviser's full name.
    let contact_path = c.current_url().await.unwrap().path().to_string();
    press(&c, "a[href='#p-letters']").await;
    press_and_load(&c, "#write-letter").await;
    c.wait()
        .for_element(Locator::Id("letter-form"))
        .await
        .unwrap();
    // Chosen by typing, as a keyboard user picks from a list.
    let forwarded = c
        .find(Locator::Css(
            "#template option[value=direct-complaint-forwarded]",
        ))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    c.find(Locator::Id("template"))
        .await
        .unwrap()
        .send_keys(&forwarded)
        .await
        .unwrap();
    press_and_load(&c, "#preview-letter").await;
    assert_eq!(
        c.find(Locator::Id("template"))
            .await
            .unwrap()
            .prop("value")
            .await
            .unwrap()
            .as_deref(),
        Some("direct-complaint-forwarded")
    );
    for (field, value) in [
        ("v_recipient_name", "Ceri Jones"),
        ("v_recipient_address", "1 Stryd y Bont, Casnewydd"),
        ("v_reference", "CC-2026-0042"),
        ("v_contact_phone", "0300 020 0096"),
    ] {
        if let Ok(input) = c.find(Locator::Id(field)).await {
            input.clear().await.unwrap();
            input.send_keys(value).await.unwrap();
        }
    }
    // A date input (typed as the browser's locale shows dates).
    let date = c.find(Locator::Id("v_complaint_date")).await.unwrap();
    assert_eq!(date.attr("type").await.unwrap().as_deref(), Some("date"));
    c.execute(
        "document.getElementById('v_complaint_date').value = '2026-11-23';",
        vec![],
    )
    .await
    .unwrap();
    press_and_load(&c, "#preview-letter").await;
    let body = c.wait().for_element(Locator::Id("body")).await.unwrap();
    let text = body.prop("value").await.unwrap().unwrap_or_default();
    // The force heard, the adviser's full name, and dates in Welsh.
    for wanted in [
        "Heddlu Gwent",
        "Ceri Jones",
        "Siwan Prys",
        "23 Tachwedd 2026",
    ] {
        assert!(text.contains(wanted), "{wanted} in {text}");
    }
    body.send_keys("\nP.S. Rydyn ni wedi nodi eich bod yn defnyddio Relay UK.")
        .await
        .unwrap();
    press_and_load(&c, "#save-letter").await;
    assert_eq!(c.current_url().await.unwrap().path(), contact_path);
    press(&c, "a[href='#p-letters']").await;
    let saved = c
        .wait()
        .for_element(Locator::Id("saved-letters"))
        .await
        .unwrap();
    assert!(!saved.text().await.unwrap().is_empty());

    // Close: referred, with an action and a satisfaction score.
    press(&c, "a[href='#record']").await;
    let outcome = c.wait().for_element(Locator::Id("outcome")).await.unwrap();
    let referred = c
        .find(Locator::Css("#outcome option[value=referred]"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    outcome.send_keys(&referred).await.unwrap();
    c.find(Locator::Id("action"))
        .await
        .unwrap()
        .send_keys("Anfon llythyr cydnabod")
        .await
        .unwrap();
    c.find(Locator::Id("owner"))
        .await
        .unwrap()
        .send_keys("Siwan")
        .await
        .unwrap();
    c.execute(
        "document.getElementById('due').value = '2026-11-30';",
        vec![],
    )
    .await
    .unwrap();
    c.find(Locator::Id("score-q1"))
        .await
        .unwrap()
        .send_keys("5")
        .await
        .unwrap();
    press_and_load(&c, "#end-contact").await;
    c.wait().for_element(Locator::Id("closed")).await.unwrap();
    assert!(text_of(&c, "#outcome").await.contains("atgyfeirio"));
    // A closed contact shows everything recorded.
    let recorded = text_of(&c, "#record").await;
    assert!(recorded.contains("Relay UK"), "{recorded}");
    assert!(recorded.contains("Byddar"), "{recorded}");
    // Post-contact work is done after the call.
    press_and_load(&c, "#done-action-0").await;
    press(&c, "a[href='#record']").await;
    c.wait().for_element(Locator::Id("actions")).await.unwrap();
    assert!(c.find(Locator::Id("done-action-0")).await.is_err());

    // The saved record.
    let id: i64 = contact_path.rsplit('/').next().unwrap().parse().unwrap();
    let record = app.state.store.contact(id).await.unwrap().unwrap();
    assert_eq!(record.outcome.map(|o| o.as_str()), Some("referred"));
    assert!(
        record
            .adjustments
            .iter()
            .any(|a| a.id == "deaf-or-hard-of-hearing" && a.confirmed)
    );
    assert!(
        record
            .adjustments
            .iter()
            .any(|a| a.id == "welsh-language-preference" && a.confirmed)
    );
    assert_eq!(record.referrals, ["relay-uk"]);
    assert_eq!(record.force(), Some("gwent-police"));
    assert_eq!(record.actions[0].owner, "Siwan");
    assert!(record.actions[0].done_on.is_some());
    assert_eq!(record.satisfaction[0].score, Some(5));
    assert_eq!(record.letters.len(), 1);
    assert!(
        record.letters[0].body.contains("Relay UK"),
        "the edit was kept"
    );
    assert_eq!(record.letters[0].lang, canllaw::lang::Lang::Cy);
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn search_and_ticks_keep_the_contact_and_plain_forms_work_too() {
    let app = TestApp::spawn().await;
    app.add_user("huw", Role::Adviser).await;
    let (_driver, c) = browser().await;
    log_in(&app, &c, "huw").await;
    viewport_1366x900(&c).await;
    c.goto(&app.url("/console/contacts/new?lang=en"))
        .await
        .unwrap();
    c.find(Locator::Id("lang-en"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    click_and_load(&c, Locator::Id("start-contact")).await;
    let contact_path = c.current_url().await.unwrap().path().to_string();
    // "/" opens the contact's own search panel; typing finds guidance
    // without leaving the contact.
    c.execute("document.activeElement.blur();", vec![])
        .await
        .unwrap();
    c.active_element()
        .await
        .unwrap()
        .send_keys("/")
        .await
        .unwrap();
    eventually("the search box to have the focus", || async {
        active_id(&c).await == "q"
    })
    .await;
    assert!(c.current_url().await.unwrap().fragment() == Some("p-search"));
    c.find(Locator::Id("q"))
        .await
        .unwrap()
        .send_keys("review deadline")
        .await
        .unwrap();
    c.wait()
        .for_element(Locator::Css("#results a.hit-link"))
        .await
        .unwrap();
    assert_eq!(c.current_url().await.unwrap().path(), contact_path);
    // Ticks are saved as they change: leaving at once loses nothing.
    press(&c, "a[href='#p-checklist']").await;
    c.wait()
        .for_element(Locator::Id("done-greeting"))
        .await
        .unwrap()
        .send_keys(" ")
        .await
        .unwrap();
    redrawn(&c).await;
    c.goto(&app.url("/console")).await.unwrap();
    // Every console page leads back to the contact in progress.
    let banner = c
        .wait()
        .for_element(Locator::Css("#in-progress a"))
        .await
        .unwrap();
    assert_eq!(
        banner.attr("href").await.unwrap().as_deref(),
        Some(contact_path.as_str())
    );
    let id: i64 = contact_path.rsplit('/').next().unwrap().parse().unwrap();
    let record = app.state.store.contact(id).await.unwrap().unwrap();
    assert_eq!(record.stages_done.len(), 1);

    // With the enhancement taken off, as without JavaScript, the plain
    // forms do the same and the page comes back with the focus in the box.
    c.goto(&app.url(&format!("{contact_path}?q=review+deadline")))
        .await
        .unwrap();
    c.execute(
        "document.querySelectorAll('[data-enhance]').forEach(function (f) { f.removeAttribute('data-enhance'); });",
        vec![],
    )
    .await
    .unwrap();
    let turn = c.find(Locator::Id("turn")).await.unwrap();
    turn.send_keys("I want to complain about Dyfed-Powys Police")
        .await
        .unwrap();
    click_and_load(&c, Locator::Id("add-turn")).await;
    assert_eq!(active_id(&c).await, "turn");
    assert!(text_of(&c, "#force").await.contains("Dyfed-Powys"));
    assert!(in_first_screen(&c, "turn").await);
    screenshot(&c, "contact-first-screen-en").await;
    // The list of contacts has it.
    c.goto(&app.url("/console/contacts?status=open"))
        .await
        .unwrap();
    c.find(Locator::Css(&format!("#contacts a[href='{contact_path}']")))
        .await
        .expect("the open contact is listed");
    c.close().await.unwrap();
}

// ---- The public site ---------------------------------------------------------

/// Presses Tab (up to 60 times) until the element with `id` has the focus:
/// what a keyboard user does to reach it.
async fn tab_to(c: &Client, id: &str) {
    for _ in 0..60 {
        if active_id(c).await == id {
            return;
        }
        c.active_element()
            .await
            .unwrap()
            .send_keys(&Key::Tab.to_string())
            .await
            .unwrap();
    }
    panic!(
        "Tab never reached #{id} on {}",
        c.current_url().await.unwrap()
    );
}

/// Presses `key` on whatever has the focus.
async fn key(c: &Client, key: Key) {
    c.active_element()
        .await
        .unwrap()
        .send_keys(&key.to_string())
        .await
        .unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn public_pages_meet_wcag_2_2_aa_and_hold_at_200_percent_text() {
    let axe = axe_source();
    let app = TestApp::spawn().await;
    let (_driver, c) = browser().await;
    let today = canllaw::i18n::uk_today();
    let recent = today - chrono::Days::new(5);
    let review = {
        use chrono::Datelike;
        format!(
            "day={}&month={}&year={}",
            recent.day(),
            recent.month(),
            recent.year()
        )
    };
    let pages = [
        ("/", "/"),
        ("/cy", "/en"),
        ("/cy/chwilio?q=adolygiad", "/en/search?q=review"),
        ("/cy/chwilio?q=zzxqv", "/en/search?q=zzxqv"),
        (
            "/cy/erthyglau/complaint-reviews",
            "/en/articles/complaint-reviews",
        ),
        (
            "/cy/pwy-arall-all-helpu?need=deaf",
            "/en/who-else-can-help?need=deaf",
        ),
        ("/cy/terfyn-amser-adolygiad", "/en/review-deadline"),
        (
            &format!("/cy/terfyn-amser-adolygiad?{review}"),
            &format!("/en/review-deadline?{review}"),
        ),
        (
            "/cy/terfyn-amser-adolygiad?day=31&month=2&year=2026",
            "/en/review-deadline?day=31&month=2&year=2026",
        ),
        (
            "/cy/canllaw/can-i-ask-for-a-review",
            "/en/guide/can-i-ask-for-a-review",
        ),
        (
            "/cy/canllaw/can-i-ask-for-a-review/cwestiwn?a=0",
            "/en/guide/can-i-ask-for-a-review/question?a=0",
        ),
        (
            "/cy/canllaw/can-i-ask-for-a-review/cwestiwn?a=0&sent=1",
            "/en/guide/can-i-ask-for-a-review/question?a=0&sent=1",
        ),
        (
            "/cy/canllaw/can-i-ask-for-a-review/gwirio-atebion?a=0.1.1.1",
            "/en/guide/can-i-ask-for-a-review/check-answers?a=0.1.1.1",
        ),
        (
            "/cy/canllaw/can-i-ask-for-a-review/canlyniad?a=0.1.1.1",
            "/en/guide/can-i-ask-for-a-review/result?a=0.1.1.1",
        ),
        ("/cy/dim-tudalen", "/en/no-page"),
    ];
    let mut found = Vec::new();
    for (cy, en) in pages {
        for page in [cy, en] {
            c.goto(&app.url(page)).await.unwrap();
            for v in violations(&c, &axe).await {
                found.push(format!("{page} {v}"));
            }
            // Text at 200% reflows: nothing runs off the side at 1280 px.
            let fits = js_true(
                &c,
                "document.documentElement.style.fontSize = '200%';
                 const ok = document.documentElement.scrollWidth <= window.innerWidth;
                 document.documentElement.style.fontSize = '';
                 return ok;",
            )
            .await;
            if !fits {
                found.push(format!("{page}: text at 200% runs off the page"));
            }
        }
    }
    assert!(found.is_empty(), "public pages:\n{}", found.join("\n"));
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_welsh_reader_finds_how_to_ask_for_a_review_by_keyboard() {
    let app = TestApp::spawn().await;
    let (_driver, c) = browser().await;
    viewport_1366x900(&c).await;
    // From the README's address, in Welsh, and only the keyboard from here.
    c.goto(&app.url("/")).await.unwrap();
    assert!(js_true(&c, "return document.documentElement.lang === 'cy';").await);
    screenshot(&c, "public-home-cy").await;
    tab_to(&c, "guide-can-i-ask-for-a-review").await;
    and_load(&c, key(&c, Key::Enter)).await;
    tab_to(&c, "flow-start").await;
    and_load(&c, key(&c, Key::Enter)).await;
    // Continue with nothing chosen: the error says what to do, in Welsh.
    tab_to(&c, "continue").await;
    and_load(&c, key(&c, Key::Enter)).await;
    assert!(
        text_of(&c, "#error-summary")
            .await
            .contains("Dewiswch un ateb")
    );
    // I have had the outcome (Ydw); complained after 2020 (Naddo); the force
    // investigated, not the IOPC (Naddo); within 28 days; then the first
    // answer of whatever follows, until the answers are checked.
    let mut chosen = 0;
    for pick in [0usize, 1, 1, 0, 0, 0, 0, 0, 0, 0] {
        if !c.current_url().await.unwrap().path().ends_with("/cwestiwn") {
            break;
        }
        tab_to(&c, "choice-0").await;
        if pick == 0 {
            key(&c, Key::Space).await;
        }
        for _ in 0..pick {
            key(&c, Key::Down).await;
        }
        tab_to(&c, "continue").await;
        and_load(&c, key(&c, Key::Enter)).await;
        chosen += 1;
    }
    assert!(
        c.current_url()
            .await
            .unwrap()
            .path()
            .ends_with("/gwirio-atebion"),
        "after {chosen} answers: {}",
        c.current_url().await.unwrap()
    );
    assert!(text_of(&c, "#answers").await.contains("Naddo"));
    // Back goes to the last question with its answers kept; forward again.
    tab_to(&c, "back").await;
    and_load(&c, key(&c, Key::Enter)).await;
    assert!(c.current_url().await.unwrap().path().ends_with("/cwestiwn"));
    tab_to(&c, "choice-0").await;
    key(&c, Key::Space).await;
    tab_to(&c, "continue").await;
    and_load(&c, key(&c, Key::Enter)).await;
    tab_to(&c, "see-result").await;
    and_load(&c, key(&c, Key::Enter)).await;
    let outcome = text_of(&c, "#outcome").await;
    assert!(outcome.contains("adolygiad"), "{outcome}");
    assert!(!text_of(&c, "#outcome-articles").await.is_empty());
    screenshot(&c, "public-flow-result-cy").await;
    // Am I still in time? The date from the letter, by keyboard.
    c.goto(&app.url("/cy")).await.unwrap();
    tab_to(&c, "task-review").await;
    and_load(&c, key(&c, Key::Enter)).await;
    let letter = canllaw::i18n::uk_today() - chrono::Days::new(10);
    use chrono::Datelike;
    for (id, value) in [
        ("day", letter.day().to_string()),
        ("month", letter.month().to_string()),
        ("year", letter.year().to_string()),
    ] {
        tab_to(&c, id).await;
        c.active_element()
            .await
            .unwrap()
            .send_keys(&value)
            .await
            .unwrap();
    }
    and_load(&c, key(&c, Key::Enter)).await;
    let answer = text_of(&c, "#answer").await;
    assert!(answer.contains("Rydych chi'n dal mewn pryd"), "{answer}");
    assert!(answer.contains("18 diwrnod ar ôl"), "{answer}");
    // Who else can help, in Welsh.
    tab_to(&c, "nav-agencies").await;
    and_load(&c, key(&c, Key::Enter)).await;
    assert!(text_of(&c, "h1").await.contains("Pwy arall all helpu"));
    // A search, for the reviewers' screenshot.
    c.goto(&app.url("/cy/chwilio?q=sut+i+ofyn+am+adolygiad"))
        .await
        .unwrap();
    assert!(!text_of(&c, "#results").await.is_empty());
    screenshot(&c, "public-search-cy").await;
    c.close().await.unwrap();
}

/// Signs out with the button in the page frame.
async fn log_out(c: &Client) {
    click_and_load(c, Locator::Css("form.logout button")).await;
}

/// The done-means of the editors' workflow, in Welsh, in the browser: an
/// editor changes the Welsh text of `review-time-limit` (the preview follows
/// her typing), the English is flagged, a second editor approves and
/// publishes, and an adviser finds the new wording by search at once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_welsh_an_editor_changes_an_article_another_publishes_and_an_adviser_finds_it() {
    let app = TestApp::spawn().await;
    for (name, role) in [
        ("gwen", Role::Editor),
        ("huw", Role::Editor),
        ("eleri", Role::Adviser),
    ] {
        app.add_user(name, role).await;
    }
    let (_driver, c) = browser().await;
    viewport_1366x900(&c).await;
    let item = app.url("/console/editor/item?path=articles/review-time-limit.cy.md&lang=cy");

    log_in(&app, &c, "gwen").await;
    c.goto(&item).await.unwrap();
    assert!(text_of(&c, "h1").await.contains("28 diwrnod"));
    let body = c
        .find(Locator::Css("section[data-lang=cy] textarea[name=body]"))
        .await
        .unwrap();
    body.click().await.unwrap();
    c.execute(
        "var t = document.querySelector('section[data-lang=cy] textarea[name=body]');
         t.setSelectionRange(t.value.length, t.value.length);",
        vec![],
    )
    .await
    .unwrap();
    body.send_keys("\nMae'r broses yn dawel a thangnefeddus.")
        .await
        .unwrap();
    // The preview follows the typing, rendered by the server.
    eventually("the preview to show the new words", || async {
        text_of(&c, "section[data-lang=cy] .preview")
            .await
            .contains("thangnefeddus")
    })
    .await;
    screenshot(&c, "editor-item-cy").await;
    click_and_load(
        &c,
        Locator::Css("section[data-lang=cy] button[value=submit]"),
    )
    .await;
    assert!(text_of(&c, ".notice").await.contains("anfon i'w adolygu"));
    // Her own change: she cannot approve it.
    assert!(
        c.find(Locator::Css("section[data-lang=cy] .review form"))
            .await
            .is_err()
    );
    log_out(&c).await;

    log_in(&app, &c, "huw").await;
    c.goto(&item).await.unwrap();
    click_and_load(&c, Locator::Css("section[data-lang=cy] .review button")).await;
    // Publishing leaves the English out of date: he is asked, in Welsh.
    assert!(
        text_of(&c, ".confirm-publish")
            .await
            .contains("heb eu diweddaru")
    );
    c.find(Locator::Css(".confirm-publish input[name=confirm_stale]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    click_and_load(&c, Locator::Css(".confirm-publish button")).await;
    assert!(text_of(&c, ".notice").await.contains("Wedi'i gyhoeddi"));
    assert!(
        text_of(&c, "section[data-lang=en] .stale-note")
            .await
            .contains("angen ei ddiweddaru")
    );
    screenshot(&c, "editor-published-cy").await;
    log_out(&c).await;

    // The adviser's search finds the new wording, without a restart.
    log_in(&app, &c, "eleri").await;
    c.find(Locator::Id("q"))
        .await
        .unwrap()
        .send_keys("tangnefeddus")
        .await
        .unwrap();
    eventually("the article among the results", || async {
        js_true(
            &c,
            "return !!document.querySelector('#results a[href*=\"review-time-limit\"]');",
        )
        .await
    })
    .await;
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_manager_reads_the_figures_in_welsh_as_accessible_charts() {
    let axe = axe_source();
    let app = TestApp::spawn().await;
    app.add_user("mair", Role::Manager).await;
    let manager = app.state.store.user_by_name("mair").await.unwrap().unwrap();
    let plan = canllaw::contacts::demo::DemoPlan {
        contacts: 2_000,
        days: 28,
        today: canllaw::i18n::uk_today(),
        seed: 5,
        advisers: vec![(manager.id, "Mair Evans".into())],
        matter: Some(canllaw::contacts::demo::DemoMatter::for_today(
            canllaw::i18n::uk_today(),
        )),
    };
    let records = canllaw::contacts::demo::generate(&app.state.published().kb, &plan);
    app.state.store.insert_contacts(records).await.unwrap();
    let (_driver, c) = browser().await;
    log_in(&app, &c, "mair").await;
    c.goto(&app.url("/console/dashboard?lang=cy"))
        .await
        .unwrap();
    viewport_1366x900(&c).await;
    assert_eq!(text_of(&c, "h1").await, "Perfformiad y gwasanaeth");
    // The matter's burst of calls is called out above the charts.
    assert_eq!(
        text_of(&c, "#h-spikes").await,
        "Brigau mewn materion proffil uchel"
    );
    // Charts drawn on the server, each named by its heading and described
    // by its table; the table opens without JavaScript.
    let bars = c.find_all(Locator::Css("svg.chart rect")).await.unwrap();
    assert!(bars.len() > 30, "{} bars", bars.len());
    let chart = c
        .find(Locator::Css("section[aria-labelledby='h-by-intent'] svg"))
        .await
        .unwrap();
    assert_eq!(chart.attr("role").await.unwrap().as_deref(), Some("img"));
    c.find(Locator::Css(
        "section[aria-labelledby='h-by-intent'] summary",
    ))
    .await
    .unwrap()
    .click()
    .await
    .unwrap();
    let first_reason = text_of(&c, "#t-by-intent tbody th").await;
    assert!(
        !first_reason.is_empty() && !first_reason.contains('-'),
        "a name, not an id: {first_reason}"
    );
    let found = violations(&c, &axe).await;
    assert!(found.is_empty(), "accessibility violations: {found:?}");
    screenshot(&c, "dashboard-cy").await;
    // The filters are a plain form: a channel narrows every figure.
    c.find(Locator::Css("#channel option[value='letter']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    click_and_load(&c, Locator::Css("form.filters button")).await;
    assert!(
        c.current_url()
            .await
            .unwrap()
            .query()
            .unwrap_or("")
            .contains("channel=letter")
    );
    let total = text_of(&c, ".kpis dd").await.replace(',', "");
    assert!(total.parse::<u64>().unwrap() < 800, "{total}");
    c.close().await.unwrap();
}
