//! HTTP load test: the release `canllaw serve` on loopback, N concurrent
//! connections sending searches for T seconds. Prints requests/s, latency
//! percentiles, errors and the server's memory.
//!
//! Then a stream of unique searches (CANLLAW_LOAD_UNIQUE, 200,000 by
//! default), each a cache miss, shows that memory stays bounded: the
//! server's resident memory is printed as it goes.
//!
//! ```text
//! cargo bench --bench http_load                      # 200 connections, 30 s
//! CANLLAW_LOAD_CONNS=50 CANLLAW_LOAD_SECS=10 CANLLAW_LOAD_UNIQUE=20000 cargo bench --bench http_load
//! ```
//!
//! The generator runs on the same two cores as the server, so the figures
//! are a floor on what the service can do, not a ceiling.

use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

const ADMIN_PASSWORD: &str = "load-test-admin-password";

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn env_or(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Peak and current resident memory of a process, in MiB.
fn memory_mib(pid: u32) -> (f64, f64) {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|kb| kb.parse::<f64>().ok())
            .map(|kb| kb / 1024.0)
            .unwrap_or(f64::NAN)
    };
    (field("VmHWM:"), field("VmRSS:"))
}

/// Queries from the evaluation set, both languages, as search-as-you-type
/// sends them.
fn queries() -> Vec<String> {
    let tsv = include_str!("../tests/eval/dev.tsv");
    let mut out = Vec::new();
    for line in tsv.lines().filter(|l| !l.starts_with('#')) {
        let mut cols = line.split('\t');
        let (Some(_lang), Some(q)) = (cols.next(), cols.next()) else {
            continue;
        };
        // Every prefix from three letters on, as typing sends them.
        let chars: Vec<char> = q.chars().collect();
        for end in 3..=chars.len() {
            out.push(chars[..end].iter().collect());
        }
    }
    out.sort();
    out.dedup();
    out
}

fn csrf_in(html: &str) -> String {
    let at = html.find("name=\"csrf\" value=\"").expect("csrf field") + 19;
    html[at..at + 64].to_string()
}

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    // `cargo bench` passes --bench; a filter that is not ours means skip.
    if std::env::args()
        .skip(1)
        .any(|a| !a.starts_with('-') && a != "http_load")
    {
        return;
    }
    let conns = env_or("CANLLAW_LOAD_CONNS", 200) as usize;
    let secs = env_or("CANLLAW_LOAD_SECS", 30);
    let data = tempfile::tempdir().unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let base = format!("http://127.0.0.1:{port}");
    let server = Server(
        Command::new(env!("CARGO_BIN_EXE_canllaw"))
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .arg("--data")
            .arg(data.path())
            .args(["serve", "--addr", &format!("127.0.0.1:{port}")])
            .env("CANLLAW_ADMIN_PASSWORD", ADMIN_PASSWORD)
            .env("CANLLAW_LOG", "warn")
            // Every request comes from loopback: no per-client limit here.
            .env("CANLLAW_PUBLIC_SEARCHES_PER_MINUTE", "100000000")
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("canllaw serve starts"),
    );
    let pid = server.0.id();

    let client = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .pool_max_idle_per_host(conns)
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

    // The load itself sends the session cookie as a plain header: a cookie
    // store per request would cost the generator more than the server.
    let session = login
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("canllaw_session="))
        .and_then(|v| v.split(';').next())
        .expect("session cookie")
        .to_string();
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(reqwest::header::COOKIE, session.parse().unwrap());
    let client = reqwest::Client::builder()
        .default_headers(headers)
        .pool_max_idle_per_host(conns)
        .build()
        .unwrap();
    let queries = Arc::new(queries());
    let errors = Arc::new(AtomicU64::new(0));
    // The first request for each query misses the server's response cache:
    // its latency is reported on its own.
    let first_seen: Arc<Vec<std::sync::atomic::AtomicBool>> = Arc::new(
        (0..queries.len())
            .map(|_| std::sync::atomic::AtomicBool::new(false))
            .collect(),
    );
    let url = Arc::new(format!("{base}/api/v1/search"));
    let started = Instant::now();
    let end = started + Duration::from_secs(secs);
    let mut tasks = Vec::with_capacity(conns);
    for n in 0..conns {
        let (client, queries, errors, url, first_seen) = (
            client.clone(),
            queries.clone(),
            errors.clone(),
            url.clone(),
            first_seen.clone(),
        );
        tasks.push(tokio::spawn(async move {
            let mut latencies: Vec<u32> = Vec::with_capacity(4096);
            let mut cold: Vec<u32> = Vec::new();
            let mut i = n;
            while Instant::now() < end {
                let at = i % queries.len();
                let q = &queries[at];
                let is_cold = !first_seen[at].swap(true, Ordering::Relaxed);
                i += conns;
                let t = Instant::now();
                let ok = match client.get(url.as_str()).query(&[("q", q)]).send().await {
                    Ok(r) => r.status() == 200 && r.bytes().await.is_ok(),
                    Err(_) => false,
                };
                let micros = t.elapsed().as_micros().min(u32::MAX as u128) as u32;
                latencies.push(micros);
                if is_cold {
                    cold.push(micros);
                }
                if !ok {
                    errors.fetch_add(1, Ordering::Relaxed);
                }
            }
            (latencies, cold)
        }));
    }
    let mut all: Vec<u32> = Vec::new();
    let mut cold: Vec<u32> = Vec::new();
    for t in tasks {
        let (a, c) = t.await.unwrap();
        all.extend(a);
        cold.extend(c);
    }
    let elapsed = started.elapsed().as_secs_f64();
    all.sort_unstable();
    cold.sort_unstable();
    let pct = |v: &[u32], p: f64| {
        if v.is_empty() {
            return f64::NAN;
        }
        let i = ((v.len() as f64 * p).ceil() as usize).clamp(1, v.len()) - 1;
        v[i] as f64 / 1000.0
    };
    let (peak, rss) = memory_mib(pid);
    println!(
        "http_load: {conns} connections, {secs} s, GET /api/v1/search ({} cy and en queries)",
        queries.len()
    );
    println!("  requests   {}", all.len());
    println!("  req/s      {:.0}", all.len() as f64 / elapsed);
    println!(
        "  latency    p50 {:.2} ms  p90 {:.2} ms  p99 {:.2} ms  max {:.2} ms",
        pct(&all, 0.50),
        pct(&all, 0.90),
        pct(&all, 0.99),
        pct(&all, 1.0)
    );
    println!(
        "  first time each query ({} distinct, cache misses): p50 {:.2} ms  p99 {:.2} ms",
        cold.len(),
        pct(&cold, 0.50),
        pct(&cold, 0.99)
    );
    println!("  errors     {}", errors.load(Ordering::Relaxed));
    println!("  server RSS {rss:.1} MiB now, {peak:.1} MiB peak");

    public_search(&base, pid).await;
    unique_searches(&client, &base, &queries, pid).await;
}

