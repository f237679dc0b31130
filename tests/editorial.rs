//! The editors' workflow over the real store and the bundled knowledge:
//! drafts, review, four-eyes approval, translations kept as one item,
//! validation with `canllaw check`'s code, and publication.

mod common;

use canllaw::auth::Role;
use canllaw::editorial::{self, Change, EditorialError, Rules};
use canllaw::lang::Lang;
use canllaw::store::{SqliteStore, Store, User};

const CY: &str = "articles/review-time-limit.cy.md";
const EN: &str = "articles/review-time-limit.en.md";

fn user(name: &str, role: Role) -> User {
    User {
        id: 0,
        name: name.into(),
        role,
        password_hash: String::new(),
        ui_lang: Lang::Cy,
        disabled: false,
        full_name: String::new(),
    }
}

async fn seeded() -> SqliteStore {
    let store = SqliteStore::in_memory().unwrap();
    canllaw::published::import(&store, &common::knowledge_dir(), "seed")
        .await
        .unwrap();
    store
}

async fn published(store: &SqliteStore, path: &str) -> (String, i64) {
    let text = store
        .content()
        .await
        .unwrap()
        .into_iter()
        .find(|f| f.path == path)
        .unwrap()
        .text;
    let revision = store
        .revisions(path)
        .await
        .unwrap()
        .last()
        .unwrap()
        .revision;
    (text, revision)
}

#[tokio::test]
async fn a_welsh_change_is_reviewed_by_another_and_leaves_the_english_stale() {
    let store = seeded().await;
    let (ann, ben) = (user("ann", Role::Editor), user("ben", Role::Editor));
    let (text, base) = published(&store, CY).await;
    let changed = text.replace("28 diwrnod", "wyth diwrnod ar hugain");
    assert_ne!(changed, text);

    // An adviser may not change content at all.
    let change = Change {
        path: CY.into(),
        body: Some(changed.clone()),
        version: 0,
        base,
    };
    assert!(matches!(
        editorial::save(&store, &user("cai", Role::Adviser), change.clone()).await,
        Err(EditorialError::NotEditor)
    ));
    let draft = editorial::save(&store, &ann, change).await.unwrap();
    let draft = editorial::submit(&store, &ann, CY, draft.version)
        .await
        .unwrap();

    // Four eyes: the author does not approve her own change.
    let rules = Rules::default();
    assert!(matches!(
        editorial::publish(&store, &ann, rules, CY, draft.version, true).await,
        Err(EditorialError::OwnChange)
    ));
    // Publishing the Welsh leaves the English behind: asked first.
    match editorial::publish(&store, &ben, rules, CY, draft.version, false).await {
        Err(EditorialError::TranslationStale(left)) => {
            assert_eq!(left, [(EN.to_string(), Lang::En)]);
        }
        other => panic!("{other:?}"),
    }
    let revision = editorial::publish(&store, &ben, rules, CY, draft.version, true)
        .await
        .unwrap();
    assert_eq!(revision, base + 1);
    assert_eq!(published(&store, CY).await, (changed, base + 1));
    let stale = store.stale_translations().await.unwrap();
    assert_eq!(stale.len(), 1);
    assert_eq!((stale[0].path.as_str(), stale[0].lang), (EN, Lang::En));
    assert!(store.draft(CY).await.unwrap().is_none());

    // Updating the English brings it up to date.
    let (en, en_base) = published(&store, EN).await;
    let draft = editorial::save(
        &store,
        &ben,
        Change {
            path: EN.into(),
            body: Some(en.replace("28 days", "twenty-eight days")),
            version: 0,
            base: en_base,
        },
    )
    .await
    .unwrap();
    let draft = editorial::submit(&store, &ben, EN, draft.version)
        .await
        .unwrap();
    editorial::publish(&store, &ann, rules, EN, draft.version, false)
        .await
        .unwrap();
    assert!(store.stale_translations().await.unwrap().is_empty());
}

