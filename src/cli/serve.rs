//! `canllaw serve`.

use std::io::IsTerminal;
use std::net::SocketAddr;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::Result;

use super::{Cli, index_progress, runtime};

use crate::app::{Application, Settings};
use crate::web::WebConfig;

/// Arguments of `canllaw serve`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Address to listen on.
    #[arg(long, env = "CANLLAW_ADDR", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// Mark cookies Secure: set this when users reach the service over
    /// HTTPS (normally through a reverse proxy).
    #[arg(long, env = "CANLLAW_SECURE_COOKIES")]
    pub secure_cookies: bool,
    /// Public searches one client address may make per minute.
    #[arg(long, env = "CANLLAW_PUBLIC_SEARCHES_PER_MINUTE", default_value_t = 60)]
    pub public_searches_per_minute: u32,
    /// A reverse proxy whose X-Forwarded-For header names the client, for
    /// per-client limits (repeat it, or separate addresses with commas).
    #[arg(
        long = "trusted-proxy",
        env = "CANLLAW_TRUSTED_PROXIES",
        value_delimiter = ','
    )]
    pub trusted_proxies: Vec<std::net::IpAddr>,
    /// Let an editor approve a change they wrote themselves (for a team of
    /// one). Off by default: four eyes see every change.
    #[arg(long, env = "CANLLAW_SELF_APPROVAL")]
    pub self_approval: bool,
    /// Log format: `text` for people, `json` for log collectors.
    #[arg(long, env = "CANLLAW_LOG_FORMAT", default_value = "text", value_parser = ["text", "json"])]
    pub log_format: String,
    /// How long personal data is kept: purged at start and then daily.
    #[command(flatten)]
    pub retention: super::retention::RetentionArgs,
    /// Seconds a client has to send a request's headers; also how long a
    /// kept-alive connection may sit idle.
    #[arg(long, env = "CANLLAW_HEADER_TIMEOUT_SECS", default_value_t = 10,
          value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub header_timeout_secs: u64,
    /// Seconds a client has to send a request's body.
    #[arg(long, env = "CANLLAW_BODY_TIMEOUT_SECS", default_value_t = 30,
          value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub body_timeout_secs: u64,
    /// Connections served at once; more wait until one closes. Keep it
    /// under the open-file limit (`ulimit -n`).
    #[arg(long, env = "CANLLAW_MAX_CONNECTIONS", default_value_t = 768,
          value_parser = clap::value_parser!(u64).range(1..=1_000_000))]
    pub max_connections: u64,
}

fn init_logging(format: &str) {
    // Requests are logged by route and status at info; nothing at info or
    // above includes query text or personal details.
    let filter = tracing_subscriber::EnvFilter::try_from_env("CANLLAW_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("canllaw=info,tower_http=info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    if format == "json" {
        builder.json().init();
    } else {
        builder.with_ansi(std::io::stderr().is_terminal()).init();
    }
}

pub fn run(cli: &Cli, args: &Args) -> Result<ExitCode> {
    init_logging(&args.log_format);
    let settings = Settings {
        addr: args.addr,
        data: cli.data.clone(),
        knowledge: cli.knowledge.clone(),
        admin_password: std::env::var("CANLLAW_ADMIN_PASSWORD").ok(),
        web: WebConfig {
            secure_cookies: args.secure_cookies,
            public_searches_per_minute: args.public_searches_per_minute,
            trusted_proxies: args.trusted_proxies.clone(),
            editorial: crate::editorial::Rules {
                four_eyes: !args.self_approval,
            },
            retention: args.retention.policy(),
            connections: crate::web::listen::Limits {
                header_timeout: Duration::from_secs(args.header_timeout_secs),
                body_timeout: Duration::from_secs(args.body_timeout_secs),
                max_connections: args.max_connections as usize,
                ..Default::default()
            },
            ..WebConfig::default()
        },
        purge_daily: true,
    };
    runtime()?.block_on(async {
        let (bar, progress) = index_progress();
        let app = Application::build(settings, progress).await?;
        bar.finish_and_clear();
        if let Some(admin) = &app.first_admin {
            match &admin.generated_password {
                Some(pw) => println!(
                    "\nFirst start: created the administrator '{}' with password\n\n    {pw}\n\n\
                     It is shown only this once. Sign in and add users for your team.\n",
                    admin.name
                ),
                None => println!(
                    "First start: created the administrator '{}' with the password from CANLLAW_ADMIN_PASSWORD.",
                    admin.name
                ),
            }
        }
        println!("Canllaw is running at http://{}/", app.local_addr());
        app.run_until_stopped(crate::web::shutdown_signal()).await?;
        Ok(ExitCode::SUCCESS)
    })
}