/// The public site's search page, as anonymous visitors use it: N
/// concurrent clients (CANLLAW_LOAD_PUBLIC_CONNS, 100 by default) for T
/// seconds (CANLLAW_LOAD_PUBLIC_SECS, 20), every request a query the
/// server has not seen (two real queries from the evaluation sets joined,
/// 139,000 pairs), so none is answered from the response cache; the whole
/// HTML page is read.
async fn public_search(base: &str, pid: u32) {
    let conns = env_or("CANLLAW_LOAD_PUBLIC_CONNS", 100);
    let secs = env_or("CANLLAW_LOAD_PUBLIC_SECS", 20);
    if conns == 0 || secs == 0 {
        return;
    }
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(conns as usize)
        .build()
        .unwrap();
    let queries: Vec<String> = [
        include_str!("../tests/eval/dev.tsv"),
        include_str!("../tests/eval/extra.tsv"),
        include_str!("../tests/eval/realworld.tsv"),
    ]
    .iter()
    .flat_map(|tsv| tsv.lines().filter(|l| !l.starts_with('#')))
    .filter_map(|l| l.split('\t').nth(1).map(str::to_string))
    .collect();
    let queries = Arc::new(queries);
    let errors = Arc::new(AtomicU64::new(0));
    let bytes = Arc::new(AtomicU64::new(0));
    let end = Instant::now() + Duration::from_secs(secs);
    let started = Instant::now();
    let mut tasks = Vec::new();
    for n in 0..conns {
        let (client, queries, errors, bytes) = (
            client.clone(),
            queries.clone(),
            errors.clone(),
            bytes.clone(),
        );
        let base = base.to_string();
        tasks.push(tokio::spawn(async move {
            let mut latencies: Vec<u32> = Vec::with_capacity(4096);
            let mut i = n;
            while Instant::now() < end {
                let (n, k) = (queries.len() as u64, i);
                let q = format!(
                    "{} {}",
                    queries[(k % n) as usize],
                    queries[(k / n % n) as usize]
                );
                let path = if i % 2 == 0 {
                    "/cy/chwilio"
                } else {
                    "/en/search"
                };
                i += conns;
                let t = Instant::now();
                let ok = match client
                    .get(format!("{base}{path}"))
                    .query(&[("q", &q)])
                    .send()
                    .await
                {
                    Ok(r) if r.status() == 200 => match r.bytes().await {
                        Ok(b) => {
                            bytes.fetch_add(b.len() as u64, Ordering::Relaxed);
                            true
                        }
                        Err(_) => false,
                    },
                    _ => false,
                };
                latencies.push(t.elapsed().as_micros().min(u32::MAX as u128) as u32);
                if !ok {
                    errors.fetch_add(1, Ordering::Relaxed);
                }
            }
            latencies
        }));
    }
    let mut all: Vec<u32> = Vec::new();
    for t in tasks {
        all.extend(t.await.unwrap());
    }
    let elapsed = started.elapsed().as_secs_f64();
    all.sort_unstable();
    let pct = |p: f64| {
        let i = ((all.len() as f64 * p).ceil() as usize).clamp(1, all.len()) - 1;
        all[i] as f64 / 1000.0
    };
    let (peak, rss) = memory_mib(pid);
    println!("public search: {conns} clients, {secs} s, uncached GET /cy/chwilio and /en/search");
    println!(
        "  requests   {}  ({:.0}/s)",
        all.len(),
        all.len() as f64 / elapsed
    );
    println!(
        "  latency    p50 {:.2} ms  p90 {:.2} ms  p99 {:.2} ms  max {:.2} ms",
        pct(0.50),
        pct(0.90),
        pct(0.99),
        pct(1.0)
    );
    println!(
        "  page size  {:.1} kB on average",
        bytes.load(Ordering::Relaxed) as f64 / all.len().max(1) as f64 / 1024.0
    );
    println!("  errors     {}", errors.load(Ordering::Relaxed));
    println!("  server RSS {rss:.1} MiB now, {peak:.1} MiB peak");
}

