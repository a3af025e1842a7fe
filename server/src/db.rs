//! Database connection with the pragmas SQLite needs on every pooled connection.
use std::time::Duration;

use migration::{Migrator, MigratorTrait};
use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
use sea_orm::{ConnectOptions, Database, DatabaseConnection};

pub fn sqlite_file(url: &str) -> Option<&str> {
    let rest = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next().unwrap_or(rest);
    (!path.is_empty() && path != ":memory:").then_some(path)
}

pub async fn connect(url: &str) -> anyhow::Result<DatabaseConnection> {
    Ok(Database::connect(options(url, false)?).await?)
}

/// A pool that opens its connections when first used: no I/O here, so an unreachable database
/// does not keep the server from starting (see `health`).
pub async fn connect_lazily(url: &str) -> anyhow::Result<DatabaseConnection> {
    Ok(Database::connect(options(url, true)?).await?)
}

fn options(url: &str, lazy: bool) -> anyhow::Result<ConnectOptions> {
    if let Some(parent) = sqlite_file(url).and_then(|p| std::path::Path::new(p).parent()) {
        if !parent.as_os_str().is_empty() {
            std::fs::create_dir_all(parent)?;
        }
    }
    let is_sqlite = url.starts_with("sqlite:");
    let mut opts = ConnectOptions::new(url.to_string());
    opts.max_connections(if is_sqlite { 8 } else { 20 })
        .acquire_timeout(Duration::from_secs(5))
        .connect_timeout(Duration::from_secs(5))
        .connect_lazy(lazy)
        .sqlx_logging(false)
        .map_sqlx_sqlite_opts(|o| {
            o.journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .busy_timeout(Duration::from_secs(5))
                .foreign_keys(true)
        });
    Ok(opts)
}

/// The key of the PostgreSQL advisory lock instances take turns on to migrate ("estrade" in ASCII).
const MIGRATION_LOCK: i64 = 0x0065_7374_7261_6465;

/// Connects and brings the schema up to date.
pub async fn connect_and_migrate(url: &str) -> anyhow::Result<DatabaseConnection> {
    let db = connect(url).await?;
    migrate_once(&db).await?;
    Ok(db)
}

/// Several instances may start at once (a Deployment's replicas): on PostgreSQL they take turns
/// through an advisory lock held on one connection, so the schema is migrated exactly once and the
/// others find it done. SQLite serves one process.
pub async fn migrate_once(db: &DatabaseConnection) -> anyhow::Result<()> {
    if db.get_database_backend() != sea_orm::DbBackend::Postgres {
        return Ok(Migrator::up(db, None).await?);
    }
    let mut held = db.get_postgres_connection_pool().acquire().await?;
    sea_orm::sqlx::query("SELECT pg_advisory_lock($1)").bind(MIGRATION_LOCK).execute(&mut *held).await?;
    let migrated = Migrator::up(db, None).await;
    sea_orm::sqlx::query("SELECT pg_advisory_unlock($1)").bind(MIGRATION_LOCK).execute(&mut *held).await?;
    Ok(migrated?)
}

#[cfg(test)]
mod tests {
    use super::sqlite_file;

    #[test]
    fn finds_the_sqlite_file_path() {
        assert_eq!(sqlite_file("sqlite://data/estrade.sqlite?mode=rwc"), Some("data/estrade.sqlite"));
        assert_eq!(sqlite_file("sqlite::memory:"), None);
        assert_eq!(sqlite_file("postgres://localhost/x"), None);
    }
}
