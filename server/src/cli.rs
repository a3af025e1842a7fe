//! The `server` command: serve Estrade, migrate, seed demo data, create an admin, import a schedule,
//! back up and restore. `main.rs` only starts the runtime; the test harness runs the same code.
use clap::Parser;

use crate::config::{Cli, Command};
use crate::{backup, db, seed};

/// Stack of each worker thread: debug builds of the deepest pages need more than tokio's 2 MiB.
const WORKER_STACK_BYTES: usize = 16 * 1024 * 1024;

/// Parses the command line and runs the command to its end.
pub fn main() -> anyhow::Result<()> {
    tokio::runtime::Builder::new_multi_thread().enable_all().thread_stack_size(WORKER_STACK_BYTES).build()?.block_on(run())
}

async fn run() -> anyhow::Result<()> {
    let cli = Cli::parse();
    crate::observability::init_tracing(cli.common.log_format);
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(cli.common, cli.serve).await,
        Command::Migrate => {
            db::connect_and_migrate(&cli.common.database_url).await?;
            println!("Database is up to date.");
            Ok(())
        }
        Command::SeedDemo { force } => {
            let db = db::connect_and_migrate(&cli.common.database_url).await?;
            if !force && !seed::is_empty(&db).await? {
                println!("The database already has accounts; use --force to add the demo data anyway.");
                return Ok(());
            }
            seed::seed_demo(&db, app::state::Clock::default().now()).await?;
            seed::print_accounts("this instance", true);
            Ok(())
        }
        Command::SeedBench => {
            let db = db::connect_and_migrate(&cli.common.database_url).await?;
            let started = std::time::Instant::now();
            let seeded = crate::seed_bench::seed_bench(&db, app::state::Clock::default().now()).await?;
            crate::seed_bench::print_summary(&seeded, started.elapsed());
            Ok(())
        }
        Command::CreateAdmin { email, name, password } => {
            let db = db::connect_and_migrate(&cli.common.database_url).await?;
            app::auth::service::insert_user(&db, &email, &name, &password, true, true, app::state::Clock::default().now())
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            println!("Administrator {email} created.");
            Ok(())
        }
        Command::Backup { file } => {
            let bytes = backup::backup(&cli.common.database_url, &file).await?;
            println!("Backed up to {} ({bytes} bytes).", file.display());
            Ok(())
        }
        Command::Restore { file } => {
            backup::restore(&file, &cli.common.database_url).await?;
            println!("Restored {} into {}.", file.display(), cli.common.database_url);
            Ok(())
        }
        Command::Import { event, by, file } => {
            let db = db::connect_and_migrate(&cli.common.database_url).await?;
            import(&db, &event, by.as_deref(), &file).await
        }
    }
}

async fn import(db: &sea_orm::DatabaseConnection, slug: &str, by: Option<&str>, file: &std::path::Path) -> anyhow::Result<()> {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let max = app::formats::frab_import::limits::MAX_FILE_BYTES;
    let size = std::fs::metadata(file).map_err(|e| anyhow::anyhow!("Cannot read {}: {e}", file.display()))?.len();
    if size > max as u64 {
        anyhow::bail!("{} is {size} bytes; an import reads files up to {max} bytes.", file.display());
    }
    let text = std::fs::read_to_string(file).map_err(|e| anyhow::anyhow!("Cannot read {}: {e}", file.display()))?;
    let e = app::events::service::by_slug(db, slug).await.map_err(|_| anyhow::anyhow!("No event has the slug “{slug}”."))?;
    let by = match by {
        Some(email) => app::entities::user::Entity::find()
            .filter(app::entities::user::Column::EmailNormalized.eq(domain::accounts::normalize_email(email)))
            .one(db)
            .await?
            .map(|u| u.id)
            .ok_or_else(|| anyhow::anyhow!("No account uses {email}."))?,
        None => app::schedule::import::default_importer(db, e.id)
            .await
            .map_err(|x| anyhow::anyhow!("{x}"))?
            .ok_or_else(|| anyhow::anyhow!("{} has no organiser and there is no administrator: pass --by EMAIL.", e.name))?,
    };
    let done =
        app::schedule::import::import(db, &e, by, &text, app::state::Clock::default().now()).await.map_err(|x| anyhow::anyhow!("{x}"))?;
    println!(
        "Imported into {}: {} talks, {} other items, {} speakers of this event (organisers can mail them a link to claim their talks from the import page); published as {}.",
        e.name, done.talks, done.extras, done.speakers, done.version_name
    );
    Ok(())
}

async fn serve(common: crate::config::CommonOpts, opts: crate::config::ServeOpts) -> anyhow::Result<()> {
    let started = std::time::Instant::now();
    let options = crate::leptos_options_from_env(opts.bind)?;
    let addr = options.site_addr;
    // Lazily connected: an unreachable database does not stop the instance from listening and
    // answering its probes; it is migrated as soon as it answers.
    let db = db::connect_lazily(&common.database_url).await?;
    let config = crate::app_config(&opts, common.data_dir.clone(), addr);
    let mailer = crate::mailer(opts.smtp_url.as_deref(), &common.data_dir)?;
    let base_url = config.base_url.clone();
    let state = crate::app_state(options, db, mailer, config);
    let health = crate::health::Health::starting();
    let listener = tokio::net::TcpListener::bind(addr).await?;
    let running = crate::start_with_health(state.clone(), listener, &opts, health.clone(), Some(common.database_url.clone())).await?;
    tokio::select! {
        prepared = prepare(&state, &health, opts.seed_demo_if_empty, &base_url, common.log_format) => prepared?,
        _ = shutdown_signal() => return running.shutdown(stop_plan(&opts)).await,
    }
    tracing::info!(elapsed_ms = started.elapsed().as_millis() as u64, "ready");
    println!("Estrade is running at {base_url}  (Ctrl-C to stop)");
    shutdown_signal().await;
    running.shutdown(stop_plan(&opts)).await
}

fn stop_plan(opts: &crate::config::ServeOpts) -> crate::StopPlan {
    crate::StopPlan {
        drain: std::time::Duration::from_secs(opts.shutdown_drain_secs),
        grace: std::time::Duration::from_secs(opts.shutdown_timeout_secs),
    }
}

/// Migrates the database once it answers (trying again with a growing pause, saying why), seeds
/// the demo data when asked, then marks the instance ready.
async fn prepare(
    state: &app::state::AppState,
    health: &crate::health::Health,
    seed_demo: bool,
    base_url: &str,
    log_format: crate::config::LogFormat,
) -> anyhow::Result<()> {
    let mut pause = std::time::Duration::from_millis(500);
    while let Err(e) = db::migrate_once(&state.db).await {
        tracing::error!(error = %e, retry_in_ms = pause.as_millis() as u64, "database not reachable or not migrated; trying again");
        tokio::time::sleep(pause).await;
        pause = (pause * 2).min(std::time::Duration::from_secs(10));
    }
    if seed_demo && seed::is_empty(&state.db).await? {
        seed::seed_demo(&state.db, state.clock.now()).await?;
        seed::print_accounts(base_url, log_format == crate::config::LogFormat::Text);
    }
    health.set_migrated();
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
    tracing::info!("shutdown requested");
}
