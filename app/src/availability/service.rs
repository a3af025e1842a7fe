//! Times accepted speakers cannot speak: who may state them, adding and removing them, and what
//! the schedule builder reads.
use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set};

use super::{UnavailabilityRow, UnavailabilityView};
use crate::entities::{decision, event, proposal, proposal_speaker, speaker_unavailability as window, user};
use crate::error::{AppError, AppResult, FieldError};
use crate::events::service::by_slug;
use crate::events::summary::dates_label;
use crate::formats::zoned::{utc_to_input, zone};
use crate::plumbing::optional_instant;
use crate::selection::deliberation::{published_of, response_of};
use domain::availability::{form_errors, limit_problem, window_errors, WindowForm, MAX_WINDOWS};
use domain::cfp::{Choice, ProposalState};
use domain::review::holds_slot;
use domain::schedule::Unavailable;

/// Whether `user_id` speaks (owner or co-speaker) in a submitted proposal of the event whose
/// published decision is an acceptance they did not decline.
pub async fn holds_a_slot(db: &impl ConnectionTrait, event_id: i32, user_id: i32) -> AppResult<bool> {
    let linked: Vec<i32> = proposal_speaker::Entity::find()
        .filter(proposal_speaker::Column::UserId.eq(user_id))
        .all(db)
        .await?
        .into_iter()
        .map(|l| l.proposal_id)
        .collect();
    if linked.is_empty() {
        return Ok(false);
    }
    let proposals: Vec<i32> = proposal::Entity::find()
        .filter(proposal::Column::Id.is_in(linked))
        .filter(proposal::Column::EventId.eq(event_id))
        .filter(proposal::Column::State.eq(ProposalState::Submitted.as_str()))
        .all(db)
        .await?
        .into_iter()
        .map(|p| p.id)
        .collect();
    if proposals.is_empty() {
        return Ok(false);
    }
    let decisions = decision::Entity::find().filter(decision::Column::ProposalId.is_in(proposals)).all(db).await?;
    Ok(decisions.iter().any(|d| published_of(d).is_some_and(|p| holds_slot(p, response_of(d)))))
}

/// The event of `slug`, if `me` may state times there (403 otherwise; 404 for no such event).
pub async fn speaker_event(db: &impl ConnectionTrait, slug: &str, me: &user::Model) -> AppResult<event::Model> {
    let e = by_slug(db, slug.trim()).await?;
    if !holds_a_slot(db, e.id, me.id).await? {
        return Err(AppError::Forbidden);
    }
    Ok(e)
}

/// Local midnight starting `day` in `tz`; when the clocks skip midnight, the first minute that exists.
fn local_midnight(day: NaiveDate, tz: Tz) -> DateTime<Utc> {
    let midnight = day.and_hms_opt(0, 0, 0).expect("midnight");
    (0..=2)
        .find_map(|h| tz.from_local_datetime(&(midnight + Duration::hours(h))).earliest())
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_else(|| midnight.and_utc())
}

/// The event as instants: its first day at 00:00 to the day after its last at 00:00, local time.
pub fn event_bounds(e: &event::Model) -> (DateTime<Utc>, DateTime<Utc>) {
    let tz = zone(&e.time_zone);
    (local_midnight(e.start_date, tz), local_midnight(e.end_date + Duration::days(1), tz))
}

/// The windows `user_id` stated for the event, in start order.
pub async fn windows_of(db: &impl ConnectionTrait, event_id: i32, user_id: i32) -> AppResult<Vec<window::Model>> {
    Ok(window::Entity::find()
        .filter(window::Column::EventId.eq(event_id))
        .filter(window::Column::UserId.eq(user_id))
        .order_by_asc(window::Column::StartsAt)
        .order_by_asc(window::Column::Id)
        .all(db)
        .await?)
}

/// "Wed 10 Mar 2:00 pm – 4:00 pm" / "mer. 10 mars 14 h 00 – 16 h 00", in the page's language; a
/// window that ends at the next midnight ends at "midnight".
fn window_label(start: NaiveDateTime, end: NaiveDateTime) -> String {
    use crate::lang::dates::{short_day, time};
    let l = crate::lang::use_locale();
    let from = format!("{} {}", short_day(l, start.date()), time(l, start.time()));
    let to = if end.date() == start.date() {
        time(l, end.time())
    } else if end.time() == NaiveTime::MIN && end.date() - start.date() == Duration::days(1) {
        crate::tr!(availability.midnight).to_string()
    } else {
        format!("{} {}", short_day(l, end.date()), time(l, end.time()))
    };
    format!("{from} – {to}")
}

/// The speaker's section on their proposal page.
pub async fn view(db: &impl ConnectionTrait, e: &event::Model, me: &user::Model) -> AppResult<UnavailabilityView> {
    let tz = zone(&e.time_zone);
    let (lo, hi) = event_bounds(e);
    let windows = windows_of(db, e.id, me.id).await?;
    Ok(UnavailabilityView {
        event_slug: e.slug.clone(),
        event_name: e.name.clone(),
        time_zone: tz.to_string(),
        dates: dates_label(crate::lang::use_locale(), e.start_date, e.end_date),
        min: utc_to_input(lo, tz),
        max: utc_to_input(hi, tz),
        can_add: windows.len() < MAX_WINDOWS,
        windows: windows
            .into_iter()
            .map(|w| UnavailabilityRow {
                id: w.id,
                label: window_label(w.starts_at.with_timezone(&tz).naive_local(), w.ends_at.with_timezone(&tz).naive_local()),
                note: w.note,
            })
            .collect(),
    })
}

