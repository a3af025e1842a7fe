//! Server functions only instance admins may call.
use leptos::prelude::*;

use crate::error::AppError;
use crate::mail::FailedMail;

#[server(endpoint = "admin/failed_mails")]
pub async fn failed_mails() -> Result<Vec<FailedMail>, AppError> {
    let state = crate::state::app_state();
    crate::auth::guard::require_admin(&state.db).await?;
    let rows = crate::mail::outbox::failed(&state.db).await?;
    Ok(rows
        .into_iter()
        .map(|r| FailedMail {
            id: r.id,
            to: r.to_addr,
            subject: r.subject,
            attempts: r.attempts,
            last_error: r.last_error.unwrap_or_default(),
            created_at: r.created_at.format("%Y-%m-%d %H:%M UTC").to_string(),
        })
        .collect())
}

#[server(endpoint = "admin/retry_mail")]
pub async fn retry_mail(id: i32) -> Result<(), AppError> {
    let state = crate::state::app_state();
    crate::auth::guard::require_admin(&state.db).await?;
    if !crate::mail::outbox::retry(&state.db, id, state.clock.now()).await? {
        return Err(AppError::NotFound);
    }
    state.mail_wake.notify_one();
    leptos_axum::redirect(&format!("{}?retried=1", crate::plumbing::urls::admin_mail()));
    Ok(())
}
