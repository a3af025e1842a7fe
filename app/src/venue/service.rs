//! Rooms and day hours of an event, as its organisers change them.
use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Tz;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set,
};

use super::{DayRow, RoomRow, VenueView};
use crate::db::BeginWrite;
use crate::entities::{event, event_day, room, schedule_item};
use crate::error::{AppError, AppResult};
use crate::formats::zoned::{local_to_utc, zone};
use crate::plumbing::{is_unique_violation, unique_violation_as};
use domain::schedule::DayHours;
use domain::venue::{day_hours_errors, parse_capacity, room_errors, RoomForm, DEFAULT_CLOSES, DEFAULT_OPENS};

/// Longest run of days an event gets hours for (guards against a mistyped end date).
const MAX_DAYS: i64 = 31;

/// The rooms of an event in agenda order.
pub async fn rooms_of(db: &impl ConnectionTrait, event_id: i32) -> AppResult<Vec<room::Model>> {
    Ok(room::Entity::find()
        .filter(room::Column::EventId.eq(event_id))
        .order_by_asc(room::Column::Position)
        .order_by_asc(room::Column::Id)
        .all(db)
        .await?)
}

async fn room_of(db: &impl ConnectionTrait, event_id: i32, id: i32) -> AppResult<room::Model> {
    room::Entity::find_by_id(id).filter(room::Column::EventId.eq(event_id)).one(db).await?.ok_or(AppError::NotFound)
}

fn name_taken(name: &str) -> AppError {
    AppError::field("name", crate::tr!(venue.name_taken, name = name).to_string())
}

/// The room once checked: (name, capacity, description), trimmed.
fn checked_room(form: &RoomForm) -> AppResult<(String, Option<i32>, String)> {
    let errors = room_errors(form);
    if !errors.is_empty() {
        return Err(AppError::problems(errors));
    }
    let capacity = parse_capacity(&form.capacity).map_err(|p| AppError::problem("capacity", p))?;
    Ok((form.name.trim().to_string(), capacity, form.description.trim().to_string()))
}

/// Refuses a name another room of the event has (ignoring case), before the unique index would.
async fn ensure_free_name(db: &impl ConnectionTrait, event_id: i32, name: &str, except: Option<i32>) -> AppResult<()> {
    let lower = name.to_lowercase();
    let clash = rooms_of(db, event_id).await?.into_iter().any(|r| Some(r.id) != except && r.name.to_lowercase() == lower);
    if clash {
        return Err(name_taken(name));
    }
    Ok(())
}

/// A unique-index violation (two organisers adding the same name at once) is the same field error.
fn unique_as_field(e: sea_orm::DbErr, name: &str) -> AppError {
    unique_violation_as(e, || name_taken(name))
}

