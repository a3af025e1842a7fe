//! An event's review settings (created with their defaults on first use) and the audit trail.
use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

use crate::entities::{review_settings, selection_log};
use crate::error::{AppError, AppResult};
use crate::tr;
use domain::review::reviews_open;

/// The event's review settings; the first call stores the defaults (anonymous, scores hidden).
pub async fn settings_of(db: &impl ConnectionTrait, event_id: i32, now: DateTime<Utc>) -> AppResult<review_settings::Model> {
    let find = || review_settings::Entity::find().filter(review_settings::Column::EventId.eq(event_id)).one(db);
    if let Some(s) = find().await? {
        return Ok(s);
    }
    let defaults = review_settings::ActiveModel {
        event_id: Set(event_id),
        anonymous: Set(true),
        hide_scores_until_reviewed: Set(true),
        reviews_close_at: Set(None),
        reviews_closed_at: Set(None),
        confirm_by: Set(None),
        updated_at: Set(now),
        ..Default::default()
    };
    // Two first visits at once: one insert wins, the other is ignored; both then read the row.
    review_settings::Entity::insert(defaults).on_conflict_do_nothing_on([review_settings::Column::EventId]).exec(db).await?;
    find().await?.ok_or(AppError::Internal)
}

pub fn is_open(s: &review_settings::Model, now: DateTime<Utc>) -> bool {
    reviews_open(now, s.reviews_close_at, s.reviews_closed_at)
}

/// Refuses a change to reviews once they are closed.
pub fn require_open(s: &review_settings::Model, now: DateTime<Utc>) -> AppResult<()> {
    if is_open(s, now) {
        Ok(())
    } else {
        Err(AppError::Conflict(tr!(review.errors.closed).into()))
    }
}

/// Adds a line to the audit trail at `now` (pass the transaction of the change it records).
pub async fn record(
    db: &impl ConnectionTrait,
    event_id: i32,
    proposal_id: Option<i32>,
    actor_id: Option<i32>,
    action: &str,
    detail: impl Into<String>,
    now: DateTime<Utc>,
) -> AppResult<()> {
    selection_log::ActiveModel {
        event_id: Set(event_id),
        proposal_id: Set(proposal_id),
        actor_id: Set(actor_id),
        action: Set(action.into()),
        detail: Set(detail.into()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}