#[tokio::test]
async fn problems_stop_a_change_and_are_reported_as_check_reports_them() {
    let store = seeded().await;
    let ann = user("ann", Role::Editor);
    let (text, base) = published(&store, CY).await;
    // Broken front matter, and a link to an article that does not exist.
    for (broken, what) in [
        (text.replacen("+++", "++", 1), "front matter"),
        (
            text.replace("\"complaint-reviews\",", "\"no-such-article\","),
            "no-such-article",
        ),
    ] {
        let draft = editorial::save(
            &store,
            &ann,
            Change {
                path: CY.into(),
                body: Some(broken),
                version: store.draft(CY).await.unwrap().map_or(0, |d| d.version),
                base,
            },
        )
        .await
        .unwrap();
        match editorial::submit(&store, &ann, CY, draft.version).await {
            Err(EditorialError::Invalid(problems)) => {
                assert!(
                    problems.iter().any(|p| p.path.to_str() == Some(CY)),
                    "{what}: {problems:?}"
                );
                if what == "no-such-article" {
                    assert!(
                        problems
                            .iter()
                            .any(|p| p.message.get("id") == Some(&what.into())),
                        "{problems:?}"
                    );
                }
            }
            other => panic!("{what}: {other:?}"),
        }
    }
    // Retiring an article others link to is a problem in those others.
    let draft = editorial::save(
        &store,
        &ann,
        Change {
            path: "articles/complaint-reviews.cy.md".into(),
            body: None,
            version: 0,
            base: published(&store, "articles/complaint-reviews.cy.md")
                .await
                .1,
        },
    )
    .await
    .unwrap();
    assert!(matches!(
        editorial::submit(&store, &ann, "articles/complaint-reviews.cy.md", draft.version).await,
        Err(EditorialError::Invalid(p)) if !p.is_empty()
    ));
    // Paths that are not content files are refused before anything else.
    for path in [
        "../etc/passwd",
        "articles/../x.md",
        "articles/X.md",
        "secrets/x.md",
    ] {
        assert!(matches!(
            editorial::save(
                &store,
                &ann,
                Change {
                    path: path.into(),
                    body: Some(String::new()),
                    version: 0,
                    base: 0,
                },
            )
            .await,
            Err(EditorialError::BadPath(_))
        ));
    }
}

