//! The leads' side, server part: teams and shifts of an event, checked by `domain::volunteers`.
use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};

use crate::entities::{event, volunteer_shift, volunteer_team};
use crate::error::{AppError, AppResult};
use crate::formats::zoned::{local_to_utc, zone};
use crate::plumbing::unique_violation_as;
use domain::cfp::{track_errors, TrackForm};
use domain::volunteers::shifts::{parsed_shift, shift_form_errors, ShiftForm};

/// A team as a lead types it: name, description and colour as a track's, and what volunteers need to know.
#[derive(Debug, Clone, Default)]
pub struct TeamInput {
    pub looks: TrackForm,
    pub restricted: bool,
    pub briefing: String,
    pub lead_name: String,
    pub lead_phone: String,
}

pub async fn create_team(
    db: &impl ConnectionTrait,
    e: &event::Model,
    t: &TeamInput,
    now: DateTime<Utc>,
) -> AppResult<volunteer_team::Model> {
    let errors = track_errors(&t.looks);
    if !errors.is_empty() {
        return Err(AppError::problems(errors));
    }
    let position = volunteer_team::Entity::find().filter(volunteer_team::Column::EventId.eq(e.id)).count(db).await? as i32;
    volunteer_team::ActiveModel {
        event_id: Set(e.id),
        name: Set(t.looks.name.trim().into()),
        description: Set(t.looks.description.trim().into()),
        colour: Set(t.looks.colour.trim().into()),
        restricted: Set(t.restricted),
        briefing: Set(t.briefing.trim().into()),
        lead_name: Set(t.lead_name.trim().into()),
        lead_phone: Set(t.lead_phone.trim().into()),
        position: Set(position),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .map_err(|x| unique_violation_as(x, || AppError::field("name", crate::tr!(volunteers.errors.team_exists))))
}

/// Adds a shift typed in the event's local time; refused with the field at fault, nothing written.
pub async fn add_shift(
    db: &impl ConnectionTrait,
    e: &event::Model,
    form: &ShiftForm,
    now: DateTime<Utc>,
) -> AppResult<volunteer_shift::Model> {
    let teams: Vec<i32> =
        volunteer_team::Entity::find().filter(volunteer_team::Column::EventId.eq(e.id)).all(db).await?.iter().map(|t| t.id).collect();
    let errors = shift_form_errors(form, &teams, (e.start_date, e.end_date));
    if !errors.is_empty() {
        return Err(AppError::problems(errors));
    }
    let (day, start, end, seats) = parsed_shift(form).ok_or_else(|| AppError::field("day", crate::tr!(errors.correct_the_field)))?;
    let tz = zone(&e.time_zone);
    let at = |t: chrono::NaiveTime| local_to_utc(&format!("{day}T{}", t.format("%H:%M")), tz).map_err(|m| AppError::field("start", m));
    let team_id: i32 = form.team_id.trim().parse().map_err(|_| AppError::NotFound)?;
    volunteer_shift::ActiveModel {
        event_id: Set(e.id),
        team_id: Set(team_id),
        title: Set(form.title.trim().into()),
        place: Set(form.place.trim().into()),
        room_id: Set(None),
        starts_at: Set(at(start)?),
        ends_at: Set(at(end)?),
        seats: Set(seats),
        taken: Set(0),
        notes: Set(form.notes.trim().into()),
        generated_key: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .map_err(Into::into)
}
