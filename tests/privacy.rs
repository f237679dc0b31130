//! What callers say never lands on disk or in the logs. This runs the real
//! binary, as operators do, with our code and the HTTP layer logging at
//! trace level, and reads every file under its data folder (the database,
//! its write-ahead log, where recent writes sit while the service runs, and
//! the index) and everything it logged.

mod common;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;

use reqwest::cookie::{CookieStore, Jar};
use serde_json::{Value, json};

const SECRET: &str = "Secretcallername";
const CONTROL: &str = "Positivecontrolname";
const CONTROL_PHONE: &str = "07700 900777";
const CONTROL_REF: &str = "CONTROLREF-8841";
const PASSWORD: &str = "admin-password-for-privacy";

/// The service, stopped when dropped.
struct Service(Child);

impl Drop for Service {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn all_bytes(dir: &Path, out: &mut Vec<u8>, names: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            all_bytes(&path, out, names);
        } else if let Ok(bytes) = std::fs::read(&path) {
            names.push(path.file_name().unwrap().to_string_lossy().into_owned());
            out.extend_from_slice(&bytes);
        }
    }
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    let needle = needle.as_bytes();
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Starts `canllaw serve` on `data`, logging at trace level to `log_path`,
/// with `env` besides; returns it and its address.
fn start(data: &Path, log_path: &Path, env: &[(&str, &str)]) -> (Service, String) {
    let log = std::fs::File::create(log_path).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_canllaw"))
        .arg("--data")
        .arg(data)
        .arg("--knowledge")
        .arg(common::knowledge_dir())
        .args(["serve", "--addr", "127.0.0.1:0", "--log-format", "json"])
        .env("CANLLAW_ADMIN_PASSWORD", PASSWORD)
        .env("CANLLAW_LOG", "canllaw=trace,tower_http=trace")
        .envs(env.iter().copied())
        .stdout(Stdio::piped())
        .stderr(Stdio::from(log))
        .spawn()
        .expect("the binary starts");
    let stdout = child.stdout.take().unwrap();
    let service = Service(child);
    let base = BufReader::new(stdout)
        .lines()
        .map_while(Result::ok)
        .find_map(|l| {
            l.strip_prefix("Canllaw is running at ")
                .map(|u| u.trim_end_matches('/').to_string())
        })
        .expect("the service prints its address");
    (service, base)
}

/// Stops the service as an operator would, and checks it stopped cleanly.
fn stop(service: Service) {
    let pid = service.0.id().to_string();
    let stopped = Command::new("kill").args(["-TERM", &pid]).status().unwrap();
    assert!(stopped.success());
    let mut service = service;
    let status = service.0.wait().unwrap();
    assert!(status.success(), "a clean shutdown: {status}");
}

