//! `server backup FILE` and `server restore FILE` for the SQLite default.
//!
//! A backup is SQLite's own online copy (`VACUUM INTO`): consistent while the server keeps
//! serving, compact, and a plain database file. PostgreSQL is backed up with its own tools
//! (`pg_dump`, CloudNativePG's scheduled backups): see deploy/README.md.
use std::path::Path;

use anyhow::{bail, Context};
use sea_orm::{ConnectionTrait, DbBackend, Statement};

use crate::db;

/// Writes an online copy of the SQLite database at `url` into `file`; returns its size in bytes.
pub async fn backup(url: &str, file: &Path) -> anyhow::Result<u64> {
    if !url.starts_with("sqlite:") {
        bail!("`server backup` copies the SQLite database; on PostgreSQL use pg_dump or CloudNativePG's backups (deploy/README.md).");
    }
    if file.exists() {
        bail!("{} already exists; choose a new file name.", file.display());
    }
    let conn = db::connect(url).await?;
    conn.execute_raw(Statement::from_sql_and_values(DbBackend::Sqlite, "VACUUM INTO ?", [file.to_string_lossy().to_string().into()]))
        .await
        .with_context(|| format!("cannot write the backup to {}", file.display()))?;
    conn.close().await?;
    Ok(std::fs::metadata(file)?.len())
}

/// Restores `file` (made by [`backup`]) as the SQLite database of `url`, which must be empty or not
/// exist yet, then migrates it (a backup of an older version is brought up to date).
pub async fn restore(file: &Path, url: &str) -> anyhow::Result<()> {
    let Some(target) = db::sqlite_file(url) else {
        bail!("`server restore` restores into a SQLite database; on PostgreSQL use pg_restore (deploy/README.md).");
    };
    check_is_a_backup(file).await?;
    let target = Path::new(target);
    if target.exists() && has_tables(url).await? {
        bail!("{} already holds data; restore into a new, empty database.", target.display());
    }
    if let Some(parent) = target.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)?;
    }
    // The copy is made under a temporary name, then renamed: a restore cut short leaves no half database.
    let partial = target.with_extension("restoring");
    std::fs::copy(file, &partial).with_context(|| format!("cannot read {}", file.display()))?;
    for stale in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{stale}", target.display()));
    }
    std::fs::rename(&partial, target)?;
    db::connect_and_migrate(url).await?;
    Ok(())
}

/// `file` is a SQLite database that Estrade migrated.
async fn check_is_a_backup(file: &Path) -> anyhow::Result<()> {
    if !file.is_file() {
        bail!("{} is not a file.", file.display());
    }
    let url = format!("sqlite://{}?mode=ro", file.display());
    let conn = sea_orm::Database::connect(url).await.with_context(|| format!("{} is not a SQLite database", file.display()))?;
    let found = conn
        .query_one_raw(Statement::from_string(DbBackend::Sqlite, "SELECT count(*) AS n FROM sqlite_master WHERE name = 'seaql_migrations'"))
        .await
        .with_context(|| format!("{} is not a SQLite database", file.display()))?
        .and_then(|row| row.try_get::<i64>("", "n").ok())
        .unwrap_or(0);
    conn.close().await?;
    if found == 0 {
        bail!("{} is not an Estrade backup (no migration table).", file.display());
    }
    Ok(())
}

async fn has_tables(url: &str) -> anyhow::Result<bool> {
    let conn = db::connect(url).await?;
    let n = conn
        .query_one_raw(Statement::from_string(DbBackend::Sqlite, "SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'"))
        .await?
        .and_then(|row| row.try_get::<i64>("", "n").ok())
        .unwrap_or(0);
    conn.close().await?;
    Ok(n > 0)
}
