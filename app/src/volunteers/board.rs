//! The shift board: every shift of the event by day, with where each stands for the volunteer
//! looking at it and why they could not take it.
use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use super::signup::{plan_of, talks_of, TAKEN, WAITING};
use super::{BoardDay, BoardShift, BoardView, ShiftState};
use crate::entities::{event, user, volunteer_shift, volunteer_signup, volunteer_team};
use crate::error::AppResult;
use crate::formats::zoned::zone;
use crate::lang::{dates, use_locale};
use crate::state::AppState;
use domain::volunteers::signup::{can_sign_out, can_sign_up, may_wait, ShiftSlot};

async fn my_signups(db: &impl ConnectionTrait, me: &user::Model) -> AppResult<HashMap<i32, String>> {
    let rows = volunteer_signup::Entity::find().filter(volunteer_signup::Column::UserId.eq(me.id)).all(db).await?;
    Ok(rows.into_iter().map(|s| (s.shift_id, s.status)).collect())
}

pub async fn board(state: &AppState, e: &event::Model, me: &user::Model, only_open: bool, now: DateTime<Utc>) -> AppResult<BoardView> {
    let db = &state.db;
    let tz = zone(&e.time_zone);
    let l = use_locale();
    let teams: HashMap<i32, volunteer_team::Model> = volunteer_team::Entity::find()
        .filter(volunteer_team::Column::EventId.eq(e.id))
        .all(db)
        .await?
        .into_iter()
        .map(|t| (t.id, t))
        .collect();
    let shifts = volunteer_shift::Entity::find()
        .filter(volunteer_shift::Column::EventId.eq(e.id))
        .order_by_asc(volunteer_shift::Column::StartsAt)
        .order_by_asc(volunteer_shift::Column::Id)
        .all(db)
        .await?;
    let mine = my_signups(db, me).await?;
    let sign_out_hours = super::settings::settings_of(db, e.id).await?.sign_out_hours;
    let plan = plan_of(db, e, me, talks_of(state, e, me).await?).await?;
    let mut days: Vec<(chrono::NaiveDate, Vec<BoardShift>)> = Vec::new();
    for s in shifts {
        let Some(team) = teams.get(&s.team_id) else { continue };
        let slot = ShiftSlot {
            id: s.id,
            title: s.title.clone(),
            team_id: team.id,
            team_name: team.name.clone(),
            restricted: team.restricted,
            start: s.starts_at,
            end: s.ends_at,
            seats: s.seats,
            taken: s.taken,
        };
        let (standing, why_not) = match mine.get(&s.id).map(String::as_str) {
            Some(TAKEN) => (ShiftState::Mine, None),
            Some(WAITING) => (ShiftState::Waiting, None),
            _ => match can_sign_up(&slot, &plan, now) {
                Ok(()) => (ShiftState::Open, None),
                Err(r) if may_wait(&r) => (ShiftState::Full, None),
                Err(r) => (ShiftState::Blocked, Some(super::signup::reason(e, &r))),
            },
        };
        if only_open && standing != ShiftState::Open {
            continue;
        }
        let (start, end) = (s.starts_at.with_timezone(&tz), s.ends_at.with_timezone(&tz));
        let shift = BoardShift {
            id: s.id,
            team: team.name.clone(),
            colour: team.colour.clone(),
            title: s.title,
            place: s.place,
            time: format!("{}–{}", start.format("%H:%M"), end.format("%H:%M")),
            seats: s.seats,
            taken: s.taken,
            state: standing,
            why_not,
            can_leave: standing == ShiftState::Mine && can_sign_out(now, s.starts_at, sign_out_hours),
        };
        match days.last_mut() {
            Some((day, list)) if *day == start.date_naive() => list.push(shift),
            _ => days.push((start.date_naive(), vec![shift])),
        }
    }
    Ok(BoardView {
        event: crate::events::summary::summary(e),
        days: days.into_iter().map(|(d, shifts)| BoardDay { label: dates::day(l, d), shifts }).collect(),
        only_open,
    })
}