/// Adds a room after the others.
pub async fn add_room(db: &impl ConnectionTrait, event_id: i32, form: &RoomForm, now: DateTime<Utc>) -> AppResult<room::Model> {
    let (name, capacity, description) = checked_room(form)?;
    ensure_free_name(db, event_id, &name, None).await?;
    let position = rooms_of(db, event_id).await?.iter().map(|r| r.position + 1).max().unwrap_or(0);
    room::ActiveModel {
        event_id: Set(event_id),
        name: Set(name.clone()),
        capacity: Set(capacity),
        position: Set(position),
        description: Set(description),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .map_err(|e| unique_as_field(e, &name))
}

pub async fn update_room(db: &impl ConnectionTrait, event_id: i32, id: i32, form: &RoomForm) -> AppResult<()> {
    let current = room_of(db, event_id, id).await?;
    let (name, capacity, description) = checked_room(form)?;
    ensure_free_name(db, event_id, &name, Some(id)).await?;
    let mut row: room::ActiveModel = current.into();
    row.name = Set(name.clone());
    row.capacity = Set(capacity);
    row.description = Set(description);
    row.update(db).await.map_err(|e| unique_as_field(e, &name))?;
    Ok(())
}

/// Swaps a room with its neighbour above (`up`) or below; the first room going up (or the last
/// going down) stays. Positions are renumbered 0, 1, 2… in one transaction.
pub async fn move_room(db: &DatabaseConnection, event_id: i32, id: i32, up: bool) -> AppResult<()> {
    let txn = db.begin_write().await?;
    let mut rooms = rooms_of(&txn, event_id).await?;
    let at = rooms.iter().position(|r| r.id == id).ok_or(AppError::NotFound)?;
    let other = if up { at.checked_sub(1) } else { Some(at + 1).filter(|i| *i < rooms.len()) };
    let Some(other) = other else {
        return Ok(());
    };
    rooms.swap(at, other);
    for (i, r) in rooms.into_iter().enumerate() {
        let i = i as i32;
        if r.position != i {
            let mut row: room::ActiveModel = r.into();
            row.position = Set(i);
            row.update(&txn).await?;
        }
    }
    txn.commit().await?;
    Ok(())
}

/// Deletes a room nothing is scheduled in (items placed there must move first).
pub async fn delete_room(db: &impl ConnectionTrait, event_id: i32, id: i32) -> AppResult<()> {
    let r = room_of(db, event_id, id).await?;
    let used = schedule_item::Entity::find()
        .filter(schedule_item::Column::RoomId.eq(r.id))
        .filter(schedule_item::Column::StartsAt.is_not_null())
        .count(db)
        .await?;
    if used > 0 {
        return Err(AppError::Conflict(crate::tr!(venue.room_in_use, name = &r.name, count = used as i32).to_string()));
    }
    room::Entity::delete_by_id(r.id).exec(db).await?;
    Ok(())
}

/// The dates of the event, `start_date` to `end_date` inclusive (at most 31).
pub fn event_dates(e: &event::Model) -> Vec<NaiveDate> {
    let n = (e.end_date - e.start_date).num_days().clamp(0, MAX_DAYS - 1);
    (0..=n).map(|i| e.start_date + Duration::days(i)).collect()
}

/// One row per event date, created with 09:00–18:00 the first time it is read.
pub async fn days_of(db: &impl ConnectionTrait, e: &event::Model) -> AppResult<Vec<event_day::Model>> {
    let find = || event_day::Entity::find().filter(event_day::Column::EventId.eq(e.id)).order_by_asc(event_day::Column::Day);
    let dates = event_dates(e);
    let existing = find().all(db).await?;
    for d in dates.iter().filter(|d| !existing.iter().any(|x| x.day == **d)) {
        let inserted = event_day::ActiveModel {
            event_id: Set(e.id),
            day: Set(*d),
            opens: Set(DEFAULT_OPENS.into()),
            closes: Set(DEFAULT_CLOSES.into()),
            ..Default::default()
        }
        .insert(db)
        .await;
        match inserted {
            // Someone reading the page at the same moment created it first.
            Err(err) if !is_unique_violation(&err) => return Err(err.into()),
            _ => {}
        }
    }
    Ok(find().all(db).await?.into_iter().filter(|d| dates.contains(&d.day)).collect())
}

/// A local "HH:MM" of `day` in `tz` as an instant; a time skipped by a clock change moves on by an hour.
fn instant(day: NaiveDate, hhmm: &str, tz: Tz) -> chrono::DateTime<Utc> {
    let typed = format!("{}T{}", day.format("%Y-%m-%d"), hhmm.trim());
    local_to_utc(&typed, tz)
        .or_else(|_| {
            let naive = chrono::NaiveDateTime::parse_from_str(&typed, "%Y-%m-%dT%H:%M").map_err(|e| e.to_string())?;
            local_to_utc(&(naive + Duration::hours(1)).format("%Y-%m-%dT%H:%M").to_string(), tz)
        })
        .unwrap_or_else(|_| day.and_hms_opt(0, 0, 0).expect("midnight").and_utc())
}

/// The opening hours of a day as instants, for the placement rules.
pub fn day_hours_utc(e: &event::Model, day: &event_day::Model) -> DayHours {
    let tz = zone(&e.time_zone);
    DayHours { start: instant(day.day, &day.opens, tz), end: instant(day.day, &day.closes, tz) }
}

/// Saves the hours of one event day (`day`: `YYYY-MM-DD`); a date outside the event is not found.
pub async fn save_day_hours(db: &impl ConnectionTrait, e: &event::Model, day: &str, opens: &str, closes: &str) -> AppResult<()> {
    let date = NaiveDate::parse_from_str(day.trim(), "%Y-%m-%d").map_err(|_| AppError::NotFound)?;
    if !event_dates(e).contains(&date) {
        return Err(AppError::NotFound);
    }
    let mut errors = crate::error::FieldError::here(&day_hours_errors(opens, closes));
    if errors.is_empty() {
        // A time the clocks skip that day (e.g. 02:30 in spring) does not exist.
        let tz = zone(&e.time_zone);
        for (field, hhmm) in [("opens", opens), ("closes", closes)] {
            if let Err(m) = local_to_utc(&format!("{date}T{}", hhmm.trim()), tz) {
                errors.push(crate::error::FieldError::new(field, m));
            }
        }
    }
    if !errors.is_empty() {
        return Err(AppError::validation(errors));
    }
    let row = days_of(db, e).await?.into_iter().find(|d| d.day == date).ok_or(AppError::NotFound)?;
    let mut row: event_day::ActiveModel = row.into();
    row.opens = Set(opens.trim().to_string());
    row.closes = Set(closes.trim().to_string());
    row.update(db).await?;
    Ok(())
}

/// The "Rooms and days" page of `e`.
pub async fn venue_view(db: &impl ConnectionTrait, e: &event::Model) -> AppResult<VenueView> {
    let rooms = rooms_of(db, e.id).await?;
    let days = days_of(db, e).await?;
    Ok(VenueView {
        event: crate::events::summary::summary(e),
        time_zone: zone(&e.time_zone).to_string(),
        rooms: rooms.into_iter().map(|r| RoomRow { id: r.id, name: r.name, capacity: r.capacity, description: r.description }).collect(),
        days: days
            .into_iter()
            .map(|d| DayRow {
                date: d.day.format("%Y-%m-%d").to_string(),
                label: crate::lang::dates::long_date(crate::lang::use_locale(), d.day),
                opens: d.opens,
                closes: d.closes,
            })
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paris_event(start: NaiveDate, end: NaiveDate) -> event::Model {
        event::Model {
            id: 1,
            slug: "dst".into(),
            name: "DST".into(),
            city: String::new(),
            venue: String::new(),
            time_zone: "Europe/Paris".into(),
            start_date: start,
            end_date: end,
            description: String::new(),
            visibility: "public".into(),
            default_language: "en".into(),
            created_at: DateTime::default(),
        }
    }

    fn day(d: NaiveDate, opens: &str, closes: &str) -> event_day::Model {
        event_day::Model { id: 1, event_id: 1, day: d, opens: opens.into(), closes: closes.into() }
    }

    #[test]
    fn hours_on_the_spring_clock_change_are_read_in_summer_time() {
        let d = NaiveDate::from_ymd_opt(2027, 3, 28).unwrap();
        let h = day_hours_utc(&paris_event(d, d), &day(d, "09:00", "18:00"));
        assert_eq!(h.start.to_rfc3339(), "2027-03-28T07:00:00+00:00");
        assert_eq!(h.end.to_rfc3339(), "2027-03-28T16:00:00+00:00");
        // The day before is still winter time.
        let before = d.pred_opt().unwrap();
        let h = day_hours_utc(&paris_event(before, d), &day(before, "09:00", "18:00"));
        assert_eq!(h.start.to_rfc3339(), "2027-03-27T08:00:00+00:00");
        // A skipped time (02:30 does not exist that night) moves on to 03:30 summer time.
        let h = day_hours_utc(&paris_event(d, d), &day(d, "02:30", "18:00"));
        assert_eq!(h.start.to_rfc3339(), "2027-03-28T01:30:00+00:00");
    }

    #[test]
    fn dates_run_from_start_to_end_inclusive() {
        let s = NaiveDate::from_ymd_opt(2027, 3, 27).unwrap();
        let e = NaiveDate::from_ymd_opt(2027, 3, 29).unwrap();
        let dates = event_dates(&paris_event(s, e));
        assert_eq!(dates.len(), 3);
        assert_eq!((dates[0], dates[2]), (s, e));
        assert_eq!(event_dates(&paris_event(s, s)), [s]);
    }
}