/// Sends unique searches (a known query plus a number, so each one misses
/// every cache) from 32 connections, printing the server's memory as they
/// go: the caches are bounded by bytes, so it must level off.
async fn unique_searches(client: &reqwest::Client, base: &str, queries: &[String], pid: u32) {
    let total = env_or("CANLLAW_LOAD_UNIQUE", 200_000);
    if total == 0 {
        return;
    }
    const CONNS: u64 = 32;
    let (_, before) = memory_mib(pid);
    println!("unique searches: {total}, server RSS before {before:.1} MiB");
    let started = Instant::now();
    let done = Arc::new(AtomicU64::new(0));
    let errors = Arc::new(AtomicU64::new(0));
    let queries = Arc::new(queries.to_vec());
    let mut tasks = Vec::new();
    for n in 0..CONNS {
        let (client, done, errors, queries) = (
            client.clone(),
            done.clone(),
            errors.clone(),
            queries.clone(),
        );
        let url = format!("{base}/api/v1/search");
        tasks.push(tokio::spawn(async move {
            let mut i = n;
            while i < total {
                let q = format!("{} {i}", queries[i as usize % queries.len()]);
                let ok = match client.get(&url).query(&[("q", &q)]).send().await {
                    Ok(r) => r.status() == 200 && r.bytes().await.is_ok(),
                    Err(_) => false,
                };
                if !ok {
                    errors.fetch_add(1, Ordering::Relaxed);
                }
                done.fetch_add(1, Ordering::Relaxed);
                i += CONNS;
            }
        }));
    }
    let step = (total / 8).max(1);
    let mut next = step;
    while done.load(Ordering::Relaxed) < total {
        tokio::time::sleep(Duration::from_millis(200)).await;
        if done.load(Ordering::Relaxed) >= next {
            let (_, rss) = memory_mib(pid);
            println!("  after {next:>7}: RSS {rss:.1} MiB");
            next += step;
        }
    }
    for t in tasks {
        t.await.unwrap();
    }
    let (peak, rss) = memory_mib(pid);
    println!(
        "  done in {:.0} s ({:.0} searches/s), errors {}; RSS {rss:.1} MiB now, {peak:.1} MiB peak",
        started.elapsed().as_secs_f64(),
        total as f64 / started.elapsed().as_secs_f64(),
        errors.load(Ordering::Relaxed)
    );
}
