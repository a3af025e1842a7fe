//! Changing the work-in-progress schedule. Every change locks the event's schedule row first (so two
//! organisers' changes happen one after the other), checks the item's version (a change based on a
//! stale page is refused) and runs `domain::schedule::check` on what the database holds now.
use chrono::{DateTime, Duration, NaiveDate, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};

use super::service::{load, Loaded};
use super::{placements_except, BuilderItem};
use crate::db::BeginWrite;
use crate::entities::{event, schedule_item, schedule_state};
use crate::error::{AppError, AppResult, FieldError};
use crate::formats::zoned::local_to_utc;
use crate::tr;
use domain::schedule::{check, Context};
use domain::timetable::{check_title, parse_minutes, Kind};

/// The refusal of a change based on a page older than the item.
fn stale() -> AppError {
    AppError::Conflict(tr!(schedule.place.stale).into())
}

pub use super::Where;

/// The same, checked.
#[derive(Debug, Clone, Copy)]
pub struct Target {
    pub room: Option<i32>,
    pub start: DateTime<Utc>,
    pub minutes: i64,
}

/// Takes the event's schedule lock for the rest of the transaction.
pub async fn lock(txn: &impl ConnectionTrait, event_id: i32) -> AppResult<()> {
    schedule_state::Entity::insert(schedule_state::ActiveModel { event_id: Set(event_id), revision: Set(0) })
        .on_conflict_do_nothing_on([schedule_state::Column::EventId])
        .exec(txn)
        .await?;
    schedule_state::Entity::update_many()
        .col_expr(schedule_state::Column::Revision, Expr::col(schedule_state::Column::Revision).add(1))
        .filter(schedule_state::Column::EventId.eq(event_id))
        .exec(txn)
        .await?;
    Ok(())
}

/// Reads `w` against the event's days and rooms; every wrong field is named.
pub fn target(loaded: &Loaded, w: &Where) -> AppResult<Target> {
    let mut errors = Vec::new();
    let day = NaiveDate::parse_from_str(w.day.trim(), "%Y-%m-%d").ok().filter(|d| loaded.days.iter().any(|(x, _)| x.day == *d));
    if day.is_none() {
        errors.push(FieldError::new("day", tr!(schedule.place.choose_day)));
    }
    let room = match w.room.trim() {
        "all" => Some(None),
        id => id.parse::<i32>().ok().filter(|id| loaded.rooms.iter().any(|r| r.id == *id)).map(Some),
    };
    if room.is_none() {
        errors.push(FieldError::new("room", tr!(schedule.place.choose_room)));
    }
    let start = match (day, chrono::NaiveTime::parse_from_str(w.start.trim(), "%H:%M")) {
        (Some(d), Ok(_)) => {
            local_to_utc(&format!("{d}T{}", w.start.trim()), loaded.tz).map_err(|m| errors.push(FieldError::new("start", m))).ok()
        }
        (_, Err(_)) => {
            errors.push(FieldError::new("start", tr!(schedule.place.start_format)));
            None
        }
        (None, Ok(_)) => None,
    };
    let minutes = parse_minutes(&w.minutes).map_err(|p| errors.push(FieldError::new("minutes", crate::lang::problems::here(&p)))).ok();
    match (room, start, minutes) {
        (Some(room), Some(start), Some(minutes)) if errors.is_empty() => Ok(Target { room, start, minutes }),
        _ => Err(AppError::validation(errors)),
    }
}

/// Refuses a hard conflict (409, every reason in one sentence each); returns the warnings.
pub fn verdict(loaded: &Loaded, item: &BuilderItem, to: Target) -> AppResult<Vec<String>> {
    let mut candidate = item.placement_at(to.room, to.start, &loaded.rooms);
    candidate.end = to.start + Duration::minutes(to.minutes);
    let others = placements_except(&loaded.items, &loaded.rooms, Some(item.id));
    let day = loaded.day_of(to.start).ok_or_else(|| AppError::field("start", tr!(schedule.place.outside_days)))?;
    let ctx = Context { others: &others, day, rooms: &loaded.rooms, unavailable: &loaded.unavailable, expected: None };
    let v = check(&candidate, &ctx);
    if !v.allowed() {
        let reasons: Vec<String> = v.hard.iter().map(|h| crate::lang::problems::here(&h.problem())).collect();
        return Err(AppError::Conflict(tr!(schedule.place.refused, reasons = reasons.join(" ")).to_string()));
    }
    Ok(v.warnings.iter().map(|w| crate::lang::problems::here(&w.problem())).collect())
}

fn parse_version(v: &str) -> AppResult<i32> {
    v.trim().parse().map_err(|_| AppError::BadRequest(tr!(schedule.place.missing_version).into()))
}

