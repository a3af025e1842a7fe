//! Command line and environment: every option is also an environment variable.
use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(name = "server", about = "Estrade: run, migrate and seed the conference platform", version)]
pub struct Cli {
    #[command(flatten)]
    pub common: CommonOpts,
    #[command(flatten)]
    pub serve: ServeOpts,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the site (the default).
    Serve,
    /// Apply pending database migrations and exit.
    Migrate,
    /// Load the demo event and accounts (only into an empty database unless --force).
    SeedDemo {
        #[arg(long)]
        force: bool,
    },
    /// Load the large benchmark event `bench-conf` (12 rooms, 3 days, 300 talks, published) and one
    /// organiser into an empty database, for `make bench`.
    SeedBench,
    /// Create an instance administrator.
    CreateAdmin {
        #[arg(long, env = "ADMIN_EMAIL")]
        email: String,
        #[arg(long, env = "ADMIN_NAME", default_value = "Administrator")]
        name: String,
        /// Read from the environment rather than the command line where possible.
        #[arg(long, env = "ADMIN_PASSWORD", hide_env_values = true)]
        password: String,
    },
    /// Copy the SQLite database into FILE while the server may be running (an online backup).
    /// On PostgreSQL use pg_dump or CloudNativePG's backups (see deploy/README.md).
    Backup {
        /// The backup file to write (must not exist).
        file: PathBuf,
    },
    /// Restore a backup made by `server backup` into the empty SQLite database of DATABASE_URL,
    /// then bring its schema up to date.
    Restore {
        /// The backup file to read.
        file: PathBuf,
    },
    /// Import a frab or pretalx schedule.json / schedule.xml into an event whose schedule is empty:
    /// rooms, tracks, formats, speakers and accepted talks, placed and published as a version.
    Import {
        /// Slug of the existing event.
        #[arg(long)]
        event: String,
        /// Email of the organiser recorded as accepting and publishing (default: the event's first organiser).
        #[arg(long)]
        by: Option<String>,
        /// The schedule file.
        file: PathBuf,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Args)]
pub struct CommonOpts {
    /// Database: SQLite file (created if missing) or PostgreSQL URL.
    #[arg(long, env = "DATABASE_URL", default_value = "sqlite://data/estrade.sqlite?mode=rwc", global = true)]
    pub database_url: String,
    /// Directory for mail files and uploads.
    #[arg(long, env = "DATA_DIR", default_value = "data", global = true)]
    pub data_dir: PathBuf,
    #[arg(long, env = "LOG_FORMAT", value_enum, default_value = "text", global = true)]
    pub log_format: LogFormat,
}

#[derive(Debug, Clone, Args)]
pub struct ServeOpts {
    /// Address to listen on (defaults to LEPTOS_SITE_ADDR, then 127.0.0.1:3000).
    #[arg(long, env = "BIND_ADDR")]
    pub bind: Option<SocketAddr>,
    /// Public URL of the site, used in mailed links and Origin checks (defaults to http://<bind>).
    #[arg(long, env = "BASE_URL")]
    pub base_url: Option<String>,
    /// SMTP server, e.g. smtp://127.0.0.1:25 or smtps://user:pass@host; unset writes .eml files under DATA_DIR/mail.
    #[arg(long, env = "SMTP_URL")]
    pub smtp_url: Option<String>,
    #[arg(long, env = "MAIL_FROM", default_value = "Estrade <no-reply@estrade.localhost>")]
    pub mail_from: String,
    /// First retry delay of a mail the SMTP server did not take, doubled each attempt.
    #[arg(long, env = "MAIL_RETRY_BASE_SECS", default_value_t = 30)]
    pub mail_retry_base_secs: u64,
    /// Longest delay between two tries of a mail.
    #[arg(long, env = "MAIL_RETRY_MAX_DELAY_SECS", default_value_t = 900)]
    pub mail_retry_max_delay_secs: u64,
    /// How long after it was queued a mail is still retried before it is marked failed (default 24 h).
    #[arg(long, env = "MAIL_RETRY_WINDOW_SECS", default_value_t = 86_400)]
    pub mail_retry_window_secs: u64,
    /// How often the mail worker looks for due mails.
    #[arg(long, env = "MAIL_POLL_SECS", default_value_t = 5)]
    pub mail_poll_secs: u64,
    /// Load the demo data when the database has no user yet.
    #[arg(long, env = "SEED_DEMO_IF_EMPTY", default_value_t = false)]
    pub seed_demo_if_empty: bool,
    /// Largest accepted request body, in bytes.
    #[arg(long, env = "MAX_BODY_BYTES", default_value_t = 2 * 1024 * 1024)]
    pub max_body_bytes: usize,
    #[arg(long, env = "REQUEST_TIMEOUT_SECS", default_value_t = 30)]
    pub request_timeout_secs: u64,
    /// Take client IPs from X-Forwarded-For (only behind a proxy you trust).
    #[arg(long, env = "TRUST_FORWARDED_FOR", default_value_t = false)]
    pub trust_forwarded_for: bool,
    /// On SIGTERM, keep serving this long with /readyz at 503 before refusing new connections.
    #[arg(long, env = "SHUTDOWN_DRAIN_SECS", default_value_t = 0)]
    pub shutdown_drain_secs: u64,
    /// Then give in-flight requests this long to finish.
    #[arg(long, env = "SHUTDOWN_TIMEOUT_SECS", default_value_t = 20)]
    pub shutdown_timeout_secs: u64,
}
