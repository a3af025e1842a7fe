//! Sign-in throttling, counted in the database so it holds across server instances.
use chrono::{Duration, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};

use crate::entities::login_failure::{self, Column};
use crate::error::{AppError, AppResult};
use crate::state::AppConfig;

fn email_key(email_normalized: &str) -> String {
    format!("email:{email_normalized}")
}

fn ip_key(ip: &str) -> String {
    format!("ip:{ip}")
}

async fn failures_since(db: &impl ConnectionTrait, key: String, window_secs: i64) -> AppResult<u64> {
    let since = Utc::now() - Duration::seconds(window_secs);
    Ok(login_failure::Entity::find()
        .filter(Column::ScopeKey.eq(key))
        .filter(Column::CreatedAt.gt(since))
        .count(db)
        .await?)
}

/// Refuses when this email or this IP failed too often recently.
pub async fn check(db: &impl ConnectionTrait, config: &AppConfig, email: &str, ip: &str) -> AppResult<()> {
    let window = config.login_window_secs;
    let by_email = failures_since(db, email_key(email), window).await?;
    let by_ip = failures_since(db, ip_key(ip), window).await?;
    if by_email >= config.login_max_failures_per_email || by_ip >= config.login_max_failures_per_ip {
        let minutes = (window + 59) / 60;
        return Err(AppError::TooManyRequests(format!(
            "Too many failed sign-ins. Please wait {minutes} minutes, or reset your password."
        )));
    }
    Ok(())
}

/// Counts a failed sign-in against the email and the IP, and forgets failures older than the window.
pub async fn record_failure(db: &impl ConnectionTrait, config: &AppConfig, email: &str, ip: &str) -> AppResult<()> {
    let now = Utc::now();
    for key in [email_key(email), ip_key(ip)] {
        login_failure::ActiveModel { scope_key: Set(key), created_at: Set(now), ..Default::default() }
            .insert(db)
            .await?;
    }
    login_failure::Entity::delete_many()
        .filter(Column::CreatedAt.lt(now - Duration::seconds(config.login_window_secs)))
        .exec(db)
        .await?;
    Ok(())
}

/// A successful sign-in clears the failures of that email.
pub async fn clear_email(db: &impl ConnectionTrait, email: &str) -> AppResult<()> {
    login_failure::Entity::delete_many().filter(Column::ScopeKey.eq(email_key(email))).exec(db).await?;
    Ok(())
}
