//! Estrade's server: configuration, router, background workers, commands.
pub mod backup;
pub mod cli;
pub mod config;
pub mod db;
pub mod form_flash;
pub mod health;
pub mod hydration_data;
pub mod lang;
pub mod mail_worker;
pub mod middleware;
pub mod nul_guard;
pub mod observability;
pub mod public_cache;
pub mod router;
pub mod seed;
pub mod seed_bench;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::LeptosOptions;
use sea_orm::DatabaseConnection;
use tokio::sync::{watch, Notify};

use app::mail::transport::Mailer;
use app::state::{AppConfig, AppState};
use config::ServeOpts;

/// Leptos options from the environment cargo-leptos sets, with defaults for running the binary directly.
pub fn leptos_options_from_env(bind: Option<SocketAddr>) -> anyhow::Result<LeptosOptions> {
    let var = |k: &str, d: &str| std::env::var(k).unwrap_or_else(|_| d.to_string());
    let site_addr = match bind {
        Some(addr) => addr,
        None => var("LEPTOS_SITE_ADDR", "127.0.0.1:3000").parse()?,
    };
    Ok(LeptosOptions::builder()
        .output_name(var("LEPTOS_OUTPUT_NAME", "estrade"))
        .site_root(var("LEPTOS_SITE_ROOT", "target/site"))
        .site_pkg_dir(var("LEPTOS_SITE_PKG_DIR", "pkg"))
        .site_addr(site_addr)
        .reload_port(var("LEPTOS_RELOAD_PORT", "3001").parse::<u32>()?)
        .hash_files(var("LEPTOS_HASH_FILES", "false") == "true")
        .hash_file(var("LEPTOS_HASH_FILE_NAME", "hash.txt").into())
        .build())
}

pub fn app_config(opts: &ServeOpts, data_dir: std::path::PathBuf, site_addr: SocketAddr) -> AppConfig {
    AppConfig {
        base_url: opts.base_url.clone().unwrap_or_else(|| format!("http://{site_addr}")),
        mail_from: opts.mail_from.clone(),
        data_dir,
        mail_retry: domain::backoff::RetryPolicy {
            base_secs: opts.mail_retry_base_secs,
            max_delay_secs: opts.mail_retry_max_delay_secs,
            window_secs: opts.mail_retry_window_secs,
        },
        limits: Default::default(),
        trust_forwarded_for: opts.trust_forwarded_for,
    }
}

pub fn mailer(smtp_url: Option<&str>, data_dir: &std::path::Path) -> anyhow::Result<Mailer> {
    let mailer = match smtp_url {
        Some(url) if !url.is_empty() => Mailer::smtp(url),
        _ => Mailer::files(data_dir.join("mail")),
    };
    mailer.map_err(|e| anyhow::anyhow!(e))
}

pub fn app_state(options: LeptosOptions, db: DatabaseConnection, mailer: Mailer, config: AppConfig) -> AppState {
    AppState {
        leptos_options: options,
        db,
        mailer: Arc::new(mailer),
        config: Arc::new(config),
        mail_wake: Arc::new(Notify::new()),
        clock: app::state::Clock::default(),
        programmes: Default::default(),
    }
}

/// How a server stops: how long it keeps serving while `/readyz` already says 503 (so load
/// balancers take it out first), then how long in-flight requests get to finish.
#[derive(Debug, Clone, Copy)]
pub struct StopPlan {
    pub drain: Duration,
    pub grace: Duration,
}

impl StopPlan {
    /// No drain; in-flight requests still finish (tests).
    pub fn immediate() -> Self {
        StopPlan { drain: Duration::ZERO, grace: Duration::from_secs(30) }
    }
}

/// A running server: its address and a handle to stop it gracefully.
pub struct Running {
    pub addr: SocketAddr,
    pub health: health::Health,
    stop: watch::Sender<bool>,
    task: tokio::task::JoinHandle<anyhow::Result<()>>,
}

impl Running {
    /// Says "not ready", keeps serving for `plan.drain`, then stops accepting and lets in-flight
    /// requests (up to `plan.grace`) and the mail being sent finish.
    pub async fn shutdown(self, plan: StopPlan) -> anyhow::Result<()> {
        self.health.set_stopping();
        tracing::info!(drain_ms = plan.drain.as_millis() as u64, "shutting down: not ready any more");
        tokio::time::sleep(plan.drain).await;
        tracing::info!("shutting down: finishing in-flight requests");
        let _ = self.stop.send(true);
        match tokio::time::timeout(plan.grace, self.task).await {
            Ok(done) => done?,
            Err(_) => {
                tracing::warn!(grace_ms = plan.grace.as_millis() as u64, "requests still running after the grace period; stopping anyway");
                Ok(())
            }
        }?;
        tracing::info!("stopped");
        Ok(())
    }
}

/// Binds `listener`, serves the app and runs the mail worker until `shutdown` is called. The
/// database must already be migrated.
pub async fn start(state: AppState, listener: tokio::net::TcpListener, opts: &ServeOpts) -> anyhow::Result<Running> {
    start_with_health(state, listener, opts, health::Health::ready(), None).await
}

/// [`start`] for an instance whose database may not be ready yet: pages answer 503 and the mail
/// worker waits until `health` says it can serve. With `probe_url`, the database there is asked
/// every 2 s whether it answers (see `health`).
pub async fn start_with_health(
    state: AppState,
    listener: tokio::net::TcpListener,
    opts: &ServeOpts,
    health: health::Health,
    probe_url: Option<String>,
) -> anyhow::Result<Running> {
    let addr = listener.local_addr()?;
    observability::metrics_handle();
    let router = router::build(state.clone(), health.clone(), opts.max_body_bytes, Duration::from_secs(opts.request_timeout_secs));
    let (stop, stop_rx) = watch::channel(false);
    let worker =
        tokio::spawn(mail_worker::run(state.clone(), health.clone(), Duration::from_secs(opts.mail_poll_secs.max(1)), stop_rx.clone()));
    if let Some(url) = probe_url {
        tokio::spawn(health.clone().probe(url, stop_rx.clone()));
    }
    let mut server_stop = stop_rx;
    let task = tokio::spawn(async move {
        axum::serve(listener, router.into_make_service_with_connect_info::<SocketAddr>())
            .with_graceful_shutdown(async move {
                let _ = server_stop.wait_for(|v| *v).await;
            })
            .await?;
        worker.await?;
        Ok(())
    });
    Ok(Running { addr, health, stop, task })
}
