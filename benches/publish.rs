//! Publish to searchable: the release `canllaw serve`, an editor's change
//! published through the API, then timed until a search finds its new
//! word. Meanwhile other clients keep searching, to show search keeps
//! serving (and how slowly) while the index is rebuilt.
//!
//! ```text
//! cargo bench --bench publish                       # 20 publications
//! CANLLAW_PUBLISH_RUNS=5 cargo bench --bench publish
//! ```

use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

const ADMIN_PASSWORD: &str = "publish-bench-admin-password";
const PATH: &str = "articles/review-time-limit.cy.md";

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn csrf_in(html: &str) -> String {
    let at = html.find("name=\"csrf\" value=\"").expect("csrf field") + 19;
    html[at..at + 64].to_string()
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

/// A word no content has: letters only, so analysis keeps it whole.
fn word(n: usize) -> String {
    let letters: Vec<char> = "bcdfghlmnprstw".chars().collect();
    let mut w = String::from("cyhoeddiad");
    let mut n = n + 1;
    while n > 0 {
        w.push(letters[n % letters.len()]);
        n /= letters.len();
    }
    w.push_str("ion");
    w
}

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    if std::env::args()
        .skip(1)
        .any(|a| !a.starts_with('-') && a != "publish")
    {
        return;
    }
    let runs = std::env::var("CANLLAW_PUBLISH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20usize);
    let data = tempfile::tempdir().unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let base = format!("http://127.0.0.1:{port}");
    let _server = Server(
        Command::new(env!("CARGO_BIN_EXE_canllaw"))
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .arg("--data")
            .arg(data.path())
            .args(["serve", "--addr", &format!("127.0.0.1:{port}")])
            .env("CANLLAW_ADMIN_PASSWORD", ADMIN_PASSWORD)
            .env(
                "CANLLAW_LOG",
                std::env::var("CANLLAW_LOG").unwrap_or_else(|_| "warn".into()),
            )
            // One account publishes its own changes here.
            .env("CANLLAW_SELF_APPROVAL", "true")
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("canllaw serve starts"),
    );
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if let Ok(r) = client.get(format!("{base}/readyz")).send().await
            && r.status() == 200
        {
            break;
        }
        assert!(Instant::now() < deadline, "server did not become ready");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let form = client
        .get(format!("{base}/console/login"))
        .send()
        .await
        .unwrap();
    let token = csrf_in(&form.text().await.unwrap());
    let login = client
        .post(format!("{base}/console/login"))
        .form(&[
            ("csrf", token.as_str()),
            ("name", "admin"),
            ("password", ADMIN_PASSWORD),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(login.status(), 303, "login");
    let me: Value = client
        .get(format!("{base}/api/v1/me"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let csrf = me["csrf_token"].as_str().unwrap().to_string();

    // Background searches all along: how many, and the slowest.
    let stop = Arc::new(AtomicBool::new(false));
    let served = Arc::new(AtomicU64::new(0));
    let slowest_us = Arc::new(AtomicU64::new(0));
    let mut searchers = Vec::new();
    for i in 0..4 {
        let (client, base, stop, served, slowest_us) = (
            client.clone(),
            base.clone(),
            stop.clone(),
            served.clone(),
            slowest_us.clone(),
        );
        searchers.push(tokio::spawn(async move {
            let queries = [
                "terfyn amser adolygiad",
                "complaint time limit",
                "apêl hwyr",
                "case update",
            ];
            let mut n = 0usize;
            while !stop.load(Ordering::Relaxed) {
                // Advisers typing: a search every 20 ms from each client, a
                // new one each time, so no answer comes from memory.
                tokio::time::sleep(Duration::from_millis(20)).await;
                let q = format!("{} {n}", queries[(i + n) % queries.len()]);
                n += 1;
                let t = Instant::now();
                let r = client
                    .get(format!("{base}/api/v1/search"))
                    .query(&[("q", q.as_str())])
                    .send()
                    .await;
                if r.is_ok_and(|r| r.status() == 200) {
                    served.fetch_add(1, Ordering::Relaxed);
                    slowest_us.fetch_max(t.elapsed().as_micros() as u64, Ordering::Relaxed);
                }
            }
        }));
    }

    let send = |method: reqwest::Method, path: &str, body: Value| {
        client
            .request(method, format!("{base}/api/v1{path}"))
            .header("x-csrf-token", &csrf)
            .json(&body)
            .send()
    };
    let mut submit_ms = Vec::new();
    let mut publish_ms = Vec::new();
    let mut searchable_ms = Vec::new();
    let started = Instant::now();
    for n in 0..runs {
        let file: Value = client
            .get(format!("{base}/api/v1/editor/file?path={PATH}"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let new_word = word(n);
        let body = format!(
            "{}\nMae'r {new_word} yn newydd.\n",
            file["text"].as_str().unwrap()
        );
        let draft: Value = send(
            reqwest::Method::PUT,
            "/editor/draft",
            json!({"path": PATH, "body": body, "base": file["revision"]}),
        )
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
        let version = draft["version"].clone();
        let t = Instant::now();
        let r = send(
            reqwest::Method::POST,
            "/editor/submit",
            json!({"path": PATH, "version": version}),
        )
        .await
        .unwrap();
        assert_eq!(r.status(), 200, "submitted");
        submit_ms.push(t.elapsed().as_secs_f64() * 1000.0);
        let t = Instant::now();
        let r = send(
            reqwest::Method::POST,
            "/editor/publish",
            json!({"path": PATH, "version": version, "confirm_stale": true}),
        )
        .await
        .unwrap();
        assert_eq!(r.status(), 200, "published");
        publish_ms.push(t.elapsed().as_secs_f64() * 1000.0);
        loop {
            let found: Value = client
                .get(format!("{base}/api/v1/search"))
                .query(&[("q", new_word.as_str()), ("lang", "cy")])
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            if found["hits"]
                .as_array()
                .is_some_and(|h| h.iter().any(|h| h["id"] == "review-time-limit"))
            {
                break;
            }
            assert!(t.elapsed() < Duration::from_secs(30), "never found");
        }
        searchable_ms.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    let elapsed = started.elapsed();
    stop.store(true, Ordering::Relaxed);
    for s in searchers {
        s.await.unwrap();
    }
    for v in [&mut submit_ms, &mut publish_ms, &mut searchable_ms] {
        v.sort_by(f64::total_cmp);
    }
    println!("{runs} publications of a {PATH} change, 4 clients searching throughout");
    for (name, v) in [
        ("submit (checks)", &submit_ms),
        ("publish answered", &publish_ms),
        ("publish to searchable", &searchable_ms),
    ] {
        println!(
            "{name:>22}: p50 {:.0} ms, p90 {:.0} ms, max {:.0} ms",
            percentile(v, 0.5),
            percentile(v, 0.9),
            v[v.len() - 1]
        );
    }
    println!(
        "searches meanwhile: {} answered ({:.0}/s), slowest {:.0} ms",
        served.load(Ordering::Relaxed),
        served.load(Ordering::Relaxed) as f64 / elapsed.as_secs_f64(),
        slowest_us.load(Ordering::Relaxed) as f64 / 1000.0
    );
}
