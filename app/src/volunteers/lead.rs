//! The leads' side, server part: teams and shifts of an event, checked by `domain::volunteers`.
use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, Set};

use super::{CoverageLine, CoverageRow, LeadView, TeamForm, TeamRow};
use crate::entities::{event, volunteer_shift, volunteer_team};
use crate::error::{AppError, AppResult};
use crate::formats::zoned::{local_to_utc, zone};
use crate::lang::dates;
use crate::plumbing::unique_violation_as;
use domain::cfp::{track_errors, TrackForm};
use domain::volunteers::shifts::{cut_block, parsed_shift, shift_form_errors, ShiftForm};

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

/// A shift form read: team, instants and seats.
pub struct ReadShift {
    pub team_id: i32,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub seats: i32,
}

/// Checks a shift form typed in the event's local time; refused with the field at fault.
pub async fn read_shift(db: &impl ConnectionTrait, e: &event::Model, form: &ShiftForm) -> AppResult<ReadShift> {
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
    Ok(ReadShift { team_id, start: at(start)?, end: at(end)?, seats })
}

/// Adds a shift typed in the event's local time; refused with the field at fault, nothing written.
pub async fn add_shift(
    db: &impl ConnectionTrait,
    e: &event::Model,
    form: &ShiftForm,
    now: DateTime<Utc>,
) -> AppResult<volunteer_shift::Model> {
    let read = read_shift(db, e, form).await?;
    volunteer_shift::ActiveModel {
        event_id: Set(e.id),
        team_id: Set(read.team_id),
        title: Set(form.title.trim().into()),
        place: Set(form.place.trim().into()),
        room_id: Set(None),
        starts_at: Set(read.start),
        ends_at: Set(read.end),
        seats: Set(read.seats),
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

/// The leads' page data: teams, the event's days, and each team's coverage per day.
pub async fn lead_view(db: &impl ConnectionTrait, e: &event::Model) -> AppResult<LeadView> {
    use domain::volunteers::coverage::{coverage, CoverageShift};
    use sea_orm::QueryOrder;
    let tz = zone(&e.time_zone);
    let l = crate::lang::use_locale();
    let teams = volunteer_team::Entity::find()
        .filter(volunteer_team::Column::EventId.eq(e.id))
        .order_by_asc(volunteer_team::Column::Position)
        .all(db)
        .await?;
    let shifts = volunteer_shift::Entity::find().filter(volunteer_shift::Column::EventId.eq(e.id)).all(db).await?;
    let team_name = |id: i32| teams.iter().find(|t| t.id == id).map(|t| t.name.clone()).unwrap_or_default();
    let covered: Vec<CoverageShift> = shifts
        .iter()
        .map(|s| CoverageShift {
            id: s.id,
            team_id: s.team_id,
            team: team_name(s.team_id),
            day: s.starts_at.with_timezone(&tz).date_naive(),
            start: s.starts_at,
            end: s.ends_at,
            seats: s.seats,
            taken: s.taken,
        })
        .collect();
    let line = |c: &CoverageShift| {
        let s = shifts.iter().find(|s| s.id == c.id);
        CoverageLine {
            id: c.id,
            time: format!("{}–{}", c.start.with_timezone(&tz).format("%H:%M"), c.end.with_timezone(&tz).format("%H:%M")),
            title: s.map(|s| s.title.clone()).unwrap_or_default(),
            place: s.map(|s| s.place.clone()).unwrap_or_default(),
            seats: c.seats,
            taken: c.taken,
        }
    };
    let days = e.start_date.iter_days().take_while(|d| *d <= e.end_date).map(|d| (d.to_string(), dates::day(l, d))).collect();
    Ok(LeadView {
        event: crate::events::summary::summary(e),
        time_zone: tz.to_string(),
        teams: teams
            .iter()
            .map(|t| TeamRow {
                id: t.id,
                name: t.name.clone(),
                colour: t.colour.clone(),
                restricted: t.restricted,
                shifts: shifts.iter().filter(|s| s.team_id == t.id).count(),
            })
            .collect(),
        days,
        hosts: Default::default(),
        now: vec![],
        clashes: vec![],
        coverage: coverage(&covered)
            .into_iter()
            .map(|c| CoverageRow {
                day: dates::day(l, c.day),
                team: c.team.clone(),
                needed: c.needed,
                taken: c.taken,
                shifts: c.shifts.iter().map(line).collect(),
            })
            .collect(),
    })
}

/// Adds the shift, or with `cut` minutes the block from its start to its end cut into shifts of
/// that length (the last one shorter if need be), all or nothing.
pub async fn add_shifts(db: &DatabaseConnection, e: &event::Model, form: &ShiftForm, cut: &str, now: DateTime<Utc>) -> AppResult<usize> {
    use crate::db::BeginWrite;
    let txn = db.begin_write().await?;
    let count = if cut.trim().is_empty() {
        add_shift(&txn, e, form, now).await?;
        1
    } else {
        let minutes: u32 = cut.trim().parse().map_err(|_| AppError::problem("cut", domain::problem::Problem::MinutesInvalid))?;
        let (_, start, end, _) = parsed_shift(form).ok_or_else(|| first_problem(e, form))?;
        let pieces = cut_block(start, end, minutes).map_err(|p| AppError::problem("cut", p))?;
        for (from, to) in &pieces {
            let piece = ShiftForm { start: from.format("%H:%M").to_string(), end: to.format("%H:%M").to_string(), ..form.clone() };
            add_shift(&txn, e, &piece, now).await?;
        }
        pieces.len()
    };
    txn.commit().await?;
    Ok(count)
}

/// The form's own problems, when it cannot even be read.
fn first_problem(e: &event::Model, form: &ShiftForm) -> AppError {
    let errors = shift_form_errors(form, &[], (e.start_date, e.end_date));
    AppError::problems(errors.into_iter().filter(|p| p.field != "team_id").collect())
}

impl TeamInput {
    pub fn from_form(f: &TeamForm) -> Self {
        TeamInput {
            looks: TrackForm { name: f.name.clone(), description: f.description.clone(), colour: f.colour.clone() },
            restricted: f.restricted.is_some(),
            briefing: f.briefing.clone(),
            lead_name: f.lead_name.clone(),
            lead_phone: f.lead_phone.clone(),
        }
    }
}
