//! "My shifts": a volunteer's shifts at one event, next first, with what only they may read (the
//! team's briefing, its lead's name and phone), and their personal calendar feed.
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use super::signup::{held_shifts, volunteer_record};
use super::{MyShift, MyShiftsView};
use crate::entities::{event, user, volunteer_application, volunteer_shift, volunteer_signup, volunteer_team};
use crate::error::{AppError, AppResult};
use crate::formats::ical::{calendar, CalEvent};
use crate::lang::use_locale;
use domain::volunteers::shift_uid;
use domain::volunteers::signup::{can_check_in_self, can_sign_out};

/// `me`'s shifts at `e` with their teams, by start.
async fn held(
    db: &impl ConnectionTrait,
    e: &event::Model,
    user_id: i32,
) -> AppResult<Vec<(volunteer_shift::Model, volunteer_team::Model)>> {
    let shifts = held_shifts(db, e, user_id).await?;
    let teams = volunteer_team::Entity::find().filter(volunteer_team::Column::EventId.eq(e.id)).all(db).await?;
    Ok(shifts.into_iter().filter_map(|s| teams.iter().find(|t| t.id == s.team_id).cloned().map(|t| (s, t))).collect())
}

pub async fn my_shifts(
    db: &impl ConnectionTrait,
    e: &event::Model,
    me: &user::Model,
    base_url: &str,
    now: DateTime<Utc>,
) -> AppResult<MyShiftsView> {
    let l = use_locale();
    let sign_out_hours = super::settings::settings_of(db, e.id).await?.sign_out_hours;
    let arrived = arrivals(db, me.id).await?;
    let mut shifts: Vec<MyShift> = held(db, e, me.id)
        .await?
        .into_iter()
        .map(|(s, t)| MyShift {
            id: s.id,
            title: s.title,
            team: t.name,
            place: s.place,
            when: super::words::when(l, e, s.starts_at, s.ends_at),
            can_check_in: !arrived.contains(&s.id) && can_check_in_self(now, s.starts_at, s.ends_at),
            arrived: arrived.contains(&s.id),
            briefing: t.briefing,
            lead_name: t.lead_name,
            lead_phone: t.lead_phone,
            notes: s.notes,
            over: s.ends_at <= now,
            can_leave: can_sign_out(now, s.starts_at, sign_out_hours),
        })
        .collect();
    shifts.sort_by_key(|s| s.over);
    let feed = volunteer_record(db, e.id, me.id).await?.and_then(|r| r.feed_token).map(|t| feed_url(base_url, &e.slug, &t));
    Ok(MyShiftsView { event: crate::events::summary::summary(e), shifts, feed })
}

/// The shifts `user_id` checked in to (themselves or by a lead).
async fn arrivals(db: &impl ConnectionTrait, user_id: i32) -> AppResult<Vec<i32>> {
    Ok(volunteer_signup::Entity::find()
        .filter(volunteer_signup::Column::UserId.eq(user_id))
        .filter(volunteer_signup::Column::CheckedInAt.is_not_null())
        .all(db)
        .await?
        .into_iter()
        .map(|s| s.shift_id)
        .collect())
}

fn feed_url(base_url: &str, slug: &str, token: &str) -> String {
    format!("{}/events/{slug}/volunteer/feed/{token}.ics", base_url.trim_end_matches('/'))
}

/// Gives `me` a new calendar address (the old one stops working).
pub async fn rotate_feed(db: &impl ConnectionTrait, e: &event::Model, me: &user::Model) -> AppResult<()> {
    volunteer_application::Entity::update_many()
        .col_expr(volunteer_application::Column::FeedToken, Expr::value(Some(crate::crypto::new_token())))
        .filter(volunteer_application::Column::EventId.eq(e.id))
        .filter(volunteer_application::Column::UserId.eq(me.id))
        .exec(db)
        .await?;
    Ok(())
}

/// The calendar of the volunteer whose feed secret is `token`: their shifts at `e`, each with a UID
/// made of its id, so calendar apps move a shift that moved.
pub async fn feed(db: &impl ConnectionTrait, e: &event::Model, token: &str, now: DateTime<Utc>) -> AppResult<String> {
    if token.len() != 64 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(AppError::NotFound);
    }
    let record = volunteer_application::Entity::find()
        .filter(volunteer_application::Column::EventId.eq(e.id))
        .filter(volunteer_application::Column::FeedToken.eq(token))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let events: Vec<CalEvent> = held(db, e, record.user_id)
        .await?
        .into_iter()
        .map(|(s, t)| CalEvent {
            uid: shift_uid(&e.slug, s.id),
            summary: if s.title.is_empty() { t.name.clone() } else { format!("{} — {}", s.title, t.name) },
            description: [t.briefing.as_str(), s.notes.as_str()].iter().filter(|x| !x.is_empty()).cloned().collect::<Vec<_>>().join("\n\n"),
            location: s.place,
            start: s.starts_at,
            end: s.ends_at,
            url: None,
        })
        .collect();
    Ok(calendar(&e.name, &events, now))
}
