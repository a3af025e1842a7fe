//! A fresh database per test: a SQLite file in a temp dir, or a new PostgreSQL database dropped afterwards.
use std::path::Path;

use sea_orm::{ConnectionTrait, Database};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// The PostgreSQL server tests use (`TEST_POSTGRES_URL`, default the local trust-auth server).
pub fn postgres_admin_url() -> String {
    std::env::var("TEST_POSTGRES_URL").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

fn with_database(url: &str, name: &str) -> String {
    match url.rfind('/') {
        Some(i) if url[..i].contains("://") && i > url.find("://").unwrap() + 2 => format!("{}/{}", &url[..i], name),
        _ => format!("{url}/{name}"),
    }
}

/// Whether the PostgreSQL leg can run. Under `CI=true` an unreachable server is a failure, not a skip.
pub async fn postgres_available() -> bool {
    let url = postgres_admin_url();
    let reachable = match Database::connect(url.clone()).await {
        Ok(db) => db.execute_unprepared("SELECT 1").await.is_ok(),
        Err(_) => false,
    };
    if !reachable {
        if std::env::var("CI").is_ok_and(|v| v == "true") {
            panic!("PostgreSQL is not reachable at {url}, and CI requires the PostgreSQL leg");
        }
        eprintln!("PostgreSQL not reachable at {url}: skipping the PostgreSQL leg of this test");
    }
    reachable
}

pub struct TestDb {
    pub url: String,
    pg_name: Option<String>,
}

impl TestDb {
    pub async fn create(backend: Backend, dir: &Path) -> TestDb {
        match backend {
            Backend::Sqlite => TestDb {
                url: format!("sqlite://{}?mode=rwc", dir.join("test.sqlite").display()),
                pg_name: None,
            },
            Backend::Postgres => {
                let name = format!("estrade_test_{:016x}", rand::random::<u64>());
                let admin = Database::connect(postgres_admin_url()).await.expect("connect to PostgreSQL");
                admin.execute_unprepared(&format!("CREATE DATABASE {name}")).await.expect("create test database");
                TestDb { url: with_database(&postgres_admin_url(), &name), pg_name: Some(name) }
            }
        }
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        let Some(name) = self.pg_name.take() else { return };
        // Drop runs outside async; a small runtime of its own drops the database.
        let _ = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
            rt.block_on(async {
                if let Ok(admin) = Database::connect(postgres_admin_url()).await {
                    let _ = admin.execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).await;
                }
            });
        })
        .join();
    }
}

#[cfg(test)]
mod tests {
    use super::with_database;

    #[test]
    fn swaps_the_database_name() {
        assert_eq!(with_database("postgres://postgres@127.0.0.1:5432/postgres", "x"), "postgres://postgres@127.0.0.1:5432/x");
        assert_eq!(with_database("postgres://postgres@127.0.0.1:5432", "x"), "postgres://postgres@127.0.0.1:5432/x");
    }
}
