//! The background worker that drains the outbox (part of the server process, not of the app crate),
//! and queues the volunteers' day-before reminders and the partners' checklist reminders on each pass.
use std::time::Duration;

use tokio::sync::watch;

use crate::health::Health;
use app::mail::outbox;
use app::state::AppState;

const BATCH: u64 = 20;

/// Runs until `shutdown` turns true; the mail being sent is finished first, and the rest of its
/// batch is handed back to the queue for another instance.
pub async fn run(state: AppState, health: Health, poll: Duration, mut shutdown: watch::Receiver<bool>) {
    tracing::info!(transport = %state.mailer.describe(), "mail worker started");
    loop {
        if health.can_serve() {
            if let Err(e) = app::volunteers::reminders::queue_due(&state, state.clock.now()).await {
                tracing::warn!(error = %e, "volunteer reminders not queued");
            }
            if let Err(e) = app::partners::reminders::queue_due(&state, state.clock.now()).await {
                tracing::warn!(error = %e, "partner checklist reminders not queued");
            }
            match drain_once(&state, &shutdown).await {
                Ok(n) if n > 0 && !*shutdown.borrow() => continue,
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "mail worker could not read the outbox"),
            }
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

/// Claims and sends one batch; returns how many mails it tried. When `shutdown` turns true it
/// stops after the current mail and releases the others.
pub async fn drain_once(state: &AppState, shutdown: &watch::Receiver<bool>) -> app::error::AppResult<usize> {
    let rows = outbox::claim_due(&state.db, BATCH, state.clock.now()).await?;
    for (i, row) in rows.iter().enumerate() {
        if *shutdown.borrow() {
            let released = outbox::release(&state.db, &rows[i..]).await?;
            tracing::info!(released, "mail worker stopping: unsent mails handed back to the queue");
            return Ok(i);
        }
        if !outbox::renew_claim(&state.db, row, state.clock.now()).await? {
            tracing::info!(mail_id = row.id, "mail left to the worker that took it over");
            continue;
        }
        deliver(state, row).await?;
    }
    Ok(rows.len())
}

/// Hands one claimed mail to the transport and records the outcome at once: the sooner `sent` is
/// written, the smaller the window in which a crash makes the mail go out twice.
async fn deliver(state: &AppState, row: &app::entities::mail_outbox::Model) -> app::error::AppResult<()> {
    let to = recipient_tag(&row.to_addr);
    match state.mailer.send(&state.config.mail_from, row).await {
        Ok(()) => {
            outbox::mark_sent(&state.db, row.id, state.clock.now()).await?;
            metrics::counter!("estrade_mail_sent_total").increment(1);
            tracing::info!(mail_id = row.id, to = %to, attempt = row.attempts, "mail delivered");
        }
        Err(e) => {
            let policy = &state.config.mail_retry;
            let given_up = outbox::mark_attempt_failed(&state.db, row, &e.reason, e.permanent, policy, state.clock.now()).await?;
            metrics::counter!("estrade_mail_attempt_failures_total").increment(1);
            if given_up {
                metrics::counter!("estrade_mail_given_up_total").increment(1);
                tracing::error!(mail_id = row.id, to = %to, attempt = row.attempts, error = %e.reason, permanent = e.permanent, "mail given up");
            } else {
                tracing::warn!(mail_id = row.id, to = %to, attempt = row.attempts, error = %e.reason, "mail not sent, will retry");
            }
        }
    }
    Ok(())
}

/// A recipient as logs show it: a short hash, enough to follow one person's mails, not their address.
fn recipient_tag(address: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(address.trim().to_lowercase().as_bytes());
    digest.iter().take(6).map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_recipient_is_logged_as_a_stable_hash_not_as_an_address() {
        let tag = super::recipient_tag("Ada@Example.org");
        assert_eq!(tag, super::recipient_tag("ada@example.org"));
        assert_eq!(tag.len(), 12);
        assert!(!tag.contains('@'));
    }
}
