//! Logs, health probes and Prometheus metrics.
use std::sync::OnceLock;

use axum::extract::State;
use axum::response::IntoResponse;
use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};

use crate::config::LogFormat;
use app::state::AppState;

pub fn init_tracing(format: LogFormat) {
    let filter =
        tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info,sqlx=warn,sea_orm=warn,tower_http=info".into());
    let builder = tracing_subscriber::fmt().with_env_filter(filter);
    let _ = match format {
        LogFormat::Json => builder.json().try_init(),
        LogFormat::Text => builder.try_init(),
    };
}

/// The process-wide metrics recorder (installed once, shared by every router in the process).
pub fn metrics_handle() -> &'static PrometheusHandle {
    static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();
    HANDLE.get_or_init(|| {
        PrometheusBuilder::new()
            .set_buckets(&[0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0])
            .expect("valid buckets")
            .install_recorder()
            .expect("metrics recorder installs once")
    })
}

/// Prometheus text: request latency per route pattern (recorded by `middleware::record_metrics`),
/// the mail outbox, the page cache (`public_cache`) and the database pool, read now.
pub async fn metrics(State(state): State<AppState>) -> impl IntoResponse {
    // A database that is away must not hold the scrape: the outbox gauges keep their last value.
    let quickly = std::time::Duration::from_secs(1);
    if let Ok(Ok(n)) = tokio::time::timeout(quickly, app::mail::outbox::backlog(&state.db)).await {
        metrics::gauge!("estrade_mail_outbox_backlog").set(n as f64);
    }
    if let Ok(Ok(n)) = tokio::time::timeout(quickly, app::mail::outbox::failed_count(&state.db)).await {
        metrics::gauge!("estrade_mail_outbox_failed").set(n as f64);
    }
    let (size, idle) = pool_use(&state.db);
    metrics::gauge!("estrade_db_pool_connections").set(size as f64);
    metrics::gauge!("estrade_db_pool_idle").set(idle as f64);
    metrics::gauge!("estrade_db_pool_in_use").set(size.saturating_sub(idle) as f64);
    ([(axum::http::header::CONTENT_TYPE, "text/plain; version=0.0.4")], metrics_handle().render())
}

/// Connections the pool holds, and how many of them are idle.
fn pool_use(db: &sea_orm::DatabaseConnection) -> (u32, u32) {
    match db.get_database_backend() {
        sea_orm::DbBackend::Postgres => {
            let p = db.get_postgres_connection_pool();
            (p.size(), p.num_idle() as u32)
        }
        _ => {
            let p = db.get_sqlite_connection_pool();
            (p.size(), p.num_idle() as u32)
        }
    }
}