/// The done-means of the workflow, over HTTP: an editor changes the Welsh
/// of `review-time-limit`, the English is flagged, a second user approves
/// and publishes, and search finds the new wording at once, with no
/// restart.
#[tokio::test]
async fn over_the_api_a_published_change_is_searchable_at_once() {
    use common::TestApp;
    use serde_json::{Value, json};

    let app = TestApp::spawn().await;
    let editor = app.signed_in(Role::Editor).await;
    let admin = app.signed_in(Role::Admin).await;
    let (editor_csrf, admin_csrf) = (app.csrf_of(&editor).await, app.csrf_of(&admin).await);
    let send = |client: &reqwest::Client, csrf: &str, method: &str, path: &str, body: Value| {
        client
            .request(method.parse().unwrap(), app.url(path))
            .header("x-csrf-token", csrf)
            .header("accept-language", "cy")
            .json(&body)
            .send()
    };
    let search = |q: &str| {
        let url = app.url(&format!("/api/v1/search?lang=cy&q={q}"));
        let client = admin.clone();
        async move {
            let found: Value = client.get(url).send().await.unwrap().json().await.unwrap();
            found["hits"]
                .as_array()
                .unwrap()
                .iter()
                .any(|h| h["id"] == "review-time-limit")
        }
    };
    // A word no content uses yet.
    assert!(!search("tangnefeddus").await);

    let file: Value = editor
        .get(app.url(&format!("/api/v1/editor/file?path={CY}")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let base = file["revision"].as_i64().unwrap();
    let text =
        file["text"].as_str().unwrap().to_string() + "\nMae'r broses yn un dawel a tangnefeddus.\n";
    let r = send(
        &editor,
        &editor_csrf,
        "PUT",
        "/api/v1/editor/draft",
        json!({"path": CY, "body": text, "base": base}),
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 200);
    let draft: Value = r.json().await.unwrap();
    assert_eq!(draft["version"], 1);
    // A second save from the same stale copy: a conflict, and nothing lost.
    let r = send(
        &admin,
        &admin_csrf,
        "PUT",
        "/api/v1/editor/draft",
        json!({"path": CY, "body": "x", "base": base}),
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 409);
    let e: Value = r.json().await.unwrap();
    assert_eq!(e["error"]["code"], "conflict");

    let r = send(
        &editor,
        &editor_csrf,
        "POST",
        "/api/v1/editor/submit",
        json!({"path": CY, "version": 1}),
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 200);
    // The author cannot approve; the admin is asked to confirm the stale
    // English, in Welsh.
    let r = send(
        &editor,
        &editor_csrf,
        "POST",
        "/api/v1/editor/publish",
        json!({"path": CY, "version": 1, "confirm_stale": true}),
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 403);
    assert_eq!(
        r.json::<Value>().await.unwrap()["error"]["code"],
        "own-change"
    );
    let r = send(
        &admin,
        &admin_csrf,
        "POST",
        "/api/v1/editor/publish",
        json!({"path": CY, "version": 1}),
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 409);
    let e: Value = r.json().await.unwrap();
    assert_eq!(e["error"]["code"], "translation-stale");
    assert!(
        e["error"]["message"].as_str().unwrap().contains(EN)
            && e["error"]["message"]
                .as_str()
                .unwrap()
                .contains("iaith arall"),
        "{e}"
    );
    assert!(!search("tangnefeddus").await, "nothing published yet");
    let r = send(
        &admin,
        &admin_csrf,
        "POST",
        "/api/v1/editor/publish",
        json!({"path": CY, "version": 1, "confirm_stale": true}),
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 200);
    let published: Value = r.json().await.unwrap();
    assert_eq!(published["revision"], base + 1);
    assert_eq!(published["reloaded"], true);
    // Searchable as soon as the publication answered, without a restart.
    assert!(search("tangnefeddus").await);
    let files: Value = editor
        .get(app.url("/api/v1/editor/files"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(files["stale_translations"][0]["path"], EN);
    let history: Value = editor
        .get(app.url(&format!("/api/v1/editor/revisions?path={CY}")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(history.as_array().unwrap().len() as i64, base + 1);
    assert_eq!(history[base as usize]["author"], "editor-user");

    // The list says so too, and the English file's own entry.
    let en = files["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == EN)
        .unwrap();
    assert_eq!(en["stale"], json!(["en"]));
    assert_eq!(en["facts"]["audience"], "public");

    // The change, word by word.
    let diff: Value = editor
        .get(app.url(&format!(
            "/api/v1/editor/diff?path={CY}&from={base}&to={}",
            base + 1
        )))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(diff["by"], "words");
    let added: String = diff["changes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["op"] == "added")
        .map(|c| c["text"].as_str().unwrap())
        .collect();
    assert!(added.contains("tangnefeddus"), "{diff}");

    // A body left out (or misspelt) is refused, not taken as retiring.
    let r = send(
        &editor,
        &editor_csrf,
        "PUT",
        "/api/v1/editor/draft",
        json!({"path": CY, "bodi": "x", "base": base + 1}),
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 422);
    let r = send(
        &editor,
        &editor_csrf,
        "PUT",
        "/api/v1/editor/draft",
        json!({"path": CY, "base": base + 1}),
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 400);

    // Restoring the old revision makes a new draft of it; the published
    // text stays until that draft is published.
    let r = send(
        &editor,
        &editor_csrf,
        "POST",
        "/api/v1/editor/restore",
        json!({"path": CY, "revision": base, "base": base + 1}),
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 200);
    let restored: Value = r.json().await.unwrap();
    assert!(restored["version"].as_i64().unwrap() > 1, "{restored}");
    assert!(!restored["body"].as_str().unwrap().contains("tangnefeddus"));
    assert!(search("tangnefeddus").await);
    // Thrown away again: nothing waits.
    let r = send(
        &editor,
        &editor_csrf,
        "POST",
        "/api/v1/editor/discard",
        json!({"path": CY, "version": restored["version"]}),
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 204);
    // The English text is confirmed up to date after all.
    let r = send(
        &editor,
        &editor_csrf,
        "POST",
        "/api/v1/editor/translations/confirm",
        json!({"path": EN, "lang": "en"}),
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 204);
}

/// The real binary, killed with SIGKILL in the middle of a stream of saves:
/// every save it acknowledged is there after a restart, and nothing is
/// half-written (the draft is exactly one of the texts sent, the audit has
/// one entry per save that committed, the database checks clean).
#[tokio::test]
async fn a_server_killed_mid_save_keeps_every_acknowledged_save_whole() {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};

    const PASSWORD: &str = "admin-password-for-the-crash";
    let data = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_canllaw"))
        .arg("--data")
        .arg(data.path())
        .arg("--knowledge")
        .arg(common::knowledge_dir())
        .args(["serve", "--addr", "127.0.0.1:0"])
        .env("CANLLAW_ADMIN_PASSWORD", PASSWORD)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the binary starts");
    let stdout = child.stdout.take().unwrap();
    let base = BufReader::new(stdout)
        .lines()
        .map_while(Result::ok)
        .find_map(|l| {
            l.strip_prefix("Canllaw is running at ")
                .map(|u| u.trim_end_matches('/').to_string())
        })
        .expect("the service prints its address");
    let client = common::TestApp::client();
    let r = common::sign_in(&client, &base, "admin", PASSWORD).await;
    assert_eq!(r.status(), 303);
    let me: serde_json::Value = client
        .get(format!("{base}/api/v1/me"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let csrf = me["csrf_token"].as_str().unwrap().to_string();
    let file: serde_json::Value = client
        .get(format!("{base}/api/v1/editor/file?path={CY}"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let base_revision = file["revision"].as_i64().unwrap();
    let original = file["text"].as_str().unwrap().to_string();
    // Long enough that a write takes a while: a kill can land inside one.
    let original: std::sync::Arc<str> = original.into();
    let text = {
        let original = original.clone();
        std::sync::Arc::new(move |n: usize| {
            format!("{original}\n{}\n", format!("Cadw rhif {n}. ").repeat(2000))
        })
    };

    // Saves one after another from two clients at once; after the first
    // few are acknowledged, the server is killed while they go on.
    let acked = std::sync::Arc::new(std::sync::Mutex::new(Vec::<(i64, usize)>::new()));
    let sent = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let mut streams = Vec::new();
    for _ in 0..2 {
        let (client, base, csrf, acked, sent, text) = (
            client.clone(),
            base.clone(),
            csrf.clone(),
            acked.clone(),
            sent.clone(),
            text.clone(),
        );
        streams.push(tokio::spawn(async move {
            loop {
                let n = sent.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                let version = acked.lock().unwrap().last().map_or(0, |a| a.0);
                let r = client
                    .put(format!("{base}/api/v1/editor/draft"))
                    .header("x-csrf-token", &csrf)
                    .json(&serde_json::json!({
                        "path": CY, "body": text(n), "version": version, "base": base_revision
                    }))
                    .send()
                    .await;
                let Ok(r) = r else { break };
                if r.status() == 200 {
                    let Ok(d) = r.json::<serde_json::Value>().await else {
                        break;
                    };
                    let mut acked = acked.lock().unwrap();
                    let v = d["version"].as_i64().unwrap();
                    if acked.last().is_none_or(|a| a.0 < v) {
                        acked.push((v, n));
                    }
                } else if r.status() != 409 {
                    break;
                }
            }
        }));
    }
    while acked.lock().unwrap().len() < 20 {
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    for s in streams {
        s.await.unwrap();
    }
    let acked = acked.lock().unwrap().clone();
    let (last_version, _) = *acked.last().unwrap();

    // What the data folder holds after the crash, as a restart finds it.
    let store = SqliteStore::open(&data.path().join("canllaw.db")).unwrap();
    let draft = store.draft(CY).await.unwrap().expect("the draft survives");
    assert!(
        draft.version >= last_version,
        "acknowledged version {last_version}, found {}",
        draft.version
    );
    let body = draft.body.unwrap();
    let whole = (0..sent.load(std::sync::atomic::Ordering::SeqCst)).any(|n| body == text(n));
    assert!(whole, "the draft is one of the texts sent, whole");
    if let Some((_, n)) = acked.iter().find(|a| a.0 == draft.version) {
        assert_eq!(body, text(*n), "the acknowledged text itself");
    }
    let saves = store
        .audit_log(canllaw::store::AuditFilter {
            item: Some(CY.into()),
            limit: 100_000,
            ..Default::default()
        })
        .await
        .unwrap()
        .iter()
        .filter(|e| e.action == "content.save")
        .count() as i64;
    assert_eq!(saves, draft.version, "one audit entry per committed save");
    let conn = rusqlite::Connection::open(data.path().join("canllaw.db")).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    // The published text was never touched.
    assert_eq!(published(&store, CY).await.0, *original);
}

/// `canllaw export` writes what is published, changes made in the browser
/// included; the folder passes `canllaw check`, and importing it changes
/// nothing.
#[tokio::test]
async fn export_after_a_publication_checks_clean_and_imports_as_no_change() {
    use std::process::Command;

    let data = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(&data.path().join("canllaw.db")).unwrap();
    canllaw::published::import(&store, &common::knowledge_dir(), "seed")
        .await
        .unwrap();
    let (ann, ben) = (user("ann", Role::Editor), user("ben", Role::Editor));
    let (text, base) = published(&store, CY).await;
    let changed = text.replace("28 diwrnod", "wyth diwrnod ar hugain");
    let draft = editorial::save(
        &store,
        &ann,
        Change {
            path: CY.into(),
            body: Some(changed.clone()),
            version: 0,
            base,
        },
    )
    .await
    .unwrap();
    editorial::submit(&store, &ann, CY, draft.version)
        .await
        .unwrap();
    editorial::publish(&store, &ben, Rules::default(), CY, draft.version, true)
        .await
        .unwrap();
    drop(store);

    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_canllaw"))
            .arg("--data")
            .arg(data.path())
            .args(args)
            .output()
            .unwrap()
    };
    let out = data.path().join("exported");
    let o = run(&["export", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(
        std::fs::read_to_string(out.join(CY)).unwrap(),
        changed,
        "the published change is exported"
    );
    let o = run(&["--knowledge", out.to_str().unwrap(), "check"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let o = run(&["import", out.to_str().unwrap()]);
    let said = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{said}");
    assert!(said.contains("0 added, 0 changed, 0 removed"), "{said}");
}

/// A high-profile matter, which the bundle may hold none of, starts from
/// its kind's outline, is filled in through the form, and is checked like
/// any content: both languages, dates in order, internal only.
#[tokio::test]
async fn a_high_profile_matter_is_started_filled_in_checked_and_published() {
    use canllaw::editorial::form;
    use std::collections::HashMap;

    let store = seeded().await;
    let (ann, ben) = (user("ann", Role::Editor), user("ben", Role::Editor));
    let drafts = editorial::create(&store, &ann, "matters", "ymchwiliad-x", &[])
        .await
        .unwrap();
    assert_eq!(drafts.len(), 1);
    let path = drafts[0].path.clone();
    assert_eq!(path, "matters/ymchwiliad-x.toml");
    let blank = drafts[0].body.clone().unwrap();
    // Not ready: empty names, keywords and lines to take.
    let found = editorial::submit(&store, &ann, &path, drafts[0].version)
        .await
        .unwrap_err();
    let EditorialError::Invalid(problems) = found else {
        panic!("{found:?}")
    };
    assert!(problems.iter().any(|p| p.message.id == "check-empty-in"
        && p.message.get("key") == Some(&"lines_to_take".into())
        && p.message.get("lang") == Some(&"cy".into())));
    let values: HashMap<String, String> = [
        ("name.cy", "Ymchwiliad X"),
        ("name.en", "Investigation X"),
        ("keywords.cy", "ymchwiliad x\nachos x"),
        ("keywords.en", "investigation x\ncase x"),
        (
            "lines_to_take.cy",
            "Allwn ni ddim trafod yr ymchwiliad.\nRhowch gyfeiriad swyddfa'r wasg.",
        ),
        (
            "lines_to_take.en",
            "We cannot discuss the investigation.\nGive the press office route.",
        ),
        ("starts", "2026-12-01"),
        ("ends", "2026-11-01"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    let filled = form::apply(&blank, &values).unwrap();
    let draft = editorial::save(
        &store,
        &ann,
        Change {
            path: path.clone(),
            body: Some(filled.clone()),
            version: drafts[0].version,
            base: 0,
        },
    )
    .await
    .unwrap();
    // Ending before it starts is refused.
    let found = editorial::submit(&store, &ann, &path, draft.version)
        .await
        .unwrap_err();
    let EditorialError::Invalid(problems) = found else {
        panic!("{found:?}")
    };
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].message.id, "check-ends-before-starts");
    let mut values = HashMap::new();
    values.insert("ends".to_string(), "false".to_string());
    let draft = editorial::save(
        &store,
        &ann,
        Change {
            path: path.clone(),
            body: Some(form::apply(&filled, &values).unwrap()),
            version: draft.version,
            base: 0,
        },
    )
    .await
    .unwrap();
    let draft = editorial::submit(&store, &ann, &path, draft.version)
        .await
        .unwrap();
    editorial::publish(&store, &ben, Rules::default(), &path, draft.version, false)
        .await
        .unwrap();
    let files = store.content().await.unwrap();
    let kb = canllaw::knowledge::load_sources(
        std::path::Path::new(""),
        &canllaw::store::sources_of(&files),
    )
    .kb;
    let matter = kb.matters.iter().find(|m| m.id == "ymchwiliad-x").unwrap();
    assert_eq!(matter.audience, canllaw::knowledge::Audience::Internal);
    assert!(matter.live_on(chrono::NaiveDate::from_ymd_opt(2027, 6, 1).unwrap()));
    assert!(!matter.live_on(chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()));
    assert_eq!(matter.lines_to_take.cy.len(), 2);
}