/// Reads and checks a window typed in the event's zone: (start, end, note) or every field error.
pub fn checked_window(e: &event::Model, form: &WindowForm) -> AppResult<(DateTime<Utc>, DateTime<Utc>, String)> {
    let tz = zone(&e.time_zone);
    let mut errors = crate::error::FieldError::here(&form_errors(form));
    let mut read = |field: &str, typed: &str| {
        optional_instant(typed, tz).unwrap_or_else(|m| {
            errors.push(FieldError::new(field, m));
            None
        })
    };
    let start = read("starts_at", &form.starts_at);
    let end = read("ends_at", &form.ends_at);
    if let (Some(start), Some(end)) = (start, end) {
        let dates = dates_label(crate::lang::use_locale(), e.start_date, e.end_date);
        errors.extend(crate::error::FieldError::here(&window_errors(start, end, event_bounds(e), &dates)));
    }
    match (start, end) {
        (Some(start), Some(end)) if errors.is_empty() => Ok((start, end, form.note.trim().to_string())),
        _ => Err(AppError::validation(errors)),
    }
}

/// Adds a window for `me`; nothing is written when a field is wrong or the speaker has stated
/// the most already.
pub async fn add(
    db: &impl ConnectionTrait,
    e: &event::Model,
    me: &user::Model,
    form: &WindowForm,
    now: DateTime<Utc>,
) -> AppResult<window::Model> {
    let (start, end, note) = checked_window(e, form)?;
    let existing =
        window::Entity::find().filter(window::Column::EventId.eq(e.id)).filter(window::Column::UserId.eq(me.id)).count(db).await?;
    if let Some(problem) = limit_problem(existing as usize) {
        return Err(AppError::Validation { message: crate::lang::problems::here(&problem), fields: Vec::new() });
    }
    Ok(window::ActiveModel {
        event_id: Set(e.id),
        user_id: Set(me.id),
        starts_at: Set(start),
        ends_at: Set(end),
        note: Set(note),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?)
}

/// Removes one of `me`'s windows for the event; anyone else's (or none) is not found.
pub async fn delete(db: &impl ConnectionTrait, e: &event::Model, me: &user::Model, id: i32) -> AppResult<()> {
    let res = window::Entity::delete_many()
        .filter(window::Column::Id.eq(id))
        .filter(window::Column::EventId.eq(e.id))
        .filter(window::Column::UserId.eq(me.id))
        .exec(db)
        .await?;
    if res.rows_affected == 0 {
        return Err(AppError::NotFound);
    }
    Ok(())
}

/// Every window stated for the event (speaker = user id), for the schedule builder's warnings.
pub async fn unavailable_in(db: &impl ConnectionTrait, event_id: i32) -> AppResult<Vec<Unavailable>> {
    Ok(window::Entity::find()
        .filter(window::Column::EventId.eq(event_id))
        .order_by_asc(window::Column::UserId)
        .order_by_asc(window::Column::StartsAt)
        .order_by_asc(window::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|w| Unavailable { speaker: w.user_id, start: w.starts_at, end: w.ends_at })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(zone: &str, start: (i32, u32, u32), end: (i32, u32, u32)) -> event::Model {
        let d = |(y, m, d): (i32, u32, u32)| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        event::Model {
            id: 1,
            slug: "e".into(),
            name: "E".into(),
            city: String::new(),
            venue: String::new(),
            time_zone: zone.into(),
            start_date: d(start),
            end_date: d(end),
            description: String::new(),
            visibility: "public".into(),
            default_language: "en".into(),
            created_at: chrono::DateTime::default(),
        }
    }

    fn form(s: &str, e: &str) -> WindowForm {
        WindowForm { starts_at: s.into(), ends_at: e.into(), note: String::new() }
    }

    #[test]
    fn the_event_runs_from_local_midnight_to_local_midnight() {
        let (lo, hi) = event_bounds(&event("Europe/Paris", (2027, 3, 27), (2027, 3, 28)));
        assert_eq!(lo.to_rfc3339(), "2027-03-26T23:00:00+00:00", "winter time on the first day");
        assert_eq!(hi.to_rfc3339(), "2027-03-28T22:00:00+00:00", "summer time after the change");
    }

    #[test]
    fn windows_are_read_in_the_event_zone_and_checked() {
        let e = event("Europe/Paris", (2027, 3, 28), (2027, 3, 28));
        let (s, en, _) = checked_window(&e, &form("2027-03-28T10:00", "2027-03-28T12:00")).unwrap();
        assert_eq!((s.to_rfc3339().as_str(), en.to_rfc3339().as_str()), ("2027-03-28T08:00:00+00:00", "2027-03-28T10:00:00+00:00"));
        let err = checked_window(&e, &form("2027-03-28T02:30", "nonsense")).unwrap_err();
        assert_eq!(err.status_code(), 422);
        assert!(err.field_message("starts_at").unwrap().contains("does not exist"));
        assert!(err.field_message("ends_at").unwrap().contains("like 2026-09-30T23:59"));
        let err = checked_window(&e, &form("2027-03-29T00:00", "2027-03-29T01:00")).unwrap_err();
        assert!(err.field_message("starts_at").unwrap().contains("28 March 2027"));
    }
}