/// Moves `item` (by id) to `w`; `version` is the one the organiser's page showed.
pub async fn place(
    db: &DatabaseConnection,
    e: &event::Model,
    item: i32,
    version: &str,
    w: &Where,
    now: DateTime<Utc>,
) -> AppResult<Vec<String>> {
    let version = parse_version(version)?;
    let txn = db.begin_write().await?;
    lock(&txn, e.id).await?;
    let loaded = load(&txn, e, now).await?;
    let current = loaded.item(item).ok_or(AppError::NotFound)?;
    if current.version != version {
        return Err(stale());
    }
    let to = target(&loaded, w)?;
    let warnings = verdict(&loaded, current, to)?;
    let moved = schedule_item::Entity::update_many()
        .col_expr(schedule_item::Column::RoomId, Expr::value(to.room))
        .col_expr(schedule_item::Column::AllRooms, Expr::value(to.room.is_none()))
        .col_expr(schedule_item::Column::StartsAt, Expr::value(Some(to.start)))
        .col_expr(schedule_item::Column::EndsAt, Expr::value(Some(to.start + Duration::minutes(to.minutes))))
        .col_expr(schedule_item::Column::Minutes, Expr::value(to.minutes as i32))
        .col_expr(schedule_item::Column::Version, Expr::value(version + 1))
        .col_expr(schedule_item::Column::UpdatedAt, Expr::value(now))
        .filter(schedule_item::Column::Id.eq(item))
        .filter(schedule_item::Column::Version.eq(version))
        .exec(&txn)
        .await?;
    if moved.rows_affected != 1 {
        return Err(stale());
    }
    txn.commit().await?;
    Ok(warnings)
}

/// Takes `item` off the grid: a talk goes back to the unscheduled panel, anything else is deleted.
pub async fn unplace(db: &DatabaseConnection, e: &event::Model, item: i32, version: &str, now: DateTime<Utc>) -> AppResult<()> {
    let version = parse_version(version)?;
    let txn = db.begin_write().await?;
    lock(&txn, e.id).await?;
    let row = schedule_item::Entity::find_by_id(item)
        .filter(schedule_item::Column::EventId.eq(e.id))
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    let same_version = schedule_item::Column::Version.eq(version);
    let changed = if row.proposal_id.is_some() {
        schedule_item::Entity::update_many()
            .col_expr(schedule_item::Column::RoomId, Expr::value(Option::<i32>::None))
            .col_expr(schedule_item::Column::AllRooms, Expr::value(false))
            .col_expr(schedule_item::Column::StartsAt, Expr::value(Option::<DateTime<Utc>>::None))
            .col_expr(schedule_item::Column::EndsAt, Expr::value(Option::<DateTime<Utc>>::None))
            .col_expr(schedule_item::Column::Version, Expr::value(version + 1))
            .col_expr(schedule_item::Column::UpdatedAt, Expr::value(now))
            .filter(schedule_item::Column::Id.eq(item))
            .filter(same_version)
            .exec(&txn)
            .await?
            .rows_affected
    } else {
        schedule_item::Entity::delete_many().filter(schedule_item::Column::Id.eq(item)).filter(same_version).exec(&txn).await?.rows_affected
    };
    if changed != 1 {
        return Err(stale());
    }
    txn.commit().await?;
    Ok(())
}

/// Adds a break, lunch, plenary… straight onto the grid; refused (and nothing written) on a hard conflict.
pub async fn add_extra(
    db: &DatabaseConnection,
    e: &event::Model,
    kind: &str,
    title: &str,
    w: &Where,
    now: DateTime<Utc>,
) -> AppResult<Vec<String>> {
    let kind = Kind::parse(kind).filter(|k| *k != Kind::Talk);
    let title = check_title(title);
    let txn = db.begin_write().await?;
    lock(&txn, e.id).await?;
    let loaded = load(&txn, e, now).await?;
    let to = target(&loaded, w);
    let (kind, title, to) = match (kind, title, to) {
        (Some(k), Ok(t), Ok(to)) => (k, t, to),
        (k, t, to) => {
            let mut errors = match to {
                Err(AppError::Validation { fields, .. }) => fields,
                _ => Vec::new(),
            };
            if k.is_none() {
                errors.insert(0, FieldError::new("kind", tr!(schedule.place.choose_kind)));
            }
            if let Err(problem) = t {
                errors.insert(0, FieldError::new("title", crate::lang::problems::here(&problem)));
            }
            return Err(AppError::validation(errors));
        }
    };
    let probe = BuilderItem {
        id: 0,
        kind,
        title: title.clone(),
        code: None,
        format: String::new(),
        format_id: None,
        track: String::new(),
        track_id: None,
        minutes: to.minutes,
        format_minutes: None,
        speakers: Vec::new(),
        speaker_names: Vec::new(),
        version: 0,
        placed: None,
    };
    let warnings = verdict(&loaded, &probe, to)?;
    schedule_item::ActiveModel {
        event_id: Set(e.id),
        kind: Set(kind.key().into()),
        proposal_id: Set(None),
        title: Set(title),
        room_id: Set(to.room),
        all_rooms: Set(to.room.is_none()),
        starts_at: Set(Some(to.start)),
        ends_at: Set(Some(to.start + Duration::minutes(to.minutes))),
        minutes: Set(to.minutes as i32),
        version: Set(0),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    txn.commit().await?;
    Ok(warnings)
}
