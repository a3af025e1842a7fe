//! `server backup FILE` and `server restore FILE` (SQLite), through the real command.
use std::process::Command;

use sea_orm::{EntityTrait, PaginatorTrait};

const BIN: &str = env!("CARGO_BIN_EXE_estrade-server");

fn run(args: &[&str], database_url: &str) -> (bool, String) {
    let out =
        Command::new(BIN).args(args).env("DATABASE_URL", database_url).env("LOG_FORMAT", "text").output().expect("run the server command");
    (out.status.success(), format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr)))
}

async fn counts(url: &str) -> Vec<u64> {
    use app::entities::{event, proposal, review, schedule_version, user};
    let db = server::db::connect(url).await.unwrap();
    vec![
        user::Entity::find().count(&db).await.unwrap(),
        event::Entity::find().count(&db).await.unwrap(),
        proposal::Entity::find().count(&db).await.unwrap(),
        review::Entity::find().count(&db).await.unwrap(),
        schedule_version::Entity::find().count(&db).await.unwrap(),
    ]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_restores_into_an_empty_database_with_everything_in_it() {
    let dir = tempfile::tempdir().unwrap();
    let live = format!("sqlite://{}?mode=rwc", dir.path().join("live.sqlite").display());
    let db = server::db::connect_and_migrate(&live).await.unwrap();
    server::seed::seed_demo(&db, chrono::Utc::now()).await.unwrap();
    let before = counts(&live).await;
    assert!(before.iter().all(|n| *n > 0), "{before:?}");

    // Online: the live database stays open while the copy is made.
    let file = dir.path().join("estrade-backup.sqlite");
    let file = file.to_str().unwrap();
    let (ok, said) = run(&["backup", file], &live);
    assert!(ok, "{said}");
    let (ok, said) = run(&["backup", file], &live);
    assert!(!ok && said.contains("already exists"), "an existing file is not overwritten: {said}");

    let restored = format!("sqlite://{}?mode=rwc", dir.path().join("restored/estrade.sqlite").display());
    let (ok, said) = run(&["restore", file], &restored);
    assert!(ok, "{said}");
    assert_eq!(counts(&restored).await, before, "everything is back");
    let hash = |url: String| async move {
        let db = server::db::connect(&url).await.unwrap();
        app::entities::user::Entity::find().all(&db).await.unwrap().into_iter().map(|u| (u.email, u.password_hash)).collect::<Vec<_>>()
    };
    assert_eq!(hash(restored.clone()).await, hash(live.clone()).await, "accounts and their passwords too");

    let (ok, said) = run(&["restore", file], &live);
    assert!(!ok && said.contains("already holds data"), "a database in use is never overwritten: {said}");
    let not_a_backup = dir.path().join("notes.txt");
    std::fs::write(&not_a_backup, "hello").unwrap();
    let fresh = format!("sqlite://{}?mode=rwc", dir.path().join("fresh.sqlite").display());
    let (ok, said) = run(&["restore", not_a_backup.to_str().unwrap()], &fresh);
    assert!(!ok && said.contains("notes.txt"), "{said}");
    let (ok, said) = run(&["backup", "/tmp/never.sqlite"], "postgres://postgres@127.0.0.1:5432/postgres");
    assert!(!ok && said.contains("pg_dump"), "PostgreSQL is backed up with its own tools: {said}");
}
