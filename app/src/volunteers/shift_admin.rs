//! One shift as its lead manages it: edit it (its volunteers are told when it changes), delete it
//! (they are told it is cancelled), put someone on it, take someone off, and check people in on the
//! day. Also the volunteer's own "I'm here", and who is on shift right now.
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set};

use super::call::{event_days, teams_of};
use super::mails::{tell_holders, Told};
use super::signup::{offer_freed_seat, shift_of, signup_of, TAKEN, WAITING};
use super::views::{ApplicationStatus, NowLine, OnShift, ShiftAdminView};
use super::words;
use crate::db::BeginWrite;
use crate::entities::{event, user, volunteer_application, volunteer_shift, volunteer_signup};
use crate::error::{AppError, AppResult};
use crate::formats::zoned::zone;
use crate::state::AppState;
use domain::volunteers::settings::seats_problem;
use domain::volunteers::shifts::ShiftForm;
use domain::volunteers::signup::can_check_in_self;

async fn signups(db: &impl ConnectionTrait, shift_id: i32) -> AppResult<Vec<volunteer_signup::Model>> {
    Ok(volunteer_signup::Entity::find()
        .filter(volunteer_signup::Column::ShiftId.eq(shift_id))
        .order_by_asc(volunteer_signup::Column::QueuedAt)
        .order_by_asc(volunteer_signup::Column::Id)
        .all(db)
        .await?)
}

/// The shift's page for its leads.
pub async fn shift_view(db: &impl ConnectionTrait, e: &event::Model, shift_id: i32) -> AppResult<ShiftAdminView> {
    let s = shift_of(db, e, shift_id).await?;
    let teams = teams_of(db, e.id).await?;
    let team = teams.iter().find(|t| t.id == s.team_id).map(|t| t.name.clone()).unwrap_or_default();
    let rows = signups(db, s.id).await?;
    let accepted = volunteer_application::Entity::find()
        .filter(volunteer_application::Column::EventId.eq(e.id))
        .filter(volunteer_application::Column::Status.eq(ApplicationStatus::Accepted.as_str()))
        .all(db)
        .await?;
    let people = user::Entity::find()
        .filter(user::Column::Id.is_in(accepted.iter().map(|a| a.user_id).chain(rows.iter().map(|r| r.user_id))))
        .all(db)
        .await?;
    let name = |id: i32| people.iter().find(|u| u.id == id).map(|u| u.display_name.clone()).unwrap_or_default();
    let tz = zone(&e.time_zone);
    let (start, end) = (s.starts_at.with_timezone(&tz), s.ends_at.with_timezone(&tz));
    let mut assignable: Vec<(String, String)> = accepted
        .iter()
        .filter(|a| !rows.iter().any(|r| r.user_id == a.user_id && r.status == TAKEN))
        .map(|a| (a.user_id.to_string(), name(a.user_id)))
        .collect();
    assignable.sort_by(|a, b| a.1.to_lowercase().cmp(&b.1.to_lowercase()));
    Ok(ShiftAdminView {
        event: crate::events::summary::summary(e),
        id: s.id,
        when: words::when(crate::lang::use_locale(), e, s.starts_at, s.ends_at),
        seats: s.seats,
        taken: s.taken,
        form: ShiftForm {
            team_id: s.team_id.to_string(),
            place: s.place.clone(),
            title: s.title.clone(),
            day: start.date_naive().to_string(),
            start: start.format("%H:%M").to_string(),
            end: end.format("%H:%M").to_string(),
            seats: s.seats.to_string(),
            notes: s.notes.clone(),
        },
        team,
        teams: teams.iter().map(|t| (t.id.to_string(), t.name.clone())).collect(),
        days: event_days(e),
        people: rows
            .iter()
            .filter(|r| r.status == TAKEN)
            .map(|r| OnShift { user_id: r.user_id, name: name(r.user_id), arrived: r.checked_in_at.is_some(), no_show: r.no_show })
            .collect(),
        waiting: rows.iter().filter(|r| r.status == WAITING).map(|r| name(r.user_id)).collect(),
        assignable,
    })
}

/// Saves the edited shift. Its volunteers are mailed when its time or place changed; seats may
/// not drop below the people on it; added seats go to the waiting list.
pub async fn edit_shift(state: &AppState, e: &event::Model, shift_id: i32, form: &ShiftForm, now: DateTime<Utc>) -> AppResult<()> {
    let txn = state.db.begin_write().await?;
    let s = shift_of(&txn, e, shift_id).await?;
    let read = super::lead::read_shift(&txn, e, form).await?;
    if let Some(p) = seats_problem(read.seats, s.taken) {
        return Err(AppError::problem("seats", p));
    }
    let moved = s.starts_at != read.start || s.ends_at != read.end || s.place != form.place.trim();
    let freed = read.seats > s.seats;
    let mut row: volunteer_shift::ActiveModel = s.into();
    row.team_id = Set(read.team_id);
    row.title = Set(form.title.trim().into());
    row.place = Set(form.place.trim().into());
    row.starts_at = Set(read.start);
    row.ends_at = Set(read.end);
    row.seats = Set(read.seats);
    row.notes = Set(form.notes.trim().into());
    row.updated_at = Set(now);
    let saved = row.update(&txn).await?;
    if moved {
        tell_holders(&txn, state, e, &saved, Told::Changed, now).await?;
    }
    txn.commit().await?;
    state.mail_wake.notify_one();
    if freed {
        while offer_freed_seat(state, e, shift_id, now).await?.is_some() {}
    }
    Ok(())
}

