//! Helpers shared by the integration tests.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use canllaw::index;
use canllaw::search::Searcher;

/// The bundled knowledge base.
pub fn knowledge_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge")
}

/// One searcher over the bundled knowledge base per test binary, built in a
/// temporary data folder.
pub fn searcher() -> &'static Searcher {
    static SEARCHER: OnceLock<(tempfile::TempDir, Searcher)> = OnceLock::new();
    &SEARCHER
        .get_or_init(|| {
            let data = tempfile::tempdir().expect("temp dir");
            let opened = index::open_or_build(&knowledge_dir(), data.path(), false, &mut |_, _| {})
                .expect("index builds from the bundled knowledge");
            assert!(opened.problems.is_empty(), "{:?}", opened.problems);
            let searcher = Searcher::new(opened.index).expect("searcher");
            (data, searcher)
        })
        .1
}

/// The bundled knowledge base, loaded once per test binary (and checked to
/// load without problems).
pub fn kb() -> &'static canllaw::knowledge::KnowledgeBase {
    static KB: OnceLock<canllaw::knowledge::KnowledgeBase> = OnceLock::new();
    KB.get_or_init(|| {
        let loaded = canllaw::knowledge::load_dir(&knowledge_dir()).unwrap();
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        loaded.kb
    })
}

/// Copies a folder tree.
pub fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A running service on loopback, over a fresh data folder filled from the
/// bundled knowledge base, for black-box HTTP tests.
pub struct TestApp {
    /// `http://127.0.0.1:PORT`.
    pub base: String,
    /// The service's shared state (to reach the store).
    pub state: std::sync::Arc<canllaw::web::AppState>,
    /// The data folder (kept alive as long as the app).
    pub data: tempfile::TempDir,
    _stop: tokio::sync::oneshot::Sender<()>,
}

/// The first administrator's password in tests.
pub const ADMIN_PASSWORD: &str = "admin-password-for-tests";
/// The password of users made with [`TestApp::add_user`].
pub const USER_PASSWORD: &str = "user-password-for-tests";

impl TestApp {
    /// Starts the service on a free port.
    pub async fn spawn() -> TestApp {
        Self::spawn_with(canllaw::web::WebConfig::default()).await
    }

    /// Starts the service on a free port with these web settings.
    pub async fn spawn_with(web: canllaw::web::WebConfig) -> TestApp {
        let data = tempfile::tempdir().expect("temp dir");
        let settings = canllaw::app::Settings {
            addr: "127.0.0.1:0".parse().unwrap(),
            data: data.path().to_path_buf(),
            knowledge: knowledge_dir(),
            admin_password: Some(ADMIN_PASSWORD.to_string()),
            web,
            purge_daily: false,
        };
        let app = canllaw::app::Application::build(settings, Box::new(|_, _| {}))
            .await
            .expect("the service starts");
        let base = format!("http://{}", app.local_addr());
        let state = app.state();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        tokio::spawn(app.run_until_stopped(async {
            let _ = stopped.await;
        }));
        TestApp {
            base,
            state,
            data,
            _stop: stop,
        }
    }

    /// The full address of `path`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Creates a user with [`USER_PASSWORD`].
    pub async fn add_user(&self, name: &str, role: canllaw::auth::Role) {
        let hash = canllaw::auth::password::hash(USER_PASSWORD).unwrap();
        self.state
            .store
            .create_user(name, role, &hash)
            .await
            .expect("user created");
    }

    /// A client with its own cookies that does not follow redirects.
    pub fn client() -> reqwest::Client {
        reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap()
    }

    /// The CSRF token in a page's first form.
    pub fn csrf_in(html: &str) -> String {
        let at = html.find("name=\"csrf\" value=\"").expect("a csrf field") + 19;
        html[at..at + 64].to_string()
    }

    /// Signs in through the login form; returns the response to the POST.
    pub async fn login(
        &self,
        client: &reqwest::Client,
        name: &str,
        password: &str,
    ) -> reqwest::Response {
        sign_in(client, &self.base, name, password).await
    }

    /// A client signed in as a new user with `role` (or as the admin).
    pub async fn signed_in(&self, role: canllaw::auth::Role) -> reqwest::Client {
        let client = Self::client();
        let (name, password) = if role == canllaw::auth::Role::Admin {
            ("admin".to_string(), ADMIN_PASSWORD)
        } else {
            let name = format!("{}-user", role.as_str());
            self.add_user(&name, role).await;
            (name, USER_PASSWORD)
        };
        let r = self.login(&client, &name, password).await;
        assert_eq!(r.status(), 303, "login as {name}");
        client
    }

    /// The CSRF token of a signed-in client's session.
    pub async fn csrf_of(&self, client: &reqwest::Client) -> String {
        let me: serde_json::Value = client
            .get(self.url("/api/v1/me"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        me["csrf_token"].as_str().unwrap().to_string()
    }
}

/// Signs in through the login form of the service at `base`; returns the
/// response to the POST.
pub async fn sign_in(
    client: &reqwest::Client,
    base: &str,
    name: &str,
    password: &str,
) -> reqwest::Response {
    let form = client
        .get(format!("{base}/console/login"))
        .send()
        .await
        .unwrap();
    let token = TestApp::csrf_in(&form.text().await.unwrap());
    client
        .post(format!("{base}/console/login"))
        .form(&[
            ("csrf", token.as_str()),
            ("name", name),
            ("password", password),
            ("next", "/console"),
        ])
        .send()
        .await
        .unwrap()
}
