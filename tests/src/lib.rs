//! Test harness: the real server on a random port, a fresh database per test (SQLite and
//! PostgreSQL), a real SMTP server, and Chromium through chromedriver.
pub mod access;
pub mod access_routes;
pub mod browser;
pub mod cfp;
pub mod cluster;
pub mod db;
pub mod html;
pub mod http;
pub mod import;
pub mod matrix;
pub mod partners;
pub mod process;
pub mod review;
pub mod schedule;
pub mod selection;
pub mod smtp;
pub mod volunteers;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use app::state::AppState;
use leptos::prelude::LeptosOptions;
use server::config::ServeOpts;

pub use db::{Backend, TestDb};
pub use smtp::SmtpSink;

/// The workspace root (this crate lives in `tests/`).
pub fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).parent().expect("workspace root").to_path_buf()
}

/// Where cargo-leptos put the site (wasm, JS, CSS): `LEPTOS_SITE_ROOT` or `target/site`.
pub fn site_root() -> PathBuf {
    std::env::var("LEPTOS_SITE_ROOT").map(PathBuf::from).unwrap_or_else(|_| workspace_root().join("target/site"))
}

/// The hash file cargo-leptos writes beside the server binary, when it exists.
fn hash_file() -> Option<PathBuf> {
    let target = std::env::var("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|_| workspace_root().join("target"));
    ["debug", "release"].iter().map(|p| target.join(p).join("hash.txt")).find(|p| p.exists())
}

fn leptos_options(addr: SocketAddr) -> LeptosOptions {
    let hash = hash_file();
    LeptosOptions::builder()
        .output_name("estrade")
        .site_root(site_root().to_string_lossy().to_string())
        .site_pkg_dir("pkg")
        .site_addr(addr)
        .hash_files(hash.is_some())
        .hash_file(hash.map(|p| p.to_string_lossy().to_string()).unwrap_or_else(|| "hash.txt".into()).into())
        .build()
}

/// How a test wants its server: where mail goes and how fast it is retried.
#[derive(Debug, Clone, Default)]
pub struct Setup {
    /// `Some(port)`: send mail by SMTP to 127.0.0.1:port; `None`: write .eml files.
    pub smtp_port: Option<u16>,
    /// Longest delay between two tries of a mail (default 60 s).
    pub mail_retry_max_delay_secs: Option<u64>,
    /// How long a mail is retried (default 24 h).
    pub mail_retry_window_secs: Option<u64>,
}

pub struct TestApp {
    pub base_url: String,
    /// The first (or only) instance's state.
    pub state: AppState,
    /// Every instance's state (one unless started as a cluster); each has its own caches.
    pub instances: Vec<AppState>,
    /// Each instance's own address, bypassing the front of a cluster.
    pub instance_urls: Vec<String>,
    pub mail_dir: PathBuf,
    running: Vec<server::Running>,
    front: Option<tokio::task::JoinHandle<()>>,
    _db: TestDb,
    _dir: tempfile::TempDir,
}

impl TestApp {
    pub async fn start(backend: Backend) -> TestApp {
        Self::start_with(backend, Setup::default()).await
    }

    pub async fn start_with(backend: Backend, setup: Setup) -> TestApp {
        Self::start_inner(backend, setup, false, 1).await
    }

    /// A server that takes the client's address from `X-Forwarded-For`, as behind a trusted proxy:
    /// tests play several clients' addresses with it.
    pub async fn start_behind_proxy(backend: Backend) -> TestApp {
        Self::start_inner(backend, Setup::default(), true, 1).await
    }

    /// `n` instances on one database and one data directory (the shared volume), each with its own
    /// caches and mail worker, behind a front that sends each new connection to the next instance
    /// (`base_url`). Clients from `cluster::client` open a connection per request, so every request
    /// goes to the next instance, as through a round-robin load balancer.
    pub async fn start_cluster(backend: Backend, setup: Setup, n: usize) -> TestApp {
        Self::start_inner(backend, setup, false, n).await
    }

    async fn start_inner(backend: Backend, setup: Setup, trust_forwarded_for: bool, n: usize) -> TestApp {
        let dir = tempfile::tempdir().expect("temp dir");
        let test_db = TestDb::create(backend, dir.path()).await;
        let listeners = bind_free(n).await;
        let addrs: Vec<SocketAddr> = listeners.iter().map(|l| l.local_addr().unwrap()).collect();
        let (public, front_task) = if n == 1 {
            (format!("http://{}", addrs[0]), None)
        } else {
            let (url, task) = cluster::round_robin_front(addrs).await;
            (url, Some(task))
        };
        let (mut states, mut running, mut urls) = (Vec::new(), Vec::new(), Vec::new());
        for listener in listeners {
            let db = server::db::connect_and_migrate(&test_db.url).await.expect("connect and migrate");
            let addr = listener.local_addr().unwrap();
            let opts = serve_opts(addr, &setup, trust_forwarded_for, &public);
            let config = server::app_config(&opts, dir.path().to_path_buf(), addr);
            let mailer = server::mailer(opts.smtp_url.as_deref(), dir.path()).expect("mailer");
            let state = server::app_state(leptos_options(addr), db, mailer, config);
            running.push(server::start(state.clone(), listener, &opts).await.expect("server starts"));
            urls.push(format!("http://{addr}"));
            states.push(state);
        }
        TestApp {
            base_url: public,
            state: states[0].clone(),
            instances: states,
            instance_urls: urls,
            mail_dir: dir.path().join("mail"),
            running,
            front: front_task,
            _db: test_db,
            _dir: dir,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base_url, path)
    }

    /// A user straight in the database (no mail, already verified).
    pub async fn create_user(&self, email: &str, name: &str, password: &str, admin: bool) {
        app::auth::service::insert_user(&self.state.db, email, name, password, admin, true, self.state.clock.now())
            .await
            .expect("create user");
    }

    /// Marks the account with `email` as verified, as its confirmation link would.
    pub async fn verify(&self, email: &str) {
        use sea_orm::sea_query::Expr;
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        app::entities::user::Entity::update_many()
            .col_expr(app::entities::user::Column::VerifiedAt, Expr::value(Some(chrono::Utc::now())))
            .filter(app::entities::user::Column::EmailNormalized.eq(email.to_lowercase()))
            .exec(&self.state.db)
            .await
            .expect("verify user");
    }

    /// Stores a throttle counter (`scope`, `subject`, no source) at `hits` attempts in a window that
    /// starts now: tests reach a limit without making every request.
    pub async fn set_counter(&self, scope: &str, subject: &str, hits: i32) {
        use sea_orm::{ActiveModelTrait, Set};
        let now = chrono::Utc::now();
        app::entities::throttle_counter::ActiveModel {
            scope: Set(scope.into()),
            subject: Set(subject.into()),
            source: Set(String::new()),
            hits: Set(hits),
            window_start: Set(now),
            blocked_until: Set(None),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(&self.state.db)
        .await
        .expect("store a throttle counter");
    }

    /// Gives the existing user with `email` the per-event `role` ("organizer", "reviewer", …).
    pub async fn grant(&self, email: &str, event_id: i32, role: &str) {
        use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
        let u = app::entities::user::Entity::find()
            .filter(app::entities::user::Column::EmailNormalized.eq(email.to_lowercase()))
            .one(&self.state.db)
            .await
            .expect("query user")
            .expect("user exists");
        app::entities::membership::ActiveModel {
            event_id: Set(event_id),
            user_id: Set(u.id),
            role: Set(role.into()),
            created_at: Set(chrono::Utc::now()),
            ..Default::default()
        }
        .insert(&self.state.db)
        .await
        .expect("grant role");
    }

    /// Waits until `check` holds, polling; panics with `what` after `timeout`.
    pub async fn eventually<F, Fut>(what: &str, timeout: Duration, mut check: F)
    where
        F: FnMut() -> Fut,
        Fut: std::future::Future<Output = bool>,
    {
        let deadline = tokio::time::Instant::now() + timeout;
        while !check().await {
            assert!(tokio::time::Instant::now() < deadline, "timed out waiting for: {what}");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// The .eml files written so far, parsed to (to, subject, text body).
    pub fn mail_files(&self) -> Vec<smtp::Mail> {
        let Ok(entries) = std::fs::read_dir(&self.mail_dir) else { return vec![] };
        entries
            .filter_map(|e| e.ok())
            .filter(|e| e.path().extension().is_some_and(|x| x == "eml"))
            .filter_map(|e| std::fs::read(e.path()).ok())
            .map(|raw| smtp::Mail::parse(&raw))
            .collect()
    }

    pub async fn stop(mut self) {
        if let Some(front) = self.front.take() {
            front.abort();
        }
        for r in self.running.drain(..) {
            r.shutdown(server::StopPlan::immediate()).await.expect("clean shutdown");
        }
    }
}

/// `n` listeners on free local ports.
async fn bind_free(n: usize) -> Vec<tokio::net::TcpListener> {
    let mut out = Vec::new();
    for _ in 0..n {
        out.push(tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind"));
    }
    out
}

fn serve_opts(addr: SocketAddr, setup: &Setup, trust_forwarded_for: bool, public_url: &str) -> ServeOpts {
    ServeOpts {
        bind: Some(addr),
        base_url: Some(public_url.to_string()),
        smtp_url: setup.smtp_port.map(|p| format!("smtp://127.0.0.1:{p}")),
        mail_from: "Estrade <no-reply@estrade.test>".into(),
        mail_retry_base_secs: 1,
        mail_retry_max_delay_secs: setup.mail_retry_max_delay_secs.unwrap_or(60),
        mail_retry_window_secs: setup.mail_retry_window_secs.unwrap_or(86_400),
        mail_poll_secs: 1,
        seed_demo_if_empty: false,
        max_body_bytes: 2 * 1024 * 1024,
        request_timeout_secs: 30,
        trust_forwarded_for,
        shutdown_drain_secs: 0,
        shutdown_timeout_secs: 20,
    }
}

/// Generates one test per database backend: `mod name { fn sqlite(); fn postgres(); }`.
#[macro_export]
macro_rules! db_test {
    ($name:ident, $body:expr) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let f = $body;
                f($crate::Backend::Sqlite).await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                if !$crate::db::postgres_available().await {
                    return;
                }
                let f = $body;
                f($crate::Backend::Postgres).await;
            }
        }
    };
}