#[tokio::test]
async fn what_callers_say_is_not_stored_or_logged() {
    let data = tempfile::tempdir().unwrap();
    let log_path = data.path().join("..").join(format!(
        "{}-privacy.log",
        data.path().file_name().unwrap().to_string_lossy()
    ));
    let (service, base) = start(data.path(), &log_path, &[]);

    let jar = Arc::new(Jar::default());
    let c = reqwest::Client::builder()
        .cookie_provider(jar.clone())
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let r = common::sign_in(&c, &base, "admin", PASSWORD).await;
    assert_eq!(r.status(), 303, "signed in");
    let me: Value = c
        .get(format!("{base}/api/v1/me"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let csrf = me["csrf_token"].as_str().unwrap().to_string();

    // Searches from every front end, and a contact where the caller says it.
    for path in ["/api/v1/search", "/console", "/console/search/results"] {
        let r = c
            .get(format!("{base}{path}"))
            .query(&[("q", format!("{SECRET} complaint"))])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200, "{path}");
    }
    let contact: Value = c
        .post(format!("{base}/api/v1/contacts"))
        .header("x-csrf-token", &csrf)
        .json(&json!({"channel": "phone", "caller_type": "public", "caller_lang": "en"}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let id = contact["id"].as_i64().expect("a contact");
    let turn: Value = c
        .post(format!("{base}/api/v1/contacts/{id}/turns"))
        .header("x-csrf-token", &csrf)
        .json(&json!({"text": format!("I want to complain, my name is {SECRET} and an officer was rude")}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(
        turn["advice"]["intents"]
            .as_array()
            .is_some_and(|i| !i.is_empty()),
        "the turn was heard: {turn}"
    );
    // What the adviser records on purpose is stored: the control that
    // proves the bytes read below include the most recent writes.
    let r = c
        .patch(format!("{base}/api/v1/contacts/{id}"))
        .header("x-csrf-token", &csrf)
        .json(&json!({"version": turn["version"], "caller": {"name": CONTROL, "contact": CONTROL_PHONE, "reference": CONTROL_REF}}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let saved: Value = r.json().await.unwrap();
    // The call ends (a purge leaves contacts in progress alone).
    let r = c
        .post(format!("{base}/api/v1/contacts/{id}/end"))
        .header("x-csrf-token", &csrf)
        .json(&json!({"version": saved["version"], "outcome": "resolved-first-contact"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200, "ended");

    // While the service runs (recent writes are in the write-ahead log).
    let mut bytes = Vec::new();
    let mut names = Vec::new();
    all_bytes(data.path(), &mut bytes, &mut names);
    assert!(
        names.iter().any(|n| n.ends_with("-wal")),
        "the WAL is read: {names:?}"
    );
    assert!(contains(&bytes, CONTROL), "recent writes are visible");
    assert!(!contains(&bytes, SECRET), "no caller words on disk");
    let session = jar
        .cookies(&base.parse().unwrap())
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default();
    let token = session
        .split(';')
        .find_map(|c| c.trim().strip_prefix("canllaw_session="))
        .expect("a session cookie")
        .to_string();
    assert!(
        !contains(&bytes, &token),
        "only the session token's hash is stored"
    );

    // After a clean stop too.
    stop(service);
    let mut bytes = Vec::new();
    all_bytes(data.path(), &mut bytes, &mut Vec::new());
    assert!(contains(&bytes, CONTROL));
    assert!(!contains(&bytes, SECRET));

    let logs = std::fs::read(&log_path).unwrap();
    std::fs::remove_file(&log_path).unwrap();
    assert!(
        contains(&logs, "/api/v1/contacts/{id}/turns"),
        "requests are logged, by route pattern: {}",
        String::from_utf8_lossy(&logs)
    );
    assert!(contains(&logs, "search index ready"));
    assert!(!contains(&logs, SECRET), "no caller words in the logs");
    assert!(!contains(&logs, &token), "no session tokens in the logs");
    for detail in [CONTROL, CONTROL_PHONE, CONTROL_REF] {
        assert!(!contains(&logs, detail), "no caller details in the logs");
    }

    // Retention: a dry run shows the contact would go, and keeps it.
    let zero = [
        ("CANLLAW_KEEP_CONTACTS_DAYS", "0"),
        ("CANLLAW_KEEP_RESTRICTED_DAYS", "0"),
        ("CANLLAW_KEEP_AUDIT_DAYS", "0"),
        ("CANLLAW_KEEP_SEARCHES_DAYS", "0"),
    ];
    let dry = Command::new(env!("CARGO_BIN_EXE_canllaw"))
        .arg("--data")
        .arg(data.path())
        .arg("--knowledge")
        .arg(common::knowledge_dir())
        .args(["purge", "--dry-run"])
        .envs(zero)
        .output()
        .unwrap();
    assert!(dry.status.success());
    let said = String::from_utf8_lossy(&dry.stdout);
    assert!(
        said.contains(&format!("would anonymise contact {id} ")),
        "{said}"
    );
    let mut bytes = Vec::new();
    all_bytes(data.path(), &mut bytes, &mut Vec::new());
    assert!(contains(&bytes, CONTROL), "a dry run changes nothing");

    // The service purges at start (and daily): afterwards none of the
    // caller's details is anywhere on disk, the WAL included.
    let (service, _) = start(data.path(), &log_path, &zero);
    let purged = std::time::Instant::now();
    loop {
        let logs = std::fs::read(&log_path).unwrap();
        if contains(&logs, "retention purge done") {
            break;
        }
        assert!(purged.elapsed().as_secs() < 30, "the purge ran at start");
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let mut bytes = Vec::new();
    let mut names = Vec::new();
    all_bytes(data.path(), &mut bytes, &mut names);
    for detail in [CONTROL, CONTROL_PHONE, CONTROL_REF, SECRET] {
        assert!(!contains(&bytes, detail), "{detail} purged from {names:?}");
    }
    stop(service);
    let mut bytes = Vec::new();
    all_bytes(data.path(), &mut bytes, &mut Vec::new());
    let logs = std::fs::read(&log_path).unwrap();
    std::fs::remove_file(&log_path).unwrap();
    for detail in [CONTROL, CONTROL_PHONE, CONTROL_REF, SECRET] {
        assert!(!contains(&bytes, detail), "{detail} purged");
        assert!(!contains(&logs, detail), "{detail} not logged");
    }
}
