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
    for _ in 0..300 {
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
