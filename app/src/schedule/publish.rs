//! Publishing: the work-in-progress schedule is frozen as the next numbered version with its
//! changelog; speakers whose talk was added or moved get one mail each. Nothing changed, nothing
//! published, nobody mailed.
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

use super::place::lock;
use super::service::{load, Loaded};
use super::{room_label, VersionView};
use crate::agenda::changes::{change_line, version_row};
use crate::db::BeginWrite;
use crate::entities::{event, schedule_version, user};
use crate::error::{AppError, AppResult};
use crate::formats::zoned::zone;
use crate::lang::{dates, for_recipient, use_locale, Locale};
use crate::published::{latest, snapshot_of};
use crate::state::AppState;
use crate::tr;
use domain::timetable::{changelog, Change, Slot, SlotSpeaker, TITLE_MAX};

/// The language of what a version freezes for attendees (the name of "All rooms", the version's
/// date): the event's default, whoever publishes.
fn published_language(e: &event::Model) -> Locale {
    for_recipient(None, Some(&e.default_language))
}

/// The placed items as a version would freeze them, in time then room order.
pub fn slots(loaded: &Loaded) -> Vec<Slot> {
    let locale = published_language(&loaded.event);
    let mut slots: Vec<Slot> = loaded
        .items
        .iter()
        .filter_map(|i| {
            let p = i.placed.as_ref()?;
            let room_ids = i.placement(&loaded.rooms)?.rooms;
            let room = room_label(locale, &loaded.rooms, p.room);
            Some(Slot {
                item: i.id,
                kind: i.kind,
                code: i.code.clone(),
                title: i.title.clone(),
                room_ids,
                room,
                start: p.start,
                end: p.end,
                speakers: i.speakers.iter().zip(&i.speaker_names).map(|(id, name)| SlotSpeaker { id: *id, name: name.clone() }).collect(),
                format: i.format.clone(),
                track: i.track.clone(),
            })
        })
        .collect();
    let position = |s: &Slot| s.room_ids.first().and_then(|r| loaded.rooms.iter().position(|x| x.id == *r)).unwrap_or(0);
    slots.sort_by_key(|s| (s.start, position(s), s.item));
    slots
}

/// What publishing now would change.
pub fn pending(loaded: &Loaded, latest: Option<&schedule_version::Model>) -> AppResult<Vec<String>> {
    let before = latest.map(snapshot_of).transpose()?.unwrap_or_default();
    Ok(changelog(&before, &slots(loaded)).iter().map(|c| change_line(c, loaded.tz)).collect())
}

/// "v3 — 12 Jan" (the date in `l`) unless the organiser named it.
fn version_name(l: Locale, typed: &str, number: i32, now: DateTime<Utc>, tz: Tz) -> AppResult<String> {
    let typed = typed.trim();
    if typed.chars().count() > TITLE_MAX {
        return Err(AppError::field("name", tr!(schedule.publish.name_too_long, max = TITLE_MAX).to_string()));
    }
    let date = dates::with_pattern(l, now.with_timezone(&tz).date_naive(), leptos_i18n::td_string!(l, schedule.publish.version_date));
    Ok(if typed.is_empty() { format!("v{number} — {date}") } else { format!("v{number} — {typed}") })
}

/// Freezes the work in progress of `e` as its next version inside `txn` (after taking the lock);
/// answers the version's number, name and changes, or None when nothing changed since the last.
pub async fn freeze(
    txn: &impl ConnectionTrait,
    e: &event::Model,
    by: Option<i32>,
    name: &str,
    now: DateTime<Utc>,
) -> AppResult<Option<(i32, String, Vec<Change>)>> {
    let tz = zone(&e.time_zone);
    lock(txn, e.id).await?;
    let loaded = load(txn, e, now).await?;
    let previous = latest(txn, e.id).await?;
    let number = previous.as_ref().map_or(1, |v| v.number + 1);
    let name = version_name(published_language(e), name, number, now, tz)?;
    let before = previous.as_ref().map(snapshot_of).transpose()?.unwrap_or_default();
    let now_slots = slots(&loaded);
    let changes = changelog(&before, &now_slots);
    if changes.is_empty() {
        return Ok(None);
    }
    schedule_version::ActiveModel {
        event_id: Set(e.id),
        number: Set(number),
        name: Set(name.clone()),
        snapshot: Set(to_json(&now_slots)?),
        changelog: Set(to_json(&changes)?),
        published_by: Set(by),
        published_at: Set(now),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    Ok(Some((number, name, changes)))
}

/// Publishes the work in progress and mails the speakers whose talks were added or moved, in one
/// transaction; None when nothing changed since the last version.
pub async fn publish(state: &AppState, e: &event::Model, me: &user::Model, name: &str) -> AppResult<Option<i32>> {
    let txn = state.db.begin_write().await?;
    let Some((number, name, changes)) = freeze(&txn, e, Some(me.id), name, state.clock.now()).await? else {
        return Ok(None);
    };
    super::mails::queue_for_changes(&txn, state, e, &name, &changes).await?;
    txn.commit().await?;
    state.mail_wake.notify_one();
    // The agenda is out whatever happens here; a clash not mailed now is mailed at the next publish.
    if let Err(err) = crate::volunteers::clashes::notice(state, e, state.clock.now()).await {
        tracing::warn!(event = %e.slug, error = %err, "volunteer clashes not mailed");
    }
    Ok(Some(number))
}

fn to_json<T: serde::Serialize>(v: &T) -> AppResult<String> {
    serde_json::to_string(v).map_err(|_| AppError::Internal)
}

/// Version `number` of `e`, grouped by day, as it was published.
pub async fn version_view(db: &impl ConnectionTrait, e: &event::Model, number: i32) -> AppResult<VersionView> {
    let tz = zone(&e.time_zone);
    let l = use_locale();
    let v = schedule_version::Entity::find()
        .filter(schedule_version::Column::EventId.eq(e.id))
        .filter(schedule_version::Column::Number.eq(number))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut days: Vec<(String, Vec<(String, String, String, String)>)> = Vec::new();
    for s in snapshot_of(&v)? {
        let start = s.start.with_timezone(&tz);
        let day = dates::day(l, start.date_naive());
        let time = format!("{}–{}", dates::time(l, start.time()), dates::time(l, s.end.with_timezone(&tz).time()));
        let speakers = s.speakers.iter().map(|p| p.name.as_str()).collect::<Vec<_>>().join(", ");
        let line = (time, s.room.clone(), s.title.clone(), speakers);
        match days.last_mut() {
            Some((d, lines)) if *d == day => lines.push(line),
            _ => days.push((day, vec![line])),
        }
    }
    Ok(VersionView { event: crate::events::summary::summary(e), version: version_row(&v, tz), days })
}
