//! Whether this instance can serve: its schema is ready, its database answers, it is not stopping.
//!
//! A database that is unreachable at start or for a while must not crash the process: the instance
//! keeps listening, `/readyz` says what is wrong (so a load balancer sends people elsewhere), pages
//! answer a short 503 page in both languages, and everything comes back by itself once the
//! database answers again.
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use sea_orm::ConnectionTrait;
use tokio::sync::watch;

/// How often the database is asked `SELECT 1`, and how long it has to answer.
const PROBE_EVERY: Duration = Duration::from_secs(2);
const PROBE_TIMEOUT: Duration = Duration::from_secs(2);

#[derive(Clone, Debug)]
pub struct Health(Arc<Flags>);

#[derive(Debug)]
struct Flags {
    migrated: AtomicBool,
    database_up: AtomicBool,
    stopping: AtomicBool,
}

impl Health {
    /// An instance whose schema is not known to be ready yet.
    pub fn starting() -> Self {
        Health(Arc::new(Flags { migrated: AtomicBool::new(false), database_up: AtomicBool::new(false), stopping: AtomicBool::new(false) }))
    }

    /// An instance whose database is migrated and answering.
    pub fn ready() -> Self {
        let h = Self::starting();
        h.set_migrated();
        h
    }

    pub fn set_migrated(&self) {
        self.0.migrated.store(true, Ordering::SeqCst);
        self.0.database_up.store(true, Ordering::SeqCst);
    }

    pub fn set_stopping(&self) {
        self.0.stopping.store(true, Ordering::SeqCst);
    }

    fn set_database_up(&self, up: bool) {
        let was = self.0.database_up.swap(up, Ordering::SeqCst);
        match (was, up) {
            (true, false) => tracing::error!("database unreachable: pages answer 503 until it is back"),
            (false, true) => tracing::info!("database reachable again"),
            _ => {}
        }
    }

    /// Pages can be served: the schema is ready and the database answers.
    pub fn can_serve(&self) -> bool {
        self.0.migrated.load(Ordering::SeqCst) && self.0.database_up.load(Ordering::SeqCst)
    }

    /// Why the instance should not get traffic, if it should not.
    pub fn not_ready_because(&self) -> Option<&'static str> {
        if self.0.stopping.load(Ordering::SeqCst) {
            Some("shutting down")
        } else if !self.0.migrated.load(Ordering::SeqCst) {
            Some("database not reachable or not migrated yet")
        } else if !self.0.database_up.load(Ordering::SeqCst) {
            Some("database unavailable")
        } else {
            None
        }
    }

    /// Asks the database at `url` every `PROBE_EVERY` until `stop` turns true (once migrated), on a
    /// connection of its own: a pool busy with a rush of requests is not a database that is away
    /// (and a probe that gave up waiting in the pool's queue could leave a waiter unserved).
    pub async fn probe(self, url: String, mut stop: watch::Receiver<bool>) {
        loop {
            if self.0.migrated.load(Ordering::SeqCst) {
                let answered = tokio::time::timeout(PROBE_TIMEOUT, answers(&url)).await;
                self.set_database_up(matches!(answered, Ok(true)));
            }
            tokio::select! {
                _ = stop.wait_for(|v| *v) => break,
                _ = tokio::time::sleep(PROBE_EVERY) => {}
            }
        }
    }
}

/// Whether a fresh connection to `url` answers `SELECT 1`.
async fn answers(url: &str) -> bool {
    let mut opts = sea_orm::ConnectOptions::new(url.to_string());
    opts.max_connections(1).min_connections(0).connect_timeout(PROBE_TIMEOUT).acquire_timeout(PROBE_TIMEOUT).sqlx_logging(false);
    let Ok(db) = sea_orm::Database::connect(opts).await else { return false };
    let ok = db.execute_unprepared("SELECT 1").await.is_ok();
    let _ = db.close().await;
    ok
}

/// `/healthz`: the process is up.
pub async fn healthz() -> &'static str {
    "ok"
}

/// `/readyz`: 200 when this instance should get traffic; 503 with the reason while its database is
/// unreachable or not migrated, and from the moment it starts shutting down.
pub async fn readyz(State(health): State<Health>) -> Response {
    match health.not_ready_because() {
        None => (StatusCode::OK, "ready").into_response(),
        Some(why) => (StatusCode::SERVICE_UNAVAILABLE, why).into_response(),
    }
}

/// Answers a short 503 page while the database cannot be used, instead of errors from every query.
pub async fn unavailable_page(State(health): State<Health>, req: Request, next: Next) -> Response {
    if health.can_serve() || is_probe_or_asset(req.uri().path()) {
        return next.run(req).await;
    }
    let mut res = (StatusCode::SERVICE_UNAVAILABLE, axum::response::Html(app::error::unavailable_page())).into_response();
    res.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static("10"));
    res.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

fn is_probe_or_asset(path: &str) -> bool {
    matches!(path, "/healthz" | "/readyz" | "/metrics" | "/favicon.ico") || path.starts_with("/pkg/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_starting_instance_is_not_ready_and_says_why() {
        let h = Health::starting();
        assert!(!h.can_serve());
        assert_eq!(h.not_ready_because(), Some("database not reachable or not migrated yet"));
        h.set_migrated();
        assert!(h.can_serve());
        assert_eq!(h.not_ready_because(), None);
    }

    #[test]
    fn a_stopping_instance_still_serves_but_is_not_ready() {
        let h = Health::ready();
        h.set_stopping();
        assert!(h.can_serve(), "requests in flight and arriving during the drain are served");
        assert_eq!(h.not_ready_because(), Some("shutting down"));
    }

    #[test]
    fn a_lost_database_stops_pages_until_it_is_back() {
        let h = Health::ready();
        h.set_database_up(false);
        assert!(!h.can_serve());
        assert_eq!(h.not_ready_because(), Some("database unavailable"));
        h.set_database_up(true);
        assert!(h.can_serve());
    }

    #[test]
    fn probes_and_assets_pass_while_the_database_is_away() {
        assert!(is_probe_or_asset("/readyz"));
        assert!(is_probe_or_asset("/pkg/estrade.css"));
        assert!(!is_probe_or_asset("/events/x/agenda"));
    }
}
