//! `server`: serve Estrade, migrate, seed demo data, create an admin.
use clap::Parser;

use server::config::{Cli, Command};
use server::{db, seed};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    server::observability::init_tracing(cli.common.log_format);
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
            seed::seed_demo(&db).await?;
            seed::print_accounts("this instance");
            Ok(())
        }
        Command::CreateAdmin { email, name, password } => {
            let db = db::connect_and_migrate(&cli.common.database_url).await?;
            app::auth::service::insert_user(&db, &email, &name, &password, true, true)
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            println!("Administrator {email} created.");
            Ok(())
        }
    }
}

async fn serve(common: server::config::CommonOpts, opts: server::config::ServeOpts) -> anyhow::Result<()> {
    let started = std::time::Instant::now();
    let options = server::leptos_options_from_env(opts.bind)?;
    let addr = options.site_addr;
    let db = db::connect_and_migrate(&common.database_url).await?;
    let config = server::app_config(&opts, common.data_dir.clone(), addr);
    if opts.seed_demo_if_empty && seed::is_empty(&db).await? {
        seed::seed_demo(&db).await?;
        seed::print_accounts(&config.base_url);
    }
    let mailer = server::mailer(opts.smtp_url.as_deref(), &common.data_dir)?;
    let base_url = config.base_url.clone();
    let state = server::app_state(options, db, mailer, config);
    let listener = tokio::net::TcpListener::bind(addr).await?;
    let running = server::start(state, listener, &opts).await?;
    tracing::info!(elapsed_ms = started.elapsed().as_millis() as u64, "ready");
    println!("Estrade is running at {base_url}  (Ctrl-C to stop)");
    shutdown_signal().await;
    tracing::info!("shutting down: finishing in-flight requests");
    running.shutdown().await
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
}
