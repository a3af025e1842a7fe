//! Several instances on one PostgreSQL database, as a Deployment of three replicas starts them.
use estrade_tests::db::{postgres_available, Backend, TestDb};
use migration::MigratorTrait;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn instances_started_at_once_migrate_the_database_once_and_all_start() {
    if !postgres_available().await {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let db = TestDb::create(Backend::Postgres, dir.path()).await;
    let starts: Vec<_> = (0..3)
        .map(|_| {
            let url = db.url.clone();
            tokio::spawn(async move { server::db::connect_and_migrate(&url).await })
        })
        .collect();
    let mut connections = Vec::new();
    for start in starts {
        connections.push(start.await.expect("task").expect("every instance starts"));
    }
    let applied = migration::Migrator::get_applied_migrations(&connections[0]).await.expect("applied");
    assert_eq!(applied.len(), migration::Migrator::migrations().len(), "every migration applied once");
}
