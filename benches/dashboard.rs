//! The managers' dashboard at scale: the release binary with 50,000 demo
//! contacts (`canllaw seed-demo`), a manager signed in, each page asked for
//! one at a time over HTTP, timed from request to the last byte.
//!
//! ```text
//! cargo bench --bench dashboard                        # 50,000 contacts
//! CANLLAW_DASHBOARD_CONTACTS=5000 cargo bench --bench dashboard
//! ```

use std::io::Write;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const PASSWORD: &str = "dashboard-bench-manager-password";

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn canllaw(data: &std::path::Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_canllaw"));
    c.current_dir(env!("CARGO_MANIFEST_DIR"))
        .arg("--data")
        .arg(data);
    c
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    if std::env::args()
        .skip(1)
        .any(|a| !a.starts_with('-') && a != "dashboard")
    {
        return;
    }
    let contacts: usize = std::env::var("CANLLAW_DASHBOARD_CONTACTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(50_000);
    let data = tempfile::tempdir().unwrap();
    let seeded = Instant::now();
    let status = canllaw(data.path())
        .args([
            "seed-demo",
            "--contacts",
            &contacts.to_string(),
            "--days",
            "90",
        ])
        .status()
        .unwrap();
    assert!(status.success());
    println!("seed-demo: {contacts} contacts in {:.1?}", seeded.elapsed());
    let mut add = canllaw(data.path())
        .args(["user", "add", "mair", "--role", "manager"])
        .stdin(Stdio::piped())
        .spawn()
        .unwrap();
    writeln!(add.stdin.take().unwrap(), "{PASSWORD}").unwrap();
    assert!(add.wait().unwrap().success());

    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let base = format!("http://127.0.0.1:{port}");
    let _server = Server(
        canllaw(data.path())
            .args(["serve", "--addr", &format!("127.0.0.1:{port}")])
            .env("CANLLAW_LOG", "warn")
            .stdout(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    while !client
        .get(format!("{base}/readyz"))
        .send()
        .await
        .is_ok_and(|r| r.status() == 200)
    {
        assert!(Instant::now() < deadline, "server did not become ready");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let form = client
        .get(format!("{base}/console/login"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let at = form.find("name=\"csrf\" value=\"").unwrap() + 19;
    let login = client
        .post(format!("{base}/console/login"))
        .form(&[
            ("csrf", &form[at..at + 64]),
            ("name", "mair"),
            ("password", PASSWORD),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(login.status(), 303);

    let today = chrono::Utc::now().date_naive();
    let since = |days: i64| (today - chrono::Duration::days(days - 1)).to_string();
    let pages = [
        ("7 days", format!("/console/dashboard?from={}", since(7))),
        ("28 days (the default)", "/console/dashboard".to_string()),
        ("90 days", format!("/console/dashboard?from={}", since(90))),
        (
            "90 days, Welsh phone calls",
            format!(
                "/console/dashboard?from={}&channel=phone&caller_lang=cy",
                since(90)
            ),
        ),
        (
            "CSV of 90 days by day",
            format!("/console/dashboard/csv?table=by-day&from={}", since(90)),
        ),
    ];
    println!(
        "{:<28} {:>8} {:>8} {:>8} {:>8}",
        "page", "p50 ms", "p90 ms", "p99 ms", "max ms"
    );
    for (name, path) in pages {
        let mut times = Vec::new();
        for _ in 0..100 {
            let t = Instant::now();
            let r = client.get(format!("{base}{path}")).send().await.unwrap();
            assert_eq!(r.status(), 200, "{path}");
            r.bytes().await.unwrap();
            times.push(t.elapsed().as_secs_f64() * 1000.0);
        }
        times.sort_by(|a, b| a.total_cmp(b));
        println!(
            "{name:<28} {:>8.1} {:>8.1} {:>8.1} {:>8.1}",
            percentile(&times, 0.5),
            percentile(&times, 0.9),
            percentile(&times, 0.99),
            times[times.len() - 1]
        );
    }
}
