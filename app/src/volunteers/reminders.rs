//! The reminder mail the day before each shift, with the shift as a calendar file. Sent once per
//! sign-up: the sign-up is stamped by a conditional update in the transaction that queues the mail,
//! so two server instances sweeping at once send it once.
use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use super::mails::{to, Named};
use super::signup::TAKEN;
use crate::db::BeginWrite;
use crate::entities::{event, user, volunteer_shift, volunteer_signup, volunteer_team};
use crate::error::AppResult;
use crate::formats::ical::{calendar, CalEvent, CONTENT_TYPE};
use crate::mail::volunteer_templates::shift_reminder;
use crate::mail::{outbox, Attachment};
use crate::state::AppState;
use domain::volunteers::settings::{reminder_due, REMINDER_HOURS};
use domain::volunteers::shift_uid;

/// Queues the reminders due at `now` (shifts starting within a day); answers how many.
pub async fn queue_due(state: &AppState, now: DateTime<Utc>) -> AppResult<usize> {
    let soon = volunteer_shift::Entity::find()
        .filter(volunteer_shift::Column::StartsAt.gt(now))
        .filter(volunteer_shift::Column::StartsAt.lte(now + Duration::hours(REMINDER_HOURS)))
        .all(&state.db)
        .await?;
    if soon.is_empty() {
        return Ok(0);
    }
    let due = volunteer_signup::Entity::find()
        .filter(volunteer_signup::Column::ShiftId.is_in(soon.iter().map(|s| s.id)))
        .filter(volunteer_signup::Column::Status.eq(TAKEN))
        .filter(volunteer_signup::Column::RemindedAt.is_null())
        .all(&state.db)
        .await?;
    let mut sent = 0;
    for signup in due {
        let Some(shift) = soon.iter().find(|s| s.id == signup.shift_id && reminder_due(now, s.starts_at)) else { continue };
        if remind(state, &signup, shift, now).await? {
            sent += 1;
        }
    }
    if sent > 0 {
        state.mail_wake.notify_one();
    }
    Ok(sent)
}

/// Stamps the sign-up and queues its reminder, unless another sweep stamped it first.
async fn remind(state: &AppState, signup: &volunteer_signup::Model, shift: &volunteer_shift::Model, now: DateTime<Utc>) -> AppResult<bool> {
    let txn = state.db.begin_write().await?;
    let stamped = volunteer_signup::Entity::update_many()
        .col_expr(volunteer_signup::Column::RemindedAt, Expr::value(Some(now)))
        .filter(volunteer_signup::Column::Id.eq(signup.id))
        .filter(volunteer_signup::Column::RemindedAt.is_null())
        .exec(&txn)
        .await?;
    if stamped.rows_affected != 1 {
        return Ok(false);
    }
    let (Some(e), Some(u), Some(team)) = (
        event::Entity::find_by_id(shift.event_id).one(&txn).await?,
        user::Entity::find_by_id(signup.user_id).one(&txn).await?,
        volunteer_team::Entity::find_by_id(shift.team_id).one(&txn).await?,
    ) else {
        return Ok(false);
    };
    let who = to(&u, &e);
    let named = Named::of(who.l, &e, shift, &team.name);
    let lead = [team.lead_name.trim(), team.lead_phone.trim()].iter().filter(|x| !x.is_empty()).cloned().collect::<Vec<_>>().join(" · ");
    let link = state.config.link(&crate::plumbing::urls::my_shifts(&e.slug));
    let ics = calendar(
        &e.name,
        &[CalEvent {
            uid: shift_uid(&e.slug, shift.id),
            summary: named.title.clone(),
            description: team.briefing.clone(),
            location: shift.place.clone(),
            start: shift.starts_at,
            end: shift.ends_at,
            url: Some(link.clone()),
        }],
        now,
    );
    let mail = shift_reminder(&who, &named.words(), &team.briefing, &lead, &link).with_attachment(Attachment {
        filename: format!("shift-{}.ics", shift.id),
        content_type: CONTENT_TYPE.into(),
        body: ics,
    });
    outbox::enqueue(&txn, mail, now).await?;
    txn.commit().await?;
    Ok(true)
}
