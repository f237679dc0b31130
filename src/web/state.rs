//! What every handler shares.

use std::path::PathBuf;
use std::sync::{Arc, RwLock};
use std::time::Duration;

use crate::published::Published;
use crate::store::{DynStore, Session};

/// Bytes of sessions kept in memory: thousands of signed-in advisers.
const SESSION_CACHE_BYTES: u64 = 4 * 1024 * 1024;

/// Weighs a remembered session by the bytes it holds.
#[derive(Debug, Clone, Copy, Default)]
pub struct SessionWeight;

impl quick_cache::Weighter<String, Session> for SessionWeight {
    fn weight(&self, key: &String, s: &Session) -> u64 {
        let strings = key.capacity()
            + s.token_hash.capacity()
            + s.csrf.capacity()
            + s.user.name.capacity()
            + s.user.password_hash.capacity();
        (std::mem::size_of::<Session>() + strings + 64) as u64
    }
}

/// Settings of the web layer.
#[derive(Debug, Clone)]
pub struct WebConfig {
    /// Mark cookies `Secure` (set when the service is reached over TLS,
    /// usually through a reverse proxy).
    pub secure_cookies: bool,
    /// A session ends after this long without a request.
    pub session_idle: Duration,
    /// A session ends this long after login, however active.
    pub session_max: Duration,
    /// Public searches one client (address) may make per minute, in a
    /// burst or spread out.
    pub public_searches_per_minute: u32,
    /// Reverse proxies whose `X-Forwarded-For` names the client (see
    /// `web::client`). Empty: every peer is the client.
    pub trusted_proxies: Vec<std::net::IpAddr>,
    /// How the editors' workflow runs (four eyes).
    pub editorial: crate::editorial::Rules,
    /// How long personal data is kept.
    pub retention: crate::retention::Policy,
    /// Limits on connections: slow and idle clients.
    pub connections: super::listen::Limits,
}

impl Default for WebConfig {
    fn default() -> Self {
        WebConfig {
            secure_cookies: false,
            // A quiet spell on a shift, but not a forgotten screen overnight.
            session_idle: Duration::from_secs(2 * 60 * 60),
            // Longer than any shift.
            session_max: Duration::from_secs(12 * 60 * 60),
            // A person searches a few times a minute; a scraper far more.
            public_searches_per_minute: 60,
            trusted_proxies: Vec::new(),
            editorial: crate::editorial::Rules::default(),
            retention: crate::retention::Policy::default(),
            connections: super::listen::Limits::default(),
        }
    }
}

/// Shared state: the store, the published knowledge and the rate limits.
pub struct AppState {
    /// The store.
    pub store: DynStore,
    /// Settings.
    pub config: WebConfig,
    /// The key the sign-in form's CSRF tokens are signed with (from the
    /// store, so every replica accepts every replica's forms).
    pub login_secret: Vec<u8>,
    /// Calls in progress as heard, with the words behind each reason
    /// (memory only).
    pub heard: crate::contacts::Heard,
    /// Public searches per client address.
    pub public_search_limit: governor::DefaultKeyedRateLimiter<std::net::IpAddr>,
    /// Recently seen sessions, so most requests need no database round
    /// trip (see `session::load`), bounded by bytes.
    pub sessions: quick_cache::sync::Cache<String, Session, SessionWeight>,
    published: RwLock<Arc<Published>>,
    /// The data folder, where a reloaded index is built.
    data_dir: PathBuf,
    /// Held while the published knowledge is reloaded, so two publications
    /// at once cannot swap in an older version last.
    reloading: tokio::sync::Mutex<()>,
    /// Held from a publication's checks to its reload, so two publications
    /// are checked and committed one after the other.
    publishing: tokio::sync::Mutex<()>,
}

/// What a publication made.
#[derive(Debug, Clone, Copy, serde::Serialize)]
pub struct Publication {
    /// The new revision.
    pub revision: i64,
    /// Whether search and the assistant already serve it. False when the
    /// reload failed (logged): the change is published and the next
    /// publication or restart serves it.
    pub reloaded: bool,
}

impl AppState {
    /// State over a store and its loaded knowledge.
    pub fn new(
        store: DynStore,
        published: Published,
        config: WebConfig,
        data_dir: PathBuf,
        login_secret: Vec<u8>,
    ) -> Arc<Self> {
        Arc::new(AppState {
            store,
            login_secret,
            heard: crate::contacts::Heard::default(),
            public_search_limit: governor::RateLimiter::keyed(governor::Quota::per_minute(
                std::num::NonZeroU32::new(config.public_searches_per_minute.max(1))
                    .unwrap_or(std::num::NonZeroU32::MIN),
            )),
            sessions: quick_cache::sync::Cache::with_weighter(
                10_000,
                SESSION_CACHE_BYTES,
                SessionWeight,
            ),
            published: RwLock::new(Arc::new(published)),
            data_dir,
            reloading: tokio::sync::Mutex::new(()),
            publishing: tokio::sync::Mutex::new(()),
            config,
        })
    }

    /// The current published knowledge. Hold the `Arc` for the whole
    /// request so it sees one version even if a newer one is swapped in.
    pub fn published(&self) -> Arc<Published> {
        self.published
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Makes `published` the version new requests see.
    pub fn publish(&self, published: Published) {
        *self.published.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(published);
    }

    /// Reads the published knowledge from the store again and swaps it in
    /// (after a publication). Searches keep being answered from the old
    /// version until the new one is ready.
    pub async fn reload(&self) -> anyhow::Result<()> {
        let _one_at_a_time = self.reloading.lock().await;
        let published = crate::published::reload(&*self.store, &self.data_dir).await?;
        self.publish(published);
        Ok(())
    }

    /// Approves and publishes a draft (see `editorial::publish`), then
    /// reloads search and the assistant so the next search finds it. Runs
    /// as its own task: a client hanging up cannot stop it between the
    /// commit and the reload.
    pub async fn publish_draft(
        self: &Arc<Self>,
        user: crate::store::User,
        path: String,
        version: i64,
        confirm_stale: bool,
    ) -> Result<Publication, crate::editorial::EditorialError> {
        let state = self.clone();
        let task = tokio::spawn(async move {
            let _one_at_a_time = state.publishing.lock().await;
            let started = std::time::Instant::now();
            let revision = crate::editorial::publish(
                &*state.store,
                &user,
                state.config.editorial,
                &path,
                version,
                confirm_stale,
            )
            .await?;
            let committed = started.elapsed();
            let reloaded = match state.reload().await {
                Ok(()) => true,
                Err(e) => {
                    tracing::error!(error = %e, "published, but reloading search failed");
                    false
                }
            };
            tracing::info!(
                %path,
                revision,
                checked_and_committed_ms = committed.as_millis() as u64,
                reloaded_ms = (started.elapsed() - committed).as_millis() as u64,
                "published"
            );
            Ok(Publication { revision, reloaded })
        });
        task.await.map_err(|e| {
            crate::editorial::EditorialError::Store(crate::store::StoreError::Database(
                e.to_string(),
            ))
        })?
    }
}
