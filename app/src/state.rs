//! What server functions and routes share (server only).
use std::path::PathBuf;
use std::sync::Arc;

use axum::extract::FromRef;
use chrono::{DateTime, Utc};
use leptos::prelude::LeptosOptions;
use sea_orm::DatabaseConnection;
use tokio::sync::Notify;

use crate::mail::transport::Mailer;

#[derive(Debug, Clone)]
pub struct AppConfig {
    /// Public address of the site, used in mailed links and to check `Origin`.
    pub base_url: String,
    pub mail_from: String,
    /// Where `.eml` files, uploads and the SQLite file live.
    pub data_dir: PathBuf,
    /// How a mail the SMTP server did not take is retried, and for how long.
    pub mail_retry: domain::backoff::RetryPolicy,
    /// Sign-in throttling and limits on mails sent on request.
    pub limits: domain::throttle::Limits,
    /// Take the client IP from `X-Forwarded-For` (only behind a trusted proxy).
    pub trust_forwarded_for: bool,
}

impl AppConfig {
    pub fn secure_cookies(&self) -> bool {
        self.base_url.starts_with("https://")
    }

    /// `scheme://host[:port]` of the base URL, as browsers send it in `Origin`.
    pub fn origin(&self) -> String {
        let url = self.base_url.trim_end_matches('/');
        match url.find("://") {
            Some(i) => match url[i + 3..].find('/') {
                Some(j) => url[..i + 3 + j].to_string(),
                None => url.to_string(),
            },
            None => url.to_string(),
        }
    }

    pub fn link(&self, path: &str) -> String {
        format!("{}{}", self.base_url.trim_end_matches('/'), path)
    }
}

#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: DatabaseConnection,
    pub mailer: Arc<Mailer>,
    pub config: Arc<AppConfig>,
    /// Wakes the outbox worker when a mail is queued.
    pub mail_wake: Arc<Notify>,
    pub clock: Clock,
    /// Published programmes read recently (see `published::ProgrammeCache`).
    pub programmes: Arc<crate::published::ProgrammeCache>,
}

/// The time rules are checked against: the system clock, or a set instant in tests
/// (deadlines must be checked to the second, in any week of the year). `Clock::now` is the one place
/// that reads the system clock (`ui::checks::SYSTEM_CLOCK_ALLOWED`): server functions pass
/// `state.clock.now()` to the services and rules, and the CLI passes `Clock::default().now()`.
#[derive(Clone, Default)]
pub struct Clock {
    fixed: Arc<std::sync::Mutex<Option<DateTime<Utc>>>>,
}

impl Clock {
    pub fn now(&self) -> DateTime<Utc> {
        self.fixed.lock().map(|f| f.unwrap_or_else(Utc::now)).unwrap_or_else(|_| Utc::now())
    }

    /// Stops the clock at `at` (`None`: back to the system clock).
    pub fn set(&self, at: Option<DateTime<Utc>>) {
        if let Ok(mut f) = self.fixed.lock() {
            *f = at;
        }
    }
}

/// The state, from a server function's context.
pub fn app_state() -> AppState {
    leptos::prelude::expect_context::<AppState>()
}

/// The state, or an error instead of a panic: for the menu's resource, which a server render may still
/// poll after the browser left the page and the render's context was dropped.
pub fn try_app_state() -> Result<AppState, crate::error::AppError> {
    leptos::prelude::use_context::<AppState>().ok_or(crate::error::AppError::Internal)
}