/// Deletes the shift; its volunteers are told it is cancelled (in the same transaction).
pub async fn delete_shift(state: &AppState, e: &event::Model, shift_id: i32, now: DateTime<Utc>) -> AppResult<usize> {
    let txn = state.db.begin_write().await?;
    let s = shift_of(&txn, e, shift_id).await?;
    let told = tell_holders(&txn, state, e, &s, Told::Cancelled, now).await?;
    volunteer_shift::Entity::delete_by_id(s.id).exec(&txn).await?;
    txn.commit().await?;
    state.mail_wake.notify_one();
    Ok(told)
}

/// How a lead marks someone on the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Arrived,
    NoShow,
    /// Undo either.
    Clear,
}

/// A lead marks `person_id` on the shift (any time: leads fix mistakes after the day too).
pub async fn mark(
    db: &impl ConnectionTrait,
    e: &event::Model,
    shift_id: i32,
    person_id: i32,
    how: Mark,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let s = shift_of(db, e, shift_id).await?;
    let theirs = signup_of(db, s.id, person_id).await?.filter(|r| r.status == TAKEN).ok_or(AppError::NotFound)?;
    let (arrived, no_show) = match how {
        Mark::Arrived => (Some(now), false),
        Mark::NoShow => (None, true),
        Mark::Clear => (None, false),
    };
    volunteer_signup::Entity::update_many()
        .col_expr(volunteer_signup::Column::CheckedInAt, Expr::value(arrived))
        .col_expr(volunteer_signup::Column::NoShow, Expr::value(no_show))
        .filter(volunteer_signup::Column::Id.eq(theirs.id))
        .exec(db)
        .await?;
    Ok(())
}

/// "I'm here": a volunteer checks in to their own shift, from a quarter of an hour before its start
/// until its end (else 409 with the reason).
pub async fn here(db: &impl ConnectionTrait, e: &event::Model, me: &user::Model, shift_id: i32, now: DateTime<Utc>) -> AppResult<()> {
    let s = shift_of(db, e, shift_id).await?;
    let mine = signup_of(db, s.id, me.id).await?.filter(|r| r.status == TAKEN).ok_or(AppError::NotFound)?;
    if !can_check_in_self(now, s.starts_at, s.ends_at) {
        return Err(AppError::Conflict(crate::tr!(volunteers.errors.not_time_to_check_in).into()));
    }
    if mine.checked_in_at.is_none() {
        mark(db, e, s.id, me.id, Mark::Arrived, now).await?;
    }
    Ok(())
}

/// Who is on shift at `now`, per place, with whether they arrived.
pub async fn on_shift_now(db: &impl ConnectionTrait, e: &event::Model, now: DateTime<Utc>) -> AppResult<Vec<NowLine>> {
    let running = volunteer_shift::Entity::find()
        .filter(volunteer_shift::Column::EventId.eq(e.id))
        .filter(volunteer_shift::Column::StartsAt.lte(now))
        .filter(volunteer_shift::Column::EndsAt.gt(now))
        .order_by_asc(volunteer_shift::Column::Place)
        .order_by_asc(volunteer_shift::Column::StartsAt)
        .all(db)
        .await?;
    let teams = teams_of(db, e.id).await?;
    let rows = volunteer_signup::Entity::find()
        .filter(volunteer_signup::Column::ShiftId.is_in(running.iter().map(|s| s.id)))
        .filter(volunteer_signup::Column::Status.eq(TAKEN))
        .all(db)
        .await?;
    let people = user::Entity::find().filter(user::Column::Id.is_in(rows.iter().map(|r| r.user_id))).all(db).await?;
    Ok(running
        .iter()
        .map(|s| {
            let team = teams.iter().find(|t| t.id == s.team_id).map(|t| t.name.as_str()).unwrap_or_default();
            NowLine {
                place: s.place.clone(),
                shift_id: s.id,
                title: words::title(s, team),
                time: words::hours(e, s.starts_at, s.ends_at),
                people: rows
                    .iter()
                    .filter(|r| r.shift_id == s.id)
                    .filter_map(|r| people.iter().find(|u| u.id == r.user_id).map(|u| (u.display_name.clone(), r.checked_in_at.is_some())))
                    .collect(),
            }
        })
        .collect())
}
