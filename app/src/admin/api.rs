//! Server functions only instance admins may call.
use leptos::prelude::*;

use crate::error::AppError;
use crate::mail::MailTroubles;

#[server(endpoint = "admin/failed_mails")]
pub async fn failed_mails() -> Result<MailTroubles, AppError> {
    let state = crate::state::app_state();
    crate::auth::guard::require_admin(&state.db).await?;
    let retrying = crate::mail::outbox::retrying(&state.db).await?;
    let failed = crate::mail::outbox::failed(&state.db).await?;
    Ok(MailTroubles { retrying: retrying.into_iter().map(as_seen).collect(), failed: failed.into_iter().map(as_seen).collect() })
}

#[cfg(feature = "ssr")]
fn as_seen(r: crate::entities::mail_outbox::Model) -> crate::mail::FailedMail {
    crate::mail::FailedMail {
        id: r.id,
        to: r.to_addr,
        subject: r.subject,
        attempts: r.attempts,
        last_error: r.last_error.unwrap_or_default(),
        created_at: r.created_at.format("%Y-%m-%d %H:%M UTC").to_string(),
        next_try: r.next_attempt_at.format("%Y-%m-%d %H:%M:%S UTC").to_string(),
    }
}

/// Queues every failed mail again (after an SMTP outage longer than the retry window, say).
#[server(endpoint = "admin/retry_all_mails")]
pub async fn retry_all_mails() -> Result<(), AppError> {
    let state = crate::state::app_state();
    crate::auth::guard::require_admin(&state.db).await?;
    let queued = crate::mail::outbox::retry_all(&state.db, state.clock.now()).await?;
    state.mail_wake.notify_one();
    leptos_axum::redirect(&format!("{}?retried_all={queued}", crate::plumbing::urls::admin_mail()));
    Ok(())
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
