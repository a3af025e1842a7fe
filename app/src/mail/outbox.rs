//! The outbox table: mails are queued in the transaction of the change that causes them,
//! then claimed and delivered by the worker. Claims are conditional updates, so two server
//! instances never take the same row.
use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, Query};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseBackend, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};

use super::Email;
use crate::crypto::new_token;
use crate::entities::mail_outbox::{self, Column};
use crate::error::AppResult;
use domain::accounts::is_undeliverable;
use domain::backoff::RetryPolicy;

pub const PENDING: &str = "pending";
pub const SENDING: &str = "sending";
pub const SENT: &str = "sent";
pub const FAILED: &str = "failed";

/// How long a claim holds before another worker may take the row again: a killed worker's mails
/// come back this soon. The worker renews it before each mail, and one SMTP exchange is bounded by
/// the transport's 10 s timeout, so a live worker never loses a mail it is sending.
pub const LEASE_SECS: i64 = 30;

/// Queues a mail; pass the transaction of the change that causes it. A mail to a reserved `.invalid`
/// address (an imported speaker's account, a demo attendee) is dropped: no mailbox could take it.
/// It is due at `now`.
pub async fn enqueue(conn: &impl ConnectionTrait, email: Email, now: DateTime<Utc>) -> AppResult<()> {
    if is_undeliverable(&email.to) {
        return Ok(());
    }
    let (name, content_type, body) = match email.attachment {
        Some(a) => (Some(a.filename), Some(a.content_type), Some(a.body)),
        None => (None, None, None),
    };
    mail_outbox::ActiveModel {
        attachment_name: Set(name),
        attachment_type: Set(content_type),
        attachment_body: Set(body),
        to_addr: Set(email.to),
        subject: Set(email.subject),
        body_text: Set(email.text),
        body_html: Set(email.html),
        status: Set(PENDING.into()),
        attempts: Set(0),
        next_attempt_at: Set(now),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    Ok(())
}

/// Claims up to `limit` mails due at `now` for this worker and returns them.
pub async fn claim_due(conn: &impl ConnectionTrait, limit: u64, now: DateTime<Utc>) -> AppResult<Vec<mail_outbox::Model>> {
    let claim = new_token();
    let due_ids = {
        let mut q = Query::select();
        q.column(Column::Id)
            .from(mail_outbox::Entity)
            .cond_where(
                sea_orm::Condition::any()
                    .add(Column::Status.eq(PENDING).and(Column::NextAttemptAt.lte(now)))
                    .add(Column::Status.eq(SENDING).and(Column::LockedUntil.lt(now))),
            )
            .order_by(Column::Id, sea_orm::Order::Asc)
            .limit(limit);
        if conn.get_database_backend() == DatabaseBackend::Postgres {
            q.lock_with_behavior(sea_orm::sea_query::LockType::Update, sea_orm::sea_query::LockBehavior::SkipLocked);
        }
        q
    };
    // The status test is repeated in the UPDATE: a row another worker claimed meanwhile is left alone.
    mail_outbox::Entity::update_many()
        .col_expr(Column::Status, Expr::value(SENDING))
        .col_expr(Column::ClaimToken, Expr::value(claim.clone()))
        .col_expr(Column::LockedUntil, Expr::value(now + Duration::seconds(LEASE_SECS)))
        .col_expr(Column::Attempts, Expr::col(Column::Attempts).add(1))
        .filter(Column::Id.in_subquery(due_ids))
        .filter(sea_orm::Condition::any().add(Column::Status.eq(PENDING)).add(Column::Status.eq(SENDING).and(Column::LockedUntil.lt(now))))
        .exec(conn)
        .await?;
    Ok(mail_outbox::Entity::find()
        .filter(Column::ClaimToken.eq(claim))
        .filter(Column::Status.eq(SENDING))
        .order_by_asc(Column::Id)
        .all(conn)
        .await?)
}

/// Extends this worker's claim on `row` before it is sent; false when the claim was lost (the lease
/// ran out and another worker took the mail), and the mail must then be left to that worker.
pub async fn renew_claim(conn: &impl ConnectionTrait, row: &mail_outbox::Model, now: DateTime<Utc>) -> AppResult<bool> {
    let res = mail_outbox::Entity::update_many()
        .col_expr(Column::LockedUntil, Expr::value(now + Duration::seconds(LEASE_SECS)))
        .filter(Column::Id.eq(row.id))
        .filter(Column::Status.eq(SENDING))
        .filter(Column::ClaimToken.eq(row.claim_token.clone()))
        .exec(conn)
        .await?;
    Ok(res.rows_affected == 1)
}

/// Hands claimed rows back to the queue, due at once, for any worker (this one is stopping). Rows
/// another worker has taken since (a different claim token) are left alone.
pub async fn release(conn: &impl ConnectionTrait, rows: &[mail_outbox::Model]) -> AppResult<u64> {
    let Some(claim) = rows.first().and_then(|r| r.claim_token.clone()) else { return Ok(0) };
    let res = mail_outbox::Entity::update_many()
        .col_expr(Column::Status, Expr::value(PENDING))
        .col_expr(Column::ClaimToken, Expr::value(Option::<String>::None))
        .col_expr(Column::Attempts, Expr::col(Column::Attempts).sub(1))
        .filter(Column::Id.is_in(rows.iter().map(|r| r.id)))
        .filter(Column::Status.eq(SENDING))
        .filter(Column::ClaimToken.eq(claim))
        .exec(conn)
        .await?;
    Ok(res.rows_affected)
}

pub async fn mark_sent(conn: &impl ConnectionTrait, id: i32, now: DateTime<Utc>) -> AppResult<()> {
    mail_outbox::Entity::update_many()
        .col_expr(Column::Status, Expr::value(SENT))
        .col_expr(Column::SentAt, Expr::value(Some(now)))
        .col_expr(Column::LastError, Expr::value(Option::<String>::None))
        .filter(Column::Id.eq(id))
        .exec(conn)
        .await?;
    Ok(())
}

/// Records a failed try: back to pending after the backoff delay, or failed for good (refused for
/// good, or out of the retry window). Returns whether it was given up.
pub async fn mark_attempt_failed(
    conn: &impl ConnectionTrait,
    row: &mail_outbox::Model,
    error: &str,
    permanent: bool,
    policy: &RetryPolicy,
    now: DateTime<Utc>,
) -> AppResult<bool> {
    let give_up = policy.gives_up(row.attempts, permanent);
    let next = now + Duration::seconds(policy.delay_after(row.attempts) as i64);
    mail_outbox::Entity::update_many()
        .col_expr(Column::Status, Expr::value(if give_up { FAILED } else { PENDING }))
        .col_expr(Column::NextAttemptAt, Expr::value(next))
        .col_expr(Column::LastError, Expr::value(Some(error.to_string())))
        .col_expr(Column::ClaimToken, Expr::value(Option::<String>::None))
        .filter(Column::Id.eq(row.id))
        .exec(conn)
        .await?;
    Ok(give_up)
}

/// Mails not yet sent nor given up.
pub async fn backlog(conn: &impl ConnectionTrait) -> AppResult<u64> {
    Ok(mail_outbox::Entity::find().filter(Column::Status.is_in([PENDING, SENDING])).count(conn).await?)
}

/// Mails given up.
pub async fn failed_count(conn: &impl ConnectionTrait) -> AppResult<u64> {
    Ok(mail_outbox::Entity::find().filter(Column::Status.eq(FAILED)).count(conn).await?)
}

pub async fn failed(conn: &impl ConnectionTrait) -> AppResult<Vec<mail_outbox::Model>> {
    Ok(mail_outbox::Entity::find().filter(Column::Status.eq(FAILED)).order_by_desc(Column::Id).limit(200).all(conn).await?)
}

/// Mails that failed at least once and are still being tried (the SMTP server is down, say).
pub async fn retrying(conn: &impl ConnectionTrait) -> AppResult<Vec<mail_outbox::Model>> {
    Ok(mail_outbox::Entity::find()
        .filter(Column::Status.is_in([PENDING, SENDING]))
        .filter(Column::LastError.is_not_null())
        .order_by_asc(Column::Id)
        .limit(200)
        .all(conn)
        .await?)
}

/// Puts every failed mail back in the queue; returns how many.
pub async fn retry_all(conn: &impl ConnectionTrait, now: DateTime<Utc>) -> AppResult<u64> {
    let res = requeue(mail_outbox::Entity::update_many(), now).filter(Column::Status.eq(FAILED)).exec(conn).await?;
    Ok(res.rows_affected)
}

/// Due now, with a fresh count of attempts (so a whole retry window again).
fn requeue(update: sea_orm::UpdateMany<mail_outbox::Entity>, now: DateTime<Utc>) -> sea_orm::UpdateMany<mail_outbox::Entity> {
    update
        .col_expr(Column::Status, Expr::value(PENDING))
        .col_expr(Column::Attempts, Expr::value(0))
        .col_expr(Column::NextAttemptAt, Expr::value(now))
}

/// Puts a failed mail back in the queue (due at `now`), with a fresh count of attempts.
pub async fn retry(conn: &impl ConnectionTrait, id: i32, now: DateTime<Utc>) -> AppResult<bool> {
    let res =
        requeue(mail_outbox::Entity::update_many(), now).filter(Column::Id.eq(id)).filter(Column::Status.eq(FAILED)).exec(conn).await?;
    Ok(res.rows_affected == 1)
}
