//! The background worker that drains the outbox (part of the server process, not of the app crate),
//! and queues the volunteers' day-before reminders and the partners' checklist reminders on each pass.
use std::time::Duration;

use tokio::sync::watch;

use app::mail::outbox;
use app::state::AppState;

const BATCH: u64 = 20;

/// Runs until `shutdown` turns true; a batch being sent is finished first.
pub async fn run(state: AppState, poll: Duration, mut shutdown: watch::Receiver<bool>) {
    tracing::info!(transport = %state.mailer.describe(), "mail worker started");
    loop {
        if let Err(e) = app::volunteers::reminders::queue_due(&state, state.clock.now()).await {
            tracing::warn!(error = %e, "volunteer reminders not queued");
        }
        if let Err(e) = app::partners::reminders::queue_due(&state, state.clock.now()).await {
            tracing::warn!(error = %e, "partner checklist reminders not queued");
        }
        match drain_once(&state).await {
            Ok(n) if n > 0 => continue,
            Ok(_) => {}
            Err(e) => tracing::warn!(error = %e, "mail worker could not read the outbox"),
        }
        tokio::select! {
            _ = shutdown.changed() => break,
            _ = state.mail_wake.notified() => {}
            _ = tokio::time::sleep(poll) => {}
        }
        if *shutdown.borrow() {
            break;
        }
    }
    tracing::info!("mail worker stopped");
}

/// Claims and sends one batch; returns how many mails it tried.
pub async fn drain_once(state: &AppState) -> app::error::AppResult<usize> {
    let rows = outbox::claim_due(&state.db, BATCH, state.clock.now()).await?;
    for row in &rows {
        match state.mailer.send(&state.config.mail_from, row).await {
            Ok(()) => outbox::mark_sent(&state.db, row.id, state.clock.now()).await?,
            Err(e) => {
                tracing::warn!(id = row.id, attempts = row.attempts, error = %e, "mail not sent, will retry");
                outbox::mark_attempt_failed(&state.db, row, &e, state.config.mail_retry_base_secs, state.clock.now()).await?;
            }
        }
    }
    Ok(rows.len())
}
