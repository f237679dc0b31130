//! Building the whole service from its settings: open the store, fill it on
//! first start, make sure an administrator exists, load the knowledge and
//! its index, bind the address. `canllaw serve` and the black-box tests both
//! start the service through [`Application`].

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use anyhow::{Context, Result};
use tokio::net::TcpListener;

use crate::auth::{Role, password};
use crate::store::{DynStore, SqliteStore, Store};
use crate::web::{AppState, WebConfig};

/// Everything `canllaw serve` can be told.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Address to listen on (port 0 picks a free one).
    pub addr: SocketAddr,
    /// Data folder: database and index.
    pub data: PathBuf,
    /// Knowledge base to fill an empty store from.
    pub knowledge: PathBuf,
    /// Password for the first administrator; generated and printed once
    /// when not given.
    pub admin_password: Option<String>,
    /// Web settings.
    pub web: WebConfig,
    /// Purge by the retention policy (`web.retention`) at start and then
    /// daily (off in tests that do not ask for it).
    pub purge_daily: bool,
}

/// The administrator created on first start.
#[derive(Debug, Clone)]
pub struct FirstAdmin {
    /// Login name.
    pub name: String,
    /// The password, when it was generated (so it must be shown once).
    pub generated_password: Option<String>,
}

/// A built service, bound and ready to run.
pub struct Application {
    listener: TcpListener,
    state: Arc<AppState>,
    purge_daily: bool,
    /// Set when this start created the first administrator.
    pub first_admin: Option<FirstAdmin>,
}

impl Application {
    /// Builds the service. `progress` sees (documents done, total) while the
    /// index is built.
    pub async fn build(
        settings: Settings,
        progress: Box<dyn FnMut(usize, usize) + Send>,
    ) -> Result<Self> {
        let db = settings.data.join("canllaw.db");
        let store = SqliteStore::open(&db)
            .with_context(|| format!("opening the database {}", db.display()))?;
        if let Some(report) = crate::published::seed_if_empty(&store, &settings.knowledge).await? {
            tracing::info!(
                files = report.added,
                from = %settings.knowledge.display(),
                "store filled from the bundled knowledge base"
            );
        }
        let first_admin = ensure_admin(&store, settings.admin_password.clone()).await?;
        let started = std::time::Instant::now();
        let published = crate::published::load(&store, &settings.data, false, progress).await?;
        tracing::info!(
            documents = published.searcher.num_docs(),
            built = published.built,
            ms = started.elapsed().as_millis() as u64,
            "search index ready"
        );
        for p in &published.problems {
            tracing::warn!(problem = %p, "stored content skipped");
        }
        // Ready now, so the first caller's turn does not wait for it: read
        // back from the data folder, or trained (and saved) when the
        // examples changed.
        let started = std::time::Instant::now();
        let data = settings.data.clone();
        let published = tokio::task::spawn_blocking(move || {
            crate::assistant::classifier::Classifier::for_kb_saved_in(&published.kb, &data);
            published
        })
        .await?;
        tracing::info!(
            ms = started.elapsed().as_millis() as u64,
            "assistant classifier ready"
        );
        let listener = TcpListener::bind(settings.addr)
            .await
            .with_context(|| format!("listening on {}", settings.addr))?;
        let login_secret = store.server_secret("login-csrf").await?;
        let store: DynStore = Arc::new(store);
        Ok(Application {
            listener,
            state: AppState::new(store, published, settings.web, settings.data, login_secret),
            purge_daily: settings.purge_daily,
            first_admin,
        })
    }

    /// The address actually bound.
    pub fn local_addr(&self) -> SocketAddr {
        self.listener
            .local_addr()
            .expect("a bound listener has an address")
    }

    /// The shared state (tests use it to reach the store).
    pub fn state(&self) -> Arc<AppState> {
        self.state.clone()
    }

    /// Serves until `shutdown` completes, then finishes requests in flight.
    pub async fn run_until_stopped(
        self,
        shutdown: impl std::future::Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        let purging = self.purge_daily.then(|| {
            tokio::spawn(crate::retention::daily(
                self.state.store.clone(),
                self.state.config.retention,
            ))
        });
        let result = crate::web::serve(self.listener, self.state, shutdown).await;
        if let Some(task) = purging {
            task.abort();
        }
        result
    }
}

/// Creates the administrator `admin` when there are no users at all.
async fn ensure_admin(store: &dyn Store, given: Option<String>) -> Result<Option<FirstAdmin>> {
    if store.user_count().await? > 0 {
        return Ok(None);
    }
    let (pw, generated) = match given {
        Some(p) => (p, false),
        None => (password::generate(), true),
    };
    let user = crate::auth::add_user(store, "setup", "admin", Role::Admin, pw.clone())
        .await
        .context("creating the first administrator (CANLLAW_ADMIN_PASSWORD)")?;
    Ok(Some(FirstAdmin {
        name: user.name,
        generated_password: generated.then_some(pw),
    }))
}
